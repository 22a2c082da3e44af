//! jixiao: a compiler for budget performance targets (预算绩效目标).
//!
//! The pipeline runs one way: text → AST ([`syntax`], [`ast`]) → checks
//! ([`check`], which publish the resolved [`model`]) → outputs ([`emit`]).
//! Diagnostics ([`diag`]) are plain data that every phase returns and only
//! the CLI prints.

pub mod ast;
pub mod check;
pub mod diag;
pub mod emit;
pub mod encoding;
pub mod fmt;
pub mod forms;
#[doc(hidden)]
pub mod fuzz;
pub mod i18n;
pub mod import;
pub mod lsp;
pub mod model;
pub mod project;
pub mod source;
pub mod syntax;
pub mod world;

pub use project::{load, load_with, load_with_options, Input, LoadOptions, Project, Reloader};

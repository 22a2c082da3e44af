//! From text to AST: the pest grammar,
//! normalisation of what people type, and the lowering pass.

pub(crate) mod braces;
pub mod cst;
pub(crate) mod grammar;
pub mod invisible;
pub mod keywords;
pub mod limits;
pub(crate) mod lower;
pub(crate) mod normalize;
pub mod reparse;
pub mod views;

pub use grammar::Rule;
pub use lower::{days_in_month, lower, parse_document};

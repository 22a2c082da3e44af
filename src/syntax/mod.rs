//! From text to AST: the pest grammar,
//! normalisation of what people type, and the lowering pass.

pub mod cst;
pub mod grammar;
pub mod invisible;
pub mod limits;
pub mod lower;
pub mod normalize;
pub mod views;

pub use lower::{lower, parse_document};

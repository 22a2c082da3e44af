//! From text to AST: the pest grammar,
//! normalisation of what people type, and the lowering pass.

pub mod grammar;
pub mod keywords;
pub mod lower;
pub mod normalize;

pub use lower::parse_document;

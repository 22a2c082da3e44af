//! From text to AST: the pest grammar, source files with their line index,
//! normalisation of what people type, and the lowering pass.

pub mod grammar;
pub mod lower;
pub mod normalize;
pub mod source;

pub use lower::parse_document;

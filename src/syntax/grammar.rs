//! The pest parser generated from `grammar/jixiao.pest`.

#[derive(pest_derive::Parser)]
#[grammar = "grammar/jixiao.pest"]
pub struct JxParser;

//! `jixiao import`: the Excel/WPS tables units already have, into `.jx`.
//!
//! A workbook ([`read`]: `.xlsx`, `.xls` through calamine, or `.csv`) is
//! read as sheets of cell texts; [`recognise`] walks each sheet row by row
//! and knows a table by the text of its cells, never by their position.
//! The official forms are known through the form catalogue
//! ([`crate::forms`], what the tables are printed from; [`catalogue`]):
//! a title names its forms, a label the part whose source says which
//! field its value cells hold, a line above or under the table its
//! pattern. Beyond the catalogue, the layouts of published tables:
//! a title (`…整体支出绩效目标表`, `…项目支出绩效目标表`, `…汇总表`), the
//! labels of a table's head (`部门（单位）名称`, `项目名称`, `年度预算申请`,
//! `年度绩效目标` …), and the header row of a grid (`一级指标 二级指标
//! 三级指标 指标值 计量单位`, `序号 名称 金额`, `项目 金额`). So a header block
//! may stand anywhere in a sheet, with blank rows, merged cells (read as
//! their top-left cell, a blank tier cell continuing the one above) and
//! several tables one after the other. [`write`] prints the document and
//! the formatter gives it the canonical style. The document states the
//! indicator framework (`scheme`) given on the command line, else the one
//! the tables' tiers show (成本指标 as a 一级: 财预2021; 满意度指标 as a
//! 一级: 财预2020; 服务对象满意度 under 效益, or 成本 under 产出 under a
//! title of the 地方旧式 forms: 地方旧式), so that `jixiao check` runs the
//! tier checks on it.
//!
//! A framework inferred from the tiers is said in a note (I005).
//!
//! Nothing is dropped in silence: a cell that is not part of a recognised
//! table is an I001 finding with its address (`表1!C7`) and the reason; a
//! sheet in which no table is recognised is an I002 error naming the sheet
//! and the cell where recognition failed; a value that cannot be read as
//! written is kept as a text (I004). What the tables say is imported as
//! stated: a table that does not add up is left so, for `jixiao check` to
//! report.

mod catalogue;
pub mod read;
mod recognise;
mod write;

use std::path::Path;

use crate::diag::{Code, Diagnostic};
use crate::msg;

/// The frameworks `--scheme` may name: the built-in ones.
pub const SCHEMES: &[&str] = crate::check::frameworks::BUILT_IN;

/// One workbook imported: the `.jx` text (canonical style) and the
/// findings of the import.
#[derive(Debug)]
pub struct Imported {
    /// The file's stem: the `.jx` file is named `NAME.jx`.
    pub name: String,
    pub text: String,
    pub diags: Vec<Diagnostic>,
}

/// Import one workbook. `scheme` names the indicator framework (one of
/// [`SCHEMES`]); without it the framework is the
/// one the tables' tiers show, if they show one. `Err` holds the error
/// findings (I002, I003) and the warnings found before them: no `.jx`
/// text is given then.
/// The written text in the formatter's style. A text larger than a file may
/// be is refused (S011): `check` would not read it, and the formatter does
/// not format it. (Another refusal of the formatter leaves the text as
/// written: it says the same.)
fn formatted(text: String, file: &str) -> Result<String, Vec<Diagnostic>> {
    match crate::fmt::format_source(&text, &crate::fmt::Options::default()) {
        Ok(out) => Ok(out),
        Err(crate::fmt::Error::TooLarge { limit }) => Err(vec![Diagnostic::new(
            Code::S011,
            msg!("s011-import-too-large", file = file, limit = limit >> 20),
        )
        .help(msg!("s011-import-help"))]),
        Err(_) => Ok(text),
    }
}

pub fn import(path: &Path, scheme: Option<&str>) -> Result<Imported, Vec<Diagnostic>> {
    let file = path.display().to_string();
    let sheets = match read::read(path) {
        Ok(s) => s,
        Err(read::ReadError::Kind(ext)) => {
            return Err(vec![Diagnostic::new(
                Code::I003,
                msg!("i003-not-a-table-file", file = file, ext = ext),
            )
            .help(msg!("i003-help"))]);
        }
        Err(read::ReadError::Broken(why)) => {
            return Err(vec![Diagnostic::new(
                Code::I003,
                msg!("i003-unreadable", file = file, why = why),
            )
            .help(msg!("i003-help"))]);
        }
    };
    let mut book = recognise::recognise(&sheets);
    if book.diags.iter().any(|d| d.code == Code::I002) {
        return Err(book.diags);
    }
    let mut diags = std::mem::take(&mut book.diags);
    let scheme = match scheme {
        Some(s) => Some(s),
        None => recognise::infer_scheme(&book).map(|inf| {
            // Written into the document though no cell states it: the
            // user is told which one, from which cell, and how to choose.
            diags.push(
                Diagnostic::new(
                    Code::I005,
                    msg!(
                        "i005-scheme-inferred",
                        scheme = inf.scheme,
                        cell = inf.cell,
                        why = crate::i18n::Message::new(inf.why)
                    ),
                )
                .help(msg!("i005-help", schemes = SCHEMES.join(", ")))
                .as_note(),
            );
            inf.scheme
        }),
    };
    let text = write::document(&book, scheme, &mut diags);
    let text = formatted(text, &file)?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "import".to_string());
    Ok(Imported { name, text, diags })
}

#[cfg(test)]
mod size_tests {
    /// Tables that would make a `.jx` file over the size limit are refused
    /// with S011, not written unformatted for `check` to refuse later.
    #[test]
    fn a_text_over_the_limit_is_refused() {
        let limit = crate::syntax::limits::MAX_FILE_BYTES;
        let mut text = "// 注\n".repeat(limit / 6);
        while text.len() <= limit {
            text.push('\n');
        }
        let refused = super::formatted(text, "big.xlsx").expect_err("refused");
        assert_eq!(refused[0].code, crate::diag::Code::S011);
        let zh = refused[0].message.render(crate::i18n::Lang::Zh);
        assert!(zh.contains("big.xlsx") && zh.contains("16 MiB"), "{zh}");
        assert_eq!(
            super::formatted("year  2024\n".into(), "t.csv").unwrap(),
            "year 2024\n"
        );
    }
}

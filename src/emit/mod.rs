//! Backends: each turns the resolved model of a run ([`crate::model`]) into
//! one output format. A backend never re-parses and never re-derives what
//! the checks decided (the header's defaults, rollup members, indicator
//! tiers): it renders the model, prints the figures as stated and shows the
//! diagnostics it is given.
//!
//! - [`json`]: the checked model (`schema/jixiao-model.v1.schema.json`);
//! - [`csv`]: flat tables of indicators, budget lines and projects;
//! - [`html`]: the official tables, one self-contained page per document;
//! - [`xlsx`]: the same tables as a workbook, one sheet per unit;
//! - [`report`]: the reviewer's report, every finding by unit with an
//!   empty column for the reviewer's opinion (HTML and XLSX).
//!
//! [`layout`] holds the table layouts that HTML and XLSX share, and
//! [`text`] how a stated value is written, shared by every backend.

pub(crate) mod csv;
pub(crate) mod html;
pub mod json;
pub(crate) mod layout;
pub(crate) mod report;
pub(crate) mod text;
pub(crate) mod xlsx;

use crate::ast::Indicator;
use crate::diag::Diagnostic;
use crate::i18n::Lang;
use crate::model::{Document, Model};

/// The cells the official tables (HTML and XLSX) print for an indicator:
/// 指标值类型, 指标值 and 计量单位, as written.
pub fn indicator_cells(doc: &Document, i: &Indicator) -> [String; 3] {
    let sources = &doc.project.sources;
    let v = text::value_cells(i, sources);
    [text::type_cell(i), v.value, v.unit]
}

/// A failure of a backend to produce its bytes.
#[derive(Debug)]
pub enum Error {
    Json(serde_json::Error),
    Csv(::csv::Error),
    /// Writing a CSV table into memory failed.
    Io(std::io::Error),
    Xlsx(rust_xlsxwriter::XlsxError),
    /// The project was loaded lean (its trees are skeletons,
    /// [`crate::project::LoadOptions::lean`]): only the JSON model reads
    /// each unit whole again; another format would print empty tables.
    LoadedLean,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Json(e) => write!(f, "cannot write JSON: {e}"),
            Error::Csv(e) => write!(f, "cannot write CSV: {e}"),
            Error::Io(e) => write!(f, "cannot write CSV: {e}"),
            Error::Xlsx(e) => write!(f, "cannot write XLSX: {e}"),
            Error::LoadedLean => write!(f, "only the JSON model is built from a lean load"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Json(e) => Some(e),
            Error::Csv(e) => Some(e),
            Error::Io(e) => Some(e),
            Error::Xlsx(e) => Some(e),
            Error::LoadedLean => None,
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::Json(e)
    }
}

impl From<::csv::Error> for Error {
    fn from(e: ::csv::Error) -> Self {
        Error::Csv(e)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Io(e)
    }
}

impl From<rust_xlsxwriter::XlsxError> for Error {
    fn from(e: rust_xlsxwriter::XlsxError) -> Self {
        Error::Xlsx(e)
    }
}

/// An output format of `jixiao build`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Html,
    Xlsx,
    /// The reviewer's report: `NAME.report.html` and `NAME.report.xlsx`.
    Report,
}

/// Options of the backends.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Start each CSV file with a UTF-8 byte-order mark (for Excel).
    pub bom: bool,
    /// The language of the findings' messages and of the CSV headers (the
    /// official tables are Chinese whatever it is).
    pub lang: Lang,
}

/// One file to write: its name (no directory) and its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Every output of a run, in a stable order: for each document (in the
/// order of `model.documents`) its files, then `index.html` when several
/// documents are built as HTML. `names` gives each document's base name
/// (one per document); a name given twice is made unique with `-2`, `-3`….
pub fn build(
    model: &Model,
    diags: &[Diagnostic],
    format: Format,
    options: &Options,
    names: &[String],
) -> Result<Vec<Output>, Error> {
    plan(model, diags, format, options, names)?
        .into_iter()
        .map(|p| {
            let mut bytes = Vec::new();
            p.write_to(&mut bytes)?;
            Ok(Output {
                name: p.name,
                bytes,
            })
        })
        .collect()
}

/// One output of a run, its content made as it is written
/// ([`Planned::write_to`]): a document's JSON model goes straight into its
/// file, one unit at a time, and its HTML page a table at a time, so that
/// an output several times the size of the sources is never held whole;
/// other formats are made before.
pub struct Planned<'a, 'p> {
    /// The file's name (no directory).
    pub name: String,
    content: Content<'a, 'p>,
}

enum Content<'a, 'p> {
    Bytes(Vec<u8>),
    Json {
        doc: &'a Document<'p>,
        /// The document's findings.
        findings: Vec<&'a Diagnostic>,
        lang: Lang,
    },
    Html {
        layout: layout::Layout<'a>,
        project: &'p crate::project::Project,
        lang: Lang,
    },
}

impl Planned<'_, '_> {
    fn bytes(name: String, bytes: Vec<u8>) -> Self {
        Planned {
            name,
            content: Content::Bytes(bytes),
        }
    }

    /// Write the output's content into `out`.
    pub fn write_to(&self, mut out: &mut dyn std::io::Write) -> std::io::Result<()> {
        match &self.content {
            Content::Bytes(bytes) => out.write_all(bytes),
            Content::Json {
                doc,
                findings,
                lang,
            } => {
                json::write_document(&mut out, doc, findings, *lang)?;
                out.write_all(b"\n")
            }
            Content::Html {
                layout,
                project,
                lang,
            } => html::write(out, layout, project, *lang),
        }
    }
}

/// The outputs [`build`] makes, each to be written where it goes.
pub fn plan<'a, 'p>(
    model: &'a Model<'p>,
    diags: &'a [Diagnostic],
    format: Format,
    options: &Options,
    names: &[String],
) -> Result<Vec<Planned<'a, 'p>>, Error> {
    if model.project.lean && format != Format::Json {
        return Err(Error::LoadedLean);
    }
    let names = unique(names);
    let mut out = Vec::new();
    let mut index = Vec::new();
    let by_document = layout::findings_by_document(model, diags);
    for (i, ((doc, name), findings)) in model
        .documents
        .iter()
        .zip(&names)
        .zip(by_document)
        .enumerate()
    {
        match format {
            Format::Report => {
                out.push(Planned::bytes(
                    format!("{name}.report.html"),
                    report::html(model, i, &findings, name, options.lang).into_bytes(),
                ));
                out.push(Planned::bytes(
                    format!("{name}.report.xlsx"),
                    report::xlsx(model, i, &findings, name, options.lang)?,
                ));
            }
            Format::Json => out.push(Planned {
                name: format!("{name}.json"),
                content: Content::Json {
                    doc,
                    findings,
                    lang: options.lang,
                },
            }),
            Format::Csv => {
                for (suffix, bytes) in csv::document(doc, options.bom, options.lang)? {
                    out.push(Planned::bytes(format!("{name}.{suffix}.csv"), bytes));
                }
            }
            Format::Html => {
                let file = format!("{name}.html");
                let layout = layout::layout(doc, findings, name);
                index.push(html::IndexEntry::new(&layout, &file));
                out.push(Planned {
                    name: file,
                    content: Content::Html {
                        layout,
                        project: doc.project,
                        lang: options.lang,
                    },
                });
            }
            Format::Xlsx => {
                let layout = layout::layout(doc, findings, name);
                out.push(Planned::bytes(
                    format!("{name}.xlsx"),
                    xlsx::render(&layout)?,
                ));
            }
        }
    }
    if format == Format::Html && index.len() > 1 {
        out.push(Planned::bytes(
            "index.html".into(),
            html::index(&index).into_bytes(),
        ));
    }
    Ok(out)
}

fn unique(names: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    // Sets: checking a directory of thousands of documents gives thousands
    // of names, many alike (`main`), and a search of the names taken for
    // each try grew with the cube of their number.
    let mut taken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut next: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for n in names {
        let mut candidate = n.clone();
        let k = next.entry(n.as_str()).or_insert(2);
        while taken.contains(&candidate) || (candidate == "index" && names.len() > 1) {
            candidate = format!("{n}-{k}");
            *k += 1;
        }
        taken.insert(candidate.clone());
        out.push(candidate);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_unique() {
        let n = |v: &[&str]| super::unique(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(n(&["a", "a", "b", "a"]), ["a", "a-2", "b", "a-3"]);
        assert_eq!(n(&["index", "b"]), ["index-2", "b"]);
        assert_eq!(n(&["index"]), ["index"]);
    }
}

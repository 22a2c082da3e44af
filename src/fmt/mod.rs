//! `jixiao fmt`: rewrite a `.jx` file in one canonical style.
//!
//! The formatter prints pest's parse tree, not the AST, so that it sees every
//! token as written. Comments are a silent rule of the grammar and never
//! appear in the tree; they are recovered from the gaps between the tree's
//! tokens ([`comments`]) and put back where they were: an end-of-line
//! comment stays on its line, an own-line comment stays before what it
//! preceded, at its indentation.
//!
//! Canonical means: one spelling per keyword (English or Chinese, by default
//! the one most of the file's keywords are written in), comparisons as
//! `≥ ≤ = > < ≠`, full-width punctuation and digits outside strings and names
//! as ASCII, two spaces per block level, amounts of a breakdown (and the
//! columns of staff lines and summary rows) aligned by display width, names
//! quoted only when they must be. Figures keep their digits: precision and
//! thousands separators are never changed.
//!
//! A formatted file means exactly what the original meant. [`format_source`]
//! checks this itself: it parses its own output and refuses to return it
//! unless the syntax tree (without positions) and the syntax diagnostics are
//! the same, and every comment was printed.

mod comments;
mod layout;
mod printer;

use crate::diag::{Code, Diagnostic};
use crate::source::FileId;
use crate::syntax::grammar::{JxParser, Rule};
use crate::syntax::parse_document;
use pest::Parser;

/// Which spelling keywords are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keywords {
    /// The file's own: the language most of its keywords are written in
    /// (English on a tie).
    #[default]
    Keep,
    /// Chinese: `单位`, `预算`, `按 收入`, `绩效指标` …
    Zh,
    /// English: `unit`, `budget`, `by income`, `indicators` …
    En,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    pub keywords: Keywords,
}

/// Why a file was not formatted.
#[derive(Debug)]
pub enum Error {
    /// The file cannot be read (S001/S002, S010): formatting would have to
    /// guess.
    /// The diagnostics are those of `parse_document` with `FileId(0)`.
    Syntax(Vec<Diagnostic>),
    /// The formatter failed its own checks (a bug): the output would not
    /// mean what the input means, or a comment would be lost. The input must
    /// be left as it is.
    Internal(String),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Syntax(d) => write!(f, "{} syntax error(s): not formatted", d.len()),
            Error::Internal(why) => write!(f, "internal formatter error: {why}"),
        }
    }
}

impl std::error::Error for Error {}

/// Format one file's text. A leading BOM and CRLF line endings are kept.
pub fn format_source(text: &str, options: &Options) -> Result<String, Error> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let (doc, diags) = parse_document(FileId(0), body);
    let syntax: Vec<Diagnostic> = diags
        .iter()
        .filter(|d| matches!(d.code, Code::S001 | Code::S002 | Code::S010))
        .cloned()
        .collect();
    if !syntax.is_empty() {
        return Err(Error::Syntax(syntax));
    }
    let file = JxParser::parse(Rule::file, body)
        .map_err(|e| Error::Internal(format!("the parser failed where lowering did not: {e}")))?
        .next()
        .ok_or_else(|| Error::Internal("no parse tree".into()))?;
    let found = comments::collect(body, file.clone());
    let lang = match options.keywords {
        Keywords::Zh => printer::Lang::Zh,
        Keywords::En => printer::Lang::En,
        Keywords::Keep => printer::majority(file.clone()),
    };
    let newline = if body.split('\n').next().is_some_and(|l| l.ends_with('\r')) {
        "\r\n"
    } else {
        "\n"
    };
    let lines = printer::print(body, &found, file, lang)?;
    let out = layout::render(&lines, newline);

    // The formatter's own proof that nothing changed but the layout.
    let (doc2, diags2) = parse_document(FileId(0), &out);
    if diags2
        .iter()
        .any(|d| matches!(d.code, Code::S001 | Code::S002))
    {
        return Err(Error::Internal(
            "the formatted text has a syntax error".into(),
        ));
    }
    if span_free(&format!("{doc:?}")) != span_free(&format!("{doc2:?}")) {
        return Err(Error::Internal(
            "the formatted text would not mean the same".into(),
        ));
    }
    if codes(&diags) != codes(&diags2) {
        return Err(Error::Internal(
            "the formatted text would not give the same diagnostics".into(),
        ));
    }
    let found2 = JxParser::parse(Rule::file, &out)
        .ok()
        .and_then(|mut p| p.next())
        .map(|f| comments::collect(&out, f))
        .unwrap_or_default();
    let before: Vec<&str> = found.iter().map(|c| comment_text(body, c)).collect();
    let after: Vec<&str> = found2.iter().map(|c| comment_text(&out, c)).collect();
    if !comments_kept(&before, &after) {
        return Err(Error::Internal("a comment would be lost".into()));
    }
    Ok(format!("{bom}{out}"))
}

/// A rendering of a file's syntax tree without positions: two texts with
/// equal renderings mean the same. Used by the formatter to check itself and
/// by the tests.
pub fn meaning(text: &str) -> (String, Vec<&'static str>) {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (doc, diags) = parse_document(FileId(0), body);
    (span_free(&format!("{doc:?}")), codes(&diags))
}

fn comment_text<'a>(src: &'a str, c: &comments::Comment) -> &'a str {
    src[c.start..c.end].trim_end()
}

/// Whether the comments `after` formatting are those `before`, in order.
/// Comments that end up on one line may have become one (`// a // b`).
fn comments_kept(before: &[&str], after: &[&str]) -> bool {
    let mut i = 0;
    for a in after {
        let mut joined = String::new();
        while i < before.len() && joined.len() < a.len() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(before[i]);
            i += 1;
        }
        if joined != *a {
            return false;
        }
    }
    i == before.len()
}

fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
    let mut c: Vec<&'static str> = diags.iter().map(|d| d.code.as_str()).collect();
    c.sort_unstable();
    c
}

/// Remove every `Span { … }` from a `Debug` rendering.
fn span_free(debug: &str) -> String {
    let mut out = String::with_capacity(debug.len());
    let mut rest = debug;
    while let Some(i) = rest.find("Span {") {
        out.push_str(&rest[..i]);
        out.push_str("Span");
        rest = match rest[i..].find('}') {
            Some(j) => &rest[i + j + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

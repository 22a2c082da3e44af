//! `jixiao fmt`: rewrite a `.jx` file in one canonical style.
//!
//! The formatter prints the file's lossless tree ([`crate::syntax::cst`]),
//! not the AST, so that it sees every token as written, and every comment
//! and line break: they are trivia tokens of the tree ([`tokens`]). Comments
//! are put back where they were: an end-of-line comment stays on its line,
//! an own-line comment stays before what it preceded, at its indentation.
//!
//! Canonical means: one spelling per keyword (English or Chinese, by default
//! the one most of the file's keywords are written in), comparisons as
//! `≥ ≤ = > < ≠`, full-width punctuation and digits outside strings and names
//! as ASCII, two spaces per block level, amounts of a breakdown (and the
//! columns of staff lines and summary rows) aligned by display width, names
//! quoted only when they must be. Figures keep their digits: precision and
//! thousands separators are never changed.
//!
//! A file with syntax errors (S001: lines the grammar could not read) is
//! formatted all the same: each error line is left exactly as written, at
//! its place among the items, and the rest is canonical. Only a file whose
//! braces do not balance (S002, nothing known of its structure) is refused.
//!
//! A formatted file means exactly what the original meant. [`format_source`]
//! checks this itself: the file is parsed once, and when the output differs
//! from the input, the input's tree is lowered, the output is parsed and
//! lowered, and both must give the same document ([`meaning`]: the AST
//! without positions) and the same diagnostics (code and message), with
//! every comment printed. Output equal to the input needs no proof.

mod layout;
mod printer;
mod tokens;

use crate::ast::{Document, VisitSpans};
use crate::diag::{Code, Diagnostic};
use crate::i18n::Message;
use crate::msg;
use crate::source::FileId;
use crate::syntax::{self, cst};
use tokens::Tokens;

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
    /// The text is larger than a file may be
    /// ([`crate::syntax::limits::MAX_FILE_BYTES`]): spans hold 32-bit
    /// offsets, and a project never loads such a file (S011), so the
    /// formatter never reads one either, whoever asks.
    TooLarge {
        /// The limit in bytes.
        limit: usize,
    },
    /// The file's blocks cannot be read (S002: its braces do not balance;
    /// S010: they nest too deeply), so nothing is known of its structure.
    /// The diagnostics are those of the lowering with `FileId(0)`. (A file
    /// with other syntax errors is formatted, its error lines left as
    /// written.)
    Syntax(Vec<Diagnostic>),
    /// The formatter failed its own checks (a bug): the output would not
    /// mean what the input means, or a comment would be lost. The input must
    /// be left as it is. Why, as a message of the catalogues (`fmt-internal-*`).
    Internal(Message),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::TooLarge { limit } => {
                write!(
                    f,
                    "larger than a file may be ({} MiB): not formatted",
                    limit >> 20
                )
            }
            Error::Syntax(d) => write!(f, "{} syntax error(s): not formatted", d.len()),
            Error::Internal(why) => write!(
                f,
                "internal formatter error: {}",
                why.render(crate::i18n::Lang::En)
            ),
        }
    }
}

impl std::error::Error for Error {}

/// Format one file's text. A leading BOM and CRLF line endings are kept.
pub fn format_source(text: &str, options: &Options) -> Result<String, Error> {
    let limit = syntax::limits::MAX_FILE_BYTES;
    if text.len() > limit {
        return Err(Error::TooLarge { limit });
    }
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    let parse = cst::parse(body);
    if parse.failed_at.is_some() {
        return Err(Error::Syntax(syntax::lower(FileId(0), body, &parse).1));
    }
    let tokens = Tokens::new(&parse.green);
    let lang = match options.keywords {
        Keywords::Zh => printer::Lang::Zh,
        Keywords::En => printer::Lang::En,
        Keywords::Keep => printer::majority(body, &tokens),
    };
    let newline = line_break(body);
    let root = cst::Pair::root(parse.root(), body);
    let lines = printer::print(body, &tokens, root, lang)?;
    let out = layout::render(&lines, newline);
    if out == body {
        return Ok(text.to_string());
    }

    // The formatter's own proof that nothing changed but the layout (the
    // input's tree is lowered only now: an unchanged file needs no proof).
    let (doc, diags) = syntax::lower(FileId(0), body, &parse);
    let parse2 = cst::parse(&out);
    if parse2.failed_at.is_some() {
        return Err(Error::Internal(msg!("fmt-internal-unreadable")));
    }
    let (doc2, diags2) = syntax::lower(FileId(0), &out, &parse2);
    let (before, after) = (Meaning::new(doc, &diags), Meaning::new(doc2, &diags2));
    if before.document != after.document {
        return Err(Error::Internal(msg!("fmt-internal-meaning")));
    }
    if before.diagnostics != after.diagnostics {
        return Err(Error::Internal(msg!("fmt-internal-diagnostics")));
    }
    let comments = tokens.comment_texts(body);
    let comments2 = Tokens::new(&parse2.green).comment_texts(&out);
    if !comments_kept(&comments, &comments2) {
        return Err(Error::Internal(msg!("fmt-internal-comment-lost")));
    }
    // A U+FEFF the layout brought to the start (after blank lines that are
    // gone) would be read as a byte-order mark and dropped: a mark before
    // it keeps it a character of the text.
    let bom = if out.starts_with('\u{feff}') {
        "\u{feff}"
    } else {
        bom
    };
    Ok(format!("{bom}{out}"))
}

/// The line break the formatted text is written with: the file's own
/// when all its line breaks are alike (CRLF, or a lone CR), else LF. Lines
/// printed as written keep their own breaks, so a file of mixed breaks is
/// printed with LF, and stays so when formatted again.
fn line_break(text: &str) -> &'static str {
    let b = text.as_bytes();
    let (mut lf, mut crlf, mut cr) = (0usize, 0usize, 0usize);
    for (i, &c) in b.iter().enumerate() {
        match c {
            b'\n' if i > 0 && b[i - 1] == b'\r' => crlf += 1,
            b'\n' => lf += 1,
            b'\r' if b.get(i + 1) != Some(&b'\n') => cr += 1,
            _ => {}
        }
    }
    match (lf, crlf, cr) {
        (0, 1.., 0) => "\r\n",
        (0, 0, 1..) => "\r",
        _ => "\n",
    }
}

/// What a file says: its document without positions, and the diagnostics
/// of reading it (code and message, in order). Two texts with equal
/// meanings say the same; the formatter proves its output with this, and
/// the tests use it.
#[derive(Clone, Debug, PartialEq)]
pub struct Meaning {
    pub document: Document,
    /// Messages quote figures as written: their full-width digits and
    /// signs, which the formatter writes in ASCII, are read as ASCII.
    pub diagnostics: Vec<(Code, String)>,
}

impl Meaning {
    fn new(mut document: Document, diags: &[Diagnostic]) -> Meaning {
        document.erase_spans();
        let diagnostics = diags
            .iter()
            .map(|d| {
                (
                    d.code,
                    printer::number_text(&d.message.render(crate::i18n::Lang::En)),
                )
            })
            .collect();
        Meaning {
            document,
            diagnostics,
        }
    }
}

/// The meaning of a file's text (a leading BOM aside).
pub fn meaning(text: &str) -> Meaning {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (doc, diags) = syntax::parse_document(FileId(0), body);
    Meaning::new(doc, &diags)
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

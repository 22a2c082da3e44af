//! Quick fixes for the findings whose fix is mechanical: the replacement is
//! read from the finding itself (its help says `did you mean X?` or
//! `write \`X\``, and its primary label marks what to replace), for the
//! codes where that replacement is the whole fix:
//!
//! - T001, T002 `did you mean X?`: write the tier name X;
//! - V004 `write \`≥\`` / `write \`≤\``: turn the comparison round;
//! - V003 `write \`= 100%\``: a rate of at least (or more than) 100%;
//! - B011 `write \`CODE NAME\``: the catalog's name for the code;
//! - V002 (定性 with a figure): mark it 定量;
//! - S002 `this \`}\` closes no block`: remove the brace; `this \`{\` is
//!   never closed`: add the `}` at the end of the file.

use crate::diag::{Code, Diagnostic};
use crate::source::Span;

/// A fix: replace `span` with `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub span: Span,
    pub text: String,
}

/// The text of the first help of `d` of the form `prefix…suffix`.
fn help_between<'a>(d: &'a Diagnostic, prefix: &str, suffix: &str) -> Option<&'a str> {
    d.help.iter().find_map(|h| {
        h.strip_prefix(prefix).and_then(|rest| {
            rest.strip_suffix(suffix)
                .or_else(|| rest.split(suffix).next())
        })
    })
}

/// The fix of a finding, if it has a mechanical one. `text` is the text
/// of the file of its primary label.
pub fn fix(d: &Diagnostic, text: &str) -> Option<Fix> {
    let span = d.primary_span()?;
    let written = text.get(span.start..span.end)?;
    let replace = |what: &str, with: &str| Fix {
        title: format!("{what} `{with}`"),
        span,
        text: with.to_string(),
    };
    match d.code {
        Code::T001 | Code::T002 => {
            let name = help_between(d, "did you mean ", "?")?;
            Some(replace("Write", name))
        }
        Code::V004 => {
            let cmp = help_between(d, "write `", "`")?;
            Some(replace("Write", cmp))
        }
        Code::V003 => {
            let with = help_between(d, "write `", "`")?;
            (with == "= 100%").then(|| replace("Write", with))
        }
        Code::B011 => {
            // `write \`30101 基本工资\``: the label is on the name.
            let with = help_between(d, "write `", "`")?;
            let name = with.split_once(' ').map(|(_, n)| n)?;
            Some(replace("Write the catalog's name", name))
        }
        Code::V002 => {
            let with = match written {
                "定性" => "定量",
                "qualitative" => "quantitative",
                _ => return None,
            };
            Some(replace("Mark it", with))
        }
        Code::S002 if d.message.contains("closes no block") => Some(Fix {
            title: "Remove the unmatched `}`".into(),
            span,
            text: String::new(),
        }),
        Code::S002 if d.message.contains("never closed") => {
            let end = text.len();
            let newline = if text.ends_with('\n') || text.is_empty() {
                ""
            } else {
                "\n"
            };
            Some(Fix {
                title: "Close the block at the end of the file".into(),
                span: Span {
                    file: span.file,
                    start: end,
                    end,
                },
                text: format!("{newline}}}\n"),
            })
        }
        _ => None,
    }
}

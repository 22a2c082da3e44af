//! Formatting through the formatter ([`crate::fmt::format_source`]). The
//! formatter works on whole files; the edits sent are the lines that
//! changed, so that the editor keeps its cursor and folds, and formatting a
//! range sends only the changed lines that meet the range.

use lsp_types::{Range, TextEdit};
use similar::{capture_diff_slices, Algorithm, DiffOp};

use super::position::LineIndex;
use crate::fmt::{self, Options};
use crate::i18n::Lang;
use crate::msg;

/// The edits that format the whole text, or why it cannot be formatted.
pub fn document(index: &LineIndex, lang: Lang) -> Result<Vec<TextEdit>, String> {
    let formatted = formatted(index, lang)?;
    Ok(edits(index, &formatted, None))
}

/// The edits that format the lines of `range`.
pub fn range(index: &LineIndex, range: Range, lang: Lang) -> Result<Vec<TextEdit>, String> {
    let formatted = formatted(index, lang)?;
    Ok(edits(
        index,
        &formatted,
        Some((range.start.line, range.end.line)),
    ))
}

/// The formatted text, or why the formatter left it as it is, in the
/// editor's language.
fn formatted(index: &LineIndex, lang: Lang) -> Result<String, String> {
    fmt::format_source(index.text(), &Options::default()).map_err(|e| refusal(e, lang))
}

/// Why the formatter left a text as it is, in `lang`.
fn refusal(e: fmt::Error, lang: Lang) -> String {
    match e {
        fmt::Error::TooLarge { limit } => msg!("format-too-large", limit = limit >> 20),
        fmt::Error::Syntax(d) => msg!("format-syntax-errors", count = d.len()),
        fmt::Error::Internal(why) => msg!("format-internal", why = why),
    }
    .render(lang)
}

/// The line edits from `index`'s text to `new`; with `lines`, only those
/// touching that range of lines (0-based, inclusive).
fn edits(index: &LineIndex, new: &str, lines: Option<(u32, u32)>) -> Vec<TextEdit> {
    let old = index.text();
    let old_lines: Vec<&str> = old.split_inclusive('\n').collect();
    let new_lines: Vec<&str> = new.split_inclusive('\n').collect();
    let mut old_starts = Vec::with_capacity(old_lines.len() + 1);
    let mut at = 0;
    for l in &old_lines {
        old_starts.push(at);
        at += l.len();
    }
    old_starts.push(at);
    let mut out = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_lines, &new_lines) {
        if matches!(op, DiffOp::Equal { .. }) {
            continue;
        }
        let (o, n) = (op.old_range(), op.new_range());
        // Lines replaced one for one are edited one by one, so that a
        // range takes only its own lines.
        let hunks: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)> = if o.len() == n.len() {
            o.clone()
                .zip(n.clone())
                .map(|(i, j)| (i..i + 1, j..j + 1))
                .collect()
        } else {
            vec![(o, n)]
        };
        for (o, n) in hunks {
            let start = index.position_of_byte(old_starts[o.start]);
            let end = index.position_of_byte(old_starts[o.end]);
            if let Some((first, last)) = lines {
                // An insertion touches the line it stands before.
                let touched_last = if o.is_empty() {
                    start.line
                } else {
                    end.line.max(start.line + 1) - 1
                };
                if touched_last < first || start.line > last {
                    continue;
                }
            }
            out.push(TextEdit::new(Range::new(start, end), new_lines[n].concat()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(text: &str, edits: &[TextEdit]) -> String {
        let mut text = text.to_string();
        // Apply from the end so that earlier positions hold.
        let mut edits = edits.to_vec();
        edits.sort_by_key(|e| std::cmp::Reverse((e.range.start.line, e.range.start.character)));
        for e in edits {
            text = super::super::position::apply_change(&text, Some(e.range), &e.new_text);
        }
        text
    }

    #[test]
    fn edits_give_the_formatted_text() {
        let text = "year   2023\nunit \"甲\" {\n budget 10\n}\n";
        let index = LineIndex::new(text);
        let all = document(&index, crate::i18n::Lang::En).expect("formats");
        let want = fmt::format_source(text, &Options::default()).expect("formats");
        assert_eq!(apply(text, &all), want);
        // Only the first line.
        let first = range(
            &index,
            Range::new(Default::default(), Default::default()),
            crate::i18n::Lang::En,
        )
        .expect("formats");
        assert_eq!(first.len(), 1);
        assert!(apply(text, &first).starts_with("year 2023\nunit \"甲\" {\n budget 10"));
    }

    /// A buffer over the file limit is refused, in the editor's language;
    /// one at the limit is read (here it nests too deeply, which the
    /// formatter finds without parsing, so the test stays fast).
    #[test]
    fn a_buffer_over_the_limit_is_refused() {
        let limit = crate::syntax::limits::MAX_FILE_BYTES;
        let mut text = "{".repeat(crate::syntax::limits::MAX_BLOCK_DEPTH + 1);
        text.push_str(&" ".repeat(limit - text.len()));
        let lang = crate::i18n::Lang::Zh;
        let at_limit = formatted(&LineIndex::new(&text), lang).expect_err("too deep");
        assert!(at_limit.contains("语法错误"), "{at_limit}");
        text.push(' ');
        let over = formatted(&LineIndex::new(&text), lang).expect_err("too large");
        assert!(
            over.contains("大小上限") && over.contains("16 MiB"),
            "{over}"
        );
    }

    /// The formatter's own refusals read in the editor's language, the
    /// reason included.
    #[test]
    fn a_refusal_is_in_the_editors_language() {
        let lang = crate::i18n::Lang::Zh;
        for why in [
            msg!("fmt-internal-unreadable"),
            msg!("fmt-internal-meaning"),
            msg!("fmt-internal-diagnostics"),
            msg!("fmt-internal-comment-lost"),
            msg!("fmt-internal-comments-not-printed", count = 2),
        ] {
            let text = refusal(fmt::Error::Internal(why), lang);
            assert!(text.starts_with("未格式化"), "{text}");
            assert!(!text.chars().any(|c| c.is_ascii_alphabetic()), "{text}");
        }
    }
}

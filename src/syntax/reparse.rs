//! Parsing a file again after an edit, re-reading only the innermost
//! block around the change.
//!
//! An editor re-parses after every keystroke, and a department file of the
//! city corpus holds up to 65 KB in one rollup unit: parsing it whole takes
//! longer than the whole re-check may. When an edit falls strictly inside a
//! block (after its first character, before its last: a unit, a project, a
//! budget, an `indicators` block, a tier, a summary), the block is read
//! again where it stands ([`cst::parse_block`] on the text from its start:
//! a string opened in it may run on past its old end, as in the whole
//! file) and its node is put in place of the old one, provided it still
//! ends where the old one ended, shifted by the edit.
//!
//! These blocks are chosen because the block around each picks them by
//! their first word: the alternatives tried before them in the grammar
//! start with another keyword (a tier is the first alternative of its
//! block), so the block is read at the same place with the same rule
//! before and after the edit.
//!
//! What stands before the block was read before the edit and is kept. It
//! stays right because the rules that read it look ahead only over
//! delimiters: a string to its closing quote, a comment to `*/`, a block to
//! its brace, a line to its end. An edit that adds or removes one of those
//! delimiters (quote marks, braces, `/`, `*`, `\\`, line breaks) is
//! therefore re-parsed whole, and so is an edit outside every block.
//! Either way the tree is the one a full parse gives; `tests/reparse.rs`
//! checks this over thousands of edits of the examples.

use rowan::{TextRange, TextSize};

use super::cst::{self, Kind, Parse};
use super::grammar::Rule;

/// The tree of `new_text`, reusing `old` (the tree of `old_text`) for
/// everything outside the innermost block around the change.
pub fn reparse(old: &Parse, old_text: &str, new_text: &str) -> Parse {
    // A block re-read alone does not see how deep it stands: a file that
    // the edit makes too deep is read whole, which reports it (S010).
    if super::limits::nesting(new_text).is_some() {
        return cst::parse(new_text);
    }
    reparse_block(old, old_text, new_text).unwrap_or_else(|| cst::parse(new_text))
}

/// The byte ranges that differ: `old_text[start..old_end]` became
/// `new_text[start..new_end]`. Both ends fall on character boundaries.
pub fn changed_range(old_text: &str, new_text: &str) -> (usize, usize, usize) {
    let (a, b) = (old_text.as_bytes(), new_text.as_bytes());
    let mut start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    while !old_text.is_char_boundary(start) {
        start -= 1;
    }
    let max_suffix = a.len().min(b.len()) - start;
    let mut suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    while !old_text.is_char_boundary(a.len() - suffix)
        || !new_text.is_char_boundary(b.len() - suffix)
    {
        suffix -= 1;
    }
    (start, a.len() - suffix, b.len() - suffix)
}

/// The blocks re-read alone.
const BLOCKS: &[Rule] = &[
    Rule::unit,
    Rule::project,
    Rule::budget,
    Rule::indicators,
    Rule::ind_group,
    Rule::summary,
];

fn reparse_block(old: &Parse, old_text: &str, new_text: &str) -> Option<Parse> {
    if old.failed_at.is_some() {
        return None;
    }
    let root = old.root();
    if usize::from(root.text_range().end()) != old_text.len() {
        return None;
    }
    let (start, old_end, new_end) = changed_range(old_text, new_text);
    let range = TextRange::new(size(start)?, size(old_end)?);
    // The innermost block whose first and last characters are both outside
    // the change.
    let (unit, rule) = root
        .covering_element(range)
        .ancestors()
        .filter_map(|n| match n.kind() {
            Kind::Rule(rule) if BLOCKS.contains(&rule) => Some((n, rule)),
            _ => None,
        })
        .find(|(n, _)| {
            n.text_range().start() < range.start() && range.end() < n.text_range().end()
        })?;
    if has_delimiter(&old_text[start..old_end]) || has_delimiter(&new_text[start..new_end]) {
        return None;
    }
    let from = usize::from(unit.text_range().start());
    let to = usize::from(unit.text_range().end()) + new_end - old_end;
    let (green, len) = cst::parse_block(rule, new_text.get(from..)?)?;
    if from + len != to {
        return None;
    }
    Some(Parse {
        green: unit.replace_with(green),
        failed_at: None,
        too_deep: None,
    })
}

/// Whether `text` holds a character that ends or starts a stretch another
/// rule may look across: quote marks, braces, comment marks, escapes, line
/// breaks.
fn has_delimiter(text: &str) -> bool {
    text.contains([
        '"', '“', '”', '「', '」', '{', '}', '｛', '｝', '/', '*', '\\', '\n', '\r',
    ])
}

fn size(n: usize) -> Option<TextSize> {
    TextSize::try_from(n).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "year 2023\n\
rollup unit 办公室系统 {\n\
  budget 20\n\
  unit \"云田镇\" {\n\
    budget 10 { by income { 一般公共预算拨款 10 } }\n\
  }\n\
  unit 乙 { budget 10 }\n\
}\n";

    fn check(old: &str, new: &str) {
        let tree = cst::parse(old);
        let again = reparse(&tree, old, new);
        let full = cst::parse(new);
        assert_eq!(again.green, full.green, "{new}");
        assert_eq!(again.failed_at, full.failed_at);
    }

    #[test]
    fn changed_range_falls_on_characters() {
        assert_eq!(changed_range("云田镇", "云山镇"), (3, 6, 6));
        assert_eq!(changed_range("abc", "abc"), (3, 3, 3));
        assert_eq!(changed_range("aa", "aaa"), (2, 2, 3));
        assert_eq!(changed_range("甲乙", "甲丙乙"), (3, 3, 6));
    }

    #[test]
    fn delimiters_are_seen() {
        assert!(has_delimiter("a\"b"));
        assert!(has_delimiter("”"));
        assert!(has_delimiter("\n"));
        assert!(!has_delimiter("一般公共预算拨款 12.5 万元"));
    }

    #[test]
    fn an_edit_inside_a_unit_reparses_that_unit() {
        let new = DOC.replace("一般公共预算拨款 10", "一般公共预算拨款 12");
        let tree = cst::parse(DOC);
        let at = new.find("12").unwrap();
        assert!(reparse_block(&tree, DOC, &new).is_some());
        check(DOC, &new);
        assert_eq!(
            reparse(&tree, DOC, &new)
                .root()
                .text()
                .to_string()
                .get(at..at + 2),
            Some("12")
        );
    }

    #[test]
    fn edits_that_change_the_blocks_parse_the_file() {
        let tree = cst::parse(DOC);
        // A brace removed: the unit now ends elsewhere.
        let new = DOC.replacen("10 } }", "10 }", 1);
        assert!(reparse_block(&tree, DOC, &new).is_none());
        check(DOC, &new);
        // A keyword changed.
        check(DOC, &DOC.replace("unit 乙", "project 乙"));
        check(DOC, &DOC.replace("unit 乙", "uni 乙"));
        // Outside any unit.
        check(DOC, &DOC.replace("year 2023", "year 2024"));
        // Everything.
        check(DOC, "");
        check("", DOC);
        check(DOC, "unit \"x\" {\n");
        check("unit \"x\" {\n", DOC);
    }

    #[test]
    fn inner_edits_of_every_kind() {
        for (from, to) in [
            ("budget 20", "budget 20 {}"),
            ("budget 20", "这不是语法"),
            (
                "unit 乙 { budget 10 }",
                "unit 乙 { budget 10 }\n  unit 丙 {}",
            ),
            ("云田镇", "云田\"镇"),
            ("  budget 20\n", ""),
        ] {
            check(DOC, &DOC.replace(from, to));
        }
    }
}

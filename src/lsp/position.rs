//! Positions as the protocol counts them: a line, and a column in UTF-16
//! code units. The compiler's spans are byte offsets and
//! [`crate::source::SourceFile::line_col`] counts characters; a Han
//! character is three bytes, one character and one UTF-16 unit, and a
//! character outside the Basic Multilingual Plane (𠀀, an emoji) is four
//! bytes, one character and two UTF-16 units.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the protocol says. A file
//! that starts with a byte-order mark is shown by the editor with the mark
//! (one UTF-16 unit on the first line), while the compiler's spans count
//! from after it: [`LineIndex`] indexes the text as the editor holds it and
//! converts spans through [`LineIndex::bom`].

use lsp_types::{Position, Range};

use crate::source::Span;

/// Where each line of a text starts, for converting byte offsets to
/// positions and back.
#[derive(Clone, Debug)]
pub struct LineIndex {
    text: String,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// Length in bytes of a leading byte-order mark (0 or 3).
    bom: usize,
}

impl LineIndex {
    /// The index of `text` as the editor holds it (with a BOM, if any).
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        LineIndex {
            text: text.to_string(),
            starts,
            bom,
        }
    }

    /// The text as the editor holds it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text the compiler reads (without a BOM), to which spans refer.
    pub fn source(&self) -> &str {
        &self.text[self.bom..]
    }

    /// The length of a leading BOM in bytes.
    pub fn bom(&self) -> usize {
        self.bom
    }

    /// The end of line `line`'s content (before its line break).
    fn line_end(&self, line: usize) -> usize {
        let Some(next) = self.starts.get(line + 1) else {
            return self.text.len();
        };
        let bytes = self.text.as_bytes();
        let mut end = *next;
        if end > 0 && bytes[end - 1] == b'\n' {
            end -= 1;
        }
        if end > 0 && bytes[end - 1] == b'\r' {
            end -= 1;
        }
        end
    }

    /// The position of byte `offset` of the editor's text (clamped to the
    /// text, and down to a character boundary).
    pub fn position_of_byte(&self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = match self.starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.starts[line];
        // An offset inside a `\r\n` counts as the end of the line.
        let end = offset.min(self.line_end(line).max(start));
        let character: usize = self.text[start..end].chars().map(char::len_utf16).sum();
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of a position in the editor's text. A column past
    /// the end of its line is the end of the line; a line past the end is
    /// the end of the text; a column inside a surrogate pair falls back to
    /// the character's start.
    pub fn byte_of_position(&self, pos: Position) -> usize {
        let line = pos.line as usize;
        let Some(start) = self.starts.get(line).copied() else {
            return self.text.len();
        };
        let end = self.line_end(line);
        let mut units = 0usize;
        for (i, c) in self.text[start..end].char_indices() {
            let next = units + c.len_utf16();
            if next > pos.character as usize {
                return start + i;
            }
            units = next;
        }
        end
    }

    /// The position of a compiler offset (a byte of the text without BOM).
    pub fn position(&self, offset: usize) -> Position {
        self.position_of_byte(offset + self.bom)
    }

    /// The compiler offset of a position.
    pub fn offset(&self, pos: Position) -> usize {
        self.byte_of_position(pos).saturating_sub(self.bom)
    }

    /// The range of a span of this file.
    pub fn range(&self, span: Span) -> Range {
        self.range_of(span.start(), span.end())
    }

    /// The range between two compiler offsets.
    pub fn range_of(&self, start: usize, end: usize) -> Range {
        Range::new(self.position(start), self.position(end.max(start)))
    }

    /// The compiler offsets of a range.
    pub fn offsets(&self, range: Range) -> (usize, usize) {
        let a = self.offset(range.start);
        let b = self.offset(range.end);
        (a.min(b), a.max(b))
    }

    /// How many lines the text has (a final line break starts an empty
    /// last line).
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// The editor's byte range of line `line`'s content.
    pub fn line_bytes(&self, line: usize) -> Option<(usize, usize)> {
        let start = *self.starts.get(line)?;
        Some((start, self.line_end(line)))
    }
}

/// `text` with a change of the protocol applied: `range` (in the editor's
/// positions) replaced by `new`. Without a range, the whole text.
pub fn apply_change(text: &str, range: Option<Range>, new: &str) -> String {
    let Some(range) = range else {
        return new.to_string();
    };
    let index = LineIndex::new(text);
    let a = index.byte_of_position(range.start);
    let b = index.byte_of_position(range.end);
    let (a, b) = (a.min(b), a.max(b));
    let mut out = String::with_capacity(text.len() + new.len());
    out.push_str(&text[..a]);
    out.push_str(new);
    out.push_str(&text[b..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn han_text_counts_one_unit_per_character() {
        let text = "unit \"云田镇\" {\n  预算 10\n}\n";
        let index = LineIndex::new(text);
        let at = text.find("镇").unwrap();
        assert_eq!(index.position(at), pos(0, 8));
        assert_eq!(index.offset(pos(0, 8)), at);
        let at = text.find("10").unwrap();
        assert_eq!(index.position(at), pos(1, 5));
        assert_eq!(index.offset(pos(1, 5)), at);
    }

    #[test]
    fn outside_the_bmp_counts_two_units() {
        let text = "名称 \"𠀀😀x\" = 9 个\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap();
        // 名 称 space quote = 4, 𠀀 = 2, 😀 = 2.
        assert_eq!(index.position(x), pos(0, 8));
        assert_eq!(index.offset(pos(0, 8)), x);
        // A column inside a surrogate pair falls back to its character.
        let emoji = text.find('😀').unwrap();
        assert_eq!(index.offset(pos(0, 7)), emoji);
        assert_eq!(index.offset(pos(0, 6)), emoji);
        assert_eq!(index.offset(pos(0, 5)), text.find('𠀀').unwrap());
    }

    #[test]
    fn line_breaks_of_every_kind() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.position(text.find('b').unwrap()), pos(1, 0));
        assert_eq!(index.position(text.find('c').unwrap()), pos(2, 0));
        assert_eq!(index.position(text.find('d').unwrap()), pos(3, 0));
        // Inside `\r\n`: the end of the line.
        assert_eq!(index.position(2), pos(0, 1));
        // Past the end of a line, past the last line.
        assert_eq!(index.offset(pos(0, 40)), 1);
        assert_eq!(index.offset(pos(9, 0)), text.len());
    }

    #[test]
    fn a_bom_is_one_unit_before_the_spans() {
        let text = "\u{feff}年度 2023\n";
        let index = LineIndex::new(text);
        // The compiler's offset 0 is the 年 after the mark.
        assert_eq!(index.position(0), pos(0, 1));
        assert_eq!(index.offset(pos(0, 1)), 0);
        assert_eq!(index.source(), "年度 2023\n");
    }

    #[test]
    fn changes_apply_at_utf16_positions() {
        let text = "甲𠀀乙\n丙";
        let changed = apply_change(text, Some(Range::new(pos(0, 3), pos(0, 4))), "丁");
        assert_eq!(changed, "甲𠀀丁\n丙");
        let changed = apply_change(text, Some(Range::new(pos(1, 0), pos(1, 1))), "");
        assert_eq!(changed, "甲𠀀乙\n");
        assert_eq!(apply_change(text, None, "x"), "x");
    }
}

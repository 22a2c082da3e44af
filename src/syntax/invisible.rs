//! Invisible characters: zero-width spaces, line separators that are not
//! line breaks, bidirectional controls, control characters, noncharacters.
//! They change what a name is without showing, so every one outside a
//! comment is reported (S013) and messages spell them by code point.

use super::cst::{Kind, Parse};
use crate::diag::{Code, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::msg;
use crate::source::{FileId, Span};

/// Reported one by one up to this many per file; the rest are counted.
const MAX_REPORTED: usize = 20;

/// The name of an invisible character, `None` for a visible one (or for
/// tab, LF and CR, which are white space).
pub fn name(c: char) -> Option<&'static str> {
    Some(match c {
        '\t' | '\n' | '\r' => return None,
        '\u{0}' => "NULL",
        '\u{b}' => "LINE TABULATION",
        '\u{c}' => "FORM FEED",
        '\u{1b}' => "ESCAPE",
        '\u{7f}' => "DELETE",
        '\u{85}' => "NEXT LINE",
        '\u{ad}' => "SOFT HYPHEN",
        '\u{34f}' => "COMBINING GRAPHEME JOINER",
        '\u{61c}' => "ARABIC LETTER MARK",
        '\u{115f}' | '\u{1160}' => "HANGUL FILLER",
        '\u{180e}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{200b}' => "ZERO WIDTH SPACE",
        '\u{200c}' => "ZERO WIDTH NON-JOINER",
        '\u{200d}' => "ZERO WIDTH JOINER",
        '\u{200e}' => "LEFT-TO-RIGHT MARK",
        '\u{200f}' => "RIGHT-TO-LEFT MARK",
        '\u{2028}' => "LINE SEPARATOR",
        '\u{2029}' => "PARAGRAPH SEPARATOR",
        '\u{202a}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202b}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202c}' => "POP DIRECTIONAL FORMATTING",
        '\u{202d}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202e}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2061}'..='\u{2064}' => "INVISIBLE OPERATOR",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{3164}' => "HANGUL FILLER",
        '\u{feff}' => "ZERO WIDTH NO-BREAK SPACE (a byte-order mark)",
        '\u{ffa0}' => "HALFWIDTH HANGUL FILLER",
        '\u{fff9}'..='\u{fffb}' => "INTERLINEAR ANNOTATION",
        c if c.is_control() => "control character",
        c if is_noncharacter(c) => "noncharacter",
        _ => return None,
    })
}

/// U+FDD0..U+FDEF and the last two code points of every plane: code points
/// that Unicode reserves never to be characters (and that Excel refuses).
pub fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

/// `U+2028 LINE SEPARATOR`: the code point and its Unicode name (the
/// same in every language), or what kind of character it is.
pub fn describe(c: char) -> Message {
    let code = format!("U+{:04X}", c as u32);
    let name: Arg = match (c, name(c)) {
        ('\u{feff}', _) => msg!("s013-byte-order-mark").into(),
        (_, Some("control character")) => msg!("s013-control-character").into(),
        (_, Some("noncharacter")) => msg!("s013-noncharacter").into(),
        (_, Some(n)) => n.into(),
        (_, None) => return Message::text(code),
    };
    msg!("s013-code-point", code = code, name = name)
}

/// `s` with every invisible character written as `<U+2028>`, for messages
/// that quote the source.
pub fn visible(s: &str) -> String {
    if !s.chars().any(|c| name(c).is_some()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if name(c).is_some() {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// S014: a string or name longer than an XLSX cell holds (the workbook
/// cuts it, with a note in the cell; the other outputs keep it whole).
fn too_long_for_a_cell(file: FileId, start: usize, kind: Kind, text: &str) -> Option<Diagnostic> {
    use super::grammar::Rule;
    use crate::emit::xlsx::MAX_CELL_TEXT;
    let is_text = matches!(
        kind,
        Kind::Rule(Rule::str_ascii | Rule::str_cn | Rule::str_corner | Rule::bare_name)
    );
    // A text of at most MAX_CELL_TEXT bytes has at most as many UTF-16 units.
    if !is_text || text.len() <= MAX_CELL_TEXT {
        return None;
    }
    let length = text.encode_utf16().count();
    if length <= MAX_CELL_TEXT {
        return None;
    }
    let span = Span::new(file, start, start + text.len());
    Some(
        Diagnostic::new(
            Code::S014,
            msg!("s014-too-long", length = length, limit = MAX_CELL_TEXT),
        )
        .primary(span, msg!("s014-cut"))
        .help(msg!("s014-help")),
    )
}

/// An S013 warning for each invisible character of a parsed file outside
/// its comments, and (in the same walk over the tokens) an S014 warning for
/// each text too long for a spreadsheet cell.
pub fn scan(file: FileId, parse: &Parse) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut more = 0usize;
    for token in parse
        .root()
        .descendants_with_tokens()
        .filter_map(|e| e.into_token())
    {
        if token.kind() == Kind::Comment {
            continue;
        }
        let start: usize = token.text_range().start().into();
        if let Some(d) = too_long_for_a_cell(file, start, token.kind(), token.text()) {
            out.push(d);
        }
        for (i, c) in token.text().char_indices() {
            if name(c).is_none() {
                continue;
            }
            if out.len() == MAX_REPORTED {
                more += 1;
                continue;
            }
            let at = start + i;
            out.push(
                Diagnostic::new(Code::S013, msg!("s013-invisible", what = describe(c)))
                    .primary(Span::new(file, at, at + c.len_utf8()), describe(c))
                    .help(help(c)),
            );
        }
    }
    if more > 0 {
        if let Some(last) = out.last_mut() {
            last.notes.push(msg!("s013-more", count = more));
        }
    }
    out
}

fn help(c: char) -> Message {
    match c {
        '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{b}' | '\u{c}' => msg!("s013-not-a-line-break"),
        _ => msg!("s013-delete-it"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_by_code_point() {
        let en = |c| describe(c).render(crate::i18n::Lang::En);
        assert_eq!(en('\u{2028}'), "U+2028 LINE SEPARATOR");
        assert_eq!(en('\u{85}'), "U+0085 NEXT LINE");
        assert_eq!(en('\u{fffe}'), "U+FFFE noncharacter");
        assert_eq!(name('中'), None);
        assert_eq!(name('\u{3000}'), None);
        assert_eq!(visible("a\u{200b}b"), "a<U+200B>b");
    }

    #[test]
    fn comments_are_not_searched() {
        let text = "year 2023 // a\u{200b}b\nunit \"x\u{2028}\" {\n}\n";
        let d = scan(FileId(0), &super::super::cst::parse(text));
        assert_eq!(d.len(), 1);
        let message = d[0].message.render(crate::i18n::Lang::En);
        assert!(message.contains("U+2028 LINE SEPARATOR"), "{message}");
    }
}

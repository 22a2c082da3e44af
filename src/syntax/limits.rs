//! The limits a file must keep to be read, and the scan that enforces the
//! nesting limit before the parser runs.
//!
//! pest parses by recursive descent: every `{ … }` block and every `( … )`
//! of a formula is a few more frames on the stack. A file nested a few
//! thousand levels deep (20 KB of `unit "u" {`) would overflow the stack and
//! abort the process, so [`nesting`] measures the depth first, in one linear
//! pass, and the parser is not run on a file that is too deep (S010).
//!
//! The scan must never find a file shallower than the parser will see it,
//! whatever the parser makes of quotes and comments: a `"` may open a
//! string or be an ordinary character of a junk line, and the parser decides
//! which only while parsing. So the scan follows every reading at once (a
//! small automaton whose states are "in a string", "in a comment", "in a
//! junk line"…, each with the greatest depth it can have there) and reports
//! the greatest depth of any. On ordinary files the readings agree and the
//! depth is the plain count of open braces. A text with more than 64
//! unbalanced `{` in one string counts as too deep even where it parses,
//! since the same line elsewhere would be a junk line of nested blocks.

/// Blocks (`{ … }` or `｛ … ｝`) may be nested this deep. Real documents
/// need about ten (unit, project, breakdown, line, indicator tiers…).
pub const MAX_BLOCK_DEPTH: usize = 64;

/// Parentheses in one formula may be nested this deep.
pub const MAX_PAREN_DEPTH: usize = 32;

/// A formula may have this many numbers and units (its operands).
pub const MAX_FORMULA_OPERANDS: usize = 64;

/// A file may be this large (16 MiB); the city corpus is 0.3 MB.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// A run may read this many files.
pub const MAX_FILES: usize = 10_000;

/// What is nested too deeply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nesting {
    /// Blocks in braces.
    Blocks,
    /// Parentheses of a formula.
    Parens,
}

/// Where a file first goes deeper than its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooDeep {
    pub what: Nesting,
    /// The byte offset of the bracket that opens one level too many.
    pub at: usize,
    /// The limit that was passed.
    pub limit: usize,
}

/// The first place where `text` nests blocks deeper than
/// [`MAX_BLOCK_DEPTH`] or a formula's parentheses deeper than
/// [`MAX_PAREN_DEPTH`], as the parser could read it.
pub fn nesting(text: &str) -> Option<TooDeep> {
    blocks(text, MAX_BLOCK_DEPTH).or_else(|| parens(text, MAX_PAREN_DEPTH))
}

// States of the block scan. Each holds the greatest brace depth the parser
// can have when its reading of the text is in that state, or NONE.
const NORMAL: usize = 0; // between tokens, in names, numbers, keywords
const JUNK: usize = 1; // a junk line: quotes and comment marks are plain
const SERIAL: usize = 2; // a `#…` serial of a summary row: braces are plain
const ASCII: usize = 3; // in "…"
const ASCII_ESC: usize = 4; // in "…", after a backslash
const CN: usize = 5; // in “…”
const CORNER: usize = 6; // in 「…」
const LINE_COMMENT: usize = 7; // in // …
const BLOCK_OPEN: usize = 8; // on the `*` of `/*`
const BLOCK: usize = 9; // in /* … */
const BLOCK_CLOSE: usize = 10; // on the `/` of `*/`
const STATES: usize = 11;
const NONE: i64 = -1;

/// Where each kind of string or comment can still be closed: an opening
/// mark starts a string or a comment only if its closing mark follows
/// somewhere (otherwise the parser reads it as a plain character).
struct Closers {
    /// The last `"` not escaped by a backslash.
    ascii: Option<usize>,
    cn: Option<usize>,
    corner: Option<usize>,
    /// The start of the last `*/`.
    block: Option<usize>,
}

impl Closers {
    fn of(text: &str) -> Closers {
        let b = text.as_bytes();
        let mut ascii = None;
        let mut backslashes = 0usize;
        for (i, &c) in b.iter().enumerate() {
            match c {
                b'\\' => backslashes += 1,
                b'"' => {
                    // A string's backslashes come in pairs, so a quote after
                    // an odd run is escaped whichever quote opened it.
                    if backslashes % 2 == 0 {
                        ascii = Some(i);
                    }
                    backslashes = 0;
                }
                _ => backslashes = 0,
            }
        }
        Closers {
            ascii,
            cn: text.rfind('”'),
            corner: text.rfind('」'),
            block: text.rfind("*/"),
        }
    }
}

fn blocks(text: &str, limit: usize) -> Option<TooDeep> {
    blocks_scan(text, limit, true)
}

/// The block scan; `fast` false takes the general step on every character
/// (the tests hold the two to the same findings).
fn blocks_scan(text: &str, limit: usize, fast: bool) -> Option<TooDeep> {
    let closers = Closers::of(text);
    let closes_after = |closer: Option<usize>, i: usize| closer.is_some_and(|c| c > i);
    let mut dp = [NONE; STATES];
    dp[NORMAL] = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A plain character (no brace, quote, comment mark, escape, serial
        // mark nor white space), and likewise a space that ends no line,
        // moves every reading the same way whatever follows: most of a
        // file (names, text, indentation) takes these few steps instead of
        // the general one below.
        let max = |a: i64, b: i64| a.max(b);
        match class(c) {
            Class::Plain if fast => {
                // A junk line may start here.
                dp[JUNK] = max(dp[JUNK], dp[NORMAL]);
                dp[NORMAL] = max(dp[NORMAL], dp[BLOCK_CLOSE]);
                dp[ASCII] = max(dp[ASCII], dp[ASCII_ESC]);
                dp[BLOCK] = max(dp[BLOCK], dp[BLOCK_OPEN]);
                dp[ASCII_ESC] = NONE;
                dp[BLOCK_OPEN] = NONE;
                dp[BLOCK_CLOSE] = NONE;
                continue;
            }
            Class::Space if fast => {
                // White space ends a serial.
                dp[NORMAL] = max(max(dp[NORMAL], dp[BLOCK_CLOSE]), dp[SERIAL]);
                dp[ASCII] = max(dp[ASCII], dp[ASCII_ESC]);
                dp[BLOCK] = max(dp[BLOCK], dp[BLOCK_OPEN]);
                dp[SERIAL] = NONE;
                dp[ASCII_ESC] = NONE;
                dp[BLOCK_OPEN] = NONE;
                dp[BLOCK_CLOSE] = NONE;
                continue;
            }
            _ => {}
        }
        let next = chars.peek().map(|&(_, n)| n);
        // A junk line may start where an item may: not on white space nor
        // on a comment, which the parser skips before every item.
        let comment_start = c == '/'
            && (next == Some('/') || (next == Some('*') && closes_after(closers.block, i + 1)));
        if !matches!(c, ' ' | '\t' | '\u{3000}' | '\u{a0}' | '\n' | '\r') && !comment_start {
            dp[JUNK] = dp[JUNK].max(dp[NORMAL]);
        }
        let mut nd = [NONE; STATES];
        let mut go = |state: usize, depth: i64| {
            if depth > nd[state] {
                nd[state] = depth;
            }
        };
        for (state, &depth) in dp.iter().enumerate() {
            if depth == NONE {
                continue;
            }
            match state {
                NORMAL => match c {
                    '{' | '｛' => go(NORMAL, depth + 1),
                    '}' | '｝' => go(NORMAL, (depth - 1).max(0)),
                    '"' if closes_after(closers.ascii, i) => go(ASCII, depth),
                    '“' if closes_after(closers.cn, i) => go(CN, depth),
                    '「' if closes_after(closers.corner, i) => go(CORNER, depth),
                    '/' if next == Some('/') => go(LINE_COMMENT, depth),
                    '/' if next == Some('*') && closes_after(closers.block, i + 1) => {
                        go(BLOCK_OPEN, depth)
                    }
                    '#' => {
                        go(SERIAL, depth);
                        go(NORMAL, depth);
                    }
                    _ => go(NORMAL, depth),
                },
                JUNK => match c {
                    '{' | '｛' => go(NORMAL, depth + 1),
                    '}' | '｝' => go(NORMAL, (depth - 1).max(0)),
                    '\n' | '\r' => go(NORMAL, depth),
                    _ => go(JUNK, depth),
                },
                SERIAL if c.is_whitespace() => go(NORMAL, depth),
                SERIAL => go(SERIAL, depth),
                ASCII => match c {
                    '\\' => go(ASCII_ESC, depth),
                    '"' => go(NORMAL, depth),
                    _ => go(ASCII, depth),
                },
                ASCII_ESC => go(ASCII, depth),
                CN if c == '”' => go(NORMAL, depth),
                CN => go(CN, depth),
                CORNER if c == '」' => go(NORMAL, depth),
                CORNER => go(CORNER, depth),
                LINE_COMMENT if c == '\n' || c == '\r' => go(NORMAL, depth),
                LINE_COMMENT => go(LINE_COMMENT, depth),
                BLOCK_OPEN => go(BLOCK, depth),
                BLOCK if c == '*' && next == Some('/') => go(BLOCK_CLOSE, depth),
                BLOCK => go(BLOCK, depth),
                _ => go(NORMAL, depth), // BLOCK_CLOSE
            }
        }
        dp = nd;
        // Only an opening brace makes a reading deeper.
        if matches!(c, '{' | '｛') && dp.iter().any(|&d| d > limit as i64) {
            return Some(TooDeep {
                what: Nesting::Blocks,
                at: i,
                limit,
            });
        }
    }
    None
}

/// Characters that every state of the block scan treats alike.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// No state treats it apart: each stays as it is, or moves the same
    /// way on any such character.
    Plain,
    /// White space that ends no line and that an item may follow (where
    /// a junk line cannot start).
    Space,
    Other,
}

fn class(c: char) -> Class {
    match c {
        '{' | '}' | '｛' | '｝' | '"' | '\\' | '“' | '”' | '「' | '」' | '/' | '*' | '#' | '\n'
        | '\r' => Class::Other,
        ' ' | '\t' | '\u{3000}' | '\u{a0}' => Class::Space,
        c if c.is_whitespace() => Class::Other,
        _ => Class::Plain,
    }
}

/// A formula is one line, and within it every parenthesis is the
/// formula's own except those of a `/* … */` comment on that line. The
/// scan counts, line by line, the depth of parentheses from any point
/// where a formula could start, reading each comment both as a comment and
/// as text.
///
/// A formula cannot hold a quote mark, `=`, a brace or `//` (outside a
/// `/* … */` of its own, whose reading `comment` keeps), so the count
/// starts again from nought after one: the parentheses of a line comment
/// are not added to those of a formula before it, nor those of two
/// comments to each other (the formatter may bring a statement's comments
/// onto one line).
fn parens(text: &str, limit: usize) -> Option<TooDeep> {
    // Only an opening parenthesis makes a formula deeper (a search of the
    // whole text is far cheaper than the scan).
    if !text.as_bytes().contains(&b'(') && !text.contains('（') {
        return None;
    }
    let mut plain: i64 = 0;
    let mut comment: i64 = NONE;
    // Where the last `*/` of the current line starts (a `/*` without one
    // after it on its line is not a comment inside a formula), looked for
    // on the line's first `/*`.
    let mut line_close: Option<Option<usize>> = None;
    let mut line_start = 0usize;
    let mut line_end = 0usize;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if i >= line_end {
            line_start = i;
            line_end = text[i..].find(['\n', '\r']).map_or(text.len(), |j| i + j);
            line_close = None;
        }
        let next = chars.peek().map(|&(_, n)| n);
        let mut closes_after = |at: usize| {
            line_close
                .get_or_insert_with(|| {
                    text[line_start..line_end]
                        .rfind("*/")
                        .map(|j| line_start + j)
                })
                .is_some_and(|e| e > at)
        };
        match c {
            '\n' | '\r' => {
                plain = 0;
                comment = NONE;
            }
            '"' | '“' | '”' | '「' | '」' | '=' | '＝' | '{' | '}' | '｛' | '｝' => {
                plain = 0
            }
            // `//*` may be a division before a `/* … */` inside a formula.
            '/' if next == Some('/') && !text[i + 2..].starts_with('*') => plain = 0,
            '(' | '（' => plain += 1,
            ')' | '）' => plain = (plain - 1).max(0),
            '/' if next == Some('*') && closes_after(i + 1) => {
                comment = comment.max(plain);
                // The `*` belongs to the opening mark.
                chars.next();
            }
            '*' if next == Some('/') && comment != NONE => {
                plain = plain.max(comment);
                comment = NONE;
                chars.next();
            }
            _ => {}
        }
        if plain > limit as i64 {
            return Some(TooDeep {
                what: Nesting::Parens,
                at: i,
                limit,
            });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn depth_ok(text: &str) -> bool {
        nesting(text).is_none()
    }

    #[test]
    fn ordinary_nesting_passes() {
        let ten = format!("{}{}", "unit \"u\" {\n".repeat(10), "}\n".repeat(10));
        assert!(depth_ok(&ten));
        assert!(depth_ok("a 1 = ((1 + 2) × 3 万元)\n"));
    }

    #[test]
    fn deep_blocks_are_found() {
        let n = MAX_BLOCK_DEPTH + 1;
        let deep = format!("{}{}", "unit \"u\" {".repeat(n), "}".repeat(n));
        let found = nesting(&deep).expect("too deep");
        assert_eq!(found.what, Nesting::Blocks);
        assert_eq!(&deep[found.at..found.at + 1], "{");
        let exact = MAX_BLOCK_DEPTH;
        assert!(depth_ok(&format!(
            "{}{}",
            "{".repeat(exact),
            "}".repeat(exact)
        )));
    }

    #[test]
    fn siblings_do_not_add_up() {
        let flat = "unit \"u\" { budget 1 { a 1 } }\n".repeat(10_000);
        assert!(depth_ok(&flat));
    }

    #[test]
    fn braces_in_strings_and_comments_count_as_the_parser_may_read_them() {
        // Comments on their own lines hide their braces, and so does a
        // string whose braces balance…
        let hidden = format!(
            "  // {}\n/* {} */\nduties \"{}\"\n",
            "{".repeat(100),
            "{".repeat(100),
            "{}".repeat(100)
        );
        assert!(depth_ok(&hidden));
        // …but a line that does not parse is a junk line, where quotes are
        // plain characters: the parser reads `duties "{{{…` as a line and
        // blocks nested in each other.
        let junk_string = format!("duties \"{}\"\n", "{".repeat(MAX_BLOCK_DEPTH + 1));
        assert!(nesting(&junk_string).is_some());
        // …but a junk line reads `x "{"` as `x "` and a block, and the next
        // quote then opens a string that hides the next line's `}`.
        let junk = "x \"{\"\n".repeat(MAX_BLOCK_DEPTH + 1);
        assert!(nesting(&junk).is_some());
        // A quoted `}` does not close a block.
        let quoted_close = "unit \"}\" {".repeat(MAX_BLOCK_DEPTH + 1);
        assert!(nesting(&quoted_close).is_some());
    }

    #[test]
    fn plain_characters_and_spaces_take_the_general_step() {
        let pieces = [
            "{", "}", "｛", "｝", "\"", "\\", "“", "”", "「", "」", "/", "*", "#", " ", "\n", "\r",
            "\u{3000}", "\t", "\u{a0}", "\u{2003}", "a", "指标", "xy",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            for limit in [1, 2, 3] {
                assert_eq!(
                    blocks_scan(&text, limit, true),
                    blocks_scan(&text, limit, false),
                    "{text:?} at {limit}"
                );
            }
        }
    }

    #[test]
    fn deep_parentheses_are_found_per_line() {
        let n = MAX_PAREN_DEPTH + 1;
        let deep = format!("a 1 = {}1{}\n", "(".repeat(n), ")".repeat(n));
        assert_eq!(nesting(&deep).map(|t| t.what), Some(Nesting::Parens));
        let lines = "a 1 = (((1)))\n".repeat(1000);
        assert!(depth_ok(&lines));
        let flat = format!("a 1 = {}\n", "(1)+".repeat(1000));
        assert!(depth_ok(&flat));
        // A comment's `)` may be a comment's: it does not close.
        let commented = format!("a 1 = {}\n", "(/*)*/".repeat(n));
        assert!(nesting(&commented).is_some());
        // A formula ends before a quote, `=`, a brace or a line comment: the
        // parentheses after one are counted afresh.
        let half = MAX_PAREN_DEPTH / 2 + 1;
        for sep in ["//", "\"", "“", "」", "=", "{"] {
            let split = format!("a 1 = {}{sep} {}\n", "(".repeat(half), "(".repeat(half));
            assert!(depth_ok(&split), "{split}");
        }
        let comments = format!("money x // {} // {}\n", "(".repeat(half), "(".repeat(half));
        assert!(depth_ok(&comments));
        // …but not before a division by a number after a `/* … */`, and not
        // inside a comment that may be part of the formula.
        let division = format!("a 1 = {}5 //**/ {}1\n", "(".repeat(half), "(".repeat(half));
        assert!(nesting(&division).is_some());
        let in_comment = format!(
            "a 1 = {}1 /* \" */ {}1\n",
            "(".repeat(half),
            "(".repeat(half)
        );
        assert!(nesting(&in_comment).is_some());
    }
}

//! Recovering comments. The grammar's `COMMENT` is silent: comments are
//! never in the parse tree. Everything between two consecutive tokens (the
//! innermost pairs of the tree) is white space, silent punctuation (braces,
//! `:`, `,`, `|`, `=`, parentheses, quote marks) or a comment; this module
//! finds the comments there.

use pest::iterators::Pair;

use crate::syntax::grammar::Rule;

/// A comment as written: `//…` to the end of its line (without the line
/// break) or `/*…*/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    pub start: usize,
    pub end: usize,
}

/// Every comment of a file, in source order.
pub fn collect(src: &str, file: Pair<Rule>) -> Vec<Comment> {
    let mut leaves: Vec<(usize, usize)> = file
        .into_inner()
        .flatten()
        .filter(|p| p.clone().into_inner().next().is_none())
        .map(|p| (p.as_span().start(), p.as_span().end()))
        .collect();
    leaves.sort_unstable();
    let mut out = Vec::new();
    let mut prev = 0;
    for (s, e) in leaves {
        if s > prev {
            lex(src, prev, s, &mut out);
        }
        prev = prev.max(e);
    }
    lex(src, prev, src.len(), &mut out);
    out
}

/// The comments in `src[from..to]`, a stretch that holds no token.
fn lex(src: &str, from: usize, to: usize, out: &mut Vec<Comment>) {
    let b = src.as_bytes();
    let mut i = from;
    while i < to {
        if b[i..].starts_with(b"//") {
            let end = src[i..].find(['\n', '\r']).map_or(src.len(), |j| i + j);
            out.push(Comment { start: i, end });
            i = end;
        } else if b[i..].starts_with(b"/*") {
            let end = src[i + 2..].find("*/").map_or(src.len(), |j| i + 2 + j + 2);
            out.push(Comment { start: i, end });
            i = end;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::grammar::JxParser;
    use pest::Parser;

    fn found(src: &str) -> Vec<&str> {
        let file = JxParser::parse(Rule::file, src).unwrap().next().unwrap();
        collect(src, file)
            .iter()
            .map(|c| &src[c.start..c.end])
            .collect()
    }

    #[test]
    fn finds_comments_between_tokens_only() {
        let src =
            "// a\ntitle \"x // not\" /* b */\nunit u { // c\n  budget 1 /* d */ { x 1 } }\n// e";
        assert_eq!(found(src), ["// a", "/* b */", "// c", "/* d */", "// e"]);
    }

    #[test]
    fn a_line_comment_ends_before_crlf() {
        assert_eq!(found("year 2023 // y\r\n"), ["// y"]);
    }
}

//! The leaves of a file's tree, in order: every token with its place in the
//! source, trivia and punctuation included. The printer walks the tree's
//! rules through [`cst::Pair`](crate::syntax::cst::Pair) and this list for
//! what lies between them (comments, line breaks, punctuation); the list is
//! the tree's, nothing is scanned from the text again.
//!
//! It also says where the error lines are: the junk tokens of the tree
//! (S001, and a `}` that closes nothing), which the printer leaves as
//! written.

use rowan::{GreenNodeData, Language, NodeOrToken};

use crate::syntax::cst::{Jx, Kind};
use crate::syntax::grammar::Rule;

/// A leaf of the tree: a token of a grammar rule, or trivia, or punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

pub struct Tokens {
    pub toks: Vec<Tok>,
    /// `comments[i]`: how many of `toks[..i]` are comments.
    comments: Vec<u32>,
    /// `rbraces[i]`: how many of `toks[..i]` are a `}`.
    rbraces: Vec<u32>,
    /// The byte ranges of the error lines' tokens, in order.
    pub junk: Vec<(usize, usize)>,
}

impl Tokens {
    /// The leaves of `root` (the root of a file's tree), in order.
    pub fn new(root: &GreenNodeData) -> Tokens {
        let mut toks = Vec::new();
        let mut junk = Vec::new();
        let mut pos = 0usize;
        // Each node with whether it is (inside) an error line: every token
        // of one is junk, whatever its own kind (`{""}` alone on a line is
        // a junk node of punctuation and a string).
        let mut stack = vec![(Jx::kind_from_raw(root.kind()), root.children(), false)];
        while let Some((parent, children, in_junk)) = stack.last_mut() {
            let (parent, in_junk) = (*parent, *in_junk);
            let Some(child) = children.next() else {
                stack.pop();
                continue;
            };
            match child {
                NodeOrToken::Node(n) => {
                    let kind = Jx::kind_from_raw(n.kind());
                    stack.push((kind, n.children(), in_junk || is_junk(kind, parent)));
                }
                NodeOrToken::Token(t) => {
                    let kind = Jx::kind_from_raw(t.kind());
                    let end = pos + t.text().len();
                    if in_junk || is_junk(kind, parent) {
                        junk.push((pos, end));
                    }
                    toks.push(Tok {
                        kind,
                        start: pos,
                        end,
                    });
                    pos = end;
                }
            }
        }
        let count = |what: &dyn Fn(&Tok) -> bool| {
            let mut n = 0u32;
            let mut out = Vec::with_capacity(toks.len() + 1);
            out.push(0);
            for t in &toks {
                n += u32::from(what(t));
                out.push(n);
            }
            out
        };
        let comments = count(&|t| t.kind == Kind::Comment);
        let rbraces = count(&|t| t.kind == Kind::Rule(Rule::rbrace));
        Tokens {
            toks,
            comments,
            rbraces,
            junk,
        }
    }

    /// The index of the first token that starts at or after `offset`.
    pub fn at(&self, offset: usize) -> usize {
        self.toks.partition_point(|t| t.start < offset)
    }

    /// How many comments lie in `from..to`.
    pub fn comments_in(&self, from: usize, to: usize) -> usize {
        (self.comments[self.at(to)] - self.comments[self.at(from)]) as usize
    }

    /// How many `}` lie in `from..to`.
    pub fn rbraces_in(&self, from: usize, to: usize) -> usize {
        (self.rbraces[self.at(to)] - self.rbraces[self.at(from)]) as usize
    }

    /// How many comments the file has.
    pub fn comment_count(&self) -> usize {
        self.comments.last().copied().unwrap_or(0) as usize
    }

    /// The text of every comment, in order (a line comment without the
    /// spaces before its line break).
    pub fn comment_texts<'s>(&self, src: &'s str) -> Vec<&'s str> {
        self.toks
            .iter()
            .filter(|t| t.kind == Kind::Comment)
            .map(|t| comment_text(&src[t.start..t.end]))
            .collect()
    }
}

/// A comment as it is printed: a line comment loses the spaces at its end.
pub fn comment_text(text: &str) -> &str {
    if text.starts_with("//") {
        text.trim_end()
    } else {
        text
    }
}

/// Whether a token is (part of) an error line: a junk item of a block, or
/// a `}` at the top level that closes nothing.
fn is_junk(kind: Kind, parent: Kind) -> bool {
    match kind {
        Kind::Rule(Rule::junk | Rule::junk_top | Rule::junk_text | Rule::junk_block) => true,
        Kind::Rule(Rule::rbrace) => {
            matches!(parent, Kind::Rule(Rule::junk_top | Rule::file))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::cst;

    fn texts(src: &str) -> Vec<(Kind, &str)> {
        let parse = cst::parse(src);
        Tokens::new(&parse.green)
            .toks
            .iter()
            .map(|t| (t.kind, &src[t.start..t.end]))
            .collect()
    }

    #[test]
    fn the_leaves_cover_the_text() {
        let src =
            "// a\ntitle \"x // not\" /* b */\nunit u { // c\n  budget 1 /* d */ { x 1 } }\n// e";
        let joined: String = texts(src).iter().map(|(_, t)| *t).collect();
        assert_eq!(joined, src);
        let parse = cst::parse(src);
        let tokens = Tokens::new(&parse.green);
        assert_eq!(
            tokens.comment_texts(src),
            ["// a", "/* b */", "// c", "/* d */", "// e"]
        );
        assert_eq!(tokens.comment_count(), 5);
        assert_eq!(tokens.comments_in(0, src.find("unit").unwrap()), 2);
        assert_eq!(tokens.rbraces_in(0, src.len()), 2);
        assert!(tokens.junk.is_empty());
    }

    #[test]
    fn a_line_comment_ends_before_crlf() {
        let parse = cst::parse("year 2023 // y \r\n");
        let tokens = Tokens::new(&parse.green);
        assert_eq!(tokens.comment_texts("year 2023 // y \r\n"), ["// y"]);
    }

    #[test]
    fn junk_is_found() {
        let src = "unit u {\n  这不是语法 ¥¥ 10\n  budget 1\n}\n}\n";
        let parse = cst::parse(src);
        let tokens = Tokens::new(&parse.green);
        let junk: Vec<&str> = tokens.junk.iter().map(|&(s, e)| &src[s..e]).collect();
        assert_eq!(junk, ["这不是语法 ¥¥ 10", "}"]);
    }
}

//! The lossless concrete syntax tree: every byte of a file, in a rowan tree.
//!
//! pest stays the parser. Its parse tree holds only the rules that are not
//! silent; white space, comments and punctuation matched by silent rules
//! (`{`, `:`, `=`, quote marks…) fall between its pairs. [`parse`] builds a
//! rowan green tree from the pairs and fills every gap between them with
//! trivia tokens, so that the tree's text is the source, byte for byte:
//!
//! - a pest pair with inner pairs becomes a node of kind [`Kind::Rule`];
//! - a pair without inner pairs (a token of the grammar: a number, a name, a
//!   keyword, a junk line) becomes a token of that kind;
//! - the text between pairs becomes [`Kind::Whitespace`], [`Kind::Newline`],
//!   [`Kind::Comment`] and [`Kind::Punct`] tokens;
//! - a file whose braces do not balance (pest fails as a whole: S002) is one
//!   [`Kind::Error`] token under the file node.
//!
//! Junk lines (what the grammar's catch-all rules took, S001) are tokens of
//! the `junk_*` kinds and keep their text exactly: the formatter prints them
//! as written.
//!
//! Consumers read the tree through [`Pair`], a cursor with pest's familiar
//! shape (rule, text, span, inner pairs without trivia), and through the
//! typed views of [`super::views`]. An editor server uses [`SyntaxNode`]
//! directly (positions, ancestors, tokens at an offset).

use rowan::{GreenNode, GreenNodeBuilder, Language, NodeOrToken};

use super::grammar::Rule;
use super::limits::{self, TooDeep};

/// What a node or token of the tree is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// A rule of the grammar (`grammar/jixiao.pest`).
    Rule(Rule),
    /// Spaces, tabs, U+3000 and no-break spaces.
    Whitespace,
    /// One line break (`\n`, `\r\n` or a lone `\r`).
    Newline,
    /// `// …` to the end of its line, or `/* … */`.
    Comment,
    /// Punctuation a silent rule matched: braces, `:`, `=`, `|`, `,`,
    /// parentheses, quote marks, date separators.
    Punct,
    /// Text that could not be parsed at all (a file with unbalanced braces).
    Error,
}

impl Kind {
    /// White space, line breaks and comments: what carries no meaning.
    pub fn is_trivia(self) -> bool {
        matches!(self, Kind::Whitespace | Kind::Newline | Kind::Comment)
    }
}

const TRIVIA_BASE: u16 = 0x8000;

/// The rowan language of `.jx` files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Jx {}

impl Language for Jx {
    type Kind = Kind;

    fn kind_from_raw(raw: rowan::SyntaxKind) -> Kind {
        match raw.0 {
            r if r < TRIVIA_BASE => match rule_of(r) {
                Some(rule) => Kind::Rule(rule),
                None => Kind::Error,
            },
            r if r == TRIVIA_BASE => Kind::Whitespace,
            r if r == TRIVIA_BASE + 1 => Kind::Newline,
            r if r == TRIVIA_BASE + 2 => Kind::Comment,
            r if r == TRIVIA_BASE + 3 => Kind::Punct,
            _ => Kind::Error,
        }
    }

    fn kind_to_raw(kind: Kind) -> rowan::SyntaxKind {
        rowan::SyntaxKind(match kind {
            Kind::Rule(r) => r as u16,
            Kind::Whitespace => TRIVIA_BASE,
            Kind::Newline => TRIVIA_BASE + 1,
            Kind::Comment => TRIVIA_BASE + 2,
            Kind::Punct => TRIVIA_BASE + 3,
            Kind::Error => TRIVIA_BASE + 4,
        })
    }
}

/// The rule whose discriminant is `raw` (pest's `all_rules` is not in
/// discriminant order, so the table is built once from it).
fn rule_of(raw: u16) -> Option<Rule> {
    static TABLE: std::sync::OnceLock<Vec<Option<Rule>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let rules = Rule::all_rules();
        let len = rules.iter().map(|r| *r as usize + 1).max().unwrap_or(0);
        let mut t = vec![None; len];
        for r in rules {
            t[*r as usize] = Some(*r);
        }
        t
    });
    table.get(raw as usize).copied().flatten()
}

pub type SyntaxNode = rowan::SyntaxNode<Jx>;
pub type SyntaxToken = rowan::SyntaxToken<Jx>;
pub type SyntaxElement = rowan::SyntaxElement<Jx>;

/// A file's tree, and where pest gave up if it could not read the file's
/// blocks at all.
#[derive(Clone, Debug)]
pub struct Parse {
    pub green: GreenNode,
    /// The byte offset where reading stopped, when the braces do not
    /// balance or the file is nested too deeply (the whole file is then one
    /// [`Kind::Error`] token).
    pub failed_at: Option<usize>,
    /// Set when the file was not parsed because it nests deeper than the
    /// limits of [`super::limits`] (the parser would overflow its stack).
    pub too_deep: Option<TooDeep>,
}

impl Parse {
    pub fn root(&self) -> SyntaxNode {
        SyntaxNode::new_root(self.green.clone())
    }
}

/// The grammar's parse alone, without the tree: whether `text` parses
/// (braces balance). What the grammar costs per MB is measured with it
/// (`cargo bench --bench scale`).
#[doc(hidden)]
pub fn grammar_only(text: &str) -> bool {
    super::grammar::parse(Rule::file, text).is_ok()
}

/// Parse a file's text (without its BOM) into the lossless tree.
pub fn parse(text: &str) -> Parse {
    let mut b = GreenNodeBuilder::new();
    if let Some(too_deep) = limits::nesting(text) {
        return Parse {
            green: error_tree(b, text),
            failed_at: Some(too_deep.at),
            too_deep: Some(too_deep),
        };
    }
    match super::grammar::parse(Rule::file, text) {
        Ok(mut pairs) => {
            match pairs.next() {
                Some(file) => build(&mut b, text, file),
                None => {
                    b.start_node(Jx::kind_to_raw(Kind::Rule(Rule::file)));
                    trivia(&mut b, text, 0, text.len());
                    b.finish_node();
                }
            }
            Parse {
                green: b.finish(),
                failed_at: None,
                too_deep: None,
            }
        }
        Err(e) => {
            let pos = match e.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((s, _)) => s,
            };
            Parse {
                green: error_tree(b, text),
                failed_at: Some(pos),
                too_deep: None,
            }
        }
    }
}

/// The tree of the block of rule `rule` (a `unit`, `project`, `budget` …)
/// at the start of `text` and the length it covers, read exactly as the
/// grammar reads it wherever it stands (what follows the block is there to
/// be looked at, as in the whole file), or None when `text` does not start
/// with one. See [`super::reparse`].
pub fn parse_block(rule: Rule, text: &str) -> Option<(GreenNode, usize)> {
    // Too deep for pest's recursion: the caller then re-reads the whole
    // file, which reports it.
    if limits::nesting(text).is_some() {
        return None;
    }
    let pair = super::grammar::parse(rule, text).ok()?.next()?;
    let end = pair.as_span().end();
    let mut b = GreenNodeBuilder::new();
    build(&mut b, &text[..end], pair);
    Some((b.finish(), end))
}

/// The tree of a file that could not be parsed: one error token.
fn error_tree(mut b: GreenNodeBuilder<'static>, text: &str) -> GreenNode {
    b.start_node(Jx::kind_to_raw(Kind::Rule(Rule::file)));
    if !text.is_empty() {
        b.token(Jx::kind_to_raw(Kind::Error), text);
    }
    b.finish_node();
    b.finish()
}

/// Add the `file` pair (or a block's pair) and everything it covers, as the
/// root covering all of `text`. Iterative: the depth of the input never becomes the depth of
/// this function's stack.
fn build(b: &mut GreenNodeBuilder<'static>, text: &str, file: pest::iterators::Pair<'_, Rule>) {
    struct Frame<'i> {
        inner: pest::iterators::Pairs<'i, Rule>,
        /// Where the text already in the tree ends.
        pos: usize,
        end: usize,
    }
    // The root covers the whole text whatever `file` spans (it spans SOI
    // to EOI, but a byte outside the tree would be lost silently). The root
    // is the pair's own rule: `file`, or a block re-read alone.
    b.start_node(Jx::kind_to_raw(Kind::Rule(file.as_rule())));
    let mut stack: Vec<Frame> = vec![Frame {
        inner: file.into_inner(),
        pos: 0,
        end: text.len(),
    }];
    let mut next: Option<pest::iterators::Pair<Rule>> = None;
    loop {
        if let Some(p) = next.take() {
            let span = p.as_span();
            let kind = Jx::kind_to_raw(Kind::Rule(p.as_rule()));
            let inner = p.into_inner();
            if inner.peek().is_none() {
                b.token(kind, span.as_str());
                if let Some(top) = stack.last_mut() {
                    top.pos = span.end();
                }
            } else {
                b.start_node(kind);
                stack.push(Frame {
                    inner,
                    pos: span.start(),
                    end: span.end(),
                });
            }
        }
        let Some(top) = stack.last_mut() else { break };
        match top.inner.next() {
            Some(child) => {
                let s = child.as_span().start();
                trivia(b, text, top.pos, s);
                top.pos = s;
                next = Some(child);
            }
            None => {
                trivia(b, text, top.pos, top.end);
                let end = top.end;
                stack.pop();
                b.finish_node();
                if let Some(parent) = stack.last_mut() {
                    parent.pos = end;
                }
            }
        }
    }
}

/// Tokens for `text[from..to]`, a stretch that pest matched with silent
/// rules only: white space, line breaks, comments and punctuation.
fn trivia(b: &mut GreenNodeBuilder<'static>, text: &str, from: usize, to: usize) {
    if from >= to {
        return;
    }
    let gap = &text[from..to];
    let bytes = gap.as_bytes();
    let mut i = 0;
    while i < gap.len() {
        let rest = &gap[i..];
        let (kind, len) = if rest.starts_with("//") {
            (Kind::Comment, rest.find(['\n', '\r']).unwrap_or(rest.len()))
        } else if let Some(body) = rest.strip_prefix("/*") {
            (Kind::Comment, body.find("*/").map_or(rest.len(), |j| j + 4))
        } else if rest.starts_with("\r\n") {
            (Kind::Newline, 2)
        } else if bytes[i] == b'\n' || bytes[i] == b'\r' {
            (Kind::Newline, 1)
        } else {
            let ws: usize = rest
                .chars()
                .take_while(|c| matches!(c, ' ' | '\t' | '\u{3000}' | '\u{00A0}'))
                .map(char::len_utf8)
                .sum();
            if ws > 0 {
                (Kind::Whitespace, ws)
            } else {
                let c = rest.chars().next().map_or(1, char::len_utf8);
                (Kind::Punct, c)
            }
        };
        b.token(Jx::kind_to_raw(kind), &rest[..len]);
        i += len;
    }
}

/// A cursor over the tree with the shape of a pest pair: a node or token of
/// a grammar rule, its text (a slice of the source, no copy) and its inner
/// pairs, trivia and punctuation left out.
#[derive(Clone, Debug)]
pub struct Pair<'a> {
    el: SyntaxElement,
    src: &'a str,
}

impl<'a> Pair<'a> {
    /// The pair at `el`, whose text is `src[el's range]`.
    pub fn new(el: SyntaxElement, src: &'a str) -> Pair<'a> {
        Pair { el, src }
    }

    /// The root of a tree parsed from `src`.
    pub fn root(node: SyntaxNode, src: &'a str) -> Pair<'a> {
        Pair {
            el: NodeOrToken::Node(node),
            src,
        }
    }

    pub fn kind(&self) -> Kind {
        self.el.kind()
    }

    /// The grammar rule (`EOI` for an element that is not a rule's, which
    /// [`Pair::into_inner`] never yields).
    pub fn as_rule(&self) -> Rule {
        match self.el.kind() {
            Kind::Rule(r) => r,
            _ => Rule::EOI,
        }
    }

    pub fn start(&self) -> usize {
        self.el.text_range().start().into()
    }

    pub fn end(&self) -> usize {
        self.el.text_range().end().into()
    }

    pub fn as_str(&self) -> &'a str {
        &self.src[self.start()..self.end()]
    }

    pub fn element(&self) -> &SyntaxElement {
        &self.el
    }

    /// The pairs directly inside this one, in order.
    pub fn into_inner(self) -> Inner<'a> {
        let next = match &self.el {
            NodeOrToken::Node(n) => n.first_child_or_token(),
            NodeOrToken::Token(_) => None,
        };
        Inner {
            next,
            src: self.src,
        }
    }
}

/// The inner pairs of a [`Pair`].
#[derive(Clone, Debug)]
pub struct Inner<'a> {
    next: Option<SyntaxElement>,
    src: &'a str,
}

impl<'a> Iterator for Inner<'a> {
    type Item = Pair<'a>;

    fn next(&mut self) -> Option<Pair<'a>> {
        loop {
            let el = self.next.take()?;
            self.next = el.next_sibling_or_token();
            if let Kind::Rule(_) = el.kind() {
                return Some(Pair { el, src: self.src });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str) {
        let parse = parse(text);
        assert_eq!(parse.root().text().to_string(), text);
    }

    #[test]
    fn every_byte_is_in_the_tree() {
        roundtrip("");
        roundtrip("year 2023 // 年度\n");
        roundtrip("unit \"云田镇\" ｛\r\n  budget 10 /* 万元 */ {\n  }\n｝\n");
        roundtrip("unit \"x\" {\n  这不是语法 {\n  }\n}\n");
        roundtrip("unit \"x\" {\n");
    }

    #[test]
    fn comments_are_tokens() {
        let parse = parse("year 2023 // 年度\n/* a */ money 万元\n");
        let comments: Vec<String> = parse
            .root()
            .descendants_with_tokens()
            .filter(|e| e.kind() == Kind::Comment)
            .map(|e| e.to_string())
            .collect();
        assert_eq!(comments, ["// 年度", "/* a */"]);
    }

    #[test]
    fn unbalanced_braces_are_one_error_token() {
        let parse = parse("unit \"x\" {\n");
        assert!(parse.failed_at.is_some());
        let root = parse.root();
        assert_eq!(root.first_token().map(|t| t.kind()), Some(Kind::Error));
    }
}

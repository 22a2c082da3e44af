//! The printer: walks the file's lossless tree ([`cst::Pair`] over its
//! rules) and prints each construct in the canonical style, into [`Line`]s
//! that [`super::layout`] turns into text.
//!
//! Every token goes through [`Printer::tok_at`], which first deals with the
//! tree's trivia between the previous token and this one ([`Tokens`]): the
//! comments there keep their place relative to the line breaks around them.
//!
//! - a comment after a token on the same source line stays at the end of
//!   that token's output line;
//! - a comment on a line of its own is printed on a line of its own before
//!   what follows it, at the indentation of what follows (inside a block for
//!   a comment before its `}`);
//! - a block comment between two tokens of one line stays between them.
//!
//! Punctuation (`{`, `:`, `=`, `,`, `|`, parentheses) is printed in its
//! canonical form where the tree has its token.
//!
//! Error lines (junk, S001) are printed as written: each sequence of items
//! ([`Printer::items`]) prints the items that share a source line with junk
//! as one verbatim stretch of whole lines, so that the error line keeps its
//! text, its indentation and what stands before it on its line (which the
//! diagnostic quotes). An item whose own lines (its head and `{`, its `}`)
//! hold no junk is printed canonically, and the junk inside its block is
//! dealt with there.

use super::layout::Line;
use super::tokens::{comment_text, Tok, Tokens};
use super::Error;
use crate::msg;
use crate::syntax::cst::{Kind, Pair};
use crate::syntax::grammar::Rule;
use crate::syntax::normalize;

type P<'a> = Pair<'a>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    Zh,
}

/// The two spellings of each keyword, English first, from the keyword
/// table: where Chinese has several, the table lists the canonical first.
fn spelling(rule: Rule) -> Option<(&'static str, &'static str)> {
    crate::syntax::keywords::by_rule(rule).map(|k| (k.english, k.chinese_canonical()))
}

/// Words that are a dimension after `by`: a quoted name spelled like one
/// must stay quoted there.
const DIMENSION_WORDS: &[&str] = &crate::syntax::keywords::DIMENSION_WORDS;

/// The language most keywords of the file are written in (English on a tie).
pub fn majority(src: &str, tokens: &Tokens) -> Lang {
    let (mut en, mut zh) = (0usize, 0usize);
    for t in &tokens.toks {
        if let Kind::Rule(r) = t.kind {
            if spelling(r).is_some() {
                if src[t.start..t.end].is_ascii() {
                    en += 1;
                } else {
                    zh += 1;
                }
            }
        }
    }
    if zh > en {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// Print the file `root` (the root of the tree parsed from `src`, whose
/// leaves are `tokens`).
pub fn print(src: &str, tokens: &Tokens, root: P, lang: Lang) -> Result<Vec<Line>, Error> {
    let mut p = Printer {
        src,
        tokens,
        toks: &tokens.toks,
        ti: 0,
        comments_printed: 0,
        junk: JunkLines::new(src, &tokens.junk),
        quotes_as_written: unpaired_quote(src, &tokens.junk),
        lines: Vec::new(),
        cur: None,
        indent: 0,
        next_group: None,
        groups: 0,
        pending_col: None,
        space_next: false,
        cont_indent: None,
        inline: 0,
        lang,
        error: None,
    };
    p.file(root);
    if let Some(what) = p.error {
        return Err(Error::Internal(msg!("fmt-internal-construct", what = what)));
    }
    let total = tokens.comment_count();
    if p.comments_printed != total {
        return Err(Error::Internal(msg!(
            "fmt-internal-comments-not-printed",
            count = total - p.comments_printed
        )));
    }
    Ok(p.lines)
}

/// Whether an error line leaves a `"` open (its tokens, which follow each
/// other, read as one stretch): it holds an odd number of them, or read as
/// strings with their escapes it ends inside one (`"\"` holds two marks,
/// the second escaped, so that a string runs on to the quote marks of the
/// lines after it).
fn unpaired_quote(src: &str, junk: &[(usize, usize)]) -> bool {
    let mut stretches: Vec<(usize, usize)> = Vec::new();
    for &(a, b) in junk {
        match stretches.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => stretches.push((a, b)),
        }
    }
    stretches.iter().any(|&(a, b)| {
        let text = &src[a..b];
        text.matches('"').count() % 2 == 1 || ends_in_string(text)
    })
}

/// Whether `text`, read as strings are (`"` opens and closes, `\`
/// escapes the next character within), ends inside a string.
fn ends_in_string(text: &str) -> bool {
    let mut inside = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' if inside => {
                chars.next();
            }
            '"' => inside = !inside,
            _ => {}
        }
    }
    inside
}

/// The source lines that error lines stand on.
struct JunkLines {
    /// Where each source line starts (empty when there is no junk).
    line_starts: Vec<usize>,
    /// The first and last line of each junk token, in order.
    lines: Vec<(usize, usize)>,
    len: usize,
}

impl JunkLines {
    fn new(src: &str, junk: &[(usize, usize)]) -> JunkLines {
        let mut j = JunkLines {
            line_starts: Vec::new(),
            lines: Vec::new(),
            len: src.len(),
        };
        if junk.is_empty() {
            return j;
        }
        // Lines end with LF, CRLF or a lone CR, as the grammar's do.
        let b = src.as_bytes();
        j.line_starts = std::iter::once(0)
            .chain((0..b.len()).filter_map(|i| {
                let ends = b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n'));
                ends.then_some(i + 1)
            }))
            .collect();
        j.lines = junk
            .iter()
            .map(|&(s, e)| (j.line(s), j.line(e.max(s + 1) - 1)))
            .collect();
        j
    }

    fn any(&self) -> bool {
        !self.lines.is_empty()
    }

    /// The line of a byte offset.
    fn line(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Where the line of `offset` ends (its line break, or the end of the
    /// text).
    fn line_end(&self, offset: usize) -> usize {
        match self.line_starts.get(self.line(offset) + 1) {
            Some(next) => next - 1,
            None => self.len,
        }
    }

    /// Whether junk stands on one of the lines `first..=last`.
    fn hits(&self, first: usize, last: usize) -> bool {
        self.lines.iter().any(|&(a, b)| a <= last && b >= first)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    Space,
    None,
}

/// Where a name stands, for deciding whether it may go unquoted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum NameCtx {
    Plain,
    Dimension,
}

struct Printer<'s> {
    src: &'s str,
    tokens: &'s Tokens,
    toks: &'s [Tok],
    /// The first token not yet dealt with: everything before it has been
    /// printed.
    ti: usize,
    comments_printed: usize,
    junk: JunkLines,
    /// Strings and names are printed with the quotes they are written
    /// with: an error line holds an unpaired `"`, and whether it opens a
    /// string depends on the quote marks after it (`unit"` on one line,
    /// `unit "室"` on the next: unquoting 室 would change what the error
    /// line reads).
    quotes_as_written: bool,
    lines: Vec<Line>,
    /// The line being built.
    cur: Option<Line>,
    indent: usize,
    /// Alignment group of the next line started.
    next_group: Option<usize>,
    groups: usize,
    /// The column the next token goes to.
    pending_col: Option<usize>,
    /// An inline comment was just printed: a space before the next token.
    space_next: bool,
    /// An own-line comment broke an item's line: the rest of the item is
    /// printed at this indentation.
    cont_indent: Option<usize>,
    /// Depth of blocks printed on one line.
    inline: usize,
    lang: Lang,
    error: Option<String>,
}

impl<'s> Printer<'s> {
    // ------------------------------------------------------------ lines

    fn fail(&mut self, why: String) {
        if self.error.is_none() {
            self.error = Some(why);
        }
    }

    fn new_group(&mut self) -> usize {
        self.groups += 1;
        self.groups
    }

    /// Start an item on a line of its own.
    fn begin_item(&mut self, group: Option<usize>) {
        if self.inline > 0 {
            return;
        }
        self.end_line();
        self.next_group = group;
    }

    fn end_line(&mut self) {
        if self.inline > 0 {
            return;
        }
        if let Some(l) = self.cur.take() {
            self.lines.push(l);
        }
        self.cont_indent = None;
        self.pending_col = None;
        self.space_next = false;
    }

    fn ensure_line(&mut self, blank: bool) {
        if self.cur.is_none() {
            let (indent, group) = match self.cont_indent {
                Some(i) => (i, None),
                None => (self.indent, self.next_group.take()),
            };
            self.cur = Some(Line {
                indent,
                cells: vec![String::new()],
                group,
                blank_before: blank,
                ..Default::default()
            });
        }
    }

    /// The next token starts the next column of an aligned line.
    fn next_cell(&mut self) {
        if self.inline > 0 {
            return;
        }
        let n = self.cur.as_ref().map_or(1, |l| l.cells.len());
        self.pending_col = Some(n);
    }

    /// The next token goes to column `i`.
    fn at_cell(&mut self, i: usize) {
        if self.inline > 0 {
            return;
        }
        self.pending_col = Some(i);
    }

    fn cell(&mut self) -> &mut String {
        self.ensure_line(false);
        let l = self.cur.as_mut().expect("a line");
        l.cells.last_mut().expect("a cell")
    }

    // ------------------------------------------------------------ trivia

    /// Deal with the tokens between the last printed one and `until`: print
    /// their comments where they belong. Returns whether a blank line
    /// stands right before `until`.
    fn gap(&mut self, until: usize, comment_indent: usize) -> bool {
        // The comments of each source line of the gap.
        let mut segs: Vec<Vec<String>> = vec![Vec::new()];
        while let Some(t) = self.toks.get(self.ti).filter(|t| t.start < until) {
            match t.kind {
                Kind::Newline => segs.push(Vec::new()),
                Kind::Comment => {
                    let text = comment_text(&self.src[t.start..t.end]).to_string();
                    segs.last_mut().expect("a segment").push(text);
                    self.comments_printed += 1;
                }
                _ => {}
            }
            self.ti += 1;
        }

        let n = segs.len();
        if n == 1 {
            // No line break: between two tokens of one line.
            for c in std::mem::take(&mut segs[0]) {
                if self.cur.is_some() || self.lines.is_empty() {
                    self.inline_comment(c);
                } else {
                    self.lines.last_mut().expect("a line").trailing.push(c);
                }
            }
            return false;
        }
        // After the previous token, on its line; at the start of the file,
        // a line of its own, its comments one space apart as on any line of
        // comments alone (and as when no line break follows them).
        let first = std::mem::take(&mut segs[0]);
        if let Some(l) = self.cur.as_mut() {
            l.trailing.extend(first);
        } else if let Some(l) = self.lines.last_mut() {
            l.trailing.extend(first);
        } else if !first.is_empty() {
            self.own_line(first.join(" "), comment_indent, false);
        }
        // Lines of their own.
        let mut blank = false;
        for seg in segs.iter_mut().take(n - 1).skip(1) {
            if seg.is_empty() {
                blank = true;
                continue;
            }
            let text = std::mem::take(seg).join(" ");
            self.own_line(text, comment_indent, blank);
            blank = false;
        }
        // Before the next token, on its line.
        let last = std::mem::take(&mut segs[n - 1]);
        if !last.is_empty() {
            self.ensure_line(blank);
            blank = false;
            for c in last {
                self.inline_comment(c);
            }
        }
        blank
    }

    /// Pass over the tokens of what was just printed, up to `end`.
    fn skip_to(&mut self, end: usize) {
        while self.toks.get(self.ti).is_some_and(|t| t.start < end) {
            self.ti += 1;
        }
    }

    fn inline_comment(&mut self, c: String) {
        // The line already ends with a comment (a line comment, after which
        // the item went on on the next line): printed here, this comment
        // would come before that one. The line breaks here instead, as at a
        // comment on a line of its own.
        if let Some(l) = self.cur.take_if(|l| !l.trailing.is_empty()) {
            self.break_item_line(l);
        }
        let cell = self.cell();
        if !cell.is_empty() && !cell.ends_with(' ') {
            cell.push(' ');
        }
        cell.push_str(&c);
        self.space_next = true;
    }

    fn own_line(&mut self, text: String, indent: usize, blank: bool) {
        let indent = if let Some(l) = self.cur.take() {
            // The comment stands inside an item's line: break the line there
            // and go on with the rest of the item one level deeper.
            self.break_item_line(l)
        } else {
            self.cont_indent.unwrap_or(indent)
        };
        self.lines.push(Line {
            indent,
            cells: vec![text],
            blank_before: blank,
            ..Default::default()
        });
    }

    /// End `l`, the current line, inside an item; the rest of the item goes
    /// on one level deeper. Returns that level.
    fn break_item_line(&mut self, mut l: Line) -> usize {
        l.group = None;
        let i = l.indent + 1;
        self.lines.push(l);
        self.cont_indent = Some(i);
        i
    }

    // ------------------------------------------------------------ tokens

    /// Print `text` for the source `start..end`.
    fn tok_at(&mut self, start: usize, end: usize, text: &str, sep: Sep, comment_indent: usize) {
        let blank = self.gap(start, comment_indent);
        self.ensure_line(blank);
        let col = self.pending_col.take();
        let space = self.space_next;
        self.space_next = false;
        let l = self.cur.as_mut().expect("a line");
        if let Some(i) = col {
            while l.cells.len() <= i {
                l.cells.push(String::new());
            }
        }
        let cell = l.cells.last_mut().expect("a cell");
        if !cell.is_empty() && !cell.ends_with(' ') && (sep == Sep::Space || space) {
            cell.push(' ');
        }
        cell.push_str(text);
        self.skip_to(end);
    }

    fn tok(&mut self, p: &P, text: &str, sep: Sep) {
        self.tok_at(p.start(), p.end(), text, sep, self.indent);
    }

    /// The next punctuation token (one of `alts`), past trivia only.
    fn find(&self, alts: &[&str]) -> Option<Tok> {
        self.toks[self.ti.min(self.toks.len())..]
            .iter()
            .find(|t| !t.kind.is_trivia())
            .filter(|t| t.kind == Kind::Punct && alts.contains(&&self.src[t.start..t.end]))
            .copied()
    }

    fn punct(&mut self, alts: &[&str], text: &str, sep: Sep) {
        match self.find(alts) {
            Some(t) => self.tok_at(t.start, t.end, text, sep, self.indent),
            None => self.fail(format!("`{text}` not found in the tree")),
        }
    }

    fn kw(&mut self, p: &P, sep: Sep) {
        match spelling(p.as_rule()) {
            Some((en, zh)) => {
                let t = if self.lang == Lang::En { en } else { zh };
                self.tok(p, t, sep);
            }
            None => self.fail(format!("{:?} is not a keyword", p.as_rule())),
        }
    }

    /// The single keyword inside `level`, `kind`, `goal_kind` and the like.
    fn inner_kw(&mut self, p: &P, sep: Sep) {
        match p.clone().into_inner().next() {
            Some(k) => self.kw(&k, sep),
            None => self.fail(format!("{:?} without its keyword", p.as_rule())),
        }
    }

    // ------------------------------------------------------------ values

    /// Print any value-like pair.
    fn node(&mut self, p: P, sep: Sep) {
        use Rule::*;
        match p.as_rule() {
            r if spelling(r).is_some() => self.kw(&p, sep),
            level | kind | goal_kind | required | attr_key | rollup => self.inner_kw(&p, sep),
            integer | number => {
                let t = number_text(p.as_str());
                self.tok(&p, &t, sep);
            }
            name => self.name(p, NameCtx::Plain, sep),
            string => {
                let t = if self.quotes_as_written {
                    p.as_str().to_string()
                } else {
                    string_text(&p)
                };
                self.tok(&p, &t, sep);
            }
            code | lint_code | serial | date | bare_name => {
                let t = p.as_str().to_string();
                self.tok(&p, &t, sep);
            }
            code_list => {
                for (i, c) in p.into_inner().enumerate() {
                    if i > 0 {
                        self.punct(&[",", "，"], ",", Sep::None);
                    }
                    self.node(c, Sep::Space);
                }
            }
            amount | cell_mark => match p.clone().into_inner().next() {
                Some(n) if n.as_rule() == number => self.node(n, sep),
                Some(m) if m.as_rule() == mark => self.node(m, sep),
                _ => self.tok(&p, "-", sep),
            },
            // 无, 不适用: as written.
            mark => {
                let t = p.as_str().to_string();
                self.tok(&p, &t, sep);
            }
            // `[ ] 新增项目 [x] 延续项目`.
            choices => {
                for (i, c) in p.into_inner().enumerate() {
                    let s = if i == 0 { sep } else { Sep::Space };
                    for x in c.into_inner() {
                        match x.as_rule() {
                            checkbox => {
                                let on = x.clone().into_inner().next().map(|k| k.as_rule())
                                    == Some(checked);
                                self.tok(&x, if on { "[x]" } else { "[ ]" }, s);
                            }
                            _ => self.name(x, NameCtx::Plain, Sep::Space),
                        }
                    }
                }
            }
            // `上年 68`, `增减 -3.65`, `重述 预算 302`, `测算依据 "…"`.
            prior | change | restates | restate_target | restate_line | basis_stmt => {
                let mut first = true;
                for c in p.into_inner() {
                    self.node(c, if first { sep } else { Sep::Space });
                    first = false;
                }
            }
            period => {
                let mut first = true;
                for c in p.into_inner() {
                    match c.as_rule() {
                        range_sep => self.tok(&c, "..", Sep::Space),
                        _ => self.node(c, if first { sep } else { Sep::Space }),
                    }
                    first = false;
                }
            }
            quantity | quantity_v => self.quantity(p, sep),
            range => self.range(p, sep),
            prop_value | value => {
                for c in p.into_inner() {
                    self.node(c, sep);
                }
            }
            // A comparison is written as the table has it (`》`, `大于等于`).
            comparison => {
                let t = p.as_str();
                self.tok(&p, t, sep);
            }
            prop_key => {
                let t = match p.clone().into_inner().next() {
                    _ if self.quotes_as_written => p.as_str().to_string(),
                    Some(q) if q.as_rule() == quoted => {
                        let text = unquoted(&q);
                        if can_be_bare(&text, NameCtx::Plain) {
                            text
                        } else {
                            string_text(&q)
                        }
                    }
                    _ => p.as_str().to_string(),
                };
                self.tok(&p, &t, sep);
            }
            r => self.fail(format!("unexpected {r:?} in a value")),
        }
    }

    /// A name: bare when it can be read back as the same bare word in its
    /// place, quoted otherwise.
    fn name(&mut self, p: P, ctx: NameCtx, sep: Sep) {
        let t = if self.quotes_as_written {
            p.as_str().to_string()
        } else {
            name_text(&p, ctx)
        };
        self.tok(&p, &t, sep);
    }

    /// `NUMBER%? UNIT?`: the percent sign is attached; a unit that is only a
    /// percent sign (`95 %`) is attached too.
    fn quantity(&mut self, p: P, sep: Sep) {
        let mut first = true;
        let mut had_percent = false;
        for c in p.into_inner() {
            let s = if first { sep } else { Sep::Space };
            first = false;
            match c.as_rule() {
                Rule::number => self.node(c, s),
                Rule::percent => {
                    had_percent = true;
                    let t = percent_text(c.as_str());
                    self.tok(&c, t, Sep::None);
                }
                Rule::measure_unit => {
                    let t = normalize::unit(c.as_str());
                    let s = if !had_percent && matches!(t.as_str(), "%" | "‰") {
                        Sep::None
                    } else {
                        Sep::Space
                    };
                    self.tok(&c, &t, s);
                }
                r => self.fail(format!("unexpected {r:?} in a quantity")),
            }
        }
    }

    /// `50%..70%`, `1..3 个`.
    fn range(&mut self, p: P, sep: Sep) {
        let mut first = true;
        for c in p.into_inner() {
            let s = if first { sep } else { Sep::None };
            first = false;
            match c.as_rule() {
                Rule::number => self.node(c, s),
                Rule::percent => {
                    let t = percent_text(c.as_str());
                    self.tok(&c, t, Sep::None);
                }
                Rule::range_sep => self.tok(&c, "..", Sep::None),
                Rule::measure_unit => {
                    let t = normalize::unit(c.as_str());
                    self.tok(&c, &t, Sep::Space);
                }
                r => self.fail(format!("unexpected {r:?} in a range")),
            }
        }
    }

    // ------------------------------------------------------------ blocks

    /// Print `{ items }`. The block stays on one line when it was written on
    /// one line, holds no comment and no nested block, and holds at most one
    /// item (any number for `many`: indicator attributes).
    fn block<F>(&mut self, items: Vec<P<'s>>, rbrace: Option<P<'s>>, many: bool, item: F)
    where
        F: FnMut(&mut Self, P<'s>),
    {
        let Some(rbrace) = rbrace else {
            self.fail("a block without its `}`".into());
            return;
        };
        let Some(lb) = self.find(&["{", "｛"]) else {
            self.fail("a block without its `{`".into());
            return;
        };
        let end = rbrace.end();
        let has_comment = self.tokens.comments_in(lb.start, end) > 0;
        let nested = items
            .iter()
            .any(|i| self.tokens.rbraces_in(i.start(), i.end()) > 0);
        let raw = self.junk.any() && items.iter().any(|i| self.raw(i));
        let one_line =
            !self.src[lb.start..end].contains(['\n', '\r']) || (items.is_empty() && !has_comment);
        let inline = self.inline > 0
            || (one_line && !has_comment && !nested && !raw && (many || items.len() <= 1));
        self.tok_at(lb.start, lb.end, "{", Sep::Space, self.indent);
        if inline {
            self.inline += 1;
            let empty = items.is_empty();
            self.items(items, item);
            self.inline -= 1;
            let sep = if empty { Sep::None } else { Sep::Space };
            self.tok(&rbrace, "}", sep);
        } else {
            if let Some(l) = self.cur.as_mut() {
                l.opens = true;
            }
            self.end_line();
            self.indent += 1;
            self.items(items, item);
            self.end_line();
            let inner = self.indent;
            self.indent -= 1;
            self.next_group = None;
            self.tok_at(rbrace.start(), rbrace.end(), "}", Sep::None, inner);
            if let Some(l) = self.cur.as_mut() {
                if l.cells.len() == 1 && l.cells[0] == "}" {
                    l.closes = true;
                }
            }
        }
    }

    /// Print a sequence of items (of a block, or of the file): each with
    /// `item`, but the items on an error line's lines as written.
    fn items<F>(&mut self, items: Vec<P<'s>>, mut item: F)
    where
        F: FnMut(&mut Self, P<'s>),
    {
        let mut items = items.into_iter().peekable();
        while let Some(i) = items.next() {
            if !self.raw(&i) {
                item(self, i);
                continue;
            }
            // The items that share a line with this one go with it, and a
            // block comment that starts on the stretch's last line and ends
            // on a later one joins that line to the stretch: an error
            // line's text runs up to the comment's start (which S001
            // quotes), and a message for what follows the comment names it
            // (``unexpected `/` after `*/` ``).
            let start = i.start();
            let mut end = self.content_end(&i);
            loop {
                while let Some(next) = items.next_if(|n| n.start() < self.junk.line_end(end)) {
                    end = end.max(self.content_end(&next));
                }
                match self.comment_running_on(end) {
                    Some(comment_end) => end = comment_end,
                    None => break,
                }
            }
            self.verbatim(start, end);
        }
    }

    /// Where the last comment ends that starts on the line of `end`, after
    /// it, and ends on a later line (only white space and comments between).
    fn comment_running_on(&self, end: usize) -> Option<usize> {
        let line_end = self.junk.line_end(end);
        self.toks[self.tokens.at(end)..]
            .iter()
            .take_while(|t| {
                matches!(t.kind, Kind::Whitespace | Kind::Comment) && t.start < line_end
            })
            .filter(|t| t.kind == Kind::Comment)
            .last()
            .filter(|t| t.end > line_end)
            .map(|t| t.end)
    }

    /// Where the last token of `p` that is not trivia ends (a rule may
    /// end with the white space a look-ahead skipped).
    fn content_end(&self, p: &P) -> usize {
        let (from, to) = (self.tokens.at(p.start()), self.tokens.at(p.end()));
        self.toks[from..to]
            .iter()
            .rev()
            .find(|t| !t.kind.is_trivia())
            .map_or(p.start(), |t| t.end)
    }

    /// Whether an item is printed as written: it is junk, or junk stands on
    /// one of its own lines (those of its head and `{`, or of its `}`; the
    /// lines of its block's items are theirs).
    fn raw(&self, p: &P) -> bool {
        if !self.junk.any() {
            return false;
        }
        if matches!(
            p.as_rule(),
            Rule::junk | Rule::junk_top | Rule::junk_text | Rule::junk_block | Rule::rbrace
        ) {
            return true;
        }
        let j = &self.junk;
        let (first, last) = (j.line(p.start()), j.line(self.content_end(p)));
        if !j.hits(first, last) {
            return false;
        }
        let toks = &self.toks[self.tokens.at(p.start())..self.tokens.at(p.end())];
        let lbrace = toks
            .iter()
            .find(|t| t.kind == Kind::Punct && matches!(&self.src[t.start..t.end], "{" | "｛"));
        let rbrace = toks
            .iter()
            .rev()
            .find(|t| t.kind == Kind::Rule(Rule::rbrace));
        match (lbrace, rbrace) {
            (Some(lb), Some(rb)) => {
                j.hits(first, j.line(lb.start)) || j.hits(j.line(rb.start), last)
            }
            _ => true,
        }
    }

    /// Print `start..end` as written, widened to whole lines: back to the
    /// start of its line over white space and comments, on to the end of
    /// its last line over white space and comments. Where something else
    /// stands before (or after) it on its line, it starts (or ends) there,
    /// and goes on a line of its own at the current indentation.
    fn verbatim(&mut self, start: usize, end: usize) {
        let toks = self.toks;
        let first = self.tokens.at(start);
        let mut k = first;
        while k > 0 && matches!(toks[k - 1].kind, Kind::Whitespace | Kind::Comment) {
            k -= 1;
        }
        let at_line_start = k == 0 || toks[k - 1].kind == Kind::Newline;
        if !at_line_start {
            while k < first && toks[k].kind == Kind::Whitespace {
                k += 1;
            }
        }
        let from = toks.get(k).map_or(start, |t| t.start).min(start);
        let mut j = self.tokens.at(end);
        while j < toks.len() && matches!(toks[j].kind, Kind::Whitespace | Kind::Comment) {
            j += 1;
        }
        let to = match toks.get(j) {
            None => self.src.len(),
            Some(t) if t.kind == Kind::Newline || t.start == self.src.len() => t.start,
            Some(_) => end,
        };
        // Never from before what was printed already.
        let printed = self.ti.checked_sub(1).map_or(0, |i| toks[i].end);
        let from = if from < printed {
            // What stood before on its line is printed (a comment that
            // ended an earlier stretch): this one starts on a line of its
            // own, without the white space that separated them.
            let mut k = self.ti;
            while k < toks.len() && toks[k].kind == Kind::Whitespace && toks[k].end <= start {
                k += 1;
            }
            toks.get(k).map_or(printed, |t| t.start).min(start)
        } else {
            from
        }
        .min(to);

        let blank = self.gap(from, self.indent);
        while let Some(t) = self.toks.get(self.ti).filter(|t| t.start < to) {
            if t.kind == Kind::Comment {
                self.comments_printed += 1;
            }
            self.ti += 1;
        }
        let text = self.src[from..to].to_string();
        if self.inline > 0 {
            // Not reached: junk on a block's line makes the block's owner
            // verbatim. Kept whole all the same.
            let cell = self.cell();
            cell.push(' ');
            cell.push_str(&text);
            return;
        }
        self.end_line();
        self.lines.push(Line {
            indent: if at_line_start { 0 } else { self.indent },
            cells: vec![text],
            blank_before: blank,
            verbatim: true,
            ..Default::default()
        });
    }

    /// Split a construct into its head (printed by the caller), the items
    /// of its block and its `}`.
    fn split(p: P<'s>, head: &[Rule]) -> (Vec<P<'s>>, Vec<P<'s>>, Option<P<'s>>) {
        let mut h = Vec::new();
        let mut items = Vec::new();
        let mut rb = None;
        for c in p.into_inner() {
            if c.as_rule() == Rule::rbrace {
                rb = Some(c);
            } else if items.is_empty() && head.contains(&c.as_rule()) {
                h.push(c);
            } else {
                items.push(c);
            }
        }
        (h, items, rb)
    }

    // ------------------------------------------------------------ file

    fn file(&mut self, p: P<'s>) {
        let mut items: Vec<P<'s>> = p.into_inner().collect();
        if items.last().is_some_and(|i| i.as_rule() == Rule::EOI) {
            items.pop();
        }
        self.items(items, |s, item| match item.as_rule() {
            Rule::scheme_block => s.scheme_block(item),
            Rule::unit | Rule::continued => s.unit(item),
            Rule::summary => s.summary(item),
            Rule::year_stmt
            | Rule::money_stmt
            | Rule::precision_stmt
            | Rule::scheme_stmt
            | Rule::title_stmt
            | Rule::include_stmt
            | Rule::level_stmt => s.statement(item),
            Rule::form_stmt => s.form(item),
            r => s.fail(format!("unexpected {r:?} at the top level")),
        });
        let end = self.src.len();
        self.begin_item(None);
        self.gap(end, 0);
        self.end_line();
    }

    /// A statement of one line: its tokens separated by spaces.
    fn statement(&mut self, p: P<'s>) {
        self.begin_item(None);
        for c in p.into_inner() {
            self.node(c, Sep::Space);
        }
        self.end_line();
    }

    /// `form NAME "TITLE"? { COLUMN … }?`: the columns on one line when
    /// written so, else one a line.
    fn form(&mut self, p: P<'s>) {
        self.begin_item(None);
        let mut columns = None;
        for c in p.into_inner() {
            if c.as_rule() == Rule::form_columns {
                columns = Some(c);
            } else {
                self.node(c, Sep::Space);
            }
        }
        if let Some(c) = columns {
            let (_, items, rb) = Self::split(c, &[]);
            self.block(items, rb, true, |s, i| {
                s.begin_item(None);
                s.node(i, Sep::Space);
                s.end_line();
            });
        }
        self.end_line();
    }

    // ------------------------------------------------------------ schemes

    fn scheme_block(&mut self, p: P<'s>) {
        self.begin_item(None);
        let (head, items, rb) = Self::split(p, &[Rule::kw_scheme, Rule::name, Rule::kw_extends]);
        for h in head {
            self.node(h, Sep::Space);
        }
        self.block(items, rb, false, |s, i| s.scheme_tier(i));
        self.end_line();
    }

    fn scheme_tier(&mut self, p: P<'s>) {
        match p.as_rule() {
            Rule::scheme_tier1 | Rule::scheme_tier2 => {}
            r => return self.fail(format!("unexpected {r:?} in a scheme")),
        }
        self.begin_item(None);
        let (head, items, rb) = Self::split(p, &[Rule::required, Rule::alias_names]);
        for h in head {
            match h.as_rule() {
                Rule::alias_names => {
                    for (i, n) in h.into_inner().enumerate() {
                        if i > 0 {
                            self.punct(&["|"], "|", Sep::Space);
                        }
                        self.name(n, NameCtx::Plain, Sep::Space);
                    }
                }
                _ => self.node(h, Sep::Space),
            }
        }
        if rb.is_some() {
            self.block(items, rb, false, |s, i| s.scheme_tier(i));
        }
        self.end_line();
    }

    // ------------------------------------------------------------ units

    fn unit(&mut self, p: P<'s>) {
        self.begin_item(None);
        let (head, items, rb) = Self::split(
            p,
            &[
                Rule::rollup,
                Rule::kw_continued,
                Rule::kw_unit,
                Rule::code,
                Rule::name,
            ],
        );
        for h in head {
            self.node(h, Sep::Space);
        }
        self.block(items, rb, false, |s, i| s.unit_item(i));
        self.end_line();
    }

    fn unit_item(&mut self, p: P<'s>) {
        match p.as_rule() {
            Rule::parent_stmt
            | Rule::duties_stmt
            | Rule::goal_stmt
            | Rule::period_stmt
            | Rule::schedule_stmt => self.statement(p),
            Rule::plan_stmt => self.plan(p),
            Rule::staff_block => self.staff(p),
            Rule::budget => self.budget(p),
            Rule::amount_tree => self.amount_tree(p),
            Rule::indicators => self.indicators(p),
            Rule::project => self.project(p),
            Rule::unit => self.unit(p),
            Rule::property => self.property(p),
            Rule::by_block => self.by_block(p),
            r => self.fail(format!("unexpected {r:?} in a block")),
        }
    }

    fn plan(&mut self, p: P<'s>) {
        self.begin_item(None);
        let (head, items, rb) = Self::split(p, &[Rule::kw_plan, Rule::name]);
        for h in head {
            self.node(h, Sep::Space);
        }
        if rb.is_some() {
            self.block(items, rb, false, |s, i| {
                if i.as_rule() == Rule::plan_field {
                    s.statement(i)
                } else {
                    s.fail(format!("unexpected {:?} in a plan", i.as_rule()))
                }
            });
        }
        self.end_line();
    }

    fn staff(&mut self, p: P<'s>) {
        self.begin_item(None);
        let (head, items, rb) = Self::split(p, &[Rule::kw_staff]);
        for h in head {
            self.node(h, Sep::Space);
        }
        let g = self.new_group();
        self.block(items, rb, false, |s, i| {
            if i.as_rule() != Rule::staff_line {
                return s.fail(format!("unexpected {:?} in staff", i.as_rule()));
            }
            s.begin_item(Some(g));
            for c in i.into_inner() {
                match c.as_rule() {
                    Rule::name => s.name(c, NameCtx::Plain, Sep::Space),
                    Rule::number => {
                        s.next_cell();
                        s.node(c, Sep::Space);
                    }
                    // The AST keeps a staff line's unit exactly as written.
                    Rule::measure_unit => {
                        let t = c.as_str().to_string();
                        s.tok(&c, &t, Sep::Space);
                    }
                    r => s.fail(format!("unexpected {r:?} in a staff line")),
                }
            }
            s.end_line();
        });
        self.end_line();
    }

    fn property(&mut self, p: P<'s>) {
        self.begin_item(None);
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::prop_key => self.node(c, Sep::Space),
                _ => {
                    self.punct(&[":", "："], ":", Sep::None);
                    self.node(c, Sep::Space);
                }
            }
        }
        self.end_line();
    }

    // ------------------------------------------------------------ budgets

    fn budget(&mut self, p: P<'s>) {
        self.begin_item(None);
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::breakdown_block => self.breakdown_block(c),
                _ => self.node(c, Sep::Space),
            }
        }
        self.end_line();
    }

    fn amount_tree(&mut self, p: P<'s>) {
        self.begin_item(None);
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::kw_amount => self.kw(&c, Sep::Space),
                Rule::line_head => self.line_head(c),
                Rule::breakdown_block => self.breakdown_block(c),
                r => self.fail(format!("unexpected {r:?} in an amount tree")),
            }
        }
        self.end_line();
    }

    fn breakdown_block(&mut self, p: P<'s>) {
        let (_, items, rb) = Self::split(p, &[]);
        self.breakdown_items(items, rb);
    }

    fn breakdown_items(&mut self, items: Vec<P<'s>>, rb: Option<P<'s>>) {
        let g = self.new_group();
        self.block(items, rb, false, |s, i| match i.as_rule() {
            Rule::line => s.line(i, g),
            Rule::by_block => s.by_block(i),
            Rule::stated_total => s.stated_total(i, g),
            Rule::basis_stmt => s.statement(i),
            Rule::formula_item => s.formula_item(i),
            r => s.fail(format!("unexpected {r:?} in a breakdown")),
        });
    }

    fn by_block(&mut self, p: P<'s>) {
        self.begin_item(None);
        let (head, items, rb) = Self::split(p, &[Rule::kw_by, Rule::dimension]);
        for h in head {
            match h.as_rule() {
                Rule::dimension => match h.into_inner().next() {
                    Some(d) if d.as_rule() == Rule::name => {
                        self.name(d, NameCtx::Dimension, Sep::Space)
                    }
                    Some(d) => self.kw(&d, Sep::Space),
                    None => self.fail("a dimension without a word".into()),
                },
                _ => self.node(h, Sep::Space),
            }
        }
        self.breakdown_items(items, rb);
        self.end_line();
    }

    fn line(&mut self, p: P<'s>, group: usize) {
        self.begin_item(Some(group));
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::line_head => self.line_head(c),
                Rule::breakdown_block => self.breakdown_block(c),
                r => self.fail(format!("unexpected {r:?} in a line")),
            }
        }
        self.end_line();
    }

    /// `CODE? NAME` | `AMOUNT? (上年 AMOUNT)? (增减 NUMBER)? (重述 …)?
    /// (= FORMULA)?`: the second part is a column. An approximate formula
    /// is written with `≈`.
    fn line_head(&mut self, p: P<'s>) {
        let mut in_column = false;
        let mut approx = false;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::code => self.node(c, Sep::Space),
                Rule::name => self.name(c, NameCtx::Plain, Sep::Space),
                Rule::amount | Rule::prior | Rule::change | Rule::restates => {
                    if !in_column {
                        in_column = true;
                        self.next_cell();
                    }
                    self.node(c, Sep::Space);
                }
                Rule::formula_approx => {
                    if !in_column {
                        in_column = true;
                        self.next_cell();
                    }
                    approx = true;
                    self.tok(&c, "≈", Sep::Space);
                }
                Rule::formula => {
                    if !in_column {
                        self.next_cell();
                    }
                    if !approx {
                        self.punct(&["=", "＝"], "=", Sep::Space);
                    }
                    self.formula(c, Sep::Space);
                }
                r => self.fail(format!("unexpected {r:?} in a line")),
            }
        }
    }

    /// A table's own 合计 row, its amount in the column of the lines'
    /// amounts: `合计 30 上年 25 basis "…"`.
    fn stated_total(&mut self, p: P<'s>, group: usize) {
        self.begin_item(Some(group));
        let mut in_column = false;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::kw_total => self.kw(&c, Sep::Space),
                _ => {
                    if !in_column {
                        in_column = true;
                        self.next_cell();
                    }
                    self.node(c, Sep::Space);
                }
            }
        }
        self.end_line();
    }

    /// A formula of a line's basis with its stated result:
    /// `= 3 次 × 0.6 万元/次 = 1.8` (`≈` when approximate).
    fn formula_item(&mut self, p: P<'s>) {
        self.begin_item(None);
        let mut approx = false;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::formula_approx => {
                    approx = true;
                    self.tok(&c, "≈", Sep::Space);
                }
                Rule::formula => {
                    if !approx {
                        self.punct(&["=", "＝"], "=", Sep::Space);
                    }
                    self.formula(c, Sep::Space);
                }
                Rule::amount => {
                    self.punct(&["=", "＝"], "=", Sep::Space);
                    self.node(c, Sep::Space);
                }
                r => self.fail(format!("unexpected {r:?} in a formula")),
            }
        }
        self.end_line();
    }

    // ------------------------------------------------------------ formulas

    /// `20 次 × 0.5 万元/次 + 3`: `+ - ×` between spaces, `/` without,
    /// juxtaposition as one space.
    fn formula(&mut self, p: P<'s>, sep: Sep) {
        let mut first = true;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::f_term => {
                    self.f_term(c, if first { sep } else { Sep::Space });
                    first = false;
                }
                Rule::add_op => {
                    let t = if matches!(c.as_str(), "+" | "＋") {
                        "+"
                    } else {
                        "-"
                    };
                    self.tok(&c, t, Sep::Space);
                }
                r => self.fail(format!("unexpected {r:?} in a formula")),
            }
        }
    }

    fn f_term(&mut self, p: P<'s>, sep: Sep) {
        let mut next = sep;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::mul_op => match c.into_inner().next() {
                    Some(op) if op.as_rule() == Rule::div => {
                        self.tok(&op, "/", Sep::None);
                        next = Sep::None;
                    }
                    Some(op) => {
                        self.tok(&op, "×", Sep::Space);
                        next = Sep::Space;
                    }
                    None => self.fail("an operator without its sign".into()),
                },
                Rule::number_f => {
                    let t = number_text(c.as_str());
                    self.tok(&c, &t, next);
                    next = Sep::Space;
                }
                Rule::f_unit => {
                    let t = c.as_str().to_string();
                    self.tok(&c, &t, next);
                    next = Sep::Space;
                }
                Rule::f_group => {
                    self.punct(&["(", "（"], "(", next);
                    for f in c.into_inner() {
                        self.formula(f, Sep::None);
                    }
                    self.punct(&[")", "）"], ")", Sep::None);
                    next = Sep::Space;
                }
                r => self.fail(format!("unexpected {r:?} in a formula")),
            }
        }
    }

    // ------------------------------------------------------------ projects

    fn project(&mut self, p: P<'s>) {
        self.begin_item(None);
        let (head, items, rb) = Self::split(
            p,
            &[
                Rule::kw_project,
                Rule::code,
                Rule::name,
                Rule::amount,
                Rule::prior,
            ],
        );
        for h in head {
            self.node(h, Sep::Space);
        }
        self.block(items, rb, false, |s, i| s.unit_item(i));
        self.end_line();
    }

    // ------------------------------------------------------------ indicators

    fn indicators(&mut self, p: P<'s>) {
        self.begin_item(None);
        let (head, items, rb) = Self::split(p, &[Rule::kw_indicators]);
        for h in head {
            self.node(h, Sep::Space);
        }
        self.block(items, rb, false, |s, i| s.ind_item(i));
        self.end_line();
    }

    fn ind_item(&mut self, p: P<'s>) {
        match p.as_rule() {
            Rule::ind_group => {
                self.begin_item(None);
                let (head, items, rb) = Self::split(p, &[Rule::name]);
                for h in head {
                    self.name(h, NameCtx::Plain, Sep::Space);
                }
                self.block(items, rb, false, |s, i| s.ind_item(i));
                self.end_line();
            }
            Rule::ind_leaf => {
                self.begin_item(None);
                for c in p.into_inner() {
                    match c.as_rule() {
                        Rule::ind_head => self.ind_head(c),
                        Rule::ind_attrs => {
                            let (_, items, rb) = Self::split(c, &[]);
                            self.block(items, rb, true, |s, a| s.ind_attr(a));
                        }
                        r => self.fail(format!("unexpected {r:?} in an indicator")),
                    }
                }
                self.end_line();
            }
            r => self.fail(format!("unexpected {r:?} in indicators")),
        }
    }

    /// An indicator's name, then its target as written: the sign as the
    /// table has it (`》`, `大于等于`), the value with its words (`95%以上`,
    /// `2025年12月底前`, `９５％`), glued where they are glued. Only the kind
    /// keyword is respelled, a quoted text's quote marks made `"`, and the
    /// space between the parts made one.
    fn ind_head(&mut self, p: P<'s>) {
        let mut prev_end = None;
        for c in p.into_inner() {
            match c.as_rule() {
                Rule::name => {
                    prev_end = Some(c.end());
                    self.name(c, NameCtx::Plain, Sep::Space);
                }
                Rule::spec => {
                    for s in c.into_inner() {
                        let glued = prev_end == Some(s.start());
                        let sep = if glued { Sep::None } else { Sep::Space };
                        prev_end = Some(s.end());
                        let text = s.as_str();
                        match s.as_rule() {
                            Rule::kind => self.node(s, sep),
                            Rule::value
                                if s.clone()
                                    .into_inner()
                                    .next()
                                    .is_some_and(|v| v.as_rule() == Rule::string) =>
                            {
                                self.node(s, sep)
                            }
                            _ => self.tok(&s, text, sep),
                        }
                    }
                }
                r => self.fail(format!("unexpected {r:?} in an indicator")),
            }
        }
    }

    fn ind_attr(&mut self, p: P<'s>) {
        if p.as_rule() != Rule::ind_attr {
            return self.fail(format!("unexpected {:?} in attributes", p.as_rule()));
        }
        self.begin_item(None);
        for c in p.into_inner() {
            match c.as_rule() {
                // The AST keeps an attribute's value as written: a number
                // stays as it is.
                Rule::number | Rule::bare_name => {
                    let t = c.as_str().to_string();
                    self.tok(&c, &t, Sep::Space);
                }
                _ => self.node(c, Sep::Space),
            }
        }
        self.end_line();
    }

    // ------------------------------------------------------------ summaries

    fn summary(&mut self, p: P<'s>) {
        self.begin_item(None);
        let (head, items, rb) = Self::split(p, &[Rule::kw_summary, Rule::name]);
        for h in head {
            self.node(h, Sep::Space);
        }
        let g = self.new_group();
        self.block(items, rb, false, |s, i| match i.as_rule() {
            Rule::summary_row => {
                // Columns: serial, code, name, amount.
                s.begin_item(Some(g));
                for c in i.into_inner() {
                    match c.as_rule() {
                        Rule::serial => {
                            s.at_cell(0);
                            s.node(c, Sep::Space);
                        }
                        Rule::code => {
                            s.at_cell(1);
                            s.node(c, Sep::Space);
                        }
                        Rule::name => {
                            s.at_cell(2);
                            s.name(c, NameCtx::Plain, Sep::Space);
                        }
                        _ => {
                            s.at_cell(3);
                            s.node(c, Sep::Space);
                        }
                    }
                }
                // The line stays open for the row's text columns, if any:
                // the next item starts its own.
            }
            Rule::row_fields => {
                let (_, items, rb) = Self::split(i, &[]);
                s.block(items, rb, false, |s, f| match f.as_rule() {
                    Rule::goal_stmt => s.statement(f),
                    Rule::property => s.property(f),
                    r => s.fail(format!("unexpected {r:?} in a row's text columns")),
                });
                s.end_line();
            }
            Rule::property => s.property(i),
            Rule::summary_total => s.statement(i),
            r => s.fail(format!("unexpected {r:?} in a summary")),
        });
        self.end_line();
    }
}

// ---------------------------------------------------------------- text

/// A number with ASCII digits, point, comma and minus; the digits, the
/// decimals and the thousands separators stay as written.
pub(super) fn number_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' => ',',
            '．' => '.',
            '－' => '-',
            '％' => '%',
            c => c,
        })
        .collect()
}

fn percent_text(s: &str) -> &'static str {
    if s == "‰" {
        "‰"
    } else {
        "%"
    }
}

/// `"…"` with `\` and `"` escaped.
fn quote(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 2);
    s.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
    s
}

/// A `string` (or `quoted`): `"…"` as written; `“…”` and `「…」` become
/// `"…"`.
fn string_text(p: &P) -> String {
    let quoted = if p.as_rule() == Rule::quoted {
        Some(p.clone())
    } else {
        p.clone().into_inner().next()
    };
    match quoted.and_then(|q| q.into_inner().next()) {
        Some(inner) if inner.as_rule() == Rule::str_ascii => p.as_str().to_string(),
        Some(inner) => quote(inner.as_str()),
        None => p.as_str().to_string(),
    }
}

/// The text a quoted string stands for (the lowering's reading of it).
fn unquoted(q: &P) -> String {
    match q.clone().into_inner().next() {
        Some(inner) if inner.as_rule() == Rule::str_ascii => {
            crate::syntax::lower::unescape(inner.as_str())
        }
        Some(inner) => inner.as_str().to_string(),
        None => String::new(),
    }
}

fn name_text(p: &P, ctx: NameCtx) -> String {
    match p.clone().into_inner().next() {
        Some(q) if q.as_rule() == Rule::quoted => {
            let text = unquoted(&q);
            if can_be_bare(&text, ctx) {
                text
            } else {
                string_text(&q)
            }
        }
        _ => p.as_str().to_string(),
    }
}

/// Whether `text` reads back as the same bare word: the grammar's
/// `bare_name` takes all of it, and it cannot be taken for something else
/// where it stands (a serial `#…`, a blank `-`, a dimension after `by`).
/// Names with a comma stay quoted, as the reference writes them.
fn can_be_bare(text: &str, ctx: NameCtx) -> bool {
    if text.is_empty()
        || text.contains([',', '，'])
        || text.starts_with(['#', '-', '—', '－'])
        || (ctx == NameCtx::Dimension && DIMENSION_WORDS.contains(&text))
    {
        return false;
    }
    if reads_as_glued_by(text) {
        return false;
    }
    match crate::syntax::grammar::parse(Rule::bare_name, text) {
        Ok(mut pairs) => pairs.next().is_some_and(|p| p.as_str().len() == text.len()),
        Err(_) => false,
    }
}

/// Whether a bare line named `text` would be read as a breakdown with its
/// keyword glued to its dimension (`按收入`, S030): such a name stays
/// quoted, as the lowering reads a quoted name as a name.
fn reads_as_glued_by(text: &str) -> bool {
    crate::syntax::keywords::KEYWORDS
        .iter()
        .filter(|k| k.rule == Rule::kw_by)
        .flat_map(|k| k.spellings())
        .filter_map(|by| text.strip_prefix(by))
        .any(|rest| DIMENSION_WORDS.iter().any(|d| rest.starts_with(d)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_when_possible() {
        assert!(can_be_bare("因公出国（境）费", NameCtx::Plain));
        assert!(can_be_bare("编报说明·2023年收入", NameCtx::Plain));
        assert!(!can_be_bare("城乡 环境", NameCtx::Plain));
        assert!(!can_be_bare("2024", NameCtx::Plain));
        assert!(!can_be_bare("单位", NameCtx::Plain));
        assert!(!can_be_bare("a,b", NameCtx::Plain));
        assert!(!can_be_bare("收入", NameCtx::Dimension));
        assert!(can_be_bare("收入", NameCtx::Plain));
        assert!(!can_be_bare("", NameCtx::Plain));
        assert!(!can_be_bare("x:y", NameCtx::Plain));
        // A line named so would be read as `按 收入` glued (S030).
        assert!(!can_be_bare("按收入", NameCtx::Plain));
        assert!(!can_be_bare("按支出性质", NameCtx::Plain));
        assert!(can_be_bare("按时完成", NameCtx::Plain));
    }

    #[test]
    fn numbers_keep_their_digits() {
        assert_eq!(number_text("１，０５６．４０"), "1,056.40");
        assert_eq!(number_text("60.00"), "60.00");
        assert_eq!(number_text("－3"), "-3");
    }

    #[test]
    fn quoting_escapes() {
        assert_eq!(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
    }
}

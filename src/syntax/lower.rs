//! Lowering: the lossless tree ([`super::cst`]) → the AST, in one pass.
//!
//! Lowering also validates what the grammar cannot (numbers that do not fit,
//! dates that do not exist, repeated header statements) and turns each
//! `junk` node into an S001 diagnostic. To say precisely what is wrong with
//! a junk line, the line is parsed again with a probe rule for the block it
//! stands in; pest's error position and expected tokens then name the spot.

use rust_decimal::Decimal;

use super::cst::{self, Pair};
use super::grammar::Rule;
use super::invisible::visible;
use super::keywords;
use super::limits;
use super::normalize;
use crate::ast::*;
use crate::diag::{Code, Diagnostic};
use crate::i18n::{Arg, Lang, Message};
use crate::msg;
use crate::source::FileId;

type P<'a> = Pair<'a>;

/// Parse and lower one file. Always returns a document (possibly partial)
/// and the diagnostics found on the way.
pub fn parse_document(file: FileId, text: &str) -> (Document, Vec<Diagnostic>) {
    lower(file, text, &cst::parse(text))
}

/// Lower a file's tree (parsed from `text`) to its document.
pub fn lower(file: FileId, text: &str, parse: &cst::Parse) -> (Document, Vec<Diagnostic>) {
    let mut lw = Lowerer {
        file,
        text,
        tree: parse.root(),
        spelling: None,
        diags: Vec::new(),
        line_starts: std::cell::OnceCell::new(),
        stray_run: None,
    };
    let mut doc = Document {
        file,
        ..Default::default()
    };
    match (parse.failed_at, parse.too_deep) {
        (None, _) => lw.file_items(Pair::root(parse.root(), text), &mut doc),
        (Some(_), Some(deep)) => lw.diags.push(too_deep(file, text, deep)),
        // With catch-all rules everywhere, only unbalanced braces fail.
        (Some(pos), None) => {
            let d = unbalanced(file, text, pos);
            lw.diags.push(d);
        }
    }
    lw.diags.extend(super::invisible::scan(file, parse));
    doc.units.shrink_to_fit();
    doc.continuations.shrink_to_fit();
    for s in &mut doc.summaries {
        s.rows.shrink_to_fit();
    }
    doc.summaries.shrink_to_fit();
    (doc, lw.diags)
}

/// `v` without the room it grew for: a vector pushed to holds four
/// elements at least, and most blocks have one or two, so the document's
/// tree (held for the whole run) would be mostly spare room.
fn tight<T>(mut v: Vec<T>) -> Vec<T> {
    v.shrink_to_fit();
    v
}

/// S010: the file nests deeper than the parser may go.
fn too_deep(file: FileId, text: &str, deep: limits::TooDeep) -> Diagnostic {
    let len = text[deep.at..].chars().next().map_or(0, char::len_utf8);
    let at = Span::new(file, deep.at, deep.at + len);
    let (message, label) = match deep.what {
        limits::Nesting::Blocks => ("s010-blocks-too-deep", "s010-this-brace-opens"),
        limits::Nesting::Parens => ("s010-parens-too-deep", "s010-this-paren-opens"),
    };
    Diagnostic::new(Code::S010, Message::new(message).arg("limit", deep.limit))
        .primary(at, Message::new(label).arg("level", deep.limit + 1))
        .note(msg!("s010-not-read"))
}

/// Find the `{` that is never closed (or the `}` never opened) to point at it.
fn unbalanced(file: FileId, text: &str, fail_pos: usize) -> Diagnostic {
    let mut stack: Vec<usize> = Vec::new();
    let mut stray_close: Option<usize> = None;
    for b in super::braces::braces(text) {
        if b.opens {
            stack.push(b.at);
        } else if stack.pop().is_none() && stray_close.is_none() {
            stray_close = Some(b.at);
        }
    }
    let span_at = |i: usize, len: usize| Span::new(file, i, i + len);
    if let Some(open) = stack.last() {
        let len = text[*open..].chars().next().map_or(1, char::len_utf8);
        Diagnostic::new(Code::S002, msg!("s002-never-closed"))
            .primary(span_at(*open, len), msg!("s002-opened-here"))
            .secondary(span_at(text.len(), 0), msg!("s002-file-ends-here"))
            .help(msg!("s002-add-the-missing-brace"))
    } else if let Some(close) = stray_close {
        let len = text[close..].chars().next().map_or(1, char::len_utf8);
        stray_brace(span_at(close, len))
    } else {
        let p = fail_pos.min(text.len());
        Diagnostic::new(Code::S002, msg!("s002-cannot-be-read"))
            .primary(span_at(p, 0), msg!("s002-reading-stopped-here"))
    }
}

/// S002 for a `}` that closes no block.
fn stray_brace(span: Span) -> Diagnostic {
    Diagnostic::new(Code::S002, msg!("s002-closes-no-block"))
        .primary(span, msg!("s002-unmatched-brace"))
        .help(msg!("s002-remove-the-brace"))
}

/// In which kind of block a junk item stood: decides the probe rule and the
/// words of the message.
#[derive(Clone, Copy)]
enum Ctx {
    Top,
    Unit,
    Project,
    Breakdown,
    Indicator,
    Attr,
    Summary,
    Scheme,
    Plan,
    Staff,
    Fields,
}

impl Ctx {
    fn probe(self) -> Rule {
        match self {
            Ctx::Top => Rule::probe_top,
            Ctx::Unit => Rule::probe_unit,
            Ctx::Project => Rule::probe_project,
            Ctx::Breakdown => Rule::probe_breakdown,
            Ctx::Indicator => Rule::probe_indicator,
            Ctx::Attr => Rule::probe_attr,
            Ctx::Summary => Rule::probe_summary,
            Ctx::Scheme => Rule::probe_scheme,
            Ctx::Plan => Rule::probe_plan,
            Ctx::Staff => Rule::probe_staff,
            Ctx::Fields => Rule::probe_fields,
        }
    }
    /// What the block expects, with its keywords spelled as the file
    /// spells them (`spelling`; None: as the language of the run).
    fn what(self, spelling: Option<Lang>) -> Message {
        let kw = |names: &[&str]| {
            Arg::comma(
                names
                    .iter()
                    .map(|n| msg!("expect-keyword", keyword = keywords::arg_named(n, spelling))),
            )
        };
        let one = |n: &str| keywords::arg_named(n, spelling);
        match self {
            Ctx::Top => msg!(
                "expect-top",
                headers = kw(&[
                    "year",
                    "money",
                    "precision",
                    "scheme",
                    "title",
                    "include",
                    "form"
                ]),
                unit = one("unit"),
                continued = one("continued"),
                scheme = one("scheme"),
                summary = one("summary")
            ),
            Ctx::Unit => msg!(
                "expect-unit",
                keywords = kw(&[
                    "parent",
                    "duties",
                    "goal",
                    "plan",
                    "staff",
                    "budget",
                    "amount",
                    "indicators",
                    "project",
                    "unit"
                ])
            ),
            Ctx::Project => msg!(
                "expect-project",
                keywords = kw(&["period", "goal", "schedule", "by", "amount", "indicators"])
            ),
            Ctx::Breakdown => msg!(
                "expect-breakdown",
                by = one("by"),
                total = one("total"),
                basis = one("basis")
            ),
            Ctx::Indicator => msg!("expect-indicator"),
            Ctx::Attr => msg!(
                "expect-attr",
                keywords = kw(&["explain", "scoring", "standard", "weight", "note"])
            ),
            Ctx::Summary => msg!("expect-summary", total = one("total")),
            Ctx::Scheme => msg!("expect-scheme"),
            Ctx::Plan => msg!("expect-plan", owner = one("owner"), goal = one("goal")),
            Ctx::Staff => msg!("expect-staff"),
            Ctx::Fields => msg!("expect-fields", goal = one("goal")),
        }
    }

    /// The same, in a few words (a label under the spot).
    fn short(self, spelling: Option<Lang>) -> Message {
        match self {
            Ctx::Top => msg!("expect-short-top"),
            Ctx::Unit => msg!("expect-short-unit"),
            Ctx::Project => msg!("expect-short-project"),
            Ctx::Breakdown => msg!("expect-short-breakdown"),
            Ctx::Indicator => msg!("expect-short-indicator"),
            Ctx::Attr => msg!("expect-short-attr"),
            Ctx::Summary => msg!("expect-short-summary"),
            Ctx::Scheme => msg!("expect-short-scheme"),
            Ctx::Plan => msg!(
                "expect-short-plan",
                owner = keywords::arg_named("owner", spelling),
                goal = keywords::arg_named("goal", spelling)
            ),
            Ctx::Staff => msg!("expect-short-staff"),
            Ctx::Fields => msg!("expect-short-fields"),
        }
    }
}

/// Words for the grammar's rules, used when pest says what it expected;
/// keywords spelled as the file spells them. Rules that are internal
/// return None and are left out of messages.
fn describe(rule: Rule, spelling: Option<Lang>) -> Option<Message> {
    use Rule::*;
    let kw = |k: &str| msg!("expect-keyword", keyword = keywords::arg_named(k, spelling));
    Some(match rule {
        amount | number | unsigned | integer => msg!("expect-number"),
        blank => msg!("expect-blank"),
        name | bare_name | prop_key => msg!("expect-name"),
        string | quoted => msg!("expect-quoted"),
        rbrace => msg!("expect-rbrace"),
        code => msg!("expect-code"),
        comparison | ge | le | eq | ne | gt | lt => msg!("expect-comparison"),
        kind => msg!(
            "expect-kind",
            qualitative = keywords::arg_named("qualitative", Some(Lang::Zh)),
            quantitative = keywords::arg_named("quantitative", Some(Lang::Zh))
        ),
        value | quantity_v => msg!("expect-value"),
        quantity => msg!("expect-quantity"),
        date | date_ymd | date_ym => msg!("expect-date"),
        period => msg!("expect-period"),
        range_sep => msg!("expect-range-sep"),
        range => msg!("expect-range"),
        measure_unit => msg!("expect-measure-unit"),
        formula | f_term | number_f | f_group | f_unit => msg!("expect-formula"),
        add_op | mul_op | mul | div => msg!("expect-operator"),
        dimension | dim_income | dim_expense | dim_economic | dim_functional | dim_source
        | dim_detail => msg!(
            "expect-dimension",
            dimensions = Arg::comma(
                [
                    "income",
                    "expense",
                    "economic",
                    "functional",
                    "source",
                    "detail"
                ]
                .iter()
                .map(|d| kw(d))
            )
        ),
        attr_key | kw_explain | kw_scoring | kw_standard | kw_weight | kw_note => {
            msg!("expect-attr-keyword")
        }
        ind_attrs => msg!("expect-ind-attrs"),
        lint_code | code_list => msg!("expect-lint-code"),
        goal_kind | kw_term | kw_annual => msg!(
            "expect-goal-kind",
            term = keywords::arg_named("term", spelling),
            annual = keywords::arg_named("annual", spelling)
        ),
        serial => msg!("expect-serial"),
        kw_extends => kw("extends"),
        kw_year => kw("year"),
        kw_money => kw("money"),
        kw_precision => kw("precision"),
        kw_scheme => kw("scheme"),
        kw_title => kw("title"),
        kw_include => kw("include"),
        kw_unit => kw("unit"),
        kw_budget => kw("budget"),
        kw_project => kw("project"),
        kw_by => kw("by"),
        kw_total => kw("total"),
        prior | kw_prior => msg!(
            "expect-prior",
            prior = keywords::arg_named("prior", spelling)
        ),
        change | kw_change => msg!(
            "expect-change",
            change = keywords::arg_named("change", spelling)
        ),
        restates | kw_restates => msg!(
            "expect-restates",
            restates = keywords::arg_named("restates", spelling)
        ),
        restate_target => msg!(
            "expect-restate-target",
            budget = keywords::arg_named("budget", spelling)
        ),
        restate_line => msg!("expect-restate-line"),
        basis_stmt | kw_basis => msg!(
            "expect-basis",
            basis = keywords::arg_named("basis", spelling)
        ),
        formula_approx => msg!("expect-formula-approx"),
        mark | mark_none | mark_na | cell_mark => msg!("expect-mark"),
        choices | choice | checkbox | checked | unchecked => msg!("expect-choice"),
        EOI => msg!("expect-end-of-line"),
        _ => return None,
    })
}

/// What a line's `{ … }` holds besides its lines.
#[derive(Default)]
struct LineBlock {
    breakdowns: Vec<Breakdown>,
    basis: Vec<Spanned<String>>,
    formulas: Vec<Formula>,
}

struct Lowerer<'s> {
    file: FileId,
    /// The whole file, to see what precedes a junk item on its line.
    text: &'s str,
    /// The file's tree, to see which language its keywords are in.
    tree: cst::SyntaxNode,
    /// The language of the file's keywords, once a message needs it:
    /// Some(None) when it has none.
    spelling: Option<Option<Lang>>,
    diags: Vec<Diagnostic>,
    /// Where each line of `text` starts, built at the first junk item: a
    /// junk item finds its line without scanning the text again (a long
    /// line full of junk would otherwise take quadratic time).
    line_starts: std::cell::OnceCell<Vec<usize>>,
    /// The S002 of the last stray `}` (its index in `diags`) and how many
    /// `}` it counts, to report a run of them once.
    stray_run: Option<(usize, usize)>,
}

/// The unescaped text of a `quoted` pair.
fn quoted_text(p: P) -> String {
    let inner = p.into_inner().next();
    match inner {
        Some(i) if i.as_rule() == Rule::str_ascii => unescape(i.as_str()),
        Some(i) => i.as_str().to_string(),
        None => String::new(),
    }
}

/// The text of a `"…"` string: `\"` is a quote and `\\` a backslash; any
/// other backslash is kept as written (`C:\new` stays `C:\new`).
pub(crate) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match (c, it.peek()) {
            ('\\', Some(&next)) if next == '"' || next == '\\' => {
                out.push(next);
                it.next();
            }
            _ => out.push(c),
        }
    }
    out
}

/// The text up to the first line break (LF, CR or CRLF).
fn first_line(text: &str) -> &str {
    text.find(['\n', '\r']).map_or(text, |i| &text[..i])
}

/// The word at the start of `text`, for "found `…`": up to white space, or
/// the one character there when it is white space other than a line break
/// (U+2028 is white space, but not to the grammar).
fn found_at(text: &str) -> String {
    let word: String = text
        .chars()
        .take_while(|c| !c.is_whitespace())
        .take(12)
        .collect();
    match text.chars().next() {
        Some(c) if word.is_empty() && !matches!(c, '\n' | '\r') => c.to_string(),
        _ => word,
    }
}

/// The first `chars` characters of `s`, then `…` if any were cut.
fn head(s: &str, chars: usize) -> String {
    match s.char_indices().nth(chars) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// The last `chars` characters of `s`, after `…` if any were cut.
fn tail(s: &str, chars: usize) -> String {
    match s.char_indices().rev().nth(chars) {
        Some((i, c)) => format!("…{}", &s[i + c.len_utf8()..]),
        None => s.to_string(),
    }
}

impl Lowerer<'_> {
    /// S002 for a `}` that closes no block. A run of them with only white
    /// space between is one diagnostic: 10 KB of `}` is one finding, not
    /// ten thousand.
    fn stray_close(&mut self, span: Span) {
        if let Some((i, count)) = self.stray_run {
            let last = self.diags.len().checked_sub(1);
            let label_end = self.diags[i].labels[0].span.end();
            let only_space =
                label_end <= span.start() && self.text[label_end..span.start()].trim().is_empty();
            if last == Some(i) && only_space {
                let d = &mut self.diags[i];
                d.message = msg!("s002-run-closes-no-block", count = count + 1);
                d.labels[0].span = d.labels[0].span.to(span);
                d.labels[0].message = msg!("s002-run-unmatched", count = count + 1);
                if count == 1 {
                    d.notes.push(msg!("s002-run-reported-once"));
                }
                self.stray_run = Some((i, count + 1));
                return;
            }
        }
        self.diags.push(stray_brace(span));
        self.stray_run = Some((self.diags.len() - 1, 1));
    }

    /// The start and end (before its line break) of the line holding `byte`.
    fn line_around(&self, byte: usize) -> (usize, usize) {
        let text = self.text;
        let starts = self.line_starts.get_or_init(|| {
            let b = text.as_bytes();
            let mut v = vec![0];
            for (i, &c) in b.iter().enumerate() {
                if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                    v.push(i + 1);
                }
            }
            v
        });
        let line = starts.partition_point(|&s| s <= byte).saturating_sub(1);
        let start = starts[line];
        let end = match starts.get(line + 1) {
            Some(&next) => {
                let mut e = next - 1;
                if e > start && text.as_bytes()[e - 1] == b'\r' && text.as_bytes()[e] == b'\n' {
                    e -= 1;
                }
                e
            }
            None => text.len(),
        };
        (start, end)
    }

    fn span(&self, p: &P) -> Span {
        Span::new(self.file, p.start(), p.end())
    }

    fn spanned_text(&self, p: P) -> Spanned<String> {
        let span = self.span(&p);
        Spanned::new(self.text_of(p), span)
    }

    /// Text of a `name`, `string`, `quoted`, `bare_name` or `prop_key`.
    fn text_of(&self, p: P) -> String {
        match p.as_rule() {
            Rule::quoted => quoted_text(p),
            Rule::name | Rule::string | Rule::prop_key | Rule::quoted_unit => {
                match p.into_inner().next() {
                    Some(i) => self.text_of(i),
                    None => String::new(),
                }
            }
            _ => p.as_str().to_string(),
        }
    }

    // ------------------------------------------------------------ junk

    /// The language the file's keywords are written in, if any: messages
    /// list the keywords expected in it.
    fn spelling(&mut self) -> Option<Lang> {
        let tree = &self.tree;
        *self
            .spelling
            .get_or_insert_with(|| keywords::language_of(tree))
    }

    fn junk(&mut self, p: P, ctx: Ctx) {
        let span = self.span(&p);
        let text = p.as_str();
        if text.trim_start().starts_with(['}', '｝']) {
            self.stray_close(span);
            return;
        }
        if let Some(d) = self.glued_keyword(text, span, ctx) {
            self.diags.push(d);
            return;
        }
        if let Some(d) = self.letter_in_figure(text, span) {
            self.diags.push(d);
            return;
        }
        if let Some(d) = self.two_indicators(text, span, ctx) {
            self.diags.push(d);
            return;
        }
        let spelling = self.spelling();
        // Junk that starts mid-line follows an item that read the start of
        // the line and stopped: say so, and show the whole line.
        let (line_start, line_end) = self.line_around(span.start());
        let before = self.text[line_start..span.start()].trim();
        if !before.is_empty() {
            let found = found_at(text);
            let before = visible(&tail(before, 24));
            let at = Span::new(self.file, span.start(), span.start() + found.len());
            self.diags.push(
                Diagnostic::new(
                    Code::S001,
                    msg!(
                        "s001-unexpected-after",
                        found = visible(&found),
                        before = before
                    ),
                )
                .primary(at, msg!("s001-not-expected-here"))
                .secondary(
                    Span::new(
                        self.file,
                        line_start
                            + (self.text[line_start..].len()
                                - self.text[line_start..].trim_start().len()),
                        line_end,
                    ),
                    msg!("s001-in-this-line"),
                )
                .note(msg!("s001-expected", what = ctx.what(spelling)))
                .note(msg!(
                    "s001-rest-skipped",
                    text = visible(&head(first_line(text).trim_end_matches([' ', '\t']), 60))
                )),
            );
            return;
        }
        let first_line = first_line(text).trim_end();
        let shown: String = visible(&first_line.chars().take(40).collect::<String>());
        let ellipsis = if first_line.chars().count() > 40 {
            "…"
        } else {
            ""
        };
        match super::grammar::parse(ctx.probe(), text) {
            Err(e) => {
                let (pos, positives) = match (&e.location, &e.variant) {
                    (
                        pest::error::InputLocation::Pos(p),
                        pest::error::ErrorVariant::ParsingError { positives, .. },
                    ) => (*p, positives.clone()),
                    (pest::error::InputLocation::Pos(p), _) => (*p, vec![]),
                    (pest::error::InputLocation::Span((s, _)), _) => (*s, vec![]),
                };
                let mut words: Vec<Message> = positives
                    .iter()
                    .filter_map(|r| describe(*r, spelling))
                    .collect();
                // In the order of their English words, whatever the
                // language: the message does not change with the grammar's
                // order of alternatives.
                words.sort_by_cached_key(|w| w.render(Lang::En));
                words.dedup();
                let pos = pos.min(text.len());
                let found = found_at(&text[pos..]);
                let found_desc = if found.is_empty() {
                    msg!("expect-end-of-line")
                } else {
                    msg!("s001-found-text", text = visible(&found))
                };
                let at = {
                    let len = text[pos..].chars().next().map_or(0, |c| {
                        if c == '\n' || c == '\r' {
                            0
                        } else {
                            found.len().max(c.len_utf8())
                        }
                    });
                    Span::new(self.file, span.start() + pos, span.start() + pos + len)
                };
                let (expected, short) = if words.is_empty() || pos == 0 {
                    (
                        Arg::from(ctx.what(spelling)),
                        Arg::from(ctx.short(spelling)),
                    )
                } else {
                    (Arg::or(words.clone()), Arg::or(words))
                };
                let mut d = Diagnostic::new(
                    Code::S001,
                    msg!(
                        "s001-expected-found",
                        expected = expected,
                        found = found_desc
                    ),
                )
                .primary(at, msg!("s001-expected", what = short));
                if pos > 0 {
                    d = d.secondary(
                        Span::new(self.file, span.start(), span.start() + first_line.len()),
                        msg!("s001-in-this-line"),
                    );
                }
                d = d.note(msg!(
                    "s001-line-skipped",
                    text = format!("{shown}{ellipsis}")
                ));
                self.diags.push(d);
            }
            Ok(_) => {
                self.diags.push(
                    Diagnostic::new(
                        Code::S001,
                        msg!("s001-not-allowed", text = format!("{shown}{ellipsis}")),
                    )
                    .primary(span, msg!("s001-not-allowed-in-block"))
                    .note(msg!("s001-expected", what = ctx.what(spelling))),
                );
            }
        }
    }

    /// For a junk item that starts with a keyword glued to the word after it
    /// (`预算100`, `实施期2023-01-01 .. 2023-12-31`) and reads as a statement
    /// of its block once they are apart: S001 (the line was not read) with
    /// the statement meant.
    fn glued_keyword(&self, text: &str, span: Span, ctx: Ctx) -> Option<Diagnostic> {
        let lead = text.len() - text.trim_start().len();
        let body = &text[lead..];
        let mut spellings: Vec<&str> = keywords::KEYWORDS
            .iter()
            .filter(|k| k.class.reserved())
            .flat_map(|k| k.spellings())
            .filter(|w| body.starts_with(w))
            .collect();
        spellings.sort_by_key(|w| std::cmp::Reverse(w.len()));
        let kw = spellings.into_iter().find(|w| {
            body[w.len()..]
                .chars()
                .next()
                .is_some_and(|c| !c.is_whitespace() && !"{}｛｝\"“「:：".contains(c))
        })?;
        let apart = format!("{kw} {}", &body[kw.len()..]);
        super::grammar::parse(ctx.probe(), &apart).ok()?;
        // The statement's head, without the block it opens.
        let first_line = first_line(&apart)
            .split(['{', '｛'])
            .next()
            .unwrap_or("")
            .trim_end();
        let glued =
            body[..kw.len()].len() + body[kw.len()..].chars().next().map_or(0, char::len_utf8);
        let at = Span::new(self.file, span.start() + lead, span.start() + lead + glued);
        Some(glued_diagnostic(Code::S001, kw, at, first_line).note(msg!("s001-line-was-skipped")))
    }

    /// S001 for a line holding an indicator and, after it, another: an
    /// indicator is one line, so that a word after a value never becomes an
    /// indicator of its own.
    fn two_indicators(&self, text: &str, span: Span, ctx: Ctx) -> Option<Diagnostic> {
        if !matches!(ctx, Ctx::Indicator) {
            return None;
        }
        let line = first_line(text);
        let first = super::grammar::parse(Rule::probe_ind_line, line)
            .ok()?
            .next()?;
        let first_end = first.as_span().end();
        let rest = &line[first_end..];
        let gap = rest.len() - rest.trim_start().len();
        let second = rest.trim();
        // Another indicator: a name with its value (a bare word after a
        // value is a word, reported as such by the probe).
        let has_value = super::grammar::parse(Rule::probe_ind_line, second)
            .ok()
            .and_then(|mut p| p.next())
            .is_some_and(|p| p.into_inner().any(|i| i.as_rule() == Rule::spec));
        if gap == 0 || !has_value || super::grammar::parse(Rule::probe_indicator, second).is_err() {
            return None;
        }
        let start = span.start() + first_end + gap;
        Some(
            Diagnostic::new(Code::S001, msg!("s001-two-indicators", second = second))
                .primary(
                    Span::new(self.file, start, start + second.len()),
                    msg!("s001-a-second-indicator"),
                )
                .secondary(
                    Span::new(self.file, span.start(), span.start() + first_end),
                    msg!("s001-the-first"),
                )
                .note(msg!("s001-two-indicators-note"))
                .help(msg!("s001-two-indicators-help")),
        )
    }

    /// S001 with the figure meant, for a junk item that is, or ends, a
    /// figure with a letter in place of a digit (`budget 1O56.40`, `≥ 9O%`).
    fn letter_in_figure(&self, text: &str, span: Span) -> Option<Diagnostic> {
        // A lone CR ends a line too.
        let line_start = self.text[..span.start()]
            .rfind(['\n', '\r'])
            .map_or(0, |i| i + 1);
        let first_end = span.start() + text.find(['\n', '\r']).unwrap_or(text.len());
        let line = &self.text[line_start..first_end];
        let (a, b) = misnumber_in(line)?;
        if line_start + b <= span.start() {
            return None;
        }
        let figure = &line[a..b];
        let meant: String = figure
            .chars()
            .map(|c| match c {
                'O' | 'o' | '〇' => '0',
                'l' | 'I' => '1',
                c => c,
            })
            .collect();
        Some(
            Diagnostic::new(Code::S001, msg!("s001-letter-in-figure", figure = figure))
                .primary(
                    Span::new(self.file, line_start + a, line_start + b),
                    msg!("s001-letter-label"),
                )
                .note(msg!("s001-letter-note"))
                .help(msg!("write-it", text = meant)),
        )
    }

    // ------------------------------------------------------------ file

    fn file_items(&mut self, p: P, doc: &mut Document) {
        for item in p.into_inner() {
            match item.as_rule() {
                Rule::year_stmt => {
                    let span = self.span(&item);
                    if let Some(y) = self.header_int(
                        item,
                        1900..=2200,
                        |value| msg!("s009-not-a-year", value = value),
                        msg!("s009-year-range"),
                    ) {
                        self.set_header(&mut doc.header.year, y, "year", span);
                    }
                }
                Rule::precision_stmt => {
                    let span = self.span(&item);
                    if let Some(p) = self.header_int(
                        item,
                        0..=10,
                        |value| msg!("s009-not-a-precision", value = value),
                        msg!("s009-precision-range"),
                    ) {
                        self.set_header(&mut doc.header.precision, p, "precision", span);
                    }
                }
                Rule::money_stmt | Rule::scheme_stmt | Rule::title_stmt => {
                    let span = self.span(&item);
                    let rule = item.as_rule();
                    let Some(n) = item.into_inner().nth(1) else {
                        continue;
                    };
                    let v = self.spanned_text(n);
                    // Kept as written (a default would change what the
                    // figures mean), and refused: bases of calculation are
                    // worked out in it.
                    if rule == Rule::money_stmt && crate::ast::money_factor(&v.node).is_none() {
                        self.diags.push(
                            Diagnostic::new(
                                Code::S009,
                                msg!("s009-not-money", value = v.node.as_str()),
                            )
                            .primary(v.span, msg!("s009-money-units"))
                            .note(msg!("s009-money-read-as-yuan")),
                        );
                    }
                    let (slot, what) = match rule {
                        Rule::money_stmt => (&mut doc.header.money, "money"),
                        Rule::scheme_stmt => (&mut doc.header.scheme, "scheme"),
                        _ => (&mut doc.header.title, "title"),
                    };
                    self.set_header(slot, v, what, span);
                }
                Rule::include_stmt => {
                    if let Some(n) = item.into_inner().nth(1) {
                        let v = self.spanned_text(n);
                        doc.includes.push(v);
                    }
                }
                Rule::form_stmt => {
                    let span = self.span(&item);
                    let mut name = None;
                    let mut title = None;
                    let mut columns = Vec::new();
                    for c in item.into_inner() {
                        match c.as_rule() {
                            Rule::name => name = Some(self.spanned_text(c)),
                            Rule::string => title = Some(self.spanned_text(c)),
                            Rule::form_columns => {
                                for col in c.into_inner() {
                                    if col.as_rule() == Rule::name {
                                        columns.push(self.spanned_text(col));
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                    if let Some(name) = name {
                        doc.header.forms.push(FormChoice {
                            name,
                            title,
                            columns,
                            span,
                        });
                    }
                }
                Rule::level_stmt => {
                    let span = self.span(&item);
                    let mut inner = item.into_inner();
                    let level = match inner.next().and_then(|l| l.into_inner().next()) {
                        Some(k) if k.as_rule() == Rule::kw_allow => Level::Allow,
                        Some(k) if k.as_rule() == Rule::kw_warn => Level::Warn,
                        _ => Level::Deny,
                    };
                    let codes = inner
                        .next()
                        .map(|cl| cl.into_inner().map(|c| self.spanned_text(c)).collect())
                        .unwrap_or_default();
                    doc.levels.push(LevelDirective { level, codes, span });
                }
                Rule::scheme_block => doc.schemes.push(self.scheme_block(item)),
                Rule::unit => doc.units.push(self.unit(item)),
                Rule::continued => doc.continuations.push(self.unit(item)),
                Rule::summary => doc.summaries.push(self.summary(item)),
                Rule::junk_top => self.junk(item, Ctx::Top),
                Rule::rbrace => {
                    let span = self.span(&item);
                    self.stray_close(span);
                }
                _ => {}
            }
        }
    }

    /// The integer of a `year` or `precision` statement, if it is in range;
    /// otherwise an S009 saying what was expected.
    fn header_int<T>(
        &mut self,
        item: P,
        range: std::ops::RangeInclusive<T>,
        is_bad: impl Fn(&str) -> Message,
        expected: Message,
    ) -> Option<Spanned<T>>
    where
        T: std::str::FromStr + PartialOrd,
    {
        let n = item.into_inner().nth(1)?;
        let ns = self.span(&n);
        match normalize::digits(n.as_str()).parse::<T>() {
            Ok(v) if range.contains(&v) => Some(Spanned::new(v, ns)),
            _ => {
                self.diags
                    .push(Diagnostic::new(Code::S009, is_bad(n.as_str())).primary(ns, expected));
                None
            }
        }
    }

    fn set_header<T: Clone>(
        &mut self,
        slot: &mut Option<Spanned<T>>,
        value: Spanned<T>,
        what: &str,
        stmt: Span,
    ) {
        if let Some(prev) = slot {
            self.diags.push(
                Diagnostic::new(
                    Code::S005,
                    msg!("s005-given-twice", what = keywords::arg_named(what, None)),
                )
                .primary(stmt, msg!("s005-given-again-here"))
                .secondary(prev.span, msg!("s005-first-given-here")),
            );
        } else {
            *slot = Some(value);
        }
    }

    // ------------------------------------------------------------ schemes

    fn scheme_block(&mut self, p: P) -> SchemeDef {
        let span = self.span(&p);
        let mut name = None;
        let mut extends = None;
        let mut tiers = Vec::new();
        let mut after_extends = false;
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::kw_extends => after_extends = true,
                Rule::name if after_extends => extends = Some(self.spanned_text(i)),
                Rule::name => name = Some(self.spanned_text(i)),
                Rule::scheme_tier1 => tiers.push(self.scheme_tier(i)),
                Rule::junk => self.junk(i, Ctx::Scheme),
                _ => {}
            }
        }
        SchemeDef {
            name: name.unwrap_or_else(|| Spanned::new(String::new(), span)),
            extends,
            tiers,
            span,
        }
    }

    fn scheme_tier(&mut self, p: P) -> SchemeTier {
        let span = self.span(&p);
        let mut tier = SchemeTier {
            names: Vec::new(),
            required: false,
            children: Vec::new(),
            span,
        };
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::required => tier.required = true,
                Rule::alias_names => {
                    tier.names = i.into_inner().map(|n| self.spanned_text(n)).collect();
                }
                Rule::scheme_tier2 => {
                    let c = self.scheme_tier(i);
                    tier.children.push(c);
                }
                Rule::junk => self.junk(i, Ctx::Scheme),
                _ => {}
            }
        }
        tier
    }

    // ------------------------------------------------------------ units

    fn unit(&mut self, p: P) -> Unit {
        let span = self.span(&p);
        let mut u = Unit {
            code: None,
            name: Spanned::new(String::new(), span),
            rollup: false,
            parent: None,
            duties: Vec::new(),
            goals: Vec::new(),
            plans: Vec::new(),
            staff: Vec::new(),
            budget: None,
            amounts: Vec::new(),
            indicators: Vec::new(),
            projects: Vec::new(),
            children: Vec::new(),
            properties: Vec::new(),
            span,
        };
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::rollup => u.rollup = true,
                Rule::code => u.code = Some(self.spanned_text(i)),
                Rule::name => u.name = self.spanned_text(i),
                Rule::parent_stmt => {
                    if let Some(n) = i.into_inner().nth(1) {
                        u.parent = Some(self.spanned_text(n));
                    }
                }
                Rule::duties_stmt => {
                    if let Some(n) = i.into_inner().nth(1) {
                        u.duties.push(self.spanned_text(n));
                    }
                }
                Rule::goal_stmt => {
                    let g = self.goal(i, GoalKind::Overall);
                    u.goals.push(g);
                }
                Rule::plan_stmt => {
                    let row = self.plan(i);
                    u.plans.push(row);
                }
                Rule::staff_block => {
                    for l in i.into_inner() {
                        match l.as_rule() {
                            Rule::staff_line => {
                                let s = self.staff_line(l);
                                u.staff.push(s);
                            }
                            Rule::junk => self.junk(l, Ctx::Staff),
                            _ => {}
                        }
                    }
                }
                Rule::budget => {
                    let b = self.budget(i);
                    if let Some(prev) = &u.budget {
                        self.diags.push(
                            Diagnostic::new(
                                Code::S005,
                                msg!(
                                    "s005-one-budget",
                                    budget = keywords::arg_named("budget", None)
                                ),
                            )
                            .primary(b.span, msg!("s005-second-budget"))
                            .secondary(prev.span, msg!("s005-first-budget")),
                        );
                    } else {
                        u.budget = Some(b);
                    }
                }
                Rule::amount_tree => {
                    let l = self.amount_tree(i);
                    u.amounts.push(l);
                }
                Rule::indicators => {
                    let t = self.indicators(i);
                    u.indicators.push(t);
                }
                Rule::project => {
                    let pr = self.project(i);
                    u.projects.push(pr);
                }
                Rule::unit => {
                    let c = self.unit(i);
                    u.children.push(c);
                }
                Rule::property => {
                    let pr = self.property(i);
                    u.properties.push(pr);
                }
                Rule::junk => self.junk(i, Ctx::Unit),
                _ => {}
            }
        }
        u.duties.shrink_to_fit();
        u.goals.shrink_to_fit();
        u.plans.shrink_to_fit();
        u.staff.shrink_to_fit();
        u.amounts.shrink_to_fit();
        u.indicators.shrink_to_fit();
        u.projects.shrink_to_fit();
        u.children.shrink_to_fit();
        u.properties.shrink_to_fit();
        u
    }

    fn goal(&mut self, p: P, default: GoalKind) -> Goal {
        let span = self.span(&p);
        let mut kind = default;
        let mut text = Spanned::new(String::new(), span);
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::goal_kind => {
                    kind = match i.into_inner().next().map(|k| k.as_rule()) {
                        Some(Rule::kw_annual) => GoalKind::Annual,
                        _ => GoalKind::Term,
                    }
                }
                Rule::string => text = self.spanned_text(i),
                _ => {}
            }
        }
        Goal { kind, text, span }
    }

    fn plan(&mut self, p: P) -> PlanRow {
        let span = self.span(&p);
        let mut row = PlanRow {
            item: Spanned::new(String::new(), span),
            owner: None,
            goal: None,
            span,
        };
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::name => row.item = self.spanned_text(i),
                Rule::plan_field => {
                    let mut inner = i.into_inner();
                    let key = inner.next().map(|k| k.as_rule());
                    let val = inner.next().map(|v| self.spanned_text(v));
                    match key {
                        Some(Rule::kw_owner) => row.owner = val,
                        _ => row.goal = val,
                    }
                }
                Rule::junk => self.junk(i, Ctx::Plan),
                _ => {}
            }
        }
        row
    }

    fn staff_line(&mut self, p: P) -> StaffLine {
        let span = self.span(&p);
        let mut name = Spanned::new(String::new(), span);
        let mut count = None;
        let mut unit = None;
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::name => name = self.spanned_text(i),
                Rule::number => count = Some(self.number(i)),
                Rule::measure_unit => unit = Some(self.spanned_text(i)),
                _ => {}
            }
        }
        StaffLine {
            name,
            count: count.unwrap_or(Number {
                value: None,
                scale: 0,
                span,
            }),
            unit,
            span,
        }
    }

    fn property(&mut self, p: P) -> Property {
        let span = self.span(&p);
        let mut inner = p.into_inner();
        let key = inner
            .next()
            .map(|k| self.spanned_text(k))
            .unwrap_or_else(|| Spanned::new(String::new(), span));
        let value = match inner.next().and_then(|v| v.into_inner().next()) {
            Some(v) => {
                let vs = self.span(&v);
                let node = match v.as_rule() {
                    Rule::period => match self.period(v) {
                        Some(per) => PropValue::Period(per.node),
                        None => PropValue::Text(String::new()),
                    },
                    Rule::date => match self.date(v) {
                        Some(d) => PropValue::Date(d),
                        None => PropValue::Text(String::new()),
                    },
                    Rule::quantity => PropValue::Quantity(self.quantity(v)),
                    Rule::choices => PropValue::Choices(self.choices(v)),
                    Rule::cell_mark => match v.into_inner().next() {
                        Some(m) if m.as_rule() == Rule::mark => PropValue::Mark(mark_of(m)),
                        _ => PropValue::Blank,
                    },
                    _ => PropValue::Text(self.text_of(v)),
                };
                Spanned::new(node, vs)
            }
            None => Spanned::new(PropValue::Text(String::new()), span),
        };
        Property { key, value, span }
    }

    /// `[ ] 新增项目 [x] 延续项目`.
    fn choices(&mut self, p: P) -> Vec<Choice> {
        let mut out = Vec::new();
        for c in p.into_inner().filter(|c| c.as_rule() == Rule::choice) {
            let mut checked = false;
            let mut label = None;
            for x in c.into_inner() {
                match x.as_rule() {
                    Rule::checkbox => {
                        checked = x.into_inner().next().map(|k| k.as_rule()) == Some(Rule::checked);
                    }
                    Rule::name => label = Some(self.spanned_text(x)),
                    _ => {}
                }
            }
            if let Some(label) = label {
                out.push(Choice { label, checked });
            }
        }
        out
    }

    // ------------------------------------------------------------ numbers

    fn number(&mut self, p: P) -> Number {
        let span = self.span(&p);
        let (value, scale) = match normalize::decimal(p.as_str()) {
            Ok((v, s)) => (Some(v), s),
            Err(why) => {
                self.diags.push(
                    Diagnostic::new(Code::S003, msg!("s003-not-exact", number = p.as_str()))
                        .primary(
                            span,
                            match why {
                                "more than 28 significant digits" => msg!("s003-too-many-digits"),
                                "too large for an exact amount" => msg!("s003-too-large"),
                                other => Message::text(other),
                            },
                        )
                        .note(msg!("s003-exact-decimals")),
                );
                (None, 0)
            }
        };
        Number { value, scale, span }
    }

    fn amount(&mut self, p: P) -> Amount {
        // amount = number | blank | mark
        match p.into_inner().next() {
            Some(i) if i.as_rule() == Rule::number => Amount::Figure(self.number(i)),
            Some(i) if i.as_rule() == Rule::mark => {
                let span = self.span(&i);
                Amount::Mark(mark_of(i), span)
            }
            Some(i) => Amount::Blank(self.span(&i)),
            None => Amount::Blank(Span::default()),
        }
    }

    fn date(&mut self, p: P) -> Option<Date> {
        let span = self.span(&p);
        let written = p.as_str().to_string();
        let inner = p.into_inner().next()?;
        let mut parts = inner
            .into_inner()
            .map(|x| x.as_str().parse::<u32>().unwrap_or(0));
        let year = parts.next()? as i32;
        let month = parts.next()?;
        let day = parts.next();
        let ok = (1..=12).contains(&month)
            && day.is_none_or(|d| d >= 1 && d <= days_in_month(year, month));
        if !ok {
            self.diags.push(
                Diagnostic::new(Code::S004, msg!("s004-not-a-date", date = written))
                    .primary(span, msg!("s004-no-such-date")),
            );
            return None;
        }
        Some(Date { year, month, day })
    }

    fn period(&mut self, p: P) -> Option<Spanned<Period>> {
        let span = self.span(&p);
        let mut dates = p.into_inner().filter(|i| i.as_rule() == Rule::date);
        let a = dates.next().map(|d| self.date(d));
        let b = dates.next().map(|d| self.date(d));
        let (Some(Some(start)), Some(Some(end))) = (a, b) else {
            return None;
        };
        if end_of(end) < start_of(start) {
            self.diags.push(
                Diagnostic::new(
                    Code::S004,
                    msg!(
                        "s004-ends-before-it-starts",
                        end = end.to_string(),
                        start = start.to_string()
                    ),
                )
                .primary(span, msg!("s004-period-ends-before")),
            );
        }
        Some(Spanned::new(Period { start, end }, span))
    }

    fn quantity(&mut self, p: P) -> Quantity {
        // quantity / quantity_v: number percent? more_word? (measure_unit | quoted_unit)?
        let span = self.span(&p);
        let mut number = None;
        let mut unit: Option<Spanned<String>> = None;
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::number => number = Some(self.number(i)),
                Rule::percent | Rule::measure_unit | Rule::quoted_unit => {
                    let s = self.span(&i);
                    let t = match i.as_rule() {
                        Rule::quoted_unit => self.text_of(i.clone()),
                        _ => normalize::unit(i.as_str()),
                    };
                    if let Some(prev) = &unit {
                        // The unit written first is kept.
                        let d = self.unit_twice(&prev.node, &t, prev.span.to(s));
                        self.diags.push(d);
                        continue;
                    } else if let Some(half) = doubled(&t) {
                        let d = self.unit_twice(half, half, s);
                        self.diags.push(d);
                        unit = Some(Spanned::new(half.to_string(), s));
                        continue;
                    }
                    unit = Some(Spanned::new(t, s));
                }
                _ => {}
            }
        }
        Quantity {
            number: number.unwrap_or(Number {
                value: None,
                scale: 0,
                span,
            }),
            unit,
        }
    }

    // ------------------------------------------------------------ budgets

    fn budget(&mut self, p: P) -> Budget {
        let span = self.span(&p);
        let mut total = Amount::Blank(span);
        let mut breakdowns = Vec::new();
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::amount => total = self.amount(i),
                Rule::breakdown_block => {
                    let block = self.breakdown_block(i);
                    self.no_basis_here(&block);
                    breakdowns = block.breakdowns;
                }
                _ => {}
            }
        }
        Budget {
            total,
            breakdowns,
            span,
        }
    }

    /// `amount NAME AMOUNT { … }` has the shape of a breakdown line.
    fn amount_tree(&mut self, p: P) -> Line {
        self.line(p)
    }

    /// The items of a `{ … }` after a budget or a line: lines written
    /// directly form the default breakdown (with its `total`, if stated),
    /// `by` groups are further ones; `basis` and formulas belong to the
    /// line whose block it is.
    fn breakdown_block(&mut self, p: P) -> LineBlock {
        let span = self.span(&p);
        let mut default_lines = Vec::new();
        let mut total = None;
        let mut block = LineBlock::default();
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::line => match self.line_or_glued_by(i) {
                    Ok(l) => default_lines.push(l),
                    Err(b) => block.breakdowns.push(*b),
                },
                Rule::by_block => block.breakdowns.push(self.by_block(i)),
                Rule::stated_total => self.stated_total(i, &mut total),
                Rule::basis_stmt => {
                    if let Some(b) = self.basis(i) {
                        block.basis.push(b);
                    }
                }
                Rule::formula_item => {
                    let f = self.formula_item(i);
                    block.formulas.push(f);
                }
                Rule::junk => self.junk(i, Ctx::Breakdown),
                _ => {}
            }
        }
        if !default_lines.is_empty() || total.is_some() {
            block.breakdowns.insert(
                0,
                Breakdown {
                    dimension: Spanned::new(Dimension::Default, span),
                    lines: tight(default_lines),
                    total,
                    span,
                },
            );
        }
        block
    }

    /// A `basis` or a formula where no line owns it (directly in a budget
    /// or a `by` block) justifies nothing: report it.
    fn no_basis_here(&mut self, block: &LineBlock) {
        let spans = block
            .basis
            .iter()
            .map(|b| (b.span, "basis"))
            .chain(block.formulas.iter().map(|f| (f.span, "formula")));
        let found: Vec<(Span, &str)> = spans.collect();
        for (span, what) in found {
            let d = self.basis_without_line(span, what, "budget");
            self.diags.push(d);
        }
    }

    /// S001 for a basis or a formula (`what`) written directly in a budget
    /// or a `by` block (`place`), where it justifies no line.
    fn basis_without_line(
        &mut self,
        span: Span,
        what: &'static str,
        place: &'static str,
    ) -> Diagnostic {
        let spelling = self.spelling();
        Diagnostic::new(
            Code::S001,
            msg!(
                "s001-basis-without-line",
                what = what,
                place = place,
                by = keywords::arg_named("by", spelling)
            ),
        )
        .primary(span, msg!("s001-not-inside-a-line"))
        .help(msg!(
            "s001-put-basis-in-line",
            basis = keywords::arg_named("basis", spelling)
        ))
    }

    /// `total AMOUNT (上年 AMOUNT)? (增减 NUMBER)? (basis "…")?`, once per
    /// table.
    fn stated_total(&mut self, p: P, slot: &mut Option<StatedTotal>) {
        let span = self.span(&p);
        let mut t = StatedTotal {
            amount: Amount::Blank(span),
            prior: None,
            change: None,
            basis: None,
            span,
        };
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::amount => t.amount = self.amount(i),
                Rule::prior => t.prior = self.prior(i),
                Rule::change => t.change = self.change(i),
                Rule::basis_stmt => t.basis = self.basis(i),
                _ => {}
            }
        }
        match slot {
            Some(first) => {
                let total = keywords::arg_named("total", self.spelling());
                self.diags.push(
                    Diagnostic::new(Code::S005, msg!("s005-second-total", total = total))
                        .primary(span, msg!("s005-second-total-label"))
                        .secondary(first.span, msg!("s005-first-total-label")),
                );
            }
            None => *slot = Some(t),
        }
    }

    fn prior(&mut self, p: P) -> Option<Amount> {
        p.into_inner()
            .find(|i| i.as_rule() == Rule::amount)
            .map(|a| self.amount(a))
    }

    fn change(&mut self, p: P) -> Option<Number> {
        p.into_inner()
            .find(|i| i.as_rule() == Rule::number)
            .map(|n| self.number(n))
    }

    fn basis(&mut self, p: P) -> Option<Spanned<String>> {
        p.into_inner()
            .find(|i| i.as_rule() == Rule::string)
            .map(|t| self.spanned_text(t))
    }

    /// `重述 TARGET LINE?`.
    fn restates(&mut self, p: P) -> Option<Restatement> {
        let span = self.span(&p);
        let mut target = None;
        let mut line = None;
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::restate_target => {
                    let ts = self.span(&i);
                    target = match i.into_inner().next() {
                        Some(x) if x.as_rule() == Rule::kw_budget => {
                            Some(Spanned::new(RestateTarget::Budget, ts))
                        }
                        Some(x) => Some(Spanned::new(RestateTarget::Named(self.text_of(x)), ts)),
                        None => None,
                    };
                }
                Rule::restate_line => {
                    if let Some(x) = i.into_inner().next() {
                        line = Some(self.spanned_text(x));
                    }
                }
                _ => {}
            }
        }
        Some(Restatement {
            target: target?,
            line,
            span,
        })
    }

    /// `= FORMULA (= RESULT)?` in a line's block.
    fn formula_item(&mut self, p: P) -> Formula {
        let span = self.span(&p);
        let mut f = Formula {
            expr: Expr::Unit(Spanned::new(String::new(), span)),
            approximate: false,
            result: None,
            span,
        };
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::formula_approx => f.approximate = true,
                Rule::formula => {
                    f.span = self.span(&i);
                    f.expr = self.formula(i);
                }
                Rule::amount => f.result = Some(self.amount(i)),
                _ => {}
            }
        }
        f
    }

    fn by_block(&mut self, p: P) -> Breakdown {
        let span = self.span(&p);
        let mut dimension = Spanned::new(Dimension::Default, span);
        let mut lines = Vec::new();
        let mut nested = Vec::new();
        let mut total = None;
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::dimension => {
                    let ds = self.span(&i);
                    let d = match i.into_inner().next() {
                        Some(x) => match x.as_rule() {
                            Rule::dim_income => Dimension::Income,
                            Rule::dim_expense => Dimension::Expense,
                            Rule::dim_economic => Dimension::Economic,
                            Rule::dim_functional => Dimension::Functional,
                            Rule::dim_source => Dimension::Source,
                            Rule::dim_detail => Dimension::Detail,
                            _ => Dimension::Named(self.text_of(x)),
                        },
                        None => Dimension::Default,
                    };
                    dimension = Spanned::new(d, ds);
                }
                Rule::line => lines.push(self.line(i)),
                Rule::by_block => nested.push(self.by_block(i)),
                Rule::stated_total => self.stated_total(i, &mut total),
                Rule::basis_stmt | Rule::formula_item => {
                    let what = if i.as_rule() == Rule::basis_stmt {
                        "basis"
                    } else {
                        "formula"
                    };
                    let at = self.span(&i);
                    let d = self.basis_without_line(at, what, "by");
                    self.diags.push(d);
                }
                Rule::junk => self.junk(i, Ctx::Breakdown),
                _ => {}
            }
        }
        for n in nested {
            // `by` directly inside `by` has no line to break down; report it.
            self.diags.push(
                Diagnostic::new(
                    Code::S001,
                    msg!("s001-by-in-by", by = keywords::arg_named("by", None)),
                )
                .primary(n.span, msg!("s001-put-inside-the-line")),
            );
        }
        Breakdown {
            dimension,
            lines: tight(lines),
            total,
            span,
        }
    }

    fn line(&mut self, p: P) -> Line {
        let span = self.span(&p);
        let mut line = None;
        let mut block = LineBlock::default();
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::line_head => line = Some(self.line_head(i)),
                Rule::breakdown_block => block = self.breakdown_block(i),
                _ => {}
            }
        }
        let mut l = line.unwrap_or_else(|| empty_line(span));
        l.breakdowns = tight(block.breakdowns);
        l.basis = tight(block.basis);
        l.formulas = tight(block.formulas);
        l.span = span;
        l
    }

    fn line_head(&mut self, p: P) -> Line {
        let span = self.span(&p);
        let mut l = empty_line(span);
        let mut approximate = false;
        l.amount = Amount::Blank(Span::at(self.file, span.end()));
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::code => l.code = Some(self.spanned_text(i)),
                Rule::name => l.name = self.spanned_text(i),
                Rule::amount => l.amount = self.amount(i),
                Rule::prior => l.prior = self.prior(i),
                Rule::change => l.change = self.change(i),
                Rule::restates => l.restates = self.restates(i).map(Box::new),
                Rule::formula_approx => approximate = true,
                Rule::formula => {
                    let fs = self.span(&i);
                    let operands = formula_operands(&i);
                    if operands > limits::MAX_FORMULA_OPERANDS {
                        // Its tree would be as deep as it is long: every
                        // pass over it (evaluation, printing) recurses.
                        self.diags.push(
                            Diagnostic::new(
                                Code::S012,
                                msg!(
                                    "s012-formula-too-long",
                                    operands = operands,
                                    limit = limits::MAX_FORMULA_OPERANDS
                                ),
                            )
                            .primary(fs, msg!("s012-not-read"))
                            .help(msg!("s012-help")),
                        );
                        continue;
                    }
                    let expr = self.formula(i);
                    l.formula = Some(Box::new(Formula {
                        expr,
                        approximate,
                        result: None,
                        span: fs,
                    }));
                }
                _ => {}
            }
        }
        l
    }

    /// A line of a breakdown block, or — for a line named `按收入` (`by`
    /// glued to a dimension) — the breakdown it was meant as, with S030: as
    /// a line, the breakdown would never be checked.
    fn line_or_glued_by(&mut self, p: P) -> Result<Line, Box<Breakdown>> {
        let l = self.line(p);
        let Some((d, dimension)) = self.glued_dimension(&l, !l.breakdowns.is_empty()) else {
            return Ok(l);
        };
        self.diags.push(d);
        let mut lines = Vec::new();
        let mut total = None;
        for b in l.breakdowns {
            if b.dimension.node == Dimension::Default {
                lines.extend(b.lines);
                total = total.or(b.total);
            }
        }
        Err(Box::new(Breakdown {
            dimension: Spanned::new(dimension, l.name.span),
            lines,
            total,
            span: l.span,
        }))
    }

    /// S030 for a line named `按收入`, and the dimension meant. A name that
    /// only starts with the dimension (`按收入性质分`) counts when the line
    /// breaks down without an amount of its own.
    fn glued_dimension(&self, l: &Line, has_block: bool) -> Option<(Diagnostic, Dimension)> {
        let written = &self.text[l.name.span.start()..l.name.span.end()];
        if written != l.name.node || l.code.is_some() {
            return None; // quoted, or a coded line: a name as meant
        }
        let by = keywords::KEYWORDS
            .iter()
            .find(|k| k.rule == Rule::kw_by)?
            .spellings()
            .find(|w| written.starts_with(w))?;
        let rest = &written[by.len()..];
        let dim = keywords::DIMENSION_WORDS
            .iter()
            .filter(|d| rest.starts_with(*d))
            .max_by_key(|d| d.len())?;
        let exact = rest == *dim;
        if !(exact || has_block && l.amount.number().is_none()) {
            return None;
        }
        let at = l.name.span;
        let dimension = keywords::KEYWORDS
            .iter()
            .find(|k| k.class == keywords::Class::Dimension && k.spellings().any(|w| w == *dim))
            .map_or(Dimension::Named(dim.to_string()), |k| match k.rule {
                Rule::dim_income => Dimension::Income,
                Rule::dim_expense => Dimension::Expense,
                Rule::dim_economic => Dimension::Economic,
                Rule::dim_functional => Dimension::Functional,
                Rule::dim_source => Dimension::Source,
                _ => Dimension::Detail,
            });
        Some((
            glued_diagnostic(Code::S030, by, at, &format!("{by} {dim}")),
            dimension,
        ))
    }

    // ------------------------------------------------------------ formulas

    fn formula(&mut self, p: P) -> Expr {
        // formula = f_term (add_op f_term)*
        let mut it = p.into_inner();
        let mut acc = match it.next() {
            Some(t) => self.f_term(t),
            None => return Expr::Unit(Spanned::new(String::new(), Span::default())),
        };
        while let (Some(op), Some(t)) = (it.next(), it.next()) {
            let op = if matches!(op.as_str(), "+" | "＋") {
                BinOp::Add
            } else {
                BinOp::Sub
            };
            let rhs = self.f_term(t);
            let span = acc.span().to(rhs.span());
            acc = Expr::Binary {
                op,
                lhs: Box::new(acc),
                rhs: Box::new(rhs),
                span,
            };
        }
        acc
    }

    fn f_term(&mut self, p: P) -> Expr {
        let mut acc: Option<Expr> = None;
        let mut pending = BinOp::Mul;
        for i in p.into_inner() {
            let factor = match i.as_rule() {
                Rule::mul_op => {
                    pending = match i.into_inner().next().map(|o| o.as_rule()) {
                        Some(Rule::div) => BinOp::Div,
                        _ => BinOp::Mul,
                    };
                    continue;
                }
                Rule::number_f => self.number_f(i),
                Rule::f_unit => Expr::Unit(self.spanned_text(i)),
                Rule::f_group => match i.into_inner().next() {
                    Some(f) => self.formula(f),
                    None => continue,
                },
                _ => continue,
            };
            acc = Some(match acc {
                None => factor,
                Some(lhs) => {
                    let span = lhs.span().to(factor.span());
                    Expr::Binary {
                        op: pending,
                        lhs: Box::new(lhs),
                        rhs: Box::new(factor),
                        span,
                    }
                }
            });
            pending = BinOp::Mul;
        }
        acc.unwrap_or_else(|| Expr::Unit(Spanned::new(String::new(), Span::default())))
    }

    fn number_f(&mut self, p: P) -> Expr {
        let span = self.span(&p);
        let mut number = Number {
            value: None,
            scale: 0,
            span,
        };
        let mut percent = false;
        let mut per_mille = false;
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::unsigned => {
                    number = self.number(i);
                }
                Rule::percent => {
                    percent = true;
                    per_mille = i.as_str() == "‰";
                }
                _ => {}
            }
        }
        number.span = span;
        if percent {
            let scale = if per_mille { 1000 } else { 100 };
            number.value = number
                .value
                .and_then(|v| v.checked_div(Decimal::from(scale)));
        }
        Expr::Number { number, percent }
    }

    // ------------------------------------------------------------ projects

    fn project(&mut self, p: P) -> Project {
        let span = self.span(&p);
        let mut pr = Project {
            code: None,
            name: Spanned::new(String::new(), span),
            amount: Amount::Blank(span),
            prior: None,
            period: None,
            goals: Vec::new(),
            schedule: Vec::new(),
            breakdowns: Vec::new(),
            amounts: Vec::new(),
            indicators: Vec::new(),
            properties: Vec::new(),
            span,
        };
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::code => pr.code = Some(self.spanned_text(i)),
                Rule::name => pr.name = self.spanned_text(i),
                Rule::amount => pr.amount = self.amount(i),
                Rule::prior => pr.prior = self.prior(i),
                Rule::period_stmt => {
                    if let Some(per) = i.into_inner().nth(1) {
                        pr.period = self.period(per);
                    }
                }
                Rule::goal_stmt => {
                    let g = self.goal(i, GoalKind::Term);
                    pr.goals.push(g);
                }
                Rule::schedule_stmt => {
                    let ss = self.span(&i);
                    let mut content = None;
                    let mut period = None;
                    for x in i.into_inner() {
                        match x.as_rule() {
                            Rule::string => content = Some(self.spanned_text(x)),
                            Rule::period => period = self.period(x),
                            _ => {}
                        }
                    }
                    if let Some(period) = period {
                        pr.schedule.push(ScheduleRow {
                            content,
                            period,
                            span: ss,
                        });
                    }
                }
                Rule::by_block => {
                    let b = self.by_block(i);
                    pr.breakdowns.push(b);
                }
                Rule::budget => {
                    // A project's amount is its budget; `budget` inside a
                    // project only adds breakdowns.
                    let b = self.budget(i);
                    pr.breakdowns.extend(b.breakdowns);
                }
                Rule::amount_tree => {
                    let l = self.amount_tree(i);
                    pr.amounts.push(l);
                }
                Rule::indicators => {
                    let t = self.indicators(i);
                    pr.indicators.push(t);
                }
                Rule::property => {
                    let x = self.property(i);
                    pr.properties.push(x);
                }
                Rule::junk => self.junk(i, Ctx::Project),
                _ => {}
            }
        }
        pr.goals.shrink_to_fit();
        pr.schedule.shrink_to_fit();
        pr.breakdowns.shrink_to_fit();
        pr.amounts.shrink_to_fit();
        pr.indicators.shrink_to_fit();
        pr.properties.shrink_to_fit();
        pr
    }

    // ------------------------------------------------------------ indicators

    fn indicators(&mut self, p: P) -> IndicatorTree {
        let span = self.span(&p);
        let nodes = self.ind_items(p);
        IndicatorTree {
            nodes: tight(nodes),
            span,
        }
    }

    fn ind_items(&mut self, p: P) -> Vec<IndicatorNode> {
        let mut out = Vec::new();
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::ind_group => {
                    let span = self.span(&i);
                    let mut name = Spanned::new(String::new(), span);
                    let mut children = Vec::new();
                    let mut inner = i.into_inner();
                    if let Some(n) = inner.next() {
                        name = self.spanned_text(n);
                    }
                    for c in inner {
                        match c.as_rule() {
                            Rule::ind_group | Rule::ind_leaf | Rule::junk => {
                                children.extend(self.ind_one(c));
                            }
                            _ => {}
                        }
                    }
                    out.push(IndicatorNode::Group(IndicatorGroup {
                        name,
                        children: tight(children),
                        span,
                    }));
                }
                Rule::ind_leaf => out.push(IndicatorNode::Leaf(Box::new(self.ind_leaf(i)))),
                Rule::junk => self.junk(i, Ctx::Indicator),
                _ => {}
            }
        }
        out
    }

    /// Lower one item of a group (a group, a leaf or junk).
    fn ind_one(&mut self, p: P) -> Option<IndicatorNode> {
        match p.as_rule() {
            Rule::ind_leaf => Some(IndicatorNode::Leaf(Box::new(self.ind_leaf(p)))),
            Rule::junk => {
                self.junk(p, Ctx::Indicator);
                None
            }
            _ => {
                // A group: reuse ind_items on a synthetic parent is not
                // possible with pest pairs, so lower it here.
                let span = self.span(&p);
                let mut inner = p.into_inner();
                let name = inner
                    .next()
                    .map(|n| self.spanned_text(n))
                    .unwrap_or_else(|| Spanned::new(String::new(), span));
                let children = inner
                    .filter(|c| {
                        matches!(c.as_rule(), Rule::ind_group | Rule::ind_leaf | Rule::junk)
                    })
                    .filter_map(|c| self.ind_one(c))
                    .collect();
                Some(IndicatorNode::Group(IndicatorGroup {
                    name,
                    children: tight(children),
                    span,
                }))
            }
        }
    }

    fn ind_leaf(&mut self, p: P) -> Indicator {
        let span = self.span(&p);
        let mut ind = Indicator {
            name: Spanned::new(String::new(), span),
            kind: None,
            comparison: None,
            value: None,
            qualifiers: Vec::new(),
            written: None,
            attrs: Vec::new(),
            span,
        };
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::ind_head => {
                    for h in i.into_inner() {
                        match h.as_rule() {
                            Rule::name => ind.name = self.spanned_text(h),
                            Rule::spec => self.spec(h, &mut ind),
                            _ => {}
                        }
                    }
                }
                Rule::ind_attrs => {
                    for a in i.into_inner() {
                        match a.as_rule() {
                            Rule::ind_attr => {
                                let x = self.attr(a);
                                ind.attrs.push(x);
                            }
                            Rule::junk => self.junk(a, Ctx::Attr),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        ind.qualifiers = tight(ind.qualifiers);
        ind.attrs = tight(ind.attrs);
        ind
    }

    fn spec(&mut self, p: P, ind: &mut Indicator) {
        // The value and the words around it (the grammar's silent
        // `target`) are between the kind and comparison pairs.
        let mut target: Option<Span> = None;
        for i in p.into_inner() {
            let span = self.span(&i);
            match i.as_rule() {
                Rule::kind => {
                    let k = match i.into_inner().next().map(|k| k.as_rule()) {
                        Some(Rule::kw_qualitative) => Kind::Qualitative,
                        _ => Kind::Quantitative,
                    };
                    ind.kind = Some(Spanned::new(k, span));
                }
                Rule::comparison => {
                    let c = comparison_of(&i);
                    ind.qualifiers.push(Qualifier {
                        text: i.as_str().to_string(),
                        place: Place::Sign,
                        means: Means::Compare(c),
                        span,
                    });
                }
                Rule::before_word | Rule::after_word => {
                    target = Some(target.map_or(span, |t| t.to(span)));
                    let place = if i.as_rule() == Rule::before_word {
                        Place::Before
                    } else {
                        Place::After
                    };
                    let means = i
                        .clone()
                        .into_inner()
                        .next()
                        .map_or(Means::Nothing, |w| qualifier_means(w.as_rule()));
                    ind.qualifiers.push(Qualifier {
                        text: i.as_str().to_string(),
                        place,
                        means,
                        span,
                    });
                }
                Rule::value => {
                    target = Some(target.map_or(span, |t| t.to(span)));
                    if let Some(v) = i.into_inner().next() {
                        let value = match v.as_rule() {
                            Rule::range => {
                                let (a, b) = self.range(v);
                                Some(Value::Range(Box::new(a), Box::new(b)))
                            }
                            Rule::when => self.when(v).map(Value::Date),
                            Rule::date => self.date(v).map(|d| {
                                Value::Date(When {
                                    year: Some(d.year),
                                    part: match d.day {
                                        Some(day) => YearPart::Day(d.month, day),
                                        None => YearPart::Month(d.month),
                                    },
                                    end: false,
                                })
                            }),
                            Rule::quantity_v => {
                                let (q, more) = self.quantity_v(v);
                                ind.qualifiers.extend(more);
                                Some(Value::Quantity(q))
                            }
                            Rule::mark => Some(Value::Mark(mark_of(v))),
                            _ => Some(Value::Text(self.text_of(v))),
                        };
                        ind.value = value.map(|x| Spanned::new(x, span));
                    }
                }
                _ => {}
            }
        }
        ind.written = target;
        ind.qualifiers.sort_by_key(|q| q.span.start());
        ind.comparison = effective_comparison(&ind.qualifiers);
    }

    /// `quantity_v`: a quantity, and the word between its figure and its
    /// unit (`10余次`) as a qualifier.
    fn quantity_v(&mut self, p: P) -> (Quantity, Option<Qualifier>) {
        let more = p
            .clone()
            .into_inner()
            .find(|i| i.as_rule() == Rule::more_word)
            .map(|w| Qualifier {
                text: w.as_str().to_string(),
                place: Place::After,
                means: qualifier_means(Rule::more_word),
                span: self.span(&w),
            });
        (self.quantity(p), more)
    }

    /// A time as targets write it (`when`): its parts read from the text.
    fn when(&mut self, p: P) -> Option<When> {
        let span = self.span(&p);
        let written = p.as_str();
        match normalize::when(written) {
            Some(w) => Some(w),
            None => {
                self.diags.push(
                    Diagnostic::new(Code::S004, msg!("s004-not-a-date", date = written))
                        .primary(span, msg!("s004-no-such-date")),
                );
                None
            }
        }
    }

    /// `90%-95%`, `90~95%`, `10次-20次`: each end keeps the unit written
    /// with it; an end written without one takes the other's.
    fn range(&mut self, p: P) -> (Quantity, Quantity) {
        let span = self.span(&p);
        let mut ends: Vec<(Number, Option<Spanned<String>>)> = Vec::new();
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::number => ends.push((self.number(i), None)),
                Rule::percent | Rule::measure_unit => {
                    let s = self.span(&i);
                    if let Some(end) = ends.last_mut() {
                        match &end.1 {
                            // The unit written first is kept.
                            Some(prev) => {
                                let twice =
                                    self.unit_twice(&prev.node, i.as_str(), prev.span.to(s));
                                self.diags.push(twice);
                            }
                            None => end.1 = Some(Spanned::new(normalize::unit(i.as_str()), s)),
                        }
                    }
                }
                _ => {}
            }
        }
        let blank = Number {
            value: None,
            scale: 0,
            span,
        };
        let (a, ua) = ends.first().cloned().unwrap_or((blank, None));
        let (b, ub) = ends.get(1).cloned().unwrap_or((blank, None));
        let (ua, ub) = match (ua, ub) {
            (None, Some(u)) => (Some(u.clone()), Some(u)),
            (Some(u), None) => (Some(u.clone()), Some(u)),
            other => other,
        };
        (
            Quantity {
                number: a,
                unit: ua,
            },
            Quantity {
                number: b,
                unit: ub,
            },
        )
    }

    /// V031: a unit of measure written twice (`98%%`, `9个个`, `95% %`).
    fn unit_twice(&self, first: &str, second: &str, span: Span) -> Diagnostic {
        let second = normalize::unit(second);
        let message = if first == second {
            msg!("v031-written-twice", unit = first)
        } else {
            msg!("v031-two-units", first = first, second = second.as_str())
        };
        Diagnostic::new(Code::V031, message)
            .primary(span, msg!("v031-label"))
            .note(msg!("v031-read-with", unit = first))
            .help(if first == second {
                msg!("v031-help-once", unit = first)
            } else {
                msg!("v031-help-keep")
            })
    }

    fn attr(&mut self, p: P) -> Attr {
        let span = self.span(&p);
        let mut inner = p.into_inner();
        let key_pair = inner.next();
        let key = match key_pair
            .as_ref()
            .and_then(|k| k.clone().into_inner().next())
            .map(|k| k.as_rule())
        {
            Some(Rule::kw_explain) => AttrKey::Explain,
            Some(Rule::kw_scoring) => AttrKey::Scoring,
            Some(Rule::kw_standard) => AttrKey::Standard,
            Some(Rule::kw_weight) => AttrKey::Weight,
            _ => AttrKey::Note,
        };
        let key_span = key_pair.map(|k| self.span(&k)).unwrap_or(span);
        let value = inner
            .next()
            .map(|v| self.spanned_text(v))
            .unwrap_or_else(|| Spanned::new(String::new(), span));
        Attr {
            key: Spanned::new(key, key_span),
            value,
            span,
        }
    }

    // ------------------------------------------------------------ summaries

    fn summary(&mut self, p: P) -> Summary {
        let span = self.span(&p);
        let mut s = Summary {
            name: Spanned::new(String::new(), span),
            rows: Vec::new(),
            total: None,
            properties: Vec::new(),
            span,
        };
        for i in p.into_inner() {
            match i.as_rule() {
                Rule::name => s.name = self.spanned_text(i),
                Rule::summary_row => {
                    let rs = self.span(&i);
                    let mut row = SummaryRow {
                        serial: None,
                        code: None,
                        name: Spanned::new(String::new(), rs),
                        amount: Amount::Blank(rs),
                        goals: Vec::new(),
                        properties: Vec::new(),
                        span: rs,
                    };
                    for x in i.into_inner() {
                        match x.as_rule() {
                            Rule::serial => {
                                let ss = self.span(&x);
                                row.serial = Some(Spanned::new(x.as_str()[1..].to_string(), ss));
                            }
                            Rule::code => row.code = Some(self.spanned_text(x)),
                            Rule::name => row.name = self.spanned_text(x),
                            Rule::amount => row.amount = self.amount(x),
                            _ => {}
                        }
                    }
                    s.rows.push(row);
                }
                Rule::summary_total => {
                    if let Some(a) = i.into_inner().find(|x| x.as_rule() == Rule::amount) {
                        s.total = Some(self.amount(a));
                    }
                }
                Rule::property => {
                    let x = self.property(i);
                    s.properties.push(x);
                }
                Rule::row_fields => {
                    let fs = self.span(&i);
                    let mut goals = Vec::new();
                    let mut properties = Vec::new();
                    for f in i.into_inner() {
                        match f.as_rule() {
                            Rule::goal_stmt => goals.push(self.goal(f, GoalKind::Term)),
                            Rule::property => properties.push(self.property(f)),
                            Rule::junk => self.junk(f, Ctx::Fields),
                            _ => {}
                        }
                    }
                    match s.rows.last_mut() {
                        Some(row) if row.goals.is_empty() && row.properties.is_empty() => {
                            row.goals = goals;
                            row.properties = properties;
                        }
                        _ => {
                            let spelling = self.spelling();
                            self.diags.push(
                                Diagnostic::new(Code::S001, msg!("s001-fields-follow-no-row"))
                                    .primary(fs, msg!("s001-no-row-before"))
                                    .help(msg!(
                                        "s001-fields-after-row",
                                        goal = keywords::arg_named("goal", spelling),
                                        term = keywords::arg_named("term", spelling)
                                    )),
                            );
                        }
                    }
                }
                Rule::junk => self.junk(i, Ctx::Summary),
                _ => {}
            }
        }
        s
    }
}

/// How many numbers and units a `formula` pair holds, at every depth.
fn formula_operands(p: &P) -> usize {
    match p.element() {
        rowan::NodeOrToken::Node(n) => n
            .descendants_with_tokens()
            .filter(|e| {
                matches!(
                    e.kind(),
                    cst::Kind::Rule(Rule::number_f) | cst::Kind::Rule(Rule::f_unit)
                )
            })
            .count(),
        rowan::NodeOrToken::Token(_) => 1,
    }
}

fn empty_line(span: Span) -> Line {
    Line {
        code: None,
        name: Spanned::new(String::new(), span),
        amount: Amount::Blank(span),
        prior: None,
        change: None,
        restates: None,
        formula: None,
        formulas: Vec::new(),
        basis: Vec::new(),
        breakdowns: Vec::new(),
        span,
    }
}

/// Where `line` has a figure with a letter that looks like a digit: digits,
/// then `O`, `o` or `〇` (or `l`, `I` before a digit), then more of them,
/// not running on into a word (`5lm` is five lumens).
fn misnumber_in(line: &str) -> Option<(usize, usize)> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let zero = |c: char| matches!(c, 'O' | 'o' | '〇');
    let one = |c: char| matches!(c, 'l' | 'I');
    let mut i = 0;
    while i < chars.len() {
        let starts =
            chars[i].1.is_ascii_digit() && (i == 0 || !chars[i - 1].1.is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut letter = false;
        while j < chars.len() {
            let c = chars[j].1;
            let next = chars.get(j + 1).map(|x| x.1);
            if c.is_ascii_digit() || c == '.' && next.is_some_and(|n| n.is_ascii_digit() || zero(n))
            {
                j += 1;
            } else if zero(c) || one(c) && next.is_some_and(|n| n.is_ascii_digit() || zero(n)) {
                letter = true;
                j += 1;
            } else {
                break;
            }
        }
        let runs_on = chars.get(j).is_some_and(|x| x.1.is_ascii_alphabetic());
        if letter && !runs_on {
            let end = chars.get(j).map_or(line.len(), |x| x.0);
            return Some((chars[i].0, end));
        }
        i = j.max(i + 1);
    }
    None
}

/// `kw` is glued to the word after it (S030, or S001 for a line that could
/// not be read).
fn glued_diagnostic(code: Code, kw: &str, at: Span, meant: &str) -> Diagnostic {
    Diagnostic::new(code, msg!("s030-glued", keyword = kw, meant = meant))
        .primary(at, msg!("s030-label", keyword = kw))
        .note(msg!("s030-note"))
        .help(msg!("s030-help", keyword = kw, meant = meant))
}

/// The comparison a `comparison` pair states.
fn comparison_of(p: &P) -> Comparison {
    p.clone()
        .into_inner()
        .next()
        .map_or(Comparison::Eq, |k| comparison_of_rule(k.as_rule()))
}

fn comparison_of_rule(rule: Rule) -> Comparison {
    match rule {
        Rule::ge => Comparison::Ge,
        Rule::le => Comparison::Le,
        Rule::ne => Comparison::Ne,
        Rule::gt => Comparison::Gt,
        Rule::lt => Comparison::Lt,
        Rule::approx => Comparison::Approx,
        _ => Comparison::Eq,
    }
}

/// What a qualifier word (a rule of `before_word`, `after_word` or
/// `more_word`) says, as the table `keywords::QUALIFIERS` gives it.
fn qualifier_means(rule: Rule) -> Means {
    let means = keywords::QUALIFIERS
        .iter()
        .find(|q| q.rule == rule)
        .map_or("", |q| q.means);
    match means {
        "含" => Means::Inclusive,
        "" => Means::Nothing,
        sign => keywords::COMPARISONS
            .iter()
            .find(|c| c.canonical == sign)
            .map_or(Means::Nothing, |c| {
                Means::Compare(comparison_of_rule(c.rule))
            }),
    }
}

/// What a target means: the sign written, else the first word that
/// compares; `（含）` makes `>` `≥` and `<` `≤`. Words that disagree with
/// it are for the value checks to report (V030).
pub(crate) fn effective_comparison(qualifiers: &[Qualifier]) -> Option<Spanned<Comparison>> {
    let compares = |sign: bool| {
        qualifiers.iter().find_map(move |q| match q.means {
            Means::Compare(c) if (q.place == Place::Sign) == sign => Some(Spanned::new(c, q.span)),
            _ => None,
        })
    };
    let mut c = compares(true).or_else(|| compares(false))?;
    if qualifiers.iter().any(|q| q.means == Means::Inclusive) {
        c.node = match c.node {
            Comparison::Gt => Comparison::Ge,
            Comparison::Lt => Comparison::Le,
            other => other,
        };
    }
    Some(c)
}

/// The unit `u` is some text written twice over (`个个`, `万元万元`): that
/// text. Units of ASCII letters are left alone (`mm` is a millimetre).
fn doubled(u: &str) -> Option<&str> {
    let n = u.chars().count();
    if n < 2 || n % 2 != 0 {
        return None;
    }
    let mid = u.char_indices().nth(n / 2).map(|(i, _)| i)?;
    let (a, b) = u.split_at(mid);
    (a == b && !a.is_ascii()).then_some(a)
}

/// The mark of a `mark` pair: 无 or 不适用.
fn mark_of(p: P) -> Mark {
    match p.into_inner().next().map(|m| m.as_rule()) {
        Some(Rule::mark_na) => Mark::NotApplicable,
        _ => Mark::None,
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// First day a date (possibly a whole month) covers.
pub fn start_of(d: Date) -> (i32, u32, u32) {
    (d.year, d.month, d.day.unwrap_or(1))
}

/// Last day a date (possibly a whole month) covers.
pub fn end_of(d: Date) -> (i32, u32, u32) {
    (
        d.year,
        d.month,
        d.day.unwrap_or_else(|| days_in_month(d.year, d.month)),
    )
}

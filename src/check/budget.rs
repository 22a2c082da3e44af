//! Budget arithmetic: every breakdown adds up (and lists something),
//! formulas evaluate to their line, projects add up to 项目支出, rollups add
//! up, summaries copy the figures of the units and projects they list and
//! leave none out, classification codes nest and match the catalog. Every
//! finding shows its arithmetic. Indicators bounded by the budget are
//! [`super::bounds`]'.

use std::collections::{HashMap, HashSet};

use super::arith::{self, Figure};
use super::catalog;
use super::formula::{self, EvalError, MONEY};
use super::names;
use crate::ast::*;
use crate::diag::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::Document;
use crate::msg;

/// What the checks of one document need from its resolved header.
pub(super) struct Ctx<'d> {
    pub(super) precision: u32,
    pub(super) money: &'d str,
}

impl Ctx<'_> {
    pub(super) fn stated(&self, n: &Number) -> Option<Figure> {
        Figure::stated(n, self.precision)
    }
    pub(super) fn decimals(&self, n: &Number) -> u32 {
        arith::decimals(n, self.precision)
    }
}

pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let ctx = Ctx {
        precision: doc.header.precision,
        money: &doc.header.money,
    };
    let mut out = Vec::new();
    for u in &doc.units {
        check_unit(&ctx, doc, u, &mut out);
    }
    summaries(&ctx, doc, &mut out);
    out
}

/// The summaries reconciled with the document's units and projects.
pub(super) fn summaries(ctx: &Ctx, doc: &Document, out: &mut Vec<Diagnostic>) {
    let index = Index::new(&doc.units);
    check_summaries(ctx, doc, &index, out);
}

pub(super) fn overflow(span: Span) -> Diagnostic {
    Diagnostic::new(Code::B013, msg!("b013-too-large"))
        .primary(span, msg!("b013-overflows"))
        .note(msg!("s003-exact-decimals"))
}

/// How much a sum differs from the stated figure, said as a clerk says
/// it: by how much, and that rounding was allowed for (how, `jixiao
/// explain` says).
pub(super) fn sum_difference(cmp: &arith::Comparison) -> Message {
    msg!("diff-sum", difference = arith::show_plain(cmp.difference))
}

/// How much a copy differs from what it copies.
pub(super) fn copy_difference(cmp: &arith::Comparison) -> Message {
    msg!("diff-copy", difference = arith::show_plain(cmp.difference))
}

// ---------------------------------------------------------------- units

fn check_unit(ctx: &Ctx, doc: &Document, u: &Unit, out: &mut Vec<Diagnostic>) {
    check_own(ctx, u, out);
    if u.rollup {
        check_rollup(ctx, doc, u, out);
    }
}

/// What a unit's own tables must satisfy, whatever other units say: its
/// breakdowns, its lines, its projects against its 项目支出. (A rollup
/// against its members is [`check_rollup`]'s.)
pub(super) fn check_own(ctx: &Ctx, u: &Unit, out: &mut Vec<Diagnostic>) {
    if let Some(b) = &u.budget {
        let label = msg!("subject-budget-of", unit = u.name.node.as_str());
        check_breakdowns(ctx, &label, &b.total, &b.breakdowns, false, out);
        check_projects_sum(ctx, u, b, out);
    }
    for line in &u.amounts {
        check_line(ctx, line, false, out);
    }
    for p in &u.projects {
        let label = msg!("subject-project", project = p.name.node.as_str());
        check_breakdowns(ctx, &label, &p.amount, &p.breakdowns, false, out);
        for line in &p.amounts {
            check_line(ctx, line, false, out);
        }
    }
}

/// The value a line contributes to its parent's sum: its stated figure, or
/// for a line written without one, the sum of its first breakdown.
pub(super) fn line_value(ctx: &Ctx, line: &Line) -> Option<Figure> {
    match &line.amount {
        Amount::Figure(n) => ctx.stated(n),
        // A cell reading 无 or 不适用 states that there is nothing.
        Amount::Mark(..) => None,
        Amount::Blank(_) => {
            let b = line.breakdowns.first()?;
            sum_lines(ctx, &b.lines).ok().flatten()
        }
    }
}

/// The sum of lines; Ok(None) when no line states a figure; Err on overflow.
fn sum_lines(ctx: &Ctx, lines: &[Line]) -> Result<Option<Figure>, ()> {
    let mut acc: Option<Figure> = None;
    for l in lines {
        if let Some(v) = line_value(ctx, l) {
            acc = Some(acc.unwrap_or(Figure::ZERO).checked_add(v).ok_or(())?);
        }
    }
    Ok(acc)
}

/// Check every breakdown of a stated amount, then each line below.
/// `economic` is set below a line of the economic classification, whose
/// default breakdown continues that classification.
fn check_breakdowns(
    ctx: &Ctx,
    label: &Message,
    stated: &Amount,
    breakdowns: &[Breakdown],
    economic: bool,
    out: &mut Vec<Diagnostic>,
) {
    for b in breakdowns {
        if b.lines.is_empty() {
            out.push(
                Diagnostic::new(
                    Code::B022,
                    msg!(
                        "b022-no-lines",
                        subject = label.clone(),
                        dimension = b.dimension.node.label()
                    ),
                )
                .primary(b.span, msg!("b022-label"))
                .note(msg!("b022-note"))
                .help(msg!("b022-help")),
            );
        }
        // A table that prints its own 合计 is checked against it (and the
        // 合计 against this figure) by the checks of stated figures.
        let own_total = b
            .total
            .as_ref()
            .is_some_and(|t| t.amount.number().is_some());
        if let (Amount::Figure(n), false) = (stated, own_total) {
            check_one_breakdown(ctx, label, n, b, out);
        }
        let econ = match b.dimension.node {
            Dimension::Economic => true,
            Dimension::Default => economic,
            _ => false,
        };
        for line in &b.lines {
            if econ {
                check_catalog(line, out);
            }
            check_nesting(line, econ, out);
            check_line(ctx, line, econ, out);
        }
    }
    check_restated(ctx, breakdowns, out);
}

/// Breakdowns of one figure along the same dimension are the same table
/// published twice (a 收支总表 and a 收入总表): a line named in both restates
/// the first one's figure, and so do the lines below two such lines.
fn check_restated(ctx: &Ctx, breakdowns: &[Breakdown], out: &mut Vec<Diagnostic>) {
    type Key<'a> = (&'a str, Option<&'a str>, &'a str);
    let mut first: HashMap<Key, (usize, &Line)> = HashMap::new();
    for (i, b) in breakdowns.iter().enumerate() {
        for l in &b.lines {
            let key = (
                b.dimension.node.key(),
                l.code.as_ref().map(|c| c.node.as_str()),
                l.name.node.trim(),
            );
            match first.get(&key) {
                Some((j, earlier)) if *j != i => {
                    compare_restated(ctx, &b.dimension.node, earlier, l, out);
                }
                Some(_) => {}
                None => {
                    first.insert(key, (i, l));
                }
            }
        }
    }
}

/// The figure a line restates: its own, the sum of its parts when it has
/// none, and zero for a blank cell with no parts (`-`).
fn restated_value(ctx: &Ctx, line: &Line) -> Figure {
    line_value(ctx, line).unwrap_or(Figure::ZERO)
}

fn compare_restated(
    ctx: &Ctx,
    dimension: &Dimension,
    earlier: &Line,
    again: &Line,
    out: &mut Vec<Diagnostic>,
) {
    let (a, b) = (restated_value(ctx, earlier), restated_value(ctx, again));
    let Some(cmp) = arith::compare_copy(a, b) else {
        return;
    };
    if !cmp.consistent() {
        let decimals = |l: &Line| l.amount.number().map_or(ctx.precision, |n| ctx.decimals(n));
        out.push(
            Diagnostic::new(
                Code::B023,
                msg!(
                    "b023-differs",
                    name = again.name.node.as_str(),
                    computed = arith::show(a.value, decimals(earlier)),
                    dimension = dimension.label(),
                    stated = arith::show(b.value, decimals(again)),
                    why = copy_difference(&cmp)
                ),
            )
            .primary(again.amount.span(), msg!("b023-restated-here"))
            .secondary(earlier.amount.span(), msg!("b023-first-stated-here"))
            .note(msg!("b023-note"))
            .help(msg!("b023-help")),
        );
        return;
    }
    // Their parts restate each other too, dimension by dimension.
    for b in &earlier.breakdowns {
        let Some(b2) = again
            .breakdowns
            .iter()
            .find(|x| x.dimension.node == b.dimension.node)
        else {
            continue;
        };
        for l in &b.lines {
            let same = b2.lines.iter().find(|x| {
                x.name.node.trim() == l.name.node.trim()
                    && x.code.as_ref().map(|c| &c.node) == l.code.as_ref().map(|c| &c.node)
            });
            if let Some(l2) = same {
                compare_restated(ctx, &b.dimension.node, l, l2, out);
            }
        }
    }
}

fn check_line(ctx: &Ctx, line: &Line, economic: bool, out: &mut Vec<Diagnostic>) {
    if let Some(f) = &line.formula {
        check_formula(ctx, line, f, out);
    }
    check_breakdowns(
        ctx,
        &Message::text(line.name.node.clone()),
        &line.amount,
        &line.breakdowns,
        economic,
        out,
    );
}

fn check_one_breakdown(
    ctx: &Ctx,
    label: &Message,
    total: &Number,
    b: &Breakdown,
    out: &mut Vec<Diagnostic>,
) {
    if b.lines.is_empty() {
        return;
    }
    let Some(stated) = ctx.stated(total) else {
        return;
    };
    let sum = match sum_lines(ctx, &b.lines) {
        Ok(s) => s,
        Err(()) => {
            out.push(overflow(b.span));
            return;
        }
    };
    let decimals = ctx.decimals(total);
    let Some(sum) = sum else {
        if !stated.value.is_zero() {
            out.push(
                Diagnostic::new(
                    Code::B008,
                    msg!(
                        "b008-no-figures",
                        subject = label.clone(),
                        stated = arith::show(stated.value, decimals),
                        dimension = b.dimension.node.label()
                    ),
                )
                .primary(total.span, msg!("label-stated-here"))
                .secondary(b.span, msg!("b008-no-part-has-an-amount"))
                .help(msg!("b008-help")),
            );
        }
        return;
    };
    let Some(cmp) = arith::compare(stated, sum) else {
        out.push(overflow(b.span));
        return;
    };
    if cmp.consistent() {
        return;
    }
    let parts: Vec<(String, Span)> = b
        .lines
        .iter()
        .filter_map(|l| {
            let v = line_value(ctx, l)?;
            let shown = match &l.amount {
                Amount::Figure(n) => arith::show(v.value, ctx.decimals(n)),
                Amount::Blank(_) | Amount::Mark(..) => arith::show(v.value, ctx.precision),
            };
            Some((shown, l.amount.number().map_or(l.name.span, |n| n.span)))
        })
        .collect();
    let mut d = Diagnostic::new(
        Code::B001,
        msg!(
            "b001-does-not-add-up",
            subject = label.clone(),
            stated = arith::show(stated.value, decimals),
            dimension = b.dimension.node.label(),
            computed = arith::show(sum.value, decimals),
            why = sum_difference(&cmp)
        ),
    )
    .primary(
        total.span,
        msg!("label-stated", figure = arith::show(stated.value, decimals)),
    );
    let n = parts.len();
    for (i, (_, span)) in parts.iter().enumerate() {
        let msg = if i + 1 == n {
            msg!("b001-these-parts", sum = arith::show(sum.value, decimals))
        } else {
            Message::empty()
        };
        d = d.secondary(*span, msg);
    }
    d = d.note(sum_of_parts(&arith::show(sum.value, decimals), &parts));
    out.push(d);
}

/// `13.18 = 0.00 + 0.00 + 13.18`: the arithmetic of a sum, the first parts
/// shown and the count of the others.
pub(super) fn sum_of_parts(sum: &str, parts: &[(String, Span)]) -> Message {
    const SHOWN: usize = 12;
    let mut s: Vec<&str> = parts.iter().take(SHOWN).map(|(v, _)| v.as_str()).collect();
    let more = parts.len().saturating_sub(SHOWN);
    if s.is_empty() {
        s.push("0");
    }
    msg!(
        "sum-of-parts",
        sum = sum,
        parts = s.join(" + "),
        more = more
    )
}

// ---------------------------------------------------------------- codes

/// Codes nest by prefix (30101 under 301; 2010301 under 20103 under 201):
/// a coded line's coded children in the same classification must extend
/// its code. Deeper levels are checked when their own line is.
fn check_nesting(line: &Line, economic: bool, out: &mut Vec<Diagnostic>) {
    let Some(code) = &line.code else { return };
    for b in &line.breakdowns {
        // Only the default breakdown (and a further economic one) continues
        // the classification; other dimensions of a line are independent.
        if b.dimension.node != Dimension::Default
            && !(economic && b.dimension.node == Dimension::Economic)
        {
            continue;
        }
        for child in &b.lines {
            let Some(cc) = &child.code else { continue };
            if !(cc.node.starts_with(&code.node) && cc.node.len() > code.node.len()) {
                out.push(
                    Diagnostic::new(
                        Code::B009,
                        msg!(
                            "b009-not-under",
                            code = cc.node.as_str(),
                            parent = code.node.as_str()
                        ),
                    )
                    .primary(
                        cc.span,
                        msg!("b009-not-a-subdivision", parent = code.node.as_str()),
                    )
                    .secondary(code.span, msg!("b009-enclosing-code"))
                    .note(msg!("b009-note")),
                );
            }
        }
    }
}

fn check_catalog(line: &Line, out: &mut Vec<Diagnostic>) {
    let Some(code) = &line.code else { return };
    match catalog::economic_name(&code.node) {
        None => out.push(
            Diagnostic::new(Code::B010, msg!("b010-unknown", code = code.node.as_str()))
                .primary(code.span, msg!("b010-unknown-code"))
                .note(msg!("b010-note")),
        ),
        Some(name) if !catalog::same_name(name, &line.name.node) => out.push(
            Diagnostic::new(
                Code::B011,
                msg!(
                    "b011-other-name",
                    code = code.node.as_str(),
                    name = name,
                    written = line.name.node.as_str()
                ),
            )
            .primary(line.name.span, msg!("b011-catalog-name", name = name))
            .secondary(code.span, msg!("b011-this-code"))
            .help(msg!("b011-help", code = code.node.as_str(), name = name)),
        ),
        Some(_) => {}
    }
}

// ---------------------------------------------------------------- formulas

fn check_formula(ctx: &Ctx, line: &Line, f: &Formula, out: &mut Vec<Diagnostic>) {
    let q = match formula::eval(&f.expr, ctx.money) {
        Ok(q) => q,
        Err(EvalError::Overflow(span)) => {
            out.push(overflow(span));
            return;
        }
        Err(EvalError::DivisionByZero(span)) => {
            out.push(
                Diagnostic::new(
                    Code::B003,
                    msg!("b003-divides-by-zero", line = line.name.node.as_str()),
                )
                .primary(span, msg!("b003-division-by-zero")),
            );
            return;
        }
        Err(EvalError::UnitMismatch { span, left, right }) => {
            out.push(
                Diagnostic::new(
                    Code::B003,
                    msg!(
                        "b003-adds",
                        line = line.name.node.as_str(),
                        left = left.replace("money", ctx.money),
                        right = right.replace("money", ctx.money)
                    ),
                )
                .primary(span, msg!("b003-cannot-be-added"))
                .help(msg!("b003-same-unit")),
            );
            return;
        }
    };
    let money_only = q.units.len() == 1 && q.units.get(MONEY) == Some(&1);
    if !q.units.is_empty() && !money_only {
        let mut left = q.units.clone();
        if let Some(e) = left.get_mut(MONEY) {
            *e -= 1;
        } else {
            left.insert(MONEY.to_string(), -1);
        }
        left.retain(|_, e| *e != 0);
        out.push(
            Diagnostic::new(
                Code::B003,
                msg!(
                    "b003-comes-out-in",
                    line = line.name.node.as_str(),
                    units = formula::show_units(&q.units).replace("money", ctx.money),
                    money = ctx.money
                ),
            )
            .primary(
                f.span,
                Message::text(format!(
                    "= {} {}",
                    arith::show_plain(q.value),
                    formula::show_units(&q.units).replace("money", ctx.money)
                )),
            )
            .note(msg!(
                "b003-left-over",
                units = formula::show_units(&left).replace("money", ctx.money)
            ))
            .help(msg!("b003-help")),
        );
        return;
    }
    let Amount::Figure(n) = &line.amount else {
        return;
    };
    let Some(stated) = ctx.stated(n) else { return };
    let computed = Figure::exact(q.value);
    let Some(cmp) = arith::compare(stated, computed) else {
        out.push(overflow(f.span));
        return;
    };
    if !cmp.consistent() {
        let decimals = ctx.decimals(n);
        out.push(
            Diagnostic::new(
                Code::B002,
                msg!(
                    "b002-does-not-match",
                    line = line.name.node.as_str(),
                    stated = arith::show(stated.value, decimals),
                    computed = arith::show(q.value.normalize(), decimals),
                    why = sum_difference(&cmp)
                ),
            )
            .primary(
                n.span,
                msg!("label-stated", figure = arith::show(stated.value, decimals)),
            )
            .secondary(
                f.span,
                Message::text(format!("= {} {}", arith::show_plain(q.value), ctx.money)),
            ),
        );
    }
}

// ---------------------------------------------------------------- projects, rollups

/// Compare a stated figure with the sum of other stated figures (a unit's
/// projects, a rollup's members) and report a mismatch as `code`, with the
/// message `message` (given `stated`, `computed`, `count` and `why`) and
/// the arithmetic.
struct Reconcile<'a> {
    code: Code,
    message: &'static str,
    name: &'a str,
    count: usize,
    primary: Message,
}

fn reconcile(
    ctx: &Ctx,
    r: Reconcile,
    total: &Number,
    figures: &[&Number],
    at: Span,
    out: &mut Vec<Diagnostic>,
) {
    let Some(stated) = ctx.stated(total) else {
        return;
    };
    let mut sum = Figure::ZERO;
    let mut parts = Vec::new();
    for n in figures {
        let Some(v) = ctx.stated(n) else { continue };
        let Some(s) = sum.checked_add(v) else {
            out.push(overflow(at));
            return;
        };
        sum = s;
        parts.push((arith::show(v.value, ctx.decimals(n)), n.span));
    }
    let Some(cmp) = arith::compare(stated, sum) else {
        return;
    };
    if cmp.consistent() {
        return;
    }
    let decimals = ctx.decimals(total);
    let message = Message::new(r.message)
        .arg("name", r.name)
        .arg("stated", arith::show(stated.value, decimals))
        .arg("count", r.count)
        .arg("computed", arith::show(sum.value, decimals))
        .arg("why", sum_difference(&cmp));
    let mut d = Diagnostic::new(r.code, message).primary(total.span, r.primary);
    for (_, span) in &parts {
        d = d.secondary(*span, Message::empty());
    }
    d = d.note(sum_of_parts(&arith::show(sum.value, decimals), &parts));
    out.push(d);
}

fn check_projects_sum(ctx: &Ctx, u: &Unit, b: &Budget, out: &mut Vec<Diagnostic>) {
    if u.projects.is_empty() {
        return;
    }
    let Some(line) = b
        .breakdowns
        .iter()
        .filter(|bd| bd.dimension.node == Dimension::Expense)
        .flat_map(|bd| bd.lines.iter())
        .find(|l| l.name.node.trim_start_matches("其中：").trim() == "项目支出")
    else {
        return;
    };
    let Some(n) = line.amount.number() else {
        return;
    };
    let figures: Vec<&Number> = u
        .projects
        .iter()
        .filter_map(|p| p.amount.number())
        .collect();
    let r = Reconcile {
        code: Code::B004,
        message: "b004-projects",
        name: &u.name.node,
        count: u.projects.len(),
        primary: msg!("b004-stated-here"),
    };
    reconcile(ctx, r, n, &figures, u.span, out);
}

pub(super) fn check_rollup(ctx: &Ctx, doc: &Document, u: &Unit, out: &mut Vec<Diagnostic>) {
    let Some(n) = u.budget.as_ref().and_then(|b| b.total.number()) else {
        return;
    };
    let members = doc.members(u);
    if members.is_empty() {
        return;
    }
    let figures: Vec<&Number> = members
        .iter()
        .filter_map(|m| m.budget.as_ref().and_then(|b| b.total.number()))
        .collect();
    let r = Reconcile {
        code: Code::B005,
        message: "b005-members",
        name: &u.name.node,
        count: members.len(),
        primary: msg!("b005-rollup-total"),
    };
    reconcile(ctx, r, n, &figures, u.span, out);
}

// ---------------------------------------------------------------- summaries

/// A summary row names a unit (or a project) by code or by name; published
/// summaries often drop a unit's `本级` suffix. (The editor server follows
/// a row to its unit by the same rule.)
#[derive(Clone, Copy)]
pub(crate) enum Named<'a> {
    Unit(&'a Unit),
    Project(&'a crate::ast::Project),
}

impl<'a> Named<'a> {
    fn name(self) -> &'a Spanned<String> {
        match self {
            Named::Unit(u) => &u.name,
            Named::Project(p) => &p.name,
        }
    }
    fn span(self) -> Span {
        match self {
            Named::Unit(u) => u.span,
            Named::Project(p) => p.span,
        }
    }
    /// `unit` or `project`, for a message to choose its words by.
    fn what(self) -> &'static str {
        match self {
            Named::Unit(_) => "unit",
            Named::Project(_) => "project",
        }
    }
}

/// Units and projects by name and by code, built once per document so
/// that reconciling a summary is linear in its rows.
pub(crate) struct Index<'a> {
    by_name: HashMap<&'a str, &'a Unit>,
    by_code: HashMap<&'a str, &'a Unit>,
    projects: HashMap<&'a str, &'a crate::ast::Project>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(units: &[&'a Unit]) -> Self {
        let mut idx = Index {
            by_name: HashMap::new(),
            by_code: HashMap::new(),
            projects: HashMap::new(),
        };
        for u in units {
            idx.by_name.entry(u.name.node.as_str()).or_insert(u);
            if let Some(c) = &u.code {
                idx.by_code.entry(c.node.as_str()).or_insert(u);
            }
            for p in &u.projects {
                idx.projects.entry(p.name.node.as_str()).or_insert(p);
            }
        }
        idx
    }

    pub(crate) fn find(&self, row: &SummaryRow) -> Option<Named<'a>> {
        if let Some(u) = row
            .code
            .as_ref()
            .and_then(|c| self.by_code.get(c.node.as_str()))
        {
            return Some(Named::Unit(u));
        }
        let name = row.name.node.as_str();
        let candidates = [
            name.to_string(),
            format!("{name}本级"),
            name.trim_end_matches("本级").to_string(),
        ];
        for c in &candidates {
            if let Some(u) = self.by_name.get(c.as_str()) {
                return Some(Named::Unit(u));
            }
        }
        self.projects.get(name).map(|p| Named::Project(p))
    }
}

/// Reconcile every summary row with the unit or project it names (a copy
/// of its figure), and check that a summary covers the document: every
/// unit has its row when the summaries list units, every project when they
/// list projects. A row whose name nearly matches a unit or project left
/// without a row is that one's row, with a slip in the name (R021).
fn check_summaries(ctx: &Ctx, doc: &Document, index: &Index, out: &mut Vec<Diagnostic>) {
    if doc.summaries.is_empty() {
        return;
    }
    let mut claimed: HashSet<Span> = HashSet::new();
    let (mut lists_units, mut lists_projects) = (false, false);
    let mut unmatched: Vec<&SummaryRow> = Vec::new();
    for s in &doc.summaries {
        for row in &s.rows {
            match index.find(row) {
                Some(named) => {
                    match named {
                        Named::Unit(_) => lists_units = true,
                        Named::Project(_) => lists_projects = true,
                    }
                    claimed.insert(named.span());
                    compare_row(ctx, row, named, out);
                }
                None => unmatched.push(row),
            }
        }
        let rollups: Vec<bool> = s
            .rows
            .iter()
            .map(|r| matches!(index.find(r), Some(Named::Unit(u)) if u.rollup))
            .collect();
        check_summary_total(ctx, s, &rollups, out);
    }
    // The units and projects left without a row, and the rows that name
    // nothing: a row nearly naming one of them is its row (R021).
    let left: Vec<Named> = doc
        .units
        .iter()
        .map(|u| Named::Unit(u))
        .chain(
            doc.units
                .iter()
                .flat_map(|u| u.projects.iter().map(Named::Project)),
        )
        .filter(|n| !claimed.contains(&n.span()))
        .collect();
    let candidates = names::Candidates::new(left.iter().map(|n| n.name().node.as_str()));
    let mut taken = vec![false; left.len()];
    for row in unmatched {
        match candidates.closest(&row.name.node, &taken) {
            Some(i) => {
                taken[i] = true;
                let named = left[i];
                let name = named.name();
                let (in_row, in_table) = names::show_difference(&row.name.node, &name.node);
                out.push(
                    Diagnostic::new(
                        Code::R021,
                        msg!(
                            "r021-different-spelling",
                            row = row.name.node.as_str(),
                            what = named.what(),
                            name = name.node.as_str()
                        ),
                    )
                    .primary(row.name.span, msg!("r021-name-in-summary"))
                    .secondary(name.span, msg!("r021-name-in-table"))
                    .note(msg!("r021-summary-spelling", name = in_row))
                    .note(msg!("r021-table-spelling", name = in_table))
                    .help(msg!("r021-help")),
                );
                compare_row(ctx, row, named, out);
            }
            None => {
                let mut d = Diagnostic::new(
                    Code::R001,
                    msg!("r001-not-found", row = row.name.node.as_str()),
                )
                .primary(row.name.span, msg!("r001-label"));
                d = if left.is_empty() {
                    d.note(msg!(
                        "r001-partial-corpus",
                        allow = crate::syntax::keywords::arg_named("allow", None)
                    ))
                } else {
                    d.note(msg!("r001-some-have-no-row"))
                };
                out.push(d);
            }
        }
    }
    let summary = &doc.summaries[0].name;
    for (n, _) in left.into_iter().zip(taken).filter(|(_, t)| !t) {
        let listed = match n {
            Named::Unit(_) => lists_units,
            Named::Project(_) => lists_projects,
        };
        if !listed {
            continue;
        }
        let name = n.name();
        out.push(
            Diagnostic::new(
                Code::R020,
                msg!("r020-no-row", what = n.what(), name = name.node.as_str()),
            )
            .primary(name.span, msg!("r020-label"))
            .secondary(summary.span, msg!("r020-the-summary"))
            .note(msg!("r020-note", what = n.what()))
            .help(msg!("r020-help")),
        );
    }
}

/// A summary row copies the figure of the unit or project it names.
fn compare_row(ctx: &Ctx, row: &SummaryRow, named: Named, out: &mut Vec<Diagnostic>) {
    let (amount, name_span) = match named {
        Named::Unit(u) => match &u.budget {
            Some(b) => (&b.total, u.name.span),
            None => return,
        },
        Named::Project(p) => (&p.amount, p.name.span),
    };
    let (Some(rn), Some(un)) = (row.amount.number(), amount.number()) else {
        return;
    };
    let (Some(stated), Some(own)) = (ctx.stated(rn), ctx.stated(un)) else {
        return;
    };
    let Some(cmp) = arith::compare_copy(stated, own) else {
        return;
    };
    if !cmp.consistent() {
        let decimals = ctx.decimals(rn);
        out.push(
            Diagnostic::new(
                Code::B006,
                msg!(
                    "b006-row-differs",
                    row = row.name.node.as_str(),
                    stated = arith::show(stated.value, decimals),
                    what = named.what(),
                    computed = arith::show(own.value, ctx.decimals(un)),
                    why = copy_difference(&cmp)
                ),
            )
            .primary(rn.span, msg!("b006-in-the-summary"))
            .secondary(un.span, msg!("b006-own-figure", what = named.what()))
            .secondary(name_span, Message::empty())
            .note(msg!("b006-note")),
        );
    }
}

/// Whether a row is the aggregate of the rows numbered below it (`1` over
/// `1-1`, `1-2` …): it is when it names a rollup unit, or, for a row that
/// names no unit of the document, when its members add up to it. A
/// department's own row (`3` 本级 beside `3-1`) is not an aggregate.
fn is_aggregate(
    ctx: &Ctx,
    s: &Summary,
    i: usize,
    rollup: bool,
    members: &HashMap<&str, Vec<usize>>,
) -> bool {
    let Some(serial) = &s.rows[i].serial else {
        return false;
    };
    let Some(members) = members.get(serial.node.as_str()) else {
        return false;
    };
    if rollup {
        return true;
    }
    let Some(own) = s.rows[i].amount.number().and_then(|n| ctx.stated(n)) else {
        return false;
    };
    let sum = members
        .iter()
        .filter_map(|m| s.rows[*m].amount.number().and_then(|n| ctx.stated(n)))
        .try_fold(Figure::ZERO, |acc, f| acc.checked_add(f));
    sum.and_then(|sum| arith::compare(own, sum))
        .is_some_and(|c| c.consistent())
}

/// For each serial, the rows numbered below it (`1` → `1-1`, `1-2`, `1-2-1`).
fn members_by_serial(s: &Summary) -> HashMap<&str, Vec<usize>> {
    let mut map: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, row) in s.rows.iter().enumerate() {
        let Some(serial) = &row.serial else { continue };
        let serial = serial.node.as_str();
        for (cut, _) in serial.match_indices('-') {
            map.entry(&serial[..cut]).or_default().push(i);
        }
    }
    map
}

/// The total is the sum of the rows that are not aggregates of other rows.
fn check_summary_total(ctx: &Ctx, s: &Summary, rollups: &[bool], out: &mut Vec<Diagnostic>) {
    let Some(Amount::Figure(tn)) = &s.total else {
        return;
    };
    let Some(stated) = ctx.stated(tn) else { return };
    let members = members_by_serial(s);
    let mut sum = Figure::ZERO;
    let mut count = 0usize;
    for (i, row) in s.rows.iter().enumerate() {
        if is_aggregate(
            ctx,
            s,
            i,
            rollups.get(i).copied().unwrap_or(false),
            &members,
        ) {
            continue;
        }
        if let Some(v) = row.amount.number().and_then(|n| ctx.stated(n)) {
            let Some(x) = sum.checked_add(v) else {
                out.push(overflow(s.span));
                return;
            };
            sum = x;
            count += 1;
        }
    }
    if count == 0 {
        return;
    }
    let Some(cmp) = arith::compare(stated, sum) else {
        return;
    };
    if !cmp.consistent() {
        let decimals = ctx.decimals(tn);
        out.push(
            Diagnostic::new(
                Code::B007,
                msg!(
                    "b007-total",
                    summary = s.name.node.as_str(),
                    stated = arith::show(stated.value, decimals),
                    count = count,
                    computed = arith::show(sum.value, decimals),
                    why = sum_difference(&cmp)
                ),
            )
            .primary(tn.span, msg!("b007-stated-total"))
            .secondary(s.name.span, Message::empty())
            .note(msg!("b007-note")),
        );
    }
}

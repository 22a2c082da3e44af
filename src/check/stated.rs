//! What tables state about their own figures: a table's 合计 row against
//! its rows and against the figure it breaks down, the prior-year column,
//! stated changes against current and prior figures and against the
//! changes of their parts, restated figures against what they restate, and
//! the formulas of a basis against the results it states. Every finding
//! shows its arithmetic.
//!
//! Two rules compare figures. A sum (a 合计 against its rows) is judged
//! with the rounding rule of [`super::arith`]: each figure stands for the
//! interval its precision allows. A copy (a 合计 restating the amount it
//! breaks down, a restated total) must be the same figure once the finer of
//! the two is rounded to the coarser's decimals: 508.9253 restates 508.93,
//! 508.92 does not.

use rust_decimal::Decimal;

use super::arith::{self, Figure};
use super::budget::{copy_difference, overflow, sum_difference, sum_of_parts};
use super::formula::{self, EvalError, MONEY};
use crate::ast::*;
use crate::diag::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::Document;
use crate::msg;
use crate::syntax::keywords;

pub(super) struct Ctx<'d> {
    pub(super) precision: u32,
    pub(super) money: &'d str,
}

impl Ctx<'_> {
    fn stated(&self, n: &Number) -> Option<Figure> {
        Figure::stated(n, self.precision)
    }
    fn decimals(&self, n: &Number) -> u32 {
        arith::decimals(n, self.precision)
    }
    /// A number as published, with its decimals.
    fn show(&self, n: &Number) -> String {
        n.value
            .map(|v| arith::show(v, self.decimals(n)))
            .unwrap_or_default()
    }
}

pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let ctx = Ctx {
        precision: doc.header.precision,
        money: &doc.header.money,
    };
    let mut out = Vec::new();
    for u in &doc.units {
        check_unit(&ctx, u, &mut out);
    }
    out
}

/// What one unit's figures state of each other.
pub(super) fn check_unit(ctx: &Ctx, u: &Unit, out: &mut Vec<Diagnostic>) {
    if let Some(b) = &u.budget {
        let parent = Parent {
            label: msg!("subject-budget-of", unit = u.name.node.as_str()),
            amount: &b.total,
            prior: None,
        };
        breakdowns(ctx, &parent, &b.breakdowns, out);
    }
    for l in &u.amounts {
        line(ctx, l, out);
    }
    for p in &u.projects {
        let parent = Parent {
            label: msg!("subject-project", project = p.name.node.as_str()),
            amount: &p.amount,
            prior: p.prior.as_ref(),
        };
        breakdowns(ctx, &parent, &p.breakdowns, out);
        for l in &p.amounts {
            line(ctx, l, out);
        }
    }
    restatements(ctx, u, out);
}

/// What a breakdown breaks down: its label in messages, its amount and its
/// prior-year figure.
struct Parent<'a> {
    label: Message,
    amount: &'a Amount,
    prior: Option<&'a Amount>,
}

/// Which column of a table a check reads.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    Current,
    Prior,
}

impl Column {
    fn of<'a>(self, amount: &'a Amount, prior: Option<&'a Amount>) -> Option<&'a Amount> {
        match self {
            Column::Current => Some(amount),
            Column::Prior => prior,
        }
    }
    fn of_line(self, l: &Line) -> Option<&Amount> {
        self.of(&l.amount, l.prior.as_ref())
    }
    /// The column as a message argument (`column`): `current` or `prior`.
    fn key(self) -> &'static str {
        match self {
            Column::Current => "current",
            Column::Prior => "prior",
        }
    }
    /// A figure of the column: `30`, or `上年 30`.
    fn figure(self, shown: String) -> Message {
        msg!("column-figure", column = self.key(), figure = shown)
    }
}

// ---------------------------------------------------------------- lines

fn line(ctx: &Ctx, l: &Line, out: &mut Vec<Diagnostic>) {
    formulas(ctx, l, out);
    if let Some(c) = &l.change {
        let name = Message::text(l.name.node.as_str());
        change_of_one(ctx, &name, &l.amount, l.prior.as_ref(), c, out);
        for b in &l.breakdowns {
            if b.total.as_ref().is_some_and(|t| t.change.is_some()) {
                // The table's own 合计 row carries the change of its rows.
                continue;
            }
            changes_of_parts(ctx, &name, c, &b.lines, out);
        }
    }
    let parent = Parent {
        label: Message::text(l.name.node.as_str()),
        amount: &l.amount,
        prior: l.prior.as_ref(),
    };
    breakdowns(ctx, &parent, &l.breakdowns, out);
}

fn breakdowns(ctx: &Ctx, parent: &Parent, bs: &[Breakdown], out: &mut Vec<Diagnostic>) {
    for b in bs {
        match &b.total {
            Some(t) => stated_total(ctx, parent, b, t, out),
            None => prior_column(ctx, parent, b, out),
        }
        for l in &b.lines {
            line(ctx, l, out);
        }
    }
}

/// The value a row contributes to a column's sum: its stated figure, or,
/// for a current-year row written without one, the sum of its first
/// breakdown (as the budget checks read it).
fn row_value(ctx: &Ctx, l: &Line, column: Column) -> Option<Figure> {
    match column.of_line(l)? {
        Amount::Figure(n) => ctx.stated(n),
        Amount::Mark(..) => None,
        Amount::Blank(_) if column == Column::Current => {
            let b = l.breakdowns.first()?;
            sum(ctx, &b.lines, column).ok().flatten().map(|(f, _)| f)
        }
        Amount::Blank(_) => None,
    }
}

/// The sum of rows in a column and the parts that make it (shown value,
/// where), or None when no row states a figure; Err on overflow.
type Parts = Vec<(String, Span)>;

fn sum(ctx: &Ctx, rows: &[Line], column: Column) -> Result<Option<(Figure, Parts)>, ()> {
    let mut acc: Option<Figure> = None;
    let mut parts = Vec::new();
    for l in rows {
        let Some(v) = row_value(ctx, l, column) else {
            continue;
        };
        acc = Some(acc.unwrap_or(Figure::ZERO).checked_add(v).ok_or(())?);
        let (shown, at) = match column.of_line(l) {
            Some(Amount::Figure(n)) => (ctx.show(n), n.span),
            _ => (arith::show(v.value, ctx.precision), l.name.span),
        };
        parts.push((shown, at));
    }
    Ok(acc.map(|f| (f, parts)))
}

// ---------------------------------------------------------------- 合计 rows

/// A table's 合计 row: against its rows (as a sum), and against the figure
/// it breaks down (as a copy), in each column it has; its change against
/// its own columns and its rows' changes.
fn stated_total(
    ctx: &Ctx,
    parent: &Parent,
    b: &Breakdown,
    t: &StatedTotal,
    out: &mut Vec<Diagnostic>,
) {
    let what = msg!(
        "stated-total-of",
        subject = parent.label.clone(),
        dimension = b.dimension.node.label()
    );
    for column in [Column::Current, Column::Prior] {
        let Some(Amount::Figure(stated)) = column.of(&t.amount, t.prior.as_ref()) else {
            continue;
        };
        total_against_rows(ctx, &what, stated, b, column, out);
        if let Some(Amount::Figure(p)) = column.of(parent.amount, parent.prior) {
            total_against_parent(ctx, &what, stated, parent, p, column, out);
        }
    }
    if let Some(c) = &t.change {
        change_of_one(ctx, &what, &t.amount, t.prior.as_ref(), c, out);
        changes_of_parts(ctx, &what, c, &b.lines, out);
    }
}

fn total_against_rows(
    ctx: &Ctx,
    what: &Message,
    stated: &Number,
    b: &Breakdown,
    column: Column,
    out: &mut Vec<Diagnostic>,
) {
    if b.lines.is_empty() {
        return;
    }
    let Some(total) = ctx.stated(stated) else {
        return;
    };
    let decimals = ctx.decimals(stated);
    let (sum, parts) = match sum(ctx, &b.lines, column) {
        Err(()) => return out.push(overflow(b.span)),
        Ok(Some(s)) => s,
        Ok(None) => {
            if !total.value.is_zero() {
                out.push(
                    Diagnostic::new(
                        Code::B008,
                        msg!(
                            "b008-total-rows-blank",
                            total = what.clone(),
                            column = column.key(),
                            stated = ctx.show(stated)
                        ),
                    )
                    .primary(stated.span, msg!("label-total-row"))
                    .secondary(b.span, msg!("b008-no-row-in-column"))
                    .help(msg!("b008-fill-in-rows")),
                );
            }
            return;
        }
    };
    let Some(cmp) = arith::compare(total, sum) else {
        return out.push(overflow(b.span));
    };
    if cmp.consistent() {
        return;
    }
    let computed = arith::show(sum.value, decimals);
    let mut d = Diagnostic::new(
        Code::B040,
        msg!(
            "b040-does-not-add-up",
            total = what.clone(),
            column = column.key(),
            stated = ctx.show(stated),
            computed = computed.as_str(),
            why = sum_difference(&cmp)
        ),
    )
    .primary(
        stated.span,
        msg!(
            "label-total",
            column = column.key(),
            figure = ctx.show(stated)
        ),
    );
    let n = parts.len();
    for (i, (_, span)) in parts.iter().enumerate() {
        let label = if i + 1 == n {
            msg!("b040-these-rows", sum = computed.as_str())
        } else {
            Message::empty()
        };
        d = d.secondary(*span, label);
    }
    d = d.note(sum_of_parts(&computed, &parts));
    out.push(d);
}

fn total_against_parent(
    ctx: &Ctx,
    what: &Message,
    stated: &Number,
    parent: &Parent,
    p: &Number,
    column: Column,
    out: &mut Vec<Diagnostic>,
) {
    let Some(cmp) = copy(ctx, stated, p) else {
        return;
    };
    if cmp.consistent() {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::B041,
            msg!(
                "b041-not-the-figure",
                total = what.clone(),
                column = column.key(),
                stated = ctx.show(stated),
                subject = parent.label.clone(),
                parent = ctx.show(p),
                why = copy_difference(&cmp)
            ),
        )
        .primary(
            stated.span,
            msg!(
                "label-total",
                column = column.key(),
                figure = ctx.show(stated)
            ),
        )
        .secondary(p.span, column.figure(ctx.show(p)))
        .note(msg!("b041-note")),
    );
}

/// A breakdown without its own 合计 row: its rows' prior-year figures add
/// up to the prior-year figure of what it breaks down, when the rows have
/// that column.
fn prior_column(ctx: &Ctx, parent: &Parent, b: &Breakdown, out: &mut Vec<Diagnostic>) {
    let Some(Amount::Figure(stated)) = parent.prior else {
        return;
    };
    if !b.lines.iter().any(|l| l.prior.is_some()) {
        return;
    }
    let Some(total) = ctx.stated(stated) else {
        return;
    };
    let decimals = ctx.decimals(stated);
    let (sum, parts) = match sum(ctx, &b.lines, Column::Prior) {
        Err(()) => return out.push(overflow(b.span)),
        Ok(Some(s)) => s,
        Ok(None) => {
            if !total.value.is_zero() {
                out.push(
                    Diagnostic::new(
                        Code::B008,
                        msg!(
                            "b008-prior-parts-blank",
                            subject = parent.label.clone(),
                            stated = ctx.show(stated),
                            dimension = b.dimension.node.label()
                        ),
                    )
                    .primary(stated.span, msg!("label-stated-here"))
                    .secondary(b.span, msg!("b008-no-part-prior"))
                    .help(msg!("b008-fill-in-prior")),
                );
            }
            return;
        }
    };
    let Some(cmp) = arith::compare(total, sum) else {
        return out.push(overflow(b.span));
    };
    if cmp.consistent() {
        return;
    }
    let computed = arith::show(sum.value, decimals);
    let mut d = Diagnostic::new(
        Code::B001,
        msg!(
            "b001-prior-does-not-add-up",
            subject = parent.label.clone(),
            stated = ctx.show(stated),
            dimension = b.dimension.node.label(),
            computed = computed.as_str(),
            why = sum_difference(&cmp)
        ),
    )
    .primary(stated.span, msg!("label-prior", figure = ctx.show(stated)));
    for (_, span) in &parts {
        d = d.secondary(*span, Message::empty());
    }
    d = d.note(sum_of_parts(&computed, &parts));
    out.push(d);
}

// ---------------------------------------------------------------- changes

/// A stated change against the current and prior figures of its own row.
fn change_of_one(
    ctx: &Ctx,
    what: &Message,
    amount: &Amount,
    prior: Option<&Amount>,
    change: &Number,
    out: &mut Vec<Diagnostic>,
) {
    let (Some(Amount::Figure(a)), Some(Amount::Figure(p))) = (Some(amount), prior) else {
        return;
    };
    let (Some(fa), Some(fp), Some(fc)) = (ctx.stated(a), ctx.stated(p), ctx.stated(change)) else {
        return;
    };
    let Some(diff) = fa.value.checked_sub(fp.value) else {
        return out.push(overflow(change.span));
    };
    let Some(computed) = fa
        .tolerance
        .checked_add(fp.tolerance)
        .map(|tolerance| Figure {
            value: diff,
            tolerance,
        })
    else {
        return;
    };
    let Some(cmp) = arith::compare(fc, computed) else {
        return;
    };
    if cmp.consistent() {
        return;
    }
    let decimals = ctx.decimals(change);
    out.push(
        Diagnostic::new(
            Code::B042,
            msg!(
                "b042-change-differs",
                subject = what.clone(),
                change = ctx.show(change),
                current = ctx.show(a),
                prior = ctx.show(p),
                computed = arith::show(diff, decimals),
                why = sum_difference(&cmp)
            ),
        )
        .primary(change.span, msg!("label-change", figure = ctx.show(change)))
        .secondary(a.span, msg!("label-this-year"))
        .secondary(p.span, msg!("label-prior-year")),
    );
}

/// A row's change, stated or worked out from its current and prior
/// figures, with how it was found (for the note).
fn change_of_row(ctx: &Ctx, l: &Line) -> Option<(Figure, String, Span)> {
    if let Some(c) = &l.change {
        return Some((ctx.stated(c)?, ctx.show(c), c.span));
    }
    let (Amount::Figure(a), Some(Amount::Figure(p))) = (&l.amount, &l.prior) else {
        return None;
    };
    let (fa, fp) = (ctx.stated(a)?, ctx.stated(p)?);
    let value = fa.value.checked_sub(fp.value)?;
    let tolerance = fa.tolerance.checked_add(fp.tolerance)?;
    let decimals = ctx.decimals(a).max(ctx.decimals(p));
    Some((
        Figure { value, tolerance },
        format!(
            "{} ({} − {})",
            arith::show(value, decimals),
            ctx.show(a),
            ctx.show(p)
        ),
        l.name.span,
    ))
}

/// A stated change against the changes of the rows it is made of: each
/// row's stated change, or its current figure less its prior one. Checked
/// only when every row's change is known.
fn changes_of_parts(
    ctx: &Ctx,
    what: &Message,
    change: &Number,
    rows: &[Line],
    out: &mut Vec<Diagnostic>,
) {
    if rows.is_empty() {
        return;
    }
    let Some(stated) = ctx.stated(change) else {
        return;
    };
    let mut acc = Figure::ZERO;
    let mut parts = Vec::new();
    for l in rows {
        let Some((f, shown, at)) = change_of_row(ctx, l) else {
            return;
        };
        let Some(next) = acc.checked_add(f) else {
            return out.push(overflow(change.span));
        };
        acc = next;
        parts.push((format!("{} {shown}", l.name.node), at));
    }
    let Some(cmp) = arith::compare(stated, acc) else {
        return;
    };
    if cmp.consistent() {
        return;
    }
    let decimals = ctx.decimals(change);
    let computed = arith::show(acc.value, decimals);
    let mut d = Diagnostic::new(
        Code::B043,
        msg!(
            "b043-changes-do-not-add-up",
            subject = what.clone(),
            change = ctx.show(change),
            computed = computed.as_str(),
            why = sum_difference(&cmp)
        ),
    )
    .primary(change.span, msg!("label-change", figure = ctx.show(change)));
    for (_, span) in &parts {
        d = d.secondary(*span, Message::empty());
    }
    d = d.note(sum_of_parts(&computed, &parts));
    out.push(d);
}

// ---------------------------------------------------------------- formulas

/// The formulas of a line's block: each against the result its basis
/// states, and together (their results, or their values where no result is
/// stated) against the line's amount when the line has no formula of its
/// own.
fn formulas(ctx: &Ctx, l: &Line, out: &mut Vec<Diagnostic>) {
    if l.formulas.is_empty() {
        return;
    }
    let mut total = Figure::ZERO;
    let mut parts = Vec::new();
    let mut complete = true;
    for f in &l.formulas {
        let Some(value) = evaluate(ctx, l, f, out) else {
            complete = false;
            continue;
        };
        let computed = Figure::exact(value);
        let counted = match &f.result {
            Some(Amount::Figure(r)) => {
                let Some(stated) = ctx.stated(r) else {
                    complete = false;
                    continue;
                };
                if let Some(cmp) = arith::compare(stated, computed) {
                    if !cmp.consistent() {
                        let decimals = ctx.decimals(r);
                        let mut d = Diagnostic::new(
                            Code::B002,
                            msg!(
                                "b002-formula-result",
                                line = l.name.node.as_str(),
                                formula = f.expr.to_string(),
                                stated = ctx.show(r),
                                computed = arith::show(value.normalize(), decimals),
                                why = sum_difference(&cmp)
                            ),
                        )
                        .primary(r.span, msg!("label-stated", figure = ctx.show(r)))
                        .secondary(
                            f.span,
                            Message::text(format!("= {} {}", arith::show_plain(value), ctx.money)),
                        );
                        if f.approximate {
                            d = d.note(msg!("b002-approximate"));
                        }
                        out.push(d);
                    }
                }
                parts.push((ctx.show(r), r.span));
                stated
            }
            _ => {
                parts.push((arith::show_plain(value), f.span));
                computed
            }
        };
        match total.checked_add(counted) {
            Some(t) => total = t,
            None => return out.push(overflow(f.span)),
        }
    }
    if !complete || l.formula.is_some() {
        return;
    }
    let Amount::Figure(n) = &l.amount else {
        return;
    };
    let Some(stated) = ctx.stated(n) else {
        return;
    };
    let Some(cmp) = arith::compare(stated, total) else {
        return;
    };
    if cmp.consistent() {
        return;
    }
    let decimals = ctx.decimals(n);
    let computed = arith::show(total.value.normalize(), decimals);
    let mut d = Diagnostic::new(
        Code::B002,
        msg!(
            "b002-does-not-match",
            line = l.name.node.as_str(),
            stated = ctx.show(n),
            computed = computed.as_str(),
            why = sum_difference(&cmp)
        ),
    )
    .primary(n.span, msg!("label-stated", figure = ctx.show(n)));
    for (_, span) in &parts {
        d = d.secondary(*span, Message::empty());
    }
    d = d.note(sum_of_parts(&computed, &parts));
    out.push(d);
}

/// A formula's value in the document's money unit, or None (with a
/// finding) when it cannot be one.
fn evaluate(ctx: &Ctx, l: &Line, f: &Formula, out: &mut Vec<Diagnostic>) -> Option<Decimal> {
    let q = match formula::eval(&f.expr, ctx.money) {
        Ok(q) => q,
        Err(EvalError::Overflow(span)) => {
            out.push(overflow(span));
            return None;
        }
        Err(EvalError::DivisionByZero(span)) => {
            out.push(
                Diagnostic::new(
                    Code::B003,
                    msg!("b003-divides-by-zero", line = l.name.node.as_str()),
                )
                .primary(span, msg!("b003-division-by-zero")),
            );
            return None;
        }
        Err(EvalError::UnitMismatch { span, left, right }) => {
            out.push(
                Diagnostic::new(
                    Code::B003,
                    msg!(
                        "b003-adds",
                        line = l.name.node.as_str(),
                        left = left.replace("money", ctx.money),
                        right = right.replace("money", ctx.money)
                    ),
                )
                .primary(span, msg!("b003-cannot-be-added"))
                .help(msg!("b003-same-unit")),
            );
            return None;
        }
    };
    let money_only = q.units.len() == 1 && q.units.get(MONEY) == Some(&1);
    if !q.units.is_empty() && !money_only {
        let units = formula::show_units(&q.units).replace("money", ctx.money);
        out.push(
            Diagnostic::new(
                Code::B003,
                msg!(
                    "b003-comes-out-in",
                    line = l.name.node.as_str(),
                    units = units.as_str(),
                    money = ctx.money
                ),
            )
            .primary(
                f.span,
                Message::text(format!("= {} {units}", arith::show_plain(q.value))),
            )
            .help(msg!("b003-help")),
        );
        return None;
    }
    Some(q.value)
}

// ---------------------------------------------------------------- restatements

/// Two figures that should be one (a copy, [`arith::compare_copy`]): the
/// finer, rounded to the coarser's decimals, is the coarser.
fn copy(ctx: &Ctx, x: &Number, y: &Number) -> Option<arith::Comparison> {
    arith::compare_copy(ctx.stated(x)?, ctx.stated(y)?)
}

/// Where a restated figure's counterpart is: a line of a tree, or a
/// project's amount.
#[derive(Clone, Copy)]
enum Found<'a> {
    Line(&'a Line),
    Project(&'a Project),
    /// The budget's total (its breakdowns are searched below it).
    Budget(&'a Budget),
}

impl<'a> Found<'a> {
    fn amount(&self) -> &'a Amount {
        match self {
            Found::Line(l) => &l.amount,
            Found::Project(p) => &p.amount,
            Found::Budget(b) => &b.total,
        }
    }
    fn prior(&self) -> Option<&'a Amount> {
        match self {
            Found::Line(l) => l.prior.as_ref(),
            Found::Project(p) => p.prior.as_ref(),
            Found::Budget(_) => None,
        }
    }
    fn breakdowns(&self) -> &'a [Breakdown] {
        match self {
            Found::Line(l) => &l.breakdowns,
            Found::Project(p) => &p.breakdowns,
            Found::Budget(b) => &b.breakdowns,
        }
    }
}

/// The line below `root` with this code or name, the shallowest first.
fn find<'a>(root: &'a [Breakdown], key: &str) -> Option<&'a Line> {
    let mut level: Vec<&'a Line> = root.iter().flat_map(|b| b.lines.iter()).collect();
    while !level.is_empty() {
        if let Some(l) = level
            .iter()
            .find(|l| l.code.as_ref().is_some_and(|c| c.node == key) || l.name.node == key)
        {
            return Some(l);
        }
        level = level
            .iter()
            .flat_map(|l| l.breakdowns.iter().flat_map(|b| b.lines.iter()))
            .collect();
    }
    None
}

/// Restating lines, each with the project it is in.
type Restating<'a> = Vec<(&'a Line, Option<&'a Project>)>;

/// Every line of a unit with a `重述`, with the project it is in.
fn restating(u: &Unit) -> Restating<'_> {
    fn walk<'a>(
        l: &'a Line,
        p: Option<&'a Project>,
        out: &mut Vec<(&'a Line, Option<&'a Project>)>,
    ) {
        if l.restates.is_some() {
            out.push((l, p));
        }
        for b in &l.breakdowns {
            for c in &b.lines {
                walk(c, p, out);
            }
        }
    }
    let mut out = Vec::new();
    let bud = u.budget.iter().flat_map(|b| b.breakdowns.iter());
    for b in bud {
        for l in &b.lines {
            walk(l, None, &mut out);
        }
    }
    for l in &u.amounts {
        walk(l, None, &mut out);
    }
    for p in &u.projects {
        for l in p
            .breakdowns
            .iter()
            .flat_map(|b| b.lines.iter())
            .chain(&p.amounts)
        {
            walk(l, Some(p), &mut out);
        }
    }
    out
}

fn restatements(ctx: &Ctx, u: &Unit, out: &mut Vec<Diagnostic>) {
    for (l, project) in restating(u) {
        let Some(r) = &l.restates else { continue };
        let target = match &r.target.node {
            RestateTarget::Budget => u.budget.as_ref().map(Found::Budget),
            RestateTarget::Named(n) => project
                .into_iter()
                .flat_map(|p| p.amounts.iter())
                .chain(u.amounts.iter())
                .find(|t| t.name.node == *n && !std::ptr::eq(*t, l))
                .map(Found::Line),
        };
        let target_name = match &r.target.node {
            RestateTarget::Budget => msg!("subject-budget-of", unit = u.name.node.as_str()),
            RestateTarget::Named(n) => Message::text(n.as_str()),
        };
        let Some(target) = target else {
            out.push(
                Diagnostic::new(
                    Code::R040,
                    match &r.target.node {
                        RestateTarget::Budget => msg!(
                            "r040-no-budget",
                            line = l.name.node.as_str(),
                            unit = u.name.node.as_str()
                        ),
                        RestateTarget::Named(n) => msg!(
                            "r040-no-tree",
                            line = l.name.node.as_str(),
                            tree = n.as_str(),
                            unit = u.name.node.as_str()
                        ),
                    },
                )
                .primary(r.target.span, msg!("r040-not-found"))
                .help(msg!(
                    "r040-help",
                    budget = keywords::arg_named("budget", None),
                    amount = keywords::arg_named("amount", None)
                )),
            );
            continue;
        };
        let root = match &r.line {
            None => target,
            Some(key) => match find(target.breakdowns(), &key.node) {
                Some(found) => Found::Line(found),
                None => {
                    out.push(
                        Diagnostic::new(
                            Code::R040,
                            msg!(
                                "r040-no-line",
                                line = l.name.node.as_str(),
                                key = key.node.as_str(),
                                target = target_name.clone()
                            ),
                        )
                        .primary(key.span, msg!("r040-no-such-line"))
                        .secondary(r.target.span, Message::empty()),
                    );
                    continue;
                }
            },
        };
        compare_restated(ctx, u, l, root, &target_name, out);
    }
}

/// A restating line against its counterpart, then its lines against the
/// lines of the counterpart with the same code or name (or the unit's
/// project of that name), level by level.
fn compare_restated(
    ctx: &Ctx,
    u: &Unit,
    l: &Line,
    counterpart: Found,
    target_name: &Message,
    out: &mut Vec<Diagnostic>,
) {
    for column in [Column::Current, Column::Prior] {
        let (Some(mine), Some(theirs)) = (
            column.of_line(l),
            column.of(counterpart.amount(), counterpart.prior()),
        ) else {
            continue;
        };
        restated_figure(ctx, l, mine, theirs, &counterpart, target_name, column, out);
    }
    for b in &l.breakdowns {
        for child in &b.lines {
            let key_code = child.code.as_ref().map(|c| c.node.as_str());
            let found = key_code
                .and_then(|c| find(counterpart.breakdowns(), c))
                .or_else(|| find(counterpart.breakdowns(), &child.name.node))
                .map(Found::Line)
                .or_else(|| {
                    u.projects
                        .iter()
                        .find(|p| p.name.node == child.name.node)
                        .map(Found::Project)
                });
            if let Some(found) = found {
                compare_restated(ctx, u, child, found, target_name, out);
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn restated_figure(
    ctx: &Ctx,
    l: &Line,
    mine: &Amount,
    theirs: &Amount,
    counterpart: &Found,
    target_name: &Message,
    column: Column,
    out: &mut Vec<Diagnostic>,
) {
    let Amount::Figure(m) = mine else {
        // A blank restating cell states nothing to compare.
        return;
    };
    let of = match counterpart {
        Found::Budget(_) => target_name.clone(),
        Found::Project(p) => msg!("subject-project", project = p.name.node.as_str()),
        Found::Line(found) => msg!(
            "restated-line-of",
            line = found.name.node.as_str(),
            target = target_name.clone()
        ),
    };
    let what = msg!("restated-column", column = column.key(), what = of);
    match theirs {
        Amount::Figure(t) => {
            let Some(cmp) = copy(ctx, m, t) else { return };
            if cmp.consistent() {
                return;
            }
            let message = msg!(
                "b044-differs",
                line = l.name.node.as_str(),
                what = what,
                stated = ctx.show(t),
                restated = ctx.show(m),
                why = copy_difference(&cmp)
            );
            out.push(
                Diagnostic::new(Code::B044, message)
                    .primary(m.span, msg!("label-restated", figure = ctx.show(m)))
                    .secondary(t.span, msg!("label-stated", figure = ctx.show(t)))
                    .note(msg!("b044-note")),
            );
        }
        _ if m.value.is_some_and(|v| v.is_zero()) => {}
        other => {
            let message = msg!(
                "b044-blank",
                line = l.name.node.as_str(),
                what = what,
                restated = ctx.show(m)
            );
            out.push(
                Diagnostic::new(Code::B044, message)
                    .primary(m.span, msg!("label-restated", figure = ctx.show(m)))
                    .secondary(other.span(), msg!("b044-no-figure-here")),
            );
        }
    }
}

//! What stands under the cursor, read from the file's document (the AST)
//! with the constructs around it: hover and go-to start here.

use crate::ast::{
    Amount, Breakdown, Document, IndicatorGroup, IndicatorNode, IndicatorTree, Line, Number,
    Project, Span, Spanned, Summary, SummaryRow, Unit,
};

/// Whose budget or amount a line belongs to.
#[derive(Clone, Copy, Debug)]
pub enum Owner<'a> {
    Unit(&'a Unit),
    Project(&'a Unit, &'a Project),
}

impl<'a> Owner<'a> {
    pub fn unit(&self) -> &'a Unit {
        match self {
            Owner::Unit(u) | Owner::Project(u, _) => u,
        }
    }
}

/// What a breakdown divides: the budget, the project's amount, or a line.
#[derive(Clone, Copy, Debug)]
pub enum TotalOf<'a> {
    Budget,
    Project,
    Line(&'a str),
}

/// The amount a line is part of, and the breakdown that holds it.
#[derive(Clone, Copy, Debug)]
pub struct Parent<'a> {
    /// The stated total the breakdown divides (a budget, a project, a line).
    pub total: &'a Amount,
    /// What the total is (the budget, the project, line 基本支出).
    pub total_of: TotalOf<'a>,
    pub breakdown: &'a Breakdown,
}

/// What the cursor is on.
#[derive(Clone, Debug)]
pub enum Found<'a> {
    Include(&'a Spanned<String>),
    /// The name or code after `parent`.
    Parent(&'a Unit, &'a Spanned<String>),
    /// A unit's name or code.
    Unit(&'a Unit),
    /// A project's name or code.
    Project(&'a Unit, &'a Project),
    /// The name of a breakdown line.
    Line(Owner<'a>, &'a Line, Option<Parent<'a>>),
    /// A figure: a stated amount.
    Figure(&'a Number, FigureOf<'a>),
    /// A tier's name: the groups from the 一级 down to it.
    Tier(Owner<'a>, Vec<&'a IndicatorGroup>),
    /// An indicator: the tiers above it (一级 first) and itself.
    Indicator(
        Owner<'a>,
        Vec<&'a IndicatorGroup>,
        &'a crate::ast::Indicator,
    ),
    /// A summary row's name (or serial, or code).
    SummaryRow(&'a Summary, &'a SummaryRow),
}

/// Which figure.
#[derive(Clone, Debug)]
pub enum FigureOf<'a> {
    /// A unit's budget total.
    Budget(&'a Unit),
    /// A project's amount.
    Project(&'a Unit, &'a Project),
    /// A line's amount.
    Line(Owner<'a>, &'a Line, Option<Parent<'a>>),
    SummaryRow(&'a Summary, &'a SummaryRow),
    SummaryTotal(&'a Summary),
}

fn within(span: Span, offset: usize) -> bool {
    span.start() <= offset && offset <= span.end() && span.end() > span.start()
}

fn on<T>(s: &Spanned<T>, offset: usize) -> bool {
    within(s.span, offset)
}

fn number_at(a: &Amount, offset: usize) -> Option<&Number> {
    a.number().filter(|n| within(n.span, offset))
}

/// What stands at `offset` in `doc`.
pub fn find(doc: &Document, offset: usize) -> Option<Found<'_>> {
    for inc in &doc.includes {
        if on(inc, offset) {
            return Some(Found::Include(inc));
        }
    }
    for u in doc.units.iter().chain(&doc.continuations) {
        if let Some(f) = in_unit(u, offset) {
            return Some(f);
        }
    }
    for s in &doc.summaries {
        if !within(s.span, offset) {
            continue;
        }
        if let Some(Amount::Figure(n)) = &s.total {
            if within(n.span, offset) {
                return Some(Found::Figure(n, FigureOf::SummaryTotal(s)));
            }
        }
        for row in &s.rows {
            if !within(row.span, offset) {
                continue;
            }
            if let Some(n) = number_at(&row.amount, offset) {
                return Some(Found::Figure(n, FigureOf::SummaryRow(s, row)));
            }
            return Some(Found::SummaryRow(s, row));
        }
    }
    None
}

fn in_unit(u: &Unit, offset: usize) -> Option<Found<'_>> {
    if !within(u.span, offset) {
        return None;
    }
    for c in &u.children {
        if let Some(f) = in_unit(c, offset) {
            return Some(f);
        }
    }
    if on(&u.name, offset) || u.code.as_ref().is_some_and(|c| on(c, offset)) {
        return Some(Found::Unit(u));
    }
    if let Some(p) = &u.parent {
        if on(p, offset) {
            return Some(Found::Parent(u, p));
        }
    }
    let owner = Owner::Unit(u);
    if let Some(b) = &u.budget {
        if let Some(n) = number_at(&b.total, offset) {
            return Some(Found::Figure(n, FigureOf::Budget(u)));
        }
        if let Some(f) = in_breakdowns(owner, &b.total, TotalOf::Budget, &b.breakdowns, offset) {
            return Some(f);
        }
    }
    if let Some(f) = in_lines(owner, None, &u.amounts, offset) {
        return Some(f);
    }
    for t in &u.indicators {
        if let Some(f) = in_tree(owner, t, offset) {
            return Some(f);
        }
    }
    for p in &u.projects {
        if !within(p.span, offset) {
            continue;
        }
        if on(&p.name, offset) || p.code.as_ref().is_some_and(|c| on(c, offset)) {
            return Some(Found::Project(u, p));
        }
        if let Some(n) = number_at(&p.amount, offset) {
            return Some(Found::Figure(n, FigureOf::Project(u, p)));
        }
        let owner = Owner::Project(u, p);
        if let Some(f) = in_breakdowns(owner, &p.amount, TotalOf::Project, &p.breakdowns, offset) {
            return Some(f);
        }
        if let Some(f) = in_lines(owner, None, &p.amounts, offset) {
            return Some(f);
        }
        for t in &p.indicators {
            if let Some(f) = in_tree(owner, t, offset) {
                return Some(f);
            }
        }
    }
    None
}

fn in_breakdowns<'a>(
    owner: Owner<'a>,
    total: &'a Amount,
    total_of: TotalOf<'a>,
    breakdowns: &'a [Breakdown],
    offset: usize,
) -> Option<Found<'a>> {
    for b in breakdowns {
        if !within(b.span, offset) {
            continue;
        }
        let parent = Parent {
            total,
            total_of,
            breakdown: b,
        };
        if let Some(f) = in_lines(owner, Some(parent), &b.lines, offset) {
            return Some(f);
        }
    }
    None
}

fn in_lines<'a>(
    owner: Owner<'a>,
    parent: Option<Parent<'a>>,
    lines: &'a [Line],
    offset: usize,
) -> Option<Found<'a>> {
    for l in lines {
        if !within(l.span, offset) {
            continue;
        }
        if let Some(n) = number_at(&l.amount, offset) {
            return Some(Found::Figure(n, FigureOf::Line(owner, l, parent)));
        }
        if on(&l.name, offset) || l.code.as_ref().is_some_and(|c| on(c, offset)) {
            return Some(Found::Line(owner, l, parent));
        }
        if let Some(f) = in_breakdowns(
            owner,
            &l.amount,
            TotalOf::Line(&l.name.node),
            &l.breakdowns,
            offset,
        ) {
            return Some(f);
        }
    }
    None
}

fn in_tree<'a>(owner: Owner<'a>, t: &'a IndicatorTree, offset: usize) -> Option<Found<'a>> {
    if !within(t.span, offset) {
        return None;
    }
    let mut path: Vec<&IndicatorGroup> = Vec::new();
    let mut nodes = &t.nodes;
    'descend: loop {
        for n in nodes {
            match n {
                IndicatorNode::Group(g) if within(g.span, offset) => {
                    path.push(g);
                    if on(&g.name, offset) {
                        return Some(Found::Tier(owner, path));
                    }
                    nodes = &g.children;
                    continue 'descend;
                }
                IndicatorNode::Leaf(i) if within(i.span, offset) => {
                    return Some(Found::Indicator(owner, path, i));
                }
                _ => {}
            }
        }
        return None;
    }
}

/// Every unit of a document, depth first.
pub fn units(doc: &Document) -> Vec<&Unit> {
    fn push<'a>(u: &'a Unit, out: &mut Vec<&'a Unit>) {
        out.push(u);
        for c in &u.children {
            push(c, out);
        }
    }
    let mut out = Vec::new();
    for u in &doc.units {
        push(u, &mut out);
    }
    out
}

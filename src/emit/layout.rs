//! The official table layouts as data, shared by the HTML and XLSX
//! backends: a document becomes pages (one per unit, one per summary
//! table), a page holds tables, a table is a header block, grids and a
//! footer made of rows of cells with HTML-style `colspan`/`rowspan`.
//!
//! Everything here is rendered from the resolved model ([`Document`]):
//! the header with its defaults, the units, rollup members and where each
//! indicator stands (its 一级 and 二级, as the tier checker placed it; a
//! missing tier is a blank cell). Figures and names are read from the tree
//! as written. Nothing is summed or re-checked: amounts are shown as stated,
//! and the findings of the run (the diagnostics passed in) are attached to
//! the rows they point at.

use std::collections::HashMap;

use rust_decimal::Decimal;

use crate::ast::*;
use crate::diag::Diagnostic;
use crate::emit::text::{
    attr, basis_text, grouped, number_text, period_text, prop_text, type_cell, value_cells,
};
use crate::model::{Document, TierRow};
use crate::project::Group;
use crate::source::SourceMap;

/// How a cell is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Style {
    /// A row label of a header block (部门名称, 资金总额 …).
    Label,
    /// A column header of a grid.
    Header,
    /// A full-width heading inside a table (年度绩效指标).
    Section,
    /// Ordinary text, left aligned, wrapped.
    Text,
    /// Short text, centred (tier names, comparison, unit of measure).
    Center,
    /// Money, right aligned, with thousands separators.
    Amount,
    /// Money in a wide cell, left aligned.
    AmountLeft,
    /// An indicator's numeric value, centred.
    Number,
}

/// One cell. `value` carries the exact number of an amount or a numeric
/// indicator value (with the number of decimals to show), so that a
/// spreadsheet can store a number rather than text.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub text: String,
    pub style: Style,
    pub colspan: usize,
    pub rowspan: usize,
    pub value: Option<(Decimal, u32)>,
    /// Indentation level of a nested budget line.
    pub indent: u8,
    /// A CSS class naming the column (`t1`, `t2`, `ind` …), empty if none.
    pub class: &'static str,
}

impl Cell {
    fn new(text: impl Into<String>, style: Style) -> Cell {
        Cell {
            text: text.into(),
            style,
            colspan: 1,
            rowspan: 1,
            value: None,
            indent: 0,
            class: "",
        }
    }
    pub fn label(text: impl Into<String>) -> Cell {
        Cell::new(text, Style::Label)
    }
    pub fn header(text: impl Into<String>) -> Cell {
        Cell::new(text, Style::Header)
    }
    pub fn section(text: impl Into<String>) -> Cell {
        Cell::new(text, Style::Section)
    }
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::new(text, Style::Text)
    }
    pub fn center(text: impl Into<String>) -> Cell {
        Cell::new(text, Style::Center)
    }
    /// An amount cell at the document's precision (or finer, if the figure
    /// is written finer). A blank amount gives an empty cell.
    pub fn amount(a: &Amount, precision: u32) -> Cell {
        let mut c = Cell::new(String::new(), Style::Amount);
        if let Some(m) = a.mark() {
            c.text = m.text().to_string();
        }
        if let Some(n) = a.number() {
            if let Some(v) = n.value {
                let scale = n.scale.max(precision);
                c.text = grouped(v, scale);
                c.value = Some((v, scale));
            }
        }
        c
    }
    pub fn span(mut self, cols: usize) -> Cell {
        self.colspan = cols.max(1);
        self
    }
    pub fn rows(mut self, rows: usize) -> Cell {
        self.rowspan = rows.max(1);
        self
    }
    pub fn style(mut self, style: Style) -> Cell {
        self.style = style;
        self
    }
    pub fn indent(mut self, level: usize) -> Cell {
        self.indent = level.min(8) as u8;
        self
    }
    pub fn class(mut self, class: &'static str) -> Cell {
        self.class = class;
        self
    }
}

#[derive(Clone, Debug, Default)]
pub struct Row<'a> {
    pub cells: Vec<Cell>,
    /// A CSS class for the row (`ind` for an indicator row …).
    pub class: &'static str,
    /// The findings that point at what this row shows.
    pub findings: Vec<&'a Diagnostic>,
}

impl<'a> Row<'a> {
    pub fn new(cells: Vec<Cell>) -> Row<'a> {
        Row {
            cells,
            class: "",
            findings: Vec::new(),
        }
    }
    fn class(mut self, class: &'static str) -> Row<'a> {
        self.class = class;
        self
    }
    fn findings(mut self, f: &[&'a Diagnostic]) -> Row<'a> {
        self.findings.extend_from_slice(f);
        self
    }
}

/// A grid: column header rows (repeated on every printed page) and rows.
#[derive(Clone, Debug)]
pub struct Grid<'a> {
    /// `indicators`, `detail`, `members` or `summary`.
    pub kind: &'static str,
    pub header: Vec<Row<'a>>,
    pub rows: Vec<Row<'a>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableKind {
    /// 部门（单位）整体支出绩效目标表
    Unit,
    /// 项目支出绩效目标表
    Project,
    /// 汇总表
    Summary,
}

impl TableKind {
    pub fn key(self) -> &'static str {
        match self {
            TableKind::Unit => "unit",
            TableKind::Project => "project",
            TableKind::Summary => "summary",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Table<'a> {
    pub kind: TableKind,
    /// A stable anchor (`u3`, `u3-p1`, `s1`).
    pub id: String,
    pub title: String,
    /// Above the table, left (填报单位：…) and right (金额单位：万元).
    pub left: String,
    pub right: String,
    pub ncols: usize,
    /// Relative column widths (in half-width characters).
    pub widths: Vec<u32>,
    pub head: Vec<Row<'a>>,
    pub grids: Vec<Grid<'a>>,
    pub foot: Vec<Row<'a>>,
    /// Findings about the table's subject as a whole (the unit, the project).
    pub findings: Vec<&'a Diagnostic>,
}

/// What is printed from a new page: a unit with its projects, or a summary.
#[derive(Clone, Debug)]
pub struct Page<'a> {
    /// `unit` or `summary`.
    pub kind: &'static str,
    /// The unit's (or summary's) name.
    pub name: String,
    pub code: Option<String>,
    pub tables: Vec<Table<'a>>,
}

#[derive(Clone, Debug)]
pub struct Layout<'a> {
    pub title: String,
    pub year: Option<i32>,
    pub money: String,
    pub precision: u32,
    pub pages: Vec<Page<'a>>,
    /// Every finding of the document, in source order.
    pub findings: Vec<&'a Diagnostic>,
}

/// The diagnostics of one document (those whose primary location is in one
/// of its files), in the order given.
pub fn document_findings<'a>(group: &Group, diags: &'a [Diagnostic]) -> Vec<&'a Diagnostic> {
    diags
        .iter()
        .filter(|d| {
            d.primary_span()
                .is_some_and(|s| group.files.contains(&s.file))
        })
        .collect()
}

/// Which optional indicator columns a table needs.
#[derive(Clone, Copy, Debug, Default)]
pub struct Optional {
    pub standard: bool,
    pub weight: bool,
    pub note: bool,
}

impl Optional {
    fn of(rows: &[TierRow]) -> Optional {
        let has = |k: AttrKey| {
            rows.iter()
                .filter_map(|r| r.indicator)
                .any(|i| i.attrs.iter().any(|a| a.key.node == k))
        };
        Optional {
            standard: has(AttrKey::Standard),
            weight: has(AttrKey::Weight),
            note: has(AttrKey::Note),
        }
    }
    fn columns(&self) -> Vec<(&'static str, u32, AttrKey)> {
        let mut v = Vec::new();
        if self.standard {
            v.push(("绩效标准", 10, AttrKey::Standard));
        }
        if self.weight {
            v.push(("分值", 6, AttrKey::Weight));
        }
        if self.note {
            v.push(("备注", 12, AttrKey::Note));
        }
        v
    }
}

/// The base columns of an indicator grid and their relative widths.
const GRID_COLUMNS: [(&str, u32); 8] = [
    ("一级指标", 12),
    ("二级指标", 12),
    ("三级指标", 24),
    ("指标值类型", 10),
    ("指标值", 10),
    ("计量单位", 8),
    ("指标解释", 22),
    ("评(扣)分标准", 16),
];

fn grid_widths(opt: &Optional) -> Vec<u32> {
    GRID_COLUMNS
        .iter()
        .map(|c| c.1)
        .chain(opt.columns().iter().map(|c| c.1))
        .collect()
}

fn indicator_grid<'a>(
    rows: &[TierRow<'a>],
    opt: &Optional,
    ncols: usize,
    findings: &Findings<'a>,
    sources: &SourceMap,
) -> Grid<'a> {
    let mut header = vec![Row::new(vec![Cell::section("年度绩效指标").span(ncols)])];
    header.push(Row::new(
        GRID_COLUMNS
            .iter()
            .map(|c| c.0)
            .chain(opt.columns().iter().map(|c| c.0))
            .map(Cell::header)
            .collect(),
    ));
    let extra = opt.columns();
    let mut out = Vec::with_capacity(rows.len());
    for (idx, r) in rows.iter().enumerate() {
        let mut cells = Vec::new();
        // 一级: merged over the run of rows with the same 一级 (blank runs too).
        let first1 = idx == 0 || rows[idx - 1].tier1_key() != r.tier1_key();
        if first1 {
            let n = rows[idx..]
                .iter()
                .take_while(|x| x.tier1_key() == r.tier1_key())
                .count();
            cells.push(Cell::center(r.tier1_name()).rows(n).class("t1"));
        }
        let same2 = |x: &TierRow| x.tier1_key() == r.tier1_key() && x.tier2_key() == r.tier2_key();
        let first2 = idx == 0 || !same2(&rows[idx - 1]);
        if first2 {
            let n = rows[idx..].iter().take_while(|x| same2(x)).count();
            cells.push(Cell::center(r.tier2_name()).rows(n).class("t2"));
        }
        match r.indicator {
            Some(i) => {
                let v = value_cells(i, sources);
                cells.push(Cell::text(i.name.node.clone()).class("ind"));
                cells.push(Cell::center(type_cell(i)).class("cmp"));
                let mut vc = Cell::center(v.value).class("val");
                if let Some(n) = v.number {
                    vc.value = Some(n);
                    vc.style = Style::Number;
                }
                cells.push(vc);
                cells.push(Cell::center(v.unit).class("uom"));
                cells.push(Cell::text(attr(i, AttrKey::Explain)).class("exp"));
                cells.push(Cell::text(attr(i, AttrKey::Scoring)).class("sco"));
                for (_, _, k) in &extra {
                    cells.push(Cell::text(attr(i, *k)));
                }
            }
            None => {
                cells.push(Cell::text("").class("ind"));
                for _ in 0..5 + extra.len() {
                    cells.push(Cell::text(""));
                }
            }
        }
        let f = r.span().map(|s| findings.at(s)).unwrap_or_default();
        out.push(Row::new(cells).class("ind").findings(f));
    }
    Grid {
        kind: "indicators",
        header,
        rows: out,
    }
}

// ------------------------------------------------------------ findings

/// The findings of a document, each attached to the smallest thing shown
/// in a table that contains one of its primary locations (a grouped
/// finding has one at each place).
pub struct Findings<'a> {
    pub list: Vec<&'a Diagnostic>,
    at: HashMap<Span, Vec<&'a Diagnostic>>,
}

impl<'a> Findings<'a> {
    pub fn new(doc: &Document<'a>, diags: &'a [Diagnostic]) -> Findings<'a> {
        let list = document_findings(doc.group, diags);
        let mut spans = Vec::new();
        for u in &doc.units {
            unit_spans(u, &mut spans);
        }
        for s in &doc.summaries {
            spans.push(s.span);
            spans.extend(s.rows.iter().map(|r| r.span));
        }
        let mut at: HashMap<Span, Vec<&'a Diagnostic>> = HashMap::new();
        for d in &list {
            // A grouped finding has a primary label at each of its places.
            for p in d.labels.iter().filter(|l| l.primary).map(|l| l.span) {
                let best = spans
                    .iter()
                    .filter(|s| s.file == p.file && s.start <= p.start && p.end <= s.end)
                    .min_by_key(|s| s.end - s.start);
                if let Some(s) = best {
                    let here = at.entry(*s).or_default();
                    if !here.iter().any(|x| std::ptr::eq(*x, *d)) {
                        here.push(d);
                    }
                }
            }
        }
        Findings { list, at }
    }

    /// The findings attached to exactly this span.
    pub fn at(&self, span: Span) -> &[&'a Diagnostic] {
        self.at.get(&span).map_or(&[], Vec::as_slice)
    }
}

fn unit_spans(u: &Unit, out: &mut Vec<Span>) {
    out.push(u.span);
    if let Some(b) = &u.budget {
        out.push(b.span);
        breakdown_spans(&b.breakdowns, out);
    }
    for l in &u.amounts {
        line_spans(l, out);
    }
    tree_spans(&u.indicators, out);
    for p in &u.projects {
        out.push(p.span);
        breakdown_spans(&p.breakdowns, out);
        for l in &p.amounts {
            line_spans(l, out);
        }
        tree_spans(&p.indicators, out);
    }
    for c in &u.children {
        unit_spans(c, out);
    }
}

fn breakdown_spans(bs: &[Breakdown], out: &mut Vec<Span>) {
    for b in bs {
        for l in &b.lines {
            line_spans(l, out);
        }
    }
}

fn line_spans(l: &Line, out: &mut Vec<Span>) {
    out.push(l.span);
    breakdown_spans(&l.breakdowns, out);
}

fn tree_spans(trees: &[IndicatorTree], out: &mut Vec<Span>) {
    fn nodes(ns: &[IndicatorNode], out: &mut Vec<Span>) {
        for n in ns {
            match n {
                IndicatorNode::Leaf(i) => out.push(i.span),
                IndicatorNode::Group(g) => {
                    out.push(g.span);
                    nodes(&g.children, out);
                }
            }
        }
    }
    for t in trees {
        nodes(&t.nodes, out);
    }
}

// ------------------------------------------------------------ the layout

struct Ctx<'a> {
    doc: &'a Document<'a>,
    precision: u32,
    money: String,
    year: Option<i32>,
    findings: Findings<'a>,
}

impl Ctx<'_> {
    fn year_prefix(&self) -> String {
        self.year.map(|y| format!("{y}年")).unwrap_or_default()
    }
    fn money_note(&self) -> String {
        format!("金额单位：{}", self.money)
    }
}

/// Lay out a document: its summary tables first, then one page per unit
/// (the unit's table followed by its projects' tables).
pub fn layout<'a>(
    doc: &'a Document<'a>,
    diags: &'a [Diagnostic],
    fallback_title: &str,
) -> Layout<'a> {
    let h = &doc.header;
    let ctx = Ctx {
        doc,
        precision: h.precision,
        money: h.money.clone(),
        year: h.year,
        findings: Findings::new(doc, diags),
    };
    let mut pages = Vec::new();
    for (i, s) in doc.summaries.iter().copied().enumerate() {
        pages.push(Page {
            kind: "summary",
            name: s.name.node.clone(),
            code: None,
            tables: vec![summary_table(s, &format!("s{}", i + 1), &ctx)],
        });
    }
    for (i, u) in doc.units.iter().copied().enumerate() {
        let id = format!("u{}", i + 1);
        let mut tables = vec![unit_table(u, &id, &ctx)];
        for (j, p) in u.projects.iter().enumerate() {
            tables.push(project_table(u, p, &format!("{id}-p{}", j + 1), &ctx));
        }
        pages.push(Page {
            kind: "unit",
            name: u.name.node.clone(),
            code: u.code.as_ref().map(|c| c.node.clone()),
            tables,
        });
    }
    let title = h
        .title
        .clone()
        .unwrap_or_else(|| fallback_title.to_string());
    Layout {
        title,
        year: h.year,
        money: h.money.clone(),
        precision: h.precision,
        findings: ctx.findings.list.clone(),
        pages,
    }
}

fn unit_name(u: &Unit) -> String {
    u.name.node.clone()
}

/// Lines of a breakdown with the lines written in their blocks, depth first.
fn flat_lines<'a>(
    lines: &'a [Line],
    depth: usize,
    all_dims: bool,
    out: &mut Vec<(usize, &'a Line)>,
) {
    for l in lines {
        out.push((depth, l));
        for b in &l.breakdowns {
            if all_dims || b.dimension.node == Dimension::Default {
                flat_lines(&b.lines, depth + 1, all_dims, out);
            }
        }
    }
}

fn breakdown<'a>(bs: &'a [Breakdown], dim: &Dimension) -> Option<&'a Breakdown> {
    bs.iter().find(|b| &b.dimension.node == dim)
}

fn goal_rows<'a>(goals: &[Goal], ncols: usize, unit_level: bool) -> Vec<Row<'a>> {
    let mut kinds: Vec<GoalKind> = Vec::new();
    for g in goals {
        if !kinds.contains(&g.kind) {
            kinds.push(g.kind);
        }
    }
    kinds
        .into_iter()
        .map(|k| {
            let label = match k {
                GoalKind::Overall if unit_level => "整体绩效目标",
                GoalKind::Overall => "绩效目标",
                GoalKind::Term => "实施期绩效目标",
                GoalKind::Annual => "年度绩效目标",
            };
            let text: Vec<&str> = goals
                .iter()
                .filter(|g| g.kind == k)
                .map(|g| g.text.node.as_str())
                .collect();
            Row::new(vec![
                Cell::label(label),
                Cell::text(text.join("\n")).span(ncols - 1),
            ])
            .class("goal")
        })
        .collect()
}

fn property_rows<'a>(props: &[Property], ncols: usize) -> Vec<Row<'a>> {
    props
        .iter()
        .map(|p| {
            Row::new(vec![
                Cell::label(p.key.node.clone()),
                Cell::text(prop_text(&p.value.node)).span(ncols - 1),
            ])
            .class("prop")
        })
        .collect()
}

fn unit_table<'a>(u: &'a Unit, id: &str, ctx: &Ctx<'a>) -> Table<'a> {
    let rows = ctx.doc.tier_rows(&u.indicators);
    let opt = Optional::of(&rows);
    let widths = grid_widths(&opt);
    let n = widths.len();
    let p = ctx.precision;
    let mut head: Vec<Row<'a>> = Vec::new();

    head.push(
        Row::new(vec![
            Cell::label("部门（单位）名称"),
            Cell::text(unit_name(u)).span(n - 1).class("unit-name"),
        ])
        .class("name"),
    );
    if let Some(c) = &u.code {
        head.push(Row::new(vec![
            Cell::label("单位编码"),
            Cell::text(c.node.clone()).span(n - 1),
        ]));
    }

    // 年度预算申请: 资金总额, then income and expense side by side.
    let budget_label = format!("年度预算申请（{}）", ctx.money);
    match &u.budget {
        None => head.push(Row::new(vec![
            Cell::label(budget_label),
            Cell::label("资金总额").span(2),
            Cell::text("").style(Style::AmountLeft).span(n - 3),
        ])),
        Some(b) => {
            let mut inc = Vec::new();
            let mut exp = Vec::new();
            if let Some(x) = breakdown(&b.breakdowns, &Dimension::Income) {
                flat_lines(&x.lines, 0, false, &mut inc);
            }
            if let Some(x) = breakdown(&b.breakdowns, &Dimension::Expense) {
                flat_lines(&x.lines, 0, false, &mut exp);
            }
            let sides = !inc.is_empty() || !exp.is_empty();
            let lines = inc.len().max(exp.len());
            let span = if sides { 2 + lines } else { 1 };
            head.push(
                Row::new(vec![
                    Cell::label(budget_label).rows(span),
                    Cell::label("资金总额").span(2),
                    Cell::amount(&b.total, p)
                        .style(Style::AmountLeft)
                        .span(n - 3)
                        .class("total"),
                ])
                .class("total")
                .findings(ctx.findings.at(b.span)),
            );
            if sides {
                head.push(Row::new(vec![
                    Cell::header("按收入性质分").span(3),
                    Cell::header("按支出性质分").span(n - 4),
                ]));
                for k in 0..lines {
                    let mut cells = Vec::new();
                    let mut f: Vec<&'a Diagnostic> = Vec::new();
                    match inc.get(k) {
                        Some((d, l)) => {
                            cells.push(Cell::text(l.name.node.clone()).span(2).indent(*d));
                            cells.push(Cell::amount(&l.amount, p));
                            f.extend(ctx.findings.at(l.span));
                        }
                        None => {
                            cells.push(Cell::text("").span(2));
                            cells.push(Cell::text("").style(Style::Amount));
                        }
                    }
                    match exp.get(k) {
                        Some((d, l)) => {
                            cells.push(Cell::text(l.name.node.clone()).span(n - 5).indent(*d));
                            cells.push(Cell::amount(&l.amount, p));
                            f.extend(ctx.findings.at(l.span));
                        }
                        None => {
                            cells.push(Cell::text("").span(n - 5));
                            cells.push(Cell::text("").style(Style::Amount));
                        }
                    }
                    head.push(Row::new(cells).class("nature").findings(&f));
                }
            }
        }
    }

    if !u.duties.is_empty() {
        let text: Vec<&str> = u.duties.iter().map(|d| d.node.as_str()).collect();
        head.push(Row::new(vec![
            Cell::label("部门职责概述"),
            Cell::text(text.join("\n")).span(n - 1),
        ]));
    }
    if !u.staff.is_empty() {
        let text: Vec<String> = u
            .staff
            .iter()
            .map(|s| {
                let unit = s.unit.as_ref().map(|x| x.node.as_str()).unwrap_or("");
                format!("{} {}{}", s.name.node, number_text(&s.count), unit)
                    .trim_end()
                    .to_string()
            })
            .collect();
        head.push(Row::new(vec![
            Cell::label("人员情况"),
            Cell::text(text.join("；")).span(n - 1),
        ]));
    }
    if !u.plans.is_empty() {
        head.push(Row::new(vec![
            Cell::label("年度重点工作计划").rows(u.plans.len() + 1),
            Cell::header("事项").span(2),
            Cell::header("责任单位/科室").span(2),
            Cell::header("工作目标").span(n - 5),
        ]));
        for pl in &u.plans {
            head.push(
                Row::new(vec![
                    Cell::text(pl.item.node.clone()).span(2),
                    Cell::text(
                        pl.owner
                            .as_ref()
                            .map(|o| o.node.clone())
                            .unwrap_or_default(),
                    )
                    .span(2),
                    Cell::text(pl.goal.as_ref().map(|o| o.node.clone()).unwrap_or_default())
                        .span(n - 5),
                ])
                .class("plan"),
            );
        }
    }
    head.extend(goal_rows(&u.goals, n, true));

    let mut grids = Vec::new();
    if !rows.is_empty() || !u.rollup {
        grids.push(indicator_grid(
            &rows,
            &opt,
            n,
            &ctx.findings,
            &ctx.doc.project.sources,
        ));
    }
    // A rollup (系统) lists its member units with their own totals.
    let members = ctx.doc.members(u);
    if u.rollup {
        let mut mrows = Vec::new();
        for (k, m) in members.iter().enumerate() {
            let total = m
                .budget
                .as_ref()
                .map(|b| Cell::amount(&b.total, p))
                .unwrap_or_else(|| Cell::text("").style(Style::Amount));
            mrows.push(
                Row::new(vec![
                    Cell::center((k + 1).to_string()),
                    Cell::center(m.code.as_ref().map(|c| c.node.clone()).unwrap_or_default()),
                    Cell::text(m.name.node.clone()).span(n - 3),
                    total,
                ])
                .class("member"),
            );
        }
        grids.push(Grid {
            kind: "members",
            header: vec![
                Row::new(vec![Cell::section("所属单位").span(n)]),
                Row::new(vec![
                    Cell::header("序号"),
                    Cell::header("单位编码"),
                    Cell::header("单位名称").span(n - 3),
                    Cell::header(format!("资金总额（{}）", ctx.money)),
                ]),
            ],
            rows: mrows,
        });
    }

    let foot = property_rows(&u.properties, n);
    let title = format!("{}部门（单位）整体支出绩效目标表", ctx.year_prefix());
    Table {
        kind: TableKind::Unit,
        id: id.to_string(),
        title,
        left: format!("填报单位：{}", unit_name(u)),
        right: ctx.money_note(),
        ncols: n,
        widths,
        head,
        grids,
        foot,
        findings: ctx.findings.at(u.span).to_vec(),
    }
}

fn project_table<'a>(
    u: &'a Unit,
    pr: &'a crate::ast::Project,
    id: &str,
    ctx: &Ctx<'a>,
) -> Table<'a> {
    let rows = ctx.doc.tier_rows(&pr.indicators);
    let opt = Optional::of(&rows);
    let widths = grid_widths(&opt);
    let n = widths.len();
    let p = ctx.precision;
    let mut head: Vec<Row<'a>> = Vec::new();
    head.push(
        Row::new(vec![
            Cell::label("项目名称"),
            Cell::text(pr.name.node.clone())
                .span(n - 1)
                .class("project-name"),
        ])
        .class("name"),
    );
    if let Some(c) = &pr.code {
        head.push(Row::new(vec![
            Cell::label("项目编码"),
            Cell::text(c.node.clone()).span(n - 1),
        ]));
    }
    head.push(
        Row::new(vec![
            Cell::label(format!("项目金额（{}）", ctx.money)),
            Cell::amount(&pr.amount, p)
                .style(Style::AmountLeft)
                .span(n - 1)
                .class("total"),
        ])
        .class("total"),
    );
    if let Some(per) = &pr.period {
        head.push(Row::new(vec![
            Cell::label("项目实施期"),
            Cell::text(period_text(&per.node)).span(n - 1),
        ]));
    }
    if !pr.schedule.is_empty() {
        for (k, s) in pr.schedule.iter().enumerate() {
            let mut cells = Vec::new();
            if k == 0 {
                cells.push(Cell::label("实施进度").rows(pr.schedule.len()));
            }
            cells.push(
                Cell::text(
                    s.content
                        .as_ref()
                        .map(|c| c.node.clone())
                        .unwrap_or_default(),
                )
                .span(4),
            );
            cells.push(Cell::text(period_text(&s.period.node)).span(n - 5));
            head.push(Row::new(cells).class("schedule"));
        }
    }
    // Breakdowns of the project's amount other than the spending detail
    // (资金来源 …), and its other amount trees (上年度安排资金 …).
    let mut blocks: Vec<(String, Vec<(usize, &'a Line)>)> = Vec::new();
    for b in &pr.breakdowns {
        if b.dimension.node == Dimension::Detail {
            continue;
        }
        let mut v = Vec::new();
        flat_lines(&b.lines, 0, true, &mut v);
        blocks.push((b.dimension.node.label().to_string(), v));
    }
    for l in &pr.amounts {
        let mut v = Vec::new();
        flat_lines(std::slice::from_ref(l), 0, true, &mut v);
        blocks.push((l.name.node.clone(), v));
    }
    for (label, lines) in blocks {
        let count = lines.len().max(1);
        for (k, (d, l)) in lines.iter().enumerate() {
            let mut cells = Vec::new();
            if k == 0 {
                cells.push(Cell::label(label.clone()).rows(count));
            }
            cells.push(Cell::text(l.name.node.clone()).span(3).indent(*d));
            cells.push(Cell::amount(&l.amount, p));
            cells.push(Cell::text(basis_text(l)).span(n - 5));
            head.push(
                Row::new(cells)
                    .class("line")
                    .findings(ctx.findings.at(l.span)),
            );
        }
    }
    head.extend(goal_rows(&pr.goals, n, false));

    let mut grids = vec![indicator_grid(
        &rows,
        &opt,
        n,
        &ctx.findings,
        &ctx.doc.project.sources,
    )];
    if let Some(d) = breakdown(&pr.breakdowns, &Dimension::Detail) {
        grids.push(detail_grid(pr, d, n, ctx));
    }
    Table {
        kind: TableKind::Project,
        id: id.to_string(),
        title: format!("{}项目支出绩效目标表", ctx.year_prefix()),
        left: format!("填报单位：{}", unit_name(u)),
        right: ctx.money_note(),
        ncols: n,
        widths,
        head,
        grids,
        foot: property_rows(&pr.properties, n),
        findings: ctx.findings.at(pr.span).to_vec(),
    }
}

/// 支出明细及测算说明: 支出内容简介 | 支出明细 | 金额 | 支出测算依据及过程说明,
/// then 合计 (the project's amount as stated).
fn detail_grid<'a>(
    pr: &'a crate::ast::Project,
    d: &'a Breakdown,
    n: usize,
    ctx: &Ctx<'a>,
) -> Grid<'a> {
    let p = ctx.precision;
    let header = vec![
        Row::new(vec![Cell::section("支出明细及测算说明").span(n)]),
        Row::new(vec![
            Cell::header("支出内容简介").span(2),
            Cell::header("支出明细"),
            Cell::header("金额"),
            Cell::header("支出测算依据及过程说明").span(n - 4),
        ]),
    ];
    let formula = basis_text;
    let mut rows = Vec::new();
    for top in &d.lines {
        let mut sub = Vec::new();
        for b in &top.breakdowns {
            flat_lines(&b.lines, 0, true, &mut sub);
        }
        if sub.is_empty() {
            rows.push(
                Row::new(vec![
                    Cell::text(top.name.node.clone()).span(3),
                    Cell::amount(&top.amount, p),
                    Cell::text(formula(top)).span(n - 4),
                ])
                .class("detail")
                .findings(ctx.findings.at(top.span)),
            );
            continue;
        }
        // A heading line with its own amount shows it on a first row.
        let own = top.amount.value().is_some() || !basis_text(top).is_empty();
        let count = sub.len() + usize::from(own);
        let mut first = true;
        let mut lead = |cells: &mut Vec<Cell>| {
            if first {
                cells.push(Cell::text(top.name.node.clone()).span(2).rows(count));
                first = false;
            }
        };
        if own {
            let mut cells = Vec::new();
            lead(&mut cells);
            cells.push(Cell::text("小计"));
            cells.push(Cell::amount(&top.amount, p));
            cells.push(Cell::text(formula(top)).span(n - 4));
            rows.push(
                Row::new(cells)
                    .class("detail")
                    .findings(ctx.findings.at(top.span)),
            );
        }
        for (depth, l) in sub {
            let mut cells = Vec::new();
            lead(&mut cells);
            cells.push(Cell::text(l.name.node.clone()).indent(depth));
            cells.push(Cell::amount(&l.amount, p));
            cells.push(Cell::text(formula(l)).span(n - 4));
            rows.push(
                Row::new(cells)
                    .class("detail")
                    .findings(ctx.findings.at(l.span)),
            );
        }
    }
    rows.push(
        Row::new(vec![
            Cell::label("合计").span(3),
            // The table's own 合计 when it prints one, else the project's amount.
            Cell::amount(d.total.as_ref().map_or(&pr.amount, |t| &t.amount), p),
            Cell::text("").span(n - 4),
        ])
        .class("sum"),
    );
    Grid {
        kind: "detail",
        header,
        rows,
    }
}

fn summary_table<'a>(s: &'a Summary, id: &str, ctx: &Ctx<'a>) -> Table<'a> {
    let codes = s.rows.iter().any(|r| r.code.is_some());
    let mut widths = vec![8];
    if codes {
        widths.push(12);
    }
    widths.extend([48, 16]);
    let n = widths.len();
    let p = ctx.precision;
    let mut header = vec![Cell::header("序号")];
    if codes {
        header.push(Cell::header("单位编码"));
    }
    header.push(Cell::header("名称"));
    header.push(Cell::header(format!("金额（{}）", ctx.money)));
    let mut rows = Vec::new();
    if let Some(t) = &s.total {
        rows.push(Row::new(vec![Cell::label("合计").span(n - 1), Cell::amount(t, p)]).class("sum"));
    }
    for r in &s.rows {
        let mut cells = vec![Cell::center(
            r.serial
                .as_ref()
                .map(|x| x.node.clone())
                .unwrap_or_default(),
        )];
        if codes {
            cells.push(Cell::center(
                r.code.as_ref().map(|x| x.node.clone()).unwrap_or_default(),
            ));
        }
        cells.push(Cell::text(r.name.node.clone()));
        cells.push(Cell::amount(&r.amount, p));
        rows.push(
            Row::new(cells)
                .class("srow")
                .findings(ctx.findings.at(r.span)),
        );
    }
    Table {
        kind: TableKind::Summary,
        id: id.to_string(),
        title: s.name.node.clone(),
        left: String::new(),
        right: ctx.money_note(),
        ncols: n,
        widths,
        head: Vec::new(),
        grids: vec![Grid {
            kind: "summary",
            header: vec![Row::new(header)],
            rows,
        }],
        foot: Vec::new(),
        findings: ctx.findings.at(s.span).to_vec(),
    }
}

/// Cells placed on a grid of columns, resolving `rowspan` as HTML does: a
/// cell in a later row skips the columns that a cell above still covers.
#[derive(Clone, Debug)]
pub struct Placed<'c> {
    pub row: usize,
    pub col: usize,
    pub cell: &'c Cell,
}

pub fn place_rows<'c>(rows: &[&'c [Cell]], ncols: usize) -> Vec<Placed<'c>> {
    let mut covered: Vec<usize> = vec![0; ncols]; // rows still covered per column
    let mut out = Vec::new();
    for (r, cells) in rows.iter().enumerate() {
        let mut col = 0;
        for cell in cells.iter() {
            while col < ncols && covered[col] > 0 {
                col += 1;
            }
            if col >= ncols {
                break;
            }
            out.push(Placed { row: r, col, cell });
            let end = (col + cell.colspan).min(ncols);
            for c in covered[col..end].iter_mut() {
                *c = (*c).max(cell.rowspan);
            }
            col += cell.colspan;
        }
        for c in covered.iter_mut() {
            *c = c.saturating_sub(1);
        }
    }
    out
}

//! The official tables as data, shared by the HTML and XLSX backends: the
//! forms a document prints ([`crate::forms`], chosen in the model) are
//! rendered into tables of rows of cells with HTML-style
//! `colspan`/`rowspan`.
//!
//! A table is a header block (rows printed once), grids (their column
//! headers are repeated on every printed page) and a footer. Every block
//! of a form is first laid out on its own logical columns, then spread
//! over the table's columns, so that a header block and a grid of
//! different shapes share one grid of columns (a spreadsheet has only
//! one).
//!
//! Everything is rendered from the resolved model ([`Document`]): the
//! header with its defaults, the units, where each indicator stands (its
//! 一级 and 二级, as the tier checker placed it; a missing tier is a blank
//! cell). Figures and names are read from the tree as written. Nothing is
//! summed or re-checked: amounts are shown as stated, a 合计 is the total a
//! table states. Findings are not printed in the tables: they belong to
//! the reviewer.

use rust_decimal::Decimal;

use crate::ast::*;
use crate::check::frameworks::norm;
use crate::diag::Diagnostic;
use crate::emit::text::{
    attr, basis_text, grouped, number_text, period_text, prop_text, type_cell, value_cells,
};
use crate::forms::{
    Block, CodeCols, Col, ColumnChoice, Dim, GridCol, LineTable, Lines, ListCol, ListValue, Part,
    Source, Step, Subject, SumCol, TotalAt, ValueCol, Wide, WideValue,
};
use crate::model::{Chosen, Document, TierRow};
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
    /// An amount cell, with the decimals written (a table prints `60`
    /// where it says 60 and `508.9253` where it says so). A blank amount
    /// gives an empty cell.
    pub fn amount(a: &Amount) -> Cell {
        let mut c = Cell::new(String::new(), Style::Amount);
        if let Some(m) = a.mark() {
            c.text = m.text().to_string();
        }
        if let Some(n) = a.number() {
            if let Some(v) = n.value {
                c.text = grouped(v, n.scale);
                c.value = Some((v, n.scale));
            }
        }
        c
    }
    fn blank_amount() -> Cell {
        Cell::new(String::new(), Style::Amount)
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

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A CSS class for the row (`ind` for an indicator row …).
    pub class: &'static str,
    /// Printed on the same page as the row after it (a heading or the
    /// column headers of a block).
    pub keep: bool,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            class: "",
            keep: false,
        }
    }
    fn class(mut self, class: &'static str) -> Row {
        self.class = class;
        self
    }
    fn keep(mut self) -> Row {
        self.keep = true;
        self
    }
}

/// A grid: column header rows (repeated on every printed page) and rows.
#[derive(Clone, Debug)]
pub struct Grid {
    /// `indicators`, `detail`, `summary`, `projects` or `lines`.
    pub kind: &'static str,
    pub header: Vec<Row>,
    pub rows: Vec<Row>,
}

/// One printed table: one form for one subject.
#[derive(Clone, Debug)]
pub struct Table {
    pub subject: Subject,
    /// The form's name in the catalogue.
    pub form: &'static str,
    /// A stable anchor (`u3`, `u3-p1`, `u3-b2`, `u3-l`, `s1`).
    pub id: String,
    pub title: String,
    /// Lines above the table: left and right.
    pub meta: Vec<(String, String)>,
    /// The unit the table belongs to (empty for a summary).
    pub unit: String,
    /// The name of what the table is for: the unit, project or summary.
    pub name: String,
    pub code: Option<String>,
    pub ncols: usize,
    /// Relative column widths (in half-width characters).
    pub widths: Vec<u32>,
    pub head: Vec<Row>,
    pub grids: Vec<Grid>,
    pub foot: Vec<Row>,
    /// Lines under the table (signatures).
    pub after: Vec<String>,
}

impl Table {
    /// Every row, in order: the header block, each grid's header and rows,
    /// the footer.
    pub fn all_rows(&self) -> Vec<&Row> {
        let mut rows: Vec<&Row> = self.head.iter().collect();
        for g in &self.grids {
            rows.extend(g.header.iter());
            rows.extend(g.rows.iter());
        }
        rows.extend(self.foot.iter());
        rows
    }
}

#[derive(Clone, Debug)]
pub struct Layout<'a> {
    pub title: String,
    pub year: Option<i32>,
    pub money: String,
    pub precision: u32,
    /// Every table, in the order printed.
    pub tables: Vec<Table>,
    /// Every finding of the document, in source order (listed apart from
    /// the tables, on screen).
    pub findings: Vec<&'a Diagnostic>,
}

/// The diagnostics of one document, in the order given: those its checks
/// made ([`Diagnostic::made_in`]), and of what loading found, those whose
/// primary location is in one of its files.
pub fn document_findings<'a>(doc: &Document, diags: &'a [Diagnostic]) -> Vec<&'a Diagnostic> {
    let index = doc
        .project
        .groups
        .iter()
        .position(|g| std::ptr::eq(g, doc.group))
        .and_then(|i| u32::try_from(i).ok());
    // A set: a document of many files has many findings.
    let own: std::collections::HashSet<_> = doc.group.files.iter().collect();
    diags
        .iter()
        .filter(|d| {
            if d.made_in.is_empty() {
                d.primary_span().is_some_and(|s| own.contains(&s.file))
            } else {
                index.is_some_and(|i| d.made_in.contains(&i))
            }
        })
        .collect()
}

/// [`document_findings`] of every document of `model` at once, in one
/// pass over the findings (a pass per document grew with the number of
/// documents times the number of findings).
pub fn findings_by_document<'a>(
    model: &crate::model::Model,
    diags: &'a [Diagnostic],
) -> Vec<Vec<&'a Diagnostic>> {
    let mut documents_of: std::collections::HashMap<crate::ast::FileId, Vec<usize>> =
        std::collections::HashMap::new();
    for (i, doc) in model.documents.iter().enumerate() {
        for f in &doc.group.files {
            documents_of.entry(*f).or_default().push(i);
        }
    }
    let mut out = vec![Vec::new(); model.documents.len()];
    for d in diags {
        if !d.made_in.is_empty() {
            for &i in &d.made_in {
                if let Some(list) = out.get_mut(i as usize) {
                    list.push(d);
                }
            }
            continue;
        }
        let Some(span) = d.primary_span() else {
            continue;
        };
        for &i in documents_of.get(&span.file).map_or(&[][..], Vec::as_slice) {
            out[i].push(d);
        }
    }
    out
}

// ================================================================ the document

struct Ctx<'a> {
    doc: &'a Document<'a>,
    money: String,
    year: Option<i32>,
}

/// What a table is for.
#[derive(Clone, Copy)]
struct Subj<'a> {
    unit: Option<&'a Unit>,
    project: Option<&'a crate::ast::Project>,
    summary: Option<&'a Summary>,
}

/// The property that gives one table its own title, as its publication
/// prints it (岳阳's 1.2 中共岳阳市委政策研究室本级整体支出绩效目标表 for the
/// unit 中共岳阳市委政策研究室).
pub const TABLE_TITLE: [&str; 2] = ["表题", "table_title"];

impl<'a> Subj<'a> {
    /// The title a unit's or a project's own table states for itself.
    fn own_title(&self, subject: Subject) -> Option<String> {
        let props = match subject {
            Subject::Unit if self.project.is_none() && self.summary.is_none() => {
                &self.unit?.properties
            }
            Subject::Project => &self.project?.properties,
            _ => return None,
        };
        props
            .iter()
            .find(|p| TABLE_TITLE.contains(&p.key.node.as_str()))
            .map(|p| prop_text(&p.value.node))
    }

    fn unit(u: &'a Unit) -> Subj<'a> {
        Subj {
            unit: Some(u),
            project: None,
            summary: None,
        }
    }
    fn name(&self) -> String {
        if let Some(p) = self.project {
            return p.name.node.clone();
        }
        if let Some(s) = self.summary {
            return s.name.node.clone();
        }
        self.unit.map(|u| u.name.node.clone()).unwrap_or_default()
    }
    /// A property of the subject, else of its unit.
    fn property(&self, keys: &[&str]) -> Option<&'a PropValue> {
        let own: &[Property] = if let Some(p) = self.project {
            &p.properties
        } else if self.summary.is_some() {
            summary_properties()
        } else {
            &[]
        };
        let unit: &[Property] = self.unit.map_or(&[], |u| u.properties.as_slice());
        keys.iter().find_map(|k| {
            own.iter()
                .chain(unit.iter())
                .find(|p| p.key.node == *k)
                .map(|p| &p.value.node)
        })
    }
}

/// Lay out a document: its forms, in order. Forms of units (the unit's
/// table, its projects', its budget's) that follow one another in the
/// document's list are printed unit by unit; a summary form prints every
/// summary.
pub fn layout<'a>(
    doc: &'a Document<'a>,
    findings: Vec<&'a Diagnostic>,
    fallback_title: &str,
) -> Layout<'a> {
    let h = &doc.header;
    let ctx = Ctx {
        doc,
        money: h.money.clone(),
        year: h.year,
    };
    let mut tables = Vec::new();
    let mut k = 0;
    while k < doc.forms.len() {
        if doc.forms[k].form.subject == Subject::Summary {
            for (i, s) in doc.summaries.iter().copied().enumerate() {
                let subj = Subj {
                    unit: None,
                    project: None,
                    summary: Some(s),
                };
                tables.push(ctx.table(&doc.forms[k], subj, format!("s{}", i + 1)));
            }
            k += 1;
            continue;
        }
        let start = k;
        while k < doc.forms.len() && doc.forms[k].form.subject != Subject::Summary {
            k += 1;
        }
        let run = &doc.forms[start..k];
        for (i, u) in doc.units.iter().copied().enumerate() {
            let uid = format!("u{}", i + 1);
            let mut budget_tables = 0;
            for c in run {
                let subj = Subj::unit(u);
                match c.form.subject {
                    Subject::Unit => {
                        if !u.rollup || !u.indicators.is_empty() || !u.goals.is_empty() {
                            tables.push(ctx.table(c, subj, uid.clone()));
                        }
                    }
                    Subject::Project => {
                        for (j, p) in u.projects.iter().enumerate() {
                            let subj = Subj {
                                project: Some(p),
                                ..subj
                            };
                            tables.push(ctx.table(c, subj, format!("{uid}-p{}", j + 1)));
                        }
                    }
                    Subject::Projects => {
                        if !u.projects.is_empty() {
                            tables.push(ctx.table(c, subj, format!("{uid}-l")));
                        }
                    }
                    Subject::Budget => {
                        if u.budget.is_some() || !u.amounts.is_empty() {
                            budget_tables += 1;
                            tables.push(ctx.table(c, subj, format!("{uid}-b{budget_tables}")));
                        }
                    }
                    Subject::Summary => {}
                }
            }
        }
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
        tables,
        findings,
    }
}

// ================================================================ a table

/// A block laid out on its own columns: relative widths, header rows
/// (repeated on every printed page when the block is a grid) and rows.
struct Logical {
    hints: Vec<u32>,
    header: Vec<Row>,
    rows: Vec<Row>,
    kind: &'static str,
}

impl Logical {
    fn cols(&self) -> usize {
        self.hints.len().max(1)
    }
}

impl<'a> Ctx<'a> {
    fn table(&self, chosen: &Chosen, s: Subj<'a>, id: String) -> Table {
        let form = chosen.form;
        let columned = crate::forms::columned(form).map(|b| b as *const Block);
        let body: Vec<Logical> = form
            .body
            .iter()
            .map(|b| fit_amounts(self.block(b, s, chosen, columned)))
            .collect();
        let head: Vec<(&Part, Logical)> = form
            .head
            .iter()
            .map(|p| (p, self.block(&p.block, s, chosen, columned)))
            .collect();
        let foot: Vec<(&Part, Logical)> = form
            .foot
            .iter()
            .map(|p| (p, self.block(&p.block, s, chosen, columned)))
            .collect();

        // Label columns of the header block and footer: a group column,
        // then a label column.
        let parts = head.iter().chain(foot.iter());
        let grouped = parts.clone().any(|(p, _)| p.group.is_some());
        let labelled = parts.clone().any(|(p, _)| p.label.is_some());
        let label_cols = usize::from(grouped) + usize::from(labelled || grouped);
        let needed = body
            .iter()
            .map(Logical::cols)
            .chain(
                head.iter()
                    .chain(foot.iter())
                    .map(|(_, l)| l.cols() + label_cols),
            )
            .max()
            .unwrap_or(1);
        let widths: Vec<u32> = if form.widths.len() >= needed {
            form.widths.to_vec()
        } else if let Some(b) = body
            .iter()
            .filter(|b| b.cols() == needed)
            .max_by_key(|b| b.cols())
        {
            b.hints.clone()
        } else {
            let mut w = vec![10; label_cols];
            if let Some((_, l)) = head
                .iter()
                .chain(foot.iter())
                .find(|(_, l)| l.cols() + label_cols == needed)
            {
                w.extend(l.hints.iter().copied());
            }
            w.resize(needed, 12);
            w
        };
        let ncols = widths.len();

        let head_rows = self.parts(&head, label_cols, &widths);
        let foot_rows = self.parts(&foot, label_cols, &widths);
        let grids = body
            .into_iter()
            .map(|b| {
                let bounds = spread(&b.hints, &widths);
                Grid {
                    kind: b.kind,
                    header: respread(&b.header, &bounds),
                    rows: respread(&b.rows, &bounds),
                }
            })
            .collect();

        let unit = s.unit.map(|u| u.name.node.clone()).unwrap_or_default();
        Table {
            subject: form.subject,
            form: form.name,
            id,
            title: s
                .own_title(form.subject)
                .unwrap_or_else(|| self.pattern(chosen.title(), s)),
            meta: form
                .meta
                .iter()
                .map(|(l, r)| (self.pattern(l, s), self.pattern(r, s)))
                .collect(),
            unit,
            name: s.name(),
            code: s
                .unit
                .filter(|_| s.project.is_none() && s.summary.is_none())
                .and_then(|u| u.code.as_ref().map(|c| c.node.clone())),
            ncols,
            widths,
            head: head_rows,
            grids,
            foot: foot_rows,
            after: form.after.iter().map(|p| self.pattern(p, s)).collect(),
        }
    }

    /// Header-block parts: each part's rows spread over the columns right
    /// of its labels, its label merged over its rows, consecutive parts of
    /// one group under one merged group cell.
    fn parts(&self, parts: &[(&Part, Logical)], label_cols: usize, widths: &[u32]) -> Vec<Row> {
        let mut out: Vec<Row> = Vec::new();
        let mut k = 0;
        while k < parts.len() {
            let group = parts[k].0.group;
            let mut end = k + 1;
            if group.is_some() {
                while end < parts.len() && parts[end].0.group == group {
                    end += 1;
                }
            }
            let group_rows: usize = parts[k..end]
                .iter()
                .map(|(_, l)| (l.header.len() + l.rows.len()).max(1))
                .sum();
            for (i, (p, l)) in parts[k..end].iter().enumerate() {
                let mut rows: Vec<Row> = l.header.iter().chain(l.rows.iter()).cloned().collect();
                if rows.is_empty() {
                    rows.push(Row::new(vec![Cell::text("")]));
                }
                let n = rows.len();
                let mut lead = Vec::new();
                if let (Some(g), 0) = (group, i) {
                    lead.push(Cell::label(g).rows(group_rows).class("grp"));
                }
                let start = match (p.group.is_some(), p.label) {
                    (true, Some(lab)) => {
                        lead.push(Cell::label(self.pattern(lab, Subj::none())).rows(n));
                        label_cols
                    }
                    (true, None) => 1,
                    (false, Some(lab)) => {
                        lead.push(
                            Cell::label(self.pattern(lab, Subj::none()))
                                .rows(n)
                                .span(label_cols),
                        );
                        label_cols
                    }
                    (false, None) => 0,
                };
                let bounds = spread(&l.hints, &widths[start..]);
                let mut spread_rows = respread(&rows, &bounds);
                if let Some(first) = spread_rows.first_mut() {
                    lead.append(&mut first.cells);
                    first.cells = lead;
                }
                out.extend(spread_rows);
            }
            k = end;
        }
        out
    }

    // ------------------------------------------------------------ patterns

    /// A pattern with its placeholders filled in.
    fn pattern(&self, p: &str, s: Subj<'a>) -> String {
        let mut out = String::new();
        let mut rest = p;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let Some(j) = after.find('}') else {
                out.push_str(&rest[i..]);
                return out;
            };
            let key = &after[..j];
            match key {
                "年" | "year" => {
                    out.push_str(&self.year.map(|y| y.to_string()).unwrap_or_default())
                }
                "单位" | "unit" => {
                    out.push_str(&s.unit.map(|u| u.name.node.clone()).unwrap_or_default())
                }
                "项目" | "project" => {
                    out.push_str(&s.project.map(|p| p.name.node.clone()).unwrap_or_default())
                }
                "名称" | "name" => out.push_str(&s.name()),
                "金额单位" | "money" => out.push_str(&self.money),
                k if k.starts_with("属性:") || k.starts_with("property:") => {
                    let keys: Vec<&str> =
                        k.split_once(':').map_or("", |x| x.1).split('|').collect();
                    let v = s.property(&keys).map(prop_text).unwrap_or_default();
                    let v = if v.is_empty() && keys.contains(&"单位") {
                        s.unit.map(|u| u.name.node.clone()).unwrap_or_default()
                    } else {
                        v
                    };
                    out.push_str(&v);
                }
                _ => {
                    out.push('{');
                    out.push_str(key);
                    out.push('}');
                }
            }
            rest = &after[j + 1..];
        }
        out.push_str(rest);
        out
    }

    // ------------------------------------------------------------ sources

    /// The cell a source gives, empty when there is nothing to show.
    fn source(&self, src: &Source, s: Subj<'a>) -> Cell {
        let text = |t: String| Cell::text(t);
        match src {
            Source::UnitName => {
                text(s.unit.map(|u| u.name.node.clone()).unwrap_or_default()).class("unit-name")
            }
            Source::UnitCode => Cell::center(
                s.unit
                    .and_then(|u| u.code.as_ref().map(|c| c.node.clone()))
                    .unwrap_or_default(),
            ),
            Source::ProjectName => text(s.project.map(|x| x.name.node.clone()).unwrap_or_default())
                .class("project-name"),
            Source::ProjectCode => text(
                s.project
                    .and_then(|x| x.code.as_ref().map(|c| c.node.clone()))
                    .unwrap_or_default(),
            ),
            Source::ProjectAmount => s
                .project
                .map(|x| Cell::amount(&x.amount).style(Style::AmountLeft))
                .unwrap_or_else(|| text(String::new())),
            Source::BudgetTotal => s
                .unit
                .and_then(|u| u.budget.as_ref())
                .map(|b| Cell::amount(&b.total).style(Style::AmountLeft))
                .unwrap_or_else(|| text(String::new())),
            Source::Tree(names) => s
                .unit
                .and_then(|u| named_tree(u, names))
                .map(|l| Cell::amount(&l.amount).style(Style::AmountLeft))
                .unwrap_or_else(|| text(String::new())),
            Source::Property(keys) => match s.property(keys) {
                Some(PropValue::Quantity(q)) if q.unit.is_none() => {
                    let a = Amount::Figure(q.number);
                    Cell::amount(&a).style(Style::AmountLeft)
                }
                Some(v) => text(prop_text(v)),
                None => text(String::new()),
            },
            Source::Duties => text(
                s.unit
                    .map(|u| {
                        u.duties
                            .iter()
                            .map(|d| d.node.as_str())
                            .collect::<Vec<_>>()
                            .join("\n")
                    })
                    .unwrap_or_default(),
            ),
            Source::Goals(kind) => {
                let goals: &[Goal] = match (s.project, s.unit) {
                    (Some(x), _) => &x.goals,
                    (None, Some(u)) => &u.goals,
                    _ => &[],
                };
                text(
                    goals
                        .iter()
                        .filter(|g| g.kind == *kind)
                        .map(|g| g.text.node.as_str())
                        .collect::<Vec<_>>()
                        .join("\n"),
                )
            }
            Source::Period => text(
                s.project
                    .and_then(|x| x.period.as_ref())
                    .map(|per| period_text(&per.node))
                    .unwrap_or_default(),
            ),
            Source::Staff(name) => text(
                s.unit
                    .and_then(|u| u.staff.iter().find(|l| l.name.node == *name))
                    .map(|l| {
                        format!(
                            "{}{}",
                            number_text(&l.count),
                            l.unit.as_ref().map(|x| x.node.as_str()).unwrap_or("")
                        )
                    })
                    .unwrap_or_default(),
            ),
            Source::Text(t) => text(t.to_string()),
            Source::Or(list) => {
                for x in *list {
                    let c = self.source(x, s);
                    if !c.text.is_empty() {
                        return c;
                    }
                }
                text(String::new())
            }
        }
    }

    // ------------------------------------------------------------ blocks

    fn block(
        &self,
        b: &Block,
        s: Subj<'a>,
        chosen: &Chosen,
        columned: Option<*const Block>,
    ) -> Logical {
        let mine = columned.is_some_and(|c| std::ptr::eq(c, b));
        let columns = if mine {
            chosen.columns.as_deref()
        } else {
            None
        };
        let plain = |hints: Vec<u32>, rows: Vec<Row>| Logical {
            hints,
            header: Vec::new(),
            rows,
            kind: "block",
        };
        match b {
            Block::Value(src) => plain(vec![1], vec![Row::new(vec![self.source(src, s)])]),
            Block::Pairs(pairs) => {
                let mut cells = Vec::new();
                let mut hints = Vec::new();
                for (label, src) in *pairs {
                    if !label.is_empty() {
                        cells.push(Cell::label(*label));
                        hints.push(2);
                    }
                    cells.push(self.source(src, s));
                    hints.push(3);
                }
                plain(hints, vec![Row::new(cells)])
            }
            Block::BudgetSides { total, left, right } => {
                let budget = s.unit.and_then(|u| u.budget.as_ref());
                let mut rows = vec![Row::new(vec![
                    Cell::label(*total),
                    budget
                        .map(|b| Cell::amount(&b.total))
                        .unwrap_or_else(Cell::blank_amount)
                        .style(Style::AmountLeft)
                        .span(3)
                        .class("total"),
                ])
                .class("total")];
                let lines = |d: Dim| {
                    let mut v = Vec::new();
                    if let Some(x) = budget.and_then(|b| find_by(&b.breakdowns, d)) {
                        flat_lines(&x.lines, 0, false, &mut v);
                    }
                    v
                };
                let (l, r) = (lines(left.1), lines(right.1));
                if !l.is_empty() || !r.is_empty() {
                    rows.push(
                        Row::new(vec![
                            Cell::header(left.0).span(2),
                            Cell::header(right.0).span(2),
                        ])
                        .keep(),
                    );
                    for i in 0..l.len().max(r.len()) {
                        let mut cells = Vec::new();
                        for side in [&l, &r] {
                            match side.get(i) {
                                Some((d, line)) => {
                                    cells.push(Cell::text(line.name.node.clone()).indent(*d));
                                    cells.push(Cell::amount(&line.amount));
                                }
                                None => {
                                    cells.push(Cell::text(""));
                                    cells.push(Cell::blank_amount());
                                }
                            }
                        }
                        rows.push(Row::new(cells).class("nature"));
                    }
                }
                plain(vec![4, 2, 4, 2], rows)
            }
            Block::BudgetList {
                trees,
                total,
                heading,
                dim,
            } => {
                let u = s.unit;
                let tree = u.and_then(|u| named_tree(u, trees));
                let (amount, breakdowns) = match (tree, u.and_then(|u| u.budget.as_ref())) {
                    (Some(t), _) => (Some(&t.amount), t.breakdowns.as_slice()),
                    (None, Some(b)) => (Some(&b.total), b.breakdowns.as_slice()),
                    (None, None) => (None, &[][..]),
                };
                let money = Cell::text(self.money.clone());
                let mut rows = vec![Row::new(vec![
                    Cell::label(*total),
                    amount
                        .map(Cell::amount)
                        .unwrap_or_else(Cell::blank_amount)
                        .class("total"),
                    money.clone(),
                ])
                .class("total")];
                let mut lines = Vec::new();
                if let Some(x) = find_by(breakdowns, *dim) {
                    flat_lines(&x.lines, 0, false, &mut lines);
                }
                if !lines.is_empty() {
                    rows.push(Row::new(vec![Cell::header(*heading).span(3)]).keep());
                    for (d, l) in lines {
                        rows.push(Row::new(vec![
                            Cell::text(l.name.node.clone()).indent(d),
                            Cell::amount(&l.amount),
                            money.clone(),
                        ]));
                    }
                }
                plain(vec![3, 3, 1], rows)
            }
            Block::Across {
                heading,
                lines,
                total,
            } => {
                // The breakdown that states the total the row prints, if any.
                let found = s.unit.and_then(|u| {
                    resolve_fit(
                        u,
                        lines,
                        &|f| matches!(f.at, At::Breakdown(b) if b.total.is_some()),
                    )
                    .or_else(|| resolve(u, lines))
                });
                let mut names = vec![Cell::header(*total)];
                let mut values = vec![found
                    .as_ref()
                    .and_then(|f| f.total)
                    .map(Cell::amount)
                    .unwrap_or_else(Cell::blank_amount)];
                if let Some(f) = &found {
                    for l in f.lines() {
                        names.push(Cell::header(l.name.node.clone()));
                        values.push(Cell::amount(&l.amount));
                    }
                }
                let n = names.len();
                let mut rows = Vec::new();
                if let Some(h) = heading {
                    rows.push(Row::new(vec![Cell::section(self.pattern(h, s)).span(n)]).keep());
                }
                rows.push(Row::new(names).keep());
                rows.push(Row::new(values).class("across"));
                Logical {
                    hints: vec![8; n],
                    header: Vec::new(),
                    rows,
                    kind: "lines",
                }
            }
            Block::Plans => {
                let mut rows = vec![Row::new(vec![
                    Cell::header("事项"),
                    Cell::header("责任单位/科室"),
                    Cell::header("工作目标"),
                ])
                .keep()];
                for pl in s.unit.map_or(&[][..], |u| u.plans.as_slice()) {
                    rows.push(
                        Row::new(vec![
                            Cell::text(pl.item.node.clone()),
                            Cell::text(
                                pl.owner
                                    .as_ref()
                                    .map(|o| o.node.clone())
                                    .unwrap_or_default(),
                            ),
                            Cell::text(
                                pl.goal.as_ref().map(|o| o.node.clone()).unwrap_or_default(),
                            ),
                        ])
                        .class("plan"),
                    );
                }
                plain(vec![3, 3, 6], rows)
            }
            Block::Schedule => {
                let mut rows = vec![Row::new(vec![
                    Cell::header("项目实施内容"),
                    Cell::header("开始时间"),
                    Cell::header("结束时间"),
                ])
                .keep()];
                for r in s.project.map_or(&[][..], |x| x.schedule.as_slice()) {
                    rows.push(
                        Row::new(vec![
                            Cell::text(
                                r.content
                                    .as_ref()
                                    .map(|c| c.node.clone())
                                    .unwrap_or_default(),
                            ),
                            Cell::center(r.period.node.start.to_string()),
                            Cell::center(r.period.node.end.to_string()),
                        ])
                        .class("schedule"),
                    );
                }
                if rows.len() == 1 {
                    rows.push(Row::new(vec![
                        Cell::text(""),
                        Cell::text(""),
                        Cell::text(""),
                    ]));
                }
                plain(vec![6, 3, 3], rows)
            }
            Block::Funds { dim, basis } => self.funds(s, *dim, *basis),
            Block::Indicators {
                left,
                group,
                columns: cols,
                header,
                section,
            } => self.indicators(s, left, *group, cols, columns, *header, *section),
            Block::Detail {
                label,
                section,
                total,
            } => self.detail(s, *label, *section, total),
            Block::Summary {
                columns: cols,
                total,
                total_label,
            } => self.summary(s, cols, columns, *total, total_label),
            Block::ProjectList { columns: cols } => self.project_list(s, cols),
            Block::Lines(t) => {
                let l = self.line_table(s, t, true);
                Logical {
                    hints: l.hints,
                    header: header_rows(&l.paths),
                    rows: l.rows.into_iter().chain(l.total).collect(),
                    kind: "lines",
                }
            }
            Block::Parallel(sides) => {
                let tables: Vec<LaidLines> =
                    sides.iter().map(|t| self.line_table(s, t, false)).collect();
                let mut paths = Vec::new();
                let mut hints = Vec::new();
                for t in &tables {
                    paths.extend(t.paths.iter().cloned());
                    hints.extend(t.hints.iter().copied());
                }
                let n = tables.iter().map(|t| t.rows.len()).max().unwrap_or(0);
                let mut rows = Vec::new();
                for i in 0..n {
                    let mut cells = Vec::new();
                    for t in &tables {
                        match t.rows.get(i) {
                            Some(r) => cells.extend(r.cells.iter().cloned()),
                            None => cells.extend(t.hints.iter().map(|_| Cell::text(""))),
                        }
                    }
                    rows.push(Row::new(cells).class("line"));
                }
                if tables.iter().any(|t| t.total.is_some()) {
                    let mut cells = Vec::new();
                    for t in &tables {
                        match &t.total {
                            Some(r) => cells.extend(r.cells.iter().cloned()),
                            None => cells.extend(t.hints.iter().map(|_| Cell::text(""))),
                        }
                    }
                    rows.push(Row::new(cells).class("sum"));
                }
                Logical {
                    hints,
                    header: header_rows(&paths),
                    rows,
                    kind: "lines",
                }
            }
            Block::Members => {
                let mut rows = vec![Row::new(vec![
                    Cell::header("序号"),
                    Cell::header("单位编码"),
                    Cell::header("单位名称"),
                    Cell::header(format!("资金总额（{}）", self.money)),
                ])];
                if let Some(u) = s.unit {
                    for (k, m) in self.doc.members(u).iter().enumerate() {
                        rows.push(Row::new(vec![
                            Cell::center((k + 1).to_string()),
                            Cell::center(
                                m.code.as_ref().map(|c| c.node.clone()).unwrap_or_default(),
                            ),
                            Cell::text(m.name.node.clone()),
                            m.budget
                                .as_ref()
                                .map(|b| Cell::amount(&b.total))
                                .unwrap_or_else(Cell::blank_amount),
                        ]));
                    }
                }
                plain(vec![2, 3, 8, 3], rows)
            }
        }
    }

    /// 项目 | 上年度安排资金 | 本年度申请资金 (| 测算依据及说明): 合计, then the
    /// lines of the project's breakdown. The prior year's figures are the
    /// lines of the project's 上年度安排资金 amount tree, by name.
    fn funds(&self, s: Subj<'a>, dim: Dim, basis: bool) -> Logical {
        let mut header = vec![
            Cell::header("项目"),
            Cell::header("上年度安排资金"),
            Cell::header("本年度申请资金"),
        ];
        if basis {
            header.push(Cell::header("测算依据及说明"));
        }
        let mut hints = vec![5, 3, 3];
        if basis {
            hints.push(5);
        }
        let mut rows = vec![Row::new(header).keep()];
        let Some(pr) = s.project else {
            return Logical {
                hints,
                header: Vec::new(),
                rows,
                kind: "block",
            };
        };
        let prior = pr
            .amounts
            .iter()
            .find(|l| l.name.node.contains("上年") && l.name.node.contains("资金"));
        let prior_lines: Vec<(usize, &Line)> = {
            let mut v = Vec::new();
            if let Some(x) = prior.and_then(|t| find_by(&t.breakdowns, dim)) {
                flat_lines(&x.lines, 0, false, &mut v);
            }
            v
        };
        let basis_of = |l: Option<&Line>| l.map(basis_text).unwrap_or_default();
        // The prior year's figures: the 上年…资金 tree's, else those the
        // project and its lines state (`prior`).
        let mut total = vec![
            Cell::center("合计"),
            prior
                .map(|t| &t.amount)
                .or(pr.prior.as_ref())
                .map(Cell::amount)
                .unwrap_or_else(Cell::blank_amount),
            Cell::amount(&pr.amount),
        ];
        if basis {
            let stated = s
                .property(&["测算依据及说明"])
                .filter(|_| {
                    s.project.is_some_and(|x| {
                        x.properties.iter().any(|q| q.key.node == "测算依据及说明")
                    })
                })
                .map(prop_text)
                .unwrap_or_default();
            total.push(Cell::text(stated));
        }
        rows.push(Row::new(total).class("sum"));
        let mut lines = Vec::new();
        if let Some(x) = find_by(&pr.breakdowns, dim) {
            flat_lines(&x.lines, 0, false, &mut lines);
        }
        for (d, l) in lines {
            let before = prior_lines
                .iter()
                .find(|(_, x)| x.name.node == l.name.node)
                .map(|(_, x)| &x.amount)
                .or(l.prior.as_ref())
                .map(Cell::amount)
                .unwrap_or_else(Cell::blank_amount);
            let mut cells = vec![
                Cell::text(l.name.node.clone()).indent(d),
                before,
                Cell::amount(&l.amount),
            ];
            if basis {
                cells.push(Cell::text(basis_of(Some(l))));
            }
            rows.push(Row::new(cells).class("line"));
        }
        Logical {
            hints,
            header: Vec::new(),
            rows,
            kind: "block",
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn indicators(
        &self,
        s: Subj<'a>,
        left: &[Wide],
        group: Option<&str>,
        form_cols: &[GridCol],
        chosen: Option<&[(String, ColumnChoice)]>,
        header: bool,
        section: Option<&str>,
    ) -> Logical {
        let sources = &self.doc.project.sources;
        let trees: &[IndicatorTree] = match (s.project, s.unit) {
            (Some(x), _) => &x.indicators,
            (None, Some(u)) => &u.indicators,
            _ => &[],
        };
        let rows = self.doc.tier_rows(trees);
        let used = |c: Col| {
            let key = match c {
                Col::Standard => AttrKey::Standard,
                Col::Weight => AttrKey::Weight,
                Col::Note => AttrKey::Note,
                Col::Explain => AttrKey::Explain,
                Col::Scoring => AttrKey::Scoring,
                _ => return true,
            };
            rows.iter()
                .filter_map(|r| r.indicator)
                .any(|i| i.attrs.iter().any(|a| a.key.node == key))
        };
        let cols: Vec<(String, Col)> = match chosen {
            Some(list) => list
                .iter()
                .filter_map(|(h, c)| match c {
                    ColumnChoice::Grid(col) => Some((h.clone(), *col)),
                    ColumnChoice::Summary(_) => None,
                })
                .collect(),
            None => form_cols
                .iter()
                .filter(|c| !c.optional || used(c.col))
                .map(|c| (c.header.to_string(), c.col))
                .collect(),
        };
        let has = |c: Col| cols.iter().any(|(_, x)| *x == c);
        let (with_type, with_unit) = (has(Col::Type), has(Col::Unit));

        // Left columns, merged over every row.
        let mut paths: Vec<Vec<String>> = Vec::new();
        let mut hints: Vec<u32> = Vec::new();
        let mut left_cells: Vec<Cell> = Vec::new();
        for w in left {
            match &w.what {
                WideValue::Source(src) => {
                    paths.push(w.path.iter().map(|x| x.to_string()).collect());
                    let mut c = self.source(src, s);
                    if c.style == Style::AmountLeft {
                        c.style = Style::Amount;
                    }
                    hints.push(match src {
                        Source::UnitCode => 7,
                        Source::UnitName => 10,
                        Source::Goals(_) => 22,
                        Source::Text(_) => 8,
                        _ => 8,
                    });
                    left_cells.push(c);
                }
                WideValue::Lines(d) => {
                    let mut lines = Vec::new();
                    if let Some(x) = s
                        .unit
                        .and_then(|u| u.budget.as_ref())
                        .and_then(|b| find_by(&b.breakdowns, *d))
                    {
                        lines.extend(x.lines.iter());
                    }
                    for l in lines {
                        let mut path: Vec<String> = w.path.iter().map(|x| x.to_string()).collect();
                        path.push(l.name.node.clone());
                        paths.push(path);
                        hints.push(8);
                        left_cells.push(Cell::amount(&l.amount));
                    }
                }
            }
        }
        for (h, c) in &cols {
            let mut path: Vec<String> = group.iter().map(|g| g.to_string()).collect();
            path.push(h.clone());
            paths.push(path);
            hints.push(match c {
                Col::Tier1 => 8,
                Col::Tier2 => 10,
                Col::Tier3 => 18,
                Col::Type => 6,
                Col::Value if !with_unit => 12,
                Col::Value => 8,
                Col::Unit => 6,
                Col::Explain => 16,
                Col::Scoring => 14,
                Col::Standard => 8,
                Col::Weight => 5,
                Col::Note => 8,
            });
        }
        let ncols = paths.len();
        let mut head = Vec::new();
        if let Some(sec) = section {
            head.push(Row::new(vec![Cell::section(sec).span(ncols)]).keep());
        }
        if header {
            head.extend(header_rows(&paths).into_iter().map(Row::keep));
        }

        let nrows = rows.len().max(1);
        let mut out = Vec::with_capacity(nrows);
        for idx in 0..nrows {
            let mut cells = Vec::new();
            if idx == 0 {
                for c in &left_cells {
                    cells.push(c.clone().rows(nrows));
                }
            }
            let Some(r) = rows.get(idx) else {
                cells.extend(cols.iter().map(|_| Cell::text("")));
                out.push(Row::new(cells).class("tier"));
                continue;
            };
            let first1 = idx == 0 || rows[idx - 1].tier1_key() != r.tier1_key();
            let same2 =
                |x: &TierRow| x.tier1_key() == r.tier1_key() && x.tier2_key() == r.tier2_key();
            let first2 = idx == 0 || !same2(&rows[idx - 1]);
            for (_, c) in &cols {
                match c {
                    Col::Tier1 => {
                        if first1 {
                            let n = rows[idx..]
                                .iter()
                                .take_while(|x| x.tier1_key() == r.tier1_key())
                                .count();
                            cells.push(Cell::center(r.tier1_name()).rows(n).class("t1"));
                        }
                    }
                    Col::Tier2 => {
                        if first2 {
                            let n = rows[idx..].iter().take_while(|x| same2(x)).count();
                            cells.push(Cell::center(r.tier2_name()).rows(n).class("t2"));
                        }
                    }
                    _ => cells.push(match r.indicator {
                        Some(i) => indicator_cell(i, *c, with_type, with_unit, sources),
                        None => Cell::text(""),
                    }),
                }
            }
            // A tier written empty is a row with empty cells.
            let class = if r.indicator.is_some() { "ind" } else { "tier" };
            out.push(Row::new(cells).class(class));
        }
        Logical {
            hints,
            header: head,
            rows: out,
            kind: "indicators",
        }
    }

    /// 支出明细及测算说明: 支出内容简介 merged over its lines, 支出明细, 金额,
    /// the basis of calculation as written; the project's amount as 合计.
    fn detail(
        &self,
        s: Subj<'a>,
        label: Option<&str>,
        section: Option<&str>,
        total: &str,
    ) -> Logical {
        let mut hints = Vec::new();
        let mut paths: Vec<Vec<String>> = Vec::new();
        if let Some(l) = label {
            hints.push(4);
            paths.push(vec![l.to_string()]);
        }
        for (h, w) in [
            ("支出内容简介", 6),
            ("支出明细", 8),
            ("金额", 4),
            ("支出测算依据及过程说明", 16),
        ] {
            hints.push(w);
            paths.push(vec![h.to_string()]);
        }
        let n = hints.len();
        let mut header = Vec::new();
        if let Some(sec) = section {
            header.push(Row::new(vec![Cell::section(sec).span(n)]));
        }
        header.extend(header_rows(&paths));
        let formula = basis_text;
        let mut rows: Vec<Row> = Vec::new();
        let Some(pr) = s.project else {
            return Logical {
                hints,
                header,
                rows,
                kind: "detail",
            };
        };
        let detail = find_by(&pr.breakdowns, Dim::Detail);
        if let Some(d) = detail {
            for top in &d.lines {
                let mut sub = Vec::new();
                for b in &top.breakdowns {
                    flat_lines(&b.lines, 0, true, &mut sub);
                }
                if sub.is_empty() {
                    rows.push(
                        Row::new(vec![
                            Cell::text(top.name.node.clone()).span(2),
                            Cell::amount(&top.amount),
                            Cell::text(formula(top)),
                        ])
                        .class("detail"),
                    );
                    continue;
                }
                // A heading line with its own amount shows it on a first row.
                let own = top.amount.value().is_some() || !basis_text(top).is_empty();
                let count = sub.len() + usize::from(own);
                let mut first = true;
                let mut lead = |cells: &mut Vec<Cell>| {
                    if first {
                        cells.push(Cell::text(top.name.node.clone()).rows(count));
                        first = false;
                    }
                };
                if own {
                    let mut cells = Vec::new();
                    lead(&mut cells);
                    cells.push(Cell::text("小计"));
                    cells.push(Cell::amount(&top.amount));
                    cells.push(Cell::text(formula(top)));
                    rows.push(Row::new(cells).class("detail"));
                }
                for (depth, l) in sub {
                    let mut cells = Vec::new();
                    lead(&mut cells);
                    cells.push(Cell::text(l.name.node.clone()).indent(depth));
                    cells.push(Cell::amount(&l.amount));
                    cells.push(Cell::text(formula(l)));
                    rows.push(Row::new(cells).class("detail"));
                }
            }
        }
        // The table's own 合计 when it prints one, else the project's amount.
        let stated = detail.and_then(|d| d.total.as_ref()).map(|t| &t.amount);
        rows.push(
            Row::new(vec![
                Cell::label(total).span(2),
                Cell::amount(stated.unwrap_or(&pr.amount)),
                Cell::text(""),
            ])
            .class("sum"),
        );
        if label.is_some() {
            let n = rows.len();
            if let Some(r) = rows.first_mut() {
                r.cells.insert(0, Cell::text("").rows(n));
            }
        }
        Logical {
            hints,
            header,
            rows,
            kind: "detail",
        }
    }

    fn summary(
        &self,
        s: Subj<'a>,
        form_cols: &[(&'static str, SumCol)],
        chosen: Option<&[(String, ColumnChoice)]>,
        total: TotalAt,
        total_label: &str,
    ) -> Logical {
        let Some(sum) = s.summary else {
            return Logical {
                hints: vec![1],
                header: Vec::new(),
                rows: Vec::new(),
                kind: "summary",
            };
        };
        let codes = sum.rows.iter().any(|r| r.code.is_some());
        let cols: Vec<(String, SumCol)> = match chosen {
            Some(list) => list
                .iter()
                .filter_map(|(h, c)| match c {
                    ColumnChoice::Summary(col) => Some((h.clone(), *col)),
                    ColumnChoice::Grid(_) => None,
                })
                .collect(),
            None => form_cols
                .iter()
                .filter(|(_, c)| *c != SumCol::Code || codes)
                .map(|(h, c)| (h.to_string(), *c))
                .collect(),
        };
        let money = &self.money;
        let hints: Vec<u32> = cols
            .iter()
            .map(|(_, c)| match c {
                SumCol::Serial => 4,
                SumCol::Code => 7,
                SumCol::Name => 18,
                SumCol::Amount => 8,
                SumCol::Goal(_) => 26,
                SumCol::Text => 10,
            })
            .collect();
        let header = vec![Row::new(
            cols.iter()
                .map(|(h, c)| match c {
                    SumCol::Amount if !h.contains(money.as_str()) && h == "金额" => {
                        Cell::header(format!("{h}（{money}）"))
                    }
                    _ => Cell::header(h.clone()),
                })
                .collect(),
        )];
        let amount_at = cols.iter().position(|(_, c)| *c == SumCol::Amount);
        let total_row = sum.total.as_ref().map(|t| {
            let mut cells = Vec::new();
            match amount_at {
                Some(0) | None => {
                    cells.push(Cell::label(total_label));
                    cells.push(Cell::amount(t));
                }
                Some(k) => {
                    cells.push(Cell::label(total_label).span(k));
                    cells.push(Cell::amount(t));
                }
            }
            let after = cols.len().saturating_sub(amount_at.map_or(2, |k| k + 1));
            for _ in 0..after {
                cells.push(Cell::text(""));
            }
            Row::new(cells).class("sum")
        });
        let mut rows = Vec::new();
        if total == TotalAt::First {
            rows.extend(total_row.clone());
        }
        for r in &sum.rows {
            let cells = cols
                .iter()
                .map(|(h, c)| match c {
                    SumCol::Serial => Cell::center(
                        r.serial
                            .as_ref()
                            .map(|x| x.node.trim_start_matches('#').to_string())
                            .unwrap_or_default(),
                    ),
                    SumCol::Code => {
                        Cell::center(r.code.as_ref().map(|x| x.node.clone()).unwrap_or_default())
                    }
                    SumCol::Name => Cell::text(r.name.node.clone()),
                    SumCol::Amount => Cell::amount(&r.amount),
                    SumCol::Goal(k) => Cell::text(
                        row_goals(r)
                            .iter()
                            .filter(|g| g.kind == *k)
                            .map(|g| g.text.node.as_str())
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                    SumCol::Text => Cell::text(
                        row_properties(r)
                            .iter()
                            .find(|q| q.key.node == *h)
                            .map(|q| prop_text(&q.value.node))
                            .unwrap_or_default(),
                    ),
                })
                .collect();
            rows.push(Row::new(cells).class("srow"));
        }
        if total == TotalAt::Last {
            rows.extend(total_row);
        }
        Logical {
            hints,
            header,
            rows,
            kind: "summary",
        }
    }

    fn project_list(&self, s: Subj<'a>, cols: &[ListCol]) -> Logical {
        let paths: Vec<Vec<String>> = cols
            .iter()
            .map(|c| c.path.iter().map(|x| x.to_string()).collect())
            .collect();
        let hints = cols
            .iter()
            .map(|c| match &c.what {
                ListValue::Source(Source::Goals(_)) => 14,
                ListValue::Source(Source::ProjectName) => 8,
                ListValue::Source(_) => 6,
                ListValue::Tier(_) => 9,
            })
            .collect();
        let mut rows = Vec::new();
        for pr in s.unit.map_or(&[][..], |u| u.projects.as_slice()) {
            let ps = Subj {
                project: Some(pr),
                ..s
            };
            let placed = self.doc.tier_rows(&pr.indicators);
            let cells = cols
                .iter()
                .map(|c| match &c.what {
                    ListValue::Source(src) => {
                        let mut cell = self.source(src, ps);
                        if cell.style == Style::AmountLeft {
                            cell.style = Style::Amount;
                        }
                        cell
                    }
                    ListValue::Tier(t) => Cell::text(
                        placed
                            .iter()
                            .filter(|r| {
                                r.tier2
                                    .last()
                                    .is_some_and(|g| norm(&g.name.node) == norm(t))
                            })
                            .filter_map(|r| r.indicator)
                            .map(|i| indicator_text(i, &self.doc.project.sources))
                            .collect::<Vec<_>>()
                            .join("\n"),
                    ),
                })
                .collect();
            rows.push(Row::new(cells).class("project"));
        }
        Logical {
            hints,
            header: header_rows(&paths),
            rows,
            kind: "projects",
        }
    }

    /// A table of budget lines: its header paths, rows and total row.
    fn line_table(&self, s: Subj<'a>, t: &LineTable, total_first: bool) -> LaidLines {
        let fit = |f: &Found<'a>| {
            let mut all: Vec<&Line> = Vec::new();
            let mut stack = f.lines();
            while let Some(l) = stack.pop() {
                all.push(l);
                for b in &l.breakdowns {
                    if b.dimension.node == Dimension::Default {
                        stack.extend(b.lines.iter());
                    }
                }
            }
            let coded = matches!(t.code, CodeCols::None) || all.iter().any(|l| l.code.is_some());
            let broken = t.values.iter().all(|v| match v {
                ValueCol::Sub { dim, .. } => all
                    .iter()
                    .any(|l| l.breakdowns.iter().any(|b| dim.matches(&b.dimension.node))),
                ValueCol::Own(_) => true,
            });
            coded && broken
        };
        // A table that prints its total reads, first, a breakdown that
        // states its own (the 说明's breakdowns state none).
        let totalled = |f: &Found<'a>| {
            t.total.is_none() || matches!(f.at, At::Breakdown(b) if b.total.is_some())
        };
        let found = s.unit.and_then(|u| {
            resolve_fit(u, &t.lines, &|f| fit(f) && totalled(f))
                .or_else(|| resolve_fit(u, &t.lines, &fit))
                .or_else(|| resolve(u, &t.lines))
        });
        let mut lines: Vec<(usize, &Line)> = Vec::new();
        if let Some(f) = &found {
            match f.at {
                At::Line(l) if t.self_row => {
                    lines.push((0, l));
                    for b in &l.breakdowns {
                        if b.dimension.node == Dimension::Default {
                            flat_lines(&b.lines, 1, false, &mut lines);
                        }
                    }
                }
                _ => {
                    for l in f.lines() {
                        if t.top_only {
                            lines.push((0, l));
                        } else {
                            flat_lines(std::slice::from_ref(l), 0, false, &mut lines);
                        }
                    }
                }
            }
        }

        // The columns of the breakdowns each line carries: names in the
        // order first met (the total row's first), a line with lines of
        // its own as a group (合计, then its lines).
        let mut paths: Vec<Vec<String>> = Vec::new();
        let mut hints: Vec<u32> = Vec::new();
        match &t.code {
            CodeCols::None => {}
            CodeCols::Whole(path) => {
                paths.push(path.iter().map(|x| x.to_string()).collect());
                hints.push(7);
            }
            CodeCols::Split(parts) => {
                for path in parts.iter() {
                    paths.push(path.iter().map(|x| x.to_string()).collect());
                    hints.push(3);
                }
            }
        }
        paths.push(t.name.iter().map(|x| x.to_string()).collect());
        hints.push(16);
        let total_node = found.as_ref().map(|f| f.holder);
        let mut values: Vec<(Vec<String>, ValueRef)> = Vec::new();
        for v in t.values {
            match v {
                ValueCol::Own(path) => {
                    values.push((path.iter().map(|x| x.to_string()).collect(), ValueRef::Own))
                }
                ValueCol::Sub {
                    dim,
                    group,
                    fallback,
                } => {
                    // The columns are the lines the rows break down into, by
                    // name, in the order first met: a line with lines of its
                    // own (in any row) heads a group of 合计 and its lines.
                    // The total row's figures are looked up among them; the
                    // table's own columns come from its rows only.
                    let mut heads: Vec<(String, Vec<String>)> = Vec::new();
                    for (_, l) in &lines {
                        let Some(b) = find_by(&l.breakdowns, *dim) else {
                            continue;
                        };
                        for x in &b.lines {
                            let at = match heads.iter().position(|(n, _)| *n == x.name.node) {
                                Some(k) => k,
                                None => {
                                    heads.push((x.name.node.clone(), Vec::new()));
                                    heads.len() - 1
                                }
                            };
                            let kids = x
                                .breakdowns
                                .iter()
                                .filter(|y| y.dimension.node == Dimension::Default)
                                .flat_map(|y| y.lines.iter());
                            for k in kids {
                                if !heads[at].1.contains(&k.name.node) {
                                    heads[at].1.push(k.name.node.clone());
                                }
                            }
                        }
                    }
                    if heads.is_empty() {
                        heads = fallback
                            .iter()
                            .map(|n| (n.to_string(), Vec::new()))
                            .collect();
                    }
                    let mut names: Vec<(String, Option<String>)> = Vec::new();
                    for (name, kids) in heads {
                        if kids.is_empty() {
                            names.push((name, None));
                        } else {
                            names.push((name.clone(), Some("合计".to_string())));
                            names.extend(kids.into_iter().map(|k| (name.clone(), Some(k))));
                        }
                    }
                    for (name, child) in names {
                        let mut path: Vec<String> = group.iter().map(|x| x.to_string()).collect();
                        path.push(name.clone());
                        if let Some(c) = &child {
                            path.push(c.clone());
                        }
                        values.push((
                            path,
                            ValueRef::Sub {
                                dim: *dim,
                                name,
                                child,
                            },
                        ));
                    }
                }
            }
        }
        for (path, _) in &values {
            paths.push(path.clone());
            hints.push(7);
        }

        // A line's (or the budget's) breakdown of a dimension that names
        // every column of it: a budget has several by income (the 说明's,
        // each table's), and the total row reads the one with the table's
        // columns.
        let pick = |bs: &'a [Breakdown], dim: Dim| -> Option<&'a Breakdown> {
            let wanted: Vec<(&String, Option<&String>)> = values
                .iter()
                .filter_map(|(_, v)| match v {
                    ValueRef::Sub {
                        dim: d,
                        name,
                        child,
                    } if *d == dim => Some((name, child.as_ref().filter(|c| *c != "合计"))),
                    _ => None,
                })
                .collect();
            let names_all = |b: &Breakdown| {
                wanted.iter().all(|(n, c)| {
                    b.lines.iter().any(|l| {
                        &l.name.node == *n
                            && c.is_none_or(|c| {
                                l.breakdowns
                                    .iter()
                                    .filter(|x| x.dimension.node == Dimension::Default)
                                    .any(|x| x.lines.iter().any(|k| &k.name.node == c))
                            })
                    })
                })
            };
            bs.iter()
                .filter(|b| dim.matches(&b.dimension.node))
                .find(|b| names_all(b))
                .or_else(|| find_by(bs, dim))
        };
        let cell_of = |bs: &'a [Breakdown], own: &Amount, v: &ValueRef| -> Cell {
            match v {
                ValueRef::Own => Cell::amount(own),
                ValueRef::Sub { dim, name, child } => {
                    let line =
                        pick(bs, *dim).and_then(|b| b.lines.iter().find(|l| &l.name.node == name));
                    let line = match (line, child) {
                        (Some(l), Some(c)) if c != "合计" => l
                            .breakdowns
                            .iter()
                            .filter(|x| x.dimension.node == Dimension::Default)
                            .flat_map(|x| x.lines.iter())
                            .find(|k| &k.name.node == c),
                        (l, _) => l,
                    };
                    line.map(|l| Cell::amount(&l.amount))
                        .unwrap_or_else(Cell::blank_amount)
                }
            }
        };
        let code_cells = |l: &Line| -> Vec<Cell> {
            let code = l.code.as_ref().map(|c| c.node.as_str()).unwrap_or("");
            match &t.code {
                CodeCols::None => Vec::new(),
                CodeCols::Whole(_) => vec![Cell::center(code)],
                CodeCols::Split(_) => {
                    let part = |a: usize, b: usize| code.get(a..b.min(code.len())).unwrap_or("");
                    vec![
                        Cell::center(part(0, 3)),
                        Cell::center(part(3, 5)),
                        Cell::center(part(5, 7)),
                    ]
                }
            }
        };
        let indent = matches!(t.code, CodeCols::None);
        let mut rows = Vec::new();
        for (d, l) in &lines {
            let mut cells = code_cells(l);
            let name = Cell::text(l.name.node.clone());
            cells.push(if indent { name.indent(*d) } else { name });
            for (_, v) in &values {
                cells.push(cell_of(&l.breakdowns, &l.amount, v));
            }
            rows.push(Row::new(cells).class("line"));
        }
        // The 合计 a table's own breakdown states is its total row's figure;
        // its tree's (or budget's) amount only when it states none (an
        // amount tree named after a table need not restate the figure).
        let stated = found.as_ref().and_then(|f| match f.at {
            At::Breakdown(b) => b.total.as_ref().map(|x| &x.amount),
            _ => None,
        });
        let total = t.total.and_then(|(label, _)| {
            let h = total_node?;
            let code_cols = paths.len() - values.len() - 1;
            let mut cells = vec![Cell::label(label).span(code_cols + 1)];
            for (_, v) in &values {
                cells.push(cell_of(h.breakdowns(), stated.unwrap_or(h.amount()), v));
            }
            Some(Row::new(cells).class("sum"))
        });
        let (rows, total) = match (total, t.total) {
            (Some(r), Some((_, true))) if total_first => {
                let mut v = vec![r];
                v.extend(rows);
                (v, None)
            }
            (r, _) => (rows, r),
        };
        LaidLines {
            paths,
            hints,
            rows,
            total,
        }
    }
}

impl Subj<'_> {
    fn none() -> Subj<'static> {
        Subj {
            unit: None,
            project: None,
            summary: None,
        }
    }
}

/// The fields of a summary table (填报单位 …): the language gives a summary
/// none yet.
fn summary_properties() -> &'static [Property] {
    &[]
}

/// A summary row's goal columns: the language gives a row none yet.
fn row_goals(_: &SummaryRow) -> &[Goal] {
    &[]
}

/// A summary row's text columns (支出方向): the language gives a row none yet.
fn row_properties(_: &SummaryRow) -> &[Property] {
    &[]
}

struct LaidLines {
    paths: Vec<Vec<String>>,
    hints: Vec<u32>,
    rows: Vec<Row>,
    total: Option<Row>,
}

enum ValueRef {
    Own,
    Sub {
        dim: Dim,
        name: String,
        child: Option<String>,
    },
}

// ================================================================ budget lines

/// What holds a breakdown: the budget, or a line (an amount tree's root).
#[derive(Clone, Copy)]
enum Holder<'a> {
    Budget(&'a Budget),
    Line(&'a Line),
}

impl<'a> Holder<'a> {
    fn breakdowns(self) -> &'a [Breakdown] {
        match self {
            Holder::Budget(b) => &b.breakdowns,
            Holder::Line(l) => &l.breakdowns,
        }
    }
    fn amount(self) -> &'a Amount {
        match self {
            Holder::Budget(b) => &b.total,
            Holder::Line(l) => &l.amount,
        }
    }
}

/// Where a path of a [`Lines`] ends.
#[derive(Clone, Copy)]
enum At<'a> {
    Breakdown(&'a Breakdown),
    Line(&'a Line),
    /// The root itself (an amount tree with no path).
    Root,
}

struct Found<'a> {
    /// The budget or line that holds what is found (its amount is the
    /// table's total, its breakdowns the total row's columns).
    holder: Holder<'a>,
    at: At<'a>,
    total: Option<&'a Amount>,
}

impl<'a> Found<'a> {
    /// The lines the table lists.
    fn lines(&self) -> Vec<&'a Line> {
        match self.at {
            At::Breakdown(b) => b.lines.iter().collect(),
            At::Line(l) => l
                .breakdowns
                .iter()
                .filter(|b| b.dimension.node == Dimension::Default)
                .flat_map(|b| b.lines.iter())
                .collect(),
            At::Root => self
                .holder
                .breakdowns()
                .iter()
                .filter(|b| b.dimension.node == Dimension::Default)
                .flat_map(|b| b.lines.iter())
                .collect(),
        }
    }
}

fn named_tree<'a>(u: &'a Unit, names: &[&str]) -> Option<&'a Line> {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    names.iter().find_map(|n| {
        u.amounts
            .iter()
            .find(|l| squeeze(&l.name.node) == squeeze(n))
    })
}

/// Follow a [`Lines`]: the amount tree named after the table, else the
/// budget, then the path.
fn resolve<'a>(u: &'a Unit, lines: &Lines) -> Option<Found<'a>> {
    resolve_fit(u, lines, &|_| true)
}

/// [`resolve`] for a table that reads more than the path: the first place
/// down the path whose lines `fit` (a table that prints 科目编码 reads lines
/// with codes; one with a column per income, lines broken down by income).
fn resolve_fit<'a>(
    u: &'a Unit,
    lines: &Lines,
    fit: &dyn Fn(&Found<'a>) -> bool,
) -> Option<Found<'a>> {
    let (holder, path) = match named_tree(u, lines.trees) {
        Some(t) => (Holder::Line(t), lines.in_tree.unwrap_or(lines.path)),
        None if lines.budget => (Holder::Budget(u.budget.as_ref()?), lines.path),
        None => return None,
    };
    let found = |(holder, at): (Holder<'a>, At<'a>)| {
        let total = match &at {
            At::Line(l) => Some(&l.amount),
            _ => Some(holder.amount()),
        };
        Found { holder, at, total }
    };
    follow(holder, At::Root, path, &|h, a| fit(&found((h, a)))).map(found)
}

/// The first place down `path` from `at`: a budget often has several
/// breakdowns of one dimension (the 说明's 基本支出 by nature, the tables'
/// with their economic lines), and the path is tried down each in turn.
fn follow<'a>(
    holder: Holder<'a>,
    at: At<'a>,
    path: &[Step],
    fit: &dyn Fn(Holder<'a>, At<'a>) -> bool,
) -> Option<(Holder<'a>, At<'a>)> {
    let Some((step, rest)) = path.split_first() else {
        return fit(holder, at).then_some((holder, at));
    };
    match (step, at) {
        (Step::By(d), At::Root) => holder
            .breakdowns()
            .iter()
            .filter(|b| d.matches(&b.dimension.node))
            .find_map(|b| follow(holder, At::Breakdown(b), rest, fit)),
        (Step::By(d), At::Line(l)) => l
            .breakdowns
            .iter()
            .filter(|b| d.matches(&b.dimension.node))
            .find_map(|b| follow(Holder::Line(l), At::Breakdown(b), rest, fit)),
        (Step::Code(c), At::Breakdown(b)) => b
            .lines
            .iter()
            .filter(|l| l.code.as_ref().is_some_and(|x| x.node == *c))
            .find_map(|l| follow(holder, At::Line(l), rest, fit)),
        (Step::Name(ns), At::Breakdown(b)) => b
            .lines
            .iter()
            .filter(|l| ns.contains(&l.name.node.as_str()))
            .find_map(|l| follow(holder, At::Line(l), rest, fit)),
        _ => None,
    }
}

fn find_by(bs: &[Breakdown], d: Dim) -> Option<&Breakdown> {
    bs.iter().find(|b| d.matches(&b.dimension.node))
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

// ================================================================ indicators

fn col_class(c: Col) -> &'static str {
    match c {
        Col::Tier1 => "t1",
        Col::Tier2 => "t2",
        Col::Tier3 => "ind",
        Col::Type => "cmp",
        Col::Value => "val",
        Col::Unit => "uom",
        Col::Explain => "exp",
        Col::Scoring => "sco",
        Col::Standard => "std",
        Col::Weight => "wgt",
        Col::Note => "note",
    }
}

/// The sign of an indicator as written (`≥`, `》`, `不低于`), for a grid
/// without a 指标值类型 column.
fn sign_text(i: &Indicator, sources: &SourceMap) -> String {
    i.qualifiers
        .iter()
        .filter(|q| q.place == Place::Sign)
        .map(|q| sources.text(q.span))
        .collect::<Vec<_>>()
        .join(" ")
}

/// An indicator's cell in a column, as written. 指标值 takes the sign when
/// the grid has no 指标值类型 column, and the unit when it has no 计量单位.
fn indicator_cell(
    i: &Indicator,
    c: Col,
    with_type: bool,
    with_unit: bool,
    sources: &SourceMap,
) -> Cell {
    let class = col_class(c);
    match c {
        Col::Tier3 => Cell::text(i.name.node.clone()).class(class),
        Col::Type => Cell::center(type_cell(i)).class(class),
        Col::Value => {
            let v = value_cells(i, sources);
            if with_type && with_unit {
                let mut cell = Cell::center(v.value).class(class);
                if let Some(n) = v.number {
                    cell.value = Some(n);
                    cell.style = Style::Number;
                }
                return cell;
            }
            let mut text = String::new();
            if !with_type {
                text.push_str(&sign_text(i, sources));
            }
            text.push_str(&v.value);
            if !with_unit {
                text.push_str(&v.unit);
            }
            Cell::center(text).class(class)
        }
        Col::Unit => Cell::center(value_cells(i, sources).unit).class(class),
        Col::Explain => Cell::text(attr(i, AttrKey::Explain)).class(class),
        Col::Scoring => Cell::text(attr(i, AttrKey::Scoring)).class(class),
        Col::Standard => Cell::center(attr(i, AttrKey::Standard)).class(class),
        Col::Weight => Cell::center(attr(i, AttrKey::Weight)).class(class),
        Col::Note => Cell::text(attr(i, AttrKey::Note)).class(class),
        Col::Tier1 | Col::Tier2 => Cell::text("").class(class),
    }
}

/// An indicator as one line of text: its name, then its value as written.
fn indicator_text(i: &Indicator, sources: &SourceMap) -> String {
    let v = value_cells(i, sources);
    let value = format!("{}{}{}", sign_text(i, sources), v.value, v.unit);
    if value.is_empty() {
        i.name.node.clone()
    } else {
        format!("{} {value}", i.name.node)
    }
}

// ================================================================ columns

/// A block's widths widened where an amount or a number would not fit:
/// figures are never wrapped.
fn fit_amounts(mut l: Logical) -> Logical {
    use unicode_width::UnicodeWidthStr;
    let k = l.hints.len();
    let cells: Vec<&[Cell]> = l.rows.iter().map(|r| r.cells.as_slice()).collect();
    for p in place_rows(&cells, k) {
        let figure = matches!(p.cell.style, Style::Amount | Style::Number);
        if figure && p.cell.colspan == 1 && p.col < k {
            let w = p.cell.text.width() as u32 + 2;
            l.hints[p.col] = l.hints[p.col].max(w);
        }
    }
    l
}

/// Header rows from each column's path of headers: equal neighbours at a
/// level are merged across, a path shorter than the deepest is merged down.
pub fn header_rows(paths: &[Vec<String>]) -> Vec<Row> {
    let depth = paths.iter().map(|p| p.len().max(1)).max().unwrap_or(0);
    let path = |c: usize| -> Vec<String> {
        if paths[c].is_empty() {
            vec![String::new()]
        } else {
            paths[c].clone()
        }
    };
    let mut rows = Vec::new();
    for d in 0..depth {
        let mut cells = Vec::new();
        let mut c = 0;
        while c < paths.len() {
            let pc = path(c);
            if pc.len() <= d {
                c += 1;
                continue;
            }
            let leaf = d == pc.len() - 1;
            let mut span = 1;
            while c + span < paths.len() {
                let q = path(c + span);
                let same = if leaf {
                    q == pc
                } else {
                    q.len() > d + 1 && q[..=d] == pc[..=d]
                };
                if !same {
                    break;
                }
                span += 1;
            }
            let rows_down = if leaf { depth - d } else { 1 };
            cells.push(Cell::header(pc[d].clone()).span(span).rows(rows_down));
            c += span;
        }
        rows.push(Row::new(cells));
    }
    rows
}

/// The table column (exclusive end) at which each logical column of a
/// block ends, spreading `hints` over `widths`: each logical column takes
/// at least one table column, and the boundaries fall where the widths'
/// proportions best match the hints'.
fn spread(hints: &[u32], widths: &[u32]) -> Vec<usize> {
    let k = hints.len().max(1);
    let n = widths.len();
    if n <= k {
        return (1..=k).map(|i| i.min(n.max(1))).collect();
    }
    let total_h: u32 = hints.iter().sum::<u32>().max(1);
    let total_w: u32 = widths.iter().sum::<u32>().max(1);
    let mut cum_w = Vec::with_capacity(n);
    let mut acc = 0;
    for w in widths {
        acc += w;
        cum_w.push(f64::from(acc) / f64::from(total_w));
    }
    let mut out = Vec::with_capacity(k);
    let mut acc_h = 0;
    let mut prev = 0;
    for (i, h) in hints.iter().enumerate() {
        acc_h += h;
        if i == k - 1 {
            out.push(n);
            break;
        }
        let target = f64::from(acc_h) / f64::from(total_h);
        let lo = prev + 1;
        let hi = n - (k - 1 - i);
        let best = (lo..=hi)
            .min_by(|a, b| {
                let da = (cum_w[a - 1] - target).abs();
                let db = (cum_w[b - 1] - target).abs();
                da.partial_cmp(&db).unwrap_or(std::cmp::Ordering::Equal)
            })
            .unwrap_or(lo);
        out.push(best);
        prev = best;
    }
    if hints.is_empty() {
        return vec![n];
    }
    out
}

/// Rows of a block with their column spans turned from logical columns to
/// table columns (`bounds`: the end of each logical column).
fn respread(rows: &[Row], bounds: &[usize]) -> Vec<Row> {
    let k = bounds.len();
    let cells: Vec<&[Cell]> = rows.iter().map(|r| r.cells.as_slice()).collect();
    let placed = place_rows(&cells, k);
    let mut out: Vec<Row> = rows
        .iter()
        .map(|r| Row {
            cells: Vec::with_capacity(r.cells.len()),
            ..r.clone()
        })
        .collect();
    for p in placed {
        let start = if p.col == 0 { 0 } else { bounds[p.col - 1] };
        let end = bounds[(p.col + p.cell.colspan).min(k) - 1];
        let mut c = p.cell.clone();
        c.colspan = end.saturating_sub(start).max(1);
        out[p.row].cells.push(c);
    }
    out
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
    let mut placer = Placer::new(ncols);
    let mut out = Vec::new();
    for (r, cells) in rows.iter().enumerate() {
        placer.row(cells, |col, cell| out.push(Placed { row: r, col, cell }));
    }
    out
}

/// Rows placed one at a time, as [`place_rows`] places them: what a row's
/// cells land on depends only on the rows each column is still covered
/// for by the rows above it, which is all a `Placer` keeps — two equal
/// placers place every row after them alike.
#[derive(Clone, Debug, PartialEq)]
pub struct Placer {
    /// Rows still covered, per column.
    covered: Vec<usize>,
}

impl Placer {
    pub fn new(ncols: usize) -> Placer {
        Placer {
            covered: vec![0; ncols],
        }
    }

    /// Place the next row's cells, calling `at` with the column of each
    /// cell placed; the number placed (the cells after them find no
    /// column left and are not).
    pub fn row<'c>(&mut self, cells: &'c [Cell], mut at: impl FnMut(usize, &'c Cell)) -> usize {
        let ncols = self.covered.len();
        let mut col = 0;
        let mut placed = 0;
        for cell in cells {
            while col < ncols && self.covered[col] > 0 {
                col += 1;
            }
            if col >= ncols {
                break;
            }
            at(col, cell);
            placed += 1;
            let end = (col + cell.colspan).min(ncols);
            for c in self.covered[col..end].iter_mut() {
                *c = (*c).max(cell.rowspan);
            }
            col += cell.colspan;
        }
        for c in self.covered.iter_mut() {
            *c = c.saturating_sub(1);
        }
        placed
    }
}

/// Split rows at `at`: a cell merged down across the split is cut, and its
/// text carried to the first row after it (a tier name, a label), so that
/// each part stands on its own on its page.
pub fn split_rows(rows: &[Row], ncols: usize, at: usize) -> (Vec<Row>, Vec<Row>) {
    let cells: Vec<&[Cell]> = rows.iter().map(|r| r.cells.as_slice()).collect();
    let placed = place_rows(&cells, ncols);
    let mut before: Vec<Row> = rows[..at]
        .iter()
        .map(|r| Row {
            cells: Vec::new(),
            ..r.clone()
        })
        .collect();
    let mut after: Vec<Vec<(usize, Cell)>> = vec![Vec::new(); rows.len() - at];
    for p in &placed {
        if p.row < at {
            let mut c = p.cell.clone();
            if p.row + c.rowspan > at {
                let rest = p.row + c.rowspan - at;
                c.rowspan = at - p.row;
                let mut carried = p.cell.clone();
                carried.rowspan = rest;
                after[0].push((p.col, carried));
            }
            before[p.row].cells.push(c);
        } else {
            after[p.row - at].push((p.col, p.cell.clone()));
        }
    }
    let after = after
        .into_iter()
        .zip(&rows[at..])
        .map(|(mut cells, r)| {
            cells.sort_by_key(|(c, _)| *c);
            Row {
                cells: cells.into_iter().map(|(_, c)| c).collect(),
                ..r.clone()
            }
        })
        .collect();
    (before, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreading_keeps_every_column() {
        assert_eq!(spread(&[1, 1], &[1, 1, 1, 1]), vec![2, 4]);
        assert_eq!(spread(&[3, 1], &[1, 1, 1, 1]), vec![3, 4]);
        assert_eq!(spread(&[1, 1, 1], &[1, 1, 1]), vec![1, 2, 3]);
        let b = spread(&[1, 9, 1], &[1, 1, 1, 1, 1, 1]);
        assert_eq!(b.len(), 3);
        assert!(b[0] >= 1 && b[1] > b[0] && b[2] == 6);
    }

    #[test]
    fn headers_merge_by_path() {
        let p = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let rows = header_rows(&[
            p(&["科目", "科目编码", "类"]),
            p(&["科目", "科目编码", "款"]),
            p(&["科目", "科目名称"]),
            p(&["总计"]),
        ]);
        assert_eq!(rows.len(), 3);
        let texts: Vec<Vec<(String, usize, usize)>> = rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| (c.text.clone(), c.colspan, c.rowspan))
                    .collect()
            })
            .collect();
        assert_eq!(texts[0], vec![("科目".into(), 3, 1), ("总计".into(), 1, 3)]);
        assert_eq!(
            texts[1],
            vec![("科目编码".into(), 2, 1), ("科目名称".into(), 1, 2)]
        );
        assert_eq!(texts[2], vec![("类".into(), 1, 1), ("款".into(), 1, 1)]);
    }

    #[test]
    fn a_split_carries_merged_cells() {
        let rows = vec![
            Row::new(vec![Cell::text("A").rows(3), Cell::text("1")]),
            Row::new(vec![Cell::text("2")]),
            Row::new(vec![Cell::text("3")]),
        ];
        let (a, b) = split_rows(&rows, 2, 2);
        assert_eq!(a[0].cells[0].rowspan, 2);
        assert_eq!(b[0].cells.len(), 2);
        assert_eq!(b[0].cells[0].text, "A");
        assert_eq!(b[0].cells[1].text, "3");
    }
}

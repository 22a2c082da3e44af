//! Where findings stand and how many there are: each place of a finding
//! (its primary labels) is located in a unit, a summary table or the
//! document itself, and the findings of a run are counted by code and by
//! unit. The CLI's closing summary (`jixiao check`, `--summary`) and the
//! reviewer's report ([`crate::emit`]) are drawn from these counts.

use std::collections::HashMap;

use unicode_width::UnicodeWidthStr;

use super::{Code, Diagnostic, Severity};
use crate::ast::{Breakdown, FileId, IndicatorNode, IndicatorTree, Line, Span, Summary, Unit};
use crate::i18n::{Lang, Message};
use crate::model::Model;
use crate::msg;

/// What a place belongs to: the table a reviewer would turn to.
#[derive(Clone, Copy, Debug)]
pub enum Owner<'p> {
    /// A unit's tables (its projects included): the innermost unit.
    Unit(&'p Unit),
    /// A summary table (汇总表).
    Summary(&'p Summary),
    /// The document as a whole: its header, its level statements, its
    /// includes; or a place in no document.
    Document,
}

impl Owner<'_> {
    /// Its name, as a reader sees it.
    pub fn name(&self) -> Message {
        match self {
            Owner::Unit(u) => Message::text(u.name.node.clone()),
            Owner::Summary(s) => msg!("place-summary", name = s.name.node.clone()),
            Owner::Document => msg!("place-document"),
        }
    }

    /// The span that identifies it.
    fn key(&self) -> Option<Span> {
        match self {
            Owner::Unit(u) => Some(u.span),
            Owner::Summary(s) => Some(s.span),
            Owner::Document => None,
        }
    }
}

/// Where a place of a finding stands: the document (index in the model),
/// the unit or summary it belongs to, and the cell of its tables, as the
/// steps a reader follows (`项目 保洁 › 支出明细 › 房租费用`).
#[derive(Clone, Debug)]
pub struct Place<'p> {
    pub document: Option<usize>,
    pub owner: Owner<'p>,
    pub cell: Vec<Message>,
}

fn contains(outer: Span, inner: Span) -> bool {
    outer.file == inner.file && outer.start() <= inner.start() && inner.end() <= outer.end()
}

/// Locate a span in the model. (Locating many spans: [`Owners`], whose
/// indexes are made once.)
pub fn locate<'p>(model: &Model<'p>, span: Span) -> Place<'p> {
    Owners::new(model).place(span)
}

/// The steps to a span inside a unit's tables.
fn unit_cell(u: &Unit, span: Span) -> Vec<Message> {
    let mut cell = Vec::new();
    if contains(u.name.span, span) {
        cell.push(msg!("place-name"));
        return cell;
    }
    if let Some(b) = u.budget.as_ref().filter(|b| contains(b.span, span)) {
        cell.push(msg!("place-budget"));
        breakdowns_cell(&b.breakdowns, span, &mut cell);
        return cell;
    }
    if let Some(p) = u.projects.iter().find(|p| contains(p.span, span)) {
        cell.push(msg!("place-project", name = p.name.node.clone()));
        if lines_cell(&p.amounts, span, &mut cell)
            || breakdowns_cell(&p.breakdowns, span, &mut cell)
            || trees_cell(&p.indicators, span, &mut cell)
        {
            return cell;
        }
        if p.goals.iter().any(|g| contains(g.span, span)) {
            cell.push(msg!("place-goal"));
        }
        return cell;
    }
    if lines_cell(&u.amounts, span, &mut cell) || trees_cell(&u.indicators, span, &mut cell) {
        return cell;
    }
    if u.goals.iter().any(|g| contains(g.span, span)) {
        cell.push(msg!("place-goal"));
    }
    cell
}

fn breakdowns_cell(bs: &[Breakdown], span: Span, cell: &mut Vec<Message>) -> bool {
    let Some(b) = bs.iter().find(|b| contains(b.span, span)) else {
        return false;
    };
    cell.push(Message::text(b.dimension.node.label().to_string()));
    lines_cell(&b.lines, span, cell);
    true
}

fn lines_cell(lines: &[Line], span: Span, cell: &mut Vec<Message>) -> bool {
    let Some(l) = lines.iter().find(|l| contains(l.span, span)) else {
        return false;
    };
    cell.push(Message::text(l.name.node.clone()));
    if !breakdowns_cell(&l.breakdowns, span, cell)
        && l.formula.as_ref().is_some_and(|f| contains(f.span, span))
    {
        cell.push(msg!("place-formula"));
    }
    true
}

fn trees_cell(trees: &[IndicatorTree], span: Span, cell: &mut Vec<Message>) -> bool {
    let Some(t) = trees.iter().find(|t| contains(t.span, span)) else {
        return false;
    };
    cell.push(msg!("place-indicators"));
    let mut nodes = &t.nodes[..];
    loop {
        let next = nodes.iter().find_map(|n| match n {
            IndicatorNode::Group(g) if contains(g.span, span) => {
                Some((g.name.node.clone(), Some(&g.children[..])))
            }
            IndicatorNode::Leaf(i) if contains(i.span, span) => Some((i.name.node.clone(), None)),
            _ => None,
        });
        match next {
            Some((name, children)) => {
                cell.push(Message::text(name));
                match children {
                    Some(c) => nodes = c,
                    None => return true,
                }
            }
            None => return true,
        }
    }
}

/// Findings and places of one kind, by severity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Count {
    pub errors: usize,
    pub warnings: usize,
    /// Places (a grouped finding has several).
    pub places: usize,
}

impl Count {
    fn add(&mut self, severity: Severity, places: usize) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            // A note is not a finding to fix.
            Severity::Note => {}
        }
        self.places += places;
    }

    pub fn findings(&self) -> usize {
        self.errors + self.warnings
    }
}

/// The counts of a run: by code (registry order), by owner (the order of
/// the model: each document's units, then its summaries, then the
/// document itself), and in all.
#[derive(Clone, Debug, Default)]
pub struct Tally<'p> {
    pub by_code: Vec<(Code, Count)>,
    /// Each owner with the places there, counted as findings by severity
    /// (a finding with places in three units counts once in each).
    pub by_owner: Vec<(Owner<'p>, Count)>,
    pub total: Count,
    pub documents: usize,
    pub units: usize,
}

/// The owner of a place ([`locate`]'s), found through indexes made once:
/// counting asks for every place of every finding, and a scan of every
/// file and unit for each would grow with the square of the input.
pub(crate) struct Owners<'p> {
    /// Each file's document: the first that holds it.
    document_of: HashMap<FileId, usize>,
    /// Each file's units in that document, by where they start, each with
    /// the position of the innermost unit around it.
    units: HashMap<FileId, Vec<(&'p Unit, Option<usize>)>>,
    /// Each file's summary tables in that document, by where they start
    /// (they never nest).
    summaries: HashMap<FileId, Vec<&'p Summary>>,
}

impl<'p> Owners<'p> {
    /// The owners of the whole model: a file belongs to the first document
    /// that holds it.
    pub(crate) fn new(model: &Model<'p>) -> Self {
        Self::of(model, 0..model.documents.len())
    }

    /// The owners of document `i` alone (a report of one document, made
    /// once per document: indexing the whole model for each would grow
    /// with the number of documents times the size of the model).
    pub(crate) fn of_document(model: &Model<'p>, i: usize) -> Self {
        Self::of(model, i..i + 1)
    }

    fn of(model: &Model<'p>, documents: std::ops::Range<usize>) -> Self {
        let mut document_of = HashMap::new();
        for i in documents.clone() {
            for f in &model.documents[i].group.files {
                document_of.entry(*f).or_insert(i);
            }
        }
        let mut summaries: HashMap<FileId, Vec<&'p Summary>> = HashMap::new();
        for i in documents.clone() {
            for t in &model.documents[i].summaries {
                if document_of.get(&t.span.file) == Some(&i) {
                    summaries.entry(t.span.file).or_default().push(t);
                }
            }
        }
        for list in summaries.values_mut() {
            list.sort_by_key(|t| t.span.start());
        }
        let mut by_file: HashMap<FileId, Vec<&'p Unit>> = HashMap::new();
        for i in documents {
            for u in &model.documents[i].units {
                if document_of.get(&u.span.file) == Some(&i) {
                    by_file.entry(u.span.file).or_default().push(u);
                }
            }
        }
        let units = by_file
            .into_iter()
            .map(|(file, mut list)| {
                // Stable: units that start together keep the model's order.
                list.sort_by_key(|u| u.span.start());
                let mut around: Vec<usize> = Vec::new();
                let mut out: Vec<(&Unit, Option<usize>)> = Vec::with_capacity(list.len());
                for (k, u) in list.into_iter().enumerate() {
                    while around
                        .last()
                        .is_some_and(|&a: &usize| !contains(out[a].0.span, u.span))
                    {
                        around.pop();
                    }
                    out.push((u, around.last().copied()));
                    around.push(k);
                }
                (file, out)
            })
            .collect();
        Owners {
            document_of,
            units,
            summaries,
        }
    }

    /// Where `span` stands: its document, owner and cell.
    pub(crate) fn place(&self, span: Span) -> Place<'p> {
        let document = self.document_of.get(&span.file).copied();
        let owner = self.owner(span);
        let cell = match owner {
            Owner::Unit(u) => unit_cell(u, span),
            Owner::Summary(s) => {
                // Rows stand in the order written, apart: the one that
                // holds `span` is the last that starts at or before it.
                let row = s
                    .rows
                    .partition_point(|r| r.span.start() <= span.start())
                    .checked_sub(1)
                    .map(|k| &s.rows[k])
                    .filter(|r| contains(r.span, span))
                    .map(|r| Message::text(r.name.node.clone()));
                let total = s
                    .total
                    .as_ref()
                    .filter(|t| contains(t.span(), span))
                    .map(|_| msg!("place-total"));
                row.or(total).into_iter().collect()
            }
            Owner::Document => Vec::new(),
        };
        Place {
            document,
            owner,
            cell,
        }
    }

    /// The owner of `span`. Units' spans nest or
    /// are apart, so a unit that holds `span` holds the last unit that
    /// starts before it, and the innermost is found by going out from there.
    fn owner(&self, span: Span) -> Owner<'p> {
        if !self.document_of.contains_key(&span.file) {
            return Owner::Document;
        }
        if let Some(list) = self.units.get(&span.file) {
            let mut at = list
                .partition_point(|(u, _)| u.span.start() <= span.start())
                .checked_sub(1);
            while let Some(k) = at {
                let (u, around) = list[k];
                if contains(u.span, span) {
                    return Owner::Unit(u);
                }
                at = around;
            }
        }
        let list = self
            .summaries
            .get(&span.file)
            .map_or(&[][..], Vec::as_slice);
        match list
            .partition_point(|t| t.span.start() <= span.start())
            .checked_sub(1)
            .map(|k| list[k])
            .filter(|t| contains(t.span, span))
        {
            Some(t) => Owner::Summary(t),
            None => Owner::Document,
        }
    }
}

/// Count the findings of a run.
pub fn tally<'p>(model: &Model<'p>, diags: &[Diagnostic]) -> Tally<'p> {
    count(model, 0..model.documents.len(), diags.iter())
}

/// Count the findings of document `i` (`findings`: those placed in it).
pub fn tally_document<'p>(model: &Model<'p>, i: usize, findings: &[&Diagnostic]) -> Tally<'p> {
    count(model, i..i + 1, findings.iter().copied())
}

fn count<'d, 'p>(
    model: &Model<'p>,
    documents: std::ops::Range<usize>,
    diags: impl Iterator<Item = &'d Diagnostic>,
) -> Tally<'p> {
    let mut by_code: HashMap<Code, Count> = HashMap::new();
    let mut total = Count::default();
    // Owners in model order, with their counts.
    let mut owners: Vec<(Owner<'p>, Count)> = Vec::new();
    let mut index: HashMap<Option<Span>, usize> = HashMap::new();
    for doc in &model.documents[documents.clone()] {
        for u in &doc.units {
            index.insert(Some(u.span), owners.len());
            owners.push((Owner::Unit(u), Count::default()));
        }
        for s in &doc.summaries {
            index.insert(Some(s.span), owners.len());
            owners.push((Owner::Summary(s), Count::default()));
        }
    }
    let document_slot = owners.len();
    owners.push((Owner::Document, Count::default()));
    let located = Owners::of(model, documents.clone());
    for d in diags {
        let spans: Vec<Span> = d
            .labels
            .iter()
            .filter(|l| l.primary)
            .map(|l| l.span)
            .collect();
        let places = spans.len().max(1);
        by_code.entry(d.code).or_default().add(d.severity, places);
        total.add(d.severity, places);
        // Each owner once per finding, with the finding's places there. By
        // sorting: a grouped finding may have a place in thousands of units.
        let mut slots: Vec<usize> = spans
            .iter()
            .map(|s| {
                let owner = located.owner(*s);
                index.get(&owner.key()).copied().unwrap_or(document_slot)
            })
            .collect();
        if slots.is_empty() {
            slots.push(document_slot);
        }
        slots.sort_unstable();
        for run in slots.chunk_by(|a, b| a == b) {
            owners[run[0]].1.add(d.severity, run.len());
        }
    }
    let mut by_code: Vec<(Code, Count)> = by_code.into_iter().collect();
    by_code.sort_by_key(|(c, _)| *c);
    let documents = &model.documents[documents];
    Tally {
        by_code,
        by_owner: owners
            .into_iter()
            .filter(|(_, c)| c.findings() > 0)
            .collect(),
        total,
        documents: documents.len(),
        units: documents.iter().map(|d| d.units.len()).sum(),
    }
}

/// `3 errors, 2 warnings` in `lang`.
pub fn counts_text(c: &Count, lang: Lang) -> String {
    match (c.errors, c.warnings) {
        (0, w) => msg!("count-warnings", count = w),
        (e, 0) => msg!("count-errors", count = e),
        (e, w) => msg!(
            "count-errors-and-warnings",
            errors = msg!("count-errors", count = e),
            warnings = msg!("count-warnings", count = w)
        ),
    }
    .render(lang)
}

/// The closing line: `found 3 errors and 2 warnings`.
pub fn total_line(total: &Count, lang: Lang) -> String {
    match (total.errors, total.warnings) {
        (0, 0) => msg!("total-clean"),
        (0, w) => msg!(
            "total-warnings",
            warnings = msg!("count-warnings", count = w)
        ),
        (e, 0) => msg!("total-errors", errors = msg!("count-errors", count = e)),
        (e, w) => msg!(
            "total-errors-and-warnings",
            errors = msg!("count-errors", count = e),
            warnings = msg!("count-warnings", count = w)
        ),
    }
    .render(lang)
}

fn pad(s: &str, width: usize) -> String {
    let w = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

/// The closing summary of `jixiao check`, at most `max_lines` lines when
/// the codes allow it: the findings by code (each with its one-line
/// meaning), by unit (the units with most findings first; the rest on one
/// line), and the total line.
pub fn render(t: &Tally, lang: Lang, max_lines: usize) -> String {
    let mut out = Vec::new();
    if t.total.findings() == 0 {
        return format!("{}\n", total_line(&t.total, lang));
    }
    out.push(msg!("summary-by-code").render(lang));
    let code_counts: Vec<String> = t
        .by_code
        .iter()
        .map(|(_, c)| {
            let mut s = counts_text(c, lang);
            if c.places > c.findings() {
                s.push_str(&msg!("summary-places", places = c.places).render(lang));
            }
            s
        })
        .collect();
    let width = code_counts
        .iter()
        .map(|s| UnicodeWidthStr::width(s.as_str()))
        .max()
        .unwrap_or(0);
    for ((code, _), counts) in t.by_code.iter().zip(&code_counts) {
        out.push(format!(
            "  {code}  {}  {}",
            pad(counts, width),
            code.info().summary_in(lang)
        ));
    }
    // The units with most places first; equal counts keep the model's order.
    let mut owners: Vec<&(Owner, Count)> = t.by_owner.iter().collect();
    owners.sort_by_key(|(_, c)| std::cmp::Reverse((c.errors, c.findings())));
    // Lines left for owners: the headings, the rest line and the total.
    let room = max_lines.saturating_sub(out.len() + 4).max(5);
    let shown = if owners.len() <= room {
        owners.len()
    } else {
        room - 1
    };
    out.push(String::new());
    out.push(msg!("summary-by-unit").render(lang));
    let owner_counts: Vec<String> = owners
        .iter()
        .take(shown)
        .map(|(_, c)| counts_text(c, lang))
        .collect();
    let width = owner_counts
        .iter()
        .map(|s| UnicodeWidthStr::width(s.as_str()))
        .max()
        .unwrap_or(0);
    for ((owner, _), counts) in owners.iter().zip(&owner_counts) {
        out.push(format!(
            "  {}  {}",
            pad(counts, width),
            owner.name().render(lang)
        ));
    }
    if shown < owners.len() {
        let mut rest = Count::default();
        for (_, c) in &owners[shown..] {
            rest.errors += c.errors;
            rest.warnings += c.warnings;
        }
        out.push(format!(
            "  {}",
            msg!(
                "summary-other-units",
                units = owners.len() - shown,
                counts = counts_text(&rest, lang)
            )
            .render(lang)
        ));
    }
    out.push(String::new());
    out.push(total_line(&t.total, lang));
    let mut s = out.join("\n");
    s.push('\n');
    s
}

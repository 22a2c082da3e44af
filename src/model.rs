//! The resolved model of a run: what the checker decided about each
//! document, in one place, for the backends to render.
//!
//! The checker ([`crate::check::run`]) builds it once per document group:
//! the header with its defaults applied, the document's units and summaries,
//! who belongs to each rollup, and where every indicator stands in the
//! indicator framework (its 一级 and 二级, as the tier checker judged them).
//! A backend reads these and never works them out again from the syntax
//! tree; the figures and names themselves are still read from the tree, as
//! written.

use std::collections::HashMap;

use crate::ast::{self, Indicator, IndicatorGroup, IndicatorTree, Span, Summary, Unit};
use crate::forms::{self, ColumnChoice, Form, Subject};
use crate::project::{Group, Project};

/// The money unit of a document that states none.
pub const DEFAULT_MONEY: &str = "万元";
/// The precision of a document that states none: amounts are exact to 0.01
/// unless written finer.
pub const DEFAULT_PRECISION: u32 = 2;

/// Every document of a run, resolved.
#[derive(Debug)]
pub struct Model<'p> {
    pub project: &'p Project,
    /// One per document group, in the order of `project.groups`.
    pub documents: Vec<Document<'p>>,
}

/// A document's header statements with the defaults applied. This is the
/// only place where a default is chosen: checks and backends read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub title: Option<String>,
    pub year: Option<i32>,
    pub money: String,
    pub precision: u32,
    pub scheme: Option<String>,
}

impl Header {
    pub fn resolve(stated: &ast::Header) -> Header {
        Header {
            title: stated.title.as_ref().map(|t| t.node.clone()),
            year: stated.year.as_ref().map(|y| y.node),
            money: stated
                .money
                .as_ref()
                .map_or_else(|| DEFAULT_MONEY.to_string(), |m| m.node.clone()),
            precision: stated
                .precision
                .as_ref()
                .map_or(DEFAULT_PRECISION, |p| p.node),
            scheme: stated.scheme.as_ref().map(|s| s.node.clone()),
        }
    }
}

/// One document (a root file and what it includes), resolved.
#[derive(Debug)]
pub struct Document<'p> {
    pub project: &'p Project,
    pub group: &'p Group,
    pub header: Header,
    /// Every unit, depth first (a unit, then the units written inside it),
    /// in the order written.
    pub units: Vec<&'p Unit>,
    /// The summary tables, in the order written.
    pub summaries: Vec<&'p Summary>,
    /// The official forms the document prints, in order: those its `form`
    /// statements choose, then the framework's defaults for the subjects
    /// it chooses none for.
    pub forms: Vec<Chosen>,
    /// The unit each unit is written inside, by the inner unit's span.
    written_in: HashMap<Span, &'p Unit>,
    /// The members of each rollup, by the rollup's span.
    members: HashMap<Span, Vec<&'p Unit>>,
    /// The placed rows of each indicator tree, by the tree's span.
    tiers: HashMap<Span, Vec<TierRow<'p>>>,
}

impl<'p> Document<'p> {
    /// The parts that need no check; the tier checker adds the tiers
    /// ([`Document::set_tiers`]) before the model is published.
    pub fn new(project: &'p Project, group: &'p Group) -> Document<'p> {
        let mut units = Vec::new();
        let mut written_in = HashMap::new();
        let mut summaries = Vec::new();
        for f in &group.files {
            let doc = project.document(*f);
            walk_units(&doc.units, Some(&group.merged), &mut |u, parent| {
                units.push(u);
                if let Some(p) = parent {
                    written_in.insert(u.span, p);
                }
            });
            summaries.extend(doc.summaries.iter());
        }
        let members = units
            .iter()
            .filter(|u| u.rollup)
            .map(|r| (r.span, rollup_members(r, &units)))
            .collect();
        let header = Header::resolve(&group.header);
        let forms = chosen_forms(&group.header.forms, header.scheme.as_deref());
        Document {
            project,
            group,
            header,
            forms,
            units,
            summaries,
            written_in,
            members,
            tiers: HashMap::new(),
        }
    }

    /// Call `each` on every unit, in the order of `units`, whole: from
    /// the tree, or, for a project loaded lean (whose tree holds
    /// skeletons), from each file read again
    /// ([`crate::check::stream::each_unit`]).
    pub fn each_whole_unit(&self, mut each: impl FnMut(&Unit)) {
        if self.project.lean {
            crate::check::stream::each_unit(self.project, self.group, each);
        } else {
            for u in &self.units {
                each(u);
            }
        }
    }

    pub(crate) fn set_tiers(&mut self, tiers: Tiers<'p>) {
        self.tiers = tiers.rows;
    }

    /// The members of a rollup unit (系统), in the order written: the units
    /// written inside it and those naming it (or its code) as `parent`.
    /// Empty for a unit that is not a rollup.
    pub fn members(&self, rollup: &Unit) -> &[&'p Unit] {
        self.members.get(&rollup.span).map_or(&[], Vec::as_slice)
    }

    /// The unit a unit is written inside, if any.
    pub fn written_in(&self, unit: &Unit) -> Option<&'p Unit> {
        self.written_in.get(&unit.span).copied()
    }

    /// The rows of indicator trees, in the order written: each indicator
    /// and each empty tier with its 一级 and 二级 as the tier checker
    /// placed them.
    pub fn tier_rows(&self, trees: &[IndicatorTree]) -> Vec<TierRow<'p>> {
        trees
            .iter()
            .filter_map(|t| self.tiers.get(&t.span))
            .flatten()
            .cloned()
            .collect()
    }
}

/// A form the document prints, with its own title and columns if given.
#[derive(Clone, Debug)]
pub struct Chosen {
    pub form: &'static Form,
    /// The title pattern the document gives, replacing the form's.
    pub title: Option<String>,
    /// The columns the document gives the form's grid, by header.
    pub columns: Option<Vec<(String, ColumnChoice)>>,
}

impl Chosen {
    pub fn title(&self) -> &str {
        self.title.as_deref().unwrap_or(self.form.title)
    }
}

/// The forms of a document: its `form` statements (an unknown form, or a
/// column the form has not, is the checker's to report and is left out),
/// then the defaults of the framework for the subjects not chosen. A form
/// with a row per project stands for the projects' own tables too.
fn chosen_forms(stated: &[ast::FormChoice], scheme: Option<&str>) -> Vec<Chosen> {
    let mut out: Vec<Chosen> = Vec::new();
    for c in stated {
        let Some(form) = forms::find(&c.name.node) else {
            continue;
        };
        let columns = (!c.columns.is_empty()).then(|| {
            c.columns
                .iter()
                .filter_map(|h| forms::column(form, &h.node).map(|k| (h.node.clone(), k)))
                .collect()
        });
        out.push(Chosen {
            form,
            title: c.title.as_ref().map(|t| t.node.clone()),
            columns,
        });
    }
    let covers = |s: Subject, f: &Form| {
        f.subject == s || (s == Subject::Project && f.subject == Subject::Projects)
    };
    for d in forms::defaults(scheme) {
        if !out.iter().any(|c| covers(d.subject, c.form)) {
            out.push(Chosen {
                form: d,
                title: None,
                columns: None,
            });
        }
    }
    out
}

/// Visit a file's units in the model's order: depth first, a unit then
/// the units written inside it, each with the parts its continuations
/// give it (`merged`, by the span of its declaration) and with the unit it
/// is written inside. The checks, the model and a lean check
/// ([`crate::check::stream`]) number units by this order.
pub(crate) fn walk_units<'a>(
    units: &'a [Unit],
    merged: Option<&'a HashMap<Span, Unit>>,
    visit: &mut impl FnMut(&'a Unit, Option<&'a Unit>),
) {
    fn walk<'a>(
        u: &'a Unit,
        parent: Option<&'a Unit>,
        merged: Option<&'a HashMap<Span, Unit>>,
        visit: &mut impl FnMut(&'a Unit, Option<&'a Unit>),
    ) {
        let u = merged.and_then(|m| m.get(&u.span)).unwrap_or(u);
        visit(u, parent);
        for c in &u.children {
            walk(c, Some(u), merged, visit);
        }
    }
    for u in units {
        walk(u, None, merged, visit);
    }
}

pub(crate) fn rollup_members<'a>(rollup: &Unit, all: &[&'a Unit]) -> Vec<&'a Unit> {
    let names_it = |m: &Unit| {
        m.parent.as_ref().is_some_and(|p| {
            p.node == rollup.name.node || rollup.code.as_ref().is_some_and(|c| c.node == p.node)
        })
    };
    all.iter()
        .copied()
        .filter(|m| rollup.children.iter().any(|c| std::ptr::eq(c, *m)) || names_it(m))
        .collect()
}

/// One row of an indicator grid: an indicator (or a tier written empty)
/// with the groups of the tree that stand as its 一级 and 二级. A missing
/// tier is `None` (or an empty `tier2`) and shows as a blank cell.
#[derive(Clone, Debug)]
pub struct TierRow<'p> {
    pub tier1: Option<&'p IndicatorGroup>,
    /// The 二级 group, then any deeper groups as written (a fourth tier,
    /// which the tier checker reports).
    pub tier2: Vec<&'p IndicatorGroup>,
    pub indicator: Option<&'p Indicator>,
}

impl TierRow<'_> {
    /// The 一级 cell: the name as written, empty when missing.
    pub fn tier1_name(&self) -> String {
        self.tier1.map(|g| g.name.node.clone()).unwrap_or_default()
    }
    /// The 二级 cell: the name as written (deeper groups after ` / `),
    /// empty when missing.
    pub fn tier2_name(&self) -> String {
        self.tier2
            .iter()
            .map(|g| g.name.node.as_str())
            .collect::<Vec<_>>()
            .join(" / ")
    }
    /// Which 一级 the row is under (rows under one 一级 merge their cells).
    pub fn tier1_key(&self) -> Option<Span> {
        self.tier1.map(|g| g.span)
    }
    /// Which 二级 the row is under.
    pub fn tier2_key(&self) -> Option<Span> {
        self.tier2.last().map(|g| g.span)
    }
    /// The span of what the row shows (the indicator, or the empty tier).
    pub fn span(&self) -> Option<Span> {
        match self.indicator {
            Some(i) => Some(i.span),
            None => self.tier2.last().or(self.tier1.as_ref()).map(|g| g.span),
        }
    }
}

/// The placed rows of every indicator tree of a document, as the tier
/// checker records them.
#[derive(Debug, Default)]
pub struct Tiers<'p> {
    rows: HashMap<Span, Vec<TierRow<'p>>>,
}

impl<'p> Tiers<'p> {
    pub(crate) fn insert(&mut self, tree: &IndicatorTree, rows: Vec<TierRow<'p>>) {
        self.rows.insert(tree.span, rows);
    }
}

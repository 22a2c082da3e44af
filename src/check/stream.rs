//! `check` without every file's tree in memory at once.
//!
//! Most of a document's rules read one unit at a time (its budget, its
//! bounds, the figures it states, its tiers, its values); what they read
//! besides the unit is its document's *context* — precision, money unit,
//! year and indicator framework ([`UnitContext`]). A lean load
//! ([`crate::project::LoadOptions::lean`]) checks each file's units as soon
//! as the file is lowered, with the context its document will most likely
//! have (the header of the files that include it, then its own: nearly
//! always the root's), and keeps only the file's skeleton
//! ([`crate::project::units::strip`]); the tree of a file lives only while
//! it is lowered.
//!
//! A file's repeats of one choice, which the run's grouping would merge,
//! are merged at once ([`merge_repeats`]).
//!
//! When the documents are formed, [`run`] checks each file's assumed
//! context against its document's. A file whose context differs, a file
//! that several documents hold, and every file of a document whose units
//! are continued across files (`continued unit`) are lowered again from
//! their sources and their units checked with the document's true context:
//! the findings are exactly those of the whole check ([`super::run`] on a
//! full load), whatever the files say; only those files pay twice. The
//! rules across units (rollups, summaries, the level statements, the forms,
//! the framework's name) then run over the skeletons, and the findings are
//! put in the order the whole check makes them, so that sorting and
//! grouping give the same result.
//!
//! A backend that prints every unit's tables from a lean load reads each
//! file again when its units' turn comes ([`each_unit`]; the JSON model).

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::Mutex;

use rayon::prelude::*;

use super::frameworks::Framework;
use super::{bounds, budget, check_levels, forms, stated, tiers, values, Checked, Options};
use crate::ast::{self, SchemeDef, Unit};
use crate::diag::{Code, Diagnostic};
use crate::i18n::Message;
use crate::model::{self, Tiers};
use crate::project::{units, Group, Project};
use crate::source::{FileId, SourceMap};
use crate::syntax::grammar::Rule;
use crate::syntax::{keywords, parse_document};

/// What a unit's own rules read besides the unit.
#[derive(Debug, PartialEq)]
pub struct UnitContext {
    precision: u32,
    money: String,
    year: Option<i32>,
    framework: Option<Framework>,
}

impl UnitContext {
    /// The context a document gives its units; a framework whose name is
    /// unknown is reported in `out` (S009), as the whole check does.
    fn of_group(project: &Project, group: &Group, out: &mut Vec<Diagnostic>) -> UnitContext {
        let h = model::Header::resolve(&group.header);
        UnitContext {
            precision: h.precision,
            money: h.money,
            year: h.year,
            framework: tiers::framework_for(project, group, out),
        }
    }

    /// The context the document of `doc` most likely gives: the header
    /// and schemes of the files that led to it, then its own.
    pub(crate) fn assumed(chain: &Chain, doc: &ast::Document) -> UnitContext {
        let chain = chain.then(doc);
        let h = model::Header::resolve(&chain.header);
        let framework = chain
            .header
            .scheme
            .as_ref()
            .and_then(|name| tiers::framework_named(&name.node, chain.schemes.iter()));
        UnitContext {
            precision: h.precision,
            money: h.money,
            year: h.year,
            framework,
        }
    }
}

/// The header statements and scheme definitions of a chain of files, each
/// included by the one before: a header statement is taken from the first
/// file that makes it, as a document takes it from the first of its files.
#[derive(Clone, Debug, Default)]
pub(crate) struct Chain {
    header: ast::Header,
    schemes: Vec<SchemeDef>,
}

impl Chain {
    /// This chain followed by `doc`.
    pub(crate) fn then(&self, doc: &ast::Document) -> Chain {
        let mut next = self.clone();
        // What merging finds is reported when the documents are formed.
        crate::project::merge_header(&mut next.header, &doc.header, &mut Vec::new());
        next.schemes.extend(doc.schemes.iter().cloned());
        next
    }
}

/// The findings of a file's units' own rules, by family, each with the
/// place of its unit among the units checked (depth first).
#[derive(Debug, Default)]
pub struct Families {
    budget: Vec<(u32, Diagnostic)>,
    bounds: Vec<(u32, Diagnostic)>,
    stated: Vec<(u32, Diagnostic)>,
    tiers: Vec<(u32, Diagnostic)>,
    values: Vec<(u32, Diagnostic)>,
}

impl Families {
    fn all_mut(&mut self) -> [&mut Vec<(u32, Diagnostic)>; 5] {
        [
            &mut self.budget,
            &mut self.bounds,
            &mut self.stated,
            &mut self.tiers,
            &mut self.values,
        ]
    }
}

/// A file checked as it was loaded: the context assumed and what its units'
/// own rules found with it.
#[derive(Debug)]
pub struct Early {
    context: UnitContext,
    families: Families,
}

/// Check the units of a file just lowered with the context `chain` and the
/// file's own header give; the tree may then be cut to its skeleton.
pub(crate) fn check_file(chain: &Chain, doc: &ast::Document, sources: &SourceMap) -> Early {
    let context = UnitContext::assumed(chain, doc);
    let mut families = check_units(&file_units(doc, None), &context, sources);
    merge_repeats(&mut families);
    Early { context, families }
}

/// Merge the findings of a file that the run's grouping ([`crate::diag::group`]) will
/// merge: those of a grouping code with one key, into the first of them
/// in the order the run sorts them (by place, then as found), which takes
/// the others' primary labels and counts them. Most findings of a large
/// corpus are such repeats (28,500 found, 7,200 reported on the 10 MB
/// corpus), held from when their file is checked to the end of the run.
///
/// Exact because the codes that group are found only by a unit's own rules
/// (never across units nor while loading), levels are set by file and
/// code, and a file's findings belong to one document: a file that
/// several documents hold is checked again, unmerged ([`own_findings`]).
fn merge_repeats(families: &mut Families) {
    let fams = families.all_mut();
    // The findings of grouping codes, in the order the run sorts them.
    let mut order: Vec<(bool, FileId, u32, u32, usize, usize)> = Vec::new();
    for (k, family) in fams.iter().enumerate() {
        for (i, (_, d)) in family.iter().enumerate() {
            if d.code.info().groups {
                let at = d.primary_span();
                let (file, start, end) = at.map_or((FileId(0), 0, 0), |s| {
                    (s.file, s.start() as u32, s.end() as u32)
                });
                order.push((at.is_some(), file, start, end, k, i));
            }
        }
    }
    if order.len() < 2 {
        return;
    }
    order.sort_unstable();
    let mut first: HashMap<(Code, Message), (usize, usize)> = HashMap::new();
    let mut merged: Vec<Vec<bool>> = fams.iter().map(|f| vec![false; f.len()]).collect();
    for &(.., k, i) in &order {
        let d = &fams[k][i].1;
        let key = (d.code, d.group.clone().unwrap_or_else(|| d.message.clone()));
        match first.entry(key) {
            Entry::Vacant(e) => {
                e.insert((k, i));
            }
            Entry::Occupied(e) => {
                let (fk, fi) = *e.get();
                let d = &mut fams[k][i].1;
                let labels = std::mem::take(&mut d.labels);
                let absorbed = 1 + d.absorbed;
                let into = &mut fams[fk][fi].1;
                into.labels.extend(labels.into_iter().filter(|l| l.primary));
                into.absorbed += absorbed;
                merged[k][i] = true;
            }
        }
    }
    for (family, merged) in fams.into_iter().zip(merged) {
        let mut merged = merged.into_iter();
        family.retain(|_| !merged.next().unwrap_or(false));
        family.shrink_to_fit();
    }
}

/// A file's units in the model's order ([`model::walk_units`]), each
/// with the parts its continuations give it (`merged`).
fn file_units<'a>(doc: &'a ast::Document, merged: Option<&'a units::Merged>) -> Vec<&'a Unit> {
    let mut out = Vec::new();
    model::walk_units(&doc.units, merged, &mut |u, _| out.push(u));
    out
}

/// The own rules of `units`, family by family, in the order the whole
/// check runs them for each unit.
fn check_units(units: &[&Unit], ctx: &UnitContext, sources: &SourceMap) -> Families {
    let money = budget::Ctx {
        precision: ctx.precision,
        money: &ctx.money,
    };
    let figures = stated::Ctx {
        precision: ctx.precision,
        money: &ctx.money,
    };
    let dated = values::Ctx {
        year: ctx.year,
        sources,
    };
    let fw = ctx.framework.as_ref();
    let others = tiers::others(fw);
    // The placed rows are the model's; a check needs only the findings.
    let mut placed = Tiers::default();
    let mut out = Families::default();
    let mut found = Vec::new();
    for (k, u) in (0u32..).zip(units) {
        let [b, bo, s, t, v] = out.all_mut();
        budget::check_own(&money, u, &mut found);
        b.extend(found.drain(..).map(|d| (k, d)));
        bounds::check_unit(&money, u, &mut found);
        bo.extend(found.drain(..).map(|d| (k, d)));
        stated::check_unit(&figures, u, &mut found);
        s.extend(found.drain(..).map(|d| (k, d)));
        tiers::check_unit(u, fw, &others, &mut found, &mut placed);
        t.extend(found.drain(..).map(|d| (k, d)));
        values::check_table(&dated, u, &mut found);
        v.extend(found.drain(..).map(|d| (k, d)));
    }
    // Held until the documents are formed: without the room a vector
    // grown by pushes keeps.
    for family in out.all_mut() {
        family.shrink_to_fit();
    }
    out
}

/// Every file of a document lowered again, whole and together (indexed
/// by `FileId`, the other files' documents empty), and its units merged
/// with their continuations as the load merged their skeletons. What
/// merging finds was reported when the project was loaded.
fn lowered_whole(project: &Project, group: &Group) -> (Vec<ast::Document>, units::Merged) {
    let lowered: Vec<(FileId, ast::Document)> = group
        .files
        .par_iter()
        .map(|f| (*f, relower(project, *f)))
        .collect();
    let mut documents = vec![ast::Document::default(); project.documents.len()];
    for (f, d) in lowered {
        documents[f.0 as usize] = d;
    }
    let merged = units::resolve(&documents, &group.files, &group.header, &mut Vec::new());
    (documents, merged)
}

/// A file lowered again from its source, whole.
fn relower(project: &Project, file: FileId) -> ast::Document {
    parse_document(file, &project.sources.get(file).text).0
}

/// Check a project loaded lean: every document as [`super::run`] checks it
/// on a full load, with the same findings in the same order.
pub(super) fn run<'p>(project: &'p Project, options: &Options) -> Checked<'p> {
    // How many documents hold each file: a file's early findings are
    // moved into the one document that holds it, copied for several.
    let mut holders = vec![0u32; project.documents.len()];
    for g in &project.groups {
        for f in &g.files {
            holders[f.0 as usize] += 1;
        }
    }
    let checked: Vec<(model::Document, Vec<Diagnostic>)> = project
        .groups
        .par_iter()
        .map(|group| {
            let doc = model::Document::new(project, group);
            let mut framework = Vec::new();
            let ctx = UnitContext::of_group(project, group, &mut framework);
            let mut own = own_findings(project, group, &ctx, &holders);
            let mut raw = check_levels(project, group);
            raw.extend(forms::check(&doc));
            let money = budget::Ctx {
                precision: ctx.precision,
                money: &ctx.money,
            };
            // Moved family by family out of each file's findings, in the
            // order of the whole check: a unit's budget findings, then,
            // for a rollup, its findings against its members.
            let mut budget = own
                .iter_mut()
                .flat_map(|f| std::mem::take(&mut f.budget))
                .peekable();
            for (k, u) in doc.units.iter().enumerate() {
                while let Some((_, d)) = budget.next_if(|(at, _)| *at as usize <= k) {
                    raw.push(d);
                }
                if u.rollup {
                    budget::check_rollup(&money, &doc, u, &mut raw);
                }
            }
            raw.extend(budget.map(|(_, d)| d));
            budget::summaries(&money, &doc, &mut raw);
            let mut family = |pick: fn(&mut Families) -> &mut Vec<(u32, Diagnostic)>,
                              raw: &mut Vec<Diagnostic>| {
                for f in &mut own {
                    raw.extend(std::mem::take(pick(f)).into_iter().map(|(_, d)| d));
                }
            };
            family(|f| &mut f.bounds, &mut raw);
            family(|f| &mut f.stated, &mut raw);
            raw.extend(framework);
            family(|f| &mut f.tiers, &mut raw);
            family(|f| &mut f.values, &mut raw);
            (doc, raw)
        })
        .collect();
    super::finish(project, options, checked)
}

/// The own findings of every unit of a document, file by file, numbered
/// by the unit's place in the document: those found at load when the
/// file's assumed context is the document's, else found now on the file
/// lowered again.
fn own_findings(
    project: &Project,
    group: &Group,
    ctx: &UnitContext,
    holders: &[u32],
) -> Vec<Families> {
    let sources = &project.sources;
    if !group.merged.is_empty() {
        // A unit continued in other files is checked with the parts they
        // give it.
        let (documents, merged) = lowered_whole(project, group);
        let all: Vec<&Unit> = group
            .files
            .iter()
            .flat_map(|f| file_units(&documents[f.0 as usize], Some(&merged)))
            .collect();
        return vec![check_units(&all, ctx, sources)];
    }
    let mut per_file: Vec<Families> = group
        .files
        .par_iter()
        .map(|f| {
            // A file several documents hold is checked again for each:
            // its early findings were merged as one document's
            // ([`merge_repeats`]).
            let early = project
                .early
                .get(f.0 as usize)
                .filter(|_| holders[f.0 as usize] == 1)
                .and_then(|slot| {
                    let mut slot = slot.lock().unwrap_or_else(|e| e.into_inner());
                    match &*slot {
                        Some(e) if e.context == *ctx => slot.take(),
                        _ => None,
                    }
                });
            match early {
                Some(e) => e.families,
                None => {
                    let doc = relower(project, *f);
                    check_units(&file_units(&doc, None), ctx, sources)
                }
            }
        })
        .collect();
    let mut offset = 0u32;
    for (f, found) in group.files.iter().zip(&mut per_file) {
        for family in found.all_mut() {
            for (k, _) in family.iter_mut() {
                *k += offset;
            }
        }
        offset += file_units(project.document(*f), None).len() as u32;
    }
    per_file
}

/// Whether a file may include others: a line starting with the `include`
/// keyword. Such files are lowered first, so that the files they include
/// are checked with their header. (Only a hint: a file it misses is
/// checked with a context assumed from less and, if that differs, again.)
pub(crate) fn may_include(text: &str) -> bool {
    let Some(include) = keywords::by_rule(Rule::kw_include) else {
        return true;
    };
    text.lines().any(|l| {
        let l = l.trim_start();
        include.spellings().any(|s| l.starts_with(s))
    })
}

/// Each file's early findings, for a lean load.
pub(crate) type EarlySlots = Vec<Mutex<Option<Early>>>;

/// Call `each` on every unit of a document of a lean project, in the
/// order of the whole model's `units` (depth first, file by file), each
/// whole: its file lowered again from its source, a few files at a time
/// in parallel, and dropped once its units are done. For a backend that
/// prints every unit's tables (`build --format json`) from a lean load.
pub(crate) fn each_unit(project: &Project, group: &Group, mut each: impl FnMut(&Unit)) {
    if !group.merged.is_empty() {
        // A unit continued in other files takes parts from several.
        let (documents, merged) = lowered_whole(project, group);
        for f in &group.files {
            for u in file_units(&documents[f.0 as usize], Some(&merged)) {
                each(u);
            }
        }
        return;
    }
    // Enough files at once to keep every thread busy, few enough that
    // their trees weigh little.
    let batch = 2 * rayon::current_num_threads().max(1);
    // A file without units (a summary, a header) is not read again: its
    // skeleton is whole.
    let with_units: Vec<FileId> = group
        .files
        .iter()
        .copied()
        .filter(|f| !project.document(*f).units.is_empty())
        .collect();
    for files in with_units.chunks(batch) {
        let lowered: Vec<ast::Document> = files.par_iter().map(|f| relower(project, *f)).collect();
        for d in &lowered {
            for u in file_units(d, None) {
                each(u);
            }
        }
    }
}

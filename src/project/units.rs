//! The units of a document across its files: each declared once, with the
//! parts other files give it (`continued unit`), and what cannot be
//! resolved reported.
//!
//! - R030: one unit code or name declared twice in the document;
//! - R031: a `continued unit` that names no unit of the document;
//! - R032: a `parent` that names no unit of the document;
//! - S031: no file of the document states a header, so the rules that need
//!   `scheme` or `year` cannot run — what happens when a file meant to be
//!   included is checked on its own.

use crate::i18n::{Arg, Message};
use crate::msg;
use crate::syntax::keywords;
use std::collections::HashMap;

use crate::ast::{self, Header, IndicatorNode, Span, Stripped, Unit, Value};
use crate::diag::{Code, Diagnostic};
use crate::source::FileId;

/// Each unit given parts by a `continued unit`, merged with them, by the
/// span of the unit as declared.
pub type Merged = HashMap<Span, Unit>;

/// Resolve the units of the document made of `files`.
pub fn resolve(
    documents: &[ast::Document],
    files: &[FileId],
    header: &Header,
    diags: &mut Vec<Diagnostic>,
) -> Merged {
    let docs: Vec<&ast::Document> = files.iter().map(|f| &documents[f.0 as usize]).collect();
    let mut declared: Vec<&Unit> = Vec::new();
    for d in &docs {
        for u in &d.units {
            walk(u, &mut declared);
        }
    }
    declared_twice(&declared, diags);
    let merged = continuations(&docs, &declared, diags);
    parents(&declared, &merged, diags);
    rules_not_run(&docs, header, diags);
    merged
}

fn walk<'a>(u: &'a Unit, out: &mut Vec<&'a Unit>) {
    out.push(u);
    for c in &u.children {
        walk(c, out);
    }
}

/// R030, at the second declaration, pointing at the first.
fn declared_twice(units: &[&Unit], diags: &mut Vec<Diagnostic>) {
    let mut by_code: HashMap<&str, &Unit> = HashMap::new();
    let mut by_name: HashMap<&str, &Unit> = HashMap::new();
    for u in units {
        let same_code = u
            .code
            .as_ref()
            .and_then(|c| by_code.get(c.node.as_str()).map(|first| (*first, c)));
        if let Some((first, code)) = same_code {
            let at = first.code.as_ref().map_or(first.name.span, |c| c.span);
            diags.push(twice(
                msg!("r030-code-twice", code = code.node.as_str()),
                code.span,
                at,
                u,
            ));
        } else if let Some(first) = by_name.get(u.name.node.as_str()) {
            diags.push(twice(
                msg!("r030-unit-twice", unit = u.name.node.as_str()),
                u.name.span,
                first.name.span,
                u,
            ));
        }
        if let Some(c) = &u.code {
            by_code.entry(c.node.as_str()).or_insert(u);
        }
        by_name.entry(u.name.node.as_str()).or_insert(u);
    }
}

fn twice(message: Message, at: Span, first: Span, u: &Unit) -> Diagnostic {
    let named = match &u.code {
        Some(c) => c.node.clone(),
        None => quoted(&u.name.node),
    };
    Diagnostic::new(Code::R030, message)
        .primary(at, msg!("r030-declared-again"))
        .secondary(first, msg!("r030-first-declared"))
        .note(msg!("r030-note"))
        .help(msg!("r030-help", unit = named))
}

fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The unit a continuation names: by its code when it gives one, else by
/// its name.
fn target<'a>(c: &Unit, declared: &[&'a Unit]) -> Option<&'a Unit> {
    match &c.code {
        Some(code) => declared
            .iter()
            .find(|u| u.code.as_ref().is_some_and(|x| x.node == code.node))
            .copied(),
        None => declared
            .iter()
            .find(|u| u.name.node == c.name.node)
            .copied(),
    }
}

/// Merge every continuation into the unit it names (R031 when none).
fn continuations(
    docs: &[&ast::Document],
    declared: &[&Unit],
    diags: &mut Vec<Diagnostic>,
) -> Merged {
    let mut merged: Merged = HashMap::new();
    for d in docs {
        for c in &d.continuations {
            let at = c
                .code
                .as_ref()
                .map_or(c.name.span, |x| x.span.to(c.name.span));
            let Some(u) = target(c, declared) else {
                let what = match &c.code {
                    Some(code) => msg!("r031-what-code", code = code.node.as_str()),
                    None => msg!("r031-what-name", unit = c.name.node.as_str()),
                };
                diags.push(
                    Diagnostic::new(
                        Code::R031,
                        msg!(
                            "r031-no-such-unit",
                            continued = keywords::arg_named("continued", None),
                            unit = keywords::arg_named("unit", None),
                            what = what
                        ),
                    )
                    .primary(at, msg!("r031-no-such-unit-label"))
                    .note(msg!("r031-no-such-unit-note"))
                    .help(msg!("r031-no-such-unit-help")),
                );
                continue;
            };
            if c.code.is_some() && !c.name.node.is_empty() && c.name.node != u.name.node {
                diags.push(
                    Diagnostic::new(
                        Code::R031,
                        msg!(
                            "r031-code-and-name-differ",
                            continued = keywords::arg_named("continued", None),
                            unit = keywords::arg_named("unit", None),
                            declared = u.name.node.as_str(),
                            written = c.name.node.as_str()
                        ),
                    )
                    .primary(c.name.span, msg!("r031-not-its-name"))
                    .secondary(u.name.span, msg!("r031-declared-name"))
                    .help(msg!("r031-code-and-name-help")),
                );
                continue;
            }
            let m = merged.entry(u.span).or_insert_with(|| u.clone());
            extend(m, c, diags);
        }
    }
    merged
}

/// Add a continuation's parts to its unit.
fn extend(u: &mut Unit, c: &Unit, diags: &mut Vec<Diagnostic>) {
    if let Some(b) = &c.budget {
        match &u.budget {
            Some(first) => diags.push(
                Diagnostic::new(
                    Code::S005,
                    msg!(
                        "s005-one-budget",
                        budget = keywords::arg_named("budget", None)
                    ),
                )
                .primary(b.span, msg!("s005-second-budget"))
                .secondary(first.span, msg!("s005-first-budget")),
            ),
            None => u.budget = Some(b.clone()),
        }
    }
    if let Some(p) = &c.parent {
        match &u.parent {
            Some(first) if first.node != p.node => diags.push(
                Diagnostic::new(
                    Code::S005,
                    msg!(
                        "s005-one-parent",
                        parent = keywords::arg_named("parent", None)
                    ),
                )
                .primary(p.span, msg!("s005-second-parent"))
                .secondary(first.span, msg!("s005-first-parent")),
            ),
            Some(_) => {}
            None => u.parent = Some(p.clone()),
        }
    }
    u.duties.extend(c.duties.iter().cloned());
    u.goals.extend(c.goals.iter().cloned());
    u.plans.extend(c.plans.iter().cloned());
    u.staff.extend(c.staff.iter().cloned());
    u.amounts.extend(c.amounts.iter().cloned());
    u.indicators.extend(c.indicators.iter().cloned());
    u.projects.extend(c.projects.iter().cloned());
    u.children.extend(c.children.iter().cloned());
    u.properties.extend(c.properties.iter().cloned());
}

/// R032: a `parent` that is no unit of the document.
fn parents(declared: &[&Unit], merged: &Merged, diags: &mut Vec<Diagnostic>) {
    // Every unit's name and code, once: a scan of the units for each
    // `parent` grew with their product (24,000 units in the 100 MB corpus).
    let names: std::collections::HashSet<&str> = declared
        .iter()
        .flat_map(|u| {
            std::iter::once(u.name.node.as_str()).chain(u.code.as_ref().map(|c| c.node.as_str()))
        })
        .collect();
    let is_unit = |p: &str| names.contains(p);
    for u in declared {
        // A continuation may give the unit its `parent`.
        let u = merged.get(&u.span).unwrap_or(u);
        let Some(p) = &u.parent else { continue };
        if !is_unit(&p.node) {
            diags.push(
                Diagnostic::new(
                    Code::R032,
                    msg!(
                        "r032-no-parent",
                        unit = u.name.node.as_str(),
                        parent = p.node.as_str()
                    ),
                )
                .primary(p.span, msg!("r032-label"))
                .note(msg!("r032-note"))
                .help(msg!(
                    "r032-help",
                    allow = keywords::arg_named("allow", None)
                )),
            );
        }
    }
}

/// S031: a document none of whose files states a header statement —
/// what a file meant to be included is when checked on its own — says
/// which rules did not run for want of them. (A document with a header
/// and no `scheme` chose to go without tiers: docs/language.md says so.)
fn rules_not_run(docs: &[&ast::Document], header: &Header, diags: &mut Vec<Diagnostic>) {
    let stated = header.year.is_some()
        || header.money.is_some()
        || header.precision.is_some()
        || header.scheme.is_some()
        || header.title.is_some();
    if stated {
        return;
    }
    let firsts: Vec<Stripped> = docs
        .iter()
        .map(|d| d.stripped.clone().unwrap_or_else(|| firsts(d)))
        .collect();
    let first_tree = firsts.iter().find_map(|f| f.first_tree);
    let first_dated = firsts.iter().find_map(|f| f.first_dated);
    let mut missing = Vec::new();
    if let Some(t) = first_tree {
        missing.push(("scheme", msg!("s031-no-scheme"), t));
    }
    if let Some(d) = first_dated {
        missing.push((
            "year",
            msg!("s031-no-year", year = keywords::arg_named("year", None)),
            d,
        ));
    }
    let Some(at) = missing.iter().map(|m| m.2).min_by_key(|s| s.start()) else {
        return;
    };
    let names = Arg::and(
        missing
            .iter()
            .map(|m| msg!("expect-keyword", keyword = keywords::arg_named(m.0, None))),
    );
    let mut d = Diagnostic::new(Code::S031, msg!("s031-no-header", names = names))
        .primary(Span::at(at.file, at.start()), msg!("s031-label"));
    for m in &missing {
        d = d.note(m.1.clone());
    }
    diags.push(
        d.note(msg!(
            "s031-defaults",
            money = keywords::arg_named("money", None),
            precision = keywords::arg_named("precision", None)
        ))
        .help(msg!(
            "s031-help",
            allow = keywords::arg_named("allow", None)
        )),
    );
}

/// A file's first indicator tree and first date (a date value or a
/// project's period), in the order S031 looks for them.
fn firsts(d: &ast::Document) -> Stripped {
    let mut first = Stripped::default();
    for u in d.units.iter().chain(&d.continuations) {
        let mut all = Vec::new();
        walk(u, &mut all);
        for x in all {
            let projects = x.projects.iter().flat_map(|p| p.indicators.iter());
            for t in x.indicators.iter().chain(projects) {
                first.first_tree.get_or_insert(t.span);
                if first.first_dated.is_none() {
                    let mut dated = Vec::new();
                    dates(&t.nodes, &mut dated);
                    first.first_dated = dated.first().copied();
                }
            }
            if first.first_dated.is_none() {
                first.first_dated = x
                    .projects
                    .iter()
                    .find_map(|p| p.period.as_ref().map(|s| s.span));
            }
            if first.first_tree.is_some() && first.first_dated.is_some() {
                return first;
            }
        }
    }
    first
}

/// Cut a file's tree to the skeleton that the rules across units and
/// files read, once its units' own rules have run (`check`'s lean load):
/// a unit keeps its code, name, `rollup`, `parent`, span, its budget's
/// total, its projects' names, codes, amounts and periods, and its inner
/// units; the header, includes, level statements, schemes and summaries
/// stay whole. What S031 would look for in the parts cut is kept in
/// [`ast::Document::stripped`].
pub(crate) fn strip(doc: &mut ast::Document) {
    if doc.stripped.is_some() {
        return;
    }
    doc.stripped = Some(firsts(doc));
    for u in doc.units.iter_mut().chain(doc.continuations.iter_mut()) {
        strip_unit(u);
    }
}

fn strip_unit(u: &mut Unit) {
    u.duties = Vec::new();
    u.goals = Vec::new();
    u.plans = Vec::new();
    u.staff = Vec::new();
    u.amounts = Vec::new();
    u.indicators = Vec::new();
    u.properties = Vec::new();
    if let Some(b) = &mut u.budget {
        b.breakdowns = Vec::new();
    }
    for p in &mut u.projects {
        p.goals = Vec::new();
        p.schedule = Vec::new();
        p.breakdowns = Vec::new();
        p.amounts = Vec::new();
        p.indicators = Vec::new();
        p.properties = Vec::new();
    }
    for c in &mut u.children {
        strip_unit(c);
    }
}

fn dates(nodes: &[IndicatorNode], out: &mut Vec<Span>) {
    for n in nodes {
        match n {
            IndicatorNode::Group(g) => dates(&g.children, out),
            IndicatorNode::Leaf(i) => {
                if let Some(v) = &i.value {
                    if matches!(v.node, Value::Date(_)) {
                        out.push(v.span);
                    }
                }
            }
        }
    }
}

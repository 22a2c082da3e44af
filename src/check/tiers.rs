//! Tier rules: every 一级 and 二级 follows the indicator framework in force
//! (built in or defined by a `scheme` block), required 一级 are present and
//! not empty, no tier is given twice, frameworks are not mixed, every
//! indicator stands at the third tier, every table has indicators (T020)
//! and no tier is written empty (T021).
//!
//! The same walk records where each indicator (and each tier written
//! empty) stands: the groups of the tree that are its 一级 and 二级, as the
//! findings judge them, for the model ([`crate::model::TierRow`]) that the
//! backends render. A group written at the top of a tree is a 一级 unless
//! the checker judged it a 二级 standing without its 一级 (T007); what a
//! 一级 holds directly is a 二级 if it is a group, or an indicator with a
//! blank 二级 (T007). With no framework in force (no `scheme`, or an
//! unknown one) nothing is judged and the shape of the tree decides, by
//! the same placement: a top group that holds only indicators is a 二级
//! (the 一级 cell left blank, as in published tables that leave it so),
//! any other top group a 一级.

use crate::i18n::Arg;
use crate::msg;
use crate::syntax::keywords;
use std::collections::HashMap;

use super::frameworks::{self, norm, Framework};
use crate::ast::*;
use crate::diag::{Code, Diagnostic};
use crate::model::{Document, TierRow, Tiers};
use crate::project::{Group, Project};

/// The framework in force for a document, or a diagnostic when its name is
/// unknown. Documents that name none are checked against no framework.
pub fn framework_for(
    project: &Project,
    group: &Group,
    out: &mut Vec<Diagnostic>,
) -> Option<Framework> {
    let name = group.header.scheme.as_ref()?;
    let defs: HashMap<&str, &SchemeDef> = group
        .files
        .iter()
        .flat_map(|f| project.document(*f).schemes.iter())
        .map(|s| (s.name.node.as_str(), s))
        .collect();
    let resolved = resolve(&name.node, &defs, 0);
    if resolved.is_none() {
        let mut known: Vec<String> = frameworks::BUILT_IN.iter().map(|s| s.to_string()).collect();
        known.extend(defs.keys().map(|s| s.to_string()));
        out.push(
            Diagnostic::new(
                Code::S009,
                msg!("s009-no-framework", name = name.node.as_str()),
            )
            .primary(name.span, msg!("s009-unknown-scheme"))
            .note(msg!("s009-known-frameworks", known = Arg::comma(known)))
            .help(msg!(
                "s009-scheme-help",
                scheme = keywords::arg_named("scheme", None)
            )),
        );
    }
    resolved
}

/// The framework `name` gives with the scheme definitions `defs` (a later
/// definition of a name replacing an earlier, as across a document's
/// files), without a diagnostic.
pub(crate) fn framework_named<'a>(
    name: &str,
    defs: impl Iterator<Item = &'a SchemeDef>,
) -> Option<Framework> {
    let defs: HashMap<&str, &SchemeDef> = defs.map(|s| (s.name.node.as_str(), s)).collect();
    resolve(name, &defs, 0)
}

fn resolve(name: &str, defs: &HashMap<&str, &SchemeDef>, depth: usize) -> Option<Framework> {
    if let Some(def) = defs.get(name) {
        // A scheme may extend a built-in one or another user scheme; the
        // depth bound cuts cycles.
        let base = match &def.extends {
            Some(b) if depth < 16 => resolve(&b.node, defs, depth + 1),
            _ => None,
        };
        return Some(frameworks::from_def(def, base));
    }
    frameworks::built_in(name)
}

/// The findings about every indicator tree of a document, and where each
/// indicator stands. `fw` is the framework in force, if any.
pub fn check<'p>(doc: &Document<'p>, fw: Option<&Framework>) -> (Vec<Diagnostic>, Tiers<'p>) {
    let mut out = Vec::new();
    let mut tiers = Tiers::default();
    let others = others(fw);
    for u in &doc.units {
        check_unit(u, fw, &others, &mut out, &mut tiers);
    }
    (out, tiers)
}

/// The other built-in frameworks than `fw`, to tell a mix of frameworks
/// (T006).
pub(super) fn others(fw: Option<&Framework>) -> Vec<Framework> {
    match fw {
        Some(fw) => frameworks::BUILT_IN
            .iter()
            .filter(|n| **n != fw.name)
            .filter_map(|n| frameworks::built_in(n))
            .collect(),
        None => Vec::new(),
    }
}

/// The tiers of one unit's indicator trees and its projects', placed into
/// `tiers`.
pub(super) fn check_unit<'p>(
    u: &'p Unit,
    fw: Option<&Framework>,
    others: &[Framework],
    out: &mut Vec<Diagnostic>,
    tiers: &mut Tiers<'p>,
) {
    if let Some(fw) = fw {
        if !u.rollup && u.budget.is_some() && holds_nothing(&u.indicators) {
            out.push(no_indicators("unit", &u.name, fw));
        }
        for p in &u.projects {
            if holds_nothing(&p.indicators) {
                out.push(no_indicators("project", &p.name, fw));
            }
        }
    }
    let trees = u
        .indicators
        .iter()
        .chain(u.projects.iter().flat_map(|p| &p.indicators));
    for t in trees {
        let mut rows = Vec::new();
        match fw {
            // An empty tree is the table's T020, not one T004 per tier.
            Some(_) if t.nodes.is_empty() => {}
            Some(fw) => check_tree(t, fw, others, out, &mut rows),
            None => place_by_shape(t, &mut rows),
        }
        if let Some(fw) = fw {
            check_empty_tiers(&rows, fw, out);
        }
        tiers.insert(t, rows);
    }
}

/// Whether a table's indicator trees hold nothing at all (none written, or
/// only empty `indicators {}` blocks).
fn holds_nothing(trees: &[IndicatorTree]) -> bool {
    trees.iter().all(|t| t.nodes.is_empty())
}

/// T020: a table with no indicator tree: every required 一级 is missing at
/// once, reported once.
fn no_indicators(what: &str, name: &Spanned<String>, fw: &Framework) -> Diagnostic {
    Diagnostic::new(
        Code::T020,
        msg!("t020-no-indicators", what = what, name = name.node.as_str()),
    )
    .primary(name.span, msg!("t020-label"))
    .note(msg!(
        "t004-requires-each",
        framework = fw.name.as_str(),
        tiers = required_list(fw)
    ))
    .help(msg!(
        "t020-help",
        indicators = keywords::arg_named("indicators", None)
    ))
    .grouped(msg!("t020-key"))
}

/// T021: a tier written with nothing in it. A required 一级 with no
/// indicator, empty or holding empty 二级, is T004's finding, not this
/// one. Judged, like every tier, against a framework.
fn check_empty_tiers(rows: &[TierRow], fw: &Framework, out: &mut Vec<Diagnostic>) {
    let t004 = |t1: &IndicatorGroup| {
        fw.tier1(&t1.name.node).is_some_and(|t| t.required) && count_leaves(&t1.children) == 0
    };
    for row in rows.iter().filter(|r| r.indicator.is_none()) {
        if row.tier1.is_some_and(t004) {
            continue;
        }
        let d = match (row.tier2.last(), row.tier1) {
            (Some(t2), Some(t1)) => Diagnostic::new(
                Code::T021,
                msg!(
                    "t021-tier2-under-empty",
                    tier = t2.name.node.as_str(),
                    parent = t1.name.node.as_str()
                ),
            )
            .primary(t2.name.span, msg!("label-empty")),
            (Some(t2), None) => Diagnostic::new(
                Code::T021,
                msg!("t021-tier2-empty", tier = t2.name.node.as_str()),
            )
            .primary(t2.name.span, msg!("label-empty")),
            (None, Some(t1)) => Diagnostic::new(
                Code::T021,
                msg!("t021-tier1-empty", tier = t1.name.node.as_str()),
            )
            .primary(t1.name.span, msg!("label-empty")),
            (None, None) => continue,
        };
        out.push(d.help(msg!("t021-help")));
    }
}

/// Where a group written at the top of a tree stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Tier1,
    /// A 二级 with no 一级 above it: the 一级 cell is blank.
    Tier2,
}

/// The rows of a group written at the top of a tree, standing as `role`.
fn place<'p>(g: &'p IndicatorGroup, role: Role, rows: &mut Vec<TierRow<'p>>) {
    match role {
        Role::Tier1 => {
            if g.children.is_empty() {
                rows.push(TierRow {
                    tier1: Some(g),
                    tier2: Vec::new(),
                    indicator: None,
                });
            }
            for c in &g.children {
                match c {
                    IndicatorNode::Leaf(i) => rows.push(TierRow {
                        tier1: Some(g),
                        tier2: Vec::new(),
                        indicator: Some(i),
                    }),
                    IndicatorNode::Group(g2) => place_below(Some(g), vec![g2], rows),
                }
            }
        }
        Role::Tier2 => place_below(None, vec![g], rows),
    }
}

/// The rows under a 二级 (`path` is the 二级, then any deeper groups).
fn place_below<'p>(
    tier1: Option<&'p IndicatorGroup>,
    path: Vec<&'p IndicatorGroup>,
    rows: &mut Vec<TierRow<'p>>,
) {
    let Some(last) = path.last().copied() else {
        return;
    };
    if last.children.is_empty() {
        rows.push(TierRow {
            tier1,
            tier2: path,
            indicator: None,
        });
        return;
    }
    for c in &last.children {
        match c {
            IndicatorNode::Leaf(i) => rows.push(TierRow {
                tier1,
                tier2: path.clone(),
                indicator: Some(i),
            }),
            IndicatorNode::Group(deep) => {
                let mut p = path.clone();
                p.push(deep);
                place_below(tier1, p, rows);
            }
        }
    }
}

/// Placement with no framework in force: a top group that holds only
/// indicators is a 二级, any other (one holding tiers, or empty) a 一级.
fn place_by_shape<'p>(tree: &'p IndicatorTree, rows: &mut Vec<TierRow<'p>>) {
    for node in &tree.nodes {
        match node {
            IndicatorNode::Leaf(i) => rows.push(TierRow {
                tier1: None,
                tier2: Vec::new(),
                indicator: Some(i),
            }),
            IndicatorNode::Group(g) => {
                let role = if g.children.is_empty() || holds_groups(g) {
                    Role::Tier1
                } else {
                    Role::Tier2
                };
                place(g, role, rows);
            }
        }
    }
}

fn holds_groups(g: &IndicatorGroup) -> bool {
    g.children
        .iter()
        .any(|c| matches!(c, IndicatorNode::Group(_)))
}

fn suggest(fw: &Framework, name: &str) -> Option<String> {
    let n = norm(name);
    let mut best: Option<(usize, String)> = None;
    for (alias, canonical) in fw.all_names() {
        let d = frameworks::distance(&n, &norm(&alias));
        let limit = (n.chars().count() / 3).max(1);
        if d <= limit && best.as_ref().is_none_or(|(bd, _)| d < *bd) {
            best = Some((d, canonical));
        }
    }
    best.map(|(_, c)| c)
}

/// The other frameworks that accept `tier2` under `tier1` (or, with no
/// `tier2`, accept `tier1` as a 一级).
fn accepted_by<'a>(others: &'a [Framework], tier1: &str, tier2: Option<&str>) -> Vec<&'a str> {
    others
        .iter()
        .filter(|f| match (f.tier1(tier1), tier2) {
            (Some(_), None) => true,
            (Some(t1), Some(t2)) => f.tier2(t1, t2).is_some(),
            (None, _) => false,
        })
        .map(|f| f.name.as_str())
        .collect()
}

fn check_tree<'p>(
    tree: &'p IndicatorTree,
    fw: &Framework,
    others: &[Framework],
    out: &mut Vec<Diagnostic>,
    rows: &mut Vec<TierRow<'p>>,
) {
    let mut seen1: Vec<(String, Span)> = Vec::new();
    let mut present: Vec<(String, bool)> = Vec::new();
    // The 一级 whose 二级, with indicators, stand under another 一级 (T003):
    // the table has them, in the wrong place, and T003 says where — unless
    // other 二级 of the same 一级 stand without it (T007): then the 一级
    // label itself is missing.
    let mut misplaced: Vec<String> = Vec::new();
    let mut alone: Vec<String> = Vec::new();
    for node in &tree.nodes {
        match node {
            IndicatorNode::Leaf(i) => {
                out.push(
                    Diagnostic::new(
                        Code::T007,
                        msg!("t007-outside-any-tier", indicator = i.name.node.as_str()),
                    )
                    .primary(i.name.span, msg!("t007-no-tier-above"))
                    .help(msg!("t007-outside-help")),
                );
                rows.push(TierRow {
                    tier1: None,
                    tier2: Vec::new(),
                    indicator: Some(i),
                });
            }
            IndicatorNode::Group(g) => {
                let Some(t1) = fw.tier1(&g.name.node) else {
                    let elsewhere = accepted_by(others, &g.name.node, None);
                    // A 二级 written where a 一级 belongs (unless another
                    // framework makes it a 一级: then frameworks are mixed).
                    if let (true, Some(parent)) = (elsewhere.is_empty(), fw.parent_of(&g.name.node))
                    {
                        // Written as a 一级 (it holds tiers): the 一级 cell
                        // holds a 二级 name. Check what it holds as the
                        // 二级 of the 一级 it names.
                        if holds_groups(g) {
                            out.push(
                                Diagnostic::new(
                                    Code::T001,
                                    msg!(
                                        "t001-a-tier2",
                                        tier = g.name.node.as_str(),
                                        framework = fw.name.as_str(),
                                        parent = parent.canonical()
                                    ),
                                )
                                .primary(g.name.span, msg!("t001-used-as-tier1"))
                                .help(msg!("did-you-mean", name = parent.canonical())),
                            );
                            let key = parent.canonical().to_string();
                            present.push((key, count_leaves(&g.children) > 0));
                            check_tier2(g, parent, fw, others, out, &mut misplaced);
                            place(g, Role::Tier1, rows);
                            continue;
                        }
                        alone.push(parent.canonical().to_string());
                        out.push(
                            Diagnostic::new(
                                Code::T007,
                                msg!("t007-without-tier1", tier = g.name.node.as_str()),
                            )
                            .primary(
                                g.name.span,
                                msg!("t007-belongs-under", parent = parent.canonical()),
                            )
                            .help(msg!("t007-write-inside", parent = parent.canonical())),
                        );
                        check_leaves(g, out);
                        place(g, Role::Tier2, rows);
                        continue;
                    }
                    let mut d = if !elsewhere.is_empty() {
                        Diagnostic::new(
                            Code::T006,
                            msg!(
                                "t006-tier1-of",
                                tier = g.name.node.as_str(),
                                others = Arg::and(elsewhere.clone()),
                                framework = fw.name.as_str()
                            ),
                        )
                        .primary(
                            g.name.span,
                            msg!("t006-a-tier-of", others = Arg::and(elsewhere)),
                        )
                    } else {
                        Diagnostic::new(
                            Code::T001,
                            msg!(
                                "t001-unknown",
                                tier = g.name.node.as_str(),
                                framework = fw.name.as_str()
                            ),
                        )
                        .primary(g.name.span, msg!("t001-unknown-label"))
                    };
                    d = d.note(msg!(
                        "t001-the-tier1-are",
                        framework = fw.name.as_str(),
                        tiers = Arg::comma(fw.tiers.iter().map(|t| t.canonical()))
                    ));
                    if let Some(s) = suggest(fw, &g.name.node) {
                        d = d.help(msg!("did-you-mean", name = s));
                    }
                    out.push(d);
                    // Judged a 一级 with a wrong name: what it holds stands
                    // under it.
                    place(g, Role::Tier1, rows);
                    continue;
                };
                let key = t1.canonical().to_string();
                if let Some((_, first)) = seen1.iter().find(|(k, _)| *k == key) {
                    out.push(
                        Diagnostic::new(Code::T005, msg!("t005-tier1-twice", tier = key.as_str()))
                            .primary(g.name.span, msg!("label-given-again"))
                            .secondary(*first, msg!("s005-first-given-here")),
                    );
                } else {
                    seen1.push((key.clone(), g.name.span));
                }
                let has_leaf = count_leaves(&g.children) > 0;
                present.push((key.clone(), has_leaf));
                check_tier2(g, t1, fw, others, out, &mut misplaced);
                place(g, Role::Tier1, rows);
            }
        }
    }
    for t in &fw.tiers {
        if !t.required {
            continue;
        }
        let key = t.canonical();
        match present.iter().find(|(k, _)| k == key) {
            None if misplaced.iter().any(|m| m == key) && !alone.iter().any(|a| a == key) => {}
            None => out.push(
                Diagnostic::new(Code::T004, msg!("t004-missing", tier = key))
                    .primary(tree_head(tree), msg!("t004-not-in-tree", tier = key))
                    .note(msg!(
                        "t004-requires",
                        framework = fw.name.as_str(),
                        tiers = required_list(fw)
                    )),
            ),
            Some((_, false)) => {
                let span = seen1
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, s)| *s)
                    .unwrap_or(tree_head(tree));
                out.push(
                    Diagnostic::new(Code::T004, msg!("t004-no-indicator", tier = key))
                        .primary(span, msg!("label-empty"))
                        .note(msg!(
                            "t004-requires-each",
                            framework = fw.name.as_str(),
                            tiers = required_list(fw)
                        )),
                );
            }
            Some(_) => {}
        }
    }
}

fn required_list(fw: &Framework) -> Arg {
    Arg::comma(
        fw.tiers
            .iter()
            .filter(|t| t.required)
            .map(|t| t.canonical()),
    )
}

/// Where to point at a tree as a whole: its `indicators` keyword line.
fn tree_head(tree: &IndicatorTree) -> Span {
    Span::at(tree.span.file, tree.span.start())
}

fn count_leaves(nodes: &[IndicatorNode]) -> usize {
    nodes
        .iter()
        .map(|n| match n {
            IndicatorNode::Leaf(_) => 1,
            IndicatorNode::Group(g) => count_leaves(&g.children),
        })
        .sum()
}

fn check_tier2(
    g: &IndicatorGroup,
    t1: &frameworks::Tier,
    fw: &Framework,
    others: &[Framework],
    out: &mut Vec<Diagnostic>,
    misplaced: &mut Vec<String>,
) {
    let mut seen: Vec<(String, Span)> = Vec::new();
    for node in &g.children {
        match node {
            IndicatorNode::Leaf(i) => out.push(
                Diagnostic::new(
                    Code::T007,
                    msg!(
                        "t007-directly-under",
                        indicator = i.name.node.as_str(),
                        tier = g.name.node.as_str()
                    ),
                )
                .primary(i.name.span, msg!("t007-no-tier2-above"))
                .help(msg!(
                    "t007-inside-one-of",
                    tiers = Arg::comma(t1.children.iter().map(|c| c.canonical()))
                )),
            ),
            IndicatorNode::Group(g2) => {
                match fw.tier2(t1, &g2.name.node) {
                    Some(t2) => {
                        let key = t2.canonical().to_string();
                        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
                            out.push(
                                Diagnostic::new(
                                    Code::T005,
                                    msg!(
                                        "t005-tier2-twice",
                                        tier = key.as_str(),
                                        parent = g.name.node.as_str()
                                    ),
                                )
                                .primary(g2.name.span, msg!("label-given-again"))
                                .secondary(*first, msg!("s005-first-given-here")),
                            );
                        } else {
                            seen.push((key, g2.name.span));
                        }
                    }
                    None => {
                        let elsewhere = accepted_by(others, &g.name.node, Some(&g2.name.node));
                        let d = if let Some(parent) = fw.parent_of(&g2.name.node) {
                            if count_leaves(&g2.children) > 0 {
                                misplaced.push(parent.canonical().to_string());
                            }
                            Diagnostic::new(
                                Code::T003,
                                msg!(
                                    "t003-belongs-under",
                                    tier = g2.name.node.as_str(),
                                    parent = parent.canonical(),
                                    written = g.name.node.as_str()
                                ),
                            )
                            .primary(
                                g2.name.span,
                                msg!(
                                    "t003-puts-it-under",
                                    framework = fw.name.as_str(),
                                    parent = parent.canonical()
                                ),
                            )
                            .secondary(g.name.span, msg!("t003-written-under"))
                        } else if !elsewhere.is_empty() {
                            Diagnostic::new(
                                Code::T006,
                                msg!(
                                    "t006-tier2-of",
                                    tier = g2.name.node.as_str(),
                                    parent = g.name.node.as_str(),
                                    others = Arg::and(elsewhere.clone()),
                                    framework = fw.name.as_str()
                                ),
                            )
                            .primary(
                                g2.name.span,
                                msg!("t006-a-tier-of", others = Arg::and(elsewhere)),
                            )
                        } else {
                            let mut d = Diagnostic::new(
                                Code::T002,
                                msg!(
                                    "t002-unknown",
                                    tier = g2.name.node.as_str(),
                                    parent = g.name.node.as_str(),
                                    framework = fw.name.as_str()
                                ),
                            )
                            .primary(g2.name.span, msg!("t002-unknown-label"))
                            .note(msg!(
                                "t002-the-tier2-are",
                                parent = t1.canonical(),
                                tiers = Arg::comma(t1.children.iter().map(|c| c.canonical()))
                            ));
                            if let Some(s) = suggest(fw, &g2.name.node) {
                                d = d.help(msg!("did-you-mean", name = s));
                            }
                            d
                        };
                        out.push(d);
                    }
                }
                check_leaves(g2, out);
            }
        }
    }
}

/// Below a 二级, everything is an indicator: a group there is a fourth tier.
fn check_leaves(g: &IndicatorGroup, out: &mut Vec<Diagnostic>) {
    for node in &g.children {
        if let IndicatorNode::Group(deep) = node {
            out.push(
                Diagnostic::new(
                    Code::T007,
                    msg!(
                        "t007-fourth-tier",
                        tier = deep.name.node.as_str(),
                        parent = g.name.node.as_str()
                    ),
                )
                .primary(deep.name.span, msg!("t007-tiers-stop"))
                .help(msg!("t007-fourth-help")),
            );
        }
    }
}

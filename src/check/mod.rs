//! The checks, one module per family of rules. A check reads the AST of a
//! document group and returns diagnostics; it never prints. A run also
//! publishes the resolved model ([`crate::model`]) that the checks worked
//! from and decided, for the backends.

pub(crate) mod arith;
pub(crate) mod bounds;
pub(crate) mod budget;
pub(crate) mod catalog;
pub(crate) mod forms;
pub(crate) mod formula;
pub(crate) mod frameworks;
pub(crate) mod names;
pub(crate) mod stated;
pub(crate) mod tiers;
pub(crate) mod values;

use crate::ast::Level;
use crate::diag::levels::{self, LevelSetting};
use crate::diag::{codes, group, Code, Diagnostic};
use crate::model::{self, Model};
use crate::msg;
use crate::project::Project;
use crate::source::FileId;
use std::collections::HashMap;

use rayon::prelude::*;

/// Options of one run of the checker.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Level settings from the command line, applied after the document's.
    pub levels: Vec<LevelSetting>,
}

/// What a run produces: its findings and the resolved model.
#[derive(Debug)]
pub struct Checked<'p> {
    /// Every finding, with its severity resolved and allowed ones removed,
    /// findings that repeat one choice grouped, in source order.
    pub diagnostics: Vec<Diagnostic>,
    pub model: Model<'p>,
}

/// Everything a run found, with each diagnostic's severity resolved and
/// allowed ones removed, in source order.
pub fn check(project: &Project, options: &Options) -> Vec<Diagnostic> {
    run(project, options).diagnostics
}

/// Check every document and publish the model the checks resolved.
pub fn run<'p>(project: &'p Project, options: &Options) -> Checked<'p> {
    let mut raw: Vec<Diagnostic> = project.diagnostics.clone();
    // Documents are checked in parallel, and within one the families that
    // do not depend on each other; each document's findings are put
    // together in one fixed order, so that the output does not depend on
    // the thread count.
    let checked: Vec<(model::Document, Vec<Diagnostic>)> = project
        .groups
        .par_iter()
        .map(|group| {
            let mut doc = model::Document::new(project, group);
            let mut raw = check_levels(project, group);
            raw.extend(forms::check(&doc));
            let (((budget, bounds), stated), (framework, found, placed)) = rayon::join(
                || {
                    let (budget, bounds) =
                        rayon::join(|| budget::check(&doc), || bounds::check(&doc));
                    ((budget, bounds), stated::check(&doc))
                },
                || {
                    let mut framework = Vec::new();
                    let fw = tiers::framework_for(project, group, &mut framework);
                    let (found, placed) = tiers::check(&doc, fw.as_ref());
                    (framework, found, placed)
                },
            );
            raw.extend(budget);
            raw.extend(bounds);
            raw.extend(stated);
            raw.extend(framework);
            raw.extend(found);
            doc.set_tiers(placed);
            raw.extend(values::check(&doc));
            (doc, raw)
        })
        .collect();
    let mut documents = Vec::with_capacity(checked.len());
    for (doc, found) in checked {
        raw.extend(found);
        documents.push(doc);
    }
    // Each file takes the level settings of the first document group that
    // holds it; command-line settings come last and win.
    let mut file_levels: HashMap<FileId, Vec<LevelSetting>> = HashMap::new();
    for g in &project.groups {
        for f in &g.files {
            file_levels.entry(*f).or_insert_with(|| {
                let mut l = g.levels.clone();
                l.extend(options.levels.iter().cloned());
                l
            });
        }
    }
    // In place (a vector's `into_iter().filter_map().collect()` reuses its
    // buffer): the findings of a large corpus weigh megabytes, and a copy
    // of them was part of the peak.
    let mut out: Vec<Diagnostic> = raw
        .into_iter()
        .filter_map(|d| {
            let file = d.primary_span().map(|s| s.file).unwrap_or_default();
            let settings = file_levels
                .get(&file)
                .map_or(&options.levels[..], |v| &v[..]);
            levels::apply(d, settings)
        })
        .collect();
    out.sort_by_key(|d| d.primary_span().map(|s| (s.file, s.start(), s.end())));
    // One systematic choice, one finding per document.
    let mut document_of: HashMap<FileId, usize> = HashMap::new();
    for (i, g) in project.groups.iter().enumerate() {
        for f in &g.files {
            document_of.entry(*f).or_insert(i);
        }
    }
    let out = group::group(out, |d| {
        d.primary_span()
            .and_then(|s| document_of.get(&s.file).copied())
    });
    Checked {
        diagnostics: out,
        model: Model { project, documents },
    }
}

/// Level statements must name codes that exist and can be changed.
fn check_levels(project: &Project, group: &crate::project::Group) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in &group.files {
        for directive in &project.document(*f).levels {
            for c in &directive.codes {
                if c.node == "warnings" {
                    continue;
                }
                match codes::lookup(&c.node) {
                    None => out.push(
                        Diagnostic::new(Code::S006, msg!("s006-no-code", code = c.node.as_str()))
                            .primary(c.span, msg!("b010-unknown-code"))
                            .help(msg!("s006-help")),
                    ),
                    Some(info) if !info.adjustable && directive.level != Level::Deny => out.push(
                        Diagnostic::new(
                            Code::S006,
                            msg!("s006-cannot-be-lowered", code = info.code.as_str()),
                        )
                        .primary(c.span, msg!("s006-always-an-error")),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
    out
}

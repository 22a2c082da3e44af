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
pub(crate) mod stream;
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
    /// findings that repeat one choice grouped, in source order; a finding
    /// that documents sharing a file make alike is there once.
    pub diagnostics: Vec<Diagnostic>,
    pub model: Model<'p>,
}

/// Everything a run found, as [`Checked::diagnostics`] holds it.
pub fn check(project: &Project, options: &Options) -> Vec<Diagnostic> {
    run(project, options).diagnostics
}

/// Check every document and publish the model the checks resolved.
pub fn run<'p>(project: &'p Project, options: &Options) -> Checked<'p> {
    if project.lean {
        return stream::run(project, options);
    }
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
    finish(project, options, checked)
}

/// The findings of every document (`checked`, in the order of
/// `project.groups`) after those of loading: each marked with the document
/// that made it, levels applied, sorted, repeats dropped and systematic
/// choices grouped.
fn finish<'p>(
    project: &'p Project,
    options: &Options,
    checked: Vec<(model::Document<'p>, Vec<Diagnostic>)>,
) -> Checked<'p> {
    // The findings are moved, never copied: the first document's vector
    // takes the others' (for a large corpus, two copies of the findings
    // were megabytes at the peak of the run).
    let mut raw: Vec<Diagnostic> = Vec::new();
    let mut documents = Vec::with_capacity(checked.len());
    for (index, (doc, mut found)) in checked.into_iter().enumerate() {
        let made_in = u32::try_from(index).unwrap_or(u32::MAX);
        for d in &mut found {
            d.made_in = vec![made_in];
        }
        if raw.is_empty() {
            raw = found;
        } else {
            raw.append(&mut found);
        }
        documents.push(doc);
    }
    raw.splice(0..0, project.diagnostics.iter().cloned());
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
    sort_by_primary_span(&mut out);
    // Each file's first document, and how many documents hold it.
    let mut documents_of: HashMap<FileId, (usize, usize)> = HashMap::new();
    for (i, g) in project.groups.iter().enumerate() {
        for f in &g.files {
            documents_of.entry(*f).or_insert((i, 0)).1 += 1;
        }
    }
    drop_repeats(&documents_of, &mut out);
    // One systematic choice, one finding per document: the document that
    // made it, or for what reading found, the first that holds the file.
    let out = group::group(out, |d| match d.made_in.first() {
        Some(&i) => Some(i as usize),
        None => d
            .primary_span()
            .and_then(|s| documents_of.get(&s.file).map(|&(first, _)| first)),
    });
    Checked {
        diagnostics: out,
        model: Model { project, documents },
    }
}

/// A file that several documents include is checked in each of them: a
/// finding there that two documents make alike (same code, place, message,
/// notes) is one finding, reported once, made in both. (Documents whose headers differ
/// may find differently in the same file; each finding is kept then.)
/// `findings` are in the order of their primary spans, so that copies of
/// one finding stand in the run of findings at its place.
/// `documents_of` gives each file's first document and how many hold it.
fn drop_repeats(documents_of: &HashMap<FileId, (usize, usize)>, findings: &mut Vec<Diagnostic>) {
    if documents_of.values().all(|&(_, n)| n < 2) {
        return;
    }
    let shared = |d: &Diagnostic| {
        d.primary_span()
            .is_some_and(|s| documents_of.get(&s.file).is_some_and(|&(_, n)| n > 1))
    };
    let mut keep = vec![true; findings.len()];
    let mut start = 0;
    while start < findings.len() {
        let at = findings[start].primary_span();
        let mut end = start + 1;
        while end < findings.len() && findings[end].primary_span() == at {
            end += 1;
        }
        if shared(&findings[start]) {
            for i in start + 1..end {
                let first = (start..i).find(|&j| keep[j] && findings[j].same_finding(&findings[i]));
                if let Some(j) = first {
                    keep[i] = false;
                    let made_in = std::mem::take(&mut findings[i].made_in);
                    findings[j].also_made_in(made_in);
                }
            }
        }
        start = end;
    }
    let mut keep = keep.into_iter();
    findings.retain(|_| keep.next().unwrap_or(true));
}

/// Findings in the order of their primary spans (file, start, end), those
/// without one first; findings with equal spans keep their order. A stable
/// sort of the findings themselves borrows a buffer as large as they are
/// (megabytes for a large corpus, at the peak of a run): their keys are
/// sorted instead, and the findings moved into place along the cycles of
/// the permutation.
fn sort_by_primary_span(findings: &mut [Diagnostic]) {
    /// `from` of a place already filled.
    const DONE: u32 = u32::MAX;
    let Ok(n) = u32::try_from(findings.len()) else {
        findings.sort_by_key(|d| d.primary_span().map(|s| (s.file, s.start(), s.end())));
        return;
    };
    // (has a span, file, start, end, index): the index makes every key
    // distinct, so that an unstable sort keeps equal spans in order.
    let mut keys: Vec<(bool, FileId, u32, u32, u32)> = findings
        .iter()
        .zip(0..n)
        .map(|(d, i)| match d.primary_span() {
            Some(s) => (true, s.file, s.start() as u32, s.end() as u32, i),
            None => (false, FileId(0), 0, 0, i),
        })
        .collect();
    keys.sort_unstable();
    // from[i]: where the finding that belongs at i stands now.
    let mut from: Vec<u32> = keys.into_iter().map(|k| k.4).collect();
    for start in 0..findings.len() {
        let mut at = start;
        while from[at] != DONE {
            let src = from[at] as usize;
            from[at] = DONE;
            if src == start {
                break;
            }
            findings.swap(at, src);
            at = src;
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Message;
    use crate::source::Span;

    /// The same order as a stable sort by span, on findings with equal
    /// spans, findings without one and cycles of every length.
    #[test]
    fn findings_sort_as_a_stable_sort_would() {
        for n in [0usize, 1, 2, 7, 100, 1000] {
            let findings: Vec<Diagnostic> = (0..n)
                .map(|i| {
                    let d = Diagnostic::new(Code::S001, Message::text(i.to_string()));
                    // A spread of files and offsets, with repeats; every
                    // seventh without a span.
                    let x = (i * 7919) % 13;
                    if i % 7 == 3 {
                        d
                    } else {
                        d.primary(
                            Span::new(FileId((x % 3) as u32), x, x + i % 2),
                            Message::text("here"),
                        )
                    }
                })
                .collect();
            let mut stable = findings.clone();
            stable.sort_by_key(|d| d.primary_span().map(|s| (s.file, s.start(), s.end())));
            let mut ours = findings;
            sort_by_primary_span(&mut ours);
            let order = |v: &[Diagnostic]| -> Vec<String> {
                v.iter()
                    .map(|d| d.message.render(crate::i18n::Lang::En))
                    .collect()
            };
            assert_eq!(order(&ours), order(&stable), "{n} findings");
        }
    }
}

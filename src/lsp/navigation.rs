//! Go to definition and find references, across the files of a project:
//!
//! - an `include` goes to the files it names;
//! - a `parent` name or code goes to that unit, and a unit's references
//!   are the units naming it as `parent`, the rows of summaries that name
//!   it, and the units written inside it when it is a rollup;
//! - a summary row goes to its unit (or project), by the rule the checks
//!   use (code, then name, with or without `本级`);
//! - a `项目支出` line goes to the unit's projects, and a project's
//!   references include that line.

use crate::ast::{Line, Project as AstProject, Span, Unit};
use crate::check::budget::{Index, Named};
use crate::project::{Group, Project};
use crate::source::FileId;

use super::locate::{self, Found, Owner};

/// What a go-to or a search for references is about.
#[derive(Clone, Copy, Debug)]
pub enum Symbol<'a> {
    Unit(&'a Unit),
    Project(&'a Unit, &'a AstProject),
}

/// A place in a file of the project.
pub type Place = Span;

/// The document group holding `file`.
pub fn group_of(project: &Project, file: FileId) -> Option<&Group> {
    project.groups.iter().find(|g| g.files.contains(&file))
}

/// The unit a `parent` statement names (by name or by code).
pub fn parent_unit<'a>(project: &'a Project, group: &'a Group, name: &str) -> Option<&'a Unit> {
    let units = crate::model::Document::new(project, group).units;
    units
        .iter()
        .find(|u| u.name.node == name)
        .or_else(|| {
            units
                .iter()
                .find(|u| u.code.as_ref().is_some_and(|c| c.node == name))
        })
        .copied()
}

/// The 项目支出 line of a unit's budget, if it states one.
pub fn project_expense_line(u: &Unit) -> Option<&Line> {
    u.budget
        .as_ref()?
        .breakdowns
        .iter()
        .filter(|b| b.dimension.node == crate::ast::Dimension::Expense)
        .flat_map(|b| b.lines.iter())
        .find(|l| l.name.node.trim_start_matches("其中：").trim() == "项目支出")
}

fn is_project_expense(owner: Owner, line: &Line) -> bool {
    matches!(owner, Owner::Unit(u) if project_expense_line(u).is_some_and(|l| std::ptr::eq(l, line)))
}

/// Where the thing at `offset` of `file` is defined.
pub fn definition(project: &Project, file: FileId, offset: usize) -> Vec<Place> {
    let Some(group) = group_of(project, file) else {
        return Vec::new();
    };
    let doc = project.document(file);
    let Some(found) = locate::find(doc, offset) else {
        return Vec::new();
    };
    match found {
        Found::Include(inc) => {
            // The files this include brought in: those of the group whose
            // name matches the pattern, relative to the including file.
            let from = std::path::Path::new(&project.sources.get(file).name);
            let base = from.parent().unwrap_or(std::path::Path::new(""));
            let pattern = glob::Pattern::new(&base.join(&inc.node).to_string_lossy()).ok();
            group
                .files
                .iter()
                .filter(|f| **f != file)
                .filter(|f| {
                    let name = &project.sources.get(**f).name;
                    pattern.as_ref().is_some_and(|p| p.matches(name))
                        || std::path::Path::new(name) == base.join(&inc.node)
                })
                .map(|f| Span::at(*f, 0))
                .collect()
        }
        Found::Parent(_, name) => parent_unit(project, group, &name.node)
            .map(|u| vec![u.name.span])
            .unwrap_or_default(),
        Found::SummaryRow(_, row) => {
            let units = crate::model::Document::new(project, group).units;
            let index = Index::new(&units);
            match index.find(row) {
                Some(Named::Unit(u)) => vec![u.name.span],
                Some(Named::Project(p)) => vec![p.name.span],
                None => Vec::new(),
            }
        }
        Found::Line(owner, line, _) if is_project_expense(owner, line) => {
            owner.unit().projects.iter().map(|p| p.name.span).collect()
        }
        Found::Unit(u) => vec![u.name.span],
        Found::Project(_, p) => vec![p.name.span],
        _ => Vec::new(),
    }
}

/// The unit or project the thing at `offset` stands for.
pub fn symbol_at(project: &Project, file: FileId, offset: usize) -> Option<Symbol<'_>> {
    let group = group_of(project, file)?;
    match locate::find(project.document(file), offset)? {
        Found::Unit(u) => Some(Symbol::Unit(u)),
        Found::Project(u, p) => Some(Symbol::Project(u, p)),
        Found::Parent(_, name) => parent_unit(project, group, &name.node).map(Symbol::Unit),
        Found::SummaryRow(_, row) => {
            let units = crate::model::Document::new(project, group).units;
            let index = Index::new(&units);
            match index.find(row)? {
                Named::Unit(u) => Some(Symbol::Unit(u)),
                Named::Project(p) => {
                    let owner = units
                        .iter()
                        .find(|u| u.projects.iter().any(|q| std::ptr::eq(q, p)))?;
                    Some(Symbol::Project(owner, p))
                }
            }
        }
        _ => None,
    }
}

/// Every place that names the unit or project at `offset`: its
/// declaration (when asked), `parent` statements, summary rows, the
/// members of a rollup, a project's 项目支出 line.
pub fn references(project: &Project, file: FileId, offset: usize, declaration: bool) -> Vec<Place> {
    let Some(group) = group_of(project, file) else {
        return Vec::new();
    };
    let Some(symbol) = symbol_at(project, file, offset) else {
        return Vec::new();
    };
    let units = crate::model::Document::new(project, group).units;
    let index = Index::new(&units);
    let mut out = Vec::new();
    match symbol {
        Symbol::Unit(target) => {
            if declaration {
                out.push(target.name.span);
            }
            for u in &units {
                if let Some(p) = &u.parent {
                    if parent_unit(project, group, &p.node).is_some_and(|t| std::ptr::eq(t, target))
                    {
                        out.push(p.span);
                    }
                }
            }
            if target.rollup {
                out.extend(target.children.iter().map(|c| c.name.span));
            }
            for f in &group.files {
                for s in &project.document(*f).summaries {
                    for row in &s.rows {
                        if matches!(index.find(row), Some(Named::Unit(u)) if std::ptr::eq(u, target))
                        {
                            out.push(row.name.span);
                        }
                    }
                }
            }
        }
        Symbol::Project(owner, target) => {
            if declaration {
                out.push(target.name.span);
            }
            if let Some(l) = project_expense_line(owner) {
                out.push(l.name.span);
            }
            for f in &group.files {
                for s in &project.document(*f).summaries {
                    for row in &s.rows {
                        if matches!(index.find(row), Some(Named::Project(p)) if std::ptr::eq(p, target))
                        {
                            out.push(row.name.span);
                        }
                    }
                }
            }
        }
    }
    out
}

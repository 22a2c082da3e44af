//! The `form` statements of a document (S040): each names a form of the
//! catalogue ([`crate::forms`]), and each column it gives is one the
//! form's grid knows.

use crate::check::frameworks::distance;
use crate::diag::{Code, Diagnostic};
use crate::forms::{self, Block, CATALOGUE, GRID_HEADERS};
use crate::model::Document;

pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for choice in &doc.group.header.forms {
        let name = &choice.name;
        let Some(form) = forms::find(&name.node) else {
            let names = CATALOGUE
                .iter()
                .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()));
            let mut d = Diagnostic::new(
                Code::S040,
                format!("there is no form `{}` in the catalogue", name.node),
            )
            .primary(name.span, "unknown form");
            if let Some(near) = nearest(&name.node, names) {
                d = d.help(format!("did you mean `{near}`?"));
            }
            out.push(d.note("`docs/outputs.md` lists the forms"));
            continue;
        };
        for col in &choice.columns {
            if forms::column(form, &col.node).is_some() {
                continue;
            }
            let known: Vec<&str> = match forms::columned(form) {
                Some(Block::Indicators { .. }) => GRID_HEADERS.iter().map(|(h, _)| *h).collect(),
                _ => Vec::new(),
            };
            let mut d = Diagnostic::new(
                Code::S040,
                format!("the form `{}` has no column `{}`", form.name, col.node),
            )
            .primary(col.span, "unknown column");
            if known.is_empty() {
                d = d.note(format!(
                    "`{}` has no grid whose columns can be chosen",
                    form.name
                ));
            } else {
                if let Some(near) = nearest(&col.node, known.iter().copied()) {
                    d = d.help(format!("did you mean `{near}`?"));
                }
                d = d.note(format!("its columns: {}", known.join("、")));
            }
            out.push(d);
        }
    }
    out
}

/// The closest of `names` to `wanted`, if close enough to be a slip.
fn nearest<'a>(wanted: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    names
        .map(|n| (distance(wanted, n), n))
        .filter(|(d, n)| *d <= (n.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

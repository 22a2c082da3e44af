//! The `form` statements of a document (S040): each names a form of the
//! catalogue ([`crate::forms`]), and each column it gives is one the
//! form's grid knows.

use crate::check::frameworks::distance;
use crate::diag::{Code, Diagnostic};
use crate::forms::{self, Block, CATALOGUE, GRID_HEADERS};
use crate::model::Document;
use crate::msg;

pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for choice in &doc.group.header.forms {
        let name = &choice.name;
        let Some(form) = forms::find(&name.node) else {
            let names = CATALOGUE
                .iter()
                .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied()));
            let mut d =
                Diagnostic::new(Code::S040, msg!("s040-no-form", name = name.node.as_str()))
                    .primary(name.span, msg!("s040-unknown-form"));
            if let Some(near) = nearest(&name.node, names) {
                d = d.help(msg!("did-you-mean", name = format!("`{near}`")));
            }
            out.push(d.note(msg!("s040-forms-listed")));
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
                msg!(
                    "s040-no-column",
                    form = form.name,
                    column = col.node.as_str()
                ),
            )
            .primary(col.span, msg!("s040-unknown-column"));
            if known.is_empty() {
                d = d.note(msg!("s040-no-grid", form = form.name));
            } else {
                if let Some(near) = nearest(&col.node, known.iter().copied()) {
                    d = d.help(msg!("did-you-mean", name = format!("`{near}`")));
                }
                d = d.note(msg!("s040-its-columns", columns = known.join("、")));
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

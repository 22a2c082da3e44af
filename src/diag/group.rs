//! Grouping: one systematic choice gives one finding per document.
//!
//! A document that puts 服务对象满意度 under 效益 in each of its five tables
//! made one choice, not five mistakes; reported five times, the choice
//! buries the findings that are not repeated. After the checks (and the
//! levels), the findings of a code whose registry entry says it groups are
//! merged when they belong to one document and share a key (the key the
//! check gave with [`Diagnostic::grouped`], else the message): one finding
//! says what they share and how many places there are, and labels every
//! place.

use std::collections::hash_map::Entry;
use std::collections::HashMap;

use super::{Code, Diagnostic, Severity};
use crate::i18n::Message;
use crate::msg;

/// The message of a finding that stands for `places` places.
pub fn grouped_message(key: &Message, places: usize) -> Message {
    msg!("grouped", what = key.clone(), places = places)
}

/// Merge the findings that repeat one choice. `document` says which
/// document a finding belongs to (`None`: it is never merged). The input
/// is in source order; a merged finding stands at its first place, keeps
/// that finding's labels, notes and help, and adds the primary label of
/// every other place as a primary label of its own.
///
/// In place, with the keys borrowed: the findings of a large corpus weigh
/// megabytes, and a second vector of them (with a copy of every key) was
/// part of the peak.
pub fn group(
    mut diags: Vec<Diagnostic>,
    document: impl Fn(&Diagnostic) -> Option<usize>,
) -> Vec<Diagnostic> {
    // Per finding: the earlier finding it merges into, if any; and how
    // many places a finding that others merge into stands for.
    let mut into: Vec<Option<usize>> = vec![None; diags.len()];
    let mut places: HashMap<usize, usize> = HashMap::new();
    {
        let mut first: HashMap<(usize, Code, Severity, &Message), usize> = HashMap::new();
        for (i, d) in diags.iter().enumerate() {
            if !d.code.info().groups {
                continue;
            }
            let Some(doc) = document(d) else {
                continue;
            };
            let key = d.group.as_ref().unwrap_or(&d.message);
            match first.entry((doc, d.code, d.severity, key)) {
                Entry::Occupied(e) => {
                    let j = *e.get();
                    into[i] = Some(j);
                    *places.entry(j).or_insert(1 + diags[j].absorbed as usize) +=
                        1 + d.absorbed as usize;
                }
                Entry::Vacant(e) => {
                    e.insert(i);
                }
            }
        }
    }
    // A finding that others were merged into as its file was checked
    // stands for them too, alone or not.
    for (i, d) in diags.iter_mut().enumerate() {
        if d.absorbed > 0 && into[i].is_none() {
            places.entry(i).or_insert(1 + d.absorbed as usize);
        }
        d.absorbed = 0;
    }
    if places.is_empty() {
        return diags;
    }
    for (i, target) in into.iter().enumerate() {
        if let Some(j) = *target {
            // j < i: a finding merges into an earlier one.
            let (before, rest) = diags.split_at_mut(i);
            let labels = std::mem::take(&mut rest[0].labels);
            before[j]
                .labels
                .extend(labels.into_iter().filter(|l| l.primary));
            let made_in = std::mem::take(&mut rest[0].made_in);
            before[j].also_made_in(made_in);
        }
    }
    for (&i, &n) in &places {
        let d = &mut diags[i];
        let message = grouped_message(d.group.as_ref().unwrap_or(&d.message), n);
        d.message = message;
    }
    let mut i = 0;
    diags.retain(|_| {
        let keep = into[i].is_none();
        i += 1;
        keep
    });
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::source::{FileId, Span};

    fn at(start: usize) -> Span {
        Span::new(FileId::default(), start, start + 1)
    }

    #[test]
    fn repeated_findings_of_a_grouping_code_merge() {
        let d = |start| {
            Diagnostic::new(
                Code::T003,
                Message::text("二级 甲 belongs under 乙, not 丙"),
            )
            .primary(at(start), Message::text("here"))
        };
        let other = Diagnostic::new(Code::B001, Message::text("a sum"))
            .primary(at(5), Message::text("sum"));
        let out = group(vec![d(1), other.clone(), d(9), d(20)], |_| Some(0));
        assert_eq!(out.len(), 2);
        assert_eq!(
            out[0].message.render(Lang::En),
            "二级 甲 belongs under 乙, not 丙 (3 places)"
        );
        assert_eq!(out[0].labels.iter().filter(|l| l.primary).count(), 3);
        assert_eq!(out[0].primary_span(), Some(at(1)));
        assert_eq!(out[1], other);
    }

    #[test]
    fn a_single_finding_keeps_its_message_and_other_documents_stay_apart() {
        let d = |start| {
            Diagnostic::new(
                Code::T003,
                Message::text("二级 甲 belongs under 乙, not 丙"),
            )
            .primary(at(start), Message::text("here"))
            .grouped(Message::text("key"))
        };
        let out = group(vec![d(1), d(9)], |d| d.primary_span().map(|s| s.start()));
        assert_eq!(out.len(), 2);
        assert_eq!(
            out[0].message.render(Lang::En),
            "二级 甲 belongs under 乙, not 丙"
        );
    }

    #[test]
    fn codes_that_do_not_group_are_left_alone() {
        let d = |start| {
            Diagnostic::new(Code::B001, Message::text("a sum"))
                .primary(at(start), Message::text("sum"))
        };
        assert_eq!(group(vec![d(1), d(2)], |_| Some(0)).len(), 2);
    }
}

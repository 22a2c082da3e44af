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
pub fn group(
    diags: Vec<Diagnostic>,
    document: impl Fn(&Diagnostic) -> Option<usize>,
) -> Vec<Diagnostic> {
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len());
    // Per finding of `out`: its key when it may absorb others, and how many
    // places it stands for.
    let mut keys: Vec<Option<Message>> = Vec::with_capacity(diags.len());
    let mut places: Vec<usize> = Vec::with_capacity(diags.len());
    let mut first: HashMap<(usize, Code, Severity, Message), usize> = HashMap::new();
    for d in diags {
        let doc = if d.code.info().groups {
            document(&d)
        } else {
            None
        };
        let Some(doc) = doc else {
            out.push(d);
            keys.push(None);
            places.push(1);
            continue;
        };
        let key = d.group.clone().unwrap_or_else(|| d.message.clone());
        match first.get(&(doc, d.code, d.severity, key.clone())) {
            Some(&i) => {
                out[i]
                    .labels
                    .extend(d.labels.into_iter().filter(|l| l.primary));
                places[i] += 1;
            }
            None => {
                first.insert((doc, d.code, d.severity, key.clone()), out.len());
                out.push(d);
                keys.push(Some(key));
                places.push(1);
            }
        }
    }
    for ((d, key), n) in out.iter_mut().zip(keys).zip(places) {
        if let (Some(key), true) = (key, n > 1) {
            d.message = grouped_message(&key, n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::source::{FileId, Span};

    fn at(start: usize) -> Span {
        Span {
            file: FileId::default(),
            start,
            end: start + 1,
        }
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
        let out = group(vec![d(1), d(9)], |d| d.primary_span().map(|s| s.start));
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

//! Names that nearly match: a summary row that names a unit with one
//! character more or less (岳阳市文化艺术会展中心 / 岳阳文化艺术会展中心) is a
//! row for that unit with a typing slip, not a row for a unit outside the
//! document.

use std::collections::BTreeMap;

use super::frameworks::distance;

/// A name as compared: without white space and a trailing 本级 (own level),
/// which published summaries often drop.
fn bare(name: &str) -> String {
    let s: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    s.strip_suffix("本级").map(str::to_string).unwrap_or(s)
}

/// How many characters may differ between names of which the shorter has
/// `shorter` characters: one in eight, and at least one.
fn allowed(shorter: usize) -> usize {
    (shorter / 8).max(1)
}

/// How many characters two bare names differ by when they nearly match;
/// None when they are further apart (or equal).
fn within(a: &str, b: &str) -> Option<usize> {
    let shorter = a.chars().count().min(b.chars().count());
    let d = distance(a, b);
    (d > 0 && d <= allowed(shorter)).then_some(d)
}

/// How many characters two names differ by when they nearly match: at most
/// one in eight of the shorter, and at least one allowed, a trailing 本级
/// ignored. None when they are further apart (or equal). The checks go
/// through [`Candidates`]; this is the rule for one pair, as tested.
#[cfg(test)]
pub fn near_miss(a: &str, b: &str) -> Option<usize> {
    within(&bare(a), &bare(b))
}

/// The names a row may nearly match, indexed by length so that a row is
/// compared only with names that could be within reach (a document with
/// many rows and many names stays near linear).
pub struct Candidates {
    bare: Vec<String>,
    by_length: BTreeMap<usize, Vec<usize>>,
}

impl Candidates {
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>) -> Candidates {
        let bare: Vec<String> = names.into_iter().map(bare).collect();
        let mut by_length: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (i, b) in bare.iter().enumerate() {
            by_length.entry(b.chars().count()).or_default().push(i);
        }
        Candidates { bare, by_length }
    }

    /// The index of the one candidate (not yet `taken`) whose name nearly
    /// matches `name` more closely than any other; None when none does or
    /// two tie.
    pub fn closest(&self, name: &str, taken: &[bool]) -> Option<usize> {
        let name = bare(name);
        let len = name.chars().count();
        // The allowance grows with the shorter name, so no candidate longer
        // or shorter than this by more than the row's own allowance can match.
        let reach = allowed(len);
        let mut best: Option<(usize, usize)> = None;
        let mut tie = false;
        for (_, indices) in self
            .by_length
            .range(len.saturating_sub(reach)..=len + reach)
        {
            for &i in indices {
                if taken.get(i).copied().unwrap_or(false) {
                    continue;
                }
                let Some(d) = within(&name, &self.bare[i]) else {
                    continue;
                };
                match best {
                    Some((_, bd)) if bd < d => {}
                    Some((_, bd)) if bd == d => tie = true,
                    _ => {
                        best = Some((i, d));
                        tie = false;
                    }
                }
            }
        }
        if tie {
            None
        } else {
            best.map(|(i, _)| i)
        }
    }
}

/// Two names with the characters that differ in brackets:
/// `岳阳[市]文化艺术会展中心` and `岳阳文化艺术会展中心`.
pub fn show_difference(a: &str, b: &str) -> (String, String) {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // The longest common subsequence; what is not in it differs.
    let mut t = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut in_a, mut in_b) = (vec![false; a.len()], vec![false; b.len()]);
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            in_a[i] = true;
            in_b[j] = true;
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    (mark(&a, &in_a), mark(&b, &in_b))
}

/// The characters outside the common part, in brackets (a run in one pair).
fn mark(chars: &[char], common: &[bool]) -> String {
    let mut s = String::new();
    let mut open = false;
    for (c, kept) in chars.iter().zip(common) {
        if !kept && !open {
            s.push('[');
            open = true;
        } else if *kept && open {
            s.push(']');
            open = false;
        }
        s.push(*c);
    }
    if open {
        s.push(']');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_character_apart_is_a_near_miss() {
        assert_eq!(
            near_miss("岳阳市文化艺术会展中心", "岳阳文化艺术会展中心"),
            Some(1)
        );
        assert_eq!(
            near_miss("岳阳市文化艺术会展中心本级", "岳阳文化艺术会展中心"),
            Some(1)
        );
        assert_eq!(near_miss("岳阳市农业农村局", "岳阳市林业局"), None);
        assert_eq!(near_miss("甲", "甲本级"), None);
    }

    #[test]
    fn the_closest_wins_and_a_tie_matches_nothing() {
        let units = Candidates::new(["岳阳市文化艺术会展中心", "岳阳市文化馆"]);
        assert_eq!(units.closest("岳阳文化艺术会展中心", &[]), Some(0));
        assert_eq!(units.closest("岳阳文化艺术会展中心", &[true]), None);
        let twins = Candidates::new(["甲乙丙丁戊己庚辛", "甲乙丙丁戊己庚壬"]);
        assert_eq!(twins.closest("甲乙丙丁戊己庚", &[]), None);
    }

    #[test]
    fn differences_are_bracketed() {
        assert_eq!(
            show_difference("岳阳市文化艺术会展中心", "岳阳文化艺术会展中心"),
            (
                "岳阳[市]文化艺术会展中心".to_string(),
                "岳阳文化艺术会展中心".to_string()
            )
        );
        assert_eq!(
            show_difference("中共岳阳市委", "岳阳市委员会"),
            ("[中共]岳阳市委".to_string(), "岳阳市委[员会]".to_string())
        );
    }
}

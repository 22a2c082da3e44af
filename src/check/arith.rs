//! Exact arithmetic on stated figures, with the rounding rule.
//!
//! A published figure is rounded: it stands for an interval, exact to its
//! precision (the document's `precision`, or finer where more decimals are
//! written). A sum is inconsistent only when the interval of the stated
//! total and the sum of its parts' intervals do not meet — the rule of XBRL
//! Calculations 1.1 (round-to-nearest). So `365.55` over parts summing to
//! `365.5466` passes, and `13` over parts summing to `13.18` does not.
//! A copy of a figure is judged more strictly ([`compare_copy`]): it must
//! round to what it copies.

use rust_decimal::Decimal;

use crate::ast::Number;

/// A figure as an interval: its value and half the width of the interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    pub value: Decimal,
    pub tolerance: Decimal,
}

impl Figure {
    pub const ZERO: Figure = Figure {
        value: Decimal::ZERO,
        tolerance: Decimal::ZERO,
    };

    /// An exact figure (a computed result, or a formula's operands).
    pub fn exact(value: Decimal) -> Self {
        Figure {
            value,
            tolerance: Decimal::ZERO,
        }
    }

    /// The interval of a stated number, or None when it was unreadable.
    pub fn stated(n: &Number, precision: u32) -> Option<Self> {
        let value = n.value?;
        Some(Figure {
            value,
            tolerance: half_unit(decimals(n, precision)),
        })
    }

    /// The sum of two intervals; None on overflow.
    pub fn checked_add(self, other: Figure) -> Option<Figure> {
        Some(Figure {
            value: self.value.checked_add(other.value)?,
            tolerance: self.tolerance.checked_add(other.tolerance)?,
        })
    }
}

/// The number of decimals a stated number is exact to.
pub fn decimals(n: &Number, precision: u32) -> u32 {
    n.scale.max(precision)
}

/// Half a unit in the last place of `decimals` decimals (0.005 for 2).
pub fn half_unit(decimals: u32) -> Decimal {
    // 28 is rust_decimal's largest scale; precision is capped at 10 anyway.
    Decimal::new(5, (decimals + 1).min(28))
}

/// The outcome of comparing a stated figure with a computed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub difference: Decimal,
    pub allowed: Decimal,
}

impl Comparison {
    pub fn consistent(&self) -> bool {
        self.difference.abs() <= self.allowed
    }
}

/// Compare a stated figure with a computed one: consistent when their
/// intervals meet. None on overflow.
pub fn compare(stated: Figure, computed: Figure) -> Option<Comparison> {
    Some(Comparison {
        difference: computed.value.checked_sub(stated.value)?,
        allowed: stated.tolerance.checked_add(computed.tolerance)?,
    })
}

/// Compare a figure with another that copies it (a summary row restating a
/// unit's total, an indicator restating a line): a copy is exact, so the
/// two agree only when the finer, rounded to the precision of the coarser,
/// is the coarser — when it lies within the coarser's interval (a tie may
/// round either way). Unlike a sum, the roundings of the two do not add up:
/// 1,735.58 does not copy 1,735.59, while 508.93 copies 508.9253. None on
/// overflow.
pub fn compare_copy(stated: Figure, copied: Figure) -> Option<Comparison> {
    Some(Comparison {
        difference: copied.value.checked_sub(stated.value)?,
        allowed: stated.tolerance.max(copied.tolerance),
    })
}

/// Show a value with at least `decimals` decimals, as published
/// (13 at precision 2 is shown 13.00). Half away from zero, as money is.
pub fn show(value: Decimal, decimals: u32) -> String {
    let v = value.normalize();
    if v.scale() >= decimals {
        v.to_string()
    } else {
        let mut s = v;
        s.rescale(decimals);
        s.to_string()
    }
}

/// Show a difference or a tolerance: its size, with just the digits it needs.
pub fn show_plain(value: Decimal) -> String {
    value.abs().normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn fig(s: &str, precision: u32) -> Figure {
        let scale = s.split_once('.').map_or(0, |(_, f)| f.len() as u32);
        Figure {
            value: d(s),
            tolerance: half_unit(scale.max(precision)),
        }
    }

    fn sum(parts: &[&str], precision: u32) -> Figure {
        parts.iter().fold(Figure::ZERO, |acc, p| {
            acc.checked_add(fig(p, precision)).unwrap()
        })
    }

    #[test]
    fn seed_002_wages_pass() {
        let parts = [
            "111.6768", "78.444", "62.6434", "31.9084", "17.9189", "10.2983", "34.729", "17.9278",
        ];
        let c = compare(fig("365.55", 2), sum(&parts, 2)).unwrap();
        assert_eq!(sum(&parts, 2).value, d("365.5466"));
        assert!(c.consistent(), "{c:?}");
    }

    #[test]
    fn seed_002_restated_total_passes() {
        let c = compare(fig("508.93", 2), fig("508.9253", 2)).unwrap();
        assert!(c.consistent());
    }

    #[test]
    fn seed_003_three_public_expenses_fail() {
        let c = compare(fig("13", 2), sum(&["0", "0", "13.18"], 2)).unwrap();
        assert!(!c.consistent());
        assert_eq!(c.difference, d("0.18"));
    }

    #[test]
    fn boundary_is_inclusive() {
        // 10.00 ± 0.005 against 10.01 ± 0.005: the intervals touch.
        assert!(compare(fig("10.00", 2), fig("10.01", 2))
            .unwrap()
            .consistent());
        assert!(!compare(fig("10.00", 2), fig("10.011", 2))
            .unwrap()
            .consistent());
    }

    #[test]
    fn a_copy_must_round_to_what_it_copies() {
        // 1,735.58 in a table, 1,735.59 in the summary: within the
        // tolerance of a sum, but not a copy.
        assert!(compare(fig("1735.58", 2), fig("1735.59", 2))
            .unwrap()
            .consistent());
        assert!(!compare_copy(fig("1735.58", 2), fig("1735.59", 2))
            .unwrap()
            .consistent());
        // Seed 002: 508.93 restates 508.9253, which rounds to it.
        assert!(compare_copy(fig("508.93", 2), fig("508.9253", 2))
            .unwrap()
            .consistent());
        assert!(!compare_copy(fig("508.93", 2), fig("508.9149", 2))
            .unwrap()
            .consistent());
        // A tie rounds either way.
        assert!(compare_copy(fig("10.01", 2), fig("10.005", 2))
            .unwrap()
            .consistent());
    }

    #[test]
    fn shows_as_published() {
        assert_eq!(show(d("13"), 2), "13.00");
        assert_eq!(show(d("365.5466"), 2), "365.5466");
    }
}

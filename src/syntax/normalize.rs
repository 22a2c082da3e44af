//! Normalisation of what people really type: full-width digits and
//! punctuation, thousands separators, look-alike characters.

use rust_decimal::Decimal;
use std::str::FromStr;

/// Full-width digits to ASCII; everything else unchanged.
pub fn digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// Read a written number exactly: full-width digits and point, thousands
/// separators (`,` `，`) and the full-width minus are accepted. Returns the
/// value and the number of decimals written (the figure's precision).
pub fn decimal(s: &str) -> Result<(Decimal, u32), &'static str> {
    let mut t = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            ',' | '，' => {}
            '．' => t.push('.'),
            '－' => t.push('-'),
            '０'..='９' => t.push(char::from(b'0' + (c as u32 - '０' as u32) as u8)),
            _ => t.push(c),
        }
    }
    let scale = t.split_once('.').map_or(0, |(_, f)| f.len() as u32);
    let significant = t
        .trim_start_matches('-')
        .trim_start_matches(['0', '.'])
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    if significant > 28 || scale > 28 {
        return Err("more than 28 significant digits");
    }
    Decimal::from_str(&t)
        .map(|d| (d, scale))
        .map_err(|_| "too large for an exact amount")
}

/// A unit of measure as written, with full-width forms folded
/// (`％` → `%`, `／` → `/`).
pub fn unit(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '％' => '%',
            '／' => '/',
            _ => c,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_separators_and_full_width() {
        assert_eq!(
            decimal("1,056.40").unwrap(),
            (Decimal::from_str("1056.40").unwrap(), 2)
        );
        assert_eq!(
            decimal("１，０５６．４").unwrap(),
            (Decimal::from_str("1056.4").unwrap(), 1)
        );
        assert_eq!(decimal("365.5466").unwrap().1, 4);
        assert_eq!(decimal("60").unwrap().1, 0);
    }

    #[test]
    fn rejects_thirty_digits() {
        assert!(decimal("123456789012345678901234567890").is_err());
        assert!(decimal("0.0000000000000000000000000000001").is_err());
    }
}

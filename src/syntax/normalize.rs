//! Normalisation of what people really type: full-width digits and
//! punctuation, thousands separators, look-alike characters.

use rust_decimal::Decimal;
use std::str::FromStr;

use crate::ast::{When, YearPart};

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

/// Read a time as targets write it (the grammar's `when`): `2025年12月底`,
/// `2025-06-30`, `12月31日`, `12月份`, `年底`, `全年`, `上半年`,
/// `第三季度`. None when the day or month does not exist.
pub fn when(s: &str) -> Option<When> {
    let t = digits(s);
    let mut rest = t.as_str();
    // The year, when written: four digits then a separator.
    let mut year = None;
    if rest.len() >= 4 && rest.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        year = rest[..4].parse::<i32>().ok();
        rest = &rest[4..];
        rest = rest
            .strip_prefix("年度")
            .or_else(|| rest.strip_prefix(['年', '-', '/', '.']))
            .unwrap_or(rest);
    }
    let end_mark =
        |r: &str| r.starts_with(['底', '末']) || r.starts_with("年底") || r.starts_with("年末");
    let quarter = |c: char| match c {
        '一' | '1' => Some(1),
        '二' | '2' => Some(2),
        '三' | '3' => Some(3),
        '四' | '4' => Some(4),
        _ => None,
    };
    let part;
    let mut end = false;
    if rest.is_empty() || rest == "全年" || rest == "年" {
        part = YearPart::Year;
    } else if end_mark(rest) {
        part = YearPart::Year;
        end = true;
    } else if let Some(h) = rest.strip_suffix("半年") {
        part = YearPart::Half(if h == "上" { 1 } else { 2 });
    } else if let Some(q) = rest
        .strip_suffix("季度")
        .or_else(|| rest.find("季度").map(|i| &rest[..i]))
    {
        let q = q.trim_start_matches('第');
        part = YearPart::Quarter(quarter(q.chars().next()?)?);
        end = end_mark(&rest[rest.find("季度")? + "季度".len()..]);
    } else {
        // Month, then a day or the end of the month.
        let m_len = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let month: u32 = rest[..m_len].parse().ok()?;
        let after = rest[m_len..]
            .trim_start_matches("月份")
            .trim_start_matches(['月', '-', '/', '.']);
        if !(1..=12).contains(&month) {
            return None;
        }
        let d_len = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        if d_len > 0 {
            let day: u32 = after[..d_len].parse().ok()?;
            let days = match year {
                Some(y) => super::lower::days_in_month(y, month),
                // Without its year, 29 February may be meant.
                None if month == 2 => 29,
                None => super::lower::days_in_month(2001, month),
            };
            if day < 1 || day > days {
                return None;
            }
            part = YearPart::Day(month, day);
        } else {
            part = YearPart::Month(month);
            end = end_mark(after);
        }
    }
    Some(When { year, part, end })
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
    fn reads_times() {
        let w = |s| when(s).map(|w| (w.year, w.part, w.end));
        assert_eq!(
            w("2025年12月底"),
            Some((Some(2025), YearPart::Month(12), true))
        );
        assert_eq!(
            w("2025年6月30日"),
            Some((Some(2025), YearPart::Day(6, 30), false))
        );
        assert_eq!(
            w("2025-06-30"),
            Some((Some(2025), YearPart::Day(6, 30), false))
        );
        assert_eq!(w("12月31日"), Some((None, YearPart::Day(12, 31), false)));
        assert_eq!(w("12月份"), Some((None, YearPart::Month(12), false)));
        assert_eq!(w("12月底"), Some((None, YearPart::Month(12), true)));
        assert_eq!(w("年底"), Some((None, YearPart::Year, true)));
        assert_eq!(w("2023年年底"), Some((Some(2023), YearPart::Year, true)));
        assert_eq!(w("2024年"), Some((Some(2024), YearPart::Year, false)));
        assert_eq!(w("2024年度"), Some((Some(2024), YearPart::Year, false)));
        assert_eq!(w("全年"), Some((None, YearPart::Year, false)));
        assert_eq!(w("上半年"), Some((None, YearPart::Half(1), false)));
        assert_eq!(
            w("2025年下半年"),
            Some((Some(2025), YearPart::Half(2), false))
        );
        assert_eq!(w("第三季度"), Some((None, YearPart::Quarter(3), false)));
        assert_eq!(
            w("2025年第4季度末"),
            Some((Some(2025), YearPart::Quarter(4), true))
        );
        assert_eq!(
            w("２０２５年１２月"),
            Some((Some(2025), YearPart::Month(12), false))
        );
        assert_eq!(w("2025年2月30日"), None);
        assert_eq!(w("13月底"), None);
    }

    #[test]
    fn rejects_thirty_digits() {
        assert!(decimal("123456789012345678901234567890").is_err());
        assert!(decimal("0.0000000000000000000000000000001").is_err());
    }
}

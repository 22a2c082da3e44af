//! How a stated value is written as text in every output: numbers with
//! their written decimals (or the document's precision), amounts with
//! thousands separators, an indicator's type, value and unit, attributes,
//! periods and properties. Shared by the CSV, HTML and XLSX backends, so
//! that no backend calls another's helpers; a formula's text is the
//! `Display` of [`crate::ast::Expr`].

use rust_decimal::Decimal;

use crate::ast::*;
use crate::source::SourceMap;

// ------------------------------------------------------------ number text

/// `v` with exactly `scale` decimals (never rounding when `scale` is at
/// least the number's own).
pub fn fixed(v: Decimal, scale: u32) -> String {
    let mut x = v;
    if x.scale() < scale {
        x.rescale(scale);
    } else if x.scale() > scale {
        x = x.round_dp_with_strategy(scale, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        x.rescale(scale);
    }
    x.to_string()
}

/// `v` with `scale` decimals and thousands separators: `12,877.75`.
pub fn grouped(v: Decimal, scale: u32) -> String {
    let s = fixed(v, scale);
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match digits.find('.') {
        Some(i) => (&digits[..i], &digits[i..]),
        None => (digits, ""),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out.push_str(frac);
    out
}

/// A number as written (its own decimals, no separators).
pub fn number_text(n: &Number) -> String {
    n.value.map(|v| fixed(v, n.scale)).unwrap_or_default()
}

/// An amount as written, for flat outputs: `1056.40`, empty when blank,
/// `无` or `不适用` when the cell reads so.
pub fn amount_text(a: &Amount) -> String {
    match a {
        Amount::Mark(m, _) => m.text().to_string(),
        _ => a.number().map(number_text).unwrap_or_default(),
    }
}

/// A line's 测算依据 cell: its basis text as the table prints it, else its
/// formulas as people write them (`; ` between several).
pub fn basis_text(l: &Line) -> String {
    if !l.basis.is_empty() {
        return l
            .basis
            .iter()
            .map(|b| b.node.as_str())
            .collect::<Vec<_>>()
            .join("\n");
    }
    l.all_formulas()
        .map(|f| f.expr.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

// ------------------------------------------------------------ indicator text

pub fn kind_label(k: Kind) -> &'static str {
    match k {
        Kind::Qualitative => "定性",
        Kind::Quantitative => "定量",
    }
}

/// The 指标值类型 cell of the official tables, as written: the kind and the
/// sign as the table has it (`》`, `大于等于`, `定性 ≥`).
pub fn type_cell(i: &Indicator) -> String {
    let mut parts = Vec::new();
    if let Some(k) = &i.kind {
        parts.push(kind_label(k.node));
    }
    for q in i.qualifiers.iter().filter(|q| q.place == Place::Sign) {
        parts.push(&q.text);
    }
    parts.join(" ")
}

/// The words written with the value (`以上`, `约`, `前`, `（含）`), as
/// written, in order: the CSV's `qualifiers`.
pub fn qualifier_words(i: &Indicator) -> String {
    i.qualifiers
        .iter()
        .filter(|q| q.place != Place::Sign)
        .map(|q| q.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The 指标值 and 计量单位 cells of the official tables. A figure with its
/// unit and nothing else is a number and a unit, as the tables set them;
/// any other value — a figure with words (`95%以上`, `约220次`), a range, a
/// time (`2025年12月底前`) — is printed as written, whole, in the 指标值
/// cell.
pub fn value_cells(i: &Indicator, sources: &SourceMap) -> ValueText {
    let words = i.qualifiers.iter().any(|q| q.place != Place::Sign);
    match (&i.value, i.written) {
        (Some(v), Some(w)) if words || matches!(v.node, Value::Range(..) | Value::Date(_)) => {
            ValueText {
                value: sources.text(w).to_string(),
                unit: String::new(),
                number: None,
            }
        }
        _ => value_text(i, None),
    }
}

/// The 指标值 and 计量单位 cells, with the number when the value is one.
pub struct ValueText {
    pub value: String,
    pub unit: String,
    pub number: Option<(Decimal, u32)>,
}

/// The value as data (the CSV's `value` and `unit_of_measure`): the figure
/// and its unit, a range's ends, a time in ISO 8601 (the budget year's
/// when none is written), a text.
pub fn value_text(i: &Indicator, budget_year: Option<i32>) -> ValueText {
    let unit_of = |q: &Quantity| q.unit.as_ref().map(|u| u.node.clone()).unwrap_or_default();
    match i.value.as_ref().map(|v| &v.node) {
        None => ValueText {
            value: String::new(),
            unit: String::new(),
            number: None,
        },
        Some(Value::Quantity(q)) => ValueText {
            value: number_text(&q.number),
            unit: unit_of(q),
            number: q.number.value.map(|v| (v, q.number.scale)),
        },
        Some(Value::Range(a, b)) => {
            let (ua, ub) = (unit_of(a), unit_of(b));
            if ua == ub || ua.is_empty() {
                ValueText {
                    value: format!("{}-{}", number_text(&a.number), number_text(&b.number)),
                    unit: ub,
                    number: None,
                }
            } else {
                ValueText {
                    value: format!(
                        "{}{}-{}{}",
                        number_text(&a.number),
                        ua,
                        number_text(&b.number),
                        ub
                    ),
                    unit: String::new(),
                    number: None,
                }
            }
        }
        Some(Value::Date(d)) => ValueText {
            value: d.iso(budget_year),
            unit: String::new(),
            number: None,
        },
        Some(Value::Text(t)) => ValueText {
            value: t.clone(),
            unit: String::new(),
            number: None,
        },
        Some(Value::Mark(m)) => ValueText {
            value: m.text().to_string(),
            unit: String::new(),
            number: None,
        },
    }
}

/// An indicator's attribute (several of one key are joined by a newline).
pub fn attr(i: &Indicator, key: AttrKey) -> String {
    let v: Vec<&str> = i
        .attrs
        .iter()
        .filter(|a| a.key.node == key)
        .map(|a| a.value.node.as_str())
        .collect();
    v.join("\n")
}

pub fn period_text(p: &Period) -> String {
    format!("{} 至 {}", p.start, p.end)
}

pub fn prop_text(v: &PropValue) -> String {
    match v {
        PropValue::Text(t) => t.clone(),
        PropValue::Quantity(q) => {
            let n = number_text(&q.number);
            match &q.unit {
                Some(u) => format!("{n} {}", u.node),
                None => n,
            }
        }
        PropValue::Date(d) => d.to_string(),
        PropValue::Period(p) => period_text(p),
        PropValue::Choices(cs) => cs
            .iter()
            .map(|c| format!("{}{}", if c.checked { "☑" } else { "☐" }, c.label.node))
            .collect::<Vec<_>>()
            .join(" "),
        PropValue::Blank => String::new(),
        PropValue::Mark(m) => m.text().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn grouping() {
        let d = |s| Decimal::from_str(s).unwrap();
        assert_eq!(grouped(d("336103.54"), 2), "336,103.54");
        assert_eq!(grouped(d("1056.4"), 2), "1,056.40");
        assert_eq!(grouped(d("508.9253"), 4), "508.9253");
        assert_eq!(grouped(d("-1234567"), 0), "-1,234,567");
        assert_eq!(grouped(d("999"), 2), "999.00");
        assert_eq!(grouped(d("0"), 2), "0.00");
    }
}

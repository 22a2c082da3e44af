//! Indicators bounded by the budget. An indicator that states a cost or an
//! amount of money (under a 成本 tier, or named 控制在预算内, 预算控制数 …),
//! whatever its comparison, marked 定性 or written inside a text, is
//! compared with the budget of its unit or project (B012) and with the line
//! of the budget or of the spending detail that bears its name (B020); an
//! indicator that states a unit price (`500 元/人`) is compared with the
//! unit prices of the bases of calculation (B021: `200 人 × 0.03 万元/人`).

use crate::i18n::{Arg, Message};
use crate::msg;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

use super::arith::{self, Figure};
use super::budget::{line_value, Ctx};
use super::formula::MONEY;
use crate::ast::money_factor;
use crate::ast::*;
use crate::diag::{Code, Diagnostic};
use crate::model::Document;

/// Words in an indicator's name that make it a cost wherever it stands.
const COST_NAMES: &[&str] = &[
    "成本",
    "控制在预算",
    "预算控制",
    "不超过预算",
    "不超预算",
    "预算内",
];

pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let ctx = Ctx {
        precision: doc.header.precision,
        money: &doc.header.money,
    };
    let mut out = Vec::new();
    for u in &doc.units {
        check_unit(&ctx, u, &mut out);
    }
    out
}

/// The bounds of one unit's indicators and its projects'.
pub(super) fn check_unit(ctx: &Ctx, u: &Unit, out: &mut Vec<Diagnostic>) {
    let mut lines = Vec::new();
    if let Some(b) = &u.budget {
        collect_breakdowns(&b.breakdowns, &mut lines);
    }
    collect_lines(&u.amounts, &mut lines);
    let owner = Owner {
        name: &u.name.node,
        budget: u.budget.as_ref().and_then(|b| b.total.number()),
        prices: prices(ctx, &lines),
        lines,
        detail: "budget",
    };
    for t in &u.indicators {
        walk(ctx, &owner, &t.nodes, &mut Vec::new(), out);
    }
    for p in &u.projects {
        let mut lines = Vec::new();
        collect_breakdowns(&p.breakdowns, &mut lines);
        collect_lines(&p.amounts, &mut lines);
        let owner = Owner {
            name: &p.name.node,
            budget: p.amount.number(),
            prices: prices(ctx, &lines),
            lines,
            detail: "detail",
        };
        for t in &p.indicators {
            walk(ctx, &owner, &t.nodes, &mut Vec::new(), out);
        }
    }
}

/// The unit or project whose indicators are checked, with what they are
/// compared with.
struct Owner<'a> {
    name: &'a str,
    budget: Option<&'a Number>,
    /// Every line of its breakdowns and amount trees, depth first.
    lines: Vec<&'a Line>,
    /// The unit prices of the bases of calculation, by the unit they price.
    prices: BTreeMap<String, Vec<Price<'a>>>,
    /// What its lines are (`budget` or `detail`): the message names them.
    detail: &'static str,
}

/// A unit price found in a basis of calculation: `0.03 万元/人`.
struct Price<'a> {
    /// Money (in the document's unit) per one of the unit.
    value: Figure,
    line: &'a Line,
    span: Span,
}

fn collect_breakdowns<'a>(breakdowns: &'a [Breakdown], out: &mut Vec<&'a Line>) {
    for b in breakdowns {
        collect_lines(&b.lines, out);
    }
}

fn collect_lines<'a>(lines: &'a [Line], out: &mut Vec<&'a Line>) {
    for l in lines {
        out.push(l);
        collect_breakdowns(&l.breakdowns, out);
    }
}

/// The unit prices in the formulas of `lines`. A product is read as
/// people write it: each number with the units written after it, up to the
/// next number (`200 人 × 0.03 (万元/人)` is 200 人 times 0.03 万元/人); a
/// number whose units come out as money per one of something is a price.
fn prices<'a>(ctx: &Ctx, lines: &[&'a Line]) -> BTreeMap<String, Vec<Price<'a>>> {
    let mut out = BTreeMap::new();
    for l in lines {
        for f in l.all_formulas() {
            let mut products = Vec::new();
            products_in(&f.expr, &mut products);
            for factors in products {
                prices_in(ctx, &factors, l, &mut out);
            }
        }
    }
    out
}

/// One factor of a product: a number or a unit, multiplied (+1) or
/// divided (-1).
enum Factor<'e> {
    Number(&'e Number, bool, Span),
    Unit(&'e str, i32),
}

/// The products of a formula (its terms, when it is a sum), each as its
/// factors in written order.
fn products_in<'e>(e: &'e Expr, out: &mut Vec<Vec<Factor<'e>>>) {
    match e {
        Expr::Binary {
            op: BinOp::Add | BinOp::Sub,
            lhs,
            rhs,
            ..
        } => {
            products_in(lhs, out);
            products_in(rhs, out);
        }
        _ => {
            let mut factors = Vec::new();
            if flatten(e, 1, &mut factors, out) {
                out.push(factors);
            }
        }
    }
}

/// The factors of a product; a sum inside it (a parenthesised term) is
/// read as products of its own, and the outer product is then not a plain
/// product (false).
fn flatten<'e>(
    e: &'e Expr,
    sign: i32,
    factors: &mut Vec<Factor<'e>>,
    sums: &mut Vec<Vec<Factor<'e>>>,
) -> bool {
    match e {
        Expr::Number { number, .. } => {
            factors.push(Factor::Number(number, sign < 0, number.span));
            true
        }
        Expr::Unit(u) => {
            factors.push(Factor::Unit(&u.node, sign));
            true
        }
        Expr::Binary { op, lhs, rhs, .. } => match op {
            BinOp::Mul => flatten(lhs, sign, factors, sums) & flatten(rhs, sign, factors, sums),
            BinOp::Div => flatten(lhs, sign, factors, sums) & flatten(rhs, -sign, factors, sums),
            BinOp::Add | BinOp::Sub => {
                products_in(e, sums);
                false
            }
        },
    }
}

/// The prices among a product's factors: each number with the units that
/// follow it.
fn prices_in<'a>(
    ctx: &Ctx,
    factors: &[Factor],
    line: &'a Line,
    out: &mut BTreeMap<String, Vec<Price<'a>>>,
) {
    let base = money_factor(ctx.money).unwrap_or(Decimal::ONE);
    for (k, f) in factors.iter().enumerate() {
        let Factor::Number(number, false, span) = f else {
            continue;
        };
        let Some(v) = number.value else { continue };
        let mut worth = Some(Decimal::ONE);
        let mut units: BTreeMap<&str, i32> = BTreeMap::new();
        for g in factors[k + 1..].iter() {
            let Factor::Unit(u, e) = g else { break };
            match money_factor(u) {
                Some(m) => {
                    *units.entry(MONEY).or_default() += e;
                    let (times, by) = if *e > 0 { (m, base) } else { (base, m) };
                    worth = worth
                        .and_then(|w| w.checked_mul(times))
                        .and_then(|w| w.checked_div(by));
                }
                None => *units.entry(u).or_default() += e,
            }
        }
        let Some(worth) = worth else { continue };
        units.retain(|_, e| *e != 0);
        let per = match (units.len(), units.get(MONEY)) {
            (2, Some(1)) => units.iter().find(|(u, e)| **u != MONEY && **e == -1),
            _ => None,
        };
        let Some((per, _)) = per else { continue };
        let (Some(value), Some(tolerance)) = (
            v.checked_mul(worth),
            arith::half_unit(number.scale).checked_mul(worth),
        ) else {
            continue;
        };
        out.entry(per.to_string()).or_default().push(Price {
            value: Figure { value, tolerance },
            line,
            span: *span,
        });
    }
}

fn walk<'n>(
    ctx: &Ctx,
    owner: &Owner,
    nodes: &'n [IndicatorNode],
    tiers: &mut Vec<&'n str>,
    out: &mut Vec<Diagnostic>,
) {
    for n in nodes {
        match n {
            IndicatorNode::Group(g) => {
                tiers.push(&g.name.node);
                walk(ctx, owner, &g.children, tiers, out);
                tiers.pop();
            }
            IndicatorNode::Leaf(i) => check_leaf(ctx, owner, i, tiers, out),
        }
    }
}

/// An amount of money an indicator states, in the document's money unit.
struct Stated {
    value: Figure,
    comparison: Option<Comparison>,
    /// How the indicator states it, for messages.
    shown: String,
    span: Span,
}

/// Whether an indicator is about a cost: it stands in a 成本 tier or its
/// name says so, and it is not a benefit (a 成本 saved for others, under 效益).
fn is_cost(i: &Indicator, tiers: &[&str]) -> bool {
    let benefit = tiers
        .iter()
        .any(|t| t.contains("效益") || t.contains("满意"));
    !benefit
        && (tiers.iter().any(|t| t.contains("成本"))
            || COST_NAMES.iter().any(|w| i.name.node.contains(w)))
}

fn check_leaf(ctx: &Ctx, owner: &Owner, i: &Indicator, tiers: &[&str], out: &mut Vec<Diagnostic>) {
    let Some(value) = &i.value else { return };
    if let Value::Quantity(q) = &value.node {
        check_unit_price(ctx, owner, i, q, value.span, out);
    }
    if !is_cost(i, tiers) {
        return;
    }
    for stated in money_stated(ctx, i, value) {
        if let Some(budget) = owner.budget {
            check_against_budget(ctx, owner, i, &stated, budget, out);
        }
        check_against_line(ctx, owner, i, &stated, out);
    }
}

/// The amounts of money an indicator's value states: a quantity in a money
/// unit, or each amount written inside a text (`"≤6793.23万元"`).
fn money_stated(ctx: &Ctx, i: &Indicator, written: &Spanned<Value>) -> Vec<Stated> {
    let base = money_factor(ctx.money).unwrap_or(Decimal::ONE);
    let comparison = i.comparison.as_ref().map(|c| c.node);
    match &written.node {
        Value::Quantity(q) => {
            let Some(unit) = &q.unit else {
                return Vec::new();
            };
            let (Some(v), Some(f)) = (q.number.value, money_factor(&unit.node)) else {
                return Vec::new();
            };
            let decimals = arith::decimals(&q.number, ctx.precision);
            let (Some(value), Some(tolerance)) = (
                v.checked_mul(f).and_then(|x| x.checked_div(base)),
                arith::half_unit(decimals)
                    .checked_mul(f)
                    .and_then(|x| x.checked_div(base)),
            ) else {
                return Vec::new();
            };
            let cmp = comparison.map_or(String::new(), |c| format!("{} ", c.symbol()));
            vec![Stated {
                value: Figure { value, tolerance },
                comparison,
                shown: format!("{cmp}{} {}", arith::show_plain(v), unit.node),
                span: written.span,
            }]
        }
        Value::Text(t) => money_in_text(t)
            .into_iter()
            .filter_map(|(v, scale, f, in_text)| {
                let value = v.checked_mul(f)?.checked_div(base)?;
                let tolerance = arith::half_unit(scale.max(ctx.precision))
                    .checked_mul(f)?
                    .checked_div(base)?;
                Some(Stated {
                    value: Figure { value, tolerance },
                    comparison: in_text.or(comparison),
                    shown: format!("\"{t}\""),
                    span: written.span,
                })
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Money amounts written in a text: a number followed by a money unit (not
/// a unit price: `20元/份` is not an amount), with the comparison written
/// just before it (`≤`, `不超过`) or just after (`以内`, `以下`).
/// Each: the value, its written decimals, the unit's worth in 元, and the
/// comparison.
fn money_in_text(text: &str) -> Vec<(Decimal, u32, Decimal, Option<Comparison>)> {
    const UNITS: &[&str] = &["亿元", "万元", "千元", "元", "万"];
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let prefix = &rest[..start];
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
            .unwrap_or(tail.len());
        let digits = tail[..len].trim_end_matches(['.', ',']);
        let after = tail[digits.len()..].trim_start();
        let unit = UNITS.iter().find(|u| after.starts_with(**u));
        if let (Some(unit), Ok(v)) = (unit, digits.replace(',', "").parse::<Decimal>()) {
            let next = after[unit.len()..].chars().next();
            // 万 alone is money before an end or 左右/以内…, not in 2万余名.
            let bare_wan = *unit == "万"
                && next.is_some_and(|c| {
                    !(c.is_ascii_punctuation() || "，。；、左以内之约".contains(c))
                });
            let per = next == Some('/');
            if !per && !bare_wan {
                let lead = prefix.trim_end();
                let trail = &after[unit.len()..];
                let comparison = if lead.ends_with(['≤', '<', '≦', '＜'])
                    || ["不超过", "不超", "不高于", "小于等于"]
                        .iter()
                        .any(|w| lead.ends_with(w))
                    || trail.starts_with("以内")
                    || trail.starts_with("以下")
                {
                    Some(Comparison::Le)
                } else if lead.ends_with(['≥', '>', '≧', '＞']) {
                    Some(Comparison::Ge)
                } else if lead.ends_with(['=', '＝']) {
                    Some(Comparison::Eq)
                } else {
                    None
                };
                if let Some(f) = money_factor(unit) {
                    let scale = digits.split_once('.').map_or(0, |(_, d)| d.len() as u32);
                    out.push((v, scale, f, comparison));
                }
            }
        }
        rest = &tail[digits.len().max(1)..];
    }
    out
}

/// B012: a cost above the whole budget of its unit or project measures
/// nothing: a ceiling there cannot be exceeded, a target or a floor cannot
/// be reached.
fn check_against_budget(
    ctx: &Ctx,
    owner: &Owner,
    i: &Indicator,
    stated: &Stated,
    budget: &Number,
    out: &mut Vec<Diagnostic>,
) {
    let Some(limit) = ctx.stated(budget) else {
        return;
    };
    if stated.value.value - stated.value.tolerance <= limit.value + limit.tolerance {
        return;
    }
    // `ceiling`, `floor` or `cost`: the message chooses its words by it.
    let (what, help) = match stated.comparison {
        Some(Comparison::Le | Comparison::Lt) => ("ceiling", msg!("b012-help-ceiling")),
        Some(Comparison::Ge | Comparison::Gt) => ("floor", msg!("b012-help-floor")),
        _ => ("cost", msg!("b012-help-cost")),
    };
    let budget_shown = arith::show(limit.value, ctx.decimals(budget));
    out.push(
        Diagnostic::new(
            Code::B012,
            msg!(
                "b012-above-budget",
                what = what,
                stated = stated.shown.as_str(),
                computed = format!("{budget_shown} {}", ctx.money),
                owner = owner.name
            ),
        )
        .primary(
            stated.span,
            Message::text(format!(
                "{} {}",
                arith::show_plain(stated.value.value),
                ctx.money
            )),
        )
        .secondary(budget.span, msg!("b012-the-budget"))
        .note(msg!(
            "b012-cannot-be-spent",
            amount = format!("{} {}", arith::show_plain(stated.value.value), ctx.money),
            budget = format!("{budget_shown} {}", ctx.money)
        ))
        .note(msg!(
            "b012-states-the-cost-of",
            indicator = i.name.node.as_str(),
            owner = owner.name
        ))
        .help(help),
    );
}

/// B020: a cost named after a line of the budget or the detail states that
/// line's figure (a copy, exact), or caps it (a ceiling at least the line).
fn check_against_line(
    ctx: &Ctx,
    owner: &Owner,
    i: &Indicator,
    stated: &Stated,
    out: &mut Vec<Diagnostic>,
) {
    let name = i.name.node.trim();
    let Some(line) = owner
        .lines
        .iter()
        .find(|l| l.name.node.trim_start_matches("其中：").trim() == name)
    else {
        return;
    };
    let Some(planned) = line_value(ctx, line) else {
        return;
    };
    let decimals = line
        .amount
        .number()
        .map_or(ctx.precision, |n| ctx.decimals(n));
    let planned_shown = arith::show(planned.value, decimals);
    let (wrong, rule) = match stated.comparison {
        Some(Comparison::Le | Comparison::Lt) => (
            stated.value.value + stated.value.tolerance < planned.value - planned.tolerance,
            msg!("b020-ceiling-below"),
        ),
        Some(Comparison::Ge | Comparison::Gt | Comparison::Ne | Comparison::Approx) => return,
        Some(Comparison::Eq) | None => (
            arith::compare_copy(planned, stated.value).is_some_and(|c| !c.consistent()),
            msg!("b020-copies"),
        ),
    };
    if !wrong {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::B020,
            msg!(
                "b020-differs",
                indicator = i.name.node.as_str(),
                stated = stated.shown.as_str(),
                detail = owner.detail,
                computed = format!("{planned_shown} {}", ctx.money)
            ),
        )
        .primary(
            stated.span,
            Message::text(format!(
                "{} {}",
                arith::show_plain(stated.value.value),
                ctx.money
            )),
        )
        .secondary(
            line.name.span,
            Message::text(format!("{planned_shown} {}", ctx.money)),
        )
        .note(rule)
        .help(msg!("b020-help")),
    );
}

/// B021: an indicator stating a unit price (`500 元/人`) where the bases
/// of calculation price the same unit (`0.03 万元/人`) states one of their
/// prices.
fn check_unit_price(
    ctx: &Ctx,
    owner: &Owner,
    i: &Indicator,
    q: &Quantity,
    span: Span,
    out: &mut Vec<Diagnostic>,
) {
    let Some(unit) = &q.unit else { return };
    let Some((money, per)) = unit.node.split_once('/') else {
        return;
    };
    let (Some(f), Some(v)) = (money_factor(money.trim()), q.number.value) else {
        return;
    };
    let per = per.trim();
    let Some(prices) = owner.prices.get(per) else {
        return;
    };
    let base = money_factor(ctx.money).unwrap_or(Decimal::ONE);
    let convert = |x: Decimal| x.checked_mul(f).and_then(|y| y.checked_div(base));
    let (Some(value), Some(tolerance)) = (convert(v), convert(arith::half_unit(q.number.scale)))
    else {
        return;
    };
    let stated = Figure { value, tolerance };
    if prices
        .iter()
        .any(|p| arith::compare_copy(p.value, stated).is_some_and(|c| c.consistent()))
    {
        return;
    }
    // Shown in the indicator's own unit, as people compare them.
    let in_unit = |x: Decimal| {
        x.checked_mul(base)
            .and_then(|y| y.checked_div(f))
            .map_or_else(String::new, arith::show_plain)
    };
    let first = &prices[0];
    let mut d = Diagnostic::new(
        Code::B021,
        msg!(
            "b021-differs",
            indicator = i.name.node.as_str(),
            stated = format!("{} {}", arith::show_plain(v), unit.node),
            line = first.line.name.node.as_str(),
            per = per,
            computed = format!("{} {}", in_unit(first.value.value), unit.node)
        ),
    )
    .primary(span, msg!("b021-indicator-price"));
    for p in prices {
        d = d.secondary(
            p.span,
            Message::text(format!(
                "{} {}/{per}",
                arith::show_plain(p.value.value),
                ctx.money
            )),
        );
    }
    out.push(
        d.note(msg!(
            "b021-note",
            price = format!("{} {}", arith::show_plain(v), unit.node),
            converted = format!("{} {}/{per}", arith::show_plain(value), ctx.money),
            basis =
                Arg::comma(prices.iter().map(|p| {
                    format!("{} {}/{per}", arith::show_plain(p.value.value), ctx.money)
                }))
        ))
        .help(msg!("b021-help")),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn money_is_read_in_texts() {
        let found = money_in_text("≤6793.23万元");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, d("6793.23"));
        assert_eq!(found[0].1, 2);
        assert_eq!(found[0].3, Some(Comparison::Le));
        let found = money_in_text("抗体检测2400份,20元/份,每年约9.6万左右");
        assert_eq!(found.len(), 1, "the price 20元/份 is not an amount");
        assert_eq!(found[0].0, d("9.6"));
        assert!(money_in_text("1、120余次；2、2万余名").is_empty());
        let found = money_in_text("控制在1,446万元以内");
        assert_eq!(found[0].0, d("1446"));
        assert_eq!(found[0].3, Some(Comparison::Le));
    }
}

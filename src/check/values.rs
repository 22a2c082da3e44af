//! Value rules on each 三级 indicator: a comparison needs a number, 定性
//! needs a text, percentages stay within 100, rates and costs point the
//! right way, quantities have a unit, 数量, 质量, 时效 and 成本 targets are
//! quantified, no value is blank, dates fall in the budget year, names are
//! not repeated; and every target table states its goal.

use rust_decimal::Decimal;

use super::formula::money_factor;
use crate::ast::*;
use crate::diag::{Code, Diagnostic};
use crate::model::Document;

/// Words that make an indicator a rate, which should not be capped.
const RATES: &[&str] = &[
    "合格率",
    "覆盖率",
    "满意度",
    "满意率",
    "及时率",
    "完成率",
    "达标率",
    "知晓率",
    "执行率",
    "到位率",
    "准确率",
    "通过率",
];
/// Words that make an indicator something to keep low.
const LOWS: &[&str] = &[
    "成本",
    "事故",
    "投诉",
    "差错率",
    "发生率",
    "失误",
    "违规",
    "案发",
];
/// Values that promise nothing measurable.
const VAGUE: &[&str] = &[
    "提高",
    "加强",
    "有效",
    "进一步",
    "提升",
    "不断",
    "较好",
    "明显",
    "及时",
    "按时",
    "持续",
    "保障",
    "促进",
    "支持",
    "配合",
    "正常",
];
/// Chinese numerals, which state a figure when a measure word follows
/// (`每年一次`, `春秋两期`).
const NUMERALS: &str = "一二三四五六七八九十两百千万";
/// Measure words after a Chinese numeral.
const MEASURES: &str = "次个期批人项家场份篇条件名户所座台辆天日月年周季轮届类";
/// Words of the calendar: a 时效 value holding one states when.
const CALENDAR: &str = "年月日季周天旬";
/// Names of rows that say the tier does not apply: their value may be blank.
const NOT_APPLICABLE: &[&str] = &["无", "不适用", "不适合", "不涉及", "无此项"];

/// Whether the indicator is about the harm `w` itself: Chinese puts the
/// head noun last, so `安全事故发生率` and `投诉件数` are about accidents and
/// complaints, while `12315投诉挽回损失` is about losses recovered.
fn names_harm(name: &str, w: &str) -> bool {
    let core = ["发生率", "次数", "件数", "起数", "率", "数", "量"]
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .unwrap_or(name);
    name.ends_with(w) || core.ends_with(w.trim_end_matches('率'))
}

/// Whether a vague word stands as a word: 有效 in 有效性 (validity) is not
/// the promise 有效 (effectively).
fn vague_word(text: &str) -> Option<&'static str> {
    VAGUE.iter().copied().find(|w| {
        text.match_indices(w)
            .any(|(i, _)| !text[i + w.len()..].starts_with('性'))
    })
}

/// Whether a text states a figure: a digit, 零 (zero is a figure: 零投诉),
/// a Chinese numeral with its measure word, or a frequency (`每月填报`).
fn has_figure(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .iter()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(c) || *c == '零')
        || chars
            .windows(2)
            .any(|w| (NUMERALS.contains(w[0]) || w[0] == '每') && MEASURES.contains(w[1]))
}

/// Whether the tier an indicator stands in asks for a figure by its nature:
/// a 数量 counts, an economic cost (经济成本, or 成本 under 产出 in the 2020
/// framework) is money. Social and ecological costs are stated in words.
fn demands_figure(tier: &str) -> bool {
    tier.contains("数量")
        || (tier.contains("成本")
            && !["社会成本", "生态", "环境成本"]
                .iter()
                .any(|w| tier.contains(w)))
}

struct Ctx<'p> {
    year: Option<i32>,
    /// The text of the documents, to quote a qualifier as written.
    sources: &'p crate::source::SourceMap,
}

pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let ctx = Ctx {
        year: doc.header.year,
        sources: &doc.project.sources,
    };
    let mut out = Vec::new();
    for u in &doc.units {
        for t in &u.indicators {
            walk(&ctx, &t.nodes, &[], &mut out);
        }
        if has_indicators(&u.indicators) {
            let planned = u
                .plans
                .iter()
                .any(|p| p.goal.as_ref().is_some_and(|g| !g.node.trim().is_empty()));
            check_goals(
                "unit",
                &u.name,
                &u.goals,
                GoalKind::Overall,
                planned,
                &mut out,
            );
        }
        for p in &u.projects {
            for t in &p.indicators {
                walk(&ctx, &t.nodes, &[], &mut out);
            }
            if has_indicators(&p.indicators) {
                check_goals(
                    "project",
                    &p.name,
                    &p.goals,
                    GoalKind::Annual,
                    false,
                    &mut out,
                );
            }
            check_period(&ctx, p, &mut out);
        }
    }
    out
}

fn has_indicators(trees: &[IndicatorTree]) -> bool {
    trees.iter().any(|t| !t.nodes.is_empty())
}

/// V021: a target table states its goal: a unit its overall goal (整体绩效目标,
/// or the goals of its 年度重点工作计划 rows: `planned`), a project its annual
/// goal (年度绩效目标); and no goal is written blank.
fn check_goals(
    what: &str,
    name: &Spanned<String>,
    goals: &[Goal],
    required: GoalKind,
    planned: bool,
    out: &mut Vec<Diagnostic>,
) {
    const KEY: &str = "target tables state no goal";
    let kind_name = |k: GoalKind| match k {
        GoalKind::Overall => "overall goal (整体绩效目标)",
        GoalKind::Term => "long-term goal (实施期绩效目标)",
        GoalKind::Annual => "annual goal (年度绩效目标)",
    };
    let mut blank_required = false;
    for g in goals.iter().filter(|g| g.text.node.trim().is_empty()) {
        blank_required |= g.kind == required;
        out.push(
            Diagnostic::new(
                Code::V021,
                format!("the {} of {what} {} is blank", kind_name(g.kind), name.node),
            )
            .primary(g.text.span, "blank")
            .help("state the goal the table publishes")
            .grouped(KEY),
        );
    }
    let stated = goals
        .iter()
        .any(|g| g.kind == required && !g.text.node.trim().is_empty());
    if !stated && !planned && !blank_required {
        out.push(
            Diagnostic::new(
                Code::V021,
                format!("{what} {} states no {}", name.node, kind_name(required)),
            )
            .primary(name.span, "no goal")
            .help("state the goal the table publishes (`goal \"…\"`)")
            .grouped(KEY),
        );
    }
}

fn walk(ctx: &Ctx, nodes: &[IndicatorNode], tiers: &[&str], out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<(&str, Span)> = Vec::new();
    for n in nodes {
        match n {
            IndicatorNode::Group(g) => {
                let mut t = tiers.to_vec();
                t.push(&g.name.node);
                walk(ctx, &g.children, &t, out);
            }
            IndicatorNode::Leaf(i) => {
                if let Some((_, first)) = seen.iter().find(|(name, _)| *name == i.name.node) {
                    out.push(
                        Diagnostic::new(
                            Code::V008,
                            format!("indicator {} is given twice under one tier", i.name.node),
                        )
                        .primary(i.name.span, "given again")
                        .secondary(*first, "first given here"),
                    );
                } else {
                    seen.push((&i.name.node, i.name.span));
                }
                check_leaf(ctx, i, tiers, out);
            }
        }
    }
}

fn in_tier(tiers: &[&str], word: &str) -> bool {
    tiers.iter().any(|t| t.contains(word))
}

fn value_span(i: &Indicator) -> Span {
    i.value.as_ref().map_or(i.name.span, |v| v.span)
}

fn check_leaf(ctx: &Ctx, i: &Indicator, tiers: &[&str], out: &mut Vec<Diagnostic>) {
    let value = i.value.as_ref().map(|v| &v.node);
    let numeric = matches!(
        value,
        Some(Value::Quantity(_) | Value::Range(..) | Value::Date(_))
    );
    // V001: a comparison needs a number.
    if let Some(c) = &i.comparison {
        if !numeric {
            let found = match value {
                Some(Value::Text(t)) => format!("the text \"{t}\""),
                _ => "no value".to_string(),
            };
            out.push(
                Diagnostic::new(
                    Code::V001,
                    format!(
                        "{} compares ({}) with {found}",
                        i.name.node,
                        c.node.symbol()
                    ),
                )
                .primary(
                    i.value.as_ref().map_or(c.span, |v| c.span.to(v.span)),
                    "a comparison needs a number",
                )
                .help("write the figure (`≥ 95%`), or mark a qualitative target `定性 \"…\"`"),
            );
        }
    }
    // V002: 定性 with a number.
    if let (Some(k), Some(Value::Quantity(_) | Value::Range(..))) = (&i.kind, value) {
        if k.node == Kind::Qualitative {
            out.push(
                Diagnostic::new(Code::V002, format!("{} is marked 定性 but its value is a number", i.name.node))
                    .primary(k.span, "定性 (qualitative)")
                    .secondary(value_span(i), "a number")
                    .help("a figure is a quantitative (定量) target; mark it so, or state the qualitative result"),
            );
        }
    }
    if let Some(Value::Quantity(q)) = value {
        check_percent(i, q, out);
        check_unit(i, q, tiers, out);
    }
    if let Some(Value::Range(a, b)) = value {
        check_percent(i, a, out);
        check_percent(i, b, out);
    }
    check_direction(i, tiers, value, out);
    check_vague(ctx, i, tiers, value, out);
    // V020: a blank value cell. A comparison with no value is V001's.
    let blank = match value {
        None => true,
        Some(Value::Text(t)) => t.trim().is_empty(),
        Some(_) => false,
    };
    if blank && i.comparison.is_none() && !NOT_APPLICABLE.contains(&i.name.node.trim()) {
        let name = if i.name.node.trim().is_empty() {
            "an indicator with no name"
        } else {
            &i.name.node
        };
        out.push(
            Diagnostic::new(Code::V020, format!("{name} states no value"))
                .primary(value_span(i), "no value")
                .help("state the target (`≥ 95%`, `10 次`, `定性 \"…\"`); a figure written only in the explanation is not the target")
                .grouped("indicators state no value"),
        );
    }
    // V007: a 时效 date outside the budget year.
    if let (Some(Value::Date(d)), Some(year)) = (value, ctx.year) {
        if d.year.is_some_and(|y| y != year) && in_tier(tiers, "时效") {
            out.push(
                Diagnostic::new(
                    Code::V007,
                    format!(
                        "{} is dated {d}, outside the budget year {year}",
                        i.name.node
                    ),
                )
                .primary(value_span(i), format!("not in {year}")),
            );
        }
    }
    // A day written without its year is the budget year's: 2月29日 is no
    // day of a year that is not a leap year.
    if let (Some(Value::Date(d)), Some(year)) = (value, ctx.year) {
        if let (None, YearPart::Day(m, day)) = (d.year, d.part) {
            if day > crate::syntax::days_in_month(year, m) {
                out.push(
                    Diagnostic::new(
                        Code::S004,
                        format!("{m}月{day}日 is no day of the budget year {year}"),
                    )
                    .primary(value_span(i), "no such date")
                    .help("write the day the table means"),
                );
            }
        }
    }
    check_qualifiers(ctx, i, out);
}

/// V030: a sign and a word of one target that point different ways.
fn check_qualifiers(ctx: &Ctx, i: &Indicator, out: &mut Vec<Diagnostic>) {
    let Some(c) = &i.comparison else { return };
    let agrees =
        |q: Comparison| q == c.node || (q.direction() != 0 && q.direction() == c.node.direction());
    let Some(q) = i
        .qualifiers
        .iter()
        .find(|q| matches!(q.means, Means::Compare(x) if !agrees(x)) && q.span != c.span)
    else {
        return;
    };
    let Means::Compare(other) = q.means else {
        return;
    };
    let by_sign = i
        .qualifiers
        .iter()
        .any(|x| x.span == c.span && x.place == Place::Sign);
    out.push(
        Diagnostic::new(
            Code::V030,
            format!(
                "{} says both {} and {} of its value",
                i.name.node,
                said(ctx.sources.text(c.span), c.node),
                said(&q.text, other),
            ),
        )
        .primary(q.span, format!("says {}", other.symbol()))
        .secondary(c.span, format!("says {}", c.node.symbol()))
        .note(format!(
            "read as {}, by {}",
            c.node.symbol(),
            if by_sign {
                "the sign"
            } else {
                "the first word"
            }
        ))
        .help("keep the sign or the word the table means"),
    );
}

/// A qualifier as written, with what it means when that is not its text:
/// `` `≥` ``, `` `以下` (≤) ``.
fn said(text: &str, c: Comparison) -> String {
    if text == c.symbol() {
        format!("`{text}`")
    } else {
        format!("`{text}` ({})", c.symbol())
    }
}

/// V006: a 数量, 质量, 时效 or 成本 target that states no figure. A 数量 or an
/// economic cost states one by its nature; a 质量, 时效 or other cost target
/// in words is vague when it promises with a word such as 提高 or 及时
/// (a 时效 in words that names a time, `年底前`, is not). Findings are
/// grouped by tier: a document that writes its 经济成本 targets in words
/// does so throughout.
fn check_vague(
    ctx: &Ctx,
    i: &Indicator,
    tiers: &[&str],
    value: Option<&Value>,
    out: &mut Vec<Diagnostic>,
) {
    let tier = tiers.last().copied().unwrap_or("");
    let t = match value {
        // A comparison with a text (`≤ "预算控制数"`) is V001's finding.
        Some(Value::Text(t)) if i.comparison.is_none() => t.as_str(),
        // A time where a count or a cost is due (`年内完成` under 经济成本)
        // states no figure either.
        Some(Value::Date(_)) if demands_figure(tier) => {
            i.written.map_or("", |w| ctx.sources.text(w))
        }
        _ => return,
    };
    let judged = ["数量", "质量", "时效", "成本"]
        .iter()
        .any(|w| in_tier(tiers, w));
    if !judged || t.trim().is_empty() || has_figure(t) {
        return;
    }
    let word = vague_word(t);
    let demanded = demands_figure(tier);
    let when = tier.contains("时效") && t.chars().any(|c| CALENDAR.contains(c));
    if !demanded && (word.is_none() || when) {
        return;
    }
    let label = match word {
        Some(w) => format!("`{w}` sets no measurable target"),
        None => "no figure".to_string(),
    };
    out.push(
        Diagnostic::new(
            Code::V006,
            format!(
                "{} under {tier} states \"{t}\", which is not quantified",
                i.name.node
            ),
        )
        .primary(value_span(i), label)
        .help("a 数量 or 成本 indicator states a figure and its unit (`≥ 10 次`, `≤ 95 万元`); a 质量 or 时效 indicator a rate, a standard or a date")
        .grouped(format!("{tier} targets are not quantified")),
    );
}

fn check_percent(i: &Indicator, q: &Quantity, out: &mut Vec<Diagnostic>) {
    let Some(unit) = &q.unit else { return };
    if unit.node != "%" {
        return;
    }
    let Some(v) = q.number.value else { return };
    let hundred = Decimal::from(100);
    let cmp = i.comparison.as_ref().map(|c| c.node);
    if v > hundred && !matches!(cmp, Some(Comparison::Le | Comparison::Lt)) {
        out.push(
            Diagnostic::new(
                Code::V003,
                format!("{} targets {}%, more than 100%", i.name.node, v.normalize()),
            )
            .primary(value_span(i), "above 100%")
            .help("a rate cannot exceed 100%; check the figure"),
        );
    } else if v >= hundred && matches!(cmp, Some(Comparison::Gt)) {
        let c = i.comparison.as_ref().map_or(i.name.span, |c| c.span);
        out.push(
            Diagnostic::new(
                Code::V003,
                format!(
                    "{} targets more than {}%, which no rate can reach",
                    i.name.node,
                    v.normalize()
                ),
            )
            .primary(c.to(value_span(i)), "cannot be met")
            .help("write `= 100%` or `≥` a figure below 100%"),
        );
    } else if v == hundred && matches!(cmp, Some(Comparison::Ge)) {
        let c = i.comparison.as_ref().map_or(i.name.span, |c| c.span);
        out.push(
            Diagnostic::new(
                Code::V003,
                format!("{} targets ≥ 100%, which can only mean = 100%", i.name.node),
            )
            .primary(c.to(value_span(i)), "≥ 100%")
            .help("write `= 100%`"),
        );
    }
}

fn check_unit(i: &Indicator, q: &Quantity, tiers: &[&str], out: &mut Vec<Diagnostic>) {
    // 定性 with a number is V002's finding; a year in a 时效 tier
    // (`= 2024`) is a date written as a number, not a unit-less quantity.
    if q.unit.is_some() || i.kind.as_ref().is_some_and(|k| k.node == Kind::Qualitative) {
        return;
    }
    if in_tier(tiers, "时效")
        && q.number
            .value
            .is_some_and(|v| v >= Decimal::from(1900) && v <= Decimal::from(2200))
    {
        return;
    }
    out.push(
        Diagnostic::new(
            Code::V005,
            format!(
                "{} states {} with no unit of measure",
                i.name.node,
                q.number.value.map(|v| v.to_string()).unwrap_or_default()
            ),
        )
        .primary(q.number.span, "no unit")
        .help("write the unit (`98%`, `10 次`, `5 万元`)"),
    );
}

fn check_direction(
    i: &Indicator,
    tiers: &[&str],
    value: Option<&Value>,
    out: &mut Vec<Diagnostic>,
) {
    let Some(c) = &i.comparison else { return };
    let name = &i.name.node;
    let rate = RATES.iter().find(|w| name.contains(*w));
    let low = LOWS.iter().find(|w| names_harm(name, w)).copied().or_else(|| {
        // A money ceiling under a 成本 tier is a cost whatever its name.
        let money = matches!(value, Some(Value::Quantity(q)) if q.unit.as_ref().is_some_and(|u| money_factor(&u.node).is_some()));
        (money && in_tier(tiers, "成本")).then_some("成本")
    });
    match (rate, low, c.node) {
        (Some(w), None, Comparison::Le | Comparison::Lt) => out.push(
            Diagnostic::new(
                Code::V004,
                format!(
                    "{name} is a rate ({w}) but is capped with {}",
                    c.node.symbol()
                ),
            )
            .primary(c.span, "a rate goes with ≥ or =")
            .help(format!("write `≥` (a {w} should reach the figure)")),
        ),
        (None, Some(w), Comparison::Ge | Comparison::Gt) => out.push(
            Diagnostic::new(
                Code::V004,
                format!(
                    "{name} is a cost or harm ({w}) but is set as a floor with {}",
                    c.node.symbol()
                ),
            )
            .primary(c.span, "costs, accidents and complaints go with ≤")
            .help("write `≤` (it should stay below the figure)"),
        ),
        _ => {}
    }
}

fn check_period(ctx: &Ctx, p: &crate::ast::Project, out: &mut Vec<Diagnostic>) {
    let (Some(year), Some(period)) = (ctx.year, &p.period) else {
        return;
    };
    let Period { start, end } = period.node;
    if start.year > year || end.year < year {
        out.push(
            Diagnostic::new(
                Code::V007,
                format!(
                    "project {} runs {} .. {}, outside the budget year {year}",
                    p.name.node, start, end
                ),
            )
            .primary(period.span, format!("not in {year}")),
        );
    }
}

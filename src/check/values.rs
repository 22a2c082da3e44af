//! Value rules on each 三级 indicator: a comparison needs a number, 定性
//! needs a text, percentages stay within 100, rates and costs point the
//! right way, quantities have a unit, 数量, 质量, 时效 and 成本 targets are
//! quantified, no value is blank, dates fall in the budget year, names are
//! not repeated; and every target table states its goal.

use crate::i18n::Message;
use crate::msg;
use crate::syntax::keywords;
use rust_decimal::Decimal;

use crate::ast::money_factor;
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

pub(super) struct Ctx<'p> {
    pub(super) year: Option<i32>,
    /// The text of the documents, to quote a qualifier as written.
    pub(super) sources: &'p crate::source::SourceMap,
}

pub fn check(doc: &Document) -> Vec<Diagnostic> {
    let ctx = Ctx {
        year: doc.header.year,
        sources: &doc.project.sources,
    };
    let mut out = Vec::new();
    for u in &doc.units {
        check_table(&ctx, u, &mut out);
    }
    out
}

/// The values, goals and periods of one unit's tables.
pub(super) fn check_table(ctx: &Ctx, u: &Unit, out: &mut Vec<Diagnostic>) {
    for t in &u.indicators {
        walk(ctx, &t.nodes, &[], out);
    }
    if has_indicators(&u.indicators) {
        let planned = u
            .plans
            .iter()
            .any(|p| p.goal.as_ref().is_some_and(|g| !g.node.trim().is_empty()));
        check_goals("unit", &u.name, &u.goals, GoalKind::Overall, planned, out);
    }
    for p in &u.projects {
        for t in &p.indicators {
            walk(ctx, &t.nodes, &[], out);
        }
        if has_indicators(&p.indicators) {
            check_goals("project", &p.name, &p.goals, GoalKind::Annual, false, out);
        }
        check_period(ctx, p, out);
    }
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
    let key = msg!("v021-key");
    let kind_name = |k: GoalKind| match k {
        GoalKind::Overall => msg!("goal-overall"),
        GoalKind::Term => msg!("goal-term"),
        GoalKind::Annual => msg!("goal-annual"),
    };
    let mut blank_required = false;
    for g in goals.iter().filter(|g| g.text.node.trim().is_empty()) {
        blank_required |= g.kind == required;
        out.push(
            Diagnostic::new(
                Code::V021,
                msg!(
                    "v021-blank",
                    goal = kind_name(g.kind),
                    what = what,
                    name = name.node.as_str()
                ),
            )
            .primary(g.text.span, msg!("v021-blank-label"))
            .help(msg!("v021-help"))
            .grouped(key.clone()),
        );
    }
    let stated = goals
        .iter()
        .any(|g| g.kind == required && !g.text.node.trim().is_empty());
    if !stated && !planned && !blank_required {
        out.push(
            Diagnostic::new(
                Code::V021,
                msg!(
                    "v021-no-goal",
                    what = what,
                    name = name.node.as_str(),
                    goal = kind_name(required)
                ),
            )
            .primary(name.span, msg!("v021-no-goal-label"))
            .help(msg!(
                "v021-help-goal",
                goal = keywords::arg_named("goal", None)
            ))
            .grouped(key),
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
                            msg!("v008-given-twice", indicator = i.name.node.as_str()),
                        )
                        .primary(i.name.span, msg!("label-given-again"))
                        .secondary(*first, msg!("s005-first-given-here")),
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
                Some(Value::Text(t)) => msg!("v001-the-text", text = t.as_str()),
                _ => msg!("v001-no-value"),
            };
            out.push(
                Diagnostic::new(
                    Code::V001,
                    msg!(
                        "v001-compares-with",
                        indicator = i.name.node.as_str(),
                        comparison = c.node.symbol(),
                        found = found
                    ),
                )
                .primary(
                    i.value.as_ref().map_or(c.span, |v| c.span.to(v.span)),
                    msg!("v001-needs-a-number"),
                )
                .help(msg!("v001-help")),
            );
        }
    }
    // V002: 定性 with a number.
    if let (Some(k), Some(Value::Quantity(_) | Value::Range(..))) = (&i.kind, value) {
        if k.node == Kind::Qualitative {
            out.push(
                Diagnostic::new(
                    Code::V002,
                    msg!("v002-qualitative-number", indicator = i.name.node.as_str()),
                )
                .primary(k.span, msg!("v002-qualitative"))
                .secondary(value_span(i), msg!("v002-a-number"))
                .help(msg!("v002-help")),
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
            msg!("v020-no-name")
        } else {
            Message::text(i.name.node.clone())
        };
        out.push(
            Diagnostic::new(Code::V020, msg!("v020-no-value", indicator = name))
                .primary(value_span(i), msg!("v020-label"))
                .help(msg!("v020-help"))
                .grouped(msg!("v020-key")),
        );
    }
    // V007: a 时效 date outside the budget year.
    if let (Some(Value::Date(d)), Some(year)) = (value, ctx.year) {
        if d.year.is_some_and(|y| y != year) && in_tier(tiers, "时效") {
            out.push(
                Diagnostic::new(
                    Code::V007,
                    msg!(
                        "v007-dated",
                        indicator = i.name.node.as_str(),
                        date = d.to_string(),
                        year = year.to_string()
                    ),
                )
                .primary(value_span(i), msg!("v007-not-in", year = year.to_string())),
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
                        msg!(
                            "s004-no-day-of-year",
                            day = format!("{m}月{day}日"),
                            year = year.to_string()
                        ),
                    )
                    .primary(value_span(i), msg!("s004-no-such-date"))
                    .help(msg!("s004-help-day")),
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
            msg!(
                "v030-says-both",
                indicator = i.name.node.as_str(),
                first = said(ctx.sources.text(c.span), c.node),
                second = said(&q.text, other)
            ),
        )
        .primary(q.span, msg!("v030-says", sign = other.symbol()))
        .secondary(c.span, msg!("v030-says", sign = c.node.symbol()))
        .note(msg!(
            "v030-read-as",
            sign = c.node.symbol(),
            by = if by_sign { "sign" } else { "word" }
        ))
        .help(msg!("v030-help")),
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
        Some(w) => msg!("v006-vague-word", word = w),
        None => msg!("v006-no-figure"),
    };
    out.push(
        Diagnostic::new(
            Code::V006,
            msg!(
                "v006-not-quantified",
                indicator = i.name.node.as_str(),
                tier = tier,
                value = t
            ),
        )
        .primary(value_span(i), label)
        .help(msg!("v006-help"))
        .grouped(msg!("v006-key", tier = tier)),
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
                msg!(
                    "v003-above-100",
                    indicator = i.name.node.as_str(),
                    percent = v.normalize().to_string()
                ),
            )
            .primary(value_span(i), msg!("v003-above-100-label"))
            .help(msg!("v003-help-check")),
        );
    } else if v >= hundred && matches!(cmp, Some(Comparison::Gt)) {
        let c = i.comparison.as_ref().map_or(i.name.span, |c| c.span);
        out.push(
            Diagnostic::new(
                Code::V003,
                msg!(
                    "v003-more-than",
                    indicator = i.name.node.as_str(),
                    percent = v.normalize().to_string()
                ),
            )
            .primary(c.to(value_span(i)), msg!("v003-cannot-be-met"))
            .help(msg!("v003-help-below")),
        );
    } else if v == hundred && matches!(cmp, Some(Comparison::Ge)) {
        let c = i.comparison.as_ref().map_or(i.name.span, |c| c.span);
        out.push(
            Diagnostic::new(
                Code::V003,
                msg!("v003-at-least-100", indicator = i.name.node.as_str()),
            )
            .primary(c.to(value_span(i)), Message::text("≥ 100%"))
            .help(msg!("v003-help-equal")),
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
            msg!(
                "v005-no-unit",
                indicator = i.name.node.as_str(),
                figure = q.number.value.map(|v| v.to_string()).unwrap_or_default()
            ),
        )
        .primary(q.number.span, msg!("v005-label"))
        .help(msg!("v005-help")),
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
                msg!(
                    "v004-rate-capped",
                    indicator = name.as_str(),
                    word = *w,
                    comparison = c.node.symbol()
                ),
            )
            .primary(c.span, msg!("v004-rate-label"))
            .help(msg!("v004-rate-help", word = *w)),
        ),
        (None, Some(w), Comparison::Ge | Comparison::Gt) => out.push(
            Diagnostic::new(
                Code::V004,
                msg!(
                    "v004-cost-floor",
                    indicator = name.as_str(),
                    word = w,
                    comparison = c.node.symbol()
                ),
            )
            .primary(c.span, msg!("v004-cost-label"))
            .help(msg!("v004-cost-help")),
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
                msg!(
                    "v007-project-runs",
                    project = p.name.node.as_str(),
                    start = start.to_string(),
                    end = end.to_string(),
                    year = year.to_string()
                ),
            )
            .primary(period.span, msg!("v007-not-in", year = year.to_string())),
        );
    }
}

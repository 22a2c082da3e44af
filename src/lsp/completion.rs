//! Completion: the keywords a block accepts, in both spellings; the tier
//! names the document's framework allows at the cursor's level; units of
//! measure after a number; unit names after `parent`; dimensions after
//! `by`; frameworks after `scheme`.
//!
//! The context is read from the text before the cursor, not from the tree:
//! while a person types, braces are often unbalanced and the tree is then
//! one error token. The blocks still open at the cursor are found by a scan
//! that skips strings and comments, and each is known by the words before
//! its `{`.

use std::collections::BTreeSet;

use lsp_types::{CompletionItem, CompletionItemKind, CompletionTextEdit, Range, TextEdit};

use crate::ast::{IndicatorNode, Value};
use crate::check::frameworks::{Framework, BUILT_IN};
use crate::check::tiers;
use crate::i18n::{Arg, Lang, Message};
use crate::msg;
use crate::project::{Group, Project};
use crate::syntax::Rule;

use super::position::LineIndex;

/// Where a keyword may stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    Top,
    Unit,
    Project,
    Breakdown,
    Attrs,
    Spec,
    Summary,
    Scheme,
    Plan,
}

/// The keywords, each with its English and Chinese spellings and where it
/// may stand.
///
/// The spellings offered are the keyword table's
/// ([`crate::syntax::keywords::KEYWORDS`]); this list says where each
/// keyword may stand, and a test holds its spellings to the table.
const KEYWORDS: &[(&str, &[&str], &[Place])] = &[
    ("year", &["年度"], &[Place::Top]),
    ("money", &["金额单位"], &[Place::Top]),
    ("precision", &["精度"], &[Place::Top]),
    ("scheme", &["框架"], &[Place::Top]),
    ("title", &["标题"], &[Place::Top]),
    ("include", &["包含"], &[Place::Top]),
    ("allow", &["允许"], &[Place::Top]),
    ("warn", &["警告"], &[Place::Top]),
    ("deny", &["禁止"], &[Place::Top]),
    ("unit", &["单位"], &[Place::Top, Place::Unit]),
    ("rollup", &["系统"], &[Place::Top, Place::Unit]),
    ("summary", &["汇总表"], &[Place::Top]),
    ("parent", &["上级"], &[Place::Unit]),
    ("duties", &["职责"], &[Place::Unit]),
    (
        "goal",
        &["目标"],
        &[Place::Unit, Place::Project, Place::Plan],
    ),
    ("plan", &["重点工作"], &[Place::Unit]),
    ("staff", &["人员"], &[Place::Unit]),
    ("budget", &["预算"], &[Place::Unit, Place::Project]),
    ("amount", &["金额"], &[Place::Unit, Place::Project]),
    (
        "indicators",
        &["绩效指标", "年度绩效指标"],
        &[Place::Unit, Place::Project],
    ),
    ("project", &["项目"], &[Place::Unit]),
    ("period", &["实施期"], &[Place::Project]),
    ("schedule", &["进度"], &[Place::Project]),
    ("by", &["按"], &[Place::Project, Place::Breakdown]),
    ("owner", &["责任单位"], &[Place::Plan]),
    ("explain", &["指标解释", "解释"], &[Place::Attrs]),
    (
        "scoring",
        &["评分标准", "评(扣)分标准", "评分"],
        &[Place::Attrs],
    ),
    ("standard", &["绩效标准", "标准"], &[Place::Attrs]),
    ("weight", &["分值", "权重"], &[Place::Attrs]),
    ("note", &["备注"], &[Place::Attrs]),
    ("qualitative", &["定性"], &[Place::Spec]),
    ("quantitative", &["定量"], &[Place::Spec]),
    (
        "total",
        &["合计", "总计", "小计"],
        &[Place::Summary, Place::Breakdown],
    ),
    ("basis", &["测算依据", "依据"], &[Place::Breakdown]),
    ("required", &["必填"], &[Place::Scheme]),
];

const DIMENSIONS: &[(&str, &str)] = &[
    ("income", "收入"),
    ("expense", "支出"),
    ("economic", "经济分类"),
    ("functional", "功能分类"),
    ("source", "来源"),
    ("detail", "明细"),
];

const GOAL_KINDS: &[(&str, &str)] = &[("term", "实施期"), ("annual", "年度")];

/// Units of measure offered everywhere, before those the project uses.
const COMMON_UNITS: &[&str] = &[
    "%",
    "‰",
    "个",
    "次",
    "人",
    "人次",
    "户",
    "家",
    "件",
    "项",
    "份",
    "天",
    "小时",
    "月",
    "年",
    "万元",
    "元",
    "亿元",
    "平方米",
    "公里",
    "台",
    "辆",
    "场",
    "期",
    "篇",
    "册",
    "套",
    "所",
    "处",
];

/// An open block at the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Block {
    Unit,
    Project,
    Budget,
    Indicators,
    /// A tier, by its name.
    Tier(String),
    /// An indicator's attributes.
    Attrs,
    Summary,
    Scheme,
    Staff,
    Plan,
    Other,
}

/// The blocks open at `offset` of `text`, outermost first.
fn open_blocks(text: &str) -> Vec<Block> {
    let mut stack: Vec<Block> = Vec::new();
    for b in crate::syntax::braces::braces(text) {
        if !b.opens {
            stack.pop();
            continue;
        }
        // The words before the brace, after the last brace or line start.
        let line = &text[..b.at];
        let line_start = line.rfind(['\n', '\r']).map_or(0, |j| j + 1);
        let head_start = line[line_start..]
            .rfind(['{', '}', '｛', '｝'])
            .map_or(line_start, |j| {
                let brace = line_start + j;
                brace + text[brace..].chars().next().map_or(1, char::len_utf8)
            });
        let head = text[head_start..b.at].trim();
        let block = classify(head, stack.last());
        stack.push(block);
    }
    stack
}

fn classify(head: &str, parent: Option<&Block>) -> Block {
    let words: Vec<&str> = head.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    let in_tiers = matches!(parent, Some(Block::Indicators | Block::Tier(_)));
    if in_tiers {
        // A tier is a name alone; an indicator with attributes has more.
        return if words.len() == 1 {
            Block::Tier(unquote(first))
        } else {
            Block::Attrs
        };
    }
    // The statement's keyword, in either spelling, from the one keyword
    // table.
    let rule = crate::syntax::keywords::KEYWORDS
        .iter()
        .find(|k| k.spellings().any(|w| w == first))
        .map(|k| k.rule);
    match rule {
        Some(Rule::kw_unit | Rule::kw_rollup | Rule::kw_continued) => Block::Unit,
        Some(Rule::kw_project) => Block::Project,
        Some(Rule::kw_budget | Rule::kw_by | Rule::kw_amount) => Block::Budget,
        Some(Rule::kw_indicators) => Block::Indicators,
        Some(Rule::kw_summary) => Block::Summary,
        Some(Rule::kw_scheme) => Block::Scheme,
        Some(Rule::kw_staff) => Block::Staff,
        Some(Rule::kw_plan) => Block::Plan,
        _ if matches!(parent, Some(Block::Budget)) => Block::Budget,
        _ => Block::Other,
    }
}

fn unquote(s: &str) -> String {
    s.trim_matches(['"', '“', '”', '「', '」']).to_string()
}

/// Whether `c` can be part of a word being typed.
fn word_char(c: char) -> bool {
    !(c.is_whitespace()
        || matches!(
            c,
            '{' | '}' | '｛' | '｝' | '"' | '“' | '”' | '「' | '」' | '=' | '＝' | ':' | '：' | '|'
        ))
}

fn is_number(word: &str) -> bool {
    let w = word.trim_end_matches(['%', '％', '‰']);
    !w.is_empty()
        && w.chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && w.chars().all(|c| {
            c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '.' | ',' | '，' | '．')
        })
}

/// The completions at compiler offset `offset` of the file whose text (as
/// the editor holds it) `index` indexes. `project` and `group` are the
/// file's project, for unit names, units of measure and the framework.
pub fn complete(
    index: &LineIndex,
    offset: usize,
    project: Option<(&Project, &Group)>,
    lang: Lang,
) -> Vec<CompletionItem> {
    let text = index.source();
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before_cursor = &text[..offset];
    let line_start = before_cursor.rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let line = &before_cursor[line_start..];
    let word_len: usize = line
        .chars()
        .rev()
        .take_while(|c| word_char(*c))
        .map(char::len_utf8)
        .sum();
    let word_start = offset - word_len;
    let before = line[..line.len() - word_len].trim();
    // Only what follows the last brace of the line counts.
    let before = before.rfind(['{', '}', '｛', '｝']).map_or(before, |i| {
        before[i..]
            .trim_start_matches(['{', '}', '｛', '｝'])
            .trim()
    });
    let range = index.range_of(word_start, offset);
    let blocks = open_blocks(&text[..word_start]);
    let mut out = Items::new(range, lang);
    let last = before.split_whitespace().last().unwrap_or("");

    if before == "parent" || before == "上级" {
        if let Some((project, group)) = project {
            for u in crate::model::Document::new(project, group).units {
                out.push(
                    &quote(&u.name.node),
                    CompletionItemKind::MODULE,
                    msg!("complete-unit"),
                );
                if let Some(c) = &u.code {
                    out.push(
                        &c.node,
                        CompletionItemKind::VALUE,
                        msg!("complete-code-of", unit = u.name.node.as_str()),
                    );
                }
            }
        }
        return out.items;
    }
    if before == "by" || before == "按" {
        for (en, zh) in DIMENSIONS {
            out.push(
                en,
                CompletionItemKind::ENUM_MEMBER,
                msg!("complete-dimension", other = *zh),
            );
            out.push(
                zh,
                CompletionItemKind::ENUM_MEMBER,
                msg!("complete-dimension", other = *en),
            );
        }
        return out.items;
    }
    if before == "goal" || before == "目标" {
        for (en, zh) in GOAL_KINDS {
            out.push(
                en,
                CompletionItemKind::KEYWORD,
                msg!("complete-goal-kind", other = *zh),
            );
            out.push(
                zh,
                CompletionItemKind::KEYWORD,
                msg!("complete-goal-kind", other = *en),
            );
        }
        return out.items;
    }
    if before == "scheme" || before == "框架" {
        for name in BUILT_IN {
            out.push(
                name,
                CompletionItemKind::ENUM,
                msg!("complete-built-in-framework"),
            );
        }
        if let Some((project, group)) = project {
            for f in &group.files {
                for s in &project.document(*f).schemes {
                    out.push(
                        &s.name.node,
                        CompletionItemKind::ENUM,
                        msg!("complete-framework"),
                    );
                }
            }
        }
        return out.items;
    }
    if is_number(last) && !before.is_empty() {
        let mut seen = BTreeSet::new();
        for u in COMMON_UNITS {
            seen.insert(u.to_string());
            out.push(
                u,
                CompletionItemKind::UNIT,
                msg!("complete-unit-of-measure"),
            );
        }
        if let Some((project, group)) = project {
            for u in used_units(project, group) {
                if seen.insert(u.clone()) {
                    out.push(
                        &u,
                        CompletionItemKind::UNIT,
                        msg!("complete-unit-of-measure-used"),
                    );
                }
            }
        }
        return out.items;
    }

    let innermost = blocks.last();
    let tiers: Vec<String> = blocks
        .iter()
        .skip_while(|b| **b != Block::Indicators)
        .skip(1)
        .map(|b| match b {
            Block::Tier(n) => n.clone(),
            _ => String::new(),
        })
        .collect();
    let place = match innermost {
        None => Some(Place::Top),
        Some(Block::Unit) => Some(Place::Unit),
        Some(Block::Project) => Some(Place::Project),
        Some(Block::Budget) => Some(Place::Breakdown),
        Some(Block::Attrs) => Some(Place::Attrs),
        Some(Block::Summary) => Some(Place::Summary),
        Some(Block::Scheme) => Some(Place::Scheme),
        Some(Block::Plan) => Some(Place::Plan),
        // 定性/定量 after an indicator's name, once a letter is typed (a
        // space alone after every name would offer them again and again).
        Some(Block::Indicators | Block::Tier(_)) if !before.is_empty() && word_len > 0 => {
            Some(Place::Spec)
        }
        _ => None,
    };
    // Keywords start an item; only 定性/定量 follow a name.
    if before.is_empty() || place == Some(Place::Spec) {
        if let Some(place) = place {
            for (en, zh, places) in KEYWORDS {
                if !places.contains(&place) {
                    continue;
                }
                let zh = crate::syntax::keywords::KEYWORDS
                    .iter()
                    .find(|k| k.english == *en)
                    .map_or(*zh, |k| k.chinese);
                let all: Vec<&str> = std::iter::once(*en).chain(zh.iter().copied()).collect();
                for w in &all {
                    let others: Vec<&str> = all.iter().filter(|x| *x != w).copied().collect();
                    out.push(
                        w,
                        CompletionItemKind::KEYWORD,
                        msg!(
                            "complete-keyword",
                            others = Arg::comma(others.iter().copied())
                        ),
                    );
                }
            }
        }
    }
    if before.is_empty() && matches!(innermost, Some(Block::Indicators | Block::Tier(_))) {
        if let Some(fw) = project.and_then(|(p, g)| tiers::framework_for(p, g, &mut Vec::new())) {
            tier_names(&fw, &tiers, &mut out);
        }
    }
    out.items
}

/// The tier names allowed at a depth: 一级 inside `indicators`, the 二级 of
/// the enclosing 一级 inside it.
fn tier_names(fw: &Framework, path: &[String], out: &mut Items) {
    match path {
        [] => {
            for t in &fw.tiers {
                for n in &t.names {
                    let detail = if n == t.canonical() {
                        msg!("complete-tier1", framework = fw.name.as_str())
                    } else {
                        msg!(
                            "complete-tier1-alias",
                            framework = fw.name.as_str(),
                            canonical = t.canonical()
                        )
                    };
                    out.push(n, CompletionItemKind::CLASS, detail);
                }
            }
        }
        [t1] => {
            let parents: Vec<_> = match fw.tier1(t1) {
                Some(t) => vec![t],
                None => fw.tiers.iter().collect(),
            };
            for p in parents {
                for c in &p.children {
                    for n in &c.names {
                        out.push(
                            n,
                            CompletionItemKind::CLASS,
                            msg!(
                                "complete-tier2",
                                parent = p.canonical(),
                                framework = fw.name.as_str()
                            ),
                        );
                    }
                }
            }
        }
        _ => {}
    }
}

/// The units of measure the document's indicators and staff lines use.
fn used_units(project: &Project, group: &Group) -> BTreeSet<String> {
    fn walk(nodes: &[IndicatorNode], out: &mut BTreeSet<String>) {
        for n in nodes {
            match n {
                IndicatorNode::Group(g) => walk(&g.children, out),
                IndicatorNode::Leaf(i) => match i.value.as_ref().map(|v| &v.node) {
                    Some(Value::Quantity(q)) | Some(Value::Range(_, q)) => {
                        if let Some(u) = &q.unit {
                            out.insert(u.node.clone());
                        }
                    }
                    _ => {}
                },
            }
        }
    }
    let mut out = BTreeSet::new();
    for u in crate::model::Document::new(project, group).units {
        for t in &u.indicators {
            walk(&t.nodes, &mut out);
        }
        for p in &u.projects {
            for t in &p.indicators {
                walk(&t.nodes, &mut out);
            }
        }
        for s in &u.staff {
            if let Some(unit) = &s.unit {
                out.insert(unit.node.clone());
            }
        }
    }
    out
}

/// A name as it must be written: quoted when it holds white space or
/// starts with a digit.
fn quote(name: &str) -> String {
    if name.chars().any(char::is_whitespace) || name.starts_with(|c: char| c.is_ascii_digit()) {
        format!("\"{name}\"")
    } else {
        name.to_string()
    }
}

struct Items {
    range: Range,
    lang: Lang,
    items: Vec<CompletionItem>,
    seen: BTreeSet<String>,
}

impl Items {
    fn new(range: Range, lang: Lang) -> Items {
        Items {
            range,
            lang,
            items: Vec::new(),
            seen: BTreeSet::new(),
        }
    }

    fn push(&mut self, label: &str, kind: CompletionItemKind, detail: Message) {
        if !self.seen.insert(label.to_string()) {
            return;
        }
        self.items.push(CompletionItem {
            label: label.to_string(),
            kind: Some(kind),
            detail: Some(detail.render(self.lang)),
            // Keep the order given: the framework's order, keywords as
            // listed.
            sort_text: Some(format!("{:04}", self.items.len())),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(
                self.range,
                label.to_string(),
            ))),
            ..Default::default()
        });
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn keyword_spellings_are_the_tables() {
        for (en, zh, _) in super::KEYWORDS {
            let k = crate::syntax::keywords::KEYWORDS
                .iter()
                .find(|k| k.english == *en)
                .unwrap_or_else(|| panic!("`{en}` is not in the keyword table"));
            assert_eq!(k.chinese, *zh, "the spellings of `{en}`");
        }
    }

    use super::*;

    #[test]
    fn blocks_are_known_by_their_heads() {
        let text = "unit 甲 {\n  indicators {\n    产出指标 {\n      数量指标 {\n        ";
        assert_eq!(
            open_blocks(text),
            [
                Block::Unit,
                Block::Indicators,
                Block::Tier("产出指标".into()),
                Block::Tier("数量指标".into())
            ]
        );
        let text = "unit 甲 { // {\n  goal \"{\"\n  project 乙 1 { budget 1 { by income {";
        assert_eq!(
            open_blocks(text),
            [Block::Unit, Block::Project, Block::Budget, Block::Budget]
        );
    }

    #[test]
    fn numbers_are_recognised() {
        assert!(is_number("95%"));
        assert!(is_number("1,056.40"));
        assert!(is_number("９"));
        assert!(!is_number("万元"));
        assert!(!is_number(""));
    }
}

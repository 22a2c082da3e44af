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
use crate::syntax::keywords::{Class, Keyword};
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

/// Where each keyword may stand, by its English spelling. The spellings
/// offered are all of the keyword table's
/// ([`crate::syntax::keywords::KEYWORDS`]), so a spelling added there is
/// offered here too; a test holds every name here to the table.
const PLACES: &[(&str, &[Place])] = &[
    ("year", &[Place::Top]),
    ("money", &[Place::Top]),
    ("precision", &[Place::Top]),
    ("scheme", &[Place::Top]),
    ("title", &[Place::Top]),
    ("include", &[Place::Top]),
    ("allow", &[Place::Top]),
    ("warn", &[Place::Top]),
    ("deny", &[Place::Top]),
    ("unit", &[Place::Top, Place::Unit]),
    ("rollup", &[Place::Top, Place::Unit]),
    ("summary", &[Place::Top]),
    ("parent", &[Place::Unit]),
    ("duties", &[Place::Unit]),
    ("goal", &[Place::Unit, Place::Project, Place::Plan]),
    ("plan", &[Place::Unit]),
    ("staff", &[Place::Unit]),
    ("budget", &[Place::Unit, Place::Project]),
    ("amount", &[Place::Unit, Place::Project]),
    ("indicators", &[Place::Unit, Place::Project]),
    ("project", &[Place::Unit]),
    ("period", &[Place::Project]),
    ("schedule", &[Place::Project]),
    ("by", &[Place::Project, Place::Breakdown]),
    ("owner", &[Place::Plan]),
    ("explain", &[Place::Attrs]),
    ("scoring", &[Place::Attrs]),
    ("standard", &[Place::Attrs]),
    ("weight", &[Place::Attrs]),
    ("note", &[Place::Attrs]),
    ("qualitative", &[Place::Spec]),
    ("quantitative", &[Place::Spec]),
    ("total", &[Place::Summary, Place::Breakdown]),
    ("basis", &[Place::Breakdown]),
    ("required", &[Place::Scheme]),
];

/// The keywords of one class of the keyword table: the dimensions offered
/// after `by`, the goal kinds after `goal`.
fn of_class(class: Class) -> impl Iterator<Item = &'static Keyword> {
    crate::syntax::keywords::KEYWORDS
        .iter()
        .filter(move |k| k.class == class)
}

/// Whether `word` is a spelling of the keyword spelled `english` in English.
fn spells(word: &str, english: &str) -> bool {
    crate::syntax::keywords::KEYWORDS
        .iter()
        .any(|k| k.english == english && k.spellings().any(|w| w == word))
}

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
    let classes = [
        ("by", Class::Dimension, CompletionItemKind::ENUM_MEMBER),
        ("goal", Class::GoalKind, CompletionItemKind::KEYWORD),
    ];
    for (keyword, class, kind) in classes {
        if !spells(before, keyword) {
            continue;
        }
        for k in of_class(class) {
            let all: Vec<&str> = k.spellings().collect();
            for w in &all {
                let others = Arg::comma(all.iter().filter(|x| *x != w).copied());
                let detail = match class {
                    Class::Dimension => msg!("complete-dimension", other = others),
                    _ => msg!("complete-goal-kind", other = others),
                };
                out.push(w, kind, detail);
            }
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
            for (en, places) in PLACES {
                if !places.contains(&place) {
                    continue;
                }
                let Some(k) = crate::syntax::keywords::KEYWORDS
                    .iter()
                    .find(|k| k.english == *en)
                else {
                    continue;
                };
                let all: Vec<&str> = k.spellings().collect();
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
                IndicatorNode::Leaf(i) => {
                    let q = match i.value.as_ref().map(|v| &v.node) {
                        Some(Value::Quantity(q)) => q,
                        Some(Value::Range(_, q)) => &**q,
                        _ => continue,
                    };
                    if let Some(u) = &q.unit {
                        out.insert(u.node.clone());
                    }
                }
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
    fn keywords_offered_are_the_tables() {
        for (en, _) in super::PLACES {
            assert!(
                crate::syntax::keywords::KEYWORDS
                    .iter()
                    .any(|k| k.english == *en),
                "`{en}` is not in the keyword table"
            );
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

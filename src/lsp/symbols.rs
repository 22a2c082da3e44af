//! The outline of a file (units, their budgets, projects and indicator
//! trees, summaries, schemes) and its folding ranges (every block over
//! several lines, and comments over several lines).

use lsp_types::{DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind};

use super::position::LineIndex;
use crate::ast::{Document, IndicatorNode, Span, Unit};
use crate::syntax::cst::{Kind, SyntaxNode};
use crate::syntax::grammar::Rule;

#[allow(deprecated)] // `deprecated` is a field every DocumentSymbol must set
fn symbol(
    index: &LineIndex,
    name: &str,
    detail: Option<String>,
    kind: SymbolKind,
    span: Span,
    name_span: Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    let range = index.range(span);
    let mut selection = index.range(name_span);
    // The selection must lie within the range.
    if selection.start < range.start || selection.end > range.end {
        selection = range;
    }
    DocumentSymbol {
        name: if name.is_empty() {
            "(unnamed)".into()
        } else {
            name.to_string()
        },
        detail,
        kind,
        tags: None,
        deprecated: None,
        range,
        selection_range: selection,
        children: (!children.is_empty()).then_some(children),
    }
}

fn indicators(index: &LineIndex, nodes: &[IndicatorNode]) -> Vec<DocumentSymbol> {
    nodes
        .iter()
        .map(|n| match n {
            IndicatorNode::Group(g) => symbol(
                index,
                &g.name.node,
                None,
                SymbolKind::NAMESPACE,
                g.span,
                g.name.span,
                indicators(index, &g.children),
            ),
            IndicatorNode::Leaf(i) => {
                let text = index.source();
                // The spec as written: its signs, its value and the words
                // around it, wherever they stand.
                let spec = i
                    .qualifiers
                    .iter()
                    .map(|q| q.span)
                    .chain(i.value.as_ref().map(|v| v.span))
                    .reduce(|a, b| a.to(b))
                    .and_then(|s| text.get(s.start()..s.end()))
                    .map(str::to_string);
                symbol(
                    index,
                    &i.name.node,
                    spec,
                    SymbolKind::FIELD,
                    i.span,
                    i.name.span,
                    Vec::new(),
                )
            }
        })
        .collect()
}

fn unit(index: &LineIndex, u: &Unit) -> DocumentSymbol {
    let text = index.source();
    let shown = |s: Span| text.get(s.start()..s.end()).map(str::to_string);
    let mut children = Vec::new();
    if let Some(b) = &u.budget {
        let amount = shown(b.total.span()).unwrap_or_default();
        children.push(symbol(
            index,
            "budget",
            Some(amount),
            SymbolKind::NUMBER,
            b.span,
            b.span,
            Vec::new(),
        ));
    }
    for t in &u.indicators {
        children.push(symbol(
            index,
            "indicators",
            None,
            SymbolKind::OBJECT,
            t.span,
            t.span,
            indicators(index, &t.nodes),
        ));
    }
    for p in &u.projects {
        let mut pc = Vec::new();
        for t in &p.indicators {
            pc.push(symbol(
                index,
                "indicators",
                None,
                SymbolKind::OBJECT,
                t.span,
                t.span,
                indicators(index, &t.nodes),
            ));
        }
        children.push(symbol(
            index,
            &p.name.node,
            shown(p.amount.span()),
            SymbolKind::FUNCTION,
            p.span,
            p.name.span,
            pc,
        ));
    }
    for c in &u.children {
        children.push(unit(index, c));
    }
    let detail = u
        .code
        .as_ref()
        .map(|c| c.node.clone())
        .into_iter()
        .chain(u.rollup.then(|| "系统".to_string()))
        .collect::<Vec<_>>()
        .join(" ");
    symbol(
        index,
        &u.name.node,
        (!detail.is_empty()).then_some(detail),
        SymbolKind::MODULE,
        u.span,
        u.name.span,
        children,
    )
}

/// The outline of a file.
pub fn outline(index: &LineIndex, doc: &Document) -> Vec<DocumentSymbol> {
    let mut out = Vec::new();
    for s in &doc.schemes {
        out.push(symbol(
            index,
            &s.name.node,
            Some("scheme".into()),
            SymbolKind::ENUM,
            s.span,
            s.name.span,
            Vec::new(),
        ));
    }
    // A continuation (`continued unit`) is outlined like the unit it adds to.
    for u in doc.units.iter().chain(&doc.continuations) {
        out.push(unit(index, u));
    }
    let text = index.source();
    for s in &doc.summaries {
        let rows = s
            .rows
            .iter()
            .map(|r| {
                let amount = text
                    .get(r.amount.span().start()..r.amount.span().end())
                    .map(str::to_string);
                let name = match &r.serial {
                    Some(serial) => format!("{} {}", serial.node, r.name.node),
                    None => r.name.node.clone(),
                };
                symbol(
                    index,
                    &name,
                    amount,
                    SymbolKind::FIELD,
                    r.span,
                    r.name.span,
                    Vec::new(),
                )
            })
            .collect();
        out.push(symbol(
            index,
            &s.name.node,
            Some("summary".into()),
            SymbolKind::STRUCT,
            s.span,
            s.name.span,
            rows,
        ));
    }
    out
}

/// The blocks (and comments) that span several lines.
pub fn folding(index: &LineIndex, root: &SyntaxNode) -> Vec<FoldingRange> {
    const BLOCKS: &[Rule] = &[
        Rule::unit,
        Rule::project,
        Rule::budget,
        Rule::amount_tree,
        Rule::by_block,
        Rule::breakdown_block,
        Rule::indicators,
        Rule::ind_group,
        Rule::ind_attrs,
        Rule::summary,
        Rule::scheme_block,
        Rule::scheme_tier1,
        Rule::staff_block,
        Rule::plan_stmt,
        Rule::junk_block,
    ];
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Runs of `//` comments that stand alone on consecutive lines (a
    // file's header, a note before a table) fold as one.
    let mut run: Option<(u32, u32)> = None;
    let close_run = |run: &mut Option<(u32, u32)>, out: &mut Vec<FoldingRange>| {
        if let Some((a, b)) = run.take() {
            if b > a {
                out.push(FoldingRange {
                    start_line: a,
                    start_character: None,
                    end_line: b,
                    end_character: None,
                    kind: Some(FoldingRangeKind::Comment),
                    collapsed_text: None,
                });
            }
        }
    };
    for token in root
        .descendants_with_tokens()
        .filter_map(|e| e.into_token())
    {
        if token.kind() != Kind::Comment || !token.text().starts_with("//") {
            continue;
        }
        let alone = token.prev_token().is_none_or(|t| t.kind() == Kind::Newline)
            || token.prev_token().is_some_and(|t| {
                t.kind() == Kind::Whitespace
                    && t.prev_token().is_none_or(|p| p.kind() == Kind::Newline)
            });
        let line = index.position(token.text_range().start().into()).line;
        match run {
            Some((a, b)) if alone && line == b + 1 => run = Some((a, line)),
            _ => {
                close_run(&mut run, &mut out);
                if alone {
                    run = Some((line, line));
                }
            }
        }
    }
    close_run(&mut run, &mut out);
    for el in root.descendants_with_tokens() {
        let (kind, range) = (el.kind(), el.text_range());
        let fold_kind = match kind {
            Kind::Rule(r) if BLOCKS.contains(&r) => None,
            Kind::Comment => Some(FoldingRangeKind::Comment),
            _ => continue,
        };
        let start = index.position(range.start().into()).line;
        let end = index.position(range.end().into()).line;
        // Keep the closing brace visible: fold up to the line before it.
        let last = if fold_kind.is_some() {
            end
        } else {
            end.saturating_sub(1)
        };
        if last <= start || !seen.insert((start, last)) {
            continue;
        }
        out.push(FoldingRange {
            start_line: start,
            start_character: None,
            end_line: last,
            end_character: None,
            kind: fold_kind,
            collapsed_text: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::cst;

    #[test]
    fn blocks_and_comment_runs_fold() {
        let text = "// 一\n// 二\n  // 三\nunit 甲 { // 尾\n  budget 1 {\n    by income { 甲 1 }\n  }\n}\n/* a\n b */\n";
        let index = LineIndex::new(text);
        let folds: Vec<(u32, u32, bool)> = folding(&index, &cst::parse(text).root())
            .iter()
            .map(|f| {
                (
                    f.start_line,
                    f.end_line,
                    f.kind == Some(FoldingRangeKind::Comment),
                )
            })
            .collect();
        assert!(folds.contains(&(0, 2, true)), "{folds:?}");
        assert!(folds.contains(&(3, 6, false)), "{folds:?}");
        assert!(folds.contains(&(4, 5, false)), "{folds:?}");
        assert!(folds.contains(&(8, 9, true)), "{folds:?}");
    }
}

//! Printing what was recognised as a `.jx` document. Every indicator line
//! and property is read back before it is kept: it must give the cells it
//! came from (the same `emit::text` the tables print with); else the
//! value is kept as a quoted text and I004 says so.

use rust_decimal::Decimal;

use super::recognise::{AmountT, Book, CodedLine, CodedT, DetailLine, IndRow, ProjectT, UnitT};
use crate::ast::{GoalKind, IndicatorNode};
use crate::diag::{Code, Diagnostic};
use crate::emit::text::{prop_text, type_cell, value_cells};
use crate::forms::{Dim, LineTable, Step, ValueCol};
use crate::msg;
use crate::source::{FileId, SourceFile, SourceMap};

/// A string literal of the language.
fn q(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

pub fn document(book: &Book, scheme: Option<&str>, diags: &mut Vec<Diagnostic>) -> String {
    let mut out = String::new();
    if let Some(y) = &book.year {
        out.push_str(&format!("year {y}\n"));
    }
    if let Some(m) = &book.money {
        out.push_str(&format!("money {m}\n"));
    }
    if let Some(s) = scheme {
        out.push_str(&format!("scheme {s}\n"));
    }
    out.push('\n');
    // A member listed under a 系统 unit names it as its parent; a member
    // with no table of its own in the workbook is named (I001).
    let mut parents: Vec<(&str, &str)> = Vec::new();
    for u in &book.units {
        for (m, at) in &u.members {
            if book.units.iter().any(|x| x.name == *m) {
                parents.push((m, &u.name));
            } else {
                diags.push(Diagnostic::new(
                    Code::I001,
                    msg!(
                        "i001-not-placed",
                        cell = at.clone(),
                        text = m.clone(),
                        why = crate::i18n::Message::new("i001-member-without-table")
                    ),
                ));
            }
        }
    }
    for u in &book.units {
        let parent = parents.iter().find(|(m, _)| *m == u.name).map(|(_, p)| *p);
        unit(u, parent, &mut out, diags);
        out.push('\n');
    }
    for s in &book.summaries {
        out.push_str(&format!("summary {} {{\n", q(&s.name)));
        for row in &s.rows {
            out.push_str("  ");
            if !row.serial.is_empty() {
                out.push_str(&format!(
                    "#{} ",
                    row.serial.replace(char::is_whitespace, "")
                ));
            }
            if !row.code.is_empty() {
                out.push_str(&format!("{} ", row.code));
            }
            out.push_str(&format!("{} {}", q(&row.name), row.amount));
            if row.goals.is_empty() && row.properties.is_empty() {
                out.push('\n');
                continue;
            }
            out.push_str(" {\n");
            for (k, v, at) in &row.properties {
                property(k, v, at, "    ", &mut out, diags);
            }
            goals(&row.goals, "    ", &mut out);
            out.push_str("  }\n");
        }
        if let Some(t) = &s.total {
            out.push_str(&format!("  total {t}\n"));
        }
        out.push_str("}\n\n");
    }
    out
}

fn unit(u: &UnitT, parent: Option<&str>, out: &mut String, diags: &mut Vec<Diagnostic>) {
    let code = u.code.as_ref().map(|c| format!("{c} ")).unwrap_or_default();
    let rollup = if u.rollup { "rollup " } else { "" };
    out.push_str(&format!("{rollup}unit {code}{} {{\n", q(&u.name)));
    if let Some(p) = parent {
        out.push_str(&format!("  parent {}\n", q(p)));
    }
    // The budget's breakdowns that budget tables print (部门收支总表).
    let of_budget: Vec<&AmountT> = u.amounts.iter().filter(|a| a.of_budget.is_some()).collect();
    let total = u
        .budget
        .as_ref()
        .map(|b| b.total.clone())
        .filter(|t| !t.is_empty() && t != "-")
        .or_else(|| of_budget.iter().map(|a| a.total.clone()).find(|t| t != "-"));
    let coded = place_coded(&u.coded);
    let (in_budget, restating) = budget_sides(u, &of_budget);
    // The lines of the budget's expense that tables put lines under.
    let expense_lines: Vec<&str> = u
        .budget
        .iter()
        .flat_map(|b| b.expense.iter())
        .chain(
            in_budget
                .iter()
                .filter(|a| a.of_budget == Some("expense"))
                .flat_map(|a| a.lines.iter()),
        )
        .map(|(n, _)| n.as_str())
        .collect();
    let (under_in, under_out): (Vec<_>, Vec<_>) = coded
        .under
        .iter()
        .cloned()
        .partition(|(n, _)| expense_lines.contains(&n.as_str()));
    if u.budget.is_some()
        || !of_budget.is_empty()
        || !coded.budget.is_empty()
        || !under_in.is_empty()
    {
        let total = total.unwrap_or_else(|| "-".to_string());
        out.push_str(&format!("  budget {total} {{\n"));
        let mut under = under_in;
        if let Some(b) = &u.budget {
            for (dim, lines) in [("income", &b.income), ("expense", &b.expense)] {
                if lines.is_empty() {
                    continue;
                }
                out.push_str(&format!("    by {dim} {{\n"));
                let mut none = Vec::new();
                let inner = if dim == "expense" {
                    &mut under
                } else {
                    &mut none
                };
                lines_nested_with(lines, &[], Some(&total), 3, inner, out);
                out.push_str("    }\n");
            }
        }
        for a in &in_budget {
            let inner = if a.of_budget == Some("expense") {
                &mut under
            } else {
                &mut Vec::new()
            };
            budget_side(a, 2, inner, out);
        }
        out.push_str(&coded.budget);
        out.push_str("  }\n");
    }
    // Tables of lines under an expense line that the budget does not
    // state: each a tree named after its form, restating the budget (a
    // line without its figure would claim the budget's whole expense).
    let out_names: Vec<&String> = under_out.iter().map(|(n, _)| n).collect();
    for (n, t) in &coded.fallback {
        if out_names.contains(&n) {
            out.push_str(t);
        }
    }
    if let Some(d) = &u.duties {
        out.push_str(&format!("  duties {}\n", q(d)));
    }
    if let Some((s, at)) = &u.staff {
        staff(s, at, out, diags);
    }
    for [item, owner, goal] in &u.plans {
        out.push_str(&format!("  plan {} {{\n", q(item)));
        if !owner.is_empty() {
            out.push_str(&format!("    owner {}\n", q(owner)));
        }
        if !goal.is_empty() {
            out.push_str(&format!("    goal {}\n", q(goal)));
        }
        out.push_str("  }\n");
    }
    goals(&u.goals, "  ", out);
    indicators(&u.indicators, "  ", out, diags);
    for (k, v, at) in &u.properties {
        property(k, v, at, "  ", out, diags);
    }
    for a in u.amounts.iter().filter(|a| a.of_budget.is_none()) {
        amount_tree(a, out);
    }
    for (table, sides) in &restating {
        out.push_str(&format!("  amount {} restates budget {{\n", q(table)));
        for a in sides {
            budget_side(a, 2, &mut Vec::new(), out);
        }
        out.push_str("  }\n");
    }
    out.push_str(&coded.trees);
    for p in &u.projects {
        project(p, out, diags);
    }
    out.push_str("}\n");
}

fn goals(gs: &[(GoalKind, String)], ind: &str, out: &mut String) {
    for (k, t) in gs {
        let kind = match k {
            GoalKind::Overall => "",
            GoalKind::Term => "term ",
            GoalKind::Annual => "annual ",
        };
        out.push_str(&format!("{ind}goal {kind}{}\n", q(t)));
    }
}

fn staff(s: &str, at: &str, out: &mut String, diags: &mut Vec<Diagnostic>) {
    let mut lines = Vec::new();
    for part in s.split(['；', ';']) {
        let part = part.trim();
        // `编制人数 27人`: the name, then the count and its unit.
        let Some((name, rest)) = part.rsplit_once(' ') else {
            lines.clear();
            break;
        };
        let digits: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        if digits.is_empty() {
            lines.clear();
            break;
        }
        let unit = &rest[digits.len()..];
        lines.push(format!("    {} {digits} {unit}", q(name.trim())));
    }
    if lines.is_empty() {
        property("人员情况", s, at, "  ", out, diags);
        return;
    }
    out.push_str("  staff {\n");
    for l in lines {
        out.push_str(l.trim_end());
        out.push('\n');
    }
    out.push_str("  }\n");
}

fn project(p: &ProjectT, out: &mut String, diags: &mut Vec<Diagnostic>) {
    let code = p.code.as_ref().map(|c| format!("{c} ")).unwrap_or_default();
    let prior = p
        .prior
        .as_ref()
        .map(|x| format!(" prior {x}"))
        .unwrap_or_default();
    out.push_str(&format!(
        "  project {code}{} {}{prior} {{\n",
        q(&p.name),
        p.amount
    ));
    if let Some((per, at)) = &p.period {
        let line = format!("period {per}");
        if read_back_period(&line, per) {
            out.push_str(&format!("    {line}\n"));
        } else {
            let key = p.period_key.unwrap_or("项目实施期");
            property(key, per, at, "    ", out, diags);
        }
    }
    for (content, per, at) in &p.schedule {
        let head = if content.is_empty() {
            "schedule".to_string()
        } else {
            format!("schedule {}", q(content))
        };
        let line = format!("{head} {per}");
        if read_back_schedule(&line, per) {
            out.push_str(&format!("    {line}\n"));
        } else {
            let shown = format!("{content} {per}");
            property("实施进度", shown.trim(), at, "    ", out, diags);
        }
    }
    goals(&p.goals, "    ", out);
    indicators(&p.indicators, "    ", out, diags);
    if !p.sources.is_empty() {
        out.push_str("    by source {\n");
        for (k, (n, a)) in p.sources.iter().enumerate() {
            let prior = p.source_priors.get(k).cloned().flatten();
            out.push_str(&format!(
                "      {}{}\n",
                q(n),
                with_prior(a, prior.as_deref())
            ));
        }
        out.push_str("    }\n");
    }
    if let Some(d) = &p.detail {
        out.push_str("    by detail {\n");
        for l in &d.lines {
            detail_line(l, "      ", out);
        }
        if let Some(t) = d.total.as_ref().filter(|t| *t != "-") {
            out.push_str(&format!("      total {t}\n"));
        }
        out.push_str("    }\n");
    }
    for (k, v, at) in &p.properties {
        property(k, v, at, "    ", out, diags);
    }
    out.push_str("  }\n");
}

/// ` 12.5`, or nothing for no figure.
fn figure(a: &str) -> String {
    if a == "-" {
        String::new()
    } else {
        format!(" {a}")
    }
}

/// A line of the spending detail: its figure, the basis of its
/// calculation, the lines under it.
/// A line's figure and its prior year's (`50 prior 68`; a blank figure is
/// `-` before a prior).
fn with_prior(a: &str, prior: Option<&str>) -> String {
    match prior {
        Some(p) => format!(" {a} prior {p}"),
        None => figure(a),
    }
}

fn detail_line(l: &DetailLine, ind: &str, out: &mut String) {
    out.push_str(&format!(
        "{ind}{}{}",
        q(&l.name),
        with_prior(&l.amount, l.prior.as_deref())
    ));
    if l.basis.is_empty() && l.lines.is_empty() {
        out.push('\n');
        return;
    }
    out.push_str(" {\n");
    if !l.basis.is_empty() {
        out.push_str(&format!("{ind}  basis {}\n", q(&l.basis)));
    }
    for sub in &l.lines {
        detail_line(sub, &format!("{ind}  "), out);
    }
    out.push_str(&format!("{ind}}}\n"));
}

fn amount_tree(a: &AmountT, out: &mut String) {
    let restates = if a.restates_budget {
        " restates budget"
    } else {
        ""
    };
    out.push_str(&format!(
        "  amount {} {}{restates} {{\n",
        q(&a.name),
        a.total
    ));
    if let Some(dim) = &a.by {
        out.push_str(&format!("    by {dim} {{\n"));
    }
    let depth = if a.by.is_some() { 3 } else { 2 };
    lines_nested_with(
        &a.lines,
        &a.indents,
        Some(&a.total),
        depth,
        &mut Vec::new(),
        out,
    );
    if a.by.is_some() {
        out.push_str("    }\n");
    }
    out.push_str("  }\n");
}

fn dec(s: &str) -> Option<Decimal> {
    s.parse().ok()
}

/// The lines of one side: nested by the indents of their names when the
/// workbook indents them (an `.xlsx` keeps the format), else where a
/// line's figure is the sum of the lines right after it (工资福利支出 …
/// under 基本支出; 经费拨款 alone under 一般公共预算拨款 of the same figure)
/// and the top lines then come to the total; flat otherwise (a table that
/// does not add up is printed as stated, for the checker to report).
/// `inner` holds text to write inside the lines of these names (taken out
/// of it when written: 基本支出's economic lines).
fn lines_nested_with(
    lines: &[(String, String)],
    indents: &[u8],
    total: Option<&String>,
    depth: usize,
    inner: &mut Vec<(String, String)>,
    out: &mut String,
) {
    // The workbook indents the names: a line indented under the line
    // above it is one of its lines, whatever the figures.
    if indents.len() == lines.len() && indents.iter().any(|n| *n > 0) {
        let rows: Vec<(u8, &str, &str)> = lines
            .iter()
            .zip(indents)
            .map(|((n, a), i)| (*i, n.as_str(), a.as_str()))
            .collect();
        lines_by_indent(&rows, depth, inner, out);
        return;
    }
    let line =
        |pad: &str, n: &str, a: &str, inner: &mut Vec<(String, String)>, out: &mut String| {
            let mine = take_inner(inner, n);
            if mine.is_empty() {
                out.push_str(&format!("{pad}{} {a}\n", q(n)));
            } else {
                out.push_str(&format!("{pad}{} {a} {{\n{mine}{pad}}}\n", q(n)));
            }
        };
    let tops = sum_tops(lines, total);
    let nested = tops.is_some();
    let tops = tops.unwrap_or_default();
    let pad = "  ".repeat(depth);
    if !nested {
        for (n, a) in lines {
            line(&pad, n, a, inner, out);
        }
        return;
    }
    for (k, kids) in tops {
        let (n, a) = &lines[k];
        if kids == 0 {
            line(&pad, n, a, inner, out);
        } else {
            let mine = take_inner(inner, n);
            out.push_str(&format!("{pad}{} {a} {{\n{mine}", q(n)));
            for (n2, a2) in &lines[k + 1..k + 1 + kids] {
                line(&format!("{pad}  "), n2, a2, inner, out);
            }
            out.push_str(&format!("{pad}}}\n"));
        }
    }
}

/// Lines nested by their indents: each line's lines are those after it
/// indented further, up to the next line indented no further than it.
fn lines_by_indent(
    rows: &[(u8, &str, &str)],
    depth: usize,
    inner: &mut Vec<(String, String)>,
    out: &mut String,
) {
    let pad = "  ".repeat(depth);
    let mut i = 0;
    while i < rows.len() {
        let (ind, n, a) = rows[i];
        let end = rows[i + 1..]
            .iter()
            .position(|r| r.0 <= ind)
            .map_or(rows.len(), |k| i + 1 + k);
        let mine = take_inner(inner, n);
        if end == i + 1 && mine.is_empty() {
            out.push_str(&format!("{pad}{} {a}\n", q(n)));
        } else {
            out.push_str(&format!("{pad}{} {a} {{\n{mine}", q(n)));
            lines_by_indent(&rows[i + 1..end], depth + 1, inner, out);
            out.push_str(&format!("{pad}}}\n"));
        }
        i = end;
    }
}

/// The top lines of a side by the figures: each with the count of lines
/// after it that are its own (their figures add up to its figure), when
/// some line holds others and the top lines come to the total; `None`
/// when the side is flat.
fn sum_tops(lines: &[(String, String)], total: Option<&String>) -> Option<Vec<(usize, usize)>> {
    let mut tops: Vec<(usize, usize)> = Vec::new(); // (index, children count)
    let mut i = 0;
    while i < lines.len() {
        let mut kids = 0;
        if let Some(a) = dec(&lines[i].1).filter(|a| !a.is_zero()) {
            let mut sum = Decimal::ZERO;
            for (k, l) in lines[i + 1..].iter().enumerate() {
                let Some(v) = dec(&l.1) else { break };
                sum += v;
                if sum == a {
                    kids = k + 1;
                    break;
                }
                if sum > a {
                    break;
                }
            }
        }
        tops.push((i, kids));
        i += 1 + kids;
    }
    let nested = tops.iter().any(|t| t.1 > 0)
        && total.and_then(|t| dec(t)).is_some_and(|t| {
            tops.iter()
                .map(|(k, _)| dec(&lines[*k].1).unwrap_or_default())
                .sum::<Decimal>()
                == t
        });
    nested.then_some(tops)
}

/// The tables' breakdowns of the budget: those written in the budget, and
/// the tables written as trees restating it (by form). The build prints a
/// table from the budget's first breakdown of its dimension unless a tree
/// is named after the table: a later table whose lines that breakdown
/// does not give (the 财政拨款收支总表's fewer incomes) is such a tree.
fn budget_sides<'a>(
    u: &'a UnitT,
    of_budget: &[&'a AmountT],
) -> (Vec<&'a AmountT>, Vec<(&'static str, Vec<&'a AmountT>)>) {
    let mut in_budget: Vec<&AmountT> = Vec::new();
    let mut restating: Vec<(&'static str, Vec<&AmountT>)> = Vec::new();
    // The budget's own sides (资金总额's 按收入性质分, 按支出性质分) come first.
    let own: Vec<(&'static str, &Vec<(String, String)>)> = u
        .budget
        .iter()
        .flat_map(|b| [("income", &b.income), ("expense", &b.expense)])
        .filter(|(_, l)| !l.is_empty())
        .collect();
    let mut k = 0;
    while k < of_budget.len() {
        let table = of_budget[k].table;
        let mut end = k + 1;
        while table.is_some() && end < of_budget.len() && of_budget[end].table == table {
            end += 1;
        }
        let group = &of_budget[k..end];
        let differs = group.iter().any(|a| {
            let mine = if a.top_only {
                top_lines(a)
            } else {
                a.lines.clone()
            };
            let first = own
                .iter()
                .find(|(d, _)| Some(*d) == a.of_budget)
                .map(|(_, l)| (*l).clone())
                .or_else(|| {
                    in_budget
                        .iter()
                        .find(|b| b.of_budget == a.of_budget)
                        .map(|b| {
                            if a.top_only {
                                top_lines(b)
                            } else {
                                b.lines.clone()
                            }
                        })
                });
            first.is_some_and(|f| f != mine)
        });
        match table {
            Some(t) if differs => restating.push((t, group.to_vec())),
            _ => in_budget.extend(group.iter().copied()),
        }
        k = end;
    }
    (in_budget, restating)
}

/// The top lines of a table's breakdown: by the indents of their names,
/// else by the figures (as [`lines_nested_with`] places them).
fn top_lines(a: &AmountT) -> Vec<(String, String)> {
    if a.indents.len() == a.lines.len() && a.indents.iter().any(|n| *n > 0) {
        let least = a.indents.iter().min().copied().unwrap_or(0);
        return a
            .lines
            .iter()
            .zip(&a.indents)
            .filter(|(_, i)| **i == least)
            .map(|(l, _)| l.clone())
            .collect();
    }
    match sum_tops(&a.lines, Some(&a.total)) {
        Some(tops) => tops.iter().map(|(k, _)| a.lines[*k].clone()).collect(),
        None => a.lines.clone(),
    }
}

/// One breakdown of the budget a table gives, at `depth` (its lines'
/// figures by another dimension: the total row's as the holder's
/// breakdown of that dimension, each line's its own).
fn budget_side(a: &AmountT, depth: usize, inner: &mut Vec<(String, String)>, out: &mut String) {
    let pad = "  ".repeat(depth);
    let dim = a.of_budget.unwrap_or("income");
    if let Some(sd) = a.sub_dim {
        if !a.total_subs.is_empty() {
            out.push_str(&format!("{pad}by {sd} {{\n"));
            for (n, f) in &a.total_subs {
                out.push_str(&format!("{pad}  {} {f}\n", q(n)));
            }
            out.push_str(&format!("{pad}}}\n"));
        }
        for ((n, _), subs) in a.lines.iter().zip(&a.subs) {
            if subs.iter().any(|(_, f)| f != "-") {
                let body: String = subs
                    .iter()
                    .map(|(h, f)| format!("  {} {f}\n", q(h)))
                    .collect();
                inner.push((n.clone(), format!("by {sd} {{\n{body}}}\n")));
            }
        }
    }
    out.push_str(&format!("{pad}by {dim} {{\n"));
    lines_nested_with(&a.lines, &a.indents, Some(&a.total), depth + 1, inner, out);
    if a.total != "-" {
        out.push_str(&format!("{pad}  total {}\n", a.total));
    }
    out.push_str(&format!("{pad}}}\n"));
}

/// The text to write inside the line `n`, taken out of `inner`.
fn take_inner(inner: &mut Vec<(String, String)>, n: &str) -> String {
    let mine: String = inner
        .iter()
        .filter(|(k, _)| k == n)
        .map(|(_, t)| t.as_str())
        .collect();
    inner.retain(|(k, _)| k != n);
    mine
}

/// Parse a snippet inside a unit; `None` when it does not read cleanly.
fn parse_snippet(body: &str) -> Option<(crate::ast::Document, SourceMap)> {
    let text = format!("unit U {{\n{body}\n}}\n");
    let (doc, diags) = crate::syntax::parse_document(FileId(0), &text);
    if diags.iter().any(|d| d.code.as_str().starts_with('S')) {
        return None;
    }
    let mut sources = SourceMap::new();
    sources.add(SourceFile::new("import".to_string(), None, text));
    Some((doc, sources))
}

fn read_back_period(line: &str, shown: &str) -> bool {
    let Some((doc, _)) = parse_snippet(&format!("project P 1 {{ {line} }}")) else {
        return false;
    };
    doc.units
        .first()
        .and_then(|u| u.projects.first())
        .and_then(|p| p.period.as_ref())
        .is_some_and(|p| crate::emit::text::period_text(&p.node) == shown)
}

fn read_back_schedule(line: &str, shown: &str) -> bool {
    let Some((doc, _)) = parse_snippet(&format!("project P 1 {{ {line} }}")) else {
        return false;
    };
    doc.units
        .first()
        .and_then(|u| u.projects.first())
        .and_then(|p| p.schedule.first())
        .is_some_and(|s| crate::emit::text::period_text(&s.period.node) == shown)
}

/// A form's checkboxes as printed (`☐新建 ☑其他专项类`), with each label
/// quoted (a label may hold a space); `None` when the text is not one.
fn choices(v: &str) -> Option<String> {
    if !v.starts_with(['☐', '☑']) {
        return None;
    }
    let mut out = Vec::new();
    let mut rest = v;
    while let Some(mark) = rest.chars().next() {
        let after = &rest[mark.len_utf8()..];
        let end = after.find([' ', '☐', '☑']).map_or(after.len(), |i| {
            // A label runs to the space before the next box.
            after[i..].find(['☐', '☑']).map_or(after.len(), |j| i + j)
        });
        let label = after[..end].trim();
        let boxed = if mark == '☑' { "[x]" } else { "[ ]" };
        out.push(format!("{boxed} {}", q(label)));
        rest = &after[end..];
        if !rest.is_empty() && !rest.starts_with(['☐', '☑']) {
            return None;
        }
    }
    Some(out.join(" "))
}

fn property(k: &str, v: &str, at: &str, ind: &str, out: &mut String, diags: &mut Vec<Diagnostic>) {
    let reads = |line: &str| {
        parse_snippet(line).is_some_and(|(doc, _)| {
            doc.units.first().is_some_and(|u| {
                u.properties.len() == 1
                    && u.properties[0].key.node == k
                    && prop_text(&u.properties[0].value.node) == v
            })
        })
    };
    // A bare figure with no unit is most often a number that is a text
    // (a telephone number, a code): it is kept as written, quoted.
    let bare_figure = v.len() >= 5 && v.chars().all(|c| c.is_ascii_digit());
    let mut vals = if bare_figure {
        vec![q(v)]
    } else if v.is_empty() {
        // A blank cell.
        vec!["-".to_string(), q(v)]
    } else {
        vec![v.to_string(), q(v)]
    };
    if let Some(c) = choices(v) {
        vals.insert(0, c);
    }
    for key in [k.to_string(), q(k)] {
        for val in &vals {
            let line = format!("{key}: {val}");
            if reads(&line) {
                out.push_str(&format!("{ind}{line}\n"));
                return;
            }
        }
    }
    diags.push(Diagnostic::new(
        Code::I004,
        msg!(
            "i004-kept-as-text",
            cell = at.to_string(),
            text = v.to_string()
        ),
    ));
    out.push_str(&format!("{ind}{}: {}\n", q(k), q(v)));
}

/// The indicator line for a row, read back to give the row's cells.
fn indicator_line(r: &IndRow, diags: &mut Vec<Diagnostic>) -> String {
    let mut attrs = String::new();
    for (k, v) in &r.attrs {
        let val = if *k == "weight" && dec(v).is_some() {
            v.clone()
        } else {
            q(v)
        };
        attrs.push_str(&format!(" {k} {val}"));
    }
    let attrs = if attrs.is_empty() {
        String::new()
    } else {
        format!(" {{{attrs} }}")
    };
    let mut values = Vec::new();
    let joined = [r.cmp.as_str(), r.value.as_str(), r.uom.as_str()]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    values.push(joined.clone());
    values.push(format!("{} {}{}", r.cmp, r.value, r.uom).trim().to_string());
    values.push(format!("{} {}", r.cmp, q(&r.value)).trim().to_string());
    for name in [r.name.clone(), q(&r.name)] {
        for v in &values {
            let line = format!("{name} {v}{attrs}").replace("  ", " ");
            if reads_as(&line, r) {
                return line;
            }
        }
    }
    if !joined.is_empty() {
        diags.push(Diagnostic::new(
            Code::I004,
            msg!(
                "i004-kept-as-text",
                cell = r.at.clone(),
                text = joined.clone()
            ),
        ));
    }
    let v = if joined.is_empty() {
        String::new()
    } else {
        format!(" {}", q(&joined))
    };
    format!("{}{v}{attrs}", q(&r.name))
}

fn reads_as(line: &str, r: &IndRow) -> bool {
    let Some((doc, sources)) = parse_snippet(&format!("indicators {{ A {{ B {{\n{line}\n}} }} }}"))
    else {
        return false;
    };
    let Some(u) = doc.units.first() else {
        return false;
    };
    let leaf = u
        .indicators
        .first()
        .and_then(|t| t.nodes.first())
        .and_then(|n| match n {
            IndicatorNode::Group(g) => g.children.first(),
            _ => None,
        });
    let leaf = match leaf {
        Some(IndicatorNode::Group(g)) => g.children.first(),
        _ => None,
    };
    let Some(IndicatorNode::Leaf(i)) = leaf else {
        return false;
    };
    if u.indicators[0].nodes.len() != 1 {
        return false;
    }
    let v = value_cells(i, &sources);
    let cells = |a: &str, b: &str, c: &str| -> String {
        format!("{a}{b}{c}")
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    };
    // The row's cells, or one cell that holds the value with its
    // comparison and unit (`≥5次` under 指标值, `100%` under 指标值及单位).
    i.name.node == r.name
        && ((type_cell(i) == r.cmp && v.value == r.value && v.unit == r.uom)
            || (r.combined
                && r.cmp.is_empty()
                && r.uom.is_empty()
                && !r.value.is_empty()
                && cells(&type_cell(i), &v.value, &v.unit) == cells("", &r.value, "")))
}

fn indicators(rows: &[IndRow], ind: &str, out: &mut String, diags: &mut Vec<Diagnostic>) {
    if rows.is_empty() {
        return;
    }
    out.push_str(&format!("{ind}indicators {{\n"));
    // Runs of the same 一级, then of the same 二级, in the order of the rows.
    let mut i = 0;
    while i < rows.len() {
        let t1 = &rows[i].t1;
        let end1 = i
            + 1
            + rows[i + 1..]
                .iter()
                .take_while(|r| &r.t1 == t1 && !r.starts_t1)
                .count();
        let (pad1, open1) = if t1.is_empty() {
            (format!("{ind}  "), false)
        } else {
            out.push_str(&format!("{ind}  {} {{\n", q(t1)));
            (format!("{ind}    "), true)
        };
        let mut j = i;
        while j < end1 {
            let t2 = &rows[j].t2;
            let end2 = j
                + 1
                + rows[j + 1..end1]
                    .iter()
                    .take_while(|r| &r.t2 == t2 && !r.starts_t2)
                    .count();
            let (pad2, open2) = if t2.is_empty() {
                (pad1.clone(), false)
            } else {
                out.push_str(&format!("{pad1}{} {{\n", q(t2)));
                (format!("{pad1}  "), true)
            };
            for r in &rows[j..end2] {
                // A row with only its tiers opens the groups; one with a
                // value but a blank 三级 cell is an indicator named "".
                if r.name.is_empty()
                    && r.cmp.is_empty()
                    && r.value.is_empty()
                    && r.uom.is_empty()
                    && r.attrs.is_empty()
                {
                    continue;
                }
                let line = indicator_line(r, diags);
                out.push_str(&format!("{pad2}{line}\n"));
            }
            if open2 {
                out.push_str(&format!("{pad1}}}\n"));
            }
            j = end2;
        }
        if open1 {
            out.push_str(&format!("{ind}  }}\n"));
        }
        i = end1;
    }
    out.push_str(&format!("{ind}}}\n"));
}

/// The `by` keyword of a form's dimension.
fn dim_word(d: Dim) -> String {
    match d {
        Dim::Default => String::new(),
        Dim::Income => "income".into(),
        Dim::Expense => "expense".into(),
        Dim::Economic => "economic".into(),
        Dim::Functional => "functional".into(),
        Dim::Source => "source".into(),
        Dim::Detail => "detail".into(),
        Dim::Named(n) => q(n),
    }
}

/// Rows nested by their codes: a row goes under the nearest row above
/// whose code begins its own (`2010301` under `20103` under `201`).
fn nest_by_code(rows: &[CodedLine]) -> Vec<CodedLine> {
    fn place(into: &mut Vec<CodedLine>, row: CodedLine) {
        if let (Some(code), Some(last)) = (&row.code, into.last_mut()) {
            if let Some(c) = &last.code {
                if code.len() > c.len() && code.starts_with(c.as_str()) {
                    return place(&mut last.lines, row);
                }
            }
        }
        into.push(row);
    }
    let mut out = Vec::new();
    for r in rows {
        place(&mut out, r.clone());
    }
    out
}

/// A node of the lines a row's columns by another dimension give: the
/// columns' header paths (合计 under a heading is the heading's figure).
#[derive(Default)]
struct SubNode {
    name: String,
    amount: Option<String>,
    lines: Vec<SubNode>,
}

fn sub_tree(subs: &[(Vec<String>, String)]) -> Vec<SubNode> {
    fn insert(into: &mut Vec<SubNode>, path: &[String], a: &str) {
        let Some((head, rest)) = path.split_first() else {
            return;
        };
        let k = match into.iter().position(|n| &n.name == head) {
            Some(k) => k,
            None => {
                into.push(SubNode {
                    name: head.clone(),
                    ..SubNode::default()
                });
                into.len() - 1
            }
        };
        match rest {
            [] => into[k].amount = Some(a.to_string()),
            [t] if super::recognise::is_total_text(t) => into[k].amount = Some(a.to_string()),
            _ => insert(&mut into[k].lines, rest, a),
        }
    }
    let mut out = Vec::new();
    for (p, a) in subs {
        insert(&mut out, p, a);
    }
    out
}

fn sub_lines(ns: &[SubNode], depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    for n in ns {
        let a = n.amount.as_deref().unwrap_or("-");
        if n.lines.is_empty() {
            out.push_str(&format!("{pad}{} {a}\n", q(&n.name)));
        } else {
            out.push_str(&format!("{pad}{} {a} {{\n", q(&n.name)));
            sub_lines(&n.lines, depth + 1, out);
            out.push_str(&format!("{pad}}}\n"));
        }
    }
}

/// A line's columns by another dimension as its breakdown.
fn sub_by(subs: &[(Vec<String>, String)], dim: Option<Dim>, depth: usize, out: &mut String) {
    let (Some(dim), false) = (dim, subs.is_empty()) else {
        return;
    };
    let pad = "  ".repeat(depth);
    out.push_str(&format!("{pad}by {} {{\n", dim_word(dim)));
    sub_lines(&sub_tree(subs), depth + 1, out);
    out.push_str(&format!("{pad}}}\n"));
}

fn coded_lines(ls: &[CodedLine], sub: Option<Dim>, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    for l in ls {
        let code = l.code.as_ref().map(|c| format!("{c} ")).unwrap_or_default();
        let head = format!("{pad}{code}{} {}", q(&l.name), l.amount);
        let has_subs = sub.is_some() && !l.subs.is_empty();
        if l.lines.is_empty() && !has_subs {
            out.push_str(&format!("{head}\n"));
            continue;
        }
        out.push_str(&format!("{head} {{\n"));
        sub_by(&l.subs, sub, depth + 1, out);
        coded_lines(&l.lines, sub, depth + 1, out);
        out.push_str(&format!("{pad}}}\n"));
    }
}

/// The dimension of a table's columns by another dimension.
fn sub_dim(t: &LineTable) -> Option<Dim> {
    t.values.iter().find_map(|v| match v {
        ValueCol::Sub { dim, .. } => Some(*dim),
        ValueCol::Own(_) => None,
    })
}

/// One coded table as a breakdown: the 合计 row's columns as the
/// holder's breakdown by their dimension, then the lines by code.
fn coded_breakdown(c: &CodedT, dim: Dim, rows: &[CodedLine], depth: usize, out: &mut String) {
    let sub = sub_dim(c.table);
    if let Some(t) = &c.total {
        sub_by(&t.subs, sub, depth, out);
    }
    let pad = "  ".repeat(depth);
    out.push_str(&format!("{pad}by {} {{\n", dim_word(dim)));
    if let Some(t) = &c.total {
        out.push_str(&format!("{pad}  total {}\n", t.amount));
    }
    coded_lines(rows, sub, depth + 1, out);
    out.push_str(&format!("{pad}}}\n"));
}

/// Where the coded tables of a unit go: breakdowns of the budget, lines
/// under a line of its `by expense` (基本支出's `by economic`), amount
/// trees restating the budget (a table whose lines the budget already
/// holds there: 附件12 repeats 附件5), and amount trees of their own (a
/// form that does not print the budget).
#[derive(Default)]
pub struct CodedPlaced {
    /// Breakdowns of the budget, as text at depth 2.
    pub budget: String,
    /// Text to write inside an expense line, by its name (depth 4).
    pub under: Vec<(String, String)>,
    /// Amount trees of the unit (depth 1).
    pub trees: String,
    /// For each table written under an expense line, by the line's
    /// name: the table as a tree named after its form, restating the
    /// budget (depth 1), written instead when the budget has no such
    /// line (a 基本支出 table without the 部门收支总表).
    pub fallback: Vec<(String, String)>,
}

/// A coded table as a tree named after its form, restating the budget.
fn restating(c: &CodedT, d: Dim, rows: &[CodedLine]) -> String {
    let mut t = String::new();
    coded_breakdown(c, d, rows, 2, &mut t);
    format!("  amount {} restates budget {{\n{t}  }}\n", q(c.form.name))
}

pub fn place_coded(tables: &[CodedT]) -> CodedPlaced {
    let mut placed = CodedPlaced::default();
    // The economic lines under an expense line, by (line, dimension): the
    // codes placed so far, the rows and the text.
    let mut under: Vec<(String, Dim, Vec<String>, String)> = Vec::new();
    for c in tables {
        if c.rows.is_empty() && c.total.is_none() {
            // A table without lines (政府性基金 … where the unit has none).
            continue;
        }
        let rows = nest_by_code(&c.rows);
        let lines = &c.table.lines;
        match (lines.budget, lines.path) {
            (true, [Step::By(d)]) => coded_breakdown(c, *d, &rows, 2, &mut placed.budget),
            (true, [Step::By(Dim::Expense), Step::Name(ns), Step::By(d), Step::Code(_)]) => {
                let name = ns.first().copied().unwrap_or_default().to_string();
                let codes: Vec<String> = rows.iter().filter_map(|r| r.code.clone()).collect();
                let k = match under.iter().position(|u| u.0 == name && u.1 == *d) {
                    Some(k) => k,
                    None => {
                        under.push((name.clone(), *d, Vec::new(), String::new()));
                        under.len() - 1
                    }
                };
                if codes.iter().any(|x| under[k].2.contains(x)) {
                    // The budget holds these lines already: the table
                    // restates them.
                    let mut t = String::new();
                    coded_breakdown(c, *d, &rows, 2, &mut t);
                    placed.trees.push_str(&format!(
                        "  amount {} restates budget {{\n{t}  }}\n",
                        q(c.form.name)
                    ));
                } else {
                    under[k].2.extend(codes);
                    coded_lines(&rows, sub_dim(c.table), 0, &mut under[k].3);
                    placed.fallback.push((name, restating(c, *d, &rows)));
                }
            }
            (true, [Step::By(Dim::Expense), Step::Name(ns), Step::By(d)]) => {
                let name = ns.first().copied().unwrap_or_default().to_string();
                let mut t = String::new();
                coded_breakdown(c, *d, &rows, 4, &mut t);
                placed
                    .fallback
                    .push((name.clone(), restating(c, *d, &rows)));
                placed.under.push((name, t));
            }
            (_, path) => {
                let total = c.total.as_ref().map(|t| t.amount.as_str()).unwrap_or("-");
                let mut t = String::new();
                match path.first() {
                    Some(Step::By(d)) => coded_breakdown(c, *d, &rows, 2, &mut t),
                    _ => coded_lines(&rows, sub_dim(c.table), 2, &mut t),
                }
                placed.trees.push_str(&format!(
                    "  amount {} {total} {{\n{t}  }}\n",
                    q(c.form.name)
                ));
            }
        }
    }
    for (name, d, _, text) in under {
        let pad = "        ";
        let body: String = text.lines().map(|l| format!("{pad}  {l}\n")).collect();
        placed.under.insert(
            0,
            (name, format!("{pad}by {} {{\n{body}{pad}}}\n", dim_word(d))),
        );
    }
    placed
}

//! Printing what was recognised as a `.jx` document. Every indicator line
//! and property is read back before it is kept: it must give the cells it
//! came from (the same `emit::text` the tables print with); else the
//! value is kept as a quoted text and I004 says so.

use rust_decimal::Decimal;

use super::recognise::{AmountT, Book, DetailLine, IndRow, ProjectT, UnitT};
use crate::ast::{GoalKind, IndicatorNode};
use crate::diag::{Code, Diagnostic};
use crate::emit::text::{prop_text, type_cell, value_cells};
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
    if u.budget.is_some() || !of_budget.is_empty() {
        let total = total.unwrap_or_else(|| "-".to_string());
        out.push_str(&format!("  budget {total} {{\n"));
        if let Some(b) = &u.budget {
            for (dim, lines) in [("income", &b.income), ("expense", &b.expense)] {
                if lines.is_empty() {
                    continue;
                }
                out.push_str(&format!("    by {dim} {{\n"));
                lines_nested(lines, Some(&total), 3, out);
                out.push_str("    }\n");
            }
        }
        for a in &of_budget {
            out.push_str(&format!("    by {} {{\n", a.of_budget.unwrap_or("income")));
            lines_nested(&a.lines, Some(&a.total), 3, out);
            if a.total != "-" {
                out.push_str(&format!("      total {}\n", a.total));
            }
            out.push_str("    }\n");
        }
        out.push_str("  }\n");
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
    out.push_str(&format!("  project {code}{} {} {{\n", q(&p.name), p.amount));
    if let Some((per, at)) = &p.period {
        let line = format!("period {per}");
        if read_back_period(&line, per) {
            out.push_str(&format!("    {line}\n"));
        } else {
            property("项目实施期", per, at, "    ", out, diags);
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
        for (n, a) in &p.sources {
            out.push_str(&format!("      {}{}\n", q(n), figure(a)));
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
fn detail_line(l: &DetailLine, ind: &str, out: &mut String) {
    out.push_str(&format!("{ind}{}{}", q(&l.name), figure(&l.amount)));
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
    out.push_str(&format!("  amount {} {} {{\n", q(&a.name), a.total));
    match a.by {
        Some(dim) => {
            out.push_str(&format!("    by {dim} {{\n"));
            lines_nested(&a.lines, Some(&a.total), 3, out);
            out.push_str("    }\n");
        }
        None => lines_nested(&a.lines, Some(&a.total), 2, out),
    }
    out.push_str("  }\n");
}

fn dec(s: &str) -> Option<Decimal> {
    s.parse().ok()
}

/// The lines of one side, nested where a line's figure is the sum of the
/// lines right after it (工资福利支出 … under 基本支出; 经费拨款 alone under
/// 一般公共预算拨款 of the same figure) and the top lines then come to the
/// total; flat otherwise (a table that does not add up is printed as
/// stated, for the checker to report). The tables show the nesting only by
/// indenting the names, which is a format, not a value: the figures are
/// what tell it.
fn lines_nested(
    lines: &[(String, String)],
    total: Option<&String>,
    depth: usize,
    out: &mut String,
) {
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
    let pad = "  ".repeat(depth);
    if !nested {
        for (n, a) in lines {
            out.push_str(&format!("{pad}{} {a}\n", q(n)));
        }
        return;
    }
    for (k, kids) in tops {
        let (n, a) = &lines[k];
        if kids == 0 {
            out.push_str(&format!("{pad}{} {a}\n", q(n)));
        } else {
            out.push_str(&format!("{pad}{} {a} {{\n", q(n)));
            for (n2, a2) in &lines[k + 1..k + 1 + kids] {
                out.push_str(&format!("{pad}  {} {a2}\n", q(n2)));
            }
            out.push_str(&format!("{pad}}}\n"));
        }
    }
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

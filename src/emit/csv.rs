//! Flat CSV tables for spreadsheets and databases, three per document:
//!
//! - `indicators`: one row per 三级 indicator (unit-wide and per project);
//! - `budget`: one row per budget line (every breakdown, every amount tree)
//!   and per table's own 合计 row (`row` = `total`);
//! - `projects`: one row per project.
//!
//! UTF-8 with CRLF line ends (RFC 4180), optionally with a byte-order mark
//! (`--bom`) so that Excel on Chinese Windows reads UTF-8, with English
//! column names or, on request, the tables' Chinese ones. A budget row
//! repeated (a figure restated in several tables) is written once. A cell that
//! Excel would take for a formula — one that starts with `=`, `+`, `-`, `@`,
//! a tab or a carriage return, with something after it, and is not a plain
//! number — is written with a leading `'` (as OWASP recommends against CSV
//! injection); a sign alone, as the comparison `=`, runs nothing and is
//! left as it is.

use crate::ast::*;
use crate::emit::text::{amount_text, attr, kind_label, number_text, qualifier_words, value_text};
use crate::emit::Error;
use crate::i18n::{self, Lang};
use crate::model::Document;

pub const INDICATOR_COLUMNS: [&str; 17] = [
    "unit_code",
    "unit",
    "project",
    "tier1",
    "tier2",
    "indicator",
    "kind",
    "comparison",
    "value",
    "unit_of_measure",
    "qualifiers",
    "written",
    "explanation",
    "scoring",
    "standard",
    "weight",
    "note",
];

pub const BUDGET_COLUMNS: [&str; 15] = [
    "unit_code",
    "unit",
    "project",
    "tree",
    "dimension",
    "path",
    "code",
    "name",
    "amount",
    "formula",
    "prior",
    "change",
    "basis",
    "restates",
    "row",
];

pub const PROJECT_COLUMNS: [&str; 11] = [
    "unit_code",
    "unit",
    "code",
    "name",
    "amount",
    "period_start",
    "period_end",
    "goal",
    "term_goal",
    "annual_goal",
    "prior",
];

/// The three files of a document: `(suffix, bytes)` for `indicators`,
/// `budget` and `projects`.
pub fn document(
    doc: &Document,
    bom: bool,
    lang: Lang,
) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
    let mut ind = Table::new(&INDICATOR_COLUMNS, lang);
    let mut bud = Table::new(&BUDGET_COLUMNS, lang);
    let mut pro = Table::new(&PROJECT_COLUMNS, lang);
    for u in &doc.units {
        let code = u.code.as_ref().map(|c| c.node.as_str()).unwrap_or("");
        let name = u.name.node.as_str();
        indicators(&mut ind, doc, code, name, "", &u.indicators);
        if let Some(b) = &u.budget {
            bud.push(root_row([code, name, ""], "资金总额", &b.total, None));
            breakdowns(&mut bud, [code, name, ""], "budget", &b.breakdowns, "", &[]);
        }
        for l in &u.amounts {
            amount_tree(&mut bud, [code, name, ""], l);
        }
        for p in &u.projects {
            let pname = p.name.node.as_str();
            indicators(&mut ind, doc, code, name, pname, &p.indicators);
            bud.push(root_row(
                [code, name, pname],
                "项目金额",
                &p.amount,
                p.prior.as_ref(),
            ));
            breakdowns(
                &mut bud,
                [code, name, pname],
                "budget",
                &p.breakdowns,
                "",
                &[],
            );
            for l in &p.amounts {
                amount_tree(&mut bud, [code, name, pname], l);
            }
            let goals = |k: GoalKind| {
                p.goals
                    .iter()
                    .filter(|g| g.kind == k)
                    .map(|g| g.text.node.as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let (start, end) = p
                .period
                .as_ref()
                .map(|x| (x.node.start.to_string(), x.node.end.to_string()))
                .unwrap_or_default();
            pro.push(vec![
                code.into(),
                name.into(),
                p.code.as_ref().map(|c| c.node.clone()).unwrap_or_default(),
                pname.into(),
                amount_text(&p.amount),
                start,
                end,
                goals(GoalKind::Overall),
                goals(GoalKind::Term),
                goals(GoalKind::Annual),
                p.prior.as_ref().map(amount_text).unwrap_or_default(),
            ]);
        }
    }
    let mut out = vec![
        ("indicators", ind.finish(bom, false)?),
        ("budget", bud.finish(bom, true)?),
    ];
    // A table of no rows says nothing: a document without projects has no
    // projects file.
    if pro.rows.len() > 1 {
        out.push(("projects", pro.finish(bom, false)?));
    }
    Ok(out)
}

/// One row per indicator, with its 一级 and 二级 as the tier checker placed
/// them (a missing tier is an empty cell).
fn indicators(
    t: &mut Table,
    doc: &Document,
    code: &str,
    unit: &str,
    project: &str,
    trees: &[IndicatorTree],
) {
    for r in doc.tier_rows(trees) {
        let Some(i) = r.indicator else { continue };
        let v = value_text(i, doc.header.year);
        let sources = &doc.project.sources;
        t.push(vec![
            code.into(),
            unit.into(),
            project.into(),
            r.tier1_name(),
            r.tier2_name(),
            i.name.node.clone(),
            i.kind
                .as_ref()
                .map(|k| kind_label(k.node).to_string())
                .unwrap_or_default(),
            i.comparison
                .as_ref()
                .map(|c| c.node.symbol().to_string())
                .unwrap_or_default(),
            v.value,
            v.unit,
            qualifier_words(i),
            i.written
                .map(|w| sources.text(w).to_string())
                .unwrap_or_default(),
            attr(i, AttrKey::Explain),
            attr(i, AttrKey::Scoring),
            attr(i, AttrKey::Standard),
            attr(i, AttrKey::Weight),
            attr(i, AttrKey::Note),
        ]);
    }
}

/// An amount tree (`amount NAME TOTAL { … }`): its root, then its lines.
fn amount_tree(t: &mut Table, who: [&str; 3], root: &Line) {
    let tree = root.name.node.as_str();
    t.push(line_row(who, tree, "", &[], root));
    breakdowns(t, who, tree, &root.breakdowns, "", &[]);
}

/// The first row of a budget (资金总额) or a project (项目金额).
fn root_row(who: [&str; 3], name: &str, amount: &Amount, prior: Option<&Amount>) -> Vec<String> {
    let mut row = vec![
        who[0].into(),
        who[1].into(),
        who[2].into(),
        "budget".into(),
        String::new(),
        String::new(),
        String::new(),
        name.into(),
        amount_text(amount),
        String::new(),
        prior.map(amount_text).unwrap_or_default(),
    ];
    row.extend([String::new(), String::new(), String::new(), "line".into()]);
    row
}

/// The lines of breakdowns, depth first, each breakdown's 合计 row (when
/// the table prints one) after its lines. Lines written directly in a
/// line's block (the default breakdown) take the dimension of that line.
fn breakdowns(
    t: &mut Table,
    who: [&str; 3],
    tree: &str,
    bs: &[Breakdown],
    inherited: &str,
    path: &[&str],
) {
    for b in bs {
        let dim = match &b.dimension.node {
            Dimension::Default => inherited,
            d => d.key(),
        };
        for l in &b.lines {
            t.push(line_row(who, tree, dim, path, l));
            let mut sub = path.to_vec();
            sub.push(l.name.node.as_str());
            breakdowns(t, who, tree, &l.breakdowns, dim, &sub);
        }
        if let Some(total) = &b.total {
            t.push(vec![
                who[0].into(),
                who[1].into(),
                who[2].into(),
                tree.into(),
                dim.into(),
                path.join(" › "),
                String::new(),
                "合计".into(),
                amount_text(&total.amount),
                String::new(),
                total.prior.as_ref().map(amount_text).unwrap_or_default(),
                total.change.as_ref().map(number_text).unwrap_or_default(),
                total
                    .basis
                    .as_ref()
                    .map(|b| b.node.clone())
                    .unwrap_or_default(),
                String::new(),
                "total".into(),
            ]);
        }
    }
}

fn line_row(who: [&str; 3], tree: &str, dimension: &str, path: &[&str], l: &Line) -> Vec<String> {
    vec![
        who[0].into(),
        who[1].into(),
        who[2].into(),
        tree.into(),
        dimension.into(),
        path.join(" › "),
        l.code.as_ref().map(|c| c.node.clone()).unwrap_or_default(),
        l.name.node.clone(),
        amount_text(&l.amount),
        l.all_formulas()
            .map(|f| {
                let text = f.expr.to_string();
                let text = if f.approximate {
                    format!("≈ {text}")
                } else {
                    text
                };
                match f.result.as_ref().map(amount_text) {
                    Some(r) if !r.is_empty() => format!("{text} = {r}"),
                    _ => text,
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
        l.prior.as_ref().map(amount_text).unwrap_or_default(),
        l.change.as_ref().map(number_text).unwrap_or_default(),
        l.basis
            .iter()
            .map(|b| b.node.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
        l.restates
            .as_ref()
            .map(|r| {
                let target = match &r.target.node {
                    RestateTarget::Budget => "预算".to_string(),
                    RestateTarget::Named(n) => n.clone(),
                };
                match &r.line {
                    Some(x) => format!("{target} › {}", x.node),
                    None => target,
                }
            })
            .unwrap_or_default(),
        "line".into(),
    ]
}

/// Whether Excel could run the cell as a formula: it starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return, something follows, and it is not
/// a plain number. The sign alone (the comparison `=`, a blank `-`) runs
/// nothing, and stays readable.
pub fn is_dangerous(cell: &str) -> bool {
    let mut chars = cell.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r') {
        return false;
    }
    if chars.as_str().trim().is_empty() && !matches!(first, '\t' | '\r') {
        return false;
    }
    !is_plain_number(cell)
}

fn is_plain_number(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && (frac.is_empty() || !s.ends_with('.'))
}

/// The cell as written to the file: neutralised if Excel could run it.
pub fn neutralise(cell: &str) -> String {
    if is_dangerous(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

struct Table {
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with its header row: the columns' keys in English (what
    /// programs read), their names in Chinese (catalogue ids `csv-KEY`).
    fn new(header: &[&str], lang: Lang) -> Table {
        Table {
            rows: vec![header
                .iter()
                .map(|key| match lang {
                    Lang::En => key.to_string(),
                    _ => i18n::plain(&format!("csv-{key}"), lang),
                })
                .collect()],
        }
    }
    fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }
    /// The file: the header row, then the
    /// rows; with `once`, each row once — a budget line stated in several
    /// tables (a total restated) is one fact, and a pivot table must count
    /// it once. (An indicator written twice stays two rows: that is what
    /// the document says, and a finding's business.)
    fn finish(self, bom: bool, once: bool) -> Result<Vec<u8>, Error> {
        let mut buf = Vec::new();
        if bom {
            buf.extend_from_slice("\u{feff}".as_bytes());
        }
        let mut w = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .from_writer(buf);
        let mut rows = self.rows.into_iter();
        if let Some(header) = rows.next() {
            w.write_record(&header)?;
        }
        let mut seen = std::collections::HashSet::new();
        for r in rows {
            if !once || seen.insert(r.clone()) {
                w.write_record(r.iter().map(|c| neutralise(c)))?;
            }
        }
        w.into_inner().map_err(|e| Error::Io(e.into_error()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        // A sign alone runs nothing: the comparison `=` stays readable.
        assert_eq!(neutralise("="), "=");
        assert_eq!(neutralise("-"), "-");
        assert_eq!(neutralise("= "), "= ");
        assert_eq!(neutralise("=SUM(A1:A2)"), "'=SUM(A1:A2)");
        assert_eq!(neutralise("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("@SUM(1)"), "'@SUM(1)");
        assert_eq!(neutralise("\t=1"), "'\t=1");
        // Plain numbers cannot run: they stay numbers.
        assert_eq!(neutralise("-3.50"), "-3.50");
        assert_eq!(neutralise("+5"), "+5");
        // Anything else is left alone.
        assert_eq!(neutralise("≥"), "≥");
        assert_eq!(neutralise("a=b"), "a=b");
        assert_eq!(neutralise(""), "");
    }
}

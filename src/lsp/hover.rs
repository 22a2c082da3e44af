//! Hover: on a figure, what it adds up to and from what; on a tier or an
//! indicator, its place in the framework; on a finding, its explanation;
//! on a unit, project or summary row, what it is and what it links to.

use crate::ast::{Amount, IndicatorGroup, Line, Number, Value};
use crate::check::arith::{self, Figure};
use crate::check::budget::{Index, Named};
use crate::check::frameworks::Framework;
use crate::check::tiers;
use crate::diag::Diagnostic;
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::project::{Group, Project};
use crate::source::FileId;

use super::locate::{self, FigureOf, Found, Owner, Parent, TotalOf};
use super::navigation::{group_of, parent_unit, project_expense_line};

/// The Markdown shown on hovering at `offset` of `file`, if anything.
pub fn hover(
    project: &Project,
    findings: &[Diagnostic],
    file: FileId,
    offset: usize,
    lang: Lang,
) -> Option<String> {
    let mut parts = Vec::new();
    for d in findings {
        let Some(span) = d.primary_span() else {
            continue;
        };
        if span.file == file && span.start() <= offset && offset <= span.end() {
            parts.push(finding(d, lang));
        }
    }
    if let Some(group) = group_of(project, file) {
        if let Some(found) = locate::find(project.document(file), offset) {
            let ctx = Ctx {
                project,
                group,
                lang,
            };
            if let Some(s) = ctx.describe(&found) {
                parts.insert(0, s);
            }
        }
    }
    (!parts.is_empty()).then(|| parts.join("\n\n---\n\n"))
}

/// A finding with its code's explanation.
fn finding(d: &Diagnostic, lang: Lang) -> String {
    let info = d.code.info();
    let mut s = format!(
        "**{}** ({}) {}\n\n{}",
        info.code,
        info.name,
        info.summary_in(lang),
        super::diagnostics::message(d, lang)
    );
    s.push_str(&format!(
        "\n\n{}\n\n*{}*",
        info.explanation_in(lang),
        crate::msg!("explain-fix", text = info.fix_in(lang)).render(lang)
    ));
    s
}

struct Ctx<'a> {
    project: &'a Project,
    group: &'a Group,
    lang: Lang,
}

impl Ctx<'_> {
    /// A catalogue message in the language of the editor.
    fn t(&self, m: Message) -> String {
        m.render(self.lang)
    }

    /// Who a figure or line belongs to (`unit 某局`, `project 某项目`).
    fn owner(&self, owner: &Owner) -> String {
        match owner {
            Owner::Unit(u) => self.t(msg!("hover-owner-unit", unit = u.name.node.as_str())),
            Owner::Project(_, p) => {
                self.t(msg!("hover-owner-project", project = p.name.node.as_str()))
            }
        }
    }

    /// The document's precision, resolved as the checker resolves it.
    fn precision(&self) -> u32 {
        crate::model::Header::resolve(&self.group.header).precision
    }

    /// A stated figure as written (`3,394.31`).
    fn show(&self, n: &Number) -> String {
        let text = &self.project.sources.get(n.span.file).text;
        match text.get(n.span.start()..n.span.end()) {
            Some(written) if !written.is_empty() => written.to_string(),
            _ => match n.value {
                Some(v) => arith::show(v, arith::decimals(n, self.precision())),
                None => "?".into(),
            },
        }
    }

    fn money(&self) -> String {
        self.group
            .header
            .money
            .as_ref()
            .map_or_else(|| "万元".to_string(), |m| m.node.clone())
    }

    /// `a + b + c = S`, and whether S agrees with `total`.
    fn sum(&self, total: Option<&Number>, parts: &[(String, &Number)]) -> String {
        let mut acc = Figure::ZERO;
        let mut terms = Vec::new();
        let mut decimals = 0;
        for (name, n) in parts {
            terms.push(format!("{name} {}", self.show(n)));
            decimals = decimals.max(arith::decimals(n, self.precision()));
            if let Some(f) = Figure::stated(n, self.precision()) {
                match acc.checked_add(f) {
                    Some(s) => acc = s,
                    None => return self.t(msg!("hover-sum-too-large")),
                }
            }
        }
        let mut shown = arith::show(acc.value, decimals);
        // Written with thousands separators: shown so too.
        if parts.iter().any(|(_, n)| self.show(n).contains(',')) {
            shown = group_thousands(&shown);
        }
        let verdict = match total.and_then(|t| Figure::stated(t, self.precision())) {
            Some(t) => match arith::compare(t, acc) {
                Some(c) if c.consistent() => format!(" {}", self.t(msg!("hover-agrees"))),
                Some(c) => format!(
                    " {}",
                    self.t(msg!(
                        "hover-differs-from",
                        stated = self.show(total.expect("stated")),
                        difference = arith::show_plain(c.difference)
                    ))
                ),
                None => String::new(),
            },
            None => String::new(),
        };
        if terms.is_empty() {
            return self.t(msg!("hover-no-figures"));
        }
        format!("{} = **{shown}**{verdict}", terms.join(" + "))
    }

    fn line_parts<'b>(&self, lines: &'b [Line]) -> Vec<(String, &'b Number)> {
        lines
            .iter()
            .filter_map(|l| l.amount.number().map(|n| (l.name.node.clone(), n)))
            .collect()
    }

    fn breakdowns(&self, total: &Amount, breakdowns: &[crate::ast::Breakdown]) -> Vec<String> {
        breakdowns
            .iter()
            .map(|b| {
                format!(
                    "- {}: {}",
                    b.dimension.node.label(),
                    self.sum(total.number(), &self.line_parts(&b.lines))
                )
            })
            .collect()
    }

    fn framework(&self) -> Option<Framework> {
        tiers::framework_for(self.project, self.group, &mut Vec::new())
    }

    fn describe(&self, found: &Found) -> Option<String> {
        let money = self.money();
        Some(match found {
            Found::Figure(n, of) => {
                let mut s = format!("**{}** {money}", self.show(n));
                match of {
                    FigureOf::Budget(u) => {
                        s.push_str(&self.t(msg!("hover-budget-of", unit = u.name.node.as_str())));
                        let b = u.budget.as_ref()?;
                        for line in self.breakdowns(&b.total, &b.breakdowns) {
                            s.push_str(&format!("\n\n{line}"));
                        }
                        if u.rollup {
                            let all = crate::model::Document::new(self.project, self.group).units;
                            let members = crate::model::rollup_members(u, &all);
                            let parts: Vec<(String, &Number)> = members
                                .iter()
                                .filter_map(|m| {
                                    m.budget
                                        .as_ref()
                                        .and_then(|b| b.total.number())
                                        .map(|n| (m.name.node.clone(), n))
                                })
                                .collect();
                            s.push_str(&format!(
                                "\n\n- {}",
                                self.t(msg!(
                                    "hover-member-units",
                                    count = members.len(),
                                    sum = self.sum(Some(n), &parts)
                                ))
                            ));
                        }
                        for row in self.rows_naming(
                            |named| matches!(named, Named::Unit(x) if std::ptr::eq(*x, *u)),
                        ) {
                            s.push_str(&format!("\n\n{row}"));
                        }
                    }
                    FigureOf::Project(u, p) => {
                        s.push_str(&self.t(msg!(
                            "hover-figure-of-project",
                            project = p.name.node.as_str(),
                            unit = u.name.node.as_str()
                        )));
                        for line in self.breakdowns(&p.amount, &p.breakdowns) {
                            s.push_str(&format!("\n\n{line}"));
                        }
                        let parts: Vec<(String, &Number)> = u
                            .projects
                            .iter()
                            .filter_map(|q| q.amount.number().map(|n| (q.name.node.clone(), n)))
                            .collect();
                        let stated = project_expense_line(u).and_then(|l| l.amount.number());
                        s.push_str(&format!(
                            "\n\n- {}",
                            self.t(msg!(
                                "hover-one-of-projects",
                                count = u.projects.len(),
                                stated = stated
                                    .map(|n| format!(" {}", self.show(n)))
                                    .unwrap_or_default(),
                                sum = self.sum(stated, &parts)
                            ))
                        ));
                    }
                    FigureOf::Line(owner, line, parent) => {
                        s.push_str(&self.t(msg!(
                            "hover-figure-of-line",
                            line = line.name.node.as_str(),
                            owner = self.owner(owner)
                        )));
                        for l in self.breakdowns(&line.amount, &line.breakdowns) {
                            s.push_str(&format!("\n\n{l}"));
                        }
                        if let Some(p) = parent {
                            s.push_str(&format!("\n\n{}", self.part_of(p)));
                        }
                        if let Owner::Unit(u) = owner {
                            if project_expense_line(u).is_some_and(|l| std::ptr::eq(l, *line)) {
                                let parts: Vec<(String, &Number)> = u
                                    .projects
                                    .iter()
                                    .filter_map(|q| {
                                        q.amount.number().map(|n| (q.name.node.clone(), n))
                                    })
                                    .collect();
                                s.push_str(&format!(
                                    "\n\n- {}",
                                    self.t(msg!(
                                        "hover-its-projects",
                                        count = u.projects.len(),
                                        sum = self.sum(Some(n), &parts)
                                    ))
                                ));
                            }
                        }
                    }
                    FigureOf::SummaryRow(summary, row) => {
                        s.push_str(&self.t(msg!(
                            "hover-figure-of-row",
                            row = row.name.node.as_str(),
                            summary = summary.name.node.as_str()
                        )));
                        s.push_str(&format!("\n\n{}", self.row_target(row)));
                    }
                    FigureOf::SummaryTotal(summary) => {
                        s.push_str(&self.t(msg!(
                            "hover-summary-total",
                            summary = summary.name.node.as_str(),
                            count = summary.rows.len()
                        )));
                    }
                }
                s
            }
            Found::Line(owner, line, parent) => {
                let mut s = self.t(msg!(
                    "hover-line",
                    line = line.name.node.as_str(),
                    owner = self.owner(owner)
                ));
                if let Some(n) = line.amount.number() {
                    s.push_str(&format!(": {} {money}", self.show(n)));
                }
                if let Some(p) = parent {
                    s.push_str(&format!("\n\n{}", self.part_of(p)));
                }
                s
            }
            Found::Unit(u) => {
                let mut s = self.t(msg!(
                    "hover-unit",
                    rollup = yes_no(u.rollup),
                    has_code = yes_no(u.code.is_some()),
                    code = u.code.as_ref().map(|c| c.node.clone()).unwrap_or_default(),
                    unit = u.name.node.as_str()
                ));
                if let Some(n) = u.budget.as_ref().and_then(|b| b.total.number()) {
                    s.push_str(&format!(
                        "\n\n{}",
                        self.t(msg!(
                            "hover-unit-budget",
                            amount = self.show(n),
                            money = money.as_str()
                        ))
                    ));
                }
                if let Some(p) = &u.parent {
                    s.push_str(&format!(
                        "\n\n{}",
                        self.t(msg!("hover-unit-parent", parent = p.node.as_str()))
                    ));
                }
                if !u.projects.is_empty() {
                    s.push_str(&format!(
                        "\n\n{}",
                        self.t(msg!("hover-unit-projects", count = u.projects.len()))
                    ));
                }
                for row in self
                    .rows_naming(|named| matches!(named, Named::Unit(x) if std::ptr::eq(*x, *u)))
                {
                    s.push_str(&format!("\n\n{row}"));
                }
                s
            }
            Found::Project(u, p) => {
                let mut s = self.t(msg!(
                    "hover-project",
                    project = p.name.node.as_str(),
                    unit = u.name.node.as_str()
                ));
                if let Some(n) = p.amount.number() {
                    s.push_str(&format!(": {} {money}", self.show(n)));
                }
                s
            }
            Found::Parent(_, name) => match parent_unit(self.project, self.group, &name.node) {
                Some(u) => {
                    let budget = u.budget.as_ref().and_then(|b| b.total.number());
                    self.t(msg!(
                        "hover-parent",
                        unit = u.name.node.as_str(),
                        has_budget = yes_no(budget.is_some()),
                        budget = budget
                            .map(|n| format!("{} {money}", self.show(n)))
                            .unwrap_or_default()
                    ))
                }
                None => self.t(msg!("hover-parent-unknown", parent = name.node.as_str())),
            },
            Found::SummaryRow(summary, row) => format!(
                "{}\n\n{}",
                self.t(msg!(
                    "hover-row",
                    row = row.name.node.as_str(),
                    summary = summary.name.node.as_str()
                )),
                self.row_target(row)
            ),
            Found::Tier(_, path) => self.tier(path),
            Found::Indicator(_, path, i) => {
                let tiers: Vec<&str> = path.iter().map(|g| g.name.node.as_str()).collect();
                let mut s = self.t(msg!(
                    "hover-indicator",
                    indicator = i.name.node.as_str(),
                    has_tiers = yes_no(!tiers.is_empty()),
                    tiers = tiers.join(" › "),
                    has_framework = yes_no(self.framework().is_some()),
                    framework = self.framework().map(|fw| fw.name).unwrap_or_default()
                ));
                let mut target = String::new();
                if let Some(k) = &i.kind {
                    target.push_str(match k.node {
                        crate::ast::Kind::Qualitative => "定性 ",
                        crate::ast::Kind::Quantitative => "定量 ",
                    });
                }
                if let Some(c) = &i.comparison {
                    target.push_str(c.node.symbol());
                    target.push(' ');
                }
                if let Some(v) = &i.value {
                    target.push_str(&match &v.node {
                        Value::Quantity(q) => format!(
                            "{}{}",
                            q.number.value.map(|d| d.to_string()).unwrap_or_default(),
                            q.unit
                                .as_ref()
                                .map(|u| format!(" {}", u.node))
                                .unwrap_or_default()
                        ),
                        Value::Range(a, b) => format!(
                            "{} .. {}{}",
                            a.number.value.map(|d| d.to_string()).unwrap_or_default(),
                            b.number.value.map(|d| d.to_string()).unwrap_or_default(),
                            b.unit
                                .as_ref()
                                .map(|u| format!(" {}", u.node))
                                .unwrap_or_default()
                        ),
                        // A time without its year is the budget year's.
                        Value::Date(d) => d.iso(self.group.header.year.as_ref().map(|y| y.node)),
                        Value::Text(t) => format!("\"{t}\""),
                        Value::Mark(m) => m.text().to_string(),
                    });
                }
                if !target.trim().is_empty() {
                    s.push_str(&format!(
                        "\n\n{}",
                        self.t(msg!("hover-target", target = target.trim()))
                    ));
                }
                // The words written with the value, which the reading above
                // comes from (`95%以上` is ≥ 95 %).
                let words: Vec<&str> = i
                    .qualifiers
                    .iter()
                    .filter(|q| q.place != crate::ast::Place::Sign)
                    .map(|q| q.text.as_str())
                    .collect();
                if !words.is_empty() {
                    if let Some(w) = i.written.map(|w| self.project.sources.text(w)) {
                        s.push_str(&format!(
                            " {}",
                            self.t(msg!("hover-written", written = w, words = words.join(" ")))
                        ));
                    }
                }
                s
            }
            Found::Include(inc) => self.t(msg!("hover-include", file = inc.node.as_str())),
        })
    }

    /// How a line stands in the breakdown that holds it.
    fn part_of(&self, p: &Parent) -> String {
        format!(
            "- {}",
            self.t(msg!(
                "hover-part-of",
                total = match p.total_of {
                    TotalOf::Budget => msg!("hover-the-budget"),
                    TotalOf::Project => msg!("hover-the-project"),
                    TotalOf::Line(name) => msg!("hover-line-named", line = name),
                },
                dimension = p.breakdown.dimension.node.label(),
                sum = self.sum(p.total.number(), &self.line_parts(&p.breakdown.lines))
            ))
        )
    }

    /// The summary rows of the document that name what `pred` accepts.
    fn rows_naming(&self, pred: impl Fn(&Named) -> bool) -> Vec<String> {
        let units = crate::model::Document::new(self.project, self.group).units;
        let index = Index::new(&units);
        let mut out = Vec::new();
        for f in &self.group.files {
            for s in &self.project.document(*f).summaries {
                for row in &s.rows {
                    if index.find(row).is_some_and(|n| pred(&n)) {
                        let serial = row
                            .serial
                            .as_ref()
                            .map(|s| format!("#{} ", s.node))
                            .unwrap_or_default();
                        let amount = row
                            .amount
                            .number()
                            .map(|n| self.show(n))
                            .unwrap_or_default();
                        out.push(self.t(msg!(
                            "hover-named-by-row",
                            summary = s.name.node.as_str(),
                            row = format!("{serial}{} {amount}", row.name.node)
                        )));
                    }
                }
            }
        }
        out
    }

    /// What a summary row reconciles with.
    fn row_target(&self, row: &crate::ast::SummaryRow) -> String {
        let units = crate::model::Document::new(self.project, self.group).units;
        let index = Index::new(&units);
        match index.find(row) {
            Some(Named::Unit(u)) => {
                let own = u.budget.as_ref().and_then(|b| b.total.number());
                let verdict = match (row.amount.number(), own) {
                    (Some(r), Some(o)) => {
                        let p = self.precision();
                        match (Figure::stated(r, p), Figure::stated(o, p)) {
                            (Some(a), Some(b)) => match arith::compare(a, b) {
                                Some(c) if c.consistent() => {
                                    format!(" {}", self.t(msg!("hover-agrees")))
                                }
                                Some(c) => format!(
                                    " {}",
                                    self.t(msg!(
                                        "hover-differs-by",
                                        difference = arith::show_plain(c.difference)
                                    ))
                                ),
                                None => String::new(),
                            },
                            _ => String::new(),
                        }
                    }
                    _ => String::new(),
                };
                match own {
                    Some(n) => self.t(msg!(
                        "hover-names-unit",
                        unit = u.name.node.as_str(),
                        budget = self.show(n),
                        verdict = verdict
                    )),
                    None => self.t(msg!(
                        "hover-names-unit-no-budget",
                        unit = u.name.node.as_str()
                    )),
                }
            }
            Some(Named::Project(p)) => self.t(msg!(
                "hover-names-project",
                project = p.name.node.as_str(),
                has_amount = yes_no(p.amount.number().is_some()),
                amount = p.amount.number().map(|n| self.show(n)).unwrap_or_default()
            )),
            None => self.t(msg!("hover-names-nothing")),
        }
    }

    /// A tier's place in the framework.
    fn tier(&self, path: &[&IndicatorGroup]) -> String {
        let Some(g) = path.last() else {
            return String::new();
        };
        let name = &g.name.node;
        let Some(fw) = self.framework() else {
            return self.t(msg!("hover-tier-no-framework", tier = name.as_str()));
        };
        match path.len() {
            1 => match fw.tier1(name) {
                Some(t) => self.t(msg!(
                    "hover-tier1",
                    tier = name.as_str(),
                    canonical = t.canonical(),
                    framework = fw.name.as_str(),
                    required = yes_no(t.required),
                    children = crate::i18n::Arg::comma(t.children.iter().map(|c| c.canonical()))
                )),
                None => match fw.parent_of(name) {
                    Some(p) => self.t(msg!(
                        "hover-tier2-not-tier1",
                        tier = name.as_str(),
                        framework = fw.name.as_str(),
                        parent = p.canonical()
                    )),
                    None => self.t(msg!(
                        "hover-not-tier1",
                        tier = name.as_str(),
                        framework = fw.name.as_str(),
                        tiers = crate::i18n::Arg::comma(fw.tiers.iter().map(|t| t.canonical()))
                    )),
                },
            },
            2 => {
                let parent = &path[0].name.node;
                match fw
                    .tier1(parent)
                    .and_then(|t1| fw.tier2(t1, name).map(|t2| (t1, t2)))
                {
                    Some((t1, t2)) => self.t(msg!(
                        "hover-tier2",
                        tier = name.as_str(),
                        canonical = t2.canonical(),
                        parent = t1.canonical(),
                        framework = fw.name.as_str()
                    )),
                    None => match fw.parent_of(name) {
                        Some(p) => self.t(msg!(
                            "hover-tier2-elsewhere",
                            tier = name.as_str(),
                            framework = fw.name.as_str(),
                            parent = p.canonical()
                        )),
                        None => self.t(msg!(
                            "hover-not-tier2",
                            tier = name.as_str(),
                            parent = parent.as_str(),
                            framework = fw.name.as_str()
                        )),
                    },
                }
            }
            _ => self.t(msg!("hover-below-tier2", tier = name.as_str())),
        }
    }
}

/// A Fluent selector's key for a yes-or-no choice.
fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// `12877.75` as `12,877.75`.
fn group_thousands(s: &str) -> String {
    let (sign, rest) = match s.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", s),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands() {
        assert_eq!(super::group_thousands("12877.75"), "12,877.75");
        assert_eq!(super::group_thousands("-1234567"), "-1,234,567");
        assert_eq!(super::group_thousands("999.5"), "999.5");
    }
}

//! The city corpus, examples/yueyang-2024 (seed 004): is the transcription
//! faithful, and what does the checker find in it?
//!
//! - Every unit's code, 资金总额 and parts by income and expense nature agree
//!   with `data/units.tsv`, the list `data/extract_units.py` extracts from the
//!   seed (rows marked `?` there are compared only where the list is certain).
//! - Every unit's total agrees with its row of the summary table as extracted
//!   (`data/summary-rows.tsv`), except the two rows where the seed itself
//!   disagrees with the unit's table.
//! - The checker's findings (code and message, in order) are exactly those
//!   pinned in `tests/expected/yueyang-2024.findings`, each with where it stands
//!   in the seed and what is wrong there. After a deliberate change, rewrite
//!   the first two columns with `JIXIAO_BLESS=1 cargo test --test yueyang`
//!   (the seed line and note of an unchanged finding are kept; a new finding
//!   gets empty ones, to be filled in by hand).

mod common;

use jixiao::ast::{Amount, Dimension, Unit};
use jixiao::Project;
use rust_decimal::Decimal;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn corpus() -> PathBuf {
    root().join("examples").join("yueyang-2024")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A TSV file with a header line, as maps from column name to cell.
fn tsv(path: &Path) -> Vec<HashMap<String, String>> {
    let text = read(path);
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .expect("a header line")
        .split('\t')
        .map(str::to_string)
        .collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), header.len(), "{}: {l}", path.display());
            header
                .iter()
                .cloned()
                .zip(cells.iter().map(|c| c.to_string()))
                .collect()
        })
        .collect()
}

fn amount(text: &str) -> Decimal {
    Decimal::from_str(&text.replace(',', "")).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

fn show(value: Option<Decimal>) -> String {
    value.map_or_else(|| "blank".to_string(), |v| v.to_string())
}

fn load() -> Project {
    common::check_paths(&[&corpus()]).0
}

/// Every unit of the corpus, rollups included, in source order.
fn units(project: &Project) -> Vec<&Unit> {
    fn walk<'a>(unit: &'a Unit, out: &mut Vec<&'a Unit>) {
        out.push(unit);
        for child in &unit.children {
            walk(child, out);
        }
    }
    let mut out = Vec::new();
    for group in &project.groups {
        for file in &group.files {
            for unit in &project.document(*file).units {
                walk(unit, &mut out);
            }
        }
    }
    out
}

/// The columns of a unit table that the corpus writes as breakdown lines.
const INCOME: [&str; 4] = [
    "一般公共预算",
    "政府性基金拨款",
    "财政专户管理资金",
    "其他资金",
];
const EXPENSE: [&str; 2] = ["基本支出", "项目支出"];

/// A unit's 资金总额 and its income and expense parts, by column name; a part
/// written `-` or not written at all is blank (None).
fn figures(unit: &Unit, problems: &mut Vec<String>) -> HashMap<&'static str, Option<Decimal>> {
    let mut out: HashMap<&'static str, Option<Decimal>> = HashMap::new();
    for c in INCOME.iter().chain(EXPENSE.iter()) {
        out.insert(c, None);
    }
    let Some(budget) = &unit.budget else {
        problems.push(format!("{}: no budget", unit.name.node));
        return out;
    };
    out.insert("资金总额", budget.total.value());
    for b in &budget.breakdowns {
        let columns: &[&'static str] = match b.dimension.node {
            Dimension::Income => &INCOME,
            Dimension::Expense => &EXPENSE,
            _ => continue,
        };
        for line in &b.lines {
            match columns.iter().find(|c| **c == line.name.node) {
                Some(c) => {
                    let v = match line.amount {
                        Amount::Figure(_) => line.amount.value(),
                        Amount::Blank(_) | Amount::Mark(..) => None,
                    };
                    out.insert(c, v);
                }
                None => problems.push(format!(
                    "{}: {} line {} is not a column of the unit tables",
                    unit.name.node,
                    b.dimension.node.label(),
                    line.name.node
                )),
            }
        }
    }
    out
}

#[test]
fn units_agree_with_the_list_extracted_from_the_seed() {
    let project = load();
    let list = tsv(&corpus().join("data").join("units.tsv"));
    let mut problems = Vec::new();
    let mut by_code: HashMap<String, &Unit> = HashMap::new();
    for unit in units(&project) {
        if unit.rollup {
            continue;
        }
        match &unit.code {
            None => problems.push(format!("{}: no unit code", unit.name.node)),
            Some(code) => {
                if by_code.insert(code.node.clone(), unit).is_some() {
                    problems.push(format!("code {} is given to two units", code.node));
                }
            }
        }
    }
    let mut compared = 0;
    for row in &list {
        let code = &row["code"];
        let Some(unit) = by_code.remove(code) else {
            problems.push(format!(
                "{code} {} (seed line {}) is not in the corpus",
                row["name"], row["seed_line"]
            ));
            continue;
        };
        let certain = match row["confidence"].as_str() {
            "ok" => true,
            "?" => false,
            other => panic!("{code}: confidence {other:?}"),
        };
        let have = figures(unit, &mut problems);
        for column in ["资金总额"]
            .iter()
            .chain(INCOME.iter())
            .chain(EXPENSE.iter())
        {
            let cell = row[*column].as_str();
            // In a `?` row an empty cell means "not decided", not "blank".
            if cell.is_empty() && !certain {
                continue;
            }
            let want = (!cell.is_empty()).then(|| amount(cell));
            let got = have.get(column).copied().flatten();
            compared += 1;
            if want != got {
                problems.push(format!(
                    "{code} {} (seed line {}): {column} is {} in the corpus, {} in the seed",
                    unit.name.node,
                    row["seed_line"],
                    show(got),
                    show(want)
                ));
            }
        }
    }
    for (code, unit) in by_code {
        problems.push(format!(
            "{code} {} is in the corpus but not in data/units.tsv",
            unit.name.node
        ));
    }
    assert!(
        problems.is_empty(),
        "the corpus and data/units.tsv disagree:\n  {}",
        problems.join("\n  ")
    );
    assert_eq!(list.len(), 67, "the excerpt holds 67 unit tables");
    assert!(compared > 67 * 6, "only {compared} figures compared");
}

/// A name with its trailing 本级 (own level) removed.
fn bare(name: &str) -> &str {
    name.strip_suffix("本级").unwrap_or(name)
}

#[test]
fn unit_totals_agree_with_the_summary_table() {
    let project = load();
    let extracted = tsv(&corpus().join("data").join("summary-rows.tsv"));
    let summaries: Vec<_> = project
        .documents
        .iter()
        .flat_map(|d| d.summaries.iter())
        .collect();
    assert_eq!(summaries.len(), 1, "one summary table");
    let summary = summaries[0];

    // summary.jx is the extracted table, row for row (the codes it adds to
    // five rows are not in the seed, so not in the TSV).
    let published: Vec<_> = extracted.iter().filter(|r| r["serial"] != "合计").collect();
    assert_eq!(summary.rows.len(), published.len(), "summary rows");
    for (row, tsv_row) in summary.rows.iter().zip(&published) {
        let serial = row.serial.as_ref().map(|s| s.node.as_str()).unwrap_or("");
        assert_eq!(serial, tsv_row["serial"], "serial of {}", row.name.node);
        assert_eq!(row.name.node, tsv_row["name"], "name of row {serial}");
        assert_eq!(
            row.amount.value(),
            Some(amount(&tsv_row["amount"])),
            "amount of row {serial}"
        );
    }
    let total = extracted.iter().find(|r| r["serial"] == "合计").unwrap();
    assert_eq!(
        summary.total.and_then(|t| t.value()),
        Some(amount(&total["amount"]))
    );

    // Each unit against the row that names it: by code where the row has
    // one, else by name (a trailing 本级 on either side ignored).
    let mut problems = Vec::new();
    let mut differences = Vec::new();
    for unit in units(&project) {
        let code = unit.code.as_ref().map(|c| c.node.as_str());
        let matches: Vec<_> = summary
            .rows
            .iter()
            .zip(&published)
            .filter(|(row, _)| match &row.code {
                Some(c) => Some(c.node.as_str()) == code,
                None => bare(&row.name.node) == bare(&unit.name.node),
            })
            .collect();
        let [(row, tsv_row)] = matches[..] else {
            problems.push(format!(
                "{} is named by {} summary rows",
                unit.name.node,
                matches.len()
            ));
            continue;
        };
        let serial = &tsv_row["serial"];
        let stated = amount(&tsv_row["amount"]);
        let own = unit.budget.as_ref().and_then(|b| b.total.value());
        if own != Some(stated) {
            differences.push(format!(
                "{serial} {}: summary {stated}, unit table {}",
                row.name.node,
                show(own)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Two genuine defects of the seed: the summary row and the unit's own
    // table disagree (seed lines 185 / 1408 and 193 / 1582).
    assert_eq!(
        differences,
        [
            "19 岳阳市农业农村局: summary 2602.61, unit table 2602.01",
            "20-1 岳阳市铁山供水工程事务中心: summary 4947.17, unit table 4947.14",
        ]
    );
}

const FINDINGS: &str = "tests/expected/yueyang-2024.findings";

/// One pinned finding: `CODE<TAB>message<TAB>seed line<TAB>note`.
struct Pinned {
    key: String,
    rest: String,
}

fn pinned(text: &str) -> (Vec<String>, Vec<Pinned>) {
    let mut preamble = Vec::new();
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            if out.is_empty() {
                preamble.push(line.to_string());
            }
            continue;
        }
        let cells: Vec<&str> = line.splitn(4, '\t').collect();
        assert!(cells.len() == 4, "{FINDINGS}: not four columns: {line}");
        out.push(Pinned {
            key: format!("{}\t{}", cells[0], cells[1]),
            rest: format!("{}\t{}", cells[2], cells[3]),
        });
    }
    (preamble, out)
}

/// The longest common subsequence of two lists, as pairs of indices.
fn lcs(a: &[String], b: &[String]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let mut t = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            t[i][j] = if a[i] == b[j] {
                t[i + 1][j + 1] + 1
            } else {
                t[i + 1][j].max(t[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n && j < m {
        if a[i] == b[j] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if t[i + 1][j] >= t[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[test]
fn findings_are_pinned() {
    let (project, diags) = common::check_paths(&[&corpus()]);
    let found: Vec<String> = diags
        .iter()
        .map(|d| {
            assert!(
                !d.message
                    .render(jixiao::i18n::Lang::En)
                    .contains(['\t', '\n']),
                "a message with a tab or a line break: {:?}",
                d.message.render(jixiao::i18n::Lang::En)
            );
            format!("{}\t{}", d.code, d.message.render(jixiao::i18n::Lang::En))
        })
        .collect();
    let path = root().join(FINDINGS);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let (preamble, pins) = pinned(&text);
    let keys: Vec<String> = pins.iter().map(|p| p.key.clone()).collect();
    let common_lines = lcs(&keys, &found);

    if std::env::var_os("JIXIAO_BLESS").is_some() && keys != found {
        let kept: HashMap<usize, usize> = common_lines.iter().map(|&(i, j)| (j, i)).collect();
        let mut out = preamble.join("\n");
        if !out.is_empty() {
            out.push('\n');
        }
        for (j, f) in found.iter().enumerate() {
            let rest = kept.get(&j).map_or("\t", |&i| pins[i].rest.as_str());
            out.push_str(&format!("{f}\t{rest}\n"));
        }
        std::fs::write(&path, out).unwrap();
        return;
    }

    if keys != found {
        // A readable diff: every pinned finding that is no longer found (-)
        // and every finding that is not pinned (+), with its place.
        let mut report = Vec::new();
        let (mut i, mut j) = (0, 0);
        for &(ci, cj) in common_lines
            .iter()
            .chain([(keys.len(), found.len())].iter())
        {
            while i < ci {
                report.push(format!("- [pinned #{}] {}", i + 1, keys[i]));
                i += 1;
            }
            while j < cj {
                let d = &diags[j];
                let place = d
                    .primary_span()
                    .map(|s| {
                        let file = project.sources.get(s.file);
                        format!("{}:{}", file.name, file.line_col(s.start()).0)
                    })
                    .unwrap_or_default();
                report.push(format!("+ [{place}] {}", found[j]));
                j += 1;
            }
            i += 1;
            j += 1;
        }
        panic!(
            "the findings of examples/yueyang-2024 differ from {FINDINGS} \
             (- pinned but not found, + found but not pinned; {} pinned, {} found):\n{}\n\
             If the change is intended: JIXIAO_BLESS=1 cargo test --test yueyang, \
             then fill in the seed line and note of each new finding.",
            keys.len(),
            found.len(),
            report.join("\n")
        );
    }
    // Every pin says where it stands in the seed and what is wrong there.
    for p in &pins {
        let (line, note) = p.rest.split_once('\t').unwrap();
        assert!(
            !line.is_empty() && !note.is_empty(),
            "{FINDINGS}: no seed line or note for {}",
            p.key
        );
    }
}

//! The backends (`jixiao build --format json|csv|html|xlsx`).
//!
//! Every backend's output for every example is pinned by a snapshot (the
//! XLSX as read back: sheets, frozen panes, column widths, merged ranges and
//! every cell with its number format). The examples are rendered from the
//! model the checker resolves but with no diagnostics, so that these
//! snapshots show the layouts and do not change when a finding changes; how
//! findings are shown is tested on its own with a diagnostic made here. The CLI tests cover `-o -`, `--bom`, atomic writes
//! and byte-identical output across runs.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use jixiao::ast::{Breakdown, Line};
use jixiao::check;
use jixiao::diag::Diagnostic;
use jixiao::emit::{self, Format, Options, Output};
use jixiao::{Input, Project};

const EXAMPLES: [&str; 4] = [
    "yuntian-2023",
    "shifeng-2020",
    "xiangyin-2023",
    "yueyang-2024",
];
const FIXTURES: [&str; 3] = ["escape", "pages", "forms"];

fn example_path(name: &str) -> String {
    format!("examples/{name}")
}

fn fixture_path(name: &str) -> String {
    format!("tests/browser/fixtures/{name}.jx")
}

/// Load (tests run at the crate root, so paths stay relative).
fn load(path: &str) -> Project {
    jixiao::load(&[Input::Path(PathBuf::from(path))]).expect("loads")
}

fn model(project: &Project) -> check::Checked<'_> {
    check::run(project, &check::Options::default())
}

/// Build from the model the checker resolves, with the diagnostics given
/// (not the run's: see the module comment).
fn build(project: &Project, diags: &[Diagnostic], format: Format, name: &str) -> Vec<Output> {
    emit::build(
        &model(project).model,
        diags,
        format,
        &Options::default(),
        &[name.to_string()],
    )
    .expect("builds")
}

fn text(o: &Output) -> String {
    String::from_utf8(o.bytes.clone()).expect("UTF-8")
}

fn each(f: impl Fn(&str, &str)) {
    for e in EXAMPLES {
        f(e, &example_path(e));
    }
    for x in FIXTURES {
        f(x, &fixture_path(x));
    }
}

// ------------------------------------------------------------ snapshots

#[test]
fn json_snapshots() {
    each(|name, path| {
        let project = load(path);
        let out = build(&project, &[], Format::Json, name);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].name, format!("{name}.json"));
        let s = text(&out[0]);
        let v: serde_json::Value = serde_json::from_str(&s).expect("valid JSON");
        assert_eq!(v["jixiao_model"], "1");
        insta::assert_snapshot!(format!("json@{name}"), s);
    });
}

#[test]
fn csv_snapshots() {
    each(|name, path| {
        let project = load(path);
        let out = build(&project, &[], Format::Csv, name);
        let names: Vec<&str> = out.iter().map(|o| o.name.as_str()).collect();
        let mut want = vec![
            format!("{name}.indicators.csv"),
            format!("{name}.budget.csv"),
        ];
        // A document without projects has no projects file.
        let projects = project
            .documents
            .iter()
            .flat_map(|d| d.units.iter())
            .any(|u| !u.projects.is_empty());
        if projects {
            want.push(format!("{name}.projects.csv"));
        }
        assert_eq!(names, want);
        for o in &out {
            let s = text(o);
            assert!(!s.starts_with('\u{feff}'), "no BOM unless asked");
            assert!(s.ends_with("\r\n"), "{}: CRLF line ends", o.name);
            let table = o.name.trim_start_matches(name).trim_matches('.');
            insta::assert_snapshot!(format!("csv@{name}.{table}"), s.replace("\r\n", "\n"));
        }
    });
}

#[test]
fn html_snapshots() {
    each(|name, path| {
        let project = load(path);
        let out = build(&project, &[], Format::Html, name);
        assert_eq!(out.len(), 1, "one document: no index page");
        assert_eq!(out[0].name, format!("{name}.html"));
        insta::assert_snapshot!(format!("html@{name}"), text(&out[0]));
    });
}

#[test]
fn xlsx_read_back() {
    each(|name, path| {
        let project = load(path);
        let out = build(&project, &[], Format::Xlsx, name);
        assert_eq!(out[0].name, format!("{name}.xlsx"));
        insta::assert_snapshot!(format!("xlsx@{name}"), xlsx_dump(&out[0].bytes));
    });
}

// ------------------------------------------------------------ properties

/// The official layout of seed 001's unit table: 一级 and 二级 merged.
#[test]
fn html_merges_tiers_with_rowspan() {
    let project = load(&example_path("yuntian-2023"));
    let html = text(&build(&project, &[], Format::Html, "yuntian-2023")[0]);
    assert!(html.contains(r#"<td class="ctr t1" rowspan="7">产出指标</td>"#));
    assert!(html.contains(r#"<td class="ctr t2" rowspan="3">质量指标</td>"#));
    assert!(html.contains("金额单位：万元"));
    assert!(html.contains(r#"<td class="amtl total" colspan="3">1,056.40</td>"#));
    // Self-contained: nothing is loaded from elsewhere.
    for needle in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!html.contains(needle), "found {needle}");
    }
    // Print-ready.
    for needle in [
        "@page { size: A4 landscape",
        "counter(page)",
        "tr { break-inside: avoid",
        "thead { display: table-header-group",
        "break-before: page",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
    // The unit's table does not fit one page: its first page is planned,
    // and the pages after it are named pages that say 续表 and the unit.
    assert!(html.contains(r#"<div class="cont" style="page: c0">"#));
    assert!(html.contains(r#"@page c0 { @top-left { content: "续表　株洲市石峰区云田镇人民政府";"#));
}

/// Thousands separators and the document's precision.
#[test]
fn amounts_are_grouped_to_the_precision() {
    let project = load(&example_path("yueyang-2024"));
    let html = text(&build(&project, &[], Format::Html, "yueyang-2024")[0]);
    assert!(html.contains(">336,103.54</td>"), "the summary total");
    assert!(html.contains(">12,877.75</td>"));
}

#[test]
fn markup_is_printed_as_text() {
    let project = load(&fixture_path("escape"));
    let html = text(&build(&project, &[], Format::Html, "escape")[0]);
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "a script element");
    for tag in ["<img", "<i>", "<u>", "<b>", "</table><"] {
        assert!(!lower.contains(tag), "an element {tag}");
    }
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(3)"));
    assert!(html.contains("&#39;quoted&#39; &amp; &quot;double&quot;"));
    assert!(html.contains("<title>&lt;b&gt;转义&lt;/b&gt; &amp; &quot;测试&quot;</title>"));
}

#[test]
fn csv_cells_cannot_run() {
    let project = load(&fixture_path("escape"));
    let out = build(&project, &[], Format::Csv, "escape");
    let cells = |i: usize| -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(&out[i].bytes[..])
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    };
    let all: Vec<String> = (0..out.len()).flat_map(cells).flatten().collect();
    for c in &all {
        let alone = c.chars().count() == 1;
        let runs = !alone
            && (c.starts_with(['=', '+', '@'])
                || (c.starts_with('-') && c.parse::<f64>().is_err()));
        assert!(!runs, "a cell Excel could run: {c:?}");
    }
    // The comparison `=` alone runs nothing: it is left readable.
    assert!(all.iter().any(|c| c == "="), "the comparison `=`");
    assert!(!all.iter().any(|c| c == "'="), "`=` neutralised");
    for expected in [
        "'=HYPERLINK(\"http://example.invalid\",\"点击\")",
        "'@SUM(1+1)",
        "'-2+3",
        "'+1 项",
        "'=cmd|' /C calc'!A0",
        "<script>alert(1)</script>",
    ] {
        assert!(all.iter().any(|c| c == expected), "no cell {expected:?}");
    }
}

/// A fact stated in several tables is one row: seed 002 states its
/// 一般公共预算拨款 of 508.93 in five tables. The header row can be in
/// Chinese.
#[test]
fn csv_rows_are_facts() {
    let project = load(&example_path("shifeng-2020"));
    let out = build(&project, &[], Format::Csv, "shifeng-2020");
    let budget = text(&out[1]);
    let rows: Vec<&str> = budget.lines().collect();
    let mut seen = std::collections::HashSet::new();
    for r in &rows {
        assert!(seen.insert(*r), "a row twice: {r}");
    }
    assert_eq!(
        rows.iter()
            .filter(|r| r.contains(",budget,income,,,一般公共预算拨款,508.93,"))
            .count(),
        1
    );
    let zh = emit::build(
        &model(&project).model,
        &[],
        Format::Csv,
        &Options {
            lang: jixiao::i18n::Lang::Zh,
            ..Options::default()
        },
        &["s".into()],
    )
    .unwrap();
    let header = text(&zh[0]);
    assert!(
        header.starts_with("单位代码,单位,项目,一级指标,二级指标,三级指标,"),
        "{}",
        &header[..80]
    );
    assert_eq!(
        text(&zh[1]).lines().count(),
        rows.len(),
        "only the header differs"
    );
}

#[test]
fn csv_bom_on_request() {
    let project = load(&fixture_path("pages"));
    let out = emit::build(
        &model(&project).model,
        &[],
        Format::Csv,
        &Options {
            bom: true,
            ..Options::default()
        },
        &["pages".into()],
    )
    .unwrap();
    for o in out {
        assert!(o.bytes.starts_with(b"\xEF\xBB\xBF"), "{}", o.name);
    }
}

/// The XLSX: a sheet per table, merged tiers, numbers with `#,##0.00`,
/// frozen header rows, print titles.
#[test]
fn xlsx_layout() {
    let project = load(&example_path("yuntian-2023"));
    let bytes = &build(&project, &[], Format::Xlsx, "yuntian-2023")[0].bytes;
    let book = read_xlsx(bytes);
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "株洲市石峰区云田镇人民政府",
            "2023年区级专项资金绩效目标汇总表",
            "城乡环境连片整治专项",
            "社区经费",
            "业务性专用经费",
            "微民生网格事件办理",
        ]
    );
    let unit = &book.sheets[0];
    // 资金总额 1,056.40 is a number.
    let label = unit.cells.iter().find(|c| c.text == "资金总额").unwrap();
    let row: u32 = label.r[1..].parse().unwrap();
    let total = unit
        .cells
        .iter()
        .find(|c| c.r[1..] == row.to_string() && c.number.is_some())
        .unwrap();
    assert_eq!(total.number, Some(1056.4));
    assert_eq!(total.format.as_deref(), Some("#,##0.00"));
    // 产出指标 spans its seven rows, as the HTML's rowspan.
    let t1 = unit.cells.iter().find(|c| c.text == "产出指标").unwrap();
    let row: u32 = t1.r[1..].parse().unwrap();
    let col = &t1.r[..1];
    assert!(unit
        .merges
        .contains(&format!("{col}{row}:{col}{}", row + 6)));
    assert!(unit.freeze.is_some());
    // The page of small units freezes down to the grid's column header.
    let project = load(&fixture_path("pages"));
    let bytes = &build(&project, &[], Format::Xlsx, "pages")[0].bytes;
    let book = read_xlsx(bytes);
    assert_eq!(book.sheets.len(), 3);
    let s = &book.sheets[0];
    let header = s.cells.iter().find(|c| c.text == "一级指标").unwrap();
    // The header cell is merged down to the grid's last header row.
    let last: u32 = s
        .merges
        .iter()
        .find_map(|m| m.strip_prefix(&format!("{}:", header.r)))
        .map_or(&header.r[1..], |end| &end[1..])
        .parse()
        .unwrap();
    assert_eq!(s.freeze.as_deref(), Some(format!("A{}", last + 1).as_str()));
}

// ------------------------------------------------------------ tiers

/// The 一级 and 二级 cells of the row showing `indicator`, in the CSV, the
/// HTML and the XLSX of a document.
fn tier_cells(project: &Project, indicator: &str) -> [(String, String); 3] {
    let csv_out = build(project, &[], Format::Csv, "t");
    let row = csv::ReaderBuilder::new()
        .from_reader(&csv_out[0].bytes[..])
        .records()
        .map(|r| r.unwrap())
        .find(|r| &r[5] == indicator)
        .expect("a CSV row");
    let from_csv = (row[3].to_string(), row[4].to_string());

    let html = text(&build(project, &[], Format::Html, "t")[0]);
    let at = html
        .find(&format!(r#"<td class="txt ind">{indicator}</td>"#))
        .expect("an HTML row");
    let start = html[..at].rfind("<tr").unwrap();
    let cell = |class: &str| {
        let open = format!(r#"<td class="ctr {class}""#);
        let i = html[start..at].find(&open)? + start;
        let j = html[i..].find('>')? + i + 1;
        let k = html[j..].find("</td>")? + j;
        Some(html[j..k].to_string())
    };
    // A tier cell merged over earlier rows is not repeated in this one.
    let from_html = (
        cell("t1").unwrap_or_else(|| "(merged)".into()),
        cell("t2").unwrap_or_else(|| "(merged)".into()),
    );

    let book = read_xlsx(&build(project, &[], Format::Xlsx, "t")[0].bytes);
    let sheet = book
        .sheets
        .iter()
        .find(|s| s.cells.iter().any(|c| c.text == indicator))
        .expect("a sheet with the indicator");
    let r = &sheet.cells.iter().find(|c| c.text == indicator).unwrap().r[1..];
    // The tiers' columns: under the 一级指标 and 二级指标 headers.
    let column = |header: &str| {
        let c = sheet.cells.iter().find(|c| c.text == header).unwrap();
        c.r.trim_end_matches(|x: char| x.is_ascii_digit())
            .to_string()
    };
    let at = |col: String| {
        let name = format!("{col}{r}");
        sheet
            .cells
            .iter()
            .find(|c| c.r == name)
            .map(|c| c.text.clone())
            .unwrap_or_default()
    };
    [
        from_csv,
        from_html,
        (at(column("一级指标")), at(column("二级指标"))),
    ]
}

fn load_text(text: &str) -> Project {
    jixiao::load(&[Input::Text {
        name: "t.jx".into(),
        text: text.into(),
    }])
    .expect("loads")
}

/// The tier checker reports an indicator written directly under its 一级
/// (T007), and every table shows it so: 一级 filled, 二级 blank.
#[test]
fn tiers_are_shown_as_the_checker_places_them() {
    let project = load_text(
        "scheme 财预2021\nallow T004, V021\nunit \"甲\" {\n  indicators {\n    产出指标 { 办件量 ≥ 100 件 }\n    效益指标 { 社会效益指标 { 群众满意度 ≥ 95% } }\n  }\n}\n",
    );
    let diags = check::check(&project, &check::Options::default());
    let found: Vec<String> = diags
        .iter()
        .map(|d| format!("{} {}", d.code, d.message.render(jixiao::i18n::Lang::En)))
        .collect();
    assert_eq!(
        found,
        ["T007 indicator 办件量 stands directly under 一级 产出指标"]
    );
    let placed = ("产出指标".to_string(), String::new());
    assert_eq!(
        tier_cells(&project, "办件量"),
        [placed.clone(), placed.clone(), placed]
    );
    let both = ("效益指标".to_string(), "社会效益指标".to_string());
    assert_eq!(
        tier_cells(&project, "群众满意度"),
        [both.clone(), both.clone(), both]
    );
}

/// With no scheme, nothing is judged and the shape of the tree decides: a
/// top group that holds only indicators is a 二级, its 一级 blank. (The
/// document states no header at all, which S031 says; it is allowed here.)
#[test]
fn tiers_without_a_scheme_follow_the_shape() {
    let project = load_text(
        "allow S031\nallow V021\nunit \"甲\" {\n  indicators {\n    产出指标 { 办件量 ≥ 100 件 }\n    效益指标 { 社会效益指标 { 群众满意度 ≥ 95% } }\n  }\n}\n",
    );
    let diags = check::check(&project, &check::Options::default());
    assert!(diags.is_empty(), "{diags:?}");
    let shape = (String::new(), "产出指标".to_string());
    assert_eq!(
        tier_cells(&project, "办件量"),
        [shape.clone(), shape.clone(), shape]
    );
    let both = ("效益指标".to_string(), "社会效益指标".to_string());
    assert_eq!(
        tier_cells(&project, "群众满意度"),
        [both.clone(), both.clone(), both]
    );
}

// ------------------------------------------------------------ findings

fn find_line<'a>(bs: &'a [Breakdown], name: &str, amount: &str) -> Option<&'a Line> {
    for b in bs {
        for l in &b.lines {
            if l.name.node == name
                && l.amount.value().map(|v| v.to_string()).as_deref() == Some(amount)
            {
                return Some(l);
            }
            if let Some(x) = find_line(&l.breakdowns, name, amount) {
                return Some(x);
            }
        }
    }
    None
}

/// The published tables carry no findings: a finding is listed apart, on
/// screen only (it belongs to the reviewer), and the JSON model has it.
#[test]
fn findings_stay_out_of_the_tables() {
    let project = load(&example_path("yuntian-2023"));
    let unit = project
        .documents
        .iter()
        .flat_map(|d| d.units.iter())
        .next()
        .unwrap();
    let p = unit
        .projects
        .iter()
        .find(|p| p.name.node == "业务性专用经费")
        .unwrap();
    let line =
        find_line(&p.breakdowns, "武装工作宣传费等相关费用", "8").expect("the line of seed 001");
    let span = line.formulas[0].span;
    let d = Diagnostic::new(
        jixiao::diag::Code::B002,
        jixiao::i18n::Message::text("the basis comes to 6 万元, not 3.6 <sic>"),
    )
    .primary(span, jixiao::i18n::Message::text("6 万元"));
    let diags = vec![d];

    let html = text(&build(&project, &diags, Format::Html, "yuntian-2023")[0]);
    let tables = &html[..html.find(r#"<section class="findings"#).unwrap()];
    assert!(!tables.contains("data-findings"));
    assert!(!tables.contains("B002"));
    assert!(!tables.contains("the basis comes to"));
    assert!(
        tables.contains("6次*（万元/次）=3.6万元"),
        "the basis as printed"
    );
    assert!(html.contains("the basis comes to 6 万元, not 3.6 &lt;sic&gt;"));
    assert!(html.contains("1 个错误，0 个警告"));
    assert!(html.contains(r#"<section class="findings screen-only""#));

    // The workbook holds the published tables alone.
    let book = read_xlsx(&build(&project, &diags, Format::Xlsx, "yuntian-2023")[0].bytes);
    let plain = read_xlsx(&build(&project, &[], Format::Xlsx, "yuntian-2023")[0].bytes);
    assert_eq!(book.sheets.len(), plain.sheets.len());
    for (a, b) in book.sheets.iter().zip(&plain.sheets) {
        let texts = |s: &XSheet| s.cells.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(a), texts(b), "{}", a.name);
        assert!(!texts(a)
            .iter()
            .any(|t| t.contains("B002") || t.contains("basis")));
    }

    let json: serde_json::Value =
        serde_json::from_slice(&build(&project, &diags, Format::Json, "yuntian-2023")[0].bytes)
            .unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(json["diagnostics"][0]["code"], "B002");

    let html = text(&build(&project, &[], Format::Html, "yuntian-2023")[0]);
    assert!(html.contains("没有发现问题。"));
}

// ------------------------------------------------------------ determinism

#[test]
fn output_is_deterministic() {
    for f in [Format::Json, Format::Csv, Format::Html, Format::Xlsx] {
        let a = build(&load("examples/xiangyin-2023"), &[], f, "x");
        let b = build(&load("examples/xiangyin-2023"), &[], f, "x");
        assert_eq!(a, b, "{f:?}");
    }
}

#[test]
fn several_documents_get_an_index() {
    let project = jixiao::load(&[
        Input::Path(fixture_path("pages").into()),
        Input::Path(fixture_path("escape").into()),
    ])
    .unwrap();
    let out = emit::build(
        &model(&project).model,
        &[],
        Format::Html,
        &Options::default(),
        &["pages".into(), "escape".into()],
    )
    .unwrap();
    let names: Vec<&str> = out.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["pages.html", "escape.html", "index.html"]);
    let index = text(&out[2]);
    assert!(index.contains(r#"<a href="pages.html">分页测试</a>"#));
    assert!(index.contains("&lt;b&gt;转义&lt;/b&gt;"));
    insta::assert_snapshot!("html@index", index);
}

// ------------------------------------------------------------ the CLI

fn jixiao(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("JIXIAO_LANG", "en")
        .output()
        .expect("runs")
}

/// A fresh directory of this test process (test runs may overlap).
fn scratch(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

fn files(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn cli_single_output_to_stdout() {
    let out = jixiao(&[
        "build",
        "tests/browser/fixtures/pages.jx",
        "--format",
        "html",
        "-o",
        "-",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.starts_with(b"<!DOCTYPE html>"));
    let out = jixiao(&[
        "build",
        "tests/browser/fixtures/pages.jx",
        "--format",
        "xlsx",
        "-o",
        "-",
    ]);
    assert!(out.stdout.starts_with(b"PK"), "a zip archive");
    // Three CSV files cannot go to one stream.
    let out = jixiao(&[
        "build",
        "tests/browser/fixtures/pages.jx",
        "--format",
        "csv",
        "-o",
        "-",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-o DIR"));
    assert!(out.stdout.is_empty());
}

#[test]
fn cli_writes_a_corpus_byte_identically() {
    let a = scratch("corpus-a");
    let b = scratch("corpus-b");
    for dir in [&a, &b] {
        for f in ["json", "csv", "html", "xlsx"] {
            let out = jixiao(&[
                "build",
                "tests/browser/fixtures/pages.jx",
                "examples/yuntian-2023",
                "--format",
                f,
                "--bom",
                "-o",
                dir.to_str().unwrap(),
            ]);
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let names = files(&a);
    assert_eq!(
        names,
        [
            "index.html",
            "pages.budget.csv",
            "pages.html",
            "pages.indicators.csv",
            "pages.json",
            "pages.xlsx",
            "yuntian-2023.budget.csv",
            "yuntian-2023.html",
            "yuntian-2023.indicators.csv",
            "yuntian-2023.json",
            "yuntian-2023.projects.csv",
            "yuntian-2023.xlsx",
        ]
    );
    for n in &names {
        let x = std::fs::read(a.join(n)).unwrap();
        let y = std::fs::read(b.join(n)).unwrap();
        assert!(x == y, "{n} differs between two runs");
        if n.ends_with(".csv") {
            assert!(x.starts_with(b"\xEF\xBB\xBF"), "--bom: {n}");
        }
    }
    let _ = std::fs::remove_dir_all(&a);
    let _ = std::fs::remove_dir_all(&b);
}

/// All files are written to temporary names first and renamed only when
/// every one is written: a failure leaves the directory as it was.
#[test]
fn cli_failed_write_leaves_nothing_half_written() {
    let dir = scratch("atomic");
    // A directory where the first output should go makes its rename fail.
    std::fs::create_dir_all(dir.join("pages.indicators.csv").join("x")).unwrap();
    let out = jixiao(&[
        "build",
        "tests/browser/fixtures/pages.jx",
        "--format",
        "csv",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        files(&dir),
        ["pages.indicators.csv"],
        "no other file, no temporary"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

// ------------------------------------------------------------ reading XLSX back

struct XCell {
    r: String,
    text: String,
    number: Option<f64>,
    format: Option<String>,
}

struct XSheet {
    name: String,
    freeze: Option<String>,
    /// Print settings: the rows repeated on every page, the page header
    /// and footer, the page set-up.
    print: Vec<String>,
    widths: HashMap<u32, f64>,
    merges: Vec<String>,
    cells: Vec<XCell>,
}

struct XBook {
    sheets: Vec<XSheet>,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The value of `name="…"` in a tag's text.
fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let i = tag.find(&key)? + key.len();
    let j = tag[i..].find('"')? + i;
    Some(unescape(&tag[i..j]))
}

/// Every `<tag …>` or `<tag …/>` opening, with the text up to its `</tag>`.
fn elements<'x>(xml: &'x str, tag: &str) -> Vec<(&'x str, &'x str)> {
    let open = format!("<{tag}");
    let close = format!("</{tag}>");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let after = &rest[i + open.len()..];
        if !after.starts_with([' ', '>', '/']) {
            rest = after;
            continue;
        }
        let end = after.find('>').unwrap();
        let head = &after[..end];
        if head.ends_with('/') {
            out.push((head, ""));
            rest = &after[end + 1..];
        } else {
            let body_start = end + 1;
            let body_end = after[body_start..].find(&close).unwrap() + body_start;
            out.push((head, &after[body_start..body_end]));
            rest = &after[body_end + close.len()..];
        }
    }
    out
}

fn read_xlsx(bytes: &[u8]) -> XBook {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut read = |name: &str| -> Option<String> {
        let mut f = zip.by_name(name).ok()?;
        let mut s = String::new();
        f.read_to_string(&mut s).unwrap();
        Some(s)
    };
    let workbook = read("xl/workbook.xml").unwrap();
    let strings: Vec<String> = read("xl/sharedStrings.xml")
        .map(|x| {
            elements(&x, "si")
                .iter()
                .map(|(_, body)| {
                    elements(body, "t")
                        .iter()
                        .map(|(_, t)| unescape(t))
                        .collect::<String>()
                })
                .collect()
        })
        .unwrap_or_default();
    let styles = read("xl/styles.xml").unwrap();
    let mut numfmts: HashMap<String, String> = HashMap::new();
    for (h, _) in elements(&styles, "numFmt") {
        numfmts.insert(attr(h, "numFmtId").unwrap(), attr(h, "formatCode").unwrap());
    }
    let xfs: Vec<Option<String>> = elements(&styles, "cellXfs")
        .first()
        .map(|(_, body)| {
            elements(body, "xf")
                .iter()
                .map(|(h, _)| attr(h, "numFmtId").and_then(|id| numfmts.get(&id).cloned()))
                .collect()
        })
        .unwrap_or_default();
    let mut sheets = Vec::new();
    let defined = elements(&workbook, "definedName");
    for (k, (h, _)) in elements(&workbook, "sheet").iter().enumerate() {
        let xml = read(&format!("xl/worksheets/sheet{}.xml", k + 1)).unwrap();
        let mut print = Vec::new();
        for (d, body) in &defined {
            if attr(d, "localSheetId").as_deref() == Some(&k.to_string()) {
                let v = unescape(body);
                print.push(format!(
                    "{} {}",
                    attr(d, "name").unwrap(),
                    v.rsplit('!').next().unwrap_or("")
                ));
            }
        }
        for (p, _) in elements(&xml, "pageSetup") {
            for a in [
                "paperSize",
                "orientation",
                "fitToWidth",
                "fitToHeight",
                "scale",
            ] {
                if let Some(v) = attr(p, a) {
                    print.push(format!("{a}={v}"));
                }
            }
        }
        for tag in ["oddHeader", "oddFooter"] {
            for (_, body) in elements(&xml, tag) {
                print.push(format!("{tag}: {}", unescape(body)));
            }
        }
        let freeze = elements(&xml, "pane")
            .first()
            .filter(|(p, _)| attr(p, "state").as_deref() == Some("frozen"))
            .and_then(|(p, _)| attr(p, "topLeftCell"));
        let mut widths = HashMap::new();
        for (c, _) in elements(&xml, "col") {
            let min: u32 = attr(c, "min").unwrap().parse().unwrap();
            let max: u32 = attr(c, "max").unwrap().parse().unwrap();
            let w: f64 = attr(c, "width").unwrap().parse().unwrap();
            for i in min..=max {
                widths.insert(i, w);
            }
        }
        let merges = elements(&xml, "mergeCell")
            .iter()
            .map(|(m, _)| attr(m, "ref").unwrap())
            .collect();
        let mut cells = Vec::new();
        for (c, body) in elements(&xml, "c") {
            let r = attr(c, "r").unwrap();
            let v = elements(body, "v").first().map(|(_, v)| unescape(v));
            let Some(v) = v else { continue };
            let format = attr(c, "s")
                .and_then(|s| xfs.get(s.parse::<usize>().unwrap()).cloned())
                .flatten();
            match attr(c, "t").as_deref() {
                Some("s") => cells.push(XCell {
                    r,
                    text: strings[v.parse::<usize>().unwrap()].clone(),
                    number: None,
                    format: None,
                }),
                _ => cells.push(XCell {
                    r,
                    text: String::new(),
                    number: Some(v.parse().unwrap()),
                    format,
                }),
            }
        }
        sheets.push(XSheet {
            name: attr(h, "name").unwrap(),
            freeze,
            print,
            widths,
            merges,
            cells,
        });
    }
    XBook { sheets }
}

/// A readable account of a workbook for snapshots.
fn xlsx_dump(bytes: &[u8]) -> String {
    let book = read_xlsx(bytes);
    let mut out = String::new();
    for s in &book.sheets {
        out.push_str(&format!("== sheet {}\n", s.name));
        out.push_str(&format!("freeze: {}\n", s.freeze.as_deref().unwrap_or("-")));
        out.push_str(&format!("print: {}\n", s.print.join("; ")));
        let mut w: Vec<_> = s.widths.iter().collect();
        w.sort_by_key(|(c, _)| **c);
        let w: Vec<String> = w.iter().map(|(c, x)| format!("{c}={x}")).collect();
        out.push_str(&format!("widths: {}\n", w.join(" ")));
        out.push_str(&format!("merged: {}\n", s.merges.join(" ")));
        for c in &s.cells {
            match c.number {
                Some(n) => out.push_str(&format!(
                    "{} = {n} [{}]\n",
                    c.r,
                    c.format.as_deref().unwrap_or("General")
                )),
                None => out.push_str(&format!("{} {:?}\n", c.r, c.text)),
            }
        }
    }
    out
}

// ------------------------------------------------------------ the seeds' forms

/// Every table of seeds 001–003: its title as the seed writes it, with the
/// seed's line, in the seed's order.
/// A seed's tables: (line, title as written).
type Titles = &'static [(usize, &'static str)];

const SEED_TITLES: &[(&str, &str, Titles)] = &[
    (
        "yuntian-2023",
        "001_19b52f3a39921f34.txt",
        &[
            (43, "2023年部门整体支出绩效目标表"),
            (230, "2023年区级专项资金绩效目标汇总表"),
            (276, "2023年区级专项资金支出方向绩效目标表"),
            (434, "2023年区级专项资金支出方向绩效目标表"),
            (557, "2023年区级专项资金支出方向绩效目标表"),
            (737, "2023年区级专项资金支出方向绩效目标表"),
        ],
    ),
    (
        "shifeng-2020",
        "002_79f57dc323052dcc.txt",
        &[
            (218, "部门收支总表"),
            (253, "部门收入总表"),
            (264, "部门支出总表"),
            (280, "部门支出预算明细表"),
            (296, "基本支出－工资福利支出"),
            (318, "基本支出—单位运转经费支出"),
            (353, "基本支出－对个人和家庭的补助"),
            (366, "项目支出预算明细表"),
            (376, "一般公共预算“三公”经费支出表"),
            (394, "财政拨款收支总表"),
            (427, "2020 年一般公共预算支出情况表"),
            (444, "一般公共预算基本支出－工资福利支出"),
            (464, "一般公共预算基本支出－一般商品和服务支出"),
            (499, "一般公共预算基本支出－对个人和家庭的补助"),
            (514, "政府性基金拨款部门支出总表（分类）"),
            (524, "纳入专户管理的非税收收入拨款部门支出总表（分类）"),
            (532, "2020 年一般公共预算基本支出情况表"),
            (601, "2020 年部门整体支出绩效申报表"),
            (614, "2020 年区级专项资金预算绩效目标汇总表"),
            (628, "2020 年区级专项资金支出方向绩效目标表"),
        ],
    ),
    (
        "xiangyin-2023",
        "003_a2d9fc0868249441.txt",
        &[
            (3, "2023年度湘阴县人民政府办公室项目支出预算绩效目标申报表"),
            (49, "2023年度湘阴县人民政府办公室项目支出预算绩效目标申报表"),
            (
                92,
                "2023年度湘阴县人民政府办公室整体支出预算 绩效目标申报表",
            ),
            (
                125,
                "2023年度湘阴县人民政府办公室项目支出预算绩效目标申报表",
            ),
            (
                170,
                "2023年度湘阴县人民政府办公室项目支出 预算 绩效目标申报表",
            ),
            (
                214,
                "2023年度湘阴县人民政府办公室项目支出预算绩效目标申报表",
            ),
            (
                257,
                "2023年度湘阴县人民政府办公室项目支出预算绩效目标申报表",
            ),
            (
                299,
                "2023年度湘阴县人民政府办公室项目支出预算绩效目标申报表",
            ),
        ],
    ),
];

/// Every form of the catalogue prints (the `forms` fixture chooses them
/// all; its HTML and XLSX snapshots are the forms' snapshots), each with
/// its title, and a sheet each in the workbook.
#[test]
fn every_form_prints() {
    let project = load(&fixture_path("forms"));
    let diags = check::check(&project, &check::Options::default());
    assert!(diags.is_empty(), "{diags:?}");
    let html = text(&build(&project, &[], Format::Html, "forms")[0]);
    for f in jixiao::forms::CATALOGUE {
        let at = html
            .find(&format!(r#"data-form="{}""#, f.name))
            .unwrap_or_else(|| panic!("no table of the form {}", f.name));
        assert!(html[at..].contains("<h2>"), "{}", f.name);
    }
    let book = read_xlsx(&build(&project, &[], Format::Xlsx, "forms")[0].bytes);
    assert_eq!(book.sheets.len(), jixiao::forms::CATALOGUE.len());
}

/// A title as compared: the seeds are PDF extractions, with spaces where
/// the printed title has none (`2020 年`).
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The city corpus (seed 004): every unit's table has a title the seed
/// prints (its serial number, 1.2 or 3.1, left out), the one whose title
/// the seed lost (table 5, 人大常委会) aside; the 资金表 comes first.
#[test]
fn city_corpus_titles_are_the_seeds() {
    let seeds = std::env::var("JIXIAO_SEEDS").unwrap_or_else(|_| "../shared/seeds".into());
    let Ok(seed) = std::fs::read_to_string(Path::new(&seeds).join("004_c64bdeb09813d8b2.txt"))
    else {
        return;
    };
    let printed: Vec<String> = seed
        .lines()
        .map(squeeze)
        .filter(|l| l.ends_with("整体支出绩效目标表"))
        .map(|l| {
            l.trim_start_matches(|c: char| c.is_ascii_digit() || ".-．".contains(c))
                .to_string()
        })
        .collect();
    let project = load(&example_path("yueyang-2024"));
    let html = text(&build(&project, &[], Format::Html, "yueyang-2024")[0]);
    let tables = &html[..html.find(r#"<section class="findings"#).unwrap()];
    let shown: Vec<String> = tables
        .split("<h2>")
        .skip(1)
        .map(|s| squeeze(&s[..s.find("</h2>").unwrap()]))
        .collect();
    assert_eq!(shown[0], "59个部门预算申报的184个整体支出绩效目标资金表");
    let lost = "岳阳市人民代表大会常务委员会本级整体支出绩效目标表";
    let strays: Vec<&String> = shown[1..]
        .iter()
        .filter(|t| *t != lost && !printed.contains(t))
        .collect();
    assert!(
        strays.is_empty(),
        "titles the seed does not print: {strays:?}"
    );
}

/// Each table title of seeds 001–003 is printed, once per table the seed
/// has, in the HTML and in the XLSX of its example — and nothing else is:
/// the tables are the publication's. The seeds' own order is kept, except
/// in 003, which prints its unit's form third (附件1, after two projects'
/// forms): jixiao prints it first.
#[test]
fn seed_titles_are_printed() {
    let seeds = std::env::var("JIXIAO_SEEDS").unwrap_or_else(|_| "../shared/seeds".into());
    for (example, seed, titles) in SEED_TITLES {
        // The titles are the seed's (when the seed is at hand).
        if let Ok(text) = std::fs::read_to_string(Path::new(&seeds).join(seed)) {
            let lines: Vec<&str> = text.lines().collect();
            for (n, title) in *titles {
                assert_eq!(lines[n - 1].trim(), *title, "{seed}:{n}");
            }
        }
        let mut want: Vec<String> = titles.iter().map(|(_, t)| squeeze(t)).collect();
        let project = load(&example_path(example));
        let html = text(&build(&project, &[], Format::Html, example)[0]);
        let tables = &html[..html.find(r#"<section class="findings"#).unwrap()];
        let shown: Vec<String> = tables
            .split("<h2>")
            .skip(1)
            .map(|s| squeeze(&s[..s.find("</h2>").unwrap()].replace("&amp;", "&")))
            .collect();
        if *example != "xiangyin-2023" {
            assert_eq!(
                shown, want,
                "{example}.html: the tables in the seed's order"
            );
        }
        let book = read_xlsx(&build(&project, &[], Format::Xlsx, example)[0].bytes);
        let mut sheets: Vec<String> = book
            .sheets
            .iter()
            .map(|s| squeeze(&s.cells.iter().find(|c| c.r == "A1").unwrap().text))
            .collect();
        let mut shown = shown;
        shown.sort();
        sheets.sort();
        want.sort();
        assert_eq!(
            shown, want,
            "{example}.html: one table per table of the seed"
        );
        assert_eq!(
            sheets, want,
            "{example}.xlsx: one sheet per table of the seed"
        );
    }
}

// ------------------------------------------------------------ seed 002's figures

/// Every table of 002's 部门预算 (附件15 and 16 are illegible in the
/// seed) prints every figure of the seed, as
/// the seed prints it (60.00, 111.6768, 0.00), in the HTML, and the same
/// values as numbers in the XLSX: checked against the cells extracted from
/// the seed (`examples/shifeng-2020/data/cells.tsv`), whose tables are
/// named by title or, for the 附件 that share a title, by number.
#[test]
fn budget_tables_print_the_seeds_figures() {
    let cells = std::fs::read_to_string("examples/shifeng-2020/data/cells.tsv").unwrap();
    let tables: &[(&str, &str)] = &[
        ("部门收支总表", "部门收支总表"),
        ("部门收入总表", "部门收入总表"),
        ("部门支出总表", "部门支出总表"),
        ("部门支出预算明细表", "部门支出预算明细表"),
        ("附件5", "基本支出－工资福利支出"),
        ("附件6", "基本支出—单位运转经费支出"),
        ("附件7", "基本支出－对个人和家庭的补助"),
        ("项目支出预算明细表", "项目支出预算明细表"),
        ("财政拨款收支总表", "财政拨款收支总表"),
        (
            "2020年一般公共预算支出情况表",
            "2020年一般公共预算支出情况表",
        ),
        (
            "一般公共预算“三公”经费支出表",
            "一般公共预算“三公”经费支出表",
        ),
        ("附件12", "一般公共预算基本支出－工资福利支出"),
        ("附件13", "一般公共预算基本支出－一般商品和服务支出"),
        ("附件14", "一般公共预算基本支出－对个人和家庭的补助"),
        (
            "2020年一般公共预算基本支出情况表",
            "2020年一般公共预算基本支出情况表",
        ),
    ];
    let project = load(&example_path("shifeng-2020"));
    let html = text(&build(&project, &[], Format::Html, "shifeng-2020")[0]);
    let book = read_xlsx(&build(&project, &[], Format::Xlsx, "shifeng-2020")[0].bytes);
    for (label, title) in tables {
        let mut want: Vec<String> = cells
            .lines()
            .skip(1)
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .filter(|c| c.len() >= 5 && c[2] == *label && c[3] == "figure")
            .map(|c| c[4].to_string())
            .collect();
        want.sort();
        assert!(!want.is_empty(), "{label}: no figures in cells.tsv");
        let at = html
            .find(&format!("<h2>{title}</h2>"))
            .unwrap_or_else(|| panic!("{title}: not in the HTML"));
        let section = &html[at..at + html[at..].find("</section>").unwrap()];
        let mut shown: Vec<String> = section
            .split(r#"<td class="amt"#)
            .skip(1)
            .map(|s| {
                let s = &s[s.find('>').unwrap() + 1..];
                s[..s.find("</td>").unwrap()].to_string()
            })
            .filter(|s| !s.is_empty())
            .collect();
        shown.sort();
        assert_eq!(shown, want, "{title}: the HTML's figures");

        let sheet = book
            .sheets
            .iter()
            .find(|s| {
                s.cells
                    .iter()
                    .any(|c| c.r == "A1" && squeeze(&c.text) == *title)
            })
            .unwrap_or_else(|| panic!("{title}: no sheet"));
        let mut numbers: Vec<f64> = sheet.cells.iter().filter_map(|c| c.number).collect();
        numbers.sort_by(f64::total_cmp);
        let mut values: Vec<f64> = want.iter().map(|w| w.parse().unwrap()).collect();
        values.sort_by(f64::total_cmp);
        assert_eq!(numbers, values, "{title}: the XLSX's figures");
    }
}

/// A serial label ("一、", "(1)", "1.", "2、") the transcription drops from a
/// line's name.
fn without_serial(s: &str) -> &str {
    let rest = s.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十()（）".contains(c)
    });
    match rest.strip_prefix(['、', '.', '．']) {
        Some(r) => r,
        None if rest.len() < s.len() && s.starts_with(['(', '（']) => rest,
        None => s,
    }
}

/// 002's 财政拨款收支总表 prints the seed's own columns (its 支出 by 一般公共预算
/// and 政府性基金预算, not the income columns of 部门支出总表) and every row
/// label the seed prints, in its order: the 收入 lines beside the 21
/// functional categories, blank where the seed is blank.
#[test]
fn fiscal_table_prints_the_seeds_columns_and_rows() {
    let cells = std::fs::read_to_string("examples/shifeng-2020/data/cells.tsv").unwrap();
    let want: Vec<String> = cells
        .lines()
        .skip(1)
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() >= 5 && c[2] == "财政拨款收支总表" && c[3] == "text")
        .map(|c| without_serial(c[4]).to_string())
        .collect();
    assert_eq!(want.len(), 8 + 21, "cells.tsv: the table's row labels");
    // Seed 002 lines 400–401, then the total row (line 423).
    let head = [
        "收 入",
        "支 出",
        "项 目",
        "本年预算",
        "项 目",
        "合计",
        "一般公共预算",
        "政府性基金预算",
    ];
    let totals = ["本 年 收 入 合 计", "本 年 支 出 合 计"];

    let project = load(&example_path("shifeng-2020"));
    let html = text(&build(&project, &[], Format::Html, "shifeng-2020")[0]);
    let at = html.find("<h2>财政拨款收支总表</h2>").unwrap();
    let section = &html[at..at + html[at..].find("</section>").unwrap()];
    let inner = |tag: &str, part: &str| -> Vec<String> {
        part.split(tag)
            .skip(1)
            .map(|s| {
                let s = &s[s.find('>').unwrap() + 1..];
                s[..s.find("</").unwrap()].to_string()
            })
            .collect()
    };
    let (thead, tbody) = section.split_at(section.find("<tbody>").unwrap());
    assert_eq!(
        inner("<th class=\"hdr\"", thead),
        head,
        "the HTML's columns"
    );
    let labels: Vec<String> = inner("<td class=\"txt", tbody)
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(labels, want, "the HTML's row labels, in the seed's order");
    assert_eq!(
        inner("<th class=\"lbl\"", tbody),
        totals,
        "the HTML's total row"
    );
    let rows = tbody.matches("<tr").count();
    assert_eq!(
        rows,
        21 + 1,
        "a row per functional category, and the total row"
    );

    let book = read_xlsx(&build(&project, &[], Format::Xlsx, "shifeng-2020")[0].bytes);
    let sheet = book
        .sheets
        .iter()
        .find(|s| {
            s.cells
                .iter()
                .any(|c| c.r == "A1" && squeeze(&c.text) == "财政拨款收支总表")
        })
        .expect("a sheet for 财政拨款收支总表");
    let texts: Vec<String> = sheet
        .cells
        .iter()
        .filter(|c| c.number.is_none() && !c.text.is_empty())
        .map(|c| c.text.clone())
        .collect();
    let expected: Vec<&str> = head
        .into_iter()
        .chain(want.iter().map(String::as_str))
        .chain(totals)
        .collect();
    let from = texts
        .iter()
        .position(|t| t == "收 入")
        .expect("the XLSX's header");
    assert_eq!(&texts[from..], expected, "the XLSX's columns and rows");
}

/// Documents `a.jx` and `b.jx` (the same header, then `tails`) that
/// both include `shared.part`, loaded as `check DIR` loads them.
fn two_documents_sharing(name: &str, shared: &str, tails: [&str; 2]) -> Project {
    let dir = scratch(name);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("shared.part"), shared).unwrap();
    for (file, tail) in ["a.jx", "b.jx"].into_iter().zip(tails) {
        let text = format!("year 2023\nmoney 万元\nprecision 2\n{tail}");
        std::fs::write(dir.join(file), text).unwrap();
    }
    jixiao::load(&[Input::Path(dir)]).unwrap()
}

/// A file two documents include is in both: its finding, made alike by
/// both documents, is reported once; each document's JSON lists it with
/// the document's own, and each document's report names its own unit and
/// the shared one, never the other document's.
#[test]
fn a_file_in_two_documents_has_its_findings_in_both() {
    let project = two_documents_sharing(
        "shared-include",
        "unit \"共用\" {\n  amount 经费 10.00 { 甲 5.00  乙 6.00 }\n}\n",
        [
            "include \"shared.part\"\nunit \"甲单位\" {\n  amount 经费 3.00 { 甲 1.00  乙 1.00 }\n}\n",
            "include \"shared.part\"\nunit \"乙单位\" {\n  amount 经费 3.00 { 甲 1.00  乙 1.00 }\n}\n",
        ],
    );
    let checked = model(&project);
    assert_eq!(checked.model.documents.len(), 2);
    // The shared unit is checked in both documents and found wrong alike:
    // one finding, not two.
    assert_eq!(checked.diagnostics.len(), 3, "{:?}", checked.diagnostics);
    let names = ["a".to_string(), "b".to_string()];
    let built = |format| {
        let options = Options::default();
        emit::build(
            &checked.model,
            &checked.diagnostics,
            format,
            &options,
            &names,
        )
        .unwrap()
    };
    for o in &built(Format::Json) {
        let v: serde_json::Value = serde_json::from_slice(&o.bytes).unwrap();
        let codes: Vec<&str> = v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        // The document's own unit and the shared one: each adds up wrong.
        assert_eq!(codes, ["B001", "B001"], "{}", o.name);
    }
    let report = built(Format::Report);
    let a = text(&report[0]);
    assert!(a.contains("甲单位") && a.contains("共用"), "{a}");
    assert!(!a.contains("乙单位"), "a's report names b's unit");
    let b = text(&report[2]);
    assert!(b.contains("乙单位") && b.contains("共用") && !b.contains("甲单位"));
}

/// Two documents with different frameworks include one file: the tier
/// finding only the framework of one of them makes is that document's,
/// and the other's outputs do not list it.
#[test]
fn a_shared_file_lists_in_each_document_what_its_checks_found() {
    let project = two_documents_sharing(
        "shared-header",
        "unit \"共用\" {\n  indicators {\n    效果指标 { 社会效益指标 { 居民幸福指数 \"提升\" } }\n  }\n}\n",
        ["scheme 财预2020\ninclude \"shared.part\"\n", "include \"shared.part\"\n"],
    );
    let checked = model(&project);
    let shared = |d: &Diagnostic| {
        project
            .sources
            .get(d.primary_span().unwrap().file)
            .name
            .ends_with("shared.part")
    };
    let tiers: Vec<&Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str().starts_with('T') && shared(d))
        .collect();
    assert!(!tiers.is_empty(), "{:?}", checked.diagnostics);
    let names = ["a".to_string(), "b".to_string()];
    let json = emit::build(
        &checked.model,
        &checked.diagnostics,
        Format::Json,
        &Options::default(),
        &names,
    )
    .unwrap();
    let codes = |o: &Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_slice(&o.bytes).unwrap();
        v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["file"].as_str().unwrap().ends_with("shared.part"))
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect()
    };
    let (a, b) = (codes(&json[0]), codes(&json[1]));
    assert!(a.iter().any(|c| c.starts_with('T')), "{a:?}");
    assert!(!b.iter().any(|c| c.starts_with('T')), "{b:?}");
}

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
const FIXTURES: [&str; 2] = ["escape", "pages"];

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
        assert_eq!(
            names,
            [
                format!("{name}.indicators.csv"),
                format!("{name}.budget.csv"),
                format!("{name}.projects.csv")
            ]
        );
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
    assert!(html.contains(r#"<td class="amtl total" colspan="5">1,056.40</td>"#));
    // Self-contained: nothing is loaded from elsewhere.
    for needle in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!html.contains(needle), "found {needle}");
    }
    // Print-ready.
    for needle in [
        "@page { size: A4 landscape",
        "tr { break-inside: avoid",
        "thead { display: table-header-group",
        "break-before: page",
    ] {
        assert!(html.contains(needle), "missing {needle}");
    }
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
    let all: Vec<String> = (0..3).flat_map(cells).flatten().collect();
    for c in &all {
        let runs =
            c.starts_with(['=', '+', '@']) || (c.starts_with('-') && c.parse::<f64>().is_err());
        assert!(!runs, "a cell Excel could run: {c:?}");
    }
    for expected in [
        "'=",
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

/// The XLSX: merged tiers, numbers with `#,##0.00`, frozen header rows.
#[test]
fn xlsx_layout() {
    let project = load(&example_path("yuntian-2023"));
    let bytes = &build(&project, &[], Format::Xlsx, "yuntian-2023")[0].bytes;
    let book = read_xlsx(bytes);
    let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "2023年区级专项资金绩效目标汇总表",
            "株洲市石峰区云田镇人民政府"
        ]
    );
    let unit = &book.sheets[1];
    // 资金总额 1,056.40 is a number.
    let total = unit.cells.iter().find(|c| c.r == "D4").unwrap();
    assert_eq!(total.number, Some(1056.4));
    assert_eq!(total.format.as_deref(), Some("#,##0.00"));
    // 产出指标 spans its seven rows, as the HTML's rowspan.
    let t1 = unit.cells.iter().find(|c| c.text == "产出指标").unwrap();
    let row: u32 = t1.r[1..].parse().unwrap();
    assert!(unit.merges.contains(&format!("A{row}:A{}", row + 6)));
    assert!(unit.freeze.is_some());
    // The page of small units freezes down to the grid's column header.
    let project = load(&fixture_path("pages"));
    let bytes = &build(&project, &[], Format::Xlsx, "pages")[0].bytes;
    let book = read_xlsx(bytes);
    assert_eq!(book.sheets.len(), 3);
    let s = &book.sheets[0];
    let header = s.cells.iter().find(|c| c.text == "一级指标").unwrap();
    let hr: u32 = header.r[1..].parse().unwrap();
    assert_eq!(s.freeze.as_deref(), Some(format!("A{}", hr + 1).as_str()));
    // Han characters count 2: the 三级 column is wide enough for 群众满意度.
    assert!(s.widths.get(&3).copied().unwrap_or(0.0) >= 12.0);
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
    let at = |col: &str| {
        let name = format!("{col}{r}");
        sheet
            .cells
            .iter()
            .find(|c| c.r == name)
            .map(|c| c.text.clone())
            .unwrap_or_default()
    };
    [from_csv, from_html, (at("A"), at("B"))]
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

/// A backend shows the findings it is given, on the rows they point at; it
/// finds nothing by itself.
#[test]
fn findings_are_shown_where_they_point() {
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
    let at = html.find(r#"data-findings="B002""#).expect("a flagged row");
    let row_end = at + html[at..].find("</tr>").unwrap();
    assert!(html[at..row_end].contains(">武装工作宣传费等相关费用</td>"));
    assert!(
        html[at..row_end].contains("6次*（万元/次）=3.6万元"),
        "the basis as printed"
    );
    assert_eq!(html.matches("data-findings=").count(), 1);
    assert!(html.contains("the basis comes to 6 万元, not 3.6 &lt;sic&gt;"));
    assert!(html.contains("1 个错误，0 个警告"));

    let json: serde_json::Value =
        serde_json::from_slice(&build(&project, &diags, Format::Json, "yuntian-2023")[0].bytes)
            .unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 1);
    assert_eq!(json["diagnostics"][0]["code"], "B002");

    // Without findings, nothing is flagged and none is listed.
    let html = text(&build(&project, &[], Format::Html, "yuntian-2023")[0]);
    assert!(!html.contains("data-findings="));
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
            "pages.projects.csv",
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
    for (k, (h, _)) in elements(&workbook, "sheet").iter().enumerate() {
        let xml = read(&format!("xl/worksheets/sheet{}.xml", k + 1)).unwrap();
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

//! The conformance suite of real writing, `tests/realworld/*.cases`: each
//! case is a line or a small block as people write it in published tables,
//! with its pinned reading — the model's JSON for it — and its
//! diagnostics (code, line:column in the case, message). Nothing is read
//! silently otherwise than pinned here.
//!
//! A `.cases` file is a list of cases:
//!
//! ```text
//! # a comment
//! == what the case is [context]
//! the input, one or more lines
//! --
//! the pinned result, one item a line
//! ```
//!
//! The context says where the input stands (default `indicator`):
//!
//! - `indicator`: lines of a 二级 (`质量指标`) under 产出指标, in a document
//!   of 2025 under 财预2021; the result is each indicator's JSON;
//! - `line`: lines of a unit's `budget 100 { … }`; the result is the JSON of
//!   the budget;
//! - `unit`: items of a unit; the result is the unit's JSON without its
//!   empty fields (a unit without indicators is allowed there, T020);
//! - `document`: a whole file; the result is, per document, its units'
//!   codes and names with their projects;
//! - `files`: several files, each starting with a line `>> NAME.jx`, the
//!   first the one checked; the result is as for `document`.
//!
//! A diagnostic is pinned as `! CODE L:C message`, L:C the line and column
//! (in characters, from 1) of its primary label in the input. After a
//! deliberate change, `JIXIAO_BLESS=1 cargo test --test realworld` rewrites
//! the results; read the diff before committing it.

use jixiao::ast::{Indicator, IndicatorNode};
use jixiao::check::{self, Options};
use jixiao::diag::Diagnostic;
use jixiao::{Input, Project};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/realworld")
}

#[derive(Clone, Debug)]
struct Case {
    title: String,
    context: String,
    input: Vec<String>,
    result: Vec<String>,
}

/// The cases of a file, and the file's text before the first case.
fn parse(text: &str) -> (String, Vec<Case>) {
    let mut preamble = String::new();
    let mut cases: Vec<Case> = Vec::new();
    let mut in_result = false;
    for line in text.lines() {
        if let Some(head) = line.strip_prefix("== ") {
            let (title, context) = match head.rfind(" [") {
                Some(i) if head.ends_with(']') => (
                    head[..i].to_string(),
                    head[i + 2..head.len() - 1].to_string(),
                ),
                _ => (head.to_string(), "indicator".to_string()),
            };
            cases.push(Case {
                title,
                context,
                input: Vec::new(),
                result: Vec::new(),
            });
            in_result = false;
            continue;
        }
        match cases.last_mut() {
            None => {
                preamble.push_str(line);
                preamble.push('\n');
            }
            Some(_) if line == "--" && !in_result => in_result = true,
            Some(c) if in_result => {
                if !line.is_empty() {
                    c.result.push(line.to_string());
                }
            }
            Some(c) => c.input.push(line.to_string()),
        }
    }
    for c in &mut cases {
        while c.input.last().is_some_and(|l| l.is_empty()) {
            c.input.pop();
        }
    }
    (preamble, cases)
}

fn render(preamble: &str, cases: &[Case]) -> String {
    let mut out = preamble.to_string();
    for c in cases {
        if c.context == "indicator" {
            out.push_str(&format!("== {}\n", c.title));
        } else {
            out.push_str(&format!("== {} [{}]\n", c.title, c.context));
        }
        for l in &c.input {
            out.push_str(l);
            out.push('\n');
        }
        out.push_str("--\n");
        for l in &c.result {
            out.push_str(l);
            out.push('\n');
        }
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The text around a case's input in its context: what comes before it
/// (whose line count places the input) and after it.
fn wrap(context: &str) -> (&'static str, &'static str) {
    match context {
        "indicator" => (
            "year 2025\nmoney 万元\nscheme 财预2021\nallow T004\nunit \"测试单位\" {\n  goal \"完成年度工作任务\"\n  indicators {\n    产出指标 {\n      质量指标 {\n",
            "\n      }\n    }\n  }\n}\n",
        ),
        "line" => (
            "year 2025\nmoney 万元\nallow T020\nunit \"测试单位\" {\n  budget 100 {\n",
            "\n  }\n}\n",
        ),
        "unit" => (
            "year 2025\nmoney 万元\nscheme 财预2021\nallow T004\nallow T020\nunit \"测试单位\" {\n  goal \"完成年度工作任务\"\n",
            "\n}\n",
        ),
        _ => ("", "\n"),
    }
}

fn scratch(n: usize) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("realworld-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Load a case: the one text of its context, or its files on disk.
fn load(case: &Case, n: usize) -> (Project, usize) {
    if case.context == "files" {
        let d = scratch(n);
        let mut first = None;
        let mut current: Option<(String, String)> = None;
        let mut files = Vec::new();
        for l in &case.input {
            if let Some(name) = l.strip_prefix(">> ") {
                files.extend(current.take());
                current = Some((name.trim().to_string(), String::new()));
                first.get_or_insert_with(|| name.trim().to_string());
            } else if let Some((_, text)) = &mut current {
                text.push_str(l);
                text.push('\n');
            }
        }
        files.extend(current);
        for (name, text) in &files {
            let p = d.join(name);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let root = d.join(first.expect("a files case names its files"));
        let project = jixiao::load(&[Input::Path(root)]).expect("loads");
        return (project, 0);
    }
    let (before, after) = wrap(&case.context);
    let text = format!("{before}{}{after}", case.input.join("\n"));
    let project = jixiao::load(&[Input::Text {
        name: "case.jx".into(),
        text,
    }])
    .expect("loads");
    (project, before.lines().count())
}

fn diagnostic(project: &Project, d: &Diagnostic, offset: usize) -> String {
    let at = d.primary_span().map_or(String::new(), |s| {
        let file = project.sources.get(s.file);
        let (line, col) = file.line_col(s.start());
        let name = Path::new(&file.name)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let prefix = if offset == 0 && name != "case.jx" {
            format!("{name}:")
        } else {
            String::new()
        };
        format!(" {prefix}{}:{}", line as i64 - offset as i64, col)
    });
    format!("! {}{at} {}", d.code, d.message)
}

/// Drop the empty parts of a unit's JSON (empty lists, nulls, false).
fn trim(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, x)| match x {
                    Value::Null | Value::Bool(false) => false,
                    Value::Array(a) => !a.is_empty(),
                    _ => true,
                })
                .map(|(k, x)| (k, trim(x)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(trim).collect()),
        other => other,
    }
}

fn leaves<'a>(nodes: &'a [IndicatorNode], out: &mut Vec<&'a Indicator>) {
    for n in nodes {
        match n {
            IndicatorNode::Group(g) => leaves(&g.children, out),
            IndicatorNode::Leaf(i) => out.push(i),
        }
    }
}

/// A case's result, as pinned.
fn run(case: &Case, n: usize) -> Vec<String> {
    let (project, offset) = load(case, n);
    let checked = check::run(&project, &Options::default());
    let mut out: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| diagnostic(&project, d, offset))
        .collect();
    for doc in &checked.model.documents {
        let json = jixiao::emit::json::document(doc, &[], jixiao::i18n::Lang::En);
        let units = json["units"].as_array().cloned().unwrap_or_default();
        match case.context.as_str() {
            "indicator" => {
                for u in &doc.units {
                    let mut found = Vec::new();
                    for t in &u.indicators {
                        leaves(&t.nodes, &mut found);
                    }
                    let at = jixiao::emit::json::At::of(doc);
                    for i in found {
                        out.push(jixiao::emit::json::indicator(i, &at).to_string());
                        let [kind, value, unit] = jixiao::emit::indicator_cells(doc, i);
                        out.push(format!("table: {kind} | {value} | {unit}"));
                    }
                }
            }
            "line" => {
                for u in &units {
                    out.push(u["budget"].to_string());
                }
            }
            "unit" => {
                for u in units {
                    out.push(trim(u).to_string());
                }
            }
            _ => {
                let root = project.sources.get(doc.group.root);
                let name = Path::new(&root.name)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let listed: Vec<String> = units
                    .iter()
                    .map(|u| {
                        let projects: Vec<String> = u["projects"]
                            .as_array()
                            .into_iter()
                            .flatten()
                            .map(|p| p["name"].as_str().unwrap_or("").to_string())
                            .collect();
                        format!(
                            "{}{}{}",
                            u["code"]
                                .as_str()
                                .map(|c| format!("{c} "))
                                .unwrap_or_default(),
                            u["name"].as_str().unwrap_or(""),
                            if projects.is_empty() {
                                String::new()
                            } else {
                                format!(" [{}]", projects.join(", "))
                            }
                        )
                    })
                    .collect();
                out.push(format!("document {name}: {}", listed.join("; ")));
            }
        }
    }
    out
}

fn case_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "cases"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_case_reads_as_pinned() {
    let bless = std::env::var_os("JIXIAO_BLESS").is_some();
    let mut failures = Vec::new();
    let mut n = 0;
    for path in case_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let (preamble, mut cases) = parse(&text);
        for c in &mut cases {
            n += 1;
            let got = run(c, n);
            if got != c.result {
                if bless {
                    c.result = got;
                } else {
                    failures.push(format!(
                        "{} — {}\n  input:    {}\n  pinned:   {}\n  now:      {}",
                        path.file_name().unwrap().to_string_lossy(),
                        c.title,
                        c.input.join("\n            "),
                        c.result.join("\n            "),
                        got.join("\n            ")
                    ));
                }
            }
        }
        if bless {
            let new = render(&preamble, &cases);
            if new != text {
                // Renamed into place: the other test may be reading it.
                let tmp = path.with_extension("cases.new");
                std::fs::write(&tmp, new).unwrap();
                std::fs::rename(&tmp, &path).unwrap();
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {n} cases read otherwise than pinned \
         (if intended: JIXIAO_BLESS=1 cargo test --test realworld):\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn the_suite_is_large_and_every_case_has_a_result() {
    let mut total = 0;
    for path in case_files() {
        let (_, cases) = parse(&std::fs::read_to_string(&path).unwrap());
        for c in &cases {
            assert!(
                !c.input.is_empty(),
                "{}: {} has no input",
                path.display(),
                c.title
            );
            assert!(
                !c.result.is_empty(),
                "{}: {} pins nothing",
                path.display(),
                c.title
            );
        }
        total += cases.len();
    }
    assert!(total >= 200, "only {total} cases");
}

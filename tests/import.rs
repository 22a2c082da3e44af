//! `jixiao import`: the round trip of every example through its own
//! workbook, workbooks laid out like the seeds' tables, and the errors.
//!
//! The round trip (`every_example_round_trips_through_its_workbook`): for
//! every example, `build --format xlsx`, `import`, then `build --format
//! json` of the original and of the imported document; the two models
//! must be equal on everything the workbook carries (`projection`):
//! - per unit: name, code; the budget's total and the first 按收入性质分
//!   and 按支出性质分 breakdowns with their lines (name, amount, nesting);
//!   duties, staff, plans, goals (by kind, in order), the indicator tree
//!   (tiers, names, kinds, comparisons, values, qualifiers, attributes),
//!   the properties;
//! - per project: name, code, amount, period, schedule (实施进度: content
//!   and period), goals, indicators, properties;
//! - per summary table: name, total, and per row its serial, code, name
//!   and amount (the table does not print a row's goals and properties).
//!
//! Figures are compared by value (`1056.40` and `1056.4` are one figure:
//! the workbook keeps the number, not the digits written); a blank text
//! (`""`), a blank (`-`) and no value are one, and a mark (`无`) is its
//! word quoted (`"无"`): each pair prints the same cell. Not compared, because the workbook prints them in
//! blocks that the import names (I001) instead of reading: the projects'
//! funding lines (资金来源, 上年度安排资金) and spending detail, the units'
//! other amount trees. A 系统 unit's member list is compared as the
//! units' `rollup` and their members' `parent` (the parent of a unit
//! that is not a 系统 is not printed, and not compared). Also not compared: the document's title,
//! and the findings (compared by `imported_examples_check_like_the_originals`).

use std::path::{Path, PathBuf};
use std::process::Command;

use rust_decimal::Decimal;
use serde_json::{json, Value};

fn jixiao(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env("JIXIAO_LANG", "en")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("jixiao-import-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A figure by value; other strings as they are; `scale` dropped; a
/// blank text value, a blank (`-`) and no value as one (all print a blank
/// cell); a mark (无, 不适用) as its word quoted (both print the word).
fn norm(v: &Value) -> Value {
    match v {
        // A blank cell: a blank text, `-`, no value.
        Value::Object(m)
            if m.len() == 1
                && (m.get("text").is_some_and(|t| t == "")
                    || m.get("blank") == Some(&json!(true))) =>
        {
            Value::Null
        }
        // A mark (无, 不适用) prints its word: the word quoted reads the same.
        Value::Object(m) if m.len() == 1 && m.contains_key("mark") => match m["mark"].as_str() {
            Some("none") => json!({"text": "无"}),
            Some("not_applicable") => json!({"text": "不适用"}),
            _ => v.clone(),
        },
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| k.as_str() != "scale")
                .map(|(k, v)| (k.clone(), norm(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(norm).collect()),
        Value::String(s) => match s.parse::<Decimal>() {
            Ok(d) => Value::String(d.normalize().to_string()),
            Err(_) => v.clone(),
        },
        _ => v.clone(),
    }
}

fn lines(ls: &Value, depth: usize, out: &mut Vec<Value>) {
    for l in ls.as_array().into_iter().flatten() {
        out.push(json!([depth, l["name"], norm(&l["amount"])]));
        for b in l["breakdowns"].as_array().into_iter().flatten() {
            lines(&b["lines"], depth + 1, out);
        }
    }
}

fn goals(gs: &Value) -> Value {
    let mut by: Vec<(String, Vec<String>)> = Vec::new();
    for g in gs.as_array().into_iter().flatten() {
        let k = g["kind"].to_string();
        let t = g["text"].as_str().unwrap_or("").to_string();
        match by.iter_mut().find(|(x, _)| *x == k) {
            Some((_, v)) => v.push(t),
            None => by.push((k, vec![t])),
        }
    }
    json!(by
        .into_iter()
        .map(|(k, v)| json!([k, v.join("\n")]))
        .collect::<Vec<_>>())
}

fn projection(model: &Value) -> Value {
    let rollups: Vec<&Value> = model["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["rollup"] == true)
        .map(|u| &u["name"])
        .collect();
    let units: Vec<Value> = model["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let budget = if u["budget"].is_null() {
                Value::Null
            } else {
                let mut sides = Vec::new();
                for b in u["budget"]["breakdowns"].as_array().into_iter().flatten() {
                    let d = b["dimension"].as_str().unwrap_or("");
                    // The tables show the first breakdown of each side.
                    let seen = sides.iter().any(|s: &Value| s[0] == d);
                    if (d == "income" || d == "expense") && !seen {
                        let mut v = Vec::new();
                        lines(&b["lines"], 0, &mut v);
                        sides.push(json!([d, v]));
                    }
                }
                json!({"total": norm(&u["budget"]["total"]), "sides": sides})
            };
            let projects: Vec<Value> = u["projects"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| {
                    json!({
                        "name": p["name"], "code": p["code"], "amount": norm(&p["amount"]),
                        "period": p["period"], "schedule": p["schedule"],
                        "goals": goals(&p["goals"]),
                        "indicators": norm(&p["indicators"]), "properties": norm(&p["properties"]),
                    })
                })
                .collect();
            json!({
                "name": u["name"], "code": u["code"], "rollup": u["rollup"],
                "parent": if rollups.contains(&&u["parent"]) { u["parent"].clone() } else { Value::Null },
                "budget": budget,
                "duties": u["duties"], "staff": norm(&u["staff"]), "plans": u["plans"],
                "goals": goals(&u["goals"]), "indicators": norm(&u["indicators"]),
                "properties": norm(&u["properties"]), "projects": projects,
            })
        })
        .collect();
    let summaries: Vec<Value> = model["summaries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            // The summary table prints each row's serial, code, name and
            // amount (not its text columns: goals, properties).
            let rows: Vec<Value> = s["rows"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|r| {
                    json!([
                        r["serial"],
                        r["code"],
                        r["name"],
                        norm(&r["amount"]),
                        r["mark"]
                    ])
                })
                .collect();
            json!({"name": s["name"], "rows": rows, "total": norm(&s["total"])})
        })
        .collect();
    json!({"units": units, "summaries": summaries})
}

fn model_of(path: &Path, dir: &Path) -> Value {
    let (_, _, err) = jixiao(&[
        "build",
        path.to_str().unwrap(),
        "--format",
        "json",
        "-o",
        dir.to_str().unwrap(),
    ]);
    let stem = path
        .parent()
        .filter(|_| path.file_name().is_some_and(|n| n == "main.jx"))
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .unwrap_or_else(|| path.file_stem().unwrap().to_string_lossy().into_owned());
    let file = dir.join(format!("{stem}.json"));
    let text =
        std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("no {}: {err}", file.display()));
    serde_json::from_str(&text).unwrap()
}

fn first_difference(a: &Value, b: &Value, at: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                if let Some(d) =
                    first_difference(v, y.get(k).unwrap_or(&Value::Null), &format!("{at}.{k}"))
                {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) => {
            for (k, v) in x.iter().enumerate() {
                if let Some(d) =
                    first_difference(v, y.get(k).unwrap_or(&Value::Null), &format!("{at}[{k}]"))
                {
                    return Some(d);
                }
            }
            (x.len() != y.len()).then(|| format!("{at}: {} vs {} items", x.len(), y.len()))
        }
        _ => (a != b).then(|| format!("{at}: {a} vs {b}")),
    }
}

#[test]
fn every_example_round_trips_through_its_workbook() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut names: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("main.jx").exists())
        .collect();
    names.sort();
    let mut failures = Vec::new();
    for ex in names {
        let name = ex.file_name().unwrap().to_string_lossy().into_owned();
        let main = ex.join("main.jx");
        let dir = scratch(&name);
        let (_, _, err) = jixiao(&[
            "build",
            main.to_str().unwrap(),
            "--format",
            "xlsx",
            "-o",
            dir.to_str().unwrap(),
        ]);
        let xlsx = dir.join(format!("{name}.xlsx"));
        assert!(xlsx.exists(), "{name}: no workbook: {err}");
        let out = dir.join("imported");
        let (ok, _, err) = jixiao(&[
            "import",
            xlsx.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ]);
        assert!(ok, "{name}: import failed: {err}");
        let original = projection(&model_of(&main, &dir.join("a")));
        let imported = projection(&model_of(&out.join(format!("{name}.jx")), &dir.join("b")));
        if let Some(d) = first_difference(&original, &imported, &name) {
            failures.push(format!("{name}: the imported model differs at {d}"));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The codes of `jixiao check`'s findings on a document, with their counts.
fn finding_counts(path: &Path) -> std::collections::BTreeMap<String, usize> {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(["check", path.to_str().unwrap(), "--message-format", "json"])
        .env("JIXIAO_LANG", "en")
        .output()
        .unwrap();
    let mut counts = std::collections::BTreeMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        if let Ok(v) = serde_json::from_str::<Value>(line) {
            if let Some(c) = v["code"].as_str() {
                *counts.entry(c.to_string()).or_insert(0) += 1;
            }
        }
    }
    counts
}

/// Per example: the framework the import states (`None`: given with
/// `--scheme`, the original's, because the tables do not show it), and
/// the codes whose findings rest on what the workbook does not carry.
const FINDINGS: &[(&str, Option<&str>, &[&str])] = &[
    // B011: the economic classification codes of the budget lines are not
    // printed in the workbook; B043: the changes (增减) of an amount
    // tree's lines are not read.
    ("shifeng-2020", Some("财预2020"), &["B011", "B043"]),
    // B001: the parts of 三公经费 (an amount tree); B008, B022: the
    // projects' spending detail.
    ("xiangyin-2023", Some("地方旧式"), &["B001", "B008", "B022"]),
    // V031: a value's second unit of measure (`95% 次`) is not printed.
    ("yueyang-2024", Some("财预2021"), &["V031"]),
    // The unit states 财预2020 though its tables put 服务对象满意度 under
    // 效益 (the shape of the older forms, T003): the framework is given.
    // B002, B020, B021: the spending detail and its basis of calculation.
    ("yuntian-2023", None, &["B002", "B020", "B021"]),
];

/// An imported example states the framework its tables show and gives
/// the findings of the original (each code, each count), but for the
/// codes about what the workbook does not carry.
#[test]
fn imported_examples_check_like_the_originals() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for (name, inferred, not_carried) in FINDINGS {
        let main = root.join(name).join("main.jx");
        let original_text = std::fs::read_to_string(&main).unwrap();
        let original_scheme = original_text
            .lines()
            .find_map(|l| l.strip_prefix("scheme "))
            .map(|s| s.split_whitespace().next().unwrap().to_string())
            .unwrap();
        let dir = scratch(&format!("findings-{name}"));
        jixiao(&[
            "build",
            main.to_str().unwrap(),
            "--format",
            "xlsx",
            "-o",
            dir.to_str().unwrap(),
        ]);
        let xlsx = dir.join(format!("{name}.xlsx"));
        let out = dir.join("imported");
        let mut args = vec![
            "import",
            xlsx.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ];
        if inferred.is_none() {
            args.extend(["--scheme", original_scheme.as_str()]);
        }
        let (ok, _, err) = jixiao(&args);
        assert!(ok, "{name}: {err}");
        let imported = out.join(format!("{name}.jx"));
        let text = std::fs::read_to_string(&imported).unwrap();
        assert!(
            text.lines()
                .any(|l| l == format!("scheme {original_scheme}")),
            "{name}: the import states no `scheme {original_scheme}`"
        );
        if let Some(s) = inferred {
            assert_eq!(*s, original_scheme, "{name}");
        }
        let keep = |m: std::collections::BTreeMap<String, usize>| {
            m.into_iter()
                .filter(|(c, _)| !not_carried.contains(&c.as_str()))
                .collect::<Vec<_>>()
        };
        let a = finding_counts(&main);
        for c in *not_carried {
            assert!(a.contains_key(*c), "{name}: the original gives no {c}");
        }
        assert_eq!(keep(a), keep(finding_counts(&imported)), "{name}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

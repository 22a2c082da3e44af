//! jixiao speaks Chinese and English: the catalogues (`locales/*/*.ftl`)
//! hold every message in both languages with the same placeholders, every
//! id the source names is in them, every code's registry texts have their
//! Chinese, and every finding of every fixture and example renders in both
//! languages; in Chinese, with no English left but names, codes and
//! keywords in backticks.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::process::Command;

use fluent_syntax::ast;
use jixiao::diag::codes::CODES;
use jixiao::diag::Diagnostic;
use jixiao::i18n::{Arg, Lang, Message, CATALOGUES};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The ids of a language's catalogues, each with the variables it uses.
fn entries(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (l, file, text) in CATALOGUES {
        if *l != lang {
            continue;
        }
        let resource = match fluent_syntax::parser::parse(*text) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{}/{file}: {errors:?}", lang.tag()),
        };
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                let id = m.id.name.to_string();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{}/{file}: `{id}` given twice",
                    lang.tag()
                );
            }
        }
    }
    out
}

fn pattern_vars(p: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let ast::PatternElement::Placeable { expression } = e {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &ast::Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        ast::Expression::Inline(i) => inline_vars(i, vars),
    }
}

fn inline_vars(i: &ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// The registry's Chinese texts: `code-CODE-summary` and the like.
fn is_registry_text(id: &str) -> bool {
    id.starts_with("code-")
}

#[test]
fn both_languages_have_every_message_with_the_same_placeholders() {
    let en = entries(Lang::En);
    let zh: BTreeMap<_, _> = entries(Lang::Zh)
        .into_iter()
        .filter(|(id, _)| !is_registry_text(id))
        .collect();
    let only_en: Vec<&String> = en.keys().filter(|k| !zh.contains_key(*k)).collect();
    let only_zh: Vec<&String> = zh.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "not in Chinese: {only_en:?}");
    assert!(only_zh.is_empty(), "not in English: {only_zh:?}");
    for (id, vars) in &en {
        assert_eq!(vars, &zh[id], "`{id}`: the placeholders differ");
    }
}

#[test]
fn every_code_explains_itself_in_both_languages() {
    let zh = entries(Lang::Zh);
    for c in CODES {
        for part in ["summary", "explanation", "fix"] {
            let id = format!("code-{}-{part}", c.code);
            assert!(
                zh.contains_key(&id),
                "no Chinese {part} of {} (`{id}`)",
                c.code
            );
        }
        assert!(!c.summary.is_empty() && !c.explanation.is_empty() && !c.fix.is_empty());
        let zh_text = jixiao::diag::codes::explain_text_in(c, Lang::Zh);
        assert!(zh_text.contains("默认级别"), "{zh_text}");
        assert_ne!(c.summary_in(Lang::Zh), c.summary, "{}", c.code);
    }
    // No Chinese text for a code that does not exist.
    for id in zh.keys().filter(|id| is_registry_text(id)) {
        let code = id.split('-').nth(1).unwrap_or("");
        assert!(
            jixiao::diag::codes::lookup(code).is_some(),
            "`{id}` names no code"
        );
    }
}

/// Every id the source names in `msg!("…")`, `Message::new("…")` or a
/// field `message: "…"`, and the ids of the command line's possible values.
fn ids_in_source() -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    let patterns = ["msg!(\"", "Message::new(\"", "message: \"", ": \"cli-"];
    let mut stack = vec![root().join("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|x| x != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            for pat in patterns {
                for (i, _) in text.match_indices(pat) {
                    let rest = &text[i + pat.len()..];
                    let Some(end) = rest.find('"') else { continue };
                    let mut id = &rest[..end];
                    if pat == ": \"cli-" {
                        id = &text[i + 3..i + pat.len() + end];
                    }
                    let looks_like_an_id = !id.is_empty()
                        && id
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
                    if looks_like_an_id {
                        let file = p.strip_prefix(root()).unwrap().display().to_string();
                        out.insert((id.to_string(), file));
                    }
                }
            }
        }
    }
    out
}

#[test]
fn every_id_the_source_names_is_in_the_catalogues() {
    let en = entries(Lang::En);
    let ids = ids_in_source();
    assert!(
        ids.len() > 300,
        "only {} ids found: the scan is broken",
        ids.len()
    );
    let missing: Vec<_> = ids.iter().filter(|(id, _)| !en.contains_key(id)).collect();
    assert!(missing.is_empty(), "not in the catalogues: {missing:?}");
}

/// The messages of a finding: its message, labels, notes and help.
fn messages(d: &Diagnostic) -> Vec<&Message> {
    let mut out = vec![&d.message];
    out.extend(d.labels.iter().map(|l| &l.message));
    out.extend(d.notes.iter());
    out.extend(d.help.iter());
    out
}

/// The message with every text of the document (names, figures, formulas)
/// replaced by `某`: what remains is the catalogue's own wording.
fn wording(m: &Message) -> Message {
    fn arg(a: &Arg) -> Arg {
        match a {
            Arg::Text(t) if t.is_empty() => Arg::Text(String::new()),
            Arg::Text(_) => Arg::Text("某".into()),
            Arg::Message(m) => Arg::Message(Box::new(wording(m))),
            Arg::List(j, items) => Arg::List(*j, items.iter().map(arg).collect()),
            other => other.clone(),
        }
    }
    Message {
        id: m.id,
        args: m.args.iter().map(|(n, a)| (*n, arg(a))).collect(),
    }
}

/// Words of the Chinese catalogue that are not English prose: what the
/// user types or reads in a file (codes, commands, formats, placeholders
/// of syntax), written in backticks or not.
const NOT_ENGLISH: &[&str] = &[
    "jixiao", "explain", "list", "root", "iconv", "GBK", "UTF", "FIFO", "DIR", "include", "jx",
    "dir", "Windows", "Unicode", "BOM", "GB", "MiB",
];

/// The English words left in a Chinese text, outside backticks.
fn english_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            continue; // inside backticks: code, keywords, what the user types
        }
        let mut word = String::new();
        for c in part.chars().chain([' ']) {
            if c.is_ascii_alphabetic() {
                word.push(c);
            } else {
                // One letter is a code's (`B001`) or a formula's.
                if word.len() >= 2 && !NOT_ENGLISH.contains(&word.as_str()) {
                    out.push(word.clone());
                }
                word.clear();
            }
        }
    }
    out
}

fn fixtures() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for family in std::fs::read_dir(root().join("tests/fixtures")).unwrap() {
        for f in std::fs::read_dir(family.unwrap().path()).unwrap() {
            out.push(f.unwrap().path());
        }
    }
    out.sort();
    out
}

fn examples() -> Vec<PathBuf> {
    [
        "yuntian-2023",
        "shifeng-2020",
        "xiangyin-2023",
        "yueyang-2024",
    ]
    .iter()
    .map(|e| root().join("examples").join(e))
    .collect()
}

#[test]
fn every_finding_renders_in_both_languages_and_chinese_is_chinese() {
    let mut problems = Vec::new();
    let mut seen_codes = BTreeSet::new();
    let inputs: Vec<PathBuf> = fixtures().into_iter().chain(examples()).collect();
    for path in &inputs {
        let (_, diags) = common::check_paths(&[path]);
        for d in &diags {
            seen_codes.insert(d.code);
            for m in messages(d) {
                for lang in Lang::ALL {
                    if let Err(e) = m.try_render(lang) {
                        problems.push(format!("{}: {} {}: {e:?}", path.display(), d.code, m.id));
                    }
                }
                let zh = wording(m).render(Lang::Zh);
                let words = english_words(&zh);
                if !words.is_empty() {
                    problems.push(format!(
                        "{}: {} `{}` in Chinese is {zh:?}: English {words:?}",
                        path.display(),
                        d.code,
                        m.id
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // The import codes (I…) are found in workbooks, not in fixtures:
    // tests/import.rs renders each in both languages.
    let document_codes = CODES
        .iter()
        .filter(|c| !c.code.as_str().starts_with('I'))
        .count();
    assert!(seen_codes.len() >= document_codes - 2, "{seen_codes:?}");
}

/// Every fixture's findings in Chinese, one block per fixture: what a
/// translator reviews.
#[test]
fn fixtures_in_chinese() {
    let mut shown = String::new();
    for path in fixtures() {
        if path.to_string_lossy().contains("near-miss") {
            continue;
        }
        let (_, diags) = common::check_paths(&[&path]);
        shown.push_str(&format!(
            "== {}\n",
            path.file_name().unwrap().to_string_lossy()
        ));
        for d in &diags {
            shown.push_str(&format!(
                "{}[{}] {}\n",
                d.severity.word().render(Lang::Zh),
                d.code,
                d.message.render(Lang::Zh)
            ));
            for l in d.labels.iter().filter(|l| !l.message.is_empty()) {
                shown.push_str(&format!("  - {}\n", l.message.render(Lang::Zh)));
            }
            for n in &d.notes {
                shown.push_str(&format!("  = {}\n", n.render(Lang::Zh)));
            }
            for h in &d.help {
                shown.push_str(&format!(
                    "  = {}\n",
                    jixiao::msg!("help-line", text = h.clone()).render(Lang::Zh)
                ));
            }
        }
    }
    insta::assert_snapshot!(shown);
}

fn jixiao(args: &[&str], env: &[(&str, &str)]) -> (String, String, Option<i32>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    cmd.args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .env_remove("JIXIAO_LANG")
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("the binary runs");
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
        out.status.code(),
    )
}

const ZH: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];

/// `LANG=zh_CN.UTF-8 jixiao check examples/xiangyin-2023`: every finding,
/// note and help in Chinese.
#[test]
fn a_chinese_locale_gets_chinese() {
    let (_, zh, status) = jixiao(&["check", "examples/xiangyin-2023"], ZH);
    assert_eq!(status, Some(1));
    assert!(zh.contains("错误[B001]: 三公经费 为 13.00"), "{zh}");
    assert!(zh.contains("警告[V006]"), "{zh}");
    assert!(zh.contains("= 建议："), "{zh}");
    assert!(zh.contains("按代码统计："), "{zh}");
    for word in ["error[", "warning[", "help:", "states", "found"] {
        assert!(!zh.contains(word), "`{word}` in Chinese output:\n{zh}");
    }
    // The headers and notes of every finding are Chinese (the source lines
    // shown under them are the document's own).
    for line in zh.lines() {
        let text = if let Some(rest) = line.trim_start().strip_prefix("= ") {
            rest
        } else if line.starts_with("错误[") || line.starts_with("警告[") {
            line
        } else {
            continue;
        };
        let words = english_words(text);
        let names_only = words
            .iter()
            .all(|w| ["unit", "jx", "examples", "xiangyin", "main"].contains(&w.as_str()));
        assert!(names_only, "English in {line:?}: {words:?}");
    }
    insta::assert_snapshot!("xiangyin-2023.zh", zh);
    // The same in English, whatever the locale, with --lang en.
    let (_, en, status) = jixiao(&["--lang", "en", "check", "examples/xiangyin-2023"], ZH);
    assert_eq!(status, Some(1));
    assert!(en.contains("error[B001]: 三公经费 states 13.00"), "{en}");
    assert!(en.contains("= help: "), "{en}");
    assert!(!en.contains("错误["), "{en}");
    // The language as a locale or in words: `--lang` reads what
    // JIXIAO_LANG reads.
    for (spelling, chinese) in [
        ("zh-CN", true),
        ("中文", true),
        ("English", false),
        ("en_US", false),
    ] {
        let (_, out, status) = jixiao(
            &["--lang", spelling, "check", "examples/xiangyin-2023"],
            &[],
        );
        assert_eq!(status, Some(1), "{spelling}: {out}");
        assert_eq!(out.contains("错误[B001]"), chinese, "{spelling}: {out}");
        assert_eq!(out.contains("error[B001]"), !chinese, "{spelling}: {out}");
    }
    // JIXIAO_LANG chooses too, before the locale.
    let (_, en2, _) = jixiao(
        &["check", "examples/xiangyin-2023"],
        &[("LANG", "zh_CN.UTF-8"), ("JIXIAO_LANG", "en")],
    );
    assert_eq!(en, en2);
    // No locale: English.
    let (_, en3, _) = jixiao(&["check", "examples/xiangyin-2023"], &[]);
    assert_eq!(en, en3);
}

/// The JSON keeps its codes and severities; its messages follow the
/// language.
#[test]
fn json_keeps_its_codes_in_every_language() {
    let args = [
        "check",
        "--message-format",
        "json",
        "examples/xiangyin-2023",
    ];
    let (zh, _, _) = jixiao(&args, ZH);
    let (en, _, _) = jixiao(&args, &[]);
    let parse = |s: &str| -> Vec<serde_json::Value> {
        s.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let (zh, en) = (parse(&zh), parse(&en));
    assert_eq!(zh.len(), en.len());
    for (z, e) in zh.iter().zip(&en) {
        for key in ["code", "severity", "file", "line", "column"] {
            assert_eq!(z[key], e[key], "{key}");
        }
    }
    assert!(zh[0]["message"].as_str().unwrap().contains("相差"));
    assert!(en[0]["message"]
        .as_str()
        .unwrap()
        .contains("a difference of"));
}

/// `jixiao check --summary examples/yueyang-2024` fits one screen.
#[test]
fn the_summary_fits_one_screen() {
    for env in [ZH, &[]] {
        let (out, err, status) = jixiao(&["check", "--summary", "examples/yueyang-2024"], env);
        assert_eq!(status, Some(1));
        assert!(out.is_empty());
        let lines = err.lines().count();
        assert!(lines <= 50, "{lines} lines:\n{err}");
        // Every code found is counted, with its meaning.
        for c in ["B006", "R001", "T004", "V002", "V006"] {
            assert!(
                err.lines().any(|l| l.trim_start().starts_with(c)),
                "{c}:\n{err}"
            );
        }
        assert!(err.contains("岳阳市水利局本级"), "{err}");
    }
    // The total is the findings', counted from the JSON.
    let (json, _, _) = jixiao(
        &["check", "--message-format", "json", "examples/yueyang-2024"],
        &[],
    );
    let errors = json.matches("\"severity\":\"error\"").count();
    let warnings = json.matches("\"severity\":\"warning\"").count();
    let (_, err, _) = jixiao(&["check", "--summary", "examples/yueyang-2024"], &[]);
    let total = format!("found {errors} errors and {warnings} warnings\n");
    assert!(err.ends_with(&total), "{err}");
    assert!(err.contains("a summary row names no unit or project of the document"));
    let (_, err, _) = jixiao(&["check", "--summary", "examples/yueyang-2024"], ZH);
    let total = format!("发现 {errors} 个错误和 {warnings} 个警告\n");
    assert!(err.ends_with(&total), "{err}");
}

/// `--short`: one line per finding as problem matchers read it;
/// `--quiet`: no closing summary.
#[test]
fn short_and_quiet() {
    let (_, err, status) = jixiao(&["check", "--short", "examples/xiangyin-2023"], ZH);
    assert_eq!(status, Some(1));
    let lines: Vec<&str> = err.lines().collect();
    let (last, findings) = lines.split_last().unwrap();
    assert!(last.starts_with("发现 "), "{last}");
    let (json, _, _) = jixiao(
        &[
            "check",
            "--message-format",
            "json",
            "examples/xiangyin-2023",
        ],
        &[],
    );
    assert_eq!(findings.len(), json.lines().count());
    for l in findings {
        // file:line:col: severity[CODE] message
        let (place, rest) = l.split_once(": ").unwrap();
        let mut p = place.rsplitn(3, ':');
        let col: usize = p.next().unwrap().parse().unwrap();
        let line: usize = p.next().unwrap().parse().unwrap();
        assert!(col > 0 && line > 0);
        assert!(p.next().unwrap().ends_with(".jx"), "{l}");
        assert!(
            rest.starts_with("error[") || rest.starts_with("warning["),
            "{l}"
        );
    }
    let (_, quiet, _) = jixiao(
        &["check", "--short", "--quiet", "examples/xiangyin-2023"],
        ZH,
    );
    assert_eq!(quiet.lines().count(), findings.len());
    let (_, quiet, _) = jixiao(&["check", "-q", "examples/xiangyin-2023"], &[]);
    assert!(!quiet.contains("findings by code"));
    assert!(!quiet.contains("found "));
}

/// `--help` in Chinese, with `--lang` or the locale.
#[test]
fn help_in_both_languages() {
    let (zh, _, status) = jixiao(&["check", "--help"], ZH);
    assert_eq!(status, Some(0));
    for word in ["用法：", "选项", "检查文档", "可选值", "默认"] {
        assert!(zh.contains(word), "{word}:\n{zh}");
    }
    for word in [
        "Usage",
        "Options",
        "Possible values",
        "default:",
        "Print help",
    ] {
        assert!(!zh.contains(word), "{word}:\n{zh}");
    }
    let (en, _, _) = jixiao(&["--lang", "en", "check", "--help"], ZH);
    assert!(
        en.contains("Usage:") && en.contains("Check documents"),
        "{en}"
    );
    let (zh2, _, _) = jixiao(&["--lang", "zh", "help", "check"], &[]);
    assert!(zh2.contains("检查文档"), "{zh2}");
    // Mistakes on the command line, in Chinese too (status 2).
    let (_, err, status) = jixiao(&["build", "--format", "pdf", "x.jx"], ZH);
    assert_eq!(status, Some(2));
    assert!(
        err.starts_with("错误：`--format <FORMAT>` 的值 `pdf` 无效"),
        "{err}"
    );
    let (_, err, status) = jixiao(&["check", "--no-such-flag", "x.jx"], ZH);
    assert_eq!(status, Some(2));
    assert!(
        err.starts_with("错误：无法识别的参数 `--no-such-flag`"),
        "{err}"
    );
    let (_, err, _) = jixiao(&["explain", "--list"], ZH);
    assert!(err.is_empty());
    let (list, _, _) = jixiao(&["explain", "--list"], ZH);
    assert!(
        list.starts_with("S001  错误   unexpected-input         不符合"),
        "{list}"
    );
    let (explain, _, _) = jixiao(&["explain", "B001"], ZH);
    assert!(
        explain.starts_with("B001（breakdown-does-not-add-up）：分项之和"),
        "{explain}"
    );
    assert!(explain.contains("默认级别：错误"), "{explain}");
}

/// CSV headers follow the language; English keeps the keys programs read.
#[test]
fn csv_headers_in_both_languages() {
    let dir = std::env::temp_dir().join(format!("jixiao-i18n-csv-{}", std::process::id()));
    let out = dir.to_str().unwrap();
    let (_, _, status) = jixiao(
        &[
            "build",
            "--format",
            "csv",
            "-o",
            out,
            "examples/yuntian-2023",
        ],
        ZH,
    );
    // 1: the example has error-level findings; the tables are written.
    assert_eq!(status, Some(1));
    let zh = std::fs::read_to_string(dir.join("yuntian-2023.indicators.csv")).unwrap();
    assert!(
        zh.starts_with("单位代码,单位,项目,一级指标,二级指标,三级指标"),
        "{zh}"
    );
    jixiao(
        &[
            "--lang",
            "en",
            "build",
            "--format",
            "csv",
            "-o",
            out,
            "examples/yuntian-2023",
        ],
        ZH,
    );
    let en = std::fs::read_to_string(dir.join("yuntian-2023.indicators.csv")).unwrap();
    assert!(
        en.starts_with("unit_code,unit,project,tier1,tier2,indicator"),
        "{en}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The reviewer's report lists every finding of the city corpus, by unit,
/// with an empty column for the reviewer.
#[test]
fn the_report_lists_every_finding() {
    let dir = std::env::temp_dir().join(format!("jixiao-i18n-report-{}", std::process::id()));
    let out = dir.to_str().unwrap();
    let (_, _, status) = jixiao(
        &[
            "build",
            "--format",
            "report",
            "-o",
            out,
            "examples/yueyang-2024",
        ],
        ZH,
    );
    assert_eq!(status, Some(1));
    let html = std::fs::read_to_string(dir.join("yueyang-2024.report.html")).unwrap();
    assert!(dir.join("yueyang-2024.report.xlsx").exists());
    let (_, diags) = common::check_paths(&[&root().join("examples/yueyang-2024")]);
    let listed: BTreeSet<usize> = html
        .match_indices("data-finding=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('"').unwrap()].parse().unwrap()
        })
        .collect();
    let all: BTreeSet<usize> = (1..=diags.len()).collect();
    assert_eq!(listed, all);
    assert!(html.contains("审核意见"));
    assert!(html.contains("<td class=\"opinion\"></td>"));
    // The figures of a finding that compares them are in their columns.
    assert!(html.contains("<td class=\"amt\">2602.61</td><td class=\"amt\">2602.01</td>"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// `README.zh-CN.md` and the Chinese tour of the language: their examples
/// read without a syntax error, and the tour's whole document is clean.
#[test]
fn the_chinese_docs_hold_their_examples() {
    for (doc, clean) in [("README.zh-CN.md", false), ("docs/language.zh-CN.md", true)] {
        let text = std::fs::read_to_string(root().join(doc)).expect(doc);
        assert!(text.contains("jixiao check") || text.contains("cargo run -- check"));
        let blocks: Vec<&str> = text
            .split("```jx\n")
            .skip(1)
            .map(|b| b.split("```").next().unwrap_or(""))
            .collect();
        assert!(!blocks.is_empty(), "{doc}");
        for b in blocks {
            let (_, diags) = common::check_text(b);
            let syntax: Vec<_> = diags
                .iter()
                .filter(|d| d.code.as_str().starts_with('S'))
                .collect();
            assert!(syntax.is_empty(), "{doc}: {syntax:?}");
            if clean {
                assert!(diags.is_empty(), "{doc}: {diags:?}");
            }
        }
    }
}

/// A syntax error lists the expected keywords as the file spells its
/// keywords, in whichever language the message is.
#[test]
fn expected_keywords_follow_the_file() {
    let zh_file = "年度 2023\n单位 \"甲\" {\n  % 不是语句\n}\n";
    let en_file = "year 2023\nunit \"甲\" {\n  % not a statement\n}\n";
    for lang in Lang::ALL {
        let (_, diags) = common::check_text(zh_file);
        let m = diags[0].message.render(lang);
        assert!(m.contains("`预算`") && m.contains("`绩效指标`"), "{m}");
        assert!(!m.contains("`budget`"), "{m}");
        let (_, diags) = common::check_text(en_file);
        let m = diags[0].message.render(lang);
        assert!(m.contains("`budget`") && m.contains("`indicators`"), "{m}");
        assert!(!m.contains("`预算`"), "{m}");
    }
    // A file with no keyword: the language of the run.
    let (_, diags) = common::check_text("% 什么都不是\n");
    let d = &diags[0];
    assert!(
        d.message.render(Lang::Zh).contains("`年度`"),
        "{}",
        d.message.render(Lang::Zh)
    );
    assert!(
        d.message.render(Lang::En).contains("`year`"),
        "{}",
        d.message
    );
}

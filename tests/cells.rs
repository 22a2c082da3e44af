//! Every cell of the published tables of seeds 001–003 is in the checked
//! model.
//!
//! `examples/extract_cells.py` reads each seed's tables and lists their
//! cells, each as the atoms the model must hold (a figure, a text, a date or
//! a period, a checkbox, a form field, a 无 / 不适用 cell), in
//! `examples/<name>/data/cells.tsv`; its docstring says what a cell is and
//! how it is read. This test builds each example's JSON model (what
//! `jixiao build --format json` writes), takes from it every figure, text,
//! date, period, checkbox, property and mark it holds, and finds every atom
//! of the seed among them — each model value standing for one cell at most,
//! so that a cell printed in two tables (a repeated 附件) must be there
//! twice. Comments are not part of the model: a cell kept only in a comment
//! is not found.

use std::collections::HashMap;
use std::path::Path;

use jixiao::check::{self, Options};
use jixiao::Input;
use serde_json::Value;

/// A text as compared: without white space, and without a leading serial
/// (`一、`, `(1)`, `1.`, `1、`) or `其中：`.
fn norm(text: &str) -> String {
    let mut t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect();
    loop {
        let before = t.clone();
        for prefix in ["其中：", "其中:"] {
            if let Some(rest) = t.strip_prefix(prefix) {
                t = rest.to_string();
            }
        }
        t = strip_serial(&t);
        if t == before {
            return t;
        }
    }
}

fn strip_serial(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let han_digit = |c: char| "一二三四五六七八九十".contains(c);
    // 一、 二十、
    let n = chars.iter().take_while(|c| han_digit(**c)).count();
    if n > 0 && chars.get(n) == Some(&'、') {
        return chars[n + 1..].iter().collect();
    }
    // (1) （一）
    if matches!(chars.first(), Some('(' | '（')) {
        let n = chars[1..]
            .iter()
            .take_while(|c| c.is_ascii_digit() || han_digit(**c))
            .count();
        if n > 0 && matches!(chars.get(n + 1), Some(')' | '）')) {
            return chars[n + 2..].iter().collect();
        }
    }
    // 1. 1、 1．
    let n = chars.iter().take_while(|c| c.is_ascii_digit()).count();
    if n > 0
        && matches!(chars.get(n), Some('.' | '、' | '．'))
        && chars.get(n + 1).is_some_and(|c| !c.is_ascii_digit())
    {
        return chars[n + 1..].iter().collect();
    }
    t.to_string()
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    (s.len() == 7 || s.len() == 10)
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && (s.len() == 7 || (b[7] == b'-' && b[8..].iter().all(u8::is_ascii_digit)))
}

fn mark_text(key: &str) -> &'static str {
    match key {
        "none" => "无",
        _ => "不适用",
    }
}

/// The values of a model, each once, by the keys under which a cell can
/// find it.
#[derive(Default)]
struct Pool {
    used: Vec<bool>,
    by_key: HashMap<String, Vec<usize>>,
}

impl Pool {
    fn add(&mut self, keys: Vec<String>) {
        let id = self.used.len();
        self.used.push(false);
        for k in keys {
            self.by_key.entry(k).or_default().push(id);
        }
    }

    /// Take a value found under the first of `keys` that has one left.
    fn take(&mut self, keys: &[String]) -> bool {
        for k in keys {
            if let Some(ids) = self.by_key.get(k) {
                if let Some(id) = ids.iter().copied().find(|i| !self.used[*i]) {
                    self.used[id] = true;
                    return true;
                }
            }
        }
        false
    }

    /// Every value of a JSON model that a table cell can be: figures, texts,
    /// dates and periods, checkboxes, properties (as `KEY=VALUE`) and marks.
    /// Keys of the model's own making (dimensions, labels, kinds, property
    /// keys, file names, findings) are not values of the tables.
    fn walk(&mut self, v: &Value, key: &str) {
        match v {
            Value::Object(m) => {
                if m.len() == 2 && m.contains_key("value") && m.contains_key("scale") {
                    if let Some(s) = m["value"].as_str() {
                        self.add(vec![format!("figure:{s}")]);
                    }
                    return;
                }
                if let (Some(Value::String(s)), Some(Value::String(e))) =
                    (m.get("start"), m.get("end"))
                {
                    self.add(vec![format!("period:{s}..{e}")]);
                    self.add(vec![format!("date:{s}")]);
                    self.add(vec![format!("date:{e}")]);
                    return;
                }
                // A target's time (`2023年年底之前` is the year 2023, its end,
                // with the word 之前 among the qualifiers): its date.
                if let (Some(Value::String(d)), Some(Value::Bool(_))) =
                    (m.get("date"), m.get("year_stated"))
                {
                    self.add(vec![format!("date:{d}"), format!("text:{}", norm(d))]);
                    return;
                }
                if let (Some(Value::String(l)), Some(Value::Bool(c))) =
                    (m.get("label"), m.get("checked"))
                {
                    self.add(vec![format!("choice:{}={}", norm(l), u8::from(*c))]);
                    return;
                }
                if let (Some(Value::String(k)), Some(Value::Object(val))) =
                    (m.get("key"), m.get("value"))
                {
                    let k = norm(k);
                    if let Some(Value::String(t)) = val.get("text") {
                        self.add(vec![
                            format!("field:{k}={}", norm(t)),
                            format!("text:{}", norm(t)),
                        ]);
                        return;
                    }
                    if let Some(Value::String(mk)) = val.get("mark") {
                        let t = mark_text(mk);
                        self.add(vec![format!("field:{k}={t}"), format!("mark:{t}")]);
                        return;
                    }
                    if val.contains_key("blank") {
                        self.add(vec![format!("field:{k}=")]);
                        return;
                    }
                    self.walk(&Value::Object(val.clone()), "value");
                    return;
                }
                for (k, x) in m {
                    if matches!(
                        k.as_str(),
                        "diagnostics"
                            | "files"
                            | "dimension"
                            | "label"
                            | "kind"
                            | "comparison"
                            | "target"
                            | "jixiao_model"
                            | "money"
                            | "scheme"
                    ) {
                        continue;
                    }
                    self.walk(x, k);
                }
            }
            Value::Array(a) => {
                for x in a {
                    self.walk(x, key);
                }
            }
            Value::String(s) if key == "mark" => {
                self.add(vec![format!("mark:{}", mark_text(s))]);
            }
            Value::String(s) if is_date(s) => {
                self.add(vec![format!("date:{s}"), format!("text:{}", norm(s))]);
            }
            Value::String(s) => self.add(vec![format!("text:{}", norm(s))]),
            _ => {}
        }
    }
}

/// One atom of a cell, from `cells.tsv`.
struct Atom {
    cell: usize,
    line: String,
    table: String,
    kind: String,
    reading: String,
    text: String,
}

fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn atoms(example: &str) -> Vec<Atom> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example)
        .join("data/cells.tsv");
    let text = std::fs::read_to_string(&path).expect("cells.tsv");
    text.lines()
        .skip(1)
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            assert_eq!(f.len(), 6, "{}: {l}", path.display());
            Atom {
                cell: f[0].parse().expect("a cell number"),
                line: f[1].to_string(),
                table: f[2].to_string(),
                kind: f[3].to_string(),
                reading: unescape(f[4]),
                text: unescape(f[5]),
            }
        })
        .collect()
}

fn model(example: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(example);
    let project = jixiao::load(&[Input::Path(path)]).expect("the example loads");
    let checked = check::run(&project, &Options::default());
    assert_eq!(checked.model.documents.len(), 1);
    jixiao::emit::json::document(
        &checked.model.documents[0],
        &checked.diagnostics,
        jixiao::i18n::Lang::En,
    )
}

/// The atoms of the seed not found in the model, and the count of cells
/// found and listed.
fn coverage(example: &str) -> (Vec<String>, usize, usize) {
    let mut pool = Pool::default();
    pool.walk(&model(example), "");
    let atoms = atoms(example);
    let mut missing = Vec::new();
    let mut cells_missing = std::collections::BTreeSet::new();
    for a in &atoms {
        let keys = match a.kind.as_str() {
            "figure" => vec![format!("figure:{}", a.reading)],
            "text" => vec![format!("text:{}", norm(&a.reading))],
            // A date or a period the transcription kept as a text (an
            // indicator's value 2023年1-12月) is found as that text.
            "date" => vec![
                format!("text:{}", norm(&a.text)),
                format!("date:{}", a.reading),
            ],
            "period" => vec![
                format!("text:{}", norm(&a.text)),
                format!("period:{}", a.reading),
            ],
            "choice" => vec![format!("choice:{}", a.reading)],
            "field" => vec![format!("field:{}", norm_field(&a.reading))],
            "mark" => vec![format!("mark:{}", a.reading)],
            other => panic!("unknown kind {other}"),
        };
        if !pool.take(&keys) {
            cells_missing.insert(a.cell);
            missing.push(format!(
                "seed line {} ({}): {} {:?} in cell {:?}",
                a.line, a.table, a.kind, a.reading, a.text
            ));
        }
    }
    let cells = atoms.iter().map(|a| a.cell).max().unwrap_or(0);
    (missing, cells - cells_missing.len(), cells)
}

fn norm_field(reading: &str) -> String {
    match reading.split_once('=') {
        Some((k, v)) => format!("{}={}", norm(k), norm(v)),
        None => norm(reading),
    }
}

fn assert_every_cell_found(example: &str) {
    let (missing, found, total) = coverage(example);
    println!("{example}: {found}/{total} cells found in the model");
    assert!(
        missing.is_empty(),
        "{example}: {found}/{total} cells found; not in the model:\n{}",
        missing.join("\n")
    );
}

#[test]
fn seed_001_every_cell_is_in_the_model() {
    assert_every_cell_found("yuntian-2023");
}

#[test]
fn seed_002_every_cell_is_in_the_model() {
    assert_every_cell_found("shifeng-2020");
}

#[test]
fn seed_003_every_cell_is_in_the_model() {
    assert_every_cell_found("xiangyin-2023");
}

#[test]
fn a_cell_kept_only_in_a_comment_is_not_found() {
    // The pool finds a value once: a second cell with the same text is
    // not found in a model that holds it once.
    let mut pool = Pool::default();
    pool.walk(&serde_json::json!({ "name": "合同" }), "");
    assert!(pool.take(&["text:合同".to_string()]));
    assert!(!pool.take(&["text:合同".to_string()]));
    assert_eq!(norm("一、 一般公共预算拨款"), "一般公共预算拨款");
    assert_eq!(norm("(1)经费拨款"), "经费拨款");
    assert_eq!(norm("其中：基本支出"), "基本支出");
    assert_eq!(norm("1.5"), "1.5");
}

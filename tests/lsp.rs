//! End to end: `jixiao lsp` spoken to over standard input and output, as an
//! editor does (JSON-RPC with `Content-Length` framing), one feature per
//! test, on a small project written to a scratch directory: a root
//! `main.jx` including `parts/a.jx` and `summary.jx`, with Han text and a
//! character outside the BMP (𠀀) before the figures that findings point at.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use serde_json::{json, Value};

const MAIN: &str = "title \"测试\"
year 2023
money 万元
precision 2
scheme 财预2020

include \"parts/*.jx\"
include \"summary.jx\"
";

const PART: &str = "rollup unit 办公室系统 {
  budget 300.00
  unit 101 \"云田镇𠀀\" { budget 100.00 { by income { 一般公共预算拨款 60.00 其他资金 30.00 } } }
}

unit 102 乙单位 {
  parent 办公室系统
  budget 200.00 {
    by expense {
      基本支出 150.00
      项目支出 50.00
    }
  }
  indicators {
    产处指标 {
      数量指标 { 辖区社区数量 = 9 个 }
    }
    满意度指标 {
      服务对象满意度指标 { 群众满意度 ≤ 98% }
    }
  }
  project \"城乡环境整治\" 30.00 {
  }
  project 绿化 20.00 {
  }
}
";

const SUMMARY: &str = "summary \"汇总表\" {
  #1   办公室系统 300.00
  #1-1 云田镇𠀀 100.00
  #1-2 乙单位 210.00
}
";

/// A scratch directory with the project, removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("jixiao-lsp-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("parts")).unwrap();
        std::fs::write(dir.join("main.jx"), MAIN).unwrap();
        std::fs::write(dir.join("parts/a.jx"), PART).unwrap();
        std::fs::write(dir.join("summary.jx"), SUMMARY).unwrap();
        Scratch(dir.canonicalize().unwrap())
    }
    fn uri(&self, rel: &str) -> String {
        format!("file://{}", self.0.join(rel).display())
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<Value>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    pending: Vec<Value>,
    capabilities: Value,
}

fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    /// Start the server and initialize it with `root` as workspace folder.
    /// The messages these tests read are English, whatever the locale.
    fn start(root: &Path) -> Client {
        Client::start_in(root, "en")
    }

    /// The same, with the server's language chosen by `JIXIAO_LANG`.
    fn start_in(root: &Path, lang: &str) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_jixiao"))
            .arg("lsp")
            .env("JIXIAO_LANG", lang)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(m) = read_message(&mut r) {
                if tx.send(m).is_err() {
                    break;
                }
            }
        });
        let mut c = Client {
            child,
            stdin,
            messages: rx,
            next_id: 1,
            pending: Vec::new(),
            capabilities: Value::Null,
        };
        let uri = format!("file://{}", root.display());
        let result = c.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri,
                "workspaceFolders": [{"uri": uri, "name": "test"}],
                "capabilities": {},
                "initializationOptions": {"diagnosticsUrl": "https://example.org/docs/diagnostics.md"}
            }),
        );
        c.capabilities = result["capabilities"].clone();
        c.notify("initialized", json!({}));
        c
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 s")
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Send a request and wait for its response; its result (or error).
    fn request_raw(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.next();
            if m.get("id") == Some(&json!(id)) && m.get("method").is_none() {
                return m;
            }
            self.pending.push(m);
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let m = self.request_raw(method, params);
        assert!(m.get("error").is_none(), "{method} failed: {m}");
        m["result"].clone()
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "jixiao", "version": 1, "text": text}}),
        );
    }

    /// The diagnostics published last for `uri`, waiting for the first
    /// publication after now that `accept` accepts.
    fn diagnostics(&mut self, uri: &str, accept: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let is_for = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        let mut pending = std::mem::take(&mut self.pending).into_iter();
        loop {
            let m = match pending.next() {
                Some(m) => m,
                None => self.next(),
            };
            if is_for(&m) {
                let d = m["params"]["diagnostics"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default();
                if accept(&d) {
                    self.pending.extend(pending);
                    return d;
                }
            } else {
                self.pending.push(m);
            }
        }
    }

    fn shutdown(mut self) {
        let r = self.request("shutdown", Value::Null);
        assert_eq!(r, Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().expect("the server exits");
        assert!(status.success(), "exit status {status}");
    }
}

/// The position of the `n`th occurrence of `needle` in `text` (0-based
/// line, UTF-16 column), counted independently of the server.
fn pos(text: &str, needle: &str, n: usize) -> Value {
    let at = text
        .match_indices(needle)
        .nth(n)
        .unwrap_or_else(|| panic!("{needle} in the text"))
        .0;
    let line = text[..at].matches('\n').count();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let character = text[line_start..at].encode_utf16().count();
    json!({"line": line, "character": character})
}

fn range_of(text: &str, needle: &str, n: usize) -> Value {
    let start = pos(text, needle, n);
    let end = json!({
        "line": start["line"],
        "character": start["character"].as_u64().unwrap() + needle.encode_utf16().count() as u64
    });
    json!({"start": start, "end": end})
}

fn codes(d: &[Value]) -> Vec<String> {
    d.iter()
        .map(|x| x["code"].as_str().unwrap_or("").to_string())
        .collect()
}

fn at(uri: &str, p: Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": p})
}

/// Start a server on the scratch project with `parts/a.jx` open, and wait
/// for its diagnostics.
fn opened(name: &str) -> (Scratch, Client, String) {
    let (s, c, a, _) = opened_with_diagnostics(name);
    (s, c, a)
}

fn opened_with_diagnostics(name: &str) -> (Scratch, Client, String, Vec<Value>) {
    let s = Scratch::new(name);
    let mut c = Client::start(&s.0);
    let a = s.uri("parts/a.jx");
    c.open(&a, PART);
    let d = c.diagnostics(&a, |d| !d.is_empty());
    (s, c, a, d)
}

#[test]
fn initialize_shutdown_exit() {
    let s = Scratch::new("init");
    let c = Client::start(&s.0);
    let caps = &c.capabilities;
    for cap in [
        "hoverProvider",
        "definitionProvider",
        "referencesProvider",
        "completionProvider",
        "documentFormattingProvider",
        "documentRangeFormattingProvider",
        "documentSymbolProvider",
        "foldingRangeProvider",
        "semanticTokensProvider",
        "codeActionProvider",
    ] {
        assert!(!caps[cap].is_null(), "{cap} in {caps}");
    }
    assert_eq!(caps["positionEncoding"], "utf-16");
    c.shutdown();
}

#[test]
fn diagnostics_for_the_open_file_and_the_rest_of_its_project() {
    let (s, mut c, a, d) = opened_with_diagnostics("diagnostics");
    // The file opened is not the root: its root (main.jx) was found, so the
    // framework is known (T001) and the rollup reconciles.
    let got = codes(&d);
    for code in ["B001", "T001", "V004", "T004"] {
        assert!(got.iter().any(|c| c == code), "{code} in {got:?}");
    }
    let b001 = d.iter().find(|x| x["code"] == "B001").unwrap();
    // The figure after 𠀀 (two UTF-16 units) and Han text.
    assert_eq!(b001["range"], range_of(PART, "100.00", 0));
    assert_eq!(b001["severity"], 1);
    assert_eq!(b001["source"], "jixiao");
    assert_eq!(
        b001["codeDescription"]["href"],
        "https://example.org/docs/diagnostics.md#b001"
    );
    assert!(b001["message"]
        .as_str()
        .unwrap()
        .contains("note: 90.00 = 60.00 + 30.00"));
    let related = b001["relatedInformation"].as_array().expect("related");
    let ranges: Vec<&Value> = related.iter().map(|r| &r["location"]["range"]).collect();
    assert!(ranges.contains(&&range_of(PART, "60.00", 0)), "{related:?}");
    assert!(ranges.contains(&&range_of(PART, "30.00", 0)), "{related:?}");
    let v004 = d.iter().find(|x| x["code"] == "V004").unwrap();
    assert_eq!(v004["severity"], 2);
    assert_eq!(v004["range"], range_of(PART, "≤", 0));
    // The summary, a file not open, gets its finding too, with the unit's
    // figure in the other file as related information.
    let sum = c.diagnostics(&s.uri("summary.jx"), |d| !d.is_empty());
    let b006 = sum.iter().find(|x| x["code"] == "B006").expect("B006");
    assert_eq!(b006["range"], range_of(SUMMARY, "210.00", 0));
    let rel = &b006["relatedInformation"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["message"] == "the unit's own figure")
        .expect("the unit's figure")["location"];
    assert_eq!(rel["uri"], json!(a));
    assert_eq!(rel["range"], range_of(PART, "200.00", 0));
    // main.jx has nothing to say, and says so.
    assert!(c.diagnostics(&s.uri("main.jx"), |_| true).is_empty());
    c.shutdown();
}

#[test]
fn edits_are_checked_as_they_come() {
    let (s, mut c, a) = opened("edits");
    // Incremental change at a UTF-16 position after 𠀀: 100.00 → 90.00.
    let r = range_of(PART, "100.00", 0);
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": a, "version": 2},
            "contentChanges": [{"range": r, "text": "90.00"}]
        }),
    );
    let d = c.diagnostics(&a, |d| !codes(d).contains(&"B001".to_string()));
    // The rollup no longer adds up: 300.00 against 90.00 + 200.00.
    assert!(codes(&d).contains(&"B005".to_string()), "{:?}", codes(&d));
    // Closing the only open file of the project clears what it published.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": a}}));
    c.diagnostics(&s.uri("summary.jx"), |d| d.is_empty());
    c.diagnostics(&a, |d| d.is_empty());
    c.shutdown();
}

#[test]
fn hover_on_a_figure_a_tier_an_indicator_and_a_finding() {
    let (_s, mut c, a) = opened("hover");
    let text = |h: &Value| h["contents"]["value"].as_str().unwrap_or("").to_string();
    let h = c.request("textDocument/hover", at(&a, pos(PART, "100.00", 0)));
    let h = text(&h);
    assert!(
        h.contains("一般公共预算拨款 60.00 + 其他资金 30.00 = **90.00** ✗"),
        "{h}"
    );
    // The finding on the figure, with its explanation.
    assert!(h.contains("**B001**"), "{h}");
    let h = text(&c.request("textDocument/hover", at(&a, pos(PART, "300.00", 0))));
    assert!(h.contains("its 2 member units"), "{h}");
    assert!(
        h.contains("summary 汇总表: row #1 办公室系统 300.00"),
        "{h}"
    );
    let h = text(&c.request("textDocument/hover", at(&a, pos(PART, "满意度指标", 0))));
    assert!(h.contains("一级 满意度指标 of 财预2020"), "{h}");
    let h = text(&c.request("textDocument/hover", at(&a, pos(PART, "辖区社区数量", 0))));
    assert!(
        h.contains("三级 indicator under 产处指标 › 数量指标"),
        "{h}"
    );
    assert!(h.contains("target: = 9 个"), "{h}");
    let h = text(&c.request("textDocument/hover", at(&a, pos(PART, "项目支出 50.00", 0))));
    assert!(h.contains("项目支出"), "{h}");
    // (the second 50.00: the first is inside 150.00)
    let h = text(&c.request("textDocument/hover", at(&a, pos(PART, "50.00", 1))));
    assert!(
        h.contains("its 2 projects: 城乡环境整治 30.00 + 绿化 20.00 = **50.00** ✓ agrees"),
        "{h}"
    );
    c.shutdown();
}

/// A clerk's editor speaks Chinese: hover and completion are in the
/// language of the server, like its diagnostics.
#[test]
fn hover_and_completion_in_chinese() {
    let s = Scratch::new("hover-zh");
    let mut c = Client::start_in(&s.0, "zh");
    let a = s.uri("parts/a.jx");
    c.open(&a, PART);
    c.diagnostics(&a, |d| !d.is_empty());
    let text = |h: &Value| h["contents"]["value"].as_str().unwrap_or("").to_string();
    let h = text(&c.request("textDocument/hover", at(&a, pos(PART, "辖区社区数量", 0))));
    assert!(h.contains("三级指标，属于 产处指标 › 数量指标"), "{h}");
    assert!(h.contains("目标：= 9 个"), "{h}");
    let h = text(&c.request("textDocument/hover", at(&a, pos(PART, "50.00", 1))));
    assert!(
        h.contains("其 2 个项目：城乡环境整治 30.00 + 绿化 20.00 = **50.00** ✓ 相符"),
        "{h}"
    );
    let h = text(&c.request("textDocument/hover", at(&a, pos(PART, "满意度指标", 0))));
    assert!(h.contains("财预2020 的一级指标 满意度指标"), "{h}");
    // No English word is left in a hover on a figure, a tier or an indicator.
    for word in ["agrees", "projects", "indicator", "under", "budget of"] {
        assert!(!h.contains(word), "{word} in {h}");
    }
    // Completion: a unit of measure after a number, said so in Chinese.
    let text = PART.replace("= 9 个", "= 9 ");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 2}, "contentChanges": [{"text": text}]}),
    );
    let mut p = pos(&text, "= 9 ", 0);
    p["character"] = json!(p["character"].as_u64().unwrap() + 4);
    let r = c.request("textDocument/completion", at(&a, p));
    let items = r.as_array().cloned().unwrap_or_default();
    let detail = |label: &str| {
        items
            .iter()
            .find(|i| i["label"] == label)
            .and_then(|i| i["detail"].as_str())
            .unwrap_or("")
            .to_string()
    };
    assert_eq!(detail("万元"), "计量单位", "{items:?}");
    c.shutdown();
}

#[test]
fn definition_and_references() {
    let (s, mut c, a) = opened("navigation");
    let main = s.uri("main.jx");
    let summary = s.uri("summary.jx");
    c.open(&main, MAIN);
    c.open(&summary, SUMMARY);
    let uris = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .map(|l| l["uri"].as_str().unwrap().to_string())
                    .collect()
            })
            .unwrap_or_default()
    };
    // include → the file.
    let d = c.request(
        "textDocument/definition",
        at(&main, pos(MAIN, "parts/*.jx", 0)),
    );
    assert_eq!(uris(&d), std::slice::from_ref(&a));
    let d = c.request(
        "textDocument/definition",
        at(&main, pos(MAIN, "summary.jx", 0)),
    );
    assert_eq!(uris(&d), std::slice::from_ref(&summary));
    // parent → the rollup unit.
    let d = c.request(
        "textDocument/definition",
        at(&a, pos(PART, "办公室系统", 1)),
    );
    assert_eq!(d[0]["range"], range_of(PART, "办公室系统", 0));
    // summary row → unit, in another file.
    let d = c.request(
        "textDocument/definition",
        at(&summary, pos(SUMMARY, "乙单位", 0)),
    );
    assert_eq!(d[0]["uri"], json!(a));
    assert_eq!(d[0]["range"], range_of(PART, "乙单位", 0));
    let d = c.request(
        "textDocument/definition",
        at(&summary, pos(SUMMARY, "云田镇𠀀", 0)),
    );
    assert_eq!(d[0]["range"], range_of(PART, "\"云田镇𠀀\"", 0));
    // 项目支出 → the projects.
    let d = c.request("textDocument/definition", at(&a, pos(PART, "项目支出", 0)));
    assert_eq!(d.as_array().unwrap().len(), 2);
    assert_eq!(d[1]["range"], range_of(PART, "绿化", 0));
    // References of the rollup: the member naming it as parent, the unit
    // written inside it, its summary row.
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": a}, "position": pos(PART, "办公室系统", 0), "context": {"includeDeclaration": true}}),
    );
    let refs = refs.as_array().unwrap();
    let has = |uri: &str, r: Value| refs.iter().any(|x| x["uri"] == uri && x["range"] == r);
    assert!(has(&a, range_of(PART, "办公室系统", 0)), "{refs:?}");
    assert!(has(&a, range_of(PART, "办公室系统", 1)), "{refs:?}");
    assert!(has(&a, range_of(PART, "\"云田镇𠀀\"", 0)), "{refs:?}");
    assert!(
        has(&summary, range_of(SUMMARY, "办公室系统", 0)),
        "{refs:?}"
    );
    // A project's references: its 项目支出 line.
    let refs = c.request(
        "textDocument/references",
        json!({"textDocument": {"uri": a}, "position": pos(PART, "绿化", 0), "context": {"includeDeclaration": false}}),
    );
    assert_eq!(refs[0]["range"], range_of(PART, "项目支出", 0));
    c.shutdown();
}

#[test]
fn completion_by_context() {
    let (_s, mut c, a) = opened("completion");
    let labels = |c: &mut Client, text: &str, needle: &str| -> Vec<String> {
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": a, "version": 9}, "contentChanges": [{"text": text}]}),
        );
        let mut p = pos(text, needle, 0);
        p["character"] =
            json!(p["character"].as_u64().unwrap() + needle.encode_utf16().count() as u64);
        let r = c.request("textDocument/completion", at(&a, p));
        let items = r
            .as_array()
            .cloned()
            .or_else(|| r["items"].as_array().cloned())
            .unwrap_or_default();
        items
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect()
    };
    let has = |l: &[String], w: &str| l.iter().any(|x| x == w);
    // Keywords of a unit, both spellings.
    let text = PART.replace("  parent 办公室系统\n", "  parent 办公室系统\n  预\n");
    let l = labels(&mut c, &text, "  预");
    assert!(
        has(&l, "预算") && has(&l, "budget") && has(&l, "indicators") && has(&l, "绩效指标"),
        "{l:?}"
    );
    assert!(!has(&l, "year"), "{l:?}");
    // Top level.
    let text = format!("{PART}\n年");
    let l = labels(&mut c, &text, "\n年");
    assert!(
        has(&l, "年度") && has(&l, "year") && has(&l, "unit") && has(&l, "单位"),
        "{l:?}"
    );
    // 一级 names inside `indicators`, 二级 names of the 一级 around.
    let text = PART.replace("  indicators {\n", "  indicators {\n    效\n");
    let l = labels(&mut c, &text, "    效");
    assert!(
        has(&l, "产出指标") && has(&l, "效益指标") && has(&l, "满意度指标"),
        "{l:?}"
    );
    assert!(!has(&l, "数量指标"), "{l:?}");
    let text = PART.replace("    满意度指标 {\n", "    满意度指标 {\n      服\n");
    let l = labels(&mut c, &text, "      服");
    assert!(has(&l, "服务对象满意度指标"), "{l:?}");
    assert!(!has(&l, "数量指标") && !has(&l, "产出指标"), "{l:?}");
    // Units of measure after a number.
    let text = PART.replace("= 9 个", "= 9 ");
    let l = labels(&mut c, &text, "= 9 ");
    assert!(has(&l, "个") && has(&l, "万元") && has(&l, "%"), "{l:?}");
    // Dimensions after `by`, goal kinds after `goal`: every spelling of the
    // keyword table.
    let text = PART.replace("  parent 办公室系统\n", "  parent 办公室系统\n  按 \n");
    let l = labels(&mut c, &text, "  按 ");
    assert!(
        has(&l, "收入") && has(&l, "income") && has(&l, "经济分类") && has(&l, "detail"),
        "{l:?}"
    );
    let text = PART.replace("  parent 办公室系统\n", "  parent 办公室系统\n  goal \n");
    let l = labels(&mut c, &text, "  goal ");
    assert!(
        has(&l, "长期") && has(&l, "实施期") && has(&l, "annual") && has(&l, "年度"),
        "{l:?}"
    );
    // Unit names after parent.
    let text = PART.replace("parent 办公室系统", "parent ");
    let l = labels(&mut c, &text, "parent ");
    assert!(
        has(&l, "办公室系统") && has(&l, "云田镇𠀀") && has(&l, "101"),
        "{l:?}"
    );
    c.shutdown();
}

#[test]
fn formatting_the_document_and_a_range() {
    let s = Scratch::new("format");
    let mut c = Client::start(&s.0);
    let uri = s.uri("loose.jx");
    let text = "year   2023\nunit \"甲𠀀\" {\n budget 10\n}\n";
    c.open(&uri, text);
    let edits = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let edits = edits.as_array().unwrap();
    assert!(!edits.is_empty());
    let new: String = edits
        .iter()
        .map(|e| e["newText"].as_str().unwrap())
        .collect();
    assert!(new.contains("year 2023\n"), "{edits:?}");
    assert!(new.contains("  budget 10\n"), "{edits:?}");
    // A range over the first line only.
    let edits = c.request(
        "textDocument/rangeFormatting",
        json!({"textDocument": {"uri": uri},
               "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}},
               "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let edits = edits.as_array().unwrap();
    assert_eq!(edits.len(), 1, "{edits:?}");
    assert_eq!(edits[0]["range"]["start"]["line"], 0);
    assert_eq!(edits[0]["newText"], "year 2023\n");
    // A line with a syntax error is kept as written, the rest formatted.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": "unit \"甲\" {\n budget abc\n  budget   10\n}\n"}]}),
    );
    let edits = c.request(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    let new: String = edits
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["newText"].as_str().unwrap())
        .collect();
    assert!(new.contains("  budget 10\n"), "{new:?}");
    assert!(!new.contains("budget   10"), "{new:?}");
    assert!(
        !new.contains("  budget abc"),
        "the error line stays as written: {new:?}"
    );
    // A file whose braces do not balance is not formatted: the request fails.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 3}, "contentChanges": [{"text": "unit \"甲\" {\n  budget 10\n"}]}),
    );
    let r = c.request_raw(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": true}}),
    );
    assert!(
        r["error"]["message"]
            .as_str()
            .unwrap()
            .contains("syntax error"),
        "{r}"
    );
    c.shutdown();
}

#[test]
fn symbols_and_folding() {
    let (_s, mut c, a) = opened("symbols");
    let symbols = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": a}}),
    );
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["办公室系统", "乙单位"]);
    let rollup = &symbols[0];
    let inner: Vec<&str> = rollup["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(inner, ["budget", "云田镇𠀀"]);
    assert_eq!(
        symbols[0]["children"][1]["selectionRange"],
        range_of(PART, "\"云田镇𠀀\"", 0)
    );
    let unit = &symbols[1];
    let kids: Vec<&str> = unit["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(kids, ["budget", "indicators", "城乡环境整治", "绿化"]);
    let tiers = &unit["children"][1]["children"];
    assert_eq!(tiers[0]["name"], "产处指标");
    assert_eq!(
        tiers[0]["children"][0]["children"][0]["name"],
        "辖区社区数量"
    );
    assert_eq!(tiers[0]["children"][0]["children"][0]["detail"], "= 9 个");
    let folds = c.request(
        "textDocument/foldingRange",
        json!({"textDocument": {"uri": a}}),
    );
    let folds: Vec<(u64, u64)> = folds
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["startLine"].as_u64().unwrap(),
                f["endLine"].as_u64().unwrap(),
            )
        })
        .collect();
    // The rollup (lines 0–3), the unit 乙单位 (5–25), its indicators (13–20).
    for want in [(0, 2), (5, 24), (13, 19)] {
        assert!(folds.contains(&want), "{want:?} in {folds:?}");
    }
    c.shutdown();
}

#[test]
fn semantic_tokens() {
    let (_s, mut c, a) = opened("tokens");
    let legend: Vec<String> = c.capabilities["semanticTokensProvider"]["legend"]["tokenTypes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect();
    let r = c.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": a}}),
    );
    let data: Vec<u64> = r["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    // Decode: (line, character, length) → type.
    let mut tokens = Vec::new();
    let (mut line, mut ch) = (0, 0);
    for t in data.chunks(5) {
        if t[0] > 0 {
            line += t[0];
            ch = t[1];
        } else {
            ch += t[1];
        }
        tokens.push(((line, ch, t[2]), legend[t[3] as usize].clone()));
    }
    let type_at = |needle: &str, n: usize| -> String {
        let p = pos(PART, needle, n);
        let key = (
            p["line"].as_u64().unwrap(),
            p["character"].as_u64().unwrap(),
            needle.encode_utf16().count() as u64,
        );
        tokens
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| panic!("no token {needle} at {key:?}"))
    };
    assert_eq!(type_at("rollup", 0), "keyword");
    assert_eq!(type_at("indicators", 0), "keyword");
    assert_eq!(type_at("产处指标", 0), "class");
    assert_eq!(type_at("辖区社区数量", 0), "property");
    assert_eq!(type_at("个", 0), "type");
    assert_eq!(type_at("≤", 0), "operator");
    // After 𠀀: UTF-16 columns.
    assert_eq!(type_at("100.00", 0), "number");
    assert_eq!(type_at("income", 0), "enumMember");
    assert_eq!(type_at("绿化", 0), "function");
    c.shutdown();
}

#[test]
fn code_actions_apply_the_fix() {
    let (_s, mut c, a) = opened("actions");
    let act = |c: &mut Client, needle: &str| -> Vec<Value> {
        let r = range_of(PART, needle, 0);
        let r = c.request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": a}, "range": r, "context": {"diagnostics": []}}),
        );
        r.as_array().cloned().unwrap_or_default()
    };
    // A did-you-mean: the tier name.
    let actions = act(&mut c, "产处指标");
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["diagnostics"][0]["code"], "T001");
    let edit = &actions[0]["edit"]["changes"][&a][0];
    assert_eq!(edit["range"], range_of(PART, "产处指标", 0));
    assert_eq!(edit["newText"], "产出指标");
    // A mechanical fix: the comparison turned round.
    let actions = act(&mut c, "≤");
    let edit = &actions[0]["edit"]["changes"][&a][0];
    assert_eq!(edit["newText"], "≥");
    assert_eq!(edit["range"], range_of(PART, "≤", 0));
    // Nothing to fix mechanically in a sum that does not add up.
    assert!(act(&mut c, "100.00").is_empty());
    c.shutdown();
}

/// Every feature at many places of every example file (and of the files
/// cut short, as they are while being typed) answers without panicking,
/// through the library: the protocol adds nothing here.
#[test]
fn every_feature_at_many_places_of_the_examples() {
    use jixiao::lsp::{completion, hover, navigation, position::LineIndex, symbols, tokens};
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("main.jx").exists())
        .collect();
    dirs.sort();
    let mut places = 0;
    for dir in dirs {
        let mut ws = jixiao::lsp::Workspace::new(vec![dir.clone()]);
        let main = dir.join("main.jx");
        let text = std::fs::read_to_string(&main).unwrap();
        let uri = lsp_types::Url::from_file_path(&main).unwrap();
        ws.open(uri.clone(), 1, text);
        ws.refresh();
        let path = ws.path_of(&uri).unwrap();
        let root = ws.root_of_file(&path).expect("a root");
        let project = root.project();
        for (id, file) in project.sources.files() {
            let Some(p) = &file.path else { continue };
            let index = LineIndex::new(&file.text);
            let (_, tree) = root.tree(p).expect("a tree");
            tokens::tokens(&index, &tree);
            symbols::folding(&index, &tree);
            symbols::outline(&index, project.document(id));
            let group = navigation::group_of(project, id).map(|g| (project, g));
            let step = (file.text.len() / 50).max(7);
            let mut offset = 0;
            while offset <= file.text.len() {
                hover::hover(project, &root.findings, id, offset, jixiao::i18n::Lang::En);
                navigation::definition(project, id, offset);
                navigation::references(project, id, offset, true);
                completion::complete(&index, offset, group, jixiao::i18n::Lang::En);
                // The file cut short here, as while typing.
                let mut cut = offset;
                while !file.text.is_char_boundary(cut) {
                    cut -= 1;
                }
                completion::complete(
                    &LineIndex::new(&file.text[..cut]),
                    cut,
                    group,
                    jixiao::i18n::Lang::En,
                );
                places += 1;
                offset += step;
            }
        }
    }
    assert!(places > 500, "{places} places");
}

/// The city corpus opened through one department file: its root
/// (`main.jx`, two directories up from nothing but includes) is found, and
/// every finding of the corpus is published, each in its own file.
#[test]
fn the_city_corpus_through_one_department_file() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = repo.join("examples/yueyang-2024");
    let dept = corpus.join("departments/02-市委党校.jx");
    let mut c = Client::start(repo);
    let uri = format!("file://{}", dept.display());
    c.open(&uri, &std::fs::read_to_string(&dept).unwrap());
    let project = jixiao::load(&[jixiao::Input::Path(corpus.join("main.jx"))]).unwrap();
    let want = jixiao::check::check(&project, &Default::default()).len();
    // One publication per file of the project.
    let mut files = std::collections::BTreeMap::new();
    while files.len() < project.sources.len() {
        let m = c.next();
        if m["method"] == "textDocument/publishDiagnostics" {
            let n = m["params"]["diagnostics"].as_array().map_or(0, Vec::len);
            files.insert(m["params"]["uri"].as_str().unwrap().to_string(), n);
        }
    }
    assert_eq!(files.len(), 25);
    assert_eq!(files.values().sum::<usize>(), want);
    assert!(files.keys().any(|u| u.ends_with("/summary.jx")));
    c.shutdown();
}

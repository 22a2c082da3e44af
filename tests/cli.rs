//! The command line contract: exit statuses, level flags, formats, stdin.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn jixiao(args: &[&str], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_jixiao"));
    cmd.args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        // The messages these tests read are English, whatever the locale.
        .env("JIXIAO_LANG", "en")
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(text) = stdin {
        // The process may exit before reading (a usage error): a broken
        // pipe here is not the test's concern.
        let _ = child.stdin.take().unwrap().write_all(text.as_bytes());
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

const CLEAN: &str = "year 2023\nmoney 万元\nprecision 2\nunit \"甲\" {\n  budget 10.00 { by income { 一般公共预算拨款 10.00 } }\n}\n";
const WARNS: &str = "year 2023\nmoney 万元\nscheme 财预2020\nallow T004\nunit \"甲\" {\n  indicators { 产出指标 { 质量指标 { 及时率 ≥ 100% } } }\n}\n";
const ERRS: &str = "year 2023\nmoney 万元\nprecision 2\nunit \"甲\" {\n  amount 三公经费 13 { 公务接待费 13.18 }\n}\n";

#[test]
fn exit_status_follows_severity() {
    assert_eq!(jixiao(&["check", "-"], Some(CLEAN)).status.code(), Some(0));
    assert_eq!(jixiao(&["check", "-"], Some(WARNS)).status.code(), Some(0));
    assert_eq!(jixiao(&["check", "-"], Some(ERRS)).status.code(), Some(1));
}

#[test]
fn usage_and_io_failures_exit_2() {
    assert_eq!(
        jixiao(&["check", "no/such/file.jx"], None).status.code(),
        Some(2)
    );
    assert_eq!(jixiao(&["check"], None).status.code(), Some(2));
    assert_eq!(
        jixiao(&["check", "-D", "X999", "-"], Some(CLEAN))
            .status
            .code(),
        Some(2)
    );
    assert_eq!(jixiao(&["explain", "X999"], None).status.code(), Some(2));
}

#[test]
fn deny_warnings_makes_warnings_errors() {
    let out = jixiao(&["check", "-D", "warnings", "-"], Some(WARNS));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("error[V003]"));
}

#[test]
fn allow_and_warn_lower_a_code() {
    let out = jixiao(&["check", "-A", "V003", "-"], Some(WARNS));
    assert_eq!(out.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("V003"));
    let out = jixiao(&["check", "-W", "B001", "-"], Some(ERRS));
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning[B001]"));
}

#[test]
fn document_levels_apply_and_the_command_line_wins() {
    let doc = format!("warn B001\n{ERRS}");
    assert_eq!(jixiao(&["check", "-"], Some(&doc)).status.code(), Some(0));
    assert_eq!(
        jixiao(&["check", "-D", "B001", "-"], Some(&doc))
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn json_messages_are_one_object_per_line() {
    let out = jixiao(&["check", "--message-format", "json", "-"], Some(ERRS));
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    let d = &lines[0];
    assert_eq!(d["code"], "B001");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "<stdin>");
    // `  amount 三公经费 13`: the figure starts at character 15 (not byte 23).
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(5), Some(15))
    );
    for key in [
        "end_line",
        "end_column",
        "labels",
        "notes",
        "help",
        "message",
    ] {
        assert!(d.get(key).is_some(), "{key}");
    }
}

#[test]
fn colour_is_off_when_asked_or_piped() {
    let out = jixiao(&["--color", "always", "check", "-"], Some(ERRS));
    assert!(String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
    let out = jixiao(&["--color", "never", "check", "-"], Some(ERRS));
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
    // auto + a pipe: no colour
    let out = jixiao(&["check", "-"], Some(ERRS));
    assert!(!String::from_utf8_lossy(&out.stderr).contains('\u{1b}'));
}

#[test]
fn version_and_help() {
    let out = jixiao(&["--version"], None);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("jixiao "));
    let out = jixiao(&["--help"], None);
    let help = String::from_utf8_lossy(&out.stdout);
    for cmd in ["check", "build", "explain"] {
        assert!(help.contains(cmd), "{cmd}");
    }
}

#[test]
fn explain_lists_every_code() {
    let out = jixiao(&["explain", "--list"], None);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), jixiao::diag::codes::CODES.len());
    let out = jixiao(&["explain", "b001"], None);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("B001 (breakdown-does-not-add-up)"));
}

#[test]
fn build_json_to_stdout() {
    let out = jixiao(&["build", "--format", "json", "-o", "-", "-"], Some(CLEAN));
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["units"][0]["budget"]["total"]["value"], "10.00");
}

#[test]
fn build_writes_nothing_for_an_unreadable_document() {
    let dir = std::env::temp_dir().join(format!("jixiao-build-{}", std::process::id()));
    let out = jixiao(&["build", "-o", dir.to_str().unwrap(), "-"], Some("unit {"));
    assert_eq!(out.status.code(), Some(1));
    assert!(!dir.exists() || std::fs::read_dir(&dir).unwrap().next().is_none());
}

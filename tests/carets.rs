//! Carets under Chinese text: a Han character is three bytes and two
//! columns wide, and the caret line must sit exactly under the span.

mod common;

use unicode_width::UnicodeWidthStr;

#[test]
fn carets_sit_under_han_text() {
    let text = "year 2023\nunit \"云田镇\" {\n  预算 一千万元\n}\n";
    let (project, diags) = common::check_text(text);
    assert_eq!(common::codes(&diags), ["S001"]);
    let out = common::human(&project, &diags);
    let lines: Vec<&str> = out.lines().collect();
    let src_idx = lines
        .iter()
        .position(|l| l.contains("预算 一千万元"))
        .unwrap();
    let src = lines[src_idx];
    let carets = lines[src_idx + 1];
    // The caret run starts at the display column of `一千万元` …
    let before = &src[..src.find("一千万元").unwrap()];
    let start_col = UnicodeWidthStr::width(before);
    let caret_byte = carets.find('^').unwrap();
    let caret_start = UnicodeWidthStr::width(&carets[..caret_byte]);
    assert_eq!(caret_start, start_col, "\n{src}\n{carets}");
    // … and is as wide as the text: 4 Han characters, 8 columns.
    let caret_len = carets[caret_byte..]
        .chars()
        .take_while(|c| *c == '^')
        .count();
    assert_eq!(caret_len, 8, "\n{src}\n{carets}");
}

#[test]
fn json_columns_count_characters() {
    let text = "year 2023\nunit \"云田镇\" {\n  预算 一千万元\n}\n";
    let (project, diags) = common::check_text(text);
    let v: serde_json::Value =
        serde_json::from_str(common::json(&project, &diags).lines().next().unwrap()).unwrap();
    assert_eq!(v["line"], 3);
    // `  预算 ` is 5 characters: the span starts at column 6 and ends after 4 more.
    assert_eq!(v["column"], 6);
    assert_eq!(v["end_column"], 10);
}

//! `docs/diagnostics.md` (and its Chinese, `docs/diagnostics.zh-CN.md`)
//! is generated from the registry of codes; this test fails when they
//! drift apart. Regenerate with
//! `JIXIAO_BLESS=1 cargo test --test docs`.

use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn diagnostics_md_matches_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diagnostics.md");
    let generated = jixiao::diag::codes::markdown();
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/diagnostics.md is out of date: run `JIXIAO_BLESS=1 cargo test --test docs`"
    );
}

/// The same reference in Chinese, `docs/diagnostics.zh-CN.md`.
#[test]
fn diagnostics_zh_md_matches_the_registry() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diagnostics.zh-CN.md");
    let generated = jixiao::diag::codes::markdown_in(jixiao::i18n::Lang::Zh);
    if std::env::var_os("JIXIAO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/diagnostics.zh-CN.md is out of date: run `JIXIAO_BLESS=1 cargo test --test docs`"
    );
}

#[test]
fn every_code_is_explained() {
    for c in jixiao::diag::codes::CODES {
        let text = jixiao::diag::codes::explain_text(c);
        assert!(text.starts_with(c.code.as_str()), "{}", c.code);
        assert!(text.contains("Fix:"), "{}", c.code);
        assert!(
            c.summary.len() > 10 && c.explanation.len() > 40,
            "{} is under-documented",
            c.code
        );
    }
}

/// The money units are listed, besides `ast::MONEY_UNITS`, in the S009
/// messages (both languages), its explanation and both language
/// references: each list names every unit in 元 and no other. (`万`, the
/// tables' shorthand for 万元, is accepted without being offered.)
#[test]
fn money_units_are_listed_alike_everywhere() {
    let units: BTreeSet<String> = jixiao::ast::MONEY_UNITS
        .iter()
        .map(|(name, _)| name.to_string())
        .filter(|name| name.ends_with('元'))
        .collect();
    let read = |path: &str| {
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
    };
    let line = |text: &str, key: &str| -> String {
        text.lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("no {key}"))
            .to_string()
    };
    let paragraph = |text: &str, marker: &str| -> String {
        let at = text.find(marker).unwrap_or_else(|| panic!("no {marker}"));
        let end = text[at..].find("\n\n").map_or(text.len(), |e| at + e);
        let start = text[..at].rfind("\n\n").map_or(0, |s| s + 2);
        text[start..end].to_string()
    };
    let s009 = jixiao::diag::codes::CODES
        .iter()
        .find(|c| c.code == jixiao::diag::Code::S009)
        .unwrap();
    let places = [
        (
            "locales/en/syntax.ftl",
            line(&read("locales/en/syntax.ftl"), "s009-money-units"),
        ),
        (
            "locales/zh-CN/syntax.ftl",
            line(&read("locales/zh-CN/syntax.ftl"), "s009-money-units"),
        ),
        ("the S009 explanation", s009.explanation.to_string()),
        (
            "docs/language.md",
            paragraph(&read("docs/language.md"), "`money` is one of"),
        ),
        (
            "docs/language.zh-CN.md",
            line(&read("docs/language.zh-CN.md"), "| `金额单位 万元` |"),
        ),
    ];
    for (place, text) in &places {
        assert_eq!(money_units_named_in(text), units, "{place}: {text}");
    }
}

/// The money units a text names: each 元 with the run of 十百千万亿 before it.
fn money_units_named_in(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (end, _) in text.match_indices('元') {
        let start = text[..end]
            .char_indices()
            .rev()
            .take_while(|(_, c)| "十百千万亿".contains(*c))
            .last()
            .map_or(end, |(i, _)| i);
        found.insert(text[start..end + '元'.len_utf8()].to_string());
    }
    found
}

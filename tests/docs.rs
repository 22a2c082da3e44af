//! `docs/diagnostics.md` (and its Chinese, `docs/diagnostics.zh-CN.md`)
//! is generated from the registry of codes; this test fails when they
//! drift apart. Regenerate with
//! `JIXIAO_BLESS=1 cargo test --test docs`.

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

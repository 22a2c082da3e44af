//! One fixture per diagnostic code under `tests/fixtures/<family>/`, named
//! `CODE-what.jx`. Each fixture's rendered diagnostics (human and JSON) are
//! pinned by a snapshot; a fixture must trigger the code in its name, and a
//! `CODE-near-miss*.jx` fixture must not.

mod common;

use std::path::Path;

#[test]
fn fixtures() {
    insta::glob!("fixtures/**/*.jx", |path| {
        let (project, diags) = common::check_paths(&[path]);
        let file = path.file_name().unwrap().to_string_lossy();
        let code = file.split('-').next().unwrap();
        let found = common::codes(&diags);
        if file.contains("near-miss") {
            assert!(
                !found.contains(&code),
                "{file}: a near miss must not trigger {code}, got {found:?}"
            );
        } else {
            assert!(
                found.contains(&code),
                "{file}: expected {code}, got {found:?}"
            );
        }
        let shown = format!(
            "{}\n---- json ----\n{}",
            common::human(&project, &diags),
            common::json(&project, &diags)
        );
        insta::assert_snapshot!(shown);
    });
}

/// Codes whose triggering input is too large to commit as a fixture (a file
/// over 16 MiB, more than 10,000 files, a text over 32,767 characters);
/// `tests/bad_input/main.rs` generates it (`file_too_large`, `xlsx_limits`).
const GENERATED: &[&str] = &["S011", "S014"];

/// Every registered code has a fixture that triggers it.
#[test]
fn every_code_has_a_fixture() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut names = Vec::new();
    for family in std::fs::read_dir(&root).unwrap() {
        for f in std::fs::read_dir(family.unwrap().path()).unwrap() {
            names.push(f.unwrap().file_name().to_string_lossy().into_owned());
        }
    }
    // The import codes (I…) are found in workbooks, which no document
    // fixture can be: tests/import.rs
    // (`every_import_code_is_produced_and_speaks_both_languages`) produces
    // each of them from a workbook instead.
    for info in jixiao::diag::codes::CODES {
        if info.code.as_str().starts_with('I') || GENERATED.contains(&info.code.as_str()) {
            continue;
        }
        assert!(
            names
                .iter()
                .any(|n| n.starts_with(&format!("{}-", info.code)) && !n.contains("near-miss")),
            "no fixture for {}",
            info.code
        );
    }
}

/// Every code's documented example triggers that code.
#[test]
fn every_example_triggers_its_code() {
    for info in jixiao::diag::codes::CODES {
        if info.example.is_empty() {
            continue;
        }
        let (_, diags) = common::check_text(info.example);
        assert!(
            common::codes(&diags).contains(&info.code.as_str()),
            "the example of {} does not trigger it: {:?}",
            info.code,
            common::codes(&diags)
        );
    }
}

/// One systematic choice, one finding per document: seed 001 puts
/// 服务对象满意度 under 效益 in every table; reported once, with the count
/// and a primary label at each place, and without a T004 for each table's
/// then missing 满意度指标. Another document making the same choice gets
/// its own finding.
#[test]
fn a_repeated_choice_is_one_finding_per_document() {
    let table = |name: &str| {
        format!(
            "project \"{name}\" 10 {{\n  goal annual \"开展民生工作\"\n  indicators {{\n    产出指标 {{ 数量指标 {{ 涉及社区数量 = 9 个 }} }}\n    效益指标 {{\n      社会效益指标 {{ 居民幸福指数 \"提升\" }}\n      社会公众及服务对象满意度指标 {{ 群众满意度 ≥ 90% }}\n    }}\n  }}\n}}\n"
        )
    };
    let text = format!(
        "year 2023\nmoney 万元\nscheme 财预2020\nunit \"云田镇\" {{\n{}{}{}}}\n",
        table("甲"),
        table("乙"),
        table("丙")
    );
    let (_, diags) = common::check_text(&text);
    let t003: Vec<_> = diags.iter().filter(|d| d.code == "T003").collect();
    assert_eq!(t003.len(), 1, "{diags:?}");
    assert!(
        t003[0]
            .message
            .render(jixiao::i18n::Lang::En)
            .ends_with("(3 places)"),
        "{}",
        t003[0].message.render(jixiao::i18n::Lang::En)
    );
    assert_eq!(t003[0].labels.iter().filter(|l| l.primary).count(), 3);
    assert!(!common::codes(&diags).contains(&"T004"), "{diags:?}");
}

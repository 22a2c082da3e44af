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

/// Codes whose triggering input cannot be committed as a fixture (a file
/// over 16 MiB, more than 10,000 files); `tests/bad_input.rs` generates it.
const GENERATED: &[&str] = &["S011"];

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
    for info in jixiao::diag::codes::CODES {
        if GENERATED.contains(&info.code.as_str()) {
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

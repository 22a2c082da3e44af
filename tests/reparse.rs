//! Loading again after an edit gives what loading afresh gives: the tree
//! re-read around the change ([`jixiao::syntax::reparse`]) is the tree of a
//! full parse, for thousands of edits of every example file, and a project
//! loaded again through a [`jixiao::Reloader`] has the same documents and
//! findings as one loaded from scratch.

mod common;

use std::path::{Path, PathBuf};

use jixiao::check::{self, Options};
use jixiao::syntax::{cst, reparse::reparse};
use jixiao::world::{Disk, Overlay};
use jixiao::{Input, Reloader};

fn examples() -> Vec<(PathBuf, String)> {
    common::jx_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples"))
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable");
            (p, text)
        })
        .collect()
}

/// What a person types: a character, a brace, a quote, a keyword, a line
/// break, or a deletion.
fn edit(rng: &mut common::Rng, text: &str) -> String {
    let mut at = rng.below(text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    const INSERTS: &[&str] = &[
        "1",
        "9",
        ".",
        "-",
        " ",
        "\n",
        "{",
        "}",
        "\"",
        "“",
        "万元",
        "unit ",
        "单位 ",
        "project ",
        "// x",
        "/*",
        "≥ ",
        "产出指标 {",
        "}\n",
        "amount",
        "%",
    ];
    match rng.below(3) {
        0 => {
            let ins = INSERTS[rng.below(INSERTS.len())];
            format!("{}{}{}", &text[..at], ins, &text[at..])
        }
        1 => {
            let mut end = (at + 1 + rng.below(12)).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            format!("{}{}", &text[..at], &text[end..])
        }
        _ => {
            let mut end = (at + 1).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let ins = INSERTS[rng.below(INSERTS.len())];
            format!("{}{}{}", &text[..at], ins, &text[end..])
        }
    }
}

#[test]
fn reparsing_after_an_edit_gives_the_full_parse() {
    let files = examples();
    assert!(files.len() >= 20, "found {} example files", files.len());
    let mut rng = common::Rng(0x5eed_1234_abcd_0001);
    let mut cases = 0;
    let scale: usize = std::env::var("JIXIAO_REPARSE_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    for (path, text) in &files {
        // A chain of edits, each re-parsed from the previous tree, as an
        // editor does.
        let mut old = text.clone();
        let mut tree = cst::parse(&old);
        // Parsing in full (for the comparison) is slow in a debug build:
        // a budget of bytes per file, times JIXIAO_REPARSE_SCALE for a
        // longer run.
        let steps = (scale * 60_000 / text.len().max(1)).clamp(3, 30 * scale);
        for step in 0..steps {
            let new = edit(&mut rng, &old);
            let again = reparse(&tree, &old, &new);
            let full = cst::parse(&new);
            assert!(
                again.green == full.green && again.failed_at == full.failed_at,
                "{} step {step}: the re-parsed tree differs from a full parse",
                path.display()
            );
            cases += 1;
            // Keep the chain near a valid file so that most edits fall
            // inside units: start again from the file now and then.
            if rng.below(4) == 0 {
                old = text.clone();
                tree = cst::parse(&old);
            } else {
                old = new;
                tree = again;
            }
        }
    }
    assert!(cases >= 200, "{cases} cases");
}

#[test]
fn a_project_loaded_again_matches_one_loaded_afresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/yueyang-2024");
    let inputs = [Input::Path(root.join("main.jx"))];
    let dept = root.join("departments/02-市委党校.jx");
    let summary = root.join("summary.jx");
    let dept_text = std::fs::read_to_string(&dept).expect("bundled");
    let summary_text = std::fs::read_to_string(&summary).expect("bundled");
    let mut world = Overlay::new(Disk);
    let mut reloader = Reloader::new();
    reloader.load(&world, &inputs).expect("loads");
    assert!(reloader.parsed_last() > 20);
    let mut rng = common::Rng(42);
    for step in 0..6 {
        // Edit one file, sometimes another, sometimes nothing.
        match step % 3 {
            0 => world.set(&dept, edit(&mut rng, &dept_text)),
            1 => world.set(&summary, edit(&mut rng, &summary_text)),
            _ => {}
        }
        reloader.load(&world, &inputs).expect("loads");
        let again = reloader.project();
        assert!(
            reloader.parsed_last() <= 1,
            "step {step}: parsed {}",
            reloader.parsed_last()
        );
        let again_findings = check::check(again, &Options::default());
        let afresh = jixiao::load_with(&world, &inputs).expect("loads");
        let afresh_findings = check::check(&afresh, &Options::default());
        assert_eq!(
            format!("{:?}", again.documents),
            format!("{:?}", afresh.documents),
            "step {step}"
        );
        assert_eq!(again_findings, afresh_findings, "step {step}");
    }
}

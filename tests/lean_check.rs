//! `check` and `build --format json` load lean (each file's units checked
//! as it is lowered, its tree then cut to a skeleton; the JSON model reads
//! each file again when it writes its units): what they find and write
//! must be exactly what the whole check finds and writes on a full load —
//! the same findings, in the same order, with the same counts by unit, the
//! same JSON model byte for byte — for every example and fixture, and for
//! the layouts where a file's assumed context is wrong.

mod common;

use std::path::{Path, PathBuf};

use jixiao::check::{self, Options};
use jixiao::diag::summary;
use jixiao::emit;
use jixiao::i18n::Lang;
use jixiao::{load_with_options, Input, LoadOptions};

/// The findings and the closing summary of a check of `inputs`, loaded
/// lean or whole.
fn check_as(inputs: &[Input], lean: bool) -> (String, String) {
    let options = LoadOptions { root: None, lean };
    let project = load_with_options(&jixiao::world::Disk, inputs, &options).unwrap();
    if lean {
        // A lean load keeps no file's indicators: without this the test
        // would compare the whole check with itself.
        for d in &project.documents {
            assert!(d.stripped.is_some(), "file {:?} kept whole", d.file);
            for u in &d.units {
                assert!(u.indicators.is_empty() && u.goals.is_empty());
            }
        }
    }
    let checked = check::run(&project, &Options::default());
    let tally = summary::tally(&checked.model, &checked.diagnostics);
    (
        format!("{:#?}", checked.diagnostics),
        summary::render(&tally, Lang::Zh, 1000),
    )
}

/// Asserts that both loads find alike; returns the findings.
/// The JSON model `build --format json` writes of each document, loaded
/// lean or whole.
fn json_as(inputs: &[Input], lean: bool) -> Vec<(String, String)> {
    let options = LoadOptions { root: None, lean };
    let project = load_with_options(&jixiao::world::Disk, inputs, &options).unwrap();
    let checked = check::run(&project, &Options::default());
    let names: Vec<String> = (0..project.groups.len()).map(|i| format!("d{i}")).collect();
    let emit_options = emit::Options {
        bom: false,
        lang: Lang::Zh,
    };
    let planned = emit::plan(
        &checked.model,
        &checked.diagnostics,
        emit::Format::Json,
        &emit_options,
        &names,
    )
    .unwrap();
    planned
        .iter()
        .map(|p| {
            let mut bytes = Vec::new();
            p.write_to(&mut bytes).unwrap();
            (p.name.clone(), String::from_utf8(bytes).unwrap())
        })
        .collect()
}

fn assert_same(inputs: &[Input], what: &str) -> String {
    let (whole_json, lean_json) = (json_as(inputs, false), json_as(inputs, true));
    assert_eq!(whole_json.len(), lean_json.len(), "{what}: documents");
    for ((name, whole), (_, lean)) in whole_json.iter().zip(&lean_json) {
        assert!(
            whole == lean,
            "{what}: the JSON model {name} differs when loaded lean:\n--- whole\n{whole}\n--- lean\n{lean}"
        );
    }
    let whole = check_as(inputs, false);
    let lean = check_as(inputs, true);
    assert!(
        whole.0 == lean.0,
        "{what}: the lean check found otherwise:\n--- whole\n{}\n--- lean\n{}",
        whole.0,
        lean.0
    );
    assert_eq!(whole.1, lean.1, "{what}: counts by unit differ");
    whole.0
}

#[test]
fn examples_are_found_alike() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 4);
    for dir in dirs {
        // As a directory (every file a candidate root, the includer not
        // first) and from its main file (the root lowered first).
        let _ = assert_same(&[Input::Path(dir.clone())], &dir.display().to_string());
        let main = dir.join("main.jx");
        if main.exists() {
            let _ = assert_same(&[Input::Path(main.clone())], &main.display().to_string());
        }
    }
}

#[test]
fn every_test_file_is_found_alike() {
    let files = common::jx_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests"));
    assert!(files.len() > 100, "{} files", files.len());
    for f in files {
        let _ = assert_same(&[Input::Path(f.clone())], &f.display().to_string());
    }
}

/// A project written into a fresh directory: (path, text) pairs.
fn project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("lean-check")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

/// A unit whose checks depend on the context: its figures on precision,
/// its tiers on the framework, its dates on the year.
const UNIT: &str = r#"
unit 101001 "甲单位" {
  budget 100.005 {
    by income { 财政拨款 100 }
  }
  goal "提升服务"
  indicators {
    产出指标 {
      数量指标 { 完成数 ≥ 95% }
      时效指标 { 完成时间 ≤ 2022-12-31 }
    }
    效益指标 {
      社会效益指标 { 群众满意 ≥ 90% }
    }
  }
}
"#;

/// Two units whose targets repeat one unquantified 质量指标 (V006) and
/// miss the same required tiers (T004): findings the run groups.
fn vague(first: &str, second: &str) -> String {
    [first, second]
        .iter()
        .map(|name| {
            format!(
                "unit \"{name}\" {{\n  budget 10\n  goal \"完成\"\n  indicators {{\n    产出指标 {{\n      质量指标 {{ 工作质量 \"有效\" }}\n      数量指标 {{ 次数 ≥ 2 次 }}\n    }}\n  }}\n}}\n"
            )
        })
        .collect()
}

#[test]
fn layouts_where_the_assumed_context_is_wrong_are_found_alike() {
    let cases: Vec<(&str, Vec<(&str, String)>)> = vec![
        (
            // The header stated by an included file, not by the root.
            "header-outside-the-root",
            vec![
                ("main.jx", "include \"a.jx\"\ninclude \"b.jx\"\n".into()),
                ("a.jx", "precision 3\nyear 2023\nscheme 财预2021\n".into()),
                ("b.jx", UNIT.into()),
            ],
        ),
        (
            // A scheme defined in another file than the one naming it.
            "scheme-defined-elsewhere",
            vec![
                (
                    "main.jx",
                    "year 2024\nscheme 本地\ninclude \"units/*.jx\"\ninclude \"schemes.jx\"\n"
                        .into(),
                ),
                (
                    "schemes.jx",
                    "scheme 本地 extends 财预2021 {\n  产出指标 { 数量指标 | 数目指标 }\n}\n".into(),
                ),
                ("units/u.jx", UNIT.into()),
            ],
        ),
        (
            // A unit continued in another file.
            "continued-unit",
            vec![
                (
                    "main.jx",
                    "year 2024\nscheme 财预2021\ninclude \"a.jx\"\ninclude \"b.jx\"\n".into(),
                ),
                ("a.jx", UNIT.into()),
                (
                    "b.jx",
                    "continued unit 101001 \"甲单位\" {\n  indicators { 满意度指标 { 服务对象满意度指标 { 满意 ≥ 80% } } }\n}\n"
                        .into(),
                ),
            ],
        ),
        (
            // One file in two documents alike, its repeats grouped in each.
            "shared-file-grouped",
            vec![
                ("one.jx", "year 2024\nscheme 财预2021\ninclude \"u.jx\"\n".into()),
                ("two.jx", "year 2024\nscheme 财预2021\ninclude \"u.jx\"\n".into()),
                ("u.jx", vague("甲", "乙")),
            ],
        ),
        (
            // One file in two documents whose headers differ.
            "shared-file",
            vec![
                ("one.jx", "year 2024\nprecision 2\ninclude \"u.jx\"\n".into()),
                ("two.jx", "year 2021\nprecision 4\ninclude \"u.jx\"\n".into()),
                ("u.jx", UNIT.into()),
            ],
        ),
        (
            // No header anywhere (S031 looks into the trees cut).
            "no-header",
            vec![
                ("main.jx", "include \"u.jx\"\n".into()),
                ("u.jx", UNIT.into()),
            ],
        ),
        (
            // Repeats of one choice in two files, grouped into one finding:
            // one file's merged as it was checked, the other's (whose
            // assumed precision is wrong) found again unmerged.
            "grouped-across-files",
            vec![
                (
                    "main.jx",
                    "year 2024\nscheme 财预2021\ninclude \"a.jx\"\ninclude \"b.jx\"\n".into(),
                ),
                ("a.jx", vague("甲", "乙")),
                ("b.jx", format!("precision 3\n{}", vague("丙", "丁"))),
            ],
        ),
        (
            // Includes two deep, the middle file stating the money unit.
            "nested-includes",
            vec![
                ("main.jx", "year 2024\ninclude \"mid.jx\"\n".into()),
                ("mid.jx", "money 元\ninclude \"leaf.jx\"\n".into()),
                ("leaf.jx", UNIT.into()),
            ],
        ),
    ];
    for (name, files) in cases {
        let files: Vec<(&str, &str)> = files.iter().map(|(p, t)| (*p, t.as_str())).collect();
        let dir = project(name, &files);
        let found = assert_same(&[Input::Path(dir.clone())], name);
        // Each case is read as meant: no line skipped.
        assert!(!found.contains("S001"), "{name}: {found}");
        for (path, _) in &files {
            let f = dir.join(path);
            let _ = assert_same(&[Input::Path(f)], &format!("{name}/{path}"));
        }
    }
}

/// A lean load holds skeletons: a format that prints every table from the
/// tree is refused, never printed empty.
#[test]
fn only_the_json_model_is_built_from_a_lean_load() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/shifeng-2020");
    let options = LoadOptions {
        root: None,
        lean: true,
    };
    let project = load_with_options(&jixiao::world::Disk, &[Input::Path(dir)], &options).unwrap();
    let checked = check::run(&project, &Options::default());
    let emit_options = emit::Options {
        bom: false,
        lang: Lang::Zh,
    };
    let names = vec!["d".to_string(); project.groups.len()];
    for format in [
        emit::Format::Csv,
        emit::Format::Html,
        emit::Format::Xlsx,
        emit::Format::Report,
    ] {
        let built = emit::plan(
            &checked.model,
            &checked.diagnostics,
            format,
            &emit_options,
            &names,
        );
        assert!(matches!(built, Err(emit::Error::LoadedLean)), "{format:?}");
    }
    assert!(emit::plan(
        &checked.model,
        &checked.diagnostics,
        emit::Format::Json,
        &emit_options,
        &names
    )
    .is_ok());
}

//! The benchmark corpus (`benches/scale/corpus.rs`) is the city corpus
//! scaled: each copy has exactly the city corpus's findings, its summary
//! reconciles, and the one-file shape reads as the many-file one.

// The bench uses all of the generator; this test a part.
#[allow(dead_code)]
#[path = "../benches/scale/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use corpus::{City, Shape};
use jixiao::check::{self, Options};
use jixiao::Input;

/// Findings by code (a grouped finding counts each place: one primary label each).
fn findings(input: &Path) -> BTreeMap<String, usize> {
    let project = jixiao::load(&[Input::Path(input.to_path_buf())]).unwrap();
    let mut by_code = BTreeMap::new();
    for d in check::check(&project, &Options::default()) {
        *by_code.entry(d.code.as_str().to_string()).or_insert(0) +=
            d.labels.iter().filter(|l| l.primary).count().max(1);
    }
    by_code
}

#[test]
fn copies_have_the_city_corpus_findings() {
    let city = City::load();
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scale-corpus-test");
    let one = city.write(&root.join("one"), 1, Shape::MultiFile);
    let three = city.write(&root.join("three"), 3, Shape::MultiFile);
    let single = city.write(&root.join("single"), 3, Shape::SingleFile);
    assert_eq!(three.units, 3 * one.units);
    assert_eq!(three.files, 3 * (one.files - 2) + 2);
    let base = findings(&one.input);
    let scaled = findings(&three.input);
    let expected: BTreeMap<String, usize> = base.iter().map(|(c, n)| (c.clone(), 3 * n)).collect();
    assert_eq!(scaled, expected);
    assert!(!scaled.keys().any(|c| c.starts_with('S')), "{scaled:?}");
    assert_eq!(findings(&single.input), expected);
    // Each copy a document of its own: three documents, each with the
    // city's findings.
    let many = city.write(&root.join("many"), 3, Shape::ManyDocuments);
    assert_eq!(many.files, 3 * one.files);
    assert_eq!(many.units, three.units);
    let project = jixiao::load(&[Input::Path(many.input.clone())]).unwrap();
    assert_eq!(project.groups.len(), 3);
    assert_eq!(findings(&many.input), expected);
    let _ = std::fs::remove_dir_all(&root);
}

/// What `jixiao ARGS` writes (standard output, then standard error) with
/// `threads` threads.
fn run_with_threads(threads: usize, args: &[&std::ffi::OsStr]) -> (Vec<u8>, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_jixiao"))
        .args(args)
        .env("RAYON_NUM_THREADS", threads.to_string())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (out.stdout, out.stderr)
}

/// Files are parsed and documents checked in parallel: the findings and
/// the model come out the same, in the same order, whatever the thread
/// count.
#[test]
fn output_does_not_depend_on_the_thread_count() {
    let city = City::load();
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scale-corpus-threads");
    let corpus = city.write(&root, 2, Shape::MultiFile);
    let input = corpus.input.as_os_str();
    let runs: [&[&std::ffi::OsStr]; 3] = [
        &["check".as_ref(), input],
        &[
            "check".as_ref(),
            "--message-format".as_ref(),
            "json".as_ref(),
            input,
        ],
        &[
            "build".as_ref(),
            input,
            "--format".as_ref(),
            "json".as_ref(),
            "-o".as_ref(),
            "-".as_ref(),
        ],
    ];
    for args in runs {
        let one = run_with_threads(1, args);
        assert!(
            !one.0.is_empty() || !one.1.is_empty(),
            "{args:?} wrote nothing"
        );
        for threads in [2, 4] {
            assert!(
                run_with_threads(threads, args) == one,
                "{args:?}: {threads} threads differ from one"
            );
        }
    }
    let _ = std::fs::remove_dir_all(&root);
}

//! The benchmark corpus (`benches/scale/corpus.rs`) is the city corpus
//! scaled: each copy has exactly the city corpus's findings, its summary
//! reconciles, and the one-file shape reads as the many-file one.

#[path = "../benches/scale/corpus.rs"]
mod corpus;

use std::collections::BTreeMap;
use std::path::Path;

use corpus::{City, Shape};
use jixiao::check::{self, Options};
use jixiao::Input;

/// Findings by code (a grouped finding counts each place: one primary label each).
fn findings(input: &Path) -> BTreeMap<String, usize> {
    let project = jixiao::load(&[Input::Path(input.to_path_buf())]).unwrap();
    let mut by_code = BTreeMap::new();
    for d in check::check(&project, &Options::default()) {
        *by_code.entry(d.code.as_str().to_string()).or_insert(0) += d.labels.iter().filter(|l| l.primary).count().max(1);
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
    let _ = std::fs::remove_dir_all(&root);
}

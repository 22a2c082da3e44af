//! The bundled examples are faithful transcriptions of real documents. Each
//! must be read without a syntax diagnostic.

mod common;

use std::path::Path;

fn example(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

fn assert_reads(name: &str) {
    let (project, diags) = common::check_paths(&[&example(name)]);
    let syntax: Vec<_> = diags
        .iter()
        .filter(|d| d.code.starts_with('S'))
        .cloned()
        .collect();
    assert!(syntax.is_empty(), "{}", common::human(&project, &syntax));
    assert!(!project.groups.is_empty());
    // Every file of the example belongs to the one document of main.jx.
    assert_eq!(project.groups.len(), 1, "one document per example");
}

#[test]
fn yuntian_2023_reads() {
    assert_reads("yuntian-2023");
}

#[test]
fn shifeng_2020_reads() {
    assert_reads("shifeng-2020");
}

#[test]
fn xiangyin_2023_reads() {
    assert_reads("xiangyin-2023");
}

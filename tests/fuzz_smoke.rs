//! The fuzz targets (`src/fuzz.rs`, run at length by `fuzz/` under
//! libFuzzer) over a fixed set of generated inputs, on stable Rust: every
//! `.jx` file of the repository, cut to a window and mutated by a
//! deterministic generator. A failure prints the seed and writes the input
//! to `target/fuzz-smoke-failure.jx`; add it to `tests/bad_input/` once
//! fixed.

mod common;

use std::path::Path;

use jixiao::fuzz::{self, Mutator};

/// Inputs per target: the corpus itself (about 300 files), then
/// mutations; the three targets together take about 15 s in a debug build
/// on a loaded 2-core machine. `JIXIAO_FUZZ_INPUTS` and `JIXIAO_FUZZ_SEED`
/// run more, or others.
const INPUTS: usize = 1000;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
/// Inputs are windows of the corpus files of at most this many bytes.
const WINDOW: usize = 3000;

/// Every `.jx` file of the examples, fixtures and bad inputs.
pub fn corpus() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        "examples",
        "tests/fixtures",
        "tests/bad_input",
        "tests/browser/fixtures",
    ] {
        files.extend(common::jx_files(&root.join(dir)));
    }
    files.iter().filter_map(|f| std::fs::read(f).ok()).collect()
}

fn window(m: &mut Mutator, file: &[u8]) -> Vec<u8> {
    if file.len() <= WINDOW {
        return file.to_vec();
    }
    let start = m.below(file.len() - WINDOW);
    // Start on a line, as a person cutting a file would.
    let start = file[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(start, |i| start + i + 1);
    file[start..(start + WINDOW).min(file.len())].to_vec()
}

fn run(name: &str, seed: u64, target: fn(&[u8])) {
    let seed = seed + env("JIXIAO_FUZZ_SEED", 0) * 3;
    let inputs = env("JIXIAO_FUZZ_INPUTS", INPUTS as u64) as usize;
    let corpus = corpus();
    assert!(corpus.len() > 50, "the corpus is missing");
    let mut m = Mutator::new(seed);
    for i in 0..inputs {
        // The corpus itself first, then mutations of it.
        let input = if i < corpus.len() && corpus[i].len() <= WINDOW {
            corpus[i].clone()
        } else {
            let a = m.below(corpus.len());
            let b = m.below(corpus.len());
            let base = window(&mut m, &corpus[a]);
            m.mutate(&base, &corpus[b], 2 * WINDOW)
        };
        if i > 0 && i % 100_000 == 0 {
            eprintln!("{name}: {i} inputs");
        }
        let result = std::panic::catch_unwind(|| target(&input));
        if result.is_err() {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-smoke-failure.jx");
            let _ = std::fs::write(&path, &input);
            panic!(
                "{name}: input {i} of seed {seed} failed; written to {}",
                path.display()
            );
        }
    }
    if inputs >= 100_000 {
        eprintln!("{name}: {inputs} inputs, no failure");
    }
}

#[test]
fn parser() {
    run("parse", 1, fuzz::parse);
}

#[test]
fn checker() {
    run("check", 2, fuzz::check);
}

#[test]
fn formatter() {
    run("format", 3, fuzz::format);
}

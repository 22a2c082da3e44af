//! The formatter's cost against the checker's, on the city corpus: what
//! `jixiao fmt --check examples/yueyang-2024` does (read and format every
//! file; the files are already formatted, so nothing needs proving) against
//! what `jixiao check examples/yueyang-2024` does (read, parse, lower and
//! check every file), in one run, with their ratio. The target is a ratio
//! of at most 1.5. A third figure formats every file with its keywords in
//! the other language, so that every output differs from its input and is
//! parsed and lowered again to be proved. Run with `cargo bench --bench fmt`.
//!
//! This is a benchmark, not a test: it prints figures and asserts nothing.

use std::path::{Path, PathBuf};
use std::time::Instant;

use jixiao::check::{self, Options};
use jixiao::fmt::{self, format_source, Keywords};
use jixiao::Input;

fn jx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the corpus is bundled")
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            jx_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "jx") {
            out.push(p);
        }
    }
}

/// The time of one run of `f`, in seconds, and what it returned.
fn time(f: &mut impl FnMut() -> usize) -> (f64, usize) {
    let start = Instant::now();
    let n = std::hint::black_box(f());
    (start.elapsed().as_secs_f64(), n)
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/yueyang-2024");
    let mut files = Vec::new();
    jx_files(&root, &mut files);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    println!("corpus: {} files, {bytes} bytes", files.len());
    let runs = 60;

    let format_all = |keywords: Keywords| {
        let options = fmt::Options { keywords };
        let mut changed = 0;
        for f in &files {
            let text = std::fs::read_to_string(f).unwrap();
            let out = format_source(&text, &options).expect("the corpus formats");
            changed += usize::from(out != text);
        }
        changed
    };
    let mut check_all = || {
        let project = jixiao::load(&[Input::Path(root.clone())]).unwrap();
        check::check(&project, &Options::default()).len()
    };

    // One run of each in turn, the best of many kept: a busy machine
    // weighs on both alike.
    let mut keep = || format_all(Keywords::Keep);
    let mut zh = || format_all(Keywords::Zh);
    let (mut check_best, mut fmt_best, mut respell) = (f64::MAX, f64::MAX, f64::MAX);
    let (mut findings, mut changed, mut respelled) = (0, 0, 0);
    for _ in 0..runs {
        let (t, n) = time(&mut check_all);
        (check_best, findings) = (check_best.min(t), n);
        let (t, n) = time(&mut keep);
        (fmt_best, changed) = (fmt_best.min(t), n);
        let (t, n) = time(&mut zh);
        (respell, respelled) = (respell.min(t), n);
    }
    println!(
        "check:                  {:>8.2} ms  ({findings} findings)",
        check_best * 1e3
    );
    println!(
        "fmt --check:            {:>8.2} ms  ({changed} files would change)  ratio {:.2}",
        fmt_best * 1e3,
        fmt_best / check_best
    );
    println!(
        "fmt --keywords zh:      {:>8.2} ms  ({respelled} files changed, each proved)  ratio {:.2}",
        respell * 1e3,
        respell / check_best
    );
}

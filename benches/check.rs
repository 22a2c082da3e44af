//! Throughput of the whole front end (parse, lower, check) on the city
//! corpus, repeated 1×, 2×, 4× and 8× in one document, so that a quadratic
//! pass shows up as a growing time per unit. Run with `cargo bench`.
//!
//! This is a benchmark, not a test: it prints figures and asserts nothing.

use std::path::Path;
use std::time::Instant;

use jixiao::check::{self, Options};
use jixiao::Input;

fn corpus_text() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/yueyang-2024");
    let mut text = String::from("year 2024\nmoney 万元\nprecision 2\nscheme 财预2021\n");
    let mut files: Vec<_> = std::fs::read_dir(root.join("departments"))
        .expect("the corpus is bundled")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files.push(root.join("summary.jx"));
    for f in files {
        text.push_str(&std::fs::read_to_string(f).unwrap());
        text.push('\n');
    }
    text
}

fn main() {
    let one = corpus_text();
    println!("corpus: {} bytes", one.len());
    for copies in [1usize, 2, 4, 8] {
        let text = one.repeat(copies).replacen("year 2024\n", "", copies - 1);
        let runs = 5;
        let mut best = f64::MAX;
        let mut findings = 0;
        for _ in 0..runs {
            let start = Instant::now();
            let project = jixiao::load(&[Input::Text {
                name: "bench.jx".into(),
                text: text.clone(),
            }])
            .unwrap();
            findings = check::check(&project, &Options::default()).len();
            best = best.min(start.elapsed().as_secs_f64());
        }
        println!(
            "{copies}× corpus: {:>9} bytes  best of {runs}: {:>8.2} ms  {:>6.1} MB/s  {:.3} ms per copy  ({findings} findings)",
            text.len(),
            best * 1e3,
            text.len() as f64 / best / 1e6,
            best * 1e3 / copies as f64,
        );
    }
}

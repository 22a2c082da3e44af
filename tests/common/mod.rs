//! Helpers shared by the integration tests.
#![allow(dead_code)]

use jixiao::check::{self, Options};
use jixiao::diag::{render, Diagnostic};
use jixiao::i18n::Lang;
use jixiao::world::{Disk, World};
use jixiao::{Input, Project};
use std::path::{Path, PathBuf};

/// A path relative to the crate root (tests run there), so that rendered
/// diagnostics do not depend on where the repository is checked out.
pub fn relative(path: &Path) -> PathBuf {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .to_path_buf()
}

pub fn check_paths(paths: &[&Path]) -> (Project, Vec<Diagnostic>) {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(relative(p))).collect();
    let project = jixiao::load(&inputs).expect("inputs load");
    let diags = check::check(&project, &Options::default());
    (project, diags)
}

pub fn check_text(text: &str) -> (Project, Vec<Diagnostic>) {
    let project = jixiao::load(&[Input::Text {
        name: "input.jx".into(),
        text: text.into(),
    }])
    .expect("text loads");
    let diags = check::check(&project, &Options::default());
    (project, diags)
}

pub fn human(project: &Project, diags: &[Diagnostic]) -> String {
    render::human_string(&project.sources, diags, Lang::En)
}

pub fn json(project: &Project, diags: &[Diagnostic]) -> String {
    render::json_lines(&project.sources, diags, Lang::En)
}

pub fn codes(diags: &[Diagnostic]) -> Vec<&'static str> {
    diags.iter().map(|d| d.code.as_str()).collect()
}

/// Every `.jx` file below `dir`, in name order, found by the walker the
/// command line uses (`jixiao check DIR`).
pub fn jx_files(dir: &Path) -> Vec<PathBuf> {
    Disk.jx_files(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// A small deterministic generator (xorshift64*), so that a failure is
/// reproducible from its case number.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

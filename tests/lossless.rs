//! The syntax tree is lossless: for every `.jx` file of the repository, and
//! for thousands of truncations and mutations of them (the broken files a
//! person has open in an editor), the tree's text is the source, byte for
//! byte, and lowering the tree never panics.

mod common;

use std::path::{Path, PathBuf};

use jixiao::source::FileId;
use jixiao::syntax::cst;

fn corpus() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = common::jx_files(&root.join("examples"));
    files.extend(common::jx_files(&root.join("tests")));
    files
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text).to_string();
            Some((p, text))
        })
        .collect()
}

/// The tree of `text` spells `text`, and lowering it does not panic.
fn assert_lossless(what: &str, text: &str) {
    let parse = cst::parse(text);
    let tree_text = parse.root().text().to_string();
    assert!(
        tree_text == text,
        "{what}: the tree's text differs from the source\nsource: {text:?}\ntree:   {tree_text:?}"
    );
    let _ = jixiao::syntax::lower(FileId(0), text, &parse);
}

#[test]
fn every_file_of_the_repository() {
    let files = corpus();
    assert!(
        files.len() >= 50,
        "expected the examples and fixtures, found {} files",
        files.len()
    );
    for (path, text) in &files {
        assert_lossless(&path.display().to_string(), text);
    }
}

/// A char boundary of `text` at or before `i`.
fn boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// What people type by mistake, and what trips a parser: braces, quotes,
/// comment openers, line breaks, full-width punctuation, Han text, digits.
const PIECES: &[&str] = &[
    "{",
    "}",
    "｛",
    "｝",
    "\"",
    "“",
    "”",
    "「",
    "/",
    "*",
    "//",
    "/*",
    "*/",
    "\n",
    "\r\n",
    "\r",
    "：",
    ":",
    "=",
    "≥",
    "》",
    "%",
    "％",
    "..",
    "-",
    "—",
    "9",
    "０",
    "1,000",
    "万元",
    "单位",
    "按",
    "绩效指标",
    "  ",
    "\t",
    "\u{3000}",
    "#",
    "|",
    "\\",
    "（",
    "）",
    "×",
];

fn mutate(rng: &mut common::Rng, text: &str) -> String {
    let at = boundary(text, rng.below(text.len() + 1));
    match rng.below(6) {
        // Truncated: a file being typed.
        0 => text[..at].to_string(),
        // A character deleted.
        1 => {
            let next = text[at..].chars().next().map_or(0, char::len_utf8);
            format!("{}{}", &text[..at], &text[at + next..])
        }
        // A piece inserted.
        2 | 3 => {
            let piece = PIECES[rng.below(PIECES.len())];
            format!("{}{piece}{}", &text[..at], &text[at..])
        }
        // A stretch duplicated (a pasted line).
        4 => {
            let end = boundary(text, at + rng.below(80));
            format!("{}{}", &text[..end], &text[at..])
        }
        // A stretch removed.
        _ => {
            let end = boundary(text, at + rng.below(200));
            format!("{}{}", &text[..at], &text[end..])
        }
    }
}

#[test]
fn truncations_and_mutations() {
    let files = corpus();
    let mut rng = common::Rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = 0;
    // Every file is mutated; small files more than once, so that at least
    // 2,000 cases run whatever the corpus's size.
    while cases < 2000 {
        for (path, text) in &files {
            // Large files (the city corpus) cost more per case: take a window
            // of them so that the test stays quick.
            let text = if text.len() > 4000 {
                let start = boundary(text, rng.below(text.len() - 4000));
                let end = boundary(text, start + 4000);
                &text[start..end]
            } else {
                &text[..]
            };
            let mut m = mutate(&mut rng, text);
            // Half of the cases get a second mutation.
            if rng.below(2) == 0 {
                m = mutate(&mut rng, &m);
            }
            assert_lossless(&format!("case {cases} from {}", path.display()), &m);
            cases += 1;
        }
    }
}

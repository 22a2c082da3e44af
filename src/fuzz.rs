//! The bodies of the fuzz targets: the parser, the checker and the
//! formatter, each fed arbitrary bytes. `fuzz/` runs them under libFuzzer
//! (`cargo +nightly fuzz run parse`), and `tests/fuzz_smoke.rs` runs them on
//! stable Rust over a fixed set of generated inputs in every `cargo test`.
//!
//! A target fails by panicking: on a crash anywhere in the library, or when
//! an invariant of its output does not hold (the syntax tree spells its
//! source; formatted text means what the original meant and formats to
//! itself).

use crate::check::{self, Options};
use crate::diag::render;
use crate::emit;
use crate::project::{load, Input};
use crate::source::FileId;
use crate::syntax::{cst, lower};

/// Inputs longer than this are cut: libFuzzer's default maximum is 4 KB,
/// and every pass is linear, so longer inputs find nothing new.
pub const MAX_INPUT: usize = 64 * 1024;

fn text(data: &[u8]) -> String {
    let data = &data[..data.len().min(MAX_INPUT)];
    String::from_utf8_lossy(data).into_owned()
}

/// The parser: the lossless tree spells its source byte for byte, and the
/// lowering returns whatever the tree is.
pub fn parse(data: &[u8]) {
    let text = text(data);
    let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let parse = cst::parse(body);
    assert_eq!(
        parse.root().text().to_string(),
        body,
        "the syntax tree does not spell its source"
    );
    let (_doc, diags) = lower(FileId(0), body, &parse);
    for d in &diags {
        for l in &d.labels {
            assert!(
                l.span.start() <= l.span.end() && l.span.end() <= body.len(),
                "{}: label {:?} outside the text ({} bytes)",
                d.code,
                l.span,
                body.len()
            );
        }
    }
}

/// The checker: bytes read as a file is read (encoding recognised), loaded,
/// checked, every diagnostic rendered in every form and language, and the document built in
/// every format when the CLI would build it.
pub fn check(data: &[u8]) {
    let data = &data[..data.len().min(MAX_INPUT)];
    let text = match crate::encoding::decode(data.to_vec()) {
        Ok(text) => text,
        Err(e) => {
            let _ = (e.message("input.jx"), e.label(), e.help("input.jx"));
            return;
        }
    };
    let inputs = [Input::Text {
        name: "input.jx".into(),
        text,
    }];
    let Ok(project) = load(&inputs) else {
        return;
    };
    let checked = check::run(&project, &Options::default());
    let diags = &checked.diagnostics;
    for lang in crate::i18n::Lang::ALL {
        let _ = render::human_string(&project.sources, diags, lang);
        let _ = render::json_lines(&project.sources, diags, lang);
        let _ = render::short_lines(&project.sources, diags, lang);
    }
    if diags.iter().any(|d| d.blocks_output()) {
        return;
    }
    let names = vec!["input".to_string(); project.groups.len()];
    for format in [
        emit::Format::Json,
        emit::Format::Csv,
        emit::Format::Html,
        emit::Format::Xlsx,
    ] {
        let built = emit::build(
            &checked.model,
            diags,
            format,
            &emit::Options::default(),
            &names,
        );
        assert!(built.is_ok(), "{format:?} failed: {built:?}");
    }
}

/// The formatter: whatever it returns parses to the same meaning and is
/// its own formatting. It may refuse a file whose blocks cannot be read
/// (S002, S010) or one larger than a file may be, never panic, and never fail its own proof
/// ([`crate::fmt::Error::Internal`]: the text it printed would not mean the
/// same, so a file it should format is left as it is).
pub fn format(data: &[u8]) {
    let text = text(data);
    let options = crate::fmt::Options::default();
    let out = match crate::fmt::format_source(&text, &options) {
        Ok(out) => out,
        Err(crate::fmt::Error::Syntax(_) | crate::fmt::Error::TooLarge { .. }) => return,
        Err(crate::fmt::Error::Internal(why)) => panic!("the formatter failed its proof: {why}"),
    };
    assert_eq!(
        crate::fmt::meaning(&out),
        crate::fmt::meaning(&text),
        "formatting changed the meaning"
    );
    if let Ok(again) = crate::fmt::format_source(&out, &options) {
        assert_eq!(again, out, "formatting is not idempotent");
    }
}

/// A small deterministic generator of inputs: mutations of a corpus
/// (byte edits, tokens of the language inserted, slices repeated, files
/// spliced), for the stable smoke run and for seeding.
pub struct Mutator {
    state: u64,
}

/// Pieces of the language and of hostile input, inserted by [`Mutator`].
const TOKENS: &[&str] = &[
    "{",
    "}",
    "｛",
    "｝",
    "(",
    ")",
    "（",
    "）",
    "\"",
    "“",
    "”",
    "「",
    "」",
    "\\",
    "\\\"",
    "//",
    "/*",
    "*/",
    "\n",
    "\r",
    "\r\n",
    " ",
    "\t",
    "\u{3000}",
    "\u{a0}",
    "\u{2028}",
    "\u{85}",
    "\u{200b}",
    "\u{feff}",
    "\u{fffe}",
    "\0",
    "=",
    "＝",
    "≥",
    "大于等于",
    ">",
    "<",
    "×",
    "/",
    "+",
    "-",
    "..",
    "至",
    "%",
    "‰",
    "#",
    ":",
    "：",
    "|",
    ",",
    "，",
    "0",
    "1",
    "9",
    "10.5",
    "1,056.40",
    "１０",
    "99999999999999999999999999999",
    "2023-02-30",
    "2023-12-31",
    "2023年12月",
    "万元",
    "次",
    "year 2023\n",
    "money 万元\n",
    "precision 2\n",
    "scheme 财预2020\n",
    "unit \"u\" {",
    "单位 云田镇 {",
    "rollup ",
    "budget 10 {",
    "by income {",
    "by expense {",
    "by detail {",
    "按 收入 {",
    "indicators {",
    "产出指标 {",
    "数量指标 {",
    "满意度指标 {",
    "x ≥ 90%\n",
    "project \"p\" 10 {",
    "a 1 = 2 次 × 0.5 万元/次\n",
    "period 2023-01-01 .. 2023-12-31\n",
    "summary \"s\" {",
    "total 10\n",
    "#1 x 10\n",
    "include \"x.jx\"\n",
    "allow B001\n",
    "deny warnings\n",
    "duties \"C:\\new\"\n",
    "explain \"e\"",
    "weight 10",
    "amount 三公经费 13 {",
    "staff { 在职 10 人 }",
    "scheme s { 一级 | A { 二级 } }",
    "goal \"g\"\n",
    "parent x\n",
    "定性",
    "定量",
];

impl Mutator {
    pub fn new(seed: u64) -> Mutator {
        Mutator {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
        }
    }

    /// The next pseudo-random number (xorshift64*).
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// A mutation of `input`, using `other` for splices; at most `max`
    /// bytes.
    pub fn mutate(&mut self, input: &[u8], other: &[u8], max: usize) -> Vec<u8> {
        let mut out = input.to_vec();
        let rounds = 1 + self.below(4);
        for _ in 0..rounds {
            let at = self.below(out.len() + 1);
            match self.below(9) {
                0 => {
                    if !out.is_empty() {
                        let i = self.below(out.len());
                        out[i] ^= 1 << self.below(8);
                    }
                }
                1..=3 => {
                    let t = TOKENS[self.below(TOKENS.len())].as_bytes();
                    out.splice(at..at, t.iter().copied());
                }
                4 => {
                    let end = (at + self.below(64)).min(out.len());
                    out.drain(at..end);
                }
                5 => {
                    // Repeat a short slice: deep nesting, long lines.
                    let end = (at + 1 + self.below(16)).min(out.len());
                    let piece = out[at.min(end)..end].to_vec();
                    let most = if self.below(8) == 0 { 200 } else { 8 };
                    let times = 1 + self.below(most);
                    for _ in 0..times {
                        out.splice(at..at, piece.iter().copied());
                    }
                }
                6 => {
                    if !other.is_empty() {
                        let s = self.below(other.len());
                        let e = (s + self.below(512)).min(other.len());
                        out.splice(at..at, other[s..e].iter().copied());
                    }
                }
                7 => out.truncate(at),
                _ => {
                    let n = self.below(8);
                    for _ in 0..n {
                        let b = self.next_u64() as u8;
                        out.insert(at.min(out.len()), b);
                    }
                }
            }
        }
        out.truncate(max);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_take_anything() {
        for data in [
            &b""[..],
            b"\xff\xfe",
            b"{{{{",
            b"unit \"u\" {",
            "year 2023\nunit \"云田镇\" {\n budget 10\n}\n".as_bytes(),
        ] {
            parse(data);
            check(data);
            format(data);
        }
    }

    #[test]
    fn the_mutator_is_deterministic() {
        let a = Mutator::new(7).mutate(b"unit \"u\" { }", b"budget 1", 4096);
        let b = Mutator::new(7).mutate(b"unit \"u\" { }", b"budget 1", 4096);
        assert_eq!(a, b);
    }
}

//! The pest parser generated from `grammar/jixiao.pest`, and the one way
//! the crate runs it: [`parse`], with a budget of work linear in the text.

use std::num::NonZeroUsize;
use std::sync::Mutex;

use pest::iterators::Pairs;
use pest::Parser;

#[derive(pest_derive::Parser)]
#[grammar = "grammar/jixiao.pest"]
pub struct JxParser;

/// Rule calls pest may make per byte of the text it reads, above
/// [`BASE_CALLS`]. pest backtracks without memoising: on blocks whose
/// braces do not close, each alternative that descends into a block reads
/// it again, and the work grows exponentially with the nesting (fuzzing
/// found a 1 KB file that took half a minute). Real files take a few dozen
/// calls a byte (`tests` below holds every file of the repository to a
/// tenth of the budget), so the budget bounds the work of any text to a
/// linear amount without ever refusing a real one.
pub const CALLS_PER_BYTE: usize = 400;

/// Calls allowed whatever the length, for short texts.
pub const BASE_CALLS: usize = 200_000;

/// The budgets of the parses running now (on any thread). pest reads one
/// process-wide limit when a parse starts, so the limit is kept at the
/// largest running budget: a parse never starts under a smaller one than
/// its own (it registers first), and a short text running beside a long
/// one is bounded by the long one's budget, still linear.
static RUNNING: Mutex<Vec<usize>> = Mutex::new(Vec::new());

/// The call budget of a text of `len` bytes.
pub fn budget(len: usize) -> usize {
    BASE_CALLS.saturating_add(CALLS_PER_BYTE.saturating_mul(len))
}

fn set_limit(running: &[usize]) {
    pest::set_call_limit(running.iter().copied().max().and_then(NonZeroUsize::new));
}

/// Parse `text` with `rule`, within [`budget`]`(text.len())` rule calls:
/// past it, the parse fails ("call limit reached"), as on text that does not
/// parse.
pub fn parse(rule: Rule, text: &str) -> Result<Pairs<'_, Rule>, Box<pest::error::Error<Rule>>> {
    parse_within(rule, text, budget(text.len()))
}

/// [`parse`] within a budget of `calls` rule calls.
pub fn parse_within(
    rule: Rule,
    text: &str,
    calls: usize,
) -> Result<Pairs<'_, Rule>, Box<pest::error::Error<Rule>>> {
    {
        let mut running = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
        running.push(calls);
        set_limit(&running);
    }
    let result = JxParser::parse(rule, text).map_err(Box::new);
    let mut running = RUNNING.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(i) = running.iter().position(|&b| b == calls) {
        running.swap_remove(i);
    }
    set_limit(&running);
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `.jx` file of the repository parses within a tenth of its
    /// budget: the budget never refuses a real file.
    #[test]
    fn real_files_parse_well_within_the_budget() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        let mut dirs = vec![root.join("examples"), root.join("tests")];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "jx") {
                    files.push(p);
                }
            }
        }
        assert!(files.len() > 100, "{} files", files.len());
        let mut parsed = 0;
        for f in &files {
            let Ok(text) = std::fs::read_to_string(f) else {
                continue; // another encoding, refused before parsing
            };
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            if super::super::limits::nesting(text).is_some() {
                continue; // too deep: never given to pest
            }
            let full = parse_within(Rule::file, text, budget(text.len()));
            let tenth = parse_within(Rule::file, text, budget(text.len()) / 10);
            assert_eq!(
                full.is_ok(),
                tenth.is_ok(),
                "{}: needs more than a tenth of its budget",
                f.display()
            );
            parsed += usize::from(full.is_ok());
        }
        assert!(parsed > 100, "{parsed} files parsed");
    }

    /// The file fuzzing found (half a minute in pest before the budget):
    /// unclosed blocks nested under `by`, each read again by every
    /// alternative. The budget is what stops it.
    #[test]
    fn unclosed_nested_blocks_stop_at_the_budget() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/bad_input/unclosed-blocks-backtracking.jx");
        let text = std::fs::read_to_string(path).unwrap();
        let Err(e) = parse(Rule::file, &text) else {
            panic!("a failed parse")
        };
        assert!(e.to_string().contains("call limit reached"), "{e}");
    }
}

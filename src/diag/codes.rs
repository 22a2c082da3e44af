//! The registry of diagnostic codes: the one place where every code is
//! named, given its default level and documented. `jixiao explain` prints
//! these entries and `docs/diagnostics.md` is generated from them (a test
//! fails when the two drift apart). Each entry's `example` is a complete
//! document that triggers the code; a test checks that it does.
//!
//! Families: `S` syntax and files, `B` budget arithmetic, `T` tiers,
//! `V` indicator values, `R` references between units and summaries.

use crate::ast::Level;

#[derive(Debug)]
pub struct CodeInfo {
    pub code: &'static str,
    /// A short kebab-case name.
    pub name: &'static str,
    pub level: Level,
    /// Whether `allow`/`warn` may lower it (syntax errors cannot be lowered:
    /// a document that cannot be read cannot be checked).
    pub adjustable: bool,
    /// One line.
    pub summary: &'static str,
    /// What it means and why it matters.
    pub explanation: &'static str,
    /// A whole document that triggers it.
    pub example: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

pub fn lookup(code: &str) -> Option<&'static CodeInfo> {
    CODES.iter().find(|c| c.code.eq_ignore_ascii_case(code))
}

pub static CODES: &[CodeInfo] = &[
    CodeInfo {
        code: "S001",
        name: "unexpected-input",
        level: Level::Deny,
        adjustable: false,
        summary: "a line that is not valid jixiao syntax",
        explanation: "The parser could not read this line in the block it stands in. The message says what was expected at the exact point where reading stopped. The rest of the file is still read, so every independent mistake is reported in one run.",
        example: "year 2023\nunit \"云田镇\" {\n  budget abc\n}\n",
        fix: "Write the statement as the language reference shows (docs/language.md); quote names that contain spaces or start with a digit.",
    },
    CodeInfo {
        code: "S002",
        name: "unbalanced-braces",
        level: Level::Deny,
        adjustable: false,
        summary: "a `{` without its `}` (or the reverse)",
        explanation: "Blocks must be closed. When braces do not balance the structure of the file cannot be known, so nothing after the point of failure is checked.",
        example: "year 2023\nunit \"云田镇\" {\n  budget 10\n",
        fix: "Add the missing `}` (or remove the extra one). The label shows where the parser gave up.",
    },
    CodeInfo {
        code: "S003",
        name: "invalid-number",
        level: Level::Deny,
        adjustable: false,
        summary: "a number that cannot be represented exactly",
        explanation: "Amounts are exact decimals with at most 28 significant digits. A longer figure is almost certainly a typing mistake (a pasted account number, a repeated digit) and is not silently rounded.",
        example: "year 2023\nunit \"云田镇\" {\n  budget 123456789012345678901234567890.12\n}\n",
        fix: "Correct the figure.",
    },
    CodeInfo {
        code: "S004",
        name: "invalid-date",
        level: Level::Deny,
        adjustable: false,
        summary: "a date that does not exist, or a period that ends before it starts",
        explanation: "Dates are checked against the calendar (2023-02-30 does not exist) and a period must not end before it starts.",
        example: "year 2023\nunit \"云田镇\" {\n  project \"保洁\" 10 {\n    period 2023-12-31 .. 2023-02-30\n  }\n}\n",
        fix: "Correct the date.",
    },
    CodeInfo {
        code: "S005",
        name: "duplicate-header",
        level: Level::Deny,
        adjustable: false,
        summary: "a header statement given twice, or differently in two files of one project",
        explanation: "`year`, `money`, `precision`, `scheme` and `title` apply to a whole document; two values for one of them leave it ambiguous which one the figures follow.",
        example: "year 2023\nyear 2024\n",
        fix: "Keep one statement; state shared headers once in the root file.",
    },
    CodeInfo {
        code: "S006",
        name: "unknown-code",
        level: Level::Deny,
        adjustable: false,
        summary: "`allow`, `warn` or `deny` names a code that does not exist or cannot be changed",
        explanation: "A level statement that names no known code does nothing, which usually hides a typing mistake. Syntax codes cannot be lowered.",
        example: "year 2023\nallow X999\n",
        fix: "Use a code from `jixiao explain --list`.",
    },
    CodeInfo {
        code: "S007",
        name: "include-failed",
        level: Level::Deny,
        adjustable: false,
        summary: "an `include` that cannot be read",
        explanation: "The included file does not exist, cannot be read, or the pattern matches no `.jx` file. Paths are relative to the including file.",
        example: "year 2023\ninclude \"missing/*.jx\"\n",
        fix: "Correct the path or pattern.",
    },
    CodeInfo {
        code: "S008",
        name: "invalid-encoding",
        level: Level::Deny,
        adjustable: false,
        summary: "a file that is not UTF-8",
        explanation: "jixiao reads UTF-8 only (a BOM is allowed). Files saved as GBK by older editors must be converted first.",
        example: "",
        fix: "Convert the file: `iconv -f GBK -t UTF-8 in.jx > out.jx`.",
    },
    CodeInfo {
        code: "S009",
        name: "invalid-header-value",
        level: Level::Deny,
        adjustable: false,
        summary: "a header value out of range (a year, a precision, an unknown scheme)",
        explanation: "The budget year must be a plausible year, the precision at most 10 decimals, and the scheme a built-in framework or one defined by a `scheme` block.",
        example: "year 2023\nprecision 40\n",
        fix: "Correct the value.",
    },
];

/// The text `jixiao explain CODE` prints, also the entry of
/// `docs/diagnostics.md`.
pub fn explain_text(info: &CodeInfo) -> String {
    let mut s = format!(
        "{} ({}): {}\n\nDefault level: {}{}\n\n{}\n",
        info.code,
        info.name,
        info.summary,
        info.level.as_str(),
        if info.adjustable {
            ""
        } else {
            " (cannot be lowered)"
        },
        info.explanation
    );
    if !info.example.is_empty() {
        s.push_str("\nExample:\n\n");
        for line in info.example.lines() {
            s.push_str("    ");
            s.push_str(line);
            s.push('\n');
        }
    }
    s.push_str(&format!("\nFix: {}\n", info.fix));
    s
}

//! The registry of diagnostic codes: the one place where every code is
//! named, given its default level and documented. `jixiao explain` prints
//! these entries and `docs/diagnostics.md` is generated from them (a test
//! fails when the two drift apart). Each entry's `example` is a complete
//! document that triggers the code; a test checks that it does.
//!
//! Families: `S` syntax and files, `B` budget arithmetic, `T` tiers,
//! `V` indicator values, `R` references between units and summaries.

use crate::ast::Level;
use crate::i18n::{self, Lang};
use crate::msg;

/// Every diagnostic code, one variant each: a code that is not in the
/// registry cannot be written (a typo is a compile error). The registry
/// [`CODES`] lists them in the same order; a test keeps the two aligned.
macro_rules! code_enum {
    ($($code:ident),* $(,)?) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($code),*
        }

        impl Code {
            /// Every code, in registry order.
            pub const ALL: &'static [Code] = &[$(Code::$code),*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$code => stringify!($code)),*
                }
            }
        }
    };
}

// One code a line, in registry order: a new code is one added line.
#[rustfmt::skip]
code_enum!(
    S001,
    S002,
    S003,
    S004,
    S005,
    S006,
    S007,
    S008,
    S009,
    S010,
    S011,
    S012,
    S013,
    S014,
    S020,
    S021,
    S022,
    S030,
    S031,
    S040,
    B001,
    B002,
    B003,
    B004,
    B005,
    B006,
    B007,
    B008,
    B009,
    B010,
    B011,
    B012,
    B013,
    B020,
    B021,
    B022,
    B023,
    B040,
    B041,
    B042,
    B043,
    B044,
    R001,
    R020,
    R021,
    R030,
    R031,
    R032,
    R040,
    T001,
    T002,
    T003,
    T004,
    T005,
    T006,
    T007,
    T020,
    T021,
    V001,
    V002,
    V003,
    V004,
    V005,
    V006,
    V007,
    V008,
    V020,
    V021,
    V030,
    V031,
    I001,
    I002,
    I003,
    I004,
    I005,
);

impl Code {
    /// The code's registry entry.
    pub fn info(self) -> &'static CodeInfo {
        &CODES[self as usize]
    }

    /// The code spelled `text` (case-insensitive), as a level statement or
    /// `jixiao explain` names it.
    pub fn parse(text: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(text))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[derive(Debug)]
pub struct CodeInfo {
    pub code: Code,
    /// A short kebab-case name.
    pub name: &'static str,
    pub level: Level,
    /// Whether `allow`/`warn` may lower it (syntax errors cannot be lowered:
    /// a document that cannot be read cannot be checked).
    pub adjustable: bool,
    /// Whether a document with this finding (at error level) is kept from
    /// `jixiao build`: the document could not be read in full, so any table
    /// printed from it would silently lack what could not be read.
    pub blocks_output: bool,
    /// Whether findings that repeat one choice across a document are
    /// reported once, with their count and every place labelled
    /// ([`crate::diag::group`]). A code that groups must be found only by
    /// a unit's own rules: a lean check merges a file's repeats as soon as
    /// the file is checked ([`crate::check::stream`]), and
    /// `tests/lean_check.rs` holds that equal to grouping at the end.
    pub groups: bool,
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
    Code::parse(code).map(Code::info)
}

pub static CODES: &[CodeInfo] = &[
    CodeInfo {
        code: Code::S001,
        name: "unexpected-input",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "a line that is not valid jixiao syntax",
        explanation: "The parser could not read this line in the block it stands in. The message says what was expected at the exact point where reading stopped, or, for the slips people really make, what the line reads as once mended: a keyword glued to the word after it (`预算100`: did you mean `预算 100`?), a letter typed for a digit (`≥ 9O%`: write `90`), two indicators on one line, a word after a value. The rest of the file is still read, so every independent mistake is reported in one run.",
        example: "year 2023\nunit \"云田镇\" {\n  budget abc\n}\n",
        fix: "Write the statement as the language reference shows (docs/language.md); quote names that contain spaces or start with a digit.",
    },
    CodeInfo {
        code: Code::S002,
        name: "unbalanced-braces",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "a `{` without its `}` (or the reverse)",
        explanation: "Blocks must be closed. When braces do not balance the structure of the file cannot be known, so nothing after the point of failure is checked.",
        example: "year 2023\nunit \"云田镇\" {\n  budget 10\n",
        fix: "Add the missing `}` (or remove the extra one). The label shows where the parser gave up.",
    },
    CodeInfo {
        code: Code::S003,
        name: "invalid-number",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "a number that cannot be represented exactly",
        explanation: "Amounts are exact decimals with at most 28 significant digits. A longer figure is almost certainly a typing mistake (a pasted account number, a repeated digit) and is not silently rounded.",
        example: "year 2023\nunit \"云田镇\" {\n  budget 123456789012345678901234567890.12\n}\n",
        fix: "Correct the figure.",
    },
    CodeInfo {
        code: Code::S004,
        name: "invalid-date",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "a date that does not exist, or a period that ends before it starts",
        explanation: "Dates are checked against the calendar (2023-02-30 does not exist) and a period must not end before it starts.",
        example: "year 2023\nunit \"云田镇\" {\n  project \"保洁\" 10 {\n    period 2023-12-31 .. 2023-02-30\n  }\n}\n",
        fix: "Correct the date.",
    },
    CodeInfo {
        code: Code::S005,
        name: "duplicate-header",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "a header statement given twice, or differently in two files of one project",
        explanation: "`year`, `money`, `precision`, `scheme` and `title` apply to a whole document; two values for one of them leave it ambiguous which one the figures follow.",
        example: "year 2023\nyear 2024\n",
        fix: "Keep one statement; state shared headers once in the root file.",
    },
    CodeInfo {
        code: Code::S006,
        name: "unknown-code",
        level: Level::Deny,
        adjustable: false,
        blocks_output: false,
        groups: false,
        summary: "`allow`, `warn` or `deny` names a code that does not exist or cannot be changed",
        explanation: "A level statement that names no known code does nothing, which usually hides a typing mistake. Syntax codes cannot be lowered.",
        example: "year 2023\nallow X999\n",
        fix: "Use a code from `jixiao explain --list`.",
    },
    CodeInfo {
        code: Code::S007,
        name: "include-failed",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "an `include` that cannot be read",
        explanation: "The included file does not exist, cannot be read, or the pattern matches no `.jx` file. Paths are relative to the including file.",
        example: "year 2023\ninclude \"missing/*.jx\"\n",
        fix: "Correct the path or pattern.",
    },
    CodeInfo {
        code: Code::S008,
        name: "invalid-encoding",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "a file that is not UTF-8",
        explanation: "jixiao reads UTF-8 only (a BOM is allowed). Files in the other encodings budget documents come in are recognised and named: UTF-16 in either byte order, with or without a byte-order mark (what Windows calls \"Unicode\"), UTF-32, and GBK or GB18030 (what Chinese Windows saves by default). The message gives the `iconv` command that converts the file; nothing in it is read until it is converted.",
        example: "",
        fix: "Convert the file, e.g. `iconv -f GBK -t UTF-8 in.jx > out.jx` (the message names the encoding to convert from), or save it as UTF-8 in its editor.",
    },
    CodeInfo {
        code: Code::S009,
        name: "invalid-header-value",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "a header value out of range (a year, a precision, an unknown scheme or money unit)",
        explanation: "The budget year must be a plausible year, the precision at most 10 decimals, the scheme a built-in framework or one defined by a `scheme` block, and the money unit one the figures can be read in (元, 千元, 万元, 十万元, 百万元, 千万元 or 亿元): bases of calculation are worked out in it.",
        example: "year 2023\nprecision 40\n",
        fix: "Correct the value.",
    },
    CodeInfo {
        code: Code::S010,
        name: "nesting-too-deep",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "blocks nested more than 64 deep, or a formula's parentheses more than 32 deep",
        explanation: "Real documents nest about ten blocks deep (a unit, a project, a breakdown, a line, the tiers of its indicators) and a formula rarely needs more than two levels of parentheses. Deeper nesting comes from a generated or damaged file, and reading it would exhaust the parser's stack, so the depth is measured before the file is parsed and a file that goes deeper than the limits (docs/language.md, Limits) is not read at all: nothing in it is checked.",
        example: "year 2023\nunit \"云田镇\" {\n  project \"保洁\" 1 {\n    by detail {\n      保洁费 1 = ((((((((((((((((((((((((((((((((( 1 ))))))))))))))))))))))))))))))))) 万元\n    }\n  }\n}\n",
        fix: "Flatten the structure: units inside units are for rollups (系统), and a formula can be written with fewer parentheses. If the file is generated, correct the generator.",
    },
    CodeInfo {
        code: Code::S011,
        name: "input-too-large",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "a file larger than 16 MiB, or more than 10,000 files in one run",
        explanation: "A file is read whole into memory, and every file of a run is kept until the run ends. The limits (docs/language.md, Limits) are far above any real document (the 67 unit tables of a city are 0.3 MB) and keep a wrong path (a log, a disk image, a directory of everything) from exhausting the machine. A file over the size limit is not read; files past the count limit are not read.",
        example: "",
        fix: "Check the path: it is probably not the document you meant. Split a generated file that is really this large into files that `include` each other.",
    },
    CodeInfo {
        code: Code::S012,
        name: "formula-too-long",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "a formula with more than 64 numbers and units",
        explanation: "A basis of calculation (测算依据) multiplies a few figures: `20 次 × 0.5 万元/次`. A formula of hundreds of terms is a pasted column or a generated line, and evaluating it term by term would exhaust the stack, so a formula longer than the limit (docs/language.md, Limits) is not read: the line keeps its amount and the formula is not checked.",
        example: "",
        fix: "Break the line down into lines of its own (`by detail { … }`), each with a short formula.",
    },
    CodeInfo {
        code: Code::S013,
        name: "invisible-character",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "an invisible character (a zero-width space, a line separator, a control character) in the text",
        explanation: "Characters such as U+200B ZERO WIDTH SPACE, U+FEFF (a byte-order mark in the middle of a file), U+2028 LINE SEPARATOR, U+0085 NEXT LINE, the bidirectional controls U+202A–U+202E and U+2066–U+2069, control characters and noncharacters show as nothing (or as a line break) in most editors, but they are part of the text: `群众满意度` followed by a zero-width space is not the indicator `群众满意度`, and a line separator does not end a line (lines end with LF, CRLF or CR). They usually come from copying out of a PDF or a web page. The message names each one by its code point. Comments are not searched.",
        example: "year 2023\nunit \"云田镇\u{200B}\" {\n}\n",
        fix: "Delete the character (the label shows where it is), or replace a line separator with a line break.",
    },
    CodeInfo {
        code: Code::S014,
        name: "text-too-long-for-a-cell",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a text longer than a spreadsheet cell can hold (32,767 characters)",
        explanation: "Excel and WPS hold at most 32,767 characters (UTF-16 units) in one cell, and a workbook with a longer text cannot be opened. The XLSX output therefore cuts such a text and says so at the end of the cell, with the length of the whole text; the JSON, CSV and HTML outputs keep it whole. A text this long is usually a pasted document rather than a cell of a table.",
        example: "",
        fix: "Shorten the text, or split it over several items (for example several `目标` lines); if the workbook is not needed, the warning can be allowed (`allow S014`).",
    },
    CodeInfo {
        code: Code::S020,
        name: "include-cycle",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "files that include each other (or a file that includes itself)",
        explanation: "A document is a root file and the files it includes; when files include each other in a circle, none of them is the root, and which file's header and levels apply is left to chance. Each file is still read once and checked as part of one document (that of the first file named), but the cycle must be broken before the document is built.",
        example: "",
        fix: "Include each file from one place, normally the root file of the document (`main.jx`), and remove the `include` that points back.",
    },
    CodeInfo {
        code: Code::S021,
        name: "include-outside-root",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "an `include` (or a link in a checked directory) that leads outside the project root",
        explanation: "Files are read only inside the project root: the directory of the file named on the command line, the directory named, or the one `--root DIR` gives. An `include` that reaches outside it (with `..`, an absolute path, or a symbolic link) is not read at all, so checking a document from someone else can never disclose a file of the machine it is checked on (`include \"../../../../etc/passwd\"`), nor print a line of it.",
        example: "year 2023\ninclude \"../shared/units.jx\"\n",
        fix: "Move the included files into the project's directory, or give the directory that holds them all with `--root DIR`.",
    },
    CodeInfo {
        code: Code::S022,
        name: "not-a-regular-file",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "an input or `include` that is not a regular file (a directory, a FIFO, a device, /proc)",
        explanation: "Only regular files are read. A FIFO (named pipe) would make the check wait for a writer forever, a device such as `/dev/zero` never ends, and the files of `/proc` and `/sys` are made up by the kernel and hold the reader's own secrets (`/proc/self/environ`). They are refused without being read, by what the file system says they are.",
        example: "year 2023\ninclude \".\"\n",
        fix: "Name a `.jx` file; to include every file of a directory write `include \"dir/*.jx\"`.",
    },
    CodeInfo {
        code: Code::S030,
        name: "keyword-glued",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "`by` written against its dimension (`按收入 { … }`)",
        explanation: "Han text has no spaces, so a keyword is only a keyword when it stands alone: `按收入 { … }` reads as a breakdown line named 按收入, not the income breakdown, and the income breakdown would never be checked. Such a line is read as the breakdown it was surely meant as, and reported. (A line that cannot be read at all, such as `预算100`, is an S001 that says which statement it reads as once the keyword stands apart.)",
        example: "year 2023\nunit \"云田镇\" {\n  budget 100 {\n    按收入 { 一般公共预算拨款 100 }\n  }\n}\n",
        fix: "Put a space after `按`: `按 收入 { … }`. A line whose name really starts with it is quoted: `\"按收入\" 10`.",
    },
    CodeInfo {
        code: Code::S031,
        name: "rules-not-run",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a document with no header statement: the rules that need `scheme` or `year` did not run",
        explanation: "The tier rules (T001–T007) need the indicator framework a `scheme` statement names, and the budget-year rule (V007) needs the `year`. A document none of whose files states a header statement is what a file meant to be included (a department's file) is when it is checked on its own: its header is in the file that includes it. It is checked without those rules, and says so, instead of passing a misplaced tier in silence. (A document that states its header but no `scheme` has chosen to go without tiers.)",
        example: "unit \"云田镇\" {\n  indicators {\n    产出指标 { 数量指标 { 辖区社区数量 = 9 个 } }\n  }\n}\n",
        fix: "Check the root file that includes this one (`jixiao check main.jx`), or state the framework and year (`scheme 财预2021`, `year 2024`); `allow S031` for a document checked without tiers on purpose.",
    },
    CodeInfo {
        code: Code::S040,
        name: "unknown-form",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a `form` statement names a form the catalogue does not have, or a column its grid does not have",
        explanation: "The tables a document prints are official forms from jixiao's catalogue (`docs/outputs.md` lists them); a `form` statement chooses one by its name, and may give its grid its own columns by their printed headers. A name or a column that is not known would print nothing: the form is left out (the framework's default prints instead) or the column is.",
        example: "year 2023\nform 部门整体支出绩效目标表 { 一级指标 二级指标 三级指标 目标完成值 }\nform 部门收支明细表\nunit \"云田镇\" { budget 1 }\n",
        fix: "Use a form's name as the catalogue spells it (a space does not matter), and the headers its grid knows; the message lists the nearest.",
    },
    CodeInfo {
        code: Code::B001,
        name: "breakdown-does-not-add-up",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "the parts of a breakdown do not add up to the figure they break down",
        explanation: "Every breakdown (by income, by expense, by economic or functional classification, a project's spending detail, the lines of an amount tree such as 三公经费) must add up to what it breaks down. Published figures are rounded, so each figure stands for an interval exact to its precision (the document's `precision`, or finer where more decimals are written); the sum is inconsistent only when the interval of the stated figure and the sum of the parts' intervals do not meet: the roundings of all the figures involved add up. A figure that copies another (a summary row, B006) is held to a stricter rule. The message shows the stated figure, the computed sum and the difference, and says that rounding was allowed for: the difference is more than the roundings of the figures involved add up to. A table's 上年 column is checked the same way: the 上年 figures of the parts add up to the 上年 of what they break down. A table that prints its own 合计 row is checked against that row instead (B040, B041).",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"湘阴县人民政府办公室\" {\n  amount 三公经费 13 {\n    公务用车运行和购置费 0\n    因公出国（境）费 0\n    公务接待费 13.18\n  }\n}\n",
        fix: "Correct the figure that is wrong; if a part is missing, add it.",
    },
    CodeInfo {
        code: Code::B002,
        name: "formula-does-not-match",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a basis of calculation (测算依据) does not come to the line's amount",
        explanation: "A spending-detail line may carry the formula that justifies it (`20 次 × 0.5 万元/次`). The formula is evaluated exactly and compared with the stated amount under the rounding rule of B001. A basis that works out several figures gives each formula in the line's block with the result it states (`= 3 次 × 0.6 万元/次 = 1.8`): each formula is compared with its result, and the results (or the formulas' values where no result is stated) with the line's amount.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  project \"业务性专用经费\" 8 {\n    by detail {\n      武装工作宣传费 3.6 = 6 次 × （万元/次）\n      民兵训练点验费 4.4 = 10 次 × 0.44 万元/次\n    }\n  }\n}\n",
        fix: "Correct the formula or the amount.",
    },
    CodeInfo {
        code: Code::B003,
        name: "formula-units",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a basis of calculation whose units do not come out as money",
        explanation: "Units are algebra: `20 次 × 0.5 万元/次` is 10 万元 because 次 cancels. A formula that leaves another unit over (`9 × 10 万元/社区` is 90 万元 per 社区) or adds different units does not justify an amount of money. A formula of bare numbers is read in the document's money unit.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  project \"社区经费\" 90 {\n    by detail { 办公经费 90 = 9 × 10 万元/社区 }\n  }\n}\n",
        fix: "Write the unit of every factor (`9 社区 × 10 万元/社区`).",
    },
    CodeInfo {
        code: Code::B004,
        name: "projects-do-not-add-up",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a unit's projects do not add up to its 项目支出",
        explanation: "The 项目支出 line of a unit's expense breakdown is the sum of its projects (项目支出绩效目标表). A difference means a project is missing, counted twice, or has another amount in its own table.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  budget 100 {\n    by expense { 基本支出 40  项目支出 60 }\n  }\n  project \"保洁\" 30 { }\n  project \"宣传\" 20 { }\n}\n",
        fix: "Add the missing project or correct the amounts.",
    },
    CodeInfo {
        code: Code::B005,
        name: "rollup-does-not-add-up",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a rollup unit's budget is not the sum of its member units",
        explanation: "A rollup unit (系统) publishes the total of the units it groups: those written inside it and those naming it as `parent`.",
        example: "year 2024\nmoney 万元\nprecision 2\nrollup unit \"岳阳市市委办系统\" {\n  budget 700.00\n  unit \"中共岳阳市委办公室本级\" { budget 400.00 }\n  unit \"中共岳阳市委政策研究室本级\" { budget 254.78 }\n}\n",
        fix: "Correct the rollup's total or the member that is wrong; add a missing member.",
    },
    CodeInfo {
        code: Code::B006,
        name: "summary-row-mismatch",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a summary row does not match the unit's own figure",
        explanation: "A `summary` block holds figures published in another table (a 汇总表). Each row is reconciled with the budget of the unit it names (by code, or by name; a trailing 本级 is ignored; a near-miss name, R021) or the amount of the project it names. A row copies that figure, and a copy is exact: the two agree only when the finer, rounded to the precision of the coarser, is the coarser (508.9253 copied as 508.93 passes; 1,735.58 copied as 1,735.59 does not). A sum keeps the interval rule of B001, where the roundings of its parts add up; a copy has no parts.",
        example: "year 2024\nmoney 万元\nprecision 2\nunit \"中共岳阳市委党校本级\" { budget 2048.19 }\nsummary \"资金表\" {\n  #2 中共岳阳市委党校 2084.19\n}\n",
        fix: "Find which of the two tables is wrong and correct it.",
    },
    CodeInfo {
        code: Code::B007,
        name: "summary-total-mismatch",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a summary's total is not the sum of its rows",
        explanation: "The total of a summary is the sum of its rows, except rows that aggregate the rows numbered below them (a rollup `1` over `1-1`, `1-2` …), which would count them twice.",
        example: "year 2024\nmoney 万元\nprecision 2\nsummary \"资金表\" {\n  #1 甲单位 10.00\n  #2 乙单位 20.00\n  total 31.00\n}\nallow R001\n",
        fix: "Correct the total or the row that is wrong.",
    },
    CodeInfo {
        code: Code::B008,
        name: "parts-without-figures",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a breakdown lists parts but none of them states a figure",
        explanation: "A table with a 合计 and rows whose amounts are all blank (seed 003's spending details) does not say where the money goes. It is reported once per column (this year's, 上年), as a warning, instead of as a sum that does not add up.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"湘阴县人民政府办公室\" {\n  project \"驻京联络维稳工作组\" 50 {\n    by detail {\n      房租费用\n      租车费用\n    }\n  }\n}\n",
        fix: "Fill in the amounts of the parts.",
    },
    CodeInfo {
        code: Code::B009,
        name: "code-does-not-nest",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a classification code under a code it does not belong to",
        explanation: "Economic codes (301 → 30101) and functional codes (类 201 → 款 20103 → 项 2010301) nest by prefix: a line's code must begin with the code of the line it is written under.",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  budget 10 {\n    by economic {\n      301 工资福利支出 10 { 30201 办公费 10 }\n    }\n  }\n}\n",
        fix: "Move the line under its own group, or correct the code.",
    },
    CodeInfo {
        code: Code::B010,
        name: "unknown-economic-code",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a code that is not in the economic classification",
        explanation: "Lines of a `by economic` breakdown are checked against the built-in catalog of 部门预算支出经济分类 (groups 301, 302, 303, 307, 309, 310, 311, 312, 313, 399 and their items).",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  budget 10 {\n    by economic { 305 工资福利支出 10 }\n  }\n}\n",
        fix: "Correct the code.",
    },
    CodeInfo {
        code: Code::B011,
        name: "economic-name-mismatch",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a known economic code written with another name",
        explanation: "The code decides where spending is classified; a name that is not the catalog's usually means a wrong code or an outdated name. The catalog's name is suggested.",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  budget 69.04 {\n    by economic { 302 一般商品和服务支出 69.04 }\n  }\n}\n",
        fix: "Use the catalog's name, or the code that goes with the name.",
    },
    CodeInfo {
        code: Code::B012,
        name: "cost-ceiling-above-budget",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a cost indicator states more than the budget it governs",
        explanation: "An indicator that states a cost — one under a 成本 tier, or one named for the budget (控制在预算内, 预算控制数, 不超过预算 …), but not a saving under 效益 — is compared with its unit's or project's own budget, whatever its comparison: a ceiling (`控制在预算内 ≤ 4055.01 万元`) above the budget cannot be exceeded and so measures nothing; a figure written with `=`, with no comparison or marked 定性 (`定性 1416.66万元`), or a floor, above the budget cannot be reached. An amount written inside a text value (`定性 \"≤6793.23万元\"`) is read too; a unit price in a text (`20元/份`) is not an amount.",
        example: "year 2024\nmoney 万元\nprecision 2\nunit \"中共岳阳市委办公室本级\" {\n  budget 3394.31\n  indicators {\n    成本指标 { 经济成本指标 { 控制在预算内 ≤ 4055.01 万元 } }\n  }\n}\n",
        fix: "State the cost the budget sets.",
    },
    CodeInfo {
        code: Code::B013,
        name: "arithmetic-overflow",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a sum or formula too large to compute exactly",
        explanation: "Sums and formulas are computed exactly; a result beyond 28 significant digits cannot be, and is reported instead of rounded.",
        example: "year 2023\nmoney 万元\nunit \"云田镇\" {\n  project \"大额\" 1 {\n    by detail { 费用 1 = 9999999999999999999999999999 × 9999999999999999999999999999 }\n  }\n}\n",
        fix: "Correct the figures.",
    },
    CodeInfo {
        code: Code::B020,
        name: "cost-differs-from-detail",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a cost indicator differs from the line of the budget or the detail that bears its name",
        explanation: "A cost indicator named after a line of its unit's budget or of its project's spending detail states that line's cost (seed 001: `安置小区卫生死角清理 5万` beside a detail group 安置小区卫生死角清理 of 6 + 4). Written as a figure or with `=`, it copies the line, and a copy is exact: the finer figure rounded to the coarser's precision must be the coarser (the rule of B006). Written as a ceiling (`≤`), it must not be below the line, which the budget already spends.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  project \"微民生网格事件办理\" 30 {\n    indicators {\n      产出指标 { 成本指标 { 安置小区卫生死角清理 5 万元 } }\n    }\n    by detail {\n      路面破损修复 20\n      安置小区卫生死角清理 {\n        卫生清理人工费 6\n        垃圾拖运费     4\n      }\n    }\n  }\n}\n",
        fix: "Correct the indicator or the line.",
    },
    CodeInfo {
        code: Code::B021,
        name: "unit-price-differs-from-basis",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "an indicator's unit price differs from the unit prices of the basis of calculation",
        explanation: "Units are algebra, so a basis of calculation states unit prices: in `200 人 × 0.03 万元/人`, 0.03 万元 per 人. An indicator that states a price per the same unit (`无偿献血营养补贴 500 元/人`) should state one of them; seed 001 prices a blood donor's allowance at 0.03 万元 (300 元) in its basis and at 500 元 in its indicator. The prices are compared as copies, each exact to the decimals it is written with, across money units.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  project \"业务性专用经费\" 6 {\n    indicators {\n      产出指标 { 数量指标 { 无偿献血营养补贴 500 元/人 } }\n    }\n    by detail {\n      卫健相关费用 6 = 200 人 × 0.03 (万元/人)\n    }\n  }\n}\n",
        fix: "State the price the basis uses, or correct the basis.",
    },
    CodeInfo {
        code: Code::B022,
        name: "breakdown-without-lines",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a breakdown written with no lines",
        explanation: "A breakdown with nothing in it (`by detail { }`) is a table with only its 合计 row: it does not say where the money goes. Transcribe its lines, or leave the breakdown out when the published table has none.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"湘阴县人民政府办公室\" {\n  project \"驻京联络维稳工作组\" 50 {\n    by detail { }\n  }\n}\n",
        fix: "Write the lines of the breakdown, or remove it.",
    },
    CodeInfo {
        code: Code::B023,
        name: "restated-figure-differs",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a figure restated in another table of the same breakdown differs",
        explanation: "A document often publishes one breakdown of a figure in several tables: seed 002 breaks its 508.93 down by income nature in its 收入预算 and again in its 收支总表. Breakdowns of one figure along the same dimension restate each other: a line with the same name (and code) in two of them copies the figure, and so do the lines below two such lines. A copy is exact, as in B006: the finer figure rounded to the coarser's precision must be the coarser. A blank cell (`-`) restates zero.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"株洲市石峰区人民政府办公室\" {\n  budget 508.93 {\n    by income { 一般公共预算拨款 508.93  政府性基金拨款 0 }\n    by income { 一般公共预算拨款 508.39  政府性基金拨款 0.54 }\n  }\n}\n",
        fix: "Find which table is wrong and correct it.",
    },
    CodeInfo {
        code: Code::B040,
        name: "stated-total-mismatch",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a table's own 合计 (总计, 小计) row is not the sum of its rows",
        explanation: "A table that prints a 合计 row (`total` / `合计` in a breakdown) states the sum of its rows; it is checked against them in every column it has (this year's, and 上年 when the table has that column), with the rounding rule of B001. When a table prints its 合计, its rows are compared with the 合计 (B040) and the 合计 with the figure the table breaks down (B041), rather than the rows directly with that figure (B001). A 合计 over rows that state no figure is B008.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  project \"城乡环境连片整治专项\" 95.00 {\n    by detail {\n      卫生整治费 10\n      拆建费用 25\n      合计 95.00\n    }\n  }\n}\n",
        fix: "Correct the 合计 or the row that is wrong; add a missing row.",
    },
    CodeInfo {
        code: Code::B041,
        name: "stated-total-not-parent",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a table's 合计 differs from the figure the table breaks down",
        explanation: "The 合计 of a breakdown (a project's 支出明细, its 资金来源) repeats the figure it breaks down (the project's amount, and its 上年 figure). A copy must be the same figure: the two are compared once the finer is rounded to the coarser's decimals (508.9253 repeats 508.93; 508.92 does not), not with the tolerance of a sum.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"湘阴县政府办\" {\n  project \"驻京联络维稳工作组\" 50 {\n    by source {\n      县级资金 55\n      合计 55\n    }\n  }\n}\n",
        fix: "Find which of the two is wrong and correct it.",
    },
    CodeInfo {
        code: Code::B042,
        name: "change-mismatch",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a stated change (增减) is not this year's figure less the prior year's",
        explanation: "A line that states this year's figure, the prior year's (`上年`) and the change (`增减`; 比上年增加 0.17 is `增减 0.17`, 减少 3.65 is `增减 -3.65`) must have change = this year − prior year, within rounding.",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  amount 公务接待费 5.34 上年 11.99 增减 -3.65\n}\n",
        fix: "Correct the change, or the figure it is worked out from.",
    },
    CodeInfo {
        code: Code::B043,
        name: "changes-do-not-add-up",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a total's stated change is not the sum of its parts' changes",
        explanation: "When a total states its change against the prior year and each of its parts states its own (or its this-year and 上年 figures, whose difference is its change), the parts' changes must add up to the total's. Seed 002 states the 三公 change as −3.65 while its parts give −6.65 + 0 − 8 = −14.65.",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  amount \"“三公”经费预算数\" 5.34 增减 -3.65 {\n    公务接待费 5.34 增减 -6.65\n    因公出国（境）费 0 增减 0\n    公务用车购置及运行维护费 0 上年 8\n  }\n}\n",
        fix: "Correct the total's change or the part that is wrong.",
    },
    CodeInfo {
        code: Code::B044,
        name: "restatement-mismatch",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a figure declared to restate another (`重述`) differs from it",
        explanation: "A figure that repeats one stated elsewhere — 资金总额 in another table, a total of the 编报说明, a repeated 附件 — is declared with `重述 TARGET` (`restates budget`, `重述 预算 302`, `重述 三公经费`). It must be the same figure as its target once the finer is rounded to the coarser's decimals, and so must each of its lines and the target's line with the same code or name (or the unit's project of that name). Lines with no counterpart are not compared.",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  budget 508.93 {\n    by expense { 基本支出 448.93  项目支出 60 }\n  }\n  amount 资金总额 518.9253 重述 预算 {\n    by expense { 基本支出 448.9253  项目支出 60 }\n  }\n}\n",
        fix: "Correct the restated figure, or the figure it restates.",
    },
    CodeInfo {
        code: Code::R001,
        name: "summary-row-not-found",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a summary row names no unit or project of the document",
        explanation: "A summary row is reconciled with the unit or project it names. When a corpus holds only part of a summary's units (seed 004 holds the tables of 23 of 59 departments), the other rows cannot be reconciled; this is a warning by default and can be allowed for such a corpus.",
        example: "year 2024\nmoney 万元\nsummary \"资金表\" {\n  #1 不存在的单位 10.00\n}\n",
        fix: "Add the unit, correct the name, or `allow R001` for a partial corpus.",
    },
    CodeInfo {
        code: Code::R020,
        name: "unit-without-summary-row",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a unit or project that the document's summary leaves out",
        explanation: "When a document holds a summary (汇总表) that lists its units, every unit table has its row; when it lists projects, every project. A unit left out is missing from the summary, or its amount is folded into another unit's row, which then differs from that unit's own figure (B006).",
        example: "year 2024\nmoney 万元\nprecision 2\nunit \"甲单位\" { budget 10.00 }\nunit \"乙单位\" { budget 20.00 }\nsummary \"资金表\" {\n  #1 甲单位 30.00\n  total 30.00\n}\n",
        fix: "Add the missing row, or correct the row that stands for two units.",
    },
    CodeInfo {
        code: Code::R021,
        name: "summary-name-differs",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a summary row names a unit or project with a slightly different spelling",
        explanation: "A row whose name is that of no unit or project, but differs by a character or two from one that has no row of its own (岳阳市文化艺术会展中心 in its table, 岳阳文化艺术会展中心 in the summary), is that one's row with a slip in the name. The finding shows both names with the differing characters in brackets, and the row's figure is then compared with the table's (B006), so that a real difference is not hidden behind a name that matches nothing (R001). Names are compared without a trailing 本级; at most one character in eight of the shorter name may differ, and a name as close to two candidates matches neither.",
        example: "year 2024\nmoney 万元\nprecision 2\nunit \"岳阳市文化艺术会展中心\" { budget 1,735.58 }\nsummary \"资金表\" {\n  #1 岳阳文化艺术会展中心 1,890.73\n}\n",
        fix: "Write the name as the table does (or give the row the unit's code), then correct whichever figure is wrong.",
    },
    CodeInfo {
        code: Code::R030,
        name: "unit-declared-twice",
        level: Level::Deny,
        adjustable: true,
        blocks_output: true,
        groups: false,
        summary: "one unit code or unit name declared twice in one document",
        explanation: "A document states each unit once. A second `unit` with the same code or name makes a second unit: its tables are printed twice and the checks that need the whole unit (its projects add up to 项目支出) see two halves. To keep a unit's projects (or other parts) in another file, that file continues the unit: `continued unit 301001 { … }` (`续 单位`), by its code, its name or both.",
        example: "year 2023\nunit 301001 \"某县自然资源局\" { budget 100 }\nunit 301001 \"某县自然资源局\" { project \"土地整治\" 60 { } }\n",
        fix: "Declare the unit once; in another file write `continued unit 301001 { … }` (or its name) for the parts kept there.",
    },
    CodeInfo {
        code: Code::R031,
        name: "continued-unit-not-found",
        level: Level::Deny,
        adjustable: true,
        blocks_output: true,
        groups: false,
        summary: "`continued unit` names no unit of the document",
        explanation: "`continued unit NAME { … }` (`续 单位`) adds parts to a unit declared in another file of the same document: its projects, indicators, amounts or fields. When no unit of the document has that code or name, the parts belong to nothing and no check that needs the whole unit can run (its projects add up to 项目支出). Checking the file with the continuation on its own, without the root file that includes the unit's declaration, gives this finding; so does a code written with another unit's name.",
        example: "year 2023\ncontinued unit \"某县自然资源局\" {\n  project \"土地整治\" 60 { }\n}\n",
        fix: "Check the root file of the document, correct the name or code, or declare the unit.",
    },
    CodeInfo {
        code: Code::R032,
        name: "parent-not-found",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "`parent` names no unit of the document",
        explanation: "A unit names the rollup unit (系统) it belongs to with `parent`; a name or code that is no unit of the document links it to nothing, so the rollup's sum does not count it. In a corpus that holds only part of a document's units, the parent may be among the units left out: this is a warning, like a summary row that names no unit (R001).",
        example: "year 2024\nunit \"中共岳阳市委办公室本级\" {\n  parent \"岳阳市市委办系\"\n  budget 10\n}\n",
        fix: "Correct the name or code of the parent, or add the parent unit.",
    },
    CodeInfo {
        code: Code::R040,
        name: "restated-target-not-found",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "`重述` names a figure the unit does not have",
        explanation: "`重述 TARGET LINE?` names the unit's `budget` (`预算`) or one of its amount tables (`amount NAME`, `金额`), and optionally the line of it with that code or name. A target that does not exist leaves the restated figure unchecked.",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  amount 资金总额 508.93 重述 三公经费\n}\n",
        fix: "Name the budget or an amount table of the unit, and a line it has.",
    },
    CodeInfo {
        code: Code::T001,
        name: "unknown-tier1",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "a 一级 that the framework in force does not have",
        explanation: "Each framework names its 一级 (for 财预2020: 产出指标, 效益指标, 满意度指标). Names are compared without a trailing 指标 and with the framework's aliases (效果 for 效益, …). The message suggests the closest name.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产处指标 { 数量指标 { 辖区社区数量 = 9 个 } }\n  }\n}\nallow T004\n",
        fix: "Use one of the framework's 一级 names, or declare the framework the table follows.",
    },
    CodeInfo {
        code: Code::T002,
        name: "unknown-tier2",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "a 二级 that its 一级 does not have in the framework in force",
        explanation: "Under each 一级 the framework allows certain 二级 (under 产出指标: 数量, 质量, 时效, and 成本 in 财预2020). A name found nowhere in the framework is reported with the closest name.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产出指标 { 数目指标 { 辖区社区数量 = 9 个 } }\n  }\n}\nallow T004\n",
        fix: "Use one of the 二级 names of that 一级.",
    },
    CodeInfo {
        code: Code::T003,
        name: "tier2-wrong-parent",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "a 二级 under the wrong 一级",
        explanation: "The framework puts every 二级 under one 一级: 服务对象满意度 under 满意度指标 in the national frameworks, under 效益指标 in the older local form. The message names the 一级 it belongs to. A table whose 一级 is then missing only because its 二级 stand elsewhere is not reported again for the missing 一级 (T004).",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产出指标 { 数量指标 { 辖区社区数量 = 9 个 } }\n    效益指标 {\n      社会效益指标 { 居民幸福指数 \"提升\" }\n      社会公众及服务对象满意度指标 { 群众满意度 ≥ 98% }\n    }\n  }\n}\nallow T004\n",
        fix: "Move the 二级 under the 一级 the framework gives it, or declare the framework the table really follows (`scheme 地方旧式`).",
    },
    CodeInfo {
        code: Code::T004,
        name: "required-tier-missing",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "a required 一级 is missing, or has no indicator",
        explanation: "Every framework requires some 一级 (产出, 效益, 满意度; and 成本 under 财预2021), each with at least one indicator. A tree without them does not state what the money buys. A 一级 whose 二级 stand, with their indicators, under another 一级 is reported there (T003), not here; a table with no indicator at all is T020.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产出指标 { 数量指标 { 辖区社区数量 = 9 个 } }\n    效益指标 { 社会效益指标 { 居民幸福指数 \"提升\" } }\n  }\n}\n",
        fix: "Add the missing 一级 with its indicators.",
    },
    CodeInfo {
        code: Code::T005,
        name: "tier-given-twice",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "the same 一级 or 二级 given twice in one tree",
        explanation: "A tier written twice splits its indicators in two places; tables merge them into one cell.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产出指标 {\n      质量指标 { 执法检查覆盖率 ≥ 90% }\n      质量指标 { 宣传覆盖率 = 100% }\n    }\n  }\n}\nallow T004\n",
        fix: "Merge the two.",
    },
    CodeInfo {
        code: Code::T006,
        name: "frameworks-mixed",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "a tier placed as another framework places it",
        explanation: "Mixing frameworks in one table is an error: 成本指标 as a 一级 belongs to 财预2021, while a document declared 财预2020 puts 成本 under 产出. The message says which framework the tier belongs to.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    成本指标 { 经济成本指标 { 控制在预算内 ≤ 95 万元 } }\n  }\n}\nallow T004\n",
        fix: "Follow one framework: move the tier, or declare the framework the table follows.",
    },
    CodeInfo {
        code: Code::T007,
        name: "tier-missing-level",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "an indicator that does not stand at the third tier",
        explanation: "An indicator must stand under a 二级 under a 一级. Tables that put text directly under 产出指标, leave the 一级 cell blank, or add a fourth level break the three-tier structure reviewers and publishers rely on.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"石峰区政府办\" {\n  indicators {\n    产出指标 { \"加强政府重要工作的调研\" }\n  }\n}\nallow T004\n",
        fix: "Put the indicator under its 二级 (and the 二级 under its 一级).",
    },
    CodeInfo {
        code: Code::T020,
        name: "no-indicators",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "a unit or project table with no indicators",
        explanation: "A target table states what the money buys in its indicator tree. A unit with a budget (other than a rollup) or a project whose table has no indicator — none written, or an empty `indicators { }` — lacks every required 一级 at once: it is reported once, as this code, whether or not an empty block was written, instead of one T004 per 一级. Checked when a framework is in force (`scheme`).",
        example: "year 2024\nmoney 万元\nprecision 2\nscheme 财预2021\nunit \"岳阳市某中心\" {\n  budget 100.00\n}\n",
        fix: "Write the table's indicators.",
    },
    CodeInfo {
        code: Code::T021,
        name: "empty-tier",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "a tier written with nothing in it",
        explanation: "A 一级 or 二级 written with no indicator (`成本指标 {}`) is a tier row with blank cells: the table names a dimension of performance and sets no target for it. A required 一级 with no indicator is T004's finding.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产出指标 {\n      数量指标 { 辖区社区数量 = 9 个 }\n      成本指标 {}\n    }\n  }\n}\nallow T004\n",
        fix: "Write the tier's indicators, or leave the tier out.",
    },
    CodeInfo {
        code: Code::V001,
        name: "comparison-without-number",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a comparison with no number after it",
        explanation: "`≥`, `≤`, `=` … compare with a figure. A comparison followed by a text (`≤ 预算控制数`) or by nothing cannot be measured.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"司法局\" {\n  indicators {\n    产出指标 { 成本指标 { 成本控制 ≤ \"预算控制数\" } }\n  }\n}\nallow T004\n",
        fix: "State the figure, or write the target as 定性 with its text.",
    },
    CodeInfo {
        code: Code::V002,
        name: "qualitative-number",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a numeric value marked 定性",
        explanation: "定性 (qualitative) targets are texts (提升, 无负面影响). A number marked 定性 (`90% 定性 大于等于`, seed 004) is suspect: either the kind or the value is wrong.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"水文中心\" {\n  indicators {\n    产出指标 { 质量指标 { 费用支出控制在批复的预算内比例 100% 定性 等于 } }\n  }\n}\nallow T004\n",
        fix: "Mark it 定量, or state the qualitative result.",
    },
    CodeInfo {
        code: Code::V003,
        name: "percent-above-100",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a percentage above 100, or `≥ 100%`",
        explanation: "A rate cannot exceed 100%, and `≥ 100%` can only be met by exactly 100%: it means `= 100%`.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"湘阴县政府办\" {\n  indicators {\n    产出指标 { 质量指标 { 发布、办理及时率 ≥ 100% } }\n  }\n}\nallow T004\n",
        fix: "Write `= 100%`, or correct the figure.",
    },
    CodeInfo {
        code: Code::V004,
        name: "wrong-direction",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a rate capped with ≤, or a cost set as a floor with ≥",
        explanation: "Rates (合格率, 覆盖率, 满意度, 及时率, 完成率 …) should reach a figure (≥ or =); costs, accidents, complaints and error rates (成本, 事故, 投诉, 差错率 …) should stay below one (≤). A money figure under a 成本 tier is a cost.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"市场监管局\" {\n  indicators {\n    产出指标 { 成本指标 { 三公经费 ≥ 4 万元 } }\n  }\n}\nallow T004\n",
        fix: "Turn the comparison round.",
    },
    CodeInfo {
        code: Code::V005,
        name: "missing-unit",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a quantitative value with no unit of measure",
        explanation: "`≥98` says nothing about what is counted: 98 what? Write `98%`, `98 人`, …",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"湘阴县政府办\" {\n  indicators {\n    产出指标 { 质量指标 { 扎实做好驻京工作 ≥ 98 } }\n  }\n}\nallow T004\n",
        fix: "Add the unit.",
    },
    CodeInfo {
        code: Code::V006,
        name: "vague-value",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "a 数量, 质量, 时效 or 成本 target that is not quantified",
        explanation: "A vague value is found by what it lacks, not only by its words. A 数量 indicator counts and an economic cost (经济成本, or 成本 under 产出 in 财预2020) is money: stated in words with no figure (`及时处理`, `保障工作`, `控制在预算金额内`, a value that repeats its name), they set no measurable target. A 质量, 时效, 社会成本 or 生态环境成本 target may be stated in words (`考核达标`, `年底前`, `无`), but not with a promise that measures nothing: 提高, 加强, 有效, 进一步, 提升, 不断, 较好, 明显, 及时, 按时, 持续, 保障, 促进, 支持, 配合, 正常 with no figure (a 时效 that names a time, `年底前及时完成`, says when). A digit, 零, a Chinese numeral with its measure word (`每年一次`) or a frequency (`每月`) is a figure. A comparison with a text is V001's finding.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"湘阴县政府办\" {\n  indicators {\n    产出指标 { 数量指标 { 保障驻京工作顺利开展 \"有效保障\" } }\n  }\n}\nallow T004\n",
        fix: "State a figure and its unit; for 质量 and 时效, a rate, a standard or a date.",
    },
    CodeInfo {
        code: Code::V007,
        name: "outside-budget-year",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a 时效 date or a project period outside the budget year",
        explanation: "Targets are for the budget year: a deadline in another year (2023年12月31日 in a 2024 table) or a project that does not run in the year is suspect.",
        example: "year 2024\nmoney 万元\nscheme 财预2021\nunit \"公安局\" {\n  indicators {\n    产出指标 { 时效指标 { 完成时间 ≤ 2023-12-31 } }\n  }\n}\nallow T004\n",
        fix: "Correct the date.",
    },
    CodeInfo {
        code: Code::V008,
        name: "indicator-given-twice",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "the same indicator twice under one 二级",
        explanation: "Two indicators with the same name under one tier are a copy-paste slip or two targets that should be told apart.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"机关事务局\" {\n  indicators {\n    产出指标 { 数量指标 {\n      保障会议次数 ≥ 100 次\n      保障会议次数 ≥ 120 次\n    } }\n  }\n}\nallow T004\n",
        fix: "Remove one, or name them apart.",
    },
    CodeInfo {
        code: Code::V020,
        name: "blank-value",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "an indicator with no value",
        explanation: "An indicator states its target (指标值): a figure, or a text for a qualitative one. A row whose value cell is blank states no target, however much its name or its explanation says (some tables put the figures in the 指标解释 column only). A row named 无 or 不适用 may leave its value blank; a comparison with no value is V001's finding. All the blank values of a document are one finding, each labelled.",
        example: "year 2024\nmoney 万元\nprecision 2\nscheme 财预2021\nunit \"岳阳市人民代表大会常务委员会本级\" {\n  indicators {\n    产出指标 { 质量指标 { 服务中心大局 定性 \"\" { explain \"助推城市建设，督办重点工作\" } } }\n  }\n}\nallow T004\n",
        fix: "State the target in the value: `≥ 95%`, `10 次`, `定性 \"…\"`.",
    },
    CodeInfo {
        code: Code::V021,
        name: "goal-missing",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: true,
        summary: "a target table with no goal, or a blank one",
        explanation: "A unit's table states its overall goal (整体绩效目标, or the goals of its 年度重点工作计划 rows), a project's table its annual goal (年度绩效目标); a goal written blank (`goal term \"\"`) states nothing. Checked for tables that have indicators. All the missing and blank goals of a document are one finding, each labelled.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"湘阴县人民政府办公室\" {\n  project \"各战线调研协调工作经费\" 120 {\n    goal term \"\"\n    goal annual \"\"\n    indicators {\n      产出指标 { 数量指标 { 调研次数 ≥ 10 次 } }\n    }\n  }\n}\n",
        fix: "State the goal the table publishes.",
    },
    CodeInfo {
        code: Code::V030,
        name: "qualifier-contradicts",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a target whose sign and words disagree (`≥ 95%以下`)",
        explanation: "A target may say how it compares twice, with a sign and with words (`≥95%以上`, `不低于 95% 等于`); that is kept as written and read once. When the two point different ways (`≥` and 以下, `约` and 以上, `=` and 以内) the target has no one meaning: it is read by its sign, and reported.",
        example: "year 2023\nmoney 万元\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产出指标 { 质量指标 { 执法检查覆盖率 ≥ 90%以下 } }\n  }\n}\nallow T004\n",
        fix: "Keep the sign or the word that the table means.",
    },
    CodeInfo {
        code: Code::V031,
        name: "unit-written-twice",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        groups: false,
        summary: "a unit of measure or percent sign written twice (`98%%`, `9个个`)",
        explanation: "A figure has one unit. A doubled sign or unit (`98%%`, `9个个`), or two units for one figure (`95% 次`, seed 004: a percentage with 计量单位 次), is a slip that would otherwise be read silently as one of them. The figure is read with the unit written first, and the slip reported.",
        example: "year 2023\nmoney 万元\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产出指标 { 数量指标 { 辖区社区数量 = 9个个 } }\n  }\n}\nallow T004\n",
        fix: "Write the unit once: `9 个`, `98%`.",
    },
    CodeInfo {
        code: Code::I001,
        name: "cell-not-imported",
        level: Level::Warn,
        adjustable: false,
        blocks_output: false,
        groups: false,
        summary: "`jixiao import`: a cell of the workbook is not part of any table it recognises, and was not imported",
        explanation: "`jixiao import` reads the official tables of a workbook (unit and project performance-target tables, summary tables, the budget tables) by the words of their titles, labels and column headers. A cell it cannot place in one of them (a note under a table, a column the language has no place for, a figure that is not a number) is named with its sheet and address (`表1!C7`) and the reason, and left out of the `.jx` file: nothing is left out without being named.",
        example: "",
        fix: "Copy what the cell says into the `.jx` file by hand (a comment, or a property `名称: \"…\"`), or correct the cell in the workbook and import it again.",
    },
    CodeInfo {
        code: Code::I002,
        name: "unknown-layout",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "`jixiao import`: a sheet of the workbook is in a layout that is not recognised",
        explanation: "A sheet in which no official table is recognised (no title such as `…绩效目标表` or `…汇总表`, no header row such as `一级指标 二级指标 三级指标 指标值`, no label such as `项目名称` or `部门（单位）名称`) cannot be imported: the error names the sheet and the cell where recognition failed, and no `.jx` file is written.",
        example: "",
        fix: "Give the table the title and column headers of the official form, or remove the sheet from the copy that is imported.",
    },
    CodeInfo {
        code: Code::I003,
        name: "workbook-not-read",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
        groups: false,
        summary: "`jixiao import`: the file is not a workbook or CSV file that can be read",
        explanation: "`jixiao import` reads `.xlsx`, `.xls` (Excel and WPS) and `.csv` files. A file of another kind, or a damaged one, is not imported; no `.jx` file is written.",
        example: "",
        fix: "Save the table as `.xlsx` (or `.csv`) and import that file.",
    },
    CodeInfo {
        code: Code::I004,
        name: "value-kept-as-text",
        level: Level::Warn,
        adjustable: false,
        blocks_output: false,
        groups: false,
        summary: "`jixiao import`: a value could not be read as the table writes it, and was kept as a text",
        explanation: "An indicator's 指标值 (with its 指标值类型 and 计量单位) or a property's value is imported as a figure, a time or a text so that the `.jx` file prints exactly what the cell says. A value that no reading gives back as written is kept whole as a quoted text, so that nothing is misread; the checks of figures do not apply to it.",
        example: "",
        fix: "Write the value in the `.jx` file as a figure and unit (`≥ 95 %`), a time or a text, as the table means it.",
    },
    CodeInfo {
        code: Code::I005,
        name: "scheme-inferred",
        level: Level::Warn,
        adjustable: false,
        blocks_output: false,
        groups: false,
        summary: "`jixiao import`: the indicator framework written as `scheme` was inferred from the tables' tiers",
        explanation: "A workbook does not say which indicator framework (指标体系) its tables follow, but their tiers show it: 成本指标 as a 一级 is the 2021 form (财预2021), 满意度指标 as a 一级 the 2020 form (财预2020), 服务对象满意度 under 效益指标 the older local form (地方旧式). The imported `.jx` file states the framework so inferred as `scheme`, and the tier checks of `jixiao check` follow it. This note says which one was written and which cell showed it. It is a note, not a problem.",
        example: "",
        fix: "If the tables follow another framework, import again with `--scheme 财预2021` (or `财预2020`, `地方旧式`), or change the `scheme` line of the `.jx` file.",
    },

];

impl CodeInfo {
    /// The one-line summary in `lang`: the registry's own in English, the
    /// catalogue's (`code-CODE-summary`) in Chinese.
    pub fn summary_in(&self, lang: Lang) -> String {
        self.text_in(lang, "summary", self.summary)
    }

    /// What it means and why it matters, in `lang`.
    pub fn explanation_in(&self, lang: Lang) -> String {
        self.text_in(lang, "explanation", self.explanation)
    }

    /// How to fix it, in `lang`.
    pub fn fix_in(&self, lang: Lang) -> String {
        self.text_in(lang, "fix", self.fix)
    }

    fn text_in(&self, lang: Lang, part: &str, english: &'static str) -> String {
        match lang {
            Lang::En => english.to_string(),
            _ => {
                let id = format!("code-{}-{part}", self.code);
                let text = i18n::plain(&id, lang);
                // A code the catalogue lacks (tests/i18n.rs fails on it)
                // still explains itself, in English.
                if text == id {
                    english.to_string()
                } else {
                    text
                }
            }
        }
    }
}

/// A level as `jixiao explain` names it: `deny`, `warn`, `allow` in
/// English; 错误, 警告, 允许 in Chinese.
pub fn level_word(level: Level, lang: Lang) -> String {
    match level {
        Level::Allow => msg!("level-allow"),
        Level::Warn => msg!("level-warn"),
        Level::Deny => msg!("level-deny"),
    }
    .render(lang)
}

/// The text `jixiao explain CODE` prints, also the entry of
/// `docs/diagnostics.md`.
pub fn explain_text(info: &CodeInfo) -> String {
    explain_text_in(info, Lang::En)
}

/// The text `jixiao explain CODE` prints in `lang`.
pub fn explain_text_in(info: &CodeInfo, lang: Lang) -> String {
    let mut s = msg!(
        "explain-heading",
        code = info.code.as_str(),
        name = info.name,
        summary = info.summary_in(lang)
    )
    .render(lang);
    s.push_str("\n\n");
    s.push_str(
        &msg!(
            "explain-default-level",
            level = level_word(info.level, lang)
        )
        .render(lang),
    );
    if !info.adjustable {
        s.push_str(&msg!("explain-cannot-be-lowered").render(lang));
    }
    s.push_str("\n\n");
    s.push_str(&info.explanation_in(lang));
    s.push('\n');
    if info.groups {
        s.push('\n');
        s.push_str(&msg!("explain-grouping").render(lang));
        s.push('\n');
    }
    if !info.example.is_empty() {
        s.push('\n');
        s.push_str(&msg!("explain-example").render(lang));
        s.push_str("\n\n");
        for line in info.example.lines() {
            s.push_str("    ");
            s.push_str(line);
            s.push('\n');
        }
    }
    s.push('\n');
    s.push_str(&msg!("explain-fix", text = info.fix_in(lang)).render(lang));
    s.push('\n');
    s
}

/// `docs/diagnostics.md`, generated from the registry (a test keeps the
/// committed file equal to this).
pub fn markdown() -> String {
    markdown_in(Lang::En)
}

/// The reference of every code in `lang`: `docs/diagnostics.md` in
/// English, `docs/diagnostics.zh-CN.md` in Chinese.
pub fn markdown_in(lang: Lang) -> String {
    let mut s = msg!("diagnostics-md-intro").render(lang);
    s.push('\n');
    for c in CODES {
        s.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} |\n",
            c.code,
            c.code.as_str().to_lowercase(),
            c.name,
            level_word(c.level, lang),
            c.summary_in(lang).replace('|', "\\|")
        ));
    }
    for c in CODES {
        s.push_str(&format!("\n## {}\n\n", c.code));
        let lowering = if c.adjustable {
            String::new()
        } else {
            msg!("explain-cannot-be-lowered").render(lang)
        };
        s.push_str(
            &msg!(
                "diagnostics-md-entry",
                name = c.name,
                summary = c.summary_in(lang),
                level = level_word(c.level, lang),
                lowering = lowering
            )
            .render(lang),
        );
        s.push_str("\n\n");
        s.push_str(&c.explanation_in(lang));
        s.push('\n');
        if c.groups {
            s.push('\n');
            s.push_str(&msg!("explain-grouping").render(lang));
            s.push('\n');
        }
        if !c.example.is_empty() {
            s.push('\n');
            s.push_str(&msg!("explain-example").render(lang));
            s.push_str("\n\n```jx\n");
            s.push_str(c.example);
            if !c.example.ends_with('\n') {
                s.push('\n');
            }
            s.push_str("```\n");
        }
        s.push('\n');
        s.push_str(&msg!("explain-fix", text = c.fix_in(lang)).render(lang));
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_and_registry_are_aligned() {
        assert_eq!(Code::ALL.len(), CODES.len());
        for (i, c) in Code::ALL.iter().enumerate() {
            assert_eq!(CODES[i].code, *c, "registry entry {i} is out of order");
            assert_eq!(c.info().code, *c);
        }
    }
}

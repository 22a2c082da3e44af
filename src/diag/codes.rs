//! The registry of diagnostic codes: the one place where every code is
//! named, given its default level and documented. `jixiao explain` prints
//! these entries and `docs/diagnostics.md` is generated from them (a test
//! fails when the two drift apart). Each entry's `example` is a complete
//! document that triggers the code; a test checks that it does.
//!
//! Families: `S` syntax and files, `B` budget arithmetic, `T` tiers,
//! `V` indicator values, `R` references between units and summaries.

use crate::ast::Level;

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

code_enum!(
    S001, S002, S003, S004, S005, S006, S007, S008, S009, S010, S011, S012, S013, B001, B002, B003,
    B004, B005, B006, B007, B008, B009, B010, B011, B012, B013, R001, T001, T002, T003, T004, T005,
    T006, T007, V001, V002, V003, V004, V005, V006, V007, V008
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
        summary: "a line that is not valid jixiao syntax",
        explanation: "The parser could not read this line in the block it stands in. The message says what was expected at the exact point where reading stopped. The rest of the file is still read, so every independent mistake is reported in one run.",
        example: "year 2023\nunit \"云田镇\" {\n  budget abc\n}\n",
        fix: "Write the statement as the language reference shows (docs/language.md); quote names that contain spaces or start with a digit.",
    },
    CodeInfo {
        code: Code::S002,
        name: "unbalanced-braces",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
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
        summary: "a header value out of range (a year, a precision, an unknown scheme)",
        explanation: "The budget year must be a plausible year, the precision at most 10 decimals, and the scheme a built-in framework or one defined by a `scheme` block.",
        example: "year 2023\nprecision 40\n",
        fix: "Correct the value.",
    },
    CodeInfo {
        code: Code::S010,
        name: "nesting-too-deep",
        level: Level::Deny,
        adjustable: false,
        blocks_output: true,
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
        summary: "a formula with more than 256 numbers and units",
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
        summary: "an invisible character (a zero-width space, a line separator, a control character) in the text",
        explanation: "Characters such as U+200B ZERO WIDTH SPACE, U+FEFF (a byte-order mark in the middle of a file), U+2028 LINE SEPARATOR, U+0085 NEXT LINE, the bidirectional controls U+202A–U+202E and U+2066–U+2069, control characters and noncharacters show as nothing (or as a line break) in most editors, but they are part of the text: `群众满意度` followed by a zero-width space is not the indicator `群众满意度`, and a line separator does not end a line (lines end with LF, CRLF or CR). They usually come from copying out of a PDF or a web page. The message names each one by its code point. Comments are not searched.",
        example: "year 2023\nunit \"云田镇\u{200B}\" {\n}\n",
        fix: "Delete the character (the label shows where it is), or replace a line separator with a line break.",
    },
    CodeInfo {
        code: Code::B001,
        name: "breakdown-does-not-add-up",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        summary: "the parts of a breakdown do not add up to the figure they break down",
        explanation: "Every breakdown (by income, by expense, by economic or functional classification, a project's spending detail, the lines of an amount tree such as 三公经费) must add up to what it breaks down. Published figures are rounded, so each figure stands for an interval exact to its precision (the document's `precision`, or finer where more decimals are written); the sum is inconsistent only when the interval of the stated figure and the sum of the parts' intervals do not meet. The message shows the stated figure, the computed sum, the difference and what rounding allows.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"湘阴县人民政府办公室\" {\n  amount 三公经费 13 {\n    公务用车运行和购置费 0\n    因公出国（境）费 0\n    公务接待费 13.18\n  }\n}\n",
        fix: "Correct the figure that is wrong; if a part is missing, add it.",
    },
    CodeInfo {
        code: Code::B002,
        name: "formula-does-not-match",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        summary: "a basis of calculation (测算依据) does not come to the line's amount",
        explanation: "A spending-detail line may carry the formula that justifies it (`20 次 × 0.5 万元/次`). The formula is evaluated exactly and compared with the stated amount under the rounding rule of B001.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  project \"业务性专用经费\" 8 {\n    by detail {\n      武装工作宣传费 3.6 = 6 次 × （万元/次）\n      民兵训练点验费 4.4 = 10 次 × 0.44 万元/次\n    }\n  }\n}\n",
        fix: "Correct the formula or the amount.",
    },
    CodeInfo {
        code: Code::B003,
        name: "formula-units",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
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
        summary: "a summary row does not match the unit's own figure",
        explanation: "A `summary` block holds figures published in another table (a 汇总表). Each row is reconciled with the budget of the unit it names (by code, or by name; a trailing 本级 is ignored) or the amount of the project it names.",
        example: "year 2024\nmoney 万元\nprecision 2\nunit \"中共岳阳市委党校本级\" { budget 2048.19 }\nsummary \"资金表\" {\n  #2 中共岳阳市委党校 2084.19\n}\n",
        fix: "Find which of the two tables is wrong and correct it.",
    },
    CodeInfo {
        code: Code::B007,
        name: "summary-total-mismatch",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
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
        summary: "a breakdown lists parts but none of them states a figure",
        explanation: "A table with a 合计 and rows whose amounts are all blank (seed 003's spending details) does not say where the money goes. It is reported once, as a warning, instead of as a sum that does not add up.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"湘阴县人民政府办公室\" {\n  project \"驻京联络维稳工作组\" 50 {\n    by detail {\n      房租费用\n      租车费用\n    }\n  }\n}\n",
        fix: "Fill in the amounts of the parts.",
    },
    CodeInfo {
        code: Code::B009,
        name: "code-does-not-nest",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
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
        summary: "a cost indicator's ceiling is above the budget it governs",
        explanation: "A cost indicator (`控制在预算内 ≤ 4055.01 万元`) under a 成本 tier sets a ceiling on spending; a ceiling above the unit's or project's own budget cannot be exceeded and so measures nothing.",
        example: "year 2024\nmoney 万元\nprecision 2\nunit \"中共岳阳市委办公室本级\" {\n  budget 3394.31\n  indicators {\n    成本指标 { 经济成本指标 { 控制在预算内 ≤ 4055.01 万元 } }\n  }\n}\n",
        fix: "State the ceiling the budget sets.",
    },
    CodeInfo {
        code: Code::B013,
        name: "arithmetic-overflow",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        summary: "a sum or formula too large to compute exactly",
        explanation: "Sums and formulas are computed exactly; a result beyond 28 significant digits cannot be, and is reported instead of rounded.",
        example: "year 2023\nmoney 万元\nunit \"云田镇\" {\n  project \"大额\" 1 {\n    by detail { 费用 1 = 9999999999999999999999999999 × 9999999999999999999999999999 }\n  }\n}\n",
        fix: "Correct the figures.",
    },
    CodeInfo {
        code: Code::R001,
        name: "summary-row-not-found",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
        summary: "a summary row names no unit or project of the document",
        explanation: "A summary row is reconciled with the unit or project it names. When a corpus holds only part of a summary's units (seed 004 holds the tables of 23 of 59 departments), the other rows cannot be reconciled; this is a warning by default and can be allowed for such a corpus.",
        example: "year 2024\nmoney 万元\nsummary \"资金表\" {\n  #1 不存在的单位 10.00\n}\n",
        fix: "Add the unit, correct the name, or `allow R001` for a partial corpus.",
    },
    CodeInfo {
        code: Code::T001,
        name: "unknown-tier1",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
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
        summary: "a 二级 under the wrong 一级",
        explanation: "The framework puts every 二级 under one 一级: 服务对象满意度 under 满意度指标 in the national frameworks, under 效益指标 in the older local form. The message names the 一级 it belongs to.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产出指标 { 数量指标 { 辖区社区数量 = 9 个 } }\n    效益指标 {\n      社会效益指标 { 居民幸福指数 \"提升\" }\n      社会公众及服务对象满意度指标 { 群众满意度 ≥ 98% }\n    }\n  }\n}\nallow T004\n",
        fix: "Move the 二级 under the 一级 the framework gives it, or declare the framework the table really follows (`scheme 地方旧式`).",
    },
    CodeInfo {
        code: Code::T004,
        name: "required-tier-missing",
        level: Level::Deny,
        adjustable: true,
        blocks_output: false,
        summary: "a required 一级 is missing, or has no indicator",
        explanation: "Every framework requires some 一级 (产出, 效益, 满意度; and 成本 under 财预2021), each with at least one indicator. A tree without them does not state what the money buys.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"云田镇\" {\n  indicators {\n    产出指标 { 数量指标 { 辖区社区数量 = 9 个 } }\n    效益指标 { 社会效益指标 { 居民幸福指数 \"提升\" } }\n  }\n}\n",
        fix: "Add the missing 一级 with its indicators.",
    },
    CodeInfo {
        code: Code::T005,
        name: "tier-given-twice",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
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
        summary: "an indicator that does not stand at the third tier",
        explanation: "An indicator must stand under a 二级 under a 一级. Tables that put text directly under 产出指标, leave the 一级 cell blank, or add a fourth level break the three-tier structure reviewers and publishers rely on.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"石峰区政府办\" {\n  indicators {\n    产出指标 { \"加强政府重要工作的调研\" }\n  }\n}\nallow T004\n",
        fix: "Put the indicator under its 二级 (and the 二级 under its 一级).",
    },
    CodeInfo {
        code: Code::V001,
        name: "comparison-without-number",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
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
        summary: "a vague value on a 数量 or 成本 indicator",
        explanation: "Quantity and cost indicators must be quantified; values such as 提高, 加强, 有效, 进一步 set no measurable target.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"湘阴县政府办\" {\n  indicators {\n    产出指标 { 数量指标 { 保障驻京工作顺利开展 \"有效保障\" } }\n  }\n}\nallow T004\n",
        fix: "State a figure and its unit.",
    },
    CodeInfo {
        code: Code::V007,
        name: "outside-budget-year",
        level: Level::Warn,
        adjustable: true,
        blocks_output: false,
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
        summary: "the same indicator twice under one 二级",
        explanation: "Two indicators with the same name under one tier are a copy-paste slip or two targets that should be told apart.",
        example: "year 2023\nmoney 万元\nprecision 2\nscheme 财预2020\nunit \"机关事务局\" {\n  indicators {\n    产出指标 { 数量指标 {\n      保障会议次数 ≥ 100 次\n      保障会议次数 ≥ 120 次\n    } }\n  }\n}\nallow T004\n",
        fix: "Remove one, or name them apart.",
    },
];

/// Said after a code's default level when it cannot be changed.
fn lowering_note(info: &CodeInfo) -> &'static str {
    if info.adjustable {
        ""
    } else {
        " (cannot be lowered)"
    }
}

/// The text `jixiao explain CODE` prints, also the entry of
/// `docs/diagnostics.md`.
pub fn explain_text(info: &CodeInfo) -> String {
    let mut s = format!(
        "{} ({}): {}\n\nDefault level: {}{}\n\n{}\n",
        info.code,
        info.name,
        info.summary,
        info.level.as_str(),
        lowering_note(info),
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

/// `docs/diagnostics.md`, generated from the registry (a test keeps the
/// committed file equal to this).
pub fn markdown() -> String {
    let mut s = String::from(
        "# Diagnostic codes\n\n\
         <!-- Generated from src/diag/codes.rs by `JIXIAO_BLESS=1 cargo test --test docs`; do not edit by hand. -->\n\n\
         Every finding of jixiao has a code. `jixiao explain CODE` prints the entry below;\n\
         `jixiao explain --list` lists them all.\n\n\
         Levels: `error` fails the check (exit status 1), `warning` is reported, `allow` is silent.\n\
         A document changes a level with `allow CODE`, `warn CODE` or `deny CODE` (also\n\
         `允许`, `警告`, `禁止`); a run with `-A CODE`, `-W CODE`, `-D CODE`, applied after the\n\
         document's. `warnings` stands for every warning: `-D warnings` makes them errors.\n\
         Syntax codes (S) cannot be lowered.\n\n\
         Families: S — syntax and files; B — budget arithmetic; T — tiers of the indicator\n\
         framework; V — indicator values; R — references between summaries and units.\n\n\
         | code | name | level | summary |\n|---|---|---|---|\n",
    );
    for c in CODES {
        s.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} |\n",
            c.code,
            c.code.as_str().to_lowercase(),
            c.name,
            c.level.as_str(),
            c.summary.replace('|', "\\|")
        ));
    }
    for c in CODES {
        s.push_str(&format!("\n## {}\n\n", c.code));
        s.push_str(&format!(
            "**{}** — {}. Default level: `{}`{}.\n\n",
            c.name,
            c.summary,
            c.level.as_str(),
            lowering_note(c)
        ));
        s.push_str(c.explanation);
        s.push('\n');
        if !c.example.is_empty() {
            s.push_str("\nExample:\n\n```jx\n");
            s.push_str(c.example);
            if !c.example.ends_with('\n') {
                s.push('\n');
            }
            s.push_str("```\n");
        }
        s.push_str(&format!("\nFix: {}\n", c.fix));
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

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
    CodeInfo {
        code: "B001",
        name: "breakdown-does-not-add-up",
        level: Level::Deny,
        adjustable: true,
        summary: "the parts of a breakdown do not add up to the figure they break down",
        explanation: "Every breakdown (by income, by expense, by economic or functional classification, a project's spending detail, the lines of an amount tree such as 三公经费) must add up to what it breaks down. Published figures are rounded, so each figure stands for an interval exact to its precision (the document's `precision`, or finer where more decimals are written); the sum is inconsistent only when the interval of the stated figure and the sum of the parts' intervals do not meet. The message shows the stated figure, the computed sum, the difference and what rounding allows.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"湘阴县人民政府办公室\" {\n  amount 三公经费 13 {\n    公务用车运行和购置费 0\n    因公出国（境）费 0\n    公务接待费 13.18\n  }\n}\n",
        fix: "Correct the figure that is wrong; if a part is missing, add it.",
    },
    CodeInfo {
        code: "B002",
        name: "formula-does-not-match",
        level: Level::Deny,
        adjustable: true,
        summary: "a basis of calculation (测算依据) does not come to the line's amount",
        explanation: "A spending-detail line may carry the formula that justifies it (`20 次 × 0.5 万元/次`). The formula is evaluated exactly and compared with the stated amount under the rounding rule of B001.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  project \"业务性专用经费\" 8 {\n    by detail {\n      武装工作宣传费 3.6 = 6 次 × （万元/次）\n      民兵训练点验费 4.4 = 10 次 × 0.44 万元/次\n    }\n  }\n}\n",
        fix: "Correct the formula or the amount.",
    },
    CodeInfo {
        code: "B003",
        name: "formula-units",
        level: Level::Deny,
        adjustable: true,
        summary: "a basis of calculation whose units do not come out as money",
        explanation: "Units are algebra: `20 次 × 0.5 万元/次` is 10 万元 because 次 cancels. A formula that leaves another unit over (`9 × 10 万元/社区` is 90 万元 per 社区) or adds different units does not justify an amount of money. A formula of bare numbers is read in the document's money unit.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  project \"社区经费\" 90 {\n    by detail { 办公经费 90 = 9 × 10 万元/社区 }\n  }\n}\n",
        fix: "Write the unit of every factor (`9 社区 × 10 万元/社区`).",
    },
    CodeInfo {
        code: "B004",
        name: "projects-do-not-add-up",
        level: Level::Deny,
        adjustable: true,
        summary: "a unit's projects do not add up to its 项目支出",
        explanation: "The 项目支出 line of a unit's expense breakdown is the sum of its projects (项目支出绩效目标表). A difference means a project is missing, counted twice, or has another amount in its own table.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"云田镇\" {\n  budget 100 {\n    by expense { 基本支出 40  项目支出 60 }\n  }\n  project \"保洁\" 30 { }\n  project \"宣传\" 20 { }\n}\n",
        fix: "Add the missing project or correct the amounts.",
    },
    CodeInfo {
        code: "B005",
        name: "rollup-does-not-add-up",
        level: Level::Deny,
        adjustable: true,
        summary: "a rollup unit's budget is not the sum of its member units",
        explanation: "A rollup unit (系统) publishes the total of the units it groups: those written inside it and those naming it as `parent`.",
        example: "year 2024\nmoney 万元\nprecision 2\nrollup unit \"岳阳市市委办系统\" {\n  budget 700.00\n  unit \"中共岳阳市委办公室本级\" { budget 400.00 }\n  unit \"中共岳阳市委政策研究室本级\" { budget 254.78 }\n}\n",
        fix: "Correct the rollup's total or the member that is wrong; add a missing member.",
    },
    CodeInfo {
        code: "B006",
        name: "summary-row-mismatch",
        level: Level::Deny,
        adjustable: true,
        summary: "a summary row does not match the unit's own figure",
        explanation: "A `summary` block holds figures published in another table (a 汇总表). Each row is reconciled with the budget of the unit it names (by code, or by name; a trailing 本级 is ignored) or the amount of the project it names.",
        example: "year 2024\nmoney 万元\nprecision 2\nunit \"中共岳阳市委党校本级\" { budget 2048.19 }\nsummary \"资金表\" {\n  #2 中共岳阳市委党校 2084.19\n}\n",
        fix: "Find which of the two tables is wrong and correct it.",
    },
    CodeInfo {
        code: "B007",
        name: "summary-total-mismatch",
        level: Level::Deny,
        adjustable: true,
        summary: "a summary's total is not the sum of its rows",
        explanation: "The total of a summary is the sum of its rows, except rows that aggregate the rows numbered below them (a rollup `1` over `1-1`, `1-2` …), which would count them twice.",
        example: "year 2024\nmoney 万元\nprecision 2\nsummary \"资金表\" {\n  #1 甲单位 10.00\n  #2 乙单位 20.00\n  total 31.00\n}\nallow R001\n",
        fix: "Correct the total or the row that is wrong.",
    },
    CodeInfo {
        code: "B008",
        name: "parts-without-figures",
        level: Level::Warn,
        adjustable: true,
        summary: "a breakdown lists parts but none of them states a figure",
        explanation: "A table with a 合计 and rows whose amounts are all blank (seed 003's spending details) does not say where the money goes. It is reported once, as a warning, instead of as a sum that does not add up.",
        example: "year 2023\nmoney 万元\nprecision 2\nunit \"湘阴县人民政府办公室\" {\n  project \"驻京联络维稳工作组\" 50 {\n    by detail {\n      房租费用\n      租车费用\n    }\n  }\n}\n",
        fix: "Fill in the amounts of the parts.",
    },
    CodeInfo {
        code: "B009",
        name: "code-does-not-nest",
        level: Level::Deny,
        adjustable: true,
        summary: "a classification code under a code it does not belong to",
        explanation: "Economic codes (301 → 30101) and functional codes (类 201 → 款 20103 → 项 2010301) nest by prefix: a line's code must begin with the code of the line it is written under.",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  budget 10 {\n    by economic {\n      301 工资福利支出 10 { 30201 办公费 10 }\n    }\n  }\n}\n",
        fix: "Move the line under its own group, or correct the code.",
    },
    CodeInfo {
        code: "B010",
        name: "unknown-economic-code",
        level: Level::Warn,
        adjustable: true,
        summary: "a code that is not in the economic classification",
        explanation: "Lines of a `by economic` breakdown are checked against the built-in catalog of 部门预算支出经济分类 (groups 301, 302, 303, 307, 309, 310, 311, 312, 313, 399 and their items).",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  budget 10 {\n    by economic { 305 工资福利支出 10 }\n  }\n}\n",
        fix: "Correct the code.",
    },
    CodeInfo {
        code: "B011",
        name: "economic-name-mismatch",
        level: Level::Warn,
        adjustable: true,
        summary: "a known economic code written with another name",
        explanation: "The code decides where spending is classified; a name that is not the catalog's usually means a wrong code or an outdated name. The catalog's name is suggested.",
        example: "year 2020\nmoney 万元\nprecision 2\nunit \"政府办\" {\n  budget 69.04 {\n    by economic { 302 一般商品和服务支出 69.04 }\n  }\n}\n",
        fix: "Use the catalog's name, or the code that goes with the name.",
    },
    CodeInfo {
        code: "B012",
        name: "cost-ceiling-above-budget",
        level: Level::Warn,
        adjustable: true,
        summary: "a cost indicator's ceiling is above the budget it governs",
        explanation: "A cost indicator (`控制在预算内 ≤ 4055.01 万元`) under a 成本 tier sets a ceiling on spending; a ceiling above the unit's or project's own budget cannot be exceeded and so measures nothing.",
        example: "year 2024\nmoney 万元\nprecision 2\nunit \"中共岳阳市委办公室本级\" {\n  budget 3394.31\n  indicators {\n    成本指标 { 经济成本指标 { 控制在预算内 ≤ 4055.01 万元 } }\n  }\n}\n",
        fix: "State the ceiling the budget sets.",
    },
    CodeInfo {
        code: "B013",
        name: "arithmetic-overflow",
        level: Level::Deny,
        adjustable: true,
        summary: "a sum or formula too large to compute exactly",
        explanation: "Sums and formulas are computed exactly; a result beyond 28 significant digits cannot be, and is reported instead of rounded.",
        example: "year 2023\nmoney 万元\nunit \"云田镇\" {\n  project \"大额\" 1 {\n    by detail { 费用 1 = 9999999999999999999999999999 × 9999999999999999999999999999 }\n  }\n}\n",
        fix: "Correct the figures.",
    },
    CodeInfo {
        code: "R001",
        name: "summary-row-not-found",
        level: Level::Warn,
        adjustable: true,
        summary: "a summary row names no unit or project of the document",
        explanation: "A summary row is reconciled with the unit or project it names. When a corpus holds only part of a summary's units (seed 004 holds the tables of 23 of 59 departments), the other rows cannot be reconciled; this is a warning by default and can be allowed for such a corpus.",
        example: "year 2024\nmoney 万元\nsummary \"资金表\" {\n  #1 不存在的单位 10.00\n}\n",
        fix: "Add the unit, correct the name, or `allow R001` for a partial corpus.",
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

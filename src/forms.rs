//! The catalogue of official forms: every table jixiao prints is one of
//! these definitions — a title pattern, the lines above the table, a
//! header block, the grids, a footer and the lines under the table — and
//! [`crate::emit::layout`] renders any of them for HTML and XLSX alike.
//! Adding a form is adding a definition here; no backend changes.
//!
//! A document chooses its forms with `form` statements (`表 项目支出预算绩效目标申报表
//! "…"`), in the order they are printed, and may give a form its own title
//! and columns; [`crate::model`] resolves the choice, adding the defaults
//! of the framework in force for what a document does not choose.
//!
//! Patterns (titles, the lines above and under a table) may hold
//! `{年}` (the document's year), `{单位}` (the unit's name), `{项目}` (the
//! project's name), `{名称}` (the name of what the table is for: the
//! unit, the project, the summary), `{金额单位}` (the document's money)
//! and `{属性:KEY}` (a property of the subject, or of its unit; `|`
//! separates keys tried in turn).

use crate::ast::{Dimension, GoalKind};

/// What one printed table is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A unit's overall targets: one table per unit (a rollup that states
    /// nothing of its own, as a 系统 in a summary, gets none).
    Unit,
    /// One table per project.
    Project,
    /// One table per unit that has projects, a row per project.
    Projects,
    /// One table per summary (汇总表).
    Summary,
    /// A table of a unit's budget (部门预算公开): one per unit that has
    /// the data it reads.
    Budget,
}

impl Subject {
    pub fn key(self) -> &'static str {
        match self {
            Subject::Unit => "unit",
            Subject::Project => "project",
            Subject::Projects => "projects",
            Subject::Summary => "summary",
            Subject::Budget => "budget",
        }
    }
}

/// One official form.
#[derive(Debug)]
pub struct Form {
    /// The name a `form` statement gives.
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub subject: Subject,
    /// What it is and where it comes from, in one line.
    pub about: &'static str,
    /// The title pattern.
    pub title: &'static str,
    /// The lines between the title and the table: left and right patterns.
    pub meta: &'static [(&'static str, &'static str)],
    /// Relative widths of the table's columns; empty when the grid decides.
    pub widths: &'static [u32],
    /// The header block: rows printed once, above the grids.
    pub head: &'static [Part],
    /// The grids: their column headers are repeated on every printed page.
    pub body: &'static [Block],
    /// Rows printed once, under the grids.
    pub foot: &'static [Part],
    /// Lines under the table (signatures): patterns.
    pub after: &'static [&'static str],
}

/// A part of a header block or footer: a block of rows with the labels
/// printed on its left. Consecutive parts with the same `group` share one
/// merged group cell; a part's `label` is merged over the part's rows.
#[derive(Debug)]
pub struct Part {
    pub group: Option<&'static str>,
    pub label: Option<&'static str>,
    pub block: Block,
}

/// A dimension of a breakdown, as a form names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dim {
    Default,
    Income,
    Expense,
    Economic,
    Functional,
    Source,
    Detail,
    Named(&'static str),
}

impl Dim {
    pub fn matches(self, d: &Dimension) -> bool {
        match (self, d) {
            (Dim::Default, Dimension::Default)
            | (Dim::Income, Dimension::Income)
            | (Dim::Expense, Dimension::Expense)
            | (Dim::Economic, Dimension::Economic)
            | (Dim::Functional, Dimension::Functional)
            | (Dim::Source, Dimension::Source)
            | (Dim::Detail, Dimension::Detail) => true,
            (Dim::Named(a), Dimension::Named(b)) => a == b,
            _ => false,
        }
    }
}

/// Where a cell's value comes from. The subject's own fields are read
/// first; a project's table falls back to its unit's properties.
#[derive(Debug)]
pub enum Source {
    UnitName,
    UnitCode,
    ProjectName,
    ProjectCode,
    /// The project's amount.
    ProjectAmount,
    /// The unit's budget total.
    BudgetTotal,
    /// The total of the unit's amount tree with one of these names.
    Tree(&'static [&'static str]),
    /// A property, by the first of these keys found.
    Property(&'static [&'static str]),
    /// 部门职责.
    Duties,
    /// The goals of a kind, one a line.
    Goals(GoalKind),
    /// The project's period (项目实施期).
    Period,
    /// A staffing line, by name: its number and unit (70人).
    Staff(&'static str),
    /// Fixed text.
    Text(&'static str),
    /// The first of these that has a value.
    Or(&'static [Source]),
}

/// Where the lines of a budget table come from: the unit's amount tree
/// named after the table (a table transcribed as published, restating the
/// budget), else the budget itself; then down a path.
#[derive(Debug)]
pub struct Lines {
    /// Names of the amount tree that holds the table.
    pub trees: &'static [&'static str],
    /// Whether the budget is read when no such tree exists.
    pub budget: bool,
    /// The path down the budget.
    pub path: &'static [Step],
    /// The path down the table's own tree, when it is not `path`: the tree
    /// holds the table alone (附件12 holds the 301 lines, not the whole
    /// budget down to them).
    pub in_tree: Option<&'static [Step]>,
}

/// One step down a budget: into a breakdown, or to one of its lines.
#[derive(Clone, Copy, Debug)]
pub enum Step {
    /// The first breakdown of this dimension.
    By(Dim),
    /// The line with this code.
    Code(&'static str),
    /// The line with one of these names.
    Name(&'static [&'static str]),
}

/// An indicator grid's column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Col {
    Tier1,
    Tier2,
    Tier3,
    /// 指标值类型: the kind and the comparison.
    Type,
    /// 指标值: the value; with its comparison when the grid has no 指标值类型
    /// column, and with its unit when it has no 计量单位 column.
    Value,
    /// 计量单位.
    Unit,
    Explain,
    Scoring,
    Standard,
    Weight,
    Note,
}

/// A column of an indicator grid: its header and what it shows. An
/// `optional` column is printed only when an indicator of the table has
/// something to show in it.
#[derive(Clone, Copy, Debug)]
pub struct GridCol {
    pub header: &'static str,
    pub col: Col,
    pub optional: bool,
}

const fn g(header: &'static str, col: Col) -> GridCol {
    GridCol {
        header,
        col,
        optional: false,
    }
}

const fn opt(header: &'static str, col: Col) -> GridCol {
    GridCol {
        header,
        col,
        optional: true,
    }
}

/// The printed headers of indicator columns, and what each shows: what
/// a `form` statement's columns are looked up in.
pub const GRID_HEADERS: &[(&str, Col)] = &[
    ("一级指标", Col::Tier1),
    ("二级指标", Col::Tier2),
    ("三级指标", Col::Tier3),
    ("指标值类型", Col::Type),
    ("指标性质", Col::Type),
    ("指标值", Col::Value),
    ("指标值及单位", Col::Value),
    ("目标值", Col::Value),
    ("计量单位", Col::Unit),
    ("度量单位", Col::Unit),
    ("指标解释", Col::Explain),
    ("评(扣)分标准", Col::Scoring),
    ("评（扣）分标准", Col::Scoring),
    ("评分标准", Col::Scoring),
    ("绩效标准", Col::Standard),
    ("分值", Col::Weight),
    ("权重", Col::Weight),
    ("备注", Col::Note),
];

/// A column printed left of an indicator grid and merged over all its
/// rows (the 2021 form prints the unit's fields so).
#[derive(Debug)]
pub struct Wide {
    /// The header, as a path of merged header cells.
    pub path: &'static [&'static str],
    pub what: WideValue,
}

#[derive(Debug)]
pub enum WideValue {
    Source(Source),
    /// One column per line of the budget's breakdown of this dimension,
    /// headed by the line's name under `path`.
    Lines(Dim),
}

/// A column of a summary grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SumCol {
    Serial,
    Code,
    Name,
    Amount,
    Goal(GoalKind),
    /// A text column of the rows, keyed by its header (支出方向).
    Text,
}

/// The printed headers of summary columns; any other header is a text
/// column of the rows (支出方向 …).
pub const SUMMARY_HEADERS: &[(&str, SumCol)] = &[
    ("序号", SumCol::Serial),
    ("单位编码", SumCol::Code),
    ("编码", SumCol::Code),
    ("名称", SumCol::Name),
    ("单位名称", SumCol::Name),
    ("项目名称", SumCol::Name),
    ("专项名称", SumCol::Name),
    ("专项支出名称", SumCol::Name),
    ("金额", SumCol::Amount),
    ("资金总额", SumCol::Amount),
    ("项目金额", SumCol::Amount),
    ("收入金额", SumCol::Amount),
    ("收入金额（万元）", SumCol::Amount),
    ("收入金额(万元)", SumCol::Amount),
    ("实施期绩效目标", SumCol::Goal(GoalKind::Term)),
    ("年度绩效目标", SumCol::Goal(GoalKind::Annual)),
];

/// Where a summary prints its stated total.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TotalAt {
    None,
    First,
    Last,
}

/// A column of a table with a row per project.
#[derive(Debug)]
pub struct ListCol {
    pub path: &'static [&'static str],
    pub what: ListValue,
}

#[derive(Debug)]
pub enum ListValue {
    Source(Source),
    /// The indicators under this 二级 (name and value), one a line.
    Tier(&'static str),
}

/// The label columns of a budget table's rows.
#[derive(Debug)]
pub enum CodeCols {
    None,
    /// The code in one column.
    Whole(&'static [&'static str]),
    /// A functional code split as 类 (3 digits), 款 (2) and 项 (2).
    Split(&'static [&'static [&'static str]; 3]),
}

/// A value column of a budget table.
#[derive(Debug)]
pub enum ValueCol {
    /// The line's own amount.
    Own(&'static [&'static str]),
    /// The lines of the line's breakdown of a dimension, a column each,
    /// headed under `group` by their names (a line with lines of its own
    /// heads a group: 合计, then its lines). `fallback` gives the columns
    /// of a table with no rows.
    Sub {
        dim: Dim,
        group: &'static [&'static str],
        fallback: &'static [&'static str],
    },
}

/// A table of budget lines (部门预算公开): a row per line.
#[derive(Debug)]
pub struct LineTable {
    pub lines: Lines,
    /// Only the lines at the top of the breakdown, or all of them.
    pub top_only: bool,
    /// When the path ends at a line, whether that line is the first row
    /// (else its lines are the rows).
    pub self_row: bool,
    pub code: CodeCols,
    /// The name column's header path.
    pub name: &'static [&'static str],
    pub values: &'static [ValueCol],
    /// The total row: its label and whether it comes first.
    pub total: Option<(&'static str, bool)>,
}

/// A block of rows.
#[derive(Debug)]
pub enum Block {
    /// One value across the row.
    Value(Source),
    /// Label and value pairs on one row.
    Pairs(&'static [(&'static str, Source)]),
    /// 资金总额 on a row, then the lines of two breakdowns side by side
    /// under their headings (按收入性质分 | 按支出性质分).
    BudgetSides {
        total: &'static str,
        left: (&'static str, Dim),
        right: (&'static str, Dim),
    },
    /// 资金总额 (an amount tree's, else the budget's) with the money unit,
    /// then a heading and the lines of one breakdown, a row each.
    BudgetList {
        trees: &'static [&'static str],
        total: &'static str,
        heading: &'static str,
        dim: Dim,
    },
    /// A breakdown across: an optional heading row, a row of names (the
    /// total first), a row of amounts.
    Across {
        heading: Option<&'static str>,
        lines: Lines,
        total: &'static str,
    },
    /// 年度重点工作计划: 事项 | 责任单位/科室 | 工作目标.
    Plans,
    /// 实施进度: 项目实施内容 | 开始时间 | 结束时间.
    Schedule,
    /// Funds of the project against the prior year's: 项目 | 上年度安排资金 |
    /// 本年度申请资金 (| 测算依据及说明), 合计 first.
    Funds { dim: Dim, basis: bool },
    /// The indicator grid.
    Indicators {
        /// Columns merged over all rows, left of the grid.
        left: &'static [Wide],
        /// A header over the indicator columns.
        group: Option<&'static str>,
        columns: &'static [GridCol],
        /// Whether the column headers are printed.
        header: bool,
        /// A full-width heading above the column headers.
        section: Option<&'static str>,
    },
    /// 支出明细及测算说明: 支出内容简介 | 支出明细 | 金额 | 支出测算依据及过程说明, 合计.
    Detail {
        label: Option<&'static str>,
        section: Option<&'static str>,
        total: &'static str,
    },
    /// A summary grid.
    Summary {
        columns: &'static [(&'static str, SumCol)],
        total: TotalAt,
        total_label: &'static str,
    },
    /// A row per project of the unit.
    ProjectList { columns: &'static [ListCol] },
    /// A table of budget lines.
    Lines(LineTable),
    /// Tables of budget lines side by side, their rows aligned (收 | 支).
    Parallel(&'static [LineTable]),
    /// The members of a rollup with their totals.
    Members,
}

/// A form in the catalogue, by its name or an alias.
pub fn find(name: &str) -> Option<&'static Form> {
    let n = squeeze(name);
    CATALOGUE
        .iter()
        .copied()
        .find(|f| squeeze(f.name) == n || f.aliases.iter().any(|a| squeeze(a) == n))
}

/// A name as compared: without white space.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The default forms of a framework, in the order printed: what a
/// document prints for the subjects it chooses no form for.
pub fn defaults(scheme: Option<&str>) -> &'static [&'static Form] {
    match scheme.map(squeeze).as_deref() {
        Some("地方旧式") => &DEFAULTS_OLD,
        Some("财预2020") => &DEFAULTS_2020,
        _ => &DEFAULTS_2021,
    }
}

static DEFAULTS_2021: [&Form; 3] = [&SUMMARY, &UNIT_2021, &PROJECT_2021];
static DEFAULTS_2020: [&Form; 3] = [&SUMMARY, &UNIT_2020, &PROJECT_DIRECTION];
static DEFAULTS_OLD: [&Form; 3] = [&SUMMARY, &UNIT_APPLICATION, &PROJECT_APPLICATION];

/// The grid a `form` statement's columns replace: the form's first
/// indicator grid or summary grid.
pub fn columned(form: &Form) -> Option<&Block> {
    form.body
        .iter()
        .chain(form.head.iter().map(|p| &p.block))
        .find(|b| matches!(b, Block::Indicators { .. } | Block::Summary { .. }))
}

/// What a column header means in a form's grid: an indicator column, or
/// a summary column (any header is one: a text column of the rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnChoice {
    Grid(Col),
    Summary(SumCol),
}

/// A header of a `form` statement's columns, as the form's grid reads it
/// (`None`: the form's grid has no such column). A summary's unknown
/// header is a text column of its rows, named by the header.
pub fn column(form: &Form, header: &str) -> Option<ColumnChoice> {
    let h = squeeze(header);
    match columned(form)? {
        Block::Indicators { .. } => GRID_HEADERS
            .iter()
            .find(|(name, _)| squeeze(name) == h)
            .map(|(_, col)| ColumnChoice::Grid(*col)),
        Block::Summary { .. } => Some(ColumnChoice::Summary(
            SUMMARY_HEADERS
                .iter()
                .find(|(name, _)| squeeze(name) == h)
                .map_or(SumCol::Text, |(_, c)| *c),
        )),
        _ => None,
    }
}

// ================================================================ catalogue

/// Every form, in the order `jixiao` documents them.
pub static CATALOGUE: &[&Form] = &[
    &UNIT_2021,
    &UNIT_2020,
    &UNIT_DECLARATION,
    &UNIT_APPLICATION,
    &PROJECT_2021,
    &PROJECT_DIRECTION,
    &PROJECT_APPLICATION,
    &PROJECTS_DIRECTION,
    &SUMMARY,
    &SUMMARY_SPECIAL,
    &SUMMARY_SPECIAL_2020,
    &SUMMARY_FUNDS,
    &BUDGET_ALL,
    &BUDGET_INCOME,
    &BUDGET_EXPENSE,
    &BUDGET_EXPENSE_DETAIL,
    &BUDGET_BASIC_WAGES,
    &BUDGET_BASIC_GOODS,
    &BUDGET_BASIC_FAMILY,
    &BUDGET_PROJECTS,
    &BUDGET_THREE,
    &BUDGET_FISCAL,
    &BUDGET_GENERAL,
    &BUDGET_GENERAL_WAGES,
    &BUDGET_GENERAL_GOODS,
    &BUDGET_GENERAL_FAMILY,
    &BUDGET_FUND,
    &BUDGET_SPECIAL,
    &BUDGET_GENERAL_BASIC,
];

const MONEY_RIGHT: (&str, &str) = ("", "金额单位：{金额单位}");

// ---------------------------------------------------------------- unit forms

/// The 2021 form (财预〔2021〕): one wide table per unit, the unit's fields
/// merged over the rows of its indicators.
pub static UNIT_2021: Form = Form {
    name: "部门整体支出绩效目标表",
    aliases: &["部门（单位）整体支出绩效目标表", "整体支出绩效目标表"],
    subject: Subject::Unit,
    about: "the 2021 national form: 单位编码, 单位名称, 年度预算申请 (资金总额, 按收入性质分, 按支出性质分), 整体绩效目标 merged beside the indicator grid (seed 004)",
    title: "{单位}整体支出绩效目标表",
    meta: &[],
    widths: &[],
    head: &[],
    body: &[Block::Indicators {
        left: &[
            Wide {
                path: &["单位编码"],
                what: WideValue::Source(Source::UnitCode),
            },
            Wide {
                path: &["单位名称"],
                what: WideValue::Source(Source::UnitName),
            },
            Wide {
                path: &["年度预算申请", "资金总额"],
                what: WideValue::Source(Source::BudgetTotal),
            },
            Wide {
                path: &["年度预算申请", "按收入性质分"],
                what: WideValue::Lines(Dim::Income),
            },
            Wide {
                path: &["年度预算申请", "按支出性质分"],
                what: WideValue::Lines(Dim::Expense),
            },
            Wide {
                path: &["整体绩效目标"],
                what: WideValue::Source(Source::Goals(GoalKind::Overall)),
            },
        ],
        group: Some("部门整体支出年度绩效目标"),
        columns: &[
            g("一级指标", Col::Tier1),
            g("二级指标", Col::Tier2),
            g("三级指标", Col::Tier3),
            g("指标值类型", Col::Type),
            g("指标值", Col::Value),
            g("计量单位", Col::Unit),
            g("指标解释", Col::Explain),
            g("评(扣)分标准", Col::Scoring),
            opt("绩效标准", Col::Standard),
            opt("分值", Col::Weight),
            g("备注", Col::Note),
        ],
        header: true,
        section: None,
    }],
    foot: &[],
    after: &[],
};

/// The older county and township form (seed 001): a header block, then
/// one 指标值及单位 column.
pub static UNIT_2020: Form = Form {
    name: "部门整体支出绩效目标表（2020）",
    aliases: &["部门整体支出绩效目标表(2020)"],
    subject: Subject::Unit,
    about: "部门名称, 年度预算申请 by income and expense side by side, 部门职责概述, 年度重点工作计划, then 一级/二级/三级/指标值及单位 (seed 001)",
    title: "{年}年部门整体支出绩效目标表",
    meta: &[("填报单位：（盖章）", "金额：{金额单位}")],
    widths: &[],
    head: &[
        Part {
            group: None,
            label: Some("部门名称"),
            block: Block::Value(Source::Or(&[
                Source::Property(&["部门名称"]),
                Source::UnitName,
            ])),
        },
        Part {
            group: None,
            label: Some("年度预算申请\n（{金额单位}）"),
            block: Block::BudgetSides {
                total: "资金总额",
                left: ("按收入性质分", Dim::Income),
                right: ("按支出性质分", Dim::Expense),
            },
        },
        Part {
            group: None,
            label: Some("部门职责概述"),
            block: Block::Value(Source::Or(&[
                Source::Property(&["部门职责概述"]),
                Source::Duties,
            ])),
        },
        Part {
            group: None,
            label: Some("年度重点工作计划"),
            block: Block::Plans,
        },
    ],
    body: &[Block::Indicators {
        left: &[Wide {
            path: &["年度绩效指标"],
            what: WideValue::Source(Source::Text("")),
        }],
        group: None,
        columns: &[
            g("一级指标", Col::Tier1),
            g("二级指标", Col::Tier2),
            g("三级指标", Col::Tier3),
            g("指标值及单位", Col::Value),
            opt("绩效标准", Col::Standard),
        ],
        header: true,
        section: None,
    }],
    foot: &[],
    after: &[
        "单位负责人签字：{属性:单位负责人签字|单位负责人}",
        "填表人：{属性:填表人}　　　　联系电话：{属性:联系电话}",
    ],
};

/// 部门整体支出绩效申报表 (seed 002): 资金总额 by expense nature, the overall
/// goal, and one text per 一级.
pub static UNIT_DECLARATION: Form = Form {
    name: "部门整体支出绩效申报表",
    aliases: &[],
    subject: Subject::Unit,
    about: "部门名称, 资金总额 with its lines by expense nature, 整体绩效目标, and the indicators' texts beside their 一级 (seed 002)",
    title: "{年}年部门整体支出绩效申报表",
    meta: &[],
    widths: &[],
    head: &[
        Part {
            group: None,
            label: Some("部门名称"),
            block: Block::Value(Source::Or(&[
                Source::Property(&["部门名称"]),
                Source::UnitName,
            ])),
        },
        Part {
            group: None,
            label: Some("年度预算申请"),
            block: Block::BudgetList {
                trees: &["资金总额"],
                total: "资金总额",
                heading: "按支出性质分",
                dim: Dim::Expense,
            },
        },
        Part {
            group: None,
            label: Some("整体绩效目标"),
            block: Block::Value(Source::Goals(GoalKind::Overall)),
        },
    ],
    body: &[Block::Indicators {
        left: &[Wide {
            path: &[],
            what: WideValue::Source(Source::Text("部门整体支出年度绩效指标")),
        }],
        group: None,
        columns: &[g("一级指标", Col::Tier1), g("三级指标", Col::Tier3)],
        header: false,
        section: None,
    }],
    foot: &[],
    after: &[],
};

/// 整体支出预算绩效目标申报表 (the older provincial form, seed 003).
pub static UNIT_APPLICATION: Form = Form {
    name: "整体支出预算绩效目标申报表",
    aliases: &["部门整体支出预算绩效目标申报表"],
    subject: Subject::Unit,
    about: "部门基本信息 (预算单位, 联络员, 人员, 职责, 收入, 支出, 三公经费), 年度整体支出目标, 一级/二级/三级/指标值, 其他说明的问题, 财政部门审核意见 (seed 003)",
    title: "{年}年度{单位}整体支出预算绩效目标申报表",
    meta: &[
        ("填报单位（盖章）：{属性:填报单位|单位}", ""),
        ("单位负责人：{属性:单位负责人}", ""),
    ],
    widths: &[],
    head: &[
        Part {
            group: Some("部门基本信息"),
            label: Some("预算单位"),
            block: Block::Value(Source::Or(&[
                Source::Property(&["预算单位"]),
                Source::UnitName,
            ])),
        },
        Part {
            group: Some("部门基本信息"),
            label: Some("绩效管理联络员"),
            block: Block::Pairs(&[
                ("", Source::Property(&["绩效管理联络员"])),
                ("联系电话", Source::Property(&["联系电话"])),
            ]),
        },
        Part {
            group: Some("部门基本信息"),
            label: Some("人员编制数"),
            block: Block::Pairs(&[
                ("", Source::Staff("人员编制数")),
                ("实有人数", Source::Staff("实有人数")),
            ]),
        },
        Part {
            group: Some("部门基本信息"),
            label: Some("部门职能职责概述"),
            block: Block::Value(Source::Duties),
        },
        Part {
            group: Some("部门基本信息"),
            label: None,
            block: Block::Across {
                heading: Some("单位年度收入预算（{金额单位}）"),
                lines: Lines {
                    trees: &[],
                    budget: true,
                    path: &[Step::By(Dim::Income)],
                    in_tree: None,
                },
                total: "收入合计",
            },
        },
        Part {
            group: Some("部门基本信息"),
            label: None,
            block: Block::Across {
                heading: Some("单位年度支出预算（{金额单位}）"),
                lines: Lines {
                    trees: &[],
                    budget: true,
                    path: &[Step::By(Dim::Expense)],
                    in_tree: None,
                },
                total: "支出合计",
            },
        },
        Part {
            group: Some("部门基本信息"),
            label: None,
            block: Block::Across {
                heading: Some("其中：三公经费预算（{金额单位}）"),
                lines: Lines {
                    trees: &["三公经费", "“三公”经费", "三公经费预算"],
                    budget: false,
                    path: &[],
                    in_tree: None,
                },
                total: "合计",
            },
        },
        Part {
            group: None,
            label: Some("年度整体支出目标"),
            block: Block::Value(Source::Goals(GoalKind::Overall)),
        },
    ],
    body: &[Block::Indicators {
        left: &[Wide {
            path: &["部门整体支出年度绩效指标"],
            what: WideValue::Source(Source::Text("")),
        }],
        group: None,
        columns: &[
            g("一级指标", Col::Tier1),
            g("二级指标", Col::Tier2),
            g("三级指标", Col::Tier3),
            g("指标值", Col::Value),
        ],
        header: true,
        section: None,
    }],
    foot: &[
        Part {
            group: None,
            label: Some("其他说明的问题"),
            block: Block::Value(Source::Property(&["其他说明的问题"])),
        },
        Part {
            group: None,
            label: Some("财政部门审核意见"),
            block: Block::Value(Source::Property(&["财政部门审核意见"])),
        },
    ],
    after: &[],
};

// ---------------------------------------------------------------- project forms

/// The 2021 project form: the project's fields, its funds, its goals, the
/// indicator grid and the spending detail.
pub static PROJECT_2021: Form = Form {
    name: "项目支出绩效目标表",
    aliases: &[],
    subject: Subject::Project,
    about: "项目名称, 项目金额, 项目实施期, 实施进度, funds by source, goals, the indicator grid, 支出明细及测算说明 (the 2021 national form)",
    title: "{年}年项目支出绩效目标表",
    meta: &[("填报单位：{单位}", "金额单位：{金额单位}")],
    widths: &[],
    head: &[
        Part {
            group: None,
            label: Some("项目名称"),
            block: Block::Value(Source::ProjectName),
        },
        Part {
            group: None,
            label: Some("项目金额（{金额单位}）"),
            block: Block::Value(Source::ProjectAmount),
        },
        Part {
            group: None,
            label: Some("项目实施期"),
            block: Block::Value(Source::Period),
        },
        Part {
            group: None,
            label: Some("实施进度"),
            block: Block::Schedule,
        },
        Part {
            group: None,
            label: Some("资金来源"),
            block: Block::Funds {
                dim: Dim::Source,
                basis: false,
            },
        },
        Part {
            group: None,
            label: Some("实施期绩效目标"),
            block: Block::Value(Source::Goals(GoalKind::Term)),
        },
        Part {
            group: None,
            label: Some("年度绩效目标"),
            block: Block::Value(Source::Goals(GoalKind::Annual)),
        },
    ],
    body: &[
        Block::Indicators {
            left: &[],
            group: None,
            columns: &[
                g("一级指标", Col::Tier1),
                g("二级指标", Col::Tier2),
                g("三级指标", Col::Tier3),
                g("指标值类型", Col::Type),
                g("指标值", Col::Value),
                g("计量单位", Col::Unit),
                g("指标解释", Col::Explain),
                g("评(扣)分标准", Col::Scoring),
                opt("绩效标准", Col::Standard),
                opt("分值", Col::Weight),
                opt("备注", Col::Note),
            ],
            header: true,
            section: Some("年度绩效指标"),
        },
        Block::Detail {
            label: None,
            section: Some("支出明细及测算说明"),
            total: "合计",
        },
    ],
    foot: &[],
    after: &[],
};

/// 区级专项资金支出方向绩效目标表 (seed 001): one per project.
pub static PROJECT_DIRECTION: Form = Form {
    name: "专项资金支出方向绩效目标表",
    aliases: &["区级专项资金支出方向绩效目标表"],
    subject: Subject::Project,
    about: "支出方向（子项）, 所属专项, 项目金额, 项目实施期, goals, 一级/二级/三级/指标值及单位/绩效标准, 支出明细及测算说明 (seed 001)",
    title: "{年}年区级专项资金支出方向绩效目标表",
    meta: &[("填报单位：（盖章）{单位}", "金额单位：{金额单位}")],
    widths: &[],
    head: &[
        Part {
            group: None,
            label: Some("支出方向（子项）"),
            block: Block::Pairs(&[
                (
                    "",
                    Source::Or(&[
                        Source::Property(&["支出方向（子项）", "支出方向"]),
                        Source::ProjectName,
                    ]),
                ),
                (
                    "所属专项名称",
                    Source::Or(&[Source::Property(&["所属专项"]), Source::ProjectName]),
                ),
            ]),
        },
        Part {
            group: None,
            label: Some("项目金额"),
            block: Block::Pairs(&[
                ("", Source::ProjectAmount),
                (
                    "所属专项金额",
                    Source::Or(&[
                        Source::Property(&["所属专项金额"]),
                        Source::ProjectAmount,
                    ]),
                ),
            ]),
        },
        Part {
            group: None,
            label: Some("项目实施期"),
            block: Block::Value(Source::Period),
        },
        Part {
            group: None,
            label: Some("实施期绩效目标"),
            block: Block::Value(Source::Goals(GoalKind::Term)),
        },
        Part {
            group: None,
            label: Some("年度绩效目标"),
            block: Block::Value(Source::Goals(GoalKind::Annual)),
        },
    ],
    body: &[
        Block::Indicators {
            left: &[Wide {
                path: &["年度绩效指标"],
                what: WideValue::Source(Source::Text("")),
            }],
            group: None,
            columns: &[
                g("一级指标", Col::Tier1),
                g("二级指标", Col::Tier2),
                g("三级指标", Col::Tier3),
                g("指标值及单位", Col::Value),
                g("绩效标准", Col::Standard),
            ],
            header: true,
            section: None,
        },
        Block::Detail {
            label: Some("支出明细及测算说明"),
            section: None,
            total: "合计",
        },
    ],
    foot: &[],
    after: &[
        "单位负责人签字：{属性:单位负责人签字|单位负责人}",
        "填表人：{属性:填表人}　　　　联系电话：{属性:联系电话}",
    ],
};

/// 项目支出预算绩效目标申报表 (the older provincial form, seed 003).
pub static PROJECT_APPLICATION: Form = Form {
    name: "项目支出预算绩效目标申报表",
    aliases: &[],
    subject: Subject::Project,
    about: "项目基本情况, 项目立项依据, 项目资金情况 (资金申请 and 支出明细 against the prior year), 保障制度, 实施进度, 绩效目标 and indicators, 其他说明的问题, 财政部门审核意见 (seed 003)",
    title: "{年}年度{单位}项目支出预算绩效目标申报表",
    meta: &[
        ("填报单位（盖章）：{属性:填报单位|单位}", ""),
        ("单位负责人：{属性:单位负责人}", ""),
    ],
    widths: &[10, 14, 18, 14, 16, 14, 14],
    head: &[
        Part {
            group: Some("项目基本情况"),
            label: Some("项目名称"),
            block: Block::Value(Source::ProjectName),
        },
        Part {
            group: Some("项目基本情况"),
            label: Some("项目属性"),
            block: Block::Value(Source::Property(&["项目属性"])),
        },
        Part {
            group: Some("项目基本情况"),
            label: Some("主管部门"),
            block: Block::Pairs(&[
                ("", Source::Property(&["主管部门"])),
                (
                    "项目起止时间",
                    Source::Or(&[Source::Property(&["项目起止时间"]), Source::Period]),
                ),
            ]),
        },
        Part {
            group: Some("项目基本情况"),
            label: Some("项目负责人"),
            block: Block::Pairs(&[
                ("", Source::Property(&["项目负责人"])),
                (
                    "联系电话",
                    Source::Property(&["项目负责人联系电话", "联系电话"]),
                ),
            ]),
        },
        Part {
            group: Some("项目基本情况"),
            label: Some("绩效管理联络员"),
            block: Block::Pairs(&[
                ("", Source::Property(&["绩效管理联络员"])),
                (
                    "联系电话",
                    Source::Property(&["绩效管理联络员联系电话", "联系电话"]),
                ),
            ]),
        },
        Part {
            group: Some("项目基本情况"),
            label: Some("项目类型"),
            block: Block::Value(Source::Property(&["项目类型"])),
        },
        Part {
            group: Some("项目基本情况"),
            label: Some("项目概况"),
            block: Block::Value(Source::Property(&["项目概况"])),
        },
        Part {
            group: None,
            label: Some("项目立项依据"),
            block: Block::Value(Source::Property(&["项目立项依据"])),
        },
        Part {
            group: Some("项目资金情况"),
            label: Some("项目资金申请（{金额单位}）"),
            block: Block::Funds {
                dim: Dim::Source,
                basis: false,
            },
        },
        Part {
            group: Some("项目资金情况"),
            label: Some("支出明细预算（{金额单位}）"),
            block: Block::Funds {
                dim: Dim::Detail,
                basis: true,
            },
        },
        Part {
            group: None,
            label: Some("单位已有的（或拟订的）保障项目实施的制度、措施"),
            block: Block::Value(Source::Property(&[
                "保障制度措施",
                "单位已有的（或拟订的）保障项目实施的制度、措施",
            ])),
        },
        Part {
            group: None,
            label: Some("项目年度实施进度计划"),
            block: Block::Schedule,
        },
        Part {
            group: Some("项目年度绩效目标情况"),
            label: Some("长期绩效目标"),
            block: Block::Value(Source::Goals(GoalKind::Term)),
        },
        Part {
            group: Some("项目年度绩效目标情况"),
            label: Some("本年度绩效目标"),
            block: Block::Value(Source::Goals(GoalKind::Annual)),
        },
        Part {
            group: Some("项目年度绩效目标情况"),
            label: Some("项目年度绩效指标"),
            block: Block::Indicators {
                left: &[],
                group: None,
                columns: &[
                    g("一级指标", Col::Tier1),
                    g("二级指标", Col::Tier2),
                    g("三级指标", Col::Tier3),
                    g("指标值", Col::Value),
                ],
                header: true,
                section: None,
            },
        },
        Part {
            group: None,
            label: Some("其他说明的问题"),
            block: Block::Value(Source::Property(&["其他说明的问题"])),
        },
        Part {
            group: None,
            label: Some("财政部门审核意见"),
            block: Block::Value(Source::Property(&["财政部门审核意见"])),
        },
    ],
    body: &[],
    foot: &[],
    after: &[],
};

/// 区级专项资金支出方向绩效目标表 as one table, a row per project (seed 002).
pub static PROJECTS_DIRECTION: Form = Form {
    name: "专项资金支出方向绩效目标表（列表）",
    aliases: &["专项资金支出方向绩效目标表(列表)"],
    subject: Subject::Projects,
    about: "a row per project: 主管部门, 支出方向, 所属专项名称, 专项实施期, 支出方向年度金额, goals, and the indicators under each 二级 of 产出 and 效益 (seed 002)",
    title: "{年}年区级专项资金支出方向绩效目标表",
    meta: &[("", "单位：{金额单位}")],
    widths: &[],
    head: &[],
    body: &[Block::ProjectList {
        columns: &[
            ListCol {
                path: &["主管部门"],
                what: ListValue::Source(Source::Property(&["主管部门"])),
            },
            ListCol {
                path: &["支出方向"],
                what: ListValue::Source(Source::Property(&["支出方向"])),
            },
            ListCol {
                path: &["所属专项名称"],
                what: ListValue::Source(Source::ProjectName),
            },
            ListCol {
                path: &["专项实施期"],
                what: ListValue::Source(Source::Or(&[
                    Source::Property(&["专项实施期"]),
                    Source::Period,
                ])),
            },
            ListCol {
                path: &["支出方向年度金额"],
                what: ListValue::Source(Source::ProjectAmount),
            },
            ListCol {
                path: &["实施期绩效目标"],
                what: ListValue::Source(Source::Goals(GoalKind::Term)),
            },
            ListCol {
                path: &["年度绩效目标"],
                what: ListValue::Source(Source::Goals(GoalKind::Annual)),
            },
            ListCol {
                path: &["绩效指标", "产出指标", "数量指标"],
                what: ListValue::Tier("数量指标"),
            },
            ListCol {
                path: &["绩效指标", "产出指标", "质量指标"],
                what: ListValue::Tier("质量指标"),
            },
            ListCol {
                path: &["绩效指标", "产出指标", "时效指标"],
                what: ListValue::Tier("时效指标"),
            },
            ListCol {
                path: &["绩效指标", "产出指标", "成本指标"],
                what: ListValue::Tier("成本指标"),
            },
            ListCol {
                path: &["绩效指标", "效益指标", "经济效益指标"],
                what: ListValue::Tier("经济效益指标"),
            },
            ListCol {
                path: &["绩效指标", "效益指标", "社会效益指标"],
                what: ListValue::Tier("社会效益指标"),
            },
            ListCol {
                path: &["绩效指标", "效益指标", "生态效益指标"],
                what: ListValue::Tier("生态效益指标"),
            },
            ListCol {
                path: &["绩效指标", "效益指标", "可持续影响指标"],
                what: ListValue::Tier("可持续影响指标"),
            },
        ],
    }],
    foot: &[],
    after: &[],
};

// ---------------------------------------------------------------- summaries

/// A summary as the city corpus prints it: 序号, 单位名称, 收入金额, 合计 last.
pub static SUMMARY_FUNDS: Form = Form {
    name: "整体支出绩效目标资金表",
    aliases: &[],
    subject: Subject::Summary,
    about: "序号, 单位名称, 收入金额（万元）, 合计 last (seed 004)",
    title: "{名称}",
    meta: &[],
    widths: &[],
    head: &[],
    body: &[Block::Summary {
        columns: &[
            ("序号", SumCol::Serial),
            ("单位名称", SumCol::Name),
            ("收入金额（万元）", SumCol::Amount),
        ],
        total: TotalAt::Last,
        total_label: "合计",
    }],
    foot: &[],
    after: &[],
};

/// The plain summary: 序号, 单位编码 (when a row has one), 名称, 金额, 合计 first.
pub static SUMMARY: Form = Form {
    name: "绩效目标汇总表",
    aliases: &[],
    subject: Subject::Summary,
    about: "序号, 单位编码, 名称, 金额, with the stated 合计 first",
    title: "{名称}",
    meta: &[MONEY_RIGHT],
    widths: &[],
    head: &[],
    body: &[Block::Summary {
        columns: &[
            ("序号", SumCol::Serial),
            ("单位编码", SumCol::Code),
            ("名称", SumCol::Name),
            ("金额", SumCol::Amount),
        ],
        total: TotalAt::First,
        total_label: "合计",
    }],
    foot: &[],
    after: &[],
};

/// 区级专项资金绩效目标汇总表 (seed 001).
pub static SUMMARY_SPECIAL: Form = Form {
    name: "专项资金绩效目标汇总表",
    aliases: &["区级专项资金绩效目标汇总表"],
    subject: Subject::Summary,
    about: "序号, 名称, 金额, 实施期绩效目标, 年度绩效目标, 合计 first (seed 001)",
    title: "{名称}",
    meta: &[("填报单位：（盖章）", "金额单位：{金额单位}")],
    widths: &[],
    head: &[],
    body: &[Block::Summary {
        columns: &[
            ("序号", SumCol::Serial),
            ("名称", SumCol::Name),
            ("金额", SumCol::Amount),
            ("实施期绩效目标", SumCol::Goal(GoalKind::Term)),
            ("年度绩效目标", SumCol::Goal(GoalKind::Annual)),
        ],
        total: TotalAt::First,
        total_label: "合计",
    }],
    foot: &[],
    after: &[
        "单位负责人签字：{属性:单位负责人签字|单位负责人}",
        "填表人：{属性:填表人}　　　　联系电话：{属性:联系电话}",
    ],
};

/// 区级专项资金预算绩效目标汇总表 (seed 002).
pub static SUMMARY_SPECIAL_2020: Form = Form {
    name: "专项资金预算绩效目标汇总表",
    aliases: &["区级专项资金预算绩效目标汇总表"],
    subject: Subject::Summary,
    about: "序号, 专项支出名称, 支出方向, 资金总额, 实施期绩效目标, 年度绩效目标 (seed 002)",
    title: "{名称}",
    meta: &[("", "单位：{金额单位}")],
    widths: &[],
    head: &[],
    body: &[Block::Summary {
        columns: &[
            ("序号", SumCol::Serial),
            ("专项支出名称", SumCol::Name),
            ("支出方向", SumCol::Text),
            ("资金总额", SumCol::Amount),
            ("实施期绩效目标", SumCol::Goal(GoalKind::Term)),
            ("年度绩效目标", SumCol::Goal(GoalKind::Annual)),
        ],
        total: TotalAt::Last,
        total_label: "合计",
    }],
    foot: &[],
    after: &[],
};

// ---------------------------------------------------------------- 部门预算公开

const BUDGET_META: &[(&str, &str)] = &[("单位名称：{单位}", "单位：{金额单位}")];

const INCOME_COLUMNS: &[&str] = &[
    "一般公共预算拨款",
    "政府性基金拨款",
    "纳入专户管理的非税收入拨款",
    "其他收入",
    "上年结转",
];

const FUNCTIONAL_CODES: &[&[&str]; 3] = &[
    &["科目", "科目编码", "类"],
    &["科目", "科目编码", "款"],
    &["科目", "科目编码", "项"],
];

const fn tree(names: &'static [&'static str], path: &'static [Step]) -> Lines {
    Lines {
        trees: names,
        budget: true,
        path,
        in_tree: None,
    }
}

/// Lines of a table that the budget holds down `path`, its own tree down
/// `in_tree`.
const fn tree_at(
    names: &'static [&'static str],
    path: &'static [Step],
    in_tree: &'static [Step],
) -> Lines {
    Lines {
        trees: names,
        budget: true,
        path,
        in_tree: Some(in_tree),
    }
}

/// 部门收支总表: income, and expense by function and by nature, side by side.
pub static BUDGET_ALL: Form = Form {
    name: "部门收支总表",
    aliases: &[],
    subject: Subject::Budget,
    about: "收入 by income lines beside 支出 by function and by nature, each with its 总计",
    title: "部门收支总表",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Parallel(&[
        LineTable {
            lines: tree(&["部门收支总表"], &[Step::By(Dim::Income)]),
            top_only: false,
            self_row: false,
            code: CodeCols::None,
            name: &["收 入", "项 目"],
            values: &[ValueCol::Own(&["收 入", "本年预算"])],
            total: Some(("收 入 总 计", false)),
        },
        LineTable {
            lines: tree(&["部门收支总表"], &[Step::By(Dim::Functional)]),
            top_only: true,
            self_row: false,
            code: CodeCols::None,
            name: &["支 出", "项 目"],
            values: &[ValueCol::Own(&["支 出", "本年预算"])],
            total: Some(("支 出 总 计", false)),
        },
        LineTable {
            lines: tree(&["部门收支总表"], &[Step::By(Dim::Expense)]),
            top_only: false,
            self_row: false,
            code: CodeCols::None,
            name: &["支 出", "项 目"],
            values: &[ValueCol::Own(&["支 出", "本年预算"])],
            total: Some(("支 出 总 计", false)),
        },
    ])],
    foot: &[],
    after: &[],
};

/// 部门收入总表: one row, 总计 and each income.
pub static BUDGET_INCOME: Form = Form {
    name: "部门收入总表",
    aliases: &[],
    subject: Subject::Budget,
    about: "总计 and the income lines across",
    title: "部门收入总表",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Across {
        heading: None,
        lines: tree(&["部门收入总表"], &[Step::By(Dim::Income)]),
        total: "总计",
    }],
    foot: &[],
    after: &[],
};

const EXPENSE_BY_INCOME: &[ValueCol] = &[
    ValueCol::Own(&["总计"]),
    ValueCol::Sub {
        dim: Dim::Income,
        group: &[],
        fallback: INCOME_COLUMNS,
    },
];

/// 部门支出总表: functional lines, 总计 and by income.
pub static BUDGET_EXPENSE: Form = Form {
    name: "部门支出总表",
    aliases: &[],
    subject: Subject::Budget,
    about: "functional lines (类/款/项) with 总计 and their funds by income",
    title: "部门支出总表",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Lines(LineTable {
        lines: tree(&["部门支出总表"], &[Step::By(Dim::Functional)]),
        top_only: false,
        self_row: false,
        code: CodeCols::Split(FUNCTIONAL_CODES),
        name: &["科目", "科目名称"],
        values: EXPENSE_BY_INCOME,
        total: None,
    })],
    foot: &[],
    after: &[],
};

/// 部门支出预算明细表: as 部门支出总表, with a 合计 row.
pub static BUDGET_EXPENSE_DETAIL: Form = Form {
    name: "部门支出预算明细表",
    aliases: &[],
    subject: Subject::Budget,
    about: "functional lines (类/款/项) with 总计 and their funds by income, 合计 first",
    title: "部门支出预算明细表",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Lines(LineTable {
        lines: tree(&["部门支出预算明细表"], &[Step::By(Dim::Functional)]),
        top_only: false,
        self_row: false,
        code: CodeCols::Split(&[
            &["科目编码", "类"],
            &["科目编码", "款"],
            &["科目编码", "项"],
        ]),
        name: &["科目名称"],
        values: EXPENSE_BY_INCOME,
        total: Some(("合计", true)),
    })],
    foot: &[],
    after: &[],
};

const BASIC_ECONOMIC: [Step; 3] = [
    Step::By(Dim::Expense),
    Step::Name(&["基本支出"]),
    Step::By(Dim::Economic),
];

macro_rules! economic_path {
    ($code:expr) => {
        &[
            BASIC_ECONOMIC[0],
            BASIC_ECONOMIC[1],
            BASIC_ECONOMIC[2],
            Step::Code($code),
        ]
    };
}

macro_rules! economic_form {
    ($id:ident, $name:expr, $aliases:expr, $code:expr, $code_header:expr, $name_header:expr, $about:expr) => {
        pub static $id: Form = Form {
            name: $name,
            aliases: $aliases,
            subject: Subject::Budget,
            about: $about,
            title: $name,
            meta: BUDGET_META,
            widths: &[],
            head: &[],
            body: &[Block::Lines(LineTable {
                lines: Lines {
                    trees: &[$name],
                    budget: true,
                    path: economic_path!($code),
                    // A tree named after the table holds its economic lines.
                    in_tree: Some(&[Step::By(Dim::Economic), Step::Code($code)]),
                },
                top_only: false,
                self_row: true,
                code: CodeCols::Whole(&[$code_header]),
                name: &[$name_header],
                values: &[ValueCol::Own(&["预算金额"])],
                total: None,
            })],
            foot: &[],
            after: &[],
        };
    };
}

economic_form!(
    BUDGET_BASIC_WAGES,
    "基本支出－工资福利支出",
    &["基本支出-工资福利支出", "工资福利支出表"],
    "301",
    "部门经济科目编码",
    "部门经济科目名称",
    "the economic lines of 301 工资福利支出 under 基本支出"
);
economic_form!(
    BUDGET_BASIC_GOODS,
    "基本支出—单位运转经费支出",
    &[
        "基本支出－单位运转经费支出",
        "基本支出-单位运转经费支出",
        "单位运转经费支出表"
    ],
    "302",
    "部门经济科目编码",
    "部门经济科目名称",
    "the economic lines of 302 商品和服务支出 under 基本支出"
);
economic_form!(
    BUDGET_BASIC_FAMILY,
    "基本支出－对个人和家庭的补助",
    &["基本支出-对个人和家庭的补助"],
    "303",
    "经济科目代码",
    "经济科目名称",
    "the economic lines of 303 对个人和家庭的补助 under 基本支出"
);
economic_form!(
    BUDGET_GENERAL_WAGES,
    "一般公共预算基本支出－工资福利支出",
    &["一般公共预算基本支出-工资福利支出"],
    "301",
    "部门经济科目编码",
    "部门经济科目名称",
    "the economic lines of 301 工资福利支出 funded by 一般公共预算"
);
economic_form!(
    BUDGET_GENERAL_GOODS,
    "一般公共预算基本支出－一般商品和服务支出",
    &["一般公共预算基本支出-一般商品和服务支出"],
    "302",
    "部门经济科目编码",
    "部门经济科目名称",
    "the economic lines of 302 商品和服务支出 funded by 一般公共预算"
);
economic_form!(
    BUDGET_GENERAL_FAMILY,
    "一般公共预算基本支出－对个人和家庭的补助",
    &["一般公共预算基本支出-对个人和家庭的补助"],
    "303",
    "经济科目代码",
    "经济科目名称",
    "the economic lines of 303 对个人和家庭的补助 funded by 一般公共预算"
);

/// 项目支出预算明细表: a row per project line, 总计 and by source.
pub static BUDGET_PROJECTS: Form = Form {
    name: "项目支出预算明细表",
    aliases: &[],
    subject: Subject::Budget,
    about: "a row per project with 总计 and its funds by source (资金来源)",
    title: "项目支出预算明细表",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Lines(LineTable {
        lines: tree_at(
            &["项目支出预算明细表"],
            &[
                Step::By(Dim::Expense),
                Step::Name(&["项目支出"]),
                Step::By(Dim::Named("项目名称")),
            ],
            &[Step::By(Dim::Named("项目名称"))],
        ),
        top_only: true,
        self_row: false,
        code: CodeCols::None,
        name: &["项目名称"],
        values: &[
            ValueCol::Own(&["总计"]),
            ValueCol::Sub {
                dim: Dim::Source,
                group: &["资 金 来 源"],
                fallback: &[
                    "财政全额拨款",
                    "纳入预算管理的非税收入拨款",
                    "财政专户管理的非税收入拨款",
                    "上年结转",
                    "其他收入",
                ],
            },
        ],
        total: None,
    })],
    foot: &[],
    after: &[],
};

/// 一般公共预算“三公”经费支出表: the lines of the 三公 amount tree.
pub static BUDGET_THREE: Form = Form {
    name: "一般公共预算“三公”经费支出表",
    aliases: &["三公经费支出表", "一般公共预算三公经费支出表"],
    subject: Subject::Budget,
    about: "the lines of the unit's 三公 amount tree, 合计 first",
    title: "一般公共预算“三公”经费支出表",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Lines(LineTable {
        lines: Lines {
            trees: &[
                "一般公共预算“三公”经费支出表",
                "一般公共预算三公经费支出表",
                "三公经费支出表",
            ],
            budget: false,
            path: &[],
            in_tree: None,
        },
        top_only: false,
        self_row: false,
        code: CodeCols::None,
        name: &["项 目"],
        values: &[ValueCol::Own(&["预算金额"])],
        total: Some(("合 计", true)),
    })],
    foot: &[],
    after: &[],
};

/// 财政拨款收支总表: fiscal income beside functional expense by fund.
pub static BUDGET_FISCAL: Form = Form {
    name: "财政拨款收支总表",
    aliases: &[],
    subject: Subject::Budget,
    about: "财政拨款 income lines beside the functional lines with 合计, 一般公共预算 and 政府性基金预算",
    title: "财政拨款收支总表",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Parallel(&[
        LineTable {
            lines: tree(&["财政拨款收支总表"], &[Step::By(Dim::Income)]),
            top_only: false,
            self_row: false,
            code: CodeCols::None,
            name: &["收 入", "项 目"],
            values: &[ValueCol::Own(&["收 入", "本年预算"])],
            total: Some(("本 年 收 入 合 计", false)),
        },
        LineTable {
            lines: tree(&["财政拨款收支总表"], &[Step::By(Dim::Functional)]),
            top_only: true,
            self_row: false,
            code: CodeCols::None,
            name: &["支 出", "项 目"],
            values: &[
                ValueCol::Own(&["支 出", "合计"]),
                ValueCol::Sub {
                    dim: Dim::Income,
                    group: &["支 出"],
                    fallback: &["一般公共预算", "政府性基金预算"],
                },
            ],
            total: Some(("本 年 支 出 合 计", false)),
        },
    ])],
    foot: &[],
    after: &[],
};

/// 一般公共预算支出情况表: functional lines by expense nature and economic class.
pub static BUDGET_GENERAL: Form = Form {
    name: "一般公共预算支出情况表",
    aliases: &[],
    subject: Subject::Budget,
    about:
        "functional lines (类/款/项) with 总计 and 基本支出, 项目支出 by economic class, 合计 first",
    title: "{年}年一般公共预算支出情况表",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Lines(LineTable {
        lines: tree(&["一般公共预算支出情况表"], &[Step::By(Dim::Functional)]),
        top_only: false,
        self_row: false,
        code: CodeCols::Split(&[
            &["功能科目", "科目编码", "类"],
            &["功能科目", "科目编码", "款"],
            &["功能科目", "科目编码", "项"],
        ]),
        name: &["功能科目", "科目名称"],
        values: &[
            ValueCol::Own(&["总 计"]),
            ValueCol::Sub {
                dim: Dim::Expense,
                group: &[],
                fallback: &["基本支出", "项目支出"],
            },
        ],
        total: Some(("合计", true)),
    })],
    foot: &[],
    after: &[],
};

const FUND_COLUMNS: &[ValueCol] = &[
    ValueCol::Own(&["总计"]),
    ValueCol::Sub {
        dim: Dim::Expense,
        group: &[],
        fallback: &["基本支出", "项目支出"],
    },
];

/// 政府性基金拨款部门支出总表: functional lines funded by 政府性基金.
pub static BUDGET_FUND: Form = Form {
    name: "政府性基金拨款部门支出总表",
    aliases: &["政府性基金拨款部门支出总表（分类）"],
    subject: Subject::Budget,
    about: "functional lines (类/款/项) funded by 政府性基金, 总计, 基本支出, 项目支出",
    title: "政府性基金拨款部门支出总表（分类）",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Lines(LineTable {
        lines: Lines {
            trees: &[
                "政府性基金拨款部门支出总表",
                "政府性基金拨款部门支出总表（分类）",
            ],
            budget: false,
            path: &[Step::By(Dim::Functional)],
            in_tree: None,
        },
        top_only: false,
        self_row: false,
        code: CodeCols::Split(FUNCTIONAL_CODES),
        name: &["科目", "科目名称"],
        values: FUND_COLUMNS,
        total: Some(("合计", true)),
    })],
    foot: &[],
    after: &[],
};

/// 纳入专户管理的非税收入拨款部门支出总表.
pub static BUDGET_SPECIAL: Form = Form {
    name: "纳入专户管理的非税收入拨款部门支出总表",
    aliases: &["纳入专户管理的非税收入拨款部门支出总表（分类）"],
    subject: Subject::Budget,
    about: "functional lines (类/款/项) funded by 纳入专户管理的非税收入, 总计, 基本支出, 项目支出",
    title: "纳入专户管理的非税收入拨款部门支出总表（分类）",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Lines(LineTable {
        lines: Lines {
            trees: &[
                "纳入专户管理的非税收入拨款部门支出总表",
                "纳入专户管理的非税收入拨款部门支出总表（分类）",
            ],
            budget: false,
            path: &[Step::By(Dim::Functional)],
            in_tree: None,
        },
        top_only: false,
        self_row: false,
        code: CodeCols::Split(FUNCTIONAL_CODES),
        name: &["科目", "科目名称"],
        values: FUND_COLUMNS,
        total: Some(("合计", true)),
    })],
    foot: &[],
    after: &[],
};

/// 一般公共预算基本支出情况表: economic lines with 人员经费 and 公用经费.
pub static BUDGET_GENERAL_BASIC: Form = Form {
    name: "一般公共预算基本支出情况表",
    aliases: &[],
    subject: Subject::Budget,
    about: "the economic lines of 基本支出 with 合计, 人员经费 and 公用经费, 合计 first",
    title: "{年}年一般公共预算基本支出情况表",
    meta: BUDGET_META,
    widths: &[],
    head: &[],
    body: &[Block::Lines(LineTable {
        lines: tree_at(
            &["一般公共预算基本支出情况表"],
            &[
                Step::By(Dim::Expense),
                Step::Name(&["基本支出"]),
                Step::By(Dim::Economic),
            ],
            &[Step::By(Dim::Economic)],
        ),
        top_only: false,
        self_row: false,
        code: CodeCols::Whole(&["经济科目"]),
        name: &["经济科目名称"],
        values: &[
            ValueCol::Own(&["合计"]),
            ValueCol::Sub {
                dim: Dim::Named("经费类型"),
                group: &[],
                fallback: &["人员经费", "公用经费"],
            },
        ],
        total: Some(("合计", true)),
    })],
    foot: &[],
    after: &[],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for f in CATALOGUE {
            for n in std::iter::once(&f.name).chain(f.aliases.iter()) {
                assert!(seen.insert(squeeze(n)), "{n} names two forms");
            }
        }
    }

    #[test]
    fn forms_are_found_by_name_and_alias() {
        assert_eq!(find("部门收支总表").map(|f| f.name), Some("部门收支总表"));
        assert_eq!(
            find("三公经费支出表").map(|f| f.name),
            Some("一般公共预算“三公”经费支出表")
        );
        assert!(find("部门 收支 总表").is_some());
        assert!(find("没有这张表").is_none());
    }
}

//! Knowing the tables of a sheet by the text of their cells.

use super::catalogue;
use super::read::{address, Sheet};
use crate::forms::{
    Block, CodeCols, Dim, Form, LineTable, ListCol, ListValue, Source, SumCol, ValueCol, Wide,
    WideValue, SUMMARY_HEADERS,
};

use crate::ast::GoalKind;
use crate::diag::{Code, Diagnostic};
use crate::i18n::Message;
use crate::msg;

#[derive(Debug, Default)]
pub struct Book {
    pub year: Option<String>,
    /// The unit the last 填报单位 (单位名称：…) line of the workbook named.
    pub filler: Option<String>,
    /// A title of the older forms (`…申报表`) was read.
    pub old_form_title: bool,
    pub money: Option<String>,
    pub units: Vec<UnitT>,
    pub summaries: Vec<SummaryT>,
    pub diags: Vec<Diagnostic>,
}

#[derive(Debug, Default)]
pub struct UnitT {
    pub name: String,
    /// A 系统 unit: its table lists its member units (所属单位).
    pub rollup: bool,
    /// The 所属单位 list: each member's name and the cell it was read from.
    pub members: Vec<(String, String)>,
    pub code: Option<String>,
    pub budget: Option<BudgetT>,
    pub duties: Option<String>,
    pub staff: Option<(String, String)>,
    pub plans: Vec<[String; 3]>,
    pub goals: Vec<(GoalKind, String)>,
    pub indicators: Vec<IndRow>,
    pub projects: Vec<ProjectT>,
    pub properties: Vec<(String, String, String)>,
    pub amounts: Vec<AmountT>,
    /// The coded budget tables (部门支出总表, 基本支出 …), in order.
    pub coded: Vec<CodedT>,
}

#[derive(Debug, Default)]
pub struct BudgetT {
    pub total: String,
    pub income: Vec<(String, String)>,
    pub expense: Vec<(String, String)>,
}

#[derive(Debug, Default)]
pub struct ProjectT {
    pub name: String,
    pub code: Option<String>,
    pub amount: String,
    pub period: Option<(String, String)>,
    /// The property the period's cell stands for when it does not read
    /// as a period (`1 年` under 专项实施期): the form's, else 项目实施期.
    pub period_key: Option<&'static str>,
    /// 实施进度 rows: content, period as shown, and the period's cell.
    pub schedule: Vec<(String, String, String)>,
    pub goals: Vec<(GoalKind, String)>,
    pub indicators: Vec<IndRow>,
    /// key, value as shown, and the cell it was read from.
    pub properties: Vec<(String, String, String)>,
    /// The funding lines (资金来源, 项目资金申请): name and amount.
    pub sources: Vec<(String, String)>,
    /// The prior year's figure of each funding line (上年度安排资金),
    /// `None` where the column is blank or absent.
    pub source_priors: Vec<Option<String>>,
    /// The project's prior-year figure: the 合计 row's 上年度安排资金.
    pub prior: Option<String>,
    /// The spending detail (支出明细及测算说明, 支出明细预算).
    pub detail: Option<DetailT>,
}

/// A project's spending detail: its lines (each with the lines under it)
/// and the 合计 the table states.
#[derive(Debug, Default)]
pub struct DetailT {
    pub lines: Vec<DetailLine>,
    pub total: Option<String>,
}

#[derive(Debug, Default)]
pub struct DetailLine {
    pub name: String,
    /// `-` for no figure.
    pub amount: String,
    /// The prior year's figure (上年度安排资金), when the table gives it.
    pub prior: Option<String>,
    pub basis: String,
    pub lines: Vec<DetailLine>,
}

/// One row of an indicator grid, by column.
#[derive(Debug, Default, Clone)]
pub struct IndRow {
    pub t1: String,
    pub t2: String,
    pub name: String,
    pub cmp: String,
    pub value: String,
    pub uom: String,
    pub attrs: Vec<(&'static str, String)>,
    pub at: String,
    /// The row's 一级 (二级) cell is written in a sheet that merges its
    /// tier cells: a new group starts here, even under the same name.
    pub starts_t1: bool,
    pub starts_t2: bool,
    /// The grid has no 指标值类型 or 计量单位 column: the 指标值 cell holds
    /// the comparison and the unit too (`≥5次`).
    pub combined: bool,
}

#[derive(Debug, Default)]
pub struct SummaryT {
    pub name: String,
    pub rows: Vec<SummaryRowT>,
    pub total: Option<String>,
}

#[derive(Debug, Default)]
pub struct SummaryRowT {
    pub serial: String,
    pub code: String,
    pub name: String,
    pub amount: String,
    /// The row's text columns: goals (实施期绩效目标, 年度绩效目标) and
    /// properties (支出方向: header, text, cell).
    pub goals: Vec<(GoalKind, String)>,
    pub properties: Vec<(String, String, String)>,
}

/// A budget table of the 部门预算 (项目 | 金额 pairs): an amount tree.
#[derive(Debug, Default)]
pub struct AmountT {
    pub name: String,
    pub total: String,
    pub lines: Vec<(String, String)>,
    /// The dimension of the lines (`expense`), when the table says.
    pub by: Option<&'static str>,
    /// The lines are a breakdown of the unit's budget of this dimension
    /// (the form prints the budget there: 部门收支总表's 收入 side is its
    /// `by income`), not an amount tree of their own.
    pub of_budget: Option<&'static str>,
    /// The indent of each line's name, when the workbook indents them
    /// (a line indented under the line above it is one of its lines).
    pub indents: Vec<u8>,
    /// The tree stands for the budget (the form prints its figures, else
    /// the budget's): it restates the budget.
    pub restates_budget: bool,
    /// The figures of each line in the columns by another dimension
    /// (财政拨款收支总表: 一般公共预算, 政府性基金预算 beside 合计), and of
    /// the total row; the dimension.
    pub subs: Vec<Vec<(String, String)>>,
    pub total_subs: Vec<(String, String)>,
    pub sub_dim: Option<&'static str>,
    /// The form whose table gave the lines of a breakdown of the budget,
    /// and whether it prints only the breakdown's top lines: a later
    /// table whose lines the budget's first breakdown there does not
    /// give is written as a tree named after it, restating the budget.
    pub table: Option<&'static str>,
    pub top_only: bool,
}

/// The columns of a summary table.
struct SummaryCols {
    serial: usize,
    code: Option<usize>,
    name: usize,
    amount: usize,
    texts: Vec<(usize, String, Option<GoalKind>)>,
}

/// Where the rows being read go.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Target {
    None,
    Unit(usize),
    Project(usize, usize),
}

#[derive(Clone, Debug)]
enum Mode {
    Head,
    Grid(Grid),
    Sides {
        inc: usize,
        exp: usize,
        label: usize,
    },
    Plans {
        cols: [usize; 3],
        label: usize,
    },
    /// The rows of a project's 实施进度 (the label spans them).
    Schedule {
        label: usize,
    },
    /// A project's 支出明细及测算说明 grid (支出内容简介 | 支出明细 | 金额 |
    /// 支出测算依据及过程说明), up to its 合计 row.
    Detail {
        content: usize,
        item: usize,
        amount: usize,
        basis: usize,
    },
    /// A project's funds (项目 | 上年度安排资金 | 本年度申请资金 (| 测算依据及
    /// 说明)): its lines by source, or its spending detail when the table
    /// gives the basis of each line.
    Funds {
        name: usize,
        prior: Option<usize>,
        amount: usize,
        basis: Option<usize>,
        label: usize,
        /// The lines are the spending detail (支出明细预算), not the
        /// funding lines.
        detail: bool,
    },
    /// The 所属单位 list of a 系统 (rollup) unit, read for its members'
    /// names (their codes and totals are their own tables').
    Members {
        unit: usize,
        name: Option<usize>,
    },
    /// A breakdown across (单位年度收入预算): a row of names, the total
    /// first, then a row of figures under them.
    Across {
        what: Across,
        total: &'static str,
        names: Option<Vec<(usize, String)>>,
    },
    /// A table with a row per project (the 支出方向 list): the columns
    /// placed so far, from its header rows, and whether its rows began.
    List {
        cols: Vec<(usize, &'static ListCol)>,
        rows: bool,
    },
    /// The lines of a `资金总额` block, a row each (name | figure), into an
    /// amount tree of the unit.
    BudgetList {
        tree: usize,
        label: usize,
    },
    /// 实施进度 as a grid: 项目实施内容 | 开始时间 | 结束时间.
    Dated {
        content: usize,
        start: usize,
        end: usize,
        label: usize,
    },
    /// A block of a project's funding lines (按资金来源, 上年度安排资金):
    /// the label spans the rows, the lines stand right of it.
    Funding {
        label: usize,
    },
    Summary {
        idx: usize,
        serial: usize,
        code: Option<usize>,
        name: usize,
        amount: usize,
        /// Text columns: column, header, and the goal kind for a goal.
        texts: Vec<(usize, String, Option<GoalKind>)>,
    },
    Pairs {
        unit: usize,
        pairs: Vec<(usize, usize, usize)>,
        /// The columns right of each pair's figure that give the line's
        /// figures by another dimension: column and name.
        subs: Vec<Vec<(usize, String)>>,
    },
    /// A coded budget table: its header rows, then (once the first line
    /// is met) its columns.
    Coded {
        idx: usize,
        unit: usize,
        header: Vec<Vec<(usize, String)>>,
        cols: Option<CodedCols>,
    },
}

/// What a breakdown across holds.
#[derive(Clone, Copy, Debug)]
enum Across {
    Income,
    Expense,
    /// The unit's amount tree of this name (三公经费).
    Tree(&'static str),
    /// A breakdown of the budget of its own, with its total (部门收入总表):
    /// its dimension and form.
    Budget(&'static str, &'static str),
}

#[derive(Clone, Debug)]
struct Grid {
    /// The columns printed left of the grid and merged over its rows
    /// (the 2021 unit form: 单位编码, 单位名称, 年度预算申请, 整体绩效目标).
    wide: Vec<(usize, &'static WideValue)>,
    /// The names of the budget lines under 按收入性质分 and 按支出性质分:
    /// column, name, and whether the line is by expense.
    wide_lines: Vec<(usize, String, bool)>,
    /// Indicator rows read.
    read: usize,
    cols: Vec<(usize, &'static str)>,
    t1: usize,
    last_t1: String,
    last_t2: String,
}

/// What a header cell of an indicator grid names.
const GRID_HEADERS: &[(&str, &str)] = &[
    ("一级指标", "t1"),
    ("二级指标", "t2"),
    ("三级指标", "name"),
    ("指标名称", "name"),
    ("指标值类型", "cmp"),
    ("指标性质", "cmp"),
    ("指标值", "value"),
    ("指标值及单位", "value"),
    ("目标值", "value"),
    ("计量单位", "uom"),
    ("度量单位", "uom"),
    ("指标解释", "explain"),
    ("评(扣)分标准", "scoring"),
    ("评分标准", "scoring"),
    ("评（扣）分标准", "scoring"),
    ("绩效标准", "standard"),
    ("分值", "weight"),
    ("权重", "weight"),
    ("备注", "note"),
];

/// Text without the spaces published tables put between characters
/// (`项 目`, `合  计`).
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

/// Whether a cell reads as a total (合计, 总计, 小计).
pub fn is_total_text(s: &str) -> bool {
    is_total(s)
}

fn is_total(s: &str) -> bool {
    let s = squeeze(s);
    matches!(s.as_str(), "合计" | "总计" | "小计") || s.ends_with("总计") || s.ends_with("合计")
}

/// A figure as written: thousands separators and spaces dropped,
/// full-width digits as ASCII; `-`, `—` and blank for no figure.
pub fn amount_text(s: &str) -> Option<String> {
    let t: String = s
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{3000}' | '\u{a0}' | '\u{2009}'))
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' => '.',
            '－' => '-',
            _ => c,
        })
        .collect();
    if t.is_empty() || matches!(t.as_str(), "-" | "—" | "--" | "——") {
        return Some("-".to_string());
    }
    t.parse::<rust_decimal::Decimal>().ok().map(|_| t)
}

fn why(id: &'static str) -> Message {
    Message::new(id)
}

struct Walker<'s> {
    sheet: &'s Sheet,
    book: Book,
    target: Target,
    mode: Mode,
    filler: Option<String>,
    title: Option<String>,
    /// The table being read is a unit table whose name is not read yet.
    pending_unit: bool,
    after_grid: bool,
    /// The column of the labels of the table being read.
    label_col: usize,
    recognised: bool,
    first_failure: Option<(usize, usize)>,
    /// The official forms the last title names.
    forms: Vec<&'static Form>,
    /// The columns printed left of an indicator grid, read from the
    /// header rows above its column headers.
    wide: Vec<(usize, &'static WideValue)>,
    /// The title of a unit's table and its cell, until the table names
    /// its unit: a title other than the form's for that unit is the
    /// unit's `表题`.
    title_pending: Option<(String, String)>,
}

pub fn recognise(sheets: &[Sheet]) -> Book {
    let mut book = Book::default();
    for sheet in sheets {
        let mut w = Walker {
            sheet,
            book: std::mem::take(&mut book),
            target: Target::None,
            mode: Mode::Head,
            filler: None,
            title: None,
            pending_unit: false,
            after_grid: false,
            label_col: 0,
            recognised: false,
            first_failure: None,
            forms: Vec::new(),
            wide: Vec::new(),
            title_pending: None,
        };
        let before = w.book.diags.len();
        for r in 0..sheet.rows.len() {
            w.settle_title();
            w.row(r);
        }
        w.settle_title();
        let has_cells = sheet
            .rows
            .iter()
            .any(|r| r.iter().any(|c| !c.text.is_empty()));
        if has_cells && !w.recognised {
            // Nothing recognised: one error at the first cell, instead of a
            // warning for each.
            w.book.diags.truncate(before);
            let (r, c) = w.first_failure.unwrap_or_else(|| first_cell(sheet));
            w.book.diags.push(
                Diagnostic::new(
                    Code::I002,
                    msg!(
                        "i002-unknown-layout",
                        sheet = sheet.name.clone(),
                        cell = address(&sheet.name, r, c),
                        text = sheet.get(r, c).to_string()
                    ),
                )
                .help(msg!("i002-help")),
            );
        }
        book = w.book;
    }
    book
}

fn first_cell(sheet: &Sheet) -> (usize, usize) {
    for (r, row) in sheet.rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.text.is_empty() {
                return (r, c);
            }
        }
    }
    (0, 0)
}

impl Walker<'_> {
    fn cells(&self, r: usize) -> Vec<(usize, String)> {
        self.sheet.rows[r]
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.text.is_empty())
            .map(|(k, c)| (k, c.text.clone()))
            .collect()
    }

    fn at(&self, r: usize, c: usize) -> String {
        address(&self.sheet.name, r, c)
    }

    fn not_placed(&mut self, r: usize, c: usize, reason: &'static str) {
        if self.first_failure.is_none() {
            self.first_failure = Some((r, c));
        }
        let d = Diagnostic::new(
            Code::I001,
            msg!(
                "i001-not-placed",
                cell = self.at(r, c),
                text = self.sheet.get(r, c).to_string(),
                why = why(reason)
            ),
        );
        self.book.diags.push(d);
    }

    fn amount(&mut self, r: usize, c: usize) -> String {
        let t = self.sheet.get(r, c);
        match amount_text(t) {
            Some(a) => a,
            None => {
                self.not_placed(r, c, "i001-not-an-amount");
                "-".to_string()
            }
        }
    }

    fn unit_named(&mut self, name: &str) -> usize {
        if let Some(k) = self.book.units.iter().position(|u| u.name == name) {
            return k;
        }
        self.book.units.push(UnitT {
            name: name.to_string(),
            ..UnitT::default()
        });
        self.book.units.len() - 1
    }

    /// The unit rows go to when no table says: the 填报单位, else the
    /// last unit.
    fn current_unit(&mut self) -> Option<usize> {
        match self.target {
            Target::Unit(u) | Target::Project(u, _) => return Some(u),
            Target::None => {}
        }
        if let Some(f) = self.filler.clone() {
            return Some(self.unit_named(&f));
        }
        None
    }

    fn row(&mut self, r: usize) {
        let cells = self.cells(r);
        if cells.is_empty() {
            return;
        }
        // Lines of metadata: 填报单位：… 金额单位：…
        let mut rest = Vec::new();
        for (c, t) in &cells {
            // 填报单位（盖章）：… on the older forms.
            let s = squeeze(t).replace("（盖章）", "").replace("(盖章)", "");
            if let Some(v) = strip_label(&s, &["填报单位", "单位名称", "填报部门", "部门名称"])
            {
                if !v.is_empty() && cells.len() <= 2 {
                    let name = t.split([':', '：']).nth(1).unwrap_or("");
                    let name = name.replace("（盖章）", "").replace("(盖章)", "");
                    self.filler = Some(name.trim().to_string());
                    self.book.filler = self.filler.clone();
                    self.recognised = true;
                    continue;
                }
            }
            if let Some(v) = strip_label(&s, &["金额单位", "单位"]) {
                if !v.is_empty() && v.len() <= 12 {
                    self.book.money.get_or_insert(v);
                    self.recognised = true;
                    continue;
                }
            }
            if self.form_line(r, *c, t) {
                continue;
            }
            rest.push((*c, t.clone()));
        }
        if rest.is_empty() {
            return;
        }
        let cells = rest;
        let heads: Vec<String> = cells.iter().map(|(_, t)| squeeze(t)).collect();

        // A table with a row per project: its header rows, then its rows.
        if self.list_row(r, &cells) {
            return;
        }
        // A budget table of coded lines (类/款/项, 经济科目).
        if self.coded_row(r, &cells) {
            return;
        }
        // The headings over the tables of a form side by side (收 入 | 支 出
        // over their 项 目 | 本年预算 columns).
        if self.parallel_headings(&heads) {
            return;
        }
        // An indicator grid printed without column headers, its label
        // left of its first row (部门整体支出年度绩效指标 | 产出指标 | …).
        if let Some(g) = self.headless_grid(&cells) {
            self.recognised = true;
            if self.grid_row(r, &cells[1..], g.clone()) {
                return;
            }
            // Not a row of the grid after all: its cells are named.
            for (c, _) in &cells[1..] {
                self.not_placed(r, *c, "i001-no-column");
            }
            self.mode = Mode::Grid(g);
            return;
        }
        // The header rows above an indicator grid that has columns left
        // of it (单位编码 | 单位名称 | 年度预算申请 | 整体绩效目标).
        if !heads.iter().any(|h| h == "三级指标") && self.wide_head_row(&cells) {
            return;
        }
        // An indicator grid's header row.
        if heads.iter().any(|h| h == "三级指标" || h == "指标名称")
            && heads
                .iter()
                .any(|h| h.starts_with("指标值") || h == "一级指标")
        {
            self.grid_header(r, &cells);
            return;
        }
        // The header of a 系统 unit's 所属单位 list.
        if let Mode::Members { unit, name: None } = self.mode {
            if heads.iter().any(|h| h == "序号") {
                let name = cells
                    .iter()
                    .find(|(_, t)| squeeze(t).ends_with("名称"))
                    .map(|(c, _)| *c);
                if name.is_none() {
                    for (c, _) in &cells {
                        self.not_placed(r, *c, "i001-members");
                    }
                }
                self.mode = Mode::Members { unit, name };
                return;
            }
        }
        // A summary table's header row: 序号 | 名称 | 金额.
        if let Some(mode) = self.summary_header(&cells) {
            self.mode = mode;
            self.recognised = true;
            return;
        }
        // A budget table's header row: 项目 | 金额 (one pair or more).
        if let Some(mode) = self.pairs_header(&cells) {
            self.mode = mode;
            self.recognised = true;
            return;
        }
        // A title.
        if cells.len() == 1 && is_title(&heads[0]) {
            self.title_row(&cells[0].1);
            if self
                .forms
                .iter()
                .any(|f| f.subject == crate::forms::Subject::Unit)
            {
                self.title_pending = Some((cells[0].1.trim().to_string(), self.at(r, cells[0].0)));
            }
            return;
        }

        match self.mode.clone() {
            Mode::Grid(g) => {
                if self.grid_row(r, &cells, g) {
                    return;
                }
                self.mode = Mode::Head;
                self.after_grid = true;
            }
            Mode::Summary {
                idx,
                serial,
                code,
                name,
                amount,
                texts,
            } => {
                let cols = SummaryCols {
                    serial,
                    code,
                    name,
                    amount,
                    texts,
                };
                self.summary_row(r, &cells, idx, &cols);
                return;
            }
            Mode::Pairs { unit, pairs, subs } => {
                self.pairs_row(r, &cells, unit, &pairs, &subs);
                return;
            }
            Mode::Sides { inc, exp, label } => {
                if cells[0].0 > label {
                    self.side_row(r, &cells, inc, exp);
                    return;
                }
                self.mode = Mode::Head;
            }
            Mode::Schedule { label } => {
                if cells[0].0 > label {
                    self.schedule_row(r, &cells);
                    return;
                }
                self.mode = Mode::Head;
            }
            Mode::Funding { label } => {
                if cells[0].0 > label {
                    for (c, _) in &cells {
                        self.not_placed(r, *c, "i001-funding-lines");
                    }
                    return;
                }
                self.mode = Mode::Head;
            }
            Mode::Members { unit, name } => {
                let serial = amount_text(&squeeze(&cells[0].1).replace('-', ""));
                if let (Some(n), true) = (name, serial.is_some_and(|s| s != "-")) {
                    let member = self.sheet.get(r, n).trim().to_string();
                    if member.is_empty() {
                        self.not_placed(r, cells[0].0, "i001-row-without-name");
                    } else {
                        let at = self.at(r, n);
                        self.book.units[unit].members.push((member, at));
                    }
                    return;
                }
                self.mode = Mode::Head;
            }
            Mode::Detail {
                content,
                item,
                amount,
                basis,
            } => {
                if self.detail_row(r, &cells, [content, item, amount, basis]) {
                    self.mode = Mode::Head;
                }
                return;
            }
            Mode::Funds {
                name,
                prior,
                amount,
                basis,
                label,
                detail,
            } => {
                if cells[0].0 > label {
                    self.funds_row(r, &cells, [Some(name), prior, Some(amount), basis], detail);
                    return;
                }
                self.mode = Mode::Head;
            }
            Mode::Across { what, total, names } => {
                match names {
                    None => {
                        self.mode = Mode::Across {
                            what,
                            total,
                            names: Some(cells.clone()),
                        };
                    }
                    Some(names) => {
                        self.across_row(r, &cells, what, total, &names);
                        self.mode = Mode::Head;
                    }
                }
                return;
            }
            Mode::BudgetList { tree, label } => {
                if cells[0].0 > label {
                    self.budget_list_row(r, &cells, tree);
                    return;
                }
                self.mode = Mode::Head;
            }
            Mode::Dated {
                content,
                start,
                end,
                label,
            } => {
                if cells[0].0 > label {
                    self.dated_row(r, &cells, content, start, end);
                    return;
                }
                self.mode = Mode::Head;
            }
            Mode::Plans { cols, label } => {
                if cells[0].0 > label {
                    let get = |k: usize| {
                        let end = cols.get(k + 1).copied().unwrap_or(usize::MAX);
                        cells
                            .iter()
                            .filter(|(c, _)| *c >= cols[k] && *c < end)
                            .map(|(_, t)| t.clone())
                            .collect::<Vec<_>>()
                            .join(" ")
                    };
                    let row = [get(0), get(1), get(2)];
                    if let Some(u) = self.current_unit() {
                        self.book.units[u].plans.push(row);
                    }
                    return;
                }
                self.mode = Mode::Head;
            }
            Mode::Head | Mode::List { .. } | Mode::Coded { .. } => {}
        }
        self.head_row(r, &cells, &heads);
    }

    /// Once a unit's table names its unit: its title, when it is not the
    /// one the form prints for the unit (`{单位}整体支出绩效目标表`), is the
    /// unit's `表题` (岳阳's 中共岳阳市委政策研究室本级整体支出绩效目标表).
    fn settle_title(&mut self) {
        let u = match self.target {
            Target::Unit(u) => u,
            Target::Project(..) => {
                self.title_pending = None;
                return;
            }
            Target::None => return,
        };
        let Some((title, at)) = self.title_pending.take() else {
            return;
        };
        let name = self.book.units[u].name.clone();
        let year = self.book.year.clone();
        let printed = self
            .forms
            .iter()
            .filter(|f| f.subject == crate::forms::Subject::Unit)
            // Without the year the form's title is not known.
            .filter(|f| year.is_some() || !f.title.contains("{年}"))
            .map(|f| {
                f.title
                    .replace("{单位}", &name)
                    .replace("{名称}", &name)
                    .replace("{年}", year.as_deref().unwrap_or_default())
            })
            .collect::<Vec<_>>();
        let printed = printed.is_empty() || printed.iter().any(|t| squeeze(t) == squeeze(&title));
        let stated = self.book.units[u]
            .properties
            .iter()
            .any(|(k, _, _)| k == "表题");
        if !printed && !stated {
            self.property(u, None, "表题", &title, at);
        }
    }

    fn title_row(&mut self, title: &str) {
        let s = squeeze(title);
        self.recognised = true;
        if self.book.year.is_none() {
            let digits: String = s.chars().take_while(|c| c.is_ascii_digit()).collect();
            if digits.len() == 4 && s[4..].starts_with('年') {
                self.book.year = Some(digits);
            }
        }
        self.forms = catalogue::forms_of_title(title);
        // A form of the older local framework (by the catalogue's defaults
        // of 地方旧式); a title of no known form, by its `…申报表` ending.
        let old = crate::forms::defaults(Some("地方旧式"));
        let old_form = if self.forms.is_empty() {
            s.ends_with("申报表")
        } else {
            self.forms
                .iter()
                .any(|f| old.iter().any(|o| std::ptr::eq(*o, *f)))
        };
        if old_form {
            self.book.old_form_title = true;
        }
        self.title = Some(title.trim().to_string());
        self.wide.clear();
        self.mode = Mode::Head;
        self.after_grid = false;
        // A form that is a breakdown across and nothing else (部门收入总表):
        // its row of names follows the title.
        if let Some(m) = self.forms.iter().find_map(|f| across_body(f)) {
            self.mode = m;
        }
        if s.contains("整体支出绩效目标") || s.contains("整体绩效目标") {
            self.pending_unit = true;
            self.target = Target::None;
        } else if s.contains("项目支出绩效目标") || s.contains("项目绩效目标") {
            self.pending_unit = false;
            self.target = Target::None;
        } else {
            self.pending_unit = false;
        }
    }

    fn grid_header(&mut self, r: usize, cells: &[(usize, String)]) {
        let mut cols = Vec::new();
        for (k, (c, t)) in cells.iter().enumerate() {
            let h = squeeze(t);
            // The section's label in the first cell of the header row
            // (项目年度绩效指标 | 一级指标 | …).
            if k == 0 && h.ends_with("绩效指标") {
                continue;
            }
            match GRID_HEADERS.iter().find(|(k, _)| *k == h) {
                Some((_, role)) => cols.push((*c, *role)),
                None => match self.wide_header(t) {
                    Some(Some(w)) => self.wide.push((*c, w)),
                    Some(None) => {}
                    None => self.not_placed(r, *c, "i001-unknown-column"),
                },
            }
        }
        let wide = std::mem::take(&mut self.wide);
        let t1 = cols
            .iter()
            .find(|(_, k)| *k == "t1")
            .map(|(c, _)| *c)
            .unwrap_or(cells[0].0);
        // A grid with the unit's columns left of it names its unit in
        // its first row.
        if self.target == Target::None && wide.is_empty() {
            match self.current_unit() {
                Some(u) => self.target = Target::Unit(u),
                None => {
                    self.not_placed(r, cells[0].0, "i001-no-unit");
                    return;
                }
            }
        }
        self.recognised = true;
        self.mode = Mode::Grid(Grid {
            wide,
            wide_lines: Vec::new(),
            read: 0,
            cols,
            t1,
            last_t1: String::new(),
            last_t2: String::new(),
        });
    }

    /// An indicator row, or false when the row is not one (the grid ends).
    fn grid_row(&mut self, r: usize, cells: &[(usize, String)], mut g: Grid) -> bool {
        let mut cells = cells;
        let rest;
        if cells[0].0 < g.t1 && !g.wide.is_empty() {
            // The names of the budget lines, on the header's last row.
            if g.read == 0 && cells.iter().all(|(c, _)| *c < g.t1) && self.wide_names(cells, &mut g)
            {
                self.mode = Mode::Grid(g);
                return true;
            }
            // The unit's columns on the grid's first row.
            self.wide_values(r, cells, &g);
            rest = cells
                .iter()
                .filter(|(c, _)| *c >= g.t1)
                .cloned()
                .collect::<Vec<_>>();
            if rest.is_empty() {
                self.mode = Mode::Grid(g);
                return true;
            }
            cells = &rest;
        }
        if cells[0].0 < g.t1 {
            return false;
        }
        g.read += 1;
        let role = |c: usize| g.cols.iter().find(|(k, _)| *k == c).map(|(_, x)| *x);
        if cells.iter().any(|(c, _)| role(*c).is_none()) {
            return false;
        }
        let get = |k: &str| {
            cells
                .iter()
                .find(|(c, _)| role(*c) == Some(k))
                .map(|(_, t)| t.trim().to_string())
                .unwrap_or_default()
        };
        let t1 = get("t1");
        // A 一级 not named …指标 (社会效益) is still one when the row has an
        // indicator; a label and a value alone are the table's foot.
        if !t1.is_empty() && !squeeze(&t1).ends_with("指标") && get("name").is_empty() {
            return false;
        }
        let mut row = IndRow {
            t1: t1.clone(),
            t2: get("t2"),
            name: get("name"),
            cmp: get("cmp"),
            value: get("value"),
            uom: get("uom"),
            at: self.at(r, cells[0].0),
            ..IndRow::default()
        };
        for k in ["explain", "scoring", "standard", "weight", "note"] {
            let v = get(k);
            if !v.is_empty() {
                row.attrs.push((k, v));
            }
        }
        // A blank tier cell continues the one above (merged cells); a new
        // 一级 starts its 二级 afresh.
        let merged = |role: &str| {
            let Some(c) = g.cols.iter().find(|(_, x)| *x == role).map(|(c, _)| *c) else {
                return false;
            };
            !self.sheet.has_merges || self.sheet.rows[r].get(c).is_some_and(|x| x.merged_below)
        };
        if row.t1.is_empty() && merged("t1") {
            row.t1 = g.last_t1.clone();
            if row.t2.is_empty() && merged("t2") {
                row.t2 = g.last_t2.clone();
            }
        }
        row.combined = !g.cols.iter().any(|(_, k)| *k == "cmp" || *k == "uom");
        row.starts_t1 = self.sheet.has_merges && !t1.is_empty();
        row.starts_t2 = self.sheet.has_merges && !get("t2").is_empty();
        g.last_t1 = row.t1.clone();
        g.last_t2 = row.t2.clone();
        match self.target {
            Target::Unit(u) => self.book.units[u].indicators.push(row),
            Target::Project(u, p) => self.book.units[u].projects[p].indicators.push(row),
            Target::None => {}
        }
        self.mode = Mode::Grid(g);
        true
    }

    fn summary_header(&mut self, cells: &[(usize, String)]) -> Option<Mode> {
        let find =
            |f: &dyn Fn(&str) -> bool| cells.iter().find(|(_, t)| f(&squeeze(t))).map(|(c, _)| *c);
        // The summary columns of the catalogue first, then the headers
        // seen in published tables.
        let is = |h: &str, col: SumCol| {
            SUMMARY_HEADERS
                .iter()
                .any(|(n, c)| *c == col && catalogue::squeeze(n) == h)
        };
        let serial = find(&|h| is(h, SumCol::Serial))?;
        let name =
            find(&|h| is(h, SumCol::Name) || h.ends_with("名称") || h == "项目" || h == "单位")?;
        let amount = find(&|h| {
            is(h, SumCol::Amount)
                || h.starts_with("金额")
                || h.starts_with("资金总额")
                || h.starts_with("预算数")
                || h.starts_with("合计")
        })?;
        let code = find(&|h| is(h, SumCol::Code) || h.ends_with("编码"));
        let mut texts = Vec::new();
        for (c, t) in cells {
            if [Some(serial), Some(name), Some(amount), code].contains(&Some(*c)) {
                continue;
            }
            let h = squeeze(t);
            let kind = match h.as_str() {
                "实施期绩效目标" | "实施期目标" => Some(GoalKind::Term),
                "年度绩效目标" | "年度目标" => Some(GoalKind::Annual),
                "绩效目标" | "整体绩效目标" => Some(GoalKind::Overall),
                _ => None,
            };
            texts.push((*c, t.trim().to_string(), kind));
        }
        // The summary forms whose columns the header shows: their lines
        // under the table are known then.
        let shown: Vec<String> = cells.iter().map(|(_, t)| squeeze(t)).collect();
        let summaries: Vec<&'static Form> = crate::forms::CATALOGUE
            .iter()
            .copied()
            .filter(|f| {
                f.body.iter().any(|b| {
                    matches!(b, Block::Summary { columns, .. }
                        if columns.iter().all(|(h, _)| shown.iter().any(|s| s.starts_with(&squeeze(h)))))
                })
            })
            .collect();
        if !summaries.is_empty() {
            self.forms = summaries;
        }
        let name_text = self
            .title
            .clone()
            .unwrap_or_else(|| self.sheet.name.clone());
        self.book.summaries.push(SummaryT {
            name: name_text,
            ..SummaryT::default()
        });
        Some(Mode::Summary {
            idx: self.book.summaries.len() - 1,
            serial,
            code,
            name,
            amount,
            texts,
        })
    }

    fn summary_row(&mut self, r: usize, cells: &[(usize, String)], idx: usize, k: &SummaryCols) {
        let get = |c: usize| self.sheet.get(r, c).trim().to_string();
        let s = get(k.serial);
        let n = get(k.name);
        if is_total(&s) || is_total(&n) {
            let a = self.amount(r, k.amount);
            self.book.summaries[idx].total = Some(a);
            for (c, _) in cells {
                if *c != k.serial && *c != k.name && *c != k.amount {
                    self.not_placed(r, *c, "i001-no-column");
                }
            }
            return;
        }
        if n.is_empty() {
            for (c, _) in cells {
                self.not_placed(r, *c, "i001-row-without-name");
            }
            return;
        }
        let mut row = SummaryRowT {
            serial: s,
            code: k.code.map(get).unwrap_or_default(),
            name: n,
            amount: self.amount(r, k.amount),
            ..SummaryRowT::default()
        };
        for (c, header, kind) in &k.texts {
            let t = get(*c);
            if t.is_empty() {
                continue;
            }
            match kind {
                Some(g) => row.goals.push((*g, t)),
                None => row.properties.push((header.clone(), t, self.at(r, *c))),
            }
        }
        for (c, _) in cells {
            let known = *c == k.serial
                || *c == k.name
                || *c == k.amount
                || Some(*c) == k.code
                || k.texts.iter().any(|(x, _, _)| x == c);
            if !known {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        self.book.summaries[idx].rows.push(row);
    }

    fn pairs_header(&mut self, cells: &[(usize, String)]) -> Option<Mode> {
        let is_name = |h: &str| {
            matches!(h, "项目" | "科目名称" | "科目" | "收入项目" | "支出项目")
                || h.ends_with("科目名称")
        };
        let is_amount = |h: &str| {
            h.starts_with("金额")
                || h.starts_with("本年预算")
                || h.starts_with("预算数")
                || h == "预算金额"
        };
        // The tables of the form side by side whose figure column is
        // headed 合计, with columns by another dimension after it.
        let parallel: Vec<&'static LineTable> = self
            .forms
            .iter()
            .flat_map(|f| f.body.iter())
            .find_map(|b| match b {
                Block::Parallel(tables) => Some(tables.iter().collect()),
                _ => None,
            })
            .unwrap_or_default();
        let own_total = |k: usize| {
            parallel.get(k).is_some_and(|t| {
                t.values.iter().any(
                    |v| matches!(v, ValueCol::Own(p) if p.last().is_some_and(|h| squeeze(h) == "合计")),
                )
            })
        };
        let mut pairs = Vec::new();
        for w in cells.windows(2) {
            let h = squeeze(&w[1].1);
            if is_name(&squeeze(&w[0].1))
                && (is_amount(&h) || h == "合计" && own_total(pairs.len()))
            {
                pairs.push((w[0].0, w[1].0));
            }
        }
        if pairs.is_empty() {
            return None;
        }
        let unit = self.current_unit()?;
        let title = self
            .title
            .clone()
            .unwrap_or_else(|| self.sheet.name.clone());
        // The form's tables side by side, when the catalogue says what
        // each pair of columns prints: a breakdown of the budget.
        let sides: Vec<(Option<&'static str>, bool)> = self
            .forms
            .iter()
            .flat_map(|f| f.body.iter())
            .find_map(|b| match b {
                Block::Parallel(tables) if tables.len() == pairs.len() => {
                    Some(tables.iter().map(|t| (budget_dim(t), t.top_only)).collect())
                }
                Block::Lines(t) if pairs.len() == 1 => Some(vec![(budget_dim(t), t.top_only)]),
                _ => None,
            })
            .unwrap_or_default();
        let dims: Vec<Option<&'static str>> = sides.iter().map(|s| s.0).collect();
        let form_name = self.forms.first().map(|f| f.name);
        // Columns after a pair's figure, before the next pair: the line's
        // figures by the dimension the form's table gives them.
        let mut subs: Vec<Vec<(usize, String)>> = Vec::new();
        let mut sub_dims: Vec<Option<&'static str>> = Vec::new();
        for (k, (_, a)) in pairs.iter().enumerate() {
            let next = pairs.get(k + 1).map_or(usize::MAX, |p| p.0);
            let dim = parallel.get(k).and_then(|t| {
                t.values.iter().find_map(|v| match v {
                    ValueCol::Sub { dim, .. } => Some(*dim),
                    ValueCol::Own(_) => None,
                })
            });
            let cols: Vec<(usize, String)> = match dim {
                Some(_) => cells
                    .iter()
                    .filter(|(c, _)| c > a && *c < next)
                    .map(|(c, t)| (*c, t.trim().to_string()))
                    .collect(),
                None => Vec::new(),
            };
            sub_dims.push(match dim {
                Some(Dim::Income) => Some("income"),
                Some(Dim::Expense) => Some("expense"),
                _ => None,
            });
            subs.push(cols);
        }
        let mut out = Vec::new();
        for (k, (n, a)) in pairs.iter().enumerate() {
            let name = if pairs.len() > 1 {
                format!("{title}·{}", k + 1)
            } else {
                title.clone()
            };
            self.book.units[unit].amounts.push(AmountT {
                name,
                total: "-".to_string(),
                lines: Vec::new(),
                by: None,
                of_budget: dims.get(k).copied().flatten(),
                sub_dim: sub_dims.get(k).copied().flatten(),
                table: form_name,
                top_only: sides.get(k).is_some_and(|s| s.1),
                indents: Vec::new(),
                restates_budget: false,
                ..AmountT::default()
            });
            out.push((*n, *a, self.book.units[unit].amounts.len() - 1));
        }
        Some(Mode::Pairs {
            unit,
            pairs: out,
            subs,
        })
    }

    fn pairs_row(
        &mut self,
        r: usize,
        cells: &[(usize, String)],
        unit: usize,
        pairs: &[(usize, usize, usize)],
        subs: &[Vec<(usize, String)>],
    ) {
        for (c, _) in cells {
            if !pairs.iter().any(|(n, a, _)| c == n || c == a)
                && !subs.iter().flatten().any(|(k, _)| k == c)
            {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        for (k, (n, a, t)) in pairs.iter().enumerate() {
            let name = self.sheet.get(r, *n).trim().to_string();
            let amt = self.sheet.get(r, *a).to_string();
            if name.is_empty() && amt.is_empty() {
                continue;
            }
            if name.is_empty() {
                self.not_placed(r, *a, "i001-row-without-name");
                continue;
            }
            let value = self.amount(r, *a);
            let mut by = Vec::new();
            for (c, h) in subs.get(k).into_iter().flatten() {
                by.push((h.clone(), self.amount(r, *c)));
            }
            let indent = self.sheet.indent(r, *n);
            let tree = &mut self.book.units[unit].amounts[*t];
            if is_total(&name) {
                tree.total = value;
                tree.total_subs = by;
            } else {
                tree.lines.push((name, value));
                tree.indents.push(indent);
                tree.subs.push(by);
            }
        }
    }

    fn side_row(&mut self, r: usize, cells: &[(usize, String)], inc: usize, exp: usize) {
        let Some(u) = self.current_unit() else {
            return;
        };
        let mut i = 0;
        while i < cells.len() {
            let (c, name) = &cells[i];
            let side_exp = *c >= exp;
            let next = cells.get(i + 1);
            let amount_cell = next.filter(|(k, _)| {
                (*k >= exp) == side_exp && amount_text(self.sheet.get(r, *k)).is_some()
            });
            let (amount, step) = match amount_cell {
                Some((k, _)) => (self.amount(r, *k), 2),
                None => ("-".to_string(), 1),
            };
            if *c < inc || amount_text(name).is_some_and(|a| a != "-") {
                self.not_placed(r, *c, "i001-no-column");
                i += 1;
                continue;
            }
            let b = self.book.units[u]
                .budget
                .get_or_insert_with(BudgetT::default);
            if side_exp {
                b.expense.push((name.trim().to_string(), amount));
            } else {
                b.income.push((name.trim().to_string(), amount));
            }
            i += step;
        }
    }

    fn head_row(&mut self, r: usize, cells: &[(usize, String)], heads: &[String]) {
        // A section label before the row's own label (项目基本情况 | 项目名称
        // | …): the row is read from its own label.
        if cells.len() >= 3 && heads[0].ends_with("情况") && heads[1] == "项目名称" {
            return self.head_row(r, &cells[1..], &heads[1..]);
        }
        if self.form_row(r, cells) {
            return;
        }
        let label = heads[0].as_str();
        let value = |k: usize| cells.get(k).map(|(_, t)| t.trim().to_string());
        let two = cells.len() == 2;

        // The side headers of 年度预算申请.
        if let (Some(i), Some(e)) = (
            heads.iter().position(|h| h == "按收入性质分"),
            heads.iter().position(|h| h == "按支出性质分"),
        ) {
            if cells.len() == 2 {
                let label = cells[0].0.saturating_sub(1);
                self.mode = Mode::Sides {
                    inc: cells[i].0,
                    exp: cells[e].0,
                    label,
                };
                return;
            }
        }
        let name_label = matches!(
            label,
            "部门（单位）名称" | "部门(单位)名称" | "单位名称" | "部门名称"
        );
        if name_label
            && two
            && (self.pending_unit || self.target == Target::None)
            && !self.after_grid
        {
            let name = value(1).unwrap_or_default();
            let u = self.unit_named(&name);
            self.target = Target::Unit(u);
            self.pending_unit = false;
            self.recognised = true;
            self.label_col = cells[0].0;
            return;
        }
        // The project's name (支出方向（子项） on the 2020 direction form),
        // with label pairs after it (所属专项名称 | …) read as properties.
        let project_label = matches!(label, "项目名称" | "支出方向（子项）" | "支出方向(子项)");
        if project_label && cells.len() >= 2 && cells.len() % 2 == 0 {
            let Some(u) = self.current_unit_for_project() else {
                self.not_placed(r, cells[0].0, "i001-no-unit");
                return;
            };
            self.book.units[u].projects.push(ProjectT {
                name: value(1).unwrap_or_default(),
                amount: "-".to_string(),
                ..ProjectT::default()
            });
            let p = self.book.units[u].projects.len() - 1;
            self.target = Target::Project(u, p);
            self.recognised = true;
            self.label_col = cells[0].0;
            self.after_grid = false;
            for pair in cells[2..].chunks(2) {
                let at = self.at(r, pair[1].0);
                self.book.units[u].projects[p].properties.push((
                    pair[0].1.trim().to_string(),
                    pair[1].1.trim().to_string(),
                    at,
                ));
            }
            return;
        }
        let target = self.target;
        if target == Target::None {
            for (c, _) in cells {
                self.not_placed(r, *c, "i001-outside-table");
            }
            return;
        }
        if label == "实施进度" && matches!(target, Target::Project(..)) {
            self.mode = Mode::Schedule { label: cells[0].0 };
            self.schedule_row(r, &cells[1..]);
            return;
        }
        if (heads.iter().any(|h| h == "支出内容简介" || h == "支出明细")
            || label.starts_with("支出明细"))
            && matches!(target, Target::Project(..))
        {
            if self.detail_header(cells) {
                return;
            }
            for (c, _) in cells {
                self.not_placed(r, *c, "i001-spending-detail");
            }
            return;
        }
        // A project's funding block (按资金来源 | 市级资金 | …, 上年度安排资金 |
        // 上年度安排资金 | 68): its lines are not imported, and named.
        let funding = matches!(target, Target::Project(..))
            && cells[0].0 == self.label_col
            && (label.starts_with('按') || heads.get(1).is_some_and(|h| h == label));
        if funding {
            self.mode = Mode::Funding { label: cells[0].0 };
            for (c, _) in cells {
                self.not_placed(r, *c, "i001-funding-lines");
            }
            return;
        }
        // A row that does not start in the column of the labels has no
        // place.
        let block = matches!(target, Target::Project(..)) && is_total(label);
        if block || (cells[0].0 > self.label_col && !label.starts_with("资金总额")) {
            for (c, _) in cells {
                self.not_placed(r, *c, "i001-no-column");
            }
            return;
        }
        if label.starts_with("年度预算申请") || label == "资金总额" {
            if let Target::Unit(u) = target {
                let k = heads
                    .iter()
                    .position(|h| h == "资金总额")
                    .map_or(1, |k| k + 1);
                let total = match cells.get(k) {
                    Some((c, _)) => self.amount(r, *c),
                    None => "-".to_string(),
                };
                self.book.units[u]
                    .budget
                    .get_or_insert_with(BudgetT::default)
                    .total = total;
                for (c, _) in cells.iter().skip(k + 1) {
                    self.not_placed(r, *c, "i001-no-column");
                }
                return;
            }
        }
        if label.starts_with("项目金额") && cells.len() >= 2 && cells.len() % 2 == 0 {
            if let Target::Project(u, p) = target {
                let a = self.amount(r, cells[1].0);
                self.book.units[u].projects[p].amount = a;
                for pair in cells[2..].chunks(2) {
                    let at = self.at(r, pair[1].0);
                    self.book.units[u].projects[p].properties.push((
                        pair[0].1.trim().to_string(),
                        pair[1].1.trim().to_string(),
                        at,
                    ));
                }
                return;
            }
        }
        // Section labels: what follows is recognised by its own header.
        if label == "年度绩效指标" && cells.len() == 1 {
            return;
        }
        if let (true, Target::Unit(u)) = (label == "所属单位" && cells.len() == 1, self.target)
        {
            self.book.units[u].rollup = true;
            self.mode = Mode::Members {
                unit: u,
                name: None,
            };
            return;
        }
        if label == "年度重点工作计划" {
            let find = |f: &dyn Fn(&str) -> bool| {
                cells.iter().find(|(_, t)| f(&squeeze(t))).map(|(c, _)| *c)
            };
            if let (Some(a), Some(b), Some(c)) = (
                find(&|h| h == "事项"),
                find(&|h| h.starts_with("责任")),
                find(&|h| h == "工作目标"),
            ) {
                self.mode = Mode::Plans {
                    cols: [a, b, c],
                    label: cells[0].0,
                };
                return;
            }
        }
        let goal = match label {
            "整体绩效目标" | "绩效目标" | "总体绩效目标" => Some(GoalKind::Overall),
            "实施期绩效目标" | "实施期目标" => Some(GoalKind::Term),
            "年度绩效目标" | "年度目标" => Some(GoalKind::Annual),
            _ => None,
        };
        if let (Some(kind), true, false) = (goal, cells.len() <= 2, self.after_grid) {
            let text = value(1).unwrap_or_default();
            match target {
                Target::Unit(u) => self.book.units[u].goals.push((kind, text)),
                Target::Project(u, p) => self.book.units[u].projects[p].goals.push((kind, text)),
                Target::None => {}
            }
            return;
        }
        if two && !self.after_grid {
            match (label, target) {
                ("部门职责概述" | "部门职责", Target::Unit(u)) => {
                    self.book.units[u].duties = value(1);
                    return;
                }
                ("人员情况", Target::Unit(u)) => {
                    self.book.units[u].staff =
                        Some((value(1).unwrap_or_default(), self.at(r, cells[1].0)));
                    return;
                }
                ("单位编码", Target::Unit(u)) => {
                    self.book.units[u].code = value(1);
                    return;
                }
                ("项目编码", Target::Project(u, p)) => {
                    self.book.units[u].projects[p].code = value(1);
                    return;
                }
                ("项目实施期" | "实施期", Target::Project(u, p)) => {
                    let at = self.at(r, cells[1].0);
                    self.book.units[u].projects[p].period =
                        Some((value(1).unwrap_or_default(), at));
                    return;
                }
                _ => {}
            }
        }
        if two {
            let key = cells[0].1.trim().to_string();
            let val = value(1).unwrap_or_default();
            let at = self.at(r, cells[1].0);
            match target {
                Target::Unit(u) => self.book.units[u].properties.push((key, val, at)),
                Target::Project(u, p) => self.book.units[u].projects[p]
                    .properties
                    .push((key, val, at)),
                Target::None => {}
            }
            return;
        }
        // Labels and values side by side (项目负责人 | 柳旭 | 联系电话 |
        // 2115589): a property for each pair.
        let pairs = cells.len() >= 4
            && cells.len() % 2 == 0
            && cells[0].0 == self.label_col
            && cells.iter().step_by(2).all(|(_, t)| {
                let t = squeeze(t);
                t.chars().count() <= 12 && amount_text(&t).is_none()
            });
        if pairs {
            for pair in cells.chunks(2) {
                let key = pair[0].1.trim().to_string();
                let val = pair[1].1.trim().to_string();
                let at = self.at(r, pair[1].0);
                match target {
                    Target::Unit(u) => self.book.units[u].properties.push((key, val, at)),
                    Target::Project(u, p) => self.book.units[u].projects[p]
                        .properties
                        .push((key, val, at)),
                    Target::None => {}
                }
            }
            return;
        }
        // A label alone in the column of the labels: a property left blank
        // (项目概况 with nothing written).
        let bare_label = cells.len() == 1
            && cells[0].0 == self.label_col
            && label.chars().count() <= 20
            && !label.contains([':', '：'])
            && !label.starts_with('注');
        if bare_label {
            let key = cells[0].1.trim().to_string();
            let at = self.at(r, cells[0].0);
            match target {
                Target::Unit(u) => self.book.units[u].properties.push((key, String::new(), at)),
                Target::Project(u, p) => {
                    self.book.units[u].projects[p]
                        .properties
                        .push((key, String::new(), at))
                }
                Target::None => {}
            }
            return;
        }
        for (c, _) in cells {
            self.not_placed(r, *c, "i001-outside-table");
        }
    }

    /// One 实施进度 row: its content (blank or not) and, in its last
    /// cell, the period.
    fn schedule_row(&mut self, r: usize, cells: &[(usize, String)]) {
        let Target::Project(u, p) = self.target else {
            return;
        };
        let Some(((pc, period), content)) = cells.split_last() else {
            return;
        };
        let content = content
            .iter()
            .map(|(_, t)| t.trim())
            .collect::<Vec<_>>()
            .join(" ");
        let at = self.at(r, *pc);
        self.book.units[u].projects[p]
            .schedule
            .push((content, period.trim().to_string(), at));
    }

    fn current_unit_for_project(&mut self) -> Option<usize> {
        if let Some(f) = self.filler.clone() {
            return Some(self.unit_named(&f));
        }
        match self.target {
            Target::Unit(u) | Target::Project(u, _) => Some(u),
            Target::None => self.book.units.len().checked_sub(1),
        }
    }
}

/// The indicator framework the tables follow, when they show it: 成本指标
/// as a 一级 is the 2021 form (财预〔2021〕101号); 满意度指标 as a 一级,
/// or 成本 under 产出 with no satisfaction tier, the 2020 form; 服务对象
/// 满意度 under 效益 (no 满意度 一级), or 成本 under 产出 in an older
/// `…申报表`, the older local form. `None` when the tables do not tell (no
/// tiers, or the shapes of two forms at once).
pub fn infer_scheme(book: &Book) -> Option<Inferred> {
    use crate::check::frameworks::norm;
    let rows = book.units.iter().flat_map(|u| {
        u.indicators
            .iter()
            .chain(u.projects.iter().flat_map(|p| p.indicators.iter()))
    });
    // The first row that shows each shape: its cell.
    let (mut cost1, mut cost2, mut sat1, mut sat_under_benefit) = (None, None, None, None);
    for r in rows {
        let t1 = norm(&r.t1);
        let t2 = norm(&r.t2);
        let at = || Some(r.at.clone());
        match t1.as_str() {
            "成本" => cost1 = cost1.or_else(at),
            "产出" if t2 == "成本" => cost2 = cost2.or_else(at),
            "满意度" => sat1 = sat1.or_else(at),
            "效益" | "效果" if t2.contains("满意度") => {
                sat_under_benefit = sat_under_benefit.or_else(at)
            }
            _ => {}
        }
    }
    let found = |scheme, at: Option<String>, why| at.map(|cell| Inferred { scheme, cell, why });
    if cost1.is_some() {
        if cost2.is_some() {
            return None;
        }
        return found("财预2021", cost1, "i005-cost-first-tier");
    }
    if sat1.is_some() {
        if sat_under_benefit.is_some() {
            return None;
        }
        return found("财预2020", sat1, "i005-satisfaction-first-tier");
    }
    if sat_under_benefit.is_some() {
        return found(
            "地方旧式",
            sat_under_benefit,
            "i005-satisfaction-under-benefit",
        );
    }
    if book.old_form_title && cost2.is_some() {
        return found("地方旧式", cost2, "i005-cost-under-output-old-form");
    }
    found("财预2020", cost2, "i005-cost-under-output")
}

/// The framework the tables' tiers show, the cell that first shows it
/// and the message that says how.
#[derive(Debug)]
pub struct Inferred {
    pub scheme: &'static str,
    pub cell: String,
    pub why: &'static str,
}

/// `填报单位：X` → `X` when the text starts with one of the labels and a
/// colon.
fn strip_label(s: &str, labels: &[&str]) -> Option<String> {
    for l in labels {
        if let Some(rest) = s.strip_prefix(l) {
            if let Some(v) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('：')) {
                return Some(v.to_string());
            }
        }
    }
    None
}

fn is_title(s: &str) -> bool {
    crate::forms::find(s).is_some()
        || s.ends_with("绩效目标表")
        || s.ends_with("汇总表")
        || s.ends_with("申报表")
        || s.ends_with("总表")
        || s.ends_with("明细表")
        || s.ends_with("情况表")
        || (s.ends_with('表') && s.chars().count() >= 6)
}

/// Whether a source shows `what`, alone or as the fallback of an `Or`.
fn shows(src: &Source, what: fn(&Source) -> bool) -> bool {
    match src {
        Source::Or(list) => list.iter().any(|s| shows(s, what)),
        s => what(s),
    }
}

fn is_project_name(s: &Source) -> bool {
    matches!(s, Source::ProjectName)
}

fn is_unit_name(s: &Source) -> bool {
    matches!(s, Source::UnitName)
}

fn same_figure(a: &str, b: &str) -> bool {
    match (
        a.parse::<rust_decimal::Decimal>(),
        b.parse::<rust_decimal::Decimal>(),
    ) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// The budget breakdown a table of budget lines prints, when it prints
/// the budget's own lines one step down (`by income`).
fn budget_dim(t: &crate::forms::LineTable) -> Option<&'static str> {
    use crate::forms::Step;
    if !t.lines.budget {
        return None;
    }
    match t.lines.path {
        [Step::By(Dim::Income)] => Some("income"),
        [Step::By(Dim::Expense)] => Some("expense"),
        [Step::By(Dim::Functional)] => Some("functional"),
        _ => None,
    }
}

/// The columns of the forms' tables with a row per project.
fn list_cols<'a>(forms: &'a [&'static Form]) -> impl Iterator<Item = &'static ListCol> + 'a {
    forms.iter().flat_map(|f| {
        f.body.iter().flat_map(|b| match b {
            Block::ProjectList { columns } => columns.iter(),
            _ => [].iter(),
        })
    })
}

/// One indicator of a 二级 cell of the list, as printed: its name, then
/// its value when the rest of the line holds a figure (`短信 10000条`,
/// `满意度 达到 100%`); a line without one is a name alone.
fn list_indicator(line: &str) -> (String, String) {
    let line = line.trim();
    let mut from = 0;
    while let Some(k) = line[from..].find(' ') {
        let at = from + k;
        let rest = line[at..].trim();
        if rest.chars().any(|c| c.is_ascii_digit()) {
            return (line[..at].trim().to_string(), rest.to_string());
        }
        from = at + 1;
    }
    (line.to_string(), String::new())
}

/// The wide columns of the forms' indicator grids.
fn wides<'a>(forms: &'a [&'static Form]) -> impl Iterator<Item = &'static Wide> + 'a {
    forms.iter().flat_map(|f| {
        f.body.iter().flat_map(|b| match b {
            Block::Indicators { left, .. } => left.iter(),
            _ => [].iter(),
        })
    })
}

/// The breakdown across a heading of the form starts (单位年度收入预算
/// （万元）).
fn across_headed(form: &'static Form, text: &str) -> Option<Mode> {
    use crate::forms::{Dim, Step};
    form.head.iter().find_map(|p| match &p.block {
        Block::Across {
            heading: Some(h),
            lines,
            total,
        } if catalogue::matches(h, text) => {
            let what = match (lines.trees.first(), lines.budget, lines.path) {
                (_, true, [Step::By(Dim::Income)]) => Across::Income,
                (_, true, [Step::By(Dim::Expense)]) => Across::Expense,
                (Some(t), false, _) => Across::Tree(t),
                _ => return None,
            };
            Some(Mode::Across {
                what,
                total,
                names: None,
            })
        }
        _ => None,
    })
}

/// The breakdown across that is a form's whole body (部门收入总表: 总计
/// and each income across).
fn across_body(form: &'static Form) -> Option<Mode> {
    use crate::forms::Step;
    match form.body {
        [Block::Across {
            heading: None,
            lines,
            total,
        }] => {
            let what = match (lines.budget, lines.path) {
                (true, [Step::By(Dim::Income)]) => Across::Budget("income", form.name),
                (true, [Step::By(Dim::Expense)]) => Across::Budget("expense", form.name),
                _ => return None,
            };
            Some(Mode::Across {
                what,
                total,
                names: None,
            })
        }
        _ => None,
    }
}

/// A value cell read by the catalogue: its source, text and column.
type Valued = (&'static Source, String, usize);

impl Walker<'_> {
    /// A row of the header block of the form the title names, read by the
    /// catalogue: the part its label names says what its value cells
    /// hold. False when the row is not one (no form, another label, a
    /// block the generic reading handles: budget sides, plans, grids).
    fn form_row(&mut self, r: usize, cells: &[(usize, String)]) -> bool {
        let mut cells = cells;
        let forms = self.forms.clone();
        // The group's label left of the part's own (项目基本情况 | 项目名称).
        if cells.len() >= 2
            && forms.iter().any(|f| {
                catalogue::is_group(f, &cells[0].1)
                    && catalogue::part_labelled(f, &cells[1].1).is_some()
            })
        {
            cells = &cells[1..];
        }
        if cells.len() == 1 && matches!(self.target, Target::Unit(_)) {
            if let Some(mode) = forms.iter().find_map(|f| across_headed(f, &cells[0].1)) {
                self.mode = mode;
                return true;
            }
        }
        let Some(part) = forms
            .iter()
            .find_map(|f| catalogue::part_labelled(f, &cells[0].1))
        else {
            return false;
        };
        let label_col = cells[0].0;
        match &part.block {
            Block::Value(src) => {
                if cells.len() > 2 {
                    return false;
                }
                let vals: Vec<Valued> = cells
                    .get(1)
                    .map(|(c, t)| (src, t.trim().to_string(), *c))
                    .into_iter()
                    .collect();
                if vals.is_empty() && self.target == Target::None {
                    return false;
                }
                self.assign(r, &vals, label_col)
            }
            Block::Pairs(pairs) => {
                let mut vals: Vec<Valued> = Vec::new();
                let mut current = Some(0usize);
                for (c, t) in &cells[1..] {
                    if let Some(j) = pairs
                        .iter()
                        .position(|(l, _)| catalogue::pair_label_is(l, t))
                    {
                        current = Some(j);
                        continue;
                    }
                    match current.take() {
                        Some(j) => vals.push((&pairs[j].1, t.trim().to_string(), *c)),
                        None => self.not_placed(r, *c, "i001-no-column"),
                    }
                }
                self.assign(r, &vals, label_col)
            }
            Block::BudgetList {
                trees, total, dim, ..
            } if matches!(self.target, Target::Unit(_)) => {
                let Target::Unit(u) = self.target else {
                    return false;
                };
                let Some(k) = cells.iter().position(|(_, t)| squeeze(t) == squeeze(total)) else {
                    return false;
                };
                let figure = match cells.get(k + 1) {
                    Some((c, _)) => self.amount(r, *c),
                    None => "-".to_string(),
                };
                for (c, t) in cells.iter().skip(k + 2) {
                    if !self.is_money(t) {
                        self.not_placed(r, *c, "i001-no-column");
                    }
                }
                let by = match dim {
                    Dim::Expense => Some("expense"),
                    Dim::Income => Some("income"),
                    _ => None,
                };
                self.book.units[u].amounts.push(AmountT {
                    name: trees.first().copied().unwrap_or(total).to_string(),
                    total: figure,
                    lines: Vec::new(),
                    by,
                    of_budget: None,
                    indents: Vec::new(),
                    // The form prints this tree, else the budget: it
                    // restates the budget.
                    restates_budget: !trees.is_empty(),
                    ..AmountT::default()
                });
                self.mode = Mode::BudgetList {
                    tree: self.book.units[u].amounts.len() - 1,
                    label: label_col,
                };
                true
            }
            Block::Schedule if matches!(self.target, Target::Project(..)) => {
                let find = |h: &str| {
                    cells
                        .iter()
                        .find(|(_, t)| catalogue::squeeze(t) == h)
                        .map(|(c, _)| *c)
                };
                match (find("项目实施内容"), find("开始时间"), find("结束时间")) {
                    (Some(content), Some(start), Some(end)) => {
                        self.mode = Mode::Dated {
                            content,
                            start,
                            end,
                            label: label_col,
                        };
                        true
                    }
                    _ => false,
                }
            }
            Block::Funds { dim, .. } if matches!(self.target, Target::Project(..)) => {
                let find = |h: &str| {
                    cells
                        .iter()
                        .find(|(_, t)| catalogue::squeeze(t) == h)
                        .map(|(c, _)| *c)
                };
                match (find("项目"), find("本年度申请资金")) {
                    (Some(name), Some(amount)) => {
                        self.mode = Mode::Funds {
                            name,
                            prior: find("上年度安排资金"),
                            amount,
                            basis: find("测算依据及说明"),
                            label: label_col,
                            detail: *dim == crate::forms::Dim::Detail,
                        };
                        true
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// A row of a table with a row per project (the 支出方向 list): a
    /// header row (each cell a label of the form's columns, the last of
    /// each column's path placing it), or a project's row. False when the
    /// row is neither.
    fn list_row(&mut self, r: usize, cells: &[(usize, String)]) -> bool {
        let all: Vec<&'static ListCol> = list_cols(&self.forms).collect();
        if all.is_empty() {
            return false;
        }
        let labels = |t: &str| {
            let h = squeeze(t);
            all.iter().any(|c| c.path.iter().any(|p| squeeze(p) == h))
        };
        let header = cells.iter().all(|(_, t)| labels(t));
        let (mut cols, rows) = match &self.mode {
            Mode::List { cols, rows } => (cols.clone(), *rows),
            _ => (Vec::new(), false),
        };
        let starts = !matches!(self.mode, Mode::List { .. })
            && header
            && cells.len() >= 3
            && cells
                .iter()
                .all(|(_, t)| all.iter().any(|c| squeeze(c.path[0]) == squeeze(t)));
        if !starts && !matches!(self.mode, Mode::List { .. }) {
            return false;
        }
        if header && !rows {
            // Each label places the first column not yet placed whose
            // path ends in it, under the labels placed left of it.
            for (c, t) in cells {
                let h = squeeze(t);
                if let Some(col) = all.iter().find(|x| {
                    x.path.last().is_some_and(|l| squeeze(l) == h)
                        && !cols.iter().any(|(_, y)| std::ptr::eq(*y, **x))
                }) {
                    cols.push((*c, col));
                }
            }
            self.recognised = true;
            self.mode = Mode::List { cols, rows: false };
            return true;
        }
        self.list_project(r, cells, &cols);
        self.mode = Mode::List { cols, rows: true };
        true
    }

    /// A project's row of the list.
    fn list_project(
        &mut self,
        r: usize,
        cells: &[(usize, String)],
        cols: &[(usize, &'static ListCol)],
    ) {
        for (c, _) in cells {
            if !cols.iter().any(|(k, _)| k == c) {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        let name = cols.iter().find_map(|(c, col)| match &col.what {
            ListValue::Source(s) if shows(s, is_project_name) => {
                Some(self.sheet.get(r, *c).trim().to_string())
            }
            _ => None,
        });
        let Some(name) = name.filter(|n| !n.is_empty()) else {
            for (c, _) in cells {
                self.not_placed(r, *c, "i001-row-without-name");
            }
            return;
        };
        let Some(u) = self.current_unit_for_project() else {
            self.not_placed(r, cells[0].0, "i001-no-unit");
            return;
        };
        self.book.units[u].projects.push(ProjectT {
            name,
            amount: "-".to_string(),
            ..ProjectT::default()
        });
        let p = self.book.units[u].projects.len() - 1;
        self.target = Target::Project(u, p);
        for (c, col) in cols {
            let text = self.sheet.get(r, *c).trim().to_string();
            match &col.what {
                ListValue::Source(src) => {
                    // The list's amount column is the project's amount.
                    if text.is_empty() && !matches!(src, Source::ProjectAmount) {
                        continue;
                    }
                    self.put(r, *c, src, &text);
                }
                ListValue::Tier(t2) => {
                    let t1 = col
                        .path
                        .get(col.path.len().saturating_sub(2))
                        .copied()
                        .unwrap_or("");
                    let at = self.at(r, *c);
                    let mut rows: Vec<IndRow> = text
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(|l| {
                            let (name, value) = list_indicator(l);
                            IndRow {
                                t1: t1.to_string(),
                                t2: t2.to_string(),
                                name,
                                value,
                                at: at.clone(),
                                combined: true,
                                ..IndRow::default()
                            }
                        })
                        .collect();
                    if rows.is_empty() {
                        // A blank cell: the group, with nothing in it.
                        rows.push(IndRow {
                            t1: t1.to_string(),
                            t2: t2.to_string(),
                            at,
                            ..IndRow::default()
                        });
                    }
                    self.book.units[u].projects[p].indicators.extend(rows);
                }
            }
        }
    }

    /// The grid a label starts whose form prints no column headers: its
    /// columns are the form's, in order, from the cell after the label.
    fn headless_grid(&mut self, cells: &[(usize, String)]) -> Option<Grid> {
        use crate::forms::Col;
        if cells.len() < 2 || !matches!(self.target, Target::Unit(_) | Target::Project(..)) {
            return None;
        }
        let label = squeeze(&cells[0].1);
        let columns = self.forms.iter().flat_map(|f| f.body.iter()).find_map(|b| match b {
            Block::Indicators {
                left,
                columns,
                header: false,
                ..
            } if left.iter().any(|w| {
                matches!(&w.what, WideValue::Source(Source::Text(t)) if !t.is_empty() && squeeze(t) == label)
            }) =>
            {
                Some(columns)
            }
            _ => None,
        })?;
        let role = |c: Col| match c {
            Col::Tier1 => "t1",
            Col::Tier2 => "t2",
            Col::Tier3 => "name",
            Col::Type => "cmp",
            Col::Value => "value",
            Col::Unit => "uom",
            Col::Explain => "explain",
            Col::Scoring => "scoring",
            Col::Standard => "standard",
            Col::Weight => "weight",
            Col::Note => "note",
        };
        let first = cells[1].0;
        let cols: Vec<(usize, &'static str)> = columns
            .iter()
            .enumerate()
            .map(|(k, gc)| (first + k, role(gc.col)))
            .collect();
        Some(Grid {
            wide: Vec::new(),
            wide_lines: Vec::new(),
            read: 0,
            t1: first,
            cols,
            last_t1: String::new(),
            last_t2: String::new(),
        })
    }

    /// What a header cell above or in an indicator grid's header row is
    /// for a grid with columns left of it: `Some(Some(column))` the last
    /// label of a wide column, `Some(None)` a label above others (年度预算
    /// 申请) or over the grid (部门整体支出年度绩效目标), `None` neither.
    fn wide_header(&self, text: &str) -> Option<Option<&'static WideValue>> {
        let h = squeeze(text);
        for w in wides(&self.forms) {
            if w.path.last().is_some_and(|l| squeeze(l) == h) {
                return Some(Some(&w.what));
            }
            if w.path.iter().any(|l| squeeze(l) == h) {
                return Some(None);
            }
        }
        let group = self
            .forms
            .iter()
            .flat_map(|f| f.body.iter())
            .any(|b| matches!(b, Block::Indicators { group: Some(g), .. } if squeeze(g) == h));
        group.then_some(None)
    }

    /// A header row above an indicator grid whose form prints columns
    /// left of it: every cell one of their labels.
    fn wide_head_row(&mut self, cells: &[(usize, String)]) -> bool {
        if self.forms.is_empty() || wides(&self.forms).next().is_none() {
            return false;
        }
        let found: Vec<_> = cells
            .iter()
            .map(|(c, t)| (*c, self.wide_header(t)))
            .collect();
        if found.iter().any(|(_, f)| f.is_none())
            || !found.iter().any(|(_, f)| matches!(f, Some(Some(_))))
        {
            return false;
        }
        for (c, f) in found {
            if let Some(Some(w)) = f {
                self.wide.push((c, w));
            }
        }
        self.recognised = true;
        true
    }

    /// The names of the budget lines under 按收入性质分 and 按支出性质分:
    /// each under the nearest such header to its left.
    fn wide_names(&mut self, cells: &[(usize, String)], g: &mut Grid) -> bool {
        let sides: Vec<(usize, bool)> = g
            .wide
            .iter()
            .filter_map(|(c, w)| match w {
                WideValue::Lines(Dim::Income) => Some((*c, false)),
                WideValue::Lines(Dim::Expense) => Some((*c, true)),
                _ => None,
            })
            .collect();
        let mut names = Vec::new();
        for (c, t) in cells {
            let Some((_, exp)) = sides.iter().filter(|(k, _)| k <= c).max_by_key(|(k, _)| *k)
            else {
                return false;
            };
            names.push((*c, t.trim().to_string(), *exp));
        }
        g.wide_lines = names;
        true
    }

    /// The unit's columns on the first row of its grid: its code, name,
    /// budget and goal; the unit is named here.
    fn wide_values(&mut self, r: usize, cells: &[(usize, String)], g: &Grid) {
        let get = |c: usize| self.sheet.get(r, c).trim().to_string();
        let name = g
            .wide
            .iter()
            .find_map(|(c, w)| matches!(w, WideValue::Source(Source::UnitName)).then(|| get(*c)));
        if let Some(n) = name.filter(|n| !n.is_empty()) {
            let u = self.unit_named(&n);
            self.target = Target::Unit(u);
            self.pending_unit = false;
        }
        let Target::Unit(u) = self.target else {
            for (c, _) in cells.iter().filter(|(c, _)| *c < g.t1) {
                self.not_placed(r, *c, "i001-no-unit");
            }
            return;
        };
        for (c, _) in cells.iter().filter(|(c, _)| *c < g.t1) {
            let known =
                g.wide.iter().any(|(k, _)| k == c) || g.wide_lines.iter().any(|(k, _, _)| k == c);
            if !known {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        for (c, w) in &g.wide {
            if let WideValue::Source(src) = w {
                let v = get(*c);
                self.put(r, *c, src, &v);
            }
        }
        for (c, name, exp) in &g.wide_lines {
            let figure = if get(*c).is_empty() {
                "-".to_string()
            } else {
                self.amount(r, *c)
            };
            let b = self.book.units[u]
                .budget
                .get_or_insert_with(BudgetT::default);
            let side = if *exp { &mut b.expense } else { &mut b.income };
            side.push((name.clone(), figure));
        }
    }

    /// Values read by the catalogue, into the table they belong to: a
    /// row that shows a project's name starts the project (the last such
    /// cell names it: on the 支出方向 form, 所属专项名称, by which the 汇总表
    /// lists the projects), one that shows a unit's name a unit.
    fn assign(&mut self, r: usize, vals: &[Valued], label_col: usize) -> bool {
        if vals.iter().any(|(s, _, _)| shows(s, is_project_name)) {
            let name = vals
                .iter()
                .rev()
                .find(|(s, _, _)| shows(s, is_project_name))
                .map(|v| v.1.clone())
                .unwrap_or_default();
            let Some(u) = self.current_unit_for_project() else {
                self.not_placed(r, label_col, "i001-no-unit");
                return true;
            };
            self.book.units[u].projects.push(ProjectT {
                name,
                amount: "-".to_string(),
                ..ProjectT::default()
            });
            let p = self.book.units[u].projects.len() - 1;
            self.target = Target::Project(u, p);
            self.recognised = true;
            self.label_col = label_col;
            self.after_grid = false;
        } else if vals.iter().any(|(s, _, _)| shows(s, is_unit_name))
            && (self.pending_unit || self.target == Target::None)
        {
            // A cell that shows the unit's name only when no property is
            // stated (预算单位) names it when the 填报单位 line does not.
            // The unit named on an earlier sheet of the workbook is this
            // one when the cell shows its name shortened (石峰区人民政府办公室
            // for 株洲市石峰区人民政府办公室).
            let earlier = self.book.filler.clone();
            let name = vals
                .iter()
                .find(|(s, _, _)| shows(s, is_unit_name))
                .map(|(s, v, _)| match (s, &self.filler, &earlier) {
                    (Source::Or(_), Some(f), _) if !f.is_empty() => f.clone(),
                    (Source::Or(_), None, Some(f)) if !v.is_empty() && f.ends_with(v.as_str()) => {
                        f.clone()
                    }
                    _ => v.clone(),
                })
                .unwrap_or_default();
            let u = self.unit_named(&name);
            self.target = Target::Unit(u);
            self.pending_unit = false;
            self.recognised = true;
            self.label_col = label_col;
            self.after_grid = false;
        }
        if self.target == Target::None {
            return false;
        }
        for (src, v, c) in vals {
            self.put(r, *c, src, v);
        }
        true
    }

    /// One value into the field its source names.
    fn put(&mut self, r: usize, c: usize, src: &Source, v: &str) {
        let target = self.target;
        let at = self.at(r, c);
        let (u, p) = match target {
            Target::Unit(u) => (u, None),
            Target::Project(u, p) => (u, Some(p)),
            Target::None => return,
        };
        match src {
            Source::UnitName | Source::ProjectName | Source::Text(_) => {}
            Source::Or(list) => {
                // The cell shows the property when there is one, else the
                // fallback: a value that is the fallback's is not a
                // property; a fallback not read yet is read from it.
                let key = list.iter().find_map(|s| match s {
                    Source::Property(keys) => keys.first().copied(),
                    _ => None,
                });
                let fallback = list.iter().find(|s| !matches!(s, Source::Property(_)));
                let known = match (fallback, p) {
                    (Some(Source::ProjectName), Some(p)) => {
                        Some(self.book.units[u].projects[p].name.clone())
                    }
                    (Some(Source::UnitName), _) => Some(self.book.units[u].name.clone()),
                    (Some(Source::ProjectAmount), Some(p)) => {
                        Some(self.book.units[u].projects[p].amount.clone())
                    }
                    (Some(Source::Period), Some(p)) => self.book.units[u].projects[p]
                        .period
                        .as_ref()
                        .map(|x| x.0.clone()),
                    (Some(Source::Duties), None) => self.book.units[u].duties.clone(),
                    _ => None,
                };
                match (known, fallback) {
                    (Some(k), _) if same_figure(&k, v) || k == v => {}
                    (None, Some(f))
                        if matches!(f, Source::Period | Source::Duties | Source::Goals(_)) =>
                    {
                        if let (Source::Period, Some(p)) = (f, p) {
                            self.book.units[u].projects[p].period_key = key;
                        }
                        self.put(r, c, f, v)
                    }
                    _ => {
                        if let Some(k) = key {
                            self.property(u, p, k, v, at);
                        }
                    }
                }
            }
            Source::Property(keys) => {
                if let Some(k) = keys.first() {
                    self.property(u, p, k, v, at);
                }
            }
            Source::Duties if !v.is_empty() => self.book.units[u].duties = Some(v.to_string()),
            Source::Goals(kind) if !v.is_empty() => match p {
                Some(p) => self.book.units[u].projects[p]
                    .goals
                    .push((*kind, v.to_string())),
                None => self.book.units[u].goals.push((*kind, v.to_string())),
            },
            Source::Period if !v.is_empty() => {
                if let Some(p) = p {
                    self.book.units[u].projects[p].period = Some((v.to_string(), at));
                }
            }
            Source::Staff(name) if !v.is_empty() => {
                let line = format!("{name} {v}");
                let staff = &mut self.book.units[u].staff;
                match staff {
                    Some((s, _)) => {
                        s.push('；');
                        s.push_str(&line);
                    }
                    None => *staff = Some((line, at)),
                }
            }
            Source::UnitCode if !v.is_empty() => self.book.units[u].code = Some(v.to_string()),
            Source::ProjectCode if !v.is_empty() => {
                if let Some(p) = p {
                    self.book.units[u].projects[p].code = Some(v.to_string());
                }
            }
            Source::ProjectAmount => {
                if let Some(p) = p {
                    let a = self.amount(r, c);
                    self.book.units[u].projects[p].amount = a;
                }
            }
            Source::BudgetTotal => {
                let a = self.amount(r, c);
                self.book.units[u]
                    .budget
                    .get_or_insert_with(BudgetT::default)
                    .total = a;
            }
            Source::Tree(_) => self.not_placed(r, c, "i001-no-column"),
            _ => {}
        }
    }

    /// A property of the unit or the project; a blank cell states none.
    fn property(&mut self, u: usize, p: Option<usize>, key: &str, v: &str, at: String) {
        if v.is_empty() || key.is_empty() {
            return;
        }
        let prop = (key.to_string(), v.to_string(), at);
        match p {
            Some(p) => self.book.units[u].projects[p].properties.push(prop),
            None => self.book.units[u].properties.push(prop),
        }
    }

    /// The header row of a 支出明细及测算说明 grid (a heading alone on its
    /// row is its section label). False when the columns are not those of
    /// the form.
    fn detail_header(&mut self, cells: &[(usize, String)]) -> bool {
        if cells.len() == 1 {
            return true;
        }
        let find = |h: &str| {
            cells
                .iter()
                .find(|(_, t)| catalogue::squeeze(t) == h)
                .map(|(c, _)| *c)
        };
        let (Some(content), Some(item), Some(amount), Some(basis)) = (
            find("支出内容简介"),
            find("支出明细"),
            find("金额"),
            find("支出测算依据及过程说明"),
        ) else {
            return false;
        };
        if let Target::Project(u, p) = self.target {
            self.book.units[u].projects[p]
                .detail
                .get_or_insert_with(DetailT::default);
        }
        self.mode = Mode::Detail {
            content,
            item,
            amount,
            basis,
        };
        true
    }

    /// A row of the spending detail; true at its 合计 row, which ends it.
    /// A 支出内容简介 cell starts a line (alone when its 支出明细 cell is
    /// blank: the cell spans both); the 支出明细 rows under it are its
    /// lines, `小计` its own figure.
    fn detail_row(&mut self, r: usize, cells: &[(usize, String)], cols: [usize; 4]) -> bool {
        let [content, item, amount, basis] = cols;
        let Target::Project(u, p) = self.target else {
            for (c, _) in cells {
                self.not_placed(r, *c, "i001-no-unit");
            }
            return true;
        };
        for (c, _) in cells {
            if !cols.contains(c) {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        let get = |c: usize| self.sheet.get(r, c).trim().to_string();
        let (top, sub, b) = (get(content), get(item), get(basis));
        let figure = if get(amount).is_empty() {
            "-".to_string()
        } else {
            self.amount(r, amount)
        };
        let detail = self.book.units[u].projects[p]
            .detail
            .get_or_insert_with(DetailT::default);
        if is_total(&top) || (top.is_empty() && is_total(&sub)) {
            detail.total = Some(figure);
            return true;
        }
        let line = |name: String| DetailLine {
            name,
            amount: figure.clone(),
            prior: None,
            basis: b.clone(),
            lines: Vec::new(),
        };
        if !top.is_empty() {
            if sub.is_empty() {
                detail.lines.push(line(top));
                return false;
            }
            detail.lines.push(DetailLine {
                name: top,
                amount: "-".to_string(),
                ..DetailLine::default()
            });
        }
        match detail.lines.last_mut() {
            Some(last) if squeeze(&sub) == "小计" => {
                last.amount = figure;
                last.basis = b;
            }
            Some(last) => last.lines.push(line(sub)),
            None => {
                for (c, _) in cells {
                    self.not_placed(r, *c, "i001-row-without-name");
                }
            }
        }
        false
    }

    /// A row of a project's funds: a funding line (资金来源) or a line of
    /// the spending detail with its basis; the 合计 row is the project's
    /// amount. The prior year's figure (上年度安排资金) is the line's
    /// `prior`, the 合计 row's the project's.
    fn funds_row(
        &mut self,
        r: usize,
        cells: &[(usize, String)],
        cols: [Option<usize>; 4],
        detail: bool,
    ) {
        let [name, prior, amount, basis] = cols;
        let Target::Project(u, p) = self.target else {
            return;
        };
        for (c, _) in cells {
            if !cols.contains(&Some(*c)) {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        let before = match prior {
            Some(k) if !self.sheet.get(r, k).is_empty() => Some(self.amount(r, k)),
            _ => None,
        };
        let get = |c: Option<usize>| c.map(|c| self.sheet.get(r, c).trim().to_string());
        let n = get(name).unwrap_or_default();
        let figure = match amount {
            Some(a) if !self.sheet.get(r, a).is_empty() => self.amount(r, a),
            _ => "-".to_string(),
        };
        if is_total(&n) {
            // The 合计 of the funds is the project's amount (the
            // application form has no other cell for it).
            let pr = &mut self.book.units[u].projects[p];
            if pr.amount == "-" {
                pr.amount = figure;
            }
            if pr.prior.is_none() {
                pr.prior = before;
            }
            return;
        }
        if n.is_empty() {
            if let Some(a) = amount.filter(|a| !self.sheet.get(r, *a).is_empty()) {
                self.not_placed(r, a, "i001-row-without-name");
            }
            if let Some(k) = prior.filter(|k| !self.sheet.get(r, *k).is_empty()) {
                self.not_placed(r, k, "i001-row-without-name");
            }
            return;
        }
        let pr = &mut self.book.units[u].projects[p];
        if detail {
            pr.detail
                .get_or_insert_with(DetailT::default)
                .lines
                .push(DetailLine {
                    name: n,
                    amount: figure,
                    prior: before,
                    basis: get(basis).unwrap_or_default(),
                    lines: Vec::new(),
                });
        } else {
            pr.sources.push((n, figure));
            pr.source_priors.push(before);
            if let Some(b) = basis.filter(|b| !self.sheet.get(r, *b).is_empty()) {
                self.not_placed(r, b, "i001-no-column");
            }
        }
    }

    /// A line above or under a table of the forms the title names, by its
    /// pattern (`单位负责人：{属性:单位负责人}`, `金额：{金额单位}`): what its
    /// placeholders hold goes to the table's subject, the unit when the
    /// table has not named its own yet. A property is written once: the
    /// same line on the sheets of a unit's projects states it again.
    fn form_line(&mut self, r: usize, c: usize, text: &str) -> bool {
        let forms = self.forms.clone();
        // A line of any form that holds no placeholder (填报单位：（盖章）)
        // is known by itself, before a table says which form it is.
        let Some(found) = forms
            .iter()
            .flat_map(|f| catalogue::line_patterns(f))
            .find_map(|p| catalogue::capture(p, text))
            .or_else(|| {
                crate::forms::CATALOGUE
                    .iter()
                    .flat_map(|f| catalogue::line_patterns(f))
                    .filter(|p| !p.contains('{'))
                    .find_map(|p| catalogue::capture(p, text))
            })
        else {
            return false;
        };
        self.recognised = true;
        for (hole, value) in found {
            let value = value.trim().to_string();
            if value.is_empty() {
                continue;
            }
            match hole.as_str() {
                "金额单位" | "money" => {
                    self.book.money.get_or_insert(value);
                }
                "年" | "year" if value.len() == 4 && value.chars().all(|c| c.is_ascii_digit()) => {
                    self.book.year.get_or_insert(value);
                }
                "单位" | "unit" if self.filler.is_none() => {
                    self.filler = Some(value.clone());
                    self.book.filler = Some(value);
                }
                k if k.starts_with("属性:") || k.starts_with("property:") => {
                    let keys: Vec<&str> =
                        k.split_once(':').map_or("", |x| x.1).split('|').collect();
                    let Some(u) = self.current_unit() else {
                        continue;
                    };
                    // `{属性:填报单位|单位}` shows the unit's name when no
                    // property is stated.
                    if keys.contains(&"单位") && self.book.units[u].name == value {
                        continue;
                    }
                    let p = match self.target {
                        Target::Project(_, p) => Some(p),
                        _ => None,
                    };
                    let props = match p {
                        Some(p) => &self.book.units[u].projects[p].properties,
                        None => &self.book.units[u].properties,
                    };
                    if props.iter().any(|(k, _, _)| k == keys[0]) {
                        continue;
                    }
                    let at = self.at(r, c);
                    self.property(u, p, keys[0], &value, at);
                }
                _ => {}
            }
        }
        true
    }

    /// The money unit written beside a figure (`万元`).
    fn is_money(&self, text: &str) -> bool {
        self.book
            .money
            .as_deref()
            .is_some_and(|m| squeeze(m) == squeeze(text))
    }

    /// A line of a `资金总额` block: its name and figure (and the money
    /// unit); its heading (按支出性质分) alone on its row.
    fn budget_list_row(&mut self, r: usize, cells: &[(usize, String)], tree: usize) {
        let Target::Unit(u) = self.target else {
            return;
        };
        let named = self
            .forms
            .iter()
            .flat_map(|f| f.head.iter())
            .any(|p| matches!(&p.block, Block::BudgetList { heading, .. } if squeeze(heading) == squeeze(&cells[0].1)));
        if cells.len() == 1 && named {
            return;
        }
        let name = cells[0].1.trim().to_string();
        let figure = match cells.get(1) {
            Some((c, _)) => self.amount(r, *c),
            None => "-".to_string(),
        };
        for (c, t) in cells.iter().skip(2) {
            if !self.is_money(t) {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        self.book.units[u].amounts[tree].lines.push((name, figure));
    }

    /// The figures under a breakdown's names: its total, its lines.
    fn across_row(
        &mut self,
        r: usize,
        cells: &[(usize, String)],
        what: Across,
        total: &str,
        names: &[(usize, String)],
    ) {
        let u = match (self.target, what) {
            (Target::Unit(u), _) => u,
            (_, Across::Budget(..)) => match self.current_unit() {
                Some(u) => u,
                None => return,
            },
            _ => return,
        };
        for (c, _) in cells {
            if !names.iter().any(|(k, _)| k == c) {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        let mut sum = "-".to_string();
        let mut lines = Vec::new();
        for (c, name) in names {
            let figure = if self.sheet.get(r, *c).is_empty() {
                "-".to_string()
            } else {
                self.amount(r, *c)
            };
            if squeeze(name) == squeeze(total) {
                sum = figure;
            } else {
                lines.push((name.trim().to_string(), figure));
            }
        }
        let unit = &mut self.book.units[u];
        match what {
            Across::Income | Across::Expense => {
                let b = unit.budget.get_or_insert_with(BudgetT::default);
                if b.total.is_empty() || b.total == "-" {
                    b.total = sum;
                }
                if matches!(what, Across::Income) {
                    b.income = lines;
                } else {
                    b.expense = lines;
                }
            }
            Across::Tree(name) => unit.amounts.push(AmountT {
                name: name.to_string(),
                total: sum,
                lines,
                by: None,
                of_budget: None,
                indents: Vec::new(),
                restates_budget: false,
                ..AmountT::default()
            }),
            Across::Budget(dim, form) => unit.amounts.push(AmountT {
                name: self.title.clone().unwrap_or_default(),
                total: sum,
                lines,
                by: None,
                of_budget: Some(dim),
                table: Some(form),
                top_only: true,
                indents: Vec::new(),
                restates_budget: false,
                ..AmountT::default()
            }),
        }
    }

    /// A row of 实施进度 as a grid: content, start, end.
    fn dated_row(
        &mut self,
        r: usize,
        cells: &[(usize, String)],
        content: usize,
        start: usize,
        end: usize,
    ) {
        let Target::Project(u, p) = self.target else {
            return;
        };
        for (c, _) in cells {
            if ![content, start, end].contains(c) {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        let get = |c: usize| self.sheet.get(r, c).trim().to_string();
        let (s, e) = (get(start), get(end));
        if s.is_empty() && e.is_empty() {
            return;
        }
        let at = self.at(r, start);
        self.book.units[u].projects[p]
            .schedule
            .push((get(content), format!("{s} 至 {e}"), at));
    }
}

/// A line of a table of coded budget lines (类/款/项, 经济科目): its code,
/// name, figure, the figures of its columns by another dimension, and
/// the lines under it (by the codes: `20103` under `201`).
#[derive(Debug, Default, Clone)]
pub struct CodedLine {
    pub code: Option<String>,
    pub name: String,
    pub amount: String,
    /// The figures of the line's columns by another dimension: the path
    /// of each column's headers (under the form's group) and its figure.
    pub subs: Vec<(Vec<String>, String)>,
    pub lines: Vec<CodedLine>,
}

/// A table of budget lines with codes or with columns by another
/// dimension (部门支出总表, 基本支出－工资福利支出 …), as the catalogue's
/// form prints it.
#[derive(Debug)]
pub struct CodedT {
    pub form: &'static Form,
    pub table: &'static LineTable,
    /// The table's 合计 row: its figure and column figures.
    pub total: Option<CodedLine>,
    /// The rows in order; nested by code when written.
    pub rows: Vec<CodedLine>,
}

/// The columns of a coded table, once its header rows are read.
#[derive(Clone, Debug)]
struct CodedCols {
    codes: Vec<usize>,
    name: usize,
    own: Option<usize>,
    subs: Vec<(usize, Vec<String>)>,
}

/// A table of the catalogue that reads lines by their codes or with
/// columns by another dimension: the forms whose lines this reader takes.
fn coded_table(form: &'static Form) -> Option<&'static LineTable> {
    form.body.iter().find_map(|b| match b {
        Block::Lines(t)
            if !matches!(t.code, CodeCols::None)
                || t.values.iter().any(|v| matches!(v, ValueCol::Sub { .. })) =>
        {
            Some(t)
        }
        _ => None,
    })
}

/// Whether a squeezed code cell is a code: digits only.
fn is_code(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
}

impl Walker<'_> {
    /// Whether a row holds only the headings the form's tables side by
    /// side stand under.
    fn parallel_headings(&mut self, heads: &[String]) -> bool {
        let tops: Vec<String> = self
            .forms
            .iter()
            .flat_map(|f| f.body.iter())
            .filter_map(|b| match b {
                Block::Parallel(tables) => Some(tables.iter()),
                _ => None,
            })
            .flatten()
            .filter(|t| t.name.len() > 1)
            .map(|t| squeeze(t.name[0]))
            .collect();
        let all = !heads.is_empty() && heads.iter().all(|h| tops.contains(h));
        if all {
            self.recognised = true;
        }
        all
    }

    /// The rows of a coded budget table: its header rows (the first holds
    /// the name column's first header), then a row per line. Returns
    /// whether the row was taken.
    fn coded_row(&mut self, r: usize, cells: &[(usize, String)]) -> bool {
        if let Mode::Coded {
            idx,
            unit,
            header,
            cols,
        } = self.mode.clone()
        {
            let heads: Vec<String> = cells.iter().map(|(_, t)| squeeze(t)).collect();
            if cells.len() == 1 && is_title(&heads[0]) && cols.is_none() {
                self.mode = Mode::Head;
                return false;
            }
            let t = self.book.units[unit].coded[idx].table;
            // A row of lines: a figure or a code in a cell, or a 合计 in
            // the table's first column (a heading row holds no figure, and
            // its 合计 stands under a heading, right of that column).
            let left = header.first().and_then(|h| h.first()).map_or(0, |c| c.0);
            let data = cells
                .iter()
                .any(|(_, t)| amount_text(t).is_some_and(|a| a != "-"))
                || cells[0].0 <= left && is_total(&cells[0].1);
            if !data && cols.is_none() {
                let mut header = header;
                header.push(cells.to_vec());
                self.mode = Mode::Coded {
                    idx,
                    unit,
                    header,
                    cols: None,
                };
                return true;
            }
            if !data {
                self.mode = Mode::Head;
                return false;
            }
            let cols = match cols {
                Some(c) => c,
                None => match self.coded_columns(t, &header) {
                    Some(c) => c,
                    None => {
                        for row in &header {
                            for (c, _) in row {
                                self.not_placed(r, *c, "i001-no-column");
                            }
                        }
                        self.mode = Mode::Head;
                        return false;
                    }
                },
            };
            self.coded_data(r, cells, unit, idx, &cols);
            self.mode = Mode::Coded {
                idx,
                unit,
                header,
                cols: Some(cols),
            };
            return true;
        }
        let forms = self.forms.clone();
        for f in forms {
            let Some(t) = coded_table(f) else { continue };
            let first = match &t.code {
                CodeCols::Whole(p) => p.first(),
                CodeCols::Split(p) => p[0].first(),
                CodeCols::None => t.name.first(),
            };
            let Some(first) = first.map(|h| squeeze(h)) else {
                continue;
            };
            if !cells.iter().any(|(_, x)| squeeze(x) == first) {
                continue;
            }
            let Some(unit) = self.current_unit() else {
                return false;
            };
            self.recognised = true;
            let coded = &mut self.book.units[unit].coded;
            coded.push(CodedT {
                form: f,
                table: t,
                total: None,
                rows: Vec::new(),
            });
            self.mode = Mode::Coded {
                idx: coded.len() - 1,
                unit,
                header: vec![cells.to_vec()],
                cols: None,
            };
            return true;
        }
        false
    }

    /// The columns of a coded table from its header rows: each column's
    /// headers from the top, a merged header (its top-left cell) heading
    /// the columns right of it that have headers below it.
    fn coded_columns(&self, t: &LineTable, header: &[Vec<(usize, String)>]) -> Option<CodedCols> {
        let width = header
            .iter()
            .flat_map(|r| r.iter().map(|(c, _)| *c + 1))
            .max()
            .unwrap_or(0);
        let mut paths: Vec<Vec<String>> = vec![Vec::new(); width];
        for (level, row) in header.iter().enumerate() {
            let mut carry: Option<String> = None;
            for (c, path) in paths.iter_mut().enumerate() {
                match row.iter().find(|(k, _)| *k == c) {
                    Some((_, x)) => {
                        carry = Some(squeeze(x));
                        path.push(squeeze(x));
                    }
                    None => {
                        // A merged header spans the columns to its right
                        // that are headed further down.
                        let below = header[level + 1..]
                            .iter()
                            .any(|r| r.iter().any(|(k, _)| *k == c));
                        if let (Some(h), true) = (&carry, below) {
                            if path.len() == level {
                                path.push(h.clone());
                            }
                        }
                    }
                }
            }
        }
        let sq = |p: &[&str]| p.iter().map(|h| squeeze(h)).collect::<Vec<_>>();
        let ends = |path: &Vec<String>, want: &[&str]| {
            let want = sq(want);
            !want.is_empty() && path.ends_with(&want[want.len() - 1..])
        };
        let codes: Vec<usize> = match &t.code {
            CodeCols::None => Vec::new(),
            CodeCols::Whole(p) => (0..width).filter(|c| ends(&paths[*c], p)).take(1).collect(),
            CodeCols::Split(ps) => ps
                .iter()
                .filter_map(|p| (0..width).find(|c| ends(&paths[*c], p)))
                .collect(),
        };
        let name = (0..width).find(|c| ends(&paths[*c], t.name))?;
        let mut own = None;
        let mut subs = Vec::new();
        for (c, path) in paths.iter().enumerate() {
            if path.is_empty() || codes.contains(&c) || c == name {
                continue;
            }
            for v in t.values {
                match v {
                    ValueCol::Own(p) if own.is_none() && *path == sq(p) => own = Some(c),
                    ValueCol::Sub { group, .. } => {
                        let g = sq(group);
                        if path.starts_with(&g) && path.len() > g.len() && own != Some(c) {
                            subs.push((c, path[g.len()..].to_vec()));
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
        subs.retain(|(c, _)| Some(*c) != own);
        Some(CodedCols {
            codes,
            name,
            own,
            subs,
        })
    }

    fn coded_data(
        &mut self,
        r: usize,
        cells: &[(usize, String)],
        unit: usize,
        idx: usize,
        cols: &CodedCols,
    ) {
        let code: String = cols
            .codes
            .iter()
            .map(|c| squeeze(self.sheet.get(r, *c)))
            .collect();
        let name = self.sheet.get(r, cols.name).trim().to_string();
        let total = code.is_empty() && is_total(&name) || !is_code(&code) && is_total(&code);
        for (c, _) in cells {
            let placed = cols.codes.contains(c)
                || *c == cols.name
                || Some(*c) == cols.own
                || cols.subs.iter().any(|(k, _)| k == c);
            if !placed {
                self.not_placed(r, *c, "i001-no-column");
            }
        }
        if !total && name.is_empty() {
            for (c, _) in cells {
                self.not_placed(r, *c, "i001-row-without-name");
            }
            return;
        }
        if !total && !code.is_empty() && !is_code(&code) {
            for c in &cols.codes {
                if !self.sheet.get(r, *c).is_empty() {
                    self.not_placed(r, *c, "i001-not-an-amount");
                }
            }
        }
        let amount = match cols.own {
            Some(c) => self.amount(r, c),
            None => "-".to_string(),
        };
        let mut subs = Vec::new();
        for (c, path) in &cols.subs {
            let a = self.amount(r, *c);
            subs.push((path.clone(), a));
        }
        let line = CodedLine {
            code: is_code(&code).then_some(code),
            name: if total { String::new() } else { name },
            amount,
            subs,
            lines: Vec::new(),
        };
        let t = &mut self.book.units[unit].coded[idx];
        if total {
            t.total = Some(line);
        } else {
            t.rows.push(line);
        }
    }
}

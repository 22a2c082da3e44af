//! The abstract syntax tree: plain data, every node with its byte span in
//! its source file. Money and quantities are `Decimal`, never floats.
//!
//! The tree keeps what the author wrote (names, written precision, the
//! spelling of a comparison) so that checks can quote it and backends can
//! print it as published.
//!
//! Trees compare with `==`, spans included; [`VisitSpans`] reaches every
//! span of a tree, so that two trees can be compared for what they say
//! whatever their positions ([`VisitSpans::erase_spans`], then `==`): the
//! formatter proves its output this way.

pub use crate::source::{FileId, Span};
use rust_decimal::Decimal;

/// A value with the span it was written at.
#[derive(Clone, Debug, PartialEq)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

/// One parsed `.jx` file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Document {
    pub file: FileId,
    pub header: Header,
    pub includes: Vec<Spanned<String>>,
    pub levels: Vec<LevelDirective>,
    pub schemes: Vec<SchemeDef>,
    pub units: Vec<Unit>,
    /// `continued unit …`: more of a unit declared in another file of the
    /// document (or further on in this one), merged into it when the
    /// document's files are grouped ([`crate::project`]).
    pub continuations: Vec<Unit>,
    pub summaries: Vec<Summary>,
    /// Set when the tree was cut to its skeleton once its units were
    /// checked (`check`'s lean load, [`crate::project`]): what the cut
    /// parts would tell the document-wide rules.
    pub stripped: Option<Stripped>,
}

/// What a document cut to its skeleton still tells of the parts cut: the
/// first indicator tree and the first date written, in the order S031
/// looks for them (a unit, its inner units, then the next unit).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Stripped {
    pub first_tree: Option<Span>,
    pub first_dated: Option<Span>,
}

/// Header statements; each may be given at most once per file.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Header {
    pub title: Option<Spanned<String>>,
    pub year: Option<Spanned<i32>>,
    pub money: Option<Spanned<String>>,
    pub precision: Option<Spanned<u32>>,
    pub scheme: Option<Spanned<String>>,
    /// `form` statements: the official forms the document prints, in order.
    pub forms: Vec<FormChoice>,
}

/// `form NAME "TITLE"? { COLUMN … }?`: a form of the catalogue
/// ([`crate::forms`]) the document prints, with its own title and columns.
#[derive(Clone, Debug, PartialEq)]
pub struct FormChoice {
    pub name: Spanned<String>,
    pub title: Option<Spanned<String>>,
    /// The columns of the form's grid, by their printed headers; empty when
    /// not given.
    pub columns: Vec<Spanned<String>>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }
}

/// `allow CODE, CODE` / `warn …` / `deny …`.
#[derive(Clone, Debug, PartialEq)]
pub struct LevelDirective {
    pub level: Level,
    pub codes: Vec<Spanned<String>>,
    pub span: Span,
}

/// A user-defined indicator framework.
#[derive(Clone, Debug, PartialEq)]
pub struct SchemeDef {
    pub name: Spanned<String>,
    pub extends: Option<Spanned<String>>,
    pub tiers: Vec<SchemeTier>,
    pub span: Span,
}

/// A tier of a scheme: its names (the first is canonical, the others
/// aliases), whether it is required, and its children (二级 under a 一级).
#[derive(Clone, Debug, PartialEq)]
pub struct SchemeTier {
    pub names: Vec<Spanned<String>>,
    pub required: bool,
    pub children: Vec<SchemeTier>,
    pub span: Span,
}

/// A budget unit (预算单位).
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    pub code: Option<Spanned<String>>,
    pub name: Spanned<String>,
    pub rollup: bool,
    pub parent: Option<Spanned<String>>,
    pub duties: Vec<Spanned<String>>,
    pub goals: Vec<Goal>,
    pub plans: Vec<PlanRow>,
    pub staff: Vec<StaffLine>,
    pub budget: Option<Budget>,
    pub amounts: Vec<Line>,
    pub indicators: Vec<IndicatorTree>,
    pub projects: Vec<Project>,
    pub children: Vec<Unit>,
    pub properties: Vec<Property>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoalKind {
    /// A unit's overall goal (整体绩效目标).
    Overall,
    /// A project's long-term goal (实施期绩效目标).
    Term,
    /// The annual goal (年度绩效目标).
    Annual,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Goal {
    pub kind: GoalKind,
    pub text: Spanned<String>,
    pub span: Span,
}

/// One row of 年度重点工作计划.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanRow {
    pub item: Spanned<String>,
    pub owner: Option<Spanned<String>>,
    pub goal: Option<Spanned<String>>,
    pub span: Span,
}

/// A staffing figure (人员编制数 70 人).
#[derive(Clone, Debug, PartialEq)]
pub struct StaffLine {
    pub name: Spanned<String>,
    pub count: Number,
    pub unit: Option<Spanned<String>>,
    pub span: Span,
}

/// `NAME: VALUE` — a field the language has no keyword for.
#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    pub key: Spanned<String>,
    pub value: Spanned<PropValue>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PropValue {
    Text(String),
    Quantity(Quantity),
    Date(Date),
    Period(Period),
    /// A form's checkboxes, in the order printed (项目属性, 项目类型).
    Choices(Vec<Choice>),
    /// A blank cell (`-`), as a signature line left empty.
    Blank,
    /// A cell that reads 无 or 不适用.
    Mark(Mark),
}

/// One checkbox of a form: its label and whether it is ticked.
#[derive(Clone, Debug, PartialEq)]
pub struct Choice {
    pub label: Spanned<String>,
    pub checked: bool,
}

/// A cell that states there is nothing, in words: 无 (none) or 不适用 (not
/// applicable). Both are distinct from a blank cell, which states nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// 无
    None,
    /// 不适用
    NotApplicable,
}

impl Mark {
    /// The cell's text.
    pub fn text(self) -> &'static str {
        match self {
            Mark::None => "无",
            Mark::NotApplicable => "不适用",
        }
    }
    /// The stable English name used in outputs.
    pub fn key(self) -> &'static str {
        match self {
            Mark::None => "none",
            Mark::NotApplicable => "not_applicable",
        }
    }
}

/// A written number: its exact value (None when it could not be read, e.g.
/// too large; a diagnostic was already given) and the number of decimals
/// written, which is the figure's own precision.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: Option<Decimal>,
    pub scale: u32,
    pub span: Span,
}

/// An amount cell: a number, a blank cell (`-`, or nothing written), or a
/// cell that reads 无 or 不适用.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    Figure(Number),
    Blank(Span),
    Mark(Mark, Span),
}

impl Amount {
    pub fn number(&self) -> Option<&Number> {
        match self {
            Amount::Figure(n) => Some(n),
            Amount::Blank(_) | Amount::Mark(..) => None,
        }
    }
    pub fn value(&self) -> Option<Decimal> {
        self.number().and_then(|n| n.value)
    }
    pub fn mark(&self) -> Option<Mark> {
        match self {
            Amount::Mark(m, _) => Some(*m),
            _ => None,
        }
    }
    pub fn span(&self) -> Span {
        match self {
            Amount::Figure(n) => n.span,
            Amount::Blank(s) | Amount::Mark(_, s) => *s,
        }
    }
}

/// `budget TOTAL { by … }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Budget {
    pub total: Amount,
    pub breakdowns: Vec<Breakdown>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dimension {
    /// Lines written directly in a line's block, without `by`.
    Default,
    Income,
    Expense,
    Economic,
    Functional,
    Source,
    Detail,
    Named(String),
}

impl Dimension {
    /// The stable English name used in outputs.
    pub fn key(&self) -> &str {
        match self {
            Dimension::Default => "default",
            Dimension::Income => "income",
            Dimension::Expense => "expense",
            Dimension::Economic => "economic",
            Dimension::Functional => "functional",
            Dimension::Source => "source",
            Dimension::Detail => "detail",
            Dimension::Named(n) => n,
        }
    }
    /// The Chinese label used in messages and tables.
    pub fn label(&self) -> &str {
        match self {
            Dimension::Default => "明细",
            Dimension::Income => "按收入性质",
            Dimension::Expense => "按支出性质",
            Dimension::Economic => "按经济分类",
            Dimension::Functional => "按功能分类",
            Dimension::Source => "按资金来源",
            Dimension::Detail => "支出明细",
            Dimension::Named(n) => n,
        }
    }
}

/// One independent breakdown of an amount.
#[derive(Clone, Debug, PartialEq)]
pub struct Breakdown {
    pub dimension: Spanned<Dimension>,
    pub lines: Vec<Line>,
    /// The table's own 合计 (总计, 小计) row, when it prints one.
    pub total: Option<StatedTotal>,
    pub span: Span,
}

/// A table's 合计 row: the total it states for its rows, with the row's
/// other columns.
#[derive(Clone, Debug, PartialEq)]
pub struct StatedTotal {
    pub amount: Amount,
    pub prior: Option<Amount>,
    pub change: Option<Number>,
    pub basis: Option<Spanned<String>>,
    pub span: Span,
}

/// A line of a breakdown or an amount tree:
/// `CODE? NAME AMOUNT? (上年 AMOUNT)? (增减 NUMBER)? (重述 TARGET)? (= FORMULA)?`
/// with its basis, its further formulas and its own breakdowns.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub code: Option<Spanned<String>>,
    pub name: Spanned<String>,
    pub amount: Amount,
    /// The prior year's figure (上年), when the table has that column.
    pub prior: Option<Amount>,
    /// The change against the prior year the table states (增减).
    pub change: Option<Number>,
    /// The figure elsewhere that this line repeats. Boxed, as `formula`:
    /// few lines have one, and every line of every file is held to the end
    /// of the run.
    pub restates: Option<Box<Restatement>>,
    /// The formula written on the line itself.
    pub formula: Option<Box<Formula>>,
    /// Further formulas of the basis, written in the line's block, each
    /// with the result the basis states for it.
    pub formulas: Vec<Formula>,
    /// The basis of calculation (测算依据) as the table prints it.
    pub basis: Vec<Spanned<String>>,
    pub breakdowns: Vec<Breakdown>,
    pub span: Span,
}

impl Line {
    /// Every formula of the line: the one on its head, then those of its
    /// block.
    pub fn all_formulas(&self) -> impl Iterator<Item = &Formula> {
        self.formula
            .as_deref()
            .into_iter()
            .chain(self.formulas.iter())
    }
}

/// A basis of calculation (测算依据) as a formula.
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    pub expr: Expr,
    /// Written with `约` or `≈`: the basis is approximate.
    pub approximate: bool,
    /// The result the basis states for this formula (`3次*0.6=1.8`), for a
    /// formula of a line's block.
    pub result: Option<Amount>,
    pub span: Span,
}

/// `重述 TARGET LINE?`: the figure restates the target's (the unit's
/// budget, or one of its amount trees), or the line of the target with
/// that code or name.
#[derive(Clone, Debug, PartialEq)]
pub struct Restatement {
    pub target: Spanned<RestateTarget>,
    pub line: Option<Spanned<String>>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestateTarget {
    /// `预算` / `budget`: the unit's budget.
    Budget,
    /// An amount tree of the unit, by name.
    Named(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "×",
            BinOp::Div => "/",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A number; `percent` when written with `%` (value already divided by 100).
    Number { number: Number, percent: bool },
    /// A unit of measure used as a factor (`次`, `万元`).
    Unit(Spanned<String>),
    Binary {
        op: BinOp,
        lhs: Box<Expr>,
        rhs: Box<Expr>,
        span: Span,
    },
}

impl Expr {
    pub fn span(&self) -> Span {
        match self {
            Expr::Number { number, .. } => number.span,
            Expr::Unit(u) => u.span,
            Expr::Binary { span, .. } => *span,
        }
    }
}

/// A formula as people write it: `20 次 × 0.5 万元/次`. A unit of measure
/// that multiplies is written after its number, one that divides follows a
/// slash; other products and quotients show `×` and `/`. Every output that
/// shows a basis of calculation shows this text.
impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&formula_text(self))
    }
}

fn formula_text(e: &Expr) -> String {
    match e {
        Expr::Number { number, percent } => number
            .value
            .map(|v| {
                if *percent {
                    format!("{}%", (v * Decimal::from(100)).normalize())
                } else {
                    v.to_string()
                }
            })
            .unwrap_or_default(),
        Expr::Unit(u) => u.node.clone(),
        Expr::Binary { op, lhs, rhs, .. } => {
            let l = formula_text(lhs);
            let unit_rhs = is_unit(rhs);
            match op {
                // `20 次`: a unit right after a number is written beside it.
                BinOp::Mul if unit_rhs && ends_with_number(lhs) => {
                    format!("{} {}", paren_sum(l, lhs), unit_text(rhs))
                }
                BinOp::Mul if unit_rhs => format!("{} × {}", paren_sum(l, lhs), unit_text(rhs)),
                BinOp::Div if unit_rhs => format!("{}/{}", paren_sum(l, lhs), unit_text(rhs)),
                BinOp::Mul | BinOp::Div => {
                    let r = formula_text(rhs);
                    let r = match (op, &**rhs) {
                        (BinOp::Div, Expr::Binary { .. }) => format!("({r})"),
                        _ => paren_sum(r, rhs),
                    };
                    format!("{} {} {}", paren_sum(l, lhs), op.symbol(), r)
                }
                BinOp::Add | BinOp::Sub => {
                    let r = formula_text(rhs);
                    let r = match (op, &**rhs) {
                        (
                            BinOp::Sub,
                            Expr::Binary {
                                op: BinOp::Add | BinOp::Sub,
                                ..
                            },
                        ) => format!("({r})"),
                        _ => r,
                    };
                    format!("{l} {} {r}", op.symbol())
                }
            }
        }
    }
}

/// Whether the last factor of a product is a number (`20 次 × 0.5`).
fn ends_with_number(e: &Expr) -> bool {
    match e {
        Expr::Number { .. } => true,
        Expr::Binary {
            op: BinOp::Mul | BinOp::Div,
            rhs,
            ..
        } => matches!(**rhs, Expr::Number { .. }),
        _ => false,
    }
}

/// Parenthesise a sum that is a factor.
fn paren_sum(s: String, e: &Expr) -> String {
    match e {
        Expr::Binary {
            op: BinOp::Add | BinOp::Sub,
            ..
        } => format!("({s})"),
        _ => s,
    }
}

/// A unit of measure, or a product or quotient of units (`万元/次`).
fn is_unit(e: &Expr) -> bool {
    match e {
        Expr::Unit(_) => true,
        Expr::Binary {
            op: BinOp::Mul | BinOp::Div,
            lhs,
            rhs,
            ..
        } => is_unit(lhs) && is_unit(rhs),
        _ => false,
    }
}

fn unit_text(e: &Expr) -> String {
    match e {
        Expr::Unit(u) => u.node.clone(),
        Expr::Binary { op, lhs, rhs, .. } => {
            let r = unit_text(rhs);
            let r = if matches!(**rhs, Expr::Binary { .. }) {
                format!("({r})")
            } else {
                r
            };
            match op {
                BinOp::Div => format!("{}/{}", unit_text(lhs), r),
                _ => format!("{}·{}", unit_text(lhs), r),
            }
        }
        other => formula_text(other),
    }
}

/// `project CODE? NAME AMOUNT { … }`.
#[derive(Clone, Debug, PartialEq)]
pub struct Project {
    pub code: Option<Spanned<String>>,
    pub name: Spanned<String>,
    pub amount: Amount,
    /// The prior year's figure (上年度安排资金), when the table gives it.
    pub prior: Option<Amount>,
    pub period: Option<Spanned<Period>>,
    pub goals: Vec<Goal>,
    pub schedule: Vec<ScheduleRow>,
    pub breakdowns: Vec<Breakdown>,
    pub amounts: Vec<Line>,
    pub indicators: Vec<IndicatorTree>,
    pub properties: Vec<Property>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ScheduleRow {
    pub content: Option<Spanned<String>>,
    pub period: Spanned<Period>,
    pub span: Span,
}

/// A calendar date as written: a day, or a whole month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: Option<u32>,
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.day {
            Some(d) => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, d),
            None => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub start: Date,
    pub end: Date,
}

/// `indicators { … }`: the three-tier tree as written.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorTree {
    pub nodes: Vec<IndicatorNode>,
    pub span: Span,
}

/// A leaf is boxed: a node is as large as its largest kind, groups are
/// about half the nodes of a real tree, and a leaf is four times a group.
#[derive(Clone, Debug, PartialEq)]
pub enum IndicatorNode {
    Group(IndicatorGroup),
    Leaf(Box<Indicator>),
}

/// A tier (一级 or 二级 by its depth) and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorGroup {
    pub name: Spanned<String>,
    pub children: Vec<IndicatorNode>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// 定性
    Qualitative,
    /// 定量
    Quantitative,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparison {
    Ge,
    Le,
    Eq,
    Ne,
    Gt,
    Lt,
    /// About (`≈`, `约`, `左右`).
    Approx,
}

impl Comparison {
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Ge => "≥",
            Comparison::Le => "≤",
            Comparison::Eq => "=",
            Comparison::Ne => "≠",
            Comparison::Gt => ">",
            Comparison::Lt => "<",
            Comparison::Approx => "≈",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Comparison::Ge => "ge",
            Comparison::Le => "le",
            Comparison::Eq => "eq",
            Comparison::Ne => "ne",
            Comparison::Gt => "gt",
            Comparison::Lt => "lt",
            Comparison::Approx => "approx",
        }
    }
    /// Which way the comparison points: up (≥ >), down (≤ <) or neither.
    /// Two comparisons of one target agree when they point the same way.
    pub fn direction(self) -> i8 {
        match self {
            Comparison::Ge | Comparison::Gt => 1,
            Comparison::Le | Comparison::Lt => -1,
            _ => 0,
        }
    }
}

/// Where a qualifier of a target is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// In the comparison's place (the 指标值类型 column): `≥`, `》`, `不低于`.
    Sign,
    /// Right before the figure: `达到`, `约`, `控制在`.
    Before,
    /// After the figure or its unit: `以上`, `以内`, `前`, `左右`, `（含）`.
    After,
}

impl Place {
    pub fn key(self) -> &'static str {
        match self {
            Place::Sign => "sign",
            Place::Before => "before",
            Place::After => "after",
        }
    }
}

/// What a qualifier says about its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Means {
    /// How the result compares with the figure (`以上` ≥, `以内` ≤, `前` ≤
    /// for a time, `约` ≈).
    Compare(Comparison),
    /// The bound itself counts (`（含）`): with `>` it is `≥`.
    Inclusive,
    /// A word that does not change the target (`保持在`, `完成`, `。`).
    Nothing,
}

impl Means {
    pub fn key(self) -> &'static str {
        match self {
            Means::Compare(c) => c.key(),
            Means::Inclusive => "inclusive",
            Means::Nothing => "none",
        }
    }
}

/// A sign or word written with a target's value: the target `≥95%以上` has
/// the qualifiers `≥` (a sign) and `以上` (after). Its text is kept as
/// written, so that a document means what it spells (the formatter proves
/// it keeps every target as written by comparing documents).
#[derive(Clone, Debug, PartialEq)]
pub struct Qualifier {
    pub text: String,
    pub place: Place,
    pub means: Means,
    pub span: Span,
}

/// A 三级 indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Indicator {
    pub name: Spanned<String>,
    pub kind: Option<Spanned<Kind>>,
    /// What the target means: the sign written (`≥`, `》`, `不低于`), or
    /// else what the words around the value say (`95%以上` is ≥); its span
    /// is that of the sign or word. `None` when nothing says.
    pub comparison: Option<Spanned<Comparison>>,
    pub value: Option<Spanned<Value>>,
    /// Every sign and word written with the value, in the order written.
    pub qualifiers: Vec<Qualifier>,
    /// Where the value and the words around it are written (`95%以上`,
    /// `2025年12月底前`): the tables print that text.
    pub written: Option<Span>,
    pub attrs: Vec<Attr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Quantity(Quantity),
    /// Boxed: a quantity is as large as the rest of a leaf.
    Range(Box<Quantity>, Box<Quantity>),
    Date(When),
    Text(String),
    /// A value cell that reads 无 or 不适用.
    Mark(Mark),
}

/// A time as a target states it: a day, a month, a quarter, a half or a
/// whole year, with its year or without (`12月31日`, `年底`: the budget
/// year's), and whether it is the end of that time (`12月底`, `年底`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct When {
    pub year: Option<i32>,
    pub part: YearPart,
    /// Written as the end of the part (`底`, `末`).
    pub end: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearPart {
    Year,
    Half(u8),
    Quarter(u8),
    Month(u32),
    Day(u32, u32),
}

impl When {
    /// ISO 8601 where it has a form (`2025-12-31`, `2025-12`, `2025`,
    /// `--12-31` without a year), `2025-Q3` and `2025-H1` for quarters and
    /// halves; the year is `year` when none is written.
    pub fn iso(&self, budget_year: Option<i32>) -> String {
        let year = self.year.or(budget_year);
        let y = |rest: String| match year {
            Some(y) => format!("{y:04}{rest}"),
            None => format!("-{rest}"),
        };
        match self.part {
            YearPart::Year => year.map_or_else(|| "--".to_string(), |y| format!("{y:04}")),
            YearPart::Half(h) => y(format!("-H{h}")),
            YearPart::Quarter(q) => y(format!("-Q{q}")),
            YearPart::Month(m) => y(format!("-{m:02}")),
            YearPart::Day(m, d) => y(format!("-{m:02}-{d:02}")),
        }
    }
}

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.iso(None))
    }
}

/// A number with an optional unit of measure; `%` and `‰` are units.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub number: Number,
    pub unit: Option<Spanned<String>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrKey {
    Explain,
    Scoring,
    Standard,
    Weight,
    Note,
}

impl AttrKey {
    pub fn key(self) -> &'static str {
        match self {
            AttrKey::Explain => "explain",
            AttrKey::Scoring => "scoring",
            AttrKey::Standard => "standard",
            AttrKey::Weight => "weight",
            AttrKey::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Attr {
    pub key: Spanned<AttrKey>,
    pub value: Spanned<String>,
    pub span: Span,
}

/// A published summary table to reconcile with the units' own figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub name: Spanned<String>,
    pub rows: Vec<SummaryRow>,
    pub total: Option<Amount>,
    /// The table's other fields (填报单位, 填表人 …).
    pub properties: Vec<Property>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    pub serial: Option<Spanned<String>>,
    pub code: Option<Spanned<String>>,
    pub name: Spanned<String>,
    pub amount: Amount,
    /// The row's goal columns (实施期绩效目标, 年度绩效目标).
    pub goals: Vec<Goal>,
    /// The row's other text columns (支出方向 …).
    pub properties: Vec<Property>,
    pub span: Span,
}

// ---------------------------------------------------------------- spans

/// Every [`Span`] of a tree, reached mutably.
pub trait VisitSpans {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span));

    /// Set every span to the default: what remains is what the tree says.
    fn erase_spans(&mut self) {
        self.visit_spans(&mut |s| *s = Span::default());
    }
}

/// Types that hold no span.
macro_rules! no_spans {
    ($($t:ty),* $(,)?) => {
        $(impl VisitSpans for $t {
            fn visit_spans(&mut self, _: &mut dyn FnMut(&mut Span)) {}
        })*
    };
}

no_spans!(
    String, bool, i32, u32, FileId, Decimal, Level, GoalKind, Dimension, Date, Period, Kind,
    Comparison, AttrKey, BinOp, When, Place, Means, Mark,
);
no_spans!(RestateTarget);

impl VisitSpans for Span {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        f(self);
    }
}

impl<T: VisitSpans> VisitSpans for Spanned<T> {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        self.node.visit_spans(f);
        f(&mut self.span);
    }
}

impl<T: VisitSpans> VisitSpans for Option<T> {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        if let Some(x) = self {
            x.visit_spans(f);
        }
    }
}

impl<T: VisitSpans> VisitSpans for Vec<T> {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        for x in self {
            x.visit_spans(f);
        }
    }
}

impl<T: VisitSpans> VisitSpans for Box<T> {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        (**self).visit_spans(f);
    }
}

/// `visit_spans` for a struct, field by field. The pattern names every
/// field: a field added to a struct and not here does not compile.
macro_rules! fields {
    ($($t:ident { $($field:ident),* $(,)? })*) => {
        $(impl VisitSpans for $t {
            fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
                let $t { $($field),* } = self;
                $($field.visit_spans(f);)*
            }
        })*
    };
}

fields! {
    Document { file, header, includes, levels, schemes, units, continuations, summaries, stripped }
    Stripped { first_tree, first_dated }
    Header { title, year, money, precision, scheme, forms }
    FormChoice { name, title, columns, span }
    LevelDirective { level, codes, span }
    SchemeDef { name, extends, tiers, span }
    SchemeTier { names, required, children, span }
    Unit {
        code, name, rollup, parent, duties, goals, plans, staff, budget, amounts, indicators,
        projects, children, properties, span,
    }
    Goal { kind, text, span }
    PlanRow { item, owner, goal, span }
    StaffLine { name, count, unit, span }
    Property { key, value, span }
    Number { value, scale, span }
    Budget { total, breakdowns, span }
    Breakdown { dimension, lines, total, span }
    StatedTotal { amount, prior, change, basis, span }
    Line {
        code, name, amount, prior, change, restates, formula, formulas, basis, breakdowns, span,
    }
    Formula { expr, approximate, result, span }
    Restatement { target, line, span }
    Choice { label, checked }
    Project {
        code, name, amount, prior, period, goals, schedule, breakdowns, amounts, indicators,
        properties, span,
    }
    ScheduleRow { content, period, span }
    IndicatorTree { nodes, span }
    IndicatorGroup { name, children, span }
    Indicator { name, kind, comparison, value, qualifiers, written, attrs, span }
    Qualifier { text, place, means, span }
    Quantity { number, unit }
    Attr { key, value, span }
    Summary { name, rows, total, properties, span }
    SummaryRow { serial, code, name, amount, goals, properties, span }
}

impl VisitSpans for PropValue {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            PropValue::Quantity(q) => q.visit_spans(f),
            PropValue::Choices(cs) => cs.visit_spans(f),
            PropValue::Text(_)
            | PropValue::Date(_)
            | PropValue::Period(_)
            | PropValue::Blank
            | PropValue::Mark(_) => {}
        }
    }
}

impl VisitSpans for Amount {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Amount::Figure(n) => n.visit_spans(f),
            Amount::Blank(s) | Amount::Mark(_, s) => f(s),
        }
    }
}

impl VisitSpans for Expr {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Expr::Number { number, .. } => number.visit_spans(f),
            Expr::Unit(u) => u.visit_spans(f),
            Expr::Binary { lhs, rhs, span, .. } => {
                lhs.visit_spans(f);
                rhs.visit_spans(f);
                f(span);
            }
        }
    }
}

impl VisitSpans for IndicatorNode {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            IndicatorNode::Group(g) => g.visit_spans(f),
            IndicatorNode::Leaf(l) => l.visit_spans(f),
        }
    }
}

impl VisitSpans for Value {
    fn visit_spans(&mut self, f: &mut dyn FnMut(&mut Span)) {
        match self {
            Value::Quantity(q) => q.visit_spans(f),
            Value::Range(a, b) => {
                a.visit_spans(f);
                b.visit_spans(f);
            }
            Value::Date(_) | Value::Text(_) | Value::Mark(_) => {}
        }
    }
}

/// The money units a document may be written in (`money`), with how many
/// yuan one of each is. The S009 messages, its explanation and the
/// language reference list them too (`tests/docs.rs` keeps them alike).
pub const MONEY_UNITS: [(&str, u32); 8] = [
    ("元", 1),
    // Tables write 5万 for 5万元.
    ("万", 10_000),
    ("千元", 1_000),
    ("万元", 10_000),
    ("十万元", 100_000),
    ("百万元", 1_000_000),
    ("千万元", 10_000_000),
    ("亿元", 100_000_000),
];

/// How many yuan one of a money unit is; None for a non-money unit. Here,
/// below the lowering and the checks: the lowering refuses a `money`
/// statement that names none (S009), the checks work figures out in it.
pub fn money_factor(unit: &str) -> Option<Decimal> {
    MONEY_UNITS
        .iter()
        .find(|(name, _)| *name == unit)
        .map(|&(_, yuan)| Decimal::from(yuan))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erased_trees_compare_by_what_they_say() {
        let at = |start| Span::new(FileId(0), start, start + 1);
        let tree = |o: usize| {
            let mut u = Unit {
                code: None,
                name: Spanned::new("甲".to_string(), at(o)),
                rollup: false,
                parent: None,
                duties: vec![],
                goals: vec![],
                plans: vec![],
                staff: vec![],
                budget: Some(Budget {
                    total: Amount::Figure(Number {
                        value: Some(Decimal::new(1056, 1)),
                        scale: 1,
                        span: at(o + 2),
                    }),
                    breakdowns: vec![],
                    span: at(o + 1),
                }),
                amounts: vec![],
                indicators: vec![],
                projects: vec![],
                children: vec![],
                properties: vec![],
                span: at(o),
            };
            u.budget.as_mut().unwrap().breakdowns.push(Breakdown {
                dimension: Spanned::new(Dimension::Income, at(o + 3)),
                lines: vec![],
                total: None,
                span: at(o + 3),
            });
            Document {
                units: vec![u],
                ..Default::default()
            }
        };
        let (mut a, mut b) = (tree(0), tree(7));
        assert_ne!(a, b);
        a.erase_spans();
        b.erase_spans();
        assert_eq!(a, b);
        let mut c = tree(0);
        if let Some(Budget {
            total: Amount::Figure(n),
            ..
        }) = c.units[0].budget.as_mut()
        {
            n.scale = 2;
        }
        c.erase_spans();
        assert_ne!(a, c);
    }
}

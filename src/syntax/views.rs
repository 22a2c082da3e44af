//! Typed views over the syntax tree: a newtype per construct around its
//! [`SyntaxNode`], with accessors that name what the construct holds. They
//! copy nothing: each accessor walks the node's children.
//!
//! The views answer questions by position (an editor's outline, hover,
//! go-to) without lowering the whole file; what a construct *means* is the
//! lowering's business ([`super::lower`]).

use rowan::TextRange;

use super::cst::{Kind, SyntaxNode, SyntaxToken};
use super::grammar::Rule;

/// A view of one kind of node.
pub trait View: Sized {
    /// The view of `node` if it is of this view's kind.
    fn cast(node: SyntaxNode) -> Option<Self>;
    fn syntax(&self) -> &SyntaxNode;
    fn range(&self) -> TextRange {
        self.syntax().text_range()
    }
}

macro_rules! view {
    ($(#[$doc:meta])* $name:ident = $($rule:ident)|+) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash)]
        pub struct $name(SyntaxNode);

        impl View for $name {
            fn cast(node: SyntaxNode) -> Option<Self> {
                match node.kind() {
                    $(Kind::Rule(Rule::$rule))|+ => Some($name(node)),
                    _ => None,
                }
            }
            fn syntax(&self) -> &SyntaxNode {
                &self.0
            }
        }
    };
}

view!(
    /// The whole file.
    File = file
);
view!(
    /// `unit CODE? NAME { … }`, or `rollup unit …`.
    Unit = unit
);
view!(
    /// `project CODE? NAME AMOUNT { … }`.
    Project = project
);
view!(
    /// `indicators { … }`.
    Indicators = indicators
);
view!(
    /// A tier `NAME { … }` inside `indicators`.
    IndicatorGroup = ind_group
);
view!(
    /// An indicator `NAME COMPARISON VALUE UNIT { attributes }`.
    Indicator = ind_leaf
);
view!(
    /// `budget AMOUNT { … }`.
    Budget = budget
);
view!(
    /// A breakdown line `CODE? NAME AMOUNT (= FORMULA)? { … }`.
    Line = line
);
view!(
    /// `summary NAME { … }`.
    Summary = summary
);
view!(
    /// A summary row `#SERIAL? CODE? NAME AMOUNT`.
    SummaryRow = summary_row
);
view!(
    /// A line the grammar could not read (reported as S001), kept as written.
    Junk = junk | junk_top
);

/// The first child node or token of `node` of rule `rule`, with its text.
fn child_text(node: &SyntaxNode, rule: Rule) -> Option<String> {
    node.children_with_tokens()
        .find(|e| e.kind() == Kind::Rule(rule))
        .map(|e| e.to_string())
}

/// The head of a line-shaped construct (indicator, breakdown line), where
/// its name and amount are.
fn head(node: &SyntaxNode, rule: Rule) -> Option<SyntaxNode> {
    node.children().find(|c| c.kind() == Kind::Rule(rule))
}

/// The text of a `name` as written, without its quote marks.
fn name_text(node: &SyntaxNode) -> Option<String> {
    let name = node
        .children_with_tokens()
        .find(|e| e.kind() == Kind::Rule(Rule::name))?;
    let text = name.to_string();
    let unquoted = text
        .strip_prefix(['"', '“', '「'])
        .and_then(|t| t.strip_suffix(['"', '”', '」']))
        .unwrap_or(&text);
    Some(unquoted.to_string())
}

fn children<V: View>(node: &SyntaxNode) -> impl Iterator<Item = V> {
    node.children().filter_map(V::cast)
}

impl File {
    pub fn units(&self) -> impl Iterator<Item = Unit> {
        children(&self.0)
    }
    pub fn summaries(&self) -> impl Iterator<Item = Summary> {
        children(&self.0)
    }
    /// The texts of the `include` statements, as written (quoted).
    pub fn includes(&self) -> impl Iterator<Item = SyntaxNode> {
        self.0
            .children()
            .filter(|c| c.kind() == Kind::Rule(Rule::include_stmt))
    }
    pub fn junk(&self) -> impl Iterator<Item = Junk> {
        self.0.descendants().filter_map(Junk::cast)
    }
}

impl Unit {
    pub fn name(&self) -> Option<String> {
        name_text(&self.0)
    }
    pub fn code(&self) -> Option<String> {
        child_text(&self.0, Rule::code)
    }
    /// Whether it is a rollup (`rollup unit`, `系统 单位`).
    pub fn is_rollup(&self) -> bool {
        self.0
            .children()
            .any(|c| c.kind() == Kind::Rule(Rule::rollup))
    }
    /// The units written inside it.
    pub fn units(&self) -> impl Iterator<Item = Unit> {
        children(&self.0)
    }
    pub fn projects(&self) -> impl Iterator<Item = Project> {
        children(&self.0)
    }
    pub fn budget(&self) -> Option<Budget> {
        children(&self.0).next()
    }
    pub fn indicators(&self) -> impl Iterator<Item = Indicators> {
        children(&self.0)
    }
}

impl Project {
    pub fn name(&self) -> Option<String> {
        name_text(&self.0)
    }
    pub fn code(&self) -> Option<String> {
        child_text(&self.0, Rule::code)
    }
    /// The amount as written.
    pub fn amount(&self) -> Option<String> {
        child_text(&self.0, Rule::amount)
    }
    pub fn indicators(&self) -> impl Iterator<Item = Indicators> {
        children(&self.0)
    }
}

impl Indicators {
    pub fn groups(&self) -> impl Iterator<Item = IndicatorGroup> {
        children(&self.0)
    }
    pub fn indicators(&self) -> impl Iterator<Item = Indicator> {
        children(&self.0)
    }
}

impl IndicatorGroup {
    pub fn name(&self) -> Option<String> {
        name_text(&self.0)
    }
    pub fn groups(&self) -> impl Iterator<Item = IndicatorGroup> {
        children(&self.0)
    }
    pub fn indicators(&self) -> impl Iterator<Item = Indicator> {
        children(&self.0)
    }
    /// The tiers this one stands in, innermost first.
    pub fn ancestors(&self) -> impl Iterator<Item = IndicatorGroup> {
        self.0.ancestors().skip(1).filter_map(IndicatorGroup::cast)
    }
}

impl Indicator {
    pub fn name(&self) -> Option<String> {
        head(&self.0, Rule::ind_head).and_then(|h| name_text(&h))
    }
    /// The comparison and value as written (`≥ 95%`), if any.
    pub fn spec(&self) -> Option<String> {
        head(&self.0, Rule::ind_head).and_then(|h| child_text(&h, Rule::spec))
    }
    /// The tiers it stands in, innermost first.
    pub fn groups(&self) -> impl Iterator<Item = IndicatorGroup> {
        self.0.ancestors().skip(1).filter_map(IndicatorGroup::cast)
    }
}

impl Budget {
    /// The total as written.
    pub fn amount(&self) -> Option<String> {
        child_text(&self.0, Rule::amount)
    }
    /// Every breakdown line inside it, at any depth.
    pub fn lines(&self) -> impl Iterator<Item = Line> {
        self.0.descendants().filter_map(Line::cast)
    }
}

impl Line {
    pub fn name(&self) -> Option<String> {
        head(&self.0, Rule::line_head).and_then(|h| name_text(&h))
    }
    pub fn code(&self) -> Option<String> {
        head(&self.0, Rule::line_head).and_then(|h| child_text(&h, Rule::code))
    }
    pub fn amount(&self) -> Option<String> {
        head(&self.0, Rule::line_head).and_then(|h| child_text(&h, Rule::amount))
    }
}

impl Summary {
    pub fn name(&self) -> Option<String> {
        name_text(&self.0)
    }
    pub fn rows(&self) -> impl Iterator<Item = SummaryRow> {
        children(&self.0)
    }
}

impl SummaryRow {
    pub fn name(&self) -> Option<String> {
        name_text(&self.0)
    }
    pub fn code(&self) -> Option<String> {
        child_text(&self.0, Rule::code)
    }
    pub fn amount(&self) -> Option<String> {
        child_text(&self.0, Rule::amount)
    }
}

impl Junk {
    /// The line as written.
    pub fn text(&self) -> String {
        self.0.to_string()
    }
}

/// The token at byte `offset`, preferring the one that starts there (the
/// token under an editor's cursor).
pub fn token_at(root: &SyntaxNode, offset: usize) -> Option<SyntaxToken> {
    let offset = rowan::TextSize::try_from(offset).ok()?;
    if offset > root.text_range().end() {
        return None;
    }
    match root.token_at_offset(offset) {
        rowan::TokenAtOffset::None => None,
        rowan::TokenAtOffset::Single(t) => Some(t),
        rowan::TokenAtOffset::Between(_, right) => Some(right),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::cst;

    const DOC: &str = "year 2023\n\
unit 101 \"云田镇\" {\n\
  budget 1056.40 {\n\
    按 收入 { 一般公共预算拨款 1056.40 }\n\
  }\n\
  绩效指标 {\n\
    产出指标 {\n\
      数量指标 { 辖区社区数量 = 9 个 }\n\
    }\n\
  }\n\
  project \"城乡环境连片整治专项\" 95.00 {\n\
  }\n\
  这一行不是语法\n\
}\n";

    fn file() -> File {
        File::cast(cst::parse(DOC).root()).expect("a file")
    }

    #[test]
    fn units_projects_and_lines() {
        let f = file();
        let units: Vec<Unit> = f.units().collect();
        assert_eq!(units.len(), 1);
        let u = &units[0];
        assert_eq!(u.name().as_deref(), Some("云田镇"));
        assert_eq!(u.code().as_deref(), Some("101"));
        assert!(!u.is_rollup());
        let b = u.budget().expect("a budget");
        assert_eq!(b.amount().as_deref(), Some("1056.40"));
        let lines: Vec<(Option<String>, Option<String>)> =
            b.lines().map(|l| (l.name(), l.amount())).collect();
        assert_eq!(
            lines,
            [(Some("一般公共预算拨款".into()), Some("1056.40".into()))]
        );
        let p: Vec<Project> = u.projects().collect();
        assert_eq!(p[0].name().as_deref(), Some("城乡环境连片整治专项"));
        assert_eq!(p[0].amount().as_deref(), Some("95.00"));
    }

    #[test]
    fn indicators_and_their_tiers() {
        let u = file().units().next().expect("a unit");
        let ind = u.indicators().next().expect("indicators");
        let g1 = ind.groups().next().expect("一级");
        assert_eq!(g1.name().as_deref(), Some("产出指标"));
        let g2 = g1.groups().next().expect("二级");
        let leaf = g2.indicators().next().expect("三级");
        assert_eq!(leaf.name().as_deref(), Some("辖区社区数量"));
        assert_eq!(leaf.spec().as_deref(), Some("= 9 个"));
        let tiers: Vec<Option<String>> = leaf.groups().map(|g| g.name()).collect();
        assert_eq!(tiers, [Some("数量指标".into()), Some("产出指标".into())]);
    }

    #[test]
    fn junk_is_kept_as_written() {
        let junk: Vec<String> = file().junk().map(|j| j.text()).collect();
        assert_eq!(junk, ["这一行不是语法"]);
    }

    #[test]
    fn token_under_the_cursor() {
        let root = cst::parse(DOC).root();
        let at = DOC.find("辖区").expect("in the text");
        let t = token_at(&root, at + 3).expect("a token");
        assert_eq!(t.text(), "辖区社区数量");
        assert!(token_at(&root, DOC.len() + 1).is_none());
    }
}

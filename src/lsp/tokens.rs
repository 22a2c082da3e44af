//! Semantic tokens: what each token of the tree is, for highlighting that
//! knows the blocks (a tier name is a tier only inside `indicators`, a
//! word after a number is a unit of measure only in a value), which the
//! TextMate and Vim grammars can only guess.

use lsp_types::{
    SemanticToken, SemanticTokenModifier, SemanticTokenType, SemanticTokens, SemanticTokensLegend,
};

use super::position::LineIndex;
use crate::syntax::cst::{Kind, SyntaxNode, SyntaxToken};
use crate::syntax::grammar::Rule;

/// The token types, in the order of their indexes in the legend.
const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,      // 0
    SemanticTokenType::NUMBER,       // 1
    SemanticTokenType::STRING,       // 2
    SemanticTokenType::COMMENT,      // 3
    SemanticTokenType::OPERATOR,     // 4
    SemanticTokenType::TYPE,         // 5 units of measure
    SemanticTokenType::NAMESPACE,    // 6 units (预算单位)
    SemanticTokenType::FUNCTION,     // 7 projects
    SemanticTokenType::CLASS,        // 8 tiers
    SemanticTokenType::PROPERTY,     // 9 indicators, property keys
    SemanticTokenType::VARIABLE,     // 10 lines, summary rows
    SemanticTokenType::ENUM_MEMBER,  // 11 dimensions, frameworks
    SemanticTokenType::MACRO,        // 12 diagnostic codes in level statements
    SemanticTokenType::new("label"), // 13 serials of summary rows
];

const DECLARATION: u32 = 1;

pub fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TYPES.to_vec(),
        token_modifiers: vec![SemanticTokenModifier::DECLARATION],
    }
}

/// The type index and modifiers of a name, by what it names.
fn name_role(name: &SyntaxNode) -> Option<(u32, u32)> {
    let parent = name.parent()?;
    let Kind::Rule(rule) = parent.kind() else {
        return None;
    };
    Some(match rule {
        Rule::unit => (6, DECLARATION),
        Rule::parent_stmt => (6, 0),
        Rule::project => (7, DECLARATION),
        Rule::ind_group => (8, DECLARATION),
        Rule::ind_head => (9, DECLARATION),
        Rule::line_head | Rule::staff_line | Rule::summary_row | Rule::plan_stmt => {
            (10, DECLARATION)
        }
        Rule::alias_names => (8, DECLARATION),
        Rule::scheme_stmt | Rule::scheme_block => (11, 0),
        Rule::money_stmt => (5, 0),
        Rule::dimension => (11, 0),
        Rule::summary => (10, DECLARATION),
        _ => return None,
    })
}

/// The type index and modifiers of a token, or None to leave it plain.
fn classify(token: &SyntaxToken) -> Option<(u32, u32)> {
    match token.kind() {
        Kind::Comment => return Some((3, 0)),
        Kind::Whitespace | Kind::Newline | Kind::Error => return None,
        _ => {}
    }
    // The innermost construct that decides what the token is.
    for node in token.parent_ancestors() {
        let Kind::Rule(rule) = node.kind() else {
            continue;
        };
        match rule {
            Rule::name => return name_role(&node),
            Rule::prop_key => return Some((9, 0)),
            Rule::string => return Some((2, 0)),
            Rule::date | Rule::period => return Some((1, 0)),
            Rule::comparison => return Some((4, 0)),
            Rule::junk | Rule::junk_top => return None,
            _ => {}
        }
    }
    let Kind::Rule(rule) = token.kind() else {
        return None;
    };
    let name = format!("{rule:?}");
    Some(match rule {
        _ if name.starts_with("kw_") => (0, 0),
        _ if name.starts_with("dim_") => (11, 0),
        Rule::number | Rule::integer | Rule::unsigned | Rule::code => (1, 0),
        Rule::measure_unit | Rule::f_unit | Rule::percent => (5, 0),
        Rule::add_op | Rule::mul | Rule::div | Rule::range_sep => (4, 0),
        Rule::lint_code => (12, 0),
        Rule::serial => (13, 0),
        Rule::str_ascii | Rule::str_cn | Rule::str_corner => (2, 0),
        _ => return None,
    })
}

/// The semantic tokens of a file, encoded as the protocol wants: each
/// relative to the one before, one token per line of a token that spans
/// lines.
pub fn tokens(index: &LineIndex, root: &SyntaxNode) -> SemanticTokens {
    let mut data = Vec::new();
    let (mut prev_line, mut prev_start) = (0u32, 0u32);
    let mut push = |line: u32, start: u32, len: u32, ty: u32, mods: u32| {
        if len == 0 {
            return;
        }
        let delta_line = line - prev_line;
        let delta_start = if delta_line == 0 {
            start - prev_start
        } else {
            start
        };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length: len,
            token_type: ty,
            token_modifiers_bitset: mods,
        });
        prev_line = line;
        prev_start = start;
    };
    // A quoted name's quote marks take the name's role too: walk the
    // tokens and give each the role of its construct.
    for el in root.descendants_with_tokens() {
        let Some(token) = el.into_token() else {
            continue;
        };
        let Some((ty, mods)) = classify(&token) else {
            continue;
        };
        let range = token.text_range();
        let (from, to) = (usize::from(range.start()), usize::from(range.end()));
        let start = index.position(from);
        let end = index.position(to);
        if start.line == end.line {
            push(
                start.line,
                start.character,
                end.character - start.character,
                ty,
                mods,
            );
            continue;
        }
        for line in start.line..=end.line {
            let Some((a, b)) = index.line_bytes(line as usize) else {
                break;
            };
            let a = a.max(from + index.bom());
            let b = b.min(to + index.bom());
            if b <= a {
                continue;
            }
            let s = index.position_of_byte(a);
            let e = index.position_of_byte(b);
            push(line, s.character, e.character - s.character, ty, mods);
        }
    }
    SemanticTokens {
        result_id: None,
        data,
    }
}

//! Every keyword of the language and every comparison word, once.
//!
//! The grammar (`grammar/jixiao.pest`) must spell each keyword the same way:
//! `tests/keywords.rs` reads the grammar as text and fails when a `kw_*` or
//! `dim_*` rule and [`KEYWORDS`] disagree, or when the comparison rules and
//! [`COMPARISONS`] do. The same test generates the keyword lists of the Vim
//! syntax file and of the VS Code grammar script from these tables, and
//! checks the keyword table of `docs/language.md`.
//!
//! The formatter prints a keyword's English spelling or the first of its
//! Chinese ones (the canonical spelling), so the order of
//! [`Keyword::chinese`] matters; the grammar's order does not (there, a
//! longer spelling must come before its prefix, as `评分标准` before `评分`).

use crate::i18n::{Arg, Lang};
use crate::syntax::grammar::Rule;

/// What a keyword does, as far as the editors highlight keywords alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// A header statement: `year`, `money`, `scheme` ….
    Header,
    /// A lint level statement: `allow`, `warn`, `deny`.
    Level,
    /// Opens a block, or an item of one: `unit`, `budget`, `by`, `total` ….
    Block,
    /// A field of a unit, plan or project: `parent`, `goal`, `period` ….
    Field,
    /// The kind of an indicator: `qualitative`, `quantitative`.
    Kind,
    /// An attribute key of an indicator: `explain`, `scoring` ….
    Attribute,
    /// A word only after `goal` (`term`, `annual`); not reserved.
    GoalKind,
    /// A built-in dimension, only after `by` (`income` …); not reserved.
    Dimension,
}

impl Class {
    /// Whether the words of this class can never be a bare name: they are
    /// the grammar's `keyword` rule. Goal kinds and dimensions are keywords
    /// only where they stand (after `goal`, after `by`) and names elsewhere.
    pub const fn reserved(self) -> bool {
        !matches!(self, Class::GoalKind | Class::Dimension)
    }
}

/// One keyword: the grammar rule that matches it and its spellings.
#[derive(Clone, Copy, Debug)]
pub struct Keyword {
    pub rule: Rule,
    pub english: &'static str,
    /// Canonical first (what the formatter prints), then the others.
    pub chinese: &'static [&'static str],
    pub class: Class,
}

impl Keyword {
    /// The canonical Chinese spelling.
    pub const fn chinese_canonical(&self) -> &'static str {
        self.chinese[0]
    }

    /// Every spelling: English, then Chinese with the canonical first.
    pub fn spellings(&self) -> impl Iterator<Item = &'static str> {
        std::iter::once(self.english).chain(self.chinese.iter().copied())
    }
}

const fn kw(
    rule: Rule,
    english: &'static str,
    chinese: &'static [&'static str],
    class: Class,
) -> Keyword {
    Keyword {
        rule,
        english,
        chinese,
        class,
    }
}

/// Every keyword, in the grammar's order.
#[rustfmt::skip]
pub const KEYWORDS: &[Keyword] = {
    use Class::*;
    use Rule::*;
    &[
        kw(kw_year,         "year",         &["年度"],                             Header),
        kw(kw_money,        "money",        &["金额单位"],                         Header),
        kw(kw_precision,    "precision",    &["精度"],                             Header),
        kw(kw_scheme,       "scheme",       &["框架"],                             Header),
        kw(kw_title,        "title",        &["标题"],                             Header),
        kw(kw_include,      "include",      &["包含"],                             Header),
        kw(kw_form,         "form",         &["表", "表格"],                       Header),
        kw(kw_allow,        "allow",        &["允许"],                             Level),
        kw(kw_warn,         "warn",         &["警告"],                             Level),
        kw(kw_deny,         "deny",         &["禁止"],                             Level),
        kw(kw_extends,      "extends",      &["继承"],                             Block),
        kw(kw_required,     "required",     &["必填"],                             Block),
        kw(kw_unit,         "unit",         &["单位"],                             Block),
        kw(kw_rollup,       "rollup",       &["系统"],                             Block),
        kw(kw_parent,       "parent",       &["上级"],                             Field),
        kw(kw_duties,       "duties",       &["职责"],                             Field),
        kw(kw_goal,         "goal",         &["目标"],                             Field),
        kw(kw_term,         "term",         &["长期", "实施期"],                   GoalKind),
        kw(kw_annual,       "annual",       &["年度"],                             GoalKind),
        kw(kw_plan,         "plan",         &["重点工作"],                         Block),
        kw(kw_owner,        "owner",        &["责任单位"],                         Field),
        kw(kw_staff,        "staff",        &["人员"],                             Block),
        kw(kw_budget,       "budget",       &["预算"],                             Block),
        kw(kw_amount,       "amount",       &["金额"],                             Block),
        kw(kw_by,           "by",           &["按"],                               Block),
        kw(kw_project,      "project",      &["项目"],                             Block),
        kw(kw_period,       "period",       &["实施期"],                           Field),
        kw(kw_schedule,     "schedule",     &["进度"],                             Field),
        kw(kw_indicators,   "indicators",   &["绩效指标", "年度绩效指标"],         Block),
        kw(kw_qualitative,  "qualitative",  &["定性"],                             Kind),
        kw(kw_quantitative, "quantitative", &["定量"],                             Kind),
        kw(kw_explain,      "explain",      &["指标解释", "解释"],                 Attribute),
        kw(kw_scoring,      "scoring",      &["评分标准", "评(扣)分标准", "评分"], Attribute),
        kw(kw_standard,     "standard",     &["绩效标准", "标准"],                 Attribute),
        kw(kw_weight,       "weight",       &["分值", "权重"],                     Attribute),
        kw(kw_note,         "note",         &["备注"],                             Attribute),
        kw(kw_summary,      "summary",      &["汇总表"],                           Block),
        kw(kw_total,        "total",        &["合计", "总计", "小计"],             Block),
        kw(kw_continued,    "continued",    &["续"],                               Block),
        kw(kw_prior,        "prior",        &["上年"],                             Field),
        kw(kw_change,       "change",       &["增减"],                             Field),
        kw(kw_restates,     "restates",     &["重述"],                             Field),
        kw(kw_basis,        "basis",        &["测算依据", "依据"],                 Field),
        kw(dim_income,      "income",       &["收入"],                             Dimension),
        kw(dim_expense,     "expense",      &["支出"],                             Dimension),
        kw(dim_economic,    "economic",     &["经济分类"],                         Dimension),
        kw(dim_functional,  "functional",   &["功能分类"],                         Dimension),
        kw(dim_source,      "source",       &["来源"],                             Dimension),
        kw(dim_detail,      "detail",       &["明细"],                             Dimension),
    ]
};

/// A keyword as an argument of a message, shown with the spelling of
/// `spelling` (the file's), or of the language of the run when None.
pub fn arg(k: &Keyword, spelling: Option<Lang>) -> Arg {
    Arg::Keyword {
        english: k.english,
        chinese: k.chinese_canonical(),
        spelling,
    }
}

/// The keyword spelled `english` in English as an argument of a message
/// (see [`arg`]); an unknown word is shown as written.
pub fn arg_named(english: &str, spelling: Option<Lang>) -> Arg {
    match KEYWORDS.iter().find(|k| k.english == english) {
        Some(k) => arg(k, spelling),
        None => Arg::Text(format!("`{english}`")),
    }
}

/// The language most keywords of a file are written in (English on a
/// tie), or None when it has no keyword.
pub fn language_of(root: &crate::syntax::cst::SyntaxNode) -> Option<Lang> {
    let (mut en, mut zh) = (0usize, 0usize);
    for t in root.descendants_with_tokens() {
        if let crate::syntax::cst::Kind::Rule(rule) = t.kind() {
            if by_rule(rule).is_some() {
                if let Some(tok) = t.as_token() {
                    if tok.text().is_ascii() {
                        en += 1;
                    } else {
                        zh += 1;
                    }
                }
            }
        }
    }
    match (en, zh) {
        (0, 0) => None,
        (en, zh) if zh > en => Some(Lang::Zh),
        _ => Some(Lang::En),
    }
}

/// The keyword a grammar rule matches, if it is one.
pub fn by_rule(rule: Rule) -> Option<&'static Keyword> {
    KEYWORDS.iter().find(|k| k.rule == rule)
}

/// Every spelling of the built-in dimensions (after `by`), English and
/// Chinese, in table order.
pub const DIMENSION_WORDS: [&str; count_spellings(Class::Dimension)] =
    spellings_of(Class::Dimension);

const fn count_spellings(class: Class) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < KEYWORDS.len() {
        if KEYWORDS[i].class as u8 == class as u8 {
            n += 1 + KEYWORDS[i].chinese.len();
        }
        i += 1;
    }
    n
}

const fn spellings_of<const N: usize>(class: Class) -> [&'static str; N] {
    let mut out = [""; N];
    let mut n = 0;
    let mut i = 0;
    while i < KEYWORDS.len() {
        let k = &KEYWORDS[i];
        if k.class as u8 == class as u8 {
            out[n] = k.english;
            n += 1;
            let mut j = 0;
            while j < k.chinese.len() {
                out[n] = k.chinese[j];
                n += 1;
                j += 1;
            }
        }
        i += 1;
    }
    out
}

/// The written forms of one comparison (rules `ge`, `le` … of the grammar).
#[derive(Clone, Copy, Debug)]
pub struct ComparisonForms {
    pub rule: Rule,
    /// What the formatter prints.
    pub canonical: &'static str,
    /// Signs and their look-alikes, the canonical one among them.
    pub signs: &'static [&'static str],
    /// Chinese words; the grammar takes one only when no name character
    /// follows (`超过预期` is a text), though a figure may (`大于等于95%`).
    pub words: &'static [&'static str],
}

/// Every comparison, in the grammar's order (which is also the order in
/// which the grammar tries them: `>=` before `>`, `不等于` before `等于`).
pub const COMPARISONS: &[ComparisonForms] = &[
    ComparisonForms {
        rule: Rule::ge,
        canonical: "≥",
        // `》=` and the like only before a figure (the grammar says so).
        signs: &[
            ">=", "≥", "≧", "＞＝", "＞=", "⩾", "=>", "》=", "》＝", "〉=",
        ],
        words: &[
            "大于等于",
            "大于或等于",
            "不低于",
            "不少于",
            "不小于",
            "至少",
        ],
    },
    ComparisonForms {
        rule: Rule::le,
        canonical: "≤",
        signs: &[
            "<=", "≤", "≦", "＜＝", "＜=", "⩽", "=<", "《=", "《＝", "〈=",
        ],
        words: &[
            "小于等于",
            "小于或等于",
            "不高于",
            "不超过",
            "未超过",
            "不多于",
            "不大于",
            "至多",
        ],
    },
    ComparisonForms {
        rule: Rule::ne,
        canonical: "≠",
        signs: &["!=", "≠"],
        words: &["不等于"],
    },
    ComparisonForms {
        rule: Rule::eq,
        canonical: "=",
        signs: &["==", "=", "＝"],
        words: &["等于"],
    },
    ComparisonForms {
        rule: Rule::gt,
        canonical: ">",
        // `》` (and `〉`) only before a figure: `《规则》` is a title.
        signs: &[">", "＞", "˃", "›", "》", "〉"],
        words: &["大于", "高于", "超过", "多于"],
    },
    ComparisonForms {
        rule: Rule::lt,
        canonical: "<",
        signs: &["<", "＜", "˂", "‹", "《", "〈"],
        words: &["小于", "低于", "少于", "不足"],
    },
    ComparisonForms {
        rule: Rule::approx,
        canonical: "≈",
        signs: &["≈", "≒"],
        words: &["约等于"],
    },
];

/// Where a qualifier word stands: right before the figure, between the
/// figure and its unit, or after the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QualifierPlace {
    Before,
    Between,
    After,
}

/// The words written around a target's value (`达到`, `以上`, `前`, `左右`,
/// `（含）`): each kept as written, and read for what it says (see
/// [`crate::ast::Means`]). A unit of measure stops where one begins.
#[derive(Clone, Copy, Debug)]
pub struct QualifierForms {
    /// The grammar rule (`at_least` …).
    pub rule: Rule,
    pub place: QualifierPlace,
    /// What the words say: a comparison's canonical sign, `含` (the bound
    /// counts) or empty (nothing).
    pub means: &'static str,
    pub words: &'static [&'static str],
}

/// Every qualifier word, in the grammar's order.
pub const QUALIFIERS: &[QualifierForms] = {
    use QualifierPlace::*;
    const fn q(
        rule: Rule,
        place: QualifierPlace,
        means: &'static str,
        words: &'static [&'static str],
    ) -> QualifierForms {
        QualifierForms {
            rule,
            place,
            means,
            words,
        }
    }
    &[
        // A target is a figure to reach: `达到` says no more than the figure.
        q(Rule::reach, Before, "", &["达到", "达"]),
        q(Rule::keep_within, Before, "≤", &["控制在"]),
        q(Rule::about, Before, "≈", &["大约", "约"]),
        q(Rule::keep_at, Before, "", &["保持在", "维持在"]),
        q(Rule::more_word, Between, ">", &["余", "多"]),
        q(Rule::at_least, After, "≥", &["及以上", "或以上", "以上"]),
        q(
            Rule::at_most,
            After,
            "≤",
            &["及以下", "或以下", "以下", "以内", "之内", "内"],
        ),
        q(Rule::by_time, After, "≤", &["之前", "以前", "前"]),
        q(Rule::from_time, After, "≥", &["之后", "以后", "后"]),
        q(Rule::around, After, "≈", &["左右", "上下"]),
        q(
            Rule::inclusive,
            After,
            "含",
            &["（含）", "(含)", "（含本数）", "(含本数)"],
        ),
        q(Rule::done, After, "", &["完成", "。"]),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_unique_and_every_keyword_has_a_chinese_spelling() {
        for (i, k) in KEYWORDS.iter().enumerate() {
            assert!(!k.chinese.is_empty(), "{:?}", k.rule);
            assert!(
                KEYWORDS[..i].iter().all(|o| o.rule != k.rule),
                "{:?} twice",
                k.rule
            );
        }
    }

    #[test]
    fn dimension_words_are_every_spelling_of_the_dimensions() {
        let expected: Vec<&str> = KEYWORDS
            .iter()
            .filter(|k| k.class == Class::Dimension)
            .flat_map(|k| k.spellings())
            .collect();
        assert_eq!(DIMENSION_WORDS.to_vec(), expected);
    }

    #[test]
    fn the_canonical_sign_is_one_of_the_signs() {
        for c in COMPARISONS {
            assert!(c.signs.contains(&c.canonical), "{:?}", c.rule);
        }
    }
}

//! The languages jixiao speaks: every text a user reads is a message of a
//! Project Fluent catalogue (`locales/LANG/*.ftl`, embedded in the binary),
//! chosen by id and filled with arguments when it is rendered.
//!
//! A finding does not carry English (or Chinese): it carries a [`Message`],
//! an id and its arguments (the names and figures of the document, counts,
//! other messages, lists, keywords). The renderers turn it into text in the
//! language of the run ([`Lang`]), so one check serves both languages and
//! the JSON output keeps a stable `code` whatever the language.
//!
//! `tests/i18n.rs` holds the catalogues to each other: every id in both
//! languages with the same placeholders, every id the source names present,
//! every code's registry texts present.

use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language of the messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English, the language of the source code and of the tests' pins.
    #[default]
    En,
    /// Simplified Chinese, the users' language.
    Zh,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language named `text`: `zh`, `zh-CN`, `zh_CN.UTF-8`, `chinese`
    /// … or `en`, `en_US`, `C`, `POSIX` …; None for any other.
    pub fn parse(text: &str) -> Option<Lang> {
        let t = text.trim().to_ascii_lowercase();
        let base = t.split(['_', '-', '.', '@']).next().unwrap_or("");
        match base {
            "zh" | "chinese" | "cn" | "中文" | "汉语" => Some(Lang::Zh),
            "en" | "english" | "c" | "posix" | "英文" | "英语" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language of the environment: `JIXIAO_LANG`, then the locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set, as POSIX
    /// orders them). Chinese under a Chinese locale, English otherwise.
    pub fn from_env() -> Lang {
        Lang::from_vars(|name| std::env::var(name).ok())
    }

    /// [`Lang::from_env`] over any source of variables (for tests).
    pub fn from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(l) = var("JIXIAO_LANG").as_deref().and_then(Lang::parse) {
            return l;
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            // An empty variable counts as unset.
            match var(name) {
                Some(v) if !v.is_empty() => return Lang::parse(&v).unwrap_or(Lang::En),
                _ => {}
            }
        }
        Lang::En
    }

    /// The directory of its catalogue under `locales/`, its BCP 47 tag.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }
}

/// The catalogue files of each language, embedded: (language, file, text).
pub const CATALOGUES: &[(Lang, &str, &str)] = &[
    (
        Lang::En,
        "common.ftl",
        include_str!("../locales/en/common.ftl"),
    ),
    (
        Lang::En,
        "codes.ftl",
        include_str!("../locales/en/codes.ftl"),
    ),
    (
        Lang::En,
        "syntax.ftl",
        include_str!("../locales/en/syntax.ftl"),
    ),
    (
        Lang::En,
        "project.ftl",
        include_str!("../locales/en/project.ftl"),
    ),
    (
        Lang::En,
        "budget.ftl",
        include_str!("../locales/en/budget.ftl"),
    ),
    (
        Lang::En,
        "tables.ftl",
        include_str!("../locales/en/tables.ftl"),
    ),
    (
        Lang::En,
        "bounds.ftl",
        include_str!("../locales/en/bounds.ftl"),
    ),
    (
        Lang::En,
        "tiers.ftl",
        include_str!("../locales/en/tiers.ftl"),
    ),
    (
        Lang::En,
        "values.ftl",
        include_str!("../locales/en/values.ftl"),
    ),
    (Lang::En, "cli.ftl", include_str!("../locales/en/cli.ftl")),
    (
        Lang::En,
        "output.ftl",
        include_str!("../locales/en/output.ftl"),
    ),
    (Lang::En, "lsp.ftl", include_str!("../locales/en/lsp.ftl")),
    (
        Lang::En,
        "import.ftl",
        include_str!("../locales/en/import.ftl"),
    ),
    (
        Lang::Zh,
        "common.ftl",
        include_str!("../locales/zh-CN/common.ftl"),
    ),
    (
        Lang::Zh,
        "codes.ftl",
        include_str!("../locales/zh-CN/codes.ftl"),
    ),
    (
        Lang::Zh,
        "syntax.ftl",
        include_str!("../locales/zh-CN/syntax.ftl"),
    ),
    (
        Lang::Zh,
        "project.ftl",
        include_str!("../locales/zh-CN/project.ftl"),
    ),
    (
        Lang::Zh,
        "budget.ftl",
        include_str!("../locales/zh-CN/budget.ftl"),
    ),
    (
        Lang::Zh,
        "tables.ftl",
        include_str!("../locales/zh-CN/tables.ftl"),
    ),
    (
        Lang::Zh,
        "bounds.ftl",
        include_str!("../locales/zh-CN/bounds.ftl"),
    ),
    (
        Lang::Zh,
        "tiers.ftl",
        include_str!("../locales/zh-CN/tiers.ftl"),
    ),
    (
        Lang::Zh,
        "values.ftl",
        include_str!("../locales/zh-CN/values.ftl"),
    ),
    (
        Lang::Zh,
        "cli.ftl",
        include_str!("../locales/zh-CN/cli.ftl"),
    ),
    (
        Lang::Zh,
        "output.ftl",
        include_str!("../locales/zh-CN/output.ftl"),
    ),
    (
        Lang::Zh,
        "lsp.ftl",
        include_str!("../locales/zh-CN/lsp.ftl"),
    ),
    (
        Lang::Zh,
        "import.ftl",
        include_str!("../locales/zh-CN/import.ftl"),
    ),
];

/// What goes into a placeholder of a message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Arg {
    /// Text shown as it is, in every language: a name or a figure of the
    /// document, a code, a formula.
    Text(String),
    /// A count: English chooses `1 place` or `3 places` by it.
    Count(i64),
    /// A phrase, itself translated.
    Message(Box<Message>),
    /// Items joined as the language joins a list: `a, b or c`, `a、b 或 c`.
    List(Joiner, Vec<Arg>),
    /// A keyword of the language, with the spelling the file uses (`year`
    /// or `年度`); when the file shows none, the spelling of the language
    /// of the run. The catalogue puts it in backticks.
    Keyword {
        english: &'static str,
        chinese: &'static str,
        spelling: Option<Lang>,
    },
}

/// How the items of a list are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Joiner {
    /// `a, b or c`
    Or,
    /// `a, b and c`
    And,
    /// `a, b, c`
    Comma,
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Arg {
        Arg::Message(Box::new(m))
    }
}

macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_from!(usize, u32, u64, i32, i64);

impl Arg {
    /// A list of items joined with `or`.
    pub fn or<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(Joiner::Or, items.into_iter().map(Into::into).collect())
    }

    /// A list of items joined with `and`.
    pub fn and<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(Joiner::And, items.into_iter().map(Into::into).collect())
    }

    /// A list of items separated by commas.
    pub fn comma<T: Into<Arg>>(items: impl IntoIterator<Item = T>) -> Arg {
        Arg::List(Joiner::Comma, items.into_iter().map(Into::into).collect())
    }

    fn render(&self, lang: Lang, errors: &mut Vec<String>) -> String {
        match self {
            Arg::Text(s) => s.clone(),
            Arg::Count(n) => n.to_string(),
            Arg::Message(m) => m.render_into(lang, errors),
            Arg::List(joiner, items) => {
                let items: Vec<String> = items.iter().map(|i| i.render(lang, errors)).collect();
                join(lang, *joiner, &items, errors)
            }
            Arg::Keyword {
                english,
                chinese,
                spelling,
            } => match spelling.unwrap_or(lang) {
                Lang::En => english.to_string(),
                Lang::Zh => chinese.to_string(),
            },
        }
    }
}

/// Join rendered items as the language joins a list.
fn join(lang: Lang, joiner: Joiner, items: &[String], errors: &mut Vec<String>) -> String {
    let sep = Message::new("list-separator").render_into(lang, errors);
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => {
            let head = init.join(&sep);
            let id = match joiner {
                Joiner::Or => "list-or",
                Joiner::And => "list-and",
                Joiner::Comma => return format!("{head}{sep}{last}"),
            };
            Message::new(id)
                .arg("head", head)
                .arg("last", last.clone())
                .render_into(lang, errors)
        }
    }
}

/// A text to show the user: the id of a catalogue message and its
/// arguments. Two messages are equal when their ids and arguments are, in
/// whatever language they are shown.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// Push onto one of the small vectors of a finding (a message's
/// arguments; a finding's labels, notes and help), with room for exactly
/// the first few: most have one to three, a vector grown by a push holds
/// four, and the findings of a large corpus are held to the end of the
/// run. Past [`TIGHT`] it grows by doubling, so that a finding with a label
/// per part of a long breakdown is still built in linear time.
pub(crate) fn push_tight<T>(v: &mut Vec<T>, item: T) {
    if v.len() < TIGHT {
        v.reserve_exact(1);
    }
    v.push(item);
}

/// How many items [`push_tight`] makes room for one at a time.
const TIGHT: usize = 4;

/// A message: `msg!("b001-does-not-add-up", subject = name, stated = figure, …)`.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    /// A text that is the same in every language (a formula, a figure, an
    /// error of the operating system): the message `text`.
    pub fn text(text: impl Into<String>) -> Message {
        Message::new("text").arg("text", text.into())
    }

    /// No text (an unlabelled place).
    pub fn empty() -> Message {
        Message::text("")
    }

    /// Whether it renders as nothing in every language.
    pub fn is_empty(&self) -> bool {
        self.id == "text" && matches!(self.args.first(), Some((_, Arg::Text(t))) if t.is_empty())
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        push_tight(&mut self.args, (name, value.into()));
        self
    }

    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        self.render_into(lang, &mut Vec::new())
    }

    /// The message in `lang`, or what went wrong (an unknown id, a missing
    /// argument): for the tests that hold the catalogues complete.
    pub fn try_render(&self, lang: Lang) -> Result<String, Vec<String>> {
        let mut errors = Vec::new();
        let s = self.render_into(lang, &mut errors);
        if errors.is_empty() {
            Ok(s)
        } else {
            Err(errors)
        }
    }

    fn render_into(&self, lang: Lang, errors: &mut Vec<String>) -> String {
        let bundles = bundles();
        let mut args = FluentArgs::with_capacity(self.args.len());
        for (name, value) in &self.args {
            let v = match value {
                Arg::Count(n) => FluentValue::from(*n),
                other => FluentValue::from(other.render(lang, errors)),
            };
            args.set(*name, v);
        }
        // A message missing from a language falls back to English, then
        // to its id: a gap in a catalogue never loses a finding.
        let found = [lang, Lang::En].into_iter().find_map(|l| {
            let b = &bundles[&l];
            b.get_message(self.id)
                .and_then(|m| m.value())
                .map(|p| (b, p, l))
        });
        let Some((bundle, pattern, used)) = found else {
            errors.push(format!("no message `{}`", self.id));
            return self.id.to_string();
        };
        if used != lang {
            errors.push(format!("no message `{}` in {}", self.id, lang.tag()));
        }
        let mut fluent_errors = Vec::new();
        let out = bundle
            .format_pattern(pattern, Some(&args), &mut fluent_errors)
            .into_owned();
        errors.extend(
            fluent_errors
                .into_iter()
                .map(|e| format!("`{}`: {e}", self.id)),
        );
        out
    }
}

/// The message `id`, which takes no argument, in `lang`; the id itself
/// when no catalogue has it. For ids made at run time (a CSV column's
/// header is `csv-` and the column's key).
pub fn plain(id: &str, lang: Lang) -> String {
    let bundles = bundles();
    [lang, Lang::En]
        .into_iter()
        .find_map(|l| {
            let b = &bundles[&l];
            let pattern = b.get_message(id)?.value()?;
            Some(
                b.format_pattern(pattern, None, &mut Vec::new())
                    .into_owned(),
            )
        })
        .unwrap_or_else(|| id.to_string())
}

/// English, the language of the source and of the tests' pins: what a
/// test or a log line shows. What a user reads is rendered in the language
/// of the run ([`Message::render`]).
impl std::fmt::Display for Message {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of each language, built once from the embedded catalogues.
fn bundles() -> &'static HashMap<Lang, Bundle> {
    static BUNDLES: OnceLock<HashMap<Lang, Bundle>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        Lang::ALL
            .into_iter()
            .map(|lang| {
                let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
                let mut bundle = Bundle::new_concurrent(vec![id]);
                // Isolation marks (U+2068, U+2069) around placeables would
                // reach terminals and files as stray characters.
                bundle.set_use_isolating(false);
                for (l, _, text) in CATALOGUES {
                    if *l == lang {
                        // A resource with a syntax error keeps its good
                        // entries; tests/i18n.rs fails on the error.
                        let resource = FluentResource::try_new(text.to_string())
                            .unwrap_or_else(|(partial, _)| partial);
                        // Ids given twice: the first stays (a test fails).
                        let _ = bundle.add_resource(resource);
                    }
                }
                (lang, bundle)
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_vectors_are_tight_and_long_ones_still_double() {
        let mut v = Vec::new();
        for i in 0..3 {
            push_tight(&mut v, i);
        }
        assert_eq!(v.capacity(), 3, "room for exactly what was pushed");
        // A label per part of a breakdown of 10,000 lines: grown one at a
        // time, its building would be quadratic.
        for i in 3..10_000 {
            push_tight(&mut v, i);
        }
        assert_eq!(v.capacity(), 16_384, "doubling past the first four");
    }

    #[test]
    fn the_language_comes_from_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_vars(env(&[])), Lang::En);
        assert_eq!(Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Zh);
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8"), ("LC_ALL", "C")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_vars(env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_TW")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_vars(env(&[("LANG", "zh_CN.UTF-8"), ("JIXIAO_LANG", "en")])),
            Lang::En
        );
        assert_eq!(Lang::from_vars(env(&[("LANG", "fr_FR.UTF-8")])), Lang::En);
    }

    #[test]
    fn messages_render_in_each_language() {
        let m = msg!("grouped", what = Message::text("甲"), places = 3usize);
        assert_eq!(m.render(Lang::En), "甲 (3 places)");
        assert_eq!(m.render(Lang::Zh), "甲（3 处）");
        let list = Message::new("text").arg("text", Arg::or(["a", "b", "c"]));
        assert_eq!(list.render(Lang::En), "a, b or c");
        assert_eq!(list.render(Lang::Zh), "a、b 或 c");
        assert!(Message::new(concat!("no-such", "-message"))
            .try_render(Lang::En)
            .is_err());
    }
}

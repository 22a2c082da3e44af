//! Quick fixes for the findings whose fix is mechanical: the replacement is
//! read from the finding itself (the arguments of its help, and its primary
//! label marks what to replace), for the codes where that replacement is
//! the whole fix:
//!
//! - T001, T002 `did you mean X?` (`did-you-mean`): write the tier name X;
//! - V004 `write ≥` / `write ≤`: turn the comparison round;
//! - V003 `write = 100%`: a rate of at least (or more than) 100%;
//! - B011 `write CODE NAME` (`b011-help`): the catalog's name for the code;
//! - V002 (定性 with a figure): mark it 定量;
//! - S002 `this } closes no block`: remove the brace; `this { is never
//!   closed`: add the `}` at the end of the file.

use crate::diag::{Code, Diagnostic};
use crate::i18n::{Arg, Message};
use crate::msg;
use crate::source::Span;

/// A fix: replace `span` with `text`. Its title is shown in the language
/// of the editor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: Message,
    pub span: Span,
    pub text: String,
}

/// The help of `d` with the message id `id`, if it has one.
fn help<'a>(d: &'a Diagnostic, id: &str) -> Option<&'a Message> {
    d.help.iter().find(|h| h.id == id)
}

/// The text of argument `name` of a message.
fn text_arg<'a>(m: &'a Message, name: &str) -> Option<&'a str> {
    m.args.iter().find_map(|(n, a)| match a {
        Arg::Text(t) if *n == name => Some(t.as_str()),
        _ => None,
    })
}

/// The fix of a finding, if it has a mechanical one. `text` is the text
/// of the file of its primary label.
pub fn fix(d: &Diagnostic, text: &str) -> Option<Fix> {
    let span = d.primary_span()?;
    let written = text.get(span.start()..span.end())?;
    let replace = |title: Message, with: &str| Fix {
        title,
        span,
        text: with.to_string(),
    };
    let write = |with: &str| replace(msg!("fix-write", text = with), with);
    match d.code {
        Code::T001 | Code::T002 => {
            let name = text_arg(help(d, "did-you-mean")?, "name")?;
            Some(write(name))
        }
        Code::V004 => {
            if help(d, "v004-rate-help").is_some() {
                Some(write("≥"))
            } else if help(d, "v004-cost-help").is_some() {
                Some(write("≤"))
            } else {
                None
            }
        }
        Code::V003 => (help(d, "v003-help-equal").is_some()
            || help(d, "v003-help-below").is_some())
        .then(|| write("= 100%")),
        Code::B011 => {
            let name = text_arg(help(d, "b011-help")?, "name")?;
            Some(replace(msg!("fix-catalog-name", name = name), name))
        }
        Code::V002 => {
            let with = match written {
                "定性" => "定量",
                "qualitative" => "quantitative",
                _ => return None,
            };
            Some(replace(msg!("fix-mark-it", kind = with), with))
        }
        Code::S002 if d.message.id == "s002-closes-no-block" => Some(Fix {
            title: msg!("fix-remove-brace"),
            span,
            text: String::new(),
        }),
        Code::S002 if d.message.id == "s002-never-closed" => {
            let end = text.len();
            let newline = if text.ends_with('\n') || text.is_empty() {
                ""
            } else {
                "\n"
            };
            Some(Fix {
                title: msg!("fix-close-block"),
                span: Span::at(span.file, end),
                text: format!("{newline}}}\n"),
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{self, Options};
    use crate::project::{load, Input};

    /// The fixes of a document's findings, applied one at a time: the
    /// text each gives, by code.
    fn fixed(text: &str) -> Vec<(Code, String)> {
        let project = load(&[Input::Text {
            name: "t.jx".into(),
            text: text.into(),
        }])
        .expect("loads");
        let src = &project.sources.get(crate::source::FileId(0)).text;
        check::check(&project, &Options::default())
            .iter()
            .filter_map(|d| {
                let f = fix(d, src)?;
                let mut out = src.clone();
                out.replace_range(f.span.start()..f.span.end(), &f.text);
                Some((d.code, out))
            })
            .collect()
    }

    fn one(text: &str, code: Code) -> String {
        let all = fixed(text);
        let found: Vec<&String> = all
            .iter()
            .filter(|(c, _)| *c == code)
            .map(|(_, t)| t)
            .collect();
        assert_eq!(found.len(), 1, "one {code} fix in {all:?}");
        found[0].clone()
    }

    const HEAD: &str = "year 2023\nmoney 万元\nscheme 财预2020\n";

    #[test]
    fn a_tier_name_did_you_mean() {
        let t = format!("{HEAD}unit 甲 {{\n  indicators {{\n    产出指标 {{ 数量 {{ 次数 = 9 次 }} }}\n    效益指标 {{ 社会效益 {{ 好 ≥ 90% }} }}\n    满意度指标 {{ 服务对象满意度 {{ 满意度 ≥ 90% }} }}\n    产出指 {{ }}\n  }}\n}}\n");
        let all = fixed(&t);
        assert!(
            all.iter()
                .any(|(c, out)| *c == Code::T001 && out.contains("产出指标 { }")),
            "{all:?}"
        );
    }

    #[test]
    fn comparisons_turned_round_and_rates() {
        let t = format!("{HEAD}unit 甲 {{\n  indicators {{\n    满意度指标 {{ 服务对象满意度指标 {{ 群众满意度 ≤ 98% }} }}\n  }}\n}}\n");
        assert!(one(&t, Code::V004).contains("群众满意度 ≥ 98%"));
        let t = format!("{HEAD}unit 甲 {{\n  indicators {{\n    产出指标 {{ 质量指标 {{ 验收合格率 ≥ 100% }} }}\n  }}\n}}\n");
        assert!(one(&t, Code::V003).contains("验收合格率 = 100%"));
        let t = format!("{HEAD}unit 甲 {{\n  indicators {{\n    产出指标 {{ 数量指标 {{ 培训次数 定性 ≥ 5 次 }} }}\n  }}\n}}\n");
        assert!(one(&t, Code::V002).contains("培训次数 定量 ≥ 5 次"));
    }

    #[test]
    fn the_catalog_name_of_a_code() {
        let t = format!(
            "{HEAD}unit 甲 {{\n  budget 10 {{\n    by economic {{ 30101 工资 10 }}\n  }}\n}}\n"
        );
        assert!(one(&t, Code::B011).contains("30101 基本工资 10"));
    }

    #[test]
    fn braces() {
        let t = format!("{HEAD}unit 甲 {{\n  budget 10\n");
        assert!(one(&t, Code::S002).ends_with("  budget 10\n}\n"));
        let t = format!("{HEAD}unit 甲 {{\n  budget 10\n}}\n}}\n");
        assert_eq!(
            one(&t, Code::S002),
            format!("{HEAD}unit 甲 {{\n  budget 10\n}}\n\n")
        );
    }
}

//! Quick fixes for the findings whose fix is mechanical: the replacement is
//! read from the finding itself (its help says `did you mean X?` or
//! `write \`X\``, and its primary label marks what to replace), for the
//! codes where that replacement is the whole fix:
//!
//! - T001, T002 `did you mean X?`: write the tier name X;
//! - V004 `write \`≥\`` / `write \`≤\``: turn the comparison round;
//! - V003 `write \`= 100%\``: a rate of at least (or more than) 100%;
//! - B011 `write \`CODE NAME\``: the catalog's name for the code;
//! - V002 (定性 with a figure): mark it 定量;
//! - S002 `this \`}\` closes no block`: remove the brace; `this \`{\` is
//!   never closed`: add the `}` at the end of the file.

use crate::diag::{Code, Diagnostic};
use crate::source::Span;

/// A fix: replace `span` with `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub title: String,
    pub span: Span,
    pub text: String,
}

/// The text of the first help of `d` of the form `prefix…suffix`.
fn help_between<'a>(d: &'a Diagnostic, prefix: &str, suffix: &str) -> Option<&'a str> {
    d.help.iter().find_map(|h| {
        h.strip_prefix(prefix).and_then(|rest| {
            rest.strip_suffix(suffix)
                .or_else(|| rest.split(suffix).next())
        })
    })
}

/// The fix of a finding, if it has a mechanical one. `text` is the text
/// of the file of its primary label.
pub fn fix(d: &Diagnostic, text: &str) -> Option<Fix> {
    let span = d.primary_span()?;
    let written = text.get(span.start..span.end)?;
    let replace = |what: &str, with: &str| Fix {
        title: format!("{what} `{with}`"),
        span,
        text: with.to_string(),
    };
    match d.code {
        Code::T001 | Code::T002 => {
            let name = help_between(d, "did you mean ", "?")?;
            Some(replace("Write", name))
        }
        Code::V004 => {
            let cmp = help_between(d, "write `", "`")?;
            Some(replace("Write", cmp))
        }
        Code::V003 => {
            let with = help_between(d, "write `", "`")?;
            (with == "= 100%").then(|| replace("Write", with))
        }
        Code::B011 => {
            // `write \`30101 基本工资\``: the label is on the name.
            let with = help_between(d, "write `", "`")?;
            let name = with.split_once(' ').map(|(_, n)| n)?;
            Some(replace("Write the catalog's name", name))
        }
        Code::V002 => {
            let with = match written {
                "定性" => "定量",
                "qualitative" => "quantitative",
                _ => return None,
            };
            Some(replace("Mark it", with))
        }
        Code::S002 if d.message.contains("closes no block") => Some(Fix {
            title: "Remove the unmatched `}`".into(),
            span,
            text: String::new(),
        }),
        Code::S002 if d.message.contains("never closed") => {
            let end = text.len();
            let newline = if text.ends_with('\n') || text.is_empty() {
                ""
            } else {
                "\n"
            };
            Some(Fix {
                title: "Close the block at the end of the file".into(),
                span: Span {
                    file: span.file,
                    start: end,
                    end,
                },
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
                out.replace_range(f.span.start..f.span.end, &f.text);
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

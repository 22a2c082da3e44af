//! Knowing a table by the form catalogue ([`crate::forms`]): the form a
//! title names, and what each label of its header block holds. The
//! catalogue is what the tables are printed from, so a workbook laid out
//! as an official form is read back by the same definitions: a label's
//! [`Source`] says which field of the document its value cell holds
//! (`所属专项名称` is the property `所属专项`, `联系电话` after 项目负责人 the
//! property `项目负责人联系电话`).

use crate::forms::{Form, Part, Subject, CATALOGUE};

/// Text without white space (published tables space out short labels).
pub fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

/// Whether `text` is what the pattern prints, each placeholder (`{年}`,
/// `{单位}` …) standing for any text.
pub fn matches(pattern: &str, text: &str) -> bool {
    let parts = literal_parts(pattern);
    let text = squeeze(text);
    fits(&parts, &text, pattern.starts_with('{'))
}

/// The literal pieces of a pattern, without white space.
fn literal_parts(pattern: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = pattern;
    loop {
        match rest.find('{') {
            Some(i) => {
                out.push(squeeze(&rest[..i]));
                match rest[i..].find('}') {
                    Some(j) => rest = &rest[i + j + 1..],
                    None => break,
                }
            }
            None => {
                out.push(squeeze(rest));
                break;
            }
        }
    }
    out
}

/// The pieces in order, the first at the start unless a placeholder
/// leads, the last at the end.
fn fits(parts: &[String], text: &str, open_start: bool) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return text.is_empty();
    };
    if rest.is_empty() {
        return if open_start {
            text.ends_with(first.as_str())
        } else {
            text == first
        };
    }
    if open_start && first.is_empty() {
        return fits(rest, text, true);
    }
    if open_start {
        // A placeholder before `first`: try every place it occurs.
        let mut from = 0;
        while let Some(k) = text[from..].find(first.as_str()) {
            let at = from + k + first.len();
            if fits(rest, &text[at..], true) {
                return true;
            }
            from += k + first.len();
        }
        false
    } else {
        text.strip_prefix(first.as_str())
            .is_some_and(|t| fits(rest, t, true))
    }
}

/// The forms a title names: those whose title pattern has the most
/// literal text among those the title matches (a bare `{名称}`, the
/// summaries' title, names none). Two forms may print one title (the
/// 支出方向 form, one table a project or a row a project): their labels
/// tell them apart.
pub fn forms_of_title(title: &str) -> Vec<&'static Form> {
    let weight = |f: &Form| {
        literal_parts(f.title)
            .iter()
            .map(|p| p.len())
            .sum::<usize>()
    };
    let found: Vec<&'static Form> = CATALOGUE
        .iter()
        .copied()
        .filter(|f| f.subject != Subject::Summary && weight(f) > 0)
        .filter(|f| matches(f.title, title))
        .collect();
    let best = found.iter().map(|f| weight(f)).max().unwrap_or(0);
    found.into_iter().filter(|f| weight(f) == best).collect()
}

/// The parts of a form's header block and footer.
fn parts(form: &'static Form) -> impl Iterator<Item = &'static Part> {
    form.head.iter().chain(form.foot.iter())
}

/// Whether a label of the form (`年度预算申请\n（{金额单位}）`) reads `text`.
fn label_is(label: &str, text: &str) -> bool {
    matches(label, text)
}

/// The part of the form a row's first cell labels.
pub fn part_labelled(form: &'static Form, text: &str) -> Option<&'static Part> {
    parts(form).find(|p| p.label.is_some_and(|l| label_is(l, text)))
}

/// Whether the text is the group label of some of the form's parts
/// (部门基本信息, 项目基本情况), printed left of the parts' own labels.
pub fn is_group(form: &'static Form, text: &str) -> bool {
    parts(form).any(|p| p.group.is_some_and(|g| label_is(g, text)))
}

/// Whether a pair's label (`联系电话`) reads `text`.
pub fn pair_label_is(label: &str, text: &str) -> bool {
    !label.is_empty() && label_is(label, text)
}

/// A piece of a pattern: literal text, or a placeholder's name.
enum Piece {
    Text(String),
    Hole(String),
}

fn pieces(pattern: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(i) = rest.find('{') {
        let lit = squeeze(&rest[..i]);
        if !lit.is_empty() {
            out.push(Piece::Text(lit));
        }
        let Some(j) = rest[i..].find('}') else {
            break;
        };
        out.push(Piece::Hole(rest[i + 1..i + j].to_string()));
        rest = &rest[i + j + 1..];
    }
    let lit = squeeze(rest);
    if !lit.is_empty() {
        out.push(Piece::Text(lit));
    }
    out
}

fn capture_from(pieces: &[Piece], text: &str, out: &mut Vec<(String, String)>) -> bool {
    match pieces.split_first() {
        None => text.is_empty(),
        Some((Piece::Text(l), rest)) => text
            .strip_prefix(l.as_str())
            .is_some_and(|t| capture_from(rest, t, out)),
        Some((Piece::Hole(k), rest)) => match rest.first() {
            None => {
                out.push((k.clone(), text.to_string()));
                true
            }
            Some(Piece::Text(next)) => {
                let mut from = 0;
                while let Some(i) = text[from..].find(next.as_str()) {
                    let at = from + i;
                    let mark = out.len();
                    out.push((k.clone(), text[..at].to_string()));
                    if capture_from(rest, &text[at..], out) {
                        return true;
                    }
                    out.truncate(mark);
                    from = at + next.len();
                }
                false
            }
            // Two placeholders in a row cannot be told apart.
            Some(Piece::Hole(_)) => false,
        },
    }
}

/// The values of a pattern's placeholders in a text it prints (white
/// space dropped), when it prints it: `填表人：{属性:填表人}　联系电话：
/// {属性:联系电话}` against `填表人：张郡　联系电话：13755062095`. A pattern with
/// no literal text reads nothing.
pub fn capture(pattern: &str, text: &str) -> Option<Vec<(String, String)>> {
    let ps = pieces(pattern);
    if !ps.iter().any(|p| matches!(p, Piece::Text(_))) {
        return None;
    }
    let mut out = Vec::new();
    capture_from(&ps, &squeeze(text), &mut out).then_some(out)
}

/// The lines above and under a form's table: their patterns.
pub fn line_patterns(form: &'static Form) -> impl Iterator<Item = &'static str> {
    form.meta
        .iter()
        .flat_map(|(l, r)| [*l, *r])
        .chain(form.after.iter().copied())
        .filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_their_forms() {
        let names = |t: &str| forms_of_title(t).iter().map(|f| f.name).collect::<Vec<_>>();
        assert_eq!(
            names("2023年度湘阴县人民政府办公室项目支出预算绩效目标申报表"),
            ["项目支出预算绩效目标申报表"]
        );
        assert_eq!(
            names("2023年区级专项资金支出方向绩效目标表"),
            [
                "专项资金支出方向绩效目标表",
                "专项资金支出方向绩效目标表（列表）"
            ]
        );
        assert_eq!(
            names("岳阳市委台湾工作办公室整体支出绩效目标表"),
            ["部门整体支出绩效目标表"]
        );
        assert!(names("工资条").is_empty());
        assert!(matches(
            "年度预算申请\n（{金额单位}）",
            "年度预算申请（万元）"
        ));
        assert!(!matches("项目名称", "项目名称二"));
        assert_eq!(
            capture(
                "填表人：{属性:填表人}　　　　联系电话：{属性:联系电话}",
                "填表人：张郡　　　　联系电话：13755062095"
            ),
            Some(vec![
                ("属性:填表人".to_string(), "张郡".to_string()),
                ("属性:联系电话".to_string(), "13755062095".to_string())
            ])
        );
        assert_eq!(
            capture("单位负责人签字：{属性:单位负责人}", "单位负责人签字："),
            Some(vec![("属性:单位负责人".to_string(), String::new())])
        );
        assert_eq!(
            capture("填报单位：（盖章）", "填报单位：（盖章）"),
            Some(vec![])
        );
        assert_eq!(capture("填报单位：（盖章）", "填报单位：某局"), None);
    }
}

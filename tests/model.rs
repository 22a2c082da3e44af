//! The resolved model that a run of the checker publishes: the header with
//! its defaults, units and rollup members, and where every indicator
//! stands (its 一级 and 二级) as the tier checker judged it — with a
//! framework in force, and by the shape of the tree without one.

use jixiao::check::{self, Checked, Options};
use jixiao::model::{self, Document};
use jixiao::{Input, Project};

fn load(text: &str) -> Project {
    jixiao::load(&[Input::Text {
        name: "input.jx".into(),
        text: text.into(),
    }])
    .expect("text loads")
}

fn run(project: &Project) -> Checked<'_> {
    check::run(project, &Options::default())
}

/// Every indicator row of a document as `一级 | 二级 | indicator`, blank
/// cells empty, in the order written.
fn rows(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for u in &doc.units {
        let trees = std::iter::once(&u.indicators).chain(u.projects.iter().map(|p| &p.indicators));
        for t in trees {
            for r in doc.tier_rows(t) {
                out.push(format!(
                    "{} | {} | {}",
                    r.tier1_name(),
                    r.tier2_name(),
                    r.indicator.map_or("", |i| i.name.node.as_str())
                ));
            }
        }
    }
    out
}

#[test]
fn header_defaults_are_applied_once() {
    let project = load("year 2024\nunit \"甲\" { budget 13 }\n");
    let checked = run(&project);
    let h = &checked.model.documents[0].header;
    assert_eq!(h.money, model::DEFAULT_MONEY);
    assert_eq!(h.money, "万元");
    assert_eq!(h.precision, model::DEFAULT_PRECISION);
    assert_eq!(h.precision, 2);
    assert_eq!(h.year, Some(2024));
    assert_eq!((h.title.as_deref(), h.scheme.as_deref()), (None, None));

    let project = load("money 元\nprecision 0\ntitle \"乙\"\nscheme 财预2021\n");
    let checked = run(&project);
    let h = &checked.model.documents[0].header;
    assert_eq!(
        (h.money.as_str(), h.precision, h.title.as_deref()),
        ("元", 0, Some("乙"))
    );
    assert_eq!(h.scheme.as_deref(), Some("财预2021"));
}

/// The checker works to the default precision too: `13` with no
/// `precision` stated stands for 13.00, so parts adding up to 13.18 do
/// not match it (they would if it stood for 12.5–13.5).
#[test]
fn the_checker_uses_the_default_precision() {
    let project = load(
        "unit \"甲\" {\n  amount 三公经费 13 {\n    公务用车运行和购置费 0\n    公务接待费 13.18\n  }\n}\n",
    );
    let checked = run(&project);
    let codes: Vec<&str> = checked
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["B001"], "{:?}", checked.diagnostics);
    assert!(
        checked.diagnostics[0]
            .message
            .render(jixiao::i18n::Lang::En)
            .contains("states 13.00"),
        "{}",
        checked.diagnostics[0]
            .message
            .render(jixiao::i18n::Lang::En)
    );
}

#[test]
fn units_and_rollup_members() {
    let project = load(
        "rollup unit 甲系统 {\n  budget 30\n  unit \"甲本级\" { budget 10 }\n}\nunit \"乙\" { parent 甲系统\n budget 20 }\nunit \"丙\" { budget 5 }\n",
    );
    let checked = run(&project);
    let doc = &checked.model.documents[0];
    let names: Vec<&str> = doc.units.iter().map(|u| u.name.node.as_str()).collect();
    assert_eq!(names, ["甲系统", "甲本级", "乙", "丙"]);
    let members: Vec<&str> = doc
        .members(doc.units[0])
        .iter()
        .map(|u| u.name.node.as_str())
        .collect();
    assert_eq!(members, ["甲本级", "乙"]);
    assert!(doc.members(doc.units[3]).is_empty());
    assert_eq!(
        doc.written_in(doc.units[1]).map(|u| u.name.node.as_str()),
        Some("甲系统")
    );
    assert!(doc.written_in(doc.units[2]).is_none());
}

/// With a framework in force, each indicator stands where the tier
/// findings put it, and a missing tier is blank.
#[test]
fn tiers_follow_the_tier_checker() {
    let project = load(
        r#"scheme 财预2021
allow T004, V021
unit "甲" {
  indicators {
    产出指标 { 办件量 ≥ 100 件 }
    效益指标 { 社会效益指标 { 群众满意度 ≥ 95% } }
    社会效益指标 { 居民幸福指数 "提升" }
    生态效益指标 { }
    其他指标 { 备用指标 "有" }
    孤立指标 ≥ 1 个
    满意度指标 { 服务对象满意度指标 { 细项 { 满意率 ≥ 90% } } }
  }
}
"#,
    );
    let checked = run(&project);
    let found: Vec<String> = checked
        .diagnostics
        .iter()
        .map(|d| format!("{} {}", d.code, d.message.render(jixiao::i18n::Lang::En)))
        .collect();
    assert_eq!(
        found,
        [
            "T007 indicator 办件量 stands directly under 一级 产出指标",
            "T007 二级 社会效益指标 stands without its 一级",
            "T007 二级 生态效益指标 stands without its 一级",
            "T021 二级 生态效益指标 holds no indicator",
            "T001 其他指标 is not a 一级 of 财预2021",
            "T007 indicator 孤立指标 stands outside any tier",
            "T007 细项 is a fourth tier under 服务对象满意度指标",
        ]
    );
    assert_eq!(
        rows(&checked.model.documents[0]),
        [
            // T007: directly under its 一级, so the 二级 is blank.
            "产出指标 |  | 办件量",
            "效益指标 | 社会效益指标 | 群众满意度",
            // T007: a 二级 without its 一级, so the 一级 is blank …
            " | 社会效益指标 | 居民幸福指数",
            // … empty or not.
            " | 生态效益指标 | ",
            // T001: a 一级 with a name the framework does not know.
            "其他指标 |  | 备用指标",
            " |  | 孤立指标",
            // A fourth tier is shown after its 二级.
            "满意度指标 | 服务对象满意度指标 / 细项 | 满意率",
        ]
    );
}

/// With no framework in force nothing is judged: a top group that holds
/// only indicators is a 二级, any other (holding tiers, or empty) a 一级.
#[test]
fn without_a_scheme_the_shape_decides() {
    let project = load(
        r#"unit "甲" {
  indicators {
    产出指标 { 办件量 ≥ 100 件 }
    效益指标 { 社会效益指标 { 群众满意度 ≥ 95% } 直属指标 "有" }
    生态效益指标 { }
    孤立指标 ≥ 1 个
  }
}
"#,
    );
    let checked = run(&project);
    assert!(
        checked
            .diagnostics
            .iter()
            .all(|d| !d.code.as_str().starts_with('T')),
        "no framework, no tier finding: {:?}",
        checked.diagnostics
    );
    assert_eq!(
        rows(&checked.model.documents[0]),
        [
            " | 产出指标 | 办件量",
            "效益指标 | 社会效益指标 | 群众满意度",
            "效益指标 |  | 直属指标",
            "生态效益指标 |  | ",
            " |  | 孤立指标",
        ]
    );
    // An unknown scheme (S009) leaves no framework in force either.
    let project =
        load("scheme 无此框架\nunit \"甲\" { indicators { 产出指标 { 办件量 ≥ 100 件 } } }\n");
    let checked = run(&project);
    assert_eq!(rows(&checked.model.documents[0]), [" | 产出指标 | 办件量"]);
}

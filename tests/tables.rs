//! What the published tables hold beyond figures and indicators, read into
//! the model: a line's basis text and its formulas, a table's own 合计 row,
//! prior-year and change columns, restatements, 无 / 不适用 / blank cells,
//! checkboxes and a summary's text columns.

mod common;

use jixiao::check::{self, Options};
use jixiao::Input;
use serde_json::{json, Value};

/// The JSON model of one document given as text, and its finding codes.
fn model(text: &str) -> (Value, Vec<String>) {
    let project = jixiao::load(&[Input::Text {
        name: "input.jx".into(),
        text: text.into(),
    }])
    .expect("text loads");
    let checked = check::run(&project, &Options::default());
    let codes = checked
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    let doc = &checked.model.documents[0];
    (
        jixiao::emit::json::document(doc, &checked.diagnostics, jixiao::i18n::Lang::En),
        codes,
    )
}

fn unit(m: &Value) -> &Value {
    &m["units"][0]
}

fn n(value: &str, scale: u32) -> Value {
    json!({ "value": value, "scale": scale })
}

#[test]
fn a_line_keeps_its_basis_and_its_formulas() {
    let (m, codes) = model(
        "year 2023\nunit 云田镇 {\n  project 业务性专用经费 8 {\n    by detail {\n      \
         基层党组织建设费用 8 {\n        basis \"宣传费0.6万元/次，宣传3次。3次*0.6（万元/次）=1.8万元\"\n        \
         = 3 次 × 0.6 万元/次 = 1.8\n        = 7 次 × 0.5 万元/次 = 3.5\n        = 3 次 × 0.9 万元/次 = 2.7\n      }\n    }\n  }\n}\n",
    );
    assert!(!codes.iter().any(|c| c.starts_with('S')), "{codes:?}");
    let line = &unit(&m)["projects"][0]["breakdowns"][0]["lines"][0];
    assert_eq!(
        line["basis"],
        json!(["宣传费0.6万元/次，宣传3次。3次*0.6（万元/次）=1.8万元"])
    );
    assert_eq!(line["formula"], Value::Null);
    let formulas = line["formulas"].as_array().expect("formulas");
    assert_eq!(formulas.len(), 3);
    assert_eq!(
        formulas[0],
        json!({ "text": "3 次 × 0.6 万元/次", "approximate": false, "result": n("1.8", 1) })
    );
}

#[test]
fn an_approximate_basis_is_marked() {
    let (m, _) = model(
        "year 2023\nunit 云田镇 {\n  project 社区经费 360 {\n    by detail {\n      \
         工资及社保 360 约 30 万元/月 × 12 月 {\n        basis \"9个社区每月工资及社保约30万元*12月=360万元\"\n      }\n      \
         其他 0 ≈ 0 万元\n    }\n  }\n}\n",
    );
    let lines = &unit(&m)["projects"][0]["breakdowns"][0]["lines"];
    assert_eq!(lines[0]["formula"], json!("30 万元/月 × 12 月"));
    assert_eq!(lines[0]["formulas"][0]["approximate"], json!(true));
    assert_eq!(lines[1]["formulas"][0]["approximate"], json!(true));
    // `约束` is a name, not 约 and a formula.
    let (m, _) = model("year 2023\nunit 甲 {\n  amount 乙 5 { 丙 5 约束 0 }\n}\n");
    let lines = &unit(&m)["amounts"][0]["breakdowns"][0]["lines"];
    assert_eq!(lines[1]["name"], json!("约束"));
}

#[test]
fn a_table_states_its_own_total() {
    let (m, codes) = model(
        "year 2023\nunit 湘阴县政府办 {\n  project 优化营商环境 30 上年 25 {\n    by source {\n      市级资金\n      县级资金 30 上年 25\n    }\n    \
         by detail {\n      合计 30 上年 25 basis \"根据上年度优化营商环境工作经费支出情况测算\"\n      \"1\" 30 上年 25\n    }\n  }\n}\n",
    );
    assert!(!codes.iter().any(|c| c.starts_with('S')), "{codes:?}");
    let p = &unit(&m)["projects"][0];
    assert_eq!(p["prior"], json!({ "amount": n("25", 0), "mark": null }));
    assert_eq!(p["breakdowns"][0]["total"], Value::Null);
    assert_eq!(
        p["breakdowns"][0]["lines"][1]["prior"],
        json!({ "amount": n("25", 0), "mark": null })
    );
    assert_eq!(
        p["breakdowns"][1]["total"],
        json!({
            "amount": n("30", 0),
            "mark": null,
            "prior": { "amount": n("25", 0), "mark": null },
            "change": null,
            "basis": "根据上年度优化营商环境工作经费支出情况测算",
        })
    );
}

#[test]
fn totals_in_any_of_their_spellings_and_in_a_line_block() {
    let (m, codes) = model(
        "year 2020\nunit 政府办 {\n  amount 三公经费支出表 20.34 {\n    \"“三公”经费小计\" 5.34 {\n      公务接待费 5.34\n      小计 5.34\n    }\n    总计 20.34\n  }\n}\n",
    );
    assert!(!codes.iter().any(|c| c.starts_with('S')), "{codes:?}");
    let tree = &unit(&m)["amounts"][0];
    assert_eq!(tree["breakdowns"][0]["total"]["amount"], n("20.34", 2));
    let sub = &tree["breakdowns"][0]["lines"][0];
    assert_eq!(sub["breakdowns"][0]["total"]["amount"], n("5.34", 2));
    // A second total in one table is an error.
    let (_, codes) = model(
        "year 2020\nunit 甲 {\n  budget 1 {\n    by income { 乙 1\n 合计 1\n 合计 1 }\n  }\n}\n",
    );
    assert!(codes.contains(&"S005".to_string()), "{codes:?}");
}

#[test]
fn prior_and_change_columns() {
    let (m, codes) = model(
        "year 2020\nunit 政府办 {\n  amount \"“三公”经费预算数\" 5.34 增减 -3.65 {\n    公务接待费 5.34 增减 -6.65\n    \
         因公出国（境）费 0 增减 0\n    公务用车购置及运行维护费 0 上年 8\n  }\n}\n",
    );
    assert!(!codes.iter().any(|c| c.starts_with('S')), "{codes:?}");
    let tree = &unit(&m)["amounts"][0];
    assert_eq!(tree["change"], n("-3.65", 2));
    let lines = &tree["breakdowns"][0]["lines"];
    assert_eq!(lines[0]["change"], n("-6.65", 2));
    assert_eq!(lines[1]["change"], n("0", 0));
    assert_eq!(lines[2]["prior"]["amount"], n("8", 0));
    assert_eq!(lines[2]["change"], Value::Null);
    // 上年结转 is still a name.
    let (m, _) = model("year 2020\nunit 甲 {\n  budget 0 { by income { 上年结转 0 } }\n}\n");
    assert_eq!(
        unit(&m)["budget"]["breakdowns"][0]["lines"][0]["name"],
        json!("上年结转")
    );
}

#[test]
fn restatements_name_their_target() {
    let (m, codes) = model(
        "year 2020\nunit 政府办 {\n  budget 508.93 { by expense { 基本支出 448.93  项目支出 60 } }\n  \
         amount 资金总额 508.9253 重述 预算 { by expense { 基本支出 448.9253  项目支出 60 } }\n  \
         amount 机关运行经费 69.04 restates budget 302\n  amount 复述 5 重述 三公经费 公务接待费\n}\n",
    );
    assert!(!codes.iter().any(|c| c.starts_with('S')), "{codes:?}");
    let a = &unit(&m)["amounts"];
    assert_eq!(
        a[0]["restates"],
        json!({ "target": "budget", "name": null, "line": null })
    );
    assert_eq!(
        a[1]["restates"],
        json!({ "target": "budget", "name": null, "line": "302" })
    );
    assert_eq!(
        a[2]["restates"],
        json!({ "target": "amount", "name": "三公经费", "line": "公务接待费" })
    );
}

#[test]
fn blank_none_and_not_applicable_are_told_apart() {
    let (m, codes) = model(
        "year 2023\nunit 甲 {\n  单位负责人签字: -\n  其他说明的问题: 无\n  说明: \"无\"\n  适用: 不适用\n  \
         amount 乙 1 {\n    丙 1\n    丁\n    戊 -\n    己 无\n    庚 不适用\n  }\n  \
         indicators { 产出指标 { 数量指标 {\n    子 无\n    丑 不适用\n    寅 \"无\"\n    卯\n  } } }\n}\n",
    );
    assert!(!codes.iter().any(|c| c.starts_with('S')), "{codes:?}");
    let u = unit(&m);
    let props: Vec<&Value> = u["properties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| &p["value"])
        .collect();
    assert_eq!(
        props,
        [
            &json!({ "blank": true }),
            &json!({ "mark": "none" }),
            &json!({ "text": "无" }),
            &json!({ "mark": "not_applicable" }),
        ]
    );
    let lines = u["amounts"][0]["breakdowns"][0]["lines"]
        .as_array()
        .unwrap();
    let cells: Vec<(Value, Value)> = lines
        .iter()
        .map(|l| (l["amount"].clone(), l["mark"].clone()))
        .collect();
    assert_eq!(
        cells,
        [
            (n("1", 0), Value::Null),
            (Value::Null, Value::Null),
            (Value::Null, Value::Null),
            (Value::Null, json!("none")),
            (Value::Null, json!("not_applicable")),
        ]
    );
    let leaves = &u["indicators"][0]["children"][0]["children"];
    assert_eq!(leaves[0]["value"], json!({ "mark": "none" }));
    assert_eq!(leaves[1]["value"], json!({ "mark": "not_applicable" }));
    assert_eq!(leaves[2]["value"], json!({ "text": "无" }));
    assert_eq!(leaves[3]["value"], Value::Null);
}

#[test]
fn checkboxes_keep_their_order_and_state() {
    let (m, codes) = model(
        "year 2023\nunit 甲 {\n  project 乙 1 {\n    项目属性: [ ] 新增项目 [x] 延续项目\n    \
         项目类型: □ 基本建设类 ☐ 新建 ☑ \"其他专项类\"\n  }\n}\n",
    );
    assert!(!codes.iter().any(|c| c.starts_with('S')), "{codes:?}");
    let props = &unit(&m)["projects"][0]["properties"];
    assert_eq!(
        props[0]["value"],
        json!({ "choices": [
            { "label": "新增项目", "checked": false },
            { "label": "延续项目", "checked": true },
        ] })
    );
    assert_eq!(props[1]["value"]["choices"][2]["checked"], json!(true));
}

#[test]
fn summary_rows_keep_their_text_columns() {
    let (m, codes) = model(
        "year 2020\nsummary 专项资金绩效目标汇总表 {\n  填表人: \"张郡\"\n  #1 值班工作经费 4 {\n    支出方向: \"政府事务支出\"\n    \
         goal term \"组织、审核知会 APP 的使用工作\"\n    goal annual \"通过知会 APP 的使用\"\n  }\n  #2 政府全会经费 20\n  合计 24\n}\nallow R001\n",
    );
    assert!(!codes.iter().any(|c| c.starts_with('S')), "{codes:?}");
    let s = &m["summaries"][0];
    assert_eq!(s["total"], n("24", 0));
    assert_eq!(
        s["properties"],
        json!([{ "key": "填表人", "value": { "text": "张郡" } }])
    );
    assert_eq!(
        s["rows"][0]["goals"],
        json!([
            { "kind": "term", "text": "组织、审核知会 APP 的使用工作" },
            { "kind": "annual", "text": "通过知会 APP 的使用" },
        ])
    );
    assert_eq!(s["rows"][0]["properties"][0]["key"], json!("支出方向"));
    assert_eq!(s["rows"][1]["goals"], json!([]));
}

#[test]
fn misplaced_items_are_reported() {
    // Text columns before any row.
    let (_, codes) = model("year 2020\nsummary 表 {\n  { goal term \"x\" }\n}\n");
    assert_eq!(codes, ["S001"]);
    // A basis or a formula that no line owns.
    let (_, codes) = model(
        "year 2020\nunit 甲 {\n  budget 1 {\n    basis \"x\"\n    by income { 乙 1\n = 1 万元 }\n  }\n}\n",
    );
    assert_eq!(codes, ["S001", "S001"]);
}

//! The bundled examples are faithful transcriptions of real documents. Each
//! must be read without a syntax diagnostic.

mod common;

use std::path::Path;

use jixiao::i18n::Lang;

fn example(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(name)
}

fn assert_reads(name: &str) {
    let (project, diags) = common::check_paths(&[&example(name)]);
    let syntax: Vec<_> = diags
        .iter()
        .filter(|d| d.code.as_str().starts_with('S'))
        .cloned()
        .collect();
    assert!(syntax.is_empty(), "{}", common::human(&project, &syntax));
    assert!(!project.groups.is_empty());
    // Every file of the example belongs to the one document of main.jx.
    assert_eq!(project.groups.len(), 1, "one document per example");
}

#[test]
fn yuntian_2023_reads() {
    assert_reads("yuntian-2023");
}

#[test]
fn shifeng_2020_reads() {
    assert_reads("shifeng-2020");
}

#[test]
fn xiangyin_2023_reads() {
    assert_reads("xiangyin-2023");
}

/// The findings of an example as `CODE file:line`, in source order.
fn findings(name: &str) -> Vec<String> {
    let (project, diags) = common::check_paths(&[&example(name)]);
    diags
        .iter()
        .map(|d| {
            let span = d.primary_span().expect("every finding has a location");
            let file = project.sources.get(span.file);
            let short = std::path::Path::new(&file.name)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            format!("{} {}:{}", d.code, short, file.line_col(span.start()).0)
        })
        .collect()
}

/// Seed 001 (云田镇 2023, framework 财预2020). Every sum adds up; one
/// formula does not, two costs and a unit price disagree with the detail,
/// and every table puts satisfaction under 效益: one finding.
#[test]
fn yuntian_2023_findings() {
    assert_eq!(
        findings("yuntian-2023"),
        [
            // 质量指标 特大事故事故发生率 "0" with no unit (seed line 135).
            "V005 unit.jx:123",
            // 社会公众及服务对象满意度指标 under 效益指标, in all five tables
            // (seed lines 184, 374, 525, 648, 835): one choice, one finding
            // with five places; the missing 满意度指标 is not reported again.
            "T003 unit.jx:148",
            // 成本指标 printed with blank cells in three project tables (seed
            // lines 346, 490, 613) …
            "T021 unit.jx:193",
            // … 经济效益指标 in all four (353, 497, 620, 807) …
            "T021 unit.jx:196",
            // 业务性专用经费: 无偿献血营养补贴 500元/人 (seed line 593) where the
            // basis prices 0.03万元/人, 300 元 (line 688).
            "B021 unit.jx:318",
            // … 征兵任务 "较好完成" (seed lines 600–601): a 质量 target that
            // promises and measures nothing.
            "V006 unit.jx:321",
            // … and 生态效益指标 in two (634, 821).
            "T021 unit.jx:333",
            // 业务性专用经费 › 武装: its basis states "6次*（万元/次）=3.6万元" — the
            // unit price (0.6) is missing, so that formula comes to 6 万元, not
            // the 3.6 it states (seed line 695).
            "B002 unit.jx:383",
            // 微民生网格事件办理: 数量指标 各社区、村应急事件 "及时处理" (seed 774),
            // no figure.
            "V006 unit.jx:409",
            // … 成本指标 安置小区卫生死角清理 5万 and 砍伐枯树 5万 (seed lines
            // 794–802), while the detail gives each 6 + 4 = 10 (854–871).
            "B020 unit.jx:418",
            "B020 unit.jx:419",
        ]
    );
}

/// Seed 002 (石峰区政府办 2020, framework 财预2020). Every table adds up —
/// 365.55 over items summing to 365.5466, 69.036, 14.3427 are within
/// rounding — but economic names stray from the catalog and the target
/// tables have no 满意度 tier, no values and many empty tiers.
#[test]
fn shifeng_2020_findings() {
    assert_eq!(
        findings("shifeng-2020"),
        [
            // 七、(五): the 三公 change is stated as −3.65 against 2019, while
            // its parts' changes add up to −6.65 + 0 − 8 = −14.65 (seed lines
            // 180–182).
            "B043 unit.jx:95",
            // 附件6: "302 一般商品和服务支出"; the catalog (and 附件17) say
            // 商品和服务支出 (seed line 325).
            "B011 unit.jx:223",
            // 附件6: "30205 水电费" beside "30206 电费"; the catalog's 30205
            // is 水费 (seed line 330).
            "B011 unit.jx:228",
            // 附件17 repeats 30205 水电费 (seed line 561).
            "B011 unit.jx:379",
            // 附件17: "30212 因公出国（境）费"; the catalog says …费用 (seed 567).
            "B011 unit.jx:415",
            // 附件17: "303 对个人和家庭的补助支出" (附件7: …的补助) (seed 584).
            "B011 unit.jx:518",
            // 附件17: "30399 其他对个人和家庭的补助支出" (seed ~598).
            "B011 unit.jx:577",
            // 附件13 reprints 附件6, its 302 and 30205 names with it (seed lines
            // 471, 476).
            "B011 unit.jx:744",
            "B011 unit.jx:749",
            // No 满意度指标 in the 部门整体支出绩效申报表 (seed lines 603–610)
            // nor in the six project tables of 附件3, whose satisfaction
            // targets sit in the 可持续影响 column (seed 632–640): one finding,
            // seven places.
            "T004 unit.jx:972",
            // The two indicators of the 申报表 are text directly under 产出指标
            // and 效益指标, with no 二级 (seed lines 609–610) …
            "T007 unit.jx:974",
            // … and, like 15 cells of 附件3, a text with no target value
            // (seed 609–610, 635–640): 17 places.
            "V020 unit.jx:974",
            "T007 unit.jx:977",
            // 附件3: the 质量指标, 时效指标, 经济效益指标, 生态效益指标 and
            // 数量指标 cells left empty (seed lines 635–640).
            "T021 unit.jx:1006",
            "T021 unit.jx:1007",
            "T021 unit.jx:1013",
            "T021 unit.jx:1017",
            "T021 unit.jx:1034",
        ]
    );
}

/// Seed 003 (湘阴县政府办 2023, the older local framework).
#[test]
fn xiangyin_2023_findings() {
    assert_eq!(
        findings("xiangyin-2023"),
        [
            // 整体支出表: 三公经费 合计 13 over 0 + 0 + 13.18 (seed line 110).
            "B001 main.jx:62",
            // 整体支出表: 成本指标 控制在预算内, value "控制在预算内" (seed
            // line 117): no figure.
            "V006 main.jx:91",
            // 驻京联络维稳工作组: the 合计 of 支出明细预算, 50 and 上年 68,
            // over four rows with no amount in either column (seed lines 24–28).
            "B008 main.jx:136",
            "B008 main.jx:136",
            // 驻京: 数量指标 保障驻京工作顺利开展 "保障工作" (seed line 36).
            "V006 main.jx:153",
            // 驻京: "≥98" and "≥97" with no unit (seed lines 37, 42, 44, 45).
            "V005 main.jx:156",
            // 驻京 and 优化营商环境: value cells left blank — 财政预算指标内完成,
            // 无直接经济效益, 无社会危害 (seed lines 39–43), and four rows of
            // 优化营商环境 (seed 204–209; the last, 开展优化营商环境工作, could
            // also be read as the value of a row with no name): 7 places.
            "V020 main.jx:162",
            "V005 main.jx:170",
            "V005 main.jx:176",
            "V005 main.jx:180",
            // 平安城市: 支出明细预算 has only its 合计 row, 15万 / 15万 (seed
            // line 70): it does not say where the money goes.
            "B022 main.jx:213",
            // 平安城市: the 一级 cell reads 社会效益, a 二级 (seed line 84).
            "T001 main.jx:240",
            // Four project tables leave 长期 and 本年度绩效目标 blank (seed
            // lines 154–155, 243–244, 284–285, 328–329): 8 places.
            "V021 main.jx:290",
            // 各战线调研, 争资争项, 重点工作专题调研, 政府中心工作经费: the 一级
            // cell of the 效益 rows is blank, so 效益指标 is missing and its
            // 二级 stand alone (seed lines 163–166, 251, 293, 336).
            "T004 main.jx:295",
            "T007 main.jx:311",
            "T007 main.jx:314",
            "T007 main.jx:317",
            // 优化营商环境: 合计 30 and 上年 25 over rows "1" and "2" with no
            // amount (seed lines 191–193).
            "B008 main.jx:352",
            "B008 main.jx:352",
            // 重点工作专题调研: 数量指标 printed on each of its two rows, not
            // merged into one cell (seed lines 287–288).
            "T005 main.jx:515",
            // 政府中心工作经费: 合计 120 and 上年 95 over empty rows 1–3 (seed
            // 320–323).
            "B008 main.jx:568",
            "B008 main.jx:568",
            // … 发布、办理及时率 "≥100%" (seed line 332).
            "V003 main.jx:587",
        ]
    );
}

/// Seed 002 states its 三公 change as −3.65 (line 180: 比2019年预算数减少
/// 3.65万元) while its parts change by −6.65, 0 and 0 − 8 (line 182).
#[test]
fn shifeng_2020_three_public_change_is_found() {
    let (_, diags) = common::check_paths(&[&example("shifeng-2020")]);
    let b043: Vec<String> = diags
        .iter()
        .filter(|d| d.code == "B043")
        .map(|d| d.message.render(Lang::En))
        .collect();
    assert_eq!(
        b043,
        ["“三公”经费预算数 states a change of -3.65 but the changes of its parts add up to -14.65: a difference of 11, more than the rounding of the published figures explains"]
    );
}

/// Seed 002's 部门整体支出绩效申报表 restates the budget (资金总额 508.9253
/// for 508.93): as published it agrees; in a copy whose total is changed,
/// the restatement is reported.
#[test]
fn a_restated_total_changed_in_a_copy_is_found() {
    let restated = |diags: &[jixiao::diag::Diagnostic]| -> Vec<String> {
        diags
            .iter()
            .filter(|d| d.code == "B044")
            .map(|d| d.message.render(Lang::En))
            .collect()
    };
    let (_, diags) = common::check_paths(&[&example("shifeng-2020")]);
    assert!(restated(&diags).is_empty(), "{:?}", restated(&diags));

    let copy =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("shifeng-copy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    std::fs::create_dir_all(&copy).unwrap();
    for f in ["main.jx", "unit.jx", "summary.jx"] {
        let text = std::fs::read_to_string(example("shifeng-2020").join(f)).unwrap();
        let text = text.replace("amount 资金总额 508.9253", "amount 资金总额 518.9253");
        std::fs::write(copy.join(f), text).unwrap();
    }
    let (_, diags) = common::check_paths(&[&copy]);
    let _ = std::fs::remove_dir_all(&copy);
    assert_eq!(
        restated(&diags),
        ["资金总额 restates the budget of 株洲市石峰区人民政府办公室 (508.93) as 518.9253: a difference of 9.9953, more than rounding explains for a copied figure"]
    );
}

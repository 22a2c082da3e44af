//! The bundled examples are faithful transcriptions of real documents. Each
//! must be read without a syntax diagnostic.

mod common;

use std::path::Path;

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
            format!("{} {}:{}", d.code, short, file.line_col(span.start).0)
        })
        .collect()
}

/// Seed 001 (云田镇 2023, framework 财预2020). Every sum adds up; one
/// formula does not, and the tables put satisfaction under 效益.
#[test]
fn yuntian_2023_findings() {
    assert_eq!(
        findings("yuntian-2023"),
        [
            // 整体支出表: no 满意度指标 一级 (its satisfaction row sits under
            // 效益, seed line 184) …
            "T004 unit.jx:110",
            // 质量指标 特大事故事故发生率 "0" with no unit (seed line 135).
            "V005 unit.jx:118",
            // … 社会公众及服务对象满意度指标 under 效益指标 (seed line 184).
            "T003 unit.jx:143",
            // 城乡环境连片整治专项: the same (seed lines 374–381).
            "T004 unit.jx:177",
            "T003 unit.jx:203",
            // 社区经费: the same (seed line 525).
            "T004 unit.jx:244",
            "T003 unit.jx:268",
            // 业务性专用经费: the same (seed line 648).
            "T004 unit.jx:303",
            "T003 unit.jx:325",
            // 业务性专用经费 › 武装 › 宣传费: "6次*（万元/次）=3.6万元" — the unit
            // price (0.6) is missing, so the basis comes to 6 万元 (seed ~695).
            "B002 unit.jx:367",
            // 微民生网格事件办理: satisfaction under 效益 again (seed line 835).
            "T004 unit.jx:389",
            "T003 unit.jx:414",
        ]
    );
}

/// Seed 002 (石峰区政府办 2020, framework 财预2020). Every table adds up —
/// 365.55 over items summing to 365.5466, 69.036, 14.3427 are within
/// rounding — but economic names stray from the catalog and the target
/// tables have no 满意度 tier.
#[test]
fn shifeng_2020_findings() {
    assert_eq!(
        findings("shifeng-2020"),
        [
            // 附件6: "302 一般商品和服务支出"; the catalog (and 附件17) say
            // 商品和服务支出 (seed line 325).
            "B011 unit.jx:216",
            // 附件6: "30205 水电费" beside "30206 电费"; the catalog's 30205
            // is 水费 (seed line 330).
            "B011 unit.jx:221",
            // 附件17 repeats 30205 水电费 (seed line 561).
            "B011 unit.jx:371",
            // 附件17: "30212 因公出国（境）费"; the catalog says …费用 (seed 567).
            "B011 unit.jx:407",
            // 附件17: "303 对个人和家庭的补助支出" (附件7: …的补助) (seed 584).
            "B011 unit.jx:510",
            // 附件17: "30399 其他对个人和家庭的补助支出" (seed ~598).
            "B011 unit.jx:569",
            // 部门整体支出绩效申报表: no 满意度指标 (seed lines 603–610) …
            "T004 unit.jx:884",
            // … and its two indicators are text directly under 产出指标 and
            // 效益指标, with no 二级 (seed lines 609–610).
            "T007 unit.jx:886",
            "T007 unit.jx:889",
            // 附件3: the six project tables have no 满意度 column; their
            // satisfaction targets sit in the 可持续影响 column (seed 632–640).
            "T004 unit.jx:911",
            "T004 unit.jx:945",
            "T004 unit.jx:975",
            "T004 unit.jx:1005",
            "T004 unit.jx:1037",
            "T004 unit.jx:1069",
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
            "B001 main.jx:57",
            // 驻京联络维稳工作组: 合计 50 over four detail rows with no amount
            // (seed lines 24–28) …
            "B008 main.jx:107",
            // … and its 上年度安排资金 68 over the same empty rows.
            "B008 main.jx:125",
            // 驻京: "≥98" and "≥97" with no unit (seed lines 37, 42, 44, 45).
            "V005 main.jx:161",
            "V005 main.jx:176",
            "V005 main.jx:183",
            "V005 main.jx:187",
            // 平安城市: the 一级 cell reads 社会效益, a 二级 (seed line 84).
            "T001 main.jx:250",
            // 各战线调研: the 一级 cell of the 效益 rows is blank, so 效益指标
            // is missing and its 二级 stand alone (seed lines 163–166).
            "T004 main.jx:313",
            "T007 main.jx:329",
            "T007 main.jx:332",
            "T007 main.jx:335",
            // 优化营商环境: 合计 30 over rows "1" and "2" with no amount
            // (seed lines 191–193), and its 上年度 25.
            "B008 main.jx:346",
            "B008 main.jx:364",
            // 争资争项: blank 一级 cell again (seed line 251).
            "T004 main.jx:476",
            "T007 main.jx:491",
            "T007 main.jx:494",
            "T007 main.jx:497",
            // 重点工作专题调研: blank 一级 cell again (seed line 293).
            "T004 main.jx:549",
            "T007 main.jx:566",
            "T007 main.jx:569",
            "T007 main.jx:572",
            // 政府中心工作经费: 合计 120 over empty rows 1–3 (seed 320–323),
            // and its 上年度 95.
            "B008 main.jx:582",
            "B008 main.jx:600",
            // … blank 一级 cell again (seed line 336).
            "T004 main.jx:628",
            // … 发布、办理及时率 "≥100%" (seed line 332).
            "V003 main.jx:634",
            "T007 main.jx:643",
            "T007 main.jx:646",
            "T007 main.jx:649",
        ]
    );
}

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
        .filter(|d| d.code.starts_with('S'))
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

/// Seed 001 (云田镇 2023). Everything adds up except one formula.
#[test]
fn yuntian_2023_findings() {
    assert_eq!(
        findings("yuntian-2023"),
        [
            // 业务性专用经费 › 武装 › 宣传费: the seed writes
            // "6次*（万元/次）=3.6万元" — the unit price (0.6) is missing, so
            // the basis comes to 6 万元, not 3.6 (seed line ~695).
            "B002 unit.jx:368",
        ]
    );
}

/// Seed 002 (石峰区政府办 2020). Every table adds up — 365.55 over items
/// summing to 365.5466, 69.036, 14.3427 are all within rounding — but
/// several economic items carry names that are not the catalog's.
#[test]
fn shifeng_2020_findings() {
    assert_eq!(
        findings("shifeng-2020"),
        [
            // 附件6: "302 一般商品和服务支出"; the catalog (and 附件17) say
            // 商品和服务支出.
            "B011 unit.jx:218",
            // 附件6: "30205 水电费" beside "30206 电费"; the catalog's 30205
            // is 水费.
            "B011 unit.jx:223",
            // 附件17 repeats 30205 水电费.
            "B011 unit.jx:282",
            // 附件17: "30212 因公出国（境）费"; the catalog says …费用.
            "B011 unit.jx:288",
            // 附件17: "303 对个人和家庭的补助支出" (附件7: …的补助).
            "B011 unit.jx:306",
            // 附件17: "30399 其他对个人和家庭的补助支出".
            "B011 unit.jx:317",
        ]
    );
}

/// Seed 003 (湘阴县政府办 2023).
#[test]
fn xiangyin_2023_findings() {
    assert_eq!(
        findings("xiangyin-2023"),
        [
            // 整体支出表: 三公经费 合计 13 over 0 + 0 + 13.18 (seed line 110).
            "B001 main.jx:57",
            // 驻京联络维稳工作组: 合计 50 over four detail rows with no amount
            // (seed lines 24–28).
            "B008 main.jx:107",
            // … and its 上年度安排资金 68 over the same empty rows.
            "B008 main.jx:125",
            // 优化营商环境: 合计 30 over rows "1" and "2" with no amount
            // (seed lines 191–193).
            "B008 main.jx:346",
            // … and its 上年度 25.
            "B008 main.jx:364",
            // 政府中心工作经费: 合计 120 over empty rows 1–3 (seed 320–323).
            "B008 main.jx:582",
            // … and its 上年度 95.
            "B008 main.jx:600",
        ]
    );
}

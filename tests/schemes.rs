//! A document may use an indicator framework defined in a file it includes.

mod common;

#[test]
fn scheme_defined_in_an_included_file() {
    let dir = std::env::temp_dir().join(format!("jixiao-scheme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("scheme.jx"),
        "scheme 县级框架 extends 地方旧式 {\n  required 产出指标 { 数量指标 | 数目 }\n}\n",
    )
    .unwrap();
    let main = "year 2023\nmoney 万元\nscheme 县级框架\ninclude \"scheme.jx\"\n\
                unit \"甲\" {\n  goal \"办好政务服务\"\n  indicators {\n    产出指标 { 数目 { 办件量 ≥ 100 件 } }\n\
                    效益指标 { 服务对象满意度 { 满意度 ≥ 95% } }\n  }\n}\n";
    std::fs::write(dir.join("main.jx"), main).unwrap();
    let (project, diags) = common::check_paths(&[&dir.join("main.jx")]);
    assert!(diags.is_empty(), "{}", common::human(&project, &diags));

    // Without the include, the scheme is unknown.
    std::fs::write(
        dir.join("main.jx"),
        main.replace("include \"scheme.jx\"\n", ""),
    )
    .unwrap();
    let (_, diags) = common::check_paths(&[&dir.join("main.jx")]);
    assert!(common::codes(&diags).contains(&"S009"));
    std::fs::remove_dir_all(&dir).ok();
}

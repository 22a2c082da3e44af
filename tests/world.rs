//! Loading through an overlay of unsaved buffers, as an editor does: a
//! buffer takes precedence over the file on disk, and may stand for a file
//! that is not on disk at all.

mod common;

use std::path::{Path, PathBuf};

use jixiao::check::{self, Options};
use jixiao::world::{Disk, Overlay};
use jixiao::{Input, Project};

const HEADER: &str = "year 2023\nmoney 万元\n";

fn unit(name: &str) -> String {
    format!(
        "unit \"{name}\" {{\n  goal \"办好政务服务\"\n  indicators {{\n    产出指标 {{ 数量指标 {{ 办件量 ≥ 100 件 }} }}\n\
         效益指标 {{ 满意度指标 {{ 服务对象满意度 ≥ 95% }} }}\n  }}\n}}\n"
    )
}

/// A fresh directory of this test process.
fn scratch(name: &str) -> PathBuf {
    let d =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("world-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn unit_names(project: &Project) -> Vec<String> {
    project
        .groups
        .iter()
        .flat_map(|g| jixiao::model::Document::new(project, g).units)
        .map(|u| u.name.node.clone())
        .collect()
}

#[test]
fn an_included_file_may_exist_only_in_the_overlay() {
    let d = scratch("only-in-overlay");
    let main = d.join("main.jx");
    std::fs::write(
        &main,
        format!("{HEADER}include \"part.jx\"\ninclude \"more/*.jx\"\n"),
    )
    .unwrap();
    let mut world = Overlay::new(Disk);
    world.set(d.join("part.jx"), unit("甲"));
    world.set(d.join("more/b.jx"), unit("丙"));
    world.set(d.join("more/a.jx"), unit("乙"));

    let project = jixiao::load_with(&world, &[Input::Path(main.clone())]).expect("loads");
    let diags = check::check(&project, &Options::default());
    assert!(diags.is_empty(), "{}", common::human(&project, &diags));
    assert_eq!(project.groups.len(), 1);
    assert_eq!(project.groups[0].files.len(), 4);
    assert_eq!(unit_names(&project), ["甲", "乙", "丙"]);
    // Messages name a buffer as the include reached it.
    let part = project.sources.get(project.groups[0].files[1]);
    assert_eq!(Path::new(&part.name), d.join("part.jx"));

    // The disk alone lacks them.
    let project = jixiao::load(&[Input::Path(main)]).expect("loads");
    assert!(project
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "S007"));

    // A directory lists buffers below it with its files.
    let project = jixiao::load_with(&world, &[Input::Path(d.clone())]).expect("loads");
    assert_eq!(project.groups.len(), 1, "one root, the rest included");
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn a_buffer_overrides_the_file_on_disk() {
    let d = scratch("override");
    let main = d.join("main.jx");
    std::fs::write(
        &main,
        format!("{HEADER}include \"part.jx\"\n{}", unit("甲")),
    )
    .unwrap();
    std::fs::write(d.join("part.jx"), unit("乙")).unwrap();
    let project = jixiao::load(&[Input::Path(main.clone())]).expect("loads");
    assert_eq!(unit_names(&project), ["甲", "乙"]);

    let mut world = Overlay::new(Disk);
    // Both the root given on the command line and the file it includes.
    world.set(
        &main,
        format!("{HEADER}include \"part.jx\"\n{}", unit("丁")),
    );
    world.set(d.join("sub/../part.jx"), unit("戊"));
    let project = jixiao::load_with(&world, &[Input::Path(main.clone())]).expect("loads");
    assert_eq!(unit_names(&project), ["丁", "戊"]);
    assert_eq!(project.sources.len(), 2, "each file loaded once");

    // Removing the buffer shows the disk again.
    world.remove(d.join("part.jx"));
    let project = jixiao::load_with(&world, &[Input::Path(main)]).expect("loads");
    assert_eq!(unit_names(&project), ["丁", "乙"]);
    let _ = std::fs::remove_dir_all(&d);
}

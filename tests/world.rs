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

/// Files are read and decoded in parallel, in batches (of 256); what is
/// loaded, and the order of units and findings, is still that of the
/// paths, across batches, through an include pattern and through a
/// directory.
#[test]
fn many_files_load_in_path_order_across_read_batches() {
    let d = scratch("many-files");
    let parts = d.join("parts");
    std::fs::create_dir_all(&parts).unwrap();
    std::fs::write(
        d.join("main.jx"),
        format!("{HEADER}include \"parts/*.jx\"\n"),
    )
    .unwrap();
    let names: Vec<String> = (0..600).map(|i| format!("单位{i:04}")).collect();
    for (i, name) in names.iter().enumerate() {
        let path = parts.join(format!("p{i:04}.jx"));
        if i == 300 {
            // Not UTF-8 (GBK): refused with S008, in its place.
            std::fs::write(&path, [0xb5u8, 0xa5, 0xce, 0xbb, b'\n']).unwrap();
        } else {
            std::fs::write(&path, unit(name)).unwrap();
        }
    }
    let expected: Vec<&str> = names
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 300)
        .map(|(_, n)| n.as_str())
        .collect();
    for input in [d.join("main.jx"), d.clone()] {
        let project = jixiao::load(&[Input::Path(input.clone())]).expect("loads");
        assert_eq!(project.groups.len(), 1, "{input:?}");
        assert_eq!(unit_names(&project), expected, "{input:?}");
        let files: Vec<&str> = project.groups[0]
            .files
            .iter()
            .map(|f| project.sources.get(*f).name.as_str())
            .collect();
        let mut sorted = files[1..].to_vec();
        sorted.sort();
        assert_eq!(files[1..], sorted[..], "{input:?}: files in path order");
        let refused: Vec<&str> = project
            .diagnostics
            .iter()
            .filter(|d| d.code.as_str() == "S008")
            .map(|d| {
                project
                    .sources
                    .get(d.primary_span().unwrap().file)
                    .name
                    .as_str()
            })
            .collect();
        assert_eq!(refused.len(), 1, "{input:?}");
        assert!(refused[0].ends_with("p0300.jx"), "{refused:?}");
    }
    let _ = std::fs::remove_dir_all(&d);
}

/// A world that counts the files read through it.
struct CountingReads {
    reads: std::sync::atomic::AtomicUsize,
}

impl jixiao::world::World for CountingReads {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        self.reads
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Disk.read(path)
    }
    fn is_dir(&self, path: &Path) -> std::io::Result<bool> {
        Disk.is_dir(path)
    }
    fn resolve(&self, path: &Path) -> PathBuf {
        Disk.resolve(path)
    }
    fn jx_files(&self, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
        Disk.jx_files(dir)
    }
    fn glob(&self, pattern: &Path) -> Result<Vec<PathBuf>, jixiao::world::PatternError> {
        Disk.glob(pattern)
    }
}

/// Each file is read once, however many patterns name it: when every file
/// of a project includes `*.jx`, a file already loaded is not read again
/// (it was, once per file that named it: n² reads for n files).
#[test]
fn a_file_named_by_many_patterns_is_read_once() {
    let d = scratch("read-once");
    let n = 40;
    for i in 0..n {
        std::fs::write(
            d.join(format!("p{i:02}.jx")),
            format!("{HEADER}include \"*.jx\"\n{}", unit(&format!("单位{i:02}"))),
        )
        .unwrap();
    }
    for input in [d.join("p00.jx"), d.clone()] {
        let world = CountingReads {
            reads: Default::default(),
        };
        let project = jixiao::load_with(&world, &[Input::Path(input.clone())]).expect("loads");
        assert_eq!(project.sources.len(), n, "{input:?}");
        assert_eq!(
            world.reads.load(std::sync::atomic::Ordering::Relaxed),
            n,
            "{input:?}: each file read once"
        );
    }
    let _ = std::fs::remove_dir_all(&d);
}

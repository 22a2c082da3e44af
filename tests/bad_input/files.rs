//! Hostile or careless file systems: what jixiao reads (only regular files,
//! only inside the project root, include cycles), and how it writes
//! (atomic sets of outputs under concurrent and killed builds, links, full
//! disks, closed pipes). Each case runs the binary and pins the diagnostic
//! code and the exit status; no case may hang (each run has a deadline).

use std::collections::BTreeMap;
use std::io::Read;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_jixiao");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A run may take this long before it counts as hanging.
const DEADLINE: Duration = Duration::from_secs(60);

/// A document that checks clean.
const CLEAN: &str = "year 2023\nmoney 万元\nunit \"云田镇\" {\n  goal \"办好政务服务\"\n  budget 10\n  indicators {\n    \
    产出指标 { 数量指标 { 办件量 ≥ 100 件 } }\n    效益指标 { 满意度指标 { 服务对象满意度 ≥ 95% } }\n  }\n}\n";

/// Text that must never appear in jixiao's output.
const SECRET: &str = "JIXIAO-SECRET-7f3a";

/// A directory of one test in this process, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("bad-files-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        Scratch(d)
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.0.join(rel)
    }

    /// Write `text` at `rel`, creating directories.
    fn write(&self, rel: &str, text: &str) -> PathBuf {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

fn command(args: &[&str], cwd: &Path) -> Command {
    let mut c = Command::new(BIN);
    // The messages these tests read are English, whatever the locale.
    c.env("JIXIAO_LANG", "en");
    c.args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("JIXIAO_TEST_SECRET", SECRET)
        .stdin(Stdio::null());
    c
}

/// Wait for `child`, killing it and failing past the deadline.
fn wait(mut child: Child, what: &str) -> Output {
    let start = Instant::now();
    // Drain the pipes while waiting, so a chatty child cannot block.
    let mut out = child.stdout.take();
    let mut err = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut o = Vec::new();
        if let Some(s) = out.as_mut() {
            let _ = s.read_to_end(&mut o);
        }
        o
    });
    let err_reader = std::thread::spawn(move || {
        let mut e = Vec::new();
        if let Some(s) = err.as_mut() {
            let _ = s.read_to_end(&mut e);
        }
        e
    });
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Output {
                status,
                stdout: reader.join().unwrap(),
                stderr: err_reader.join().unwrap(),
            };
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`jixiao {what}` hangs");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Run jixiao in `cwd`.
fn run(args: &[&str], cwd: &Path) -> Output {
    let child = command(args, cwd)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait(child, &args.join(" "))
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The codes of a `--message-format json` run.
fn codes(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| v["code"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// `check --message-format json ARGS…` in `cwd`: exit status and codes.
fn check(args: &[&str], cwd: &Path) -> (Option<i32>, Vec<String>, Output) {
    let mut all = vec!["check", "--message-format", "json"];
    all.extend_from_slice(args);
    let o = run(&all, cwd);
    (o.status.code(), codes(&o), o)
}

/// The files of a directory, by name, with their bytes.
fn contents(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap_or_default(),
            )
        })
        .collect()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// `copies` documents, each a copy of the city corpus (279 KB of text).
fn city_corpus(s: &Scratch, copies: usize) -> PathBuf {
    let corpus = s.path("corpus");
    for i in 0..copies {
        copy_dir(
            &Path::new(ROOT).join("examples/yueyang-2024"),
            &corpus.join(format!("c{i}")),
        );
    }
    corpus
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

// ------------------------------------------------------------------ reading

#[test]
fn a_fifo_in_a_checked_directory_is_refused_without_blocking() {
    let s = Scratch::new("fifo-dir");
    s.write("d/a.jx", CLEAN);
    mkfifo(&s.path("d/x.jx"));
    let (status, codes, o) = check(&["d"], &s.0);
    assert_eq!(status, Some(1), "{}", text(&o));
    assert_eq!(codes, ["S022"]);
    assert!(text(&o).contains("FIFO"), "{}", text(&o));
}

#[test]
fn a_fifo_named_on_the_command_line_or_included_is_refused() {
    let s = Scratch::new("fifo-file");
    mkfifo(&s.path("x.jx"));
    let (status, codes, o) = check(&["x.jx"], &s.0);
    assert_eq!(
        (status, codes),
        (Some(1), vec!["S022".to_string()]),
        "{}",
        text(&o)
    );
    s.write("main.jx", "year 2023\ninclude \"x.jx\"\n");
    let (status, codes, o) = check(&["main.jx"], &s.0);
    assert_eq!(
        (status, codes),
        (Some(1), vec!["S022".to_string()]),
        "{}",
        text(&o)
    );
    // Matched by a pattern: reported, not skipped.
    mkfifo(&s.path("parts/y.jx").tap_dir());
    s.write("parts/a.jx", "");
    s.write("glob.jx", "year 2023\ninclude \"parts/*.jx\"\n");
    let (status, codes, o) = check(&["glob.jx"], &s.0);
    assert_eq!(
        (status, codes),
        (Some(1), vec!["S022".to_string()]),
        "{}",
        text(&o)
    );
}

trait TapDir {
    /// The path, once its directory exists.
    fn tap_dir(self) -> Self;
}

impl TapDir for PathBuf {
    fn tap_dir(self) -> Self {
        std::fs::create_dir_all(self.parent().unwrap()).unwrap();
        self
    }
}

#[test]
fn devices_and_proc_files_are_refused_as_inputs() {
    let s = Scratch::new("devices");
    for path in ["/dev/zero", "/dev/null", "/proc/self/environ"] {
        let (status, codes, o) = check(&[path], &s.0);
        assert_eq!(status, Some(1), "{path}: {}", text(&o));
        assert_eq!(codes, ["S022"], "{path}");
        assert!(!text(&o).contains(SECRET), "{path} was read");
    }
    // fmt refuses them too, without reading.
    let o = run(&["fmt", "--check", "/dev/zero", "/proc/self/environ"], &s.0);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(!text(&o).contains(SECRET));
}

#[test]
fn devices_and_proc_files_are_refused_as_includes() {
    let s = Scratch::new("device-includes");
    s.write(
        "main.jx",
        "year 2023\ninclude \"/dev/zero\"\ninclude \"/proc/self/environ\"\n",
    );
    // Outside the project root: not even looked at.
    let (status, codes, o) = check(&["main.jx"], &s.0);
    assert_eq!(status, Some(1), "{}", text(&o));
    assert_eq!(codes, ["S021", "S021"]);
    // With the whole file system as the root, refused for what they are.
    let (status, codes, o) = check(&["--root", "/", "main.jx"], &s.0);
    assert_eq!(status, Some(1), "{}", text(&o));
    assert_eq!(codes, ["S022", "S022"]);
    assert!(!text(&o).contains(SECRET));
}

#[test]
fn a_directory_symlink_loop_ends_for_check_and_fmt() {
    let s = Scratch::new("loop");
    s.write("d/a/one.jx", CLEAN);
    s.write("d/b/two.jx", CLEAN);
    // a/to-b → b and b/to-a → a: a circle of two directory links.
    symlink(s.path("d/b"), s.path("d/a/to-b")).unwrap();
    symlink(s.path("d/a"), s.path("d/b/to-a")).unwrap();
    // And a link to the top.
    symlink(s.path("d"), s.path("d/a/up")).unwrap();
    let (status, codes, o) = check(&["d"], &s.0);
    assert_eq!(status, Some(0), "{}", text(&o));
    assert!(codes.is_empty());
    let o = run(&["fmt", "d"], &s.0);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let o = run(&["fmt", "--check", "d"], &s.0);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn a_file_symlink_loop_is_an_error_not_a_hang() {
    let s = Scratch::new("file-loop");
    symlink("b.jx", s.path("a.jx")).unwrap();
    symlink("a.jx", s.path("b.jx")).unwrap();
    let (status, _, o) = check(&["."], &s.0);
    assert_eq!(status, Some(2), "{}", text(&o));
    assert!(text(&o).contains("a.jx"), "{}", text(&o));
}

#[test]
fn files_that_include_each_other_are_a_cycle() {
    let s = Scratch::new("cycle");
    s.write("p/a.jx", "year 2023\nmoney 万元\ninclude \"b.jx\"\n");
    s.write(
        "p/b.jx",
        &format!(
            "include \"a.jx\"\n{}",
            CLEAN.replace("year 2023\nmoney 万元\n", "")
        ),
    );
    for args in [&["p"][..], &["p/a.jx"], &["p/b.jx"]] {
        let (status, codes, o) = check(args, &s.0);
        assert_eq!(status, Some(1), "{args:?}: {}", text(&o));
        assert_eq!(codes, ["S020"], "{args:?}");
    }
    // Nothing is built from it.
    let o = run(&["build", "p", "-o", "out"], &s.0);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(!s.path("out").exists() || names(&s.path("out")).is_empty());
    // A file that includes itself.
    s.write("self.jx", "year 2023\ninclude \"self.jx\"\n");
    let (status, codes, _) = check(&["self.jx"], &s.0);
    assert_eq!((status, codes), (Some(1), vec!["S020".to_string()]));
}

#[test]
fn an_include_outside_the_root_is_not_read_nor_echoed() {
    let s = Scratch::new("outside");
    s.write(
        "secret/keys.jx",
        &format!("{SECRET} line one\n{SECRET} line two\n"),
    );
    s.write(
        "project/main.jx",
        "year 2023\ninclude \"../secret/keys.jx\"\ninclude \"../secret/*.jx\"\n\
         include \"../../../../../../../../etc/passwd\"\ninclude \"/etc/passwd\"\n",
    );
    for format in ["json", "human"] {
        let o = run(
            &["check", "--message-format", format, "project/main.jx"],
            &s.0,
        );
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        let shown = text(&o);
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(!shown.contains("root:x:"), "{shown}");
        if format == "json" {
            assert_eq!(codes(&o), ["S021", "S021", "S021", "S021"]);
        }
    }
    // The same from standard input: the root is the working directory.
    let mut child = command(
        &["check", "--message-format", "json", "-"],
        &s.path("project"),
    )
    .stdin(Stdio::piped())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin
            .write_all(b"year 2023\ninclude \"../secret/keys.jx\"\n")
            .unwrap();
    }
    let o = wait(child, "check -");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(codes(&o), ["S021"]);
    assert!(!text(&o).contains(SECRET));
}

#[test]
fn a_link_inside_the_root_to_a_file_outside_is_not_read() {
    let s = Scratch::new("outside-link");
    s.write("secret/keys.jx", &format!("{SECRET}\n"));
    s.write("project/main.jx", "year 2023\ninclude \"parts/*.jx\"\n");
    s.write("project/parts/a.jx", &CLEAN.replace("year 2023\n", ""));
    symlink(s.path("secret/keys.jx"), s.path("project/parts/b.jx")).unwrap();
    let (status, codes, o) = check(&["project/main.jx"], &s.0);
    assert_eq!(status, Some(1), "{}", text(&o));
    assert_eq!(codes, ["S021"]);
    assert!(!text(&o).contains(SECRET));
    // Found by walking the directory: the same.
    let (status, codes, o) = check(&["project/parts"], &s.0);
    assert_eq!((status, codes), (Some(1), vec!["S021".to_string()]));
    assert!(!text(&o).contains(SECRET));
}

#[test]
fn the_root_flag_widens_the_root() {
    let s = Scratch::new("root-flag");
    s.write(
        "shared/unit.jx",
        &CLEAN.replace("year 2023\nmoney 万元\n", ""),
    );
    s.write(
        "project/main.jx",
        "year 2023\nmoney 万元\ninclude \"../shared/unit.jx\"\n",
    );
    let (status, codes, _) = check(&["project/main.jx"], &s.0);
    assert_eq!((status, codes), (Some(1), vec!["S021".to_string()]));
    let (status, codes, o) = check(&["--root", ".", "project/main.jx"], &s.0);
    assert_eq!(status, Some(0), "{}", text(&o));
    assert!(codes.is_empty());
    let o = run(&["check", "--root", "nowhere", "project/main.jx"], &s.0);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("--root"), "{}", text(&o));
}

// ------------------------------------------------------------------ writing

#[test]
fn a_symlink_at_a_temporary_name_is_not_written_through() {
    let s = Scratch::new("temp-link");
    let victim = s.write("victim.txt", "untouched");
    // The fixed name older versions used, and the names this process's
    // next temporary files would take.
    let out = s.path("out");
    std::fs::create_dir_all(&out).unwrap();
    symlink(&victim, out.join(".a.json.tmp")).unwrap();
    let pid = std::process::id();
    for n in 0..64 {
        symlink(&victim, out.join(format!(".a.json.{pid}-{n}.tmp"))).unwrap();
    }
    jixiao::world::write_atomic(&out.join("a.json"), b"new").unwrap();
    assert_eq!(std::fs::read(out.join("a.json")).unwrap(), b"new");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
    assert!(std::fs::symlink_metadata(out.join(".a.json.tmp"))
        .unwrap()
        .file_type()
        .is_symlink());

    // A build into that directory does not write through them either.
    s.write("doc.jx", CLEAN);
    symlink(&victim, out.join(".doc.json.tmp")).unwrap();
    let o = run(&["build", "doc.jx", "-o", "out"], &s.0);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(std::fs::read(out.join("doc.json"))
        .unwrap()
        .starts_with(b"{"));
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "untouched");
}

#[test]
fn a_build_into_the_working_directory_replaces_file_by_file() {
    let s = Scratch::new("cwd");
    s.write("d/doc.jx", CLEAN);
    s.write("d/notes.txt", "mine");
    let o = run(
        &["build", "doc.jx", "--format", "csv", "-o", "."],
        &s.path("d"),
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(
        names(&s.path("d")),
        [
            "doc.budget.csv",
            "doc.indicators.csv",
            "doc.jx",
            "notes.txt"
        ]
    );
}

#[test]
fn eight_concurrent_builds_into_one_directory_neither_fail_nor_tear() {
    let s = Scratch::new("concurrent");
    let corpus = city_corpus(&s, 2);
    let reference = s.path("reference");
    let o = run(
        &["build", "corpus", "--format", "csv", "-o", "reference"],
        &s.0,
    );
    assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    let expected = contents(&reference);
    // Two documents, two tables each (no projects: no projects file).
    assert_eq!(expected.len(), 4);
    let _ = corpus;

    let out = s.path("out");
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    // A reader that looks at the directory all along: whenever it holds
    // anything, it holds the whole set, every file whole.
    let reader = {
        let (out, expected, done) = (out.clone(), expected.clone(), done.clone());
        std::thread::spawn(move || {
            let mut looks = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                if let Ok(seen) = std::fs::read_dir(&out) {
                    let seen: Vec<String> = seen
                        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                        .collect();
                    if !seen.is_empty() {
                        let mut seen = seen;
                        seen.sort();
                        let want: Vec<&String> = expected.keys().collect();
                        assert_eq!(seen.iter().collect::<Vec<_>>(), want, "a torn set");
                        for (name, bytes) in &expected {
                            let got = std::fs::read(out.join(name)).unwrap();
                            assert!(&got == bytes, "{name} torn");
                        }
                        looks += 1;
                    }
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            looks
        })
    };
    let builds: Vec<_> = (0..8)
        .map(|_| {
            let cwd = s.0.clone();
            std::thread::spawn(move || {
                run(&["build", "corpus", "--format", "csv", "-o", "out"], &cwd)
            })
        })
        .collect();
    for b in builds {
        let o = b.join().unwrap();
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    }
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    reader.join().expect("the reader saw only whole sets");
    assert_eq!(contents(&out), expected);
    // Nothing left beside it either.
    let mut left = names(&s.0);
    left.retain(|n| n.starts_with('.'));
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_killed_build_leaves_the_old_set_or_the_new_never_a_mix() {
    let s = Scratch::new("killed");
    city_corpus(&s, 2);
    // Two versions of the same set of files: with and without a BOM.
    let build = |extra: &[&str], out: &str| {
        let mut args = vec!["build", "corpus", "--format", "csv", "-o", out];
        args.extend_from_slice(extra);
        let o = run(&args, &s.0);
        assert!(matches!(o.status.code(), Some(0 | 1)), "{}", text(&o));
    };
    let start = Instant::now();
    build(&["--bom"], "with-bom");
    let full = start.elapsed();
    build(&[], "without-bom");
    let versions = [
        contents(&s.path("with-bom")),
        contents(&s.path("without-bom")),
    ];
    assert_ne!(versions[0], versions[1]);
    assert_eq!(versions[0].len(), 4);

    let out = s.path("out");
    build(&["--bom"], "out");
    let mut current = 0;
    // Kill at fractions of a whole build's time, then as soon as the new
    // set is being staged (in the middle of writing it).
    let mut delays: Vec<Option<Duration>> = [0.3, 0.8, 0.95, 1.0, 1.1]
        .iter()
        .map(|f| Some(full.mul_f64(*f)))
        .collect();
    delays.extend([None, None, None]);
    let mut outcomes = Vec::new();
    for delay in delays {
        let next = 1 - current;
        let mut args = vec!["build", "corpus", "--format", "csv", "-o", "out"];
        if next == 0 {
            args.push("--bom");
        }
        let mut child = command(&args, &s.0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        match delay {
            Some(d) => std::thread::sleep(d),
            None => {
                // Until the staging directory appears beside `out`.
                let t = Instant::now();
                while t.elapsed() < DEADLINE
                    && !names(&s.0)
                        .iter()
                        .any(|n| n.starts_with(&format!(".out.jixiao-{}-", child.id())))
                    && child.try_wait().unwrap().is_none()
                {
                    std::thread::sleep(Duration::from_micros(200));
                }
            }
        }
        let _ = child.kill();
        let _ = child.wait();
        let now = contents(&out);
        let which = versions.iter().position(|v| *v == now);
        assert!(
            which.is_some(),
            "after a kill at {delay:?}: neither set: {:?}",
            now.keys().collect::<Vec<_>>()
        );
        current = which.unwrap();
        outcomes.push(current == next);
    }
    // A build after the kills completes and clears what they left.
    build(&[], "out");
    assert_eq!(contents(&out), versions[1]);
    let mut left = names(&s.0);
    left.retain(|n| n.starts_with('.'));
    assert!(left.is_empty(), "leftovers: {left:?}");
    eprintln!("kills that let the new set in: {outcomes:?}");
}

#[test]
fn fmt_writes_through_a_symlinked_file() {
    let s = Scratch::new("fmt-link");
    let real = s.write("real.jx", "year   2023\n");
    symlink("real.jx", s.path("link.jx")).unwrap();
    let o = run(&["fmt", "link.jx"], &s.0);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "year 2023\n");
    let link = std::fs::symlink_metadata(s.path("link.jx")).unwrap();
    assert!(link.file_type().is_symlink(), "the link is kept");
}

#[test]
fn fmt_dir_never_leaves_the_directory() {
    let s = Scratch::new("fmt-outside");
    let outside_file = s.write("outside/x.jx", "year   2023\n");
    let outside_deep = s.write("outside/deep/y.jx", "year   2023\n");
    let inside = s.write("dir/in.jx", "year   2023\n");
    symlink(&outside_file, s.path("dir/x.jx")).unwrap();
    symlink(s.path("outside/deep"), s.path("dir/deep")).unwrap();
    let o = run(&["fmt", "dir"], &s.0);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("outside `dir`"), "{}", text(&o));
    assert_eq!(std::fs::read_to_string(&inside).unwrap(), "year 2023\n");
    assert_eq!(
        std::fs::read_to_string(&outside_file).unwrap(),
        "year   2023\n"
    );
    assert_eq!(
        std::fs::read_to_string(&outside_deep).unwrap(),
        "year   2023\n"
    );
    assert!(std::fs::symlink_metadata(s.path("dir/x.jx"))
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn fmt_refuses_a_fifo_without_blocking() {
    let s = Scratch::new("fmt-fifo");
    s.write("d/a.jx", "year 2023\n");
    mkfifo(&s.path("d/x.jx"));
    let o = run(&["fmt", "d"], &s.0);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("FIFO"), "{}", text(&o));
}

#[test]
fn a_full_disk_is_exit_2_with_a_message() {
    let s = Scratch::new("full");
    s.write("doc.jx", CLEAN);
    let cases: [&[&str]; 4] = [
        &["build", "doc.jx", "-o", "-"],
        &["check", "--message-format", "json", "doc.jx", "/dev/zero"],
        &["fmt", "-"],
        &["explain", "S022"],
    ];
    for args in cases {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let mut c = command(args, &s.0);
        c.stdout(full).stderr(Stdio::piped());
        if args == ["fmt", "-"] {
            c.stdin(std::fs::File::open(s.path("doc.jx")).unwrap());
        }
        let o = wait(c.spawn().unwrap(), &args.join(" "));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(
            err.contains("cannot write to standard output") && err.contains("No space left"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"));
    }
    // `-o` names a directory.
    let o = run(&["build", "doc.jx", "-o", "/dev/full"], &s.0);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("not a directory"), "{}", text(&o));
}

#[test]
fn a_closed_standard_output_is_exit_2_with_a_message() {
    let s = Scratch::new("closed");
    // Outputs larger than a pipe's buffer: a write waits for the reader,
    // and fails once it is gone (in every process that shares the pipe).
    city_corpus(&s, 1);
    let cases: [&[&str]; 3] = [
        &["build", "corpus/c0", "--format", "html", "-o", "-"],
        &["build", "corpus/c0", "--format", "json"],
        &["check", "--message-format", "json", "corpus"],
    ];
    for args in cases {
        let mut child = command(args, &s.0)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // `| head -c0`: the reader is gone before anything is written.
        drop(child.stdout.take());
        let o = wait(child, &args.join(" "));
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o));
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains("Broken pipe"), "{args:?}: {err}");
        assert!(!err.contains("panicked"));
    }
    // Documentation read through `head` is simply done.
    let mut child = command(&["explain", "--list"], &s.0)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = wait(child, "explain --list");
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

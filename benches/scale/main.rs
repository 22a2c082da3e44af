//! Speed and memory of the `jixiao` binary on the city corpus scaled from
//! 1 to 100 MB (`corpus.rs`), against serde_json reading jixiao's own JSON
//! model of the same corpus. Run with `cargo bench --bench scale`.
//!
//! Every figure comes from a child process (the binary as a user runs it,
//! or this bench re-run as a serde_json reader), timed by the wall clock
//! and measured by `wait4`'s resource usage: peak resident memory, CPU
//! time. The machine is shared with other builds, so the runs of one size
//! are interleaved (check, serde_json, …, then again) and the best of each
//! kept: what is compared is ratios within one run, never times across
//! runs.
//!
//! Beside `check` it measures `build` into a directory in every other
//! format (CSV, HTML, XLSX, the reviewer's report) and `fmt --check`, with
//! the exponent of each one's time in size; and the same copies each a
//! document of its own (`check` and `build` in JSON, HTML and the report),
//! with the exponent of time in the number of documents.
//!
//! `JIXIAO_BENCH_SIZES` (MB, default `1,3,10,30,100`) and
//! `JIXIAO_BENCH_RUNS` (default 3) choose the work; `JIXIAO_BENCH_SMOKE=1`
//! runs 1 MB once (for CI); `JIXIAO_BENCH_BIN` measures another build of
//! the binary instead of this one.
//!
//! This is a benchmark, not a test: it prints figures and asserts nothing.

mod corpus;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use corpus::{City, Corpus, Shape};

/// One child's run.
#[derive(Clone, Copy, Debug)]
struct Run {
    wall: f64,
    cpu: f64,
    /// Peak resident memory, bytes.
    peak: u64,
}

impl Run {
    fn worst() -> Run {
        Run {
            wall: f64::MAX,
            cpu: 0.0,
            peak: 0,
        }
    }
    fn cpu_percent(&self) -> f64 {
        100.0 * self.cpu / self.wall
    }
}

/// Run a command with its output to `out` (standard output and error both),
/// measured.
fn measure(cmd: &mut Command, out: &Path) -> Run {
    let file = std::fs::File::create(out).unwrap();
    let err = file.try_clone().unwrap();
    let start = Instant::now();
    // Reaped by wait4 below, which also gives its resource usage.
    #[allow(clippy::zombie_processes)]
    let child = cmd
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(err)
        .spawn()
        .expect("the binary runs");
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: waits for our own child, whose id we hold.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    let wall = start.elapsed().as_secs_f64();
    assert!(pid > 0, "wait4 failed");
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Run {
        wall,
        cpu: secs(usage.ru_utime) + secs(usage.ru_stime),
        // ru_maxrss is in kilobytes on Linux.
        peak: usage.ru_maxrss as u64 * 1024,
    }
}

/// The best (shortest) of each kind over interleaved runs.
fn best(a: Run, b: Run) -> Run {
    if b.wall < a.wall {
        b
    } else {
        a
    }
}

/// Read a JSON file with serde_json into a `Value`, as a child process.
fn read_json(path: &str) {
    let text = std::fs::read_to_string(path).expect("the model was written");
    let value: serde_json::Value = serde_json::from_str(&text).expect("the model is JSON");
    std::hint::black_box(&value);
}

/// The binary measured: this build's, or the one `JIXIAO_BENCH_BIN` names
/// (an earlier build, to set before and after side by side; the in-process
/// columns stay this build's).
fn jixiao() -> Command {
    match std::env::var_os("JIXIAO_BENCH_BIN") {
        Some(bin) => Command::new(bin),
        None => Command::new(env!("CARGO_BIN_EXE_jixiao")),
    }
}

/// The backends measured beside `check`, each `build --format F -o DIR`.
const BACKENDS: [&str; 4] = ["csv", "html", "xlsx", "report"];

/// The formats built from the corpus of many documents, whose findings
/// are put in their documents and listed document by document.
const MANY_FORMATS: [&str; 3] = ["json", "html", "report"];

struct Figures {
    corpus: Corpus,
    check: Run,
    /// `build --format F -o DIR` for each of [`BACKENDS`], in that order.
    backends: [Run; BACKENDS.len()],
    /// `fmt --check DIR`.
    fmt: Run,
    /// The same copies, each a document of its own ([`Shape::ManyDocuments`]).
    many: Corpus,
    /// On `many`: `check DIR`, then `build --format F -o DIR` for each of
    /// [`MANY_FORMATS`].
    many_check: Run,
    many_builds: [Run; MANY_FORMATS.len()],
    check_single: Run,
    check_json_messages: Run,
    build_json: Run,
    serde: Run,
    model_bytes: u64,
    /// In this process, CPU time on one thread: the grammar alone (pest) over every
    /// file, and the lossless tree (pest and the tree built from it).
    grammar: f64,
    tree: f64,
    /// CPU time on one thread of a plain tokenizer over every file (see
    /// [`lex`]).
    lex: f64,
}

/// Split `text` into tokens the way a hand-written lexer in front of the
/// grammar would (runs of Han characters and letters, of digits, of
/// spaces, quoted strings, line breaks, single punctuation marks) and
/// count them: what reading the characters once costs, the floor under
/// any parser of this language.
fn lex(text: &str) -> usize {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Digit,
        Space,
        Other,
    }
    let class = |c: char| {
        if c.is_ascii_digit() {
            Class::Digit
        } else if c == ' ' || c == '\t' || c == '\u{3000}' {
            Class::Space
        } else if c.is_alphabetic() {
            Class::Word
        } else {
            Class::Other
        }
    };
    let mut tokens = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        tokens += 1;
        if c == '"' {
            for d in chars.by_ref() {
                if d == '"' || d == '\n' {
                    break;
                }
            }
            continue;
        }
        let k = class(c);
        if k == Class::Other {
            continue;
        }
        while chars.next_if(|&d| class(d) == k).is_some() {}
    }
    tokens
}

/// The text of every `.jx` file under `dir` (or of the file).
fn texts(input: &Path) -> Vec<String> {
    if input.is_file() {
        return vec![std::fs::read_to_string(input).unwrap()];
    }
    let mut out = Vec::new();
    let mut dirs = vec![input.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "jx") {
                out.push(std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    out
}

/// CPU time of this thread, in seconds.
fn thread_cpu() -> f64 {
    // The thread's CPU clock, to the nanosecond (getrusage counts in
    // scheduler ticks: a tokenizer's pass over 1 MB took no tick at all).
    // SAFETY: timespec is plain data that clock_gettime fills in.
    let mut t: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: asks about the calling thread only.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

/// The CPU time `f` takes over every text, on this thread: the figure a
/// busy machine changes least.
fn time_each(texts: &[String], f: impl Fn(&str)) -> f64 {
    let start = thread_cpu();
    for t in texts {
        f(t);
    }
    thread_cpu() - start
}

fn measure_size(city: &City, root: &Path, mb: f64, runs: usize) -> Figures {
    let copies = city.copies_for((mb * 1e6) as u64);
    let multi = city.write(&root.join(format!("multi-{mb}")), copies, Shape::MultiFile);
    let single = city.write(
        &root.join(format!("single-{mb}")),
        copies,
        Shape::SingleFile,
    );
    let many = city.write(
        &root.join(format!("many-{mb}")),
        copies,
        Shape::ManyDocuments,
    );
    let model = root.join(format!("model-{mb}.json"));
    let scratch = root.join("out.txt");
    // The model is the standard output alone, the findings left out.
    let status = jixiao()
        .arg("build")
        .arg(&multi.input)
        .args(["--format", "json", "-o", "-"])
        .stdout(std::fs::File::create(&model).unwrap())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.code().is_some(), "build ran");
    let model_bytes = std::fs::metadata(&model).unwrap().len();
    let me = std::env::current_exe().unwrap();
    let mut f = Figures {
        check: Run::worst(),
        check_single: Run::worst(),
        check_json_messages: Run::worst(),
        build_json: Run::worst(),
        backends: [Run::worst(); BACKENDS.len()],
        fmt: Run::worst(),
        many,
        many_check: Run::worst(),
        many_builds: [Run::worst(); MANY_FORMATS.len()],
        serde: Run::worst(),
        corpus: multi,
        model_bytes,
        grammar: f64::MAX,
        tree: f64::MAX,
        lex: f64::MAX,
    };
    let sources = texts(&f.corpus.input);
    for _ in 0..runs {
        let r = measure(jixiao().arg("check").arg(&f.corpus.input), &scratch);
        f.check = best(f.check, r);
        let r = measure(Command::new(&me).arg("--read-json").arg(&model), &scratch);
        f.serde = best(f.serde, r);
        // One file larger than a file may be (S011) would time a refusal.
        if f.corpus.bytes <= jixiao::syntax::limits::MAX_FILE_BYTES as u64 {
            let r = measure(jixiao().arg("check").arg(&single.input), &scratch);
            f.check_single = best(f.check_single, r);
        }
        let r = measure(
            jixiao()
                .arg("check")
                .args(["--message-format", "json"])
                .arg(&f.corpus.input),
            &scratch,
        );
        f.check_json_messages = best(f.check_json_messages, r);
        let r = measure(
            jixiao()
                .arg("build")
                .arg(&f.corpus.input)
                .args(["--format", "json", "-o", "-"]),
            &scratch,
        );
        f.build_json = best(f.build_json, r);
        let out_dir = root.join("out");
        for (k, format) in BACKENDS.iter().enumerate() {
            let r = build_into(&f.corpus.input, format, &out_dir, &scratch);
            f.backends[k] = best(f.backends[k], r);
        }
        let r = measure(
            jixiao().args(["fmt", "--check"]).arg(&f.corpus.input),
            &scratch,
        );
        f.fmt = best(f.fmt, r);
        let r = measure(jixiao().arg("check").arg(&f.many.input), &scratch);
        f.many_check = best(f.many_check, r);
        for (k, format) in MANY_FORMATS.iter().enumerate() {
            let r = build_into(&f.many.input, format, &out_dir, &scratch);
            f.many_builds[k] = best(f.many_builds[k], r);
        }
        let t = time_each(&sources, |t| {
            std::hint::black_box(jixiao::syntax::cst::grammar_only(t));
        });
        f.grammar = f.grammar.min(t);
        let t = time_each(&sources, |t| {
            std::hint::black_box(jixiao::syntax::cst::parse(t));
        });
        f.tree = f.tree.min(t);
        let t = time_each(&sources, |t| {
            std::hint::black_box(lex(t));
        });
        f.lex = f.lex.min(t);
    }
    let _ = std::fs::remove_dir_all(single.input.parent().unwrap());
    let _ = std::fs::remove_dir_all(&f.many.input);
    f
}

/// `build INPUT --format FORMAT -o OUT` (emptied first, and after),
/// measured.
fn build_into(input: &Path, format: &str, out: &Path, scratch: &Path) -> Run {
    let _ = std::fs::remove_dir_all(out);
    let r = measure(
        jixiao()
            .arg("build")
            .arg(input)
            .args(["--format", format, "--message-format", "json", "-o"])
            .arg(out),
        scratch,
    );
    // A refusal would be timed as a build: the output must be there.
    let wrote = std::fs::read_dir(out).map_or(0, |d| d.count());
    assert!(
        wrote > 0,
        "build --format {format} of {input:?} wrote nothing"
    );
    let _ = std::fs::remove_dir_all(out);
    r
}

/// `build F 0.998, build G 1.002`: an exponent for each format.
fn per_format(formats: &[&str], exponent_of: impl Fn(usize) -> f64) -> String {
    formats
        .iter()
        .enumerate()
        .map(|(k, b)| format!("build {b} {:.3}", exponent_of(k)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The slope of log(time) against log(bytes), least squares.
fn exponent(points: &[(f64, f64)]) -> f64 {
    let n = points.len() as f64;
    let xs: Vec<f64> = points.iter().map(|p| p.0.ln()).collect();
    let ys: Vec<f64> = points.iter().map(|p| p.1.ln()).collect();
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let sxy: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let sxx: f64 = xs.iter().map(|x| (x - mx) * (x - mx)).sum();
    sxy / sxx
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--read-json") {
        read_json(&args[i + 1]);
        return;
    }
    let smoke = std::env::var("JIXIAO_BENCH_SMOKE").is_ok_and(|v| v == "1");
    let sizes: Vec<f64> = if smoke {
        vec![1.0]
    } else {
        std::env::var("JIXIAO_BENCH_SIZES")
            .unwrap_or_else(|_| "1,3,10,30,100".into())
            .split(',')
            .map(|s| s.trim().parse().expect("sizes are numbers of MB"))
            .collect()
    };
    let runs: usize = if smoke {
        1
    } else {
        std::env::var("JIXIAO_BENCH_RUNS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(3)
    };
    let root: PathBuf = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scale-corpus");
    let city = City::load();
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!(
        "jixiao scale bench: {cores} cores, load average at start {}, best of {runs} interleaved runs",
        load.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    println!(
        "{:>7} {:>6} {:>6} | {:>8} {:>7} {:>7} {:>5} {:>6} {:>8} | {:>7} {:>6} {:>6} | {:>8} {:>6} | {:>6} | {:>8} {:>6} | {:>7} {:>7} {:>7}",
        "MB",
        "files",
        "units",
        "check s",
        "MB/s",
        "MB/cpus",
        "CPU%",
        "peak×",
        "µs/unit",
        "serde s",
        "ratio",
        "cpu r",
        "1file s",
        "MB/s",
        "hum/js",
        "build s",
        "peak×",
        "pest/s",
        "tree/s",
        "lex/s",
    );
    let mut all = Vec::new();
    for &mb in &sizes {
        let f = measure_size(&city, &root, mb, runs);
        let bytes = f.corpus.bytes as f64;
        let (single_s, single_mbs) = if f.check_single.wall < f64::MAX {
            (
                format!("{:.3}", f.check_single.wall),
                format!("{:.2}", bytes / 1e6 / f.check_single.wall),
            )
        } else {
            ("-".to_string(), "-".to_string())
        };
        println!(
            "{:>7.2} {:>6} {:>6} | {:>8.3} {:>7.2} {:>7.2} {:>5.0} {:>6.2} {:>8.1} | {:>7.3} {:>6.2} {:>6.2} | {:>8} {:>6} | {:>6.2} | {:>8.3} {:>6.2} | {:>7.2} {:>7.2} {:>7.1}",
            bytes / 1e6,
            f.corpus.files,
            f.corpus.units,
            f.check.wall,
            bytes / 1e6 / f.check.wall,
            bytes / 1e6 / f.check.cpu,
            f.check.cpu_percent(),
            f.check.peak as f64 / bytes,
            f.check.wall * 1e6 / f.corpus.units as f64,
            f.serde.wall,
            f.check.wall / f.serde.wall,
            f.check.cpu / f.serde.cpu,
            single_s,
            single_mbs,
            f.check.wall / f.check_json_messages.wall,
            f.build_json.wall,
            f.build_json.peak as f64 / bytes,
            bytes / 1e6 / f.grammar,
            bytes / 1e6 / f.tree,
            bytes / 1e6 / f.lex,
        );
        all.push(f);
    }
    println!();
    println!(
        "{:>7} | {}{:>8} {:>7} {:>6} {:>8}",
        "MB",
        BACKENDS
            .iter()
            .map(|b| format!(
                "{:>8} {:>7} {:>6} {:>8} | ",
                format!("{b} s"),
                "MB/s",
                "peak×",
                "µs/unit"
            ))
            .collect::<String>(),
        "fmt s",
        "MB/s",
        "peak×",
        "µs/unit",
    );
    for f in &all {
        let bytes = f.corpus.bytes as f64;
        let cell = |r: &Run| {
            format!(
                "{:>8.3} {:>7.2} {:>6.2} {:>8.1}",
                r.wall,
                bytes / 1e6 / r.wall,
                r.peak as f64 / bytes,
                r.wall * 1e6 / f.corpus.units as f64
            )
        };
        println!(
            "{:>7.2} | {}{}",
            bytes / 1e6,
            f.backends
                .iter()
                .map(|r| format!("{} | ", cell(r)))
                .collect::<String>(),
            cell(&f.fmt)
        );
    }
    println!();
    println!(
        "{:>7} {:>6} | {:>8} {:>7} {:>6} | {}",
        "MB",
        "docs",
        "check s",
        "MB/s",
        "peak×",
        MANY_FORMATS
            .iter()
            .map(|b| format!("{:>8} {:>6}", format!("{b} s"), "peak×"))
            .collect::<Vec<_>>()
            .join(" | "),
    );
    for f in &all {
        let bytes = f.many.bytes as f64;
        println!(
            "{:>7.2} {:>6} | {:>8.3} {:>7.2} {:>6.2} | {}",
            bytes / 1e6,
            f.many.documents,
            f.many_check.wall,
            bytes / 1e6 / f.many_check.wall,
            f.many_check.peak as f64 / bytes,
            f.many_builds
                .iter()
                .map(|r| format!("{:>8.3} {:>6.2}", r.wall, r.peak as f64 / bytes))
                .collect::<Vec<_>>()
                .join(" | "),
        );
    }
    if all.len() > 1 {
        let multi: Vec<(f64, f64)> = all
            .iter()
            .map(|f| (f.corpus.bytes as f64, f.check.wall))
            .collect();
        let single: Vec<(f64, f64)> = all
            .iter()
            .filter(|f| f.check_single.wall < f64::MAX)
            .map(|f| (f.corpus.bytes as f64, f.check_single.wall))
            .collect();
        let files: Vec<(f64, f64)> = all
            .iter()
            .map(|f| (f.corpus.files as f64, f.check.wall))
            .collect();
        println!(
            "exponent of time in size: many files {:.3}, one file {:.3} (up to the largest file allowed); in file count {:.3}",
            exponent(&multi),
            exponent(&single),
            exponent(&files),
        );
        // The exponent of a run's time in what `x` counts.
        let slope = |x: &dyn Fn(&Figures) -> f64, run: &dyn Fn(&Figures) -> Run| {
            let points: Vec<(f64, f64)> = all.iter().map(|f| (x(f), run(f).wall)).collect();
            exponent(&points)
        };
        let of = |run: &dyn Fn(&Figures) -> Run| slope(&|f| f.corpus.bytes as f64, run);
        println!(
            "exponent of time in size: {}, fmt {:.3}",
            per_format(&BACKENDS, |k| of(&|f: &Figures| f.backends[k])),
            of(&|f: &Figures| f.fmt),
        );
        let docs = |run: &dyn Fn(&Figures) -> Run| slope(&|f| f.many.documents as f64, run);
        println!(
            "exponent of time in the number of documents: check {:.3}, {}",
            docs(&|f: &Figures| f.many_check),
            per_format(&MANY_FORMATS, |k| docs(&|f: &Figures| f.many_builds[k])),
        );
    }
    if let Some(f) = all.last() {
        println!(
            "model JSON at {:.1} MB: {:.1} MB ({:.2}× the input); serde_json reads it at {:.1} MB/s of model, peak {:.2}× the input",
            f.corpus.bytes as f64 / 1e6,
            f.model_bytes as f64 / 1e6,
            f.model_bytes as f64 / f.corpus.bytes as f64,
            f.model_bytes as f64 / 1e6 / f.serde.wall,
            f.serde.peak as f64 / f.corpus.bytes as f64,
        );
    }
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "load average at end {}",
        load.split(' ').take(3).collect::<Vec<_>>().join(" ")
    );
    println!("columns: check = `jixiao check DIR` (human findings), MB/cpus = MB per second of its CPU time (all threads); ratio = check / serde_json reading the model JSON (wall clock), cpu r = the same in CPU time; 1file = the same text in one file; hum/js = check with human findings / with --message-format json; build = `build --format json`; peak× = peak resident memory / input bytes; µs/unit = wall time per unit; the second table: `build --format csv|html|xlsx|report -o DIR` and `fmt --check DIR`; the third: the same copies each a document of its own (docs), `check DIR` and `build --format json|html|report -o DIR`; pest/s = MB per CPU second of the grammar alone (pest, no tree) on one thread, tree/s = of pest and the lossless tree, lex/s = of a plain tokenizer (what reading the characters once costs)");
}

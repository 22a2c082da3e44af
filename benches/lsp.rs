//! The editor server's re-check after an edit: the city corpus
//! (`examples/yueyang-2024`, 279 KB in 25 files) is open in a
//! [`Workspace`] through one of its department files; each round changes
//! one figure of that file and measures [`Workspace::refresh`], which loads
//! the project again (re-parsing only the block around the edit), checks
//! it and converts every finding to the protocol's diagnostics for its 25
//! files (republishing those of the files whose findings changed). The
//! target is 20 ms. Run with `cargo bench --bench lsp`.
//!
//! Both wall time and the thread's CPU time are printed: on a shared
//! machine the wall time also counts the time other processes took.
//!
//! This is a benchmark, not a test: it prints figures and asserts nothing.

use std::path::Path;
use std::time::{Duration, Instant};

use jixiao::lsp::Workspace;
use lsp_types::Url;

/// The CPU time this thread has used.
fn thread_cpu() -> Duration {
    #[repr(C)]
    struct Timespec {
        sec: i64,
        nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec { sec: 0, nsec: 0 };
    // SAFETY: clock_gettime writes one Timespec, which `ts` is.
    unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.sec as u64, ts.nsec as u32)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/yueyang-2024");
    let mut ws = Workspace::new(vec![root.clone()]);
    // Each case types a digit after the first `needle` of a file.
    for (dept, needle, what) in [
        (
            "01-市委办系统.jx",
            "budget 3,394.3",
            "a figure in one of the rollup's 18 units",
        ),
        (
            "01-市委办系统.jx",
            "budget 12,877.7",
            "the rollup's own total",
        ),
        (
            "01-市委办系统.jx",
            "// summary row #1-1",
            "a comment between the rollup's units: the whole 65 KB rollup is read again",
        ),
        (
            "01-市委办系统.jx",
            "//   资金总额",
            "a comment outside every unit: the whole file is parsed again",
        ),
        ("04-政府办系统.jx", "budget 5,758.8", "a figure in a unit"),
        ("14-公安局.jx", "budget ", "the first budget"),
        ("02-市委党校.jx", "budget ", "the first budget"),
    ] {
        let path = root.join("departments").join(dept);
        let text = std::fs::read_to_string(&path).expect("the corpus is bundled");
        let uri = Url::from_file_path(&path).expect("an absolute path");
        ws.open(uri.clone(), 1, text.clone());
        let start = Instant::now();
        let published = ws.refresh();
        if published.len() > 1 {
            println!(
                "{dept}: open, find the root, first check: {:.1} ms ({} files published)",
                ms(start.elapsed()),
                published.len()
            );
        }
        let at = text.find(needle).expect("the needle") + needle.len();
        let (mut wall, mut cpu) = (Vec::new(), Vec::new());
        let mut findings = 0;
        for round in 0..30 {
            // Alternate the last digit so that every round is an edit.
            let edited = format!("{}{}{}", &text[..at], round % 10, &text[at..]);
            ws.change(&uri, round + 2, edited);
            let (w, c) = (Instant::now(), thread_cpu());
            let published = ws.refresh();
            cpu.push(thread_cpu() - c);
            wall.push(w.elapsed());
            findings = published.iter().map(|p| p.diagnostics.len()).sum::<usize>();
        }
        wall.sort();
        cpu.sort();
        println!(
            "{dept} ({} KB), {what}: re-check median {:.2} ms wall, {:.2} ms CPU; best {:.2} ms wall, {:.2} ms CPU ({findings} diagnostics republished)",
            text.len() / 1024,
            ms(wall[wall.len() / 2]),
            ms(cpu[cpu.len() / 2]),
            ms(wall[0]),
            ms(cpu[0]),
        );
        ws.change(&uri, 100, text);
        ws.refresh();
    }
}

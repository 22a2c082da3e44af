//! The benchmark corpus: the city corpus (`examples/yueyang-2024`) scaled
//! to a size by copies of its departments, each copy a city of its own
//! (岳阳 renamed, unit codes and summary serials moved out of the way of the
//! other copies), all in one document whose summary lists every copy's rows
//! and a total that is the sum of them, so that the summary reconciles as
//! the original does and each copy has exactly the original's findings.
//!
//! Two shapes: many files (`main.jx`, `summary.jx`, `departments/*.jx`, as
//! the city corpus is laid out) and one file holding the same text.

use std::path::{Path, PathBuf};

/// The city corpus's total (万元), the sum of its summary's rows.
const CITY_TOTAL_FEN: u64 = 33_610_354;
/// Serials run #1 … #59 in the city corpus; copy k starts at 59·k + 1.
const CITY_SERIALS: u64 = 59;

/// The layout of a corpus on disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `main.jx` including `summary.jx` and `departments/*.jx`.
    MultiFile,
    /// The same text in one file.
    SingleFile,
    /// Each copy a document of its own: `cNNN/main.jx` including its own
    /// `summary.jx` (its rows alone, its own total) and `departments/*.jx`.
    ManyDocuments,
}

/// A generated corpus.
pub struct Corpus {
    /// What to give `jixiao check`: the directory (many files) or the file.
    pub input: PathBuf,
    /// Bytes of `.jx` text.
    pub bytes: u64,
    /// Files of `.jx` text.
    pub files: usize,
    /// Units with a target table (23 per copy).
    pub units: usize,
    /// Documents (root files).
    pub documents: usize,
}

/// The city corpus as read from the repository.
pub struct City {
    header: String,
    summary: String,
    /// (file name, text) of each department, in name order.
    departments: Vec<(String, String)>,
    units: usize,
}

fn city_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/yueyang-2024")
}

impl City {
    pub fn load() -> City {
        let root = city_root();
        let main =
            std::fs::read_to_string(root.join("main.jx")).expect("the city corpus is bundled");
        // The header is main.jx without its includes: the corpus writes its own.
        let header: String = main
            .lines()
            .filter(|l| !l.starts_with("include "))
            .map(|l| format!("{l}\n"))
            .collect();
        let summary = std::fs::read_to_string(root.join("summary.jx")).unwrap();
        let mut departments: Vec<(String, String)> = std::fs::read_dir(root.join("departments"))
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        departments.sort();
        let units = departments
            .iter()
            .map(|(_, t)| t.lines().filter(|l| is_unit_line(l)).count())
            .sum();
        City {
            header,
            summary,
            departments,
            units,
        }
    }

    /// Bytes of one copy (departments and summary rows).
    pub fn copy_bytes(&self) -> u64 {
        (self.summary.len() + self.departments.iter().map(|(_, t)| t.len()).sum::<usize>()) as u64
    }

    /// Copies needed for about `bytes` of text (at least one).
    pub fn copies_for(&self, bytes: u64) -> usize {
        (bytes as f64 / self.copy_bytes() as f64).round().max(1.0) as usize
    }

    /// Write `copies` copies under `dir` (emptied first).
    pub fn write(&self, dir: &Path, copies: usize, shape: Shape) -> Corpus {
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).unwrap();
        let summary = self.summary_text(copies);
        let departments: Vec<(String, String)> = (0..copies)
            .flat_map(|k| {
                self.departments
                    .iter()
                    .map(move |(name, text)| (format!("c{k:03}-{name}"), rename(text, k)))
            })
            .collect();
        let mut bytes = 0u64;
        let documents = if shape == Shape::ManyDocuments {
            copies
        } else {
            1
        };
        let (input, files) = match shape {
            Shape::MultiFile => {
                let main = format!(
                    "{}\ninclude \"summary.jx\"\ninclude \"departments/*.jx\"\n",
                    self.header
                );
                std::fs::create_dir_all(dir.join("departments")).unwrap();
                for (name, text) in &departments {
                    std::fs::write(dir.join("departments").join(name), text).unwrap();
                    bytes += text.len() as u64;
                }
                std::fs::write(dir.join("main.jx"), &main).unwrap();
                std::fs::write(dir.join("summary.jx"), &summary).unwrap();
                bytes += (main.len() + summary.len()) as u64;
                (dir.to_path_buf(), departments.len() + 2)
            }
            Shape::ManyDocuments => {
                let main = format!(
                    "{}\ninclude \"summary.jx\"\ninclude \"departments/*.jx\"\n",
                    self.header
                );
                let per_copy = self.departments.len();
                for k in 0..copies {
                    let copy = dir.join(format!("c{k:03}"));
                    std::fs::create_dir_all(copy.join("departments")).unwrap();
                    for (name, text) in &departments[k * per_copy..(k + 1) * per_copy] {
                        std::fs::write(copy.join("departments").join(name), text).unwrap();
                        bytes += text.len() as u64;
                    }
                    let summary = self.summary_of_copy(k);
                    std::fs::write(copy.join("main.jx"), &main).unwrap();
                    std::fs::write(copy.join("summary.jx"), &summary).unwrap();
                    bytes += (main.len() + summary.len()) as u64;
                }
                (dir.to_path_buf(), copies * (per_copy + 2))
            }
            Shape::SingleFile => {
                let mut text = self.header.clone();
                text.push('\n');
                text.push_str(&summary);
                for (_, t) in &departments {
                    text.push('\n');
                    text.push_str(t);
                }
                let path = dir.join("corpus.jx");
                std::fs::write(&path, &text).unwrap();
                bytes = text.len() as u64;
                (path, 1)
            }
        };
        Corpus {
            input,
            bytes,
            files,
            units: self.units * copies,
            documents,
        }
    }

    /// The summary of copy `k` alone: its rows renamed, the city's total.
    fn summary_of_copy(&self, k: usize) -> String {
        self.summary_rows(k..k + 1)
    }

    /// One summary for every copy: each copy's rows renamed, one total.
    fn summary_text(&self, copies: usize) -> String {
        self.summary_rows(0..copies)
    }

    /// The summary with the rows of `copies`, renamed, and their total.
    fn summary_rows(&self, copies: std::ops::Range<usize>) -> String {
        let open = self
            .summary
            .find("\nsummary ")
            .expect("the city corpus has a summary")
            + 1;
        let body_start = open + self.summary[open..].find('\n').unwrap() + 1;
        let total_at = self
            .summary
            .rfind("  total ")
            .expect("the summary has a total");
        let rows = &self.summary[body_start..total_at];
        let mut out = String::from(&self.summary[..body_start]);
        let count = copies.len() as u64;
        for k in copies {
            out.push_str(&rename(rows, k));
        }
        let fen = CITY_TOTAL_FEN * count;
        out.push_str(&format!("  total {}.{:02}\n}}\n", fen / 100, fen % 100));
        out
    }
}

fn is_unit_line(l: &str) -> bool {
    let t = l.trim_start();
    let t = t.strip_prefix("rollup ").unwrap_or(t);
    t.starts_with("unit ") || t.starts_with("单位 ")
}

/// A city name for copy `k` (two Han characters; copy 0 is 岳阳 itself).
fn city(k: usize) -> String {
    const A: &[char] = &[
        '岳', '云', '江', '山', '青', '明', '安', '平', '东', '南', '西', '北', '长', '永', '宁',
        '新', '华', '嘉', '丰', '兴',
    ];
    const B: &[char] = &[
        '阳', '州', '陵', '川', '城', '源', '宁', '溪', '原', '泉', '河', '湖', '桥', '林', '台',
        '沙', '水', '港', '坪', '口',
    ];
    let k = k % (A.len() * B.len());
    format!("{}{}", A[k / B.len()], B[k % B.len()])
}

/// The names that do not carry the city's name get it in front.
const CITYLESS: &[&str] = &["任弼时纪念馆", "湖南东洞庭湖国家级自然保护区管理局"];

/// Copy `k` of a text of the city corpus: the city renamed, unit codes and
/// summary serials moved to copy k's own range.
fn rename(text: &str, k: usize) -> String {
    if k == 0 {
        return text.to_string();
    }
    let name = city(k);
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for line in text.split_inclusive('\n') {
        let mut line = line.replace("岳阳", &name);
        for n in CITYLESS {
            if line.contains(n) && !line.contains(&format!("{name}{n}")) {
                line = line.replace(n, &format!("{name}{n}"));
            }
        }
        out.push_str(&renumber(&line, k));
    }
    out
}

/// A unit code (declaration, `parent`, a summary row's code) moved by a
/// million per copy; a summary serial `#n` or `#n-m` moved by 59 per copy.
fn renumber(line: &str, k: usize) -> String {
    let indent = line.len() - line.trim_start().len();
    let (lead, rest) = line.split_at(indent);
    let moved_code = |code: &str| -> String {
        let c: u64 = code.parse().unwrap_or(0);
        (c + 1_000_000 * k as u64).to_string()
    };
    let mut words: Vec<String> = rest.split(' ').map(str::to_string).collect();
    let code_at = |words: &[String], i: usize| -> bool {
        words
            .get(i)
            .is_some_and(|w| w.len() == 6 && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let first = words.first().cloned().unwrap_or_default();
    if first.starts_with('#') && first.len() > 1 {
        // A summary row: serial, then perhaps a code after the padding.
        let serial = &first[1..];
        let (head, tail) = serial
            .split_once('-')
            .map_or((serial, None), |(h, t)| (h, Some(t)));
        if let Ok(n) = head.parse::<u64>() {
            let n = n + CITY_SERIALS * k as u64;
            words[0] = match tail {
                Some(t) => format!("#{n}-{t}"),
                None => format!("#{n}"),
            };
        }
        if let Some(i) = words
            .iter()
            .skip(1)
            .position(|w| !w.is_empty())
            .map(|i| i + 1)
        {
            if code_at(&words, i) {
                words[i] = moved_code(&words[i]);
            }
        }
    } else {
        let mut i = 0;
        if first == "rollup" || first == "系统" || first == "continued" || first == "续" {
            i = 1;
        }
        let kw = words.get(i).map(String::as_str).unwrap_or("");
        if matches!(kw, "unit" | "单位" | "parent" | "上级") && code_at(&words, i + 1) {
            words[i + 1] = moved_code(&words[i + 1]);
        }
    }
    format!("{lead}{}", words.join(" "))
}

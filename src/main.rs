// Temporary parse-only driver; replaced by the real CLI.
use jixiao::syntax::grammar::{JxParser, Rule};
use pest::Parser;
fn walk(p: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    if p.is_dir() {
        for e in std::fs::read_dir(p).unwrap() {
            walk(&e.unwrap().path(), out);
        }
    } else if p.extension().is_some_and(|e| e == "jx") {
        out.push(p.to_path_buf());
    }
}
fn main() {
    let mut files = vec![];
    for a in std::env::args().skip(2) {
        walk(std::path::Path::new(&a), &mut files);
    }
    let mut bad = 0;
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let src = src.trim_start_matches('\u{feff}');
        match JxParser::parse(Rule::file, src) {
            Ok(p) => {
                for j in p.flatten().filter(|p| matches!(p.as_rule(), Rule::junk | Rule::junk_top)) {
                    let (l, c) = j.as_span().start_pos().line_col();
                    println!("{}:{l}:{c}: error: could not parse: {}", f.display(), j.as_str().lines().next().unwrap_or(""));
                    bad += 1;
                }
            }
            Err(e) => {
                println!("{}: error:\n{e}", f.display());
                bad += 1;
            }
        }
    }
    println!("{bad} errors");
    std::process::exit(if bad > 0 { 1 } else { 0 });
}

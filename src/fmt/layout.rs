//! From printed lines to text: indentation, blank lines, columns aligned by
//! display width (a Han character is two columns) and end-of-line comments
//! aligned in runs of consecutive lines. Error lines are printed as they
//! were written.

use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

/// Spaces per block level.
pub const INDENT: usize = 2;
/// At least this many spaces before an end-of-line comment.
const COMMENT_GAP: usize = 2;

/// One output line (its text may hold line breaks inside a multi-line
/// string or block comment, which are printed as written).
#[derive(Clone, Debug, Default)]
pub struct Line {
    pub indent: usize,
    /// Columns: with an alignment group, every column but the last is padded
    /// to the widest of the group; without one they are joined by a space.
    pub cells: Vec<String>,
    pub group: Option<usize>,
    /// End-of-line comments.
    pub trailing: Vec<String>,
    /// A blank line stood before it in the source.
    pub blank_before: bool,
    /// It ends with the `{` of a block written over several lines.
    pub opens: bool,
    /// It starts with the `}` closing such a block.
    pub closes: bool,
    /// Source text printed as written (an error line): its one cell after
    /// the indentation, nothing trimmed, nothing aligned.
    pub verbatim: bool,
}

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

pub fn render(lines: &[Line], newline: &str) -> String {
    // The widest cell of each column of each group.
    let mut widths: HashMap<usize, Vec<usize>> = HashMap::new();
    for l in lines {
        if let (Some(g), false) = (l.group, l.verbatim) {
            if l.cells.len() < 2 || l.cells.iter().any(|c| c.contains(['\n', '\r'])) {
                continue;
            }
            let w = widths.entry(g).or_default();
            for (i, c) in l.cells[..l.cells.len() - 1].iter().enumerate() {
                if w.len() <= i {
                    w.resize(i + 1, 0);
                }
                w[i] = w[i].max(width(c));
            }
        }
    }
    let texts: Vec<String> = lines
        .iter()
        .map(|l| {
            let mut s = " ".repeat(l.indent * INDENT);
            if l.verbatim {
                s.extend(l.cells.iter().map(String::as_str));
                return s;
            }
            let aligned = l
                .group
                .and_then(|g| widths.get(&g))
                .filter(|_| !l.cells.iter().any(|c| c.contains(['\n', '\r'])));
            match aligned {
                Some(w) => {
                    let last = l.cells.len().saturating_sub(1);
                    for (i, c) in l.cells.iter().enumerate() {
                        if i < last {
                            let wi = w.get(i).copied().unwrap_or(0);
                            if wi == 0 && c.is_empty() {
                                continue;
                            }
                            s.push_str(c);
                            s.push_str(&" ".repeat(wi.saturating_sub(width(c)) + 1));
                        } else {
                            s.push_str(c);
                        }
                    }
                }
                None => {
                    let parts: Vec<&str> = l
                        .cells
                        .iter()
                        .map(String::as_str)
                        .filter(|c| !c.is_empty())
                        .collect();
                    s.push_str(&parts.join(" "));
                }
            }
            s.truncate(s.trim_end_matches(' ').len());
            s
        })
        .collect();

    // Which lines are printed after a blank line.
    let blank: Vec<bool> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| l.blank_before && i > 0 && !lines[i - 1].opens && !l.closes)
        .collect();

    // End-of-line comments: aligned over runs of consecutive lines that all
    // have one.
    let mut column: Vec<usize> = vec![0; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trailing.is_empty() {
            i += 1;
            continue;
        }
        let single = |k: usize| !texts[k].contains(['\n', '\r']);
        // Comments after a line comment are printed on lines of their own
        // (below), which end the run as a comment line would; so does a
        // block comment that holds a line break (the next line starts
        // after it, and is not the line it was aligned with when the
        // output is formatted again).
        let breaks = |k: usize| {
            let t = &lines[k].trailing;
            t[..t.len() - 1].iter().any(|c| is_line_comment(c))
                || t.iter().any(|c| c.contains(['\n', '\r']))
        };
        let mut j = i + 1;
        if single(i) {
            while j < lines.len()
                && !breaks(j - 1)
                && !lines[j].trailing.is_empty()
                && !blank[j]
                && single(j)
            {
                j += 1;
            }
        }
        let col = (i..j)
            .map(|k| width(texts[k].rsplit(['\n', '\r']).next().unwrap_or("")))
            .max()
            .unwrap_or(0)
            + COMMENT_GAP;
        for c in &mut column[i..j] {
            *c = col;
        }
        i = j;
    }

    let mut out = String::new();
    for (k, (l, text)) in lines.iter().zip(&texts).enumerate() {
        if blank[k] {
            out.push_str(newline);
        }
        out.push_str(text);
        if !l.trailing.is_empty() {
            let last = text.rsplit(['\n', '\r']).next().unwrap_or("");
            if text.trim().is_empty() {
                // A line that holds nothing but what follows: no padding.
                out.truncate(out.len() - text.len());
                out.push_str(&" ".repeat(l.indent * INDENT));
            } else {
                out.push_str(&" ".repeat(column[k].saturating_sub(width(last)).max(1)));
            }
            // A line comment runs to the end of its line: a comment that
            // follows it (a statement written over several lines gathers
            // the comments of each) goes on a line of its own, or it would
            // be read as part of the line comment (two comments made one),
            // or, holding a line break, end it early.
            for (n, c) in l.trailing.iter().enumerate() {
                if n > 0 {
                    if is_line_comment(&l.trailing[n - 1]) {
                        // Inside the block the line opens, if it opens one.
                        out.push_str(newline);
                        out.push_str(&" ".repeat((l.indent + usize::from(l.opens)) * INDENT));
                    } else {
                        out.push(' ');
                    }
                }
                out.push_str(c);
            }
        }
        out.push_str(newline);
    }
    out
}

/// A `// …` comment, which runs to the end of its line.
fn is_line_comment(comment: &str) -> bool {
    comment.starts_with("//")
}

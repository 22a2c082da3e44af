//! The official tables as HTML: one self-contained page per document (the
//! style sheet is inline; no font, script or image is loaded), ready to
//! publish and to print.
//!
//! Print: A4 landscape; every table from a new page; a row is never split
//! across pages; a grid's column headers are repeated on every page; page
//! numbers at the foot. A table's first page is planned here, from an
//! estimate of each row's printed height (erring high), so that the
//! header block stays with the first rows of its grid; every page after
//! it is a named page whose margin says 续表 with the unit's name and the
//! title.
//!
//! All text is escaped. The findings of the run are listed after the
//! tables, on screen only: they are not part of the published tables.

use std::fmt::Write as _;

use crate::diag::{render, Diagnostic, Severity};
use crate::emit::layout::{Cell, Layout, Row, Style, Table};
use crate::i18n::Lang;
use crate::msg;
use crate::project::Project;

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
@page { size: A4 landscape; margin: 14mm 10mm 14mm 10mm;
  @bottom-center { content: "第 " counter(page) " 页  共 " counter(pages) " 页"; font-size: 9pt; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "宋体", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", serif; font-size: 10pt; line-height: 1.4; color: #000; background: #fff; margin: 16px auto; padding: 0 12px; max-width: 297mm; }
header.doc h1 { font-size: 16pt; margin: 0 0 4px; }
header.doc p { margin: 0 0 8px; color: #333; }
nav ol { columns: 3; margin: 0 0 24px; padding-left: 2em; }
.tbl { margin: 0 0 32px; }
.tbl h2 { font-size: 14pt; line-height: 1.4; text-align: center; margin: 0 0 2mm; letter-spacing: .05em; }
.meta { display: flex; justify-content: space-between; font-size: 10pt; line-height: 1.4; margin: 0 0 1mm; }
.after { font-size: 10pt; line-height: 1.4; margin: 2mm 0 0; white-space: pre-wrap; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
table + table { margin-top: -1px; }
th, td { border: 1px solid #000; padding: 2px 3px; vertical-align: middle; white-space: pre-line; overflow-wrap: anywhere; }
th { font-weight: bold; text-align: center; background: #f2f2f2; }
th.sec { text-align: left; background: #e4e4e4; }
td.txt { text-align: left; }
td.ctr, td.num { text-align: center; }
td.amt { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.amtl { text-align: left; font-variant-numeric: tabular-nums; }
.i1 { padding-left: 1.6em; } .i2 { padding-left: 3.2em; } .i3 { padding-left: 4.8em; } .i4 { padding-left: 6.4em; }
.i5 { padding-left: 8em; } .i6 { padding-left: 9.6em; } .i7 { padding-left: 11.2em; } .i8 { padding-left: 12.8em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
.tbl + .tbl { break-before: page; page-break-before: always; }
.cont { break-before: page; page-break-before: always; }
body:has(.tbl:target) > :not(.tbl:target) { display: none; }
section.findings h2 { font-size: 13pt; }
section.findings td { vertical-align: top; }
section.findings tr.error td:first-child { color: #b00020; font-weight: bold; }
section.findings tr.warning td:first-child { color: #8a5a00; font-weight: bold; }
@media screen {
  .cont { margin-top: -1px; }
  .cont table.again > thead { display: none; }
}
@media print {
  .screen-only { display: none !important; }
  body { margin: 0; padding: 0; max-width: none; }
  .tbl { margin: 0; }
}
"#;

fn cell_html(out: &mut String, c: &Cell) {
    let (tag, class) = match c.style {
        Style::Label => ("th", "lbl"),
        Style::Header => ("th", "hdr"),
        Style::Section => ("th", "sec"),
        Style::Text => ("td", "txt"),
        Style::Center => ("td", "ctr"),
        Style::Amount => ("td", "amt"),
        Style::AmountLeft => ("td", "amtl"),
        Style::Number => ("td", "num"),
    };
    let _ = write!(out, "<{tag} class=\"{class}");
    if !c.class.is_empty() {
        let _ = write!(out, " {}", c.class);
    }
    if c.indent > 0 {
        let _ = write!(out, " i{}", c.indent);
    }
    out.push('"');
    if c.style == Style::Label {
        out.push_str(" scope=\"row\"");
    }
    if c.colspan > 1 {
        let _ = write!(out, " colspan=\"{}\"", c.colspan);
    }
    if c.rowspan > 1 {
        let _ = write!(out, " rowspan=\"{}\"", c.rowspan);
    }
    let _ = write!(out, ">{}</{tag}>", escape(&c.text));
}

fn row_html(out: &mut String, r: &Row) {
    out.push_str("<tr");
    if !r.class.is_empty() {
        let _ = write!(out, " class=\"{}\"", r.class);
    }
    out.push('>');
    for c in &r.cells {
        cell_html(out, c);
    }
    out.push_str("</tr>\n");
}

fn colgroup(out: &mut String, t: &Table) {
    let total: u32 = t.widths.iter().sum::<u32>().max(1);
    out.push_str("<colgroup>");
    for w in &t.widths {
        let pct = f64::from(*w) * 100.0 / f64::from(total);
        let _ = write!(out, "<col style=\"width:{pct:.2}%\">");
    }
    out.push_str("</colgroup>\n");
}

fn rows_table(out: &mut String, t: &Table, class: &str, rows: &[Row]) {
    if rows.is_empty() {
        return;
    }
    let _ = writeln!(out, "<table class=\"{class}\">");
    colgroup(out, t);
    out.push_str("<tbody>\n");
    for r in rows {
        row_html(out, r);
    }
    out.push_str("</tbody></table>\n");
}

/// A grid: its column headers (repeated on every printed page), its rows.
/// `again`: the rest of a grid a page break split, whose headers the
/// screen does not show a second time.
fn grid_table(out: &mut String, t: &Table, kind: &str, header: &[Row], rows: &[Row], again: bool) {
    let again = if again { " again" } else { "" };
    let _ = writeln!(
        out,
        "<table class=\"grid {kind}{again}\" data-grid=\"{kind}\">"
    );
    colgroup(out, t);
    if !header.is_empty() {
        out.push_str("<thead>\n");
        for r in header {
            row_html(out, r);
        }
        out.push_str("</thead>\n");
    }
    out.push_str("<tbody>\n");
    for r in rows {
        row_html(out, r);
    }
    out.push_str("</tbody></table>\n");
}

// ------------------------------------------------------------ print

/// The printable area of an A4 landscape page under the style sheet's
/// margins, in millimetres.
const PAGE_WIDTH: f64 = 277.0;
const PAGE_HEIGHT: f64 = 182.0;
/// How much of the first page a table may plan to fill: the estimate of
/// a row's height errs high (Latin text is taken wider than most fonts
/// print it), and a page a little short costs less than one that
/// overflows.
const FIRST_PAGE: f64 = 0.95;
const PT: f64 = 0.3528;
const LINE: f64 = 10.0 * PT * 1.4;
/// A cell's vertical padding and border.
const CELL_EXTRA: f64 = 2.0 * 2.0 * 0.2646 + 0.2646;

/// The width of a text's widest line, in millimetres at 10pt: a wide
/// (Han) character is an em, anything else errs high at 0.6 em.
fn text_mm(line: &str) -> f64 {
    use unicode_width::UnicodeWidthChar;
    line.chars()
        .map(|c| match c.width() {
            Some(2) => 10.0 * PT,
            Some(0) | None => 0.0,
            _ => 0.6 * 10.0 * PT,
        })
        .sum()
}

/// Lines a text takes in a cell `width` millimetres wide.
fn lines_in(text: &str, width: f64) -> usize {
    let avail = (width - 2.0 * 3.0 * 0.2646 - 0.3).max(4.0);
    text.split('\n')
        .map(|l| ((text_mm(l) * 1.05 / avail).ceil() as usize).max(1))
        .sum()
}

/// The printed height of each row, in millimetres: the tallest of its
/// cells, a merged cell's excess added to its last row.
fn row_heights(rows: &[&Row], widths: &[f64]) -> Vec<f64> {
    let ncols = widths.len();
    let cells: Vec<&[Cell]> = rows.iter().map(|r| r.cells.as_slice()).collect();
    let placed = crate::emit::layout::place_rows(&cells, ncols);
    let mut h = vec![LINE + CELL_EXTRA; rows.len()];
    let need = |p: &crate::emit::layout::Placed| {
        let w: f64 = widths[p.col..(p.col + p.cell.colspan).min(ncols)]
            .iter()
            .sum();
        let indent = f64::from(p.cell.indent) * 1.6 * 10.0 * PT;
        lines_in(&p.cell.text, w - indent) as f64 * LINE + CELL_EXTRA
    };
    for p in placed.iter().filter(|p| p.cell.rowspan == 1) {
        h[p.row] = h[p.row].max(need(p));
    }
    for p in placed.iter().filter(|p| p.cell.rowspan > 1) {
        let end = (p.row + p.cell.rowspan).min(rows.len());
        let have: f64 = h[p.row..end].iter().sum();
        let want = need(p);
        if want > have {
            h[end - 1] += want - have;
        }
    }
    h
}

/// Where a table's first printed page ends.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Break {
    /// The whole table fits.
    None,
    /// Before row `n` of the header block.
    Head(usize),
    /// Before row `n` of grid `g` (0: the grid starts on the next page).
    Grid(usize, usize),
    /// Before row `n` of the footer.
    Foot(usize),
    /// Before the lines under the table.
    After,
}

/// Plan the first page of a table: as many rows as fit, the title block
/// and a grid's column headers kept with at least one row after them.
fn first_page(t: &Table) -> Break {
    let total: u32 = t.widths.iter().sum::<u32>().max(1);
    let widths: Vec<f64> = t
        .widths
        .iter()
        .map(|w| f64::from(*w) * PAGE_WIDTH / f64::from(total))
        .collect();
    let budget = PAGE_HEIGHT * FIRST_PAGE;
    let mut used = 14.0 * PT * 1.4 + 2.0 + t.meta.len() as f64 * (LINE + 1.0);
    let fits = |used: &mut f64, h: f64| {
        *used += h;
        *used <= budget
    };
    let head: Vec<&Row> = t.head.iter().collect();
    for (i, h) in row_heights(&head, &widths).into_iter().enumerate() {
        if !fits(&mut used, h) {
            // A heading stays with the row after it.
            let mut i = i;
            while i > 1 && t.head[i - 1].keep {
                i -= 1;
            }
            return if i == 0 { Break::None } else { Break::Head(i) };
        }
    }
    for (g, grid) in t.grids.iter().enumerate() {
        let header: Vec<&Row> = grid.header.iter().collect();
        let hh: f64 = row_heights(&header, &widths).iter().sum();
        let rows: Vec<&Row> = grid.rows.iter().collect();
        let heights = row_heights(&rows, &widths);
        for (i, h) in heights.into_iter().enumerate() {
            let add = if i == 0 { hh + h } else { h };
            if !fits(&mut used, add) {
                let started = g > 0 || !t.head.is_empty() || i > 0;
                return if started {
                    Break::Grid(g, i)
                } else {
                    Break::None
                };
            }
        }
        if grid.rows.is_empty() && !fits(&mut used, hh) {
            return Break::Grid(g, 0);
        }
    }
    let foot: Vec<&Row> = t.foot.iter().collect();
    for (i, h) in row_heights(&foot, &widths).into_iter().enumerate() {
        if !fits(&mut used, h) {
            return Break::Foot(i);
        }
    }
    if !t.after.is_empty() && !fits(&mut used, t.after.len() as f64 * LINE + 2.0) {
        return Break::After;
    }
    Break::None
}

/// A CSS string: quoted, with what could end the string or the style
/// element escaped.
fn css_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The named pages of each table: its first page is plain, every page
/// after it says 续表 with the unit's name and the title in its margin.
fn page_rules(layout: &Layout) -> String {
    let mut out = String::new();
    for (k, t) in layout.tables.iter().enumerate() {
        let _ = writeln!(
            out,
            "@page c{k} {{ @top-left {{ content: {}; font-size: 9pt; }} @top-right {{ content: {}; font-size: 9pt; }} }}",
            css_string(format!("续表　{}", t.unit).trim_end()),
            css_string(&t.title)
        );
    }
    out
}

fn table_html(out: &mut String, k: usize, t: &Table) {
    let _ = write!(
        out,
        "<section class=\"tbl {}\" id=\"{}\" data-form=\"{}\" data-unit=\"{}\" data-name=\"{}\"",
        t.subject.key(),
        escape(&t.id),
        escape(t.form),
        escape(&t.unit),
        escape(&t.name)
    );
    if let Some(c) = &t.code {
        let _ = write!(out, " data-code=\"{}\"", escape(c));
    }
    out.push_str(">\n");
    let _ = writeln!(out, "<div class=\"first\" style=\"page: f{k}\">");
    let _ = writeln!(out, "<h2>{}</h2>", escape(&t.title));
    for (l, r) in &t.meta {
        let _ = writeln!(
            out,
            "<div class=\"meta\"><span>{}</span><span>{}</span></div>",
            escape(l),
            escape(r)
        );
    }
    let brk = first_page(t);
    let cont = |out: &mut String| {
        let _ = writeln!(out, "</div>\n<div class=\"cont\" style=\"page: c{k}\">");
    };
    // The header block.
    match brk {
        Break::Head(i) => {
            let (a, b) = crate::emit::layout::split_rows(&t.head, t.ncols, i);
            rows_table(out, t, "head", &a);
            cont(out);
            rows_table(out, t, "head", &b);
        }
        _ => rows_table(out, t, "head", &t.head),
    }
    for (g, grid) in t.grids.iter().enumerate() {
        match brk {
            Break::Grid(bg, 0) if bg == g => {
                cont(out);
                grid_table(out, t, grid.kind, &grid.header, &grid.rows, false);
            }
            Break::Grid(bg, i) if bg == g => {
                let (a, b) = crate::emit::layout::split_rows(&grid.rows, t.ncols, i);
                grid_table(out, t, grid.kind, &grid.header, &a, false);
                cont(out);
                grid_table(out, t, grid.kind, &grid.header, &b, true);
            }
            _ => grid_table(out, t, grid.kind, &grid.header, &grid.rows, false),
        }
    }
    match brk {
        Break::Foot(i) => {
            let (a, b) = crate::emit::layout::split_rows(&t.foot, t.ncols, i);
            rows_table(out, t, "foot", &a);
            cont(out);
            rows_table(out, t, "foot", &b);
        }
        _ => rows_table(out, t, "foot", &t.foot),
    }
    if brk == Break::After {
        cont(out);
    }
    if !t.after.is_empty() {
        let _ = writeln!(
            out,
            "<div class=\"after\">{}</div>",
            escape(&t.after.join("\n"))
        );
    }
    out.push_str("</div>\n</section>\n");
}

fn counts(findings: &[&Diagnostic]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

fn head(out: &mut String, title: &str, pages: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"jixiao\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(out, "<style>{CSS}{pages}</style>\n</head>\n<body>");
}

/// One document as a self-contained HTML page.
pub fn render(layout: &Layout, project: &Project, lang: Lang) -> String {
    let mut out = String::new();
    head(&mut out, &layout.title, &page_rules(layout));
    let units = units(layout);
    let (errors, warnings) = counts(&layout.findings);
    out.push_str("<header class=\"doc screen-only\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&layout.title));
    let year = layout.year.map(|y| format!("{y}年 · ")).unwrap_or_default();
    let _ = writeln!(
        out,
        "<p>{year}金额单位：{} · {units} 个单位 · {} 张表 · <a href=\"#findings\">检查结果</a>：{errors} 个错误，{warnings} 个警告</p>",
        escape(&layout.money),
        layout.tables.len()
    );
    out.push_str("<nav><ol>\n");
    for t in &layout.tables {
        let label = match (&t.code, t.subject) {
            (Some(c), _) => format!("{c} {}", t.title),
            _ => t.title.clone(),
        };
        let label = if t.subject == crate::forms::Subject::Project {
            format!("{label}：{}", t.name)
        } else {
            label
        };
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}</a></li>",
            escape(&t.id),
            escape(&label)
        );
    }
    out.push_str("</ol></nav>\n</header>\n");
    for (k, t) in layout.tables.iter().enumerate() {
        table_html(&mut out, k, t);
    }
    findings_html(&mut out, &layout.findings, project, lang);
    out.push_str("</body>\n</html>\n");
    out
}

/// How many units have a table.
fn units(layout: &Layout) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for t in &layout.tables {
        if !t.unit.is_empty() && !seen.contains(&t.unit.as_str()) {
            seen.push(&t.unit);
        }
    }
    seen.len()
}

fn findings_html(out: &mut String, findings: &[&Diagnostic], project: &Project, lang: Lang) {
    out.push_str("<section class=\"findings screen-only\" id=\"findings\">\n<h2>检查结果</h2>\n");
    if findings.is_empty() {
        out.push_str("<p>没有发现问题。</p>\n</section>\n");
        return;
    }
    out.push_str("<table><colgroup><col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:28%\"><col style=\"width:56%\"></colgroup>\n");
    out.push_str(
        "<thead><tr><th>代码</th><th>级别</th><th>位置</th><th>说明</th></tr></thead>\n<tbody>\n",
    );
    for d in findings {
        let j = render::to_json(d, &project.sources, lang);
        let at = format!(
            "{}:{}:{}",
            j["file"].as_str().unwrap_or(""),
            j["line"],
            j["column"]
        );
        let level = match d.severity {
            Severity::Error => "错误",
            Severity::Warning => "警告",
        };
        let mut text = d.message.render(lang);
        for n in &d.notes {
            text.push('\n');
            text.push_str(&n.render(lang));
        }
        for h in &d.help {
            text.push('\n');
            text.push_str(&msg!("help-line", text = h.clone()).render(lang));
        }
        let _ = writeln!(
            out,
            "<tr class=\"{}\"><td>{}</td><td>{level}</td><td>{}</td><td class=\"txt\">{}</td></tr>",
            d.severity.as_str(),
            d.code,
            escape(&at),
            escape(&text)
        );
    }
    out.push_str("</tbody></table>\n</section>\n");
}

/// A document as listed on the index page.
#[derive(Clone, Debug)]
pub struct IndexEntry {
    pub file: String,
    pub title: String,
    pub year: Option<i32>,
    pub units: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl IndexEntry {
    pub fn new(layout: &Layout, file: &str) -> IndexEntry {
        let (errors, warnings) = counts(&layout.findings);
        IndexEntry {
            file: file.to_string(),
            title: layout.title.clone(),
            year: layout.year,
            units: units(layout),
            errors,
            warnings,
        }
    }
}

/// The index page of a corpus: every document with its units and findings.
pub fn index(entries: &[IndexEntry]) -> String {
    let mut out = String::new();
    head(&mut out, "绩效目标表", "");
    out.push_str("<header class=\"doc\"><h1>绩效目标表</h1></header>\n");
    out.push_str("<table class=\"index\"><colgroup><col style=\"width:50%\"><col style=\"width:10%\"><col style=\"width:10%\"><col style=\"width:10%\"><col style=\"width:10%\"><col style=\"width:10%\"></colgroup>\n");
    out.push_str("<thead><tr><th>文件</th><th>年度</th><th>单位数</th><th>错误</th><th>警告</th><th>页面</th></tr></thead>\n<tbody>\n");
    for e in entries {
        let _ = writeln!(
            out,
            "<tr><td class=\"txt\"><a href=\"{}\">{}</a></td><td class=\"ctr\">{}</td><td class=\"ctr\">{}</td><td class=\"ctr\">{}</td><td class=\"ctr\">{}</td><td class=\"ctr\"><a href=\"{}\">{}</a></td></tr>",
            escape(&e.file),
            escape(&e.title),
            e.year.map(|y| y.to_string()).unwrap_or_default(),
            e.units,
            e.errors,
            e.warnings,
            escape(&e.file),
            escape(&e.file)
        );
    }
    out.push_str("</tbody></table>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape("<script>alert(1)</script> & \"'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;&#39;"
        );
    }
}

//! The official tables as HTML: one self-contained page per document (the
//! style sheet is inline; no font, script or image is loaded), ready to
//! publish and to print (A4 landscape, a row never split across pages,
//! column headers repeated, every unit from a new page).
//!
//! All text is escaped. The findings of the run are listed at the end and
//! marked on the rows they point at, on screen only: print hides them.

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
@page { size: A4 landscape; margin: 12mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", SimSun, "宋体", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Microsoft YaHei", serif; font-size: 10.5pt; line-height: 1.35; color: #000; background: #fff; margin: 16px auto; padding: 0 12px; max-width: 297mm; }
header.doc h1 { font-size: 16pt; margin: 0 0 4px; }
header.doc p { margin: 0 0 8px; color: #333; }
nav ol { columns: 3; margin: 0 0 24px; padding-left: 2em; }
.tbl { margin: 0 0 32px; }
.tbl h2 { font-size: 15pt; text-align: center; margin: 0 0 6px; letter-spacing: .05em; }
.meta { display: flex; justify-content: space-between; font-size: 10pt; margin: 0 0 4px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
table + table { margin-top: -1px; }
th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: middle; white-space: pre-line; overflow-wrap: anywhere; }
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
.page + .page { break-before: page; page-break-before: always; }
.tbl + .tbl { break-before: page; page-break-before: always; }
tr.flag > td:not(.t1):not(.t2) { background: #fff3c4; }
body:has(.tbl:target) > :not(.page:has(.tbl:target)), body:has(.tbl:target) .tbl:not(:target) { display: none; }
p.flag { background: #fff3c4; padding: 4px 6px; margin: 0 0 4px; }
section.findings h2 { font-size: 13pt; }
section.findings td { vertical-align: top; }
section.findings tr.error td:first-child { color: #b00020; font-weight: bold; }
section.findings tr.warning td:first-child { color: #8a5a00; font-weight: bold; }
@media print {
  .screen-only { display: none !important; }
  body { margin: 0; padding: 0; max-width: none; }
  .tbl { margin: 0; }
  tr.flag > td:not(.t1):not(.t2) { background: none; }
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

fn finding_title(d: &Diagnostic, lang: Lang) -> String {
    format!("{} {}", d.code, d.message.render(lang))
}

fn row_html(out: &mut String, r: &Row, lang: Lang) {
    let mut class = r.class.to_string();
    if !r.findings.is_empty() {
        if !class.is_empty() {
            class.push(' ');
        }
        class.push_str("flag");
    }
    out.push_str("<tr");
    if !class.is_empty() {
        let _ = write!(out, " class=\"{class}\"");
    }
    if !r.findings.is_empty() {
        let codes: Vec<&str> = r.findings.iter().map(|d| d.code.as_str()).collect();
        let titles: Vec<String> = r.findings.iter().map(|d| finding_title(d, lang)).collect();
        let _ = write!(
            out,
            " data-findings=\"{}\" title=\"{}\"",
            escape(&codes.join(" ")),
            escape(&titles.join("\n"))
        );
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

fn table_html(out: &mut String, t: &Table, lang: Lang) {
    let _ = writeln!(
        out,
        "<div class=\"tbl {}\" id=\"{}\" data-kind=\"{}\">",
        t.kind.key(),
        escape(&t.id),
        t.kind.key()
    );
    let _ = writeln!(out, "<h2>{}</h2>", escape(&t.title));
    let _ = writeln!(
        out,
        "<div class=\"meta\"><span>{}</span><span>{}</span></div>",
        escape(&t.left),
        escape(&t.right)
    );
    if !t.findings.is_empty() {
        let titles: Vec<String> = t.findings.iter().map(|d| finding_title(d, lang)).collect();
        let _ = writeln!(
            out,
            "<p class=\"flag screen-only\">{}</p>",
            escape(&titles.join("\n"))
        );
    }
    if !t.head.is_empty() {
        out.push_str("<table class=\"head\">\n");
        colgroup(out, t);
        out.push_str("<tbody>\n");
        for r in &t.head {
            row_html(out, r, lang);
        }
        out.push_str("</tbody></table>\n");
    }
    for g in &t.grids {
        let _ = writeln!(
            out,
            "<table class=\"grid {}\" data-grid=\"{}\">",
            g.kind, g.kind
        );
        colgroup(out, t);
        out.push_str("<thead>\n");
        for r in &g.header {
            row_html(out, r, lang);
        }
        out.push_str("</thead>\n<tbody>\n");
        for r in &g.rows {
            row_html(out, r, lang);
        }
        out.push_str("</tbody></table>\n");
    }
    if !t.foot.is_empty() {
        out.push_str("<table class=\"foot\">\n");
        colgroup(out, t);
        out.push_str("<tbody>\n");
        for r in &t.foot {
            row_html(out, r, lang);
        }
        out.push_str("</tbody></table>\n");
    }
    out.push_str("</div>\n");
}

fn counts(findings: &[&Diagnostic]) -> (usize, usize) {
    let errors = findings
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, findings.len() - errors)
}

fn head(out: &mut String, title: &str) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"generator\" content=\"jixiao\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(out, "<style>{CSS}</style>\n</head>\n<body>");
}

/// One document as a self-contained HTML page.
pub fn render(layout: &Layout, project: &Project, lang: Lang) -> String {
    let mut out = String::new();
    head(&mut out, &layout.title);
    let units = layout.pages.iter().filter(|p| p.kind == "unit").count();
    let (errors, warnings) = counts(&layout.findings);
    out.push_str("<header class=\"doc screen-only\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&layout.title));
    let year = layout.year.map(|y| format!("{y}年 · ")).unwrap_or_default();
    let _ = writeln!(
        out,
        "<p>{year}金额单位：{} · {units} 个单位 · <a href=\"#findings\">检查结果</a>：{errors} 个错误，{warnings} 个警告</p>",
        escape(&layout.money)
    );
    out.push_str("<nav><ol>\n");
    for p in &layout.pages {
        if let Some(t) = p.tables.first() {
            let label = match &p.code {
                Some(c) => format!("{c} {}", p.name),
                None => p.name.clone(),
            };
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}</a></li>",
                escape(&t.id),
                escape(&label)
            );
        }
    }
    out.push_str("</ol></nav>\n</header>\n");
    for p in &layout.pages {
        let _ = write!(
            out,
            "<section class=\"page {}\" data-name=\"{}\"",
            p.kind,
            escape(&p.name)
        );
        if let Some(c) = &p.code {
            let _ = write!(out, " data-code=\"{}\"", escape(c));
        }
        out.push_str(">\n");
        for t in &p.tables {
            table_html(&mut out, t, lang);
        }
        out.push_str("</section>\n");
    }
    findings_html(&mut out, &layout.findings, project, lang);
    out.push_str("</body>\n</html>\n");
    out
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
            units: layout.pages.iter().filter(|p| p.kind == "unit").count(),
            errors,
            warnings,
        }
    }
}

/// The index page of a corpus: every document with its units and findings.
pub fn index(entries: &[IndexEntry]) -> String {
    let mut out = String::new();
    head(&mut out, "绩效目标表");
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

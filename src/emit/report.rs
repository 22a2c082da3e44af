//! The reviewer's report (审核报告): what a finance bureau hands back to a
//! unit. A printable HTML page and an XLSX workbook per document:
//!
//! - a first page with the counts of findings by unit and by code, and
//!   blanks for the reviewer's name and the date;
//! - then, unit by unit (and for each summary table, and the document
//!   itself), every finding there: the table cell it concerns, the stated
//!   and the computed figures, what is wrong, the rule (its code and
//!   meaning), and an empty 审核意见 column for the reviewer.
//!
//! A finding with places in several units is listed under each of them,
//! with its places there. The texts are in the language of the run; the
//! figures are the findings' own (the arguments `stated` and `computed` of
//! their messages), never computed again here.

use std::fmt::Write as _;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook};

use crate::diag::summary::{self, Owner, Tally};
use crate::diag::Diagnostic;
use crate::emit::html::escape;
use crate::emit::xlsx::sheet_name;
use crate::emit::Error;
use crate::i18n::{Arg, Lang, Message};
use crate::model::{Document, Model};
use crate::msg;

/// One row of the report: a finding at its places in one owner.
struct Entry<'d> {
    /// Its number among the findings of the document (from 1).
    number: usize,
    finding: &'d Diagnostic,
    /// Where it stands there: `file:line` and the cell, one per place.
    places: Vec<(String, String)>,
}

/// The rows of each owner, in the order of the tally (the model's).
fn entries<'p, 'd>(
    model: &Model<'p>,
    index: usize,
    diags: &[&'d Diagnostic],
    tally: &Tally<'p>,
    lang: Lang,
) -> Vec<(Owner<'p>, Vec<Entry<'d>>)> {
    let key = |o: &Owner| match o {
        Owner::Unit(u) => Some(u.span),
        Owner::Summary(s) => Some(s.span),
        Owner::Document => None,
    };
    let mut out: Vec<(Owner, Vec<Entry>)> = tally
        .by_owner
        .iter()
        .map(|(o, _)| (*o, Vec::new()))
        .collect();
    // Owners and slots through indexes made once: a scan of the model and
    // of the owners for every place grew with findings times units.
    let mut slot_of: std::collections::HashMap<Option<crate::ast::Span>, usize> =
        std::collections::HashMap::new();
    for (k, (o, _)) in out.iter().enumerate() {
        slot_of.entry(key(o)).or_insert(k);
    }
    let owners = summary::Owners::of_document(model, index);
    let sources = &model.project.sources;
    for (i, d) in diags.iter().enumerate() {
        let mut spans: Vec<_> = d
            .labels
            .iter()
            .filter(|l| l.primary)
            .map(|l| l.span)
            .collect();
        if spans.is_empty() {
            spans.extend(d.primary_span());
        }
        let mut placed: Vec<(usize, (String, String))> = Vec::with_capacity(spans.len());
        for s in &spans {
            let place = owners.place(*s);
            let slot = slot_of
                .get(&key(&place.owner))
                .copied()
                .unwrap_or(out.len().saturating_sub(1));
            let f = sources.get(s.file);
            let at = format!("{}:{}", f.name, f.line_col(s.start()).0);
            let cell = place
                .cell
                .iter()
                .map(|m| m.render(lang))
                .collect::<Vec<_>>()
                .join(" › ");
            placed.push((slot, (at, cell)));
        }
        // The places by owner, each owner's in their order (a stable sort: a
        // grouped finding may have a place in thousands of units).
        placed.sort_by_key(|(slot, _)| *slot);
        let mut here: Vec<(usize, Vec<(String, String)>)> = Vec::new();
        for (slot, place) in placed {
            match here.last_mut() {
                Some((o, places)) if *o == slot => places.push(place),
                _ => here.push((slot, vec![place])),
            }
        }
        if here.is_empty() && !out.is_empty() {
            let last = out.len() - 1;
            here.push((last, vec![(String::new(), String::new())]));
        }
        for (slot, places) in here {
            if let Some((_, rows)) = out.get_mut(slot) {
                rows.push(Entry {
                    number: i + 1,
                    finding: d,
                    places,
                });
            }
        }
    }
    out.retain(|(_, rows)| !rows.is_empty());
    out
}

/// The text of an argument named `name` in a message or the messages it
/// holds (a grouped finding holds the finding's own message).
fn find_arg(m: &Message, name: &str, lang: Lang) -> Option<String> {
    for (n, a) in &m.args {
        if *n == name {
            return Some(match a {
                Arg::Text(t) => t.clone(),
                Arg::Message(inner) => inner.render(lang),
                Arg::Count(c) => c.to_string(),
                other => Message::new("text").arg("text", other.clone()).render(lang),
            });
        }
        if let Arg::Message(inner) = a {
            if let Some(v) = find_arg(inner, name, lang) {
                return Some(v);
            }
        }
    }
    None
}

/// What is wrong: the message, its notes and its help, one a line.
fn problem(d: &Diagnostic, lang: Lang) -> String {
    let mut lines = vec![d.message.render(lang)];
    lines.extend(d.notes.iter().map(|n| n.render(lang)));
    lines.extend(
        d.help
            .iter()
            .map(|h| msg!("help-line", text = h.clone()).render(lang)),
    );
    lines.join("\n")
}

fn rule(d: &Diagnostic, lang: Lang) -> String {
    format!("{} {}", d.code, d.code.info().summary_in(lang))
}

fn severity(d: &Diagnostic, lang: Lang) -> String {
    d.severity.word().render(lang)
}

fn places_text(e: &Entry) -> (String, String) {
    let cells: Vec<&str> = e
        .places
        .iter()
        .map(|(_, c)| c.as_str())
        .filter(|c| !c.is_empty())
        .collect();
    let at: Vec<&str> = e.places.iter().map(|(a, _)| a.as_str()).collect();
    (cells.join("\n"), at.join("\n"))
}

/// The title of a document's report.
fn title(doc: &Document, name: &str, lang: Lang) -> String {
    let base = doc.header.title.clone().unwrap_or_else(|| name.to_string());
    msg!("report-title", document = base).render(lang)
}

const CSS: &str = r#"
@page { size: A4 landscape; margin: 12mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", SimSun, sans-serif; font-size: 10pt; line-height: 1.35; color: #000; background: #fff; margin: 16px auto; padding: 0 12px; max-width: 297mm; }
h1 { font-size: 17pt; text-align: center; margin: 0 0 6px; }
h2 { font-size: 13pt; margin: 14px 0 6px; }
p.meta { text-align: center; margin: 0 0 10px; color: #333; }
p.sign { display: flex; justify-content: space-between; margin: 10px 0 14px; }
p.sign span { min-width: 30%; border-bottom: 1px solid #000; padding-bottom: 2px; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0 0 8px; }
th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; white-space: pre-line; overflow-wrap: anywhere; }
th { background: #f2f2f2; text-align: center; }
td.n, td.amt { text-align: right; font-variant-numeric: tabular-nums; }
td.ctr { text-align: center; }
tr.error td.sev { color: #b00020; font-weight: bold; }
tr.warning td.sev { color: #8a5a00; font-weight: bold; }
td.opinion { min-height: 3em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
section.page + section.page { break-before: page; page-break-before: always; }
.counts { display: grid; grid-template-columns: 3fr 2fr; gap: 12px; align-items: start; }
@media print { body { margin: 0; padding: 0; max-width: none; } }
"#;

/// The report of one document as a printable HTML page.
/// `list`: the document's findings
/// ([`crate::emit::layout::document_findings`]).
pub fn html(model: &Model, index: usize, list: &[&Diagnostic], name: &str, lang: Lang) -> String {
    let doc = &model.documents[index];
    let tally = summary::tally_document(model, index, list);
    let groups = entries(model, index, list, &tally, lang);
    let t = |m: Message| escape(&m.render(lang));
    let title = title(doc, name, lang);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"generator\" content=\"jixiao {}\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>",
        lang.tag(),
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    // The first page: who, what, how many.
    out.push_str("<section class=\"page cover\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&title));
    let year = doc
        .header
        .year
        .map(|y| msg!("report-year", year = y.to_string()).render(lang))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<p class=\"meta\">{}</p>",
        escape(
            &msg!(
                "report-meta",
                year = year,
                money = doc.header.money.clone(),
                units = doc.units.len(),
                total = summary::total_line(&tally.total, lang)
            )
            .render(lang)
        )
    );
    let _ = writeln!(
        out,
        "<p class=\"sign\"><span>{}</span><span>{}</span><span>{}</span></p>",
        t(msg!("report-reviewer")),
        t(msg!("report-date")),
        t(msg!("report-unit-contact"))
    );
    out.push_str("<div class=\"counts\">\n<div>\n");
    let _ = writeln!(out, "<h2>{}</h2>", t(msg!("report-by-unit")));
    let _ = writeln!(
        out,
        "<table class=\"by-unit\"><colgroup><col style=\"width:64%\"><col><col><col></colgroup>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        t(msg!("report-col-unit")),
        t(msg!("report-col-errors")),
        t(msg!("report-col-warnings")),
        t(msg!("report-col-places"))
    );
    for (owner, c) in &tally.by_owner {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&owner.name().render(lang)),
            c.errors,
            c.warnings,
            c.places
        );
    }
    out.push_str("</tbody></table>\n</div>\n<div>\n");
    let _ = writeln!(out, "<h2>{}</h2>", t(msg!("report-by-code")));
    let _ = writeln!(
        out,
        "<table class=\"by-code\"><colgroup><col style=\"width:14%\"><col style=\"width:50%\"><col><col><col></colgroup>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        t(msg!("report-col-code")),
        t(msg!("report-col-rule")),
        t(msg!("report-col-errors")),
        t(msg!("report-col-warnings")),
        t(msg!("report-col-places"))
    );
    for (code, c) in &tally.by_code {
        let _ = writeln!(
            out,
            "<tr data-code=\"{code}\"><td class=\"ctr\">{code}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            escape(&code.info().summary_in(lang)),
            c.errors,
            c.warnings,
            c.places
        );
    }
    out.push_str("</tbody></table>\n</div>\n</div>\n");
    if groups.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", t(msg!("total-clean")));
    }
    out.push_str("</section>\n");
    // Then each unit's findings.
    for (owner, rows) in &groups {
        let _ = writeln!(
            out,
            "<section class=\"page owner\" data-name=\"{}\">\n<h2>{}</h2>",
            escape(&owner.name().render(lang)),
            escape(&owner.name().render(lang))
        );
        let _ = writeln!(
            out,
            "<table class=\"findings\"><colgroup><col style=\"width:4%\"><col style=\"width:6%\"><col style=\"width:5%\"><col style=\"width:15%\"><col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:26%\"><col style=\"width:12%\"><col style=\"width:16%\"></colgroup>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
            t(msg!("report-col-number")),
            t(msg!("report-col-code")),
            t(msg!("report-col-level")),
            t(msg!("report-col-cell")),
            t(msg!("report-col-stated")),
            t(msg!("report-col-computed")),
            t(msg!("report-col-problem")),
            t(msg!("report-col-rule")),
            t(msg!("report-col-opinion"))
        );
        for e in rows {
            let d = e.finding;
            let (cells, at) = places_text(e);
            let cell = if cells.is_empty() {
                at
            } else {
                format!("{cells}\n{at}")
            };
            let _ = writeln!(
                out,
                "<tr class=\"finding {}\" data-finding=\"{}\" data-code=\"{}\"><td class=\"n\">{}</td><td class=\"ctr\">{}</td><td class=\"ctr sev\">{}</td><td>{}</td><td class=\"amt\">{}</td><td class=\"amt\">{}</td><td>{}</td><td>{}</td><td class=\"opinion\"></td></tr>",
                d.severity.as_str(),
                e.number,
                d.code,
                e.number,
                d.code,
                escape(&severity(d, lang)),
                escape(&cell),
                escape(&find_arg(&d.message, "stated", lang).unwrap_or_default()),
                escape(&find_arg(&d.message, "computed", lang).unwrap_or_default()),
                escape(&problem(d, lang)),
                escape(&rule(d, lang))
            );
        }
        out.push_str("</tbody></table>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The report of one document as a workbook: a sheet of counts, and a
/// sheet with every finding, unit by unit, with an empty 审核意见 column.
pub fn xlsx(
    model: &Model,
    index: usize,
    list: &[&Diagnostic],
    name: &str,
    lang: Lang,
) -> Result<Vec<u8>, Error> {
    let doc = &model.documents[index];
    let tally = summary::tally_document(model, index, list);
    let groups = entries(model, index, list, &tally, lang);
    let t = |m: Message| m.render(lang);
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let title = title(doc, name, lang);
    wb.set_properties(
        &DocProperties::new()
            .set_title(title.clone())
            .set_creation_datetime(&created),
    );
    let head = Format::new()
        .set_bold()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_background_color("F2F2F2");
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
        .set_text_wrap();
    let bold = Format::new().set_bold().set_font_size(14);
    // The counts.
    let counts = wb.add_worksheet();
    counts.set_name(sheet_name(&t(msg!("report-sheet-counts")), &[]))?;
    counts.write_string_with_format(0, 0, &title, &bold)?;
    counts.write_string(1, 0, summary::total_line(&tally.total, lang))?;
    let mut r = 3u32;
    for (c, h) in [
        msg!("report-col-unit"),
        msg!("report-col-errors"),
        msg!("report-col-warnings"),
        msg!("report-col-places"),
    ]
    .into_iter()
    .enumerate()
    {
        counts.write_string_with_format(r, c as u16, t(h), &head)?;
    }
    for (owner, c) in &tally.by_owner {
        r += 1;
        counts.write_string_with_format(r, 0, owner.name().render(lang), &cell)?;
        counts.write_number_with_format(r, 1, c.errors as f64, &cell)?;
        counts.write_number_with_format(r, 2, c.warnings as f64, &cell)?;
        counts.write_number_with_format(r, 3, c.places as f64, &cell)?;
    }
    r += 2;
    for (c, h) in [
        msg!("report-col-code"),
        msg!("report-col-rule"),
        msg!("report-col-errors"),
        msg!("report-col-warnings"),
        msg!("report-col-places"),
    ]
    .into_iter()
    .enumerate()
    {
        counts.write_string_with_format(r, c as u16, t(h), &head)?;
    }
    for (code, c) in &tally.by_code {
        r += 1;
        counts.write_string_with_format(r, 0, code.as_str(), &cell)?;
        counts.write_string_with_format(r, 1, code.info().summary_in(lang), &cell)?;
        counts.write_number_with_format(r, 2, c.errors as f64, &cell)?;
        counts.write_number_with_format(r, 3, c.warnings as f64, &cell)?;
        counts.write_number_with_format(r, 4, c.places as f64, &cell)?;
    }
    counts.set_column_width(0, 44)?;
    counts.set_column_width(1, 60)?;
    // The findings.
    let sheet = wb.add_worksheet();
    let taken = [sheet_name(&t(msg!("report-sheet-counts")), &[])];
    sheet.set_name(sheet_name(&t(msg!("report-sheet-findings")), &taken))?;
    let columns = [
        (msg!("report-col-unit"), 24.0),
        (msg!("report-col-number"), 6.0),
        (msg!("report-col-code"), 7.0),
        (msg!("report-col-level"), 7.0),
        (msg!("report-col-cell"), 30.0),
        (msg!("report-col-stated"), 12.0),
        (msg!("report-col-computed"), 12.0),
        (msg!("report-col-problem"), 60.0),
        (msg!("report-col-rule"), 30.0),
        (msg!("report-col-opinion"), 30.0),
    ];
    for (c, (h, w)) in columns.into_iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, t(h), &head)?;
        sheet.set_column_width(c as u16, w)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let mut r = 0u32;
    for (owner, rows) in &groups {
        for e in rows {
            r += 1;
            let d = e.finding;
            let (cells, at) = places_text(e);
            let place = if cells.is_empty() {
                at
            } else {
                format!("{cells}\n{at}")
            };
            let texts = [
                owner.name().render(lang),
                e.number.to_string(),
                d.code.as_str().to_string(),
                severity(d, lang),
                place,
                find_arg(&d.message, "stated", lang).unwrap_or_default(),
                find_arg(&d.message, "computed", lang).unwrap_or_default(),
                problem(d, lang),
                rule(d, lang),
                String::new(),
            ];
            for (c, text) in texts.iter().enumerate() {
                if c == 1 {
                    sheet.write_number_with_format(r, 1, e.number as f64, &cell)?;
                } else {
                    sheet.write_string_with_format(r, c as u16, text, &cell)?;
                }
            }
        }
    }
    if r > 0 {
        sheet.autofilter(0, 0, r, 9)?;
    }
    Ok(wb.save_to_buffer()?)
}

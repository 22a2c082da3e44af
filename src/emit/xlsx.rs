//! The official tables as an Excel workbook (rust_xlsxwriter): one sheet
//! per table. Cells are merged where the HTML merges them, amounts are
//! numbers formatted `#,##0.00` (more decimals when the figure is written
//! finer), numeric indicator values are numbers, the rows down to the
//! first grid's column header are frozen (only the title rows when the
//! header block above is too tall to leave room), and column widths fit
//! the text (a Han character counts 2) within a printed page.
//!
//! Print: A4 landscape, one page wide (the columns are narrowed to a page
//! first, so the scale stays near 100%), the grid's column headers
//! repeated on every page, the unit and the title in the page header and
//! the page number in the footer.
//!
//! The output is byte-identical across runs: the creation date is fixed.

use std::borrow::Cow;
use std::collections::HashMap;

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};
use unicode_width::UnicodeWidthChar;

use crate::emit::layout::{place_rows, Cell, Layout, Placed, Style, Table};
use crate::emit::Error;
use crate::forms::Subject;

/// The display width of text in Excel's character units: a Han character
/// (or any wide character) counts 2. The widest line counts.
pub fn text_width(s: &str) -> usize {
    s.lines()
        .map(|l| l.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>())
        .max()
        .unwrap_or(0)
}

/// How many lines a text takes in a cell `width` characters wide.
fn lines_in(s: &str, width: f64) -> usize {
    let w = (width - 1.0).max(1.0);
    s.lines()
        .map(|l| {
            let n = l.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>() as f64;
            ((n / w).ceil() as usize).max(1)
        })
        .sum::<usize>()
        .max(1)
}

const MAX_WIDTH: f64 = 44.0;
/// The width of an A4 landscape page between the margins, in Excel's
/// character units: wider tables are narrowed to it, so that printing one
/// page wide keeps the text readable. Excel fits about 150 on the page;
/// LibreOffice takes a unit wider (a table of 150 prints at 69%, 10pt
/// text at 6.9pt), so the tables are narrowed to what both print at 7pt
/// or more.
const PRINT_WIDTH: f64 = 135.0;
const MIN_WIDTH: f64 = 4.0;
const LABEL_WIDTH: f64 = 14.0;
const LINE_HEIGHT: f64 = 14.0;
/// Above this many lines of header block, freezing it would leave no room.
const FREEZE_LIMIT: usize = 16;

struct Formats {
    cache: HashMap<(Style, u32, u8), Format>,
    /// The document's precision: the decimals of a cell with no number.
    precision: u32,
    title: Format,
    meta_left: Format,
    meta_right: Format,
}

impl Formats {
    fn new(precision: u32) -> Formats {
        let base = Format::new().set_font_size(10);
        Formats {
            cache: HashMap::new(),
            precision,
            title: base
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            meta_left: base.clone().set_align(FormatAlign::Left),
            meta_right: base.set_align(FormatAlign::Right),
        }
    }

    fn get(&mut self, style: Style, scale: u32, indent: u8) -> &Format {
        self.cache.entry((style, scale, indent)).or_insert_with(|| {
            let mut f = Format::new()
                .set_font_size(10)
                .set_border(FormatBorder::Thin)
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter);
            let decimals = if scale > 0 {
                format!(".{}", "0".repeat(scale as usize))
            } else {
                String::new()
            };
            f = match style {
                Style::Label | Style::Header => f
                    .set_bold()
                    .set_background_color(0xF2F2F2)
                    .set_align(FormatAlign::Center),
                Style::Section => f
                    .set_bold()
                    .set_background_color(0xE4E4E4)
                    .set_align(FormatAlign::Left),
                Style::Text => f.set_align(FormatAlign::Left),
                Style::Center => f.set_align(FormatAlign::Center),
                Style::Amount => f
                    .set_align(FormatAlign::Right)
                    .set_num_format(format!("#,##0{decimals}")),
                Style::AmountLeft => f
                    .set_align(FormatAlign::Left)
                    .set_num_format(format!("#,##0{decimals}")),
                Style::Number => f
                    .set_align(FormatAlign::Center)
                    .set_num_format(format!("0{decimals}")),
            };
            if indent > 0 {
                f = f.set_indent(indent);
            }
            f
        })
    }
}

/// Excel's limit on the text of one cell, in UTF-16 units.
pub const MAX_CELL_TEXT: usize = 32_767;

/// A cell's text within Excel's limit: a longer text is cut, and the cut
/// says so in the cell itself, with the length of the whole text (the JSON
/// and HTML outputs keep it whole). Without the cut, one long text would
/// make the whole workbook fail.
pub fn cell_text(s: &str) -> Cow<'_, str> {
    // Cheap test first: a text of at most 32,767 bytes fits.
    if s.len() <= MAX_CELL_TEXT || s.encode_utf16().count() <= MAX_CELL_TEXT {
        return Cow::Borrowed(s);
    }
    let total = s.chars().count();
    let note = format!(
        "……【此处截断：全文共 {total} 字，超出 Excel 单元格 {MAX_CELL_TEXT} 字的上限；全文见 JSON 或 HTML 输出】"
    );
    let room = MAX_CELL_TEXT - note.encode_utf16().count();
    let mut used = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if used + c.len_utf16() > room {
            break;
        }
        used += c.len_utf16();
        end = i + c.len_utf8();
    }
    Cow::Owned(format!("{}{note}", &s[..end]))
}

/// A sheet name Excel accepts: no `[]:*?/\`, no control character or
/// noncharacter (which would make the workbook's XML invalid), not
/// `History`, at most 31 UTF-16 units, unique (case-insensitive) within the
/// workbook.
pub fn sheet_name(wanted: &str, taken: &[String]) -> String {
    unique_sheet_name(wanted, |name| {
        taken
            .iter()
            .any(|t| t.to_lowercase() == name.to_lowercase())
    })
}

/// The names of a workbook's sheets so far, compared as Excel compares
/// them (case-insensitive): a workbook of thousands of tables checked
/// each new name against every earlier one.
#[derive(Default)]
struct SheetNames(std::collections::HashSet<String>);

impl SheetNames {
    /// [`sheet_name`] for `wanted`, now taken.
    fn take(&mut self, wanted: &str) -> String {
        let name = unique_sheet_name(wanted, |name| self.0.contains(&name.to_lowercase()));
        self.0.insert(name.to_lowercase());
        name
    }
}

/// [`sheet_name`], with `taken` saying whether a name is in use.
fn unique_sheet_name(wanted: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut base: String = wanted
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')
                || c.is_control()
                || crate::syntax::invisible::name(c).is_some()
            {
                '_'
            } else {
                c
            }
        })
        .collect();
    // Excel refuses an apostrophe at either end; trimmed with the spaces
    // around it, whichever comes first (` 'a' ` is `a`).
    base = base
        .trim_matches(|c: char| c == '\'' || c.is_whitespace())
        .to_string();
    if base.is_empty() {
        base = "Sheet".into();
    }
    if base.eq_ignore_ascii_case("history") {
        base.push('_');
    }
    let fit = |s: &str, room: usize| -> String {
        let mut out = String::new();
        for c in s.chars() {
            if out.encode_utf16().count() + c.len_utf16() > room {
                break;
            }
            out.push(c);
        }
        out
    };
    let mut k = 1;
    loop {
        let suffix = if k == 1 {
            String::new()
        } else {
            format!("({k})")
        };
        // The cut may end on an apostrophe, which Excel refuses there.
        let cut = fit(&base, 31 - suffix.len());
        let name = format!("{}{suffix}", cut.trim_end_matches('\''));
        if !taken(&name) {
            return name;
        }
        k += 1;
    }
}

/// One document as an XLSX workbook: a sheet per table.
pub fn render(layout: &Layout) -> Result<Vec<u8>, Error> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(layout.title.clone())
            .set_creation_datetime(&created),
    );
    let mut formats = Formats::new(layout.precision);
    let mut taken = SheetNames::default();
    for t in &layout.tables {
        let wanted = match t.subject {
            Subject::Unit | Subject::Project => &t.name,
            Subject::Summary => &t.name,
            Subject::Projects | Subject::Budget => &t.title,
        };
        let name = taken.take(wanted);
        let ws = wb.add_worksheet();
        ws.set_name(&name)?;
        write_table(ws, t, &mut formats)?;
    }
    if layout.tables.is_empty() {
        wb.add_worksheet();
    }
    Ok(wb.save_to_buffer()?)
}

/// Text for a page header or footer: `&` is a code there.
fn header_text(s: &str) -> String {
    s.replace('&', "&&")
}

/// Excel's limit on a page header, in characters, its codes included.
const MAX_PAGE_HEADER: usize = 255;

/// The printed page header: the unit on the left, the table's title on the
/// right. Excel refuses a header over 255 characters (rust_xlsxwriter then
/// drops it and prints a line on standard error), so a longer one has each
/// side cut to half the room, with an ellipsis; the sheet's own title row
/// keeps the whole title.
fn page_header(unit: &str, title: &str) -> String {
    let whole = format!("&L{}&R{}", header_text(unit), header_text(title));
    if whole.chars().count() <= MAX_PAGE_HEADER {
        return whole;
    }
    let room = (MAX_PAGE_HEADER - "&L&R".len()) / 2;
    let cut = |s: &str| -> String {
        let escaped = header_text(s);
        if escaped.chars().count() <= room {
            return escaped;
        }
        // Cut the text, not its escapes: a lone `&` would start a code.
        let mut out = String::new();
        let mut used = 0;
        for c in s.chars() {
            let width = if c == '&' { 2 } else { 1 };
            if used + width > room - 1 {
                break;
            }
            used += width;
            out.push(c);
        }
        format!("{}…", header_text(&out))
    };
    format!("&L{}&R{}", cut(unit), cut(title))
}

fn write_table(
    ws: &mut Worksheet,
    t: &Table,
    formats: &mut Formats,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_header(page_header(&t.unit, &t.title));
    ws.set_footer("&C第 &P 页，共 &N 页");

    // Column widths: the design widths, widened to fit single-column
    // text, then narrowed to a printed page (the text wraps instead).
    let ncols = t.ncols.max(1);
    let mut widths: Vec<f64> = t.widths.iter().map(|w| f64::from(*w)).collect();
    widths.resize(ncols, 8.0);
    // A figure is never wrapped (Excel shows ### instead): its column keeps
    // the figure's width when the others are narrowed.
    let mut least = vec![MIN_WIDTH; ncols];
    let rows = t.all_rows();
    let cells: Vec<&[Cell]> = rows.iter().map(|r| r.cells.as_slice()).collect();
    let placed = place_rows(&cells, ncols);
    for p in &placed {
        if p.cell.colspan == 1 {
            // Row labels wrap rather than widen the first column.
            let cap = if p.cell.style == Style::Label {
                LABEL_WIDTH
            } else {
                MAX_WIDTH
            };
            let w = (text_width(&p.cell.text) + 2) as f64;
            widths[p.col] = widths[p.col].max(w.min(cap));
            if matches!(p.cell.style, Style::Amount | Style::Number) {
                least[p.col] = least[p.col].max(w + 1.0);
            }
        }
    }
    let total: f64 = widths.iter().sum();
    if total > PRINT_WIDTH {
        let floor: f64 = widths.iter().zip(&least).map(|(w, l)| w.min(*l)).sum();
        let room: f64 = widths
            .iter()
            .zip(&least)
            .map(|(w, l)| (w - l).max(0.0))
            .sum();
        let k = ((PRINT_WIDTH - floor) / room.max(1.0)).clamp(0.0, 1.0);
        for (w, l) in widths.iter_mut().zip(&least) {
            if *w > *l {
                *w = l + (*w - l) * k;
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    // One page wide; as many tall as it takes (LibreOffice prints a blank
    // page after some sheets when the height is left open, 0).
    ws.set_print_fit_to_pages(1, 99);

    let last = (ncols - 1) as u16;
    let mut row = 0u32;
    ws.set_row_height(row, 24)?;
    if last > 0 {
        ws.merge_range(row, 0, row, last, &cell_text(&t.title), &formats.title)?;
    } else {
        ws.write_string_with_format(row, 0, cell_text(&t.title).as_ref(), &formats.title)?;
    }
    row += 1;
    for (left, right) in &t.meta {
        let split = if right.is_empty() {
            ncols as u16
        } else {
            (ncols / 2).max(1) as u16
        };
        if split > 1 {
            ws.merge_range(row, 0, row, split - 1, &cell_text(left), &formats.meta_left)?;
        } else {
            ws.write_string_with_format(row, 0, cell_text(left).as_ref(), &formats.meta_left)?;
        }
        if !right.is_empty() && last >= split {
            if last > split {
                ws.merge_range(
                    row,
                    split,
                    row,
                    last,
                    &cell_text(right),
                    &formats.meta_right,
                )?;
            } else {
                ws.write_string_with_format(
                    row,
                    split,
                    cell_text(right).as_ref(),
                    &formats.meta_right,
                )?;
            }
        }
        row += 1;
    }
    let title_rows = row;

    let mut lines = vec![1usize; rows.len()];
    for p in &placed {
        if p.cell.rowspan == 1 {
            let w: f64 = widths[p.col..(p.col + p.cell.colspan).min(widths.len())]
                .iter()
                .sum();
            lines[p.row] = lines[p.row].max(lines_in(&p.cell.text, w));
        }
    }
    for p in &placed {
        write_cell(ws, row, p, formats)?;
    }
    for (i, n) in lines.iter().enumerate() {
        if *n > 1 {
            ws.set_row_height(row + i as u32, (*n as f64 * LINE_HEIGHT).min(409.0))?;
        }
    }
    // The first grid's column headers: frozen on screen when the rows
    // above them leave room (else only the title is), printed at the top
    // of every page.
    if let Some(g) = t.grids.first() {
        let above = t.head.len();
        let through = above + g.header.len();
        let tall: usize = lines[..through.min(lines.len())].iter().sum();
        if tall <= FREEZE_LIMIT {
            ws.set_freeze_panes(title_rows + through as u32, 0)?;
        } else {
            ws.set_freeze_panes(title_rows, 0)?;
        }
        if !g.header.is_empty() {
            let first = title_rows + above as u32;
            ws.set_repeat_rows(first, first + g.header.len() as u32 - 1)?;
        }
    } else {
        ws.set_freeze_panes(title_rows, 0)?;
    }
    row += rows.len() as u32;
    for line in &t.after {
        if last > 0 {
            ws.merge_range(row, 0, row, last, &cell_text(line), &formats.meta_left)?;
        } else {
            ws.write_string_with_format(row, 0, cell_text(line).as_ref(), &formats.meta_left)?;
        }
        row += 1;
    }
    Ok(())
}

fn write_cell(
    ws: &mut Worksheet,
    top: u32,
    p: &Placed,
    formats: &mut Formats,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let c = p.cell;
    let r1 = top + p.row as u32;
    let c1 = p.col as u16;
    let r2 = r1 + c.rowspan as u32 - 1;
    let c2 = c1 + c.colspan as u16 - 1;
    let scale = c.value.map_or(formats.precision, |(_, s)| s);
    let fmt = formats.get(c.style, scale, c.indent).clone();
    let merged = r2 > r1 || c2 > c1;
    let text = cell_text(&c.text);
    let number = c.value.and_then(|(v, _)| v.to_f64());
    if merged {
        ws.merge_range(
            r1,
            c1,
            r2,
            c2,
            if number.is_some() { "" } else { &text },
            &fmt,
        )?;
        if let Some(v) = number {
            ws.write_number_with_format(r1, c1, v, &fmt)?;
        }
        return Ok(());
    }
    match number {
        Some(v) => {
            ws.write_number_with_format(r1, c1, v, &fmt)?;
        }
        None if c.text.is_empty() => {
            ws.write_blank(r1, c1, &fmt)?;
        }
        None => {
            ws.write_string_with_format(r1, c1, text.as_ref(), &fmt)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_han_as_two() {
        assert_eq!(text_width("群众满意度"), 10);
        assert_eq!(text_width("≥ 95%"), 5);
        assert_eq!(text_width("ab\n中文字"), 6);
    }

    #[test]
    fn page_headers_fit_excels_limit() {
        assert_eq!(page_header("云田镇", "表1 A&B"), "&L云田镇&R表1 A&&B");
        let title = format!("{}&", "目".repeat(300));
        let h = page_header("云田镇", &title);
        assert!(h.chars().count() <= MAX_PAGE_HEADER, "{h}");
        assert!(h.starts_with("&L云田镇&R目目") && h.ends_with("目…"), "{h}");
        let amps = "&".repeat(300);
        let h = page_header(&amps, &amps);
        assert!(h.chars().count() <= MAX_PAGE_HEADER, "{h}");
        // Every `&` of the text stays escaped.
        let sides: Vec<&str> = h["&L".len()..].split("&R").collect();
        for side in sides {
            let text = side.trim_end_matches('…');
            assert!(text.len() % 2 == 0 && text.chars().all(|c| c == '&'), "{h}");
        }
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut taken = Vec::new();
        let a = sheet_name("<script>alert(1)</script>", &taken);
        assert_eq!(a, "<script>alert(1)<_script>");
        taken.push(a);
        let long = "一".repeat(40);
        let b = sheet_name(&long, &taken);
        assert_eq!(b.chars().count(), 31);
        taken.push(b.clone());
        let c = sheet_name(&long, &taken);
        assert!(c.ends_with("(2)") && c.chars().count() == 31, "{c}");
        assert_eq!(sheet_name("History", &[]), "History_");
        assert_eq!(sheet_name("'[]'", &[]), "__");
        // Cut to 31 characters, the name would end on an apostrophe.
        let quotes = format!("+ 1 +{}", "'".repeat(40));
        assert_eq!(sheet_name(&quotes, &[]), "+ 1 +");
        assert_eq!(sheet_name(&quotes, &["+ 1 +".into()]), "+ 1 +(2)");
        // An apostrophe behind a space (found by fuzzing: the space was
        // trimmed after the apostrophes, and the name began with one).
        assert_eq!(sheet_name(" '+'1;' ", &[]), "+'1;");
        assert_eq!(sheet_name("' ' a ' '", &[]), "a");
        // Noncharacters and invisible characters would make invalid XML or
        // an invisible difference between two sheets.
        assert_eq!(
            sheet_name("云田镇\u{FFFE}\u{FDD0}\u{200B}", &[]),
            "云田镇___"
        );
        let taken = vec!["云田镇_".to_string()];
        assert_eq!(sheet_name("云田镇\u{FFFF}", &taken), "云田镇_(2)");
    }

    /// The workbook's set of names chooses as `sheet_name` over a list.
    #[test]
    fn names_taken_in_a_set_are_chosen_as_in_a_list() {
        let wanted = [
            "甲", "甲", "A", "a", "History", "history", "甲(2)", "'a'", "甲",
        ];
        let mut list: Vec<String> = Vec::new();
        let mut set = SheetNames::default();
        for w in wanted {
            let by_list = sheet_name(w, &list);
            list.push(by_list.clone());
            assert_eq!(set.take(w), by_list, "{w}");
        }
        assert_eq!(list[1], "甲(2)");
        assert_eq!(list[3], "a(2)");
    }

    #[test]
    fn long_text_is_cut_with_a_note() {
        let short = "一".repeat(MAX_CELL_TEXT);
        assert_eq!(cell_text(&short), short.as_str());
        let long = "一".repeat(40_000);
        let cut = cell_text(&long);
        assert!(cut.encode_utf16().count() <= MAX_CELL_TEXT);
        assert!(
            cut.contains("全文共 40000 字"),
            "{}",
            &cut[cut.len() - 200..]
        );
        // Characters outside the BMP count two units.
        let astral = "𠀀".repeat(20_000);
        assert!(cell_text(&astral).encode_utf16().count() <= MAX_CELL_TEXT);
    }
}

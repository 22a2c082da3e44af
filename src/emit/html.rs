//! The official tables as HTML: one self-contained page per document (the
//! style sheet is inline; no font, script or image is loaded), ready to
//! publish and to print.
//!
//! Print: A4 landscape; every table from a new page; a row is never split
//! across pages; a grid's column headers are repeated on every page; page
//! numbers at the foot. Every page of a table is planned here, from an
//! estimate of each row's printed height (erring high), so that the
//! header block stays with the first rows of its grid and no page break
//! falls inside rows a merged cell spans (a browser cannot break there);
//! every page after the first is a named page whose margin says 续表
//! with the unit's name and the title.
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

/// The printed width of a character at 10pt, in millimetres: a wide
/// (Han) character is an em, anything else errs high at 0.6 em.
fn char_mm(c: char) -> f64 {
    use unicode_width::UnicodeWidthChar;
    match c.width() {
        Some(2) => 10.0 * PT,
        Some(0) | None => 0.0,
        _ => 0.6 * 10.0 * PT,
    }
}

/// Marks a line never starts with (a browser carries the character before
/// them to the next line with them).
const NO_LINE_START: &str = "，。、；：？！）》」』】〉”’,.;:?!)%]";

/// Lines a text takes in a cell `width` millimetres wide, wrapped as a
/// browser does: a Han character or a word goes whole to the next line
/// when it does not fit (a word wider than the cell is broken anywhere),
/// so that a narrow column of Han text takes whole characters per line.
fn lines_in(text: &str, width: f64) -> usize {
    let avail = (width - 2.0 * 3.0 * 0.2646 - 0.3).max(4.0);
    let mut total = 0;
    for line in text.split('\n') {
        let mut lines = 1;
        let mut x = 0.0;
        let mut word: Vec<f64> = Vec::new();
        let place = |word: &mut Vec<f64>, x: &mut f64, lines: &mut usize| {
            let w: f64 = word.iter().map(|c| c * 1.05).sum();
            if *x > 0.0 && *x + w > avail && w <= avail {
                *lines += 1;
                *x = 0.0;
            }
            for c in word.drain(..) {
                let c = c * 1.05;
                if *x > 0.0 && *x + c > avail {
                    *lines += 1;
                    *x = 0.0;
                }
                *x += c;
            }
        };
        // The word being gathered is a Han character (with the marks glued to it).
        let mut han = false;
        for c in line.chars() {
            let w = char_mm(c);
            if NO_LINE_START.contains(c) {
                // A closing mark never starts a line: it goes with what precedes it.
                word.push(w);
            } else if w >= 10.0 * PT || c.is_whitespace() {
                place(&mut word, &mut x, &mut lines);
                han = !c.is_whitespace();
                if han {
                    word.push(w);
                } else if x > 0.0 {
                    x += w * 1.05;
                }
            } else {
                if han {
                    place(&mut word, &mut x, &mut lines);
                    han = false;
                }
                word.push(w);
            }
        }
        place(&mut word, &mut x, &mut lines);
        total += lines;
    }
    total
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

/// Where a printed page of a table ends.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Break {
    /// Before row `n` of the header block.
    Head(usize),
    /// Before row `n` of the footer.
    Foot(usize),
    /// Before the lines under the table.
    After,
}

/// Plan the pages of a table: as many rows as fit on each, the title
/// block and a grid's column headers kept with at least one row after
/// them. Every page is planned, not the first alone: a browser cannot
/// break a page inside rows that a merged cell spans, so it must not be
/// left to find the breaks after the first page; each planned page is
/// cut apart, its merged cells cut at its edges.
fn plan_pages(t: &Table) -> Plan {
    plan_pages_with(t, grid_pages)
}

/// Plans a grid's rows: [`grid_pages`] (the tests hold it to the
/// planning it replaced).
type GridPages = fn(&[Row], usize, f64, &[f64], f64, &mut f64, &mut bool) -> (bool, Vec<Vec<Row>>);

/// [`plan_pages`], each grid's rows planned by `grid_pages`.
fn plan_pages_with(t: &Table, grid_pages: GridPages) -> Plan {
    let total: u32 = t.widths.iter().sum::<u32>().max(1);
    let widths: Vec<f64> = t
        .widths
        .iter()
        .map(|w| f64::from(*w) * PAGE_WIDTH / f64::from(total))
        .collect();
    let budget = PAGE_HEIGHT * FIRST_PAGE;
    let mut breaks = Vec::new();
    let mut used = 14.0 * PT * 1.4 + 2.0 + t.meta.len() as f64 * (LINE + 1.0);
    // A row is on the page (a title or column headers alone are not
    // printed apart from the row after them).
    let mut filled = false;
    let head: Vec<&Row> = t.head.iter().collect();
    let head_heights = row_heights(&head, &widths);
    for (i, h) in head_heights.iter().enumerate() {
        if used + h > budget && filled {
            // A heading stays with the row after it.
            let mut at = i;
            while at > 1 && t.head[at - 1].keep {
                at -= 1;
            }
            if at > 0
                && breaks
                    .last()
                    .is_none_or(|b| matches!(b, Break::Head(k) if *k < at))
            {
                breaks.push(Break::Head(at));
                used = head_heights[at..i].iter().sum();
            }
        }
        used += h;
        filled = true;
    }
    let mut grids = Vec::new();
    for grid in &t.grids {
        let header: Vec<&Row> = grid.header.iter().collect();
        let hh: f64 = row_heights(&header, &widths).iter().sum();
        let (apart, mut parts) = if grid.rows.is_empty() {
            let mut apart = false;
            if used + hh > budget && filled {
                apart = true;
                used = 0.0;
            }
            used += hh;
            (apart, Vec::new())
        } else {
            grid_pages(
                &grid.rows,
                t.ncols,
                hh,
                &widths,
                budget,
                &mut used,
                &mut filled,
            )
        };
        if parts.is_empty() {
            parts.push(Vec::new());
        }
        filled = true;
        grids.push((apart, parts));
    }
    let foot: Vec<&Row> = t.foot.iter().collect();
    for (i, h) in row_heights(&foot, &widths).into_iter().enumerate() {
        if used + h > budget && filled {
            breaks.push(Break::Foot(i));
            used = 0.0;
        }
        used += h;
        filled = true;
    }
    if !t.after.is_empty() && used + t.after.len() as f64 * LINE + 2.0 > budget && filled {
        breaks.push(Break::After);
    }
    Plan { breaks, grids }
}

/// A grid's rows page by page, and whether they start on a page of their
/// own: `page_used` of the page they start on (`page_filled` if a row is
/// on it), and on return of the page they end on. Linear in the rows.
fn grid_pages(
    rows: &[Row],
    ncols: usize,
    hh: f64,
    widths: &[f64],
    budget: f64,
    page_used: &mut f64,
    page_filled: &mut bool,
) -> (bool, Vec<Vec<Row>>) {
    let (mut used, mut filled) = (*page_used, *page_filled);
    let mut apart = false;
    let mut parts = Vec::new();
    let mut rest = Rest::new(rows, ncols);
    // The rows the last page took: the next page most likely takes
    // about as many, so about as many are measured first.
    let mut last = 0;
    while !rest.is_empty() {
        // Only the first `w` rows are measured, not every row left:
        // a page takes a few dozen, and measuring all of them for
        // every page made a long table cost its rows times its pages.
        // Of `w` rows measured, all but the last have their whole
        // height: a merged cell's excess goes to the last row it
        // spans (`row_heights`), which is the last row measured if
        // the cell reaches past it and a row before it otherwise. (So
        // the first row's is whole: at least 2 are measured.) When the
        // rows whose height is whole all fit, twice as many are measured
        // again: a page costs a few times its rows, whatever is left.
        let mut w = (last + last / 4 + 2).max(FIRST_MEASURED);
        let mut heights = row_heights(&rest.first(w), widths);
        if !filled
            && used + hh + heights[0] > budget
            && rest.split_tall_row(budget - used - hh, widths)
        {
            heights = row_heights(&rest.first(w), widths);
        }
        // Where each row starts on the page.
        let (cut, tops) = loop {
            let all = w >= rest.len();
            let whole = if all {
                heights.len()
            } else {
                heights.len() - 1
            };
            let (mut at, mut any) = (used, filled);
            let mut tops = Vec::with_capacity(whole);
            let mut cut = None;
            for (i, h) in heights[..whole].iter().enumerate() {
                let add = if i == 0 { hh + h } else { *h };
                if at + add > budget && any {
                    cut = Some(i);
                    break;
                }
                tops.push(at + if i == 0 { hh } else { 0.0 });
                at += add;
                any = true;
            }
            // A cut among the rows whose height is whole is where it
            // would be had every row been measured; that every row
            // fits is known only when every row was measured.
            if cut.is_some() || all {
                (used, filled) = (at, any);
                break (cut, tops);
            }
            w *= 2;
            heights = row_heights(&rest.first(w), widths);
        };
        match cut {
            None => {
                parts.push(rest.take());
            }
            Some(0) => {
                // The grid starts on the next page.
                apart = true;
                used = 0.0;
                filled = false;
            }
            Some(i) => {
                parts.push(rest.cut(i, |a, b| {
                    share_long_text(a, b, &tops, widths, budget);
                }));
                last = i;
                // (The next page's first row brings the column headers.)
                used = 0.0;
                filled = false;
            }
        }
    }
    (*page_used, *page_filled) = (used, filled);
    (apart, parts)
}

/// How many rows of a grid are measured at first for a page; twice as
/// many each time they all fit.
const FIRST_MEASURED: usize = 16;

/// The rows of a grid not yet planned, exactly as they would be had each
/// page cut split them all (`layout::split_rows` on every row left): the
/// rows a cut or a split tall row rewrote (`front`, a row or two), then
/// the grid's own rows from `tail` on, untouched — so that a cut costs the
/// rows of its page, not every row left.
///
/// Why the untouched rows stand for the split ones: splitting rows at a
/// cut changes the rows before the cut and the first row after it (a
/// merged cell cut there is carried to it, `split_rows`); a row after that
/// keeps its cells, but for those that find no column (a malformed row),
/// which it drops. Which cells a row's columns take depends only on the
/// columns still covered by the rows above it (`layout::Placer`), so while
/// the rows of `front` leave the columns covered as the grid's own rows
/// before `tail` do (`placer`), every row of `tail` is placed as in the
/// grid, its height is the same, and the cells it would keep are its
/// first `placed` ones, dropped when it is taken into `front` after a cut.
/// When a cut leaves the columns covered otherwise (merged cells of a
/// malformed grid carried to other columns), the rows are all taken into
/// `front`, and each page is cut from all of them, as before.
struct Rest<'g> {
    front: Vec<Row>,
    tail: &'g [Row],
    /// The grid's own rows placed up to `tail`.
    placer: crate::emit::layout::Placer,
    /// A page has been cut off (the rows after it have been split).
    cut: bool,
    ncols: usize,
}

impl<'g> Rest<'g> {
    fn new(rows: &'g [Row], ncols: usize) -> Rest<'g> {
        Rest {
            front: Vec::new(),
            tail: rows,
            placer: crate::emit::layout::Placer::new(ncols),
            cut: false,
            ncols,
        }
    }

    fn len(&self) -> usize {
        self.front.len() + self.tail.len()
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The first `n` rows (all of them if fewer).
    fn first(&self, n: usize) -> Vec<&Row> {
        self.front.iter().chain(self.tail).take(n).collect()
    }

    /// Take the first `n` rows of `tail` into `front`, as a cut would
    /// have left them.
    fn take_into_front(&mut self, n: usize) {
        let (taken, tail) = self.tail.split_at(n);
        for row in taken {
            let placed = self.placer.row(&row.cells, |_, _| ());
            let mut row = row.clone();
            if self.cut {
                row.cells.truncate(placed);
            }
            self.front.push(row);
        }
        self.tail = tail;
    }

    /// Take every row of `tail` into `front` if the rows of `front` leave
    /// the columns covered otherwise than the grid's rows before `tail`.
    fn keep_placed(&mut self) {
        if self.tail.is_empty() {
            return;
        }
        let mut p = crate::emit::layout::Placer::new(self.ncols);
        for row in &self.front {
            p.row(&row.cells, |_, _| ());
        }
        if p != self.placer {
            self.take_into_front(self.tail.len());
        }
    }

    /// [`split_tall_row`] on the first row.
    fn split_tall_row(&mut self, room: f64, widths: &[f64]) -> bool {
        if self.front.is_empty() {
            self.take_into_front(1);
        }
        let moved = split_tall_row(&mut self.front, room, widths);
        if moved {
            self.keep_placed();
        }
        moved
    }

    /// Cut off the page of the first `at` rows (`share` sharing out the
    /// long texts merged across the cut), and return it. Only `front` and
    /// the first row after the cut are split: the rows before the cut are
    /// the page, and a merged cell the cut crosses is carried to the row
    /// after it whatever its length.
    fn cut(&mut self, at: usize, share: impl FnOnce(&mut [Row], &mut [Row])) -> Vec<Row> {
        let n = (at + 1).saturating_sub(self.front.len());
        self.take_into_front(n);
        let (mut page, mut after) = crate::emit::layout::split_rows(&self.front, self.ncols, at);
        share(&mut page, &mut after);
        self.front = after;
        self.cut = true;
        self.keep_placed();
        page
    }

    /// Every row left.
    fn take(&mut self) -> Vec<Row> {
        self.take_into_front(self.tail.len());
        std::mem::take(&mut self.front)
    }
}

/// A table's planned pages: where its header block and footer break, and
/// each grid's rows page by page (whether it starts on a page of its own).
struct Plan {
    breaks: Vec<Break>,
    grids: Vec<(bool, Vec<Vec<Row>>)>,
}

/// The most characters of a text that take no more than `room` lines in
/// a cell `width` millimetres wide.
fn fitting_chars(chars: &[char], width: f64, room: usize) -> usize {
    let (mut lo, mut hi) = (0, chars.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let head: String = chars[..mid].iter().collect();
        if lines_in(&head, width) <= room {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// A row taller than the room left on a page (its first row): the part of
/// each cell's text that fits stays, the rest goes on a continuation row
/// under it (class `more`); the cells that fit, and those merged down over
/// the row, are merged down over it too. False when nothing could be moved.
fn split_tall_row(rows: &mut Vec<Row>, room: f64, widths: &[f64]) -> bool {
    let ncols = widths.len();
    let Some(first) = rows.first() else {
        return false;
    };
    let lines = ((room - CELL_EXTRA) / LINE).floor();
    if lines < 1.0 {
        return false;
    }
    let cells: Vec<&[Cell]> = vec![first.cells.as_slice()];
    let cols: Vec<usize> = crate::emit::layout::place_rows(&cells, ncols)
        .iter()
        .map(|p| p.col)
        .collect();
    let mut head = first.clone();
    let mut more = Row {
        cells: Vec::new(),
        class: "more",
        keep: false,
    };
    let mut moved = false;
    for (k, col) in cols.iter().enumerate() {
        let cell = &mut head.cells[k];
        if cell.rowspan > 1 {
            cell.rowspan += 1;
            continue;
        }
        let w: f64 = widths[*col..(*col + cell.colspan).min(ncols)].iter().sum();
        let chars: Vec<char> = cell.text.chars().collect();
        let n = if lines_in(&cell.text, w) as f64 > lines {
            fitting_chars(&chars, w, lines as usize)
        } else {
            0
        };
        if n > 0 {
            let mut rest = cell.clone();
            rest.text = chars[n..]
                .iter()
                .collect::<String>()
                .trim_start()
                .to_string();
            cell.text = chars[..n].iter().collect();
            more.cells.push(rest);
            moved = true;
        } else {
            // A cell that fits is merged down over the continuation row.
            cell.rowspan += 1;
        }
    }
    if moved {
        rows[0] = head;
        rows.insert(1, more);
    }
    moved
}

/// A text merged down across a page's edge: the part of it that the
/// page's rows leave room for stays on the page and the rest goes on the
/// next one, so that a long text (a unit's duties, its overall target)
/// is printed once across the pages, not cut by the browser.
fn share_long_text(a: &mut [Row], b: &mut [Row], tops: &[f64], widths: &[f64], budget: f64) {
    let ncols = widths.len();
    let cells: Vec<&[Cell]> = a.iter().map(|r| r.cells.as_slice()).collect();
    let placed: Vec<(usize, usize, usize)> = crate::emit::layout::place_rows(&cells, ncols)
        .iter()
        .enumerate()
        .map(|(n, p)| (n, p.row, p.col))
        .collect();
    let Some(first) = b.first_mut() else { return };
    let cells_b: Vec<&[Cell]> = vec![first.cells.as_slice()];
    let cols_b: Vec<usize> = crate::emit::layout::place_rows(&cells_b, ncols)
        .iter()
        .map(|p| p.col)
        .collect();
    // Cells of `a` by row and index within the row.
    let mut index = Vec::new();
    for (r, row) in a.iter().enumerate() {
        for k in 0..row.cells.len() {
            index.push((r, k));
        }
    }
    for (n, row, col) in placed {
        let (r, k) = index[n];
        let cell = &a[r].cells[k];
        if r + cell.rowspan != a.len() || cell.style != Style::Text {
            continue;
        }
        let Some(bk) = cols_b.iter().position(|c| *c == col) else {
            continue;
        };
        if first.cells[bk].text != cell.text {
            continue; // not the same cell carried over
        }
        let w: f64 = widths[col..(col + cell.colspan).min(ncols)].iter().sum();
        let room =
            ((budget - tops.get(row).copied().unwrap_or(budget) - CELL_EXTRA) / LINE).floor();
        if room < 1.0 || lines_in(&cell.text, w) as f64 <= room {
            continue;
        }
        let chars: Vec<char> = cell.text.chars().collect();
        let lo = fitting_chars(&chars, w, room as usize);
        if lo == 0 {
            continue;
        }
        a[r].cells[k].text = chars[..lo].iter().collect();
        first.cells[bk].text = chars[lo..]
            .iter()
            .collect::<String>()
            .trim_start()
            .to_string();
    }
}

/// Rows cut before each of `cuts` (ascending row numbers): a merged cell
/// cut at a page's edge is carried to the next page.
fn split_at(rows: &[Row], ncols: usize, cuts: &[usize]) -> Vec<Vec<Row>> {
    let mut parts = Vec::new();
    let mut rest = rows.to_vec();
    let mut done = 0;
    for &c in cuts {
        if c <= done || c - done >= rest.len() {
            continue;
        }
        let (a, b) = crate::emit::layout::split_rows(&rest, ncols, c - done);
        parts.push(a);
        rest = b;
        done = c;
    }
    parts.push(rest);
    parts
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
    let plan = plan_pages(t);
    let breaks = &plan.breaks;
    let cont = |out: &mut String| {
        let _ = writeln!(out, "</div>\n<div class=\"cont\" style=\"page: c{k}\">");
    };
    // The header block.
    let cuts: Vec<usize> = breaks
        .iter()
        .filter_map(|b| match b {
            Break::Head(i) => Some(*i),
            _ => None,
        })
        .collect();
    for (n, part) in split_at(&t.head, t.ncols, &cuts).iter().enumerate() {
        if n > 0 {
            cont(out);
        }
        rows_table(out, t, "head", part);
    }
    for (grid, (apart, parts)) in t.grids.iter().zip(&plan.grids) {
        if *apart {
            cont(out);
        }
        for (n, part) in parts.iter().enumerate() {
            if n > 0 {
                cont(out);
            }
            grid_table(out, t, grid.kind, &grid.header, part, n > 0);
        }
    }
    let cuts: Vec<usize> = breaks
        .iter()
        .filter_map(|b| match b {
            Break::Foot(i) => Some(*i),
            _ => None,
        })
        .collect();
    for (n, part) in split_at(&t.foot, t.ncols, &cuts).iter().enumerate() {
        if n > 0 {
            cont(out);
        }
        rows_table(out, t, "foot", part);
    }
    if breaks.contains(&Break::After) {
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

/// One document as a self-contained HTML page, written into `w` a table at
/// a time: the page of a large corpus is several times its sources, and
/// was held whole beside the document tree before it was written.
pub fn write(
    w: &mut dyn std::io::Write,
    layout: &Layout,
    project: &Project,
    lang: Lang,
) -> std::io::Result<()> {
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
        flush(w, &mut out)?;
    }
    out.push_str("</ol></nav>\n</header>\n");
    for (k, t) in layout.tables.iter().enumerate() {
        table_html(&mut out, k, t);
        flush(w, &mut out)?;
    }
    findings_html(w, &mut out, &layout.findings, project, lang)?;
    out.push_str("</body>\n</html>\n");
    w.write_all(out.as_bytes())
}

/// Write what `out` holds once it is worth a write, and empty it.
fn flush(w: &mut dyn std::io::Write, out: &mut String) -> std::io::Result<()> {
    if out.len() >= 1 << 16 {
        w.write_all(out.as_bytes())?;
        out.clear();
    }
    Ok(())
}

/// How many units have a table.
fn units(layout: &Layout) -> usize {
    // A set: a corpus has thousands of units.
    let seen: std::collections::HashSet<&str> = layout
        .tables
        .iter()
        .filter(|t| !t.unit.is_empty())
        .map(|t| t.unit.as_str())
        .collect();
    seen.len()
}

fn findings_html(
    w: &mut dyn std::io::Write,
    out: &mut String,
    findings: &[&Diagnostic],
    project: &Project,
    lang: Lang,
) -> std::io::Result<()> {
    out.push_str("<section class=\"findings screen-only\" id=\"findings\">\n<h2>检查结果</h2>\n");
    if findings.is_empty() {
        out.push_str("<p>没有发现问题。</p>\n</section>\n");
        return Ok(());
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
            Severity::Note => "提示",
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
        flush(w, out)?;
    }
    out.push_str("</tbody></table>\n</section>\n");
    Ok(())
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
    use super::*;
    use crate::emit::layout::Grid;
    use crate::forms::Subject;

    /// The planning of a grid's rows as it was, measuring and splitting
    /// every row left for every page: what [`grid_pages`] must plan.
    fn grid_pages_before(
        rows: &[Row],
        ncols: usize,
        hh: f64,
        widths: &[f64],
        budget: f64,
        page_used: &mut f64,
        page_filled: &mut bool,
    ) -> (bool, Vec<Vec<Row>>) {
        let (mut used, mut filled) = (*page_used, *page_filled);
        let mut apart = false;
        let mut parts = Vec::new();
        let mut rest = rows.to_vec();
        while !rest.is_empty() {
            let refs: Vec<&Row> = rest.iter().collect();
            let mut heights = row_heights(&refs, widths);
            if !filled
                && used + hh + heights[0] > budget
                && split_tall_row(&mut rest, budget - used - hh, widths)
            {
                let refs: Vec<&Row> = rest.iter().collect();
                heights = row_heights(&refs, widths);
            }
            // Where each row starts on the page.
            let mut tops = Vec::with_capacity(heights.len());
            let mut cut = None;
            for (i, h) in heights.iter().enumerate() {
                let add = if i == 0 { hh + h } else { *h };
                if used + add > budget && filled {
                    cut = Some(i);
                    break;
                }
                tops.push(used + if i == 0 { hh } else { 0.0 });
                used += add;
                filled = true;
            }
            match cut {
                None => {
                    parts.push(std::mem::take(&mut rest));
                }
                Some(0) => {
                    // The grid starts on the next page.
                    apart = true;
                    used = 0.0;
                    filled = false;
                }
                Some(i) => {
                    let (mut a, mut b) = crate::emit::layout::split_rows(&rest, ncols, i);
                    share_long_text(&mut a, &mut b, &tops, widths, budget);
                    parts.push(a);
                    rest = b;
                    // (The next page's first row brings the column headers.)
                    used = 0.0;
                    filled = false;
                }
            }
        }
        (*page_used, *page_filled) = (used, filled);
        (apart, parts)
    }

    /// A xorshift generator: the same tables on every run.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
        fn one_in(&mut self, n: usize) -> bool {
            self.below(n) == 0
        }
    }

    fn words(rng: &mut Rng, n: usize) -> String {
        let mut s = String::new();
        for _ in 0..n {
            match rng.below(8) {
                0 => s.push(' '),
                1 => s.push_str("ab"),
                2 => s.push('7'),
                _ => s.push(['预', '算', '绩', '效', '目', '标', '。'][rng.below(7)]),
            }
        }
        s
    }

    /// A cell's text: mostly short, some long enough to take many lines,
    /// a few longer than a page in a narrow column.
    fn text(rng: &mut Rng) -> String {
        let n = match rng.below(60) {
            0 => 300 + rng.below(900),
            1..=6 => 20 + rng.below(120),
            _ => rng.below(14),
        };
        words(rng, n)
    }

    /// How a generated table's rows are made.
    #[derive(Clone, Copy)]
    struct Shape {
        /// One cell in `merged` goes down 2 to 5 rows.
        merged: usize,
        /// A merged cell's text is long: often taller than its rows.
        long_merged: bool,
        /// Some rows are short of cells (or have none), some have a cell
        /// too many.
        malformed: bool,
    }

    /// Rows that fill `ncols` columns, with cells merged across 2 to 5
    /// rows (now and then dozens) in any column and across columns.
    fn rows(rng: &mut Rng, ncols: usize, n: usize, shape: Shape) -> Vec<Row> {
        let mut covered = vec![0usize; ncols];
        let mut out = Vec::new();
        for _ in 0..n {
            let mut cells = Vec::new();
            let mut col = 0;
            while col < ncols {
                if covered[col] > 0 {
                    col += 1;
                    continue;
                }
                let room = covered[col..].iter().take_while(|c| **c == 0).count();
                let span = if rng.one_in(6) {
                    1 + rng.below(room)
                } else {
                    1
                };
                let down = if rng.one_in(shape.merged) {
                    2 + rng.below(4)
                } else if rng.one_in(80) {
                    6 + rng.below(40)
                } else {
                    1
                };
                let text = if down > 1 && shape.long_merged {
                    let n = 20 + rng.below(150);
                    words(rng, n)
                } else {
                    text(rng)
                };
                let mut cell = Cell::text(text).span(span).rows(down);
                if rng.one_in(5) {
                    cell = cell.style(Style::Center);
                }
                if rng.one_in(9) {
                    cell = cell.indent(rng.below(4));
                }
                for c in &mut covered[col..col + span] {
                    *c = down;
                }
                cells.push(cell);
                col += span;
            }
            if shape.malformed && rng.one_in(5) {
                let keep = rng.below(cells.len());
                cells.truncate(keep);
            }
            if shape.malformed && rng.one_in(10) {
                cells.push(Cell::text(text(rng)).rows(1 + rng.below(3)));
            }
            for c in covered.iter_mut() {
                *c = c.saturating_sub(1);
            }
            let mut row = Row::new(cells);
            if rng.one_in(10) {
                row.keep = true;
            }
            out.push(row);
        }
        out
    }

    /// A table, and whether its rows are malformed.
    fn table(rng: &mut Rng) -> (Table, bool) {
        let ncols = 2 + rng.below(7);
        let shape = Shape {
            merged: [3, 7][rng.below(2)],
            long_merged: rng.one_in(2),
            malformed: rng.one_in(4),
        };
        let rows_of = |rng: &mut Rng, n: usize| rows(rng, ncols, n, shape);
        let head_n = rng.below(6);
        let head = rows_of(rng, head_n);
        let mut grids = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let n = match rng.below(6) {
                0 => 0,
                1 => 1 + rng.below(3),
                2 => rng.below(40),
                3 => rng.below(100),
                _ => 60 + rng.below(150),
            };
            let header_n = rng.below(3);
            grids.push(Grid {
                kind: "detail",
                header: rows_of(rng, header_n),
                rows: rows_of(rng, n),
            });
        }
        let foot_n = rng.below(5);
        let t = Table {
            subject: Subject::Summary,
            form: "form",
            id: "s1".into(),
            title: "表".into(),
            meta: (0..rng.below(4))
                .map(|_| ("单位".to_string(), "万元".to_string()))
                .collect(),
            unit: String::new(),
            name: String::new(),
            code: None,
            ncols,
            widths: (0..ncols).map(|_| 4 + rng.below(40) as u32).collect(),
            head,
            grids,
            foot: rows_of(rng, foot_n),
            after: (0..rng.below(3)).map(|_| "签字".to_string()).collect(),
        };
        (t, shape.malformed)
    }

    #[test]
    fn pages_are_planned_as_when_every_row_was_measured() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        // What the tables must exercise, so that the comparison is not
        // vacuous: pages cut within grids, a cut through merged rows, a
        // row taller than a page, a grid on a page of its own, malformed
        // grids cut.
        let (mut cuts, mut merged_cuts, mut tall, mut apart, mut malformed_cuts) = (0, 0, 0, 0, 0);
        for n in 0..40 {
            let (t, malformed) = table(&mut rng);
            let now = plan_pages(&t);
            let before = plan_pages_with(&t, grid_pages_before);
            assert_eq!(now.breaks, before.breaks, "table {n}");
            assert!(
                now.grids == before.grids,
                "table {n}: the grids' pages differ"
            );
            for (grid, (away, parts)) in t.grids.iter().zip(&now.grids) {
                apart += usize::from(*away);
                cuts += parts.len() - 1;
                if malformed {
                    malformed_cuts += parts.len() - 1;
                }
                let more = parts.iter().flatten().filter(|r| r.class == "more").count();
                tall += more;
                if more > 0 {
                    continue;
                }
                // Where each page starts among the grid's rows, and the
                // merged cells that reach across it.
                let cells: Vec<&[Cell]> = grid.rows.iter().map(|r| r.cells.as_slice()).collect();
                let placed = crate::emit::layout::place_rows(&cells, t.ncols);
                let mut start = 0;
                for part in &parts[..parts.len() - 1] {
                    start += part.len();
                    merged_cuts += usize::from(
                        placed
                            .iter()
                            .any(|p| p.row < start && p.row + p.cell.rowspan > start),
                    );
                }
            }
        }
        assert!(cuts > 500, "{cuts} cuts");
        assert!(merged_cuts > 100, "{merged_cuts} cuts through merged rows");
        assert!(tall > 20, "{tall} tall rows split");
        assert!(apart > 5, "{apart} grids on a page of their own");
        assert!(
            malformed_cuts > 20,
            "{malformed_cuts} cuts in malformed grids"
        );
    }

    /// What measuring the first rows alone rests on: of the first `n` rows
    /// of a grid, all but the last have the height they have among all
    /// the rows, merged cells reaching past the `n` rows or not.
    #[test]
    fn the_first_rows_but_the_last_have_their_whole_height() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..12 {
            let ncols = 2 + rng.below(7);
            let shape = Shape {
                merged: 3,
                long_merged: rng.one_in(2),
                malformed: rng.one_in(3),
            };
            let rows = rows(&mut rng, ncols, 60, shape);
            let widths: Vec<f64> = (0..ncols).map(|_| 10.0 + rng.below(60) as f64).collect();
            let refs: Vec<&Row> = rows.iter().collect();
            let all = row_heights(&refs, &widths);
            for n in 1..refs.len() {
                let first = row_heights(&refs[..n], &widths);
                assert_eq!(first[..n - 1], all[..n - 1], "{n} rows");
            }
        }
    }

    /// A malformed grid whose merged cell a cut moves to another column
    /// (the row after the cut has no cells of its own to the left of
    /// it), so that the rows it still spans lose a cell that found a
    /// column before: planned from all the rows left, as before.
    #[test]
    fn a_merged_cell_moved_by_a_cut_is_planned_as_before() {
        let mut rows = vec![
            Row::new(vec![
                Cell::text("预".repeat(570)),
                Cell::text("X").rows(60),
                Cell::text("B"),
                Cell::text("C"),
            ]),
            Row::new(Vec::new()),
        ];
        for _ in 0..35 {
            rows.push(Row::new(vec![
                Cell::text("算".repeat(40)).span(2),
                Cell::text("Q"),
                Cell::text("E"),
            ]));
        }
        let t = Table {
            subject: Subject::Summary,
            form: "form",
            id: "s1".into(),
            title: "表".into(),
            meta: Vec::new(),
            unit: String::new(),
            name: String::new(),
            code: None,
            ncols: 4,
            widths: vec![10; 4],
            head: Vec::new(),
            grids: vec![Grid {
                kind: "detail",
                header: Vec::new(),
                rows,
            }],
            foot: Vec::new(),
            after: Vec::new(),
        };
        let now = plan_pages(&t);
        let before = plan_pages_with(&t, grid_pages_before);
        assert!(now.grids == before.grids);
        // The case at hand: cut under the merged cell, which the second
        // page has in the first column, and its last page has rows it
        // spans whose last cell then finds no column.
        let parts = &before.grids[0].1;
        assert!(parts.len() >= 3);
        assert_eq!(parts[1][0].cells.len(), 1);
        let last = parts.last().unwrap();
        assert!(last.len() > 2 && last[1..].iter().all(|r| r.cells.len() == 2));
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape("<script>alert(1)</script> & \"'"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;&#39;"
        );
    }
}

//! Reading a workbook (`.xlsx`, `.xls` through calamine) or a `.csv` file
//! into sheets of cell texts. A merged range's value is in its top-left
//! cell and the others are blank, which is how the recognition reads them
//! (a blank tier cell continues the one above).

use std::path::Path;

use calamine::{Data, Reader};

/// One cell as read: its text, and the figure it holds when the workbook
/// stores a number (printed in the shortest form that reads back the same).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellText {
    pub text: String,
    pub number: bool,
    /// Covered by a merged range that starts above it.
    pub merged_below: bool,
    /// The cell's indent (its format's, in an `.xlsx` workbook): a line
    /// of a budget table indented under the line above it.
    pub indent: u8,
}

/// One sheet: rows of cells from A1 (blank cells are empty texts).
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<CellText>>,
    /// The workbook says which cells are merged (a blank cell that is not
    /// covered by a merge is then blank, not a continuation).
    pub has_merges: bool,
}

impl Sheet {
    pub fn indent(&self, row: usize, col: usize) -> u8 {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map(|c| c.indent)
            .unwrap_or(0)
    }

    pub fn get(&self, row: usize, col: usize) -> &str {
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .map(|c| c.text.as_str())
            .unwrap_or("")
    }
}

/// Why a file could not be read at all.
#[derive(Debug)]
pub enum ReadError {
    /// Not `.xlsx`, `.xls`, `.xlsm` or `.csv`.
    Kind(String),
    /// The reader's own message (a damaged file, an I/O error).
    Broken(String),
}

/// `A`, `B` … `Z`, `AA` … for a column index from 0.
pub fn column_name(mut col: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// `Sheet1!C7`.
pub fn address(sheet: &str, row: usize, col: usize) -> String {
    format!("{sheet}!{}{}", column_name(col), row + 1)
}

pub fn read(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "csv" => read_csv(path),
        "xlsx" | "xlsm" | "xls" => read_workbook(path),
        _ => Err(ReadError::Kind(ext)),
    }
}

fn read_csv(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| ReadError::Broken(e.to_string()))?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| ReadError::Broken(e.to_string()))?;
        rows.push(
            rec.iter()
                .map(|t| CellText {
                    text: t.trim().to_string(),
                    number: false,
                    merged_below: false,
                    indent: 0,
                })
                .collect(),
        );
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(vec![Sheet {
        name,
        rows,
        has_merges: false,
    }])
}

fn read_workbook(path: &Path) -> Result<Vec<Sheet>, ReadError> {
    let mut book =
        calamine::open_workbook_auto(path).map_err(|e| ReadError::Broken(e.to_string()))?;
    let mut sheets = Vec::new();
    // The indents are a format, which calamine does not read: they are
    // read from the workbook's XML (none for `.xls`, or when unreadable).
    let indents = indents(path).unwrap_or_default();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| ReadError::Broken(e.to_string()))?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut rows: Vec<Vec<CellText>> = vec![Vec::new(); r0 as usize];
        for row in range.rows() {
            let mut cells = vec![CellText::default(); c0 as usize];
            cells.extend(row.iter().map(cell_text));
            rows.push(cells);
        }
        let merges = match &mut book {
            calamine::Sheets::Xlsx(x) => x.worksheet_merge_cells(&name).and_then(|m| m.ok()),
            calamine::Sheets::Xls(x) => x.worksheet_merge_cells(&name),
            _ => None,
        }
        .unwrap_or_default();
        let has_merges = !merges.is_empty();
        if let Some((_, cells)) = indents.iter().find(|(n, _)| *n == name) {
            for (r, c, n) in cells {
                if let Some(cell) = rows.get_mut(*r).and_then(|row| row.get_mut(*c)) {
                    cell.indent = *n;
                }
            }
        }
        for m in merges {
            for r in m.start.0 as usize + 1..=m.end.0 as usize {
                for c in m.start.1 as usize..=m.end.1 as usize {
                    if let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(c)) {
                        cell.merged_below = true;
                    }
                }
            }
        }
        sheets.push(Sheet {
            name,
            rows,
            has_merges,
        });
    }
    Ok(sheets)
}

/// The value of an attribute of an XML element, unescaped.
fn attr(e: &quick_xml::events::BytesStart, key: &[u8]) -> Option<String> {
    let a = e
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key || a.key.local_name().as_ref() == key)?;
    let raw = String::from_utf8_lossy(&a.value).into_owned();
    Some(
        raw.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&apos;", "'")
            .replace("&amp;", "&"),
    )
}

/// The elements of an XML text with one of these names, as they open.
fn elements(xml: &str, names: &[&[u8]], mut f: impl FnMut(&[u8], &quick_xml::events::BytesStart)) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) => {
                let n = e.local_name();
                if let Some(k) = names.iter().find(|k| **k == n.as_ref()) {
                    f(k, &e);
                }
            }
            Ok(Event::End(e)) if e.local_name().as_ref() == b"cellXfs" => {
                f(b"/cellXfs", &quick_xml::events::BytesStart::new("x"))
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
}

/// The indented cells of each sheet of an `.xlsx` workbook: the sheet's
/// name, and row, column and indent of each.
type Indents = Vec<(String, Vec<(usize, usize, u8)>)>;

fn indents(path: &Path) -> Option<Indents> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(file).ok()?;
    let mut text = |name: &str| -> Option<String> {
        let mut s = String::new();
        zip.by_name(name).ok()?.read_to_string(&mut s).ok()?;
        Some(s)
    };
    // The indent of each cell format (cellXfs, by index).
    let styles = text("xl/styles.xml")?;
    let mut xfs: Vec<u8> = Vec::new();
    let mut in_xfs = false;
    elements(
        &styles,
        &[b"cellXfs", b"xf", b"alignment"],
        |k, e| match k {
            b"cellXfs" => in_xfs = true,
            b"/cellXfs" => in_xfs = false,
            b"xf" if in_xfs => xfs.push(0),
            b"alignment" if in_xfs => {
                if let (Some(last), Some(n)) = (xfs.last_mut(), attr(e, b"indent")) {
                    *last = n.parse().unwrap_or(0);
                }
            }
            _ => {}
        },
    );
    if xfs.iter().all(|n| *n == 0) {
        return Some(Vec::new());
    }
    // Sheet names to their files.
    let workbook = text("xl/workbook.xml")?;
    let rels = text("xl/_rels/workbook.xml.rels")?;
    let mut targets: Vec<(String, String)> = Vec::new();
    elements(&rels, &[b"Relationship"], |_, e| {
        if let (Some(id), Some(t)) = (attr(e, b"Id"), attr(e, b"Target")) {
            let t = t.trim_start_matches('/').to_string();
            let t = if t.starts_with("xl/") {
                t
            } else {
                format!("xl/{t}")
            };
            targets.push((id, t));
        }
    });
    let mut sheets: Vec<(String, String)> = Vec::new();
    elements(&workbook, &[b"sheet"], |_, e| {
        if let (Some(n), Some(id)) = (attr(e, b"name"), attr(e, b"id")) {
            if let Some((_, t)) = targets.iter().find(|(i, _)| *i == id) {
                sheets.push((n, t.clone()));
            }
        }
    });
    let mut out = Vec::new();
    for (name, file) in sheets {
        let Some(xml) = text(&file) else { continue };
        let mut cells = Vec::new();
        elements(&xml, &[b"c"], |_, e| {
            let (Some(r), Some(s)) = (attr(e, b"r"), attr(e, b"s")) else {
                return;
            };
            let n = s
                .parse::<usize>()
                .ok()
                .and_then(|s| xfs.get(s))
                .copied()
                .unwrap_or(0);
            if n == 0 {
                return;
            }
            if let Some((row, col)) = cell_ref(&r) {
                cells.push((row, col, n));
            }
        });
        out.push((name, cells));
    }
    Some(out)
}

/// `C7` as row and column from 0.
fn cell_ref(r: &str) -> Option<(usize, usize)> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let row: usize = r[letters.len()..].parse().ok()?;
    let mut col = 0usize;
    for c in letters.chars() {
        col = col * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1);
    }
    Some((row.checked_sub(1)?, col.checked_sub(1)?))
}

fn cell_text(d: &Data) -> CellText {
    let (text, number) = match d {
        Data::Empty => (String::new(), false),
        Data::String(s) => (s.trim().to_string(), false),
        Data::Int(i) => (i.to_string(), true),
        Data::Float(f) => (float_text(*f), true),
        Data::Bool(b) => (b.to_string(), false),
        Data::DateTime(dt) => (serial_date(dt.as_f64()), false),
        Data::DateTimeIso(s) | Data::DurationIso(s) => (s.clone(), false),
        Data::Error(e) => (format!("#{e:?}"), false),
    };
    CellText {
        text,
        number,
        merged_below: false,
        indent: 0,
    }
}

/// A stored double as the figure typed: the shortest decimal that reads
/// back as the same double (`365.55`, not `365.55000000000001`).
fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        return format!("{}", f as i64);
    }
    format!("{f}")
}

/// A date cell (days since 1899-12-30) as `YYYY-MM-DD`.
fn serial_date(serial: f64) -> String {
    let days = serial.floor() as i64;
    // Civil-from-days (Howard Hinnant), from the Unix epoch.
    let z = days - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_and_dates() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(address("表1", 6, 2), "表1!C7");
        assert_eq!(serial_date(43830.0), "2019-12-31");
        assert_eq!(float_text(508.93), "508.93");
        assert_eq!(float_text(4.0), "4");
        assert_eq!(cell_ref("C7"), Some((6, 2)));
        assert_eq!(cell_ref("AA10"), Some((9, 26)));
        assert_eq!(cell_ref("A0"), None);
        assert_eq!(cell_ref("7"), None);
    }
}

//! Source files, byte spans and their line index: the bottom layer, which
//! imports nothing of the project.
//!
//! Spans are byte offsets; converting them to lines and columns goes through
//! a line index built once per file (pest's `line_col` is O(n) per call).
//! Columns are counted in characters, as editors and the JSON output expect.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// Index of a file in a [`SourceMap`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct FileId(pub u32);

/// A byte range in one source file.
///
/// Offsets are 32-bit: a file is at most 16 MiB (S011), and spans are in
/// every node of the document tree and every label of a finding, so their
/// size is a large share of the memory a run takes (12 bytes, not 24).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub file: FileId,
    start: u32,
    end: u32,
}

impl Span {
    /// The span `start..end` of `file`. Offsets past 4 GiB (never loaded:
    /// a file is at most 16 MiB) saturate rather than wrap.
    pub fn new(file: FileId, start: usize, end: usize) -> Span {
        let offset = |o: usize| u32::try_from(o).unwrap_or(u32::MAX);
        Span {
            file,
            start: offset(start),
            end: offset(end),
        }
    }
    /// The empty span at `offset`.
    pub fn at(file: FileId, offset: usize) -> Span {
        Span::new(file, offset, offset)
    }
    pub fn start(&self) -> usize {
        self.start as usize
    }
    pub fn end(&self) -> usize {
        self.end as usize
    }
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }
    /// The smallest span covering both (same file assumed).
    pub fn to(&self, other: Span) -> Span {
        Span {
            file: self.file,
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

#[derive(Debug)]
pub struct SourceFile {
    /// The name shown in diagnostics (the path as given, or `<stdin>`).
    pub name: String,
    /// The path on disk, if any (includes resolve against it).
    pub path: Option<PathBuf>,
    /// The text, with a leading BOM removed. CRLF is kept: spans stay exact.
    pub text: String,
    /// Where each line starts, as 32-bit offsets (a file is at most
    /// 16 MiB, S011): held for every file to the end of the run.
    line_starts: Vec<u32>,
    /// Columns known in advance on long lines (built at the first column
    /// asked for on one): a column is then counted from the last mark
    /// before it, not from its line's start, so that many positions on one
    /// long line cost linear time in all.
    column_marks: std::sync::OnceLock<Vec<(usize, usize)>>,
}

/// Bytes between two column marks.
const MARK_EVERY: usize = 4096;

impl SourceFile {
    pub fn new(name: String, path: Option<PathBuf>, text: String) -> Self {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        let line_starts = line_starts(&text);
        SourceFile {
            name,
            path,
            text,
            line_starts,
            column_marks: std::sync::OnceLock::new(),
        }
    }

    /// 0-based line index of a byte offset.
    pub fn line_index(&self, byte: usize) -> usize {
        let byte = u32::try_from(byte).unwrap_or(u32::MAX);
        match self.line_starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i - 1,
        }
    }

    pub fn line_range(&self, line: usize) -> Option<Range<usize>> {
        let start = self.line_start(line)?;
        let end = self.line_start(line + 1).unwrap_or(self.text.len());
        Some(start..end)
    }

    fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line).map(|&s| s as usize)
    }

    /// 1-based line and 1-based column in characters.
    pub fn line_col(&self, byte: usize) -> (usize, usize) {
        let byte = self.floor_char_boundary(byte.min(self.text.len()));
        let line = self.line_index(byte);
        let start = self.line_starts[line] as usize;
        if byte - start < MARK_EVERY {
            return (line + 1, self.text[start..byte].chars().count() + 1);
        }
        let marks = self.column_marks.get_or_init(|| self.marks());
        // The last mark at or before `byte`, if it is on this line.
        let (from, col) = match marks.partition_point(|&(b, _)| b <= byte) {
            0 => (start, 0),
            i if marks[i - 1].0 >= start => marks[i - 1],
            _ => (start, 0),
        };
        (line + 1, col + self.text[from..byte].chars().count() + 1)
    }

    /// (byte, column in characters from its line's start) every
    /// [`MARK_EVERY`] bytes of each line that long.
    fn marks(&self) -> Vec<(usize, usize)> {
        let mut marks = Vec::new();
        for (i, &start) in self.line_starts.iter().enumerate() {
            let start = start as usize;
            let end = self.line_start(i + 1).unwrap_or(self.text.len());
            let (mut at, mut col) = (start, 0);
            while end - at > MARK_EVERY {
                let next = self.floor_char_boundary(at + MARK_EVERY);
                if next <= at {
                    break;
                }
                col += self.text[at..next].chars().count();
                at = next;
                marks.push((at, col));
            }
        }
        marks
    }

    /// The largest char boundary not after `byte` (spans must never split a
    /// Han character: codespan-reporting panics on such ranges).
    pub fn floor_char_boundary(&self, mut byte: usize) -> usize {
        byte = byte.min(self.text.len());
        while !self.text.is_char_boundary(byte) {
            byte -= 1;
        }
        byte
    }
}

/// Where each line starts. A line ends with LF, CRLF or a lone CR (old Mac
/// files, and some exports from spreadsheets), as the grammar's line
/// breaks do.
///
/// Offsets past 4 GiB (never loaded: a file is at most 16 MiB) saturate
/// rather than wrap.
fn line_starts(text: &str) -> Vec<u32> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            starts.push(u32::try_from(i + 1).unwrap_or(u32::MAX));
        }
    }
    starts.shrink_to_fit();
    starts
}

/// Every file of one run.
#[derive(Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    /// Files by path, so that a run of many files finds each in constant
    /// time (the first file added under a path wins).
    by_path: HashMap<PathBuf, FileId>,
}

impl SourceMap {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(self.files.len() as u32);
        if let Some(path) = &file.path {
            self.by_path.entry(path.clone()).or_insert(id);
        }
        self.files.push(file);
        id
    }

    /// The text at `span`, as written (empty when the span is not in its
    /// file).
    pub fn text(&self, span: Span) -> &str {
        self.files
            .get(span.file.0 as usize)
            .and_then(|f| f.text.get(span.range()))
            .unwrap_or("")
    }

    pub fn get(&self, id: FileId) -> &SourceFile {
        &self.files[id.0 as usize]
    }

    pub fn files(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(i as u32), f))
    }

    /// The file added with this path.
    pub fn find_path(&self, path: &Path) -> Option<FileId> {
        self.by_path.get(path).copied()
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// The file `id`, as codespan's renderer asks for it.
    fn lookup(&self, id: FileId) -> Result<&SourceFile, codespan_reporting::files::Error> {
        self.files
            .get(id.0 as usize)
            .ok_or(codespan_reporting::files::Error::FileMissing)
    }
}

impl<'a> codespan_reporting::files::Files<'a> for SourceMap {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.lookup(id).map(|f| f.name.as_str())
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, codespan_reporting::files::Error> {
        self.lookup(id).map(|f| f.text.as_str())
    }

    fn line_index(
        &'a self,
        id: FileId,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let f = self.lookup(id)?;
        Ok(f.line_index(byte))
    }

    fn column_number(
        &'a self,
        id: FileId,
        _line: usize,
        byte: usize,
    ) -> Result<usize, codespan_reporting::files::Error> {
        let f = self.lookup(id)?;
        Ok(f.line_col(byte).1)
    }

    fn line_range(
        &'a self,
        id: FileId,
        line: usize,
    ) -> Result<Range<usize>, codespan_reporting::files::Error> {
        let f = self.lookup(id)?;
        f.line_range(line)
            .ok_or(codespan_reporting::files::Error::LineTooLarge {
                given: line,
                max: f.line_starts.len() - 1,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_found_by_path() {
        let mut map = SourceMap::new();
        let file = |name: &str, path: Option<&str>| {
            SourceFile::new(name.into(), path.map(PathBuf::from), String::new())
        };
        map.add(file("<stdin>", None));
        let a = map.add(file("a.jx", Some("/p/a.jx")));
        let b = map.add(file("b.jx", Some("/p/b.jx")));
        map.add(file("again", Some("/p/a.jx")));
        assert_eq!(map.find_path(Path::new("/p/a.jx")), Some(a));
        assert_eq!(map.find_path(Path::new("/p/b.jx")), Some(b));
        assert_eq!(map.find_path(Path::new("/p/c.jx")), None);
    }

    #[test]
    fn every_line_break_starts_a_line() {
        for text in ["a\nb\nc", "a\r\nb\r\nc", "a\rb\rc", "a\r\nb\rc"] {
            let f = SourceFile::new("t".into(), None, text.into());
            let c = text.rfind('c').unwrap();
            assert_eq!(f.line_col(c), (3, 1), "{text:?}");
            assert_eq!(f.line_index(text.find('b').unwrap()), 1);
        }
    }

    #[test]
    fn columns_on_long_lines() {
        let text = format!("a\n{}x{}\nb", "职".repeat(10_000), "a".repeat(10_000));
        let f = SourceFile::new("t".into(), None, text.clone());
        let x = text.find('x').unwrap();
        assert_eq!(f.line_col(x), (2, 10_001));
        assert_eq!(f.line_col(x + 5_000), (2, 15_001));
        for b in (0..text.len()).step_by(997) {
            let b = f.floor_char_boundary(b);
            let start = text[..b].rfind('\n').map_or(0, |i| i + 1);
            let line = text[..b].matches('\n').count() + 1;
            assert_eq!(f.line_col(b), (line, text[start..b].chars().count() + 1));
        }
        assert_eq!(f.line_col(text.len()), (3, 2));
        assert_eq!(f.line_col(2), (2, 1));
    }
}

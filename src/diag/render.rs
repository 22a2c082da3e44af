//! Renderers: the human form (codespan-reporting, carets under CJK text
//! placed by display width), one line per finding (`--short`) and the
//! JSON-lines form. Each renders the messages in the language it is given;
//! codes, severities in JSON and `--short`, and positions do not change
//! with the language.
//!
//! The human form is for reading, and stays readable (and fast) whatever
//! the input: a diagnostic shows at most [`MAX_LABELS`] labels, a line at
//! most [`MAX_PER_LINE`] diagnostics (the others are counted), and a line
//! longer than [`LONG_LINE`] characters is shown as a window around its
//! labels. Without these, a 10 KB line of `}` (one diagnostic per brace,
//! each printing the whole line) would print 100 MB. The JSON form lists
//! everything.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::termcolor::{Buffer, ColorSpec, WriteColor};
use codespan_reporting::term::{self};
use rayon::prelude::*;
use serde_json::{json, Value};

use super::{Diagnostic, Label, Severity};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::source::{FileId, SourceMap};
/// Labels shown per diagnostic (the primary ones first).
pub const MAX_LABELS: usize = 12;
/// Diagnostics shown per source line (by their primary label).
pub const MAX_PER_LINE: usize = 10;
/// Lines longer than this many characters are shown as a window.
pub const LONG_LINE: usize = 500;
/// Characters shown before the first label of a long line, and in all.
const WINDOW_BEFORE: usize = 40;
const WINDOW: usize = 160;

/// The labels to show: every primary one, then secondary ones, up to
/// [`MAX_LABELS`], in their original order; and how many were left out.
fn shown_labels(d: &Diagnostic) -> (Vec<&Label>, usize) {
    if d.labels.len() <= MAX_LABELS {
        return (d.labels.iter().collect(), 0);
    }
    let primaries = d
        .labels
        .iter()
        .filter(|l| l.primary)
        .count()
        .min(MAX_LABELS);
    let mut secondaries = MAX_LABELS - primaries;
    let mut primaries_left = primaries;
    let mut out = Vec::with_capacity(MAX_LABELS);
    for l in &d.labels {
        if l.primary && primaries_left > 0 {
            primaries_left -= 1;
            out.push(l);
        } else if !l.primary && secondaries > 0 {
            secondaries -= 1;
            out.push(l);
        }
    }
    let left_out = d.labels.len() - out.len();
    (out, left_out)
}

fn to_codespan<F>(
    d: &Diagnostic,
    sources: &SourceMap,
    lang: Lang,
    mut place: impl FnMut(&Label, usize, usize) -> (F, Range<usize>),
) -> cs::Diagnostic<F> {
    let base = match d.severity {
        Severity::Error => cs::Diagnostic::error(),
        Severity::Warning => cs::Diagnostic::warning(),
        Severity::Note => cs::Diagnostic::note(),
    };
    let (shown, left_out) = shown_labels(d);
    let labels = shown
        .into_iter()
        .map(|l| {
            let f = sources.get(l.span.file);
            // Clamp to char boundaries: codespan panics inside a Han character.
            let start = f.floor_char_boundary(l.span.start());
            let end = f.floor_char_boundary(l.span.end().max(start));
            let style = if l.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            let (file, range) = place(l, start, end);
            cs::Label::new(style, file, range).with_message(l.message.render(lang))
        })
        .collect();
    let mut notes: Vec<String> = d.notes.iter().map(|n| n.render(lang)).collect();
    if left_out > 0 {
        notes.push(msg!("render-locations-not-shown", count = left_out).render(lang));
    }
    notes.extend(
        d.help
            .iter()
            .map(|h| msg!("help-line", text = h.clone()).render(lang)),
    );
    base.with_code(d.code.as_str())
        .with_message(d.message.render(lang))
        .with_labels(labels)
        .with_notes(notes)
}

/// A writer that spells the severity of a codespan header in the language
/// of the run: codespan writes `error` or `warning` in one piece, first,
/// and nothing else in a header can be that word alone.
struct Localized<'w> {
    inner: &'w mut dyn WriteColor,
    /// The English word still to replace, and its replacement.
    word: Option<(&'static str, String)>,
}

impl Write for Localized<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some((english, spelled)) = &self.word {
            if buf == english.as_bytes() {
                self.inner.write_all(spelled.as_bytes())?;
                self.word = None;
                return Ok(buf.len());
            }
        }
        self.inner.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

impl WriteColor for Localized<'_> {
    fn supports_color(&self) -> bool {
        self.inner.supports_color()
    }

    fn set_color(&mut self, spec: &ColorSpec) -> std::io::Result<()> {
        self.inner.set_color(spec)
    }

    fn reset(&mut self) -> std::io::Result<()> {
        self.inner.reset()
    }

    fn is_synchronous(&self) -> bool {
        self.inner.is_synchronous()
    }
}

/// Findings rendered together by [`emit_human`]: enough for both cores,
/// few enough that their text is small.
const RENDER_CHUNK: usize = 256;

/// Render in the human form to a terminal (colour decided by the writer).
///
/// The findings are rendered in parallel, [`RENDER_CHUNK`] at a time, each
/// into a buffer of its own, and written in their order: rendering was a
/// serial seventh of a `check` of a large corpus. The output is the same
/// for any thread count.
pub fn emit_human(
    out: &mut dyn WriteColor,
    sources: &SourceMap,
    diags: &[Diagnostic],
    lang: Lang,
) -> std::io::Result<()> {
    let config = term::Config::default();
    // Diagnostics per line, by their primary label; those past the limit
    // are only counted. Decided in order, before the parallel part.
    let mut per_line: HashMap<(FileId, usize), usize> = HashMap::new();
    let mut hidden: BTreeMap<(FileId, usize), usize> = BTreeMap::new();
    let mut shown: Vec<&Diagnostic> = Vec::with_capacity(diags.len());
    for d in diags {
        if let Some(span) = d.primary_span() {
            let line = sources.get(span.file).line_index(span.start());
            let n = per_line.entry((span.file, line)).or_insert(0);
            *n += 1;
            if *n > MAX_PER_LINE {
                *hidden.entry((span.file, line)).or_insert(0) += 1;
                continue;
            }
        }
        shown.push(d);
    }
    let color = out.supports_color();
    // Rendered in parallel a chunk at a time and written in order: all of
    // a large corpus's findings rendered at once weighed megabytes, held
    // beside the document tree when `build` prints them.
    for chunk in shown.chunks(RENDER_CHUNK) {
        let rendered: Vec<std::io::Result<Vec<u8>>> = chunk
            .par_iter()
            .map(|d| {
                let mut buf = if color {
                    Buffer::ansi()
                } else {
                    Buffer::no_color()
                };
                render_one(&mut buf, &config, sources, d, lang)?;
                Ok(buf.into_inner())
            })
            .collect();
        for bytes in rendered {
            out.write_all(&bytes?)?;
        }
    }
    for ((file, line), n) in hidden {
        let note = cs::Diagnostic::<FileId>::note().with_message(
            msg!(
                "render-line-flood",
                count = n,
                line = line + 1,
                file = sources.get(file).name.as_str()
            )
            .render(lang),
        );
        let mut w = Localized {
            inner: &mut *out,
            word: (lang != Lang::En).then(|| ("note", msg!("severity-note").render(lang))),
        };
        term::emit(&mut w, &config, sources, &note).map_err(files_error)?;
    }
    Ok(())
}

/// Render one finding in the human form.
fn render_one(
    out: &mut dyn WriteColor,
    config: &term::Config,
    sources: &SourceMap,
    d: &Diagnostic,
    lang: Lang,
) -> std::io::Result<()> {
    let mut w = Localized {
        inner: out,
        word: (lang != Lang::En).then(|| (d.severity.as_str(), d.severity.word().render(lang))),
    };
    if touches_long_line(d, sources) {
        let excerpt = Excerpt::new(d, sources);
        let cd = to_codespan(d, sources, lang, |l, start, end| {
            excerpt.place(l, start, end)
        });
        term::emit(&mut w, config, &excerpt, &cd).map_err(files_error)
    } else {
        let cd = to_codespan(d, sources, lang, |l, start, end| (l.span.file, start..end));
        term::emit(&mut w, config, sources, &cd).map_err(files_error)
    }
}

fn files_error(e: FilesError) -> std::io::Error {
    match e {
        FilesError::Io(io) => io,
        other => std::io::Error::other(other.to_string()),
    }
}

/// Whether a label of `d` lies on a line too long to print whole.
fn touches_long_line(d: &Diagnostic, sources: &SourceMap) -> bool {
    let (shown, _) = shown_labels(d);
    shown.iter().any(|l| {
        let f = sources.get(l.span.file);
        [l.span.start(), l.span.end()].iter().any(|&b| {
            f.line_range(f.line_index(b.min(f.text.len())))
                .is_some_and(|r| r.len() > LONG_LINE && f.text[r].chars().nth(LONG_LINE).is_some())
        })
    })
}

/// The lines one diagnostic shows, copied with each long line cut down to
/// a window around its labels: a `Files` for codespan that keeps the real
/// line numbers and columns.
struct Excerpt<'a> {
    sources: &'a SourceMap,
    files: Vec<ExcerptFile>,
}

struct ExcerptFile {
    real: FileId,
    text: String,
    /// By real line index.
    lines: BTreeMap<usize, ExcerptLine>,
}

struct ExcerptLine {
    /// The line's range in the excerpt's text, its line break included.
    range: Range<usize>,
    /// Where the shown part starts in the excerpt (after a `…`), and the
    /// real bytes it shows.
    shown_at: usize,
    real: Range<usize>,
}

impl<'a> Excerpt<'a> {
    fn new(d: &Diagnostic, sources: &'a SourceMap) -> Excerpt<'a> {
        let (shown, _) = shown_labels(d);
        // For each file: the lines to show and, on each, the label ends
        // (whether of a primary label: the window follows those).
        let mut wanted: BTreeMap<FileId, BTreeMap<usize, Vec<(usize, bool)>>> = BTreeMap::new();
        for l in &shown {
            let f = sources.get(l.span.file);
            let start = f.floor_char_boundary(l.span.start());
            let end = f.floor_char_boundary(l.span.end().max(start));
            let (first, last) = (f.line_index(start), f.line_index(end));
            let lines = wanted.entry(l.span.file).or_default();
            for line in first..=last {
                lines.entry(line).or_default();
            }
            lines.entry(first).or_default().push((start, l.primary));
            lines.entry(last).or_default().push((end, l.primary));
        }
        let mut files = Vec::new();
        for (real, mut lines) in wanted {
            // codespan prints a lone line between two shown ones itself.
            let indices: Vec<usize> = lines.keys().copied().collect();
            for w in indices.windows(2) {
                if w[1] == w[0] + 2 {
                    lines.entry(w[0] + 1).or_default();
                }
            }
            let f = sources.get(real);
            let mut text = String::new();
            let mut out = BTreeMap::new();
            for (line, points) in lines {
                let Some(range) = f.line_range(line) else {
                    continue;
                };
                let body_end =
                    range.start + f.text[range.clone()].trim_end_matches(['\n', '\r']).len();
                let body = range.start..body_end;
                let real = window(&f.text, body.clone(), &points);
                let start = text.len();
                if real.start > body.start {
                    text.push('…');
                }
                let shown_at = text.len();
                text.push_str(&f.text[real.clone()]);
                if real.end < body.end {
                    text.push('…');
                }
                text.push('\n');
                out.insert(
                    line,
                    ExcerptLine {
                        range: start..text.len(),
                        shown_at,
                        real,
                    },
                );
            }
            files.push(ExcerptFile {
                real,
                text,
                lines: out,
            });
        }
        Excerpt { sources, files }
    }

    /// A label's file and range in the excerpt.
    fn place(&self, label: &Label, start: usize, end: usize) -> (usize, Range<usize>) {
        let Some(i) = self.files.iter().position(|f| f.real == label.span.file) else {
            return (0, 0..0);
        };
        let f = &self.files[i];
        let src = self.sources.get(f.real);
        let map = |b: usize| {
            f.lines.get(&src.line_index(b)).map_or(0, |l| {
                l.shown_at + b.clamp(l.real.start, l.real.end) - l.real.start
            })
        };
        let (s, e) = (map(start), map(end));
        (i, s..e.max(s))
    }

    fn line(&self, id: usize, line: usize) -> Result<(&ExcerptFile, &ExcerptLine), FilesError> {
        let f = self.files.get(id).ok_or(FilesError::FileMissing)?;
        let l = f.lines.get(&line).ok_or(FilesError::LineTooLarge {
            given: line,
            max: f.lines.keys().last().copied().unwrap_or(0),
        })?;
        Ok((f, l))
    }
}

/// The part of the line `body` to show: all of it when it is short, else
/// [`WINDOW`] characters from a little before the first of `points` (of
/// the primary label's, if it has any on this line).
fn window(text: &str, body: Range<usize>, points: &[(usize, bool)]) -> Range<usize> {
    let line = &text[body.clone()];
    if line.chars().nth(LONG_LINE).is_none() {
        return body;
    }
    let on_line = |p: &&(usize, bool)| body.contains(&p.0) || p.0 == body.end;
    let primary = points
        .iter()
        .filter(on_line)
        .filter(|p| p.1)
        .map(|p| p.0)
        .min();
    let first = primary
        .or_else(|| points.iter().filter(on_line).map(|p| p.0).min())
        .unwrap_or(body.start);
    let before = text[body.start..first]
        .char_indices()
        .rev()
        .nth(WINDOW_BEFORE - 1)
        .map_or(body.start, |(i, _)| body.start + i);
    let end = text[before..body.end]
        .char_indices()
        .nth(WINDOW)
        .map_or(body.end, |(i, _)| before + i);
    before..end
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = usize;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: usize) -> Result<&'a str, FilesError> {
        let f = self.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(self.sources.get(f.real).name.as_str())
    }

    fn source(&'a self, id: usize) -> Result<&'a str, FilesError> {
        let f = self.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(f.text.as_str())
    }

    fn line_index(&'a self, id: usize, byte: usize) -> Result<usize, FilesError> {
        let f = self.files.get(id).ok_or(FilesError::FileMissing)?;
        Ok(f.lines
            .iter()
            .find(|(_, l)| byte < l.range.end)
            .or_else(|| f.lines.iter().last())
            .map_or(0, |(i, _)| *i))
    }

    fn column_number(&'a self, id: usize, line: usize, byte: usize) -> Result<usize, FilesError> {
        let (f, l) = self.line(id, line)?;
        let real = l.real.start + byte.saturating_sub(l.shown_at).min(l.real.len());
        Ok(self.sources.get(f.real).line_col(real).1)
    }

    fn line_range(&'a self, id: usize, line: usize) -> Result<Range<usize>, FilesError> {
        Ok(self.line(id, line)?.1.range.clone())
    }
}

/// Render in the human form without colour, into a string (for tests).
pub fn human_string(sources: &SourceMap, diags: &[Diagnostic], lang: Lang) -> String {
    let mut buf = term::termcolor::NoColor::new(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = emit_human(&mut buf, sources, diags, lang);
    String::from_utf8_lossy(&buf.into_inner()).into_owned()
}

fn position(
    sources: &SourceMap,
    span: crate::ast::Span,
) -> (String, (usize, usize), (usize, usize)) {
    let f = sources.get(span.file);
    (
        f.name.clone(),
        f.line_col(span.start()),
        f.line_col(span.end()),
    )
}

/// One line per finding, `file:line:col: severity[CODE] message`, as
/// editors' problem matchers and Vim's `errorformat` read it: the severity
/// stays `error` or `warning` in every language, the message is in `lang`.
/// A grouped finding names its first place.
pub fn short_lines(sources: &SourceMap, diags: &[Diagnostic], lang: Lang) -> String {
    written_to_string(|out| write_short_lines(out, sources, diags, lang))
}

/// What a `write_*` function of this module writes, as a string.
fn written_to_string(write: impl FnOnce(&mut Vec<u8>) -> std::io::Result<()>) -> String {
    let mut out = Vec::new();
    write(&mut out).expect("a vector takes every write");
    String::from_utf8(out).expect("the findings are rendered as UTF-8")
}

/// [`short_lines`], written as each line is made.
pub fn write_short_lines(
    out: &mut dyn std::io::Write,
    sources: &SourceMap,
    diags: &[Diagnostic],
    lang: Lang,
) -> std::io::Result<()> {
    for d in diags {
        let (file, (line, column), _) = d
            .primary_span()
            .map(|sp| position(sources, sp))
            .unwrap_or_else(|| (String::new(), (0, 0), (0, 0)));
        let message = one_line(&d.message, lang);
        if file.is_empty() {
            writeln!(out, "{}[{}] {message}", d.severity.as_str(), d.code)?;
        } else {
            writeln!(
                out,
                "{file}:{line}:{column}: {}[{}] {message}",
                d.severity.as_str(),
                d.code
            )?;
        }
    }
    Ok(())
}

/// A message on one line: line breaks in quoted names become spaces.
fn one_line(m: &Message, lang: Lang) -> String {
    m.render(lang).replace(['\n', '\r'], " ")
}

/// One diagnostic as a JSON object: code, severity, message, the primary
/// location (1-based lines, columns in characters), labels, notes, help.
/// The code and severity are stable; the texts are in `lang`.
pub fn to_json(d: &Diagnostic, sources: &SourceMap, lang: Lang) -> Value {
    let labels: Vec<Value> = d
        .labels
        .iter()
        .map(|l| {
            let (file, (line, column), (end_line, end_column)) = position(sources, l.span);
            json!({
                "file": file, "line": line, "column": column,
                "end_line": end_line, "end_column": end_column,
                "message": l.message.render(lang), "primary": l.primary,
            })
        })
        .collect();
    let primary = d.primary_span().map(|s| position(sources, s));
    let (file, (line, column), (end_line, end_column)) =
        primary.unwrap_or_else(|| (String::new(), (0, 0), (0, 0)));
    let texts = |ms: &[Message]| ms.iter().map(|m| m.render(lang)).collect::<Vec<_>>();
    json!({
        "code": d.code.as_str(),
        "severity": d.severity.as_str(),
        "message": d.message.render(lang),
        "file": file,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "labels": labels,
        "notes": texts(&d.notes),
        "help": texts(&d.help),
    })
}

/// JSON lines: one object per diagnostic.
pub fn json_lines(sources: &SourceMap, diags: &[Diagnostic], lang: Lang) -> String {
    written_to_string(|out| write_json_lines(out, sources, diags, lang))
}

/// [`json_lines`], written as each line is made (a buffered writer's
/// caller then never holds them all).
pub fn write_json_lines(
    out: &mut dyn std::io::Write,
    sources: &SourceMap,
    diags: &[Diagnostic],
    lang: Lang,
) -> std::io::Result<()> {
    for d in diags {
        serde_json::to_writer(&mut *out, &to_json(d, sources, lang))?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::source::{SourceFile, Span};

    fn sources(text: &str) -> SourceMap {
        let mut m = SourceMap::new();
        m.add(SourceFile::new("t.jx".into(), None, text.into()));
        m
    }

    fn span(start: usize, end: usize) -> Span {
        Span::new(FileId(0), start, end)
    }

    #[test]
    fn a_long_line_is_shown_as_a_window_with_its_real_column() {
        let text = format!("year 2023\n{}x{}\n", "职".repeat(3000), "a".repeat(3000));
        let at = text.find('x').unwrap();
        let m = sources(&text);
        let d = Diagnostic::new(Code::S001, Message::text("here"))
            .primary(span(at, at + 1), Message::text("this x"));
        let out = human_string(&m, &[d], Lang::En);
        assert!(out.contains("t.jx:2:3001"), "{out}");
        assert!(out.contains("…") && out.contains("^ this x"), "{out}");
        assert!(out.len() < 2_000, "{} bytes", out.len());
    }

    #[test]
    fn the_window_follows_the_primary_label() {
        let text = format!("{}x{}\n", "职".repeat(3000), "a".repeat(3000));
        let at = text.find('x').unwrap();
        let m = sources(&text);
        let d = Diagnostic::new(Code::S001, Message::text("here"))
            .primary(span(at, at + 1), Message::text("this x"))
            .secondary(span(0, text.len() - 1), Message::text("in this line"));
        let out = human_string(&m, &[d], Lang::En);
        assert!(out.contains("t.jx:1:3001"), "{out}");
        assert!(out.contains("│ …职") && out.contains("职xaaa"), "{out}");
        assert!(
            out.contains("this x") && out.contains("in this line"),
            "{out}"
        );
    }

    #[test]
    fn windows_survive_odd_labels() {
        let long = "职".repeat(2000);
        let text = format!("{long}\n{long}\nshort\n{long}");
        let m = sources(&text);
        let n = text.len();
        let cases = [
            span(0, n),         // the whole file
            span(n, n),         // the very end
            span(3, 3),         // empty, inside a long line
            span(6000, 12_010), // across two long lines
            span(12_002, 12_008),
        ];
        for s in cases {
            let d = Diagnostic::new(Code::S001, Message::text("x"))
                .primary(s, Message::text("p"))
                .secondary(span(1, 4), Message::text("s"));
            let out = human_string(&m, &[d], Lang::En);
            assert!(out.len() < 5_000, "{s:?}: {} bytes", out.len());
        }
    }

    #[test]
    fn labels_and_diagnostics_per_line_are_capped() {
        let text = "a ".repeat(100);
        let m = sources(&text);
        let mut d = Diagnostic::new(Code::S001, Message::text("many"))
            .primary(span(0, 1), Message::text("first"));
        for i in 1..100 {
            d = d.secondary(span(2 * i, 2 * i + 1), Message::text(""));
        }
        let out = human_string(&m, &[d], Lang::En);
        assert!(out.contains("88 more locations are not shown"), "{out}");
        let flood: Vec<Diagnostic> = (0..50)
            .map(|i| {
                Diagnostic::new(Code::S001, Message::text("one"))
                    .primary(span(2 * i, 2 * i + 1), Message::text(""))
            })
            .collect();
        let out = human_string(&m, &flood, Lang::En);
        assert_eq!(out.matches("error[S001]").count(), MAX_PER_LINE);
        assert!(
            out.contains("40 more findings on line 1 of t.jx are not shown"),
            "{out}"
        );
    }
}

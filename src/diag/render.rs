//! Renderers: the human form (codespan-reporting, carets under CJK text
//! placed by display width), one line per finding (`--short`) and the
//! JSON-lines form. Each renders the messages in the language it is given;
//! codes, severities in JSON and `--short`, and positions do not change
//! with the language.

use std::io::Write;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};
use codespan_reporting::term::{self};
use serde_json::{json, Value};

use super::{Diagnostic, Severity};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::source::SourceMap;

fn to_codespan(
    d: &Diagnostic,
    sources: &SourceMap,
    lang: Lang,
) -> cs::Diagnostic<crate::source::FileId> {
    let base = match d.severity {
        Severity::Error => cs::Diagnostic::error(),
        Severity::Warning => cs::Diagnostic::warning(),
    };
    let labels = d
        .labels
        .iter()
        .map(|l| {
            let f = sources.get(l.span.file);
            // Clamp to char boundaries: codespan panics inside a Han character.
            let start = f.floor_char_boundary(l.span.start);
            let end = f.floor_char_boundary(l.span.end.max(start));
            let style = if l.primary {
                cs::LabelStyle::Primary
            } else {
                cs::LabelStyle::Secondary
            };
            cs::Label::new(style, l.span.file, start..end).with_message(l.message.render(lang))
        })
        .collect();
    let mut notes: Vec<String> = d.notes.iter().map(|n| n.render(lang)).collect();
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

/// Render in the human form to a terminal (colour decided by the writer).
pub fn emit_human(
    out: &mut dyn WriteColor,
    sources: &SourceMap,
    diags: &[Diagnostic],
    lang: Lang,
) -> std::io::Result<()> {
    let config = term::Config::default();
    for d in diags {
        let mut w = Localized {
            inner: &mut *out,
            word: (lang != Lang::En).then(|| (d.severity.as_str(), d.severity.word().render(lang))),
        };
        term::emit(&mut w, &config, sources, &to_codespan(d, sources, lang)).map_err(
            |e| match e {
                codespan_reporting::files::Error::Io(io) => io,
                other => std::io::Error::other(other.to_string()),
            },
        )?;
    }
    Ok(())
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
    (f.name.clone(), f.line_col(span.start), f.line_col(span.end))
}

/// One line per finding, `file:line:col: severity[CODE] message`, as
/// editors' problem matchers and Vim's `errorformat` read it: the severity
/// stays `error` or `warning` in every language, the message is in `lang`.
/// A grouped finding names its first place.
pub fn short_lines(sources: &SourceMap, diags: &[Diagnostic], lang: Lang) -> String {
    let mut s = String::new();
    for d in diags {
        let (file, (line, column), _) = d
            .primary_span()
            .map(|sp| position(sources, sp))
            .unwrap_or_else(|| (String::new(), (0, 0), (0, 0)));
        let message = one_line(&d.message, lang);
        if file.is_empty() {
            s.push_str(&format!("{}[{}] {message}\n", d.severity.as_str(), d.code));
        } else {
            s.push_str(&format!(
                "{file}:{line}:{column}: {}[{}] {message}\n",
                d.severity.as_str(),
                d.code
            ));
        }
    }
    s
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
    let mut s = String::new();
    for d in diags {
        s.push_str(&to_json(d, sources, lang).to_string());
        s.push('\n');
    }
    s
}

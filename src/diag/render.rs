//! Renderers: the human form (codespan-reporting, carets under CJK text
//! placed by display width) and the JSON-lines form.

use codespan_reporting::diagnostic as cs;
use codespan_reporting::term::{self, termcolor::WriteColor};
use serde_json::{json, Value};

use super::{Diagnostic, Severity};
use crate::source::SourceMap;

fn to_codespan(d: &Diagnostic, sources: &SourceMap) -> cs::Diagnostic<crate::source::FileId> {
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
            cs::Label::new(style, l.span.file, start..end).with_message(l.message.clone())
        })
        .collect();
    let mut notes: Vec<String> = d.notes.clone();
    notes.extend(d.help.iter().map(|h| format!("help: {h}")));
    base.with_code(d.code.as_str())
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

/// Render in the human form to a terminal (colour decided by the writer).
pub fn emit_human(
    out: &mut dyn WriteColor,
    sources: &SourceMap,
    diags: &[Diagnostic],
) -> std::io::Result<()> {
    let config = term::Config::default();
    for d in diags {
        term::emit(out, &config, sources, &to_codespan(d, sources)).map_err(|e| match e {
            codespan_reporting::files::Error::Io(io) => io,
            other => std::io::Error::other(other.to_string()),
        })?;
    }
    Ok(())
}

/// Render in the human form without colour, into a string (for tests).
pub fn human_string(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    let mut buf = term::termcolor::NoColor::new(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = emit_human(&mut buf, sources, diags);
    String::from_utf8_lossy(&buf.into_inner()).into_owned()
}

fn position(
    sources: &SourceMap,
    span: crate::ast::Span,
) -> (String, (usize, usize), (usize, usize)) {
    let f = sources.get(span.file);
    (f.name.clone(), f.line_col(span.start), f.line_col(span.end))
}

/// One diagnostic as a JSON object: code, severity, message, the primary
/// location (1-based lines, columns in characters), labels, notes, help.
pub fn to_json(d: &Diagnostic, sources: &SourceMap) -> Value {
    let labels: Vec<Value> = d
        .labels
        .iter()
        .map(|l| {
            let (file, (line, column), (end_line, end_column)) = position(sources, l.span);
            json!({
                "file": file, "line": line, "column": column,
                "end_line": end_line, "end_column": end_column,
                "message": l.message, "primary": l.primary,
            })
        })
        .collect();
    let primary = d.primary_span().map(|s| position(sources, s));
    let (file, (line, column), (end_line, end_column)) =
        primary.unwrap_or_else(|| (String::new(), (0, 0), (0, 0)));
    json!({
        "code": d.code.as_str(),
        "severity": d.severity.as_str(),
        "message": d.message,
        "file": file,
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "labels": labels,
        "notes": d.notes,
        "help": d.help,
    })
}

/// JSON lines: one object per diagnostic.
pub fn json_lines(sources: &SourceMap, diags: &[Diagnostic]) -> String {
    let mut s = String::new();
    for d in diags {
        s.push_str(&to_json(d, sources).to_string());
        s.push('\n');
    }
    s
}

//! Findings as the protocol's diagnostics: the primary label gives the
//! range, the other labels become related information, notes and help
//! follow the message, and the code links to its explanation.

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Url,
};

use super::position::LineIndex;
use crate::diag::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::msg;
use crate::project::Project;
use crate::source::FileId;

/// The `source` of every diagnostic the server publishes.
pub const SOURCE: &str = "jixiao";

/// Where the explanation of `code` is: the anchor of its section in
/// `docs/diagnostics.md` under `base`.
pub fn code_url(base: &Url, code: &str) -> Url {
    let mut url = base.clone();
    url.set_fragment(Some(&code.to_ascii_lowercase()));
    url
}

/// The default documentation of the codes: `docs/diagnostics.md` of the
/// source tree the server was built from, when it is still there.
pub fn default_docs_url() -> Option<Url> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/diagnostics.md");
    if path.is_file() {
        Url::from_file_path(path).ok()
    } else {
        None
    }
}

/// The text shown for a finding, in `lang`: its message, then its notes
/// and help.
pub fn message(d: &Diagnostic, lang: Lang) -> String {
    let mut s = d.message.render(lang);
    for n in &d.notes {
        s.push('\n');
        s.push_str(&msg!("note-line", text = n.clone()).render(lang));
    }
    for h in &d.help {
        s.push('\n');
        s.push_str(&msg!("help-line", text = h.clone()).render(lang));
    }
    s
}

/// `d` as a protocol diagnostic. `locate` gives the URI and line index of a
/// file of the project (None for a file without a path, whose labels are
/// left out).
pub fn to_lsp(
    d: &Diagnostic,
    project: &Project,
    locate: &mut dyn FnMut(FileId) -> Option<(Url, LineIndex)>,
    docs: Option<&Url>,
    lang: Lang,
) -> lsp_types::Diagnostic {
    let primary = d.labels.iter().find(|l| l.primary);
    let range = primary
        .and_then(|l| locate(l.span.file).map(|(_, index)| index.range(l.span)))
        .unwrap_or_default();
    let mut related = Vec::new();
    for l in &d.labels {
        let Some((uri, index)) = locate(l.span.file) else {
            continue;
        };
        if l.primary && l.message.is_empty() {
            continue;
        }
        let message = if l.message.is_empty() {
            // A bare secondary label marks what the finding compares with.
            let text = &project.sources.get(l.span.file).text;
            let quoted = text.get(l.span.start()..l.span.end()).unwrap_or("");
            format!("`{quoted}`")
        } else {
            l.message.render(lang)
        };
        related.push(DiagnosticRelatedInformation {
            location: Location::new(uri, index.range(l.span)),
            message,
        });
    }
    lsp_types::Diagnostic {
        range,
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Note => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code.as_str().to_string())),
        code_description: docs.map(|base| CodeDescription {
            href: code_url(base, d.code.as_str()),
        }),
        source: Some(SOURCE.to_string()),
        message: message(d, lang),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

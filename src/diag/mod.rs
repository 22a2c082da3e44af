//! Diagnostics: one type for every finding, a registry of codes
//! ([`codes`]), level resolution ([`levels`]) and renderers ([`render`]).
//!
//! A check never prints: it returns `Diagnostic`s. Severity comes from the
//! code's level (its default, then the document's `allow`/`warn`/`deny`
//! statements, then the command line).

pub mod codes;
pub mod group;
pub mod levels;
pub mod render;

pub use codes::Code;

use crate::ast::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: String,
    pub primary: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub labels: Vec<Label>,
    /// Facts that explain the finding (the arithmetic, the rule applied).
    pub notes: Vec<String>,
    /// What to do about it.
    pub help: Vec<String>,
    /// What a finding of a grouping code has in common with others that
    /// repeat the same choice across a document (see [`group`]); `None`
    /// means its message. Read only when the code's registry entry says it
    /// groups.
    pub group: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at the default level of its code.
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        let severity = match code.info().level {
            crate::ast::Level::Warn => Severity::Warning,
            _ => Severity::Error,
        };
        Diagnostic {
            code,
            severity,
            message: message.into(),
            labels: Vec::new(),
            notes: Vec::new(),
            help: Vec::new(),
            group: None,
        }
    }

    /// Say what this finding shares with the others that repeat one choice
    /// (`indicators state no value`): findings of a grouping code with the
    /// same key in one document become one finding (see [`group`]).
    pub fn grouped(mut self, key: impl Into<String>) -> Self {
        self.group = Some(key.into());
        self
    }

    pub fn primary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: true,
        });
        self
    }

    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: message.into(),
            primary: false,
        });
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help.push(help.into());
        self
    }

    /// The primary label's span, if any.
    pub fn primary_span(&self) -> Option<Span> {
        self.labels.iter().find(|l| l.primary).map(|l| l.span)
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Whether this finding keeps its document from being built: an error
    /// whose code the registry marks as blocking output.
    pub fn blocks_output(&self) -> bool {
        self.is_error() && self.code.info().blocks_output
    }
}

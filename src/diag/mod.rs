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
pub mod summary;

pub use codes::Code;

use crate::ast::Span;
use crate::i18n::{push_tight, Message};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Information the user should know, not a problem (the framework
    /// an import inferred).
    Note,
    Warning,
    Error,
}

impl Severity {
    /// `error` or `warning`: the stable spelling of JSON output and of
    /// `--short` lines (problem matchers read it).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }

    /// The word a reader sees: `error`, `错误` ….
    pub fn word(self) -> Message {
        match self {
            Severity::Error => Message::new("severity-error"),
            Severity::Warning => Message::new("severity-warning"),
            Severity::Note => Message::new("severity-note"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Message,
    pub primary: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// What was found, as a message of the catalogues: rendered in the
    /// language of the run by the renderers ([`crate::i18n`]).
    pub message: Message,
    pub labels: Vec<Label>,
    /// Facts that explain the finding (the arithmetic, the rule applied).
    pub notes: Vec<Message>,
    /// What to do about it.
    pub help: Vec<Message>,
    /// What a finding of a grouping code has in common with others that
    /// repeat the same choice across a document (see [`group`]); `None`
    /// means its message. Read only when the code's registry entry says it
    /// groups.
    pub group: Option<Message>,
    /// The documents whose checks made it (indexes of
    /// [`crate::project::Project::groups`]), in order; empty for what
    /// loading and parsing found, which belongs to every document that
    /// holds the file. A file two documents include is checked by both,
    /// and each document's outputs list what its own checks found.
    pub made_in: Vec<u32>,
    /// How many findings that repeat its choice in its file were merged
    /// into this one before the run's grouping (a lean check merges them
    /// as each file is checked, [`crate::check::stream`]): their places
    /// are its further primary labels. Always 0 once findings are grouped
    /// ([`group`]).
    pub(crate) absorbed: u32,
}

impl Diagnostic {
    /// A diagnostic at the default level of its code.
    pub fn new(code: Code, message: impl Into<Message>) -> Self {
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
            made_in: Vec::new(),
            absorbed: 0,
        }
    }

    /// Whether `other` says the same as this finding, whichever documents
    /// made each.
    pub fn same_finding(&self, other: &Diagnostic) -> bool {
        // Every field named, so that a field added later is compared (or
        // left out) on purpose.
        let Diagnostic {
            code,
            severity,
            message,
            labels,
            notes,
            help,
            group,
            made_in: _,
            absorbed,
        } = self;
        *code == other.code
            && *absorbed == other.absorbed
            && *severity == other.severity
            && *message == other.message
            && *labels == other.labels
            && *notes == other.notes
            && *help == other.help
            && *group == other.group
    }

    /// Add the documents that made `other` to those that made this one.
    pub(crate) fn also_made_in(&mut self, other: Vec<u32>) {
        self.made_in.extend(other);
        self.made_in.sort_unstable();
        self.made_in.dedup();
    }

    /// A finding that informs rather than warns.
    pub fn as_note(mut self) -> Self {
        self.severity = Severity::Note;
        self
    }

    /// Say what this finding shares with the others that repeat one choice
    /// (`indicators state no value`): findings of a grouping code with the
    /// same key in one document become one finding (see [`group`]).
    pub fn grouped(mut self, key: impl Into<Message>) -> Self {
        self.group = Some(key.into());
        self
    }

    pub fn primary(mut self, span: Span, message: impl Into<Message>) -> Self {
        push_tight(
            &mut self.labels,
            Label {
                span,
                message: message.into(),
                primary: true,
            },
        );
        self
    }

    pub fn secondary(mut self, span: Span, message: impl Into<Message>) -> Self {
        push_tight(
            &mut self.labels,
            Label {
                span,
                message: message.into(),
                primary: false,
            },
        );
        self
    }

    pub fn note(mut self, note: impl Into<Message>) -> Self {
        push_tight(&mut self.notes, note.into());
        self
    }

    pub fn help(mut self, help: impl Into<Message>) -> Self {
        push_tight(&mut self.help, help.into());
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

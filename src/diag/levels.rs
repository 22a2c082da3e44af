//! Level resolution: a code's default level, then the document's level
//! statements, then the command line (`-A`, `-W`, `-D`), later ones winning.
//! `warnings` stands for every code whose level is `warn` at that point,
//! so `-D warnings` turns all warnings into errors, as in rustc.

use super::{codes, Diagnostic, Severity};
use crate::ast::Level;

/// One level setting: a code (or `warnings`) and the level to give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelSetting {
    pub code: String,
    pub level: Level,
}

impl LevelSetting {
    pub fn new(code: impl Into<String>, level: Level) -> Self {
        LevelSetting {
            code: code.into(),
            level,
        }
    }
}

/// The level of `code` after applying `settings` in order.
pub fn resolve(code: &str, settings: &[LevelSetting]) -> Level {
    let Some(info) = codes::lookup(code) else {
        return Level::Deny;
    };
    if !info.adjustable {
        return info.level;
    }
    let mut level = info.level;
    for s in settings {
        if s.code.eq_ignore_ascii_case(code) || (s.code == "warnings" && level == Level::Warn) {
            level = s.level;
        }
    }
    level
}

/// Give one diagnostic its severity; `None` when it is allowed.
pub fn apply(mut d: Diagnostic, settings: &[LevelSetting]) -> Option<Diagnostic> {
    d.severity = match resolve(d.code.as_str(), settings) {
        Level::Allow => return None,
        Level::Warn => Severity::Warning,
        Level::Deny => Severity::Error,
    };
    Some(d)
}

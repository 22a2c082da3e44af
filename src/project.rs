//! Loading a run's inputs: files and directories from the command line,
//! the files they `include` (glob patterns, relative to the including
//! file), each read and parsed once.
//!
//! Inputs are grouped into *documents*: a root file (one that no other
//! loaded file includes) together with everything it includes. Header
//! statements (year, money, precision, scheme, title) and level statements
//! apply to a whole document, whichever of its files states them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::ast::{self, Header, Span, Spanned};
use crate::diag::levels::LevelSetting;
use crate::diag::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, SourceMap};
use crate::syntax::{limits, parse_document};

/// One input of a run.
#[derive(Clone, Debug)]
pub enum Input {
    /// A file, or a directory searched for `.jx` files.
    Path(PathBuf),
    /// Text read from standard input.
    Text { name: String, text: String },
}

/// A failure that is not a finding about a document: a command-line path
/// that cannot be read. The CLI exits with status 2 on it.
#[derive(Debug)]
pub struct LoadError {
    pub path: PathBuf,
    pub error: std::io::Error,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot read `{}`: {}", self.path.display(), self.error)
    }
}

impl std::error::Error for LoadError {}

/// A root file and the files it includes, with their merged header.
#[derive(Debug)]
pub struct Group {
    pub root: FileId,
    /// The root first, then included files in the order they are included.
    pub files: Vec<FileId>,
    pub header: Header,
    pub levels: Vec<LevelSetting>,
}

#[derive(Debug, Default)]
pub struct Project {
    pub sources: SourceMap,
    /// Parsed documents, indexed by `FileId`.
    pub documents: Vec<ast::Document>,
    pub groups: Vec<Group>,
    /// Diagnostics found while loading and parsing.
    pub diagnostics: Vec<Diagnostic>,
}

impl Project {
    pub fn document(&self, id: FileId) -> &ast::Document {
        &self.documents[id.0 as usize]
    }

    /// Every unit of a document, depth first (a unit, then the units
    /// written inside it), in the order written.
    pub fn units(&self, group: &Group) -> Vec<&ast::Unit> {
        fn push<'a>(u: &'a ast::Unit, out: &mut Vec<&'a ast::Unit>) {
            out.push(u);
            for c in &u.children {
                push(c, out);
            }
        }
        let mut out = Vec::new();
        for f in &group.files {
            for u in &self.document(*f).units {
                push(u, &mut out);
            }
        }
        out
    }
}

/// The members of a rollup unit (系统), in the order written: the units
/// written inside it and those naming it (or its code) as `parent`. `all`
/// is every unit of the document, as [`Project::units`] gives them.
pub fn rollup_members<'a>(rollup: &ast::Unit, all: &[&'a ast::Unit]) -> Vec<&'a ast::Unit> {
    let names_it = |m: &ast::Unit| {
        m.parent.as_ref().is_some_and(|p| {
            p.node == rollup.name.node || rollup.code.as_ref().is_some_and(|c| c.node == p.node)
        })
    };
    all.iter()
        .copied()
        .filter(|m| rollup.children.iter().any(|c| std::ptr::eq(c, *m)) || names_it(m))
        .collect()
}

struct Loader {
    project: Project,
    includes: HashMap<FileId, Vec<FileId>>,
    /// Whether S011 was reported for the number of files.
    too_many_files: bool,
}

/// Load and parse every input and what it includes.
pub fn load(inputs: &[Input]) -> Result<Project, LoadError> {
    let mut loader = Loader {
        project: Project::default(),
        includes: HashMap::new(),
        too_many_files: false,
    };
    let mut candidates: Vec<FileId> = Vec::new();
    for input in inputs {
        match input {
            Input::Text { name, text } => {
                let id = loader.add(SourceFile::new(name.clone(), None, text.clone()));
                candidates.push(id);
            }
            Input::Path(path) => {
                let meta = std::fs::metadata(path).map_err(|error| LoadError {
                    path: path.clone(),
                    error,
                })?;
                let mut files = Vec::new();
                if meta.is_dir() {
                    collect_jx(path, &mut files).map_err(|error| LoadError {
                        path: path.clone(),
                        error,
                    })?;
                } else {
                    files.push(path.clone());
                }
                for f in files {
                    let bytes = std::fs::read(&f).map_err(|error| LoadError {
                        path: f.clone(),
                        error,
                    })?;
                    if let Some(id) = loader.load_bytes(&f, bytes) {
                        candidates.push(id);
                    }
                }
            }
        }
    }
    // Follow includes breadth-first; each file is parsed once.
    let mut i = 0;
    while i < loader.project.documents.len() {
        let id = FileId(i as u32);
        loader.follow_includes(id);
        i += 1;
    }
    let included: HashSet<FileId> = loader.includes.values().flatten().copied().collect();
    let mut seen_roots = HashSet::new();
    for id in candidates {
        if included.contains(&id) || !seen_roots.insert(id) {
            continue;
        }
        let group = loader.group(id);
        loader.project.groups.push(group);
    }
    Ok(loader.project)
}

fn collect_jx(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect_jx(&p, out)?;
        } else if p.extension().is_some_and(|e| e == "jx") {
            out.push(p);
        }
    }
    Ok(())
}

impl Loader {
    fn add(&mut self, mut file: SourceFile) -> FileId {
        let size = file.text.len();
        if size > limits::MAX_FILE_BYTES {
            // Kept as an empty file: the diagnostic has a name to show.
            file = SourceFile::new(file.name, file.path, String::new());
            let id = self.project.sources.add(file);
            self.project.documents.push(ast::Document {
                file: id,
                ..Default::default()
            });
            self.project.diagnostics.push(
                Diagnostic::new(
                    Code::S011,
                    format!(
                        "`{}` is {size} bytes, more than a file may have ({} MiB): it was not read",
                        self.project.sources.get(id).name,
                        limits::MAX_FILE_BYTES >> 20
                    ),
                )
                .primary(
                    Span {
                        file: id,
                        start: 0,
                        end: 0,
                    },
                    "this file",
                ),
            );
            return id;
        }
        let id = self.project.sources.add(file);
        let (doc, diags) = parse_document(id, &self.project.sources.get(id).text);
        self.project.documents.push(doc);
        self.project.diagnostics.extend(diags);
        id
    }

    /// Load a file from bytes, unless already loaded. Invalid UTF-8 gives
    /// an S008 diagnostic and an empty document.
    fn load_bytes(&mut self, path: &Path, bytes: Vec<u8>) -> Option<FileId> {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if let Some(id) = self.project.sources.find_path(&canonical) {
            return Some(id);
        }
        let name = path.display().to_string();
        if self.project.sources.len() >= limits::MAX_FILES {
            if !self.too_many_files {
                self.too_many_files = true;
                self.project.diagnostics.push(
                    Diagnostic::new(
                        Code::S011,
                        format!(
                            "more than {} files to read: `{name}` and the files after it were not read",
                            limits::MAX_FILES
                        ),
                    )
                    .help("check the paths and `include` patterns of this run"),
                );
            }
            return None;
        }
        match crate::encoding::decode(bytes) {
            Ok(text) => Some(self.add(SourceFile::new(name, Some(canonical), text))),
            Err(e) => {
                let id = self.add(SourceFile::new(
                    name.clone(),
                    Some(canonical),
                    String::new(),
                ));
                self.project.diagnostics.push(
                    Diagnostic::new(Code::S008, e.message(&name))
                        .primary(
                            Span {
                                file: id,
                                start: 0,
                                end: 0,
                            },
                            e.label(),
                        )
                        .help(e.help(&name)),
                );
                Some(id)
            }
        }
    }

    fn follow_includes(&mut self, id: FileId) {
        let includes: Vec<Spanned<String>> = self.project.documents[id.0 as usize].includes.clone();
        if includes.is_empty() {
            return;
        }
        // Resolve against the including file's name as given (relative to
        // where jixiao runs), so that messages show the paths the user wrote
        // and never an absolute path of this machine.
        let base = Path::new(&self.project.sources.get(id).name)
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let mut targets = Vec::new();
        for inc in includes {
            let pattern = base.join(&inc.node);
            let pattern_str = pattern.to_string_lossy().into_owned();
            let is_glob = inc.node.contains(['*', '?', '[']);
            let mut paths: Vec<PathBuf> = if is_glob {
                match glob::glob(&pattern_str) {
                    Ok(paths) => paths
                        .filter_map(Result::ok)
                        .filter(|p| p.is_file())
                        .collect(),
                    Err(e) => {
                        self.project.diagnostics.push(
                            Diagnostic::new(
                                Code::S007,
                                format!("`{}` is not a valid pattern", inc.node),
                            )
                            .primary(inc.span, e.msg),
                        );
                        continue;
                    }
                }
            } else {
                vec![pattern.clone()]
            };
            paths.sort();
            if paths.is_empty() {
                self.project.diagnostics.push(
                    Diagnostic::new(Code::S007, format!("`{}` matches no file", inc.node))
                        .primary(inc.span, "nothing to include")
                        .note(format!("looked for {pattern_str}")),
                );
                continue;
            }
            for p in paths {
                match std::fs::read(&p) {
                    Ok(bytes) => {
                        if let Some(t) = self.load_bytes(&p, bytes) {
                            if t != id {
                                targets.push(t);
                            }
                        }
                    }
                    Err(e) => self.project.diagnostics.push(
                        Diagnostic::new(Code::S007, format!("cannot read `{}`", p.display()))
                            .primary(inc.span, e.to_string()),
                    ),
                }
            }
        }
        self.includes.entry(id).or_default().extend(targets);
    }

    /// The root and everything it includes, depth-first, each file once
    /// (include cycles are cut).
    fn group(&mut self, root: FileId) -> Group {
        let mut files = Vec::new();
        let mut seen = HashSet::new();
        let mut stack = vec![root];
        while let Some(f) = stack.pop() {
            if !seen.insert(f) {
                continue;
            }
            files.push(f);
            if let Some(children) = self.includes.get(&f) {
                for c in children.iter().rev() {
                    stack.push(*c);
                }
            }
        }
        let mut header = Header::default();
        let mut levels = Vec::new();
        for f in &files {
            let doc = &self.project.documents[f.0 as usize];
            let h = doc.header.clone();
            merge(
                &mut header.year,
                h.year,
                "year",
                &mut self.project.diagnostics,
            );
            merge(
                &mut header.money,
                h.money,
                "money",
                &mut self.project.diagnostics,
            );
            merge(
                &mut header.precision,
                h.precision,
                "precision",
                &mut self.project.diagnostics,
            );
            merge(
                &mut header.scheme,
                h.scheme,
                "scheme",
                &mut self.project.diagnostics,
            );
            merge(
                &mut header.title,
                h.title,
                "title",
                &mut self.project.diagnostics,
            );
            for l in &doc.levels {
                for c in &l.codes {
                    levels.push(LevelSetting::new(c.node.clone(), l.level));
                }
            }
        }
        Group {
            root,
            files,
            header,
            levels,
        }
    }
}

fn merge<T: PartialEq + Clone + std::fmt::Debug>(
    slot: &mut Option<Spanned<T>>,
    value: Option<Spanned<T>>,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(value) = value else { return };
    match slot {
        None => *slot = Some(value),
        Some(prev) if prev.node != value.node && prev.span != value.span => diags.push(
            Diagnostic::new(
                Code::S005,
                format!("`{what}` differs between files of one document"),
            )
            .primary(value.span, format!("{what} {:?} here", value.node))
            .secondary(prev.span, format!("{what} {:?} here", prev.node)),
        ),
        Some(_) => {}
    }
}

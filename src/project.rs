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
use crate::syntax::{cst, lower, parse_document, reparse::reparse};
use crate::world::{Disk, World};

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

struct Loader<'w> {
    world: &'w dyn World,
    project: Project,
    includes: HashMap<FileId, Vec<FileId>>,
    reuse: Option<&'w mut Reuse<'w>>,
}

/// A project loaded again and again: an editor loads its project after
/// every change. Loading again parses only the files whose text changed,
/// and of those only the innermost block (a unit, a project, a budget, a
/// tier…) around the change ([`crate::syntax::reparse`]); an unchanged
/// file's document is moved from the previous load, not parsed nor copied.
/// The city corpus takes about 60 ms to parse whole, and a change in one of
/// its units a millisecond.
///
/// A file's document is reused when the file is loaded under the same path,
/// with the same text and at the same [`FileId`] as before (spans hold the
/// id, so a document cannot move to another id; its tree can). Loading
/// forgets the files the new load does not reach. Keep one per root: a
/// file loaded by two projects may stand at a different id in each.
#[derive(Debug, Default)]
pub struct Reloader {
    files: HashMap<PathBuf, CachedFile>,
    project: Project,
    parsed: usize,
}

#[derive(Debug)]
struct CachedFile {
    id: FileId,
    text: String,
    tree: cst::Parse,
    diagnostics: Vec<Diagnostic>,
    /// Whether the current load reached this file.
    used: bool,
}

impl Reloader {
    pub fn new() -> Self {
        Self::default()
    }

    /// Load `inputs` through `world`, as [`load_with`] does, reusing what
    /// the previous load parsed. On an error (an input that cannot be
    /// read) the project is empty until a load succeeds.
    pub fn load(&mut self, world: &dyn World, inputs: &[Input]) -> Result<&Project, LoadError> {
        self.parsed = 0;
        for f in self.files.values_mut() {
            f.used = false;
        }
        let previous = std::mem::take(&mut self.project);
        let mut reuse = Reuse {
            files: &mut self.files,
            previous: previous.documents,
            parsed: &mut self.parsed,
        };
        match load_inner(world, inputs, Some(&mut reuse)) {
            Ok(project) => {
                self.files.retain(|_, f| f.used);
                self.project = project;
                Ok(&self.project)
            }
            Err(e) => {
                // The previous documents were partly moved out: forget them
                // all, so that the next load parses every file.
                self.files.clear();
                Err(e)
            }
        }
    }

    /// The project of the last load (empty if it failed).
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// The lossless tree of the file at `path` (as [`World::resolve`]
    /// gives it) and the text it was parsed from (without a BOM), as the
    /// last load read it.
    pub fn tree(&self, path: &Path) -> Option<(&str, &cst::Parse)> {
        self.files.get(path).map(|f| (f.text.as_str(), &f.tree))
    }

    /// How many files the last load parsed (wholly or in part) rather than
    /// took as they were.
    pub fn parsed_last(&self) -> usize {
        self.parsed
    }
}

/// What a load may take from the previous one.
struct Reuse<'a> {
    files: &'a mut HashMap<PathBuf, CachedFile>,
    previous: Vec<ast::Document>,
    parsed: &'a mut usize,
}

impl Reuse<'_> {
    /// The document and syntax diagnostics of the file `id`, loaded from
    /// `path` with `text`: the previous load's when nothing changed, else
    /// lowered from its tree, parsed again where the text changed.
    fn document(
        &mut self,
        id: FileId,
        path: &Path,
        text: &str,
    ) -> (ast::Document, Vec<Diagnostic>) {
        if let Some(c) = self.files.get_mut(path) {
            if c.text == text && !c.used {
                c.used = true;
                let previous = self
                    .previous
                    .get_mut(c.id.0 as usize)
                    .filter(|_| c.id == id)
                    .map(std::mem::take);
                if let Some(doc) = previous {
                    return (doc, c.diagnostics.clone());
                }
                // The file moved to another id: its tree still holds.
                let (doc, diags) = lower(id, text, &c.tree);
                c.id = id;
                c.diagnostics = diags.clone();
                return (doc, diags);
            }
        }
        *self.parsed += 1;
        let tree = match self.files.get(path) {
            Some(c) if !c.used => reparse(&c.tree, &c.text, text),
            _ => cst::parse(text),
        };
        let (doc, diags) = lower(id, text, &tree);
        self.files.insert(
            path.to_path_buf(),
            CachedFile {
                id,
                text: text.to_string(),
                tree,
                diagnostics: diags.clone(),
                used: true,
            },
        );
        (doc, diags)
    }
}

/// Load and parse every input and what it includes, from the disk.
pub fn load(inputs: &[Input]) -> Result<Project, LoadError> {
    load_with(&Disk, inputs)
}

/// Load and parse every input and what it includes, reading files only
/// through `world` (an [`crate::world::Overlay`] puts an editor's unsaved
/// buffers before the disk).
pub fn load_with(world: &dyn World, inputs: &[Input]) -> Result<Project, LoadError> {
    load_inner(world, inputs, None)
}

fn load_inner<'w>(
    world: &'w dyn World,
    inputs: &[Input],
    reuse: Option<&'w mut Reuse<'w>>,
) -> Result<Project, LoadError> {
    let mut loader = Loader {
        world,
        project: Project::default(),
        includes: HashMap::new(),
        reuse,
    };
    let mut candidates: Vec<FileId> = Vec::new();
    for input in inputs {
        match input {
            Input::Text { name, text } => {
                let id = loader.add(SourceFile::new(name.clone(), None, text.clone()));
                candidates.push(id);
            }
            Input::Path(path) => {
                let files = world.input_files(path).map_err(|error| LoadError {
                    path: path.clone(),
                    error,
                })?;
                for f in files {
                    let bytes = world.read(&f).map_err(|error| LoadError {
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

impl Loader<'_> {
    fn add(&mut self, file: SourceFile) -> FileId {
        let id = self.project.sources.add(file);
        let file = self.project.sources.get(id);
        let (doc, diags) = match (&mut self.reuse, &file.path) {
            (Some(reuse), Some(path)) => reuse.document(id, path, &file.text),
            _ => parse_document(id, &file.text),
        };
        self.project.documents.push(doc);
        self.project.diagnostics.extend(diags);
        id
    }

    /// Load a file from bytes, unless already loaded. Invalid UTF-8 gives
    /// an S008 diagnostic and an empty document.
    fn load_bytes(&mut self, path: &Path, bytes: Vec<u8>) -> Option<FileId> {
        let canonical = self.world.resolve(path);
        if let Some(id) = self.project.sources.find_path(&canonical) {
            return Some(id);
        }
        let name = path.display().to_string();
        match String::from_utf8(bytes) {
            Ok(text) => Some(self.add(SourceFile::new(name, Some(canonical), text))),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let id = self.add(SourceFile::new(
                    name.clone(),
                    Some(canonical),
                    String::new(),
                ));
                self.project.diagnostics.push(
                    Diagnostic::new(Code::S008, format!("`{name}` is not UTF-8 text"))
                        .primary(
                            Span {
                                file: id,
                                start: 0,
                                end: 0,
                            },
                            format!("invalid byte at offset {valid}"),
                        )
                        .help("convert it, e.g. `iconv -f GBK -t UTF-8`"),
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
        let from = PathBuf::from(&self.project.sources.get(id).name);
        let mut targets = Vec::new();
        for inc in includes {
            let paths = match self.world.include(&from, &inc.node) {
                Ok(paths) => paths,
                Err(e) => {
                    self.project.diagnostics.push(
                        Diagnostic::new(
                            Code::S007,
                            format!("`{}` is not a valid pattern", inc.node),
                        )
                        .primary(inc.span, e.message),
                    );
                    continue;
                }
            };
            if paths.is_empty() {
                let looked_for = from.parent().unwrap_or(Path::new("")).join(&inc.node);
                self.project.diagnostics.push(
                    Diagnostic::new(Code::S007, format!("`{}` matches no file", inc.node))
                        .primary(inc.span, "nothing to include")
                        .note(format!("looked for {}", looked_for.display())),
                );
                continue;
            }
            for p in paths {
                match self.world.read(&p) {
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

//! Loading a run's inputs: files and directories from the command line,
//! the files they `include` (glob patterns, relative to the including
//! file), each read and parsed once.
//!
//! Inputs are grouped into *documents*: a root file (one that no other
//! loaded file includes) together with everything it includes. Header
//! statements (year, money, precision, scheme, title) and level statements
//! apply to a whole document, whichever of its files states them.
//!
//! What is read is confined: only regular files (S022), and, besides the
//! files named on the command line, only files inside the project root
//! (S021): the directory of the file named, the directory named, or the
//! one [`LoadOptions::root`] gives. A file outside it is never opened, so
//! its content cannot appear in a message. Include cycles are reported
//! (S020), and a file caught in one still forms a document.
//!
//! A document's units are resolved across its files ([`units`]): each is
//! declared once (R030), other files add parts to it with `continued
//! unit` (R031 when it names no unit), a `parent` names one of them
//! (R032), and a document that cannot run some rules for want of a header
//! statement says so (S031).

use crate::i18n::Message;
use crate::msg;
use crate::syntax::keywords;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;

use crate::ast::{self, Header, Span, Spanned};
use crate::check::stream::{self, Chain, Early, EarlySlots};
use crate::diag::levels::LevelSetting;
use crate::diag::{Code, Diagnostic};
use crate::encoding::NotUtf8;
use crate::source::{FileId, SourceFile, SourceMap};
use crate::syntax::{cst, limits, lower, parse_document, reparse::reparse};
use crate::world::{not_a_file, Disk, NotAFile, World};

pub(crate) mod units;

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

impl LoadError {
    /// What went wrong, as a message of the catalogues.
    pub fn message(&self) -> Message {
        let path = self.path.display().to_string();
        match not_a_file(&self.error) {
            Some(what) => msg!("load-not-a-file", path = path, what = file_kind(what)),
            None => msg!(
                "load-cannot-read",
                path = path,
                error = self.error.to_string()
            ),
        }
    }
}

/// What a path is instead of a regular file (`a directory`, `a FIFO` …),
/// as a message of the catalogues.
pub fn file_kind(what: &NotAFile) -> Message {
    match what.what {
        "a directory" => msg!("file-kind-directory"),
        "a FIFO (named pipe)" => msg!("file-kind-fifo"),
        "a character device" => msg!("file-kind-character-device"),
        "a block device" => msg!("file-kind-block-device"),
        "a socket" => msg!("file-kind-socket"),
        "not a file" => msg!("file-kind-not-a-file"),
        // The kernel's own file systems (/proc, /sys) and anything new.
        other => Message::text(other),
    }
}

/// A root file and the files it includes, with their merged header.
#[derive(Debug)]
pub struct Group {
    pub root: FileId,
    /// The root first, then included files in the order they are included.
    pub files: Vec<FileId>,
    pub header: Header,
    pub levels: Vec<LevelSetting>,
    /// The units that other files continue (`continued unit`), each merged
    /// with its continuations, by the span of its declaration.
    pub merged: HashMap<Span, ast::Unit>,
}

impl Group {
    /// A unit of the document as resolved: with the parts its
    /// continuations give it.
    pub fn unit<'a>(&'a self, declared: &'a ast::Unit) -> &'a ast::Unit {
        self.merged.get(&declared.span).unwrap_or(declared)
    }
}

#[derive(Debug, Default)]
pub struct Project {
    pub sources: SourceMap,
    /// Parsed documents, indexed by `FileId`.
    pub documents: Vec<ast::Document>,
    pub groups: Vec<Group>,
    /// Diagnostics found while loading and parsing.
    pub diagnostics: Vec<Diagnostic>,
    /// Loaded lean ([`LoadOptions::lean`]): each file's tree is its
    /// skeleton, and its units' own findings are in `early`.
    pub(crate) lean: bool,
    /// A lean load's findings on each file's units, by `FileId`, with the
    /// context they were found in ([`crate::check::stream`]).
    pub(crate) early: EarlySlots,
}

impl Project {
    pub fn document(&self, id: FileId) -> &ast::Document {
        &self.documents[id.0 as usize]
    }
}

/// How inputs are loaded.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    /// The project root: files included, and files found in a directory,
    /// must be inside it. Without it, each input has its own: the
    /// directory of a file, a directory itself, the working directory for
    /// standard input.
    pub root: Option<PathBuf>,
    /// Check each file's units as soon as it is lowered and keep only its
    /// skeleton ([`crate::check::stream`]), so that a run never holds every
    /// file's tree: for `check`, which needs the findings and not the
    /// tables. [`crate::check::run`] on such a project finds what it finds
    /// on a full load; the backends and the editor need the full one.
    pub lean: bool,
}

/// A file parsed: its document, what parsing found, and for a lean load
/// what its units' own rules found.
type Parsed = (ast::Document, Vec<Diagnostic>, Option<Early>);

/// The directory a file's includes must stay inside.
#[derive(Clone, Debug)]
struct Root {
    /// As the user gave it, for messages.
    shown: PathBuf,
    /// Its identity ([`World::resolve`]), for comparisons.
    real: PathBuf,
}

struct Loader<'w> {
    world: &'w dyn World,
    project: Project,
    /// Each file's includes, with the span of the `include` that names it.
    includes: HashMap<FileId, Vec<(FileId, Span)>>,
    /// The root each loaded file is confined to (that of the input that
    /// first reached it).
    roots: HashMap<FileId, Root>,
    /// What this load may take from the previous one (an editor's
    /// [`Reloader`]).
    reuse: Option<&'w mut Reuse<'w>>,
    /// Whether S011 was reported for the number of files.
    too_many_files: bool,
    /// Files added and not parsed yet, with the place in the project's
    /// diagnostics where theirs go: parsed together, in parallel, before
    /// any of their documents is read ([`Loader::parse_pending`]).
    pending: Vec<(FileId, usize)>,
    /// For a lean load, the header and schemes of the files that led to
    /// each file reached by an include (the first that reached it).
    chains: HashMap<FileId, Arc<Chain>>,
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
        match load_inner(world, inputs, &LoadOptions::default(), Some(&mut reuse)) {
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
    load_with_options(world, inputs, &LoadOptions::default())
}

/// [`load_with`], with options.
pub fn load_with_options(
    world: &dyn World,
    inputs: &[Input],
    options: &LoadOptions,
) -> Result<Project, LoadError> {
    load_inner(world, inputs, options, None)
}

fn load_inner<'w>(
    world: &'w dyn World,
    inputs: &[Input],
    options: &LoadOptions,
    reuse: Option<&'w mut Reuse<'w>>,
) -> Result<Project, LoadError> {
    let mut loader = Loader {
        world,
        project: Project::default(),
        includes: HashMap::new(),
        roots: HashMap::new(),
        reuse,
        too_many_files: false,
        pending: Vec::new(),
        chains: HashMap::new(),
    };
    // An editor's reload keeps whole trees to reuse.
    loader.project.lean = options.lean && loader.reuse.is_none();
    let root_of = |dir: &Path| {
        let shown = options.root.clone().unwrap_or_else(|| {
            if dir.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                dir.to_path_buf()
            }
        });
        Root {
            real: world.resolve(&shown),
            shown,
        }
    };
    let mut candidates: Vec<FileId> = Vec::new();
    for input in inputs {
        match input {
            Input::Text { name, text } => {
                let id = loader.add(SourceFile::new(name.clone(), None, text.clone()));
                loader.roots.insert(id, root_of(Path::new(".")));
                candidates.push(id);
            }
            Input::Path(path) => {
                let load_error = |error| LoadError {
                    path: path.clone(),
                    error,
                };
                let is_dir = world.is_dir(path).map_err(load_error)?;
                let (files, root) = if is_dir {
                    (world.jx_files(path).map_err(load_error)?, root_of(path))
                } else {
                    let dir = path.parent().unwrap_or(Path::new(""));
                    (vec![path.clone()], root_of(dir))
                };
                // A file named on the command line is read wherever it
                // is; one found in a directory (through a link) only inside
                // the root.
                let inside = is_dir.then_some(root.real.as_path());
                for batch in files.chunks(FETCH_BATCH) {
                    let fetched = fetch_batch(world, batch, inside, &loader.project.sources);
                    for (f, (real, fetched)) in batch.iter().zip(fetched) {
                        let id = match fetched {
                            Fetched::Loaded(id) => id,
                            Fetched::Outside => {
                                let id = loader.add_unread(f);
                                loader.project.diagnostics.push(outside_root(
                                    start_of(id),
                                    msg!("s021-leads-outside", path = f.display().to_string()),
                                    msg!("s021-link-not-read"),
                                    &root,
                                ));
                                continue;
                            }
                            Fetched::Read(text) => match loader.load_decoded(f, real, text) {
                                Some(id) => id,
                                None => continue,
                            },
                            Fetched::Unreadable(error) => match not_a_file(&error) {
                                Some(what) => {
                                    let id = loader.add_unread(f);
                                    loader.project.diagnostics.push(refused(
                                        start_of(id),
                                        f,
                                        what,
                                        None,
                                    ));
                                    continue;
                                }
                                None => {
                                    return Err(LoadError {
                                        path: f.clone(),
                                        error,
                                    })
                                }
                            },
                        };
                        loader.roots.entry(id).or_insert_with(|| root.clone());
                        candidates.push(id);
                    }
                }
            }
        }
    }
    // Follow includes breadth-first; each file is parsed once.
    let mut i = 0;
    while i < loader.project.documents.len() {
        loader.parse_pending();
        let id = FileId(i as u32);
        loader.follow_includes(id);
        i += 1;
    }
    loader.parse_pending();
    let included: HashSet<FileId> = loader
        .includes
        .values()
        .flatten()
        .map(|(f, _)| *f)
        .collect();
    // A set beside the list: checking a directory of thousands of files
    // gives thousands of roots.
    let mut chosen: HashSet<FileId> = HashSet::new();
    let mut roots: Vec<FileId> = Vec::new();
    for id in &candidates {
        if !included.contains(id) && chosen.insert(*id) {
            roots.push(*id);
        }
    }
    let mut visited = HashMap::new();
    for root in &roots {
        loader.find_cycles(*root, &mut visited);
    }
    // A file reached from no root is caught in an include cycle: it is
    // the root of its document, so that it is checked all the same.
    for id in &candidates {
        if !visited.contains_key(id) {
            roots.push(*id);
            loader.find_cycles(*id, &mut visited);
        }
    }
    for id in roots {
        let group = loader.group(id);
        loader.project.groups.push(group);
    }
    Ok(loader.project)
}

/// The start of a file (where a diagnostic about the file as a whole
/// points).
fn start_of(file: FileId) -> Span {
    Span::at(file, 0)
}

/// S021 at `span`.
fn outside_root(span: Span, message: Message, label: Message, root: &Root) -> Diagnostic {
    Diagnostic::new(Code::S021, message)
        .primary(span, label)
        .note(msg!(
            "s021-root-is",
            root = root.shown.display().to_string()
        ))
        .help(msg!("s021-help"))
}

/// S022 at `span`: `path` is not a regular file. `written` is the
/// `include` that named it, if one did.
fn refused(span: Span, path: &Path, what: &NotAFile, written: Option<&str>) -> Diagnostic {
    let d = Diagnostic::new(
        Code::S022,
        msg!(
            "s022-not-a-regular-file",
            path = path.display().to_string(),
            what = file_kind(what)
        ),
    )
    .primary(span, msg!("s022-not-read"));
    match written {
        Some(dir) if what.what == "a directory" => {
            d.help(msg!("s022-help-directory", dir = dir.trim_end_matches('/')))
        }
        _ => d.help(msg!("s022-help")),
    }
}

/// The leading components of `path` up to its first glob pattern: the
/// directory a pattern's matches are all below.
fn literal_prefix(path: &Path) -> PathBuf {
    path.components()
        .take_while(|c| !c.as_os_str().to_string_lossy().contains(['*', '?', '[']))
        .collect()
}

/// A file as [`fetch_batch`] found it.
enum Fetched {
    /// Already loaded (through another path or pattern): not read again.
    Loaded(FileId),
    /// Resolves outside the root: not read.
    Outside,
    /// Read: the text, or why it is not UTF-8.
    Read(Result<String, NotUtf8>),
    Unreadable(std::io::Error),
}

/// Files fetched together, at most this many at a time, so that a pattern
/// matching thousands of files does not hold them all in memory at once.
const FETCH_BATCH: usize = 256;

/// Resolve, read and decode `paths` (one batch) in parallel, each path's
/// identity with what was found, in their order. A path that resolves
/// outside `inside` (when given) is not read, nor is a file already loaded:
/// a project whose every file includes `*.jx` would otherwise read each
/// file once per file. Reading and decoding was a serial tenth of a
/// `check` of many files.
fn fetch_batch(
    world: &dyn World,
    paths: &[PathBuf],
    inside: Option<&Path>,
    loaded: &SourceMap,
) -> Vec<(PathBuf, Fetched)> {
    paths
        .par_iter()
        .map(|p| {
            let real = world.resolve(p);
            let fetched = if !inside.is_none_or(|root| real.starts_with(root)) {
                Fetched::Outside
            } else if let Some(id) = loaded.find_path(&real) {
                Fetched::Loaded(id)
            } else {
                match world.read(p) {
                    Ok(bytes) => Fetched::Read(crate::encoding::decode(bytes)),
                    Err(e) => Fetched::Unreadable(e),
                }
            };
            (real, fetched)
        })
        .collect()
}

impl Loader<'_> {
    fn add(&mut self, mut file: SourceFile) -> FileId {
        if file.text.len() > limits::MAX_FILE_BYTES {
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
                    msg!(
                        "s011-file-too-large",
                        name = self.project.sources.get(id).name.as_str(),
                        limit = limits::MAX_FILE_BYTES >> 20
                    ),
                )
                .primary(Span::at(id, 0), msg!("s011-this-file")),
            );
            return id;
        }
        let id = self.project.sources.add(file);
        let file = self.project.sources.get(id);
        match (&mut self.reuse, &file.path) {
            (Some(reuse), Some(path)) => {
                let (doc, diags) = reuse.document(id, path, &file.text);
                self.project.documents.push(doc);
                self.project.diagnostics.extend(diags);
            }
            _ => {
                self.project.documents.push(ast::Document::default());
                self.pending.push((id, self.project.diagnostics.len()));
            }
        }
        id
    }

    /// Parse and lower the files added since the last call, in parallel
    /// (files are independent until their includes are followed), and put
    /// each one's document and diagnostics where a parse in order would
    /// have put them: the result does not depend on the thread count.
    fn parse_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let pending = std::mem::take(&mut self.pending);
        let parsed = if self.project.lean {
            self.parse_lean(&pending)
        } else {
            let sources = &self.project.sources;
            pending
                .par_iter()
                .map(|&(id, _)| {
                    let (doc, diags) = parse_document(id, &sources.get(id).text);
                    (doc, diags, None)
                })
                .collect()
        };
        let earlier = std::mem::take(&mut self.project.diagnostics);
        let mut merged = Vec::with_capacity(earlier.len());
        let mut parsed = pending.into_iter().zip(parsed).peekable();
        let early = &mut self.project.early;
        early.resize_with(self.project.documents.len(), || Mutex::new(None));
        let mut place = |id: FileId, doc, found| {
            self.project.documents[id.0 as usize] = doc;
            early[id.0 as usize] = Mutex::new(found);
        };
        for (i, d) in earlier.into_iter().enumerate() {
            while let Some(((id, _), (doc, diags, found))) = parsed.next_if(|((_, at), _)| *at <= i)
            {
                place(id, doc, found);
                merged.extend(diags);
            }
            merged.push(d);
        }
        for ((id, _), (doc, diags, found)) in parsed {
            place(id, doc, found);
            merged.extend(diags);
        }
        self.project.diagnostics = merged;
    }

    /// Parse `pending` for a lean load: each file's units checked with the
    /// context its chain of includes suggests, then its tree cut to the
    /// skeleton. The files that may include others go first, and the
    /// files they include (already loaded, as when a directory is
    /// checked) take their chain from them.
    fn parse_lean(&mut self, pending: &[(FileId, usize)]) -> Vec<Parsed> {
        let sources = &self.project.sources;
        let first: Vec<bool> = pending
            .par_iter()
            .map(|&(id, _)| stream::may_include(&sources.get(id).text))
            .collect();
        // Lowered in parallel, each file with the chain it has so far.
        fn lower_all(
            which: Vec<usize>,
            pending: &[(FileId, usize)],
            sources: &SourceMap,
            chains: &HashMap<FileId, Arc<Chain>>,
        ) -> Vec<(usize, Parsed)> {
            let empty = Chain::default();
            which
                .into_par_iter()
                .map(|i| {
                    let id = pending[i].0;
                    let (mut doc, diags) = parse_document(id, &sources.get(id).text);
                    let chain = chains.get(&id).map_or(&empty, |c| c);
                    let early = stream::check_file(chain, &doc, sources);
                    units::strip(&mut doc);
                    (i, (doc, diags, Some(early)))
                })
                .collect()
        }
        let mut out: Vec<Option<Parsed>> = (0..pending.len()).map(|_| None).collect();
        let includers = (0..pending.len()).filter(|i| first[*i]).collect();
        for (i, parsed) in lower_all(includers, pending, sources, &self.chains) {
            self.suggest_chains(pending[i].0, &parsed.0);
            out[i] = Some(parsed);
        }
        let sources = &self.project.sources;
        // The largest files first: the parse of a large file (its pest
        // tokens weigh several times its text) then overlaps with little
        // else held, not with every other file's findings.
        let mut rest: Vec<usize> = (0..pending.len()).filter(|i| !first[*i]).collect();
        rest.sort_by_key(|i| std::cmp::Reverse(sources.get(pending[*i].0).text.len()));
        for (i, parsed) in lower_all(rest, pending, sources, &self.chains) {
            out[i] = Some(parsed);
        }
        out.into_iter().flatten().collect()
    }

    /// The chain of `doc` (file `id`) for each loaded file it includes
    /// that has none yet. Only a suggestion: includes are followed, and
    /// reported on, by [`Loader::follow_includes`].
    fn suggest_chains(&mut self, id: FileId, doc: &ast::Document) {
        if doc.includes.is_empty() {
            return;
        }
        let next = Arc::new(self.chain_after(id, doc));
        let from = PathBuf::from(&self.project.sources.get(id).name);
        for inc in &doc.includes {
            let Ok(paths) = self.world.include(&from, &inc.node) else {
                continue;
            };
            for p in paths {
                let real = self.world.resolve(&p);
                if let Some(t) = self.project.sources.find_path(&real) {
                    if t != id {
                        self.chains.entry(t).or_insert_with(|| next.clone());
                    }
                }
            }
        }
    }

    /// The chain of the files including `id`, followed by `doc` (its
    /// document).
    fn chain_after(&self, id: FileId, doc: &ast::Document) -> Chain {
        self.chains
            .get(&id)
            .map_or_else(Chain::default, |c| (**c).clone())
            .then(doc)
    }

    /// A file not read (refused): an empty document, so that a diagnostic
    /// can name it.
    fn add_unread(&mut self, path: &Path) -> FileId {
        self.add(SourceFile::new(
            path.display().to_string(),
            None,
            String::new(),
        ))
    }

    /// Load a file read and decoded by [`fetch_batch`], unless already
    /// loaded (as `canonical`: two paths of one batch may name one file).
    /// Text that is not UTF-8 gives an S008 diagnostic and an empty
    /// document.
    fn load_decoded(
        &mut self,
        path: &Path,
        canonical: PathBuf,
        text: Result<String, NotUtf8>,
    ) -> Option<FileId> {
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
                        msg!(
                            "s011-too-many-files",
                            limit = limits::MAX_FILES,
                            name = name.as_str()
                        ),
                    )
                    .help(msg!("s011-too-many-files-help")),
                );
            }
            return None;
        }
        match text {
            Ok(text) => Some(self.add(SourceFile::new(name, Some(canonical), text))),
            Err(e) => {
                let id = self.add(SourceFile::new(
                    name.clone(),
                    Some(canonical),
                    String::new(),
                ));
                self.project.diagnostics.push(
                    Diagnostic::new(Code::S008, e.message(&name))
                        .primary(Span::at(id, 0), e.label())
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
        let root = match self.roots.get(&id) {
            Some(r) => r.clone(),
            None => {
                let shown = PathBuf::from(".");
                Root {
                    real: self.world.resolve(&shown),
                    shown,
                }
            }
        };
        // Resolve against the including file's name as given (relative to
        // where jixiao runs), so that messages show the paths the user wrote
        // and never an absolute path of this machine.
        let from = PathBuf::from(&self.project.sources.get(id).name);
        let from_real = self.world.resolve(&from);
        let mut targets = Vec::new();
        for inc in includes {
            let written = from.parent().unwrap_or(Path::new("")).join(&inc.node);
            let pattern = inc.node.contains(['*', '?', '[']);
            // Checked before a pattern is expanded: nothing outside the
            // root is listed, let alone read.
            if !self
                .world
                .resolve(&literal_prefix(&written))
                .starts_with(&root.real)
            {
                self.project.diagnostics.push(outside_root(
                    inc.span,
                    msg!("s021-is-outside", include = inc.node.as_str()),
                    msg!("s021-not-read"),
                    &root,
                ));
                continue;
            }
            let paths = match self.world.include(&from, &inc.node) {
                Ok(paths) => paths,
                Err(e) => {
                    self.project.diagnostics.push(
                        Diagnostic::new(
                            Code::S007,
                            msg!("s007-invalid-pattern", include = inc.node.as_str()),
                        )
                        .primary(inc.span, Message::text(e.message)),
                    );
                    continue;
                }
            };
            if paths.is_empty() {
                self.project.diagnostics.push(
                    Diagnostic::new(
                        Code::S007,
                        msg!("s007-matches-no-file", include = inc.node.as_str()),
                    )
                    .primary(inc.span, msg!("s007-nothing-to-include"))
                    .note(msg!(
                        "s007-looked-for",
                        path = written.display().to_string()
                    )),
                );
                continue;
            }
            for batch in paths.chunks(FETCH_BATCH) {
                let fetched =
                    fetch_batch(self.world, batch, Some(&root.real), &self.project.sources);
                for (p, (real, fetched)) in batch.iter().zip(fetched) {
                    // A pattern matches the file it is written in; that
                    // file is not meant.
                    if pattern && real == from_real {
                        continue;
                    }
                    let decoded = match fetched {
                        Fetched::Loaded(t) => Some(t),
                        Fetched::Outside => {
                            self.project.diagnostics.push(outside_root(
                                inc.span,
                                msg!("s021-leads-outside", path = p.display().to_string()),
                                msg!("s021-link-not-read"),
                                &root,
                            ));
                            continue;
                        }
                        Fetched::Read(text) => self.load_decoded(p, real, text),
                        Fetched::Unreadable(e) => {
                            self.project.diagnostics.push(match not_a_file(&e) {
                                Some(what) => refused(inc.span, p, what, Some(&inc.node)),
                                None => Diagnostic::new(
                                    Code::S007,
                                    msg!("s007-cannot-read", path = p.display().to_string()),
                                )
                                .primary(inc.span, Message::text(e.to_string())),
                            });
                            continue;
                        }
                    };
                    if let Some(t) = decoded {
                        self.roots.entry(t).or_insert_with(|| root.clone());
                        targets.push((t, inc.span));
                    }
                }
            }
        }
        if self.project.lean && !targets.is_empty() {
            let next = Arc::new(self.chain_after(id, &self.project.documents[id.0 as usize]));
            for (t, _) in &targets {
                self.chains.entry(*t).or_insert_with(|| next.clone());
            }
        }
        self.includes.entry(id).or_default().extend(targets);
    }

    /// Report every include that closes a cycle (S020), walking depth
    /// first from `root` over the files not `visited` yet (false while a
    /// file is on the current path, true once done). Iterative: a chain of
    /// includes may be long.
    fn find_cycles(&mut self, root: FileId, visited: &mut HashMap<FileId, bool>) {
        if visited.contains_key(&root) {
            return;
        }
        visited.insert(root, false);
        let mut path: Vec<(FileId, usize)> = vec![(root, 0)];
        while let Some(&mut (file, ref mut next)) = path.last_mut() {
            let edge = self.includes.get(&file).and_then(|c| c.get(*next)).copied();
            *next += 1;
            let Some((target, span)) = edge else {
                visited.insert(file, true);
                path.pop();
                continue;
            };
            match visited.get(&target) {
                None => {
                    visited.insert(target, false);
                    path.push((target, 0));
                }
                Some(false) => {
                    let name = |f: FileId| self.project.sources.get(f).name.clone();
                    let at = path.iter().position(|(f, _)| *f == target).unwrap_or(0);
                    let cycle: Vec<String> = path[at..]
                        .iter()
                        .map(|(f, _)| name(*f))
                        .chain([name(target)])
                        .collect();
                    let message = if target == file {
                        msg!("s020-includes-itself", file = name(file))
                    } else {
                        msg!("s020-cycle", files = cycle.join("` → `"))
                    };
                    self.project.diagnostics.push(
                        Diagnostic::new(Code::S020, message)
                            .primary(span, msg!("s020-closes-the-cycle"))
                            .note(msg!("s020-cut-here", file = name(path[0].0)))
                            .help(msg!("s020-help")),
                    );
                }
                Some(true) => {}
            }
        }
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
                for (c, _) in children.iter().rev() {
                    stack.push(*c);
                }
            }
        }
        let mut header = Header::default();
        let mut levels = Vec::new();
        for f in &files {
            let doc = &self.project.documents[f.0 as usize];
            merge_header(&mut header, &doc.header, &mut self.project.diagnostics);
            for l in &doc.levels {
                for c in &l.codes {
                    levels.push(LevelSetting::new(c.node.clone(), l.level));
                }
            }
        }
        let merged = units::resolve(
            &self.project.documents,
            &files,
            &header,
            &mut self.project.diagnostics,
        );
        Group {
            root,
            files,
            header,
            levels,
            merged,
        }
    }
}

/// Add a file's header statements to a document's: each is taken from
/// the first file that makes it, and a later file that says otherwise is
/// reported (S005); `form` statements add up.
pub(crate) fn merge_header(header: &mut Header, stated: &Header, diags: &mut Vec<Diagnostic>) {
    merge(&mut header.year, stated.year.clone(), "year", diags);
    merge(&mut header.money, stated.money.clone(), "money", diags);
    merge(
        &mut header.precision,
        stated.precision.clone(),
        "precision",
        diags,
    );
    merge(&mut header.scheme, stated.scheme.clone(), "scheme", diags);
    merge(&mut header.title, stated.title.clone(), "title", diags);
    header.forms.extend(stated.forms.iter().cloned());
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
                msg!("s005-differs", what = keywords::arg_named(what, None)),
            )
            .primary(
                value.span,
                msg!(
                    "s005-here",
                    what = keywords::arg_named(what, None),
                    value = format!("{:?}", value.node)
                ),
            )
            .secondary(
                prev.span,
                msg!(
                    "s005-here",
                    what = keywords::arg_named(what, None),
                    value = format!("{:?}", prev.node)
                ),
            ),
        ),
        Some(_) => {}
    }
}

//! The server's state: the open buffers, the project (root) each belongs
//! to, and each project's last load and findings. No protocol I/O here:
//! the server loop ([`super`]) feeds it changes and asks for what to
//! publish, and the benchmark drives it directly.
//!
//! **Which project a file belongs to.** A file belongs to the project of
//! its root: the file that includes it, followed up as long as something
//! includes that one (a file that nothing includes is its own root). The
//! includer is looked for in the file's directory and then in each
//! directory above it, up to the workspace folder that holds the file (or,
//! outside any folder, up to a directory holding `.git`): each `.jx` file
//! directly in one of these directories (`main.jx` first) is asked whether
//! one of its `include` statements names the file. Only files whose text
//! mentions `include` or `包含` are parsed for this. The answer is kept
//! until the include statements of an open file change, or files are
//! created, deleted or saved.
//!
//! A file two open projects both include (a shared header) is checked in
//! each; the diagnostics published last for it are those of the project
//! checked last. A project no open file belongs to any more is dropped and
//! its diagnostics cleared.

use crate::i18n::Lang;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use lsp_types::Url;

use super::position::LineIndex;
use crate::check::{self, Options};
use crate::diag::Diagnostic;
use crate::project::{Input, Project, Reloader};
use crate::source::FileId;
use crate::world::{Disk, Overlay, World};

/// A buffer the editor has open.
#[derive(Debug)]
pub struct OpenDoc {
    pub uri: Url,
    pub version: i32,
    pub index: LineIndex,
}

/// A project: a root file and what it includes, loaded again after each
/// change.
#[derive(Debug)]
pub struct Root {
    pub path: PathBuf,
    reloader: Reloader,
    pub findings: Vec<Diagnostic>,
    /// Whether the last load failed (the root cannot be read).
    pub failed: Option<String>,
    dirty: bool,
    /// What was last published for each file (a file whose diagnostics
    /// did not change is not published again).
    published: HashMap<PathBuf, Vec<lsp_types::Diagnostic>>,
}

impl Root {
    pub fn project(&self) -> &Project {
        self.reloader.project()
    }

    /// The tree of a file of this project and the text it was read from
    /// (without a BOM).
    pub fn tree(&self, path: &Path) -> Option<(&str, crate::syntax::cst::SyntaxNode)> {
        self.reloader.tree(path).map(|(text, p)| (text, p.root()))
    }
}

/// Diagnostics to publish for one file.
#[derive(Debug)]
pub struct Publish {
    pub uri: Url,
    pub version: Option<i32>,
    pub diagnostics: Vec<lsp_types::Diagnostic>,
}

#[derive(Debug, Default)]
pub struct Workspace {
    world: Overlay<Disk>,
    docs: HashMap<PathBuf, OpenDoc>,
    roots: HashMap<PathBuf, Root>,
    root_of: HashMap<PathBuf, PathBuf>,
    folders: Vec<PathBuf>,
    /// The include statements of every open file, as last loaded: when
    /// they change, which file belongs to which root is found again.
    includes: HashMap<PathBuf, Vec<String>>,
    /// Where the documentation of the codes is (`codeDescription`).
    pub docs_url: Option<Url>,
    /// The language of the findings published (the client's `locale`, else
    /// the server's environment).
    pub lang: Lang,
    /// Diagnostics found while answering a request, to publish next.
    deferred: Vec<Publish>,
}

impl Workspace {
    pub fn new(folders: Vec<PathBuf>) -> Workspace {
        let world = Overlay::new(Disk);
        let folders = folders.iter().map(|f| world.resolve(f)).collect();
        Workspace {
            world,
            folders,
            ..Default::default()
        }
    }

    /// The identity of the file at `uri` (None for a URI that is not a
    /// file: such buffers are not checked).
    pub fn path_of(&self, uri: &Url) -> Option<PathBuf> {
        let path = uri.to_file_path().ok()?;
        Some(self.world.resolve(&path))
    }

    /// The URI to show a file under: the open buffer's, or the path's.
    pub fn uri_of(&self, path: &Path) -> Option<Url> {
        match self.docs.get(path) {
            Some(d) => Some(d.uri.clone()),
            None => Url::from_file_path(path).ok(),
        }
    }

    pub fn doc(&self, path: &Path) -> Option<&OpenDoc> {
        self.docs.get(path)
    }

    /// The line index of a file: the open buffer's, else the file's on
    /// disk.
    pub fn index_of(&self, path: &Path) -> Option<LineIndex> {
        if let Some(d) = self.docs.get(path) {
            return Some(d.index.clone());
        }
        let bytes = self.world.read(path).ok()?;
        Some(LineIndex::new(&String::from_utf8_lossy(&bytes)))
    }

    pub fn open(&mut self, uri: Url, version: i32, text: String) {
        let Some(path) = self.path_of(&uri) else {
            return;
        };
        self.world.set(&path, text.clone());
        self.docs.insert(
            path.clone(),
            OpenDoc {
                uri,
                version,
                index: LineIndex::new(&text),
            },
        );
        self.touch(&path);
        let root = self.root_for(&path);
        self.ensure_root(&root);
    }

    /// The buffer at `uri` now reads `text`.
    pub fn change(&mut self, uri: &Url, version: i32, text: String) {
        let Some(path) = self.path_of(uri) else {
            return;
        };
        self.world.set(&path, text.clone());
        if let Some(d) = self.docs.get_mut(&path) {
            d.version = version;
            d.index = LineIndex::new(&text);
        }
        self.touch(&path);
    }

    /// The text of an open buffer.
    pub fn text(&self, uri: &Url) -> Option<&str> {
        let path = self.path_of(uri)?;
        self.docs.get(&path).map(|d| d.index.text())
    }

    pub fn close(&mut self, uri: &Url) {
        let Some(path) = self.path_of(uri) else {
            return;
        };
        self.world.remove(&path);
        self.docs.remove(&path);
        self.includes.remove(&path);
        // The file reads from the disk again, which may differ.
        self.touch(&path);
        let cleared = self.drop_unused_roots();
        self.deferred.extend(cleared);
    }

    /// Forget the projects no open file belongs to any more; the empty
    /// diagnostics that clear what they published.
    fn drop_unused_roots(&mut self) -> Vec<Publish> {
        let live: HashSet<PathBuf> = self
            .docs
            .keys()
            .filter_map(|p| self.root_of.get(p).cloned())
            .collect();
        let dead: Vec<PathBuf> = self
            .roots
            .keys()
            .filter(|k| !live.contains(*k))
            .cloned()
            .collect();
        let mut out = Vec::new();
        for d in dead {
            if let Some(r) = self.roots.remove(&d) {
                for p in r.published.into_keys() {
                    if let Some(uri) = self.uri_of(&p) {
                        out.push(Publish {
                            uri,
                            version: None,
                            diagnostics: Vec::new(),
                        });
                    }
                }
            }
        }
        out
    }

    /// Files were created, deleted or saved: includes may match other
    /// files, roots may have changed.
    pub fn files_changed(&mut self) {
        self.root_of.clear();
        for r in self.roots.values_mut() {
            r.dirty = true;
        }
        let open: Vec<PathBuf> = self.docs.keys().cloned().collect();
        for p in open {
            let root = self.root_for(&p);
            self.ensure_root(&root);
        }
    }

    /// Mark every project holding `path` as changed.
    fn touch(&mut self, path: &Path) {
        for r in self.roots.values_mut() {
            if r.path == path || r.project().sources.find_path(path).is_some() {
                r.dirty = true;
            }
        }
    }

    fn ensure_root(&mut self, root: &Path) {
        self.roots
            .entry(root.to_path_buf())
            .or_insert_with(|| Root {
                path: root.to_path_buf(),
                reloader: Reloader::new(),
                findings: Vec::new(),
                failed: None,
                dirty: true,
                published: HashMap::new(),
            });
    }

    /// Whether some project waits to be checked again (or its
    /// diagnostics to be published).
    pub fn is_dirty(&self) -> bool {
        !self.deferred.is_empty() || self.roots.values().any(|r| r.dirty)
    }

    /// Publish these with what the next [`Workspace::refresh`] finds.
    pub fn defer(&mut self, publish: Vec<Publish>) {
        self.deferred.extend(publish);
    }

    /// The project that an open (or loaded) file belongs to, checked.
    pub fn root_of_file(&self, path: &Path) -> Option<&Root> {
        let root = self.root_of.get(path)?;
        self.roots.get(root)
    }

    /// Every project, for a file that several may hold.
    pub fn roots(&self) -> impl Iterator<Item = &Root> {
        self.roots.values()
    }

    /// Load and check every changed project; what to publish.
    pub fn refresh(&mut self) -> Vec<Publish> {
        let mut out = std::mem::take(&mut self.deferred);
        // Loading may show that include statements changed, which may
        // change which root a file belongs to: then find the roots again
        // and load what changed (twice at most: roots are found from the
        // buffers, which do not change meanwhile).
        for _ in 0..2 {
            let dirty: Vec<PathBuf> = self
                .roots
                .iter()
                .filter(|(_, r)| r.dirty)
                .map(|(p, _)| p.clone())
                .collect();
            for root in dirty {
                self.check_root(&root, &mut out);
            }
            if !self.includes_changed() {
                break;
            }
            self.root_of.clear();
            let open: Vec<PathBuf> = self.docs.keys().cloned().collect();
            for p in open {
                let root = self.root_for(&p);
                self.ensure_root(&root);
            }
            // Projects no open file belongs to any more: clear what they
            // published.
            out.extend(self.drop_unused_roots());
        }
        out
    }

    /// Whether the include statements of an open file differ from when
    /// roots were last found; remembers the new ones.
    fn includes_changed(&mut self) -> bool {
        let mut changed = false;
        let open: Vec<PathBuf> = self.docs.keys().cloned().collect();
        for p in open {
            let now: Vec<String> = self
                .root_of
                .get(&p)
                .and_then(|r| self.roots.get(r))
                .and_then(|r| {
                    let id = r.project().sources.find_path(&p)?;
                    Some(
                        r.project()
                            .document(id)
                            .includes
                            .iter()
                            .map(|i| i.node.clone())
                            .collect(),
                    )
                })
                .unwrap_or_default();
            match self.includes.get(&p) {
                Some(before) if *before == now => {}
                None if now.is_empty() => {
                    self.includes.insert(p, now);
                }
                _ => {
                    self.includes.insert(p, now);
                    changed = true;
                }
            }
        }
        changed
    }

    fn check_root(&mut self, root: &Path, out: &mut Vec<Publish>) {
        let Some(r) = self.roots.get_mut(root) else {
            return;
        };
        r.dirty = false;
        match r
            .reloader
            .load(&self.world, &[Input::Path(root.to_path_buf())])
        {
            Ok(project) => {
                r.failed = None;
                r.findings = check::check(project, &Options::default());
            }
            Err(e) => {
                r.failed = Some(e.to_string());
                r.findings.clear();
            }
        }
        let before = std::mem::take(&mut r.published);
        let r = &self.roots[root];
        let project = r.project();
        let mut by_file: HashMap<FileId, Vec<&Diagnostic>> = HashMap::new();
        for d in &r.findings {
            let file = d.primary_span().map(|s| s.file).unwrap_or_default();
            by_file.entry(file).or_default().push(d);
        }
        let mut published = HashMap::new();
        let mut indexes: HashMap<FileId, LineIndex> = HashMap::new();
        for (id, file) in project.sources.files() {
            let Some(path) = &file.path else { continue };
            let Some(uri) = self.uri_of(path) else {
                continue;
            };
            let findings = by_file.get(&id).map_or(&[][..], |v| &v[..]);
            let mut diagnostics = Vec::with_capacity(findings.len());
            for d in findings {
                diagnostics.push(super::diagnostics::to_lsp(
                    d,
                    project,
                    &mut |file| self.index_for(project, file, &mut indexes),
                    self.docs_url.as_ref(),
                    self.lang,
                ));
            }
            if before.get(path) != Some(&diagnostics) {
                out.push(Publish {
                    uri,
                    version: self.docs.get(path).map(|d| d.version),
                    diagnostics: diagnostics.clone(),
                });
            }
            published.insert(path.clone(), diagnostics);
        }
        for gone in before.keys().filter(|p| !published.contains_key(*p)) {
            if let Some(uri) = self.uri_of(gone) {
                out.push(Publish {
                    uri,
                    version: None,
                    diagnostics: Vec::new(),
                });
            }
        }
        if let Some(r) = self.roots.get_mut(root) {
            r.published = published;
        }
    }

    /// The line index of a file of `project`, kept in `cache`.
    fn index_for(
        &self,
        project: &Project,
        file: FileId,
        cache: &mut HashMap<FileId, LineIndex>,
    ) -> Option<(Url, LineIndex)> {
        let path = project.sources.get(file).path.as_ref()?;
        let uri = self.uri_of(path)?;
        if let Some(i) = cache.get(&file) {
            return Some((uri, i.clone()));
        }
        let index = match self.docs.get(path) {
            Some(d) => d.index.clone(),
            // A closed file: the project read it from the disk; a BOM there
            // is the only difference from the project's text.
            None => {
                let text = &project.sources.get(file).text;
                let bom = self
                    .world
                    .read(path)
                    .is_ok_and(|b| b.starts_with("\u{feff}".as_bytes()));
                if bom {
                    LineIndex::new(&format!("\u{feff}{text}"))
                } else {
                    LineIndex::new(text)
                }
            }
        };
        cache.insert(file, index.clone());
        Some((uri, index))
    }

    /// The line index of a file of a project, with its URI.
    pub fn locate(&self, project: &Project, file: FileId) -> Option<(Url, LineIndex)> {
        self.index_for(project, file, &mut HashMap::new())
    }

    /// The root of `file` (itself when nothing includes it).
    fn root_for(&mut self, file: &Path) -> PathBuf {
        if let Some(r) = self.root_of.get(file) {
            return r.clone();
        }
        let mut current = file.to_path_buf();
        let mut seen = HashSet::from([current.clone()]);
        while let Some(up) = self.includer(&current) {
            if !seen.insert(up.clone()) {
                break;
            }
            current = up;
        }
        self.root_of.insert(file.to_path_buf(), current.clone());
        current
    }

    /// A file whose include statements name `file`.
    fn includer(&self, file: &Path) -> Option<PathBuf> {
        let folder = self
            .folders
            .iter()
            .filter(|f| file.starts_with(f))
            .max_by_key(|f| f.as_os_str().len());
        for dir in file.ancestors().skip(1) {
            let pattern = PathBuf::from(glob::Pattern::escape(&dir.to_string_lossy())).join("*.jx");
            let mut candidates = self.world.glob(&pattern).unwrap_or_default();
            candidates.sort_by_key(|p| p.file_name() != Some("main.jx".as_ref()));
            for c in candidates {
                let c = self.world.resolve(&c);
                if c != file && self.includes_of(&c).iter().any(|p| p == file) {
                    return Some(c);
                }
            }
            let at_top = match folder {
                Some(f) => dir == f.as_path(),
                None => self.world.is_dir(&dir.join(".git")).unwrap_or(false),
            };
            if at_top {
                break;
            }
        }
        None
    }

    /// The files the include statements of `file` name.
    fn includes_of(&self, file: &Path) -> Vec<PathBuf> {
        let Ok(bytes) = self.world.read(file) else {
            return Vec::new();
        };
        let text = String::from_utf8_lossy(&bytes);
        if !text.contains("include") && !text.contains("包含") {
            return Vec::new();
        }
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let (doc, _) = crate::syntax::parse_document(FileId(0), text);
        let mut out = Vec::new();
        for inc in &doc.includes {
            for p in self.world.include(file, &inc.node).unwrap_or_default() {
                out.push(self.world.resolve(&p));
            }
        }
        out
    }
}

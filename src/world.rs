//! File access. Loading reads files only through a [`World`], so the same
//! loader serves the command line ([`Disk`]) and an editor whose unsaved
//! buffers take precedence over the disk ([`Overlay`]). Writing goes
//! through [`write_atomic`] (or [`StagedFile`] for a set of files), so a
//! reader never sees a half-written file.

mod atomic;
mod overlay;

use std::collections::HashSet;
use std::io;
use std::path::{Component, Path, PathBuf};

pub use atomic::{write_atomic, StagedFile};
pub use overlay::Overlay;

/// Where loading reads files from.
///
/// Paths are as the user wrote them (relative to the working directory, or
/// absolute); implementations return paths in that same form, so that
/// messages show what the user wrote and never an absolute path of this
/// machine. Only [`World::resolve`] gives a file's identity.
pub trait World {
    /// The bytes of the file at `path`.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;

    /// Whether `path` is a directory; an error if it names nothing.
    fn is_dir(&self, path: &Path) -> io::Result<bool>;

    /// The identity of a file: every way of naming one file (relative,
    /// through `..` or a symbolic link) resolves to the same absolute path.
    fn resolve(&self, path: &Path) -> PathBuf;

    /// Every `.jx` file below the directory `dir`, at any depth, in path
    /// order.
    fn jx_files(&self, dir: &Path) -> io::Result<Vec<PathBuf>>;

    /// The files (not directories) a glob pattern matches, in path order.
    fn glob(&self, pattern: &Path) -> Result<Vec<PathBuf>, PatternError>;

    /// The files a command-line path stands for: the file itself, or every
    /// `.jx` file below a directory.
    fn input_files(&self, path: &Path) -> io::Result<Vec<PathBuf>> {
        if self.is_dir(path)? {
            self.jx_files(path)
        } else {
            Ok(vec![path.to_path_buf()])
        }
    }

    /// The files an `include` names: `include` is relative to the
    /// directory of the file `from`, and may be a glob pattern. A plain
    /// path is returned whether or not the file exists (reading it says
    /// why not); a pattern gives the files it matches.
    fn include(&self, from: &Path, include: &str) -> Result<Vec<PathBuf>, PatternError> {
        let path = from.parent().unwrap_or(Path::new("")).join(include);
        if include.contains(['*', '?', '[']) {
            self.glob(&path)
        } else {
            Ok(vec![path])
        }
    }
}

/// An invalid glob pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    /// Why it is invalid.
    pub message: String,
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PatternError {}

impl From<glob::PatternError> for PatternError {
    fn from(e: glob::PatternError) -> Self {
        PatternError {
            message: e.msg.to_string(),
        }
    }
}

/// The file system.
#[derive(Clone, Copy, Debug, Default)]
pub struct Disk;

impl World for Disk {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn is_dir(&self, path: &Path) -> io::Result<bool> {
        Ok(std::fs::metadata(path)?.is_dir())
    }

    fn resolve(&self, path: &Path) -> PathBuf {
        if let Ok(p) = std::fs::canonicalize(path) {
            return p;
        }
        // Not on disk (a buffer not saved yet): resolve the longest part
        // that exists, so the path still agrees with those of its siblings
        // on disk, and keep the rest as written.
        let absolute = match std::env::current_dir() {
            Ok(cwd) => cwd.join(path),
            Err(_) => path.to_path_buf(),
        };
        let normal = normalize(&absolute);
        let mut rest = Vec::new();
        let mut existing = normal.as_path();
        loop {
            if let Ok(mut p) = std::fs::canonicalize(existing) {
                p.extend(rest.iter().rev());
                return p;
            }
            match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    rest.push(name);
                    existing = parent;
                }
                _ => return normal,
            }
        }
    }

    fn jx_files(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        walk(dir, &mut HashSet::new(), &mut out)?;
        Ok(out)
    }

    fn glob(&self, pattern: &Path) -> Result<Vec<PathBuf>, PatternError> {
        let mut paths: Vec<PathBuf> = glob::glob(&pattern.to_string_lossy())?
            .filter_map(Result::ok)
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        Ok(paths)
    }
}

/// The directory walk behind [`Disk::jx_files`]: entries in name order,
/// depth first, so runs are reproducible whatever order the file system
/// lists them in.
fn walk(dir: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>) -> io::Result<()> {
    // Each directory is walked once, however many symbolic links lead to
    // it: a link to an ancestor would otherwise recurse without end.
    if let Ok(real) = std::fs::canonicalize(dir) {
        if !seen.insert(real) {
            return Ok(());
        }
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, seen, out)?;
        } else if is_jx(&p) {
            out.push(p);
        }
    }
    Ok(())
}

fn is_jx(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "jx")
}

/// `.` and `..` folded away without asking the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push(c);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory of this test (test runs may overlap).
    pub(super) fn scratch(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("jixiao-world-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    #[test]
    fn walk_is_sorted_and_keeps_only_jx_files() {
        let d = scratch("walk");
        for f in ["b.jx", "a/z.jx", "a/b/c.jx", "a.jx", "notes.txt", "c/d.JX"] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        let files = Disk.jx_files(&d).unwrap();
        let rel: Vec<_> = files.iter().map(|p| p.strip_prefix(&d).unwrap()).collect();
        assert_eq!(
            rel,
            [
                Path::new("a/b/c.jx"),
                Path::new("a/z.jx"),
                Path::new("a.jx"),
                Path::new("b.jx")
            ]
        );
        assert_eq!(Disk.input_files(&d.join("a.jx")).unwrap(), [d.join("a.jx")]);
        assert!(Disk.input_files(&d.join("missing")).is_err());
        let _ = std::fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn walk_survives_a_link_to_an_ancestor() {
        let d = scratch("loop");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("sub/a.jx"), "").unwrap();
        std::os::unix::fs::symlink(&d, d.join("sub/up")).unwrap();
        assert_eq!(Disk.jx_files(&d).unwrap(), [d.join("sub/a.jx")]);
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn resolve_names_one_file_one_way() {
        let d = scratch("resolve");
        std::fs::create_dir_all(d.join("sub")).unwrap();
        std::fs::write(d.join("a.jx"), "").unwrap();
        assert_eq!(
            Disk.resolve(&d.join("sub/../a.jx")),
            Disk.resolve(&d.join("a.jx"))
        );
        // A file not on disk agrees with its siblings that are.
        assert_eq!(
            Disk.resolve(&d.join("sub/./new.jx")),
            Disk.resolve(&d.join("sub")).join("new.jx")
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn include_is_relative_to_the_including_file() {
        let d = scratch("include");
        std::fs::create_dir_all(d.join("parts/deep")).unwrap();
        for f in ["parts/b.jx", "parts/a.jx", "parts/deep/c.jx", "parts/x.txt"] {
            std::fs::write(d.join(f), "").unwrap();
        }
        let main = d.join("main.jx");
        assert_eq!(
            Disk.include(&main, "parts/*.jx").unwrap(),
            [d.join("parts/a.jx"), d.join("parts/b.jx")]
        );
        assert_eq!(Disk.include(&main, "none.jx").unwrap(), [d.join("none.jx")]);
        assert!(Disk.include(&main, "parts/[.jx").is_err());
        let _ = std::fs::remove_dir_all(&d);
    }
}

//! Unsaved buffers over another world.

use std::collections::{BTreeMap, BTreeSet};
use std::io;
use std::path::{Component, Path, PathBuf};

use super::{is_jx, Disk, PatternError, World};

/// Texts that take precedence over the files of a base world (the disk by
/// default): what an editor holds in its unsaved buffers. A buffer may
/// stand for a file that does not exist on the base at all.
///
/// Buffers are keyed by [`World::resolve`], so any path naming the file
/// finds its buffer.
#[derive(Debug, Default)]
pub struct Overlay<W: World = Disk> {
    base: W,
    buffers: BTreeMap<PathBuf, String>,
}

impl<W: World> Overlay<W> {
    /// No buffers yet over `base`.
    pub fn new(base: W) -> Self {
        Overlay {
            base,
            buffers: BTreeMap::new(),
        }
    }

    /// Read `path` as `text` from now on, whatever the base holds.
    pub fn set(&mut self, path: impl AsRef<Path>, text: impl Into<String>) {
        let key = self.base.resolve(path.as_ref());
        self.buffers.insert(key, text.into());
    }

    /// Read `path` from the base again; returns the buffer it had.
    pub fn remove(&mut self, path: impl AsRef<Path>) -> Option<String> {
        let key = self.base.resolve(path.as_ref());
        self.buffers.remove(&key)
    }

    /// The buffers below the directory `dir`, each as `dir` joined with its
    /// path relative to `dir`.
    fn below<'a>(&'a self, dir: &'a Path) -> impl Iterator<Item = PathBuf> + 'a {
        let root = self.base.resolve(dir);
        self.buffers.keys().filter_map(move |key| {
            let rel = key.strip_prefix(&root).ok()?;
            (!rel.as_os_str().is_empty()).then(|| dir.join(rel))
        })
    }
}

impl<W: World> World for Overlay<W> {
    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        match self.buffers.get(&self.base.resolve(path)) {
            Some(text) => Ok(text.clone().into_bytes()),
            None => self.base.read(path),
        }
    }

    fn is_dir(&self, path: &Path) -> io::Result<bool> {
        if self.buffers.contains_key(&self.base.resolve(path)) {
            return Ok(false);
        }
        match self.base.is_dir(path) {
            Ok(is_dir) => Ok(is_dir),
            // A directory holding only unsaved buffers.
            Err(_) if self.below(path).next().is_some() => Ok(true),
            Err(e) => Err(e),
        }
    }

    fn resolve(&self, path: &Path) -> PathBuf {
        self.base.resolve(path)
    }

    fn jx_files(&self, dir: &Path) -> io::Result<Vec<PathBuf>> {
        let mut files: BTreeSet<PathBuf> = self.below(dir).filter(|p| is_jx(p)).collect();
        match self.base.jx_files(dir) {
            Ok(on_base) => files.extend(on_base),
            Err(_) if !files.is_empty() => {}
            Err(e) => return Err(e),
        }
        Ok(files.into_iter().collect())
    }

    fn glob(&self, pattern: &Path) -> Result<Vec<PathBuf>, PatternError> {
        let mut files: BTreeSet<PathBuf> = self.base.glob(pattern)?.into_iter().collect();
        // Match the buffers below the pattern's literal leading directories
        // against the rest of it, one path component per component, as a
        // walk of the directories would.
        let mut prefix = PathBuf::new();
        let mut rest = PathBuf::new();
        for c in pattern.components() {
            let literal = !c.as_os_str().to_string_lossy().contains(['*', '?', '[']);
            if rest.as_os_str().is_empty() && literal {
                prefix.push(c);
            } else {
                rest.push(c);
            }
        }
        let rest = glob::Pattern::new(&rest.to_string_lossy())?;
        let options = glob::MatchOptions {
            require_literal_separator: true,
            ..glob::MatchOptions::new()
        };
        files.extend(self.below(&prefix).filter(|p| {
            p.strip_prefix(&prefix).is_ok_and(|rel| {
                !rel.components().any(|c| matches!(c, Component::ParentDir))
                    && rest.matches_path_with(rel, options)
            })
        }));
        Ok(files.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::tests::scratch;

    #[test]
    fn a_buffer_takes_precedence_over_the_disk() {
        let d = scratch("overlay");
        std::fs::write(d.join("a.jx"), "disk").unwrap();
        let mut world = Overlay::new(Disk);
        assert_eq!(world.read(&d.join("a.jx")).unwrap(), b"disk");
        world.set(d.join("a.jx"), "buffer");
        assert_eq!(world.read(&d.join("./a.jx")).unwrap(), b"buffer");
        assert_eq!(world.remove(d.join("a.jx")).as_deref(), Some("buffer"));
        assert_eq!(world.read(&d.join("a.jx")).unwrap(), b"disk");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn buffers_not_on_disk_are_listed_and_matched() {
        let d = scratch("overlay-list");
        std::fs::create_dir_all(d.join("parts")).unwrap();
        std::fs::write(d.join("parts/a.jx"), "").unwrap();
        let mut world = Overlay::new(Disk);
        world.set(d.join("parts/b.jx"), "");
        world.set(d.join("parts/deep/c.jx"), "");
        world.set(d.join("new/d.jx"), "");
        world.set(d.join("parts/notes.txt"), "");
        assert_eq!(
            world.jx_files(&d).unwrap(),
            [
                d.join("new/d.jx"),
                d.join("parts/a.jx"),
                d.join("parts/b.jx"),
                d.join("parts/deep/c.jx"),
            ]
        );
        assert!(world.is_dir(&d.join("new")).unwrap());
        assert!(!world.is_dir(&d.join("new/d.jx")).unwrap());
        assert_eq!(
            world.jx_files(&d.join("new")).unwrap(),
            [d.join("new/d.jx")]
        );
        assert!(world.jx_files(&d.join("none")).is_err());
        assert_eq!(
            world.include(&d.join("main.jx"), "parts/*.jx").unwrap(),
            [d.join("parts/a.jx"), d.join("parts/b.jx")]
        );
        assert_eq!(
            world.include(&d.join("main.jx"), "parts/**/*.jx").unwrap(),
            [
                d.join("parts/a.jx"),
                d.join("parts/b.jx"),
                d.join("parts/deep/c.jx")
            ]
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn relative_paths_find_buffers_set_by_absolute_path() {
        let cwd = std::env::current_dir().unwrap();
        let mut world = Overlay::new(Disk);
        world.set(cwd.join("jixiao-unsaved/x.jx"), "text");
        assert_eq!(
            world.read(Path::new("jixiao-unsaved/x.jx")).unwrap(),
            b"text"
        );
        assert_eq!(
            world
                .include(Path::new("main.jx"), "jixiao-unsaved/*.jx")
                .unwrap(),
            [Path::new("jixiao-unsaved/x.jx")]
        );
    }
}

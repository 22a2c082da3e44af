//! File access. Loading reads files only through a [`World`], so the same
//! loader serves the command line ([`Disk`]) and an editor whose unsaved
//! buffers take precedence over the disk ([`Overlay`]). Writing goes
//! through [`write_atomic`] (or [`StagedFile`] for a set of files), so a
//! reader never sees a half-written file.

mod atomic;
mod outputs;
mod overlay;

use std::collections::HashSet;
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};

pub use atomic::{write_atomic, Content, StagedFile};
pub use outputs::{write_set, write_set_with, SetWritten};
pub use overlay::Overlay;

/// Where loading reads files from.
///
/// Paths are as the user wrote them (relative to the working directory, or
/// absolute); implementations return paths in that same form, so that
/// messages show what the user wrote and never an absolute path of this
/// machine. Only [`World::resolve`] gives a file's identity.
///
/// `Sync`: loading reads and decodes the files an `include` pattern or a
/// directory names in parallel.
pub trait World: Sync {
    /// The bytes of the file at `path`. Only a regular file is read: for
    /// anything else (a directory, a FIFO, a device, a file of `/proc`) the
    /// error carries a [`NotAFile`] (see [`not_a_file`]), and nothing is
    /// opened that could block.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;

    /// Whether `path` is a directory; an error if it names nothing.
    fn is_dir(&self, path: &Path) -> io::Result<bool>;

    /// The identity of a file: every way of naming one file (relative,
    /// through `..` or a symbolic link) resolves to the same absolute path.
    fn resolve(&self, path: &Path) -> PathBuf;

    /// Every `.jx` file below the directory `dir`, at any depth, in path
    /// order, without leaving `dir`: a symbolic link to a directory outside
    /// it is not followed, and each directory is walked once however many
    /// links lead to it. An entry named `.jx` is listed whatever it is (a
    /// FIFO, a link to a file elsewhere): reading it says what it is, and
    /// the caller decides whether it may be read.
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

/// Why a path that names something is not read: it is not a regular file.
/// Carried inside the [`io::Error`] that [`World::read`] returns; find it
/// with [`not_a_file`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAFile {
    /// What it is instead, with its article: "a directory", "a FIFO"…
    pub what: &'static str,
}

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, not a regular file", self.what)
    }
}

impl std::error::Error for NotAFile {}

impl NotAFile {
    fn error(what: &'static str) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidInput, NotAFile { what })
    }
}

/// The [`NotAFile`] an error of [`World::read`] carries, if that is why
/// the read failed.
pub fn not_a_file(error: &io::Error) -> Option<&NotAFile> {
    error.get_ref()?.downcast_ref::<NotAFile>()
}

/// What a file's metadata says it is, when it is not a regular file.
fn special_kind(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a directory");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a file")
}

/// Whether an open file lives on a file system of the kernel's (`/proc`,
/// `/sys`): such files claim to be regular but are generated on reading,
/// may never end, and hold the reader's secrets (`/proc/self/environ`).
#[cfg(target_os = "linux")]
fn kernel_file_system(file: &File) -> Option<&'static str> {
    use std::os::unix::io::AsRawFd;
    const PROC_SUPER_MAGIC: i64 = 0x9fa0;
    const SYSFS_MAGIC: i64 = 0x6265_6572;
    const DEBUGFS_MAGIC: i64 = 0x6462_6720;
    const TRACEFS_MAGIC: i64 = 0x7472_6163;
    const SECURITYFS_MAGIC: i64 = 0x7365_6375;
    // SAFETY: `fstatfs` writes into the zeroed struct we pass and reads
    // only the descriptor, which `file` keeps open for the call.
    let mut st: libc::statfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::fstatfs(file.as_raw_fd(), &mut st) } != 0 {
        return None;
    }
    // The field's type differs between architectures.
    #[allow(clippy::unnecessary_cast)]
    match st.f_type as i64 {
        PROC_SUPER_MAGIC => Some("a file of the kernel's /proc file system"),
        SYSFS_MAGIC | DEBUGFS_MAGIC | TRACEFS_MAGIC | SECURITYFS_MAGIC => {
            Some("a file of a kernel file system (/sys)")
        }
        _ => None,
    }
}

#[cfg(not(target_os = "linux"))]
fn kernel_file_system(_file: &File) -> Option<&'static str> {
    None
}

/// Open `path` for reading if it is a regular file. Its type is checked
/// before opening (opening a FIFO would wait for a writer), and again on
/// the open file, in case it was replaced in between; the open does not
/// block (`O_NONBLOCK`) nor make a terminal ours (`O_NOCTTY`).
pub fn open_regular(path: &Path) -> io::Result<File> {
    if let Some(what) = special_kind(&std::fs::metadata(path)?) {
        return Err(NotAFile::error(what));
    }
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = options.open(path)?;
    if let Some(what) = special_kind(&file.metadata()?).or_else(|| kernel_file_system(&file)) {
        return Err(NotAFile::error(what));
    }
    Ok(file)
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
        let file = open_regular(path)?;
        // Room for the whole file at once: the text is held for the whole
        // run, and growing by doubling would leave up to half of it spare.
        let size = file.metadata().map_or(0, |m| m.len());
        let mut bytes =
            Vec::with_capacity(size.min(crate::syntax::limits::MAX_FILE_BYTES as u64 + 1) as usize);
        // One byte past the limit is enough to know a file is too large
        // (S011): a huge file is never read whole.
        file.take(crate::syntax::limits::MAX_FILE_BYTES as u64 + 1)
            .read_to_end(&mut bytes)?;
        Ok(bytes)
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
        let top = std::fs::canonicalize(dir)?;
        walk(dir, &top, &mut HashSet::new(), &mut out)?;
        Ok(out)
    }

    fn glob(&self, pattern: &Path) -> Result<Vec<PathBuf>, PatternError> {
        // Anything but a directory: reading a FIFO or a link that leads
        // nowhere says what it is, rather than skipping it unsaid.
        let mut paths: Vec<PathBuf> = glob::glob(&pattern.to_string_lossy())?
            .filter_map(Result::ok)
            .filter(|p| !p.is_dir())
            .collect();
        paths.sort();
        Ok(paths)
    }
}

/// The directory walk behind [`Disk::jx_files`]: entries in name order,
/// depth first, so runs are reproducible whatever order the file system
/// lists them in. `top` is the real path of the directory the walk started
/// from; it never goes outside it.
fn walk(
    dir: &Path,
    top: &Path,
    seen: &mut HashSet<PathBuf>,
    out: &mut Vec<PathBuf>,
) -> io::Result<()> {
    // Each directory is walked once, however many symbolic links lead to
    // it: a link to an ancestor would otherwise recurse without end.
    if let Ok(real) = std::fs::canonicalize(dir) {
        if !real.starts_with(top) || !seen.insert(real) {
            return Ok(());
        }
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for p in entries {
        // `metadata` follows links without opening anything; a link that
        // leads nowhere (or in a circle of links) is neither.
        match std::fs::metadata(&p) {
            Ok(m) if m.is_dir() => walk(&p, top, seen, out)?,
            _ if is_jx(&p) => out.push(p),
            _ => {}
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

    #[cfg(unix)]
    #[test]
    fn walk_does_not_leave_its_directory() {
        let d = scratch("inside");
        std::fs::create_dir_all(d.join("top/a")).unwrap();
        std::fs::create_dir_all(d.join("elsewhere")).unwrap();
        std::fs::write(d.join("top/a/in.jx"), "").unwrap();
        std::fs::write(d.join("elsewhere/out.jx"), "").unwrap();
        std::os::unix::fs::symlink(d.join("elsewhere"), d.join("top/away")).unwrap();
        std::os::unix::fs::symlink(d.join("top/a"), d.join("top/b")).unwrap();
        std::os::unix::fs::symlink(d.join("elsewhere/out.jx"), d.join("top/link.jx")).unwrap();
        // The link to a directory outside is not followed; the one inside
        // leads to a directory walked already; a `.jx` link is listed for
        // the caller to judge.
        assert_eq!(
            Disk.jx_files(&d.join("top")).unwrap(),
            [d.join("top/a/in.jx"), d.join("top/link.jx")]
        );
        let _ = std::fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let d = scratch("regular");
        std::fs::write(d.join("a.jx"), "text").unwrap();
        assert_eq!(Disk.read(&d.join("a.jx")).unwrap(), b"text");
        for (path, what) in [
            (d.clone(), "a directory"),
            (PathBuf::from("/dev/null"), "a character device"),
        ] {
            let e = Disk.read(&path).unwrap_err();
            assert_eq!(not_a_file(&e).map(|n| n.what), Some(what), "{path:?}");
        }
        #[cfg(target_os = "linux")]
        {
            let e = Disk.read(Path::new("/proc/self/status")).unwrap_err();
            assert!(not_a_file(&e).is_some_and(|n| n.what.contains("/proc")));
        }
        assert!(not_a_file(&Disk.read(&d.join("none")).unwrap_err()).is_none());
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

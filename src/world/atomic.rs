//! Writing files so that a reader sees the old content or the new, never
//! a part of it, and a failed write leaves nothing behind.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Replace (or create) the file at `path` with `bytes`, atomically.
///
/// A symbolic link at `path` is followed: the file it points to is
/// replaced and the link kept. An existing file keeps its permissions.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    StagedFile::new(path, bytes)?.persist()
}

/// What writes a file's content: into its file as it is made, so that a
/// large output (a document's JSON model) is never held whole. Called again
/// when a file has to be made again.
pub type Content<'a> = &'a dyn Fn(&mut dyn Write) -> io::Result<()>;

/// A file's new content, written and flushed to disk under a temporary name
/// in the destination directory, waiting to be renamed into place.
///
/// Staging several files before persisting any keeps a failed run from
/// updating only some of them. Dropping a staged file without persisting it
/// removes the temporary file.
#[derive(Debug)]
pub struct StagedFile {
    temp: PathBuf,
    target: PathBuf,
    persisted: bool,
}

/// Distinguishes the temporary files of one process (the process id
/// distinguishes processes).
static NEXT: AtomicU64 = AtomicU64::new(0);

impl StagedFile {
    /// Write `bytes` to a new temporary file beside `path`. A symbolic
    /// link at `path` is followed: its target is what will be replaced.
    pub fn new(path: &Path, bytes: &[u8]) -> io::Result<StagedFile> {
        let target = match fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => {
                fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
            }
            _ => path.to_path_buf(),
        };
        Self::at(target, path, &|out| out.write_all(bytes))
    }

    /// Write `bytes` to a new temporary file beside `path`, to replace
    /// whatever `path` is, a symbolic link included (its target is left
    /// alone).
    pub fn replacing(path: &Path, bytes: &[u8]) -> io::Result<StagedFile> {
        Self::replacing_with(path, &|out| out.write_all(bytes))
    }

    /// [`StagedFile::replacing`], the content written by `content`.
    pub fn replacing_with(path: &Path, content: Content) -> io::Result<StagedFile> {
        Self::at(path.to_path_buf(), path, content)
    }

    fn at(target: PathBuf, path: &Path, content: Content) -> io::Result<StagedFile> {
        let name = target.file_name().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{}` names no file", path.display()),
            )
        })?;
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let (file, temp) = create_unique(dir, &name.to_string_lossy())?;
        // From here on, dropping `staged` removes the temporary file.
        let staged = StagedFile {
            temp,
            target,
            persisted: false,
        };
        staged.fill(file, content)?;
        Ok(staged)
    }

    fn fill(&self, mut file: File, content: Content) -> io::Result<()> {
        let mut out = BufWriter::new(&mut file);
        content(&mut out)?;
        out.flush()?;
        drop(out);
        if let Ok(meta) = fs::symlink_metadata(&self.target) {
            if meta.is_file() {
                file.set_permissions(meta.permissions())?;
            }
        }
        file.sync_all()
    }

    /// The file this will replace.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Rename the temporary file into place.
    pub fn persist(mut self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.persisted = true;
        Ok(())
    }
}

impl Drop for StagedFile {
    fn drop(&mut self) {
        if !self.persisted {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// A temporary file created exclusively in `dir`: never one another writer
/// (a thread or another process) has created, nor a stale one left by a
/// crash, nor through a symbolic link planted at its name (`O_EXCL` fails
/// on any existing name, a link included; `O_NOFOLLOW` says so again).
fn create_unique(dir: &Path, name: &str) -> io::Result<(File, PathBuf)> {
    let pid = std::process::id();
    let mut last = None;
    for _ in 0..100 {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{pid}-{n}.tmp"));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW);
        }
        match options.open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no free temporary name")))
}

/// Whether `name` is one a writer gives its work in progress: a temporary
/// file (`.NAME.PID-N.tmp`) or a staged directory (`.NAME.jixiao-PID-N`).
pub(super) fn is_leftover_name(name: &str) -> bool {
    leftover_pid(name).is_some()
}

/// The process that made the work in progress `name`.
pub(super) fn leftover_pid(name: &str) -> Option<u32> {
    let rest = name.strip_prefix('.')?;
    let tail = match rest.strip_suffix(".tmp") {
        Some(stem) => &stem[stem.rfind('.')? + 1..],
        None => &rest[rest.rfind(".jixiao-")? + ".jixiao-".len()..],
    };
    let (pid, n) = tail.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(pid) || !digits(n) {
        return None;
    }
    pid.parse().ok()
}

/// Whether no process `pid` runs on this machine (so what it left may go).
pub(super) fn process_is_gone(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return true;
        };
        if pid <= 0 {
            return false;
        }
        // SAFETY: signal 0 checks that the process exists and sends
        // nothing.
        if unsafe { libc::kill(pid, 0) } == 0 {
            return false;
        }
        io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// Remove the temporary files in `dir` of processes that are gone (killed
/// while writing).
pub(super) fn remove_leftover_files(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with(".tmp")
            && leftover_pid(&name).is_some_and(process_is_gone)
            && e.file_type().is_ok_and(|t| t.is_file())
        {
            let _ = fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::world::tests::scratch;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn writes_and_replaces() {
        let d = scratch("atomic");
        let p = d.join("out.json");
        write_atomic(&p, b"one").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"one");
        write_atomic(&p, b"two, longer").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two, longer");
        assert_eq!(names(&d), ["out.json"], "no temporary file left");
        let _ = fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_links() {
        use std::os::unix::fs::PermissionsExt;
        let d = scratch("atomic-perm");
        let p = d.join("a.jx");
        fs::write(&p, "old").unwrap();
        fs::set_permissions(&p, fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink("a.jx", d.join("link.jx")).unwrap();
        write_atomic(&d.join("link.jx"), b"new").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"new");
        assert_eq!(
            fs::metadata(&p).unwrap().permissions().mode() & 0o777,
            0o640
        );
        assert!(fs::symlink_metadata(d.join("link.jx"))
            .unwrap()
            .file_type()
            .is_symlink());
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let d = scratch("atomic-fail");
        // A non-empty directory cannot be replaced by a file.
        fs::create_dir_all(d.join("out.csv/x")).unwrap();
        assert!(write_atomic(&d.join("out.csv"), b"data").is_err());
        assert_eq!(names(&d), ["out.csv"]);
        // Nor can a file be written into a directory that does not exist.
        assert!(write_atomic(&d.join("none/out.csv"), b"data").is_err());
        assert_eq!(names(&d), ["out.csv"]);
        // A staged file dropped unpersisted is removed.
        let staged = StagedFile::new(&d.join("b.csv"), b"data").unwrap();
        assert_eq!(names(&d).len(), 2);
        drop(staged);
        assert_eq!(names(&d), ["out.csv"]);
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn writers_into_one_directory_do_not_collide() {
        let d = scratch("atomic-race");
        let threads: Vec<_> = (0..8)
            .map(|i| {
                let d = d.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        write_atomic(&d.join("same.json"), format!("{i}").as_bytes())?;
                        write_atomic(&d.join(format!("own-{i}.json")), b"x")?;
                    }
                    io::Result::Ok(())
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap().unwrap();
        }
        let content = fs::read_to_string(d.join("same.json")).unwrap();
        assert!(content.parse::<u32>().is_ok_and(|i| i < 8));
        assert_eq!(names(&d).len(), 9, "{:?}", names(&d));
        let _ = fs::remove_dir_all(&d);
    }
}

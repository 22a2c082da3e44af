//! Writing a set of files (the outputs of one build) into a directory so
//! that a reader sees the whole old set or the whole new set, never a mix,
//! and never a part of a file.
//!
//! The new content of the directory is built beside it, in a fresh
//! directory created exclusively (`.DIR.jixiao-PID-N`): the new files, and
//! hard links to every other entry the directory holds (so a build never
//! removes what it did not write). One atomic exchange of the two
//! directories then puts the new set in place (`renameat2(RENAME_EXCHANGE)`
//! on Linux, `renamex_np(RENAME_SWAP)` on macOS), and the old generation is
//! removed. A build killed at any point leaves the directory as it was or
//! as it is to be; what it leaves beside it is hidden and removed by the
//! next build once the process that made it is gone.
//!
//! When the directory cannot be swapped (the working directory is in it,
//! it is a mount point, the file system cannot exchange), each file is
//! replaced atomically on its own: no file is ever partial, but a reader
//! may see a set half updated.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::atomic::{is_leftover_name, leftover_pid, process_is_gone, Content, StagedFile};

/// How [`write_set`] wrote a set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetWritten {
    /// The directory was swapped for a new one holding the whole set.
    Swapped,
    /// Each file was replaced on its own, for the reason given.
    FileByFile(String),
}

/// Entries of the old directory beyond which it is not copied by links
/// (each needs a system call): such a directory is not an output directory.
const MAX_CARRIED: usize = 10_000;

/// Tries before giving up when concurrent builds keep changing the
/// directory under us.
const ATTEMPTS: usize = 8;

static NEXT: AtomicU64 = AtomicU64::new(0);

/// Write `files` (name, bytes) into the directory `dir`, creating it if
/// needed, so that the whole set appears at once. Entries of `dir` that
/// are not in the set are kept. A symbolic link at `dir` is followed (the
/// link is kept); an entry at an output's name is replaced by the new
/// regular file (a link there is replaced, not written through), and a
/// directory there is an error.
pub fn write_set(dir: &Path, files: &[(&str, &[u8])]) -> io::Result<SetWritten> {
    let writers: Vec<_> = files
        .iter()
        .map(|&(name, bytes)| (name, move |out: &mut dyn Write| out.write_all(bytes)))
        .collect();
    let contents: Vec<(&str, Content)> = writers.iter().map(|(n, w)| (*n, w as Content)).collect();
    write_set_with(dir, &contents)
}

/// [`write_set`], each file's content written into it by its [`Content`]
/// (again if the set has to be made again).
pub fn write_set_with(dir: &Path, files: &[(&str, Content)]) -> io::Result<SetWritten> {
    for (name, _) in files {
        let plain = Path::new(name).file_name() == Some(OsStr::new(name));
        if !plain || is_leftover_name(name) || name.starts_with(".jixiao") {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("`{name}` is not a plain file name"),
            ));
        }
    }
    if fs::metadata(dir).is_ok_and(|m| !m.is_dir()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("`{}` is not a directory", dir.display()),
        ));
    }
    fs::create_dir_all(dir)?;
    let real = fs::canonicalize(dir)?;
    for (name, _) in files {
        let at = real.join(name);
        if fs::symlink_metadata(&at).is_ok_and(|m| m.is_dir()) {
            return Err(io::Error::new(
                io::ErrorKind::AlreadyExists,
                format!("cannot write `{}`: a directory is in the way", at.display()),
            ));
        }
    }
    let (Some(parent), Some(name)) = (real.parent(), real.file_name()) else {
        return file_by_file(&real, files, "it is the root directory");
    };
    if std::env::current_dir()
        .and_then(fs::canonicalize)
        .is_ok_and(|cwd| cwd.starts_with(&real))
    {
        return file_by_file(&real, files, "the working directory is in it");
    }
    remove_leftovers(parent, name, &real);
    let outputs: HashSet<&OsStr> = files.iter().map(|(n, _)| OsStr::new(*n)).collect();
    let mut last = None;
    for _ in 0..ATTEMPTS {
        let stage = match Stage::create(parent, name) {
            Ok(s) => s,
            Err(e) => return file_by_file(&real, files, &format!("cannot stage beside it: {e}")),
        };
        match fill(&stage.path, &real, files, &outputs) {
            Ok(()) => {}
            // An entry went away while we linked it: another build swapped
            // the directory; start again from its new content.
            Err(Fill::Io(e)) if e.kind() == io::ErrorKind::NotFound => {
                last = Some(e);
                continue;
            }
            Err(Fill::Io(e)) => return Err(e),
            Err(Fill::Cannot(why)) => {
                drop(stage);
                return file_by_file(&real, files, &why);
            }
        }
        match exchange(&stage.path, &real) {
            Ok(()) => {
                // The stage now holds the old generation; dropping it
                // removes it.
                let _ = File::open(parent).and_then(|d| d.sync_all());
                return Ok(SetWritten::Swapped);
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => last = Some(e),
            Err(e) => {
                drop(stage);
                return file_by_file(&real, files, &format!("cannot swap it: {e}"));
            }
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("the directory kept changing")))
}

/// Replace each file on its own (each atomically).
fn file_by_file(dir: &Path, files: &[(&str, Content)], why: &str) -> io::Result<SetWritten> {
    let mut staged = Vec::new();
    for (name, content) in files {
        staged.push(StagedFile::replacing_with(&dir.join(name), *content)?);
    }
    for s in staged {
        s.persist()?;
    }
    Ok(SetWritten::FileByFile(why.to_string()))
}

/// A directory being filled beside the output directory; removed with
/// whatever it holds when dropped (after the exchange, the old generation).
struct Stage {
    path: PathBuf,
}

impl Stage {
    fn create(parent: &Path, name: &OsStr) -> io::Result<Stage> {
        let pid = std::process::id();
        let name = name.to_string_lossy();
        let mut last = None;
        for _ in 0..100 {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path = parent.join(format!(".{name}.jixiao-{pid}-{n}"));
            // `create_dir` fails on anything already there, a link included.
            match fs::create_dir(&path) {
                Ok(()) => return Ok(Stage { path }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => return Err(e),
            }
        }
        Err(last.unwrap_or_else(|| io::Error::other("no free staging name")))
    }
}

impl Drop for Stage {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

enum Fill {
    Io(io::Error),
    /// The directory cannot be swapped; say why.
    Cannot(String),
}

impl From<io::Error> for Fill {
    fn from(e: io::Error) -> Self {
        Fill::Io(e)
    }
}

/// Put the new files and links to every other entry of `old` into `stage`.
fn fill(
    stage: &Path,
    old: &Path,
    files: &[(&str, Content)],
    outputs: &HashSet<&OsStr>,
) -> Result<(), Fill> {
    for (name, content) in files {
        let mut f = create_exclusive(&stage.join(name))?;
        let mut out = BufWriter::new(&mut f);
        content(&mut out)?;
        out.flush()?;
        drop(out);
        // A file replaced keeps its permissions.
        if let Ok(meta) = fs::symlink_metadata(old.join(name)) {
            if meta.is_file() {
                f.set_permissions(meta.permissions())?;
            }
        }
        f.sync_all()?;
    }
    let mut carried = 0;
    for entry in fs::read_dir(old)? {
        let entry = entry?;
        let name = entry.file_name();
        if outputs.contains(name.as_os_str()) || is_leftover_name(&name.to_string_lossy()) {
            continue;
        }
        carry(&entry.path(), &stage.join(&name), &mut carried)?;
    }
    fs::set_permissions(stage, fs::metadata(old)?.permissions())?;
    File::open(stage)?.sync_all()?;
    Ok(())
}

/// A new file at `path`, never one that exists, nor through a link there.
fn create_exclusive(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Make `to` the same as `from` without copying data: a hard link to a
/// file, the same link for a symbolic link, a directory of such.
fn carry(from: &Path, to: &Path, carried: &mut usize) -> Result<(), Fill> {
    *carried += 1;
    if *carried > MAX_CARRIED {
        return Err(Fill::Cannot(format!(
            "it holds more than {MAX_CARRIED} other entries"
        )));
    }
    let meta = fs::symlink_metadata(from)?;
    if meta.file_type().is_symlink() {
        symlink(&fs::read_link(from)?, to)?;
    } else if meta.is_dir() {
        fs::create_dir(to)?;
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            carry(&entry.path(), &to.join(entry.file_name()), carried)?;
        }
        fs::set_permissions(to, meta.permissions())?;
    } else if let Err(e) = fs::hard_link(from, to) {
        if e.kind() == io::ErrorKind::NotFound {
            return Err(Fill::Io(e));
        }
        if !meta.is_file() {
            return Err(Fill::Cannot(format!(
                "cannot link `{}`: {e}",
                from.display()
            )));
        }
        // Linking a file someone else owns may be refused
        // (`fs.protected_hardlinks`): copy it.
        fs::copy(from, to)?;
    }
    Ok(())
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) -> io::Result<()> {
    std::os::unix::fs::symlink(target, link)
}

#[cfg(not(unix))]
fn symlink(_target: &Path, link: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        format!("cannot copy the link `{}`", link.display()),
    ))
}

/// Swap the directories `a` and `b` in one step.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are NUL-terminated strings that outlive the call;
    // the system call only reads them. Called through `syscall` so that no
    // particular C library version is needed.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(target_os = "macos")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are NUL-terminated strings that outlive the call.
    let r = unsafe { libc::renamex_np(a.as_ptr(), b.as_ptr(), libc::RENAME_SWAP) };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(any(target_os = "linux", target_os = "macos")))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "this system cannot exchange two directories",
    ))
}

/// Remove what killed builds left: generations beside the directory and
/// temporary files in it, of processes that are gone.
fn remove_leftovers(parent: &Path, name: &OsStr, dir: &Path) {
    let prefix = format!(".{}.jixiao-", name.to_string_lossy());
    if let Ok(entries) = fs::read_dir(parent) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(&prefix) && leftover_pid(&n).is_some_and(process_is_gone) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
    super::atomic::remove_leftover_files(dir);
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
    fn swaps_in_the_set_and_keeps_other_entries() {
        let d = scratch("set");
        let out = d.join("out");
        let w = write_set(&out, &[("a.csv", b"1"), ("b.csv", b"2")]).unwrap();
        assert_eq!(w, SetWritten::Swapped);
        assert_eq!(names(&out), ["a.csv", "b.csv"]);
        fs::write(out.join("notes.txt"), "mine").unwrap();
        fs::create_dir_all(out.join("img/deep")).unwrap();
        fs::write(out.join("img/deep/logo.png"), "png").unwrap();
        write_set(&out, &[("a.csv", b"3"), ("b.csv", b"4")]).unwrap();
        assert_eq!(names(&out), ["a.csv", "b.csv", "img", "notes.txt"]);
        assert_eq!(fs::read(out.join("a.csv")).unwrap(), b"3");
        assert_eq!(fs::read(out.join("notes.txt")).unwrap(), b"mine");
        assert_eq!(fs::read(out.join("img/deep/logo.png")).unwrap(), b"png");
        assert_eq!(names(&d), ["out"], "no generation left beside it");
        let _ = fs::remove_dir_all(&d);
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_a_link_is_replaced() {
        use std::os::unix::fs::PermissionsExt;
        let d = scratch("set-perm");
        let out = d.join("out");
        write_set(&out, &[("a.csv", b"1")]).unwrap();
        fs::set_permissions(out.join("a.csv"), fs::Permissions::from_mode(0o640)).unwrap();
        fs::write(d.join("victim"), "untouched").unwrap();
        std::os::unix::fs::symlink(d.join("victim"), out.join("b.csv")).unwrap();
        write_set(&out, &[("a.csv", b"2"), ("b.csv", b"3")]).unwrap();
        let mode = fs::metadata(out.join("a.csv"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o640);
        assert_eq!(fs::read(out.join("b.csv")).unwrap(), b"3");
        assert!(fs::symlink_metadata(out.join("b.csv")).unwrap().is_file());
        assert_eq!(fs::read(d.join("victim")).unwrap(), b"untouched");
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn a_directory_at_an_output_name_is_an_error() {
        let d = scratch("set-dir");
        fs::create_dir_all(d.join("out/a.csv/x")).unwrap();
        assert!(write_set(&d.join("out"), &[("a.csv", b"1"), ("b.csv", b"2")]).is_err());
        assert_eq!(names(&d.join("out")), ["a.csv"]);
        assert_eq!(names(&d), ["out"]);
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn names_must_be_plain() {
        let d = scratch("set-names");
        for bad in ["../x", "a/b", "", ".", ".."] {
            assert!(write_set(&d, &[(bad, b"1")]).is_err(), "{bad:?}");
        }
        let _ = fs::remove_dir_all(&d);
    }

    #[test]
    fn leftovers_of_dead_processes_are_removed() {
        let d = scratch("set-leftovers");
        // Above the largest process id Linux gives (2^22).
        let dead = 0x7fff_fff0_u32;
        fs::create_dir_all(d.join(format!(".out.jixiao-{dead}-3/x"))).unwrap();
        fs::create_dir_all(d.join("out")).unwrap();
        fs::write(d.join(format!("out/.a.csv.{dead}-0.tmp")), "partial").unwrap();
        let live = std::process::id();
        fs::create_dir_all(d.join(format!(".out.jixiao-{live}-999999"))).unwrap();
        write_set(&d.join("out"), &[("a.csv", b"1")]).unwrap();
        assert_eq!(names(&d.join("out")), ["a.csv"]);
        assert_eq!(
            names(&d),
            [format!(".out.jixiao-{live}-999999"), "out".to_string()]
        );
        let _ = fs::remove_dir_all(&d);
    }
}

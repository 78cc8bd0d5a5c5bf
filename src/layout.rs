//! Where things are inside a data folder: the settings file that marks it, and gov's private
//! `.gov/` directory (the writers' lock, the parse cache). Both [`crate::load`] and
//! [`crate::store`] use it; it uses neither, so no import runs back up.

use std::io;
use std::path::{Path, PathBuf};

/// The file that marks a data folder.
pub const SETTINGS_FILE: &str = "gov.yaml";

/// gov's own files, never committed.
pub const PRIVATE_DIR: &str = ".gov";

/// The lock every writer holds for a whole read-validate-write cycle.
pub const LOCK_FILE: &str = ".gov/lock";

/// The parse cache.
pub const CACHE_FILE: &str = ".gov/cache/parsed.bin";

/// The journal of a multi-file batch under way ([`crate::store::journal`]).
pub const JOURNAL_FILE: &str = ".gov/journal";

/// Where a whole-file write is staged before it is renamed over its target: inside `.gov/`, whose
/// `.gitignore` keeps it out of every commit, and emptied by the next writer under the lock.
pub const TEMP_DIR: &str = ".gov/tmp";

/// How temporary files begin: in [`TEMP_DIR`], or beside their target when the data folder spans
/// file systems (a rename is atomic only within one).
pub const TEMP_PREFIX: &str = ".gov-tmp-";

/// Why `.gov/` cannot be used: gov writes its lock and cache only in a real folder of that name.
#[derive(Debug, thiserror::Error)]
pub enum PrivateDirError {
    #[error("{} is a symbolic link to {}, a place outside the folder; gov writes only inside the folder", path.display(), target.display())]
    LinkOutside { path: PathBuf, target: PathBuf },
    #[error("{} is a symbolic link (to {}); gov writes only to real files and folders, never through a link", path.display(), target.display())]
    Link { path: PathBuf, target: PathBuf },
    #[error("{} is not a folder; gov keeps its lock and parse cache in a folder of that name", path.display())]
    NotAFolder { path: PathBuf },
}

/// The private directory, created when missing with a `.gitignore` of its own so git never
/// offers its files for a commit, whatever the folder's `.gitignore` says. Refused (an error of
/// kind `PermissionDenied` carrying a [`PrivateDirError`]) when `.gov`, or one of the entries gov
/// keeps in it, is a symbolic link or not what it should be: the lock and the cache hold every
/// resident's data and must not be written anywhere else.
pub fn private_dir(root: &Path) -> io::Result<PathBuf> {
    let dir = root.join(PRIVATE_DIR);
    real(root, &dir, true)?;
    std::fs::create_dir_all(&dir)?;
    let ignore = dir.join(".gitignore");
    for (entry, is_dir) in [
        (root.join(LOCK_FILE), false),
        (dir.join("cache"), true),
        (root.join(TEMP_DIR), true),
        (root.join(JOURNAL_FILE), false),
        (ignore.clone(), false),
    ] {
        real(root, &entry, is_dir)?;
    }
    if !ignore.exists() {
        std::fs::write(&ignore, "# gov's own files (the lock, the parse cache): never committed\n*\n")?;
    }
    Ok(dir)
}

/// The staging folder for whole-file writes ([`TEMP_DIR`]), created when missing.
pub fn temp_dir(root: &Path) -> io::Result<PathBuf> {
    private_dir(root)?;
    let dir = root.join(TEMP_DIR);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// Removes what a killed writer left in [`TEMP_DIR`]. Called by a writer holding the folder
/// lock, so no other writer is staging a file there.
pub fn remove_leftovers(root: &Path) {
    let Some(entries) = existing_private_dir(root).and_then(|d| std::fs::read_dir(d.join("tmp")).ok()) else { return };
    for e in entries.flatten() {
        if e.file_type().is_ok_and(|t| t.is_file()) && e.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// The private directory when it is a real folder (or absent, `None`): what readers of the
/// cache use, so a cache is never read through a link either.
pub fn existing_private_dir(root: &Path) -> Option<PathBuf> {
    let dir = root.join(PRIVATE_DIR);
    std::fs::symlink_metadata(&dir).ok().filter(|m| m.is_dir()).map(|_| dir)
}

/// `path` is absent, or there and not a link, and a folder when `dir` (else a regular file).
fn real(root: &Path, path: &Path, dir: bool) -> io::Result<()> {
    let refuse = |e: PrivateDirError| io::Error::new(io::ErrorKind::PermissionDenied, e);
    let meta = match std::fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    if meta.file_type().is_symlink() {
        let target = std::fs::read_link(path).unwrap_or_default();
        let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
        let (path, inside) = (path.to_path_buf(), path.canonicalize().is_ok_and(|p| p.starts_with(real_root)));
        let e =
            if inside { PrivateDirError::Link { path, target } } else { PrivateDirError::LinkOutside { path, target } };
        return Err(refuse(e));
    }
    if (dir && !meta.is_dir()) || (!dir && !meta.is_file()) {
        return Err(refuse(PrivateDirError::NotAFolder { path: path.to_path_buf() }));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_files_sit_in_the_private_dir() {
        for f in [LOCK_FILE, CACHE_FILE] {
            assert!(Path::new(f).starts_with(PRIVATE_DIR), "{f}");
        }
    }

    #[test]
    fn the_private_dir_ignores_itself() {
        let dir = tempfile::tempdir().unwrap();
        let made = private_dir(dir.path()).unwrap();
        assert_eq!(made, dir.path().join(".gov"));
        assert_eq!(std::fs::read_to_string(made.join(".gitignore")).unwrap().lines().last(), Some("*"));
        // A second call keeps what is there.
        std::fs::write(made.join(".gitignore"), "*\n# kept\n").unwrap();
        private_dir(dir.path()).unwrap();
        assert!(std::fs::read_to_string(made.join(".gitignore")).unwrap().contains("# kept"));
    }

    #[test]
    fn a_linked_or_odd_private_dir_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join(".gov")).unwrap();
        let e = private_dir(dir.path()).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert!(e.to_string().ends_with("a place outside the folder; gov writes only inside the folder"), "{e}");
        assert!(existing_private_dir(dir.path()).is_none());
        assert_eq!(std::fs::read_dir(outside.path()).unwrap().count(), 0, "nothing written at the target");

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(".gov"), "").unwrap();
        assert!(private_dir(dir.path()).unwrap_err().to_string().contains("is not a folder"));

        // The lock itself a link inside a real .gov.
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join(".gov")).unwrap();
        std::os::unix::fs::symlink(outside.path().join("lock"), dir.path().join(LOCK_FILE)).unwrap();
        assert!(private_dir(dir.path()).is_err());
    }
}

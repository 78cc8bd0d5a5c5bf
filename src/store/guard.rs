//! The guard every write passes first: gov writes only to regular files inside the data folder,
//! reached through real folders. Each component from the folder's root down to the target is
//! looked at itself (`symlink_metadata`, never following a link): a symbolic link, a FIFO or
//! device where the file should be, or a file where a folder should be, refuses the write.
//! Components that do not exist yet are fine (a new month file, a new folder of issues).

use std::io;
use std::path::{Component, Path, PathBuf};

use crate::layout::SETTINGS_FILE;

/// Why a write was refused before anything was written.
#[derive(Debug, thiserror::Error)]
pub enum GuardError {
    #[error(
        "{} is a symbolic link to {}, a place outside the folder; gov writes only inside the folder",
        path.display(), target.display()
    )]
    LinkOutside { path: PathBuf, target: PathBuf },
    #[error(
        "{} is a symbolic link (to {}); gov writes only to real files and folders, never through a link",
        path.display(), target.display()
    )]
    Link { path: PathBuf, target: PathBuf },
    #[error("{} is not a regular file (a FIFO, socket, device or folder); gov writes only to regular files", path.display())]
    NotAFile { path: PathBuf },
    #[error("{} is not a folder; gov writes only inside real folders", path.display())]
    NotAFolder { path: PathBuf },
    #[error("{} is not inside the data folder {}; gov writes only inside the folder", path.display(), root.display())]
    NotInside { path: PathBuf, root: PathBuf },
    #[error("cannot look at {}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

impl From<GuardError> for io::Error {
    fn from(e: GuardError) -> io::Error {
        match e {
            GuardError::Io { source, .. } => source,
            other => io::Error::new(io::ErrorKind::PermissionDenied, other),
        }
    }
}

/// Checks that `path` (a file to write) lies inside `root` through real folders, and is a
/// regular file or does not exist yet.
pub fn check(root: &Path, path: &Path) -> Result<(), GuardError> {
    let rel = path
        .strip_prefix(root)
        .map_err(|_| GuardError::NotInside { path: path.to_path_buf(), root: root.to_path_buf() })?;
    let parts: Vec<Component<'_>> = rel.components().collect();
    let mut at = root.to_path_buf();
    for (i, part) in parts.iter().enumerate() {
        if !matches!(part, Component::Normal(_)) {
            return Err(GuardError::NotInside { path: path.to_path_buf(), root: root.to_path_buf() });
        }
        at.push(part);
        let meta = match std::fs::symlink_metadata(&at) {
            Ok(m) => m,
            // The rest is made new, as real folders and a regular file.
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(source) => return Err(GuardError::Io { path: at, source }),
        };
        let last = i + 1 == parts.len();
        if meta.file_type().is_symlink() {
            return Err(link(root, at));
        }
        if last && !meta.is_file() {
            return Err(GuardError::NotAFile { path: at });
        }
        if !last && !meta.is_dir() {
            return Err(GuardError::NotAFolder { path: at });
        }
    }
    Ok(())
}

/// [`check`] for a path whose folder is not given: the folder is the topmost one above `path`
/// holding a gov.yaml (the topmost, so that a link inside a folder to another data folder is
/// still seen as a link). With no gov.yaml above, only the file itself is looked at.
/// Gives the folder found, if any.
pub fn check_in_folder(path: &Path) -> io::Result<Option<PathBuf>> {
    let path = if path.is_absolute() { path.to_path_buf() } else { std::env::current_dir()?.join(path) };
    let root = path.ancestors().skip(1).filter(|d| std::fs::symlink_metadata(d.join(SETTINGS_FILE)).is_ok()).last();
    match root {
        Some(root) => check(root, &path)?,
        None => {
            if let (Some(dir), Some(_)) = (path.parent(), path.file_name()) {
                check(dir, &path)?;
            }
        }
    }
    Ok(root.map(Path::to_path_buf))
}

fn link(root: &Path, at: PathBuf) -> GuardError {
    let target = std::fs::read_link(&at).unwrap_or_default();
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let inside = at.canonicalize().is_ok_and(|real| real.starts_with(&real_root));
    if inside { GuardError::Link { path: at, target } } else { GuardError::LinkOutside { path: at, target } }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::os::unix::fs::symlink;

    #[test]
    fn real_files_and_new_ones_pass() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("visits")).unwrap();
        fs::write(root.join("visits/2022-11.csv"), "date\n").unwrap();
        check(root, &root.join("visits/2022-11.csv")).unwrap();
        check(root, &root.join("visits/2022-12.csv")).unwrap();
        check(root, &root.join("issues/2022/I-1.yaml")).unwrap();
    }

    #[test]
    fn links_anywhere_on_the_way_are_refused() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(outside.path().join("x.csv"), "date\n").unwrap();
        symlink(outside.path().join("x.csv"), root.join("members.csv")).unwrap();
        symlink(outside.path(), root.join("visits")).unwrap();
        fs::write(root.join("grids.csv"), "id\n").unwrap();
        symlink(root.join("grids.csv"), root.join("orgs.csv")).unwrap();

        let e = check(root, &root.join("members.csv")).unwrap_err();
        assert!(matches!(&e, GuardError::LinkOutside { path, .. } if path == &root.join("members.csv")), "{e}");
        assert!(e.to_string().ends_with("a place outside the folder; gov writes only inside the folder"), "{e}");
        // A new file under a linked folder is refused at the folder.
        let e = check(root, &root.join("visits/2022-12.csv")).unwrap_err();
        assert!(matches!(&e, GuardError::LinkOutside { path, .. } if path == &root.join("visits")), "{e}");
        // A link inside the folder is refused too: gov never writes through a link.
        assert!(matches!(check(root, &root.join("orgs.csv")), Err(GuardError::Link { .. })));
    }

    #[test]
    fn fifos_files_for_folders_and_paths_outside_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let made = std::process::Command::new("mkfifo").arg(root.join("pipe.csv")).status().unwrap();
        assert!(made.success());
        fs::write(root.join("visits"), "").unwrap();
        assert!(matches!(check(root, &root.join("pipe.csv")), Err(GuardError::NotAFile { .. })));
        assert!(matches!(check(root, &root.join("visits/2022-01.csv")), Err(GuardError::NotAFolder { .. })));
        assert!(matches!(check(root, &root.join("../elsewhere.csv")), Err(GuardError::NotInside { .. })));
        assert!(matches!(check(root, Path::new("/etc/passwd")), Err(GuardError::NotInside { .. })));
    }

    #[test]
    fn the_folder_is_found_from_the_path() {
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("gov.yaml"), "name: x\n").unwrap();
        // The link's target is a data folder of its own: still a link from this one.
        fs::write(outside.path().join("gov.yaml"), "name: y\n").unwrap();
        symlink(outside.path(), root.join("visits")).unwrap();
        let e = check_in_folder(&root.join("visits/2022-12.csv")).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert!(e.to_string().contains("outside the folder"), "{e}");
        check_in_folder(&root.join("households.csv")).unwrap();
    }
}

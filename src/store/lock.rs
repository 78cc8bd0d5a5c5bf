//! The folder lock: an exclusive lock on `.gov/lock` held for a whole read-validate-write cycle,
//! so that concurrent `gov` writers (several people, scripts, a pre-commit hook) take turns.

use std::fs::{self, File};
use std::io;
use std::path::Path;

use crate::layout;

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
    /// What undoing a batch an earlier writer left unfinished did ([`super::journal`]).
    pub undone: Vec<super::journal::Undone>,
}

impl FolderLock {
    /// Takes the lock, waiting for another writer to finish; `waiting` is called once if it has to.
    pub fn acquire(root: &Path, waiting: impl FnOnce()) -> io::Result<FolderLock> {
        layout::private_dir(root)?;
        let file =
            File::options().create(true).truncate(false).read(true).write(true).open(root.join(layout::LOCK_FILE))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                waiting();
                file.lock()?;
            }
            Err(fs::TryLockError::Error(e)) => return Err(e),
        }
        let undone = super::journal::roll_back(root)?;
        layout::remove_leftovers(root);
        Ok(FolderLock { _file: file, undone })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_waits() {
        let dir = tempfile::tempdir().unwrap();
        let first = FolderLock::acquire(dir.path(), || panic!("nobody holds it yet")).unwrap();
        let f = File::options().write(true).open(dir.path().join(".gov/lock")).unwrap();
        assert!(matches!(f.try_lock(), Err(fs::TryLockError::WouldBlock)));
        drop(first);
        assert!(f.try_lock().is_ok());
    }
}

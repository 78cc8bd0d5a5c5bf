//! The folder lock: an exclusive lock on `.gov/lock`, held while a writer re-reads the folder,
//! judges its change and writes it, so that concurrent `gov` writers (several people, scripts,
//! a pre-commit hook) take turns. A writer that asks a person anything asks before it takes the
//! lock (`cli/record.rs`), so nobody waits on somebody else's prompt.
//!
//! The holder writes who it is into the lock file (pid, command, since). A writer that cannot
//! get the lock within its time limit gives up with [`LockError::Busy`], naming the holder.

use std::fs::{self, File};
use std::io::{self, Read, Seek, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::layout;

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct FolderLock {
    _file: File,
    /// What undoing a batch an earlier writer left unfinished did ([`super::journal`]).
    pub undone: Vec<super::journal::Undone>,
}

/// Why the lock was not taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another writer kept it for the whole time allowed.
    #[error("another gov is writing to this folder and did not finish within {} s ({holder})", waited.as_secs())]
    Busy { holder: String, waited: Duration },
    #[error("cannot lock {}: {error}", path.display())]
    Io { path: std::path::PathBuf, error: io::Error },
}

/// How often a waiting writer tries again.
const POLL: Duration = Duration::from_millis(50);

impl FolderLock {
    /// Takes the lock, waiting up to `wait` for another writer to finish; `waiting` is told who
    /// holds it, once, if it has to wait. `command` (`gov visit add`) is written into the lock
    /// file for the next one to read; it must not hold any value the user typed.
    pub fn acquire(
        root: &Path,
        wait: Duration,
        command: &str,
        waiting: impl FnOnce(&str),
    ) -> Result<FolderLock, LockError> {
        let path = root.join(layout::LOCK_FILE);
        let failed = |error| LockError::Io { path: path.clone(), error };
        layout::private_dir(root).map_err(failed)?;
        let mut file =
            File::options().create(true).truncate(false).read(true).write(true).open(&path).map_err(failed)?;
        let start = Instant::now();
        let mut waiting = Some(waiting);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(fs::TryLockError::WouldBlock) => {
                    if let Some(tell) = waiting.take() {
                        tell(&holder(&mut file));
                    }
                    if start.elapsed() >= wait {
                        return Err(LockError::Busy { holder: holder(&mut file), waited: wait });
                    }
                    std::thread::sleep(POLL.min(wait.saturating_sub(start.elapsed())));
                }
                Err(fs::TryLockError::Error(e)) => return Err(failed(e)),
            }
        }
        // Who holds it, for the next writer; a lock file that cannot say so still locks.
        let since = chrono::Local::now().format("%Y-%m-%d %H:%M:%S");
        let me = format!("pid {}, {command}, since {since}\n", std::process::id());
        let _ = file.set_len(0).and_then(|()| file.rewind()).and_then(|()| file.write_all(me.as_bytes()));
        let undone = super::journal::roll_back(root).map_err(failed)?;
        layout::remove_leftovers(root);
        Ok(FolderLock { _file: file, undone })
    }
}

/// What the holder wrote into the lock file: `pid 4242, gov visit add, since 2026-12-02 09:30:00`;
/// empty when it has not said (the catalogue then says so).
fn holder(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.rewind().and_then(|()| file.take(512).read_to_string(&mut text));
    let text = text.trim();
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: Duration = Duration::from_secs(30);

    #[test]
    fn a_second_lock_waits() {
        let dir = tempfile::tempdir().unwrap();
        let first = FolderLock::acquire(dir.path(), LONG, "gov test", |_| panic!("nobody holds it yet")).unwrap();
        let f = File::options().write(true).open(dir.path().join(".gov/lock")).unwrap();
        assert!(matches!(f.try_lock(), Err(fs::TryLockError::WouldBlock)));
        drop(first);
        assert!(f.try_lock().is_ok());
    }

    #[test]
    fn a_writer_that_waits_too_long_is_told_who_holds_it() {
        let dir = tempfile::tempdir().unwrap();
        let _first = FolderLock::acquire(dir.path(), LONG, "gov visit add", |_| {}).unwrap();
        let mut told = String::new();
        let started = Instant::now();
        let e = FolderLock::acquire(dir.path(), Duration::from_millis(200), "gov member add", |h| told = h.to_string())
            .unwrap_err();
        assert!(started.elapsed() >= Duration::from_millis(200));
        let me = format!("pid {}, gov visit add, since ", std::process::id());
        assert!(told.starts_with(&me), "{told}");
        match e {
            LockError::Busy { holder, waited } => {
                assert!(holder.starts_with(&me), "{holder}");
                assert_eq!(waited, Duration::from_millis(200));
            }
            other => panic!("{other}"),
        }
    }
}

//! The batch journal, `.gov/journal`: before a command writes several files (a `visit add --from`
//! batch across months), it notes each file's length before and after; when every file is
//! written, the journal is removed. A writer killed in between leaves the journal behind, and the
//! next writer, on taking the folder lock, cuts each file back to its old length (removing the
//! files the batch created), so a batch is all or nothing. A file whose length is outside what
//! the batch could have left (edited by hand since) is left alone and named.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::layout;

/// One file of a batch: its path relative to the folder, its length before (`None`: the batch
/// creates it) and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: PathBuf,
    pub old_len: Option<u64>,
    pub new_len: u64,
}

/// A batch under way; [`Journal::finish`] when every file is written.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
}

/// What rolling back an unfinished batch did to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Undone {
    /// Cut back to its length before the batch.
    Truncated { path: PathBuf, to: u64 },
    /// Created by the batch, removed.
    Removed { path: PathBuf },
    /// Changed since, by someone else: left as it is.
    Kept { path: PathBuf, len: u64 },
}

/// A path the journal's lines cannot hold (not UTF-8, or with a tab or a line end in it).
#[derive(Debug, thiserror::Error)]
#[error("cannot journal the path {}", path.display())]
pub struct Unjournalable {
    pub path: PathBuf,
}

impl Journal {
    /// Notes the batch's files, durably, before any of them is touched.
    pub fn begin(root: &Path, entries: &[Entry]) -> io::Result<Journal> {
        let mut text = String::new();
        for e in entries {
            let path =
                e.path.to_str().filter(|p| !p.contains(['\n', '\t'])).ok_or_else(|| {
                    io::Error::new(io::ErrorKind::InvalidInput, Unjournalable { path: e.path.clone() })
                })?;
            let old = e.old_len.map_or_else(|| "-".to_string(), |n| n.to_string());
            text.push_str(&format!("{old}\t{}\t{path}\n", e.new_len));
        }
        let dir = layout::temp_dir(root)?;
        let mut tmp = tempfile::Builder::new().prefix(layout::TEMP_PREFIX).tempfile_in(&dir)?;
        tmp.write_all(text.as_bytes())?;
        tmp.as_file().sync_all()?;
        let path = root.join(layout::JOURNAL_FILE);
        tmp.persist(&path).map_err(|e| e.error)?;
        sync_dir(&root.join(layout::PRIVATE_DIR))?;
        Ok(Journal { path })
    }

    /// Every file is written: the batch stands.
    pub fn finish(self) -> io::Result<()> {
        fs::remove_file(&self.path)?;
        sync_dir(self.path.parent().expect("in .gov"))
    }
}

/// Undoes the batch an earlier writer did not finish, if any. Called with the folder lock held.
pub fn roll_back(root: &Path) -> io::Result<Vec<Undone>> {
    let path = root.join(layout::JOURNAL_FILE);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut done = Vec::new();
    for e in text.lines().filter_map(parse) {
        let file = root.join(&e.path);
        // Never through a link: the journal names files inside the folder only.
        super::guard::check(root, &file)?;
        let len = match fs::symlink_metadata(&file) {
            Ok(m) => m.len(),
            Err(err) if err.kind() == io::ErrorKind::NotFound => continue,
            Err(err) => return Err(err),
        };
        match e.old_len {
            None if len == e.new_len => {
                fs::remove_file(&file)?;
                done.push(Undone::Removed { path: e.path });
            }
            // Not reached by the batch: nothing to undo, nothing to say.
            Some(old) if len == old => {}
            Some(old) if (old..=e.new_len).contains(&len) => {
                let f = fs::OpenOptions::new().write(true).open(&file)?;
                f.set_len(old)?;
                f.sync_all()?;
                done.push(Undone::Truncated { path: e.path, to: old });
            }
            _ => done.push(Undone::Kept { path: e.path, len }),
        }
    }
    fs::remove_file(&path)?;
    sync_dir(&root.join(layout::PRIVATE_DIR))?;
    Ok(done)
}

fn parse(line: &str) -> Option<Entry> {
    let mut parts = line.splitn(3, '\t');
    let old = parts.next()?;
    let new_len = parts.next()?.parse().ok()?;
    let path = PathBuf::from(parts.next()?);
    let old_len = if old == "-" { None } else { Some(old.parse().ok()?) };
    Some(Entry { path, old_len, new_len })
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    let _ = dir;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("gov.yaml"), "name: x\n").unwrap();
        fs::create_dir(dir.path().join("visits")).unwrap();
        dir
    }

    #[test]
    fn an_unfinished_batch_is_undone() {
        let dir = folder();
        let root = dir.path();
        let (a, b, c) =
            (root.join("visits/2022-11.csv"), root.join("visits/2022-12.csv"), root.join("visits/2023-01.csv"));
        fs::write(&a, "date\n2022-11-01\n").unwrap(); // 16 bytes
        fs::write(&b, "date\n").unwrap(); // 5 bytes
        let entries = [
            Entry { path: "visits/2022-11.csv".into(), old_len: Some(16), new_len: 27 },
            Entry { path: "visits/2022-12.csv".into(), old_len: Some(5), new_len: 16 },
            Entry { path: "visits/2023-01.csv".into(), old_len: None, new_len: 16 },
        ];
        let journal = Journal::begin(root, &entries).unwrap();
        // Killed after the first append, part-way through the second, the third never made.
        fs::write(&a, "date\n2022-11-01\n2022-11-02\n").unwrap();
        fs::write(&b, "date\n2022-1").unwrap();
        drop(journal);
        let undone = roll_back(root).unwrap();
        assert_eq!(fs::read_to_string(&a).unwrap(), "date\n2022-11-01\n");
        assert_eq!(fs::read_to_string(&b).unwrap(), "date\n");
        assert!(!c.exists());
        assert_eq!(undone.len(), 2, "{undone:?}");
        assert!(!root.join(layout::JOURNAL_FILE).exists());
        // Nothing left to undo.
        assert_eq!(roll_back(root).unwrap(), Vec::new());
    }

    #[test]
    fn a_finished_batch_stands_and_a_file_changed_since_is_kept() {
        let dir = folder();
        let root = dir.path();
        let a = root.join("visits/2022-11.csv");
        fs::write(&a, "date\n").unwrap();
        let entry = Entry { path: "visits/2022-11.csv".into(), old_len: Some(5), new_len: 16 };
        let journal = Journal::begin(root, std::slice::from_ref(&entry)).unwrap();
        fs::write(&a, "date\n2022-11-02\n").unwrap();
        journal.finish().unwrap();
        assert_eq!(roll_back(root).unwrap(), Vec::new());
        assert_eq!(fs::read_to_string(&a).unwrap(), "date\n2022-11-02\n");

        // Unfinished, then edited by hand past what the batch wrote: left alone.
        Journal::begin(root, &[entry]).unwrap();
        fs::write(&a, "date\n2022-11-02\n2022-11-03 by hand\n").unwrap();
        let undone = roll_back(root).unwrap();
        assert_eq!(undone, [Undone::Kept { path: "visits/2022-11.csv".into(), len: 35 }]);
        assert_eq!(fs::read_to_string(&a).unwrap(), "date\n2022-11-02\n2022-11-03 by hand\n");
    }
}

//! What every recording command shares: take the folder's lock (after asking the user anything),
//! load the folder under it, validate new records in the words `gov check` uses (refusing on errors, nothing written),
//! and after writing, optionally commit exactly the changed files to git.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use clap::Args;

use super::git::{Committed, commit};
use super::{CliError, Ctx};
use crate::finding::{Finding, Severity};
use crate::load;
use crate::model::Dataset;
use crate::render::findings::write_findings;
use crate::store::FolderLock;
use crate::store::journal::Undone;
use crate::store::lock::LockError;
use crate::text::{Text, cli::write as words, errors};

/// Flags every recording command takes.
#[derive(Debug, Args, Default)]
pub struct WriteArgs {
    /// Show what would be written, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Commit the changed files to git (also on when gov.yaml says `auto_commit: yes`)
    #[arg(long)]
    pub commit: bool,
    /// Seconds to wait for another gov writing to this folder before giving up
    #[arg(long, value_name = "SECONDS", default_value_t = 30)]
    pub wait: u64,
}

/// The folder, loaded, and locked once the command is ready to write.
pub struct Session {
    pub root: PathBuf,
    pub ds: Dataset,
    lock: Option<FolderLock>,
    version: load::Version,
}

/// Takes the folder's lock, waiting up to `--wait` seconds, and says what undoing an earlier
/// writer's unfinished batch did.
fn take_lock(ctx: &Ctx, root: &Path, write: &WriteArgs) -> Result<FolderLock, CliError> {
    let wait = Duration::from_secs(write.wait);
    let lock = FolderLock::acquire(root, wait, &ctx.command, |holder| {
        note(&words::waiting_for_lock(holder));
    })
    .map_err(|e| match e {
        LockError::Busy { .. } => CliError::busy(e.text()).hint(errors::hint_wait_longer()),
        LockError::Io { .. } => CliError::io(e.text()),
    })?;
    report_undone(&lock.undone);
    Ok(lock)
}

/// Says what undoing an unfinished batch did, before anything else is written.
fn report_undone(undone: &[Undone]) {
    if undone.is_empty() {
        return;
    }
    note(&words::undone_heading());
    for u in undone {
        note(&match u {
            Undone::Truncated { path, to } => words::undone_truncated(path, *to),
            Undone::Removed { path } => words::undone_removed(path),
            Undone::Kept { path, len } => words::undone_kept(path, *len),
        });
    }
}

/// A line on standard error (notes beside the result), in the process's language, masked.
pub fn note(text: &Text) {
    let _ = writeln!(io::stderr(), "{}", crate::model::privacy::mask_text(text.current()));
}

impl Session {
    /// Locks the folder, then loads it: for a command that asks the user nothing.
    pub fn open(ctx: &Ctx, write: &WriteArgs) -> Result<Session, CliError> {
        let root = ctx.root()?;
        let lock = take_lock(ctx, &root, write)?;
        let mut s = Session::load(ctx, root)?;
        s.lock = Some(lock);
        Ok(s)
    }

    /// Loads the folder without locking it: for a command that first asks the user (a prompt,
    /// standard input), so that nobody else waits meanwhile. It then calls [`Session::lock`].
    pub fn read(ctx: &Ctx) -> Result<Session, CliError> {
        Session::load(ctx, ctx.root()?)
    }

    fn load(ctx: &Ctx, root: PathBuf) -> Result<Session, CliError> {
        // New records are judged by ids and fingerprints; no visit text is needed.
        let loaded = load::load_with(&root, ctx.load_options(false))?;
        ctx.settle_lang(&loaded.dataset.settings);
        Ok(Session { root, ds: loaded.dataset, lock: None, version: loaded.version })
    }

    /// Takes the lock of a folder loaded by [`Session::read`]. When another writer (or a
    /// person) changed the folder since, it is loaded again and `true` is returned: whatever
    /// the command judged from the old one must be judged again.
    pub fn lock(&mut self, ctx: &Ctx, write: &WriteArgs) -> Result<bool, CliError> {
        if self.lock.is_some() {
            return Ok(false);
        }
        let lock = take_lock(ctx, &self.root, write)?;
        let changed = load::Version::of(&self.root)? != self.version;
        if changed {
            *self = Session::load(ctx, self.root.clone())?;
        }
        self.lock = Some(lock);
        Ok(changed)
    }

    /// Prints the findings about new records; refuses (exit 1) when any is an error.
    pub fn vet(&self, mut findings: Vec<Finding>) -> Result<(), CliError> {
        crate::check::finish(&mut findings);
        if findings.is_empty() {
            return Ok(());
        }
        let mut err = io::stderr().lock();
        write_findings(&mut err, &findings)?;
        let n = findings.iter().filter(|f| f.severity() == Severity::Error).count();
        if n > 0 {
            return Err(CliError::refused(errors::refused_errors(n)));
        }
        Ok(())
    }

    /// A path relative to the folder, as findings and messages show it.
    pub fn rel<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Commits the files when asked (flag or gov.yaml), saying what happened.
    /// The message is in the language gov speaks (a Chinese office's log reads Chinese).
    pub fn commit(&self, args: &WriteArgs, files: &[PathBuf], message: &Text) {
        if !(args.commit || self.ds.settings.auto_commit) {
            return;
        }
        let rel: Vec<PathBuf> = files.iter().map(|f| self.rel(f).to_path_buf()).collect();
        let message = message.current();
        let said = match commit(&self.root, &rel, message) {
            Committed::Yes => words::committed(message),
            Committed::NotARepository => words::not_a_repository(),
            Committed::Failed(why) => words::commit_failed(&why),
        };
        // Unmasked: it quotes the commit's message as git keeps it.
        let _ = writeln!(io::stderr(), "{said}");
    }
}

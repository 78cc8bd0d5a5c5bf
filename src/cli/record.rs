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
        let _ = writeln!(io::stderr(), "waiting for another gov that is writing to this folder ({holder})…");
    })
    .map_err(|e| match e {
        LockError::Busy { .. } => CliError::busy(e)
            .hint("wait for it to finish and run the command again, or give --wait SECONDS to wait longer"),
        LockError::Io { .. } => CliError::io(e),
    })?;
    report_undone(&lock.undone);
    Ok(lock)
}

/// Says what undoing an unfinished batch did, before anything else is written.
fn report_undone(undone: &[Undone]) {
    if undone.is_empty() {
        return;
    }
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "an earlier gov was stopped part-way through a batch; it has been undone:");
    for u in undone {
        let _ = match u {
            Undone::Truncated { path, to } => {
                writeln!(err, "  {}: back to its {to} bytes before the batch", path.display())
            }
            Undone::Removed { path } => writeln!(err, "  {}: made by the batch, removed", path.display()),
            Undone::Kept { path, len } => writeln!(
                err,
                "  {}: changed since ({len} bytes), left as it is; check it for rows of the batch",
                path.display()
            ),
        };
    }
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
        let errors = findings.iter().filter(|f| f.severity() == Severity::Error).count();
        if errors > 0 {
            return Err(CliError::refused(anyhow::anyhow!(
                "{errors} {} in the new record; nothing was written",
                if errors == 1 { "error" } else { "errors" }
            )));
        }
        Ok(())
    }

    /// A path relative to the folder, as findings and messages show it.
    pub fn rel<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Commits the files when asked (flag or gov.yaml), saying what happened.
    pub fn commit(&self, args: &WriteArgs, files: &[PathBuf], message: &str) {
        if !(args.commit || self.ds.settings.auto_commit) {
            return;
        }
        let rel: Vec<PathBuf> = files.iter().map(|f| self.rel(f).to_path_buf()).collect();
        let note = match commit(&self.root, &rel, message) {
            Committed::Yes => format!("committed: {message}"),
            Committed::NotARepository => "not a git repository: the change is written but not committed".to_string(),
            Committed::Failed(why) => format!("git commit failed ({why}); the change is written but not committed"),
        };
        let _ = writeln!(io::stderr(), "{note}");
    }
}

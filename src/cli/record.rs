//! What every recording command shares: take the folder's lock, load the folder under it,
//! validate new records in the words `gov check` uses (refusing on errors, nothing written),
//! and after writing, optionally commit exactly the changed files to git.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use super::git::{Committed, commit};
use super::{CliError, Ctx};
use crate::finding::{Finding, Severity};
use crate::load;
use crate::model::Dataset;
use crate::render::findings::write_findings;
use crate::store::FolderLock;
use crate::store::journal::Undone;

/// Flags every recording command takes.
#[derive(Debug, Args, Default)]
pub struct WriteArgs {
    /// Show what would be written, and write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Commit the changed files to git (also on when gov.yaml says `auto_commit: yes`)
    #[arg(long)]
    pub commit: bool,
}

/// The folder, locked and loaded.
pub struct Session {
    pub root: PathBuf,
    pub ds: Dataset,
    _lock: FolderLock,
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
    pub fn open(ctx: &Ctx) -> Result<Session, CliError> {
        let root = ctx.root()?;
        let lock = FolderLock::acquire(&root, || {
            let _ = writeln!(io::stderr(), "waiting for another gov that is writing to this folder…");
        })
        .map_err(|e| {
            CliError::io(anyhow::anyhow!("cannot lock {}: {e}", root.join(crate::layout::LOCK_FILE).display()))
        })?;
        report_undone(&lock.undone);
        // New records are judged by ids and fingerprints; no visit text is needed.
        let loaded = load::load_with(&root, ctx.load_options(false))?;
        Ok(Session { root, ds: loaded.dataset, _lock: lock })
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

//! Optional git integration for the recording commands: stage exactly the files gov changed and
//! commit them, with the `git` command. Without a repository gov says so; the files are written
//! either way.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What happened to a requested commit.
#[derive(Debug, PartialEq, Eq)]
pub enum Committed {
    Yes,
    NotARepository,
    Failed(String),
}

fn git(root: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(root);
    c
}

/// Commits `files` (relative to `root`) alone, whatever else is staged or changed.
pub fn commit(root: &Path, files: &[PathBuf], message: &str) -> Committed {
    let inside = git(root).args(["rev-parse", "--is-inside-work-tree"]).output();
    match inside {
        Ok(o) if o.status.success() => {}
        Ok(_) => return Committed::NotARepository,
        Err(e) => {
            return Committed::Failed(crate::text::cli::write::cannot_run_git(&e.to_string()).current().to_string());
        }
    }
    let add = git(root).arg("add").arg("--").args(files).output();
    if let Some(why) = failure(add) {
        return Committed::Failed(why);
    }
    let commit = git(root).args(["commit", "--quiet", "-m", message, "--"]).args(files).output();
    match failure(commit) {
        None => Committed::Yes,
        Some(why) => Committed::Failed(why),
    }
}

fn failure(out: std::io::Result<std::process::Output>) -> Option<String> {
    match out {
        Ok(o) if o.status.success() => None,
        Ok(o) => Some(String::from_utf8_lossy(&o.stderr).trim().to_string()),
        Err(e) => Some(e.to_string()),
    }
}

//! `gov issue undo`: take back the latest event of a problem (an event added by mistake), and
//! only that one: its lines in the `events` list go, nothing else. The event is shown first; on a
//! terminal gov asks before removing it (before taking the lock, so nobody waits meanwhile);
//! without one it is refused unless `--yes`.

use std::io::{self, IsTerminal};

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::visit::prompt::confirm_text;
use crate::cli::write::{Place, edit_record, note};
use crate::cli::{CliError, Ctx, Exit, OrOs, echo};
use crate::model::Kind;
use crate::store::{TextFile, yaml_edit};
use crate::text::{cli::write as words, errors};

/// Remove a problem's latest event (one added by mistake)
///
/// Only the latest event goes, and nothing else in the file. Its text is shown first; on a
/// terminal gov asks to confirm; without a terminal (a script) it is refused unless --yes.
#[derive(Debug, Args)]
pub struct UndoArgs {
    /// The problem's id (I-2022-0041)
    pub id: String,
    /// Remove it without asking (needed without a terminal)
    #[arg(long)]
    pub yes: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// The problem's latest event as it was loaded: its file, line, action and date.
fn latest(s: &Session, id: &str) -> Result<(crate::model::Loc, u32, crate::model::labels::Action, String), CliError> {
    let Some(issue) = s.ds.issues.iter().find(|i| s.ds.name(i.id) == id) else {
        return Err(CliError::usage(errors::no_issue(id)).hint(errors::hint_issue_id()));
    };
    let Some(e) = issue.events.last() else {
        return Err(CliError::usage(errors::no_events(id)));
    };
    Ok((issue.loc, e.line, e.action, e.date.to_string()))
}

pub fn run(ctx: &Ctx, args: &UndoArgs) -> Result<Exit, CliError> {
    let mut s = Session::read(ctx)?;
    let id = args.id.trim();
    let first = latest(&s, id)?;
    let (loc, line, action, date) = first.clone();
    let path = s.root.join(s.ds.path(loc.file));
    let text = TextFile::read(&path)
        .or_os(|| errors::cannot_read(&path))?
        .ok_or_else(|| CliError::io(errors::file_gone(&path)))?
        .text;
    let range = yaml_edit::item_range(&text, line).map_err(|e| CliError::refused(e.text()))?;
    let event = words::issue_event(id, action, &date);
    let rel = s.ds.path(loc.file).to_path_buf();
    note(&words::latest_event(&event, &rel, line));
    echo(&text[range].replace("\r\n", "\n").replace('\r', "\n"));
    if !args.yes && !args.write.dry_run {
        if !(io::stdin().is_terminal() && io::stderr().is_terminal()) {
            return Err(CliError::usage(errors::undo_needs_yes()));
        }
        if !confirm_text(&words::remove_this_event(), false)? {
            note(&words::nothing_written());
            return Ok(Exit::Ok);
        }
    }
    // Under the lock, the latest event must still be the one shown.
    if s.lock(ctx, &args.write)? && latest(&s, id)? != first {
        return Err(CliError::refused(errors::issue_changed(id)));
    }
    let edit = |text: &str, _: &str, place: &Place| match place {
        Place::Yaml(_) => yaml_edit::remove_item(text, line).map_err(|e| e.text()),
        Place::Csv { .. } => Err(errors::issue_in_csv()),
    };
    let done = words::event_removed(&event);
    let message = words::event_removed_commit(&event);
    edit_record(ctx, &mut s, &args.write, Kind::Issues, (loc, id), edit, (&done, &message))
}

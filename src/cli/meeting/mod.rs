//! `gov meeting …`: meetings and their decisions (会议与议事). One file per job: `add` records
//! a meeting, `decide` adds a decision to it, `step` records a decision's progress, completion
//! or dropping, `list` and `show` read them.

pub mod add;
pub mod decide;
pub mod list;
pub mod prompt;
pub mod show;
pub mod step;

use clap::Subcommand;

use crate::cli::CliError;
use crate::model::{Dataset, Meeting};
use crate::text::errors::meetings as errors;

#[derive(Debug, Subcommand)]
pub enum MeetingCommand {
    List(list::ListArgs),
    Show(show::ShowArgs),
    Add(add::AddArgs),
    Decide(decide::DecideArgs),
    /// Record a step of work on a decision (进展)
    Progress(step::StepArgs),
    /// Record that a decision was carried out (已落实), and when residents were told
    Done(step::DoneArgs),
    /// Record that a decision was dropped (不再落实)
    Drop(step::StepArgs),
}

/// The meeting with this id, exactly.
pub fn find<'d>(ds: &'d Dataset, id: &str) -> Result<&'d Meeting, CliError> {
    let id = id.trim();
    ds.meetings
        .iter()
        .find(|m| ds.name(m.id) == id)
        .ok_or_else(|| CliError::usage(errors::no_meeting(id)).hint(errors::hint_meeting_id()))
}

/// `M-2022-0003/2`: the meeting's id and the decision's number.
pub fn decision_ref(typed: &str) -> Result<(&str, u32), CliError> {
    let bad = || CliError::usage(errors::not_a_decision_ref(typed)).hint(errors::hint_decision_ref());
    let (id, no) = typed.trim().rsplit_once('/').ok_or_else(bad)?;
    let no = no.trim().parse::<u32>().map_err(|_| bad())?;
    if id.trim().is_empty() {
        return Err(bad());
    }
    Ok((id.trim(), no))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decisions_are_named_id_slash_number() {
        assert_eq!(decision_ref("M-2022-0003/2").unwrap(), ("M-2022-0003", 2));
        assert_eq!(decision_ref(" M-2022-0003 / 12 ").unwrap(), ("M-2022-0003", 12));
        assert!(decision_ref("M-2022-0003").is_err());
        assert!(decision_ref("M-2022-0003/x").is_err());
        assert!(decision_ref("/2").is_err());
    }
}

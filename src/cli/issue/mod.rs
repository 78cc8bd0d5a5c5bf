//! `gov issue …`: commands about the problems raised by residents (群众诉求). One file per
//! subcommand; a new one is a file, a variant here and an arm in the registry (`cli/mod.rs`).

pub mod add;
pub mod amend;
pub mod event;
pub mod list;
pub mod show;
pub mod undo;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum IssueCommand {
    List(list::ListArgs),
    Show(show::ShowArgs),
    Add(add::AddArgs),
    /// Record that the problem was sent to whoever handles it (派单)
    Dispatch(event::EventArgs),
    /// Record a whistle (吹哨): the community summons departments
    Whistle(event::WhistleArgs),
    /// Record that a summoned department reported (报到)
    Report(event::ReportArgs),
    /// Record a step of work (进展)
    Progress(event::EventArgs),
    /// Record that the problem was resolved (办结)
    Resolve(event::EventArgs),
    /// Record the follow-up with the resident (回访): solved or not, and satisfaction
    Feedback(event::FeedbackArgs),
    /// Record that a resolved or closed problem is back to work (重办)
    Reopen(event::EventArgs),
    /// Record that the problem was closed without feedback (关闭)
    Close(event::EventArgs),
    Undo(undo::UndoArgs),
    Amend(amend::AmendArgs),
}

//! `gov visit …`: commands about visits.

pub mod add;
pub(crate) mod batch;
pub mod edit;
pub mod list;
pub mod pick;
pub mod prompt;
pub mod rm;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum VisitCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
    Edit(edit::EditArgs),
    Rm(rm::RmArgs),
}

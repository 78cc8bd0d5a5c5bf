//! `gov visit …`: commands about visits.

pub mod add;
mod batch;
pub mod list;
mod prompt;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum VisitCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
}

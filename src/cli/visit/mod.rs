//! `gov visit …`: commands about visits.

pub mod list;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum VisitCommand {
    List(list::ListArgs),
}

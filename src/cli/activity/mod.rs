//! `gov activity …`: commands about activities and services (活动与服务).

pub mod add;
mod batch;
pub mod list;
mod prompt;
pub(crate) mod write;

use clap::Subcommand;

/// A command's arguments are parsed once per run: the size of the largest does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum ActivityCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
}

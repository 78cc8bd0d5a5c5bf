//! `gov grid …`: commands about the community's grids (网格): add one, list them as a tree.

pub mod add;
pub mod list;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum GridCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
}

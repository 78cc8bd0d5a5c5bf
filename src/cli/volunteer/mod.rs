//! `gov volunteer …`: commands about the volunteer roster (志愿者).

pub mod add;
pub mod list;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum VolunteerCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
}

//! `gov org …`: commands about the community's organisations (组织).

pub mod add;
pub mod list;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
}

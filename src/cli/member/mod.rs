//! `gov member …`: commands about party members (党员).

pub mod add;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    Add(add::AddArgs),
}

//! `gov member …`: commands about party members (党员).

pub mod add;
pub mod edit;
pub mod set_status;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    Add(add::AddArgs),
    Edit(edit::EditArgs),
    SetStatus(set_status::SetStatusArgs),
}

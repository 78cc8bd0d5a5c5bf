//! `gov member …`: commands about party members (党员): add, correct, set the status, list them (党员花名册).

pub mod add;
pub mod edit;
pub mod list;
pub mod set_status;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum MemberCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
    Edit(edit::EditArgs),
    SetStatus(set_status::SetStatusArgs),
}

//! `gov household …`: commands about households (户): add one, set its colour (三色管理), link
//! and unlink the members who look after it (党员联系户).

pub mod add;
pub mod edit;
pub mod link;
pub mod set_color;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum HouseholdCommand {
    Add(add::AddArgs),
    Edit(edit::EditArgs),
    SetColor(set_color::SetColorArgs),
    /// Link a member to a household (党员联系户): add them to its contacts
    Link(link::LinkArgs),
    /// Unlink a member from a household: take them off its contacts
    Unlink(link::LinkArgs),
}

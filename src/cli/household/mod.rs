//! `gov household …`: commands about households (户): add one, list them (住户花名册), show one's
//! card (居民信息工作台账), set its
//! colour (三色管理), move it to another grid, link and unlink the members who look after it
//! (党员联系户).

pub mod add;
pub mod edit;
pub mod link;
pub mod list;
pub mod move_grid;
pub mod set_color;
pub mod show;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum HouseholdCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
    Show(show::ShowArgs),
    Edit(edit::EditArgs),
    SetColor(set_color::SetColorArgs),
    Move(move_grid::MoveArgs),
    /// Link a member to a household (党员联系户): add them to its contacts
    Link(link::LinkArgs),
    /// Unlink a member from a household: take them off its contacts
    Unlink(link::LinkArgs),
}

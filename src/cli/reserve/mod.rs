//! `gov reserve …`: the reserve cadres (后备力量 / 红色雏雁): `add` records one, `list` lists them.

pub mod add;
pub mod list;

use clap::Subcommand;

/// Parsed once per run: the size of `add`'s arguments does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum ReserveCommand {
    Add(add::AddArgs),
    List(list::ListArgs),
}

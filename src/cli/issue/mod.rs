//! `gov issue …`: commands about the problems raised by residents (群众诉求). One file per
//! subcommand; a new one is a file, a variant here and an arm in the registry (`cli/mod.rs`).

pub mod list;
pub mod show;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum IssueCommand {
    List(list::ListArgs),
    Show(show::ShowArgs),
}

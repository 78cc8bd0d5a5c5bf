//! `gov household show`: one household's card (居民信息工作台账).

use clap::Args;

use crate::cli::output::{OutputArgs, load_for_report_with_text, resolve};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::household_card::household_card;

/// One household's card (居民信息工作台账): everything about it in one place
///
/// The record (door number and phones masked) with its visit schedule as of today (last visit,
/// interval and where it comes from, due date, days overdue), then its linked members with the
/// visits each made, its colour history (colors), every visit with its summary, every problem
/// with its status, and the activities that served it (aid received, services done). JSON
/// holds the six under `household`, `members`, `colors`, `visits`, `issues` and `activities`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The household: id, or a unique part of the address or the head's name
    pub household: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ShowArgs) -> Result<Exit, CliError> {
    let data = load_for_report_with_text(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    let sym = resolve(ix.find_household(&args.household))?;
    let Some(h) = ix.look.household(sym) else {
        return Err(CliError::usage(crate::text::errors::no_household(&args.household)));
    };
    args.output.emit_all(&household_card(&ix, h, ctx.today))?;
    Ok(data.exit())
}

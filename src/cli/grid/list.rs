//! `gov grid list`: the grids (网格) as a tree, with their member and household counts.

use clap::Args;

use crate::cli::output::{OutputArgs, load_for_report, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::grid_list::{GridFilter, grid_table};

/// List the grids (网格) as a tree
///
/// The community grid, the areas under it and the buildings under those, each with its level,
/// parent, leader (网格长) and how many members and households it holds, its sub-grids
/// included; the total counts each member and household once.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this grid and the grids under it (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    let filter = GridFilter { grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)? };
    args.output.emit(&grid_table(&ix, &filter))?;
    Ok(data.exit())
}

//! `gov due`: households overdue for a visit under three-colour management.

use clap::Args;

use super::output::{OutputArgs, load_for_report, resolve_opt};
use super::{CliError, Ctx, Exit};
use crate::report::Index;
use crate::report::due::{DueFilter, due_table};

/// Households overdue for a visit under three-colour management (三色管理)
///
/// As of today, most overdue first: last visit, the
/// colour's interval from gov.yaml, due date, days overdue. Never-visited households count as
/// overdue from the start of the data.
#[derive(Debug, Args)]
pub struct DueArgs {
    /// Also list households falling due within this many days
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,
    /// One member's to-do list: only households linked to this member (id or name)
    #[arg(long)]
    pub member: Option<String>,
    /// Only this grid (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &DueArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let filter = DueFilter {
        within: args.within,
        member: resolve_opt(&ix, args.member.as_deref(), Index::find_member)?,
        grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)?,
    };
    args.output.emit(&due_table(&ix, ctx.today, &filter))?;
    Ok(data.exit())
}

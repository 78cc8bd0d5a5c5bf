//! `gov reserve list`: the reserve cadres (后备力量 / 红色雏雁).

use clap::Args;

use crate::cli::output::{OutputArgs, load_for_report};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::reserve::ReserveStatus;
use crate::model::labels::Labelled;
use crate::report::Index;
use crate::report::reserve_list::reserve_table;

/// List the reserve cadres (后备力量 / 红色雏雁)
///
/// One row per cadre: gender, age today, education, political status, grid, org, mentor, the day
/// they entered the roster, how many trainings they attended and their status.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only cadres of this status: training, appointed, left (or 培养中, 已使用, 已退出)
    #[arg(long, value_parser = status_arg)]
    pub status: Option<ReserveStatus>,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn status_arg(s: &str) -> Result<ReserveStatus, String> {
    ReserveStatus::parse(s).ok_or_else(|| format!("allowed: {}", ReserveStatus::allowed()))
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    args.output.emit(&reserve_table(&ix, args.status, ctx.today))?;
    Ok(data.exit())
}

//! `gov project list`: the secretaries' projects with their status.

use clap::Args;

use crate::cli::output::{OutputArgs, load_for_report, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::ProjectStatus;
use crate::model::labels::Labelled;
use crate::report::Index;
use crate::report::projects::{ProjectFilter, project_table};

/// List the secretaries' projects (书记攻关项目) with their status
///
/// One row per project: its branch, the secretary leading it, the topic, start and due dates,
/// its status as of today (derived from its steps: not started, in progress, done, shared as a
/// template, dropped), how many steps it has, the date of the last, and whether it is overdue
/// (past its due date, neither done nor dropped).
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this branch's projects (an org's id or name)
    #[arg(long)]
    pub branch: Option<String>,
    /// Only projects of this status: open, in_progress, done, template, dropped (or 未启动, 推进中…)
    #[arg(long, value_parser = status_arg)]
    pub status: Option<ProjectStatus>,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn status_arg(s: &str) -> Result<ProjectStatus, String> {
    ProjectStatus::parse(s).ok_or_else(|| format!("allowed: {}", ProjectStatus::allowed()))
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    let filter =
        ProjectFilter { branch: resolve_opt(&ix, args.branch.as_deref(), Index::find_org)?, status: args.status };
    args.output.emit(&project_table(&ix, &filter, ctx.today))?;
    Ok(data.exit())
}

//! `gov org list`: the organisations as a tree (组织架构).

use clap::Args;

use crate::cli::output::{OutputArgs, load_for_report, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::org::OrgKind;
use crate::model::labels::Labelled;
use crate::report::Index;
use crate::report::orgs::{OrgFilter, org_table};

/// List the organisations (组织架构) as a tree
///
/// The community's Party committee, its branches and grid branches under it, and the units,
/// partners, property companies, committees and teams beside; with each one's kind, parent,
/// leader, grids, phone (masked) and how many members name it as their branch or unit.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only orgs of this kind: branch, grid_branch, unit, partner, property… (or 党支部, 物业企业…)
    #[arg(long, value_parser = kind_arg)]
    pub kind: Option<OrgKind>,
    /// Only orgs serving this grid or a grid under it (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

fn kind_arg(s: &str) -> Result<OrgKind, String> {
    OrgKind::parse(s).ok_or_else(|| format!("allowed: {}", OrgKind::allowed()))
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let filter = OrgFilter { kind: args.kind, grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)? };
    args.output.emit(&org_table(&ix, &filter))?;
    Ok(data.exit())
}

//! `gov member list`: the party members' roster (党员花名册).

use clap::Args;

use crate::cli::output::{OutputArgs, load_for_report, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::model::labels::{Labelled, MemberKind, MemberStatus};
use crate::report::Index;
use crate::report::member_list::{Branch, MemberFilter, member_table};

/// List the party members (党员花名册)
///
/// One row per member, in file order: kind, branch, grid, phone (masked), unit, the date they
/// registered with the community (报到), status, roles and how many households they are linked
/// to (联系户).
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only members serving this grid or a grid under it (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    /// Only members of this branch (an org's id or name, or the text the members file holds)
    #[arg(long)]
    pub branch: Option<String>,
    /// Only members of this kind: resident, in_service, mobile (or 社区党员, 在职党员, 流动党员)
    #[arg(long, value_parser = parse_arg::<MemberKind>)]
    pub kind: Option<MemberKind>,
    /// Only members in this status: active, transferred, inactive, deceased (or 正常, 已转出…)
    #[arg(long, value_parser = parse_arg::<MemberStatus>)]
    pub status: Option<MemberStatus>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub(crate) fn parse_arg<E: Labelled>(s: &str) -> Result<E, String> {
    E::parse(s).ok_or_else(|| format!("allowed: {}", E::allowed()))
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    // The branch as the file may hold it: the text typed, and the org it names (id and name).
    let branch = args.branch.as_deref().map(str::trim).map(|typed| {
        let mut texts = vec![typed.to_string()];
        if let Ok(org) = ix.find_org(typed) {
            texts.push(ix.ds.name(org).to_string());
            texts.push(ix.org_text(ix.ds.name(org)).to_string());
        }
        Branch(texts)
    });
    let filter = MemberFilter {
        grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)?,
        branch,
        kind: args.kind,
        status: args.status,
    };
    args.output.emit(&member_table(&ix, &filter))?;
    Ok(data.exit())
}

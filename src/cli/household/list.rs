//! `gov household list`: the households' roster (住户花名册).

use clap::Args;

use crate::cli::member::list::parse_arg;
use crate::cli::output::{OutputArgs, load_for_report, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::model::labels::{Color, HouseholdTag};
use crate::report::Index;
use crate::report::household_list::{HouseholdFilter, household_table};

/// List the households (住户花名册)
///
/// One row per household, in file order: address (door number masked), grid, head, phone
/// (masked), size, colour (三色管理), tags and the members linked to it (联系党员).
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only households in this grid or a grid under it (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    /// Only households of this colour: red, yellow, green (or 红, 黄, 绿)
    #[arg(long, value_parser = parse_arg::<Color>)]
    pub color: Option<Color>,
    /// Only households with this tag: elderly_alone, dibao… (or 独居老人, 低保…)
    #[arg(long, value_parser = parse_arg::<HouseholdTag>)]
    pub tag: Option<HouseholdTag>,
    /// Only households linked to this member (id or name)
    #[arg(long)]
    pub member: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    let filter = HouseholdFilter {
        grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)?,
        color: args.color,
        tag: args.tag,
        member: resolve_opt(&ix, args.member.as_deref(), Index::find_member)?,
    };
    args.output.emit(&household_table(&ix, &filter))?;
    Ok(data.exit())
}

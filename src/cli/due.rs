//! `gov due`: households overdue for a visit under three-colour management, as one list or as
//! each member's own page (`--by member`).

use clap::{Args, ValueEnum};

use super::member::list::parse_arg;
use super::output::{OutputArgs, load_for_report, resolve_opt};
use super::{CliError, Ctx, Exit};
use crate::model::labels::Color;
use crate::render::report::OutFormat;
use crate::report::Index;
use crate::report::due::{DueFilter, due_member_pages, due_member_table, due_table};

/// Households overdue for a visit under three-colour management (三色管理)
///
/// As of today, most overdue first: last visit, registration date, the interval and where it
/// comes from (the colour's in gov.yaml `visit_interval_days`, or a shorter one of a tag in
/// `tag_interval_days`), due date, days overdue. A household never visited is due one interval
/// after its registration date (`since`), or, without one, from the start of the data; a tag
/// set to `none` takes its households off the list.
#[derive(Debug, Args)]
pub struct DueArgs {
    /// Also list households falling due within this many days (7: due this week)
    #[arg(long, value_name = "DAYS")]
    pub within: Option<u32>,
    /// One member's to-do list: only households linked to this member (id or name)
    #[arg(long)]
    pub member: Option<String>,
    /// Only this grid (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    /// Only households of this colour: red, yellow, green (or 红, 黄, 绿)
    #[arg(long, value_parser = parse_arg::<Color>)]
    pub color: Option<Color>,
    /// One page per member (each member's linked households, to hand out); in CSV and JSON one table with the member in front
    #[arg(long, value_enum, value_name = "PAGES")]
    pub by: Option<DueBy>,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DueBy {
    /// One page per member
    Member,
}

pub fn run(ctx: &Ctx, args: &DueArgs) -> Result<Exit, CliError> {
    if let super::town::Place::Town(spec) = ctx.place()? {
        return super::town::reports::due(ctx, spec, args);
    }
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let filter = DueFilter {
        within: args.within,
        member: resolve_opt(&ix, args.member.as_deref(), Index::find_member)?,
        grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)?,
        color: args.color,
    };
    match args.by {
        None => args.output.emit(&due_table(&ix, ctx.today, &filter))?,
        Some(DueBy::Member) => match args.output.format()? {
            OutFormat::Csv | OutFormat::Json | OutFormat::Xlsx => {
                args.output.emit(&due_member_table(&ix, ctx.today, &filter))?
            }
            OutFormat::Table | OutFormat::Md | OutFormat::Html => {
                args.output.emit_all(&due_member_pages(&ix, ctx.today, &filter))?
            }
        },
    }
    Ok(data.exit())
}

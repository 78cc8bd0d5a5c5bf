//! `gov activity list`: the activity ledger (活动台账).

use clap::Args;

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report, resolve_opt};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::activity::{ActivityKind, ActivityType};
use crate::model::labels::Labelled;
use crate::report::Index;
use crate::report::activity_list::{ActivityFilter, activity_table};

/// List the activities and services (活动台账)
///
/// One row per activity in the period, by date: kind, title, organiser and partners, grid,
/// place, how many members, volunteers and others took part, their hours, households served,
/// people given aid, the aid handed out and how many problems it solved; with totals.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only activities of this kind: dual_report, volunteer, partner, epidemic, publicity, aid,
    /// care, other (or 双报到服务, 志愿服务…), or a kind gov.yaml adds
    #[arg(long)]
    pub kind: Option<String>,
    /// Only activities serving this grid or a grid under it (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    /// Only activities this org organised or joined (id or name)
    #[arg(long)]
    pub org: Option<String>,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

pub fn run(ctx: &Ctx, args: &ListArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ix = Index::new(data.ds);
    let kind = match args.kind.as_deref().map(str::trim) {
        None => None,
        Some(k) => Some(match ActivityKind::parse(k) {
            Some(b) => ActivityType::Builtin(b),
            None if ix.ds.settings.activity_kinds.iter().any(|c| c == k) => ActivityType::Custom(k.to_string()),
            None => {
                return Err(CliError::usage(crate::text::findings::not_an_activity_kind(k))
                    .hint(crate::text::findings::activity_kind_hint::<ActivityKind>(&ix.ds.settings.activity_kinds)));
            }
        }),
    };
    let filter = ActivityFilter {
        kind,
        grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)?,
        org: resolve_opt(&ix, args.org.as_deref(), Index::find_org)?,
    };
    args.output.emit(&activity_table(&ix, &period, &filter))?;
    Ok(data.exit())
}

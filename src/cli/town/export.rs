//! `gov export --month M` on a town: the town's pack, a file and a workbook sheet per report,
//! each with a row per community and the town's totals.

use super::reports::{issues_figures, ledger_figures, stats_figures};
use crate::cli::export::{ExportArgs, ExportFormat, pack_period, write_pack};
use crate::cli::output::OnErrors;
use crate::cli::report::ledger::ByArg;
use crate::cli::{CliError, Ctx, Exit};
use crate::load::town::TownSpec;
use crate::report::Table;
use crate::report::issues::{IssuesBy, IssuesOptions};
use crate::report::town::due_town_table;
use crate::report::whistles::whistles_town_table;

pub fn run(ctx: &Ctx, spec: TownSpec, args: &ExportArgs) -> Result<Exit, CliError> {
    if args.format == ExportFormat::Parquet {
        return crate::cli::export_parquet::run_town(ctx, spec, args);
    }
    let period = pack_period(ctx, args)?;
    let on_errors = if args.allow_errors { OnErrors::Allow } else { OnErrors::Refuse };
    let data = super::load_for_report(ctx, spec, false, on_errors)?;
    if data.errors > 0 && !args.allow_errors {
        return Ok(Exit::Findings);
    }
    let as_of = period.to.min(ctx.today);
    let today = ctx.today;
    let o = IssuesOptions::default();
    let tables: Vec<(&'static str, &'static str, Table)> = vec![
        ("统计", "stats", stats_figures(&data, &period, None)),
        ("走访汇总-按社区", "summary-by-community", ledger_figures(&data, &period, today, ByArg::Community)),
        ("走访汇总-按网格", "summary-by-grid", ledger_figures(&data, &period, today, ByArg::CommunityGrid)),
        ("逾期未访", "overdue", due_town_table(data.name, &data.parts(), as_of)),
        ("诉求办理", "issues", issues_figures(&data, &period, today, IssuesBy::All, o)),
        ("吹哨报到", "whistles", whistles_town_table(data.name, &data.parts(), &period)),
    ];
    let mut tables: Vec<(&str, &str, Vec<Table>)> = tables.into_iter().map(|(zh, en, t)| (zh, en, vec![t])).collect();
    write_pack(ctx, args, &period, &mut tables, &data.listed, data.errors, None)?;
    Ok(data.exit())
}

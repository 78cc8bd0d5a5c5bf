//! The reports a town gives (`stats`, `report`, `report issues`, `report whistles`, `due`): each
//! community's own report, computed on its own folder, put together by
//! [`crate::report::town`] — one row per community with the town's totals.

use super::{TownData, option_not_on_a_town};
use crate::cli::due::DueArgs;
use crate::cli::output::OutputArgs;
use crate::cli::report::issues::{IssuesArgs, issues_by};
use crate::cli::report::ledger::{ByArg, LedgerArgs};
use crate::cli::report::whistles::WhistlesArgs;
use crate::cli::stats::{StatsArgs, StatsBy};
use crate::cli::{CliError, Ctx, Exit};
use crate::load::town::TownSpec;
use crate::report::issues::{IssuesBy, IssuesOptions, issues_table, issues_town_table};
use crate::report::ledger::{By, LedgerFilter, ledger_table};
use crate::report::period::Period;
use crate::report::stats::stats_table;
use crate::report::town::{Part, by_community, due_town_table, prefixed, summed};
use crate::report::whistles::whistles_town_table;
use crate::report::{Index, Table, Value};

fn load(ctx: &Ctx, spec: TownSpec, output: &OutputArgs) -> Result<TownData, CliError> {
    super::load_for_report(ctx, spec, false, output.on_errors())
}

/// The town's headline figures: every figure added up over its communities; with
/// `--by community`, each community's figures under its name, then the town's.
pub fn stats_figures(data: &TownData, period: &Period, by: Option<StatsBy>) -> Table {
    let parts: Vec<Part<'_>> = data.parts.iter().map(|(n, ix)| (*n, stats_table(ix, period))).collect();
    let town = summed(data.name, &parts, 2);
    match by {
        None => town,
        Some(StatsBy::Community) => {
            let mut all = parts;
            all.push((data.name, town));
            prefixed(data.name, &all)
        }
    }
}

pub fn stats(ctx: &Ctx, spec: TownSpec, args: &StatsArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load(ctx, spec, &args.output)?;
    args.output.emit(&stats_figures(&data, &period, args.by))?;
    Ok(data.exit())
}

/// The town's ledger summary: one row per community (`--by community`, the default), or each
/// community's rows by member, grid or branch under its name (`--by community,grid`).
pub fn ledger_figures(data: &TownData, period: &Period, today: chrono::NaiveDate, by_arg: ByArg) -> Table {
    ledger_rollup(data.name, &data.parts(), period, today, by_arg)
}

/// [`ledger_figures`] for any list of communities (a community's folder is a town of one).
pub fn ledger_rollup(
    name: &str,
    parts: &[(&str, &Index<'_>)],
    period: &Period,
    today: chrono::NaiveDate,
    by_arg: ByArg,
) -> Table {
    let table = |by: By| -> Vec<Part<'_>> {
        parts.iter().map(|(n, ix)| (*n, ledger_table(ix, period, today, by, &LedgerFilter::default()))).collect()
    };
    let (mut t, zh, en) = match by_arg {
        ByArg::Community => (by_community(name, &table(By::Grid)), "按社区", "by community"),
        ByArg::CommunityGrid | ByArg::Grid => {
            (prefixed(name, &table(By::Grid)), "按社区、网格", "by community and grid")
        }
        ByArg::Member => (prefixed(name, &table(By::Member)), "按社区、党员", "by community and member"),
        ByArg::Branch => (prefixed(name, &table(By::Branch)), "按社区、支部", "by community and branch"),
    };
    t.title_zh = format!("{name}走访台账汇总（{}，{zh}）", period.label());
    t.title_en = format!("{name} visit ledger summary ({}, {en})", period.label());
    t
}

pub fn ledger(ctx: &Ctx, spec: TownSpec, args: &LedgerArgs) -> Result<Exit, CliError> {
    for (given, option) in [(&args.grid, "--grid"), (&args.member, "--member")] {
        if given.is_some() {
            return Err(option_not_on_a_town(ctx, &spec, option));
        }
    }
    let period = args.period.period(ctx)?;
    let data = load(ctx, spec, &args.output)?;
    let by_arg = args.by.unwrap_or(ByArg::Community);
    args.output.emit(&ledger_figures(&data, &period, ctx.today, by_arg))?;
    Ok(data.exit())
}

/// The town's problems: one row per community; with `--by`, each community's rows under its
/// name. The town's total is over all its problems, medians included.
pub fn issues_figures(
    data: &TownData,
    period: &Period,
    today: chrono::NaiveDate,
    by: IssuesBy,
    o: IssuesOptions,
) -> Table {
    let town = issues_town_table(data.name, &data.parts(), period, today, o);
    if by == IssuesBy::All {
        return town;
    }
    let parts: Vec<Part<'_>> = data.parts.iter().map(|(n, ix)| (*n, issues_table(ix, period, today, by, o))).collect();
    let mut t = prefixed(data.name, &parts);
    // The town's figures under the key columns, left empty.
    let keys = t.columns.len() - town.columns.len();
    t.total = town.total.map(|total| {
        let mut row = vec![Value::Empty; keys + 1];
        row.extend(total.into_iter().skip(1));
        row
    });
    t
}

pub fn issues(ctx: &Ctx, spec: TownSpec, args: &IssuesArgs) -> Result<Exit, CliError> {
    let period = args.period.period(ctx)?;
    let data = load(ctx, spec, &args.output)?;
    let o = IssuesOptions { count_basic: args.count_basic };
    args.output.emit(&issues_figures(&data, &period, ctx.today, issues_by(args.by), o))?;
    Ok(data.exit())
}

pub fn whistles(ctx: &Ctx, spec: TownSpec, args: &WhistlesArgs) -> Result<Exit, CliError> {
    if args.pending {
        return Err(option_not_on_a_town(ctx, &spec, "--pending"));
    }
    let period = args.period.period(ctx)?;
    let data = load(ctx, spec, &args.output)?;
    args.output.emit(&whistles_town_table(data.name, &data.parts(), &period))?;
    Ok(data.exit())
}

pub fn due(ctx: &Ctx, spec: TownSpec, args: &DueArgs) -> Result<Exit, CliError> {
    let chosen = [
        (args.member.is_some(), "--member"),
        (args.grid.is_some(), "--grid"),
        (args.color.is_some(), "--color"),
        (args.within.is_some(), "--within"),
        (args.by.is_some(), "--by"),
    ];
    if let Some((_, option)) = chosen.iter().find(|(given, _)| *given) {
        return Err(option_not_on_a_town(ctx, &spec, option));
    }
    let data = load(ctx, spec, &args.output)?;
    args.output.emit(&due_town_table(data.name, &data.parts(), ctx.today))?;
    Ok(data.exit())
}

//! `gov report` with no subcommand: the ledger summary by member, grid or branch.

use clap::{Args, ValueEnum};

use crate::cli::output::{OutputArgs, PeriodArgs, load_for_report, resolve_opt};
use crate::cli::town::Place;
use crate::cli::{CliError, Ctx, Exit};
use crate::render::html::monthly::monthly_html;
use crate::render::report::{OutFormat, RenderOptions};
use crate::report::Index;
use crate::report::ledger::{By, LedgerFilter, ledger_table};
use crate::report::monthly::monthly;
use crate::report::period::PeriodKind;

/// The options of the ledger summary (走访台账汇总), `gov report` without a subcommand.
#[derive(Debug, Args)]
pub struct LedgerArgs {
    /// One row per member, grid or branch; on a town, per community, or each community's grids (community,grid) [default: member; on a town, community]
    #[arg(long, value_enum)]
    pub by: Option<ByArg>,
    /// Only this grid (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    /// Only this member (id or name)
    #[arg(long)]
    pub member: Option<String>,
    #[command(flatten)]
    pub period: PeriodArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    Member,
    Grid,
    Branch,
    /// One row per community (a town's; a community's folder gives its one row)
    Community,
    /// Each community's rows by grid
    #[value(name = "community,grid")]
    CommunityGrid,
}

pub fn run(ctx: &Ctx, args: &LedgerArgs) -> Result<Exit, CliError> {
    if let Place::Town(spec) = ctx.place()? {
        return crate::cli::town::reports::ledger(ctx, spec, args);
    }
    let period = args.period.period(ctx)?;
    let data = load_for_report(ctx, args.output.on_errors())?;
    let ds = data.ds;
    let ix = Index::new(ds);
    let filter = LedgerFilter {
        grid: resolve_opt(&ix, args.grid.as_deref(), Index::find_grid)?,
        member: resolve_opt(&ix, args.member.as_deref(), Index::find_member)?,
    };
    let by = match args.by.unwrap_or(ByArg::Member) {
        ByArg::Member => By::Member,
        ByArg::Grid => By::Grid,
        ByArg::Branch => By::Branch,
        // A community's folder is a town of one.
        by @ (ByArg::Community | ByArg::CommunityGrid) => {
            let name = ds.settings.name.as_str();
            args.output.emit(&crate::cli::town::reports::ledger_rollup(
                name,
                &[(name, &ix)],
                &period,
                ctx.today,
                by,
            ))?;
            return Ok(data.exit());
        }
    };
    // A month's report as HTML, for the whole community, is the monthly page with its charts.
    let whole = filter.grid.is_none() && filter.member.is_none() && by == By::Member;
    if whole && period.kind == PeriodKind::Month && args.output.format()? == OutFormat::Html {
        let opts = RenderOptions { lang: crate::text::lang(), unmask: args.output.unmask, bom: false, width: None };
        let m = monthly(&ix, &period, ctx.today);
        let as_of = period.to.min(ctx.today).to_string();
        args.output.emit_text(&monthly_html(&m, ds.settings.town.as_deref(), &as_of, &opts))?;
        return Ok(data.exit());
    }
    args.output.emit(&ledger_table(&ix, &period, ctx.today, by, &filter))?;
    Ok(data.exit())
}

//! `gov export`: the month's whole pack as CSV files, for submission to the town; or, with
//! `--format parquet`, every record as a Parquet dataset ([`super::export_parquet`]).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::notes::{INCOMPLETE_FILE, incomplete_file, incomplete_title};
use super::output::{OnErrors, load_for_report_with_text, write_file_led, write_text_file, write_workbook_file};
use super::{CliError, Ctx, Exit, OrOs, shown};
use crate::model::Lang;
use crate::render::report::{OutFormat, RenderOptions, Sheet};
use crate::report::due::{DueFilter, due_table};
use crate::report::issues::{IssuesBy, IssuesOptions, issues_table};
use crate::report::ledger::{By, LedgerFilter, ledger_table};
use crate::report::period::parse_month_arg;
use crate::report::stats::stats_table;
use crate::report::visits::{VisitFilter, visit_table};
use crate::report::{Index, Table};
use crate::text::{cli as words, errors};

/// Write a month's reports into a folder, for submission to the town
///
/// CSV files (UTF-8 with BOM, for Excel/WPS), and the same reports as one Excel workbook with a
/// sheet per report (台账-YYYY-MM.xlsx): headline
/// statistics, the ledger summary by member and by grid, the detailed ledger, the households
/// overdue at the month's end (or today, for the current month), and the problems raised by
/// residents by category with their rates, and the month's meetings with their decisions' progress;
/// and, when the folder keeps activities or volunteers, the 双报到 ledger (by unit and by member)
/// and volunteering and aid.
///
/// A folder with errors exports nothing (exit 1) unless --allow-errors is given: then the pack
/// holds 未完成-INCOMPLETE.txt and every file's title row says it is incomplete.
///
/// --format parquet writes every record of the folder instead, as a hive-partitioned Parquet
/// dataset for DuckDB, Spark or Trino (docs/warehouse.md): one folder per table, the visits one
/// file per month, personal numbers masked unless --unmask. It is written beside DIR and renamed
/// into place whole; it replaces an earlier export in DIR, and anything else only with --force.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The month: YYYY-MM, this-month or last-month (needed for the monthly pack; not with
    /// --format parquet)
    #[arg(long, value_name = "MONTH")]
    pub month: Option<String>,
    /// The folder to write into (made if missing)
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Leave out the UTF-8 byte order mark
    #[arg(long)]
    pub no_bom: bool,
    /// Show phones, ID and card numbers and door numbers in full, in every field
    #[arg(long)]
    pub unmask: bool,
    /// Format of the files
    #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
    pub format: ExportFormat,
    /// Export even when the data folder has errors, as a pack marked incomplete: a file
    /// 未完成-INCOMPLETE.txt listing the errors, and every file's title saying so [default: export
    /// nothing and exit 1]
    #[arg(long)]
    pub allow_errors: bool,
    /// With --format parquet: replace DIR even when it holds things other than an earlier gov
    /// export (everything in it is removed)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
    Md,
    Parquet,
}

pub fn run(ctx: &Ctx, args: &ExportArgs) -> Result<Exit, CliError> {
    if let super::town::Place::Town(spec) = ctx.place()? {
        return super::town::export::run(ctx, spec, args);
    }
    if args.format == ExportFormat::Parquet {
        return super::export_parquet::run(ctx, args);
    }
    let period = pack_period(ctx, args)?;
    let on_errors = if args.allow_errors { OnErrors::Allow } else { OnErrors::Refuse };
    let data = load_for_report_with_text(ctx, on_errors)?;
    if data.errors > 0 && !args.allow_errors {
        return Ok(Exit::Findings);
    }
    let ds = data.ds;
    let ix = Index::new(ds);
    let lang = crate::text::lang();
    let as_of = period.to.min(ctx.today);
    let tables: Vec<(&str, &str, Table)> = vec![
        ("统计", "stats", stats_table(&ix, &period)),
        (
            "走访汇总-按党员",
            "summary-by-member",
            ledger_table(&ix, &period, ctx.today, By::Member, &LedgerFilter::default()),
        ),
        (
            "走访汇总-按网格",
            "summary-by-grid",
            ledger_table(&ix, &period, ctx.today, By::Grid, &LedgerFilter::default()),
        ),
        ("走访台账", "ledger", visit_table(&ix, &period, &VisitFilter::default())),
        ("逾期未访", "overdue", due_table(&ix, as_of, &DueFilter::default())),
        ("诉求办理", "issues", issues_table(&ix, &period, ctx.today, IssuesBy::Category, IssuesOptions::default())),
        (
            "会议议事",
            "meetings",
            crate::report::meetings::meeting_list_table(
                &ix,
                as_of,
                &crate::report::meetings::MeetingFilter { period: Some(period), ..Default::default() },
            ),
        ),
    ];
    let mut tables: Vec<(&str, &str, Vec<Table>)> = tables.into_iter().map(|(zh, en, t)| (zh, en, vec![t])).collect();
    // The 双报到 and service sheets, when the folder keeps activities or volunteers.
    if !ds.activities.is_empty() || !ds.volunteers.is_empty() {
        tables.extend([
            ("双报到台账", "dual", crate::report::dual::dual_tables(&ix, &period)),
            ("志愿服务与帮扶", "service", crate::report::service::service_tables(&ix, &period)),
        ]);
    }
    // The month's page with its charts, in every pack.
    let mut page = crate::report::monthly::monthly(&ix, &period, ctx.today);
    if let Some(title) = &incomplete_title_of(data.errors) {
        page.title_zh.insert_str(0, title.zh());
        page.title_en.insert_str(0, title.en());
    }
    let stem = if lang == Lang::Zh { "月报" } else { "monthly" };
    let path = ctx.cwd.join(&args.out).join(format!("{}-{stem}.html", period.label()));
    let html = crate::render::html::monthly::monthly_html(
        &page,
        ds.settings.town.as_deref(),
        &as_of.to_string(),
        &RenderOptions { lang, unmask: args.unmask, bom: false, width: None },
    );
    let rows = page.tables.iter().map(|t| t.rows.len()).sum();
    let monthly = Page { path: &path, html: &html, rows };
    write_pack(ctx, args, &period, &mut tables, &data.listed, data.errors, Some(monthly))?;
    Ok(data.exit())
}

/// The month a pack is for: `--month`, which every format but Parquet needs.
pub fn pack_period(ctx: &Ctx, args: &ExportArgs) -> Result<crate::report::Period, CliError> {
    let month = args.month.as_deref().ok_or_else(|| CliError::usage(errors::export_needs_month()))?;
    Ok(parse_month_arg(month, ctx.today)?)
}

/// The month's page of a pack: where it goes, its text and how many rows its tables hold.
pub struct Page<'a> {
    pub path: &'a std::path::Path,
    pub html: &'a str,
    pub rows: usize,
}

fn incomplete_title_of(errors: usize) -> Option<crate::text::Text> {
    (errors > 0).then(|| incomplete_title(errors))
}

/// Writes a pack: the incomplete marker when there are errors, a file per report, the month's
/// page when there is one, and the workbook with a sheet per report. Each file whole, through
/// a temporary file beside it.
pub fn write_pack(
    ctx: &Ctx,
    args: &ExportArgs,
    period: &crate::report::Period,
    tables: &mut [(&'static str, &'static str, Vec<Table>)],
    listed: &[crate::finding::Finding],
    errors: usize,
    page: Option<Page<'_>>,
) -> Result<(), CliError> {
    let lang = crate::text::lang();
    let (format, ext) = match args.format {
        ExportFormat::Csv => (OutFormat::Csv, "csv"),
        ExportFormat::Json => (OutFormat::Json, "json"),
        ExportFormat::Md => (OutFormat::Md, "md"),
        // Written by `export_parquet`, never as a pack (the callers send it there first).
        ExportFormat::Parquet => return Ok(()),
    };
    let out = ctx.cwd.join(&args.out);
    std::fs::create_dir_all(&out).or_os(|| errors::cannot_create(&out))?;
    let opts = RenderOptions { lang, unmask: args.unmask, bom: !args.no_bom, width: None };
    // An incomplete pack says so first, in a file of its own; a complete one leaves no such
    // file from an earlier export behind.
    let marker = out.join(INCOMPLETE_FILE);
    let title = incomplete_title_of(errors);
    let lead = title.as_ref().map(|t| t.get(lang).to_string());
    if let Some(title) = &title {
        write_text_file(&marker, &incomplete_file(lang, errors, listed))?;
        println!("{}", words::export_marker(&shown(&marker, &ctx.cwd), title));
    } else if marker.exists() {
        std::fs::remove_file(&marker).or_os(|| errors::cannot_remove(&marker))?;
    }
    for (zh, en, sheet) in tables.iter_mut() {
        if let Some(title) = &title {
            for table in sheet.iter_mut() {
                table.title_zh.insert_str(0, title.zh());
                table.title_en.insert_str(0, title.en());
            }
        }
        let stem = if lang == Lang::Zh { zh } else { en };
        let path = out.join(format!("{}-{stem}.{ext}", period.label()));
        write_file_led(&path, lead.as_deref(), sheet, format, &opts)?;
        let rows = sheet.iter().map(|t| t.rows.len()).sum();
        println!("{}", words::export_file(&shown(&path, &ctx.cwd), rows));
    }
    if let Some(page) = page {
        write_text_file(page.path, page.html)?;
        println!("{}", words::export_file(&shown(page.path, &ctx.cwd), page.rows));
    }
    // And the whole pack as one workbook, a sheet per report: what the town receives.
    let sheets: Vec<Sheet> = tables
        .iter()
        .map(|(zh, en, sheet)| Sheet { name: if lang == Lang::Zh { zh } else { en }, tables: sheet })
        .collect();
    let book = if lang == Lang::Zh { "台账" } else { "pack" };
    let path = out.join(format!("{book}-{}.xlsx", period.label()));
    write_workbook_file(&path, &sheets, lead.as_deref(), &opts)?;
    let rows = tables.iter().flat_map(|(_, _, s)| s.iter()).map(|t| t.rows.len()).sum();
    println!("{}", words::export_file(&shown(&path, &ctx.cwd), rows));
    Ok(())
}

//! Options shared by every report: the period, and where and how to write the result.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{CliError, Ctx, Exit, OrOs, keep_until_exit, notes};
use crate::check;
use crate::finding::{Finding, Severity};
use crate::load;
use crate::model::{Dataset, Sym};
use crate::render::report::{OutFormat, RenderOptions, Sheet, write_all, write_workbook};
use crate::report::index::FindError;
use crate::report::period::{self, Period};
use crate::report::{Index, Table};
use crate::text::{self, errors};

/// Which dates a report covers [default: the current month].
#[derive(Debug, Args, Default)]
pub struct PeriodArgs {
    /// A month: YYYY-MM, this-month or last-month
    #[arg(long, value_name = "MONTH", conflicts_with_all = ["year", "from", "to"])]
    pub month: Option<String>,
    /// A calendar year: YYYY, this-year or last-year
    #[arg(long, value_name = "YEAR", conflicts_with_all = ["from", "to"])]
    pub year: Option<String>,
    /// First day of a range (inclusive) [default: the start of the data]
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Last day of a range (inclusive) [default: today]
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

impl PeriodArgs {
    pub fn period(&self, ctx: &Ctx) -> Result<Period, CliError> {
        let (month, year) = (self.month.as_deref(), self.year.as_deref());
        Ok(period::choose(month, year, self.from.as_deref(), self.to.as_deref(), ctx.today)?)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Aligned table for the terminal
    Table,
    /// CSV for Excel/WPS (a UTF-8 BOM when written to a file)
    Csv,
    /// JSON for programs
    Json,
    /// Markdown table
    Md,
    /// One self-contained HTML page (inline CSS, prints on A4)
    Html,
    /// Excel workbook (.xlsx; a sheet per table)
    Xlsx,
}

/// How and where a report is written.
#[derive(Debug, Args, Default)]
pub struct OutputArgs {
    /// Output format [default: from the -o file's extension, else table on a terminal, csv when piped]
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Write to this file instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Leave out the UTF-8 byte order mark that CSV files get for Excel/WPS
    #[arg(long)]
    pub no_bom: bool,
    /// Start CSV on standard output with the UTF-8 byte order mark too, for `> file.csv` (only -o files get it by default)
    #[arg(long, conflicts_with = "no_bom")]
    pub bom: bool,
    /// Show phones, ID and card numbers and door numbers in full, in every field (masked by default)
    #[arg(long)]
    pub unmask: bool,
    /// Exit 0 even when the data folder has errors (they are still named on stderr) [default: exit 1]
    #[arg(long)]
    pub allow_errors: bool,
}

impl OutputArgs {
    /// What a folder with errors makes of the command: exit 1, or 0 with `--allow-errors`.
    pub fn on_errors(&self) -> OnErrors {
        if self.allow_errors { OnErrors::Allow } else { OnErrors::Fail }
    }

    pub fn format(&self) -> Result<OutFormat, CliError> {
        Ok(match (self.format, &self.output) {
            (Some(FormatArg::Table), _) => OutFormat::Table,
            (Some(FormatArg::Csv), _) => OutFormat::Csv,
            (Some(FormatArg::Json), _) => OutFormat::Json,
            (Some(FormatArg::Md), _) => OutFormat::Md,
            (Some(FormatArg::Html), _) => OutFormat::Html,
            (Some(FormatArg::Xlsx), _) => OutFormat::Xlsx,
            (None, Some(path)) => OutFormat::from_extension(path)
                .ok_or_else(|| CliError::usage(errors::unknown_extension(path)).hint(errors::hint_name_format()))?,
            (None, None) if io::stdout().is_terminal() => OutFormat::Table,
            (None, None) => OutFormat::Csv,
        })
    }

    /// Writes one report where the user asked.
    pub fn emit(&self, table: &Table) -> Result<(), CliError> {
        self.emit_all(std::slice::from_ref(table))
    }

    /// Writes several reports as one output (see [`write_all`]).
    pub fn emit_all(&self, tables: &[Table]) -> Result<(), CliError> {
        let format = self.format()?;
        let opts = RenderOptions { lang: text::lang(), unmask: self.unmask, bom: false, width: terminal_width() };
        match &self.output {
            Some(path) => {
                write_file_all(path, tables, format, &RenderOptions { bom: !self.no_bom, width: None, ..opts })
            }
            None if format == OutFormat::Xlsx && io::stdout().is_terminal() => {
                Err(CliError::usage(errors::xlsx_to_terminal()).hint(errors::hint_xlsx_file()))
            }
            None => {
                let mut out = BufWriter::new(io::stdout().lock());
                let opts = RenderOptions { bom: self.bom && format == OutFormat::Csv, ..opts };
                write_all(&mut out, tables, format, &opts)?;
                out.flush()?;
                Ok(())
            }
        }
    }
}

impl OutputArgs {
    /// Writes a whole page the caller made (the monthly HTML page) where the user asked.
    pub fn emit_text(&self, text: &str) -> Result<(), CliError> {
        match &self.output {
            Some(path) => write_text_file(path, text),
            None => {
                let mut out = io::stdout().lock();
                out.write_all(text.as_bytes())?;
                out.flush()?;
                Ok(())
            }
        }
    }
}

/// The width tables are fitted to on standard output: `COLUMNS` when set (as shells and
/// scripts set it), else the terminal's, else none (a pipe or a file gets whole lines).
fn terminal_width() -> Option<u16> {
    let columns = std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<u16>().ok()).filter(|&c| c > 0);
    columns.or_else(|| comfy_table::Table::new().width())
}

/// Writes reports to a file as one output, through a temporary file beside it, so a failure
/// never leaves half a report behind.
pub fn write_file_all(
    path: &std::path::Path,
    tables: &[Table],
    format: OutFormat,
    opts: &RenderOptions,
) -> Result<(), CliError> {
    write_file_led(path, None, tables, format, opts)
}

/// [`write_file_all`], a CSV file starting with `lead` as a row of one cell (after the BOM, before
/// the header): the title row `gov export` gives an incomplete pack's files.
pub fn write_file_led(
    path: &std::path::Path,
    lead: Option<&str>,
    tables: &[Table],
    format: OutFormat,
    opts: &RenderOptions,
) -> Result<(), CliError> {
    replace_file(path, |out| {
        let mut opts = *opts;
        if let Some(lead) = lead.filter(|_| format == OutFormat::Csv) {
            let bom = if opts.bom { "\u{FEFF}" } else { "" };
            let cell = if lead.contains([',', '"', '\r', '\n']) {
                format!("\"{}\"", lead.replace('"', "\"\""))
            } else {
                lead.into()
            };
            write!(out, "{bom}{cell}\r\n")?;
            opts.bom = false;
        }
        write_all(out, tables, format, &opts)
    })
}

/// Writes a workbook of several sheets (`gov export`'s), through a temporary file beside it.
pub fn write_workbook_file(
    path: &std::path::Path,
    sheets: &[Sheet],
    lead: Option<&str>,
    opts: &RenderOptions,
) -> Result<(), CliError> {
    replace_file(path, |out| write_workbook(out, sheets, lead, opts))
}

/// Writes a text file whole, through a temporary file beside it.
pub fn write_text_file(path: &std::path::Path, text: &str) -> Result<(), CliError> {
    replace_file(path, |out| out.write_all(text.as_bytes()))
}

/// Writes `path` whole through a temporary file beside it, renamed over it once `write` has
/// succeeded, so a failure never leaves half a file behind.
fn replace_file(
    path: &std::path::Path,
    write: impl FnOnce(&mut BufWriter<&mut std::fs::File>) -> io::Result<()>,
) -> Result<(), CliError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(".".as_ref());
    let mut tmp = temp_file(dir).or_os(|| errors::cannot_write_in(dir))?;
    {
        let mut out = BufWriter::new(tmp.as_file_mut());
        write(&mut out).and_then(|()| out.flush()).or_os(|| errors::cannot_write(path))?;
    }
    tmp.persist(path).map_err(|e| e.error).or_os(|| errors::cannot_write(path))?;
    Ok(())
}

/// A temporary file that will become an ordinary, readable report file (tempfile's default is 0600).
fn temp_file(dir: &std::path::Path) -> io::Result<tempfile::NamedTempFile> {
    let mut b = tempfile::Builder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        b.permissions(std::fs::Permissions::from_mode(0o644));
    }
    b.tempfile_in(dir)
}

/// What a report on a folder with errors does, besides naming them on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnErrors {
    /// Writes its output and exits 1, so that `gov report -o x.csv && upload` stops.
    Fail,
    /// `--allow-errors`: writes its output and exits 0.
    Allow,
    /// `gov export` without `--allow-errors`: writes nothing and exits 1.
    Refuse,
}

/// A folder loaded for a report: its dataset (never freed, [`keep_until_exit`]) and the errors
/// the loader and the checks found in it, which are named on stderr at load.
pub struct ReportData {
    pub ds: &'static Dataset,
    /// How many errors there are.
    pub errors: usize,
    /// The errors as `gov check` lists them (at most the first 20 of a code in a file), for a
    /// pack's incomplete marker.
    pub listed: Vec<Finding>,
    pub on_errors: OnErrors,
}

impl ReportData {
    /// The command's exit code once its output is written: 1 when the folder has errors,
    /// unless they were allowed.
    pub fn exit(&self) -> Exit {
        if self.errors > 0 && self.on_errors != OnErrors::Allow { Exit::Findings } else { Exit::Ok }
    }
}

/// Loads the folder for a report that shows figures only: visits' summaries and topics are left
/// out (see [`load_for_report_with_text`]). Errors in the data do not stop the report, but the
/// user is told how many there are and the first few, and the exit code says so
/// ([`ReportData::exit`]).
pub fn load_for_report(ctx: &Ctx, on_errors: OnErrors) -> Result<ReportData, CliError> {
    load_report_data(ctx, ctx.load_options(false), on_errors)
}

/// Loads the folder for a report that shows what was said on visits (the detailed ledger).
pub fn load_for_report_with_text(ctx: &Ctx, on_errors: OnErrors) -> Result<ReportData, CliError> {
    load_report_data(ctx, ctx.load_options(true), on_errors)
}

/// The errors are the loader's and those of the checks that find errors ([`check::errors`]):
/// a report exits 1 on the folders `gov check` does, but for dates after a `--today` the user
/// chose (a report as of a past day).
fn load_report_data(ctx: &Ctx, opts: load::LoadOptions, on_errors: OnErrors) -> Result<ReportData, CliError> {
    let root = ctx.root()?;
    let loaded = load::load_with(&root, opts)?;
    ctx.settle_lang(&loaded.dataset.settings);
    let ds = keep_until_exit(loaded.dataset);
    let mut findings = loaded.findings;
    findings.extend(check::errors(ds, (!ctx.today_given).then_some(ctx.today)));
    let (errors, _) = check::finish(&mut findings);
    findings.retain(|f| f.severity() == Severity::Error);
    if errors > 0 {
        let _ = io::stderr().write_all(notes::errors_note(text::lang(), errors, &findings, on_errors).as_bytes());
    }
    Ok(ReportData { ds, errors, listed: findings, on_errors })
}

/// Resolves `--member`, `--household`, `--grid` values.
pub fn resolve(found: Result<Sym, FindError>) -> Result<Sym, CliError> {
    found.map_err(|e| {
        let hint = match &e {
            FindError::Ambiguous { .. } => errors::hint_id_or_name(),
            FindError::None { .. } => errors::hint_as_written(),
        };
        CliError::from(e).hint(hint)
    })
}

pub fn resolve_opt<'d>(
    ix: &Index<'d>,
    q: Option<&str>,
    f: impl Fn(&Index<'d>, &str) -> Result<Sym, FindError>,
) -> Result<Option<Sym>, CliError> {
    q.map(|q| resolve(f(ix, q))).transpose()
}

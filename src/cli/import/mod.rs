//! `gov import FILE --kind KIND`: the sheets an office already keeps (Excel, WPS, LibreOffice,
//! or CSV in any encoding gov reads), made into the kind's own rows ([`crate::load::sheet`]) and
//! recorded: visits through the same path as `gov visit add --from`, every other kind through
//! [`rows`], one path over the kind's [`kinds::Import`]. Either way names where ids go are
//! resolved (an ambiguous one refuses the row with its candidates), rows already recorded are
//! skipped, every row is validated, then all or nothing, locked (and journalled where several
//! files are written).

mod kinds;
mod rows;

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::judge::Origin;
use super::record::{Session, WriteArgs};
use super::{CliError, Ctx, Exit, OrOs};
use crate::kinds::Record;
use crate::kinds::activity::Activity;
use crate::kinds::volunteer::Volunteer;
use crate::load::csv::columns::known_list;
use crate::load::sheet::{self, Rules, SheetError};
use crate::model::{Grid, Household, Issue, Member, Org, Visit};
use crate::text::{cli::write as words, errors};

/// Import the rows of a spreadsheet (.xlsx, .xls, .ods) or a CSV file into the data folder
///
/// The header row is found below title rows; columns are named by their English or Chinese
/// names (走访日期, 姓名, 联系电话…); a header in two rows (merged cells) is read as one; 序号
/// and other unknown columns are left out, and so are totals rows (合计). Names where ids go
/// become ids when they name one record; dates may be typed in any form gov reads (2022年10月5日,
/// Excel day numbers). Rows already recorded are skipped (each kind's rule is in
/// docs/import.md), so importing a sheet again adds nothing; rows without an id get the next
/// free one. A preview unless --apply is given; a row that is wrong stops the whole import.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file: .xlsx, .xls, .ods or .csv
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// What its rows are
    #[arg(long, value_enum)]
    pub kind: ImportKind,
    /// The sheet to read, by name or number (1 for the first) [default: the first]
    #[arg(long, value_name = "SHEET", conflicts_with = "all_sheets")]
    pub sheet: Option<String>,
    /// Read every sheet, one after the other (each all or nothing)
    #[arg(long)]
    pub all_sheets: bool,
    /// A rules file (YAML) for a template that uses other words: columns, values, constants, rows to skip (docs/import.md)
    #[arg(long, value_name = "FILE")]
    pub rules: Option<PathBuf>,
    /// Leave out the rows that are wrong, naming each, and import the rest [default: a wrong row stops the whole import]
    #[arg(long)]
    pub skip_bad: bool,
    /// Write the rows [default: a preview of what would be written]
    #[arg(long, conflicts_with = "dry_run")]
    pub apply: bool,
    #[command(flatten)]
    pub write: WriteArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportKind {
    /// Visits (走访台账)
    Visits,
    /// Party members (党员花名册)
    Members,
    /// Households (住户信息台账)
    Households,
    /// Grids (网格)
    Grids,
    /// Organisations (组织)
    Orgs,
    /// Problems raised by residents (诉求)
    Issues,
    /// Activities (双报到活动, 志愿服务)
    Activities,
    /// Volunteers (志愿者)
    Volunteers,
}

impl ImportKind {
    /// The kind's fields, which name the sheet's columns.
    fn fields(self) -> &'static [&'static str] {
        match self {
            ImportKind::Visits => Visit::FIELDS,
            ImportKind::Members => Member::COLUMNS,
            ImportKind::Households => Household::COLUMNS,
            ImportKind::Grids => Grid::COLUMNS,
            ImportKind::Orgs => Org::COLUMNS,
            ImportKind::Issues => Issue::COLUMNS,
            ImportKind::Activities => Activity::COLUMNS,
            ImportKind::Volunteers => Volunteer::COLUMNS,
        }
    }
}

pub fn run(ctx: &Ctx, args: &ImportArgs) -> Result<Exit, CliError> {
    let path = ctx.cwd.join(&args.file);
    let known = args.kind.fields();
    let rules = match &args.rules {
        Some(r) => {
            let p = ctx.cwd.join(r);
            let text = std::fs::read_to_string(&p).or_os(|| errors::cannot_read(&p))?;
            Rules::parse(&text).map_err(|why| CliError::usage(errors::import_bad_rules(r, &why)))?
        }
        None => Rules::default(),
    };
    let sheets = read(&path, &args.file, args)?;
    let write =
        WriteArgs { dry_run: !args.apply || args.write.dry_run, commit: args.write.commit, wait: args.write.wait };
    let mut exit = Exit::Ok;
    let (mut added, mut present, mut refused) = (0, 0, 0);
    for (name, rows) in sheets {
        // Each sheet on the folder as the sheets before left it: a later sheet that repeats an
        // earlier one's rows adds nothing twice. (A preview reads the folder as it is.)
        let mut s = Session::read(ctx)?;
        s.lock(ctx, &write)?;
        let tidy = sheet::tidy(&name, &rows, known, &rules).map_err(|_| {
            CliError::refused(errors::import_no_header(&name)).hint(errors::hint_import_columns(&known_list(known)))
        })?;
        sayln!(words::import_sheet(&tidy.sheet, tidy.rows, tidy.totals));
        let shown = PathBuf::from(format!("{}!{}", args.file.display(), tidy.sheet));
        let sheet = rows::Sheet { origin: Origin { shown, cells: &tidy.cells }, tidy: &tidy };
        let (ctx, s, w, skip) = (ctx, &mut s, &write, args.skip_bad);
        let (e, t) = match args.kind {
            ImportKind::Visits => super::visit::batch::batch_text(ctx, s, &sheet.origin, &tidy.csv, w, false, skip)?,
            ImportKind::Members => rows::import::<Member>(ctx, s, &sheet, w, skip)?,
            ImportKind::Households => rows::import::<Household>(ctx, s, &sheet, w, skip)?,
            ImportKind::Grids => rows::import::<Grid>(ctx, s, &sheet, w, skip)?,
            ImportKind::Orgs => rows::import::<Org>(ctx, s, &sheet, w, skip)?,
            ImportKind::Issues => rows::import::<Issue>(ctx, s, &sheet, w, skip)?,
            ImportKind::Activities => rows::import::<Activity>(ctx, s, &sheet, w, skip)?,
            ImportKind::Volunteers => rows::import::<Volunteer>(ctx, s, &sheet, w, skip)?,
        };
        exit = e;
        (added, present, refused) = (added + t.added, present + t.present, refused + t.refused);
    }
    sayln!(words::import_tally(write.dry_run, added, present, refused));
    if write.dry_run {
        sayln!(words::import_dry_run());
    }
    Ok(exit)
}

/// The sheets asked for as rows of text cells; a CSV is one sheet named after its file.
fn read(path: &Path, shown: &Path, args: &ImportArgs) -> Result<Vec<sheet::Rows>, CliError> {
    let is_csv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        let bytes = std::fs::read(path).or_os(|| errors::cannot_read(path))?;
        let (text, _) = crate::load::text::decode(&bytes)
            .map_err(|why| CliError::io(errors::input_not_text(shown, &why.text())))?;
        // Each record at the row of the line it starts on, so that a cell is named by the line
        // a person sees in an editor: the reader skips blank lines, and a quoted cell may hold
        // line breaks; the rows between are left empty.
        let mut rows: Vec<Vec<String>> = Vec::new();
        let (mut counted, mut line) = (0usize, 1usize);
        for r in ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes()).records() {
            let r = r.map_err(|e| CliError::io(errors::import_cannot_read(shown, &e.to_string())))?;
            // The line from the record's byte offset (newlines before it, counted on from the
            // last record's): the reader's own count passes over the blank lines it skips.
            let mut byte = r.position().map_or(counted, |p| p.byte() as usize).min(text.len());
            // The reader may place a record after blank lines at their start: step over them.
            while matches!(text.as_bytes().get(byte), Some(b'\r' | b'\n')) {
                byte += 1;
            }
            line += text.as_bytes()[counted..byte.max(counted)].iter().filter(|&&b| b == b'\n').count();
            counted = byte.max(counted);
            while rows.len() + 1 < line {
                rows.push(Vec::new());
            }
            rows.push(r.iter().map(|c| c.trim().to_string()).collect());
        }
        let name = path.file_stem().map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        return Ok(vec![(name, rows)]);
    }
    sheet::read(path, args.sheet.as_deref(), args.all_sheets).map_err(|e| match e {
        SheetError::NoSheet(s) => CliError::usage(errors::import_no_sheet(shown, &s)).hint(errors::hint_sheet()),
        SheetError::Read(why) => CliError::io(errors::import_cannot_read(shown, &why)),
        SheetError::NoHeader => CliError::io(errors::import_no_header("")),
    })
}

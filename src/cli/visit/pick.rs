//! Which visit `gov visit rm` and `gov visit edit` mean: its row (`visits/2022-10.csv:17`), its
//! `--id`, or its `--date`, `--member` and `--household` (any of them; together they must name
//! one visit). A choice that fits several is refused, listing them; the row is then found in its
//! file as the loader found it and must still hold that visit.

use std::ops::Range;
use std::path::Path;

use clap::Args;

use crate::cli::CliError;
use crate::cli::record::{Session, note};
use crate::cli::write::pick_member;
use crate::kinds::Record;
use crate::model::date::parse_date;
use crate::model::labels::Labelled;
use crate::model::privacy::mask_door;
use crate::model::{Dataset, Format, Visit};
use crate::report::Index;
use crate::store::csv_edit;
use crate::text::{Text, cli::write as words, errors};

/// How the visit is named.
#[derive(Debug, Args)]
pub struct PickArgs {
    /// The visit's row, as gov and `gov check` show it: visits/2022-10.csv:17
    pub row: Option<String>,
    /// The visit's id (when its file has an `id` column)
    #[arg(long)]
    pub id: Option<String>,
    /// The visit's date (with --member and --household when that day has several)
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// The visiting member: id, or a unique part of the name
    #[arg(long)]
    pub member: Option<String>,
    /// The household: id, or a unique part of the address or the head's name
    #[arg(long)]
    pub household: Option<String>,
}

/// A visit as messages show it: `2022-10-12 张伟 → 3号楼2单元***室 (home visit)`.
pub fn shown(ds: &Dataset, v: &Visit) -> Text {
    let ix_name = |s| ds.members.iter().find(|m| m.id == s).map_or(ds.name(s), |m| m.name.as_str());
    let address = ds.households.iter().find(|h| h.id == v.household).map_or(ds.name(v.household), |h| &h.address);
    words::visit_shown(&v.date.to_string(), ix_name(v.member), &mask_door(address), v.method.en(), v.method.zh())
}

/// The one visit the arguments name (its index in the dataset's visits).
pub fn pick(s: &Session, args: &PickArgs) -> Result<usize, CliError> {
    let ds = &s.ds;
    let row = match args.row.as_deref() {
        Some(r) => Some(parse_row(r)?),
        None => None,
    };
    if row.is_none() && args.id.is_none() && args.date.is_none() && args.member.is_none() && args.household.is_none() {
        return Err(CliError::usage(errors::name_the_visit()));
    }
    let date = match args.date.as_deref().map(str::trim) {
        Some(d) => Some(
            parse_date(d)
                .ok_or_else(|| CliError::usage(errors::date_flag_not_date(d)).hint(errors::hint_write_date()))?,
        ),
        None => None,
    };
    let (member, household) = {
        let ix = Index::new(ds);
        let member = args.member.as_deref().map(|m| pick_member(&ix, m)).transpose()?;
        let household = match args.household.as_deref() {
            Some(h) => Some(
                ix.find_household(h)
                    .map(|s| ds.name(s).to_string())
                    .map_err(|e| CliError::from(e).hint(errors::hint_id_or_address()))?,
            ),
            None => None,
        };
        (member, household)
    };
    let found: Vec<usize> = ds
        .visits
        .iter()
        .enumerate()
        .filter(|(_, v)| {
            row.as_ref().is_none_or(|(path, line)| v.loc.line == *line && ds.files[v.loc.file.0 as usize].path == *path)
                && args.id.as_deref().is_none_or(|id| v.id.is_some_and(|s| ds.name(s) == id.trim()))
                && date.is_none_or(|d| v.date == d)
                && member.as_deref().is_none_or(|m| ds.name(v.member) == m)
                && household.as_deref().is_none_or(|h| ds.name(v.household) == h)
        })
        .map(|(i, _)| i)
        .collect();
    match found.len() {
        0 => Err(CliError::usage(errors::no_such_visit())),
        1 => Ok(found[0]),
        n => {
            for &i in found.iter().take(20) {
                let v = &ds.visits[i];
                note(&words::visit_at(&ds.files[v.loc.file.0 as usize].path, v.loc.line, &shown(ds, v)));
            }
            if n > 20 {
                note(&words::and_more(n - 20));
            }
            Err(CliError::usage(errors::visits_match(n)).hint(errors::hint_name_the_row()))
        }
    }
}

/// `visits/2022-10.csv:17` as a path and a line.
fn parse_row(typed: &str) -> Result<(std::path::PathBuf, u32), CliError> {
    let bad = || CliError::usage(errors::not_a_row(typed));
    let (path, line) = typed.trim().rsplit_once(':').ok_or_else(bad)?;
    let line: u32 = line.parse().map_err(|_| bad())?;
    let path = Path::new(path.strip_prefix("./").unwrap_or(path)).to_path_buf();
    Ok((path, line))
}

/// What the visit's row must still hold when its file is read under the lock.
pub struct Want {
    format: Format,
    line: u32,
    date: chrono::NaiveDate,
    member: String,
    household: String,
}

impl Want {
    pub fn of(ds: &Dataset, v: &Visit) -> Want {
        Want {
            format: ds.files[v.loc.file.0 as usize].format,
            line: v.loc.line,
            date: v.date,
            member: ds.name(v.member).to_string(),
            household: ds.name(v.household).to_string(),
        }
    }

    /// The byte range of the visit's row in its CSV file's text (line end included), if the
    /// row on its line still holds that date, member and household; refused, saying why,
    /// otherwise. A visit in a YAML month file is refused: edit it by hand.
    pub fn row(&self, text: &str) -> Result<Range<usize>, Text> {
        if self.format == Format::Yaml {
            return Err(errors::visit_in_yaml());
        }
        let line = self.line;
        let (_, range) = csv_edit::records(text)
            .into_iter()
            .skip(1)
            .find(|(l, _)| *l == line)
            .ok_or_else(|| csv_edit::PlaceError::NoRecord { line }.text())?;
        let header = csv_edit::header(text, Visit::COLUMNS);
        let spans = csv_edit::field_spans(text, range.clone());
        let cell = |key: &str| {
            header.iter().position(|h| h == key).and_then(|i| spans.get(i)).map(|s| csv_edit::value(text, s.clone()))
        };
        let same = cell("date").and_then(|d| crate::model::date::parse_date_cell(&d)) == Some(self.date)
            && cell("member").as_deref() == Some(self.member.as_str())
            && cell("household").as_deref() == Some(self.household.as_str());
        if !same {
            return Err(errors::visit_moved(line));
        }
        Ok(range)
    }
}

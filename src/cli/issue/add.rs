//! `gov issue add`: record a problem raised by residents (群众诉求) as a new file
//! `issues/YYYY/<id>.yaml`, numbered with the next free id `I-YYYY-NNNN` of the year it was
//! received, after the same validation `gov check` does. The file is created, never overwritten.

use chrono::Datelike;
use clap::Args;

use crate::cli::judge::judge;
use crate::cli::member::add::code;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Target, folded, pick_household, pick_member, save};
use crate::cli::{CliError, Ctx, Exit};
use crate::model::date::parse_date;
use crate::model::labels::{IssueCategory, IssueSource, Urgency};
use crate::model::{Format, Kind};
use crate::report::Index;
use crate::store::yaml_edit::scalar;
use crate::text::{cli::write as words, errors};

/// Record a problem raised by residents (群众诉求)
///
/// Creates issues/YYYY/I-YYYY-NNNN.yaml with the next free number of the year it was received.
/// Its events (dispatch, whistle, …) are recorded with `gov issue dispatch` and the like.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// Short title (3号楼暖气不热)
    #[arg(long)]
    pub title: String,
    /// heating, water, power, property, sanitation, infrastructure, dispute, safety, welfare,
    /// other (or 供暖, 用水, …), or a category added in gov.yaml
    #[arg(long)]
    pub category: String,
    /// The household: id, or a unique part of the address or the head's name
    #[arg(long)]
    pub household: Option<String>,
    /// The grid (a grid id)
    #[arg(long)]
    pub grid: Option<String>,
    /// urgent, normal, complex (or 紧急, 一般, 复杂) [default when left out: normal]
    #[arg(long)]
    pub urgency: Option<String>,
    /// visit, patrol, hotline, walk_in, wechat, meeting, other (or 走访发现, 巡查, …)
    #[arg(long)]
    pub source: Option<String>,
    /// The member who recorded it: id, or a unique part of the name
    #[arg(long, value_name = "MEMBER")]
    pub recorded_by: Option<String>,
    /// What the residents said
    #[arg(long)]
    pub description: Option<String>,
    /// Date received [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// `I-YYYY-NNNN`: one more than the highest number used in that year (4 digits, more when needed).
pub fn next_issue_id<'a>(year: i32, ids: impl Iterator<Item = &'a str>) -> String {
    let prefix = format!("I-{year}-");
    let max = ids.filter_map(|id| id.strip_prefix(&prefix)?.parse::<u64>().ok()).max().unwrap_or(0);
    format!("{prefix}{:04}", max + 1)
}

/// A new issue's file and text: `issues/YYYY/<id>.yaml` for the year it was received, a `key:
/// value` line for each field given (`id` first). Shared with `gov import --kind issues`.
pub fn issue_file(year: i32, fields: &[(&str, String)]) -> (std::path::PathBuf, String) {
    let id = fields.iter().find(|(k, _)| *k == "id").map_or("", |(_, v)| v.as_str());
    let text: String =
        fields.iter().filter(|(_, v)| !v.is_empty()).map(|(k, v)| format!("{k}: {}\n", scalar(v))).collect();
    (std::path::PathBuf::from("issues").join(year.to_string()).join(format!("{id}.yaml")), text)
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let received = match &args.date {
        None => ctx.today,
        Some(d) => parse_date(d)
            .ok_or_else(|| CliError::usage(errors::date_flag_not_date(d)).hint(errors::hint_write_date()))?,
    };
    let (household, recorded_by) = {
        let ix = Index::new(&s.ds);
        let h = args.household.as_deref().map(|h| pick_household(&ix, h)).transpose()?;
        let m = args.recorded_by.as_deref().map(|m| pick_member(&ix, m)).transpose()?;
        (h, m)
    };
    // Ids in the folder, and file names in the year's folder (a file that does not load still
    // holds its number).
    let dir = s.root.join("issues").join(received.year().to_string());
    let files: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| Some(e.ok()?.path().file_stem()?.to_string_lossy().into_owned())).collect())
        .unwrap_or_default();
    let id = next_issue_id(
        received.year(),
        s.ds.issues.iter().map(|i| s.ds.name(i.id)).chain(files.iter().map(String::as_str)),
    );
    let category =
        s.ds.settings
            .issue_categories
            .iter()
            .find(|c| c.as_str() == args.category.trim())
            .cloned()
            .unwrap_or_else(|| code::<IssueCategory>(&args.category));
    let fields: Vec<(&str, String)> = vec![
        ("id", id.clone()),
        ("title", args.title.trim().to_string()),
        ("received", received.to_string()),
        ("category", category),
        ("urgency", args.urgency.as_deref().map(code::<Urgency>).unwrap_or_default()),
        ("source", args.source.as_deref().map(code::<IssueSource>).unwrap_or_default()),
        ("grid", args.grid.as_deref().unwrap_or("").trim().to_string()),
        ("household", household.unwrap_or_default()),
        ("recorded_by", recorded_by.unwrap_or_default()),
        ("description", args.description.as_deref().unwrap_or("").trim().to_string()),
    ];
    // Run twice, or again after it was stopped: the same problem on the same day is there.
    let title = args.title.trim();
    let description = args.description.as_deref().map(str::trim).filter(|d| !d.is_empty());
    debug_assert_eq!(fields[7].0, "household");
    // The same title, household and day with something else different is the same problem
    // raised twice: refused, naming it.
    let household = Some(fields[7].1.as_str()).filter(|h| !h.is_empty());
    let same_key: Vec<_> =
        s.ds.issues
            .iter()
            .filter(|i| {
                folded(&i.title) == folded(title)
                    && i.received == received
                    && i.household.map(|h| s.ds.name(h)) == household
            })
            .collect();
    if let Some(i) = same_key.iter().find(|i| i.description.as_deref().map(str::trim) == description) {
        sayln!(words::issue_already(s.ds.name(i.id), s.ds.path(i.loc.file), i.loc.line));
        return Ok(Exit::Ok);
    }
    if let Some(i) = same_key.first() {
        let place = format!("{}:{}", s.ds.path(i.loc.file).display(), i.loc.line);
        return Err(CliError::refused(errors::issue_taken(s.ds.name(i.id), &place)).hint(errors::hint_issue_taken()));
    }
    let (rel, text) = issue_file(received.year(), &fields);
    let lines = text.lines().count() as u32;
    let findings = judge(&mut s, ctx.today, &rel, Kind::Issues, Format::Yaml, &text, 1..=lines);
    s.vet(findings)?;
    if args.write.dry_run {
        sayln!(words::would_create(&rel));
        crate::cli::echo(&text);
        return Ok(Exit::Ok);
    }
    let t = Target { path: s.root.join(&rel), rel: rel.clone(), format: Format::Yaml, file: None };
    save(&t, &text)?;
    sayln!(words::issue_added(&id, &rel, args.title.trim()));
    s.commit(&args.write, &[t.path], &words::issue_commit(&id, args.title.trim()));
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_ids_count_up_within_the_year() {
        assert_eq!(next_issue_id(2026, std::iter::empty()), "I-2026-0001");
        assert_eq!(next_issue_id(2022, ["I-2022-001", "I-2022-0041", "I-2021-0100"].into_iter()), "I-2022-0042");
        assert_eq!(next_issue_id(2022, ["I-2022-9999"].into_iter()), "I-2022-10000");
    }
}

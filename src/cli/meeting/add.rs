//! `gov meeting add`: record a meeting (会议) as a new file `meetings/YYYY/<id>.yaml`, numbered
//! with the next free id `M-YYYY-NNNN` of the year it was held, from flags or from a YAML file
//! (`--from`), after the same validation `gov check` does. The file is created, never
//! overwritten.

use std::io::IsTerminal;

use chrono::{Datelike, NaiveDate};
use clap::Args;

use crate::cli::judge::judge;
use crate::cli::member::add::code;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Target, folded, pick_member, save};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::meeting::MeetingKind;
use crate::load::fields::split_list;
use crate::model::date::parse_date;
use crate::model::{Format, Kind};
use crate::report::Index;
use crate::store::yaml_edit::{flow_list, scalar};
use crate::text::errors::meetings as merr;
use crate::text::{cli::meetings as words, cli::write as wwords, errors};

/// Record a meeting (会议与议事): 协商议事, joint meetings, owners' and residents' meetings
///
/// Creates meetings/YYYY/M-YYYY-NNNN.yaml with the next free number of the year it was held,
/// from the flags (on a terminal, the kind, topic and date are asked for when --kind or --topic
/// is missing), or from a YAML file holding the meeting (`--from`, without an id: gov numbers
/// it). Its decisions are added with `gov meeting decide`, and their steps with `gov meeting
/// progress`, `done` and `drop`.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// consultation, property_joint, party_joint, owners, residents, other (or 协商议事,
    /// 红色物业联席会议, 党建联席会议, 业主大会, 居民会议, 其他), or a kind added in gov.yaml
    #[arg(long)]
    pub kind: Option<String>,
    /// What it was about (议题)
    #[arg(long)]
    pub topic: Option<String>,
    /// Date held [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Where it was held
    #[arg(long)]
    pub place: Option<String>,
    /// The org that convened it: id, or a unique part of the name
    #[arg(long, value_name = "ORG")]
    pub convened_by: Option<String>,
    /// Who chaired it: a member's id, or a unique part of the name
    #[arg(long, value_name = "MEMBER")]
    pub chair: Option<String>,
    /// Members attending (ids), separated by `;`
    #[arg(long)]
    pub members: Option<String>,
    /// Orgs attending (ids), separated by `;`
    #[arg(long)]
    pub orgs: Option<String>,
    /// Departments attending, separated by `,` (城管局,房产中心); each listed in gov.yaml
    #[arg(long)]
    pub departments: Option<String>,
    /// How many residents attended
    #[arg(long)]
    pub residents: Option<u32>,
    /// The problems discussed (issue ids), separated by `;`
    #[arg(long)]
    pub issues: Option<String>,
    /// The minutes (会议纪要)
    #[arg(long)]
    pub minutes: Option<String>,
    /// Read the meeting from this YAML file (one mapping without `id`) instead of the flags
    #[arg(long, value_name = "FILE")]
    pub from: Option<std::path::PathBuf>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// `M-YYYY-NNNN`: one more than the highest number used in that year.
pub fn next_meeting_id<'a>(year: i32, ids: impl Iterator<Item = &'a str>) -> String {
    let prefix = format!("M-{year}-");
    let max = ids.filter_map(|id| id.strip_prefix(&prefix)?.parse::<u64>().ok()).max().unwrap_or(0);
    format!("{prefix}{:04}", max + 1)
}

/// A value as a scalar, nothing when empty.
fn maybe(v: &str) -> String {
    if v.is_empty() { String::new() } else { scalar(v) }
}

fn items(s: &Option<String>, seps: &[char]) -> Vec<String> {
    s.as_deref().unwrap_or("").split(seps).flat_map(split_list).map(str::to_string).collect()
}

/// What identifies a meeting when it is recorded twice: its date, kind and topic.
struct Key {
    date: NaiveDate,
    kind: String,
    topic: String,
}

/// The meeting's text without its id, and its key.
fn from_flags(ctx: &Ctx, s: &Session, a: &AddArgs) -> Result<(String, Key), CliError> {
    let need = |v: &Option<String>, flag: &str| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .ok_or_else(|| CliError::usage(merr::meeting_needs(flag)).hint(merr::hint_meeting_needs()))
    };
    // On a terminal, what is missing is asked for; elsewhere it is a usage error.
    let interactive = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    let asking = interactive && (a.kind.is_none() || a.topic.is_none());
    let kind = match &a.kind {
        None if asking => super::prompt::kind(&s.ds.settings)?,
        _ => need(&a.kind, "--kind")?,
    };
    let kind =
        s.ds.settings.meeting_kinds.iter().find(|k| **k == kind).cloned().unwrap_or_else(|| code::<MeetingKind>(&kind));
    let topic = match &a.topic {
        None if asking => super::prompt::topic()?,
        _ => need(&a.topic, "--topic")?,
    };
    let date = match &a.date {
        None if asking => super::prompt::date(ctx.today)?,
        None => ctx.today,
        Some(d) => parse_date(d)
            .ok_or_else(|| CliError::usage(errors::date_flag_not_date(d)).hint(errors::hint_write_date()))?,
    };
    let ix = Index::new(&s.ds);
    let convened_by = match a.convened_by.as_deref().map(str::trim) {
        None | Some("") => String::new(),
        Some(o) => ix.find_org(o).map(|sym| s.ds.name(sym).to_string()).unwrap_or_else(|_| o.to_string()),
    };
    let chair = a.chair.as_deref().map(|m| pick_member(&ix, m)).transpose()?.unwrap_or_default();
    let mut attendees: Vec<(&str, String)> = Vec::new();
    for (k, list) in [
        ("members", items(&a.members, &[';', '；'])),
        ("orgs", items(&a.orgs, &[';', '；'])),
        ("departments", items(&a.departments, &[',', '，'])),
    ] {
        if !list.is_empty() {
            attendees.push((k, flow_list(&list)));
        }
    }
    if let Some(n) = a.residents {
        attendees.push(("residents", n.to_string()));
    }
    let opt = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or("").to_string();
    let mut text = String::new();
    let mut line = |k: &str, v: String| {
        if !v.is_empty() {
            text.push_str(&format!("{k}: {v}\n"));
        }
    };
    line("date", date.to_string());
    line("kind", scalar(&kind));
    line("topic", scalar(&topic));
    line("place", maybe(&opt(&a.place)));
    line("convened_by", maybe(&convened_by));
    line("chair", maybe(&chair));
    if !attendees.is_empty() {
        let parts: Vec<String> = attendees.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        line("attendees", format!("{{{}}}", parts.join(", ")));
    }
    let issues = items(&a.issues, &[';', '；', ',', '，']);
    if !issues.is_empty() {
        line("issues", flow_list(&issues));
    }
    line("minutes", maybe(&opt(&a.minutes)));
    Ok((text, Key { date, kind, topic }))
}

/// The meeting of a `--from` file: its text as written, and its key.
fn from_file(path: &std::path::Path) -> Result<(String, Key), CliError> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| CliError::os(errors::cannot_read(path), &e))?;
    let records = crate::load::yaml::parse_records(&text)
        .map_err(|e| CliError::usage(merr::meeting_file_not_one(&shown)).caused_by(e.message.clone()))?;
    let [rec] = records.as_slice() else { return Err(CliError::usage(merr::meeting_file_not_one(&shown))) };
    let get = |k: &str| {
        rec.fields.iter().find(|f| f.key == k).and_then(|f| match &f.value {
            crate::load::raw::RawValue::Scalar(s) => Some(s.trim().to_string()),
            _ => None,
        })
    };
    let date = get("date").and_then(|d| parse_date(&d));
    let (Some(date), Some(kind), Some(topic)) = (date, get("kind"), get("topic")) else {
        return Err(CliError::usage(merr::meeting_file_not_one(&shown)));
    };
    let kind = code::<MeetingKind>(&kind);
    let mut text = text;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok((text, Key { date, kind, topic }))
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let flags = args.kind.is_some() || args.topic.is_some() || args.date.is_some();
    let (body, key) = match &args.from {
        Some(_) if flags => return Err(CliError::usage(merr::meeting_from_and_flags())),
        Some(path) => from_file(&ctx.cwd.join(path))?,
        None => from_flags(ctx, &s, args)?,
    };
    // Run twice, or again after it was stopped: the same meeting is there.
    let same: Vec<_> =
        s.ds.meetings
            .iter()
            .filter(|m| {
                m.date == key.date
                    && m.kind.as_ref().map(|k| k.code()) == Some(key.kind.as_str())
                    && folded(&m.topic) == folded(&key.topic)
            })
            .collect();
    if let Some(m) = same.first() {
        let file = s.root.join(s.ds.path(m.loc.file));
        let old = std::fs::read_to_string(&file).unwrap_or_default();
        let without_id: String = old.lines().filter(|l| !l.starts_with("id:")).map(|l| format!("{l}\n")).collect();
        if without_id == body {
            sayln!(words::meeting_already(s.ds.name(m.id), s.ds.path(m.loc.file), m.loc.line));
            return Ok(Exit::Ok);
        }
        let place = format!("{}:{}", s.ds.path(m.loc.file).display(), m.loc.line);
        return Err(CliError::refused(merr::meeting_taken(s.ds.name(m.id), &place)).hint(merr::hint_meeting_taken()));
    }
    let year = key.date.year();
    let dir = s.root.join("meetings").join(year.to_string());
    let files: Vec<String> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| Some(e.ok()?.path().file_stem()?.to_string_lossy().into_owned())).collect())
        .unwrap_or_default();
    let id =
        next_meeting_id(year, s.ds.meetings.iter().map(|m| s.ds.name(m.id)).chain(files.iter().map(String::as_str)));
    let text = format!("id: {id}\n{body}");
    let rel = std::path::PathBuf::from("meetings").join(year.to_string()).join(format!("{id}.yaml"));
    let lines = text.lines().count() as u32;
    let findings = judge(&mut s, ctx.today, &rel, Kind::Meetings, Format::Yaml, &text, 1..=lines);
    s.vet(findings)?;
    if args.write.dry_run {
        sayln!(wwords::would_create(&rel));
        crate::cli::echo(&text);
        return Ok(Exit::Ok);
    }
    let t = Target { path: s.root.join(&rel), rel: rel.clone(), format: Format::Yaml, file: None };
    save(&t, &text)?;
    sayln!(words::meeting_added(&id, &rel, key.topic.trim()));
    s.commit(&args.write, &[t.path], &words::meeting_commit(&id, key.topic.trim()));
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meeting_ids_count_up_within_the_year() {
        assert_eq!(next_meeting_id(2022, std::iter::empty()), "M-2022-0001");
        assert_eq!(next_meeting_id(2022, ["M-2022-0003", "M-2021-0009", "I-2022-0100"].into_iter()), "M-2022-0004");
    }
}

//! `gov activity add`: record one activity (活动与服务) from flags, asking in a terminal for what
//! they leave out, or a batch of them from a CSV file (`--from`), appended to the month files of
//! their dates under the folder's lock after the same validation `gov check` does.

use std::io::{self, IsTerminal};

use clap::Args;

use super::write::{Row, already, record};
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{next_id, note, pick_household};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::Record;
use crate::kinds::activity::{Activity, ActivityKind};
use crate::load::fields::split_list;
use crate::model::Dataset;
use crate::model::id::id_problem;
use crate::model::labels::Labelled;
use crate::report::Index;
use crate::report::index::FindError;
use crate::text::{cli::write as words, errors};

/// Record an activity or service (活动与服务)
///
/// Appends one record to activities/YYYY-MM.yaml when the month is kept in YAML, else to
/// activities/YYYY-MM.csv (made with a header if new). Members, volunteers, orgs and households
/// may be given by id or by a unique part of the name (or address); a participant's own hours
/// follow a colon (`张伟:3`). Without --id the next free id is chosen, and said. Missing --kind
/// and --title are asked for when standard input is a terminal; otherwise they are an error.
/// With --from, records every row of a CSV file in the activities format (or `-` for standard
/// input) — all of them, or none if any row is wrong.
#[derive(Debug, Args)]
pub struct AddArgs {
    /// The activity's id [default: the next free one]
    #[arg(long)]
    pub id: Option<String>,
    /// Date [default: today]
    #[arg(long)]
    pub date: Option<String>,
    /// dual_report, volunteer, partner, epidemic, publicity, aid, care, other (or 双报到服务,
    /// 志愿服务, 联建活动, 疫情防控, 政策宣传, 帮扶慰问, 关爱服务, 其他), or a kind gov.yaml adds
    #[arg(long)]
    pub kind: Option<String>,
    /// What was done (卡点值守, 清凉夏日爱心包发放)
    #[arg(long)]
    pub title: Option<String>,
    /// The organiser, then its partners (orgs), separated by `;`
    #[arg(long)]
    pub orgs: Option<String>,
    /// The grid it served
    #[arg(long)]
    pub grid: Option<String>,
    /// Where
    #[arg(long)]
    pub place: Option<String>,
    /// Members who took part, separated by `;`, each with its hours after a colon if its own
    /// (`M0001:3;M0002`)
    #[arg(long)]
    pub members: Option<String>,
    /// Hours of each participant who has none of their own
    #[arg(long)]
    pub hours: Option<String>,
    /// Volunteers who took part (roster), as members
    #[arg(long)]
    pub volunteers: Option<String>,
    /// How many took part who are on no roster
    #[arg(long, value_name = "COUNT")]
    pub others: Option<String>,
    /// Households served, separated by `;`
    #[arg(long)]
    pub households: Option<String>,
    /// People reached, by type and count (`困难妇女:4;困境儿童:3`)
    #[arg(long)]
    pub beneficiaries: Option<String>,
    /// Aid handed out, by item and quantity (`棉被:7;电风扇:7`)
    #[arg(long)]
    pub items: Option<String>,
    /// Problems it solved (issue ids), separated by `;`
    #[arg(long)]
    pub issues: Option<String>,
    /// A note
    #[arg(long)]
    pub note: Option<String>,
    /// Record every row of this CSV file (activities format; `-` for standard input)
    #[arg(long, value_name = "FILE", conflicts_with_all = ["id", "date", "kind", "title", "orgs", "grid", "place", "members", "hours", "volunteers", "others", "households", "beneficiaries", "items", "issues", "note"])]
    pub from: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &AddArgs) -> Result<Exit, CliError> {
    // Read, not locked: a prompt or a slow pipe must not keep other writers waiting.
    let mut s = Session::read(ctx)?;
    match &args.from {
        Some(from) => super::batch::batch(ctx, &mut s, from, &args.write),
        None => one(ctx, &mut s, args),
    }
}

/// What the user typed for a record of a roster: its id when it names one, else the typed id
/// as it is (the check says what is wrong), refused when it is no id and names none or several.
fn pick(found: Result<crate::model::Sym, FindError>, typed: &str, ds: &Dataset) -> Result<String, CliError> {
    match found {
        Ok(sym) => Ok(ds.name(sym).to_string()),
        Err(FindError::None { .. }) if id_problem(typed.trim()).is_none() => Ok(typed.trim().to_string()),
        Err(e) => Err(CliError::from(e).hint(errors::hint_id_or_name())),
    }
}

/// Each `;` item of `list` through `each`, keeping what follows a colon (`张伟:3` → `M0001:3`).
fn each_item(list: &str, mut each: impl FnMut(&str) -> Result<String, CliError>) -> Result<String, CliError> {
    let mut out = Vec::new();
    for item in split_list(list) {
        let (name, rest) = match item.rfind([':', '：']) {
            Some(i) => (&item[..i], Some(item[i..].chars().skip(1).collect::<String>())),
            None => (item, None),
        };
        let id = each(name.trim())?;
        out.push(match rest {
            Some(h) => format!("{id}:{}", h.trim()),
            None => id,
        });
    }
    Ok(out.join(";"))
}

/// A volunteer by id or a unique part of the name.
pub fn find_volunteer(ds: &Dataset, typed: &str) -> Result<String, CliError> {
    let t = typed.trim();
    if let Some(sym) = ds.ids.get(t)
        && ds.volunteers.iter().any(|v| v.id == sym)
    {
        return Ok(t.to_string());
    }
    let hits: Vec<&crate::kinds::Volunteer> = ds.volunteers.iter().filter(|v| v.name.contains(t)).collect();
    match hits.as_slice() {
        [one] => Ok(ds.name(one.id).to_string()),
        [] if id_problem(t).is_none() => Ok(t.to_string()),
        [] => Err(CliError::usage(errors::no_volunteer(t)).hint(errors::hint_id_or_name())),
        many => {
            let names: Vec<String> = many.iter().map(|v| format!("{} {}", ds.name(v.id), v.name)).collect();
            Err(CliError::usage(errors::many_volunteers(t, &names)).hint(errors::hint_id_or_name()))
        }
    }
}

/// The row the flags describe, names made ids.
fn from_flags(ctx: &Ctx, s: &Session, args: &AddArgs) -> Result<Row, CliError> {
    let ix = Index::new(&s.ds);
    let ds = &s.ds;
    let mut row = Row::new();
    let id = match &args.id {
        Some(id) => id.trim().to_string(),
        None => {
            row.id_chosen = true;
            next_id(ds.activities.iter().map(|a| ds.name(a.id)), "A0001")
        }
    };
    row.set("id", id);
    row.set("date", args.date.as_deref().map_or_else(|| ctx.today.to_string(), crate::cli::visit::add::normal_date));
    if let Some(k) = &args.kind {
        row.set("kind", ActivityKind::parse(k).map_or_else(|| k.trim().to_string(), |k| k.code().to_string()));
    }
    let opt = |v: &Option<String>| v.as_deref().map(str::trim).unwrap_or("").to_string();
    row.set("title", opt(&args.title));
    if let Some(orgs) = &args.orgs {
        row.set("orgs", each_item(orgs, |o| pick(ix.find_org(o), o, ds))?);
    }
    if let Some(g) = &args.grid {
        row.set("grid", pick(ix.find_grid(g), g, ds)?);
    }
    row.set("place", opt(&args.place));
    if let Some(m) = &args.members {
        row.set("members", each_item(m, |m| pick(ix.find_member(m), m, ds))?);
    }
    row.set("hours", opt(&args.hours));
    if let Some(v) = &args.volunteers {
        row.set("volunteers", each_item(v, |v| find_volunteer(ds, v))?);
    }
    row.set("others", opt(&args.others));
    if let Some(h) = &args.households {
        row.set("households", each_item(h, |h| pick_household(&ix, h))?);
    }
    row.set("beneficiaries", opt(&args.beneficiaries));
    row.set("items", opt(&args.items));
    row.set("issues", opt(&args.issues));
    row.set("note", opt(&args.note));
    Ok(row)
}

fn one(ctx: &Ctx, s: &mut Session, args: &AddArgs) -> Result<Exit, CliError> {
    let interactive = io::stdin().is_terminal() && io::stderr().is_terminal();
    let mut row = from_flags(ctx, s, args)?;
    let missing: Vec<&str> = [("--kind", row.get("kind").is_empty()), ("--title", row.get("title").is_empty())]
        .into_iter()
        .filter_map(|(flag, missing)| missing.then_some(flag))
        .collect();
    let asked = !missing.is_empty();
    if asked {
        if !interactive {
            return Err(CliError::usage(errors::missing_flags(&missing)).hint(errors::hint_activity_flags()));
        }
        let ask_date = args.date.is_none().then_some(ctx.today);
        super::prompt::fill(&s.ds, &mut row, ask_date, args.members.is_none(), args.hours.is_none())?;
        if !super::prompt::confirm(&row)? {
            sayln!(words::nothing_written());
            return Ok(Exit::Ok);
        }
    }
    s.lock(ctx, &args.write)?;
    if let Some(at) = already(s, &row) {
        let old = s.ds.activities.iter().find(|a| a.loc == at).map_or("", |a| s.ds.name(a.id));
        sayln!(words::already_recorded_as(old, s.ds.path(at.file), at.line));
        return Ok(Exit::Ok);
    }
    if row.id_chosen {
        note(&words::new_id(Activity::NOUN, row.get("id")));
    }
    let commit = words::add_commit(Activity::NOUN, &row.shown());
    record(ctx, s, &args.write, vec![row], true, &commit)
}

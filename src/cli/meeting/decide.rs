//! `gov meeting decide`: add a decision (议定事项) to a meeting's `decisions`, numbered after
//! the last one, in the style of the decisions already there, after the same validation
//! `gov check` does.

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, edit_record};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::meeting::Owner;
use crate::model::date::parse_date;
use crate::model::{Dataset, Kind};
use crate::report::Index;
use crate::store::yaml_edit::{self, Value};
use crate::text::errors::meetings as merr;
use crate::text::{cli::meetings as words, errors};

/// Add a decision (议定事项) to a meeting: what, who carries it out, by when
///
/// The decision gets the next number in the meeting (M-2022-0003/2 on the command line). Its
/// steps are recorded with `gov meeting progress`, `done` and `drop`.
#[derive(Debug, Args)]
pub struct DecideArgs {
    /// The meeting's id (M-2022-0003)
    pub id: String,
    /// What was decided
    #[arg(long)]
    pub text: String,
    /// Who carries it out: a department listed in gov.yaml, or an org or a member (id, or a
    /// unique part of the name)
    #[arg(long)]
    pub owner: Option<String>,
    /// The date it is due
    #[arg(long, value_name = "DATE")]
    pub due: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// An owner as typed: a department as gov.yaml lists it (or by a fragment only it has), else an
/// org, else a member; anything else is written as typed, for the check to report.
pub fn owner(ds: &Dataset, typed: &str) -> String {
    let q = typed.trim();
    let listed = &ds.settings.departments;
    if let Some(d) = listed.iter().find(|d| *d == q) {
        return d.clone();
    }
    let ix = Index::new(ds);
    if let Ok(o) = ix.find_org(q) {
        return ds.name(o).to_string();
    }
    if let Ok(m) = ix.find_member(q) {
        return ds.name(m).to_string();
    }
    let hits: Vec<&String> = listed.iter().filter(|d| !q.is_empty() && d.contains(q)).collect();
    match hits.as_slice() {
        [one] => one.to_string(),
        _ => q.to_string(),
    }
}

pub fn run(ctx: &Ctx, a: &DecideArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &a.write)?;
    let m = super::find(&s.ds, &a.id)?;
    let id = s.ds.name(m.id).to_string();
    let loc = m.loc;
    let due = a
        .due
        .as_deref()
        .map(|d| {
            parse_date(d).ok_or_else(|| CliError::usage(errors::date_flag_not_date(d)).hint(errors::hint_write_date()))
        })
        .transpose()?;
    let owner = a.owner.as_deref().map(|o| owner(&s.ds, o)).filter(|o| !o.is_empty());
    let text = a.text.trim().to_string();
    // Run twice: the meeting's last decision is this one.
    if let Some(last) = m.decisions.last() {
        let last_owner = last.owner.as_ref().map(|o| match o {
            Owner::Department(d) => d.to_string(),
            Owner::Id(sym) => s.ds.name(*sym).to_string(),
        });
        if last.text.trim() == text && last_owner == owner && last.due == due {
            sayln!(words::decision_already(&id, last.no, s.ds.path(loc.file), last.line));
            return Ok(Exit::Ok);
        }
    }
    let no = m.decisions.iter().map(|d| d.no).max().unwrap_or(0) + 1;
    let mut fields = vec![("no", Value::Plain(no.to_string())), ("text", Value::Scalar(text))];
    if let Some(o) = owner {
        fields.push(("owner", Value::Scalar(o)));
    }
    if let Some(d) = due {
        fields.push(("due", Value::Scalar(d.to_string())));
    }
    let edit = |text: &str, nl: &str, place: &Place| match place {
        Place::Yaml(rec) => {
            yaml_edit::append_to_list(text, nl, rec, "decisions", &fields).map(|r| r.0).map_err(|e| e.text())
        }
        Place::Csv { .. } => Err(merr::meeting_in_csv()),
    };
    let done = words::decision_added(&id, no);
    let message = words::decision_commit(&id, no);
    edit_record(ctx, &mut s, &a.write, Kind::Meetings, (loc, &id), edit, (&done, &message))
}

//! `gov project progress|done|share|drop ID`: append one step to a project's `events`, in the
//! style of the steps already there; a step `gov check` would report (out of date order, after
//! the project was done or dropped, shared before done) is refused in its words.

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, cell, edit_record};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::project::{ProjectAction, ProjectEvent};
use crate::model::Kind;
use crate::model::date::parse_date;
use crate::model::labels::Labelled;
use crate::store::yaml_edit::{self, Value};
use crate::text::errors::projects as perr;
use crate::text::{cli::projects as words, errors};

/// What every step takes.
#[derive(Debug, Args)]
pub struct StepArgs {
    /// The project's id (P-2022-01)
    #[arg(value_name = "ID")]
    pub id: String,
    /// Date of the step [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A note on what was done
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// Progress, or a milestone reached.
#[derive(Debug, Args)]
pub struct ProgressArgs {
    #[command(flatten)]
    pub step: StepArgs,
    /// A milestone reached (阶段节点), not only work done
    #[arg(long)]
    pub milestone: bool,
}

fn same_step(e: &ProjectEvent, fields: &[(&str, Value)]) -> bool {
    let mut old: Vec<(&str, String)> = vec![("date", e.date.to_string()), ("action", e.action.code().to_string())];
    old.extend(e.note.as_deref().map(|n| ("note", n.to_string())));
    let mut new: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, cell(v).trim().to_string())).collect();
    old.sort();
    new.sort();
    old == new
}

pub fn run_progress(ctx: &Ctx, a: &ProgressArgs) -> Result<Exit, CliError> {
    run(ctx, if a.milestone { ProjectAction::Milestone } else { ProjectAction::Progress }, &a.step)
}

pub fn run(ctx: &Ctx, action: ProjectAction, a: &StepArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &a.write)?;
    let p = super::find(&s.ds, &a.id)?;
    let id = s.ds.name(p.id).to_string();
    let loc = p.loc;
    let when = match &a.date {
        None => ctx.today,
        Some(d) => parse_date(d)
            .ok_or_else(|| CliError::usage(errors::date_flag_not_date(d)).hint(errors::hint_write_date()))?,
    };
    let mut fields = vec![("date", Value::Scalar(when.to_string())), ("action", Value::Scalar(action.code().into()))];
    if let Some(note) = a.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        fields.push(("note", Value::Scalar(note.to_string())));
    }
    let step = words::project_step(&id, action, &when.to_string());
    if let Some(last) = p.events.last()
        && same_step(last, &fields)
    {
        sayln!(words::project_step_already(&step, s.ds.path(loc.file), last.line));
        return Ok(Exit::Ok);
    }
    let edit = move |text: &str, nl: &str, place: &Place| match place {
        Place::Yaml(rec) => {
            yaml_edit::append_to_list(text, nl, rec, "events", &fields).map(|r| r.0).map_err(|e| e.text())
        }
        Place::Csv { .. } => Err(perr::project_in_csv()),
    };
    let message = words::project_step_commit(&id, action, &when.to_string());
    edit_record(ctx, &mut s, &a.write, Kind::Projects, (loc, &id), edit, (&step, &message))
}

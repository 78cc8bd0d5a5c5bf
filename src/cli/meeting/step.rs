//! `gov meeting progress|done|drop ID/N`: append one step to a decision's `events`, in the
//! style of the steps already there, after running the meeting rules with it in place; a step
//! the rules forbid (before the meeting, after the decision was done or dropped) is refused in
//! the words `gov check` uses.

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, cell, edit_record};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::meeting::{DecisionAction, DecisionEvent, DecisionStatus};
use crate::model::Kind;
use crate::model::date::parse_date;
use crate::model::labels::Labelled;
use crate::store::yaml_edit::{self, Value};
use crate::text::errors::meetings as merr;
use crate::text::{cli::meetings as words, errors};

/// What every step takes.
#[derive(Debug, Args)]
pub struct StepArgs {
    /// The decision: the meeting's id, a slash and the decision's number (M-2022-0003/2)
    #[arg(value_name = "ID/N")]
    pub decision: String,
    /// Date of the step [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// A note on what was done
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// Done (已落实): and when residents were told.
#[derive(Debug, Args)]
pub struct DoneArgs {
    #[command(flatten)]
    pub step: StepArgs,
    /// The date residents were told it was done (反馈群众)
    #[arg(long, value_name = "DATE")]
    pub reported_back: Option<String>,
}

fn date(typed: &Option<String>, today: chrono::NaiveDate) -> Result<chrono::NaiveDate, CliError> {
    match typed {
        None => Ok(today),
        Some(d) => {
            parse_date(d).ok_or_else(|| CliError::usage(errors::date_flag_not_date(d)).hint(errors::hint_write_date()))
        }
    }
}

fn same_step(e: &DecisionEvent, fields: &[(&str, Value)]) -> bool {
    let mut old: Vec<(&str, String)> = vec![("date", e.date.to_string()), ("action", e.action.code().to_string())];
    old.extend(e.note.as_deref().map(|n| ("note", n.to_string())));
    old.extend(e.reported_back.map(|r| ("reported_back", r.to_string())));
    let mut new: Vec<(&str, String)> = fields.iter().map(|(k, v)| (*k, cell(v).trim().to_string())).collect();
    old.sort();
    new.sort();
    old == new
}

pub fn run_done(ctx: &Ctx, a: &DoneArgs) -> Result<Exit, CliError> {
    let extra = match &a.reported_back {
        None => vec![],
        Some(_) => vec![("reported_back", Value::Scalar(date(&a.reported_back, ctx.today)?.to_string()))],
    };
    run(ctx, DecisionAction::Done, &a.step, extra)
}

pub fn run(
    ctx: &Ctx,
    action: DecisionAction,
    a: &StepArgs,
    extra: Vec<(&'static str, Value)>,
) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &a.write)?;
    let (id, no) = super::decision_ref(&a.decision)?;
    let m = super::find(&s.ds, id)?;
    let id = s.ds.name(m.id).to_string();
    let Some(d) = m.decision(no) else {
        return Err(CliError::usage(merr::no_decision(&id, no)).hint(merr::hint_decision_ref()));
    };
    let loc = m.loc;
    let when = date(&a.date, ctx.today)?;
    let mut fields = vec![("date", Value::Scalar(when.to_string())), ("action", Value::Scalar(action.code().into()))];
    if let Some(note) = a.note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        fields.push(("note", Value::Scalar(note.to_string())));
    }
    fields.extend(extra);
    let step = words::decision_step(&id, no, action, &when.to_string());
    if let Some(last) = d.events.last()
        && same_step(last, &fields)
    {
        sayln!(words::decision_step_already(&step, s.ds.path(loc.file), last.line));
        return Ok(Exit::Ok);
    }
    let status = d.status();
    if matches!(status, DecisionStatus::Done | DecisionStatus::Dropped) {
        return Err(CliError::refused(merr::decision_closed(&id, no, status)).hint(merr::hint_decision_closed()));
    }
    // The decision's item: from its line to the next decision's (or the meeting's end).
    let line = d.line;
    let next = m.decisions.iter().map(|x| x.line).filter(|&l| l > line).min();
    let edit = move |text: &str, nl: &str, place: &Place| match place {
        Place::Yaml(rec) => {
            // The decision's item ends at the first line back at its dash's indentation (a key
            // of the meeting after `decisions`), else at the next decision or the meeting's end.
            let end = match yaml_edit::item_range(text, line) {
                Ok(r) => text[..r.end].matches('\n').count() as u32 + 1,
                Err(_) => next.unwrap_or(rec.lines.end as u32 + 1),
            };
            let item = yaml_edit::record(text, line, Some(end));
            yaml_edit::append_to_list(text, nl, &item, "events", &fields).map(|r| r.0).map_err(|e| e.text())
        }
        Place::Csv { .. } => Err(merr::meeting_in_csv()),
    };
    let message = words::decision_step_commit(&id, no, action, &when.to_string());
    edit_record(ctx, &mut s, &a.write, Kind::Meetings, (loc, &id), edit, (&step, &message))
}

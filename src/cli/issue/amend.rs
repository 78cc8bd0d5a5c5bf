//! `gov issue amend`: correct a problem's own fields (title, category, urgency, household, grid,
//! description), each value in place on its line or in its cell; the events are left alone.

use clap::Args;

use crate::cli::edit::{Change, apply, changes, fields};
use crate::cli::member::add::code;
use crate::cli::member::edit::shown;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, edit_record, note, pick_household};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::issue::{Category, Issue};
use crate::model::Kind;
use crate::model::labels::{IssueCategory, Labelled, Urgency};
use crate::report::Index;
use crate::store::yaml_edit::Value;
use crate::text::{cli::write as words, errors};

/// Correct a problem's title, category, urgency, household, grid or description
///
/// Only the fields given change, each in place (the value on its YAML line, its comment kept, or
/// its CSV cell); the events are not touched (`gov issue undo` takes back the latest one).
#[derive(Debug, Args)]
pub struct AmendArgs {
    /// The problem's id (I-2022-0041)
    pub id: String,
    /// Title
    #[arg(long)]
    pub title: Option<String>,
    /// heating, water, … (or 供暖, 用水, …), or a category added in gov.yaml
    #[arg(long)]
    pub category: Option<String>,
    /// urgent, normal, complex (or 紧急, 一般, 复杂)
    #[arg(long)]
    pub urgency: Option<String>,
    /// The household: id, or a unique part of the address or the head's name
    #[arg(long)]
    pub household: Option<String>,
    /// The grid (id or name)
    #[arg(long)]
    pub grid: Option<String>,
    /// What the problem is
    #[arg(long)]
    pub description: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &AmendArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let id = args.id.trim().to_string();
    let (loc, given) = {
        let Some(issue) = s.ds.issues.iter().find(|i| s.ds.name(i.id) == id) else {
            return Err(CliError::usage(errors::no_issue(&id)).hint(errors::hint_issue_id()));
        };
        let ix = Index::new(&s.ds);
        let scalar = |v: &str| Value::Scalar(v.trim().to_string());
        let name = |v: Option<crate::model::Sym>| v.map(|v| s.ds.name(v).to_string()).unwrap_or_default();
        let household = args.household.as_deref().map(|h| pick_household(&ix, h)).transpose()?;
        let grid = match args.grid.as_deref() {
            Some(g) => Some(
                ix.find_grid(g)
                    .map(|g| s.ds.name(g).to_string())
                    .or_else(|_| Ok::<_, CliError>(g.trim().to_string()))?,
            ),
            None => None,
        };
        let category = match &issue.category {
            Some(Category::Builtin(c)) => c.code().to_string(),
            Some(Category::Custom(c)) => c.clone(),
            None => String::new(),
        };
        let mut given = Vec::new();
        let mut put = |key, old: String, new: Option<Value>| {
            if let Some(new) = new {
                given.push(Change { key, old, new });
            }
        };
        put("title", issue.title.clone(), args.title.as_deref().map(scalar));
        put("category", category, args.category.as_deref().map(|c| scalar(&code::<IssueCategory>(c))));
        put("urgency", issue.urgency.code().to_string(), args.urgency.as_deref().map(|u| scalar(&code::<Urgency>(u))));
        put("household", name(issue.household), household.as_deref().map(scalar));
        put("grid", name(issue.grid), grid.as_deref().map(scalar));
        put("description", issue.description.clone().unwrap_or_default(), args.description.as_deref().map(scalar));
        (issue.loc, given)
    };
    if given.is_empty() {
        return Err(CliError::usage(errors::nothing_to_edit(&[
            "--title",
            "--category",
            "--urgency",
            "--household",
            "--grid",
            "--description",
        ])));
    }
    let who = words::record_named(&id);
    let changes = changes(given);
    if changes.is_empty() {
        note(&words::already_edited("issue", &who));
        return Ok(Exit::Ok);
    }
    let values = fields(s.ds.settings.values, &changes);
    let news: Vec<String> = changes.iter().map(Change::shown).collect();
    let shown = shown::<Issue>(&changes, &news);
    let done = words::edited("issue", &who, &shown);
    let message = words::edit_commit("issue", &who, &shown);
    let edit = |text: &str, nl: &str, place: &Place| apply(text, nl, place, loc.line, &values, None);
    edit_record(ctx, &mut s, &args.write, Kind::Issues, (loc, &id), edit, (&done, &message))
}

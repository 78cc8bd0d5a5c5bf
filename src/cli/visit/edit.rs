//! `gov visit edit`: correct one visit's date, method, summary, topics, companions or issues, each
//! in its own cell of its CSV row, every other byte of the file as it was.

use clap::Args;

use crate::cli::edit::{Change, apply, changes, fields};
use crate::cli::member::add::code;
use crate::cli::member::edit::{list, shown as shown_changes};
use crate::cli::record::{Session, WriteArgs};
use crate::cli::visit::add::normal_date;
use crate::cli::visit::pick::{PickArgs, Want, pick, shown};
use crate::cli::write::{Place, edit_in_file, note, pick_member};
use crate::cli::{CliError, Ctx, Exit, OrOs};
use crate::kinds::Record;
use crate::model::labels::VisitMethod;
use crate::model::{Kind, Visit};
use crate::report::Index;
use crate::store::yaml_edit::Value;
use crate::store::{TextFile, csv_edit};
use crate::text::{cli::write as words, errors};

/// Correct a visit: its date, method, summary, topics, companions or issues
///
/// Name it by its row (visits/2022-10.csv:17), by --id, or by --date, --member and --household
/// (as for `gov visit rm`); --new-date gives it another date (--date names the visit). Only the
/// fields given change, each in its own cell; a list (--topics, --with, --issues) is the whole
/// new list. The result is judged like `gov check` (a date of another month than the file's is
/// written with its `wrong-month-file` warning: move the row by hand).
#[derive(Debug, Args)]
pub struct EditArgs {
    #[command(flatten)]
    pub pick: PickArgs,
    /// The visit's new date
    #[arg(long, value_name = "DATE")]
    pub new_date: Option<String>,
    /// home, phone, wechat, video, group (or 入户, 电话, 微信, 视频, 集中走访)
    #[arg(long)]
    pub method: Option<String>,
    /// What was discussed or done
    #[arg(long)]
    pub summary: Option<String>,
    /// Topics, separated by `;`
    #[arg(long)]
    pub topics: Option<String>,
    /// Accompanying members (ids or names), separated by `;`
    #[arg(long = "with", value_name = "MEMBER")]
    pub with: Option<String>,
    /// Problems raised on the visit (issue ids), separated by `;`
    #[arg(long = "issues", value_name = "ISSUE")]
    pub issues: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &EditArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let i = pick(&s, &args.pick)?;
    let v = s.ds.visits[i].clone();
    let rel = s.ds.files[v.loc.file.0 as usize].path.clone();
    let want = Want::of(&s.ds, &v);
    // The old values, from the row as it is now.
    let path = s.root.join(&rel);
    let text = TextFile::read(&path)
        .or_os(|| errors::cannot_read(&path))?
        .ok_or_else(|| CliError::io(errors::file_gone(&path)))?
        .text;
    let refused = |why| CliError::refused(errors::refused_in(&format!("{}:{}", rel.display(), v.loc.line), &why));
    let row = want.row(&text).map_err(refused)?;
    let header = csv_edit::header(&text, Visit::COLUMNS);
    let spans = csv_edit::field_spans(&text, row);
    let old = |key: &str| {
        header
            .iter()
            .position(|h| h == key)
            .and_then(|i| spans.get(i))
            .map_or(String::new(), |s| csv_edit::value(&text, s.clone()))
    };
    let with = match &args.with {
        Some(w) => {
            let ix = Index::new(&s.ds);
            let ids: Result<Vec<String>, CliError> =
                crate::load::fields::split_list(w).map(|m| pick_member(&ix, m)).collect();
            Some(Value::List(ids?))
        }
        None => None,
    };
    let scalar = |v: &str| Value::Scalar(v.trim().to_string());
    let mut given = Vec::new();
    let mut put = |key, new: Option<Value>| {
        if let Some(new) = new {
            given.push(Change { key, old: old(key), new });
        }
    };
    put("date", args.new_date.as_deref().map(|d| scalar(&normal_date(d.trim()))));
    put("method", args.method.as_deref().map(|m| scalar(&code::<VisitMethod>(m))));
    put("summary", args.summary.as_deref().map(scalar));
    put("topics", args.topics.as_deref().map(list));
    put("with", with);
    put("issues", args.issues.as_deref().map(list));
    if given.is_empty() {
        return Err(CliError::usage(errors::nothing_to_edit(&[
            "--new-date",
            "--method",
            "--summary",
            "--topics",
            "--with",
            "--issues",
        ])));
    }
    let visit = shown(&s.ds, &v);
    let who = words::visit_named(&rel, v.loc.line, &visit);
    let changes = changes(given);
    if changes.is_empty() {
        note(&words::already_edited("visit", &who));
        return Ok(Exit::Ok);
    }
    let values = fields(s.ds.settings.values, &changes);
    let news: Vec<String> = changes.iter().map(Change::shown).collect();
    let shown = shown_changes::<Visit>(&changes, &news);
    let done = words::edited("visit", &who, &shown);
    let message = words::edit_commit("visit", &who, &shown);
    let place = |text: &str| Ok(Place::Csv { row: want.row(text)?, header: csv_edit::header(text, Visit::COLUMNS) });
    let edit = |text: &str, nl: &str, place: &Place| apply(text, nl, place, v.loc.line, &values, None);
    let line = v.loc.line;
    let lines = |_: &str| line..=line;
    edit_in_file(ctx, &mut s, &args.write, (Kind::Visits, v.loc), place, edit, lines, (&done, &message))
}

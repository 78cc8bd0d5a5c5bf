//! `gov member edit`: change a party member's phone, branch, grid, work unit, roles, pledge,
//! registration mode or registration grid, each value
//! in its own span (a CSV cell, a YAML value on its line, the items of a roles list), every other
//! byte of the file as it was.

use clap::Args;

use crate::cli::edit::{Change, apply, changes, fields};
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, edit_record, note};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::Record;
use crate::kinds::member::{Member, RegisteredMode};
use crate::load::fields::split_list;
use crate::model::Kind;
use crate::report::Index;
use crate::store::yaml_edit::Value;
use crate::text::{cli::write as words, errors};

/// Change a party member's phone, branch, grid, unit, roles or 双报到 details
///
/// Only the fields given change, each in place: the cell of a CSV row, or the value on a YAML
/// line (its comment kept), a roles list item by item. An empty value (`--phone ""`) empties it.
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The member: id, or a unique part of the name
    pub member: String,
    /// Phone
    #[arg(long)]
    pub phone: Option<String>,
    /// Branch (支部): an org's id
    #[arg(long)]
    pub branch: Option<String>,
    /// The grid the member serves (a grid id)
    #[arg(long)]
    pub grid: Option<String>,
    /// Work unit (工作单位): an org's id
    #[arg(long)]
    pub unit: Option<String>,
    /// Roles, separated by `;` (网格长;楼栋长): the whole new list
    #[arg(long)]
    pub roles: Option<String>,
    /// An in-service member's pledge (承诺), free text
    #[arg(long)]
    pub pledge: Option<String>,
    /// How they registered (双报到): online, offline (or 线上, 线下)
    #[arg(long, value_name = "MODE")]
    pub registered_mode: Option<String>,
    /// The grid they reported to (a grid id)
    #[arg(long, value_name = "GRID")]
    pub registered_grid: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

/// The Chinese name of a field of `T` (its first header name).
pub fn field_zh<T: Record>(key: &str) -> &'static str {
    T::ZH.iter().find(|(k, _)| *k == key).and_then(|(_, names)| names.first().copied()).unwrap_or("")
}

/// The changes as the catalogue shows them.
pub fn shown<'a, T: Record>(changes: &'a [Change], news: &'a [String]) -> Vec<words::FieldChange<'a>> {
    changes
        .iter()
        .zip(news)
        .map(|(c, new)| words::FieldChange {
            field: c.key,
            field_zh: field_zh::<T>(c.key),
            old: &c.old,
            new,
            old_zh: crate::cli::values::label_zh(c.key, &c.old),
            new_zh: crate::cli::values::label_zh(c.key, new),
        })
        .collect()
}

/// A `;`-separated option as a list value.
pub fn list(typed: &str) -> Value {
    Value::List(split_list(typed).map(str::to_string).collect())
}

pub fn run(ctx: &Ctx, args: &EditArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let (id, name, loc, given) = {
        let ix = Index::new(&s.ds);
        let sym = ix.find_member(&args.member).map_err(|e| CliError::from(e).hint(errors::hint_id_or_name()))?;
        let m = ix.member(sym).expect("found");
        let opt = |v: &Option<String>| v.clone().unwrap_or_default();
        let scalar = |v: &str| Value::Scalar(v.trim().to_string());
        let mut given = Vec::new();
        let mut put = |key, old: String, new: Option<Value>| {
            if let Some(new) = new {
                given.push(Change { key, old, new });
            }
        };
        put("phone", opt(&m.phone), args.phone.as_deref().map(scalar));
        put("branch", opt(&m.branch), args.branch.as_deref().map(scalar));
        put("grid", m.grid.map(|g| s.ds.name(g).to_string()).unwrap_or_default(), args.grid.as_deref().map(scalar));
        put("unit", opt(&m.unit), args.unit.as_deref().map(scalar));
        put("roles", m.roles.join(";"), args.roles.as_deref().map(list));
        put("pledge", opt(&m.pledge), args.pledge.as_deref().map(scalar));
        put(
            "registered_mode",
            m.registered_mode.map(|r| crate::model::labels::Labelled::code(r).to_string()).unwrap_or_default(),
            args.registered_mode.as_deref().map(|v| Value::Scalar(crate::cli::member::add::code::<RegisteredMode>(v))),
        );
        put(
            "registered_grid",
            m.registered_grid.map(|g| s.ds.name(g).to_string()).unwrap_or_default(),
            args.registered_grid.as_deref().map(scalar),
        );
        (s.ds.name(sym).to_string(), m.name.clone(), m.loc, given)
    };
    if given.is_empty() {
        return Err(CliError::usage(errors::nothing_to_edit(&[
            "--phone",
            "--branch",
            "--grid",
            "--unit",
            "--roles",
            "--pledge",
            "--registered-mode",
            "--registered-grid",
        ])));
    }
    let who = words::record_named(&format!("{id} {name}"));
    let changes = changes(given);
    if changes.is_empty() {
        note(&words::already_edited("member", &who));
        return Ok(Exit::Ok);
    }
    let values = fields(s.ds.settings.values, &changes);
    let news: Vec<String> = changes.iter().map(Change::shown).collect();
    let shown = shown::<Member>(&changes, &news);
    let done = words::edited("member", &who, &shown);
    let message = words::edit_commit("member", &who, &shown);
    let edit = |text: &str, nl: &str, place: &Place| apply(text, nl, place, loc.line, &values, None);
    edit_record(ctx, &mut s, &args.write, Kind::Members, (loc, &id), edit, (&done, &message))
}

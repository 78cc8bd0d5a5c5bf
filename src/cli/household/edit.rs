//! `gov household edit`: change a household's phone, address, head, size, tags or registration
//! date, each value in
//! its own span (a CSV cell, a YAML value on its line, the items of a tags list), every other byte
//! of the file as it was.

use clap::Args;

use crate::cli::edit::{Change, apply, changes, fields};
use crate::cli::member::add::code;
use crate::cli::member::edit::{list, shown};
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, edit_record, note};
use crate::cli::{CliError, Ctx, Exit};
use crate::kinds::household::Household;
use crate::load::fields::split_list;
use crate::model::Kind;
use crate::model::labels::{HouseholdTag, Labelled};
use crate::report::Index;
use crate::store::yaml_edit::Value;
use crate::text::{cli::write as words, errors};

/// Change a household's phone, address, head, size, tags or registration date
///
/// Only the fields given change, each in place: the cell of a CSV row, or the value on a YAML
/// line (its comment kept), a tags list item by item. An empty value (`--phone ""`) empties it.
/// The colour has its own command (set-color), the contacts theirs (link, unlink).
#[derive(Debug, Args)]
pub struct EditArgs {
    /// The household: id, or a unique part of the address or the head's name
    pub household: String,
    /// Phone
    #[arg(long)]
    pub phone: Option<String>,
    /// Address (幸福里小区3号楼2单元301室)
    #[arg(long)]
    pub address: Option<String>,
    /// Head of household (户主)
    #[arg(long)]
    pub head: Option<String>,
    /// Number of people in the household
    #[arg(long)]
    pub size: Option<String>,
    /// Tags, separated by `;` (elderly_alone;dibao or 独居老人;低保): the whole new list
    #[arg(long)]
    pub tags: Option<String>,
    /// The date it was registered (登记日期), from which a household never visited falls due
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &EditArgs) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let (id, loc, given) = {
        let ix = Index::new(&s.ds);
        let sym =
            ix.find_household(&args.household).map_err(|e| CliError::from(e).hint(errors::hint_id_or_address()))?;
        let h = ix.household(sym).expect("found");
        let scalar = |v: &str| Value::Scalar(v.trim().to_string());
        let tags = |typed: &str| list(&split_list(typed).map(code::<HouseholdTag>).collect::<Vec<_>>().join(";"));
        let mut given = Vec::new();
        let mut put = |key, old: String, new: Option<Value>| {
            if let Some(new) = new {
                given.push(Change { key, old, new });
            }
        };
        put("phone", h.phone.as_deref().unwrap_or("").to_string(), args.phone.as_deref().map(scalar));
        put("address", h.address.to_string(), args.address.as_deref().map(scalar));
        put("head", h.head.to_string(), args.head.as_deref().map(scalar));
        put("size", h.size.map(|n| n.to_string()).unwrap_or_default(), args.size.as_deref().map(scalar));
        let old_tags: Vec<&str> = h.tags.iter().map(|t| t.code()).collect();
        put("tags", old_tags.join(";"), args.tags.as_deref().map(tags));
        put("since", h.since.map(|d| d.to_string()).unwrap_or_default(), args.since.as_deref().map(scalar));
        (s.ds.name(sym).to_string(), h.loc, given)
    };
    if given.is_empty() {
        return Err(CliError::usage(errors::nothing_to_edit(&[
            "--phone",
            "--address",
            "--head",
            "--size",
            "--tags",
            "--since",
        ])));
    }
    let who = words::record_named(&id);
    let changes = changes(given);
    if changes.is_empty() {
        note(&words::already_edited("household", &who));
        return Ok(Exit::Ok);
    }
    let values = fields(s.ds.settings.values, &changes);
    let news: Vec<String> = changes.iter().map(Change::shown).collect();
    let shown = shown::<Household>(&changes, &news);
    let done = words::edited("household", &who, &shown);
    let message = words::edit_commit("household", &who, &shown);
    let edit = |text: &str, nl: &str, place: &Place| apply(text, nl, place, loc.line, &values, None);
    edit_record(ctx, &mut s, &args.write, Kind::Households, (loc, &id), edit, (&done, &message))
}

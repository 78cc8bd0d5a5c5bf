//! `gov household link` / `unlink`: add a member to, or take one from, a household's contacts
//! (党员联系户), editing only that list: the `contacts` cell of its CSV row (keeping the separator
//! the cell uses), or the `contacts:` value of its YAML record (a flow list `[M1, M2]`, a block
//! list of `- M1` lines, or a separated value), touching only the affected item.

use clap::Args;

use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, edit_record, note};
use crate::cli::{CliError, Ctx, Exit};
use crate::load::fields::split_list;
use crate::model::Kind;
use crate::model::id::id_problem;
use crate::report::Index;
use crate::report::index::FindError;
use crate::store::{csv_edit, yaml_edit};
use crate::text::{cli::write as words, errors};

/// The household and the member of `gov household link` / `unlink`
#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The household: id, or a unique part of the address or the head's name
    pub household: String,
    /// The member: id, or a unique part of the name
    pub member: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &LinkArgs, link: bool) -> Result<Exit, CliError> {
    let mut s = Session::open(ctx, &args.write)?;
    let (hid, loc, member, linked, name) = {
        let ix = Index::new(&s.ds);
        let sym =
            ix.find_household(&args.household).map_err(|e| CliError::from(e).hint(errors::hint_id_or_address()))?;
        let h = ix.household(sym).expect("found");
        // A member id that matches nobody is passed on, so the check says so in its own words.
        let member = match ix.find_member(&args.member) {
            Ok(m) => s.ds.name(m).to_string(),
            Err(FindError::None { .. }) if id_problem(args.member.trim()).is_none() => args.member.trim().to_string(),
            Err(e) => return Err(CliError::from(e).hint(errors::hint_id_or_name())),
        };
        let linked = h.contacts.iter().any(|&c| s.ds.name(c) == member);
        let name = s.ds.ids.get(&member).and_then(|m| ix.member(m)).map_or(String::new(), |m| format!(" {}", m.name));
        (s.ds.name(sym).to_string(), h.loc, member, linked, name)
    };
    // Already as asked (run twice, or again after it was stopped): nothing to do.
    if link && linked {
        note(&words::already_linked(&format!("{member}{name}"), &hid));
        return Ok(Exit::Ok);
    }
    if !link && !linked {
        note(&words::not_linked(&format!("{member}{name}"), &hid));
        return Ok(Exit::Ok);
    }
    let edit = |text: &str, nl: &str, place: &Place| match place {
        Place::Csv { row, header } => {
            let i =
                header.iter().position(|h| h == "contacts").ok_or_else(|| errors::library::no_column("contacts"))?;
            let spans = csv_edit::field_spans(text, row.clone());
            let span = spans.get(i).ok_or_else(errors::row_shorter)?;
            let value = csv_edit::value(text, span.clone());
            let sep = [";", "；", "、"].into_iter().find(|sep| value.contains(sep)).unwrap_or(";");
            let mut items: Vec<&str> = split_list(&value).collect();
            if link {
                items.push(&member);
            } else {
                items.retain(|m| *m != member);
            }
            Ok(csv_edit::set_cell(text, span.clone(), &items.join(sep)))
        }
        Place::Yaml(rec) if link => yaml_edit::list_add(text, nl, rec, "contacts", &member, "id").map_err(|e| e.text()),
        Place::Yaml(rec) => yaml_edit::list_remove(text, rec, "contacts", &member).map_err(|e| e.text()),
    };
    let who = format!("{member}{name}");
    let (done, message) = if link {
        (words::linked(&who, &hid), words::link_commit(&hid, &who))
    } else {
        (words::unlinked(&who, &hid), words::unlink_commit(&hid, &who))
    };
    edit_record(ctx, &mut s, &args.write, Kind::Households, (loc, &hid), edit, (&done, &message))
}

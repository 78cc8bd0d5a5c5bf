//! `gov member set-status`: a member transferred out (转出), out of touch (失联), deceased (已故) or
//! active again, editing only the `status` value: the cell of its CSV row, or the `status:` line
//! of its YAML record (inserted after `id:` when absent) with the date and reason as its comment.
//! Then it names the households the member looked after that have no active contact left.

use clap::Args;

use crate::cli::edit::{Change, apply, fields};
use crate::cli::member::add::code;
use crate::cli::record::{Session, WriteArgs};
use crate::cli::write::{Place, edit_record, note};
use crate::cli::{CliError, Ctx, Exit};
use crate::model::Kind;
use crate::model::labels::{Labelled, MemberStatus};
use crate::report::Index;
use crate::store::yaml_edit::Value;
use crate::text::{cli::write as words, errors};

/// Set a member's status: transferred, inactive, deceased or active again
///
/// Edits only the status: the `status` cell of a CSV row (the file needs a `status` column), or
/// the `status:` line of a YAML record, where the date and the reason are kept as its comment
/// (`status: transferred  # 2022-12-31 迁往外省`). The reason is always printed, and is in the
/// git commit's message with --commit: for a CSV file that is where it is kept. The households
/// the member looked after that are left without an active contact are named.
#[derive(Debug, Args)]
pub struct SetStatusArgs {
    /// The member: id, or a unique part of the name
    pub member: String,
    /// transferred, inactive, deceased, active (or 已转出, 失联, 已故, 正常)
    pub status: String,
    /// When it happened [default: today]
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    /// Why (迁往外省)
    #[arg(long)]
    pub reason: String,
    #[command(flatten)]
    pub write: WriteArgs,
}

pub fn run(ctx: &Ctx, args: &SetStatusArgs) -> Result<Exit, CliError> {
    let date = match args.date.as_deref().map(str::trim) {
        Some(d) => crate::model::date::parse_date(d)
            .ok_or_else(|| CliError::usage(errors::date_flag_not_date(d)).hint(errors::hint_write_date()))?,
        None => ctx.today,
    };
    let mut s = Session::open(ctx, &args.write)?;
    let status = code::<MemberStatus>(&args.status);
    let reason = args.reason.trim().to_string();
    let (id, name, loc, old, orphans) = {
        let ix = Index::new(&s.ds);
        let sym = ix.find_member(&args.member).map_err(|e| CliError::from(e).hint(errors::hint_id_or_name()))?;
        let m = ix.member(sym).expect("found");
        // The households whose every other contact is not active (or not there).
        let active = |c| ix.member(c).is_some_and(|m| m.status == MemberStatus::Active);
        let orphans: Vec<(String, String, String)> =
            s.ds.households
                .iter()
                .filter(|h| h.contacts.contains(&sym) && !h.contacts.iter().any(|&c| c != sym && active(c)))
                .map(|h| (s.ds.name(h.id).to_string(), h.address.to_string(), h.head.to_string()))
                .collect();
        (s.ds.name(sym).to_string(), m.name.clone(), m.loc, m.status, orphans)
    };
    let who = format!("{id} {name}");
    if MemberStatus::parse(&status) == Some(old) {
        note(&words::already_status(&who, &status));
        return Ok(Exit::Ok);
    }
    let change = [Change { key: "status", old: old.code().to_string(), new: Value::Scalar(status.clone()) }];
    let values = fields(s.ds.settings.values, &change);
    let comment = format!("{date} {reason}");
    let edit = |text: &str, nl: &str, place: &Place| apply(text, nl, place, loc.line, &values, Some(&comment));
    let day = date.to_string();
    let done = words::status_changed(&who, old.code(), &status, &day, &reason);
    let message = words::status_commit(&who, &status, &day, &reason);
    let exit = edit_record(ctx, &mut s, &args.write, Kind::Members, (loc, &id), edit, (&done, &message))?;
    if MemberStatus::parse(&status) != Some(MemberStatus::Active) && !orphans.is_empty() {
        note(&words::left_without_contact(orphans.len()));
        for (hid, address, head) in &orphans {
            note(&words::household_line(hid, address, head));
        }
    }
    Ok(exit)
}

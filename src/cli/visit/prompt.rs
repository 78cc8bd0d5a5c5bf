//! Asking for what the command line left out, like `hledger add`: member and household with
//! completion (the member's linked households first), method (default: the member's last),
//! date (default: today; any form [`parse_date_cell`] takes, written as YYYY-MM-DD), summary;
//! then the row, to confirm. The prompts speak the process's language; their words are in
//! [`crate::text::help::prompts`]. A yes/no answer may be 是/否 or y/n in either language.

use inquire::validator::Validation;
use inquire::{Confirm, Select, Text};

use chrono::NaiveDate;

use super::add::{Row, describe};
use crate::cli::CliError;
use crate::model::Dataset;
use crate::model::date::parse_date_cell;
use crate::model::labels::{Labelled, MemberStatus, VisitMethod};
use crate::model::privacy::{mask_address, mask_text};
use crate::report::Index;
use crate::text::help::prompts as words;

pub(crate) fn ask<T>(r: Result<T, inquire::InquireError>) -> Result<T, CliError> {
    r.map_err(|e| match e {
        inquire::InquireError::OperationCanceled | inquire::InquireError::OperationInterrupted => {
            CliError::usage(words::cancelled())
        }
        other => CliError::io(words::cannot_ask(&other.to_string())),
    })
}

/// A picker with its label and help line in the process's language.
pub(crate) fn pick(label: &crate::text::Text, options: Vec<String>, start: usize) -> Result<String, CliError> {
    let help = words::picker_help();
    ask(Select::new(label.current(), options).with_help_message(help.current()).with_starting_cursor(start).prompt())
}

/// Asks for every empty field of `row`, and for the date when `ask_date` holds today (no
/// `--date` was given).
pub(super) fn fill(ix: &Index<'_>, row: &mut Row, ask_date: Option<NaiveDate>) -> Result<(), CliError> {
    let ds = ix.ds;
    if row.member.is_empty() {
        let options: Vec<String> = ds
            .members
            .iter()
            .filter(|m| m.status == MemberStatus::Active)
            .map(|m| format!("{} {}", ds.name(m.id), mask_text(&m.name)))
            .collect();
        let chosen = pick(&words::member(), options, 0)?;
        row.member = chosen.split(' ').next().unwrap_or_default().to_string();
    }
    let member = ds.ids.get(&row.member);
    if row.household.is_empty() {
        let linked: Vec<usize> = member
            .and_then(|m| ix.look.member(m))
            .map(|m| ix.linked[m].iter().map(|&h| h as usize).collect())
            .unwrap_or_default();
        let others = (0..ds.households.len()).filter(|h| !linked.contains(h));
        let options: Vec<String> = linked
            .iter()
            .copied()
            .chain(others)
            .map(|h| {
                let h = &ds.households[h];
                // Masked like every output: the picker is on the screen too.
                format!("{} {} {}", ds.name(h.id), mask_address(&h.address), mask_text(&h.head))
            })
            .collect();
        let chosen = pick(&words::household(), options, 0)?;
        row.household = chosen.split(' ').next().unwrap_or_default().to_string();
    }
    if row.method.is_empty() {
        let last =
            member.and_then(|m| ds.visits.iter().filter(|v| v.member == m).max_by_key(|v| v.date)).map(|v| v.method);
        let options: Vec<String> = VisitMethod::ALL.iter().map(|m| format!("{} {}", m.code(), m.zh())).collect();
        let start = last.and_then(|l| VisitMethod::ALL.iter().position(|&m| m == l)).unwrap_or(0);
        let chosen = pick(&words::method(), options, start)?;
        row.method = chosen.split(' ').next().unwrap_or_default().to_string();
    }
    if let Some(today) = ask_date {
        let today = today.to_string();
        let label = words::date();
        let wrong = words::not_a_date().current().to_string();
        let is_date = move |s: &str| match parse_date_cell(s) {
            Some(_) => Ok(Validation::Valid),
            None => Ok(Validation::Invalid(wrong.clone().into())),
        };
        let typed = ask(Text::new(label.current()).with_default(&today).with_validator(is_date).prompt())?;
        // The validator let only dates through; the default is one.
        row.date = parse_date_cell(&typed).map_or(today, |d| d.to_string());
    }
    if row.summary.trim().is_empty() {
        let label = words::summary();
        let empty = words::summary_empty().current().to_string();
        let given = move |s: &str| match s.trim().is_empty() {
            true => Ok(Validation::Invalid(empty.clone().into())),
            false => Ok(Validation::Valid),
        };
        // Spaces typed before an answer (after a refused empty one, they stay in the line) are
        // not part of it.
        row.summary = ask(Text::new(label.current()).with_validator(given).prompt())?.trim().to_string();
    }
    Ok(())
}

/// Shows the visit in one line and asks whether to record it: yes by default; 是/否 or y/n.
pub(super) fn confirm(row: &Row, ds: &Dataset) -> Result<bool, CliError> {
    confirm_text(&words::record(&describe(ds, row)), true)
}

/// Asks a yes/no question (是/否 or y/n), `default` when the user just presses Enter.
pub fn confirm_text(question: &crate::text::Text, default: bool) -> Result<bool, CliError> {
    let question = mask_text(question.current());
    let wrong = words::yes_no_wrong();
    let parse = |s: &str| words::parse_yes_no(s).ok_or(());
    let shown = |b: bool| words::yes_no(b).current().to_string();
    let hint = |b: bool| words::yes_no_hint(b).current().to_string();
    ask(Confirm::new(&question)
        .with_default(default)
        .with_parser(&parse)
        .with_formatter(&shown)
        .with_default_value_formatter(&hint)
        .with_error_message(wrong.current())
        .prompt())
}

//! Asking for what `gov activity add`'s flags left out: the kind (a picker of the built-in kinds
//! and gov.yaml's), the title, the date (default: today), the members who took part and their
//! hours; then the activity in one line, to confirm. Words in [`crate::text::help::prompts`].

use chrono::NaiveDate;
use inquire::validator::Validation;
use inquire::{Select, Text};

use super::write::Row;
use crate::cli::CliError;
use crate::cli::visit::prompt::confirm_text;
use crate::kinds::activity::ActivityKind;
use crate::model::Dataset;
use crate::model::date::parse_date_cell;
use crate::model::labels::Labelled;
use crate::text::help::prompts as words;

fn ask<T>(r: Result<T, inquire::InquireError>) -> Result<T, CliError> {
    r.map_err(|e| match e {
        inquire::InquireError::OperationCanceled | inquire::InquireError::OperationInterrupted => {
            CliError::usage(words::cancelled())
        }
        other => CliError::io(words::cannot_ask(&other.to_string())),
    })
}

/// Asks for the kind and title when empty, the date when `ask_date` holds today, and the
/// members and hours when asked to.
pub(super) fn fill(
    ds: &Dataset,
    row: &mut Row,
    ask_date: Option<NaiveDate>,
    ask_members: bool,
    ask_hours: bool,
) -> Result<(), CliError> {
    if row.get("kind").is_empty() {
        let mut options: Vec<String> = ActivityKind::ALL.iter().map(|k| format!("{} {}", k.code(), k.zh())).collect();
        options.extend(ds.settings.activity_kinds.iter().cloned());
        let help = words::picker_help();
        let label = words::activity_kind();
        let chosen = ask(Select::new(label.current(), options).with_help_message(help.current()).prompt())?;
        row.set("kind", chosen.split(' ').next().unwrap_or_default());
    }
    if row.get("title").is_empty() {
        let label = words::activity_title();
        let empty = words::activity_title_empty().current().to_string();
        let given = move |s: &str| match s.trim().is_empty() {
            true => Ok(Validation::Invalid(empty.clone().into())),
            false => Ok(Validation::Valid),
        };
        row.set("title", ask(Text::new(label.current()).with_validator(given).prompt())?.trim());
    }
    if let Some(today) = ask_date {
        let today = today.to_string();
        let label = words::activity_date();
        let wrong = words::not_a_date().current().to_string();
        let is_date = move |s: &str| match parse_date_cell(s) {
            Some(_) => Ok(Validation::Valid),
            None => Ok(Validation::Invalid(wrong.clone().into())),
        };
        let typed = ask(Text::new(label.current()).with_default(&today).with_validator(is_date).prompt())?;
        row.set("date", parse_date_cell(&typed).map_or(today, |d| d.to_string()));
    }
    if ask_members {
        let label = words::activity_members();
        row.set("members", ask(Text::new(label.current()).prompt())?.trim());
    }
    if ask_hours {
        let label = words::activity_hours();
        row.set("hours", ask(Text::new(label.current()).prompt())?.trim());
    }
    Ok(())
}

/// Shows the activity in one line and asks whether to record it: yes by default.
pub(super) fn confirm(row: &Row) -> Result<bool, CliError> {
    confirm_text(&words::record_activity(&row.shown()), true)
}

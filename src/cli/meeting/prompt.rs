//! Asking, on a terminal, for what `gov meeting add` was not given: the kind (a picker of the
//! built-in kinds and those of gov.yaml), the topic, and the date (default today). The words are
//! in [`crate::text::help::prompts`].

use chrono::NaiveDate;
use inquire::Text;
use inquire::validator::Validation;

use crate::cli::CliError;
use crate::cli::visit::prompt::{ask, pick};
use crate::kinds::meeting::MeetingKind;
use crate::model::Settings;
use crate::model::date::parse_date_cell;
use crate::model::labels::Labelled;
use crate::text::help::prompts as words;

/// The kind as a file writes it: a built-in code, or a kind of gov.yaml.
pub fn kind(settings: &Settings) -> Result<String, CliError> {
    let mut options: Vec<String> = MeetingKind::ALL.iter().map(|k| format!("{} {}", k.code(), k.zh())).collect();
    options.extend(settings.meeting_kinds.iter().cloned());
    let chosen = pick(&words::meeting_kind(), options, 0)?;
    Ok(match MeetingKind::ALL.iter().find(|k| chosen.starts_with(&format!("{} ", k.code()))) {
        Some(k) => k.code().to_string(),
        None => chosen,
    })
}

pub fn topic() -> Result<String, CliError> {
    let empty = words::meeting_topic_empty().current().to_string();
    let given = move |s: &str| match s.trim().is_empty() {
        true => Ok(Validation::Invalid(empty.clone().into())),
        false => Ok(Validation::Valid),
    };
    Ok(ask(Text::new(words::meeting_topic().current()).with_validator(given).prompt())?.trim().to_string())
}

pub fn date(today: NaiveDate) -> Result<NaiveDate, CliError> {
    let today_text = today.to_string();
    let wrong = words::not_a_date().current().to_string();
    let is_date = move |s: &str| match parse_date_cell(s) {
        Some(_) => Ok(Validation::Valid),
        None => Ok(Validation::Invalid(wrong.clone().into())),
    };
    let typed =
        ask(Text::new(words::meeting_date().current()).with_default(&today_text).with_validator(is_date).prompt())?;
    Ok(parse_date_cell(&typed).unwrap_or(today))
}

//! Asking for what the command line left out, like `hledger add`: member and household with
//! completion (the member's linked households first), method (default: the member's last),
//! date (default: today; any form [`parse_date_cell`] takes, written as YYYY-MM-DD), summary;
//! then the row, to confirm.

use inquire::{Confirm, Select, Text};

use chrono::NaiveDate;

use super::add::{Row, describe};
use crate::cli::CliError;
use crate::model::Dataset;
use crate::model::date::parse_date_cell;
use crate::model::labels::{Labelled, MemberStatus, VisitMethod};
use crate::model::privacy::{mask_address, mask_text};
use crate::report::Index;

fn ask<T>(r: Result<T, inquire::InquireError>) -> Result<T, CliError> {
    r.map_err(|e| match e {
        inquire::InquireError::OperationCanceled | inquire::InquireError::OperationInterrupted => {
            CliError::usage(anyhow::anyhow!("cancelled; nothing was written"))
        }
        other => CliError::io(anyhow::anyhow!("cannot ask: {other}")),
    })
}

/// Asks for every empty field of `row`, and for the date when `ask_date` holds today (no
/// `--date` was given).
pub fn fill(ix: &Index<'_>, row: &mut Row, ask_date: Option<NaiveDate>) -> Result<(), CliError> {
    let ds = ix.ds;
    if row.member.is_empty() {
        let options: Vec<String> = ds
            .members
            .iter()
            .filter(|m| m.status == MemberStatus::Active)
            .map(|m| format!("{} {}", ds.name(m.id), mask_text(&m.name)))
            .collect();
        let chosen = ask(Select::new("走访党员 member:", options).prompt())?;
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
        let chosen = ask(Select::new("走访户 household:", options).prompt())?;
        row.household = chosen.split(' ').next().unwrap_or_default().to_string();
    }
    if row.method.is_empty() {
        let last =
            member.and_then(|m| ds.visits.iter().filter(|v| v.member == m).max_by_key(|v| v.date)).map(|v| v.method);
        let options: Vec<String> = VisitMethod::ALL.iter().map(|m| format!("{} {}", m.code(), m.zh())).collect();
        let start = last.and_then(|l| VisitMethod::ALL.iter().position(|&m| m == l)).unwrap_or(0);
        let chosen = ask(Select::new("走访方式 method:", options).with_starting_cursor(start).prompt())?;
        row.method = chosen.split(' ').next().unwrap_or_default().to_string();
    }
    if let Some(today) = ask_date {
        let today = today.to_string();
        loop {
            let typed = ask(Text::new("走访日期 date:").with_default(&today).prompt())?;
            if let Some(date) = parse_date_cell(&typed) {
                row.date = date.to_string();
                break;
            }
        }
    }
    while row.summary.trim().is_empty() {
        row.summary = ask(Text::new("走访内容 summary:").prompt())?;
    }
    Ok(())
}

pub fn confirm(row: &Row, ds: &Dataset) -> Result<bool, CliError> {
    ask(Confirm::new(&mask_text(&format!("记录 {}？", describe(ds, row)))).with_default(true).prompt())
}

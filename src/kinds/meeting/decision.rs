//! A meeting's decisions (议定事项): who carries each out and by when, with its own append-only
//! events (progress, done, dropped). A decision's status is derived from its events, never stored.

use chrono::NaiveDate;

use crate::load::cache::codec::{Corrupt, Dec, Decoded, Enc};
use crate::load::fields::Fields;
use crate::load::raw::RawRecord;
use crate::model::Sym;
use crate::model::labels::labelled;

labelled! {
    /// 落实情况: one step in carrying out a decision.
    DecisionAction, "decision step" / "落实步骤" {
        /// 进展: work on it.
        Progress = "progress", "进展", "progress", ["推进", "落实中"];
        /// 已落实: carried out; `reported_back` says when residents were told (反馈群众).
        Done = "done", "已落实", "done", ["落实", "完成", "已完成"];
        /// 不再落实: dropped (withdrawn by a later meeting, or no longer possible).
        Dropped = "dropped", "不再落实", "dropped", ["撤销", "取消", "已撤销"];
    }
}

/// Who carries a decision out: a department named in gov.yaml, or an org or member by id (which
/// one is known once the folder is loaded).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Owner {
    Department(Box<str>),
    Id(Sym),
}

/// 议定事项: one decision of a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// Its number in the meeting (`M-2022-0003/2`): as written, else its place in the list.
    pub no: u32,
    pub text: String,
    pub owner: Option<Owner>,
    pub due: Option<NaiveDate>,
    pub events: Vec<DecisionEvent>,
    pub line: u32,
}

/// One step in carrying out a decision.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionEvent {
    pub date: NaiveDate,
    pub action: DecisionAction,
    pub note: Option<Box<str>>,
    /// 反馈群众: when residents were told it was done (done only).
    pub reported_back: Option<NaiveDate>,
    pub line: u32,
}

/// The fields of one decision.
pub const DECISION_FIELDS: &[&str] = &["no", "text", "owner", "due", "events"];
/// The fields of one of a decision's events.
pub const DECISION_EVENT_FIELDS: &[&str] = &["date", "action", "note", "reported_back"];

labelled! {
    /// 落实状态: a decision's status, derived from its events and never written in files.
    DecisionStatus, "decision status" / "落实状态" {
        /// 未落实: no step recorded yet.
        Open = "open", "未落实", "open", ["待落实"];
        /// 落实中.
        InProgress = "in_progress", "落实中", "in progress", ["in-progress"];
        Done = "done", "已落实", "done", ["落实"];
        Dropped = "dropped", "不再落实", "dropped", ["撤销", "已撤销"];
    }
}

impl Decision {
    /// The status its events dated on or before `date` lead to. An event after `done` or
    /// `dropped` is a mistake (`decision-order`) and changes nothing.
    pub fn status_on(&self, date: NaiveDate) -> DecisionStatus {
        let mut s = DecisionStatus::Open;
        for e in self.events.iter().filter(|e| e.date <= date) {
            s = match (s, e.action) {
                (DecisionStatus::Done | DecisionStatus::Dropped, _) => s,
                (_, DecisionAction::Progress) => DecisionStatus::InProgress,
                (_, DecisionAction::Done) => DecisionStatus::Done,
                (_, DecisionAction::Dropped) => DecisionStatus::Dropped,
            };
        }
        s
    }

    pub fn status(&self) -> DecisionStatus {
        self.status_on(NaiveDate::MAX)
    }

    /// The `done` event that carried it out, if it was (dated on or before `date`).
    pub fn done_on(&self, date: NaiveDate) -> Option<&DecisionEvent> {
        if self.status_on(date) != DecisionStatus::Done {
            return None;
        }
        self.events.iter().find(|e| e.action == DecisionAction::Done && e.date <= date)
    }

    /// Open past its due date as of `date`: neither done nor dropped by then, and due before it.
    pub fn overdue_on(&self, date: NaiveDate) -> bool {
        let open = matches!(self.status_on(date), DecisionStatus::Open | DecisionStatus::InProgress);
        open && self.due.is_some_and(|d| d < date)
    }

    /// Done on or before its due date (or done, when it had none).
    pub fn done_on_time(&self, date: NaiveDate) -> bool {
        self.done_on(date).is_some_and(|e| self.due.is_none_or(|d| e.date <= d))
    }
}

pub(super) fn read(
    rec: &RawRecord<'_>,
    n: usize,
    parent: &mut Fields<'_, '_, '_, '_>,
    departments: &[String],
    ids: &mut impl crate::load::convert::Resolve,
) -> Option<Decision> {
    // YAML 1.1 readers take an unquoted key `no` for the boolean false: read it back as `no`.
    let renamed;
    let rec = if rec.fields.iter().any(|x| x.key == "false") {
        let mut r = rec.clone();
        r.fields.iter_mut().filter(|x| x.key == "false").for_each(|x| x.key = "no".into());
        renamed = r;
        &renamed
    } else {
        rec
    };
    let mut f = Fields::new(rec, parent.sink(), false);
    let no = f.number("no", 1, 9999);
    let text = f.string("text", true);
    let owner = f
        .string("owner", false)
        .map(|o| if departments.contains(&o) { Owner::Department(o.into()) } else { Owner::Id(ids.sym(&o)) });
    let due = f.date("due", false);
    let events = match f.records("events") {
        Some(recs) => recs.iter().filter_map(|r| event(r, &mut f)).collect(),
        None => Vec::new(),
    };
    f.finish(DECISION_FIELDS);
    Some(Decision {
        no: no.unwrap_or(n as u32 + 1),
        text: text.unwrap_or_default(),
        owner,
        due,
        events,
        line: rec.line,
    })
}

fn event(rec: &RawRecord<'_>, parent: &mut Fields<'_, '_, '_, '_>) -> Option<DecisionEvent> {
    let mut f = Fields::new(rec, parent.sink(), false);
    let date = f.date("date", true);
    let action = f.labelled::<DecisionAction>("action", true);
    let note = f.string("note", false);
    let reported_back = f.date("reported_back", false);
    f.finish(DECISION_EVENT_FIELDS);
    Some(DecisionEvent { date: date?, action: action?, note: note.map(Into::into), reported_back, line: rec.line })
}

pub(super) fn encode(d: &Decision, e: &mut Enc) {
    e.u32(d.no);
    e.str(&d.text);
    match &d.owner {
        None => e.u8(0),
        Some(Owner::Department(s)) => {
            e.u8(1);
            e.str(s);
        }
        Some(Owner::Id(s)) => {
            e.u8(2);
            e.sym(*s);
        }
    }
    e.opt_date(d.due);
    e.len(d.events.len());
    for ev in &d.events {
        e.date(ev.date);
        e.label(ev.action);
        e.opt_str(ev.note.as_deref());
        e.opt_date(ev.reported_back);
        e.u32(ev.line);
    }
    e.u32(d.line);
}

pub(super) fn decode(d: &mut Dec<'_>) -> Decoded<Decision> {
    Ok(Decision {
        no: d.u32()?,
        text: d.string()?,
        owner: match d.u8()? {
            0 => None,
            1 => Some(Owner::Department(d.boxed()?)),
            2 => Some(Owner::Id(d.sym()?)),
            _ => return Err(Corrupt),
        },
        due: d.opt_date()?,
        events: {
            let n = d.len(8)?;
            (0..n)
                .map(|_| {
                    Ok(DecisionEvent {
                        date: d.date()?,
                        action: d.label()?,
                        note: d.opt_boxed()?,
                        reported_back: d.opt_date()?,
                        line: d.u32()?,
                    })
                })
                .collect::<Decoded<_>>()?
        },
        line: d.u32()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision(due: Option<&str>, events: &[(&str, DecisionAction)]) -> Decision {
        let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        Decision {
            no: 1,
            text: "t".into(),
            owner: None,
            due: due.map(date),
            events: events
                .iter()
                .map(|&(d, action)| DecisionEvent { date: date(d), action, note: None, reported_back: None, line: 1 })
                .collect(),
            line: 1,
        }
    }

    #[test]
    fn status_is_derived_from_events() {
        use DecisionAction::*;
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(decision(None, &[]).status(), DecisionStatus::Open);
        assert_eq!(decision(None, &[("2022-03-01", Progress)]).status(), DecisionStatus::InProgress);
        let done = decision(Some("2022-03-10"), &[("2022-03-01", Progress), ("2022-03-12", Done)]);
        assert_eq!(done.status(), DecisionStatus::Done);
        assert_eq!(done.status_on(day("2022-03-05")), DecisionStatus::InProgress);
        assert!(!done.done_on_time(day("2022-12-31")));
        assert!(done.overdue_on(day("2022-03-11")));
        assert!(!done.overdue_on(day("2022-03-12")));
        // Nothing moves a decision once it is dropped or done.
        let dropped = decision(None, &[("2022-03-01", Dropped), ("2022-03-02", Done)]);
        assert_eq!(dropped.status(), DecisionStatus::Dropped);
        let on_time = decision(Some("2022-03-10"), &[("2022-03-10", Done)]);
        assert!(on_time.done_on_time(day("2022-12-31")));
        assert!(decision(None, &[("2022-03-10", Done)]).done_on_time(day("2022-12-31")));
    }
}

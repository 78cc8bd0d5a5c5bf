//! What one problem's history (群众诉求 and its events) says, read the same way by every problem
//! report: its due date, its first response, its resolutions, the follow-up of a resolution, and
//! whether it is open or overdue on a date. Also the order statistics the reports share (median,
//! percentiles) and the ageing buckets of open problems. Definitions are in docs/metrics.md.
//! Pure; no I/O.

use chrono::{Days, NaiveDate};

use crate::model::labels::{Action, Satisfaction};
use crate::model::settings::Settings;
use crate::model::{Event, Issue, IssueStatus};

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub fn days(from: NaiveDate, to: NaiveDate) -> i64 {
    (to - from).num_days()
}

/// The last day to resolve a problem in time: received + its urgency's `issue_due_days`.
/// Resolving on the due date itself is on time.
pub fn due_date(issue: &Issue, settings: &Settings) -> NaiveDate {
    let allowed = settings.issue_due_days.get(issue.urgency);
    issue.received.checked_add_days(Days::new(allowed.into())).unwrap_or(NaiveDate::MAX)
}

/// The first event dated on or after receipt (the earliest, should the file list them out of
/// order): the community's first response (响应).
pub fn first_response(issue: &Issue) -> Option<&Event> {
    issue.events.iter().filter(|e| e.date >= issue.received).min_by_key(|e| e.date)
}

/// Did the first response come within `response_days` days of receipt?
pub fn responded_in_time(issue: &Issue, settings: &Settings) -> bool {
    first_response(issue).is_some_and(|e| days(issue.received, e.date) <= i64::from(settings.response_days))
}

/// Neither resolved nor closed on `date` (counting events dated up to then), and received by then:
/// received, in progress or awaiting rework.
pub fn open_on(issue: &Issue, date: NaiveDate) -> bool {
    issue.received <= date && !matches!(issue.status_on(date), IssueStatus::Resolved | IssueStatus::Closed)
}

/// Days the problem has taken as of `today`: to its last resolution when it is resolved or closed
/// (to the closing event when it was closed without one), else to `today`.
pub fn days_taken(issue: &Issue, today: NaiveDate) -> i64 {
    let mut until_today = issue.events.iter().filter(|e| e.date <= today);
    let end = match issue.status_on(today) {
        IssueStatus::Resolved | IssueStatus::Closed => {
            let last_resolved = until_today.clone().rfind(|e| e.action == Action::Resolved);
            last_resolved.or_else(|| until_today.next_back()).map_or(today, |e| e.date)
        }
        // Awaiting rework is open again: its days run on.
        IssueStatus::Received | IssueStatus::InProgress | IssueStatus::AwaitingRework => today,
    };
    days(issue.received, end)
}

/// Open on `today` and past its due date: by how many days.
pub fn days_overdue(issue: &Issue, settings: &Settings, today: NaiveDate) -> Option<i64> {
    let due = due_date(issue, settings);
    (open_on(issue, today) && today > due).then(|| days(due, today))
}

/// What the follow-up call(s) (回访) after one resolution found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowUp {
    /// No feedback event after the resolution (before any reopening).
    None,
    /// Feedback was recorded, but every call was unreachable (未回访).
    Unreachable,
    /// The resident's verdict, from the last feedback that reached them.
    Reached { solved: bool, satisfaction: Option<Satisfaction> },
}

/// The follow-up of the resolution at `issue.events[at]`: the feedback events after it and before
/// the next reopening (or another resolution).
pub fn follow_up(issue: &Issue, at: usize) -> FollowUp {
    let window = issue.events[at + 1..]
        .iter()
        .take_while(|e| !matches!(e.action, Action::Reopened | Action::Resolved))
        .filter(|e| e.action == Action::Feedback);
    let mut found = FollowUp::None;
    for e in window {
        match e.satisfaction {
            Some(Satisfaction::Unreachable) => {
                if found == FollowUp::None {
                    found = FollowUp::Unreachable;
                }
            }
            satisfaction => found = FollowUp::Reached { solved: e.solved == Some(true), satisfaction },
        }
    }
    found
}

/// A problem's resolution in a period: its last `resolved` event dated in the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolution {
    pub date: NaiveDate,
    /// Days from receipt to this resolution.
    pub days: i64,
    /// Resolved on or before the due date.
    pub on_time: bool,
    /// Reopened after any of its resolutions in the period (the reopening may be dated later).
    pub reopened: bool,
    pub follow_up: FollowUp,
}

/// How one problem counts in a period's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeriodFacts {
    /// Received in the period.
    pub received: bool,
    /// Received in the period and first responded to within `response_days`.
    pub responded: bool,
    /// Resolved in the period: a `resolved` event dated in it.
    pub resolution: Option<Resolution>,
    /// Days since receipt on the as-of date, when open then.
    pub open_age: Option<i64>,
    /// Open on the as-of date and past its due date.
    pub overdue: bool,
    /// Awaiting rework on the as-of date (待重办: open again after a follow-up found it unsolved
    /// or the resident unsatisfied).
    pub awaiting_rework: bool,
}

impl PeriodFacts {
    /// Counts in some figure of the period.
    pub fn counts(&self) -> bool {
        self.received || self.resolution.is_some() || self.open_age.is_some()
    }
}

/// The facts of one problem for the period `from..=to`, with open and overdue as of `as_of`.
pub fn period_facts(
    issue: &Issue,
    settings: &Settings,
    from: NaiveDate,
    to: NaiveDate,
    as_of: NaiveDate,
) -> PeriodFacts {
    let in_period = |d: NaiveDate| from <= d && d <= to;
    let received = in_period(issue.received);
    let due = due_date(issue, settings);
    let resolved_at: Vec<usize> = (0..issue.events.len())
        .filter(|&i| issue.events[i].action == Action::Resolved && in_period(issue.events[i].date))
        .collect();
    let resolution = resolved_at.last().map(|&last| {
        let first = resolved_at[0];
        let date = issue.events[last].date;
        Resolution {
            date,
            days: days(issue.received, date),
            on_time: date <= due,
            reopened: issue.events[first + 1..].iter().any(|e| e.action == Action::Reopened),
            follow_up: follow_up(issue, last),
        }
    });
    let open = open_on(issue, as_of);
    PeriodFacts {
        received,
        responded: received && responded_in_time(issue, settings),
        resolution,
        open_age: open.then(|| days(issue.received, as_of)),
        overdue: open && as_of > due,
        awaiting_rework: open && issue.status_on(as_of) == IssueStatus::AwaitingRework,
    }
}

/// The ageing bucket of an open problem by days since receipt: 0 for ≤7, 1 for 8–15, 2 for 16–30,
/// 3 for more than 30.
pub fn age_bucket(days: i64) -> usize {
    match days {
        ..=7 => 0,
        8..=15 => 1,
        16..=30 => 2,
        _ => 3,
    }
}

/// The `p`-th percentile (0 < p ≤ 100) by nearest rank: the ⌈p·n/100⌉-th smallest value, so it is
/// always one of the values (whole days). The median is `percentile(.., 50)`: for an even count,
/// the lower of the two middle values. `None` for no values.
pub fn percentile(values: &[i64], p: u32) -> Option<i64> {
    if values.is_empty() {
        return None;
    }
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let n = sorted.len();
    let rank = (n * p.clamp(1, 100) as usize).div_ceil(100);
    Some(sorted[rank.clamp(1, n) - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::labels::Urgency;
    use crate::model::{FileId, Loc, Sym};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, m, day).unwrap()
    }

    fn ev(date: NaiveDate, action: Action) -> Event {
        Event {
            date,
            action,
            by: None,
            note: None,
            departments: Box::default(),
            department: None,
            solved: None,
            satisfaction: None,
            line: 1,
        }
    }

    fn feedback(date: NaiveDate, solved: Option<bool>, satisfaction: Satisfaction) -> Event {
        Event { solved, satisfaction: Some(satisfaction), ..ev(date, Action::Feedback) }
    }

    fn issue(received: NaiveDate, urgency: Urgency, events: Vec<Event>) -> Issue {
        Issue {
            id: Sym(0),
            title: "t".into(),
            received,
            category: None,
            urgency,
            source: None,
            grid: None,
            household: None,
            recorded_by: None,
            description: None,
            events,
            loc: Loc { file: FileId(0), line: 1 },
        }
    }

    #[test]
    fn percentiles_by_nearest_rank() {
        assert_eq!(percentile(&[], 50), None);
        assert_eq!(percentile(&[4], 50), Some(4));
        assert_eq!(percentile(&[4], 90), Some(4));
        // Odd count: the middle one, whatever the input order.
        assert_eq!(percentile(&[9, 1, 5], 50), Some(5));
        // Even count: the lower middle (rank ⌈4·0.5⌉ = 2).
        assert_eq!(percentile(&[1, 2, 3, 4], 50), Some(2));
        // 90th of 10 values: rank 9; of 11 values: rank ⌈9.9⌉ = 10; of 3 values: rank ⌈2.7⌉ = 3.
        let ten: Vec<i64> = (1..=10).collect();
        assert_eq!(percentile(&ten, 90), Some(9));
        let eleven: Vec<i64> = (0..=10).collect();
        assert_eq!(percentile(&eleven, 90), Some(9));
        assert_eq!(percentile(&[0, 7, 30], 90), Some(30));
        assert_eq!(percentile(&[2, 2, 2, 8], 90), Some(8));
        assert_eq!(percentile(&[3, 1], 100), Some(3));
    }

    #[test]
    fn ageing_bucket_edges() {
        let buckets: Vec<usize> = [0, 7, 8, 15, 16, 30, 31, 400].into_iter().map(age_bucket).collect();
        assert_eq!(buckets, [0, 0, 1, 1, 2, 2, 3, 3]);
    }

    #[test]
    fn due_dates_by_urgency() {
        let s = Settings::default(); // urgent 1, normal 7, complex 15
        assert_eq!(due_date(&issue(d(2, 28), Urgency::Urgent, vec![]), &s), d(2, 29));
        assert_eq!(due_date(&issue(d(2, 25), Urgency::Normal, vec![]), &s), d(3, 3));
        assert_eq!(due_date(&issue(d(1, 1), Urgency::Complex, vec![]), &s), d(1, 16));
    }

    #[test]
    fn response_within_the_limit() {
        let mut s = Settings::default(); // response_days 1
        let same_day = issue(d(1, 8), Urgency::Normal, vec![ev(d(1, 8), Action::Dispatched)]);
        let next_day = issue(d(1, 8), Urgency::Normal, vec![ev(d(1, 9), Action::Whistle)]);
        let two_days = issue(d(1, 8), Urgency::Normal, vec![ev(d(1, 10), Action::Progress)]);
        let none = issue(d(1, 8), Urgency::Normal, vec![]);
        // An event dated before receipt (a data error) is not a response.
        let early =
            issue(d(1, 8), Urgency::Normal, vec![ev(d(1, 7), Action::Dispatched), ev(d(1, 12), Action::Progress)]);
        let got: Vec<bool> =
            [&same_day, &next_day, &two_days, &none, &early].iter().map(|i| responded_in_time(i, &s)).collect();
        assert_eq!(got, [true, true, false, false, false]);
        s.response_days = 0;
        assert!(responded_in_time(&same_day, &s));
        assert!(!responded_in_time(&next_day, &s));
        s.response_days = 2;
        assert!(responded_in_time(&two_days, &s));
    }

    #[test]
    fn follow_up_of_a_resolution() {
        use Satisfaction::*;
        let r = |day| ev(d(1, day), Action::Resolved);
        // Unreachable first, then reached: the verdict of the call that reached the resident.
        let i = issue(
            d(1, 1),
            Urgency::Normal,
            vec![r(2), feedback(d(1, 3), None, Unreachable), feedback(d(1, 4), Some(true), Basic)],
        );
        assert_eq!(follow_up(&i, 0), FollowUp::Reached { solved: true, satisfaction: Some(Basic) });
        // Only unreachable calls.
        let i = issue(d(1, 1), Urgency::Normal, vec![r(2), feedback(d(1, 3), None, Unreachable)]);
        assert_eq!(follow_up(&i, 0), FollowUp::Unreachable);
        // A reached call, then an unreachable one: the reached verdict stands.
        let i = issue(
            d(1, 1),
            Urgency::Normal,
            vec![r(2), feedback(d(1, 3), Some(false), Unsatisfied), feedback(d(1, 4), None, Unreachable)],
        );
        assert_eq!(follow_up(&i, 0), FollowUp::Reached { solved: false, satisfaction: Some(Unsatisfied) });
        // The feedback after a reopening belongs to the next resolution, not this one.
        let i = issue(
            d(1, 1),
            Urgency::Normal,
            vec![r(2), ev(d(1, 3), Action::Reopened), r(5), feedback(d(1, 6), Some(true), Satisfied)],
        );
        assert_eq!(follow_up(&i, 0), FollowUp::None);
        assert_eq!(follow_up(&i, 2), FollowUp::Reached { solved: true, satisfaction: Some(Satisfied) });
    }

    #[test]
    fn reopened_and_resolved_again_across_two_months() {
        use Satisfaction::*;
        let s = Settings::default();
        // Received 01-25 (normal: due 02-01), resolved 01-30, unsolved at follow-up 01-31,
        // reopened 02-02, resolved again 02-06, satisfied 02-07.
        let i = issue(
            d(1, 25),
            Urgency::Normal,
            vec![
                ev(d(1, 25), Action::Dispatched),
                ev(d(1, 30), Action::Resolved),
                feedback(d(1, 31), Some(false), Unsatisfied),
                ev(d(2, 2), Action::Reopened),
                ev(d(2, 6), Action::Resolved),
                feedback(d(2, 7), Some(true), Satisfied),
            ],
        );
        let jan = period_facts(&i, &s, d(1, 1), d(1, 31), d(1, 31));
        assert!(jan.received && jan.responded);
        assert_eq!(
            jan.resolution,
            Some(Resolution {
                date: d(1, 30),
                days: 5,
                on_time: true,
                reopened: true,
                follow_up: FollowUp::Reached { solved: false, satisfaction: Some(Unsatisfied) },
            })
        );
        // The January follow-up found it unsolved: awaiting rework, so open on 01-31 (6 days old;
        // due 02-01, not overdue).
        assert_eq!((jan.open_age, jan.overdue, jan.awaiting_rework), (Some(6), false, true));
        let feb = period_facts(&i, &s, d(2, 1), d(2, 29), d(2, 29));
        assert!(!feb.received && !feb.responded);
        assert_eq!(
            feb.resolution,
            Some(Resolution {
                date: d(2, 6),
                days: 12,
                on_time: false,
                reopened: false,
                follow_up: FollowUp::Reached { solved: true, satisfaction: Some(Satisfied) },
            })
        );
        // Both resolutions in one period: the last one counts, and the reopening between them.
        let both = period_facts(&i, &s, d(1, 1), d(2, 29), d(2, 29));
        let res = both.resolution.unwrap();
        assert_eq!((res.date, res.on_time, res.reopened), (d(2, 6), false, true));
    }

    #[test]
    fn open_overdue_and_age_on_the_as_of_date() {
        let s = Settings::default();
        // Urgent, received 02-27, due 02-28; only dispatched.
        let i = issue(d(2, 27), Urgency::Urgent, vec![ev(d(2, 27), Action::Dispatched)]);
        let on_due = period_facts(&i, &s, d(2, 1), d(2, 29), d(2, 28));
        assert_eq!((on_due.open_age, on_due.overdue), (Some(1), false));
        let after = period_facts(&i, &s, d(2, 1), d(2, 29), d(2, 29));
        assert_eq!((after.open_age, after.overdue), (Some(2), true));
        // Resolved exactly on the due date: on time, and no longer open.
        let j = issue(d(2, 27), Urgency::Urgent, vec![ev(d(2, 28), Action::Resolved)]);
        let f = period_facts(&j, &s, d(2, 1), d(2, 29), d(2, 29));
        assert!(f.resolution.unwrap().on_time);
        assert_eq!((f.open_age, f.overdue), (None, false));
        // Not yet received on the as-of date: not open.
        let k = issue(d(3, 5), Urgency::Normal, vec![]);
        assert_eq!(period_facts(&k, &s, d(2, 1), d(2, 29), d(2, 29)).open_age, None);
    }
}

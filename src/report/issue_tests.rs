//! Problem-report logic (`report issues`, `report whistles`, the problem rows of `stats`) on a
//! tiny folder of four problems whose every number is counted by hand in the comments:
//!
//! ```text
//! P1 water   normal (due 01-09) G1 M1  recv 01-02, dispatched 01-02, resolved 01-09 (on the due
//!                                      date), feedback 01-10 satisfied + solved
//! P2 water   urgent (due 01-06) G2 M2  recv 01-05, whistle 01-07 [城管局, 城管局, 水务], report
//!                                      城管局 01-08, resolved 01-10 (late), feedback 01-11
//!                                      unreachable, feedback 01-12 basic + solved
//! P3 heating normal (due 01-27) G2 —   recv 01-20, whistle 01-20 [城管局], whistle 01-25 [水务],
//!                                      report 水务 01-26, resolved 02-02 (late), reopened 02-05,
//!                                      resolved 02-07, feedback 02-08 unsatisfied + not solved
//! P4 other   complex (due 02-14) —  M1 recv 01-30, no events
//! ```
//! Today is 2024-03-01. Pure; no I/O beyond the temp folder.

use chrono::NaiveDate;

use super::Index;
use super::issues::{IssuesBy, IssuesOptions, Tally, all_facts, issues_table, tally};
use super::period::Period;
use super::stats::figures;
use super::table::Value;
use super::whistles::{pending_table, summonses, whistles_table};
use crate::model::Dataset;

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, day).unwrap()
}

const TODAY: (u32, u32) = (3, 1);

const FILES: &[(&str, &str)] = &[
    ("gov.yaml", "name: 测试社区\ndepartments: [城管局, 水务]\n"),
    ("grids.csv", "id,name\nG1,一网格\nG2,二网格\n"),
    ("members.csv", "id,name,kind\nM1,张伟,resident\nM2,李娜,in_service\n"),
    ("households.csv", "id,address,grid,head,contacts\n"),
    (
        "issues/P1.yaml",
        "id: P1\ntitle: 漏水\nreceived: 2024-01-02\ncategory: water\ngrid: G1\nrecorded_by: M1\nevents:\n\
         - {date: 2024-01-02, action: dispatched}\n\
         - {date: 2024-01-09, action: resolved}\n\
         - {date: 2024-01-10, action: feedback, solved: yes, satisfaction: satisfied}\n",
    ),
    (
        "issues/P2.yaml",
        "id: P2\ntitle: 爆管\nreceived: 2024-01-05\ncategory: water\nurgency: urgent\ngrid: G2\nrecorded_by: M2\nevents:\n\
         - {date: 2024-01-07, action: whistle, departments: [城管局, 城管局, 水务]}\n\
         - {date: 2024-01-08, action: report, department: 城管局}\n\
         - {date: 2024-01-10, action: resolved}\n\
         - {date: 2024-01-11, action: feedback, satisfaction: unreachable}\n\
         - {date: 2024-01-12, action: feedback, solved: yes, satisfaction: basic}\n",
    ),
    (
        "issues/P3.yaml",
        "id: P3\ntitle: 暖气\nreceived: 2024-01-20\ncategory: heating\ngrid: G2\nevents:\n\
         - {date: 2024-01-20, action: whistle, departments: [城管局]}\n\
         - {date: 2024-01-25, action: whistle, departments: [水务]}\n\
         - {date: 2024-01-26, action: report, department: 水务}\n\
         - {date: 2024-02-02, action: resolved}\n\
         - {date: 2024-02-05, action: reopened}\n\
         - {date: 2024-02-07, action: resolved}\n\
         - {date: 2024-02-08, action: feedback, solved: no, satisfaction: unsatisfied}\n",
    ),
    (
        "issues/P4.yaml",
        "id: P4\ntitle: 咨询\nreceived: 2024-01-30\ncategory: other\nurgency: complex\nrecorded_by: M1\n",
    ),
];

fn dataset() -> Dataset {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in FILES {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let loaded = crate::load::load(dir.path()).unwrap();
    let mut findings = loaded.findings;
    findings.extend(crate::check::check(&loaded.dataset, d(TODAY.0, TODAY.1)));
    assert!(findings.is_empty(), "{findings:#?}");
    loaded.dataset
}

fn tally_of(ds: &Dataset, period: &Period) -> Tally {
    let ix = Index::new(ds);
    tally(&all_facts(&ix, period, d(TODAY.0, TODAY.1)), &ds.issues, |_| true)
}

#[test]
fn january_tally() {
    let ds = dataset();
    let t = tally_of(&ds, &Period::month(d(1, 1)));
    // All four received. Responded within a day: P1 (0 days), P3 (0); not P2 (2 days), P4 (none).
    assert_eq!((t.received, t.responded), (4, 2));
    // Resolved in January: P1 (on the due date: on time, 7 days), P2 (late, 5 days).
    assert_eq!((t.resolved, t.on_time), (2, 1));
    assert_eq!(t.days, [7, 5]);
    // P1 satisfied and solved; P2's unreachable call is passed over for the later basic one.
    assert_eq!((t.followed_up, t.unreachable, t.solved, t.satisfied, t.basic), (2, 0, 2, 1, 1));
    assert_eq!((t.satisfied(false), t.satisfied(true)), (1, 2));
    assert_eq!(t.reopened, 0);
    // Open on 01-31: P3 (11 days, due 01-27: overdue) and P4 (1 day, due 02-14).
    assert_eq!((t.open, t.overdue, t.ageing), (2, 1, [1, 1, 0, 0]));
}

#[test]
fn february_tally_reopened_and_resolved_again() {
    let ds = dataset();
    let t = tally_of(&ds, &Period::month(d(2, 1)));
    assert_eq!((t.received, t.responded), (0, 0));
    // P3: resolved 02-02, reopened 02-05, resolved 02-07: counted once, by its last resolution
    // (18 days, late), reopened, followed up: unsatisfied and not solved.
    assert_eq!((t.resolved, t.on_time, t.days.clone(), t.reopened), (1, 0, vec![18], 1));
    assert_eq!((t.followed_up, t.solved, t.satisfied(true)), (1, 0, 0));
    // Open on 02-29: P4 (30 days, due 02-14: overdue) and P3, whose follow-up on 02-08 left it
    // awaiting rework (40 days, due 01-27: overdue).
    assert_eq!((t.open, t.overdue, t.awaiting_rework, t.ageing), (2, 2, 1, [0, 0, 1, 1]));
}

#[test]
fn stats_counts_problems_like_the_report() {
    let ds = dataset();
    let ix = Index::new(&ds);
    for period in [Period::month(d(1, 1)), Period::month(d(2, 1)), Period::range(d(1, 1), d(2, 29))] {
        let f = figures(&ix, &period);
        let t = tally_of(&ds, &period);
        assert_eq!(f.resolved.total, t.resolved, "{period:?}");
        assert_eq!(f.received.total, t.received, "{period:?}");
        assert_eq!(f.open.total, t.open, "{period:?}");
        assert_eq!(f.problems[3], t, "{period:?}");
    }
    // By kind in January: M1 (resident) recorded P1 and P4; M2 (in-service) P2; P3 has no recorder.
    let jan = figures(&ix, &Period::month(d(1, 1)));
    assert_eq!((jan.problems[0].received, jan.problems[0].responded, jan.problems[0].resolved), (2, 1, 1));
    assert_eq!((jan.problems[1].received, jan.problems[1].responded, jan.problems[1].on_time), (1, 0, 0));
    assert_eq!(jan.problems[2], Tally::default());
}

#[test]
fn by_department_counts_a_problem_under_each_department_and_once_in_the_total() {
    let ds = dataset();
    let ix = Index::new(&ds);
    let t = issues_table(&ix, &Period::month(d(1, 1)), d(3, 1), IssuesBy::Department, IssuesOptions::default());
    let keys: Vec<&Value> = t.rows.iter().map(|r| &r[0]).collect();
    // 城管局: P2 P3; 水务: P2 P3; never whistled: P1 P4.
    assert_eq!(keys[..2], [&Value::text("城管局"), &Value::text("水务")]);
    assert!(matches!(keys[2], Value::Label { code: "none", .. }));
    let received: Vec<&Value> = t.rows.iter().map(|r| &r[1]).collect();
    assert_eq!(received, [&Value::int(2), &Value::int(2), &Value::int(2)]);
    assert_eq!(t.total.as_ref().unwrap()[1], Value::int(4));
}

#[test]
fn overall_is_one_transposed_row_with_rates_beside_their_parts() {
    let ds = dataset();
    let ix = Index::new(&ds);
    let t = issues_table(&ix, &Period::month(d(1, 1)), d(3, 1), IssuesBy::All, IssuesOptions { count_basic: true });
    assert!(t.transpose && t.total.is_none());
    let row = &t.rows[0];
    let at = |key: &str| &row[t.columns.iter().position(|c| c.key == key).unwrap()];
    assert_eq!(*at("response_rate"), Value::ratio(2, 4));
    assert_eq!(*at("on_time_rate"), Value::ratio(1, 2));
    assert_eq!(*at("median_days"), Value::Int(5)); // [5, 7]: the lower middle
    assert_eq!(*at("p90_days"), Value::Int(7));
    assert_eq!(*at("satisfied_or_basic"), Value::int(2));
    assert_eq!(*at("satisfaction_rate"), Value::ratio(2, 2));
    assert_eq!(*at("reopen_rate"), Value::ratio(0, 2));
    // February: nothing received, so the response rate has no denominator.
    let feb = issues_table(&ix, &Period::month(d(2, 1)), d(3, 1), IssuesBy::All, IssuesOptions::default());
    let at = |key: &str| &feb.rows[0][feb.columns.iter().position(|c| c.key == key).unwrap()];
    assert_eq!(*at("response_rate"), Value::ratio(0, 0));
}

#[test]
fn whistles_summons_and_pending() {
    let ds = dataset();
    let jan = Period::month(d(1, 1));
    // P2's whistle names 城管局 twice: summoned once. P3 has two whistles.
    let s = summonses(&ds.issues, &jan);
    let got: Vec<(&str, NaiveDate, Option<NaiveDate>, Option<NaiveDate>)> =
        s.iter().map(|s| (s.department, s.whistle, s.reported, s.resolved)).collect();
    assert_eq!(
        got,
        [
            ("城管局", d(1, 7), Some(d(1, 8)), Some(d(1, 10))),
            ("水务", d(1, 7), None, Some(d(1, 10))),
            ("城管局", d(1, 20), None, Some(d(2, 2))),
            ("水务", d(1, 25), Some(d(1, 26)), Some(d(2, 2))),
        ]
    );
    let ix = Index::new(&ds);
    let t = whistles_table(&ix, &jan);
    // 城管局: 2 whistles, reported 1 (1 day), problems P2 P3 both resolved: 3 and 13 days → 3.
    assert_eq!(
        t.rows[0][1..7],
        [Value::int(2), Value::int(2), Value::int(1), Value::int(1), Value::ratio(1, 2), Value::Int(1)]
    );
    assert_eq!(t.rows[0][7..], [Value::int(2), Value::int(2), Value::ratio(2, 2), Value::Int(3), Value::int(0)]);
    // 水务: P2 (01-07, resolved in 3 days) and P3 (01-25, 8 days) → median 3.
    assert_eq!(t.rows[1][10], Value::Int(3));
    // Totals: 3 whistle events summoned 4 departments; 2 reported (1 and 1 day); 2 problems,
    // each from its first whistle: P2 3 days, P3 13 days.
    let total = t.total.unwrap();
    assert_eq!(total[1..6], [Value::int(3), Value::int(4), Value::int(2), Value::int(2), Value::ratio(2, 4)]);
    assert_eq!(total[7..], [Value::int(2), Value::int(2), Value::ratio(2, 2), Value::Int(3), Value::int(0)]);

    let p = pending_table(&ix, &jan, d(3, 1));
    let rows: Vec<(Value, Value, Value)> = p.rows.iter().map(|r| (r[0].clone(), r[1].clone(), r[4].clone())).collect();
    // In gov.yaml order: 城管局 for P3 (since 01-20: 41 days), 水务 for P2 (since 01-07: 54 days).
    assert_eq!(
        rows,
        [
            (Value::text("城管局"), Value::text("P3"), Value::Int(41)),
            (Value::text("水务"), Value::text("P2"), Value::Int(54)),
        ]
    );
}

//! Report logic on a tiny folder whose every number is counted by hand in the comments.

use chrono::NaiveDate;

use super::Index;
use super::due::{DueFilter, due_table, schedule};
use super::ledger::{By, LedgerFilter, ledger_table};
use super::period::Period;
use super::stats::{Split, figures};
use super::table::Value;
use crate::model::Dataset;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const FILES: &[(&str, &str)] = &[
    ("gov.yaml", "name: 测试社区\nvisit_interval_days: {red: 7, yellow: 14, green: 30}\ndepartments: [城管局]\n"),
    ("grids.csv", "id,name,level\nG1,一网格,3\n"),
    (
        "members.csv",
        "id,name,kind,branch,status\nM1,张伟,resident,一支部,\nM2,李娜,in_service,二支部,\nM3,王强,mobile,一支部,transferred\nM4,赵敏,resident,一支部,\n",
    ),
    (
        "households.csv",
        "id,address,grid,head,color,contacts\nH1,1号楼101,G1,甲,red,M1\nH2,1号楼102,G1,乙,yellow,M1;M2\nH3,1号楼103,G1,丙,green,M4\nH4,1号楼104,G1,丁,green,M3\n",
    ),
    ("visits/2023-12.csv", "date,member,household,method,summary,issues\n2023-12-30,M1,H1,home,看望,\n"),
    (
        "visits/2024-01.csv",
        "date,member,household,method,summary,issues\n2024-01-02,M1,H2,phone,电话,I-1\n2024-01-15,M2,H2,wechat,微信,\n",
    ),
    ("visits/2024-02.csv", "date,member,household,method,summary,issues\n2024-02-29,M1,H1,home,闰日看望,\n"),
    (
        "issues/I-1.yaml",
        "id: I-1\ntitle: 漏水\nreceived: 2024-01-02\ncategory: water\nhousehold: H2\nrecorded_by: M1\nevents:\n  - {date: 2024-01-10, action: resolved}\n",
    ),
    (
        "issues/I-2.yaml",
        "id: I-2\ntitle: 路灯\nreceived: 2024-01-20\ncategory: infrastructure\nhousehold: H1\nrecorded_by: M2\nevents:\n  - {date: 2024-02-03, action: resolved}\n",
    ),
    (
        "issues/I-3.yaml",
        "id: I-3\ntitle: 占道\nreceived: 2024-02-01\ncategory: other\nevents:\n  - {date: 2024-02-02, action: whistle, departments: [城管局]}\n",
    ),
];

fn dataset(change: Option<(&str, &str)>) -> Dataset {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in FILES {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        let text = match change {
            Some((from, to)) => text.replace(from, to),
            None => text.to_string(),
        };
        std::fs::write(p, text).unwrap();
    }
    let loaded = crate::load::load(dir.path()).unwrap();
    let mut findings = loaded.findings;
    findings.extend(crate::check::check(&loaded.dataset, d(2024, 3, 1)));
    // The one warning is by design: H4's only contact, M3, has transferred.
    let codes: Vec<_> = findings.iter().map(|f| f.code).collect();
    assert_eq!(codes, [crate::finding::Code::InactiveContact], "{findings:#?}");
    loaded.dataset
}

fn split(resident: usize, in_service: usize, mobile: usize, total: usize) -> Split {
    Split { resident, in_service, mobile, total }
}

#[test]
fn stats_for_january_and_cumulative() {
    let ds = dataset(None);
    let ix = Index::new(&ds);
    let jan = figures(&ix, &Period::month(d(2024, 1, 1)));
    assert_eq!(jan.visits, split(1, 1, 0, 2)); // M1 phone, M2 wechat
    assert_eq!(jan.members_visiting, split(1, 1, 0, 2));
    assert_eq!(jan.households_visited, split(1, 1, 0, 1)); // H2 by both kinds, once in total
    assert_eq!(jan.by_method[1], split(1, 0, 0, 1)); // phone
    assert_eq!(jan.by_method[2], split(0, 1, 0, 1)); // wechat
    // H1 H2 H3 resident; H2 in-service; H4 only through M3, who has transferred: not linked.
    assert_eq!(jan.linked_households, split(3, 1, 0, 3));
    assert_eq!(jan.received, split(1, 1, 0, 2)); // I-1 by M1, I-2 by M2
    assert_eq!(jan.resolved, split(1, 0, 0, 1)); // I-1
    assert_eq!(jan.open, split(0, 1, 0, 1)); // I-2 resolved only in February
    assert_eq!(jan.whistles, split(0, 0, 0, 0));

    let upto_jan = figures(&ix, &Period::range(NaiveDate::MIN, d(2024, 1, 31)));
    assert_eq!(upto_jan.visits, split(2, 1, 0, 3));
    assert_eq!(upto_jan.households_visited, split(2, 1, 0, 2));

    let feb = figures(&ix, &Period::month(d(2024, 2, 1)));
    assert_eq!(feb.visits.total, 1); // the leap day
    assert_eq!(feb.resolved, split(0, 1, 0, 1)); // I-2
    assert_eq!(feb.open.total, 1); // I-3, no recorder
    assert_eq!(feb.whistles.total, 1);
}

#[test]
fn due_dates_across_the_year_end_and_the_leap_day() {
    let ds = dataset(None);
    let ix = Index::new(&ds);
    let s = schedule(&ix, d(2024, 3, 1));
    // H1 red: last 2024-02-29 + 7 = 2024-03-07, 6 days to go.
    assert_eq!(
        (s[0].last, s[0].due, s[0].days_overdue, s[0].overdue()),
        (Some(d(2024, 2, 29)), d(2024, 3, 7), -6, false)
    );
    // H2 yellow: last 2024-01-15 + 14 = 2024-01-29; to 2024-03-01 is 2 + 29 + 1 = 32 days.
    assert_eq!((s[1].due, s[1].days_overdue, s[1].overdue()), (d(2024, 1, 29), 32, true));
    // H3, H4 never visited: due from the start of the data, 2023-12-30; 62 days.
    assert_eq!((s[2].last, s[2].due, s[2].days_overdue, s[2].overdue()), (None, d(2023, 12, 30), 62, true));
    // As of 2024-01-05 H1 (red, last 2023-12-30) was due 2024-01-06: not yet overdue.
    let early = schedule(&ix, d(2024, 1, 5));
    assert_eq!((early[0].due, early[0].days_overdue), (d(2024, 1, 6), -1));

    let t = due_table(&ix, d(2024, 3, 1), &DueFilter::default());
    let ids: Vec<_> = t.rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(ids, [Value::text("H3"), Value::text("H4"), Value::text("H2")]);
    let within = due_table(&ix, d(2024, 3, 1), &DueFilter { within: Some(7), ..DueFilter::default() });
    assert_eq!(within.rows.len(), 4);
    let m1 = due_table(&ix, d(2024, 3, 1), &DueFilter { member: ds.ids.get("M1"), ..DueFilter::default() });
    assert_eq!(m1.rows.len(), 1); // only H2 of M1's households is overdue
}

#[test]
fn a_colour_change_changes_the_interval() {
    // H2 yellow → red: due 2024-01-15 + 7 = 2024-01-22, 39 days overdue on 2024-03-01.
    let ds = dataset(Some(("H2,1号楼102,G1,乙,yellow", "H2,1号楼102,G1,乙,red")));
    let s = schedule(&Index::new(&ds), d(2024, 3, 1));
    assert_eq!((s[1].interval, s[1].due, s[1].days_overdue), (7, d(2024, 1, 22), 39));
}

#[test]
fn ledger_by_member_lists_idle_members_last() {
    let ds = dataset(None);
    let ix = Index::new(&ds);
    let t = ledger_table(&ix, &Period::month(d(2024, 1, 1)), d(2024, 3, 1), By::Member, &LedgerFilter::default());
    let ids: Vec<_> = t.rows.iter().map(|r| r[0].clone()).collect();
    // M3 is transferred and did not visit: not listed. M4 has a linked household but no visits: last.
    assert_eq!(ids, [Value::text("M1"), Value::text("M2"), Value::text("M4")]);
    // M1: linked H1 H2, visited H2 in January: coverage 1/2, 1 visit (phone), 1 problem raised (I-1),
    // overdue at 2024-01-31: H1 (due 2024-01-06) and H2 (last 2024-01-15, due 2024-01-29).
    let m1 = &t.rows[0][3..];
    assert_eq!(m1[..4], [Value::int(2), Value::int(1), Value::ratio(1, 2), Value::int(1)]);
    assert_eq!(m1[4..9], [Value::int(0), Value::int(1), Value::int(0), Value::int(0), Value::int(0)]);
    assert_eq!(m1[9..], [Value::int(2), Value::int(1), Value::int(1)]); // I-1 resolved in Jan, about H2
    // Total: linked H1 H2 H3 (M4) = 3; visited H2 = 1; 2 visits; overdue H1 H2 H3 = 3.
    let total = &t.total.as_ref().unwrap()[3..];
    assert_eq!(total[..4], [Value::int(3), Value::int(1), Value::ratio(1, 3), Value::int(2)]);
    assert_eq!(total[9], Value::int(3));
}

#[test]
fn ledger_by_grid_and_branch() {
    let ds = dataset(None);
    let ix = Index::new(&ds);
    let jan = Period::month(d(2024, 1, 1));
    let g = ledger_table(&ix, &jan, d(2024, 3, 1), By::Grid, &LedgerFilter::default());
    assert_eq!(g.rows.len(), 1);
    // G1: all four households; members M1 M2 M4 (M3 transferred is not listed); 2 visited; 2 visits.
    assert_eq!(g.rows[0][2..6], [Value::int(3), Value::int(2), Value::int(4), Value::int(1)]);
    let b = ledger_table(&ix, &jan, d(2024, 3, 1), By::Branch, &LedgerFilter::default());
    let names: Vec<_> = b.rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(names, [Value::text("一支部"), Value::text("二支部")]);
}

#[test]
fn since_tags_and_exempt_set_the_due_date() {
    use crate::model::labels::{Color, HouseholdTag};
    use crate::model::settings::IntervalRule;
    // H3 registered 2024-02-10, green 30 → due 2024-03-11, 10 days to go on 2024-03-01.
    // H4 tagged vacant, exempt: never overdue. H1 tagged elderly_alone 3 → 2024-02-29 + 3.
    let mut ds = dataset(None);
    ds.households[0].tags = vec![HouseholdTag::ElderlyAlone].into();
    ds.households[2].since = Some(d(2024, 2, 10));
    ds.households[3].tags = vec![HouseholdTag::Vacant].into();
    ds.settings.tag_interval_days = vec![
        (HouseholdTag::ElderlyAlone, crate::model::settings::TagInterval::Days(3)),
        (HouseholdTag::Vacant, crate::model::settings::TagInterval::Exempt),
    ];
    let s = schedule(&Index::new(&ds), d(2024, 3, 1));
    assert_eq!((s[0].interval, s[0].rule, s[0].due), (3, IntervalRule::Tag(HouseholdTag::ElderlyAlone), d(2024, 3, 3)));
    assert_eq!(
        (s[2].since, s[2].rule, s[2].due, s[2].days_overdue, s[2].overdue()),
        (Some(d(2024, 2, 10)), IntervalRule::Color(Color::Green), d(2024, 3, 11), -10, false)
    );
    assert_eq!((s[3].exempt, s[3].overdue()), (Some(HouseholdTag::Vacant), false));
    // As of 2024-03-12 H3 is one day overdue: registered, never visited, counted from `since`.
    let later = schedule(&Index::new(&ds), d(2024, 3, 12));
    assert_eq!((later[2].days_overdue, later[2].overdue()), (1, true));
    let t = due_table(&Index::new(&ds), d(2024, 3, 12), &DueFilter { within: Some(365), ..DueFilter::default() });
    assert!(t.rows.iter().all(|r| r[0] != Value::text("H4")));
}

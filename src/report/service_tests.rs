//! The service figures' edge cases on a tiny folder counted by hand: a problem named by two
//! activities counts once; one named by an activity without an in-service participant does not;
//! one resolved outside the period does not; an in-service member recorded it counts even with
//! no activity; hours fall back to the activity's, and people counted only in `others` add none.

use chrono::NaiveDate;

use super::Index;
use super::period::Period;
use super::service_facts::{hours, member_service, persons_aided, persons_reached, solved_by_in_service};
use crate::model::Dataset;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

const FILES: &[(&str, &str)] = &[
    ("gov.yaml", "name: 测试社区\n"),
    ("members.csv", "id,name,kind\nM1,张伟,resident\nM2,李娜,in_service\nM3,王强,in_service\n"),
    ("volunteers.csv", "id,name,kind\nY1,赵敏,youth\n"),
    (
        "issues/I-1.yaml",
        "id: I-1\ntitle: 漏水\nreceived: 2024-01-02\ncategory: water\nrecorded_by: M1\nevents:\n  - {date: 2024-01-10, action: resolved}\n",
    ),
    (
        "issues/I-2.yaml",
        "id: I-2\ntitle: 路灯\nreceived: 2024-01-03\ncategory: infrastructure\nrecorded_by: M1\nevents:\n  - {date: 2024-01-11, action: resolved}\n",
    ),
    (
        "issues/I-3.yaml",
        "id: I-3\ntitle: 占道\nreceived: 2024-01-04\ncategory: other\nrecorded_by: M3\nevents:\n  - {date: 2024-01-12, action: resolved}\n",
    ),
    (
        "issues/I-4.yaml",
        "id: I-4\ntitle: 噪音\nreceived: 2024-01-05\ncategory: other\nrecorded_by: M1\nevents:\n  - {date: 2024-02-01, action: resolved}\n",
    ),
    (
        "activities/2024-01.csv",
        "id,date,kind,title,members,hours,volunteers,others,beneficiaries,issues\n\
         A1,2024-01-10,dual_report,修水管,M2:3,,,,,I-1\n\
         A2,2024-01-10,dual_report,回访,M2;M1,2,Y1:1,5,,I-1;I-4\n\
         A3,2024-01-11,volunteer,修路灯,M1,1,Y1,,,I-2\n\
         A4,2024-01-20,aid,慰问,,,,,困难妇女:2,\n\
         A5,2024-01-21,care,驿站,,,,,外卖员:4,\n",
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
    assert_eq!(loaded.findings, []);
    assert_eq!(crate::check::check(&loaded.dataset, d(2024, 3, 1)), []);
    loaded.dataset
}

#[test]
fn solved_by_in_service_members() {
    let ds = dataset();
    let ix = Index::new(&ds);
    let jan = Period::month(d(2024, 1, 1));
    let names = |v: Vec<crate::model::Sym>| v.into_iter().map(|s| ds.name(s).to_string()).collect::<Vec<_>>();
    // I-1 named by A1 and A2 (M2): once. I-2 only by A3 (M1, resident): no. I-3 recorded by M3.
    // I-4 named by A2 but resolved in February: not in January.
    assert_eq!(names(solved_by_in_service(&ix, &jan)), ["I-1", "I-3"]);
    assert_eq!(names(solved_by_in_service(&ix, &Period::month(d(2024, 2, 1)))), ["I-4"]);
    let by = member_service(&ix, &jan);
    let m2 = &by[&ds.ids.get("M2").unwrap()];
    assert_eq!((m2.activities, m2.hours, m2.solved), (2, 5.0, 1)); // A1 3 h, A2 2 h; I-1
    let m3 = &by[&ds.ids.get("M3").unwrap()];
    assert_eq!((m3.activities, m3.hours, m3.solved), (0, 0.0, 1)); // recorded I-3
}

#[test]
fn hours_and_people() {
    let ds = dataset();
    let ix = Index::new(&ds);
    let jan = Period::month(d(2024, 1, 1));
    let h = hours(&ix, &jan);
    // A1 M2 3; A2 M2 2, M1 2, Y1 1 (others 5: none); A3 M1 1, Y1 1.
    assert_eq!((h.resident, h.in_service, h.mobile, h.volunteers, h.total), (3.0, 5.0, 0.0, 2.0, 10.0));
    assert_eq!(persons_aided(&ds, &jan), 2); // the aid activity only
    assert_eq!(persons_reached(&ds, &jan), 6); // and the 爱心驿站's 4
}

//! One test per rule, on tiny folders written to a temp dir: the expected findings are read off
//! the inline files by hand.

use chrono::NaiveDate;

use crate::finding::Code;

const GOV: &str = "name: 测试社区\ndepartments: [城管局, 房产中心]\n";
const GRIDS: &str = "id,name,level,parent\nG1,社区,1,\nG2,3号楼,3,G1\n";
const MEMBERS: &str = "id,name,kind,grid,phone,status\nM1,张伟,resident,G2,13812345678,\nM2,李娜,在职党员,G2,,active\nM3,王强,mobile,G2,,transferred\n";
const HOUSEHOLDS: &str =
    "id,address,grid,head,color,contacts\nH1,3号楼101,G2,赵敏,红,M1;M2\nH2,3号楼102,G2,钱进,green,M1\n";

/// Loads and checks a folder made of the base files plus `extra` (which may replace them).
fn findings(extra: &[(&str, &str)]) -> Vec<(Code, String, u32)> {
    let dir = tempfile::tempdir().unwrap();
    let base = [("gov.yaml", GOV), ("grids.csv", GRIDS), ("members.csv", MEMBERS), ("households.csv", HOUSEHOLDS)];
    for (path, text) in base.iter().chain(extra) {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    let loaded = crate::load::load(dir.path()).unwrap();
    let mut all = loaded.findings;
    let today = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    let checked = super::check(&loaded.dataset, today);
    let errors: Vec<_> = checked.iter().filter(|f| f.severity() == crate::finding::Severity::Error).collect();
    assert_eq!(
        super::errors(&loaded.dataset, Some(today)).iter().collect::<Vec<_>>(),
        errors,
        "errors() and check() differ"
    );
    all.extend(checked);
    super::finish(&mut all);
    all.into_iter().map(|f| (f.code, f.file.to_string_lossy().replace('\\', "/"), f.line.unwrap_or(0))).collect()
}

fn codes(extra: &[(&str, &str)]) -> Vec<(Code, u32)> {
    findings(extra).into_iter().map(|(c, _, l)| (c, l)).collect()
}

#[test]
fn base_folder_is_clean() {
    assert_eq!(codes(&[]), []);
}

#[test]
fn duplicate_ids_name_the_second_place() {
    let members = format!("{MEMBERS}M2,重复,resident,G2,,\n");
    assert_eq!(codes(&[("members.csv", &members)]), [(Code::DuplicateId, 5)]);
}

#[test]
fn dangling_references_everywhere() {
    let visits = "date,member,household,method,summary,with,issues\n2022-03-01,M9,H1,home,看望,M8,I-9\n2022-03-02,M1,H9,phone,电话问候,,\n";
    let issue = "id: I-1\ntitle: t\nreceived: 2022-01-01\ncategory: water\ngrid: G9\nevents:\n  - date: 2022-01-02\n    action: whistle\n    departments: [城管局, 水务局]\n";
    let got = codes(&[("visits/2022-03.csv", visits), ("issues/I-1.yaml", issue)]);
    assert_eq!(
        got,
        [
            (Code::DanglingReference, 1), // issue grid G9
            (Code::DanglingReference, 7), // 水务局 not in gov.yaml
            (Code::DanglingReference, 2), // member M9
            (Code::DanglingReference, 2), // with M8
            (Code::DanglingReference, 2), // issue I-9
            (Code::DanglingReference, 3), // household H9
        ]
    );
}

#[test]
fn future_dates_after_today() {
    let visits = "date,member,household,method,summary\n2023-01-01,M1,H1,home,今天\n2023-01-02,M1,H1,home,明天\n";
    assert_eq!(codes(&[("visits/2023-01.csv", visits)]), [(Code::FutureDate, 3)]);
}

#[test]
fn visits_in_the_wrong_month_file() {
    let visits = "date,member,household,method,summary\n2022-03-31,M1,H1,home,a\n2022-04-01,M1,H1,home,b\n";
    assert_eq!(codes(&[("visits/2022-03.csv", visits)]), [(Code::WrongMonthFile, 3)]);
    // Files not named YYYY-MM are not held to a month.
    assert_eq!(codes(&[("visits/import.csv", visits)]), []);
}

#[test]
fn event_order_rules() {
    let issue = "\
id: I-1
title: t
received: 2022-01-10
category: water
events:
  - {date: 2022-01-09, action: dispatched}
  - {date: 2022-01-12, action: feedback, solved: yes, satisfaction: satisfied}
  - {date: 2022-01-11, action: progress}
  - {date: 2022-01-13, action: report, department: 城管局}
  - {date: 2022-01-14, action: resolved}
  - {date: 2022-01-15, action: resolved}
  - {date: 2022-01-16, action: reopened}
  - {date: 2022-01-17, action: reopened}
  - {date: 2022-01-18, action: closed}
  - {date: 2022-01-19, action: whistle, departments: [城管局]}
";
    assert_eq!(
        codes(&[("issues/I-1.yaml", issue)]),
        [
            (Code::EventOrder, 6),  // before received
            (Code::EventOrder, 7),  // feedback before resolved
            (Code::EventOrder, 8),  // dated before the event above
            (Code::EventOrder, 9),  // report before any whistle
            (Code::EventOrder, 11), // resolved twice
            (Code::EventOrder, 13), // reopened while in progress
            (Code::EventOrder, 15), // whistle after closed
        ]
    );
}

#[test]
fn follow_ups_and_repeated_resolutions() {
    // Calling again after an unreachable follow-up is normal; resolving again after the
    // follow-up closed it, without a reopen, is not.
    let issue = "\
id: I-1
title: t
received: 2022-01-10
category: water
events:
  - {date: 2022-01-10, action: resolved}
  - {date: 2022-01-11, action: feedback, satisfaction: unreachable}
  - {date: 2022-01-12, action: feedback, solved: yes, satisfaction: satisfied}
  - {date: 2022-01-13, action: feedback, solved: yes, satisfaction: satisfied}
  - {date: 2022-01-14, action: resolved}
  - {date: 2022-01-15, action: reopened}
  - {date: 2022-01-16, action: resolved}
";
    assert_eq!(codes(&[("issues/I-1.yaml", issue)]), [(Code::EventOrder, 10)]);
}

#[test]
fn events_need_their_fields() {
    let issue = "id: I-1\ntitle: t\nreceived: 2022-01-10\ncategory: water\nevents:\n  - {date: 2022-01-10, action: whistle}\n  - {date: 2022-01-11, action: report}\n  - {date: 2022-01-12, action: resolved}\n  - {date: 2022-01-13, action: feedback}\n  - {date: 2022-01-14, action: reopened}\n  - {date: 2022-01-14, action: resolved}\n  - {date: 2022-01-15, action: feedback, satisfaction: unreachable}\n";
    assert_eq!(
        codes(&[("issues/I-1.yaml", issue)]),
        [(Code::MissingField, 6), (Code::MissingField, 7), (Code::MissingField, 9), (Code::MissingField, 9)]
    );
}

#[test]
fn contacts_rules() {
    let households = format!("{HOUSEHOLDS}H3,3号楼103,G2,孙丽,yellow,\nH4,3号楼104,G2,周杰,green,M3\n");
    let visits =
        "date,member,household,method,summary\n2022-03-01,M2,H2,home,不是联系人\n2022-03-02,M2,H1,home,是联系人\n";
    assert_eq!(
        codes(&[("households.csv", &households), ("visits/2022-03.csv", visits)]),
        [(Code::NoContacts, 4), (Code::InactiveContact, 5), (Code::VisitNotContact, 2)]
    );
}

#[test]
fn duplicate_visit_rows() {
    let visits = "date,member,household,method,summary\n2022-03-01,M1,H1,home,看望\n2022-03-01,M1,H1,入户,看望\n2022-03-01,M1,H1,home,看望老人\n";
    assert_eq!(codes(&[("visits/2022-03.csv", visits)]), [(Code::DuplicateVisit, 3)]);
}

#[test]
fn bad_phones() {
    let members = "id,name,kind,phone\nM1,张伟,resident,1381234567\nM2,李娜,resident,+86 138 1234 5678\nM3,王强,resident,010-12345678\n";
    assert_eq!(codes(&[("members.csv", members)]), [(Code::BadPhone, 2)]);
}

#[test]
fn grid_cycles() {
    let grids = "id,name,level,parent\nG1,社区,1,G3\nG2,3号楼,3,G1\nG3,小区,2,G2\nG4,独立,1,G4\n";
    assert_eq!(
        codes(&[("grids.csv", grids)]),
        [(Code::GridCycle, 2), (Code::GridCycle, 3), (Code::GridCycle, 4), (Code::GridCycle, 5)]
    );
}

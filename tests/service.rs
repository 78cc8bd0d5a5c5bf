//! The service figures end to end on tests/fixtures/service (counted by hand in its README.md):
//! `gov stats` (the new lines, for 2022 and for the fourth quarter), `gov report dual` and
//! `gov report service` in every figure, in both languages, and the export's two new sheets.

mod common;

use common::{copy_fixture, gov};

fn run(dir: &std::path::Path, args: &[&str]) -> String {
    let mut cmd = gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", "2023-01-01", "--lang", "en"]).args(args);
    let out = common::Outcome::of(&mut cmd);
    assert_eq!(out.code, Some(0), "{args:?}: {}", out.stderr);
    out.stdout.replace("\r\n", "\n")
}

/// The new `gov stats` lines, as `scope,figure,resident,in-service,mobile,total`.
fn service_lines(csv: &str) -> Vec<String> {
    let wanted = [
        "in-service members registered",
        "in-service members who served",
        "service hours",
        "problems solved by in-service members",
        "volunteers registered",
        "of which youth",
        "volunteers who served",
        "people given aid",
    ];
    csv.lines().filter(|l| wanted.iter().any(|w| l.split(',').nth(1) == Some(*w))).map(str::to_string).collect()
}

#[test]
fn stats_for_the_year_and_the_fourth_quarter() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let year = run(d, &["stats", "--year", "2022", "--format", "csv"]);
    assert_eq!(
        service_lines(&year),
        [
            "period,in-service members registered,0,3,0,3",
            "period,in-service members who served,,4,,4",
            "period,service hours,3,19,0,32",
            "period,problems solved by in-service members,,3,,3",
            "period,volunteers registered,,,,2",
            "period,of which youth,,,,2",
            "period,volunteers who served,,,,3",
            "period,people given aid,,,,7",
            "cumulative,in-service members registered,0,4,0,4",
            "cumulative,in-service members who served,,4,,4",
            "cumulative,service hours,3,19,0,32",
            "cumulative,problems solved by in-service members,,3,,3",
            "cumulative,volunteers registered,,,,3",
            "cumulative,of which youth,,,,2",
            "cumulative,volunteers who served,,,,3",
            "cumulative,people given aid,,,,7",
        ]
    );
    let q4 = run(d, &["stats", "--from", "2022-10-01", "--to", "2022-12-31", "--format", "csv"]);
    assert_eq!(
        service_lines(&q4)[..8],
        [
            "period,in-service members registered,0,1,0,1",
            "period,in-service members who served,,4,,4",
            "period,service hours,3,16,0,23",
            "period,problems solved by in-service members,,2,,2",
            "period,volunteers registered,,,,0",
            "period,of which youth,,,,0",
            "period,volunteers who served,,,,3",
            "period,people given aid,,,,0",
        ]
    );
}

#[test]
fn the_dual_report_by_unit_and_member() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let csv = run(d, &["report", "dual", "--year", "2022", "--format", "csv"]);
    assert_eq!(
        csv,
        "unit,in-service members,registered,report-in rate,served,service rate,activities,hours,problems solved\n\
         区税务局,2,2,100.0%,2,100.0%,3,14,3\n\
         区教育局,3,2,66.7%,2,100.0%,2,5,0\n\
         Total,5,4,80.0%,4,100.0%,5,19,3\n\
         \n\
         id,name,unit,registered,mode,grid,pledge,activities,hours,problems solved,yearly hours met\n\
         M2,周敏,区税务局,2022-03-01,online,一网格,每月参加一次志愿服务,2,7,2,yes\n\
         M3,李强,区税务局,2022-05-10,offline,二网格,帮助困难群众,2,7,2,yes\n\
         M4,陈静,区教育局,2022-11-20,online,一网格,,1,3,0,no\n\
         M5,刘洋,区教育局,2021-06-01,offline,二网格,,1,2,0,no\n\
         M6,孙丽,区教育局,,,二网格,,0,0,0,no\n"
    );
    let table = run(d, &["report", "dual", "--year", "2022", "--format", "table"]);
    insta::assert_snapshot!("dual", table);
    let mut cmd = gov(d);
    cmd.arg("--data").arg(d).args(["--today", "2023-01-01", "--lang", "zh", "report", "dual", "--year", "2022"]);
    insta::assert_snapshot!("dual_zh", common::Outcome::of(cmd.args(["--format", "table"])).stdout);
}

#[test]
fn the_service_report() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let csv = run(d, &["report", "service", "--year", "2022", "--format", "csv"]);
    assert_eq!(
        csv,
        "figure,value\n\
         volunteers registered in the period,2\n\
         volunteers on the roster,3\n\
         of which youth,2\n\
         volunteers who served,3\n\
         volunteers' hours,10\n\
         activities,7\n\
         service hours,32\n\
         households served,3\n\
         people given aid,7\n\
         people reached (every activity),19\n\
         \n\
         organiser,activities,hours\n\
         测试社区党委,3,11\n\
         区税务局,1,4\n\
         万谷机械有限公司党支部,1,5\n\
         区妇联,1,9\n\
         镇团委,1,3\n\
         Total,7,32\n\
         \n\
         kind,activities,hours\n\
         dual-report service,1,4\n\
         volunteer service,1,3\n\
         partner activity,1,5\n\
         epidemic control,1,9\n\
         aid,1,9\n\
         care service,1,0\n\
         文明实践,1,2\n\
         Total,7,32\n\
         \n\
         beneficiaries,activities,households,people\n\
         困难妇女,1,2,4\n\
         困境儿童,1,2,3\n\
         外卖员,1,0,12\n\
         Total,,,19\n\
         \n\
         item,activities,quantity\n\
         棉被,1,7\n\
         电风扇,1,7\n\
         蒸锅,1,7\n\
         矿泉水,1,24\n"
    );
    let mut cmd = gov(d);
    cmd.arg("--data").arg(d).args(["--today", "2023-01-01", "--lang", "zh", "report", "service", "--year", "2022"]);
    insta::assert_snapshot!("service_zh", common::Outcome::of(cmd.args(["--format", "table"])).stdout);
}

#[test]
fn the_export_has_the_dual_and_service_sheets() {
    let dir = copy_fixture("service");
    let d = dir.path();
    let out = tempfile::TempDir::new().unwrap();
    let o = out.path().to_str().unwrap();
    run(d, &["export", "--month", "2022-10", "--out", o]);
    let dual = std::fs::read_to_string(out.path().join("2022-10-dual.csv")).unwrap().replace("\r\n", "\n");
    // October: M4 registers only in November; A2 and A3 (M2 4 h, M3 5 + 2 h), I2 and I3.
    assert!(dual.contains("区税务局,2,2,100.0%,2,100.0%,2,11,2\n"), "{dual}");
    assert!(dual.contains("区教育局,3,1,33.3%,0,0.0%,0,0,0\n"), "{dual}");
    let service = std::fs::read_to_string(out.path().join("2022-10-service.csv")).unwrap().replace("\r\n", "\n");
    assert!(service.contains("service hours,13\n"), "{service}"); // A2 9 + A3 4
}

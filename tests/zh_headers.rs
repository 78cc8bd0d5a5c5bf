//! Chinese column headers, names where ids go and dates as offices write them, on the real
//! binary: `tests/fixtures/zh-headers` (every CSV with Chinese headers) checks clean; a GBK
//! batch with member names and Chinese dates is written with ids and YYYY-MM-DD; the writers
//! put new values under the file's Chinese headers.

mod common;

use std::path::Path;

use common::{Outcome, copy_fixture, gov};

const TODAY: &str = "2024-04-01";

fn run(dir: &Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", TODAY]).args(args);
    Outcome::of(&mut cmd)
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap()
}

fn assert_clean(dir: &Path) {
    let out = run(dir, &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains(": 0 errors, 0 warnings"), "{}", out.stdout);
}

#[test]
fn a_folder_with_chinese_headers_checks_clean() {
    let dir = copy_fixture("zh-headers");
    let out = run(dir.path(), &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stdout, "checked 2 grids, 3 members, 3 households, 3 visits, 0 issues: 0 errors, 0 warnings\n");
}

#[test]
fn a_name_where_an_id_goes_gets_the_id_it_matches() {
    let dir = copy_fixture("zh-headers");
    let d = dir.path();
    let visits = read(d, "visits/2024-03.csv").replace("2024.3.12,M0002,H002", "2024.3.12,李娜,孙阿姨");
    std::fs::write(d.join("visits/2024-03.csv"), visits).unwrap();
    insta::assert_snapshot!(run(d, &["--lang", "en", "check"]).snapshot(&[d]));
}

#[test]
fn a_gbk_batch_with_names_and_chinese_dates_is_written_with_ids() {
    let dir = copy_fixture("zh-headers");
    let d = dir.path();
    let batch = "走访日期,走访党员,户号,走访方式,走访内容\r\n\
                 2024年3月25日,张伟,H001,入户,送药上门\r\n\
                 ２０２４－０３－２６,王芳,赵先生,电话,提醒燃气安全\r\n\
                 45383,李娜,东湖小区1号楼1单元102室,微信,询问孩子入学\r\n";
    let (gbk, _, bad) = encoding_rs::GB18030.encode(batch);
    assert!(!bad);
    let input = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(input.path(), &gbk).unwrap();
    let out = run(d, &["visit", "add", "--from", input.path().to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let march = read(d, "visits/2024-03.csv");
    assert!(
        march.ends_with(
            "2024-03-25,M0001,H001,home,送药上门,\n\
         2024-03-26,M0003,H003,phone,提醒燃气安全,\n"
        ),
        "{march}"
    );
    // 45383 is Excel's day number for 2024-04-01.
    assert!(read(d, "visits/2024-04.csv").contains("2024-04-01,M0002,H002,wechat,询问孩子入学"));
    assert_clean(d);
}

#[test]
fn an_ambiguous_name_refuses_the_batch_and_lists_the_candidates() {
    let dir = copy_fixture("zh-headers");
    let d = dir.path();
    let members = read(d, "members.csv") + "M0004,张伟,社区党员,第一支部,G1-1,,2023/6/8\n";
    std::fs::write(d.join("members.csv"), members).unwrap();
    let before = read(d, "visits/2024-03.csv");
    let input = d.join("batch.csv");
    std::fs::write(&input, "日期,党员,户号,方式,情况\n2024/3/25,张伟,H001,入户,送药上门\n").unwrap();
    let out = run(d, &["--lang", "en", "visit", "add", "--from", "batch.csv"]);
    assert_eq!(out.code, Some(1), "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("`member` value `张伟` names 2 members"), "{}", out.stderr);
    assert!(out.stderr.contains("give the id: M0001 (张伟); M0004 (张伟)"), "{}", out.stderr);
    assert_eq!(read(d, "visits/2024-03.csv"), before);
}

#[test]
fn writers_put_values_under_the_chinese_headers() {
    let dir = copy_fixture("zh-headers");
    let d = dir.path();
    let out = run(
        d,
        &[
            "visit",
            "add",
            "--member",
            "M0001",
            "--household",
            "H002",
            "--method",
            "入户",
            "--date",
            "2024年3月28日",
            "--summary",
            "了解近况",
        ],
    );
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    let march = read(d, "visits/2024-03.csv");
    assert!(march.ends_with("2024-03-28,M0001,H002,home,了解近况,\n"));
    let out = run(d, &["household", "set-color", "H003", "red", "--reason", "住院"]);
    assert_eq!(out.code, Some(0), "{}{}", out.stdout, out.stderr);
    assert!(read(d, "households.csv").contains("H003,东湖小区2号楼2单元301室,G1-1,赵先生,,4,red,出租户,M0003\n"));
    assert_clean(d);
}

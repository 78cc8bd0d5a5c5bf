//! A town folder end to end (`kind: town`, docs/town.md): two copies of the hand-counted
//! fixture `tests/fixtures/reports` (described in `tests/report_support`) as two communities,
//! checked, reported on and exported, every figure counted by hand; the town's gov.yaml when it
//! is wrong; commands that refuse a town; and a generated town of 20 communities whose totals
//! are the sums of the communities' own reports.
//!
//! The hand-counted town, `c/*`:
//! - `c/a` 测试社区: the fixture as it is, visits #1–#14 (2023-12-05 … 2024-02-29).
//! - `c/b` 第二社区: the fixture without `visits/2024-02.yaml`, so visits #1–#10 only.
//! - `c/notes`: a folder without gov.yaml, which the glob passes over.

mod common;
mod report_support;

use std::fs;
use std::path::{Path, PathBuf};

use report_support::{TODAY, figure, json, ok, row, rows, run};
use serde_json::Value;
use tempfile::TempDir;

const PERIOD: [&str; 4] = ["--from", "2023-12-01", "--to", "2024-02-29"];

fn town() -> TempDir {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path();
    common::copy_dir(&common::fixture_path("reports"), &root.join("c/a"));
    common::copy_dir(&common::fixture_path("reports"), &root.join("c/b"));
    fs::remove_file(root.join("c/b/visits/2024-02.yaml")).expect("remove February");
    let yaml = fs::read_to_string(root.join("c/b/gov.yaml")).expect("gov.yaml");
    fs::write(root.join("c/b/gov.yaml"), yaml.replace("name: 测试社区", "name: 第二社区")).expect("write");
    fs::create_dir_all(root.join("c/notes")).expect("notes");
    fs::write(root.join("c/notes/说明.txt"), "各社区数据").expect("notes");
    fs::write(root.join("gov.yaml"), "kind: town\nname: 测试镇\nlang: zh\ncommunities:\n  - c/*\n").expect("town");
    tmp
}

fn with_period<'a>(args: &[&'a str]) -> Vec<&'a str> {
    args.iter().copied().chain(PERIOD).collect()
}

#[test]
fn stats_add_the_communities_up() {
    let dir = town();
    let s = json(dir.path(), TODAY, &with_period(&["stats"]));
    assert_eq!(s["title"], "测试镇党员联系户工作统计（2023-12-01..2024-02-29）");
    let period = |f| figure(&s, "period", f);
    // [resident, in_service, mobile, total]. Visitors in each: M01 M05 resident, M03
    // in-service, M04 mobile (M02 never visits).
    assert_eq!(period("members_visiting"), [4, 2, 2, 8]);
    // a: resident M05 #1 + M01 #2 #5 #6 #10 #12 #14 = 7, M03 #4 #7 #11 = 3, M04 #3 #8 #9 #13 = 4;
    // b: resident M05 #1 + M01 #2 #5 #6 #10 = 5, M03 #4 #7 = 2, M04 #3 #8 #9 = 3.
    assert_eq!(period("visits"), [12, 5, 7, 24]);
    // The same six households in each: [2, 3, 2, 6] (tests/stats.rs), twice: never merged by id.
    assert_eq!(period("linked_households"), [4, 6, 4, 12]);
    // a: home #1 #2 #5 #7 #10 #13 #14, b: #1 #2 #5 #7 #10.
    assert_eq!(period("home")[3], 12);
    // Four problems received in each, two resolved in each (I-2024-0001, I-2024-0002).
    assert_eq!(period("received")[3], 8);
    assert_eq!(period("resolved")[3], 4);
    // One whistle in each (I-2024-0004).
    assert_eq!(period("whistles")[3], 2);
}

#[test]
fn stats_by_community_lists_each_then_the_town() {
    let dir = town();
    let s = json(dir.path(), TODAY, &with_period(&["stats", "--by", "community"]));
    let visits = |community: &str| {
        rows(&s)
            .iter()
            .find(|r| r["community"] == community && r["scope"] == "period" && r["figure"] == "visits")
            .map(|r| r["total"].as_i64().expect("a number"))
    };
    assert_eq!(visits("测试社区"), Some(14));
    assert_eq!(visits("第二社区"), Some(10));
    assert_eq!(visits("测试镇"), Some(24));
}

#[test]
fn ledger_by_community_has_a_row_each_and_the_towns_total() {
    let dir = town();
    let r = json(dir.path(), TODAY, &with_period(&["report"]));
    assert_eq!(rows(&r).len(), 2, "one row per community, `--by community` on a town");
    let (a, b) = (row(&r, "community", "测试社区"), row(&r, "community", "第二社区"));
    assert_eq!((a["visits"].as_i64(), b["visits"].as_i64()), (Some(14), Some(10)));
    // Households visited: a H01 H02 H03 H04 H06 = 5; b the same five (H05 never).
    assert_eq!((a["visited"].as_i64(), b["visited"].as_i64()), (Some(5), Some(5)));
    assert_eq!((a["linked"].as_i64(), b["linked"].as_i64()), (Some(6), Some(6)));
    let total = &r["total"];
    assert_eq!(total["visits"].as_i64(), Some(24));
    assert_eq!(total["visited"].as_i64(), Some(10));
    assert_eq!(total["linked"].as_i64(), Some(12));
    // Phone: a #3 #6 #11, b #3 #6.
    assert_eq!(total["phone"].as_i64(), Some(5));
}

#[test]
fn ledger_by_community_and_grid_lists_every_grid_under_its_community() {
    let dir = town();
    let r = json(dir.path(), TODAY, &with_period(&["report", "--by", "community,grid"]));
    let keys: Vec<(String, String)> = rows(&r)
        .iter()
        .map(|x| (x["community"].as_str().unwrap().to_string(), x["grid"].as_str().unwrap().to_string()))
        .collect();
    // Each community's grids with households: G1 and G2 (G0 is the community itself).
    let want = [("测试社区", "G1"), ("测试社区", "G2"), ("第二社区", "G1"), ("第二社区", "G2")];
    let want: Vec<(String, String)> = want.iter().map(|(c, g)| (c.to_string(), g.to_string())).collect();
    assert_eq!(keys, want);
    // G1 in a: H01 H02 H03 visits #2 #4 #5 #6 #7 #10 #11 #12 #14 = 9.
    assert_eq!(rows(&r)[0]["visits"].as_i64(), Some(9));
    assert_eq!(r["total"]["visits"].as_i64(), Some(24));
}

#[test]
fn problems_and_whistles_by_community() {
    let dir = town();
    let i = json(dir.path(), TODAY, &with_period(&["report", "issues"]));
    assert_eq!(rows(&i).len(), 2);
    assert_eq!(row(&i, "community", "测试社区")["received"].as_i64(), Some(4));
    assert_eq!(i["total"]["received"].as_i64(), Some(8));
    assert_eq!(i["total"]["resolved"].as_i64(), Some(4));
    // Days to resolve: I-2024-0001 7 days (01-08 → 01-15), I-2024-0002 16 days (01-20 → 02-05),
    // in each community: the town's median over the four is 7 (lower middle, as gov takes it)
    // or between; it is the pooled one, not a sum of medians (7 + 7).
    let median = i["total"]["median_days"].as_i64().expect("a median");
    assert!((7..=16).contains(&median), "pooled median {median}");
    let w = json(dir.path(), TODAY, &with_period(&["report", "whistles"]));
    // I-2024-0004 summoned 城管局 and 供水公司, in each community.
    assert_eq!(row(&w, "community", "第二社区")["summoned"].as_i64(), Some(2));
    assert_eq!(w["total"]["whistles"].as_i64(), Some(2));
    assert_eq!(w["total"]["summoned"].as_i64(), Some(4));
}

#[test]
fn due_counts_each_communitys_overdue_households() {
    let dir = town();
    let d = json(dir.path(), TODAY, &["due"]);
    // As of 2024-03-01 (red 7, yellow 14, green 30 days), a: H01 (red, last 02-20), H03 (green,
    // last 01-15), H05 (green, never visited), H06 (yellow, last 01-20) = 4.
    let a = row(&d, "community", "测试社区");
    let figures = |r: &Value| {
        ["households", "overdue", "overdue_red", "overdue_yellow", "overdue_green", "never_visited"]
            .map(|k| r[k].as_i64().expect("a number"))
    };
    assert_eq!(figures(a), [6, 4, 1, 1, 2, 1]);
    // b, with no February visits: all six.
    assert_eq!(figures(row(&d, "community", "第二社区")), [6, 6, 2, 2, 2, 1]);
    assert_eq!(figures(&d["total"]), [12, 10, 3, 3, 4, 2]);
}

#[test]
fn each_community_keeps_its_own_parse_cache() {
    let dir = town();
    // gov keeps no file modified in the 2 seconds before a run starts (tests/cache.rs).
    std::thread::sleep(std::time::Duration::from_millis(3100));
    ok(dir.path(), TODAY, &["stats", "--month", "2024-01"]);
    for c in ["c/a", "c/b"] {
        assert!(dir.path().join(c).join(".gov/cache/parsed.bin").is_file(), "{c} has its cache");
    }
    assert!(!dir.path().join(".gov/cache").exists(), "the town itself has none");
}

#[test]
fn check_names_each_findings_community() {
    let dir = town();
    let visits = dir.path().join("c/b/visits/2024-01.csv");
    let text = fs::read_to_string(&visits).expect("visits");
    fs::write(&visits, format!("{text}2024-01-26,M99,H01,home,走访,,,\n")).expect("write");
    let out = run(dir.path(), TODAY, &["check"]);
    assert_eq!(out.code, Some(1), "{}", out.stdout);
    // Line 8 of b's January file (the header and six visits before it) names M99.
    assert!(
        out.stdout.lines().any(|l| l.starts_with("【第二社区】c/b/visits/2024-01.csv:8") && l.contains("M99")),
        "{}",
        out.stdout
    );
    // M05 (transferred) is still a contact of H06: one warning in each.
    assert!(out.stdout.contains("【测试社区】已检查：网格 3 个、党员 5 名"), "{}", out.stdout);
    assert!(out.stdout.contains("测试镇 2 个社区合计，已检查：网格 6 个、党员 10 名"), "{}", out.stdout);
    let json_out = run(dir.path(), TODAY, &["check", "--format", "json"]);
    let report: Value = serde_json::from_str(&json_out.stdout).expect("JSON");
    let errors: Vec<&Value> =
        report["findings"].as_array().unwrap().iter().filter(|f| f["severity"] == "error").collect();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["community"], "第二社区");
    assert_eq!(errors[0]["file"], "c/b/visits/2024-01.csv");
    assert_eq!(report["summary"]["errors"], 1);
    assert_eq!(report["summary"]["warnings"], 2);
    assert_eq!(report["communities"].as_array().unwrap().len(), 2);
}

#[test]
fn town_check_in_both_languages() {
    let dir = town();
    let zh = run(dir.path(), TODAY, &["check"]);
    let en = run(dir.path(), TODAY, &["--lang", "en", "check"]);
    insta::assert_snapshot!("town_check_zh", zh.snapshot(&[dir.path()]));
    insta::assert_snapshot!("town_check_en", en.snapshot(&[dir.path()]));
}

#[test]
fn town_ledger_table_in_both_languages() {
    let dir = town();
    let mut zh = with_period(&["report", "--format", "table"]);
    zh.insert(0, "--lang");
    zh.insert(1, "zh");
    let mut en = zh.clone();
    en[1] = "en";
    insta::assert_snapshot!("town_ledger_zh", ok(dir.path(), TODAY, &zh));
    insta::assert_snapshot!("town_ledger_en", ok(dir.path(), TODAY, &en));
}

/// A town's gov.yaml that is wrong: the line, what is wrong, what to do, in both languages.
#[test]
fn a_wrong_town_yaml_names_its_line() {
    let cases: [(&str, &str); 6] = [
        ("missing", "kind: town\nname: 测试镇\ncommunities:\n  - c/a\n  - c/x\n"),
        ("no-match", "kind: town\nname: 测试镇\ncommunities:\n  - d/*\n"),
        ("no-gov-yaml", "kind: town\nname: 测试镇\ncommunities:\n  - c/notes\n"),
        ("unknown-field", "kind: town\nname: 测试镇\ncommunitys:\n  - c/*\n"),
        ("no-name", "kind: town\ncommunities:\n  - c/*\n"),
        ("climbs-out", "kind: town\nname: 测试镇\ncommunities:\n  - ../*\n"),
    ];
    for (name, yaml) in cases {
        let dir = town();
        fs::write(dir.path().join("gov.yaml"), yaml).expect("write");
        let zh = run(dir.path(), TODAY, &["--lang", "zh", "stats"]);
        let en = run(dir.path(), TODAY, &["--lang", "en", "stats"]);
        assert_eq!(zh.code, Some(2), "{name}: {}", zh.stderr);
        insta::assert_snapshot!(format!("town_yaml_{name}"), format!("{}\n{}", zh.stderr, en.stderr));
    }
}

#[test]
fn a_town_inside_a_town_is_refused() {
    let dir = town();
    let inner = dir.path().join("c/a/gov.yaml");
    fs::write(&inner, "kind: town\nname: 内镇\ncommunities:\n  - .\n").expect("write");
    let out = run(dir.path(), TODAY, &["--lang", "en", "check"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.contains("gov.yaml:5: `c/a` is itself a town"), "{}", out.stderr);
}

/// Commands that work on one community refuse a town, and write nothing.
#[test]
fn writing_and_community_commands_refuse_a_town() {
    let dir = town();
    let before = common::tree(dir.path());
    let add = ["visit", "add", "--member", "M01", "--household", "H01", "--method", "home", "--date", "2024-02-01"];
    for args in
        [&add[..], &["visit", "list"], &["member", "list"], &["report", "--grid", "G1"], &["due", "--member", "M01"]]
    {
        let zh = run(dir.path(), TODAY, args);
        assert_eq!(zh.code, Some(2), "{args:?}: {}", zh.stderr);
        assert!(zh.stderr.contains("测试镇"), "{args:?}: {}", zh.stderr);
    }
    assert_eq!(common::tree(dir.path()), before, "nothing written");
    let en = run(dir.path(), TODAY, &["--lang", "en", "visit", "list"]);
    insta::assert_snapshot!("town_refused", common::hide_paths(&en.stderr, &[dir.path()]));
}

#[test]
fn export_writes_the_towns_pack_with_a_row_per_community() {
    let dir = town();
    let out = dir.path().join("pack");
    ok(dir.path(), TODAY, &["export", "--month", "2024-01", "--out", out.to_str().unwrap()]);
    let mut files: Vec<String> =
        fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    files.sort();
    assert_eq!(
        files,
        [
            "2024-01-吹哨报到.csv",
            "2024-01-统计.csv",
            "2024-01-诉求办理.csv",
            "2024-01-走访汇总-按社区.csv",
            "2024-01-走访汇总-按网格.csv",
            "2024-01-逾期未访.csv",
            "台账-2024-01.xlsx",
        ]
    );
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(out.join("台账-2024-01.xlsx")).expect("workbook");
    let sheet = book.worksheet_range("走访汇总-按社区").expect("the summary sheet");
    let cells: Vec<Vec<String>> = sheet.rows().map(|r| r.iter().map(|c| c.to_string()).collect()).collect();
    let col = cells.iter().find_map(|r| r.iter().position(|c| c == "走访次数")).expect("header");
    let value = |first: &str| cells.iter().find(|r| r[0] == first).map(|r| r[col].clone());
    // January: visits #5–#10 in each community.
    assert_eq!(value("测试社区").as_deref(), Some("6"));
    assert_eq!(value("第二社区").as_deref(), Some("6"));
    assert_eq!(value("合计").as_deref(), Some("12"));
}

// ---- a generated town of 20 communities ----

fn generator() -> PathBuf {
    let gov = Path::new(env!("CARGO_BIN_EXE_gov"));
    let generate = gov.parent().unwrap().join("examples").join(format!("generate{}", std::env::consts::EXE_SUFFIX));
    assert!(generate.is_file(), "cargo test builds examples/generate.rs: {} is missing", generate.display());
    generate
}

fn sum_ints(rows: &[Value], key: &str) -> i64 {
    rows.iter().map(|r| r[key].as_i64().unwrap_or(0)).sum()
}

/// The town's figures are the sums of its communities' own: `gov stats` row by row, the ledger
/// by community against each community's own ledger, problems and overdue households.
#[test]
fn a_generated_towns_totals_are_the_sums_of_its_communities() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("town");
    let status = std::process::Command::new(generator())
        .args(["--scale", "town", "--seed", "1", "--out"])
        .arg(&root)
        .output()
        .expect("generate ran");
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let communities: Vec<PathBuf> = (1..=20).map(|i| root.join(format!("c{i:02}"))).collect();
    assert!(communities.iter().all(|c| c.join("gov.yaml").is_file()));
    let today = "2023-01-01";
    let check = run(&root, today, &["check"]);
    assert_eq!(check.code, Some(0), "{}", check.stdout);
    let year = ["--year", "2022"];
    let town_stats = json(&root, today, &[&["stats"][..], &year].concat());
    let own: Vec<Value> = communities.iter().map(|c| json(c, today, &[&["stats"][..], &year].concat())).collect();
    for r in rows(&town_stats) {
        for k in ["resident", "in_service", "mobile", "total"] {
            let Some(n) = r[k].as_i64() else { continue };
            let sum: i64 = own
                .iter()
                .map(|s| {
                    rows(s)
                        .iter()
                        .find(|x| x["scope"] == r["scope"] && x["figure"] == r["figure"])
                        .and_then(|x| x[k].as_i64())
                        .unwrap_or(0)
                })
                .sum();
            assert_eq!(n, sum, "{} {} {k}", r["scope"], r["figure"]);
        }
    }
    // 5,420 visits in each community: the demo's count, whatever the seed.
    assert_eq!(figure(&town_stats, "period", "visits")[3], 20 * 5420);
    let ledger = json(&root, today, &["report", "--year", "2022"]);
    assert_eq!(rows(&ledger).len(), 20);
    for (c, r) in communities.iter().zip(rows(&ledger)) {
        let mine = json(c, today, &["report", "--by", "grid", "--year", "2022"]);
        for k in ["linked", "visited", "visits", "home", "overdue", "raised", "resolved"] {
            assert_eq!(r[k], mine["total"][k], "{} {k}", c.display());
        }
    }
    for k in ["linked", "visited", "visits", "overdue", "raised", "resolved"] {
        assert_eq!(ledger["total"][k].as_i64(), Some(sum_ints(rows(&ledger), k)), "{k}");
    }
    let issues = json(&root, today, &["report", "issues", "--year", "2022"]);
    let received: i64 = communities
        .iter()
        .map(|c| json(c, today, &["report", "issues", "--year", "2022"])["rows"][0]["received"].as_i64().unwrap())
        .sum();
    assert_eq!(issues["total"]["received"].as_i64(), Some(received));
    let due = json(&root, today, &["due"]);
    let overdue: i64 = communities.iter().map(|c| rows(&json(c, today, &["due"])).len() as i64).sum();
    assert_eq!(due["total"]["overdue"].as_i64(), Some(overdue));
}

/// A community listed twice, however spelt (a glob and a path, `./`, absolute, a link to it),
/// is read once; a link to a checkout elsewhere is a community like any folder.
#[cfg(unix)]
#[test]
fn a_community_is_read_once_however_it_is_listed() {
    let dir = town();
    let root = dir.path();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    common::copy_dir(&common::fixture_path("reports"), &elsewhere.path().join("c"));
    let yaml = fs::read_to_string(elsewhere.path().join("c/gov.yaml")).unwrap();
    fs::write(elsewhere.path().join("c/gov.yaml"), yaml.replace("name: 测试社区", "name: 外部社区")).unwrap();
    std::os::unix::fs::symlink(elsewhere.path().join("c"), root.join("c/linked")).expect("link");
    let absolute = root.join("c/a").display().to_string();
    fs::write(
        root.join("gov.yaml"),
        format!("kind: town\nname: 测试镇\ncommunities:\n  - c/*\n  - ./c/a   # 甲\n  - {absolute}\n"),
    )
    .unwrap();
    let r = json(root, TODAY, &with_period(&["report"]));
    let names: Vec<&str> = rows(&r).iter().map(|x| x["community"].as_str().unwrap()).collect();
    // c/* in name order: a, b, linked (c/notes has no gov.yaml); ./c/a and the absolute path are a.
    assert_eq!(names, ["测试社区", "第二社区", "外部社区"]);
    assert_eq!(r["total"]["visits"].as_i64(), Some(14 + 10 + 14));
}

/// Two communities of one name are both told apart by their folders.
#[test]
fn communities_sharing_a_name_are_told_apart_by_folder() {
    let dir = town();
    let yaml = fs::read_to_string(dir.path().join("c/a/gov.yaml")).unwrap();
    fs::write(dir.path().join("c/b/gov.yaml"), yaml).unwrap();
    let r = json(dir.path(), TODAY, &with_period(&["report"]));
    let names: Vec<&str> = rows(&r).iter().map(|x| x["community"].as_str().unwrap()).collect();
    assert_eq!(names, ["测试社区（c/a）", "测试社区（c/b）"]);
}

/// The line of a listed folder that is wrong is its own, a comment after it or not; and a
/// town's `lang: zh` is the language its errors are said in.
#[test]
fn a_wrong_item_is_named_by_its_own_line_in_the_towns_language() {
    let dir = town();
    fs::write(
        dir.path().join("gov.yaml"),
        "kind: town\nname: 测试镇\nlang: zh\ncommunities:\n  - c/a\n  - c/x   # 新社区\n",
    )
    .unwrap();
    let out = run(dir.path(), TODAY, &["stats"]);
    assert_eq!(out.code, Some(2));
    assert!(out.stderr.starts_with("错误：gov.yaml:6：社区文件夹“c/x”不存在"), "{}", out.stderr);
}

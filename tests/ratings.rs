//! Branch strength end to end: `report stars` under both shipped schemes (tests/fixtures/ratings
//! and ratings-110, counted by hand in their READMEs), `report reviews`, `report reserves` and
//! the stats lines; the tables in both languages.

mod common;

use std::fs;

use common::{Outcome, TODAY, copy_fixture, gov};

fn run(dir: &std::path::Path, lang: &str, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", TODAY, "--lang", lang]).args(args);
    Outcome::of(&mut cmd)
}

fn csv(dir: &std::path::Path, args: &[&str]) -> Vec<String> {
    let out = run(dir, "en", &[args, &["--format", "csv"]].concat());
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    out.stdout.lines().map(str::to_string).collect()
}

/// The rows of the table whose header starts with `header`, up to the blank line after it.
fn table(rows: &[String], header: &str) -> Vec<String> {
    rows.iter().skip_while(|r| !r.starts_with(header)).skip(1).take_while(|r| !r.is_empty()).cloned().collect()
}

#[test]
fn stars_under_the_henan_100_point_scheme() {
    let dir = copy_fixture("ratings");
    let rows = csv(dir.path(), &["report", "stars", "--year", "2022"]);
    assert_eq!(
        table(&rows, "rank,"),
        [
            "1,O2,第一党支部,rated,460,5,5,yes,楼栋议事厅,和平镇党委组织办",
            "2,O3,第二党支部,rated,449,5,4,no,,和平镇党委组织办",
            "3,O4,第一网格党支部,rated,413,4,4,no,,和平镇党委组织办",
            ",O5,第三党支部,not rated,,,,,,",
        ]
    );
    let stars = table(&rows, "branch,star,points");
    assert_eq!(stars.len(), 15);
    assert_eq!(stars[6], "第二党支部,宜业兴业星,89,100,80,yes");
    assert_eq!(stars[10], "第一网格党支部,支部过硬星,80,100,80,yes");
    assert_eq!(stars[11], "第一网格党支部,宜业兴业星,79,100,80,no");
    let criteria = table(&rows, "branch,star,criterion");
    let evidence: Vec<String> = criteria
        .iter()
        .filter(|r| !r.ends_with(",,"))
        .map(|r| {
            let cells: Vec<&str> = r.split(',').collect();
            format!("{} {} {}", cells[0], cells[7], cells[8])
        })
        .collect();
    assert_eq!(
        evidence,
        [
            "第一党支部 linked households visited 100.0%",
            "第一党支部 problems resolved 2",
            "第一党支部 on-time rate 50.0%",
            "第一党支部 visits 3",
            "第一党支部 service hours 5",
            "第一党支部 decisions carried out 50.0%",
            "第二党支部 linked households visited 0.0%",
            "第二党支部 problems resolved 0",
            "第二党支部 on-time rate —",
            "第二党支部 visits 0",
            "第二党支部 service hours 1",
            "第二党支部 decisions carried out —",
            "第一网格党支部 linked households visited 0.0%",
            "第一网格党支部 problems resolved 0",
            "第一网格党支部 on-time rate —",
            "第一网格党支部 visits 1",
            "第一网格党支部 service hours 1.5",
            "第一网格党支部 decisions carried out —",
        ]
    );
    let stats = csv(dir.path(), &["stats", "--year", "2022"]);
    assert!(stats.contains(&"period,reserve cadres,,,,3".to_string()), "{stats:?}");
    assert!(stats.contains(&"period,five-star branches,,,,1".to_string()), "{stats:?}");
}

#[test]
fn stars_under_the_110_point_scheme() {
    let dir = copy_fixture("ratings-110");
    let rows = csv(dir.path(), &["report", "stars", "--year", "2022"]);
    assert_eq!(
        table(&rows, "rank,"),
        [
            "1,O2,第一党支部,rated,472,5,5,yes,楼栋议事厅,和平镇党委组织办",
            "2,O4,第一网格党支部,rated,509,4,4,no,红色物业联盟,和平镇党委组织办",
            "3,O3,第二党支部,rated,450,5,4,no,,和平镇党委组织办",
            ",O5,第三党支部,not rated,,,,,,",
        ]
    );
    let stats = csv(dir.path(), &["stats", "--year", "2022"]);
    assert!(stats.contains(&"period,five-star branches,,,,1".to_string()), "{stats:?}");
    // Another year: nothing rated.
    let rows = csv(dir.path(), &["report", "stars", "--year", "2021"]);
    assert_eq!(table(&rows, "rank,").iter().filter(|r| r.contains(",not rated,")).count(), 4);
}

#[test]
fn reviews_by_branch_beside_the_members_figures() {
    let dir = copy_fixture("ratings");
    let rows = csv(dir.path(), &["report", "reviews", "--year", "2022"]);
    assert_eq!(
        table(&rows, "branch,reviewed"),
        [
            "第一党支部,2,1,1,0,0,50.0%,0",
            "第二党支部,0,0,0,0,0,—,1",
            "第一网格党支部,1,0,0,1,0,0.0%,0",
            "第三党支部,1,0,0,0,1,0.0%,0",
            "Total,4,1,1,1,1,25.0%,1",
        ]
    );
    assert_eq!(
        table(&rows, "branch,member"),
        [
            "第一党支部,M1,张伟,excellent,2,1,2,带头联户",
            "第一党支部,M2,李娜,qualified,1,1,1,",
            "第一网格党支部,M4,赵敏,basically qualified,1,1,1,走访偏少",
            "第三党支部,M6,孙丽,unqualified,0,0,0,长期不参加组织生活",
        ]
    );
}

#[test]
fn reserves_by_status_age_and_education() {
    let dir = copy_fixture("ratings");
    let rows = csv(dir.path(), &["report", "reserves", "--year", "2022"]);
    let counts: Vec<String> =
        table(&rows, "by,group").iter().map(|r| r.rsplit_once(',').map_or(r.clone(), |(a, _)| a.to_string())).collect();
    assert_eq!(
        counts,
        [
            "political status,Party member,1",
            "political status,probationary member,1",
            "political status,activist,1",
            "political status,masses,0",
            "age,25 or under,1",
            "age,26–30,0",
            "age,31–35,1",
            "age,36–40,0",
            "age,over 40,1",
            "education,postgraduate,1",
            "education,bachelor's degree,1",
            "education,college,1",
            "education,secondary or below,0",
            "Total,,3",
        ]
    );
    assert_eq!(table(&rows, "date,id"), ["2022-05-10,R1,刘洋,基层治理实务", "2022-09-01,R2,陈静,群众工作方法"]);
}

#[test]
fn the_tables_in_both_languages() {
    let dir = copy_fixture("ratings");
    for lang in ["en", "zh"] {
        for report in ["stars", "reviews", "reserves"] {
            let out = run(dir.path(), lang, &["report", report, "--year", "2022", "--format", "table"]);
            assert_eq!(out.code, Some(0), "{}", out.stderr);
            insta::assert_snapshot!(format!("report-{report}-{lang}"), out.stdout);
        }
    }
}

/// A second rating or review for one year, in both languages.
#[test]
fn a_second_rating_or_review_in_a_year() {
    let dir = copy_fixture("duplicate-id");
    let zh = run(dir.path(), "zh", &["check"]);
    assert!(
        zh.stdout
            .contains("ratings/2022.yaml:3: 错误[duplicate-id] 支部“O1”2022年度的星级评定已记在 ratings/2022.yaml:1"),
        "{}",
        zh.stdout
    );
    assert!(
        zh.stdout.contains("reviews.csv:4: 错误[duplicate-id] 党员“M001”2022年度的民主评议已记在 reviews.csv:2"),
        "{}",
        zh.stdout
    );
    assert!(zh.stdout.contains("提示：每年只保留一条记录：请删除本条，或改正其年度（year）"));
    let en = run(dir.path(), "en", &["check"]);
    assert!(en.stdout.contains("hint: keep one record per year: remove this one, or correct its `year`"));
}

/// The two shipped schemes, pasted whole (comments and all) into a gov.yaml, are clean and give
/// the fixtures' rules: five stars of 100 points with 80 and 450, of 110 with 90 and an
/// innovation project.
#[test]
fn the_shipped_schemes_read_cleanly() {
    for (file, star_min, max, innovation) in
        [("stars-henan-100.yaml", 80, 100, false), ("stars-110.yaml", 90, 110, true)]
    {
        let dir = tempfile::tempdir().unwrap();
        let scheme =
            fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data-template").join(file))
                .unwrap();
        fs::write(dir.path().join("gov.yaml"), format!("name: 幸福社区\n{scheme}")).unwrap();
        let out = run(dir.path(), "en", &["check"]);
        assert_eq!(out.code, Some(0), "{file}: {}", out.stdout);
        assert!(out.stdout.contains(": 0 errors, 0 warnings"), "{file}: {}", out.stdout);
        let loaded = gov::load::load(dir.path()).unwrap();
        let rules = loaded.dataset.settings.stars.clone().expect("stars");
        assert_eq!(rules.stars.len(), 5, "{file}");
        assert!(rules.stars.iter().all(|s| s.max() == max), "{file}");
        assert_eq!((rules.star_min, rules.innovation), (star_min, innovation), "{file}");
    }
}

/// The fixtures hold no mistake of the branch-strength rules: the three warnings their READMEs
/// name, of other rules.
#[test]
fn the_fixtures_check_as_their_readmes_say() {
    for fixture in ["ratings", "ratings-110"] {
        let dir = copy_fixture(fixture);
        let out = run(dir.path(), "en", &["check"]);
        assert_eq!(out.code, Some(0), "{}", out.stdout);
        assert!(out.stdout.ends_with(": 0 errors, 3 warnings\n"), "{}", out.stdout);
        for code in ["inactive-contact", "org-by-name", "visit-not-contact"] {
            assert!(out.stdout.contains(&format!("warning[{code}]")), "{fixture}: {code}");
        }
    }
}

//! `gov export --format parquet` read by a real engine: DuckDB, installed by scripts/duckdb.sh
//! when missing (the test FAILS, never skips, when it cannot be had). The SQL run here is read
//! from docs/warehouse.md (the ```sql views / stats / ledger blocks), so the documented queries
//! are the tested ones; their output must equal `gov stats` and `gov report --month` exactly.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::Value;

use common::{copy_dir, gov};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The figures `gov stats` shows that the documented SQL leaves out (docs/warehouse.md says why).
const LEFT_OUT: &[&str] = &[
    "in_service_served",
    "service_hours",
    "solved_by_in_service",
    "volunteers_registered",
    "youth_volunteers",
    "volunteers_active",
    "aid_persons",
    "reserves",
    "five_star_branches",
];

/// The DuckDB CLI: scripts/duckdb.sh installs it from PyPI into a cache venv if need be.
fn duckdb() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let out = std::process::Command::new("bash")
            .arg(Path::new(ROOT).join("scripts/duckdb.sh"))
            .output()
            .expect("bash runs scripts/duckdb.sh");
        assert!(
            out.status.success(),
            "DuckDB cannot be had (scripts/duckdb.sh failed); this test needs it:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        PathBuf::from(String::from_utf8(out.stdout).unwrap().trim())
    })
}

/// The ```sql NAME block of docs/warehouse.md.
fn sql_block(name: &str) -> String {
    let doc = std::fs::read_to_string(Path::new(ROOT).join("docs/warehouse.md")).unwrap();
    let open = format!("```sql {name}\n");
    let start = doc.find(&open).unwrap_or_else(|| panic!("docs/warehouse.md has no ```sql {name} block")) + open.len();
    let len = doc[start..].find("\n```").expect("the block ends");
    doc[start..start + len].to_string()
}

/// Runs the SQL files in `dir` (which holds `warehouse/`) in one DuckDB session; the rows of the
/// last statement that returns any, as JSON objects.
fn run_sql(dir: &Path, scripts: &[(&str, String)]) -> Vec<serde_json::Map<String, Value>> {
    let mut cmd = std::process::Command::new(duckdb());
    cmd.current_dir(dir).arg("-json");
    for (name, sql) in scripts {
        std::fs::write(dir.join(name), sql).unwrap();
        cmd.arg("-c").arg(format!(".read {name}"));
    }
    let out = cmd.output().expect("duckdb runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "duckdb failed:\n{}\n{stdout}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "duckdb said: {}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<Value> = serde_json::from_str(stdout.trim()).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    rows.into_iter().map(|r| r.as_object().unwrap().clone()).collect()
}

/// `gov export --format parquet --out warehouse` of `data`, run in `dir`.
fn export(dir: &Path, data: &Path, extra: &[&str]) -> String {
    let out = gov(dir)
        .arg("--data")
        .arg(data)
        .args(["--lang", "en", "export", "--format", "parquet", "--out", "warehouse", "--allow-errors"])
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "export failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A report's JSON rows from the binary (exit 0, or 1 for a folder with errors).
fn gov_json(data: &Path, today: &str, args: &[&str]) -> Value {
    let out = gov(data)
        .arg("--data")
        .arg(data)
        .args(["--today", today, "--lang", "en"])
        .args(args)
        .args(["--format", "json", "--allow-errors"])
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c <= 1), "gov failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

type Figures = BTreeMap<(String, String), Vec<Option<f64>>>;

fn figures<'a>(rows: impl IntoIterator<Item = &'a serde_json::Map<String, Value>>) -> Figures {
    rows.into_iter()
        .map(|r| {
            let key = (r["scope"].as_str().unwrap().to_string(), r["figure"].as_str().unwrap().to_string());
            (key, ["resident", "in_service", "mobile", "total"].iter().map(|c| r[*c].as_f64()).collect())
        })
        .collect()
}

/// The stats SQL for one month (the documented block is for 2022-12).
fn stats_sql(month: (&str, &str)) -> String {
    sql_block("stats")
        .replace("DATE '2022-12-01'", &format!("DATE '{}'", month.0))
        .replace("DATE '2022-12-31'", &format!("DATE '{}'", month.1))
}

/// DuckDB's stats of `community` against `gov stats` of `data`: equal on every figure the SQL
/// gives, and the SQL gives every figure but the ones left out.
fn assert_stats_agree(dir: &Path, data: &Path, community: &str, today: &str, month: (&str, &str)) {
    let duck = run_sql(dir, &[("views.sql", sql_block("views")), ("stats.sql", stats_sql(month))]);
    let duck = figures(duck.iter().filter(|r| r["community"] == community));
    let ours = gov_json(data, today, &["stats", "--month", &month.0[..7]]);
    let ours = figures(ours["rows"].as_array().unwrap().iter().map(|r| r.as_object().unwrap()));
    assert_eq!(duck.len(), 50, "25 figures in each of two scopes: {:?}", duck.keys());
    for (key, values) in &ours {
        match duck.get(key) {
            Some(d) => assert_eq!(d, values, "{key:?}: DuckDB {d:?}, gov {values:?}"),
            None => assert!(LEFT_OUT.contains(&key.1.as_str()), "the SQL lacks {key:?}"),
        }
    }
    assert!(duck.keys().all(|k| ours.contains_key(k)), "DuckDB gives figures gov does not");
}

fn demo_export() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(ROOT).join("examples/xiawo"), &dir.path().join("data"));
    export(dir.path(), &dir.path().join("data"), &[]);
    dir
}

#[test]
fn the_documented_stats_sql_reproduces_gov_stats_on_the_demo() {
    let dir = demo_export();
    assert_stats_agree(dir.path(), &dir.path().join("data"), "夏窝社区", "2022-12-31", ("2022-12-01", "2022-12-31"));
    // And for another month, October (the stats SQL takes the period as two dates).
    assert_stats_agree(dir.path(), &dir.path().join("data"), "夏窝社区", "2022-12-31", ("2022-10-01", "2022-10-31"));
}

#[test]
fn the_documented_ledger_sql_reproduces_the_monthly_ledger() {
    let dir = demo_export();
    let duck = run_sql(dir.path(), &[("views.sql", sql_block("views")), ("ledger.sql", sql_block("ledger"))]);
    let ours = gov_json(&dir.path().join("data"), "2022-12-31", &["report", "--month", "2022-10"]);
    let ours: BTreeMap<String, &serde_json::Map<String, Value>> = ours["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["member"].as_str().unwrap().to_string(), r.as_object().unwrap()))
        .collect();
    // The demo's October ledger lists 282 members (all but the inactive ones without visits).
    assert_eq!(ours.len(), 282);
    assert_eq!(duck.len(), ours.len());
    for d in &duck {
        let row = ours[d["member"].as_str().unwrap()];
        for (col, value) in row.iter().filter(|(c, _)| *c != "overdue") {
            assert_eq!(d[col].as_f64(), value.as_f64(), "{} {col}", d["member"]);
            if !value.is_number() {
                assert_eq!(&d[col], value, "{} {col}", d["member"]);
            }
        }
    }
}

#[test]
fn the_schema_in_the_docs_is_what_duckdb_reads() {
    let dir = demo_export();
    let doc = std::fs::read_to_string(Path::new(ROOT).join("docs/warehouse.md")).unwrap();
    let schema = &doc[doc.find("<!-- schema: start -->").unwrap()..doc.find("<!-- schema: end -->").unwrap()];
    // (table, column, type) as the docs list them.
    let mut documented = Vec::new();
    let mut table = String::new();
    for line in schema.lines() {
        if let Some(t) = line.strip_prefix("### `") {
            table = t.trim_end_matches('`').to_string();
        } else if let Some(rest) = line.strip_prefix("| `") {
            let cells: Vec<&str> = rest.split(" | ").collect();
            documented.push((table.clone(), cells[0].trim_end_matches('`').to_string(), cells[1].to_string()));
        }
    }
    let marker: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("warehouse/_gov_export.json")).unwrap()).unwrap();
    let mut read = Vec::new();
    for t in marker["tables"].as_array().unwrap() {
        let t = t["table"].as_str().unwrap();
        let glob = if t == "visits" {
            "warehouse/visits/*/*/*/*.parquet".to_string()
        } else {
            format!("warehouse/{t}/*/*.parquet")
        };
        let sql = format!(
            "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{glob}', hive_partitioning = false));"
        );
        for r in run_sql(dir.path(), &[("describe.sql", sql)]) {
            read.push((
                t.to_string(),
                r["column_name"].as_str().unwrap().to_string(),
                r["column_type"].as_str().unwrap().to_string(),
            ));
        }
    }
    assert_eq!(documented, read);
    // 23 tables: the visits, the 13 other kinds, and the lists of the nested ones.
    assert_eq!(marker["tables"].as_array().unwrap().len(), 23);
}

#[test]
fn personal_numbers_are_masked_unless_unmask() {
    let dir = demo_export();
    let sql =
        "SELECT h.phone, h.address FROM read_parquet('warehouse/households/*/*.parquet') h WHERE h.id = 'H00001';";
    let masked = run_sql(dir.path(), &[("q.sql", sql.to_string())]);
    // examples/xiawo/households.csv: H00001,阳光新村1号楼1单元102室,…,13758708776 (phone masked to
    // its first three and last four digits, the door number to ***).
    assert_eq!(masked[0]["phone"], "137****8776");
    assert_eq!(masked[0]["address"], "阳光新村1号楼1单元***室");
    let marker = std::fs::read_to_string(dir.path().join("warehouse/_gov_export.json")).unwrap();
    assert!(marker.contains("\"masked\": true"), "{marker}");

    let said = export(dir.path(), &dir.path().join("data"), &["--unmask"]);
    assert!(said.contains("unmasked: phones, ID and card numbers and door numbers are in full"), "{said}");
    let unmasked = run_sql(dir.path(), &[("q.sql", sql.to_string())]);
    let source = std::fs::read_to_string(dir.path().join("data/households.csv")).unwrap();
    let line = source.lines().find(|l| l.starts_with("H00001,")).unwrap();
    assert!(line.contains(unmasked[0]["phone"].as_str().unwrap()), "{line}");
    assert!(line.contains(unmasked[0]["address"].as_str().unwrap()), "{line}");
    assert_eq!(unmasked[0]["address"], "阳光新村1号楼1单元102室");
    assert_eq!(unmasked[0]["phone"], "13758708776");
}

#[test]
fn two_communities_through_the_library_are_two_partitions() {
    let root = Path::new(ROOT).join("examples/xiawo");
    let copy = tempfile::tempdir().unwrap();
    copy_dir(&root, copy.path());
    let loaded = gov::load::load_with(
        copy.path(),
        gov::load::LoadOptions { visit_text: true, cache: false, ..Default::default() },
    )
    .unwrap();
    let ds = &loaded.dataset;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("warehouse");
    let written =
        gov::warehouse::write_dataset(&out, &[("夏窝社区", ds), ("河湾/东", ds)], gov::warehouse::Mask::Masked)
            .unwrap();
    // The demo's 5,420 visits in 12 months, twice; one file per other table and community.
    let visits = written.iter().find(|w| w.table == "visits").unwrap();
    assert_eq!((visits.files, visits.rows), (24, 10_840));
    assert!(written.iter().filter(|w| w.table != "visits").all(|w| w.files == 2));
    assert!(out.join("visits/community=河湾%2F东/year=2022/month=10/part-0.parquet").is_file());
    assert!(out.join("members/community=夏窝社区/part-0.parquet").is_file());
    // No temporary folder is left beside it.
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, vec![std::ffi::OsString::from("warehouse")]);

    let per_community = run_sql(
        dir.path(),
        &[
            ("views.sql", sql_block("views")),
            ("q.sql", "SELECT community, count(*) AS n FROM visits GROUP BY ALL ORDER BY community;".into()),
        ],
    );
    let got: Vec<(String, i64)> = per_community
        .iter()
        .map(|r| (r["community"].as_str().unwrap().to_string(), r["n"].as_i64().unwrap()))
        .collect();
    // DuckDB decodes the partition value as written (percent-encoded, `%2F`).
    assert_eq!(got.len(), 2);
    assert!(got.iter().all(|(_, n)| *n == 5420), "{got:?}");
    // The stats SQL gives each community the demo's own figures.
    let data = dir.path().join("data");
    copy_dir(&root, &data);
    for (community, _) in &got {
        assert_stats_agree(dir.path(), &data, community, "2022-12-31", ("2022-12-01", "2022-12-31"));
    }
}

#[test]
fn an_earlier_export_is_replaced_and_anything_else_needs_force() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&Path::new(ROOT).join("examples/xiawo"), &dir.path().join("data"));
    let data = dir.path().join("data");
    let run = |out: &str, extra: &[&str]| {
        gov(dir.path())
            .arg("--data")
            .arg(&data)
            .args(["--lang", "en", "export", "--format", "parquet", "--out", out])
            .args(extra)
            .output()
            .unwrap()
    };
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::write(dir.path().join("mine/notes.txt"), "keep me").unwrap();
    let refused = run("mine", &[]);
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr),
        "Error: mine is not empty and is not an earlier gov export: nothing was written\n\
         Hint: name a new or empty folder, or pass --force to replace it and everything in it\n"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("mine/notes.txt")).unwrap(), "keep me");
    // A new folder, then the same again: the earlier export is replaced without --force.
    assert_eq!(run("warehouse", &[]).status.code(), Some(0));
    std::fs::write(dir.path().join("warehouse/members/stale.parquet"), "x").unwrap();
    assert_eq!(run("warehouse", &[]).status.code(), Some(0));
    assert!(!dir.path().join("warehouse/members/stale.parquet").exists());
    // --force replaces the folder that was refused.
    assert_eq!(run("mine", &["--force"]).status.code(), Some(0));
    assert!(!dir.path().join("mine/notes.txt").exists());
    assert!(dir.path().join("mine/_gov_export.json").is_file());
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 3, "no temporary folder left: {names:?}");
    // The monthly pack's options do not apply.
    let month = run("warehouse", &["--month", "2022-10"]);
    assert_eq!(month.status.code(), Some(2));
}

// ---- random folders: DuckDB's counts equal gov's ----

/// A small random folder: members of each kind and status, households linked to some of them,
/// visits over 2024, and problems with random event histories (some out of order, which gov
/// reports as errors; both sides read the same records).
#[derive(Debug, Clone)]
struct Folder {
    /// (kind, status, month registered)
    members: Vec<(u8, u8, Option<u8>)>,
    /// Each household's contacts (member numbers).
    households: Vec<Vec<usize>>,
    /// (month, day, member, household, method)
    visits: Vec<(u8, u8, usize, usize, u8)>,
    issues: Vec<RandomIssue>,
}

/// (month and day received, urgency, recorded by, events as (action, month, day, verdict)).
type RandomIssue = (u8, u8, u8, Option<usize>, Vec<(u8, u8, u8, u8)>);

fn folder() -> impl Strategy<Value = Folder> {
    let members = prop::collection::vec((0u8..3, 0u8..4, prop::option::of(1u8..13)), 1..12);
    members.prop_flat_map(|members| {
        let n = members.len();
        let households = prop::collection::vec(prop::collection::vec(0..n, 0..3), 1..15);
        let visits = prop::collection::vec((1u8..13, 1u8..29, 0..n, 0usize..15, 0u8..5), 1..60);
        let events = prop::collection::vec((0u8..9, 1u8..13, 1u8..29, 0u8..6), 0..6);
        let issues = prop::collection::vec((1u8..13, 1u8..29, 0u8..3, prop::option::of(0..n), events), 0..12);
        (Just(members), households, visits, issues).prop_map(|(members, households, visits, issues)| Folder {
            members,
            households,
            visits,
            issues,
        })
    })
}

fn write_folder(dir: &Path, f: &Folder) {
    let kinds = ["resident", "in_service", "mobile"];
    let statuses = ["active", "active", "transferred", "inactive"];
    std::fs::write(dir.join("gov.yaml"), "name: 随机社区\nlang: zh\n").unwrap();
    std::fs::write(dir.join("grids.yaml"), "- {id: G0, name: 随机社区, level: 1}\n").unwrap();
    let mut members = String::from("id,name,kind,grid,phone,registered,status\n");
    for (i, (k, s, reg)) in f.members.iter().enumerate() {
        let reg = reg.map_or(String::new(), |m| format!("2024-{m:02}-10"));
        members += &format!("M{i},党员{i},{},G0,1380000{i:04},{reg},{}\n", kinds[*k as usize], statuses[*s as usize]);
    }
    std::fs::write(dir.join("members.csv"), members).unwrap();
    let mut households = String::from("id,address,grid,head,phone,color,contacts\n");
    for (i, contacts) in f.households.iter().enumerate() {
        let c: Vec<String> = contacts.iter().map(|m| format!("M{m}")).collect();
        households += &format!("H{i},幸福里{i}号楼101室,G0,户主{i},13900001111,green,{}\n", c.join(";"));
    }
    std::fs::write(dir.join("households.csv"), households).unwrap();
    std::fs::create_dir(dir.join("visits")).unwrap();
    let methods = ["home", "phone", "wechat", "video", "group"];
    let mut months: BTreeMap<u8, String> = BTreeMap::new();
    for (m, d, member, h, method) in &f.visits {
        let h = h % f.households.len();
        let row = format!("2024-{m:02}-{d:02},M{member},H{h},{},走访{member}\n", methods[*method as usize]);
        months.entry(*m).or_insert_with(|| "date,member,household,method,summary\n".into()).push_str(&row);
    }
    for (m, text) in months {
        std::fs::write(dir.join(format!("visits/2024-{m:02}.csv")), text).unwrap();
    }
    std::fs::create_dir(dir.join("issues")).unwrap();
    let urgencies = ["urgent", "normal", "complex"];
    let actions =
        ["dispatched", "whistle", "progress", "resolved", "feedback", "feedback", "reopened", "closed", "resolved"];
    let satisfactions = ["satisfied", "basic", "unsatisfied", "unreachable"];
    for (n, (m, d, u, by, events)) in f.issues.iter().enumerate() {
        let mut y = format!(
            "id: I{n}\ntitle: 问题{n}\nreceived: 2024-{m:02}-{d:02}\ncategory: water\nurgency: {}\n",
            urgencies[*u as usize]
        );
        if let Some(by) = by {
            y += &format!("recorded_by: M{by}\n");
        }
        y += "events:\n";
        for (a, em, ed, x) in events {
            let action = actions[*a as usize];
            y += &format!("  - {{date: 2024-{em:02}-{ed:02}, action: {action}");
            match action {
                "whistle" => y += ", departments: [城管局]",
                "feedback" if *x < 4 => {
                    y += &format!(
                        ", satisfaction: {}, solved: {}",
                        satisfactions[*x as usize],
                        if x % 2 == 0 { "yes" } else { "no" }
                    )
                }
                _ => {}
            }
            y += "}\n";
        }
        if events.is_empty() {
            y = y.replace("events:\n", "");
        }
        std::fs::write(dir.join(format!("issues/I{n}.yaml")), y).unwrap();
    }
    let gov_yaml = "name: 随机社区\nlang: zh\ndepartments: [城管局]\n";
    std::fs::write(dir.join("gov.yaml"), gov_yaml).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn duckdb_counts_equal_gov_counts_on_random_folders(f in folder()) {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        write_folder(&data, &f);
        export(dir.path(), &data, &[]);
        for month in [("2024-06-01", "2024-06-30"), ("2024-12-01", "2024-12-31")] {
            assert_stats_agree(dir.path(), &data, "随机社区", "2024-12-31", month);
        }
    }
}

// ---- what the command says ----

/// The export of tests/fixtures/issues, in English and Chinese: its 4 grids, 2 members, 2
/// households and 10 problems (as `gov check` counts them), no visits (so no `visits` folder),
/// and the note on masking; then the refusal of a folder that is not an earlier export.
#[test]
fn the_export_says_what_it_wrote_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&common::fixture_path("issues"), &dir.path().join("data"));
    std::fs::create_dir(dir.path().join("mine")).unwrap();
    std::fs::write(dir.path().join("mine/notes.txt"), "x").unwrap();
    let mut said = String::new();
    for lang in ["en", "zh"] {
        for (out, extra) in [("warehouse", &[][..]), ("warehouse", &["--unmask"][..]), ("mine", &[][..])] {
            let mut cmd = gov(dir.path());
            cmd.args(["--data", "data", "--today", "2024-12-31", "--lang", lang, "export", "--format", "parquet"])
                .args(["--out", out])
                .args(extra);
            said += &common::Outcome::of(&mut cmd).snapshot(&[dir.path()]);
        }
    }
    insta::assert_snapshot!(said);
}

/// A generated town of 20 communities (examples/generate.rs `--scale town`): the documented stats
/// SQL gives each community exactly its own `gov stats`, and the documented town query gives
/// the town's `gov stats` counts.
#[test]
fn the_documented_sql_reproduces_gov_stats_on_a_town() {
    let dir = tempfile::tempdir().unwrap();
    let town = dir.path().join("town");
    let generate = Path::new(env!("CARGO_BIN_EXE_gov"))
        .parent()
        .unwrap()
        .join("examples")
        .join(format!("generate{}", std::env::consts::EXE_SUFFIX));
    let made = std::process::Command::new(&generate)
        .args(["--scale", "town", "--seed", "1", "--out"])
        .arg(&town)
        .output()
        .unwrap_or_else(|e| panic!("{} (cargo test builds it): {e}", generate.display()));
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    export(dir.path(), &town, &[]);
    let month = ("2022-10-01", "2022-10-31");
    let stats = stats_sql(month);
    let duck = run_sql(dir.path(), &[("views.sql", sql_block("views")), ("stats.sql", stats.clone())]);
    for i in 1..=20 {
        let data = town.join(format!("c{i:02}"));
        let ours = gov_json(&data, "2022-12-31", &["stats", "--month", "2022-10"]);
        let yaml = std::fs::read_to_string(data.join("gov.yaml")).unwrap();
        let community = yaml.lines().find_map(|l| l.strip_prefix("name: ")).expect("a name").to_string();
        let theirs = figures(duck.iter().filter(|r| r["community"] == community.as_str()));
        assert_eq!(theirs.len(), 50, "{community}: 25 figures in each of two scopes");
        let ours = figures(ours["rows"].as_array().unwrap().iter().map(|r| r.as_object().unwrap()));
        for (key, values) in &theirs {
            assert_eq!(Some(values), ours.get(key), "{community} {key:?}");
        }
    }
    // The query's rows as a table, as the doc says: `CREATE TABLE community_stats AS` before its WITH.
    let with = stats.find("\nWITH").expect("the stats query starts WITH");
    let table = format!("{}\nCREATE TABLE community_stats AS{}", &stats[..with], &stats[with..]);
    let summed = run_sql(
        dir.path(),
        &[("views.sql", sql_block("views")), ("table.sql", table), ("town.sql", sql_block("town"))],
    );
    let ours = gov_json(&town, "2022-12-31", &["stats", "--month", "2022-10"]);
    let ours = figures(ours["rows"].as_array().unwrap().iter().map(|r| r.as_object().unwrap()));
    let summed = figures(summed.iter());
    assert_eq!(summed.len(), 2 * (25 - 7), "every count figure of both scopes (the 7 rates left out)");
    for (key, values) in &summed {
        assert_eq!(Some(values), ours.get(key), "the town's {key:?}");
    }
}

/// A personal number typed into a column that is not a phone's (a household head's name, here)
/// is masked in the export as in every report.
#[test]
fn a_phone_in_any_text_column_is_masked() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&Path::new(ROOT).join("examples/xiawo"), &data);
    let path = data.join("households.csv");
    let text = std::fs::read_to_string(&path).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let i = lines.iter().position(|l| l.starts_with("H00001,")).unwrap();
    let mut cells: Vec<String> = lines[i].split(',').map(str::to_string).collect();
    let head = cells.iter().position(|c| c == "李博").expect("H00001's head is 李博");
    cells[head] = "李博13912345678".into();
    lines[i] = cells.join(",");
    std::fs::write(&path, lines.join("\r\n") + "\r\n").unwrap();
    export(dir.path(), &data, &[]);
    let sql = "SELECT head FROM read_parquet('warehouse/households/*/*.parquet') WHERE id = 'H00001';";
    assert_eq!(run_sql(dir.path(), &[("q.sql", sql.to_string())])[0]["head"], "李博139****5678");
}

/// `--out` naming the data folder, or a folder holding it, is refused even with `--force`:
/// the records are never replaced by their export.
#[test]
fn the_export_never_replaces_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    copy_dir(&Path::new(ROOT).join("examples/xiawo"), &data);
    for out in [data.clone(), dir.path().to_path_buf(), data.join(".")] {
        let before = std::fs::read(data.join("households.csv")).unwrap();
        let o = gov(dir.path())
            .arg("--data")
            .arg(&data)
            .args(["--lang", "en", "export", "--format", "parquet", "--force", "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(
            String::from_utf8_lossy(&o.stderr).contains("holds the data folder"),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(std::fs::read(data.join("households.csv")).unwrap(), before);
    }
}

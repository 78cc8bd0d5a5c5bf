//! Malformed input never crashes `gov check`: each case ends as findings or a clear error (exit 1
//! or 2), with no panic, within a time bound and with the address space capped at about 2 GB.
//! Big inputs are generated here into a temp dir, never committed.

mod common;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use common::{Outcome, TIME_LIMIT, TODAY, copy_fixture, fixture_path};
use tempfile::TempDir;

/// `gov --data <dir> --today … check` under `ulimit -v 2000000` (about 2 GB of address space).
fn check_bounded(dir: &Path) -> Outcome {
    let mut cmd = Command::new("/bin/sh");
    cmd.env_clear()
        .current_dir(dir)
        .timeout(TIME_LIMIT)
        .arg("-c")
        .arg(r#"ulimit -v 2000000; exec "$0" "$@""#)
        .arg(env!("CARGO_BIN_EXE_gov"))
        .arg("--data")
        .arg(dir)
        .args(["--today", TODAY, "--lang", "en", "check"]);
    Outcome::of(&mut cmd)
}

/// Exit 1 (findings) or 2 (error), and no panic.
fn assert_handled(out: &Outcome) {
    assert!(!out.stderr.contains("panicked"), "gov panicked:\n{}", out.stderr);
    assert!(out.code.is_some(), "killed after {:?} (time limit {TIME_LIMIT:?}, or out of memory)", out.elapsed);
    assert!(
        matches!(out.code, Some(1 | 2)),
        "exit {:?}, want 1 or 2\nstdout: {}\nstderr: {}",
        out.code,
        head(&out.stdout),
        head(&out.stderr)
    );
}

fn head(s: &str) -> &str {
    let end = s.char_indices().nth(2000).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// A folder with only a gov.yaml.
fn minimal() -> TempDir {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("gov.yaml"), "name: 幸福社区\n").unwrap();
    tmp
}

fn write(dir: &Path, rel: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

/// Deterministic pseudo-random bytes (xorshift64*), so failures reproduce.
fn junk(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed;
    (0..len)
        .map(|_| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

/// A fixture file cut at the first occurrence of `at` (keeping `at`).
fn cut_after(fixture: &str, at: &str) -> Vec<u8> {
    let bytes = fs::read(fixture_path(fixture)).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    let end = text.find(at).unwrap_or_else(|| panic!("{at:?} not in {fixture}")) + at.len();
    bytes[..end].to_vec()
}

// ---- truncated files ---------------------------------------------------------------------------

#[test]
fn truncated_yaml() {
    // The issue file cut in the middle of its fourth event's `department` key.
    let dir = copy_fixture("clean");
    let cut = cut_after("clean/issues/2022/I-2022-001.yaml", "    action: 报到\n    depar");
    write(dir.path(), "issues/2022/I-2022-001.yaml", &cut);
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("truncated-yaml", out.snapshot(&[dir.path()]));

    // grids.yaml cut inside a record, between two fields.
    let dir = copy_fixture("clean");
    write(dir.path(), "grids.yaml", cut_after("clean/grids.yaml", "- id: G1-1-3\n  na"));
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("truncated-yaml-grids", out.snapshot(&[dir.path()]));
}

#[test]
fn truncated_csv_inside_a_quoted_field() {
    // A visit row cut inside its quoted summary: fewer fields than the header.
    let dir = copy_fixture("clean");
    let mut csv = fs::read(fixture_path("clean/visits/2022-11.csv")).unwrap();
    csv.extend_from_slice("2022-11-29,M001,H001,入户,\"看望老人，询问".as_bytes());
    write(dir.path(), "visits/2022-11.csv", csv);
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("truncated-csv", out.snapshot(&[dir.path()]));
}

/// When the cut falls in the last column, the row has all its fields and the open quote is taken
/// as the end of the value: the truncated visit is accepted without a word.
#[test]
fn truncated_csv_inside_the_last_quoted_field() {
    let dir = copy_fixture("clean");
    write(
        dir.path(),
        "visits/2022-12.csv",
        "date,member,household,method,summary\n2022-12-20,M001,H001,入户,\"看望老人，询问",
    );
    let out = check_bounded(dir.path());
    assert_handled(&out);
}

/// A UTF-8 file cut in the middle of a Chinese character is not valid UTF-8, so the whole file is
/// decoded as GB18030: every Chinese value turns to mojibake and nothing is reported.
#[test]
fn truncated_utf8_inside_a_character() {
    let dir = copy_fixture("clean");
    let mut csv = "date,member,household,method,summary\n2022-12-20,M001,H001,home,电话问".as_bytes().to_vec();
    csv.pop(); // cut 问 after two of its three bytes
    write(dir.path(), "visits/2022-12.csv", csv);
    let out = check_bounded(dir.path());
    assert_handled(&out);
}

// ---- not text ----------------------------------------------------------------------------------

#[test]
fn binary_junk_as_members_csv() {
    let dir = minimal();
    let bytes = junk(0x5EED_0001, 64 * 1024);
    assert!(bytes.contains(&0));
    write(dir.path(), "members.csv", bytes);
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("junk-members-csv", out.snapshot(&[dir.path()]));
}

#[test]
fn binary_junk_as_an_issue_file() {
    let dir = minimal();
    write(dir.path(), "issues/2022/I-2022-001.yaml", junk(0x5EED_0002, 64 * 1024));
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("junk-issue-yaml", out.snapshot(&[dir.path()]));
}

/// The finding lines of a `gov check` text run (`file:line: severity[code] …`).
fn finding_lines(out: &Outcome) -> Vec<&str> {
    out.stdout.lines().filter(|l| l.contains(": error[") || l.contains(": warning[")).collect()
}

/// An Excel workbook saved where households.csv belongs: one finding saying what it is and what
/// to do, not one per line of mojibake. The bytes are shaped like an xlsx (a ZIP whose entries
/// are under `xl/`), with compressed-looking junk that GB18030 alone would take for text.
#[test]
fn an_xlsx_where_a_csv_belongs_is_one_finding() {
    let dir = minimal();
    let mut xlsx = b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00".to_vec();
    xlsx.extend(b"\x00\x00\x00\x00\x13\x00\x00\x00[Content_Types].xml");
    xlsx.extend(junk(0x5EED_0003, 32 * 1024).iter().map(|b| b.max(&1)));
    xlsx.extend(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00xl/workbook.xml");
    xlsx.extend(junk(0x5EED_0004, 32 * 1024));
    write(dir.path(), "households.csv", xlsx);
    let out = check_bounded(dir.path());
    assert_handled(&out);
    assert_eq!(finding_lines(&out).len(), 1, "{}", out.stdout);
    insta::assert_snapshot!("xlsx-households-csv", out.snapshot(&[dir.path()]));
}

/// UTF-16 (what Excel's "Unicode text" writes), with its byte order mark and without: one
/// finding each.
#[test]
fn utf16_is_one_finding_with_or_without_a_bom() {
    let rows: String =
        (0..2_000).map(|i| format!("H{i:04},幸福里{i}号,某某,G1,green,M001\n")).collect::<Vec<_>>().concat();
    let text = format!("id,address,head,grid,color,contacts\n{rows}");
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for (name, bytes) in [("bom", [b"\xFF\xFE".as_slice(), &le].concat()), ("no-bom", le.clone())] {
        let dir = minimal();
        write(dir.path(), "households.csv", &bytes);
        let out = check_bounded(dir.path());
        assert_handled(&out);
        assert_eq!(finding_lines(&out).len(), 1, "{name}: {}", out.stdout);
        insta::assert_snapshot!(format!("utf16le-households-csv-{name}"), out.snapshot(&[dir.path()]));
    }
}

/// Junk made only of the characters that matter to CSV and YAML (quotes, separators, brackets,
/// anchors, newlines, Chinese), so it gets past decoding and into the parsers.
#[test]
fn syntax_junk_reaches_the_parsers_and_is_handled() {
    let alphabet: Vec<char> = ",;；、\"'\n\r:-[]{}&*!|>#%@? \tM0H1G-_.入户红吹哨".chars().collect();
    for seed in 1..=8u64 {
        let text: String = junk(seed, 8 * 1024).into_iter().map(|b| alphabet[b as usize % alphabet.len()]).collect();
        let dir = copy_fixture("clean");
        write(dir.path(), "households.csv", &text);
        write(dir.path(), "issues/2022/I-2022-001.yaml", &text);
        write(dir.path(), "visits/2022-12.yaml", &text);
        let out = check_bounded(dir.path());
        assert_handled(&out);
        assert!(out.stdout.contains("error[") || out.stdout.contains("错误["), "seed {seed}: no error reported");
    }
}

#[test]
fn neither_utf8_nor_gb18030() {
    let dir = minimal();
    write(dir.path(), "members.csv", b"\x80\xFF".repeat(1000));
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("not-gb18030", out.snapshot(&[dir.path()]));
}

// ---- big and hostile ---------------------------------------------------------------------------

const FIFTY_MB: usize = 50 * 1024 * 1024;

#[test]
fn fifty_mb_single_line_csv() {
    let dir = minimal();
    // No comma and no newline: one header cell of 50 MB.
    let text = "走访记录".repeat(FIFTY_MB / "走访记录".len());
    write(dir.path(), "visits/2022-01.csv", text);
    let out = check_bounded(dir.path());
    assert_handled(&out);
    assert!(
        out.stdout
            .contains("visits/2022-01.csv:1: error[missing-field] required column `date` is missing from the header")
    );
    assert!(out.stdout.contains("warning[unknown-field]"));
}

/// The 50 MB header cell is echoed whole in the unknown-field message (and so on every line of a
/// CI log): values in messages should be shortened.
#[test]
fn fifty_mb_single_line_csv_output_stays_small() {
    let dir = minimal();
    write(dir.path(), "visits/2022-01.csv", "走访记录".repeat(FIFTY_MB / "走访记录".len()));
    let out = check_bounded(dir.path());
    assert_handled(&out);
    assert!(out.stdout.len() < 64 * 1024, "stdout is {} bytes", out.stdout.len());
}

/// A single-line CSV of many distinct short cells: the header check compares each column name
/// with every earlier one (quadratic). 40,000 columns (270 KB) take ~13 s in a debug build; the
/// 50 MB version (~6 million columns) would run for days.
#[test]
fn single_line_csv_with_many_columns() {
    let dir = minimal();
    let header: Vec<String> = (0..150_000).map(|i| format!("c{i}")).collect();
    write(dir.path(), "visits/2022-01.csv", header.join(","));
    let out = check_bounded(dir.path());
    assert_handled(&out);
}

#[test]
fn fifty_mb_single_line_yaml() {
    let dir = minimal();
    write(dir.path(), "members.yaml", "x".repeat(FIFTY_MB));
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("fifty-mb-yaml", out.snapshot(&[dir.path()]));
}

#[test]
fn deeply_nested_yaml() {
    let dir = minimal();
    write(dir.path(), "issues/2022/deep.yaml", "[".repeat(100_000));
    write(dir.path(), "members.yaml", format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)));
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("deep-yaml", out.snapshot(&[dir.path()]));
}

#[test]
fn alias_bomb_yaml() {
    // "Billion laughs": nine levels of nine aliases each expand to 9^9 (387 million) strings.
    let mut text =
        String::from("a0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    for i in 1..=9 {
        let refs = vec![format!("*a{}", i - 1); 9].join(", ");
        text.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    let dir = minimal();
    write(dir.path(), "issues/2022/lol.yaml", &text);
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("alias-bomb", out.snapshot(&[dir.path()]));
}

// ---- gov.yaml ----------------------------------------------------------------------------------

#[test]
fn empty_gov_yaml() {
    let dir = minimal();
    write(dir.path(), "gov.yaml", "");
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("empty-gov-yaml", out.snapshot(&[dir.path()]));
}

#[test]
fn gov_yaml_that_is_a_list() {
    let dir = minimal();
    write(dir.path(), "gov.yaml", "- name: 幸福社区\n- name: 和平社区\n");
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("gov-yaml-list", out.snapshot(&[dir.path()]));
}

/// A one-item list is refused like any list, not taken as the mapping.
#[test]
fn gov_yaml_that_is_a_one_item_list() {
    let dir = minimal();
    write(dir.path(), "gov.yaml", "- name: 幸福社区\n");
    let out = check_bounded(dir.path());
    assert_handled(&out);
    assert!(out.stdout.contains("expected one mapping of setting: value, found a list"), "{}", out.stdout);
}

#[test]
fn gov_yaml_with_a_syntax_error() {
    let dir = minimal();
    write(dir.path(), "gov.yaml", "name: 幸福社区\ndepartments: [城管局\n");
    let out = check_bounded(dir.path());
    assert_handled(&out);
    insta::assert_snapshot!("gov-yaml-syntax-error", out.snapshot(&[dir.path()]));
}

/// Besides the YAML error, a bogus "gov.yaml is empty" finding is reported for a file that is not
/// empty at all.
#[test]
fn gov_yaml_with_a_syntax_error_is_reported_once() {
    let dir = minimal();
    write(dir.path(), "gov.yaml", "name: 幸福社区\ndepartments: [城管局\n");
    let out = check_bounded(dir.path());
    assert_handled(&out);
    assert!(!out.stdout.contains("gov.yaml is empty"), "{}", out.stdout);
    assert_eq!(out.text_findings().len(), 1, "{}", out.stdout);
}

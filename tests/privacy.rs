//! Personal numbers never leak: every read command, in every format, on a folder full of them
//! (`tests/fixtures/privacy`), prints none of them, in stdout, stderr or exported files; with
//! `--unmask` they are there.

mod common;

use std::path::Path;

use common::{Outcome, copy_fixture, gov};

/// The numbers in the fixture, as digits: phones, ID numbers, cards.
const NUMBERS: &[&str] = &[
    "13666667777",
    "13600001111",
    "13700002222",
    "13844445555",
    "13900006666",
    "13822223333",
    "110105194912310021",
    "11010519491231002X",
    "6222021234567890128",
    "037166781234",
    "15000007777",
    "410102850315123",
    "13900004444",
    "4111111111111111",
    "13500005555",
    "037166789999",
    // members.csv
    "13812345678",
    "13912345678",
];

/// Door numbers, as the addresses and texts hold them.
const DOORS: &[&str] = &["101室", "１０２室", "301室", "501室", "201室", "单元１０２"];

/// Output with full-width digits as ASCII and the separators people type dropped, so a number
/// is found however it was written.
fn normalised(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            '\u{FF10}'..='\u{FF19}' => char::from_u32(c as u32 - 0xFF10 + '0' as u32),
            'Ｘ' => Some('X'),
            ' ' | '\u{3000}' | '-' | '－' | '.' | '(' | ')' | '（' | '）' | '+' | '＋' => None,
            c => Some(c),
        })
        .collect()
}

fn leaks(text: &str) -> Vec<String> {
    let n = normalised(text);
    let mut found: Vec<String> = NUMBERS.iter().filter(|x| n.contains(*x)).map(|x| x.to_string()).collect();
    found.extend(DOORS.iter().filter(|d| text.contains(*d)).map(|d| d.to_string()));
    found
}

fn run(dir: &Path, args: &[&str]) -> Outcome {
    let mut cmd = gov(dir);
    cmd.arg("--data").arg(dir).args(["--today", "2024-01-31"]).args(args);
    Outcome::of(&mut cmd)
}

/// Every read command with a `--format`, and the formats it offers.
fn commands() -> Vec<(Vec<&'static str>, Vec<&'static str>)> {
    let all = vec!["table", "csv", "json", "md"];
    vec![
        (vec!["report", "--month", "2024-01"], all.clone()),
        (vec!["report", "issues", "--month", "2024-01"], all.clone()),
        (vec!["report", "whistles", "--month", "2024-01"], all.clone()),
        (vec!["stats", "--month", "2024-01"], all.clone()),
        (vec!["due"], all.clone()),
        (vec!["visit", "list", "--month", "2024-01"], all.clone()),
        (vec!["issue", "list"], all.clone()),
        (vec!["issue", "show", "I-2024-0001"], all.clone()),
        (vec!["org", "list"], all.clone()),
    ]
}

#[test]
fn no_number_leaks_from_any_command_in_any_format() {
    let dir = copy_fixture("privacy");
    let d = dir.path();
    let mut ran = 0;
    for (args, formats) in commands() {
        for format in formats {
            let mut a = args.clone();
            a.extend(["--format", format]);
            let out = run(d, &a);
            assert!(out.code.is_some_and(|c| c <= 1), "{a:?}: {}", out.stderr);
            let found = leaks(&format!("{}{}", out.stdout, out.stderr));
            assert!(found.is_empty(), "{a:?} leaks {found:?}:\n{}{}", out.stdout, out.stderr);
            ran += 1;
        }
    }
    for format in ["text", "json"] {
        let out = run(d, &["check", "--format", format]);
        let found = leaks(&format!("{}{}", out.stdout, out.stderr));
        assert!(found.is_empty(), "check {format} leaks {found:?}:\n{}", out.stdout);
        ran += 1;
    }
    assert_eq!(ran, 38);
}

/// A written file's text: a workbook's every cell (read with calamine), one a line.
fn file_text(path: &std::path::Path) -> String {
    use calamine::Reader;
    if path.extension().is_some_and(|e| e == "xlsx") {
        let mut book = calamine::open_workbook_auto(path).unwrap();
        let mut text = String::new();
        for name in book.sheet_names().to_vec() {
            for (_, _, cell) in book.worksheet_range(&name).unwrap().used_cells() {
                text.push_str(&cell.to_string());
                text.push('\n');
            }
        }
        return text;
    }
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn export_writes_no_number() {
    let dir = copy_fixture("privacy");
    let out_dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["export", "--month", "2024-01", "--out", out_dir.path().to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(leaks(&format!("{}{}", out.stdout, out.stderr)).is_empty());
    let mut files = 0;
    for entry in std::fs::read_dir(out_dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let text = file_text(&path);
        let found = leaks(&text);
        assert!(found.is_empty(), "{} leaks {found:?}:\n{text}", path.display());
        files += 1;
    }
    assert!(files >= 5, "{files} files");
}

#[test]
fn unmask_shows_them() {
    let dir = copy_fixture("privacy");
    let d = dir.path();
    let visits = run(d, &["visit", "list", "--month", "2024-01", "--format", "csv", "--unmask"]);
    let issue = run(d, &["issue", "show", "I-2024-0001", "--format", "json", "--unmask"]);
    let text = format!("{}{}", visits.stdout, issue.stdout);
    for shown in [
        "13822223333",
        "110105194912310021",
        "6222021234567890128",
        "037166781234",
        "13900004444",
        "4111111111111111",
        "13500005555",
        "101室",
    ] {
        assert!(leaks(&text).contains(&shown.to_string()), "{shown} not shown:\n{text}");
    }
    let out_dir = tempfile::tempdir().unwrap();
    let out = run(d, &["export", "--month", "2024-01", "--unmask", "--out", out_dir.path().to_str().unwrap()]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let all: String = std::fs::read_dir(out_dir.path()).unwrap().map(|e| file_text(&e.unwrap().path())).collect();
    assert!(normalised(&all).contains("13822223333"), "{all}");
}

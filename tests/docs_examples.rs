//! The Chinese guide's examples are real output (issue 12, part 6). Every ```` ```console ````
//! block in README.zh-CN.md and docs/zh/*.md starts with `$ gov ARGS` (optionally
//! `| head -N`) and shows what gov prints; this test runs each one on a copy of
//! examples/xiawo (one copy per file, so a file's blocks run in order, like a session), with
//! today pinned to 2022-12-31 and a terminal 100 columns wide, and compares.
//! `scripts/docs-examples.py` rewrites the blocks from real output after a change.

mod common;

use std::path::{Path, PathBuf};

use common::{copy_dir, gov};

const TODAY: &str = "2022-12-31";
const COLUMNS: &str = "100";

struct Example {
    line: usize,
    command: String,
    expected: String,
}

fn examples(doc: &str) -> Vec<Example> {
    let mut out = Vec::new();
    let mut lines = doc.lines().enumerate();
    while let Some((i, l)) = lines.next() {
        if l.trim() != "```console" {
            continue;
        }
        let Some((_, first)) = lines.next() else { break };
        let command =
            first.strip_prefix("$ ").unwrap_or_else(|| panic!("line {}: a console block starts with `$ gov`", i + 2));
        let mut expected = String::new();
        for (_, l) in lines.by_ref() {
            if l == "```" {
                break;
            }
            expected.push_str(l);
            expected.push('\n');
        }
        out.push(Example { line: i + 1, command: command.to_string(), expected });
    }
    out
}

/// Runs `gov ARGS [| head -N]` in `dir`: standard output, then standard error.
fn run(dir: &Path, command: &str) -> String {
    let (command, head) = match command.split_once(" | head -") {
        Some((c, n)) => (c, Some(n.trim().parse::<usize>().expect("head -N"))),
        None => (command, None),
    };
    let words: Vec<String> = split_words(command);
    assert_eq!(words.first().map(String::as_str), Some("gov"), "{command}");
    let out = gov(dir).env("GOV_TODAY", TODAY).env("COLUMNS", COLUMNS).args(&words[1..]).output().unwrap();
    let mut text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&out.stderr));
    match head {
        Some(n) => text.lines().take(n).map(|l| format!("{}\n", l.trim_end())).collect(),
        None => text.lines().map(|l| format!("{}\n", l.trim_end())).collect(),
    }
}

/// Words as a shell splits them: spaces, and '…' or "…" quoting.
fn split_words(s: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    let mut any = false;
    for c in s.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => cur.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                any = true;
            }
            (None, c) if c.is_whitespace() => {
                if any || !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                any = false;
            }
            (None, c) => cur.push(c),
        }
    }
    if any || !cur.is_empty() {
        words.push(cur);
    }
    words
}

fn docs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![root.join("README.zh-CN.md")];
    let mut zh: Vec<PathBuf> = std::fs::read_dir(root.join("docs/zh")).unwrap().map(|e| e.unwrap().path()).collect();
    zh.sort();
    docs.extend(zh.into_iter().filter(|p| p.extension().is_some_and(|e| e == "md")));
    docs
}

#[test]
fn the_chinese_guide_shows_real_output() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/xiawo");
    let mut wrong = Vec::new();
    let mut seen = 0;
    for doc in docs() {
        let text = std::fs::read_to_string(&doc).unwrap();
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&demo, dir.path());
        for ex in examples(&text) {
            seen += 1;
            let got = run(dir.path(), &ex.command);
            if got != ex.expected {
                wrong.push(format!(
                    "{}:{}: `{}` prints\n{got}\nbut the guide shows\n{}",
                    doc.display(),
                    ex.line,
                    ex.command,
                    ex.expected
                ));
            }
        }
    }
    assert!(seen >= 10, "only {seen} examples in the Chinese guide");
    assert!(wrong.is_empty(), "{} examples differ (run scripts/docs-examples.py):\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn words_split_as_a_shell_splits_them() {
    assert_eq!(
        split_words("gov visit add --summary '看望 老人' --x \"\""),
        ["gov", "visit", "add", "--summary", "看望 老人", "--x", ""]
    );
}

//! No message is written outside the catalogue (`src/text/**`): every sentence a user can meet
//! has its Chinese beside its English there.
//!
//! The test scans the source for the places a message is made — `println!("`, `print!("`,
//! `eprintln!("`, `eprint!("`, `writeln!(…, "`, `anyhow!("`, `.context("`, `.hint("`,
//! `bail!("` — and fails when the literal holds a word (two letters in a row, or a Chinese character). It allows pure
//! format skeletons (`"{}"`, `"{}  ({})"`, `"\n"`, `"{bom}{cell}\r\n"`): they only place words
//! the catalogue made, or data; so do paths (`visits/{}-{:02}.{}`: ASCII with a `/` and no
//! space). Names inside `{…}` are not words. It skips `src/text/**` (the
//! catalogue), test code (`#[cfg(test)]` modules to the end of the file, `tests.rs` files) and
//! `src/fuzzing.rs` (a harness nobody reads the output of).

use std::path::{Path, PathBuf};

/// Everything under `src`, less the skipped (see the module's doc).
const AREAS: &[&str] = &["src"];

const OPENERS: &[&str] =
    &["println!(", "print!(", "eprintln!(", "eprint!(", "writeln!(", "anyhow!(", ".context(", ".hint(", "bail!("];

fn files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        for e in std::fs::read_dir(path).unwrap() {
            files(&e.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The first string literal's content from `s` on (`s` just after an opener), if the call
/// holds one before its first `)` at depth 0 or a line end.
fn first_literal(s: &str) -> Option<String> {
    let start = s.find('"')?;
    // Only a literal within the call's first line or two: `writeln!(out, "…")`.
    if s[..start].contains(';') || s[..start].matches('\n').count() > 2 {
        return None;
    }
    let mut out = String::new();
    let mut chars = s[start + 1..].chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
                out.push(' ');
            }
            '"' => return Some(out),
            c => out.push(c),
        }
    }
    None
}

/// Whether a literal holds a word outside its `{…}` placeholders: two letters in a row, or one
/// Chinese character. A lone Latin letter (a unit such as `s`) passes.
fn has_word(lit: &str) -> bool {
    // A path gov names (`visits/{}-{:02}.{}`) is data, not a sentence.
    if lit.contains('/') && !lit.contains(char::is_whitespace) && lit.is_ascii() {
        return false;
    }
    let mut depth = 0;
    let mut run = 0;
    for c in lit.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            // One Chinese character is a word.
            c if depth == 0 && ('\u{4e00}'..='\u{9fff}').contains(&c) => return true,
            c if depth == 0 && c.is_alphabetic() => {
                run += 1;
                if run >= 2 {
                    return true;
                }
                continue;
            }
            _ => {}
        }
        run = 0;
    }
    false
}

/// The source without its test module (from `#[cfg(test)]` to the end).
fn without_tests(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |i| &text[..i])
}

#[test]
fn no_message_is_written_outside_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = Vec::new();
    for area in AREAS {
        files(&root.join(area), &mut all);
    }
    let mut bad = Vec::new();
    for path in &all {
        let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if rel.starts_with("src/text/")
            || rel == "src/fuzzing.rs"
            || rel.ends_with("/tests.rs")
            || rel.ends_with("_tests.rs")
        {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let text = without_tests(&text);
        for opener in OPENERS {
            for (i, _) in text.match_indices(opener) {
                // `print!(` inside `eprint!(`, `println!(`: counted once, by the longer name.
                if *opener == "print!(" && text[..i].ends_with(['e', 'l']) {
                    continue;
                }
                let line = text[..i].matches('\n').count() + 1;
                if let Some(lit) = first_literal(&text[i + opener.len()..])
                    && has_word(&lit)
                {
                    bad.push(format!("{rel}:{line}: {opener}\"{lit}\""));
                }
            }
        }
    }
    assert!(bad.is_empty(), "messages written outside src/text (put them in the catalogue):\n{}", bad.join("\n"));
}

#[test]
fn skeletons_pass_and_words_do_not() {
    assert!(!has_word("{}"));
    assert!(!has_word("{}  ({})"));
    assert!(!has_word("visits/{}-{:02}.{}"));
    assert!(has_word("see visits/ for more"));
    assert!(!has_word("\\r{}"));
    assert!(!has_word("{bom}{cell}  "));
    assert!(has_word("cannot write {}"));
    assert!(has_word("已写入 {}"));
    assert!(has_word("{n} rows"));
    assert!(has_word("{n} 行"));
    assert!(!has_word("{x} s"));
}

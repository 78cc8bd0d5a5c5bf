//! Entry points for the fuzz targets in `fuzz/` (cargo-fuzz; `scripts/fuzz.sh` runs them) and
//! for tests that replay what they found. Each takes arbitrary bytes, runs one reader the way the
//! loader does, and panics only on a bug: a crash inside a reader, or two readers that should
//! agree and do not (the YAML fast path against serde-saphyr, the CSV splitter against the csv
//! crate, the visit fast path against the general visit reader). Not used by the command line.

use std::path::Path;
use std::sync::OnceLock;

use crate::layout::{CACHE_FILE, SETTINGS_FILE};
use crate::load::convert::LocalIds;
use crate::load::fields::Sink;
use crate::load::{LoadOptions, csv, load_with, visits, yaml, yaml_fast};
use crate::model::{FileId, Interner, Sym, Visit};

/// A valid gov.yaml for the folders the per-file targets build.
const SETTINGS: &str = "name: 幸福社区\nlang: zh\ndepartments: [城管局, 房产中心]\n";

/// Loads a folder holding a valid gov.yaml and `bytes` at `path` (relative, e.g.
/// `issues/2023/I-2023-001.yaml`, `households.yaml`, `visits/2023-01.csv`, or `gov.yaml`
/// itself), without the cache, and runs the error checks over it. Must never panic.
pub fn load_file(path: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    if path != SETTINGS_FILE {
        std::fs::write(root.join(SETTINGS_FILE), SETTINGS).expect("write gov.yaml");
    }
    let file = root.join(path);
    std::fs::create_dir_all(file.parent().expect("a parent")).expect("create folders");
    std::fs::write(&file, bytes).expect("write the file");
    let opts = LoadOptions { cache: false, ..LoadOptions::default() };
    if let Ok(loaded) = load_with(root, opts) {
        let _ = crate::check::errors(&loaded.dataset, None);
    }
}

/// A folder whose parse cache was written by a clean load, and that cache's bytes.
fn cached_folder() -> &'static (tempfile::TempDir, Vec<u8>) {
    static FOLDER: OnceLock<(tempfile::TempDir, Vec<u8>)> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        let files = [
            (SETTINGS_FILE, SETTINGS),
            ("grids.yaml", "- id: G1\n  name: 一网格\n"),
            ("members.yaml", "- id: M001\n  name: 张伟\n  grid: G1\n  phone: 13812345678\n"),
            ("households.yaml", "- id: H001\n  address: 19号楼2单元301\n  grid: G1\n  contact: M001\n  color: green\n"),
            ("visits/2023-01.csv", "date,member,household,method,summary\n2023-01-05,M001,H001,入户,了解情况\n"),
            ("issues/2023/I-2023-001.yaml", "id: I-2023-001\ntitle: 楼道充电\nreceived: 2023-01-06\nhousehold: H001\n"),
        ];
        for (path, text) in files {
            let file = root.join(path);
            std::fs::create_dir_all(file.parent().expect("a parent")).expect("create folders");
            std::fs::write(file, text).expect("write a file");
        }
        let opts = LoadOptions { settle_seconds: 0, ..LoadOptions::default() };
        load_with(root, opts).expect("the folder loads");
        let bytes = std::fs::read(root.join(CACHE_FILE)).unwrap_or_default();
        (dir, bytes)
    })
}

/// Replaces the parse cache of a small folder with a real cache's first bytes followed by
/// `bytes` (the first two bytes of `bytes` say how many real bytes to keep, so the fuzzer gets
/// past the header), then loads the folder through the cache. Must never panic.
pub fn cache_file(bytes: &[u8]) {
    let (dir, real) = cached_folder();
    let (keep, rest) = match bytes {
        [a, b, rest @ ..] => (usize::from(u16::from_le_bytes([*a, *b])) % (real.len() + 1), rest),
        _ => (0, bytes),
    };
    let mut cache = real[..keep].to_vec();
    cache.extend_from_slice(rest);
    std::fs::write(dir.path().join(CACHE_FILE), &cache).expect("write the cache");
    let opts = LoadOptions { settle_seconds: 0, ..LoadOptions::default() };
    let _ = load_with(dir.path(), opts);
}

/// The YAML fast reader against serde-saphyr: when [`yaml_fast::parse_simple`] answers, its
/// record must be exactly what [`yaml::parse_records_general`] gives. Panics otherwise.
pub fn yaml_pair(text: &str) {
    let general = yaml::parse_records_general(text);
    if let Some(fast) = yaml_fast::parse_simple(text) {
        assert_eq!(Ok(vec![fast]), general, "the fast YAML reader disagrees with serde-saphyr on {text:?}");
    }
    let _ = yaml::parse_mapping(text);
}

/// The visit CSV readers against the csv crate and each other: gov's splitter must split
/// `text` into the records and values the csv crate does, and the visit fast path
/// ([`visits::read_csv`]) must give the visits and findings of the general reader
/// ([`visits::read_csv_general`]). Panics otherwise.
pub fn visit_csv_pair(text: &str) {
    assert_eq!(split_ours(text), split_csv_crate(text), "gov's CSV splitter disagrees with the csv crate on {text:?}");
    let global = known_ids();
    let read = |fast: bool| {
        let mut ids = LocalIds::new(&global);
        let mut sink = Sink::new(Path::new("visits/2024-01.csv"));
        let mut out = Vec::new();
        if fast {
            visits::read_csv(text, &mut sink, &mut ids, FileId(1), true, &mut out);
        } else {
            visits::read_csv_general(text, &mut sink, &mut ids, FileId(1), true, &mut out);
        }
        let extra = ids.into_extra();
        let findings: Vec<String> = sink.findings.iter().map(|f| format!("{f:?}")).collect();
        (named(&global, &out, &extra), findings)
    };
    assert_eq!(read(true), read(false), "the visit fast path disagrees with the general reader on {text:?}");
}

fn known_ids() -> Interner {
    let mut ids = Interner::default();
    for s in ["M001", "H001", "I-2023-001"] {
        ids.intern(s);
    }
    ids
}

/// The visits with every symbol written as the id it stands for, and the new ids sorted (the
/// two readers may number new ids in different orders).
fn named(global: &Interner, visits: &[Visit], extra: &[Box<str>]) -> (String, Vec<Box<str>>) {
    const PENDING: u32 = 1 << 31; // LocalIds' mark of a symbol numbered in the file
    let raw = format!("{visits:?}");
    let mut out = String::new();
    let mut rest = raw.as_str();
    while let Some(at) = rest.find("Sym(") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 4..];
        let Some(end) = tail.find(')') else { break };
        match tail[..end].parse::<u32>() {
            Ok(n) if n & PENDING != 0 => out.push_str(&format!("`{}`", extra[(n & !PENDING) as usize])),
            Ok(n) => out.push_str(&format!("`{}`", global.name(Sym(n)))),
            Err(_) => out.push_str(&rest[at..at + 4 + end + 1]),
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    let mut extra = extra.to_vec();
    extra.sort();
    (out, extra)
}

/// Records as gov's splitter reads them: each one's line and its values.
fn split_ours(text: &str) -> Vec<(u32, Vec<String>)> {
    let mut s = csv::split::Splitter::new(text);
    let mut fields = Vec::new();
    let mut out = Vec::new();
    while let Some(r) = s.next_record(&mut fields) {
        out.push((r.line, fields.iter().map(|f| csv::split::value(text, f.clone()).into_owned()).collect()));
    }
    out
}

/// Records as the csv crate splits them, with lines counted independently.
fn split_csv_crate(text: &str) -> Vec<(u32, Vec<String>)> {
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut row = ::csv::ByteRecord::new();
    let mut out = Vec::new();
    while reader.read_byte_record(&mut row).expect("the csv crate reads any text") {
        let mut start = row.position().expect("a position").byte() as usize;
        while matches!(text.as_bytes().get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let line = text[..start].replace("\r\n", "\n").matches(['\r', '\n']).count() as u32 + 1;
        out.push((line, row.iter().map(|f| String::from_utf8_lossy(f).into_owned()).collect()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each entry point runs on a valid input and on rubbish without panicking.
    #[test]
    fn entry_points_run() {
        for bytes in [&b"id: I-2023-001\ntitle: x\n"[..], b"\xff\xfe\x00", b"- [a\n", b""] {
            load_file("issues/2023/I-2023-001.yaml", bytes);
            load_file("households.yaml", bytes);
            load_file("visits/2023-01.csv", bytes);
            load_file(SETTINGS_FILE, bytes);
            cache_file(bytes);
            let text = String::from_utf8_lossy(bytes);
            yaml_pair(&text);
            visit_csv_pair(&text);
        }
        visit_csv_pair("date,member,household,method\n2023-01-05,M001,H001,入户\n2023-01-06,M002,H9,电话\n");
        cache_file(&[0xff, 0xff]);
        assert!(!cached_folder().1.is_empty(), "the clean load wrote a cache to mutate");
    }
}

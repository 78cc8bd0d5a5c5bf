//! The cache must give exactly what parsing gives, and never a stale or damaged answer. Each
//! test loads a folder cold (`cache: false`), then through the cache, and compares the two with
//! symbols spelled out as their ids (a warm load may number new ids differently).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use proptest::prelude::*;

use super::codec::{Dec, checksum};
use super::{CACHE_FILE, Section, Stamp};
use crate::load::{LoadOptions, Loaded, load_with};
use crate::model::Kind;

// Files are aged by hand (their modification time set back), which cannot age their change
// time: these loads keep files however fresh; `files_modified_just_now_are_not_cached` and
// `racy_edits_are_never_served` use the real window.
const COLD: LoadOptions =
    LoadOptions { visit_text: true, cache: false, settle_seconds: 0, observer: &crate::load::Quiet };
const WARM: LoadOptions =
    LoadOptions { visit_text: true, cache: true, settle_seconds: 0, observer: &crate::load::Quiet };
const LEAN: LoadOptions =
    LoadOptions { visit_text: false, cache: true, settle_seconds: 0, observer: &crate::load::Quiet };

fn fixture(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    copy(&from, dir.path());
    backdate(dir.path());
    dir
}

fn copy(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).min_depth(1) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else if !entry.path().components().any(|c| c.as_os_str() == ".gov") {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Sets every data file's modification time an hour back, past the racy-file window.
fn backdate(root: &Path) {
    let past = SystemTime::now() - Duration::from_secs(3600);
    for entry in walkdir::WalkDir::new(root).into_iter().filter_entry(|e| e.file_name() != ".gov") {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            set_mtime(entry.path(), past);
        }
    }
}

fn set_mtime(path: &Path, t: SystemTime) {
    fs::File::options().write(true).open(path).unwrap().set_modified(t).unwrap();
}

/// Records and findings as text, with every `Sym(n)` replaced by the id it stands for.
fn dump(loaded: &Loaded) -> String {
    let ds = &loaded.dataset;
    let raw = format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        ds.settings, ds.files, ds.grids, ds.members, ds.households, ds.visits, ds.issues, loaded.findings
    );
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw.as_str();
    while let Some(at) = rest.find("Sym(") {
        out.push_str(&rest[..at]);
        let tail = &rest[at + 4..];
        let end = tail.find(')').unwrap();
        let sym = crate::model::Sym(tail[..end].parse().unwrap());
        out.push_str(&format!("`{}`", ds.name(sym)));
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

fn load(root: &Path, opts: LoadOptions) -> Loaded {
    load_with(root, opts).unwrap()
}

/// Files in the folder that the cache can hold (all but gov.yaml).
fn cacheable(root: &Path) -> usize {
    load(root, COLD).dataset.files.len() - 1
}

#[test]
fn a_warm_load_is_the_cold_load() {
    for name in ["reports", "issues", "parse-error", "invalid-value", "duplicate-visit", "unknown-field", "clean"] {
        let dir = fixture(name);
        let root = dir.path();
        let cold = load(root, COLD);
        let first = load(root, WARM);
        assert_eq!(first.cache.hits, 0, "{name}");
        assert!(first.cache.written, "{name}");
        let warm = load(root, WARM);
        assert_eq!(warm.cache.hits, cacheable(root), "{name}: all but gov.yaml from the cache");
        assert_eq!(warm.cache.parsed, 1, "{name}");
        assert!(!warm.cache.written, "{name}: nothing changed, nothing written");
        assert_eq!(dump(&warm), dump(&cold), "{name}");
        assert_eq!(dump(&first), dump(&cold), "{name}");
    }
}

#[test]
fn a_killed_writers_temporary_file_is_cleared_away() {
    let dir = fixture("reports");
    let root = dir.path();
    let cache_dir = root.join(CACHE_FILE).parent().unwrap().to_path_buf();
    fs::create_dir_all(&cache_dir).unwrap();
    let (old, young) = (cache_dir.join(".tmpABC123"), cache_dir.join(".tmpXYZ789"));
    fs::write(&old, "half a cache").unwrap();
    fs::write(&young, "a writer at work").unwrap();
    set_mtime(&old, SystemTime::now() - Duration::from_secs(7200));
    assert!(load(root, WARM).cache.written);
    assert!(!old.exists() && young.exists());
}

#[test]
fn no_cache_neither_reads_nor_writes() {
    let dir = fixture("reports");
    let loaded = load(dir.path(), COLD);
    assert_eq!((loaded.cache.hits, loaded.cache.written), (0, false));
    assert!(!dir.path().join(CACHE_FILE).exists());
    load(dir.path(), WARM);
    assert!(dir.path().join(CACHE_FILE).exists());
    assert_eq!(load(dir.path(), COLD).cache.hits, 0);
}

#[test]
fn a_changed_file_is_parsed_again_even_with_its_old_size_and_time() {
    let dir = fixture("reports");
    let root = dir.path();
    load(root, WARM);
    let path = root.join("households.csv");
    let text = fs::read_to_string(&path).unwrap();
    let mtime = fs::metadata(&path).unwrap().modified().unwrap();
    // Same length, same modification time: only the content (and the change time) differ.
    let edited = text.replacen(",red,", ",yel,", 1).replacen("H01,", "H0X,", 1);
    assert_eq!(edited.len(), text.len());
    assert_ne!(edited, text);
    fs::write(&path, &edited).unwrap();
    set_mtime(&path, mtime);
    let warm = load(root, WARM);
    assert_eq!(warm.cache.hits, cacheable(root) - 1);
    assert!(warm.cache.written);
    assert_eq!(dump(&warm), dump(&load(root, COLD)));
    assert!(warm.dataset.ids.get("H0X").is_some());
}

#[test]
fn files_added_removed_and_edited_between_loads() {
    let dir = fixture("reports");
    let root = dir.path();
    load(root, WARM);
    fs::write(root.join("visits/2024-09.csv"), "date,member,household,method,summary\n2024-09-02,M01,H99,home,新户\n")
        .unwrap();
    let old = fs::read_dir(root.join("visits")).unwrap().next().unwrap().unwrap().path();
    fs::remove_file(&old).unwrap();
    backdate(root);
    let warm = load(root, WARM);
    assert_eq!(dump(&warm), dump(&load(root, COLD)));
    assert!(warm.cache.written);
    let again = load(root, WARM);
    assert_eq!(again.cache.hits, cacheable(root));
    assert_eq!(dump(&again), dump(&load(root, COLD)));
    assert!(again.dataset.files.iter().all(|f| f.path != old.strip_prefix(root).unwrap()));
}

#[test]
fn an_edited_gov_yaml_throws_the_cache_away() {
    let dir = fixture("issues");
    let root = dir.path();
    load(root, WARM);
    // Custom categories change how issue files are typed, so nothing cached may be reused.
    let gov = root.join("gov.yaml");
    fs::write(&gov, fs::read_to_string(&gov).unwrap() + "issue_categories: [停车]\n").unwrap();
    let warm = load(root, WARM);
    assert_eq!(warm.cache.hits, 0);
    assert_eq!(dump(&warm), dump(&load(root, COLD)));
}

/// Waits until every file written so far has been left alone for longer than the real window.
fn settle() {
    std::thread::sleep(Duration::from_millis(1000 * super::SETTLE_SECONDS as u64 + 1100));
}

const REAL: LoadOptions =
    LoadOptions { visit_text: true, cache: true, settle_seconds: super::SETTLE_SECONDS, observer: &crate::load::Quiet };

#[test]
fn files_modified_just_now_are_not_cached() {
    let dir = fixture("reports");
    let root = dir.path();
    settle();
    let fresh = root.join("members.csv");
    fs::write(&fresh, fs::read(&fresh).unwrap()).unwrap();
    load(root, REAL);
    let warm = load(root, REAL);
    assert_eq!(warm.cache.hits, cacheable(root) - 1, "members.csv is parsed again");
    assert!(!warm.cache.written, "nothing new that could be kept: the cache is left as it is");
    assert_eq!(dump(&warm), dump(&load(root, COLD)));
}

#[test]
fn racy_edits_are_never_served() {
    // A file whose modification time was set back but whose change time is now (`cp -p`,
    // `tar x`) is as fresh as any: not kept.
    let old = Stamp { size: 1, mtime: (1_000, 0), ctime: (5_000, 0), inode: 1 };
    assert!(old.is_recent(4_998));
    assert!(!old.is_recent(5_001));
    // While gov.yaml is fresh nothing is kept: it changes how issues are typed.
    let dir = fixture("issues");
    let root = dir.path();
    settle();
    let gov = root.join("gov.yaml");
    fs::write(&gov, fs::read(&gov).unwrap()).unwrap();
    let loaded = load(root, REAL);
    assert!(!loaded.cache.written && !root.join(CACHE_FILE).exists());
}

/// Each index entry's record count: where it is in the index, and the entry's kind.
fn counts(index: &[u8]) -> Vec<(usize, Kind)> {
    let mut d = Dec::new(index, 0);
    d.u64().unwrap();
    Stamp::read(&mut d).unwrap();
    d.str().unwrap();
    let n = d.len(4).unwrap();
    d.take(4 * n).unwrap(); // where each id ends
    let n = d.len(8).unwrap();
    let mut out = Vec::new();
    for _ in 0..n {
        d.str().unwrap();
        let kind = crate::model::Kind::ALL[d.u8().unwrap() as usize];
        Stamp::read(&mut d).unwrap();
        Section::read(&mut d, u64::MAX).unwrap();
        if d.bool().unwrap() {
            Section::read(&mut d, u64::MAX).unwrap();
        }
        out.push((d.position(), kind));
        d.u32().unwrap();
    }
    out
}

#[test]
fn a_crafted_record_count_is_refused_not_allocated() {
    let dir = fixture("reports");
    let root = dir.path();
    let cold = dump(&load(root, COLD));
    load(root, WARM);
    let path = root.join(CACHE_FILE);
    let mut cache = fs::read(&path).unwrap();
    // The trailer: index offset, length, checksum, magic.
    let word = |at: usize| u64::from_le_bytes(cache[at..at + 8].try_into().unwrap()) as usize;
    let (off, len) = (word(cache.len() - 32), word(cache.len() - 24));
    let index = cache[off..off + len].to_vec();
    for (at, kind) in counts(&index) {
        if kind == Kind::Visits {
            cache[off + at..off + at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        }
    }
    // Resealed with a correct checksum: only the range check can catch it.
    let sum = checksum(&cache[off..off + len]);
    let n = cache.len();
    cache[n - 16..n - 8].copy_from_slice(&sum.to_le_bytes());
    fs::write(&path, &cache).unwrap();
    let loaded = load(root, WARM);
    assert_eq!(loaded.cache.hits, 0, "the whole cache is refused");
    assert_eq!(dump(&loaded), cold);
}

#[test]
fn visit_text_comes_back_when_asked_for() {
    let dir = fixture("reports");
    let root = dir.path();
    let lean = load(root, LEAN);
    assert!(lean.dataset.visits.iter().all(|v| v.summary().is_empty()));
    // Cached without text: a load that wants it parses the visit files again.
    let visit_files = lean.dataset.files.iter().filter(|f| f.kind == crate::model::Kind::Visits).count();
    let full = load(root, WARM);
    assert_eq!(full.cache.hits, cacheable(root) - visit_files);
    assert_eq!(dump(&full), dump(&load(root, COLD)));
    assert!(full.dataset.visits.iter().all(|v| !v.summary().is_empty()));
    // Now cached with text: both kinds of load come from the cache.
    let full = load(root, WARM);
    assert_eq!(full.cache.hits, cacheable(root));
    assert_eq!(dump(&full), dump(&load(root, COLD)));
    let lean_again = load(root, LEAN);
    assert_eq!(lean_again.cache.hits, cacheable(root));
    assert_eq!(dump(&lean_again), dump(&lean));
}

#[test]
fn a_damaged_cache_is_rebuilt_never_trusted() {
    let dir = fixture("parse-error");
    let root = dir.path();
    let cold = dump(&load(root, COLD));
    load(root, WARM);
    let cache: PathBuf = root.join(CACHE_FILE);
    let good = fs::read(&cache).unwrap();
    let mut damages: Vec<Vec<u8>> = vec![Vec::new(), b"GOVCACHE".to_vec(), b"not a cache at all".repeat(10)];
    damages.extend((0..good.len()).step_by(good.len() / 60 + 1).map(|cut| good[..cut].to_vec()));
    damages.extend((0..good.len()).step_by(good.len() / 60 + 1).map(|at| {
        let mut bad = good.clone();
        bad[at] ^= 0x20;
        bad
    }));
    for (n, bad) in damages.iter().enumerate() {
        fs::write(&cache, bad).unwrap();
        let loaded = load(root, WARM);
        assert_eq!(dump(&loaded), cold, "damage {n}");
        assert!(loaded.cache.written, "damage {n}: rebuilt");
        assert_eq!(load(root, WARM).cache.hits, cacheable(root), "damage {n}: the rebuilt cache serves");
    }
}

prop_compose! {
    /// A visit file of valid and broken rows over a few ids.
    fn visit_file()(rows in proptest::collection::vec((0usize..4, 0usize..4, 0usize..6, 0usize..5, 0usize..4), 0..25))
        -> String {
        let dates = ["2024-01-05", "2024-01-31", "2024/1/7", "2024-02-30"];
        let members = ["M01", "M02", "M9", "M 1"];
        let households = ["H01", "H02", "H03", "H77", "", "H/1"];
        let methods = ["home", "入户", "phone", "walk", ""];
        let summaries = ["看望", "电话回访", "", "\"引号, 逗号\""];
        let mut text = String::from("date,member,household,method,summary\n");
        for (d, m, h, me, s) in rows {
            text.push_str(&format!("{},{},{},{},{}\n", dates[d], members[m], households[h], methods[me], summaries[s]));
        }
        text
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Generated visit files, changed between loads: the warm load always equals the cold one.
    #[test]
    fn warm_equals_cold_on_generated_visits(first in visit_file(), second in visit_file(), third in visit_file()) {
        let dir = fixture("reports");
        let root = dir.path();
        let a = root.join("visits/2024-07.csv");
        let b = root.join("visits/2024-08.csv");
        fs::write(&a, &first).unwrap();
        fs::write(&b, &second).unwrap();
        backdate(root);
        let warm = load(root, WARM);
        prop_assert_eq!(dump(&warm), dump(&load(root, COLD)));
        fs::write(&b, &third).unwrap();
        set_mtime(&b, SystemTime::now() - Duration::from_secs(600));
        let warm = load(root, WARM);
        prop_assert_eq!(warm.cache.hits, cacheable(root) - 1, "the rewritten file has a new time stamp");
        prop_assert_eq!(dump(&warm), dump(&load(root, COLD)));
        let lean = load(root, LEAN);
        prop_assert_eq!(lean.cache.hits, cacheable(root));
    }
}

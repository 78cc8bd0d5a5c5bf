//! Loading a data folder into a [`Dataset`]: find the files, take each unchanged one from the
//! parse cache ([`cache`]) or else decode it, read YAML and CSV into raw records ([`source`]) and
//! type them with their kind's reader ([`crate::kinds`]), and report every problem met on the way
//! as a [`Finding`]. This module is the driver only: the phases of [`phases`] in the order the
//! kinds' [`crate::kinds::Record::PHASE`] and [`crate::kinds::Load`] give, then the merge and the
//! new cache. What a person sees while it runs is the caller's: [`Observer`].

pub mod cache;
pub mod convert;
pub mod csv;
pub mod discover;
pub mod fields;
mod phases;
pub mod raw;
pub mod sheet;
pub mod source;
pub mod text;
pub mod town;
pub mod visits;
pub mod yaml;
pub mod yaml_fast;

use std::path::{Path, PathBuf};

use self::cache::{Cache, Source};
use crate::finding::Finding;
use crate::model::{Dataset, Interner, Kind};

pub use discover::{SETTINGS_FILE, find_root};
pub use source::{ReadError, read_text};

/// Files larger than this are refused rather than read into memory.
pub const MAX_FILE_BYTES: u64 = 512 * 1024 * 1024;

/// Why a folder could not be loaded at all (as opposed to findings inside it).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("no gov.yaml found in {} or any folder above it", searched.display())]
    NotFound { searched: PathBuf },
    #[error("{} does not exist or is not a folder", path.display())]
    NoFolder { path: PathBuf },
    #[error("{} has no gov.yaml, so it is not a gov data folder", path.display())]
    NoSettings { path: PathBuf },
    // The I/O error is part of the message rather than its source, so it is shown once.
    #[error("cannot list the files of {}: {error}", path.display())]
    Walk { path: PathBuf, error: std::io::Error },
}

/// A loaded folder and everything the loader found wrong with it.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub findings: Vec<Finding>,
    pub cache: CacheUse,
    /// The files read and the version of each, to tell later whether the folder has changed.
    pub version: Version,
}

/// Which files a folder holds and which version of each ([`cache::Stamp`]), as a hash: two are
/// equal when nothing was added, removed or written in between.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version(u64);

impl Version {
    /// The folder's version now: a listing of it, without reading any file.
    pub fn of(root: &Path) -> Result<Version, LoadError> {
        let listing = discover::discover(root)?;
        Ok(Version::from_listing(&listing.files, &listing.stamps))
    }

    fn from_listing(files: &[crate::model::SourceFile], stamps: &[Option<cache::Stamp>]) -> Version {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for (f, s) in files.iter().zip(stamps) {
            f.path.hash(&mut h);
            s.map(|s| (s.size, s.mtime, s.ctime, s.inode)).hash(&mut h);
        }
        Version(h.finish())
    }
}

/// What a load reports while it runs. The library never draws: the command line turns these
/// into a progress line and `GOV_TIMINGS`' phase times (`cli/progress.rs`).
pub trait Observer: Sync {
    /// The load has found `files` files to read.
    fn start(&self, _files: usize) {}
    /// One more file is loaded (from any thread).
    fn file_done(&self) {}
    /// A phase of the load has ended.
    fn phase(&self, _what: &str) {}
    /// The files are all read (what is left is merging and the cache).
    fn read(&self) {}
}

/// An observer that shows nothing.
pub struct Quiet;

impl Observer for Quiet {}

/// What to keep of the folder beyond what every command needs, whether to use the cache, and
/// who hears of the load's progress.
#[derive(Clone, Copy)]
pub struct LoadOptions<'a> {
    /// Keep each visit's summary and topics (the detailed ledger shows them; checks and the
    /// other reports do not, and at district scale they are most of the memory).
    pub visit_text: bool,
    /// Read unchanged files from the parse cache, and update it ([`cache`]).
    pub cache: bool,
    /// Seconds a file must have been left alone, before the load starts, for the cache to keep
    /// it ([`cache::SETTLE_SECONDS`]); 0 keeps every file (for tests that age files by hand).
    pub settle_seconds: i64,
    /// Told of the load's progress.
    pub observer: &'a dyn Observer,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        LoadOptions { visit_text: true, cache: true, settle_seconds: cache::SETTLE_SECONDS, observer: &Quiet }
    }
}

impl std::fmt::Debug for LoadOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadOptions")
            .field("visit_text", &self.visit_text)
            .field("cache", &self.cache)
            .field("settle_seconds", &self.settle_seconds)
            .finish_non_exhaustive()
    }
}

/// How a load used the parse cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheUse {
    /// Files read from the cache.
    pub hits: usize,
    /// Files parsed from their text.
    pub parsed: usize,
    /// Whether a new cache was written.
    pub written: bool,
}

/// Loads the folder at `root` (which must hold a gov.yaml), keeping everything.
pub fn load(root: &Path) -> Result<Loaded, LoadError> {
    load_with(root, LoadOptions::default())
}

/// Loads the folder at `root`, keeping what `opts` asks for.
pub fn load_with(root: &Path, opts: LoadOptions<'_>) -> Result<Loaded, LoadError> {
    let see = opts.observer;
    // Freshness is judged against the start: a file written during a long load, in the same
    // second as it was read, must not look settled when the cache is written.
    let cutoff = if opts.settle_seconds > 0 { cache::now() - opts.settle_seconds } else { i64::MAX };
    let discover::Listing { files, stamps, mut findings } = discover::discover(root)?;
    let version = Version::from_listing(&files, &stamps);
    let ds = Dataset { root: root.to_path_buf(), files, ..Dataset::default() };
    see.phase("discover");
    see.start(ds.files.len());

    // Unchanged files from the cache; the rest are parsed, their new ids numbered after the
    // cached ones.
    let (old, ids) = match opts.cache.then(|| Cache::open(root, stamps[0])).flatten() {
        Some((cache, ids)) => (Some(cache), ids),
        None => (None, Interner::default()),
    };
    see.phase("cache: index");
    let mut run = phases::Run::new(root, opts, &stamps, old.as_ref(), ds, ids);
    run.cached();
    run.settings();
    run.phases();
    run.streams();
    see.read();
    let phases::Run { mut ds, ids, mut slots, from_cache, .. } = run;
    let hits = from_cache.iter().filter(|&&c| c).count();
    see.phase(&format!("cache: {hits} of {} files", ds.files.len()));
    let parsed_count = ds.files.len() - hits;

    // A new cache only when it would hold something the old one lacks: a file parsed now that
    // is old enough to trust. (Files modified in the last seconds are parsed until they settle;
    // rewriting the cache for each of them would cost every command of a batch of writes.)
    // Otherwise the old one's index is let go now, before the records are gathered.
    let newly = (0..ds.files.len()).any(|i| {
        !from_cache[i] && ds.files[i].kind != Kind::Settings && stamps[i].is_some_and(|s| !s.is_recent(cutoff))
    });
    let old = old.filter(|_| opts.cache && newly);

    // Everything in one dataset: records of each kind in file order, findings by kind. A kind
    // held in several files gets its room at once; one file's records are taken over whole.
    let mut order: Vec<usize> = (0..ds.files.len()).collect();
    order.sort_by_key(|&i| ds.files[i].kind.index());
    phases::reserve(&mut ds, &slots);
    let mut spans = vec![Span::default(); ds.files.len()];
    for i in order {
        let data = slots[i].take().expect("every file loaded");
        let start = findings.len();
        findings.extend(data.findings);
        spans[i] = Span { records: data.records.append_to(&mut ds), findings: start..findings.len() };
    }
    ds.ids = ids;
    see.phase("merge");

    let mut written = false;
    if opts.cache
        && newly
        && let Some(settings) = stamps[0]
    {
        let entries: Vec<_> = (0..ds.files.len())
            .filter(|&i| ds.files[i].kind != Kind::Settings)
            .filter_map(|i| {
                let span = &spans[i];
                let source = if from_cache[i] {
                    Source::Cached
                } else {
                    let findings = &findings[span.findings.clone()];
                    Source::Parsed { records: span.records.clone(), findings, text: opts.visit_text }
                };
                Some((&ds.files[i], stamps[i]?, Some(source)))
            })
            .collect();
        written = cache::write(root, old.as_ref(), &ds, settings, &entries, cutoff).unwrap_or(false);
        see.phase("cache: written");
    }
    let cache = CacheUse { hits, parsed: parsed_count, written };
    Ok(Loaded { dataset: ds, findings, cache, version })
}

/// Where one file's records and findings ended up in the dataset.
#[derive(Debug, Clone, Default)]
struct Span {
    records: std::ops::Range<usize>,
    findings: std::ops::Range<usize>,
}

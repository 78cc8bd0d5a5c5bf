//! Loading a data folder into a [`Dataset`]: find the files, take each unchanged one from the
//! parse cache ([`cache`]) or else decode it, read YAML and CSV into raw records ([`source`]) and
//! type them, and report every problem met on the way as a [`Finding`]. Files are read in
//! parallel; visit files, the bulk of any folder, are parsed and typed in parallel too.

pub mod cache;
pub mod convert;
pub mod csv;
pub mod discover;
pub mod fields;
pub mod progress;
pub mod raw;
pub mod source;
pub mod text;
pub mod visits;
pub mod yaml;
pub mod yaml_fast;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use self::cache::{Cache, FileData, Records, RecordsRef, Source};
use self::convert::*;
use self::fields::{Fields, Sink};
use self::progress::Progress;
use self::source::{Parsed, parse_file, with_snippets};
use crate::finding::Finding;
use crate::model::{Dataset, FileId, Format, Interner, Issue, Kind, Loc, SourceFile, Visit};

pub use discover::{SETTINGS_FILE, find_root};
pub use progress::Timer;
pub use source::read_text;

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
    #[error("cannot list the files of {}: {message}", path.display())]
    Walk { path: PathBuf, message: String },
}

/// A loaded folder and everything the loader found wrong with it.
#[derive(Debug)]
pub struct Loaded {
    pub dataset: Dataset,
    pub findings: Vec<Finding>,
    pub cache: CacheUse,
}

/// What to keep of the folder beyond what every command needs, and whether to use the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Keep each visit's summary and topics (the detailed ledger shows them; checks and the
    /// other reports do not, and at district scale they are most of the memory).
    pub visit_text: bool,
    /// Read unchanged files from the parse cache, and update it ([`cache`]).
    pub cache: bool,
    /// Seconds a file must have been left alone, before the load starts, for the cache to keep
    /// it ([`cache::SETTLE_SECONDS`]); 0 keeps every file (for tests that age files by hand).
    pub settle_seconds: i64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions { visit_text: true, cache: true, settle_seconds: cache::SETTLE_SECONDS }
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

/// The order in which kinds are typed and their findings reported: ids are numbered in this
/// order, so the same folder gives the same symbols on every cold run. (A warm run numbers them
/// as the cache's table did; no output depends on the numbers.)
fn rank(kind: Kind) -> u8 {
    match kind {
        Kind::Settings => 0,
        Kind::Grids => 1,
        Kind::Members => 2,
        Kind::Households => 3,
        Kind::Issues => 4,
        Kind::Visits => 5,
    }
}

/// Loads the folder at `root`, keeping what `opts` asks for.
pub fn load_with(root: &Path, opts: LoadOptions) -> Result<Loaded, LoadError> {
    let timer = Timer::from_env();
    // Freshness is judged against the start: a file written during a long load, in the same
    // second as it was read, must not look settled when the cache is written.
    let cutoff = if opts.settle_seconds > 0 { cache::now() - opts.settle_seconds } else { i64::MAX };
    let discover::Listing { files, stamps, mut findings } = discover::discover(root)?;
    let mut ds = Dataset { root: root.to_path_buf(), files, ..Dataset::default() };
    timer.mark("discover");
    let progress = Progress::start(ds.files.len());

    // Unchanged files from the cache, decoded in parallel; the rest are parsed below, their new
    // ids numbered after the cached ones.
    let (old, mut ids) = match opts.cache.then(|| Cache::open(root, stamps[0])).flatten() {
        Some((cache, ids)) => (Some(cache), ids),
        None => (None, Interner::default()),
    };
    timer.mark("cache: index");
    // Visits of cached files are decoded in file order straight into the dataset's vector (no
    // per-file vectors to copy): here, on one thread while the other files are decoded on the
    // rest, as far as the first visit file that is not cached; the others below.
    let visit_files: Vec<usize> = (0..ds.files.len()).filter(|&i| ds.files[i].kind == Kind::Visits).collect();
    let (slots, (visits, placed)) = rayon::join(
        || -> Vec<Option<FileData>> {
            let r = match &old {
                Some(c) => c.get_many(&ds.files, &stamps, || progress.tick()),
                None => ds.files.iter().map(|_| None).collect(),
            };
            timer.mark("cache: other files decoded");
            r
        },
        || -> (Vec<Visit>, Vec<(usize, FileData)>) {
            let Some(cache) = old.as_ref() else { return Default::default() };
            let counts = visit_files.iter().map_while(|&i| cache.count(&ds.files[i], stamps[i], opts.visit_text));
            let mut visits = Vec::with_capacity(counts.sum());
            let mut placed = Vec::new();
            for &i in &visit_files {
                let start = visits.len();
                let file = FileId(i as u32);
                let Some(findings) = cache.visits_into(&ds.files[i], stamps[i], file, opts.visit_text, &mut visits)
                else {
                    break;
                };
                progress.tick();
                let records = Records::Placed(start..visits.len());
                placed.push((i, FileData { records, findings }));
            }
            timer.mark("cache: visits decoded");
            (visits, placed)
        },
    );
    let mut slots = slots;
    ds.visits = visits;
    for (i, data) in placed {
        slots[i] = Some(data);
    }
    let mut from_cache: Vec<bool> = slots.iter().map(Option::is_some).collect();
    let kinds: Vec<Kind> = ds.files.iter().map(|f| f.kind).collect();
    let missing = |i: usize, kind: Kind| !from_cache[i] && kinds[i] == kind;

    // Settings, grids, members and households (a few files), read and parsed in parallel, then
    // typed in this order.
    let early = [Kind::Settings, Kind::Grids, Kind::Members, Kind::Households];
    let todo: Vec<usize> = (0..ds.files.len()).filter(|&i| early.iter().any(|&k| missing(i, k))).collect();
    let parsed: Vec<(usize, Parsed, Vec<Finding>)> = todo
        .par_iter()
        .map(|&i| {
            let f = &ds.files[i];
            let mut sink = Sink::new(&f.path);
            let parsed = parse_file(root, f, &mut sink);
            progress.tick();
            (i, parsed, sink.findings)
        })
        .collect();
    // Settings, grids and members are typed first (issues are typed against their ids); then
    // households, on one thread, while the issue files are read, parsed and typed in parallel
    // on the others.
    for kind in [Kind::Settings, Kind::Grids, Kind::Members] {
        for (i, parsed, found) in parsed.iter().filter(|p| ds.files[p.0].kind == kind) {
            slots[*i] = Some(type_file(&ds.files[*i], FileId(*i as u32), parsed, found, &mut ids, &mut ds.settings));
        }
    }
    timer.mark("settings, grids, members");

    // Issues: tens of thousands of small YAML files, each read, parsed and typed in parallel
    // against the ids known before households; ids they add (households' among them) are
    // numbered afterwards, in file order, after the households' own: the same numbering as
    // typing households first.
    let before_households = ids.clone();
    let todo: Vec<usize> = (0..ds.files.len()).filter(|&i| missing(i, Kind::Issues)).collect();
    let (households, per_file) = rayon::join(
        || -> Vec<(usize, FileData)> {
            let mut settings = ds.settings.clone();
            let typed = parsed
                .iter()
                .filter(|p| ds.files[p.0].kind == Kind::Households)
                .map(|(i, parsed, found)| {
                    (*i, type_file(&ds.files[*i], FileId(*i as u32), parsed, found, &mut ids, &mut settings))
                })
                .collect();
            timer.mark("households");
            typed
        },
        || -> Vec<(usize, IssueFile)> {
            let settings = &ds.settings;
            todo.par_iter()
                .map(|&i| {
                    let f = &ds.files[i];
                    let mut sink = Sink::new(&f.path);
                    let parsed = parse_file(root, f, &mut sink);
                    let mut local = LocalIds::new(&before_households);
                    let mut issues = Vec::new();
                    let format = parsed.format();
                    parsed.each_record(&mut sink, Kind::Issues, |rec, sink| {
                        let f = Fields::new(rec, sink, format == Format::Csv);
                        let loc = Loc { file: FileId(i as u32), line: rec.line };
                        issues.extend(issue(f, &mut local, loc, settings));
                    });
                    let found = with_snippets(sink.findings, parsed.text());
                    progress.tick();
                    (i, (issues, local.into_extra(), found))
                })
                .collect()
        },
    );
    drop(parsed);
    for (i, data) in households {
        slots[i] = Some(data);
    }
    for (i, (mut issues, extra, findings)) in per_file {
        LocalIds::patch_issues(extra, &mut issues, &mut ids);
        slots[i] = Some(FileData { records: Records::Issues(issues), findings });
    }
    timer.mark("issues");

    // Visits of the files not placed above, in file order: each cached one decoded straight
    // into the dataset, the others parsed in parallel a few at a time and appended, so that
    // memory holds the visits once plus a batch rather than twice over.
    let pending: Vec<usize> = visit_files.iter().copied().filter(|&i| slots[i].is_none()).collect();
    if ds.visits.is_empty() {
        // At least 20 bytes a row: room reserved, not memory touched, so a generous guess costs
        // nothing and saves growing (and copying) the vector.
        ds.visits.reserve_exact(pending.iter().map(|&i| stamps[i].map_or(0, |s| s.size as usize / 20)).sum());
    }
    let cached = |i: usize| old.as_ref().and_then(|c| c.count(&ds.files[i], stamps[i], opts.visit_text)).is_some();
    for files in pending.chunks(rayon::current_num_threads() * 2) {
        let todo: Vec<usize> = files.iter().copied().filter(|&i| !cached(i)).collect();
        let mut parsed: Vec<(usize, VisitFile)> = todo
            .par_iter()
            .map(|&i| (i, parse_visits(root, &ds.files[i], FileId(i as u32), &ids, opts.visit_text)))
            .collect();
        for &i in files {
            let start = ds.visits.len();
            let file = FileId(i as u32);
            let just_parsed = parsed.iter().position(|p| p.0 == i).map(|at| parsed.swap_remove(at).1);
            let from_old = match just_parsed {
                Some(_) => None,
                None => old
                    .as_ref()
                    .and_then(|c| c.visits_into(&ds.files[i], stamps[i], file, opts.visit_text, &mut ds.visits)),
            };
            let findings = match (from_old, just_parsed) {
                (Some(findings), _) => {
                    from_cache[i] = true;
                    findings
                }
                (None, just_parsed) => {
                    // Parsed above, or a damaged cache entry: parsed now.
                    let (mut visits, extra, findings) =
                        just_parsed.unwrap_or_else(|| parse_visits(root, &ds.files[i], file, &ids, opts.visit_text));
                    LocalIds::patch(extra, &mut visits, &mut ids);
                    append(&mut ds.visits, visits);
                    findings
                }
            };
            progress.tick();
            let records = Records::Placed(start..ds.visits.len());
            slots[i] = Some(FileData { records, findings });
        }
    }
    timer.mark("visits: parse");
    drop(progress);
    let hits = from_cache.iter().filter(|&&c| c).count();
    timer.mark(&format!("cache: {hits} of {} files", ds.files.len()));
    let parsed_count = ds.files.len() - hits;

    // A new cache only when it would hold something the old one lacks: a file parsed now that
    // is old enough to trust. (Files modified in the last seconds are parsed until they settle;
    // rewriting the cache for each of them would cost every command of a batch of writes.)
    // Otherwise the old one's index is let go now, before the records are gathered.
    let newly = (0..ds.files.len())
        .any(|i| !from_cache[i] && kinds[i] != Kind::Settings && stamps[i].is_some_and(|s| !s.is_recent(cutoff)));
    let old = old.filter(|_| opts.cache && newly);

    // Everything in one dataset: records of each kind in file order, findings by kind.
    let mut order: Vec<usize> = (0..ds.files.len()).collect();
    order.sort_by_key(|&i| rank(ds.files[i].kind));
    let issue_count = slots.iter().flatten().map(|d| if let Records::Issues(v) = &d.records { v.len() } else { 0 });
    ds.issues.reserve_exact(issue_count.sum());
    let mut spans = vec![Span::default(); ds.files.len()];
    for i in order {
        let data = slots[i].take().expect("every file loaded");
        let start = findings.len();
        findings.extend(data.findings);
        spans[i] = Span {
            records: match data.records {
                Records::Settings => 0..0,
                Records::Grids(r) => append(&mut ds.grids, r),
                Records::Members(r) => append(&mut ds.members, r),
                Records::Households(r) => append(&mut ds.households, r),
                Records::Placed(r) => r,
                Records::Issues(r) => append(&mut ds.issues, r),
            },
            findings: start..findings.len(),
        };
    }
    ds.ids = ids;
    timer.mark("merge");

    let mut written = false;
    if opts.cache
        && newly
        && let Some(settings) = stamps[0]
    {
        let entries: Vec<_> = (0..ds.files.len())
            .filter(|&i| ds.files[i].kind != Kind::Settings)
            .filter_map(|i| {
                let span = &spans[i];
                let r = span.records.clone();
                let records = match ds.files[i].kind {
                    Kind::Grids => RecordsRef::Grids(&ds.grids[r]),
                    Kind::Members => RecordsRef::Members(&ds.members[r]),
                    Kind::Households => RecordsRef::Households(&ds.households[r]),
                    Kind::Visits => RecordsRef::Visits(&ds.visits[r]),
                    Kind::Issues => RecordsRef::Issues(&ds.issues[r]),
                    Kind::Settings => unreachable!("filtered out"),
                };
                let source = if from_cache[i] {
                    Source::Cached
                } else {
                    Source::Parsed { records, findings: &findings[span.findings.clone()], text: opts.visit_text }
                };
                Some((&ds.files[i], stamps[i]?, Some(source)))
            })
            .collect();
        written = cache::write(root, old.as_ref(), &ds.ids, settings, &entries, cutoff).unwrap_or(false);
        timer.mark("cache: written");
    }
    let cache = CacheUse { hits, parsed: parsed_count, written };
    Ok(Loaded { dataset: ds, findings, cache })
}

/// Where one file's records and findings ended up in the dataset.
#[derive(Debug, Clone, Default)]
struct Span {
    records: std::ops::Range<usize>,
    findings: std::ops::Range<usize>,
}

/// Adds one file's records to the dataset's; the first file's vector is taken over whole
/// rather than copied (households and members are usually one file each).
fn append<T>(all: &mut Vec<T>, mut more: Vec<T>) -> std::ops::Range<usize> {
    let start = all.len();
    if all.is_empty() && all.capacity() < more.len() {
        *all = more;
    } else {
        all.append(&mut more);
    }
    start..all.len()
}

/// Types one settings, grid, member or household file already parsed.
fn type_file(
    file: &SourceFile,
    id: FileId,
    parsed: &Parsed,
    found: &[Finding],
    ids: &mut Interner,
    settings_out: &mut crate::model::Settings,
) -> FileData {
    let mut sink = Sink::new(&file.path);
    sink.findings.extend(found.iter().cloned());
    let csv = parsed.format() == Format::Csv;
    let mut records = match file.kind {
        Kind::Grids => Records::Grids(Vec::new()),
        Kind::Members => Records::Members(Vec::new()),
        Kind::Households => Records::Households(Vec::new()),
        _ => Records::Settings,
    };
    parsed.each_record(&mut sink, file.kind, |rec, sink| {
        let f = Fields::new(rec, sink, csv);
        let loc = Loc { file: id, line: rec.line };
        match &mut records {
            Records::Settings => *settings_out = settings(f),
            Records::Grids(r) => r.extend(grid(f, ids, loc)),
            Records::Members(r) => r.extend(member(f, ids, loc)),
            Records::Households(r) => r.extend(household(f, ids, loc)),
            Records::Issues(_) | Records::Placed(_) => unreachable!("typed elsewhere"),
        }
    });
    let findings = with_snippets(sink.findings, parsed.text());
    FileData { records, findings }
}

/// Reads, parses and types one visit file against the ids known so far.
fn parse_visits(root: &Path, f: &SourceFile, file: FileId, ids: &Interner, visit_text: bool) -> VisitFile {
    let mut sink = Sink::new(&f.path);
    let parsed = parse_file(root, f, &mut sink);
    let mut local = LocalIds::new(ids);
    let mut visits = Vec::new();
    match &parsed {
        Parsed::Csv { text } => {
            visits.reserve(text.bytes().filter(|&b| b == b'\n').count());
            visits::read_csv(text, &mut sink, &mut local, file, visit_text, &mut visits);
        }
        _ => parsed.each_record(&mut sink, Kind::Visits, |rec, sink| {
            let f = Fields::new(rec, sink, false);
            let v = visit(f, &mut local, Loc { file, line: rec.line });
            visits.extend(v.map(|v| visits::strip(v, visit_text)));
        }),
    }
    let found = with_snippets(sink.findings, parsed.text());
    (visits, local.into_extra(), found)
}

/// One issue file's records, the ids it used that were not yet known, and its findings.
type IssueFile = (Vec<Issue>, Vec<Box<str>>, Vec<Finding>);

/// One visit file's records, the ids it used that were not yet known, and its findings.
type VisitFile = (Vec<Visit>, Vec<Box<str>>, Vec<Finding>);

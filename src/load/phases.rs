//! The phases of a load, written once for every record kind: take what the cache holds, type
//! gov.yaml, then each phase's kinds ([`Load::Serial`] ones on one thread, [`Load::Parallel`]
//! ones on the others against the ids known when the phase began), then the streamed kinds a
//! few files at a time. Ids are numbered in the same order on every cold run: serial kinds in
//! registry order as they are typed, then each parallel file's new ids in file order, then each
//! streamed file's. (A warm run numbers them as the cache's table did; no output depends on the
//! numbers.)

use std::path::Path;

use rayon::prelude::*;

use super::LoadOptions;
use super::cache::{Cache, FileData, Stamp};
use super::convert::{LocalIds, settings};
use super::fields::{Fields, Sink};
use super::source::{Parsed, parse_file, with_snippets};
use crate::finding::Finding;
use crate::kinds::{KindFn, Load, ReadCtx, Record, Records, append, each_kind};
use crate::model::{Dataset, FileId, Format, Interner, Kind, Loc, SourceFile};

/// A load under way.
pub(super) struct Run<'a> {
    root: &'a Path,
    opts: LoadOptions<'a>,
    stamps: &'a [Option<Stamp>],
    old: Option<&'a Cache>,
    pub ds: Dataset,
    pub ids: Interner,
    /// Each file's records and findings, once loaded.
    pub slots: Vec<Option<FileData>>,
    /// Which files came from the cache.
    pub from_cache: Vec<bool>,
    /// gov.yaml's and the serial kinds' files, parsed (in parallel) and waiting to be typed.
    parsed: Vec<(usize, Parsed, Vec<Finding>)>,
}

impl<'a> Run<'a> {
    pub fn new(
        root: &'a Path,
        opts: LoadOptions<'a>,
        stamps: &'a [Option<Stamp>],
        old: Option<&'a Cache>,
        ds: Dataset,
        ids: Interner,
    ) -> Self {
        let n = ds.files.len();
        Run { root, opts, stamps, old, ds, ids, slots: Vec::new(), from_cache: vec![false; n], parsed: Vec::new() }
    }

    fn missing(&self, i: usize) -> bool {
        self.slots[i].is_none()
    }

    /// Decodes what the cache holds: the files of streamed kinds in file order straight into the
    /// dataset, on one thread, as far as the first one that is not cached; every other file on
    /// the other threads.
    pub fn cached(&mut self) {
        let (ds, stamps, see, text) = (&self.ds, self.stamps, self.opts.observer, self.opts.visit_text);
        let (slots, leading) = rayon::join(
            || -> Vec<Option<FileData>> {
                let r = match self.old {
                    Some(c) => c.get_many(&ds.files, stamps, || see.file_done()),
                    None => ds.files.iter().map(|_| None).collect(),
                };
                see.phase("cache: other files decoded");
                r
            },
            || -> Vec<(Records, Vec<(usize, FileData)>)> {
                let Some(cache) = self.old else { return Vec::new() };
                let mut lead = Leading { cache, files: &ds.files, stamps, text, see };
                let r = each_kind(&mut lead).into_iter().flatten().collect();
                see.phase("cache: streamed files decoded");
                r
            },
        );
        self.slots = slots;
        for (records, placed) in leading {
            records.append_to(&mut self.ds);
            for (i, data) in placed {
                self.slots[i] = Some(data);
            }
        }
        self.from_cache = self.slots.iter().map(Option::is_some).collect();
    }

    /// Parses gov.yaml and the files of serial kinds, in parallel, and types gov.yaml.
    pub fn settings(&mut self) {
        let (root, see) = (self.root, self.opts.observer);
        let serial = |k: Kind| k == Kind::Settings || k.facts().is_some_and(|f| f.load == Load::Serial);
        let todo: Vec<usize> =
            (0..self.ds.files.len()).filter(|&i| self.missing(i) && serial(self.ds.files[i].kind)).collect();
        let files = &self.ds.files;
        self.parsed = todo
            .par_iter()
            .map(|&i| {
                let f = &files[i];
                let mut sink = Sink::new(&f.path);
                let parsed = parse_file(root, f, &mut sink);
                see.file_done();
                (i, parsed, sink.findings)
            })
            .collect();
        for (i, parsed, found) in self.parsed.iter().filter(|p| files[p.0].kind == Kind::Settings) {
            let mut sink = Sink::new(&files[*i].path);
            sink.findings.extend(found.iter().cloned());
            parsed.each_record(&mut sink, Kind::Settings.columns().0, &[], |rec, sink| {
                self.ds.settings = settings(Fields::new(rec, sink, false));
            });
            let findings = with_snippets(sink.findings, parsed.text());
            self.slots[*i] = Some(FileData { records: Records::Settings, findings });
        }
    }

    /// Every phase of the serial and parallel kinds, in order.
    pub fn phases(&mut self) {
        let facts: Vec<_> = Kind::ALL.iter().filter_map(|k| k.facts()).collect();
        let last = facts.iter().filter(|f| f.load != Load::Stream).map(|f| f.phase).max().unwrap_or(0);
        for phase in 1..=last {
            let of = |load: Load| -> Vec<Kind> {
                facts.iter().filter(|f| f.phase == phase && f.load == load).map(|f| f.kind).collect()
            };
            self.phase(&of(Load::Serial), &of(Load::Parallel));
            let names: Vec<&str> = facts.iter().filter(|f| f.phase == phase).map(|f| f.kind.stem()).collect();
            self.opts.observer.phase(&format!("phase {phase}: {}", names.join(", ")));
        }
        self.parsed = Vec::new();
    }

    /// One phase: its serial kinds typed on this thread, in registry order, while the files of
    /// its parallel kinds are read, parsed and typed on the others against the ids known before
    /// it; the ids those add are numbered afterwards, in file order.
    fn phase(&mut self, serial: &[Kind], parallel: &[Kind]) {
        let (root, see) = (self.root, self.opts.observer);
        let ctx = ReadCtx { settings: &self.ds.settings, detail: self.opts.visit_text };
        let files = &self.ds.files;
        let todo: Vec<usize> =
            (0..files.len()).filter(|&i| self.slots[i].is_none() && parallel.contains(&files[i].kind)).collect();
        let before = if todo.is_empty() { None } else { Some(self.ids.clone()) };
        let (parsed, ids) = (&self.parsed, &mut self.ids);
        let (typed, in_parallel) = rayon::join(
            || -> Vec<(usize, FileData)> {
                let mut typed = Vec::new();
                for &kind in serial {
                    for (i, parsed, found) in parsed.iter().filter(|p| files[p.0].kind == kind) {
                        let mut t =
                            TypeSerial { file: &files[*i], id: FileId(*i as u32), parsed, found, ids, ctx: &ctx };
                        typed.extend(kind.with(&mut t).map(|data| (*i, data)));
                    }
                }
                typed
            },
            || -> Vec<ParallelFile> {
                let Some(before) = &before else { return Vec::new() };
                todo.par_iter()
                    .map(|&i| {
                        let mut local = LocalIds::new(before);
                        let (records, found) = read_file(root, &files[i], FileId(i as u32), &mut local, &ctx);
                        see.file_done();
                        (i, records, local.into_extra(), found)
                    })
                    .collect()
            },
        );
        for (i, data) in typed {
            self.slots[i] = Some(data);
        }
        for (i, mut records, extra, findings) in in_parallel {
            records.patch(extra, &mut self.ids);
            self.slots[i] = Some(FileData { records, findings });
        }
    }

    /// The streamed kinds' files not placed from the cache.
    pub fn streams(&mut self) {
        each_kind(&mut Streams(self));
    }

    /// A streamed kind's files in file order: each cached one decoded straight into the
    /// dataset, the others parsed in parallel a few at a time and appended, so that memory
    /// holds the records once plus a batch rather than twice over.
    fn stream<T: Record>(&mut self) {
        let n = self.ds.files.len();
        let pending: Vec<usize> = (0..n).filter(|&i| self.ds.files[i].kind == T::KIND && self.missing(i)).collect();
        let (root, see, text, stamps, old) =
            (self.root, self.opts.observer, self.opts.visit_text, self.stamps, self.old);
        if T::all(&self.ds).is_empty() {
            // At least 20 bytes a row: room reserved, not memory touched, so a generous guess
            // costs nothing and saves growing (and copying) the vector.
            let guess = pending.iter().map(|&i| stamps[i].map_or(0, |s| s.size as usize / 20)).sum();
            T::all_mut(&mut self.ds).reserve_exact(guess);
        }
        let cached = |ds: &Dataset, i: usize| old.and_then(|c| c.count(&ds.files[i], stamps[i], text)).is_some();
        for batch in pending.chunks(rayon::current_num_threads() * 2) {
            let todo: Vec<usize> = batch.iter().copied().filter(|&i| !cached(&self.ds, i)).collect();
            let (ds, ids) = (&self.ds, &self.ids);
            let ctx = ReadCtx { settings: &ds.settings, detail: text };
            let mut parsed: Vec<(usize, StreamFile<T>)> =
                todo.par_iter().map(|&i| (i, stream_file::<T>(root, &ds.files[i], i, ids, &ctx))).collect();
            for &i in batch {
                let file = FileId(i as u32);
                let start = T::all(&self.ds).len();
                let just_parsed = parsed.iter().position(|p| p.0 == i).map(|at| parsed.swap_remove(at).1);
                let from_old = match just_parsed {
                    Some(_) => None,
                    None => old.and_then(|c| {
                        let f = self.ds.files[i].clone();
                        c.records_into(&f, stamps[i], file, text, T::all_mut(&mut self.ds))
                    }),
                };
                let findings = match (from_old, just_parsed) {
                    (Some(findings), _) => {
                        self.from_cache[i] = true;
                        findings
                    }
                    (None, just_parsed) => {
                        // Parsed above, or a damaged cache entry: parsed now.
                        let (mut records, extra, findings) = just_parsed.unwrap_or_else(|| {
                            let ctx = ReadCtx { settings: &self.ds.settings, detail: text };
                            stream_file::<T>(root, &self.ds.files[i], i, &self.ids, &ctx)
                        });
                        LocalIds::patch(extra, &mut records, &mut self.ids);
                        append(T::all_mut(&mut self.ds), records);
                        findings
                    }
                };
                see.file_done();
                let records = Records::Placed(start..T::all(&self.ds).len());
                self.slots[i] = Some(FileData { records, findings });
            }
        }
        see.phase(&format!("{}: parse", T::STEM));
    }
}

/// Room for every kind held in several files, at once (a kind in one file takes that file's
/// vector over whole instead).
pub(super) fn reserve(ds: &mut Dataset, slots: &[Option<FileData>]) {
    struct Reserve<'d> {
        ds: &'d mut Dataset,
        slots: &'d [Option<FileData>],
    }
    impl KindFn for Reserve<'_> {
        type Out = ();
        fn call<T: Record>(&mut self) {
            let lens = (0..self.slots.len())
                .filter(|&i| self.ds.files[i].kind == T::KIND)
                .filter_map(|i| self.slots[i].as_ref().map(|d| d.records.len()))
                .filter(|&n| n > 0);
            let (files, total) = lens.fold((0, 0), |(f, t), n| (f + 1, t + n));
            if files > 1 {
                T::all_mut(self.ds).reserve_exact(total);
            }
        }
    }
    each_kind(&mut Reserve { ds, slots });
}

/// Reads, parses and types one file of a parallel or streamed kind against `ids`.
fn read_file(
    root: &Path,
    f: &SourceFile,
    file: FileId,
    ids: &mut LocalIds<'_>,
    ctx: &ReadCtx<'_>,
) -> (Records, Vec<Finding>) {
    struct ReadAll<'r, 'p, 'g, 'c> {
        parsed: &'r Parsed,
        sink: &'r mut Sink<'p>,
        ids: &'r mut LocalIds<'g>,
        file: FileId,
        ctx: &'r ReadCtx<'c>,
    }
    impl KindFn for ReadAll<'_, '_, '_, '_> {
        type Out = Records;
        fn call<T: Record>(&mut self) -> Records {
            let mut out = Vec::new();
            T::read_file(self.parsed, self.sink, self.ids, self.file, self.ctx, &mut out);
            T::wrap(out)
        }
    }
    let mut sink = Sink::new(&f.path);
    let parsed = parse_file(root, f, &mut sink);
    let mut read = ReadAll { parsed: &parsed, sink: &mut sink, ids, file, ctx };
    let records = f.kind.with(&mut read).unwrap_or(Records::Settings);
    (records, with_snippets(sink.findings, parsed.text()))
}

/// One file of a parallel kind, typed: where it is, its records, the ids it used that were not
/// yet known, and its findings.
type ParallelFile = (usize, Records, Vec<Box<str>>, Vec<Finding>);

/// One streamed file's records, the ids it used that were not yet known, and its findings.
type StreamFile<T> = (Vec<T>, Vec<Box<str>>, Vec<Finding>);

/// Reads, parses and types one file of a streamed kind against the ids known so far.
fn stream_file<T: Record>(root: &Path, f: &SourceFile, i: usize, ids: &Interner, ctx: &ReadCtx<'_>) -> StreamFile<T> {
    let mut sink = Sink::new(&f.path);
    let parsed = parse_file(root, f, &mut sink);
    let mut local = LocalIds::new(ids);
    let mut out = Vec::new();
    T::read_file(&parsed, &mut sink, &mut local, FileId(i as u32), ctx, &mut out);
    let found = with_snippets(sink.findings, parsed.text());
    (out, local.into_extra(), found)
}

/// Types one already parsed file of a serial kind on the shared interner.
struct TypeSerial<'a, 'c> {
    file: &'a SourceFile,
    id: FileId,
    parsed: &'a Parsed,
    found: &'a [Finding],
    ids: &'a mut Interner,
    ctx: &'a ReadCtx<'c>,
}

impl KindFn for TypeSerial<'_, '_> {
    type Out = FileData;
    fn call<T: Record>(&mut self) -> FileData {
        let mut sink = Sink::new(&self.file.path);
        sink.findings.extend(self.found.iter().cloned());
        let csv = self.parsed.format() == Format::Csv;
        let mut out = Vec::new();
        let (ids, settings, file) = (&mut *self.ids, self.ctx.settings, self.id);
        self.parsed.each_record(&mut sink, T::COLUMNS, T::REQUIRED, |rec, sink| {
            let f = Fields::new(rec, sink, csv);
            out.extend(T::read(f, ids, Loc { file, line: rec.line }, settings));
        });
        let findings = with_snippets(sink.findings, self.parsed.text());
        FileData { records: T::wrap(out), findings }
    }
}

/// Decodes the leading cached files of each streamed kind ([`Run::cached`]).
struct Leading<'a> {
    cache: &'a Cache,
    files: &'a [SourceFile],
    stamps: &'a [Option<Stamp>],
    text: bool,
    see: &'a dyn super::Observer,
}

impl KindFn for Leading<'_> {
    type Out = Option<(Records, Vec<(usize, FileData)>)>;
    fn call<T: Record>(&mut self) -> Self::Out {
        if T::LOAD != Load::Stream {
            return None;
        }
        let of_kind: Vec<usize> = (0..self.files.len()).filter(|&i| self.files[i].kind == T::KIND).collect();
        let counts = of_kind.iter().map_while(|&i| self.cache.count(&self.files[i], self.stamps[i], self.text));
        let mut out: Vec<T> = Vec::with_capacity(counts.sum());
        let mut placed = Vec::new();
        for &i in &of_kind {
            let start = out.len();
            let file = FileId(i as u32);
            let Some(findings) = self.cache.records_into(&self.files[i], self.stamps[i], file, self.text, &mut out)
            else {
                break;
            };
            self.see.file_done();
            placed.push((i, FileData { records: Records::Placed(start..out.len()), findings }));
        }
        Some((T::wrap(out), placed))
    }
}

/// Runs [`Run::stream`] for every streamed kind.
struct Streams<'r, 'a>(&'r mut Run<'a>);

impl KindFn for Streams<'_, '_> {
    type Out = ();
    fn call<T: Record>(&mut self) {
        if T::LOAD == Load::Stream {
            self.0.stream::<T>();
        }
    }
}

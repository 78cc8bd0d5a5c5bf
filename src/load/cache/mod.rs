//! The parse cache: the typed records and loader findings of every file that has not changed
//! since the last load, in `.gov/cache/parsed.bin`, so that a warm run reads compact records
//! instead of parsing text.
//!
//! It never serves stale data. A file's entry is used only when the file's size, modification
//! time, change time and inode are what they were when it was parsed, `gov.yaml` is unchanged,
//! and the cache was written by this very `gov` binary. A file modified or changed within two
//! seconds before a load started is not cached by it, nor is anything while `gov.yaml` is that
//! fresh (on a file system with one-second times a second write in the same second would leave
//! the stamp unchanged: the "racy git" problem). Every section carries a checksum and every value is range-checked as it
//! is decoded: a damaged, truncated or foreign cache file is ignored and rebuilt, never trusted.
//! `--no-cache` neither reads nor writes it.
//!
//! Layout: a 16-byte header (magic, format), then each file's sections (its findings and
//! records; for visit files, a separate section of summaries and topics that commands without
//! text never read), then the index (build id, gov.yaml's stamp, the id interner, and per file:
//! path, kind, stamp, sections), then a 32-byte trailer locating and checksumming the index.

pub mod codec;
pub mod records;
#[cfg(test)]
mod tests;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use rayon::prelude::*;

use self::codec::{Corrupt, Dec, Decoded, Enc, checksum};
use crate::finding::Finding;
use crate::kinds::{Dataset, Kind, KindFn, Load, Record, Records};
use crate::model::id::IdMap;
use crate::model::{FileId, Interner, SourceFile};

/// Where the cache lives, relative to the folder root (the template's .gitignore names `.gov/`).
pub const CACHE_FILE: &str = ".gov/cache/parsed.bin";

const MAGIC: &[u8; 8] = b"GOVCACHE";
/// Bump when any encoding in this module or in [`records`] changes.
const FORMAT: u32 = 3;
const HEADER: u64 = 16;
const TRAILER: u64 = 32;
/// Files modified or changed this recently (seconds before a load starts) are not cached.
pub const SETTLE_SECONDS: i64 = 2;

/// What identifies one version of a file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    pub size: u64,
    pub mtime: (i64, u32),
    pub ctime: (i64, u32),
    pub inode: u64,
}

impl Stamp {
    /// The stamp of the file at `path`, or `None` when it cannot be read.
    pub fn of(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path).ok().map(|m| Stamp::from_metadata(&m))
    }

    pub fn from_metadata(m: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Stamp {
                size: m.size(),
                mtime: (m.mtime(), m.mtime_nsec() as u32),
                ctime: (m.ctime(), m.ctime_nsec() as u32),
                inode: m.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let t = m.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok()).unwrap_or_default();
            Stamp { size: m.len(), mtime: (t.as_secs() as i64, t.subsec_nanos()), ctime: (0, 0), inode: 0 }
        }
    }

    /// Modified or changed at or after `cutoff` (seconds): too recently to trust the stamp, as
    /// a second write within the same tick of a coarse clock would leave it unchanged. The
    /// change time counts too: tools that restore a file's modification time (`cp -p`, `tar x`,
    /// `rsync -t`) cannot restore it.
    pub fn is_recent(&self, cutoff: i64) -> bool {
        self.mtime.0.max(self.ctime.0) >= cutoff
    }

    fn write(&self, e: &mut Enc) {
        e.u64(self.size);
        e.i64(self.mtime.0);
        e.u32(self.mtime.1);
        e.i64(self.ctime.0);
        e.u32(self.ctime.1);
        e.u64(self.inode);
    }

    fn read(d: &mut Dec<'_>) -> Decoded<Stamp> {
        Ok(Stamp { size: d.u64()?, mtime: (d.i64()?, d.u32()?), ctime: (d.i64()?, d.u32()?), inode: d.u64()? })
    }
}

/// Seconds since the epoch, for the racy-file rule.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

/// Identifies the program that wrote a cache: its version, this format, and the executable's
/// own size and time stamp, so a rebuilt or upgraded `gov` (whose parsing may differ) never
/// reads an older one's records. `None` when the executable cannot be stamped: then there is no
/// cache at all.
fn build_id() -> Option<u64> {
    let exe = Stamp::of(&std::env::current_exe().ok()?)?;
    let mut e = Enc::default();
    e.str(env!("CARGO_PKG_VERSION"));
    e.u32(FORMAT);
    exe.write(&mut e);
    Some(checksum(&e.buf))
}

/// A byte range of the cache file and its checksum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Section {
    offset: u64,
    len: u64,
    sum: u64,
}

impl Section {
    fn write(&self, e: &mut Enc) {
        e.u64(self.offset);
        e.u64(self.len);
        e.u64(self.sum);
    }

    fn read(d: &mut Dec<'_>, end: u64) -> Decoded<Section> {
        let s = Section { offset: d.u64()?, len: d.u64()?, sum: d.u64()? };
        // Within the file: a damaged length never asks for more than the file holds.
        let fits = s.offset >= HEADER && s.offset.checked_add(s.len).is_some_and(|e| e <= end);
        if fits { Ok(s) } else { Err(Corrupt) }
    }
}

/// One cached file.
#[derive(Debug, Clone)]
struct Entry {
    kind: Kind,
    stamp: Stamp,
    records: Section,
    /// Visit summaries and topics, when they were kept.
    text: Option<Section>,
    /// How many records it holds.
    count: u32,
}

/// What loading one file gave: its records and its findings.
#[derive(Debug)]
pub struct FileData {
    pub records: Records,
    pub findings: Vec<Finding>,
}

/// A cache file opened for reading.
pub struct Cache {
    file: File,
    /// By path as text (hashing a `Path` walks its components; a string is hashed as bytes).
    entries: IdMap<Box<str>, Entry>,
    ids: u32,
}

impl Cache {
    /// Opens the folder's cache when it is whole, written by this program, and made with the
    /// same `gov.yaml`; with the id interner its records refer to. `None` otherwise (no cache
    /// is not an error: the caller parses).
    pub fn open(root: &Path, settings: Option<Stamp>) -> Option<(Cache, Interner)> {
        let file = File::open(root.join(CACHE_FILE)).ok()?;
        Cache::read_index(file, settings?).ok()
    }

    fn read_index(file: File, settings: Stamp) -> Result<(Cache, Interner), Corrupt> {
        let size = file.metadata().map_err(|_| Corrupt)?.len();
        if size < HEADER + TRAILER {
            return Err(Corrupt);
        }
        let header = read_at(&file, 0, HEADER)?;
        let mut d = Dec::new(&header, 0);
        if d.take(8)? != MAGIC || d.u32()? != FORMAT {
            return Err(Corrupt);
        }
        let trailer = read_at(&file, size - TRAILER, TRAILER)?;
        let mut d = Dec::new(&trailer, 0);
        let index = Section::read(&mut d, size - TRAILER)?;
        if d.take(8)? != MAGIC {
            return Err(Corrupt);
        }
        let bytes = read_at(&file, index.offset, index.len)?;
        if checksum(&bytes) != index.sum {
            return Err(Corrupt);
        }
        let mut d = Dec::new(&bytes, 0);
        if Some(d.u64()?) != build_id() || Stamp::read(&mut d)? != settings {
            return Err(Corrupt);
        }
        let text = d.str()?.to_owned();
        let n = d.len(4)?;
        let ends = (0..n).map(|_| d.u32()).collect::<Decoded<Vec<u32>>>()?;
        let ids = Interner::from_parts(text, ends).ok_or(Corrupt)?;
        let n = d.len(8)?;
        let mut entries = IdMap::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let path: Box<str> = d.str()?.into();
            let kind = *Kind::ALL.get(d.u8()? as usize).ok_or(Corrupt)?;
            let stamp = Stamp::read(&mut d)?;
            let records = Section::read(&mut d, index.offset)?;
            let text = if d.bool()? { Some(Section::read(&mut d, index.offset)?) } else { None };
            let count = d.u32()?;
            // Every record takes at least this many bytes: a damaged count can ask for no more
            // room than the section's bytes could fill.
            let min_size = kind.facts().map_or(12, |f| f.min_bytes) as u64;
            if u64::from(count) * min_size > records.len {
                return Err(Corrupt);
            }
            entries.insert(path, Entry { kind, stamp, records, text, count });
        }
        if !d.is_done() {
            return Err(Corrupt);
        }
        let count = ids.len() as u32;
        Ok((Cache { file, entries, ids: count }, ids))
    }

    /// The entry of `file` when it is for the file as it is now (and holds detail text if `text`
    /// is wanted and the kind has any).
    fn entry(&self, file: &SourceFile, stamp: Option<Stamp>, text: bool) -> Option<&Entry> {
        let e = self.entries.get(file.path.to_str()?)?;
        let fresh = e.kind == file.kind && Some(e.stamp) == stamp;
        let detail = file.kind.facts().is_some_and(|f| f.detail);
        (fresh && !(text && detail && e.text.is_none())).then_some(e)
    }

    /// The records, as cached, of every file but those of streamed kinds (those go straight
    /// into the dataset: [`Cache::records_into`]); `None` where a file must be parsed. Read in parallel;
    /// entries that lie end to end in the cache are read with one call per megabyte rather than
    /// one per file (tens of thousands of small issue files).
    pub fn get_many(
        &self,
        files: &[SourceFile],
        stamps: &[Option<Stamp>],
        tick: impl Fn() + Sync,
    ) -> Vec<Option<FileData>> {
        const BATCH: u64 = 1 << 20;
        let mut batches: Vec<Vec<(usize, &Entry)>> = Vec::new();
        let mut end = u64::MAX;
        for (i, f) in files.iter().enumerate() {
            let streamed = f.kind.facts().is_none_or(|k| k.load == Load::Stream);
            let Some(e) = (!streamed).then(|| self.entry(f, stamps[i], false)).flatten() else { continue };
            match batches.last_mut() {
                Some(b) if e.records.offset == end && end - b[0].1.records.offset < BATCH => b.push((i, e)),
                _ => batches.push(vec![(i, e)]),
            }
            end = e.records.offset + e.records.len;
        }
        let decoded: Vec<Vec<(usize, Option<FileData>)>> = batches
            .par_iter()
            .map(|batch| {
                let (first, last) = (batch[0].1.records, batch[batch.len() - 1].1.records);
                let bytes = if batch.len() > 1 {
                    read_at(&self.file, first.offset, last.offset + last.len - first.offset).ok()
                } else {
                    None
                };
                batch
                    .iter()
                    .map(|&(i, e)| {
                        let file = FileId(i as u32);
                        let data = match &bytes {
                            Some(b) => {
                                let at = (e.records.offset - first.offset) as usize;
                                self.decode_bytes(e, &b[at..at + e.records.len as usize], file)
                            }
                            None => self.section(e.records).and_then(|b| self.decode_bytes(e, &b, file)),
                        };
                        tick();
                        (i, data.ok())
                    })
                    .collect()
            })
            .collect();
        let mut out: Vec<Option<FileData>> = (0..files.len()).map(|_| None).collect();
        for (i, data) in decoded.into_iter().flatten() {
            out[i] = data;
        }
        out
    }

    /// How many records the cache holds for `file` as it is now.
    pub fn count(&self, file: &SourceFile, stamp: Option<Stamp>, text: bool) -> Option<usize> {
        self.entry(file, stamp, text).map(|e| e.count as usize)
    }

    /// Decodes a file's records straight onto the end of `out` (no copy through a vector of
    /// its own: for visits at district scale that copy was a fifth of a warm load) and returns
    /// its findings. On `None`, `out` is as it was.
    pub fn records_into<T: Record>(
        &self,
        file: &SourceFile,
        stamp: Option<Stamp>,
        id: FileId,
        text: bool,
        out: &mut Vec<T>,
    ) -> Option<Vec<Finding>> {
        let e = self.entry(file, stamp, text).filter(|e| e.kind == T::KIND)?;
        let start = out.len();
        let found = self.decode_into(e, id, text, out);
        if found.is_err() {
            out.truncate(start);
        }
        found.ok()
    }

    fn decode_into<T: Record>(&self, e: &Entry, file: FileId, text: bool, out: &mut Vec<T>) -> Decoded<Vec<Finding>> {
        let start = out.len();
        let bytes = self.section(e.records)?;
        let mut d = Dec::new(&bytes, self.ids);
        let findings = read_findings(&mut d)?;
        let n = d.len(T::MIN_BYTES)?;
        out.reserve(n);
        for _ in 0..n {
            out.push(T::decode(&mut d, file)?);
        }
        if !d.is_done() {
            return Err(Corrupt);
        }
        if let (true, Some(section)) = (text, e.text) {
            let bytes = self.section(section)?;
            let mut d = Dec::new(&bytes, self.ids);
            for r in &mut out[start..] {
                r.decode_detail(&mut d)?;
            }
            if !d.is_done() {
                return Err(Corrupt);
            }
        }
        Ok(findings)
    }

    fn section(&self, s: Section) -> Decoded<Vec<u8>> {
        let bytes = read_at(&self.file, s.offset, s.len)?;
        if checksum(&bytes) == s.sum { Ok(bytes) } else { Err(Corrupt) }
    }

    /// Decodes the records section of a file of a kind that is not streamed, already read (and
    /// checked against its checksum here).
    fn decode_bytes(&self, e: &Entry, bytes: &[u8], file: FileId) -> Decoded<FileData> {
        struct Decode<'b> {
            d: Dec<'b>,
            file: FileId,
        }
        impl KindFn for Decode<'_> {
            type Out = Decoded<Records>;
            fn call<T: Record>(&mut self) -> Decoded<Records> {
                let n = self.d.len(T::MIN_BYTES)?;
                let mut out = Vec::with_capacity(n);
                for _ in 0..n {
                    out.push(T::decode(&mut self.d, self.file)?);
                }
                Ok(T::wrap(out))
            }
        }
        if checksum(bytes) != e.records.sum || e.kind.facts().is_none_or(|f| f.load == Load::Stream) {
            return Err(Corrupt);
        }
        let mut d = Dec::new(bytes, self.ids);
        let findings = read_findings(&mut d)?;
        let mut decode = Decode { d, file };
        let records = e.kind.with(&mut decode).ok_or(Corrupt)??;
        if !decode.d.is_done() {
            return Err(Corrupt);
        }
        Ok(FileData { records, findings })
    }

    /// The raw sections of `path`'s entry, to copy into a new cache unchanged.
    fn raw(&self, path: &Path) -> Option<(Vec<u8>, Option<Vec<u8>>, u32)> {
        let e = self.entries.get(path.to_str()?)?;
        let records = self.section(e.records).ok()?;
        let text = match e.text {
            Some(s) => Some(self.section(s).ok()?),
            None => None,
        };
        Some((records, text, e.count))
    }
}

fn read_findings(d: &mut Dec<'_>) -> Decoded<Vec<Finding>> {
    let n = d.len(8)?;
    (0..n).map(|_| records::read_finding(d)).collect()
}

fn read_at(file: &File, offset: u64, len: u64) -> Decoded<Vec<u8>> {
    let mut buf = vec![0; usize::try_from(len).map_err(|_| Corrupt)?];
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(&mut buf, offset).map_err(|_| Corrupt)?;
    }
    #[cfg(not(unix))]
    {
        use std::io::{Read, Seek, SeekFrom};
        let mut f = file.try_clone().map_err(|_| Corrupt)?;
        f.seek(SeekFrom::Start(offset)).map_err(|_| Corrupt)?;
        f.read_exact(&mut buf).map_err(|_| Corrupt)?;
    }
    Ok(buf)
}

/// One file of the folder as the new cache should hold it.
pub enum Source<'a> {
    /// Unchanged and already in the old cache: copied as it is.
    Cached,
    /// Just parsed: where its records are in the dataset, its findings, and whether the
    /// records hold their detail text.
    Parsed { records: std::ops::Range<usize>, findings: &'a [Finding], text: bool },
}

/// Writes a new cache for the folder: `files` with their stamps and where their records come
/// from (`None`: not cached, e.g. gov.yaml), the just parsed ones in `ds`. Files stamped at or after `cutoff` (seconds; a
/// little before the load started) are left out, and nothing is written while gov.yaml is that
/// fresh. Written to a temporary file and renamed over the old one, so readers see the old
/// cache or the new, never a mix. `Ok(false)`: nothing to write.
pub fn write(
    root: &Path,
    old: Option<&Cache>,
    ds: &Dataset,
    settings: Stamp,
    files: &[(&SourceFile, Stamp, Option<Source<'_>>)],
    cutoff: i64,
) -> io::Result<bool> {
    let Some(build) = build_id() else { return Ok(false) };
    if settings.is_recent(cutoff)
        || !files.iter().any(|(_, stamp, source)| source.is_some() && !stamp.is_recent(cutoff))
    {
        // gov.yaml or every file too fresh to trust (a fresh clone, a folder just written): no
        // cache yet.
        return Ok(false);
    }
    let target = root.join(CACHE_FILE);
    let dir = target.parent().expect("a cache folder");
    crate::store::private_dir(root)?;
    std::fs::create_dir_all(dir)?;
    remove_abandoned(dir);
    let tmp = tempfile::NamedTempFile::new_in(dir)?;
    let mut out = BufWriter::with_capacity(1 << 20, tmp.as_file());
    let mut at = HEADER;
    let mut header = Enc::default();
    header.buf.extend_from_slice(MAGIC);
    header.u32(FORMAT);
    header.u32(0);
    out.write_all(&header.buf)?;

    let mut put = |bytes: &[u8], out: &mut BufWriter<&File>| -> io::Result<Section> {
        out.write_all(bytes)?;
        let s = Section { offset: at, len: bytes.len() as u64, sum: checksum(bytes) };
        at += s.len;
        Ok(s)
    };
    let mut index = Enc::default();
    index.u64(build);
    settings.write(&mut index);
    let (text, ends) = ds.ids.parts();
    index.str(text);
    index.len(ends.len());
    ends.iter().for_each(|&e| index.u32(e));
    let mut entries = Enc::default();
    let mut stored = 0;
    let mut enc = Enc::default();
    for (file, stamp, source) in files {
        let Some(source) = source else { continue };
        if stamp.is_recent(cutoff) {
            continue;
        }
        let (records, text, count) = match source {
            Source::Cached => {
                let Some((records, text, count)) = old.and_then(|c| c.raw(&file.path)) else { continue };
                (put(&records, &mut out)?, text.map(|t| put(&t, &mut out)).transpose()?, count)
            }
            Source::Parsed { records, findings, text } => {
                enc.buf.clear();
                enc.len(findings.len());
                findings.iter().for_each(|f| records::finding(&mut enc, f));
                let mut encode = Encode { ds, records: records.clone(), enc: &mut enc, detail: false };
                let Some(count) = file.kind.with(&mut encode) else { continue };
                let section = put(&enc.buf, &mut out)?;
                let text = if *text && file.kind.facts().is_some_and(|f| f.detail) {
                    enc.buf.clear();
                    let mut encode = Encode { ds, records: records.clone(), enc: &mut enc, detail: true };
                    file.kind.with(&mut encode);
                    Some(put(&enc.buf, &mut out)?)
                } else {
                    None
                };
                (section, text, count)
            }
        };
        entries.str(&file.path.to_string_lossy());
        entries.u8(file.kind.index() as u8);
        stamp.write(&mut entries);
        records.write(&mut entries);
        entries.bool(text.is_some());
        if let Some(t) = text {
            t.write(&mut entries);
        }
        entries.u32(count);
        stored += 1;
    }
    index.len(stored);
    index.buf.extend_from_slice(&entries.buf);
    let index_section = put(&index.buf, &mut out)?;
    let mut trailer = Enc::default();
    index_section.write(&mut trailer);
    trailer.buf.extend_from_slice(MAGIC);
    out.write_all(&trailer.buf)?;
    out.flush()?;
    drop(out);
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(true)
}

/// Encodes the records of one file, `ds`'s `records` of the file's kind: their figures, or with
/// `detail` their detail text. Gives how many there are.
struct Encode<'a> {
    ds: &'a Dataset,
    records: std::ops::Range<usize>,
    enc: &'a mut Enc,
    detail: bool,
}

impl KindFn for Encode<'_> {
    type Out = u32;
    fn call<T: Record>(&mut self) -> u32 {
        let list = &T::all(self.ds)[self.records.clone()];
        if self.detail {
            list.iter().for_each(|r| r.encode_detail(self.enc));
        } else {
            self.enc.len(list.len());
            list.iter().for_each(|r| r.encode(self.enc));
        }
        list.len() as u32
    }
}

/// Removes temporary files a killed writer left in the cache folder (an hour old or more: a
/// writer at work is seconds old).
fn remove_abandoned(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for e in entries.flatten() {
        let old = e.metadata().and_then(|m| m.modified()).is_ok_and(|t| t < hour_ago);
        if e.file_name().to_string_lossy().starts_with(".tmp") && old {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

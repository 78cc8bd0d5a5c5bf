//! The parse cache: the typed records and loader findings of every file that has not changed
//! since the last load, in `.gov/cache/parsed.bin`, so that a warm run reads compact records
//! instead of parsing text.
//!
//! It never serves stale data. A file's entry is used only when the file's size, modification
//! time, change time and inode are what they were when it was parsed, `gov.yaml` is unchanged,
//! and the cache was written by this very `gov` binary. A file modified or changed within two
//! seconds before a load started is not cached by it, nor is anything while `gov.yaml` is that
//! fresh (on a file system with one-second times a second write in the same second would leave
//! the stamp unchanged: the "racy git" problem). Every section carries a checksum and every
//! value is range-checked as it is decoded: a damaged, truncated or foreign cache file is ignored and rebuilt, never trusted.
//! `--no-cache` neither reads nor writes it.
//!
//! Layout: a 16-byte header (magic, format), then each file's sections (its findings and
//! records; for visit files, a separate section of summaries and topics that commands without
//! text never read), then the index (build id, gov.yaml's stamp, the id interner, and per file:
//! path, kind, stamp, sections), then a 32-byte trailer locating and checksumming the index.

pub mod codec;
pub mod records;
mod stamp;
#[cfg(test)]
mod tests;
mod write;

use std::fs::File;
use std::path::Path;

use rayon::prelude::*;

use self::codec::{Corrupt, Dec, Decoded, Enc, checksum};
use crate::finding::Finding;
use crate::kinds::{Kind, KindFn, Load, Record, Records};
use crate::model::id::IdMap;
use crate::model::{FileId, Interner, SourceFile};

use self::stamp::build_id;
pub use self::stamp::{Stamp, now};
pub use self::write::{Source, write};
pub use crate::layout::CACHE_FILE;

const MAGIC: &[u8; 8] = b"GOVCACHE";
/// Bump when any encoding in this module or in [`records`] changes.
const FORMAT: u32 = 10;
const HEADER: u64 = 16;
const TRAILER: u64 = 32;
/// Files modified or changed this recently (seconds before a load starts) are not cached.
pub const SETTLE_SECONDS: i64 = 2;

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
        // Never through a link: `.gov`, its cache folder and the cache file must be real.
        crate::layout::existing_private_dir(root)?;
        let path = root.join(CACHE_FILE);
        let real = |p: &Path| std::fs::symlink_metadata(p).is_ok_and(|m| !m.file_type().is_symlink());
        if !(real(path.parent()?) && real(&path)) {
            return None;
        }
        let file = File::open(path).ok()?;
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

//! Writing a new cache: the unchanged files' sections copied from the old one, the just
//! parsed files encoded, then the index and the trailer; all in a temporary file renamed over
//! the old cache.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use super::codec::{Enc, checksum};
use super::stamp::{Stamp, build_id};
use super::{CACHE_FILE, Cache, FORMAT, HEADER, MAGIC, Section, records};
use crate::finding::Finding;
use crate::kinds::{Dataset, KindFn, Record};
use crate::model::SourceFile;

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
    crate::layout::private_dir(root)?;
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

//! What identifies one version of a file on disk, and the program that wrote a cache.

use std::path::Path;

use super::FORMAT;
use super::codec::{Dec, Decoded, Enc, checksum};

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

    pub(super) fn write(&self, e: &mut Enc) {
        e.u64(self.size);
        e.i64(self.mtime.0);
        e.u32(self.mtime.1);
        e.i64(self.ctime.0);
        e.u32(self.ctime.1);
        e.u64(self.inode);
    }

    pub(super) fn read(d: &mut Dec<'_>) -> Decoded<Stamp> {
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
pub(super) fn build_id() -> Option<u64> {
    let exe = Stamp::of(&std::env::current_exe().ok()?)?;
    let mut e = Enc::default();
    e.str(env!("CARGO_PKG_VERSION"));
    e.u32(FORMAT);
    exe.write(&mut e);
    Some(checksum(&e.buf))
}

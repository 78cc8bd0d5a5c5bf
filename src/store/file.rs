//! Reading a data file for editing, and the three ways gov writes one: append records, create a
//! new file, replace a file whole. Each keeps the file's encoding and line endings.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use encoding_rs::GB18030;

use crate::load::text::{DecodeError, Encoding, decode};

/// A file to edit whose bytes are not text: the payload of the `InvalidData` error
/// [`TextFile::read`] returns.
#[derive(Debug, thiserror::Error)]
#[error("{} {error}", path.display())]
pub struct NotText {
    pub path: PathBuf,
    pub error: DecodeError,
}

/// A data file as text, with what is needed to write it back the way it was.
#[derive(Debug, Clone, PartialEq)]
pub struct TextFile {
    pub path: PathBuf,
    /// The decoded text, line endings as in the file.
    pub text: String,
    pub encoding: Encoding,
    /// The file's line end, `\n`, `\r\n` or a lone `\r` (Excel for Mac's "CSV (Macintosh)"): the
    /// first one in it, as [`crate::load::csv::split::newline`] finds it.
    pub newline: &'static str,
}

impl TextFile {
    /// Reads a file; `None` if it does not exist.
    pub fn read(path: &Path) -> io::Result<Option<TextFile>> {
        let bytes = match fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let (text, encoding) = decode(&bytes)
            .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, NotText { path: path.to_path_buf(), error }))?;
        let text = text.into_owned();
        let newline = crate::load::csv::split::newline(&text);
        Ok(Some(TextFile { path: path.to_path_buf(), text, encoding, newline }))
    }

    /// The file's line ending.
    pub fn newline(&self) -> &'static str {
        self.newline
    }

    /// Text written with `\n` line endings, in this file's line ending.
    pub fn with_newlines(&self, lf_text: &str) -> String {
        match self.newline {
            "\n" => lf_text.to_string(),
            nl => lf_text.replace("\r\n", "\n").replace('\n', nl),
        }
    }

    /// Whether the last line is left open (no line end after it).
    fn open_end(&self) -> bool {
        !self.text.is_empty() && !self.text.ends_with(['\n', '\r'])
    }

    /// The 1-based line a record appended now would start on, counting line ends as the loader
    /// does (`\n`, `\r\n` and a lone `\r` each end one line).
    pub fn next_line(&self) -> u32 {
        let lines = crate::load::csv::split::count_line_ends(self.text.as_bytes());
        (lines + 1 + usize::from(self.open_end())) as u32
    }

    fn encode(&self, s: &str) -> Vec<u8> {
        match self.encoding {
            Encoding::Utf8 => s.as_bytes().to_vec(),
            Encoding::Utf8Bom => s.as_bytes().to_vec(),
            Encoding::Gb18030 => GB18030.encode(s).0.into_owned(),
        }
    }

    /// Appends `lf_text` (whole records, `\n`-terminated) to the end of the file, first ending the
    /// last line if a person left it open. One write, then fsync.
    pub fn append(&self, lf_text: &str) -> io::Result<()> {
        let bytes = self.addition(lf_text);
        super::guard::check_in_folder(&self.path)?;
        let mut f = File::options().append(true).open(&self.path)?;
        let old_len = f.metadata()?.len();
        let written = f.write_all(&bytes).and_then(|()| {
            failpoint("append-before-sync");
            f.sync_all()
        });
        if let Err(e) = written {
            // A full disk or an I/O error part-way: cut the file back to what it was, so that no
            // half record is left for the next reader.
            let _ = f.set_len(old_len).and_then(|()| f.sync_all());
            return Err(e);
        }
        Ok(())
    }

    /// The file's length on disk now (0 if it is gone).
    pub fn len_on_disk(&self) -> u64 {
        fs::metadata(&self.path).map_or(0, |m| m.len())
    }

    /// The bytes [`TextFile::append`] adds for `lf_text`.
    pub fn addition(&self, lf_text: &str) -> Vec<u8> {
        let mut addition = String::new();
        if self.open_end() {
            addition.push_str(self.newline());
        }
        addition.push_str(&self.with_newlines(lf_text));
        self.encode(&addition)
    }

    /// Replaces the whole file with `text` (already in this file's line endings), keeping its
    /// encoding and byte order mark: temporary file, fsync, rename, fsync of the folder.
    pub fn replace(&self, text: &str) -> io::Result<()> {
        let root = super::guard::check_in_folder(&self.path)?;
        let mut bytes = Vec::new();
        if self.encoding == Encoding::Utf8Bom {
            bytes.extend_from_slice(b"\xEF\xBB\xBF");
        }
        bytes.extend(self.encode(text));
        write_atomic(&self.path, &bytes, true, root.as_deref())
    }
}

/// Creates a new file (UTF-8, LF) atomically; fails if it already exists.
pub fn create_new(path: &Path, text: &str) -> io::Result<()> {
    let root = super::guard::check_in_folder(path)?;
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    write_atomic(path, text.as_bytes(), false, root.as_deref())
}

/// Writes `bytes` to a temporary file in the folder's `.gov/tmp/` (beside `path` when there is
/// no folder, or when `.gov/` is on another file system), fsyncs it, renames it over `path` (or
/// to `path`, failing if it exists, unless `replace`) and fsyncs `path`'s folder.
fn write_atomic(path: &Path, bytes: &[u8], replace: bool, root: Option<&Path>) -> io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let staged = match root {
        Some(root) => Some(crate::layout::temp_dir(root)?),
        None => None,
    };
    match write_via(staged.as_deref().unwrap_or(dir), path, bytes, replace) {
        Err(e) if staged.is_some() && e.kind() == io::ErrorKind::CrossesDevices => write_via(dir, path, bytes, replace),
        done => done,
    }?;
    sync_dir(dir)
}

fn write_via(tmp_dir: &Path, path: &Path, bytes: &[u8], replace: bool) -> io::Result<()> {
    let mut b = tempfile::Builder::new();
    b.prefix(crate::layout::TEMP_PREFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(path).map(|m| m.permissions().mode() & 0o777).unwrap_or(0o644);
        b.permissions(fs::Permissions::from_mode(mode));
    }
    let mut tmp = b.tempfile_in(tmp_dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    failpoint("replace-before-rename");
    if replace {
        tmp.persist(path).map_err(|e| e.error)?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
    }
    Ok(())
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    let _ = dir;
    Ok(())
}

/// Test hook: `GOV_FAILPOINT=<name>` makes the process die at that point, as a crash or a kill
/// would, so tests can show that the folder survives.
fn failpoint(name: &str) {
    if std::env::var_os("GOV_FAILPOINT").is_some_and(|v| v == name) {
        std::process::abort();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(dir: &Path, name: &str, bytes: &[u8]) -> TextFile {
        let p = dir.join(name);
        fs::write(&p, bytes).unwrap();
        TextFile::read(&p).unwrap().unwrap()
    }

    #[test]
    fn appends_keep_encoding_and_line_endings() {
        let dir = tempfile::tempdir().unwrap();
        let crlf = file(dir.path(), "a.csv", b"date,summary\r\n2022-01-01,x\r\n");
        assert_eq!(crlf.next_line(), 3);
        crlf.append("2022-01-02,看望\n").unwrap();
        assert_eq!(fs::read_to_string(&crlf.path).unwrap(), "date,summary\r\n2022-01-01,x\r\n2022-01-02,看望\r\n");

        let (gbk, _, _) = GB18030.encode("date,summary\n2022-01-01,张伟\n");
        let gb = file(dir.path(), "b.csv", &gbk);
        assert_eq!(gb.encoding, Encoding::Gb18030);
        gb.append("2022-01-02,李娜\n").unwrap();
        let (expected, _, _) = GB18030.encode("date,summary\n2022-01-01,张伟\n2022-01-02,李娜\n");
        assert_eq!(fs::read(&gb.path).unwrap(), expected.into_owned());
    }

    #[test]
    fn a_file_with_lone_cr_line_ends_gets_them_and_is_counted_as_the_loader_counts() {
        let dir = tempfile::tempdir().unwrap();
        let cr = file(dir.path(), "a.csv", b"date,summary\r2022-01-01,x\r");
        assert_eq!(cr.newline(), "\r");
        assert_eq!(cr.next_line(), 3);
        cr.append("2022-01-02,y\n2022-01-03,z\n").unwrap();
        assert_eq!(fs::read(&cr.path).unwrap(), b"date,summary\r2022-01-01,x\r2022-01-02,y\r2022-01-03,z\r");
        // A last line left open is ended with the file's own line end.
        let open = file(dir.path(), "b.csv", b"date,summary\r2022-01-01,x");
        assert_eq!(open.next_line(), 3);
        open.append("2022-01-02,y\n").unwrap();
        assert_eq!(fs::read(&open.path).unwrap(), b"date,summary\r2022-01-01,x\r2022-01-02,y\r");
        // Mixed: the first line end decides, and every one is counted.
        let mixed = file(dir.path(), "c.csv", b"date,summary\r\n2022-01-01,x\r2022-01-02,y\n");
        assert_eq!((mixed.newline(), mixed.next_line()), ("\r\n", 4));
    }

    #[test]
    fn an_open_last_line_is_ended_first() {
        let dir = tempfile::tempdir().unwrap();
        let f = file(dir.path(), "a.csv", b"date,summary\n2022-01-01,x");
        assert_eq!(f.next_line(), 3);
        f.append("2022-01-02,y\n").unwrap();
        assert_eq!(fs::read_to_string(&f.path).unwrap(), "date,summary\n2022-01-01,x\n2022-01-02,y\n");
    }

    #[test]
    fn replace_keeps_the_bom_and_create_never_clobbers() {
        let dir = tempfile::tempdir().unwrap();
        let f = file(dir.path(), "a.csv", "\u{FEFF}id\nH1\n".as_bytes());
        f.replace("id\nH2\n").unwrap();
        assert_eq!(fs::read(&f.path).unwrap(), "\u{FEFF}id\nH2\n".as_bytes());
        let new = dir.path().join("sub/new.yaml");
        create_new(&new, "id: I-1\n").unwrap();
        assert!(create_new(&new, "id: I-2\n").is_err());
        assert_eq!(fs::read_to_string(&new).unwrap(), "id: I-1\n");
        assert!(TextFile::read(&dir.path().join("missing")).unwrap().is_none());
    }
}

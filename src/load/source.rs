//! One file's text, from the bytes on disk to raw records: read (refusing what is too large),
//! decode, and for YAML parse; CSV is split into rows later, by kind. Problems become findings,
//! with the source line under parse errors.

use std::path::Path;

use super::csv;
use super::fields::Sink;
use super::raw::RawRecord;
use super::yaml;
use super::{MAX_FILE_BYTES, text};
use crate::finding::{Code, Finding, Snippet};
use crate::model::{Format, Kind, SourceFile};
use crate::text::findings as say;

/// A file's content after decoding and, for YAML, parsing.
pub enum Parsed {
    /// Not text, or YAML that does not parse: already reported; holds no records.
    Unreadable,
    Broken {
        text: String,
    },
    Yaml {
        text: String,
        records: Vec<RawRecord<'static>>,
    },
    Csv {
        text: String,
    },
}

impl Parsed {
    pub fn format(&self) -> Format {
        match self {
            Parsed::Csv { .. } => Format::Csv,
            _ => Format::Yaml,
        }
    }

    pub fn text(&self) -> &str {
        match self {
            Parsed::Unreadable => "",
            Parsed::Broken { text } | Parsed::Yaml { text, .. } | Parsed::Csv { text } => text,
        }
    }

    /// Calls `each` with every record of the file; a CSV file's header is checked against the
    /// `known` and `required` columns first.
    pub fn each_record(
        &self,
        sink: &mut Sink<'_>,
        known: &[&str],
        required: &[&str],
        mut each: impl FnMut(&RawRecord<'_>, &mut Sink<'_>),
    ) {
        match self {
            Parsed::Unreadable | Parsed::Broken { .. } => {}
            Parsed::Yaml { records, .. } => records.iter().for_each(|r| each(r, sink)),
            Parsed::Csv { text } => csv::for_each_row(text, sink, known, required, each),
        }
    }
}

pub(crate) fn parse_file(root: &Path, file: &SourceFile, sink: &mut Sink<'_>) -> Parsed {
    let text = match read_text(&root.join(&file.path)) {
        Ok(text) => text,
        Err(e) => {
            let (message, hint) = match &e {
                ReadError::Io(error) => (say::cannot_read(error), say::encoding_hint()),
                ReadError::TooLarge { bytes } => {
                    (say::too_large(bytes >> 20, MAX_FILE_BYTES >> 20), say::encoding_hint())
                }
                ReadError::NotText(why) => (say::not_text(why), say::not_text_hint(why, file.format == Format::Csv)),
                ReadError::NotRegular(what) => (say::not_regular(*what == LINK), say::not_regular_hint()),
            };
            sink.push(Code::ParseError, 0, 0, message, Some(hint));
            return Parsed::Unreadable;
        }
    };
    let parsed = match (file.kind, file.format) {
        (_, Format::Csv) => Ok(Vec::new()),
        (Kind::Settings, Format::Yaml) => yaml::parse_mapping(&text).map(|r| vec![r]),
        (_, Format::Yaml) => yaml::parse_records(&text),
    };
    match (file.format, parsed) {
        (Format::Csv, _) => {
            if let Some(line) = csv::unclosed_quote(&text) {
                sink.push(Code::ParseError, line, 0, say::unclosed_quote(), Some(say::unclosed_quote_hint()));
            }
            Parsed::Csv { text }
        }
        (Format::Yaml, Ok(records)) => Parsed::Yaml { text, records },
        (Format::Yaml, Err(e)) => {
            let hint = say::invalid_yaml_hint(file.kind == Kind::Settings);
            sink.push(Code::ParseError, e.line, e.column, say::invalid_yaml(&e.message), Some(hint));
            Parsed::Broken { text }
        }
    }
}

/// What [`ReadError::NotRegular`] says of a symbolic link.
const LINK: &str = "a symbolic link";

/// Why a file could not be read as text. The messages become `parse-error` findings.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read file: {0}")]
    Io(std::io::Error),
    #[error("file is {} MB, more than gov reads ({} MB); split it, e.g. visits by month", bytes >> 20, MAX_FILE_BYTES >> 20)]
    TooLarge { bytes: u64 },
    #[error("file {0}")]
    NotText(text::DecodeError),
    /// A link, a folder, a FIFO, a socket or a device: never read through or waited on.
    #[error("cannot read file: it is {0}; gov reads only regular files inside the folder")]
    NotRegular(&'static str),
}

/// Reads and decodes a file, refusing files too large to hold and anything but a regular file.
/// One open, one `fstat` and one UTF-8 validation per file (tens of thousands of issue files;
/// hundreds of megabytes of visits). The walk took only regular files, but gov.yaml is read
/// whatever it is, and a file can be swapped meanwhile: the open itself follows no link and
/// does not wait on a FIFO, and the `fstat` of what was opened decides.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    use std::io::Read;
    let file = open_regular(path)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular("not a regular file (a folder, FIFO, socket or device)"));
    }
    let len = meta.len();
    if len > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: len });
    }
    // The size from `fstat` bounds the read: one `read` call for a small file, rather than a
    // second one to find the end (sixty thousand issue files).
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(len).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    text::decode_owned(bytes).map(|(text, _)| text).map_err(ReadError::NotText)
}

/// Opens `path` for reading without following a link in its last component and without waiting
/// for a FIFO's writer.
#[cfg(unix)]
fn open_regular(path: &Path) -> Result<std::fs::File, ReadError> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::File::options().read(true).custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK).open(path).map_err(
        |e| match e.raw_os_error() {
            Some(libc::ELOOP) => ReadError::NotRegular(LINK),
            _ => ReadError::Io(e),
        },
    )
}

#[cfg(not(unix))]
fn open_regular(path: &Path) -> Result<std::fs::File, ReadError> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(ReadError::NotRegular(LINK));
    }
    std::fs::File::open(path).map_err(ReadError::Io)
}

/// Adds the source line under parse errors.
pub(crate) fn with_snippets(mut findings: Vec<Finding>, text: &str) -> Vec<Finding> {
    for f in &mut findings {
        if f.code == Code::ParseError
            && f.snippet.is_none()
            && let (Some(line), Some(col)) = (f.line, f.column)
        {
            f.snippet = text::line_text(text, line)
                .filter(|t| t.len() <= 300 && col as usize <= t.chars().count() + 1)
                .map(|t| Snippet { text: t.to_string(), column: col });
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_errors_are_finding_messages() {
        let dir = tempfile::tempdir().unwrap();
        let missing = read_text(&dir.path().join("nope.csv")).unwrap_err().to_string();
        assert!(missing.starts_with("cannot read file: "), "{missing}");
        let utf16 = dir.path().join("utf16.csv");
        std::fs::write(&utf16, b"\xFF\xFEa\x00").unwrap();
        assert_eq!(read_text(&utf16).unwrap_err().to_string(), "file is UTF-16 text, not UTF-8 or GB18030");
        assert_eq!(
            ReadError::TooLarge { bytes: 600 << 20 }.to_string(),
            "file is 600 MB, more than gov reads (512 MB); split it, e.g. visits by month"
        );
    }

    /// A link is not read through, and a FIFO is refused at once instead of waiting for a writer
    /// (were it waited on, this test would hang).
    #[cfg(unix)]
    #[test]
    fn only_regular_files_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.csv");
        std::fs::write(&real, "id\n").unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert!(matches!(read_text(&link), Err(ReadError::NotRegular("a symbolic link"))));
        assert_eq!(read_text(&real).unwrap(), "id\n");
        assert!(matches!(read_text(dir.path()), Err(ReadError::NotRegular(_))));
        let fifo = dir.path().join("fifo.csv");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let e = read_text(&fifo).unwrap_err().to_string();
        assert_eq!(
            e,
            "cannot read file: it is not a regular file (a folder, FIFO, socket or device); gov reads only regular files inside the folder"
        );
    }
}

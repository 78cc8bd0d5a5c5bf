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
    let path = root.join(&file.path);
    // Never through a link, never a FIFO (opening one waits forever): the walk took only
    // regular files, but gov.yaml is read whatever it is, and a file can change meanwhile.
    if let Some(what) = not_regular(&path) {
        let message = format!("cannot read file: it is {what}; gov reads only regular files inside the folder");
        sink.push(Code::ParseError, 0, 0, message, Some("replace it with the file itself".into()));
        return Parsed::Unreadable;
    }
    let text = match read_text(&path) {
        Ok(text) => text,
        Err(e) => {
            sink.push(
                Code::ParseError,
                0,
                0,
                e.to_string(),
                Some("gov reads UTF-8 or GB18030 (GBK) text files".into()),
            );
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
                let hint = "add the closing `\"`; the file may have been cut short";
                sink.push(
                    Code::ParseError,
                    line,
                    0,
                    "a quoted value that starts on this line is never closed".into(),
                    Some(hint.into()),
                );
            }
            Parsed::Csv { text }
        }
        (Format::Yaml, Ok(records)) => Parsed::Yaml { text, records },
        (Format::Yaml, Err(e)) => {
            let hint = if file.kind == Kind::Settings {
                "gov.yaml holds one mapping of setting: value; start from the one `gov init` writes"
            } else {
                "fix the YAML at this place; the other records in this file were not read"
            };
            sink.push(Code::ParseError, e.line, e.column, format!("invalid YAML: {}", e.message), Some(hint.into()));
            Parsed::Broken { text }
        }
    }
}

/// What `path` is when it is there and not a regular file (a link is looked at itself).
fn not_regular(path: &Path) -> Option<&'static str> {
    let kind = std::fs::symlink_metadata(path).ok()?.file_type();
    if kind.is_file() {
        None
    } else if kind.is_symlink() {
        Some("a symbolic link")
    } else {
        Some("not a regular file (a folder, FIFO, socket or device)")
    }
}

/// Why a file could not be read as text. The messages become `parse-error` findings.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read file: {0}")]
    Io(std::io::Error),
    #[error("file is {} MB, more than gov reads ({} MB); split it, e.g. visits by month", bytes >> 20, MAX_FILE_BYTES >> 20)]
    TooLarge { bytes: u64 },
    #[error("file {0}")]
    NotText(text::DecodeError),
}

/// Reads and decodes a file, refusing files too large to hold. One open, one `fstat` and one
/// UTF-8 validation per file (tens of thousands of issue files; hundreds of megabytes of visits).
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let len = file.metadata().map_err(ReadError::Io)?.len();
    if len > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: len });
    }
    // The size from `fstat` bounds the read: one `read` call for a small file, rather than a
    // second one to find the end (sixty thousand issue files).
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(len).read_to_end(&mut bytes).map_err(ReadError::Io)?;
    text::decode_owned(bytes).map(|(text, _)| text).map_err(ReadError::NotText)
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
        assert_eq!(read_text(&utf16).unwrap_err().to_string(), "file is UTF-16 text; save it as UTF-8");
        assert_eq!(
            ReadError::TooLarge { bytes: 600 << 20 }.to_string(),
            "file is 600 MB, more than gov reads (512 MB); split it, e.g. visits by month"
        );
    }
}

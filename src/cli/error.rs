//! The one error type of the command line. Its [`ErrorKind`] decides the exit code, in one
//! place ([`CliError::exit_code`]); it prints as `Error:` / `错误：` with the causes and a
//! `Hint:` / `提示：` saying what to do, every word from the catalogue
//! ([`crate::text::errors`]).
//!
//! There is no blanket conversion. Each library error a command passes on has its own `From`
//! impl, and that impl picks the kind and the catalogue's words for it (`e.text()`), as jj's
//! `cli/src/command_error.rs` does. Errors a command words itself take their kind from the
//! constructor: [`CliError::refused`], [`CliError::usage`], [`CliError::io`] or
//! [`CliError::os`] (a message with the operating system's error under it). The CSV and JSON
//! writers (`render`) fail as `io::Error`, so `csv::Error` and `serde_json::Error` never reach
//! the command line.

use std::fmt;
use std::io;
use std::process::ExitCode;

use crate::load::LoadError;
use crate::report::index::FindError;
use crate::report::period::PeriodError;
use crate::text::{self, Text, errors};

/// 0 ok, 1 data problems found, 2 usage or I/O error.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Ok = 0,
    Findings = 1,
    Failure = 2,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// Why a command failed. One kind per cause. [`CliError::exit_code`] maps the kinds to exit
/// codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The data is wrong, or would be after the command. Nothing was written. Exit 1, the
    /// code `gov check` exits with when it finds errors.
    Data,
    /// A mistake in the command line: a value that does not parse, an id or name that matches
    /// nothing, a folder that is not a data folder. Exit 2.
    Usage,
    /// A file, a folder, the terminal or a pipe could not be read or written. Exit 2.
    Io,
    /// Another gov held the folder's lock for longer than the command would wait. Nothing was
    /// written. Exit 2.
    Busy,
    /// Standard output was closed by the reader (`gov … | head`). This is not a failure: exit 0
    /// and print nothing.
    BrokenPipe,
}

#[derive(Debug)]
pub struct CliError {
    pub kind: ErrorKind,
    /// Boxed, so that a `Result<_, CliError>` stays small.
    words: Box<Words>,
}

/// What an error says.
#[derive(Debug)]
struct Words {
    message: Text,
    /// What lies under the message (an OS error, a parser's), outermost first.
    causes: Vec<Text>,
    hint: Option<Text>,
}

impl CliError {
    fn new(kind: ErrorKind, message: Text) -> Self {
        CliError { kind, words: Box::new(Words { message, causes: Vec::new(), hint: None }) }
    }

    /// The data would be wrong: nothing was written (exit 1, like `gov check` finding errors).
    pub fn refused(message: Text) -> Self {
        CliError::new(ErrorKind::Data, message)
    }

    /// A mistake in the command line (exit 2).
    pub fn usage(message: Text) -> Self {
        CliError::new(ErrorKind::Usage, message)
    }

    /// A file or stream that cannot be read or written, said by the command (exit 2).
    pub fn io(message: Text) -> Self {
        CliError::new(ErrorKind::Io, message)
    }

    /// `message` (`cannot write r.csv`) with the operating system's error under it (exit 2;
    /// quietly 0 for a closed pipe).
    pub fn os(message: Text, e: &io::Error) -> Self {
        let kind = if e.kind() == io::ErrorKind::BrokenPipe { ErrorKind::BrokenPipe } else { ErrorKind::Io };
        CliError::new(kind, message).caused_by(errors::os(e))
    }

    /// Another writer kept the folder locked too long (exit 2).
    pub fn busy(message: Text) -> Self {
        CliError::new(ErrorKind::Busy, message)
    }

    /// Adds what lies under the message.
    pub fn caused_by(mut self, cause: Text) -> Self {
        self.words.causes.push(cause);
        self
    }

    pub fn hint(mut self, hint: Text) -> Self {
        self.words.hint = Some(hint);
        self
    }

    /// The exit code of a command that failed this way: the one place kinds become codes.
    pub fn exit_code(&self) -> Exit {
        match self.kind {
            ErrorKind::Data => Exit::Findings,
            ErrorKind::Usage | ErrorKind::Io | ErrorKind::Busy => Exit::Failure,
            ErrorKind::BrokenPipe => Exit::Ok,
        }
    }

    /// Whether the user is told: everything but a closed pipe.
    pub fn is_shown(&self) -> bool {
        self.kind != ErrorKind::BrokenPipe
    }
}

/// A read or write that failed, said as `message` with the OS error under it:
/// `fs::read(&p).or_os(|| errors::cannot_read(&p))?`.
pub trait OrOs<T> {
    fn or_os(self, message: impl FnOnce() -> Text) -> Result<T, CliError>;
}

impl<T> OrOs<T> for Result<T, io::Error> {
    fn or_os(self, message: impl FnOnce() -> Text) -> Result<T, CliError> {
        self.map_err(|e| CliError::os(message(), &e))
    }
}

/// Reading or writing failed: standard output or error, with nothing more to say than the OS.
impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        let kind = if e.kind() == io::ErrorKind::BrokenPipe { ErrorKind::BrokenPipe } else { ErrorKind::Io };
        CliError::new(kind, errors::os(&e))
    }
}

/// The folder cannot be loaded. A wrong `--data`, or no data folder here, is a usage error.
/// A folder that cannot be listed is an I/O error.
impl From<LoadError> for CliError {
    fn from(e: LoadError) -> Self {
        match e {
            LoadError::NotFound { .. } | LoadError::NoFolder { .. } | LoadError::NoSettings { .. } => {
                CliError::usage(e.text())
            }
            LoadError::Walk { .. } => CliError::io(e.text()),
        }
    }
}

/// `--month`, `--year`, `--from`, `--to` that name no period.
impl From<PeriodError> for CliError {
    fn from(e: PeriodError) -> Self {
        CliError::usage(e.text())
    }
}

/// `--member`, `--household`, `--grid`, an issue id… that match nothing, or more than one.
impl From<FindError> for CliError {
    fn from(e: FindError) -> Self {
        CliError::usage(e.text())
    }
}

/// The Parquet dataset cannot be written (exit 2); the OS's or Parquet's words under it.
impl From<crate::warehouse::WarehouseError> for CliError {
    fn from(e: crate::warehouse::WarehouseError) -> Self {
        let kind = match &e {
            crate::warehouse::WarehouseError::Io { source, .. } if source.kind() == io::ErrorKind::StorageFull => {
                return CliError::io(e.text()).caused_by(e.cause()).hint(errors::hint_free_space());
            }
            _ => ErrorKind::Io,
        };
        CliError::new(kind, e.text()).caused_by(e.cause())
    }
}

impl CliError {
    /// The error as it prints in `lang`: the message, each cause, the hint, one to a line.
    pub fn render(&self, lang: text::Lang) -> String {
        let mut out = String::new();
        let _ = self.write_in(&mut out, lang);
        out
    }

    fn write_in(&self, f: &mut impl fmt::Write, lang: text::Lang) -> fmt::Result {
        write!(f, "{}{}", errors::label_error().get(lang), self.words.message.get(lang))?;
        for cause in &self.words.causes {
            write!(f, "\n{}{}", errors::label_cause().get(lang), cause.get(lang))?;
        }
        if let Some(hint) = &self.words.hint {
            write!(f, "\n{}{}", errors::label_hint().get(lang), hint.get(lang))?;
        }
        Ok(())
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_in(f, text::lang())
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::text::Lang;

    fn kind_and_code(e: impl Into<CliError>) -> (ErrorKind, u8) {
        let e = e.into();
        (e.kind, e.exit_code() as u8)
    }

    fn x() -> Text {
        errors::cannot_read(Path::new("x"))
    }

    #[test]
    fn each_kind_has_its_exit_code() {
        let code = |kind| CliError::new(kind, x()).exit_code() as u8;
        assert_eq!(code(ErrorKind::Data), 1);
        assert_eq!(code(ErrorKind::Usage), 2);
        assert_eq!(code(ErrorKind::Io), 2);
        assert_eq!(code(ErrorKind::BrokenPipe), 0);
        assert_eq!(code(ErrorKind::Busy), 2);
        assert_eq!(CliError::refused(x()).kind, ErrorKind::Data);
        assert_eq!(CliError::usage(x()).kind, ErrorKind::Usage);
        assert_eq!(CliError::io(x()).kind, ErrorKind::Io);
    }

    #[test]
    fn library_errors_choose_their_kind() {
        let io_err = || io::Error::new(io::ErrorKind::PermissionDenied, "denied");
        assert_eq!(kind_and_code(io_err()), (ErrorKind::Io, 2));
        assert_eq!(kind_and_code(LoadError::NotFound { searched: PathBuf::from("/x") }), (ErrorKind::Usage, 2));
        assert_eq!(kind_and_code(LoadError::NoFolder { path: PathBuf::from("/x") }), (ErrorKind::Usage, 2));
        assert_eq!(kind_and_code(LoadError::NoSettings { path: PathBuf::from("/x") }), (ErrorKind::Usage, 2));
        assert_eq!(kind_and_code(LoadError::Walk { path: PathBuf::from("/x"), error: io_err() }), (ErrorKind::Io, 2));
        assert_eq!(kind_and_code(PeriodError::Conflict), (ErrorKind::Usage, 2));
        assert_eq!(kind_and_code(FindError::None { what: "member", query: "x".into() }), (ErrorKind::Usage, 2));
        assert_eq!(kind_and_code(CliError::os(x(), &io_err())), (ErrorKind::Io, 2));
    }

    #[test]
    fn a_closed_pipe_exits_quietly() {
        let pipe = || io::Error::new(io::ErrorKind::BrokenPipe, "closed");
        let e = CliError::from(pipe());
        assert_eq!((e.kind, e.exit_code() as u8, e.is_shown()), (ErrorKind::BrokenPipe, 0, false));
        let e = CliError::os(x(), &pipe());
        assert_eq!((e.kind, e.exit_code() as u8), (ErrorKind::BrokenPipe, 0));
    }

    #[test]
    fn prints_error_causes_and_hint_in_both_languages() {
        let full = io::Error::new(io::ErrorKind::StorageFull, "No space left on device (os error 28)");
        let e = CliError::os(errors::cannot_write(Path::new("r.csv")), &full).hint(errors::hint_free_space());
        let (en, zh) = (e.render(Lang::En), e.render(Lang::Zh));
        assert_eq!(
            en,
            "Error: cannot write r.csv\nCaused by: No space left on device (os error 28)\nHint: free some disk space and run the command again"
        );
        assert_eq!(zh, "错误：无法写入 r.csv\n原因：磁盘空间不足\n提示：请清理磁盘空间后重新运行该命令");
    }
}

//! The one error type of the command line. Its [`ErrorKind`] decides the exit code, in one
//! place ([`CliError::exit_code`]); it prints as `Error:` with the causes and a `Hint:` saying
//! what to do.
//!
//! There is no blanket conversion. Each library error a command passes on has its own `From`
//! impl, and that impl picks the kind, as jj's `cli/src/command_error.rs` does. Errors a command
//! words itself take their kind from the constructor: [`CliError::refused`], [`CliError::usage`]
//! or [`CliError::io`]. That covers the store's `EditError` and `RowError` too: the command
//! refuses them with the file and line in front of the message. The CSV and JSON writers
//! (`render`) fail as `io::Error`, so `csv::Error` and `serde_json::Error` never reach the
//! command line.

use std::fmt;
use std::io;
use std::process::ExitCode;

use crate::load::LoadError;
use crate::report::index::FindError;
use crate::report::period::PeriodError;

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
    pub error: anyhow::Error,
    pub hint: Option<String>,
}

impl CliError {
    fn new(kind: ErrorKind, error: impl Into<anyhow::Error>) -> Self {
        CliError { kind, error: error.into(), hint: None }
    }

    /// The data would be wrong: nothing was written (exit 1, like `gov check` finding errors).
    pub fn refused(error: impl Into<anyhow::Error>) -> Self {
        CliError::new(ErrorKind::Data, error)
    }

    /// A mistake in the command line (exit 2).
    pub fn usage(error: impl Into<anyhow::Error>) -> Self {
        CliError::new(ErrorKind::Usage, error)
    }

    /// A file or stream that cannot be read or written (exit 2; quietly 0 for a closed pipe).
    pub fn io(error: impl Into<anyhow::Error>) -> Self {
        let error = error.into();
        CliError::new(io_kind(&error), error)
    }

    /// Another writer kept the folder locked too long (exit 2).
    pub fn busy(error: impl Into<anyhow::Error>) -> Self {
        CliError::new(ErrorKind::Busy, error)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
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

/// [`ErrorKind::BrokenPipe`] when any cause in the chain is a closed pipe, else
/// [`ErrorKind::Io`].
fn io_kind(error: &anyhow::Error) -> ErrorKind {
    let closed = |c: &(dyn std::error::Error + 'static)| {
        c.downcast_ref::<io::Error>().is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    };
    if error.chain().any(closed) { ErrorKind::BrokenPipe } else { ErrorKind::Io }
}

/// Reading or writing failed: a file, standard input, the terminal, or standard output.
impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::io(e)
    }
}

/// An I/O error with its context (`cannot write report.csv`). In this crate anyhow carries only
/// context around reads and writes. Errors of any other kind come through their own `From`
/// impls or the named constructors.
impl From<anyhow::Error> for CliError {
    fn from(e: anyhow::Error) -> Self {
        CliError::io(e)
    }
}

/// The folder cannot be loaded. A wrong `--data`, or no data folder here, is a usage error.
/// A folder that cannot be listed is an I/O error.
impl From<LoadError> for CliError {
    fn from(e: LoadError) -> Self {
        match e {
            LoadError::NotFound { .. } | LoadError::NoFolder { .. } | LoadError::NoSettings { .. } => {
                CliError::usage(e)
            }
            LoadError::Walk { .. } => CliError::io(e),
        }
    }
}

/// `--month`, `--year`, `--from`, `--to` that name no period.
impl From<PeriodError> for CliError {
    fn from(e: PeriodError) -> Self {
        CliError::usage(e)
    }
}

/// `--member`, `--household`, `--grid`, an issue id… that match nothing, or more than one.
impl From<FindError> for CliError {
    fn from(e: FindError) -> Self {
        CliError::usage(e)
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Error: {}", self.error)?;
        for cause in self.error.chain().skip(1) {
            write!(f, "\nCaused by: {cause}")?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\nHint: {hint}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use anyhow::Context;

    use super::*;

    fn kind_and_code(e: impl Into<CliError>) -> (ErrorKind, u8) {
        let e = e.into();
        (e.kind, e.exit_code() as u8)
    }

    #[test]
    fn each_kind_has_its_exit_code() {
        let code = |kind| CliError::new(kind, anyhow::anyhow!("x")).exit_code() as u8;
        assert_eq!(code(ErrorKind::Data), 1);
        assert_eq!(code(ErrorKind::Usage), 2);
        assert_eq!(code(ErrorKind::Io), 2);
        assert_eq!(code(ErrorKind::BrokenPipe), 0);
        assert_eq!(code(ErrorKind::Busy), 2);
        assert_eq!(CliError::refused(anyhow::anyhow!("x")).kind, ErrorKind::Data);
        assert_eq!(CliError::usage(anyhow::anyhow!("x")).kind, ErrorKind::Usage);
        assert_eq!(CliError::io(anyhow::anyhow!("x")).kind, ErrorKind::Io);
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
        assert_eq!(kind_and_code(anyhow::anyhow!("cannot write x")), (ErrorKind::Io, 2));
    }

    #[test]
    fn a_closed_pipe_exits_quietly_however_deep() {
        let pipe = || io::Error::new(io::ErrorKind::BrokenPipe, "closed");
        let e = CliError::from(pipe());
        assert_eq!((e.kind, e.exit_code() as u8, e.is_shown()), (ErrorKind::BrokenPipe, 0, false));
        let wrapped: anyhow::Result<()> = Err(pipe()).context("cannot write the report");
        let e = CliError::from(wrapped.unwrap_err());
        assert_eq!((e.kind, e.exit_code() as u8), (ErrorKind::BrokenPipe, 0));
    }

    #[test]
    fn prints_error_causes_and_hint() {
        let inner: anyhow::Result<()> = Err(io::Error::other("disk full")).context("cannot write r.csv");
        let e = CliError::from(inner.unwrap_err()).hint("free some space");
        assert_eq!(e.to_string(), "Error: cannot write r.csv\nCaused by: disk full\nHint: free some space");
    }
}

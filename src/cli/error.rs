//! The one error type of the command line. Its kind decides the exit code; it prints as
//! `Error:` with the causes and a `Hint:` saying what to do.

use std::fmt;
use std::process::ExitCode;

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

#[derive(Debug)]
pub struct CliError {
    pub error: anyhow::Error,
    pub hint: Option<String>,
    /// The exit status: 2 unless the error is about the data (1).
    pub exit: Exit,
}

impl CliError {
    pub fn new(error: impl Into<anyhow::Error>) -> Self {
        CliError { error: error.into(), hint: None, exit: Exit::Failure }
    }

    /// The data would be wrong: nothing was written (exit 1, like `gov check` finding errors).
    pub fn refused(error: impl Into<anyhow::Error>) -> Self {
        CliError { exit: Exit::Findings, ..CliError::new(error) }
    }

    /// A mistake in the command line (exit 2, like any failure to run).
    pub fn usage(error: impl Into<anyhow::Error>) -> Self {
        CliError::new(error)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl<E: Into<anyhow::Error>> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError::new(e)
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

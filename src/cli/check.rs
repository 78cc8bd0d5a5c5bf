//! `gov check`: validate the data folder and report every finding at once.

use std::io::{self, BufWriter, Write};

use clap::{Args, ValueEnum};

use super::{CliError, Ctx, Exit, keep_until_exit};
use crate::check;
use crate::finding::Severity;
use crate::load;
use crate::render::findings::{Summary, write_json, write_text};

/// Check the data folder: every problem in every file, at once.
///
/// Exits 0 when there are no errors (warnings allowed), 1 when there are errors (with --strict,
/// warnings too), 2 when the folder cannot be read at all.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,

    /// Count warnings as errors for the exit code
    #[arg(long)]
    pub strict: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// For people: one line per finding, with hints and source lines
    Text,
    /// For programs: {"summary": {...}, "findings": [{code, severity, file, line, column, message, hint}]}
    Json,
}

pub fn run(ctx: &Ctx, args: &CheckArgs) -> Result<Exit, CliError> {
    let root = match ctx.place()? {
        super::town::Place::Community(root) => root,
        super::town::Place::Town(spec) => return super::town::check::run(ctx, spec, args),
    };
    // Duplicate rows are found by fingerprint, so checking needs no visit text in memory.
    let loaded = load::load_with(&root, ctx.load_options(false))?;
    ctx.settle_lang(&loaded.dataset.settings);
    let mut findings = loaded.findings;
    let ds = keep_until_exit(loaded.dataset);
    findings.extend(check::check(ds, ctx.today));
    check::names_where_ids_go(ds, &mut findings);
    let (errors, warnings) = check::finish(&mut findings);
    let summary = Summary::of(ds, errors, warnings);
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        CheckFormat::Text => write_text(&mut out, &findings, &summary)?,
        CheckFormat::Json => write_json(&mut out, &findings, &summary)?,
    }
    out.flush()?;
    let failing = findings.iter().any(|f| f.severity() == Severity::Error || args.strict);
    Ok(if failing { Exit::Findings } else { Exit::Ok })
}

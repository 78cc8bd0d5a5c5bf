//! `gov export --format parquet --out DIR`: every record of the folder as a hive-partitioned
//! Parquet dataset ([`crate::warehouse`]), under the community's name (gov.yaml's `name`).
//! Decides whether DIR may be replaced: when missing, empty or an earlier export; anything else
//! only with `--force`.

use super::export::ExportArgs;
use super::output::{OnErrors, load_for_report_with_text};
use super::{CliError, Ctx, Exit, shown};
use crate::load::town::TownSpec;
use crate::model::Dataset;
use crate::text::{cli as words, errors};
use crate::warehouse::{Mask, Target, inspect, write_dataset};

pub fn run(ctx: &Ctx, args: &ExportArgs) -> Result<Exit, CliError> {
    let out = target(ctx, args, &[ctx.root()?])?;
    let on_errors = if args.allow_errors { OnErrors::Allow } else { OnErrors::Refuse };
    let data = load_for_report_with_text(ctx, on_errors)?;
    if data.errors > 0 && !args.allow_errors {
        return Ok(Exit::Findings);
    }
    let ds = data.ds;
    write(ctx, args, &out, &[(ds.settings.name.as_str(), ds)], data.errors)?;
    Ok(data.exit())
}

/// A town's communities as one dataset, each under its own name (`community=…`): ids stay
/// scoped to their community's partition.
pub fn run_town(ctx: &Ctx, spec: TownSpec, args: &ExportArgs) -> Result<Exit, CliError> {
    let mut folders = vec![spec.root.clone()];
    folders.extend(spec.communities.iter().map(|d| spec.root.join(d)));
    let out = target(ctx, args, &folders)?;
    let on_errors = if args.allow_errors { OnErrors::Allow } else { OnErrors::Refuse };
    let data = super::town::load_for_report(ctx, spec, true, on_errors)?;
    if data.errors > 0 && !args.allow_errors {
        return Ok(Exit::Findings);
    }
    let parts: Vec<(&str, &Dataset)> =
        data.town.communities.iter().map(|c| (c.name.as_str(), &c.loaded.dataset)).collect();
    write(ctx, args, &out, &parts, data.errors)?;
    Ok(data.exit())
}

/// The folder to write, once the options are right for Parquet and it may be replaced. It may
/// never be, or hold, one of the data `folders` being exported, `--force` or not.
fn target(ctx: &Ctx, args: &ExportArgs, folders: &[std::path::PathBuf]) -> Result<std::path::PathBuf, CliError> {
    if args.month.is_some() {
        return Err(CliError::usage(errors::parquet_takes_no_month()));
    }
    if args.no_bom {
        return Err(CliError::usage(errors::parquet_pack_option("--no-bom")));
    }
    let out = ctx.cwd.join(&args.out);
    let real = real_path(&out);
    if folders.iter().any(|f| real_path(f).starts_with(&real)) {
        let shown_out = std::path::PathBuf::from(shown(&out, &ctx.cwd));
        return Err(CliError::usage(errors::export_target_holds_data(&shown_out)).hint(errors::hint_export_elsewhere()));
    }
    if inspect(&out) == Target::Other && !args.force {
        let shown_out = std::path::PathBuf::from(shown(&out, &ctx.cwd));
        return Err(CliError::usage(errors::export_target_taken(&shown_out)).hint(errors::hint_export_target()));
    }
    Ok(out)
}

fn write(
    ctx: &Ctx,
    args: &ExportArgs,
    out: &std::path::Path,
    parts: &[(&str, &Dataset)],
    errors: usize,
) -> Result<(), CliError> {
    let mask = if args.unmask { Mask::Unmasked } else { Mask::Masked };
    let written = write_dataset(out, parts, mask)?;
    if errors > 0 {
        println!("{}", super::notes::incomplete_title(errors));
    }
    for w in &written {
        let dir = shown(&out.join(w.table), &ctx.cwd);
        println!("{}", words::export_table(&format!("{dir}/"), w.files, w.rows));
    }
    println!("{}", if args.unmask { words::export_unmasked() } else { words::export_masked() });
    Ok(())
}

/// A path with its links and `..` resolved as far as it exists (the rest appended as written).
fn real_path(p: &std::path::Path) -> std::path::PathBuf {
    let mut missing = Vec::new();
    let mut at = p.to_path_buf();
    loop {
        if let Ok(real) = std::fs::canonicalize(&at) {
            return missing.iter().rev().fold(real, |acc: std::path::PathBuf, part| acc.join(part));
        }
        match (at.file_name().map(|n| n.to_os_string()), at.parent()) {
            (Some(name), Some(parent)) => {
                missing.push(name);
                at = parent.to_path_buf();
            }
            _ => return p.to_path_buf(),
        }
    }
}

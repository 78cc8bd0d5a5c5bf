//! `gov export --format parquet --out DIR`: every record of the folder as a hive-partitioned
//! Parquet dataset ([`crate::warehouse`]), under the community's name (gov.yaml's `name`).
//! Decides whether DIR may be replaced: when missing, empty or an earlier export; anything else
//! only with `--force`.

use super::export::ExportArgs;
use super::output::{OnErrors, load_for_report_with_text};
use super::{CliError, Ctx, Exit, shown};
use crate::text::{cli as words, errors};
use crate::warehouse::{Mask, Target, inspect, write_dataset};

pub fn run(ctx: &Ctx, args: &ExportArgs) -> Result<Exit, CliError> {
    if args.month.is_some() {
        return Err(CliError::usage(errors::parquet_takes_no_month()));
    }
    if args.no_bom {
        return Err(CliError::usage(errors::parquet_pack_option("--no-bom")));
    }
    let out = ctx.cwd.join(&args.out);
    if inspect(&out) == Target::Other && !args.force {
        let shown_out = std::path::PathBuf::from(shown(&out, &ctx.cwd));
        return Err(CliError::usage(errors::export_target_taken(&shown_out)).hint(errors::hint_export_target()));
    }
    let on_errors = if args.allow_errors { OnErrors::Allow } else { OnErrors::Refuse };
    let data = load_for_report_with_text(ctx, on_errors)?;
    if data.errors > 0 && !args.allow_errors {
        return Ok(Exit::Findings);
    }
    let ds = data.ds;
    let mask = if args.unmask { Mask::Unmasked } else { Mask::Masked };
    let written = write_dataset(&out, &[(ds.settings.name.as_str(), ds)], mask)?;
    if data.errors > 0 {
        println!("{}", super::notes::incomplete_title(data.errors));
    }
    for w in &written {
        let dir = shown(&out.join(w.table), &ctx.cwd);
        println!("{}", words::export_table(&format!("{dir}/"), w.files, w.rows));
    }
    println!("{}", if args.unmask { words::export_unmasked() } else { words::export_masked() });
    Ok(data.exit())
}

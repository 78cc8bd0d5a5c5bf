//! The records of one or more communities as a hive-partitioned Parquet dataset, for an
//! analytical engine (DuckDB on one machine, Spark or Trino on many): `gov export --format
//! parquet`. docs/warehouse.md gives every table's schema and the SQL that reproduces `gov stats`.
//!
//! ```text
//! DIR/_gov_export.json                                          what wrote it (a previous export)
//! DIR/visits/community=NAME/year=YYYY/month=MM/part-0.parquet   one file per month
//! DIR/<table>/community=NAME/part-0.parquet                     every other table
//! ```
//!
//! Ids are scoped to their community: the community is the partition column (hive style, read
//! by DuckDB, Spark and Trino as a column), and not repeated inside the files. Every table is
//! written for every community, empty when it keeps none of the kind, so the schema is the same
//! for every export. The dataset is written into a temporary folder beside `DIR` and renamed into
//! place only once whole ([`write_dataset`]); deciding whether an existing `DIR` may be replaced
//! is the caller's ([`inspect`]). Writes only under `DIR`'s parent; prints nothing.

mod column;
mod mask;
mod people;
mod records;
mod work;

use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub use column::{Table, days};
pub use mask::Mask;

use crate::model::Dataset;

/// The file at the dataset's root that says gov wrote it (hive readers skip names starting `_`).
pub const MARKER: &str = "_gov_export.json";

/// A failure writing the dataset; `Display` is English, for logs ([`WarehouseError::text`] in
/// the catalogue is what the user reads).
#[derive(Debug, thiserror::Error)]
pub enum WarehouseError {
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("cannot write {path}: {source}")]
    Parquet { path: PathBuf, source: parquet::errors::ParquetError },
}

/// What an existing target folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Nothing there yet.
    Missing,
    /// An empty folder.
    Empty,
    /// A dataset an earlier `gov export --format parquet` wrote: it has [`MARKER`].
    Previous,
    /// Something else: a file, or a folder holding other things.
    Other,
}

/// What `dir` holds, for the caller to decide whether to replace it.
pub fn inspect(dir: &Path) -> Target {
    match std::fs::read_dir(dir) {
        Err(_) if dir.symlink_metadata().is_err() => Target::Missing,
        Err(_) => Target::Other,
        Ok(entries) => {
            if entries.count() == 0 {
                Target::Empty
            } else if dir.join(MARKER).is_file() {
                Target::Previous
            } else {
                Target::Other
            }
        }
    }
}

/// One table's files and rows, summed over the communities.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub table: &'static str,
    pub files: usize,
    pub rows: usize,
}

/// Every table but the visits of one community, in the order docs/warehouse.md lists them.
fn tables(ds: &Dataset, mask: Mask) -> Vec<Table> {
    vec![
        people::grids(ds),
        people::members(ds, mask),
        people::orgs(ds, mask),
        people::households(ds, mask),
        people::colors(ds, mask),
        records::issues(ds, mask),
        records::issue_events(ds, mask),
        records::meetings(ds, mask),
        records::decisions(ds, mask),
        records::decision_events(ds, mask),
        people::volunteers(ds, mask),
        work::activities(ds, mask),
        work::activity_participants(ds),
        work::activity_aid(ds, mask),
        work::activity_beneficiaries(ds),
        work::ratings(ds, mask),
        work::rating_scores(ds, mask),
        work::reviews(ds, mask),
        work::projects(ds, mask),
        work::project_events(ds, mask),
        people::reserves(ds),
        people::reserve_trainings(ds, mask),
    ]
}

/// A partition value as a folder name: `/`, `\`, `%`, `=` and control characters
/// percent-encoded (Hive's escaping), everything else, Chinese included, as it is.
pub fn partition_value(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '/' | '\\' | '%' | '=' | ':' | '"' | '*' | '?' | '<' | '>' | '|') || c.is_control() {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    if out.starts_with(['.', '_']) {
        // Readers skip hidden names: `.x` / `_x` would vanish from the dataset.
        out.replace_range(0..1, &format!("%{:02X}", out.as_bytes()[0]));
    }
    out
}

/// Writes the records of `communities` (each with the name it is partitioned under) as one
/// dataset at `out`: into a temporary folder beside it, renamed into place when every file is
/// written; an existing `out` is replaced only then (the caller has checked it may be, with
/// [`inspect`]). Returns each table's files and rows.
pub fn write_dataset(out: &Path, communities: &[(&str, &Dataset)], mask: Mask) -> Result<Vec<Written>, WarehouseError> {
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WarehouseError::Io { path, source }
    };
    std::fs::create_dir_all(parent).map_err(io(parent))?;
    let tmp = tempfile::Builder::new().prefix(".gov-export-").tempdir_in(parent).map_err(io(parent))?;
    let mut written: Vec<Written> = Vec::new();
    let mut count = |table: &'static str, rows: usize| match written.iter_mut().find(|w| w.table == table) {
        Some(w) => {
            w.files += 1;
            w.rows += rows;
        }
        None => written.push(Written { table, files: 1, rows }),
    };
    // One job a file: each month of visits, and each community's other tables (built and
    // written together, as they are small). The jobs run in parallel; the counts are taken in
    // job order, so what is said of the export does not depend on the threads.
    enum Job<'d> {
        Month { part: String, ds: &'d Dataset, year: i32, month: u32, at: Vec<usize> },
        Rest { part: String, ds: &'d Dataset },
    }
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for &(name, ds) in communities {
        let part = format!("community={}", partition_value(name));
        for ((year, month), at) in records::visit_months(ds) {
            jobs.push(Job::Month { part: part.clone(), ds, year, month, at });
        }
        jobs.push(Job::Rest { part, ds });
    }
    let root = tmp.path();
    let done: Vec<Result<Vec<(&'static str, usize)>, WarehouseError>> = jobs
        .par_iter()
        .map(|job| match job {
            Job::Month { part, ds, year, month, at } => {
                let dir = root.join("visits").join(part).join(format!("year={year}")).join(format!("month={month:02}"));
                let t = records::visits(ds, at, mask);
                let (name, rows) = (t.name, t.rows());
                write_table(t, &dir, mask)?;
                Ok(vec![(name, rows)])
            }
            Job::Rest { part, ds } => tables(ds, mask)
                .into_iter()
                .map(|t| {
                    let (name, rows) = (t.name, t.rows());
                    write_table(t, &root.join(name).join(part), mask)?;
                    Ok((name, rows))
                })
                .collect(),
        })
        .collect();
    for tables in done {
        for (table, rows) in tables? {
            count(table, rows);
        }
    }
    let marker = serde_json::json!({
        "written_by": concat!("gov ", env!("CARGO_PKG_VERSION")),
        "layout": 1,
        "masked": mask.is_masked(),
        "communities": communities.iter().map(|(n, _)| n).collect::<Vec<_>>(),
        "tables": written.iter().map(|w| serde_json::json!({"table": w.table, "files": w.files, "rows": w.rows})).collect::<Vec<_>>(),
    });
    let marker_path = tmp.path().join(MARKER);
    let text = serde_json::to_string_pretty(&marker).expect("plain JSON") + "\n";
    std::fs::write(&marker_path, text).map_err(io(&marker_path))?;
    put_in_place(tmp, out)?;
    Ok(written)
}

/// Writes one table, every text cell masked first when the export is masked (a personal number
/// typed into any column, not only the phone and note columns the builders mask).
fn write_table(mut t: Table, dir: &Path, mask: Mask) -> Result<(), WarehouseError> {
    if mask.is_masked() {
        t.mask_all_text();
    }
    std::fs::create_dir_all(dir).map_err(|source| WarehouseError::Io { path: dir.to_path_buf(), source })?;
    let path = dir.join("part-0.parquet");
    t.write(&path).map_err(|source| WarehouseError::Parquet { path, source })
}

/// Renames the finished dataset to `out`. An existing `out` is first renamed aside and removed
/// after, so that `out` is at every moment either the old dataset or the new one, whole (or,
/// for the instant between the two renames, absent).
fn put_in_place(tmp: tempfile::TempDir, out: &Path) -> Result<(), WarehouseError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| WarehouseError::Io { path, source }
    };
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let old = if out.symlink_metadata().is_ok() {
        let aside = tempfile::Builder::new().prefix(".gov-export-old-").tempdir_in(parent).map_err(io(parent))?;
        let aside = aside.keep();
        std::fs::remove_dir(&aside).map_err(io(&aside))?;
        std::fs::rename(out, &aside).map_err(io(out))?;
        Some(aside)
    } else {
        None
    };
    let new = tmp.keep();
    if let Err(e) = std::fs::rename(&new, out) {
        // Put the old dataset back, and leave nothing of the new one.
        if let Some(old) = &old {
            let _ = std::fs::rename(old, out);
        }
        let _ = std::fs::remove_dir_all(&new);
        return Err(WarehouseError::Io { path: out.to_path_buf(), source: e });
    }
    if let Some(old) = old {
        let removed = if old.is_dir() { std::fs::remove_dir_all(&old) } else { std::fs::remove_file(&old) };
        removed.map_err(io(&old))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;

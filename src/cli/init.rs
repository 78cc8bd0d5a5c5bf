//! `gov init`: lay down a new data folder from the template embedded in the binary.

use std::fs;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;

use super::{CliError, Ctx, Exit, shown};

/// Make a new data folder from the template
///
/// Lays down a commented gov.yaml, empty record files with their headers, a .gitignore for gov's
/// scratch folder and a README explaining the layout (中文 and English).
///
/// Refuses to overwrite any existing file.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to make the folder [default: the current folder]
    pub dir: Option<PathBuf>,
}

/// The template, as (path, contents); `data-template/` in the source tree.
pub const TEMPLATE: &[(&str, &str)] = &[
    ("gov.yaml", include_str!("../../data-template/gov.yaml")),
    ("grids.csv", include_str!("../../data-template/grids.csv")),
    ("members.csv", include_str!("../../data-template/members.csv")),
    ("households.csv", include_str!("../../data-template/households.csv")),
    (".gitignore", include_str!("../../data-template/.gitignore")),
    ("README.md", include_str!("../../data-template/README.md")),
];

/// Folders made empty, for the files gov writes later.
const FOLDERS: &[&str] = &["visits", "issues"];

pub fn run(ctx: &Ctx, args: &InitArgs) -> Result<Exit, CliError> {
    let dir = ctx.cwd.join(args.dir.as_deref().unwrap_or(".".as_ref()));
    let existing: Vec<String> =
        TEMPLATE.iter().filter(|(p, _)| dir.join(p).exists()).map(|(p, _)| p.to_string()).collect();
    if !existing.is_empty() {
        return Err(CliError::usage(anyhow::anyhow!(
            "{} already has {}; nothing was written",
            shown(&dir, &ctx.cwd),
            existing.join(", ")
        ))
        .hint("run `gov init` in a new or empty folder"));
    }
    fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for folder in FOLDERS {
        fs::create_dir_all(dir.join(folder))
            .with_context(|| format!("cannot create {}", dir.join(folder).display()))?;
    }
    for (path, contents) in TEMPLATE {
        let target = dir.join(path);
        // create_new: never replace a file that appeared since the check above.
        let mut f = fs::File::options()
            .write(true)
            .create_new(true)
            .open(&target)
            .with_context(|| format!("cannot create {}", target.display()))?;
        std::io::Write::write_all(&mut f, contents.as_bytes())
            .with_context(|| format!("cannot write {}", target.display()))?;
    }
    let shown_dir = shown(&dir, &ctx.cwd);
    println!("made a gov data folder in {shown_dir}");
    println!("next: edit {shown_dir}/gov.yaml (name, departments), add members and households, then run `gov check`");
    Ok(Exit::Ok)
}

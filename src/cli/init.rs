//! `gov init`: lay down a new data folder from the template embedded in the binary.

use std::fs;
use std::path::PathBuf;

use clap::Args;

use super::{CliError, Ctx, Exit, OrOs, shown};
use crate::text::{cli as words, errors};

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
        return Err(
            CliError::usage(errors::init_not_empty(&shown(&dir, &ctx.cwd), &existing)).hint(errors::hint_init_empty())
        );
    }
    fs::create_dir_all(&dir).or_os(|| errors::cannot_create(&dir))?;
    for folder in FOLDERS {
        fs::create_dir_all(dir.join(folder)).or_os(|| errors::cannot_create(&dir.join(folder)))?;
    }
    for (path, contents) in TEMPLATE {
        let target = dir.join(path);
        // create_new: never replace a file that appeared since the check above.
        let mut f =
            fs::File::options().write(true).create_new(true).open(&target).or_os(|| errors::cannot_create(&target))?;
        std::io::Write::write_all(&mut f, contents.as_bytes()).or_os(|| errors::cannot_write(&target))?;
    }
    let shown_dir = shown(&dir, &ctx.cwd);
    println!("{}", words::init_made(&shown_dir));
    println!("{}", words::init_next(&shown_dir));
    Ok(Exit::Ok)
}

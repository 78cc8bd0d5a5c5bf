//! Finding a data folder and listing its files by kind. Files that are not part of the format
//! are reported (`unknown-file`), never silently skipped; dotfiles, `.git`, `.gov` and README
//! files are left alone.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::LoadError;
use super::cache::Stamp;
use crate::finding::{Code, Finding};
use crate::model::{Format, Kind, SourceFile};

pub use crate::layout::SETTINGS_FILE;

/// The folder named explicitly, else the nearest one at or above `cwd` holding a gov.yaml.
pub fn find_root(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, LoadError> {
    if let Some(dir) = explicit {
        let dir = cwd.join(dir);
        if !dir.is_dir() {
            return Err(LoadError::NoFolder { path: dir });
        }
        if !dir.join(SETTINGS_FILE).is_file() {
            return Err(LoadError::NoSettings { path: dir });
        }
        return Ok(dir);
    }
    cwd.ancestors()
        .find(|d| d.join(SETTINGS_FILE).is_file())
        .map(Path::to_path_buf)
        .ok_or_else(|| LoadError::NotFound { searched: cwd.to_path_buf() })
}

fn format_of(path: &Path) -> Option<Format> {
    match path.extension()?.to_str()? {
        "yaml" | "yml" => Some(Format::Yaml),
        "csv" => Some(Format::Csv),
        _ => None,
    }
}

fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("README") || name.starts_with("readme")
}

/// A folder's record files and their stamps, and what does not belong in it.
#[derive(Debug)]
pub struct Listing {
    /// gov.yaml first, then the record files in path order.
    pub files: Vec<SourceFile>,
    /// Each file's stamp (for the parse cache), `None` when it cannot be read.
    pub stamps: Vec<Option<Stamp>>,
    pub findings: Vec<Finding>,
}

/// Lists the folder's files: gov.yaml first, then the record files in path order (siblings by
/// name, a folder's files where the folder sorts), with their stamps. Folders are listed in
/// parallel, and stamps are read relative to their folder, which at tens of thousands of issue
/// files is most of a warm run's listing time.
pub fn discover(root: &Path) -> Result<Listing, LoadError> {
    let items = walk(root, Path::new(""), 1)?;
    let mut out = Listing {
        files: vec![SourceFile { path: PathBuf::from(SETTINGS_FILE), kind: Kind::Settings, format: Format::Yaml }],
        stamps: vec![None], // gov.yaml's, from the walk below
        findings: Vec::new(),
    };
    for item in items {
        match item {
            Item::File(rel, stamp, 1) if rel == Path::new(SETTINGS_FILE) => out.stamps[0] = stamp,
            Item::UnknownDir(rel) => out.findings.push(unknown(&rel, "a folder that is not part of the data format")),
            Item::File(rel, stamp, depth) => {
                let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned());
                let kind = if depth == 1 {
                    rel.file_stem().and_then(|s| s.to_str()).and_then(Kind::from_stem)
                } else {
                    first.as_deref().and_then(Kind::from_stem)
                };
                match (kind, format_of(&rel)) {
                    (Some(kind), Some(format)) => {
                        out.files.push(SourceFile { path: rel, kind, format });
                        out.stamps.push(stamp);
                    }
                    (Some(_), None) => out.findings.push(unknown(&rel, "not a .csv, .yaml or .yml file")),
                    (None, _) => out.findings.push(unknown(&rel, "not part of the data format")),
                }
            }
        }
    }
    Ok(out)
}

/// What the walk finds: a file (with its stamp and depth), or a top-level folder that is not a kind.
enum Item {
    File(PathBuf, Option<Stamp>, usize),
    UnknownDir(PathBuf),
}

fn walk(root: &Path, rel: &Path, depth: usize) -> Result<Vec<Item>, LoadError> {
    let failed = |e: std::io::Error| LoadError::Walk { path: root.join(rel), error: e };
    let mut entries: Vec<(std::ffi::OsString, std::fs::DirEntry)> = std::fs::read_dir(root.join(rel))
        .map_err(failed)?
        .map(|e| e.map(|e| (e.file_name(), e)))
        .collect::<Result<_, _>>()
        .map_err(failed)?;
    entries.retain(|(name, _)| !is_ignored(&name.to_string_lossy()));
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    let parts: Vec<Result<Vec<Item>, LoadError>> = entries
        .par_iter()
        .map(|(name, entry)| {
            let path = rel.join(name);
            let file_type = entry.file_type().map_err(failed)?;
            if file_type.is_dir() {
                let known = Kind::from_stem(&name.to_string_lossy()).is_some();
                return if depth == 1 && !known {
                    Ok(vec![Item::UnknownDir(path)])
                } else {
                    walk(root, &path, depth + 1)
                };
            }
            // A link is stamped by what it points to, so an edit through it is seen.
            let stamp = if file_type.is_symlink() {
                Stamp::of(&root.join(&path))
            } else {
                entry.metadata().ok().map(|m| Stamp::from_metadata(&m))
            };
            Ok(vec![Item::File(path, stamp, depth)])
        })
        .collect();
    let mut items = Vec::with_capacity(parts.len());
    for part in parts {
        items.extend(part?);
    }
    Ok(items)
}

/// The files and folders of the format, as the unknown-file hint names them: `gov.yaml, grids,
/// members, … (.yaml or .csv), visits/ and issues/`, from the registry of kinds.
fn record_files() -> String {
    let (folders, files): (Vec<Kind>, Vec<Kind>) = Kind::ALL[1..].iter().partition(|k| k.home().ends_with('/'));
    let files: Vec<&str> = files.iter().map(|k| k.stem()).collect();
    let folders: Vec<&str> = folders.iter().map(|k| k.home()).collect();
    let (last, rest) = folders.split_last().map_or(("", &[][..]), |(l, r)| (*l, r));
    let folders = if rest.is_empty() { last.to_string() } else { format!("{} and {last}", rest.join(", ")) };
    format!("gov.yaml, {} (.yaml or .csv), {folders}", files.join(", "))
}

fn unknown(rel: &Path, why: &str) -> Finding {
    Finding::new(Code::UnknownFile, rel, None, format!("`{}` is {why}; gov does not read it", rel.display()))
        .hint(format!("record files are {}; README files and dotfiles are ignored", record_files()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn classifies_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "gov.yaml",
            "members.csv",
            "households.yaml",
            "grids.yml",
            "visits/2022-01.csv",
            "visits/old/2021.yaml",
            "issues/2022/I-1.yaml",
            "members/extra.csv",
            "notes.txt",
            "README.md",
            ".gitignore",
            "visits/README.txt",
            "visits/x.xlsx",
            "junk/a.csv",
            ".git/config",
            ".gov/cache",
        ] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "").unwrap();
        }
        let Listing { files, stamps, findings } = discover(root).unwrap();
        assert_eq!(stamps.len(), files.len());
        assert!(stamps.iter().all(|s| s.is_some_and(|s| s.size == 0)));
        let got: Vec<_> = files.iter().map(|f| (f.path.to_string_lossy().into_owned(), f.kind)).collect();
        assert_eq!(
            got,
            [
                ("gov.yaml".into(), Kind::Settings),
                ("grids.yml".into(), Kind::Grids),
                ("households.yaml".into(), Kind::Households),
                ("issues/2022/I-1.yaml".into(), Kind::Issues),
                ("members/extra.csv".into(), Kind::Members),
                ("members.csv".into(), Kind::Members),
                ("visits/2022-01.csv".into(), Kind::Visits),
                ("visits/old/2021.yaml".into(), Kind::Visits),
            ]
        );
        let unknown: Vec<_> = findings.iter().map(|f| f.file.to_string_lossy().into_owned()).collect();
        assert_eq!(unknown, ["junk", "notes.txt", "visits/x.xlsx"]);
    }

    #[test]
    fn finds_the_nearest_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("visits/deep")).unwrap();
        fs::write(root.join("gov.yaml"), "name: x\n").unwrap();
        assert_eq!(find_root(None, &root.join("visits/deep")).unwrap(), root);
        assert_eq!(find_root(Some(Path::new("visits/..")), root).unwrap(), root.join("visits/.."));
        assert!(matches!(find_root(Some(Path::new("visits")), root), Err(LoadError::NoSettings { .. })));
        assert!(matches!(find_root(Some(Path::new("nope")), root), Err(LoadError::NoFolder { .. })));
    }
}

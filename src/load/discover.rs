//! Finding a data folder and listing its files by kind. Files that are not part of the format
//! are reported (`unknown-file`), never silently skipped; dotfiles, `.git`, `.gov` and README
//! files are left alone.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::LoadError;
use crate::finding::{Code, Finding};
use crate::model::{Format, Kind, SourceFile};

/// The file that marks a data folder.
pub const SETTINGS_FILE: &str = "gov.yaml";

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

/// Lists the folder's files: gov.yaml first, then the record files in path order.
pub fn discover(root: &Path) -> Result<(Vec<SourceFile>, Vec<Finding>), LoadError> {
    let mut files = vec![SourceFile { path: PathBuf::from(SETTINGS_FILE), kind: Kind::Settings, format: Format::Yaml }];
    let mut findings = Vec::new();
    let walker = WalkDir::new(root)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| !is_ignored(&e.file_name().to_string_lossy()));
    let mut walker = walker;
    while let Some(entry) = walker.next() {
        let entry = entry.map_err(|e| LoadError::Walk { path: root.to_path_buf(), message: e.to_string() })?;
        let rel = entry.path().strip_prefix(root).unwrap_or(entry.path()).to_path_buf();
        let first = rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned()).unwrap_or_default();
        let is_dir = entry.file_type().is_dir();
        let depth = entry.depth();
        if depth == 1 && rel == Path::new(SETTINGS_FILE) {
            continue;
        }
        if is_dir {
            if depth == 1 && Kind::from_stem(&first).is_none() {
                findings.push(unknown(&rel, "a folder that is not part of the data format"));
                walker.skip_current_dir();
            }
            continue;
        }
        let format = format_of(&rel);
        let kind = if depth == 1 {
            rel.file_stem().and_then(|s| s.to_str()).and_then(Kind::from_stem)
        } else {
            Kind::from_stem(&first)
        };
        match (kind, format) {
            (Some(kind), Some(format)) => files.push(SourceFile { path: rel, kind, format }),
            (Some(_), None) => findings.push(unknown(&rel, "not a .csv, .yaml or .yml file")),
            (None, _) => findings.push(unknown(&rel, "not part of the data format")),
        }
    }
    Ok((files, findings))
}

fn unknown(rel: &Path, why: &str) -> Finding {
    Finding::new(Code::UnknownFile, rel, None, format!("`{}` is {why}; gov does not read it", rel.display()))
        .hint("record files are gov.yaml, grids, members, households (.yaml or .csv), visits/ and issues/; README files and dotfiles are ignored")
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
        let (files, findings) = discover(root).unwrap();
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

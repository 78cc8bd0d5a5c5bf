//! Finding a data folder and listing its files by kind. Files that are not part of the format
//! are reported (`unknown-file`), never silently skipped; dotfiles, `.git`, `.gov` and README
//! files are left alone. Only regular files and real folders inside the folder are taken:
//! links, FIFOs, sockets, devices and folders nested too deep are reported, never opened.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::LoadError;
use super::cache::Stamp;
use crate::finding::{Code, Finding};
use crate::model::{Format, Kind, SourceFile};
use crate::text::Text;
use crate::text::findings::{self as say, Special, Unknown};

use crate::layout::PRIVATE_DIR;
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

/// Folders deeper than this below the root are reported (`too-deep`), not entered; the walk
/// recurses, so this also bounds its stack.
pub const MAX_DEPTH: usize = 32;

/// Lists the folder's files: gov.yaml first, then the record files in path order (siblings by
/// name, a folder's files where the folder sorts), with their stamps. Folders are listed in
/// parallel, and stamps are read relative to their folder, which at tens of thousands of issue
/// files is most of a warm run's listing time.
///
/// Only regular files and real folders are taken: a symbolic link is reported (`outside-folder`
/// when it leads out of the folder, else `symbolic-link`) and never followed, a FIFO, socket or
/// device is reported (`not-a-file`) and never opened, and a folder more than [`MAX_DEPTH`]
/// levels down is reported (`too-deep`) and not entered.
pub fn discover(root: &Path) -> Result<Listing, LoadError> {
    let real_root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    let walk = Walk { root, real_root: &real_root };
    let items = walk.dir(Path::new(""), 1)?;
    let mut out = Listing {
        files: vec![SourceFile { path: PathBuf::from(SETTINGS_FILE), kind: Kind::Settings, format: Format::Yaml }],
        stamps: vec![None], // gov.yaml's, from the walk below
        findings: Vec::new(),
    };
    out.findings.extend(walk.private_dir());
    for item in items {
        match item {
            Item::File(rel, stamp, 1) if rel == Path::new(SETTINGS_FILE) => out.stamps[0] = stamp,
            Item::UnknownDir(rel) => out.findings.push(unknown(&rel, Unknown::Folder)),
            Item::Found(finding) => out.findings.push(finding),
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
                    (Some(_), None) => out.findings.push(unknown(&rel, Unknown::Extension)),
                    (None, _) => out.findings.push(unknown(&rel, Unknown::Other)),
                }
            }
        }
    }
    Ok(out)
}

/// What the walk finds: a regular file (with its stamp and depth), a top-level folder that is not
/// a kind, or something it reports instead of reading (a link, a FIFO, a folder too deep).
enum Item {
    File(PathBuf, Option<Stamp>, usize),
    UnknownDir(PathBuf),
    Found(Finding),
}

struct Walk<'a> {
    root: &'a Path,
    /// The root with its links resolved, for telling where a link leads.
    real_root: &'a Path,
}

impl Walk<'_> {
    fn dir(&self, rel: &Path, depth: usize) -> Result<Vec<Item>, LoadError> {
        let root = self.root;
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
                // The entry's own type, never what a link points to.
                let file_type = entry.file_type().map_err(failed)?;
                if file_type.is_symlink() {
                    return Ok(vec![Item::Found(self.link(&path, say::link_hint()))]);
                }
                if file_type.is_dir() {
                    let known = Kind::from_stem(&name.to_string_lossy()).is_some();
                    return if depth == 1 && !known {
                        Ok(vec![Item::UnknownDir(path)])
                    } else if depth > MAX_DEPTH {
                        Ok(vec![Item::Found(too_deep(&path))])
                    } else {
                        self.dir(&path, depth + 1)
                    };
                }
                if !file_type.is_file() {
                    return Ok(vec![Item::Found(not_a_file(&path, file_type))]);
                }
                let stamp = entry.metadata().ok().map(|m| Stamp::from_metadata(&m));
                Ok(vec![Item::File(path, stamp, depth)])
            })
            .collect();
        let mut items = Vec::with_capacity(parts.len());
        for part in parts {
            items.extend(part?);
        }
        Ok(items)
    }

    /// `.gov/` is a dotfile the walk skips, but gov writes its lock and cache there: a link or
    /// a non-folder in its place is reported (and refused by [`crate::layout::private_dir`]).
    fn private_dir(&self) -> Option<Finding> {
        let rel = Path::new(PRIVATE_DIR);
        let meta = std::fs::symlink_metadata(self.root.join(rel)).ok()?;
        if meta.file_type().is_symlink() {
            return Some(self.link(rel, say::private_link_hint()));
        }
        (!meta.is_dir()).then(|| {
            Finding::new(Code::NotAFile, rel, None, say::private_not_a_folder(PRIVATE_DIR))
                .hint(say::private_not_a_folder_hint(PRIVATE_DIR))
        })
    }

    /// A symbolic link at `rel`, said by where it leads: out of the folder (an error: a write
    /// through it would land there), inside it, or nowhere.
    fn link(&self, rel: &Path, hint: Text) -> Finding {
        let path = self.root.join(rel);
        let target = std::fs::read_link(&path).unwrap_or_default();
        let (leads_to, exists) = match path.canonicalize() {
            Ok(real) => (real, true),
            // A dangling link: where it would lead, by its text.
            Err(_) => {
                let base =
                    path.parent().and_then(|p| p.canonicalize().ok()).unwrap_or_else(|| self.real_root.to_path_buf());
                (normalize(&base.join(&target)), false)
            }
        };
        let (rel_shown, target) = (rel.display().to_string(), target.display().to_string());
        if !leads_to.starts_with(self.real_root) {
            return Finding::new(Code::OutsideFolder, rel, None, say::link_outside(&rel_shown, &target)).hint(hint);
        }
        let message =
            if exists { say::link_inside(&rel_shown, &target) } else { say::link_dangling(&rel_shown, &target) };
        Finding::new(Code::SymbolicLink, rel, None, message).hint(hint)
    }
}

/// `path` with `.` and `..` taken out by their text.
fn normalize(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn too_deep(rel: &Path) -> Finding {
    Finding::new(Code::TooDeep, rel, None, say::too_deep(&rel.display().to_string(), MAX_DEPTH))
        .hint(say::too_deep_hint())
}

fn not_a_file(rel: &Path, file_type: std::fs::FileType) -> Finding {
    Finding::new(Code::NotAFile, rel, None, say::not_a_file(&rel.display().to_string(), special_kind(file_type)))
        .hint(say::not_a_file_hint())
}

#[cfg(unix)]
fn special_kind(file_type: std::fs::FileType) -> Special {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        Special::Fifo
    } else if file_type.is_socket() {
        Special::Socket
    } else if file_type.is_block_device() || file_type.is_char_device() {
        Special::Device
    } else {
        Special::Other
    }
}

#[cfg(not(unix))]
fn special_kind(_: std::fs::FileType) -> Special {
    Special::Other
}

/// The files and folders of the format, as the unknown-file hint names them: `gov.yaml, grids,
/// members, … (.yaml or .csv), visits/ and issues/`, from the registry of kinds.
fn record_files() -> Text {
    let (folders, files): (Vec<Kind>, Vec<Kind>) = Kind::ALL[1..].iter().partition(|k| k.home().ends_with('/'));
    let files: Vec<&str> = files.iter().map(|k| k.stem()).collect();
    let folders: Vec<&str> = folders.iter().map(|k| k.home()).collect();
    say::unknown_file_hint(&files, &folders)
}

fn unknown(rel: &Path, why: Unknown) -> Finding {
    Finding::new(Code::UnknownFile, rel, None, say::unknown_file(&rel.display().to_string(), why)).hint(record_files())
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
    fn links_are_reported_by_where_they_lead_and_never_followed() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in ["gov.yaml", "grids.yaml", "visits/2022-01.csv"] {
            let p = root.join(f);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, "").unwrap();
        }
        fs::write(outside.path().join("x.csv"), "").unwrap();
        symlink(outside.path().join("x.csv"), root.join("visits/2022-02.csv")).unwrap(); // out
        symlink("2022-01.csv", root.join("visits/2022-03.csv")).unwrap(); // in
        symlink("missing.csv", root.join("visits/2022-04.csv")).unwrap(); // in, to nothing
        symlink("../../elsewhere.csv", root.join("visits/2022-05.csv")).unwrap(); // out, to nothing
        symlink(root.join("visits"), root.join("issues")).unwrap(); // a folder, in
        let Listing { files, findings, .. } = discover(root).unwrap();
        let got: Vec<_> = files.iter().map(|f| f.path.to_string_lossy().into_owned()).collect();
        assert_eq!(got, ["gov.yaml", "grids.yaml", "visits/2022-01.csv"]);
        let found: Vec<_> = findings.iter().map(|f| (f.code, f.file.to_string_lossy().into_owned())).collect();
        assert_eq!(
            found,
            [
                (Code::SymbolicLink, "issues".into()),
                (Code::OutsideFolder, "visits/2022-02.csv".into()),
                (Code::SymbolicLink, "visits/2022-03.csv".into()),
                (Code::SymbolicLink, "visits/2022-04.csv".into()),
                (Code::OutsideFolder, "visits/2022-05.csv".into()),
            ]
        );
        assert_eq!(
            findings[3].message.en(),
            "`visits/2022-04.csv` is a symbolic link to `missing.csv`, which does not exist"
        );
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

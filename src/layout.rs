//! Where things are inside a data folder: the settings file that marks it, and gov's private
//! `.gov/` directory (the writers' lock, the parse cache). Both [`crate::load`] and
//! [`crate::store`] use it; it uses neither, so no import runs back up.

use std::io;
use std::path::{Path, PathBuf};

/// The file that marks a data folder.
pub const SETTINGS_FILE: &str = "gov.yaml";

/// gov's own files, never committed.
pub const PRIVATE_DIR: &str = ".gov";

/// The lock every writer holds for a whole read-validate-write cycle.
pub const LOCK_FILE: &str = ".gov/lock";

/// The parse cache.
pub const CACHE_FILE: &str = ".gov/cache/parsed.bin";

/// How temporary files begin, beside the file they will replace (never inside `.gov/`: a rename
/// is atomic only within one file system, and the folder may be a mount of its own).
pub const TEMP_PREFIX: &str = ".gov-tmp-";

/// The private directory, created when missing with a `.gitignore` of its own so git never
/// offers its files for a commit, whatever the folder's `.gitignore` says.
pub fn private_dir(root: &Path) -> io::Result<PathBuf> {
    let dir = root.join(PRIVATE_DIR);
    std::fs::create_dir_all(&dir)?;
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(&ignore, "# gov's own files (the lock, the parse cache): never committed\n*\n")?;
    }
    Ok(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_files_sit_in_the_private_dir() {
        for f in [LOCK_FILE, CACHE_FILE] {
            assert!(Path::new(f).starts_with(PRIVATE_DIR), "{f}");
        }
    }

    #[test]
    fn the_private_dir_ignores_itself() {
        let dir = tempfile::tempdir().unwrap();
        let made = private_dir(dir.path()).unwrap();
        assert_eq!(made, dir.path().join(".gov"));
        assert_eq!(std::fs::read_to_string(made.join(".gitignore")).unwrap().lines().last(), Some("*"));
        // A second call keeps what is there.
        std::fs::write(made.join(".gitignore"), "*\n# kept\n").unwrap();
        private_dir(dir.path()).unwrap();
        assert!(std::fs::read_to_string(made.join(".gitignore")).unwrap().contains("# kept"));
    }
}

//! A town folder (镇 / 街道): a gov.yaml with `kind: town`, the town's name and `communities:`, a
//! list of paths or globs of community folders, each an ordinary gov folder (a subfolder, a git
//! submodule or a separate checkout). [`spec`] reads the list, [`load_town`] loads every
//! community in parallel, each through [`super::load_with`] with its own parse cache. Ids stay
//! scoped to their community: nothing here merges two communities' records.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::raw::RawValue;
use super::{LoadError, LoadOptions, Loaded, Quiet};
use crate::layout::SETTINGS_FILE;
use crate::model::labels::Lang;

/// What a town's gov.yaml may hold.
pub const TOWN_FIELDS: &[&str] = &["kind", "name", "lang", "communities"];

/// A town's gov.yaml, read: its name, language and the community folders it lists, found.
#[derive(Debug, Clone)]
pub struct TownSpec {
    pub root: PathBuf,
    pub name: String,
    pub lang: Option<Lang>,
    /// Each community's folder relative to the town's, in the order listed (a glob's matches
    /// in name order), each once.
    pub communities: Vec<PathBuf>,
}

/// What is wrong with a town's gov.yaml, at its line.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}: {problem}", file.display())]
pub struct TownError {
    pub file: PathBuf,
    pub line: u32,
    pub problem: TownProblem,
    /// The town's `lang`, when its gov.yaml names one it can be read from: the language to say
    /// the error in.
    pub lang: Option<Lang>,
}

#[derive(Debug, thiserror::Error)]
pub enum TownProblem {
    #[error("a town needs its `name`")]
    NoName,
    #[error("a town needs `communities`, a list of its community folders (paths or globs)")]
    NoCommunities,
    #[error("`communities` must be a list of folders")]
    NotAList,
    #[error("`{0}` is not a field of a town's gov.yaml")]
    UnknownField(String),
    #[error("`lang` must be zh or en, not `{0}`")]
    BadLang(String),
    #[error("community folder `{0}` does not exist")]
    Missing(String),
    #[error("`{0}` has no gov.yaml, so it is not a community folder")]
    NotACommunity(String),
    #[error("`{0}` matches no community folder")]
    NoMatch(String),
    #[error("`{0}` is itself a town; a town lists community folders only")]
    Nested(String),
    #[error("`{0}` is outside the town's folder or climbs out of it with `..` in a glob")]
    BadPattern(String),
}

/// The words `kind:` may take for a town.
fn is_town(kind: &str) -> bool {
    matches!(kind.trim().to_lowercase().as_str(), "town" | "镇" | "街道" | "乡镇")
}

/// The town gov.yaml at `root` describes, or `None` when it is a community's (no `kind: town`;
/// a gov.yaml that does not parse is left to the community loader, which says where).
pub fn spec(root: &Path) -> Result<Option<TownSpec>, TownError> {
    let file = PathBuf::from(SETTINGS_FILE);
    let Some((text, rec)) = town_yaml(root) else { return Ok(None) };
    let scalar = |key: &str| {
        rec.fields.iter().find(|f| f.key == key).and_then(|f| match &f.value {
            RawValue::Scalar(s) => Some((s.trim().to_string(), f.line)),
            _ => None,
        })
    };
    let said_lang = match scalar("lang") {
        Some((l, _)) if matches!(l.to_lowercase().as_str(), "zh" | "中文") => Some(Lang::Zh),
        Some((l, _)) if matches!(l.to_lowercase().as_str(), "en" | "english") => Some(Lang::En),
        _ => None,
    };
    let fail = |line: u32, problem| TownError { file: file.clone(), line, problem, lang: said_lang };
    if let Some(f) = rec.fields.iter().find(|f| !TOWN_FIELDS.contains(&f.key.as_ref())) {
        return Err(fail(f.line, TownProblem::UnknownField(f.key.to_string())));
    }
    let name = match scalar("name") {
        Some((name, _)) if !name.is_empty() => name,
        _ => {
            let line = rec.fields.iter().find(|f| f.key == "name").map_or(rec.line, |f| f.line);
            return Err(fail(line, TownProblem::NoName));
        }
    };
    let lang = match scalar("lang") {
        None => None,
        Some((l, line)) => match l.to_lowercase().as_str() {
            "zh" | "中文" => Some(Lang::Zh),
            "en" | "english" => Some(Lang::En),
            _ => return Err(fail(line, TownProblem::BadLang(l))),
        },
    };
    let Some(listed) = rec.fields.iter().find(|f| f.key == "communities") else {
        return Err(fail(rec.line, TownProblem::NoCommunities));
    };
    let patterns: Vec<String> = match &listed.value {
        RawValue::List(items) => items.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect(),
        RawValue::Scalar(s) if !s.trim().is_empty() => vec![s.trim().to_string()],
        RawValue::Null => Vec::new(),
        _ => return Err(fail(listed.line, TownProblem::NotAList)),
    };
    if patterns.is_empty() {
        return Err(fail(listed.line, TownProblem::NoCommunities));
    }
    let mut communities: Vec<PathBuf> = Vec::new();
    // The same folder however it is spelt (`c01`, `./c01`, an absolute path, a link): read once.
    let mut seen: Vec<PathBuf> = Vec::new();
    for p in &patterns {
        let line = item_line(&text, listed.line, p);
        for dir in expand(root, p).map_err(|problem| fail(line, problem))? {
            if !root.join(&dir).join(SETTINGS_FILE).is_file() {
                return Err(fail(line, TownProblem::NotACommunity(dir.display().to_string())));
            }
            if says_town(&root.join(&dir)) {
                return Err(fail(line, TownProblem::Nested(dir.display().to_string())));
            }
            let real = std::fs::canonicalize(root.join(&dir)).unwrap_or_else(|_| root.join(&dir));
            if !seen.contains(&real) {
                seen.push(real);
                communities.push(dir);
            }
        }
    }
    Ok(Some(TownSpec { root: root.to_path_buf(), name, lang, communities }))
}

/// Whether the gov.yaml in `dir` says `kind: town` (read, never followed: a town that lists
/// itself must not send this round in circles).
fn says_town(dir: &Path) -> bool {
    town_yaml(dir).is_some()
}

/// The text and mapping of the gov.yaml in `dir` when it says `kind: town`. A community's
/// gov.yaml seldom says `kind`, so most are never parsed here at all.
fn town_yaml(dir: &Path) -> Option<(String, super::raw::RawRecord<'static>)> {
    let text = super::source::read_text(&dir.join(SETTINGS_FILE)).ok().filter(|t| t.contains("kind"))?;
    let rec = super::yaml::parse_mapping(&text).ok()?;
    let town = rec.fields.iter().any(|f| f.key == "kind" && matches!(&f.value, RawValue::Scalar(k) if is_town(k)));
    town.then_some((text, rec))
}

/// The line of one item of `communities:`: the first line from the key's on that lists it (the
/// key's own line for a list written inline).
fn item_line(text: &str, list_line: u32, item: &str) -> u32 {
    // The item as YAML reads it: a comment after it left out, quotes taken off.
    let unquoted = |s: &str| {
        let s = s.split(" #").next().unwrap_or_default();
        s.trim().trim_matches(['"', '\'']).trim().to_string()
    };
    text.lines()
        .enumerate()
        .skip(list_line.saturating_sub(1) as usize)
        .find(|(_, l)| l.trim_start().strip_prefix('-').is_some_and(|rest| unquoted(rest) == item))
        .map_or(list_line, |(i, _)| i as u32 + 1)
}

/// The folders a path or a glob (`*` and `?` within one name) names, relative to `root`.
fn expand(root: &Path, pattern: &str) -> Result<Vec<PathBuf>, TownProblem> {
    let path = Path::new(pattern);
    if path.is_absolute() {
        if pattern.contains(['*', '?']) {
            return Err(TownProblem::BadPattern(pattern.into()));
        }
        if !path.is_dir() {
            return Err(TownProblem::Missing(pattern.into()));
        }
        return Ok(vec![path.to_path_buf()]);
    }
    if !pattern.contains(['*', '?']) {
        let dir = PathBuf::from(pattern.trim_end_matches('/'));
        if !root.join(&dir).is_dir() {
            return Err(TownProblem::Missing(pattern.into()));
        }
        return Ok(vec![dir]);
    }
    let mut found = vec![PathBuf::new()];
    for part in pattern.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if part == ".." {
            return Err(TownProblem::BadPattern(pattern.into()));
        }
        let mut next = Vec::new();
        for base in &found {
            if !part.contains(['*', '?']) {
                if root.join(base).join(part).is_dir() {
                    next.push(base.join(part));
                }
                continue;
            }
            let Ok(entries) = std::fs::read_dir(root.join(base)) else { continue };
            let mut names: Vec<String> = entries
                .flatten()
                .filter_map(|e| e.file_name().into_string().ok())
                // A link to a community's checkout elsewhere counts as its folder.
                .filter(|n| root.join(base).join(n).is_dir())
                .filter(|n| !n.starts_with('.') && wildcard(part, n))
                .collect();
            names.sort();
            next.extend(names.into_iter().map(|n| base.join(n)));
        }
        found = next;
    }
    // A glob names the community folders among its matches: folders without gov.yaml (a
    // `shared/` beside them) are passed over, and only no match at all is an error.
    found.retain(|d| root.join(d).join(SETTINGS_FILE).is_file());
    if found.is_empty() {
        return Err(TownProblem::NoMatch(pattern.into()));
    }
    Ok(found)
}

/// Whether `name` matches `pattern`, where `*` is any run of characters and `?` any one.
pub fn wildcard(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    let (mut pi, mut ni) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while ni < n.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == n[ni]) {
            pi += 1;
            ni += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ni;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ni = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// One community of a town, loaded.
#[derive(Debug)]
pub struct Community {
    /// Its gov.yaml `name` (its folder's name when that is empty), made unique within the town
    /// by its folder when two share a name.
    pub name: String,
    /// Its folder, relative to the town's as listed.
    pub dir: PathBuf,
    pub loaded: Loaded,
}

/// A town with every community loaded, in the order its gov.yaml lists them.
#[derive(Debug)]
pub struct Town {
    pub spec: TownSpec,
    pub communities: Vec<Community>,
}

/// Loads every community of `spec` in parallel, each with its own parse cache. The first
/// community that cannot be read at all stops the load, with its folder.
pub fn load_town(spec: TownSpec, opts: LoadOptions<'_>) -> Result<Town, (PathBuf, LoadError)> {
    let opts = LoadOptions { observer: &Quiet, ..opts };
    let loaded: Vec<Result<Loaded, (PathBuf, LoadError)>> = spec
        .communities
        .par_iter()
        .map(|dir| super::load_with(&spec.root.join(dir), opts).map_err(|e| (dir.clone(), e)))
        .collect();
    let mut communities = Vec::with_capacity(loaded.len());
    for (dir, l) in spec.communities.iter().zip(loaded) {
        let loaded = l?;
        let own = loaded.dataset.settings.name.trim();
        let name = if own.is_empty() { dir.display().to_string() } else { own.to_string() };
        communities.push(Community { name, dir: dir.clone(), loaded });
    }
    let shared: Vec<bool> =
        communities.iter().map(|c| communities.iter().filter(|o| o.name == c.name).count() > 1).collect();
    for (c, shared) in communities.iter_mut().zip(shared) {
        if shared {
            c.name = format!("{}（{}）", c.name, c.dir.display());
        }
    }
    Ok(Town { spec, communities })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_within_a_name() {
        assert!(wildcard("*", "xiawo"));
        assert!(wildcard("c?", "c1"));
        assert!(!wildcard("c?", "c10"));
        assert!(wildcard("*社区", "夏窝社区"));
        assert!(wildcard("a*b*c", "aXXbYYc"));
        assert!(!wildcard("a*b*c", "aXXbYY"));
        assert!(wildcard("", ""));
        assert!(!wildcard("", "a"));
    }
}

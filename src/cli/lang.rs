//! Which language gov speaks: `--lang`, else `GOV_LANG`, else gov.yaml's `lang` once a folder is
//! loaded, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. Help, which is
//! shown before any folder is known, follows `--lang`, `GOV_LANG` or the locale.

use std::ffi::OsString;

use clap::ValueEnum;

use crate::model::Settings;
use crate::text::{self, Lang};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    /// 中文
    Zh,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

/// The language the user asked for by name: `--lang`, else `GOV_LANG` (any value starting `zh`
/// or `en`, as locales are written).
pub fn asked(arg: Option<LangArg>) -> Option<Lang> {
    arg.map(Lang::from).or_else(|| env_lang("GOV_LANG"))
}

/// The first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set and not empty, as POSIX orders
/// them; Chinese when it starts `zh`, else English.
pub fn locale() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .map_or(Lang::En, |s| if s.to_ascii_lowercase().starts_with("zh") { Lang::Zh } else { Lang::En })
}

fn env_lang(var: &str) -> Option<Lang> {
    std::env::var(var).ok().and_then(|s| Lang::parse(&s))
}

/// The language for help and for errors in the arguments, before clap has parsed them: a
/// `--lang zh` or `--lang=zh` among the raw arguments, else `GOV_LANG`, else the locale.
pub fn before_parsing(args: &[OsString]) -> Lang {
    let mut it = args.iter().map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_string),
            None => continue,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    env_lang("GOV_LANG").unwrap_or_else(locale)
}

/// Once a folder is loaded: its `lang` unless the user asked for one by name, else the locale.
pub fn settle(asked: Option<Lang>, settings: &Settings) {
    text::set_lang(asked.or(settings.lang).unwrap_or_else(locale));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<OsString> {
        a.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_lang_flag_is_found_before_parsing() {
        assert_eq!(before_parsing(&args(&["gov", "check", "--lang", "zh"])), Lang::Zh);
        assert_eq!(before_parsing(&args(&["gov", "--lang=zh", "--help"])), Lang::Zh);
        assert_eq!(before_parsing(&args(&["gov", "--lang=en", "--help"])), Lang::En);
    }
}

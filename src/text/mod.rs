//! Every word gov says, in both languages: the catalogue. A message is a [`Text`], which holds
//! its English and its Chinese; only the catalogue's modules can make one ([`Text::new`] is
//! private to this module tree), so a message with one language, or one written outside the
//! catalogue, does not compile. The command line picks the language once ([`set_lang`]) and
//! every `Text` prints in it.
//!
//! The catalogue is split by who speaks: [`findings`] (what the loader and the checks find),
//! [`errors`] (why a command failed), [`cli`] (confirmations, notes, prompts, `init`, `export`),
//! [`help`] (every `--help` text) and [`render`] (what the report writers add). Finding codes,
//! field names and file names stay English: scripts match on them.

use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

pub mod cli;
pub mod errors;
pub mod findings;
pub mod help;
pub mod render;

/// The language gov speaks: messages, help, report headers and labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    Zh,
    #[default]
    En,
}

impl Lang {
    /// `zh`, `zh-CN`, `zh_CN.UTF-8`, `中文` → Chinese; `en…`, `english`, `C`, `POSIX` → English.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") || s == "中文" || s == "chinese" {
            Some(Lang::Zh)
        } else if s.starts_with("en") || s == "c" || s == "posix" || s.starts_with("c.") {
            Some(Lang::En)
        } else {
            None
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// One message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    en: String,
    zh: String,
}

impl Text {
    /// Only the catalogue makes messages: both languages, side by side.
    fn new(en: impl Into<String>, zh: impl Into<String>) -> Text {
        Text { en: en.into(), zh: zh.into() }
    }

    /// A message read back from the parse cache, which stores both languages as they were made.
    pub(crate) fn restore(en: String, zh: String) -> Text {
        Text { en, zh }
    }

    /// For unit tests of what carries a message: the same words in both languages.
    #[cfg(test)]
    pub(crate) fn test(s: &str) -> Text {
        Text::new(s, s)
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }

    /// In the language the process speaks ([`lang`]).
    pub fn current(&self) -> &str {
        self.get(lang())
    }

    pub fn en(&self) -> &str {
        &self.en
    }

    pub fn zh(&self) -> &str {
        &self.zh
    }

    /// Both languages, each through `f` (to quote, mask or prefix a message as a whole).
    pub fn map(&self, mut f: impl FnMut(Lang, &str) -> String) -> Text {
        Text { en: f(Lang::En, &self.en), zh: f(Lang::Zh, &self.zh) }
    }

    /// This message, then `other` (joined by a space in English, by nothing in Chinese).
    pub fn then(&self, other: &Text) -> Text {
        Text { en: format!("{} {}", self.en, other.en), zh: format!("{}{}", self.zh, other.zh) }
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.current())
    }
}

static LANG: AtomicU8 = AtomicU8::new(1);

/// Sets the language the process speaks. The command line calls it once it knows (`--lang`,
/// `GOV_LANG`, gov.yaml's `lang`, the locale); nothing below the command line does.
pub fn set_lang(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// The language the process speaks: English until [`set_lang`] says otherwise.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        0 => Lang::Zh,
        _ => Lang::En,
    }
}

/// A number with thousands separators in English (`5,420`); Chinese offices write them the same.
pub use crate::finding::thousands;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_parse_from_locales() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("zh-TW"), Some(Lang::Zh));
        assert_eq!(Lang::parse("中文"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("POSIX"), Some(Lang::En));
        assert_eq!(Lang::parse("fr_FR"), None);
    }

    #[test]
    fn a_text_prints_in_the_language_asked() {
        let t = Text::new("checked", "已检查");
        assert_eq!((t.get(Lang::En), t.get(Lang::Zh)), ("checked", "已检查"));
        assert_eq!(t.then(&Text::new("all", "全部")).zh(), "已检查全部");
    }
}

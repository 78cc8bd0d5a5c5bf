//! Folder settings from `gov.yaml`. Pure; no I/O.

use super::labels::{Color, Lang, Urgency};

/// What gov.yaml says, with defaults filled in.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The community's name (required).
    pub name: String,
    pub town: Option<String>,
    /// `lang`: the folder's language, when gov.yaml names one.
    pub lang: Option<Lang>,
    /// `values`: the words gov writes for enum values, codes (`en`, the default) or Chinese
    /// labels (`zh`).
    pub values: Lang,
    /// Days between visits, per colour (三色管理).
    pub visit_interval_days: ColorDays,
    /// Days to resolve a problem, per urgency.
    pub issue_due_days: UrgencyDays,
    /// A problem counts as responded to (响应) when its first event comes within this many days
    /// of its receipt.
    pub response_days: u32,
    /// Departments that may be summoned by a whistle (吹哨).
    pub departments: Vec<String>,
    /// Problem categories beyond the built-in ones.
    pub issue_categories: Vec<String>,
    /// Meeting kinds beyond the built-in ones.
    pub meeting_kinds: Vec<String>,
    /// Commit every write to git (used by the recording commands).
    pub auto_commit: bool,
    /// `stars`: the rules branches are rated against (五星支部), when the folder keeps ratings.
    pub stars: Option<crate::kinds::StarRules>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorDays {
    pub red: u32,
    pub yellow: u32,
    pub green: u32,
}

impl ColorDays {
    pub fn get(&self, color: Color) -> u32 {
        match color {
            Color::Red => self.red,
            Color::Yellow => self.yellow,
            Color::Green => self.green,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrgencyDays {
    pub urgent: u32,
    pub normal: u32,
    pub complex: u32,
}

impl UrgencyDays {
    pub fn get(&self, urgency: Urgency) -> u32 {
        match urgency {
            Urgency::Urgent => self.urgent,
            Urgency::Normal => self.normal,
            Urgency::Complex => self.complex,
        }
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            name: String::new(),
            town: None,
            lang: None,
            values: Lang::En,
            visit_interval_days: ColorDays { red: 7, yellow: 14, green: 30 },
            issue_due_days: UrgencyDays { urgent: 1, normal: 7, complex: 15 },
            response_days: 1,
            departments: Vec::new(),
            issue_categories: Vec::new(),
            meeting_kinds: Vec::new(),
            auto_commit: false,
            stars: None,
        }
    }
}

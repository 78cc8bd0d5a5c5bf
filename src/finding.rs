//! Findings: what the loader and the checks report about a data folder. Each has a stable code,
//! a severity, a place (`file:line:column`), a message naming the offending value and a hint
//! saying what to do, each in both languages ([`Text`]). Pure; no I/O.

use std::path::PathBuf;

use serde::Serialize;

use crate::text::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $doc:literal;)*) => {
        /// Every finding code. The list in docs/checks.md is tested against this one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code { $(#[doc = $doc] $variant),* }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable code printed in findings, e.g. `dangling-reference`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),* }
            }

            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity),* }
            }

            /// One line saying what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $doc),* }
            }
        }
    };
}

codes! {
    ParseError = "parse-error", Error, "A file cannot be read as YAML or CSV, or is not text in UTF-8 or GB18030.";
    MissingField = "missing-field", Error, "A required field is absent or empty.";
    InvalidValue = "invalid-value", Error, "A value is not a valid date, number, yes/no, id or allowed enum value.";
    UnknownField = "unknown-field", Warning, "A field or column that the format does not define (often a typo).";
    DuplicateId = "duplicate-id", Error, "Two records of one kind share an id.";
    DanglingReference = "dangling-reference", Error, "A reference to a grid, member, org, household, issue, volunteer or department that does not exist.";
    FutureDate = "future-date", Error, "A date after today.";
    EventOrder = "event-order", Error, "Issue events out of order or impossible (resolved before received, feedback before resolved, report before whistle).";
    NoContacts = "no-contacts", Warning, "A household with no linked member.";
    InactiveContact = "inactive-contact", Warning, "A household linked to a member who is not active.";
    VisitNotContact = "visit-not-contact", Warning, "A visit by a member who is not one of the household's contacts.";
    DuplicateVisit = "duplicate-visit", Warning, "Two visit rows with exactly the same content.";
    WrongMonthFile = "wrong-month-file", Warning, "A visit in visits/YYYY-MM.csv (or an activity in activities/YYYY-MM.*) dated in another month.";
    BadPhone = "bad-phone", Warning, "A phone number that is neither a mainland mobile nor a landline.";
    GridCycle = "grid-cycle", Error, "A grid that is its own ancestor through `parent`.";
    UnknownFile = "unknown-file", Warning, "A file that is not part of the data folder format.";
    OrgCycle = "org-cycle", Error, "An org that is its own ancestor through `parent`.";
    OrgByName = "org-by-name", Warning, "A member's `branch` or `unit` that is an org's name: the org's id says the same without ambiguity.";
    OutsideFolder = "outside-folder", Error, "A symbolic link to a file or folder outside the data folder: gov neither reads nor writes through it.";
    SymbolicLink = "symbolic-link", Warning, "A symbolic link to a place inside the data folder (or to nothing): gov neither reads nor writes through it.";
    NotAFile = "not-a-file", Warning, "A FIFO, socket or device where a file would be: gov never opens it.";
    TooDeep = "too-deep", Warning, "A folder nested too deep (more than 32 levels): gov does not look inside it.";
    MoreFindings = "more-findings", Warning, "More findings of one code in one file than are shown: the first 20 are listed, then how many more there are.";
    DecisionDueEarly = "decision-due-early", Error, "A meeting's decision due before the meeting that made it.";
    DecisionOrder = "decision-order", Error, "A decision's events out of order or impossible (before the meeting, after it was done or dropped, reported back before done).";
    JointWithoutDepartment = "joint-without-department", Warning, "A Party-building joint meeting (`party_joint`) with no department attending.";
    ColorHistoryOrder = "color-history-order", Warning, "A household's colour change dated before the one recorded ahead of it: the history runs in date order.";
    ColorNotCurrent = "color-not-current", Warning, "A household whose latest colour change is not the colour it has now.";
    BadHours = "bad-hours", Error, "Service hours that are negative or more than 24, on one activity or added up over one person's day.";
    NoQuantity = "no-quantity", Error, "Aid items without a quantity, or beneficiaries without a count, in an activity.";
    ScoreOverMax = "score-over-max", Error, "A branch rating's score above its criterion's maximum in gov.yaml `stars`.";
    RatingNotBranch = "rating-not-branch", Error, "A rating of an org that is not a Party branch (`branch` or `grid_branch`).";
    UnknownCriterion = "unknown-criterion", Error, "A rating's score of a criterion gov.yaml `stars` does not name.";
    ReviewNotMember = "review-not-member", Error, "A member review (民主评议) of someone who is not a member.";
    MentorInactive = "mentor-inactive", Warning, "A reserve cadre whose mentor is not an active member.";
    ProjectOrder = "project-order", Error, "A secretary's project's steps out of order (dates going back, a step after done or dropped, shared before done).";
    StarRules = "star-rules", Warning, "gov.yaml `stars` that cannot be scored as meant: a criterion listed twice, or a star whose criteria cannot reach `star_min`.";
}

/// A source line to show under a finding, with the column to point at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    pub column: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What is wrong; it also decides the severity ([`Finding::severity`]).
    pub code: Code,
    /// Relative to the folder root.
    pub file: PathBuf,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: Text,
    pub hint: Option<Text>,
    pub snippet: Option<Snippet>,
    /// The field and value a finding is about, for rules that add to it later (a name written
    /// where an id goes gets a hint naming the id): never read back out of the message.
    pub value: Option<FieldValue>,
}

/// A field's name and its value as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldValue {
    pub field: Box<str>,
    pub value: Box<str>,
}

impl Finding {
    pub fn new(code: Code, file: impl Into<PathBuf>, line: Option<u32>, message: Text) -> Self {
        Finding { code, file: file.into(), line, column: None, message, hint: None, snippet: None, value: None }
    }

    /// Error or warning: always the code's, so the two cannot disagree.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    pub fn hint(mut self, hint: Text) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn column(mut self, column: Option<u32>) -> Self {
        self.column = column.filter(|&c| c > 0);
        self
    }

    /// The field and value this finding is about.
    pub fn about(mut self, field: &str, value: &str) -> Self {
        self.value = Some(FieldValue { field: field.into(), value: value.into() });
        self
    }

    pub fn snippet(mut self, snippet: Option<Snippet>) -> Self {
        self.snippet = snippet;
        self
    }

    /// Order for output: by file, then position, then code.
    pub fn sort_key(&self) -> (&PathBuf, u32, u32, Code) {
        (&self.file, self.line.unwrap_or(0), self.column.unwrap_or(0), self.code)
    }
}

/// A value as messages quote it: at most 60 characters, so a runaway cell cannot flood the output.
pub fn shorten(s: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 60;
    match s.char_indices().nth(MAX) {
        None => std::borrow::Cow::Borrowed(s),
        Some((i, _)) => std::borrow::Cow::Owned(format!("{}… ({} characters)", &s[..i], s.chars().count())),
    }
}

/// Thousands separators: 5420 → "5,420".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Edit distance between two strings, in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| c.len().abs_diff(word.len()) <= limit)
        .map(|c| (edit_distance(word, c), c))
        .filter(|&(d, _)| d > 0 && d <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for c in Code::ALL {
            assert!(seen.insert(c.as_str()));
            assert!(c.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
        }
    }

    #[test]
    fn docs_list_every_code_with_its_severity() {
        let docs = include_str!("../docs/checks.md");
        for c in Code::ALL {
            let row = format!("| `{}` | {} | {} |", c.as_str(), c.severity().as_str(), c.summary());
            assert!(docs.contains(&row), "docs/checks.md lacks the row: {row}");
        }
        let rows = docs.lines().filter(|l| l.starts_with("| `")).count();
        assert_eq!(rows, Code::ALL.len(), "docs/checks.md lists codes that do not exist");
    }

    #[test]
    fn long_values_are_shortened() {
        assert_eq!(shorten("M001"), "M001");
        let long = "长".repeat(100);
        assert_eq!(shorten(&long), format!("{}… (100 characters)", "长".repeat(60)));
    }

    #[test]
    fn distance() {
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("张伟", "张伟"), 0);
        assert_eq!(edit_distance("张伟", "张玮"), 1);
    }

    #[test]
    fn suggestions() {
        assert_eq!(did_you_mean("M012", ["M001", "M012x", "H012"]), Some("H012"));
        assert_eq!(did_you_mean("hosehold", ["household", "member"]), Some("household"));
        assert_eq!(did_you_mean("colour", ["color", "tags"]), Some("color"));
        assert_eq!(did_you_mean("zzz", ["household", "member"]), None);
        assert_eq!(did_you_mean("M001", ["M001"]), None);
    }
}

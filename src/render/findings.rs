//! `gov check` output: one line per finding (`file:line:col: severity[code] message`, the form
//! editors and CI annotate), a hint under it, the source line under parse errors, and a summary.
//! Every message, hint and quoted line passes through [`mask_text`].

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet as Source};
use serde::Serialize;

use super::visible::visible;
use crate::finding::{Finding, Severity};
use crate::model::privacy::mask_text;
use crate::text::findings as say;

/// Counts for the summary line.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub grids: usize,
    pub members: usize,
    /// Named only when the folder keeps orgs (a folder need not).
    #[serde(skip_serializing_if = "is_zero")]
    pub orgs: usize,
    pub households: usize,
    pub visits: usize,
    pub issues: usize,
    /// Named only when the folder keeps meetings.
    #[serde(skip_serializing_if = "is_zero")]
    pub meetings: usize,
    /// Named only when the folder keeps volunteers.
    #[serde(skip_serializing_if = "is_zero")]
    pub volunteers: usize,
    /// Named only when the folder keeps activities.
    #[serde(skip_serializing_if = "is_zero")]
    pub activities: usize,
    /// Named only when the folder keeps branch ratings.
    #[serde(skip_serializing_if = "is_zero")]
    pub ratings: usize,
    /// Named only when the folder keeps member reviews.
    #[serde(skip_serializing_if = "is_zero")]
    pub reviews: usize,
    /// Named only when the folder keeps secretaries' projects.
    #[serde(skip_serializing_if = "is_zero")]
    pub projects: usize,
    /// Named only when the folder keeps reserve cadres.
    #[serde(skip_serializing_if = "is_zero")]
    pub reserves: usize,
    pub errors: usize,
    pub warnings: usize,
}

pub use crate::finding::thousands;

impl Summary {
    /// The counts of a loaded folder, with its errors and warnings.
    pub fn of(ds: &crate::model::Dataset, errors: usize, warnings: usize) -> Summary {
        Summary {
            grids: ds.grids.len(),
            members: ds.members.len(),
            orgs: ds.orgs.len(),
            meetings: ds.meetings.len(),
            households: ds.households.len(),
            visits: ds.visits.len(),
            issues: ds.issues.len(),
            volunteers: ds.volunteers.len(),
            activities: ds.activities.len(),
            ratings: ds.ratings.len(),
            reviews: ds.reviews.len(),
            projects: ds.projects.len(),
            reserves: ds.reserves.len(),
            errors,
            warnings,
        }
    }

    /// Adds another community's counts (a town's summary).
    pub fn add(&mut self, o: &Summary) {
        let Summary {
            grids,
            members,
            orgs,
            households,
            visits,
            issues,
            meetings,
            volunteers,
            activities,
            ratings,
            reviews,
            projects,
            reserves,
            errors,
            warnings,
        } = o;
        self.grids += grids;
        self.members += members;
        self.orgs += orgs;
        self.households += households;
        self.visits += visits;
        self.issues += issues;
        self.meetings += meetings;
        self.volunteers += volunteers;
        self.activities += activities;
        self.ratings += ratings;
        self.reviews += reviews;
        self.projects += projects;
        self.reserves += reserves;
        self.errors += errors;
        self.warnings += warnings;
    }

    fn checked(&self) -> say::Checked {
        let s = self;
        say::Checked {
            grids: s.grids,
            members: s.members,
            orgs: s.orgs,
            households: s.households,
            visits: s.visits,
            issues: s.issues,
            meetings: s.meetings,
            volunteers: s.volunteers,
            activities: s.activities,
            ratings: s.ratings,
            reviews: s.reviews,
            projects: s.projects,
            reserves: s.reserves,
            errors: s.errors,
            warnings: s.warnings,
        }
    }
}

/// One community of a town as `gov check` shows it: its name, its folder (the findings' files
/// are already relative to the town's folder), its findings and counts.
pub struct CommunityCheck<'a> {
    pub name: &'a str,
    pub folder: String,
    pub findings: &'a [Finding],
    pub summary: Summary,
}

/// A town's check for people: every community's findings, each line after the community's
/// name, then a summary line per community and the town's.
pub fn write_town_text(w: &mut impl Write, town: &str, communities: &[CommunityCheck<'_>]) -> io::Result<()> {
    let mut total = Summary::default();
    let mut any = false;
    for c in communities {
        let prefix = say::community_prefix(c.name);
        for f in c.findings {
            any = true;
            write!(w, "{}", prefix.current())?;
            write_findings(w, std::slice::from_ref(f))?;
        }
    }
    if any {
        writeln!(w)?;
    }
    for c in communities {
        writeln!(w, "{}{}", say::community_prefix(c.name).current(), say::checked(&c.summary.checked()))?;
        total.add(&c.summary);
    }
    writeln!(w, "{}", say::town_checked(town, communities.len(), &say::checked(&total.checked())))
}

#[derive(Serialize)]
struct JsonCommunity<'a> {
    community: &'a str,
    folder: &'a str,
    summary: &'a Summary,
}

#[derive(Serialize)]
struct JsonTownReport<'a> {
    town: &'a str,
    summary: Summary,
    communities: Vec<JsonCommunity<'a>>,
    findings: Vec<JsonFinding<'a>>,
}

/// A town's check for programs: the town's summary, each community's, and every finding with
/// the community it is in.
pub fn write_town_json(w: &mut impl Write, town: &str, communities: &[CommunityCheck<'_>]) -> io::Result<()> {
    let mut summary = Summary::default();
    for c in communities {
        summary.add(&c.summary);
    }
    let report = JsonTownReport {
        town,
        summary,
        communities: communities
            .iter()
            .map(|c| JsonCommunity { community: c.name, folder: &c.folder, summary: &c.summary })
            .collect(),
        findings: communities.iter().flat_map(|c| c.findings.iter().map(|f| json_finding(f, Some(c.name)))).collect(),
    };
    serde_json::to_writer_pretty(&mut *w, &report)?;
    writeln!(w)
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

pub fn write_text(w: &mut impl Write, findings: &[Finding], summary: &Summary) -> io::Result<()> {
    write_findings(w, findings)?;
    if !findings.is_empty() {
        writeln!(w)?;
    }
    writeln!(w, "{}", say::checked(&summary.checked()))
}

/// The findings alone, one per line with hint and source line, as `gov check` prints them.
/// Control characters in what they quote are made visible ([`visible`]).
pub fn write_findings(w: &mut impl Write, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        writeln!(w, "{}", finding_line(f))?;
        if let (Some(snippet), Some(line)) = (&f.snippet, f.line) {
            // Masked (a finding can quote a phone or an ID number straight from the data), then
            // made visible; the caret's column counts the characters of the text as shown.
            let shown = visible(&mask_text(&snippet.text)).into_owned();
            let before: String = snippet.text.chars().take(snippet.column.saturating_sub(1) as usize).collect();
            let column = visible(&mask_text(&before)).chars().count() as u32 + 1;
            writeln!(w, "{}", source_block(&shown, line, column))?;
        }
        if let Some(hint) = &f.hint {
            writeln!(w, "    {}{}", say::hint_label(), visible(&mask_text(hint.current())))?;
        }
    }
    Ok(())
}

/// A finding on one line, `file:line:col: severity[code] message`, its text made visible.
pub fn finding_line(f: &Finding) -> String {
    let mut place = visible(&mask_text(&f.file.to_string_lossy())).into_owned();
    if let Some(line) = f.line {
        place.push_str(&format!(":{line}"));
        if let Some(col) = f.column {
            place.push_str(&format!(":{col}"));
        }
    }
    let severity = say::severity(f.severity());
    format!("{place}: {severity}[{}] {}", f.code.as_str(), visible(&mask_text(f.message.current())))
}

/// The source line with a caret under the column, rustc style.
fn source_block(text: &str, line: u32, column: u32) -> String {
    let start = text.char_indices().nth(column.saturating_sub(1) as usize).map_or(text.len(), |(i, _)| i);
    let end = text[start..].chars().next().map_or(start, |c| start + c.len_utf8());
    let group = Level::NOTE.no_name().primary_title("").element(
        Source::source(text).line_start(line as usize).annotation(AnnotationKind::Primary.span(start..end.max(start))),
    );
    let rendered = Renderer::plain().render(&[group]);
    // Drop the empty title line; keep the gutter and caret lines.
    rendered.lines().skip_while(|l| !l.trim_start().starts_with('|') && !l.contains('│')).collect::<Vec<_>>().join("\n")
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    community: Option<&'a str>,
    code: &'a str,
    severity: Severity,
    file: String,
    line: Option<u32>,
    column: Option<u32>,
    message: std::borrow::Cow<'a, str>,
    hint: Option<std::borrow::Cow<'a, str>>,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    summary: &'a Summary,
    findings: Vec<JsonFinding<'a>>,
}

pub fn write_json(w: &mut impl Write, findings: &[Finding], summary: &Summary) -> io::Result<()> {
    let report = JsonReport { summary, findings: findings.iter().map(|f| json_finding(f, None)).collect() };
    serde_json::to_writer_pretty(&mut *w, &report)?;
    writeln!(w)
}

fn json_finding<'a>(f: &'a Finding, community: Option<&'a str>) -> JsonFinding<'a> {
    JsonFinding {
        community,
        code: f.code.as_str(),
        severity: f.severity(),
        file: mask_text(&f.file.to_string_lossy().replace('\\', "/")).into_owned(),
        line: f.line,
        column: f.column,
        message: mask_text(f.message.current()),
        hint: f.hint.as_ref().map(|h| mask_text(h.current())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(5420), "5,420");
        assert_eq!(thousands(2_000_000), "2,000,000");
    }

    #[test]
    fn caret_under_column() {
        let b = source_block("name: [unclosed", 3, 7);
        assert!(b.contains("3 | name: [unclosed"), "{b}");
        let caret_line = b.lines().find(|l| l.contains('^')).unwrap();
        assert_eq!(caret_line.find('^').unwrap(), b.lines().find(|l| l.contains("name")).unwrap().find('[').unwrap());
    }

    #[test]
    fn findings_show_control_characters_escaped() {
        use crate::finding::{Code, Snippet};
        let f =
            Finding::new(Code::InvalidValue, "issues/\u{1b}[2J.yaml", Some(2), say::unknown_field("\u{1b}]0;x\u{7}"))
                .hint(say::did_you_mean("\r"))
                .column(Some(8))
                .snippet(Some(Snippet { text: "title: \u{1b}]0;x\u{7}".into(), column: 8 }));
        let mut out = Vec::new();
        write_findings(&mut out, &[f]).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.contains(['\u{1b}', '\u{7}', '\r']), "{text:?}");
        assert!(
            text.starts_with("issues/\\e[2J.yaml:2:8: error[invalid-value] unknown field `\\e]0;x\\a`\n"),
            "{text}"
        );
        assert!(text.contains("2 | title: \\e]0;x\\a"), "{text}");
        assert!(text.ends_with("    hint: did you mean `\\r`?\n"), "{text}");
    }

    #[test]
    fn json_findings_carry_the_codes_severity_second() {
        use crate::finding::Code;
        let findings =
            [Finding::new(Code::NoContacts, "households.csv", Some(3), say::no_contacts("H1", "王芳")).column(Some(1))];
        let mut out = Vec::new();
        write_json(&mut out, &findings, &Summary { warnings: 1, ..Summary::default() }).unwrap();
        let text = String::from_utf8(out).unwrap();
        let finding = &text[text.find("\"findings\"").unwrap()..];
        let expected = "\"findings\": [\n    {\n      \"code\": \"no-contacts\",\n      \"severity\": \"warning\",\n      \"file\": \"households.csv\",\n      \"line\": 3,\n      \"column\": 1,\n      \"message\": \"household `H1` (王芳) has no linked member\",\n      \"hint\": null\n    }\n  ]\n}\n";
        assert_eq!(finding, expected);
    }
}

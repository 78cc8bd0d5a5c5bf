//! Folder settings from `gov.yaml`. Pure; no I/O.

use super::labels::{Color, HouseholdTag, Lang, Urgency};

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
    /// Days between visits for households carrying a tag, in gov.yaml order; shorter than the
    /// colour's wins, and [`TagInterval::Exempt`] takes the household off the schedule.
    pub tag_interval_days: Vec<(HouseholdTag, TagInterval)>,
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
    /// Activity kinds beyond the built-in ones.
    pub activity_kinds: Vec<String>,
    /// `dual_report.hours_per_year`: the service hours an in-service member is asked to give a
    /// year (双报到), when the folder sets a target.
    pub dual_hours_per_year: Option<u32>,
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

/// A tag's entry in `tag_interval_days`: a number of days, or `none` (不走访): not scheduled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagInterval {
    Days(u32),
    Exempt,
}

/// Which rule set a household's interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntervalRule {
    /// The colour's entry in `visit_interval_days`.
    Color(Color),
    /// A tag's entry in `tag_interval_days`, shorter than the colour's.
    Tag(HouseholdTag),
}

/// A household's place in the visit schedule: an interval and where it came from, or exempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Interval {
    Every(u32, IntervalRule),
    /// A tag with `none`: never due (a vacant registration, say).
    Exempt(HouseholdTag),
}

impl Settings {
    /// The interval of a household of this colour and these tags: the shortest that applies (a
    /// tag only when shorter than the colour; on a tie the colour), and exempt above all.
    pub fn interval(&self, color: Color, tags: &[HouseholdTag]) -> Interval {
        let mut best = (self.visit_interval_days.get(color), IntervalRule::Color(color));
        for &(tag, rule) in &self.tag_interval_days {
            if !tags.contains(&tag) {
                continue;
            }
            match rule {
                TagInterval::Exempt => return Interval::Exempt(tag),
                TagInterval::Days(d) if d < best.0 => best = (d, IntervalRule::Tag(tag)),
                TagInterval::Days(_) => {}
            }
        }
        Interval::Every(best.0, best.1)
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
            // Published town practice: key households monthly, ordinary ones twice a year
            // (newcomers quarterly: yellow), vacant registrations yearly (a tag interval).
            visit_interval_days: ColorDays { red: 30, yellow: 90, green: 180 },
            tag_interval_days: Vec::new(),
            issue_due_days: UrgencyDays { urgent: 1, normal: 7, complex: 15 },
            response_days: 1,
            departments: Vec::new(),
            issue_categories: Vec::new(),
            meeting_kinds: Vec::new(),
            auto_commit: false,
            activity_kinds: Vec::new(),
            dual_hours_per_year: None,
            stars: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(tags: &[(HouseholdTag, TagInterval)]) -> Settings {
        Settings { tag_interval_days: tags.to_vec(), ..Settings::default() }
    }

    #[test]
    fn defaults_follow_published_practice() {
        let s = Settings::default();
        assert_eq!(s.visit_interval_days, ColorDays { red: 30, yellow: 90, green: 180 });
        assert_eq!(s.interval(Color::Red, &[]), Interval::Every(30, IntervalRule::Color(Color::Red)));
    }

    #[test]
    fn shortest_wins_a_tie_keeps_the_colour_and_exempt_wins_over_all() {
        use HouseholdTag::*;
        let s = with(&[
            (ElderlyAlone, TagInterval::Days(7)),
            (Rental, TagInterval::Days(30)),
            (Vacant, TagInterval::Exempt),
        ]);
        assert_eq!(s.interval(Color::Green, &[Rental]), Interval::Every(30, IntervalRule::Tag(Rental)));
        assert_eq!(s.interval(Color::Red, &[Rental]), Interval::Every(30, IntervalRule::Color(Color::Red)));
        assert_eq!(
            s.interval(Color::Red, &[Rental, ElderlyAlone]),
            Interval::Every(7, IntervalRule::Tag(ElderlyAlone))
        );
        assert_eq!(s.interval(Color::Red, &[Hardship]), Interval::Every(30, IntervalRule::Color(Color::Red)));
        assert_eq!(s.interval(Color::Red, &[ElderlyAlone, Vacant]), Interval::Exempt(Vacant));
    }
}

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
    /// `targets`: the rates the town asks for, in percent, drawn as marks on the monthly page.
    pub targets: Targets,
}

/// `targets` in gov.yaml: the rates the town asks of the community, in percent (0–100). Keys are
/// the rates' codes in `gov stats`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    /// 响应率.
    pub response_rate: u32,
    /// 按时办结率.
    pub on_time_rate: u32,
    /// 解决率.
    pub solved_rate: u32,
    /// 满意率.
    pub satisfaction_rate: u32,
    /// 落实率: meetings' decisions carried out.
    pub done_rate: u32,
}

impl Targets {
    /// The keys gov.yaml's `targets` may hold, in the order the page draws them.
    pub const KEYS: [&'static str; 5] =
        ["response_rate", "on_time_rate", "solved_rate", "satisfaction_rate", "done_rate"];

    /// The target for a rate's code, in percent.
    pub fn get(&self, code: &str) -> Option<u32> {
        match code {
            "response_rate" => Some(self.response_rate),
            "on_time_rate" => Some(self.on_time_rate),
            "solved_rate" => Some(self.solved_rate),
            "satisfaction_rate" => Some(self.satisfaction_rate),
            "done_rate" => Some(self.done_rate),
            _ => None,
        }
    }
}

impl Default for Targets {
    /// What towns commonly ask of the 12345-style problem handling: every problem answered within
    /// the response time, and nine in ten resolved on time, solved and satisfied; decisions of
    /// meetings nine in ten carried out.
    fn default() -> Self {
        Targets { response_rate: 100, on_time_rate: 90, solved_rate: 90, satisfaction_rate: 90, done_rate: 90 }
    }
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
            targets: Targets::default(),
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

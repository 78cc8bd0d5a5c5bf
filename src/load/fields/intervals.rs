//! gov.yaml's `tag_interval_days`: a household tag (its code or Chinese label) mapped to days
//! between visits, or to `none` (`无`, `不走访`): not scheduled at all.

use super::super::raw::RawValue;
use super::Fields;
use crate::finding::{did_you_mean, shorten};
use crate::model::labels::{HouseholdTag, Labelled};
use crate::model::settings::TagInterval;
use crate::text::findings as say;

/// The longest interval gov.yaml may give, in days (ten years).
pub const MAX_DAYS: u32 = 3660;

impl Fields<'_, '_, '_, '_> {
    /// `tag_interval_days`, in file order; a bad tag or value is reported and left out, a tag
    /// named twice keeps its first entry (the second is reported).
    pub fn tag_intervals(&mut self, name: &str) -> Vec<(HouseholdTag, TagInterval)> {
        let Some(map) = self.map(name) else { return Vec::new() };
        let mut out: Vec<(HouseholdTag, TagInterval)> = Vec::new();
        for field in &map.fields {
            let Some(tag) = HouseholdTag::parse(&field.key) else {
                let codes = HouseholdTag::ALL.iter().map(|v| v.code());
                let hint = say::allowed_hint::<HouseholdTag>(did_you_mean(&field.key.to_lowercase(), codes));
                self.invalid(field, say::not_a_tag_key(&shorten(&field.key)), Some(hint));
                continue;
            };
            let text = match &field.value {
                RawValue::Scalar(s) => s.trim(),
                _ => "",
            };
            let rule = match text.to_lowercase().as_str() {
                "none" | "never" | "无" | "不走访" => Some(TagInterval::Exempt),
                t => t.parse::<u32>().ok().filter(|n| (1..=MAX_DAYS).contains(n)).map(TagInterval::Days),
            };
            let Some(rule) = rule else {
                self.invalid(
                    field,
                    say::not_a_tag_interval(&field.key, &shorten(text)),
                    Some(say::tag_interval_hint()),
                );
                continue;
            };
            if out.iter().any(|(t, _)| *t == tag) {
                self.invalid(field, say::tag_interval_twice(&field.key), None);
                continue;
            }
            out.push((tag, rule));
        }
        out
    }
}

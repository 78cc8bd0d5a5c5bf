//! `bad-hours`: service hours below 0 or above 24 on one activity, or one person's hours on one
//! day adding up to more than 24. `no-quantity`: aid items without a quantity and beneficiaries
//! without a count.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::at;
use crate::finding::{Code, Finding, shorten};
use crate::model::{Dataset, Loc, Sym};
use crate::text::findings as say;

/// Hours are from 0 to 24.
fn in_range(h: f64) -> bool {
    (0.0..=24.0).contains(&h)
}

pub fn bad_hours(ds: &Dataset, out: &mut Vec<Finding>) {
    // (person, day) → (hours, activities, where the day's last one is), every hour in range.
    let mut days: BTreeMap<(Sym, NaiveDate), (f64, usize, Loc)> = BTreeMap::new();
    for a in &ds.activities {
        if let Some(h) = a.hours.filter(|&h| !in_range(h)) {
            let who = say::noun_hours_default();
            out.push(
                at(ds, a.loc, Code::BadHours, say::hours_out_of_range(who.current(), h)).hint(say::bad_hours_hint()),
            );
        }
        for p in a.participants() {
            let loc = Loc { file: a.loc.file, line: p.line };
            match p.hours {
                Some(h) if !in_range(h) => {
                    out.push(
                        at(ds, loc, Code::BadHours, say::hours_out_of_range(ds.name(p.id), h))
                            .hint(say::bad_hours_hint()),
                    );
                }
                _ => {
                    let h = a.hours_of(p);
                    if in_range(h) {
                        let day = days.entry((p.id, a.date)).or_insert((0.0, 0, loc));
                        day.0 += h;
                        day.1 += 1;
                        day.2 = loc;
                    }
                }
            }
        }
    }
    for ((who, date), (hours, n, loc)) in days {
        if hours > 24.0 {
            out.push(
                at(ds, loc, Code::BadHours, say::hours_over_a_day(ds.name(who), date, hours, n))
                    .hint(say::bad_hours_hint()),
            );
        }
    }
}

pub fn no_quantity(ds: &Dataset, out: &mut Vec<Finding>) {
    for a in &ds.activities {
        let file = a.loc.file;
        for i in a.items.iter().filter(|i| i.quantity.is_none()) {
            let loc = Loc { file, line: i.line };
            out.push(
                at(ds, loc, Code::NoQuantity, say::item_without_quantity(&shorten(&i.item)))
                    .hint(say::no_quantity_hint()),
            );
        }
        for b in a.beneficiaries.iter().filter(|b| b.count.is_none()) {
            let loc = Loc { file, line: b.line };
            out.push(
                at(ds, loc, Code::NoQuantity, say::beneficiaries_without_count(&shorten(&b.kind)))
                    .hint(say::no_quantity_hint()),
            );
        }
    }
}

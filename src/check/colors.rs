//! `color-history-order` and `color-not-current`: each household's colour history (`colors`)
//! runs in date order and ends with the colour the household has now. A household with no
//! history is left alone: its colour is where it started.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Lookup, at};
use crate::finding::{Code, Finding};
use crate::model::labels::Color;
use crate::model::{Dataset, Loc};
use crate::text::findings as say;

pub fn color_history(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    if ds.colors.is_empty() {
        return;
    }
    // Per household (by position): the latest change so far, in file order.
    let mut last: HashMap<usize, (NaiveDate, Option<Color>, Loc)> = HashMap::new();
    for c in &ds.colors {
        let Some(h) = look.household(c.household) else { continue }; // dangling-reference
        match last.get(&h) {
            Some(&(before, ..)) if c.date < before => {
                let id = ds.name(c.household);
                out.push(
                    at(ds, c.loc, Code::ColorHistoryOrder, say::color_history_order(id, c.date, before))
                        .hint(say::color_history_order_hint()),
                );
            }
            _ => {
                last.insert(h, (c.date, c.color, c.loc));
            }
        }
    }
    let mut ends: Vec<(usize, NaiveDate, Color)> =
        last.into_iter().filter_map(|(h, (date, color, _))| Some((h, date, color?))).collect();
    ends.sort_unstable_by_key(|&(h, ..)| h);
    for (h, date, color) in ends {
        let household = &ds.households[h];
        if household.color != color {
            let id = ds.name(household.id);
            out.push(
                at(ds, household.loc, Code::ColorNotCurrent, say::color_not_current(id, household.color, color, date))
                    .hint(say::color_not_current_hint()),
            );
        }
    }
}

//! `grid-cycle`: a grid whose `parent` chain leads back to itself.

use super::{Lookup, at};
use crate::finding::{Code, Finding};
use crate::model::Dataset;

pub fn grid_cycles(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    for g in &ds.grids {
        let mut cur = g.parent;
        let mut steps = 0;
        while let Some(p) = cur {
            if p == g.id {
                out.push(
                    at(
                        ds,
                        g.loc,
                        Code::GridCycle,
                        format!("grid `{}` is its own ancestor through `parent`", ds.name(g.id)),
                    )
                    .hint("a grid's parent must be a grid above it (level 1 community, 2 area, 3 building)"),
                );
                break;
            }
            steps += 1;
            if steps > ds.grids.len() {
                break; // a cycle further up, reported for the grids on it
            }
            cur = look.grid(p).and_then(|i| ds.grids[i].parent);
        }
    }
}

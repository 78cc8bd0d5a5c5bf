//! `grid-cycle` and `org-cycle`: a grid or an org whose `parent` chain leads back to itself.

use super::{Lookup, at};
use crate::finding::{Code, Finding};
use crate::model::{Dataset, Kind, Loc, Sym};
use crate::text::findings as say;

pub fn grid_cycles(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    let tree = Tree { code: Code::GridCycle, kind: Kind::Grids };
    let nodes: Vec<(Sym, Option<Sym>, Loc)> = ds.grids.iter().map(|g| (g.id, g.parent, g.loc)).collect();
    tree.cycles(ds, &nodes, |s| look.grid(s), out);
}

pub fn org_cycles(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    let tree = Tree { code: Code::OrgCycle, kind: Kind::Orgs };
    let nodes: Vec<(Sym, Option<Sym>, Loc)> = ds.orgs.iter().map(|o| (o.id, o.parent, o.loc)).collect();
    tree.cycles(ds, &nodes, |s| look.org(s), out);
}

/// Records in a tree through `parent`, and what to say of one on a cycle.
struct Tree {
    code: Code,
    kind: Kind,
}

impl Tree {
    /// Reports every node (id, parent, place) whose chain of parents, followed through `find`
    /// (an id to its node's index), comes back to it.
    fn cycles(
        &self,
        ds: &Dataset,
        nodes: &[(Sym, Option<Sym>, Loc)],
        find: impl Fn(Sym) -> Option<usize>,
        out: &mut Vec<Finding>,
    ) {
        for &(id, parent, loc) in nodes {
            let mut cur = parent;
            let mut steps = 0;
            while let Some(p) = cur {
                if p == id {
                    let message = say::own_ancestor(self.kind, ds.name(id));
                    out.push(at(ds, loc, self.code, message).hint(say::own_ancestor_hint(self.kind)));
                    break;
                }
                steps += 1;
                if steps > nodes.len() {
                    break; // a cycle further up, reported for the nodes on it
                }
                cur = find(p).and_then(|i| nodes[i].1);
            }
        }
    }
}

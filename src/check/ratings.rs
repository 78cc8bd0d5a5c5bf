//! The rules of branch strength: `score-over-max`, `rating-not-branch` and `unknown-criterion`
//! for ratings (against gov.yaml `stars`), `review-not-member` for reviews, `mentor-inactive`
//! for reserve cadres, `project-order` for secretaries' projects; `duplicate-id` for a second
//! rating of a branch, or review of a member, for one year; `star-rules` for gov.yaml's `stars`.

use std::collections::HashMap;

use super::{Lookup, at};
use crate::finding::{Code, Finding, did_you_mean};
use crate::kinds::org::OrgKind;
use crate::kinds::project::ProjectAction;
use crate::model::labels::{Labelled, MemberStatus};
use crate::model::{Dataset, Kind, Loc, Sym};
use crate::text::findings as say;

/// The rules of gov.yaml's `stars` themselves.
pub fn star_rules(ds: &Dataset, out: &mut Vec<Finding>) {
    let Some(rules) = ds.settings.stars.as_ref() else { return };
    let Some(file) = ds.files.iter().find(|f| f.kind == Kind::Settings) else { return };
    let mut push =
        |msg| out.push(Finding::new(Code::StarRules, file.path.clone(), None, msg).hint(say::star_rules_hint()));
    let mut seen = std::collections::HashSet::new();
    for c in rules.stars.iter().flat_map(|s| &s.criteria) {
        if !seen.insert(c.id.as_str()) {
            push(say::criterion_twice(&c.id));
        }
    }
    for s in &rules.stars {
        if s.max() < rules.star_min {
            push(say::star_out_of_reach(&s.name, s.max(), rules.star_min));
        }
    }
}

/// Ratings against the rules and the org rated.
pub fn rating_rules(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    let rules = ds.settings.stars.as_ref();
    let ids: Vec<&str> =
        rules.map(|r| r.stars.iter().flat_map(|s| &s.criteria).map(|c| c.id.as_str()).collect()).unwrap_or_default();
    let mut seen: HashMap<(Sym, u32), Loc> = HashMap::new();
    for r in &ds.ratings {
        if let Some(first) = seen.insert((r.branch, r.year), r.loc) {
            seen.insert((r.branch, r.year), first);
            let first = format!("{}:{}", ds.path(first.file).display(), first.line);
            out.push(
                at(ds, r.loc, Code::DuplicateId, say::duplicate_rating(ds.name(r.branch), r.year, &first))
                    .hint(say::duplicate_rating_hint()),
            );
        }
        if let Some(i) = look.org(r.branch) {
            let o = &ds.orgs[i];
            if let Some(kind) = o.kind
                && !matches!(kind, OrgKind::Branch | OrgKind::GridBranch)
            {
                out.push(
                    at(
                        ds,
                        r.loc,
                        Code::RatingNotBranch,
                        say::rating_not_branch(ds.name(o.id), &o.name, kind.en(), kind.zh()),
                    )
                    .hint(say::rating_not_branch_hint()),
                );
            }
        }
        for s in &r.scores {
            let loc = Loc { file: r.loc.file, line: s.line };
            match rules.and_then(|rules| rules.criterion(&s.criterion)) {
                Some((_, c)) if s.points > c.max => out.push(
                    at(ds, loc, Code::ScoreOverMax, say::score_over_max(&s.criterion, s.points, c.max))
                        .hint(say::score_over_max_hint()),
                ),
                Some(_) => {}
                None => {
                    let close = did_you_mean(&s.criterion, ids.iter().copied());
                    out.push(
                        at(ds, loc, Code::UnknownCriterion, say::unknown_criterion(&s.criterion))
                            .hint(say::unknown_criterion_hint(close, rules.is_some())),
                    );
                }
            }
        }
    }
}

/// Reviews of someone who is not a member.
pub fn reviews_of_members(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    let mut seen: HashMap<(Sym, u32), Loc> = HashMap::new();
    for r in &ds.reviews {
        if let Some(first) = seen.insert((r.member, r.year), r.loc) {
            seen.insert((r.member, r.year), first);
            let first = format!("{}:{}", ds.path(first.file).display(), first.line);
            out.push(
                at(ds, r.loc, Code::DuplicateId, say::duplicate_review(ds.name(r.member), r.year, &first))
                    .hint(say::duplicate_rating_hint()),
            );
        }
        if look.member(r.member).is_some() {
            continue;
        }
        let name = ds.name(r.member);
        let close = did_you_mean(name, ds.members.iter().map(|m| ds.name(m.id)));
        out.push(
            at(ds, r.loc, Code::ReviewNotMember, say::review_not_member(name)).hint(say::review_not_member_hint(close)),
        );
    }
}

/// Reserve cadres whose mentor is not active (an unknown mentor is a dangling reference).
pub fn inactive_mentors(ds: &Dataset, look: &Lookup, out: &mut Vec<Finding>) {
    for r in &ds.reserves {
        let Some(m) = r.mentor.and_then(|s| look.member(s)).map(|i| &ds.members[i]) else { continue };
        if m.status != MemberStatus::Active {
            out.push(
                at(
                    ds,
                    r.loc,
                    Code::MentorInactive,
                    say::mentor_inactive(ds.name(r.id), &r.name, ds.name(m.id), &m.name, m.status),
                )
                .hint(say::mentor_inactive_hint()),
            );
        }
    }
}

/// Projects' steps out of order.
pub fn project_order(ds: &Dataset, out: &mut Vec<Finding>) {
    for p in &ds.projects {
        let Some(i) = p.out_of_order() else { continue };
        let e = &p.events[i];
        let msg = if i > 0 && e.date < p.events[i - 1].date {
            say::project_step_out_of_order(e.action, e.date, p.events[i - 1].date)
        } else if e.action == ProjectAction::SharedAsTemplate {
            say::project_shared_before_done(e.date)
        } else {
            say::project_step_after_end(e.action, e.date)
        };
        let loc = Loc { file: p.loc.file, line: e.line };
        out.push(at(ds, loc, Code::ProjectOrder, msg).hint(say::project_order_hint()));
    }
}

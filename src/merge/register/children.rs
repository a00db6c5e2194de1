//! The records hanging off organisations, people and partnerships, brought across once: each
//! with its links re-pointed to our records, and left when this register already has one with
//! the same links and the same identifying words (a membership of the same body, a contribution
//! of the same year, kind and amount, a strategy of the same title).

use std::collections::HashSet;

use super::Planner;
use crate::model::{
    ActionId, AssessmentId, ContributionId, MeasureId, MembershipId, ObjectiveDelivery,
    ObjectiveId, PriorityId, PriorityTag, Register, RelationshipId, ReportBackRouteId,
    RepresentationId, StrategyId, ThemeId, ThemeTag,
};
use crate::reconcile::normalise_name;

pub(super) fn bring(plan: &mut Planner<'_>, theirs: &Register) {
    let ours = plan.ours;
    let part = |plan: &Planner<'_>, id| plan.partnership_canonical.get(&id).copied().unwrap_or(id);
    let org = |plan: &Planner<'_>, id| plan.org_canonical.get(&id).copied().unwrap_or(id);
    let person = |plan: &Planner<'_>, id| plan.person_canonical.get(&id).copied().unwrap_or(id);

    // Relationships: the same two partnerships and kind.
    let mut have: HashSet<_> = ours
        .relationships
        .values()
        .map(|r| (part(plan, r.from), part(plan, r.to), r.kind))
        .collect();
    let mut next = RelationshipId::next_in(&ours.relationships);
    for relationship in theirs.relationships.values() {
        let (Some(&from), Some(&to)) = (
            plan.partnerships.get(&relationship.from),
            plan.partnerships.get(&relationship.to),
        ) else {
            continue;
        };
        if have.insert((from, to, relationship.kind)) {
            let mut new = relationship.clone();
            (new.id, new.from, new.to) = (next, from, to);
            next = RelationshipId(next.0 + 1);
            plan.add(new, "relationship");
        }
    }

    // Memberships: the same body in the same partnership.
    let mut have: HashSet<_> = ours
        .memberships
        .values()
        .map(|m| (part(plan, m.partnership), org(plan, m.organisation)))
        .collect();
    let mut next = MembershipId::next_in(&ours.memberships);
    for membership in theirs.memberships.values() {
        let (Some(&partnership), Some(&organisation)) = (
            plan.partnerships.get(&membership.partnership),
            plan.organisations.get(&membership.organisation),
        ) else {
            continue;
        };
        if have.insert((partnership, organisation)) {
            let mut new = membership.clone();
            (new.id, new.partnership, new.organisation) = (next, partnership, organisation);
            next = MembershipId(next.0 + 1);
            plan.add(new, "membership");
        }
    }

    // Representations: the same person, partnership and role.
    let mut have: std::collections::HashMap<_, RepresentationId> = ours
        .representations
        .values()
        .map(|r| {
            (
                (
                    person(plan, r.person),
                    part(plan, r.partnership),
                    r.role_on_body,
                ),
                r.id,
            )
        })
        .collect();
    let mut next = RepresentationId::next_in(&ours.representations);
    for representation in theirs.representations.values() {
        let (Some(&who), Some(&partnership)) = (
            plan.people.get(&representation.person),
            plan.partnerships.get(&representation.partnership),
        ) else {
            continue;
        };
        let key = (who, partnership, representation.role_on_body);
        let mapped = match have.get(&key) {
            Some(&id) => id,
            None => {
                let mut new = representation.clone();
                (new.id, new.person, new.partnership) = (next, who, partnership);
                next = RepresentationId(next.0 + 1);
                have.insert(key, new.id);
                let id = new.id;
                plan.add(new, "representation");
                id
            }
        };
        plan.representations.insert(representation.id, mapped);
    }

    // Report-back routes: the same representation, audience and recipient.
    let mut have: HashSet<_> = ours
        .report_back_routes
        .values()
        .map(|r| (r.representation, r.audience, normalise_name(&r.recipient)))
        .collect();
    let mut next = ReportBackRouteId::next_in(&ours.report_back_routes);
    for route in theirs.report_back_routes.values() {
        let Some(&representation) = plan.representations.get(&route.representation) else {
            continue;
        };
        if have.insert((
            representation,
            route.audience,
            normalise_name(&route.recipient),
        )) {
            let mut new = route.clone();
            (new.id, new.representation) = (next, representation);
            next = ReportBackRouteId(next.0 + 1);
            plan.add(new, "report-back route");
        }
    }

    // Contributions: the same partnership, year, kind and amount.
    let mut have: HashSet<_> = ours
        .contributions
        .values()
        .map(|c| (part(plan, c.partnership), c.year, c.kind, c.amount))
        .collect();
    let mut next = ContributionId::next_in(&ours.contributions);
    for contribution in theirs.contributions.values() {
        let Some(&partnership) = plan.partnerships.get(&contribution.partnership) else {
            continue;
        };
        if have.insert((
            partnership,
            contribution.year,
            contribution.kind,
            contribution.amount,
        )) {
            let mut new = contribution.clone();
            (new.id, new.partnership) = (next, partnership);
            next = ContributionId(next.0 + 1);
            plan.add(new, "contribution");
        }
    }

    // Themes and priorities: by name.
    let mut names: std::collections::HashMap<String, ThemeId> = ours
        .themes
        .values()
        .rev()
        .map(|t| (normalise_name(&t.name), t.id))
        .collect();
    let mut next = ThemeId::next_in(&ours.themes);
    for theme in theirs.themes.values() {
        let normal = normalise_name(&theme.name);
        let id = *names.entry(normal).or_insert_with(|| {
            let id = next;
            next = ThemeId(next.0 + 1);
            let mut new = theme.clone();
            new.id = id;
            plan.edits.push(crate::model::Edit::insert(new));
            *plan.added.entry("theme").or_default() += 1;
            id
        });
        plan.themes.insert(theme.id, id);
    }
    let mut names: std::collections::HashMap<String, PriorityId> = ours
        .priorities
        .values()
        .rev()
        .map(|t| (normalise_name(&t.name), t.id))
        .collect();
    let mut next = PriorityId::next_in(&ours.priorities);
    for priority in theirs.priorities.values() {
        let normal = normalise_name(&priority.name);
        let id = *names.entry(normal).or_insert_with(|| {
            let id = next;
            next = PriorityId(next.0 + 1);
            let mut new = priority.clone();
            new.id = id;
            plan.edits.push(crate::model::Edit::insert(new));
            *plan.added.entry("corporate priority").or_default() += 1;
            id
        });
        plan.priorities.insert(priority.id, id);
    }
    let mut have: HashSet<_> = ours.theme_tags.keys().copied().collect();
    for tag in theirs.theme_tags.values() {
        let (Some(&partnership), Some(&theme)) = (
            plan.partnerships.get(&tag.partnership),
            plan.themes.get(&tag.theme),
        ) else {
            continue;
        };
        if have.insert((partnership, theme)) {
            plan.add(ThemeTag { partnership, theme }, "theme tag");
        }
    }
    let mut have: HashSet<_> = ours.priority_tags.keys().copied().collect();
    for tag in theirs.priority_tags.values() {
        let (Some(&partnership), Some(&priority)) = (
            plan.partnerships.get(&tag.partnership),
            plan.priorities.get(&tag.priority),
        ) else {
            continue;
        };
        if have.insert((partnership, priority)) {
            plan.add(
                PriorityTag {
                    partnership,
                    priority,
                },
                "priority tag",
            );
        }
    }

    // Strategies by title, objectives by strategy and text, measures by objective and name.
    let mut names: std::collections::HashMap<String, StrategyId> = ours
        .strategies
        .values()
        .rev()
        .map(|s| (normalise_name(&s.title), s.id))
        .collect();
    let mut next = StrategyId::next_in(&ours.strategies);
    for strategy in theirs.strategies.values() {
        let normal = normalise_name(&strategy.title);
        let id = match names.get(&normal) {
            Some(&id) => id,
            None => {
                let mut new = strategy.clone();
                new.id = next;
                new.owner = strategy
                    .owner
                    .and_then(|o| plan.organisations.get(&o).copied());
                next = StrategyId(next.0 + 1);
                names.insert(normal, new.id);
                let id = new.id;
                plan.add(new, "strategy document");
                id
            }
        };
        plan.strategies.insert(strategy.id, id);
    }
    let mut texts: std::collections::HashMap<_, ObjectiveId> = ours
        .objectives
        .values()
        .rev()
        .map(|o| ((o.strategy, normalise_name(&o.text)), o.id))
        .collect();
    let mut next = ObjectiveId::next_in(&ours.objectives);
    for objective in theirs.objectives.values() {
        let Some(&strategy) = plan.strategies.get(&objective.strategy) else {
            continue;
        };
        let key = (strategy, normalise_name(&objective.text));
        let id = match texts.get(&key) {
            Some(&id) => id,
            None => {
                let mut new = objective.clone();
                (new.id, new.strategy) = (next, strategy);
                next = ObjectiveId(next.0 + 1);
                texts.insert(key, new.id);
                let id = new.id;
                plan.add(new, "objective");
                id
            }
        };
        plan.objectives.insert(objective.id, id);
    }
    let mut have: HashSet<_> = ours
        .measures
        .values()
        .map(|m| (m.objective, normalise_name(&m.name)))
        .collect();
    let mut next = MeasureId::next_in(&ours.measures);
    for measure in theirs.measures.values() {
        let Some(&objective) = plan.objectives.get(&measure.objective) else {
            continue;
        };
        if have.insert((objective, normalise_name(&measure.name))) {
            let mut new = measure.clone();
            (new.id, new.objective) = (next, objective);
            next = MeasureId(next.0 + 1);
            plan.add(new, "measure");
        }
    }
    let mut have: HashSet<_> = ours.objective_deliveries.keys().copied().collect();
    for delivery in theirs.objective_deliveries.values() {
        let (Some(&partnership), Some(&objective)) = (
            plan.partnerships.get(&delivery.partnership),
            plan.objectives.get(&delivery.objective),
        ) else {
            continue;
        };
        if have.insert((partnership, objective)) {
            plan.add(
                ObjectiveDelivery {
                    partnership,
                    objective,
                },
                "objective delivery",
            );
        }
    }

    // Actions: the same partnership and title.
    let mut have: HashSet<_> = ours
        .actions
        .values()
        .map(|a| {
            (
                a.partnership.map(|p| part(plan, p)),
                normalise_name(&a.title),
            )
        })
        .collect();
    let mut next = ActionId::next_in(&ours.actions);
    for action in theirs.actions.values() {
        let partnership = match action.partnership {
            Some(p) => match plan.partnerships.get(&p) {
                Some(&mapped) => Some(mapped),
                None => continue,
            },
            None => None,
        };
        if have.insert((partnership, normalise_name(&action.title))) {
            let mut new = action.clone();
            (new.id, new.partnership) = (next, partnership);
            new.owner = action.owner.and_then(|o| plan.people.get(&o).copied());
            next = ActionId(next.0 + 1);
            plan.add(new, "action");
        }
    }

    // Assessments: the same partnership and date, scored by a scheme this register holds the
    // same; one scored by a scheme we do not hold as theirs is not brought (it could not be
    // recomputed by its own rules here).
    let mut have: HashSet<_> = ours
        .assessments
        .values()
        .map(|a| (part(plan, a.partnership), a.date))
        .collect();
    let mut next = AssessmentId::next_in(&ours.assessments);
    let mut unscoreable = 0;
    for assessment in theirs.assessments.values() {
        let Some(&partnership) = plan.partnerships.get(&assessment.partnership) else {
            continue;
        };
        if !have.insert((partnership, assessment.date)) {
            continue;
        }
        let version = assessment.scheme_version;
        if version > 0 && ours.scoring_schemes.get(&version) != theirs.scoring_schemes.get(&version)
        {
            unscoreable += 1;
            continue;
        }
        let mut new = assessment.clone();
        (new.id, new.partnership) = (next, partnership);
        next = AssessmentId(next.0 + 1);
        plan.add(new, "assessment");
    }
    if unscoreable > 0 {
        plan.left.push(format!(
            "{} scored by a scoring scheme this register holds differently",
            crate::model::words::counted(unscoreable, "assessment")
        ));
    }
    if !theirs.views.is_empty() || !theirs.snapshots.is_empty() {
        plan.left.push(
            "their views, diagram places, snapshots and settings (this register keeps its own)"
                .to_string(),
        );
    }
}

//! Each measure on small hand-made registers whose answers are known.

use chrono::NaiveDate;
use proptest::prelude::{ProptestConfig, any, prop, prop_assert, prop_assert_eq, proptest};
use proptest::strategy::Strategy as _;

use super::*;
use crate::model::*;

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

const TODAY: (i32, u32, u32) = (2026, 3, 31);

pub(super) fn today() -> NaiveDate {
    date(TODAY.0, TODAY.1, TODAY.2)
}

/// A register built by hand, every record through `Register::apply`.
pub(super) struct Hand {
    pub(super) register: Register,
}

impl Hand {
    pub(super) fn new() -> Self {
        let mut register = Register::new("Test District Council");
        let council = Organisation {
            id: OrganisationId(1000),
            name: "Test District Council".to_string(),
            ..Organisation::default()
        };
        register.apply(&Edit::insert(council)).expect("council");
        let before = register.settings.clone();
        let mut after = before.clone();
        after.council_organisation = Some(OrganisationId(1000));
        register
            .apply(&Edit::change(before, after))
            .expect("settings");
        Self { register }
    }

    pub(super) fn add(&mut self, record: impl Into<Record>) {
        let record = record.into();
        self.register
            .apply(&Edit::Insert(record.clone()))
            .unwrap_or_else(|e| panic!("{e}: {record:?}"));
    }

    pub(super) fn partnership(&mut self, id: i64, name: &str, purpose: &str) -> PartnershipId {
        self.add(Partnership {
            id: PartnershipId(id),
            name: name.to_string(),
            purpose: purpose.to_string(),
            ..Partnership::default()
        });
        PartnershipId(id)
    }

    pub(super) fn change_partnership(
        &mut self,
        id: PartnershipId,
        change: impl FnOnce(&mut Partnership),
    ) {
        let before = self.register.partnerships[&id].clone();
        let mut after = before.clone();
        change(&mut after);
        self.register
            .apply(&Edit::change(before, after))
            .expect("change");
    }

    pub(super) fn organisation(&mut self, id: i64) -> OrganisationId {
        if !self
            .register
            .organisations
            .contains_key(&OrganisationId(id))
        {
            self.add(Organisation {
                id: OrganisationId(id),
                name: format!("Organisation {id}"),
                ..Organisation::default()
            });
        }
        OrganisationId(id)
    }

    pub(super) fn members(&mut self, partnership: PartnershipId, organisations: &[i64]) {
        for &org in organisations {
            let organisation = self.organisation(org);
            let id = MembershipId::next_in(&self.register.memberships);
            self.add(Membership {
                id,
                partnership,
                organisation,
                ..Membership::default()
            });
        }
    }

    pub(super) fn person(&mut self, id: i64, name: &str, kind: PersonKind, post: &str) -> PersonId {
        self.add(Person {
            id: PersonId(id),
            name: name.to_string(),
            kind,
            job_title: post.to_string(),
            ..Person::default()
        });
        PersonId(id)
    }

    pub(super) fn represent(
        &mut self,
        person: PersonId,
        partnership: PartnershipId,
        hours: u32,
        meetings: u32,
    ) -> RepresentationId {
        let id = RepresentationId::next_in(&self.register.representations);
        self.add(Representation {
            id,
            person,
            partnership,
            hours_per_month: Hours::whole(hours),
            meetings_per_year: meetings,
            term_start: Some(date(2023, 5, 4)),
            ..Representation::default()
        });
        id
    }

    pub(super) fn route(
        &mut self,
        representation: RepresentationId,
        frequency: ReportFrequency,
        last: Option<NaiveDate>,
    ) -> ReportBackRouteId {
        let id = ReportBackRouteId::next_in(&self.register.report_back_routes);
        self.add(ReportBackRoute {
            id,
            representation,
            audience: ReportAudience::PortfolioHolder,
            recipient: "Portfolio Holder for Communities".to_string(),
            frequency,
            last_reported: last,
            notes: String::new(),
        });
        id
    }

    pub(super) fn theme(&mut self, id: i64, name: &str) -> ThemeId {
        self.add(Theme {
            id: ThemeId(id),
            name: name.to_string(),
            ..Theme::default()
        });
        ThemeId(id)
    }

    pub(super) fn tag(&mut self, partnership: PartnershipId, theme: ThemeId) {
        self.add(ThemeTag { partnership, theme });
    }
}

// ---- Overlaps ----

#[test]
fn two_partnerships_with_the_same_five_members_rank_first() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Vale Safer Streets Group", "Town centre safety at night");
    let b = hand.partnership(
        2,
        "Night-time Economy Forum",
        "Licensing and the evening economy",
    );
    let c = hand.partnership(3, "Rural Crime Group", "Farm and wildlife crime");
    let d = hand.partnership(4, "Housing Options Panel", "Homelessness prevention");
    hand.members(a, &[1, 2, 3, 4, 5, 1000]);
    hand.members(b, &[1, 2, 3, 4, 5]);
    hand.members(c, &[1, 2, 6, 7, 8]);
    hand.members(d, &[3, 4, 9, 10, 11]);
    let pairs = overlaps(
        &hand.register,
        &OverlapSettings {
            min_score: 0,
            ..OverlapSettings::default()
        },
    );
    let top = &pairs[0];
    assert_eq!((top.first, top.second), (a, b));
    assert_eq!(
        top.shared_members.len(),
        5,
        "the council itself is not counted"
    );
    assert_eq!(top.member_union, 5);
    assert_eq!(top.member_jaccard, 100);
    assert!(pairs[1..].iter().all(|p| p.score < top.score));
    assert!(
        top.summary(&hand.register)
            .starts_with("5 of 5 member organisations shared (100%)")
    );
    assert!(
        pairs
            .iter()
            .all(|p| (p.first, p.second) != (b, d) || p.shared_members.len() == 2),
        "pairs sharing two members are there with their evidence"
    );
}

#[test]
fn similar_purposes_are_explained_by_their_shared_words() {
    let mut hand = Hand::new();
    let a = hand.partnership(
        1,
        "Ageing Well Network",
        "Dementia-friendly towns, loneliness and isolation among older residents",
    );
    let b = hand.partnership(
        2,
        "Older People's Forum",
        "Tackles loneliness among older residents and makes towns dementia-friendly",
    );
    hand.partnership(3, "Parking Board", "On-street parking enforcement");
    let pairs = overlaps(&hand.register, &OverlapSettings::default());
    assert_eq!(pairs.len(), 1, "{pairs:?}");
    let pair = &pairs[0];
    assert_eq!((pair.first, pair.second), (a, b));
    assert!(pair.purpose_similarity >= 50, "{}", pair.purpose_similarity);
    let words: Vec<&str> = pair.shared_words.iter().map(|w| w.word.as_str()).collect();
    for word in ["dementia", "loneliness", "older", "residents", "towns"] {
        assert!(words.contains(&word), "{words:?}");
    }
    let shares: u32 = pair.shared_words.iter().map(|w| w.share).sum();
    assert!(
        (90..=105).contains(&shares),
        "the named parts make most of it: {shares}"
    );
}

#[test]
fn shared_representatives_objectives_themes_and_level_are_evidence() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Alpha", "");
    let b = hand.partnership(2, "Beta", "");
    let person = hand.person(1, "Ann Officer", PersonKind::Officer, "Head of Policy");
    hand.represent(person, a, 2, 4);
    hand.represent(person, b, 2, 4);
    hand.add(Strategy {
        id: StrategyId(1),
        title: "Community Strategy".to_string(),
        ..Strategy::default()
    });
    hand.add(Objective {
        id: ObjectiveId(1),
        strategy: StrategyId(1),
        text: "Fewer people homeless".to_string(),
        ..Objective::default()
    });
    hand.add(ObjectiveDelivery {
        partnership: a,
        objective: ObjectiveId(1),
    });
    hand.add(ObjectiveDelivery {
        partnership: b,
        objective: ObjectiveId(1),
    });
    let theme = hand.theme(1, "Housing");
    hand.tag(a, theme);
    hand.tag(b, theme);
    let pair = pair_evidence(&hand.register, b, a, false).expect("both compared");
    assert_eq!(pair.shared_representatives, vec![person]);
    assert_eq!(pair.shared_objectives, vec![ObjectiveId(1)]);
    assert_eq!(pair.shared_themes, vec![theme]);
    assert_eq!(pair.same_level, Some(StructuralLevel::Standalone));
    // 15 (objectives) + 10 (people) + 10 (theme and level); no members, no purpose words.
    assert_eq!(pair.score, 35);
    let ranked = overlaps(&hand.register, &OverlapSettings::default());
    assert_eq!(ranked, vec![pair]);
}

#[test]
fn bodies_not_at_work_are_compared_only_when_asked() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Alpha", "");
    let b = hand.partnership(2, "Beta", "");
    hand.members(a, &[1, 2, 3]);
    hand.members(b, &[1, 2, 3]);
    hand.change_partnership(b, |p| p.status = PartnershipStatus::Removed);
    assert!(overlaps(&hand.register, &OverlapSettings::default()).is_empty());
    let all = overlaps(
        &hand.register,
        &OverlapSettings {
            include_inactive: true,
            ..OverlapSettings::default()
        },
    );
    assert_eq!(all.len(), 1);
    assert!(pair_evidence(&hand.register, a, b, false).is_none());
}

#[test]
fn the_threshold_and_the_limit_cut_the_list() {
    let mut hand = Hand::new();
    for id in 1..=6 {
        let p = hand.partnership(id, &format!("Body {id}"), "");
        hand.members(p, &[1, 2, id + 10]);
    }
    let all = overlaps(
        &hand.register,
        &OverlapSettings {
            min_score: 0,
            ..OverlapSettings::default()
        },
    );
    assert_eq!(all.len(), 15, "every pair shares two members");
    let few = overlaps(
        &hand.register,
        &OverlapSettings {
            min_score: 0,
            limit: 4,
            ..OverlapSettings::default()
        },
    );
    assert_eq!(few, all[..4]);
    let none = overlaps(
        &hand.register,
        &OverlapSettings {
            min_score: 90,
            ..OverlapSettings::default()
        },
    );
    assert!(none.is_empty());
}

const WORDS: &[&str] = &[
    "homes", "crime", "dementia", "carers", "youth", "parks", "jobs", "skills", "flooding", "waste",
];

fn arbitrary_register() -> impl proptest::strategy::Strategy<Value = Register> {
    let partnership = (
        prop::collection::btree_set(1i64..12, 0..6),
        prop::collection::vec(0usize..WORDS.len(), 0..6),
        prop::collection::btree_set(1i64..5, 0..3),
        any::<bool>(),
    );
    prop::collection::vec(partnership, 2..12).prop_map(|bodies| {
        let mut hand = Hand::new();
        for person in 1..5 {
            hand.person(person, &format!("Person {person}"), PersonKind::Officer, "");
        }
        for (at, (members, words, people, sub_group)) in bodies.into_iter().enumerate() {
            let id = i64::try_from(at).expect("small") + 1;
            let purpose: Vec<&str> = words.iter().map(|w| WORDS[*w]).collect();
            let p = hand.partnership(id, &format!("Body {id}"), &purpose.join(" "));
            if sub_group {
                hand.change_partnership(p, |p| p.structural_level = StructuralLevel::SubGroup);
            }
            let members: Vec<i64> = members.into_iter().collect();
            hand.members(p, &members);
            for person in people {
                hand.represent(PersonId(person), p, 1, 4);
            }
        }
        hand.register
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A pair's evidence is the same whichever partnership comes first, the ranking holds
    /// each pair once with its own evidence, best first, and the same register always ranks
    /// the same way.
    #[test]
    fn the_overlap_ranking_is_symmetric_and_stable(register in arbitrary_register()) {
        let settings = OverlapSettings { min_score: 0, ..OverlapSettings::default() };
        let ranked = overlaps(&register, &settings);
        prop_assert_eq!(&ranked, &overlaps(&register.clone(), &settings));
        let mut seen = std::collections::BTreeSet::new();
        for pair in &ranked {
            prop_assert!(pair.first < pair.second);
            prop_assert!(seen.insert((pair.first, pair.second)));
            let forward = pair_evidence(&register, pair.first, pair.second, false);
            let backward = pair_evidence(&register, pair.second, pair.first, false);
            prop_assert_eq!(forward.as_ref(), Some(pair));
            prop_assert_eq!(backward.as_ref(), Some(pair));
        }
        for window in ranked.windows(2) {
            prop_assert!(window[0].score >= window[1].score);
        }
        // Every pair sharing a member or a representative is found (no index list here is
        // long enough to be left out).
        let ids: Vec<PartnershipId> = register.partnerships.keys().copied().collect();
        for (n, &a) in ids.iter().enumerate() {
            for &b in &ids[n + 1..] {
                let pair = pair_evidence(&register, a, b, false).expect("compared");
                if !pair.shared_members.is_empty() || !pair.shared_representatives.is_empty() {
                    prop_assert!(seen.contains(&(a, b)), "{:?} missing", (a, b));
                }
            }
        }
    }
}

// ---- Conformity ----

#[test]
fn objectives_nobody_delivers_and_objectives_several_deliver() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Alpha", "");
    let b = hand.partnership(2, "Beta", "");
    let removed = hand.partnership(3, "Old Forum", "");
    let lonely = hand.partnership(4, "Gamma", "");
    hand.change_partnership(removed, |p| p.status = PartnershipStatus::Removed);
    hand.add(Strategy {
        id: StrategyId(1),
        title: "Plan".to_string(),
        ..Strategy::default()
    });
    for (id, text) in [(1, "Shared aim"), (2, "Orphan aim"), (3, "Old aim")] {
        hand.add(Objective {
            id: ObjectiveId(id),
            strategy: StrategyId(1),
            text: text.to_string(),
            ..Objective::default()
        });
    }
    hand.add(Measure {
        id: MeasureId(1),
        objective: ObjectiveId(2),
        name: "Orphan measure".to_string(),
        ..Measure::default()
    });
    for (p, o) in [(a, 1), (b, 1), (removed, 3)] {
        hand.add(ObjectiveDelivery {
            partnership: p,
            objective: ObjectiveId(o),
        });
    }
    hand.add(Priority {
        id: PriorityId(1),
        name: "Priority".to_string(),
        ..Priority::default()
    });
    hand.add(PriorityTag {
        partnership: a,
        priority: PriorityId(1),
    });
    let answer = conformity(&hand.register, &ConformitySettings::default());
    let undelivered: Vec<ObjectiveId> = answer.undelivered.iter().map(|u| u.objective).collect();
    assert_eq!(undelivered, [ObjectiveId(2), ObjectiveId(3)]);
    assert_eq!(answer.undelivered[0].measures, [MeasureId(1)]);
    assert_eq!(answer.undelivered[1].only_by_inactive, [removed]);
    assert_eq!(answer.undelivered_measures(), 1);
    assert_eq!(answer.shared.len(), 1);
    assert_eq!(answer.shared[0].partnerships, [a, b]);
    let unlinked: Vec<(PartnershipId, bool, bool)> = answer
        .unlinked
        .iter()
        .map(|u| (u.partnership, u.no_objective, u.no_priority))
        .collect();
    assert_eq!(unlinked, [(b, false, true), (lonely, true, true)]);
    let three = conformity(&hand.register, &ConformitySettings { shared_from: 3 });
    assert!(three.shared.is_empty());
}

// ---- Gaps ----

fn gap_kinds(register: &Register) -> Vec<GapKind> {
    gaps(register, &GapSettings::on(today()))
        .into_iter()
        .map(|g| g.kind)
        .collect()
}

#[test]
fn a_theme_with_only_removed_partnerships_is_a_gap() {
    let mut hand = Hand::new();
    let older = hand.theme(1, "Older people");
    let safety = hand.theme(2, "Community safety");
    let forum = hand.partnership(1, "Older People's Network", "");
    hand.change_partnership(forum, |p| {
        p.status = PartnershipStatus::Removed;
        p.status_reason = "Network, not a partnership.".to_string();
        p.no_seat_reason = "Removed".to_string();
    });
    let csp = hand.partnership(2, "Community Safety Partnership", "");
    hand.change_partnership(csp, |p| p.no_seat_reason = "Led by the county".to_string());
    hand.tag(forum, older);
    hand.tag(csp, safety);
    let found = gaps(&hand.register, &GapSettings::on(today()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].kind, GapKind::UncoveredTheme(older));
    assert_eq!(
        found[0].records,
        [RecordKey::Theme(older), RecordKey::Partnership(forum)]
    );
    assert_eq!(
        found[0].describe(&hand.register),
        "Only bodies not at work: Older People's Network (removed from register: Network, not a partnership)"
    );
    assert_eq!(found[0].subject(&hand.register), "Older people");
}

#[test]
fn no_representative_is_a_gap_unless_the_reason_is_recorded() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Alpha", "");
    let b = hand.partnership(2, "County Board", "");
    hand.change_partnership(b, |p| {
        p.council_role = CouncilRole::NoDirectSeat;
        p.no_seat_reason = "Another district leads".to_string();
        p.lead_district = "Sallow Heath District Council".to_string();
        p.kept_informed = "Briefing after each meeting".to_string();
    });
    assert_eq!(gap_kinds(&hand.register), [GapKind::NoRepresentative(a)]);
    let person = hand.person(1, "Ann", PersonKind::Officer, "");
    let representation = hand.represent(person, a, 2, 4);
    hand.route(
        representation,
        ReportFrequency::Quarterly,
        Some(date(2026, 2, 1)),
    );
    assert_eq!(gap_kinds(&hand.register), []);
}

#[test]
fn significant_bodies_missing_governance_evidence_are_gaps() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Alpha", "");
    hand.change_partnership(a, |p| {
        p.significance = Significance::Significant;
        p.no_seat_reason = "x".to_string();
        p.governing_document = GoverningDocument::TermsOfReference;
    });
    let b = hand.partnership(2, "Beta", "");
    hand.change_partnership(b, |p| p.no_seat_reason = "x".to_string());
    let found = gaps(&hand.register, &GapSettings::on(today()));
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].kind,
        GapKind::MissingGovernance {
            partnership: a,
            governing_document: false,
            exit_strategy: true,
            risk_register: true,
        }
    );
    assert_eq!(
        found[0].describe(&hand.register),
        "Significant, with no exit strategy and risk register"
    );
}

#[test]
fn overdue_reviews_actions_ended_terms_and_quiet_bodies_are_gaps() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Alpha", "");
    hand.change_partnership(a, |p| {
        p.review_date = Some(date(2025, 12, 1));
        p.last_met = Some(date(2024, 9, 1));
    });
    let person = hand.person(1, "Ann", PersonKind::Officer, "");
    let other = hand.person(2, "Bob", PersonKind::Councillor, "");
    let ended = RepresentationId(1);
    hand.add(Representation {
        id: ended,
        person: other,
        partnership: a,
        term_start: Some(date(2019, 5, 1)),
        term_end: Some(date(2025, 5, 1)),
        ..Representation::default()
    });
    let current = hand.represent(person, a, 4, 4);
    hand.route(current, ReportFrequency::Quarterly, Some(date(2025, 6, 30)));
    hand.add(Action {
        id: ActionId(1),
        partnership: Some(a),
        title: "Refresh the terms of reference".to_string(),
        owner: Some(person),
        due: Some(date(2026, 1, 31)),
        ..Action::default()
    });
    hand.add(Action {
        id: ActionId(2),
        partnership: Some(a),
        title: "Done already".to_string(),
        due: Some(date(2026, 1, 31)),
        status: ActionStatus::Done,
        ..Action::default()
    });
    let kinds = gap_kinds(&hand.register);
    assert_eq!(
        kinds,
        [
            GapKind::ReviewOverdue {
                partnership: a,
                due: date(2025, 12, 1)
            },
            GapKind::ActionOverdue {
                action: ActionId(1),
                due: date(2026, 1, 31)
            },
            GapKind::TermEnded {
                representation: ended,
                ended: date(2025, 5, 1)
            },
            GapKind::NotMet {
                partnership: a,
                last_met: date(2024, 9, 1)
            },
            GapKind::NotReportedBack {
                partnership: a,
                last: Some(date(2025, 6, 30))
            },
        ]
    );
    // With longer set times, the body is neither quiet nor late.
    let relaxed = gaps(
        &hand.register,
        &GapSettings {
            quiet_months: 24,
            report_months: 12,
            ..GapSettings::on(today())
        },
    );
    assert_eq!(relaxed.len(), 3);
}

// ---- Knowledge ----

#[test]
fn a_representation_with_no_route_is_listed_and_one_where_another_district_leads_is_not() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Alpha", "");
    let led = hand.partnership(2, "County Children's Board", "");
    hand.change_partnership(led, |p| {
        p.council_role = CouncilRole::NoDirectSeat;
        p.no_seat_reason = "Another district leads for the districts".to_string();
        p.lead_district = "Sallow Heath District Council".to_string();
        p.kept_informed =
            "Sallow Heath's chief executive briefs ours after each meeting".to_string();
    });
    let person = hand.person(1, "Ann", PersonKind::Officer, "");
    let representation = hand.represent(person, a, 2, 4);
    let report = knowledge(&hand.register, &KnowledgeSettings::on(today()));
    assert_eq!(
        report.findings,
        [KnowledgeFinding {
            partnership: a,
            representation: Some(representation),
            person: Some(person),
            routes: Vec::new(),
            problem: KnowledgeProblem::NoRoute,
        }]
    );
    assert_eq!(
        report.findings[0].describe(&hand.register),
        "Ann sits on it but reports back to nobody on record"
    );
    hand.route(
        representation,
        ReportFrequency::Quarterly,
        Some(date(2026, 2, 1)),
    );
    let report = knowledge(&hand.register, &KnowledgeSettings::on(today()));
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!((report.representations, report.flowing), (1, 1));
}

#[test]
fn a_no_seat_body_without_how_the_council_is_kept_informed_is_listed() {
    let mut hand = Hand::new();
    let led = hand.partnership(1, "County Board", "");
    hand.change_partnership(led, |p| {
        p.no_seat_reason = "Another district leads".to_string()
    });
    let nothing = hand.partnership(2, "Unknown Board", "");
    let report = knowledge(&hand.register, &KnowledgeSettings::on(today()));
    let problems: Vec<(PartnershipId, KnowledgeProblem)> = report
        .findings
        .iter()
        .map(|f| (f.partnership, f.problem))
        .collect();
    assert_eq!(
        problems,
        [
            (led, KnowledgeProblem::NoSeatNotInformed),
            (nothing, KnowledgeProblem::NoSeatNoReason)
        ]
    );
}

#[test]
fn overdue_routes_are_listed_and_one_current_route_is_enough() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Alpha", "");
    let person = hand.person(1, "Ann", PersonKind::Officer, "");
    let representation = hand.represent(person, a, 2, 12);
    let late = hand.route(
        representation,
        ReportFrequency::AfterEachMeeting,
        Some(date(2026, 1, 15)),
    );
    let settings = KnowledgeSettings::on(today());
    let route = &hand.register.report_back_routes[&late];
    let state = route_state(
        route,
        hand.register.representations.get(&representation),
        &settings,
    );
    assert_eq!(
        state.due,
        Some(date(2026, 2, 15)),
        "monthly for 12 meetings a year"
    );
    assert!(state.overdue, "more than 14 days past due");
    let report = knowledge(&hand.register, &settings);
    assert_eq!(
        report.findings[0].problem,
        KnowledgeProblem::Overdue {
            due: Some(date(2026, 2, 15)),
            last: Some(date(2026, 1, 15))
        }
    );
    assert_eq!(report.overdue_routes, 1);
    hand.route(representation, ReportFrequency::Annually, None);
    // Never reported, but its first annual report is due a year after the term began (2024).
    let report = knowledge(&hand.register, &settings);
    assert_eq!(report.findings.len(), 1);
    hand.route(
        representation,
        ReportFrequency::SixMonthly,
        Some(date(2026, 1, 1)),
    );
    let report = knowledge(&hand.register, &settings);
    assert!(report.findings.is_empty());
}

// ---- Load ----

#[test]
fn people_above_the_threshold_stand_out_with_their_duties() {
    let mut hand = Hand::new();
    let ann = hand.person(1, "Ann", PersonKind::Officer, "Head of Policy");
    let bob = hand.person(
        2,
        "Cllr Bob",
        PersonKind::Councillor,
        "Portfolio Holder for Housing",
    );
    let mut bodies = Vec::new();
    for id in 1..=4 {
        let p = hand.partnership(id, &format!("Body {id}"), "");
        hand.change_partnership(p, |p| p.service_area = "Policy".to_string());
        bodies.push(p);
    }
    hand.change_partnership(bodies[3], |p| p.service_area = "Housing".to_string());
    for &p in &bodies {
        let r = hand.represent(ann, p, 10, 6);
        hand.route(r, ReportFrequency::Quarterly, Some(date(2026, 3, 1)));
    }
    hand.represent(bob, bodies[3], 2, 4);
    let closed = hand.partnership(9, "Closed body", "");
    hand.change_partnership(closed, |p| p.status = PartnershipStatus::Closed);
    hand.represent(bob, closed, 50, 12);
    let report = load(&hand.register, &LoadSettings::on(today()));
    assert_eq!(report.people.len(), 2);
    let first = &report.people[0];
    assert_eq!(first.person, ann);
    assert_eq!(first.hours, Hours::whole(40));
    assert_eq!(first.bodies.len(), 4);
    assert_eq!(first.meetings, 24);
    assert_eq!((first.report_duties, first.reports_a_year), (4, 16));
    assert!(first.over_hours && !first.over_bodies);
    assert!(
        !report.people[1].is_over(),
        "the closed body's hours do not count"
    );
    let services: Vec<(&str, Hours)> = report
        .services
        .iter()
        .map(|g| (g.name.as_str(), g.hours))
        .collect();
    assert_eq!(
        services,
        [("Policy", Hours::whole(30)), ("Housing", Hours::whole(12))]
    );
    assert_eq!(report.portfolios.len(), 1);
    assert_eq!(report.portfolios[0].name, "Portfolio Holder for Housing");
    assert_eq!(report.portfolios[0].hours, Hours::whole(2));
    let strict = load(
        &hand.register,
        &LoadSettings {
            bodies_threshold: 3,
            hours_threshold: Hours::whole(100),
            ..LoadSettings::on(today())
        },
    );
    assert!(strict.people[0].over_bodies && !strict.people[0].over_hours);
    assert_eq!(strict.over().count(), 1);
}

// ---- The sample ----

/// The sample's "today": a little over four months after its newest assessment (31 March 2026
/// for assessments of November 2025), so the answers hold however the sample is dated.
fn sample_today(register: &Register) -> NaiveDate {
    let newest = register
        .assessments
        .values()
        .filter_map(|a| a.date)
        .max()
        .expect("the sample has assessments");
    newest + chrono::Days::new(133)
}

#[test]
fn the_sample_answers_each_question_with_evidence() {
    let register = crate::sample::sample_register();
    let settings = AnalysisSettings::on(sample_today(&register));
    let name = |id: PartnershipId| register.partnership_name(id).to_string();
    let pairs = overlaps(&register, &settings.overlaps);
    let top = &pairs[0];
    assert_eq!(
        (name(top.first), name(top.second)),
        (
            "Ashmere Town Centre Night-time Economy Task and Finish Group".to_string(),
            "Ashmere Town Centre Partnership".to_string()
        )
    );
    assert!(top.shared_members.len() >= 5 && !top.shared_representatives.is_empty());
    let answer = conformity(&register, &settings.conformity);
    assert!(answer.undelivered.iter().any(|u| {
        register.objectives[&u.objective].reference == "SCS7" && !u.measures.is_empty()
    }));
    let found = gaps(&register, &settings.gaps);
    let older = register
        .themes
        .values()
        .find(|t| t.name == "Older people")
        .expect("theme");
    assert!(
        found
            .iter()
            .any(|g| g.kind == GapKind::UncoveredTheme(older.id))
    );
    assert!(
        found
            .iter()
            .any(|g| matches!(g.kind, GapKind::NotMet { .. }))
    );
    let report = load(&register, &settings.load);
    let busiest = &register.people[&report.people[0].person];
    assert_eq!(busiest.name, "Gareth Pryce");
    assert!(report.people[0].is_over());
    let knowledge_report = knowledge(&register, &settings.knowledge);
    let problems: Vec<KnowledgeProblem> = knowledge_report
        .findings
        .iter()
        .map(|f| f.problem)
        .collect();
    assert!(problems.contains(&KnowledgeProblem::NoRoute));
    assert!(
        problems
            .iter()
            .any(|p| matches!(p, KnowledgeProblem::Overdue { .. }))
    );
    assert!(problems.contains(&KnowledgeProblem::NoSeatNotInformed));
    assert!(knowledge_report.flowing > knowledge_report.representations / 2);
    // Where another district leads and the council is kept informed, nothing is listed.
    let led = register
        .partnerships
        .values()
        .find(|p| p.name == "Mardleshire Children and Young People's Partnership")
        .expect("county board");
    assert!(
        knowledge_report
            .findings
            .iter()
            .all(|f| f.partnership != led.id)
    );
    assert!(
        !found
            .iter()
            .any(|g| g.kind == GapKind::NoRepresentative(led.id))
    );
}

//! The answers on a messy register: one body, person, theme or service under several names.

use super::tests::{Hand, date, today};
use super::*;
use crate::model::*;

fn named_organisation(hand: &mut Hand, id: i64, name: &str, org_id: &str) -> i64 {
    hand.add(Organisation {
        id: OrganisationId(id),
        name: name.to_string(),
        org_id: org_id.to_string(),
        ..Organisation::default()
    });
    id
}

#[test]
fn a_member_under_two_names_is_shared() {
    let mut hand = Hand::new();
    let a = hand.partnership(1, "Safer Streets Group", "Town centre safety");
    let b = hand.partnership(2, "Evening Economy Forum", "Licensing");
    let police = named_organisation(&mut hand, 20, "Leicestershire Police", "");
    let constabulary = named_organisation(&mut hand, 21, "Leicestershire Constabulary", "");
    let charity = named_organisation(&mut hand, 22, "Vale Night Pastors", "GB-CHC-1140123");
    let same_charity = named_organisation(&mut hand, 23, "Night Pastors (Vale)", "gb-chc 1140123");
    hand.members(a, &[1, 2, 3, police, charity]);
    hand.members(b, &[1, 2, 3, constabulary, same_charity]);
    let pairs = overlaps(
        &hand.register,
        &OverlapSettings {
            min_score: 0,
            ..OverlapSettings::default()
        },
    );
    let pair = &pairs[0];
    assert_eq!((pair.first, pair.second), (a, b));
    assert_eq!(pair.shared_members.len(), 5, "{:?}", pair.shared_members);
    assert_eq!((pair.member_union, pair.member_jaccard), (5, 100));
    assert!(pair.shared_members.contains(&OrganisationId(police)));
    assert!(pair.shared_members.contains(&OrganisationId(charity)));
}

#[test]
fn the_council_under_another_name_is_still_left_out() {
    let mut hand = Hand::new();
    named_organisation(&mut hand, 30, "The Test District Council", "");
    let a = hand.partnership(1, "Alpha Board", "");
    let b = hand.partnership(2, "Beta Board", "");
    hand.members(a, &[30, 1]);
    hand.members(b, &[30, 2]);
    let pairs = overlaps(
        &hand.register,
        &OverlapSettings {
            min_score: 0,
            ..OverlapSettings::default()
        },
    );
    assert!(
        pairs.iter().all(|p| p.shared_members.is_empty()),
        "{pairs:?}"
    );
}

#[test]
fn a_person_recorded_twice_carries_one_load() {
    let mut hand = Hand::new();
    let councillor = hand.person(1, "Cllr Jane Pain", PersonKind::Councillor, "Leader");
    let plain = hand.person(2, "jane pain", PersonKind::Councillor, "Leader");
    let other = hand.person(3, "Ann Hawkins", PersonKind::Officer, "Head of Policy");
    for id in 1..=8 {
        let body = hand.partnership(id, &format!("Body {id}"), "");
        let service = if id % 2 == 0 { "Housing" } else { " housing." };
        hand.change_partnership(body, |p| p.service_area = service.to_string());
        let who = if id <= 4 { councillor } else { plain };
        hand.represent(who, body, 5, 4);
        if id == 1 {
            hand.represent(other, body, 2, 4);
        }
    }
    let report = load(&hand.register, &LoadSettings::on(today()));
    assert_eq!(report.people.len(), 2, "{:?}", report.people);
    let jane = &report.people[0];
    assert_eq!(jane.person, councillor);
    assert_eq!(jane.also_recorded_as, [plain]);
    assert_eq!(jane.bodies.len(), 8);
    assert_eq!(jane.hours, Hours::whole(40));
    assert!(
        jane.over_hours && jane.over_bodies,
        "split, neither record stood out"
    );
    assert!(jane.records().contains(&RecordKey::Person(plain)));
    assert_eq!(report.services.len(), 1, "{:?}", report.services);
    assert_eq!(report.services[0].hours, Hours::whole(42));
    assert_eq!(report.portfolios.len(), 1);
    assert_eq!(report.portfolios[0].people, [councillor]);
}

#[test]
fn a_theme_under_two_spellings_is_one_theme() {
    let mut hand = Hand::new();
    let served = hand.theme(1, "Older people");
    let unserved = hand.theme(2, "OLDER PEOPLE");
    let network = hand.partnership(1, "Ageing Well Network", "");
    hand.change_partnership(network, |p| p.no_seat_reason = "County leads".to_string());
    hand.tag(network, served);
    let kinds: Vec<GapKind> = gaps(&hand.register, &GapSettings::on(today()))
        .into_iter()
        .map(|g| g.kind)
        .collect();
    assert!(
        !kinds.contains(&GapKind::UncoveredTheme(unserved)),
        "{kinds:?}"
    );

    hand.change_partnership(network, |p| p.status = PartnershipStatus::Removed);
    let found: Vec<Gap> = gaps(&hand.register, &GapSettings::on(today()))
        .into_iter()
        .filter(|g| matches!(g.kind, GapKind::UncoveredTheme(_)))
        .collect();
    assert_eq!(found.len(), 1, "one gap for the two spellings: {found:?}");
    assert_eq!(found[0].kind, GapKind::UncoveredTheme(served));
    assert_eq!(
        found[0].records,
        [
            RecordKey::Theme(served),
            RecordKey::Theme(unserved),
            RecordKey::Partnership(network)
        ]
    );
}

#[test]
fn a_term_renewed_under_another_record_of_the_person_has_not_ended() {
    let mut hand = Hand::new();
    let old = hand.person(1, "Jane Pain", PersonKind::Councillor, "");
    let new = hand.person(2, "Cllr Jane Pain", PersonKind::Councillor, "");
    let body = hand.partnership(1, "Health and Wellbeing Board", "");
    let ended = hand.represent(old, body, 2, 4);
    let before = hand.register.representations[&ended].clone();
    let mut after = before.clone();
    after.term_end = Some(date(2025, 5, 1));
    hand.register
        .apply(&Edit::change(before, after))
        .expect("term end");
    hand.represent(new, body, 2, 4);
    let kinds: Vec<GapKind> = gaps(&hand.register, &GapSettings::on(today()))
        .into_iter()
        .map(|g| g.kind)
        .collect();
    assert!(
        !kinds.iter().any(|k| matches!(k, GapKind::TermEnded { .. })),
        "{kinds:?}"
    );
}

#[test]
fn similar_names_are_not_silently_one() {
    let mut hand = Hand::new();
    named_organisation(&mut hand, 20, "Citizens Advice Vale", "");
    named_organisation(&mut hand, 21, "Citizen Advice Vale", "");
    hand.person(1, "Jane Pain", PersonKind::Officer, "");
    hand.person(2, "Jane Paine", PersonKind::Officer, "");
    let identities = identity::Identities::of(&hand.register);
    assert_ne!(
        identities.organisation(OrganisationId(21)),
        OrganisationId(20)
    );
    assert_ne!(identities.person(PersonId(2)), PersonId(1));
}

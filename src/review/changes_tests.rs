//! The comparison on a scripted sequence of edits, with the known answer worked out by hand,
//! and the summary paragraph as an insta golden.

use chrono::NaiveDate;

use super::*;
use crate::model::*;
use crate::review::snapshots::{snapshot_register, take_snapshot};
use crate::review::summary;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn partnership(id: i64, name: &str, kind: PartnershipKind) -> Partnership {
    Partnership {
        id: PartnershipId(id),
        name: name.to_string(),
        kind,
        status: PartnershipStatus::Active,
        ..Partnership::default()
    }
}

fn seat(id: i64, person: i64, partnership: i64, hours: u32) -> Representation {
    Representation {
        id: RepresentationId(id),
        person: PersonId(person),
        partnership: PartnershipId(partnership),
        role_on_body: RoleOnBody::BoardMember,
        hours_per_month: Hours::whole(hours),
        ..Representation::default()
    }
}

fn rated(id: i64, partnership: i64, date: &str, risk: Band, value: Band) -> Assessment {
    Assessment {
        id: AssessmentId(id),
        partnership: PartnershipId(partnership),
        date: Some(day(date)),
        risk_band: Some(risk),
        value_band: Some(value),
        value_for_money: Some(ValueForMoney::Fair),
        recommendation: Some(Recommendation::Maintain),
        ..Assessment::default()
    }
}

fn apply(register: &mut Register, edit: Edit) {
    register.apply(&edit).expect("the scripted edit applies");
}

/// The register at the March cabinet: four bodies (two of them networks), two people, three
/// seats (40 hours a month), £10,000 in 2025/26 and two assessments.
fn march_register() -> Register {
    let mut register = Register::new("Test Council");
    let bodies = [
        partnership(
            1,
            "Community Safety Partnership",
            PartnershipKind::Partnership,
        ),
        partnership(
            2,
            "Health and Wellbeing Board",
            PartnershipKind::Partnership,
        ),
        partnership(3, "Voluntary Sector Forum", PartnershipKind::NetworkForum),
        partnership(4, "Town Centre Network", PartnershipKind::NetworkForum),
    ];
    for body in bodies {
        apply(&mut register, Edit::insert(body));
    }
    for (id, name) in [(1, "Ann Officer"), (2, "Cllr Bob Member")] {
        apply(
            &mut register,
            Edit::insert(Person {
                id: PersonId(id),
                name: name.to_string(),
                ..Person::default()
            }),
        );
    }
    for representation in [seat(1, 1, 1, 20), seat(2, 2, 2, 8), seat(3, 1, 3, 12)] {
        apply(&mut register, Edit::insert(representation));
    }
    apply(
        &mut register,
        Edit::insert(Contribution {
            id: ContributionId(1),
            partnership: PartnershipId(1),
            year: 2025,
            amount: Money::from_pounds(10_000),
            ..Contribution::default()
        }),
    );
    apply(
        &mut register,
        Edit::insert(rated(1, 1, "2026-01-10", Band::Medium, Band::High)),
    );
    apply(
        &mut register,
        Edit::insert(rated(2, 2, "2026-01-10", Band::Low, Band::Medium)),
    );
    register
}

/// The edits made after the cabinet, as an officer would make them.
fn edits_since_march(register: &mut Register) {
    // A new partnership, with a seat of 6 hours.
    apply(
        register,
        Edit::insert(partnership(
            5,
            "Climate Partnership",
            PartnershipKind::Partnership,
        )),
    );
    apply(register, Edit::insert(seat(4, 1, 5, 6)));
    // Both networks removed from the register, with the scrutiny panel's reason.
    for id in [3, 4] {
        let before = register.partnerships[&PartnershipId(id)].clone();
        let after = Partnership {
            status: PartnershipStatus::Removed,
            status_reason: "A network, not a partnership".to_string(),
            ..before.clone()
        };
        apply(register, Edit::change(before, after));
    }
    // The forum's seat ends (12 hours a month).
    let forum_seat = register.representations[&RepresentationId(3)].clone();
    apply(register, Edit::delete(forum_seat));
    // The board goes dormant.
    let before = register.partnerships[&PartnershipId(2)].clone();
    let after = Partnership {
        status: PartnershipStatus::Dormant,
        status_reason: "Not met since the NHS reorganisation".to_string(),
        ..before.clone()
    };
    apply(register, Edit::change(before, after));
    // The safety partnership is re-rated: high risk, and its lead's hours cut from 20 to 10.
    apply(
        register,
        Edit::insert(rated(3, 1, "2026-05-01", Band::High, Band::High)),
    );
    let before = register.representations[&RepresentationId(1)].clone();
    let after = Representation {
        hours_per_month: Hours::whole(10),
        ..before.clone()
    };
    apply(register, Edit::change(before, after));
    // Next year's money (2026/27) for the safety partnership: £7,500.
    apply(
        register,
        Edit::insert(Contribution {
            id: ContributionId(2),
            partnership: PartnershipId(1),
            year: 2026,
            amount: Money::from_pounds(7_500),
            ..Contribution::default()
        }),
    );
}

fn scripted() -> (Register, Register) {
    let mut register = march_register();
    let take = take_snapshot(
        &register,
        "As at Cabinet 22 March 2026",
        Some(day("2026-03-22")),
        "2026-03-22T18:00:00+00:00",
    )
    .expect("taken");
    apply(&mut register, take);
    edits_since_march(&mut register);
    let snapshot = register.snapshots.values().next().expect("the snapshot");
    let then = snapshot_register(snapshot).expect("readable");
    (then, register)
}

fn compared(then: &Register, now: &Register) -> Changes {
    compare(
        State {
            label: "As at Cabinet 22 March 2026",
            as_at: day("2026-03-22"),
            register: then,
        },
        State {
            label: "Now",
            as_at: day("2026-06-30"),
            register: now,
        },
    )
}

#[test]
fn the_scripted_edits_give_the_known_answer() {
    let (then, now) = scripted();
    let changes = compared(&then, &now);

    let added: Vec<&str> = changes.added.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(added, ["Climate Partnership"]);
    let removed: Vec<(&str, &str)> = changes
        .removed
        .iter()
        .map(|b| (b.name.as_str(), b.reason.as_str()))
        .collect();
    assert_eq!(
        removed,
        [
            ("Voluntary Sector Forum", "A network, not a partnership"),
            ("Town Centre Network", "A network, not a partnership"),
        ]
    );
    assert_eq!(changes.statuses.len(), 1);
    assert_eq!(changes.statuses[0].name, "Health and Wellbeing Board");
    assert_eq!(
        (changes.statuses[0].before, changes.statuses[0].after),
        (PartnershipStatus::Active, PartnershipStatus::Dormant)
    );

    assert_eq!(changes.ratings.len(), 1);
    let rating = &changes.ratings[0];
    assert_eq!(rating.id, PartnershipId(1));
    assert_eq!(
        (rating.before.risk, rating.after.risk),
        (Some(Band::Medium), Some(Band::High))
    );
    assert_eq!(rating.before.value, rating.after.value);

    let seats: Vec<(&str, SeatChange)> = changes
        .representation
        .iter()
        .map(|r| (r.partnership_name.as_str(), r.change))
        .collect();
    assert_eq!(
        seats,
        [
            ("Climate Partnership", SeatChange::Added),
            ("Community Safety Partnership", SeatChange::Changed),
            ("Voluntary Sector Forum", SeatChange::Ended),
        ]
    );

    // Hours: 20 + 8 + 12 = 40 before; 10 + 8 + 6 = 24 after. Money: £10,000 in 2025/26
    // before, £7,500 in 2026/27 after.
    assert_eq!(changes.total_before.hours, Hours::whole(40));
    assert_eq!(changes.total_after.hours, Hours::whole(24));
    assert_eq!(changes.total_before.money, Money::from_pounds(10_000));
    assert_eq!(changes.total_after.money, Money::from_pounds(7_500));
    let resourced: Vec<PartnershipId> = changes.resources.iter().map(|r| r.id).collect();
    assert_eq!(
        resourced,
        [PartnershipId(1), PartnershipId(3), PartnershipId(5)]
    );
}

#[test]
fn the_summary_reads_as_a_covering_report_says_it() {
    let (then, now) = scripted();
    let changes = compared(&then, &now);
    insta::assert_snapshot!("changes_summary_since_march", summary(&changes));
}

#[test]
fn a_state_compared_with_itself_has_no_changes() {
    let (then, _) = scripted();
    let state = State {
        label: "As at Cabinet 22 March 2026",
        as_at: day("2026-03-22"),
        register: &then,
    };
    let changes = compare(state, state);
    assert!(changes.is_empty(), "{changes:?}");
    assert_eq!(
        summary(&changes),
        "Since 22 March: no changes to the register."
    );
}

#[test]
fn a_deleted_partnership_counts_as_removed_and_one_of_each_is_singular() {
    let then = march_register();
    let mut now = then.clone();
    let seat_gone = now.representations[&RepresentationId(2)].clone();
    apply(&mut now, Edit::delete(seat_gone));
    let board = now.partnerships[&PartnershipId(2)].clone();
    let assessment = now.assessments[&AssessmentId(2)].clone();
    apply(
        &mut now,
        Edit::Batch {
            description: "Delete the board".to_string(),
            edits: vec![Edit::delete(assessment), Edit::delete(board)],
        },
    );
    let changes = compared(&then, &now);
    assert_eq!(changes.removed.len(), 1);
    assert_eq!(changes.removed[0].reason, "Deleted from the register");
    assert_eq!(
        summary(&changes),
        "Since 22 March: 1 partnership removed from the register, 1 representation change; \
         officer time down 8 hours a month and contributions down £10,000 a year."
    );
}

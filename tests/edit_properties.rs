//! Property tests of the edit machinery: for random registers and random edits,
//! - applying an edit then its inverse gives back the same register, and a refused edit changes
//!   nothing;
//! - the register read back from the file equals the one in memory after any sequence of edits,
//!   undos and redos, and after closing and reopening.

use proptest::prelude::*;

use partnership_atlas::document::Document;
use partnership_atlas::model::*;

/// One step of a random script: what to try, two numbers to pick records with, and some text.
type Step = (u8, u16, u16, String);

fn step_strategy() -> impl proptest::strategy::Strategy<Value = Step> {
    (
        0u8..18,
        any::<u16>(),
        any::<u16>(),
        "[A-Za-z][A-Za-z ]{0,14}",
    )
}

fn tidy(text: &str, fallback: &str) -> String {
    parse_name(text, "name").unwrap_or_else(|_| fallback.to_string())
}

fn pick<K: Copy, V>(map: &std::collections::BTreeMap<K, V>, index: u16) -> Option<(K, &V)> {
    if map.is_empty() {
        return None;
    }
    map.iter()
        .nth(usize::from(index) % map.len())
        .map(|(key, value)| (*key, value))
}

/// Turns a step into an edit against `register` (one that may well be refused).
fn edit_for(register: &Register, (kind, a, b, text): &Step) -> Option<Edit> {
    let name = tidy(text, "Unnamed");
    Some(match kind {
        0 => Edit::insert(Partnership {
            id: PartnershipId::next_in(&register.partnerships),
            name,
            kind: PartnershipKind::ALL[usize::from(*a) % PartnershipKind::ALL.len()],
            ..Partnership::default()
        }),
        1 => Edit::insert(Organisation {
            id: OrganisationId::next_in(&register.organisations),
            name,
            sector: Sector::ALL[usize::from(*a) % Sector::ALL.len()],
            ..Organisation::default()
        }),
        2 => Edit::insert(Person {
            id: PersonId::next_in(&register.people),
            name,
            ..Person::default()
        }),
        3 => Edit::insert(Relationship {
            id: RelationshipId::next_in(&register.relationships),
            from: pick(&register.partnerships, *a)?.0,
            to: pick(&register.partnerships, *b)?.0,
            kind: RelationshipKind::ALL[usize::from(*a) % RelationshipKind::ALL.len()],
            label: String::new(),
        }),
        4 => Edit::insert(Membership {
            id: MembershipId::next_in(&register.memberships),
            partnership: pick(&register.partnerships, *a)?.0,
            organisation: pick(&register.organisations, *b)?.0,
            role: MembershipRole::ALL[usize::from(*b) % MembershipRole::ALL.len()],
            voting: a % 2 == 0,
            representative: text.clone(),
        }),
        5 => Edit::insert(Representation {
            id: RepresentationId::next_in(&register.representations),
            person: pick(&register.people, *a)?.0,
            partnership: pick(&register.partnerships, *b)?.0,
            hours_per_month: Hours {
                tenths: u32::from(*a % 500),
            },
            meetings_per_year: u32::from(*b % 12),
            ..Representation::default()
        }),
        6 => Edit::insert(Contribution {
            id: ContributionId::next_in(&register.contributions),
            partnership: pick(&register.partnerships, *a)?.0,
            year: 2020 + i32::from(*b % 8),
            amount: Money {
                pence: i64::from(*a) * 1_000 + i64::from(*b),
            },
            ..Contribution::default()
        }),
        7 => {
            let (_, before) = pick(&register.partnerships, *a)?;
            Edit::change(
                before.clone(),
                Partnership {
                    name,
                    status: PartnershipStatus::ALL[usize::from(*b) % PartnershipStatus::ALL.len()],
                    responsible_officer: pick(&register.people, *b).map(|(id, _)| id),
                    ..before.clone()
                },
            )
        }
        8 => {
            let (_, before) = pick(&register.organisations, *a)?;
            Edit::change(
                before.clone(),
                Organisation {
                    name,
                    ..before.clone()
                },
            )
        }
        9 => Edit::delete(pick(&register.partnerships, *a)?.1.clone()),
        10 => Edit::delete(pick(&register.organisations, *a)?.1.clone()),
        11 => Edit::delete(pick(&register.memberships, *a)?.1.clone()),
        12 => {
            let theme_id = ThemeId::next_in(&register.themes);
            let partnership = pick(&register.partnerships, *a)?.0;
            Edit::Batch {
                description: "Add a theme and tag a partnership".into(),
                edits: vec![
                    Edit::insert(Theme {
                        id: theme_id,
                        name,
                        description: String::new(),
                    }),
                    Edit::insert(ThemeTag {
                        partnership,
                        theme: theme_id,
                    }),
                ],
            }
        }
        13 => {
            let view = View {
                id: ViewId::next_in(&register.views),
                name,
                ..View::default()
            };
            let node = NodeRef::Partnership(pick(&register.partnerships, *a)?.0);
            Edit::Batch {
                description: "Add a view with one node".into(),
                edits: vec![
                    Edit::insert(view.clone()),
                    Edit::insert(NodePosition {
                        view: view.id,
                        node,
                        x: f32::from(*a) / 3.0,
                        y: f32::from(*b) / 7.0,
                        pinned: a % 2 == 1,
                    }),
                ],
            }
        }
        14 => {
            let mut settings = register.settings.clone();
            settings.council_name = name;
            settings.council_organisation = pick(&register.organisations, *b).map(|(id, _)| id);
            Edit::change(register.settings.clone(), settings)
        }
        16 => Edit::insert(ScoringScheme {
            version: register
                .scoring_schemes
                .keys()
                .next_back()
                .map_or(1, |newest| newest + 1),
            name,
            value: ValueScheme {
                bands: PercentBands {
                    high_from: 34 + u32::from(*a % 67),
                    low_up_to: 33,
                },
                ..ScoringScheme::default_scheme().value
            },
            ..ScoringScheme::default_scheme()
        }),
        17 => {
            // Change or delete a stored scheme: refused while an assessment uses it.
            let (_, before) = pick(&register.scoring_schemes, *a)?;
            if b % 2 == 0 {
                Edit::delete(before.clone())
            } else {
                let mut after = before.clone();
                after.name = name;
                after.risk.grid.high_from = 9 + u32::from(*b % 8);
                Edit::change(before.clone(), after)
            }
        }
        _ => Edit::insert(Assessment {
            id: AssessmentId::next_in(&register.assessments),
            partnership: pick(&register.partnerships, *a)?.0,
            scheme_version: pick(&register.scoring_schemes, *b).map_or(0, |(version, _)| version),
            risk_likelihood: (*a % 4 + 1) as u8,
            risk_impact: (*b % 4 + 1) as u8,
            risk_band: Some(Band::ALL[usize::from(*a) % 3]),
            recommendation: Some(Recommendation::ALL[usize::from(*b) % 6]),
            scores: vec![CriterionScore {
                criterion: "V1".into(),
                score: i32::from(*a % 4),
                evidence: text.clone(),
            }],
            ..Assessment::default()
        }),
    })
}

/// A register grown by applying the script's edits that the model accepts.
fn grow(script: &[Step]) -> Register {
    let mut register = Register::new("Property Test Council");
    for step in script {
        if let Some(edit) = edit_for(&register, step) {
            let _refused_edits_change_nothing = register.apply(&edit);
        }
    }
    register
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn an_edit_then_its_inverse_gives_back_the_register(
        setup in prop::collection::vec(step_strategy(), 0..40),
        probes in prop::collection::vec(step_strategy(), 1..20),
    ) {
        let mut register = grow(&setup);
        for probe in &probes {
            let Some(edit) = edit_for(&register, probe) else { continue };
            let before = register.clone();
            match register.apply(&edit) {
                Ok(()) => {
                    register.apply(&edit.inverse()).expect("the inverse applies");
                    prop_assert_eq!(&register, &before);
                    // Leave the register changed, so later probes see richer states.
                    register.apply(&edit).expect("reapply");
                }
                Err(_) => prop_assert_eq!(&register, &before, "a refused edit changed the register"),
            }
        }
    }
}

proptest! {
    // Each case writes a real file with a commit per edit, so fewer cases.
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn the_file_always_matches_memory_through_edits_undos_and_redos(
        script in prop::collection::vec((step_strategy(), 0u8..10), 1..40),
    ) {
        let folder = tempfile::tempdir().expect("tempdir");
        let path = folder.path().join("property.atlas");
        let mut document = Document::create(&path, Register::new("Property Test Council"))
            .expect("create");
        for (step, action) in &script {
            match action {
                0 | 1 => { document.undo().expect("undo writes"); }
                2 => { document.redo().expect("redo writes"); }
                _ => {
                    if let Some(edit) = edit_for(document.register(), step) {
                        // Refused edits are fine; they must change neither memory nor file.
                        let _ = document.apply(edit);
                    }
                }
            }
        }
        let in_memory = document.register().clone();
        let from_file = document.store().load().expect("load");
        prop_assert_eq!(&from_file, &in_memory);
        drop(document);
        let reopened = Document::open(&path).expect("reopen");
        prop_assert_eq!(reopened.register(), &in_memory);
    }
}

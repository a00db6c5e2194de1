//! Name normalisation, initials, similarity and evidence, with the messy names councils' registers
//! hold.

use proptest::prelude::*;

use super::*;

#[test]
fn spellings_of_one_name_normalise_alike() {
    let same = [
        ("The Citizens' Advice Bureau Ltd", "citizens advice bureau"),
        (
            "Citizens Advice Bureau Limited",
            "CITIZENS   ADVICE\tBUREAU",
        ),
        (
            "Leicester & Leicestershire LEP",
            "Leicester and Leicestershire LEP",
        ),
        ("Leicester City Council", "leicester city"),
        ("Café Network", "Cafe Network"),
        ("St. John’s Trust", "St Johns Trust"),
        ("Police-led Board", "Police led board"),
        ("Leicestershire Constabulary", "Leicestershire Police"),
    ];
    for (a, b) in same {
        assert_eq!(normalise_name(a), normalise_name(b), "{a} / {b}");
    }
    assert_eq!(
        normalise_name("The Citizens' Advice Bureau Ltd"),
        "citizens advice bureau"
    );
}

#[test]
fn different_names_stay_different() {
    assert_ne!(
        normalise_name("Leicester City Council"),
        normalise_name("Leicestershire County Council")
    );
    assert_ne!(
        normalise_name("Health and Wellbeing Board"),
        normalise_name("Health Board")
    );
}

#[test]
fn a_name_of_noise_words_alone_is_kept() {
    assert_eq!(normalise_name("The Council"), "the council");
    assert_eq!(normalise_name("  ...  "), "");
}

#[test]
fn initials_skip_linking_words_and_suffixes() {
    assert_eq!(
        initials("Leicester & Leicestershire Economic Partnership"),
        "llep"
    );
    assert_eq!(
        initials("Leicester and Leicestershire Economic Partnership Ltd"),
        "llep"
    );
    assert_eq!(
        initials("Office of the Police and Crime Commissioner"),
        "opcc"
    );
    assert_eq!(initials("Police"), "");
}

#[test]
fn initials_match_as_written_in_any_case_and_with_dots() {
    let long = "Leicester & Leicestershire Economic Partnership";
    assert!(is_initials_of("LLEP", long));
    assert!(is_initials_of("llep", long));
    assert!(is_initials_of("L.L.E.P.", long));
    assert!(!is_initials_of("LEP", long));
    assert!(!is_initials_of("LLEP Board", long));
    assert!(!is_initials_of(long, "LLEP"));
}

#[test]
fn similar_names_score_high_and_unlike_names_low() {
    assert!(name_similarity("Citizens Advice", "Citizen Advice") >= evidence::SIMILAR_NAME);
    assert!(name_similarity("Advice, Citizens", "Citizens Advice") >= 0.999);
    assert!(name_similarity("Leicester City", "Leicestershire County") < evidence::SIMILAR_NAME);
    assert!(name_similarity("Community Safety Partnership", "Health and Wellbeing Board") < 0.7);
    assert_eq!(name_similarity("The Board Ltd", "board"), 1.0);
    assert_eq!(name_similarity("", "Board"), 0.0);
}

#[test]
fn names_give_their_evidence_in_words() {
    assert_eq!(
        compare_names("Citizens Advice Ltd", "citizens advice"),
        Some(Evidence::SameName)
    );
    let initials = compare_names("Leicester & Leicestershire Economic Partnership", "LLEP");
    assert_eq!(
        initials.map(|evidence| evidence.words()).as_deref(),
        Some(
            "initials: \u{201c}LLEP\u{201d} for \u{201c}Leicester & Leicestershire Economic Partnership\u{201d}"
        )
    );
    let similar = compare_names("Citizens Advice", "Citizen Advice");
    assert!(matches!(similar, Some(Evidence::SimilarName { percent }) if percent >= 92));
    assert!(similar.is_some_and(|evidence| evidence.words().starts_with("similar name (")));
    assert_eq!(compare_names("Police", "Health and Wellbeing Board"), None);
    assert_eq!(compare_names("", ""), None);
}

#[test]
fn org_ids_match_whatever_their_punctuation() {
    assert_eq!(
        same_org_id(Some("gb-chc 1234"), Some("GB-CHC-1234")),
        Some(Evidence::SameOrgId("gb-chc 1234".to_string()))
    );
    assert_eq!(same_org_id(Some("GB-CHC-1234"), Some("GB-CHC-1235")), None);
    assert_eq!(same_org_id(Some(" "), Some("")), None);
    assert_eq!(same_org_id(None, Some("GB-CHC-1234")), None);
    assert_eq!(
        Evidence::SameOrgId("GB-COH-1".to_string()).words(),
        "same org-id (GB-COH-1)"
    );
}

#[test]
fn members_are_the_same_when_four_in_five_are_shared() {
    assert_eq!(
        same_members(&[1, 2, 3, 4, 5], &[1, 2, 3, 4]),
        Some(Evidence::SameMembers { shared: 4, of: 5 })
    );
    assert_eq!(same_members(&[1, 2, 3], &[1, 2, 4]), None);
    assert_eq!(
        same_members(&[1], &[1]),
        None,
        "one member is too few to say"
    );
    assert_eq!(
        Evidence::SameMembers { shared: 4, of: 5 }.words(),
        "same members (4 shared members of 5)"
    );
}

#[test]
fn a_probable_duplicate_shows_its_strongest_reason_first() {
    let duplicate = ProbableDuplicate::from_evidence(vec![
        Evidence::SimilarName { percent: 96 },
        Evidence::SameOrgId("GB-CHC-1".to_string()),
    ]);
    assert_eq!(
        duplicate.map(|duplicate| duplicate.words()).as_deref(),
        Some("same org-id (GB-CHC-1); similar name (96% alike)")
    );
    assert_eq!(ProbableDuplicate::from_evidence(Vec::new()), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn similarity_is_symmetric_and_bounded(a in "\\PC{0,40}", b in "\\PC{0,40}") {
        let forward = name_similarity(&a, &b);
        prop_assert_eq!(forward.to_bits(), name_similarity(&b, &a).to_bits());
        prop_assert!((0.0..=1.0).contains(&forward));
    }

    #[test]
    fn name_evidence_is_symmetric(a in "[A-Za-z&' .-]{0,30}", b in "[A-Za-z&' .-]{0,30}") {
        let kind = |evidence: Option<Evidence>| evidence.map(|evidence| match evidence {
            Evidence::Initials { .. } => "initials".to_string(),
            other => other.words(),
        });
        prop_assert_eq!(kind(compare_names(&a, &b)), kind(compare_names(&b, &a)));
    }

    #[test]
    fn normalising_is_idempotent_and_never_panics(name in "\\PC{0,60}") {
        let once = normalise_name(&name);
        let _ = initials(&name);
        let _ = is_initials_of(&name, &name);
        prop_assert_eq!(normalise_name(&once), once.clone());
    }
}

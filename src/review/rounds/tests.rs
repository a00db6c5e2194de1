//! The rounds' rules on the sample register: who a rule chooses, starting (and refusing to
//! start) a round, marking, progress in words, question keys, and a score read from its
//! drop-down words.

use chrono::NaiveDate;

use super::*;
use crate::model::{PartnershipStatus, QuestionSource, Register, RoundId, RoundRule, Significance};
use crate::sample::sample_register;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, d).expect("a day")
}

fn started(register: &mut Register, name: &str, rule: RoundRule) -> RoundId {
    let edit = start_round(register, name, rule, day(1), Some(day(30))).expect("start");
    register.apply(&edit).expect("apply");
    register
        .rounds
        .values()
        .find(|r| r.name == name)
        .expect("started")
        .id
}

#[test]
fn all_active_chooses_exactly_the_active_partnerships() {
    let register = sample_register();
    let chosen = chosen_partnerships(&register, &RoundRule::AllActive);
    let active: Vec<_> = register
        .partnerships
        .values()
        .filter(|p| p.status == PartnershipStatus::Active)
        .map(|p| p.id)
        .collect();
    assert!(!active.is_empty());
    assert_eq!(chosen, active);
    assert!(
        active.len() < register.partnerships.len(),
        "the sample has inactive ones too"
    );
}

#[test]
fn a_theme_round_asks_only_the_theme_and_significant_only_the_significant() {
    let register = sample_register();
    let (theme, _) = register
        .theme_tags
        .keys()
        .map(|(_, theme)| (*theme, ()))
        .next()
        .expect("a tag");
    let name = register.themes[&theme].name.clone();
    let chosen = chosen_partnerships(&register, &RoundRule::Theme { theme, name });
    assert!(!chosen.is_empty());
    assert!(
        chosen
            .iter()
            .all(|p| register.theme_tags.contains_key(&(*p, theme)))
    );
    let current = register.current_assessments();
    for p in chosen_partnerships(&register, &RoundRule::Significant) {
        let significance = current
            .get(&p)
            .map_or(register.partnerships[&p].significance, |a| a.significance);
        assert_eq!(significance, Significance::Significant);
    }
}

#[test]
fn a_round_needs_a_free_name_and_somebody_to_ask() {
    let mut register = sample_register();
    assert_eq!(
        start_round(&register, "  ", RoundRule::AllActive, day(1), None),
        Err(RoundError::NoName)
    );
    started(&mut register, "Annual review 2026", RoundRule::AllActive);
    assert_eq!(
        start_round(
            &register,
            "annual REVIEW 2026",
            RoundRule::AllActive,
            day(1),
            None
        ),
        Err(RoundError::NameTaken("annual REVIEW 2026".to_string()))
    );
    let empty = Register::default();
    assert!(matches!(
        start_round(&empty, "Nobody", RoundRule::AllActive, day(1), None),
        Err(RoundError::NobodyChosen(_))
    ));
}

#[test]
fn the_questions_come_from_the_field_list_the_hours_and_the_schemes_criteria() {
    let register = sample_register();
    let questions = default_questions(&register);
    let fields = crate::tables::specs::partnership_fields();
    let editable = fields
        .iter()
        .filter(|f| f.column.is_editable() && f.column.id != "name")
        .count();
    let scheme = crate::scoring::current_scheme(&register);
    let criteria = scheme.criteria().count();
    assert_eq!(questions.len(), editable + 1 + criteria);
    assert!(questions.contains(&crate::model::Question {
        source: QuestionSource::Field("purpose".to_string()),
        wording: "Purpose".to_string(),
    }));
    assert!(
        !questions
            .iter()
            .any(|q| q.source == QuestionSource::Field("name".to_string()))
    );
}

#[test]
fn marking_changes_only_the_dates_asked_and_progress_counts_them() {
    let mut register = sample_register();
    let id = started(&mut register, "Spring", RoundRule::AllActive);
    let round = register.rounds[&id].clone();
    let total = round.entries.len();
    let progress_now = progress(&register, &round);
    assert_eq!(
        progress_now.words(),
        format!("{total} of {total} outstanding")
    );
    assert!(progress_now.fraction_returned().abs() < f32::EPSILON);

    register
        .apply(&mark(&register, id, &[], Mark::Sent, day(2)).expect("sent"))
        .expect("apply");
    let first = round.entries[0].partnership;
    let edit = mark(&register, id, &[first], Mark::Returned, day(9)).expect("returned");
    assert!(edit.describe().contains("returned"), "{}", edit.describe());
    register.apply(&edit).expect("apply");
    let round = &register.rounds[&id];
    assert!(round.entries.iter().all(|e| e.sent == Some(day(2))));
    assert_eq!(round.entry(first).and_then(|e| e.returned), Some(day(9)));
    let progress_now = progress(&register, round);
    assert_eq!(
        progress_now.words(),
        format!("{} of {total} outstanding", total - 1)
    );
    assert_eq!(progress_now.outstanding_rows().count(), total - 1);
    assert!(
        progress_now
            .counts_words()
            .contains(&format!("{total} sent"))
    );

    // Undoing is the exact inverse.
    let back = edit.inverse();
    register.apply(&back).expect("undo");
    assert_eq!(register.rounds[&id].outstanding(), total);

    let stranger = crate::model::PartnershipId(999_999);
    assert!(matches!(
        mark(&register, id, &[stranger], Mark::Reminded, day(3)),
        Err(RoundError::NotInRound { .. })
    ));
}

#[test]
fn the_lead_officer_and_email_come_from_the_responsible_officer() {
    let mut register = sample_register();
    let id = started(&mut register, "Spring", RoundRule::AllActive);
    let rows = progress(&register, &register.rounds[&id]).rows;
    let with_officer = rows
        .iter()
        .find(|r| !r.lead_officer.is_empty())
        .expect("an officer");
    let officer = register.partnerships[&with_officer.partnership]
        .responsible_officer
        .and_then(|p| register.people.get(&p))
        .expect("the officer");
    assert_eq!(with_officer.lead_officer, officer.name);
    assert_eq!(with_officer.email, officer.email);
}

#[test]
fn answer_keys_read_back_as_written() {
    for key in [
        AnswerKey::Field("purpose".to_string()),
        AnswerKey::Criterion("R1".to_string()),
        AnswerKey::Hours(crate::model::RepresentationId(12)),
    ] {
        assert_eq!(AnswerKey::parse(&key.code()), Some(key));
    }
    assert_eq!(AnswerKey::parse("hours:x"), None);
    assert_eq!(AnswerKey::parse("field:"), None);
    assert_eq!(AnswerKey::parse("budget"), None);
}

#[test]
fn a_score_is_read_from_its_drop_down_words_or_its_number_within_the_scale() {
    let mut register = sample_register();
    let id = started(&mut register, "Spring", RoundRule::AllActive);
    let round = register.rounds[&id].clone();
    let partnership = round.entries[0].partnership;
    let asked = questionnaire(&register, &round, partnership, day(1)).expect("asked");
    let criterion = asked
        .asked
        .iter()
        .find(|a| matches!(a.key, AnswerKey::Criterion(_)))
        .expect("a criterion");
    let AnswerKind::Choice(options) = &criterion.kind else {
        panic!("a criterion is a drop-down");
    };
    assert!(options[0].starts_with(|c: char| c.is_ascii_digit() || c == '-'));
    let mut filled = FilledQuestionnaire {
        round: id,
        round_name: round.name.clone(),
        partnership,
        partnership_name: String::new(),
        answers: vec![(criterion.key.clone(), "99 Far too high".to_string())],
    };
    let preview = preview_return(&register, &filled, "x.xlsx", day(2)).expect("preview");
    assert_eq!(preview.invalid(), 1, "{}", preview.words());
    let other = options
        .iter()
        .find(|o| **o != criterion.current)
        .expect("another point")
        .clone();
    filled.answers[0].1 = other;
    let preview = preview_return(&register, &filled, "x.xlsx", day(2)).expect("preview");
    assert_eq!(preview.changed(), 1, "{}", preview.words());
}

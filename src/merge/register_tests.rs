use super::register::{MergeOptions, plan_register_merge};
use crate::sample;

#[test]
fn merging_the_sample_into_itself_changes_nothing() {
    let register = sample::sample_register();
    let merge = plan_register_merge(&register, &register, "same.atlas", MergeOptions::default());
    assert!(merge.is_empty(), "{:#?}", merge.report_lines());
    assert_eq!(merge.shared.len(), register.partnerships.len());
    assert!(merge.shared.iter().all(|s| s.differences.is_empty()));
}

#[test]
fn two_synthetic_registers_merge_and_a_second_merge_changes_nothing() {
    let mut ours = sample::synthetic_register(150, 1);
    let theirs = sample::synthetic_register(150, 2);
    let merge = plan_register_merge(&ours, &theirs, "theirs.atlas", MergeOptions::default());
    assert!(!merge.is_empty());
    let before = ours.clone();
    ours.apply(&merge.edit).expect("the merge applies");
    assert!(ours.partnerships.len() > before.partnerships.len());
    let again = plan_register_merge(&ours, &theirs, "theirs.atlas", MergeOptions::default());
    assert!(again.is_empty(), "{:#?}", again.report_lines());
    ours.apply(&merge.edit.inverse()).expect("undo");
    assert_eq!(ours, before);
}

#[test]
fn differing_fields_are_reported_and_left_unless_theirs_are_taken() {
    let ours = sample::sample_register();
    let mut theirs = ours.clone();
    let (id, partnership) = theirs
        .partnerships
        .iter_mut()
        .next()
        .expect("a partnership");
    let id = *id;
    partnership.purpose = "A purpose of theirs".to_string();
    let merge = plan_register_merge(&ours, &theirs, "theirs.atlas", MergeOptions::default());
    assert!(merge.is_empty());
    let shared = merge
        .shared
        .iter()
        .find(|s| !s.differences.is_empty())
        .expect("a difference");
    assert_eq!(shared.differences.len(), 1);
    assert_eq!(shared.differences[0].field, "purpose");
    assert!(
        merge
            .report_lines()
            .iter()
            .any(|line| line.contains("theirs \"A purpose of theirs\""))
    );
    let taken = plan_register_merge(
        &ours,
        &theirs,
        "theirs.atlas",
        MergeOptions { take_theirs: true },
    );
    assert_eq!(taken.changed, 1);
    let mut merged = ours.clone();
    merged.apply(&taken.edit).expect("applies");
    assert_eq!(merged.partnerships[&id].purpose, "A purpose of theirs");
}

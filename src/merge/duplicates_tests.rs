use super::duplicates::{MergeRefusal, merge_organisations, merge_people};
use crate::model::{
    Membership, MembershipId, NodePosition, NodeRef, Organisation, OrganisationId, Register,
};
use crate::sample;

/// The sample with a second "Citizens Advice" that is a member of two partnerships, one of which
/// the first is a member of too, and has a place in a view.
fn with_duplicate() -> (Register, OrganisationId, OrganisationId) {
    let mut register = sample::sample_register();
    let keep = *register
        .memberships
        .values()
        .map(|m| &m.organisation)
        .next()
        .expect("a member");
    let shared_partnership = register
        .memberships
        .values()
        .find(|m| m.organisation == keep)
        .expect("a membership")
        .partnership;
    let other_partnership = *register
        .partnerships
        .keys()
        .find(|p| {
            !register
                .memberships
                .values()
                .any(|m| m.organisation == keep && m.partnership == **p)
        })
        .expect("a partnership it is not in");
    let remove = OrganisationId::next_in(&register.organisations);
    register.organisations.insert(
        remove,
        Organisation {
            id: remove,
            name: "Citizen Advice".to_string(),
            ..Organisation::default()
        },
    );
    for partnership in [shared_partnership, other_partnership] {
        let id = MembershipId::next_in(&register.memberships);
        register.memberships.insert(
            id,
            Membership {
                id,
                partnership,
                organisation: remove,
                ..Membership::default()
            },
        );
    }
    let view = *register.views.keys().next().expect("a view");
    let position = NodePosition {
        view,
        node: NodeRef::Organisation(remove),
        x: 1.0,
        y: 2.0,
        pinned: false,
    };
    register
        .node_positions
        .insert((view, position.node), position);
    (register, keep, remove)
}

#[test]
fn merging_an_organisation_moves_each_membership_once_and_removes_it_and_undo_restores() {
    let (register, keep, remove) = with_duplicate();
    let kept_before = register
        .memberships
        .values()
        .filter(|m| m.organisation == keep)
        .count();
    let merge = merge_organisations(&register, keep, remove).expect("merge");
    assert_eq!(merge.moved, ["1 membership", "1 node position"]);
    assert_eq!(merge.dropped, ["1 membership"]);
    assert!(
        merge
            .summary()
            .starts_with("Merge organisation “Citizen Advice” into organisation “"),
        "{}",
        merge.summary()
    );
    let mut merged = register.clone();
    merged.apply(&merge.edit).expect("applies");
    assert!(!merged.organisations.contains_key(&remove));
    assert!(
        merged
            .memberships
            .values()
            .all(|m| m.organisation != remove)
    );
    assert_eq!(
        merged
            .memberships
            .values()
            .filter(|m| m.organisation == keep)
            .count(),
        kept_before + 1
    );
    let mut pairs: Vec<_> = merged
        .memberships
        .values()
        .map(|m| (m.partnership, m.organisation))
        .collect();
    let all = pairs.len();
    pairs.sort();
    pairs.dedup();
    assert_eq!(pairs.len(), all, "no partnership has the same member twice");
    merged.apply(&merge.edit.inverse()).expect("undo");
    assert_eq!(merged, register, "undo restores exactly");
}

#[test]
fn merging_a_person_repoints_representations_officers_and_actions() {
    let register = sample::sample_register();
    let mut ids = register
        .representations
        .values()
        .map(|r| r.person)
        .collect::<Vec<_>>();
    ids.sort();
    ids.dedup();
    let (keep, remove) = (ids[0], ids[1]);
    let uses = register
        .referrers(&crate::model::RecordKey::Person(remove))
        .len();
    let merge = merge_people(&register, keep, remove).expect("merge");
    let mut merged = register.clone();
    merged.apply(&merge.edit).expect("applies");
    assert!(!merged.people.contains_key(&remove));
    assert!(
        merged
            .referrers(&crate::model::RecordKey::Person(keep))
            .len()
            >= uses
    );
    merged.apply(&merge.edit.inverse()).expect("undo");
    assert_eq!(merged, register);
}

#[test]
fn a_record_is_not_merged_into_itself() {
    let register = sample::sample_register();
    let id = *register.organisations.keys().next().expect("one");
    assert_eq!(
        merge_organisations(&register, id, id),
        Err(MergeRefusal::SameRecord)
    );
}

#[test]
fn every_pair_of_sample_organisations_merges_and_undoes() {
    let register = sample::sample_register();
    let ids: Vec<_> = register.organisations.keys().copied().take(12).collect();
    for &keep in &ids {
        for &remove in &ids {
            if keep == remove {
                continue;
            }
            let merge = merge_organisations(&register, keep, remove).expect("merge");
            let mut merged = register.clone();
            merged.apply(&merge.edit).expect("applies");
            merged.apply(&merge.edit.inverse()).expect("undo");
            assert!(merged == register);
        }
    }
}

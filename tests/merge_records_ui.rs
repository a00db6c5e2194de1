//! Merging two organisations from the Organisations table, as a user does it: select two rows
//! (click, Ctrl+click), "Merge…", read the confirmation naming both, "Merge"; every membership
//! of the second now belongs to the first, once; Ctrl+Z puts everything back.

mod common;
use common::sample_app;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::model::{OrganisationId, Register};

const CTRL: Modifiers = Modifiers {
    alt: false,
    ctrl: true,
    shift: false,
    mac_cmd: false,
    command: true,
};

fn register<'a>(harness: &'a Harness<'_, AtlasApp>) -> &'a Register {
    harness
        .state()
        .document()
        .expect("a register is open")
        .register()
}

fn click_name(harness: &mut Harness<'_, AtlasApp>, name: &str, modifiers: Modifiers) {
    harness
        .query_all_by_role_and_label(Role::Button, name)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the name cell")
        .click_modifiers(modifiers);
    harness.run_steps(3);
}

fn memberships_of(register: &Register, id: OrganisationId) -> usize {
    register
        .memberships
        .values()
        .filter(|m| m.organisation == id)
        .count()
}

#[test]
fn two_organisations_merge_every_membership_moves_once_and_undo_restores() {
    let (_folder, mut harness) = sample_app();
    harness
        .get_by_role_and_label(Role::Button, "Organisations")
        .click();
    harness.run_steps(3);
    let rows = harness.state().ui_state().tables.organisations.rows();
    let (keep, remove) = (
        rows.visible_key(0).expect("a row"),
        rows.visible_key(1).expect("a second row"),
    );
    let before = register(&harness).clone();
    let (keep_name, remove_name) = (
        before.organisations[&keep].name.clone(),
        before.organisations[&remove].name.clone(),
    );
    let (kept_count, moved_count) = (
        memberships_of(&before, keep),
        memberships_of(&before, remove),
    );
    assert!(
        moved_count > 0,
        "the second organisation is a member of something"
    );
    let both: usize = before
        .memberships
        .values()
        .filter(|m| m.organisation == remove)
        .filter(|m| {
            before
                .memberships
                .values()
                .any(|k| k.organisation == keep && k.partnership == m.partnership)
        })
        .count();

    click_name(&mut harness, &keep_name, Modifiers::NONE);
    click_name(&mut harness, &remove_name, CTRL);
    harness
        .get_by_role_and_label(Role::Button, "Merge…")
        .click();
    harness.run_steps(3);
    harness.get_by_label(&format!("Keep organisation “{keep_name}”"));
    harness.get_by_label(&format!(
        "Merge into it and remove organisation “{remove_name}”"
    ));
    harness.get_by_role_and_label(Role::Button, "Merge").click();
    harness.run_steps(3);

    let after = register(&harness);
    assert!(
        !after.organisations.contains_key(&remove),
        "the second is gone"
    );
    assert_eq!(memberships_of(after, remove), 0);
    assert_eq!(
        memberships_of(after, keep),
        kept_count + moved_count - both,
        "each membership moved once; one where both were members is not doubled"
    );
    let mut pairs: Vec<_> = after
        .memberships
        .values()
        .map(|m| (m.partnership, m.organisation))
        .collect();
    let all = pairs.len();
    pairs.sort();
    pairs.dedup();
    assert_eq!(pairs.len(), all);

    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run_steps(3);
    assert_eq!(*register(&harness), before, "one undo restores exactly");
}

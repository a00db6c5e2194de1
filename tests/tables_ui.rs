//! The table panels driven by accessible labels, as a user drives them: add a partnership by
//! typing, give it officer hours and a contribution, see an invalid amount refused in place,
//! sort and filter, paste rows from Excel (Ctrl+V sends egui's `Event::Paste`) with one
//! invalid row, fix it in the preview's "Rows to paste" box, apply, and undo the paste in one
//! step. The partnership detail form: a governance flag, dates and money checked before they
//! are written, relationships added from the picker, refused twice, removed and undone.
//! Contributions totalled per financial year; Tab between cells; Ctrl+click deselects.

mod common;
use common::{CTRL, sample_app};

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::model::{PartnershipId, Register};

fn register<'a>(harness: &'a Harness<'_, AtlasApp>) -> &'a Register {
    harness
        .state()
        .document()
        .expect("a register is open")
        .register()
}

fn show_panel(harness: &mut Harness<'_, AtlasApp>, label: &str) {
    harness.get_by_role_and_label(Role::Button, label).click();
    harness.run_steps(3);
}

/// Adds a partnership with "Add partnership" and types its name in the form.
fn add_partnership(harness: &mut Harness<'_, AtlasApp>, name: &str) -> PartnershipId {
    harness.get_by_label("Add partnership").click();
    harness.run_steps(3);
    let id = harness
        .state()
        .ui_state()
        .current_partnership
        .expect("the new partnership is current");
    harness
        .get_by_role_and_label(Role::TextInput, "Name")
        .type_text(name);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(register(harness).partnerships[&id].name, name);
    id
}

/// Clicks the only cell showing `text`, presses Enter to edit it, replaces its text with
/// `typed` and presses Enter.
fn edit_cell(harness: &mut Harness<'_, AtlasApp>, text: &str, column: &str, typed: &str) {
    // The leftmost cell showing `text`.
    harness
        .query_all_by_role_and_label(Role::Button, text)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("a cell shows the text")
        .click();
    harness.run_steps(2);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    retype(harness, column, typed);
}

/// Replaces the text in the cell editor `column` and presses Enter.
fn retype(harness: &mut Harness<'_, AtlasApp>, column: &str, typed: &str) {
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, column)
        .type_text(typed);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

#[test]
fn a_new_partnership_gets_hours_and_money_and_a_wrong_amount_is_refused_in_place() {
    let (_folder, mut harness) = sample_app();
    let id = add_partnership(&mut harness, "Older People's Partnership");

    // Officer hours: a representation row for the current partnership.
    show_panel(&mut harness, "People and representation");
    harness
        .get_by_role_and_label(Role::Button, "Representation")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Only the current partnership").click();
    harness.run_steps(2);
    harness.get_by_label("Add representation").click();
    harness.run_steps(4);
    edit_cell(&mut harness, "0", "Hours a month", "6.5");
    assert_eq!(register(&harness).hours_per_month(id).to_string(), "6.5");

    // Money: a contribution row, first mistyped.
    show_panel(&mut harness, "Contributions");
    harness.get_by_label("Only the current partnership").click();
    harness.run_steps(2);
    harness.get_by_label("Add contribution").click();
    harness.run_steps(4);
    let audit_before = harness
        .state()
        .document()
        .expect("open")
        .store()
        .audit_entries(100_000)
        .expect("audit")
        .len();
    edit_cell(&mut harness, "£0.00", "Amount", "£1,250.505");
    assert!(
        harness
            .query_by_label_contains("more than two decimal places")
            .is_some(),
        "the reason is shown"
    );
    let year = register(&harness)
        .latest_contribution_year()
        .expect("a year");
    assert_eq!(
        register(&harness).contribution_in_year(id, year).pence,
        0,
        "nothing written"
    );
    let audit_after = harness
        .state()
        .document()
        .expect("open")
        .store()
        .audit_entries(100_000)
        .expect("audit")
        .len();
    assert_eq!(audit_after, audit_before, "nothing written to the file");

    retype(&mut harness, "Amount", "£1,250.50");
    assert_eq!(
        register(&harness).contribution_in_year(id, year).pence,
        125_050
    );
    assert!(
        harness
            .query_by_label_contains("more than two decimal places")
            .is_none()
    );
}

#[test]
fn headings_sort_and_the_filter_narrows_the_partnerships() {
    let (_folder, mut harness) = sample_app();
    let first_by_name = |harness: &Harness<'_, AtlasApp>| {
        harness
            .state()
            .ui_state()
            .partnerships
            .table
            .rows()
            .visible_key(0)
            .expect("a row")
    };
    harness.get_by_role_and_label(Role::Button, "Name").click();
    harness.run_steps(3);
    let ascending = first_by_name(&harness);
    let expected = register(&harness)
        .partnerships
        .values()
        .min_by_key(|p| (p.name.to_lowercase(), p.id))
        .expect("partnerships")
        .id;
    assert_eq!(ascending, expected);
    harness
        .get_by_role_and_label(Role::Button, "Name ⏶")
        .click();
    harness.run_steps(3);
    assert_ne!(
        first_by_name(&harness),
        ascending,
        "a second click reverses"
    );

    let total = register(&harness).partnerships.len();
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .click();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Filter")
        .type_text("safety");
    harness.run_steps(3);
    let rows = harness.state().ui_state().partnerships.table.rows();
    assert!(rows.visible_len() >= 1 && rows.visible_len() < total);
    assert!(
        harness
            .query_by_label_contains(&format!("of {total} rows"))
            .is_some()
    );
}

#[test]
fn pasted_rows_are_previewed_refused_while_one_is_invalid_and_undone_in_one_step() {
    let (_folder, mut harness) = sample_app();
    show_panel(&mut harness, "Contributions");
    let before = register(&harness).contributions.len();
    let names: Vec<String> = register(&harness)
        .partnerships
        .values()
        .take(3)
        .map(|p| p.name.clone())
        .collect();
    let rows = |third_amount: &str| {
        format!(
            "Partnership\tFinancial year\tAmount\r\n{}\t2026\t£1,000.00\r\n{}\t2026\t£2,500\r\n{}\t2026\t{third_amount}\r\n",
            names[0], names[1], names[2]
        )
    };
    // Ctrl+V in the table: egui delivers the clipboard as a Paste event.
    harness.event(egui::Event::Paste(rows("£12.345")));
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("2 new, 1 invalid")
            .is_some(),
        "the preview counts rows"
    );
    assert!(
        harness.query_by_label_contains("Amount: ").is_some(),
        "the invalid cell's reason is shown"
    );
    harness.get_by_role_and_label(Role::Button, "Apply").click();
    harness.run_steps(3);
    assert_eq!(
        register(&harness).contributions.len(),
        before,
        "nothing applied"
    );

    // Fix the row in the box and apply.
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Rows to paste")
        .click();
    harness.run_steps(1);
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    harness.event(egui::Event::Paste(rows("£12.35")));
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Preview: 3 new").is_some());
    harness.get_by_role_and_label(Role::Button, "Apply").click();
    harness.run_steps(3);
    assert_eq!(register(&harness).contributions.len(), before + 3);

    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run_steps(3);
    assert_eq!(
        register(&harness).contributions.len(),
        before,
        "one undo removes the whole paste"
    );
}

/// Makes `id` the current partnership, so its detail form shows.
fn select(harness: &mut Harness<'_, AtlasApp>, id: PartnershipId) {
    harness.state_mut().select_partnership(Some(id));
    harness.run_steps(3);
}

/// Opens a section of the detail form by its heading.
fn open_section(harness: &mut Harness<'_, AtlasApp>, heading: &str) {
    let node = harness.get_by_label(heading);
    node.scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label(heading).click_accesskit();
    harness.run_steps(3);
}

/// Types `text` into the form's text field `label` and presses Enter.
fn type_into_field(harness: &mut Harness<'_, AtlasApp>, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    field.scroll_to_me();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    harness.run_steps(1);
    harness.key_press(Key::Enter);
    harness.run_steps(3);
}

#[test]
fn the_detail_form_edits_governance_flags_dates_and_money_with_checks_and_undo() {
    let (_folder, mut harness) = sample_app();
    let id = register(&harness)
        .partnerships
        .values()
        .find(|p| !p.risk_register && p.date_joined.is_none())
        .expect("a partnership without a risk register or joining date")
        .id;
    select(&mut harness, id);

    // A governance flag: one tick, one edit, one undo.
    open_section(&mut harness, "Governance evidence");
    harness
        .get_by_role_and_label(Role::CheckBox, "A risk register exists")
        .click_accesskit();
    harness.run_steps(3);
    assert!(register(&harness).partnerships[&id].risk_register);
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run_steps(3);
    assert!(
        !register(&harness).partnerships[&id].risk_register,
        "undone"
    );

    // A date typed the British way, then a leaving date before it is refused in place.
    type_into_field(&mut harness, "Date joined", "01/04/2020");
    assert_eq!(
        register(&harness).partnerships[&id]
            .date_joined
            .map(|d| d.to_string())
            .as_deref(),
        Some("2020-04-01")
    );
    type_into_field(&mut harness, "Date left", "2019-03-31");
    assert!(
        harness
            .query_by_label_contains("before it was joined")
            .is_some(),
        "the reason is shown"
    );
    assert_eq!(register(&harness).partnerships[&id].date_left, None);

    // Money in pounds and pence.
    open_section(&mut harness, "Resources");
    type_into_field(&mut harness, "Total annual budget", "£120,000.505");
    assert!(
        harness
            .query_by_label_contains("more than two decimal places")
            .is_some()
    );
    assert_eq!(register(&harness).partnerships[&id].total_budget, None);
    type_into_field(&mut harness, "Total annual budget", "£120,000.50");
    assert_eq!(
        register(&harness).partnerships[&id]
            .total_budget
            .map(|m| m.pence),
        Some(12_000_050)
    );

    // Every field has its own label.
    for label in [
        "Short name",
        "Other names",
        "Legal basis",
        "Date created",
        "Funding sources",
        "Document link",
        "Exit strategy",
    ] {
        assert!(
            harness
                .query_by_role_and_label(Role::TextInput, label)
                .is_some()
                || harness
                    .query_by_role_and_label(Role::MultilineTextInput, label)
                    .is_some(),
            "{label} is a labelled field"
        );
    }
}

#[test]
fn relationships_are_added_from_the_picker_refused_twice_removed_and_undone() {
    let (_folder, mut harness) = sample_app();
    let names: Vec<(PartnershipId, String)> = register(&harness)
        .partnerships
        .values()
        .map(|p| (p.id, p.name.clone()))
        .collect();
    // Two partnerships with no line between them yet.
    let (this, other) = names
        .iter()
        .flat_map(|a| names.iter().map(move |b| (a, b)))
        .find(|(a, b)| {
            a.0 != b.0
                && !register(&harness)
                    .relationships
                    .values()
                    .any(|r| (r.from == a.0 && r.to == b.0) || (r.from == b.0 && r.to == a.0))
                // "a sub-group of b" must not make a loop: b is not below a.
                && !register(&harness).is_above(a.0, b.0)
                && !names.iter().any(|n| n.0 != b.0 && n.1.contains(&b.1))
        })
        .map(|(a, b)| (a.clone(), b.clone()))
        .expect("two unrelated partnerships");
    select(&mut harness, this.0);
    let count = register(&harness).relationships.len();

    let pick = |harness: &mut Harness<'_, AtlasApp>| {
        type_search(harness, &other.1);
        // The picker's entry, not the table's cell of the same name: the rightmost.
        harness
            .query_all_by_label(&other.1)
            .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
            .expect("the picker lists it")
            .click_accesskit();
        harness.run_steps(2);
        harness
            .get_by_role_and_label(Role::Button, "Add relationship")
            .click_accesskit();
        harness.run_steps(3);
    };
    pick(&mut harness);
    let added = register(&harness)
        .relationships
        .values()
        .find(|r| r.from == this.0 && r.to == other.0)
        .expect("added")
        .clone();
    assert_eq!(
        added.kind,
        partnership_atlas::model::RelationshipKind::SubGroupOf
    );
    assert_eq!(register(&harness).relationships.len(), count + 1);

    // The same line again is refused with the reason.
    pick(&mut harness);
    assert!(
        harness
            .query_by_label_contains("already recorded")
            .is_some()
    );
    assert_eq!(register(&harness).relationships.len(), count + 1);

    // Removed from its line in the list, and brought back by undo.
    let remove = format!("Remove “Sub-group of {}”", other.1);
    harness.get_by_label(&remove).click_accesskit();
    harness.run_steps(3);
    assert_eq!(register(&harness).relationships.len(), count);
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run_steps(3);
    assert!(register(&harness).relationships.contains_key(&added.id));

    // Seen from the other side too (undo showed the relationship; back to the partnerships).
    harness
        .state_mut()
        .send(partnership_atlas::ui::Command::ShowPanel(
            partnership_atlas::ui::PanelKind::Partnerships,
        ));
    harness.run_steps(2);
    select(&mut harness, other.0);
    assert!(
        harness
            .query_by_label(&format!("Remove “Has {} as a sub-group”", this.1))
            .is_some()
    );
}

fn type_search(harness: &mut Harness<'_, AtlasApp>, text: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, "Find a partnership");
    field.scroll_to_me();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::TextInput, "Find a partnership")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(CTRL, Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::TextInput, "Find a partnership")
        .type_text(text);
    harness.run_steps(3);
}

#[test]
fn contributions_total_the_chosen_financial_year_not_every_year() {
    let (_folder, mut harness) = sample_app();
    show_panel(&mut harness, "Contributions");
    let register_now = register(&harness).clone();
    let latest = register_now.latest_contribution_year().expect("a year");
    let sum_in = |year: i32| -> i64 {
        register_now
            .contributions
            .values()
            .filter(|c| c.year == year)
            .map(|c| c.amount.pence)
            .sum()
    };
    let label = partnership_atlas::model::FinancialYear::starting(latest).label();
    let expected = partnership_atlas::model::Money {
        pence: sum_in(latest),
    }
    .format_whole_pounds();
    assert!(
        harness
            .query_by_label_contains(&format!("Total {label}: {expected}"))
            .is_some(),
        "the newest year's total, {expected}"
    );
    let years: std::collections::BTreeSet<i32> = register_now
        .contributions
        .values()
        .map(|c| c.year)
        .collect();
    assert!(years.len() >= 2, "the sample has several years");
    assert!(harness.query_by_label_contains("Totals by year").is_none());

    // All years: one total per year, never one sum of them all.
    harness
        .get_by_role_and_label(Role::ComboBox, "Financial year")
        .click();
    harness.run_steps(2);
    harness.get_by_label("All years").click();
    harness.run_steps(3);
    assert!(harness.query_by_label_contains("Totals by year").is_some());
    let all = partnership_atlas::model::Money {
        pence: years.iter().map(|&y| sum_in(y)).sum(),
    }
    .format_whole_pounds();
    assert!(harness.query_by_label_contains(&all).is_none() || years.len() < 2);
}

#[test]
fn tab_moves_between_cells_without_editing_and_enter_edits_the_cell_reached() {
    let (_folder, mut harness) = sample_app();
    show_panel(&mut harness, "Organisations");
    let first = harness
        .state()
        .ui_state()
        .tables
        .organisations
        .rows()
        .visible_key(0)
        .expect("a row");
    let name = register(&harness).organisations[&first].name.clone();
    harness
        .query_all_by_role_and_label(Role::Button, &name)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the name cell")
        .click();
    harness.run_steps(2);
    let cursor = |harness: &Harness<'_, AtlasApp>| {
        harness
            .state()
            .ui_state()
            .tables
            .organisations
            .cursor()
            .expect("a current cell")
    };
    assert_eq!(cursor(&harness), (first, 0));
    harness.key_press(Key::Tab);
    harness.run_steps(2);
    assert_eq!(cursor(&harness), (first, 1), "Tab moves right");
    assert!(
        !harness.state().ui_state().tables.organisations.is_editing(),
        "without editing"
    );
    harness.key_press(Key::Tab);
    harness.run_steps(2);
    assert_eq!(cursor(&harness).1, 2);
    harness.key_press_modifiers(
        Modifiers {
            shift: true,
            ..Modifiers::NONE
        },
        Key::Tab,
    );
    harness.run_steps(2);
    assert_eq!(cursor(&harness), (first, 1), "Shift+Tab moves back");
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert!(
        harness.state().ui_state().tables.organisations.is_editing(),
        "Enter edits the cell reached"
    );
}

#[test]
fn ctrl_click_on_the_current_partnership_deselects_it() {
    let (_folder, mut harness) = sample_app();
    let first = harness
        .state()
        .ui_state()
        .partnerships
        .table
        .rows()
        .visible_key(0)
        .expect("a row");
    let name = register(&harness).partnerships[&first].name.clone();
    harness
        .query_all_by_role_and_label(Role::Button, &name)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the name cell")
        .click();
    harness.run_steps(3);
    assert_eq!(harness.state().ui_state().current_partnership, Some(first));
    harness
        .query_all_by_role_and_label(Role::Button, &name)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the name cell")
        .click_modifiers(CTRL);
    harness.run_steps(3);
    assert_eq!(harness.state().ui_state().current_partnership, None);
    assert!(
        harness
            .state()
            .ui_state()
            .partnerships
            .table
            .selected()
            .is_empty()
    );
}

#[test]
fn a_sub_group_is_added_from_its_parent_s_form() {
    let (_folder, mut harness) = sample_app();
    let (parent, child) = {
        let register = register(&harness);
        let child = register
            .partnerships
            .values()
            .find(|p| {
                !register
                    .relationships
                    .values()
                    .any(|r| r.from == p.id || r.to == p.id)
                    && !register
                        .partnerships
                        .values()
                        .any(|q| q.id != p.id && q.name.contains(&p.name))
            })
            .expect("a partnership with no relationships")
            .clone();
        let parent = register
            .partnerships
            .values()
            .find(|p| p.id != child.id)
            .expect("another")
            .id;
        (parent, child)
    };
    select(&mut harness, parent);
    harness
        .get_by_role_and_label(Role::ComboBox, "Relationship type")
        .click_accesskit();
    harness.run_steps(2);
    harness.get_by_label("Has as a sub-group").click();
    harness.run_steps(2);
    type_search(&mut harness, &child.name);
    harness
        .query_all_by_label(&child.name)
        .max_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the picker lists it")
        .click_accesskit();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::Button, "Add relationship")
        .click_accesskit();
    harness.run_steps(3);
    assert!(
        register(&harness)
            .relationships
            .values()
            .any(|r| r.from == child.id
                && r.to == parent
                && r.kind == partnership_atlas::model::RelationshipKind::SubGroupOf),
        "the picked partnership is the sub-group"
    );
}

#[test]
fn the_delete_confirmation_names_the_row_and_undo_says_what_comes_back() {
    let (_folder, mut harness) = sample_app();
    let id = add_partnership(&mut harness, "Kestleigh Area Board");
    harness
        .get_by_role_and_label(Role::Button, "Delete...")
        .click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("Delete Kestleigh Area Board? Ctrl+Z brings it back.")
            .is_some(),
        "the confirmation names the row"
    );
    harness
        .get_by_role_and_label(Role::Button, "Delete")
        .click();
    harness.run_steps(3);
    assert!(!register(&harness).partnerships.contains_key(&id));
    assert_eq!(
        harness.state().document().expect("open").undo_description(),
        Some("Delete Kestleigh Area Board".to_string()),
        "the Edit menu's Undo names the row"
    );
    harness.key_press_modifiers(CTRL, Key::Z);
    harness.run_steps(3);
    assert!(register(&harness).partnerships.contains_key(&id));
    assert!(
        harness
            .query_by_label_contains("Undo: Delete Kestleigh Area Board")
            .is_some(),
        "the status bar says what was undone, not its inverse"
    );
}

/// Clicks the name cell of partnership `id` in the table, with `modifiers`.
fn click_name_cell(harness: &mut Harness<'_, AtlasApp>, id: PartnershipId, modifiers: Modifiers) {
    let name = register(harness).partnerships[&id].name.clone();
    harness
        .query_all_by_role_and_label(Role::Button, &name)
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the name cell")
        .click_modifiers(modifiers);
    harness.run_steps(3);
}

#[test]
fn the_total_counts_the_selected_rows_and_names_them() {
    let (_folder, mut harness) = sample_app();
    let rows = harness.state().ui_state().partnerships.table.rows();
    let (first, second) = (
        rows.visible_key(0).expect("a row"),
        rows.visible_key(1).expect("another"),
    );
    click_name_cell(&mut harness, first, Modifiers::NONE);
    click_name_cell(&mut harness, second, CTRL);
    let register = register(&harness);
    let year = register.latest_contribution_year().expect("a year");
    let hours = register.hours_per_month(first) + register.hours_per_month(second);
    let money =
        register.contribution_in_year(first, year) + register.contribution_in_year(second, year);
    let expected = format!(
        "TOTAL {} hours, {} in {} (the 2 selected rows: {} and {})",
        hours,
        money.format_whole_pounds(),
        partnership_atlas::model::FinancialYear::starting(year),
        register.partnerships[&first].name,
        register.partnerships[&second].name,
    );
    assert!(
        harness.query_by_label(&expected).is_some(),
        "the total is the selection's: {expected}"
    );
    // One row selected (the current partnership): the total is every row's again.
    click_name_cell(&mut harness, first, Modifiers::NONE);
    assert!(harness.query_by_label_contains("(all rows)").is_some());
}

#[test]
fn pasted_hours_are_checked_and_a_bad_cell_is_refused_with_apply_disabled() {
    let (_folder, mut harness) = sample_app();
    let before = register(&harness).partnerships.len();
    harness.event(egui::Event::Paste(
        "Name\tHours a month\tKind\r\nOlder People's Forum\tfive\tOutside body\r\n=HYPERLINK(\"http://x\")\t\tOutside body\r\n"
            .to_string(),
    ));
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains("Preview: 1 new, 1 invalid")
            .is_some(),
        "the preview counts rows"
    );
    assert!(
        harness.query_by_label("five").is_some(),
        "every pasted cell is shown, the refused one too"
    );
    assert!(
        harness
            .query_by_label_contains("Hours a month: \"five\" is not a number of hours")
            .is_some(),
        "the refused cell's reason is shown"
    );
    assert!(
        harness
            .query_by_label_contains("Starts as a spreadsheet formula would")
            .is_some(),
        "a formula-like name is kept but flagged"
    );
    harness.get_by_role_and_label(Role::Button, "Apply").click();
    harness.run_steps(3);
    assert_eq!(
        register(&harness).partnerships.len(),
        before,
        "Apply is disabled"
    );
}

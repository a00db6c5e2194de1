//! The partnership detail form's fields, its relationships, and totals per financial year.

use chrono::NaiveDate;

use super::specs::{FormGroup, partnership_form};
use super::*;
use crate::model::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("date")
}

fn register() -> Register {
    let mut register = Register::new("Test District Council");
    for (id, name, short) in [
        (1, "Harborough Partnership Board", "LSP"),
        (2, "Community Safety Partnership", "CSP"),
        (3, "Youth Forum", ""),
    ] {
        register
            .apply(&Edit::insert(Partnership {
                id: PartnershipId(id),
                name: name.to_string(),
                short_name: short.to_string(),
                ..Partnership::default()
            }))
            .expect("partnership");
    }
    // 2025/26 and 2026/27 money, as the seed's group: £538,000 this year.
    for (id, partnership, year, pounds) in [
        (1, 1, 2025, 30_000),
        (2, 2, 2025, 480_000),
        (3, 1, 2026, 38_000),
        (4, 2, 2026, 500_000),
    ] {
        register
            .apply(&Edit::insert(Contribution {
                id: ContributionId(id),
                partnership: PartnershipId(partnership),
                year,
                amount: Money::from_pounds(pounds),
                ..Contribution::default()
            }))
            .expect("contribution");
    }
    register
}

/// The form's edit for typing `text` into the field `id` of partnership 1.
fn form_edit(register: &Register, id: &str, text: &str) -> Result<Option<Edit>, InvalidValue> {
    let form = partnership_form();
    let field = form.field(id).expect("a field");
    let lookup = Lookup::new(register, today());
    form.spec
        .edit_cell(&lookup, PartnershipId(1), field.column, text)
}

// ---- The form ----

#[test]
fn the_form_has_every_field_of_a_partnership_once_with_a_distinct_label() {
    let form = partnership_form();
    let fields: Vec<&str> = form.spec.columns.iter().map(|c| c.id).collect();
    // Every field of the model but its id, found by what the form writes.
    let default = Partnership::default();
    let json = serde_json::to_value(&default).expect("json");
    let model_fields: Vec<String> = json
        .as_object()
        .expect("an object")
        .keys()
        .filter(|k| *k != "id")
        .cloned()
        .collect();
    let mut written: Vec<String> = Vec::new();
    for (index, column) in form.spec.columns.iter().enumerate() {
        let mut changed = Partnership {
            name: "Board".into(),
            ..Partnership::default()
        };
        let lookup_register = register();
        let lookup = Lookup::new(&lookup_register, today());
        let shown = column.cell(&lookup, &changed).text;
        let sample = match column.editor {
            EditorKind::Date => "2026-04-01",
            EditorKind::Money => "£12.50",
            EditorKind::Bool => "Yes",
            EditorKind::Link { .. } => "",
            EditorKind::Choice { ref options, .. } => options
                .iter()
                .copied()
                .find(|o| *o != shown)
                .expect("another choice"),
            _ => "Some words",
        };
        column.set(&lookup, &mut changed, sample).expect("accepted");
        let before = serde_json::to_value(Partnership {
            name: "Board".into(),
            ..Partnership::default()
        })
        .expect("json");
        let after = serde_json::to_value(&changed).expect("json");
        for key in model_fields.iter() {
            if before[key] != after[key] {
                written.push(key.clone());
            }
        }
        assert!(index < form.fields.len());
    }
    written.push("name".into()); // set to the same name above
    written.push("responsible_officer".into()); // links: checked below
    written.push("accountable_body".into());
    for field in &model_fields {
        assert!(
            written.contains(field),
            "the form edits every field: {field} is missing"
        );
    }
    let mut labels: Vec<&str> = form.spec.columns.iter().map(|c| c.header).collect();
    labels.sort_unstable();
    let count = labels.len();
    labels.dedup();
    assert_eq!(labels.len(), count, "labels are distinct");
    assert!(fields.contains(&"responsible_officer") && fields.contains(&"accountable_body"));
    for group in FormGroup::ALL {
        assert!(form.fields_in(group).count() > 0, "{group:?} has fields");
    }
}

#[test]
fn form_fields_are_checked_before_anything_is_written() {
    let mut register = register();
    assert!(
        form_edit(&register, "total_budget", "£12.345")
            .expect_err("three decimals")
            .0
            .contains("two decimal places")
    );
    let edit = form_edit(&register, "total_budget", "£120,000").expect("valid");
    register.apply(&edit.expect("a change")).expect("applies");
    assert_eq!(
        register.partnerships[&PartnershipId(1)].total_budget,
        Some(Money::from_pounds(120_000))
    );
    // Empty clears it.
    let edit = form_edit(&register, "total_budget", "").expect("valid");
    register.apply(&edit.expect("a change")).expect("applies");
    assert_eq!(register.partnerships[&PartnershipId(1)].total_budget, None);

    assert!(form_edit(&register, "date_joined", "31/02/2020").is_err());
    let edit = form_edit(&register, "date_joined", "01/04/2020").expect("a date");
    register.apply(&edit.expect("a change")).expect("applies");
    let refused = form_edit(&register, "date_left", "2019-01-01").expect_err("left first");
    assert!(refused.0.contains("before it was joined"), "{}", refused.0);

    let edit = form_edit(&register, "risk_register", "Yes").expect("yes");
    register.apply(&edit.expect("a change")).expect("applies");
    assert!(register.partnerships[&PartnershipId(1)].risk_register);
    assert_eq!(form_edit(&register, "risk_register", "Yes"), Ok(None));

    let edit = form_edit(
        &register,
        "aliases",
        " LSP ;Local Strategic  Partnership; lsp;",
    )
    .expect("a list");
    register.apply(&edit.expect("a change")).expect("applies");
    assert_eq!(
        register.partnerships[&PartnershipId(1)].aliases,
        vec!["LSP".to_string(), "Local Strategic Partnership".to_string()]
    );
    assert!(form_edit(&register, "name", "  ").is_err());
    assert!(form_edit(&register, "kind", "Quango").is_err());
}

// ---- Relationships ----

#[test]
fn a_line_of_accountability_that_would_close_a_loop_is_refused() {
    let mut register = register();
    let (board, csp, youth) = (PartnershipId(1), PartnershipId(2), PartnershipId(3));
    for (from, to) in [(csp, board), (youth, csp)] {
        let edit = add_relationship(&register, from, RelationshipKind::SubGroupOf, to);
        register.apply(&edit.expect("add")).expect("applies");
    }
    assert!(register.is_above(board, youth));
    assert!(!register.is_above(youth, board));
    // The board cannot report to the youth forum two levels below it, nor be its sub-group.
    for kind in [RelationshipKind::ReportsTo, RelationshipKind::SubGroupOf] {
        let refused = add_relationship(&register, board, kind, youth).expect_err("a loop");
        assert!(refused.0.contains("loop"), "{}", refused.0);
    }
    // Advice and commissioning are not lines of accountability: either way is allowed.
    add_relationship(&register, board, RelationshipKind::Advises, youth).expect("advice");
    add_relationship(&register, board, RelationshipKind::Commissions, youth).expect("commission");
}

#[test]
fn relationships_are_added_listed_both_ways_and_removed_as_one_edit_each() {
    let mut register = register();
    let board = PartnershipId(1);
    let csp = PartnershipId(2);
    let edit = add_relationship(&register, csp, RelationshipKind::SubGroupOf, board).expect("add");
    assert_eq!(
        edit.describe(),
        "Community Safety Partnership added as a sub-group of Harborough Partnership Board",
        "the status bar and the undo menu name both partnerships"
    );
    register.apply(&edit).expect("applies");
    let from_csp = relationships_of(&register, csp);
    assert_eq!(from_csp.len(), 1);
    assert_eq!(from_csp[0].direction, Direction::Outgoing);
    assert_eq!(
        from_csp[0].text,
        "Sub-group of Harborough Partnership Board"
    );
    let from_board = relationships_of(&register, board);
    assert_eq!(from_board[0].direction, Direction::Incoming);
    assert_eq!(
        from_board[0].text,
        "Has Community Safety Partnership as a sub-group"
    );

    let twice = add_relationship(&register, csp, RelationshipKind::SubGroupOf, board)
        .expect_err("a duplicate");
    assert!(twice.0.contains("already recorded"), "{}", twice.0);
    let itself = add_relationship(&register, csp, RelationshipKind::ReportsTo, csp)
        .expect_err("a self-link");
    assert!(itself.0.contains("itself"));
    // Another type between the same two is a different line.
    add_relationship(&register, csp, RelationshipKind::ReportsTo, board).expect("another type");

    let remove = remove_relationship(&register, from_csp[0].id).expect("remove");
    assert_eq!(
        remove.describe(),
        "Community Safety Partnership removed as a sub-group of Harborough Partnership Board"
    );
    let inverse = remove.inverse();
    register.apply(&remove).expect("applies");
    assert!(relationships_of(&register, csp).is_empty());
    register.apply(&inverse).expect("undo");
    assert_eq!(relationships_of(&register, csp).len(), 1);
}

#[test]
fn the_picker_finds_partnerships_by_any_words_of_name_or_short_name() {
    let register = register();
    let found = matching_partnerships(&register, "csp", PartnershipId(1));
    assert_eq!(
        found,
        vec![(PartnershipId(2), "Community Safety Partnership".to_string())]
    );
    let found = matching_partnerships(&register, "PARTNERSHIP", PartnershipId(1));
    assert_eq!(found.len(), 1, "the partnership itself is left out");
    assert_eq!(
        matching_partnerships(&register, "", PartnershipId(3)).len(),
        2
    );
}

// ---- Totals per financial year ----

fn contribution_rows(
    register: &Register,
    filter: &str,
    year: YearScope,
) -> TableRows<ContributionId> {
    let spec = specs::contributions();
    let shown: Vec<bool> = spec.columns.iter().map(|c| !c.hidden_by_default).collect();
    let mut rows = TableRows::default();
    rows.refresh(
        &spec,
        register,
        today(),
        1,
        filter,
        None,
        &shown,
        RowScope {
            partnership: None,
            year,
        },
    );
    rows
}

#[test]
fn contributions_are_totalled_per_financial_year_never_across_years() {
    let register = register();
    let spec = specs::contributions();
    let latest = contribution_rows(&register, "", YearScope::Latest);
    assert_eq!(latest.visible_len(), 2, "the newest year's rows");
    assert_eq!(latest.years(), vec![2026, 2025]);
    assert_eq!(latest.year_shown(), Some(2026));
    assert_eq!(
        year_totals_summary(&spec, &latest.totals_by_year(&spec)).as_deref(),
        Some("Total 2026/27: £538,000")
    );

    let all = contribution_rows(&register, "", YearScope::All);
    assert_eq!(all.visible_len(), 4);
    assert_eq!(
        year_totals_summary(&spec, &all.totals_by_year(&spec)).as_deref(),
        Some("Totals by year: 2026/27 £538,000; 2025/26 £510,000")
    );

    let earlier = contribution_rows(&register, "safety", YearScope::Year(2025));
    assert_eq!(
        year_totals_summary(&spec, &earlier.totals_by_year(&spec)).as_deref(),
        Some("Total 2025/26: £480,000"),
        "filtered rows only"
    );
    let none = contribution_rows(&register, "nothing matches", YearScope::Latest);
    assert_eq!(
        year_totals_summary(&spec, &none.totals_by_year(&spec)),
        None
    );
    assert_eq!(
        crate::model::FinancialYear::starting(2099).label(),
        "2099/00"
    );
}

#[test]
fn financial_years_are_typed_by_their_first_year_or_in_full() {
    use super::column::parse_financial_year;
    assert_eq!(parse_financial_year("2026"), Ok(2026));
    assert_eq!(parse_financial_year(" 2026/27 "), Ok(2026));
    assert_eq!(parse_financial_year("2026-2027"), Ok(2026));
    assert_eq!(parse_financial_year("2099/00"), Ok(2099));
    assert!(parse_financial_year("2026/28").is_err());
    assert!(parse_financial_year("26/27").is_err());
    assert!(parse_financial_year("twenty").is_err());
    assert!(parse_financial_year("3024").is_err());
}

#[test]
fn the_partnerships_table_offers_every_form_field_as_a_column() {
    let table = specs::partnerships();
    let form = partnership_form();
    for column in &form.spec.columns {
        assert!(
            table.column_index(column.id).is_some(),
            "{} is a column of the table",
            column.id
        );
    }
    // The main columns stay first, and the status column is still where "change status" acts.
    assert_eq!(table.columns[0].id, "name");
    assert_eq!(
        table.status_column.map(|c| table.columns[c].id),
        Some("status")
    );
    let budget = table.column_index("total_budget").expect("budget");
    assert!(table.columns[budget].hidden_by_default);
}

#[test]
fn hidden_columns_are_not_worked_out_nor_totalled() {
    let register = register();
    let spec = specs::partnerships();
    let mut shown: Vec<bool> = spec.columns.iter().map(|c| !c.hidden_by_default).collect();
    let short = spec.column_index("short_name").expect("short name");
    let money = spec.column_index("contribution").expect("money");
    shown[money] = false;
    let mut rows: TableRows<PartnershipId> = TableRows::default();
    rows.refresh(
        &spec,
        &register,
        today(),
        1,
        "",
        None,
        &shown,
        RowScope::default(),
    );
    assert_eq!(
        rows.visible_cells(0).expect("a row")[short].text,
        "",
        "hidden: not built"
    );
    assert_eq!(
        totals_summary(&spec, &rows.totals(&spec)).as_deref(),
        Some("TOTAL 0 hours"),
        "a hidden column has no total"
    );
    shown[short] = true;
    rows.refresh(
        &spec,
        &register,
        today(),
        1,
        "",
        None,
        &shown,
        RowScope::default(),
    );
    assert_eq!(
        rows.visible_cells(0).expect("a row")[short].text,
        "LSP",
        "shown: built again"
    );
}

#[test]
fn a_spreadsheet_heading_finds_its_partnership_field_by_any_of_its_names() {
    let table = specs::partnerships();
    let column_of = |heading: &str| {
        table
            .column_for_heading(heading)
            .map(|c| table.columns[c].id)
    };
    assert_eq!(column_of("Structural level"), Some("level"));
    assert_eq!(column_of("level"), Some("level"), "the id");
    assert_eq!(
        column_of(" LEVEL "),
        Some("level"),
        "another name, any case"
    );
    assert_eq!(column_of("Lead officer"), Some("responsible_officer"));
    assert_eq!(column_of("Comments"), Some("notes"));
    assert_eq!(column_of("Favourite colour"), None);
}

#[test]
fn no_two_partnership_fields_answer_to_the_same_heading() {
    let fields = specs::partnership_fields();
    for field in &fields {
        let column = &field.column;
        let names = [column.header, column.id]
            .into_iter()
            .chain(column.also_called.iter().copied());
        for name in names {
            let answering: Vec<_> = fields
                .iter()
                .filter(|other| other.column.answers_to(name))
                .map(|other| other.column.id)
                .collect();
            assert_eq!(answering, [column.id], "{name:?} names one field");
        }
    }
}

#[test]
fn the_table_and_the_form_read_the_same_fields() {
    let table = specs::partnerships();
    let form = partnership_form();
    assert_eq!(form.spec.columns.len(), specs::partnership_fields().len());
    for column in &form.spec.columns {
        let index = table.column_index(column.id).expect("in the table");
        assert_eq!(table.columns[index].header, column.header, "one heading");
    }
}

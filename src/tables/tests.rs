//! The tables without a window: validators, edits, totals, filter, TSV and the paste preview.

use chrono::NaiveDate;

use super::specs;
use super::*;
use crate::model::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 22).expect("date")
}

fn register() -> Register {
    let mut register = Register::new("Test District Council");
    for (id, name) in [
        (1, "Community Safety Partnership"),
        (2, "Health and Wellbeing Board"),
    ] {
        register
            .apply(&Edit::insert(Partnership {
                id: PartnershipId(id),
                name: name.to_string(),
                ..Partnership::default()
            }))
            .expect("partnership");
    }
    register
        .apply(&Edit::insert(Person {
            id: PersonId(1),
            name: "Ann Hawkins".into(),
            ..Person::default()
        }))
        .expect("person");
    for (id, partnership, tenths) in [(1, 1, 40), (2, 2, 640)] {
        register
            .apply(&Edit::insert(Representation {
                id: RepresentationId(id),
                person: PersonId(1),
                partnership: PartnershipId(partnership),
                hours_per_month: Hours { tenths },
                ..Representation::default()
            }))
            .expect("representation");
    }
    for (id, partnership, pounds) in [(1, 1, 38_000), (2, 2, 500_000)] {
        register
            .apply(&Edit::insert(Contribution {
                id: ContributionId(id),
                partnership: PartnershipId(partnership),
                year: 2025,
                amount: Money::from_pounds(pounds),
                ..Contribution::default()
            }))
            .expect("contribution");
    }
    register
}

fn apply(register: &mut Register, edit: Option<Edit>) {
    register.apply(&edit.expect("an edit")).expect("applies");
}

// ---- TSV ----

#[test]
fn tsv_reads_plain_rows_and_drops_the_trailing_empty_line() {
    assert_eq!(
        parse_tsv("a\tb\nc\td\n"),
        vec![vec!["a", "b"], vec!["c", "d"]]
    );
}

#[test]
fn tsv_reads_windows_line_endings_and_a_byte_order_mark() {
    assert_eq!(
        parse_tsv("\u{feff}Name\tAmount\r\nCSP\t£1,250.00\r\n\r\n"),
        vec![vec!["Name", "Amount"], vec!["CSP", "£1,250.00"]]
    );
}

#[test]
fn tsv_reads_quoted_fields_with_tabs_newlines_and_quotes_inside() {
    let text = "\"Board, \"\"the LSP\"\"\"\t\"line one\r\nline two\"\t\"a\tb\"\r\nx\t\ty\r\n";
    assert_eq!(
        parse_tsv(text),
        vec![
            vec!["Board, \"the LSP\"", "line one\nline two", "a\tb"],
            vec!["x", "", "y"],
        ]
    );
}

#[test]
fn tsv_keeps_empty_cells_and_a_last_line_without_a_break() {
    assert_eq!(
        parse_tsv("a\t\t\nb\tc"),
        vec![vec!["a", "", ""], vec!["b", "c"]]
    );
    assert!(parse_tsv("").is_empty());
    assert!(parse_tsv("\r\n\r\n").is_empty());
}

#[test]
fn tsv_written_reads_back_the_same_and_formulas_are_neutralised() {
    let rows = vec![
        vec!["Name".to_string(), "Notes".to_string()],
        vec![
            "A \"quoted\" name".to_string(),
            "two\nlines\tand a tab".to_string(),
        ],
        vec!["=SUM(A1)".to_string(), "-£20.00".to_string()],
    ];
    let text = write_tsv(&rows);
    assert!(text.ends_with("\r\n"));
    assert!(
        text.contains("'=SUM(A1)"),
        "a formula is not run by Excel: {text}"
    );
    assert_eq!(parse_tsv(&text), rows);
}

// ---- Validators, one edit per typed value ----

fn edit_text(
    register: &Register,
    spec_col: &str,
    key: ContributionId,
    text: &str,
) -> Result<Option<Edit>, InvalidValue> {
    let spec = specs::contributions();
    let lookup = Lookup::new(register, today());
    let col = spec.column_index(spec_col).expect("column");
    spec.edit_cell(&lookup, key, col, text)
}

#[test]
fn money_is_typed_in_pounds_and_pence_and_stored_in_pence() {
    let mut register = register();
    let edit = edit_text(&register, "amount", ContributionId(1), "£12,345.67").expect("valid");
    apply(&mut register, edit);
    assert_eq!(
        register.contributions[&ContributionId(1)].amount.pence,
        1_234_567
    );
    let refused =
        edit_text(&register, "amount", ContributionId(1), "12.345").expect_err("three places");
    assert!(
        refused.0.contains("more than two decimal places"),
        "{refused}"
    );
    assert!(edit_text(&register, "amount", ContributionId(1), "lots").is_err());
    assert_eq!(
        edit_text(&register, "amount", ContributionId(1), "12345.67").expect("same"),
        None,
        "the same amount typed again is no change"
    );
}

#[test]
fn years_choices_and_links_are_checked() {
    let register = register();
    assert!(
        edit_text(&register, "year", ContributionId(1), "2024")
            .expect("ok")
            .is_some()
    );
    assert!(edit_text(&register, "year", ContributionId(1), "twenty").is_err());
    assert!(edit_text(&register, "year", ContributionId(1), "3024").is_err());
    assert!(edit_text(&register, "kind", ContributionId(1), "in-kind").is_err());
    assert!(edit_text(&register, "kind", ContributionId(1), "Grant").is_ok());
    let moved = edit_text(
        &register,
        "partnership",
        ContributionId(1),
        "health and WELLBEING board",
    )
    .expect("names match ignoring case")
    .expect("a change");
    assert!(matches!(moved.leaves()[..], [Edit::Update { .. }]));
    let missing = edit_text(&register, "partnership", ContributionId(1), "Nowhere Board")
        .expect_err("no such");
    assert!(missing.0.contains("no partnership called"), "{missing}");
    assert!(
        edit_text(&register, "partnership", ContributionId(1), "").is_err(),
        "required link"
    );
    assert!(
        edit_text(&register, "partnership", ContributionId(1), "#2")
            .expect("by id")
            .is_some()
    );
}

#[test]
fn hours_dates_and_yes_no_are_checked() {
    let register = register();
    let spec = specs::representations();
    let lookup = Lookup::new(&register, today());
    let hours = spec.column_index("hours").expect("hours");
    assert!(
        spec.edit_cell(&lookup, RepresentationId(1), hours, "12.5")
            .expect("ok")
            .is_some()
    );
    let negative = spec
        .edit_cell(&lookup, RepresentationId(1), hours, "-2")
        .expect_err("negative");
    assert_eq!(negative.0, "Hours cannot be negative");
    assert!(
        spec.edit_cell(&lookup, RepresentationId(1), hours, "1.25")
            .is_err()
    );
    let start = spec.column_index("term_start").expect("start");
    let end = spec.column_index("term_end").expect("end");
    assert!(
        spec.edit_cell(&lookup, RepresentationId(1), start, "22/03/2026")
            .expect("uk")
            .is_some()
    );
    assert!(
        spec.edit_cell(&lookup, RepresentationId(1), start, "31/02/2026")
            .is_err()
    );
    assert_eq!(
        spec.edit_cell(&lookup, RepresentationId(1), end, "")
            .expect("empty clears"),
        None
    );

    let memberships = specs::memberships();
    let voting = memberships.column_index("voting").expect("voting");
    assert!(super::column::parse_bool("Yes").expect("yes"));
    assert!(!super::column::parse_bool("n").expect("no"));
    assert!(super::column::parse_bool("perhaps").is_err());
    assert_eq!(memberships.columns[voting].editor, EditorKind::Bool);
}

#[test]
fn a_term_ending_before_it_starts_is_refused_by_the_record_rules() {
    let mut register = register();
    let spec = specs::representations();
    let start = spec.column_index("term_start").expect("start");
    let end = spec.column_index("term_end").expect("end");
    let edit = spec
        .edit_cell(
            &Lookup::new(&register, today()),
            RepresentationId(1),
            start,
            "2026-04-01",
        )
        .expect("ok");
    apply(&mut register, edit);
    let refused = spec
        .edit_cell(
            &Lookup::new(&register, today()),
            RepresentationId(1),
            end,
            "2026-01-01",
        )
        .expect_err("before start");
    assert!(refused.0.contains("cannot end"), "{refused}");
}

#[test]
fn organisation_identifiers_are_checked_against_their_scheme() {
    let mut register = register();
    let spec = specs::organisations();
    let (key, edit) = spec.new_row(&register, None).expect("new");
    register.apply(&edit).expect("insert");
    let id_col = spec.column_index("org_id").expect("id");
    let scheme_col = spec.column_index("org_id_scheme").expect("scheme");
    let lookup = Lookup::new(&register, today());
    let no_scheme = spec
        .edit_cell(&lookup, key, id_col, "09506232")
        .expect_err("scheme first");
    assert!(no_scheme.0.contains("scheme first"));
    let edit = spec
        .edit_cell(&lookup, key, scheme_col, "GB-COH")
        .expect("scheme");
    apply(&mut register, edit);
    let lookup = Lookup::new(&register, today());
    let short = spec
        .edit_cell(&lookup, key, id_col, "12345")
        .expect_err("8 characters");
    assert!(short.0.contains("8 characters"), "{short}");
    let edit = spec
        .edit_cell(&lookup, key, id_col, " sc123456 ")
        .expect("ok");
    apply(&mut register, edit);
    assert_eq!(register.organisations[&key].org_id, "SC123456");
}

#[test]
fn names_are_tidied_and_never_empty() {
    let register = register();
    let spec = specs::partnerships();
    let lookup = Lookup::new(&register, today());
    let refused = spec
        .edit_cell(&lookup, PartnershipId(1), 0, "   ")
        .expect_err("empty");
    assert!(refused.0.contains("cannot be empty"));
    let renamed = spec
        .edit_cell(&lookup, PartnershipId(1), 0, "  Safer   Harborough ")
        .expect("ok")
        .expect("a change");
    let [Edit::Update { after, .. }] = renamed.leaves()[..] else {
        panic!("an update");
    };
    assert_eq!(after.title(), "partnership “Safer Harborough”");
    let hours = spec.column_index("hours").expect("hours");
    assert!(
        spec.edit_cell(&lookup, PartnershipId(1), hours, "4")
            .is_err(),
        "derived"
    );
}

// ---- Rows: new, duplicate, status, delete ----

#[test]
fn new_rows_duplicates_and_status_changes_are_one_edit_each() {
    let mut register = register();
    let spec = specs::partnerships();
    let (key, edit) = spec.new_row(&register, None).expect("new");
    register.apply(&edit).expect("insert");
    assert_eq!(register.partnerships[&key].name, "New partnership");
    let (_, edit) = spec.new_row(&register, None).expect("second");
    register.apply(&edit).expect("insert");
    assert!(
        register
            .partnerships
            .values()
            .any(|p| p.name == "New partnership 2")
    );

    let (copies, edit) = spec
        .duplicate(&register, &[PartnershipId(1), PartnershipId(2)])
        .expect("copies");
    assert!(
        matches!(edit, Edit::Batch { .. }),
        "two copies are one undo step"
    );
    register.apply(&edit).expect("copies apply");
    assert_eq!(copies.len(), 2);
    assert_eq!(
        register.partnerships[&copies[0]].name,
        "Community Safety Partnership (copy)"
    );

    let status = spec.status_column.expect("status");
    let lookup = Lookup::new(&register, today());
    let edit = spec
        .edit_cells(&lookup, &copies, status, "Removed from register")
        .expect("valid");
    apply(&mut register, edit);
    assert!(
        copies
            .iter()
            .all(|id| register.partnerships[id].status == PartnershipStatus::Removed)
    );
}

#[test]
fn a_row_in_use_cannot_be_deleted_and_says_why() {
    let mut register = register();
    let spec = specs::partnerships();
    let refusal = spec
        .delete(&register, &[PartnershipId(1)])
        .expect_err("in use");
    assert_eq!(
        refusal.0,
        "The partnership “Community Safety Partnership” cannot be deleted: it is used by \
         1 contribution and 1 representation. Mark it as removed instead, or remove those first"
    );
    let contributions = specs::contributions();
    let edit = contributions
        .delete(&register, &[ContributionId(1)])
        .expect("free");
    assert_eq!(
        edit.describe(),
        "Delete 2025/26 contribution of £38,000.00 to “Community Safety Partnership”",
        "rows without names are named by what they link"
    );
    register.apply(&edit).expect("deleted");
    assert!(!register.contributions.contains_key(&ContributionId(1)));
}

#[test]
fn new_rows_of_linked_tables_belong_to_the_current_partnership() {
    let register = register();
    let (_, edit) = specs::contributions()
        .new_row(&register, Some(PartnershipId(2)))
        .expect("new");
    assert_eq!(
        edit.describe(),
        "Add 2025/26 contribution of £0.00 to “Health and Wellbeing Board”",
        "named by what it links"
    );
    let [Edit::Insert(Record::Contribution(c))] = edit.leaves()[..] else {
        panic!("a contribution");
    };
    assert_eq!(c.partnership, PartnershipId(2));
    assert_eq!(c.year, 2025);
    let refused = specs::memberships()
        .new_row(&register, None)
        .expect_err("no organisation");
    assert_eq!(refused.0, "Add an organisation first");
}

#[test]
fn changing_a_tag_moves_it_as_one_step() {
    let mut register = register();
    for (id, name) in [(1, "Community safety"), (2, "Older people")] {
        register
            .apply(&Edit::insert(Theme {
                id: ThemeId(id),
                name: name.into(),
                ..Theme::default()
            }))
            .expect("theme");
    }
    let spec = specs::theme_tags();
    let (key, edit) = spec
        .new_row(&register, Some(PartnershipId(1)))
        .expect("tag");
    register.apply(&edit).expect("insert");
    let edit = spec
        .edit_cell(&Lookup::new(&register, today()), key, 0, "Older people")
        .expect("valid")
        .expect("a change");
    assert!(matches!(edit, Edit::Batch { .. }));
    register.apply(&edit).expect("moves");
    assert!(
        register
            .theme_tags
            .contains_key(&(PartnershipId(1), ThemeId(2)))
    );
    assert!(!register.theme_tags.contains_key(&key));
}

// ---- Filter, sort, totals ----

fn rows_for(
    register: &Register,
    filter: &str,
    sort: Option<SortOrder>,
) -> TableRows<PartnershipId> {
    let spec = specs::partnerships();
    let shown: Vec<bool> = spec.columns.iter().map(|c| !c.hidden_by_default).collect();
    let mut rows = TableRows::default();
    rows.refresh(
        &spec,
        register,
        today(),
        1,
        filter,
        sort,
        &shown,
        RowScope::default(),
    );
    rows
}

#[test]
fn totals_add_up_the_filtered_rows_like_the_seed() {
    let register = register();
    let spec = specs::partnerships();
    let rows = rows_for(&register, "", None);
    let totals = rows.totals(&spec);
    assert_eq!(
        totals_summary(&spec, &totals).as_deref(),
        Some("TOTAL 68 hours, £538,000")
    );
    let rows = rows_for(&register, "health", None);
    assert_eq!(rows.visible_len(), 1);
    assert_eq!(
        totals_summary(&spec, &rows.totals(&spec)).as_deref(),
        Some("TOTAL 64 hours, £500,000")
    );
}

#[test]
fn the_selection_totals_only_its_visible_rows() {
    use std::collections::BTreeSet;
    let register = register();
    let spec = specs::partnerships();
    let rows = rows_for(&register, "health", None);
    let health = rows.visible_key(0).expect("the health row");
    let others: BTreeSet<PartnershipId> = register
        .partnerships
        .keys()
        .copied()
        .filter(|id| *id != health)
        .collect();
    assert!(
        rows.visible_selected(&others).is_empty(),
        "rows the filter hides are not counted"
    );
    let all = rows_for(&register, "", None);
    let both = BTreeSet::from([health, *others.first().expect("another")]);
    let everything: BTreeSet<PartnershipId> = register.partnerships.keys().copied().collect();
    assert_eq!(all.visible_selected(&both).len(), 2);
    assert_eq!(
        totals_summary(&spec, &all.selected_totals(&spec, &everything)),
        totals_summary(&spec, &all.totals(&spec)),
        "selecting every row totals every row"
    );
    assert_eq!(
        totals_summary(
            &spec,
            &all.selected_totals(&spec, &BTreeSet::from([health]))
        )
        .as_deref(),
        Some("TOTAL 64 hours, £500,000")
    );
}

#[test]
fn rows_sort_by_numbers_as_numbers_and_filter_on_visible_text_only() {
    let mut register = register();
    register
        .apply(&Edit::insert(Partnership {
            id: PartnershipId(3),
            name: "Arts network".into(),
            short_name: "ARTS".into(),
            ..Partnership::default()
        }))
        .expect("third");
    let spec = specs::partnerships();
    let hours = spec.column_index("hours").expect("hours");
    let rows = rows_for(
        &register,
        "",
        Some(SortOrder {
            column: hours,
            ascending: false,
        }),
    );
    assert_eq!(
        rows.visible_key(0),
        Some(PartnershipId(2)),
        "64 hours before 4"
    );
    assert_eq!(rows.visible_key(2), Some(PartnershipId(3)));
    let rows = rows_for(
        &register,
        "",
        Some(SortOrder {
            column: 0,
            ascending: true,
        }),
    );
    assert_eq!(rows.visible_key(0), Some(PartnershipId(3)), "A first");
    assert_eq!(
        rows_for(&register, "£38,000 community", None).visible_len(),
        1
    );
    assert_eq!(
        rows_for(&register, "arts", None).visible_len(),
        1,
        "the name matches"
    );
    // The short name column is hidden, so its text is not searched.
    assert_eq!(rows_for(&register, "ARTS network", None).visible_len(), 1);
    assert_eq!(rows_for(&register, "zzz", None).visible_len(), 0);
}

#[test]
fn overdue_actions_are_flagged() {
    let mut register = register();
    for (id, due, status) in [
        (1, "2026-01-01", ActionStatus::NotStarted),
        (2, "2026-01-01", ActionStatus::Done),
        (3, "2026-12-01", ActionStatus::NotStarted),
    ] {
        register
            .apply(&Edit::insert(Action {
                id: ActionId(id),
                title: format!("Action {id}"),
                due: Some(parse_date(due).expect("date")),
                status,
                ..Action::default()
            }))
            .expect("action");
    }
    let spec = specs::actions();
    let mut rows = TableRows::default();
    let shown = vec![true; spec.columns.len()];
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
    let flagged: Vec<bool> = (0..3).map(|i| rows.visible_flagged(i)).collect();
    assert_eq!(flagged, [true, false, false]);
}

// ---- Copy and paste ----

#[test]
fn copied_rows_have_a_heading_line_and_paste_back_unchanged() {
    let register = register();
    let spec = specs::contributions();
    let lookup = Lookup::new(&register, today());
    let shown = vec![true; spec.columns.len()];
    let text = spec.copy_rows(&lookup, &[ContributionId(1), ContributionId(2)], &shown);
    assert!(
        text.starts_with("Id\tPartnership\tFinancial year\tType\tAmount\tNotes\r\n"),
        "{text}"
    );
    assert!(
        text.contains("1\tCommunity Safety Partnership\t2025/26\tRevenue contribution\t£38,000.00"),
        "{text}"
    );
    let preview = PastePreview::build(&spec, &lookup, &text, &shown, None);
    assert_eq!(preview.count(RowOutcome::Unchanged), 2);
    assert!(!preview.can_apply(), "nothing to change");
}

#[test]
fn a_paste_with_one_invalid_row_shows_every_reason_and_applies_nothing() {
    let mut register = register();
    let spec = specs::contributions();
    let shown = vec![true; spec.columns.len()];
    let pasted = "Partnership\tFinancial year\tAmount\r\n\
                  Community Safety Partnership\t2026\t£1,250.50\r\n\
                  Health and Wellbeing Board\t2026\t12.345\r\n\
                  Nowhere Board\tlast year\t£5\r\n";
    let preview = PastePreview::build(
        &spec,
        &Lookup::new(&register, today()),
        pasted,
        &shown,
        None,
    );
    assert_eq!(preview.count(RowOutcome::New), 1);
    assert_eq!(preview.count(RowOutcome::Invalid), 2);
    assert_eq!(preview.rows[1].errors.len(), 1);
    assert!(
        preview.rows[1].errors[0].starts_with("Amount: "),
        "{:?}",
        preview.rows[1]
    );
    assert_eq!(
        preview.rows[2].errors.len(),
        2,
        "every invalid cell: {:?}",
        preview.rows[2]
    );
    assert!(!preview.can_apply());
    assert_eq!(preview.batch(), None);

    let fixed = pasted.replace("12.345", "12.35").replace(
        "Nowhere Board\tlast year",
        "Health and Wellbeing Board\t2027",
    );
    let preview = PastePreview::build(
        &spec,
        &Lookup::new(&register, today()),
        &fixed,
        &shown,
        None,
    );
    assert_eq!(preview.summary(), "3 new");
    let before = register.clone();
    let batch = preview.batch().expect("applies");
    register.apply(&batch).expect("all rows go in");
    assert_eq!(register.contributions.len(), before.contributions.len() + 3);
    register.apply(&batch.inverse()).expect("one undo step");
    assert_eq!(register, before);
}

#[test]
fn pasted_rows_match_existing_ones_by_id_or_by_name() {
    let register = register();
    let spec = specs::partnerships();
    let shown: Vec<bool> = spec.columns.iter().map(|c| !c.hidden_by_default).collect();
    let pasted = "Id\tName\tStatus\n\
                  1\tSafer Harborough\tActive\n\
                  \thealth and wellbeing board\tDormant\n\
                  \tOlder People's Partnership\tProposed\n\
                  99\tGhost\tActive\n";
    let preview = PastePreview::build(
        &spec,
        &Lookup::new(&register, today()),
        pasted,
        &shown,
        None,
    );
    let outcomes: Vec<RowOutcome> = preview.rows.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        [
            RowOutcome::Changed,
            RowOutcome::Changed,
            RowOutcome::New,
            RowOutcome::Invalid
        ]
    );
    assert!(preview.rows[3].errors[0].contains("no partnership has id 99"));
}

#[test]
fn rows_without_headings_fill_the_shown_columns_in_order() {
    let register = register();
    let spec = specs::people();
    let shown: Vec<bool> = spec.columns.iter().map(|c| !c.hidden_by_default).collect();
    let preview = PastePreview::build(
        &spec,
        &Lookup::new(&register, today()),
        "Cllr Jane Pain\tCouncillor\tLeader\tjane@example.org\r\n",
        &shown,
        None,
    );
    assert!(!preview.had_headings);
    assert_eq!(preview.count(RowOutcome::New), 1);
    let Some(Edit::Batch { edits, .. }) = preview.batch() else {
        panic!("a batch");
    };
    let Edit::Insert(Record::Person(person)) = &edits[0] else {
        panic!("a person");
    };
    assert_eq!(person.kind, PersonKind::Councillor);
    assert_eq!(person.id, PersonId(2));
}

#[test]
fn the_same_row_pasted_twice_is_refused() {
    let register = register();
    let spec = specs::people();
    let shown = vec![true; spec.columns.len()];
    let preview = PastePreview::build(
        &spec,
        &Lookup::new(&register, today()),
        "Name\nBob Smith\nbob  smith\n",
        &shown,
        None,
    );
    assert_eq!(preview.count(RowOutcome::Invalid), 1);
    assert!(preview.rows[1].errors[0].contains("pasted twice"));
}

#[test]
fn deleting_a_placed_partnership_removes_its_diagram_places_in_the_same_step() {
    let mut register = register();
    let stand_alone = Partnership {
        id: PartnershipId(3),
        name: "Ashmere Vale Heritage Forum".into(),
        ..Partnership::default()
    };
    register
        .apply(&Edit::insert(stand_alone))
        .expect("partnership");
    register
        .apply(&Edit::insert(View {
            id: ViewId(10),
            name: "LSP structure".into(),
            ..View::default()
        }))
        .expect("view");
    register
        .apply(&Edit::insert(NodePosition {
            view: ViewId(10),
            node: NodeRef::Partnership(PartnershipId(3)),
            x: 10.0,
            y: 20.0,
            pinned: true,
        }))
        .expect("placed");
    let before = register.clone();
    let edit = specs::partnerships()
        .delete(&register, &[PartnershipId(3)])
        .expect("a placement is not a use");
    register.apply(&edit).expect("deleted");
    assert!(!register.partnerships.contains_key(&PartnershipId(3)));
    assert!(register.node_positions.is_empty(), "its place went with it");
    register.apply(&edit.inverse()).expect("undo in one step");
    assert_eq!(
        register, before,
        "undo brings back the partnership and its place"
    );
}

#[test]
fn the_relationships_table_and_paste_refuse_loops_but_allow_relabelling_and_reversing() {
    let mut register = register();
    let (csp, hwb) = (PartnershipId(1), PartnershipId(2));
    let spec = specs::relationships();
    // A new row from the CSP reports to the board; a second one has nothing left to report
    // to (only the board again) and says why.
    let (key, edit) = spec.new_row(&register, Some(csp)).expect("a new line");
    register.apply(&edit).expect("applies");
    let line = register.relationships[&key].clone();
    assert_eq!((line.from, line.to), (csp, hwb));
    let refused = spec
        .new_row(&register, Some(csp))
        .expect_err("nothing left");
    assert!(refused.0.contains("already recorded"), "{}", refused.0);

    // Typing the board into "Partnership" would make the board report to itself's sub-group.
    let lookup = Lookup::new(&register, today());
    let from = spec.column_index("from").expect("column");
    let to = spec.column_index("to").expect("column");
    let label = spec.column_index("label").expect("column");
    let itself = spec
        .edit_cell(&lookup, key, from, "Health and Wellbeing Board")
        .expect_err("a self-link");
    assert!(itself.0.contains("itself"), "{}", itself.0);
    let itself = spec
        .edit_cell(&lookup, key, to, "Community Safety Partnership")
        .expect_err("a self-link");
    assert!(itself.0.contains("itself"), "{}", itself.0);
    // A label is not a new line; reversing the line is allowed (the old one goes).
    assert!(
        spec.edit_cell(&lookup, key, label, "Annual report")
            .expect("label")
            .is_some()
    );
    let mut flipped = line.clone();
    (flipped.from, flipped.to) = (hwb, csp);
    let old: Record = line.clone().into();
    assert_eq!(
        register.record_refusal(Some(&old), &flipped.clone().into()),
        None
    );
    assert!(
        register.record_refusal(None, &flipped.into()).is_some(),
        "beside the old: a loop"
    );

    // Pasting the board as reporting to the CSP closes a loop: shown, nothing applied.
    let shown = vec![true; spec.columns.len()];
    let pasted = "Partnership\tRelationship\tOther partnership\r\n\
                  Health and Wellbeing Board\tReports to\tCommunity Safety Partnership\r\n";
    let preview = PastePreview::build(&spec, &lookup, pasted, &shown, None);
    assert_eq!(preview.count(RowOutcome::Invalid), 1, "{:?}", preview.rows);
    assert!(
        preview.rows[0].errors[0].contains("loop"),
        "{:?}",
        preview.rows[0]
    );
}

#[test]
fn pasted_hours_and_money_are_checked_against_what_the_register_works_out() {
    let register = register();
    let spec = specs::partnerships();
    let shown = vec![true; spec.columns.len()];
    let csp = &register.partnerships[&PartnershipId(1)];
    let hours = register.hours_per_month(csp.id);
    let pasted = format!(
        "Name\tHours a month\tContribution (latest year)\tWhatever\n\
         {name}\t{hours}\t\tx\n\
         {name} 2\tfive\t\t\n\
         {name} 3\t5\t£10\t\n\
         =HYPERLINK(\"http://x\")\t\t\t\n",
        name = csp.name
    );
    let preview = PastePreview::build(
        &spec,
        &Lookup::new(&register, today()),
        &pasted,
        &shown,
        None,
    );
    let headings: Vec<(&str, Option<&str>, bool)> = preview
        .headings
        .iter()
        .map(|h| (h.pasted.as_str(), h.column, h.worked_out))
        .collect();
    assert_eq!(
        headings,
        vec![
            ("Name", Some("Name"), false),
            ("Hours a month", Some("Hours a month"), true),
            (
                "Contribution (latest year)",
                Some("Contribution (latest year)"),
                true
            ),
            ("Whatever", None, false),
        ],
        "the preview says where every pasted column went"
    );
    let outcomes: Vec<RowOutcome> = preview.rows.iter().map(|r| r.outcome).collect();
    assert_eq!(
        outcomes,
        vec![
            RowOutcome::Unchanged,
            RowOutcome::Invalid,
            RowOutcome::Invalid,
            RowOutcome::New
        ],
        "the hours the register already works out are no change; others are refused"
    );
    assert!(
        preview.rows.iter().all(|r| r.cells.len() == 4),
        "every cell shown"
    );
    let five = &preview.rows[1].cells[1];
    assert_eq!(five.text, "five");
    assert!(
        five.refusal
            .as_deref()
            .is_some_and(|r| r.contains("not a number of hours")),
        "{five:?}"
    );
    let refused = &preview.rows[2];
    assert!(
        refused.cells[1]
            .refusal
            .as_deref()
            .is_some_and(|r| r.contains("People and representation"))
    );
    assert!(
        refused.cells[2]
            .refusal
            .as_deref()
            .is_some_and(|r| r.contains("Contributions"))
    );
    assert_eq!(refused.errors.len(), 2, "{:?}", refused.errors);
    assert!(
        !preview.can_apply(),
        "Apply waits until the refused cells are fixed"
    );
    let formula = &preview.rows[3].cells[0];
    assert!(
        formula.warning.is_some() && formula.refusal.is_none(),
        "kept, and flagged"
    );
    assert_eq!(preview.warning_count(), 1);
}

#[test]
fn a_pasted_date_shows_how_it_was_read() {
    let register = register();
    let spec = specs::partnerships();
    let shown = vec![true; spec.columns.len()];
    let name = &register.partnerships[&PartnershipId(1)].name;
    let preview = PastePreview::build(
        &spec,
        &Lookup::new(&register, today()),
        &format!("Name\tReview date\n{name}\t01/12/2026\n"),
        &shown,
        None,
    );
    let date = &preview.rows[0].cells[1];
    assert_eq!(preview.rows[0].outcome, RowOutcome::Changed);
    assert_eq!(
        date.reading.as_deref(),
        Some("1 December 2026"),
        "day first"
    );
}

#[test]
fn a_single_cell_edit_is_named_by_its_row_its_column_and_the_new_value() {
    let register = register();
    let lookup = Lookup::new(&register, today());
    let seats = specs::representations();
    let hours = seats.column_index("hours").expect("hours");
    let edit = seats
        .edit_cell(&lookup, RepresentationId(1), hours, "12.5")
        .expect("valid")
        .expect("a change");
    assert_eq!(
        edit.describe(),
        "Change Ann Hawkins on “Community Safety Partnership”: Hours a month to 12.5"
    );
    let term_end = seats.column_index("term_end").expect("end");
    let edit = seats
        .edit_cell(&lookup, RepresentationId(1), term_end, "01/06/2027")
        .expect("valid")
        .expect("a change");
    assert_eq!(
        edit.describe(),
        "Change Ann Hawkins on “Community Safety Partnership”: Term ends to 1 June 2027"
    );
    let partnerships = specs::partnerships();
    let name = partnerships.column_index("name").expect("name");
    let edit = partnerships
        .edit_cell(&lookup, PartnershipId(1), name, "Safer Harborough")
        .expect("valid")
        .expect("a change");
    assert_eq!(
        edit.describe(),
        "Change partnership “Community Safety Partnership”: Name to Safer Harborough"
    );
    // Several rows at once are counted.
    let status = partnerships.column_index("status").expect("status");
    let edit = partnerships
        .edit_cells(
            &lookup,
            &[PartnershipId(1), PartnershipId(2)],
            status,
            "Closed",
        )
        .expect("valid")
        .expect("a change");
    assert_eq!(edit.describe(), "Change status of 2 partnerships");
}

#[test]
fn deleting_a_row_without_a_name_names_what_it_links() {
    let register = register();
    let edit = specs::representations()
        .delete(&register, &[RepresentationId(2)])
        .expect("deletable");
    assert_eq!(
        edit.describe(),
        "Delete Ann Hawkins on “Health and Wellbeing Board”"
    );
}

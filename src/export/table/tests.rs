//! The table model's cells and group names, and a property of the printed layout: every row
//! is printed once, and no page starts with a subtotal or TOTAL cut off from its rows.

use chrono::NaiveDate;
use proptest::prelude::*;

use super::{Cell, Column, ColumnKind, Group, Pence, Row, Table, flat_group_name, print};
use crate::model::{Hours, Money, Recommendation};

fn as_at() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 31).unwrap_or_default()
}

#[test]
fn cells_print_as_a_paper_shows_them_and_plainly_for_a_spreadsheet() {
    let money = Cell::Money(Money { pence: 53_800_050 });
    assert_eq!(money.printed(Pence::Shown), "£538,000.50");
    assert_eq!(
        Cell::Money(Money::from_pounds(538_000)).printed(Pence::Hidden),
        "£538,000"
    );
    assert_eq!(money.plain(), "538000.50");
    let hours = Cell::Hours(Hours::whole(104));
    assert_eq!(hours.printed(Pence::Hidden), "104.0");
    assert_eq!(
        Cell::Number(-1_234_567).printed(Pence::Hidden),
        "-1,234,567"
    );
    let date = Cell::Date(as_at());
    assert_eq!(date.printed(Pence::Hidden), "31 Mar 2026");
    assert_eq!(date.plain(), "2026-03-31");
    let maintain = Cell::Recommendation(Recommendation::Maintain);
    assert_eq!(maintain.printed(Pence::Hidden), "= Maintain");
    assert_eq!(maintain.plain(), "Maintain");
    assert_eq!(Cell::text("  "), Cell::Empty);
}

#[test]
fn a_recommendation_group_is_its_words_in_flat_files() {
    for recommendation in Recommendation::ALL {
        let printed = super::recommendation_with_sign(*recommendation);
        assert_eq!(flat_group_name(&printed), recommendation.label());
    }
    assert_eq!(flat_group_name("Council"), "Council");
    assert_eq!(flat_group_name("= Something else"), "= Something else");
}

/// A grouped table: a group per entry, a row per word count (the notes' length, so rows are
/// of different heights), each group with a subtotal, and a TOTAL.
fn grouped(groups: &[Vec<usize>]) -> Table {
    let mut table = Table::new(
        "Rows kept with their totals",
        "Rows",
        as_at(),
        vec![
            Column::new("Name", ColumnKind::Text),
            Column::new("Notes", ColumnKind::Text),
            Column::new("Hours", ColumnKind::Hours),
        ],
    );
    for (g, rows) in groups.iter().enumerate() {
        let rows: Vec<Row> = rows
            .iter()
            .enumerate()
            .map(|(r, words)| {
                Row::data(vec![
                    Cell::text(format!("Row {g}-{r}")),
                    Cell::text("word ".repeat(*words)),
                    Cell::Hours(Hours::whole(1)),
                ])
            })
            .collect();
        let count = rows.len();
        table.groups.push(Group {
            heading: format!("Group {g}"),
            rows,
            subtotal: Some(Row::subtotal(vec![
                Cell::text(format!("Total {g}")),
                Cell::Empty,
                Cell::Hours(Hours::whole(u32::try_from(count).unwrap_or(0))),
            ])),
        });
    }
    table.total = Some(Row::total(vec![
        Cell::text("TOTAL"),
        Cell::Empty,
        Cell::Empty,
    ]));
    table
}

/// The rows of page `index` as its alternative text lists them (a sentence each).
fn page_rows(layout: &print::TableLayout, index: usize) -> String {
    let text = layout.alt_text(index);
    let marker = format!("Page {} of {}. ", index + 1, layout.page_count());
    text.split_once(&marker)
        .map(|(_, rows)| rows.to_string())
        .unwrap_or_default()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn every_row_prints_once_and_no_page_starts_with_a_total(
        groups in prop::collection::vec(prop::collection::vec(0usize..120, 1..30), 1..6)
    ) {
        let table = grouped(&groups);
        let layout = print::layout(&table);
        let pages: Vec<String> = (0..layout.page_count()).map(|i| page_rows(&layout, i)).collect();
        for (g, rows) in groups.iter().enumerate() {
            for r in 0..rows.len() {
                let name = format!("Name: Row {g}-{r};");
                let times: usize = pages.iter().map(|p| p.matches(&name).count()).sum();
                prop_assert_eq!(times, 1, "{} printed {} times", name, times);
            }
        }
        for (index, page) in pages.iter().enumerate().skip(1) {
            prop_assert!(
                !page.starts_with("Name: Total") && !page.starts_with("Name: TOTAL"),
                "page {} starts with a total: {}",
                index + 1,
                &page[..page.len().min(80)]
            );
        }
        let last = pages.last().cloned().unwrap_or_default();
        prop_assert!(last.contains("Name: TOTAL"), "the TOTAL is on the last page");
    }
}

//! `annual-report`: the partnerships annual report (seed 003): every assessed partnership's
//! value for money rating; the significant partnerships rated fair or poor first, with the
//! reasons (Attachment A), then the significant ones rated good, then the others.

use super::Context;
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::{Significance, ValueForMoney};
use crate::scoring::{self, OverviewRow};

/// The annual report table.
pub fn table(context: &Context<'_>) -> Table {
    let register = context.register;
    let columns = vec![
        Column::new("Partnership", ColumnKind::Text),
        Column::new("Value for money", ColumnKind::Label),
        Column::new("Risk", ColumnKind::Label),
        Column::new("Value", ColumnKind::Label),
        Column::new("Governance", ColumnKind::Label),
        Column::new("Recommendation", ColumnKind::Label),
        Column::new("Annual cost (£)", ColumnKind::Money),
        Column::new("Reasons", ColumnKind::Text),
    ];
    let mut table = context.table(
        format!(
            "Partnerships annual report {}: value for money",
            crate::model::FinancialYear::starting(context.basis.year).label()
        ),
        "Annual report",
        columns,
    );
    table.group_column = Some("Group".to_string());
    let mut rows = crate::export::overview_csv::rows_by_name(&context.overview);
    rows.retain(|row| scoring::is_reviewed(row.status) && row.value_for_money.is_some());
    let significant = |row: &&OverviewRow| row.significance == Significance::Significant;
    let line = |row: &OverviewRow, with_reason: bool| {
        let assessment = row.current.and_then(|id| register.assessments.get(&id));
        let reason = if with_reason {
            assessment.map_or(String::new(), |a| {
                [a.notes.trim(), a.override_reason.trim()]
                    .into_iter()
                    .filter(|text| !text.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
        } else {
            String::new()
        };
        Row::data(vec![
            Cell::text(row.name.as_str()),
            Cell::label(row.value_for_money.map(|v| v.label())),
            Cell::label(row.risk_band.map(|b| b.label())),
            Cell::label(row.value_band.map(|b| b.label())),
            Cell::label(row.governance.map(|g| g.label())),
            row.recommendation.map_or(Cell::Empty, Cell::Recommendation),
            Cell::Money(row.cost.total),
            Cell::text(reason),
        ])
    };
    let fair: Vec<&OverviewRow> = rows
        .iter()
        .copied()
        .filter(significant)
        .filter(|row| row.value_for_money != Some(ValueForMoney::Good))
        .collect();
    let good: Vec<&OverviewRow> = rows
        .iter()
        .copied()
        .filter(significant)
        .filter(|row| row.value_for_money == Some(ValueForMoney::Good))
        .collect();
    let others: Vec<&OverviewRow> = rows.iter().copied().filter(|r| !significant(r)).collect();
    for (heading, members, with_reason) in [
        (
            "Significant partnerships rated fair or poor value for money",
            &fair,
            true,
        ),
        (
            "Significant partnerships rated good value for money",
            &good,
            false,
        ),
        ("Other partnerships assessed", &others, true),
    ] {
        if members.is_empty() {
            continue;
        }
        table.groups.push(Group {
            heading: heading.to_string(),
            rows: members.iter().map(|row| line(row, with_reason)).collect(),
            subtotal: None,
        });
    }
    let significant_count = fair.len() + good.len();
    table.notes = vec![format!(
        "{} assessed, {} significant; {} of the significant rated fair or poor value for money.",
        crate::model::words::counted(rows.len(), "partnership"),
        significant_count,
        fair.len()
    )];
    table
}

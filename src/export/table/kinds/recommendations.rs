//! `recommendations`: what to do about the council's input to each partnership, grouped
//! increase / maintain / review / reduce / withdraw (then remove from the register and not yet
//! assessed), with officer hours a month, officer time costed, contributions, each group's
//! subtotal and a TOTAL row ("TOTAL 104 hours, £538,000"; seed 004, section 4). The totals
//! are the overview's totals by recommendation.

use super::{Context, cost_columns};
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::{Hours, Money};
use crate::scoring::{self, AnnualCost, RecommendationTotal};

fn cost_cells(cost: &AnnualCost) -> [Cell; 4] {
    [
        Cell::Hours(cost.hours_per_month),
        Cell::Money(cost.officer_time),
        Cell::Money(cost.contributions),
        Cell::Money(cost.total),
    ]
}

fn total_cells(
    label: String,
    partnerships: usize,
    hours: Hours,
    contributions: Money,
    total: Money,
) -> Vec<Cell> {
    let officer_time = Money {
        pence: total.pence.saturating_sub(contributions.pence),
    };
    vec![
        Cell::Text(label),
        Cell::count(partnerships),
        Cell::Empty,
        Cell::Empty,
        Cell::Hours(hours),
        Cell::Money(officer_time),
        Cell::Money(contributions),
        Cell::Money(total),
        Cell::Empty,
    ]
}

fn subtotal(total: &RecommendationTotal) -> Row {
    Row::subtotal(total_cells(
        format!("Total: {}", total.label()),
        total.partnerships,
        total.hours_per_month,
        total.contributions,
        total.annual_cost,
    ))
}

/// The recommendations table.
pub fn table(context: &Context<'_>) -> Table {
    let mut columns = vec![
        Column::new("Partnership", ColumnKind::Text),
        Column::new("Partnerships", ColumnKind::Number),
        Column::new("Risk", ColumnKind::Label),
        Column::new("Value", ColumnKind::Label),
    ];
    columns.extend(cost_columns());
    columns.push(Column::new("Reason or note", ColumnKind::Text));
    let mut table = context.table(
        format!(
            "Recommendations on {}'s input to partnerships",
            context.council()
        ),
        "Recommendations",
        columns,
    );
    table.group_column = Some("Recommendation".to_string());
    let overview = &context.overview;
    let mut rows = crate::export::overview_csv::rows_by_name(overview);
    rows.retain(|row| scoring::is_reviewed(row.status));
    for total in &overview.totals {
        let mut group = Group {
            heading: match total.recommendation {
                Some(recommendation) => {
                    crate::export::table::recommendation_with_sign(recommendation)
                }
                None => "Not assessed yet".to_string(),
            },
            ..Group::default()
        };
        for row in rows
            .iter()
            .filter(|r| r.recommendation == total.recommendation)
        {
            let assessment = row
                .current
                .and_then(|id| context.register.assessments.get(&id));
            let reason = assessment.map_or(String::new(), |a| {
                if a.override_reason.trim().is_empty() {
                    a.notes.clone()
                } else {
                    a.override_reason.clone()
                }
            });
            let mut cells = vec![
                Cell::text(row.name.as_str()),
                Cell::Empty,
                Cell::label(row.risk_band.map(|b| b.label())),
                Cell::label(row.value_band.map(|b| b.label())),
            ];
            cells.extend(cost_cells(&row.cost));
            cells.push(Cell::text(reason));
            group.rows.push(Row::data(cells));
        }
        group.subtotal = Some(subtotal(total));
        table.groups.push(group);
    }
    let partnerships: usize = overview.totals.iter().map(|t| t.partnerships).sum();
    let hours: Hours = overview.totals.iter().map(|t| t.hours_per_month).sum();
    let contributions: Money = overview.totals.iter().map(|t| t.contributions).sum();
    let cost: Money = overview.totals.iter().map(|t| t.annual_cost).sum();
    table.total = Some(Row::total(total_cells(
        "TOTAL".to_string(),
        partnerships,
        hours,
        contributions,
        cost,
    )));
    table.notes = vec![
        format!(
            "{} reviewed, grouped by the current recommendation; TOTAL {} hours a month, {} in \
             contributions.",
            crate::model::words::counted(partnerships, "partnership"),
            hours,
            contributions.format_whole_pounds()
        ),
        context.costs_note(),
    ];
    table
}

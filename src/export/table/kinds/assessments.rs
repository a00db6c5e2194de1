//! `assessments`: each partnership's current assessment (as at the review date) with how it
//! moved since the one before, then the earlier assessments, newest first. Assessments made
//! after the as-at date are left out. Current ones and trends come from `crate::scoring`.

use super::Context;
use crate::export::table::{Cell, Column, ColumnKind, Group, Row, Table};
use crate::model::Assessment;
use crate::scoring::{self, HistoryEntry, Trend, Verdict};

fn trend_words(what: &str, trend: Option<Trend>) -> Option<String> {
    let trend = trend?;
    let word = match trend.verdict {
        Verdict::Better => "better",
        Verdict::Worse => "worse",
        Verdict::Same => return None,
    };
    Some(format!("{what} {word}"))
}

fn change(entry: &HistoryEntry<'_>) -> String {
    let words: Vec<String> = [
        trend_words("risk", entry.risk),
        trend_words("value", entry.value),
        trend_words("governance", entry.governance),
    ]
    .into_iter()
    .flatten()
    .collect();
    if words.is_empty() && (entry.risk.is_some() || entry.value.is_some()) {
        "No change".to_string()
    } else {
        let mut text = words.join(", ");
        if let Some(first) = text.get(..1) {
            text = first.to_uppercase() + &text[1..];
        }
        text
    }
}

fn cells(name: &str, assessment: &Assessment, change: String) -> Vec<Cell> {
    vec![
        Cell::text(name),
        Cell::date(assessment.date),
        Cell::text(assessment.assessor.as_str()),
        Cell::label(assessment.risk_band.map(|b| b.label())),
        Cell::label(assessment.value_band.map(|b| b.label())),
        Cell::label(assessment.governance.map(|g| g.label())),
        Cell::text(assessment.significance.label()),
        Cell::label(assessment.value_for_money.map(|v| v.label())),
        assessment
            .recommendation
            .map_or(Cell::Empty, Cell::Recommendation),
        Cell::text(change),
        Cell::date(assessment.next_review),
    ]
}

/// The assessments table.
pub fn table(context: &Context<'_>) -> Table {
    let register = context.register;
    let as_at = context.basis.as_at;
    let columns = vec![
        Column::new("Partnership", ColumnKind::Text),
        Column::new("Assessed", ColumnKind::Date),
        Column::new("By", ColumnKind::Text),
        Column::new("Risk", ColumnKind::Label),
        Column::new("Value", ColumnKind::Label),
        Column::new("Governance", ColumnKind::Label),
        Column::new("Significance", ColumnKind::Label),
        Column::new("Value for money", ColumnKind::Label),
        Column::new("Recommendation", ColumnKind::Label),
        Column::new("Since the one before", ColumnKind::Text),
        Column::new("Next review", ColumnKind::Date),
    ];
    let mut table = context.table(
        format!("Assessments of {}'s partnerships", context.council()),
        "Assessments",
        columns,
    );
    table.group_column = Some("Assessment".to_string());
    let mut current = Group {
        heading: "Current assessments".to_string(),
        ..Group::default()
    };
    let mut earlier = Group {
        heading: "Earlier assessments".to_string(),
        ..Group::default()
    };
    for partnership in context.reviewed_by_name() {
        let entries: Vec<HistoryEntry<'_>> = scoring::history(register, partnership.id)
            .into_iter()
            .filter(|entry| entry.assessment.made_by(as_at))
            .collect();
        for (index, entry) in entries.iter().enumerate() {
            let row = Row::data(cells(&partnership.name, entry.assessment, change(entry)));
            if index == 0 {
                current.rows.push(row);
            } else {
                earlier.rows.push(row);
            }
        }
    }
    table.notes = vec![format!(
        "{} with a current assessment on {}, and {}.",
        crate::model::words::counted(current.rows.len(), "partnership"),
        as_at.format("%-d %B %Y"),
        crate::model::words::counted(earlier.rows.len(), "earlier assessment")
    )];
    table.groups.push(current);
    if !earlier.rows.is_empty() {
        table.groups.push(earlier);
    }
    table
}

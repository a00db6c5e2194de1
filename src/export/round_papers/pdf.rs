//! A partnership's printable questionnaire: a report `Table` (question, what the register
//! holds, a blank column to write the answer in, how to answer) printed by the one table
//! printer (`export::table::print`) as an A4 PDF with the caption block and page numbers.

use chrono::NaiveDate;

use super::super::ExportError;
use super::super::pdf::DocumentInfo;
use super::super::table::{Cell, Column, ColumnKind, Group, Row, Table, print};
use crate::review::rounds::Questionnaire;

/// The line printed in the answer column to write on (it also keeps the column wide enough).
const WRITE_IN: &str = "______________________";

/// The questionnaire as a report table, "data as at" `today`.
pub fn questionnaire_table(questionnaire: &Questionnaire, today: NaiveDate) -> Table {
    let mut table = Table::new(
        format!("Questionnaire: {}", questionnaire.partnership_name),
        "Questionnaire",
        today,
        vec![
            Column::new("Question", ColumnKind::Text),
            Column::new("What the register holds", ColumnKind::Text),
            Column::new("Your answer (if different)", ColumnKind::Text),
            Column::new("How to answer", ColumnKind::Text),
        ],
    );
    table
        .notes
        .push(format!("Round: {}", questionnaire.round_name));
    table.notes.push(
        "Check each answer the register holds; where it is wrong or out of date, write the \
         right answer beside it."
            .to_string(),
    );
    if let Some(due) = questionnaire.due {
        table
            .notes
            .push(format!("Please return it by {}.", due.format("%-d %B %Y")));
    }
    table.source = "Partnership Atlas: the partnerships register".to_string();
    // The printer prints a group's heading, not the notes: the round and what to do go there.
    let due = questionnaire
        .due
        .map(|d| format!(" Please return it by {}.", d.format("%-d %B %Y")))
        .unwrap_or_default();
    table.groups.push(Group {
        heading: format!(
            "Round “{}”: where what the register holds is wrong or out of date, write the \
             right answer beside it.{due}",
            questionnaire.round_name
        ),
        rows: questionnaire
            .asked
            .iter()
            .map(|asked| {
                Row::data(vec![
                    Cell::text(asked.wording.clone()),
                    Cell::text(asked.current.clone()),
                    Cell::Text(WRITE_IN.to_string()),
                    Cell::text(asked.guidance.clone()),
                ])
            })
            .collect(),
        subtotal: None,
    });
    table
}

/// The questionnaire as PDF bytes, authored by `council`.
pub fn questionnaire_pdf(
    questionnaire: &Questionnaire,
    council: &str,
    today: NaiveDate,
) -> Result<Vec<u8>, ExportError> {
    let table = questionnaire_table(questionnaire, today);
    let info = DocumentInfo {
        title: table.title.clone(),
        author: council.to_string(),
        subject: format!("Questionnaire round “{}”", questionnaire.round_name),
        language: "en-GB".to_string(),
        ..DocumentInfo::default()
    };
    print::tables_pdf(&[&table], &info).map(|(bytes, _)| bytes)
}

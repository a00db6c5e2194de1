//! A round's progress table: each partnership with its lead officer, e-mail, and the days its
//! questionnaire was sent, reminded and returned, with a button to mark it returned (or not)
//! by hand. Outstanding ones first; only the rows in view are drawn.

use chrono::NaiveDate;
use egui_extras::{Column, TableBuilder};

use super::rounds::send_edit;
use crate::model::RoundId;
use crate::review::rounds::{Mark, mark, progress};
use crate::ui::{CommandQueue, PanelContext};

fn day(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%-d %b %Y").to_string())
        .unwrap_or_default()
}

/// Draws the table.
pub(super) fn progress_table_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    round: RoundId,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    let Some(shown) = register.rounds.get(&round) else {
        return;
    };
    let progress = progress(register, shown);
    let mut rows: Vec<_> = progress.rows.iter().collect();
    rows.sort_by_key(|row| !row.is_outstanding());
    let today = chrono::Local::now().date_naive();
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    TableBuilder::new(ui)
        .id_salt(("round_progress", round))
        .striped(true)
        .resizable(true)
        .column(Column::initial(320.0).at_least(120.0).clip(true))
        .column(Column::initial(140.0).at_least(60.0).clip(true))
        .column(Column::initial(240.0).at_least(80.0).clip(true))
        .column(Column::initial(90.0).at_least(60.0))
        .column(Column::initial(90.0).at_least(60.0))
        .column(Column::initial(90.0).at_least(60.0))
        .column(Column::remainder().at_least(130.0))
        .header(row_height, |mut header| {
            for heading in [
                "Partnership",
                "Lead officer",
                "E-mail",
                "Sent",
                "Reminded",
                "Returned",
                "",
            ] {
                header.col(|ui| {
                    ui.strong(heading);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut table_row| {
                let Some(row) = rows.get(table_row.index()) else {
                    return;
                };
                for text in [&row.name, &row.lead_officer, &row.email] {
                    table_row.col(|ui| {
                        ui.label(text.as_str());
                    });
                }
                for date in [row.sent, row.reminded] {
                    table_row.col(|ui| {
                        ui.label(day(date));
                    });
                }
                table_row.col(|ui| {
                    let returned = ui.label(day(row.returned));
                    if !row.returned_file.is_empty() {
                        returned.on_hover_text(&row.returned_file);
                    }
                });
                table_row.col(|ui| {
                    let (words, what) = if row.is_outstanding() {
                        ("Mark returned", Mark::Returned)
                    } else {
                        ("Mark not returned", Mark::NotReturned)
                    };
                    let button = ui
                        .add_enabled(!context.read_only, egui::Button::new(words))
                        .on_hover_text(format!("{words}: {}", row.name));
                    if button.clicked() {
                        send_edit(
                            commands,
                            mark(register, round, &[row.partnership], what, today),
                        );
                    }
                });
            });
        });
}

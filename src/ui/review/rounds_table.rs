//! A round's progress table: each partnership with its lead officer, e-mail, and the days its
//! questionnaire was sent, reminded and returned, with a button to mark it returned (or not)
//! by hand. Outstanding ones first.

use chrono::NaiveDate;

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
    egui::Grid::new(("round_progress", round))
        .striped(true)
        .num_columns(7)
        .show(ui, |ui| {
            for heading in [
                "Partnership",
                "Lead officer",
                "E-mail",
                "Sent",
                "Reminded",
                "Returned",
                "",
            ] {
                ui.strong(heading);
            }
            ui.end_row();
            for row in rows {
                ui.label(&row.name);
                ui.label(&row.lead_officer);
                ui.label(&row.email);
                ui.label(day(row.sent));
                ui.label(day(row.reminded));
                let returned = day(row.returned);
                if row.returned_file.is_empty() {
                    ui.label(returned);
                } else {
                    ui.label(returned).on_hover_text(&row.returned_file);
                }
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
                ui.end_row();
            }
        });
}

//! The Assessment panel's own partnership picker: a searchable list of the partnerships under
//! review, each with when its review is due (overdue first), and a "Next due for review" button
//! that picks the one whose review falls due first. Picking makes it the current partnership
//! for every panel, as clicking its row elsewhere does.

use crate::model::{PartnershipId, normalised_name};
use crate::scoring::{Overview, OverviewRow};
use crate::ui::theme;

/// The accessible name of the picker.
pub const PICKER_LABEL: &str = "Partnership to assess";

/// The accessible name of the picker's search box.
pub const PICKER_SEARCH_LABEL: &str = "Find a partnership";

/// The picker's memory between frames.
#[derive(Debug, Default)]
pub struct PickerState {
    /// Words the offered partnerships must contain.
    pub filter: String,
}

/// "overdue since 4 November 2026", "due 1 June 2027", "never assessed".
pub fn due_words(row: &OverviewRow) -> String {
    match (row.review_due, row.current) {
        (Some(due), _) if row.review_overdue => format!("overdue since {}", long_date(due)),
        (Some(due), None) => format!("never assessed; review due {}", long_date(due)),
        (Some(due), Some(_)) => format!("due {}", long_date(due)),
        (None, None) => "never assessed".to_string(),
        (None, Some(_)) => "no review set".to_string(),
    }
}

/// A date as officers write it: "1 June 2027".
pub fn long_date(date: chrono::NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// Draws the picker and the "Next due for review" button; a click sets `current`.
pub fn picker_ui(
    ui: &mut egui::Ui,
    overview: &Overview,
    state: &mut PickerState,
    current: &mut Option<PartnershipId>,
) {
    let queue = overview.review_queue();
    let chosen_name = current
        .and_then(|id| overview.rows.iter().find(|row| row.partnership == id))
        .map_or_else(
            || "Choose a partnership".to_string(),
            |row| row.name.clone(),
        );
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Partnership");
        let response = egui::ComboBox::from_id_salt("assessment_partnership_picker")
            .selected_text(chosen_name)
            .width(340.0)
            .height(420.0)
            .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
            .show_ui(ui, |ui| {
                list_ui(ui, overview, &queue, state, current);
            })
            .response;
        response
            .labelled_by(label.id)
            .on_hover_text("Type to find a partnership; those due for review soonest come first");
        if let Some(next) = queue.iter().find(|row| Some(row.partnership) != *current) {
            let text = format!("Next due for review: {} ({})", next.name, due_words(next));
            if ui
                .button(text)
                .on_hover_text("Assess the partnership whose review falls due first")
                .clicked()
            {
                *current = Some(next.partnership);
            }
        }
    });
}

fn list_ui(
    ui: &mut egui::Ui,
    overview: &Overview,
    queue: &[&OverviewRow],
    state: &mut PickerState,
    current: &mut Option<PartnershipId>,
) {
    let label = ui.label(PICKER_SEARCH_LABEL);
    let search = ui
        .add(
            egui::TextEdit::singleline(&mut state.filter)
                .hint_text("Words in its name")
                .desired_width(320.0),
        )
        .labelled_by(label.id);
    if !search.has_focus() && state.filter.is_empty() {
        search.request_focus();
    }
    let words: Vec<String> = normalised_name(&state.filter)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let matches = |row: &OverviewRow| {
        let name = normalised_name(&row.name);
        words.iter().all(|word| name.contains(word.as_str()))
    };
    // Those under review in the order they fall due, then the rest (closed, removed) by name.
    let mut rest: Vec<&OverviewRow> = overview
        .rows
        .iter()
        .filter(|row| !queue.iter().any(|q| q.partnership == row.partnership))
        .collect();
    rest.sort_by_key(|row| row.name.to_lowercase());
    let weak = theme::weak_text_colour(ui.visuals());
    let warning = theme::invalid_text_colour(ui.visuals());
    let mut shown = 0;
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| {
            for row in queue.iter().copied().chain(rest).filter(|row| matches(row)) {
                shown += 1;
                let selected = *current == Some(row.partnership);
                let due = if crate::scoring::is_reviewed(row.status) {
                    due_words(row)
                } else {
                    row.status.label().to_lowercase()
                };
                ui.horizontal(|ui| {
                    if ui.selectable_label(selected, &row.name).clicked() {
                        *current = Some(row.partnership);
                        ui.close();
                    }
                    let colour = if row.review_overdue { warning } else { weak };
                    ui.label(egui::RichText::new(due).color(colour).small());
                });
            }
            if shown == 0 {
                ui.weak("No partnership has those words in its name");
            }
        });
}

//! The status bar: which file is open, how much is in it, and the last change saved.

use super::AppView;
use super::theme;
use crate::model::words::counted;

/// Draws the status bar.
pub fn status_bar_ui(ui: &mut egui::Ui, view: &AppView<'_>) {
    ui.horizontal(|ui| {
        let Some(document) = view.document else {
            ui.label("No register open");
            return;
        };
        let register = document.register();
        if document.is_read_only() {
            ui.label(egui::RichText::new("Read-only").strong())
                .on_hover_text("Opened to look at only: changes are not possible");
            ui.separator();
        }
        ui.label(document.path().display().to_string());
        ui.separator();
        ui.label(format!(
            "{} · {} · {}",
            counted(register.partnerships.len(), "partnership"),
            counted(register.organisations.len(), "organisation"),
            counted(register.people.len(), "person"),
        ));
        ui.separator();
        let last = document.last_change().map_or_else(
            || "No changes yet this session".to_string(),
            |change| format!("Saved: {change}"),
        );
        ui.label(egui::RichText::new(last).color(theme::weak_text_colour(ui.visuals())));
    });
}

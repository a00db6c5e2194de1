//! A combo box for a closed list of values (kind, status, role), labelled for screen readers.

/// Draws a combo box offering `all`, showing `current`, labelled by `label_id`. Returns the
/// value picked when it differs from `current`.
pub fn choice_combo_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    id: egui::Id,
    label_id: egui::Id,
    all: &[T],
    current: T,
    label: fn(T) -> &'static str,
) -> Option<T> {
    let mut picked = current;
    let response = egui::ComboBox::from_id_salt(id)
        .selected_text(label(current))
        .width(ui.available_width().min(320.0))
        .show_ui(ui, |ui| {
            for &value in all {
                ui.selectable_value(&mut picked, value, label(value));
            }
        })
        .response;
    response.labelled_by(label_id);
    (picked != current).then_some(picked)
}

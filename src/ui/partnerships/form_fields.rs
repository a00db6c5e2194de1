//! One row of the partnership form per field, drawn by the kind of value it holds: a
//! committing text field (text, names, money, lists), a text field with a date picker, a list
//! for a closed set of values, a tick box for yes/no, and a searchable list for a link to a
//! person or organisation. Every value is checked by its column's rules and sent as one edit.

use super::detail_form::DetailFormState;
use crate::model::{InvalidValue, Partnership, Record};
use crate::tables::specs::{FormField, PartnershipForm};
use crate::tables::{EditorKind, LinkTarget, Lookup};
use crate::ui::text_field::{TextFieldRules, committed_text_field_ui, focus_and_select_all};
use crate::ui::{Command, CommandQueue};
use crate::ui::{choice_combo_ui, theme};

/// What every field row needs.
pub(super) struct FieldContext<'a, 'r> {
    pub lookup: &'a Lookup<'r>,
    pub partnership: &'a Partnership,
    pub state: &'a mut DetailFormState,
    pub commands: &'a mut CommandQueue,
}

impl FieldContext<'_, '_> {
    /// Sends the edit putting `text` into the field's column, or keeps the reason it was
    /// refused in the field's draft.
    fn commit(&mut self, field: FormField, text: &str) {
        let spec = &self.state.form.spec;
        match spec.edit_cell(self.lookup, self.partnership.id, field.column, text) {
            Ok(Some(edit)) => self.commands.send(Command::edit(edit)),
            Ok(None) => {}
            Err(reason) => {
                self.state.field_error = Some((self.partnership.id, field.column, reason.0));
                return;
            }
        }
        self.state.field_error = None;
    }
}

/// The field's value checked as it would be saved: the text it would show, or why not.
fn checked(
    form: &PartnershipForm,
    lookup: &Lookup<'_>,
    partnership: &Partnership,
    field: FormField,
    text: &str,
) -> Result<String, InvalidValue> {
    let column = &form.spec.columns[field.column];
    let mut after = partnership.clone();
    column.set(lookup, &mut after, text)?;
    Record::validate(&after.clone().into())?;
    Ok(column.cell(lookup, &after).text)
}

/// Draws the label and editor of one field, and ends the grid row.
pub(super) fn field_row_ui(
    ui: &mut egui::Ui,
    context: &mut FieldContext<'_, '_>,
    field: FormField,
) {
    let column = &context.state.form.spec.columns[field.column];
    let header = column.header;
    let editor = column.editor.clone();
    let current = column.cell(context.lookup, context.partnership).text;
    if editor == EditorKind::Bool {
        // The tick box carries its own words.
        ui.label("");
        let mut ticked = current == "Yes";
        if ui.checkbox(&mut ticked, header).changed() {
            context.commit(field, if ticked { "Yes" } else { "No" });
        }
        ui.end_row();
        return;
    }
    let label = ui.label(header);
    match editor {
        EditorKind::Choice { options, optional } => {
            let mut offered: Vec<&'static str> = options;
            if optional {
                offered.insert(0, "");
            }
            let shown = offered
                .iter()
                .copied()
                .find(|o| *o == current)
                .unwrap_or("");
            let id = egui::Id::new(("partnership_form_choice", field.column));
            if let Some(picked) = choice_combo_ui(ui, id, label.id, &offered, shown, none_if_empty)
            {
                context.commit(field, picked);
            }
        }
        EditorKind::Link { target, optional } => {
            link_ui(ui, context, field, label.id, target, optional, &current);
        }
        EditorKind::Date => {
            ui.horizontal(|ui| {
                date_picker_ui(ui, context, field, header, &current);
                text_ui(ui, context, field, label.id, &current);
            });
        }
        _ => {
            ui.vertical(|ui| text_ui(ui, context, field, label.id, &current));
        }
    }
    ui.end_row();
    if let Some((_, _, reason)) = context
        .state
        .field_error
        .as_ref()
        .filter(|(p, c, _)| *p == context.partnership.id && *c == field.column)
    {
        ui.label("");
        ui.label(egui::RichText::new(reason).color(theme::invalid_text_colour(ui.visuals())));
        ui.end_row();
    }
}

fn none_if_empty(option: &'static str) -> &'static str {
    if option.is_empty() { "(none)" } else { option }
}

/// A committing text field for the field's value.
fn text_ui(
    ui: &mut egui::Ui,
    context: &mut FieldContext<'_, '_>,
    field: FormField,
    label_id: egui::Id,
    current: &str,
) {
    let partnership = context.partnership.id;
    let id = egui::Id::new(("partnership_field", partnership, field.column));
    let is_name = context.state.form.spec.name_column == Some(field.column);
    let focusing = is_name && context.state.focus_name_of == Some(partnership);
    if focusing {
        // Asked for again each frame until the field really has the keyboard: a panel that
        // has just appeared may not take focus on its first frame.
        if ui.memory(|memory| memory.has_focus(id)) {
            context.state.focus_name_of = None;
        } else {
            focus_and_select_all(ui, id, current);
        }
    }
    let committed = {
        let DetailFormState { form, buffers, .. } = &mut *context.state;
        let (lookup, record) = (context.lookup, context.partnership);
        let checker = |text: &str| checked(form, lookup, record, field, text);
        let rules = TextFieldRules {
            id,
            label_id,
            multiline: field.multiline,
            validate: &checker,
            hint: field.hint,
        };
        committed_text_field_ui(ui, &rules, &(partnership, field.column), current, buffers)
    };
    if focusing {
        // The record pane may be scrolled down from the last record: bring the name up.
        ui.scroll_to_cursor(Some(egui::Align::Center));
    }
    if let Some(value) = committed {
        context.commit(field, &value);
    }
}

/// A date picker button beside the date's text field: a picked date is saved at once.
fn date_picker_ui(
    ui: &mut egui::Ui,
    context: &mut FieldContext<'_, '_>,
    field: FormField,
    header: &str,
    current: &str,
) {
    let shown =
        crate::model::parse_date(current).unwrap_or_else(|_| crate::ui::table_view::today());
    let mut date = crate::ui::table_view::to_jiff(shown);
    let picker = ui.add(
        egui_extras::DatePickerButton::new(&mut date)
            .id_salt(&format!("partnership_form_date_{}", field.column))
            .show_icon(true)
            .format(""),
    );
    let name = format!("Pick {header}");
    ui.ctx()
        .accesskit_node_builder(picker.id, |node| node.set_label(name.clone()));
    let picker = picker.on_hover_text(name);
    if picker.changed() {
        let text = format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day());
        context.commit(field, &text);
    }
}

/// A searchable list of the records a link may point at, with "(none)" first when the link
/// is optional.
fn link_ui(
    ui: &mut egui::Ui,
    context: &mut FieldContext<'_, '_>,
    field: FormField,
    label_id: egui::Id,
    target: LinkTarget,
    optional: bool,
    current: &str,
) {
    let id = egui::Id::new(("partnership_form_link", field.column));
    let search_id = id.with("search");
    let header = context.state.form.spec.columns[field.column].header;
    let mut picked: Option<String> = None;
    let shown = if current.is_empty() {
        "(none)"
    } else {
        current
    };
    let inner = egui::ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(ui.available_width().min(320.0))
        .height(300.0)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show_ui(ui, |ui| {
            let search = ui.add(
                egui::TextEdit::singleline(&mut context.state.link_search)
                    .id(search_id)
                    .hint_text("Type to search")
                    .desired_width(280.0),
            );
            let name = format!("Search {header}");
            ui.ctx()
                .accesskit_node_builder(search.id, |node| node.set_label(name.clone()));
            if !search.has_focus() && context.state.link_search.is_empty() {
                search.request_focus();
            }
            if optional && ui.selectable_label(current.is_empty(), "(none)").clicked() {
                picked = Some(String::new());
            }
            let words: Vec<String> = context
                .state
                .link_search
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            let options = context.lookup.link_options(target);
            let matching = options.iter().filter(|(_, name)| {
                let lower = name.to_lowercase();
                words.iter().all(|w| lower.contains(w.as_str()))
            });
            let mut first = None;
            for (record, name) in matching.take(200) {
                first.get_or_insert(*record);
                if ui.selectable_label(name == current, name).clicked() {
                    picked = Some(format!("#{record}"));
                }
            }
            if search.lost_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && let Some(first) = first
            {
                picked = Some(format!("#{first}"));
            }
        });
    let popup_id = egui::Popup::default_response_id(&inner.response);
    inner.response.labelled_by(label_id);
    if let Some(text) = picked {
        context.state.link_search.clear();
        egui::Popup::close_id(ui.ctx(), popup_id);
        context.commit(field, &text);
    }
}

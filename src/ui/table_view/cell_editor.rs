//! Editing one cell in place: a text field for text, money, hours and numbers; a text field
//! with a date picker for dates; a list for closed lists and yes/no; a searchable list for
//! links to other records. Nothing is written until the value passes its checks; a refused
//! value stays in the cell, outlined, with the reason shown under the toolbar.

use super::{CellEdit, Notice, TableViewState};
use crate::model::Entity;
use crate::tables::{EditorKind, Lookup, TableSpec};
use crate::ui::PanelContext;
use crate::ui::{Command, CommandQueue};

/// Starts editing the cell (`key`, `column`) with its current text.
pub(crate) fn start_editing<T: Entity + 'static>(
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    key: T::Key,
    column: usize,
) {
    let Some(spec_column) = spec.columns.get(column) else {
        return;
    };
    if !spec_column.is_editable() {
        state.notice = Some(Notice {
            text: format!(
                "{} is worked out from other records: change those instead",
                spec_column.header
            ),
            error: false,
            offer_removal: None,
        });
        return;
    }
    let Some(record) = spec.record(context.register, key) else {
        return;
    };
    let lookup = Lookup::new(context.register, super::today());
    state.cursor = Some((key, column));
    state.editing = Some(CellEdit {
        key,
        column,
        text: spec_column.cell(&lookup, record).text,
        error: None,
        focus_asked: false,
        search: String::new(),
    });
}

/// The editor's widget id in a table.
fn editor_id(table: &str) -> egui::Id {
    egui::Id::new(("table_cell_editor", table))
}

/// What the user did in the editor this frame.
enum Outcome {
    Nothing,
    Commit(String, Option<bool>),
    Cancel,
}

/// Draws the editor in the cell being edited, and saves, moves or cancels.
pub(crate) fn editor_ui<T: Entity + 'static>(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    shown: &[bool],
    commands: &mut CommandQueue,
) {
    let Some(edit) = state.editing.as_mut() else {
        return;
    };
    let column = &spec.columns[edit.column];
    let id = editor_id(spec.id);
    let outcome = match &column.editor {
        EditorKind::Choice { options, optional } => {
            let mut offered: Vec<String> = options.iter().map(|o| o.to_string()).collect();
            if *optional {
                offered.insert(0, String::new());
            }
            list_ui(ui, id, column.header, edit, &offered)
        }
        EditorKind::Bool => list_ui(
            ui,
            id,
            column.header,
            edit,
            &["Yes".to_string(), "No".to_string()],
        ),
        EditorKind::Link { target, optional } => {
            let lookup = Lookup::new(context.register, super::today());
            let mut names: Vec<String> = lookup
                .link_options(*target)
                .into_iter()
                .map(|(_, name)| name)
                .collect();
            if *optional {
                names.insert(0, String::new());
            }
            link_ui(ui, id, column.header, edit, &names)
        }
        EditorKind::Date => date_ui(ui, id, column.header, edit),
        _ => text_ui(ui, id, column.header, edit, ui.available_width()),
    };
    match outcome {
        Outcome::Nothing => {}
        Outcome::Cancel => state.editing = None,
        Outcome::Commit(text, tab) => commit(context, spec, state, shown, &text, tab, commands),
    }
}

fn commit<T: Entity + 'static>(
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    shown: &[bool],
    text: &str,
    tab: Option<bool>,
    commands: &mut CommandQueue,
) {
    let Some(edit) = state.editing.as_mut() else {
        return;
    };
    let lookup = Lookup::new(context.register, super::today());
    match spec.edit_cell(&lookup, edit.key, edit.column, text) {
        Ok(change) => {
            if let Some(change) = change {
                commands.send(Command::edit(change));
            }
            let (key, column) = (edit.key, edit.column);
            state.editing = None;
            if let Some(forward) = tab {
                let next = super::keys::next_shown_column(shown, column, forward);
                if next != column {
                    start_editing(context, spec, state, key, next);
                }
            }
        }
        Err(reason) => {
            edit.error = Some(format!(
                "{}: {}",
                spec.columns[edit.column].header, reason.0
            ));
            edit.text = text.to_string();
            // Keep the keyboard in the cell, text selected, so the fix can be typed at once.
            edit.focus_asked = false;
        }
    }
}

/// Names the editor for screen readers and tests by its column.
fn label_editor(ui: &egui::Ui, response: &egui::Response, header: &str) {
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_label(header.to_string());
    });
}

fn text_ui<K>(
    ui: &mut egui::Ui,
    id: egui::Id,
    header: &str,
    edit: &mut CellEdit<K>,
    width: f32,
) -> Outcome {
    let invalid = edit.error.is_some();
    let response = ui
        .scope(|ui| {
            if invalid {
                let stroke =
                    egui::Stroke::new(1.5, crate::ui::theme::invalid_text_colour(ui.visuals()));
                ui.visuals_mut().widgets.inactive.bg_stroke = stroke;
                ui.visuals_mut().selection.stroke = stroke;
            }
            ui.add(
                egui::TextEdit::singleline(&mut edit.text)
                    .id(id)
                    .desired_width(width),
            )
        })
        .inner;
    label_editor(ui, &response, header);
    if invalid {
        response
            .clone()
            .on_hover_text(edit.error.clone().unwrap_or_default());
    }
    if !edit.focus_asked {
        crate::ui::text_field::focus_and_select_all(ui, id, &edit.text);
        edit.focus_asked = true;
        return Outcome::Nothing;
    }
    if response.changed() {
        edit.error = None;
    }
    let (enter, escape, tab, shift) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::Enter),
            i.key_pressed(egui::Key::Escape),
            i.key_pressed(egui::Key::Tab),
            i.modifiers.shift,
        )
    });
    if escape {
        return Outcome::Cancel;
    }
    if response.lost_focus() || (response.has_focus() && (enter || tab)) {
        let tab = tab.then_some(!shift);
        if response.lost_focus() && !enter && tab.is_none() && invalid {
            // Left a refused value: keep it, with its reason, until fixed or cancelled.
            return Outcome::Nothing;
        }
        return Outcome::Commit(edit.text.clone(), tab);
    }
    Outcome::Nothing
}

fn date_ui<K>(ui: &mut egui::Ui, id: egui::Id, header: &str, edit: &mut CellEdit<K>) -> Outcome {
    let mut picked = None;
    let outcome = ui
        .horizontal(|ui| {
            let chrono_date =
                crate::model::parse_date(&edit.text).unwrap_or_else(|_| super::today());
            let mut date = to_jiff(chrono_date);
            let picker = ui.add(
                egui_extras::DatePickerButton::new(&mut date)
                    .id_salt("table_date_picker")
                    .show_icon(true)
                    .format(""),
            );
            label_editor(ui, &picker, &format!("Pick {header}"));
            if picker.changed() {
                picked = Some(format!(
                    "{:04}-{:02}-{:02}",
                    date.year(),
                    date.month(),
                    date.day()
                ));
            }
            text_ui(ui, id, header, edit, (ui.available_width() - 4.0).max(60.0))
        })
        .inner;
    match picked {
        Some(date) => Outcome::Commit(date, None),
        None => outcome,
    }
}

fn list_ui<K>(
    ui: &mut egui::Ui,
    id: egui::Id,
    header: &str,
    edit: &mut CellEdit<K>,
    options: &[String],
) -> Outcome {
    let mut outcome = Outcome::Nothing;
    let inner = egui::ComboBox::from_id_salt(id)
        .selected_text(edit.text.clone())
        .width(ui.available_width())
        .show_ui(ui, |ui| {
            for option in options {
                let shown = if option.is_empty() {
                    "(none)"
                } else {
                    option.as_str()
                };
                if ui.selectable_label(*option == edit.text, shown).clicked() {
                    outcome = Outcome::Commit(option.clone(), None);
                }
            }
        });
    label_editor(ui, &inner.response, header);
    if !edit.focus_asked {
        // Open the list at once: the user asked to edit this cell.
        egui::Popup::open_id(ui.ctx(), egui::Popup::default_response_id(&inner.response));
        edit.focus_asked = true;
    } else if inner.inner.is_none() && matches!(outcome, Outcome::Nothing) {
        // The list was closed without a pick.
        outcome = Outcome::Cancel;
    }
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        outcome = Outcome::Cancel;
    }
    outcome
}

fn link_ui<K>(
    ui: &mut egui::Ui,
    id: egui::Id,
    header: &str,
    edit: &mut CellEdit<K>,
    names: &[String],
) -> Outcome {
    let mut outcome = Outcome::Nothing;
    let search_id = id.with("search");
    let inner = egui::ComboBox::from_id_salt(id)
        .selected_text(edit.text.clone())
        .width(ui.available_width())
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .height(320.0)
        .show_ui(ui, |ui| {
            let search = ui.add(
                egui::TextEdit::singleline(&mut edit.search)
                    .id(search_id)
                    .hint_text("Type to search")
                    .desired_width(280.0),
            );
            label_editor(ui, &search, &format!("Search {header}"));
            if !search.has_focus() && !edit.focus_asked {
                search.request_focus();
            }
            let words: Vec<String> = edit
                .search
                .split_whitespace()
                .map(str::to_lowercase)
                .collect();
            let matching = names.iter().filter(|name| {
                let lower = name.to_lowercase();
                words.iter().all(|w| lower.contains(w.as_str()))
            });
            let mut first = None;
            for name in matching.take(200) {
                first.get_or_insert_with(|| name.clone());
                let shown = if name.is_empty() {
                    "(none)"
                } else {
                    name.as_str()
                };
                if ui.selectable_label(*name == edit.text, shown).clicked() {
                    outcome = Outcome::Commit(name.clone(), None);
                }
            }
            if search.lost_focus()
                && ui.input(|i| i.key_pressed(egui::Key::Enter))
                && let Some(first) = first
            {
                outcome = Outcome::Commit(first, None);
            }
        });
    label_editor(ui, &inner.response, header);
    if !edit.focus_asked {
        egui::Popup::open_id(ui.ctx(), egui::Popup::default_response_id(&inner.response));
        edit.focus_asked = true;
    } else if inner.inner.is_none() && matches!(outcome, Outcome::Nothing) {
        outcome = Outcome::Cancel;
    }
    if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        outcome = Outcome::Cancel;
    }
    outcome
}

/// The picker's date type from chrono's.
pub(crate) fn to_jiff(date: chrono::NaiveDate) -> jiff::civil::Date {
    use chrono::Datelike;
    let year = i16::try_from(date.year()).unwrap_or(2000);
    let month = i8::try_from(date.month()).unwrap_or(1);
    let day = i8::try_from(date.day()).unwrap_or(1);
    jiff::civil::Date::new(year, month, day).unwrap_or_default()
}

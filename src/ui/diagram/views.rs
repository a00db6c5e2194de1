//! The register's list of views in the tool bar: which one is shown, and New view, Duplicate,
//! Rename and Delete view, each a short form under the tool bar that sends one edit (undoable
//! like any other), then shows the view it made.

use super::DiagramPanelState;
use crate::diagram::views as view_edits;
use crate::model::{ViewId, ViewKind};
use crate::ui::{Command, CommandQueue, PanelContext};

/// Accessible name of the view name field.
pub const VIEW_NAME_LABEL: &str = "Name of the view";

/// Which view form is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewAction {
    /// Make a new, empty view.
    New,
    /// Copy the view shown, with its arrangement.
    Duplicate(ViewId),
    /// Rename the view shown.
    Rename(ViewId),
    /// Delete the view shown (after asking).
    Delete(ViewId),
}

/// The view forms' state between frames.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewsForm {
    /// The form open, if one is.
    pub action: Option<ViewAction>,
    /// The name typed.
    pub name: String,
    /// The kind of picture a new view draws.
    pub kind: ViewKind,
    /// Why the last try was refused.
    pub error: Option<String>,
    /// The name field takes the keyboard when it is next drawn.
    focus_name: bool,
}

impl ViewsForm {
    pub(super) fn open(&mut self, action: ViewAction, name: String) {
        *self = Self {
            action: Some(action),
            name,
            kind: self.kind,
            error: None,
            focus_name: true,
        };
    }
}

/// The view picker and the buttons that change the list.
pub fn view_list_ui(ui: &mut egui::Ui, context: &PanelContext<'_>, state: &mut DiagramPanelState) {
    let register = context.register;
    let shown = state.view.and_then(|id| register.views.get(&id));
    egui::ComboBox::from_label("View")
        .selected_text(shown.map_or("(none)", |v| v.name.as_str()))
        .show_ui(ui, |ui| {
            for view in register.views.values() {
                if ui
                    .selectable_label(state.view == Some(view.id), &view.name)
                    .clicked()
                {
                    state.view = Some(view.id);
                    state.fit_to_window();
                }
            }
        });
    ui.add_enabled_ui(!context.read_only, |ui| {
        if ui.button("New view...").clicked() {
            let name = view_edits::free_view_name(register, "New view");
            state.views.open(ViewAction::New, name);
        }
        let Some(view) = shown else { return };
        if ui.button("Duplicate view...").clicked() {
            let name = view_edits::free_view_name(register, &format!("{} (copy)", view.name));
            state.views.open(ViewAction::Duplicate(view.id), name);
        }
        if ui.button("Rename view...").clicked() {
            state
                .views
                .open(ViewAction::Rename(view.id), view.name.clone());
        }
        if ui.button("Delete view...").clicked() {
            state.views.open(ViewAction::Delete(view.id), String::new());
        }
    });
}

/// The open view form, if any, on a row of its own.
pub fn view_form_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    let Some(action) = state.views.action else {
        return;
    };
    let register = context.register;
    let form = &mut state.views;
    let mut done = false;
    ui.horizontal_wrapped(|ui| {
        if let ViewAction::Delete(id) = action {
            let name = register.views.get(&id).map_or("", |v| v.name.as_str());
            ui.label(format!(
                "Delete the view “{name}” and its arrangement? Undo brings it back."
            ));
            if ui.button("Delete").clicked() {
                match view_edits::delete_view_edit(register, id) {
                    Ok(edit) => {
                        commands.send(Command::edit(edit));
                        done = true;
                    }
                    Err(error) => form.error = Some(error.to_string()),
                }
            }
        } else {
            let label = ui.label(VIEW_NAME_LABEL);
            let field = ui
                .add(egui::TextEdit::singleline(&mut form.name).desired_width(220.0))
                .labelled_by(label.id);
            if std::mem::take(&mut form.focus_name) {
                field.request_focus();
            }
            if action == ViewAction::New {
                egui::ComboBox::from_label("Picture")
                    .selected_text(view_edits::kind_label(form.kind))
                    .show_ui(ui, |ui| {
                        for &kind in ViewKind::ALL {
                            ui.selectable_value(&mut form.kind, kind, view_edits::kind_label(kind));
                        }
                    });
            }
            let verb = match action {
                ViewAction::New => "Create view",
                ViewAction::Duplicate(_) => "Duplicate",
                _ => "Rename",
            };
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(verb).clicked() || entered {
                // A new view or copy takes the register's next id.
                let next = ViewId::next_in(&register.views);
                let made = match action {
                    ViewAction::New => view_edits::new_view_edit(register, &form.name, form.kind)
                        .map(|edit| (Some(edit), Some(next))),
                    ViewAction::Duplicate(id) => {
                        view_edits::duplicate_view_edit(register, id, Some(&form.name))
                            .map(|edit| (Some(edit), Some(next)))
                    }
                    ViewAction::Rename(id) | ViewAction::Delete(id) => {
                        view_edits::rename_view_edit(register, id, &form.name)
                            .map(|edit| (edit, None))
                    }
                };
                match made {
                    Ok((edit, show)) => {
                        if let Some(edit) = edit {
                            commands.send(Command::edit(edit));
                        }
                        if let Some(id) = show {
                            commands.send(Command::ShowDiagramView(id));
                        }
                        done = true;
                    }
                    Err(error) => form.error = Some(error.to_string()),
                }
            }
        }
        if ui.button("Cancel").clicked() {
            done = true;
        }
        if let Some(error) = &form.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    });
    if done {
        state.views = ViewsForm {
            kind: state.views.kind,
            ..ViewsForm::default()
        };
    }
}

/// What the panel shows when the register has no views (an older file): why, and the
/// standard views to add, as one edit.
pub fn no_views_ui(ui: &mut egui::Ui, context: &PanelContext<'_>, commands: &mut CommandQueue) {
    ui.label("This register has no diagram views yet.");
    if let Some(edit) = view_edits::add_standard_views_edit(context.register)
        && ui
            .add_enabled(
                !context.read_only,
                egui::Button::new("Add the standard views"),
            )
            .on_hover_text("LSP structure, Council involvement and Membership network")
            .clicked()
    {
        commands.send(Command::edit(edit));
    }
    ui.label("Or make your own with New view above.");
}

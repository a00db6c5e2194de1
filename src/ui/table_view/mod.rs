//! The generic table view: any [`TableSpec`] drawn with `egui_extras`' table (only the visible
//! rows), with a toolbar (filter, add, duplicate, status, delete, copy, paste, columns), sort
//! by heading, multi-select, inline editing checked before anything is written, a totals line
//! for the filtered rows, and the paste preview window.
//!
//! Keys, when no text field has the keyboard: Ctrl+F filter, Ctrl+N new row, Delete (asks
//! first), Enter edits the current cell, arrows and Tab/Shift+Tab move it, Ctrl+A selects all, Ctrl+C copies the
//! selected rows as tab-separated text, Ctrl+V opens the paste preview. While editing: Enter
//! saves, Tab and Shift+Tab save and move to the next or previous cell, Escape cancels.

mod cell_editor;
pub(crate) use cell_editor::to_jiff;
mod grid;
mod keys;
mod paste_window;
mod toolbar;

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::PanelContext;
use crate::model::words::counted;
use crate::model::{Entity, PartnershipId};
use crate::tables::{Lookup, PastePreview, RowScope, SortOrder, TableRows, TableSpec, YearScope};
use crate::ui::{Command, CommandQueue};

/// A cell being edited: what is typed, and why it was refused, if it was.
#[derive(Debug)]
pub(crate) struct CellEdit<K> {
    key: K,
    column: usize,
    text: String,
    error: Option<String>,
    focus_asked: bool,
    search: String,
}

/// The paste window: the pasted text and what it would do.
#[derive(Debug, Default)]
pub(crate) struct PasteWindow {
    text: String,
    checked_text: Option<String>,
    preview: PastePreview,
}

/// One table's memory between frames.
#[derive(Debug)]
pub struct TableViewState<K> {
    /// Words every shown row must contain.
    pub filter: String,
    /// The order, if the user chose one (else the register's order).
    pub sort: Option<SortOrder>,
    /// Only the current partnership's rows.
    pub only_current: bool,
    /// Which financial year's rows show, in a table with years (the newest at first).
    pub year: YearScope,
    rows: TableRows<K>,
    selected: BTreeSet<K>,
    anchor: Option<usize>,
    cursor: Option<(K, usize)>,
    editing: Option<CellEdit<K>>,
    paste: Option<PasteWindow>,
    confirm_delete: Option<Vec<K>>,
    notice: Option<Notice<K>>,
    focus_filter: bool,
    /// A text field had the keyboard at the end of the last frame: its Enter or Delete is
    /// not the table's.
    keys_blocked: bool,
    select_when_added: Option<Vec<K>>,
    scroll_to: Option<usize>,
}

/// A line of feedback under the toolbar: a refusal with its reason, or what was done.
#[derive(Debug, Clone)]
pub(crate) struct Notice<K> {
    text: String,
    error: bool,
    /// Rows that could be marked as removed instead of deleted.
    offer_removal: Option<Vec<K>>,
}

impl<K> Default for TableViewState<K> {
    fn default() -> Self {
        Self {
            filter: String::new(),
            sort: None,
            only_current: false,
            year: YearScope::Latest,
            rows: TableRows::default(),
            selected: BTreeSet::new(),
            anchor: None,
            cursor: None,
            editing: None,
            paste: None,
            confirm_delete: None,
            notice: None,
            focus_filter: false,
            keys_blocked: false,
            select_when_added: None,
            scroll_to: None,
        }
    }
}

impl<K: Copy + Ord> TableViewState<K> {
    /// Forgets everything tied to the register (another one was opened).
    pub fn forget_register(&mut self) {
        *self = Self::default();
    }

    /// The selected rows.
    pub fn selected(&self) -> &BTreeSet<K> {
        &self.selected
    }

    /// Selects exactly `key` and brings it into view when it is shown.
    pub fn select_only(&mut self, key: K) {
        self.selected = BTreeSet::from([key]);
        self.select_when_added = Some(vec![key]);
    }

    /// The rows as last shown.
    pub fn rows(&self) -> &TableRows<K> {
        &self.rows
    }

    /// The current cell (row and column), where Enter starts editing.
    pub fn cursor(&self) -> Option<(K, usize)> {
        self.cursor
    }

    /// Whether a cell is being edited.
    pub fn is_editing(&self) -> bool {
        self.editing.is_some()
    }
}

/// What a table panel passes in besides the spec and state.
pub struct TableViewOptions<'a> {
    /// Which columns the user hid (by column id), remembered in the settings.
    pub hidden: &'a mut BTreeSet<String>,
    /// The current partnership, shared by every panel.
    pub current: &'a mut Option<PartnershipId>,
    /// Sent by "Add" instead of a plain new row (the partnerships panel's own add).
    pub add_command: Option<Command>,
}

/// Today's date, for overdue actions.
pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Which columns are shown, in spec order.
pub(crate) fn shown_columns<T: Entity>(
    spec: &TableSpec<T>,
    hidden: &BTreeSet<String>,
) -> Vec<bool> {
    spec.columns
        .iter()
        .map(|c| !hidden.contains(c.id))
        .collect()
}

/// The hidden columns a table starts with.
pub fn default_hidden<T: Entity>(spec: &TableSpec<T>) -> BTreeSet<String> {
    spec.columns
        .iter()
        .filter(|c| c.hidden_by_default)
        .map(|c| c.id.to_string())
        .collect()
}

/// Draws a table with its toolbar, totals and windows.
pub fn table_view_ui<T: Entity + 'static>(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    mut options: TableViewOptions<'_>,
    commands: &mut CommandQueue,
) {
    let shown = shown_columns(spec, options.hidden);
    let scope = RowScope {
        partnership: if state.only_current {
            *options.current
        } else {
            None
        },
        year: state.year,
    };
    state.rows.refresh(
        spec,
        context.register,
        today(),
        context.revision,
        &state.filter,
        state.sort,
        &shown,
        scope,
    );
    // Rows just added are selected once they appear.
    if let Some(added) = state.select_when_added.take() {
        let positions: Vec<usize> = added
            .iter()
            .filter_map(|k| state.rows.visible_position(*k))
            .collect();
        if positions.is_empty()
            && added
                .iter()
                .any(|k| spec.record(context.register, *k).is_none())
        {
            state.select_when_added = Some(added);
        } else {
            state.selected = added.iter().copied().collect();
            state.anchor = positions.first().copied();
            state.scroll_to = positions.first().copied();
            if let Some(&first) = added.first() {
                state.cursor = Some((first, spec.name_column.unwrap_or(0)));
            }
        }
    }
    state
        .selected
        .retain(|key| spec.record(context.register, *key).is_some());

    keys::table_keys(ui, context, spec, state, &shown, &mut options, commands);
    toolbar::toolbar_ui(ui, context, spec, state, &mut options, commands);
    let shown = shown_columns(spec, options.hidden);
    totals_ui(ui, context, spec, state);
    edit_status_ui(ui, spec, state);
    grid::grid_ui(ui, context, spec, state, &shown, options.current, commands);
    paste_window::paste_window_ui(
        ui.ctx(),
        context,
        spec,
        state,
        &shown,
        *options.current,
        commands,
    );
    confirm_delete_ui(ui.ctx(), context, spec, state, commands);
    state.keys_blocked = ui.ctx().egui_wants_keyboard_input();
}

/// "TOTAL 104 hours, £538,000 (all rows)"; per financial year in a table with years ("Total
/// 2026/27: £538,000 (the 12 rows shown)"), never adding different years together. With two or
/// more rows selected, the selection's total, as Excel's status bar gives it ("(the 2 selected
/// rows: Kestleigh Area Board and Youth Forum)").
fn totals_ui<T: Entity + 'static>(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &TableViewState<T::Key>,
) {
    let selected = state.rows.visible_selected(&state.selected);
    let of_selection = selected.len() >= 2;
    let summary = match (spec.year_of.is_some(), of_selection) {
        (true, true) => crate::tables::year_totals_summary(
            spec,
            &state.rows.selected_totals_by_year(spec, &state.selected),
        ),
        (true, false) => crate::tables::year_totals_summary(spec, &state.rows.totals_by_year(spec)),
        (false, true) => {
            crate::tables::totals_summary(spec, &state.rows.selected_totals(spec, &state.selected))
        }
        (false, false) => crate::tables::totals_summary(spec, &state.rows.totals(spec)),
    };
    // The partnerships' money is the newest year's: say which.
    let summary = match (summary, context.register.latest_contribution_year()) {
        (Some(summary), Some(year)) if spec.column_index("contribution").is_some() => {
            Some(format!(
                "{summary} in {}",
                crate::model::FinancialYear::starting(year)
            ))
        }
        (summary, _) => summary,
    };
    let Some(summary) = summary else {
        return;
    };
    let shown = state.rows.visible_len();
    let scope = if of_selection {
        let count = counted(selected.len(), "selected row");
        match spec.row_names(context.register, &selected) {
            Some(names) => format!("the {count}: {names}"),
            None => format!("the {count}"),
        }
    } else if shown == state.rows.total_len() {
        "all rows".to_string()
    } else {
        format!("the {} shown", counted(shown, "row"))
    };
    ui.label(egui::RichText::new(format!("{summary} ({scope})")).strong())
        .on_hover_text("Select two or more rows (Ctrl+click, Shift+click) to total only them");
}

/// While a cell is edited: which column, and the reason a value was refused.
fn edit_status_ui<T: Entity + 'static>(
    ui: &mut egui::Ui,
    spec: &TableSpec<T>,
    state: &TableViewState<T::Key>,
) {
    let Some(edit) = &state.editing else {
        return;
    };
    ui.horizontal(|ui| {
        let header = spec.columns.get(edit.column).map_or("", |c| c.header);
        ui.label(egui::RichText::new(format!("Editing {header}:")).weak());
        ui.label("Enter saves, Tab moves on, Escape cancels.");
        if let Some(reason) = &edit.error {
            ui.label(
                egui::RichText::new(reason).color(super::theme::invalid_text_colour(ui.visuals())),
            );
        }
    });
}

fn confirm_delete_ui<T: Entity + 'static>(
    ctx: &egui::Context,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    commands: &mut CommandQueue,
) {
    let Some(keys) = state.confirm_delete.clone() else {
        return;
    };
    let mut close = false;
    let pronoun = if keys.len() == 1 { "it" } else { "them" };
    egui::Window::new(format!("Delete {}?", counted(keys.len(), spec.noun)))
        .id(egui::Id::new(("confirm_delete", spec.id)))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            ui.label(format!(
                "Delete {}? Ctrl+Z brings {pronoun} back.",
                spec.rows_in_words(context.register, &keys)
            ));
            ui.horizontal(|ui| {
                if ui.button("Delete").clicked() {
                    match spec.delete(context.register, &keys) {
                        Ok(edit) => {
                            commands.send(Command::edit(edit));
                            state.selected.clear();
                        }
                        Err(reason) => {
                            state.notice = Some(Notice {
                                text: reason.0,
                                error: true,
                                offer_removal: None,
                            })
                        }
                    }
                    close = true;
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    close = true;
                }
            });
        });
    if close {
        state.confirm_delete = None;
    }
}

/// Asks to delete the selected rows: refused at once with the reason when another record uses
/// one (offering "Mark as removed" where the table has one), else asks for confirmation.
pub(crate) fn ask_to_delete<T: Entity + 'static>(
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
) {
    let keys: Vec<T::Key> = state.selected.iter().copied().collect();
    if keys.is_empty() {
        state.notice = Some(Notice {
            text: "Select the rows to delete first".to_string(),
            error: true,
            offer_removal: None,
        });
        return;
    }
    match spec.delete(context.register, &keys) {
        Ok(_) => state.confirm_delete = Some(keys),
        Err(reason) => {
            let removable = spec.id == "partnerships" && spec.status_column.is_some();
            state.notice = Some(Notice {
                text: reason.0,
                error: true,
                offer_removal: removable.then_some(keys),
            });
        }
    }
}

/// Adds a new row (linked to the current partnership where it can be) and selects it.
pub(crate) fn add_row<T: Entity + 'static>(
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    options: &TableViewOptions<'_>,
    commands: &mut CommandQueue,
) {
    if let Some(command) = &options.add_command {
        commands.send(command.clone());
        return;
    }
    match spec.new_row(context.register, *options.current) {
        Ok((key, edit)) => {
            commands.send(Command::edit(edit));
            state.filter.clear();
            state.select_when_added = Some(vec![key]);
        }
        Err(reason) => {
            state.notice = Some(Notice {
                text: reason.0,
                error: true,
                offer_removal: None,
            })
        }
    }
}

/// Copies the selected rows (or every shown row when none is selected) as tab-separated text.
pub(crate) fn copy_rows<T: Entity + 'static>(
    ctx: &egui::Context,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    shown: &[bool],
) {
    let keys: Vec<T::Key> = if state.selected.is_empty() {
        state.rows.visible_keys()
    } else {
        state
            .rows
            .visible_keys()
            .into_iter()
            .filter(|k| state.selected.contains(k))
            .collect()
    };
    let lookup = Lookup::new(context.register, today());
    let text = spec.copy_rows(&lookup, &keys, shown);
    ctx.copy_text(text);
    state.notice = Some(Notice {
        text: format!(
            "Copied {} with their headings: paste them into Excel",
            counted(keys.len(), "row")
        ),
        error: false,
        offer_removal: None,
    });
}

/// Opens the paste preview, with `text` when it came from the clipboard.
pub(crate) fn open_paste<K>(state: &mut TableViewState<K>, text: Option<String>) {
    state.paste = Some(PasteWindow {
        text: text.unwrap_or_default(),
        ..PasteWindow::default()
    });
}

//! The line above a table: filter, row count, add, duplicate, change status, delete, copy,
//! paste, and which columns show; and the notice line under it.

use super::{Notice, TableViewOptions, TableViewState};
use crate::model::Entity;
use crate::model::FinancialYear;
use crate::model::words::counted;
use crate::tables::{EditorKind, Lookup, TableSpec, YearScope};
use crate::ui::PanelContext;
use crate::ui::{Command, CommandQueue};

/// The filter box's id in a table (Ctrl+F puts the keyboard there).
pub(crate) fn filter_id(table: &str) -> egui::Id {
    egui::Id::new(("table_filter", table))
}

#[allow(clippy::too_many_arguments)] // the toolbar acts on all of these
pub(crate) fn toolbar_ui<T: Entity + 'static>(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    options: &mut TableViewOptions<'_>,
    commands: &mut CommandQueue,
) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Filter");
        let options = &mut *options;
        let id = filter_id(spec.id);
        if std::mem::take(&mut state.focus_filter) {
            ui.memory_mut(|m| m.request_focus(id));
        }
        ui.add(
            egui::TextEdit::singleline(&mut state.filter)
                .id(id)
                .hint_text("Words to find in any shown column (Ctrl+F)")
                .desired_width(240.0),
        )
        .labelled_by(label.id);
        if !state.filter.is_empty() && ui.button("Clear filter").clicked() {
            state.filter.clear();
        }
        if spec.partnership_of.is_some() && spec.id != "partnerships" {
            ui.checkbox(&mut state.only_current, "Only the current partnership")
                .on_hover_text("Show only the rows of the partnership selected in any panel");
        }
        if spec.year_of.is_some() {
            year_choice_ui(ui, state);
        }
        let shown = state.rows.visible_len();
        let total = state.rows.total_len();
        let counted = if shown == total {
            counted(total, "row")
        } else {
            format!("Showing {shown} of {}", counted(total, "row"))
        };
        let selected = state.selected.len();
        let counted = if selected > 1 { format!("{counted}, {selected} selected") } else { counted };
        ui.label(egui::RichText::new(counted).weak());
        ui.separator();
        let editable = !context.read_only;
        if ui
            .add_enabled(editable, egui::Button::new(format!("Add {}", spec.noun)))
            .on_hover_text("Add a new row (Ctrl+N)")
            .clicked()
        {
            super::add_row(context, spec, state, options, commands);
        }
        let any = !state.selected.is_empty();
        if spec.numeric_id.is_some()
            && ui
                .add_enabled(editable && any, egui::Button::new("Duplicate"))
                .on_hover_text("Add a copy of each selected row")
                .clicked()
        {
            let keys: Vec<T::Key> = state.selected.iter().copied().collect();
            match spec.duplicate(context.register, &keys) {
                Ok((added, edit)) => {
                    commands.send(Command::edit(edit));
                    state.select_when_added = Some(added);
                }
                Err(reason) => state.notice = Some(error(reason.0)),
            }
        }
        if let Some(status) = spec.status_column {
            status_menu_ui(ui, context, spec, state, status, editable && any, commands);
        }
        if ui
            .add_enabled(editable && any, egui::Button::new("Delete..."))
            .on_hover_text("Delete the selected rows (Delete key); asks first")
            .clicked()
        {
            super::ask_to_delete(context, spec, state);
        }
        ui.separator();
        let shown_columns = super::shown_columns(spec, options.hidden);
        if ui
            .button("Copy rows")
            .on_hover_text("Copy the selected rows (or all shown rows) as tab-separated text with headings (Ctrl+C)")
            .clicked()
        {
            super::copy_rows(ui.ctx(), context, spec, state, &shown_columns);
        }
        if ui
            .add_enabled(editable, egui::Button::new("Paste rows..."))
            .on_hover_text("Paste rows copied from Excel: see what they would change first (Ctrl+V)")
            .clicked()
        {
            super::open_paste(state, None);
        }
        ui.menu_button("Columns", |ui| {
            // A long list (a partnership has forty fields) scrolls rather than leave the window.
            let most = (ui.ctx().content_rect().height() - 160.0).max(200.0);
            egui::ScrollArea::vertical()
                .max_height(most)
                .min_scrolled_height(most.min(640.0))
                .show(ui, |ui| {
                for column in &spec.columns {
                    let mut visible = !options.hidden.contains(column.id);
                    if ui.checkbox(&mut visible, column.header).changed() {
                        if visible {
                            options.hidden.remove(column.id);
                        } else {
                            options.hidden.insert(column.id.to_string());
                        }
                    }
                }
            });
        });
    });
    notice_ui(ui, context, spec, state, commands);
}

/// The financial year a table with years shows: the newest (the default), one year, or all.
fn year_choice_ui<K: Copy + Ord>(ui: &mut egui::Ui, state: &mut TableViewState<K>) {
    let years = state.rows.years();
    let words = |scope: YearScope| match scope {
        YearScope::Latest => match years.first() {
            Some(&year) => format!("Latest ({})", FinancialYear::starting(year)),
            None => "Latest".to_string(),
        },
        YearScope::All => "All years".to_string(),
        YearScope::Year(year) => FinancialYear::starting(year).label(),
    };
    let label = ui.label("Financial year");
    let mut offered = vec![YearScope::Latest, YearScope::All];
    offered.extend(years.iter().map(|&y| YearScope::Year(y)));
    if !offered.contains(&state.year) {
        offered.push(state.year);
    }
    let response = egui::ComboBox::from_id_salt("table_year_choice")
        .selected_text(words(state.year))
        .show_ui(ui, |ui| {
            for scope in offered {
                ui.selectable_value(&mut state.year, scope, words(scope));
            }
        })
        .response;
    response.labelled_by(label.id).on_hover_text(
        "Totals are per financial year: money of different years is never added together",
    );
}

fn error<K>(text: String) -> Notice<K> {
    Notice {
        text,
        error: true,
        offer_removal: None,
    }
}

#[allow(clippy::too_many_arguments)] // one menu, several inputs
fn status_menu_ui<T: Entity + 'static>(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    status: usize,
    enabled: bool,
    commands: &mut CommandQueue,
) {
    let EditorKind::Choice { options, .. } = &spec.columns[status].editor else {
        return;
    };
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button("Change status", |ui| {
            for option in options {
                if ui.button(*option).clicked() {
                    let keys: Vec<T::Key> = state.selected.iter().copied().collect();
                    let lookup = Lookup::new(context.register, super::today());
                    match spec.edit_cells(&lookup, &keys, status, option) {
                        Ok(Some(edit)) => commands.send(Command::edit(edit)),
                        Ok(None) => {}
                        Err(reason) => state.notice = Some(error(reason.0)),
                    }
                    ui.close();
                }
            }
        });
    });
}

fn notice_ui<T: Entity + 'static>(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    spec: &TableSpec<T>,
    state: &mut TableViewState<T::Key>,
    commands: &mut CommandQueue,
) {
    let Some(notice) = state.notice.clone() else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        let colour = if notice.error {
            crate::ui::theme::invalid_text_colour(ui.visuals())
        } else {
            ui.visuals().text_color()
        };
        ui.label(egui::RichText::new(&notice.text).color(colour));
        if let (Some(keys), Some(status)) = (&notice.offer_removal, spec.status_column)
            && !context.read_only
            && ui.button("Mark as removed").clicked()
        {
            let lookup = Lookup::new(context.register, super::today());
            if let Ok(Some(edit)) = spec.edit_cells(&lookup, keys, status, "removed") {
                commands.send(Command::edit(edit));
            }
            state.notice = None;
        }
        if ui.small_button("Dismiss").clicked() {
            state.notice = None;
        }
    });
}

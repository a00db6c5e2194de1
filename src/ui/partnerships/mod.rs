//! The Partnerships panel: a filter box, the table of partnerships, and the selected one's
//! detail form beside it.

mod detail_form;
mod form_fields;
mod relationships_section;

pub use detail_form::{DetailFormState, FormLayout};

use super::PanelContext;
use super::table_panels::{TablePanels, options_for};
use super::table_view::{TableViewState, table_view_ui};
use crate::model::{Edit, PartnershipId, Register};
use crate::ui::{Command, CommandQueue};

/// The width (in points) from which the detail form goes beside the table rather than under
/// it: the table needs about 1,350 points to show every column with room for names, and the
/// form about 520.
pub const WIDTH_FOR_FORM_BESIDE: f32 = 1880.0;

/// The record pane's size, as the user dragged it (kept between sessions by the app).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PaneSizes {
    /// The pane's height under the table (narrow windows), in points.
    pub below: Option<f32>,
    /// The pane's width beside the table (wide windows), in points.
    pub beside: Option<f32>,
}

/// The panel's memory between frames.
#[derive(Debug, Default)]
pub struct PartnershipsPanelState {
    /// The generic table's state (filter, order, selection, editing).
    pub table: TableViewState<PartnershipId>,
    form: DetailFormState,
    /// The record pane's size, as last dragged.
    pub pane: PaneSizes,
}

impl PartnershipsPanelState {
    /// Forgets everything tied to the register (another one was opened).
    pub fn forget_register(&mut self) {
        self.form.forget();
        self.table.forget_register();
    }

    /// A partnership was added: make sure it shows, and put the cursor in its name.
    pub fn show_added(&mut self, id: PartnershipId) {
        self.table.filter.clear();
        self.table.select_only(id);
        self.form.focus_name_of(id);
    }

    /// The edit that saves text still being typed in the detail form, if any (for closing
    /// the register or the window without losing it).
    pub fn take_pending_edit(&mut self, register: &Register) -> Option<Edit> {
        self.form.take_pending_edit(register)
    }
}

/// Draws the panel.
pub fn partnerships_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut PartnershipsPanelState,
    tables: &mut TablePanels,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    ui.add_space(4.0);

    // A partnership that is no longer there (undo of an add) is no longer selected.
    if current.is_some_and(|id| !context.register.partnerships.contains_key(&id)) {
        *current = None;
    }
    state.form.follow_selection(context, *current, commands);
    if let Some(partnership) = current.and_then(|id| context.register.partnerships.get(&id)) {
        // Beside the table when there is room for both; under it otherwise, so the table
        // keeps every column in view.
        if ui.available_width() >= WIDTH_FOR_FORM_BESIDE {
            let shown = egui::Panel::right("partnership_detail")
                .resizable(true)
                .default_size(state.pane.beside.unwrap_or(520.0))
                .size_range(320.0..=760.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            detail_form::detail_form_ui(
                                ui,
                                context,
                                partnership,
                                &mut state.form,
                                FormLayout::Beside,
                                commands,
                            );
                        });
                });
            state.pane.beside = Some(shown.response.rect.width().round());
        } else {
            // Under the table: at first two fifths of the height, so the table keeps most
            // rows; the user drags the edge between them, and the size is remembered.
            let height = (ui.available_height() * 0.4).max(200.0);
            let most = (ui.available_height() - 160.0).max(200.0);
            let shown = egui::Panel::bottom("partnership_detail_below")
                .resizable(true)
                .default_size(state.pane.below.unwrap_or(height))
                .size_range(120.0..=most)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            detail_form::detail_form_ui(
                                ui,
                                context,
                                partnership,
                                &mut state.form,
                                FormLayout::Below,
                                commands,
                            );
                        });
                });
            state.pane.below = Some(shown.response.rect.height().round());
        }
    }
    // The current partnership (chosen in any panel) is the selected row here.
    if let Some(id) = *current
        && !state.table.selected().contains(&id)
    {
        state.table.select_only(id);
    }
    let mut options = options_for(
        &mut tables.hidden_columns,
        &tables.specs.partnerships,
        current,
    );
    options.add_command = Some(Command::AddPartnership);
    table_view_ui(
        ui,
        context,
        &tables.specs.partnerships,
        &mut state.table,
        options,
        commands,
    );
}

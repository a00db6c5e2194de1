//! The panels that are one table each, or a few tables under tabs: Relationships,
//! Organisations, Memberships, Contributions, Strategies, Themes and priorities, Actions.

use super::PanelContext;
use super::table_panels::{STRATEGY_TABS, THEME_TABS, TablePanels, options_for, sub_tabs_ui};
use super::table_view::table_view_ui;
use crate::model::PartnershipId;
use crate::ui::CommandQueue;

/// Draws one table of `$tables` by field name.
macro_rules! table {
    ($ui:expr, $context:expr, $tables:expr, $field:ident, $spec:ident, $current:expr, $commands:expr) => {{
        let options = options_for(&mut $tables.hidden_columns, &$tables.specs.$spec, $current);
        table_view_ui(
            $ui,
            $context,
            &$tables.specs.$spec,
            &mut $tables.$field,
            options,
            $commands,
        )
    }};
}

/// Typed relationships between partnerships (sub-group of, reports to, advises...).
pub fn relationships_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    tables: &mut TablePanels,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    ui.label("Each line says how one partnership relates to another: a sub-group of, reports to, advises...");
    table!(
        ui,
        context,
        tables,
        relationships,
        relationships,
        current,
        commands
    );
}

/// Partner organisations, with their org-id identifiers.
pub fn organisations_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    tables: &mut TablePanels,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    super::merge_records_dialog::merge_button_ui(
        ui,
        tables.organisations.selected(),
        super::merge_records_dialog::MergePair::Organisations,
        &mut tables.merge_records,
    );
    table!(
        ui,
        context,
        tables,
        organisations,
        organisations,
        current,
        commands
    );
    super::merge_records_dialog::merge_window_ui(
        ui.ctx(),
        context.register,
        &mut tables.merge_records,
        commands,
    );
}

/// Organisations in partnerships: filter by either name to see it from either side.
pub fn memberships_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    tables: &mut TablePanels,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    ui.label(
        "Type a partnership's or an organisation's name in the filter to see its memberships.",
    );
    table!(
        ui,
        context,
        tables,
        memberships,
        memberships,
        current,
        commands
    );
}

/// The council's money and in-kind input, per partnership per year.
pub fn contributions_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    tables: &mut TablePanels,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    table!(
        ui,
        context,
        tables,
        contributions,
        contributions,
        current,
        commands
    );
}

/// Strategy documents, objectives, measures, and who delivers which objective.
pub fn strategies_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    tables: &mut TablePanels,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let tab = sub_tabs_ui(ui, &mut tables.tabs, "strategies", &STRATEGY_TABS);
    match tab {
        0 => table!(
            ui, context, tables, strategies, strategies, current, commands
        ),
        1 => table!(
            ui, context, tables, objectives, objectives, current, commands
        ),
        2 => table!(ui, context, tables, measures, measures, current, commands),
        _ => table!(
            ui, context, tables, deliveries, deliveries, current, commands
        ),
    }
}

/// Themes and corporate priorities, with the partnerships tagged to each.
pub fn themes_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    tables: &mut TablePanels,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let tab = sub_tabs_ui(ui, &mut tables.tabs, "themes", &THEME_TABS);
    match tab {
        0 => table!(ui, context, tables, themes, themes, current, commands),
        1 => table!(
            ui, context, tables, theme_tags, theme_tags, current, commands
        ),
        2 => table!(
            ui, context, tables, priorities, priorities, current, commands
        ),
        _ => table!(
            ui,
            context,
            tables,
            priority_tags,
            priority_tags,
            current,
            commands
        ),
    }
}

/// The action plan; overdue actions (due before today, still open) stand out.
pub fn actions_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    tables: &mut TablePanels,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let today = super::table_view::today();
    let overdue = context
        .register
        .actions
        .values()
        .filter(|a| crate::tables::specs::is_overdue(a, today))
        .count();
    if overdue > 0 {
        ui.label(
            egui::RichText::new(format!(
                "{} overdue (shown in the warning colour)",
                crate::model::words::counted_is(overdue, "action")
            ))
            .color(ui.visuals().warn_fg_color)
            .strong(),
        );
    }
    table!(ui, context, tables, actions, actions, current, commands);
}

//! The table panels' shared memory: each table's spec (built once) and its view state, the
//! sub-tab each multi-table panel shows, and which columns the user hid (kept in the settings).

use std::collections::{BTreeMap, BTreeSet};

use super::table_view::{TableViewOptions, TableViewState, default_hidden};
use crate::model::*;
use crate::tables::{TableSpec, specs};

/// Every table's spec, built once.
pub struct TableSpecs {
    /// Partnerships.
    pub partnerships: TableSpec<Partnership>,
    /// Relationships between partnerships.
    pub relationships: TableSpec<Relationship>,
    /// Organisations.
    pub organisations: TableSpec<Organisation>,
    /// People.
    pub people: TableSpec<Person>,
    /// Representation.
    pub representations: TableSpec<Representation>,
    /// Report-back routes (the knowledge network).
    pub report_back_routes: TableSpec<ReportBackRoute>,
    /// Memberships.
    pub memberships: TableSpec<Membership>,
    /// Contributions.
    pub contributions: TableSpec<Contribution>,
    /// Strategy documents.
    pub strategies: TableSpec<Strategy>,
    /// Objectives.
    pub objectives: TableSpec<Objective>,
    /// Measures.
    pub measures: TableSpec<Measure>,
    /// Which partnership delivers which objective.
    pub deliveries: TableSpec<ObjectiveDelivery>,
    /// Themes.
    pub themes: TableSpec<Theme>,
    /// Corporate priorities.
    pub priorities: TableSpec<Priority>,
    /// Theme tags.
    pub theme_tags: TableSpec<ThemeTag>,
    /// Priority tags.
    pub priority_tags: TableSpec<PriorityTag>,
    /// Actions.
    pub actions: TableSpec<Action>,
}

impl Default for TableSpecs {
    fn default() -> Self {
        Self {
            partnerships: specs::partnerships(),
            relationships: specs::relationships(),
            organisations: specs::organisations(),
            people: specs::people(),
            representations: specs::representations(),
            report_back_routes: specs::report_back_routes(),
            memberships: specs::memberships(),
            contributions: specs::contributions(),
            strategies: specs::strategies(),
            objectives: specs::objectives(),
            measures: specs::measures(),
            deliveries: specs::objective_deliveries(),
            themes: specs::themes(),
            priorities: specs::priorities(),
            theme_tags: specs::theme_tags(),
            priority_tags: specs::priority_tags(),
            actions: specs::actions(),
        }
    }
}

impl std::fmt::Debug for TableSpecs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TableSpecs")
    }
}

/// Each table's view state (filter, order, selection, editing) and each panel's sub-tab.
#[derive(Debug, Default)]
pub struct TablePanels {
    /// The specs.
    pub specs: TableSpecs,
    /// Relationships.
    pub relationships: TableViewState<RelationshipId>,
    /// Organisations.
    pub organisations: TableViewState<OrganisationId>,
    /// People.
    pub people: TableViewState<PersonId>,
    /// Representation.
    pub representations: TableViewState<RepresentationId>,
    /// Report-back routes.
    pub report_back_routes: TableViewState<ReportBackRouteId>,
    /// Memberships.
    pub memberships: TableViewState<MembershipId>,
    /// Contributions.
    pub contributions: TableViewState<ContributionId>,
    /// Strategy documents.
    pub strategies: TableViewState<StrategyId>,
    /// Objectives.
    pub objectives: TableViewState<ObjectiveId>,
    /// Measures.
    pub measures: TableViewState<MeasureId>,
    /// Deliveries.
    pub deliveries: TableViewState<(PartnershipId, ObjectiveId)>,
    /// Themes.
    pub themes: TableViewState<ThemeId>,
    /// Priorities.
    pub priorities: TableViewState<PriorityId>,
    /// Theme tags.
    pub theme_tags: TableViewState<(PartnershipId, ThemeId)>,
    /// Priority tags.
    pub priority_tags: TableViewState<(PartnershipId, PriorityId)>,
    /// Actions.
    pub actions: TableViewState<ActionId>,
    /// The sub-tab shown in the People, Strategies and Themes panels.
    pub tabs: BTreeMap<&'static str, usize>,
    /// Two organisations or people chosen to merge, while the confirmation shows.
    pub merge_records: Option<super::merge_records_dialog::MergePair>,
    /// Hidden columns per table id, as the settings keep them (`None` until read from them).
    pub hidden_columns: Option<BTreeMap<String, BTreeSet<String>>>,
}

impl TablePanels {
    /// Forgets everything tied to the register (another one was opened).
    pub fn forget_register(&mut self) {
        let specs = std::mem::take(&mut self.specs);
        let hidden = self.hidden_columns.take();
        let tabs = std::mem::take(&mut self.tabs);
        *self = Self {
            specs,
            hidden_columns: hidden,
            tabs,
            ..Self::default()
        };
    }
}

/// The options for one table: its hidden columns (the spec's defaults until the user
/// changes them) and the shared current partnership.
pub fn options_for<'a, T: Entity>(
    hidden_columns: &'a mut Option<BTreeMap<String, BTreeSet<String>>>,
    spec: &TableSpec<T>,
    current: &'a mut Option<PartnershipId>,
) -> TableViewOptions<'a> {
    let map = hidden_columns.get_or_insert_with(BTreeMap::new);
    let hidden = map
        .entry(settings_key(spec.id))
        .or_insert_with(|| default_hidden(spec));
    TableViewOptions {
        hidden,
        current,
        add_command: None,
    }
}

/// The key a table's hidden columns are remembered under. The partnerships table gained a
/// hidden column for every field of the detail form; hidden columns remembered from before
/// would show them all, so its columns are remembered afresh under a new key.
fn settings_key(table: &str) -> String {
    match table {
        "partnerships" => "partnerships (every field)".to_string(),
        other => other.to_string(),
    }
}

/// The People panel's sub-tabs.
pub const PEOPLE_TABS: [&str; 4] = ["People", "Representation", "Report-back routes", "Matrix"];
/// The Strategies panel's sub-tabs.
pub const STRATEGY_TABS: [&str; 4] = ["Documents", "Objectives", "Measures", "Delivered by"];
/// The Themes panel's sub-tabs.
pub const THEME_TABS: [&str; 4] = [
    "Themes",
    "Partnerships by theme",
    "Corporate priorities",
    "Partnerships by priority",
];

/// Tabs for a panel with several tables; returns the one shown.
pub fn sub_tabs_ui(
    ui: &mut egui::Ui,
    tabs: &mut BTreeMap<&'static str, usize>,
    panel: &'static str,
    names: &[&str],
) -> usize {
    let chosen = tabs.entry(panel).or_insert(0);
    ui.horizontal(|ui| {
        for (index, name) in names.iter().enumerate() {
            if ui.selectable_label(*chosen == index, *name).clicked() {
                *chosen = index;
            }
        }
    });
    ui.separator();
    *chosen
}

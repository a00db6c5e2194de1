//! Bringing the user to a record: the panel that shows it opens, on the right sub-tab, with
//! its row selected (and its partnership current). Undo and Redo use it, so the user sees
//! what the step changed. A record the step removed opens its panel with nothing selected.

use super::table_panels::{PEOPLE_TABS, STRATEGY_TABS, THEME_TABS, TablePanels};
use super::table_view::TableViewState;
use super::{PanelKind, UiState};
use crate::model::{RecordKey, Register};

/// Shows `key`'s panel with the record selected, if `register` still has it.
pub fn show_record(state: &mut UiState, register: &Register, key: RecordKey) {
    let present = register.contains(&key);
    let tables = &mut state.tables;
    state.panel = match key {
        RecordKey::Partnership(id) => {
            if present {
                state.current_partnership = Some(id);
                state.partnerships.table.select_only(id);
            }
            PanelKind::Partnerships
        }
        RecordKey::Relationship(id) => select(
            &mut tables.relationships,
            id,
            present,
            PanelKind::Relationships,
        ),
        RecordKey::Organisation(id) => select(
            &mut tables.organisations,
            id,
            present,
            PanelKind::Organisations,
        ),
        RecordKey::Membership(id) => {
            select(&mut tables.memberships, id, present, PanelKind::Memberships)
        }
        RecordKey::Contribution(id) => select(
            &mut tables.contributions,
            id,
            present,
            PanelKind::Contributions,
        ),
        RecordKey::Action(id) => select(&mut tables.actions, id, present, PanelKind::Actions),
        RecordKey::Person(id) => {
            show_tab(tables, "people", &PEOPLE_TABS, "People");
            select(&mut tables.people, id, present, PanelKind::People)
        }
        RecordKey::Representation(id) => {
            show_tab(tables, "people", &PEOPLE_TABS, "Representation");
            select(&mut tables.representations, id, present, PanelKind::People)
        }
        RecordKey::ReportBackRoute(id) => {
            show_tab(tables, "people", &PEOPLE_TABS, "Report-back routes");
            select(
                &mut tables.report_back_routes,
                id,
                present,
                PanelKind::People,
            )
        }
        RecordKey::Strategy(id) => {
            show_tab(tables, "strategies", &STRATEGY_TABS, "Documents");
            select(&mut tables.strategies, id, present, PanelKind::Strategies)
        }
        RecordKey::Objective(id) => {
            show_tab(tables, "strategies", &STRATEGY_TABS, "Objectives");
            select(&mut tables.objectives, id, present, PanelKind::Strategies)
        }
        RecordKey::Measure(id) => {
            show_tab(tables, "strategies", &STRATEGY_TABS, "Measures");
            select(&mut tables.measures, id, present, PanelKind::Strategies)
        }
        RecordKey::ObjectiveDelivery(id) => {
            show_tab(tables, "strategies", &STRATEGY_TABS, "Delivered by");
            select(&mut tables.deliveries, id, present, PanelKind::Strategies)
        }
        RecordKey::Theme(id) => {
            show_tab(tables, "themes", &THEME_TABS, "Themes");
            select(&mut tables.themes, id, present, PanelKind::Themes)
        }
        RecordKey::ThemeTag(id) => {
            show_tab(tables, "themes", &THEME_TABS, "Partnerships by theme");
            select(&mut tables.theme_tags, id, present, PanelKind::Themes)
        }
        RecordKey::Priority(id) => {
            show_tab(tables, "themes", &THEME_TABS, "Corporate priorities");
            select(&mut tables.priorities, id, present, PanelKind::Themes)
        }
        RecordKey::PriorityTag(id) => {
            show_tab(tables, "themes", &THEME_TABS, "Partnerships by priority");
            select(&mut tables.priority_tags, id, present, PanelKind::Themes)
        }
        RecordKey::Assessment(id) => {
            if let Some(assessment) = register.assessments.get(&id) {
                state.current_partnership = Some(assessment.partnership);
            }
            PanelKind::Scoring
        }
        RecordKey::View(id) => {
            if present {
                state.diagram.view = Some(id);
            }
            PanelKind::Diagram
        }
        RecordKey::NodePosition((view, node)) => {
            if register.views.contains_key(&view) {
                state.diagram.view = Some(view);
                state.diagram.selected = [node].into_iter().collect();
            }
            PanelKind::Diagram
        }
        RecordKey::ScoringScheme(_) | RecordKey::Settings => PanelKind::ScoringScheme,
        // Snapshots have no panel of their own: stay where the user is.
        RecordKey::Snapshot(_) | RecordKey::Round(_) => state.panel,
    };
}

/// Selects `key` in `table` (its filter cleared, so the row shows) when the register has it;
/// returns `panel`, the panel that draws the table.
fn select<K: Copy + Ord>(
    table: &mut TableViewState<K>,
    key: K,
    present: bool,
    panel: PanelKind,
) -> PanelKind {
    if present {
        table.filter.clear();
        table.select_only(key);
    }
    panel
}

/// Makes the sub-tab called `name`, one of `names`, the one `panel` shows.
fn show_tab(tables: &mut TablePanels, panel: &'static str, names: &[&str], name: &str) {
    if let Some(index) = names.iter().position(|tab| *tab == name) {
        tables.tabs.insert(panel, index);
    }
}

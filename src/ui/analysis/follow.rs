//! Following a finding to its records: "Show in diagram" selects its partnerships in a view
//! that draws them all (the one on show if it does), and "Show in tables" makes the first
//! partnership current and opens the table of the finding's main record.

use std::collections::BTreeSet;

use crate::diagram::{BuildOptions, Diagram};
use crate::model::{NodeRef, PartnershipId, RecordKey, Register};
use crate::ui::diagram::DiagramPanelState;
use crate::ui::{Command, CommandQueue, PanelKind};

/// The partnerships among `records`, in order, each once.
pub fn partnerships_in(records: &[RecordKey]) -> Vec<PartnershipId> {
    let mut seen = BTreeSet::new();
    records
        .iter()
        .filter_map(|key| match key {
            RecordKey::Partnership(id) if seen.insert(*id) => Some(*id),
            _ => None,
        })
        .collect()
}

/// Selects `partnerships` in the diagram and shows it.
pub fn show_in_diagram(
    register: &Register,
    partnerships: &[PartnershipId],
    current: &mut Option<PartnershipId>,
    diagram: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    let Some(&first) = partnerships.first() else {
        return;
    };
    let nodes: Vec<NodeRef> = partnerships
        .iter()
        .copied()
        .map(NodeRef::Partnership)
        .collect();
    // The view on show first, then the others: the first that draws every partnership, else
    // the one that draws most of them.
    let mut views: Vec<_> = register.views.values().collect();
    views.sort_by_key(|view| Some(view.id) != diagram.view);
    let mut best: Option<(usize, crate::model::ViewId)> = None;
    for view in views {
        let built = Diagram::build(register, view, &BuildOptions::default());
        let shown = nodes
            .iter()
            .filter(|n| built.index_of(**n).is_some())
            .count();
        if best.is_none_or(|(most, _)| shown > most) {
            best = Some((shown, view.id));
        }
        if shown == nodes.len() {
            break;
        }
    }
    *current = Some(first);
    diagram.selected = nodes.into_iter().collect();
    diagram.focus_steps = None;
    if let Some((_, view)) = best {
        diagram.view = Some(view);
    }
    diagram.fit_to_window();
    commands.send(Command::ShowPanel(PanelKind::Diagram));
}

/// Opens the table of the finding's main record, with its first partnership current.
pub fn show_in_tables(
    records: &[RecordKey],
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    if let Some(&first) = partnerships_in(records).first() {
        *current = Some(first);
    }
    let panel = match records.first() {
        Some(RecordKey::Theme(_) | RecordKey::Priority(_)) => PanelKind::Themes,
        Some(RecordKey::Action(_)) => PanelKind::Actions,
        Some(RecordKey::Objective(_) | RecordKey::Strategy(_) | RecordKey::Measure(_)) => {
            PanelKind::Strategies
        }
        Some(
            RecordKey::Person(_) | RecordKey::Representation(_) | RecordKey::ReportBackRoute(_),
        ) => PanelKind::People,
        _ => PanelKind::Partnerships,
    };
    commands.send(Command::ShowPanel(panel));
}

//! The diagram's tool bar: view picker, fit, re-layout, pin, focus, filters and style rules.
//! Filters and style rules live in the view's settings, so changing one is an edit.

use std::collections::BTreeSet;

use super::DiagramPanelState;
use crate::diagram::settings::{Focus, LineRouting, SubGroups};
use crate::diagram::{FillBy, FilterMode, ViewSettings, edits, views};
use crate::model::{
    Band, CouncilRole, PartnershipId, PartnershipKind, PartnershipStatus, StructuralLevel, ThemeId,
    View,
};
use crate::ui::PanelContext;
use crate::ui::{Command, CommandQueue};

/// Draws the tool bar.
pub fn toolbar_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    ui.horizontal_wrapped(|ui| {
        super::views::view_list_ui(ui, context, state);
        ui.separator();
        if ui.button("Fit to window").clicked() {
            state.fit_to_window();
        }
        if ui
            .add_enabled(
                !state.selected.is_empty(),
                egui::Button::new("Zoom to selection"),
            )
            .clicked()
        {
            state.zoom_to_selection();
        }
        let writable = !context.read_only;
        let Some(cache) = &state.cache else { return };
        let diagram = &cache.diagram;
        let selection: BTreeSet<usize> = state.selected_indexes();
        ui.separator();
        if ui
            .add_enabled(writable, egui::Button::new("Re-layout all"))
            .clicked()
            && let Some(edit) = edits::relayout_edit(register, diagram, None)
        {
            commands.send(Command::edit(edit));
        }
        if ui
            .add_enabled(
                writable && !selection.is_empty(),
                egui::Button::new("Re-layout selection"),
            )
            .clicked()
            && let Some(edit) = edits::relayout_edit(register, diagram, Some(&selection))
        {
            commands.send(Command::edit(edit));
        }
        for (label, pinned) in [("Pin", true), ("Unpin", false)] {
            if ui
                .add_enabled(writable && !selection.is_empty(), egui::Button::new(label))
                .clicked()
                && let Some(edit) = edits::pin_edit(register, diagram, &selection, pinned)
            {
                commands.send(Command::edit(edit));
            }
        }
        ui.separator();
        let mut focus = state.focus_steps.is_some();
        if ui
            .add_enabled(
                current.is_some() || focus,
                egui::Checkbox::new(&mut focus, "Focus on selected"),
            )
            .changed()
        {
            state.focus_steps = focus.then_some(1);
        }
        if let Some(steps) = &mut state.focus_steps {
            ui.add(
                egui::DragValue::new(steps)
                    .range(1..=6)
                    .suffix(" steps out"),
            );
        }
        ui.separator();
        let view = cache.view.clone();
        ui.menu_button("Filters", |ui| {
            filters_ui(ui, register, &view, current, writable, commands);
        });
        if view.kind == crate::model::ViewKind::Structure {
            ui.menu_button("Grouping", |ui| {
                grouping_ui(ui, register, &view, writable, commands);
            });
        }
        ui.menu_button("Style", |ui| {
            style_ui(ui, register, &view, writable, commands)
        });
        ui.toggle_value(&mut state.as_printed, "As printed")
            .on_hover_text(
                "Show the picture as it prints on the export page: arranged compactly when \
                 that is what makes the names readable. Nodes cannot be moved here.",
            );
        if ui.button("Export diagram...").clicked() {
            if state.export.open {
                state.export.open = false;
            } else {
                // As File, Export diagram: the form opens with a file name to start from.
                commands.send(Command::ShowDiagramExport);
            }
        }
        if let Some(note) = state.preview_note() {
            ui.label(egui::RichText::new(note).small());
        }
    });
    super::views::view_form_ui(ui, context, state, commands);
}

/// Sends the edit that gives `view` these settings, if they change anything.
fn send_settings(
    register: &crate::model::Register,
    view: &View,
    settings: &ViewSettings,
    commands: &mut CommandQueue,
) {
    if let Some(edit) = views::settings_edit(register, view.id, settings) {
        commands.send(Command::edit(edit));
    }
}

/// A checkbox per value; an empty list means "all".
fn choice_filter_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    title: &str,
    all: &[T],
    label: impl Fn(T) -> String,
    chosen: &mut Vec<T>,
) -> bool {
    let mut changed = false;
    ui.label(egui::RichText::new(title).strong());
    for &value in all {
        let mut on = chosen.is_empty() || chosen.contains(&value);
        if ui.checkbox(&mut on, label(value)).changed() {
            if chosen.is_empty() {
                *chosen = all.to_vec();
            }
            if on {
                chosen.push(value);
            } else {
                chosen.retain(|v| *v != value);
            }
            if all.iter().all(|v| chosen.contains(v)) {
                chosen.clear();
            }
            changed = true;
        }
    }
    changed
}

fn filters_ui(
    ui: &mut egui::Ui,
    register: &crate::model::Register,
    view: &View,
    current: Option<PartnershipId>,
    writable: bool,
    commands: &mut CommandQueue,
) {
    ui.add_enabled_ui(writable, |ui| {
        let mut settings = ViewSettings::from_json(&view.settings);
        let f = &mut settings.filters;
        let mut changed = false;
        ui.horizontal(|ui| {
            ui.label("Left out:");
            changed |= ui
                .radio_value(&mut f.mode, FilterMode::Fade, "fade")
                .changed();
            changed |= ui
                .radio_value(&mut f.mode, FilterMode::Hide, "hide")
                .changed();
        });
        changed |= saved_focus_ui(ui, register, current, &mut settings.focus);
        let f = &mut settings.filters;
        egui::ScrollArea::vertical()
            .max_height(480.0)
            .show(ui, |ui| {
                if !register.themes.is_empty() {
                    let themes: Vec<ThemeId> = register.themes.keys().copied().collect();
                    changed |= choice_filter_ui(
                        ui,
                        "Theme",
                        &themes,
                        |id| {
                            register
                                .themes
                                .get(&id)
                                .map_or_else(|| "(theme)".to_string(), |t| t.name.clone())
                        },
                        &mut f.themes,
                    );
                }
                if view.kind == crate::model::ViewKind::Structure {
                    changed |= choice_filter_ui(
                        ui,
                        "Level (as set or inferred)",
                        StructuralLevel::ALL,
                        |v| v.label().to_string(),
                        &mut f.levels,
                    );
                }
                changed |= choice_filter_ui(
                    ui,
                    "Status",
                    PartnershipStatus::ALL,
                    |v| v.label().to_string(),
                    &mut f.statuses,
                );
                changed |= choice_filter_ui(
                    ui,
                    "Kind",
                    PartnershipKind::ALL,
                    |v| v.label().to_string(),
                    &mut f.kinds,
                );
                changed |= choice_filter_ui(
                    ui,
                    "Council role",
                    CouncilRole::ALL,
                    |v| v.label().to_string(),
                    &mut f.council_roles,
                );
                changed |= choice_filter_ui(
                    ui,
                    "Risk band",
                    Band::ALL,
                    |v| v.label().to_string(),
                    &mut f.risk_bands,
                );
            });
        if changed {
            send_settings(register, view, &settings, commands);
        }
    });
}

/// The view's own focus: only what is at most N lines from one partnership, kept with the
/// view (and so in its exports).
fn saved_focus_ui(
    ui: &mut egui::Ui,
    register: &crate::model::Register,
    current: Option<PartnershipId>,
    focus: &mut Option<Focus>,
) -> bool {
    let mut changed = false;
    ui.label(egui::RichText::new("Focus of this view").strong());
    match focus {
        Some(kept) => {
            ui.label(format!(
                "Only what is near {}",
                register.partnership_name(kept.partnership)
            ));
            let mut clear = false;
            ui.horizontal(|ui| {
                changed |= ui
                    .add(
                        egui::DragValue::new(&mut kept.steps)
                            .range(1..=6)
                            .suffix(" steps out"),
                    )
                    .changed();
                clear = ui.button("Show everything").clicked();
            });
            if clear {
                *focus = None;
                changed = true;
            }
        }
        None => {
            let label = match current {
                Some(id) => format!("Focus on {}", register.partnership_name(id)),
                None => "Focus on the selected partnership (select one first)".to_string(),
            };
            if ui
                .add_enabled(current.is_some(), egui::Button::new(label).wrap())
                .clicked()
                && let Some(id) = current
            {
                *focus = Some(Focus {
                    partnership: id,
                    steps: 1,
                });
                changed = true;
            }
        }
    }
    ui.separator();
    changed
}

/// How a structure view groups its partnerships: sub-groups as boxes, inside their parent or
/// collapsed; bands by level; the band of bodies not linked to the structure.
fn grouping_ui(
    ui: &mut egui::Ui,
    register: &crate::model::Register,
    view: &View,
    writable: bool,
    commands: &mut CommandQueue,
) {
    ui.add_enabled_ui(writable, |ui| {
        let mut settings = ViewSettings::from_json(&view.settings);
        let g = &mut settings.grouping;
        let mut changed = false;
        ui.label(egui::RichText::new("Sub-groups").strong());
        for choice in SubGroups::ALL {
            changed |= ui
                .radio_value(&mut g.sub_groups, choice, choice.label())
                .changed();
        }
        if !g.per_partnership.is_empty() {
            ui.label(format!(
                "{} {} {} sub-groups set otherwise on the partnership itself (side panel).",
                crate::model::words::counted(g.per_partnership.len(), "partnership"),
                if g.per_partnership.len() == 1 {
                    "has"
                } else {
                    "have"
                },
                if g.per_partnership.len() == 1 {
                    "its"
                } else {
                    "their"
                },
            ));
        }
        ui.separator();
        changed |= ui
            .checkbox(&mut g.level_bands, "Bands by level at the side")
            .changed();
        changed |= ui
            .checkbox(
                &mut g.unlinked_band,
                "Bodies not linked to the structure in their own band",
            )
            .changed();
        if changed {
            send_settings(register, view, &settings, commands);
        }
    });
}

fn style_ui(
    ui: &mut egui::Ui,
    register: &crate::model::Register,
    view: &View,
    writable: bool,
    commands: &mut CommandQueue,
) {
    ui.add_enabled_ui(writable, |ui| {
        let mut settings = ViewSettings::from_json(&view.settings);
        let s = &mut settings.style;
        let mut changed = false;
        // Radio buttons, not a combo box: a combo's own popup would close this menu.
        changed |= ui
            .checkbox(&mut s.colour_boxes, "Colour boxes by")
            .changed();
        ui.add_enabled_ui(s.colour_boxes, |ui| {
            ui.indent("fill by", |ui| {
                for choice in FillBy::ALL {
                    changed |= ui
                        .radio_value(&mut s.fill_by, choice, choice.label())
                        .changed();
                }
            });
        });
        changed |= ui
            .checkbox(&mut s.border_by_risk, "Border by risk band")
            .changed();
        changed |= ui
            .checkbox(&mut s.council_role_badge, "Badge for the council's role")
            .changed();
        changed |= ui
            .checkbox(&mut s.size_by_cost, "Size by cost to the council")
            .changed();
        changed |= ui.checkbox(&mut s.line_labels, "Labels on lines").changed();
        ui.separator();
        ui.label(egui::RichText::new("Lines").strong());
        changed |= ui
            .radio_value(
                &mut settings.lines,
                LineRouting::Orthogonal,
                "Around the boxes (never through one)",
            )
            .changed();
        changed |= ui
            .radio_value(
                &mut settings.lines,
                LineRouting::Straight,
                "Straight (may cross boxes)",
            )
            .changed();
        if changed {
            send_settings(register, view, &settings, commands);
        }
    });
}

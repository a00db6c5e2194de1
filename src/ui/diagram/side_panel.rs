//! The diagram's side panel: the export form, the selected partnership's actions (add a
//! sub-group, connect, remove a line) and the legend, painted from the same legend items the
//! exports carry, so it always matches the style rules.

use super::DiagramPanelState;
use crate::diagram::edits;
use crate::export::legend;
use crate::model::{PartnershipId, RelationshipKind};
use crate::ui::PanelContext;
use crate::ui::scene_painter::{self, Detail, SceneTransform};
use crate::ui::{Command, CommandQueue};

/// Draws the side panel.
pub fn side_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        if state.export.open {
            super::export_form::export_form_ui(ui, context, state, commands);
            ui.separator();
        }
        selected_ui(ui, context, state, current, commands);
        ui.separator();
        legend_ui(ui, state);
    });
}

fn selected_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    let Some(id) = current.filter(|id| register.partnerships.contains_key(id)) else {
        ui.label(
            "Click a partnership to select it. Drag to move it, or use the arrow keys \
             (Shift for bigger steps); drag the background to pan; Ctrl+wheel to zoom; \
             right-click for more.",
        );
        return;
    };
    ui.add(egui::Label::new(egui::RichText::new(register.partnership_name(id)).heading()).wrap());
    let Some(cache) = &state.cache else { return };
    let writable = !context.read_only;
    level_ui(ui, context, state, id, commands);
    sub_groups_ui(ui, context, state, id, commands);
    ui.add_enabled_ui(writable, |ui| {
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut state.sub_group_name)
                    .hint_text("Name of the sub-group")
                    .desired_width(170.0),
            );
            let name = state.sub_group_name.trim().to_string();
            if ui
                .add_enabled(!name.is_empty(), egui::Button::new("Add sub-group"))
                .clicked()
            {
                match edits::add_sub_group_edit(register, &cache.view, &cache.diagram, id, &name) {
                    Ok(edit) => {
                        commands.send(Command::edit(edit));
                        state.sub_group_name.clear();
                    }
                    Err(error) => commands.send(Command::ReportError(error.to_string())),
                }
            }
        });
        ui.horizontal(|ui| {
            egui::ComboBox::from_id_salt("connect_kind")
                .selected_text(state.connect_kind.label())
                .show_ui(ui, |ui| {
                    for &kind in RelationshipKind::ALL {
                        ui.selectable_value(&mut state.connect_kind, kind, kind.label());
                    }
                });
            if state.connect_from.is_some() {
                ui.label("Now click the other partnership");
                if ui.button("Cancel").clicked() {
                    state.connect_from = None;
                }
            } else if ui.button("Connect to...").clicked() {
                state.connect_from = Some(id);
            }
        });
        ui.label(egui::RichText::new("Lines").strong());
        for relationship in register
            .relationships
            .values()
            .filter(|r| r.from == id || r.to == id)
        {
            ui.horizontal(|ui| {
                let text = format!(
                    "{} {} {}",
                    register.partnership_name(relationship.from),
                    relationship.kind.label().to_lowercase(),
                    register.partnership_name(relationship.to)
                );
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this line")
                    .clicked()
                {
                    match edits::remove_relationship_edit(
                        register,
                        &cache.view,
                        &cache.diagram,
                        relationship.id,
                    ) {
                        Ok(edit) => commands.send(Command::edit(edit)),
                        Err(error) => commands.send(Command::ReportError(error.to_string())),
                    }
                }
                ui.add(egui::Label::new(text).wrap());
            });
        }
    });
}

/// The box's structural level in a structure view; an inferred one says so, with a button that
/// sets it (one edit).
fn level_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &DiagramPanelState,
    id: PartnershipId,
    commands: &mut CommandQueue,
) {
    let Some(cache) = &state.cache else { return };
    let Some(level) = cache
        .diagram
        .index_of(crate::model::NodeRef::Partnership(id))
        .and_then(|index| cache.diagram.nodes[index].level)
    else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("Level: {}", level.label()));
        if level.inferred
            && let Some(before) = context.register.partnerships.get(&id)
            && ui
                .add_enabled(!context.read_only, egui::Button::new("Set this level"))
                .on_hover_text(
                    "The register has no level for it; this one is worked out from the \
                     structure. Setting it stores it in the register.",
                )
                .clicked()
        {
            let mut after = before.clone();
            after.structural_level = level.level;
            commands.send(Command::edit(crate::model::Edit::change(
                before.clone(),
                after,
            )));
        }
    });
}

/// How this partnership's own sub-groups are drawn in a structure view (boxes, listed inside
/// it, or collapsed), when it has any: one settings edit.
fn sub_groups_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &DiagramPanelState,
    id: PartnershipId,
    commands: &mut CommandQueue,
) {
    let Some(cache) = &state.cache else { return };
    let has_sub_groups = context
        .register
        .relationships
        .values()
        .any(|r| r.to == id && r.kind == crate::model::RelationshipKind::SubGroupOf);
    if cache.view.kind != crate::model::ViewKind::Structure || !has_sub_groups {
        return;
    }
    let mut settings = crate::diagram::ViewSettings::from_json(&cache.view.settings);
    let mut choice = settings.grouping.sub_groups_of(id);
    ui.add_enabled_ui(!context.read_only, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label("Its sub-groups:");
            for option in crate::diagram::settings::SubGroups::ALL {
                if ui
                    .radio_value(&mut choice, option, option.label())
                    .changed()
                {
                    settings.grouping.set_sub_groups_of(id, choice);
                    if let Some(edit) = crate::diagram::views::settings_edit(
                        context.register,
                        cache.view.id,
                        &settings,
                    ) {
                        commands.send(Command::edit(edit));
                    }
                }
            }
        });
    });
}

fn legend_ui(ui: &mut egui::Ui, state: &DiagramPanelState) {
    ui.heading("Legend");
    let Some(cache) = &state.cache else { return };
    let width = ui.available_width().max(120.0);
    let (items, height) = legend::layout(&cache.scene.legend, width);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let at = SceneTransform {
        origin: rect.min,
        scale: 1.0,
    };
    let painter = ui.painter_at(rect);
    scene_painter::paint_items(
        &painter,
        &items,
        &scene_painter::item_bounds(&items),
        at,
        Detail::FULL,
    );
}

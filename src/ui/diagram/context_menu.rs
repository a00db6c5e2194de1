//! The diagram's right-click menu. On a box: add a sub-group, connect, pin or unpin, hide
//! from this view, zoom to it, open its record. On the background: add a partnership there,
//! show the hidden partnerships again, fit, zoom to the selection. Every change is one edit,
//! as from the side panel.

use super::camera::Aim;
use super::canvas::{menu_target, select};
use super::{DiagramPanelState, MenuTarget};
use crate::diagram::{canvas_edits, edits, hiding};
use crate::model::{NodeRef, PartnershipId};
use crate::ui::{Command, CommandQueue, PanelContext, PanelKind};

/// Accessible name of the sub-group name field in the menu.
pub const SUB_GROUP_NAME_LABEL: &str = "Name of the new sub-group";
/// Accessible name of the partnership name field in the background's menu.
pub const PARTNERSHIP_NAME_LABEL: &str = "Name of the new partnership";

/// Remembers what a right-click landed on (and selects the box it landed on, unless it was
/// already among the selection).
pub fn open_on_right_click(
    response: &egui::Response,
    state: &mut DiagramPanelState,
    current: &mut Option<PartnershipId>,
    canvas: egui::Rect,
) {
    if !response.secondary_clicked() {
        return;
    }
    let (Some(pointer), Some(cache)) = (response.interact_pointer_pos(), &state.cache) else {
        return;
    };
    let target = menu_target(&state.camera.transform(canvas), &cache.diagram, pointer);
    if let Some(node) = target.node
        && !state.selected.contains(&node)
    {
        select(state, current, node, false);
    }
    state.menu = Some(target);
}

/// Draws the menu while it is open.
pub fn menu_ui(
    response: &egui::Response,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let Some(target) = state.menu else { return };
    // Clicks inside the menu (into a name field) keep it open; its buttons close it.
    egui::Popup::context_menu(response)
        .close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside)
        .show(|ui| {
            ui.set_min_width(220.0);
            match target.node {
                Some(node) => box_menu_ui(ui, context, state, current, commands, node),
                None => background_menu_ui(ui, context, state, current, commands, target),
            }
        });
}

fn box_menu_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
    node: NodeRef,
) {
    let indexes = state.selected_indexes();
    let Some(cache) = &state.cache else { return };
    let Some(index) = cache.diagram.index_of(node) else {
        return;
    };
    let shown = &cache.diagram.nodes[index];
    ui.label(egui::RichText::new(&shown.name).strong());
    let writable = !context.read_only;
    if let NodeRef::Partnership(id) = node {
        ui.add_enabled_ui(writable, |ui| {
            let label = ui.label(SUB_GROUP_NAME_LABEL);
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut state.menu_sub_group_name).desired_width(200.0),
                )
                .labelled_by(label.id);
            let name = state.menu_sub_group_name.trim().to_string();
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui.add_enabled(!name.is_empty(), egui::Button::new("Add sub-group"));
            if (add.clicked() || entered) && !name.is_empty() {
                let new_id = PartnershipId::next_in(&context.register.partnerships);
                match edits::add_sub_group_edit(
                    context.register,
                    &cache.view,
                    &cache.diagram,
                    id,
                    &name,
                ) {
                    Ok(edit) => {
                        commands.send(Command::edit(edit));
                        state.menu_sub_group_name.clear();
                        *current = Some(new_id);
                        state.selected = [NodeRef::Partnership(new_id)].into();
                    }
                    Err(error) => commands.send(Command::ReportError(error.to_string())),
                }
                ui.close();
            }
            if ui.button("Connect to...").clicked() {
                state.connect_from = Some(id);
                ui.close();
            }
        });
    }
    let pinned = shown.pinned;
    let label = if pinned { "Unpin" } else { "Pin" };
    if ui
        .add_enabled(
            writable && cache.preview.is_none(),
            egui::Button::new(label),
        )
        .clicked()
    {
        if let Some(edit) = edits::pin_edit(context.register, &cache.diagram, &indexes, !pinned) {
            commands.send(Command::edit(edit));
        }
        ui.close();
    }
    let partnerships: Vec<PartnershipId> = state
        .selected
        .iter()
        .filter_map(|n| match n {
            NodeRef::Partnership(id) => Some(*id),
            _ => None,
        })
        .collect();
    let hide = if partnerships.len() > 1 {
        format!("Hide {} from this view", partnerships.len())
    } else {
        "Hide from this view".to_string()
    };
    if ui
        .add_enabled(
            writable && cache.preview.is_none() && !partnerships.is_empty(),
            egui::Button::new(hide),
        )
        .clicked()
    {
        send(
            commands,
            hiding::hide_edit(context.register, &cache.view, &cache.diagram, &partnerships),
        );
        state.selected.clear();
        ui.close();
    }
    if ui.button("Zoom to selection").clicked() {
        state.camera.pending = Some(Aim::Selection);
        ui.close();
    }
    if let NodeRef::Partnership(id) = node
        && ui.button("Open its record").clicked()
    {
        *current = Some(id);
        commands.send(Command::ShowPanel(PanelKind::Partnerships));
        ui.close();
    }
}

fn background_menu_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
    target: MenuTarget,
) {
    let Some(cache) = &state.cache else { return };
    ui.add_enabled_ui(!context.read_only && cache.preview.is_none(), |ui| {
        let label = ui.label(PARTNERSHIP_NAME_LABEL);
        let field = ui
            .add(egui::TextEdit::singleline(&mut state.new_partnership_name).desired_width(200.0))
            .labelled_by(label.id);
        let name = state.new_partnership_name.trim().to_string();
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let add = ui.add_enabled(
            !name.is_empty(),
            egui::Button::new("Add a partnership here"),
        );
        if (add.clicked() || entered) && !name.is_empty() {
            match canvas_edits::add_partnership_at_edit(
                context.register,
                &cache.view,
                &cache.diagram,
                &name,
                target.at,
            ) {
                Ok((edit, id)) => {
                    commands.send(Command::edit(edit));
                    state.new_partnership_name.clear();
                    *current = Some(id);
                    state.selected = [NodeRef::Partnership(id)].into();
                }
                Err(error) => commands.send(Command::ReportError(error.to_string())),
            }
            ui.close();
        }
    });
    let hidden = hiding::hidden_partnerships(context.register, &cache.view).len();
    if hidden > 0
        && ui
            .add_enabled(
                !context.read_only && cache.preview.is_none(),
                egui::Button::new(format!("Show hidden ({hidden})")),
            )
            .clicked()
    {
        send(
            commands,
            hiding::show_hidden_edit(context.register, &cache.view, &cache.diagram),
        );
        ui.close();
    }
    ui.separator();
    if ui.button("Fit to window").clicked() {
        state.camera.pending = Some(Aim::Fit);
        ui.close();
    }
    if !state.selected.is_empty() && ui.button("Zoom to selection").clicked() {
        state.camera.pending = Some(Aim::Selection);
        ui.close();
    }
}

/// Sends an edit made from the menu, or the reason it could not be made.
fn send(
    commands: &mut CommandQueue,
    edit: Option<Result<crate::model::Edit, crate::model::EditError>>,
) {
    match edit {
        Some(Ok(edit)) => commands.send(Command::edit(edit)),
        Some(Err(error)) => commands.send(Command::ReportError(error.to_string())),
        None => {}
    }
}

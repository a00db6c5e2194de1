//! The form's "Relationships" section: the partnership's typed lines to other partnerships
//! in both directions (parents and sub-groups, whom it reports to and who reports to it), each
//! with a Remove button, and a picker to add one: a relationship type, a type-to-filter box and
//! the list of matching partnerships. Each add or remove is one undoable edit; a self-link, a
//! line already recorded or a loop of accountability is refused with the reason.

use super::detail_form::DetailFormState;
use crate::model::{Partnership, PartnershipId, RelationshipKind};
use crate::tables::{
    Direction, add_relationship, direction_words, matching_partnerships, relationships_of,
    remove_relationship,
};
use crate::ui::{Command, CommandQueue};
use crate::ui::{PanelContext, theme};

/// The add-a-relationship picker's memory.
#[derive(Debug)]
pub(crate) struct RelationshipPicker {
    search: String,
    kind: RelationshipKind,
    direction: Direction,
    picked: Option<PartnershipId>,
    /// What the last add or remove did, or why it was refused (`true`).
    message: Option<(String, bool)>,
    /// The partnerships matching the search, and what they were found for (register
    /// revision, search, partnership shown), so a large register is searched once per change.
    found: Vec<(PartnershipId, String)>,
    found_for: Option<(u64, String, PartnershipId)>,
}

impl Default for RelationshipPicker {
    fn default() -> Self {
        Self {
            search: String::new(),
            kind: RelationshipKind::SubGroupOf,
            direction: Direction::Outgoing,
            picked: None,
            message: None,
            found: Vec::new(),
            found_for: None,
        }
    }
}

/// The types offered, each in both directions.
fn type_choices() -> Vec<(RelationshipKind, Direction)> {
    RelationshipKind::ALL
        .iter()
        .flat_map(|&kind| [(kind, Direction::Outgoing), (kind, Direction::Incoming)])
        .collect()
}

/// Draws the section.
pub(super) fn relationships_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    partnership: &Partnership,
    state: &mut DetailFormState,
    commands: &mut CommandQueue,
) {
    let lines = relationships_of(context.register, partnership.id);
    egui::CollapsingHeader::new(format!("Relationships ({})", lines.len()))
        .id_salt("partnership_form_relationships")
        .default_open(true)
        .show(ui, |ui| {
            let picker = &mut state.picker;
            if lines.is_empty() {
                ui.label(
                    egui::RichText::new("No relationships with other partnerships yet.")
                        .color(theme::weak_text_colour(ui.visuals())),
                );
            }
            for line in &lines {
                ui.horizontal(|ui| {
                    let remove = ui.small_button("Remove");
                    let name = format!("Remove “{}”", line.text);
                    ui.ctx()
                        .accesskit_node_builder(remove.id, |node| node.set_label(name.clone()));
                    if remove.on_hover_text(name).clicked() {
                        picker.message =
                            Some(match remove_relationship(context.register, line.id) {
                                Ok(edit) => {
                                    commands.send(Command::edit(edit));
                                    (
                                        format!("Removed: {} (Ctrl+Z brings it back)", line.text),
                                        false,
                                    )
                                }
                                Err(reason) => (reason.0, true),
                            });
                    }
                    ui.add(egui::Label::new(&line.text).wrap());
                });
            }
            ui.add_space(6.0);
            add_ui(ui, context, partnership, picker, commands);
            if let Some((text, refused)) = &picker.message {
                let colour = if *refused {
                    theme::invalid_text_colour(ui.visuals())
                } else {
                    theme::weak_text_colour(ui.visuals())
                };
                ui.add(egui::Label::new(egui::RichText::new(text).color(colour)).wrap());
            }
        });
}

/// The picker: "This partnership [type] [the partnership picked]", and Add.
fn add_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    partnership: &Partnership,
    picker: &mut RelationshipPicker,
    commands: &mut CommandQueue,
) {
    ui.label(egui::RichText::new("Add a relationship").strong());
    ui.horizontal_wrapped(|ui| {
        ui.label("This partnership");
        let chosen = (picker.kind, picker.direction);
        let response = egui::ComboBox::from_id_salt("relationship_type")
            .selected_text(direction_words(chosen.0, chosen.1))
            .show_ui(ui, |ui| {
                for (kind, direction) in type_choices() {
                    if ui
                        .selectable_label(
                            chosen == (kind, direction),
                            direction_words(kind, direction),
                        )
                        .clicked()
                    {
                        picker.kind = kind;
                        picker.direction = direction;
                    }
                }
            })
            .response;
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_label("Relationship type"));
    });
    let search_label = ui.label("Find a partnership");
    ui.add(
        egui::TextEdit::singleline(&mut picker.search)
            .hint_text("Type part of a name or short name")
            .desired_width(f32::INFINITY),
    )
    .labelled_by(search_label.id);
    let wanted = (context.revision, picker.search.clone(), partnership.id);
    if picker.found_for.as_ref() != Some(&wanted) {
        picker.found = matching_partnerships(context.register, &picker.search, partnership.id);
        picker.found_for = Some(wanted);
    }
    let found = &picker.found;
    if picker
        .picked
        .is_some_and(|id| !context.register.partnerships.contains_key(&id))
    {
        picker.picked = None;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("relationship_candidates")
            .min_scrolled_height(150.0)
            .max_height(150.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                if found.is_empty() {
                    ui.label("No other partnership matches.");
                }
                for (id, name) in found.iter().take(300) {
                    if ui
                        .selectable_label(picker.picked == Some(*id), name)
                        .clicked()
                    {
                        picker.picked = Some(*id);
                    }
                }
                if found.len() > 300 {
                    ui.label(format!(
                        "... and {} more: type to narrow",
                        found.len() - 300
                    ));
                }
            });
    });
    ui.horizontal_wrapped(|ui| {
        let summary = match picker.picked {
            Some(other) => format!(
                "{} {}",
                direction_words(picker.kind, picker.direction),
                context.register.partnership_name(other)
            ),
            None => "Pick a partnership in the list".to_string(),
        };
        let add = ui.add_enabled(
            picker.picked.is_some(),
            egui::Button::new("Add relationship"),
        );
        if add.clicked()
            && let Some(other) = picker.picked
        {
            let (from, to) = match picker.direction {
                Direction::Outgoing => (partnership.id, other),
                Direction::Incoming => (other, partnership.id),
            };
            picker.message = Some(
                match add_relationship(context.register, from, picker.kind, to) {
                    Ok(edit) => {
                        commands.send(Command::edit(edit));
                        picker.picked = None;
                        (format!("Added: {summary}"), false)
                    }
                    Err(reason) => (reason.0, true),
                },
            );
        }
        ui.label(egui::RichText::new(summary).color(theme::weak_text_colour(ui.visuals())));
    });
}

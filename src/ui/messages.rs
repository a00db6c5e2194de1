//! The message area: notices and errors in plain words, above the panel, until dismissed.

use super::message::{Message, MessageKind};
use super::theme;
use super::{Command, CommandQueue};

/// Draws the messages, oldest first.
pub fn messages_ui(ui: &mut egui::Ui, messages: &[Message], commands: &mut CommandQueue) {
    for message in messages {
        let colours = match message.kind {
            MessageKind::Error => theme::error_colours(ui.visuals()),
            MessageKind::Notice => theme::notice_colours(ui.visuals()),
        };
        egui::Frame::new()
            .fill(colours.fill)
            .stroke(egui::Stroke::new(1.0, colours.stroke))
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(10, 6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal(|ui| {
                    let prefix = match message.kind {
                        MessageKind::Error => "Problem: ",
                        MessageKind::Notice => "",
                    };
                    // Buttons on the right; the words take the rest of the line and wrap.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
                        if ui.button("Dismiss").clicked() {
                            commands.send(Command::DismissMessage(message.id));
                        }
                        if let Some(action) = &message.action
                            && ui.button(&action.label).clicked()
                        {
                            commands.send(action.command.clone());
                            commands.send(Command::DismissMessage(message.id));
                        }
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(format!("{prefix}{}", message.text))
                                        .color(colours.text),
                                )
                                .wrap(),
                            );
                        });
                    });
                });
            });
        ui.add_space(4.0);
    }
}

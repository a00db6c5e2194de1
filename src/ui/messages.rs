//! The messages: notices and errors in plain words, as cards floating in the window's
//! bottom-right corner, above the status bar, until dismissed. They float over the panel and
//! take none of its room, so a message coming or going moves nothing: a click meant for a
//! Dismiss button never lands on a table row that slid into its place.

use super::message::{Message, MessageKind};
use super::theme;
use super::{Command, CommandQueue};

/// A card's width, when the window is wide enough.
const CARD_WIDTH: f32 = 440.0;

/// How far the cards keep from the window's right and bottom edges (clear of the status bar).
const CORNER_GAP: egui::Vec2 = egui::vec2(14.0, 40.0);

/// Draws the messages, oldest at the top, newest nearest the corner.
pub fn messages_ui(ctx: &egui::Context, messages: &[Message], commands: &mut CommandQueue) {
    if messages.is_empty() {
        return;
    }
    let width = CARD_WIDTH.min(ctx.content_rect().width() - 2.0 * CORNER_GAP.x);
    egui::Area::new(egui::Id::new("messages"))
        .order(egui::Order::Foreground)
        .anchor(egui::Align2::RIGHT_BOTTOM, -CORNER_GAP)
        .show(ctx, |ui| {
            ui.set_width(width);
            for message in messages {
                card_ui(ui, message, commands);
                ui.add_space(6.0);
            }
        });
}

fn card_ui(ui: &mut egui::Ui, message: &Message, commands: &mut CommandQueue) {
    let colours = match message.kind {
        MessageKind::Error => theme::error_colours(ui.visuals()),
        MessageKind::Notice => theme::notice_colours(ui.visuals()),
    };
    let prefix = match message.kind {
        MessageKind::Error => "Problem: ",
        MessageKind::Notice => "",
    };
    egui::Frame::new()
        .fill(colours.fill)
        .stroke(egui::Stroke::new(1.0, colours.stroke))
        .corner_radius(6.0)
        .shadow(ui.visuals().popup_shadow)
        .inner_margin(egui::Margin::symmetric(12, 8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!("{prefix}{}", message.text)).color(colours.text),
                )
                .wrap(),
            );
            let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
            let buttons = egui::Layout::right_to_left(egui::Align::Center);
            ui.allocate_ui_with_layout(row, buttons, |ui| {
                if ui.button("Dismiss").clicked() {
                    commands.send(Command::DismissMessage(message.id));
                }
                if let Some(action) = &message.action
                    && ui.button(&action.label).clicked()
                {
                    commands.send(action.command.clone());
                    commands.send(Command::DismissMessage(message.id));
                }
            });
        });
}

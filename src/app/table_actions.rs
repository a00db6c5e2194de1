//! The Edit menu's table actions (cut, copy, paste, select all, find, new row): each is
//! handed to the next frame as the keys or clipboard event the table already answers, so the
//! menu and the keyboard do exactly the same thing. When a text field had the keyboard as
//! the menu opened, Cut, Copy, Paste and Select all act in that field instead, as in any
//! other program.

use egui::{Event, Key, Modifiers};

use super::AtlasApp;
use crate::ui::Section;
use crate::ui::command::TableAction;

impl AtlasApp {
    /// Notes the text field with the keyboard, while no menu or pop-up is open (a menu
    /// takes the keyboard from the field, so it is noted before).
    pub(super) fn follow_text_target(&mut self, ctx: &egui::Context) {
        if egui::Popup::is_any_open(ctx) {
            return;
        }
        self.text_target = ctx.memory(|memory| memory.focused()).and_then(|id| {
            let state = egui::text_edit::TextEditState::load(ctx, id)?;
            Some((id, state.cursor.char_range()))
        });
    }

    /// Hands the Edit menu's events to the text field once it has the keyboard back.
    pub(super) fn replay_into_text_target(&mut self, ctx: &egui::Context) {
        let (Some(id), events) = &mut self.replayed_after_focus else {
            return;
        };
        let id = *id;
        if ctx.memory(|memory| memory.has_focus(id)) {
            let events = std::mem::take(events);
            ctx.input_mut(|input| input.events.extend(events));
            self.replayed_after_focus.0 = None;
        } else {
            ctx.memory_mut(|memory| memory.request_focus(id));
            ctx.request_repaint();
        }
    }

    /// Does `action` to the text field that had the keyboard, or else to the table on show
    /// (nothing when the panel on show has no table).
    pub(super) fn table_action(&mut self, action: TableAction, ctx: &egui::Context) {
        if let Some((id, selection)) = self.text_target
            && let Some(events) = text_events_for(action, clipboard_text)
        {
            // The field takes the keyboard back, with the text that was selected in it (a
            // field that loses the keyboard forgets its selection); the events follow when
            // it has it.
            if let Some(mut state) = egui::text_edit::TextEditState::load(ctx, id) {
                state.cursor.set_char_range(selection);
                state.store(ctx, id);
            }
            ctx.memory_mut(|memory| memory.request_focus(id));
            self.replayed_after_focus = (Some(id), events);
            ctx.request_repaint();
            return;
        }
        if self.document.is_none() || self.ui_state.panel.section() != Section::Register {
            return;
        }
        self.replayed_input
            .extend(events_for(action, clipboard_text));
    }
}

/// The events that do `action`, as the keyboard would send them. `clipboard` reads the
/// clipboard for Paste.
fn events_for(action: TableAction, clipboard: impl FnOnce() -> String) -> Vec<Event> {
    match action {
        // Copied, then the table asks whether to delete the rows (Ctrl+Z brings them back).
        TableAction::Cut => vec![Event::Copy, key(Modifiers::NONE, Key::Delete)],
        TableAction::Copy => vec![Event::Copy],
        // An empty clipboard (or one that cannot be read) opens the paste preview with an
        // empty box, to paste into.
        TableAction::Paste => vec![Event::Paste(clipboard())],
        TableAction::SelectAll => vec![key(command_modifiers(), Key::A)],
        TableAction::Find => vec![key(command_modifiers(), Key::F)],
        TableAction::NewRow => vec![key(command_modifiers(), Key::N)],
    }
}

/// The events that do `action` in a text field, as the keyboard would send them; `None`
/// for the actions a text field does not answer (find, new row).
fn text_events_for(action: TableAction, clipboard: impl FnOnce() -> String) -> Option<Vec<Event>> {
    match action {
        TableAction::Cut => Some(vec![Event::Cut]),
        TableAction::Copy => Some(vec![Event::Copy]),
        TableAction::Paste => Some(vec![Event::Paste(clipboard())]),
        TableAction::SelectAll => Some(vec![key(command_modifiers(), Key::A)]),
        TableAction::Find | TableAction::NewRow => None,
    }
}

/// Ctrl as the keyboard reports it on Windows and Linux; Cmd on a Mac.
fn command_modifiers() -> Modifiers {
    let mac = cfg!(target_os = "macos");
    Modifiers {
        ctrl: !mac,
        mac_cmd: mac,
        command: true,
        ..Modifiers::NONE
    }
}

fn key(modifiers: Modifiers, key: Key) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

/// The clipboard's text, with Windows line ends made plain; empty when there is none.
fn clipboard_text() -> String {
    arboard::Clipboard::new()
        .and_then(|mut clipboard| clipboard.get_text())
        .map(|text| text.replace("\r\n", "\n"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paste_hands_on_the_clipboard_text() {
        let events = events_for(TableAction::Paste, || "Name\tStatus\nA\tActive".to_string());
        assert_eq!(
            events,
            vec![Event::Paste("Name\tStatus\nA\tActive".to_string())]
        );
    }

    #[test]
    fn cut_copies_then_asks_to_delete() {
        let events = events_for(TableAction::Cut, String::new);
        assert_eq!(events[0], Event::Copy);
        assert!(matches!(
            events[1],
            Event::Key { key: Key::Delete, pressed: true, modifiers, .. } if modifiers.is_none()
        ));
    }

    #[test]
    fn in_a_text_field_cut_is_cut_and_find_is_left_to_the_table() {
        assert_eq!(
            text_events_for(TableAction::Cut, String::new),
            Some(vec![Event::Cut])
        );
        assert_eq!(
            text_events_for(TableAction::Paste, || "pasted".to_string()),
            Some(vec![Event::Paste("pasted".to_string())])
        );
        assert_eq!(text_events_for(TableAction::Find, String::new), None);
    }

    #[test]
    fn select_all_is_the_command_key_with_a() {
        let events = events_for(TableAction::SelectAll, String::new);
        assert!(matches!(
            events[0],
            Event::Key { key: Key::A, modifiers, .. } if modifiers.command
        ));
    }
}

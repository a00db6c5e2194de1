//! The Edit menu's table actions (cut, copy, paste, select all, find, new row): each is
//! handed to the next frame as the keys or clipboard event the table already answers, so the
//! menu and the keyboard do exactly the same thing.

use egui::{Event, Key, Modifiers};

use super::AtlasApp;
use crate::ui::Section;
use crate::ui::command::TableAction;

impl AtlasApp {
    /// Does `action` to the table on show (nothing when the panel on show has no table).
    pub(super) fn table_action(&mut self, action: TableAction) {
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
    fn select_all_is_the_command_key_with_a() {
        let events = events_for(TableAction::SelectAll, String::new);
        assert!(matches!(
            events[0],
            Event::Key { key: Key::A, modifiers, .. } if modifiers.command
        ));
    }
}

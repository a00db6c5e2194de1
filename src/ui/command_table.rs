//! The one table of commands: each with its words, its menu and its shortcuts. The menus,
//! the window's shortcuts and Help, Keyboard shortcuts all read it, so a shortcut is written
//! down once.

use egui::{Key, KeyboardShortcut, Modifiers};

use super::command::{Command, TableAction};
use super::help_windows::HelpTopic;
use super::navigation_bar::Section;

/// The menu a command is listed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// Registers and files.
    File,
    /// Changes, the clipboard and finding.
    Edit,
    /// Which panel is on show (named "Go", as the diagram already has a "View" list).
    View,
    /// Shortcuts, the program, its folders.
    Help,
}

impl Menu {
    /// Every menu, in the menu bar's order.
    pub const ALL: [Self; 4] = [Self::File, Self::Edit, Self::View, Self::Help];

    /// The menu's name in the menu bar.
    pub fn name(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::Edit => "Edit",
            Self::View => "Go",
            Self::Help => "Help",
        }
    }
}

/// Who answers a command's shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnsweredBy {
    /// The window, whatever has the keyboard.
    Window,
    /// The window, unless a text field has the keyboard (it keeps Ctrl+Z for its own text).
    WindowUnlessTyping,
    /// The window, while no register is open (with one open, the same keys are the table's).
    WindowWithoutRegister,
    /// The table on show, with its own keys, while a register is open.
    Table,
}

/// One command as the menus, the keyboard and Help know it.
#[derive(Debug)]
pub struct CommandEntry {
    /// What it does.
    pub command: Command,
    /// Its words in the menu and in Help.
    pub text: &'static str,
    /// Where it is listed.
    pub menu: Menu,
    /// Its shortcuts, the one shown in the menu first.
    pub shortcuts: &'static [KeyboardShortcut],
    /// Who answers the shortcuts.
    pub answered_by: AnsweredBy,
}

impl CommandEntry {
    /// Whether its shortcuts work now (with a register open or not).
    pub fn shortcuts_live(&self, register_open: bool) -> bool {
        match self.answered_by {
            AnsweredBy::Window | AnsweredBy::WindowUnlessTyping => true,
            AnsweredBy::WindowWithoutRegister => !register_open,
            AnsweredBy::Table => register_open,
        }
    }
}

const fn ctrl(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, key)
}

const fn ctrl_shift(key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
}

const fn entry(
    menu: Menu,
    text: &'static str,
    command: Command,
    shortcuts: &'static [KeyboardShortcut],
    answered_by: AnsweredBy,
) -> CommandEntry {
    CommandEntry {
        command,
        text,
        menu,
        shortcuts,
        answered_by,
    }
}

use AnsweredBy::{Table, Window, WindowUnlessTyping, WindowWithoutRegister};
use Menu::{Edit, File, Help, View};

/// Every command with words of its own, in menu order (one line each, as a table).
#[rustfmt::skip]
pub const COMMANDS: &[CommandEntry] = &[
    entry(File, "New register...", Command::NewRegister, &[ctrl(Key::N)], WindowWithoutRegister),
    entry(File, "Open...", Command::OpenRegister, &[ctrl(Key::O)], Window),
    entry(File, "Open by typing a path...", Command::OpenByTypingPath, &[], Window),
    entry(File, "Save a copy as...", Command::SaveCopyAs, &[ctrl_shift(Key::S)], Window),
    entry(File, "Import...", Command::ShowImport, &[], Window),
    entry(File, "Merge register...", Command::MergeRegister, &[], Window),
    entry(File, "Export diagram...", Command::ShowDiagramExport, &[], Window),
    entry(File, "Export appendix pack...", Command::ShowAppendixPack, &[], Window),
    entry(File, "Close register", Command::CloseRegister, &[ctrl(Key::W)], Window),
    entry(File, "Quit", Command::Quit, &[ctrl(Key::Q)], Window),
    entry(Edit, "Undo", Command::Undo, &[ctrl(Key::Z)], WindowUnlessTyping),
    entry(Edit, "Redo", Command::Redo, &[ctrl_shift(Key::Z), ctrl(Key::Y)], WindowUnlessTyping),
    entry(Edit, "Cut", Command::TableAction(TableAction::Cut), &[ctrl(Key::X)], WindowUnlessTyping),
    entry(Edit, "Copy", Command::TableAction(TableAction::Copy), &[ctrl(Key::C)], Table),
    entry(Edit, "Paste...", Command::TableAction(TableAction::Paste), &[ctrl(Key::V)], Table),
    entry(Edit, "Select all", Command::TableAction(TableAction::SelectAll), &[ctrl(Key::A)], Table),
    entry(Edit, "Find...", Command::TableAction(TableAction::Find), &[ctrl(Key::F)], Table),
    entry(Edit, "New row", Command::TableAction(TableAction::NewRow), &[ctrl(Key::N)], Table),
    entry(View, "The register", Command::ShowSection(Section::Register), &[ctrl(Key::Num1)], Window),
    entry(View, "The diagram", Command::ShowSection(Section::Diagram), &[ctrl(Key::Num2)], Window),
    entry(View, "Scoring", Command::ShowSection(Section::Scoring), &[ctrl(Key::Num3)], Window),
    entry(View, "Analysis and reports", Command::ShowSection(Section::Analysis), &[ctrl(Key::Num4)], Window),
    entry(View, "Review", Command::ShowSection(Section::Review), &[ctrl(Key::Num5)], Window),
    entry(View, "Show or hide the navigation list", Command::ToggleNavigation, &[ctrl(Key::B)], Window),
    entry(Help, "Keyboard shortcuts", Command::ShowHelp(HelpTopic::Shortcuts), &[KeyboardShortcut::new(Modifiers::NONE, Key::F1)], Window),
    entry(Help, "Where your data and settings are", Command::ShowHelp(HelpTopic::Folders), &[], Window),
    entry(Help, "About Partnership Atlas", Command::ShowHelp(HelpTopic::About), &[], Window),
];

/// The table's entry for `command`, if it has one.
pub fn entry_for(command: &Command) -> Option<&'static CommandEntry> {
    COMMANDS.iter().find(|entry| entry.command == *command)
}

/// The commands listed in `menu`, in order.
pub fn in_menu(menu: Menu) -> impl Iterator<Item = &'static CommandEntry> {
    COMMANDS.iter().filter(move |entry| entry.menu == menu)
}

/// Every shortcut the window itself answers to, each with its command's entry, those with
/// more keys held first (egui matches Ctrl+Z even when Shift is held too, so Ctrl+Shift+Z
/// must be tried before it).
pub fn window_shortcuts() -> Vec<(KeyboardShortcut, &'static CommandEntry)> {
    let mut shortcuts: Vec<_> = COMMANDS
        .iter()
        .filter(|entry| entry.answered_by != Table)
        .flat_map(|entry| {
            entry
                .shortcuts
                .iter()
                .map(move |&shortcut| (shortcut, entry))
        })
        .collect();
    shortcuts.sort_by_key(|(shortcut, _)| std::cmp::Reverse(modifier_count(shortcut.modifiers)));
    shortcuts
}

fn modifier_count(modifiers: Modifiers) -> usize {
    [
        modifiers.alt,
        modifiers.shift,
        modifiers.command || modifiers.ctrl || modifiers.mac_cmd,
    ]
    .into_iter()
    .filter(|&held| held)
    .count()
}

/// `command`'s shortcuts as this computer writes them ("Ctrl+Shift+Z or Ctrl+Y"), if any.
pub fn shortcut_words(ctx: &egui::Context, command: &Command) -> Option<String> {
    let entry = entry_for(command)?;
    let words: Vec<String> = entry
        .shortcuts
        .iter()
        .map(|shortcut| ctx.format_shortcut(shortcut))
        .collect();
    (!words.is_empty()).then(|| words.join(" or "))
}

/// "Shortcut: Ctrl+B", for a tooltip; empty when the command has none.
pub fn described(ctx: &egui::Context, command: &Command) -> String {
    shortcut_words(ctx, command).map_or_else(String::new, |keys| format!("Shortcut: {keys}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_live_commands_share_a_shortcut() {
        for register_open in [false, true] {
            let mut seen = Vec::new();
            for entry in COMMANDS.iter().filter(|e| e.shortcuts_live(register_open)) {
                for shortcut in entry.shortcuts {
                    assert!(
                        !seen.contains(shortcut),
                        "{shortcut:?} twice (register open: {register_open})"
                    );
                    seen.push(*shortcut);
                }
            }
        }
    }

    #[test]
    fn shortcuts_with_shift_are_tried_before_the_same_key_without() {
        let order = window_shortcuts();
        let position = |wanted: KeyboardShortcut| {
            order
                .iter()
                .position(|(shortcut, _)| *shortcut == wanted)
                .expect("listed")
        };
        assert!(position(ctrl_shift(Key::Z)) < position(ctrl(Key::Z)));
        assert!(
            order.iter().all(|(_, entry)| entry.answered_by != Table),
            "the tables answer their own keys"
        );
    }

    #[test]
    fn every_command_is_listed_once() {
        for entry in COMMANDS {
            let same = COMMANDS
                .iter()
                .filter(|e| e.command == entry.command)
                .count();
            assert_eq!(same, 1, "{:?}", entry.command);
        }
    }
}

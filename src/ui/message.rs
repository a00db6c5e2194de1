//! Messages for the user: notices ("This is the sample register") and errors ("The file is
//! damaged"), in plain words, shown until dismissed or until the register they are about
//! closes.

use super::command::Command;

/// How a message should look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    /// Something worth knowing.
    Notice,
    /// Something did not work; nothing was lost.
    Error,
}

/// A button offered with a message ("Open read-only").
#[derive(Clone, Debug, PartialEq)]
pub struct MessageAction {
    /// The button's words.
    pub label: String,
    /// What it does.
    pub command: Command,
}

/// One message.
#[derive(Clone, Debug, PartialEq)]
pub struct Message {
    /// Identifier, for dismissing.
    pub id: u64,
    /// Notice or error.
    pub kind: MessageKind,
    /// The words.
    pub text: String,
    /// A button offered with it, if any.
    pub action: Option<MessageAction>,
    /// About the program (its settings), not the register: kept when the register closes.
    pub about_program: bool,
}

/// Messages being shown, oldest first.
#[derive(Debug, Default)]
pub struct Messages {
    items: Vec<Message>,
    next_id: u64,
}

/// At most this many messages are kept; older ones drop off.
const MESSAGES_KEPT: usize = 4;

impl Messages {
    /// Shows a notice about the register.
    pub fn notice(&mut self, text: impl Into<String>) {
        self.push(MessageKind::Notice, text.into(), None, false);
    }

    /// Shows an error about the register (or about opening one).
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(MessageKind::Error, text.into(), None, false);
    }

    /// Shows an error with a button that offers a way on.
    pub fn error_with_action(&mut self, text: impl Into<String>, action: MessageAction) {
        self.push(MessageKind::Error, text.into(), Some(action), false);
    }

    /// Shows a notice or error about the program itself (its settings), which stays when
    /// the register closes.
    pub fn about_program(&mut self, kind: MessageKind, text: impl Into<String>) {
        self.push(kind, text.into(), None, true);
    }

    fn push(
        &mut self,
        kind: MessageKind,
        text: String,
        action: Option<MessageAction>,
        about_program: bool,
    ) {
        // The same words twice in a row say nothing new.
        self.items.retain(|message| message.text != text);
        self.next_id += 1;
        self.items.push(Message {
            id: self.next_id,
            kind,
            text,
            action,
            about_program,
        });
        if self.items.len() > MESSAGES_KEPT {
            self.items.remove(0);
        }
    }

    /// Hides one message.
    pub fn dismiss(&mut self, id: u64) {
        self.items.retain(|message| message.id != id);
    }

    /// Hides every message about the register (it closed, or another opened), keeping
    /// those about the program.
    pub fn forget_register(&mut self) {
        self.items.retain(|message| message.about_program);
    }

    /// The messages, oldest first.
    pub fn items(&self) -> &[Message] {
        &self.items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_about_the_register_go_with_it_and_the_programs_stay() {
        let mut messages = Messages::default();
        messages.about_program(MessageKind::Error, "Your settings file is damaged");
        messages.notice("Exported the matrix");
        messages.error("Could not write the file");
        messages.forget_register();
        let left: Vec<&str> = messages.items().iter().map(|m| m.text.as_str()).collect();
        assert_eq!(left, ["Your settings file is damaged"]);
    }
}

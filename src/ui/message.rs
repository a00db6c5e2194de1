//! Messages for the user: notices ("This is the sample register") and errors ("The file is
//! damaged"), in plain words, shown above the panel until dismissed.

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
    /// Shows a notice.
    pub fn notice(&mut self, text: impl Into<String>) {
        self.push(MessageKind::Notice, text.into(), None);
    }

    /// Shows an error.
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(MessageKind::Error, text.into(), None);
    }

    /// Shows an error with a button that offers a way on.
    pub fn error_with_action(&mut self, text: impl Into<String>, action: MessageAction) {
        self.push(MessageKind::Error, text.into(), Some(action));
    }

    fn push(&mut self, kind: MessageKind, text: String, action: Option<MessageAction>) {
        // The same words twice in a row say nothing new.
        self.items.retain(|message| message.text != text);
        self.next_id += 1;
        self.items.push(Message {
            id: self.next_id,
            kind,
            text,
            action,
        });
        if self.items.len() > MESSAGES_KEPT {
            self.items.remove(0);
        }
    }

    /// Hides one message.
    pub fn dismiss(&mut self, id: u64) {
        self.items.retain(|message| message.id != id);
    }

    /// Hides every error (after a successful open, say), keeping notices.
    pub fn clear_errors(&mut self) {
        self.items
            .retain(|message| message.kind != MessageKind::Error);
    }

    /// The messages, oldest first.
    pub fn items(&self) -> &[Message] {
        &self.items
    }
}

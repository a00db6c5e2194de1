//! A text field that commits when the user is done with it: on Enter or on leaving the field,
//! never per keystroke. Escape puts back the saved value. An invalid value stays in the field,
//! outlined, with the reason underneath, and is not committed.
//!
//! Half-typed values live in [`FieldBuffers`], keyed by the caller (record and field), so a
//! value typed for one record can never be saved into another.

use std::collections::HashMap;
use std::hash::Hash;

use super::theme;
use crate::model::InvalidValue;

/// Text typed into a field and not yet committed, with the reason it was refused, if it was.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FieldDraft {
    /// What is in the field.
    pub text: String,
    /// Why the text was refused, in plain words.
    pub error: Option<String>,
}

/// Drafts of text fields, by the caller's key (for example partnership and field).
#[derive(Debug)]
pub struct FieldBuffers<K> {
    drafts: HashMap<K, FieldDraft>,
}

impl<K> Default for FieldBuffers<K> {
    fn default() -> Self {
        Self {
            drafts: HashMap::new(),
        }
    }
}

impl<K: Hash + Eq + Clone> FieldBuffers<K> {
    /// The draft for `key`, if the field holds one.
    pub fn draft(&self, key: &K) -> Option<&FieldDraft> {
        self.drafts.get(key)
    }

    /// Forgets the draft for `key`.
    pub fn discard(&mut self, key: &K) {
        self.drafts.remove(key);
    }

    /// Forgets every draft.
    pub fn clear(&mut self) {
        self.drafts.clear();
    }

    /// Keys with a draft and no error (typed, not yet committed), for committing them when
    /// the user moves on without leaving the field in the usual way.
    pub fn pending_keys(&self) -> Vec<K> {
        self.drafts
            .iter()
            .filter(|(_, draft)| draft.error.is_none())
            .map(|(key, _)| key.clone())
            .collect()
    }

    fn set_text(&mut self, key: &K, text: String) {
        self.drafts.entry(key.clone()).or_default().text = text;
    }

    fn set_error(&mut self, key: &K, error: Option<String>) {
        if let Some(draft) = self.drafts.get_mut(key) {
            draft.error = error;
        }
    }
}

/// How a field looks and what it accepts.
pub struct TextFieldRules<'a> {
    /// The field's own id: stable from frame to frame (and different for each record).
    pub id: egui::Id,
    /// The label naming the field, for screen readers and tests.
    pub label_id: egui::Id,
    /// Several lines (Enter makes a new line; the value commits on leaving the field).
    pub multiline: bool,
    /// Checks the typed text and returns the value to save (tidied), or why not.
    pub validate: &'a dyn Fn(&str) -> Result<String, InvalidValue>,
    /// Grey words shown while the field is empty.
    pub hint: &'a str,
}

/// Draws a committing text field showing `current` (the saved value) unless a draft is being
/// typed. Returns the new, valid value when the user commits one that differs from `current`.
pub fn committed_text_field_ui<K: Hash + Eq + Clone>(
    ui: &mut egui::Ui,
    rules: &TextFieldRules<'_>,
    key: &K,
    current: &str,
    buffers: &mut FieldBuffers<K>,
) -> Option<String> {
    let id = rules.id;
    let draft = buffers.draft(key).cloned();
    let error = draft.as_ref().and_then(|d| d.error.clone());
    let mut text = draft.map_or_else(|| current.to_string(), |d| d.text);

    let response = ui
        .scope(|ui| {
            if error.is_some() {
                let stroke = egui::Stroke::new(1.5, theme::invalid_text_colour(ui.visuals()));
                let widgets = &mut ui.visuals_mut().widgets;
                widgets.inactive.bg_stroke = stroke;
                widgets.hovered.bg_stroke = stroke;
                widgets.active.bg_stroke = stroke;
                ui.visuals_mut().selection.stroke = stroke;
            }
            let edit = if rules.multiline {
                egui::TextEdit::multiline(&mut text).desired_rows(3)
            } else {
                egui::TextEdit::singleline(&mut text)
            };
            ui.add(
                edit.id(id)
                    .hint_text(rules.hint)
                    .desired_width(f32::INFINITY),
            )
        })
        .inner
        .labelled_by(rules.label_id);

    if response.changed() {
        buffers.set_text(key, text.clone());
        if error.is_some() {
            // Say at once when the value has become acceptable (or why it still is not).
            let still_wrong = (rules.validate)(&text).err().map(|e| e.0);
            buffers.set_error(key, still_wrong);
        }
    }

    let mut committed = None;
    if response.lost_focus() {
        if ui.input(|input| input.key_pressed(egui::Key::Escape)) {
            buffers.discard(key);
        } else if let Some(draft) = buffers.draft(key).cloned() {
            match (rules.validate)(&draft.text) {
                Ok(value) => {
                    buffers.discard(key);
                    if value != current {
                        committed = Some(value);
                    }
                }
                Err(reason) => buffers.set_error(key, Some(reason.0)),
            }
        }
    }

    if let Some(reason) = buffers.draft(key).and_then(|d| d.error.as_deref()) {
        ui.label(egui::RichText::new(reason).color(theme::invalid_text_colour(ui.visuals())));
    }
    committed
}

/// Puts the keyboard in the field `id`, with its text selected so typing replaces it.
pub fn focus_and_select_all(ui: &egui::Ui, id: egui::Id, text: &str) {
    ui.memory_mut(|memory| memory.request_focus(id));
    let mut state = egui::text_edit::TextEditState::load(ui.ctx(), id).unwrap_or_default();
    let end = egui::text::CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            end,
        )));
    state.store(ui.ctx(), id);
}

//! The selected partnership's main fields, editable. Each change is one undoable edit: a text
//! field when the user presses Enter or leaves it, a list as soon as a value is picked.

use super::rows::financial_year_label;
use crate::app::{Command, CommandQueue};
use crate::model::{
    CouncilRole, Edit, InvalidValue, Partnership, PartnershipId, PartnershipKind,
    PartnershipStatus, Register, StructuralLevel, parse_name,
};
use crate::ui::text_field::{
    FieldBuffers, TextFieldRules, committed_text_field_ui, focus_and_select_all,
};
use crate::ui::{PanelContext, choice_combo_ui, theme};

/// The form's text fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TextField {
    /// Name as published.
    Name,
    /// Why it was removed, closed or made dormant.
    StatusReason,
    /// What it was set up to do.
    Purpose,
}

impl TextField {
    fn label(self) -> &'static str {
        match self {
            Self::Name => "Name",
            Self::StatusReason => "Status reason",
            Self::Purpose => "Purpose",
        }
    }

    fn hint(self) -> &'static str {
        match self {
            Self::Name => "The name as published",
            Self::StatusReason => "Why it is dormant, closing, closed or removed",
            Self::Purpose => "What it was set up to do",
        }
    }

    fn value(self, partnership: &Partnership) -> &str {
        match self {
            Self::Name => &partnership.name,
            Self::StatusReason => &partnership.status_reason,
            Self::Purpose => &partnership.purpose,
        }
    }

    fn set(self, partnership: &mut Partnership, value: String) {
        match self {
            Self::Name => partnership.name = value,
            Self::StatusReason => partnership.status_reason = value,
            Self::Purpose => partnership.purpose = value,
        }
    }

    /// Checks typed text; returns the value to store.
    fn validate(self, text: &str) -> Result<String, InvalidValue> {
        match self {
            Self::Name => parse_name(text, "A partnership's name"),
            Self::StatusReason | Self::Purpose => Ok(text.trim().to_string()),
        }
    }
}

/// The form's memory between frames.
#[derive(Debug, Default)]
pub struct DetailFormState {
    buffers: FieldBuffers<(PartnershipId, TextField)>,
    shown: Option<PartnershipId>,
    focus_name_of: Option<PartnershipId>,
}

impl DetailFormState {
    /// Forgets drafts (another register was opened).
    pub fn forget(&mut self) {
        *self = Self::default();
    }

    /// Puts the cursor in `id`'s name when its form is next drawn.
    pub fn focus_name_of(&mut self, id: PartnershipId) {
        self.focus_name_of = Some(id);
    }

    /// Notes which partnership the form shows. If the user moved to another one while a
    /// field still held typed text, that text is committed now (when valid) so nothing typed
    /// is lost; invalid text stays, with its reason, for when they come back.
    pub fn follow_selection(
        &mut self,
        context: &PanelContext<'_>,
        selected: Option<PartnershipId>,
        commands: &mut CommandQueue,
    ) {
        if self.shown == selected {
            return;
        }
        if self.focus_name_of != selected {
            self.focus_name_of = None;
        }
        if !context.read_only
            && let Some(edit) = self.take_pending_edit(context.register)
        {
            commands.send(Command::edit(edit));
        }
        self.shown = selected;
    }

    /// The edit that saves valid text still being typed in the shown partnership's fields
    /// (the drafts are forgotten); `None` if there is none.
    pub fn take_pending_edit(&mut self, register: &Register) -> Option<Edit> {
        let shown = self.shown?;
        let before = register.partnerships.get(&shown)?;
        let mut after = before.clone();
        for key in self.buffers.pending_keys() {
            let (id, field) = key;
            if id != shown {
                continue;
            }
            let typed = self.buffers.draft(&key).map(|d| d.text.clone());
            if let Some(Ok(value)) = typed.map(|text| field.validate(&text)) {
                field.set(&mut after, value);
                self.buffers.discard(&key);
            }
        }
        (after != *before).then(|| Edit::change(before.clone(), after))
    }
}

/// Where the form sits: beside the table (one column), or under it (two columns, when the
/// window is too narrow for the table and the form side by side).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormLayout {
    /// In a panel to the right of the table.
    Beside,
    /// In a panel under the table.
    Below,
}

/// Draws the form for `partnership`.
pub fn detail_form_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    partnership: &Partnership,
    state: &mut DetailFormState,
    layout: FormLayout,
    commands: &mut CommandQueue,
) {
    ui.add_space(4.0);
    ui.heading(&partnership.name);
    if context.read_only {
        ui.label("This register is open read-only: nothing here can be changed.");
    }
    ui.add_space(6.0);
    let mut after = partnership.clone();
    ui.add_enabled_ui(!context.read_only, |ui| match layout {
        FormLayout::Beside => {
            main_fields_ui(ui, partnership, &mut after, state, commands);
            purpose_ui(ui, partnership, state, commands);
            status_reason_hint_ui(ui, partnership);
            ui.add_space(12.0);
            ui.separator();
            resources_ui(ui, context, partnership.id);
        }
        FormLayout::Below => {
            ui.columns(2, |columns| {
                main_fields_ui(&mut columns[0], partnership, &mut after, state, commands);
                status_reason_hint_ui(&mut columns[0], partnership);
                purpose_ui(&mut columns[1], partnership, state, commands);
                columns[1].add_space(8.0);
                resources_ui(&mut columns[1], context, partnership.id);
            });
        }
    });
    if after != *partnership {
        commands.send(Command::edit(Edit::change(partnership.clone(), after)));
    }
}

/// Name, kind, status and its reason, level and the council's role. Picks from the lists
/// change `after`; text fields send their own edit when committed.
fn main_fields_ui(
    ui: &mut egui::Ui,
    partnership: &Partnership,
    after: &mut Partnership,
    state: &mut DetailFormState,
    commands: &mut CommandQueue,
) {
    form_grid(ui, "partnership_main_fields").show(ui, |ui| {
        text_row_ui(ui, TextField::Name, partnership, state, commands);
        combo_row_ui(
            ui,
            "Kind",
            PartnershipKind::ALL,
            &mut after.kind,
            PartnershipKind::label,
        );
        combo_row_ui(
            ui,
            "Status",
            PartnershipStatus::ALL,
            &mut after.status,
            PartnershipStatus::label,
        );
        text_row_ui(ui, TextField::StatusReason, partnership, state, commands);
        combo_row_ui(
            ui,
            "Level",
            StructuralLevel::ALL,
            &mut after.structural_level,
            StructuralLevel::label,
        );
        combo_row_ui(
            ui,
            "Council role",
            CouncilRole::ALL,
            &mut after.council_role,
            CouncilRole::label,
        );
    });
}

fn purpose_ui(
    ui: &mut egui::Ui,
    partnership: &Partnership,
    state: &mut DetailFormState,
    commands: &mut CommandQueue,
) {
    form_grid(ui, "partnership_purpose").show(ui, |ui| {
        text_row_ui(ui, TextField::Purpose, partnership, state, commands);
    });
}

fn form_grid(ui: &egui::Ui, id: &str) -> egui::Grid {
    egui::Grid::new(ui.id().with(id))
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(110.0)
}

/// A reminder to record why a partnership is dormant, closing, closed or removed.
fn status_reason_hint_ui(ui: &mut egui::Ui, partnership: &Partnership) {
    let needs_reason = matches!(
        partnership.status,
        PartnershipStatus::Dormant
            | PartnershipStatus::Closing
            | PartnershipStatus::Closed
            | PartnershipStatus::Removed
    ) && partnership.status_reason.is_empty();
    if needs_reason {
        ui.label(
            egui::RichText::new("Say why in Status reason: the register keeps the reason.")
                .color(theme::weak_text_colour(ui.visuals())),
        );
    }
}

fn text_row_ui(
    ui: &mut egui::Ui,
    field: TextField,
    partnership: &Partnership,
    state: &mut DetailFormState,
    commands: &mut CommandQueue,
) {
    let label = ui.label(field.label());
    let id = egui::Id::new(("partnership_field", partnership.id, field));
    let current = field.value(partnership);
    if state.focus_name_of == Some(partnership.id) && field == TextField::Name {
        // Asked for again each frame until the field really has the keyboard: a panel that
        // has just appeared may not take focus on its first frame.
        if ui.memory(|memory| memory.has_focus(id)) {
            state.focus_name_of = None;
        } else {
            focus_and_select_all(ui, id, current);
        }
    }
    let validate = |text: &str| field.validate(text);
    let rules = TextFieldRules {
        id,
        label_id: label.id,
        multiline: field == TextField::Purpose,
        validate: &validate,
        hint: field.hint(),
    };
    let committed = ui
        .vertical(|ui| {
            committed_text_field_ui(
                ui,
                &rules,
                &(partnership.id, field),
                current,
                &mut state.buffers,
            )
        })
        .inner;
    ui.end_row();
    if let Some(value) = committed {
        let mut after = partnership.clone();
        field.set(&mut after, value);
        commands.send(Command::edit(Edit::change(partnership.clone(), after)));
    }
}

fn combo_row_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    all: &[T],
    value: &mut T,
    name: fn(T) -> &'static str,
) {
    let label_response = ui.label(label);
    let id = egui::Id::new(("partnership_choice", label));
    if let Some(picked) = choice_combo_ui(ui, id, label_response.id, all, *value, name) {
        *value = picked;
    }
    ui.end_row();
}

/// Officer time and money, read-only here (edited in their own tables).
fn resources_ui(ui: &mut egui::Ui, context: &PanelContext<'_>, id: PartnershipId) {
    let register = context.register;
    let partnership = register.partnerships.get(&id);
    form_grid(ui, "partnership_resources").show(ui, |ui| {
        ui.label("Officer hours a month");
        ui.label(register.hours_per_month(id).to_string());
        ui.end_row();
        if let Some(year) = register.latest_contribution_year() {
            ui.label(format!("Contribution {}", financial_year_label(year)));
            ui.label(register.contribution_in_year(id, year).format(true));
            ui.end_row();
        }
        ui.label("Review date");
        ui.label(
            partnership
                .and_then(|p| p.review_date)
                .map_or_else(|| "Not set".to_string(), |date| date.to_string()),
        );
        ui.end_row();
    });
}

//! The selected partnership's detail form: every field, in collapsing sections grouped as a
//! council register groups them (identity and classification; purpose and strategy alignment;
//! council involvement; resources; governance evidence), then its relationships with other
//! partnerships. Each change is one undoable edit: a text field when the user presses Enter or
//! leaves it, a list, tick box or date as soon as it is picked. Values are checked by the same
//! rules as the tables' cells (`crate::tables::specs::partnership_form`) before anything is
//! written.

use super::form_fields::{self, FieldContext};
use super::relationships_section::{self, RelationshipPicker};
use crate::model::{
    Edit, FinancialYear, Partnership, PartnershipId, PartnershipStatus, Record, Register,
};
use crate::tables::Lookup;
use crate::tables::specs::{FormGroup, PartnershipForm, partnership_form};
use crate::ui::text_field::FieldBuffers;
use crate::ui::{Command, CommandQueue};
use crate::ui::{PanelContext, theme};

/// The width of the form's label column, the same in every section so the fields line up
/// ("Document last reviewed" is the longest label).
const FORM_LABEL_WIDTH: f32 = 168.0;

/// The form's memory between frames.
#[derive(Debug)]
pub struct DetailFormState {
    pub(super) form: PartnershipForm,
    pub(super) buffers: FieldBuffers<(PartnershipId, usize)>,
    shown: Option<PartnershipId>,
    pub(super) focus_name_of: Option<PartnershipId>,
    /// What is typed in an open link list's search box.
    pub(super) link_search: String,
    pub(super) picker: RelationshipPicker,
    /// A picked value that was refused (a date before another), with its reason.
    pub(super) field_error: Option<(PartnershipId, usize, String)>,
}

impl Default for DetailFormState {
    fn default() -> Self {
        Self {
            form: partnership_form(),
            buffers: FieldBuffers::default(),
            shown: None,
            focus_name_of: None,
            link_search: String::new(),
            picker: RelationshipPicker::default(),
            field_error: None,
        }
    }
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
        self.picker = RelationshipPicker::default();
    }

    /// The edit that saves valid text still being typed in the shown partnership's fields
    /// (the drafts are forgotten); `None` if there is none.
    pub fn take_pending_edit(&mut self, register: &Register) -> Option<Edit> {
        let shown = self.shown?;
        let before = register.partnerships.get(&shown)?;
        let lookup = Lookup::names_only(register, crate::ui::table_view::today());
        let mut after = before.clone();
        for key in self.buffers.pending_keys() {
            let (id, column) = key;
            if id != shown {
                continue;
            }
            let Some(typed) = self.buffers.draft(&key).map(|d| d.text.clone()) else {
                continue;
            };
            let Some(spec_column) = self.form.spec.columns.get(column) else {
                continue;
            };
            let mut tried = after.clone();
            if spec_column.set(&lookup, &mut tried, &typed).is_ok()
                && Record::validate(&tried.clone().into()).is_ok()
            {
                after = tried;
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
    ui.horizontal(|ui| {
        ui.heading(&partnership.name);
        if ui
            .small_button("History")
            .on_hover_text("Every change to this partnership, from the audit log")
            .clicked()
        {
            commands.send(crate::ui::Command::ShowRecordHistory(
                crate::model::RecordKey::Partnership(partnership.id),
                partnership.name.clone(),
            ));
        }
    });
    if context.read_only {
        ui.label("This register is open read-only: nothing here can be changed.");
    }
    ui.add_space(4.0);
    let lookup = Lookup::names_only(context.register, crate::ui::table_view::today());
    ui.add_enabled_ui(!context.read_only, |ui| match layout {
        FormLayout::Beside => {
            for group in FormGroup::ALL {
                group_ui(ui, &lookup, partnership, group, state, commands);
            }
            relationships_section::relationships_ui(ui, context, partnership, state, commands);
        }
        FormLayout::Below => {
            ui.columns(2, |columns| {
                for group in [FormGroup::Identity, FormGroup::Purpose] {
                    group_ui(
                        &mut columns[0],
                        &lookup,
                        partnership,
                        group,
                        state,
                        commands,
                    );
                }
                for group in [
                    FormGroup::Council,
                    FormGroup::Resources,
                    FormGroup::Governance,
                ] {
                    group_ui(
                        &mut columns[1],
                        &lookup,
                        partnership,
                        group,
                        state,
                        commands,
                    );
                }
                relationships_section::relationships_ui(
                    &mut columns[1],
                    context,
                    partnership,
                    state,
                    commands,
                );
            });
        }
    });
}

/// One collapsing section of fields.
fn group_ui(
    ui: &mut egui::Ui,
    lookup: &Lookup<'_>,
    partnership: &Partnership,
    group: FormGroup,
    state: &mut DetailFormState,
    commands: &mut CommandQueue,
) {
    egui::CollapsingHeader::new(group.label())
        .id_salt(("partnership_form_group", group))
        .default_open(group == FormGroup::Identity)
        .show(ui, |ui| {
            egui::Grid::new(("partnership_form_grid", group))
                .num_columns(2)
                .spacing([12.0, 6.0])
                .min_col_width(FORM_LABEL_WIDTH)
                .show(ui, |ui| {
                    let fields: Vec<_> = state.form.fields_in(group).copied().collect();
                    for field in fields {
                        let mut field_context = FieldContext {
                            lookup,
                            partnership,
                            state,
                            commands,
                        };
                        form_fields::field_row_ui(ui, &mut field_context, field);
                    }
                    derived_rows_ui(ui, lookup, partnership, group);
                });
            if group == FormGroup::Identity {
                status_reason_hint_ui(ui, partnership);
            }
        });
}

/// Figures worked out from other records, shown in their group and changed in their tables.
fn derived_rows_ui(
    ui: &mut egui::Ui,
    lookup: &Lookup<'_>,
    partnership: &Partnership,
    group: FormGroup,
) {
    let weak = theme::weak_text_colour(ui.visuals());
    match group {
        FormGroup::Council => {
            ui.label("Officer hours a month");
            ui.label(lookup.register.hours_per_month(partnership.id).to_string())
                .on_hover_text("Added up from People and representation");
            ui.end_row();
        }
        FormGroup::Resources => {
            if let Some(year) = lookup.contribution_year {
                ui.label(format!("Contribution {}", FinancialYear::starting(year)));
                ui.label(
                    lookup
                        .register
                        .contribution_in_year(partnership.id, year)
                        .format_whole_pounds(),
                )
                .on_hover_text("Added up from Contributions");
                ui.end_row();
            }
        }
        FormGroup::Purpose => {
            let themes: Vec<&str> = lookup
                .register
                .theme_tags
                .keys()
                .filter(|(p, _)| *p == partnership.id)
                .filter_map(|(_, t)| lookup.register.themes.get(t).map(|t| t.name.as_str()))
                .collect();
            ui.label("Themes");
            let text = if themes.is_empty() {
                "None yet (tag them in Themes and priorities)".to_string()
            } else {
                themes.join(", ")
            };
            ui.add(egui::Label::new(egui::RichText::new(text).color(weak)).wrap());
            ui.end_row();
        }
        _ => {}
    }
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

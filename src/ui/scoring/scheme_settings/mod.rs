//! The scoring scheme's settings: everything in the scheme, section by section.
//!
//! - `criteria.rs`: the risk and value criteria and the governance areas: code, title,
//!   guidance, weight and scale, added and removed.
//! - `grid.rs`: the risk grid (its likelihood and impact steps and bands on their product,
//!   with a preview), how likelihood and impact are found, the value bands, and the governance
//!   rating scale and how the areas combine.
//! - `significance.rs`: the significance criteria and their tests (money thresholds among
//!   them), the rule (any of, k of n, weighted), and the officer hourly rate the money counts
//!   officer time at.
//! - `outcomes.rs`: the value-for-money rule, the recommendation matrix (suggestion, what else
//!   each cell allows, advice) and the review intervals (sooner after weak results).
//!
//! The scheme is checked on every frame and the reason it cannot be saved is shown beside
//! Save. Saving goes through `scoring::save_scheme_settings`: one undoable edit; a scheme that
//! assessments already use is never changed, the change becomes a new version and those
//! assessments keep their results.

mod criteria;
mod grid;
mod outcomes;
mod significance;

use crate::model::{Money, Register, ScoringScheme};
use crate::scoring;
use crate::ui::{Command, CommandQueue};
use crate::ui::{PanelContext, theme};

/// The scheme and hourly rate being edited, and what they were edited from.
#[derive(Debug, Clone, PartialEq)]
struct SchemeDraft {
    /// The scheme as it was in the register when editing started.
    base: ScoringScheme,
    /// The hourly rate as it was.
    base_rate: Money,
    /// The scheme as edited.
    scheme: ScoringScheme,
    /// The hourly rate as edited.
    rate: Money,
}

impl SchemeDraft {
    fn from_register(register: &Register) -> Self {
        let scheme = scoring::current_scheme(register).into_owned();
        let rate = register.settings.officer_hourly_rate;
        Self {
            base: scheme.clone(),
            base_rate: rate,
            scheme,
            rate,
        }
    }

    /// Whether the draft holds nothing the register does not: unchanged since loaded, or
    /// equal to what the register holds now (just saved).
    fn nothing_pending(&self, current: &ScoringScheme, rate: Money) -> bool {
        let untouched = self.scheme == self.base && self.rate == self.base_rate;
        let stored = self.scheme == *current && self.rate == rate;
        untouched || stored
    }
}

/// The scheme being edited, and what happened at the last save.
#[derive(Debug, Default)]
pub struct SchemeSettingsState {
    draft: Option<SchemeDraft>,
    outcome: Option<String>,
}

impl SchemeSettingsState {
    /// Forgets the scheme being edited.
    pub fn forget_register(&mut self) {
        *self = Self::default();
    }
}

/// A whole-number field with its label (the label names it for screen readers and tests).
pub(super) fn number_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut u32,
    range: std::ops::RangeInclusive<u32>,
) -> egui::Response {
    let label = ui.label(label);
    ui.add(egui::DragValue::new(value).range(range))
        .labelled_by(label.id)
}

/// An amount of money in pounds and pence, with its label. Returns whether it changed.
pub(super) fn money_ui(ui: &mut egui::Ui, label: &str, money: &mut Money, max_pounds: f64) -> bool {
    let label = ui.label(label);
    // Pence are whole; pounds as f64 hold every amount a council could enter exactly enough
    // to round back to the same penny.
    let mut pounds = money.pence as f64 / 100.0;
    let response = ui
        .add(
            egui::DragValue::new(&mut pounds)
                .range(0.0..=max_pounds)
                .speed(10.0)
                .max_decimals(2)
                .custom_formatter(|pounds, _| {
                    Money {
                        pence: (pounds * 100.0).round() as i64,
                    }
                    .format_whole_pounds()
                })
                .custom_parser(|text| {
                    Money::parse(text)
                        .ok()
                        .map(|money| money.pence as f64 / 100.0)
                }),
        )
        .labelled_by(label.id);
    if response.changed() {
        money.pence = (pounds * 100.0).round() as i64;
        true
    } else {
        false
    }
}

/// Ticks for a set of values ("which ratings are weak"), kept in the order of `all`.
pub(super) fn set_ui<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    all: &[T],
    chosen: &mut Vec<T>,
    label: impl Fn(T) -> String,
) {
    ui.horizontal_wrapped(|ui| {
        for &value in all {
            let mut ticked = chosen.contains(&value);
            if ui.checkbox(&mut ticked, label(value)).changed() {
                if ticked {
                    chosen.push(value);
                } else {
                    chosen.retain(|v| *v != value);
                }
                chosen.sort_by_key(|v| all.iter().position(|a| a == v));
            }
        }
    });
}

/// A criterion's code, title and weight fields, labelled "Code of R1" and so on (`code` is the
/// code as it was before this frame's typing, so the labels stay put while it is edited).
pub(super) fn code_title_weight_ui(
    ui: &mut egui::Ui,
    code: &str,
    (code_text, title, weight): (&mut String, &mut String, &mut u32),
    weight_hint: &str,
) {
    let label = ui.label(format!("Code of {code}"));
    ui.add(egui::TextEdit::singleline(code_text).desired_width(50.0))
        .labelled_by(label.id);
    let label = ui.label(format!("Title of {code}"));
    ui.add(egui::TextEdit::singleline(title).desired_width(380.0))
        .labelled_by(label.id);
    let label = ui.label(format!("Weight of {code}"));
    ui.add(egui::DragValue::new(weight).range(0..=100))
        .labelled_by(label.id)
        .on_hover_text(weight_hint);
}

/// Names a widget that has no visible label of its own (the cells of a grid, whose row and
/// column headings say what they are): `name` for screen readers and tests, with its value.
pub(super) fn name_widget(
    response: &egui::Response,
    typ: egui::WidgetType,
    name: &str,
    value: String,
) {
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(typ, response.enabled(), name);
        info.current_text_value = Some(value.clone());
        info
    });
}

/// A section heading.
pub(super) fn section<R>(
    ui: &mut egui::Ui,
    title: &str,
    open: bool,
    body: impl FnOnce(&mut egui::Ui) -> R,
) {
    egui::CollapsingHeader::new(egui::RichText::new(title).strong().size(15.0))
        .id_salt(("scheme_section", title))
        .default_open(open)
        .show(ui, |ui| {
            body(ui);
        });
    ui.add_space(4.0);
}

fn versions_line(register: &Register) -> String {
    let mut versions: Vec<String> = register
        .scoring_schemes
        .values()
        .map(|scheme| {
            let used = scoring::assessments_using(register, scheme.version);
            format!(
                "{} ({})",
                scheme.version,
                crate::model::words::counted(used, "assessment")
            )
        })
        .collect();
    if versions.is_empty() {
        versions.push(format!(
            "1, built in ({})",
            crate::model::words::counted(scoring::assessments_using(register, 1), "assessment")
        ));
    }
    format!("Versions in this register: {}.", versions.join(", "))
}

/// Draws the settings view.
pub fn scheme_settings_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut SchemeSettingsState,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    let current = scoring::current_scheme(register);
    let current_rate = register.settings.officer_hourly_rate;
    let reload = state.draft.as_ref().is_none_or(|draft| {
        draft.nothing_pending(&current, current_rate)
            && (draft.base != *current || draft.base_rate != current_rate)
    });
    if reload {
        // A message about a save still holds when the register now holds what was saved;
        // after an undo (or another register) it no longer does.
        let just_saved = state
            .draft
            .as_ref()
            .is_some_and(|draft| draft.scheme == *current);
        if !just_saved {
            state.outcome = None;
        }
        state.draft = Some(SchemeDraft::from_register(register));
    }
    let Some(draft) = state.draft.as_mut() else {
        return;
    };
    let moved_on = draft.base != *current || draft.base_rate != current_rate;
    let in_use = scoring::assessments_using(register, current.version);

    ui.horizontal_wrapped(|ui| {
        ui.heading(format!(
            "Scoring scheme: {} (version {})",
            current.name, current.version
        ));
        ui.label(versions_line(register));
    });
    if in_use > 0 {
        ui.label(format!(
            "{in_use} assessments were made with version {}. Saving a change makes a new \
             version for new assessments; those assessments keep their results.",
            current.version
        ));
    }
    let changed = draft.scheme != *current || draft.rate != current_rate;
    let problem = draft
        .scheme
        .validate()
        .err()
        .map(|error| error.to_string())
        .or_else(|| {
            (draft.rate.pence <= 0 || draft.rate > scoring::MAX_HOURLY_RATE).then(|| {
                format!(
                    "The officer hourly rate must be more than £0 and at most {}",
                    scoring::MAX_HOURLY_RATE.format_whole_pounds()
                )
            })
        });
    ui.horizontal_wrapped(|ui| {
        let can_save = changed && problem.is_none() && !context.read_only;
        if ui
            .add_enabled(can_save, egui::Button::new("Save scheme"))
            .on_hover_text("Save these settings as one change (Undo takes it back)")
            .clicked()
        {
            match scoring::save_scheme_settings(register, draft.scheme.clone(), draft.rate) {
                Ok((saved, Some(edit))) => {
                    commands.send(Command::edit(edit));
                    state.outcome = Some(if saved.version == current.version {
                        format!("Saved version {}.", saved.version)
                    } else {
                        format!(
                            "Saved as version {}: new assessments use it; assessments made \
                             with version {} keep their results.",
                            saved.version, current.version
                        )
                    });
                    draft.scheme = saved;
                }
                Ok((_, None)) => state.outcome = Some("Nothing to save.".to_string()),
                Err(error) => state.outcome = Some(error.to_string()),
            }
        }
        if ui
            .add_enabled(changed, egui::Button::new("Discard changes"))
            .clicked()
        {
            *draft = SchemeDraft::from_register(register);
            state.outcome = None;
        }
        if let Some(problem) = &problem {
            ui.label(
                egui::RichText::new(format!("Cannot save: {problem}"))
                    .color(theme::invalid_text_colour(ui.visuals())),
            );
        } else if !changed {
            ui.weak("No changes.");
        }
    });
    if moved_on && changed {
        ui.label(
            egui::RichText::new(
                "The scheme in the register changed since you began (a save or an undo): \
                 saving keeps your version; Discard changes shows the register's.",
            )
            .color(theme::weak_text_colour(ui.visuals())),
        );
    }
    if let Some(outcome) = &state.outcome {
        ui.label(outcome);
    }
    ui.separator();
    let enabled = !context.read_only;
    egui::ScrollArea::vertical()
        .id_salt("scheme_settings_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.add_enabled_ui(enabled, |ui| {
                sections_ui(ui, draft);
            });
        });
}

fn sections_ui(ui: &mut egui::Ui, draft: &mut SchemeDraft) {
    let scheme = &mut draft.scheme;
    section(ui, "Name and description", true, |ui| {
        ui.horizontal(|ui| {
            let label = ui.label("Scheme name");
            ui.add(egui::TextEdit::singleline(&mut scheme.name).desired_width(360.0))
                .labelled_by(label.id);
        });
        let label = ui.label("About this version (what it is based on, what changed)");
        ui.add(
            egui::TextEdit::multiline(&mut scheme.description)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    });
    section(ui, "Risk grid and bands", true, |ui| {
        grid::risk_grid_ui(ui, scheme);
        ui.add_space(6.0);
        grid::value_bands_ui(ui, scheme);
        ui.add_space(6.0);
        grid::governance_scale_ui(ui, scheme);
    });
    section(ui, "Risk criteria", false, |ui| {
        criteria::criteria_ui(ui, criteria::Group::Risk, scheme);
    });
    section(ui, "Value criteria", false, |ui| {
        criteria::criteria_ui(ui, criteria::Group::Value, scheme);
    });
    section(ui, "Governance areas", false, |ui| {
        criteria::criteria_ui(ui, criteria::Group::Governance, scheme);
    });
    section(ui, "Significance", true, |ui| {
        significance::significance_ui(ui, scheme, &mut draft.rate);
    });
    let scheme = &mut draft.scheme;
    section(ui, "Value for money", true, |ui| {
        outcomes::value_for_money_ui(ui, scheme);
    });
    section(ui, "Recommendation matrix", true, |ui| {
        outcomes::matrix_ui(ui, scheme);
    });
    section(ui, "Review intervals", true, |ui| {
        outcomes::review_ui(ui, scheme);
    });
}

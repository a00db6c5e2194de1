//! The rated criteria of a scheme, group by group (risk, value, governance areas): for each,
//! its code, title, guidance, weight and scale (lowest score and a label per point), and
//! buttons to add a criterion and remove one. Governance areas share the governance rating
//! scale (edited in `grid.rs`), so their scales are not edited here.
//!
//! Every field is labelled with the criterion's code ("Weight of V1", "Guidance for R2"), so
//! a screen reader (and a test) can tell twenty weight boxes apart.

use crate::model::{Criterion, CriterionGroup, Scale, ScoringScheme};

/// Which list of criteria.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Group {
    /// Risk criteria.
    Risk,
    /// Value criteria.
    Value,
    /// Governance areas.
    Governance,
}

impl Group {
    fn criteria(self, scheme: &mut ScoringScheme) -> &mut Vec<Criterion> {
        match self {
            Self::Risk => &mut scheme.risk.criteria,
            Self::Value => &mut scheme.value.criteria,
            Self::Governance => &mut scheme.governance.areas,
        }
    }

    fn prefix(self) -> &'static str {
        match self {
            Self::Risk => "R",
            Self::Value => "V",
            Self::Governance => "G",
        }
    }

    fn noun(self) -> &'static str {
        match self {
            Self::Risk => "risk criterion",
            Self::Value => "value criterion",
            Self::Governance => "governance area",
        }
    }

    fn model(self) -> CriterionGroup {
        match self {
            Self::Risk => CriterionGroup::Risk,
            Self::Value => CriterionGroup::Value,
            Self::Governance => CriterionGroup::Governance,
        }
    }
}

/// The first code `prefix` + number that no criterion of the scheme has.
fn unused_code(scheme: &ScoringScheme, prefix: &str) -> String {
    let taken: Vec<String> = scheme
        .criteria()
        .map(|(_, c)| c.code.to_lowercase())
        .chain(
            scheme
                .significance
                .criteria
                .iter()
                .map(|c| c.code.to_lowercase()),
        )
        .collect();
    (1..)
        .map(|n| format!("{prefix}{n}"))
        .find(|code| !taken.contains(&code.to_lowercase()))
        .unwrap_or_else(|| prefix.to_string())
}

/// A new criterion for `group`, on the scale of the group's first criterion (or a 1-4 scale).
fn new_criterion(group: Group, scheme: &mut ScoringScheme) -> Criterion {
    let code = unused_code(scheme, group.prefix());
    let scale = group
        .criteria(scheme)
        .first()
        .map(|c| c.scale.clone())
        .unwrap_or_else(|| Scale::from_labels(1, &["1", "2", "3", "4"]));
    Criterion {
        code,
        title: format!("New {}", group.noun()),
        guidance: String::new(),
        scale,
        weight: 1,
    }
}

/// Draws the criteria of `group`.
pub(super) fn criteria_ui(ui: &mut egui::Ui, group: Group, scheme: &mut ScoringScheme) {
    ui.weak(match group {
        Group::Risk => {
            "Rated for how much of a concern each is. When likelihood and impact come from the \
             criteria, each must be rated within the grid's steps."
        }
        Group::Value => "Rated and weighted; the weighted total as a percentage makes the band.",
        Group::Governance => {
            "The Audit Commission checklist areas, each rated on the governance rating scale; \
             leave an area unrated in an assessment when unable to assess."
        }
    });
    let mut remove = None;
    let count = group.criteria(scheme).len();
    for index in 0..count {
        let criteria = group.criteria(scheme);
        let Some(criterion) = criteria.get_mut(index) else {
            break;
        };
        ui.push_id((group.prefix(), index), |ui| {
            ui.separator();
            if criterion_ui(ui, group, criterion, count) {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        group.criteria(scheme).remove(index);
    }
    ui.add_space(4.0);
    if ui
        .button(format!("Add a {}", group.noun()))
        .on_hover_text(format!(
            "Adds a {} to the {} group, on the same scale as the first",
            group.noun(),
            group.model().label()
        ))
        .clicked()
    {
        let criterion = new_criterion(group, scheme);
        group.criteria(scheme).push(criterion);
    }
}

/// Draws one criterion; returns whether Remove was clicked.
fn criterion_ui(ui: &mut egui::Ui, group: Group, criterion: &mut Criterion, count: usize) -> bool {
    let code = criterion.code.clone();
    let mut remove = false;
    ui.horizontal_wrapped(|ui| {
        super::code_title_weight_ui(
            ui,
            &code,
            (
                &mut criterion.code,
                &mut criterion.title,
                &mut criterion.weight,
            ),
            "Its weight in the group's total; 0 leaves it out of the arithmetic",
        );
        if ui
            .add_enabled(count > 1, egui::Button::new(format!("Remove {code}")))
            .on_hover_text(
                "Old assessments keep their scores: a scheme in use becomes a new version",
            )
            .clicked()
        {
            remove = true;
        }
    });
    let label = ui.label(format!("Guidance for {code}"));
    ui.add(
        egui::TextEdit::multiline(&mut criterion.guidance)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    if group != Group::Governance {
        scale_ui(ui, &code, &mut criterion.scale);
    }
    remove
}

/// The scale: its lowest score and one label per point, with a point added or taken off the
/// top.
fn scale_ui(ui: &mut egui::Ui, code: &str, scale: &mut Scale) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(format!("Lowest score of {code}"));
        let mut min = scale.min;
        ui.add(egui::DragValue::new(&mut min).range(-10..=10))
            .labelled_by(label.id);
        for (offset, text) in scale.labels.iter_mut().enumerate() {
            let point = i32::try_from(offset).map_or(min, |o| min.saturating_add(o));
            let label = ui.label(format!("{code} point {point}"));
            ui.add(egui::TextEdit::singleline(text).desired_width(130.0))
                .labelled_by(label.id);
        }
        if ui
            .add_enabled(scale.labels.len() < 11, egui::Button::new("+"))
            .on_hover_text(format!("Add a point at the top of {code}'s scale"))
            .clicked()
        {
            scale.labels.push(String::new());
        }
        if ui
            .add_enabled(scale.labels.len() > 2, egui::Button::new("−"))
            .on_hover_text(format!("Take the top point off {code}'s scale"))
            .clicked()
        {
            scale.labels.pop();
        }
        let count = i32::try_from(scale.labels.len()).unwrap_or(1);
        scale.min = min;
        scale.max = min.saturating_add(count).saturating_sub(1);
    });
}

//! The navigation list down the left, in sections as the work is grouped (as Outlook and
//! Teams do): the register's tables, the diagram, scoring, then analysis and reports. It can
//! be hidden to a narrow strip, for small screens; Ctrl+1 to Ctrl+5 reach the sections
//! either way.

use super::PanelKind;
use super::command_table;
use super::theme;
use crate::ui::{Command, CommandQueue};

/// A group of panels in the navigation list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// The register's tables: partnerships and everything recorded about them.
    Register,
    /// The "partnership of partnerships" diagram.
    Diagram,
    /// Assessment, annual review, matrix and scheme.
    Scoring,
    /// Questions asked of the whole register, and reports.
    Analysis,
    /// The review cycle: snapshots and what changed.
    Review,
}

impl Section {
    /// Every section, in the list's order.
    pub const ALL: [Self; 5] = [
        Self::Register,
        Self::Diagram,
        Self::Scoring,
        Self::Analysis,
        Self::Review,
    ];

    /// The section's heading in the list.
    pub fn heading(self) -> &'static str {
        match self {
            Self::Register => "The register",
            Self::Diagram => "The diagram",
            Self::Scoring => "Scoring",
            Self::Analysis => "Analysis and reports",
            Self::Review => "Review",
        }
    }

    /// The section's panels, in order.
    pub fn panels(self) -> &'static [PanelKind] {
        match self {
            Self::Register => &[
                PanelKind::Partnerships,
                PanelKind::Relationships,
                PanelKind::Organisations,
                PanelKind::People,
                PanelKind::Memberships,
                PanelKind::Contributions,
                PanelKind::Strategies,
                PanelKind::Themes,
                PanelKind::Actions,
            ],
            Self::Diagram => &[PanelKind::Diagram],
            Self::Scoring => &[
                PanelKind::Scoring,
                PanelKind::AnnualReview,
                PanelKind::Matrix,
                PanelKind::ScoringScheme,
            ],
            Self::Analysis => &[PanelKind::Analysis],
            Self::Review => &[PanelKind::Review, PanelKind::Rounds, PanelKind::AuditLog],
        }
    }

    /// The panel to show when this section is asked for while `current` is on show: the
    /// section's first panel, or, from inside the section, its next one (round again).
    pub fn panel_after(self, current: PanelKind) -> PanelKind {
        let panels = self.panels();
        let next = panels
            .iter()
            .position(|&panel| panel == current)
            .map_or(0, |index| (index + 1) % panels.len());
        panels[next]
    }
}

impl PanelKind {
    /// The section the panel is listed in.
    pub fn section(self) -> Section {
        Section::ALL
            .into_iter()
            .find(|section| section.panels().contains(&self))
            .unwrap_or(Section::Register)
    }
}

/// The list's width when shown, and the strip's when hidden.
const LIST_WIDTH: f32 = 178.0;
const STRIP_WIDTH: f32 = 34.0;

/// Draws the navigation list (or, when `hidden`, the strip that brings it back) with
/// `current` highlighted.
pub fn navigation_ui(
    ui: &mut egui::Ui,
    current: PanelKind,
    hidden: bool,
    commands: &mut CommandQueue,
) {
    let width = if hidden { STRIP_WIDTH } else { LIST_WIDTH };
    egui::Panel::left("navigation")
        .resizable(false)
        .exact_size(width)
        .show(ui, |ui| {
            if hidden {
                strip_ui(ui, commands);
            } else {
                list_ui(ui, current, commands);
            }
        });
}

fn strip_ui(ui: &mut egui::Ui, commands: &mut CommandQueue) {
    ui.add_space(4.0);
    let tip = command_table::described(ui.ctx(), &Command::ToggleNavigation);
    if ui
        .button("»")
        .on_hover_text(format!("Show the navigation list. {tip}"))
        .clicked()
    {
        commands.send(Command::ToggleNavigation);
    }
}

fn list_ui(ui: &mut egui::Ui, current: PanelKind, commands: &mut CommandQueue) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.weak("Go to");
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .small_button("«")
                    .on_hover_text("Hide this list, to give the panel the room")
                    .clicked()
                {
                    commands.send(Command::ToggleNavigation);
                }
            });
        });
        for section in Section::ALL {
            ui.add_space(6.0);
            let key = command_table::shortcut_words(ui.ctx(), &Command::ShowSection(section));
            ui.horizontal(|ui| {
                ui.label(
                    egui::RichText::new(section.heading())
                        .strong()
                        .color(theme::weak_text_colour(ui.visuals())),
                );
                if let Some(key) = key {
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.weak(egui::RichText::new(key).small());
                    });
                }
            });
            for &panel in section.panels() {
                let item = egui::Button::selectable(panel == current, panel.label())
                    .min_size(egui::vec2(ui.available_width(), 0.0));
                if ui.add(item).clicked() && panel != current {
                    commands.send(Command::ShowPanel(panel));
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_panel_is_in_exactly_one_section() {
        for &panel in PanelKind::ALL {
            let holding = Section::ALL
                .into_iter()
                .filter(|section| section.panels().contains(&panel))
                .count();
            assert_eq!(holding, 1, "{panel:?}");
        }
        let listed: usize = Section::ALL.iter().map(|s| s.panels().len()).sum();
        assert_eq!(listed, PanelKind::ALL.len());
    }

    #[test]
    fn a_section_asked_for_again_moves_to_its_next_panel() {
        assert_eq!(
            Section::Scoring.panel_after(PanelKind::Partnerships),
            PanelKind::Scoring
        );
        assert_eq!(
            Section::Scoring.panel_after(PanelKind::Scoring),
            PanelKind::AnnualReview
        );
        assert_eq!(
            Section::Scoring.panel_after(PanelKind::ScoringScheme),
            PanelKind::Scoring,
            "round again after the last"
        );
        assert_eq!(
            Section::Diagram.panel_after(PanelKind::Diagram),
            PanelKind::Diagram
        );
    }
}

//! A round's questions, editable: reword one, move it up or down, leave it out, or add a field
//! or criterion the round does not ask yet. Each change is one edit of the round.

use super::rounds::{RoundsPanelState, send_edit};
use crate::model::{Question, RoundId};
use crate::review::rounds::{default_questions, set_questions};
use crate::ui::{CommandQueue, PanelContext};

/// Draws the question list, collapsed at first.
pub(super) fn questions_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut RoundsPanelState,
    round: RoundId,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    let Some(shown) = register.rounds.get(&round) else {
        return;
    };
    let questions = &shown.questions;
    egui::CollapsingHeader::new(format!("Questions ({})", questions.len()))
        .id_salt(("round_questions", round))
        .show(ui, |ui| {
            let mut changed: Option<Vec<Question>> = None;
            let editable = !context.read_only;
            egui::Grid::new(("round_question_list", round))
                .striped(true)
                .num_columns(2)
                .show(ui, |ui| {
                    for (index, question) in questions.iter().enumerate() {
                        match &mut state.rewording {
                            Some((at, words)) if *at == index => {
                                let response =
                                    ui.add(egui::TextEdit::singleline(words).desired_width(360.0));
                                if response.lost_focus() {
                                    let mut list = questions.clone();
                                    let words =
                                        words.split_whitespace().collect::<Vec<_>>().join(" ");
                                    if let Some(q) = list.get_mut(index)
                                        && !words.is_empty()
                                        && words != q.wording
                                    {
                                        q.wording = words;
                                        changed = Some(list);
                                    }
                                    state.rewording = None;
                                }
                            }
                            _ => {
                                ui.label(&question.wording);
                            }
                        }
                        ui.horizontal(|ui| {
                            ui.add_enabled_ui(editable, |ui| {
                                if ui.small_button("Reword").clicked() {
                                    state.rewording = Some((index, question.wording.clone()));
                                }
                                if index > 0 && ui.small_button("Up").clicked() {
                                    let mut list = questions.clone();
                                    list.swap(index, index - 1);
                                    changed = Some(list);
                                }
                                if index + 1 < questions.len() && ui.small_button("Down").clicked()
                                {
                                    let mut list = questions.clone();
                                    list.swap(index, index + 1);
                                    changed = Some(list);
                                }
                                if ui
                                    .small_button("Leave out")
                                    .on_hover_text(format!("Leave out: {}", question.wording))
                                    .clicked()
                                {
                                    let mut list = questions.clone();
                                    list.remove(index);
                                    changed = Some(list);
                                }
                            });
                        });
                        ui.end_row();
                    }
                });
            let missing: Vec<Question> = default_questions(register)
                .into_iter()
                .filter(|q| !questions.iter().any(|asked| asked.source == q.source))
                .collect();
            if !missing.is_empty() && editable {
                egui::ComboBox::from_id_salt(("round_add_question", round))
                    .selected_text("Add a question")
                    .show_ui(ui, |ui| {
                        for question in &missing {
                            if ui.selectable_label(false, &question.wording).clicked() {
                                let mut list = questions.clone();
                                list.push(question.clone());
                                changed = Some(list);
                            }
                        }
                    });
            }
            if let Some(list) = changed {
                send_edit(commands, set_questions(register, round, list));
            }
        });
}

//! The People panel: people, who represents the council where (Representation), who each
//! reports back to (Report-back routes), and a person x partnership matrix of officer hours.

use std::collections::{BTreeMap, BTreeSet};

use super::PanelContext;
use super::table_panels::{PEOPLE_TABS, TablePanels, options_for, sub_tabs_ui};
use super::table_view::table_view_ui;
use crate::model::{Hours, PartnershipId, PersonId};
use crate::ui::CommandQueue;

/// Draws the panel.
pub fn people_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    tables: &mut TablePanels,
    current: &mut Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let tab = sub_tabs_ui(ui, &mut tables.tabs, "people", &PEOPLE_TABS);
    match tab {
        0 => {
            super::merge_records_dialog::merge_button_ui(
                ui,
                tables.people.selected(),
                super::merge_records_dialog::MergePair::People,
                &mut tables.merge_records,
            );
            let options = options_for(&mut tables.hidden_columns, &tables.specs.people, current);
            table_view_ui(
                ui,
                context,
                &tables.specs.people,
                &mut tables.people,
                options,
                commands,
            );
            super::merge_records_dialog::merge_window_ui(
                ui.ctx(),
                context.register,
                &mut tables.merge_records,
                commands,
            );
        }
        1 => {
            let options = options_for(
                &mut tables.hidden_columns,
                &tables.specs.representations,
                current,
            );
            table_view_ui(
                ui,
                context,
                &tables.specs.representations,
                &mut tables.representations,
                options,
                commands,
            );
        }
        2 => {
            ui.label(
                "Who each representative reports back to, how often, and when they last did \
                 (the knowledge network; Analysis, Knowledge network lists where it stops).",
            );
            let options = options_for(
                &mut tables.hidden_columns,
                &tables.specs.report_back_routes,
                current,
            );
            table_view_ui(
                ui,
                context,
                &tables.specs.report_back_routes,
                &mut tables.report_back_routes,
                options,
                commands,
            );
        }
        _ => matrix_ui(ui, context, current),
    }
}

/// People down, partnerships across, officer hours a month where they meet.
fn matrix_ui(ui: &mut egui::Ui, context: &PanelContext<'_>, current: &mut Option<PartnershipId>) {
    let register = context.register;
    let mut hours: BTreeMap<(PersonId, PartnershipId), Hours> = BTreeMap::new();
    for r in register.representations.values() {
        let cell = hours.entry((r.person, r.partnership)).or_default();
        *cell = *cell + r.hours_per_month;
    }
    let people: BTreeSet<PersonId> = hours.keys().map(|(p, _)| *p).collect();
    let partnerships: BTreeSet<PartnershipId> = hours.keys().map(|(_, p)| *p).collect();
    ui.label("Officer hours a month by person (down) and partnership (across); click a partnership to make it current.");
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("representation_matrix")
                .striped(true)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new("Person").strong());
                    for &p in &partnerships {
                        let name = register.partnership_name(p);
                        let short = register
                            .partnerships
                            .get(&p)
                            .map(|x| x.short_name.as_str())
                            .filter(|s| !s.is_empty())
                            .unwrap_or(name);
                        // Long names wrap, so a column is as narrow as its figures allow.
                        let clicked = ui
                            .scope(|ui| {
                                ui.set_max_width(120.0);
                                ui.add(
                                    egui::Button::selectable(*current == Some(p), short)
                                        .wrap_mode(egui::TextWrapMode::Wrap),
                                )
                                .on_hover_text(name)
                                .clicked()
                            })
                            .inner;
                        if clicked {
                            *current = Some(p);
                        }
                    }
                    ui.label(egui::RichText::new("Total").strong());
                    ui.end_row();
                    for &person in &people {
                        ui.label(
                            register
                                .people
                                .get(&person)
                                .map_or("(missing)", |p| p.name.as_str()),
                        );
                        let mut total = Hours::ZERO;
                        for &p in &partnerships {
                            match hours.get(&(person, p)) {
                                Some(h) => {
                                    total = total + *h;
                                    ui.label(h.to_string());
                                }
                                None => {
                                    ui.label("");
                                }
                            }
                        }
                        ui.label(egui::RichText::new(total.to_string()).strong());
                        ui.end_row();
                    }
                    // Each partnership's total, and the grand total ("TOTAL 104 hours").
                    ui.label(egui::RichText::new("Total").strong());
                    let mut grand = Hours::ZERO;
                    for &p in &partnerships {
                        let total: Hours = hours
                            .iter()
                            .filter(|((_, partnership), _)| *partnership == p)
                            .map(|(_, h)| *h)
                            .sum();
                        grand = grand + total;
                        ui.label(egui::RichText::new(total.to_string()).strong());
                    }
                    ui.label(egui::RichText::new(grand.to_string()).strong());
                    ui.end_row();
                });
        });
}

//! The diagram's side panel: the export form, the selected partnership's actions (add a
//! sub-group, connect, remove a line) and the legend, painted from the same legend items the
//! exports carry, so it always matches the style rules.

use super::painter::{self, View};
use super::{DiagramExport, DiagramPanelState};
use crate::diagram::edits;
use crate::export::{Format, Orientation, PageSetup, PaperSize, legend};
use crate::model::{PartnershipId, RelationshipKind};
use crate::ui::PanelContext;
use crate::ui::{Command, CommandQueue};

/// Draws the side panel.
pub fn side_panel_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    egui::ScrollArea::vertical().show(ui, |ui| {
        if state.export.open {
            export_form_ui(ui, context, state, commands);
            ui.separator();
        }
        selected_ui(ui, context, state, current, commands);
        ui.separator();
        legend_ui(ui, state);
    });
}

fn export_form_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    ui.heading("Export diagram");
    let view_shown = state
        .cache
        .as_ref()
        .map(|c| (c.view.clone(), c.options.clone()));
    let form = &mut state.export;
    ui.label("Save as (full path):");
    ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(f32::INFINITY));
    let shown = if form.auto_page {
        "A4 or A3 landscape, to fit".to_string()
    } else {
        form.setup.to_string()
    };
    egui::ComboBox::from_label("Page")
        .selected_text(shown)
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form.auto_page, true, "A4 or A3 landscape, to fit")
                .on_hover_text("A4 when the names print at 7 pt or more on it, else A3");
            for paper in [PaperSize::A4, PaperSize::A3] {
                for orientation in [Orientation::Landscape, Orientation::Portrait] {
                    let setup = PageSetup::new(paper, orientation);
                    if ui
                        .selectable_label(!form.auto_page && form.setup == setup, setup.to_string())
                        .clicked()
                    {
                        form.auto_page = false;
                        form.setup = setup;
                    }
                }
            }
        });
    ui.horizontal(|ui| {
        ui.label("Format:");
        for format in ["pdf", "svg", "png"] {
            ui.radio_value(&mut form.format, format, format.to_uppercase());
        }
    });
    if form.format == "png" {
        ui.horizontal(|ui| {
            ui.label("Resolution:");
            for dpi in crate::export::PNG_DPI_CHOICES {
                ui.radio_value(&mut form.dpi, dpi, format!("{dpi} dpi"));
            }
        });
    }
    if let Some(note) = &form.last_note {
        ui.label(egui::RichText::new(note).small());
    }
    let Some(view) = state.view else { return };
    if ui.button("Export").clicked() {
        let mut path = std::path::PathBuf::from(form.path.trim());
        if path
            .extension()
            .is_none_or(|e| !e.eq_ignore_ascii_case(form.format))
        {
            path.set_extension(form.format);
        }
        let format = match form.format {
            "svg" => Format::Svg,
            "png" => Format::Png { dpi: form.dpi },
            _ => Format::Pdf,
        };
        // The page is chosen here (A4 or A3 when "to fit"), so the note says what the app
        // writes; the app's export makes the picture fit that page the same way.
        let mut setup = form.setup;
        let mut options = crate::diagram::BuildOptions::default();
        if let Some((view_record, shown_options)) = view_shown {
            options = shown_options;
            let register = context.register;
            let diagram = crate::diagram::Diagram::build(register, &view_record, &options);
            let today = chrono::Local::now().date_naive();
            let caption = crate::diagram::scene::caption(register, &diagram, today);
            let plan = crate::diagram::print::plan(&diagram, &caption, form.page_choice());
            setup = plan.setup;
            form.last_note = Some(plan.note().unwrap_or_else(|| {
                format!("Names print at {:.1} pt on {}.", plan.name_pt, plan.setup)
            }));
        }
        commands.send(Command::ExportDiagram(Box::new(DiagramExport {
            view,
            path,
            setup,
            format,
            options,
        })));
    }
}

fn selected_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    current: Option<PartnershipId>,
    commands: &mut CommandQueue,
) {
    let register = context.register;
    let Some(id) = current.filter(|id| register.partnerships.contains_key(id)) else {
        ui.label("Click a partnership to select it. Drag to move it; drag the background to pan; Ctrl+wheel to zoom.");
        return;
    };
    ui.add(egui::Label::new(egui::RichText::new(register.partnership_name(id)).heading()).wrap());
    let Some(cache) = &state.cache else { return };
    let writable = !context.read_only;
    ui.add_enabled_ui(writable, |ui| {
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut state.sub_group_name)
                    .hint_text("Name of the sub-group")
                    .desired_width(170.0),
            );
            let name = state.sub_group_name.trim().to_string();
            if ui
                .add_enabled(!name.is_empty(), egui::Button::new("Add sub-group"))
                .clicked()
            {
                match edits::add_sub_group_edit(register, &cache.view, &cache.diagram, id, &name) {
                    Ok(edit) => {
                        commands.send(Command::edit(edit));
                        state.sub_group_name.clear();
                    }
                    Err(error) => commands.send(Command::ReportError(error.to_string())),
                }
            }
        });
        ui.horizontal(|ui| {
            egui::ComboBox::from_id_salt("connect_kind")
                .selected_text(state.connect_kind.label())
                .show_ui(ui, |ui| {
                    for &kind in RelationshipKind::ALL {
                        ui.selectable_value(&mut state.connect_kind, kind, kind.label());
                    }
                });
            if state.connect_from.is_some() {
                ui.label("Now click the other partnership");
                if ui.button("Cancel").clicked() {
                    state.connect_from = None;
                }
            } else if ui.button("Connect to...").clicked() {
                state.connect_from = Some(id);
            }
        });
        ui.label(egui::RichText::new("Lines").strong());
        for relationship in register
            .relationships
            .values()
            .filter(|r| r.from == id || r.to == id)
        {
            ui.horizontal(|ui| {
                let text = format!(
                    "{} {} {}",
                    register.partnership_name(relationship.from),
                    relationship.kind.label().to_lowercase(),
                    register.partnership_name(relationship.to)
                );
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this line")
                    .clicked()
                {
                    match edits::remove_relationship_edit(
                        register,
                        &cache.view,
                        &cache.diagram,
                        relationship.id,
                    ) {
                        Ok(edit) => commands.send(Command::edit(edit)),
                        Err(error) => commands.send(Command::ReportError(error.to_string())),
                    }
                }
                ui.add(egui::Label::new(text).wrap());
            });
        }
    });
}

fn legend_ui(ui: &mut egui::Ui, state: &DiagramPanelState) {
    ui.heading("Legend");
    let Some(cache) = &state.cache else { return };
    let width = ui.available_width().max(120.0);
    let (items, height) = legend::layout(&cache.scene.legend, width);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let view = View {
        origin: rect.min,
        zoom: 1.0,
    };
    let painter = ui.painter_at(rect);
    let mut shapes = Vec::new();
    for item in &items {
        painter::item_shapes(item, &view, &painter, &mut shapes);
    }
    painter.extend(shapes);
}

//! The export form in the diagram's side panel: where to save, the page (in words: "A4
//! landscape"), the format (choosing one changes the file name's extension), the resolution of
//! a PNG. Before anything is written it says how large the names will print on the page as
//! arranged and, when that is under [`MIN_PRINTED_NAME_PT`], offers the fixes: a bigger page,
//! a filtered view, or an arrangement made for the page, shown first ("As printed") and then
//! kept as one undoable edit, so the screen and the paper never differ.

use super::{DiagramExport, DiagramPanelState};
use crate::diagram::print::{self, MIN_PRINTED_NAME_PT, PageChoice};
use crate::diagram::{BuildOptions, canvas_edits};
use crate::export::{Format, Orientation, PageSetup, PaperSize};
use crate::model::ViewId;
use crate::ui::{Command, CommandQueue, PanelContext};

/// The file formats offered, with their extensions.
pub const FORMATS: [(&str, &str); 3] = [("pdf", "PDF"), ("svg", "SVG"), ("png", "PNG")];

/// How many pages an export makes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PagesChoice {
    /// The whole view on one page.
    #[default]
    One,
}

/// The export form's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportForm {
    /// The form is showing.
    pub open: bool,
    /// Typed path of the file to write.
    pub path: String,
    /// Page preset.
    pub setup: PageSetup,
    /// "svg", "png" or "pdf".
    pub format: &'static str,
    /// PNG resolution.
    pub dpi: u32,
    /// Choose A4 or A3 landscape, whichever prints the names large enough (else `setup`).
    pub auto_page: bool,
    /// One page or several.
    pub pages: PagesChoice,
    /// What the last export said about how the picture fits its page.
    pub last_note: Option<String>,
    /// The printed name size worked out for (revision, view, page), kept between frames.
    check: Option<((u64, ViewId, PageChoice), Legibility)>,
}

/// How the picture as arranged prints on the chosen page.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Legibility {
    /// The page it was worked out for (A4 or A3 when the form says "to fit").
    setup: PageSetup,
    /// The size the names print at, in points.
    name_pt: f32,
}

impl ExportForm {
    /// The page choice the form stands for.
    pub fn page_choice(&self) -> PageChoice {
        if self.auto_page {
            PageChoice::Auto
        } else {
            PageChoice::Fixed(self.setup)
        }
    }

    /// Another register: the form closes and forgets what it worked out; the choices stay.
    pub fn forget_register(&mut self) {
        self.open = false;
        self.check = None;
        self.last_note = None;
    }

    /// Chooses the file format `format` ("pdf", "svg" or "png"), changing the extension of
    /// the typed file name to match.
    pub fn choose_format(&mut self, format: &'static str) {
        self.format = format;
        let typed = self.path.trim();
        if typed.is_empty() {
            return;
        }
        let mut path = std::path::PathBuf::from(typed);
        path.set_extension(format);
        self.path = path.display().to_string();
    }
}

impl Default for ExportForm {
    fn default() -> Self {
        Self {
            open: false,
            path: String::new(),
            setup: PageSetup::new(PaperSize::A4, Orientation::Landscape),
            format: "pdf",
            dpi: 300,
            auto_page: true,
            pages: PagesChoice::One,
            last_note: None,
            check: None,
        }
    }
}

/// A page in words, as the form and its notes say it: "A4 landscape".
pub fn page_words(setup: &PageSetup) -> String {
    let paper = match setup.paper {
        PaperSize::A4 => "A4",
        PaperSize::A3 => "A3",
    };
    let orientation = match setup.orientation {
        Orientation::Portrait => "portrait",
        Orientation::Landscape => "landscape",
    };
    format!("{paper} {orientation}")
}

/// The page choice in words.
fn choice_words(choice: PageChoice) -> String {
    match choice {
        PageChoice::Fixed(setup) => page_words(&setup),
        PageChoice::Auto => "A4 or A3 landscape, to fit".to_string(),
    }
}

/// The printed name size of the picture as arranged, on `choice` (A4 landscape first when
/// "to fit", then A3 when A4 prints them too small).
fn legibility(scene: &crate::export::Scene, choice: PageChoice) -> Legibility {
    let on = |setup: PageSetup| Legibility {
        setup,
        name_pt: print::printed_name_pt(scene, &setup),
    };
    match choice {
        PageChoice::Fixed(setup) => on(setup),
        PageChoice::Auto => {
            let a4 = on(PageSetup::new(PaperSize::A4, Orientation::Landscape));
            if a4.name_pt >= MIN_PRINTED_NAME_PT {
                return a4;
            }
            let a3 = on(PageSetup::new(PaperSize::A3, Orientation::Landscape));
            if a3.name_pt > a4.name_pt { a3 } else { a4 }
        }
    }
}

/// Draws the export form.
pub fn export_form_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    ui.heading("Export diagram");
    let form = &mut state.export;
    ui.label("Save as (full path):");
    ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(f32::INFINITY));
    egui::ComboBox::from_label("Page")
        .selected_text(choice_words(form.page_choice()))
        .show_ui(ui, |ui| {
            ui.selectable_value(&mut form.auto_page, true, choice_words(PageChoice::Auto))
                .on_hover_text("A4 when the names print large enough on it, else A3");
            for paper in [PaperSize::A4, PaperSize::A3] {
                for orientation in [Orientation::Landscape, Orientation::Portrait] {
                    let setup = PageSetup::new(paper, orientation);
                    if ui
                        .selectable_label(
                            !form.auto_page && form.setup == setup,
                            page_words(&setup),
                        )
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
        for (format, label) in FORMATS {
            if ui.radio(form.format == format, label).clicked() {
                form.choose_format(format);
            }
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
    legibility_ui(ui, context, state, commands);
    let form = &mut state.export;
    if let Some(note) = &form.last_note {
        ui.label(egui::RichText::new(note).small());
    }
    let Some(view) = state.view else { return };
    if ui.button("Export").clicked() {
        let export = export_asked(context, state, view);
        commands.send(Command::ExportDiagram(Box::new(export)));
    }
}

/// The printed name size, and the fixes when it is too small.
fn legibility_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    let Some(cache) = &state.cache else { return };
    let choice = state.export.page_choice();
    let key = (context.revision, cache.view.id, choice);
    let checked = match &state.export.check {
        Some((for_key, found)) if *for_key == key => *found,
        _ => {
            // The arrangement as on screen, even while the preview shows another.
            let scene = if cache.preview.is_none() {
                cache.scene.clone()
            } else {
                super::build_scene(
                    context.register,
                    &crate::diagram::Diagram::build(context.register, &cache.view, &cache.options),
                )
            };
            let found = legibility(&scene, choice);
            state.export.check = Some((key, found));
            found
        }
    };
    let words = page_words(&checked.setup);
    if checked.name_pt >= MIN_PRINTED_NAME_PT - 0.05 {
        ui.label(format!(
            "Names print at {:.1} pt on {words}, as arranged.",
            checked.name_pt
        ));
        return;
    }
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!(
            "Names would print at only {:.1} pt on {words} (a cabinet paper needs \
             {MIN_PRINTED_NAME_PT:.0} pt or more). To fix it:",
            checked.name_pt
        ),
    );
    let writable = !context.read_only;
    ui.horizontal_wrapped(|ui| {
        if checked.setup.paper == PaperSize::A4 && ui.button("Print on A3").clicked() {
            state.export.auto_page = false;
            state.export.setup = PageSetup::new(PaperSize::A3, checked.setup.orientation);
        }
        if ui
            .add_enabled(writable, egui::Button::new("Make a filtered view..."))
            .on_hover_text("A copy of this view to show fewer partnerships in (filters, focus)")
            .clicked()
        {
            let name = crate::diagram::views::free_view_name(
                context.register,
                &format!("{} (filtered)", cache.view.name),
            );
            state
                .views
                .open(super::views::ViewAction::Duplicate(cache.view.id), name);
        }
        ui.toggle_value(&mut state.as_printed, "Preview an arrangement for the page")
            .on_hover_text(
                "Shows the boxes arranged compactly for the page, as they would print. \
                 Nothing changes until you keep it.",
            );
    });
    if state.as_printed
        && let Some(cache) = &state.cache
        && cache.preview.is_some()
    {
        ui.horizontal_wrapped(|ui| {
            if let Some(note) = &cache.preview_note {
                ui.label(egui::RichText::new(note).small());
            }
            if ui
                .add_enabled(writable, egui::Button::new("Keep this arrangement"))
                .on_hover_text("Moves the boxes on screen to where they print: one edit, undoable")
                .clicked()
            {
                match canvas_edits::arrangement_edit(
                    context.register,
                    &cache.view,
                    &cache.diagram,
                    &page_words(&checked.setup),
                ) {
                    Ok(Some(edit)) => {
                        commands.send(Command::edit(edit));
                        state.as_printed = false;
                    }
                    Ok(None) => state.as_printed = false,
                    Err(error) => commands.send(Command::ReportError(error.to_string())),
                }
            }
        });
    }
}

/// The export the form asks for now: the page chosen here (A4 or A3 when "to fit"), so the
/// note says what the app writes; the path's extension the format's.
fn export_asked(
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    view: ViewId,
) -> DiagramExport {
    let form = &mut state.export;
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
    let mut setup = form.setup;
    let mut options = BuildOptions::default();
    if let Some(cache) = &state.cache {
        options = cache.options.clone();
        let register = context.register;
        let diagram = crate::diagram::Diagram::build(register, &cache.view, &options);
        let today = chrono::Local::now().date_naive();
        let caption = crate::diagram::scene::caption(register, &diagram, today);
        let plan = print::plan(&diagram, &caption, form.page_choice());
        setup = plan.setup;
        form.last_note = Some(plan.note().unwrap_or_else(|| {
            format!(
                "Names print at {:.1} pt on {}.",
                plan.name_pt,
                page_words(&plan.setup)
            )
        }));
    }
    DiagramExport {
        view,
        path,
        setup,
        format,
        options,
    }
}

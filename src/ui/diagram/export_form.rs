//! The export form in the diagram's side panel: where to save, the page (in words: "A4
//! landscape"), the format (choosing one changes the file name's extension), the resolution of
//! a PNG. Before anything is written it says how large the names will print on the page as
//! arranged and, when that is under [`MIN_PRINTED_NAME_PT`], offers the fixes: a bigger page,
//! a filtered view, or an arrangement made for the page, shown first ("As printed") and then
//! kept as one undoable edit, so the screen and the paper never differ.

use super::{DiagramExport, DiagramPanelState};
use crate::diagram::BuildOptions;
use crate::diagram::print::{self, MIN_PRINTED_NAME_PT, PageChoice, PrintAdvice, PrintFix};
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
    /// A PDF of an overview page and one page per themed partnership.
    PerTheme,
}

impl PagesChoice {
    /// The words for the choice.
    pub fn label(self) -> &'static str {
        match self {
            Self::One => "One page",
            Self::PerTheme => "Overview and one page per themed partnership (PDF)",
        }
    }
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
    /// The advice worked out for (revision, view, focus, page), kept between frames.
    check: Option<(AdviceKey, PrintAdvice)>,
}

/// What the advice was worked out for.
type AdviceKey = (u64, ViewId, BuildOptions, PageChoice);

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
    setup.words()
}

/// The page choice in words.
fn choice_words(choice: PageChoice) -> String {
    match choice {
        PageChoice::Fixed(setup) => page_words(&setup),
        PageChoice::Auto => "A4 or A3 landscape, to fit".to_string(),
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
    ui.label("Save as (folder and file name):");
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
                if format != "pdf" {
                    form.pages = PagesChoice::One;
                }
            }
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.label("Pages:");
        for pages in [PagesChoice::One, PagesChoice::PerTheme] {
            if ui.radio(form.pages == pages, pages.label()).clicked() {
                form.pages = pages;
                if pages == PagesChoice::PerTheme {
                    form.choose_format("pdf");
                }
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

/// The size names print at on the page as arranged and, when it is under the minimum, the
/// fixes ([`print::advice`], each measured), as buttons.
fn legibility_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    let Some(cache) = &state.cache else { return };
    let choice = state.export.page_choice();
    let key: AdviceKey = (
        context.revision,
        cache.view.id,
        cache.options.clone(),
        choice,
    );
    let advice = match &state.export.check {
        Some((for_key, found)) if *for_key == key => found.clone(),
        _ => {
            let found = print::advice(context.register, &cache.view, &cache.options, choice);
            state.export.check = Some((key, found.clone()));
            found
        }
    };
    let words = page_words(&advice.setup);
    if advice.readable() {
        ui.label(format!(
            "Names print at {:.1} pt on {words}, as arranged.",
            advice.name_pt
        ));
        return;
    }
    ui.colored_label(
        ui.visuals().warn_fg_color,
        format!(
            "Names would print at only {:.1} pt on {words}, as arranged: a cabinet paper \
             needs {MIN_PRINTED_NAME_PT:.0} pt or more. What would help:",
            advice.name_pt
        ),
    );
    let writable = !context.read_only;
    let view = cache.view.clone();
    for fix in &advice.fixes {
        let (label, enabled) = match fix {
            PrintFix::UseA3 { name_pt } => (format!("Print on A3 ({name_pt:.1} pt)"), true),
            PrintFix::ListSubGroupsInside { name_pt } => (
                format!("List sub-groups inside their parents ({name_pt:.1} pt)"),
                writable,
            ),
            PrintFix::OnePagePerTheme { pages, smallest_pt } => (
                format!(
                    "One page per themed partnership ({pages} pages, {smallest_pt:.1} pt or more)"
                ),
                true,
            ),
            PrintFix::CompactArrangement { name_pt } => (
                format!("Preview a compact arrangement ({name_pt:.1} pt)"),
                writable,
            ),
            PrintFix::FilterView => ("Make a filtered view...".to_string(), writable),
        };
        let clicked = ui
            .add_enabled(enabled, egui::Button::new(label).wrap())
            .on_hover_text(fix.describe())
            .clicked();
        if !clicked {
            continue;
        }
        match fix {
            PrintFix::UseA3 { .. } => {
                state.export.auto_page = false;
                state.export.setup = PageSetup::new(PaperSize::A3, Orientation::Landscape);
            }
            PrintFix::ListSubGroupsInside { .. } => {
                let mut settings = crate::diagram::ViewSettings::from_json(&view.settings);
                settings.grouping.sub_groups = crate::diagram::settings::SubGroups::Inside;
                if let Some(edit) =
                    crate::diagram::views::settings_edit(context.register, view.id, &settings)
                {
                    commands.send(Command::edit(edit));
                }
            }
            PrintFix::OnePagePerTheme { .. } => {
                state.export.pages = PagesChoice::PerTheme;
                state.export.choose_format("pdf");
            }
            PrintFix::CompactArrangement { .. } => {
                let today = chrono::Local::now().date_naive();
                state.arrangement = print::compact_arrangement(
                    context.register,
                    &view,
                    &state
                        .cache
                        .as_ref()
                        .map(|c| c.options.clone())
                        .unwrap_or_default(),
                    advice.setup,
                    today,
                )
                .map(|(plan, edit)| super::ArrangementPreview {
                    revision: context.revision,
                    view: view.id,
                    plan,
                    edit,
                });
                state.fit_to_window();
            }
            PrintFix::FilterView => {
                let name = crate::diagram::views::free_view_name(
                    context.register,
                    &format!("{} (filtered)", view.name),
                );
                state
                    .views
                    .open(super::views::ViewAction::Duplicate(view.id), name);
            }
        }
    }
}

/// While a compact arrangement is previewed: what it prints, and Keep or Cancel.
pub fn arrangement_preview_ui(
    ui: &mut egui::Ui,
    context: &PanelContext<'_>,
    state: &mut DiagramPanelState,
    commands: &mut CommandQueue,
) {
    let Some(preview) = &state.arrangement else {
        return;
    };
    let (setup, name_pt, edit) = (
        preview.plan.setup,
        preview.plan.name_pt,
        preview.edit.clone(),
    );
    ui.horizontal_wrapped(|ui| {
        ui.label(
            egui::RichText::new(format!(
                "Preview: the boxes arranged compactly for {}, names at {:.1} pt. Nothing is \
                 changed until you keep it.",
                page_words(&setup),
                name_pt
            ))
            .strong(),
        );
        if ui
            .add_enabled(
                !context.read_only,
                egui::Button::new("Keep this arrangement"),
            )
            .on_hover_text("Stores the boxes where the preview shows them: one step to undo")
            .clicked()
        {
            commands.send(Command::edit(edit));
            state.end_arrangement_preview();
        } else if ui.button("Cancel the preview").clicked() {
            state.end_arrangement_preview();
        }
    });
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
    let mut format = match form.format {
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
        if form.pages == PagesChoice::PerTheme {
            format = Format::Pdf;
        }
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
        per_theme: form.pages == PagesChoice::PerTheme,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choosing_a_format_changes_the_file_name_extension() {
        let mut form = ExportForm {
            path: "/tmp/Appendix 4.pdf".to_string(),
            ..ExportForm::default()
        };
        form.choose_format("png");
        assert_eq!(form.path, "/tmp/Appendix 4.png");
        assert_eq!(form.format, "png");
        form.choose_format("svg");
        assert_eq!(form.path, "/tmp/Appendix 4.svg");
        let mut empty = ExportForm::default();
        empty.choose_format("png");
        assert_eq!(empty.path, "", "nothing typed, nothing made up");
    }

    #[test]
    fn pages_read_in_words() {
        assert_eq!(
            page_words(&PageSetup::new(PaperSize::A4, Orientation::Landscape)),
            "A4 landscape"
        );
        assert_eq!(
            page_words(&PageSetup::new(PaperSize::A3, Orientation::Portrait)),
            "A3 portrait"
        );
        assert_eq!(choice_words(PageChoice::Auto), "A4 or A3 landscape, to fit");
    }
}

//! Writing the pack's folder: every file into a temporary folder beside the target, renamed to
//! the target at the end, so the folder appears whole or not at all.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::combined::{Piece, combined_pdf};
use super::{PackContents, PackError, PackOutcome, Progress, is_empty_folder, pack_tables};
use crate::diagram::{self, BuildOptions, print::PageChoice};
use crate::export::page::{Layer, Page};
use crate::export::table::{encode, print, xlsx};
use crate::export::{self, Format, Orientation, PageSetup, PaperSize, compose, matrix, pdf};
use crate::model::Register;
use crate::scoring::ReviewBasis;

/// The resolution of the pack's PNG pictures.
pub const PACK_DPI: u32 = 300;

/// A name Windows, macOS and Linux all accept for a file: `< > : " / \ | ? *` and control
/// characters become spaces, runs of spaces one, no dot or space at the end.
pub fn file_name_safe(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| {
            if "<>:\"/\\|?*".contains(c) || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let collapsed = replaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = collapsed.trim_end_matches(['.', ' ']).to_string();
    let short: String = trimmed.chars().take(80).collect();
    if short.is_empty() {
        "Untitled".to_string()
    } else {
        short
    }
}

/// A page that owns its items (so it outlives the scene it was composed from).
pub fn owned_page(page: Page<'_>) -> Page<'static> {
    Page {
        setup: page.setup,
        width: page.width,
        height: page.height,
        background: page.background,
        title: page.title,
        layers: page
            .layers
            .into_iter()
            .map(|layer| Layer {
                transform: layer.transform,
                items: Cow::Owned(layer.items.into_owned()),
            })
            .collect(),
        picture_scale: page.picture_scale,
        legend_place: page.legend_place,
    }
}

fn made(what: &str, error: impl std::fmt::Display) -> PackError {
    PackError::Make {
        what: what.to_string(),
        error: error.to_string(),
    }
}

/// Writes the pack as `contents` choose, as at `basis`, into the new folder `target` (which
/// may exist if it is empty). See the module documentation.
pub fn write_pack(
    register: &Register,
    contents: &PackContents,
    basis: ReviewBasis,
    target: &Path,
    progress: &Progress,
) -> Result<PackOutcome, PackError> {
    if contents.is_empty() {
        return Err(PackError::Empty);
    }
    let shown = target.display().to_string();
    if target.exists() && !is_empty_folder(target) {
        return Err(PackError::NotEmpty(shown));
    }
    let name = target.file_name().map_or_else(
        || "Appendix pack".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let parent = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !parent.is_dir() {
        return Err(PackError::Write {
            path: shown,
            error: std::io::Error::new(
                std::io::ErrorKind::NotFound,
                format!("the folder {} does not exist", parent.display()),
            ),
        });
    }
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let temporary = parent.join(format!(".~{name}.writing-{}-{stamp}", std::process::id()));
    std::fs::create_dir(&temporary).map_err(|error| PackError::Write {
        path: temporary.display().to_string(),
        error,
    })?;
    progress.start(contents.steps());
    let written = write_into(register, contents, basis, &temporary, progress).and_then(|outcome| {
        progress.begin("Finishing the folder")?;
        if target.exists() {
            std::fs::remove_dir(target).map_err(|error| PackError::Write {
                path: shown.clone(),
                error,
            })?;
        }
        std::fs::rename(&temporary, target).map_err(|error| PackError::Write {
            path: shown.clone(),
            error,
        })?;
        progress.finish_step();
        Ok(outcome)
    });
    if written.is_err() {
        // Nothing half-written is left behind, whatever went wrong.
        std::fs::remove_dir_all(&temporary).ok();
    }
    written
}

/// The files written so far.
struct Writer<'a> {
    folder: &'a Path,
    files: Vec<String>,
    progress: &'a Progress,
}

impl Writer<'_> {
    fn write(&mut self, name: &str, bytes: &[u8]) -> Result<(), PackError> {
        let path = self.folder.join(name);
        std::fs::write(&path, bytes).map_err(|error| PackError::Write {
            path: path.display().to_string(),
            error,
        })?;
        self.files.push(name.to_string());
        self.progress.finish_step();
        Ok(())
    }
}

fn write_into(
    register: &Register,
    contents: &PackContents,
    basis: ReviewBasis,
    folder: &Path,
    progress: &Progress,
) -> Result<PackOutcome, PackError> {
    let council = register.settings.council_name.trim().to_string();
    let mut out = Writer {
        folder,
        files: Vec::new(),
        progress,
    };
    let mut notes = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut number = 0usize;
    let mut next_stem = |title: &str| {
        number += 1;
        format!("{number:02} {}", file_name_safe(title))
    };

    for id in &contents.views {
        let Some(view) = register.views.get(id) else {
            continue;
        };
        progress.begin(&format!("Diagram “{}”", view.name))?;
        let (bytes, plan) = diagram::print::export(
            register,
            view,
            &BuildOptions::default(),
            PageChoice::Auto,
            Format::Pdf,
            basis.as_at,
        )
        .map_err(|error| made(&view.name, error))?;
        let stem = next_stem(&view.name);
        out.write(&format!("{stem}.pdf"), &bytes)?;
        progress.begin(&format!("Diagram “{}” at {PACK_DPI} dpi", view.name))?;
        let png = export::export(&plan.scene, &plan.setup, Format::Png { dpi: PACK_DPI })
            .map_err(|error| made(&view.name, error))?;
        out.write(&format!("{stem}.png"), &png)?;
        if let Some(note) = plan.note() {
            notes.push(format!("{}: {note}", view.name));
        }
        pieces.push(Piece::picture(
            owned_page(compose(&plan.scene, &plan.setup)),
            diagram::describe::alt_text(&plan.diagram),
            plan.scene.caption.title.clone(),
        ));
    }

    if contents.matrix {
        progress.begin("The risk/value matrix")?;
        let chart = matrix::matrix_chart_for(register, &basis);
        let setup = PageSetup::new(PaperSize::A4, Orientation::Landscape);
        let page = owned_page(compose(&chart.scene, &setup));
        let alt = format!(
            "Risk and value matrix: {} placed by risk band (across) and value band (up), each \
             circle sized by the council's annual cost and marked with its recommendation's \
             colour and sign; {} not yet assessed.",
            crate::model::words::counted(chart.points.len(), "partnership"),
            chart.not_assessed
        );
        let title = chart.scene.caption.title.clone();
        let info = pdf::DocumentInfo {
            title: title.clone(),
            author: council.clone(),
            subject: format!("Risk/value matrix, {}", basis.describe()),
            language: pdf::DEFAULT_LANGUAGE.to_string(),
            ..pdf::DocumentInfo::default()
        };
        let bytes = pdf::write_pdf(
            &info,
            &[pdf::PdfPage::new(page.clone(), alt.clone())],
            &pdf::PageNumbering::default(),
        )
        .map_err(|error| made("The matrix", error))?;
        let stem = next_stem("Risk and value matrix");
        out.write(&format!("{stem}.pdf"), &bytes)?;
        progress.begin("The risk/value matrix at 300 dpi")?;
        let png = export::png::page_to_png(&page, PACK_DPI).map_err(|e| made("The matrix", e))?;
        out.write(&format!("{stem}.png"), &png)?;
        pieces.push(Piece::picture(page, alt, title));
    }

    let tables = pack_tables(register, contents, basis);
    let mut shortened = Vec::new();
    for table in &tables {
        let stem = next_stem(&table.short_name);
        progress.begin(&format!("{} (Word)", table.title))?;
        let document = encode::encode(table, encode::TableFileFormat::Docx, &council, PACK_DPI)
            .map_err(|e| made(&table.title, e))?;
        out.write(&format!("{stem}.docx"), &document.into_first())?;
        progress.begin(&format!("{} (PDF)", table.title))?;
        // Laid out once: the same pages go into the combined PDF.
        let layout = print::layout(table);
        let bytes = pdf::write_pdf(
            &encode::pdf_info(table, &council),
            &print::pdf_pages(&layout, &table.title),
            &pdf::PageNumbering::default(),
        )
        .map_err(|e| made(&table.title, e))?;
        out.write(&format!("{stem}.pdf"), &bytes)?;
        shortened.extend(layout.shortened.iter().cloned());
        pieces.push(Piece::table(layout, table.title.clone()));
    }
    if !tables.is_empty() {
        progress.begin("The workbook of every table")?;
        let refs: Vec<&crate::export::table::Table> = tables.iter().collect();
        let info = xlsx::WorkbookInfo {
            title: format!("Appendix tables: {}", basis.describe()),
            author: council.clone(),
            subject: "Partnership register tables for a cabinet paper".to_string(),
        };
        let workbook = xlsx::tables_xlsx(&refs, &info).map_err(|e| made("The workbook", e))?;
        shortened.extend(workbook.shortened);
        out.write(
            &format!("{:02} All tables.xlsx", number + 1),
            &workbook.bytes,
        )?;
    }

    progress.begin("The combined PDF")?;
    let (bytes, pages) = combined_pdf(register, basis, &pieces)?;
    out.write("00 Appendix pack.pdf", &bytes)?;
    out.files.rotate_right(1);
    notes.extend(shortened.iter().map(|s| format!("Shortened: {s}")));
    Ok(PackOutcome {
        files: out.files,
        combined_pages: pages,
        notes,
    })
}

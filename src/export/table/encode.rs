//! A [`Table`] encoded in the format a file's name asks for: the one place a table becomes the
//! bytes of a `.xlsx`, `.csv`, `.docx`, `.pdf` or `.png` file, each document carrying the same
//! title, author (the council), subject ("title: Data as at ...") and language. The command
//! line (`export table`, `report --out`, `export audit`) and the window's table exports all
//! come here, so a table reads the same whichever way it was exported.

use std::path::{Path, PathBuf};

use super::{Shortened, Table, csv, docx, print, xlsx};
use crate::export::pdf;

/// The formats a table is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableFileFormat {
    /// Excel workbook.
    Xlsx,
    /// CSV, UTF-8 with a byte-order mark.
    Csv,
    /// Word document.
    Docx,
    /// PDF, typeset A4.
    Pdf,
    /// PNG pictures of the typeset pages, one file a page.
    Png,
}

impl TableFileFormat {
    /// The format a file name's extension asks for (any case).
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "xlsx" => Some(Self::Xlsx),
            "csv" => Some(Self::Csv),
            "docx" => Some(Self::Docx),
            "pdf" => Some(Self::Pdf),
            "png" => Some(Self::Png),
            _ => None,
        }
    }
}

/// Why a table could not be encoded.
#[derive(Debug, thiserror::Error)]
pub enum TableEncodeError {
    /// The file's name names no format.
    #[error("{0}: end the name with .csv, .xlsx, .docx, .pdf or .png to choose the format")]
    UnknownFormat(String),
    /// A format that makes several files was asked for one.
    #[error("{0}: a table is written as one PNG a page; choose .csv, .xlsx, .docx or .pdf")]
    SeveralFiles(String),
    /// The encoder failed.
    #[error("{0}")]
    Encoder(String),
}

/// An encoded table: the bytes of each file (one, or a PNG a page) and the cells that had to
/// be shortened to fit the format.
#[derive(Clone, Debug, PartialEq)]
pub struct Encoded {
    /// Each file's bytes, in order.
    pub files: Vec<Vec<u8>>,
    /// Cells cut short or written as text.
    pub shortened: Vec<Shortened>,
}

impl Encoded {
    /// The first (for every format but PNG, the only) file's bytes.
    pub fn into_first(self) -> Vec<u8> {
        self.files.into_iter().next().unwrap_or_default()
    }
}

fn failed(error: impl std::fmt::Display) -> TableEncodeError {
    TableEncodeError::Encoder(error.to_string())
}

/// What a table's PDF says about itself: its title, the council as author, "title: Data as at
/// ..." as subject, British English.
pub fn pdf_info(table: &Table, council: &str) -> pdf::DocumentInfo {
    pdf::DocumentInfo {
        title: table.title.clone(),
        author: council.trim().to_string(),
        subject: subject(table),
        language: pdf::DEFAULT_LANGUAGE.to_string(),
        ..pdf::DocumentInfo::default()
    }
}

fn subject(table: &Table) -> String {
    format!("{}: {}", table.title, table.caption().data_as_at_line())
}

/// `table` in `format`, by `council` (its author); PNG pages at `dpi`.
pub fn encode(
    table: &Table,
    format: TableFileFormat,
    council: &str,
    dpi: u32,
) -> Result<Encoded, TableEncodeError> {
    let council = council.trim().to_string();
    let title = table.title.clone();
    let subject = subject(table);
    let one = |bytes: Vec<u8>, shortened: Vec<Shortened>| Encoded {
        files: vec![bytes],
        shortened,
    };
    Ok(match format {
        TableFileFormat::Csv => one(csv::table_csv(table).into_bytes(), Vec::new()),
        TableFileFormat::Xlsx => {
            let info = xlsx::WorkbookInfo {
                title,
                author: council,
                subject,
            };
            let workbook = xlsx::table_xlsx(table, &info).map_err(failed)?;
            one(workbook.bytes, workbook.shortened)
        }
        TableFileFormat::Docx => {
            let info = docx::DocumentInfo {
                title,
                author: council,
                subject,
            };
            one(docx::table_docx(table, &info).map_err(failed)?, Vec::new())
        }
        TableFileFormat::Pdf => {
            let info = pdf_info(table, &council);
            let (bytes, shortened) = print::tables_pdf(&[table], &info).map_err(failed)?;
            one(bytes, shortened)
        }
        TableFileFormat::Png => {
            let (files, shortened) = print::table_pngs(table, dpi).map_err(failed)?;
            Encoded { files, shortened }
        }
    })
}

/// The file for page `number` of a table written as PNG: the path asked for, then
/// "NAME-page2.png" and so on.
pub fn png_page_path(out: &Path, number: usize) -> PathBuf {
    if number <= 1 {
        return out.to_path_buf();
    }
    let stem = out
        .file_stem()
        .map_or_else(|| "table".to_string(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}-page{number}.png"))
}

/// The paths `encoded`'s files go to when `out` is asked for: `out`, or a PNG a page.
pub fn file_paths(out: &Path, format: TableFileFormat, encoded: &Encoded) -> Vec<PathBuf> {
    (1..=encoded.files.len())
        .map(|number| match format {
            TableFileFormat::Png => png_page_path(out, number),
            _ => out.to_path_buf(),
        })
        .collect()
}

/// `table` as the one file `path` names (.csv, .xlsx, .docx or .pdf), by `council`.
pub fn encode_for_path(
    table: &Table,
    path: &Path,
    council: &str,
) -> Result<Vec<u8>, TableEncodeError> {
    let shown = || path.display().to_string();
    let format =
        TableFileFormat::from_path(path).ok_or_else(|| TableEncodeError::UnknownFormat(shown()))?;
    if format == TableFileFormat::Png {
        return Err(TableEncodeError::SeveralFiles(shown()));
    }
    Ok(encode(table, format, council, crate::export::PNG_DPI_CHOICES[0])?.into_first())
}

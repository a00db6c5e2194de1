//! The appendix pack: in one step, a folder holding everything a cabinet paper's appendices
//! need, and one combined PDF of it all.
//!
//! - each chosen diagram view as PDF and as PNG at 300 dpi, through the diagram's own export
//!   (`crate::diagram::print::export`: the page chosen as for File, Export diagram);
//! - the risk/value matrix (`crate::export::matrix`), PDF and PNG;
//! - each chosen table (`crate::export::table`) as a Word document and a PDF, and all of them
//!   in one workbook (`Tables.xlsx`, a sheet each);
//! - `00 Appendix pack.pdf`: a contents page, then every picture and table in the same order,
//!   each part bookmarked and lettered (Appendix A, B...), every page numbered and carrying its
//!   caption's "Data as at".
//!
//! What the pack holds ([`PackContents`]) is kept in the register's settings
//! ([`crate::model::AppendixPackChoice`]), chosen in the window's dialog; the command line uses
//! the same. The folder appears whole or not at all: everything is written into a temporary
//! folder beside the target and renamed at the end, and a failure or a cancel
//! ([`Progress::cancel`]) removes the temporary folder.
//!
//! This module sits above `export` and `diagram` (it uses both), below the CLI and the window.

mod combined;
mod folder;

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use crate::export::table::{self, TableKind};
use crate::model::{AppendixPackChoice, Register, ViewId};
use crate::scoring::ReviewBasis;

pub use combined::combined_pdf;
pub use folder::{PACK_DPI, file_name_safe, write_pack};

/// What a pack holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackContents {
    /// Diagram views, in order.
    pub views: Vec<ViewId>,
    /// The risk/value matrix.
    pub matrix: bool,
    /// Tables, in order.
    pub tables: Vec<TableKind>,
}

impl PackContents {
    /// Everything: every view, the matrix, every table.
    pub fn everything(register: &Register) -> Self {
        Self {
            views: register.views.keys().copied().collect(),
            matrix: true,
            tables: TableKind::ALL.to_vec(),
        }
    }

    /// What the register's settings choose (views no longer in the register left out), or
    /// [`PackContents::everything`] when nothing was chosen yet.
    pub fn of(register: &Register) -> Self {
        match &register.settings.appendix_pack {
            None => Self::everything(register),
            Some(choice) => Self {
                views: choice
                    .views
                    .iter()
                    .copied()
                    .filter(|id| register.views.contains_key(id))
                    .collect(),
                matrix: choice.matrix,
                tables: choice
                    .tables
                    .iter()
                    .filter_map(|code| TableKind::parse(code))
                    .collect(),
            },
        }
    }

    /// The choice as the register stores it.
    pub fn to_choice(&self) -> AppendixPackChoice {
        AppendixPackChoice {
            views: self.views.clone(),
            matrix: self.matrix,
            tables: self.tables.iter().map(|t| t.code().to_string()).collect(),
        }
    }

    /// Whether nothing is chosen.
    pub fn is_empty(&self) -> bool {
        self.views.is_empty() && !self.matrix && self.tables.is_empty()
    }

    /// How many parts: views, the matrix, tables.
    pub fn parts(&self) -> usize {
        self.views.len() + usize::from(self.matrix) + self.tables.len()
    }

    /// The steps writing takes, for a progress bar: two files a view and the matrix, two a
    /// table, the workbook, the combined PDF, and the rename.
    pub fn steps(&self) -> usize {
        self.parts() * 2 + usize::from(!self.tables.is_empty()) + 2
    }
}

/// Why a pack was not written. Nothing is left behind in any case.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// The user cancelled.
    #[error("The appendix pack was cancelled; nothing was written")]
    Cancelled,
    /// Nothing is chosen.
    #[error("Choose at least one view, the matrix or a table for the appendix pack")]
    Empty,
    /// The folder is there already with something in it.
    #[error("{0} already exists and is not empty: choose a new folder, or empty it first")]
    NotEmpty(String),
    /// A file or folder could not be written.
    #[error("{path} could not be written: {error}")]
    Write {
        /// What.
        path: String,
        /// Why.
        error: std::io::Error,
    },
    /// A picture or table could not be made.
    #[error("{what} could not be made: {error}")]
    Make {
        /// What.
        what: String,
        /// Why.
        error: String,
    },
}

/// Progress of a pack being written, shared with the window (which shows it and may cancel).
#[derive(Clone, Debug, Default)]
pub struct Progress {
    cancelled: Arc<AtomicBool>,
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    step: Arc<Mutex<String>>,
}

impl Progress {
    /// Progress nobody watches (the command line).
    pub fn silent() -> Self {
        Self::default()
    }

    /// Asks the writer to stop at its next step; it then removes what it wrote.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::SeqCst);
    }

    /// Whether cancel was asked for.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::SeqCst)
    }

    /// Steps done and steps in all.
    pub fn fraction(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::SeqCst),
            self.total.load(Ordering::SeqCst),
        )
    }

    /// What is being written now.
    pub fn step(&self) -> String {
        self.step.lock().map(|s| s.clone()).unwrap_or_default()
    }

    fn start(&self, total: usize) {
        self.total.store(total, Ordering::SeqCst);
        self.done.store(0, Ordering::SeqCst);
    }

    /// Marks a step begun, or stops when cancelled.
    fn begin(&self, what: &str) -> Result<(), PackError> {
        if self.is_cancelled() {
            return Err(PackError::Cancelled);
        }
        if let Ok(mut step) = self.step.lock() {
            *step = what.to_string();
        }
        Ok(())
    }

    fn finish_step(&self) {
        self.done.fetch_add(1, Ordering::SeqCst);
    }
}

/// What a written pack holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackOutcome {
    /// The files in the folder, in order.
    pub files: Vec<String>,
    /// Pages of the combined PDF.
    pub combined_pages: usize,
    /// Notes: pictures made to fit, cells shortened.
    pub notes: Vec<String>,
}

impl PackOutcome {
    /// "23 files, a combined PDF of 31 pages".
    pub fn describe(&self) -> String {
        format!(
            "{}, a combined PDF of {}",
            crate::model::words::counted(self.files.len(), "file"),
            crate::model::words::counted(self.combined_pages, "page")
        )
    }
}

/// The letter of part `index`: A to Z, then AA, AB...
pub fn letter(index: usize) -> String {
    let mut n = index;
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (n % 26) as u8));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The tables of a pack, built once.
pub fn pack_tables(
    register: &Register,
    contents: &PackContents,
    basis: ReviewBasis,
) -> Vec<table::Table> {
    table::kinds::build_tables(&contents.tables, register, basis)
}

/// Whether `path` is a folder with nothing in it.
fn is_empty_folder(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

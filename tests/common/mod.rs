//! Builders the tests share: a copy of the sample register in a temporary folder, the window
//! opened on it, the Ctrl key as the keyboard reports it; and in `files.rs`, a small register,
//! a folder's listing and a run of the command line.

// Each test file uses some of these, and compiles this module on its own.
#![allow(dead_code)]

pub mod files;

use std::path::PathBuf;

use egui::Modifiers;
use egui_kittest::Harness;
use partnership_atlas::app::AtlasApp;
use partnership_atlas::document::Document;
use partnership_atlas::sample;

/// The sample register written to a temporary folder (kept while the folder lives).
pub fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("temp dir");
    let path = folder.path().join("Sample council register.atlas");
    drop(Document::create(&path, sample::sample_register()).expect("write the sample"));
    (folder, path)
}

/// The window, 1600 x 1000, opened on a copy of the sample register with its own settings.
pub fn sample_app() -> (tempfile::TempDir, Harness<'static, AtlasApp>) {
    let (folder, path) = sample_copy();
    let app = AtlasApp::new(Some(path), Some(folder.path().join("settings")));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut AtlasApp| app.ui(ui), app);
    harness.run_steps(3);
    (folder, harness)
}

/// Ctrl on Windows and Linux, as the keyboard reports it.
pub const CTRL: Modifiers = Modifiers {
    alt: false,
    ctrl: true,
    shift: false,
    mac_cmd: false,
    command: true,
};

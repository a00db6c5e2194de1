//! Guards the layers of ARCHITECTURE.md: only the GUI knows egui, only the store knows SQL, and
//! each library layer uses only the layers below it. Fails with the file and line that broke a
//! rule.

use std::path::{Path, PathBuf};

/// GUI crates: only `src/ui/` and `src/app*` may name them.
const GUI_CRATES: &[&str] = &[
    "egui",
    "eframe",
    "egui_extras",
    "egui_graphs",
    "egui_kittest",
];

/// Which of the crate's own modules each layer may use (`crate::<module>`).
const LAYERS: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("platform", &[]),
    ("layout", &[]),
    ("store", &["model", "platform"]),
    ("scoring", &["model"]),
    ("analysis", &["model", "scoring"]),
    ("sample", &["model"]),
    ("tables", &["model"]),
    ("document", &["model", "store"]),
    (
        "export",
        &[
            "model", "layout", "scoring", "analysis", "store", "document", "platform",
        ],
    ),
    (
        "diagram",
        &["model", "layout", "export", "scoring", "analysis", "sample"],
    ),
    (
        "appendix",
        &["model", "scoring", "analysis", "export", "diagram"],
    ),
];

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
}

/// The top-level module a file belongs to ("model" for src/model/edit.rs, "cli" for src/cli.rs).
fn layer_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("under src");
    let first = relative
        .components()
        .next()
        .expect("a component")
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// The code of a line, without `//` comments (doc comments may name egui freely).
fn code_of(line: &str) -> &str {
    match line.find("//") {
        Some(at) => &line[..at],
        None => line,
    }
}

fn names_crate(code: &str, krate: &str) -> bool {
    let path_use = format!("{krate}::");
    let plain_use = format!("use {krate}");
    code.match_indices(&path_use).any(|(at, _)| {
        at == 0 || {
            let before = code.as_bytes()[at - 1];
            !(before.is_ascii_alphanumeric() || before == b'_' || before == b':')
        }
    }) || code.trim_start().starts_with(&plain_use)
}

#[test]
fn layers_keep_to_their_dependencies() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 10, "found the sources");
    let mut broken = Vec::new();
    for file in &files {
        let layer = layer_of(&src, file);
        let is_gui = layer == "ui" || layer.starts_with("app");
        // A `tests.rs` file is a unit-test module (`#[cfg(test)] mod tests;`): test code.
        if file.file_name().is_some_and(|name| name == "tests.rs") {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("read source");
        for (number, line) in text.lines().enumerate() {
            // Unit tests sit at the end of a file under `#[cfg(test)]`; they may use any layer.
            if line.trim() == "#[cfg(test)]" {
                break;
            }
            let code = code_of(line);
            let at = format!("{}:{}", file.display(), number + 1);
            for krate in GUI_CRATES {
                if !is_gui && names_crate(code, krate) {
                    broken.push(format!("{at}: only src/ui and src/app* may use {krate}"));
                }
            }
            if layer != "store" && names_crate(code, "rusqlite") {
                broken.push(format!("{at}: only src/store may use rusqlite (SQL)"));
            }
            if let Some((_, allowed)) = LAYERS.iter().find(|(name, _)| *name == layer) {
                for (position, _) in code.match_indices("crate::") {
                    let rest = &code[position + "crate::".len()..];
                    let used: String = rest
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                        .collect();
                    if !used.is_empty() && used != layer && !allowed.contains(&used.as_str()) {
                        broken.push(format!("{at}: the {layer} layer may not use crate::{used}"));
                    }
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layer rules broken:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_guard_sees_what_it_should() {
    assert!(names_crate("use egui::Ui;", "egui"));
    assert!(names_crate("fn f(ui: &mut egui::Ui) {}", "egui"));
    assert!(!names_crate(
        "fn f(ui: &mut egui_extras::Column) {}",
        "egui"
    ));
    assert!(names_crate(
        "let c = rusqlite::Connection::open(p);",
        "rusqlite"
    ));
    assert!(!names_crate("", "rusqlite"));
    assert_eq!(
        code_of("let x = 1; // egui::Ui is not used here"),
        "let x = 1; "
    );
}

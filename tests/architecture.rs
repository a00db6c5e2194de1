//! Guards the layers of ARCHITECTURE.md: only the GUI knows egui, only the store knows SQL,
//! each library layer uses only the layers below it, and `src/ui` does not use `src/app`. Fails
//! with the file and line that broke a rule.
//!
//! Test code may use anything: a `tests.rs` or `*_tests.rs` file, and each item marked
//! `#[cfg(test)]` (the item only, found by its braces; the rest of the file is checked).

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
    ("analysis", &["model", "scoring", "reconcile"]),
    ("sample", &["model"]),
    ("tables", &["model"]),
    ("reconcile", &["model"]),
    ("import", &["model", "tables", "reconcile"]),
    ("interchange", &["model"]),
    ("merge", &["model", "reconcile"]),
    ("document", &["model", "store"]),
    ("review", &["model", "tables", "scoring", "import"]),
    (
        "export",
        &[
            "model", "layout", "scoring", "analysis", "store", "document", "platform", "review",
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

/// Modules a layer that may otherwise use anything must not use: the screens send `Command`s
/// and read state, and the app (which applies them) sits above them.
const FORBIDDEN: &[(&str, &[&str])] = &[("ui", &["app"])];

/// Whether a file is test code as a whole: `tests.rs` or `something_tests.rs`, declared as
/// `#[cfg(test)] mod ...;`.
fn is_test_file(file: &Path) -> bool {
    file.file_stem()
        .and_then(|stem| stem.to_str())
        .is_some_and(|stem| stem == "tests" || stem.ends_with("_tests"))
}

/// The braces and semicolons of a line's code, outside string and character literals, for
/// finding where an item ends. (A raw string holding a brace would confuse it; none does.)
fn item_marks(code: &str) -> impl Iterator<Item = char> + '_ {
    let mut in_string = false;
    let mut escaped = false;
    let mut previous = ' ';
    let chars: Vec<char> = code.chars().collect();
    let mut marks = Vec::new();
    for (at, &c) in chars.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if matches!(c, '{' | '}' | ';')
            && !(previous == '\'' && chars.get(at + 1) == Some(&'\''))
        {
            marks.push(c);
        }
        previous = c;
    }
    marks.into_iter()
}

/// Which lines of a file are test code: each `#[cfg(test)]` attribute and the item it marks
/// (a `mod tests;` line, or everything to the item's closing brace).
fn test_lines(text: &str) -> Vec<bool> {
    let lines: Vec<&str> = text.lines().collect();
    let mut test = vec![false; lines.len()];
    let mut number = 0;
    while number < lines.len() {
        if lines[number].trim() != "#[cfg(test)]" {
            number += 1;
            continue;
        }
        let mut depth = 0usize;
        let mut opened = false;
        let mut ended = false;
        while number < lines.len() && !ended {
            test[number] = true;
            for mark in item_marks(code_of(lines[number])) {
                match mark {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth = depth.saturating_sub(1),
                    _ => ended |= !opened && depth == 0,
                }
                ended |= opened && depth == 0;
            }
            number += 1;
        }
    }
    test
}

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
        if is_test_file(file) {
            continue;
        }
        let text = std::fs::read_to_string(file).expect("read source");
        let is_test = test_lines(&text);
        for (number, line) in text.lines().enumerate() {
            if is_test[number] {
                continue;
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
            if let Some((_, forbidden)) = FORBIDDEN.iter().find(|(name, _)| *name == layer) {
                for used in *forbidden {
                    if code.contains(&format!("crate::{used}::"))
                        || code.contains(&format!("crate::{used};"))
                    {
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

#[test]
fn only_the_test_item_is_skipped_and_the_code_after_it_is_checked() {
    let text = "use crate::model::X;\n\
                #[cfg(test)]\n\
                mod tests;\n\
                fn a() { let s = \"}\"; let c = '{'; }\n\
                #[cfg(test)]\n\
                mod inline {\n\
                    fn b() {\n\
                        let s = \"{{\";\n\
                    }\n\
                }\n\
                use crate::app::Y;\n\
                #[cfg(test)]\n\
                use crate::sample::Z;\n\
                fn c() {}\n";
    assert_eq!(
        test_lines(text),
        [
            false, true, true, false, true, true, true, true, true, true, false, true, true, false
        ]
    );
    assert!(is_test_file(Path::new("src/diagram/print_tests.rs")));
    assert!(is_test_file(Path::new("src/tables/tests.rs")));
    assert!(!is_test_file(Path::new("src/ui/table_view/contests.rs")));
}

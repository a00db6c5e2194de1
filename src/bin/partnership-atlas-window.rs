//! `Partnership Atlas.exe` in the Windows package: the window only, with no console window
//! beside it, for the Start menu, a desktop shortcut or a double-clicked register. The command
//! line (`export`, `check`, `sample`...) is the `partnership-atlas` program, which Windows
//! gives a console so scripts can wait for it and read what it prints.
//!
//! On other systems there is no difference between the two.

#![windows_subsystem = "windows"]

fn main() -> std::process::ExitCode {
    // A register given by Explorer ("Open with", a double-click) or a shortcut; nothing else.
    let file = std::env::args_os().nth(1).map(std::path::PathBuf::from);
    partnership_atlas::app::run(file)
}

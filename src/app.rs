//! The window. (Scaffold: replaced by the app shell.)

/// Opens the window on `file`.
pub fn run(_file: Option<std::path::PathBuf>) -> std::process::ExitCode {
    std::process::ExitCode::SUCCESS
}

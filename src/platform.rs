//! Facts about the computer the program runs on, the same way on Windows, macOS and Linux:
//! who the user is, the machine's name, and where per-user data and settings live.

use std::path::PathBuf;

/// The operating system's name for the current user (`USERNAME` on Windows, `USER` elsewhere).
pub fn user_name() -> String {
    let candidates: &[&str] = if cfg!(windows) {
        &["USERNAME", "USER"]
    } else {
        &["USER", "LOGNAME", "USERNAME"]
    };
    first_env(candidates).unwrap_or_else(|| "unknown user".to_string())
}

/// The computer's name (`COMPUTERNAME` on Windows, `HOSTNAME` or /etc/hostname elsewhere).
pub fn machine_name() -> String {
    if let Some(name) = first_env(&["COMPUTERNAME", "HOSTNAME"]) {
        return name;
    }
    std::fs::read_to_string("/etc/hostname")
        .ok()
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "unknown computer".to_string())
}

fn first_env(names: &[&str]) -> Option<String> {
    names
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .map(|value| value.trim().to_string())
        .find(|value| !value.is_empty())
}

/// The folder for the user's own registers and settings (`%APPDATA%\Partnership Atlas` on
/// Windows, `~/.local/share/partnership-atlas` on Linux). `PARTNERSHIP_ATLAS_HOME` overrides
/// it, which tests use to keep out of the real one.
pub fn data_folder() -> Option<PathBuf> {
    if let Some(folder) = std::env::var_os("PARTNERSHIP_ATLAS_HOME") {
        return Some(PathBuf::from(folder));
    }
    directories::ProjectDirs::from("uk.gov", "Partnership Atlas", "Partnership Atlas")
        .map(|dirs| dirs.data_dir().to_path_buf())
}

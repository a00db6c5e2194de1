//! Facts about the computer the program runs on, the same way on Windows, macOS and Linux:
//! who the user is, the machine's name, where per-user data and settings live, which file a
//! path names ([`file_identity`]), and writing a file whole or not at all
//! ([`write_file_atomically`]).

use std::path::PathBuf;

mod atomic_write;
mod file_identity;

pub use atomic_write::{partial_file_builder, write_failure_words, write_file_atomically};
pub use file_identity::{FileIdentity, file_identity};

/// The application icon, 256 by 256 pixels, as PNG bytes (`assets/icon.png`), for the window's
/// icon; the app decodes it. The Windows `.exe` carries `assets/icon.ico` as a resource too
/// (`build.rs`), which Explorer and the taskbar show.
pub const ICON_PNG: &[u8] = include_bytes!("../assets/icon.png");

/// The operating system's account name of the current user (`jsmith`), asked of the system
/// itself (`GetUserNameW` on Windows, the password database elsewhere) rather than read from an
/// environment variable, which may be empty or say anything. The variables are only a fallback
/// for a system that will not say.
pub fn user_name() -> String {
    let fallback: &[&str] = if cfg!(windows) {
        &["USERNAME", "USER"]
    } else {
        &["USER", "LOGNAME", "USERNAME"]
    };
    whoami::username()
        .ok()
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .or_else(|| first_env(fallback))
        .unwrap_or_else(|| "unknown user".to_string())
}

/// The computer's name (`COUNCIL-PC42`), asked of the system (`GetComputerNameExW` on Windows,
/// `gethostname` elsewhere); `COMPUTERNAME` or `HOSTNAME` only if it will not say.
pub fn machine_name() -> String {
    whoami::hostname()
        .ok()
        .map(|name| name.trim().to_string())
        .filter(|name| !name.is_empty())
        .or_else(|| first_env(&["COMPUTERNAME", "HOSTNAME"]))
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

#[cfg(test)]
mod tests {
    //! Paths as council officers type them on Windows (drive letters, UNC shares, spaces, Welsh
    //! names) pass through the command line and into messages unchanged, on every platform.

    use std::path::Path;

    use clap::Parser as _;

    use crate::cli::{Cli, Command};
    use crate::store::{HeldElsewhere, OwnerNote, StoreError};

    const WINDOWS_PATHS: &[&str] = &[
        r"S:\Policy\Partnerships\register.atlas",
        r"C:\Users\jsmith\Documents\Cyngor Sir Ddinbych – Partneriaethau.atlas",
        r"\\fileserver\policy$\Partnerships\LSP register 2025.atlas",
        r"\\?\UNC\fileserver\policy\register.atlas",
        r"\\?\S:\Policy\register.atlas",
    ];

    #[test]
    fn command_line_takes_windows_paths_unchanged() {
        for &text in WINDOWS_PATHS {
            let cli = Cli::try_parse_from(["partnership-atlas", "check", text]).expect("parses");
            let Some(Command::Check { file }) = cli.command else {
                panic!("not a check command: {text}");
            };
            assert_eq!(file.as_os_str(), text);
            assert_eq!(file.display().to_string(), text);

            let cli = Cli::try_parse_from(["partnership-atlas", text]).expect("parses");
            assert_eq!(cli.file.as_deref(), Some(Path::new(text)));
        }
    }

    #[test]
    fn messages_show_windows_paths_unchanged() {
        let holder = OwnerNote {
            user: "jsmith".into(),
            machine: "COUNCIL-PC42".into(),
            process_id: 7,
            since: chrono::Local::now().fixed_offset(),
            program: String::new(),
        };
        for &text in WINDOWS_PATHS {
            let held = StoreError::InUse(HeldElsewhere {
                path: text.into(),
                holder: Some(holder.clone()),
            })
            .to_string();
            assert!(
                held.starts_with(&format!("{text} is open by jsmith on COUNCIL-PC42 since ")),
                "{held}"
            );
            let unnamed = StoreError::InUse(HeldElsewhere {
                path: text.into(),
                holder: None,
            })
            .to_string();
            assert!(
                unnamed.starts_with(&format!("{text} is open in another")),
                "{unnamed}"
            );
            assert!(
                StoreError::NotFound(text.into())
                    .to_string()
                    .ends_with(text)
            );
        }
    }

    #[cfg(windows)]
    #[test]
    fn windows_understands_drive_letters_and_shares() {
        let unc = Path::new(r"\\fileserver\policy$\Partnerships\register.atlas");
        assert!(unc.is_absolute());
        assert_eq!(
            unc.parent(),
            Some(Path::new(r"\\fileserver\policy$\Partnerships"))
        );
        let drive = Path::new(r"S:\Policy\register.atlas");
        assert!(drive.is_absolute());
        assert_eq!(
            drive.file_name().and_then(|n| n.to_str()),
            Some("register.atlas")
        );
    }

    #[test]
    fn icon_is_a_png() {
        assert!(super::ICON_PNG.starts_with(b"\x89PNG\r\n\x1a\n"));
    }
}

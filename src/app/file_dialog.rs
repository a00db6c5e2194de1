//! File windows ("Open", "Save a copy as") without freezing the program.
//!
//! rfd's dialog is started on the UI thread (as rfd recommends, for macOS) and awaited on a
//! named helper thread; the chosen path comes back by channel and the helper wakes the UI.
//! Where the desktop has no file window at all (Linux without the desktop portal and without
//! `zenity`), the caller offers a "Type the path" window instead.

use std::ffi::OsStr;
use std::future::Future;
use std::path::{Path, PathBuf};

pub use crate::ui::PathPurpose;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::task::{Context, Poll, Wake, Waker};
use std::time::{Duration, Instant};

/// The extension registers are saved with.
pub const REGISTER_EXTENSION: &str = "atlas";

/// A file window that is open, waiting for the user.
#[derive(Debug)]
pub struct PendingDialog {
    /// What the path is for.
    pub purpose: PathPurpose,
    receiver: Receiver<Option<PathBuf>>,
    started: Instant,
}

/// What became of a pending file window.
#[derive(Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// Still open.
    Waiting,
    /// The user chose a path, or cancelled (`None`).
    Finished(Option<PathBuf>),
    /// The helper thread ended without an answer.
    Failed,
}

impl PendingDialog {
    /// Checks, without waiting, whether the user has answered.
    pub fn poll(&self) -> DialogOutcome {
        match self.receiver.try_recv() {
            Ok(path) => DialogOutcome::Finished(path),
            Err(TryRecvError::Empty) => DialogOutcome::Waiting,
            Err(TryRecvError::Disconnected) => DialogOutcome::Failed,
        }
    }

    /// Whether the window answered so fast that it was probably never shown: on Linux, rfd
    /// returns "cancelled" at once when neither the desktop portal nor `zenity` can show it.
    pub fn closed_too_soon_to_be_seen(&self) -> bool {
        !cfg!(any(target_os = "windows", target_os = "macos"))
            && self.started.elapsed() < Duration::from_millis(800)
    }
}

/// Opens the native file window for `purpose` and returns at once; `wake` is called (from the
/// helper thread) when the user has answered.
pub fn start_dialog(
    purpose: PathPurpose,
    start_in: Option<&Path>,
    suggested_name: &str,
    wake: impl Fn() + Send + 'static,
) -> Result<PendingDialog, String> {
    let mut dialog = rfd::AsyncFileDialog::new().set_title(purpose.title());
    dialog = if purpose == PathPurpose::ExportMatrix {
        dialog
            .add_filter("PNG picture (300 dpi)", &["png"])
            .add_filter("SVG drawing", &["svg"])
            .add_filter("PDF document", &["pdf"])
    } else if purpose == PathPurpose::Import {
        dialog
            .add_filter(
                "Spreadsheet",
                &["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"],
            )
            .add_filter("All files", &["*"])
    } else if purpose == PathPurpose::ExportOverview {
        dialog
            .add_filter("Excel workbook", &["xlsx"])
            .add_filter("CSV (comma-separated values)", &["csv"])
    } else {
        dialog
            .add_filter("Partnership Atlas register", &[REGISTER_EXTENSION])
            .add_filter("All files", &["*"])
    };
    if let Some(folder) = start_in {
        dialog = dialog.set_directory(folder);
    }
    let (sender, receiver) = channel();
    let send_path = move |path: Option<PathBuf>| {
        // The receiver is gone only when the window closed meanwhile: nobody is waiting.
        sender.send(path).ok();
        wake();
    };
    match purpose {
        PathPurpose::Open | PathPurpose::Import | PathPurpose::MergeFrom => {
            let future = dialog.pick_file();
            spawn_waiter(async move {
                let chosen = future.await.map(|handle| handle.path().to_path_buf());
                send_path(chosen);
            })?;
        }
        PathPurpose::New
        | PathPurpose::SaveCopy
        | PathPurpose::ExportMatrix
        | PathPurpose::ExportOverview => {
            let future = dialog.set_file_name(suggested_name).save_file();
            spawn_waiter(async move {
                let chosen = future.await.map(|handle| handle.path().to_path_buf());
                send_path(chosen);
            })?;
        }
    }
    Ok(PendingDialog {
        purpose,
        receiver,
        started: Instant::now(),
    })
}

fn spawn_waiter(task: impl Future<Output = ()> + Send + 'static) -> Result<(), String> {
    std::thread::Builder::new()
        .name("file dialog".to_string())
        .spawn(move || block_on(task))
        .map(|_| ())
        .map_err(|error| format!("The file window could not be opened ({error})"))
}

/// Runs a future to its end on this thread (the helper thread has nothing else to do).
fn block_on(task: impl Future<Output = ()>) {
    struct ThreadWaker(std::thread::Thread);
    impl Wake for ThreadWaker {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut task = std::pin::pin!(task);
    while task.as_mut().poll(&mut context) == Poll::Pending {
        std::thread::park();
    }
}

/// Whether this desktop can show a native file window. Windows and macOS always can; on Linux
/// and the BSDs rfd needs the desktop portal (reached over the D-Bus session bus) or `zenity`.
pub fn native_dialog_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let session_bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    session_bus || zenity_on_path()
}

/// Whether `zenity` (rfd's fallback file window on Linux) is on PATH.
pub fn zenity_on_path() -> bool {
    std::env::var_os("PATH").is_some_and(|path| program_on_path(&path, OsStr::new("zenity")))
}

fn program_on_path(path: &OsStr, program: &OsStr) -> bool {
    std::env::split_paths(path).any(|folder| folder.join(program).is_file())
}

/// A path to save a register at: with `.atlas` added when the user gave no extension.
pub fn with_register_extension(path: PathBuf) -> PathBuf {
    if path.extension().is_some() {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".");
        name.push(REGISTER_EXTENSION);
        PathBuf::from(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_register_extension_is_added_only_when_missing() {
        assert_eq!(
            with_register_extension(PathBuf::from("Registers/My register")),
            PathBuf::from("Registers/My register.atlas")
        );
        assert_eq!(
            with_register_extension(PathBuf::from(r"\\server\share\copy.atlas")),
            PathBuf::from(r"\\server\share\copy.atlas")
        );
        assert_eq!(
            with_register_extension(PathBuf::from("Register.v2.backup")),
            PathBuf::from("Register.v2.backup")
        );
    }

    #[test]
    fn a_program_is_found_on_a_path_list() {
        let folder = tempfile::tempdir().expect("temp dir");
        std::fs::write(folder.path().join("zenity"), "").expect("write");
        let list = std::env::join_paths([folder.path()]).expect("join");
        assert!(program_on_path(&list, OsStr::new("zenity")));
        assert!(!program_on_path(&list, OsStr::new("kdialog")));
    }
}

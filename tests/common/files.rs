//! Builders the file and command-line tests share: a small register, a folder's listing and
//! a run of the command line.

use std::path::Path;
use std::process::{Command, Output};

use partnership_atlas::model::{Edit, Partnership, PartnershipId, Register};

/// The command-line program this build made.
pub const BINARY: &str = env!("CARGO_BIN_EXE_partnership-atlas");

/// Runs the command line with `args` and waits for it.
pub fn cli(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(BINARY).args(args).output().expect("run")
}

/// The names in `folder`, sorted.
pub fn folder_listing(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("list the folder")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// A register of `council` holding the partnerships `names`, numbered from 1.
pub fn register_of(council: &str, names: &[&str]) -> Register {
    let mut register = Register::new(council);
    for (id, name) in (1..).zip(names) {
        register
            .apply(&Edit::insert(Partnership {
                id: PartnershipId(id),
                name: (*name).to_string(),
                ..Partnership::default()
            }))
            .expect("insert");
    }
    register
}

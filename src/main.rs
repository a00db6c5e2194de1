//! The `partnership-atlas` program: the window, or a command line operation.

use std::io::Write as _;

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    let cli = partnership_atlas::cli::Cli::parse();
    match cli.command {
        Some(command) => {
            let mut stdout = std::io::stdout().lock();
            match partnership_atlas::cli::run(command, &mut stdout) {
                Ok(()) => std::process::ExitCode::SUCCESS,
                Err(error) => {
                    // Not `eprintln!`, which panics when nobody reads the error (a closed pipe).
                    let _ = writeln!(std::io::stderr(), "partnership-atlas: {error}");
                    std::process::ExitCode::FAILURE
                }
            }
        }
        None => partnership_atlas::app::run(cli.file),
    }
}

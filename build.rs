//! Build script: gives the Windows `.exe` its icon and version information.
//!
//! Only when the target is Windows (checked through `CARGO_CFG_TARGET_OS`, so it works when
//! cross-compiling from Linux with mingw's `windres` as well as on Windows). Other targets
//! build nothing here.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=assets/icon.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    // The command-line program and the window-only one ("Partnership Atlas.exe").
    for (binary, file_name) in [
        ("partnership-atlas", "partnership-atlas.exe"),
        ("partnership-atlas-window", "Partnership Atlas.exe"),
    ] {
        if let Err(error) = resource(file_name).compile_for(binary) {
            // A build without the resource compiler would ship an .exe without icon or
            // version: stop and say why instead.
            eprintln!("could not embed the Windows icon and version information: {error}");
            std::process::exit(1);
        }
    }
}

/// The icon and version information for the program saved as `file_name`.
fn resource(file_name: &str) -> winresource::WindowsResource {
    let version = env!("CARGO_PKG_VERSION");
    let icon = format!("{}/assets/icon.ico", env!("CARGO_MANIFEST_DIR"));
    let mut resource = winresource::WindowsResource::new();
    resource
        .set_icon(&icon)
        .set("ProductName", "Partnership Atlas")
        .set("FileDescription", "Partnership Atlas")
        .set("CompanyName", "Partnership Atlas project")
        .set("LegalCopyright", "MIT licence")
        .set("OriginalFilename", file_name)
        .set("InternalName", "partnership-atlas")
        .set("ProductVersion", version)
        .set("FileVersion", version)
        // UK English, Unicode.
        .set_language(0x0809);
    resource
}

//! Writing a file whole or not at all: every file the program writes (exports, settings) goes
//! into a temporary file in the same folder, is flushed to the disk, and is then renamed over
//! the name asked for. A full disk, a drive that goes away or a program killed half way leaves
//! the old file (or no file) under that name, never a truncated one; the temporary file is
//! removed on failure.

use std::io::Write as _;
use std::path::Path;

/// A builder for a file made under a temporary name (`PREFIX…RANDOM.partial`) and renamed into
/// place when complete, with a new file's usual permissions: the user's, as any program makes
/// it (0666 less the umask on Unix), not a temporary file's private 0600. Windows has no such
/// bits.
pub fn partial_file_builder(prefix: &std::ffi::OsStr) -> tempfile::Builder<'_, '_> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(".partial");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Writes `bytes` to `path` whole or not at all (see the module docs). Replaces a file already
/// there. The temporary file is `~$<name>.<random>.partial` in the same folder (the `~$` prefix
/// marks it as the program's own, as office suites mark theirs), so the rename never crosses
/// drives.
pub fn write_file_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "no file name"))?;
    let mut prefix = std::ffi::OsString::from("~$");
    prefix.push(name);
    prefix.push(".");
    let mut temporary = partial_file_builder(&prefix).tempfile_in(folder)?;
    temporary.write_all(bytes)?;
    temporary.as_file().sync_all()?;
    temporary.persist(path).map_err(|failed| failed.error)?;
    Ok(())
}

/// The reason a file could not be written, in words an officer can act on.
pub fn write_failure_words(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded => {
            "the disk is full: free some space or choose another drive".to_string()
        }
        ErrorKind::ReadOnlyFilesystem => {
            "the drive is read-only: choose a folder you can save to".to_string()
        }
        ErrorKind::PermissionDenied => {
            "you may not save in that folder, or the file is open in another program (close it \
             there) or read-only"
                .to_string()
        }
        ErrorKind::NotFound => "the folder does not exist".to_string(),
        _ => format!("{error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_whole_file_and_leaves_nothing_beside_it() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("Risk and value matrix.png");
        write_file_atomically(&path, b"first").expect("write");
        write_file_atomically(&path, b"second, longer").expect("replace");
        assert_eq!(std::fs::read(&path).expect("read"), b"second, longer");
        let names: Vec<_> = std::fs::read_dir(folder.path())
            .expect("list")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["Risk and value matrix.png"]);
    }

    #[test]
    fn a_failed_write_leaves_no_file_and_keeps_the_old_one() {
        let folder = tempfile::tempdir().expect("temp dir");
        let missing_folder = folder.path().join("not there").join("out.csv");
        let error = write_file_atomically(&missing_folder, b"x").expect_err("no folder");
        assert_eq!(write_failure_words(&error), "the folder does not exist");
        assert!(!missing_folder.exists());

        // A folder where the file should be: the rename fails, the temporary file goes.
        let blocked = folder.path().join("out.svg");
        std::fs::create_dir(&blocked).expect("folder");
        std::fs::write(blocked.join("keep"), b"kept").expect("write");
        write_file_atomically(&blocked, b"picture").expect_err("a folder is in the way");
        assert_eq!(std::fs::read(blocked.join("keep")).expect("kept"), b"kept");
        let names: Vec<_> = std::fs::read_dir(folder.path())
            .expect("list")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        assert_eq!(names, ["out.svg"], "no temporary file is left");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_not_private() {
        use std::os::unix::fs::PermissionsExt as _;
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("overview.csv");
        write_file_atomically(&path, b"a,b\n").expect("write");
        let plain = folder.path().join("plain.csv");
        std::fs::write(&plain, b"a,b\n").expect("write");
        let mode = |path: &Path| {
            std::fs::metadata(path)
                .expect("metadata")
                .permissions()
                .mode()
        };
        assert_eq!(mode(&path), mode(&plain), "the mode any new file gets");
    }
}

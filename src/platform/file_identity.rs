//! Which file a path names. The same register can be reached by many paths: `reg.atlas` and
//! `DIR/../DIR/reg.atlas`, a link, `S:\Policy\reg.atlas` and `\\server\policy\reg.atlas`. The
//! program must know them for one file, so that it never opens a register it already holds a
//! second time (on Linux and macOS, closing any second descriptor of a file drops every lock the
//! process holds on it: see `ARCHITECTURE.md`).

use std::path::{Path, PathBuf};

/// A file as the operating system knows it: its device and inode where the system has them
/// (Linux, macOS), else its canonical path (Windows, compared without case).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FileIdentity {
    /// Device and inode numbers: one file however it is reached, links included.
    DeviceAndInode(u64, u64),
    /// The canonical path (drive letter or share, every `..` and link resolved), lower case.
    CanonicalPath(PathBuf),
}

/// The identity of the existing file at `path`.
///
/// On Unix this is `stat` alone: no descriptor of the file is opened (and so none closed, which
/// would drop this process's locks on it). On Windows the path is made canonical
/// (`GetFinalPathNameByHandleW`, so a mapped drive and its share name agree); closing that
/// handle leaves every other handle's locks as they were.
pub fn file_identity(path: &Path) -> std::io::Result<FileIdentity> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        let metadata = std::fs::metadata(path)?;
        Ok(FileIdentity::DeviceAndInode(metadata.dev(), metadata.ino()))
    }
    #[cfg(not(unix))]
    {
        let canonical = std::fs::canonicalize(path)?;
        Ok(FileIdentity::CanonicalPath(PathBuf::from(
            canonical.to_string_lossy().to_lowercase(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_by_two_paths_is_one_identity() {
        let folder = tempfile::tempdir().expect("temp dir");
        let inner = folder.path().join("Policy Team");
        std::fs::create_dir(&inner).expect("folder");
        let path = inner.join("reg.atlas");
        std::fs::write(&path, b"register").expect("write");
        let roundabout = inner.join("..").join("Policy Team").join("reg.atlas");
        assert_eq!(
            file_identity(&path).expect("identity"),
            file_identity(&roundabout).expect("identity")
        );
        let other = inner.join("other.atlas");
        std::fs::write(&other, b"register").expect("write");
        assert_ne!(
            file_identity(&path).expect("identity"),
            file_identity(&other).expect("identity")
        );
        assert!(file_identity(&inner.join("missing.atlas")).is_err());
    }
}

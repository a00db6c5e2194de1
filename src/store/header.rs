//! Checks on a file's first 100 bytes, made with plain reads before SQLite touches the file, so
//! a file that is not a sound register is refused without a single byte of it changing.

use std::io::Read as _;
use std::path::Path;

use super::StoreError;

/// `PRAGMA application_id` of every register: "PAtl".
pub const APPLICATION_ID: u32 = 0x5041_746C;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the header says about the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderFacts {
    /// The schema version (`PRAGMA user_version`).
    pub user_version: u32,
}

/// Whether `path` has a write-ahead log beside it holding at least one frame: the `-wal` file
/// starts with SQLite's WAL magic and is longer than its 32-byte header.
fn wal_has_frames(path: &Path) -> bool {
    let mut wal_path = path.as_os_str().to_owned();
    wal_path.push("-wal");
    let Ok(mut wal) = std::fs::File::open(std::path::PathBuf::from(wal_path)) else {
        return false;
    };
    let mut header = [0u8; 32];
    let long_enough = wal.metadata().is_ok_and(|m| m.len() > 32);
    long_enough
        && read_up_to(&mut wal, &mut header).is_ok_and(|read| read == header.len())
        && matches!(
            u32::from_be_bytes([header[0], header[1], header[2], header[3]]),
            0x377f_0682 | 0x377f_0683
        )
}

/// Reads the header of `path` and refuses anything that is not a whole register file.
pub fn check_header(path: &Path, newest_version: u32) -> Result<HeaderFacts, StoreError> {
    let io_error = |error: std::io::Error| match error.kind() {
        std::io::ErrorKind::NotFound => StoreError::NotFound(path.to_path_buf()),
        std::io::ErrorKind::PermissionDenied => StoreError::ReadOnly(path.to_path_buf()),
        _ => StoreError::Io {
            path: path.to_path_buf(),
            detail: error.to_string(),
        },
    };
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if !metadata.is_file() {
        return Err(StoreError::NotADatabase(path.to_path_buf()));
    }
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(io_error)?;
    let read = read_up_to(&mut file, &mut header).map_err(io_error)?;
    if read < MAGIC.len() || &header[..MAGIC.len()] != MAGIC {
        return Err(StoreError::NotADatabase(path.to_path_buf()));
    }
    if read < header.len() {
        return Err(StoreError::Truncated(path.to_path_buf()));
    }
    let be32 = |offset: usize| {
        u32::from_be_bytes([
            header[offset],
            header[offset + 1],
            header[offset + 2],
            header[offset + 3],
        ])
    };
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536u64,
        size => u64::from(size),
    };
    let page_count = u64::from(be32(28));
    let counter_matches = be32(24) == be32(92);
    // A checkpoint killed half way (power cut, a program ended by Task Manager) leaves page 1
    // already copied from the WAL, counting pages still only in the WAL: SQLite replays them on
    // open, so with a WAL beside it a short file is not cut short.
    let short = counter_matches && page_count > 0 && metadata.len() < page_count * page_size;
    if page_size < 512 || (short && !wal_has_frames(path)) || metadata.len() % page_size != 0 {
        return Err(StoreError::Truncated(path.to_path_buf()));
    }
    if be32(68) != APPLICATION_ID {
        return Err(StoreError::NotARegister(path.to_path_buf()));
    }
    let user_version = be32(60);
    if user_version > newest_version {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: user_version,
            supported: newest_version,
        });
    }
    Ok(HeaderFacts { user_version })
}

fn read_up_to(file: &mut std::fs::File, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..])? {
            0 => break,
            n => filled += n,
        }
    }
    Ok(filled)
}

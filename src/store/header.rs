//! Checks on a file's first bytes, made before SQLite touches the file, so a file that is not a
//! sound register is refused without a single byte of it changing: the SQLite magic, whole
//! pages, `application_id` 0x5041746C "PAtl", a `user_version` not newer than this build, and a
//! register whose making was stopped part way (by an older version of the program, which made
//! registers in place) named as such.
//!
//! The plain reads here open the file: callers make sure this process does not hold it first
//! (see `file_image`).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::StoreError;

/// `PRAGMA application_id` of every register: "PAtl".
pub const APPLICATION_ID: u32 = 0x5041_746C;

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// The 100-byte database header and page 1's b-tree header after it.
const HEADER_BYTES: usize = 108;

/// What the header says about the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderFacts {
    /// The schema version (`PRAGMA user_version`).
    pub user_version: u32,
}

/// The file as the header check sees it.
struct Seen<'a> {
    path: &'a Path,
    header: &'a [u8],
    file_len: u64,
    /// A `-wal` with frames lies beside it (so a short file is a checkpoint stopped half way).
    wal_has_frames: bool,
    /// A rollback journal that SQLite would play back lies beside it.
    hot_journal: bool,
}

/// Reads the header of the file at `path` and refuses anything that is not a whole register
/// file.
pub fn check_header(path: &Path, newest_version: u32) -> Result<HeaderFacts, StoreError> {
    let metadata = std::fs::metadata(path).map_err(|error| StoreError::from_io(path, error))?;
    if !metadata.is_file() {
        return Err(StoreError::NotADatabase(path.to_path_buf()));
    }
    let mut header = [0u8; HEADER_BYTES];
    let mut file = std::fs::File::open(path).map_err(|error| StoreError::from_io(path, error))?;
    let read =
        read_up_to(&mut file, &mut header).map_err(|error| StoreError::from_io(path, error))?;
    drop(file);
    judge(
        &Seen {
            path,
            header: &header[..read],
            file_len: metadata.len(),
            wal_has_frames: wal_has_frames(path),
            hot_journal: hot_journal(path),
        },
        newest_version,
    )
}

/// The same checks on a database image read into memory (`file_image`), reported about
/// `path`. `file_len` is the main file's length on disk.
pub(super) fn check_image(
    path: &Path,
    image: &[u8],
    file_len: u64,
    had_wal_frames: bool,
    newest_version: u32,
) -> Result<HeaderFacts, StoreError> {
    let image_len = u64::try_from(image.len()).unwrap_or(u64::MAX);
    judge(
        &Seen {
            path,
            header: &image[..image.len().min(HEADER_BYTES)],
            // With the WAL applied, the image is the database; it must be whole.
            file_len: if had_wal_frames { image_len } else { file_len },
            wal_has_frames: false,
            hot_journal: hot_journal(path),
        },
        newest_version,
    )
}

fn judge(seen: &Seen<'_>, newest_version: u32) -> Result<HeaderFacts, StoreError> {
    let path = seen.path.to_path_buf();
    let header = seen.header;
    if seen.file_len == 0 {
        return Err(if is_register_name(seen.path) || seen.hot_journal {
            StoreError::Unfinished(path)
        } else {
            StoreError::NotADatabase(path)
        });
    }
    if header.len() < MAGIC.len() || &header[..MAGIC.len()] != MAGIC {
        return Err(StoreError::NotADatabase(path));
    }
    if header.len() < 100 {
        return Err(StoreError::Truncated(path));
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
    let short = counter_matches && page_count > 0 && seen.file_len < page_count * page_size;
    if page_size < 512
        || (short && !seen.wal_has_frames)
        || !seen.file_len.is_multiple_of(page_size)
    {
        return Err(StoreError::Truncated(path));
    }
    let application_id = be32(68);
    let user_version = be32(60);
    // An older version made a register in place: page 1 with the application id, then the
    // tables and records in two transactions. Stopped before the first, the file has the id and
    // no schema at all; stopped inside either, a rollback journal lies beside it.
    let no_schema = header.len() >= HEADER_BYTES
        && seen.file_len <= page_size
        && u16::from_be_bytes([header[103], header[104]]) == 0;
    if seen.hot_journal && (application_id == APPLICATION_ID || application_id == 0) {
        return Err(StoreError::Unfinished(path));
    }
    if application_id != APPLICATION_ID {
        return Err(StoreError::NotARegister(path));
    }
    if no_schema && user_version == 0 {
        return Err(StoreError::Unfinished(path));
    }
    if user_version > newest_version {
        return Err(StoreError::TooNew {
            path,
            found: user_version,
            supported: newest_version,
        });
    }
    Ok(HeaderFacts { user_version })
}

/// Whether the name ends in `.atlas`, as every register's the program makes.
fn is_register_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("atlas"))
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Whether `path` has a write-ahead log beside it holding at least one frame: the `-wal` file
/// starts with SQLite's WAL magic and is longer than its 32-byte header.
fn wal_has_frames(path: &Path) -> bool {
    let Ok(mut wal) = std::fs::File::open(suffixed(path, "-wal")) else {
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

/// Whether a rollback journal that SQLite would play back lies beside `path`: a `-journal` that
/// starts with the journal magic. (A register the program makes never has one: it is made
/// under another name and renamed when complete, and edited in WAL mode.)
fn hot_journal(path: &Path) -> bool {
    const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];
    let Ok(mut journal) = std::fs::File::open(suffixed(path, "-journal")) else {
        return false;
    };
    let mut magic = [0u8; 8];
    read_up_to(&mut journal, &mut magic).is_ok_and(|read| read == magic.len())
        && magic == JOURNAL_MAGIC
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

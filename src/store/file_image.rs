//! A register read as plain bytes into memory, for every read-only use (`check`, the exports,
//! a read-only view): no SQLite connection to the file, no lock taken, no side file made, so it
//! works where writing cannot (a read-only share, a CD, a full disk) and while another program
//! holds the register.
//!
//! The main file is read, then the `-wal`, then the main file again and the `-wal` again. Only
//! a checkpoint writes into the main file, and a checkpoint copies only committed frames the
//! WAL already holds; SQLite otherwise only appends to the WAL (a restart rewrites its header
//! with a new salt). So if the main file read the same twice, and the WAL first read is still
//! the beginning of the WAL (the same header, the same frames), no checkpoint and no restart
//! happened while the WAL was read: every frame the main file holds is in the WAL read, and the
//! main file with the WAL's committed frames applied is a state the register really was in. A
//! holder that keeps committing (appending) does not stop the read; a checkpoint or a restart
//! in between makes it again, a few times.
//!
//! The committed frames of the WAL are then applied to the main file's pages, as SQLite does
//! when it opens the file ([`apply_wal`]): a frame counts only if its salts match the WAL's
//! header and its running checksum is right, and only up to the last commit. The result is one
//! database image, opened in memory with `sqlite3_deserialize`.
//!
//! Plain reads of a register are safe only while this process does not hold it (POSIX drops
//! every lock a process holds on a file when any descriptor of it is closed): the callers
//! refuse a register held here first (`held_here`).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::StoreError;
use super::owner_note;

/// The largest register read into memory: 1 GiB (SQLite's in-memory databases stop there). A
/// register of 10,000 partnerships is about 66 MB.
pub(super) const MAX_IMAGE_BYTES: u64 = 1 << 30;

/// The consistent bytes of a register: its main file with the WAL's committed frames applied.
pub(super) struct FileImage {
    /// The database, every page.
    pub bytes: Vec<u8>,
    /// The main file's length as it lies on disk (before the WAL), for the header check.
    pub file_len: u64,
    /// A `-wal` with committed frames lay beside it.
    pub had_wal_frames: bool,
}

/// Reads `register` (and its `-wal`) as the module docs describe. `InUse` naming the holder if
/// it kept changing through every try.
///
/// A try fails only when a checkpoint or a WAL restart fell inside it, and a holder checkpoints
/// about every thousand pages written, so the next try comes at once (a checkpoint has just
/// happened) and tries go on for a few seconds: on a loaded machine a busy holder checkpointed
/// through eight tries 50 to 350 ms apart.
pub(super) fn read_image(register: &Path) -> Result<FileImage, StoreError> {
    const LEAST_TRIES: u32 = 8;
    const TRYING_FOR: std::time::Duration = std::time::Duration::from_secs(4);
    let started = std::time::Instant::now();
    let wal_path = suffixed(register, "-wal");
    let mut attempt = 0u32;
    while attempt < LEAST_TRIES || started.elapsed() < TRYING_FOR {
        attempt += 1;
        let main = read_whole(register)?;
        let wal = read_if_there(&wal_path, register)?;
        if same_as_read(register, Some(&main), register)?
            && still_begins_as_read(&wal_path, wal.as_deref(), register)?
        {
            let file_len = u64::try_from(main.len()).unwrap_or(u64::MAX);
            let (bytes, had_wal_frames) = match wal {
                Some(wal) => apply_wal(main, &wal),
                None => (main, false),
            };
            return Ok(FileImage {
                bytes,
                file_len,
                had_wal_frames,
            });
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    Err(StoreError::InUse(super::HeldElsewhere {
        path: register.to_path_buf(),
        holder: owner_note::read_holder(register),
    }))
}

fn read_whole(register: &Path) -> Result<Vec<u8>, StoreError> {
    let mut file = std::fs::File::open(register).map_err(|error| io_error(register, error))?;
    let len = file
        .metadata()
        .map_err(|error| io_error(register, error))?
        .len();
    if len > MAX_IMAGE_BYTES {
        return Err(StoreError::TooLarge {
            path: register.to_path_buf(),
            bytes: len,
        });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or_default());
    file.read_to_end(&mut bytes)
        .map_err(|error| io_error(register, error))?;
    Ok(bytes)
}

fn read_if_there(path: &Path, register: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match std::fs::metadata(path) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => return Err(io_error(register, error)),
        Ok(metadata) if metadata.len() > MAX_IMAGE_BYTES => {
            return Err(StoreError::TooLarge {
                path: register.to_path_buf(),
                bytes: metadata.len(),
            });
        }
        Ok(_) => {}
    }
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(io_error(register, error)),
    }
}

/// Whether the WAL at `path` still begins with the bytes first read from it (`then`): frames
/// appended since are fine, a rewritten header or frame is not. A WAL absent when it was read
/// is fine whatever is there now (the main file then held every commit).
fn still_begins_as_read(
    path: &Path,
    then: Option<&[u8]>,
    register: &Path,
) -> Result<bool, StoreError> {
    let Some(then) = then else {
        return Ok(true);
    };
    let mut now = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(io_error(register, error)),
    };
    let mut buffer = vec![0u8; 1 << 16];
    let mut offset = 0usize;
    while offset < then.len() {
        let read = read_full(&mut now, &mut buffer).map_err(|error| io_error(register, error))?;
        if read == 0 {
            return Ok(false);
        }
        let end = (offset + read).min(then.len());
        if buffer[..end - offset] != then[offset..end] {
            return Ok(false);
        }
        offset = end;
    }
    Ok(true)
}

/// Whether `path` now holds exactly `then` (or, with `None`, is absent).
fn same_as_read(path: &Path, then: Option<&[u8]>, register: &Path) -> Result<bool, StoreError> {
    let opened = std::fs::File::open(path);
    let (mut now, then) = match (opened, then) {
        (Err(error), None) if error.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        (Err(error), Some(_)) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        (Err(error), _) => return Err(io_error(register, error)),
        (Ok(_), None) => return Ok(false),
        (Ok(file), Some(then)) => (file, then),
    };
    let mut buffer = vec![0u8; 1 << 16];
    let mut offset = 0usize;
    loop {
        let read = read_full(&mut now, &mut buffer).map_err(|error| io_error(register, error))?;
        let end = offset + read;
        if end > then.len() || buffer[..read] != then[offset..end] {
            return Ok(false);
        }
        if read == 0 {
            return Ok(end == then.len());
        }
        offset = end;
    }
}

fn read_full(file: &mut std::fs::File, buffer: &mut [u8]) -> std::io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match file.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}

const WAL_HEADER: usize = 32;
const FRAME_HEADER: usize = 24;

/// Applies the committed frames of `wal` to the database `main`, as SQLite's recovery does;
/// returns the database and whether any frame was applied. A WAL that is empty, foreign or
/// damaged from its start changes nothing (SQLite ignores it too).
pub(super) fn apply_wal(mut main: Vec<u8>, wal: &[u8]) -> (Vec<u8>, bool) {
    let Some(header) = wal.get(..WAL_HEADER) else {
        return (main, false);
    };
    let word = |bytes: &[u8], at: usize| {
        u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
    };
    let magic = word(header, 0);
    let big_endian = match magic {
        0x377f_0682 => false,
        0x377f_0683 => true,
        _ => return (main, false),
    };
    let page_size = word(header, 8) as usize;
    if !(512..=65_536).contains(&page_size) || !page_size.is_power_of_two() {
        return (main, false);
    }
    let salts = (word(header, 16), word(header, 20));
    let mut sums = checksum((0, 0), &header[..24], big_endian);
    if sums != (word(header, 24), word(header, 28)) {
        return (main, false);
    }
    // Pages of every frame up to the newest commit, and the database size that commit gave.
    let mut pending: Vec<(usize, usize)> = Vec::new();
    let mut committed: Vec<(usize, usize)> = Vec::new();
    let mut committed_size = None;
    let mut at = WAL_HEADER;
    while at + FRAME_HEADER + page_size <= wal.len() {
        let frame = &wal[at..at + FRAME_HEADER];
        if (word(frame, 8), word(frame, 12)) != salts {
            break;
        }
        sums = checksum(sums, &frame[..8], big_endian);
        sums = checksum(
            sums,
            &wal[at + FRAME_HEADER..at + FRAME_HEADER + page_size],
            big_endian,
        );
        if sums != (word(frame, 16), word(frame, 20)) {
            break;
        }
        let page = word(frame, 0) as usize;
        if page == 0 {
            break;
        }
        pending.push((page, at + FRAME_HEADER));
        let size_after_commit = word(frame, 4) as usize;
        if size_after_commit > 0 {
            committed.append(&mut pending);
            committed_size = Some(size_after_commit);
        }
        at += FRAME_HEADER + page_size;
    }
    let Some(pages) = committed_size else {
        return (main, false);
    };
    let Some(new_len) = pages.checked_mul(page_size) else {
        return (main, false);
    };
    if u64::try_from(new_len).unwrap_or(u64::MAX) > MAX_IMAGE_BYTES {
        return (main, false);
    }
    main.resize(new_len.max(main.len()), 0);
    for (page, data) in committed {
        let start = (page - 1) * page_size;
        if start + page_size <= main.len() {
            main[start..start + page_size].copy_from_slice(&wal[data..data + page_size]);
        }
    }
    main.truncate(new_len);
    (main, true)
}

/// SQLite's WAL checksum: pairs of 32-bit words, in the byte order the magic says.
fn checksum(mut sums: (u32, u32), bytes: &[u8], big_endian: bool) -> (u32, u32) {
    for pair in bytes.chunks_exact(8) {
        let read = |at: usize| {
            let word = [pair[at], pair[at + 1], pair[at + 2], pair[at + 3]];
            if big_endian {
                u32::from_be_bytes(word)
            } else {
                u32::from_le_bytes(word)
            }
        };
        sums.0 = sums.0.wrapping_add(read(0)).wrapping_add(sums.1);
        sums.1 = sums.1.wrapping_add(read(4)).wrapping_add(sums.0);
    }
    sums
}

fn suffixed(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn io_error(register: &Path, error: std::io::Error) -> StoreError {
    StoreError::from_io(register, error)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A WAL-mode database with committed frames that a checkpoint has not reached, as files.
    fn database_with_wal(folder: &Path) -> (PathBuf, rusqlite::Connection) {
        let path = folder.join("w.db");
        let connection = rusqlite::Connection::open(&path).expect("open");
        connection
            .execute_batch(
                "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0;
                 CREATE TABLE t(x TEXT); INSERT INTO t VALUES ('before');",
            )
            .expect("setup");
        connection
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .expect("checkpoint");
        for i in 0..50 {
            connection
                .execute(
                    "INSERT INTO t VALUES (?1)",
                    [format!("row {i} {}", "x".repeat(300))],
                )
                .expect("insert");
        }
        (path, connection)
    }

    fn rows_of(bytes: Vec<u8>) -> Vec<String> {
        let mut bytes = bytes;
        bytes[18] = 1;
        bytes[19] = 1;
        let mut memory = rusqlite::Connection::open_in_memory().expect("memory");
        let len = bytes.len();
        memory
            .deserialize_read_exact("main", &bytes[..], len, true)
            .expect("deserialize");
        let mut statement = memory
            .prepare("SELECT x FROM t ORDER BY rowid")
            .expect("prepare");
        statement
            .query_map([], |row| row.get(0))
            .expect("query")
            .collect::<Result<_, _>>()
            .expect("rows")
    }

    #[test]
    fn committed_frames_are_applied_as_sqlite_reads_them() {
        let folder = tempfile::tempdir().expect("temp dir");
        let (path, connection) = database_with_wal(folder.path());
        let image = read_image(&path).expect("image");
        assert!(image.had_wal_frames);
        let expected: Vec<String> = {
            let mut statement = connection
                .prepare("SELECT x FROM t ORDER BY rowid")
                .expect("p");
            statement
                .query_map([], |row| row.get(0))
                .expect("q")
                .collect::<Result<_, _>>()
                .expect("rows")
        };
        assert_eq!(expected.len(), 51);
        assert_eq!(rows_of(image.bytes), expected);
    }

    #[test]
    fn a_frame_cut_short_or_damaged_ends_the_log_at_the_commit_before_it() {
        let folder = tempfile::tempdir().expect("temp dir");
        let (path, _still_open) = database_with_wal(folder.path());
        let main = std::fs::read(&path).expect("main");
        let mut wal = std::fs::read(suffixed(&path, "-wal")).expect("wal");
        let page_size = u32::from_be_bytes([wal[8], wal[9], wal[10], wal[11]]) as usize;
        let frames = (wal.len() - WAL_HEADER) / (FRAME_HEADER + page_size);
        assert!(frames > 3);
        // Damage the last frame's page: its commit no longer counts.
        let last = WAL_HEADER + (frames - 1) * (FRAME_HEADER + page_size) + FRAME_HEADER + 10;
        wal[last] ^= 0xff;
        let (bytes, applied) = apply_wal(main.clone(), &wal);
        assert!(applied);
        let rows = rows_of(bytes);
        assert_eq!(
            rows.len(),
            50,
            "the newest insert is dropped, the rest kept"
        );
        // A foreign WAL changes nothing.
        let (same, applied) = apply_wal(main.clone(), b"not a write-ahead log at all, no....");
        assert!(!applied);
        assert_eq!(same, main);
    }

    // Unix only: under Wine a writer that never pauses sometimes changed the files through
    // every try for the whole four seconds (the read is then refused, naming the holder, as
    // `.ci/windows.sh` accepts); real Windows is not measured.
    #[cfg(unix)]
    #[test]
    fn a_holder_that_keeps_committing_does_not_stop_a_consistent_read() {
        let folder = tempfile::tempdir().expect("temp dir");
        let path = folder.path().join("busy.db");
        let setup = rusqlite::Connection::open(&path).expect("open");
        setup
            .execute_batch(
                "PRAGMA journal_mode=WAL;
                 CREATE TABLE item(n INTEGER);
                 CREATE TABLE total(sum INTEGER); INSERT INTO total VALUES (0);",
            )
            .expect("setup");
        drop(setup);
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let committed = std::sync::Arc::new(std::sync::atomic::AtomicI64::new(0));
        let writer = {
            let path = path.clone();
            let stop = stop.clone();
            let committed = committed.clone();
            std::thread::spawn(move || {
                let mut connection = rusqlite::Connection::open(&path).expect("writer");
                let mut n = 0i64;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    n += 1;
                    let transaction = connection.transaction().expect("begin");
                    transaction
                        .execute("INSERT INTO item VALUES (?1)", [n])
                        .expect("insert");
                    transaction
                        .execute("UPDATE total SET sum = sum + ?1", [n])
                        .expect("update");
                    transaction.commit().expect("commit");
                    committed.store(n, std::sync::atomic::Ordering::Relaxed);
                }
                n
            })
        };
        // Reads while it commits without a pause: each is a state it was in (the stored total
        // is the sum of the items), and none gives up.
        let mut reads = 0;
        let mut states = std::collections::BTreeSet::new();
        while reads < 25 || committed.load(std::sync::atomic::Ordering::Relaxed) < 100 {
            let image = read_image(&path).expect("a consistent image despite the writer");
            let mut bytes = image.bytes;
            bytes[18] = 1;
            bytes[19] = 1;
            let mut memory = rusqlite::Connection::open_in_memory().expect("memory");
            let len = bytes.len();
            memory
                .deserialize_read_exact("main", &bytes[..], len, true)
                .expect("deserialize");
            let (sum, total): (i64, i64) = memory
                .query_row(
                    "SELECT (SELECT coalesce(sum(n), 0) FROM item), (SELECT sum FROM total)",
                    [],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .expect("sums");
            assert_eq!(sum, total);
            states.insert(total);
            reads += 1;
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        let commits = writer.join().expect("writer");
        assert!(commits >= 100);
        assert!(
            states.len() > 5,
            "the reads saw the register at many states: {states:?}"
        );
    }
}

//! What an untrusted file may make SQLite do, and how much: every connection the store opens is
//! hardened here before it reads a byte.
//!
//! - SQLite's defensive mode, `trusted_schema` off, and triggers and views switched off
//!   altogether: a trigger or view in a file from elsewhere can never run (the schema check
//!   refuses such a file in plain words first; this is the second wall).
//! - No extension loading (rusqlite is built without it).
//! - A cap on the size of any one value ([`MAX_VALUE_BYTES`]) and of a statement's text.
//! - While a file is being checked and read, a work budget ([`WorkBudget`]): SQLite stops any
//!   statement that goes past it, so a file made to hang the program (or to fill memory) is
//!   refused instead.

use rusqlite::Connection;
use rusqlite::config::DbConfig;
use rusqlite::limits::Limit;

/// The largest single value (a record's JSON, a snapshot's content) a register may hold:
/// 256 MiB. The whole of a register of 10,000 partnerships as JSON is about 60 MB.
pub(super) const MAX_VALUE_BYTES: i32 = 256 * 1024 * 1024;

/// The longest statement text: the store's own statements are a few hundred bytes, a schema
/// entry of a register a few thousand.
const MAX_SQL_BYTES: i32 = 1024 * 1024;

/// Hardens `connection` as the module docs say. Called first on every connection.
pub(super) fn harden(connection: &Connection) -> rusqlite::Result<()> {
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_TRUSTED_SCHEMA, false)?;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    connection.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_VIEW, false)?;
    connection.pragma_update(None, "trusted_schema", false)?;
    connection.set_limit(Limit::SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)?;
    connection.set_limit(Limit::SQLITE_LIMIT_SQL_LENGTH, MAX_SQL_BYTES)?;
    connection.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    Ok(())
}

/// How many virtual-machine steps SQLite takes between two looks at the budget.
const STEPS_PER_LOOK: i32 = 10_000;

/// Steps allowed per byte of the file checked, and at least [`MINIMUM_STEPS`]. Checking and
/// reading a register takes about 6 steps a byte (measured on the sample and on a synthetic
/// register of 10,000 partnerships, `tests/store_bounds.rs`); the budget allows far more, so
/// only a file made to do endless work reaches it.
const STEPS_PER_BYTE: u64 = 200;

/// The budget of the smallest file.
const MINIMUM_STEPS: u64 = 200_000_000;

/// A work budget on a connection while a file is checked and read: SQLite interrupts the
/// statement running when it is spent (the error is `SQLITE_INTERRUPT`, reported as
/// [`super::StoreError::TooMuchWork`]). Removed again with [`WorkBudget::lift`].
pub(super) struct WorkBudget;

impl WorkBudget {
    /// Sets a budget on `connection` for a file of `file_bytes` bytes.
    pub(super) fn set(connection: &mut Connection, file_bytes: u64) -> rusqlite::Result<()> {
        let steps = MINIMUM_STEPS.max(file_bytes.saturating_mul(STEPS_PER_BYTE));
        let looks = steps / u64::from(STEPS_PER_LOOK.unsigned_abs());
        let mut looked = 0u64;
        connection.progress_handler(
            STEPS_PER_LOOK,
            Some(move || {
                looked += 1;
                looked > looks
            }),
        )
    }

    /// Removes the budget: an open register's own edits are small and need none.
    pub(super) fn lift(connection: &mut Connection) -> rusqlite::Result<()> {
        connection.progress_handler(0, None::<fn() -> bool>)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endless_work_is_stopped_by_the_budget() {
        let mut connection = Connection::open_in_memory().expect("memory");
        harden(&connection).expect("harden");
        WorkBudget::set(&mut connection, 0).expect("budget");
        let endless = connection.query_row(
            "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c) SELECT max(n) FROM c",
            [],
            |row| row.get::<_, i64>(0),
        );
        let error = endless.expect_err("stopped");
        assert_eq!(
            error.sqlite_error_code(),
            Some(rusqlite::ErrorCode::OperationInterrupted)
        );
        WorkBudget::lift(&mut connection).expect("lift");
        let sum: i64 = connection
            .query_row(
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c LIMIT 1000) \
                 SELECT sum(n) FROM c",
                [],
                |row| row.get(0),
            )
            .expect("small work runs");
        assert_eq!(sum, 500_500);
    }

    #[test]
    fn a_value_over_the_cap_is_refused_before_it_is_made() {
        let connection = Connection::open_in_memory().expect("memory");
        harden(&connection).expect("harden");
        let huge = connection.query_row("SELECT hex(zeroblob(400000000))", [], |row| {
            row.get::<_, String>(0)
        });
        assert_eq!(
            huge.expect_err("too big").sqlite_error_code(),
            Some(rusqlite::ErrorCode::TooBig)
        );
    }

    #[test]
    fn triggers_and_views_never_run_on_a_hardened_connection() {
        let connection = Connection::open_in_memory().expect("memory");
        connection
            .execute_batch(
                "CREATE TABLE t(x); CREATE TABLE log(x);
                 CREATE TRIGGER f AFTER INSERT ON t BEGIN INSERT INTO log VALUES (1); END;
                 CREATE VIEW v AS SELECT 1;",
            )
            .expect("schema");
        harden(&connection).expect("harden");
        connection
            .execute("INSERT INTO t VALUES (1)", [])
            .expect("insert");
        let logged: i64 = connection
            .query_row("SELECT count(*) FROM log", [], |row| row.get(0))
            .expect("count");
        assert_eq!(logged, 0, "the trigger did not run");
        assert!(
            connection
                .query_row("SELECT * FROM v", [], |_| Ok(()))
                .is_err()
        );
    }
}

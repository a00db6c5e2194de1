//! The register's schema as numbered migrations. A shipped migration is never edited: a change
//! to the schema is a new migration at the end of `MIGRATIONS`.
//!
//! Every record table keeps what identifies the record and what it points at as real columns
//! (so SQLite's foreign keys guard the links) and the whole record as JSON in `data`, read and
//! written by serde (so a new optional field needs no migration).

/// The migrations, in order. `PRAGMA user_version` is how many have been applied.
pub const MIGRATIONS: &[&str] = &[
    // 1: the first shipped schema.
    r#"
    CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE organisations (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        council_organisation_id INTEGER REFERENCES organisations(id),
        data TEXT NOT NULL
    );
    CREATE TABLE partnerships (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        responsible_officer_id INTEGER REFERENCES people(id),
        accountable_body_id INTEGER REFERENCES organisations(id),
        data TEXT NOT NULL
    );
    CREATE TABLE relationships (
        id INTEGER PRIMARY KEY,
        from_id INTEGER NOT NULL REFERENCES partnerships(id),
        to_id INTEGER NOT NULL REFERENCES partnerships(id),
        data TEXT NOT NULL
    );
    CREATE TABLE memberships (
        id INTEGER PRIMARY KEY,
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
        organisation_id INTEGER NOT NULL REFERENCES organisations(id),
        data TEXT NOT NULL
    );
    CREATE TABLE representations (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
        data TEXT NOT NULL
    );
    CREATE TABLE contributions (
        id INTEGER PRIMARY KEY,
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
        data TEXT NOT NULL
    );
    CREATE TABLE themes (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE priorities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE theme_tags (
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
        theme_id INTEGER NOT NULL REFERENCES themes(id),
        data TEXT NOT NULL,
        PRIMARY KEY (partnership_id, theme_id)
    ) WITHOUT ROWID;
    CREATE TABLE priority_tags (
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
        priority_id INTEGER NOT NULL REFERENCES priorities(id),
        data TEXT NOT NULL,
        PRIMARY KEY (partnership_id, priority_id)
    ) WITHOUT ROWID;
    CREATE TABLE strategies (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        owner_id INTEGER REFERENCES organisations(id),
        data TEXT NOT NULL
    );
    CREATE TABLE objectives (
        id INTEGER PRIMARY KEY,
        strategy_id INTEGER NOT NULL REFERENCES strategies(id),
        data TEXT NOT NULL
    );
    CREATE TABLE measures (
        id INTEGER PRIMARY KEY,
        objective_id INTEGER NOT NULL REFERENCES objectives(id),
        data TEXT NOT NULL
    );
    CREATE TABLE objective_deliveries (
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
        objective_id INTEGER NOT NULL REFERENCES objectives(id),
        data TEXT NOT NULL,
        PRIMARY KEY (partnership_id, objective_id)
    ) WITHOUT ROWID;
    CREATE TABLE actions (
        id INTEGER PRIMARY KEY,
        partnership_id INTEGER REFERENCES partnerships(id),
        owner_id INTEGER REFERENCES people(id),
        data TEXT NOT NULL
    );
    CREATE TABLE assessments (
        id INTEGER PRIMARY KEY,
        partnership_id INTEGER NOT NULL REFERENCES partnerships(id),
        data TEXT NOT NULL
    );
    CREATE TABLE views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE node_positions (
        view_id INTEGER NOT NULL REFERENCES views(id),
        node_kind TEXT NOT NULL CHECK (node_kind IN ('partnership', 'organisation')),
        node_id INTEGER NOT NULL,
        partnership_id INTEGER REFERENCES partnerships(id),
        organisation_id INTEGER REFERENCES organisations(id),
        data TEXT NOT NULL,
        PRIMARY KEY (view_id, node_kind, node_id),
        CHECK ((partnership_id IS NOT NULL) + (organisation_id IS NOT NULL) = 1)
    ) WITHOUT ROWID;
    CREATE TABLE snapshots (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        step INTEGER NOT NULL,
        at TEXT NOT NULL,
        user_name TEXT NOT NULL,
        origin TEXT NOT NULL,
        description TEXT NOT NULL,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_key TEXT NOT NULL,
        before TEXT,
        after TEXT
    );
    "#,
    // 2: the machine each change was made on (registers live on shared drives), and an index
    // on every link column, so deleting a record checks what uses it by lookup, not by scan.
    r#"
    ALTER TABLE audit_log ADD COLUMN machine TEXT NOT NULL DEFAULT '';
    CREATE INDEX audit_log_step ON audit_log(step);
    CREATE INDEX memberships_partnership ON memberships(partnership_id);
    CREATE INDEX memberships_organisation ON memberships(organisation_id);
    CREATE INDEX representations_partnership ON representations(partnership_id);
    CREATE INDEX representations_person ON representations(person_id);
    CREATE INDEX contributions_partnership ON contributions(partnership_id);
    CREATE INDEX assessments_partnership ON assessments(partnership_id);
    CREATE INDEX relationships_from ON relationships(from_id);
    CREATE INDEX relationships_to ON relationships(to_id);
    CREATE INDEX partnerships_responsible_officer ON partnerships(responsible_officer_id);
    CREATE INDEX partnerships_accountable_body ON partnerships(accountable_body_id);
    CREATE INDEX strategies_owner ON strategies(owner_id);
    CREATE INDEX objectives_strategy ON objectives(strategy_id);
    CREATE INDEX measures_objective ON measures(objective_id);
    CREATE INDEX actions_partnership ON actions(partnership_id);
    CREATE INDEX actions_owner ON actions(owner_id);
    CREATE INDEX node_positions_partnership ON node_positions(partnership_id);
    CREATE INDEX node_positions_organisation ON node_positions(organisation_id);
    "#,
    // 3: scoring schemes, one row per version. Each assessment links to the version it was
    // made with (NULL for assessments made before schemes were stored), so a changed scheme is
    // a new row, never an edit of one in use.
    r#"
    CREATE TABLE scoring_schemes (
        version INTEGER PRIMARY KEY CHECK (version >= 1),
        name TEXT NOT NULL,
        data TEXT NOT NULL
    );
    ALTER TABLE assessments ADD COLUMN scheme_version INTEGER REFERENCES scoring_schemes(version);
    CREATE INDEX assessments_scheme_version ON assessments(scheme_version);
    "#,
    // 4: the knowledge network: report-back routes, each belonging to one representation.
    r#"
    CREATE TABLE report_back_routes (
        id INTEGER PRIMARY KEY,
        representation_id INTEGER NOT NULL REFERENCES representations(id),
        data TEXT NOT NULL
    );
    CREATE INDEX report_back_routes_representation ON report_back_routes(representation_id);
    "#,
    // 5: a checksum of every record's JSON, written with it in the same transaction and checked
    // whenever the file is read. SQLite has no page checksums: without it a byte changed inside a
    // record (a failing disk, a bad copy) would be read as truth. `atlas_checksum` is the store's
    // own SQL function (`schema::add_functions`), the CRC-32 of the text.
    r#"
    ALTER TABLE settings ADD COLUMN checksum INTEGER;
    UPDATE settings SET checksum = atlas_checksum(data);
    ALTER TABLE people ADD COLUMN checksum INTEGER;
    UPDATE people SET checksum = atlas_checksum(data);
    ALTER TABLE organisations ADD COLUMN checksum INTEGER;
    UPDATE organisations SET checksum = atlas_checksum(data);
    ALTER TABLE partnerships ADD COLUMN checksum INTEGER;
    UPDATE partnerships SET checksum = atlas_checksum(data);
    ALTER TABLE relationships ADD COLUMN checksum INTEGER;
    UPDATE relationships SET checksum = atlas_checksum(data);
    ALTER TABLE memberships ADD COLUMN checksum INTEGER;
    UPDATE memberships SET checksum = atlas_checksum(data);
    ALTER TABLE representations ADD COLUMN checksum INTEGER;
    UPDATE representations SET checksum = atlas_checksum(data);
    ALTER TABLE contributions ADD COLUMN checksum INTEGER;
    UPDATE contributions SET checksum = atlas_checksum(data);
    ALTER TABLE themes ADD COLUMN checksum INTEGER;
    UPDATE themes SET checksum = atlas_checksum(data);
    ALTER TABLE priorities ADD COLUMN checksum INTEGER;
    UPDATE priorities SET checksum = atlas_checksum(data);
    ALTER TABLE theme_tags ADD COLUMN checksum INTEGER;
    UPDATE theme_tags SET checksum = atlas_checksum(data);
    ALTER TABLE priority_tags ADD COLUMN checksum INTEGER;
    UPDATE priority_tags SET checksum = atlas_checksum(data);
    ALTER TABLE strategies ADD COLUMN checksum INTEGER;
    UPDATE strategies SET checksum = atlas_checksum(data);
    ALTER TABLE objectives ADD COLUMN checksum INTEGER;
    UPDATE objectives SET checksum = atlas_checksum(data);
    ALTER TABLE measures ADD COLUMN checksum INTEGER;
    UPDATE measures SET checksum = atlas_checksum(data);
    ALTER TABLE objective_deliveries ADD COLUMN checksum INTEGER;
    UPDATE objective_deliveries SET checksum = atlas_checksum(data);
    ALTER TABLE actions ADD COLUMN checksum INTEGER;
    UPDATE actions SET checksum = atlas_checksum(data);
    ALTER TABLE assessments ADD COLUMN checksum INTEGER;
    UPDATE assessments SET checksum = atlas_checksum(data);
    ALTER TABLE views ADD COLUMN checksum INTEGER;
    UPDATE views SET checksum = atlas_checksum(data);
    ALTER TABLE node_positions ADD COLUMN checksum INTEGER;
    UPDATE node_positions SET checksum = atlas_checksum(data);
    ALTER TABLE snapshots ADD COLUMN checksum INTEGER;
    UPDATE snapshots SET checksum = atlas_checksum(data);
    ALTER TABLE scoring_schemes ADD COLUMN checksum INTEGER;
    UPDATE scoring_schemes SET checksum = atlas_checksum(data);
    ALTER TABLE report_back_routes ADD COLUMN checksum INTEGER;
    UPDATE report_back_routes SET checksum = atlas_checksum(data);
    "#,
    // 6: questionnaire rounds, one row per round; its partnerships' sent, reminded and returned
    // dates are inside the record (no foreign key: a round never blocks deleting a partnership).
    r#"
    CREATE TABLE rounds (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        data TEXT NOT NULL,
        checksum INTEGER
    );
    "#,
];

/// The schema version this build writes and the newest it reads.
pub fn newest_version() -> u32 {
    u32::try_from(MIGRATIONS.len()).unwrap_or(u32::MAX)
}

/// Adds the store's own SQL functions to `connection`: `atlas_checksum(text)`, the checksum a
/// record's JSON is stored with (migration 5). Every connection that migrates needs it.
pub(super) fn add_functions(connection: &rusqlite::Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    connection.create_scalar_function(
        "atlas_checksum",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |context| {
            let data: Option<String> = context.get(0)?;
            Ok(data.map(|data| super::rows::checksum(&data)))
        },
    )
}

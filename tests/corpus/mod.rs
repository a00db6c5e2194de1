//! The corpus of malformed registers (issue 13): each a file from elsewhere that the program
//! must refuse in plain words without changing it, or read correctly. Made from one small,
//! sound register by deterministic damage, so it can be made again at any time:
//! `cargo run --example malformed_corpus` writes it to `tests/fixtures/malformed/`, where
//! `tests/store_corpus.rs` runs every command over it.
//!
//! Files whose name starts with `sound` must be accepted; every other must be refused. A file
//! that holds a trigger or a view says so in its name (`trigger-`, `view-`), and every trigger
//! leaves a mark if it ever runs: a row in `audit_log` whose user is `mallory`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use partnership_atlas::document::Document;
use partnership_atlas::model::{Edit, PartnershipId, Register};
use partnership_atlas::sample;

/// The user name a trigger in the corpus writes into the audit log if it ever runs.
pub const MARK: &str = "mallory";

/// A small register: part of the sample (a few partnerships, their links, the diagram views).
pub fn small_register() -> Register {
    let whole = sample::sample_register();
    let mut small = Register::new(&whole.settings.council_name);
    for record in whole.records() {
        let keep = match &record {
            partnership_atlas::model::Record::Partnership(p) => p.id <= PartnershipId(6),
            partnership_atlas::model::Record::Organisation(o) => o.id.0 <= 60,
            partnership_atlas::model::Record::Person(p) => p.id.0 <= 40,
            partnership_atlas::model::Record::Settings(_) => false,
            _ => true,
        };
        if keep {
            // A record whose links were left out does not go in: the register stays whole.
            small.apply(&Edit::insert(record)).ok();
        }
    }
    let settings = whole.settings.clone();
    if settings
        .council_organisation
        .is_none_or(|id| small.organisations.contains_key(&id))
    {
        let before = small.settings.clone();
        small
            .apply(&Edit::change(before, settings))
            .expect("settings");
    }
    small
}

/// Writes every file of the corpus into `folder` (made if missing); returns their paths.
pub fn write_corpus(folder: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(folder).expect("corpus folder");
    let base = folder.join("sound.atlas");
    std::fs::remove_file(&base).ok();
    drop(Document::create(&base, small_register()).expect("base register"));
    let sound = std::fs::read(&base).expect("read base");
    let mut made = vec![base.clone()];
    let mut make = |name: &str, write: &dyn Fn(&Path)| {
        let path = folder.join(name);
        for suffix in ["", "-journal", "-wal"] {
            std::fs::remove_file(format!("{}{suffix}", path.display())).ok();
        }
        write(&path);
        made.push(path);
    };
    let with_sql = |sql: &'static str| {
        let sound = sound.clone();
        move |path: &Path| {
            std::fs::write(path, &sound).expect("write");
            tamper(path, sql);
        }
    };

    // Not registers at all.
    make("text-file.atlas", &|path| {
        std::fs::write(path, "Partnership,Lead\nLSP Board,Jo\n").expect("write")
    });
    make("empty.atlas", &|path| {
        std::fs::write(path, b"").expect("write")
    });
    make("random-bytes.atlas", &|path| {
        std::fs::write(path, pseudo_random_bytes(8192, 7)).expect("write")
    });
    make("other-program.atlas", &|path| {
        let connection = rusqlite::Connection::open(path).expect("open");
        connection
            .execute_batch("CREATE TABLE contacts(name TEXT); INSERT INTO contacts VALUES ('x');")
            .expect("other program's database");
    });
    make("truncated-at-page.atlas", &|path| {
        std::fs::write(path, &sound[..sound.len() - 4096]).expect("write")
    });
    make("truncated-mid-page.atlas", &|path| {
        std::fs::write(path, &sound[..sound.len() / 2 + 7]).expect("write")
    });
    make("newer-version.atlas", &|path| {
        let mut bytes = sound.clone();
        bytes[60..64].copy_from_slice(&99u32.to_be_bytes());
        std::fs::write(path, bytes).expect("write")
    });
    make("bad-page-size.atlas", &|path| {
        let mut bytes = sound.clone();
        bytes[16..18].copy_from_slice(&1000u16.to_be_bytes());
        std::fs::write(path, bytes).expect("write")
    });

    // What an older version left when killed while making a register.
    make("unfinished-first-page.atlas", &|path| {
        let connection = rusqlite::Connection::open(path).expect("open");
        connection
            .pragma_update(None, "application_id", 0x5041_746C_i64)
            .expect("application id");
    });
    make("unfinished-with-journal.atlas", &|path| {
        let connection = rusqlite::Connection::open(path).expect("open");
        connection
            .pragma_update(None, "application_id", 0x5041_746C_i64)
            .expect("application id");
        drop(connection);
        std::fs::copy(path, format!("{}-journal", path.display())).ok();
        // A journal header SQLite would play back: magic, then a plausible header.
        let mut journal = vec![0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];
        journal.extend_from_slice(&[0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 2, 0, 0, 0, 16, 0]);
        journal.resize(512, 0);
        std::fs::write(format!("{}-journal", path.display()), journal).expect("journal");
    });
    make(
        "unfinished-no-records.atlas",
        &with_sql(
            "DELETE FROM audit_log; DELETE FROM node_positions; DELETE FROM views; \
             DELETE FROM assessments; DELETE FROM scoring_schemes; DELETE FROM actions; \
             DELETE FROM objective_deliveries; DELETE FROM measures; DELETE FROM objectives; \
             DELETE FROM strategies; DELETE FROM priority_tags; DELETE FROM theme_tags; \
             DELETE FROM priorities; DELETE FROM themes; DELETE FROM contributions; \
             DELETE FROM representations; DELETE FROM memberships; DELETE FROM relationships; \
             DELETE FROM partnerships; DELETE FROM settings; DELETE FROM people; \
             DELETE FROM organisations; VACUUM;",
        ),
    );
    make(
        "audit-log-emptied.atlas",
        &with_sql("DELETE FROM audit_log;"),
    );

    // Changed by another program: schema.
    make(
        "trigger-audit-mallory.atlas",
        &with_sql(
            "CREATE TRIGGER f AFTER INSERT ON audit_log BEGIN \
             UPDATE audit_log SET user_name='mallory' WHERE id=new.id; \
             DELETE FROM audit_log WHERE id=1; END;",
        ),
    );
    make(
        "trigger-on-partnerships.atlas",
        &with_sql(
            "CREATE TRIGGER g AFTER UPDATE ON partnerships BEGIN \
             INSERT INTO audit_log (step, at, user_name, origin, description, action, entity, \
             entity_key) VALUES (0, '', 'mallory', 'edit', '', '', '', ''); END;",
        ),
    );
    make(
        "view-endless-for-snapshots.atlas",
        &with_sql(
            "DROP TABLE snapshots; CREATE VIEW snapshots(id, name, data) AS WITH RECURSIVE \
             c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c) SELECT 1, 'x', (SELECT max(n) FROM c);",
        ),
    );
    make(
        "view-huge-for-snapshots.atlas",
        &with_sql(
            "DROP TABLE snapshots; CREATE VIEW snapshots(id, name, data) AS \
             SELECT 1, 'x', hex(zeroblob(400000000));",
        ),
    );
    make(
        "view-extra.atlas",
        &with_sql("CREATE VIEW summary AS SELECT count(*) FROM partnerships;"),
    );
    make(
        "table-extra.atlas",
        &with_sql("CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES ('hello');"),
    );
    make(
        "index-extra.atlas",
        &with_sql("CREATE INDEX people_by_name ON people(name);"),
    );
    make(
        "index-missing.atlas",
        &with_sql("DROP INDEX memberships_partnership;"),
    );
    make(
        "table-without-links.atlas",
        &with_sql(
            "CREATE TABLE contributions_new (id INTEGER PRIMARY KEY, partnership_id INTEGER NOT \
             NULL, data TEXT NOT NULL, checksum INTEGER); INSERT INTO contributions_new SELECT \
             id, partnership_id, data, checksum FROM contributions; DROP TABLE contributions; \
             ALTER TABLE contributions_new RENAME TO contributions; \
             CREATE INDEX contributions_partnership ON contributions(partnership_id);",
        ),
    );
    make(
        "version-zero-with-tables.atlas",
        &with_sql("PRAGMA user_version = 0;"),
    );

    // Changed by another program: records.
    make(
        "dangling-links.atlas",
        &with_sql(
            "UPDATE memberships SET partnership_id = 999 WHERE id IN \
             (SELECT id FROM memberships LIMIT 3);",
        ),
    );
    make(
        "key-mismatch.atlas",
        &with_sql("UPDATE partnerships SET id = 555 WHERE id = 2;"),
    );
    make(
        "link-column-mismatch.atlas",
        &with_sql(
            "UPDATE memberships SET organisation_id = (SELECT max(id) FROM organisations) \
             WHERE id = (SELECT min(id) FROM memberships);",
        ),
    );
    make(
        "text-changed-without-checksum.atlas",
        &with_sql(
            "UPDATE partnerships SET data = replace(data, 'Ashmere', 'Ashmore') WHERE id = 1;",
        ),
    );
    make(
        "text-not-json.atlas",
        &with_sql("UPDATE people SET data = '{\"id\": 1, \"name\": ' WHERE id = 1;"),
    );
    make(
        "checksum-missing.atlas",
        &with_sql("UPDATE themes SET checksum = NULL WHERE id = (SELECT min(id) FROM themes);"),
    );

    // Single flipped bytes, spread over the file by a fixed sequence.
    let page_size = usize::from(u16::from_be_bytes([sound[16], sound[17]]));
    let mut state = 0x2545_F491_4F6C_DD1D_u64;
    for flip in 0..20 {
        state = splitmix(state);
        let offset = page_size + (state as usize) % (sound.len() - page_size);
        let bit = 1u8 << (splitmix(state) % 8);
        let mut bytes = sound.clone();
        bytes[offset] ^= bit;
        make(&format!("flip-{flip:02}-at-{offset}.atlas"), &|path| {
            std::fs::write(path, &bytes).expect("write")
        });
    }
    made
}

/// Runs `sql` on the file with nothing between (foreign keys off, as another program might).
fn tamper(path: &Path, sql: &str) {
    let connection = rusqlite::Connection::open(path).expect("open to tamper");
    connection
        .execute_batch(&format!("PRAGMA foreign_keys = OFF; {sql}"))
        .unwrap_or_else(|error| panic!("tamper {}: {error}", path.display()));
    connection
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .expect("checkpoint");
}

fn splitmix(state: u64) -> u64 {
    let mut z = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pseudo_random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = splitmix(state);
            state as u8
        })
        .collect()
}

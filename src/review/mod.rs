//! The review cycle, pure: questionnaire rounds (`rounds`), snapshots of the register "as at" a meeting (`snapshots`), and what
//! changed between two states of it (`changes`), with the plain-English summary for a covering
//! report (`summary`). No SQL, no egui: the store keeps a snapshot as any other record, and the
//! window and the command line show and export what is worked out here.

pub mod between;
pub mod changes;
pub mod rounds;
pub mod snapshots;
pub mod summary;

pub use between::changes_between;
pub use changes::{Changes, State, compare};
pub use snapshots::{
    SnapshotError, delete_snapshot, rename_snapshot, snapshot_register, take_snapshot,
};
pub use summary::summary;

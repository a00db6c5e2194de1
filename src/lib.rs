//! Partnership Atlas: the partnership register and "partnership of partnerships" diagrams for
//! English local councils, kept in one SQLite file.
//!
//! Layers (see `ARCHITECTURE.md`): [`model`] is pure; [`store`] is the only code that knows SQL;
//! [`scoring`] is pure arithmetic over the model; [`document`] joins model and store with undo;
//! [`cli`] and the GUI (`app`, `ui`) sit on top.

pub mod analysis;
pub mod app;
pub mod appendix;
pub mod cli;
pub mod diagram;
pub mod document;
pub mod export;
pub mod import;
pub mod interchange;
pub mod layout;
pub mod merge;
pub mod model;
pub mod platform;
pub mod reconcile;
pub mod review;
pub mod sample;
pub mod scoring;
pub mod store;
pub mod tables;
pub mod ui;

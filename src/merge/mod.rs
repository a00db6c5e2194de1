//! Merging: two records of one register that are one body (`duplicates`), and another register
//! brought into this one (`register`). Pure: each makes one `Edit` (a batch, undone in one step)
//! and says in words what it will do, for a confirmation before anything changes.

pub mod duplicates;
pub mod register;

pub use duplicates::{DuplicateMerge, MergeRefusal, merge_organisations, merge_people};
pub use register::{MergeOptions, RegisterMerge, plan_register_merge};

#[cfg(test)]
mod duplicates_tests;
#[cfg(test)]
mod register_tests;

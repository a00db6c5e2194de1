//! Reconciling records that may be the same body under different names: an import's rows against
//! the register and each other, or another register's organisations and people against ours.
//!
//! Pure: strings and keys in, evidence out. [`names`] normalises a name into the form two spellings
//! of one body share and finds initials ("LLEP" for "Leicester & Leicestershire Economic
//! Partnership"); [`similarity`] scores two names; [`evidence`] says in words why two records look
//! like one, so a person can confirm or refuse each probable duplicate.

pub mod blocks;
pub mod evidence;
pub mod names;
pub mod similarity;

#[cfg(test)]
mod tests;

pub use blocks::NameIndex;
pub use evidence::{
    Evidence, ProbableDuplicate, compare_forms, compare_names, normalise_org_id, same_members,
    same_org_id,
};
pub use names::{initials, is_initials_of, normalise_name, written_initials};
pub use similarity::{NameForm, name_similarity};

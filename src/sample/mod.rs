//! The built-in sample register and synthetic registers of the same shape.
//!
//! # The sample
//!
//! Ashmere Vale District Council, a fictional district in the fictional two-tier county of
//! Mardleshire, keeps its partnership register after its 2025 review: the Ashmere Vale
//! Partnership (the district LSP: board, executive, annual conference, area boards), seven
//! themed partnerships with their sub-groups and task-and-finish groups, the county-wide
//! Mardleshire Together boards (some where another district speaks for Ashmere Vale), the
//! Mardleshire and Ebbsworth Economic Partnership and its groups (the "104 hours a month,
//! £538,000" table of seed 004), outside bodies, shared services with neighbouring councils,
//! a joint committee, and networks removed from the register with their reason. Every name is
//! invented.
//!
//! # How the data is laid out
//!
//! The data is plain text under `assets/sample/`, embedded with `include_str!`, so it reads
//! like a register excerpt and is edited without touching code:
//!
//! - `council.txt`: the `[council]` block (council organisation, hourly rate, source line,
//!   e-mail domain), `[theme]`, `[priority]` and `[view]` blocks;
//! - `organisations.txt`: `[organisations]` rows `name | sector | org-id | ONS code | web site`
//!   (the org-id is its list and identifier, `GB-CHC 1103456`, checked by `validate_org_id`);
//! - `people.txt`: `[people]` rows `name | officer or councillor | post or portfolio`;
//! - `partnerships/*.txt`: one `[partnership] Name` block per body, grouped by theme or tier.
//!   Its `key: value` lines are the partnership's fields (`kind`, `status`, `reason`, `level`,
//!   `layer`, `geography`, `statutory` with the legal basis, `form`, `purpose`, `outcomes`,
//!   `created`, `joined`, `left`, `exit`, `service`, `officer`, `role`, `no seat` with `lead district`
//!   and `kept informed`, `last met`, `reporting`,
//!   `budget`, `funding`, `liabilities`, `accountable body`, `document` with its review date,
//!   `link`, `evidence`, `notes`, `themes`, `priorities`) and the records about it:
//!   relationship lines from it to another partnership (`sub-group of`, `reports to`,
//!   `accountable to`, `commissions`, `advises`, `informs`), members by role (`chair`,
//!   `vice-chair`, `secretariat`, `members`, `co-opted`, `observers`; `Org = who attends`),
//!   council representatives (`rep: person | role | appointed by | hours | meetings [| start |
//!   end]`), their report-back routes (`report: person | audience | recipient | frequency [|
//!   last reported]`), contributions (`money: year | type | amount [| note]`) and assessments
//!   (`assess: date | R 1-4 x6 | V 0-3 x6 [| rec ...] [| override ...] [| gov ...] [| by ...]
//!   [| note ...]`);
//! - `strategies.txt`: `[strategy]` blocks with `objective:` and `measure:` lines;
//! - `actions.txt`: `[actions] source` rows `action | partnership | owner | due | status`.
//!
//! Choices are written as their stored code or label. Where a block leaves something out the
//! loader fills it in the usual way: the governance layer from the level, the legal form from
//! the kind, the council's own membership from its role, representatives' terms from the 2023
//! elections (councillors) or April 2022 (officers), and each assessment's bands, governance,
//! significance, value for money, recommendation and next review from its scores (see
//! `scoring`), with the partnership's significance and review date taken from its newest
//! assessment.
//!
//! `text` splits files into blocks; `load` and `partnership` read the blocks; `builder`
//! resolves names to ids and inserts every record with `Register::apply(&Edit::insert(..))`, in
//! dependency order, so the model's rules are proven on the sample. A record the model refuses
//! is left out and reported; the tests require the shipped data to produce no such report.
//!
//! # Synthetic registers
//!
//! `synthetic` copies the sample's shape as many times as needed, renaming every place, person
//! and identifier (with invented names from `names`) and varying dates, scores, hours, money
//! and memberships; see its documentation. It too inserts every record through
//! `Register::apply`.

mod builder;
mod load;
mod names;
mod partnership;
mod scoring;
mod synthetic;
mod text;

#[cfg(test)]
mod tests;

use crate::model::Register;

/// The generator of synthetic registers: ChaCha8, whose stream for a seed is specified, so a
/// seed gives the same register on every machine and with every version of `rand`'s engines.
type SampleRng = rand_chacha::ChaCha8Rng;

/// Partnerships in the built-in sample.
pub const SAMPLE_PARTNERSHIPS: usize = 83;

/// The built-in sample register as written, dated as at 10 May 2026: the same every time, for
/// tests and snapshots.
pub fn sample_register() -> Register {
    load::build_sample().register
}

/// The built-in sample register dated as at `today`: written as at 10 May 2026, every date
/// (and financial year) moved by the days between, so a new user sees assessments
/// over the last two years, reviews mostly ahead and a few overdue on purpose.
pub fn sample_register_as_at(today: chrono::NaiveDate) -> Register {
    load::build_sample_shifted(builder::DateShift::to(today)).register
}

/// A synthetic register of about `partnerships` partnerships with the sample's shape (about 2
/// organisations and 0.5 people per partnership, the same mix of kinds, levels, relationships,
/// memberships, representations, contributions and assessments, and the same three views),
/// the same for the same `seed`.
pub fn synthetic_register(partnerships: usize, seed: u64) -> Register {
    synthetic::generate(partnerships, seed).register
}

//! Questionnaire rounds, pure: which partnerships a round asks (`start`), the questionnaire
//! each is sent, built from the one partnership field list and the scoring scheme's criteria
//! (`questionnaire`), how far a round has got and who to remind (`progress`), the fillable
//! workbook's layout and reading it back (`layout`, `reading`), and a returned questionnaire as a
//! field-by-field preview applied as one `Edit` (`returns`).
//!
//! A round is one [`Round`](crate::model::Round) record: starting it, marking questionnaires
//! sent, reminded or returned, editing its questions and applying a return are each an ordinary
//! `Edit`, undoable and audited. The workbook, the PDF questionnaire and the reminder CSV are
//! written by `crate::export::round_papers` from what is worked out here.

pub mod layout;
pub mod progress;
pub mod questionnaire;
pub mod reading;
pub mod returns;
pub mod start;

pub use progress::{Progress, ProgressRow, progress};
pub use questionnaire::{AnswerKey, AnswerKind, Asked, Questionnaire, questionnaire};
pub use reading::{FilledQuestionnaire, read_workbook};
pub use returns::{LineOutcome, PreviewLine, ReturnPreview, preview_return};
pub use start::{
    Mark, chosen_partnerships, default_questions, find_round, mark, set_questions, start_round,
};

use crate::model::PartnershipId;

/// Why a round could not be started, changed, written or read back. Messages are for the user.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RoundError {
    /// The name is empty.
    #[error("Give the round a name, for example “Annual review 2026”")]
    NoName,
    /// Another round has the name already.
    #[error("There is already a round called “{0}”: choose another name")]
    NameTaken(String),
    /// No round has that name or number.
    #[error("There is no questionnaire round called “{0}”")]
    NoSuchRound(String),
    /// The rule chose nobody.
    #[error("No partnership fits {0}: the round would ask nobody")]
    NobodyChosen(String),
    /// The round has no questions.
    #[error("A round needs at least one question")]
    NoQuestions,
    /// The partnership is not in the round.
    #[error("“{partnership}” is not in the round “{round}”")]
    NotInRound {
        /// The partnership's name.
        partnership: String,
        /// The round's name.
        round: String,
    },
    /// The partnership is no longer in the register.
    #[error("partnership {0} is no longer in the register")]
    NoSuchPartnership(PartnershipId),
    /// The workbook could not be written.
    #[error("The questionnaire workbook could not be made: {0}")]
    Write(String),
    /// The file is not a questionnaire this program wrote.
    #[error("{0}")]
    NotAQuestionnaire(String),
}

#[cfg(test)]
mod tests;

//! Fixtures shared by the domain tests.

use std::collections::BTreeMap;

use continuum_core::domain::{Answer, AnswerEntry, QuestionId, QUESTIONS};

pub type Answers = BTreeMap<QuestionId, AnswerEntry>;

/// A full, clean questionnaire: every answer healthy.
pub fn clean() -> Answers {
    QUESTIONS
        .iter()
        .map(|q| {
            let entry = AnswerEntry {
                answer: q.healthy,
                note: String::new(),
            };
            (q.id, entry)
        })
        .collect()
}

/// `base` with the given (question, answer, note) laid over it.
pub fn lay(
    mut base: Answers,
    changes: impl IntoIterator<Item = (QuestionId, Answer, String)>,
) -> Answers {
    for (q, answer, note) in changes {
        base.insert(q, AnswerEntry { answer, note });
    }
    base
}

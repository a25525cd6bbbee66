//! Questionnaire answers that place a client in a chosen category.

use std::collections::BTreeMap;

use crate::domain::model::{Answer, AnswerEntry, Category};
use crate::domain::questions::{QuestionId, Section, QUESTIONS};

use super::rng::Rng;
use super::words::concern_note;

pub(super) fn unhealthy(rng: &mut Rng, q: QuestionId) -> Answer {
    if rng.chance(30) {
        Answer::Unsure
    } else if q.question().healthy == Answer::Yes {
        Answer::No
    } else {
        Answer::Yes
    }
}

pub(super) fn entry(answer: Answer, note: &str) -> AnswerEntry {
    AnswerEntry {
        answer,
        note: note.to_string(),
    }
}

/// Answers that place a client exactly in `target` (incomplete sometimes,
/// as real check-ups are).
pub(super) fn answers_for(rng: &mut Rng, target: Category) -> BTreeMap<QuestionId, AnswerEntry> {
    let mut answers: BTreeMap<QuestionId, AnswerEntry> =
        crate::domain::sorting::map_from(QUESTIONS.iter().map(|q| (q.id, entry(q.healthy, ""))));
    let in_section = |s: Section| -> Vec<QuestionId> { s.questions().map(|q| q.id).collect() };
    let mild: Vec<QuestionId> = in_section(Section::SecureChecks)
        .into_iter()
        .chain(in_section(Section::NotSecureSignals))
        .collect();
    let sour = |answers: &mut BTreeMap<_, _>, q: QuestionId, a: Answer| {
        answers.insert(q, entry(a, concern_note(q)));
    };
    let mild_count = match target {
        Category::Secure | Category::Unassessed => 0,
        _ => 1 + rng.below(3),
    };
    for _ in 0..mild_count {
        let q = *rng.pick(&mild);
        let a = unhealthy(rng, q);
        sour(&mut answers, q, a);
    }
    let decisive = match target {
        Category::AtRisk => {
            if rng.chance(20) {
                Some((*rng.pick(&in_section(Section::LossSignals)), Answer::Unsure))
            } else {
                Some((*rng.pick(&in_section(Section::AtRiskSignals)), Answer::Yes))
            }
        }
        Category::InevitableLoss => {
            Some((*rng.pick(&in_section(Section::LossSignals)), Answer::Yes))
        }
        _ => None,
    };
    if let Some((q, a)) = decisive {
        sour(&mut answers, q, a);
    }
    match target {
        // A partial, all-healthy check-up: not enough to call it secure.
        Category::Unassessed => {
            let keep = rng.below(QuestionId::ALL.len() - 1);
            let mut open: Vec<QuestionId> = QuestionId::ALL.to_vec();
            for _ in 0..keep {
                let i = rng.below(open.len());
                open.swap_remove(i);
            }
            for q in open {
                answers.remove(&q);
            }
        }
        // Sometimes the user stopped half-way: open questions remain, but
        // only ones that cannot make the verdict safer.
        Category::NotSecure | Category::AtRisk if rng.chance(25) => {
            let decided: Vec<QuestionId> = answers
                .iter()
                .filter(|(q, e)| !q.question().is_healthy(e.answer))
                .map(|(q, _)| *q)
                .collect();
            for q in QuestionId::ALL {
                if !decided.contains(&q) && rng.chance(40) {
                    answers.remove(&q);
                }
            }
        }
        _ => {}
    }
    if target == Category::Secure {
        answers.insert(
            QuestionId::SContract,
            entry(Answer::Yes, "Framework agreement, three years"),
        );
    }
    answers
}

/// A category one step safer or worse than `c`, or `c` itself.
pub(super) fn drift(rng: &mut Rng, c: Category) -> Category {
    let steps = [
        Category::Secure,
        Category::NotSecure,
        Category::AtRisk,
        Category::InevitableLoss,
    ];
    let Some(i) = steps.iter().position(|s| *s == c) else {
        return c;
    };
    match rng.below(10) {
        0..=5 => c,
        // Most movement on a real list is towards trouble, noticed late.
        6..=8 => steps[i.saturating_sub(1)],
        _ => steps[(i + 1).min(steps.len() - 1)],
    }
}

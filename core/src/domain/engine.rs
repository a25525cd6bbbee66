//! The engine (METHOD.md, "Placing a client"): from an assessment's answers
//! to a verdict with its category, its reasons, what is still missing, and
//! the user's override if any.
//!
//! The precedence is METHOD.md's, most severe first. Each answer "points to"
//! the category it is evidence for; the verdict is the most severe of those.
//! That single rule gives all five steps of the method, keeps the engine
//! monotone by construction, and makes the reasons fall out for free.

use std::collections::BTreeMap;

use super::model::{Answer, AnswerEntry, Assessment, Category, Client, Override};
use super::questions::{QuestionId, Section};

/// One answer that pushed the client towards a category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub question: QuestionId,
    pub answer: Answer,
    /// The note the user wrote beside the answer (may be empty).
    pub note: String,
    /// The category this answer is evidence for. The verdict's own reasons
    /// (`points_to == computed`) come first.
    pub points_to: Category,
}

/// Where a client stands, why, and what could still change it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The category to show: the override if the user made one, else `computed`.
    pub category: Category,
    /// The engine's own category, always kept and shown beside an override.
    pub computed: Category,
    /// Every unhealthy answer, most severe first, then in questionnaire order.
    pub reasons: Vec<Reason>,
    /// Open questions that could still move the client to a worse category.
    pub missing: Vec<QuestionId>,
    /// True when `missing` is not empty: the verdict may still get worse.
    pub incomplete: bool,
    pub r#override: Option<Override>,
}

impl Verdict {
    /// The verdict of a client nobody has assessed yet.
    pub fn unassessed() -> Verdict {
        compute(&BTreeMap::new(), None)
    }

    /// Whether the user placed the client differently from the engine.
    pub fn is_overridden(&self) -> bool {
        self.r#override.is_some()
    }

    /// The worse of the computed and the shown category: what the plan and
    /// triage follow, so an override never hides a worse computed category
    /// from them (a tie keeps the shown one).
    pub fn worse(&self) -> Category {
        if self.computed.severity() > self.category.severity() {
            self.computed
        } else {
            self.category
        }
    }

    /// The reasons that decide the computed category (the others are milder).
    pub fn decisive_reasons(&self) -> impl Iterator<Item = &Reason> {
        let computed = self.computed;
        self.reasons.iter().filter(move |r| r.points_to == computed)
    }
}

/// The category a single answer to `question` is evidence for, if any.
///
/// METHOD.md's precedence, per answer: a loss `yes` is decisive; a loss
/// `unsure` or an at-risk `yes` means at risk; an at-risk `unsure`, any
/// not-secure signal, or any secure check off its healthy answer means not
/// secure. `unsure` is never healthy.
pub fn points_to(question: QuestionId, answer: Answer) -> Option<Category> {
    let q = question.question();
    if q.is_healthy(answer) {
        return None;
    }
    Some(match (q.section, answer) {
        (Section::LossSignals, Answer::Yes) => Category::InevitableLoss,
        (Section::LossSignals, _) => Category::AtRisk,
        (Section::AtRiskSignals, Answer::Yes) => Category::AtRisk,
        (Section::AtRiskSignals, _) => Category::NotSecure,
        (Section::NotSecureSignals, _) | (Section::SecureChecks, _) => Category::NotSecure,
    })
}

/// The worst category an open question could still lead to.
pub fn worst_possible(question: QuestionId) -> Category {
    match question.section() {
        Section::LossSignals => Category::InevitableLoss,
        Section::AtRiskSignals => Category::AtRisk,
        Section::NotSecureSignals | Section::SecureChecks => Category::NotSecure,
    }
}

/// The engine's category for a set of answers, without reasons.
pub fn category_of(answers: &BTreeMap<QuestionId, AnswerEntry>) -> Category {
    let worst = answers
        .iter()
        .filter_map(|(q, e)| points_to(*q, e.answer))
        .max_by_key(|c| c.severity());
    settle(worst, answers.len())
}

/// The category from the worst answer found and the number answered.
fn settle(worst: Option<Category>, answered: usize) -> Category {
    match worst {
        Some(c) => c,
        // Nothing unhealthy: secure only after a full, clean questionnaire.
        None if answered == QuestionId::ALL.len() => Category::Secure,
        None => Category::Unassessed,
    }
}

/// The full verdict for a set of answers and an optional override.
pub fn compute(
    answers: &BTreeMap<QuestionId, AnswerEntry>,
    r#override: Option<&Override>,
) -> Verdict {
    let mut reasons: Vec<Reason> = answers
        .iter()
        .filter_map(|(q, e)| {
            points_to(*q, e.answer).map(|c| Reason {
                question: *q,
                answer: e.answer,
                note: e.note.clone(),
                points_to: c,
            })
        })
        .collect();
    // Stable sort: within a severity the questionnaire order (the map's order) stays.
    crate::domain::sorting::sort_by_key(&mut reasons, |r| {
        std::cmp::Reverse(r.points_to.severity())
    });
    // The reasons are sorted, so the first is the worst: one walk over the answers.
    let computed = settle(reasons.first().map(|r| r.points_to), answers.len());
    let missing: Vec<QuestionId> = QuestionId::ALL
        .into_iter()
        .filter(|q| !answers.contains_key(q))
        .filter(|q| worst_possible(*q).severity() > computed.severity())
        .collect();
    Verdict {
        category: r#override.map_or(computed, |o| o.category),
        computed,
        incomplete: !missing.is_empty(),
        reasons,
        missing,
        r#override: r#override.cloned(),
    }
}

/// The verdict of one assessment.
pub fn verdict(assessment: &Assessment) -> Verdict {
    compute(&assessment.answers, assessment.r#override.as_ref())
}

/// The verdict of a client's current (latest) assessment; unassessed if none.
pub fn client_verdict(client: &Client) -> Verdict {
    client
        .current_assessment()
        .map_or_else(Verdict::unassessed, verdict)
}

/// The category shown for an assessment: the override if any, else computed.
pub fn shown_category(assessment: &Assessment) -> Category {
    assessment
        .r#override
        .as_ref()
        .map_or_else(|| category_of(&assessment.answers), |o| o.category)
}

/// An assessment's category recomputed from its stored answers, and the
/// stored verdict when it disagrees (a file edited by hand, or written by an
/// older version of the method): history shows the recomputed one and says so.
pub fn recheck(assessment: &Assessment) -> (Category, Option<Category>) {
    let computed = category_of(&assessment.answers);
    (
        computed,
        (assessment.verdict != computed).then_some(assessment.verdict),
    )
}

/// Record an answer (with its note) and refresh the stored verdict snapshot.
pub fn set_answer(assessment: &mut Assessment, question: QuestionId, answer: Answer, note: &str) {
    assessment.answers.insert(
        question,
        AnswerEntry {
            answer,
            note: note.to_string(),
        },
    );
    refresh(assessment);
}

/// Clear an answer, back to open, and refresh the stored verdict snapshot.
pub fn clear_answer(assessment: &mut Assessment, question: QuestionId) {
    assessment.answers.remove(&question);
    refresh(assessment);
}

/// Bring the assessment's stored verdict snapshot up to date with its answers.
pub fn refresh(assessment: &mut Assessment) {
    assessment.verdict = category_of(&assessment.answers);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answers(list: &[(QuestionId, Answer)]) -> BTreeMap<QuestionId, AnswerEntry> {
        list.iter()
            .map(|(q, a)| {
                (
                    *q,
                    AnswerEntry {
                        answer: *a,
                        note: String::new(),
                    },
                )
            })
            .collect()
    }

    #[test]
    fn reasons_are_most_severe_first() {
        let v = compute(
            &answers(&[
                (QuestionId::SDissent, Answer::Yes),
                (QuestionId::RPrice, Answer::Yes),
                (QuestionId::LKnownChange, Answer::Unsure),
            ]),
            None,
        );
        let order: Vec<QuestionId> = v.reasons.iter().map(|r| r.question).collect();
        assert_eq!(
            order,
            vec![
                QuestionId::RPrice,
                QuestionId::LKnownChange,
                QuestionId::SDissent
            ]
        );
        assert_eq!(v.computed, Category::AtRisk);
        assert_eq!(v.decisive_reasons().count(), 2);
    }

    #[test]
    fn override_is_shown_and_computed_kept() {
        let o = Override {
            category: Category::Secure,
            reason: "Signed for five more years last week".into(),
        };
        let v = compute(&answers(&[(QuestionId::RPrice, Answer::Yes)]), Some(&o));
        assert_eq!(v.category, Category::Secure);
        assert_eq!(v.computed, Category::AtRisk);
        assert!(v.is_overridden());
    }

    #[test]
    fn set_answer_refreshes_the_snapshot() {
        let mut a = Assessment::new(
            super::super::model::Id::new("a1"),
            crate::domain::Date::from_days_since_epoch(0),
        );
        set_answer(
            &mut a,
            QuestionId::LNotified,
            Answer::Yes,
            "Told us at the review",
        );
        assert_eq!(a.verdict, Category::InevitableLoss);
        clear_answer(&mut a, QuestionId::LNotified);
        assert_eq!(a.verdict, Category::Unassessed);
    }
}

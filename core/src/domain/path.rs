//! The path to a safer category (issue 16): for each category safer than the
//! engine's verdict, the fewest answers that would have to change to reach it.
//!
//! The engine places a client by its most severe unhealthy answer, so every
//! answer pointing to a category worse than the target must change, and
//! turning each to its healthy answer is enough: that set is both sufficient
//! and the smallest. "Reaching" a category means being placed there or
//! somewhere safer. `secure` is different: all 25 questions must be answered
//! healthily, so its path also lists the open checks standing in the way.

use std::collections::BTreeMap;

use super::date::Date;
use super::engine::{category_of, points_to};
use super::evidence::Evidence;
use super::model::{Action, Answer, AnswerEntry, Assessment, Category, Client, Id};
use super::questions::QuestionId;
use super::suggestions::suggestions;

/// One answer that would have to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    pub question: QuestionId,
    /// The answer today; `None` when the question is still open.
    pub from: Option<Answer>,
    /// The healthy answer it would have to become.
    pub to: Answer,
    /// The note written beside today's answer (may be empty).
    pub note: String,
    /// The people, issues or dates behind today's answer, where the record
    /// holds any (the evidence suggestions read from it).
    pub evidence: Vec<Evidence>,
}

impl Step {
    /// The stable key of the plan action made from this step.
    pub fn proposal_key(&self) -> String {
        format!("path:{}", self.question)
    }

    /// What would have to become true, in one line.
    pub fn goal(&self) -> String {
        let q = self.question.question();
        match self.from {
            None => format!(
                "Find out, and make it a \u{201c}{}\u{201d}: {}",
                self.to.label(),
                q.text
            ),
            Some(_) => format!("Turn to \u{201c}{}\u{201d}: {}", self.to.label(), q.text),
        }
    }

    /// The plan action for this step, due in 14 days, naming the evidence.
    pub fn to_action(&self, target: Category, id: Id, today: Date, owner: &str) -> Action {
        let evidence: Vec<String> = self.evidence.iter().map(Evidence::describe).collect();
        let mut notes = format!("A step towards \u{201c}{}\u{201d}.", target.name());
        if !self.note.trim().is_empty() {
            notes.push_str(&format!(" Today's note: {}", self.note.trim()));
        }
        if !evidence.is_empty() {
            notes.push_str(&format!(" Evidence: {}.", evidence.join("; ")));
        }
        Action {
            id,
            title: self.goal(),
            due: Some(today.add_days(PATH_ACTION_DAYS)),
            owner: owner.to_string(),
            done: false,
            proposal: Some(self.proposal_key()),
            notes,
        }
    }
}

/// A plan action made from a path step is due this many days after adoption.
pub const PATH_ACTION_DAYS: i32 = 14;

/// The way to one safer category.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    pub target: Category,
    /// The answers to change, most severe first, then in questionnaire order.
    pub steps: Vec<Step>,
}

/// The categories safer than `current` that a path can lead to, worst first.
pub fn safer_targets(current: Category) -> Vec<Category> {
    match current {
        Category::Secure => Vec::new(),
        Category::Unassessed => vec![Category::Secure],
        c => [Category::AtRisk, Category::NotSecure, Category::Secure]
            .into_iter()
            .filter(|t| t.severity() < c.severity())
            .collect(),
    }
}

/// Whether a question, answered `answer` (or open), keeps the client from `target`.
fn blocks(question: QuestionId, answer: Option<Answer>, target: Category) -> bool {
    match (answer, target) {
        (None, Category::Secure) => true,
        (None, _) => false,
        (Some(a), Category::Secure) => points_to(question, a).is_some(),
        (Some(a), t) => points_to(question, a).is_some_and(|c| c.severity() > t.severity()),
    }
}

/// The answers that would have to change to reach `target`, from `answers`.
pub fn steps_to(answers: &BTreeMap<QuestionId, AnswerEntry>, target: Category) -> Vec<Step> {
    let mut steps: Vec<Step> = QuestionId::ALL
        .into_iter()
        .filter(|q| blocks(*q, answers.get(q).map(|e| e.answer), target))
        .map(|q| Step {
            question: q,
            from: answers.get(&q).map(|e| e.answer),
            to: q.question().healthy,
            note: answers.get(&q).map(|e| e.note.clone()).unwrap_or_default(),
            evidence: Vec::new(),
        })
        .collect();
    // Most severe first (open questions last); the sort is stable.
    let rank = |s: &Step| {
        s.from
            .and_then(|a| points_to(s.question, a))
            .map_or(0, |c| c.severity())
    };
    crate::domain::sorting::sort_by_key(&mut steps, |s| std::cmp::Reverse(rank(s)));
    steps
}

/// The answers with `steps` applied (each question set to its step's answer).
pub fn apply_steps(
    answers: &BTreeMap<QuestionId, AnswerEntry>,
    steps: &[Step],
) -> BTreeMap<QuestionId, AnswerEntry> {
    let mut out = answers.clone();
    for s in steps {
        out.insert(
            s.question,
            AnswerEntry {
                answer: s.to,
                note: s.note.clone(),
            },
        );
    }
    out
}

/// Whether `answers` place the client at `target` or somewhere safer.
pub fn reaches(answers: &BTreeMap<QuestionId, AnswerEntry>, target: Category) -> bool {
    let c = category_of(answers);
    match target {
        Category::Secure => c == Category::Secure,
        t => c.severity() <= t.severity(),
    }
}

/// Every path from an assessment's answers, worst target first.
pub fn paths_from(assessment: Option<&Assessment>) -> Vec<Path> {
    let empty = BTreeMap::new();
    let answers = assessment.map_or(&empty, |a| &a.answers);
    safer_targets(category_of(answers))
        .into_iter()
        .map(|target| Path {
            target,
            steps: steps_to(answers, target),
        })
        .collect()
}

/// Every path for a client's current check-up on `today`, each step carrying
/// the evidence behind today's answer where the record holds any.
pub fn paths(client: &Client, today: Date) -> Vec<Path> {
    let current = client.current_assessment();
    let mut out = paths_from(current);
    let found = suggestions(client, today);
    for step in out.iter_mut().flat_map(|p| p.steps.iter_mut()) {
        // Evidence for today's answer, or for an open question any evidence at all.
        step.evidence = found
            .iter()
            .filter(|s| s.question == step.question && step.from.is_none_or(|a| a == s.answer))
            .flat_map(|s| s.evidence.iter().cloned())
            .collect();
    }
    out
}

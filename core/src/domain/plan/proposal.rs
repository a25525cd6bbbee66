//! A proposal, and the builder that collects them without repeats.

use std::collections::BTreeSet;

use crate::domain::date::Date;
use crate::domain::engine::Verdict;
use crate::domain::model::{Action, Category, Id};
use crate::domain::questions::QuestionId;
use crate::domain::warnings::WarningSign;

/// Where a proposal comes from, so the UI can say why it is there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Category(Category),
    Reason(QuestionId),
    Warning(WarningSign),
    /// Proactive care: proposed for every client we mean to keep.
    Care,
}

/// A proposed action, not yet in the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// Stable key, stored when adopted or dismissed.
    pub key: String,
    pub title: String,
    /// Why it is proposed, in one or two sentences.
    pub why: String,
    /// Default due date, in days from the day it is adopted.
    pub due_in_days: i32,
    pub source: Source,
}

impl Proposal {
    /// The action the user adopts from this proposal.
    pub fn to_action(&self, id: Id, today: Date, owner: &str) -> Action {
        Action {
            id,
            title: self.title.clone(),
            due: Some(today.add_days(self.due_in_days)),
            owner: owner.to_string(),
            done: false,
            proposal: Some(self.key.clone()),
            notes: self.why.clone(),
        }
    }
}

/// Collects proposals, skipping duplicates and anything adopted or dismissed.
pub(super) struct Builder<'a> {
    pub(super) taken: BTreeSet<&'a str>,
    pub(super) seen: BTreeSet<String>,
    pub(super) out: Vec<Proposal>,
}

impl Builder<'_> {
    pub(super) fn add(
        &mut self,
        key: String,
        title: String,
        why: String,
        due_in_days: i32,
        source: Source,
    ) {
        if self.taken.contains(key.as_str()) || !self.seen.insert(key.clone()) {
            return;
        }
        self.out.push(Proposal {
            key,
            title,
            why,
            due_in_days,
            source,
        });
    }

    pub(super) fn fixed(&mut self, key: &str, title: &str, why: &str, due: i32, source: Source) {
        self.add(key.into(), title.into(), why.into(), due, source);
    }
}

pub(super) fn said(verdict: &Verdict, q: QuestionId) -> bool {
    verdict.reasons.iter().any(|r| r.question == q)
}

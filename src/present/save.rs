//! The save engine as a pure state machine: which records are unsaved, at
//! which stored revision each was read, and what a save must write.
//!
//! The browser edge only executes what this decides. A save is planned from
//! the book and the revisions storage holds now ([`SaveBook::plan`]), run
//! step by step against storage ([`run`]), and its outcome recorded back
//! ([`SaveBook::record`]). Keeping this free of the browser lets property
//! tests drive thousands of edit/save/other-tab/failure sequences natively.

use std::collections::{BTreeMap, BTreeSet};

use crate::domain::Id;
use crate::storage::merge::Conflict;

/// Why a write to storage failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WriteError {
    /// The site's storage is full.
    Full,
    /// The browser refused for another reason (its words).
    Other(String),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::Full => f.write_str("this browser's storage for Continuum is full"),
            WriteError::Other(e) => write!(f, "the browser refused to save ({e})"),
        }
    }
}

/// The notice when a save starts failing: what failed, and what to do.
pub fn failure_notice(e: &WriteError) -> String {
    match e {
        WriteError::Full => format!("Your latest changes could not be saved: {e}. They are safe in this page for now; export a file to keep them, then free some space (Settings lists backups you can delete)."),
        WriteError::Other(_) => format!("Your latest changes could not be saved: {e}. They are safe in this page for now; export a file to keep them, and try again later."),
    }
}

/// How safe the user's work is right now, shown in the header and Settings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Persistence {
    /// Everything is in local storage.
    Saved,
    /// Local storage cannot be used: work lives only in this page.
    InMemory(String),
    /// The last write failed because storage is full; unsaved work is in memory.
    Full,
    /// The last write failed for another reason (the browser's words).
    Failing(String),
    /// Data from a newer version of Continuum is stored: nothing is written.
    ReadOnly,
}

impl Persistence {
    /// The state after a save that failed with `failure` (or succeeded).
    pub fn after_save(&self, failure: Option<&WriteError>) -> Persistence {
        match (self, failure) {
            (Persistence::ReadOnly | Persistence::InMemory(_), _) => self.clone(),
            (_, Some(WriteError::Full)) => Persistence::Full,
            (_, Some(WriteError::Other(why))) => Persistence::Failing(why.clone()),
            (_, None) => Persistence::Saved,
        }
    }

    /// Whether saves are failing (a notice is due when this starts or ends).
    pub fn is_failing(&self) -> bool {
        matches!(self, Persistence::Full | Persistence::Failing(_))
    }

    /// What Settings says about where the work is kept.
    pub fn describe(&self) -> String {
        match self {
            Persistence::Saved => "Your data is kept in this browser's local storage, and only there.".to_string(),
            Persistence::InMemory(why) => format!("This browser does not allow local storage here ({why}): your work is kept only until the page is closed. Export a file to keep it."),
            Persistence::Full => "Storage is full: your latest changes are only in this page. Export a file, then delete old backups below.".to_string(),
            Persistence::Failing(why) => format!("The browser refused to save ({why}): your latest changes are only in this page. Export a file to keep them."),
            Persistence::ReadOnly => "Data from a newer version of Continuum is stored here, so nothing is saved. Reload to update.".to_string(),
        }
    }
}

/// One step of a save, in the order it must run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// Write this client's record at this new revision.
    Write(Id, u64),
    /// Remove this client's record.
    Remove(Id),
    /// Rewrite the portfolio's index (owner and client order).
    Meta,
}

/// What a save will do, decided before touching storage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WritePlan {
    /// Writes first, then removals, then the index: a failed write stops the
    /// save before anything is removed, so nothing is lost.
    pub steps: Vec<Step>,
    /// Unsaved clients that another tab saved since we read them: theirs is
    /// newer, so ours is not written (see [`SaveBook::theirs`]).
    pub stale: Vec<Id>,
}

/// What a run of a plan did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub done: Vec<Step>,
    pub failure: Option<WriteError>,
}

/// What another tab left in storage for a client we hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theirs {
    /// A readable record at this revision: it replaces ours.
    Record(u64),
    /// A record that cannot be read: ours stays, counted as unsaved (storage
    /// has no readable copy) and is not written over the stored text, which
    /// the next start-up sets aside.
    Unreadable,
    /// The record was deleted there.
    Deleted,
}

impl Theirs {
    /// The notice when this replaced (or failed to replace) a client with
    /// unsaved changes here.
    pub fn notice(self, name: &str) -> String {
        match self {
            Theirs::Record(_) => format!("{name} was changed in another tab or window. To avoid overwriting that, the newer version is shown here and your last change to it was not saved."),
            Theirs::Deleted => format!("{name} was deleted in another tab or window, so your last change to it was not saved."),
            Theirs::Unreadable => format!("Another tab or window left {name}'s stored record unreadable. Your version stays on this page but cannot be saved over it: export a file to keep it."),
        }
    }
}

/// The notice after another tab's version of a client was merged with this
/// tab's unsaved changes; `conflicts` are the fields both changed differently.
pub fn merged_notice(name: &str, conflicts: &[Conflict]) -> String {
    if conflicts.is_empty() {
        return format!(
            "{name} was also changed in another tab or window. Both sets of changes are kept."
        );
    }
    let fields: Vec<String> = conflicts
        .iter()
        .map(|c| {
            format!(
                "{}: yours “{}”, the other tab’s “{}”",
                c.field, c.mine, c.theirs
            )
        })
        .collect();
    format!(
        "{name} was also changed in another tab or window. Everything else is kept from both, but these differ: {}. The other tab’s version is shown until you choose.",
        fields.join("; ")
    )
}

/// The save bookkeeping: the one place that knows what is unsaved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SaveBook {
    /// The stored revision each client was loaded or last saved at.
    revisions: BTreeMap<Id, u64>,
    dirty: BTreeSet<Id>,
    removed: BTreeSet<Id>,
    /// Unsaved clients that must not be written (their stored record is
    /// unreadable): still unsaved, so closing the page warns.
    held: BTreeSet<Id>,
    meta: bool,
}

impl SaveBook {
    /// A book for what start-up read, everything saved.
    pub fn loaded(revisions: BTreeMap<Id, u64>) -> SaveBook {
        SaveBook {
            revisions,
            ..SaveBook::default()
        }
    }

    pub fn changed(&mut self, id: &Id) {
        if !self.held.contains(id) {
            self.dirty.insert(id.clone());
        }
        self.removed.remove(id);
    }

    pub fn meta_changed(&mut self) {
        self.meta = true;
    }

    pub fn deleted(&mut self, id: &Id) {
        self.dirty.remove(id);
        self.held.remove(id);
        self.removed.insert(id.clone());
    }

    pub fn has_unsaved(&self) -> bool {
        !self.dirty.is_empty() || !self.removed.is_empty() || !self.held.is_empty() || self.meta
    }

    pub fn is_unsaved(&self, id: &Id) -> bool {
        self.dirty.contains(id) || self.held.contains(id)
    }

    /// The save to run now. `exists` says whether a client is still shown;
    /// `stored_rev` reads the revision storage holds for it now.
    pub fn plan(
        &self,
        exists: impl Fn(&Id) -> bool,
        stored_rev: impl Fn(&Id) -> Option<u64>,
    ) -> WritePlan {
        let mut plan = WritePlan::default();
        for id in self.dirty.iter().filter(|id| exists(id)) {
            let base = self.revisions.get(id).copied();
            if stored_rev(id) == base {
                let next = base.unwrap_or(0).saturating_add(1);
                plan.steps.push(Step::Write(id.clone(), next));
            } else {
                plan.stale.push(id.clone());
            }
        }
        plan.steps
            .extend(self.removed.iter().cloned().map(Step::Remove));
        if self.meta {
            plan.steps.push(Step::Meta);
        }
        plan
    }

    /// Takes in what a run did; dirty clients no longer shown are dropped.
    pub fn record(&mut self, outcome: &Outcome, exists: impl Fn(&Id) -> bool) {
        self.dirty.retain(|id| exists(id));
        for step in &outcome.done {
            match step {
                Step::Write(id, rev) => {
                    self.revisions.insert(id.clone(), *rev);
                    self.dirty.remove(id);
                }
                Step::Remove(id) => {
                    self.removed.remove(id);
                    self.revisions.remove(id);
                }
                Step::Meta => self.meta = false,
            }
        }
    }

    /// Takes in another tab's version of a client we hold.
    pub fn theirs(&mut self, id: &Id, theirs: &Theirs) {
        let theirs = *theirs;
        match theirs {
            Theirs::Record(rev) => {
                self.dirty.remove(id);
                self.held.remove(id);
                self.revisions.insert(id.clone(), rev);
            }
            Theirs::Unreadable => {
                self.dirty.remove(id);
                self.held.insert(id.clone());
            }
            Theirs::Deleted => {
                self.dirty.remove(id);
                self.held.remove(id);
                self.revisions.remove(id);
            }
        }
    }

    /// A client another tab added, at its stored revision.
    pub fn arrived(&mut self, id: &Id, rev: u64) {
        self.revisions.insert(id.clone(), rev);
    }
}

/// Runs a plan's steps in order, stopping at the first failed write: removals
/// and the index run only after every write worked.
pub fn run(steps: Vec<Step>, mut apply: impl FnMut(&Step) -> Result<(), WriteError>) -> Outcome {
    let mut outcome = Outcome::default();
    for step in steps {
        match apply(&step) {
            Ok(()) => outcome.done.push(step),
            Err(e) => {
                outcome.failure = Some(e);
                break;
            }
        }
    }
    outcome
}

// Property tests need proptest, a native-only dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "save_tests.rs"]
mod tests;

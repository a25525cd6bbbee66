//! Property tests of the save engine against a model of one tab's memory and
//! the storage it shares with other tabs.

use std::collections::{BTreeMap, BTreeSet};

use proptest::prelude::*;

use super::*;
use crate::storage::merge::Conflict;

#[derive(Clone, Debug)]
enum Op {
    Add(u8),
    Edit(u8),
    Delete(u8),
    /// Another tab writes, corrupts or deletes a record; its storage event
    /// reaches this tab at once when the flag is set, else later or never.
    OtherTabWrites(u8, bool),
    OtherTabCorrupts(u8, bool),
    OtherTabDeletes(u8, bool),
    /// Save; the write at this index (if any) fails, full or refused.
    Save(Option<usize>, bool),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..4).prop_map(Op::Add),
        (0u8..4).prop_map(Op::Edit),
        (0u8..4).prop_map(Op::Delete),
        (0u8..4, any::<bool>()).prop_map(|(n, e)| Op::OtherTabWrites(n, e)),
        (0u8..4, any::<bool>()).prop_map(|(n, e)| Op::OtherTabCorrupts(n, e)),
        (0u8..4, any::<bool>()).prop_map(|(n, e)| Op::OtherTabDeletes(n, e)),
        (proptest::option::of(0usize..4), any::<bool>()).prop_map(|(f, full)| Op::Save(f, full)),
    ]
}

/// What storage holds for a client: a revision and whose content, or junk.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Stored {
    Record { rev: u64, content: u32 },
    Corrupt,
}

#[derive(Default)]
struct World {
    book: SaveBook,
    /// This tab's clients: id → content version.
    shown: BTreeMap<Id, u32>,
    storage: BTreeMap<Id, Stored>,
    /// The stored content this tab last read or wrote, per client: a write
    /// over anything else would lose another tab's work.
    seen: BTreeMap<Id, Option<u32>>,
    /// Contents made by this tab's edits, and those that reached storage.
    ours: BTreeSet<u32>,
    stored_ever: BTreeSet<u32>,
    next: u32,
    /// Revisions only grow: a record's next revision is above any it had.
    top_rev: BTreeMap<Id, u64>,
}

fn id(n: u8) -> Id {
    Id::new(format!("c{n}"))
}

impl World {
    fn fresh(&mut self) -> u32 {
        self.next += 1;
        self.next
    }

    fn edit(&mut self) -> u32 {
        let c = self.fresh();
        self.ours.insert(c);
        c
    }

    /// What the store does with another tab's version of a client.
    fn take_theirs(&mut self, id: &Id) {
        let theirs = match self.storage.get(id) {
            Some(Stored::Record { rev, content }) => {
                self.shown.insert(id.clone(), *content);
                self.seen.insert(id.clone(), Some(*content));
                Theirs::Record(*rev)
            }
            Some(Stored::Corrupt) => Theirs::Unreadable,
            None => {
                self.shown.remove(id);
                self.seen.insert(id.clone(), None);
                Theirs::Deleted
            }
        };
        self.book.theirs(id, &theirs);
    }

    /// A storage event about `id` reaching this tab.
    fn event(&mut self, id: &Id, delivered: bool) {
        if delivered && self.shown.contains_key(id) {
            self.take_theirs(id);
        }
    }

    fn stored_rev(&self, id: &Id) -> Option<u64> {
        match self.storage.get(id) {
            Some(Stored::Record { rev, .. }) => Some(*rev),
            _ => None,
        }
    }

    fn apply(&mut self, op: &Op) {
        match op {
            Op::Add(n) if !self.shown.contains_key(&id(*n)) => {
                let c = self.edit();
                self.shown.insert(id(*n), c);
                self.seen.entry(id(*n)).or_insert(None);
                self.book.changed(&id(*n));
                self.book.meta_changed();
            }
            Op::Edit(n) if self.shown.contains_key(&id(*n)) => {
                let c = self.edit();
                self.shown.insert(id(*n), c);
                self.book.changed(&id(*n));
            }
            Op::Delete(n) if self.shown.contains_key(&id(*n)) => {
                self.shown.remove(&id(*n));
                self.book.deleted(&id(*n));
                self.book.meta_changed();
            }
            Op::OtherTabWrites(n, delivered) => {
                let top = self.top_rev.entry(id(*n)).or_insert(0);
                *top += 1;
                let rev = *top;
                let content = self.fresh();
                self.storage.insert(id(*n), Stored::Record { rev, content });
                self.event(&id(*n), *delivered);
            }
            Op::OtherTabCorrupts(n, delivered) => {
                self.storage.insert(id(*n), Stored::Corrupt);
                self.event(&id(*n), *delivered);
            }
            Op::OtherTabDeletes(n, delivered) => {
                self.storage.remove(&id(*n));
                self.event(&id(*n), *delivered);
            }
            Op::Save(fail_at, full) => self.save(*fail_at, *full),
            _ => {}
        }
    }

    fn save(&mut self, fail_at: Option<usize>, full: bool) {
        let shown = self.shown.clone();
        let plan = self
            .book
            .plan(|id| shown.contains_key(id), |id| self.stored_rev(id));
        let mut index = 0;
        let outcome = run(plan.steps, |step| {
            if let Step::Write(id, rev) = step {
                if fail_at == Some(index) {
                    return Err(if full {
                        WriteError::Full
                    } else {
                        WriteError::Other("denied".into())
                    });
                }
                index += 1;
                let now = match self.storage.get(id) {
                    Some(Stored::Record { content, .. }) => Some(*content),
                    _ => None,
                };
                assert_eq!(
                    now,
                    self.seen.get(id).copied().flatten(),
                    "{id:?} written over content this tab never saw"
                );
                let content = shown[id];
                let top = self.top_rev.entry(id.clone()).or_insert(0);
                *top = (*top).max(*rev);
                self.storage
                    .insert(id.clone(), Stored::Record { rev: *rev, content });
                self.seen.insert(id.clone(), Some(content));
                self.stored_ever.insert(content);
            }
            if let Step::Remove(id) = step {
                self.storage.remove(id);
                self.seen.insert(id.clone(), None);
            }
            Ok(())
        });
        self.book.record(&outcome, |id| shown.contains_key(id));
        for id in plan.stale {
            self.take_theirs(&id);
        }
    }

    /// An edit of this tab that never reached storage is marked unsaved.
    fn check(&self) {
        for (id, content) in &self.shown {
            if self.ours.contains(content) && !self.stored_ever.contains(content) {
                assert!(
                    self.book.is_unsaved(id),
                    "{id:?} differs from storage but is not marked unsaved"
                );
            }
        }
    }
}

proptest! {
    #[test]
    fn no_change_is_lost_and_no_other_tab_is_overwritten(ops in proptest::collection::vec(op(), 0..40)) {
        let mut world = World::default();
        for op in &ops {
            world.apply(op);
            world.check();
        }
    }

    #[test]
    fn a_clean_save_leaves_nothing_unsaved(ops in proptest::collection::vec(op(), 0..30)) {
        let mut world = World::default();
        for op in &ops {
            world.apply(op);
        }
        // Other tabs stop and their last events arrive; two saves settle
        // any stale record.
        for n in 0..4 {
            world.event(&id(n), true);
        }
        world.save(None, false);
        world.save(None, false);
        let held = world.shown.keys().any(|id| {
            matches!(world.storage.get(id), Some(Stored::Corrupt))
        });
        prop_assert_eq!(world.book.has_unsaved(), held);
        for (id, content) in &world.shown {
            if !matches!(world.storage.get(id), Some(Stored::Corrupt)) {
                prop_assert_eq!(world.storage.get(id).copied(), Some(Stored::Record {
                    rev: world.book.revisions[id],
                    content: *content,
                }));
            }
        }
    }
}

#[test]
fn an_unreadable_record_keeps_the_change_unsaved() {
    let a = id(1);
    let mut book = SaveBook::loaded(BTreeMap::from([(a.clone(), 3)]));
    book.changed(&a);
    let plan = book.plan(|_| true, |_| None);
    assert_eq!(plan.stale, vec![a.clone()]);
    book.theirs(&a, &Theirs::Unreadable);
    assert!(book.has_unsaved(), "closing the page must still warn");
    book.changed(&a);
    assert!(book.plan(|_| true, |_| None).steps.is_empty());
}

#[test]
fn a_failed_write_stops_before_any_removal() {
    let (a, b) = (id(1), id(2));
    let mut book = SaveBook::default();
    book.changed(&a);
    book.deleted(&b);
    book.meta_changed();
    let plan = book.plan(|_| true, |_| None);
    assert_eq!(
        plan.steps,
        vec![
            Step::Write(a.clone(), 1),
            Step::Remove(b.clone()),
            Step::Meta
        ]
    );
    let outcome = run(plan.steps, |_| Err(WriteError::Full));
    assert!(outcome.done.is_empty());
    book.record(&outcome, |_| true);
    assert!(book.is_unsaved(&a) && book.has_unsaved());
}

#[test]
fn persistence_names_what_failed() {
    let full = Persistence::Saved.after_save(Some(&WriteError::Full));
    assert_eq!(full, Persistence::Full);
    let refused = full.after_save(Some(&WriteError::Other("SecurityError".into())));
    assert!(refused.describe().contains("SecurityError"));
    assert!(!refused.describe().contains("full"));
    assert_eq!(refused.after_save(None), Persistence::Saved);
    assert_eq!(
        Persistence::ReadOnly.after_save(None),
        Persistence::ReadOnly
    );
}

#[test]
fn notices_say_what_really_happened() {
    assert!(failure_notice(&WriteError::Full).contains("free some space"));
    let refused = failure_notice(&WriteError::Other("SecurityError: denied".into()));
    assert!(refused.contains("SecurityError: denied") && !refused.contains("full"));
    assert!(Theirs::Unreadable
        .notice("Acme")
        .contains("stays on this page"));
    assert!(Theirs::Deleted.notice("Acme").contains("deleted"));
    assert!(Theirs::Record(2)
        .notice("Acme")
        .contains("newer version is shown"));
}

#[test]
fn a_merge_notice_names_each_conflicting_field_with_both_values() {
    let calm = merged_notice("Acme", &[]);
    assert!(calm.contains("Both sets of changes are kept"));
    let conflict = Conflict {
        field: "Notes".into(),
        mine: "Call Ann".into(),
        theirs: "Call Bo".into(),
    };
    let text = merged_notice("Acme", &[conflict]);
    assert!(
        text.contains("Notes: yours “Call Ann”, the other tab’s “Call Bo”"),
        "{text}"
    );
}

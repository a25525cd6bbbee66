//! Saving: when to write (debounced, on page hide), and executing the save
//! engine's plans against local storage. What to write is decided by
//! [`crate::present::save`], natively tested.

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::prelude::*;

use super::{ClientSlot, NoticeAction, NoticeKind, Persistence, Store};
use crate::domain::{Client, Id};
use crate::edge::local_storage::LocalStore;
use crate::present::save::{failure_notice, merged_notice, run, SaveBook, Step, Theirs};
use crate::storage::compact::{encode_client_at, encode_meta, stored_rev, Meta};
use crate::storage::decode_client;
use crate::storage::local::{client_key, META_KEY};
use crate::storage::merge::{merge_three_way, Conflict};
use crate::ui::split::{split_call, split_point, PieceMissing};

/// How long after a change the save happens, at most.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// What the save machinery knows that the UI does not need to react to.
#[derive(Default)]
pub(super) struct Saver {
    pub(super) storage: Option<LocalStore>,
    pub(super) book: SaveBook,
    /// Each unsaved client as it was before its first unsaved change: the
    /// common ancestor when another tab saved it meanwhile.
    pub(super) bases: BTreeMap<Id, Client>,
    /// After a merge with conflicts, this tab's values for them ("keep mine").
    pub(super) mine: BTreeMap<Id, Client>,
    timer: Option<TimeoutHandle>,
}

impl Store {
    /// Marks a client (and/or the index) unsaved and schedules a save.
    pub(super) fn changed(self, id: Option<&Id>, meta: bool) {
        if self.demo.get_untracked() {
            return;
        }
        self.count_changes(1);
        let needs_timer = self
            .saver
            .try_update_value(|s| {
                if let Some(id) = id {
                    s.book.changed(id);
                }
                if meta {
                    s.book.meta_changed();
                }
                s.timer.is_none() && s.storage.is_some()
            })
            .unwrap_or(false);
        if needs_timer {
            preload_saving();
            let handle = set_timeout_with_handle(move || self.flush(), SAVE_DELAY).ok();
            self.saver.update_value(|s| s.timer = handle);
        }
    }

    /// Writes every unsaved client: at once when the saving code is loaded
    /// (it is fetched early, see [`preload_saving`]), so a save on page hide
    /// is synchronous; otherwise as soon as it arrives.
    pub fn flush(self) {
        self.try_flush();
    }

    /// [`Store::flush`], saying whether it is done: false while the saving
    /// code is still on its way.
    pub(super) fn try_flush(self) -> bool {
        if self.saving_paused() {
            return true;
        }
        now_or_soon(async move {
            if split_call!(write_changes(self)).is_err() {
                // Still marked unsaved: the next change or flush tries again.
                self.piece_missing("save your latest changes (they are still on this page)");
            }
        })
    }

    /// Nothing is saved while the demo is shown or the data is read-only.
    fn saving_paused(self) -> bool {
        self.demo.get_untracked() || self.persistence.get_untracked() == Persistence::ReadOnly
    }

    /// Writes every unsaved client now, for code that already runs in a
    /// loaded piece of the app (import, the demo).
    pub(super) fn flush_now(self) {
        if !self.saving_paused() {
            self.write_now();
        }
    }

    /// Runs one save: plan, write, record, then take in what other tabs
    /// saved meanwhile.
    fn write_now(self) {
        let Some(Some(storage)) = self.saver.try_update_value(|s| {
            if let Some(t) = s.timer.take() {
                t.clear();
            }
            s.storage.clone()
        }) else {
            return;
        };
        // Found by id through one index: an import saves thousands of
        // clients, and a scan per client made that quadratic.
        let slots: BTreeMap<Id, ClientSlot> = self.clients.with_untracked(|cs| {
            crate::domain::sorting::map_from(cs.iter().map(|s| (s.id.clone(), s.clone())))
        });
        let exists = |id: &Id| slots.contains_key(id);
        let plan = self.saver.with_value(|s| {
            s.book.plan(exists, |id| {
                storage.get(&client_key(id)).as_deref().and_then(stored_rev)
            })
        });
        let outcome = run(plan.steps, |step| match step {
            Step::Write(id, rev) => match slots.get(id) {
                Some(slot) => storage.set(
                    &client_key(id),
                    &slot.client.with_untracked(|c| encode_client_at(*rev, c)),
                ),
                None => Ok(()),
            },
            Step::Remove(id) => {
                storage.remove(&client_key(id));
                Ok(())
            }
            Step::Meta => storage.set(META_KEY, &self.encoded_meta()),
        });
        self.saver.update_value(|s| {
            s.book.record(&outcome, exists);
            let book = &s.book;
            s.bases.retain(|id, _| book.is_unsaved(id));
        });
        for id in plan.stale {
            let Some(slot) = self.find(&id) else { continue };
            let name = slot.client.with_untracked(|c| c.profile.name.clone());
            let taken = self.take_theirs(&slot, storage.get(&client_key(&id)).as_deref());
            self.tell_taken(&id, &name, &taken);
        }
        let before = self.persistence.get_untracked();
        let after = before.after_save(outcome.failure.as_ref());
        if let Some(e) = &outcome.failure {
            if before != after {
                self.notify(
                    NoticeKind::Error,
                    &failure_notice(e),
                    Some(NoticeAction::Export),
                );
            }
        } else if before.is_failing() {
            self.notify(NoticeKind::Info, "All your changes are saved again.", None);
        }
        self.set.persistence.set(after);
    }

    /// The index record (owner and order of the clients), read in place
    /// rather than from a copy of every client.
    fn encoded_meta(self) -> String {
        let order = self
            .clients
            .with_untracked(|cs| cs.iter().map(|s| s.id.clone()).collect());
        self.owner
            .with_untracked(|owner| encode_meta(&Meta::new(owner, order)))
    }

    /// Loads another tab's version of a client (or drops it if deleted
    /// there). With unsaved changes here, the two versions are merged against
    /// the one this tab started from, and the merge is saved next.
    pub(super) fn take_theirs(self, slot: &ClientSlot, stored: Option<&str>) -> Taken {
        let theirs = match stored.map(decode_client) {
            Some(Ok(theirs)) => theirs,
            // Unreadable: ours stays in memory, unsaved; the next start-up
            // sets the stored text aside.
            Some(Err(_)) => return self.mark_theirs(slot, Theirs::Unreadable),
            None => {
                self.set.clients.update(|cs| cs.retain(|s| s.id != slot.id));
                return self.mark_theirs(slot, Theirs::Deleted);
            }
        };
        let ours = slot.client.get_untracked();
        let base = self
            .saver
            .with_value(|s| {
                s.book
                    .is_unsaved(&slot.id)
                    .then(|| s.bases.get(&slot.id).cloned())
            })
            .flatten();
        let Some(base) = base.filter(|b| b != &ours) else {
            self.change_record(slot, |c| *c = theirs.client);
            return self.mark_theirs(slot, Theirs::Record(theirs.rev));
        };
        let merged = merge_three_way(&base, &ours, &theirs.client);
        let keeps_ours = merged.client != theirs.client;
        self.change_record(slot, |c| *c = merged.client);
        self.saver.update_value(|s| {
            s.book.theirs(&slot.id, &Theirs::Record(theirs.rev));
            // What storage holds now is what the merge builds on.
            s.bases.insert(slot.id.clone(), theirs.client);
            if merged.conflicts.is_empty() {
                s.mine.remove(&slot.id);
            } else {
                s.mine.insert(slot.id.clone(), merged.mine_kept);
            }
        });
        if keeps_ours {
            self.changed(Some(&slot.id), false);
        }
        Taken::Merged(merged.conflicts)
    }

    fn mark_theirs(self, slot: &ClientSlot, theirs: Theirs) -> Taken {
        self.saver.update_value(|s| {
            s.book.theirs(&slot.id, &theirs);
            s.bases.remove(&slot.id);
        });
        Taken::Plain(theirs)
    }

    /// Tells the user what taking in another tab's version did.
    pub(super) fn tell_taken(self, id: &Id, name: &str, taken: &Taken) {
        match taken {
            Taken::Plain(theirs) => self.notify(NoticeKind::Warning, &theirs.notice(name), None),
            Taken::Merged(conflicts) if conflicts.is_empty() => {
                self.notify(NoticeKind::Info, &merged_notice(name, conflicts), None)
            }
            Taken::Merged(conflicts) => self.notify(
                NoticeKind::Warning,
                &merged_notice(name, conflicts),
                Some(NoticeAction::KeepMine(id.clone())),
            ),
        }
    }

    /// "Keep my version of these": this tab's values for the fields that
    /// conflicted in the last merge of this client.
    pub fn keep_mine(self, id: &Id) {
        if let Some(mine) = self.saver.try_update_value(|s| s.mine.remove(id)).flatten() {
            self.edit(id, |c| *c = mine);
        }
    }

    /// The storage, when there is one (for Settings and downloads).
    pub fn local_store(self) -> Option<LocalStore> {
        self.saver.with_value(|s| s.storage.clone())
    }

    /// Whether any change is not yet saved.
    pub fn has_unsaved(self) -> bool {
        self.saver.with_value(|s| s.book.has_unsaved())
    }
}

split_point!(
    saved_data,
    /// Encodes and writes every unsaved client.
    fn write_changes(store: Store) -> Result<(), PieceMissing> {
        store.write_now();
        Ok(())
    }
);

/// Fetches the saving code before it is needed (once stored data is read, or
/// when someone with no data yet starts using the page). A failed fetch is
/// reported by the save that needs it.
pub(super) fn preload_saving() {
    #[cfg(continuum_split)]
    wasm_bindgen_futures::spawn_local(async {
        let _ = __wasm_split_preload_write_changes().await;
    });
}

/// On a first visit nothing is stored yet: the saving code is fetched as
/// soon as the user starts doing something (a press, a key, a field
/// focused), long before a first change can be saved, and not as part of
/// the first load.
pub(super) fn preload_saving_on_first_use() {
    let started = std::rc::Rc::new(std::cell::Cell::new(false));
    for event in ["pointerdown", "keydown", "focusin"] {
        let started = started.clone();
        let _ = window_event_listener_untyped(event, move |_| {
            if !started.replace(true) {
                preload_saving();
            }
        });
    }
}

/// Runs a call of a split function at once when its piece of the app is
/// already loaded (always, in builds that are not split, such as the browser
/// tests), or else as soon as the piece has arrived; true when it ran at
/// once. Polled once here: the first poll either finishes the call or starts
/// the fetch, and the executor polls it from then on.
pub(super) fn now_or_soon(call: impl std::future::Future<Output = ()> + 'static) -> bool {
    let mut call = Box::pin(call);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    if call.as_mut().poll(&mut cx).is_pending() {
        wasm_bindgen_futures::spawn_local(call);
        return false;
    }
    true
}

/// What taking in another tab's version of a client did.
pub(super) enum Taken {
    /// Theirs replaced ours (or ours stayed, if theirs was unreadable).
    Plain(Theirs),
    /// Both versions were merged; these fields conflicted.
    Merged(Vec<Conflict>),
}

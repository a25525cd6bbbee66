//! Page life and other tabs: saving as the page hides or closes, and taking
//! in what another tab or window of Continuum saved.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::saving::{now_or_soon, Taken};
use super::Store;
use crate::domain::Id;
use crate::present::save::Theirs;
use crate::storage::compact::decode_meta;
use crate::storage::decode_client;
use crate::storage::local::{self, client_id_from_key, META_KEY};
use crate::ui::split::{split_call, split_point, PieceMissing};

impl Store {
    /// Saves when the page is hidden or closed, and follows other tabs. The
    /// listeners live as long as the page (the store is never dropped).
    pub(super) fn listen(self) {
        let _ = window_event_listener(leptos::ev::pagehide, move |_| self.flush());
        // Saving as the page closes is synchronous, unless the saving code
        // has not arrived yet (the first moments of a first visit, or a
        // failed fetch): then the browser asks before leaving, instead of
        // the change being lost without a word.
        let _ = window_event_listener(leptos::ev::beforeunload, move |e| {
            if !self.try_flush() && self.has_unsaved() {
                e.prevent_default();
            }
        });
        // `visibilitychange` fires at the document and bubbles to the window.
        let _ = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                self.flush();
            }
        });
        let _ = window_event_listener(leptos::ev::storage, move |e| {
            now_or_soon(async move {
                if split_call!(follow_other_tab(self, e)).is_err() {
                    self.piece_missing("bring in what another tab saved");
                }
            });
        });
    }

    fn on_storage_event(self, e: &web_sys::StorageEvent) {
        if self.demo.get_untracked() {
            return;
        }
        let Some(key) = e.key() else { return };
        if let Some(id) = client_id_from_key(&key) {
            self.other_tab_saved_client(id, e.new_value().as_deref());
        } else if key == META_KEY {
            if let Some(Ok(meta)) = e.new_value().as_deref().map(decode_meta) {
                self.set.owner.set(meta.owner);
                let order: BTreeMap<Id, usize> = crate::domain::sorting::map_from(
                    meta.order.into_iter().enumerate().map(|(i, id)| (id, i)),
                );
                self.set.clients.update(|cs| {
                    crate::domain::sorting::sort_by_key(cs, |s| {
                        order.get(&s.id).copied().unwrap_or(usize::MAX)
                    })
                });
            }
        } else if let Some(info) = local::parse_backup_key(&key) {
            if e.new_value().is_some() {
                self.set.backups.update(|b| {
                    if !b.iter().any(|x| x.key == info.key) {
                        b.insert(0, info);
                    }
                });
            } else {
                self.backup_removed(&key);
            }
        }
    }

    fn other_tab_saved_client(self, id: Id, stored: Option<&str>) {
        let unsaved = self.saver.with_value(|s| s.book.is_unsaved(&id));
        match self.find(&id) {
            Some(slot) => {
                let name = slot.client.with_untracked(|c| c.profile.name.clone());
                let taken = self.take_theirs(&slot, stored);
                if unsaved || matches!(taken, Taken::Plain(Theirs::Unreadable)) {
                    self.tell_taken(&id, &name, &taken);
                }
            }
            None => {
                if let Some(Ok(stored)) = stored.map(decode_client) {
                    let slot = self.slot(stored.client);
                    self.saver.update_value(|s| s.book.arrived(&id, stored.rev));
                    self.set.clients.update(|cs| cs.push(slot));
                }
            }
        }
    }
}

split_point!(
    saved_data,
    /// Takes in what another tab or window saved.
    fn follow_other_tab(store: Store, event: web_sys::StorageEvent) -> Result<(), PieceMissing> {
        store.on_storage_event(&event);
        Ok(())
    }
);

split_point!(
    saved_data,
    /// "Keep my version of these" on a notice about another tab's change.
    /// Only this piece raises that notice, so it is loaded by then; as a
    /// split point, the merge's bookkeeping stays out of the shell.
    pub fn keep_my_version(store: Store, client: Id) -> Result<(), PieceMissing> {
        store.keep_mine(&client);
        Ok(())
    }
);

//! Every change to the portfolio: the one path through which pages change
//! the state, each also telling the save engine what became unsaved.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::{new_id, now_stamp, ClientSlot, Store};
use crate::domain::changes::stamp_edit;
use crate::domain::{demo_portfolio, Client, Id, Portfolio};
use crate::edge::session;
use crate::present::save::WriteError;
use crate::storage::local;
use crate::ui::split::{split_point, PieceMissing};

/// The user's own data, kept aside while the demo is shown.
pub(super) struct OwnData {
    owner: String,
    clients: Vec<ClientSlot>,
}

impl Store {
    /// Adds a new client with a name and returns its id.
    pub fn add_client(self, name: &str) -> Id {
        let mut id = new_id("c");
        while self.find(&id).is_some() {
            id = new_id("c");
        }
        let mut client = Client::new(id.clone(), name.trim());
        client.profile.owner = self.owner.get_untracked();
        let slot = self.slot(client);
        self.set.clients.update(|cs| cs.push(slot));
        self.changed(Some(&id), true);
        id
    }

    /// Changes one client; only that client is re-computed and saved.
    pub fn edit(self, id: &Id, change: impl FnOnce(&mut Client)) {
        if let Some(slot) = self.find(id) {
            // The version before the first unsaved change: the common
            // ancestor if another tab saves this client meanwhile.
            if !self.demo.get_untracked() {
                self.saver.update_value(|s| {
                    if !s.book.is_unsaved(id) {
                        s.bases.insert(id.clone(), slot.client.get_untracked());
                    }
                });
            }
            // Stamped by comparing before and after, so no edit can forget
            // when it was made (merging takes the newer version).
            let now = now_stamp();
            self.change_record(&slot, |c| {
                let before = c.clone();
                change(c);
                stamp_edit(&before, c, now);
            });
            self.changed(Some(id), false);
        }
    }

    /// Skips the gut call of one check-up (see `domain::gut`): its reasons
    /// show without a gut placement.
    pub fn skip_gut_call(self, assessment: &Id) {
        if !self.gut_skipped.with_untracked(|s| s.contains(assessment)) {
            self.set.gut_skipped.update(|s| s.push(assessment.clone()));
        }
    }

    pub fn set_owner(self, owner: &str) {
        self.set.owner.set(owner.trim().to_string());
        self.changed(None, true);
    }

    /// Deletes a client; [`Store::undo_delete`] brings it back.
    pub fn delete(self, id: &Id) {
        let mut removed = None;
        self.set.clients.update(|cs| {
            if let Some(i) = cs.iter().position(|s| &s.id == id) {
                let slot = cs.remove(i);
                removed = Some((i, slot.client.get_untracked()));
            }
        });
        if let Some(r) = removed {
            self.set.deleted.set(Some(r));
            if !self.demo.get_untracked() {
                self.saver.update_value(|s| s.book.deleted(id));
            }
            self.changed(None, true);
        }
    }

    pub fn undo_delete(self) {
        // Taken out rather than copied: nothing else in the shell copies a
        // whole client, so no copying code for one is in the first load.
        if let Some(Some((i, client))) = self.set.deleted.try_update(Option::take) {
            let id = client.id.clone();
            let slot = self.slot(client);
            self.set
                .clients
                .update(|cs| cs.insert(i.min(cs.len()), slot));
            self.changed(Some(&id), true);
        }
    }

    /// Drops the offer to undo the last deletion.
    pub fn forget_deleted(self) {
        self.set.deleted.set(None);
    }

    /// Puts a whole new portfolio in place (import, restore), writing only
    /// the clients that differ. `backup` is written first; if it cannot be
    /// written, nothing changes and the error is returned.
    pub fn replace_all(
        self,
        portfolio: Portfolio,
        backup: Option<(String, String)>,
    ) -> Result<(), WriteError> {
        if let Some((key, value)) = &backup {
            if let Some(storage) = self.local_store() {
                storage.set(key, value)?;
                if let Some(info) = local::parse_backup_key(key) {
                    self.set.backups.update(|b| b.insert(0, info));
                }
            }
        }
        let before = self.portfolio();
        let changes = local::changes(&before, &portfolio);
        let mut old: BTreeMap<Id, ClientSlot> = self.clients.with_untracked(|cs| {
            crate::domain::sorting::map_from(cs.iter().map(|s| (s.id.clone(), s.clone())))
        });
        let slots: Vec<ClientSlot> = portfolio
            .clients
            .into_iter()
            .map(|c| match old.remove(&c.id) {
                Some(slot) => {
                    if slot.client.with_untracked(|x| x != &c) {
                        self.change_record(&slot, |x| *x = c);
                    }
                    slot
                }
                None => self.slot(c),
            })
            .collect();
        self.set.owner.set(portfolio.owner);
        self.set.clients.set(slots);
        if !self.demo.get_untracked() {
            self.saver.update_value(|s| {
                for id in &changes.upsert {
                    s.book.changed(id);
                }
                for id in &changes.remove {
                    s.book.deleted(id);
                }
                if changes.meta {
                    s.book.meta_changed();
                }
            });
            self.count_changes(changes.upsert.len() + changes.remove.len());
        }
        self.flush_now();
        Ok(())
    }

    /// A backup was deleted in Settings.
    pub fn backup_removed(self, key: &str) {
        self.set.backups.update(|b| b.retain(|x| x.key != key));
    }

    /// Shows the demo portfolio; the user's own data is kept aside, untouched.
    pub fn enter_demo(self) {
        if self.demo.get_untracked() {
            return;
        }
        self.flush_now();
        let own = OwnData {
            owner: self.owner.get_untracked(),
            clients: self.clients.get_untracked(),
        };
        self.own.set_value(Some(own));
        self.set.demo.set(true);
        session::remember_demo(true);
        self.show(demo_portfolio(self.today.get_untracked()));
    }

    /// Leaves the demo and brings back the user's own data.
    pub fn leave_demo(self) {
        if let Some(own) = self.own.try_update_value(|o| o.take()).flatten() {
            self.set.owner.set(own.owner);
            self.set.clients.set(own.clients);
        }
        self.set.demo.set(false);
        session::remember_demo(false);
    }
}

split_point!(
    board,
    /// "Open the demo portfolio" (and a reload while it was open): its code
    /// loads with the board, which opens next.
    pub fn open_demo(store: Store) -> Result<(), PieceMissing> {
        store.enter_demo();
        Ok(())
    }
);

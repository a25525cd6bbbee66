//! The backup status record (`present::backup`) kept in local storage under
//! its own key: counted on every change, reset when everything is saved to a
//! file, and its reminder snoozed or its cadence chosen. Each update reads
//! the stored record first, so tabs add to one count.

use leptos::prelude::*;

use super::Store;
use crate::edge::local_storage::LocalStore;
use crate::present::backup::{BackupRecord, Cadence, BACKUP_STATUS_KEY};

/// The stored record (a fresh one where local storage cannot be read).
pub(super) fn stored_record() -> BackupRecord {
    let text = LocalStore::open()
        .ok()
        .and_then(|s| s.get(BACKUP_STATUS_KEY));
    BackupRecord::decode(text.as_deref())
}

impl Store {
    /// Applies `change` to the stored record (or to this tab's copy when
    /// storage is unavailable) and shows the outcome.
    pub(super) fn update_backup(self, change: impl FnOnce(&mut BackupRecord)) {
        let storage = self.local_store();
        let mut record = match &storage {
            Some(s) => BackupRecord::decode(s.get(BACKUP_STATUS_KEY).as_deref()),
            None => self.backup.get_untracked(),
        };
        change(&mut record);
        if let Some(s) = storage {
            // A full storage only loses the count, never the user's data.
            let _ = s.set(BACKUP_STATUS_KEY, &record.encode());
        }
        self.set.backup.set(record);
    }

    /// `n` changes to the user's own data were made (not the demo's).
    pub(super) fn count_changes(self, n: usize) {
        if n == 0 || self.demo.get_untracked() {
            return;
        }
        let today = self.today.get_untracked();
        self.update_backup(|r| {
            for _ in 0..n {
                r.changed(today);
            }
        });
    }

    /// Everything was saved to a file (an export of everything).
    pub fn saved_to_file(self) {
        let today = self.today.get_untracked();
        self.update_backup(|r| r.saved(today));
    }

    /// An automatic backup to the chosen folder was written.
    pub fn saved_automatically(self) {
        let today = self.today.get_untracked();
        self.update_backup(|r| r.saved_automatically(today));
    }

    /// The reminder was dismissed: it stays away for one more period.
    pub fn snooze_reminder(self) {
        let today = self.today.get_untracked();
        self.update_backup(|r| r.snooze(today));
    }

    pub fn set_reminder_cadence(self, cadence: Cadence) {
        self.update_backup(|r| r.cadence = cadence);
    }

    /// Re-reads the record (another tab may have exported meanwhile).
    pub fn refresh_backup(self) {
        self.set.backup.set(stored_record());
    }
}

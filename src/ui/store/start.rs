//! Start-up: reading what local storage holds and saying what was found.

use leptos::prelude::*;

use super::saving::{now_or_soon, preload_saving, preload_saving_on_first_use};
use super::{NoticeAction, NoticeKind, Persistence, Store};
use crate::edge::local_storage::{ask_persistent, LocalStore};
use crate::edge::session;
use crate::present::save::{SaveBook, WriteError};
use crate::storage::local;
use crate::ui::split::{split_call, split_point, PieceMissing};

impl Store {
    pub(super) fn start(self) {
        match LocalStore::open() {
            Ok(storage) => {
                let entries = storage.entries();
                if !local::holds_saved_data(&entries) {
                    // A first visit: nothing to read, so the reading code is
                    // not even fetched.
                    self.saver.update_value(|s| s.storage = Some(storage));
                    preload_saving_on_first_use();
                    self.resume_demo();
                    return;
                }
                self.set.ready.set(false);
                let now = super::now_iso();
                now_or_soon(async move {
                    // The pages keep waiting if the reading code cannot be
                    // fetched: an empty board would look like lost data.
                    if split_call!(read_saved(self, storage, entries, now)).is_err() {
                        self.piece_missing("open your saved data (nothing stored was changed)");
                        return;
                    }
                    self.set.ready.set(true);
                    self.resume_demo();
                    // Someone with data will edit it: have saving ready.
                    preload_saving();
                });
            }
            Err(e) => {
                self.set.persistence.set(Persistence::InMemory(e.0.clone()));
                self.notify(
                    NoticeKind::Error,
                    "This browser does not let Continuum use its local storage (it may be switched off, or this is a private window). You can work, but nothing is kept after this page closes: export a file to keep your work.",
                    Some(NoticeAction::Export),
                );
            }
        }
    }

    /// A reload while the demo was open keeps the demo open (the user's
    /// own data is read first and kept aside, as when it was opened).
    fn resume_demo(self) {
        if !session::demo_was_open() {
            return;
        }
        // The pages wait meanwhile: a demo client's page must not say
        // "not found" while the demo's code arrives.
        self.set.ready.set(false);
        now_or_soon(async move {
            if split_call!(super::open_demo(self)).is_err() {
                self.piece_missing("reopen the demo");
            }
            self.set.ready.set(true);
        });
    }

    /// Shows what start-up read and tells the user what it found.
    fn finish_start(
        self,
        storage: LocalStore,
        loaded: local::Loaded,
        tidied: Result<(), WriteError>,
    ) {
        if !loaded.newer.is_empty() {
            self.set.persistence.set(Persistence::ReadOnly);
            self.notify(
                NoticeKind::Error,
                "This browser holds data saved by a newer version of Continuum. To protect it, nothing is saved here: reload the page to get the newer version.",
                None,
            );
        } else if let Err(e) = tidied {
            self.set
                .persistence
                .set(Persistence::Saved.after_save(Some(&e)));
            self.notify(
                NoticeKind::Error,
                &format!("Continuum could not tidy up its storage at start ({e}). Your data is shown and nothing was removed."),
                Some(NoticeAction::Export),
            );
        }
        for q in &loaded.quarantined {
            self.notify(
                NoticeKind::Warning,
                &format!(
                    "One stored record could not be read ({}: {}). It was set aside unchanged; everything else is here. Download it to keep it or to send it for help.",
                    q.key, q.reason
                ),
                Some(NoticeAction::DownloadRaw(q.quarantine_key.clone())),
            );
        }
        if let Some(v) = loaded.migrated_from {
            self.notify(
                NoticeKind::Info,
                &format!("Your data was upgraded from version {v}. A backup of the old data is listed in Settings."),
                None,
            );
        }
        self.set.backups.set(loaded.backups);
        self.set.quarantine_keys.set(loaded.quarantine_keys);
        self.saver.update_value(|s| {
            s.book = SaveBook::loaded(loaded.revisions);
            s.storage = Some(storage);
        });
        self.show(loaded.portfolio);
        wasm_bindgen_futures::spawn_local(async {
            ask_persistent().await;
        });
    }
}

split_point!(
    saved_data,
    /// Reads and tidies what local storage holds (decoding, migrations,
    /// setting unreadable records aside), then shows it and says what was
    /// found. Only called when there is something to read; showing it is
    /// here too, so that code is not in the shell a first visit downloads.
    fn read_saved(
        store: Store,
        storage: LocalStore,
        entries: Vec<(String, String)>,
        now: String,
    ) -> Result<(), PieceMissing> {
        let loaded = local::load(&entries, &now);
        // Data from a newer version is never touched, not even tidied.
        let tidied = if loaded.newer.is_empty() {
            storage.apply(&loaded.plan)
        } else {
            Ok(())
        };
        store.finish_start(storage, loaded, tidied);
        Ok(())
    }
);

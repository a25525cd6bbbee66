//! Team files remembered on this browser: kept in IndexedDB
//! ([`TeamDb`]), apart from the local storage that holds the manager's own
//! portfolio. Files remembered in local storage by earlier versions still
//! open, and are moved to IndexedDB on the next visit.

use leptos::prelude::*;

use super::session::{Remembered, TeamSession};
use crate::edge::local_storage::WriteError;
use crate::edge::session;
use crate::edge::team_db::TeamDb;
use crate::storage::file::export_json_compact;
use crate::storage::team_files::{is_team_key, remembered_team_files};
use crate::ui::store::{now_iso, Store};

impl TeamSession {
    /// Once per page load: reopens the demo team if it was open in this tab
    /// before a reload, or else the remembered files, without picking them.
    pub(super) fn restore(self, store: Store) {
        if self.restored.get_untracked() {
            return;
        }
        self.restored.set(true);
        if session::team_demo_was_open() {
            self.open_demo(store.today.get_untracked());
            return;
        }
        let legacy = store
            .local_store()
            .map(|s| remembered_team_files(&s.entries()))
            .unwrap_or_default();
        self.progress.set(Some((0, 0)));
        leptos::task::spawn_local(async move {
            let mut files = match TeamDb::open().await {
                Ok(db) => db.load().await.unwrap_or_default(),
                Err(_) => Vec::new(),
            };
            let moving = !legacy.is_empty();
            files.extend(legacy);
            // Files opened meanwhile (picked while this looked) stay as they are.
            if files.is_empty() || !self.members.with_untracked(Vec::is_empty) {
                self.progress.set(None);
                return;
            }
            self.read_all(files, store.today.get_untracked(), Remembered)
                .await;
            self.remembered.set(true);
            if moving {
                self.remember(store);
            }
        });
    }

    /// Removes every remembered team file from this browser (IndexedDB, and
    /// local storage where earlier versions kept them).
    pub(super) fn forget_stored(store: Store) {
        forget_legacy(store);
        leptos::task::spawn_local(async {
            if let Ok(db) = TeamDb::open().await {
                let _ = db.replace_all(Vec::new()).await;
            }
        });
    }

    /// Keeps the opened files on this browser; if they do not fit, nothing
    /// is kept and the session copy stays open.
    pub(super) fn remember(self, store: Store) {
        if self.demo.get_untracked() {
            return;
        }
        self.status
            .set(Some("Remembering these files on this browser…".into()));
        leptos::task::spawn_local(async move {
            let result = match TeamDb::open().await {
                Ok(db) => {
                    let exported_at = now_iso();
                    // Each file's text is made as it is handed over, so the
                    // whole team's text is never held at once.
                    let started = self.members.with_untracked(|ms| {
                        db.start_replace(ms.iter().map(|m| {
                            (
                                m.file.clone(),
                                export_json_compact(&m.portfolio, &exported_at),
                            )
                        }))
                    });
                    let result = match started {
                        Ok(pending) => pending.done().await,
                        Err(e) => Err(e),
                    };
                    if result.is_err() {
                        let _ = db.replace_all(Vec::new()).await;
                    }
                    result
                }
                Err(e) => Err(e),
            };
            match result {
                Ok(()) => {
                    forget_legacy(store);
                    self.remembered.set(true);
                    self.status.set(Some(
                        "These files are remembered on this browser, apart from your own portfolio. Close forgets them.".into(),
                    ));
                }
                Err(e) => {
                    self.remembered.set(false);
                    let why = match e {
                        WriteError::Full => {
                            "there is not enough room left in this browser's storage".to_string()
                        }
                        WriteError::Other(e) => e,
                    };
                    self.status.set(Some(format!(
                        "These files could not be remembered: {why}. They stay open until the page is closed; your own portfolio is unchanged."
                    )));
                }
            }
        });
    }
}

/// Removes team files that earlier versions kept in local storage (never
/// any other key).
fn forget_legacy(store: Store) {
    if let Some(storage) = store.local_store() {
        for (key, _) in storage.entries() {
            if is_team_key(&key) {
                storage.remove(&key);
            }
        }
    }
}

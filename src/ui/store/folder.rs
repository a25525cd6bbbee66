//! Automatic backups to a folder: the chosen folder's handle (kept in
//! IndexedDB, `edge::idb`), asking for permission again, the passphrase for
//! locked backups (kept in memory only, for this page's life), and writing
//! the day's backup whenever `present::folder` says one is due: at start,
//! when the day changes and after changes. Opening the folder, the effect
//! that watches for a due backup and the writing code are a piece of the
//! app, fetched only where a folder was chosen.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::{now_iso, NoticeKind, Store};
use crate::edge::crypto::lock;
use crate::edge::folder::{
    can_choose_folder, choose_folder, folder_name, may_write, write_backup, FolderError,
};
use crate::edge::idb;
use crate::present::folder::{folder_step, FolderState, FolderStep};
use crate::storage::file::export_json;
use crate::ui::split::{split_call, split_point, PieceMissing};

/// What this tab holds about the folder besides its state: never stored
/// (the handle is in IndexedDB; the passphrase nowhere).
#[derive(Default)]
pub(super) struct Kept {
    handle: Option<JsValue>,
    passphrase: Option<String>,
    busy: bool,
    /// The effect that writes due backups is running (see `watch_folder`).
    watching: bool,
}

impl Store {
    /// At start: opens the folder chosen before (if any). Where no folder
    /// was chosen, nothing more happens here, and the code that writes
    /// backups is not even fetched.
    pub(super) fn follow_folder(self) {
        if !can_choose_folder() {
            self.set.folder.set(FolderState::Unsupported);
        } else if self.backup.with_untracked(|r| r.folder.is_some()) {
            self.set.folder.set(FolderState::Opening);
            leptos::task::spawn_local(async move {
                if split_call!(open_kept_folder(self)).is_err() {
                    self.piece_missing("open your backup folder");
                }
            });
        }
    }

    /// Writes a backup whenever one is due: at once, when the day changes
    /// and after changes. Started (once) where a folder is opened or chosen,
    /// so this runs in the folder's piece of the app rather than the shell
    /// every first visit downloads; before that no folder can be written to
    /// (only [`FolderState::Allowed`] writes), so nothing is missed.
    fn watch_folder(self) {
        if self.kept.with_value(|k| k.watching) {
            return;
        }
        self.kept.update_value(|k| k.watching = true);
        // Owned by the app's root, not by the page or task that started it.
        self.root
            .with_value(|owner| owner.with(|| Effect::new(move |_| self.write_if_due())));
    }

    /// The effect's body: what [`folder_step`] says, for the state now.
    fn write_if_due(self) {
        let today = self.today.get();
        if !self.ready.get() || self.demo.get() {
            return;
        }
        let has_passphrase = self.folder_passphrase.get();
        let step = self.folder.with(|state| {
            self.backup
                .with(|r| folder_step(r, state, has_passphrase, today))
        });
        if let FolderStep::Write { name, locked } = step {
            if self.kept.with_value(|k| k.busy) {
                return;
            }
            self.kept.update_value(|k| k.busy = true);
            leptos::task::spawn_local(async move {
                if split_call!(write_due_backup(self, name, locked)).is_err() {
                    self.kept.update_value(|k| k.busy = false);
                    self.piece_missing("write today's backup to your folder");
                }
            });
        }
    }

    async fn open_kept(self) {
        self.watch_folder();
        let Some(handle) = idb::kept_folder().await else {
            // The handle is gone (site data cleared): the choice is too.
            self.update_backup(|r| r.folder = None);
            self.set.folder.set(FolderState::NotChosen);
            return;
        };
        let name = folder_name(&handle);
        let allowed = may_write(&handle, false).await;
        self.kept.update_value(|k| k.handle = Some(handle));
        self.set.folder.set(if allowed {
            FolderState::Allowed(name)
        } else {
            FolderState::MustAllow(name)
        });
    }

    async fn write_due(self, name: String, locked: bool) {
        let (handle, passphrase) = self
            .kept
            .with_value(|k| (k.handle.clone(), k.passphrase.clone()));
        let outcome = match handle {
            Some(handle) => self.write_to(&handle, &name, locked, passphrase).await,
            None => Err("the folder is not open".to_string()),
        };
        self.kept.update_value(|k| k.busy = false);
        match outcome {
            Ok(()) => self.saved_automatically(),
            Err(reason) => {
                let folder = self
                    .folder
                    .with_untracked(|s| s.name().unwrap_or_default().to_string());
                let handle = self.kept.with_value(|k| k.handle.clone());
                let allowed = match &handle {
                    Some(h) => may_write(h, false).await,
                    None => true,
                };
                self.set.folder.set(if allowed {
                    FolderState::Failed { folder, reason }
                } else {
                    FolderState::MustAllow(folder)
                });
            }
        }
    }

    async fn write_to(
        self,
        folder: &JsValue,
        name: &str,
        locked: bool,
        passphrase: Option<String>,
    ) -> Result<(), String> {
        let mut text = export_json(&self.portfolio(), &now_iso());
        if locked {
            let passphrase = passphrase.ok_or("the passphrase was not typed")?;
            text = lock(&text, &passphrase).await.map_err(|e| e.to_string())?;
        }
        write_backup(folder, name, &text)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    }

    /// "Choose a backup folder": the browser's folder picker, then the
    /// handle is kept and a backup follows when one is due.
    pub async fn choose_backup_folder(self) {
        let handle = match choose_folder().await {
            Ok(handle) => handle,
            Err(FolderError::Cancelled) => return,
            Err(e) => {
                return self.notify(
                    NoticeKind::Error,
                    &format!("No folder was chosen: {e}."),
                    None,
                )
            }
        };
        if idb::keep_folder(&handle).await.is_err() {
            // Without the handle kept, backups would stop at the next visit.
            self.notify(
                NoticeKind::Warning,
                "This browser would not remember the folder: backups go there until this page closes.",
                None,
            );
        }
        let name = folder_name(&handle);
        self.kept.update_value(|k| k.handle = Some(handle));
        self.watch_folder();
        self.update_backup(|r| {
            r.folder = Some(name.clone());
            // A new folder gets today's file even if another had one.
            r.last_automatic = None;
        });
        self.set.folder.set(FolderState::Allowed(name));
    }

    /// "Allow backups to … again": the browser asks the user (this must
    /// follow the click).
    pub async fn allow_folder_again(self) {
        let Some(handle) = self.kept.with_value(|k| k.handle.clone()) else {
            return;
        };
        if may_write(&handle, true).await {
            self.set
                .folder
                .set(FolderState::Allowed(folder_name(&handle)));
        }
    }

    /// "Stop backing up to this folder": the handle is forgotten; the files
    /// already written stay.
    pub async fn forget_backup_folder(self) {
        let _ = idb::forget_folder().await;
        self.kept.update_value(|k| k.handle = None);
        self.update_backup(|r| r.folder = None);
        self.set.folder.set(FolderState::NotChosen);
    }

    /// Locks the folder's backups with `passphrase` (kept in memory until
    /// this page closes), or with `None`, writes them unlocked.
    pub fn set_backup_passphrase(self, passphrase: Option<String>) {
        let locked = passphrase.is_some();
        self.kept.update_value(|k| k.passphrase = passphrase);
        self.set.folder_passphrase.set(locked);
        self.update_backup(|r| r.folder_locked = locked);
    }
}

split_point!(
    settings,
    /// Opens the folder chosen on an earlier visit.
    fn open_kept_folder(store: Store) -> Result<(), PieceMissing> {
        leptos::task::spawn_local(store.open_kept());
        Ok(())
    }
);

split_point!(
    settings,
    /// Writes the day's backup into the folder and trims old ones.
    fn write_due_backup(store: Store, name: String, locked: bool) -> Result<(), PieceMissing> {
        leptos::task::spawn_local(store.write_due(name, locked));
        Ok(())
    }
);

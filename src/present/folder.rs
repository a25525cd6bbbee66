//! Automatic backups to a folder as pure logic: what the folder's state is,
//! whether a backup is to be written now, and how the status is worded.
//! The browser's part (the folder handle, writing files) is `edge::folder`.

use crate::domain::Date;
use crate::present::backup::{automatic_file_name, BackupRecord};
use crate::present::format::relative_days;

/// Where automatic backups to a folder stand in this tab.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum FolderState {
    /// The browser cannot write to a folder (no File System Access API).
    Unsupported,
    /// No folder chosen.
    #[default]
    NotChosen,
    /// The chosen folder is being opened (read from IndexedDB, permission).
    Opening,
    /// The folder can be written to.
    Allowed(String),
    /// The browser wants the user to allow writing to the folder again.
    MustAllow(String),
    /// The last backup could not be written (the browser's reason).
    Failed { folder: String, reason: String },
}

impl FolderState {
    /// The chosen folder's name, in any state that has one.
    pub fn name(&self) -> Option<&str> {
        match self {
            FolderState::Allowed(n) | FolderState::MustAllow(n) => Some(n),
            FolderState::Failed { folder, .. } => Some(folder),
            _ => None,
        }
    }
}

/// What to do about the folder now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderStep {
    /// Nothing to write (no folder, no changes, or today's file exists).
    Nothing,
    /// Locked backups were chosen and the passphrase is not in memory.
    WaitForPassphrase,
    /// Write this file now (locked or not).
    Write { name: String, locked: bool },
}

/// Whether to write a backup on `today`: the folder can be written to,
/// there are changes in no file and none was written today; a locked
/// backup also needs the passphrase typed in this session.
pub fn folder_step(
    record: &BackupRecord,
    state: &FolderState,
    has_passphrase: bool,
    today: Date,
) -> FolderStep {
    if !matches!(state, FolderState::Allowed(_)) || !record.automatic_due(today) {
        return FolderStep::Nothing;
    }
    if record.folder_locked && !has_passphrase {
        return FolderStep::WaitForPassphrase;
    }
    FolderStep::Write {
        name: automatic_file_name(today, record.folder_locked),
        locked: record.folder_locked,
    }
}

/// Checks the passphrase for locked backups, typed twice (the export's
/// rules, worded for backups).
pub fn check_backup_passphrase(passphrase: &str, again: &str) -> Result<(), &'static str> {
    if passphrase.is_empty() {
        return Err(
            "Type a passphrase to lock backups with, or untick \"Lock backups with a passphrase\".",
        );
    }
    crate::present::passphrase::check(passphrase, again)
}

/// "Backing up to folder Backups; last backup 2026-12-05 (today)." and the
/// other states, in plain words.
pub fn folder_words(
    record: &BackupRecord,
    state: &FolderState,
    has_passphrase: bool,
    today: Date,
) -> String {
    match state {
        FolderState::Unsupported => "This browser cannot write backups to a folder (Chrome, Edge and other Chromium-based browsers can). Export a file instead: the reminder offers the download.".to_string(),
        FolderState::NotChosen => "Choose a folder and Continuum writes a dated backup file there on each day with changes, keeping the last 30.".to_string(),
        FolderState::Opening => "Opening the backup folder…".to_string(),
        FolderState::MustAllow(name) => format!(
            "Backups to folder {name} are paused: this browser wants your permission again to write there."
        ),
        FolderState::Failed { folder, reason } => format!(
            "The backup to folder {folder} could not be written ({reason}). It is tried again the next time Continuum opens."
        ),
        FolderState::Allowed(name) => {
            let last = match record.last_automatic {
                Some(day) => format!("last backup {day} ({})", relative_days(-today.days_since(day))),
                None => "no backup written yet".to_string(),
            };
            let lock = match (record.folder_locked, has_passphrase) {
                (false, _) => "",
                (true, true) => " Backups are locked with the passphrase typed in this session.",
                (true, false) => " Backups are waiting for the passphrase: type it below (it is kept only until this page closes).",
            };
            format!("Backing up to folder {name}; {last}.{lock}")
        }
    }
}

#[cfg(test)]
#[path = "folder_tests.rs"]
mod tests;

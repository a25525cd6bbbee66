//! Backup status as pure logic: when the data was last saved to a file, how
//! many changes since, when a reminder is due and how dismissing snoozes it.
//! Dates are passed in. The record is kept in local storage under its own
//! key ([`BACKUP_STATUS_KEY`]), never inside the portfolio.

use crate::domain::Date;
use crate::present::flat_json;
use crate::present::format::{plural, relative_days};

/// Where the record is kept: outside the `continuum…` keys of the portfolio,
/// so the loader ignores it and a first visit stays a first visit.
pub const BACKUP_STATUS_KEY: &str = "backup-status.continuum";

/// How often to remind about changes not saved to any file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Cadence {
    Never,
    #[default]
    Weekly,
    Monthly,
}

impl Cadence {
    pub const ALL: [Cadence; 3] = [Cadence::Never, Cadence::Weekly, Cadence::Monthly];

    /// Days changes may stay unsaved before a reminder (none: never).
    pub fn days(self) -> Option<i32> {
        match self {
            Cadence::Never => None,
            Cadence::Weekly => Some(7),
            Cadence::Monthly => Some(30),
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Cadence::Never => "never",
            Cadence::Weekly => "weekly",
            Cadence::Monthly => "monthly",
        }
    }

    pub fn from_id(id: &str) -> Option<Cadence> {
        Cadence::ALL.into_iter().find(|c| c.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Cadence::Never => "Never",
            Cadence::Weekly => "After a week",
            Cadence::Monthly => "After a month",
        }
    }
}

/// What is known about saving the data to files.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BackupRecord {
    /// The day everything was last saved to a file (an export or an
    /// automatic backup).
    pub last_saved: Option<Date>,
    /// Changes made since then.
    pub changes: u32,
    /// The day of the oldest change not in any file.
    pub unsaved_since: Option<Date>,
    pub cadence: Cadence,
    /// A dismissed reminder stays away until this day.
    pub snoozed_until: Option<Date>,
    /// The day of the last automatic backup to a folder.
    pub last_automatic: Option<Date>,
    /// The name of the folder chosen for automatic backups (its handle is
    /// kept in IndexedDB; the name says whether to look for it at start).
    pub folder: Option<String>,
    /// Automatic backups are locked with a passphrase (kept only in memory).
    pub folder_locked: bool,
}

impl BackupRecord {
    /// Reads a stored record; anything unreadable starts afresh (it holds no
    /// user data, only dates and a count), a field missing or unreadable
    /// takes its default.
    ///
    /// The record is a flat JSON object of dates, a count and a word, read
    /// and written here without `serde_json`: the store reads it at start,
    /// so a JSON library would sit in the first load's wasm for six fields
    /// (about 4 KB gzipped, see docs/performance.md).
    pub fn decode(text: Option<&str>) -> BackupRecord {
        let Some(fields) = text.and_then(flat_json::parse) else {
            return BackupRecord::default();
        };
        let mut record = BackupRecord::default();
        for (key, value) in fields {
            let text = value.text();
            let date = || text.and_then(|t| t.parse::<Date>().ok());
            match key.as_str() {
                "last_saved" => record.last_saved = date(),
                "unsaved_since" => record.unsaved_since = date(),
                "snoozed_until" => record.snoozed_until = date(),
                "last_automatic" => record.last_automatic = date(),
                "changes" => record.changes = value.raw().and_then(|r| r.parse().ok()).unwrap_or(0),
                "cadence" => record.cadence = text.and_then(Cadence::from_id).unwrap_or_default(),
                "folder" => record.folder = text.map(str::to_string),
                "folder_locked" => record.folder_locked = value.raw() == Some("true"),
                _ => {}
            }
        }
        record
    }

    /// The record as the JSON object [`decode`](Self::decode) reads.
    pub fn encode(&self) -> String {
        let date = |d: Option<Date>| d.map_or("null".to_string(), |d| format!("\"{d}\""));
        format!(
            r#"{{"last_saved":{},"changes":{},"unsaved_since":{},"cadence":"{}","snoozed_until":{},"last_automatic":{},"folder":{},"folder_locked":{}}}"#,
            date(self.last_saved),
            self.changes,
            date(self.unsaved_since),
            self.cadence.id(),
            date(self.snoozed_until),
            date(self.last_automatic),
            self.folder
                .as_deref()
                .map_or("null".to_string(), flat_json::quote),
            self.folder_locked,
        )
    }

    /// One change to the portfolio was made on `today`.
    pub fn changed(&mut self, today: Date) {
        self.changes = self.changes.saturating_add(1);
        self.unsaved_since.get_or_insert(today);
    }

    /// Everything was saved to a file on `today`.
    pub fn saved(&mut self, today: Date) {
        self.last_saved = Some(today);
        self.changes = 0;
        self.unsaved_since = None;
        self.snoozed_until = None;
    }

    /// An automatic backup was written on `today` (it is a file too).
    pub fn saved_automatically(&mut self, today: Date) {
        self.saved(today);
        self.last_automatic = Some(today);
    }

    /// Whether to remind on `today`: there are changes in no file, the
    /// oldest is at least the cadence's days old, and it is not snoozed.
    pub fn reminder_due(&self, today: Date) -> bool {
        let (Some(days), Some(since)) = (self.cadence.days(), self.unsaved_since) else {
            return false;
        };
        self.changes > 0
            && today.days_since(since) >= days
            && self.snoozed_until.is_none_or(|until| today >= until)
    }

    /// Dismissing the reminder on `today` puts it off for one more period.
    pub fn snooze(&mut self, today: Date) {
        self.snoozed_until = self.cadence.days().map(|d| today.add_days(d));
    }

    /// Whether an automatic backup is due on `today`: changes in no file,
    /// and none written yet today (one dated file a day).
    pub fn automatic_due(&self, today: Date) -> bool {
        self.changes > 0 && self.last_automatic != Some(today)
    }

    /// "Last saved to a file 3 days ago (2026-12-02); 4 changes since."
    pub fn describe(&self, today: Date) -> String {
        let changes = plural(self.changes as i64, "change", "changes");
        match self.last_saved {
            None if self.changes == 0 => "Not saved to a file yet.".to_string(),
            None => format!("Not saved to a file yet: {changes} only in this browser."),
            Some(day) => {
                let when = relative_days(-today.days_since(day));
                match self.changes {
                    0 => format!("Last saved to a file {when} ({day}); no changes since."),
                    _ => format!("Last saved to a file {when} ({day}); {changes} since."),
                }
            }
        }
    }
}

/// How many automatic backups a folder keeps.
pub const KEEP_AUTOMATIC: usize = 30;

/// The dated file an automatic backup writes on `day`.
pub fn automatic_file_name(day: Date, locked: bool) -> String {
    if locked {
        format!("continuum-backup-{day}-locked.json")
    } else {
        format!("continuum-backup-{day}.json")
    }
}

/// The day in an automatic backup's file name (none for any other file).
fn automatic_file_day(name: &str) -> Option<Date> {
    let rest = name.strip_prefix("continuum-backup-")?;
    let day = rest.get(..10)?;
    matches!(rest.get(10..)?, ".json" | "-locked.json")
        .then(|| day.parse().ok())
        .flatten()
}

/// Which of a folder's files to delete so that the newest `keep` automatic
/// backups remain. Files the app did not write are never touched.
pub fn backups_to_delete(names: &[String], keep: usize) -> Vec<String> {
    let mut ours: Vec<(Date, &String)> = names
        .iter()
        .filter_map(|n| automatic_file_day(n).map(|d| (d, n)))
        .collect();
    ours.sort();
    let excess = ours.len().saturating_sub(keep);
    ours.into_iter()
        .take(excess)
        .map(|(_, n)| n.clone())
        .collect()
}

/// What the browser's answer to "will you keep this site's storage?" means,
/// in plain words (`None`: the browser cannot say).
pub fn persistence_words(granted: Option<bool>) -> &'static str {
    match granted {
        Some(true) => "This browser agreed to keep Continuum's storage: it will not clear it to make room on the disk. It is still erased if you clear this site's data or browsing history, so keep a file too.",
        Some(false) => "This browser has not agreed to keep Continuum's storage for good: it may erase it when the disk is short of space. Safari also erases a site's storage after seven days without a visit unless the app is installed on the home screen or dock. Install the app, or save to a file regularly (automatic backups below).",
        None => "This browser does not say whether it will keep Continuum's storage. Some browsers (Safari among them) erase a site's storage after days without a visit: save to a file regularly.",
    }
}

/// "About 1.2 MB used of the 2,048 MB this browser offers this site."
pub fn usage_words(usage: f64, quota: f64) -> String {
    let mb = |b: f64| b / (1024.0 * 1024.0);
    if quota > 0.0 {
        format!(
            "About {:.1} MB used of the {} MB this browser offers this site.",
            mb(usage),
            crate::present::format::money(mb(quota).round() as u64)
        )
    } else {
        format!("About {:.1} MB used.", mb(usage))
    }
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;

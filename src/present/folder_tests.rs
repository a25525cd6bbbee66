//! Native tests of automatic backups to a folder: when a file is written,
//! what it is called, and how the folder's state is worded.

use super::*;

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).expect("a real day")
}

fn allowed() -> FolderState {
    FolderState::Allowed("Backups".to_string())
}

fn changed_on(d: Date) -> BackupRecord {
    let mut r = BackupRecord::default();
    r.changed(d);
    r
}

#[test]
fn a_backup_is_written_on_a_day_with_changes_into_an_allowed_folder() {
    let today = day(2026, 12, 5);
    let r = changed_on(day(2026, 12, 4));
    assert_eq!(
        folder_step(&r, &allowed(), false, today),
        FolderStep::Write {
            name: "continuum-backup-2026-12-05.json".to_string(),
            locked: false
        }
    );
}

#[test]
fn nothing_is_written_without_changes_or_twice_a_day() {
    let today = day(2026, 12, 5);
    assert_eq!(
        folder_step(&BackupRecord::default(), &allowed(), false, today),
        FolderStep::Nothing
    );
    let mut r = changed_on(today);
    r.saved_automatically(today);
    r.changed(today);
    assert_eq!(
        folder_step(&r, &allowed(), false, today),
        FolderStep::Nothing
    );
    assert!(matches!(
        folder_step(&r, &allowed(), false, day(2026, 12, 6)),
        FolderStep::Write { .. }
    ));
}

#[test]
fn nothing_is_written_where_the_folder_cannot_be_written() {
    let r = changed_on(day(2026, 12, 4));
    let today = day(2026, 12, 5);
    for state in [
        FolderState::Unsupported,
        FolderState::NotChosen,
        FolderState::Opening,
        FolderState::MustAllow("Backups".to_string()),
        FolderState::Failed {
            folder: "Backups".to_string(),
            reason: "disk full".to_string(),
        },
    ] {
        assert_eq!(
            folder_step(&r, &state, true, today),
            FolderStep::Nothing,
            "{state:?}"
        );
    }
}

#[test]
fn locked_backups_wait_for_the_passphrase_then_are_named_locked() {
    let mut r = changed_on(day(2026, 12, 4));
    r.folder_locked = true;
    let today = day(2026, 12, 5);
    assert_eq!(
        folder_step(&r, &allowed(), false, today),
        FolderStep::WaitForPassphrase
    );
    assert_eq!(
        folder_step(&r, &allowed(), true, today),
        FolderStep::Write {
            name: "continuum-backup-2026-12-05-locked.json".to_string(),
            locked: true
        }
    );
}

#[test]
fn the_status_names_the_folder_and_the_last_backup() {
    let today = day(2026, 12, 5);
    let mut r = changed_on(day(2026, 12, 3));
    assert_eq!(
        folder_words(&r, &allowed(), false, today),
        "Backing up to folder Backups; no backup written yet."
    );
    r.saved_automatically(day(2026, 12, 3));
    assert_eq!(
        folder_words(&r, &allowed(), false, today),
        "Backing up to folder Backups; last backup 2026-12-03 (2 days ago)."
    );
    r.folder_locked = true;
    assert!(folder_words(&r, &allowed(), false, today).contains("waiting for the passphrase"));
    assert!(folder_words(&r, &allowed(), true, today).contains("locked with the passphrase"));
    let paused = folder_words(&r, &FolderState::MustAllow("Backups".into()), false, today);
    assert!(
        paused.contains("Backups") && paused.contains("permission again"),
        "{paused}"
    );
}

#[test]
fn the_chosen_folder_is_remembered_in_the_record() {
    let r = BackupRecord {
        folder: Some("Backups".to_string()),
        folder_locked: true,
        ..BackupRecord::default()
    };
    let back = BackupRecord::decode(Some(&r.encode()));
    assert_eq!(back.folder.as_deref(), Some("Backups"));
    assert!(back.folder_locked);
    // A record stored before folders existed still opens.
    let old = BackupRecord::decode(Some(r#"{"changes":2,"cadence":"weekly"}"#));
    assert_eq!(
        (old.changes, old.folder, old.folder_locked),
        (2, None, false)
    );
}

#[test]
fn the_backup_passphrase_is_checked_like_an_exports() {
    assert!(check_backup_passphrase("", "")
        .is_err_and(|e| e.contains("Lock backups with a passphrase")));
    assert!(check_backup_passphrase("short", "short").is_err());
    assert!(check_backup_passphrase("quarry heron saffron", "quarry heron saffrom").is_err());
    assert_eq!(
        check_backup_passphrase("quarry heron saffron", "quarry heron saffron"),
        Ok(())
    );
}

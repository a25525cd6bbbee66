//! Native tests of the backup status rules: counting, reminding, snoozing,
//! the stored record, and which automatic backups a folder keeps.

use super::*;

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).expect("a real day")
}

#[test]
fn changes_are_counted_from_the_oldest_unsaved_one() {
    let mut r = BackupRecord::default();
    r.changed(day(2026, 12, 1));
    r.changed(day(2026, 12, 3));
    r.changed(day(2026, 12, 3));
    assert_eq!(r.changes, 3);
    assert_eq!(r.unsaved_since, Some(day(2026, 12, 1)));
}

#[test]
fn saving_to_a_file_clears_the_count_and_the_snooze() {
    let mut r = BackupRecord::default();
    r.changed(day(2026, 12, 1));
    r.snooze(day(2026, 12, 8));
    r.saved(day(2026, 12, 9));
    assert_eq!(r.changes, 0);
    assert_eq!(r.unsaved_since, None);
    assert_eq!(r.snoozed_until, None);
    assert_eq!(r.last_saved, Some(day(2026, 12, 9)));
}

#[test]
fn weekly_reminder_comes_seven_days_after_the_first_unsaved_change() {
    let mut r = BackupRecord::default();
    assert_eq!(r.cadence, Cadence::Weekly, "weekly unless chosen otherwise");
    r.changed(day(2026, 12, 1));
    assert!(!r.reminder_due(day(2026, 12, 7)));
    assert!(r.reminder_due(day(2026, 12, 8)));
    r.saved(day(2026, 12, 8));
    assert!(!r.reminder_due(day(2026, 12, 30)), "nothing unsaved");
}

#[test]
fn monthly_waits_thirty_days_and_never_never_reminds() {
    let mut r = BackupRecord {
        cadence: Cadence::Monthly,
        ..BackupRecord::default()
    };
    r.changed(day(2026, 1, 1));
    assert!(!r.reminder_due(day(2026, 1, 30)));
    assert!(r.reminder_due(day(2026, 1, 31)));
    r.cadence = Cadence::Never;
    assert!(!r.reminder_due(day(2027, 1, 1)));
}

#[test]
fn dismissing_snoozes_for_one_more_period() {
    let mut r = BackupRecord::default();
    r.changed(day(2026, 12, 1));
    r.snooze(day(2026, 12, 10));
    assert!(!r.reminder_due(day(2026, 12, 10)));
    assert!(!r.reminder_due(day(2026, 12, 16)));
    assert!(r.reminder_due(day(2026, 12, 17)));
}

#[test]
fn the_record_round_trips_and_a_broken_one_starts_afresh() {
    let mut r = BackupRecord {
        cadence: Cadence::Monthly,
        ..BackupRecord::default()
    };
    r.changed(day(2026, 12, 2));
    r.saved_automatically(day(2026, 12, 3));
    r.changed(day(2026, 12, 4));
    assert_eq!(BackupRecord::decode(Some(&r.encode())), r);
    assert_eq!(
        BackupRecord::decode(Some("{not json")),
        BackupRecord::default()
    );
    assert_eq!(BackupRecord::decode(None), BackupRecord::default());
    // An older record without the newer fields still reads.
    let old = BackupRecord::decode(Some(r#"{"changes":4}"#));
    assert_eq!(old.changes, 4);
    assert_eq!(old.cadence, Cadence::Weekly);
    // A record as the first version wrote it (serde_json) reads the same.
    let written = BackupRecord::decode(Some(
        r#"{"last_saved":"2026-12-03","changes":2,"unsaved_since":"2026-12-04","cadence":"monthly","snoozed_until":null,"last_automatic":"2026-12-03"}"#,
    ));
    assert_eq!(written.last_saved, Some(day(2026, 12, 3)));
    assert_eq!(written.changes, 2);
    assert_eq!(written.unsaved_since, Some(day(2026, 12, 4)));
    assert_eq!(written.cadence, Cadence::Monthly);
    assert_eq!(written.snoozed_until, None);
    assert_eq!(written.last_automatic, Some(day(2026, 12, 3)));
    // Spaces and another order are fine; a broken date is left out.
    let spaced = BackupRecord::decode(Some(
        r#" { "cadence" : "never", "last_saved" : "2026-13-40", "changes" : 7 } "#,
    ));
    assert_eq!(spaced.cadence, Cadence::Never);
    assert_eq!(spaced.last_saved, None);
    assert_eq!(spaced.changes, 7);
    assert_eq!(Cadence::from_id("monthly"), Some(Cadence::Monthly));
    assert_eq!(Cadence::from_id("daily"), None);
}

#[test]
fn one_automatic_backup_a_day_with_changes() {
    let mut r = BackupRecord::default();
    assert!(!r.automatic_due(day(2026, 12, 1)), "no changes");
    r.changed(day(2026, 12, 1));
    assert!(r.automatic_due(day(2026, 12, 1)));
    r.saved_automatically(day(2026, 12, 1));
    r.changed(day(2026, 12, 1));
    assert!(!r.automatic_due(day(2026, 12, 1)), "already written today");
    assert!(r.automatic_due(day(2026, 12, 2)));
}

#[test]
fn the_status_says_when_and_how_many() {
    let mut r = BackupRecord::default();
    assert_eq!(r.describe(day(2026, 12, 5)), "Not saved to a file yet.");
    r.changed(day(2026, 12, 1));
    r.changed(day(2026, 12, 1));
    assert_eq!(
        r.describe(day(2026, 12, 5)),
        "Not saved to a file yet: 2 changes only in this browser."
    );
    r.saved(day(2026, 12, 2));
    assert_eq!(
        r.describe(day(2026, 12, 5)),
        "Last saved to a file 3 days ago (2026-12-02); no changes since."
    );
    r.changed(day(2026, 12, 5));
    assert_eq!(
        r.describe(day(2026, 12, 5)),
        "Last saved to a file 3 days ago (2026-12-02); 1 change since."
    );
}

#[test]
fn a_folder_keeps_the_newest_thirty_automatic_backups_only() {
    let mut names: Vec<String> = (0..33)
        .map(|i| automatic_file_name(day(2026, 1, 1).add_days(i), i % 2 == 0))
        .collect();
    names.push("notes.txt".into());
    names.push("continuum-backup-2025-01-01-copy.json".into());
    names.push("continuum-ann-2020-01-01.json".into());
    names.reverse();
    let doomed = backups_to_delete(&names, KEEP_AUTOMATIC);
    assert_eq!(
        doomed,
        vec![
            "continuum-backup-2026-01-01-locked.json".to_string(),
            "continuum-backup-2026-01-02.json".to_string(),
            "continuum-backup-2026-01-03-locked.json".to_string(),
        ]
    );
    assert!(backups_to_delete(&names[..10], KEEP_AUTOMATIC).is_empty());
}

#[test]
fn persistence_is_worded_for_each_answer() {
    assert!(persistence_words(Some(true)).starts_with("This browser agreed"));
    assert!(persistence_words(Some(false)).contains("seven days without a visit"));
    assert!(persistence_words(None).contains("does not say"));
    assert_eq!(
        usage_words(1.5 * 1024.0 * 1024.0, 2048.0 * 1024.0 * 1024.0),
        "About 1.5 MB used of the 2,048 MB this browser offers this site."
    );
    assert_eq!(usage_words(0.0, 0.0), "About 0.0 MB used.");
}

#[test]
fn a_folder_name_with_any_characters_round_trips_as_json() {
    let name = "Backups, \"Q4\": C:\\clients \u{e9}t\u{e9} \u{1F4BE}\ttab";
    let r = BackupRecord {
        folder: Some(name.to_string()),
        folder_locked: true,
        ..BackupRecord::default()
    };
    let text = r.encode();
    assert_eq!(BackupRecord::decode(Some(&text)), r);
    // What is written is JSON any reader understands.
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(json["folder"], name);
    assert_eq!(json["folder_locked"], true);
    // And a record any JSON writer escaped reads back.
    let escaped = r#"{"folder":"a\u00e9\"b\\c\ud83d\udcbe","folder_locked":false}"#;
    let read = BackupRecord::decode(Some(escaped));
    assert_eq!(read.folder.as_deref(), Some("a\u{e9}\"b\\c\u{1F4BE}"));
    assert!(!read.folder_locked);
    // Nested values are not a flat record: it starts afresh.
    assert_eq!(
        BackupRecord::decode(Some(r#"{"changes":3,"x":[1,2]}"#)),
        BackupRecord::default()
    );
}

//! The due list as an iCalendar file: the rules of RFC 5545 a calendar
//! program relies on (CRLF, folding at 75 octets, TEXT escaping, all-day
//! events), stable UIDs, and the due items it is made from.

use continuum_core::domain::{Date, DueItem, DueKind, Id};
use continuum_core::storage::ics::{
    calendar, due_calendar, due_event, escape_text, file_name, fold_line, uid_for, Event, Stamp,
};

fn d(s: &str) -> Date {
    s.parse().expect("test date")
}

fn stamp() -> Stamp {
    Stamp::from_iso("2026-11-25T01:52:30Z").expect("a valid stamp")
}

fn item(client: &str, name: &str, kind: DueKind, due: &str) -> DueItem {
    DueItem {
        client: Id::new(client),
        client_name: name.to_string(),
        kind,
        due: d(due),
        days_left: 0,
    }
}

fn action(id: &str, title: &str) -> DueKind {
    DueKind::Action {
        id: Id::new(id),
        title: title.to_string(),
    }
}

/// The content lines, unfolded (a CRLF followed by a space joins lines).
fn unfolded(text: &str) -> Vec<String> {
    text.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_string)
        .collect()
}

#[test]
fn stamp_reads_iso_utc_times_and_refuses_others() {
    assert_eq!(stamp().as_str(), "20261125T015230Z");
    assert_eq!(
        Stamp::from_iso("2026-01-02T03:04:05.678Z").map(|s| s.as_str().to_string()),
        Some("20260102T030405Z".to_string())
    );
    for bad in [
        "",
        "2026-11-25",
        "2026-11-25T01:52:30",
        "2026-11-25T01:52:30+01:00",
        "2026-02-30T01:52:30Z",
        "2026-11-25T24:00:00Z",
        "2026-11-25T1:52:30Z",
        "2026-11-25T01:52Z",
    ] {
        assert_eq!(Stamp::from_iso(bad), None, "{bad:?} is refused");
    }
    assert_eq!(
        Stamp::start_of(d("2027-03-09")).as_str(),
        "20270309T000000Z"
    );
}

#[test]
fn text_escapes_backslash_semicolon_comma_and_line_breaks() {
    assert_eq!(escape_text(r"a\b;c,d"), r"a\\b\;c\,d");
    assert_eq!(
        escape_text("one\ntwo\r\nthree\rfour"),
        r"one\ntwo\nthree\nfour"
    );
    // Colons and quotes need no escape in TEXT; control characters are dropped.
    assert_eq!(escape_text("Re: \"Q3\"\u{7}"), "Re: \"Q3\"");
    assert_eq!(escape_text("Zürich café"), "Zürich café");
}

#[test]
fn long_lines_fold_at_75_octets_without_splitting_characters() {
    let short = "SUMMARY:short";
    assert_eq!(fold_line(short), "SUMMARY:short\r\n");
    let exact = "X".repeat(75);
    assert_eq!(fold_line(&exact), format!("{exact}\r\n"), "75 octets fit");

    let long = format!("DESCRIPTION:{}", "é€a".repeat(60));
    let folded = fold_line(&long);
    assert!(folded.ends_with("\r\n"));
    let physical: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
    assert!(physical.len() > 3, "the line was folded: {physical:?}");
    for (i, line) in physical.iter().enumerate() {
        assert!(line.len() <= 75, "line {i} has {} octets", line.len());
        if i > 0 {
            assert!(
                line.starts_with(' '),
                "continuation {i} starts with a space"
            );
        }
    }
    // Unfolding gives back the original line, character for character.
    assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), long);
}

#[test]
fn a_calendar_has_crlf_lines_a_prodid_and_all_day_events() {
    let events = vec![Event {
        uid: "u1@continuum.invalid".into(),
        date: d("2026-12-31"),
        summary: "Contract renewal: Acme, Inc; \\ north".into(),
        description: "Line one\nLine two".into(),
    }];
    let text = calendar(&events, &stamp());
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "no bare LF");
    assert!(!text.replace("\r\n", "").contains('\r'), "no bare CR");
    let lines = unfolded(&text);
    let expected_start = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Continuum//Due list//EN",
    ];
    assert_eq!(&lines[..3], &expected_start);
    for needed in [
        "BEGIN:VEVENT",
        "UID:u1@continuum.invalid",
        "DTSTAMP:20261125T015230Z",
        "DTSTART;VALUE=DATE:20261231",
        "DTEND;VALUE=DATE:20270101",
        r"SUMMARY:Contract renewal: Acme\, Inc\; \\ north",
        r"DESCRIPTION:Line one\nLine two",
        "END:VEVENT",
    ] {
        assert!(
            lines.iter().any(|l| l == needed),
            "missing {needed:?} in {lines:#?}"
        );
    }
    assert_eq!(
        lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(),
        1,
        "one event"
    );
}

#[test]
fn an_empty_calendar_is_still_a_valid_file() {
    let lines = unfolded(&calendar(&[], &stamp()));
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert!(lines.iter().any(|l| l == "END:VCALENDAR"));
    assert!(!lines.iter().any(|l| l == "BEGIN:VEVENT"));
}

#[test]
fn uids_are_stable_per_item_and_different_between_items() {
    let renewal = item(
        "c1",
        "Acme",
        DueKind::Renewal {
            contract_end: d("2026-12-31"),
        },
        "2026-12-31",
    );
    // The same item later, with another date: same UID, so the event moves.
    let moved = item(
        "c1",
        "Acme Tools",
        DueKind::Renewal {
            contract_end: d("2027-01-31"),
        },
        "2027-01-31",
    );
    assert_eq!(uid_for(&renewal), uid_for(&moved));
    let check_up = item(
        "c1",
        "Acme",
        DueKind::Reassessment { last: None },
        "2026-11-25",
    );
    let act1 = item("c1", "Acme", action("a1", "Call"), "2026-11-30");
    let act2 = item("c1", "Acme", action("a2", "Call"), "2026-11-30");
    let other = item("c2", "Acme", action("a1", "Call"), "2026-11-30");
    let uids = [&renewal, &check_up, &act1, &act2, &other].map(uid_for);
    for (i, a) in uids.iter().enumerate() {
        assert!(a.ends_with("@continuum.invalid"), "{a}");
        for b in &uids[i + 1..] {
            assert_ne!(a, b);
        }
    }
    // Ids from a file may hold anything: the UID stays plain and distinct.
    let odd = item("c 1;x", "Acme", action("a,1\n", "Call"), "2026-11-30");
    let uid = uid_for(&odd);
    assert!(
        uid.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.%@".contains(c)),
        "{uid}"
    );
    // An id that looks escaped already stays apart from the one it imitates.
    let look_alike = item(
        "c%201%3Bx",
        "Acme",
        action("a%2C1%0A", "Call"),
        "2026-11-30",
    );
    assert_ne!(uid, uid_for(&look_alike));
}

#[test]
fn due_items_become_events_that_say_what_and_for_whom() {
    let items = vec![
        item(
            "c1",
            "Acme Tools",
            action("a1", "Call the new CFO"),
            "2026-11-20",
        ),
        item(
            "c2",
            "Borealis, North; Ltd",
            DueKind::Reassessment {
                last: Some(d("2026-05-01")),
            },
            "2026-08-01",
        ),
        item(
            "c3",
            "  ",
            DueKind::Renewal {
                contract_end: d("2027-03-31"),
            },
            "2027-03-31",
        ),
    ];
    let e = due_event(&items[0]);
    assert_eq!(e.summary, "Acme Tools: Call the new CFO");
    assert_eq!(e.date, d("2026-11-20"));
    assert!(
        e.description.contains("Action for Acme Tools"),
        "{}",
        e.description
    );
    assert_eq!(
        due_event(&items[1]).summary,
        "Check-up of Borealis, North; Ltd"
    );
    assert!(due_event(&items[1])
        .description
        .contains("Last check-up on 2026-05-01"));
    assert_eq!(
        due_event(&items[2]).summary,
        "Contract renewal: Unnamed client"
    );

    let lines = unfolded(&due_calendar(&items, &stamp()));
    assert_eq!(lines.iter().filter(|l| *l == "BEGIN:VEVENT").count(), 3);
    let starts: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("DTSTART;VALUE=DATE:"))
        .collect();
    assert_eq!(starts, ["20261120", "20260801", "20270331"]);
    assert!(lines
        .iter()
        .any(|l| l == r"SUMMARY:Check-up of Borealis\, North\; Ltd"));
}

#[test]
fn file_names_name_the_item_or_the_day() {
    let today = d("2026-11-25");
    assert_eq!(file_name(None, today), "continuum-due-2026-11-25.ics");
    let renewal = item(
        "c1",
        "Acme Tools & Sons, Ltd.",
        DueKind::Renewal {
            contract_end: d("2026-12-31"),
        },
        "2026-12-31",
    );
    assert_eq!(
        file_name(Some(&renewal), today),
        "continuum-renewal-acme-tools-sons-ltd-2026-12-31.ics"
    );
    let unnamed = item(
        "c2",
        "///",
        DueKind::Reassessment { last: None },
        "2026-11-25",
    );
    assert_eq!(
        file_name(Some(&unnamed), today),
        "continuum-reassessment-client-2026-11-25.ics"
    );
}

//! The due list as an iCalendar file (RFC 5545), so due dates can be put in
//! the user's own calendar.
//!
//! Every due item becomes an all-day event. Its UID is made from the client
//! and the kind of item (and the action's id), never from the date, so a
//! second import of an updated file moves the event instead of adding a
//! copy. The time stamp is passed in: nothing here reads a clock.

use crate::domain::{Date, DueItem, DueKind};

/// Identifies the program that wrote the file (RFC 5545, 3.7.3).
pub const PRODID: &str = "-//Continuum//Due list//EN";

/// Longest line in octets, without its CRLF (RFC 5545, 3.1).
const MAX_LINE: usize = 75;

/// An instant in UTC as iCalendar writes it (`20261125T015230Z`), for DTSTAMP.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp(String);

impl Stamp {
    /// From an ISO 8601 UTC time such as `2026-11-25T01:52:30Z` (fractions
    /// of a second allowed); `None` if it is not of that form.
    pub fn from_iso(iso: &str) -> Option<Stamp> {
        let (date, time) = iso.trim().split_once('T')?;
        let time = time.strip_suffix('Z')?;
        let time = time.split('.').next()?;
        let date: Date = date.parse().ok()?;
        let parts: Vec<&str> = time.split(':').collect();
        let [h, m, s] = parts.as_slice() else {
            return None;
        };
        let field = |t: &str, max: u32| -> Option<u32> {
            (t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()))
                .then(|| t.parse().ok())
                .flatten()
                .filter(|v| *v <= max)
        };
        let (h, m, s) = (field(h, 23)?, field(m, 59)?, field(s, 60)?);
        Some(Stamp(format!("{}T{h:02}{m:02}{s:02}Z", basic(date))))
    }

    /// Midnight UTC of a day, when no clock time is at hand.
    pub fn start_of(day: Date) -> Stamp {
        Stamp(format!("{}T000000Z", basic(day)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One all-day event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub uid: String,
    pub date: Date,
    pub summary: String,
    pub description: String,
}

/// A date in the basic form iCalendar uses: `20261125`.
fn basic(d: Date) -> String {
    let (y, m, day) = d.ymd();
    format!("{y:04}{m:02}{day:02}")
}

/// Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and
/// line breaks; other control characters, which TEXT may not hold, go.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded so no line exceeds 75 octets (a continuation
/// starts with a space, which counts), never splitting a UTF-8 character,
/// and ended by CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > MAX_LINE {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
    out
}

/// Keeps a UID to characters every calendar accepts; others are written as
/// `%XX` (per UTF-8 byte), so different ids stay different.
fn uid_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The UID of a due item: the same item gives the same UID in every export.
pub fn uid_for(item: &DueItem) -> String {
    let client = uid_part(item.client.as_str());
    match &item.kind {
        DueKind::Action { id, .. } => {
            format!(
                "{client}.action.{}@continuum.invalid",
                uid_part(id.as_str())
            )
        }
        kind => format!("{client}.{}@continuum.invalid", kind.id()),
    }
}

/// What kind of item it is, in a word.
pub fn kind_label(kind: &DueKind) -> &'static str {
    match kind {
        DueKind::Action { .. } => "Action",
        DueKind::Reassessment { .. } => "Reassessment",
        DueKind::Renewal { .. } => "Renewal",
    }
}

/// What is due, in a sentence.
pub fn what_text(kind: &DueKind) -> String {
    match kind {
        DueKind::Action { title, .. } if title.trim().is_empty() => "Untitled action".to_string(),
        DueKind::Action { title, .. } => title.clone(),
        DueKind::Reassessment { last: None } => "Never assessed: do the first check-up".to_string(),
        DueKind::Reassessment { last: Some(d) } => format!("Last check-up on {d}"),
        DueKind::Renewal { contract_end } => format!("Contract ends on {contract_end}"),
    }
}

/// The client's name, or words for a client without one.
pub fn client_name(item: &DueItem) -> String {
    if item.client_name.trim().is_empty() {
        "Unnamed client".to_string()
    } else {
        item.client_name.trim().to_string()
    }
}

/// The calendar event of a due item.
pub fn due_event(item: &DueItem) -> Event {
    let name = client_name(item);
    let summary = match &item.kind {
        DueKind::Action { .. } => format!("{}: {}", name, what_text(&item.kind)),
        DueKind::Reassessment { .. } => format!("Check-up of {name}"),
        DueKind::Renewal { .. } => format!("Contract renewal: {name}"),
    };
    Event {
        uid: uid_for(item),
        date: item.due,
        summary,
        description: format!(
            "{} for {}. {}.\nFrom the due list in Continuum.",
            kind_label(&item.kind),
            name,
            what_text(&item.kind)
        ),
    }
}

/// A whole calendar file: CRLF line endings, folded lines, one VEVENT per event.
pub fn calendar(events: &[Event], stamp: &Stamp) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        format!("PRODID:{PRODID}"),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    for e in events {
        lines.extend([
            "BEGIN:VEVENT".into(),
            format!("UID:{}", e.uid),
            format!("DTSTAMP:{}", stamp.as_str()),
            format!("DTSTART;VALUE=DATE:{}", basic(e.date)),
            // The end of an all-day event is exclusive: the next day.
            format!("DTEND;VALUE=DATE:{}", basic(e.date.add_days(1))),
            format!("SUMMARY:{}", escape_text(&e.summary)),
            format!("DESCRIPTION:{}", escape_text(&e.description)),
            "TRANSP:TRANSPARENT".into(),
            "END:VEVENT".into(),
        ]);
    }
    lines.push("END:VCALENDAR".into());
    lines.iter().map(|l| fold_line(l)).collect()
}

/// The calendar of some due items.
pub fn due_calendar(items: &[DueItem], stamp: &Stamp) -> String {
    let events: Vec<Event> = items.iter().map(due_event).collect();
    calendar(&events, stamp)
}

/// File name for one item (`continuum-renewal-acme-tools-2026-12-31.ics`)
/// or, with `None`, for the whole list on a day.
pub fn file_name(item: Option<&DueItem>, today: Date) -> String {
    match item {
        None => format!("continuum-due-{today}.ics"),
        Some(item) => {
            let mut slug = String::new();
            for c in client_name(item).chars().flat_map(char::to_lowercase) {
                if c.is_alphanumeric() {
                    slug.push(c);
                } else if !slug.ends_with('-') {
                    slug.push('-');
                }
            }
            let slug: String = slug.trim_matches('-').chars().take(40).collect();
            let slug = slug.trim_end_matches('-');
            let slug = if slug.is_empty() { "client" } else { slug };
            format!("continuum-{}-{slug}-{}.ics", item.kind.id(), item.due)
        }
    }
}

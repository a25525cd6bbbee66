//! The compact form of when each part of a client changed (`w`, for "when"), one
//! string: `base|client|stakeholders|issues|touchpoints|assessments|actions`.
//!
//! `base` is the newest time, in seconds since 1970, base 36; every other
//! time is written as how many seconds before `base` it is (base 36, so
//! `0` is `base` itself), and an empty entry means no time. A list holds one
//! entry per record, by position, separated by commas, with trailing empty
//! entries (and fields) cut. Records are only stamped when edited, and
//! edits come in bursts, so the offsets stay short: about five characters
//! a stamped record, which keeps 2,000 rich clients inside local storage.

use crate::domain::changes::ids;
use crate::domain::{Changes, Client, Part, Stamp};

fn b36(mut n: u64) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((n % 36) as u32, 36).unwrap_or('0'));
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

fn from_b36(s: &str, at: &str) -> Result<i64, String> {
    // Unsigned first: a signed parse would accept a leading minus.
    u64::from_str_radix(s, 36)
        .ok()
        .and_then(|n| i64::try_from(n).ok())
        .ok_or_else(|| format!("{at}: expected a base-36 number, found {s:?}"))
}

pub(super) fn stamps_text(c: &Client) -> Option<String> {
    let all = c
        .changed
        .client
        .into_iter()
        .chain(c.changed.records.values().copied());
    let base = all.max()?;
    let offset = |s: Option<Stamp>| match s {
        Some(s) => b36(base.unix_seconds().saturating_sub(s.unix_seconds()).max(0) as u64),
        None => String::new(),
    };
    let mut fields = vec![
        b36(base.unix_seconds().max(0) as u64),
        offset(c.changed.client),
    ];
    for part in Part::ALL {
        let mut list: Vec<String> = ids(c, part)
            .into_iter()
            .map(|id| offset(c.changed.of(part, id)))
            .collect();
        while list.last().is_some_and(String::is_empty) {
            list.pop();
        }
        fields.push(list.join(","));
    }
    while fields.last().is_some_and(String::is_empty) {
        fields.pop();
    }
    Some(fields.join("|"))
}

/// Reads `w` back onto a client whose records are already read.
pub(super) fn read_stamps(c: &mut Client, text: Option<&str>) -> Result<(), String> {
    let Some(text) = text else {
        return Ok(());
    };
    let mut fields = text.split('|');
    let base = from_b36(fields.next().unwrap_or_default(), "w (newest time)")?;
    // The last second of year 9999: what a file's time can say.
    if base > 253_402_300_799 {
        return Err(format!("w: newest time {base} is past the year 9999"));
    }
    let at = |entry: &str, where_: &str| -> Result<Option<Stamp>, String> {
        if entry.is_empty() {
            return Ok(None);
        }
        let secs = base.saturating_sub(from_b36(entry, where_)?);
        if secs < 0 {
            return Err(format!("{where_}: a time before 1970"));
        }
        Ok(Some(Stamp::from_unix_seconds(secs)))
    };
    let mut changes = Changes {
        client: at(fields.next().unwrap_or_default(), "w (client)")?,
        ..Changes::default()
    };
    for part in Part::ALL {
        let Some(field) = fields.next().filter(|f| !f.is_empty()) else {
            continue;
        };
        let ids = ids(c, part);
        let entries: Vec<&str> = field.split(',').collect();
        if entries.len() > ids.len() {
            return Err(format!(
                "w: {} times for {} {part:?} records",
                entries.len(),
                ids.len()
            ));
        }
        for (k, (entry, id)) in entries.into_iter().zip(ids).enumerate() {
            changes.set(part, id, at(entry, &format!("w ({part:?} {k})"))?);
        }
    }
    c.changed = changes;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Id;

    #[test]
    fn times_read_back_exactly_and_stay_short() {
        let mut c = Client::new(Id::new("c1"), "Acme");
        for n in 0..3 {
            c.issues.push(crate::domain::Issue {
                id: Id::new(format!("i{n}")),
                title: "Late".into(),
                opened_on: crate::domain::Date::from_days_since_epoch(20_000),
                severity: crate::domain::Severity::Minor,
                status: crate::domain::IssueStatus::Open,
                owner: String::new(),
                resolved_on: None,
                notes: String::new(),
            });
        }
        let t = |s: &str| s.parse::<Stamp>().unwrap();
        c.changed.client = Some(t("2026-12-06T09:30:00Z"));
        c.changed
            .set(Part::Issue, &Id::new("i1"), Some(t("2026-12-06T09:29:24Z")));
        c.changed
            .set(Part::Issue, &Id::new("i0"), Some(t("2026-11-30T17:00:00Z")));
        let text = stamps_text(&c).unwrap();
        assert_eq!(text.len(), "tbq1ug|0||ch6o,10".len(), "{text}");
        let mut back = c.clone();
        back.changed = Changes::default();
        read_stamps(&mut back, Some(&text)).unwrap();
        assert_eq!(back.changed, c.changed);
        assert!(read_stamps(&mut back, Some("tbq1ug|0||1,2,3,4")).is_err());
        assert!(read_stamps(&mut back, Some("tbq1ug|é")).is_err());
        assert!(read_stamps(&mut back, Some("-1|0")).is_err());
        assert!(read_stamps(&mut back, Some("zzzzzzzzzzzzzzzzzzzzzzzzz|0")).is_err());
        assert!(read_stamps(&mut back, Some("zzzzzzzzz|0")).is_err());
        assert!(read_stamps(&mut back, Some("10|11")).is_err());
    }
}

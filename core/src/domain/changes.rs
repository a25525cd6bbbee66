//! When each part of a client was last changed, so a merge can take the
//! newest version of every record (file format 3).
//!
//! The times sit beside the records, in one map per client, rather than in
//! every record: the records stay what the method talks about, and the one
//! function that stamps an edit ([`stamp_edit`]) compares before and after,
//! so no edit anywhere can forget to stamp. The time is passed in: nothing
//! here reads a clock.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::date::Date;
use super::model::{Client, Id, Portfolio};

/// A moment, to the second, in UTC. Written `2026-12-06T09:30:00Z`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Stamp(i64);

impl Stamp {
    pub fn from_unix_seconds(s: i64) -> Stamp {
        Stamp(s)
    }
    pub fn unix_seconds(self) -> i64 {
        self.0
    }
    /// The calendar day (UTC) of the moment.
    pub fn date(self) -> Date {
        Date::from_days_since_epoch(self.0.div_euclid(86_400) as i32)
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secs = self.0.rem_euclid(86_400);
        let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
        write!(f, "{}T{h:02}:{m:02}:{s:02}Z", self.date())
    }
}

/// Why a text is not a [`Stamp`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StampError;

impl fmt::Display for StampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected a UTC time from 1970 on, such as \"2026-12-06T09:30:00Z\"")
    }
}

impl FromStr for Stamp {
    type Err = StampError;

    fn from_str(s: &str) -> Result<Stamp, StampError> {
        let b = s.as_bytes();
        if b.len() != 20 || b[10] != b'T' || b[13] != b':' || b[16] != b':' || b[19] != b'Z' {
            return Err(StampError);
        }
        let date: Date = s[..10].parse().map_err(|_| StampError)?;
        let num = |r: std::ops::Range<usize>, max: i64| -> Result<i64, StampError> {
            let part = &s[r];
            let n: i64 = part
                .bytes()
                .all(|c| c.is_ascii_digit())
                .then(|| part.parse().ok())
                .flatten()
                .ok_or(StampError)?;
            if n <= max {
                Ok(n)
            } else {
                Err(StampError)
            }
        };
        let (h, m, sec) = (num(11..13, 23)?, num(14..16, 59)?, num(17..19, 59)?);
        let secs = i64::from(date.days_since_epoch()) * 86_400 + h * 3600 + m * 60 + sec;
        // Nothing was changed in Continuum before 1970.
        if secs < 0 {
            return Err(StampError);
        }
        Ok(Stamp(secs))
    }
}

impl Serialize for Stamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Stamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Stamp, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|e: StampError| serde::de::Error::custom(format!("{e}, found {text:?}")))
    }
}

/// The kinds of record a client holds, each a list keyed by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Stakeholder,
    Issue,
    Touchpoint,
    Assessment,
    Action,
}

impl Part {
    pub const ALL: [Part; 5] = [
        Part::Stakeholder,
        Part::Issue,
        Part::Touchpoint,
        Part::Assessment,
        Part::Action,
    ];
}

/// When a client's own fields (profile, triage, loss, dismissed proposals,
/// archive) and each of its records were last changed. A part without a
/// time was last changed before times were kept (or by a file without
/// them): it counts as older than any time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub client: Option<Stamp>,
    pub records: BTreeMap<(Part, Id), Stamp>,
}

impl Changes {
    pub fn of(&self, part: Part, id: &Id) -> Option<Stamp> {
        self.records.get(&(part, id.clone())).copied()
    }
    pub fn set(&mut self, part: Part, id: &Id, at: Option<Stamp>) {
        match at {
            Some(at) => self.records.insert((part, id.clone()), at),
            None => self.records.remove(&(part, id.clone())),
        };
    }
}

/// The ids of one kind of record, in the client's order.
pub fn ids(c: &Client, part: Part) -> Vec<&Id> {
    match part {
        Part::Stakeholder => c.stakeholders.iter().map(|x| &x.id).collect(),
        Part::Issue => c.issues.iter().map(|x| &x.id).collect(),
        Part::Touchpoint => c.touchpoints.iter().map(|x| &x.id).collect(),
        Part::Assessment => c.assessments.iter().map(|x| &x.id).collect(),
        Part::Action => c.actions.iter().map(|x| &x.id).collect(),
    }
}

/// Whether the record `id` of kind `part` is the same in both clients
/// (both missing counts as the same).
pub fn same_record(a: &Client, b: &Client, part: Part, id: &Id) -> bool {
    fn find<'a, T>(list: &'a [T], key: impl Fn(&T) -> &Id, id: &Id) -> Option<&'a T> {
        list.iter().find(|x| key(x) == id)
    }
    match part {
        Part::Stakeholder => {
            find(&a.stakeholders, |x| &x.id, id) == find(&b.stakeholders, |x| &x.id, id)
        }
        Part::Issue => find(&a.issues, |x| &x.id, id) == find(&b.issues, |x| &x.id, id),
        Part::Touchpoint => {
            find(&a.touchpoints, |x| &x.id, id) == find(&b.touchpoints, |x| &x.id, id)
        }
        Part::Assessment => {
            find(&a.assessments, |x| &x.id, id) == find(&b.assessments, |x| &x.id, id)
        }
        Part::Action => find(&a.actions, |x| &x.id, id) == find(&b.actions, |x| &x.id, id),
    }
}

/// The client's own fields, without its records.
pub fn same_own_fields(a: &Client, b: &Client) -> bool {
    a.profile == b.profile
        && a.dismissed_proposals == b.dismissed_proposals
        && a.triage == b.triage
        && a.lost_on == b.lost_on
        && a.archived == b.archived
}

/// The same client apart from when things changed.
pub fn same_content(a: &Client, b: &Client) -> bool {
    a.id == b.id
        && same_own_fields(a, b)
        && a.stakeholders == b.stakeholders
        && a.issues == b.issues
        && a.touchpoints == b.touchpoints
        && a.assessments == b.assessments
        && a.actions == b.actions
}

/// Stamps what an edit changed: the client's own fields and each record
/// that differs from `before` get `now`; the times of records that no
/// longer exist are dropped. A record just created gets no time: until it
/// is edited it is the same wherever it was copied, so a merge never has to
/// choose between two versions of it (and local storage keeps no time for
/// the many records, such as contacts, that are never edited).
pub fn stamp_edit(before: &Client, after: &mut Client, now: Stamp) {
    if !same_own_fields(before, after) {
        after.changed.client = Some(now);
    }
    for part in Part::ALL {
        let existed: std::collections::BTreeSet<&Id> = ids(before, part).into_iter().collect();
        let changed: Vec<Id> = ids(after, part)
            .into_iter()
            .filter(|id| existed.contains(id) && !same_record(before, after, part, id))
            .cloned()
            .collect();
        for id in changed {
            after.changed.set(part, &id, Some(now));
        }
    }
    prune(after);
}

/// [`stamp_edit`] for every client `before` already had: an import from a
/// spreadsheet or CRM changes them now.
pub fn stamp_updates(before: &Portfolio, after: &mut Portfolio, now: Stamp) {
    let old: BTreeMap<&Id, &Client> = before.clients.iter().map(|c| (&c.id, c)).collect();
    for c in &mut after.clients {
        if let Some(b) = old.get(&c.id) {
            stamp_edit(b, c, now);
        }
    }
}

/// Drops the times of records the client no longer has.
pub fn prune(c: &mut Client) {
    let live: std::collections::BTreeSet<(Part, Id)> = Part::ALL
        .iter()
        .flat_map(|&p| ids(c, p).into_iter().map(move |id| (p, id.clone())))
        .collect();
    c.changed.records.retain(|k, _| live.contains(k));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_read_and_write_the_same_text() {
        for text in [
            "1970-01-01T00:00:00Z",
            "2026-12-06T09:30:05Z",
            "2024-02-29T23:59:59Z",
        ] {
            let s: Stamp = text.parse().unwrap();
            assert_eq!(s.to_string(), text);
        }
        assert_eq!(
            "2026-12-06T00:00:01Z"
                .parse::<Stamp>()
                .unwrap()
                .unix_seconds(),
            1_796_515_201
        );
        for bad in [
            "2026-12-06",
            "2026-12-06T24:00:00Z",
            "2026-12-06T09:60:00Z",
            "2026-02-30T09:00:00Z",
            "2026-12-06T09:30:00+01:00",
            "2026-12-06 09:30:00Z",
            "1969-12-31T23:59:59Z",
        ] {
            assert!(bad.parse::<Stamp>().is_err(), "{bad}");
        }
    }
}

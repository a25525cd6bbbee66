//! Checks that hold for every portfolio Continuum accepts, whatever its
//! source (file, migration, CSV, merge): ids present and unique, clients
//! named, margins plausible. Each problem names its JSON path.

use std::collections::HashMap;

use super::problem::Problem;
use crate::domain::{Client, Date, Id, Margin, Portfolio};

/// A margin percentage outside this range is a typing mistake (a revenue
/// typed into the margin column, say).
pub const MARGIN_PERCENT_RANGE: std::ops::RangeInclusive<f64> = -100.0..=100.0;

/// Every problem in the portfolio, in document order (empty: valid).
pub fn validate_portfolio(p: &Portfolio) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut ids = UniqueIds::default();
    for (i, client) in p.clients.iter().enumerate() {
        let at = format!("clients[{i}]");
        ids.check(&client.id, &format!("{at}.id"), &mut problems);
        validate_client(client, &at, &mut problems);
    }
    problems
}

/// The checks for one client; `at` is its path (`clients[3]`).
pub fn validate_client(c: &Client, at: &str, problems: &mut Vec<Problem>) {
    if c.profile.name.trim().is_empty() {
        problems.push(Problem::new(
            format!("{at}.profile.name"),
            "every client needs a name, and this one is empty",
        ));
    }
    if let Some(Margin::Percent(x)) = c.profile.margin {
        if !MARGIN_PERCENT_RANGE.contains(&x) {
            problems.push(Problem::new(
                format!("{at}.profile.margin"),
                format!("expected a margin percentage between -100 and 100, found {x}"),
            ));
        }
    }
    unique(
        c.stakeholders.iter().map(|s| &s.id),
        &format!("{at}.stakeholders"),
        problems,
    );
    unique(
        c.issues.iter().map(|x| &x.id),
        &format!("{at}.issues"),
        problems,
    );
    unique(
        c.touchpoints.iter().map(|x| &x.id),
        &format!("{at}.touchpoints"),
        problems,
    );
    unique(
        c.assessments.iter().map(|x| &x.id),
        &format!("{at}.assessments"),
        problems,
    );
    unique(
        c.actions.iter().map(|x| &x.id),
        &format!("{at}.actions"),
        problems,
    );
}

fn unique<'a>(ids: impl Iterator<Item = &'a Id>, list: &str, problems: &mut Vec<Problem>) {
    let mut seen = UniqueIds::default();
    for (j, id) in ids.enumerate() {
        seen.check(id, &format!("{list}[{j}].id"), problems);
    }
}

/// Remembers where each id was first seen, to say where its twin is.
#[derive(Default)]
struct UniqueIds {
    first: HashMap<String, String>,
}

impl UniqueIds {
    fn check(&mut self, id: &Id, path: &str, problems: &mut Vec<Problem>) {
        if id.as_str().trim().is_empty() {
            problems.push(Problem::new(path, "the id is empty"));
        } else if let Some(first) = self.first.get(id.as_str()) {
            problems.push(Problem::new(
                path,
                format!("the id {:?} is used twice (also at {first})", id.as_str()),
            ));
        } else {
            self.first.insert(id.as_str().to_string(), path.to_string());
        }
    }
}

/// An ISO 8601 time as Continuum writes it: `YYYY-MM-DDTHH:MM:SS`, optional
/// fraction, then `Z` or an offset `±HH:MM`.
pub fn is_timestamp(s: &str) -> bool {
    let (Some(date), Some(rest)) = (s.get(..10), s.get(10..)) else {
        return false;
    };
    if date.parse::<Date>().is_err() {
        return false;
    }
    let Some(time) = rest.strip_prefix('T') else {
        return false;
    };
    let b = time.as_bytes();
    let two = |i: usize, max: u8| -> bool {
        matches!((b.get(i), b.get(i + 1)), (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() && (x - b'0') * 10 + (y - b'0') <= max)
    };
    if !(two(0, 23)
        && b.get(2) == Some(&b':')
        && two(3, 59)
        && b.get(5) == Some(&b':')
        && two(6, 60))
    {
        return false;
    }
    let mut zone = &time[8..];
    if let Some(frac) = zone.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        zone = &frac[digits..];
    }
    let z = zone.as_bytes();
    zone == "Z"
        || (z.len() == 6
            && matches!(z[0], b'+' | b'-')
            && z[3] == b':'
            && z[1..3].iter().chain(&z[4..6]).all(u8::is_ascii_digit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        for ok in [
            "2026-11-25T10:00:00Z",
            "2026-11-25T10:00:00.123Z",
            "2026-11-25T10:00:00+01:00",
        ] {
            assert!(is_timestamp(ok), "{ok}");
        }
        for bad in [
            "",
            "2026-11-25",
            "2026-02-30T10:00:00Z",
            "2026-11-25T25:00:00Z",
            "2026-11-25T10:00:00",
            "2026-11-25T10:00:00.Z",
            "2026-11-25 10:00:00Z",
            "2026-11-25T10:00:00+0100",
            "2026-11-25T10:0é:00Z",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }
}

//! Calendar dates without a clock.
//!
//! The method measures ages in days (issues open for 30 days, contact in the
//! last 180 days, renewals within six months), so a date is a day number.
//! "Today" is always passed in by the caller; nothing here reads a clock.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

/// Why a text is not a date, in words a user can act on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form `YYYY-MM-DD`.
    Format,
    /// The form is right but the day does not exist (e.g. `2026-02-30`).
    NoSuchDay,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateError::Format => write!(f, "expected a date as YYYY-MM-DD"),
            DateError::NoSuchDay => write!(f, "no such day in the calendar"),
        }
    }
}

impl std::error::Error for DateError {}

/// Earliest and latest year accepted: anything outside is a typing mistake.
pub const MIN_YEAR: i32 = 1900;
pub const MAX_YEAR: i32 = 2200;

impl Date {
    /// The date of a year, month (1–12) and day (1–31), if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year) || !(1..=12).contains(&month) || day == 0 {
            return None;
        }
        if day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            days: days_from_civil(year, month, day),
        })
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    pub fn from_days_since_epoch(days: i32) -> Date {
        Date { days }
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i32 {
        self.days
    }

    /// Year, month (1–12), day (1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// This date moved by a number of days (negative: earlier).
    pub fn add_days(self, days: i32) -> Date {
        Date {
            days: self.days.saturating_add(days),
        }
    }

    /// This date moved by whole months, clamping the day to the month's end.
    pub fn add_months(self, months: i32) -> Date {
        let (y, m, d) = self.ymd();
        let total = y * 12 + (m as i32 - 1) + months;
        let (ny, nm) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        let nd = d.min(days_in_month(ny, nm));
        Date {
            days: days_from_civil(ny, nm, nd),
        }
    }

    /// Whole days from `earlier` to `self` (negative if `self` is earlier).
    /// Saturates rather than overflowing, so no date value can cause a panic.
    pub fn days_since(self, earlier: Date) -> i32 {
        self.days.saturating_sub(earlier.days)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Date, DateError> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(DateError::Format);
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| DateError::Format)
            } else {
                Err(DateError::Format)
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::from_ymd(y as i32, m, d).ok_or(DateError::NoSuchDay)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let text = String::deserialize(d)?;
        text.parse()
            .map_err(|e: DateError| serde::de::Error::custom(format!("{e}, found {text:?}")))
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        _ => 28,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let d: Date = "2024-02-29".parse().unwrap();
        assert_eq!(d.to_string(), "2024-02-29");
        assert_eq!(d.ymd(), (2024, 2, 29));
        assert_eq!("1970-01-01".parse::<Date>().unwrap().days_since_epoch(), 0);
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        assert_eq!("2023-02-29".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("2026-13-01".parse::<Date>(), Err(DateError::NoSuchDay));
        assert_eq!("2026-1-01".parse::<Date>(), Err(DateError::Format));
        assert_eq!("26-01-01xx".parse::<Date>(), Err(DateError::Format));
        assert_eq!("yesterday".parse::<Date>(), Err(DateError::Format));
    }

    #[test]
    fn counts_days_and_months() {
        let a: Date = "2026-01-31".parse().unwrap();
        assert_eq!(a.add_months(1).to_string(), "2026-02-28");
        assert_eq!(a.add_days(30).to_string(), "2026-03-02");
        let b: Date = "2026-11-22".parse().unwrap();
        assert_eq!(b.days_since(a), 295);
    }

    #[test]
    fn round_trips_every_day_for_centuries() {
        for days in -25_000..83_000 {
            let d = Date::from_days_since_epoch(days);
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
        }
    }
}

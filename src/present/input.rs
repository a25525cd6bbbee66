//! What people type into the client's fields, read with the same rules as
//! a spreadsheet import (`storage::csv`'s `parse_amount`, `parse_margin`
//! and `parse_date`) and answered with messages a person can act on; and
//! the stored values written back as text for those fields.

use crate::domain::{Date, Margin, MarginLevel};
use crate::storage::csv;

const DATE_FORMAT: &str = "Write the date as YYYY-MM-DD, for example 2025-03-31.";
const REVENUE_FORMAT: &str =
    "Write the revenue as a whole number of currency units, digits only (for example 250000).";
const TOO_LARGE: &str = "That number is too large.";
const MARGIN_RANGE: &str = "A margin percentage lies between -100 and 100.";
const MARGIN_FORMAT: &str = "Write low, normal, high, or a percentage such as 22%.";

/// An optional date as typed: empty means "none". ISO dates and day-first
/// dates (`31/12/2026`, `31.12.2026`) are read.
pub fn parse_date_opt(text: &str) -> Result<Option<Date>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    csv::parse_date(t).map(Some).map_err(|_| {
        if looks_like_a_date(t) {
            format!("{t} is not a day in the calendar.")
        } else {
            DATE_FORMAT.to_string()
        }
    })
}

/// Three groups of digits with a four-digit year first or last: the shape
/// of a date, so a rejected one is a day that does not exist.
fn looks_like_a_date(t: &str) -> bool {
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts.iter().filter(|p| p.len() == 4).count() == 1
        && (parts[0].len() == 4 || parts[2].len() == 4)
}

/// A date that must be given.
pub fn parse_date(text: &str) -> Result<Date, String> {
    parse_date_opt(text)?.ok_or_else(|| "A date is needed here (YYYY-MM-DD).".to_string())
}

pub fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Annual revenue in whole currency units: grouping marks, a currency sign
/// or code and decimals (rounded) are allowed.
pub fn parse_revenue(text: &str) -> Result<Option<u64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    csv::parse_amount(t).map(Some).map_err(|why| {
        if why.contains("too large") {
            TOO_LARGE.to_string()
        } else {
            REVENUE_FORMAT.to_string()
        }
    })
}

/// Margin as a level (low, normal, high) or a percentage.
pub fn parse_margin(text: &str) -> Result<Option<Margin>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    csv::parse_margin(t).map(Some).map_err(|_| {
        let number = t.trim_end_matches('%').trim().replace(',', ".");
        if number.parse::<f64>().is_ok_and(f64::is_finite) {
            MARGIN_RANGE.to_string()
        } else {
            MARGIN_FORMAT.to_string()
        }
    })
}

pub fn margin_text(m: Option<Margin>) -> String {
    match m {
        None => String::new(),
        Some(Margin::Level(MarginLevel::Low)) => "low".into(),
        Some(Margin::Level(MarginLevel::Normal)) => "normal".into(),
        Some(Margin::Level(MarginLevel::High)) => "high".into(),
        Some(Margin::Percent(p)) => format!("{p}%"),
    }
}

/// Tags from a comma separated list: trimmed, no blanks, no repeats
/// (ignoring case; the first spelling is kept).
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in text.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !out.iter().any(|x| x.to_lowercase() == t.to_lowercase()) {
            out.push(t.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).expect("a real day")
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date_opt("  "), Ok(None));
        assert_eq!(parse_date_opt(" 2025-03-31 "), Ok(Some(day(2025, 3, 31))));
        // Day first, as a spreadsheet import reads it.
        assert_eq!(parse_date_opt("31/12/2026"), Ok(Some(day(2026, 12, 31))));
        assert_eq!(parse_date_opt("1.2.2027"), Ok(Some(day(2027, 2, 1))));
        assert_eq!(
            parse_date_opt("2026-02-30"),
            Err("2026-02-30 is not a day in the calendar.".into())
        );
        assert_eq!(
            parse_date_opt("31/02/2026"),
            Err("31/02/2026 is not a day in the calendar.".into())
        );
        assert_eq!(parse_date_opt("soon"), Err(DATE_FORMAT.into()));
        assert_eq!(
            parse_date_opt("12/31/2026"),
            Err("12/31/2026 is not a day in the calendar.".into())
        );
        assert_eq!(parse_date_opt("2026-03"), Err(DATE_FORMAT.into()));
        assert_eq!(
            parse_date(""),
            Err("A date is needed here (YYYY-MM-DD).".into())
        );
        assert_eq!(parse_date("2026-03-01"), Ok(day(2026, 3, 1)));
        assert_eq!(date_text(Some(day(2026, 3, 1))), "2026-03-01");
        assert_eq!(date_text(None), "");
    }

    #[test]
    fn revenues() {
        assert_eq!(parse_revenue(""), Ok(None));
        assert_eq!(parse_revenue("250000"), Ok(Some(250_000)));
        assert_eq!(parse_revenue("1,250,000"), Ok(Some(1_250_000)));
        assert_eq!(parse_revenue("1 250 000"), Ok(Some(1_250_000)));
        assert_eq!(parse_revenue("1\u{a0}250\u{202f}000"), Ok(Some(1_250_000)));
        assert_eq!(parse_revenue("1'250'000"), Ok(Some(1_250_000)));
        assert_eq!(parse_revenue("€ 7,500"), Ok(Some(7_500)));
        assert_eq!(parse_revenue("1.200.000"), Ok(Some(1_200_000)));
        assert_eq!(parse_revenue("12.5"), Ok(Some(13)));
        for wrong in ["12k", "-5", "abc", "1.2.3"] {
            assert_eq!(parse_revenue(wrong), Err(REVENUE_FORMAT.into()), "{wrong}");
        }
        assert_eq!(
            parse_revenue("99999999999999999999999"),
            Err(TOO_LARGE.into())
        );
    }

    #[test]
    fn margins() {
        assert_eq!(parse_margin(" "), Ok(None));
        assert_eq!(
            parse_margin("Low"),
            Ok(Some(Margin::Level(MarginLevel::Low)))
        );
        assert_eq!(
            parse_margin("medium"),
            Ok(Some(Margin::Level(MarginLevel::Normal)))
        );
        assert_eq!(parse_margin("22,5 %"), Ok(Some(Margin::Percent(22.5))));
        assert_eq!(parse_margin("-100"), Ok(Some(Margin::Percent(-100.0))));
        assert_eq!(parse_margin("250%"), Err(MARGIN_RANGE.into()));
        assert_eq!(parse_margin("lots"), Err(MARGIN_FORMAT.into()));
        assert_eq!(parse_margin("NaN"), Err(MARGIN_FORMAT.into()));
        assert_eq!(margin_text(Some(Margin::Percent(22.5))), "22.5%");
        assert_eq!(margin_text(Some(Margin::Level(MarginLevel::High))), "high");
        assert_eq!(margin_text(None), "");
        // What is written back reads back the same.
        for m in [Margin::Percent(-3.0), Margin::Level(MarginLevel::Normal)] {
            assert_eq!(parse_margin(&margin_text(Some(m))), Ok(Some(m)));
        }
    }

    #[test]
    fn tags() {
        assert_eq!(
            parse_tags(" retail, North ,, north,RETAIL , south"),
            ["retail", "North", "south"]
        );
        assert!(parse_tags(" , ").is_empty());
    }
}

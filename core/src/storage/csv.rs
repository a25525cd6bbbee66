//! CSV out: the portfolio summary for managers. Client lists come in
//! through [`import`](super::import), which reads CSV, TSV and spreadsheets
//! of every common CRM; the value parsers stay reachable here by their old
//! names.

pub use super::import::values::{parse_amount, parse_margin};
use crate::domain::{Client, ClientView, Date, Portfolio};

/// `2026-12-31` (ISO), or day first: `31/12/2026`, `31.12.2026`, `31-12-2026`.
/// Month-first dates (US style) are not accepted: `03/04/2026` is 3 April.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let t = s.trim();
    if let Ok(d) = t.parse::<Date>() {
        return Ok(d);
    }
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let number = |p: &str, max_len: usize| -> Option<u32> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let impossible = || "is not a real date".to_string();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => match (number(y, 4), number(m, 2), number(d, 2)) {
            (Some(y), Some(m), Some(d)) => Date::from_ymd(y as i32, m, d).ok_or_else(impossible),
            _ => Err(not_a_date()),
        },
        [d, m, y] if y.len() == 4 => match (number(d, 2), number(m, 2), number(y, 4)) {
            (Some(d), Some(m), Some(y)) => Date::from_ymd(y as i32, m, d).ok_or_else(impossible),
            _ => Err(not_a_date()),
        },
        _ => Err(not_a_date()),
    }
}

fn not_a_date() -> String {
    "is not a date (write it as 2026-12-31 or 31/12/2026)".into()
}

/// One summary line, computed by the caller (the engine and warning signs
/// live in the domain; this module only writes them out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryRow {
    /// The category's name as shown in the app (the override, if any).
    pub category: String,
    /// The engine's category, next to the shown one so that an override
    /// never hides it (METHOD.md, "Placing a client").
    pub computed: String,
    pub reasons: Vec<String>,
    pub warning_signs: Vec<String>,
}

impl SummaryRow {
    /// The summary line of a client's verdict and warning signs.
    pub fn of(view: &ClientView) -> SummaryRow {
        SummaryRow {
            category: view.verdict.category.name().to_string(),
            computed: view.verdict.computed.name().to_string(),
            reasons: view
                .verdict
                .reasons
                .iter()
                .map(|r| format!("{} {}", r.question.as_str(), r.answer.id()))
                .collect(),
            warning_signs: view
                .warnings
                .iter()
                .map(|w| w.sign.label().to_string())
                .collect(),
        }
    }
}

pub const SUMMARY_HEADER: [&str; 8] = [
    "Client",
    "Owner",
    "Category",
    "Computed category",
    "Reasons",
    "Warning signs",
    "Renewal date",
    "Annual revenue",
];

/// The portfolio summary, one row per client: UTF-8 with a byte order mark
/// (so spreadsheet programs read accents right), comma-separated, CRLF line
/// ends, lists joined with "; ". Text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`) is prefixed with `'`.
pub fn export_summary_csv(p: &Portfolio, summary: impl Fn(&Client) -> SummaryRow) -> String {
    let mut out = String::from("\u{feff}");
    push_line(&mut out, SUMMARY_HEADER.iter().map(|h| h.to_string()));
    for c in &p.clients {
        let s = summary(c);
        push_line(
            &mut out,
            [
                c.profile.name.clone(),
                c.profile.owner.clone(),
                s.category,
                s.computed,
                s.reasons.join("; "),
                s.warning_signs.join("; "),
                c.profile
                    .contract_end
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                c.profile
                    .annual_revenue
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_line(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(&cell));
    }
    out.push_str("\r\n");
}

fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Margin, MarginLevel};

    #[test]
    fn amounts() {
        for (s, n) in [
            ("120000", 120_000),
            ("120,000", 120_000),
            ("120.000", 120_000),
            ("1.200.000", 1_200_000),
            ("1,200.50", 1201),
            ("1.200,49", 1200),
            ("120 000 €", 120_000),
            ("EUR 5000", 5000),
            ("$7,500", 7500),
            ("12.5", 13),
            ("0", 0),
        ] {
            assert_eq!(parse_amount(s), Ok(n), "{s}");
        }
        for s in [
            "12k€",
            "-5",
            "abc",
            "1e6",
            "",
            "€",
            "1..2x",
            "1.2.3",
            "12,34,567",
        ] {
            assert!(parse_amount(s).is_err(), "{s}");
        }
    }

    #[test]
    fn dates_and_margins() {
        assert_eq!(
            parse_date("31/12/2026").map(|d| d.to_string()),
            Ok("2026-12-31".into())
        );
        assert_eq!(
            parse_date("1.2.2027").map(|d| d.to_string()),
            Ok("2027-02-01".into())
        );
        assert_eq!(parse_date("31/02/2026"), Err("is not a real date".into()));
        assert!(parse_date("12/31/2026").is_err());
        assert!(parse_date("soon").is_err());
        assert_eq!(parse_margin("22,5 %"), Ok(Margin::Percent(22.5)));
        assert_eq!(
            parse_margin("Medium"),
            Ok(Margin::Level(MarginLevel::Normal))
        );
        assert!(parse_margin("250%").is_err());
        assert!(parse_margin("NaN").is_err());
    }

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("plain"), "plain");
    }
}

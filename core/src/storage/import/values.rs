//! Values of a client list cell: amounts of money, margins, importance and
//! tags, each read in the forms CRMs and spreadsheets write them.

use crate::domain::{Importance, Margin, MarginLevel};
use crate::storage::validate::MARGIN_PERCENT_RANGE;

/// Signs dropped around an amount (the amount is in whatever currency the
/// user works in; Continuum does not convert). `'` is the Swiss thousands
/// separator.
const CURRENCY_SIGNS: &[char] = &['€', '$', '£', '¥', '₹', '₩', '₺', '₽', '₪', '\'', '\u{a0}'];

/// A whole amount of money: `120000`, `120,000`, `120.000`, `120 000 €`,
/// `$1,200.50` (rounded), `USD 2,400,000.00`, `2.400.000 €`, `EUR 1 200`,
/// `£1,200.50`. Negative amounts (`-5`, `(5)`, `5-`) are refused: a client
/// list holds revenues, and a negative one is a credit note or a typo. The
/// error completes "revenue '12k€' …".
pub fn parse_amount(s: &str) -> Result<u64, String> {
    let mut t: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && !CURRENCY_SIGNS.contains(c))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    // A currency code before or after the number: "EUR 1200", "1200 CHF".
    for _ in 0..2 {
        let n = t.len();
        if n > 3 && t.is_char_boundary(3) && t[..3].bytes().all(|b| b.is_ascii_uppercase()) {
            t.drain(..3);
        } else if n > 3
            && t.is_char_boundary(n - 3)
            && t[n - 3..].bytes().all(|b| b.is_ascii_uppercase())
        {
            t.truncate(n - 3);
        }
    }
    // Accounting style writes a negative amount in parentheses or with a
    // trailing minus (SAP exports).
    if (t.starts_with('(') && t.ends_with(')')) || (t.len() > 1 && t.ends_with('-')) {
        return Err("cannot be negative".into());
    }
    if t.starts_with('-') {
        return Err("cannot be negative".into());
    }
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return Err("is not a number (write it with digits only, such as 120000)".into());
    }
    let decimal = decimal_separator(&t);
    let (whole, fraction) = match decimal {
        Some(d) => t.rsplit_once(d).unwrap_or((&t, "")),
        None => (t.as_str(), ""),
    };
    // Thousands groups after the first have exactly three digits: "1.2.3"
    // is a typing mistake, not 123.
    let groups: Vec<&str> = whole.split([',', '.']).collect();
    let grouped_ok = groups.len() == 1
        || (matches!(groups[0].len(), 1..=3) && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if digits.is_empty() || !grouped_ok || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err("is not a number (write it with digits only, such as 120000)".into());
    }
    let too_large = || "is too large".to_string();
    let mut amount: u64 = digits.parse().map_err(|_| too_large())?;
    if fraction.starts_with(|c: char| ('5'..='9').contains(&c)) {
        amount = amount.checked_add(1).ok_or_else(too_large)?;
    }
    Ok(amount)
}

/// Which of `.` and `,` is the decimal point, if any: the last one when both
/// appear; a lone separator followed by exactly three digits is read as
/// thousands (money in whole units is the common case).
fn decimal_separator(t: &str) -> Option<char> {
    let last_dot = t.rfind('.');
    let last_comma = t.rfind(',');
    let lone = |c: char, at: usize| {
        let once = t.matches(c).count() == 1;
        let after = t.len() - at - 1;
        (once && after != 3).then_some(c)
    };
    match (last_dot, last_comma) {
        (Some(d), Some(c)) => Some(if d > c { '.' } else { ',' }),
        (Some(d), None) => lone('.', d),
        (None, Some(c)) => lone(',', c),
        (None, None) => None,
    }
}

/// `low`, `normal` (or `medium`), `high`, or a percentage: `22`, `22.5 %`, `22,5%`.
pub fn parse_margin(s: &str) -> Result<Margin, String> {
    let lower = s.trim().to_lowercase();
    let level = match lower.as_str() {
        "low" => Some(MarginLevel::Low),
        "normal" | "medium" | "average" | "mid" => Some(MarginLevel::Normal),
        "high" => Some(MarginLevel::High),
        _ => None,
    };
    if let Some(l) = level {
        return Ok(Margin::Level(l));
    }
    let number = lower.trim_end_matches('%').trim().replace(',', ".");
    match number.parse::<f64>() {
        Ok(x) if x.is_finite() && MARGIN_PERCENT_RANGE.contains(&x) => Ok(Margin::Percent(x)),
        Ok(_) => Err("must be a percentage between -100 and 100".into()),
        Err(_) => Err("is not low, normal, high or a percentage".into()),
    }
}

/// An amount from a spreadsheet's number cell: whole units, rounded.
pub fn amount_from_number(n: f64) -> Result<u64, String> {
    if !n.is_finite() {
        return Err("is not a number".into());
    }
    if n < 0.0 {
        return Err("cannot be negative".into());
    }
    let r = n.round();
    if r >= 18_446_744_073_709_551_615.0 {
        return Err("is too large".into());
    }
    Ok(r as u64)
}

/// `low`, `medium`, `high` (and their German, French, Spanish and Dutch
/// words), `A`/`B`/`C` tiers, or `1`–`3` (1 is the highest, as in CRM
/// priority fields).
pub fn parse_importance(s: &str) -> Result<Importance, String> {
    let k = s.trim().to_lowercase();
    match k.as_str() {
        "high" | "a" | "1" | "hoch" | "haute" | "elevee" | "élevée" | "alta" | "hoog"
        | "tier 1" => Ok(Importance::High),
        "medium" | "normal" | "b" | "2" | "mittel" | "moyenne" | "media" | "gemiddeld"
        | "tier 2" => Ok(Importance::Medium),
        "low" | "c" | "3" | "niedrig" | "basse" | "faible" | "baja" | "laag" | "tier 3" => {
            Ok(Importance::Low)
        }
        _ => Err("is not high, medium or low".into()),
    }
}

/// Tags as CRMs join them: `;` (HubSpot multi-select), `,` (Pipedrive
/// labels) or `|`.
pub fn parse_tags(s: &str) -> Vec<String> {
    s.split([';', '|', ','])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crm_amounts() {
        for (s, n) in [
            ("USD 2,400,000.00", 2_400_000),
            ("2.400.000 €", 2_400_000),
            ("EUR 1 200", 1200),
            ("£1,200.50", 1201),
            ("1\u{202f}200\u{a0}€", 1200),
            ("CHF 1'250'000", 1_250_000),
        ] {
            assert_eq!(parse_amount(s), Ok(n), "{s}");
        }
        for s in ["-5", "(5)", "5-", "USD (1,200.00)", "\u{2212}5"] {
            assert_eq!(parse_amount(s), Err("cannot be negative".into()), "{s}");
        }
        assert_eq!(amount_from_number(1200.5), Ok(1201));
        assert!(amount_from_number(-1.0).is_err());
        assert!(amount_from_number(f64::NAN).is_err());
    }
}

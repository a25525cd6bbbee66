//! How numbers, counts and renewal dates are worded on every page.

use crate::domain::Date;

/// `1234567` as "1,234,567".
pub fn money(amount: u64) -> String {
    let digits = amount.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// A sum of known revenues, with how many revenues were unknown:
/// "1,250,000", or "1,250,000 (+2 unknown)".
pub fn revenue_total(known: u64, unknown: usize) -> String {
    if unknown == 0 {
        money(known)
    } else {
        format!("{} (+{unknown} unknown)", money(known))
    }
}

/// "1 client", "3 clients".
pub fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Whole calendar months from `from` to `to` (0 if `to` is within a month).
fn months_between(from: Date, to: Date) -> i32 {
    let (y1, m1, d1) = from.ymd();
    let (y2, m2, d2) = to.ymd();
    let months = (y2 - y1) * 12 + m2 as i32 - m1 as i32;
    if d2 < d1 {
        months - 1
    } else {
        months
    }
}

/// "Renews in 5 months", "Renews in 12 days", "Contract ended 3 days ago".
pub fn renewal_text(end: Date, today: Date) -> String {
    let days = end.days_since(today);
    if days < 0 {
        format!(
            "Contract ended {} ago",
            plural(-(days as i64), "day", "days")
        )
    } else if days == 0 {
        "Renews today".to_string()
    } else if days <= 60 {
        format!("Renews in {}", plural(days as i64, "day", "days"))
    } else {
        let months = months_between(today, end).max(2);
        format!("Renews in {}", plural(months as i64, "month", "months"))
    }
}

/// "in 3 days", "today", "5 days ago".
pub fn relative_days(days_from_today: i32) -> String {
    match days_from_today {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        -1 => "yesterday".to_string(),
        d if d > 0 => format!("in {d} days"),
        d => format!("{} days ago", -d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Date {
        Date::from_ymd(y, m, d).expect("a real day")
    }

    #[test]
    fn money_groups_thousands() {
        assert_eq!(money(0), "0");
        assert_eq!(money(999), "999");
        assert_eq!(money(1000), "1,000");
        assert_eq!(money(1_234_567), "1,234,567");
        assert_eq!(money(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn revenue_total_names_the_unknown() {
        assert_eq!(revenue_total(1_250_000, 0), "1,250,000");
        assert_eq!(revenue_total(1_250_000, 2), "1,250,000 (+2 unknown)");
        assert_eq!(revenue_total(0, 1), "0 (+1 unknown)");
    }

    #[test]
    fn plural_counts() {
        assert_eq!(plural(0, "client", "clients"), "0 clients");
        assert_eq!(plural(1, "client", "clients"), "1 client");
        assert_eq!(plural(2, "day", "days"), "2 days");
    }

    #[test]
    fn renewal_text_in_days_then_months() {
        let today = day(2026, 3, 1);
        assert_eq!(renewal_text(today, today), "Renews today");
        assert_eq!(renewal_text(day(2026, 3, 2), today), "Renews in 1 day");
        assert_eq!(renewal_text(day(2026, 4, 30), today), "Renews in 60 days");
        // 61 days is within two calendar months: never fewer than 2 months.
        assert_eq!(renewal_text(day(2026, 5, 1), today), "Renews in 2 months");
        assert_eq!(renewal_text(day(2026, 8, 31), today), "Renews in 5 months");
        assert_eq!(renewal_text(day(2026, 9, 1), today), "Renews in 6 months");
        assert_eq!(renewal_text(day(2027, 3, 1), today), "Renews in 12 months");
        assert_eq!(
            renewal_text(day(2026, 2, 28), today),
            "Contract ended 1 day ago"
        );
        assert_eq!(
            renewal_text(day(2026, 2, 26), today),
            "Contract ended 3 days ago"
        );
    }

    #[test]
    fn relative_days_reads_naturally() {
        assert_eq!(relative_days(0), "today");
        assert_eq!(relative_days(1), "tomorrow");
        assert_eq!(relative_days(-1), "yesterday");
        assert_eq!(relative_days(3), "in 3 days");
        assert_eq!(relative_days(-5), "5 days ago");
    }
}

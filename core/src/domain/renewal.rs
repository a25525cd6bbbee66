//! Renewal windows (METHOD.md, "Warning signs": a contract ending within 6
//! months, urgent within 3), counted in calendar months with
//! [`Date::add_months`], so every screen and every rule agrees on the day a
//! renewal enters a window.

use super::date::Date;
use super::warnings::{RENEWAL_MONTHS, RENEWAL_URGENT_MONTHS};

/// The contract has not ended and ends within [`RENEWAL_MONTHS`] calendar
/// months of `today` (the end day itself included).
pub fn renewal_approaching(end: Date, today: Date) -> bool {
    end >= today && end <= today.add_months(RENEWAL_MONTHS)
}

/// The contract has not ended and ends within [`RENEWAL_URGENT_MONTHS`]
/// calendar months of `today`: the urgent part of the renewal window.
pub fn renewal_urgent(end: Date, today: Date) -> bool {
    end >= today && end <= today.add_months(RENEWAL_URGENT_MONTHS)
}

/// What the boards mark as "renewal soon": the contract ends within
/// [`RENEWAL_URGENT_MONTHS`] calendar months, or has already ended (a
/// renewal that is overdue needs attention just as much).
pub fn renewal_soon(end: Date, today: Date) -> bool {
    end <= today.add_months(RENEWAL_URGENT_MONTHS)
}

//! The clock and ids: the one place the UI reads the time or makes an id.

use leptos::prelude::*;

use crate::domain::{Date, Id, Stamp};

/// Today in the user's time zone.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_else(|| Date::from_days_since_epoch((js_sys::Date::now() / 86_400_000.0) as i32))
}

/// Keeps `day` on today's date: checked each minute (so a tab left open
/// overnight moves to the new day) and when the page becomes visible again
/// (timers sleep with a laptop's lid). Setting the same date again notifies
/// nobody, so nothing recomputes until the day really changes.
pub fn follow_today(day: WriteSignal<Date>) {
    let refresh = move || {
        let now = today();
        day.maybe_update(|d| {
            let changed = *d != now;
            *d = now;
            changed
        });
    };
    let _ = set_interval_with_handle(refresh, std::time::Duration::from_secs(60));
    let _ = window_event_listener_untyped("visibilitychange", move |_| refresh());
    let _ = window_event_listener(leptos::ev::focus, move |_| refresh());
}

/// The current time as ISO 8601 (UTC), for exports and backups.
pub fn now_iso() -> String {
    let s = String::from(js_sys::Date::new_0().to_iso_string());
    // Whole seconds are enough and keep file contents tidy.
    match s.split_once('.') {
        Some((head, _)) => format!("{head}Z"),
        None => s,
    }
}

/// Now, to the second, for when a record was changed (see `domain::changes`).
pub fn now_stamp() -> Stamp {
    Stamp::from_unix_seconds((js_sys::Date::now() / 1000.0) as i64)
}

/// A short random id (base 36), short because ids are stored in every record.
pub fn new_id(prefix: &str) -> Id {
    let mut n = (js_sys::Math::random() * 36f64.powi(8)) as u64;
    let mut s = String::with_capacity(prefix.len() + 8);
    s.push_str(prefix);
    for _ in 0..8 {
        let d = (n % 36) as u32;
        s.push(char::from_digit(d, 36).unwrap_or('0'));
        n /= 36;
    }
    Id::new(s)
}

//! This tab's session storage: what should survive a reload of this tab
//! only (never another tab, never the next visit).

/// Whether the demo was open in this tab before a reload.
const DEMO_KEY: &str = "continuum/session/demo";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

pub fn demo_was_open() -> bool {
    storage()
        .and_then(|s| s.get_item(DEMO_KEY).ok().flatten())
        .is_some()
}

/// Remembers (or forgets) that the demo is open, for a reload. Failing to
/// (storage switched off) only means a reload leaves the demo.
pub fn remember_demo(open: bool) {
    if let Some(s) = storage() {
        let _ = if open {
            s.set_item(DEMO_KEY, "1")
        } else {
            s.remove_item(DEMO_KEY)
        };
    }
}

/// Whether the demo team was open in this tab before a reload. Session
/// storage is never read as a sign of a returning user (only local storage's
/// `continuum` keys are), and the demo team is generated again from the date.
const TEAM_DEMO_KEY: &str = "continuum/session/team-demo";

pub fn team_demo_was_open() -> bool {
    storage()
        .and_then(|s| s.get_item(TEAM_DEMO_KEY).ok().flatten())
        .is_some()
}

/// Remembers (or forgets) that the demo team is open, for a reload.
pub fn remember_team_demo(open: bool) {
    if let Some(s) = storage() {
        let _ = if open {
            s.set_item(TEAM_DEMO_KEY, "1")
        } else {
            s.remove_item(TEAM_DEMO_KEY)
        };
    }
}

//! One component per route.

use leptos::prelude::*;

mod backup_folder;
mod board;
mod client;
mod due;
mod export;
mod import;
pub(crate) mod locked;
mod passphrase;
mod safety;
mod settings;
mod team;
mod welcome;

pub use board::Board;
pub use client::{ClientPage, UndoDelete};
pub use due::Due;
pub use import::{listen_for_dropped_files, start_import, ImportStage};
pub use safety::BackupReminder;
pub use settings::Settings;
pub use team::{Team, TeamClientPage, TeamSession};
pub use welcome::Welcome;

/// Sets the browser tab's title for the page being shown.
pub(crate) fn set_title(page: &str) {
    document().set_title(&format!("{page} · Continuum"));
}

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. " <a href="/board">"Go to the board"</a></p>
    }
}

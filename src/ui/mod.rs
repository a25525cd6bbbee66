//! The Leptos app, compiled to WebAssembly only.
//!
//! [`App`] is the whole page: the header with the main navigation and the
//! routed pages. Routes live in the URL so the back button and deep links work.

mod app;
pub mod files;
mod pages;
mod routes;
mod split;
/// Opening passphrase-locked files: [`locked::LockedFile`] and the
/// [`locked::PassphrasePrompt`] component.
pub mod locked {
    pub use super::pages::locked::{LockedFile, PassphrasePrompt};
}
pub mod store;
mod sw;

pub use app::App;

/// Entry point called by `main`: shows Rust panics in the browser console
/// and mounts the app on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

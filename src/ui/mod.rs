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
///
/// When index.html's first paint (`#boot`) is on screen, the app mounts only
/// once that paint has been presented (two animation frames, or 100 ms in a
/// background tab, whichever comes first): replaced earlier, the browser
/// would count the app's identical page as the largest paint instead.
pub fn start() {
    console_error_panic_hook::set_once();
    let boot = leptos::prelude::document().get_element_by_id("boot");
    if boot.is_none() {
        return mount();
    }
    let once = std::rc::Rc::new(std::cell::Cell::new(false));
    let go = move || {
        if !once.replace(true) {
            mount();
        }
    };
    let after_frames = go.clone();
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::request_animation_frame(after_frames)
    });
    leptos::prelude::set_timeout(go, std::time::Duration::from_millis(100));
}

fn mount() {
    leptos::mount::mount_to_body(App);
    // The first paint gives way in the same task as the app mounts, so no
    // frame shows both (and nothing moves: the copies match).
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}

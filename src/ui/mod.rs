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
/// When index.html's first paint (`#boot`) is on screen, the app mounts once
/// the browser has recorded that paint as presented (its largest-paint
/// entry, or 500 ms at most): replaced earlier, the paint would not count,
/// and the app's identical page would be taken as the first real content.
/// On a slow network the entry is long there when the app arrives, so it
/// mounts at once.
pub fn start() {
    console_error_panic_hook::set_once();
    if leptos::prelude::document()
        .get_element_by_id("boot")
        .is_none()
    {
        return mount();
    }
    let once = std::rc::Rc::new(std::cell::Cell::new(false));
    let go = move || {
        if !once.replace(true) {
            mount();
        }
    };
    after_first_paint(go.clone());
    leptos::prelude::set_timeout(go, std::time::Duration::from_millis(500));
}

/// Calls `then` once a largest-contentful-paint entry exists (buffered, so
/// one recorded before now counts); does nothing where the browser has no
/// such entries (the time-out in [`start`] covers it).
fn after_first_paint(then: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let callback = Closure::<dyn FnMut(JsValue, web_sys::PerformanceObserver)>::new(
        move |_entries: JsValue, observer: web_sys::PerformanceObserver| {
            observer.disconnect();
            then();
        },
    );
    let Ok(observer) = web_sys::PerformanceObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    // `type` with `buffered` (web-sys offers only `entryTypes`, which ignores `buffered`).
    let init = js_sys::Object::new();
    let set = |key: &str, value: JsValue| js_sys::Reflect::set(&init, &key.into(), &value).is_ok();
    if set("type", "largest-contentful-paint".into()) && set("buffered", true.into()) {
        observer.observe(init.unchecked_ref());
        // Lives as long as the observer; it runs once.
        callback.forget();
    }
}

fn mount() {
    leptos::mount::mount_to_body(App);
    // The first paint gives way in the same task as the app mounts, so no
    // frame shows both (and nothing moves: the copies match).
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
}

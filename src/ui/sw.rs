//! Offline after one visit: registers the service worker that tools/precache.mjs
//! writes for release builds, and tells the user, once, when the app they open
//! is a newer release than at their last visit.
//!
//! Debug builds register nothing, so `trunk serve` never serves stale files.
//! The worker never reloads an open page: a new release is picked up on the
//! next visit, so nobody is interrupted mid-edit.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::store::{NoticeKind, Store};
use crate::edge::local_storage::LocalStore;

/// Where the release name of the last visit is kept: outside the `continuum`
/// keys, which hold the user's data only (and are what storage checks,
/// backups and tests look at).
const LAST_RELEASE_KEY: &str = "app-release";
/// What index.html says before the release build names it.
const UNNAMED: &str = "development";

pub fn start(store: Store) {
    if cfg!(not(debug_assertions)) {
        wasm_bindgen_futures::spawn_local(register());
    }
    announce_update(store);
}

async fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // Called through Reflect: `navigator.serviceWorker` is absent outside
    // secure contexts (plain http other than localhost), and this avoids two
    // more web-sys features for one call.
    let Ok(container) = Reflect::get(&window.navigator(), &JsValue::from_str("serviceWorker"))
    else {
        return;
    };
    let Ok(register) = Reflect::get(&container, &JsValue::from_str("register")) else {
        return;
    };
    let Some(register) = register.dyn_ref::<Function>() else {
        return;
    };
    let result = match register.call1(&container, &JsValue::from_str("/sw.js")) {
        Ok(promise) => JsFuture::from(Promise::resolve(&promise)).await,
        Err(e) => Err(e),
    };
    if let Err(e) = result {
        // The app works without it; only opening it offline does not.
        web_sys::console::warn_2(&JsValue::from_str("Continuum works online only here:"), &e);
    }
}

/// This page's release name, written into index.html by the release build.
fn this_release() -> Option<String> {
    let meta = leptos::prelude::document()
        .query_selector("meta[name=continuum-release]")
        .ok()??;
    meta.get_attribute("content")
        .filter(|r| !r.is_empty() && r != UNNAMED)
}

fn announce_update(store: Store) {
    let (Some(release), Ok(storage)) = (this_release(), LocalStore::open()) else {
        return;
    };
    let last = storage.get(LAST_RELEASE_KEY);
    if last.as_deref() == Some(release.as_str()) {
        return;
    }
    if last.is_some() {
        store.notify(
            NoticeKind::Info,
            "Continuum has been updated since your last visit. Your clients are here as you left them.",
            None,
        );
    }
    // Not being able to remember the release only means no notice next time.
    let _ = storage.set(LAST_RELEASE_KEY, &release);
}

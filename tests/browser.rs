//! Browser tests: components and local storage in headless Chromium,
//! through `wasm-bindgen-test` (run by `./dev.sh test`).
#![cfg(target_arch = "wasm32")]

use continuum::ui::App;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the browser run pending tasks, so reactive updates reach the DOM.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("test runs in a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("test runs in a page")
}

/// Mounts the app in a fresh element and returns that element.
fn mount_app() -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("div")
        .expect("can create a div")
        .unchecked_into();
    document()
        .body()
        .expect("page has a body")
        .append_child(&host)
        .expect("append");
    std::mem::forget(leptos::mount::mount_to(host.clone(), App));
    host
}

fn text_of(host: &HtmlElement, selector: &str) -> String {
    host.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

fn set_path(path: &str) {
    let history = web_sys::window()
        .expect("window")
        .history()
        .expect("history");
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
}

#[wasm_bindgen_test]
async fn the_shell_mounts_and_its_navigation_renders_each_page() {
    let start = web_sys::window()
        .expect("window")
        .location()
        .href()
        .expect("href");
    set_path("/");
    let host = mount_app();
    settle().await;

    assert!(text_of(&host, "header").contains("Continuum"));
    let links = host.query_selector_all("nav a").expect("query nav links");
    assert_eq!(links.length(), 4, "Board, Due, Team and Settings");
    assert_eq!(text_of(&host, "main h1"), "Welcome to Continuum");

    for (label, heading) in [
        ("Board", "Board"),
        ("Due", "Due"),
        ("Team", "Team"),
        ("Settings", "Settings"),
    ] {
        let link: HtmlElement = (0..links.length())
            .filter_map(|i| links.item(i))
            .find(|l| l.text_content().as_deref() == Some(label))
            .expect("navigation link exists")
            .unchecked_into();
        link.click();
        settle().await;
        assert_eq!(text_of(&host, "main h1"), heading, "after clicking {label}");
        let path = web_sys::window()
            .expect("window")
            .location()
            .pathname()
            .expect("path");
        assert_eq!(path, format!("/{}", label.to_lowercase()));
    }

    host.remove();
    set_path(&start);
}

#[wasm_bindgen_test]
fn local_storage_is_reachable() {
    let key = "continuum-test/reachable";
    LocalStorage::set(key, "ok").expect("write to local storage");
    let back: String = LocalStorage::get(key).expect("read back");
    assert_eq!(back, "ok");
    LocalStorage::delete(key);
    assert!(LocalStorage::get::<String>(key).is_err());
}

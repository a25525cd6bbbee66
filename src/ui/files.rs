//! Files in and out of the browser: downloads made from text, and reading
//! a file the user picked or dropped.

use leptos::prelude::GetUntracked;
use wasm_bindgen::JsCast;

use super::store::{now_iso, Store};
use crate::storage::file::{export_file_name, export_json};

/// Offers `text` as a download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not prepare the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not prepare the file".to_string())?;
    let document = leptos::prelude::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser could not start the download".to_string())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked on a later turn: revoking at once can cancel the download.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Downloads the whole portfolio as a Continuum file.
pub fn download_export(store: Store) {
    let portfolio = store.portfolio();
    let text = export_json(&portfolio, &now_iso());
    let name = export_file_name(&portfolio.owner, store.today.get_untracked());
    match download(&name, "application/json", &text) {
        Ok(()) => store.saved_to_file(),
        Err(e) => store.notify(
            super::store::NoticeKind::Error,
            &format!("Export failed: {e}."),
            None,
        ),
    }
}

/// Downloads the raw text kept under a storage key (a quarantined record).
pub fn download_raw(store: Store, key: &str) {
    let Some(text) = store.local_store().and_then(|s| s.get(key)) else {
        return;
    };
    let name = format!(
        "continuum-unreadable-{}.txt",
        key.rsplit('/').next().unwrap_or("record")
    );
    let _ = download(&name, "text/plain", &text);
}

/// Reads a picked or dropped file as bytes. The browser starts reading
/// at once, before the future is awaited, so a caller can have the next
/// file read while it works on this one.
pub fn read_file(
    file: &web_sys::File,
) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    let reading = wasm_bindgen_futures::JsFuture::from(file.array_buffer());
    let name = file.name();
    async move {
        let buffer = reading
            .await
            .map_err(|_| format!("{name} could not be read"))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}

/// Hands the main thread back to the browser (a zero-delay timeout) so it
/// can paint progress and answer input before the next slice of work.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve: js_sys::Function, _| {
        leptos::prelude::set_timeout(
            move || {
                let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
            },
            std::time::Duration::ZERO,
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

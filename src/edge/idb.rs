//! Keeps the backup folder's handle in IndexedDB (local storage holds only
//! strings, and a folder handle can only be kept as a structured object).
//! One database, one object store, one key.

use js_sys::Promise;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::js::{call, get};

const DATABASE: &str = "continuum-folder";
const STORE: &str = "handles";
const KEY: &str = "backup-folder";

/// Resolves with an IndexedDB request's result once it succeeds.
async fn finished(request: JsValue) -> Result<JsValue, JsValue> {
    let promise = Promise::new(&mut |resolve, reject| {
        let req = request.clone();
        let ok = Closure::once_into_js(move || {
            let result = get(&req, "result").unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::UNDEFINED, &result);
        });
        let fail = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::UNDEFINED, &JsValue::from_str("IndexedDB refused"));
        });
        let _ = js_sys::Reflect::set(&request, &"onsuccess".into(), &ok);
        let _ = js_sys::Reflect::set(&request, &"onerror".into(), &fail);
    });
    JsFuture::from(promise).await
}

async fn open() -> Result<JsValue, JsValue> {
    let window: JsValue = web_sys::window().ok_or(JsValue::NULL)?.into();
    let factory = get(&window, "indexedDB").ok_or(JsValue::NULL)?;
    let request = call(&factory, "open", &[DATABASE.into(), 1.into()])?;
    let req = request.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Some(db) = get(&req, "result") {
            let _ = call(&db, "createObjectStore", &[STORE.into()]);
        }
    });
    js_sys::Reflect::set(&request, &"onupgradeneeded".into(), &upgrade)?;
    finished(request).await
}

/// The object store, in a transaction of `mode` (`readonly`/`readwrite`).
async fn store(mode: &str) -> Result<(JsValue, JsValue), JsValue> {
    let db = open().await?;
    let tx = call(&db, "transaction", &[STORE.into(), mode.into()])?;
    Ok((db, call(&tx, "objectStore", &[STORE.into()])?))
}

async fn run(mode: &str, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let (db, store) = store(mode).await?;
    let result = finished(call(&store, method, args)?).await;
    let _ = call(&db, "close", &[]);
    result
}

/// Keeps `handle` as the backup folder.
pub async fn keep_folder(handle: &JsValue) -> Result<(), JsValue> {
    run("readwrite", "put", &[handle.clone(), KEY.into()])
        .await
        .map(|_| ())
}

/// The kept backup folder, if any.
pub async fn kept_folder() -> Option<JsValue> {
    run("readonly", "get", &[KEY.into()])
        .await
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Forgets the backup folder.
pub async fn forget_folder() -> Result<(), JsValue> {
    run("readwrite", "delete", &[KEY.into()]).await.map(|_| ())
}

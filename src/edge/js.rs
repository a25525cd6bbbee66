//! Calling browser APIs by name (`js_sys::Reflect`), for the few that
//! web-sys offers only behind unstable features (File System Access) or
//! that are simpler this way (IndexedDB's requests). Failures come back as
//! the browser's error value, never a panic.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `target[name]`, or `None` when it is missing (undefined or null).
pub fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Whether `target[name]` is a function.
pub fn has_method(target: &JsValue, name: &str) -> bool {
    get(target, name).is_some_and(|f| f.is_function())
}

/// `target[name](...args)`.
pub fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let method: Function = get(target, name)
        .ok_or_else(|| JsValue::from_str(&format!("{name} is not offered by this browser")))?
        .dyn_into()?;
    method.apply(target, &args.iter().collect::<Array>())
}

/// `await target[name](...args)`.
pub async fn call_async(
    target: &JsValue,
    name: &str,
    args: &[JsValue],
) -> Result<JsValue, JsValue> {
    let promise = Promise::resolve(&call(target, name, args)?);
    JsFuture::from(promise).await
}

/// A plain object with the given fields (options for a browser call).
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = Reflect::set(&object, &JsValue::from_str(name), value);
    }
    object.into()
}

/// The name of a browser error (`AbortError`, `NotAllowedError`…), for
/// deciding what happened; messages are never shown raw.
pub fn error_name(error: &JsValue) -> String {
    get(error, "name")
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

//! The browser's local storage (wasm32 only): moves strings in and out and
//! turns the browser's failures into typed errors. Everything else about
//! storage (keys, encoding, what to write) is decided by the pure modules.

use wasm_bindgen::JsCast;

use crate::storage::local::PREFIX;

/// Why local storage cannot be used at all (disabled, private mode, or a
/// browser that throws on access).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unavailable(pub String);

// Pure, so the save engine and its tests use it natively.
pub use crate::present::save::WriteError;

/// This origin's local storage.
#[derive(Clone, Debug)]
pub struct LocalStore {
    storage: web_sys::Storage,
}

fn describe(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}

impl LocalStore {
    /// Opens local storage, checking that it really accepts a write (some
    /// private modes hand out a storage object that throws on every write).
    pub fn open() -> Result<LocalStore, Unavailable> {
        let window = web_sys::window().ok_or_else(|| Unavailable("no window".into()))?;
        let storage = match window.local_storage() {
            Ok(Some(s)) => s,
            Ok(None) => return Err(Unavailable("local storage is switched off".into())),
            Err(e) => return Err(Unavailable(describe(&e))),
        };
        let probe = "continuum-probe";
        match storage.set_item(probe, "1") {
            Ok(()) => {
                let _ = storage.remove_item(probe);
                Ok(LocalStore { storage })
            }
            // A full storage still works for reading: open it, writes will report.
            Err(e) if is_quota(&e) => Ok(LocalStore { storage }),
            Err(e) => Err(Unavailable(describe(&e))),
        }
    }

    /// Every Continuum key and its text.
    pub fn entries(&self) -> Vec<(String, String)> {
        let n = self.storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(PREFIX))
            .filter_map(|k| {
                let v = self.storage.get_item(&k).ok().flatten()?;
                Some((k, v))
            })
            .collect()
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.storage.get_item(key).ok().flatten()
    }

    pub fn set(&self, key: &str, value: &str) -> Result<(), WriteError> {
        self.storage.set_item(key, value).map_err(|e| {
            if is_quota(&e) {
                WriteError::Full
            } else {
                WriteError::Other(describe(&e))
            }
        })
    }

    pub fn remove(&self, key: &str) {
        let _ = self.storage.remove_item(key);
    }

    /// Applies a start-up plan: every write first, then the removals, and
    /// stops before removing anything if a write failed (nothing is lost).
    pub fn apply(&self, plan: &crate::storage::local::Plan) -> Result<(), WriteError> {
        for (k, v) in &plan.set {
            self.set(k, v)?;
        }
        for k in &plan.remove {
            self.remove(k);
        }
        Ok(())
    }

    /// Bytes used by this origin's local storage (keys and values are kept
    /// as UTF-16, two bytes a code unit).
    pub fn bytes_used(&self) -> usize {
        let n = self.storage.length().unwrap_or(0);
        (0..n)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .map(|k| {
                let v = self.storage.get_item(&k).ok().flatten().unwrap_or_default();
                (k.encode_utf16().count() + v.encode_utf16().count()) * 2
            })
            .sum()
    }
}

fn is_quota(error: &wasm_bindgen::JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name() == "QuotaExceededError" || e.code() == 22)
        .unwrap_or(false)
}

/// Asks the browser to keep this site's storage even under disk pressure.
/// Returns whether it agreed (best effort: older browsers say no).
pub async fn ask_persistent() -> bool {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    let Ok(promise) = storage.persist() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|v| v.as_bool().unwrap_or(false))
        .unwrap_or(false)
}

/// Whether the browser already keeps this site's storage persistent
/// (`None`: it cannot say).
pub async fn is_persistent() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persisted().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .as_bool()
}

/// The browser's estimate of this site's storage: (bytes used, bytes offered).
pub async fn storage_estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let field = |name: &str| {
        js_sys::Reflect::get(&estimate, &wasm_bindgen::JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((field("usage")?, field("quota").unwrap_or(0.0)))
}

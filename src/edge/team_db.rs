//! The browser's IndexedDB, where a manager's remembered team files are kept
//! (wasm32 only): one database, one store, one record per file. Twenty
//! salespeople's files are tens of megabytes, far over local storage's few
//! megabytes, and IndexedDB's room is a share of the disk; it also keeps the
//! team files out of the local storage the manager's own portfolio needs.

use js_sys::{Array, Function, Promise};
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::edge::local_storage::WriteError;
use crate::storage::team_files::team_file_key;

/// Not starting with `continuum`: nothing here marks a returning user.
const DB: &str = "team-files";
const STORE: &str = "files";

fn error_of(e: &JsValue) -> WriteError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(d) if d.name() == "QuotaExceededError" => WriteError::Full,
        Some(d) => WriteError::Other(d.message()),
        None => WriteError::Other(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .unwrap_or_else(|| "the browser's database refused".into()),
        ),
    }
}

/// A promise settled by the first of `ok` or `fail` on `target`: with `ok`
/// it resolves to what `value` reads, with `fail` it rejects with `error`.
fn settle(
    target: &web_sys::EventTarget,
    ok: &str,
    fail: &[&str],
    value: impl FnOnce() -> JsValue + 'static,
    error: impl Fn() -> JsValue + 'static,
) -> JsFuture {
    let mut value = Some(value);
    let mut error = Some(error);
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let (Some(value), Some(error)) = (value.take(), error.take()) else {
            return;
        };
        let on_ok = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::UNDEFINED, &value());
        });
        let on_fail = Closure::<dyn Fn()>::new(move || {
            let _ = reject.call1(&JsValue::UNDEFINED, &error());
        })
        .into_js_value();
        let _ = target.add_event_listener_with_callback(ok, on_ok.unchecked_ref());
        for name in fail {
            let _ = target.add_event_listener_with_callback(name, on_fail.unchecked_ref());
        }
    });
    JsFuture::from(promise)
}

async fn request(req: &IdbRequest) -> Result<JsValue, WriteError> {
    let (r1, r2) = (req.clone(), req.clone());
    settle(
        req,
        "success",
        &["error"],
        move || r1.result().unwrap_or(JsValue::UNDEFINED),
        move || {
            r2.error()
                .ok()
                .flatten()
                .map_or(JsValue::UNDEFINED, JsValue::from)
        },
    )
    .await
    .map_err(|e| error_of(&e))
}

async fn committed(tx: IdbTransaction) -> Result<(), WriteError> {
    let t = tx.clone();
    settle(
        &tx,
        "complete",
        &["error", "abort"],
        || JsValue::UNDEFINED,
        move || t.error().map_or(JsValue::UNDEFINED, JsValue::from),
    )
    .await
    .map(|_| ())
    .map_err(|e| error_of(&e))
}

/// The open database of remembered team files.
pub struct TeamDb(IdbDatabase);

impl TeamDb {
    pub async fn open() -> Result<TeamDb, WriteError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| WriteError::Other("this browser offers no database here".into()))?;
        let req = factory.open_with_u32(DB, 1).map_err(|e| error_of(&e))?;
        // The first open creates the store.
        let creating = req.clone();
        let upgrade = Closure::<dyn Fn()>::new(move || {
            if let Some(db) = creating
                .result()
                .ok()
                .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
            {
                let _ = db.create_object_store(STORE);
            }
        });
        req.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
        let opened = request(&req).await;
        req.set_onupgradeneeded(None);
        drop(upgrade);
        opened?
            .dyn_into::<IdbDatabase>()
            .map(TeamDb)
            .map_err(|_| WriteError::Other("the browser's database did not open".into()))
    }

    /// Every remembered file, in the order remembered: `(file name, text)`.
    pub async fn load(&self) -> Result<Vec<(String, String)>, WriteError> {
        let tx = self
            .0
            .transaction_with_str(STORE)
            .map_err(|e| error_of(&e))?;
        let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
        let all = request(&store.get_all().map_err(|e| error_of(&e))?).await?;
        Ok(Array::from(&all)
            .iter()
            .filter_map(|row| {
                let row = Array::from(&row);
                Some((row.get(0).as_string()?, row.get(1).as_string()?))
            })
            .collect())
    }

    /// Replaces every remembered file with `files` in one transaction: all
    /// are kept or, when one does not fit, none changes.
    pub async fn replace_all(&self, files: Vec<(String, String)>) -> Result<(), WriteError> {
        self.start_replace(files)?.done().await
    }

    /// Hands `files` over now, in place of every remembered file (one
    /// transaction); [`Pending::done`] says whether the browser kept them.
    pub fn start_replace(
        &self,
        files: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Pending, WriteError> {
        let tx = self
            .0
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(|e| error_of(&e))?;
        let put_all = || -> Result<(), JsValue> {
            let store = tx.object_store(STORE)?;
            store.clear()?;
            for (i, (name, text)) in files.into_iter().enumerate() {
                let key = JsValue::from_str(&team_file_key(i, &name));
                let row = Array::of2(&JsValue::from_str(&name), &JsValue::from_str(&text));
                store.put_with_key(&row, &key)?;
            }
            Ok(())
        };
        put_all().map_err(|e| {
            let _ = tx.abort();
            error_of(&e)
        })?;
        Ok(Pending(tx))
    }
}

/// A replacement handed to the browser, not yet known to be kept.
pub struct Pending(IdbTransaction);

impl Pending {
    pub async fn done(self) -> Result<(), WriteError> {
        committed(self.0).await
    }
}

impl Drop for TeamDb {
    fn drop(&mut self) {
        // Pending transactions still finish; closing lets a later open upgrade.
        self.0.close();
    }
}

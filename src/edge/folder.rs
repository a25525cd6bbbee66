//! Writing automatic backups into a folder with the File System Access API
//! (`showDirectoryPicker`, Chromium-based browsers), called by name so it
//! compiles without web-sys's unstable features. Any directory handle works,
//! the origin-private file system's too (the tests use it). Which files to
//! write and delete is decided by `present::backup`.

use wasm_bindgen::JsValue;

use super::js::{call, call_async, error_name, get, has_method, object};
use crate::present::backup::{backups_to_delete, KEEP_AUTOMATIC};

/// Why the folder could not be chosen or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FolderError {
    /// The user closed the folder picker.
    Cancelled,
    /// The browser refused a step; the step is named.
    Failed(&'static str),
}

impl std::fmt::Display for FolderError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FolderError::Cancelled => write!(f, "no folder was chosen"),
            FolderError::Failed(step) => write!(f, "the browser could not {step}"),
        }
    }
}

impl std::error::Error for FolderError {}

fn window() -> Option<JsValue> {
    web_sys::window().map(JsValue::from)
}

/// Whether this browser can let the user choose a folder to write to.
pub fn can_choose_folder() -> bool {
    window().is_some_and(|w| has_method(&w, "showDirectoryPicker"))
}

/// Asks the user for a folder to write backups to (must follow a click).
pub async fn choose_folder() -> Result<JsValue, FolderError> {
    let window = window().ok_or(FolderError::Failed("open the folder picker"))?;
    let options = object(&[
        ("id", "continuum-backups".into()),
        ("mode", "readwrite".into()),
    ]);
    call_async(&window, "showDirectoryPicker", &[options])
        .await
        .map_err(|e| match error_name(&e).as_str() {
            "AbortError" => FolderError::Cancelled,
            _ => FolderError::Failed("open the folder picker"),
        })
}

/// The folder's name as the user sees it.
pub fn folder_name(folder: &JsValue) -> String {
    get(folder, "name")
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "(unnamed)".to_string())
}

/// Whether the app may write to `folder`; with `ask`, asks the user (which
/// the browser allows only right after a click). A handle without the
/// permission methods (none known) counts as allowed: writing then says.
pub async fn may_write(folder: &JsValue, ask: bool) -> bool {
    let method = if ask {
        "requestPermission"
    } else {
        "queryPermission"
    };
    if !has_method(folder, method) {
        return true;
    }
    let options = object(&[("mode", "readwrite".into())]);
    call_async(folder, method, &[options])
        .await
        .ok()
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == "granted")
}

/// The names of the files and folders in `folder`.
pub async fn file_names(folder: &JsValue) -> Result<Vec<String>, FolderError> {
    const STEP: &str = "list the folder's files";
    let entries = call(folder, "keys", &[]).map_err(|_| FolderError::Failed(STEP))?;
    let mut names = Vec::new();
    loop {
        let next = call_async(&entries, "next", &[])
            .await
            .map_err(|_| FolderError::Failed(STEP))?;
        if get(&next, "done").is_some_and(|d| d.is_truthy()) {
            return Ok(names);
        }
        if let Some(name) = get(&next, "value").and_then(|v| v.as_string()) {
            names.push(name);
        }
    }
}

/// Writes `text` to the file `name` in `folder`, replacing it if present.
pub async fn write_file(folder: &JsValue, name: &str, text: &str) -> Result<(), FolderError> {
    const STEP: &str = "write the backup file";
    let fail = |_| FolderError::Failed(STEP);
    let create = object(&[("create", true.into())]);
    let file = call_async(folder, "getFileHandle", &[name.into(), create])
        .await
        .map_err(fail)?;
    let writable = call_async(&file, "createWritable", &[])
        .await
        .map_err(fail)?;
    call_async(&writable, "write", &[text.into()])
        .await
        .map_err(fail)?;
    call_async(&writable, "close", &[]).await.map_err(fail)?;
    Ok(())
}

/// Writes the day's backup `name` into `folder`, then deletes the oldest
/// automatic backups beyond the last 30 (no other file is touched).
/// Returns how many old backups were deleted.
pub async fn write_backup(folder: &JsValue, name: &str, text: &str) -> Result<usize, FolderError> {
    write_file(folder, name, text).await?;
    let names = file_names(folder).await?;
    let old = backups_to_delete(&names, KEEP_AUTOMATIC);
    for name in &old {
        call_async(folder, "removeEntry", &[name.as_str().into()])
            .await
            .map_err(|_| FolderError::Failed("delete an old backup"))?;
    }
    Ok(old.len())
}

//! Split points: functions whose code is a piece of the app fetched when
//! first called (release builds split by tools/split.mjs), plain calls
//! elsewhere.

/// Marks a function as a split point (in split builds only). Its piece
/// failing to arrive is an `Err(PieceMissing)` for the caller to report, never
/// a panic: a panic would abort the wasm and lose whatever is not yet saved.
/// The function returns `Result<_, PieceMissing>` so both builds agree.
macro_rules! split_point {
    ($piece:ident, $item:item) => {
        #[cfg_attr(
            continuum_split,
            leptos::wasm_split::wasm_split($piece, fallible, wasm_split_path = ::leptos::wasm_split)
        )]
        $item
    };
}
pub(crate) use split_point;

/// Calls a function marked as a split point: in split builds the call first
/// waits for the function's piece of the app.
macro_rules! split_call {
    ($call:expr) => {{
        #[cfg(continuum_split)]
        let result = $call.await;
        #[cfg(not(continuum_split))]
        let result = $call;
        result
    }};
}
pub(crate) use split_call;

/// A piece of the app could not be fetched: offline before the service worker
/// has stored the app, or the files on the server were replaced by a newer
/// release while this page was open. Nothing is lost; fetching it is tried
/// again the next time it is needed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PieceMissing;

impl From<leptos::wasm_split::SplitLoaderError> for PieceMissing {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        PieceMissing
    }
}

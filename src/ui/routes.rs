//! The pages the router loads on demand.
//!
//! In release builds each page's code is a separate piece of wasm, fetched
//! the first time the page is opened (and kept by the service worker for
//! offline use), so a first visit downloads only the shell and the welcome
//! page. `wasm_split` (the attribute behind Leptos's `#[lazy]`) marks the
//! split points; `build.rs` turns them on only for the builds that
//! tools/split.mjs splits (release wasm). Elsewhere these are plain calls, so
//! debug builds and the browser tests run as one module. The router waits for
//! a page's piece before it leaves the current page (marked `aria-busy`
//! meanwhile), so no half-built page flashes while it loads.

use leptos::prelude::*;
use leptos_router::LazyRoute;

use super::pages;

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

/// Lazily loaded pages: for each, a route type and the split function behind
/// it. `in $piece` names the piece of the app its code goes into; functions
/// marked with the same piece load together (fewer, larger pieces: the tool
/// makes a shared chunk for each combination of pieces that use some code).
macro_rules! lazy_pages {
    ($($(#[$doc:meta])* $route:ident in $piece:ident => $load:ident: $page:path;)*) => {$(
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> AnyView {
                split_call!($load())
            }
        }

        #[cfg_attr(
            continuum_split,
            leptos::wasm_split::wasm_split($piece, wasm_split_path = ::leptos::wasm_split)
        )]
        fn $load() -> AnyView {
            $page().into_any()
        }
    )*};
}

lazy_pages! {
    /// `/board`: the four columns.
    BoardRoute in board => board_page: pages::Board;
    /// `/due`: what is due and overdue.
    DueRoute in due => due_page: pages::Due;
    /// `/team`: the manager's view of several files.
    TeamRoute in team => team_page: pages::Team;
    /// `/team/client/:id`: one client of the team view, read-only.
    TeamClientRoute in team => team_client_page: pages::TeamClientPage;
    /// `/settings`: import, export, storage.
    SettingsRoute in settings => settings_page: pages::Settings;
    /// `/client/:id` and its tabs.
    ClientRoute in client => client_page: pages::ClientPage;
}

/// Code the shell reaches only after a user action (a dropped file, a
/// notice's download button, the demo), loaded when it is first needed.
pub mod actions {
    use leptos::prelude::RwSignal;

    use crate::ui::pages::ImportStage;
    use crate::ui::store::Store;

    /// Reads a file dropped anywhere on the page into the import preview.
    #[cfg_attr(
        continuum_split,
        leptos::wasm_split::wasm_split(settings, wasm_split_path = ::leptos::wasm_split)
    )]
    pub fn import_dropped_file(store: Store, stage: RwSignal<ImportStage>, file: web_sys::File) {
        crate::ui::pages::start_import(store, stage, file);
    }

    /// "Export a file now" on a storage notice.
    #[cfg_attr(
        continuum_split,
        leptos::wasm_split::wasm_split(settings, wasm_split_path = ::leptos::wasm_split)
    )]
    pub fn export_everything(store: Store) {
        crate::ui::files::download_export(store);
    }

    /// "Download it" on a notice about a record set aside.
    #[cfg_attr(
        continuum_split,
        leptos::wasm_split::wasm_split(settings, wasm_split_path = ::leptos::wasm_split)
    )]
    pub fn download_set_aside(store: Store, key: String) {
        crate::ui::files::download_raw(store, &key);
    }

    /// "Open the demo portfolio": loads with the board, which opens next.
    #[cfg_attr(
        continuum_split,
        leptos::wasm_split::wasm_split(board, wasm_split_path = ::leptos::wasm_split)
    )]
    pub fn open_demo(store: Store) {
        store.enter_demo();
    }
}

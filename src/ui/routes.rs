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

// The split machinery lives in `split.rs` (the store uses it too, and must
// not depend on the route table); re-exported for the pages' paths.
pub(crate) use super::split::{split_call, split_point, PieceMissing};

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
                split_call!($load()).unwrap_or_else(|PieceMissing| view! { <PageMissing/> }.into_any())
            }
        }

        split_point!($piece, fn $load() -> Result<AnyView, PieceMissing> {
            Ok($page().into_any())
        });
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

/// Shown in place of a page whose piece of the app could not be fetched.
#[component]
fn PageMissing() -> impl IntoView {
    super::pages::set_title("Page not loaded");
    view! {
        <div class="page-missing">
            <h1>"This page could not be opened"</h1>
            <p>
                "Part of Continuum could not be fetched: this computer may be offline, or a newer version was published while this page was open. Your data is safe; nothing was changed."
            </p>
            <button
                type="button"
                class="button primary"
                on:click=move |_| {
                    // Unsaved changes are saved as the page goes (or the browser asks first).
                    let _ = window().location().reload();
                }
            >
                "Reload the page"
            </button>
        </div>
    }
}

/// Code the shell reaches only after a user action (a dropped file, a
/// notice's download button, the demo), loaded when it is first needed.
pub mod actions {
    use leptos::prelude::RwSignal;

    use crate::ui::pages::ImportStage;
    use crate::ui::split::{split_point, PieceMissing};
    use crate::ui::store::Store;

    split_point!(
        settings,
        /// Reads a file dropped anywhere on the page into the import preview.
        pub fn import_dropped_file(
            store: Store,
            stage: RwSignal<ImportStage>,
            file: web_sys::File,
        ) -> Result<(), PieceMissing> {
            crate::ui::pages::start_import(store, stage, file);
            Ok(())
        }
    );

    split_point!(
        settings,
        /// "Export a file now" on a storage notice.
        pub fn export_everything(store: Store) -> Result<(), PieceMissing> {
            crate::ui::files::download_export(store);
            Ok(())
        }
    );

    split_point!(
        settings,
        /// "Download it" on a notice about a record set aside.
        pub fn download_set_aside(store: Store, key: String) -> Result<(), PieceMissing> {
            crate::ui::files::download_raw(store, &key);
            Ok(())
        }
    );
}

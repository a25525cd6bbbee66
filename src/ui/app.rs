//! The app shell: header, main navigation and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::{path, Lazy};

use super::pages::{
    listen_for_dropped_files, BackupReminder, ImportStage, NotFound, TeamSession, UndoDelete,
    Welcome,
};
use super::routes::{
    actions, split_call, BoardRoute, ClientRoute, DueRoute, SettingsRoute, TeamClientRoute,
    TeamRoute,
};
use super::store::{keep_my_version, use_store, NoticeAction, NoticeKind, Store};

/// The navigation entries, in the order they appear in the header.
const NAVIGATION: [(&str, &str); 4] = [
    ("/board", "Board"),
    ("/due", "Due"),
    ("/team", "Team"),
    ("/settings", "Settings"),
];

#[component]
pub fn App() -> impl IntoView {
    let store = Store::provide();
    super::sw::start(store);
    provide_context(RwSignal::new(ImportStage::Idle));
    TeamSession::provide(store.today);
    // True while the router waits for a page's piece of the app: the page
    // being left is marked busy meanwhile, for screen readers (and tests).
    let (routing, set_routing) = signal(false);
    view! {
        <Router set_is_routing=set_routing>
            <header class="app-header">
                <A href="/">
                    <span class="brand">
                        <Logo/>
                        <span class="brand-name">"Continuum"</span>
                    </span>
                </A>
                <nav class="main-nav" aria-label="Main">
                    <ul>
                        {NAVIGATION
                            .into_iter()
                            .map(|(href, label)| view! { <li><A href=href>{label}</A></li> })
                            .collect_view()}
                    </ul>
                </nav>
            </header>
            <DropToImport/>
            <Notices/>
            <BackupReminder/>
            <UndoDelete/>
            <main id="main" class="page" aria-busy=move || routing.get().then_some("true")>
                <Show
                    when=move || store.ready.get()
                    fallback=|| view! { <p class="opening" role="status">"Opening your data…"</p> }
                >
                    <Routes fallback=|| view! { <NotFound/> }>
                        <Route path=path!("/") view=Welcome/>
                        <Route path=path!("/board") view={Lazy::<BoardRoute>::new()}/>
                        <Route path=path!("/due") view={Lazy::<DueRoute>::new()}/>
                        <Route path=path!("/team") view={Lazy::<TeamRoute>::new()}/>
                        <Route path=path!("/team/client/:id") view={Lazy::<TeamClientRoute>::new()}/>
                        <Route path=path!("/settings") view={Lazy::<SettingsRoute>::new()}/>
                        <Route path=path!("/client/:id") view={Lazy::<ClientRoute>::new()}/>
                        <Route path=path!("/client/:id/:tab") view={Lazy::<ClientRoute>::new()}/>
                    </Routes>
                </Show>
            </main>
        </Router>
    }
}

/// The mark: four blocks from secure to lost, as on the board.
#[component]
fn Logo() -> impl IntoView {
    view! {
        <svg class="logo" viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
            <rect width="64" height="64" rx="14" fill="#1f3a5f"/>
            <rect x="10" y="27" width="11" height="10" rx="3" fill="#5fb38a"/>
            <rect x="22" y="27" width="10" height="10" rx="3" fill="#d8b24a"/>
            <rect x="33" y="27" width="10" height="10" rx="3" fill="#e07b4c"/>
            <rect x="44" y="27" width="10" height="10" rx="3" fill="#b8c2cf"/>
        </svg>
    }
}

/// Banners: storage problems, other tabs' changes, the demo.
#[component]
fn Notices() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="notices" role="status" aria-live="polite">
            <Show when=move || store.demo.get()>
                <div class="notice info demo-banner">
                    <p>"You are looking at the demo portfolio. Changes here are not saved, and your own data is kept aside, untouched."</p>
                    <button class="button" on:click=move |_| store.leave_demo()>"Leave the demo"</button>
                </div>
            </Show>
            <For
                each=move || store.notices.get()
                key=|n| n.id
                children=move |n| {
                    let class = match n.kind {
                        NoticeKind::Info => "notice info",
                        NoticeKind::Warning => "notice warning",
                        NoticeKind::Error => "notice error",
                    };
                    let id = n.id;
                    let action = n.action.clone().map(|a| {
                        let label = match &a {
                            NoticeAction::Export => "Export a file now",
                            NoticeAction::DownloadRaw(_) => "Download it",
                            NoticeAction::Reload => "Reload the page",
                            NoticeAction::KeepMine(_) => "Keep my version of these",
                        };
                        view! {
                            <button class="button" on:click=move |_| {
                                let a = a.clone();
                                leptos::task::spawn_local(async move {
                                    let (done, what) = match a {
                                        NoticeAction::Export => (split_call!(actions::export_everything(store)), "download the file"),
                                        NoticeAction::DownloadRaw(key) => (split_call!(actions::download_set_aside(store, key)), "download the file"),
                                        NoticeAction::Reload => {
                                            // Unsaved changes are saved as the page goes (or the browser asks first).
                                            let _ = window().location().reload();
                                            (Ok(()), "reload the page")
                                        }
                                        NoticeAction::KeepMine(client) => {
                                            let kept = split_call!(keep_my_version(store, client));
                                            if kept.is_ok() {
                                                store.dismiss(id);
                                            }
                                            (kept, "keep your version")
                                        }
                                    };
                                    if done.is_err() {
                                        store.piece_missing(what);
                                    }
                                });
                            }>{label}</button>
                        }
                    });
                    view! {
                        <div class=class>
                            <p>{n.text.clone()}</p>
                            {action}
                            <button class="button quiet" aria-label="Dismiss this message" on:click=move |_| store.dismiss(id)>"Dismiss"</button>
                        </div>
                    }
                }
            />
        </div>
    }
}

/// A file dropped anywhere on the page opens the import preview.
#[component]
fn DropToImport() -> impl IntoView {
    listen_for_dropped_files(use_store(), expect_context::<RwSignal<ImportStage>>());
}

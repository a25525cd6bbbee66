//! The app shell: header, main navigation and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use super::pages::{Board, Due, NotFound, Settings, Team, Welcome};

/// The navigation entries, in the order they appear in the header.
const NAVIGATION: [(&str, &str); 4] = [
    ("/board", "Board"),
    ("/due", "Due"),
    ("/team", "Team"),
    ("/settings", "Settings"),
];

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
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
            <main id="main" class="page">
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route path=path!("/") view=Welcome/>
                    <Route path=path!("/board") view=Board/>
                    <Route path=path!("/due") view=Due/>
                    <Route path=path!("/team") view=Team/>
                    <Route path=path!("/settings") view=Settings/>
                </Routes>
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

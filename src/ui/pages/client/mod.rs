//! The client workspace: one client, with its tabs in the URL.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::set_title;
use crate::domain::Id;
use crate::ui::store::use_store;

#[component]
pub fn ClientPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let slot = move || {
        params
            .with(|p| p.get("id"))
            .and_then(|id| store.find(&Id::new(id)))
    };
    set_title("Client");
    move || {
        match slot() {
        Some(slot) => view! {
            <h1>{move || slot.client.with(|c| c.profile.name.clone())}</h1>
        }
        .into_any(),
        None => view! {
            <h1>"Client not found"</h1>
            <p>"There is no client at this address in this browser. " <a href="/board">"Go to the board"</a></p>
        }
        .into_any(),
    }
    }
}

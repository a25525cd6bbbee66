//! Settings: owner, storage, backups, import and export.

use leptos::prelude::*;

use super::set_title;

#[component]
pub fn Settings() -> impl IntoView {
    set_title("Settings");
    let storage = match window().local_storage() {
        Ok(Some(_)) => "Your data is kept in this browser's local storage.",
        _ => "This browser does not allow local storage here: your work is kept only until the page is closed.",
    };
    view! {
        <h1>"Settings"</h1>
        <section aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage"</h2>
            <p class="storage-status">{storage}</p>
        </section>
    }
}

//! The due list.

use leptos::prelude::*;

use super::set_title;

#[component]
pub fn Due() -> impl IntoView {
    set_title("Due");
    view! {
        <h1>"Due"</h1>
        <p class="empty">"Nothing is due: actions, reassessments and renewals will appear here."</p>
    }
}

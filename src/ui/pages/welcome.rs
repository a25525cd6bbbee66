//! The first-run page.

use leptos::prelude::*;

use super::set_title;
use crate::domain::Category;

/// The first-run page: what the tool does and where the data lives.
#[component]
pub fn Welcome() -> impl IntoView {
    set_title("Welcome");
    view! {
        <section class="welcome">
            <h1>"Welcome to Continuum"</h1>
            <p class="lead">
                "Continuum is a private check-up of your client list: for every client you answer a short questionnaire, see where it sits on the loyalty continuum and why, and plan what moves it."
                " Everything you enter stays in this browser's local storage; nothing is sent anywhere, and files leave only when you export them."
            </p>
            <ul class="category-list">
                {Category::PLACEMENTS
                    .into_iter()
                    .map(|c| view! { <li data-category=c.id()>{c.name()}</li> })
                    .collect_view()}
            </ul>
            <p><a class="button primary" href="/board">"Open the board"</a></p>
        </section>
    }
}

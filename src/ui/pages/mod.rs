//! One component per route.

use leptos::prelude::*;

use crate::domain::Category;

/// Sets the browser tab's title for the page being shown.
fn set_title(page: &str) {
    document().set_title(&format!("{page} · Continuum"));
}

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

#[component]
pub fn Board() -> impl IntoView {
    set_title("Board");
    view! {
        <h1>"Board"</h1>
        <div class="board">
            {Category::BOARD_ORDER
                .into_iter()
                .map(|c| {
                    view! {
                        <section class="column" data-category=c.id() aria-label=c.name()>
                            <h2>{c.name()}</h2>
                            <p class="empty">"No clients here yet."</p>
                        </section>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn Due() -> impl IntoView {
    set_title("Due");
    view! {
        <h1>"Due"</h1>
        <p class="empty">"Nothing is due: actions, reassessments and renewals will appear here."</p>
    }
}

#[component]
pub fn Team() -> impl IntoView {
    set_title("Team");
    view! {
        <h1>"Team"</h1>
        <p>"Open your team's exported files to see everyone's clients on one board. Your own data is not touched."</p>
    }
}

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

#[component]
pub fn NotFound() -> impl IntoView {
    set_title("Page not found");
    view! {
        <h1>"Page not found"</h1>
        <p>"There is no page at this address. " <a href="/board">"Go to the board"</a></p>
    }
}

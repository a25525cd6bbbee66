//! The first-run page, and the "ways in" the empty board reuses.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::set_title;
use crate::domain::Category;
use crate::ui::store::use_store;

/// One sentence per category, in our own words.
fn meaning(category: Category) -> &'static str {
    match category {
        Category::Secure => "They buy only from you and would not think of changing, which is exactly when complacency creeps in.",
        Category::NotSecure => "They have stayed with you so far, but someone there is unhappy or something around them is changing.",
        Category::AtRisk => "They listen to competitors, buy on price or have serious problems with what you deliver.",
        Category::InevitableLoss => "They have said they are leaving, or the loss can no longer be avoided.",
        Category::Unassessed => "Nobody has answered the check-up questions for this client yet.",
    }
}

/// A labelled name field and a button that adds a client and opens its
/// check-up.
#[component]
pub(crate) fn AddClient() -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let problem = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = name.get_untracked();
        if typed.trim().is_empty() {
            problem.set(true);
            return;
        }
        problem.set(false);
        let id = store.add_client(&typed);
        name.set(String::new());
        navigate(
            &format!("/client/{id}/assessment"),
            NavigateOptions::default(),
        );
    };
    view! {
        <form class="add-client" on:submit=submit>
            <label for="add-client-name">"Client name"</label>
            <div class="add-client-row">
                <input
                    id="add-client-name"
                    type="text"
                    autocomplete="off"
                    maxlength="200"
                    aria-invalid=move || if problem.get() { "true" } else { "false" }
                    aria-describedby="add-client-problem"
                    prop:value=move || name.get()
                    on:input=move |ev| {
                        name.set(event_target_value(&ev));
                        problem.set(false);
                    }
                />
                <button type="submit" class="button primary">"Add client"</button>
            </div>
            <p id="add-client-problem" class="field-problem" role="alert">
                {move || problem.get().then_some("Type the client's name first.")}
            </p>
        </form>
    }
}

/// Shows the demo portfolio and goes to the board.
#[component]
pub(crate) fn DemoButton() -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    view! {
        <button
            type="button"
            class="button"
            on:click=move |_| {
                let navigate = navigate.clone();
                leptos::task::spawn_local(async move {
                    match crate::ui::split::split_call!(crate::ui::store::open_demo(store)) {
                        Ok(()) => navigate("/board", NavigateOptions::default()),
                        Err(_) => store.piece_missing("open the demo"),
                    }
                });
            }
        >
            "Open the demo portfolio"
        </button>
    }
}

/// The first-run page: what the tool does and where the data lives.
#[component]
pub fn Welcome() -> impl IntoView {
    set_title("Welcome");
    let store = use_store();
    let count = Memo::new(move |_| store.clients.with(Vec::len));
    view! {
        <section class="welcome">
            <h1>"Welcome to Continuum"</h1>
            <Show when=move || { count.get() > 0 }>
                <p class="back-to-board">
                    <a class="button primary" href="/board">"Go to your board"</a>
                    " "
                    <span class="quiet-text">
                        {move || match count.get() {
                            1 => "1 client".to_string(),
                            n => format!("{n} clients"),
                        }}
                    </span>
                </p>
            </Show>
            <p class="lead">
                "Continuum is a private check-up of your client list: for every client you answer a short questionnaire, see where it sits on the loyalty continuum and why, and plan what moves it."
            </p>
            <p class="privacy">
                <strong>"Your data never leaves this browser."</strong>
                " Everything you enter stays in this browser's local storage; nothing is sent anywhere, and files leave only when you export them."
            </p>
            <h2>"Four categories, most secure first"</h2>
            <ul class="category-list">
                {Category::PLACEMENTS
                    .into_iter()
                    .map(|c| {
                        view! {
                            <li data-category=c.id()>
                                <strong>{c.name()}</strong>
                                ": "
                                {meaning(c)}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <h2>"Get started"</h2>
            <div class="ways-in-grid">
                <div class="way-in">
                    <h3>"Add a client"</h3>
                    <p>"Start with the client you would least like to lose."</p>
                    <AddClient/>
                </div>
                <div class="way-in">
                    <h3>"Import a file"</h3>
                    <p>"Bring back a file you exported from Continuum, or a spreadsheet saved as CSV."</p>
                    <a class="button" href="/settings#import">"Import a file"</a>
                </div>
                <div class="way-in">
                    <h3>"Try the demo"</h3>
                    <p>"About forty invented clients. Nothing you do there is saved, and your own data is kept aside."</p>
                    <DemoButton/>
                </div>
            </div>
        </section>
    }
}

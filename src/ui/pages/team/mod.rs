//! The team view: a manager opens salespeople's exported files, read-only,
//! and sees the team's board, a row per person and the renewals at risk.
//!
//! The opened files live in a [`TeamSession`] provided at the root, apart
//! from the [`Store`](crate::ui::store::Store): nothing here is ever written
//! to the manager's own portfolio. They are kept in the browser's IndexedDB
//! (never in the local storage the portfolio uses) only when the manager
//! asks, and "Close" forgets both copies.

use leptos::prelude::*;

use super::set_title;
use crate::ui::locked::PassphrasePrompt;
use crate::ui::store::use_store;
use board::TeamBoard;
use tables::{CategoriesPerPerson, PeopleTable, Renewals};

mod board;
mod client;
mod movement;
mod remember;
mod session;
mod tables;

pub use client::TeamClientPage;
pub use session::{team_memo, use_team, TeamSession};

#[component]
pub fn Team() -> impl IntoView {
    set_title("Team");
    let store = use_store();
    let session = use_team();
    session.restore(store);
    let summary = team_memo(session, store.today);
    let has_files = move || session.members.with(|m| !m.is_empty());
    let dragging = RwSignal::new(false);
    let on_pick = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            session.open_files(store, files);
        }
        input.set_value("");
    };
    // A drop here opens team files; it must not reach the page-wide drop
    // that imports into the manager's own portfolio.
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        ev.stop_propagation();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            session.open_files(store, files);
        }
    };
    view! {
        <div
            class="team-page"
            class:dragging=move || dragging.get()
            on:dragover=move |ev| {
                ev.prevent_default();
                dragging.set(true);
            }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop
        >
            <div class="board-head">
                <h1>"Team"</h1>
                <Show when=has_files>
                    <button type="button" class="button" on:click=move |_| {
                        let _ = window().print();
                    }>"Print the team board"</button>
                </Show>
            </div>
            <section class="panel team-open" aria-labelledby="team-open-heading">
                <h2 id="team-open-heading">"Your team's files"</h2>
                <p>
                    "Open the files your salespeople exported (Settings, Export everything). You can pick several at once or drop them on this page. They are only read: nothing is added to your own portfolio."
                </p>
                <div class="row">
                    <label class="button primary file-button">
                        "Open team files…"
                        <input
                            id="team-files"
                            class="visually-hidden"
                            type="file"
                            multiple=true
                            accept=".json,application/json"
                            on:change=on_pick
                        />
                    </label>
                    <Show when=move || !has_files()>
                        <button type="button" class="button" on:click=move |_| session.open_demo(store.today.get_untracked())>
                            "Open a demo team"
                        </button>
                    </Show>
                    <Show when=move || has_files() && !session.demo.get()>
                        <Show
                            when=move || session.remembered.get()
                            fallback=move || view! {
                                <button type="button" class="button remember" on:click=move |_| session.remember(store)>
                                    "Remember these files on this browser"
                                </button>
                            }
                        >
                            <span class="remembered">"Remembered on this browser"</span>
                        </Show>
                    </Show>
                    <Show when=has_files>
                        <button type="button" class="button close-team" on:click=move |_| session.close(store)>
                            "Close the team files"
                        </button>
                    </Show>
                </div>
                <p class="team-status" role="status" aria-live="polite">
                    {move || match session.progress.get() {
                        None => session.status.get().unwrap_or_default(),
                        Some((_, 0)) => "Looking for remembered team files…".to_string(),
                        Some((done, total)) => format!("Reading files: {done} of {total}"),
                    }}
                </p>
                <Show when=move || session.demo.get()>
                    <p class="notice info demo-team">
                        <strong>"Demo team. "</strong>
                        "These five salespeople and their clients are invented, to show what the team view does with real files. Nothing here is stored."
                    </p>
                </Show>
                <FailedFiles/>
                <LockedFiles/>
                <OpenedFiles/>
            </section>
            <Show when=has_files>
                <TeamBoard summary=summary today=store.today.get_untracked()/>
                <PeopleTable summary=summary/>
                <CategoriesPerPerson summary=summary/>
                <Renewals summary=summary today=store.today.get_untracked()/>
            </Show>
        </div>
    }
}

/// A passphrase prompt for each locked file opened.
#[component]
fn LockedFiles() -> impl IntoView {
    let store = use_store();
    let session = use_team();
    let on_unlock = Callback::new(move |(file, bytes): (String, Vec<u8>)| {
        session.open_unlocked(store, file, &bytes)
    });
    view! {
        <For
            each=move || session.locked.get()
            key=|f| f.name.clone()
            children=move |file| {
                let name = file.name.clone();
                let on_cancel = Callback::new(move |()| {
                    session.locked.update(|l| l.retain(|x| x.name != name))
                });
                view! { <PassphrasePrompt file=file on_unlock=on_unlock on_cancel=on_cancel/> }
            }
        />
    }
}

#[component]
fn FailedFiles() -> impl IntoView {
    let session = use_team();
    move || {
        let failed = session.failed.get();
        (!failed.is_empty()).then(|| {
            view! {
                <div class="import-error team-failed" role="alert">
                    <p><strong>"These files could not be opened (the others are open):"</strong></p>
                    <ul>
                        {failed.into_iter().map(|f| view! {
                            <li data-file=f.file.clone()>
                                <strong class="file-name">{f.file.clone()}</strong> ": " {f.message}
                                {(!f.problems.is_empty()).then(|| view! {
                                    <ul>{f.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            }
        })
    }
}

#[component]
fn OpenedFiles() -> impl IntoView {
    let session = use_team();
    // Read in place: cloning the members would copy every client of every file.
    move || {
        session.members.with(|members| (!members.is_empty()).then(|| {
            view! {
                <ul class="team-files">
                    {members.iter().map(|m| {
                        let n = m.portfolio.clients.len();
                        view! {
                            <li data-file=m.file.clone() data-owner=m.owner.clone()>
                                <strong>{m.owner.clone()}</strong>
                                {format!(" · {} · {n} {}", m.file, if n == 1 { "client" } else { "clients" })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        }))
    }
}

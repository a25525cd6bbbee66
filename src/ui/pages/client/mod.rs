//! The client workspace: one client, with its tabs in the URL
//! (`/client/<id>/<tab>`), and `/client/new` to add a client.
//!
//! Each tab is its own module. They all work on a [`common::Ctx`]: the
//! client's signal and its verdict memo from the store, so an edit re-renders
//! only what reads the changed data.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use leptos_router::NavigateOptions;

use super::set_title;
use crate::domain::{needs_triage, Id};
use crate::ui::store::use_store;

mod assessment;
mod brief;
mod common;
mod history;
mod issues;
mod lessons;
mod people;
mod plan;
mod profile;
mod triage;
mod whatif;

use common::{Ctx, DraftField};

/// The tabs, in the order of the tab bar: (path segment, label).
const TABS: [(&str, &str); 7] = [
    ("assessment", "Check-up"),
    ("profile", "Profile"),
    ("people", "People"),
    ("issues", "Issues & contacts"),
    ("plan", "Plan"),
    ("triage", "Triage"),
    ("history", "History"),
];

/// The tab shown at `/client/<id>`.
const DEFAULT_TAB: &str = "assessment";

#[component]
pub fn ClientPage() -> impl IntoView {
    let store = use_store();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).unwrap_or_default());
    let tab = Memo::new(move |_| {
        params
            .with(|p| p.get("tab"))
            .unwrap_or_else(|| DEFAULT_TAB.to_string())
    });
    // Re-render only when the client appears or disappears, not on edits.
    let found = Memo::new(move |_| {
        let id = id.get();
        store
            .clients
            .with(|cs| cs.iter().any(|s| s.id.as_str() == id))
    });
    move || {
        let id = id.get();
        if id == "new" {
            return view! { <NewClient/> }.into_any();
        }
        if !found.get() {
            set_title("Client not found");
            return view! {
                <h1>"Client not found"</h1>
                <p>
                    "There is no client at this address in this browser. "
                    <a href="/board">"Go to the board"</a>
                    " or "
                    <a href="/client/new">"add a client"</a>
                    "."
                </p>
            }
            .into_any();
        }
        match store.find(&Id::new(id)) {
            Some(slot) => {
                let ctx = Ctx {
                    store,
                    id: StoredValue::new(slot.id.clone()),
                    client: slot.client,
                    view: slot.view(),
                };
                view! { <Workspace ctx=ctx tab=tab/> }.into_any()
            }
            None => view! { <h1>"Client not found"</h1> }.into_any(),
        }
    }
}

/// `/client/new`: a name is all it takes to start.
#[component]
fn NewClient() -> impl IntoView {
    set_title("Add a client");
    let store = use_store();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = name.get_untracked();
        if text.trim().is_empty() {
            error.set(Some("Give the client a name.".to_string()));
            return;
        }
        let id = store.add_client(&text);
        navigate(
            &format!("/client/{id}/assessment"),
            NavigateOptions::default(),
        );
    };
    view! {
        <h1>"Add a client"</h1>
        <p class="lead">"Start with the name; the check-up comes next, and everything else can follow."</p>
        <form class="new-client card" on:submit=submit novalidate>
            <DraftField label="Client name" value=name error=error required=true/>
            <button type="submit" class="button primary">"Add client"</button>
        </form>
    }
}

#[component]
fn Workspace(ctx: Ctx, tab: Memo<String>) -> impl IntoView {
    Effect::new(move |_| set_title(&ctx.client.with(|c| c.profile.name.clone())));
    // Triage follows the worse of the computed and the shown category, as the plan does.
    let shown = Memo::new(move |_| ctx.view.with(|v| v.verdict.worse()));
    let triage_shown =
        Memo::new(move |_| needs_triage(shown.get()) || ctx.client.with(|c| c.triage.is_some()));
    let base = format!("/client/{}", ctx.id_string());
    let tabs = move || {
        TABS.into_iter()
            .filter(|(t, _)| *t != "triage" || triage_shown.get())
            .map(|(t, label)| {
                let href = format!("{base}/{t}");
                let current = move || (tab.get() == t).then_some("page");
                view! {
                    <li>
                        <a href=href aria-current=current data-tab=t>{label}</a>
                    </li>
                }
            })
            .collect_view()
    };
    let body = move || match tab.get().as_str() {
        "assessment" => view! { <assessment::AssessmentTab ctx=ctx/> }.into_any(),
        "profile" => view! { <profile::ProfileTab ctx=ctx/> }.into_any(),
        "people" => view! { <people::PeopleTab ctx=ctx/> }.into_any(),
        "issues" => view! { <issues::IssuesTab ctx=ctx/> }.into_any(),
        "plan" => view! { <plan::PlanTab ctx=ctx/> }.into_any(),
        "triage" => view! { <triage::TriageTab ctx=ctx/> }.into_any(),
        "history" => view! { <history::HistoryTab ctx=ctx/> }.into_any(),
        other => {
            let other = other.to_string();
            view! {
                <p class="empty">"There is no tab called “" {other} "”. Choose one above."</p>
            }
            .into_any()
        }
    };
    view! {
        <div class="client-page">
            <Header ctx=ctx/>
            <whatif::WhatIf ctx=ctx/>
            <lessons::LessonsFromLoss ctx=ctx/>
            <nav class="client-tabs" aria-label="Client">
                <ul>{tabs}</ul>
            </nav>
            <div class="client-tab">{body}</div>
            <brief::Brief ctx=ctx/>
        </div>
    }
}

/// Name, category, warning signs, and the archive and delete controls.
#[component]
fn Header(ctx: Ctx) -> impl IntoView {
    let store = ctx.store;
    let navigate = use_navigate();
    let name = move || ctx.client.with(|c| c.profile.name.clone());
    let category = Memo::new(move |_| ctx.view.with(|v| v.verdict.category));
    let computed = Memo::new(move |_| ctx.view.with(|v| v.verdict.computed));
    let archived = Memo::new(move |_| ctx.client.with(|c| c.archived));
    let lost_on = Memo::new(move |_| ctx.client.with(|c| c.lost_on));
    let warnings = move || ctx.view.with(|v| v.warnings.clone());
    let delete = move |_| {
        let id = ctx.id.get_value();
        store.delete(&id);
        navigate("/board", NavigateOptions::default());
    };
    view! {
        <header class="client-header">
            <div class="client-title">
                <h1>{name}</h1>
                <span class="badge category-badge" data-category=move || category.get().id()>
                    {move || category.get().name()}
                </span>
                <Show when=move || computed.get() != category.get()>
                    <span class="badge computed-badge" data-category=move || computed.get().id()>
                        "Computed: " {move || computed.get().name()}
                    </span>
                </Show>
                <Show when=move || archived.get()>
                    <span class="badge archived-badge">"Archived"</span>
                </Show>
                {move || lost_on.get().map(|d| view! { <span class="badge lost-badge">"Lost on " {d.to_string()}</span> })}
            </div>
            <div class="client-actions">
                <button
                    type="button"
                    class="button"
                    aria-pressed=move || if archived.get() { "true" } else { "false" }
                    on:click=move |_| ctx.edit(|c| c.archived = !c.archived)
                >
                    {move || if archived.get() { "Archived (restore)" } else { "Archive" }}
                </button>
                <button type="button" class="button" on:click=move |_| print_page()>
                    "Print brief"
                </button>
                <button type="button" class="button danger" on:click=delete>
                    "Delete client"
                </button>
            </div>
            <Show when=move || ctx.view.with(|v| !v.warnings.is_empty())>
                <ul class="warning-chips" aria-label="Warning signs">
                    <For
                        each=warnings
                        key=|w| (w.sign.id(), w.strength.id(), w.days)
                        children=move |w| {
                            view! {
                                <li
                                    class="chip"
                                    data-warning=w.sign.id()
                                    data-strength=w.strength.id()
                                    title=w.sign.explanation()
                                >
                                    <strong>{w.sign.label()}</strong>
                                    " "
                                    <span>{w.detail()}</span>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
        </header>
    }
}

/// Opens the browser's print dialog; the print stylesheet turns the client
/// page into its one-page brief.
fn print_page() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// The "client deleted" bar with its Undo button; mount it once in the app
/// shell, inside the router.
#[component]
pub fn UndoDelete() -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let name = move || {
        store
            .deleted
            .with(|d| d.as_ref().map(|(_, c)| c.profile.name.clone()))
            .unwrap_or_default()
    };
    let undo = move |_| {
        let id = store
            .deleted
            .with_untracked(|d| d.as_ref().map(|(_, c)| c.id.clone()));
        store.undo_delete();
        if let Some(id) = id {
            navigate(&format!("/client/{id}"), NavigateOptions::default());
        }
    };
    view! {
        <Show when=move || store.deleted.with(Option::is_some)>
            <div class="notice info undo-delete" role="status">
                <p>"“" {name} "” was deleted."</p>
                <button type="button" class="button" on:click=undo.clone()>"Undo delete"</button>
                <button
                    type="button"
                    class="button quiet"
                    aria-label="Dismiss the undo message"
                    on:click=move |_| store.forget_deleted()
                >
                    "Dismiss"
                </button>
            </div>
        </Show>
    }
}

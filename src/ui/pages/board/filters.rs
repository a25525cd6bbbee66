//! The filter bar (search, owner, tag, warning sign, fragile, like a lost
//! client) and the filters' signals; which rows pass is decided by
//! [`Filter`] in `present::board`.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::summary::teaches_a_loss;
use crate::domain::{ClientView, Id, Portfolio, WarningSign};
use crate::present::board::{like_lost, lost_choices, Filter, LostChoice, Row, Rows};
use crate::present::format::plural;
use crate::ui::store::Store;

/// The "Like a lost client" choice meaning every lost client at once.
const ANY_LOST: &str = "any";

/// The choices the filters offer.
#[derive(Clone, Copy)]
pub(super) struct Filters {
    search: RwSignal<String>,
    owner: RwSignal<String>,
    tag: RwSignal<String>,
    sign: RwSignal<String>,
    fragile: RwSignal<bool>,
    /// Empty, [`ANY_LOST`], or the id of the lost client to follow.
    like: RwSignal<String>,
    /// The clients like the chosen lost one (computed only while chosen).
    like_set: Memo<Option<BTreeSet<Id>>>,
    /// The lost and let-go clients to choose from.
    lost: Memo<Vec<LostChoice>>,
}

impl Filters {
    pub fn new(store: Store) -> Filters {
        // `/board?like=<id>`: the link from a lost client's lessons.
        let query = leptos_router::hooks::use_query_map();
        let like = RwSignal::new(query.with_untracked(|q| q.get("like").unwrap_or_default()));
        let like_set = Memo::new(move |_| {
            let chosen = like.get();
            if chosen.is_empty() {
                return None;
            }
            store.records_changed.track();
            let (portfolio, views) = snapshot(store);
            let lost = (chosen != ANY_LOST).then(|| Id::new(chosen));
            Some(like_lost(&portfolio, &views, lost.as_ref()))
        });
        let lost = Memo::new(move |_| {
            store.records_changed.track();
            // Only the few lost clients are copied, not the whole portfolio.
            store.clients.with(|slots| {
                let lost: Vec<_> = slots
                    .iter()
                    .filter_map(|s| {
                        s.client
                            .with_untracked(|c| teaches_a_loss(c).then(|| c.clone()))
                    })
                    .collect();
                lost_choices(&lost)
            })
        });
        Filters {
            like,
            like_set,
            lost,
            search: RwSignal::new(String::new()),
            owner: RwSignal::new(String::new()),
            tag: RwSignal::new(String::new()),
            sign: RwSignal::new(String::new()),
            fragile: RwSignal::new(false),
        }
    }

    /// The filters as set now (tracked).
    fn get(self) -> Filter {
        Filter {
            search: self.search.get(),
            owner: self.owner.get(),
            tag: self.tag.get(),
            sign: WarningSign::from_id(&self.sign.get()),
            fragile: self.fragile.get(),
            like_lost: self.like_set.get(),
        }
    }

    fn active(self) -> bool {
        self.get().is_active()
    }

    fn clear(self) {
        self.search.set(String::new());
        self.owner.set(String::new());
        self.tag.set(String::new());
        self.sign.set(String::new());
        self.fragile.set(false);
        self.like.set(String::new());
    }

    pub fn apply(self, rows: &[Arc<Row>]) -> Vec<Arc<Row>> {
        self.get().apply(rows)
    }
}

/// Every client and its verdict as they are now (untracked: the caller
/// tracks [`Store::records_changed`]).
fn snapshot(store: Store) -> (Portfolio, Vec<ClientView>) {
    store.clients.with(|slots| {
        let views = slots.iter().map(|s| s.view().get_untracked()).collect();
        let clients = slots.iter().map(|s| s.client.get_untracked()).collect();
        let owner = store.owner.get_untracked();
        (Portfolio { owner, clients }, views)
    })
}

/// Search, owner, tag, warning sign, fragile and like a lost client.
#[component]
pub(super) fn FilterBar(
    filters: Filters,
    all: Memo<Rows>,
    shown: Memo<Vec<Arc<Row>>>,
) -> impl IntoView {
    let owners = Memo::new(move |_| all.with(|a| a.owners.clone()));
    let tags = Memo::new(move |_| all.with(|a| a.tags.clone()));
    let status = move || {
        let total = all.with(|a| a.rows.len());
        let n = shown.with(Vec::len);
        if filters.active() {
            format!(
                "Showing {n} of {}.",
                plural(total as i64, "client", "clients")
            )
        } else {
            format!(
                "{} on the board.",
                plural(total as i64, "client", "clients")
            )
        }
    };
    view! {
        <form class="filters" role="search" aria-label="Filter clients" on:submit=|ev| ev.prevent_default()>
            <div class="field search">
                <label for="board-search">"Search"</label>
                <input
                    id="board-search"
                    type="search"
                    placeholder="Client name"
                    autocomplete="off"
                    prop:value=move || filters.search.get()
                    on:input=move |ev| filters.search.set(event_target_value(&ev))
                />
            </div>
            <div class="field">
                <label for="board-owner">"Owner"</label>
                <select
                    id="board-owner"
                    prop:value=move || filters.owner.get()
                    on:change=move |ev| filters.owner.set(event_target_value(&ev))
                >
                    <option value="">"All owners"</option>
                    <For each=move || owners.get() key=|o| o.clone() let:owner>
                        <option value=owner.clone()>{owner.clone()}</option>
                    </For>
                </select>
            </div>
            <div class="field">
                <label for="board-tag">"Tag"</label>
                <select
                    id="board-tag"
                    prop:value=move || filters.tag.get()
                    on:change=move |ev| filters.tag.set(event_target_value(&ev))
                >
                    <option value="">"All tags"</option>
                    <For each=move || tags.get() key=|t| t.clone() let:tag>
                        <option value=tag.clone()>{tag.clone()}</option>
                    </For>
                </select>
            </div>
            <div class="field">
                <label for="board-sign">"Warning sign"</label>
                <select
                    id="board-sign"
                    prop:value=move || filters.sign.get()
                    on:change=move |ev| filters.sign.set(event_target_value(&ev))
                >
                    <option value="">"Any or none"</option>
                    {WarningSign::ALL
                        .into_iter()
                        .map(|s| view! { <option value=s.id()>{s.label()}</option> })
                        .collect_view()}
                </select>
            </div>
            <div class="field checkbox">
                <input
                    id="board-fragile"
                    type="checkbox"
                    prop:checked=move || filters.fragile.get()
                    on:change=move |ev| filters.fragile.set(event_target_checked(&ev))
                />
                <label for="board-fragile">"Fragile: one departure away from a worse category"</label>
            </div>
            <Show when=move || filters.lost.with(|l| !l.is_empty())>
                <div class="field">
                    <label for="board-like-lost">"Like a lost client"</label>
                    <select
                        id="board-like-lost"
                        prop:value=move || filters.like.get()
                        on:change=move |ev| filters.like.set(event_target_value(&ev))
                    >
                        <option value="">"Not filtered"</option>
                        <option value=ANY_LOST>"Like any lost client"</option>
                        <For each=move || filters.lost.get() key=|c| c.clone() let:choice>
                            <option value=choice.id.0.clone()>{format!("Like {}", choice.label)}</option>
                        </For>
                    </select>
                </div>
            </Show>
            <Show when=move || filters.active()>
                <button type="button" class="button quiet" on:click=move |_| filters.clear()>
                    "Clear filters"
                </button>
            </Show>
            <p class="filter-status" aria-live="polite">{status}</p>
        </form>
    }
}

//! One column of the board: its heading, count and revenue, and its first
//! cards until asked for all.

use std::sync::Arc;

use leptos::prelude::*;

use super::cards::{fill_cards, CardList};
use crate::domain::{Category, Date};
use crate::present::board::{Row, Share};
use crate::present::format::revenue_total;

/// Cards rendered per column before "Show all".
const COLUMN_CAP: usize = 60;

/// One category: heading, count, revenue and the first cards.
#[component]
pub(super) fn BoardColumn(
    category: Category,
    cards: Memo<Vec<Arc<Row>>>,
    today: Date,
) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let count = move || cards.with(Vec::len);
    let revenue = move || {
        cards.with(|cs| {
            let total = Share::of(cs).revenue;
            revenue_total(total.known, total.unknown)
        })
    };
    let shown = move || {
        cards.with(|cs| {
            if expanded.get() || cs.len() <= COLUMN_CAP {
                cs.clone()
            } else {
                cs[..COLUMN_CAP].to_vec()
            }
        })
    };
    let list = CardList {
        rows: Signal::derive(shown),
        today,
    };
    let heading_id = format!("column-{}", category.id());
    let labelled_by = heading_id.clone();
    view! {
        <section class="column" data-category=category.id() aria-labelledby=labelled_by>
            <header class="column-head">
                <h2 id=heading_id>{category.name()}</h2>
                <p class="column-stats">
                    <span class="count">{count}</span>
                    {move || if count() == 1 { " client" } else { " clients" }}
                    <span class="revenue">
                        <span class="visually-hidden">", annual revenue "</span>
                        <span aria-hidden="true">" · "</span>
                        {revenue}
                    </span>
                </p>
            </header>
            <Show when=move || { count() == 0 }>
                <p class="empty">"None here."</p>
            </Show>
            <ul class="cards" use:fill_cards=list></ul>
            <Show when=move || { count() > COLUMN_CAP }>
                <button type="button" class="button quiet show-all" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || {
                        if expanded.get() {
                            format!("Show the first {COLUMN_CAP}")
                        } else {
                            format!("Show all {}", count())
                        }
                    }}
                </button>
            </Show>
        </section>
    }
}

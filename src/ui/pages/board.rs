//! The board: one column per category (plus "not yet assessed"), a table
//! view of the same clients, filters, and the realism check.
//!
//! Work is split into memos so that 2,000 clients stay responsive: one pass
//! over the slots' own `view` memos builds a row per active client
//! ([`RowsBuilder`], in `present::board`); the filters, the columns and the
//! table each read that list; and every column renders at most 60 cards,
//! keyed, until asked for all.

use leptos::prelude::*;

use super::safety::BackupLine;
use super::set_title;
use super::welcome::{AddClient, DemoButton};
use crate::domain::{realism, Category, Date};
use crate::present::board::{Rows, RowsBuilder, Share};
use crate::present::format::{money, plural};
use crate::ui::store::{use_store, ClientSlot, Store};
use chart::Distribution;
use column::BoardColumn;
use filters::{FilterBar, Filters};
use table::ClientTable;

mod cards;
mod chart;
mod column;
mod filters;
pub(super) mod movement;
mod table;

/// Builds the board's rows from the store (reading each slot's own memo,
/// untracked: the caller tracks [`Store::records_changed`] instead).
fn collect_rows(slots: &[ClientSlot], today: Date) -> Rows {
    let mut rows = RowsBuilder::new(today);
    for slot in slots {
        slot.client
            .with_untracked(|c| slot.view().with_untracked(|v| rows.add(c, v)));
    }
    rows.finish()
}

/// The store's client list and the board's rows built from it.
type KeptRows = Option<((ReadSignal<Vec<ClientSlot>>, ReadSignal<Date>), Memo<Rows>)>;

thread_local! {
    static ROWS: std::cell::RefCell<KeptRows> = const { std::cell::RefCell::new(None) };
}

/// The board's rows, kept between visits to the board: the memo belongs to
/// the app's root owner, not to the board page, so opening the board again
/// reuses the rows unless a client changed (each slot's verdict is itself
/// memoised, but reading 2,000 clients, their previous placements and their
/// signals again cost more than building the cards).
fn board_rows(store: Store) -> Memo<Rows> {
    let (clients, changed, today) = (store.clients, store.records_changed, store.today);
    ROWS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((key, memo)) = cache.as_ref() {
            if *key == (clients, today) && memo.try_with_untracked(|_| ()).is_some() {
                return *memo;
            }
        }
        let mut root = Owner::current();
        while let Some(parent) = root.as_ref().and_then(Owner::parent) {
            root = Some(parent);
        }
        let make = move || {
            Memo::new(move |_| {
                changed.track();
                clients.with(|slots| collect_rows(slots, today.get()))
            })
        };
        let memo = match root {
            Some(root) => root.with(make),
            None => make(),
        };
        *cache = Some(((clients, today), memo));
        memo
    })
}

#[component]
pub fn Board() -> impl IntoView {
    set_title("Board");
    let store = use_store();
    let today = store.today;

    let all = board_rows(store);
    let has_clients = Memo::new(move |_| store.clients.with(|c| !c.is_empty()));
    let filters = Filters::new(store);
    let filtered = Memo::new(move |_| all.with(|a| filters.apply(&a.rows)));
    let columns = Memo::new(move |_| {
        all.with(|a| {
            a.columns
                .iter()
                .map(|col| filters.apply(col))
                .collect::<Vec<_>>()
        })
    });
    let check = Memo::new(move |_| all.with(|a| realism(&a.board)));
    let table = RwSignal::new(false);
    let shares = Memo::new(move |_| columns.with(|cols| Share::per_column(cols)));

    let realism_banner = move || {
        let r = check.get();
        r.ask.then(|| {
            let names: Vec<&str> = r.empty.iter().map(|c| c.name()).collect();
            view! {
                <div class="notice warning realism" role="note">
                    <p>
                        <strong>"Is this the whole truth? "</strong>
                        {format!(
                            "You have assessed {} clients and none of them is in {}. An honest look at a real client list usually finds someone in every category: check the clients you feel safest about.",
                            r.assessed,
                            names.join(", "),
                        )}
                    </p>
                </div>
            }
        })
    };

    let lost_note = move || {
        all.with(|a| {
            (a.board.lost > 0).then(|| {
                let text = format!(
                    "{} lost (annual revenue {}) not shown on the board.",
                    plural(a.board.lost as i64, "client", "clients"),
                    money(a.board.lost_revenue)
                );
                view! { <p class="lost-note">{text}</p> }
            })
        })
    };

    view! {
        <div class="board-page">
            <div class="board-head">
                <h1>"Board"</h1>
                <Show when=move || has_clients.get()>
                    <ViewSwitch table=table/>
                </Show>
            </div>
            <Show
                when=move || has_clients.get()
                fallback=|| view! { <EmptyBoard/> }
            >
                {realism_banner}
                <FilterBar filters=filters all=all shown=filtered/>
                <Distribution shares=shares/>
                <Show
                    when=move || table.get()
                    fallback=move || {
                        view! {
                            <div class="board">
                                {Category::BOARD_ORDER
                                    .into_iter()
                                    .enumerate()
                                    .map(|(i, category)| {
                                        let cards = Memo::new(move |_| {
                                            columns.with(|c| c.get(i).cloned().unwrap_or_default())
                                        });
                                        view! { <BoardColumn category=category cards=cards today=today.get_untracked()/> }
                                    })
                                    .collect_view()}
                            </div>
                        }
                    }
                >
                    <ClientTable rows=filtered today=today.get_untracked()/>
                </Show>
                {lost_note}
                <BackupLine/>
                <movement::Movement store=store/>
            </Show>
        </div>
    }
}

/// "Columns" or "Table".
#[component]
fn ViewSwitch(table: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="view-switch" role="group" aria-label="Show clients as">
            <button
                type="button"
                class="button"
                aria-pressed=move || if table.get() { "false" } else { "true" }
                on:click=move |_| table.set(false)
            >
                "Columns"
            </button>
            <button
                type="button"
                class="button"
                aria-pressed=move || if table.get() { "true" } else { "false" }
                on:click=move |_| table.set(true)
            >
                "Table"
            </button>
        </div>
    }
}

/// The first thing a new user sees on the board.
#[component]
fn EmptyBoard() -> impl IntoView {
    view! {
        <section class="empty-board">
            <h2>"No clients yet"</h2>
            <p>"Add your first client, import a file you exported before, or look around the demo portfolio."</p>
            <AddClient/>
            <p class="ways-in">
                <a class="button" href="/settings#import">"Import a file"</a>
                " "
                <DemoButton/>
            </p>
        </section>
    }
}

//! The board: one column per category (plus "not yet assessed"), a table
//! view of the same clients, filters, and the realism check.
//!
//! Work is split into memos so that 2,000 clients stay responsive: one pass
//! over the slots' own `view` memos builds a row per active client; the
//! filters, the columns and the table each read that list; and every column
//! renders at most [`COLUMN_CAP`] cards, keyed, until asked for all.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::set_title;
use super::welcome::{AddClient, DemoButton};
use crate::domain::summary::{board_index, is_active, trend, Board as BoardCounts};
use crate::domain::{realism, shown_category, Category, Column, Date, Id, Trend, WarningSign};
use crate::present::format::{money, plural, renewal_text, revenue_total};
use crate::ui::store::{use_store, ClientSlot, Store};
use cards::{fill_cards, CardList, CardText};
use chart::{Distribution, Share};

mod cards;
mod chart;

/// Cards rendered per column before "Show all".
const COLUMN_CAP: usize = 60;
/// Table rows rendered before "Show all".
const TABLE_CAP: usize = 200;

/// What changed since the previous check-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Since {
    /// Never assessed: nothing to say.
    Nothing,
    /// The first check-up, or a move to or from "not yet assessed".
    New,
    Moved(Trend),
}

/// One active client as the board shows it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Row {
    id: Id,
    name: String,
    /// Lower-case name, for the search box.
    key: String,
    revenue: Option<u64>,
    contract_end: Option<Date>,
    owner: String,
    tags: Vec<String>,
    /// The category shown (the override when there is one).
    category: Category,
    warnings: Vec<WarningSign>,
    since: Since,
    /// `(gut, computed)` when the gut placement was safer than the answers.
    blind_spot: Option<(Category, Category)>,
    /// The card's texts, built with the row so that opening the board again
    /// only builds the elements.
    card: CardText,
}

/// The active clients and how many lost ones are left off.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
struct Rows {
    rows: Vec<Arc<Row>>,
    lost: usize,
    lost_revenue: u64,
    /// The rows by column ([`board_index`]), largest revenue first.
    columns: Vec<Vec<Arc<Row>>>,
    /// Every owner and tag named, sorted, for the filters.
    owners: Vec<String>,
    tags: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortKey {
    Name,
    Category,
    Revenue,
    Renewal,
    Warnings,
}

impl SortKey {
    const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::Category,
        SortKey::Revenue,
        SortKey::Renewal,
        SortKey::Warnings,
    ];

    fn label(self) -> &'static str {
        match self {
            SortKey::Name => "Client",
            SortKey::Category => "Category",
            SortKey::Revenue => "Revenue",
            SortKey::Renewal => "Renewal",
            SortKey::Warnings => "Warning signs",
        }
    }

    fn id(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Category => "category",
            SortKey::Revenue => "revenue",
            SortKey::Renewal => "renewal",
            SortKey::Warnings => "warnings",
        }
    }

    fn compare(self, a: &Row, b: &Row) -> std::cmp::Ordering {
        let by_name = || a.key.cmp(&b.key).then_with(|| a.id.cmp(&b.id));
        match self {
            SortKey::Name => by_name(),
            SortKey::Category => board_index(a.category).cmp(&board_index(b.category)),
            // Unknown revenue counts as the smallest.
            SortKey::Revenue => a.revenue.cmp(&b.revenue),
            // No contract date sorts after every date.
            SortKey::Renewal => (a.contract_end.is_none(), a.contract_end)
                .cmp(&(b.contract_end.is_none(), b.contract_end)),
            SortKey::Warnings => a.warnings.len().cmp(&b.warnings.len()),
        }
        .then_with(by_name)
    }
}

fn display_name(name: &str) -> String {
    if name.trim().is_empty() {
        "Unnamed client".to_string()
    } else {
        name.to_string()
    }
}

/// Builds the board's rows from the store (reading each slot's own memo,
/// untracked: the caller tracks [`Store::records_changed`] instead).
fn collect_rows(slots: &[ClientSlot], today: Date) -> Rows {
    let mut out = Rows::default();
    for slot in slots {
        let row = slot.client.with_untracked(|c| {
            if !is_active(c) {
                if !c.archived && c.lost_on.is_some() {
                    out.lost += 1;
                    out.lost_revenue = out
                        .lost_revenue
                        .saturating_add(c.profile.annual_revenue.unwrap_or(0));
                }
                return None;
            }
            slot.view.with_untracked(|v| {
                let since = match (c.previous_assessment(), c.current_assessment()) {
                    (Some(prev), Some(cur)) => {
                        match trend(shown_category(prev), shown_category(cur)) {
                            Trend::Unclear => Since::New,
                            t => Since::Moved(t),
                        }
                    }
                    (None, Some(_)) => Since::New,
                    _ => Since::Nothing,
                };
                let computed = v.verdict.computed;
                let blind_spot = c
                    .current_assessment()
                    .and_then(|a| a.gut)
                    .filter(|gut| computed.severity() > gut.severity())
                    .map(|gut| (gut, computed));
                let name = display_name(&c.profile.name);
                let mut row = Row {
                    id: c.id.clone(),
                    key: name.to_lowercase(),
                    name,
                    revenue: c.profile.annual_revenue,
                    contract_end: c.profile.contract_end,
                    owner: c.profile.owner.trim().to_string(),
                    tags: c
                        .profile
                        .tags
                        .iter()
                        .map(|t| t.trim().to_string())
                        .filter(|t| !t.is_empty())
                        .collect(),
                    category: v.verdict.category,
                    warnings: v.warnings.iter().map(|w| w.sign).collect(),
                    since,
                    blind_spot,
                    card: CardText::default(),
                };
                row.card = CardText::new(&row, today);
                Some(row)
            })
        });
        if let Some(row) = row {
            out.rows.push(Arc::new(row));
        }
    }
    out.columns = vec![Vec::new(); Category::BOARD_ORDER.len()];
    for r in &out.rows {
        out.columns[board_index(r.category)].push(r.clone());
    }
    for col in &mut out.columns {
        // Largest first, so the capped view shows what matters most.
        col.sort_by(|a, b| {
            b.revenue
                .cmp(&a.revenue)
                .then_with(|| a.key.cmp(&b.key))
                .then_with(|| a.id.cmp(&b.id))
        });
    }
    let owners: BTreeSet<&str> = out
        .rows
        .iter()
        .map(|r| r.owner.as_str())
        .filter(|o| !o.is_empty())
        .collect();
    out.owners = owners.into_iter().map(String::from).collect();
    let tags: BTreeSet<&str> = out
        .rows
        .iter()
        .flat_map(|r| r.tags.iter().map(String::as_str))
        .collect();
    out.tags = tags.into_iter().map(String::from).collect();
    out
}

/// The store's client list and the board's rows built from it.
type KeptRows = Option<((RwSignal<Vec<ClientSlot>>, Date), Memo<Rows>)>;

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
                clients.with(|slots| collect_rows(slots, today))
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

/// The choices the filters offer.
#[derive(Clone, Copy)]
struct Filters {
    search: RwSignal<String>,
    owner: RwSignal<String>,
    tag: RwSignal<String>,
    sign: RwSignal<String>,
}

impl Filters {
    fn new() -> Filters {
        Filters {
            search: RwSignal::new(String::new()),
            owner: RwSignal::new(String::new()),
            tag: RwSignal::new(String::new()),
            sign: RwSignal::new(String::new()),
        }
    }

    fn active(self) -> bool {
        !self.search.with(|s| s.trim().is_empty())
            || !self.owner.with(String::is_empty)
            || !self.tag.with(String::is_empty)
            || !self.sign.with(String::is_empty)
    }

    fn clear(self) {
        self.search.set(String::new());
        self.owner.set(String::new());
        self.tag.set(String::new());
        self.sign.set(String::new());
    }

    fn apply(self, rows: &[Arc<Row>]) -> Vec<Arc<Row>> {
        if !self.active() {
            return rows.to_vec();
        }
        let query = self.search.with(|s| s.trim().to_lowercase());
        let owner = self.owner.get();
        let tag = self.tag.get();
        let sign = WarningSign::from_id(&self.sign.get());
        rows.iter()
            .filter(|r| query.is_empty() || r.key.contains(&query))
            .filter(|r| owner.is_empty() || r.owner == owner)
            .filter(|r| tag.is_empty() || r.tags.contains(&tag))
            .filter(|r| sign.is_none_or(|s| r.warnings.contains(&s)))
            .cloned()
            .collect()
    }
}

#[component]
pub fn Board() -> impl IntoView {
    set_title("Board");
    let store = use_store();
    let today = store.today;

    let all = board_rows(store);
    let has_clients = Memo::new(move |_| store.clients.with(|c| !c.is_empty()));
    let filters = Filters::new();
    let filtered = Memo::new(move |_| all.with(|a| filters.apply(&a.rows)));
    let columns = Memo::new(move |_| {
        all.with(|a| {
            a.columns
                .iter()
                .map(|col| filters.apply(col))
                .collect::<Vec<_>>()
        })
    });
    let check = Memo::new(move |_| {
        all.with(|a| {
            let mut columns: Vec<Column> = Category::BOARD_ORDER
                .into_iter()
                .map(Column::empty)
                .collect();
            for (column, rows) in columns.iter_mut().zip(&a.columns) {
                column.count = rows.len();
            }
            realism(&BoardCounts {
                columns,
                lost: a.lost,
                lost_revenue: a.lost_revenue,
            })
        })
    });
    let table = RwSignal::new(false);
    let shares = Memo::new(move |_| {
        columns.with(|cols| {
            Category::BOARD_ORDER
                .into_iter()
                .zip(cols)
                .map(|(c, rows)| {
                    let mut s = Share {
                        clients: rows.len(),
                        ..Share::default()
                    };
                    for r in rows {
                        match r.revenue {
                            Some(v) => s.revenue = s.revenue.saturating_add(v),
                            None => s.unknown += 1,
                        }
                    }
                    (c, s)
                })
                .collect::<Vec<_>>()
        })
    });

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
            (a.lost > 0).then(|| {
                let text = format!(
                    "{} lost (annual revenue {}) not shown on the board.",
                    plural(a.lost as i64, "client", "clients"),
                    money(a.lost_revenue)
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
                                        view! { <BoardColumn category=category cards=cards today=today/> }
                                    })
                                    .collect_view()}
                            </div>
                        }
                    }
                >
                    <ClientTable rows=filtered today=today/>
                </Show>
                {lost_note}
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

/// Search, owner, tag and warning sign.
#[component]
fn FilterBar(filters: Filters, all: Memo<Rows>, shown: Memo<Vec<Arc<Row>>>) -> impl IntoView {
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
            <Show when=move || filters.active()>
                <button type="button" class="button quiet" on:click=move |_| filters.clear()>
                    "Clear filters"
                </button>
            </Show>
            <p class="filter-status" aria-live="polite">{status}</p>
        </form>
    }
}

/// One category: heading, count, revenue and the first cards.
#[component]
fn BoardColumn(category: Category, cards: Memo<Vec<Arc<Row>>>, today: Date) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let count = move || cards.with(Vec::len);
    let revenue = move || {
        cards.with(|cs| {
            let known: u64 = cs
                .iter()
                .filter_map(|r| r.revenue)
                .fold(0, u64::saturating_add);
            let unknown = cs.iter().filter(|r| r.revenue.is_none()).count();
            revenue_total(known, unknown)
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

fn trend_view(since: Since) -> impl IntoView {
    cards::trend(since).map(|(class, arrow, text, title)| {
        view! {
            <span class=class title=title>
                <span aria-hidden="true">{arrow}</span>
                {text}
            </span>
        }
    })
}

/// The blind spot mark, from the texts the card uses too.
fn blind_spot_view(row: &Row) -> impl IntoView {
    row.card.blind_spot().map(|(title, hidden)| {
        view! {
            <span class="blind-spot" title=title.to_string()>
                <span aria-hidden="true">"◐ "</span>
                "Blind spot"
                <span class="visually-hidden">{hidden.to_string()}</span>
            </span>
        }
    })
}

/// The filtered clients as a sortable table.
#[component]
fn ClientTable(rows: Memo<Vec<Arc<Row>>>, today: Date) -> impl IntoView {
    let sort = RwSignal::new((SortKey::Name, true));
    let expanded = RwSignal::new(false);
    let sorted = Memo::new(move |_| {
        let (key, ascending) = sort.get();
        let mut v = rows.get();
        v.sort_by(|a, b| {
            let o = key.compare(a, b);
            if ascending {
                o
            } else {
                o.reverse()
            }
        });
        v
    });
    let count = move || sorted.with(Vec::len);
    let shown = move || {
        sorted.with(|rs| {
            if expanded.get() || rs.len() <= TABLE_CAP {
                rs.clone()
            } else {
                rs[..TABLE_CAP].to_vec()
            }
        })
    };
    let header = move |key: SortKey| {
        let aria = move || match sort.get() {
            (k, true) if k == key => "ascending",
            (k, false) if k == key => "descending",
            _ => "none",
        };
        let click = move |_| {
            sort.update(|(k, asc)| {
                if *k == key {
                    *asc = !*asc;
                } else {
                    *k = key;
                    *asc = true;
                }
            })
        };
        view! {
            <th scope="col" aria-sort=aria data-sort=key.id()>
                <button type="button" class="sort" on:click=click>
                    {key.label()}
                    <span class="sort-mark" aria-hidden="true">
                        {move || match aria() {
                            "ascending" => " ▲",
                            "descending" => " ▼",
                            _ => "",
                        }}
                    </span>
                </button>
            </th>
        }
    };
    view! {
        <div class="table-wrap">
            <table class="client-table">
                <caption class="visually-hidden">
                    "Clients on the board. Select a column header to sort."
                </caption>
                <thead>
                    <tr>{SortKey::ALL.into_iter().map(header).collect_view()}</tr>
                </thead>
                <tbody>
                    <For each=shown key=|r| r.clone() let:row>
                        <TableRow row=row today=today/>
                    </For>
                </tbody>
            </table>
            <Show when=move || { count() == 0 }>
                <p class="empty">"No client matches these filters."</p>
            </Show>
            <Show when=move || { count() > TABLE_CAP }>
                <button type="button" class="button quiet show-all" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || {
                        if expanded.get() {
                            format!("Show the first {TABLE_CAP}")
                        } else {
                            format!("Show all {}", count())
                        }
                    }}
                </button>
            </Show>
        </div>
    }
}

#[component]
fn TableRow(row: Arc<Row>, today: Date) -> impl IntoView {
    let href = format!("/client/{}", row.id);
    let revenue = row
        .revenue
        .map(money)
        .unwrap_or_else(|| "Unknown".to_string());
    let renewal = row
        .contract_end
        .map(|end| renewal_text(end, today))
        .unwrap_or_default();
    view! {
        <tr data-client-id=row.id.to_string()>
            <th scope="row">
                <a href=href>{row.name.clone()}</a>
                " "
                {blind_spot_view(&row)}
            </th>
            <td>
                <span class="pill" data-category=row.category.id()>{row.category.name()}</span>
                " "
                {trend_view(row.since)}
            </td>
            <td class="num" data-value=row.revenue.map(|r| r.to_string()).unwrap_or_default()>
                {revenue}
            </td>
            <td>
                {row.contract_end.map(|d| view! { <time datetime=d.to_string()>{renewal.clone()}</time> })}
            </td>
            <td class="num">{row.warnings.len()}</td>
        </tr>
    }
}

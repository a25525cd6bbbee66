//! Movement since the previous check-up (METHOD.md, "The portfolio view"):
//! the transition table, each count a button that lists the clients behind
//! it, who moved, and the net change of revenue per category. The team
//! view shows the same table over every member's clients.

use leptos::prelude::*;

use crate::domain::summary::{board_index, ClientMove, Movement, MovementTally};
use crate::domain::{Category, Id};
use crate::present::format::money;
use crate::ui::store::Store;

/// A movement and the net change of revenue per category it brings.
pub(in crate::ui::pages) type MovementData = (Movement, [i64; 5]);

/// A cell's label: "2 clients from At risk to Loyal, not secure".
fn cell_label(n: usize, from: Category, to: Category) -> String {
    let clients = if n == 1 { "client" } else { "clients" };
    format!("{n} {clients} from {} to {}", from.name(), to.name())
}

/// The board's movement, over the user's own clients.
#[component]
pub(super) fn Movement(store: Store) -> impl IntoView {
    let data = Memo::new(move |_| {
        store.records_changed.track();
        store.clients.track();
        // One pass over the clients in place: copying a large portfolio
        // on every visit to the board cost more than drawing it.
        let mut tally = MovementTally::default();
        store.clients.with_untracked(|slots| {
            for slot in slots {
                slot.client.with_untracked(|c| tally.add(c));
            }
        });
        tally.finish()
    });
    view! { <MovementTable data=data link=|id| format!("/client/{id}")/> }
}

/// The movement table, the clients behind a chosen count, who moved and the
/// revenue change; `link` is where a client's name leads.
#[component]
pub(in crate::ui::pages) fn MovementTable(
    data: Memo<MovementData>,
    link: fn(&Id) -> String,
) -> impl IntoView {
    let picked = RwSignal::new(None::<(Category, Category)>);
    let rows = move || {
        data.with(|(m, _)| {
            Category::BOARD_ORDER
                .iter()
                .map(|from| {
                    let from = *from;
                    let cells = Category::BOARD_ORDER
                        .iter()
                        .map(|to| {
                            let to = *to;
                            let n = m.count(from, to);
                            let label = cell_label(n, from, to);
                            view! {
                                <td class="num" data-from=from.id() data-to=to.id()>
                                    {(n > 0).then(|| view! {
                                        <button type="button" class="link-button" aria-label=label
                                            aria-pressed=move || (picked.get() == Some((from, to))).to_string()
                                            on:click=move |_| picked.set(Some((from, to)))>
                                            {n}
                                        </button>
                                    })}
                                    {(n == 0).then_some("0")}
                                </td>
                            }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{from.name()}</th>{cells}</tr> }
                })
                .collect_view()
        })
    };
    let chosen = move || {
        let (from, to) = picked.get()?;
        let list: Vec<ClientMove> = data.with(|(m, _)| {
            m.clients
                .iter()
                .filter(|c| c.from == from && c.to == to)
                .cloned()
                .collect()
        });
        Some(view! {
            <div class="movement-picked" role="region" aria-live="polite">
                <h3>{cell_label(list.len(), from, to)}</h3>
                <ul>
                    {list.into_iter().map(|c| view! {
                        <li><a href=link(&c.client)>{c.name}</a></li>
                    }).collect_view()}
                </ul>
            </div>
        })
    };
    let movers = move || {
        data.with(|(m, _)| {
            m.clients
                .iter()
                .filter(|c| c.from != c.to)
                .map(|c| {
                    view! {
                        <li>
                            <a href=link(&c.client)>{c.name.clone()}</a>
                            ": " {c.from.name()} " → " {c.to.name()}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let revenue = move || {
        data.with(|(_, r)| {
            Category::BOARD_ORDER
                .iter()
                .map(|c| {
                    let change = r[board_index(*c)];
                    let sign = match change.signum() {
                        1 => "+",
                        -1 => "−",
                        _ => "",
                    };
                    let amount = format!("{sign}{}", money(change.unsigned_abs()));
                    view! { <li>{c.name()} ": " {amount}</li> }
                })
                .collect_view()
        })
    };
    // The table is built when the section is first opened: a closed
    // section costs the board nothing, however large the portfolio.
    let open = RwSignal::new(false);
    view! {
        <details
            class="movement"
            on:toggle=move |ev| {
                if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                    open.set(true);
                }
            }
        >
            <summary>"Movement since the previous check-up"</summary>
            <Show when=move || open.get()>
                <div class="table-scroll">
                    <table class="movement-table">
                        <caption>"Rows: category at the previous check-up; columns: now. Choose a count to see its clients."</caption>
                        <thead><tr><th scope="col">"From \\ to"</th>{Category::BOARD_ORDER.map(|c| view! { <th scope="col">{c.name()}</th> })}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                {chosen}
                <h3>"Who moved"</h3>
                <ul class="movers">{movers}</ul>
                <h3>"Net change of annual revenue per category"</h3>
                <ul class="revenue-change">{revenue}</ul>
            </Show>
        </details>
    }
}

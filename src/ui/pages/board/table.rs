//! The board's clients as a sortable table (the order is
//! [`SortKey`]'s), and the trend and blind spot marks it shows.

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::Date;
use crate::present::board::{override_note, sort_rows, trend_mark, Row, Since, SortKey};
use crate::present::format::{money, renewal_text};

/// Table rows rendered before "Show all".
const TABLE_CAP: usize = 200;

fn trend_view(since: Since) -> impl IntoView {
    trend_mark(since).map(|m| {
        view! {
            <span class=m.class title=m.title>
                <span aria-hidden="true">{m.arrow}</span>
                {m.text}
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
pub(super) fn ClientTable(rows: Memo<Vec<Arc<Row>>>, today: Date) -> impl IntoView {
    let sort = RwSignal::new((SortKey::Name, true));
    let expanded = RwSignal::new(false);
    let sorted = Memo::new(move |_| {
        let (key, ascending) = sort.get();
        let mut v = rows.get();
        sort_rows(&mut v, key, ascending);
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
                {row.computed.map(|c| view! {
                    " "
                    <span class="overridden" data-computed=c.id()>{override_note(c)}</span>
                })}
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

//! The team's continuum: one column per category over every opened file,
//! a card per client naming its owners.

use leptos::prelude::*;

use crate::domain::team::{Team as TeamSummary, TeamClient};
use crate::domain::{renewal_soon, Column, Date};
use crate::present::board::override_note;
use crate::present::format::{money, renewal_text, revenue_total};

pub(super) fn revenue_text(col: &Column) -> String {
    revenue_total(col.revenue, col.revenue_unknown)
}

/// The continuum over every opened file.
#[component]
pub(super) fn TeamBoard(summary: Memo<TeamSummary>, today: Date) -> impl IntoView {
    view! {
        <section class="team-board-section" aria-labelledby="team-board-heading">
            <h2 id="team-board-heading">"The team's continuum"</h2>
            <p class="hint">
                "A client in more than one file is shown once, with every owner named. Its card shows the record with the most recent check-up (on a tie, the file opened first); a revenue or contract end missing there is taken from the other file."
            </p>
            {move || summary.with(|t| {
                let lost = (t.board.lost > 0).then(|| view! {
                    <p class="lost-note">{format!("{} lost (annual revenue {}) not shown.", t.board.lost, money(t.board.lost_revenue))}</p>
                });
                view! {
                    <div class="board team-board">
                        {t.board.columns.iter().map(|col| {
                            view! { <TeamColumn column=col.clone() summary today/> }
                        }).collect_view()}
                    </div>
                    {lost}
                }
            })}
            <super::movement::TeamMovement summary=summary/>
        </section>
    }
}

/// Cards rendered per column before "Show all" (a team of 5,000 clients
/// would otherwise build 5,000 cards on every visit).
const COLUMN_CAP: usize = 40;

#[component]
fn TeamColumn(column: Column, summary: Memo<TeamSummary>, today: Date) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let ids = column.clients.clone();
    let cards = move || {
        let shown = if expanded.get() {
            ids.len()
        } else {
            COLUMN_CAP
        };
        summary.with(|t| {
            ids.iter()
                .take(shown)
                .filter_map(|id| t.client(id))
                .map(|c| view! { <li>{team_card(c, today)}</li> })
                .collect_view()
        })
    };
    let count = column.count;
    let show_all = (count > COLUMN_CAP).then(|| view! {
        <button type="button" class="button quiet show-all" on:click=move |_| expanded.update(|e| *e = !*e)>
            {move || if expanded.get() { format!("Show the first {COLUMN_CAP}") } else { format!("Show all {count}") }}
        </button>
    });
    let heading_id = format!("team-column-{}", column.category.id());
    let labelled_by = heading_id.clone();
    view! {
        <section class="column" data-category=column.category.id() aria-labelledby=labelled_by>
            <header class="column-head">
                <h3 id=heading_id>{column.category.name()}</h3>
                <p class="column-stats">
                    <span class="count">{column.count}</span>
                    {if column.count == 1 { " client" } else { " clients" }}
                    <span class="revenue" data-revenue=column.revenue.to_string()>
                        <span class="visually-hidden">", annual revenue "</span>
                        <span aria-hidden="true">" · "</span>
                        {revenue_text(&column)}
                    </span>
                </p>
            </header>
            {(count == 0).then(|| view! { <p class="empty">"None here."</p> })}
            <ul class="cards">{cards}</ul>
            {show_all}
        </section>
    }
}

/// A card, read from the summary in place: copying each client's whole
/// record (people, issues, contacts, check-ups) cost more than drawing it.
fn team_card(client: &TeamClient, today: Date) -> impl IntoView {
    let c = client.client();
    let revenue = c
        .profile
        .annual_revenue
        .map(money)
        .unwrap_or_else(|| "Revenue unknown".into());
    let renewal = c.profile.contract_end.map(|end| {
        let soon = renewal_soon(end, today);
        view! { <span class="fact renewal" class:soon=soon>{renewal_text(end, today)}</span> }
    });
    let shared = client.owners.len() > 1;
    let verdict = &client.view.verdict;
    let overridden = (verdict.computed != verdict.category).then(|| {
        let c = verdict.computed;
        view! { <span class="fact overridden" data-computed=c.id()>{override_note(c)}</span> }
    });
    view! {
        <a
            class="card"
            href=format!("/team/client/{}", c.id)
            data-client-id=c.id.to_string()
            data-category=client.view.verdict.category.id()
        >
            <span class="card-name">{c.profile.name.clone()}</span>
            <span class="card-facts">
                <span class="fact revenue">{revenue}</span>
                {renewal}
                <span class="fact owners" class:shared=shared>
                    {if shared { "Shared: " } else { "Owner: " }}
                    {client.owners.join(", ")}
                </span>
                {overridden}
            </span>
        </a>
    }
}

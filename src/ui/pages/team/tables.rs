//! The team's tables: a row per salesperson, where each person's clients
//! sit, and the renewals in the next six months that are not secure.

use leptos::prelude::*;

use super::board::revenue_text;
use crate::domain::team::{PersonRow, Team as TeamSummary};
use crate::domain::{Category, Date};
use crate::present::format::{money, renewal_text};

/// One row per salesperson.
#[component]
pub(super) fn PeopleTable(summary: Memo<TeamSummary>) -> impl IntoView {
    let headers = [
        "Salesperson",
        "Clients",
        "Revenue at risk",
        "Assessed",
        "Stale check-ups",
        "Blind spots",
        "Overdue actions",
        "Renewals not secure (6 months)",
    ];
    view! {
        <section class="team-people-section" aria-labelledby="team-people-heading">
            <h2 id="team-people-heading">"Per person"</h2>
            <p class="hint">
                "Each row reads that person's own file. Revenue at risk is the annual revenue of clients at risk or facing inevitable loss; a check-up is stale after a quarter; a blind spot is a client the person felt safer about than the answers show."
            </p>
            <div class="table-wrap">
                <table class="client-table team-people">
                    <caption class="visually-hidden">"Each salesperson's clients, risk and upkeep"</caption>
                    <thead>
                        <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {move || summary.with(|t| t.people.iter().map(person_row).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

fn person_row(p: &PersonRow) -> impl IntoView {
    let cell = |field: &'static str, text: String, alert: bool| {
        view! { <td class="num" class:alert=alert data-field=field>{text}</td> }
    };
    view! {
        <tr data-owner=p.owner.clone()>
            <th scope="row">{p.owner.clone()}<span class="file-note">{p.file.clone()}</span></th>
            {cell("clients", p.clients.to_string(), false)}
            {cell("revenue-at-risk", money(p.revenue_at_risk), p.revenue_at_risk > 0)}
            {cell("assessed", format!("{}%", p.share_assessed()), p.share_assessed() < 100)}
            {cell("stale", p.stale.to_string(), p.stale > 0)}
            {cell("blind-spots", p.blind_spots.to_string(), p.blind_spots > 0)}
            {cell("overdue-actions", p.overdue_actions.to_string(), p.overdue_actions > 0)}
            {cell("renewals", p.renewals_not_secure.to_string(), p.renewals_not_secure > 0)}
        </tr>
    }
}

/// Count and revenue per category for each person.
#[component]
pub(super) fn CategoriesPerPerson(summary: Memo<TeamSummary>) -> impl IntoView {
    view! {
        <section class="team-categories-section" aria-labelledby="team-categories-heading">
            <h2 id="team-categories-heading">"Where each person's clients sit"</h2>
            <div class="table-wrap">
                <table class="client-table team-categories">
                    <caption class="visually-hidden">"Clients and annual revenue per category, per salesperson"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Salesperson"</th>
                            {Category::BOARD_ORDER.into_iter().map(|c| view! {
                                <th scope="col"><span class="pill" data-category=c.id()>{c.name()}</span></th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {move || summary.with(|t| t.people.iter().map(|p| view! {
                            <tr data-owner=p.owner.clone()>
                                <th scope="row">{p.owner.clone()}</th>
                                {p.board.columns.iter().map(|col| view! {
                                    <td class="num" data-category=col.category.id() data-count=col.count.to_string() data-revenue=col.revenue.to_string()>
                                        {col.count} <span class="cell-revenue">{revenue_text(col)}</span>
                                    </td>
                                }).collect_view()}
                            </tr>
                        }).collect_view())}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// Renewals listed before "Show all" (soonest first).
const RENEWALS_CAP: usize = 25;

/// Renewals in the next six months that are not secure.
#[component]
pub(super) fn Renewals(summary: Memo<TeamSummary>, today: Date) -> impl IntoView {
    let expanded = RwSignal::new(false);
    let count = move || summary.with(|t| t.renewals.len());
    view! {
        <section class="team-renewals-section" aria-labelledby="team-renewals-heading">
            <h2 id="team-renewals-heading">"Renewals in the next six months that are not secure"</h2>
            {move || summary.with(|t| {
                if t.renewals.is_empty() {
                    return view! { <p class="empty">"None: every renewal in the next six months is with a loyal and secure client."</p> }.into_any();
                }
                view! {
                    <ul class="team-renewals">
                        {t.renewals.iter().take(if expanded.get() { usize::MAX } else { RENEWALS_CAP }).map(|r| view! {
                            <li data-client-id=r.client.to_string()>
                                <a href=format!("/team/client/{}", r.client)>{r.name.clone()}</a>
                                " · " <span class="pill" data-category=r.category.id()>{r.category.name()}</span>
                                " · " <time datetime=r.contract_end.to_string()>{renewal_text(r.contract_end, today)}</time>
                                " · " {r.revenue.map(money).unwrap_or_else(|| "revenue unknown".into())}
                                " · " {r.owners.join(", ")}
                            </li>
                        }).collect_view()}
                    </ul>
                }
                .into_any()
            })}
            <Show when=move || { count() > RENEWALS_CAP }>
                <button type="button" class="button quiet show-all" on:click=move |_| expanded.update(|e| *e = !*e)>
                    {move || if expanded.get() { format!("Show the first {RENEWALS_CAP}") } else { format!("Show all {}", count()) }}
                </button>
            </Show>
        </section>
    }
}

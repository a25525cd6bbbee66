//! How the clients on the board spread over the categories: clients and
//! annual revenue per category as bars, drawn here as inline SVG.
//!
//! Each category has its colour and its own fill pattern (solid, stripes,
//! cross-hatch, dots, dashed outline) and its name beside the bar, so the
//! chart reads without colour; a table gives the same numbers to screen
//! readers.

use leptos::prelude::*;

use super::money;
use crate::domain::Category;

/// Clients and known annual revenue of one category.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Share {
    pub clients: usize,
    pub revenue: u64,
    /// Clients whose revenue is not known.
    pub unknown: usize,
}

const WIDTH: f64 = 720.0;
const LABEL_END: f64 = 150.0;
const CLIENTS_X: f64 = 160.0;
const REVENUE_X: f64 = 440.0;
/// Longest bar; the rest of a panel holds the value.
const BAR_MAX: f64 = 190.0;
const TOP: f64 = 30.0;
const ROW: f64 = 26.0;
const BAR_H: f64 = 16.0;

/// Bar length for `value` when `max` fills `full`; 0 when there is nothing.
pub(super) fn bar_length(value: u64, max: u64, full: f64) -> f64 {
    if max == 0 {
        0.0
    } else {
        full * value as f64 / max as f64
    }
}

fn pattern_id(c: Category) -> String {
    format!("dist-pattern-{}", c.id())
}

/// The texture drawn over a category's colour.
fn pattern(c: Category) -> impl IntoView {
    let id = pattern_id(c);
    let marks = match c {
        Category::Secure => view! { <g></g> }.into_any(),
        Category::NotSecure => view! { <path d="M0,8 L8,0" class="mark"></path> }.into_any(),
        Category::AtRisk => view! { <path d="M0,8 L8,0 M0,0 L8,8" class="mark"></path> }.into_any(),
        Category::InevitableLoss => {
            view! { <circle cx="4" cy="4" r="1.6" class="dot"></circle> }.into_any()
        }
        Category::Unassessed => view! { <g></g> }.into_any(),
    };
    view! {
        <pattern id=id width="8" height="8" patternUnits="userSpaceOnUse">
            {marks}
        </pattern>
    }
}

fn row_y(i: usize) -> f64 {
    TOP + ROW * i as f64
}

/// The words for one category, used in the label and the table.
fn revenue_text(s: &Share) -> String {
    if s.unknown == 0 {
        money(s.revenue)
    } else {
        format!("{} (+{} unknown)", money(s.revenue), s.unknown)
    }
}

#[component]
pub(super) fn Distribution(shares: Memo<Vec<(Category, Share)>>) -> impl IntoView {
    let height = TOP + ROW * Category::BOARD_ORDER.len() as f64;
    let summary = move || {
        shares.with(|all| {
            let parts: Vec<String> = all
                .iter()
                .map(|(c, s)| {
                    format!(
                        "{}: {} {}, revenue {}",
                        c.name(),
                        s.clients,
                        if s.clients == 1 { "client" } else { "clients" },
                        revenue_text(s)
                    )
                })
                .collect();
            format!(
                "Clients and annual revenue per category. {}.",
                parts.join("; ")
            )
        })
    };
    let bars = move || {
        shares.with(|all| {
            let max_clients = all.iter().map(|(_, s)| s.clients as u64).max().unwrap_or(0);
            let max_revenue = all.iter().map(|(_, s)| s.revenue).max().unwrap_or(0);
            all.iter()
                .enumerate()
                .map(|(i, (c, s))| {
                    let y = row_y(i);
                    let cw = bar_length(s.clients as u64, max_clients, BAR_MAX);
                    let rw = bar_length(s.revenue, max_revenue, BAR_MAX);
                    let fill = format!("url(#{})", pattern_id(*c));
                    let fill2 = fill.clone();
                    view! {
                        <g class="dist-row" data-category=c.id()>
                            <text x=LABEL_END y=y + 12.5 text-anchor="end" class="dist-label">{c.name()}</text>
                            <rect x=CLIENTS_X y=y width=cw height=BAR_H class="bar" data-measure="clients" data-value=s.clients></rect>
                            <rect x=CLIENTS_X y=y width=cw height=BAR_H class="texture" fill=fill></rect>
                            <text x=CLIENTS_X + cw + 6.0 y=y + 12.5 class="dist-value">{s.clients}</text>
                            <rect x=REVENUE_X y=y width=rw height=BAR_H class="bar" data-measure="revenue" data-value=s.revenue></rect>
                            <rect x=REVENUE_X y=y width=rw height=BAR_H class="texture" fill=fill2></rect>
                            <text x=REVENUE_X + rw + 6.0 y=y + 12.5 class="dist-value">{money(s.revenue)}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let rows = move || {
        shares.with(|all| {
            all.iter()
                .map(|(c, s)| {
                    view! {
                        <tr data-category=c.id()>
                            <th scope="row">{c.name()}</th>
                            <td>{s.clients}</td>
                            <td>{revenue_text(s)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <figure class="distribution">
            <svg
                class="dist-chart"
                viewBox=format!("0 0 {WIDTH} {height}")
                role="img"
                aria-label=summary
                preserveAspectRatio="xMinYMin meet"
            >
                <title>{summary}</title>
                <defs>{Category::BOARD_ORDER.into_iter().map(pattern).collect_view()}</defs>
                <text x=CLIENTS_X y="16" class="dist-heading">"Clients"</text>
                <text x=REVENUE_X y="16" class="dist-heading">"Annual revenue"</text>
                {bars}
            </svg>
            <table class="visually-hidden dist-table">
                <caption>"Clients and annual revenue per category"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Category"</th>
                        <th scope="col">"Clients"</th>
                        <th scope="col">"Annual revenue"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}

//! Every check-up of the client, and the category over time as a small
//! chart with a table that says the same in text.

use leptos::prelude::*;

use super::common::Ctx;
use crate::domain::{recheck, shown_category, Category, Date};

/// One row of the history.
#[derive(Clone, PartialEq)]
struct Row {
    date: Date,
    shown: Category,
    computed: Category,
    /// The stored verdict, when the answers now compute another one.
    stored: Option<Category>,
    gut: Option<Category>,
    answered: usize,
    overridden: bool,
}

/// Chart rows, top to bottom.
const LEVELS: [Category; 5] = [
    Category::Secure,
    Category::NotSecure,
    Category::AtRisk,
    Category::InevitableLoss,
    Category::Unassessed,
];

const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 180.0;
const LEFT: f64 = 120.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 18.0;
const STEP: f64 = 34.0;

fn level_y(c: Category) -> f64 {
    let i = LEVELS.iter().position(|x| *x == c).unwrap_or(4);
    TOP + STEP * i as f64
}

#[component]
pub fn HistoryTab(ctx: Ctx) -> impl IntoView {
    let rows = Memo::new(move |_| {
        ctx.client.with(|c| {
            c.assessments
                .iter()
                .map(|a| {
                    let (computed, stored) = recheck(a);
                    Row {
                        date: a.date,
                        shown: shown_category(a),
                        computed,
                        stored,
                        gut: a.gut,
                        answered: a.answers.len(),
                        overridden: a.r#override.is_some(),
                    }
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="history-tab" aria-labelledby="history-heading">
            <h2 id="history-heading">"History"</h2>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p class="empty">"No check-up yet. The first one starts on the Check-up tab."</p> }
            >
                <figure class="history-chart">
                    {move || chart(&rows.get())}
                    <figcaption>"The category at each check-up, oldest on the left. The table below lists the same."</figcaption>
                </figure>
                <div class="table-scroll">
                <table class="history-table">
                    <caption>"Check-ups, newest first"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Date"</th>
                            <th scope="col">"Category"</th>
                            <th scope="col">"Computed"</th>
                            <th scope="col">"Your gut feeling"</th>
                            <th scope="col">"Answered"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            rows.get()
                                .into_iter()
                                .rev()
                                .map(|r| {
                                    view! {
                                        <tr data-category=r.shown.id()>
                                            <th scope="row">{r.date.to_string()}</th>
                                            <td>{r.shown.name()} {r.overridden.then_some(" (overridden)")}</td>
                                            <td>
                                                {r.computed.name()}
                                                {r.stored.map(|s| view! {
                                                    <span class="stored-differs" data-stored=s.id()>
                                                        " (the file says " {s.name()} ", which the answers do not support)"
                                                    </span>
                                                })}
                                            </td>
                                            <td>{r.gut.map_or("—", Category::name)}</td>
                                            <td>{r.answered} " of 25"</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
                </div>
            </Show>
        </section>
    }
}

/// The category over time: one point per check-up, joined by a line.
fn chart(rows: &[Row]) -> impl IntoView {
    let n = rows.len();
    let first = rows.first().map_or(0, |r| r.date.days_since_epoch());
    let last = rows.last().map_or(0, |r| r.date.days_since_epoch());
    let span = (last - first).max(1) as f64;
    let plot = WIDTH - LEFT - RIGHT;
    let x = |i: usize, d: Date| -> f64 {
        if n <= 1 {
            LEFT + plot / 2.0
        } else if last == first {
            LEFT + plot * i as f64 / (n - 1) as f64
        } else {
            LEFT + plot * f64::from(d.days_since_epoch() - first) / span
        }
    };
    let points: Vec<(f64, f64, Row)> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (x(i, r.date), level_y(r.shown), r.clone()))
        .collect();
    let line = points
        .iter()
        .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ");
    let summary = match (rows.first(), rows.last()) {
        (Some(a), Some(b)) if n > 1 => format!(
            "{n} check-ups, from {} on {} to {} on {}.",
            a.shown.name(),
            a.date,
            b.shown.name(),
            b.date
        ),
        (Some(a), _) => format!("One check-up: {} on {}.", a.shown.name(), a.date),
        _ => String::new(),
    };
    view! {
        <svg
            class="chart"
            viewBox=format!("0 0 {WIDTH} {HEIGHT}")
            role="img"
            aria-label=summary
            preserveAspectRatio="xMinYMin meet"
        >
            {LEVELS
                .into_iter()
                .map(|c| {
                    let y = level_y(c);
                    view! {
                        <g class="level" data-category=c.id()>
                            <line x1=LEFT - 6.0 x2=WIDTH - RIGHT y1=y y2=y class="gridline"></line>
                            <text x=LEFT - 10.0 y=y + 4.0 text-anchor="end" class="level-label">{c.name()}</text>
                        </g>
                    }
                })
                .collect_view()}
            <polyline points=line class="trend" fill="none"></polyline>
            {points
                .into_iter()
                .map(|(x, y, r)| {
                    view! {
                        <circle cx=x cy=y r="6" class="point" data-category=r.shown.id()></circle>
                    }
                })
                .collect_view()}
        </svg>
    }
}

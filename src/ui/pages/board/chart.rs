//! How the clients on the board spread over the categories: clients and
//! annual revenue per category as bars, drawn here as inline SVG.
//!
//! Each category has its colour and its own fill pattern (solid, stripes,
//! cross-hatch, dots, dashed outline) and its name beside the bar, so the
//! chart reads without colour; each panel says its numbers in its accessible
//! name, and a table gives them to screen readers once more. The two panels
//! (clients, revenue) sit side by side and stack on a phone, so the text
//! keeps a readable size.

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

/// What a panel measures.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Measure {
    Clients,
    Revenue,
}

impl Measure {
    fn id(self) -> &'static str {
        match self {
            Measure::Clients => "clients",
            Measure::Revenue => "revenue",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Measure::Clients => "Clients",
            Measure::Revenue => "Annual revenue",
        }
    }

    fn value(self, s: &Share) -> u64 {
        match self {
            Measure::Clients => s.clients as u64,
            Measure::Revenue => s.revenue,
        }
    }

    fn text(self, s: &Share) -> String {
        match self {
            Measure::Clients if s.clients == 1 => "1 client".to_string(),
            Measure::Clients => format!("{} clients", s.clients),
            Measure::Revenue => revenue_text(s),
        }
    }
}

const WIDTH: f64 = 420.0;
const BAR_X: f64 = 130.0;
/// Longest bar; the rest of the panel holds the value.
const BAR_MAX: f64 = 200.0;
const TOP: f64 = 28.0;
const ROW: f64 = 26.0;
/// Per row: `TOP + ROW * i` and the text baseline 12.5 below it. Labels end
/// at x = 122; bars start at `BAR_X` (130) and are 16 high.
const ROW_Y: [(&str, &str); 5] = [
    ("28", "40.5"),
    ("54", "66.5"),
    ("80", "92.5"),
    ("106", "118.5"),
    ("132", "144.5"),
];

/// Bar length for `value` when `max` fills `full`; 0 when there is nothing.
fn bar_length(value: u64, max: u64, full: f64) -> f64 {
    if max == 0 {
        0.0
    } else {
        full * value as f64 / max as f64
    }
}

fn pattern_id(m: Measure, c: Category) -> String {
    format!("dist-{}-{}", m.id(), c.id())
}

/// The texture drawn over a category's colour.
fn pattern(m: Measure, c: Category) -> impl IntoView {
    let marks = match c {
        Category::NotSecure => view! { <path d="M0,8 L8,0" class="mark"></path> }.into_any(),
        Category::AtRisk => view! { <path d="M0,8 L8,0 M0,0 L8,8" class="mark"></path> }.into_any(),
        Category::InevitableLoss => {
            view! { <circle cx="4" cy="4" r="1.6" class="dot"></circle> }.into_any()
        }
        // Secure is solid; not yet assessed is a dashed outline (CSS).
        Category::Secure | Category::Unassessed => view! { <g></g> }.into_any(),
    };
    view! {
        <pattern id=pattern_id(m, c) width="8" height="8" patternUnits="userSpaceOnUse">
            {marks}
        </pattern>
    }
}

/// "1,250,000", or "1,250,000 (+2 unknown)" when some revenue is not known.
fn revenue_text(s: &Share) -> String {
    if s.unknown == 0 {
        money(s.revenue)
    } else {
        format!("{} (+{} unknown)", money(s.revenue), s.unknown)
    }
}

/// One measure over the five categories.
#[component]
fn Panel(measure: Measure, shares: Memo<Vec<(Category, Share)>>) -> impl IntoView {
    let height = TOP + ROW * Category::BOARD_ORDER.len() as f64;
    let summary = move || {
        shares.with(|all| {
            let parts: Vec<String> = all
                .iter()
                .map(|(c, s)| format!("{}: {}", c.name(), measure.text(s)))
                .collect();
            format!("{} per category. {}.", measure.title(), parts.join("; "))
        })
    };
    let bars = move || {
        shares.with(|all| {
            let max = all.iter().map(|(_, s)| measure.value(s)).max().unwrap_or(0);
            all.iter()
                .enumerate()
                .map(|(i, (c, s))| {
                    let y = TOP + ROW * i as f64;
                    let value = measure.value(s);
                    let w = bar_length(value, max, BAR_MAX);
                    let fill = format!("url(#{})", pattern_id(measure, *c));
                    let shown = match measure {
                        Measure::Clients => s.clients.to_string(),
                        Measure::Revenue => money(s.revenue),
                    };
                    // The fixed coordinates as written out, not formatted from
                    // floats on every opening of the board.
                    let (row_y, text_y) = ROW_Y.get(i).copied().unwrap_or(("0", "0"));
                    debug_assert_eq!(row_y, y.to_string());
                    view! {
                        <g class="dist-row" data-category=c.id()>
                            <text x="122" y=text_y text-anchor="end" class="dist-label">{c.name()}</text>
                            <rect x="130" y=row_y width=w height="16" class="bar" data-measure=measure.id() data-value=value></rect>
                            <rect x="130" y=row_y width=w height="16" class="texture" fill=fill></rect>
                            <text x=BAR_X + w + 6.0 y=text_y class="dist-value">{shown}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <svg
            class="dist-chart"
            data-measure=measure.id()
            viewBox=format!("0 0 {WIDTH} {height}")
            role="img"
            aria-label=summary
            preserveAspectRatio="xMinYMin meet"
        >
            <title>{summary}</title>
            <defs>
                {Category::BOARD_ORDER.into_iter().map(|c| pattern(measure, c)).collect_view()}
            </defs>
            <text x=BAR_X y="16" class="dist-heading">{measure.title()}</text>
            {bars}
        </svg>
    }
}

#[component]
pub(super) fn Distribution(shares: Memo<Vec<(Category, Share)>>) -> impl IntoView {
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
    // A table ignores the 1px box of .visually-hidden, so a div holds it.
    view! {
        <figure class="distribution">
            <div class="dist-panels">
                <Panel measure=Measure::Clients shares=shares/>
                <Panel measure=Measure::Revenue shares=shares/>
            </div>
            <div class="visually-hidden">
                <table class="dist-table">
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
            </div>
        </figure>
    }
}

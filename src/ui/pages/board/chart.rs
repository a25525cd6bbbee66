//! How the clients on the board spread over the categories: clients and
//! annual revenue per category as bars, drawn here as inline SVG.
//!
//! Each category has its colour and its own fill pattern (solid, stripes,
//! cross-hatch, dots, dashed outline) and its name beside the bar, so the
//! chart reads without colour; each panel says its numbers in its accessible
//! name, and a table gives them to screen readers once more. The two panels
//! (clients, revenue) sit side by side and stack on a phone, so the text
//! keeps a readable size.
//!
//! Everything but the numbers is the same on every board, so, like the
//! cards, the chart is built once as a detached skeleton and each board
//! clones it and fills in its numbers: about a hundred SVG and table
//! elements built by `view!` cost the board a few milliseconds on every
//! opening (see docs/performance.md). The numbers follow the filters.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::domain::Category;
use crate::present::board::Share;
use crate::present::format::{money, revenue_total};

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
            Measure::Revenue => s.revenue.known,
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
/// Rows are `ROW` apart from `TOP`; a row's text baseline is 12.5 below its
/// top. Labels end at x = 122; bars start at `BAR_X` and are 16 high.
const ROW: f64 = 26.0;
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

const SVG: &str = "http://www.w3.org/2000/svg";
const MEASURES: [Measure; 2] = [Measure::Clients, Measure::Revenue];

/// "1,250,000", or "1,250,000 (+2 unknown)" when some revenue is not known.
fn revenue_text(s: &Share) -> String {
    revenue_total(s.revenue.known, s.revenue.unknown)
}

/// The accessible name of a panel: every category's number.
fn summary(measure: Measure, shares: &[(Category, Share)]) -> String {
    let parts: Vec<String> = shares
        .iter()
        .map(|(c, s)| format!("{}: {}", c.name(), measure.text(s)))
        .collect();
    format!("{} per category. {}.", measure.title(), parts.join("; "))
}

/// The chart, clients and revenue per category, kept up to date with `shares`.
#[component]
pub(super) fn Distribution(shares: Memo<Vec<(Category, Share)>>) -> impl IntoView {
    view! { <figure class="distribution" use:draw_chart=shares></figure> }
}

/// The places a board's numbers go, in a clone of the skeleton.
struct Places {
    /// Per measure: the panel, its title, and per category the bar, its
    /// texture and the value beside it.
    panels: Vec<(Element, Element, Vec<[Element; 3]>)>,
    /// Per category, the table's clients and revenue cells.
    cells: Vec<[Element; 2]>,
}

/// Directive for the `<figure>`: fills it with a clone of the skeleton and
/// keeps its numbers in step with `shares`.
fn draw_chart(figure: Element, shares: Memo<Vec<(Category, Share)>>) {
    let Some(places) = skeleton().and_then(|(panels, table)| {
        let places = places(&panels, &table)?;
        figure.append_with_node_2(&panels, &table).ok()?;
        Some(places)
    }) else {
        return;
    };
    let effect = RenderEffect::new(move |_| shares.with(|all| fill(&places, all)));
    // The effect lives as long as the figure.
    StoredValue::new_local(effect);
}

/// Writes the numbers of `shares` into the chart.
fn fill(places: &Places, shares: &[(Category, Share)]) {
    for (measure, (panel, title, rows)) in MEASURES.into_iter().zip(&places.panels) {
        let summary = summary(measure, shares);
        let _ = panel.set_attribute("aria-label", &summary);
        title.set_text_content(Some(&summary));
        let max = shares
            .iter()
            .map(|(_, s)| measure.value(s))
            .max()
            .unwrap_or(0);
        for ([bar, texture, value], (_, share)) in rows.iter().zip(shares) {
            let amount = measure.value(share);
            let length = bar_length(amount, max, BAR_MAX);
            let width = length.to_string();
            let _ = bar.set_attribute("width", &width);
            let _ = bar.set_attribute("data-value", &amount.to_string());
            let _ = texture.set_attribute("width", &width);
            let _ = value.set_attribute("x", &(BAR_X + length + 6.0).to_string());
            value.set_text_content(Some(&match measure {
                Measure::Clients => share.clients.to_string(),
                Measure::Revenue => money(share.revenue.known),
            }));
        }
    }
    for ([clients, revenue], (_, share)) in places.cells.iter().zip(shares) {
        clients.set_text_content(Some(&share.clients.to_string()));
        revenue.set_text_content(Some(&revenue_text(share)));
    }
}

/// Finds the places of the numbers in a clone of the skeleton.
fn places(panels: &Element, table: &Element) -> Option<Places> {
    let mut out = Places {
        panels: Vec::new(),
        cells: Vec::new(),
    };
    let mut panel = panels.first_element_child();
    while let Some(svg) = panel {
        let title = svg.first_element_child()?;
        // Title, patterns, heading, then one group per category.
        let mut row = title
            .next_element_sibling()?
            .next_element_sibling()?
            .next_element_sibling();
        let mut rows = Vec::new();
        while let Some(group) = row {
            let bar = group.first_element_child()?.next_element_sibling()?;
            let texture = bar.next_element_sibling()?;
            let value = texture.next_element_sibling()?;
            rows.push([bar, texture, value]);
            row = group.next_element_sibling();
        }
        panel = svg.next_element_sibling();
        out.panels.push((svg, title, rows));
    }
    // div > table > caption, thead, tbody > rows of th, td, td.
    let body = table.first_element_child()?.last_element_child()?;
    let mut row = body.first_element_child();
    while let Some(tr) = row {
        let clients = tr.first_element_child()?.next_element_sibling()?;
        let revenue = clients.next_element_sibling()?;
        out.cells.push([clients, revenue]);
        row = tr.next_element_sibling();
    }
    Some(out)
}

thread_local! {
    static SKELETON: RefCell<Option<(Element, Element)>> = const { RefCell::new(None) };
}

/// A fresh copy of the chart without its numbers: the panels and the
/// screen readers' table (built on first use, then cloned).
fn skeleton() -> Option<(Element, Element)> {
    SKELETON.with(|kept| {
        let mut kept = kept.borrow_mut();
        if kept.is_none() {
            *kept = build_skeleton(&document());
        }
        let (panels, table) = kept.as_ref()?;
        let copy = |e: &Element| {
            e.clone_node_with_deep(true)
                .ok()?
                .dyn_into::<Element>()
                .ok()
        };
        Some((copy(panels)?, copy(table)?))
    })
}

/// Appends `<tag attrs...>` in the SVG namespace (`svg`) or HTML to `parent`.
fn add(
    doc: &Document,
    parent: &Element,
    svg: bool,
    tag: &str,
    attrs: &[(&str, &str)],
) -> Option<Element> {
    let el = if svg {
        doc.create_element_ns(Some(SVG), tag).ok()?
    } else {
        doc.create_element(tag).ok()?
    };
    for (name, value) in attrs {
        el.set_attribute(name, value).ok()?;
    }
    parent.append_child(&el).ok()?;
    Some(el)
}

/// `add` with a text inside.
fn add_text(
    doc: &Document,
    parent: &Element,
    svg: bool,
    tag: &str,
    attrs: &[(&str, &str)],
    text: &str,
) -> Option<Element> {
    let el = add(doc, parent, svg, tag, attrs)?;
    el.set_text_content(Some(text));
    Some(el)
}

fn build_skeleton(doc: &Document) -> Option<(Element, Element)> {
    let panels = doc.create_element("div").ok()?;
    panels.set_class_name("dist-panels");
    let height = TOP + ROW * Category::BOARD_ORDER.len() as f64;
    let view_box = format!("0 0 {WIDTH} {height}");
    for measure in MEASURES {
        let svg = add(
            doc,
            &panels,
            true,
            "svg",
            &[
                ("class", "dist-chart"),
                ("data-measure", measure.id()),
                ("viewBox", &view_box),
                ("role", "img"),
                ("preserveAspectRatio", "xMinYMin meet"),
            ],
        )?;
        add(doc, &svg, true, "title", &[])?;
        let defs = add(doc, &svg, true, "defs", &[])?;
        for category in Category::BOARD_ORDER {
            let id = pattern_id(measure, category);
            let pattern = add(
                doc,
                &defs,
                true,
                "pattern",
                &[
                    ("id", &id),
                    ("width", "8"),
                    ("height", "8"),
                    ("patternUnits", "userSpaceOnUse"),
                ],
            )?;
            // Secure is solid; not yet assessed is a dashed outline (CSS).
            let (tag, marks): (&str, &[(&str, &str)]) = match category {
                Category::NotSecure => ("path", &[("d", "M0,8 L8,0"), ("class", "mark")]),
                Category::AtRisk => ("path", &[("d", "M0,8 L8,0 M0,0 L8,8"), ("class", "mark")]),
                Category::InevitableLoss => (
                    "circle",
                    &[("cx", "4"), ("cy", "4"), ("r", "1.6"), ("class", "dot")],
                ),
                Category::Secure | Category::Unassessed => ("g", &[]),
            };
            add(doc, &pattern, true, tag, marks)?;
        }
        let bar_x = BAR_X.to_string();
        add_text(
            doc,
            &svg,
            true,
            "text",
            &[("x", &bar_x), ("y", "16"), ("class", "dist-heading")],
            measure.title(),
        )?;
        for (i, category) in Category::BOARD_ORDER.into_iter().enumerate() {
            let top = TOP + ROW * i as f64;
            let (row_y, text_y) = (&top.to_string(), &(top + 12.5).to_string());
            let fill = format!("url(#{})", pattern_id(measure, category));
            let group = add(
                doc,
                &svg,
                true,
                "g",
                &[("class", "dist-row"), ("data-category", category.id())],
            )?;
            add_text(
                doc,
                &group,
                true,
                "text",
                &[
                    ("x", "122"),
                    ("y", text_y),
                    ("text-anchor", "end"),
                    ("class", "dist-label"),
                ],
                category.name(),
            )?;
            let bar = [("x", "130"), ("y", row_y), ("width", "0"), ("height", "16")];
            add(
                doc,
                &group,
                true,
                "rect",
                &[
                    bar.as_slice(),
                    &[("class", "bar"), ("data-measure", measure.id())],
                ]
                .concat(),
            )?;
            add(
                doc,
                &group,
                true,
                "rect",
                &[bar.as_slice(), &[("class", "texture"), ("fill", &fill)]].concat(),
            )?;
            add(
                doc,
                &group,
                true,
                "text",
                &[("y", text_y), ("class", "dist-value")],
            )?;
        }
    }

    // A table ignores the 1px box of .visually-hidden, so a div holds it.
    let hidden = doc.create_element("div").ok()?;
    hidden.set_class_name("visually-hidden");
    let table = add(doc, &hidden, false, "table", &[("class", "dist-table")])?;
    add_text(
        doc,
        &table,
        false,
        "caption",
        &[],
        "Clients and annual revenue per category",
    )?;
    let head = add(doc, &table, false, "thead", &[])?;
    let head = add(doc, &head, false, "tr", &[])?;
    for title in ["Category", "Clients", "Annual revenue"] {
        add_text(doc, &head, false, "th", &[("scope", "col")], title)?;
    }
    let body = add(doc, &table, false, "tbody", &[])?;
    for category in Category::BOARD_ORDER {
        let row = add(doc, &body, false, "tr", &[("data-category", category.id())])?;
        add_text(doc, &row, false, "th", &[("scope", "row")], category.name())?;
        add(doc, &row, false, "td", &[])?;
        add(doc, &row, false, "td", &[])?;
    }
    Some((panels, hidden))
}

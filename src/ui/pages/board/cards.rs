//! The cards of one board column, built by cloning a prepared card.
//!
//! A column shows up to 60 cards and the board five columns, so the board
//! opens with about 300 cards. Built by `view!`, each card cost some 40 calls
//! from wasm into the DOM (one per element, text node, attribute and
//! insertion, every string copied across). Here each kind of card (category,
//! renewal shown or soon, warning signs or none, trend, blind spot) is built
//! once as a detached `<li>` with all its fixed classes and texts. The cards
//! of a column are then made in one call into a few lines of JavaScript
//! ([`build_cards`]): each is a deep clone of its kind with the client's own
//! texts filled in, all the texts crossing from wasm as one string. The
//! client's texts (name, revenue, ...) are only ever set as text content or
//! attribute values, never parsed as HTML.
//!
//! The list stays keyed like `<For/>`: when the column changes (a filter,
//! "Show all"), cards of clients whose row did not change are moved, not
//! rebuilt.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::domain::{renewal_soon, Category, Date, Trend};
use crate::present::board::{override_note, trend_mark, Row, Since};

/// What a column's cards are built from.
#[derive(Clone)]
pub(super) struct CardList {
    pub rows: Signal<Vec<Arc<Row>>>,
    pub today: Date,
}

/// Directive for the column's `<ul class="cards">`: fills it with one card per
/// row and keeps it in step with the rows.
pub(super) fn fill_cards(list: Element, cards: CardList) {
    let CardList { rows, today } = cards;
    let shown: RefCell<Vec<(Arc<Row>, Element)>> = RefCell::new(Vec::new());
    let effect = RenderEffect::new(move |_| {
        rows.with(|rows| update(&list, &mut shown.borrow_mut(), rows, today));
    });
    // The effect lives as long as the column.
    StoredValue::new_local(effect);
}

fn update(list: &Element, shown: &mut Vec<(Arc<Row>, Element)>, rows: &[Arc<Row>], today: Date) {
    let same = |old: &Arc<Row>, new: &Arc<Row>| Arc::ptr_eq(old, new) || old == new;
    let kept = shown
        .iter()
        .zip(rows)
        .take_while(|((old, _), new)| same(old, new))
        .count();
    // Fewer cards ("Show the first 60"), or none changed.
    if kept == rows.len() {
        for (_, card) in shown.drain(kept..) {
            card.remove();
        }
        return;
    }
    // More cards: the first opening, or "Show all".
    if kept == shown.len() {
        let (built, nodes) = cards(&rows[kept..], today);
        let _ = list.append_with_node(&nodes);
        shown.extend(built);
        return;
    }
    // Otherwise (a filter): keep the cards of rows still shown, in the new
    // order, and build the others in one go.
    let mut old: HashMap<Arc<Row>, Element> = shown.drain(..).collect();
    let missing: Vec<Arc<Row>> = rows
        .iter()
        .filter(|row| !old.contains_key(*row))
        .cloned()
        .collect();
    old.extend(cards(&missing, today).0);
    let nodes = js_sys::Array::new();
    for row in rows {
        if let Some(card) = old.remove(row) {
            nodes.push(&card);
            shown.push((row.clone(), card));
        }
    }
    list.replace_children_with_node(&nodes);
}

/// The parts of a card that are the same for many clients.
#[derive(Clone, Copy)]
struct Kind {
    category: Category,
    /// `None` without a contract date, else whether its renewal is soon
    /// ([`renewal_soon`]).
    renewal: Option<bool>,
    signs: bool,
    since: Since,
    blind_spot: bool,
    /// The computed category when an override shows another; its words are
    /// the same for every such card, so they belong to the kind.
    computed: Option<Category>,
}

impl Kind {
    /// A distinct small number per kind, to find its prepared card.
    fn index(self) -> usize {
        let renewal = match self.renewal {
            None => 0,
            Some(false) => 1,
            Some(true) => 2,
        };
        let since = match self.since {
            Since::Nothing => 0,
            Since::New => 1,
            Since::Moved(Trend::Same) => 2,
            Since::Moved(Trend::Better) => 3,
            Since::Moved(Trend::Worse) => 4,
            Since::Moved(Trend::Unclear) => 5,
        };
        let position = |c: Category| {
            Category::BOARD_ORDER
                .iter()
                .position(|b| *b == c)
                .unwrap_or(0)
        };
        let category = position(self.category);
        let computed = self.computed.map_or(0, |c| position(c) + 1);
        ((((category * 3 + renewal) * 2 + usize::from(self.signs)) * 6 + since) * 2
            + usize::from(self.blind_spot))
            * 6
            + computed
    }
}

#[wasm_bindgen(inline_js = r#"
// Clones prepared[shape >> 2] for each card and fills in the card's texts,
// taken in order from `texts` (their lengths, in UTF-16 units, in
// `lengths`): link, client id, name, revenue, renewal (shape & 1), warning
// signs' names, warning count, blind spot (shape & 2: tooltip and hidden
// text). An override's note, fixed per kind, sits before the blind spot. The walk follows `prepare` in cards.rs. Text content and attribute
// values only: nothing is parsed as HTML.
export function buildCards(prepared, shapes, lengths, texts) {
  const cards = new Array(shapes.length);
  let at = 0;
  let field = 0;
  const next = () => texts.slice(at, (at += lengths[field++]));
  for (let i = 0; i < shapes.length; i++) {
    const shape = shapes[i];
    const card = prepared[shape >>> 2].cloneNode(true);
    const link = card.firstElementChild;
    link.setAttribute("href", next());
    link.setAttribute("data-client-id", next());
    const name = link.firstElementChild;
    name.textContent = next();
    const facts = name.nextElementSibling;
    const revenue = facts.firstElementChild;
    revenue.textContent = next();
    let place = revenue.nextElementSibling;
    if (shape & 1) {
      place.textContent = next();
      place = place.nextElementSibling;
    }
    const signs = next();
    if (signs) place.title = signs;
    place.textContent = next();
    if (shape & 2) {
      const spot = facts.lastElementChild;
      spot.title = next();
      spot.lastElementChild.textContent = next();
    }
    cards[i] = card;
  }
  return cards;
}
"#)]
extern "C" {
    /// Clones and fills one card per entry of `shapes` (see the script).
    #[wasm_bindgen(js_name = buildCards)]
    fn build_cards(
        prepared: &js_sys::Array,
        shapes: &[u32],
        lengths: &[u32],
        texts: &str,
    ) -> js_sys::Array;
}

/// The prepared card of each kind, by [`Kind::index`] (`undefined` until
/// first needed).
struct Prepared {
    cards: js_sys::Array,
    ready: Vec<bool>,
}

thread_local! {
    static PREPARED: RefCell<Option<Prepared>> = const { RefCell::new(None) };
}

/// The cards of `rows`, each with its row, and the same cards as one array
/// for the DOM. A row whose kind of card could not be prepared is left out.
fn cards(rows: &[Arc<Row>], today: Date) -> (Vec<(Arc<Row>, Element)>, js_sys::Array) {
    let doc = document();
    let mut kept = Vec::with_capacity(rows.len());
    let mut shapes = Vec::with_capacity(rows.len());
    let mut lengths = Vec::with_capacity(rows.len() * 7);
    let mut texts = String::new();
    let mut text = |s: &str| {
        // JavaScript counts UTF-16 units; most texts are ASCII, one unit a byte.
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.encode_utf16().count()
        };
        lengths.push(units as u32);
        texts.push_str(s);
    };
    let prepared = PREPARED.with(|prepared| {
        let mut prepared = prepared.borrow_mut();
        let prepared = prepared.get_or_insert_with(|| Prepared {
            cards: js_sys::Array::new(),
            ready: Vec::new(),
        });
        for row in rows {
            let kind = Kind {
                category: row.category,
                renewal: row.contract_end.map(|end| renewal_soon(end, today)),
                signs: !row.warnings.is_empty(),
                since: row.since,
                blind_spot: row.blind_spot.is_some(),
                computed: row.computed,
            };
            let i = kind.index();
            if prepared.ready.len() <= i {
                prepared.ready.resize(i + 1, false);
            }
            if !prepared.ready[i] {
                let Some(card) = prepare(&doc, kind) else {
                    continue;
                };
                prepared.cards.set(i as u32, card.into());
                prepared.ready[i] = true;
            }
            let card = &row.card;
            let renewal = card.renewal.as_deref();
            let blind_spot = card.blind_spot();
            shapes.push(
                (i as u32) << 2
                    | u32::from(renewal.is_some())
                    | u32::from(blind_spot.is_some()) << 1,
            );
            text(&card.href);
            text(&card.id);
            text(&row.name);
            text(&card.revenue);
            if let Some(renewal) = renewal {
                text(renewal);
            }
            text(&card.signs);
            match WARNINGS.get(row.warnings.len()) {
                Some(n) => text(n),
                None => text(&format!("{} warning signs", row.warnings.len())),
            }
            if let Some((title, hidden)) = blind_spot {
                text(title);
                text(hidden);
            }
            kept.push(row.clone());
        }
        prepared.cards.clone()
    });
    let nodes = build_cards(&prepared, &shapes, &lengths, &texts);
    let built = kept
        .into_iter()
        .zip(nodes.iter())
        .map(|(row, card)| (row, card.unchecked_into()))
        .collect();
    (built, nodes)
}

const WARNINGS: [&str; 10] = [
    "No warning signs",
    "1 warning sign",
    "2 warning signs",
    "3 warning signs",
    "4 warning signs",
    "5 warning signs",
    "6 warning signs",
    "7 warning signs",
    "8 warning signs",
    "9 warning signs",
];

/// The card of one kind, with empty places for the client's texts.
fn prepare(doc: &Document, kind: Kind) -> Option<Element> {
    let item = doc.create_element("li").ok()?;
    let link = child(doc, &item, "a", Some("card"))?;
    link.set_attribute("data-category", kind.category.id())
        .ok()?;
    child(doc, &link, "span", Some("card-name"))?;
    let facts = child(doc, &link, "span", Some("card-facts"))?;
    child(doc, &facts, "span", Some("fact revenue"))?;
    match kind.renewal {
        Some(true) => child(doc, &facts, "span", Some("fact renewal soon")),
        Some(false) => child(doc, &facts, "span", Some("fact renewal")),
        None => None,
    };
    let warnings = if kind.signs {
        "fact warnings has-signs"
    } else {
        "fact warnings"
    };
    child(doc, &facts, "span", Some(warnings))?;
    if let Some(mark) = trend_mark(kind.since) {
        let span = child(doc, &facts, "span", Some(mark.class))?;
        span.set_attribute("title", mark.title).ok()?;
        hidden_text(doc, &span, mark.arrow)?;
        span.append_child(&doc.create_text_node(mark.text)).ok()?;
    }
    // Before the blind spot: the script finds that as the last fact.
    if let Some(computed) = kind.computed {
        let span = child(doc, &facts, "span", Some("fact overridden"))?;
        span.set_attribute("data-computed", computed.id()).ok()?;
        span.set_text_content(Some(&override_note(computed)));
    }
    if kind.blind_spot {
        let span = child(doc, &facts, "span", Some("blind-spot"))?;
        hidden_text(doc, &span, "◐ ")?;
        span.append_child(&doc.create_text_node("Blind spot"))
            .ok()?;
        child(doc, &span, "span", Some("visually-hidden"))?;
    }
    Some(item)
}

fn child(doc: &Document, parent: &Element, tag: &str, class: Option<&str>) -> Option<Element> {
    let el = doc.create_element(tag).ok()?;
    if let Some(class) = class {
        el.set_class_name(class);
    }
    parent.append_child(&el).ok()?;
    Some(el)
}

/// `<span aria-hidden="true">text</span>` inside `parent`.
fn hidden_text(doc: &Document, parent: &Element, text: &str) -> Option<()> {
    let span = child(doc, parent, "span", None)?;
    span.set_attribute("aria-hidden", "true").ok()?;
    if !text.is_empty() {
        span.set_text_content(Some(text));
    }
    Some(())
}

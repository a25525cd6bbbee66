//! Browser test of the board with a large portfolio: 2,000 clients load,
//! every column states its full count but renders at most its first cards,
//! and the search narrows the board quickly.
#![cfg(target_arch = "wasm32")]

use continuum::domain::summary::is_active;
use continuum::domain::{generate_portfolio, Category, Date, SampleShape};
use continuum::storage::local::encode_portfolio;
use continuum::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Cards a column renders before "Show all" (the board's own cap).
const COLUMN_CAP: usize = 60;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("test runs in a page")
}

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage in the test page")
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Waits (up to `limit_ms`) until `done` holds; returns the milliseconds taken.
async fn until(limit_ms: f64, mut done: impl FnMut() -> bool) -> f64 {
    let start = js_sys::Date::now();
    while !done() {
        assert!(
            js_sys::Date::now() - start < limit_ms,
            "gave up after {limit_ms} ms"
        );
        sleep(10).await;
    }
    js_sys::Date::now() - start
}

fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .expect("today is a date")
}

fn set_path(path: &str) {
    web_sys::window()
        .expect("window")
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replaceState");
}

fn count(host: &HtmlElement, selector: &str) -> usize {
    host.query_selector_all(selector)
        .map(|l| l.length() as usize)
        .unwrap_or(0)
}

fn stated_count(host: &HtmlElement, category: Category) -> usize {
    host.query_selector(&format!(
        "section[data-category=\"{}\"] .count",
        category.id()
    ))
    .ok()
    .flatten()
    .and_then(|e| e.text_content())
    .and_then(|t| t.trim().parse().ok())
    .expect("the column states a count")
}

#[wasm_bindgen_test]
async fn two_thousand_clients_stay_responsive_on_the_board() {
    let start_href = web_sys::window()
        .expect("window")
        .location()
        .href()
        .expect("href");
    storage().clear().expect("clear");
    // Light evidence per client, so 2,000 of them fit local storage's quota.
    let shape = SampleShape {
        stakeholders: 2,
        issues: 1,
        touchpoints: 2,
        assessments: 2,
    };
    let portfolio = generate_portfolio(7, 2_000, today(), shape);
    let active = portfolio.clients.iter().filter(|c| is_active(c)).count();
    for (key, value) in encode_portfolio(&portfolio) {
        storage()
            .set_item(&key, &value)
            .expect("the portfolio fits");
    }

    set_path("/board");
    let host: HtmlElement = document()
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    let started = js_sys::Date::now();
    std::mem::forget(leptos::mount::mount_to(host.clone(), App));
    let shown = until(30_000.0, || count(&host, "a[data-client-id]") > 0).await;
    let loaded = js_sys::Date::now() - started;
    web_sys::console::log_1(
        &format!(
            "board with 2,000 clients: first cards after {loaded:.0} ms (waited {shown:.0} ms)"
        )
        .into(),
    );

    let mut stated = 0;
    let mut capped = None;
    for category in Category::BOARD_ORDER {
        let n = stated_count(&host, category);
        let cards = count(
            &host,
            &format!(
                "section[data-category=\"{}\"] a[data-client-id]",
                category.id()
            ),
        );
        assert_eq!(
            cards,
            n.min(COLUMN_CAP),
            "{} renders its first cards",
            category.id()
        );
        if n > COLUMN_CAP {
            capped = Some((category, n));
            let text = host
                .query_selector(&format!(
                    "section[data-category=\"{}\"] .show-all",
                    category.id()
                ))
                .ok()
                .flatten()
                .and_then(|e| e.text_content())
                .unwrap_or_default();
            assert_eq!(text.trim(), format!("Show all {n}"));
        }
        stated += n;
    }
    assert_eq!(stated, active, "the columns count every active client");
    let (big, big_count) = capped.expect("a big portfolio needs the cap");
    assert!(
        count(&host, "a[data-client-id]") <= COLUMN_CAP * Category::BOARD_ORDER.len(),
        "never thousands of cards at once"
    );

    // "Show all" renders the whole column, and again hides the rest.
    let column = format!("section[data-category=\"{}\"]", big.id());
    let show_all: HtmlElement = host
        .query_selector(&format!("{column} .show-all"))
        .ok()
        .flatten()
        .expect("the capped column offers to show all")
        .unchecked_into();
    show_all.click();
    until(10_000.0, || {
        count(&host, &format!("{column} a[data-client-id]")) == big_count
    })
    .await;
    show_all.click();
    until(10_000.0, || {
        count(&host, &format!("{column} a[data-client-id]")) == COLUMN_CAP
    })
    .await;

    // Typing in the search narrows the board without a long pause.
    let first = portfolio
        .clients
        .iter()
        .find(|c| is_active(c))
        .expect("an active client");
    let word = first
        .profile
        .name
        .split_whitespace()
        .next()
        .expect("a name")
        .to_string();
    let input: HtmlInputElement = host
        .query_selector("#board-search")
        .ok()
        .flatten()
        .expect("the search box")
        .unchecked_into();
    let before = count(&host, "a[data-client-id]");
    let typed = js_sys::Date::now();
    input.set_value(&word);
    input
        .dispatch_event(&web_sys::Event::new("input").expect("event"))
        .expect("dispatch");
    let matching = portfolio
        .clients
        .iter()
        .filter(|c| is_active(c) && c.profile.name.to_lowercase().contains(&word.to_lowercase()))
        .count();
    until(10_000.0, || {
        Category::BOARD_ORDER
            .into_iter()
            .map(|c| stated_count(&host, c))
            .sum::<usize>()
            == matching
    })
    .await;
    let narrowed = js_sys::Date::now() - typed;
    web_sys::console::log_1(&format!("search narrowed 2,000 clients in {narrowed:.0} ms").into());
    assert!(matching < active, "the search word narrows the list");
    assert!(count(&host, "a[data-client-id]") <= before);
    let names = host
        .query_selector_all("a[data-client-id] .card-name")
        .expect("names");
    for i in 0..names.length() {
        let name = names
            .item(i)
            .and_then(|n| n.text_content())
            .unwrap_or_default();
        assert!(
            name.to_lowercase().contains(&word.to_lowercase()),
            "{name} matches {word}"
        );
    }

    host.remove();
    storage().clear().expect("clear");
    set_path(&start_href);
}

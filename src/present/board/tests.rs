//! Native tests of the board's rows, filters, sorting and card texts.

use std::sync::Arc;

use super::*;
use crate::domain::summary::{assess, assess_portfolio, board};
use crate::domain::{generate_portfolio, Assessment, Override, Portfolio, SampleShape};

fn day(y: i32, m: u32, d: u32) -> Date {
    Date::from_ymd(y, m, d).expect("a real day")
}

fn today() -> Date {
    day(2026, 3, 1)
}

/// A client placed by an override (so its category is certain).
fn client(id: &str, name: &str, category: Category, revenue: Option<u64>) -> Client {
    let mut c = Client::new(Id::new(id), name);
    c.profile.annual_revenue = revenue;
    let mut a = Assessment::new(Id::new(format!("{id}-a")), today());
    a.r#override = Some(Override {
        category,
        reason: "known".into(),
    });
    c.assessments.push(a);
    c
}

fn rows_of(clients: &[Client]) -> Rows {
    let views: Vec<ClientView> = clients.iter().map(|c| assess(c, today())).collect();
    rows(clients.iter().zip(&views), today())
}

fn names(rows: &[Arc<Row>]) -> Vec<&str> {
    rows.iter().map(|r| r.name.as_str()).collect()
}

#[test]
fn active_clients_get_rows_lost_ones_are_counted_archived_ones_are_not() {
    let mut lost = client("l", "Lost", Category::AtRisk, Some(500));
    lost.lost_on = Some(today());
    let mut archived = client("x", "Archived", Category::Secure, Some(900));
    archived.archived = true;
    let mut archived_lost = client("y", "Gone", Category::Secure, Some(50));
    archived_lost.archived = true;
    archived_lost.lost_on = Some(today());
    let r = rows_of(&[
        client("a", "Alpha", Category::Secure, Some(100)),
        lost,
        archived,
        archived_lost,
        client("b", "Beta", Category::AtRisk, None),
    ]);
    assert_eq!(names(&r.rows), ["Alpha", "Beta"]);
    assert_eq!((r.board.lost, r.board.lost_revenue), (1, 500));
    let at_risk = &r.board.columns[board_index(Category::AtRisk)];
    assert_eq!((at_risk.count, at_risk.revenue_unknown), (1, 1));
}

#[test]
fn the_board_counts_are_the_domains() {
    let mut p: Portfolio = generate_portfolio(3, 120, today(), SampleShape::BENCH);
    for (i, c) in p.clients.iter_mut().enumerate() {
        if i % 9 == 0 {
            c.lost_on = Some(today());
        }
    }
    let views = assess_portfolio(&p, today());
    let r = rows(p.clients.iter().zip(&views), today());
    assert_eq!(r.board, board(&p, &views));
    for (column, rows) in r.board.columns.iter().zip(&r.columns) {
        assert_eq!(column.count, rows.len());
        assert!(rows.iter().all(|row| row.category == column.category));
    }
}

#[test]
fn columns_put_the_largest_revenue_first_then_names() {
    let r = rows_of(&[
        client("a", "beta", Category::Secure, Some(100)),
        client("b", "Alpha", Category::Secure, Some(100)),
        client("c", "Gamma", Category::Secure, None),
        client("d", "Delta", Category::Secure, Some(5000)),
        client("e", "Other", Category::AtRisk, Some(1)),
    ]);
    let secure = &r.columns[board_index(Category::Secure)];
    assert_eq!(names(secure), ["Delta", "Alpha", "beta", "Gamma"]);
    assert_eq!(names(&r.columns[board_index(Category::AtRisk)]), ["Other"]);
    assert!(r.columns[board_index(Category::Unassessed)].is_empty());
}

#[test]
fn owners_and_tags_are_trimmed_sorted_and_unique() {
    let mut a = client("a", "A", Category::Secure, None);
    a.profile.owner = "  Zoe ".into();
    a.profile.tags = vec![" retail".into(), "  ".into(), "north".into()];
    let mut b = client("b", "B", Category::Secure, None);
    b.profile.owner = "Adam".into();
    b.profile.tags = vec!["north".into()];
    let c = client("c", "C", Category::Secure, None);
    let r = rows_of(&[a, b, c]);
    assert_eq!(r.owners, ["Adam", "Zoe"]);
    assert_eq!(r.tags, ["north", "retail"]);
    assert_eq!(r.rows[0].tags, ["retail", "north"]);
}

#[test]
fn a_blank_name_reads_unnamed() {
    assert_eq!(display_name("  "), "Unnamed client");
    assert_eq!(display_name("Acme"), "Acme");
    let r = rows_of(&[client("a", "", Category::Secure, None)]);
    assert_eq!(
        (r.rows[0].name.as_str(), r.rows[0].key.as_str()),
        ("Unnamed client", "unnamed client")
    );
}

#[test]
fn since_tells_the_move_between_the_last_two_check_ups() {
    let mut c = Client::new(Id::new("c"), "C");
    assert_eq!(Since::of(&c), Since::Nothing);
    c = client("c", "C", Category::Secure, None);
    assert_eq!(Since::of(&c), Since::New);
    let mut worse = client("c", "C", Category::AtRisk, None).assessments;
    c.assessments.append(&mut worse);
    assert_eq!(Since::of(&c), Since::Moved(Trend::Worse));
    let mut same = client("c", "C", Category::AtRisk, None).assessments;
    c.assessments.append(&mut same);
    assert_eq!(Since::of(&c), Since::Moved(Trend::Same));
    assert_eq!(trend_mark(Since::Moved(Trend::Same)), None);
    // A new, empty check-up: to "not yet assessed" is no direction.
    c.assessments.push(Assessment::new(Id::new("n"), today()));
    assert_eq!(Since::of(&c), Since::New);
    let mark = trend_mark(Since::Moved(Trend::Worse)).expect("a mark");
    assert_eq!((mark.class, mark.text), ("trend worse", "worse"));
}

#[test]
fn card_texts() {
    let mut c = client("c-1", "Acme", Category::AtRisk, Some(1_234_567));
    c.profile.contract_end = Some(day(2026, 3, 13));
    c.assessments[0].gut = Some(Category::Secure);
    let r = rows_of(&[c]);
    let card = &r.rows[0].card;
    assert_eq!(card.href, "/client/c-1");
    assert_eq!(card.revenue, "1,234,567");
    assert_eq!(card.renewal.as_deref(), Some("Renews in 12 days"));
    // An override is the user's own placement: the gut is compared with
    // what the answers compute, and no answers compute "not yet assessed".
    assert_eq!(r.rows[0].blind_spot, None);
    assert_eq!(card.blind_spot(), None);
    let mut row = (*r.rows[0]).clone();
    row.blind_spot = Some((Category::Secure, Category::AtRisk));
    let card = CardText::new(&row, today());
    assert_eq!(
        card.blind_spot(),
        Some((
            "Blind spot: your gut said Loyal and secure, the answers say At risk.",
            ": your gut said Loyal and secure, the answers say At risk"
        ))
    );
    let r = rows_of(&[client("c-2", "B", Category::Secure, None)]);
    assert_eq!(r.rows[0].card.revenue, "Revenue unknown");
    assert_eq!(r.rows[0].card.renewal, None);
}

fn filter_rows() -> Rows {
    let mut a = client("a", "Acme Steel", Category::Secure, Some(10));
    a.profile.owner = "Zoe".into();
    a.profile.tags = vec!["north".into()];
    let mut b = client("b", "Beta Foods", Category::AtRisk, None);
    b.profile.owner = "Adam".into();
    b.profile.tags = vec!["south".into(), "north".into()];
    let c = client("c", "Acme Glass", Category::NotSecure, Some(30));
    rows_of(&[a, b, c])
}

#[test]
fn filters_combine_and_a_blank_search_filters_nothing() {
    let r = filter_rows();
    let mut f = Filter {
        search: "   ".into(),
        ..Filter::default()
    };
    assert!(!f.is_active());
    assert_eq!(f.apply(&r.rows).len(), 3);
    f.search = " ACME ".into();
    assert!(f.is_active());
    assert_eq!(names(&f.apply(&r.rows)), ["Acme Steel", "Acme Glass"]);
    f.tag = "north".into();
    assert_eq!(names(&f.apply(&r.rows)), ["Acme Steel"]);
    f.search.clear();
    assert_eq!(names(&f.apply(&r.rows)), ["Acme Steel", "Beta Foods"]);
    f.owner = "Adam".into();
    assert_eq!(names(&f.apply(&r.rows)), ["Beta Foods"]);
    let sign = r.rows[1]
        .warnings
        .first()
        .copied()
        .expect("a new client shows signs");
    let f = Filter {
        sign: Some(sign),
        ..Filter::default()
    };
    assert!(f
        .apply(&r.rows)
        .iter()
        .all(|row| row.warnings.contains(&sign)));
}

#[test]
fn sorting_by_each_key() {
    let mut r = filter_rows().rows;
    sort_rows(&mut r, SortKey::Revenue, true);
    assert_eq!(names(&r), ["Beta Foods", "Acme Steel", "Acme Glass"]);
    sort_rows(&mut r, SortKey::Revenue, false);
    assert_eq!(names(&r), ["Acme Glass", "Acme Steel", "Beta Foods"]);
    sort_rows(&mut r, SortKey::Category, true);
    assert_eq!(names(&r), ["Acme Steel", "Acme Glass", "Beta Foods"]);
    sort_rows(&mut r, SortKey::Name, true);
    assert_eq!(names(&r), ["Acme Glass", "Acme Steel", "Beta Foods"]);
    let mut with_dates = vec![
        client("a", "A", Category::Secure, None),
        client("b", "B", Category::Secure, None),
        client("c", "C", Category::Secure, None),
    ];
    with_dates[1].profile.contract_end = Some(day(2027, 1, 1));
    with_dates[2].profile.contract_end = Some(day(2026, 6, 1));
    let mut r = rows_of(&with_dates).rows;
    sort_rows(&mut r, SortKey::Renewal, true);
    assert_eq!(names(&r), ["C", "B", "A"]);
    assert_eq!(
        SortKey::ALL.map(SortKey::id),
        ["name", "category", "revenue", "renewal", "warnings"]
    );
}

#[test]
fn shares_follow_the_filtered_columns() {
    let r = filter_rows();
    let f = Filter {
        tag: "north".into(),
        ..Filter::default()
    };
    let columns: Vec<_> = r.columns.iter().map(|c| f.apply(c)).collect();
    let shares = Share::per_column(&columns);
    assert_eq!(shares.len(), Category::BOARD_ORDER.len());
    let secure = shares[board_index(Category::Secure)].1;
    assert_eq!(
        (secure.clients, secure.revenue.known, secure.revenue.unknown),
        (1, 10, 0)
    );
    let at_risk = shares[board_index(Category::AtRisk)].1;
    assert_eq!((at_risk.clients, at_risk.revenue.unknown), (1, 1));
    assert_eq!(shares[board_index(Category::NotSecure)].1.clients, 0);
}

#[test]
fn the_fragile_filter_keeps_clients_one_departure_from_worse() {
    use crate::domain::{AnswerEntry, QuestionId, Role, Stakeholder, Stance};
    // Secure with one promoter: their departure would leave no promoter.
    let mut fragile = Client::new(Id::new("f"), "Fragile Co");
    let promoter = |id: &str| Stakeholder {
        id: Id::new(id),
        name: id.to_string(),
        title: String::new(),
        role: Role::Sponsor,
        senior: true,
        stance: Stance::Promoter,
        rival_preference: String::new(),
        feedback_on: Some(today()),
        last_contact: Some(today()),
        notes: String::new(),
        still_in_role_on: None,
    };
    fragile.stakeholders.push(promoter("p1"));
    let mut supporter = promoter("p0");
    supporter.stance = Stance::Supporter;
    fragile.stakeholders.push(supporter);
    let mut a = Assessment::new(Id::new("fa"), today());
    a.answers = QuestionId::ALL
        .into_iter()
        .map(|q| {
            (
                q,
                AnswerEntry {
                    answer: q.question().healthy,
                    note: String::new(),
                },
            )
        })
        .collect();
    fragile.assessments.push(a);
    // The same with a second promoter is not fragile.
    let mut sturdy = fragile.clone();
    sturdy.id = Id::new("s");
    sturdy.profile.name = "Sturdy Co".into();
    sturdy.stakeholders.push(promoter("p2"));
    let r = rows_of(&[fragile, sturdy]);
    let f = Filter {
        fragile: true,
        ..Filter::default()
    };
    assert!(f.is_active());
    assert_eq!(names(&f.apply(&r.rows)), ["Fragile Co"]);
}

#[test]
fn an_override_keeps_the_computed_category_in_words() {
    use crate::domain::{AnswerEntry, QuestionId};
    let mut c = client("c-o", "Overridden", Category::Secure, None);
    c.assessments[0].answers.insert(
        QuestionId::RPrice,
        AnswerEntry {
            answer: crate::domain::Answer::Yes,
            note: String::new(),
        },
    );
    let mut plain = Client::new(Id::new("c-p"), "Plain");
    let mut a = Assessment::new(Id::new("c-p-a"), today());
    a.answers = c.assessments[0].answers.clone();
    plain.assessments.push(a);
    let r = rows_of(&[c, plain]);
    let row = |id: &str| r.rows.iter().find(|r| r.id.as_str() == id).cloned();
    let over = row("c-o").expect("the overridden client has a row");
    assert_eq!(over.category, Category::Secure);
    assert_eq!(over.computed, Some(Category::AtRisk));
    assert_eq!(
        override_note(Category::AtRisk),
        "Placed by hand; computed: At risk"
    );
    let plain = row("c-p").expect("the plain client has a row");
    assert_eq!((plain.category, plain.computed), (Category::AtRisk, None));
}

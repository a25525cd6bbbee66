#![cfg(not(target_arch = "wasm32"))]
//! CSV: the earlier client-list fixtures through the new import, and the
//! portfolio summary out.

mod storage_support;

use continuum_core::domain::*;
use continuum_core::storage::csv::*;
use continuum_core::storage::import::{
    build, import_list, read_table, suggest_mapping, DateAnswers, Rows,
};
use continuum_core::storage::{merge, preview, ImportError, MergeChoices};
use proptest::prelude::*;
use storage_support::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/csv/{name}",
        concat!(env!("CARGO_MANIFEST_DIR"), "/..")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn problems(err: &ImportError) -> Vec<String> {
    err.problems().iter().map(ToString::to_string).collect()
}

/// A client list read with the suggested mapping and no questions.
fn read(bytes: &[u8]) -> Result<Rows, ImportError> {
    let t = read_table(bytes, "list.csv", None)?;
    build(&t, &suggest_mapping(&t), &DateAnswers::none())
}

#[test]
fn comma_separated_list_with_quotes_and_blank_rows() {
    let t = read_table(&fixture("clients-comma.csv"), "clients-comma.csv", None).unwrap();
    assert_eq!(t.source.delimiter, Some(','));
    let csv = read(&fixture("clients-comma.csv")).unwrap();
    assert_eq!(csv.ignored_columns, vec!["Region"]);
    assert_eq!(csv.clients.len(), 3);
    let nw = &csv.clients[0];
    assert_eq!(nw.row, 2);
    assert_eq!(nw.name, "Northwind Logistics");
    assert_eq!(nw.annual_revenue, Some(480_000));
    assert_eq!(nw.margin, Some(Margin::Percent(22.5)));
    assert_eq!(nw.contract_end, Some(date("2027-06-30")));
    assert_eq!(nw.owner.as_deref(), Some("Dana Kim"));
    assert_eq!(nw.tags, Some(vec!["logistics".into(), "key".into()]));
    assert_eq!(csv.clients[1].name, "Harbor Foods, Inc.");
    assert_eq!(csv.clients[1].annual_revenue, Some(95_000));
    assert_eq!(csv.clients[1].margin, Some(Margin::Level(MarginLevel::Low)));
    assert_eq!(csv.clients[2].contract_end, Some(date("2027-09-30")));
    assert_eq!(
        csv.clients[2].tags,
        Some(vec!["retail".into(), "small".into()])
    );
}

#[test]
fn semicolon_list_with_bom_and_european_numbers() {
    let t = read_table(&fixture("clients-semicolon-bom.csv"), "x.csv", None).unwrap();
    assert_eq!(t.source.delimiter, Some(';'));
    let csv = read(&fixture("clients-semicolon-bom.csv")).unwrap();
    assert_eq!(csv.clients[0].name, "Northwind Logistics");
    assert_eq!(csv.clients[0].annual_revenue, Some(480_000));
    assert_eq!(csv.clients[0].margin, Some(Margin::Percent(22.5)));
    assert_eq!(csv.clients[0].contract_end, Some(date("2026-12-31")));
    assert_eq!(csv.clients[1].name, "Zoë Café");
    assert_eq!(csv.clients[1].annual_revenue, Some(12_500));
    assert_eq!(
        csv.clients[1].margin,
        Some(Margin::Level(MarginLevel::Normal))
    );
}

#[test]
fn a_missing_name_column_is_named() {
    let err = read(&fixture("missing-name-column.csv")).unwrap_err();
    assert_eq!(
        problems(&err),
        vec![
            "Row 1: no column for the client name: map one, such as \"Company name\" or \
             \"Account Name\" (found: Revenue, Margin, Owner)"
        ]
    );
}

#[test]
fn bad_values_are_listed_per_row() {
    let err = read(&fixture("bad-numbers.csv")).unwrap_err();
    assert_eq!(
        problems(&err),
        vec![
            "Row 3, column B (Revenue): revenue \"lots\" is not a number (write it with digits only, such as 120000)",
            "Row 4, column B (Revenue): revenue \"12k€\" is not a number (write it with digits only, such as 120000)",
            "Row 4, column C (Margin): margin \"250%\" must be a percentage between -100 and 100",
            "Row 4, column D (Contract end): contract end \"31/02/2026\" is not a real date",
            "Row 5: the client name is empty",
        ]
    );
    assert!(err
        .to_string()
        .starts_with("The file could not be imported: 5 problems found."));
}

#[test]
fn other_csv_problems() {
    let err = |s: &[u8]| read(s).unwrap_err();
    assert_eq!(
        problems(&err(b"Client,Revenue\nA,1\nB,2,3\n")),
        vec!["Row 3: has 3 values but the header names 2 columns (a value containing ',' must be in quotes)"]
    );
    assert_eq!(
        problems(&err(b"Client\nAcme\nacme\n")),
        vec!["Row 3: the client \"acme\" is already on row 2"]
    );
    assert_eq!(
        problems(&err(b"Client,Name\nA,B\n")),
        vec![
            "Row 1: column A (Client) and column B (Name) are both mapped to Client name; keep one"
        ]
    );
    // Not UTF-8: read as Windows-1252 rather than refused.
    assert_eq!(
        read(b"Client\nAcme\nCaf\xe9\n").unwrap().clients[1].name,
        "Café"
    );
    assert!(matches!(err(b"\xEF\xBB\xBF \n"), ImportError::Empty));
    assert!(matches!(
        err(&vec![b'a'; 50_000_000]),
        ImportError::TooLarge { .. }
    ));
}

#[test]
fn csv_rows_update_known_clients_and_add_new_ones() {
    let mut current = rich_portfolio(1);
    current.clients[0].profile.name = "Northwind Logistics".into();
    current.clients[0].profile.annual_revenue = Some(400_000);
    current.clients[0].profile.tags = vec!["logistics".into()];
    let mut n = 0;
    let list = import_list(
        &fixture("clients-comma.csv"),
        "clients-comma.csv",
        &current,
        || {
            n += 1;
            Id(format!("new-{n}"))
        },
    )
    .unwrap();
    assert_eq!(list.note(), "Text read as UTF-8. Columns ignored: Region.");
    let incoming = list.incoming;
    assert_eq!(
        incoming.clients[0].id, current.clients[0].id,
        "matched by name"
    );
    assert_eq!(incoming.clients[1].id, Id::new("new-1"));
    assert_eq!(incoming.clients[2].id, Id::new("new-2"));
    // The evidence of a known client is untouched; only profile values change.
    assert_eq!(
        incoming.clients[0].stakeholders,
        current.clients[0].stakeholders
    );
    let pv = preview(&current, &incoming);
    assert_eq!(pv.new_clients.len(), 2);
    assert_eq!(pv.differing.len(), 1);
    let fields: Vec<_> = pv.differing[0]
        .conflicts
        .iter()
        .map(|c| c.field.label())
        .collect();
    assert_eq!(fields, vec!["Annual revenue", "Tags"]);
    let merged = merge(&current, &incoming, &MergeChoices::default());
    assert_eq!(merged.clients.len(), 3);
    assert_eq!(merged.clients[0], current.clients[0]);
}

#[test]
fn summary_export_has_one_row_per_client() {
    let mut p = rich_portfolio(2);
    p.clients[1].profile.name = "=HYPERLINK(\"http://x\")".into();
    let out = export_summary_csv(&p, |c| SummaryRow {
        category: "At risk".into(),
        computed: "Not secure".into(),
        reasons: vec![format!("{} meets rivals", c.profile.name), "price".into()],
        warning_signs: vec!["Going quiet".into()],
    });
    assert!(out.starts_with('\u{feff}'));
    let lines: Vec<&str> = out.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Client,Owner,Category,Computed category,Reasons,Warning signs,Renewal date,Annual revenue"
    );
    assert_eq!(
        lines[1],
        "Northwind Logistics 0,Dana Kim,At risk,Not secure,Northwind Logistics 0 meets rivals; price,Going quiet,2027-06-30,480000"
    );
    // A formula is defused and quoted.
    assert!(
        lines[2].starts_with("\"'=HYPERLINK(\"\"http://x\"\")\""),
        "{}",
        lines[2]
    );
    assert_eq!(lines.len(), 4, "header, two rows, final line end");
    // And it reads back as CSV with the same cells.
    let mut r = csv::Reader::from_reader(out.trim_start_matches('\u{feff}').as_bytes());
    assert_eq!(r.records().count(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = read(&bytes);
    }

    #[test]
    fn arbitrary_text_after_a_good_header_never_panics(
        body in "[A-Za-z0-9 ,;\"'./%€$|\\-\n\r\t]{0,400}",
    ) {
        let text = format!("Client,Revenue,Margin,Contract end,Owner,Tags\n{body}");
        if let Ok(list) = import_list(text.as_bytes(), "x.csv", &Portfolio::default(), || Id::new("x")) {
            prop_assert_eq!(list.incoming.clients.len(), list.rows.clients.len());
        }
    }

    #[test]
    fn amounts_round_trip(n in 0u64..10_000_000_000) {
        prop_assert_eq!(parse_amount(&n.to_string()), Ok(n));
    }
}

#[test]
fn the_summary_shows_the_computed_category_beside_an_override() {
    use continuum_core::domain::{assess, make_override, Answer, Assessment, Category, QuestionId};
    let mut p = rich_portfolio(1);
    let c = &mut p.clients[0];
    let mut a = Assessment::new(Id::new("a-over"), Date::from_ymd(2030, 3, 1).unwrap());
    a.answers.insert(
        QuestionId::RPrice,
        continuum_core::domain::AnswerEntry {
            answer: Answer::Yes,
            note: String::new(),
        },
    );
    a.r#override = Some(make_override(Some(Category::Secure), "long friendship").unwrap());
    c.assessments.push(a);
    let today = Date::from_ymd(2030, 3, 2).unwrap();
    let out = export_summary_csv(&p, |c| SummaryRow::of(&assess(c, today)));
    let mut r = csv::Reader::from_reader(out.trim_start_matches('\u{feff}').as_bytes());
    let header = r.headers().unwrap().clone();
    let row = r.records().next().unwrap().unwrap();
    let cell = |name: &str| row[header.iter().position(|h| h == name).unwrap()].to_string();
    assert_eq!(cell("Category"), "Loyal and secure");
    assert_eq!(cell("Computed category"), "At risk");
}

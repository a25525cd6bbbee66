#![cfg(not(target_arch = "wasm32"))]
//! Dates, amounts and encodings as exports write them.

mod import_support;

use continuum_core::domain::Date;
use continuum_core::storage::import::*;
use import_support::*;
use proptest::prelude::*;

/// The contract end read from a one-row list, with the column's order
/// answered if it has to be.
fn contract_end(value: &str, order: Option<DateOrder>) -> Result<Option<Date>, String> {
    let t = csv(&format!("Client,Contract end\nAcme,\"{value}\"\n"));
    let m = suggest_mapping(&t);
    let answers = order.map_or(DateAnswers::none(), |o| DateAnswers::none().with(1, o));
    build(&t, &m, &answers)
        .map(|r| r.clients[0].contract_end)
        .map_err(|e| e.to_string())
}

#[test]
fn date_forms() {
    for (text, iso) in [
        ("2026-03-04", "2026-03-04"),
        ("2026-03-04 10:20", "2026-03-04"),
        ("2026-03-04T10:20:00Z", "2026-03-04"),
        ("2026/03/04", "2026-03-04"),
        ("31/12/2026", "2026-12-31"),
        ("31.12.2026", "2026-12-31"),
        ("31-12-2026", "2026-12-31"),
        ("12/31/2026", "2026-12-31"),
        ("12/31/2026 10:20 AM", "2026-12-31"),
        ("31/12/26", "2026-12-31"),
        ("4 Mar 2026", "2026-03-04"),
        ("Mar 4, 2026", "2026-03-04"),
        ("04-Mar-2026", "2026-03-04"),
        ("4. März 2026", "2026-03-04"),
        ("7/7/2027", "2027-07-07"),
    ] {
        assert_eq!(contract_end(text, None), Ok(Some(date(iso))), "{text}");
    }
    for bad in [
        "soon",
        "31/31/2026",
        "2026-02-30",
        "1/2/3",
        "46022",
        "12/2026",
        "31/12/2026 tomorrow",
    ] {
        let err = contract_end(bad, Some(DateOrder::DayFirst)).unwrap_err();
        assert!(
            err.contains("Row 2, column B (Contract end)"),
            "{bad}: {err}"
        );
    }
}

#[test]
fn excel_serials() {
    assert_eq!(excel_serial(46568.0), Some(date("2027-06-30")));
    assert_eq!(excel_serial(46387.75), Some(date("2026-12-31")));
    assert_eq!(excel_serial(1.0), Some(date("1900-01-01")));
    assert_eq!(excel_serial(-3.0), None);
    assert_eq!(excel_serial(f64::NAN), None);
    assert_eq!(excel_serial(1e12), None);
}

#[test]
fn a_column_decides_its_order_from_all_its_values() {
    let us = csv("Client,Contract end\nA,3/4/2027\nB,12/31/2026\n");
    let m = suggest_mapping(&us);
    assert_eq!(date_questions(&us, &m).unwrap(), []);
    let r = build(&us, &m, &DateAnswers::none()).unwrap();
    assert_eq!(r.clients[0].contract_end, Some(date("2027-03-04")));
    // An answer cannot override what the values prove.
    let r = build(&us, &m, &DateAnswers::none().with(1, DateOrder::DayFirst)).unwrap();
    assert_eq!(r.clients[0].contract_end, Some(date("2027-03-04")));

    let eu = csv("Client,Contract end\nA,3/4/2027\nB,31/12/2026\n");
    let r = build(&eu, &suggest_mapping(&eu), &DateAnswers::none()).unwrap();
    assert_eq!(r.clients[0].contract_end, Some(date("2027-04-03")));
}

#[test]
fn mixed_orders_are_an_error_naming_rows_and_column() {
    let t = csv("Client,Owner,Renewal\nA,x,31/12/2026\nB,y,12/31/2026\n");
    let m = suggest_mapping(&t);
    let err = date_questions(&t, &m).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.path, "Column C (Renewal)");
    assert!(p.message.contains("row 2 (31/12/2026)"), "{}", p.message);
    assert!(p.message.contains("row 3 (12/31/2026)"), "{}", p.message);
    assert!(build(&t, &m, &DateAnswers::none().with(2, DateOrder::DayFirst)).is_err());
}

#[test]
fn an_ambiguous_column_is_a_question_never_a_guess() {
    let t = table("ambiguous-dates.csv");
    let m = suggest_mapping(&t);
    let questions = date_questions(&t, &m).unwrap();
    assert_eq!(questions.len(), 1);
    let q = &questions[0];
    assert_eq!(q.column, 1);
    assert_eq!(q.column_name, "column B (Contract end)");
    assert_eq!(q.samples.len(), 2);
    assert_eq!(q.samples[0].text, "03/04/2027");
    assert_eq!(q.samples[0].row, 2);
    assert_eq!(q.samples[0].day_first, date("2027-04-03"));
    assert_eq!(q.samples[0].month_first, date("2027-03-04"));
    // Without the answer, nothing is imported.
    let err = build(&t, &m, &DateAnswers::none()).unwrap_err();
    assert_eq!(err.problems()[0].path, "Column B (Contract end)");
    assert_eq!(
        err.problems()[0].message,
        "no date here says whether the day or the month comes first (row 2: 03/04/2027 is \
         2027-04-03 day first, 2027-03-04 month first); say which, or write the dates as 2026-12-31"
    );
    let day = build(&t, &m, &DateAnswers::none().with(1, DateOrder::DayFirst)).unwrap();
    let month = build(&t, &m, &DateAnswers::none().with(1, DateOrder::MonthFirst)).unwrap();
    assert_eq!(day.clients[2].contract_end, Some(date("2026-12-11")));
    assert_eq!(month.clients[2].contract_end, Some(date("2026-11-12")));
    // 07/07/2027 is the same day either way.
    assert_eq!(day.clients[3].contract_end, month.clients[3].contract_end);
}

#[test]
fn amounts() {
    for (text, n) in [
        ("USD 2,400,000.00", 2_400_000),
        ("2.400.000 €", 2_400_000),
        ("EUR 1 200", 1200),
        ("£1,200.50", 1201),
        ("1.200,49", 1200),
        ("$7,500", 7500),
        ("120 000 CHF", 120_000),
    ] {
        assert_eq!(parse_amount(text), Ok(n), "{text}");
    }
    for text in ["-5", "(5)", "USD -1,200", "1.200-"] {
        assert_eq!(
            parse_amount(text),
            Err("cannot be negative".into()),
            "{text}"
        );
    }
    for text in ["12k€", "1.2.3", "abc", "", "1e6"] {
        assert!(parse_amount(text).is_err(), "{text}");
    }
    let t = csv("Client,Revenue\nA,100\nB,(5)\n");
    let err = build(&t, &suggest_mapping(&t), &DateAnswers::none()).unwrap_err();
    assert_eq!(err.problems()[0].path, "Row 3, column B (Revenue)");
    assert_eq!(
        err.problems()[0].message,
        "revenue \"(5)\" cannot be negative"
    );
}

#[test]
fn encodings() {
    let text = "Client;Owner\nMüller;Jürgen\n";
    let utf8 = read_table(text.as_bytes(), "a.csv", None).unwrap();
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(text.as_bytes());
    let bom = read_table(&bom, "a.csv", None).unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let le = read_table(&le, "a.txt", None).unwrap();
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let be = read_table(&be, "a.txt", None).unwrap();
    let cp: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    let cp = read_table(&cp, "a.csv", None).unwrap();
    for (t, enc) in [
        (&utf8, TextEncoding::Utf8),
        (&bom, TextEncoding::Utf8Bom),
        (&le, TextEncoding::Utf16Le),
        (&be, TextEncoding::Utf16Be),
        (&cp, TextEncoding::Windows1252),
    ] {
        assert_eq!(t.source.encoding, Some(enc));
        assert_eq!(t.headers, ["Client", "Owner"], "{enc:?}");
        assert_eq!(
            t.rows[0].cells,
            [Cell::Text("Müller".into()), Cell::Text("Jürgen".into())],
            "{enc:?}"
        );
    }
}

/// Every accepted way of writing a day, with the order the column needs.
fn written(d: Date, form: usize) -> (String, Option<DateOrder>) {
    let (y, m, day) = d.ymd();
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let name = MONTHS[m as usize - 1];
    let sep = ["/", ".", "-"][form % 3];
    match form % 9 {
        0 => (format!("{y:04}-{m:02}-{day:02}"), None),
        1 => (format!("{y:04}-{m:02}-{day:02}T08:30:00Z"), None),
        2 => (format!("{y:04}-{m:02}-{day:02} 17:05"), None),
        3 => (format!("{day}{sep}{m}{sep}{y}"), Some(DateOrder::DayFirst)),
        4 => (
            format!("{m:02}{sep}{day:02}{sep}{y}"),
            Some(DateOrder::MonthFirst),
        ),
        5 if (1970..2070).contains(&y) => (
            format!("{day:02}{sep}{m:02}{sep}{:02}", y % 100),
            Some(DateOrder::DayFirst),
        ),
        6 => (format!("{day} {name} {y}"), None),
        7 => (format!("{name} {day}, {y}"), None),
        _ => (format!("{day:02}-{name}-{y}"), None),
    }
}

proptest! {
    #[test]
    fn any_accepted_form_reads_back_the_same_day(
        days in -25_567i32..84_000,
        form in 0usize..27,
    ) {
        let d = Date::from_days_since_epoch(days);
        let (text, order) = written(d, form);
        prop_assert_eq!(contract_end(&text, order), Ok(Some(d)), "{}", text);
        // Excel counts a 29 February 1900 that never was: from 1 March 1900
        // on, its serial is the day count from 1899-12-30.
        if days >= -25_508 {
            let serial = f64::from(days + 25_569) + 0.25;
            prop_assert_eq!(excel_serial(serial), Some(d));
        }
    }

    #[test]
    fn whole_amounts_in_any_style(n in 0u64..10_000_000_000, style in 0usize..6) {
        let plain = n.to_string();
        let grouped = |sep: char| {
            let mut out = String::new();
            for (i, c) in plain.chars().enumerate() {
                if i > 0 && (plain.len() - i) % 3 == 0 {
                    out.push(sep);
                }
                out.push(c);
            }
            out
        };
        let text = match style {
            0 => format!("USD {}.00", grouped(',')),
            1 => format!("{} €", grouped('.')),
            2 => format!("EUR {}", grouped(' ')),
            3 => format!("£{}.00", grouped(',')),
            4 => format!("{},00 €", grouped('.')),
            _ => plain.clone(),
        };
        prop_assert_eq!(parse_amount(&text), Ok(n), "{}", text);
    }
}

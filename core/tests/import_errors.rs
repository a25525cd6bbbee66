#![cfg(not(target_arch = "wasm32"))]
//! Every bad value is named by row, column and what is wrong; one bad row
//! fails the whole file; no bytes make the import panic.

mod import_support;

use continuum_core::storage::import::*;
use continuum_core::storage::{ImportError, MAX_FILE_BYTES};
use import_support::*;
use proptest::prelude::*;

fn problems(text: &str) -> Vec<String> {
    let t = csv(text);
    match build(&t, &suggest_mapping(&t), &DateAnswers::none()) {
        Ok(r) => panic!("expected errors, got {r:?}"),
        Err(e) => e.problems().iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn each_bad_value_names_row_and_column() {
    let p = problems(
        "Client,Revenue,Margin,Contract end,Importance\n\
         Acme,100,20,2027-01-31,high\n\
         Globex,12k€,20,2027-01-31,high\n\
         Initech,100,250%,2027-02-30,urgent\n\
         ,100,20,,\n\
         ACME Inc.,5,,,\n",
    );
    assert_eq!(
        p,
        [
            "Row 3, column B (Revenue): revenue \"12k€\" is not a number (write it with digits only, such as 120000)",
            "Row 4, column C (Margin): margin \"250%\" must be a percentage between -100 and 100",
            "Row 4, column D (Contract end): contract end \"2027-02-30\" is not a real date",
            "Row 4, column E (Importance): importance \"urgent\" is not high, medium or low",
            "Row 5: the client name is empty",
            "Row 6: the client \"ACME Inc.\" is already on row 2",
        ]
    );
}

#[test]
fn row_numbers_count_blank_lines_and_quoted_line_breaks() {
    let p = problems("Client,Notes,Revenue\n\nAcme,\"two\nlines\",100\nGlobex,,x\n");
    assert_eq!(p.len(), 1);
    assert!(p[0].starts_with("Row 5, column C (Revenue)"), "{}", p[0]);
}

#[test]
fn too_many_values_and_duplicate_ids() {
    let p = problems("Client,Revenue\nAcme,1,200\n");
    assert!(
        p[0].starts_with("Row 2: has 3 values but the header names 2 columns"),
        "{}",
        p[0]
    );
    let p = problems("Record ID,Company name\n7,Acme\n7,Globex\n");
    assert_eq!(p, ["Row 3: the record id \"7\" is already on row 2"]);
}

#[test]
fn a_list_without_a_name_column_is_refused() {
    let p = problems("Revenue,Owner\n100,Dana\n");
    assert!(
        p[0].starts_with("Row 1: no column for the client name"),
        "{}",
        p[0]
    );
    assert!(p[0].contains("found: Revenue, Owner"), "{}", p[0]);
}

#[test]
fn a_person_without_name_or_email_is_refused() {
    let p = problems("First Name,Last Name,Company\nAnn,Lee,Acme\n,,Acme\n");
    assert_eq!(
        p,
        ["Row 3: the person has no name (and no email to stand for it)"]
    );
}

#[test]
fn whole_file_problems() {
    let too_big = vec![b'a'; MAX_FILE_BYTES + 1];
    assert!(matches!(
        read_table(&too_big, "big.csv", None),
        Err(ImportError::TooLarge { .. })
    ));
    assert_eq!(
        read_table(b"  \r\n ", "x.csv", None),
        Err(ImportError::Empty)
    );
    assert_eq!(
        read_table(b"\xFF\xFE", "x.txt", None),
        Err(ImportError::Empty)
    );
    let broken = read_table(b"PK\x03\x04not really a zip", "x.xlsx", None).unwrap_err();
    assert!(broken.to_string().contains("could not be read"), "{broken}");
}

/// Reads, maps and builds whatever the bytes are; only errors may come out.
fn run_all(bytes: &[u8], name: &str) {
    if let Ok(t) = read_table(bytes, name, None) {
        let m = suggest_mapping(&t);
        let _ = header_signature(&t);
        if let Ok(questions) = date_questions(&t, &m) {
            let mut answers = DateAnswers::none();
            for q in questions {
                answers = answers.with(q.column, DateOrder::MonthFirst);
            }
            let _ = build(&t, &m, &answers);
        }
        // Every column as every target.
        for target in Target::ALL {
            let m = Mapping::new(vec![target; t.headers.len()], None);
            let _ = build(&t, &m, &DateAnswers::none());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn random_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        prefix in 0usize..5,
    ) {
        let mut b = match prefix {
            0 => Vec::new(),
            1 => b"PK\x03\x04".to_vec(),
            2 => b"\xFF\xFE".to_vec(),
            3 => b"\xD0\xCF\x11\xE0".to_vec(),
            _ => b"Client,Revenue,Contract end,Margin\n".to_vec(),
        };
        b.extend(bytes);
        for name in ["x.csv", "x.tsv", "x.xlsx", "x.ods"] {
            run_all(&b, name);
        }
    }

    #[test]
    fn random_cells_never_panic(cells in prop::collection::vec("[-0-9a-zA-Z/.,;()€$ :T\"\n]{0,14}", 0..40)) {
        let text = format!(
            "Client,Revenue,Contract end,Customer since,Margin,Importance,Tags\n{}",
            cells.join(",")
        );
        run_all(text.as_bytes(), "x.csv");
    }

    #[test]
    fn mangled_spreadsheets_never_panic(at in 0usize..3000, byte in any::<u8>(), cut in 0usize..3000) {
        for name in ["clients.xlsx", "kunden.ods"] {
            let mut b = fixture(name);
            if !b.is_empty() {
                let i = at % b.len();
                b[i] = byte;
                b.truncate(b.len().saturating_sub(cut % 50));
            }
            run_all(&b, name);
        }
    }
}

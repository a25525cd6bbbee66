//! Shared helpers for the import tests.
#![allow(dead_code)]

use continuum_core::domain::Date;
use continuum_core::storage::import::*;

pub fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/../tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub fn table(name: &str) -> Table {
    read_table(&fixture(name), name, None).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub fn date(s: &str) -> Date {
    s.parse().unwrap()
}

/// Reads a fixture with the suggested mapping and no date answers.
pub fn rows(name: &str) -> Rows {
    let t = table(name);
    let m = suggest_mapping(&t);
    assert!(m.confident, "{name}: {m:?}");
    build(&t, &m, &DateAnswers::none()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A table from CSV text (comma-separated, UTF-8).
pub fn csv(text: &str) -> Table {
    read_table(text.as_bytes(), "list.csv", None).unwrap_or_else(|e| panic!("{e}"))
}

pub fn names(r: &Rows) -> Vec<&str> {
    r.clients.iter().map(|c| c.name.as_str()).collect()
}

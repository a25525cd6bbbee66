//! The whole import in one call, for when the user is not asked anything:
//! the suggested mapping as is, no date answers. Whatever would need the
//! user (no name column, two columns for one thing, an ambiguous date
//! column) comes back as an error naming it, so nothing is guessed; the
//! interactive flow calls the steps one by one instead (see `mod.rs`).

use super::build::{build, Rows};
use super::dates::DateAnswers;
use super::mapping::suggest_mapping;
use super::matching::{plan, PlanReport};
use super::table::{read_table, Source};
use crate::domain::{Id, Portfolio};
use crate::storage::problem::ImportError;

/// A client or contact list, ready for the merge preview.
#[derive(Clone, Debug, PartialEq)]
pub struct ListImport {
    /// The portfolio for `merge::preview` and `merge::merge`.
    pub incoming: Portfolio,
    pub report: PlanReport,
    pub rows: Rows,
    pub source: Source,
    /// The product recognised from the header row ("HubSpot companies").
    pub recognised: Option<String>,
}

impl ListImport {
    /// One line for the preview: what was read, how, and what was left out.
    pub fn note(&self) -> String {
        let mut parts = Vec::new();
        if let Some(r) = &self.recognised {
            parts.push(format!("Read as a {r} export."));
        }
        if let Some(e) = self.source.encoding {
            parts.push(format!("Text read as {}.", e.label()));
        }
        if let Some(s) = &self.source.sheet {
            parts.push(format!("Sheet read: {s}."));
        }
        if !self.rows.ignored_columns.is_empty() {
            parts.push(format!(
                "Columns ignored: {}.",
                self.rows.ignored_columns.join(", ")
            ));
        }
        let strangers = &self.report.unmatched_people;
        if !strangers.is_empty() {
            let list: Vec<String> = strangers
                .iter()
                .map(|p| {
                    let company = p.company.as_deref().unwrap_or("no company");
                    format!("{} ({company}, row {})", p.name, p.row)
                })
                .collect();
            parts.push(format!(
                "People whose company is none of your clients, not imported: {}.",
                list.join("; ")
            ));
        }
        parts.join(" ")
    }
}

/// Reads a client or contact list (CSV, TSV, XLSX, XLS, ODS) and matches it
/// to `current`. Never panics, whatever the bytes.
pub fn import_list(
    bytes: &[u8],
    file_name: &str,
    current: &Portfolio,
    new_id: impl FnMut() -> Id,
) -> Result<ListImport, ImportError> {
    let table = read_table(bytes, file_name, None)?;
    let mapping = suggest_mapping(&table);
    let rows = build(&table, &mapping, &DateAnswers::none())?;
    let (incoming, report) = plan(&rows, current, new_id);
    Ok(ListImport {
        incoming,
        report,
        rows,
        source: table.source,
        recognised: mapping.source,
    })
}

//! CSV in and out: a client list as people keep it in a spreadsheet, and the
//! portfolio summary for managers.
//!
//! Import is tolerant about form and strict about content: the delimiter
//! (comma, semicolon or tab) is detected from the header row, a UTF-8 byte
//! order mark is skipped, header names are matched loosely ("Client",
//! "Customer", "Annual revenue", "Renewal" …), numbers may carry thousands
//! separators and a currency sign. But a value that cannot be read is an
//! error naming its row (numbered as in the spreadsheet: the header is row
//! 1), and one bad row fails the whole import, so nothing half-arrives.

use std::collections::HashMap;

use super::file::within_limit_without_bom;
pub use super::import::values::{parse_amount, parse_margin};
use super::problem::{ImportError, Problem};
use crate::domain::{Client, Date, Id, Margin, Portfolio};

/// A column Continuum understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CsvColumn {
    Name,
    Revenue,
    Margin,
    ContractEnd,
    Owner,
    Tags,
}

impl CsvColumn {
    pub fn label(self) -> &'static str {
        match self {
            CsvColumn::Name => "client name",
            CsvColumn::Revenue => "revenue",
            CsvColumn::Margin => "margin",
            CsvColumn::ContractEnd => "contract end",
            CsvColumn::Owner => "owner",
            CsvColumn::Tags => "tags",
        }
    }

    /// Matches a header, ignoring case, spaces and punctuation.
    pub fn from_header(h: &str) -> Option<CsvColumn> {
        let key: String = h
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let col = match key.as_str() {
            "client" | "clientname" | "name" | "customer" | "customername" | "account"
            | "accountname" | "company" => CsvColumn::Name,
            "revenue" | "annualrevenue" | "yearlyrevenue" | "revenueperyear" | "turnover"
            | "sales" | "annualsales" => CsvColumn::Revenue,
            "margin" | "grossmargin" | "marginpercent" | "margin%" => CsvColumn::Margin,
            "contractend" | "contractenddate" | "contractends" | "enddate" | "renewal"
            | "renewaldate" | "renewson" => CsvColumn::ContractEnd,
            "owner" | "accountowner" | "salesperson" | "accountmanager" | "keyaccountmanager" => {
                CsvColumn::Owner
            }
            "tags" | "tag" | "labels" | "segment" | "segments" => CsvColumn::Tags,
            _ => return None,
        };
        Some(col)
    }
}

/// One client read from a CSV row.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvClient {
    /// The spreadsheet row number (header is row 1).
    pub row: usize,
    pub name: String,
    pub annual_revenue: Option<u64>,
    pub margin: Option<Margin>,
    pub contract_end: Option<Date>,
    pub owner: String,
    pub tags: Vec<String>,
}

/// A CSV file that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImport {
    pub clients: Vec<CsvClient>,
    /// Header names that matched no known column (shown, then ignored).
    pub ignored_columns: Vec<String>,
    pub delimiter: char,
}

/// Reads a client list. Never panics, whatever the bytes.
pub fn import_csv(bytes: &[u8]) -> Result<CsvImport, ImportError> {
    let bytes = within_limit_without_bom(bytes)?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let row = bytes[..e.valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        ImportError::invalid(vec![Problem::new(
            format!("Row {row}"),
            "the text is not UTF-8; in your spreadsheet, save the file as \"CSV UTF-8\"",
        )])
    })?;
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = sniff_delimiter(text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut records = reader.records();

    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(ImportError::invalid(vec![row_problem(1, e.to_string())])),
        None => return Err(ImportError::Empty),
    };
    let (columns, ignored_columns) = map_header(&header)?;

    let mut clients: Vec<CsvClient> = Vec::new();
    let mut problems = Vec::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    for (n, record) in records.enumerate() {
        let row = n + 2;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                problems.push(row_problem(row, format!("could not be read ({e})")));
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue; // Spreadsheets often end with blank rows.
        }
        if record.len() > header.len() {
            problems.push(row_problem(
                row,
                format!(
                    "has {} values but the header names {} columns \
                     (a value containing {:?} must be in quotes)",
                    record.len(),
                    header.len(),
                    delimiter
                ),
            ));
            continue;
        }
        let mut client = CsvClient {
            row,
            name: String::new(),
            annual_revenue: None,
            margin: None,
            contract_end: None,
            owner: String::new(),
            tags: Vec::new(),
        };
        for (i, col) in columns.iter().enumerate() {
            let (Some(col), Some(value)) = (col, record.get(i)) else {
                continue;
            };
            if let Err(msg) = read_cell(&mut client, *col, value) {
                problems.push(row_problem(row, msg));
            }
        }
        if client.name.is_empty() {
            problems.push(row_problem(row, "the client name is empty".into()));
        } else if let Some(first) = names.insert(client.name.to_lowercase(), row) {
            problems.push(row_problem(
                row,
                format!("the client {:?} is already on row {first}", client.name),
            ));
        }
        clients.push(client);
    }
    if problems.is_empty() {
        Ok(CsvImport {
            clients,
            ignored_columns,
            delimiter,
        })
    } else {
        Err(ImportError::invalid(problems))
    }
}

fn row_problem(row: usize, message: String) -> Problem {
    Problem::new(format!("Row {row}"), message)
}

/// The delimiter used most in the header row (outside quotes); comma on a tie.
pub(crate) fn sniff_delimiter(text: &str) -> char {
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        if !quoted && (c == '\n' || c == '\r') {
            break;
        }
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if *d == c {
                    *n += 1;
                }
            }
        }
    }
    // `max_by_key` keeps the last maximum; reversing makes comma win ties.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(',', |(d, _)| *d)
}

type ColumnMap = (Vec<Option<CsvColumn>>, Vec<String>);

fn map_header(header: &::csv::StringRecord) -> Result<ColumnMap, ImportError> {
    let mut columns = Vec::new();
    let mut ignored = Vec::new();
    let mut seen: HashMap<CsvColumn, usize> = HashMap::new();
    let mut problems = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let col = CsvColumn::from_header(h);
        match col {
            Some(c) => {
                if let Some(first) = seen.insert(c, i + 1) {
                    problems.push(row_problem(
                        1,
                        format!(
                            "columns {first} and {} both look like the {}; keep one",
                            i + 1,
                            c.label()
                        ),
                    ));
                }
            }
            None if !h.is_empty() => ignored.push(h.to_string()),
            None => {}
        }
        columns.push(col);
    }
    if !seen.contains_key(&CsvColumn::Name) {
        let found: Vec<&str> = header.iter().collect();
        problems.push(row_problem(
            1,
            format!(
                "no column for the client name: the header row needs a column such as \
                 \"Client\" or \"Name\" (found: {})",
                found.join(", ")
            ),
        ));
    }
    if problems.is_empty() {
        Ok((columns, ignored))
    } else {
        Err(ImportError::invalid(problems))
    }
}

fn read_cell(client: &mut CsvClient, col: CsvColumn, value: &str) -> Result<(), String> {
    if value.is_empty() {
        return Ok(());
    }
    match col {
        CsvColumn::Name => client.name = value.to_string(),
        CsvColumn::Owner => client.owner = value.to_string(),
        CsvColumn::Tags => {
            client.tags = value
                .split([';', '|', ','])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect();
        }
        CsvColumn::Revenue => {
            client.annual_revenue =
                Some(parse_amount(value).map_err(|why| format!("revenue {value:?} {why}"))?);
        }
        CsvColumn::Margin => {
            client.margin =
                Some(parse_margin(value).map_err(|why| format!("margin {value:?} {why}"))?);
        }
        CsvColumn::ContractEnd => {
            client.contract_end =
                Some(parse_date(value).map_err(|why| format!("contract end {value:?} {why}"))?);
        }
    }
    Ok(())
}

/// `2026-12-31` (ISO), or day first: `31/12/2026`, `31.12.2026`, `31-12-2026`.
/// Month-first dates (US style) are not accepted: `03/04/2026` is 3 April.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let t = s.trim();
    if let Ok(d) = t.parse::<Date>() {
        return Ok(d);
    }
    let parts: Vec<&str> = t.split(['/', '.', '-']).collect();
    let number = |p: &str, max_len: usize| -> Option<u32> {
        (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
    };
    let impossible = || "is not a real date".to_string();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 => match (number(y, 4), number(m, 2), number(d, 2)) {
            (Some(y), Some(m), Some(d)) => Date::from_ymd(y as i32, m, d).ok_or_else(impossible),
            _ => Err(not_a_date()),
        },
        [d, m, y] if y.len() == 4 => match (number(d, 2), number(m, 2), number(y, 4)) {
            (Some(d), Some(m), Some(y)) => Date::from_ymd(y as i32, m, d).ok_or_else(impossible),
            _ => Err(not_a_date()),
        },
        _ => Err(not_a_date()),
    }
}

fn not_a_date() -> String {
    "is not a date (write it as 2026-12-31 or 31/12/2026)".into()
}

/// The portfolio the CSV describes, ready for [`preview`](super::merge::preview)
/// and [`merge`](super::merge::merge): a row whose name matches a current
/// client (ignoring case) updates that client's profile where the row has a
/// value; other rows become new clients with ids from `new_id`.
pub fn clients_from_csv(
    import: &CsvImport,
    current: &Portfolio,
    mut new_id: impl FnMut() -> Id,
) -> Portfolio {
    let by_name: HashMap<String, &Client> = current
        .clients
        .iter()
        .map(|c| (c.profile.name.trim().to_lowercase(), c))
        .collect();
    let clients = import
        .clients
        .iter()
        .map(|row| {
            let mut c = match by_name.get(&row.name.to_lowercase()) {
                Some(existing) => (*existing).clone(),
                None => Client::new(new_id(), row.name.clone()),
            };
            let p = &mut c.profile;
            p.annual_revenue = row.annual_revenue.or(p.annual_revenue);
            p.margin = row.margin.or(p.margin);
            p.contract_end = row.contract_end.or(p.contract_end);
            if !row.owner.is_empty() {
                p.owner.clone_from(&row.owner);
            }
            if !row.tags.is_empty() {
                p.tags.clone_from(&row.tags);
            }
            c
        })
        .collect();
    Portfolio {
        owner: current.owner.clone(),
        clients,
    }
}

/// One summary line, computed by the caller (the engine and warning signs
/// live in the domain; this module only writes them out).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryRow {
    /// The category's name as shown in the app.
    pub category: String,
    pub reasons: Vec<String>,
    pub warning_signs: Vec<String>,
}

pub const SUMMARY_HEADER: [&str; 7] = [
    "Client",
    "Owner",
    "Category",
    "Reasons",
    "Warning signs",
    "Renewal date",
    "Annual revenue",
];

/// The portfolio summary, one row per client: UTF-8 with a byte order mark
/// (so spreadsheet programs read accents right), comma-separated, CRLF line
/// ends, lists joined with "; ". Text that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`) is prefixed with `'`.
pub fn export_summary_csv(p: &Portfolio, summary: impl Fn(&Client) -> SummaryRow) -> String {
    let mut out = String::from("\u{feff}");
    push_line(&mut out, SUMMARY_HEADER.iter().map(|h| h.to_string()));
    for c in &p.clients {
        let s = summary(c);
        push_line(
            &mut out,
            [
                c.profile.name.clone(),
                c.profile.owner.clone(),
                s.category,
                s.reasons.join("; "),
                s.warning_signs.join("; "),
                c.profile
                    .contract_end
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                c.profile
                    .annual_revenue
                    .map(|r| r.to_string())
                    .unwrap_or_default(),
            ]
            .into_iter(),
        );
    }
    out
}

fn push_line(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(&cell));
    }
    out.push_str("\r\n");
}

fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::MarginLevel;

    #[test]
    fn amounts() {
        for (s, n) in [
            ("120000", 120_000),
            ("120,000", 120_000),
            ("120.000", 120_000),
            ("1.200.000", 1_200_000),
            ("1,200.50", 1201),
            ("1.200,49", 1200),
            ("120 000 €", 120_000),
            ("EUR 5000", 5000),
            ("$7,500", 7500),
            ("12.5", 13),
            ("0", 0),
        ] {
            assert_eq!(parse_amount(s), Ok(n), "{s}");
        }
        for s in [
            "12k€",
            "-5",
            "abc",
            "1e6",
            "",
            "€",
            "1..2x",
            "1.2.3",
            "12,34,567",
        ] {
            assert!(parse_amount(s).is_err(), "{s}");
        }
    }

    #[test]
    fn dates_and_margins() {
        assert_eq!(
            parse_date("31/12/2026").map(|d| d.to_string()),
            Ok("2026-12-31".into())
        );
        assert_eq!(
            parse_date("1.2.2027").map(|d| d.to_string()),
            Ok("2027-02-01".into())
        );
        assert_eq!(parse_date("31/02/2026"), Err("is not a real date".into()));
        assert!(parse_date("12/31/2026").is_err());
        assert!(parse_date("soon").is_err());
        assert_eq!(parse_margin("22,5 %"), Ok(Margin::Percent(22.5)));
        assert_eq!(
            parse_margin("Medium"),
            Ok(Margin::Level(MarginLevel::Normal))
        );
        assert!(parse_margin("250%").is_err());
        assert!(parse_margin("NaN").is_err());
    }

    #[test]
    fn sniffs_the_header_delimiter() {
        assert_eq!(sniff_delimiter("Client;Revenue;\"a,b\"\n1,2,3,4"), ';');
        assert_eq!(sniff_delimiter("Client,Revenue\n"), ',');
        assert_eq!(sniff_delimiter("Client\tRevenue"), '\t');
        assert_eq!(sniff_delimiter("Client"), ',');
    }

    #[test]
    fn cells_are_quoted_and_defused() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=1+1"), "'=1+1");
        assert_eq!(csv_cell("plain"), "plain");
    }
}

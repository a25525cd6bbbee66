//! Any client list file to one table of cells: CSV, TSV, XLSX, XLS or ODS.
//!
//! Reading is separate from understanding (see `mapping`): the table keeps
//! the header row as written and each row's number as the spreadsheet
//! shows it, so every later error can point at the exact cell.

use super::decode::{decode, TextEncoding};
use crate::domain::Date;
use crate::storage::file::MAX_FILE_BYTES;
use crate::storage::problem::{ImportError, Problem};

/// What kind of file the table came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Csv,
    Tsv,
    Xlsx,
    Xls,
    Ods,
}

/// Where the table came from, shown to the user before anything changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub kind: Kind,
    /// For text files: the encoding assumed. `None` for spreadsheets.
    pub encoding: Option<TextEncoding>,
    /// For text files: the delimiter detected.
    pub delimiter: Option<char>,
    /// For spreadsheets: every sheet's name, so the user can pick another.
    pub sheets: Vec<String>,
    /// For spreadsheets: the sheet read.
    pub sheet: Option<String>,
}

/// One cell. Spreadsheets keep their types (a number stays a number, a
/// date cell is a date), so nothing is re-parsed from a display format.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Date(Date),
}

impl Cell {
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as a user would recognise it in an error message.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }

    pub(crate) fn text(s: &str) -> Cell {
        // Zero-width characters and non-breaking spaces come with copied
        // values; they are invisible, so they must not make a value differ.
        let t = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}');
        if t.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(t.to_string())
        }
    }
}

/// A data row with its number as the spreadsheet shows it (header: row 1
/// for a file that starts with it).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    pub fn get(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

/// A header row and the rows under it.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
    /// The spreadsheet column of `headers[0]` (0 = A): a sheet whose data
    /// starts in column C still names its columns C, D, … in errors.
    pub first_column: usize,
    pub source: Source,
}

impl Table {
    /// The spreadsheet letter of a column: A … Z, AA …
    pub fn letter(&self, column: usize) -> String {
        column_letter(self.first_column.saturating_add(column))
    }

    /// "column C (Annual Revenue)", as errors name a column.
    pub fn column_name(&self, column: usize) -> String {
        let header = self.headers.get(column).map(String::as_str).unwrap_or("");
        if header.is_empty() {
            format!("column {}", self.letter(column))
        } else {
            format!("column {} ({header})", self.letter(column))
        }
    }
}

pub fn column_letter(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// The kind of a file, from its first bytes (which cannot lie about being a
/// zip or an OLE document) and then its name.
pub fn detect_kind(bytes: &[u8], file_name: &str) -> Kind {
    let lower = file_name.to_lowercase();
    if bytes.starts_with(b"PK\x03\x04") {
        // An ODF zip stores its "mimetype" entry first, uncompressed.
        let head = &bytes[..bytes.len().min(200)];
        let is_ods = head.windows(24).any(|w| w == b"opendocument.spreadsheet");
        return if is_ods || lower.ends_with(".ods") {
            Kind::Ods
        } else {
            Kind::Xlsx
        };
    }
    if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        return Kind::Xls;
    }
    if lower.ends_with(".tsv") || lower.ends_with(".tab") {
        Kind::Tsv
    } else {
        Kind::Csv
    }
}

/// Reads a file into a table. `sheet` picks a spreadsheet's sheet by name
/// (default: the first). Never panics, whatever the bytes.
pub fn read_table(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
) -> Result<Table, ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    match detect_kind(bytes, file_name) {
        Kind::Csv | Kind::Tsv => read_delimited(bytes),
        kind => super::sheet::read_spreadsheet(bytes, kind, sheet),
    }
}

fn read_delimited(bytes: &[u8]) -> Result<Table, ImportError> {
    let (text, encoding) = decode(bytes);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let delimiter = sniff_delimiter(&text);
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(delimiter as u8)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    let bytes = text.as_bytes();
    // The reader's own line numbers lag behind blank lines, so a row's
    // number is counted here: the line where its first character is.
    let mut newlines = LineCounter::default();
    let mut line_of = |byte: usize| {
        let mut start = byte.min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        newlines.line_at(bytes, start)
    };
    for record in reader.records() {
        match record {
            Ok(r) => {
                let number = r
                    .position()
                    .map_or(lines.len() + 1, |p| line_of(p.byte() as usize));
                lines.push(Row {
                    number,
                    cells: r.iter().map(Cell::text).collect(),
                });
            }
            Err(e) => {
                let row = e.position().map_or(0, |p| line_of(p.byte() as usize));
                problems.push(Problem::new(
                    format!("Row {row}"),
                    format!("could not be read ({e})"),
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::invalid(problems));
    }
    let source = Source {
        kind: if delimiter == '\t' {
            Kind::Tsv
        } else {
            Kind::Csv
        },
        encoding: Some(encoding),
        delimiter: Some(delimiter),
        sheets: Vec::new(),
        sheet: None,
    };
    table_from_lines(lines, 0, source)
}

/// The delimiter used most in the header row (outside quotes); comma on a tie.
fn sniff_delimiter(text: &str) -> char {
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

/// Line numbers of byte offsets met in increasing order, in linear time.
#[derive(Default)]
struct LineCounter {
    at: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, bytes: &[u8], byte: usize) -> usize {
        if byte < self.at {
            *self = LineCounter::default();
        }
        let end = byte.min(bytes.len());
        self.line += bytes[self.at..end].iter().filter(|b| **b == b'\n').count();
        self.at = end;
        self.line + 1
    }
}

/// The first non-empty line is the header; blank lines are skipped, and so
/// is a report footer.
pub(crate) fn table_from_lines(
    mut lines: Vec<Row>,
    first_column: usize,
    source: Source,
) -> Result<Table, ImportError> {
    if let Some(at) = footer_start(&lines) {
        lines.truncate(at);
    }
    let mut lines = lines
        .into_iter()
        .filter(|r| !r.cells.iter().all(Cell::is_empty));
    let Some(header) = lines.next() else {
        return Err(ImportError::Empty);
    };
    let mut headers: Vec<String> = header.cells.iter().map(Cell::display).collect();
    while headers.last().is_some_and(String::is_empty) {
        headers.pop();
    }
    Ok(Table {
        headers,
        rows: lines.collect(),
        first_column,
        source,
    })
}

/// Salesforce report exports end with a blank line, then one-cell lines
/// (report name, "Copyright (c) … salesforce.com", "Confidential
/// Information", "Generated By: …"). Read as rows they would become clients
/// named "Copyright …", so such a trailer is cut: after a blank line, only
/// one-cell lines, one of them one of these markers.
fn footer_start(lines: &[Row]) -> Option<usize> {
    let blank = |r: &Row| r.cells.iter().all(Cell::is_empty);
    let one_cell = |r: &Row| r.cells.iter().filter(|c| !c.is_empty()).count() <= 1;
    let marker = |r: &Row| {
        let t = r
            .cells
            .first()
            .map(Cell::display)
            .unwrap_or_default()
            .to_lowercase();
        t.starts_with("copyright") || t.contains("salesforce.com") || t.starts_with("grand total")
    };
    // The CSV reader drops blank lines, so a jump in line numbers is one.
    let after_blank =
        |at: usize| blank(&lines[at]) || at > 0 && lines[at].number > lines[at - 1].number + 1;
    let mut at = lines.len();
    while at > 1 && one_cell(&lines[at - 1]) {
        at -= 1;
        if after_blank(at) && lines[at..].iter().any(marker) {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters() {
        let l: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .map(column_letter)
            .to_vec();
        assert_eq!(l, ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn sniffs_the_header_delimiter() {
        assert_eq!(sniff_delimiter("Client;Revenue;\"a,b\"\n1,2,3,4"), ';');
        assert_eq!(sniff_delimiter("Client,Revenue\n"), ',');
        assert_eq!(sniff_delimiter("Client\tRevenue"), '\t');
        assert_eq!(sniff_delimiter("Client"), ',');
    }

    #[test]
    fn kinds() {
        assert_eq!(detect_kind(b"PK\x03\x04rest", "x.xlsx"), Kind::Xlsx);
        assert_eq!(detect_kind(b"PK\x03\x04rest", "x.ods"), Kind::Ods);
        assert_eq!(detect_kind(b"a\tb", "x.tsv"), Kind::Tsv);
        assert_eq!(detect_kind(b"a,b", "x.csv"), Kind::Csv);
    }
}

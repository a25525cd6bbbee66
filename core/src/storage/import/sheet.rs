//! Spreadsheet files (XLSX, XLS, ODS) to a table, through calamine.
//!
//! Cells keep their types: numbers stay numbers and date cells become
//! dates, so nothing is re-read from a display format that depends on the
//! locale of whoever saved the file.

use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xls, Xlsx};

use super::table::{table_from_lines, Cell, Kind, Row, Source, Table};
use crate::domain::Date;
use crate::storage::problem::{ImportError, Problem};

pub(crate) fn read_spreadsheet(
    bytes: &[u8],
    kind: Kind,
    sheet: Option<&str>,
) -> Result<Table, ImportError> {
    let unreadable = |e: String| {
        ImportError::invalid(vec![Problem::new(
            "",
            format!("the spreadsheet could not be read ({e}); save it again, or as CSV"),
        )])
    };
    let cursor = Cursor::new(bytes);
    let (sheets, range) = match kind {
        Kind::Xlsx => open::<Xlsx<_>>(cursor, sheet).map_err(unreadable)?,
        Kind::Xls => open::<Xls<_>>(cursor, sheet).map_err(unreadable)?,
        _ => open::<Ods<_>>(cursor, sheet).map_err(unreadable)?,
    };
    let Some(range) = range else {
        return Err(ImportError::invalid(vec![Problem::new(
            "",
            format!(
                "there is no sheet named {:?} (sheets: {})",
                sheet.unwrap_or_default(),
                sheets.join(", ")
            ),
        )]));
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    let lines = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: top as usize + i + 1,
            cells: cells.iter().map(cell_of).collect(),
        })
        .collect();
    let source = Source {
        kind,
        encoding: None,
        delimiter: None,
        sheet: Some(
            sheet
                .map(String::from)
                .or_else(|| sheets.first().cloned())
                .unwrap_or_default(),
        ),
        sheets,
    };
    table_from_lines(lines, left as usize, source)
}

type Opened = (Vec<String>, Option<calamine::Range<Data>>);

/// The sheet names and the chosen sheet (`None`: no sheet by that name).
fn open<'a, R>(cursor: Cursor<&'a [u8]>, sheet: Option<&str>) -> Result<Opened, String>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let mut book: R =
        calamine::open_workbook_from_rs(cursor).map_err(|e: R::Error| e.to_string())?;
    let names = book.sheet_names();
    let wanted = match sheet {
        Some(s) => names.iter().find(|n| n.as_str() == s).cloned(),
        None => names.first().cloned(),
    };
    let Some(name) = wanted else {
        return Ok((names, None));
    };
    let range = book.worksheet_range(&name).map_err(|e| e.to_string())?;
    Ok((names, Some(range)))
}

fn cell_of(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            Date::from_ymd(i32::from(y), u32::from(m), u32::from(day))
                .map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| d.parse().ok())
            .map_or_else(|| Cell::text(s), Cell::Date),
        Data::DurationIso(s) => Cell::text(s),
        Data::Error(e) => Cell::Text(format!("{e}")),
    }
}

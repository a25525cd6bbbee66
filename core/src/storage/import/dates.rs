//! Dates as exports write them, with the day/month order decided per column.
//!
//! `03/04/2027` is 3 April in Europe and 4 March in the US, and a CRM export
//! does not say which. One value cannot tell, but a column can: a value
//! whose first part is over 12 proves day-first, one whose second part is
//! over 12 proves month-first. When no value in a column decides, the user
//! is asked (with two sample values read both ways): a silently wrong
//! renewal date is worse than a question.

use std::collections::BTreeMap;

use super::table::{Cell, Row, Table};
use crate::domain::Date;

/// How a column writes its numeric dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateOrder {
    /// `31/12/2026`: Europe and most of the world.
    DayFirst,
    /// `12/31/2026`: the US (Salesforce and HubSpot in a US locale).
    MonthFirst,
}

/// The user's answers to date questions, by table column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateAnswers(pub BTreeMap<usize, DateOrder>);

impl DateAnswers {
    pub fn none() -> DateAnswers {
        DateAnswers::default()
    }

    pub fn with(mut self, column: usize, order: DateOrder) -> DateAnswers {
        self.0.insert(column, order);
        self
    }
}

/// A value read both ways, for the user to recognise the right one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sample {
    pub row: usize,
    pub text: String,
    pub day_first: Date,
    pub month_first: Date,
}

/// A column whose day order only the user can tell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateQuestion {
    pub column: usize,
    /// "column D (Contract End Date)".
    pub column_name: String,
    /// Up to two values that read as different days either way.
    pub samples: Vec<Sample>,
}

/// One cell read as a date before the column's order is known.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Reading {
    Fixed(Date),
    /// `a/b/year` with both a and b possible as a day or a month.
    Pair {
        a: u32,
        b: u32,
        year: i32,
    },
    Bad(String),
}

impl Reading {
    fn evidence(&self) -> Option<DateOrder> {
        match *self {
            Reading::Pair { a, b, .. } if a > 12 && b <= 12 => Some(DateOrder::DayFirst),
            Reading::Pair { a, b, .. } if b > 12 && a <= 12 => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }

    /// Both readings, when they name two different existing days.
    fn both_ways(&self) -> Option<(Date, Date)> {
        match *self {
            Reading::Pair { a, b, year } if a != b => {
                Some((Date::from_ymd(year, b, a)?, Date::from_ymd(year, a, b)?))
            }
            _ => None,
        }
    }

    /// The date, once the order is known (`None`: not yet decidable).
    pub(crate) fn resolve(&self, order: Option<DateOrder>) -> Result<Option<Date>, String> {
        match self {
            Reading::Fixed(d) => Ok(Some(*d)),
            Reading::Bad(why) => Err(why.clone()),
            Reading::Pair { a, b, year } => {
                let (m, d) = match order {
                    Some(DateOrder::DayFirst) => (*b, *a),
                    Some(DateOrder::MonthFirst) => (*a, *b),
                    None if a == b => (*a, *b),
                    None => return Ok(None),
                };
                Date::from_ymd(*year, m, d)
                    .map(Some)
                    .ok_or_else(|| "is not a real date".to_string())
            }
        }
    }
}

const NOT_A_DATE: &str = "is not a date (write it as 2026-12-31, 31/12/2026 or 12/31/2026)";

/// Reads a cell. Spreadsheet number cells in a date column are Excel
/// serial dates (days since 1899-12-30).
pub(crate) fn read_cell(cell: &Cell) -> Reading {
    match cell {
        Cell::Date(d) => Reading::Fixed(*d),
        Cell::Number(n) => excel_serial(*n).map_or(Reading::Bad(NOT_A_DATE.into()), Reading::Fixed),
        Cell::Text(t) => read_text(t),
        Cell::Empty => Reading::Bad(NOT_A_DATE.into()),
    }
}

/// An Excel serial date (1900 date system). Serials up to 60 count the
/// phantom 29 February 1900 Excel keeps for Lotus compatibility.
pub fn excel_serial(n: f64) -> Option<Date> {
    if !n.is_finite() || !(1.0..=2_958_465.0).contains(&n) {
        return None;
    }
    let whole = n.floor() as i32;
    // Days from 1970-01-01 back to 1899-12-30, Excel's effective day 0.
    const DAY_ZERO: i32 = -25_569;
    let days = if whole < 61 {
        DAY_ZERO + 1 + whole
    } else {
        DAY_ZERO + whole
    };
    let (y, m, d) = Date::from_days_since_epoch(days).ymd();
    // Re-checks the year range (Date::from_ymd refuses 1899 and 2201+).
    Date::from_ymd(y, m, d)
}

fn month_of(word: &str) -> Option<u32> {
    let w: String = word.to_lowercase().chars().take(3).collect();
    let months = [
        ["jan", "jan", "ene"],
        ["feb", "fev", "fév"],
        ["mar", "mär", "maa"],
        ["apr", "avr", "abr"],
        ["may", "mai", "mei"],
        ["jun", "jui", "jun"],
        ["jul", "jul", "jul"],
        ["aug", "aoû", "ago"],
        ["sep", "set", "sep"],
        ["oct", "okt", "oct"],
        ["nov", "nov", "nov"],
        ["dec", "dez", "dic"],
    ];
    // "juin"/"juillet" share "jui"; tell them apart by the fourth letter.
    let lower = word.to_lowercase();
    if lower.starts_with("juil") {
        return Some(7);
    }
    if word.chars().count() < 3 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    months
        .iter()
        .position(|names| names.contains(&w.as_str()))
        .map(|i| i as u32 + 1)
}

fn number(p: &str, max_len: usize) -> Option<u32> {
    (!p.is_empty() && p.len() <= max_len && p.bytes().all(|b| b.is_ascii_digit()))
        .then(|| p.parse().ok())
        .flatten()
}

/// A two-digit year is only accepted last (`31/12/26`), where it cannot be
/// taken for a day; 00–69 are 2000s, 70–99 1900s, as spreadsheets read them.
fn year(p: &str) -> Option<i32> {
    match p.len() {
        4 => number(p, 4).map(|y| y as i32),
        2 => number(p, 2).map(|y| {
            if y < 70 {
                2000 + y as i32
            } else {
                1900 + y as i32
            }
        }),
        _ => None,
    }
}

pub(crate) fn read_text(text: &str) -> Reading {
    let t = text.trim();
    let bad = || Reading::Bad(NOT_A_DATE.into());
    let impossible = || Reading::Bad("is not a real date".into());
    // Time of day after the date ("10:20", "10:20 AM", "T10:20:00Z") is
    // dropped: the method counts days.
    let date_part = t.split([' ', 'T']).next().unwrap_or("");
    let seps: Vec<char> = date_part
        .chars()
        .filter(|c| matches!(c, '/' | '.' | '-'))
        .collect();
    if seps.len() == 2
        && seps[0] == seps[1]
        && date_part
            .bytes()
            .all(|b| b.is_ascii_digit() || b == seps[0] as u8)
    {
        let rest = &t[date_part.len()..];
        if !rest.is_empty() && !rest.contains(':') {
            return bad();
        }
        let parts: Vec<&str> = date_part.split(seps[0]).collect();
        return match parts.as_slice() {
            [y, m, d] if y.len() == 4 => match (year(y), number(m, 2), number(d, 2)) {
                (Some(y), Some(m), Some(d)) => {
                    Date::from_ymd(y, m, d).map_or_else(impossible, Reading::Fixed)
                }
                _ => bad(),
            },
            [a, b, y] => match (number(a, 2), number(b, 2), year(y)) {
                (Some(a), Some(b), Some(_)) if a > 12 && b > 12 => impossible(),
                (Some(a), Some(b), Some(year)) if a > 0 && b > 0 && a <= 31 && b <= 31 => {
                    Reading::Pair { a, b, year }
                }
                (Some(_), Some(_), Some(_)) => impossible(),
                _ => bad(),
            },
            _ => bad(),
        };
    }
    // Month names: "4 Mar 2026", "Mar 4, 2026", "04-Mar-2026", "4. März 2026".
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '-' | '.' | '/'))
        .filter(|w| {
            !w.is_empty() && !w.contains(':') && !matches!(w.to_lowercase().as_str(), "am" | "pm")
        })
        .collect();
    if let [w1, w2, w3] = words.as_slice() {
        let found = match (month_of(w1), month_of(w2)) {
            (Some(m), None) => number(w2, 2).zip(year(w3)).map(|(d, y)| (y, m, d)),
            (None, Some(m)) => number(w1, 2).zip(year(w3)).map(|(d, y)| (y, m, d)),
            _ => None,
        };
        if let Some((y, m, d)) = found {
            return Date::from_ymd(y, m, d).map_or_else(impossible, Reading::Fixed);
        }
    }
    bad()
}

/// What a column needs before its dates can be read.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum ColumnOrder {
    /// The values prove one order (or need none).
    Known(Option<DateOrder>),
    /// Nothing decides: a question for the user.
    Ask(DateQuestion),
    /// Values prove both orders: the column mixes formats.
    Contradiction(String),
}

/// Decides a column's order from all its values.
pub(crate) fn column_order(table: &Table, column: usize, rows: &[&Row]) -> ColumnOrder {
    let mut proof: [Option<(usize, String)>; 2] = [None, None];
    let mut samples = Vec::new();
    for row in rows {
        let cell = row.get(column);
        if cell.is_empty() {
            continue;
        }
        let reading = read_cell(cell);
        match reading.evidence() {
            Some(DateOrder::DayFirst) => {
                proof[0].get_or_insert((row.number, cell.display()));
            }
            Some(DateOrder::MonthFirst) => {
                proof[1].get_or_insert((row.number, cell.display()));
            }
            None => {
                if let Some((day_first, month_first)) = reading.both_ways() {
                    if samples.len() < 2 {
                        samples.push(Sample {
                            row: row.number,
                            text: cell.display(),
                            day_first,
                            month_first,
                        });
                    }
                }
            }
        }
    }
    match proof {
        [Some((r1, v1)), Some((r2, v2))] => ColumnOrder::Contradiction(format!(
            "mixes date orders: row {r1} ({v1}) can only be day first, row {r2} ({v2}) \
             only month first; write the dates one way"
        )),
        [Some(_), None] => ColumnOrder::Known(Some(DateOrder::DayFirst)),
        [None, Some(_)] => ColumnOrder::Known(Some(DateOrder::MonthFirst)),
        [None, None] if samples.is_empty() => ColumnOrder::Known(None),
        [None, None] => ColumnOrder::Ask(DateQuestion {
            column,
            column_name: table.column_name(column),
            samples,
        }),
    }
}

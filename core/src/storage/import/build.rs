//! A mapped table to checked rows: every value read, or every problem named
//! by row (as the spreadsheet numbers it), column (letter and header) and
//! what is wrong. One bad row fails the whole import, so nothing
//! half-arrives.

use std::collections::HashMap;

use super::contacts::{suggest_role, PersonRow};
use super::dates::{column_order, read_cell, ColumnOrder, DateAnswers, DateOrder, DateQuestion};
use super::mapping::{Mapping, Target};
use super::matching::name_key;
use super::table::{Cell, Kind, Row, Table};
use super::values::{amount_from_number, parse_amount, parse_importance, parse_margin, parse_tags};
use crate::domain::{Date, Importance, Margin};
use crate::storage::problem::{ImportError, Problem};

/// A client read from a row. `None`: the file says nothing, so the current
/// value is kept on re-import.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClientRow {
    pub row: usize,
    pub name: String,
    pub external_id: Option<String>,
    pub annual_revenue: Option<u64>,
    pub margin: Option<Margin>,
    pub contract_end: Option<Date>,
    pub relationship_start: Option<Date>,
    pub owner: Option<String>,
    pub tags: Option<Vec<String>>,
    pub notes: Option<String>,
    pub importance: Option<Importance>,
}

/// Everything a file brings, checked.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows {
    pub clients: Vec<ClientRow>,
    pub people: Vec<PersonRow>,
    /// Header names mapped to nothing (shown, then ignored).
    pub ignored_columns: Vec<String>,
}

/// The date columns whose day order the user must tell (empty: none), or
/// the problems that make the columns unreadable either way.
pub fn date_questions(table: &Table, mapping: &Mapping) -> Result<Vec<DateQuestion>, ImportError> {
    let rows = data_rows(table);
    let mut questions = Vec::new();
    let mut problems = Vec::new();
    for (col, target) in mapping.columns.iter().enumerate() {
        if !target.is_date() {
            continue;
        }
        match column_order(table, col, &rows) {
            ColumnOrder::Known(_) => {}
            ColumnOrder::Ask(q) => questions.push(q),
            ColumnOrder::Contradiction(why) => {
                problems.push(Problem::new(capitalise(&table.column_name(col)), why));
            }
        }
    }
    if problems.is_empty() {
        Ok(questions)
    } else {
        Err(ImportError::invalid(problems))
    }
}

/// Why an unanswered column stops the import, with a value read both ways
/// so the user sees what is at stake (and how to write it unambiguously).
fn unanswered(q: &DateQuestion) -> String {
    let example = q.samples.first().map_or(String::new(), |s| {
        format!(
            " (row {}: {} is {} day first, {} month first)",
            s.row, s.text, s.day_first, s.month_first
        )
    });
    format!(
        "no date here says whether the day or the month comes first{example}; \
         say which, or write the dates as 2026-12-31"
    )
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn data_rows(table: &Table) -> Vec<&Row> {
    table
        .rows
        .iter()
        .filter(|r| !r.cells.iter().all(Cell::is_empty))
        .collect()
}

/// Reads every row. Date columns left ambiguous by their values need an
/// answer in `answers` (see [`date_questions`]).
pub fn build(table: &Table, mapping: &Mapping, answers: &DateAnswers) -> Result<Rows, ImportError> {
    let mut problems = Vec::new();
    let header = |p: &mut Vec<Problem>, msg: String| p.push(Problem::new("Row 1", msg));
    for (target, cols) in mapping.conflicts() {
        let names: Vec<String> = cols.iter().map(|c| table.column_name(*c)).collect();
        header(
            &mut problems,
            format!(
                "{} are {} mapped to {}; keep one",
                names.join(" and "),
                if names.len() == 2 { "both" } else { "all" },
                target.label()
            ),
        );
    }
    let contacts = mapping.is_contacts();
    let target = |col: usize| mapping.columns.get(col).copied().unwrap_or(Target::Ignore);
    if !contacts && mapping.column(Target::ClientName).is_none() {
        header(
            &mut problems,
            format!(
                "no column for the client name: map one, such as \"Company name\" or \
                 \"Account Name\" (found: {})",
                table.headers.join(", ")
            ),
        );
    }
    let rows = data_rows(table);
    let mut orders: HashMap<usize, Option<DateOrder>> = HashMap::new();
    for col in (0..table.headers.len()).filter(|c| target(*c).is_date()) {
        let order = match column_order(table, col, &rows) {
            // The values' own evidence wins over an answer, which
            // only decides a column the values leave open.
            ColumnOrder::Known(o) => o.or_else(|| answers.0.get(&col).copied()),
            ColumnOrder::Ask(q) => match answers.0.get(&col) {
                Some(o) => Some(*o),
                None => {
                    problems.push(Problem::new(capitalise(&q.column_name), unanswered(&q)));
                    None
                }
            },
            ColumnOrder::Contradiction(why) => {
                problems.push(Problem::new(capitalise(&table.column_name(col)), why));
                None
            }
        };
        orders.insert(col, order);
    }
    if !problems.is_empty() {
        return Err(ImportError::invalid(problems));
    }
    let fraction_margins = margin_cells_are_fractions(mapping, &rows);

    let mut out = Rows {
        ignored_columns: table
            .headers
            .iter()
            .enumerate()
            .filter(|(i, h)| target(*i) == Target::Ignore && !h.is_empty())
            .map(|(_, h)| h.clone())
            .collect(),
        ..Rows::default()
    };
    let mut names: HashMap<String, usize> = HashMap::new();
    let mut ids: HashMap<String, usize> = HashMap::new();
    let text_file = matches!(table.source.kind, Kind::Csv | Kind::Tsv);
    for row in rows {
        let at = |col: usize| format!("Row {}, {}", row.number, table.column_name(col));
        if text_file && row.cells.len() > table.headers.len() {
            let extra = row.cells[table.headers.len()..]
                .iter()
                .any(|c| !c.is_empty());
            if extra {
                problems.push(Problem::new(
                    format!("Row {}", row.number),
                    format!(
                        "has {} values but the header names {} columns (a value containing \
                         {:?} must be in quotes)",
                        row.cells.len(),
                        table.headers.len(),
                        table.source.delimiter.unwrap_or(',')
                    ),
                ));
                continue;
            }
        }
        let mut client = ClientRow {
            row: row.number,
            ..ClientRow::default()
        };
        let mut person = Person::default();
        for col in 0..table.headers.len() {
            let cell = row.get(col);
            if cell.is_empty() {
                continue;
            }
            let text = cell.display();
            let t = target(col);
            let result = if contacts {
                person.read(t, text);
                Ok(())
            } else {
                read_client_cell(
                    &mut client,
                    t,
                    cell,
                    orders.get(&col).copied().flatten(),
                    fraction_margins,
                )
            };
            if let Err(why) = result {
                problems.push(Problem::new(at(col), why));
            }
        }
        if contacts {
            match person.finish(row.number) {
                Some(p) => out.people.push(p),
                None => problems.push(Problem::new(
                    format!("Row {}", row.number),
                    "the person has no name (and no email to stand for it)",
                )),
            }
            continue;
        }
        if client.name.is_empty() {
            problems.push(Problem::new(
                format!("Row {}", row.number),
                "the client name is empty",
            ));
            continue;
        }
        if let Some(first) = names.insert(name_key(&client.name), row.number) {
            problems.push(Problem::new(
                format!("Row {}", row.number),
                format!("the client {:?} is already on row {first}", client.name),
            ));
        }
        if let Some(id) = &client.external_id {
            if let Some(first) = ids.insert(id.clone(), row.number) {
                problems.push(Problem::new(
                    format!("Row {}", row.number),
                    format!("the record id {id:?} is already on row {first}"),
                ));
            }
        }
        out.clients.push(client);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(ImportError::invalid(problems))
    }
}

/// A spreadsheet cell formatted as a percentage holds a fraction (22 % is
/// 0.22). When every number in the margin column lies within ±1, the
/// column is read as such fractions; a real 0.5 % margin next to them would
/// be implausible for a client list.
fn margin_cells_are_fractions(mapping: &Mapping, rows: &[&Row]) -> bool {
    let Some(col) = mapping.column(Target::Margin) else {
        return false;
    };
    let numbers: Vec<f64> = rows
        .iter()
        .filter_map(|r| match r.get(col) {
            Cell::Number(n) => Some(*n),
            _ => None,
        })
        .collect();
    !numbers.is_empty() && numbers.iter().all(|n| n.abs() <= 1.0)
}

fn read_client_cell(
    c: &mut ClientRow,
    target: Target,
    cell: &Cell,
    order: Option<DateOrder>,
    fraction_margins: bool,
) -> Result<(), String> {
    let text = cell.display();
    match target {
        Target::ClientName | Target::Company => c.name = text,
        Target::ExternalId => c.external_id = Some(text),
        Target::Owner => c.owner = Some(text),
        Target::Notes => c.notes = Some(text),
        Target::Tags => c.tags = Some(parse_tags(&text)),
        Target::AnnualRevenue => {
            let amount = match cell {
                Cell::Number(n) => amount_from_number(*n),
                _ => parse_amount(&text),
            };
            c.annual_revenue = Some(amount.map_err(|why| format!("revenue {text:?} {why}"))?);
        }
        Target::Margin => {
            let margin = match cell {
                Cell::Number(n) if fraction_margins => parse_margin(&(n * 100.0).to_string()),
                _ => parse_margin(&text),
            };
            c.margin = Some(margin.map_err(|why| format!("margin {text:?} {why}"))?);
        }
        Target::Importance => {
            c.importance =
                Some(parse_importance(&text).map_err(|why| format!("importance {text:?} {why}"))?);
        }
        Target::ContractEnd | Target::RelationshipStart => {
            let what = if target == Target::ContractEnd {
                "contract end"
            } else {
                "relationship start"
            };
            let date = read_cell(cell)
                .resolve(order)
                .map_err(|why| format!("{what} {text:?} {why}"))?
                .ok_or_else(|| format!("{what} {text:?} could be day first or month first"))?;
            if target == Target::ContractEnd {
                c.contract_end = Some(date);
            } else {
                c.relationship_start = Some(date);
            }
        }
        // Person columns in a client list, and ignored columns: nothing.
        _ => {}
    }
    Ok(())
}

#[derive(Default)]
struct Person {
    full: Option<String>,
    first: Option<String>,
    last: Option<String>,
    title: Option<String>,
    company: Option<String>,
    email: Option<String>,
    notes: Option<String>,
}

impl Person {
    fn read(&mut self, target: Target, text: String) {
        let slot = match target {
            Target::PersonName => &mut self.full,
            Target::FirstName => &mut self.first,
            Target::LastName => &mut self.last,
            Target::JobTitle => &mut self.title,
            // In a contact list, a "client name" column is the company.
            Target::Company | Target::ClientName => &mut self.company,
            Target::Email => &mut self.email,
            Target::Notes => &mut self.notes,
            _ => return,
        };
        *slot = Some(text);
    }

    fn finish(self, row: usize) -> Option<PersonRow> {
        let joined = [self.first.as_deref(), self.last.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let name = self
            .full
            .filter(|n| !n.is_empty())
            .or_else(|| (!joined.is_empty()).then_some(joined))
            .or_else(|| self.email.clone())?;
        let title = self.title.unwrap_or_default();
        let (role, senior) = suggest_role(&title);
        Some(PersonRow {
            row,
            name,
            title,
            company: self.company,
            email: self.email,
            notes: self.notes,
            role,
            senior,
        })
    }
}

//! The import steps' wording and arrangement, without a browser: the columns
//! to show with sample values, the date order a language suggests, how a
//! date question's choices read, and the remembered mapping's key and text.

use crate::domain::Date;
use crate::storage::import::{
    header_signature, DateOrder, Mapping, PlanReport, Sample, Source, Table, Target,
};

/// One column of the mapping step.
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnView {
    pub index: usize,
    /// The header as written ("column C" when it is empty).
    pub header: String,
    /// A few non-empty values from the first rows.
    pub samples: Vec<String>,
}

/// The columns of `table` with up to `samples` example values each.
pub fn columns_to_show(table: &Table, samples: usize) -> Vec<ColumnView> {
    table
        .headers
        .iter()
        .enumerate()
        .map(|(index, h)| {
            let header = if h.trim().is_empty() {
                format!("column {}", table.letter(index))
            } else {
                h.clone()
            };
            let samples = table
                .rows
                .iter()
                .map(|r| r.get(index).display())
                .filter(|s| !s.is_empty())
                .take(samples)
                .collect();
            ColumnView {
                index,
                header,
                samples,
            }
        })
        .collect()
}

/// The label of a column's choice: `Column “Company name” becomes`.
pub fn column_label(header: &str) -> String {
    format!("Column “{header}” becomes")
}

/// The day order a browser language suggests (`navigator.language`): the
/// US and the few places that write the month first; day first elsewhere.
/// Only a default: the user still confirms.
pub fn default_date_order(language: &str) -> DateOrder {
    let lower = language.trim().to_ascii_lowercase().replace('_', "-");
    let region = lower.split('-').skip(1).find(|p| p.len() == 2);
    match region {
        Some("us" | "ph" | "fm" | "mh" | "pw" | "as" | "gu" | "mp" | "pr" | "um" | "vi") => {
            DateOrder::MonthFirst
        }
        _ => DateOrder::DayFirst,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "3 April 2027": no order to misread.
pub fn long_date(date: Date) -> String {
    let (y, m, d) = date.ymd();
    let month = MONTHS.get((m as usize).wrapping_sub(1)).unwrap_or(&"?");
    format!("{d} {month} {y}")
}

/// A sample read one way: `3/4/2027 → 3 April 2027`.
pub fn sample_reading(sample: &Sample, order: DateOrder) -> String {
    let date = match order {
        DateOrder::DayFirst => sample.day_first,
        DateOrder::MonthFirst => sample.month_first,
    };
    format!("{} → {}", sample.text, long_date(date))
}

/// What was read and how, for the mapping step.
pub fn source_text(source: &Source, recognised: Option<&str>) -> String {
    let mut parts = Vec::new();
    match recognised {
        Some(r) => parts.push(format!("Recognised as a {r} export.")),
        None => parts.push("Not recognised as a known CRM export.".to_string()),
    }
    if let Some(e) = source.encoding {
        parts.push(format!("Text read as {}.", e.label()));
    }
    if let Some(s) = &source.sheet {
        parts.push(format!("Sheet read: {s}."));
    }
    parts.join(" ")
}

/// The people lines of the preview: added (with their client) and those
/// whose company is none of the clients (listed, not imported).
pub fn people_lines(report: &PlanReport) -> (Vec<String>, Vec<String>) {
    let added = report
        .people_added
        .iter()
        .map(|p| format!("{} (row {})", p.name, p.row))
        .collect();
    let unmatched = report
        .unmatched_people
        .iter()
        .map(|p| {
            let company = p.company.as_deref().unwrap_or("no company");
            format!("{} ({company}, row {})", p.name, p.row)
        })
        .collect();
    (added, unmatched)
}

/// Why a mapping cannot go ahead yet, in words that say what to change;
/// `None` when it can.
pub fn mapping_problem(mapping: &Mapping, table: &Table) -> Option<String> {
    if let Some((target, cols)) = mapping.conflicts().into_iter().next() {
        let names: Vec<String> = cols.iter().map(|c| table.column_name(*c)).collect();
        return Some(format!(
            "{} columns become “{}”: {}. Choose “Ignore” or another meaning for all but one.",
            names.len(),
            target.label(),
            names.join(" and ")
        ));
    }
    if mapping.confident {
        return None;
    }
    Some(if mapping.is_contacts() {
        format!(
            "Choose the column that becomes “{}” (or “{}” and “{}”).",
            Target::PersonName.label(),
            Target::FirstName.label(),
            Target::LastName.label()
        )
    } else {
        format!(
            "Choose the column that becomes “{}”.",
            Target::ClientName.label()
        )
    })
}

/// Remembered mappings live under this prefix; the start-up loader
/// (`storage::local::load`) reads none of these keys.
pub const MAPPING_PREFIX: &str = "continuum/v1/import-mapping/";

/// The key of the mapping remembered for files with `table`'s header row.
pub fn mapping_key(table: &Table) -> String {
    format!("{MAPPING_PREFIX}{}", header_signature(table))
}

fn target_id(t: Target) -> &'static str {
    match t {
        Target::ClientName => "client_name",
        Target::AnnualRevenue => "annual_revenue",
        Target::Margin => "margin",
        Target::ContractEnd => "contract_end",
        Target::RelationshipStart => "relationship_start",
        Target::Owner => "owner",
        Target::Tags => "tags",
        Target::Notes => "notes",
        Target::Importance => "importance",
        Target::ExternalId => "external_id",
        Target::PersonName => "person_name",
        Target::FirstName => "first_name",
        Target::LastName => "last_name",
        Target::JobTitle => "job_title",
        Target::Company => "company",
        Target::Email => "email",
        Target::Ignore => "ignore",
    }
}

/// A mapping's stored text: one target id per column, comma-separated.
pub fn encode_mapping(columns: &[Target]) -> String {
    let ids: Vec<&str> = columns.iter().map(|t| target_id(*t)).collect();
    format!("1:{}", ids.join(","))
}

/// A stored mapping back, if it is readable and has `columns` columns.
pub fn decode_mapping(text: &str, columns: usize) -> Option<Vec<Target>> {
    let body = text.strip_prefix("1:")?;
    let targets = body
        .split(',')
        .map(|id| Target::ALL.iter().copied().find(|t| target_id(*t) == id))
        .collect::<Option<Vec<Target>>>()?;
    (targets.len() == columns).then_some(targets)
}

/// The target whose label is `label` (the mapping step's `<select>` values).
pub fn target_from_label(label: &str) -> Option<Target> {
    Target::ALL.iter().copied().find(|t| t.label() == label)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Client, Id, Portfolio};
    use crate::storage::import::{read_table, suggest_mapping};
    use crate::storage::local::{encode_portfolio, load};

    fn table(csv: &str) -> Table {
        read_table(csv.as_bytes(), "x.csv", None).expect("a table")
    }

    #[test]
    fn columns_show_headers_and_first_non_empty_values() {
        let t = table("Firm,,Money\nAcme,,5\n,x,7\nGlobex,y,9\nInitech,z,1\n");
        let cols = columns_to_show(&t, 2);
        assert_eq!(cols.len(), 3);
        assert_eq!(cols[0].header, "Firm");
        assert_eq!(cols[0].samples, vec!["Acme", "Globex"]);
        assert_eq!(cols[1].header, "column B");
        assert_eq!(cols[2].samples, vec!["5", "7"]);
        assert_eq!(column_label("Firm"), "Column “Firm” becomes");
    }

    #[test]
    fn language_suggests_the_date_order() {
        assert_eq!(default_date_order("en-US"), DateOrder::MonthFirst);
        assert_eq!(default_date_order("en_us"), DateOrder::MonthFirst);
        assert_eq!(default_date_order("es-PR"), DateOrder::MonthFirst);
        assert_eq!(default_date_order("en-GB"), DateOrder::DayFirst);
        assert_eq!(default_date_order("de-DE"), DateOrder::DayFirst);
        assert_eq!(default_date_order("fr"), DateOrder::DayFirst);
        assert_eq!(default_date_order(""), DateOrder::DayFirst);
        assert_eq!(default_date_order("zh-Hant-TW"), DateOrder::DayFirst);
    }

    #[test]
    fn a_sample_reads_each_way_in_words() {
        let s = Sample {
            row: 2,
            text: "3/4/2027".into(),
            day_first: Date::from_ymd(2027, 4, 3).expect("day"),
            month_first: Date::from_ymd(2027, 3, 4).expect("day"),
        };
        assert_eq!(
            sample_reading(&s, DateOrder::DayFirst),
            "3/4/2027 → 3 April 2027"
        );
        assert_eq!(
            sample_reading(&s, DateOrder::MonthFirst),
            "3/4/2027 → 4 March 2027"
        );
    }

    #[test]
    fn mapping_text_round_trips_and_refuses_the_wrong_shape() {
        let cols = Target::ALL.to_vec();
        let text = encode_mapping(&cols);
        assert_eq!(decode_mapping(&text, cols.len()), Some(cols.clone()));
        assert_eq!(decode_mapping(&text, 3), None);
        assert_eq!(decode_mapping("1:client_name,nonsense", 2), None);
        assert_eq!(decode_mapping("garbage", 1), None);
        assert_eq!(decode_mapping("", 0), None);
        for t in Target::ALL {
            assert_eq!(target_from_label(t.label()), Some(t));
        }
    }

    #[test]
    fn same_header_row_same_key() {
        let a = table("Firm,Money\nA,1\n");
        let b = table("firm , money\nB,2\n");
        let c = table("Money,Firm\nB,2\n");
        assert_eq!(mapping_key(&a), mapping_key(&b));
        assert_ne!(mapping_key(&a), mapping_key(&c));
        assert!(mapping_key(&a).starts_with(MAPPING_PREFIX));
    }

    #[test]
    fn the_portfolio_loader_ignores_remembered_mappings() {
        let mut own = Portfolio::default();
        own.clients.push(Client::new(Id::new("mine"), "Mine"));
        let mut entries = encode_portfolio(&own);
        let before = load(&entries, "2026-03-01T00:00:00Z");
        let t = table("Firm,Money\nA,1\n");
        let m = suggest_mapping(&t);
        entries.push((mapping_key(&t), encode_mapping(&m.columns)));
        entries.push((format!("{MAPPING_PREFIX}odd"), "not a mapping".into()));
        let after = load(&entries, "2026-03-01T00:00:00Z");
        assert_eq!(after.portfolio, before.portfolio);
        assert!(after.quarantined.is_empty());
        assert!(after.newer.is_empty());
        assert_eq!(after.plan, before.plan);
    }

    #[test]
    fn a_mapping_problem_says_what_to_change() {
        let t = table("Firm,Boss,Lead\nA,B,C\n");
        let none = Mapping::new(vec![Target::Ignore; 3], None);
        let text = mapping_problem(&none, &t).expect("no name");
        assert!(text.contains("“Client name”"), "{text}");
        let twice = Mapping::new(vec![Target::ClientName, Target::Owner, Target::Owner], None);
        let text = mapping_problem(&twice, &t).expect("two owners");
        assert!(
            text.contains("column B (Boss) and column C (Lead)"),
            "{text}"
        );
        let fine = Mapping::new(
            vec![Target::ClientName, Target::Owner, Target::Ignore],
            None,
        );
        assert_eq!(mapping_problem(&fine, &t), None);
        let people = Mapping::new(
            vec![Target::JobTitle, Target::Company, Target::Ignore],
            None,
        );
        assert_eq!(
            mapping_problem(&people, &t).map(|s| s.contains("Client name")),
            Some(true)
        );
    }

    #[test]
    fn source_text_names_product_and_encoding() {
        let t = read_table(
            b"Record ID,Company name,Company owner\n1,A,B\n",
            "h.csv",
            None,
        )
        .expect("table");
        let m = suggest_mapping(&t);
        let text = source_text(&t.source, m.source.as_deref());
        assert!(text.contains("HubSpot companies"), "{text}");
        assert!(text.contains("UTF-8"), "{text}");
    }
}

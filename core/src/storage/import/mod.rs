//! Client lists from CRMs and spreadsheets: read, map, check, match.
//!
//! The flow, each step a pure function the UI calls in turn:
//!
//! 1. [`read_table`]: bytes (CSV, TSV, XLSX, XLS, ODS, in any of the usual
//!    encodings) to a [`Table`] of cells;
//! 2. [`suggest_mapping`]: what each column is, recognised from the header
//!    names HubSpot, Salesforce, Pipedrive, Zoho, Dynamics 365 and people
//!    write (in five languages); the user may change it, and the app may
//!    remember it by [`header_signature`];
//! 3. [`date_questions`]: the date columns whose day order only the user
//!    can tell, answered with [`DateAnswers`];
//! 4. [`build`]: every value checked, or every problem by row and column;
//! 5. [`plan`]: rows matched to the current clients, giving the portfolio
//!    for the merge preview (`storage::merge`) and a report.
//!
//! [`import_list`] runs all five without asking anything (errors instead).

pub mod build;
pub mod contacts;
pub mod dates;
pub mod decode;
pub mod headers;
pub mod mapping;
pub mod matching;
pub mod quick;
pub mod sheet;
pub mod table;
pub mod values;

pub use build::{build, date_questions, ClientRow, Rows};
pub use contacts::{suggest_role, PersonRow};
pub use dates::{excel_serial, DateAnswers, DateOrder, DateQuestion, Sample};
pub use decode::{decode, TextEncoding};
pub use mapping::{header_signature, suggest_mapping, Mapping, Target};
pub use matching::{name_key, plan, MatchedBy, PlanReport, RowOutcome};
pub use quick::{import_list, ListImport};
pub use table::{detect_kind, read_table, Cell, Kind, Row, Source, Table};
pub use values::{parse_amount, parse_importance, parse_margin, parse_tags};

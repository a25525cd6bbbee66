//! The edge between Continuum and the outside world: the versioned file
//! format, its migrations, import with preview and merge, CSV, and the
//! local-storage encoding. All of it is pure Rust, tested natively; the
//! browser edge (the web app's `src/edge/`) only moves strings in and out.
//!
//! Design:
//!
//! * **Files** ([`file`]): one pretty-printed, deterministic JSON document
//!   per portfolio, with an envelope (`format`, `version`, `owner`,
//!   `exported_at`), documented in `docs/file-format.md` and published as
//!   `schema/continuum-v1.schema.json`. Import parses into DTOs that are the
//!   format (separate from the domain records), then validates into domain
//!   types; every error names the JSON path or CSV row and what was expected.
//!   The version-1 DTOs are in `v1`, the typed reads that name JSON paths in
//!   `json`; both sit below `file`, `migrate` and `compact`, which share them.
//! * **Migrations** ([`migrate`]): every earlier version is read with its own
//!   DTOs and lifted to the current one; the tests keep a fixture of each.
//! * **Merge** ([`merge`]): preview (new, differing, identical), then merge
//!   by id or replace (with a backup), as pure functions returning a new
//!   portfolio, so an import is all or nothing.
//! * **Local storage** ([`compact`], [`local`]): one key per client plus an
//!   index key, so saving an edit writes one client; a compact encoding (a
//!   rich client in about 2 K) so 2,000 clients fit the browser's quota; a
//!   revision per client so a stale write from another tab is refused;
//!   start-up that sets unreadable keys aside (quarantine) instead of
//!   dropping them; backups before every replace and migration.
//! * **CSV** ([`csv`]): a client list from a spreadsheet in, the portfolio
//!   summary out.
//!
//! Nothing here reads a clock or generates ids: times and id generators are
//! parameters.

pub mod compact;
pub mod csv;
pub mod file;
pub mod ics;
pub mod import;
pub(crate) mod json;
pub mod local;
pub mod locked;
pub mod merge;
pub mod migrate;
pub mod problem;
pub mod team_files;
pub(crate) mod v1;
pub mod validate;

pub use compact::{decode_client, encode_client, stored_rev, DecodeError, Meta, StoredClient};
pub use file::{
    export_file_name, export_json, import_json, Imported, CURRENT_VERSION, FORMAT, MAX_FILE_BYTES,
};
pub use local::{check_write, load, Loaded, Plan, WriteCheck};
pub use merge::{merge, preview, replace, ImportPreview, MergeChoices, Side};
pub use problem::{ImportError, Problem};

//! The published file format (docs/file-format.md, schema/continuum-v1.schema.json):
//! export of a whole portfolio, and import with validation and migration.
//!
//! Import runs in stages, and a failure at any stage changes nothing:
//! size check → JSON syntax → envelope (`format`, `version`) → migration of
//! older versions → typed DTOs (serde, with the JSON path of the first type
//! error) → domain validation (every duplicate id, empty name, bad margin).
//!
//! The DTOs that are the format live in [`super::v1`]; the typed reads that
//! name JSON paths in [`super::json`].

use serde_json::Value;

use super::json::{parse, to_json};
use super::migrate;
use super::problem::{ImportError, Problem};
use super::v1::{ClientV1, FileV1};
use super::validate::{is_timestamp, validate_portfolio};
use crate::domain::{Client, Date, Portfolio};

pub use super::v1::{CURRENT_VERSION, FORMAT};

/// Larger files are refused before parsing, so a wrong file cannot freeze
/// the tab. 2,000 rich clients export to about 33 MB (pretty-printed).
pub const MAX_FILE_BYTES: usize = 40_000_000;

/// A file that passed every check, ready for preview.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub portfolio: Portfolio,
    /// When the file was written, as the envelope says (ISO 8601).
    pub exported_at: String,
    /// The file's own format version (smaller than [`CURRENT_VERSION`]
    /// when it was migrated on the way in).
    pub from_version: u64,
}

impl Imported {
    pub fn was_migrated(&self) -> bool {
        self.from_version < CURRENT_VERSION
    }
}

/// The whole portfolio as one pretty-printed, deterministic JSON document
/// (same portfolio and time, same bytes). `exported_at` is ISO 8601, passed
/// in because nothing here reads a clock.
pub fn export_json(portfolio: &Portfolio, exported_at: &str) -> String {
    let mut text = to_json(&FileV1::new(portfolio, exported_at), true);
    text.push('\n');
    text
}

/// The same document on one line, for backups kept in local storage (which
/// share the quota with the data).
pub fn export_json_compact(portfolio: &Portfolio, exported_at: &str) -> String {
    to_json(&FileV1::new(portfolio, exported_at), false)
}

/// `continuum-<owner>-<yyyy-mm-dd>.json`, with the owner's name reduced to
/// characters that are safe in a file name on every system.
pub fn export_file_name(owner: &str, date: Date) -> String {
    let mut slug = String::new();
    for c in owner.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            // Spaces, dots, slashes and other separators become one dash.
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_matches('-');
    if slug.is_empty() {
        format!("continuum-{date}.json")
    } else {
        format!("continuum-{slug}-{date}.json")
    }
}

/// Reads a Continuum file of any known version into a validated portfolio.
/// Never panics, whatever the bytes.
pub fn import_json(bytes: &[u8]) -> Result<Imported, ImportError> {
    let bytes = within_limit_without_bom(bytes)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ImportError::Empty);
    }
    // The common case, a current file without problems, is read straight
    // into the typed records: no intermediate tree and no path tracking
    // (about half of the import time of 2,000 clients). Anything else, every
    // error included, takes the way below, which names where the problem is.
    if let Ok(file) = serde_json::from_slice::<FileV1>(bytes) {
        let version = file.version;
        if file.format == FORMAT && (1..=CURRENT_VERSION).contains(&version) {
            return migrate::upgrade(file, version)?.into_imported(version);
        }
    }
    let value: Value = serde_json::from_slice(bytes).map_err(syntax_error)?;
    let version = envelope_version(&value)?;
    let file = match version {
        0 => migrate::v0_to_v1(value)?,
        _ => migrate::upgrade(parse::<FileV1>(value)?, version)?,
    };
    let imported = file.into_imported(version)?;
    Ok(imported)
}

/// The first check of every import: refuse oversized input before reading
/// it, and skip a UTF-8 byte order mark (Windows tools add one).
pub(crate) fn within_limit_without_bom(bytes: &[u8]) -> Result<&[u8], ImportError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    Ok(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
}

fn syntax_error(e: serde_json::Error) -> ImportError {
    match e.classify() {
        serde_json::error::Category::Eof => ImportError::Truncated {
            line: e.line(),
            column: e.column(),
        },
        _ => {
            // The message ends with its own "at line L column C"; we say that
            // in our own words.
            let text = e.to_string();
            let detail = text.split(" at line ").next().unwrap_or(&text).to_string();
            ImportError::NotJson {
                line: e.line(),
                column: e.column(),
                detail,
            }
        }
    }
}

/// Reads `format` and `version`; version 0 is the pre-release shape, which
/// had neither and is recognised by `"app": "continuum"`.
fn envelope_version(value: &Value) -> Result<u64, ImportError> {
    let Some(obj) = value.as_object() else {
        return Err(ImportError::NotContinuum { found: None });
    };
    match obj.get("format") {
        None if obj.get("app").and_then(Value::as_str) == Some(FORMAT)
            && !obj.contains_key("version") =>
        {
            return Ok(0)
        }
        None => return Err(ImportError::NotContinuum { found: None }),
        Some(Value::String(s)) if s == FORMAT => {}
        Some(Value::String(s)) => {
            return Err(ImportError::NotContinuum {
                found: Some(s.clone()),
            })
        }
        Some(other) => {
            return Err(ImportError::NotContinuum {
                found: Some(other.to_string()),
            })
        }
    }
    let bad_version = |found: String| {
        ImportError::invalid(vec![Problem::new(
            "version",
            format!("expected the format version, a whole number such as {CURRENT_VERSION}; found {found}"),
        )])
    };
    match obj.get("version") {
        None => Err(ImportError::invalid(vec![Problem::new(
            "version",
            "the field \"version\" is missing: every Continuum file says which format version it uses",
        )])),
        Some(v) => match v.as_u64() {
            Some(n) if n > CURRENT_VERSION => Err(ImportError::NewerVersion {
                version: n,
                supported: CURRENT_VERSION,
            }),
            Some(n) if n >= 1 => Ok(n),
            _ => Err(bad_version(v.to_string())),
        },
    }
}

impl FileV1 {
    fn new(portfolio: &Portfolio, exported_at: &str) -> FileV1 {
        FileV1 {
            format: FORMAT.to_string(),
            version: CURRENT_VERSION,
            owner: portfolio.owner.clone(),
            exported_at: exported_at.to_string(),
            clients: portfolio.clients.iter().map(ClientV1::from).collect(),
        }
    }

    fn into_imported(self, from_version: u64) -> Result<Imported, ImportError> {
        let mut problems = Vec::new();
        if !is_timestamp(&self.exported_at) {
            problems.push(Problem::new(
                "exported_at",
                format!(
                    "expected a time such as 2026-11-25T10:00:00Z, found {:?}",
                    self.exported_at
                ),
            ));
        }
        let portfolio = Portfolio {
            owner: self.owner,
            clients: self.clients.into_iter().map(Client::from).collect(),
        };
        problems.extend(validate_portfolio(&portfolio));
        if problems.is_empty() {
            Ok(Imported {
                portfolio,
                exported_at: self.exported_at,
                from_version,
            })
        } else {
            Err(ImportError::invalid(problems))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_dated() {
        let d = Date::from_ymd(2026, 11, 25).unwrap_or_else(|| unreachable!());
        assert_eq!(
            export_file_name("Dana Kim", d),
            "continuum-dana-kim-2026-11-25.json"
        );
        assert_eq!(
            export_file_name("../../etc/passwd", d),
            "continuum-etc-passwd-2026-11-25.json"
        );
        assert_eq!(
            export_file_name("<script>", d),
            "continuum-script-2026-11-25.json"
        );
        assert_eq!(export_file_name("  ", d), "continuum-2026-11-25.json");
        assert_eq!(
            export_file_name("Zoë Ångström", d),
            "continuum-zoë-ångström-2026-11-25.json"
        );
    }
}

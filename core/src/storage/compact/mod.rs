//! The compact local-storage encoding of one client, and of the index.
//!
//! Browsers give a site about 5 million UTF-16 code units of local storage,
//! and a salesperson may keep 2,000 clients, so one rich client must stay
//! around 2.5 K. The encoding is still JSON (so a broken record is visible
//! and can be handed to the user as text), but:
//!
//! * the client is an object with one- or two-letter keys, and every value
//!   that is empty or default is left out;
//! * stakeholders, issues, touchpoints, assessments and actions are arrays
//!   of positional fields, required fields first, trailing defaults cut;
//! * dates are day numbers (days since 1970-01-01), enums one letter;
//! * a touchpoint names the client's own stakeholders by their position in
//!   the list (older records hold ids, and still read);
//! * answers are one string in questionnaire order (`y`, `n`, `u`, `-` for
//!   open), with notes in a small object keyed by question position.
//!
//! Every record carries its own version (`v`) and revision (`r`), so each key
//! can be read, checked for staleness or set aside on its own.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::json::{parse, to_json};
use super::problem::ImportError;
use super::v1::{CURRENT_VERSION, FORMAT};
use crate::domain::{Client, Id};

mod codes;
mod decode;
mod encode;
mod row;
mod stamps;

use decode::client_from_compact;
use encode::client_to_compact;

/// Version of the local-storage encoding (kept in step with the file format).
pub const STORAGE_VERSION: u64 = CURRENT_VERSION;

/// One client as kept under its own key, with the revision that detects
/// writes from another tab.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredClient {
    pub rev: u64,
    pub client: Client,
}

/// The index record: who owns the portfolio and the order of the clients.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub format: String,
    pub version: u64,
    #[serde(default)]
    pub owner: String,
    /// Client ids in the user's order. A client key missing from this list is
    /// still loaded (appended), never dropped.
    #[serde(default)]
    pub order: Vec<Id>,
}

impl Meta {
    pub fn new(owner: &str, order: Vec<Id>) -> Meta {
        Meta {
            format: FORMAT.to_string(),
            version: STORAGE_VERSION,
            owner: owner.to_string(),
            order,
        }
    }
}

pub fn encode_meta(meta: &Meta) -> String {
    to_json(meta, false)
}

/// Reads the index record; the error says why, for the quarantine notice.
pub fn decode_meta(raw: &str) -> Result<Meta, String> {
    let value: Value =
        serde_json::from_slice(raw.as_bytes()).map_err(|e| format!("not valid JSON ({e})"))?;
    let meta: Meta = parse(value).map_err(|e| first_problem(&e))?;
    if meta.format != FORMAT {
        return Err(format!("format is {:?}, expected {FORMAT:?}", meta.format));
    }
    Ok(meta)
}

fn first_problem(e: &ImportError) -> String {
    e.problems()
        .first()
        .map(ToString::to_string)
        .unwrap_or_else(|| e.to_string())
}

/// The record under `continuum/v1/client/<id>`.
pub fn encode_client(stored: &StoredClient) -> String {
    encode_client_at(stored.rev, &stored.client)
}

/// [`encode_client`] of a client read in place: saving thousands of
/// clients at once (an import) need not copy each one first.
pub fn encode_client_at(rev: u64, client: &Client) -> String {
    let record = Record {
        v: STORAGE_VERSION,
        r: rev,
        c: client_to_compact(client),
    };
    to_json(&record, false)
}

/// Why a stored record cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Written by a newer version of Continuum: leave it alone.
    Newer(u64),
    /// Broken: set it aside (quarantine) with this reason.
    Broken(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Newer(v) => write!(
                f,
                "written by a newer version of Continuum (storage version {v})"
            ),
            DecodeError::Broken(reason) => f.write_str(reason),
        }
    }
}

pub fn decode_client(raw: &str) -> Result<StoredClient, DecodeError> {
    // A readable record is read straight from the text; only one that is not
    // is read again as a JSON value, to say why.
    let record: Record = match serde_json::from_slice(raw.as_bytes()) {
        Ok(record) => record,
        Err(_) => {
            let value: Value = serde_json::from_slice(raw.as_bytes())
                .map_err(|e| DecodeError::Broken(format!("not valid JSON ({e})")))?;
            if let Some(v) = value.get("v").and_then(Value::as_u64) {
                if v > STORAGE_VERSION {
                    return Err(DecodeError::Newer(v));
                }
            }
            parse(value).map_err(|e| DecodeError::Broken(first_problem(&e)))?
        }
    };
    if record.v > STORAGE_VERSION {
        return Err(DecodeError::Newer(record.v));
    }
    let client = client_from_compact(record.c).map_err(DecodeError::Broken)?;
    Ok(StoredClient {
        rev: record.r,
        client,
    })
}

/// The revision of a stored record without decoding the client, for the
/// stale-write check just before a save.
pub fn stored_rev(raw: &str) -> Option<u64> {
    #[derive(Deserialize)]
    struct RevOnly {
        r: u64,
    }
    serde_json::from_slice::<RevOnly>(raw.as_bytes())
        .ok()
        .map(|x| x.r)
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Record {
    v: u64,
    r: u64,
    c: CompactClient,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// The client: profile fields flattened, defaults left out.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompactClient {
    i: Id,
    n: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rv: Option<u64>,
    /// `"l"`, `"n"`, `"h"` or a percentage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    m: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ce: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    rs: Option<i64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    o: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    im: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    no: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    tg: Vec<String>,
    /// The CRM record id (since file format 2); absent in older records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    xi: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    s: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    u: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    t: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    a: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    x: Vec<Value>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    dp: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    tr: Option<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    lo: Option<i64>,
    #[serde(default, skip_serializing_if = "is_false")]
    ar: bool,
    /// When each part last changed (storage version 3; see `stamps.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    w: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::row::RowWriter;
    use super::*;

    #[test]
    fn rows_cut_trailing_defaults_only() {
        let row = RowWriter::default()
            .text("a")
            .text("")
            .flag(true)
            .opt_date(None)
            .text("")
            .finish();
        assert_eq!(row.to_string(), r#"["a","",1]"#);
    }

    #[test]
    fn touchpoints_name_stakeholders_by_position_and_old_ids_still_read() {
        let new = r#"{"v":3,"r":1,"c":{"i":"c1","n":"Acme","s":[["p1","Ann","dp"],["p2","Bo","dp"]],"t":[["t1",20000,"mb",1],["t2",20001,"mb",[0,"gone"]]]}}"#;
        let old = r#"{"v":1,"r":1,"c":{"i":"c1","n":"Acme","s":[["p1","Ann","dp"],["p2","Bo","dp"]],"t":[["t1",20000,"mb","p2"],["t2",20001,"mb",["p1","gone"]]]}}"#;
        let read = |raw: &str| decode_client(raw).map(|s| s.client);
        let (Ok(a), Ok(b)) = (read(new), read(old)) else {
            panic!("both records read");
        };
        assert_eq!(a, b);
        assert_eq!(a.touchpoints[1].with, vec![Id::new("p1"), Id::new("gone")]);
        let again = encode_client(&StoredClient { rev: 1, client: a });
        assert_eq!(again, new);
        let bad = new.replace("\"mb\",1]", "\"mb\",7]");
        // Version 2 adds the CRM record id; version 1 records lack it.
        let with_id = new.replace("\"n\":\"Acme\"", "\"n\":\"Acme\",\"xi\":\"0015\"");
        let read_id = decode_client(&with_id).map(|s| s.client.profile.external_id);
        assert_eq!(read_id, Ok(Some("0015".to_string())));
        assert!(matches!(decode_client(&bad), Err(DecodeError::Broken(_))));
    }

    #[test]
    fn unknown_codes_are_errors_not_panics() {
        let raw = r#"{"v":1,"r":3,"c":{"i":"c1","n":"Acme","s":[["s1","Ann","zp"]]}}"#;
        match decode_client(raw) {
            Err(DecodeError::Broken(msg)) => {
                assert!(msg.contains("unknown role and stance code \"z\""), "{msg}")
            }
            other => panic!("expected a broken record, got {other:?}"),
        }
    }
}

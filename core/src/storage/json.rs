//! Typed reads of JSON values that name the JSON path of the first error,
//! and the one JSON writer; shared by the file format, its migrations and
//! the local-storage encoding.

use serde::de::{self, DeserializeOwned};
use serde::Serialize;
use serde_json::Value;

use super::problem::{friendly_serde_message, ImportError, Problem};

/// Plain data with string keys always serialises; the only failure serde_json
/// knows for such values is an I/O error, and a `String` has none.
pub(crate) fn to_json<T: Serialize>(value: &T, pretty: bool) -> String {
    let result = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    result.expect("plain data with string keys always serialises to a String")
}

/// Typed parse of a JSON value; the error names the path of the first
/// mismatch (serde stops there). The value is written back to text so that
/// every typed read in the app goes through the one text reader (a second,
/// path-tracking reader over values cost about a tenth of the wasm); the
/// text has the value's own key order, so the first mismatch is the same.
pub(crate) fn parse<T: DeserializeOwned>(value: Value) -> Result<T, ImportError> {
    let text = value.to_string();
    serde_json::from_slice(text.as_bytes()).map_err(|e| typed_error(text.as_bytes(), &value, &e))
}

/// The problem of a typed read of `text` (valid JSON, the same as `value`)
/// that failed with `e`: the JSON path and, in our words, what was wrong.
pub(crate) fn typed_error(text: &[u8], value: &Value, e: &serde_json::Error) -> ImportError {
    // A data error is reported after the last byte read; a "syntax" error on
    // valid JSON (an enum given neither a string nor an object) at the
    // byte that did not fit.
    let peeked = e.classify() == serde_json::error::Category::Syntax;
    let path = json_path_at(text, e.line(), e.column(), peeked);
    let full = e.to_string();
    let message = if peeked {
        // Said the way the value reader says it.
        match path.iter().try_fold(value, |v, seg| match seg {
            Segment::Key(k) => v.get(k),
            Segment::Index(i) => v.get(i),
        }) {
            Some(Value::Object(_)) => {
                "invalid value: map, expected map with a single key".to_string()
            }
            Some(found) => format!(
                "invalid type: {}, expected string or map",
                unexpected(found)
            ),
            None => full,
        }
    } else {
        // serde_json ends its message with the position; the path says it better.
        match full.rsplit_once(" at line ") {
            Some((message, _)) if e.line() > 0 => message.to_string(),
            _ => full,
        }
    };
    ImportError::invalid(vec![Problem::new(
        path_text(&path),
        friendly_serde_message(&message),
    )])
}

fn unexpected(v: &Value) -> de::Unexpected<'_> {
    match v {
        Value::Null => de::Unexpected::Other("null"),
        Value::Bool(b) => de::Unexpected::Bool(*b),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => de::Unexpected::Unsigned(u),
            (None, Some(i)) => de::Unexpected::Signed(i),
            _ => de::Unexpected::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => de::Unexpected::Str(s),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Object(_) => de::Unexpected::Map,
    }
}

enum Segment {
    Key(String),
    Index(usize),
}

/// `clients[3].profile.name`
fn path_text(path: &[Segment]) -> String {
    let mut text = String::new();
    for segment in path {
        match segment {
            Segment::Key(key) => {
                if !text.is_empty() {
                    text.push('.');
                }
                text.push_str(key);
            }
            Segment::Index(i) => text.push_str(&format!("[{i}]")),
        }
    }
    text
}

/// The JSON path of the value being read at a reader position (1-based
/// line; column = bytes read on that line, so the byte at `column` is the
/// last one read, or the one peeked at when `peeked`). The reader stops
/// just after a bad scalar or object key, on the `}` of an object with a
/// missing field, or after the byte before a container of the wrong type.
fn json_path_at(text: &[u8], line: usize, column: usize, peeked: bool) -> Vec<Segment> {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let mut line_start = 0;
    for _ in 1..line {
        match text[line_start..].iter().position(|&b| b == b'\n') {
            Some(n) => line_start += n + 1,
            None => break,
        }
    }
    let end = (line_start + column).saturating_sub(1);
    let mut frames: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < text.len() && i <= end {
        match text[i] {
            b'{' | b'[' if i == end && peeked => break,
            b'{' => frames.push(Frame::Object(None)),
            b'[' => frames.push(Frame::Array(0)),
            b'}' | b']' if i == end => {
                // The object or list itself is the problem (a missing field).
                frames.pop();
                frames.push(Frame::Object(None));
                break;
            }
            b'}' | b']' => {
                frames.pop();
            }
            b',' => match frames.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(key)) => *key = None,
                None => {}
            },
            b'"' => {
                let start = i;
                i += 1;
                while i < text.len() && text[i] != b'"' {
                    i += if text[i] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object(key @ None)) = frames.last_mut() {
                    let raw = text.get(start..=i).unwrap_or_default();
                    *key = Some(serde_json::from_slice(raw).unwrap_or_default());
                }
            }
            _ => {}
        }
        i += 1;
    }
    frames
        .into_iter()
        .filter_map(|frame| match frame {
            Frame::Object(key) => key.map(Segment::Key),
            Frame::Array(i) => Some(Segment::Index(i)),
        })
        .collect()
}

#[cfg(test)]
mod path_tests {
    use super::*;
    use crate::storage::v1::FileV1;
    fn problem(json: &str) -> String {
        let value: Value = serde_json::from_str(json).unwrap();
        parse::<FileV1>(value).unwrap_err().problems()[0].to_string()
    }

    const HEAD: &str = r#""format":"continuum","version":1,"exported_at":"2026-11-25T10:00:00Z""#;

    #[test]
    fn type_errors_name_their_json_path() {
        let client = r#"{"id":"c1","profile":{"name":"A"}}"#;
        // A missing field names the object it is missing from.
        let p = problem(&format!(
            r#"{{{HEAD},"clients":[{client},{{"profile":{{"name":"B"}}}}]}}"#
        ));
        assert_eq!(p, r#"clients[1]: the field "id" is missing"#);
        // A bad element of a list names its position.
        let p = problem(&format!(
            r#"{{{HEAD},"clients":[{client},{{"id":"c2","profile":{{"name":"B"}},"dismissed_proposals":["a",[1]]}}]}}"#
        ));
        assert_eq!(
            p,
            "clients[1].dismissed_proposals[1]: expected a string, found a list"
        );
        // An unknown field names itself, after the keys with a dot or quote in them.
        let p = problem(&format!(
            r#"{{{HEAD},"clients":[{{"id":"c1","profile":{{"name":"A\"{{.","zz":1}}}}]}}"#
        ));
        assert!(
            p.starts_with(r#"clients[0].profile.zz: unknown field "zz""#),
            "{p}"
        );
        // An enum given null.
        let p = problem(&format!(
            r#"{{{HEAD},"clients":[{{"id":"c1","profile":{{"name":"A"}},"stakeholders":[{{"id":"s","name":"S","role":null}}]}}]}}"#
        ));
        assert!(
            p.starts_with("clients[0].stakeholders[0].role: expected "),
            "{p}"
        );
        assert!(p.ends_with("found null"), "{p}");
    }
}

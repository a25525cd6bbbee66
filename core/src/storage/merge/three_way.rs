//! Three-way merge of one client changed in two tabs: both sides' changes
//! against the version this tab started from, so edits to different parts
//! (answers, notes, people, issues, contacts, actions) are all kept and only
//! the same field changed differently on both sides is a conflict.
//!
//! The merge works on the client's file form (the version 2 transfer
//! records as JSON values), so every field the format has is covered
//! without a list to keep in step: objects merge key by key, lists of
//! records with an `id` merge record by record, lists of plain values
//! (tags, the people at a contact) merge as sets.

use std::str::FromStr;

use serde_json::{Map, Value};

use super::super::v1::ClientV1;
use crate::domain::engine::refresh;
use crate::domain::{Client, QuestionId};

/// One field both sides changed differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Where, in words: "Notes", "Question: Is the contract signed?", …
    pub field: String,
    /// The value as this tab had it, and as the other tab saved it, in words.
    pub mine: String,
    pub theirs: String,
}

/// What a three-way merge gives.
#[derive(Clone, Debug, PartialEq)]
pub struct Merged {
    /// Every change of both sides; on a conflict, the other tab's value.
    pub client: Client,
    /// The same, but on a conflict this tab's value: what "keep mine" gives.
    pub mine_kept: Client,
    pub conflicts: Vec<Conflict>,
}

/// Merges `ours` and `theirs`, both changed from `base`.
pub fn merge_three_way(base: &Client, ours: &Client, theirs: &Client) -> Merged {
    let [b, o, t] = [base, ours, theirs].map(to_value);
    let mut conflicts = Vec::new();
    let merged = merge(
        Some(&b),
        Some(&o),
        Some(&t),
        &mut Vec::new(),
        &mut conflicts,
        false,
    );
    let mine_kept = merge(
        Some(&b),
        Some(&o),
        Some(&t),
        &mut Vec::new(),
        &mut Vec::new(),
        true,
    );
    Merged {
        client: with_verdicts(from_value(merged), [ours, theirs]).unwrap_or_else(|| theirs.clone()),
        mine_kept: with_verdicts(from_value(mine_kept), [ours, theirs])
            .unwrap_or_else(|| ours.clone()),
        conflicts,
    }
}

/// A check-up whose answers came from both sides gets its verdict again
/// from the engine: the stored verdict is derived, never a conflict.
fn with_verdicts(merged: Option<Client>, sides: [&Client; 2]) -> Option<Client> {
    let mut client = merged?;
    for a in &mut client.assessments {
        let same = sides.iter().any(|side| {
            side.assessments
                .iter()
                .any(|t| t.id == a.id && t.answers == a.answers)
        });
        if !same {
            refresh(a);
        }
    }
    Some(client)
}

fn to_value(c: &Client) -> Value {
    serde_json::to_value(ClientV1::from(c)).unwrap_or(Value::Null)
}

/// Back from the file form; `None` only if the merge made something the
/// format cannot read (it never should: every piece comes from one side).
fn from_value(v: Option<Value>) -> Option<Client> {
    let v1: ClientV1 = serde_json::from_value(v?).ok()?;
    Some(Client::from(v1))
}

fn merge(
    base: Option<&Value>,
    ours: Option<&Value>,
    theirs: Option<&Value>,
    path: &mut Vec<String>,
    conflicts: &mut Vec<Conflict>,
    prefer_ours: bool,
) -> Option<Value> {
    if ours == theirs || theirs == base {
        return ours.cloned();
    }
    if ours == base {
        return theirs.cloned();
    }
    match (ours, theirs) {
        (Some(Value::Object(o)), Some(Value::Object(t))) => {
            let b = base.and_then(Value::as_object);
            Some(Value::Object(merge_objects(
                b,
                o,
                t,
                path,
                conflicts,
                prefer_ours,
            )))
        }
        (Some(Value::Array(o)), Some(Value::Array(t))) if is_keyed(o) && is_keyed(t) => {
            let b = base.and_then(Value::as_array).filter(|b| is_keyed(b));
            Some(Value::Array(merge_keyed(
                b,
                o,
                t,
                path,
                conflicts,
                prefer_ours,
            )))
        }
        (Some(Value::Array(o)), Some(Value::Array(t))) if is_plain(o) && is_plain(t) => {
            let empty = Vec::new();
            let b = base.and_then(Value::as_array).unwrap_or(&empty);
            Some(Value::Array(merge_sets(b, o, t)))
        }
        // When a part last changed: both tabs changed it, so the later time.
        (Some(Value::String(o)), Some(Value::String(t)))
            if path.last().map(String::as_str) == Some("changed_at") =>
        {
            Some(Value::String(o.max(t).clone()))
        }
        // Derived from the answers: recomputed after the merge.
        _ if path.len() == 3 && path[0] == "assessments" && path[2] == "verdict" => theirs.cloned(),
        _ => {
            conflicts.push(Conflict {
                field: describe(path),
                mine: words(ours),
                theirs: words(theirs),
            });
            if prefer_ours {
                ours.cloned()
            } else {
                theirs.cloned()
            }
        }
    }
}

fn merge_objects(
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
    path: &mut Vec<String>,
    conflicts: &mut Vec<Conflict>,
    prefer_ours: bool,
) -> Map<String, Value> {
    let mut keys: Vec<&String> = theirs.keys().collect();
    keys.extend(ours.keys().filter(|k| !theirs.contains_key(*k)));
    let mut out = Map::new();
    for key in keys {
        path.push(key.clone());
        let b = base.and_then(|b| b.get(key));
        if let Some(v) = merge(
            b,
            ours.get(key),
            theirs.get(key),
            path,
            conflicts,
            prefer_ours,
        ) {
            out.insert(key.clone(), v);
        }
        path.pop();
    }
    out
}

fn id_of(v: &Value) -> Option<&str> {
    v.get("id")?.as_str()
}

/// A list of records, each with a string `id`.
fn is_keyed(list: &[Value]) -> bool {
    list.iter().all(|v| id_of(v).is_some())
}

fn is_plain(list: &[Value]) -> bool {
    list.iter().all(|v| !v.is_object() && !v.is_array())
}

fn merge_keyed(
    base: Option<&Vec<Value>>,
    ours: &[Value],
    theirs: &[Value],
    path: &mut Vec<String>,
    conflicts: &mut Vec<Conflict>,
    prefer_ours: bool,
) -> Vec<Value> {
    let find = |list: &'_ [Value], id: &str| list.iter().find(|v| id_of(v) == Some(id)).cloned();
    let empty = Vec::new();
    let base = base.unwrap_or(&empty);
    let mut ids: Vec<&str> = theirs.iter().filter_map(id_of).collect();
    ids.extend(
        ours.iter()
            .filter_map(id_of)
            .filter(|id| find(theirs, id).is_none()),
    );
    let mut out = Vec::new();
    for id in ids {
        let (b, o, t) = (find(base, id), find(ours, id), find(theirs, id));
        path.push(id.to_string());
        if let Some(v) = merge(
            b.as_ref(),
            o.as_ref(),
            t.as_ref(),
            path,
            conflicts,
            prefer_ours,
        ) {
            out.push(v);
        }
        path.pop();
    }
    out
}

/// Theirs, plus what ours added, minus what ours removed.
fn merge_sets(base: &[Value], ours: &[Value], theirs: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = theirs
        .iter()
        .filter(|v| ours.contains(v) || !base.contains(v))
        .cloned()
        .collect();
    for v in ours {
        if !base.contains(v) && !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

/// A path in the file form, in words a salesperson knows.
fn describe(path: &[String]) -> String {
    let field = |name: &str| {
        let mut words = name.replace('_', " ");
        if let Some(first) = words.get(0..1) {
            words.replace_range(0..1, &first.to_uppercase());
        }
        words
    };
    match path {
        [p, name, ..] if p == "profile" => field(name),
        [a, _, answers, q, rest @ ..] if a == "assessments" && answers == "answers" => {
            let question = QuestionId::from_str(q)
                .map(|q| q.question().text.to_string())
                .unwrap_or_else(|_| q.clone());
            match rest.first().map(String::as_str) {
                Some("note") => format!("Note on the question “{question}”"),
                _ => format!("Answer to “{question}”"),
            }
        }
        [list, _, name, ..] => format!("{} ({})", field(list), field(name).to_lowercase()),
        [name] => field(name),
        _ => "The client".to_string(),
    }
}

fn words(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "(empty)".to_string(),
        Some(Value::String(s)) if s.is_empty() => "(empty)".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

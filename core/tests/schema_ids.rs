#![cfg(not(target_arch = "wasm32"))]
//! The published JSON Schema spells every vocabulary exactly as the code's
//! one id table does: a drift on either side fails here.

use continuum_core::domain::{
    Answer, Category, Channel, Importance, IssueStatus, MarginLevel, QuestionId, Role, Severity,
    Stance, TouchpointKind, TriageOutcome,
};
use serde_json::Value;

fn schema() -> Value {
    let path = format!(
        "{}/schema/continuum-v1.schema.json",
        concat!(env!("CARGO_MANIFEST_DIR"), "/..")
    );
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `enum` list at a JSON pointer into the schema.
fn schema_enum(schema: &Value, pointer: &str) -> Vec<String> {
    let list = schema
        .pointer(&format!("{pointer}/enum"))
        .and_then(Value::as_array)
        .unwrap_or_else(|| panic!("the schema has no enum list at {pointer}"));
    list.iter()
        .map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("{pointer}: {v} is not a string"))
                .to_string()
        })
        .collect()
}

fn ids<T>(table: &[(T, &'static str)]) -> Vec<String> {
    table.iter().map(|(_, id)| id.to_string()).collect()
}

#[test]
fn every_schema_enum_is_the_code_table() {
    let s = schema();
    let checks: [(&str, Vec<String>); 12] = [
        ("/$defs/category", ids(&Category::IDS)),
        (
            "/$defs/question_id",
            QuestionId::ALL
                .iter()
                .map(|q| q.as_str().to_string())
                .collect(),
        ),
        (
            "/$defs/profile/properties/margin/oneOf/0",
            ids(&MarginLevel::IDS),
        ),
        (
            "/$defs/profile/properties/importance",
            ids(&Importance::IDS),
        ),
        ("/$defs/stakeholder/properties/role", ids(&Role::IDS)),
        ("/$defs/stakeholder/properties/stance", ids(&Stance::IDS)),
        ("/$defs/issue/properties/severity", ids(&Severity::IDS)),
        ("/$defs/issue/properties/status", ids(&IssueStatus::IDS)),
        ("/$defs/touchpoint/properties/channel", ids(&Channel::IDS)),
        (
            "/$defs/touchpoint/properties/kind",
            ids(&TouchpointKind::IDS),
        ),
        (
            "/$defs/assessment/properties/answers/additionalProperties/properties/answer",
            ids(&Answer::IDS),
        ),
        ("/$defs/triage/properties/outcome", ids(&TriageOutcome::IDS)),
    ];
    for (pointer, code) in checks {
        assert_eq!(schema_enum(&s, pointer), code, "schema {pointer}");
    }
}

#[test]
fn every_id_reads_back_and_is_the_serde_name() {
    fn check<T>(table: &[(T, &'static str)], id: fn(T) -> &'static str, from: fn(&str) -> Option<T>)
    where
        T: Copy + PartialEq + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
    {
        for &(value, name) in table {
            assert_eq!(id(value), name);
            assert_eq!(from(name), Some(value));
            let json = serde_json::to_string(&value).unwrap_or_default();
            assert_eq!(json, format!("{name:?}"));
            let back: Option<T> = serde_json::from_str(&json).ok();
            assert_eq!(back, Some(value));
        }
    }
    check(&Category::IDS, Category::id, Category::from_id);
    check(&Answer::IDS, Answer::id, Answer::from_id);
    check(&MarginLevel::IDS, MarginLevel::id, MarginLevel::from_id);
    check(&Importance::IDS, Importance::id, Importance::from_id);
    check(&Role::IDS, Role::id, Role::from_id);
    check(&Stance::IDS, Stance::id, Stance::from_id);
    check(&Severity::IDS, Severity::id, Severity::from_id);
    check(&IssueStatus::IDS, IssueStatus::id, IssueStatus::from_id);
    check(&Channel::IDS, Channel::id, Channel::from_id);
    check(
        &TouchpointKind::IDS,
        TouchpointKind::id,
        TouchpointKind::from_id,
    );
    check(
        &TriageOutcome::IDS,
        TriageOutcome::id,
        TriageOutcome::from_id,
    );
}

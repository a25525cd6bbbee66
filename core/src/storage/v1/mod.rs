//! The version-1 DTOs: their field names, order and optionality are the
//! file format (docs/file-format.md). They are separate from the domain
//! records so the format only changes on purpose, with a version bump and a
//! migration; the leaf vocabularies (dates, question ids, categories, roles…)
//! are the domain's own ids, which METHOD.md fixes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::{
    Answer, Category, Channel, Date, Id, Importance, IssueStatus, QuestionId, Role, Severity,
    Stamp, Stance, TouchpointKind, TriageOutcome,
};

mod convert;
mod margin;

pub(crate) use margin::MarginV1;

/// The value of `format` in every Continuum file.
pub const FORMAT: &str = "continuum";
/// The file format version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 3;

// Version 2 is version 1 plus `profile.external_id`, and version 3 adds
// `changed_at` to the client and each record, so the same DTOs read all
// three; `migrate::upgrade` refuses a field in a file whose version
// predates it.

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct FileV1 {
    pub format: String,
    pub version: u64,
    #[serde(default)]
    pub owner: String,
    pub exported_at: String,
    #[serde(default)]
    pub clients: Vec<ClientV1>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ClientV1 {
    pub id: Id,
    pub profile: ProfileV1,
    #[serde(default)]
    pub stakeholders: Vec<StakeholderV1>,
    #[serde(default)]
    pub issues: Vec<IssueV1>,
    #[serde(default)]
    pub touchpoints: Vec<TouchpointV1>,
    #[serde(default)]
    pub assessments: Vec<AssessmentV1>,
    #[serde(default)]
    pub actions: Vec<ActionV1>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed_proposals: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub triage: Option<TriageV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_on: Option<Date>,
    #[serde(default)]
    pub archived: bool,
    /// Version 3: when this was last changed (for merging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<Stamp>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ProfileV1 {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_revenue: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<MarginV1>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract_end: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relationship_start: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub importance: Option<Importance>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Version 2: the client's record id in the CRM it was imported from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StakeholderV1 {
    pub id: Id,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    pub role: Role,
    #[serde(default)]
    pub senior: bool,
    pub stance: Stance,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rival_preference: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feedback_on: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_contact: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Issue 16: when the person was last confirmed still in their role.
    /// Optional, so files written before it keep opening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub still_in_role_on: Option<Date>,
    /// Version 3: when this was last changed (for merging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<Stamp>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IssueV1 {
    pub id: Id,
    pub title: String,
    pub opened_on: Date,
    pub severity: Severity,
    pub status: IssueStatus,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolved_on: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Version 3: when this was last changed (for merging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<Stamp>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TouchpointV1 {
    pub id: Id,
    pub date: Date,
    pub channel: Channel,
    pub kind: TouchpointKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub with: Vec<Id>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Version 3: when this was last changed (for merging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<Stamp>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AssessmentV1 {
    pub id: Id,
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gut: Option<Category>,
    /// Keyed by METHOD.md's question ids; a `BTreeMap` over `QuestionId`
    /// writes them in questionnaire order.
    #[serde(default)]
    pub answers: BTreeMap<QuestionId, AnswerV1>,
    pub verdict: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#override: Option<OverrideV1>,
    /// Version 3: when this was last changed (for merging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<Stamp>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct AnswerV1 {
    pub answer: Answer,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct OverrideV1 {
    pub category: Category,
    pub reason: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActionV1 {
    pub id: Id,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    #[serde(default)]
    pub done: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposal: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Version 3: when this was last changed (for merging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<Stamp>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TriageV1 {
    pub decided_on: Date,
    pub outcome: TriageOutcome,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub loss_reasons: String,
}

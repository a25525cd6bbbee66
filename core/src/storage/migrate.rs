//! Migrations from every earlier file version to the current one.
//!
//! Version 0 is the pre-release shape (docs/file-format.md, "Version 0"): no
//! `format`/`version` envelope but `"app": "continuum"`, "accounts" with
//! "contacts", "problems", "checkups" and "todo", answers as a flat object of
//! `"yes"`/`"no"`/`"unsure"` strings with notes in a separate object, and a
//! four-step stance scale. No touchpoints existed yet.
//!
//! A migration reads the old shape with its own DTOs (so errors name paths
//! in the old file) and produces the next version's DTOs; validation then
//! runs once, on the current shape.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::json::parse;
use super::problem::{ImportError, Problem};
use super::v1::{
    ActionV1, AnswerV1, AssessmentV1, ClientV1, FileV1, IssueV1, MarginV1, ProfileV1,
    StakeholderV1, CURRENT_VERSION, FORMAT,
};
use crate::domain::{
    Answer, Category, Date, Id, IssueStatus, Margin, MarginLevel, QuestionId, Role, Severity,
    Stance,
};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileV0 {
    #[allow(dead_code)]
    app: String,
    /// The day the file was saved (no time of day in version 0).
    saved: Date,
    #[serde(default)]
    salesperson: String,
    #[serde(default)]
    accounts: Vec<AccountV0>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AccountV0 {
    id: Id,
    name: String,
    #[serde(default)]
    revenue: Option<u64>,
    /// Only levels existed: "low", "normal", "high".
    #[serde(default)]
    margin: Option<String>,
    #[serde(default)]
    renewal: Option<Date>,
    #[serde(default)]
    notes: String,
    /// One comma-separated string.
    #[serde(default)]
    tags: String,
    #[serde(default)]
    contacts: Vec<ContactV0>,
    #[serde(default)]
    problems: Vec<ProblemV0>,
    #[serde(default)]
    checkups: Vec<CheckupV0>,
    #[serde(default)]
    todo: Vec<TodoV0>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContactV0 {
    id: Id,
    name: String,
    #[serde(default)]
    title: String,
    /// "decision_maker", "influencer", "user" or "sponsor".
    role: String,
    /// "positive", "neutral", "negative" or "hostile".
    stance: String,
    #[serde(default)]
    senior: bool,
    #[serde(default)]
    last_contact: Option<Date>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProblemV0 {
    id: Id,
    title: String,
    opened: Date,
    #[serde(default)]
    serious: bool,
    /// The day it was solved; absent while open.
    #[serde(default)]
    solved: Option<Date>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckupV0 {
    id: Id,
    date: Date,
    #[serde(default)]
    answers: BTreeMap<QuestionId, Answer>,
    #[serde(default)]
    notes: BTreeMap<QuestionId, String>,
    result: Category,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TodoV0 {
    id: Id,
    title: String,
    #[serde(default)]
    due: Option<Date>,
    #[serde(default)]
    done: bool,
}

/// Reads a version 0 file and lifts it to version 1.
pub(crate) fn v0_to_v1(value: Value) -> Result<FileV1, ImportError> {
    let old: FileV0 = parse(value)?;
    let mut problems = Vec::new();
    let clients = old
        .accounts
        .into_iter()
        .enumerate()
        .map(|(i, a)| account(a, &format!("accounts[{i}]"), &mut problems))
        .collect();
    if !problems.is_empty() {
        return Err(ImportError::invalid(problems));
    }
    Ok(FileV1 {
        format: FORMAT.to_string(),
        version: CURRENT_VERSION,
        owner: old.salesperson,
        exported_at: format!("{}T00:00:00Z", old.saved),
        clients,
    })
}

/// Lifts a version 1 or 2 file to the current version. The shapes differ
/// only by optional fields: `profile.external_id` (version 2) and
/// `changed_at` on clients and records (version 3). An app that wrote the
/// older version would refuse those as unknown fields, so this one does too
/// rather than read a file no released version wrote.
pub(crate) fn upgrade(mut file: FileV1, version: u64) -> Result<FileV1, ImportError> {
    let mut problems = Vec::new();
    let mut too_new = |at: String, field: &str, since: u64| {
        problems.push(Problem::new(
            at,
            format!(
                "unknown field \"{field}\" (it exists from format version {since}; \
                 this file says version {version})"
            ),
        ));
    };
    for (i, c) in file.clients.iter().enumerate() {
        let at = format!("clients[{i}]");
        if version < 2 && c.profile.external_id.is_some() {
            too_new(format!("{at}.profile"), "external_id", 2);
        }
        if version >= 3 {
            continue;
        }
        let times = |list: Vec<bool>| list.into_iter().enumerate().filter(|(_, t)| *t);
        let lists = [
            (
                "stakeholders",
                c.stakeholders
                    .iter()
                    .map(|x| x.changed_at.is_some())
                    .collect(),
            ),
            (
                "issues",
                c.issues.iter().map(|x| x.changed_at.is_some()).collect(),
            ),
            (
                "touchpoints",
                c.touchpoints
                    .iter()
                    .map(|x| x.changed_at.is_some())
                    .collect(),
            ),
            (
                "assessments",
                c.assessments
                    .iter()
                    .map(|x| x.changed_at.is_some())
                    .collect(),
            ),
            (
                "actions",
                c.actions.iter().map(|x| x.changed_at.is_some()).collect(),
            ),
        ];
        let mut places: Vec<String> = c.changed_at.iter().map(|_| at.clone()).collect();
        for (name, list) in lists {
            places.extend(times(list).map(|(j, _)| format!("{at}.{name}[{j}]")));
        }
        for place in places {
            too_new(place, "changed_at", 3);
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::invalid(problems));
    }
    file.version = CURRENT_VERSION;
    Ok(file)
}

fn account(a: AccountV0, at: &str, problems: &mut Vec<Problem>) -> ClientV1 {
    let margin = a.margin.as_deref().and_then(|m| {
        let level = MarginLevel::from_id(m);
        if level.is_none() {
            problems.push(Problem::new(
                format!("{at}.margin"),
                format!("expected \"low\", \"normal\" or \"high\", found {m:?}"),
            ));
        }
        level.map(|l| MarginV1(Margin::Level(l)))
    });
    let stakeholders = a
        .contacts
        .into_iter()
        .enumerate()
        .map(|(j, c)| {
            let here = format!("{at}.contacts[{j}]");
            StakeholderV1 {
                id: c.id,
                name: c.name,
                title: c.title,
                role: role_v0(&c.role, &here, problems),
                senior: c.senior,
                stance: stance_v0(&c.stance, &here, problems),
                rival_preference: String::new(),
                feedback_on: None,
                last_contact: c.last_contact,
                notes: String::new(),
                still_in_role_on: None,
                changed_at: None,
            }
        })
        .collect();
    let issues = a
        .problems
        .into_iter()
        .map(|p| IssueV1 {
            id: p.id,
            title: p.title,
            opened_on: p.opened,
            severity: if p.serious {
                Severity::Serious
            } else {
                Severity::Minor
            },
            status: if p.solved.is_some() {
                IssueStatus::Resolved
            } else {
                IssueStatus::Open
            },
            owner: String::new(),
            resolved_on: p.solved,
            notes: String::new(),
            changed_at: None,
        })
        .collect();
    let assessments = a
        .checkups
        .into_iter()
        .map(|mut c| AssessmentV1 {
            id: c.id,
            date: c.date,
            gut: None,
            // A note without an answer had nowhere to go in version 0's UI;
            // such notes are dropped with their (absent) answer.
            answers: crate::domain::sorting::map_from(c.answers.into_iter().map(|(q, answer)| {
                let note = c.notes.remove(&q).unwrap_or_default();
                (q, AnswerV1 { answer, note })
            })),
            verdict: c.result,
            r#override: None,
            changed_at: None,
        })
        .collect();
    let actions = a
        .todo
        .into_iter()
        .map(|t| ActionV1 {
            id: t.id,
            title: t.title,
            due: t.due,
            owner: String::new(),
            done: t.done,
            proposal: None,
            notes: String::new(),
            changed_at: None,
        })
        .collect();
    ClientV1 {
        id: a.id,
        profile: ProfileV1 {
            name: a.name,
            annual_revenue: a.revenue,
            margin,
            contract_end: a.renewal,
            notes: a.notes,
            tags: a
                .tags
                .split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(String::from)
                .collect(),
            ..ProfileV1::default()
        },
        stakeholders,
        issues,
        touchpoints: Vec::new(),
        assessments,
        actions,
        dismissed_proposals: Vec::new(),
        triage: None,
        lost_on: None,
        archived: false,
        changed_at: None,
    }
}

fn role_v0(s: &str, at: &str, problems: &mut Vec<Problem>) -> Role {
    match s {
        "decision_maker" => Role::DecisionMaker,
        "influencer" => Role::Influencer,
        "user" => Role::EndUser,
        "sponsor" => Role::Sponsor,
        _ => {
            problems.push(Problem::new(
                format!("{at}.role"),
                format!("expected one of: decision_maker, influencer, user, sponsor; found {s:?}"),
            ));
            Role::Influencer
        }
    }
}

/// Version 0 had four stances; "positive" becomes a supporter (not a
/// promoter: promoting us was never recorded).
fn stance_v0(s: &str, at: &str, problems: &mut Vec<Problem>) -> Stance {
    match s {
        "positive" => Stance::Supporter,
        "neutral" => Stance::Neutral,
        "negative" => Stance::Dissatisfied,
        "hostile" => Stance::Opposed,
        _ => {
            problems.push(Problem::new(
                format!("{at}.stance"),
                format!("expected one of: positive, neutral, negative, hostile; found {s:?}"),
            ));
            Stance::Neutral
        }
    }
}

#![cfg(not(target_arch = "wasm32"))]
//! The file format: export, import, migrations, the published schema, and
//! one specific message per malformed input.

mod storage_support;

use continuum_core::domain::*;
use continuum_core::storage::file::{export_file_name, export_json, import_json, MAX_FILE_BYTES};
use continuum_core::storage::local::encode_portfolio;
use continuum_core::storage::{merge, preview, ImportError, MergeChoices};
use proptest::prelude::*;
use storage_support::*;

/// The schema of the version this build writes.
fn schema() -> jsonschema::Validator {
    schema_of(3)
}

fn schema_of(version: u64) -> jsonschema::Validator {
    let path = format!(
        "{}/schema/continuum-v{version}.schema.json",
        concat!(env!("CARGO_MANIFEST_DIR"), "/..")
    );
    let text = std::fs::read_to_string(path).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn assert_schema_valid(validator: &jsonschema::Validator, json: &str) {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "schema errors: {errors:#?}");
}

#[test]
fn v1_fixture_imports_and_reexports_as_v3() {
    let bytes = fixture("v1-portfolio.json");
    assert_schema_valid(&schema_of(1), std::str::from_utf8(&bytes).unwrap());
    let imported = import_json(&bytes).unwrap();
    assert_eq!(imported.from_version, 1);
    assert!(imported.was_migrated());
    assert_eq!(imported.exported_at, "2026-11-25T10:00:00Z");
    let p = &imported.portfolio;
    assert_eq!(p.owner, "Dana Kim");
    assert_eq!(p.clients.len(), 2);
    let nw = &p.clients[0];
    assert_eq!(nw.profile.margin, Some(Margin::Percent(22.5)));
    assert_eq!(nw.stakeholders[0].stance, Stance::Dissatisfied);
    let a = &nw.assessments[0];
    assert_eq!(a.answer(QuestionId::SDissent), Some(Answer::Yes));
    assert_eq!(
        a.answers[&QuestionId::SDissent].note,
        "Maria is unhappy about the delays."
    );
    assert_eq!(
        a.r#override.as_ref().map(|o| o.category),
        Some(Category::AtRisk)
    );
    assert_eq!(
        p.clients[1].triage.as_ref().map(|t| t.outcome),
        Some(TriageOutcome::LetGoWell)
    );
    assert!(p.clients.iter().all(|c| c.profile.external_id.is_none()));
    // Written exactly as Continuum writes, except the version it now writes.
    let again = export_json(p, &imported.exported_at);
    let expected =
        String::from_utf8(bytes)
            .unwrap()
            .replacen("\"version\": 1,", "\"version\": 3,", 1);
    assert_eq!(again, expected);
    assert_schema_valid(&schema(), &again);
}

#[test]
fn v2_fixture_imports_and_reexports_as_v3() {
    let bytes = fixture("v2-portfolio.json");
    assert_schema_valid(&schema_of(2), std::str::from_utf8(&bytes).unwrap());
    let imported = import_json(&bytes).unwrap();
    assert_eq!(imported.from_version, 2);
    assert!(imported.was_migrated());
    let p = &imported.portfolio;
    assert_eq!(
        p.clients[0].profile.external_id.as_deref(),
        Some("0015e00000AbCdEfGH")
    );
    assert_eq!(p.clients[1].profile.external_id, None);
    // Nothing changes but the version: no record has a time yet.
    let again = export_json(p, &imported.exported_at);
    let expected =
        String::from_utf8(bytes.clone())
            .unwrap()
            .replacen("\"version\": 2,", "\"version\": 3,", 1);
    assert_eq!(again, expected);
    assert_schema_valid(&schema(), &again);
    // Version 1 has no record id: a file saying 1 with one is refused, as
    // the version 1 app would refuse it.
    let mislabelled =
        String::from_utf8(bytes)
            .unwrap()
            .replacen("\"version\": 2,", "\"version\": 1,", 1);
    let err = import_json(mislabelled.as_bytes()).unwrap_err();
    assert_eq!(err.problems()[0].path, "clients[0].profile");
    assert!(err.problems()[0].message.contains("external_id"));
    assert!(!schema_of(1).is_valid(&serde_json::from_str(&mislabelled).unwrap()));
}

#[test]
fn v0_fixture_migrates_to_v1() {
    let imported = import_json(&fixture("v0-portfolio.json")).unwrap();
    assert_eq!(imported.from_version, 0);
    assert!(imported.was_migrated());
    assert_eq!(imported.exported_at, "2026-02-14T00:00:00Z");
    let p = &imported.portfolio;
    assert_eq!(p.owner, "Dana Kim");
    let nw = &p.clients[0];
    assert_eq!(nw.profile.name, "Northwind Logistics");
    assert_eq!(nw.profile.annual_revenue, Some(450_000));
    assert_eq!(nw.profile.margin, Some(Margin::Level(MarginLevel::Normal)));
    assert_eq!(nw.profile.contract_end, Some(date("2027-06-30")));
    assert_eq!(nw.profile.tags, vec!["logistics", "key"]);
    assert_eq!(nw.stakeholders[0].stance, Stance::Dissatisfied);
    assert!(nw.stakeholders[0].senior);
    assert_eq!(nw.stakeholders[1].role, Role::EndUser);
    assert_eq!(nw.stakeholders[1].stance, Stance::Supporter);
    assert_eq!(nw.issues[0].status, IssueStatus::Resolved);
    assert_eq!(nw.issues[0].resolved_on, Some(date("2025-12-01")));
    assert_eq!(nw.issues[1].severity, Severity::Serious);
    assert!(nw.issues[1].is_open());
    let a = &nw.assessments[0];
    assert_eq!(a.verdict, Category::AtRisk);
    assert_eq!(a.answer(QuestionId::RSeriousIssues), Some(Answer::Unsure));
    assert_eq!(
        a.answers[&QuestionId::SDissent].note,
        "Maria complained twice."
    );
    assert!(nw.actions[0].done);
    assert_eq!(p.clients[1].stakeholders[0].stance, Stance::Opposed);
    // The migrated portfolio exports as a valid version 1 file.
    let v1 = export_json(p, &imported.exported_at);
    assert_schema_valid(&schema(), &v1);
    assert_eq!(import_json(v1.as_bytes()).unwrap().portfolio, *p);
}

#[test]
fn v0_errors_name_the_path_in_the_old_file() {
    let text = String::from_utf8(fixture("v0-portfolio.json"))
        .unwrap()
        .replace("\"stance\": \"hostile\"", "\"stance\": \"grumpy\"");
    let err = import_json(text.as_bytes()).unwrap_err();
    assert_eq!(err.problems()[0].path, "accounts[1].contacts[0].stance");
    assert!(err.problems()[0].message.contains("found \"grumpy\""));
}

/// Every malformed input gets its own message, and the stored data is
/// unchanged (an import only ever produces a value the caller may apply).
#[test]
fn each_malformed_input_has_its_own_message() {
    let current = rich_portfolio(3);
    let storage_before = encode_portfolio(&current);

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            fixture("malformed/truncated.json"),
            "The file ends too early (line 28, column",
        ),
        (
            "wrong types",
            fixture("malformed/wrong-types.json"),
            "clients[0].profile.annual_revenue: expected a whole number, found the text \"480k\"",
        ),
        (
            "unknown version",
            fixture("malformed/unknown-version.json"),
            "This file was written by a newer version of Continuum (format version 7); \
             this version reads up to 3.",
        ),
        (
            "duplicate ids",
            fixture("malformed/duplicate-ids.json"),
            "clients[0].stakeholders[1].id: the id \"s-maria\" is used twice \
             (also at clients[0].stakeholders[0].id)\n\
             - clients[1].id: the id \"c-northwind\" is used twice (also at clients[0].id)",
        ),
        (
            "impossible date",
            fixture("malformed/impossible-date.json"),
            "clients[0].issues[0].opened_on: no such day in the calendar, found \"2026-02-30\"",
        ),
        (
            "unknown question",
            fixture("malformed/unknown-question.json"),
            "clients[0].assessments[0].answers.sponsor_feedback: unknown question id \"sponsor_feedback\"",
        ),
        (
            "unknown category",
            fixture("malformed/unknown-category.json"),
            "clients[0].assessments[0].verdict: \"probably_fine\" is not an allowed value \
             (expected one of: unassessed, secure, not_secure, at_risk, inevitable_loss)",
        ),
        (
            "empty name",
            fixture("malformed/empty-name.json"),
            "clients[1].profile.name: every client needs a name, and this one is empty",
        ),
        (
            "not JSON",
            fixture("malformed/not-json.json"),
            "This is not a readable Continuum file: the text is not valid JSON (line 1, column 1",
        ),
        (
            "not Continuum",
            fixture("malformed/not-continuum.json"),
            "This JSON file was not written by Continuum: it has no \"format\": \"continuum\".",
        ),
        ("empty", b"  \n".to_vec(), "The file is empty."),
        (
            "50 MB",
            {
                // Generated here rather than committed.
                let mut big = b"{\"format\":\"continuum\",\"version\":1,\"clients\":[".to_vec();
                big.resize(50_000_000, b' ');
                big
            },
            "This file is 50.0 MB and Continuum opens files up to 40.0 MB.",
        ),
    ];
    let mut messages = Vec::new();
    for (name, bytes, expected) in cases {
        let err = import_json(&bytes).expect_err(name);
        let text = err.to_string();
        assert!(
            text.contains(expected),
            "{name}: expected {expected:?} in:\n{text}"
        );
        messages.push(text);
        // Nothing to apply, so storage is as it was.
        assert_eq!(encode_portfolio(&current), storage_before, "{name}");
    }
    let distinct: std::collections::BTreeSet<_> = messages.iter().collect();
    assert_eq!(distinct.len(), messages.len(), "messages must differ");
}

#[test]
fn html_in_names_is_kept_verbatim_as_text() {
    let imported = import_json(&fixture("malformed/html-in-names.json")).unwrap();
    let p = &imported.portfolio;
    assert_eq!(
        p.clients[0].profile.name,
        "<img src=x onerror=alert(1)> Northwind & <b>Sons</b>"
    );
    assert_eq!(
        p.clients[0].stakeholders[0].name,
        "<script>alert(\"hi\")</script>"
    );
    let out = export_json(p, &imported.exported_at);
    assert!(out.contains("\"name\": \"<img src=x onerror=alert(1)> Northwind & <b>Sons</b>\""));
    // And it merges like any other text.
    let merged = merge(&Portfolio::default(), p, &MergeChoices::default());
    assert_eq!(merged.clients[0].profile.name, p.clients[0].profile.name);
    assert_eq!(preview(&merged, p).identical.len(), 2);
}

#[test]
fn a_utf8_bom_is_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fixture("v1-portfolio.json"));
    assert!(import_json(&bytes).is_ok());
}

#[test]
fn other_version_and_envelope_problems() {
    let err = |s: &str| import_json(s.as_bytes()).unwrap_err().to_string();
    assert!(err(r#"{"format":"continuum","clients":[]}"#)
        .contains("version: the field \"version\" is missing"));
    assert!(err(r#"{"format":"continuum","version":"one"}"#)
        .contains("version: expected the format version, a whole number such as 3; found \"one\""));
    assert!(err(r#"{"format":"continuum","version":0}"#).contains("found 0"));
    assert!(err(r#"{"format":"ledger","version":1}"#).contains("its format is \"ledger\""));
    assert!(err(r#"[1,2,3]"#).contains("not written by Continuum"));
    assert!(
        err(r#"{"format":"continuum","version":1,"exported_at":"yesterday","clients":[]}"#)
            .contains(
                "exported_at: expected a time such as 2026-11-25T10:00:00Z, found \"yesterday\""
            )
    );
    assert!(err(r#"{"format":"continuum","version":1,"exported_at":"2026-11-25T10:00:00Z","clients":[],"extra":1}"#)
        .contains("unknown field \"extra\""));
    assert!(err(r#"{"format":"continuum","version":1,"exported_at":"2026-11-25T10:00:00Z","clients":[{"id":"a","profile":{"name":"A","margin":"huge"}}]}"#)
        .contains("clients[0].profile.margin: expected \"low\", \"normal\", \"high\" or a percentage number, found \"huge\""));
    assert!(err(r#"{"format":"continuum","version":1,"exported_at":"2026-11-25T10:00:00Z","clients":[{"id":"a","profile":{"name":"A","margin":250}}]}"#)
        .contains("clients[0].profile.margin: expected a margin percentage between -100 and 100, found 250"));
}

#[test]
fn deep_nesting_is_refused_without_crashing() {
    let deep = "[".repeat(100_000);
    assert!(import_json(deep.as_bytes()).is_err());
}

#[test]
fn export_is_named_and_fits_the_limit() {
    assert_eq!(
        export_file_name("Dana Kim", date("2026-11-25")),
        "continuum-dana-kim-2026-11-25.json"
    );
    let big = export_json(&rich_portfolio(2000), EXPORTED_AT);
    assert!(
        big.len() < MAX_FILE_BYTES,
        "2,000 rich clients export to {} bytes",
        big.len()
    );
}

#[test]
fn schema_lists_exactly_the_question_ids() {
    let path = format!(
        "{}/schema/continuum-v1.schema.json",
        concat!(env!("CARGO_MANIFEST_DIR"), "/..")
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let ids: Vec<&str> = schema["$defs"]["question_id"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let expected: Vec<&str> = QuestionId::ALL.iter().map(|q| q.as_str()).collect();
    assert_eq!(ids, expected);
}

#[test]
fn schema_rejects_what_import_rejects() {
    let v = schema();
    for name in [
        "wrong-types",
        "unknown-question",
        "unknown-category",
        "empty-name",
    ] {
        let text = fixture(&format!("malformed/{name}.json"));
        let value: serde_json::Value = serde_json::from_slice(&text).unwrap();
        assert!(!v.is_valid(&value), "{name} should fail the schema");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_import_export_is_byte_identical(p in portfolio()) {
        let first = export_json(&p, EXPORTED_AT);
        let imported = import_json(first.as_bytes()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&imported.portfolio, &p);
        let second = export_json(&imported.portfolio, &imported.exported_at);
        prop_assert_eq!(first, second);
    }

    #[test]
    fn exports_match_the_published_schema(p in portfolio()) {
        let v = schema();
        let json = export_json(&p, EXPORTED_AT);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let errors: Vec<String> = v.iter_errors(&value).map(|e| format!("{e} at {}", e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:#?}", errors);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        let _ = import_json(&bytes);
    }

    #[test]
    fn mangled_exports_never_panic(p in portfolio(), cut in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = export_json(&p, EXPORTED_AT).into_bytes();
        let i = cut.index(bytes.len());
        bytes[i] = byte;
        let _ = import_json(&bytes);
        let _ = import_json(&bytes[..i]);
    }
}

#[test]
fn truncated_message_is_specific() {
    // Cut anywhere inside a real export: always "ends too early".
    let full = export_json(&rich_portfolio(1), EXPORTED_AT);
    for cut in [1, 10, 100, full.len() / 2, full.len() - 3] {
        let err = import_json(&full.as_bytes()[..cut]).unwrap_err();
        assert!(
            matches!(err, ImportError::Truncated { .. }),
            "cut at {cut}: {err}"
        );
    }
}

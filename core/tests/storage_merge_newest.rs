#![cfg(not(target_arch = "wasm32"))]
//! Merge v2 (format 3): records carry when they last changed, a merge takes
//! each record's newer version and combines notes, the preview says per
//! client what is added, updated and kept, and the user can merge only the
//! clients both have. Also the stamping of edits and the format 3 file.

mod storage_support;

use continuum_core::domain::changes::{stamp_edit, stamp_updates};
use continuum_core::domain::*;
use continuum_core::storage::file::{export_json, import_json};
use continuum_core::storage::merge::*;
use proptest::prelude::*;
use storage_support::*;

fn at(s: &str) -> Stamp {
    s.parse().unwrap()
}

/// My portfolio, and a colleague's copy of it in which, a day later than
/// my last edit of it, the first issue of client 1 was resolved with a note.
fn resolved_by_colleague() -> (Portfolio, Portfolio) {
    let mine = rich_portfolio(2);
    let mut theirs = mine.clone();
    let before = theirs.clients[1].clone();
    let issue = &mut theirs.clients[1].issues[0];
    issue.status = IssueStatus::Resolved;
    issue.resolved_on = Some(date("2026-11-21"));
    issue.notes = "Carrier replaced; CFO confirmed.".into();
    stamp_edit(&before, &mut theirs.clients[1], at("2026-11-21T10:00:00Z"));
    (mine, theirs)
}

#[test]
fn a_colleagues_newer_resolution_is_taken_and_both_notes_kept() {
    let (mine, theirs) = resolved_by_colleague();
    let my_note = mine.clients[1].issues[0].notes.clone();
    assert!(!my_note.is_empty());
    let pv = preview(&mine, &theirs);
    assert_eq!(pv.differing.len(), 1);
    let d = &pv.differing[0];
    assert_eq!(d.updated.issues, 1);
    assert_eq!(d.updated.total(), 1);
    assert_eq!(d.kept_mine.total(), 0);
    assert_eq!(d.added.total(), 0);
    assert!(
        d.updated_records[0].text.ends_with("resolved)"),
        "{:?}",
        d.updated_records
    );

    let merged = merge(&mine, &theirs, &MergeChoices::default());
    let issue = &merged.clients[1].issues[0];
    assert_eq!(issue.status, IssueStatus::Resolved);
    assert_eq!(issue.resolved_on, Some(date("2026-11-21")));
    assert_eq!(
        issue.notes,
        format!("{my_note}\n\nCarrier replaced; CFO confirmed.")
    );
    let id = &issue.id;
    assert_eq!(
        merged.clients[1].changed.of(Part::Issue, id),
        Some(at("2026-11-21T10:00:00Z"))
    );
    // The client's verdict inputs: no open issue left there.
    assert!(merged.clients[1].issues[0].resolved_on.is_some());
}

#[test]
fn my_newer_version_is_kept_and_their_note_combined_in() {
    let (mut mine, theirs) = resolved_by_colleague();
    // I reopened the same issue after their resolution.
    let before = mine.clients[1].clone();
    mine.clients[1].issues[0].status = IssueStatus::InProgress;
    mine.clients[1].issues[0].notes = "Reopened: invoices late again.".into();
    stamp_edit(&before, &mut mine.clients[1], at("2026-11-23T08:00:00Z"));
    let d = &preview(&mine, &theirs).differing[0];
    assert_eq!((d.kept_mine.issues, d.updated.issues), (1, 0));
    assert!(d.kept_records[0].text.ends_with("in progress)"));
    let merged = merge(&mine, &theirs, &MergeChoices::default());
    let issue = &merged.clients[1].issues[0];
    assert_eq!(issue.status, IssueStatus::InProgress);
    assert_eq!(
        issue.notes,
        "Carrier replaced; CFO confirmed.\n\nReopened: invoices late again."
    );
}

#[test]
fn merging_again_or_back_changes_nothing_more() {
    let (mine, theirs) = resolved_by_colleague();
    let once = merge(&mine, &theirs, &MergeChoices::default());
    assert_eq!(merge(&once, &theirs, &MergeChoices::default()), once);
    // The colleague merging my merged file gets the same records.
    let back = merge(&theirs, &once, &MergeChoices::default());
    assert_eq!(back.clients[1].issues, once.clients[1].issues);
    assert!(preview(&once, &back).differing.is_empty());
}

#[test]
fn profile_choices_default_to_the_side_changed_last() {
    let mine = rich_portfolio(1);
    let mut theirs = mine.clone();
    let before = theirs.clients[0].clone();
    theirs.clients[0].profile.annual_revenue = Some(650_000);
    theirs.clients[0].profile.notes = "Budget approved for 2027.".into();
    stamp_edit(&before, &mut theirs.clients[0], at("2026-12-01T12:00:00Z"));
    let d = &preview(&mine, &theirs).differing[0];
    assert_eq!(d.newer, Side::Theirs);
    let fields: Vec<ProfileField> = d.conflicts.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        vec![ProfileField::AnnualRevenue],
        "notes are combined, not chosen"
    );
    let combined = format!(
        "{}\n\nBudget approved for 2027.",
        mine.clients[0].profile.notes
    );
    assert_eq!(d.notes_combined.as_deref(), Some(combined.as_str()));

    let merged = merge(&mine, &theirs, &MergeChoices::default());
    assert_eq!(merged.clients[0].profile.annual_revenue, Some(650_000));
    assert_eq!(merged.clients[0].profile.notes, combined);
    let mut keep_mine = MergeChoices::default();
    keep_mine.set(&mine.clients[0].id, ProfileField::AnnualRevenue, Side::Mine);
    let merged = merge(&mine, &theirs, &keep_mine);
    assert_eq!(
        merged.clients[0].profile.annual_revenue,
        mine.clients[0].profile.annual_revenue
    );
}

#[test]
fn only_the_clients_both_have_when_asked() {
    let (mine, mut theirs) = resolved_by_colleague();
    theirs
        .clients
        .push(Client::new(Id::new("c-theirs-only"), "Their Prospect"));
    let mut only = MergeChoices::default();
    only.set_scope(Scope::OnlyShared);
    let merged = merge(&mine, &theirs, &only);
    assert_eq!(merged.clients.len(), 2);
    assert_eq!(merged.clients[1].issues[0].status, IssueStatus::Resolved);
    let all = merge(&mine, &theirs, &MergeChoices::default());
    assert_eq!(all.clients.len(), 3);
    assert_eq!(all.clients[2].profile.name, "Their Prospect");
}

#[test]
fn an_edit_stamps_what_it_changed_and_nothing_else() {
    let mut c = rich_client(1);
    c.changed = Changes::default();
    let before = c.clone();
    c.stakeholders[1].stance = Stance::Promoter;
    c.touchpoints.push(Touchpoint {
        id: Id::new("t-new"),
        date: date("2026-12-05"),
        channel: Channel::Meeting,
        kind: TouchpointKind::Business,
        with: vec![],
        note: "Lunch".into(),
    });
    let gone = c.actions.remove(0).id;
    let now = at("2026-12-06T09:00:00Z");
    stamp_edit(&before, &mut c, now);
    assert_eq!(
        c.changed.of(Part::Stakeholder, &c.stakeholders[1].id),
        Some(now)
    );
    assert_eq!(c.changed.of(Part::Stakeholder, &c.stakeholders[0].id), None);
    assert_eq!(
        c.changed.of(Part::Touchpoint, &Id::new("t-new")),
        None,
        "a new record has no time"
    );
    assert_eq!(c.changed.of(Part::Action, &gone), None);
    assert_eq!(c.changed.client, None, "the profile was not touched");
    assert_eq!(c.changed.records.len(), 1);

    // A spreadsheet import stamps the clients it changed, not new ones.
    let old = Portfolio {
        owner: String::new(),
        clients: vec![c.clone()],
    };
    let mut new = old.clone();
    new.clients[0].profile.annual_revenue = Some(1);
    new.clients.push(Client::new(Id::new("c-fresh"), "Fresh"));
    stamp_updates(&old, &mut new, now);
    assert_eq!(new.clients[0].changed.client, Some(now));
    assert_eq!(new.clients[1].changed, Changes::default());
}

#[test]
fn a_format_3_file_reads_its_times_and_writes_the_same_bytes() {
    let bytes = fixture("v3-portfolio.json");
    let imported = import_json(&bytes).unwrap();
    assert_eq!(imported.from_version, 3);
    assert!(!imported.was_migrated());
    let c = &imported.portfolio.clients[0];
    assert_eq!(c.changed.client, Some(at("2026-11-24T16:05:10Z")));
    assert_eq!(
        c.changed.of(Part::Issue, &c.issues[0].id),
        Some(at("2026-11-24T16:02:45Z"))
    );
    assert_eq!(c.changed.of(Part::Stakeholder, &c.stakeholders[1].id), None);
    let again = export_json(&imported.portfolio, &imported.exported_at);
    assert_eq!(again.as_bytes(), &bytes[..]);
}

#[test]
fn times_in_an_older_version_or_malformed_are_refused_with_their_place() {
    let text = String::from_utf8(fixture("v3-portfolio.json")).unwrap();
    let as_v2 = text.replacen("\"version\": 3,", "\"version\": 2,", 1);
    let err = import_json(as_v2.as_bytes()).unwrap_err();
    let places: Vec<&str> = err.problems().iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        places,
        [
            "clients[0]",
            "clients[0].stakeholders[0]",
            "clients[0].issues[0]",
            "clients[0].assessments[0]"
        ]
    );
    assert!(err.problems()[0].message.contains("format version 3"));
    let bad = text.replacen("2026-11-24T16:02:45Z", "2026-11-24 16:02", 1);
    let err = import_json(bad.as_bytes()).unwrap_err().to_string();
    assert!(err.contains("clients[0].issues[0].changed_at"), "{err}");
    assert!(err.contains("expected a UTC time"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever the times, a merge keeps every record of both sides, and
    /// merging the same file twice gives what merging it once did.
    #[test]
    fn merging_is_complete_and_idempotent(a in portfolio(), b in portfolio()) {
        let once = merge(&a, &b, &MergeChoices::default());
        for side in [&a, &b] {
            for c in &side.clients {
                let m = once.clients.iter().find(|m| m.id == c.id).unwrap();
                for s in &c.issues {
                    prop_assert!(m.issues.iter().any(|x| x.id == s.id));
                }
            }
        }
        prop_assert_eq!(merge(&once, &b, &MergeChoices::default()), once);
    }
}

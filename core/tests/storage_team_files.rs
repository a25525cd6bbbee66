#![cfg(not(target_arch = "wasm32"))]
//! The local-storage keys of a manager's remembered team files
//! (storage::team_files), and that the portfolio loader leaves them alone.

use continuum_core::domain::{Client, Id, Portfolio};
use continuum_core::storage::local::{encode_portfolio, load};
use continuum_core::storage::team_files::{
    is_team_key, remembered_team_files, team_file_key, team_file_name, TEAM_PREFIX,
};

#[test]
fn keys_number_the_files_and_keep_their_names() {
    assert_eq!(
        team_file_key(0, "ana.json"),
        "continuum/v1/team/000/ana.json"
    );
    assert_eq!(
        team_file_key(12, "a/b c.json"),
        "continuum/v1/team/012/a/b c.json"
    );
    assert!(is_team_key(&team_file_key(3, "x.json")));
    assert!(!is_team_key("continuum/v1/client/c1"));
    assert!(!is_team_key("continuum/v1/meta"));
    assert_eq!(
        team_file_name(&team_file_key(12, "a/b c.json")),
        "a/b c.json"
    );
    assert_eq!(
        team_file_name("continuum/v1/team/odd"),
        "continuum/v1/team/odd"
    );
}

#[test]
fn remembered_files_come_back_in_order_without_other_keys() {
    let entries = vec![
        (team_file_key(10, "kim.json"), "K".to_string()),
        ("continuum/v1/meta".to_string(), "{}".to_string()),
        (team_file_key(2, "zoe.json"), "Z".to_string()),
        (team_file_key(0, "ana.json"), "A".to_string()),
        ("other".to_string(), "x".to_string()),
    ];
    assert_eq!(
        remembered_team_files(&entries),
        [
            ("ana.json".to_string(), "A".to_string()),
            ("zoe.json".to_string(), "Z".to_string()),
            ("kim.json".to_string(), "K".to_string()),
        ]
    );
    assert!(remembered_team_files(&[]).is_empty());
}

#[test]
fn the_portfolio_loader_ignores_team_files() {
    let mut own = Portfolio::default();
    own.clients.push(Client::new(Id::new("mine"), "Mine"));
    let mut entries = encode_portfolio(&own);
    let before = load(&entries, "2026-03-01T00:00:00Z");
    entries.push((team_file_key(0, "ana.json"), "not even json".to_string()));
    entries.push((format!("{TEAM_PREFIX}001/b.json"), "{}".to_string()));
    let after = load(&entries, "2026-03-01T00:00:00Z");
    assert_eq!(after.portfolio, before.portfolio);
    assert_eq!(after.portfolio.clients.len(), 1);
    assert!(after.quarantined.is_empty());
    assert!(after.newer.is_empty());
    assert_eq!(after.plan, before.plan);
}

fn member(file: &str, owner: &str, clients: usize) -> continuum_core::domain::team::Member {
    let portfolio = Portfolio {
        owner: owner.to_string(),
        clients: (0..clients)
            .map(|i| Client::new(Id::new(format!("c{i}")), format!("Client {i}")))
            .collect(),
    };
    continuum_core::domain::team::Member::new(file, portfolio)
}

#[test]
fn files_of_one_name_from_different_owners_are_both_kept() {
    use continuum_core::storage::team_files::{place_member, Placed};
    let mut open = Vec::new();
    assert_eq!(
        place_member(&mut open, member("export.json", "Ann Berg", 1)),
        Placed::Added
    );
    assert_eq!(
        place_member(&mut open, member("export.json", "Bo Lind", 2)),
        Placed::BesideNamesake
    );
    assert_eq!(open.len(), 2);
    // Ann's newer file of the same name replaces hers only.
    assert_eq!(
        place_member(&mut open, member("export.json", "Ann Berg", 3)),
        Placed::Replaced
    );
    let shown: Vec<(&str, usize)> = open
        .iter()
        .map(|m| (m.owner.as_str(), m.portfolio.clients.len()))
        .collect();
    assert_eq!(shown, vec![("Ann Berg", 3), ("Bo Lind", 2)]);
    assert_eq!(
        place_member(&mut open, member("other.json", "Bo Lind", 1)),
        Placed::Added
    );
    assert_eq!(open.len(), 3);
}

//! Where a manager's remembered team files are kept in local storage: one
//! key per file, `continuum/v1/team/<nnn>/<file name>`, holding the file's
//! compact JSON. The portfolio loader ([`load`](super::local::load)) reads
//! none of these keys, so a colleague's clients never mix with the
//! manager's own.

use crate::domain::sorting::sort_by;

/// The prefix of every remembered team file's key.
pub const TEAM_PREFIX: &str = "continuum/v1/team/";

/// The key of the `index`-th remembered file (numbered so they come back
/// in the order they were opened).
pub fn team_file_key(index: usize, file: &str) -> String {
    format!("{TEAM_PREFIX}{index:03}/{file}")
}

/// Whether a key holds a remembered team file.
pub fn is_team_key(key: &str) -> bool {
    key.starts_with(TEAM_PREFIX)
}

/// The file name in a team file's key (the whole key if it has none).
pub fn team_file_name(key: &str) -> &str {
    key.strip_prefix(TEAM_PREFIX)
        .and_then(|rest| rest.split_once('/'))
        .map_or(key, |(_, name)| name)
}

/// The remembered team files among local storage's `entries`, in the order
/// they were remembered: `(file name, text)`.
pub fn remembered_team_files(entries: &[(String, String)]) -> Vec<(String, String)> {
    let mut files: Vec<&(String, String)> =
        entries.iter().filter(|(k, _)| is_team_key(k)).collect();
    sort_by(&mut files, |a, b| a.0.cmp(&b.0));
    files
        .into_iter()
        .map(|(key, text)| (team_file_name(key).to_string(), text.clone()))
        .collect()
}

/// How an opened file took its place among the opened ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Placed {
    /// No file of that name was open.
    Added,
    /// The same person's file of that name was open: the new one replaces it.
    Replaced,
    /// A file of that name but from someone else was open: both are kept.
    BesideNamesake,
}

/// Puts `member` among the opened `members`, keyed by owner and file name:
/// a newer file from the same person replaces theirs, but a file that only
/// shares its name with another person's is shown beside it, never in its
/// place.
pub fn place_member(
    members: &mut Vec<crate::domain::team::Member>,
    member: crate::domain::team::Member,
) -> Placed {
    let same = |m: &crate::domain::team::Member| m.file == member.file && m.owner == member.owner;
    if let Some(slot) = members.iter_mut().find(|m| same(m)) {
        *slot = member;
        return Placed::Replaced;
    }
    let namesake = members.iter().any(|m| m.file == member.file);
    members.push(member);
    if namesake {
        Placed::BesideNamesake
    } else {
        Placed::Added
    }
}

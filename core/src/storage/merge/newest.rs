//! One record both sides hold, changed differently: the newer version is
//! taken and the two sides' notes are combined, so neither loses words.
//!
//! "Newer" is by the record's last-changed time (file format 3). A record
//! without a time counts as older than any time; on a tie, mine stays.

use super::keyed::Keyed;
use crate::domain::{Action, Assessment, Issue, Stakeholder, Stamp, Touchpoint};

/// What a merge does with a record both sides hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Identical on both sides.
    Same,
    /// Theirs is newer: taken (with my notes combined in).
    Theirs,
    /// Mine is as new or newer: kept (with their notes combined in).
    Mine,
}

pub fn decide<T: PartialEq>(
    mine: &T,
    theirs: &T,
    mine_at: Option<Stamp>,
    theirs_at: Option<Stamp>,
) -> Decision {
    if mine == theirs {
        Decision::Same
    } else if theirs_at > mine_at {
        Decision::Theirs
    } else {
        Decision::Mine
    }
}

/// Two versions of a note as one: the same text, or one that contains the
/// other (a colleague added to it), is kept once; otherwise the older comes
/// first, then the newer, with a blank line between.
pub fn combine_notes(older: &str, newer: &str) -> String {
    let (o, n) = (older.trim_end(), newer.trim_end());
    if o.is_empty() || n.contains(o) {
        newer.to_string()
    } else if n.is_empty() || o.contains(n) {
        older.to_string()
    } else {
        format!("{o}\n\n{n}")
    }
}

/// Records whose free-text notes a merge combines.
pub(super) trait Noted: Keyed {
    /// Combines `older`'s notes into this (newer) version's.
    fn take_notes(&mut self, older: &Self);
}

macro_rules! noted {
    ($($t:ty => $f:ident),*) => {$(
        impl Noted for $t {
            fn take_notes(&mut self, older: &Self) {
                self.$f = combine_notes(&older.$f, &self.$f);
            }
        }
    )*};
}
noted!(Stakeholder => notes, Issue => notes, Touchpoint => note, Action => notes);

impl Noted for Assessment {
    /// The notes beside each answer; an answer only the older version has
    /// is not brought back (the newer version cleared it).
    fn take_notes(&mut self, older: &Self) {
        for (q, entry) in &mut self.answers {
            if let Some(old) = older.answers.get(q) {
                entry.note = combine_notes(&old.note, &entry.note);
            }
        }
    }
}

/// The merged version of a record both sides hold (differently).
pub(super) fn merged<T: Noted>(mine: &T, theirs: &T, decision: Decision) -> T {
    match decision {
        Decision::Same => mine.clone(),
        Decision::Theirs => {
            let mut out = theirs.clone();
            out.take_notes(mine);
            out
        }
        Decision::Mine => {
            let mut out = mine.clone();
            // Mine is the newer (or as new): theirs is the older text.
            out.take_notes(theirs);
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_combined_once_older_first() {
        assert_eq!(combine_notes("", "new"), "new");
        assert_eq!(combine_notes("old", ""), "old");
        assert_eq!(combine_notes("same", "same"), "same");
        assert_eq!(
            combine_notes("Met Ann.", "Met Ann. She signs."),
            "Met Ann. She signs."
        );
        assert_eq!(
            combine_notes("Met Ann. She signs.", "Met Ann."),
            "Met Ann. She signs."
        );
        assert_eq!(
            combine_notes("Met Ann.", "Called Bo."),
            "Met Ann.\n\nCalled Bo."
        );
        // Merging the result again adds nothing.
        let once = combine_notes("Met Ann.", "Called Bo.");
        assert_eq!(combine_notes(&once, "Called Bo."), once);
        assert_eq!(combine_notes("Called Bo.", &once), once);
    }

    #[test]
    fn the_newer_time_wins_and_a_tie_keeps_mine() {
        let at = |s| Some(Stamp::from_unix_seconds(s));
        assert_eq!(decide(&1, &1, at(5), at(9)), Decision::Same);
        assert_eq!(decide(&1, &2, at(5), at(9)), Decision::Theirs);
        assert_eq!(decide(&1, &2, at(9), at(5)), Decision::Mine);
        assert_eq!(decide(&1, &2, at(5), at(5)), Decision::Mine);
        assert_eq!(decide(&1, &2, None, at(1)), Decision::Theirs);
        assert_eq!(decide(&1, &2, at(1), None), Decision::Mine);
        assert_eq!(decide(&1, &2, None, None), Decision::Mine);
    }
}

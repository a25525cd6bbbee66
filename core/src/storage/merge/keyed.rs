//! Records keyed by id, and the merge of two lists of them.

use std::collections::{BTreeMap, BTreeSet};

use super::newest::{decide, merged, Noted};
use crate::domain::{Action, Assessment, Changes, Id, Issue, Part, Stakeholder, Touchpoint};

/// Records keyed by id, so lists can be united.
pub(super) trait Keyed: Clone + PartialEq {
    const PART: Part;
    fn key(&self) -> &Id;
}

macro_rules! keyed {
    ($($t:ty => $p:ident),*) => {$(
        impl Keyed for $t {
            const PART: Part = Part::$p;
            fn key(&self) -> &Id {
                &self.id
            }
        }
    )*};
}
keyed!(Stakeholder => Stakeholder, Issue => Issue, Touchpoint => Touchpoint,
    Assessment => Assessment, Action => Action);

/// Mine in my order, then theirs that I do not have, in their order. A
/// record on both sides is the newer version with both notes (see
/// `newest.rs`); its time in `out` is the later of the two.
pub(super) fn merge_records<T: Noted>(
    mine: &[T],
    theirs: &[T],
    mc: &Changes,
    tc: &Changes,
    out: &mut Changes,
) -> Vec<T> {
    let by_id: BTreeMap<&Id, &T> =
        crate::domain::sorting::map_from(theirs.iter().map(|t| (t.key(), t)));
    let have: BTreeSet<&Id> = crate::domain::sorting::set_from(mine.iter().map(Keyed::key));
    let mut list: Vec<T> = mine
        .iter()
        .map(|m| {
            let id = m.key();
            let (ma, ta) = (mc.of(T::PART, id), tc.of(T::PART, id));
            match by_id.get(id) {
                Some(t) => {
                    out.set(T::PART, id, ma.max(ta));
                    merged(m, t, decide(m, *t, ma, ta))
                }
                None => {
                    out.set(T::PART, id, ma);
                    m.clone()
                }
            }
        })
        .collect();
    for t in theirs.iter().filter(|t| !have.contains(t.key())) {
        out.set(T::PART, t.key(), tc.of(T::PART, t.key()));
        list.push(t.clone());
    }
    list
}

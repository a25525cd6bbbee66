//! Records keyed by id, and the union of two lists of them.

use std::collections::BTreeSet;

use crate::domain::{Action, Assessment, Id, Issue, Stakeholder, Touchpoint};

/// Records keyed by id, so lists can be united.
pub(super) trait Keyed: Clone + PartialEq {
    fn key(&self) -> &Id;
}

macro_rules! keyed {
    ($($t:ty),*) => {$(
        impl Keyed for $t {
            fn key(&self) -> &Id {
                &self.id
            }
        }
    )*};
}
keyed!(Stakeholder, Issue, Touchpoint, Assessment, Action);

/// Mine in my order, then theirs that I do not have, in their order.
pub(super) fn union<T: Keyed>(mine: &[T], theirs: &[T]) -> Vec<T> {
    let have: BTreeSet<&Id> = crate::domain::sorting::set_from(mine.iter().map(Keyed::key));
    mine.iter()
        .chain(theirs.iter().filter(|t| !have.contains(t.key())))
        .cloned()
        .collect()
}

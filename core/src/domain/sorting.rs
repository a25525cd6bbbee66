//! Stable sorting through one shared copy of the standard library's sort.
//!
//! `sort_by` and `sort_by_key` are generic over the element and the
//! comparison, so every call site compiles its own copy of the sort (about
//! 3 KB of wasm each, which added up to 7% of the app). These sort the
//! positions instead, with the comparison behind a `dyn`, so the sort itself
//! is compiled once; only the small step that moves the elements is per
//! element type. Same result as the standard stable sort.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// `v.sort_by(compare)`: stable, equal elements keep their order.
pub fn sort_by<T>(v: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(v.len(), &|a, b| compare(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// `v.sort_by_key(key)`: stable, equal keys keep their order.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)))
}

/// `v.sort()`.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp)
}

/// `pairs.collect::<BTreeMap<_, _>>()`, by inserting one by one: the
/// collect sorts first, with its own copy of the sort for each key type.
/// As with the collect, the last value of a repeated key wins.
pub fn map_from<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut map = BTreeMap::new();
    for (k, v) in pairs {
        map.insert(k, v);
    }
    map
}

/// `items.collect::<BTreeSet<_>>()`, by inserting one by one (see `map_from`).
pub fn set_from<T: Ord>(items: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    let mut set = BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// The positions `0..len` in the sorted order.
#[inline(never)]
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Against the standard stable sort, on many lists with repeated keys
    /// (a seeded generator: the wasm32 tests have no proptest).
    #[test]
    fn same_order_as_the_standard_stable_sort() {
        let mut seed: u64 = 2026;
        let mut next = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for len in 0..120 {
            let v: Vec<(u32, u32)> = (0..len).map(|_| (next() % 6, next())).collect();
            let mut ours = v.clone();
            let mut theirs = v;
            sort_by_key(&mut ours, |x| x.0);
            theirs.sort_by_key(|x| x.0);
            assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, "a"), (1, "b"), (2, "c"), (1, "d")];
        sort_by(&mut v, |x, y| x.0.cmp(&y.0));
        assert_eq!(v, vec![(1, "b"), (1, "d"), (2, "a"), (2, "c")]);
        let m = map_from([(2, "a"), (1, "b"), (2, "c")]);
        assert_eq!(
            m,
            [(1, "b"), (2, "c")].into_iter().collect::<BTreeMap<_, _>>()
        );
        assert_eq!(
            set_from([3, 1, 3]),
            [1, 3].into_iter().collect::<BTreeSet<_>>()
        );
        let mut w = vec!["b".to_string(), "a".to_string()];
        sort(&mut w);
        assert_eq!(w, ["a", "b"]);
    }
}

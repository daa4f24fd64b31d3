//! One stable sort for every element type.
//!
//! The standard sorts are generic, so every element type (and every key closure) gets its
//! own copy of the sort routine in the wasm. These helpers compute the order with a single
//! non-generic sort of positions, then move the elements into it: the same stable order as
//! `sort_by_key`, with one sort routine in the app however many types it sorts.

use std::cmp::Ordering;

/// Sorts `v` by `key`, stably: equal keys keep their order, as with `slice::sort_by_key`.
/// The key is read once per element (it must not depend on anything else).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl FnMut(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = stable_order(keys.len(), &|a, b| keys.get(a).cmp(&keys.get(b)));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` ascending and drops repeats, like collecting into a `BTreeSet` and back.
pub fn sort_dedup<T: Ord>(v: &mut Vec<T>) {
    // The key is a reference into `v`, so the positions are sorted without moving `v`.
    let order = stable_order(v.len(), &|a, b| v.get(a).cmp(&v.get(b)));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
    v.dedup();
}

/// The positions `0..len` in the order `cmp` gives, stably.
#[inline(never)]
fn stable_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn same_order_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..5, 0u16..1000), 0..60)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |(k, _)| *k);
            let mut std = v.clone();
            std.sort_by_key(|(k, _)| *k);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sort_dedup_is_a_set(v in proptest::collection::vec(0u32..50, 0..60)) {
            let mut ours = v.clone();
            sort_dedup(&mut ours);
            let set: Vec<u32> = v.iter().copied().collect::<std::collections::BTreeSet<_>>().into_iter().collect();
            prop_assert_eq!(ours, set);
        }
    }
}

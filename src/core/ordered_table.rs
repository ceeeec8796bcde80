//! An insertion-ordered table whose entries are filed under hash codes the
//! caller computes.
//!
//! This is the storage behind CFDictionary. A `HashMap` does not fit there:
//! key equality and hashing are C callbacks, and those must run outside the
//! dictionary's lock (a callback may read the same dictionary). So the table
//! never compares keys itself. A lookup is split in two: [`candidates`] hands
//! out the entries filed under a hash code, the caller compares them (lock
//! released), and then commits by [`Slot`] if [`stamp`] shows that nothing
//! changed in between.
//!
//! Invariants:
//! - Entries keep their insertion order; [`replace`] keeps the position.
//! - A slot stays valid until the next mutation; every mutation changes the
//!   stamp, so a caller holding a slot from an unchanged stamp is safe.
//! - Removal leaves a hole that is compacted away once holes outnumber live
//!   entries, so removal is amortised O(1) and iteration stays O(len).
//!
//! [`candidates`]: OrderedTable::candidates
//! [`stamp`]: OrderedTable::stamp
//! [`replace`]: OrderedTable::replace

use std::collections::HashMap;

/// The position of an entry, valid while the table's stamp is unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot(usize);

/// Entries in insertion order, indexed by hash code.
#[derive(Debug)]
pub struct OrderedTable<T> {
    /// `None` marks a removed entry not yet compacted away.
    slots: Vec<Option<(u64, T)>>,
    /// Hash code → slots filed under it (usually one).
    index: HashMap<u64, Vec<usize>>,
    live: usize,
    stamp: u64,
}

impl<T> Default for OrderedTable<T> {
    fn default() -> Self {
        OrderedTable::with_capacity(0)
    }
}

impl<T> OrderedTable<T> {
    /// An empty table; `capacity` is a sizing hint only.
    pub fn with_capacity(capacity: usize) -> Self {
        // A hint from C could be absurd; never reserve more than a modest
        // amount up front, growth handles the rest.
        let capacity = capacity.min(1024);
        OrderedTable {
            slots: Vec::with_capacity(capacity),
            index: HashMap::with_capacity(capacity),
            live: 0,
            stamp: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.live
    }

    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// Changes on every mutation (see the module invariants).
    pub fn stamp(&self) -> u64 {
        self.stamp
    }

    /// The entries filed under `hash`.
    pub fn candidates(&self, hash: u64) -> impl Iterator<Item = (Slot, &T)> {
        self.index
            .get(&hash)
            .into_iter()
            .flatten()
            .filter_map(move |&i| match self.slots.get(i) {
                Some(Some((_, value))) => Some((Slot(i), value)),
                _ => None,
            })
    }

    /// The entry at `slot`, if it is still there.
    pub fn get(&self, slot: Slot) -> Option<&T> {
        self.slots.get(slot.0)?.as_ref().map(|(_, v)| v)
    }

    /// Every entry with its hash code, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (u64, &T)> {
        self.slots.iter().flatten().map(|(h, v)| (*h, v))
    }

    /// Appends an entry. The caller has checked that no equal key exists.
    pub fn insert(&mut self, hash: u64, value: T) -> Slot {
        let slot = self.slots.len();
        self.slots.push(Some((hash, value)));
        self.index.entry(hash).or_default().push(slot);
        self.live += 1;
        self.bump();
        Slot(slot)
    }

    /// Replaces the entry at `slot` in place, returning the old one; `None`
    /// (and no change) if the slot is empty.
    pub fn replace(&mut self, slot: Slot, value: T) -> Option<T> {
        let (_, current) = self.slots.get_mut(slot.0)?.as_mut()?;
        let old = std::mem::replace(current, value);
        self.bump();
        Some(old)
    }

    /// Removes the entry at `slot`; `None` if it is empty.
    pub fn remove(&mut self, slot: Slot) -> Option<T> {
        let (hash, value) = self.slots.get_mut(slot.0)?.take()?;
        if let Some(bucket) = self.index.get_mut(&hash) {
            bucket.retain(|&i| i != slot.0);
            if bucket.is_empty() {
                self.index.remove(&hash);
            }
        }
        self.live -= 1;
        self.bump();
        let holes = self.slots.len() - self.live;
        if holes > 8 && holes > self.live {
            self.compact();
        }
        Some(value)
    }

    /// Removes every entry, returning them in insertion order.
    pub fn clear(&mut self) -> Vec<T> {
        let slots = std::mem::take(&mut self.slots);
        self.index.clear();
        self.live = 0;
        self.bump();
        slots.into_iter().flatten().map(|(_, v)| v).collect()
    }

    fn bump(&mut self) {
        self.stamp = self.stamp.wrapping_add(1);
    }

    /// Drops the holes and renumbers the index (slots change; callers only
    /// use slots from an unchanged stamp).
    fn compact(&mut self) {
        self.slots.retain(Option::is_some);
        self.index.clear();
        for (i, (hash, _)) in self.slots.iter().flatten().enumerate() {
            self.index.entry(*hash).or_default().push(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(table: &OrderedTable<(&'static str, i32)>, key: &str, hash: u64) -> Option<Slot> {
        table
            .candidates(hash)
            .find(|(_, (k, _))| *k == key)
            .map(|(s, _)| s)
    }

    #[test]
    fn keeps_insertion_order_through_replace_and_remove() {
        let mut t = OrderedTable::with_capacity(4);
        t.insert(1, ("a", 1));
        let b = t.insert(2, ("b", 2));
        t.insert(1, ("c", 3)); // same hash as "a", different key
        assert_eq!(t.len(), 3);
        assert_eq!(t.replace(b, ("b", 20)), Some(("b", 2)));
        let order: Vec<_> = t.iter().map(|(_, (k, v))| (*k, *v)).collect();
        assert_eq!(order, [("a", 1), ("b", 20), ("c", 3)]);
        let a = find(&t, "a", 1).unwrap();
        assert_eq!(t.remove(a), Some(("a", 1)));
        assert_eq!(t.remove(a), None);
        assert!(find(&t, "a", 1).is_none());
        assert!(find(&t, "c", 1).is_some());
        assert_eq!(t.len(), 2);
    }

    #[test]
    fn every_mutation_changes_the_stamp() {
        let mut t = OrderedTable::default();
        let s0 = t.stamp();
        let slot = t.insert(7, 1);
        let s1 = t.stamp();
        t.replace(slot, 2);
        let s2 = t.stamp();
        t.remove(slot);
        let s3 = t.stamp();
        t.clear();
        let s4 = t.stamp();
        let stamps = [s0, s1, s2, s3, s4];
        for (i, a) in stamps.iter().enumerate() {
            assert!(!stamps[i + 1..].contains(a));
        }
    }

    #[test]
    fn compaction_keeps_lookups_and_order() {
        let mut t = OrderedTable::default();
        for i in 0..100u64 {
            t.insert(i % 10, i);
        }
        for i in 0..90u64 {
            let slot = t
                .candidates(i % 10)
                .find(|(_, v)| **v == i)
                .map(|(s, _)| s)
                .unwrap();
            assert_eq!(t.remove(slot), Some(i));
        }
        assert_eq!(t.len(), 10);
        assert!(t.slots.len() < 40, "holes were compacted");
        let left: Vec<u64> = t.iter().map(|(_, v)| *v).collect();
        assert_eq!(left, (90..100).collect::<Vec<_>>());
        for i in 90..100u64 {
            assert_eq!(t.candidates(i % 10).count(), 1);
        }
        assert_eq!(t.clear(), (90..100).collect::<Vec<_>>());
        assert!(t.is_empty());
        assert_eq!(t.candidates(0).count(), 0);
    }

    #[test]
    fn stale_slots_are_harmless() {
        let mut t: OrderedTable<u8> = OrderedTable::default();
        assert_eq!(t.get(Slot(5)), None);
        assert_eq!(t.replace(Slot(5), 1), None);
        assert_eq!(t.remove(Slot(5)), None);
    }
}

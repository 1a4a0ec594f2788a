//! An in-memory tree with every perfect subtree precomputed, for answering many proofs.

use crate::frontier::Frontier;
use crate::hash::{Hash, node_hash};
use crate::proof::{ProofError, Subtrees, consistency_path, inclusion_path, range_hash};

/// All leaf hashes of a ledger plus the hash of every perfect subtree, level by level.
///
/// Building costs `n - 1` node hashes and about twice the leaves' memory (64 bytes per
/// leaf). Afterwards roots, inclusion and consistency proofs for **any** tree size up to
/// [`Tree::len`] cost `O(log n)` lookups and at most `O(log n)` node hashes: perfect
/// subtrees never change as the tree grows, so historical sizes are answered too.
///
/// Level `0` holds the leaves; entry `i` of level `h` is the root of the perfect subtree
/// over leaves `[i * 2^h, (i + 1) * 2^h)`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tree {
    /// Invariant: `levels[h].len() == levels[0].len() >> h`, and no trailing empty level.
    levels: Vec<Vec<Hash>>,
}

impl Tree {
    /// The empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds the tree over `leaves` (leaf hashes, see [`crate::leaf_hash`]).
    pub fn from_leaves(leaves: Vec<Hash>) -> Self {
        let mut levels = Vec::with_capacity(64);
        let mut current = leaves;
        while current.len() >= 2 {
            let (pairs, _) = current.as_chunks::<2>();
            let next: Vec<Hash> = pairs
                .iter()
                .map(|[left, right]| node_hash(left, right))
                .collect();
            levels.push(current);
            current = next;
        }
        if !current.is_empty() {
            levels.push(current);
        }
        Self { levels }
    }

    /// Appends one leaf hash, updating the perfect subtrees it completes.
    ///
    /// Amortised `O(1)` node hashes.
    pub fn push(&mut self, leaf: Hash) {
        let mut node = leaf;
        let mut level = 0;
        loop {
            if self.levels.len() == level {
                self.levels.push(Vec::new());
            }
            let Some(row) = self.levels.get_mut(level) else {
                return;
            };
            row.push(node);
            // An even count means the node just pushed completes a pair.
            match row.as_slice() {
                [.., left, right] if row.len() % 2 == 0 => {
                    node = node_hash(left, right);
                    level += 1;
                }
                _ => return,
            }
        }
    }

    /// Number of leaves.
    pub fn len(&self) -> u64 {
        self.leaves().len() as u64
    }

    /// Whether the tree has no leaves.
    pub fn is_empty(&self) -> bool {
        self.leaves().is_empty()
    }

    /// All leaf hashes, in order.
    pub fn leaves(&self) -> &[Hash] {
        self.levels.first().map_or(&[], Vec::as_slice)
    }

    /// The leaf hash at `index`, if any.
    pub fn leaf(&self, index: u64) -> Option<&Hash> {
        usize::try_from(index)
            .ok()
            .and_then(|i| self.leaves().get(i))
    }

    /// Root of the whole tree.
    pub fn root(&self) -> Hash {
        // `range_hash` over `[0, len)` cannot fail: every subtree it asks for exists.
        range_hash(self, 0, self.len()).unwrap_or_else(|_| crate::hash::root(self.leaves()))
    }

    /// Root of the tree made of the first `size` leaves.
    pub fn root_at(&self, size: u64) -> Result<Hash, ProofError> {
        self.check_size(size)?;
        range_hash(self, 0, size)
    }

    /// The compact range (see [`Frontier`]) of the first `size` leaves, in `O(log n)`.
    pub fn frontier_at(&self, size: u64) -> Result<Frontier, ProofError> {
        self.check_size(size)?;
        let mut hashes = Vec::with_capacity(size.count_ones() as usize);
        let mut start = 0u64;
        for level in (0..64u32).rev() {
            let width = 1u64 << level;
            if size & width != 0 {
                hashes.push(self.perfect(level, start >> level)?);
                start += width;
            }
        }
        Ok(Frontier::from_parts(size, hashes))
    }

    /// Inclusion proof of leaf `index` in the tree of size `size` (RFC 9162 §2.1.3.1).
    pub fn inclusion_proof(&self, index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
        inclusion_path(self, index, size)
    }

    /// Consistency proof between the trees of sizes `first` and `second` (RFC 9162 §2.1.4.1).
    pub fn consistency_proof(&self, first: u64, second: u64) -> Result<Vec<Hash>, ProofError> {
        consistency_path(self, first, second)
    }

    fn check_size(&self, size: u64) -> Result<(), ProofError> {
        if size > self.len() {
            return Err(ProofError::SizeOutOfRange {
                size,
                available: self.len(),
            });
        }
        Ok(())
    }
}

impl Subtrees for Tree {
    fn leaf_count(&self) -> u64 {
        self.len()
    }

    fn perfect(&self, level: u32, index: u64) -> Result<Hash, ProofError> {
        usize::try_from(level)
            .ok()
            .and_then(|l| self.levels.get(l))
            .and_then(|row| usize::try_from(index).ok().and_then(|i| row.get(i)))
            .copied()
            .ok_or(ProofError::SizeOutOfRange {
                size: index
                    .saturating_add(1)
                    .saturating_mul(1u64 << level.min(63)),
                available: self.len(),
            })
    }
}

impl FromIterator<Hash> for Tree {
    fn from_iter<I: IntoIterator<Item = Hash>>(iter: I) -> Self {
        Self::from_leaves(iter.into_iter().collect())
    }
}

impl Extend<Hash> for Tree {
    fn extend<I: IntoIterator<Item = Hash>>(&mut self, iter: I) {
        for leaf in iter {
            self.push(leaf);
        }
    }
}

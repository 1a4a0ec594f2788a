//! The right edge of an append-only tree: append in `O(log n)` without the leaves.

use crate::hash::{EMPTY_ROOT, HASH_LEN, Hash, node_hash};

/// Length of the size field at the start of [`Frontier::to_bytes`].
const SIZE_LEN: usize = 8;

/// The compact range `[0, size)` of a Merkle tree: the roots of its perfect subtrees,
/// one per set bit of `size`, from the largest (leftmost) to the smallest (rightmost).
///
/// It is all an appender needs: [`Frontier::push`] adds a leaf hash in amortised `O(1)`
/// node hashes (`O(log n)` worst case) and [`Frontier::root`] gives the tree root in
/// `O(log n)`, so storage can keep the frontier in a row and record the root after
/// every entry without reading the leaves back.
///
/// # Encoding
///
/// [`Frontier::to_bytes`] is stable: the size as 8 bytes big-endian, then the
/// `popcount(size)` subtree roots, 32 bytes each, largest subtree first. The empty
/// frontier is 8 zero bytes. [`Frontier::from_bytes`] rejects any other length.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Frontier {
    size: u64,
    /// Invariant: `hashes.len() == size.count_ones()`.
    hashes: Vec<Hash>,
}

/// Errors of [`Frontier`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FrontierError {
    /// The encoding is shorter than its 8-byte size field.
    #[error("frontier encoding is {actual} bytes, shorter than its 8-byte size field")]
    Truncated {
        /// Bytes given.
        actual: usize,
    },
    /// The encoding's length does not match the number of subtrees its size implies.
    #[error("frontier of size {size} must be {expected} bytes, got {actual}")]
    WrongLength {
        /// Tree size read from the encoding.
        size: u64,
        /// `8 + 32 * popcount(size)`.
        expected: usize,
        /// Bytes given.
        actual: usize,
    },
    /// The tree already holds `u64::MAX` leaves.
    #[error("the tree is full: it already holds u64::MAX leaves")]
    Full,
}

impl Frontier {
    /// The frontier of the empty tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// The frontier of a tree holding `leaves`.
    pub fn from_leaves(leaves: &[Hash]) -> Self {
        let mut frontier = Self {
            size: 0,
            hashes: Vec::with_capacity(64),
        };
        for leaf in leaves {
            frontier.append(*leaf);
        }
        frontier
    }

    /// Assembles a frontier; callers guarantee `hashes.len() == size.count_ones()`.
    pub(crate) fn from_parts(size: u64, hashes: Vec<Hash>) -> Self {
        Self { size, hashes }
    }

    /// Appends one leaf hash (see [`crate::leaf_hash`]).
    ///
    /// Fails only when the tree already holds `u64::MAX` leaves.
    pub fn push(&mut self, leaf: Hash) -> Result<(), FrontierError> {
        if self.size == u64::MAX {
            return Err(FrontierError::Full);
        }
        self.append(leaf);
        Ok(())
    }

    /// Appends without the overflow check; callers guarantee `size < u64::MAX`.
    fn append(&mut self, leaf: Hash) {
        // Every trailing one bit of `size` is a perfect subtree that the new leaf completes.
        let merges = self.size.trailing_ones() as usize;
        let keep = self.hashes.len().saturating_sub(merges);
        let mut acc = leaf;
        for left in self.hashes.drain(keep..).rev() {
            acc = node_hash(&left, &acc);
        }
        self.hashes.push(acc);
        self.size = self.size.wrapping_add(1);
    }

    /// Number of leaves in the tree.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// The roots of the perfect subtrees, largest first.
    pub fn hashes(&self) -> &[Hash] {
        &self.hashes
    }

    /// The Merkle Tree Hash of the tree ([`EMPTY_ROOT`] when empty).
    pub fn root(&self) -> Hash {
        let mut from_right = self.hashes.iter().rev();
        let Some(last) = from_right.next() else {
            return EMPTY_ROOT;
        };
        from_right.fold(*last, |acc, left| node_hash(left, &acc))
    }

    /// The stable encoding described on [`Frontier`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(SIZE_LEN + HASH_LEN * self.hashes.len());
        out.extend_from_slice(&self.size.to_be_bytes());
        for hash in &self.hashes {
            out.extend_from_slice(hash);
        }
        out
    }

    /// Decodes [`Frontier::to_bytes`], checking the length against the size.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, FrontierError> {
        let Some((size_bytes, rest)) = bytes.split_first_chunk::<SIZE_LEN>() else {
            return Err(FrontierError::Truncated {
                actual: bytes.len(),
            });
        };
        let size = u64::from_be_bytes(*size_bytes);
        let count = size.count_ones() as usize;
        let expected = SIZE_LEN + HASH_LEN * count;
        if bytes.len() != expected {
            return Err(FrontierError::WrongLength {
                size,
                expected,
                actual: bytes.len(),
            });
        }
        let (chunks, _) = rest.as_chunks::<HASH_LEN>();
        Ok(Self {
            size,
            hashes: chunks.to_vec(),
        })
    }
}

//! Inclusion and consistency proofs: generation (RFC 9162 §2.1.3.1, §2.1.4.1) and
//! verification (§2.1.3.2, §2.1.4.2).

use serde::{Deserialize, Serialize};

use crate::hash::{EMPTY_ROOT, Hash, node_hash, split_point};

/// Why a proof could not be produced or did not verify.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    /// The leaf index is not below the tree size.
    #[error("leaf index {index} is out of range for a tree of size {size}")]
    IndexOutOfRange {
        /// Requested leaf index.
        index: u64,
        /// Tree size it was checked against.
        size: u64,
    },
    /// A tree size larger than the leaves at hand.
    #[error("tree size {size} is larger than the {available} leaves available")]
    SizeOutOfRange {
        /// Requested tree size.
        size: u64,
        /// Leaves held by the caller.
        available: u64,
    },
    /// A consistency proof was asked from a larger tree to a smaller one.
    #[error("first tree size {first} is larger than second tree size {second}")]
    SizesOutOfOrder {
        /// Size of the older tree.
        first: u64,
        /// Size of the newer tree.
        second: u64,
    },
    /// The proof has the wrong number of hashes for these sizes.
    #[error("proof has {actual} hashes, expected {expected}")]
    WrongProofLength {
        /// Length the sizes (and index) imply.
        expected: usize,
        /// Length given.
        actual: usize,
    },
    /// The root recomputed from an inclusion proof (or the second root of equal-size
    /// trees) differs from the expected root.
    #[error("the recomputed root does not match the expected root")]
    RootMismatch,
    /// The older tree's root recomputed from a consistency proof differs from the one given.
    #[error("the recomputed root of the first tree does not match its expected root")]
    FirstRootMismatch,
    /// The newer tree's root recomputed from a consistency proof differs from the one given.
    #[error("the recomputed root of the second tree does not match its expected root")]
    SecondRootMismatch,
    /// The proof's shape does not fit the tree sizes (a path that ends too early or too late).
    #[error("the proof does not fit the tree shape")]
    Malformed,
}

/// An inclusion proof (audit path) of leaf `index` in the tree of size `size`.
///
/// JSON: `{"index": 5, "size": 8, "path": ["<64 hex>", …]}`, path ordered from the
/// leaf's sibling up to the root's child, as in RFC 9162.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InclusionProof {
    /// 0-based leaf index.
    pub index: u64,
    /// Tree size the proof is for.
    pub size: u64,
    /// Sibling hashes, bottom-up.
    #[serde(with = "crate::hex32_vec")]
    pub path: Vec<Hash>,
}

impl InclusionProof {
    /// [`verify_inclusion`] of `leaf` against `root`.
    pub fn verify(&self, leaf: &Hash, root: &Hash) -> Result<(), ProofError> {
        verify_inclusion(leaf, self.index, self.size, &self.path, root)
    }
}

/// A consistency proof between the tree of size `first` and the tree of size `second`.
///
/// JSON: `{"first": 3, "second": 8, "path": ["<64 hex>", …]}`, path as in RFC 9162.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyProof {
    /// Size of the older tree.
    pub first: u64,
    /// Size of the newer tree.
    pub second: u64,
    /// Proof hashes.
    #[serde(with = "crate::hex32_vec")]
    pub path: Vec<Hash>,
}

impl ConsistencyProof {
    /// [`verify_consistency`] between `first_root` and `second_root`.
    pub fn verify(&self, first_root: &Hash, second_root: &Hash) -> Result<(), ProofError> {
        verify_consistency(self.first, self.second, first_root, second_root, &self.path)
    }
}

/// Source of perfect-subtree hashes for proof generation.
pub(crate) trait Subtrees {
    /// Number of leaves available.
    fn leaf_count(&self) -> u64;
    /// Hash of the perfect subtree of height `level` covering leaves
    /// `[index << level, (index + 1) << level)`.
    fn perfect(&self, level: u32, index: u64) -> Result<Hash, ProofError>;
}

/// A plain slice of leaf hashes: perfect subtrees are recomputed on demand, so one proof
/// costs `O(size)` hashes.
struct LeafSlice<'a>(&'a [Hash]);

impl Subtrees for LeafSlice<'_> {
    fn leaf_count(&self) -> u64 {
        self.0.len() as u64
    }

    fn perfect(&self, level: u32, index: u64) -> Result<Hash, ProofError> {
        let available = self.leaf_count();
        let out_of_range = || ProofError::SizeOutOfRange {
            size: index.saturating_add(1).saturating_mul(1u64 << level),
            available,
        };
        let width = 1usize.checked_shl(level).ok_or_else(out_of_range)?;
        let start = usize::try_from(index)
            .ok()
            .and_then(|i| i.checked_mul(width))
            .ok_or_else(out_of_range)?;
        let end = start.checked_add(width).ok_or_else(out_of_range)?;
        let leaves = self.0.get(start..end).ok_or_else(out_of_range)?;
        Ok(crate::hash::root(leaves))
    }
}

/// MTH of the leaves `[lo, hi)`, a range that occurs in the RFC's recursion (so `lo` is
/// aligned to every perfect subtree of the decomposition of `hi - lo`).
pub(crate) fn range_hash<S: Subtrees + ?Sized>(
    src: &S,
    lo: u64,
    hi: u64,
) -> Result<Hash, ProofError> {
    let mut n = hi.saturating_sub(lo);
    let mut end = hi;
    let mut acc: Option<Hash> = None;
    // Fold from the right: the smallest perfect subtree is the lowest set bit of n.
    while n != 0 {
        let level = n.trailing_zeros();
        let width = 1u64 << level;
        end -= width;
        let hash = src.perfect(level, end >> level)?;
        acc = Some(match acc {
            None => hash,
            Some(right) => node_hash(&hash, &right),
        });
        n &= n - 1;
    }
    Ok(acc.unwrap_or(EMPTY_ROOT))
}

/// RFC 9162 §2.1.3.1 `PATH(m, D[n])`, iteratively.
pub(crate) fn inclusion_path<S: Subtrees + ?Sized>(
    src: &S,
    index: u64,
    size: u64,
) -> Result<Vec<Hash>, ProofError> {
    if size > src.leaf_count() {
        return Err(ProofError::SizeOutOfRange {
            size,
            available: src.leaf_count(),
        });
    }
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let mut path = Vec::with_capacity(inclusion_proof_len(index, size));
    let (mut lo, mut hi) = (0u64, size);
    while hi - lo > 1 {
        let k = split_point(hi - lo);
        if index < lo + k {
            path.push(range_hash(src, lo + k, hi)?);
            hi = lo + k;
        } else {
            path.push(range_hash(src, lo, lo + k)?);
            lo += k;
        }
    }
    path.reverse();
    Ok(path)
}

/// RFC 9162 §2.1.4.1 `PROOF(m, D[n])` via `SUBPROOF`, iteratively.
pub(crate) fn consistency_path<S: Subtrees + ?Sized>(
    src: &S,
    first: u64,
    second: u64,
) -> Result<Vec<Hash>, ProofError> {
    if first > second {
        return Err(ProofError::SizesOutOfOrder { first, second });
    }
    if second > src.leaf_count() {
        return Err(ProofError::SizeOutOfRange {
            size: second,
            available: src.leaf_count(),
        });
    }
    if first == 0 || first == second {
        return Ok(Vec::new());
    }
    let mut path = Vec::with_capacity(consistency_proof_len(first, second));
    let (mut lo, mut hi) = (0u64, second);
    let mut complete = true; // the RFC's `b`
    loop {
        let n = hi - lo;
        let m = first - lo;
        if m == n {
            if !complete {
                path.push(range_hash(src, lo, hi)?);
            }
            break;
        }
        let k = split_point(n);
        if m <= k {
            path.push(range_hash(src, lo + k, hi)?);
            hi = lo + k;
        } else {
            path.push(range_hash(src, lo, lo + k)?);
            lo += k;
            complete = false;
        }
    }
    path.reverse();
    Ok(path)
}

/// The inclusion proof (RFC 9162 §2.1.3.1) of leaf `index` in the tree made of the first
/// `size` of `leaves`.
///
/// Costs `O(size)` hashes; to answer many proofs build a [`crate::Tree`] once.
pub fn inclusion_proof(leaves: &[Hash], index: u64, size: u64) -> Result<Vec<Hash>, ProofError> {
    inclusion_path(&LeafSlice(leaves), index, size)
}

/// The consistency proof (RFC 9162 §2.1.4.1) between the trees made of the first `first`
/// and the first `second` of `leaves`.
///
/// Empty when `first == 0` or `first == second`. Costs `O(second)` hashes; to answer many
/// proofs build a [`crate::Tree`] once.
pub fn consistency_proof(
    leaves: &[Hash],
    first: u64,
    second: u64,
) -> Result<Vec<Hash>, ProofError> {
    consistency_path(&LeafSlice(leaves), first, second)
}

/// Number of hashes in the inclusion proof of `index` in a tree of `size` (`index < size`).
pub fn inclusion_proof_len(index: u64, size: u64) -> usize {
    let last = size.saturating_sub(1);
    // Levels where the paths to `index` and to the last leaf differ have a full sibling…
    let inner = 64 - (index ^ last).leading_zeros();
    // …above them, one sibling for each left subtree on the right border.
    let border = index.checked_shr(inner).unwrap_or(0).count_ones();
    (inner + border) as usize
}

/// Number of hashes in the consistency proof between sizes `first <= second`.
pub fn consistency_proof_len(first: u64, second: u64) -> usize {
    if first == 0 || first >= second {
        return 0;
    }
    let shift = first.trailing_zeros();
    let full = inclusion_proof_len(first - 1, second);
    let inner = full.saturating_sub(shift as usize);
    // The root of the older tree's rightmost perfect subtree is sent unless that subtree
    // is the whole older tree (first a power of two).
    if first.is_power_of_two() {
        inner
    } else {
        inner + 1
    }
}

/// Verifies an inclusion proof with the algorithm of RFC 9162 §2.1.3.2.
///
/// `leaf` is the leaf hash (see [`crate::leaf_hash`]), `index` its 0-based position,
/// `size` the tree size whose root is `root`.
pub fn verify_inclusion(
    leaf: &Hash,
    index: u64,
    size: u64,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    // Step 1.
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let expected = inclusion_proof_len(index, size);
    if proof.len() != expected {
        return Err(ProofError::WrongProofLength {
            expected,
            actual: proof.len(),
        });
    }
    // Steps 2 and 3.
    let mut f_n = index;
    let mut s_n = size - 1;
    let mut r = *leaf;
    // Step 4.
    for p in proof {
        if s_n == 0 {
            return Err(ProofError::Malformed);
        }
        if f_n & 1 == 1 || f_n == s_n {
            r = node_hash(p, &r);
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    // Step 5.
    if s_n != 0 {
        return Err(ProofError::Malformed);
    }
    if r != *root {
        return Err(ProofError::RootMismatch);
    }
    Ok(())
}

/// Verifies a consistency proof with the algorithm of RFC 9162 §2.1.4.2.
///
/// Cases outside `0 < first < second`, which the RFC's algorithm does not cover:
/// `first > second` fails; `first == 0` needs an empty proof and `first_root ==`
/// [`EMPTY_ROOT`] (the empty tree is a prefix of every tree, so `second_root` is free
/// unless `second == 0` too); `first == second` needs an empty proof and equal roots.
pub fn verify_consistency(
    first: u64,
    second: u64,
    first_root: &Hash,
    second_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if first > second {
        return Err(ProofError::SizesOutOfOrder { first, second });
    }
    let expected = consistency_proof_len(first, second);
    if proof.len() != expected {
        return Err(ProofError::WrongProofLength {
            expected,
            actual: proof.len(),
        });
    }
    if first == 0 {
        if *first_root != EMPTY_ROOT {
            return Err(ProofError::FirstRootMismatch);
        }
        if second == 0 && *second_root != EMPTY_ROOT {
            return Err(ProofError::SecondRootMismatch);
        }
        return Ok(());
    }
    if first == second {
        if first_root != second_root {
            return Err(ProofError::RootMismatch);
        }
        return Ok(());
    }
    // Step 1.
    let Some((head, tail)) = proof.split_first() else {
        return Err(ProofError::WrongProofLength {
            expected,
            actual: 0,
        });
    };
    // Step 2, without copying: the path is `seed` followed by `rest`.
    let (seed, rest) = if first.is_power_of_two() {
        (first_root, proof)
    } else {
        (head, tail)
    };
    // Step 3.
    let mut f_n = first - 1;
    let mut s_n = second - 1;
    // Step 4.
    while f_n & 1 == 1 {
        f_n >>= 1;
        s_n >>= 1;
    }
    // Step 5.
    let mut f_r = *seed;
    let mut s_r = *seed;
    // Step 6.
    for c in rest {
        if s_n == 0 {
            return Err(ProofError::Malformed);
        }
        if f_n & 1 == 1 || f_n == s_n {
            f_r = node_hash(c, &f_r);
            s_r = node_hash(c, &s_r);
            while f_n & 1 == 0 && f_n != 0 {
                f_n >>= 1;
                s_n >>= 1;
            }
        } else {
            s_r = node_hash(&s_r, c);
        }
        f_n >>= 1;
        s_n >>= 1;
    }
    // Step 7.
    if s_n != 0 {
        return Err(ProofError::Malformed);
    }
    if f_r != *first_root {
        return Err(ProofError::FirstRootMismatch);
    }
    if s_r != *second_root {
        return Err(ProofError::SecondRootMismatch);
    }
    Ok(())
}

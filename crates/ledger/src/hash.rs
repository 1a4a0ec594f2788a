//! RFC 9162 §2.1.1 hashing: leaf and interior-node hashes and the Merkle Tree Hash (MTH).

use sha2::{Digest, Sha256};

use crate::frontier::Frontier;

/// A SHA-256 output: a leaf hash, an interior node hash or a tree root.
pub type Hash = [u8; 32];

/// Length in bytes of a [`Hash`](type@Hash).
pub const HASH_LEN: usize = 32;

/// Prefix byte of a leaf hash input (RFC 9162 §2.1.1): `SHA-256(0x00 || entry)`.
pub const LEAF_PREFIX: u8 = 0x00;

/// Prefix byte of an interior node hash input (RFC 9162 §2.1.1): `SHA-256(0x01 || left || right)`.
pub const NODE_PREFIX: u8 = 0x01;

/// The root of the empty tree: `SHA-256("")`, i.e. `e3b0c442…b855`.
pub const EMPTY_ROOT: Hash = [
    0xe3, 0xb0, 0xc4, 0x42, 0x98, 0xfc, 0x1c, 0x14, 0x9a, 0xfb, 0xf4, 0xc8, 0x99, 0x6f, 0xb9, 0x24,
    0x27, 0xae, 0x41, 0xe4, 0x64, 0x9b, 0x93, 0x4c, 0xa4, 0x95, 0x99, 0x1b, 0x78, 0x52, 0xb8, 0x55,
];

/// Hash of one ledger entry: `SHA-256(0x00 || entry)`.
///
/// The entry is opaque bytes; this crate never looks inside.
pub fn leaf_hash(entry: &[u8]) -> Hash {
    let mut hasher = Sha256::new();
    hasher.update([LEAF_PREFIX]);
    hasher.update(entry);
    hasher.finalize().into()
}

/// Hash of an interior node: `SHA-256(0x01 || left || right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut input = [0u8; 1 + 2 * HASH_LEN];
    let (prefix, rest) = input.split_at_mut(1);
    let (l, r) = rest.split_at_mut(HASH_LEN);
    prefix.copy_from_slice(&[NODE_PREFIX]);
    l.copy_from_slice(left);
    r.copy_from_slice(right);
    Sha256::digest(input).into()
}

/// The Merkle Tree Hash (RFC 9162 §2.1.1) of a list of leaf hashes.
///
/// `root(&[])` is [`EMPTY_ROOT`]. Computed iteratively with a compact range
/// (`n - 1` node hashes, `O(log n)` extra memory), never recursively.
pub fn root(leaves: &[Hash]) -> Hash {
    Frontier::from_leaves(leaves).root()
}

/// Lower-case hex of a hash (64 characters).
pub fn hash_to_hex(hash: &Hash) -> String {
    hex::encode(hash)
}

/// Parses 64 hex characters (either case) into a hash.
pub fn hash_from_hex(text: &str) -> Result<Hash, HexError> {
    let mut out = [0u8; HASH_LEN];
    hex::decode_to_slice(text, &mut out).map_err(|_| HexError {
        expected_bytes: HASH_LEN,
    })?;
    Ok(out)
}

/// A hex string was not the expected number of hex-encoded bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("expected {expected_bytes} bytes as {} hex characters", expected_bytes * 2)]
pub struct HexError {
    /// How many bytes the hex string should encode.
    pub expected_bytes: usize,
}

/// The largest power of two strictly smaller than `n` (`n >= 2`); the split point `k` of RFC 9162 §2.1.1.
pub(crate) fn split_point(n: u64) -> u64 {
    // For n >= 2, n - 1 >= 1, so the shift is in 0..=63.
    1u64 << (63 - (n.saturating_sub(1) | 1).leading_zeros())
}

//! sailau-ledger: the append-only Merkle tree under every change in sailau.
//!
//! A pure crate: no I/O, no clock, no SQL, no panics. It knows nothing of what entries
//! mean — an entry is opaque bytes, turned into a leaf hash by [`leaf_hash`]. Callers
//! (storage, the application layer, `sailau ledger verify`) decide what the bytes are.
//!
//! # Hashing (RFC 9162 §2.1.1, SHA-256)
//!
//! * leaf: `SHA-256(0x00 || entry)` — [`leaf_hash`]
//! * node: `SHA-256(0x01 || left || right)` — [`node_hash`]
//! * root of `n` leaves: the Merkle Tree Hash, split at the largest power of two below
//!   `n`; the empty tree's root is `SHA-256("")` ([`EMPTY_ROOT`]) — [`root`]
//!
//! Checked against the published RFC 6962/9162 test vectors of transparency-dev/merkle.
//!
//! # Appending: [`Frontier`]
//!
//! The roots of the perfect subtrees along the right edge (`popcount(size)` hashes).
//! Storage keeps its [`Frontier::to_bytes`] encoding (8-byte big-endian size, then the
//! hashes, largest subtree first) and appends in `O(log n)` while recording the root of
//! every size.
//!
//! # Proofs
//!
//! [`inclusion_proof`] / [`verify_inclusion`] (RFC 9162 §2.1.3) and [`consistency_proof`] /
//! [`verify_consistency`] (§2.1.4). Verification follows the RFC's algorithms after
//! checking the proof length. [`Tree`] precomputes every perfect subtree so that many
//! proofs, for any past size, are answered in `O(log n)`.
//!
//! # Signed tree heads
//!
//! [`TreeHead`] `{size, root, timestamp_ms}` is signed with Ed25519 over
//! [`TreeHead::signing_bytes`]: `"sailau-ledger-sth-v1\0" || size (u64 BE) || root (32
//! bytes) || timestamp_ms (u64 BE)`, 69 bytes. [`SignedTreeHead`] adds the [`KeyId`]
//! (SHA-256 of the 32-byte public key) and the 64-byte signature. [`LedgerSigningKey`]
//! signs, [`verify`] checks (strict Ed25519).
//!
//! # JSON
//!
//! Hashes, key ids and signatures are lower-case hex strings (hashes and key ids 64
//! characters, signatures 128); numbers are JSON integers. Unknown fields are rejected.
//!
//! ```json
//! {"size": 3, "root": "aeb6bcfe…6e77", "timestamp_ms": 1700000000000}
//! {"head": {"size": 3, "root": "…", "timestamp_ms": 1700000000000},
//!  "key_id": "…", "signature": "…"}
//! {"index": 2, "size": 5, "path": ["…", "…", "…"]}
//! {"first": 2, "second": 5, "path": ["…", "…"]}
//! ```
//!
//! Use `#[serde(with = "sailau_ledger::hex32")]` (or `hex32_vec`) for hashes in your own types.
//!
//! # Example
//!
//! ```
//! use sailau_ledger::{
//!     Frontier, LedgerSigningKey, Tree, TreeHead, leaf_hash, verify, verify_consistency,
//!     verify_inclusion,
//! };
//!
//! // Appending: storage keeps the frontier's bytes next to the entries.
//! let mut stored = Frontier::new().to_bytes();
//! let mut leaves = Vec::new();
//! for entry in [&b"first entry"[..], b"second entry", b"third entry"] {
//!     let mut frontier = Frontier::from_bytes(&stored)?;
//!     let leaf = leaf_hash(entry);
//!     frontier.push(leaf)?;
//!     leaves.push(leaf);
//!     stored = frontier.to_bytes(); // and record frontier.root() for this size
//! }
//! let frontier = Frontier::from_bytes(&stored)?;
//!
//! // Signing the head (the timestamp comes from the caller's clock).
//! let key = LedgerSigningKey::from_seed(&[7; 32]);
//! let head = TreeHead { size: frontier.size(), root: frontier.root(), timestamp_ms: 1_700_000_000_000 };
//! let sth = key.sign(&head);
//! verify(&sth, &key.verifying_key())?;
//!
//! // Proofs, from leaf hashes held in memory.
//! let tree = Tree::from_leaves(leaves);
//! let proof = tree.inclusion_proof(1, 3)?;
//! verify_inclusion(&leaf_hash(b"second entry"), 1, 3, &proof, &sth.head.root)?;
//! let old_root = tree.root_at(2)?;
//! verify_consistency(2, 3, &old_root, &sth.head.root, &tree.consistency_proof(2, 3)?)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(clippy::indexing_slicing, missing_docs)]

mod frontier;
mod hash;
mod proof;
mod sth;
mod tree;

pub use frontier::{Frontier, FrontierError};
pub use hash::{
    EMPTY_ROOT, HASH_LEN, Hash, HexError, LEAF_PREFIX, NODE_PREFIX, hash_from_hex, hash_to_hex,
    leaf_hash, node_hash, root,
};
pub use proof::{
    ConsistencyProof, InclusionProof, ProofError, consistency_proof, consistency_proof_len,
    inclusion_proof, inclusion_proof_len, verify_consistency, verify_inclusion,
};
pub use sth::{
    KeyId, LedgerSigningKey, SEED_LEN, STH_DOMAIN, STH_SIGNING_LEN, Signature, SignedTreeHead,
    SthError, TreeHead, VerifyingKey, verify, verifying_key_from_hex, verifying_key_to_hex,
};
pub use tree::Tree;

/// Serde for a [`Hash`](type@crate::Hash) as 64 hex characters: `#[serde(with = "sailau_ledger::hex32")]`.
pub mod hex32 {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::Hash;

    /// Serializes as lower-case hex.
    pub fn serialize<S: Serializer>(hash: &Hash, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&hex::encode(hash))
    }

    /// Deserializes 64 hex characters (either case).
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Hash, D::Error> {
        let text = String::deserialize(deserializer)?;
        crate::hash_from_hex(&text).map_err(D::Error::custom)
    }
}

/// Serde for a `Vec<Hash>` as an array of hex strings: `#[serde(with = "sailau_ledger::hex32_vec")]`.
pub mod hex32_vec {
    use serde::de::Error as _;
    use serde::ser::SerializeSeq;
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::Hash;

    /// Serializes as an array of lower-case hex strings.
    pub fn serialize<S: Serializer>(hashes: &[Hash], serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(hashes.len()))?;
        for hash in hashes {
            seq.serialize_element(&hex::encode(hash))?;
        }
        seq.end()
    }

    /// Deserializes an array of 64-character hex strings.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Hash>, D::Error> {
        let texts = Vec::<String>::deserialize(deserializer)?;
        texts
            .iter()
            .map(|text| crate::hash_from_hex(text).map_err(D::Error::custom))
            .collect()
    }
}

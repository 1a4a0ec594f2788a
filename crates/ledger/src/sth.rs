//! Signed tree heads: the ledger's size and root at a moment, signed with Ed25519.

use std::fmt;
use std::str::FromStr;

use ed25519_dalek::{Signer, SigningKey};
use rand_core::{CryptoRng, TryCryptoRng};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

pub use ed25519_dalek::{Signature, VerifyingKey};

use crate::hash::{HASH_LEN, Hash, HexError};

/// Domain-separation prefix of [`TreeHead::signing_bytes`] (21 bytes, NUL-terminated).
pub const STH_DOMAIN: &[u8; 21] = b"sailau-ledger-sth-v1\0";

/// Length of [`TreeHead::signing_bytes`]: 21 + 8 + 32 + 8.
pub const STH_SIGNING_LEN: usize = STH_DOMAIN.len() + 8 + HASH_LEN + 8;

/// Length of an Ed25519 seed (the secret key file's content).
pub const SEED_LEN: usize = 32;

/// The state of the ledger at a moment: how many entries, their Merkle root, and when.
///
/// JSON: `{"size": 42, "root": "<64 hex>", "timestamp_ms": 1700000000000}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreeHead {
    /// Number of entries (leaves).
    pub size: u64,
    /// Merkle Tree Hash of the first `size` entries.
    #[serde(with = "crate::hex32")]
    pub root: Hash,
    /// Milliseconds since the Unix epoch (UTC) when the head was produced; supplied by the
    /// caller, this crate has no clock.
    pub timestamp_ms: u64,
}

impl TreeHead {
    /// The canonical byte string that is signed:
    ///
    /// ```text
    /// "sailau-ledger-sth-v1\0"   21 bytes, STH_DOMAIN
    /// size                        8 bytes, big-endian u64
    /// root                       32 bytes
    /// timestamp_ms                8 bytes, big-endian u64
    /// ```
    ///
    /// 69 bytes in all ([`STH_SIGNING_LEN`]).
    pub fn signing_bytes(&self) -> [u8; STH_SIGNING_LEN] {
        let mut out = [0u8; STH_SIGNING_LEN];
        let fields: [&[u8]; 4] = [
            STH_DOMAIN,
            &self.size.to_be_bytes(),
            &self.root,
            &self.timestamp_ms.to_be_bytes(),
        ];
        let mut at = 0;
        for field in fields {
            if let Some(dst) = out.get_mut(at..at + field.len()) {
                dst.copy_from_slice(field);
            }
            at += field.len();
        }
        out
    }
}

/// Identifies a signing key: SHA-256 of the 32-byte Ed25519 public key.
///
/// Displays, parses and serializes as 64 lower-case hex characters.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(pub [u8; 32]);

impl KeyId {
    /// The id of `key`: `SHA-256(public key bytes)`.
    pub fn of(key: &VerifyingKey) -> Self {
        Self(Sha256::digest(key.as_bytes()).into())
    }

    /// Lower-case hex.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyId({})", self.to_hex())
    }
}

impl FromStr for KeyId {
    type Err = HexError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        crate::hash::hash_from_hex(s).map(Self)
    }
}

impl Serialize for KeyId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::hex32::serialize(&self.0, serializer)
    }
}

impl<'de> Deserialize<'de> for KeyId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::hex32::deserialize(deserializer).map(Self)
    }
}

/// A [`TreeHead`] with the Ed25519 signature of its [`TreeHead::signing_bytes`].
///
/// JSON:
/// `{"head": {"size": …, "root": "<64 hex>", "timestamp_ms": …}, "key_id": "<64 hex>", "signature": "<128 hex>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedTreeHead {
    /// What was signed.
    pub head: TreeHead,
    /// Which key signed it.
    pub key_id: KeyId,
    /// Ed25519 signature (64 bytes: R || s) over `head.signing_bytes()`.
    #[serde(with = "signature_hex")]
    pub signature: Signature,
}

/// Why a signed tree head (or a key) was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SthError {
    /// The head names another key than the one it is checked with.
    #[error("signed tree head names key {found}, but is checked with key {expected}")]
    KeyIdMismatch {
        /// Id of the verifying key.
        expected: KeyId,
        /// Id carried by the signed tree head.
        found: KeyId,
    },
    /// The signature does not verify (strict Ed25519 verification).
    #[error("the tree head signature is invalid")]
    BadSignature,
    /// Bytes that are not an Ed25519 public key.
    #[error("not a valid Ed25519 public key")]
    InvalidPublicKey,
    /// A seed or key of the wrong length or encoding.
    #[error("an Ed25519 seed or public key must be {SEED_LEN} bytes (64 hex characters)")]
    InvalidKeyLength,
}

/// The ledger's Ed25519 signing key.
///
/// Holds only the secret key; it is wiped from memory on drop (ed25519-dalek zeroizes
/// its `SigningKey`), and [`LedgerSigningKey::to_seed`] hands the seed out in a
/// [`Zeroizing`] buffer. `Debug` shows the key id, never the secret.
#[derive(Clone)]
pub struct LedgerSigningKey {
    key: SigningKey,
}

impl LedgerSigningKey {
    /// A fresh key from an infallible cryptographically secure generator chosen by the
    /// caller (for example `rand::rng()`).
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut seed = Zeroizing::new([0u8; SEED_LEN]);
        rng.fill_bytes(seed.as_mut_slice());
        Self::from_seed(&seed)
    }

    /// A fresh key from a fallible cryptographically secure generator, such as the
    /// operating system's (`rand::rngs::SysRng`); its error is passed through.
    pub fn try_generate<R: TryCryptoRng + ?Sized>(rng: &mut R) -> Result<Self, R::Error> {
        let mut seed = Zeroizing::new([0u8; SEED_LEN]);
        rng.try_fill_bytes(seed.as_mut_slice())?;
        Ok(Self::from_seed(&seed))
    }

    /// The key whose 32-byte Ed25519 seed (RFC 8032 private key) is `seed`.
    pub fn from_seed(seed: &[u8; SEED_LEN]) -> Self {
        Self {
            key: SigningKey::from_bytes(seed),
        }
    }

    /// As [`LedgerSigningKey::from_seed`], from a slice that must be exactly 32 bytes.
    pub fn from_seed_slice(seed: &[u8]) -> Result<Self, SthError> {
        let seed: &[u8; SEED_LEN] = seed.try_into().map_err(|_| SthError::InvalidKeyLength)?;
        Ok(Self::from_seed(seed))
    }

    /// As [`LedgerSigningKey::from_seed`], from 64 hex characters (surrounding
    /// whitespace, such as a key file's final newline, is ignored).
    pub fn from_seed_hex(text: &str) -> Result<Self, SthError> {
        let mut seed = Zeroizing::new([0u8; SEED_LEN]);
        hex::decode_to_slice(text.trim(), seed.as_mut_slice())
            .map_err(|_| SthError::InvalidKeyLength)?;
        Ok(Self::from_seed(&seed))
    }

    /// The 32-byte seed, to be stored by the caller; wiped when the buffer is dropped.
    pub fn to_seed(&self) -> Zeroizing<[u8; SEED_LEN]> {
        Zeroizing::new(self.key.to_bytes())
    }

    /// The seed as 64 lower-case hex characters; wiped when the string is dropped.
    pub fn to_seed_hex(&self) -> Zeroizing<String> {
        Zeroizing::new(hex::encode(self.to_seed().as_slice()))
    }

    /// The public key.
    pub fn verifying_key(&self) -> VerifyingKey {
        self.key.verifying_key()
    }

    /// [`KeyId::of`] the public key.
    pub fn key_id(&self) -> KeyId {
        KeyId::of(&self.verifying_key())
    }

    /// Signs `head`.
    pub fn sign(&self, head: &TreeHead) -> SignedTreeHead {
        SignedTreeHead {
            head: *head,
            key_id: self.key_id(),
            signature: self.key.sign(&head.signing_bytes()),
        }
    }
}

impl fmt::Debug for LedgerSigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LedgerSigningKey")
            .field("key_id", &self.key_id())
            .finish_non_exhaustive()
    }
}

/// Checks that `sth` names `key` and carries a valid signature by it.
///
/// Uses ed25519-dalek's `verify_strict` (rejects small-order keys and non-canonical
/// signatures). Says nothing about whether `sth.head` matches any tree: compare
/// `sth.head.root` with the recomputed root separately.
pub fn verify(sth: &SignedTreeHead, key: &VerifyingKey) -> Result<(), SthError> {
    let expected = KeyId::of(key);
    if sth.key_id != expected {
        return Err(SthError::KeyIdMismatch {
            expected,
            found: sth.key_id,
        });
    }
    key.verify_strict(&sth.head.signing_bytes(), &sth.signature)
        .map_err(|_| SthError::BadSignature)
}

/// Parses a 32-byte Ed25519 public key from 64 hex characters (surrounding whitespace ignored).
pub fn verifying_key_from_hex(text: &str) -> Result<VerifyingKey, SthError> {
    let mut bytes = [0u8; 32];
    hex::decode_to_slice(text.trim(), &mut bytes).map_err(|_| SthError::InvalidKeyLength)?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| SthError::InvalidPublicKey)
}

/// Lower-case hex of a public key (64 characters).
pub fn verifying_key_to_hex(key: &VerifyingKey) -> String {
    hex::encode(key.as_bytes())
}

/// Serde for [`Signature`] as 128 hex characters.
mod signature_hex {
    use super::Signature;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(
        sig: &Signature,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&hex::encode(sig.to_bytes()))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Signature, D::Error> {
        let text = String::deserialize(deserializer)?;
        let mut bytes = [0u8; 64];
        hex::decode_to_slice(&text, &mut bytes)
            .map_err(|_| D::Error::custom("expected a 64-byte signature as 128 hex characters"))?;
        Ok(Signature::from_bytes(&bytes))
    }
}

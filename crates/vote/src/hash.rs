//! Hashing and Fiat–Shamir transcripts (SHA-512, domain separated, length prefixed).
//!
//! A transcript with label `L` and fields `f1 … fk` hashes
//!
//! ```text
//! SHA-512( enc("sailau-vote/v1") || enc(L) || enc(f1) || … || enc(fk) )
//! enc(x) = u32_be(len(x)) || x
//! ```
//!
//! Field encodings: points = 32-byte canonical encodings, scalars = 32 bytes little-endian,
//! hashes = 32 bytes, `u32`/`u64` = 4/8 bytes big-endian, strings = UTF-8 bytes, each then
//! length-prefixed like any field. A challenge is `Scalar::from_bytes_mod_order_wide` of the
//! 64-byte digest; a [`Hash32`] is the first 32 bytes of the digest.

use core::fmt;

use curve25519_dalek::Scalar;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use sha2::{Digest, Sha512};

use crate::error::EncodingError;
use crate::group::{Point, PublicScalar, decode_hex};

/// The protocol identifier, the first field of every transcript.
pub const PROTOCOL: &str = "sailau-vote/v1";

/// A 32-byte hash (the first half of a SHA-512 transcript digest). Hex on the wire.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Hash32(pub [u8; 32]);

impl Hash32 {
    /// Decode 64 lowercase hex characters.
    pub fn from_hex(s: &str) -> Result<Self, EncodingError> {
        Ok(Hash32(decode_hex::<32>(s)?))
    }

    /// 64 lowercase hex characters.
    pub fn to_hex(&self) -> String {
        crate::group::Hex32::of(&self.0).as_str().to_owned()
    }

    /// The bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for Hash32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash32({})", self.to_hex())
    }
}

impl fmt::Display for Hash32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for Hash32 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(crate::group::Hex32::of(&self.0).as_str())
    }
}

impl<'de> Deserialize<'de> for Hash32 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Hash32::from_hex(&s).map_err(serde::de::Error::custom)
    }
}

/// A domain-separated SHA-512 transcript (see the module documentation for the byte layout).
#[derive(Clone)]
pub struct Transcript {
    hasher: Sha512,
}

impl Transcript {
    /// Start a transcript: absorbs `enc(PROTOCOL) || enc(label)`.
    pub fn new(label: &str) -> Self {
        let mut t = Transcript {
            hasher: Sha512::new(),
        };
        t.bytes(PROTOCOL.as_bytes());
        t.bytes(label.as_bytes());
        t
    }

    /// Absorb one field: `u32_be(len) || bytes`.
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        // Fields longer than 4 GiB cannot occur (all inputs are bounded by validation);
        // saturate rather than panic.
        let len = u32::try_from(bytes.len()).unwrap_or(u32::MAX);
        self.hasher.update(len.to_be_bytes());
        self.hasher.update(bytes);
        self
    }

    /// Absorb a UTF-8 string field.
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes())
    }

    /// Absorb a `u32` field (4 bytes big-endian).
    pub fn u32(&mut self, v: u32) -> &mut Self {
        self.bytes(&v.to_be_bytes())
    }

    /// Absorb a `u64` field (8 bytes big-endian).
    pub fn u64(&mut self, v: u64) -> &mut Self {
        self.bytes(&v.to_be_bytes())
    }

    /// Absorb a count (list length) as a `u32` field; lengths above `u32::MAX` saturate
    /// (they are rejected by validation long before).
    pub fn count(&mut self, n: usize) -> &mut Self {
        self.u32(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Absorb a point's canonical encoding.
    pub fn point(&mut self, p: &Point) -> &mut Self {
        self.bytes(p.as_bytes())
    }

    /// Absorb raw 32-byte point encoding.
    pub fn point_bytes(&mut self, p: &[u8; 32]) -> &mut Self {
        self.bytes(p)
    }

    /// Absorb a public scalar (32 bytes little-endian).
    pub fn scalar(&mut self, s: &PublicScalar) -> &mut Self {
        self.bytes(s.0.as_bytes())
    }

    /// Absorb a 32-byte hash.
    pub fn hash(&mut self, h: &Hash32) -> &mut Self {
        self.bytes(&h.0)
    }

    /// The 64-byte digest.
    pub fn digest(self) -> [u8; 64] {
        let out = self.hasher.finalize();
        let mut bytes = [0u8; 64];
        bytes.copy_from_slice(out.as_slice());
        bytes
    }

    /// The challenge scalar: the digest reduced mod ℓ.
    pub fn challenge(self) -> Scalar {
        Scalar::from_bytes_mod_order_wide(&self.digest())
    }

    /// The first 32 bytes of the digest.
    pub fn hash32(self) -> Hash32 {
        let d = self.digest();
        let mut h = [0u8; 32];
        h.copy_from_slice(&d[..32]);
        Hash32(h)
    }
}

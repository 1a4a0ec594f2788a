//! The group ristretto255 (RFC 9496) and its wire encodings.
//!
//! * [`Point`]: a public group element. On the wire: the 32-byte canonical ristretto255
//!   encoding as 64 lowercase hex characters. Parsing decompresses and rejects
//!   non-canonical encodings; the compressed bytes are kept so hashing never recompresses.
//! * [`PublicScalar`]: a public scalar mod ℓ (proof challenges and responses). On the wire:
//!   32 bytes little-endian, canonical (< ℓ), as 64 lowercase hex characters.
//! * [`SecretScalar`]: a secret scalar (trustee shares, polynomial coefficients, credential
//!   keys). Zeroized on drop, compared in constant time, `Debug` redacted. It serializes like a
//!   [`PublicScalar`] only so that secret files can be written by the caller.

use core::fmt;

use curve25519_dalek::constants::{RISTRETTO_BASEPOINT_POINT, RISTRETTO_BASEPOINT_TABLE};
use curve25519_dalek::ristretto::CompressedRistretto;
use curve25519_dalek::traits::{Identity, IsIdentity};
use curve25519_dalek::{RistrettoPoint, Scalar};
use rand_core::CryptoRng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use subtle::{Choice, ConstantTimeEq};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::error::EncodingError;

/// Decode exactly `N` bytes from lowercase hex.
pub(crate) fn decode_hex<const N: usize>(s: &str) -> Result<[u8; N], EncodingError> {
    if s.len() != 2 * N {
        return Err(EncodingError::HexLength {
            expected: 2 * N,
            found: s.len(),
        });
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return Err(EncodingError::NotLowercaseHex);
    }
    let mut out = [0u8; N];
    hex::decode_to_slice(s, &mut out).map_err(|_| EncodingError::NotLowercaseHex)?;
    Ok(out)
}

/// 32 bytes as 64 lowercase hex characters, written into a buffer on the stack (`hex::encode`
/// builds its `String` one `char` at a time: a ballot's JSON has about sixty of these, and the
/// online vote's profile showed it, issue 14, measure 1). Not constant time: public data only.
pub(crate) struct Hex32([u8; 64]);

impl Hex32 {
    /// The encoding of `bytes`.
    pub(crate) fn of(bytes: &[u8; 32]) -> Hex32 {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut out = [0u8; 64];
        for (pair, b) in out.chunks_exact_mut(2).zip(bytes) {
            pair[0] = DIGITS[usize::from(b >> 4)];
            pair[1] = DIGITS[usize::from(b & 0x0f)];
        }
        Hex32(out)
    }

    /// The 64 characters.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII digits and a–f are ever written.
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// Decode exactly 32 bytes from lowercase hex in constant time (for secrets).
fn decode_hex_secret(s: &str) -> Result<[u8; 32], EncodingError> {
    use subtle::{ConditionallySelectable, ConstantTimeLess};
    let bytes = s.as_bytes();
    if bytes.len() != 64 {
        return Err(EncodingError::HexLength {
            expected: 64,
            found: bytes.len(),
        });
    }
    let mut out = [0u8; 32];
    let mut ok = Choice::from(1);
    for (o, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        let mut v = 0u8;
        for &c in pair {
            let d = c.wrapping_sub(b'0');
            let l = c.wrapping_sub(b'a');
            let is_d = d.ct_lt(&10);
            let is_l = l.ct_lt(&6);
            ok &= is_d | is_l;
            let nib = u8::conditional_select(&l.wrapping_add(10), &d, is_d);
            v = (v << 4) | (nib & 0x0f);
        }
        *o = v;
    }
    if bool::from(ok) {
        Ok(out)
    } else {
        out.zeroize();
        Err(EncodingError::NotLowercaseHex)
    }
}

/// A public ristretto255 element with its canonical encoding cached.
#[derive(Clone, Copy)]
pub struct Point {
    point: RistrettoPoint,
    bytes: [u8; 32],
}

impl Point {
    /// The standard generator `G` (RFC 9496 §4.4).
    pub fn generator() -> Self {
        Self::from_point(RISTRETTO_BASEPOINT_POINT)
    }

    /// The identity element (encoding: 32 zero bytes).
    pub fn identity() -> Self {
        Self {
            point: RistrettoPoint::identity(),
            bytes: [0u8; 32],
        }
    }

    /// Wrap a point, computing its encoding (one compression).
    pub fn from_point(point: RistrettoPoint) -> Self {
        Self {
            point,
            bytes: point.compress().to_bytes(),
        }
    }

    /// Wrap a point whose canonical encoding is already known (caller guarantees they agree).
    pub(crate) fn from_parts(point: RistrettoPoint, bytes: [u8; 32]) -> Self {
        Self { point, bytes }
    }

    /// Decode a canonical 32-byte encoding.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, EncodingError> {
        let point = CompressedRistretto(*bytes)
            .decompress()
            .ok_or(EncodingError::NonCanonicalPoint)?;
        Ok(Self {
            point,
            bytes: *bytes,
        })
    }

    /// Decode 64 lowercase hex characters.
    pub fn from_hex(s: &str) -> Result<Self, EncodingError> {
        Self::from_bytes(&decode_hex::<32>(s)?)
    }

    /// The canonical encoding.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.bytes
    }

    /// The canonical encoding by reference.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.bytes
    }

    /// The encoding as 64 lowercase hex characters.
    pub fn to_hex(&self) -> String {
        Hex32::of(&self.bytes).as_str().to_owned()
    }

    /// The curve25519-dalek point.
    pub fn point(&self) -> &RistrettoPoint {
        &self.point
    }

    /// Whether this is the identity element.
    pub fn is_identity(&self) -> bool {
        self.point.is_identity()
    }
}

impl PartialEq for Point {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}
impl Eq for Point {}

impl core::hash::Hash for Point {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.bytes.hash(state);
    }
}

impl PartialOrd for Point {
    fn partial_cmp(&self, other: &Self) -> Option<core::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Point {
    /// Orders by encoding bytes (used to sort credential lists).
    fn cmp(&self, other: &Self) -> core::cmp::Ordering {
        self.bytes.cmp(&other.bytes)
    }
}

impl fmt::Debug for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Point({})", self.to_hex())
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl Serialize for Point {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(Hex32::of(&self.bytes).as_str())
    }
}

impl<'de> Deserialize<'de> for Point {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Point::from_hex(&s).map_err(serde::de::Error::custom)
    }
}

/// A public scalar modulo the group order ℓ = 2^252 + 27742317777372353535851937790883648493.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct PublicScalar(pub Scalar);

impl PublicScalar {
    /// Decode 32 canonical little-endian bytes.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, EncodingError> {
        Option::<Scalar>::from(Scalar::from_canonical_bytes(*bytes))
            .map(PublicScalar)
            .ok_or(EncodingError::NonCanonicalScalar)
    }

    /// Decode 64 lowercase hex characters.
    pub fn from_hex(s: &str) -> Result<Self, EncodingError> {
        Self::from_bytes(&decode_hex::<32>(s)?)
    }

    /// The canonical encoding.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The encoding as 64 lowercase hex characters.
    pub fn to_hex(&self) -> String {
        Hex32::of(self.0.as_bytes()).as_str().to_owned()
    }
}

impl From<Scalar> for PublicScalar {
    fn from(s: Scalar) -> Self {
        PublicScalar(s)
    }
}

impl fmt::Debug for PublicScalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Scalar({})", self.to_hex())
    }
}

impl Serialize for PublicScalar {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(Hex32::of(self.0.as_bytes()).as_str())
    }
}

impl<'de> Deserialize<'de> for PublicScalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        PublicScalar::from_hex(&s).map_err(serde::de::Error::custom)
    }
}

/// A secret scalar: zeroized on drop, constant-time equality, redacted `Debug`.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SecretScalar(Scalar);

impl SecretScalar {
    /// A uniformly random secret scalar (64 random bytes reduced mod ℓ).
    pub fn random<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        SecretScalar(Scalar::random(rng))
    }

    /// Wrap a scalar (the caller is responsible for zeroizing its own copy).
    pub fn new(s: Scalar) -> Self {
        SecretScalar(s)
    }

    /// Decode 32 canonical little-endian bytes.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, EncodingError> {
        Option::<Scalar>::from(Scalar::from_canonical_bytes(*bytes))
            .map(SecretScalar)
            .ok_or(EncodingError::NonCanonicalScalar)
    }

    /// Access the scalar. Use only in constant-time arithmetic.
    pub fn expose(&self) -> &Scalar {
        &self.0
    }

    /// `self · G`, computed in constant time with the precomputed basepoint table.
    pub fn public_point(&self) -> Point {
        Point::from_point(&self.0 * RISTRETTO_BASEPOINT_TABLE)
    }
}

impl ConstantTimeEq for SecretScalar {
    fn ct_eq(&self, other: &Self) -> Choice {
        self.0.ct_eq(&other.0)
    }
}

impl fmt::Debug for SecretScalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretScalar(<redacted>)")
    }
}

impl Serialize for SecretScalar {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut bytes = self.0.to_bytes();
        let mut text = encode_hex_secret(&bytes);
        let result = s.serialize_str(&text);
        bytes.zeroize();
        text.zeroize();
        result
    }
}

impl<'de> Deserialize<'de> for SecretScalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut s = String::deserialize(d)?;
        let result = decode_hex_secret(&s).and_then(|mut b| {
            let r = SecretScalar::from_bytes(&b);
            b.zeroize();
            r
        });
        s.zeroize();
        result.map_err(serde::de::Error::custom)
    }
}

/// Encode 32 bytes as lowercase hex in constant time (for secrets).
fn encode_hex_secret(bytes: &[u8; 32]) -> String {
    use subtle::{ConditionallySelectable, ConstantTimeLess};
    let mut out = String::with_capacity(64);
    for b in bytes {
        for nib in [b >> 4, b & 0x0f] {
            let c = u8::conditional_select(
                &b'a'.wrapping_add(nib.wrapping_sub(10)),
                &b'0'.wrapping_add(nib),
                nib.ct_lt(&10),
            );
            out.push(char::from(c));
        }
    }
    out
}

/// `s · G` in constant time.
pub(crate) fn mul_base(s: &Scalar) -> RistrettoPoint {
    s * RISTRETTO_BASEPOINT_TABLE
}

/// Compress many points at once with one batched inversion: returns the encodings of the
/// given points, each of which is passed as *half* of the wanted point (`P/2`); uses
/// `RistrettoPoint::double_and_compress_batch`. Constant time.
pub(crate) fn compress_halves(halves: &[RistrettoPoint]) -> Vec<[u8; 32]> {
    RistrettoPoint::double_and_compress_batch(halves.iter())
        .into_iter()
        .map(|c| c.to_bytes())
        .collect()
}

/// The scalar 1/2 mod ℓ.
pub(crate) fn half() -> Scalar {
    Scalar::from(2u64).invert()
}

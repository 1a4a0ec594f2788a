//! Voter credentials in the Belenios manner.
//!
//! A credential authority generates for each voter a secret [`CredentialCode`] (given to
//! the voter only) and the matching public credential `X = x·G` (published, in a list
//! without names). The signing key is derived from the code and the election:
//! `x = H_wide("credential-key", parameters_hash, secret16)`. Each ballot is signed with `x`
//! (a Schnorr signature over the ballot hash), so only eligible voters can cast ballots and
//! nobody can tell which voter holds which public credential.
//!
//! Code format: 16 random bytes followed by a 4-byte checksum
//! `H("credential-check", secret16)[0..4]`, i.e. 20 bytes, written as 32 characters of
//! Crockford base32 (`0123456789ABCDEFGHJKMNPQRSTVWXYZ`, most significant bit first) in 8
//! groups of 4 separated by `-`. Parsing ignores `-` and spaces, is case-insensitive and
//! reads `O` as `0` and `I`/`L` as `1`.

use core::fmt;

use curve25519_dalek::Scalar;
use rand_core::CryptoRng;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::error::CredentialError;
use crate::group::{Point, SecretScalar};
use crate::hash::{Hash32, Transcript};
use crate::manifest::ElectionParameters;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A public credential `X = x·G`.
pub type PublicCredential = Point;

/// A voter's secret credential code.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct CredentialCode {
    secret: [u8; 16],
}

fn checksum(secret: &[u8; 16]) -> [u8; 4] {
    let mut t = Transcript::new("credential-check");
    t.bytes(secret);
    let h = t.hash32();
    [h.0[0], h.0[1], h.0[2], h.0[3]]
}

/// Decode one character in constant time over the alphabet (the characters are secret).
fn decode_char(c: char) -> Result<u8, CredentialError> {
    let Ok(byte) = u8::try_from(u32::from(c)) else {
        return Err(CredentialError::Character(c));
    };
    let mut b = byte.to_ascii_uppercase();
    b.conditional_assign(&b'0', b.ct_eq(&b'O'));
    b.conditional_assign(&b'1', b.ct_eq(&b'I') | b.ct_eq(&b'L'));
    let mut value = 0u8;
    let mut found = Choice::from(0);
    for (i, a) in (0u8..).zip(ALPHABET.iter()) {
        let eq = a.ct_eq(&b);
        value.conditional_assign(&i, eq);
        found |= eq;
    }
    if bool::from(found) {
        Ok(value)
    } else {
        Err(CredentialError::Character(c))
    }
}

/// The alphabet character for a 5-bit value, in constant time.
fn encode_char(v: u8) -> char {
    let mut out = b'0';
    for (i, a) in (0u8..).zip(ALPHABET.iter()) {
        out.conditional_assign(a, i.ct_eq(&v));
    }
    char::from(out)
}

impl CredentialCode {
    /// A fresh random credential code.
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut secret = [0u8; 16];
        rng.fill_bytes(&mut secret);
        CredentialCode { secret }
    }

    /// Parse a code as typed by a voter.
    pub fn parse(s: &str) -> Result<Self, CredentialError> {
        let mut values = Vec::with_capacity(32);
        for c in s.chars().filter(|c| *c != '-' && !c.is_whitespace()) {
            values.push(decode_char(c)?);
        }
        if values.len() != 32 {
            let n = values.len();
            values.zeroize();
            return Err(CredentialError::Length(n));
        }
        let mut bytes = [0u8; 20];
        let mut acc: u64 = 0;
        let mut bits = 0u32;
        let mut out = 0usize;
        for v in &values {
            acc = (acc << 5) | u64::from(*v);
            bits += 5;
            while bits >= 8 {
                bits -= 8;
                if let Some(b) = bytes.get_mut(out) {
                    *b = ((acc >> bits) & 0xff) as u8;
                }
                out += 1;
            }
        }
        acc.zeroize();
        values.zeroize();
        let mut secret = [0u8; 16];
        secret.copy_from_slice(&bytes[..16]);
        let ok = bool::from(checksum(&secret).ct_eq(&bytes[16..20]));
        bytes.zeroize();
        if !ok {
            secret.zeroize();
            return Err(CredentialError::Checksum);
        }
        Ok(CredentialCode { secret })
    }

    /// The code as voters see it: `XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`.
    pub fn to_code_string(&self) -> String {
        let mut bytes = [0u8; 20];
        bytes[..16].copy_from_slice(&self.secret);
        bytes[16..].copy_from_slice(&checksum(&self.secret));
        let mut out = String::with_capacity(39);
        let mut acc: u64 = 0;
        let mut bits = 0u32;
        let mut n = 0usize;
        for b in &bytes {
            acc = (acc << 8) | u64::from(*b);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                let v = ((acc >> bits) & 31) as u8;
                if n > 0 && n.is_multiple_of(4) {
                    out.push('-');
                }
                out.push(encode_char(v));
                n += 1;
            }
        }
        acc.zeroize();
        bytes.zeroize();
        out
    }

    /// Derive the signing key for an election (spec §5).
    pub fn derive_key(&self, parameters_hash: &Hash32) -> CredentialKey {
        let mut t = Transcript::new("credential-key");
        t.hash(parameters_hash).bytes(&self.secret);
        let mut wide = t.digest();
        let secret = SecretScalar::new(Scalar::from_bytes_mod_order_wide(&wide));
        wide.zeroize();
        let public = secret.public_point();
        CredentialKey { secret, public }
    }
}

impl ConstantTimeEq for CredentialCode {
    fn ct_eq(&self, other: &Self) -> Choice {
        self.secret.ct_eq(&other.secret)
    }
}

impl PartialEq for CredentialCode {
    /// Constant-time comparison.
    fn eq(&self, other: &Self) -> bool {
        self.ct_eq(other).into()
    }
}
impl Eq for CredentialCode {}

impl fmt::Debug for CredentialCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("CredentialCode(<redacted>)")
    }
}

impl Serialize for CredentialCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = self.to_code_string();
        let r = s.serialize_str(&text);
        text.zeroize();
        r
    }
}

impl<'de> Deserialize<'de> for CredentialCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut s = String::deserialize(d)?;
        let r = CredentialCode::parse(&s);
        s.zeroize();
        r.map_err(serde::de::Error::custom)
    }
}

/// A voter's signing key derived from a [`CredentialCode`] for one election.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct CredentialKey {
    secret: SecretScalar,
    #[zeroize(skip)]
    public: Point,
}

impl CredentialKey {
    /// The public credential `X = x·G`.
    pub fn public(&self) -> &PublicCredential {
        &self.public
    }

    pub(crate) fn secret(&self) -> &Scalar {
        self.secret.expose()
    }
}

impl fmt::Debug for CredentialKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CredentialKey(public: {})", self.public)
    }
}

/// Generate one voter credential: the secret code (for the voter) and the public
/// credential (for the published list).
pub fn generate_credential<R: CryptoRng + ?Sized>(
    parameters: &ElectionParameters,
    rng: &mut R,
) -> (CredentialCode, PublicCredential) {
    let code = CredentialCode::generate(rng);
    let public = *code.derive_key(&parameters.hash()).public();
    (code, public)
}

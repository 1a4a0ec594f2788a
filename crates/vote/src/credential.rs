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
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::error::CredentialError;
use crate::group::{Point, SecretScalar};
use crate::hash::{Hash32, Transcript};
use crate::manifest::ElectionParameters;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A public credential `X = x·G`.
pub type PublicCredential = Point;

/// A voter's secret credential code.
#[derive(Clone, PartialEq, Eq, Zeroize, ZeroizeOnDrop)]
pub struct CredentialCode {
    secret: [u8; 16],
}

fn checksum(secret: &[u8; 16]) -> [u8; 4] {
    let mut t = Transcript::new("credential-check");
    t.bytes(secret);
    let h = t.hash32();
    [h.0[0], h.0[1], h.0[2], h.0[3]]
}

fn decode_char(c: char) -> Result<u8, CredentialError> {
    let u = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        u => u,
    };
    ALPHABET
        .iter()
        .position(|&a| char::from(a) == u)
        .and_then(|p| u8::try_from(p).ok())
        .ok_or(CredentialError::Character(c))
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
        let ok = checksum(&secret) == bytes[16..20];
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
                let idx = ((acc >> bits) & 31) as usize;
                if n > 0 && n.is_multiple_of(4) {
                    out.push('-');
                }
                if let Some(c) = ALPHABET.get(idx) {
                    out.push(char::from(*c));
                }
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

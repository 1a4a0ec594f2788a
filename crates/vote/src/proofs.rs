//! Zero-knowledge proof types (commitment form, so that they batch) and their internal
//! prove/verify helpers.
//!
//! All proofs are Fiat–Shamir transformed sigma protocols on ristretto255 with the challenge
//! computed by a [`Transcript`] whose label and fields are given in
//! the specification. Responses are `v = u + c·x` and the verifier checks `v·B = a + c·X`.

use curve25519_dalek::traits::{IsIdentity, VartimeMultiscalarMul};
use curve25519_dalek::{RistrettoPoint, Scalar};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};

use crate::group::{Point, PublicScalar, mul_base};
use crate::hash::Transcript;

/// Schnorr proof of knowledge of `x` with `X = x·G` (also used as a signature).
/// Wire: `{"r": commitment, "s": response}`; check `s·G = R + c·X`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchnorrProof {
    /// Commitment `R = k·G`.
    #[serde(rename = "r")]
    pub commitment: Point,
    /// Response `s = k + c·x`.
    #[serde(rename = "s")]
    pub response: PublicScalar,
}

/// A credential signature is a Schnorr proof bound to a message (the ballot hash).
pub type Signature = SchnorrProof;

/// Chaum–Pedersen proof that `log_G X = log_H Y` (the challenge is recomputed from the
/// transcript). Wire: `{"a": u·G, "b": u·H, "v": u + c·x}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DleqProof {
    /// `a = u·G`.
    pub a: Point,
    /// `b = u·H`.
    pub b: Point,
    /// `v = u + c·x`.
    pub v: PublicScalar,
}

/// One branch of a disjunctive Chaum–Pedersen proof. Wire: `{"a","b","c","v"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofBranch {
    /// Commitment on the first base.
    pub a: Point,
    /// Commitment on the second base.
    pub b: Point,
    /// This branch's challenge (the branch challenges sum to the transcript challenge).
    pub c: PublicScalar,
    /// Response.
    pub v: PublicScalar,
}

/// Disjunctive Chaum–Pedersen proof: "the ciphertext `(α, β)` encrypts one of the values
/// `lo, lo+1, …, lo+L-1`" with one branch per value. The 0/1 proof of an option has 2
/// branches (values 0 and 1); a contest's count proof has `max - min + 1` branches (values
/// `min..=max`); when `min = max` it is a single branch, i.e. a plain Chaum–Pedersen proof.
/// Wire: a JSON array of branches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DisjunctiveProof {
    /// Branches in increasing order of the value they stand for.
    pub branches: Vec<ProofBranch>,
}

/// Random 128-bit weight for batch verification.
pub(crate) fn random_weight<R: CryptoRng + ?Sized>(rng: &mut R) -> Scalar {
    let mut b = [0u8; 32];
    rng.fill_bytes(&mut b[..16]);
    Scalar::from_bytes_mod_order(b)
}

/// Weights derived from a hash (used to combine the few equations of one proof when no RNG
/// is available; the hash covers the whole proof including responses).
pub(crate) fn derived_weights(t: Transcript) -> [Scalar; 4] {
    let d = t.digest();
    let mut out = [Scalar::ZERO; 4];
    for (i, chunk) in d.chunks_exact(16).enumerate() {
        let mut b = [0u8; 32];
        b[..16].copy_from_slice(chunk);
        if let Some(slot) = out.get_mut(i) {
            *slot = Scalar::from_bytes_mod_order(b);
        }
    }
    out
}

/// A multiscalar equation `Σ sᵢ·Pᵢ + g·G + k·K = 0` being accumulated (variable time:
/// public data only).
#[derive(Default)]
pub(crate) struct Msm {
    pub g: Scalar,
    pub k: Scalar,
    pub scalars: Vec<Scalar>,
    pub points: Vec<RistrettoPoint>,
}

impl Msm {
    pub fn with_capacity(n: usize) -> Self {
        Msm {
            g: Scalar::ZERO,
            k: Scalar::ZERO,
            scalars: Vec::with_capacity(n),
            points: Vec::with_capacity(n),
        }
    }

    pub fn push(&mut self, s: Scalar, p: &RistrettoPoint) {
        self.scalars.push(s);
        self.points.push(*p);
    }

    pub fn len(&self) -> usize {
        self.points.len()
    }

    /// Empty the equation, keeping the allocations.
    pub fn clear(&mut self) {
        self.g = Scalar::ZERO;
        self.k = Scalar::ZERO;
        self.scalars.clear();
        self.points.clear();
    }

    /// Whether the accumulated combination is the identity. `k_point` is the second fixed
    /// base (the joint public key), or `None` if `k` is unused.
    pub fn is_zero(&self, k_point: Option<&RistrettoPoint>) -> bool {
        let g = curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
        let extra_s = [self.g, self.k];
        let kp = k_point.copied().unwrap_or(g);
        let extra_p = [g, kp];
        let take = if k_point.is_some() { 2 } else { 1 };
        let r = RistrettoPoint::vartime_multiscalar_mul(
            self.scalars.iter().chain(extra_s.iter().take(take)),
            self.points.iter().chain(extra_p.iter().take(take)),
        );
        r.is_identity()
    }
}

/// Schnorr: `c = H(prefix…, X, R)`; prefix is a transcript with label and binding fields.
pub(crate) fn schnorr_challenge(mut prefix: Transcript, x: &Point, r: &Point) -> Scalar {
    prefix.point(x).point(r);
    prefix.challenge()
}

/// Prove knowledge of `secret` for `public = secret·G`.
pub(crate) fn schnorr_prove<R: CryptoRng + ?Sized>(
    prefix: Transcript,
    secret: &Scalar,
    public: &Point,
    rng: &mut R,
) -> SchnorrProof {
    let mut k = Scalar::random(rng);
    let commitment = Point::from_point(mul_base(&k));
    let c = schnorr_challenge(prefix, public, &commitment);
    let response = PublicScalar(k + c * secret);
    zeroize::Zeroize::zeroize(&mut k);
    SchnorrProof {
        commitment,
        response,
    }
}

/// Verify a Schnorr proof (variable time).
pub(crate) fn schnorr_verify(prefix: Transcript, public: &Point, proof: &SchnorrProof) -> bool {
    let c = schnorr_challenge(prefix, public, &proof.commitment);
    // s·G - c·X == R
    let lhs = RistrettoPoint::vartime_double_scalar_mul_basepoint(
        &(-c),
        public.point(),
        &proof.response.0,
    );
    lhs == *proof.commitment.point()
}

/// DLEQ challenge: `H(prefix…, X, H, Y, a, b)`.
pub(crate) fn dleq_challenge(
    mut prefix: Transcript,
    x: &Point,
    h: &Point,
    y: &Point,
    a: &Point,
    b: &Point,
) -> Scalar {
    prefix.point(x).point(h).point(y).point(a).point(b);
    prefix.challenge()
}

/// Prove `log_G X = log_H Y = secret` (secret handled in constant time).
pub(crate) fn dleq_prove<R: CryptoRng + ?Sized>(
    prefix: Transcript,
    secret: &Scalar,
    x: &Point,
    h: &Point,
    y: &Point,
    rng: &mut R,
) -> DleqProof {
    let mut u = Scalar::random(rng);
    let a = Point::from_point(mul_base(&u));
    let b = Point::from_point(h.point() * u);
    let c = dleq_challenge(prefix, x, h, y, &a, &b);
    let v = PublicScalar(u + c * secret);
    zeroize::Zeroize::zeroize(&mut u);
    DleqProof { a, b, v }
}

/// Verify a DLEQ proof (variable time; equations combined with hash-derived weights).
pub(crate) fn dleq_verify(
    prefix: Transcript,
    x: &Point,
    h: &Point,
    y: &Point,
    proof: &DleqProof,
) -> bool {
    let c = dleq_challenge(prefix, x, h, y, &proof.a, &proof.b);
    // v·G - a - c·X = 0 and v·H - b - c·Y = 0
    let mut wt = Transcript::new("dleq-weights");
    wt.point(x)
        .point(h)
        .point(y)
        .point(&proof.a)
        .point(&proof.b)
        .scalar(&proof.v);
    let [z1, z2, _, _] = derived_weights(wt);
    let mut m = Msm::with_capacity(6);
    m.g = z1 * proof.v.0;
    m.push(-z1, proof.a.point());
    m.push(-(z1 * c), x.point());
    m.push(z2 * proof.v.0, h.point());
    m.push(-z2, proof.b.point());
    m.push(-(z2 * c), y.point());
    m.is_zero(None)
}

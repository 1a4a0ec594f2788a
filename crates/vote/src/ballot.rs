//! Ballots: exponential ElGamal encryptions of 0/1 marks with disjunctive Chaum–Pedersen
//! proofs, a count proof per contest, a credential signature; Benaloh openings; tracking
//! codes.
//!
//! A mark `m ∈ {0,1}` is encrypted under the joint key `K` with a fresh nonce `r` as
//! `(α, β) = (r·G, m·G + r·K)`.

use curve25519_dalek::traits::Identity;
use curve25519_dalek::{RistrettoPoint, Scalar};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use subtle::{Choice, ConditionallyNegatable, ConditionallySelectable, ConstantTimeEq};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::context::ElectionContext;
use crate::credential::{CredentialKey, PublicCredential};
use crate::error::BallotError;
use crate::group::{Point, PublicScalar, SecretScalar, compress_halves, mul_base};
use crate::hash::{Hash32, Transcript};
use crate::manifest::Manifest;
use crate::proofs::{DisjunctiveProof, Msm, ProofBranch, Signature, derived_weights};

/// An exponential ElGamal ciphertext `(α, β) = (r·G, m·G + r·K)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ciphertext {
    /// `α = r·G`.
    pub alpha: Point,
    /// `β = m·G + r·K`.
    pub beta: Point,
}

/// One encrypted option with its 0/1 proof (2 branches: value 0, value 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedSelection {
    /// `α = r·G`.
    pub alpha: Point,
    /// `β = m·G + r·K`.
    pub beta: Point,
    /// Disjunctive Chaum–Pedersen proof that `m ∈ {0, 1}`.
    pub proof: DisjunctiveProof,
}

impl EncryptedSelection {
    /// The ciphertext.
    pub fn ciphertext(&self) -> Ciphertext {
        Ciphertext {
            alpha: self.alpha,
            beta: self.beta,
        }
    }
}

/// One encrypted contest: a selection per manifest option (same order) and the proof that
/// the number of marks is within `[min_selections, max_selections]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedContest {
    /// One per option, in manifest order.
    pub selections: Vec<EncryptedSelection>,
    /// Disjunctive proof over the homomorphic sum with branches `min..=max`.
    pub count_proof: DisjunctiveProof,
}

/// A cast (or challenged) ballot: one line of the ballot stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedBallot {
    /// The election hash this ballot is bound to.
    pub election_hash: Hash32,
    /// The voter's public credential.
    pub credential: PublicCredential,
    /// One per manifest contest, in order.
    pub contests: Vec<EncryptedContest>,
    /// Schnorr signature by the credential over [`EncryptedBallot::hash`].
    pub signature: Signature,
}

/// The voter's choices: per contest (manifest order), per option (manifest order), marked or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Zeroize)]
pub struct PlaintextBallot {
    /// `contests[c][o]` is true when option `o` of contest `c` is marked.
    pub contests: Vec<Vec<bool>>,
}

/// What the voter client keeps after encrypting: the plaintext and nonces. Revealed with
/// [`BallotSecrets::open`] when the voter challenges the ballot; destroyed when it is cast.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct BallotSecrets {
    #[zeroize(skip)]
    ballot_hash: Hash32,
    plaintext: PlaintextBallot,
    nonces: Vec<Vec<SecretScalar>>,
}

/// A revealed challenged ballot (Benaloh): the marks and nonces. Anyone checks it with
/// [`verify_opening`]. A challenged ballot never counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotOpening {
    /// [`EncryptedBallot::hash`] of the challenged ballot.
    pub ballot_hash: Hash32,
    /// Per contest, per option.
    pub contests: Vec<Vec<OpenedSelection>>,
}

/// One revealed option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenedSelection {
    /// The mark.
    pub mark: bool,
    /// The encryption nonce `r`.
    pub nonce: PublicScalar,
}

/// A tracking code: the running hash of the bulletin board's accepted ballots.
/// `T₀ = H("tracking-start", election_hash)`, `Tᵢ = H("tracking-code", Tᵢ₋₁, ballot_hashᵢ)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TrackingCode(pub Hash32);

impl TrackingCode {
    /// `T₀` for an election.
    pub fn initial(election_hash: &Hash32) -> Self {
        let mut t = Transcript::new("tracking-start");
        t.hash(election_hash);
        TrackingCode(t.hash32())
    }

    /// The code of the next accepted ballot.
    pub fn next(&self, ballot_hash: &Hash32) -> Self {
        let mut t = Transcript::new("tracking-code");
        t.hash(&self.0).hash(ballot_hash);
        TrackingCode(t.hash32())
    }

    /// A short display form for voters: the first 16 hex digits in groups of four.
    pub fn short(&self) -> String {
        let h = self.0.to_hex();
        let mut out = String::with_capacity(19);
        for (i, ch) in h.chars().take(16).enumerate() {
            if i > 0 && i.is_multiple_of(4) {
                out.push('-');
            }
            out.push(ch);
        }
        out
    }
}

impl core::fmt::Display for TrackingCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.0.to_hex())
    }
}

impl PlaintextBallot {
    /// Build from `(contest id, [option ids])` pairs; contests not named have no marks.
    pub fn from_selections(
        manifest: &Manifest,
        selections: &[(&str, &[&str])],
    ) -> Result<Self, BallotError> {
        let mut contests: Vec<Vec<bool>> = manifest
            .contests
            .iter()
            .map(|c| vec![false; c.options.len()])
            .collect();
        for (cid, oids) in selections {
            let ci = manifest
                .contest_index(cid)
                .ok_or_else(|| BallotError::UnknownId {
                    kind: "contest",
                    id: (*cid).to_string(),
                })?;
            let (Some(contest), Some(marks)) = (manifest.contests.get(ci), contests.get_mut(ci))
            else {
                return Err(BallotError::ContestCount {
                    expected: manifest.contests.len(),
                    found: ci,
                });
            };
            for oid in *oids {
                let oi = contest
                    .options
                    .iter()
                    .position(|o| o.id == *oid)
                    .ok_or_else(|| BallotError::UnknownId {
                        kind: "option",
                        id: (*oid).to_string(),
                    })?;
                if let Some(m) = marks.get_mut(oi) {
                    *m = true;
                }
            }
        }
        let p = PlaintextBallot { contests };
        p.validate(manifest)?;
        Ok(p)
    }

    /// Check shape and mark counts against the manifest.
    pub fn validate(&self, manifest: &Manifest) -> Result<(), BallotError> {
        if self.contests.len() != manifest.contests.len() {
            return Err(BallotError::ContestCount {
                expected: manifest.contests.len(),
                found: self.contests.len(),
            });
        }
        for (ci, (marks, c)) in self.contests.iter().zip(&manifest.contests).enumerate() {
            if marks.len() != c.options.len() {
                return Err(BallotError::OptionCount {
                    contest: ci,
                    expected: c.options.len(),
                    found: marks.len(),
                });
            }
            let selected: u32 = marks.iter().map(|m| u32::from(*m)).sum();
            if selected < c.min_selections || selected > c.max_selections {
                return Err(BallotError::SelectionCount {
                    contest: ci,
                    selected,
                    min: c.min_selections,
                    max: c.max_selections,
                });
            }
        }
        Ok(())
    }

    /// The marked option ids per contest id (for display).
    pub fn selected_ids(&self, manifest: &Manifest) -> Vec<(String, Vec<String>)> {
        manifest
            .contests
            .iter()
            .zip(&self.contests)
            .map(|(c, marks)| {
                let ids = c
                    .options
                    .iter()
                    .zip(marks)
                    .filter(|(_, m)| **m)
                    .map(|(o, _)| o.id.clone())
                    .collect();
                (c.id.clone(), ids)
            })
            .collect()
    }
}

impl core::fmt::Debug for BallotSecrets {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "BallotSecrets(ballot {}, <redacted>)", self.ballot_hash)
    }
}

impl BallotSecrets {
    /// The hash of the ballot these secrets belong to.
    pub fn ballot_hash(&self) -> &Hash32 {
        &self.ballot_hash
    }

    /// The plaintext choices.
    pub fn plaintext(&self) -> &PlaintextBallot {
        &self.plaintext
    }

    /// Reveal marks and nonces for a Benaloh challenge. After this the ballot must not be
    /// cast; the client encrypts again with fresh nonces.
    pub fn open(&self) -> BallotOpening {
        BallotOpening {
            ballot_hash: self.ballot_hash,
            contests: self
                .plaintext
                .contests
                .iter()
                .zip(&self.nonces)
                .map(|(marks, nonces)| {
                    marks
                        .iter()
                        .zip(nonces)
                        .map(|(m, r)| OpenedSelection {
                            mark: *m,
                            nonce: PublicScalar(*r.expose()),
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

impl EncryptedBallot {
    /// The ballot hash (spec §6.5): transcript `"ballot"` over everything but the signature.
    pub fn hash(&self) -> Hash32 {
        let mut t = Transcript::new("ballot");
        t.hash(&self.election_hash)
            .point(&self.credential)
            .count(self.contests.len());
        for c in &self.contests {
            t.count(c.selections.len());
            for s in &c.selections {
                t.point(&s.alpha).point(&s.beta);
                absorb_proof(&mut t, &s.proof);
            }
            absorb_proof(&mut t, &c.count_proof);
        }
        t.hash32()
    }
}

fn absorb_proof(t: &mut Transcript, p: &DisjunctiveProof) {
    t.count(p.branches.len());
    for b in &p.branches {
        t.point(&b.a).point(&b.b).scalar(&b.c).scalar(&b.v);
    }
}

pub(crate) fn selection_challenge(
    election_hash: &Hash32,
    credential: &Point,
    contest: usize,
    option: usize,
    alpha: &[u8; 32],
    beta: &[u8; 32],
    commitments: &[[u8; 32]],
) -> Scalar {
    let mut t = Transcript::new("selection-proof");
    t.hash(election_hash)
        .point(credential)
        .count(contest)
        .count(option)
        .point_bytes(alpha)
        .point_bytes(beta);
    for c in commitments {
        t.point_bytes(c);
    }
    t.challenge()
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn count_challenge(
    election_hash: &Hash32,
    credential: &Point,
    contest: usize,
    min: u32,
    max: u32,
    ciphertexts: &[([u8; 32], [u8; 32])],
    commitments: &[[u8; 32]],
) -> Scalar {
    let mut t = Transcript::new("count-proof");
    t.hash(election_hash)
        .point(credential)
        .count(contest)
        .u32(min)
        .u32(max)
        .count(ciphertexts.len());
    for (a, b) in ciphertexts {
        t.point_bytes(a).point_bytes(b);
    }
    t.count(commitments.len() / 2);
    for c in commitments {
        t.point_bytes(c);
    }
    t.challenge()
}

pub(crate) fn signature_prefix(election_hash: &Hash32, ballot_hash: &Hash32) -> Transcript {
    let mut t = Transcript::new("ballot-signature");
    t.hash(election_hash).hash(ballot_hash);
    t
}

/// Secret per-branch state of the prover.
#[derive(Zeroize, ZeroizeOnDrop, Default, Clone)]
struct BranchSecret {
    c_pre: Scalar,
    v_pre: Scalar,
    is_real: u8,
}

#[derive(Zeroize, ZeroizeOnDrop)]
struct SelectionSecret {
    r: Scalar,
    m: u8,
    u: Scalar,
    branches: [BranchSecret; 2],
}

#[derive(Zeroize, ZeroizeOnDrop)]
struct CountSecret {
    r_sum: Scalar,
    u: Scalar,
    branches: Vec<BranchSecret>,
}

/// Encrypt and prove a ballot and sign it with the credential. Returns the ballot and the
/// secrets needed for a Benaloh challenge. Secret-dependent arithmetic is constant time.
pub fn encrypt_ballot<R: CryptoRng + ?Sized>(
    ctx: &ElectionContext,
    credential: &CredentialKey,
    plaintext: &PlaintextBallot,
    rng: &mut R,
) -> Result<(EncryptedBallot, BallotSecrets), BallotError> {
    let manifest = ctx.manifest();
    plaintext.validate(manifest)?;
    let h = ctx.half;
    let k_table = &ctx.k_table;
    let half_g = ctx.half_g;
    let election_hash = *ctx.election_hash();
    let x_pub = *credential.public();

    // Phase 1: choose all randomness and compute all points as halves.
    let mut sel_secrets: Vec<Vec<SelectionSecret>> = Vec::with_capacity(manifest.contests.len());
    let mut count_secrets: Vec<CountSecret> = Vec::with_capacity(manifest.contests.len());
    let mut halves: Vec<RistrettoPoint> = Vec::new();
    for (marks, contest) in plaintext.contests.iter().zip(&manifest.contests) {
        let mut row = Vec::with_capacity(marks.len());
        let mut r_sum = Scalar::ZERO;
        let mut m_sum: u32 = 0;
        for mark in marks {
            let m = u8::from(*mark);
            let r = Zeroizing::new(Scalar::random(rng));
            let u = Zeroizing::new(Scalar::random(rng));
            let c_sim = Zeroizing::new(Scalar::random(rng));
            let v_sim = Zeroizing::new(Scalar::random(rng));
            let m_choice = Choice::from(m);
            // α, β
            let hr = Zeroizing::new(h * *r);
            halves.push(mul_base(&hr));
            let mut mg = Zeroizing::new(RistrettoPoint::identity());
            mg.conditional_assign(&half_g, m_choice);
            halves.push(&*hr * k_table + *mg);
            // D = (h·c_sim)·G, signed by (j - m) for the simulated branch.
            let mut d = Zeroizing::new(mul_base(&(h * *c_sim)));
            d.conditional_negate(m_choice);
            let mut branches: [BranchSecret; 2] = Default::default();
            for (j, br) in branches.iter_mut().enumerate() {
                let is_real = (j as u8).ct_eq(&m);
                let c_pre = Scalar::conditional_select(&c_sim, &Scalar::ZERO, is_real);
                let v_pre = Scalar::conditional_select(&v_sim, &u, is_real);
                let w = Zeroizing::new(h * (v_pre - c_pre * *r));
                halves.push(mul_base(&w));
                let mut dj = Zeroizing::new(*d);
                dj.conditional_assign(&RistrettoPoint::identity(), is_real);
                halves.push(&*w * k_table + *dj);
                *br = BranchSecret {
                    c_pre,
                    v_pre,
                    is_real: is_real.unwrap_u8(),
                };
            }
            r_sum += *r;
            m_sum += u32::from(m);
            row.push(SelectionSecret {
                r: *r,
                m,
                u: *u,
                branches,
            });
        }
        // Count proof over values min..=max.
        let u = Zeroizing::new(Scalar::random(rng));
        let m_scalar = Scalar::from(u64::from(m_sum));
        let single = contest.min_selections == contest.max_selections;
        let mut branches = Vec::new();
        for k in contest.min_selections..=contest.max_selections {
            let is_real = k.ct_eq(&m_sum);
            let c_sim = Zeroizing::new(Scalar::random(rng));
            let v_sim = Zeroizing::new(Scalar::random(rng));
            let c_pre = Scalar::conditional_select(&c_sim, &Scalar::ZERO, is_real);
            let v_pre = Scalar::conditional_select(&v_sim, &u, is_real);
            let w = Zeroizing::new(h * (v_pre - c_pre * r_sum));
            halves.push(mul_base(&w));
            let mut b = &*w * k_table;
            if !single {
                b += mul_base(&(h * c_pre * (Scalar::from(u64::from(k)) - m_scalar)));
            }
            halves.push(b);
            branches.push(BranchSecret {
                c_pre,
                v_pre,
                is_real: is_real.unwrap_u8(),
            });
        }
        m_sum.zeroize();
        count_secrets.push(CountSecret {
            r_sum,
            u: *u,
            branches,
        });
        r_sum.zeroize();
        sel_secrets.push(row);
    }
    let mut sig_nonce = Scalar::random(rng);
    halves.push(mul_base(&(h * sig_nonce)));

    // Phase 2: one batched compression.
    let encodings = compress_halves(&halves);
    let all_points: Vec<Point> = halves
        .iter()
        .zip(encodings)
        .map(|(hp, e)| Point::from_parts(hp + hp, e))
        .collect();
    halves.zeroize();
    let mut points = all_points.into_iter();
    let mut next = || points.next().ok_or(BallotError::OpeningShape);

    // Phase 3: challenges and responses.
    let mut contests = Vec::with_capacity(manifest.contests.len());
    for (ci, (row, (cs, contest))) in sel_secrets
        .iter()
        .zip(count_secrets.iter().zip(&manifest.contests))
        .enumerate()
    {
        let mut selections = Vec::with_capacity(row.len());
        let mut cts = Vec::with_capacity(row.len());
        for (oi, s) in row.iter().enumerate() {
            let alpha = next()?;
            let beta = next()?;
            let pts = [next()?, next()?, next()?, next()?];
            let commitments = pts.map(|p| p.to_bytes());
            let c = selection_challenge(
                &election_hash,
                &x_pub,
                ci,
                oi,
                alpha.as_bytes(),
                beta.as_bytes(),
                &commitments,
            );
            let proof = respond(&s.branches, c, &s.u, &s.r, &pts);
            cts.push((alpha.to_bytes(), beta.to_bytes()));
            selections.push(EncryptedSelection { alpha, beta, proof });
        }
        let mut pts = Vec::with_capacity(2 * cs.branches.len());
        for _ in 0..2 * cs.branches.len() {
            pts.push(next()?);
        }
        let commitments: Vec<[u8; 32]> = pts.iter().map(|p| p.to_bytes()).collect();
        let c = count_challenge(
            &election_hash,
            &x_pub,
            ci,
            contest.min_selections,
            contest.max_selections,
            &cts,
            &commitments,
        );
        let count_proof = respond(&cs.branches, c, &cs.u, &cs.r_sum, &pts);
        contests.push(EncryptedContest {
            selections,
            count_proof,
        });
    }
    let sig_commitment = next()?;
    let mut ballot = EncryptedBallot {
        election_hash,
        credential: x_pub,
        contests,
        signature: Signature {
            commitment: sig_commitment,
            response: PublicScalar::default(),
        },
    };
    let ballot_hash = ballot.hash();
    ballot.signature.response = PublicScalar(signature_response(
        &ballot,
        &ballot_hash,
        &sig_nonce,
        credential,
    ));
    sig_nonce.zeroize();

    let nonces = sel_secrets
        .iter()
        .map(|row| row.iter().map(|s| SecretScalar::new(s.r)).collect())
        .collect();
    let secrets = BallotSecrets {
        ballot_hash,
        plaintext: plaintext.clone(),
        nonces,
    };
    Ok((ballot, secrets))
}

fn signature_response(
    ballot: &EncryptedBallot,
    ballot_hash: &Hash32,
    nonce: &Scalar,
    credential: &CredentialKey,
) -> Scalar {
    let c = crate::proofs::schnorr_challenge(
        signature_prefix(&ballot.election_hash, ballot_hash),
        &ballot.credential,
        &ballot.signature.commitment,
    );
    nonce + c * credential.secret()
}

/// (Re-)sign a ballot with a credential: sets `ballot.credential` to the key's public
/// credential and replaces the signature. [`encrypt_ballot`] already signs; this exists for
/// clients that assemble ballots themselves and for adversarial tests (a modified ballot
/// re-signed by its credential holder must still be caught by its proofs). Note that the
/// proofs are bound to the credential, so changing the credential invalidates them.
pub fn sign_ballot<R: CryptoRng + ?Sized>(
    ballot: &mut EncryptedBallot,
    credential: &CredentialKey,
    rng: &mut R,
) {
    let mut nonce = Scalar::random(rng);
    ballot.credential = *credential.public();
    ballot.signature.commitment = Point::from_point(mul_base(&nonce));
    let bh = ballot.hash();
    ballot.signature.response = PublicScalar(signature_response(ballot, &bh, &nonce, credential));
    nonce.zeroize();
}

/// Complete a disjunctive proof: real challenge `c - Σ c_sim`, responses, in constant time.
fn respond(
    branches: &[BranchSecret],
    c: Scalar,
    u: &Scalar,
    r: &Scalar,
    commitments: &[Point],
) -> DisjunctiveProof {
    let sim_sum: Scalar = branches.iter().map(|b| b.c_pre).sum();
    let c_real = c - sim_sum;
    let mut v_real = u + c_real * r;
    let out = branches
        .iter()
        .zip(commitments.chunks_exact(2))
        .map(|(b, ab)| {
            let is_real = Choice::from(b.is_real);
            let (a, bb) = match ab {
                [a, bb] => (*a, *bb),
                _ => (Point::identity(), Point::identity()),
            };
            ProofBranch {
                a,
                b: bb,
                c: PublicScalar(Scalar::conditional_select(&b.c_pre, &c_real, is_real)),
                v: PublicScalar(Scalar::conditional_select(&b.v_pre, &v_real, is_real)),
            }
        })
        .collect();
    v_real.zeroize();
    DisjunctiveProof { branches: out }
}

/// Check a ballot's shape against the manifest and its election binding.
pub(crate) fn check_shape(
    ctx: &ElectionContext,
    ballot: &EncryptedBallot,
) -> Result<(), BallotError> {
    if ballot.election_hash != *ctx.election_hash() {
        return Err(BallotError::WrongElection);
    }
    if ballot.credential.is_identity() {
        return Err(BallotError::IdentityCredential);
    }
    let manifest = ctx.manifest();
    if ballot.contests.len() != manifest.contests.len() {
        return Err(BallotError::ContestCount {
            expected: manifest.contests.len(),
            found: ballot.contests.len(),
        });
    }
    for (ci, (ec, c)) in ballot.contests.iter().zip(&manifest.contests).enumerate() {
        if ec.selections.len() != c.options.len() {
            return Err(BallotError::OptionCount {
                contest: ci,
                expected: c.options.len(),
                found: ec.selections.len(),
            });
        }
        for (oi, s) in ec.selections.iter().enumerate() {
            if s.proof.branches.len() != 2 {
                return Err(BallotError::OptionProofShape {
                    contest: ci,
                    option: oi,
                });
            }
        }
        let expected = (c.max_selections - c.min_selections) as usize + 1;
        if ec.count_proof.branches.len() != expected {
            return Err(BallotError::CountProofShape { contest: ci });
        }
    }
    Ok(())
}

/// Add the equations of one disjunctive proof to `msm`. Branch `i` stands for value
/// `lo + i` and checks `a + c·X − v·G = 0` and `b + c·(Y − value·G) − v·K = 0`, weighted by
/// two short (128-bit) weights so that the commitments `a`, `b` carry short coefficients.
/// The coefficients of `X` and `Y` are returned instead of pushed. Returns `None` if the
/// branch challenges do not sum to `c`.
pub(crate) fn disjunctive_equations(
    proof: &DisjunctiveProof,
    c: Scalar,
    lo: u32,
    msm: &mut Msm,
    mut weight: impl FnMut() -> Scalar,
) -> Option<(Scalar, Scalar)> {
    let sum: Scalar = proof.branches.iter().map(|b| b.c.0).sum();
    if sum != c {
        return None;
    }
    let mut x_coef = Scalar::ZERO;
    let mut y_coef = Scalar::ZERO;
    for (i, b) in proof.branches.iter().enumerate() {
        let value = Scalar::from(u64::from(lo) + i as u64);
        let z1 = weight();
        let z2 = weight();
        let z2c = z2 * b.c.0;
        msm.g -= z1 * b.v.0 + z2c * value;
        msm.k -= z2 * b.v.0;
        msm.push(z1, b.a.point());
        msm.push(z2, b.b.point());
        x_coef += z1 * b.c.0;
        y_coef += z2c;
    }
    Some((x_coef, y_coef))
}

/// Commitment encodings of a proof, in transcript order.
fn commitment_bytes(p: &DisjunctiveProof) -> Vec<[u8; 32]> {
    p.branches
        .iter()
        .flat_map(|b| [b.a.to_bytes(), b.b.to_bytes()])
        .collect()
}

/// Add every group equation of a ballot (all 0/1 proofs, all count proofs, the signature)
/// to `msm`, one weight per equation from `weight`. Checks shape and challenge sums first
/// and names the failing part. The caller checks `msm` is zero.
pub(crate) fn ballot_equations(
    ctx: &ElectionContext,
    ballot: &EncryptedBallot,
    ballot_hash: &Hash32,
    msm: &mut Msm,
    mut weight: impl FnMut() -> Scalar,
) -> Result<(), BallotError> {
    check_shape(ctx, ballot)?;
    let eh = ctx.election_hash();
    let x = &ballot.credential;
    for (ci, (ec, cdef)) in ballot
        .contests
        .iter()
        .zip(&ctx.manifest().contests)
        .enumerate()
    {
        let mut coefs: Vec<(Scalar, Scalar)> = Vec::with_capacity(ec.selections.len());
        let mut cts = Vec::with_capacity(ec.selections.len());
        for (oi, s) in ec.selections.iter().enumerate() {
            let c = selection_challenge(
                eh,
                x,
                ci,
                oi,
                s.alpha.as_bytes(),
                s.beta.as_bytes(),
                &commitment_bytes(&s.proof),
            );
            let coef = disjunctive_equations(&s.proof, c, 0, msm, &mut weight).ok_or(
                BallotError::OptionProofInvalid {
                    contest: ci,
                    option: oi,
                },
            )?;
            coefs.push(coef);
            cts.push((s.alpha.to_bytes(), s.beta.to_bytes()));
        }
        let c = count_challenge(
            eh,
            x,
            ci,
            cdef.min_selections,
            cdef.max_selections,
            &cts,
            &commitment_bytes(&ec.count_proof),
        );
        let (sa, sb) =
            disjunctive_equations(&ec.count_proof, c, cdef.min_selections, msm, &mut weight)
                .ok_or(BallotError::CountProofInvalid { contest: ci })?;
        for (s, (ca, cb)) in ec.selections.iter().zip(coefs) {
            msm.push(ca + sa, s.alpha.point());
            msm.push(cb + sb, s.beta.point());
        }
    }
    // Signature: R + c·X − s·G = 0.
    let c = crate::proofs::schnorr_challenge(
        signature_prefix(&ballot.election_hash, ballot_hash),
        x,
        &ballot.signature.commitment,
    );
    let z = weight();
    msm.g -= z * ballot.signature.response.0;
    msm.push(z, ballot.signature.commitment.point());
    msm.push(z * c, x.point());
    Ok(())
}

/// Deterministic 128-bit weights expanded from a seed digest (for verification without an
/// RNG; the seed covers the whole statement and proof, so a prover cannot anticipate them).
pub(crate) fn hash_weights(seed: [u8; 64]) -> impl FnMut() -> Scalar {
    let mut counter = 0u32;
    let mut buf: Vec<Scalar> = Vec::new();
    move || {
        if buf.is_empty() {
            let mut t = Transcript::new("verify-weights");
            t.bytes(&seed).u32(counter);
            counter = counter.wrapping_add(1);
            buf.extend(derived_weights(t));
        }
        buf.pop().unwrap_or(Scalar::ONE)
    }
}

fn ballot_weight_seed(ballot: &EncryptedBallot, ballot_hash: &Hash32) -> [u8; 64] {
    let mut t = Transcript::new("verify-weights-seed");
    t.hash(ballot_hash)
        .point(&ballot.signature.commitment)
        .scalar(&ballot.signature.response);
    t.digest()
}

/// Verify one selection's 0/1 proof on its own.
fn verify_selection(
    ctx: &ElectionContext,
    credential: &Point,
    seed: [u8; 64],
    contest: usize,
    option: usize,
    s: &EncryptedSelection,
) -> Result<(), BallotError> {
    let err = BallotError::OptionProofInvalid { contest, option };
    if s.proof.branches.len() != 2 {
        return Err(BallotError::OptionProofShape { contest, option });
    }
    let c = selection_challenge(
        ctx.election_hash(),
        credential,
        contest,
        option,
        s.alpha.as_bytes(),
        s.beta.as_bytes(),
        &commitment_bytes(&s.proof),
    );
    let mut msm = Msm::with_capacity(6);
    let (xa, yb) =
        disjunctive_equations(&s.proof, c, 0, &mut msm, hash_weights(seed)).ok_or(err.clone())?;
    msm.push(xa, s.alpha.point());
    msm.push(yb, s.beta.point());
    if msm.is_zero(Some(ctx.joint_public_key().point())) {
        Ok(())
    } else {
        Err(err)
    }
}

/// Verify one contest's count proof on its own.
fn verify_count(
    ctx: &ElectionContext,
    credential: &Point,
    seed: [u8; 64],
    contest: usize,
    ec: &EncryptedContest,
) -> Result<(), BallotError> {
    let err = BallotError::CountProofInvalid { contest };
    let Some(c_def) = ctx.manifest().contests.get(contest) else {
        return Err(BallotError::CountProofShape { contest });
    };
    let cts: Vec<([u8; 32], [u8; 32])> = ec
        .selections
        .iter()
        .map(|s| (s.alpha.to_bytes(), s.beta.to_bytes()))
        .collect();
    let c = count_challenge(
        ctx.election_hash(),
        credential,
        contest,
        c_def.min_selections,
        c_def.max_selections,
        &cts,
        &commitment_bytes(&ec.count_proof),
    );
    let sum_a: RistrettoPoint = ec.selections.iter().map(|s| s.alpha.point()).sum();
    let sum_b: RistrettoPoint = ec.selections.iter().map(|s| s.beta.point()).sum();
    let mut msm = Msm::with_capacity(2 * ec.count_proof.branches.len() + 2);
    let (xa, yb) = disjunctive_equations(
        &ec.count_proof,
        c,
        c_def.min_selections,
        &mut msm,
        hash_weights(seed),
    )
    .ok_or(err.clone())?;
    msm.push(xa, &sum_a);
    msm.push(yb, &sum_b);
    if msm.is_zero(Some(ctx.joint_public_key().point())) {
        Ok(())
    } else {
        Err(err)
    }
}

/// Verify a ballot's credential signature on its own.
fn verify_signature(ballot: &EncryptedBallot, ballot_hash: &Hash32) -> Result<(), BallotError> {
    if crate::proofs::schnorr_verify(
        signature_prefix(&ballot.election_hash, ballot_hash),
        &ballot.credential,
        &ballot.signature,
    ) {
        Ok(())
    } else {
        Err(BallotError::SignatureInvalid)
    }
}

/// Verify one ballot completely (election binding, shape, every 0/1 proof, every count
/// proof, the signature). All equations are first checked together (one multiscalar
/// multiplication, weights derived by hashing the ballot); if that fails, each part is
/// checked alone and the first invalid one is named. Eligibility of the credential and
/// duplicate checks are the bulletin board's / verifier's job.
pub fn verify_ballot(ctx: &ElectionContext, ballot: &EncryptedBallot) -> Result<(), BallotError> {
    let bh = ballot.hash();
    let seed = ballot_weight_seed(ballot, &bh);
    let mut msm = Msm::with_capacity(64);
    ballot_equations(ctx, ballot, &bh, &mut msm, hash_weights(seed))?;
    if msm.is_zero(Some(ctx.joint_public_key().point())) {
        return Ok(());
    }
    for (ci, ec) in ballot.contests.iter().enumerate() {
        for (oi, s) in ec.selections.iter().enumerate() {
            verify_selection(ctx, &ballot.credential, seed, ci, oi, s)?;
        }
        verify_count(ctx, &ballot.credential, seed, ci, ec)?;
    }
    verify_signature(ballot, &bh)?;
    // Every part holds on its own: the combined check cannot fail (probability 2^-128).
    Ok(())
}

/// Verify only a ballot's credential signature (spec §6.6), with its credential not the identity: what a
/// challenged ballot needs besides its opening (spec §8.1), since its proofs are not required to hold.
pub fn verify_ballot_signature(ballot: &EncryptedBallot) -> Result<(), BallotError> {
    if ballot.credential.is_identity() {
        return Err(BallotError::IdentityCredential);
    }
    verify_signature(ballot, &ballot.hash())
}

/// Check a Benaloh opening against the ballot: every `(α, β)` must equal
/// `(r·G, m·G + r·K)`. Returns the revealed plaintext (which need not satisfy the contest
/// limits: a cheating device is exactly what a challenge exposes). Variable time: the data
/// is public.
pub fn verify_opening(
    ctx: &ElectionContext,
    ballot: &EncryptedBallot,
    opening: &BallotOpening,
) -> Result<PlaintextBallot, BallotError> {
    let bh = ballot.hash();
    if opening.ballot_hash != bh {
        return Err(BallotError::OpeningBallotMismatch {
            opening: opening.ballot_hash.to_hex(),
            ballot: bh.to_hex(),
        });
    }
    if ballot.election_hash != *ctx.election_hash() {
        return Err(BallotError::WrongElection);
    }
    if opening.contests.len() != ballot.contests.len() {
        return Err(BallotError::OpeningShape);
    }
    let k = ctx.joint_public_key().point();
    let g = curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
    let mut contests = Vec::with_capacity(opening.contests.len());
    for (ci, (oc, ec)) in opening.contests.iter().zip(&ballot.contests).enumerate() {
        if oc.len() != ec.selections.len() {
            return Err(BallotError::OpeningShape);
        }
        let mut marks = Vec::with_capacity(oc.len());
        for (oi, (o, s)) in oc.iter().zip(&ec.selections).enumerate() {
            let alpha = mul_base(&o.nonce.0);
            let mut beta = k * o.nonce.0;
            if o.mark {
                beta += g;
            }
            if alpha != *s.alpha.point() || beta != *s.beta.point() {
                return Err(BallotError::OpeningMismatch {
                    contest: ci,
                    option: oi,
                });
            }
            marks.push(o.mark);
        }
        contests.push(marks);
    }
    Ok(PlaintextBallot { contests })
}

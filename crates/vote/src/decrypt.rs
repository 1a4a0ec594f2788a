//! Threshold decryption of the tally: partial decryptions with Chaum–Pedersen proofs,
//! Lagrange combination, discrete logarithm, and verification of published results.

use std::collections::BTreeSet;

use curve25519_dalek::{RistrettoPoint, Scalar};
use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};

use crate::context::ElectionContext;
use crate::dkg::TrusteeKey;
use crate::dlog::DlogTable;
use crate::error::DecryptionError;
use crate::group::{Point, mul_base};
use crate::hash::{Hash32, Transcript};
use crate::proofs::{DleqProof, dleq_prove, dleq_verify};
use crate::tally::EncryptedTally;

/// Trustee `j`'s partial decryption `Mⱼ = sⱼ·α` of one tally ciphertext with a proof that
/// `log_G Yⱼ = log_α Mⱼ`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialDecryption {
    /// `Mⱼ = sⱼ·α`.
    pub share: Point,
    /// Chaum–Pedersen proof (label `"decryption-share"`).
    pub proof: DleqProof,
}

/// One trustee's partial decryptions of the whole tally.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecryptionShare {
    /// The election hash.
    pub election_hash: Hash32,
    /// Trustee index `j`.
    pub trustee: u32,
    /// Per contest, per option.
    pub contests: Vec<Vec<PartialDecryption>>,
}

/// A published count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionCount {
    /// Option id (manifest).
    pub option_id: String,
    /// Number of marks.
    pub count: u64,
}

/// Published counts of one contest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContestResult {
    /// Contest id (manifest).
    pub contest_id: String,
    /// One per option, manifest order.
    pub counts: Vec<OptionCount>,
}

/// The published result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectionResult {
    /// The election hash.
    pub election_hash: Hash32,
    /// Number of ballots in the tally.
    pub ballot_count: u64,
    /// Trustees whose shares were combined (sorted, at least `t`).
    pub trustees: Vec<u32>,
    /// Per contest, manifest order.
    pub contests: Vec<ContestResult>,
}

fn share_prefix(election_hash: &Hash32, trustee: u32, contest: usize, option: usize) -> Transcript {
    let mut t = Transcript::new("decryption-share");
    t.hash(election_hash)
        .u32(trustee)
        .count(contest)
        .count(option);
    t
}

/// Compute trustee `key.index`'s decryption share of the tally (constant time in the key).
pub fn decryption_share<R: CryptoRng + ?Sized>(
    ctx: &ElectionContext,
    key: &TrusteeKey,
    tally: &EncryptedTally,
    rng: &mut R,
) -> Result<DecryptionShare, DecryptionError> {
    let j = key.index;
    let y = ctx
        .verification_key(j)
        .ok_or(DecryptionError::UnknownTrustee(j))?;
    if key.parameters_hash != *ctx.parameters_hash() {
        return Err(DecryptionError::WrongElection);
    }
    if key.verification_key != *y || mul_base(key.secret()) != *y.point() {
        return Err(DecryptionError::KeyMismatch(j));
    }
    tally
        .check_shape(ctx)
        .map_err(|_| DecryptionError::WrongElection)?;
    let eh = *ctx.election_hash();
    let contests = tally
        .contests
        .iter()
        .enumerate()
        .map(|(ci, row)| {
            row.iter()
                .enumerate()
                .map(|(oi, ct)| {
                    let m = Point::from_point(ct.alpha.point() * key.secret());
                    let proof = dleq_prove(
                        share_prefix(&eh, j, ci, oi),
                        key.secret(),
                        y,
                        &ct.alpha,
                        &m,
                        rng,
                    );
                    PartialDecryption { share: m, proof }
                })
                .collect()
        })
        .collect();
    Ok(DecryptionShare {
        election_hash: eh,
        trustee: j,
        contests,
    })
}

/// Verify every proof of a decryption share against the trustee's verification key.
pub fn verify_decryption_share(
    ctx: &ElectionContext,
    tally: &EncryptedTally,
    share: &DecryptionShare,
) -> Result<(), DecryptionError> {
    check_share_shape(ctx, tally, share)?;
    let j = share.trustee;
    let y = ctx
        .verification_key(j)
        .ok_or(DecryptionError::UnknownTrustee(j))?;
    for (ci, (row, trow)) in share.contests.iter().zip(&tally.contests).enumerate() {
        for (oi, (pd, ct)) in row.iter().zip(trow).enumerate() {
            if !dleq_verify(
                share_prefix(&share.election_hash, j, ci, oi),
                y,
                &ct.alpha,
                &pd.share,
                &pd.proof,
            ) {
                return Err(DecryptionError::ShareProofInvalid {
                    trustee: j,
                    contest: ci,
                    option: oi,
                });
            }
        }
    }
    Ok(())
}

pub(crate) fn check_share_shape(
    ctx: &ElectionContext,
    tally: &EncryptedTally,
    share: &DecryptionShare,
) -> Result<(), DecryptionError> {
    tally
        .check_shape(ctx)
        .map_err(|_| DecryptionError::WrongElection)?;
    if share.election_hash != *ctx.election_hash() {
        return Err(DecryptionError::WrongElection);
    }
    let j = share.trustee;
    if ctx.verification_key(j).is_none() {
        return Err(DecryptionError::UnknownTrustee(j));
    }
    if share.contests.len() != tally.contests.len()
        || share
            .contests
            .iter()
            .zip(&tally.contests)
            .any(|(a, b)| a.len() != b.len())
    {
        return Err(DecryptionError::ShareShape(j));
    }
    Ok(())
}

/// Lagrange coefficients at 0 for the trustee set `indices` (distinct, 1-based):
/// `λⱼ = Π_{m≠j} m / (m − j)`.
pub fn lagrange_coefficients(indices: &[u32]) -> Result<Vec<Scalar>, DecryptionError> {
    let mut seen = BTreeSet::new();
    for &j in indices {
        if j == 0 {
            return Err(DecryptionError::UnknownTrustee(j));
        }
        if !seen.insert(j) {
            return Err(DecryptionError::DuplicateTrustee(j));
        }
    }
    let mut nums = Vec::with_capacity(indices.len());
    let mut dens = Vec::with_capacity(indices.len());
    for &j in indices {
        let mut num = Scalar::ONE;
        let mut den = Scalar::ONE;
        for &m in indices.iter().filter(|&&m| m != j) {
            num *= Scalar::from(u64::from(m));
            den *= Scalar::from(u64::from(m)) - Scalar::from(u64::from(j));
        }
        nums.push(num);
        dens.push(den);
    }
    Scalar::invert_batch_alloc(&mut dens);
    Ok(nums.iter().zip(&dens).map(|(n, d)| n * d).collect())
}

/// Check the share set: at least `t`, known and distinct trustees, each share's shape.
fn check_share_set(
    ctx: &ElectionContext,
    tally: &EncryptedTally,
    shares: &[DecryptionShare],
) -> Result<(Vec<u32>, Vec<Scalar>), DecryptionError> {
    if shares.len() < ctx.threshold() as usize {
        return Err(DecryptionError::NotEnoughShares {
            have: shares.len(),
            need: ctx.threshold(),
        });
    }
    for s in shares {
        check_share_shape(ctx, tally, s)?;
    }
    let indices: Vec<u32> = shares.iter().map(|s| s.trustee).collect();
    let lambdas = lagrange_coefficients(&indices)?;
    Ok((indices, lambdas))
}

/// `β − Σ λⱼ·Mⱼ` for one option: the point `count·G`.
fn combined_point(
    shares: &[DecryptionShare],
    lambdas: &[Scalar],
    ci: usize,
    oi: usize,
    beta: &RistrettoPoint,
) -> RistrettoPoint {
    use curve25519_dalek::traits::VartimeMultiscalarMul;
    let pts: Vec<RistrettoPoint> = shares
        .iter()
        .filter_map(|s| s.contests.get(ci).and_then(|r| r.get(oi)))
        .map(|pd| *pd.share.point())
        .collect();
    beta - RistrettoPoint::vartime_multiscalar_mul(lambdas.iter(), pts.iter())
}

/// Verify all shares (naming the first bad one), combine them with Lagrange coefficients
/// and solve each count with the discrete-log table.
pub fn combine_decryption_shares(
    ctx: &ElectionContext,
    tally: &EncryptedTally,
    shares: &[DecryptionShare],
    table: &DlogTable,
) -> Result<ElectionResult, DecryptionError> {
    let (mut indices, lambdas) = check_share_set(ctx, tally, shares)?;
    for s in shares {
        verify_decryption_share(ctx, tally, s)?;
    }
    let manifest = ctx.manifest();
    let mut contests = Vec::with_capacity(tally.contests.len());
    for (ci, (row, c)) in tally.contests.iter().zip(&manifest.contests).enumerate() {
        let mut counts = Vec::with_capacity(row.len());
        for (oi, (ct, o)) in row.iter().zip(&c.options).enumerate() {
            let p = combined_point(shares, &lambdas, ci, oi, ct.beta.point());
            let count = table.solve(&p).ok_or(DecryptionError::CountOutOfRange {
                contest: ci,
                option: oi,
                bound: table.bound(),
            })?;
            counts.push(OptionCount {
                option_id: o.id.clone(),
                count,
            });
        }
        contests.push(ContestResult {
            contest_id: c.id.clone(),
            counts,
        });
    }
    indices.sort_unstable();
    Ok(ElectionResult {
        election_hash: *ctx.election_hash(),
        ballot_count: tally.ballot_count,
        trustees: indices,
        contests,
    })
}

/// Verify a published result: shape and ids, ballot count, every listed trustee's share
/// (the shares used must be exactly those of `result.trustees`), and
/// `β − Σ λⱼ·Mⱼ = count·G` for every option. No discrete logarithm is needed.
pub fn verify_result(
    ctx: &ElectionContext,
    tally: &EncryptedTally,
    shares: &[DecryptionShare],
    result: &ElectionResult,
) -> Result<(), DecryptionError> {
    if result.election_hash != *ctx.election_hash() {
        return Err(DecryptionError::WrongElection);
    }
    if result.ballot_count != tally.ballot_count {
        return Err(DecryptionError::ResultShape(format!(
            "ballot count {} but the tally has {}",
            result.ballot_count, tally.ballot_count
        )));
    }
    let mut used: Vec<u32> = shares.iter().map(|s| s.trustee).collect();
    used.sort_unstable();
    if used != result.trustees {
        return Err(DecryptionError::ResultShape(
            "trustee list does not match the decryption shares".into(),
        ));
    }
    let (_, lambdas) = check_share_set(ctx, tally, shares)?;
    for s in shares {
        verify_decryption_share(ctx, tally, s)?;
    }
    let manifest = ctx.manifest();
    if result.contests.len() != manifest.contests.len() {
        return Err(DecryptionError::ResultShape("contest count".into()));
    }
    for (ci, ((rc, c), row)) in result
        .contests
        .iter()
        .zip(&manifest.contests)
        .zip(&tally.contests)
        .enumerate()
    {
        if rc.contest_id != c.id || rc.counts.len() != c.options.len() {
            return Err(DecryptionError::ResultShape(format!("contest {ci}")));
        }
        for (oi, ((oc, o), ct)) in rc.counts.iter().zip(&c.options).zip(row).enumerate() {
            if oc.option_id != o.id {
                return Err(DecryptionError::ResultShape(format!(
                    "contest {ci}, option {oi}: id"
                )));
            }
            let p = combined_point(shares, &lambdas, ci, oi, ct.beta.point());
            if p != mul_base(&Scalar::from(oc.count)) {
                return Err(DecryptionError::CountMismatch {
                    contest: ci,
                    option: oi,
                    published: oc.count,
                });
            }
        }
    }
    Ok(())
}

//! Batch verification with random linear combinations and multiscalar multiplication.
//!
//! Every equation `E = 0` of every added item is multiplied by an independent random
//! 128-bit weight from the caller's RNG, and the weighted sum is checked with one
//! variable-time multiscalar multiplication per segment of about [`SEGMENT_POINTS`] points
//! (a segment is checked as soon as it is full, so memory stays bounded; the outcome is
//! reported by [`BatchVerifier::verify`]).
//! If any equation is false the combination is non-zero except with probability about
//! 2^-128. Checks that are not group equations (election binding, shapes, challenge sums)
//! are done when an item is added and named immediately. On `Err` from
//! [`BatchVerifier::verify`], verify the items one by one (`verify_ballot`,
//! `verify_decryption_share`) to name the bad ones.

use curve25519_dalek::Scalar;
use rand_core::CryptoRng;

use crate::ballot::{EncryptedBallot, ballot_equations};
use crate::context::ElectionContext;
use crate::decrypt::{DecryptionShare, check_share_shape};
use crate::error::{BallotError, BatchError, DecryptionError};
use crate::hash::Transcript;
use crate::proofs::{Msm, random_weight};
use crate::tally::EncryptedTally;

/// Points per multiscalar multiplication (Pippenger is fastest per point around here and
/// the memory stays small).
pub const SEGMENT_POINTS: usize = 4096;

/// Accumulates ballots and decryption shares, then checks them all at once.
pub struct BatchVerifier<'a> {
    ctx: &'a ElectionContext,
    /// Whether a completed segment already failed its check.
    failed: bool,
    current: Msm,
    items: usize,
}

impl<'a> BatchVerifier<'a> {
    /// An empty batch for one election.
    pub fn new(ctx: &'a ElectionContext) -> Self {
        BatchVerifier {
            ctx,
            failed: false,
            current: Msm::with_capacity(SEGMENT_POINTS + 64),
            items: 0,
        }
    }

    /// Number of items added.
    pub fn len(&self) -> usize {
        self.items
    }

    /// Whether nothing was added.
    pub fn is_empty(&self) -> bool {
        self.items == 0
    }

    /// The segment to add to; a full segment is checked now and its buffers reused (this
    /// keeps memory bounded and avoids touching fresh pages).
    fn current(&mut self) -> &mut Msm {
        if self.current.len() >= SEGMENT_POINTS {
            let k = self.ctx.joint_public_key().point();
            if !self.failed && !self.current.is_zero(Some(k)) {
                self.failed = true;
            }
            self.current.clear();
        }
        &mut self.current
    }

    /// Add a ballot: shape, election binding and every Fiat–Shamir challenge sum are checked
    /// now (error names the part); the group equations of all 0/1 proofs, count proofs and
    /// the signature are deferred to [`verify`](Self::verify).
    pub fn add_ballot<R: CryptoRng + ?Sized>(
        &mut self,
        ballot: &EncryptedBallot,
        rng: &mut R,
    ) -> Result<(), BallotError> {
        let ctx = self.ctx;
        let bh = ballot.hash();
        let msm = self.current();
        let before = msm.len();
        let g = msm.g;
        let k = msm.k;
        let r = ballot_equations(ctx, ballot, &bh, msm, || random_weight(rng));
        if r.is_err() {
            // Roll back the partially added equations.
            msm.scalars.truncate(before);
            msm.points.truncate(before);
            msm.g = g;
            msm.k = k;
        }
        r?;
        self.items += 1;
        Ok(())
    }

    /// Add a trustee's decryption share of `tally` (equations deferred).
    pub fn add_decryption_share<R: CryptoRng + ?Sized>(
        &mut self,
        tally: &EncryptedTally,
        share: &DecryptionShare,
        rng: &mut R,
    ) -> Result<(), DecryptionError> {
        check_share_shape(self.ctx, tally, share)?;
        let j = share.trustee;
        let y = *self
            .ctx
            .verification_key(j)
            .ok_or(DecryptionError::UnknownTrustee(j))?;
        let eh = *self.ctx.election_hash();
        let msm = self.current();
        let mut y_coef = Scalar::ZERO;
        for (ci, (row, trow)) in share.contests.iter().zip(&tally.contests).enumerate() {
            for (oi, (pd, ct)) in row.iter().zip(trow).enumerate() {
                let mut t = Transcript::new("decryption-share");
                t.hash(&eh).u32(j).count(ci).count(oi);
                t.point(&y)
                    .point(&ct.alpha)
                    .point(&pd.share)
                    .point(&pd.proof.a)
                    .point(&pd.proof.b);
                let c = t.challenge();
                let z1 = random_weight(rng);
                let z2 = random_weight(rng);
                // a + c·Y − v·G = 0 ;  b + c·M − v·α = 0
                msm.g -= z1 * pd.proof.v.0;
                msm.push(z1, pd.proof.a.point());
                y_coef += z1 * c;
                msm.push(-(z2 * pd.proof.v.0), ct.alpha.point());
                msm.push(z2, pd.proof.b.point());
                msm.push(z2 * c, pd.share.point());
            }
        }
        msm.push(y_coef, y.point());
        self.items += 1;
        Ok(())
    }

    /// Check all deferred equations.
    pub fn verify(self) -> Result<(), BatchError> {
        let k = self.ctx.joint_public_key().point();
        if self.failed || (self.current.len() > 0 && !self.current.is_zero(Some(k))) {
            return Err(BatchError::CombinedCheckFailed);
        }
        Ok(())
    }
}

/// Verify many ballots at once. `Err(BatchError::Ballot { index, .. })` names a ballot
/// rejected before the combined check; `Err(CombinedCheckFailed)` means at least one is
/// invalid (fall back to [`crate::verify_ballot`] per ballot to name it).
pub fn verify_ballots_batch<R: CryptoRng + ?Sized>(
    ctx: &ElectionContext,
    ballots: &[EncryptedBallot],
    rng: &mut R,
) -> Result<(), BatchError> {
    let mut b = BatchVerifier::new(ctx);
    for (index, ballot) in ballots.iter().enumerate() {
        b.add_ballot(ballot, rng)
            .map_err(|error| BatchError::Ballot { index, error })?;
    }
    b.verify()
}

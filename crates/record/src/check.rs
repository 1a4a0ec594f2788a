//! Parallel batch verification with per-item fallback.

use rayon::prelude::*;
use sailau_vote::{
    BallotError, BallotOpening, BatchVerifier, DecryptionError, DecryptionShare, ElectionContext,
    EncryptedBallot, EncryptedTally, Manifest, verify_ballot, verify_ballot_signature,
    verify_decryption_share, verify_opening,
};

use crate::board::Refusal;

/// Ballots per batch when none is given: enough points for an efficient multiscalar multiplication, small
/// enough that a failed batch is cheap to re-check one by one.
pub const DEFAULT_BATCH: usize = 128;

/// Verifies `ballots` on the current rayon pool in batches of `batch`; the result has one entry per ballot:
/// `None` when it is valid, else the reason. A batch whose combined check fails is re-checked ballot by
/// ballot, so every bad ballot is named.
pub fn verify_ballots(
    ctx: &ElectionContext,
    ballots: &[&EncryptedBallot],
    batch: usize,
) -> Vec<Option<BallotError>> {
    ballots
        .par_chunks(batch.max(1))
        .flat_map_iter(|chunk| verify_chunk(ctx, chunk))
        .collect()
}

/// Verifies one batch on the calling thread, falling back to one by one if the batch fails.
pub(crate) fn verify_chunk(
    ctx: &ElectionContext,
    chunk: &[&EncryptedBallot],
) -> Vec<Option<BallotError>> {
    let mut rng = rand::rng();
    let mut verifier = BatchVerifier::new(ctx);
    // A ballot rejected while being added may leave part of its equations in the batch: re-check all then.
    let mut clean = true;
    for ballot in chunk {
        if verifier.add_ballot(ballot, &mut rng).is_err() {
            clean = false;
            break;
        }
    }
    if clean && verifier.verify().is_ok() {
        return vec![None; chunk.len()];
    }
    chunk.iter().map(|b| verify_ballot(ctx, b).err()).collect()
}

/// Verifies decryption shares of `tally` in one batch, falling back to one by one; one entry per share.
pub fn verify_shares(
    ctx: &ElectionContext,
    tally: &EncryptedTally,
    shares: &[&DecryptionShare],
) -> Vec<Option<DecryptionError>> {
    let mut rng = rand::rng();
    let mut verifier = BatchVerifier::new(ctx);
    let mut clean = true;
    for share in shares {
        if verifier
            .add_decryption_share(tally, share, &mut rng)
            .is_err()
        {
            clean = false;
            break;
        }
    }
    if clean && verifier.verify().is_ok() {
        return vec![None; shares.len()];
    }
    shares
        .par_iter()
        .map(|s| verify_decryption_share(ctx, tally, s).err())
        .collect()
}

/// Whether `ballot` has the manifest's shape: one contest per manifest contest, one selection per option.
pub(crate) fn ballot_shape(
    manifest: &Manifest,
    ballot: &EncryptedBallot,
) -> Result<(), BallotError> {
    if ballot.contests.len() != manifest.contests.len() {
        return Err(BallotError::ContestCount {
            expected: manifest.contests.len(),
            found: ballot.contests.len(),
        });
    }
    for (ci, (c, m)) in ballot.contests.iter().zip(&manifest.contests).enumerate() {
        if c.selections.len() != m.options.len() {
            return Err(BallotError::OptionCount {
                contest: ci,
                expected: m.options.len(),
                found: c.selections.len(),
            });
        }
    }
    Ok(())
}

/// Why a challenged ballot with its opening may not be published (spec §8.1, rules 2–5); empty when it may.
/// `listed` says whether a credential (its 32-byte encoding) is in `credentials.jsonl`. The ballot's proofs
/// are not checked: a challenge must be able to expose a device that encrypted an over-vote.
pub(crate) fn challenge_problems(
    ctx: &ElectionContext,
    ballot: &EncryptedBallot,
    opening: &BallotOpening,
    listed: &dyn Fn(&[u8; 32]) -> bool,
) -> Vec<Refusal> {
    let mut problems = Vec::new();
    if ballot.election_hash != *ctx.election_hash() {
        problems.push(Refusal::InvalidBallot(BallotError::WrongElection));
        return problems;
    }
    if let Err(e) = ballot_shape(ctx.manifest(), ballot) {
        problems.push(Refusal::InvalidBallot(e));
        return problems;
    }
    if let Err(e) = verify_opening(ctx, ballot, opening) {
        problems.push(Refusal::BadOpening(e));
    }
    if ballot.credential.is_identity() || !listed(ballot.credential.as_bytes()) {
        problems.push(Refusal::UnknownCredential(ballot.credential.to_hex()));
    } else if let Err(e) = verify_ballot_signature(ballot) {
        problems.push(Refusal::InvalidBallot(e));
    }
    problems
}

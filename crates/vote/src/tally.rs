//! Homomorphic tally: the component-wise sum of the counted ballots' ciphertexts.

use curve25519_dalek::RistrettoPoint;
use curve25519_dalek::traits::Identity;
use serde::{Deserialize, Serialize};

use crate::ballot::{Ciphertext, EncryptedBallot};
use crate::context::ElectionContext;
use crate::error::TallyError;
use crate::group::Point;
use crate::hash::Hash32;

/// The encrypted tally: per contest, per option, the sum of the counted ballots'
/// ciphertexts (it encrypts the number of marks).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EncryptedTally {
    /// The election hash.
    pub election_hash: Hash32,
    /// Number of ballots summed.
    pub ballot_count: u64,
    /// `contests[c][o]` is the sum for option `o` of contest `c`.
    pub contests: Vec<Vec<Ciphertext>>,
}

/// Accumulates ballots into a tally (point additions only; split the ballots among threads
/// and [`merge`](TallyAccumulator::merge) the accumulators).
#[derive(Debug, Clone)]
pub struct TallyAccumulator {
    election_hash: Hash32,
    ballot_count: u64,
    sums: Vec<Vec<(RistrettoPoint, RistrettoPoint)>>,
}

impl TallyAccumulator {
    /// An empty tally of the context's manifest shape.
    pub fn new(ctx: &ElectionContext) -> Self {
        TallyAccumulator {
            election_hash: *ctx.election_hash(),
            ballot_count: 0,
            sums: ctx
                .manifest()
                .contests
                .iter()
                .map(|c| {
                    vec![(RistrettoPoint::identity(), RistrettoPoint::identity()); c.options.len()]
                })
                .collect(),
        }
    }

    /// Add one ballot (which the caller has verified and decided to count).
    pub fn add(&mut self, ballot: &EncryptedBallot) -> Result<(), TallyError> {
        if ballot.election_hash != self.election_hash {
            return Err(TallyError::WrongElection);
        }
        if ballot.contests.len() != self.sums.len()
            || ballot
                .contests
                .iter()
                .zip(&self.sums)
                .any(|(c, s)| c.selections.len() != s.len())
        {
            return Err(TallyError::Shape);
        }
        for (c, s) in ballot.contests.iter().zip(self.sums.iter_mut()) {
            for (sel, acc) in c.selections.iter().zip(s.iter_mut()) {
                acc.0 += sel.alpha.point();
                acc.1 += sel.beta.point();
            }
        }
        self.ballot_count += 1;
        Ok(())
    }

    /// Merge another accumulator of the same election.
    pub fn merge(&mut self, other: &TallyAccumulator) -> Result<(), TallyError> {
        if other.election_hash != self.election_hash
            || other.sums.len() != self.sums.len()
            || other
                .sums
                .iter()
                .zip(&self.sums)
                .any(|(a, b)| a.len() != b.len())
        {
            return Err(TallyError::MergeMismatch);
        }
        for (a, b) in self.sums.iter_mut().zip(&other.sums) {
            for (x, y) in a.iter_mut().zip(b) {
                x.0 += y.0;
                x.1 += y.1;
            }
        }
        self.ballot_count += other.ballot_count;
        Ok(())
    }

    /// Number of ballots added.
    pub fn ballot_count(&self) -> u64 {
        self.ballot_count
    }

    /// The finished tally (compresses every sum once).
    pub fn finish(&self) -> EncryptedTally {
        EncryptedTally {
            election_hash: self.election_hash,
            ballot_count: self.ballot_count,
            contests: self
                .sums
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|(a, b)| Ciphertext {
                            alpha: Point::from_point(*a),
                            beta: Point::from_point(*b),
                        })
                        .collect()
                })
                .collect(),
        }
    }
}

impl EncryptedTally {
    /// Check the tally against the context (election and manifest shape).
    pub fn check_shape(&self, ctx: &ElectionContext) -> Result<(), TallyError> {
        if self.election_hash != *ctx.election_hash() {
            return Err(TallyError::WrongElection);
        }
        let m = ctx.manifest();
        if self.contests.len() != m.contests.len()
            || self
                .contests
                .iter()
                .zip(&m.contests)
                .any(|(t, c)| t.len() != c.options.len())
        {
            return Err(TallyError::Shape);
        }
        Ok(())
    }
}

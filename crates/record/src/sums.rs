//! Component-wise sums of ballot ciphertexts that can also subtract: the tally over the last ballot of each
//! credential is computed in one pass as (sum of all ballots) − (sum of superseded ballots).

use curve25519_dalek::RistrettoPoint;
use curve25519_dalek::traits::Identity;

use sailau_vote::{Ciphertext, EncryptedBallot, EncryptedTally, Hash32, Manifest, Point};

use crate::format::LightBallot;

/// Sums of `(α, β)` per contest and option, with the number of ballots (added minus subtracted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sums {
    rows: Vec<Vec<(RistrettoPoint, RistrettoPoint)>>,
    count: i64,
}

impl Sums {
    /// Zero sums of the manifest's shape.
    pub fn new(manifest: &Manifest) -> Self {
        Sums {
            rows: manifest
                .contests
                .iter()
                .map(|c| {
                    vec![(RistrettoPoint::identity(), RistrettoPoint::identity()); c.options.len()]
                })
                .collect(),
            count: 0,
        }
    }

    /// Whether `ballot` has this shape.
    pub fn fits(&self, ballot: &EncryptedBallot) -> bool {
        ballot.contests.len() == self.rows.len()
            && ballot
                .contests
                .iter()
                .zip(&self.rows)
                .all(|(c, r)| c.selections.len() == r.len())
    }

    /// Adds (`add = true`) or subtracts a ballot; returns false (and changes nothing) when its shape differs.
    pub fn apply(&mut self, ballot: &EncryptedBallot, add: bool) -> bool {
        let rows: Vec<Vec<(&Point, &Point)>> = ballot
            .contests
            .iter()
            .map(|c| c.selections.iter().map(|s| (&s.alpha, &s.beta)).collect())
            .collect();
        self.apply_rows(&rows, add)
    }

    /// [`Sums::apply`] for a ballot read without its proofs.
    pub fn apply_light(&mut self, ballot: &LightBallot, add: bool) -> bool {
        let rows: Vec<Vec<(&Point, &Point)>> = ballot
            .contests
            .iter()
            .map(|c| c.selections.iter().map(|s| (&s.alpha, &s.beta)).collect())
            .collect();
        self.apply_rows(&rows, add)
    }

    fn apply_rows(&mut self, rows: &[Vec<(&Point, &Point)>], add: bool) -> bool {
        if rows.len() != self.rows.len()
            || rows.iter().zip(&self.rows).any(|(a, b)| a.len() != b.len())
        {
            return false;
        }
        for (row, acc_row) in rows.iter().zip(self.rows.iter_mut()) {
            for ((alpha, beta), acc) in row.iter().zip(acc_row.iter_mut()) {
                if add {
                    acc.0 += alpha.point();
                    acc.1 += beta.point();
                } else {
                    acc.0 -= alpha.point();
                    acc.1 -= beta.point();
                }
            }
        }
        self.count += if add { 1 } else { -1 };
        true
    }

    /// Adds another sum of the same shape.
    pub fn merge(&mut self, other: &Sums) {
        for (a, b) in self.rows.iter_mut().zip(&other.rows) {
            for (x, y) in a.iter_mut().zip(b) {
                x.0 += y.0;
                x.1 += y.1;
            }
        }
        self.count += other.count;
    }

    /// Subtracts another sum of the same shape.
    pub fn subtract(&mut self, other: &Sums) {
        for (a, b) in self.rows.iter_mut().zip(&other.rows) {
            for (x, y) in a.iter_mut().zip(b) {
                x.0 -= y.0;
                x.1 -= y.1;
            }
        }
        self.count -= other.count;
    }

    /// Number of ballots (added minus subtracted).
    pub fn count(&self) -> i64 {
        self.count
    }

    /// The sums as an encrypted tally.
    pub fn to_tally(&self, election_hash: Hash32) -> EncryptedTally {
        EncryptedTally {
            election_hash,
            ballot_count: u64::try_from(self.count).unwrap_or(0),
            contests: self
                .rows
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

    /// The difference `tally − self` as sums (for diagnosing a tally that is off by whole ballots).
    pub fn difference_from(&self, tally: &EncryptedTally) -> Option<Sums> {
        if tally.contests.len() != self.rows.len()
            || tally
                .contests
                .iter()
                .zip(&self.rows)
                .any(|(t, r)| t.len() != r.len())
        {
            return None;
        }
        let rows = tally
            .contests
            .iter()
            .zip(&self.rows)
            .map(|(t, r)| {
                t.iter()
                    .zip(r)
                    .map(|(c, s)| (c.alpha.point() - s.0, c.beta.point() - s.1))
                    .collect()
            })
            .collect();
        let count = i64::try_from(tally.ballot_count).unwrap_or(i64::MAX) - self.count;
        Some(Sums { rows, count })
    }

    /// Whether these sums equal one ballot's ciphertexts (`negate`: equal its negation).
    pub fn equals_ballot(&self, ballot: &EncryptedBallot, negate: bool) -> bool {
        self.fits(ballot)
            && ballot.contests.iter().zip(&self.rows).all(|(c, r)| {
                c.selections.iter().zip(r).all(|(s, acc)| {
                    if negate {
                        -acc.0 == *s.alpha.point() && -acc.1 == *s.beta.point()
                    } else {
                        acc.0 == *s.alpha.point() && acc.1 == *s.beta.point()
                    }
                })
            })
    }

    /// Which `(contest, option)` positions differ from `tally` (empty when equal).
    pub fn mismatches(&self, tally: &EncryptedTally) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (ci, (t, r)) in tally.contests.iter().zip(&self.rows).enumerate() {
            for (oi, (c, s)) in t.iter().zip(r).enumerate() {
                if *c.alpha.point() != s.0 || *c.beta.point() != s.1 {
                    out.push((ci, oi));
                }
            }
        }
        out
    }
}

//! Discrete logarithms of counts: baby-step giant-step over `x·G` for `0 <= x <= bound`.
//!
//! The table holds `m` baby steps (`j·G`, keyed by the first 8 bytes of the encoding) and is
//! reused for every option of every contest. With the default `m = 2^16` it takes about
//! 1.5 MiB and ~0.1 s to build; solving a count up to 10^8 takes at most
//! `ceil(10^8 / 2^16) = 1526` giant steps. Encodings are computed with batched
//! double-and-compress (one inversion per 256 points).

use std::collections::HashMap;

use curve25519_dalek::RistrettoPoint;
use curve25519_dalek::traits::Identity;

use crate::error::DecryptionError;
use crate::group::{half, mul_base};

/// The default bound on counts: 10^8.
pub const DEFAULT_DLOG_BOUND: u64 = 100_000_000;
/// The largest bound accepted: 2^40.
pub const MAX_DLOG_BOUND: u64 = 1 << 40;
/// Default number of baby steps.
pub const DEFAULT_BABY_STEPS: u64 = 1 << 16;
const CHUNK: usize = 256;

/// A reusable baby-step table.
#[derive(Debug, Clone)]
pub struct DlogTable {
    bound: u64,
    baby_steps: u64,
    table: HashMap<u64, u32>,
    /// `-(m/2)·G`: the halved giant step.
    giant_half: RistrettoPoint,
}

fn key(bytes: &[u8; 32]) -> u64 {
    let mut k = [0u8; 8];
    k.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(k)
}

impl DlogTable {
    /// A table for counts `0..=bound` with the default number of baby steps
    /// (`min(2^16, bound + 1)`).
    pub fn new(bound: u64) -> Result<Self, DecryptionError> {
        Self::with_baby_steps(bound, DEFAULT_BABY_STEPS.min(bound.saturating_add(1)))
    }

    /// A table with `baby_steps` entries (memory ≈ 24 bytes per entry); solving then takes
    /// at most `bound / baby_steps + 1` giant steps.
    pub fn with_baby_steps(bound: u64, baby_steps: u64) -> Result<Self, DecryptionError> {
        if bound > MAX_DLOG_BOUND || baby_steps == 0 || baby_steps > (1 << 26) {
            return Err(DecryptionError::BoundTooLarge(bound));
        }
        let h = half();
        let half_g = mul_base(&h);
        let n = baby_steps as usize;
        let mut table = HashMap::with_capacity(n);
        let mut cur = RistrettoPoint::identity(); // j·(G/2)
        let mut j: u32 = 0;
        let mut halves = Vec::with_capacity(CHUNK);
        while (j as usize) < n {
            halves.clear();
            let start = j;
            while halves.len() < CHUNK && (j as usize) < n {
                halves.push(cur);
                cur += half_g;
                j += 1;
            }
            for (off, enc) in RistrettoPoint::double_and_compress_batch(halves.iter())
                .iter()
                .enumerate()
            {
                table
                    .entry(key(enc.as_bytes()))
                    .or_insert(start + off as u32);
            }
        }
        let giant_half = -mul_base(&(h * curve25519_dalek::Scalar::from(baby_steps)));
        Ok(DlogTable {
            bound,
            baby_steps,
            table,
            giant_half,
        })
    }

    /// The largest value this table solves.
    pub fn bound(&self) -> u64 {
        self.bound
    }

    /// Number of baby steps.
    pub fn baby_steps(&self) -> u64 {
        self.baby_steps
    }

    /// Approximate memory use in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.table.capacity() * (8 + 4 + 1) + core::mem::size_of::<Self>()
    }

    /// Find `x` in `0..=bound` with `x·G = target` (variable time: public data).
    pub fn solve(&self, target: &RistrettoPoint) -> Option<u64> {
        let h = half();
        let mut cur = target * h; // (target - i·m·G)/2
        let giants = self.bound / self.baby_steps + 1;
        let mut i: u64 = 0;
        let mut halves = Vec::with_capacity(CHUNK);
        while i < giants {
            halves.clear();
            let start = i;
            while halves.len() < CHUNK && i < giants {
                halves.push(cur);
                cur += self.giant_half;
                i += 1;
            }
            for (off, enc) in RistrettoPoint::double_and_compress_batch(halves.iter())
                .iter()
                .enumerate()
            {
                if let Some(j) = self.table.get(&key(enc.as_bytes())) {
                    let x = (start + off as u64) * self.baby_steps + u64::from(*j);
                    if x <= self.bound && mul_base(&curve25519_dalek::Scalar::from(x)) == *target {
                        return Some(x);
                    }
                }
            }
        }
        None
    }
}

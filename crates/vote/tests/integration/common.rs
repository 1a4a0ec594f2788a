//! Shared helpers: a deterministic SHA-512 counter DRBG and a small election.

use core::convert::Infallible;

use rand_core::{TryCryptoRng, TryRng};
use sailau_vote::*;
use sha2::{Digest, Sha512};

/// Deterministic RNG for tests and vectors: block i = SHA-512("sailau-vote/test-drbg" || seed || u64_be(i)).
pub struct TestRng {
    seed: Vec<u8>,
    counter: u64,
    buf: Vec<u8>,
}

impl TestRng {
    pub fn new(seed: &[u8]) -> Self {
        TestRng {
            seed: seed.to_vec(),
            counter: 0,
            buf: Vec::new(),
        }
    }
}

impl TryRng for TestRng {
    type Error = Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Infallible> {
        let mut b = [0u8; 4];
        self.try_fill_bytes(&mut b)?;
        Ok(u32::from_le_bytes(b))
    }
    fn try_next_u64(&mut self) -> Result<u64, Infallible> {
        let mut b = [0u8; 8];
        self.try_fill_bytes(&mut b)?;
        Ok(u64::from_le_bytes(b))
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Infallible> {
        for d in dst.iter_mut() {
            if self.buf.is_empty() {
                let mut h = Sha512::new();
                h.update(b"sailau-vote/test-drbg");
                h.update(&self.seed);
                h.update(self.counter.to_be_bytes());
                self.counter += 1;
                let out = h.finalize();
                self.buf = out.as_slice().iter().rev().copied().collect();
            }
            *d = self.buf.pop().unwrap();
        }
        Ok(())
    }
}

impl TryCryptoRng for TestRng {}

pub fn akim_manifest(candidates: usize) -> Manifest {
    let mut options: Vec<ContestOption> = (0..candidates)
        .map(|i| ContestOption {
            id: format!("cand-{i}"),
            label: format!("Candidate {i}"),
            kind: OptionKind::Candidate,
        })
        .collect();
    options.push(ContestOption {
        id: "against-all".into(),
        label: "Против всех".into(),
        kind: OptionKind::AgainstAll,
    });
    Manifest {
        election_id: "akim-test".into(),
        title: "Akim election (test)".into(),
        contests: vec![Contest {
            id: "akim".into(),
            title: "Akim".into(),
            min_selections: 1,
            max_selections: 1,
            options,
        }],
    }
}

#[allow(dead_code)]
pub struct Setup {
    pub manifest: Manifest,
    pub params: ElectionParameters,
    pub publics: Vec<TrusteePublic>,
    pub keys: Vec<TrusteeKey>,
    pub ctx: ElectionContext,
}

/// Run the whole key ceremony honestly.
pub fn setup(manifest: Manifest, n: u32, t: u32, rng: &mut TestRng) -> Setup {
    let params = ElectionParameters::new(&manifest, n, t).unwrap();
    let mut secrets = Vec::new();
    let mut publics = Vec::new();
    for i in 1..=n {
        let (s, p) = generate_trustee(&params, i, rng).unwrap();
        secrets.push(s);
        publics.push(p);
    }
    let mut all_shares = Vec::new();
    for s in &secrets {
        all_shares.extend(deal_shares(&params, s, &publics, rng).unwrap());
    }
    let mut keys = Vec::new();
    for s in &secrets {
        match receive_shares(&params, s, &publics, &all_shares, rng).unwrap() {
            ShareOutcome::Accepted(k) => keys.push(k),
            ShareOutcome::Complaints(c) => panic!("complaints: {c:?}"),
        }
    }
    let ctx = ElectionContext::new(&manifest, &params, &publics).unwrap();
    Setup {
        manifest,
        params,
        publics,
        keys,
        ctx,
    }
}

//! Synthetic records for benchmarks: a complete, valid election of many one-contest ballots (5 candidates and
//! "against all"), generated as fast as the machine allows.
//!
//! The ballots are real (encrypted, proved, signed with real credentials); only the bulletin board's checks
//! are skipped while writing them, since the point is to measure the verifier that re-checks everything.

use std::path::Path;
use std::time::{Duration, Instant};

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand_core::Rng;
use rayon::prelude::*;
use sailau_vote::{CredentialCode, ElectionContext, Hash32, Point, TrackingCode, encrypt_ballot};

use crate::ceremony::{self, FinalizeOutcome};
use crate::credentials;
use crate::error::{RecordError, Result};
use crate::jsonl::JsonLinesWriter;
use crate::progress::Progress;
use crate::record::Record;
use crate::spec::ElectionSpec;
use crate::tally;

/// Shape and size of a synthetic election.
#[derive(Debug, Clone)]
pub struct SyntheticElection {
    /// Number of voters (one ballot each).
    pub ballots: u64,
    /// Candidates of the single contest ("against all" is added).
    pub candidates: usize,
    /// Trustees `n`.
    pub trustees: u32,
    /// Threshold `t`.
    pub threshold: u32,
    /// Seed of every random choice (the record is reproducible for a given seed).
    pub seed: u64,
}

impl Default for SyntheticElection {
    fn default() -> Self {
        SyntheticElection {
            ballots: 100_000,
            candidates: 5,
            trustees: 3,
            threshold: 2,
            seed: 1,
        }
    }
}

/// How long generation took, step by step.
#[derive(Debug, Clone, Default)]
pub struct GenerationTimes {
    /// Key ceremony and credentials.
    pub setup: Duration,
    /// Encrypting, proving and signing all ballots and writing the board.
    pub ballots: Duration,
    /// The homomorphic tally.
    pub tally: Duration,
    /// Decryption shares and combination.
    pub decryption: Duration,
}

const CHUNK: usize = 2048;

/// Generates a complete record in `root` (which must not hold an election yet), keeping the trustees' secret
/// files in `secrets`.
pub fn generate(
    root: &Path,
    secrets: &Path,
    election: &SyntheticElection,
    progress: &dyn Progress,
) -> Result<GenerationTimes> {
    let mut times = GenerationTimes::default();
    let started = Instant::now();
    let mut rng = StdRng::seed_from_u64(election.seed);
    let candidates: Vec<String> = (1..=election.candidates)
        .map(|i| format!("Candidate {i}"))
        .collect();
    let spec = ElectionSpec::single_contest(
        &format!("bench-{}-{}", election.ballots, election.seed),
        "Benchmark election",
        &candidates,
        true,
        election.trustees,
        election.threshold,
    );
    ceremony::init(root, &spec)?;
    std::fs::create_dir_all(secrets).map_err(|e| RecordError::io(secrets, e))?;
    let record = Record::new(root);
    let secret = |i: u32| secrets.join(format!("trustee-{i}.json"));
    for i in 1..=election.trustees {
        ceremony::keygen(&record, i, &secret(i), &mut rng)?;
    }
    for i in 1..=election.trustees {
        ceremony::deal(&record, &secret(i), &mut rng)?;
    }
    for i in 1..=election.trustees {
        if let FinalizeOutcome::Complaints(c) = ceremony::finalize(&record, &secret(i), &mut rng)? {
            return Err(RecordError::invalid(format!(
                "trustee {} complained",
                c.trustee
            )));
        }
    }
    let ctx = record.open_context()?;
    let codes = credentials::generate_codes(ctx.parameters(), election.ballots, &mut rng)?;
    credentials::publish(
        &record,
        codes.iter().map(|(_, p)| *p).collect::<Vec<Point>>(),
    )?;
    times.setup = started.elapsed();

    let started = Instant::now();
    progress.phase("encrypting ballots", election.ballots);
    let options = election.candidates + 1;
    let mut out = JsonLinesWriter::create(&record.dir().ballots())?;
    let mut head = TrackingCode::initial(ctx.election_hash());
    for (chunk_index, chunk) in codes.chunks(CHUNK).enumerate() {
        let seed = rng.next_u64();
        let encoded: Vec<(Hash32, String)> = chunk
            .par_iter()
            .enumerate()
            .map(|(i, (code, _))| {
                let voter = (chunk_index * CHUNK + i) as u64;
                encrypt_one(&ctx, code, voter, options, seed)
            })
            .collect::<Result<Vec<_>>>()?;
        for (ballot_hash, ballot_json) in &encoded {
            head = head.next(ballot_hash);
            // A `BoardEntry` assembled by hand, so that the ballot is serialized in parallel.
            let line = format!(
                "{{\"tracking_code\":\"{}\",\"ballot_hash\":\"{}\",\"ballot\":{}}}",
                head.0.to_hex(),
                ballot_hash.to_hex(),
                ballot_json
            );
            out.write_raw(&line)?;
        }
        progress.advance(chunk.len() as u64);
    }
    out.finish()?;
    progress.finish_phase();
    times.ballots = started.elapsed();

    let started = Instant::now();
    tally::tally(&record, progress)?;
    times.tally = started.elapsed();
    let started = Instant::now();
    for i in 1..=election.threshold {
        tally::decrypt(&record, &secret(i), &mut rng)?;
    }
    tally::combine(&record, None)?;
    times.decryption = started.elapsed();
    Ok(times)
}

/// One voter's ballot (choice `7·voter mod options`) and its serialization. The per-voter generator is seeded
/// deterministically: fine for a benchmark record, never for a real one.
fn encrypt_one(
    ctx: &ElectionContext,
    code: &CredentialCode,
    voter: u64,
    options: usize,
    seed: u64,
) -> Result<(Hash32, String)> {
    let mut rng = StdRng::seed_from_u64(seed ^ voter.wrapping_mul(0x9e37_79b9_7f4a_7c15));
    let key = code.derive_key(ctx.parameters_hash());
    let mut marks = vec![false; options];
    let choice = usize::try_from(voter.wrapping_mul(7) % options as u64).unwrap_or(0);
    if let Some(m) = marks.get_mut(choice) {
        *m = true;
    }
    let plaintext = sailau_vote::PlaintextBallot {
        contests: vec![marks],
    };
    let (ballot, secrets) = encrypt_ballot(ctx, &key, &plaintext, &mut rng)
        .map_err(|e| RecordError::crypto("encrypting", e))?;
    let json = serde_json::to_string(&ballot).map_err(|source| RecordError::Json {
        path: "ballots.jsonl".into(),
        source,
    })?;
    Ok((*secrets.ballot_hash(), json))
}

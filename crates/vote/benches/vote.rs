#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Benchmarks: one contest with 5 candidates and "against all", 3-of-5 trustees.
//! Run with `cargo bench -p sailau-vote`.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use sailau_vote::*;
use std::hint::black_box;

/// `n` candidates, `cand-0` …
fn candidates(n: usize) -> Vec<ContestOption> {
    (0..n)
        .map(|i| ContestOption {
            id: format!("cand-{i}"),
            label: format!("Candidate {i}"),
            kind: OptionKind::Candidate,
        })
        .collect()
}

/// One akim contest with these options, exactly one mark.
fn akim_manifest(election_id: &str, options: Vec<ContestOption>) -> Manifest {
    Manifest {
        election_id: election_id.into(),
        title: "bench".into(),
        contests: vec![Contest {
            id: "akim".into(),
            title: "Akim".into(),
            min_selections: 1,
            max_selections: 1,
            options,
        }],
    }
}

fn manifest() -> Manifest {
    let mut options = candidates(5);
    options.push(ContestOption {
        id: "against-all".into(),
        label: "Против всех".into(),
        kind: OptionKind::AgainstAll,
    });
    akim_manifest("bench", options)
}

struct Setup {
    params: ElectionParameters,
    ctx: ElectionContext,
    keys: Vec<TrusteeKey>,
}

/// The ballot the browser test times in headless Chromium (`e2e/primaries.mjs`, the demo's live
/// campaign): one contest, three contenders, exactly one mark.
fn browser_test_manifest() -> Manifest {
    akim_manifest("bench-browser", candidates(3))
}

fn setup() -> Setup {
    setup_of(manifest())
}

fn setup_of(manifest: Manifest) -> Setup {
    let rng = &mut rand::rng();
    let params = ElectionParameters::new(&manifest, 5, 3).unwrap();
    let (secrets, publics): (Vec<_>, Vec<_>) = (1..=5)
        .map(|i| generate_trustee(&params, i, rng).unwrap())
        .unzip();
    let shares: Vec<EncryptedShare> = secrets
        .iter()
        .flat_map(|s| deal_shares(&params, s, &publics, rng).unwrap())
        .collect();
    let keys = secrets
        .iter()
        .map(
            |s| match receive_shares(&params, s, &publics, &shares, rng).unwrap() {
                ShareOutcome::Accepted(k) => k,
                ShareOutcome::Complaints(_) => panic!("complaint"),
            },
        )
        .collect();
    let ctx = ElectionContext::new(&manifest, &params, &publics).unwrap();
    Setup { params, ctx, keys }
}

fn ballots(s: &Setup, n: usize) -> Vec<EncryptedBallot> {
    let rng = &mut rand::rng();
    (0..n)
        .map(|i| {
            let (code, _) = generate_credential(&s.params, rng);
            let key = code.derive_key(s.ctx.parameters_hash());
            let mut marks = vec![false; 6];
            marks[i % 6] = true;
            let pb = PlaintextBallot {
                contests: vec![marks],
            };
            encrypt_ballot(&s.ctx, &key, &pb, rng).unwrap().0
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    let s = setup();
    let rng = &mut rand::rng();
    let (code, _) = generate_credential(&s.params, rng);
    let key = code.derive_key(s.ctx.parameters_hash());
    let pb = PlaintextBallot {
        contests: vec![vec![false, false, true, false, false, false]],
    };

    c.bench_function("encrypt ballot (5 candidates + against all)", |b| {
        b.iter(|| encrypt_ballot(&s.ctx, &key, black_box(&pb), rng).unwrap())
    });

    // The browser test's loop, in Rust: derive the credential key from the code, then encrypt,
    // prove and sign (the figure beside `node e2e/primaries.mjs`'s, issue 14 measure 2).
    let browser = setup_of(browser_test_manifest());
    let (browser_code, _) = generate_credential(&browser.params, rng);
    let browser_marks = PlaintextBallot {
        contests: vec![vec![true, false, false]],
    };
    c.bench_function(
        "derive key + encrypt + prove + sign (1 contest, 3 options: the browser test's ballot)",
        |b| {
            b.iter(|| {
                let key = browser_code.derive_key(browser.ctx.parameters_hash());
                encrypt_ballot(&browser.ctx, &key, black_box(&browser_marks), rng).unwrap()
            })
        },
    );

    let batch = ballots(&s, 1000);
    let one = batch[0].clone();
    c.bench_function("verify one ballot", |b| {
        b.iter(|| verify_ballot(&s.ctx, black_box(&one)).unwrap())
    });

    let json: Vec<String> = batch
        .iter()
        .map(|b| serde_json::to_string(b).unwrap())
        .collect();
    c.bench_function("parse one ballot from JSON (decompresses 38 points)", |b| {
        b.iter(|| serde_json::from_str::<EncryptedBallot>(black_box(&json[0])).unwrap())
    });

    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.throughput(Throughput::Elements(batch.len() as u64));
    g.bench_function("batch-verify 1000 parsed ballots", |b| {
        b.iter(|| verify_ballots_batch(&s.ctx, black_box(&batch), rng).unwrap())
    });
    g.bench_function("parse + batch-verify 1000 ballots from JSON lines", |b| {
        b.iter(|| {
            let parsed: Vec<EncryptedBallot> = json
                .iter()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            verify_ballots_batch(&s.ctx, &parsed, rng).unwrap()
        })
    });
    g.bench_function("tally 1000 ballots", |b| {
        b.iter(|| {
            let mut acc = TallyAccumulator::new(&s.ctx);
            for ballot in &batch {
                acc.add(ballot).unwrap();
            }
            acc.finish()
        })
    });
    g.finish();

    let mut acc = TallyAccumulator::new(&s.ctx);
    for ballot in &batch {
        acc.add(ballot).unwrap();
    }
    let tally = acc.finish();
    let mut g = c.benchmark_group("decrypt");
    g.sample_size(10);
    g.bench_function("decryption share (1 trustee, 6 options)", |b| {
        b.iter(|| decryption_share(&s.ctx, &s.keys[0], &tally, rng).unwrap())
    });
    let shares: Vec<DecryptionShare> = [0usize, 2, 4]
        .iter()
        .map(|&i| decryption_share(&s.ctx, &s.keys[i], &tally, rng).unwrap())
        .collect();
    g.bench_function("build dlog table (bound 10^8)", |b| {
        b.iter(|| DlogTable::new(DEFAULT_DLOG_BOUND).unwrap())
    });
    let table = DlogTable::new(DEFAULT_DLOG_BOUND).unwrap();
    g.bench_function("verify 3 shares + combine + dlog (6 options)", |b| {
        b.iter(|| combine_decryption_shares(&s.ctx, &tally, &shares, &table).unwrap())
    });
    let big = curve25519_dalek_point(99_999_999);
    g.bench_function("dlog of 99,999,999 (worst case)", |b| {
        b.iter_batched(|| big, |p| table.solve(&p).unwrap(), BatchSize::SmallInput)
    });
    g.finish();
}

fn curve25519_dalek_point(x: u64) -> curve25519_dalek::RistrettoPoint {
    curve25519_dalek::RistrettoPoint::mul_base(&curve25519_dalek::Scalar::from(x))
}

criterion_group!(group, benches);
criterion_main!(group);

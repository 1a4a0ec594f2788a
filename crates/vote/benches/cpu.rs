#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! CPU-time figures (not wall clock), for a shared build machine where other jobs steal the
//! cores: each operation is repeated for about two seconds of CPU time, measured from
//! `/proc/self/stat` (utime + stime, 100 Hz). Single threaded.
//! Run with `cargo bench -p sailau-vote --bench cpu`.

use std::hint::black_box;
use std::time::Instant;

use sailau_vote::*;

fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    // fields 14 and 15 of stat(5) are utime and stime; `after` starts at field 3.
    let ticks: f64 = f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap();
    ticks / 100.0
}

fn measure(name: &str, per_iter_items: f64, mut f: impl FnMut()) {
    // Warm up and size a batch of iterations to at least 20 ms, so that reading
    // /proc/self/stat (a few µs) is negligible.
    let w = Instant::now();
    let mut batch = 0u64;
    while batch < 3 || w.elapsed().as_secs_f64() < 0.02 {
        f();
        batch += 1;
    }
    let c0 = cpu_seconds();
    let w0 = Instant::now();
    let mut n = 0u64;
    while cpu_seconds() - c0 < 2.0 {
        for _ in 0..batch {
            f();
        }
        n += batch;
    }
    let cpu = cpu_seconds() - c0;
    let wall = w0.elapsed().as_secs_f64();
    let per = cpu / (n as f64 * per_iter_items);
    println!(
        "{name:<55} {:>10.1} µs CPU per item ({:>8.0} items/s/core; wall/CPU {:.2})",
        per * 1e6,
        1.0 / per,
        wall / cpu
    );
}

fn manifest() -> Manifest {
    let mut options: Vec<ContestOption> = (0..5)
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
        election_id: "bench".into(),
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

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let rng = &mut rand::rng();
    let manifest = manifest();
    let params = ElectionParameters::new(&manifest, 5, 3).unwrap();
    let (secrets, publics): (Vec<_>, Vec<_>) = (1..=5)
        .map(|i| generate_trustee(&params, i, rng).unwrap())
        .unzip();
    let shares: Vec<EncryptedShare> = secrets
        .iter()
        .flat_map(|s| deal_shares(&params, s, &publics, rng).unwrap())
        .collect();
    let keys: Vec<TrusteeKey> = secrets
        .iter()
        .map(
            |s| match receive_shares(&params, s, &publics, &shares, rng).unwrap() {
                ShareOutcome::Accepted(k) => k,
                ShareOutcome::Complaints(_) => panic!("complaint"),
            },
        )
        .collect();
    let ctx = ElectionContext::new(&manifest, &params, &publics).unwrap();
    let key = generate_credential(&params, rng)
        .0
        .derive_key(ctx.parameters_hash());
    let pb = PlaintextBallot {
        contests: vec![vec![false, false, true, false, false, false]],
    };

    let g = curve25519_dalek::RistrettoPoint::mul_base(&curve25519_dalek::Scalar::from(3u64));
    let s = curve25519_dalek::Scalar::from(12345u64);
    measure("reference: one constant-time G multiplication", 1.0, || {
        black_box(curve25519_dalek::RistrettoPoint::mul_base(black_box(&s)));
    });
    let enc = g.compress();
    measure("reference: one point decompression", 1.0, || {
        black_box(black_box(&enc).decompress());
    });
    measure("encrypt + prove + sign one ballot", 1.0, || {
        black_box(encrypt_ballot(&ctx, &key, &pb, rng).unwrap());
    });
    let ballots: Vec<EncryptedBallot> = (0..1000)
        .map(|i| {
            let k = generate_credential(&params, rng)
                .0
                .derive_key(ctx.parameters_hash());
            let mut marks = vec![false; 6];
            marks[i % 6] = true;
            encrypt_ballot(
                &ctx,
                &k,
                &PlaintextBallot {
                    contests: vec![marks],
                },
                rng,
            )
            .unwrap()
            .0
        })
        .collect();
    measure("verify one ballot (verify_ballot)", 1.0, || {
        verify_ballot(&ctx, black_box(&ballots[0])).unwrap();
    });
    let json: Vec<String> = ballots
        .iter()
        .map(|b| serde_json::to_string(b).unwrap())
        .collect();
    measure("parse one ballot from JSON", 1.0, || {
        black_box(serde_json::from_str::<EncryptedBallot>(&json[0]).unwrap());
    });
    measure(
        "batch-verify 1000 parsed ballots (per ballot)",
        1000.0,
        || {
            verify_ballots_batch(&ctx, black_box(&ballots), rng).unwrap();
        },
    );
    measure(
        "parse + batch-verify 1000 ballots (per ballot)",
        1000.0,
        || {
            let parsed: Vec<EncryptedBallot> = json
                .iter()
                .map(|l| serde_json::from_str(l).unwrap())
                .collect();
            verify_ballots_batch(&ctx, &parsed, rng).unwrap();
        },
    );
    measure("tally (per ballot)", 1000.0, || {
        let mut acc = TallyAccumulator::new(&ctx);
        for b in &ballots {
            acc.add(b).unwrap();
        }
        black_box(acc.finish());
    });
    let mut acc = TallyAccumulator::new(&ctx);
    for b in &ballots {
        acc.add(b).unwrap();
    }
    let tally = acc.finish();
    measure("decryption share of one trustee (6 options)", 1.0, || {
        black_box(decryption_share(&ctx, &keys[0], &tally, rng).unwrap());
    });
    let dshares: Vec<DecryptionShare> = [0usize, 2, 4]
        .iter()
        .map(|&i| decryption_share(&ctx, &keys[i], &tally, rng).unwrap())
        .collect();
    measure("build discrete-log table (bound 10^8)", 1.0, || {
        black_box(DlogTable::new(DEFAULT_DLOG_BOUND).unwrap());
    });
    let table = DlogTable::new(DEFAULT_DLOG_BOUND).unwrap();
    measure("verify 3 shares + combine + 6 discrete logs", 1.0, || {
        black_box(combine_decryption_shares(&ctx, &tally, &dshares, &table).unwrap());
    });
    let big =
        curve25519_dalek::RistrettoPoint::mul_base(&curve25519_dalek::Scalar::from(99_999_999u64));
    measure("discrete log of 99,999,999 (worst case)", 1.0, || {
        black_box(table.solve(&big).unwrap());
    });
    let result = combine_decryption_shares(&ctx, &tally, &dshares, &table).unwrap();
    measure("verify published result (3 shares, 6 counts)", 1.0, || {
        verify_result(&ctx, &tally, &dshares, &result).unwrap();
    });
}

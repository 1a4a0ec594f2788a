#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Whole-record verification of a synthetic election (one contest, 5 candidates + against all), per thread
//! count. The full 100,000-ballot figure comes from `sailau bench-verify`; this keeps a smaller record so that
//! criterion can repeat it.

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use sailau_record::bench::{SyntheticElection, generate};
use sailau_record::{NoProgress, VerifyOptions, verify};

const BALLOTS: u64 = 2_000;

fn record() -> (PathBuf, PathBuf) {
    let root = std::env::temp_dir().join(format!("sailau-record-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let record = root.join("record");
    let election = SyntheticElection {
        ballots: BALLOTS,
        ..SyntheticElection::default()
    };
    generate(&record, &root.join("secrets"), &election, &NoProgress).unwrap();
    (root, record)
}

fn bench_verify(c: &mut Criterion) {
    let (root, record) = record();
    let mut group = c.benchmark_group("verify_record");
    group.sample_size(10);
    group.throughput(Throughput::Elements(BALLOTS));
    for threads in [1usize, 2] {
        group.bench_function(format!("{BALLOTS}_ballots/{threads}_threads"), |b| {
            b.iter(|| {
                let options = VerifyOptions {
                    threads,
                    ..VerifyOptions::default()
                };
                let report = verify(black_box(&record), &options, &NoProgress).unwrap();
                assert!(report.ok());
            })
        });
    }
    group.finish();
    let _ = std::fs::remove_dir_all(root);
}

criterion_group!(benches, bench_verify);
criterion_main!(benches);

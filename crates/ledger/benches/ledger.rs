#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]
//! Ledger benchmarks: `cargo bench -p sailau-ledger`.

use std::hint::black_box;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use sailau_ledger::{
    Frontier, Hash, LedgerSigningKey, Tree, TreeHead, consistency_proof, inclusion_proof,
    leaf_hash, root, verify, verify_consistency, verify_inclusion,
};

const N: u64 = 100_000;

/// A typical canonical entry is a few hundred bytes of JSON.
fn entry(i: u64) -> Vec<u8> {
    format!(
        r#"{{"seq":{i},"command":"precinct.add","actor":"00000000-0000-0000-0000-000000000001","at":"2026-11-21T10:00:00Z","payload":{{"number":{i},"territory":"751210000","address":"Almaty, Abay avenue 10","voters":1234}}}}"#
    )
    .into_bytes()
}

fn leaves(n: u64) -> Vec<Hash> {
    (0..n).map(|i| leaf_hash(&entry(i))).collect()
}

fn appends(c: &mut Criterion) {
    let mut group = c.benchmark_group("append");
    let e = entry(42);
    group.throughput(Throughput::Elements(1));
    group.bench_function("leaf_hash (240-byte entry)", |b| {
        b.iter(|| leaf_hash(black_box(&e)))
    });

    // One append as storage does it: hash the entry, push, compute the new root, and
    // round-trip the frontier through its stored encoding.
    let base = Frontier::from_leaves(&leaves(N));
    group.bench_function("leaf_hash + push + root (at 100k)", |b| {
        b.iter_batched_ref(
            || base.clone(),
            |f| {
                f.push(leaf_hash(black_box(&e))).unwrap();
                f.root()
            },
            BatchSize::SmallInput,
        )
    });
    group.bench_function("decode + leaf_hash + push + root + encode (at 100k)", |b| {
        let stored = base.to_bytes();
        b.iter(|| {
            let mut f = Frontier::from_bytes(black_box(&stored)).unwrap();
            f.push(leaf_hash(&e)).unwrap();
            (f.root(), f.to_bytes())
        })
    });

    let hashes = leaves(N);
    group.throughput(Throughput::Elements(N));
    group.bench_function("frontier push 100k leaf hashes", |b| {
        b.iter(|| {
            let mut f = Frontier::new();
            for h in &hashes {
                f.push(*h).unwrap();
            }
            f.root()
        })
    });
    group.finish();
}

fn roots_and_proofs(c: &mut Criterion) {
    let hashes = leaves(N);
    let mut group = c.benchmark_group("tree 100k");
    group.sample_size(20);
    group.bench_function("root(100k leaves)", |b| b.iter(|| root(black_box(&hashes))));
    group.bench_function("Tree::push 100k leaf hashes", |b| {
        b.iter(|| {
            let mut t = Tree::new();
            for h in &hashes {
                t.push(*h);
            }
            t.len()
        })
    });
    group.bench_function("Tree::from_leaves(100k)", |b| {
        b.iter_batched(|| hashes.clone(), Tree::from_leaves, BatchSize::LargeInput)
    });
    group.bench_function("inclusion_proof from the slice (no Tree)", |b| {
        b.iter(|| inclusion_proof(black_box(&hashes), 54_321, N).unwrap())
    });
    group.finish();

    let tree = Tree::from_leaves(hashes.clone());
    let r = tree.root();
    let mut group = c.benchmark_group("tree 100k built");
    group.bench_function("Tree::inclusion_proof", |b| {
        b.iter(|| {
            tree.inclusion_proof(black_box(54_321), black_box(N))
                .unwrap()
        })
    });
    group.bench_function("Tree::inclusion_proof at a past size", |b| {
        b.iter(|| {
            tree.inclusion_proof(black_box(12_345), black_box(77_777))
                .unwrap()
        })
    });
    group.bench_function("Tree::consistency_proof", |b| {
        b.iter(|| {
            tree.consistency_proof(black_box(77_777), black_box(N))
                .unwrap()
        })
    });
    group.bench_function("Tree::root_at", |b| {
        b.iter(|| tree.root_at(black_box(77_777)).unwrap())
    });
    let proof = tree.inclusion_proof(54_321, N).unwrap();
    let leaf = hashes[54_321];
    group.bench_function("verify_inclusion", |b| {
        b.iter(|| verify_inclusion(&leaf, 54_321, N, black_box(&proof), &r).unwrap())
    });
    let cproof = tree.consistency_proof(77_777, N).unwrap();
    let r1 = tree.root_at(77_777).unwrap();
    group.bench_function("verify_consistency", |b| {
        b.iter(|| verify_consistency(77_777, N, &r1, &r, black_box(&cproof)).unwrap())
    });
    group.finish();

    let mut group = c.benchmark_group("consistency from the slice");
    group.sample_size(20);
    group.bench_function("consistency_proof(77_777, 100k) (no Tree)", |b| {
        b.iter(|| consistency_proof(black_box(&hashes), 77_777, N).unwrap())
    });
    group.finish();
}

fn signing(c: &mut Criterion) {
    let key = LedgerSigningKey::from_seed(&[7u8; 32]);
    let public = key.verifying_key();
    let head = TreeHead {
        size: N,
        root: leaf_hash(b"root"),
        timestamp_ms: 1_700_000_000_000,
    };
    let sth = key.sign(&head);
    let mut group = c.benchmark_group("signed tree head");
    group.bench_function("sign", |b| b.iter(|| key.sign(black_box(&head))));
    group.bench_function("verify", |b| {
        b.iter(|| verify(black_box(&sth), &public).unwrap())
    });
    group.finish();
}

criterion_group!(benches, appends, roots_and_proofs, signing);
criterion_main!(benches);

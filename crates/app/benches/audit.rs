//! Benchmark 2 of issue 12 ("Measure"): recomputing the national results from scratch, and the
//! audit (`sailau audit results` without its network reads) on the demo's ledger, with an
//! accepted protocol in every one of the district election's 1,491 precincts (the demo's own
//! election day, and a synthetic protocol in any precinct it left without).
//!
//! - **results from scratch**: [`App::compute_results`] — the server's path, reading the
//!   database (contests, nominations, precincts, accepted protocols) and tabulating;
//! - **audit**: [`audit::check_ledger`] (every leaf hash, the Merkle root, the signature),
//!   [`audit::recompute`] (a fold over every entry, the domain's tabulation) and
//!   [`audit::compare`] with the published results (their JSON, parsed as the CLI parses it).
//!
//! ```sh
//! cargo bench -p sailau-app --bench audit
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{Duration, Instant};

use sailau_app::elections::audit::{self, CopiedEntry};
use sailau_app::{Acting, App, Clock};
use sailau_domain::elections::protocol::{EnterProtocol, ProtocolNumbers};
use sailau_domain::{Issued, LedgerEntry};
use sailau_ledger::LedgerSigningKey;
use sailau_storage::Store;

/// The allocator of the `sailau` binary, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 5;

struct TestClock(AtomicI64);

impl Clock for TestClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// Balanced numbers: 60% turnout, 1% invalid, 3% against all, the rest split with a lead for
/// the first candidate.
fn numbers(voters: u64, candidates: &[u32], seed: u64) -> ProtocolNumbers {
    let issued = voters * 6 / 10;
    let invalid = issued / 100;
    let against = issued * 3 / 100;
    let mut rest = issued - invalid - against;
    let mut lines = std::collections::BTreeMap::new();
    if let Some((first, others)) = candidates.split_first() {
        for (i, n) in others.iter().enumerate() {
            let share =
                (rest / (candidates.len() as u64 + 1) + (seed + i as u64) % 7).min(rest / 2);
            lines.insert(*n, share);
            rest -= share;
        }
        lines.insert(*first, rest);
        rest = 0;
    }
    let f = |k: &str, v: u64| (k.to_owned(), v);
    ProtocolNumbers {
        fields: [
            f("voters_on_list", voters),
            f("ballots_received", issued + 20),
            f("issued_inside", issued),
            f("issued_outside", 0),
            f("issued_absentee", 0),
            f("cancelled", 20),
            f("found_in_boxes", issued),
            f("invalid", invalid),
            f("against_all", against + rest),
        ]
        .into_iter()
        .collect(),
        candidates: lines,
    }
}

fn summary(name: &str, times: &mut [Duration]) {
    times.sort();
    println!(
        "{name:<40} median {:>9.1} ms   min {:>9.1} ms   ({} runs)",
        times[times.len() / 2].as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times.len()
    );
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("bench.db").display());
        let store = Store::connect(&url).await.unwrap();
        let clock = Arc::new(TestClock(AtomicI64::new(0)));
        let key = LedgerSigningKey::from_seed(&[9; 32]);
        let public = key.verifying_key();
        let app = App::with_parts(store, key, clock.clone());
        let t = Instant::now();
        sailau_app::demo::load(&app, &|_, _, _| {}).await.unwrap();
        let election = sailau_app::demo_elections::DISTRICT_ELECTION;
        let head = app.signed_head().await.unwrap();
        let last = app
            .ledger_entries(head.head.size - 1, head.head.size)
            .await
            .unwrap()[0]
            .at_ms;
        let day_after = "2023-11-06T06:00:00Z"
            .parse::<jiff::Timestamp>()
            .unwrap()
            .as_millisecond();
        clock.0.store(last.max(day_after) + 1000, Ordering::SeqCst);
        let r = app.compute_results(&election).await.unwrap();
        let mut commands: Vec<Issued> = Vec::new();
        for (i, u) in r.units.iter().enumerate() {
            let nums: Vec<u32> = u.candidates.iter().map(|c| c.number).collect();
            // The demo's election day accepts a protocol in every precinct already; a
            // synthetic one fills any precinct it left without.
            for (j, p) in u
                .precincts
                .iter()
                .enumerate()
                .filter(|(_, p)| p.counts.is_none())
            {
                commands.push(
                    EnterProtocol {
                        election,
                        precinct: p.precinct.clone(),
                        numbers: numbers(u64::from(p.voters), &nums, (i * 31 + j) as u64),
                    }
                    .into(),
                );
            }
        }
        let protocols = commands.len();
        app.execute_all_or_nothing(&Acting::Operator, commands, &|_, _| {})
            .await
            .unwrap();
        let head = app.signed_head().await.unwrap();
        println!(
            "demo + {protocols} protocols loaded in {:.1} s: ledger of {} entries",
            t.elapsed().as_secs_f64(),
            head.head.size
        );

        let mut times = Vec::new();
        let mut results = None;
        for _ in 0..RUNS {
            let t = Instant::now();
            let r = app.compute_results(&election).await.unwrap();
            times.push(t.elapsed());
            results = Some(r);
        }
        let results = results.unwrap();
        assert_eq!(results.national.precincts_in, 1491);
        summary("national results from scratch", &mut times);

        let mut copy = Vec::new();
        let t = Instant::now();
        while (copy.len() as u64) < head.head.size {
            let start = copy.len() as u64;
            for e in app.ledger_entries(start, head.head.size).await.unwrap() {
                copy.push(CopiedEntry {
                    index: e.index,
                    canonical: e.canonical,
                    leaf_hash: Some(sailau_ledger::hash_to_hex(&e.leaf_hash)),
                });
            }
        }
        let published = serde_json::from_str(&serde_json::to_string(&results).unwrap()).unwrap();
        println!(
            "(reading the {} entries from the database: {:.1} ms)",
            copy.len(),
            t.elapsed().as_secs_f64() * 1e3
        );
        let mut times = Vec::new();
        let mut check = Vec::new();
        let mut fold = Vec::new();
        for _ in 0..RUNS {
            let t = Instant::now();
            let checked = audit::check_ledger(&copy, &head, &public, &[]);
            let t1 = t.elapsed();
            let entries: &[LedgerEntry] = &checked.entries;
            let recomputed = audit::recompute(entries);
            let t2 = t.elapsed();
            let diffs = audit::compare(&recomputed.elections[&election], &published);
            times.push(t.elapsed());
            check.push(t1);
            fold.push(t2 - t1);
            assert!(checked.faults.is_empty() && recomputed.problems.is_empty());
            assert!(diffs.is_empty(), "{diffs:?}");
        }
        summary("audit: check the ledger", &mut check);
        summary("audit: recompute from the entries", &mut fold);
        summary("audit: all (check, recompute, compare)", &mut times);
    });
}

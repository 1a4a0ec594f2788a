#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Ledger throughput and verification, on SQLite and (when SAILAU_TEST_POSTGRES_URL is set) PostgreSQL.
//!
//! `cargo bench -p sailau-app --bench ledger` prints, for SQLite with `synchronous=FULL` (what
//! sailau runs: an acknowledged command survives power loss), SQLite with `synchronous=NORMAL`
//! (for comparison) and PostgreSQL, in the same run:
//! - appends/s with one command per transaction (what a form or API call costs),
//! - appends/s inside one transaction (what an import costs),
//! - `ledger::verify` time for a ledger of 100,000 entries (tree, signature, replay, comparison).
//!
//! Set SAILAU_BENCH_VERIFY_ENTRIES to change the size of the verified ledger.

#[path = "support/postgres.rs"]
mod postgres;
use postgres::{drop_database, postgres_url};

use std::sync::Arc;
use std::time::Instant;

use sailau_app::{Acting, App, SystemClock};
use sailau_domain::*;
use sailau_ledger::LedgerSigningKey;
use sailau_storage::{SqliteSync, Store};

/// The allocator of the `sailau` binary, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn code(s: &str) -> TerritoryCode {
    TerritoryCode::parse(s).unwrap()
}

fn region(r: u32) -> Issued {
    sailau_domain::registry::CreateTerritory {
        territory: Territory {
            code: code(&format!("{r:02}0000000")),
            parent_code: None,
            kind: TerritoryKind::Region,
            names: Names {
                ru: format!("Область {r}"),
                kk: format!("{r} облысы"),
                en: String::new(),
            },
        },
    }
    .into()
}

fn district(r: u32) -> Issued {
    sailau_domain::registry::CreateTerritory {
        territory: Territory {
            code: code(&format!("{r:02}1000000")),
            parent_code: Some(code(&format!("{r:02}0000000"))),
            kind: TerritoryKind::District,
            names: Names {
                ru: format!("Район {r}"),
                kk: format!("{r} ауданы"),
                en: String::new(),
            },
        },
    }
    .into()
}

fn precinct(r: u32, number: u32) -> Issued {
    sailau_domain::registry::CreatePrecinct {
        precinct: NewPrecinct {
            number,
            territory_code: code(&format!("{r:02}1000000")),
            address: format!("ул. Абая, {number}, школа №{}", number % 40 + 1),
            voters: 500 + number % 2000,
        },
    }
    .into()
}

async fn fresh(url: &str, sync: SqliteSync) -> App {
    let store = Store::connect_with(url, sync).await.unwrap();
    App::with_parts(
        store,
        LedgerSigningKey::from_seed(&[1; 32]),
        Arc::new(SystemClock),
    )
}

async fn appends(label: &str, url: &str, sync: SqliteSync) {
    let app = fresh(url, sync).await;
    app.execute_batch(
        &Acting::Operator,
        (1..=9).flat_map(|r| [region(r), district(r)]).collect(),
    )
    .await
    .unwrap();

    let n = 2_000u32;
    let started = Instant::now();
    for i in 0..n {
        app.execute(&Acting::Operator, precinct(1, i + 1))
            .await
            .unwrap();
    }
    let single = f64::from(n) / started.elapsed().as_secs_f64();

    let m = 20_000u32;
    let batch: Vec<Issued> = (0..m)
        .map(|i| precinct(2 + i / 10_000, i % 10_000 + 1))
        .collect();
    let started = Instant::now();
    app.execute_all_or_nothing(&Acting::Operator, batch, &|_, _| {})
        .await
        .unwrap();
    let batched = f64::from(m) / started.elapsed().as_secs_f64();
    println!(
        "{label:>13}: {single:>8.0} appends/s one command per transaction; {batched:>8.0} appends/s in one transaction"
    );
}

/// Concurrent single-command writes on PostgreSQL (issue 12, "Measure" 3): 2,000 commands from
/// 8 concurrent writers through one server instance, then through two instances (two pools on
/// the same database, 4 writers each), in the same run. Two instances must not be slower.
async fn instances(url: &str) {
    let one = fresh(url, SqliteSync::Full).await;
    one.execute_batch(
        &Acting::Operator,
        (1..=9).flat_map(|r| [region(r), district(r)]).collect(),
    )
    .await
    .unwrap();
    let two = fresh(url, SqliteSync::Full).await;
    let run = |apps: Vec<App>, r: u32| async move {
        let writers = 8usize;
        let per = 2_000 / writers as u32;
        let started = Instant::now();
        let mut tasks = Vec::new();
        for w in 0..writers {
            let app = apps[w % apps.len()].clone();
            tasks.push(tokio::spawn(async move {
                for i in 0..per {
                    app.execute(&Acting::Operator, precinct(r, w as u32 * per + i + 1))
                        .await
                        .unwrap();
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        2_000.0 / started.elapsed().as_secs_f64()
    };
    let single = run(vec![one.clone()], 3).await;
    let double = run(vec![one, two], 4).await;
    println!(
        "   PostgreSQL: {single:>8.0} commands/s through one instance (8 concurrent writers); {double:>8.0} commands/s through two instances on the same database (4 + 4)"
    );
}

async fn verify_large(label: &str, url: &str, entries: u32) {
    let app = fresh(url, SqliteSync::Full).await;
    let regions = entries / 10_000 + 1;
    let mut commands: Vec<Issued> = (1..=regions)
        .flat_map(|r| [region(r), district(r)])
        .collect();
    let mut i = 0;
    while commands.len() < entries as usize {
        commands.push(precinct(1 + i / 10_000, i % 10_000 + 1));
        i += 1;
    }
    let started = Instant::now();
    app.execute_all_or_nothing(&Acting::Operator, commands, &|_, _| {})
        .await
        .unwrap();
    let built = started.elapsed();
    let key = app.ledger_public_key();
    let started = Instant::now();
    let report = sailau_app::ledger::verify(app.store(), &key, &[], &|_, _| {})
        .await
        .unwrap();
    let took = started.elapsed();
    println!(
        "{label:>13}: ledger verify of {} entries: {:.2} s (tree, signature, replay, comparison); building it took {:.2} s",
        report.entries,
        took.as_secs_f64(),
        built.as_secs_f64()
    );
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let entries: u32 = std::env::var("SAILAU_BENCH_VERIFY_ENTRIES")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(100_000);
        let dir = tempfile::tempdir().unwrap();
        appends(
            "SQLite FULL",
            &format!("sqlite:{}", dir.path().join("a.db").display()),
            SqliteSync::Full,
        )
        .await;
        appends(
            "SQLite NORMAL",
            &format!("sqlite:{}", dir.path().join("n.db").display()),
            SqliteSync::Normal,
        )
        .await;
        if let Some(url) = postgres_url("sailau_bench").await {
            appends("PostgreSQL", &url, SqliteSync::Full).await;
            if let Some(url) = postgres_url("sailau_bench_instances").await {
                instances(&url).await;
                drop_database(&url).await;
            }
        } else {
            println!("PostgreSQL: skipped (set SAILAU_TEST_POSTGRES_URL)");
        }
        verify_large(
            "SQLite",
            &format!("sqlite:{}", dir.path().join("v.db").display()),
            entries,
        )
        .await;
        if let Some(url) = postgres_url("sailau_bench").await {
            verify_large("PostgreSQL", &url, entries).await;
            // Leave no benchmark database behind.
            drop_database(&url).await;
        }
    });
}

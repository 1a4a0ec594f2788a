#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
//! Sign-in under a burst of parallel wrong passwords, on SQLite and (when
//! SAILAU_TEST_POSTGRES_URL is set) PostgreSQL.
//!
//! `cargo bench -p sailau-app --bench login` sends 256 wrong passwords for one account at once
//! from one client and prints how many were checked against the password hash (must be the
//! policy's 5: the rest are refused before hashing), how long the burst took, and the rate of
//! attempts answered and of hashes checked.

#[path = "support/postgres.rs"]
mod postgres;
use postgres::{drop_database, postgres_url};

use std::sync::Arc;
use std::time::Instant;

use sailau_app::{Acting, App, AppError, SystemClock};
use sailau_domain::{Account, Role, Scope, Username};
use sailau_ledger::LedgerSigningKey;
use sailau_storage::Store;
use sqlx::Connection;

/// The allocator of the `sailau` binary, so that the figures are the product's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

async fn burst(label: &str, url: &str) {
    let store = Store::connect(url).await.unwrap();
    let app = App::with_parts(
        store,
        LedgerSigningKey::from_seed(&[3; 32]),
        Arc::new(SystemClock),
    );
    let account = Account {
        username: Username::parse("target").unwrap(),
        display_name: String::new(),
        role: Role::Observer,
        scope: Scope::Global,
        active: true,
    };
    app.create_account(&Acting::Operator, account, "the right password")
        .await
        .unwrap();
    let n = 256;
    let started = Instant::now();
    let tasks: Vec<_> = (0..n)
        .map(|_| {
            let app = app.clone();
            tokio::spawn(
                async move { app.login("target", "a wrong password", "203.0.113.7").await },
            )
        })
        .collect();
    let (mut checked, mut refused) = (0u32, 0u32);
    for t in tasks {
        match t.await.unwrap() {
            Err(AppError::BadCredentials) => checked += 1,
            Err(AppError::Throttled { .. }) => refused += 1,
            other => panic!("{other:?}"),
        }
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "{label:>10}: {n} parallel wrong passwords in {took:.3} s: {checked} checked against the hash, {refused} refused before hashing; {:.0} attempts/s answered, {:.1} hashes checked/s",
        f64::from(n) / took,
        f64::from(checked) / took
    );
}

fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        burst(
            "SQLite",
            &format!("sqlite:{}", dir.path().join("l.db").display()),
        )
        .await;
        if let Some(url) = postgres_url("sailau_bench_login").await {
            burst("PostgreSQL", &url).await;
            drop_database(&url).await;
        } else {
            println!("PostgreSQL: skipped (set SAILAU_TEST_POSTGRES_URL)");
        }
        if let Ok(base) = std::env::var("SAILAU_TEST_POSTGRES_URL")
            && let Ok(mut admin) = sqlx::PgConnection::connect(&base).await
        {
            let name = format!("sailau_bench_login_{}", std::process::id());
            let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
            let _ = sqlx::query(sqlx::AssertSqlSafe(sql))
                .execute(&mut admin)
                .await;
        }
    });
}

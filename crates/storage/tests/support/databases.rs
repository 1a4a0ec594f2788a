//! THE test databases of sailau, shared by the storage, app and web tests (each includes this
//! file with `#[path]`): a fresh SQLite file always, and a fresh PostgreSQL database when
//! `SAILAU_TEST_POSTGRES_URL` is set (e.g. `postgres://postgres@127.0.0.1:5432/postgres`).
//!
//! Skipping PostgreSQL is said aloud on stderr, once per run; under `CI=true` an unset or
//! unreachable PostgreSQL fails the test instead.

#![allow(dead_code)]

use std::sync::Once;

/// A database for one test; a PostgreSQL one is dropped (connections forced closed) afterwards.
pub struct TestDatabase {
    /// `sqlite` or `postgres`, for messages.
    pub backend: &'static str,
    /// The URL to open it with.
    pub url: String,
    _dir: Option<tempfile::TempDir>,
    /// (maintenance URL, database name) of a PostgreSQL database to drop.
    drop: Option<(String, String)>,
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// Every configured backend: SQLite, then PostgreSQL when configured.
pub async fn all() -> Vec<TestDatabase> {
    let mut out = vec![sqlite()];
    if let Some(pg) = postgres().await {
        out.push(pg);
    }
    out
}

/// A fresh SQLite file in a temporary directory.
pub fn sqlite() -> TestDatabase {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("sailau.db").display());
    TestDatabase {
        backend: "sqlite",
        url,
        _dir: Some(dir),
        drop: None,
    }
}

fn skip(why: &str) -> Option<TestDatabase> {
    if in_ci() {
        panic!("CI=true but {why}: the PostgreSQL half of the tests cannot run");
    }
    static SAID: Once = Once::new();
    // Written to the process's stderr directly: the test harness captures `eprintln!` of
    // passing tests, and this must be seen.
    SAID.call_once(|| {
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "\n*** PostgreSQL tests SKIPPED: {why}. Set SAILAU_TEST_POSTGRES_URL=postgres://USER@HOST:PORT/DB to run them. ***\n"
        );
    });
    None
}

/// A new database on the server named by `SAILAU_TEST_POSTGRES_URL`, or `None` (said aloud).
pub async fn postgres() -> Option<TestDatabase> {
    let base = match std::env::var("SAILAU_TEST_POSTGRES_URL") {
        Ok(u) if !u.trim().is_empty() => u,
        _ => return skip("SAILAU_TEST_POSTGRES_URL is not set"),
    };
    let options: sqlx::postgres::PgConnectOptions = match base.parse() {
        Ok(o) => o,
        Err(e) => panic!("bad SAILAU_TEST_POSTGRES_URL {base:?}: {e}"),
    };
    let connect = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        sqlx::ConnectOptions::connect(&options),
    )
    .await;
    let mut conn = match connect {
        Ok(Ok(c)) => c,
        Ok(Err(e)) => return skip(&format!("PostgreSQL at {base} is unreachable: {e}")),
        Err(_) => return skip(&format!("PostgreSQL at {base} did not answer in 10 s")),
    };
    let name = format!("sailau_t_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {e}"));
    let _ = sqlx::Connection::close(conn).await;
    let url = sqlx::ConnectOptions::to_url_lossy(&options.database(&name)).to_string();
    Some(TestDatabase {
        backend: "postgres",
        url,
        _dir: None,
        drop: Some((base, name)),
    })
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        let Some((base, name)) = self.drop.take() else {
            return;
        };
        // Drop runs inside the test's runtime: do the async work on a runtime of its own.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                let Ok(options) = base.parse::<sqlx::postgres::PgConnectOptions>() else {
                    return;
                };
                if let Ok(mut conn) = sqlx::ConnectOptions::connect(&options).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )))
                    .execute(&mut conn)
                    .await;
                    let _ = sqlx::Connection::close(conn).await;
                }
            });
        })
        .join();
    }
}

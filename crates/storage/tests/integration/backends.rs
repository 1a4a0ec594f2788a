//! The databases every storage test runs on.

use sailau_storage::Store;
use sqlx::Connection;

/// A store on a fresh database, and what keeps it alive.
pub struct TestDb {
    pub store: Store,
    pub name: &'static str,
    _dir: Option<tempfile::TempDir>,
    /// (maintenance URL, database name) of a PostgreSQL database to drop afterwards.
    drop: Option<(String, String)>,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin, name)) = self.drop.take() else {
            return;
        };
        // Drop the database from a thread of its own: Drop cannot await inside the test's runtime.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async {
                if let Ok(mut c) = sqlx::PgConnection::connect(&admin).await {
                    let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                    let _ = sqlx::query(sqlx::AssertSqlSafe(sql)).execute(&mut c).await;
                }
            });
        })
        .join();
    }
}

/// A fresh SQLite file, and a fresh PostgreSQL database when configured.
pub async fn all() -> Vec<TestDb> {
    let mut out = vec![sqlite().await];
    if let Some(pg) = postgres().await {
        out.push(pg);
    }
    out
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite:{}", dir.path().join("test.db").display());
    TestDb {
        store: Store::connect(&url).await.unwrap(),
        name: "sqlite",
        _dir: Some(dir),
        drop: None,
    }
}

/// A new database on the server named by SAILAU_TEST_POSTGRES_URL (e.g. postgres://postgres@127.0.0.1:5432/postgres).
pub async fn postgres() -> Option<TestDb> {
    let ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    let Ok(base) = std::env::var("SAILAU_TEST_POSTGRES_URL") else {
        assert!(
            !ci,
            "CI=true but SAILAU_TEST_POSTGRES_URL is not set: the PostgreSQL half of the storage tests cannot run"
        );
        return None;
    };
    let mut admin = match sqlx::PgConnection::connect(&base).await {
        Ok(c) => c,
        Err(e) => panic!("PostgreSQL at SAILAU_TEST_POSTGRES_URL is unreachable: {e}"),
    };
    let name = format!("sailau_t_{}", uuid::Uuid::new_v4().simple());
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let url = match base.rfind('/') {
        Some(i)
            if base[..i].contains("://") && base[i..].len() > 1 && !base[..i].ends_with('/') =>
        {
            let (head, tail) = base.split_at(i);
            let query = tail.find('?').map(|q| &tail[q..]).unwrap_or("");
            format!("{head}/{name}{query}")
        }
        _ => format!("{}/{name}", base.trim_end_matches('/')),
    };
    Some(TestDb {
        store: Store::connect(&url).await.unwrap(),
        name: "postgres",
        _dir: None,
        drop: Some((base, name)),
    })
}

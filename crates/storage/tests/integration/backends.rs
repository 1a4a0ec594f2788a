//! The databases every storage test runs on: those of the shared helper
//! `tests/support/databases.rs` (also used by the app and web tests), each opened as a `Store`.

use sailau_storage::Store;

#[path = "../support/databases.rs"]
mod databases;

/// A store on a fresh database, and what keeps the database alive.
pub struct TestDb {
    pub store: Store,
    pub name: &'static str,
    _db: databases::TestDatabase,
}

/// A fresh SQLite file, and a fresh PostgreSQL database when configured (skipping is said aloud).
pub async fn all() -> Vec<TestDb> {
    let mut out = Vec::new();
    for db in databases::all().await {
        out.push(TestDb {
            store: Store::connect(&db.url)
                .await
                .unwrap_or_else(|e| panic!("{}: {e}", db.backend)),
            name: db.backend,
            _db: db,
        });
    }
    out
}

//! A fresh PostgreSQL database for a benchmark, when `SAILAU_TEST_POSTGRES_URL` is set.

use sqlx::Connection;

/// Creates (after dropping any leftover) the database `{prefix}_{pid}` on the server of
/// `SAILAU_TEST_POSTGRES_URL` and returns its URL; `None` when the variable is unset or the
/// server cannot be reached.
pub async fn postgres_url(prefix: &str) -> Option<String> {
    let base = std::env::var("SAILAU_TEST_POSTGRES_URL").ok()?;
    let mut admin = sqlx::PgConnection::connect(&base).await.ok()?;
    let name = format!("{prefix}_{}", std::process::id());
    let _ = sqlx::query(sqlx::AssertSqlSafe(format!(
        "DROP DATABASE IF EXISTS {name}"
    )))
    .execute(&mut admin)
    .await;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .ok()?;
    let (head, _) = base.rsplit_once('/')?;
    Some(format!("{head}/{name}"))
}

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

/// Drops the database of `url` (one [`postgres_url`] made), closing its connections, so that a
/// benchmark leaves nothing behind on the server.
pub async fn drop_database(url: &str) {
    let (Ok(base), Some((_, name))) = (
        std::env::var("SAILAU_TEST_POSTGRES_URL"),
        url.rsplit_once('/'),
    ) else {
        return;
    };
    if let Ok(mut admin) = sqlx::PgConnection::connect(&base).await {
        let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        let _ = sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut admin)
            .await;
    }
}

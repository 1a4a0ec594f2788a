//! Credentials, sessions and login throttling: operational state kept in the database so that
//! several server instances share it, but not registry state and never in the ledger.

use sailau_domain::Username;
use sqlx::Row;

use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub username: Username,
    pub csrf_token: String,
    pub created_at_ms: i64,
    pub expires_at_ms: i64,
}

/// Throttling policy: at most `max_failures` failed logins per key within `window_ms`.
#[derive(Debug, Clone, Copy)]
pub struct LoginThrottle {
    pub max_failures: i64,
    pub window_ms: i64,
}

impl Default for LoginThrottle {
    fn default() -> Self {
        Self {
            max_failures: 5,
            window_ms: 15 * 60 * 1000,
        }
    }
}

impl Store {
    pub async fn password_hash(&self, username: &Username) -> Result<Option<String>> {
        let row = sqlx::query("SELECT password_hash FROM credentials WHERE username = $1")
            .bind(username.as_str())
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|r| r.try_get("password_hash")).transpose()?)
    }

    pub async fn create_session(
        &self,
        token_hash: &str,
        username: &Username,
        csrf_token: &str,
        now_ms: i64,
        expires_at_ms: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, username, csrf_token, created_at_ms, expires_at_ms) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(username.as_str())
        .bind(csrf_token)
        .bind(now_ms)
        .bind(expires_at_ms)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// The live session with this token hash, if any.
    pub async fn session(&self, token_hash: &str, now_ms: i64) -> Result<Option<SessionRow>> {
        let row = sqlx::query(
            "SELECT username, csrf_token, created_at_ms, expires_at_ms FROM sessions WHERE token_hash = $1 AND expires_at_ms > $2",
        )
        .bind(token_hash)
        .bind(now_ms)
        .fetch_optional(self.pool())
        .await?;
        let Some(r) = row else { return Ok(None) };
        let username: String = r.try_get("username")?;
        let Ok(username) = Username::parse(&username) else {
            return Ok(None);
        };
        Ok(Some(SessionRow {
            username,
            csrf_token: r.try_get("csrf_token")?,
            created_at_ms: r.try_get("created_at_ms")?,
            expires_at_ms: r.try_get("expires_at_ms")?,
        }))
    }

    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    pub async fn purge_sessions(&self, now_ms: i64) -> Result<u64> {
        let r = sqlx::query("DELETE FROM sessions WHERE expires_at_ms <= $1")
            .bind(now_ms)
            .execute(self.pool())
            .await?;
        Ok(r.rows_affected())
    }

    /// Whether `key` (e.g. `user:NAME` or `ip:ADDR`) may try to log in now.
    pub async fn login_allowed(
        &self,
        key: &str,
        now_ms: i64,
        policy: LoginThrottle,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT failures, window_start_ms FROM login_attempts WHERE attempt_key = $1",
        )
        .bind(key)
        .fetch_optional(self.pool())
        .await?;
        let Some(r) = row else { return Ok(true) };
        let failures: i64 = r.try_get("failures")?;
        let start: i64 = r.try_get("window_start_ms")?;
        Ok(now_ms - start >= policy.window_ms || failures < policy.max_failures)
    }

    /// Counts a failed login for `key` (a new window starts when the old one has passed).
    pub async fn record_login_failure(
        &self,
        key: &str,
        now_ms: i64,
        policy: LoginThrottle,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO login_attempts (attempt_key, failures, window_start_ms) VALUES ($1, 1, $2) \
             ON CONFLICT (attempt_key) DO UPDATE SET \
               failures = CASE WHEN $2 - login_attempts.window_start_ms >= $3 THEN 1 ELSE login_attempts.failures + 1 END, \
               window_start_ms = CASE WHEN $2 - login_attempts.window_start_ms >= $3 THEN $2 ELSE login_attempts.window_start_ms END",
        )
        .bind(key)
        .bind(now_ms)
        .bind(policy.window_ms)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    pub async fn clear_login_failures(&self, key: &str) -> Result<()> {
        sqlx::query("DELETE FROM login_attempts WHERE attempt_key = $1")
            .bind(key)
            .execute(self.pool())
            .await?;
        Ok(())
    }
}

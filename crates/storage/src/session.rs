//! Credentials, sessions and login throttling: operational state kept in the database so that
//! several server instances share it, but not registry state and never in the ledger.

use sailau_domain::{Account, Username};
use sqlx::Row;

use crate::{Result, Store};

#[derive(Debug, Clone, PartialEq, Eq)]
/// A stored session (found by the SHA-256 of its token, which is never stored).
pub struct SessionRow {
    /// The account signed in, as it is now (read with the session, in one query).
    pub account: Account,
    /// The session's CSRF token.
    pub csrf_token: String,
    /// When it was created (milliseconds since the Unix epoch).
    pub created_at_ms: i64,
    /// When it ends (milliseconds since the Unix epoch).
    pub expires_at_ms: i64,
}

/// A session and its account as [`Store::session`] and [`Store::sessions`] select them.
fn session_row(r: &sqlx::any::AnyRow) -> Result<SessionRow> {
    Ok(SessionRow {
        account: crate::rows::account(r)?,
        csrf_token: r.try_get("csrf_token")?,
        created_at_ms: r.try_get("created_at_ms")?,
        expires_at_ms: r.try_get("expires_at_ms")?,
    })
}

/// One throttling rule for a key: `free` attempts per window without waiting; from then on, each
/// further attempt waits `base_delay_ms` after the previous one, doubling up to `max_delay_ms`.
/// Attempts are forgotten `window_ms` after the first one of the window.
///
/// A fixed limit ("N per hour") is `base_delay_ms = max_delay_ms = window_ms`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleRule {
    /// Attempts per window without waiting.
    pub free: i64,
    /// How long attempts are remembered, from the first of the window (milliseconds).
    pub window_ms: i64,
    /// The first wait after the free attempts (milliseconds).
    pub base_delay_ms: i64,
    /// The longest wait (milliseconds).
    pub max_delay_ms: i64,
}

/// Whether a key of an admission applies to this attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exempt {
    /// The rule applies.
    No,
    /// The attempt is counted but not refused by this key.
    Yes,
    /// Like `Yes` when the previous key of the same admission had counted no attempt before this
    /// one (the client has not failed itself), like `No` otherwise.
    IfPreviousFresh,
}

/// One key of a sign-in admission.
#[derive(Debug, Clone, Copy)]
pub struct ThrottleKey<'a> {
    /// E.g. `pair:USER|CLIENT`, `account:USER`, `address:ADDR` (at most a few hundred bytes).
    pub key: &'a str,
    /// The rule of the key.
    pub rule: ThrottleRule,
    /// Whether the key may refuse this attempt.
    pub exempt: Exempt,
}

/// The outcome of [`Store::admit_login`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Admission {
    /// Counted under every key: the password may be checked.
    Admitted,
    /// Refused by `key_index`; nothing was counted. Try again in `retry_after_ms`.
    Refused {
        /// The position of the refusing key in the admission's list.
        key_index: usize,
        /// Milliseconds until that key admits an attempt.
        retry_after_ms: i64,
    },
}

/// Counts an attempt under one key unless the key refuses it; `Some(count)` when counted. The
/// check and the count are one statement, so parallel attempts cannot all pass a check that only
/// one of them should.
const ADMIT: &str = "INSERT INTO login_throttle (throttle_key, failures, window_start_ms, next_allowed_ms, delay_ms) \
     VALUES ($1, 1, $2, CASE WHEN 1 >= $4 THEN $2 + $5 ELSE 0 END, CASE WHEN 1 >= $4 THEN $5 ELSE 0 END) \
     ON CONFLICT (throttle_key) DO UPDATE SET \
       failures = CASE WHEN $2 - login_throttle.window_start_ms >= $3 THEN 1 ELSE login_throttle.failures + 1 END, \
       window_start_ms = CASE WHEN $2 - login_throttle.window_start_ms >= $3 THEN $2 ELSE login_throttle.window_start_ms END, \
       delay_ms = CASE \
         WHEN $2 - login_throttle.window_start_ms >= $3 THEN CASE WHEN 1 >= $4 THEN $5 ELSE 0 END \
         WHEN login_throttle.failures + 1 < $4 THEN 0 \
         WHEN login_throttle.delay_ms * 2 < $5 THEN $5 \
         WHEN login_throttle.delay_ms * 2 > $6 THEN $6 \
         ELSE login_throttle.delay_ms * 2 END, \
       next_allowed_ms = CASE \
         WHEN $2 - login_throttle.window_start_ms >= $3 THEN CASE WHEN 1 >= $4 THEN $2 + $5 ELSE 0 END \
         WHEN login_throttle.failures + 1 < $4 THEN 0 \
         WHEN login_throttle.delay_ms * 2 < $5 THEN $2 + $5 \
         WHEN login_throttle.delay_ms * 2 > $6 THEN $2 + $6 \
         ELSE $2 + login_throttle.delay_ms * 2 END \
     WHERE $7 = 1 OR $2 - login_throttle.window_start_ms >= $3 OR $2 >= login_throttle.next_allowed_ms \
     RETURNING failures";

impl Store {
    /// The argon2id PHC string of the account's password, if it has one.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn password_hash(&self, username: &Username) -> Result<Option<String>> {
        let row = sqlx::query("SELECT password_hash FROM credentials WHERE username = $1")
            .bind(username.as_str())
            .fetch_optional(self.pool())
            .await?;
        Ok(row.map(|r| r.try_get("password_hash")).transpose()?)
    }

    /// Stores a new session under the SHA-256 of its token.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
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

    /// The live session with this token hash and its account, if any.
    pub async fn session(&self, token_hash: &str, now_ms: i64) -> Result<Option<SessionRow>> {
        let row = sqlx::query(
            "SELECT a.username, a.display_name, a.role, a.scope, a.active, \
                    s.csrf_token, s.created_at_ms, s.expires_at_ms \
             FROM sessions s JOIN accounts a ON a.username = s.username \
             WHERE s.token_hash = $1 AND s.expires_at_ms > $2",
        )
        .bind(token_hash)
        .bind(now_ms)
        .fetch_optional(self.pool())
        .await?;
        row.as_ref().map(session_row).transpose()
    }

    /// The stored sessions of several token hashes at once, each with its account as it is now,
    /// whether or not they have ended (the caller compares `expires_at_ms` with its own clock):
    /// the sessions of requests that arrived together, read in one query for every 64, each list
    /// [`crate::rows::padded`] to a power of two (issue 14, measure 1: a query per request was a
    /// quarter of the server's statements' time per ballot). Hashes not found are absent.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn sessions(&self, token_hashes: &[String]) -> Result<Vec<(String, SessionRow)>> {
        let mut out = Vec::with_capacity(token_hashes.len());
        for chunk in token_hashes.chunks(64) {
            let run = crate::rows::padded(chunk);
            // Only numbered placeholders are spliced in.
            let sql = format!(
                "SELECT s.token_hash, a.username, a.display_name, a.role, a.scope, a.active, \
                        s.csrf_token, s.created_at_ms, s.expires_at_ms \
                 FROM sessions s JOIN accounts a ON a.username = s.username \
                 WHERE s.token_hash IN ({})",
                crate::rows::placeholders(1, run.len())
            );
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for h in &run {
                q = q.bind(h.as_str());
            }
            for r in q.fetch_all(self.pool()).await? {
                out.push((r.try_get("token_hash")?, session_row(&r)?));
            }
        }
        Ok(out)
    }

    /// Deletes the session with this token hash (signing out).
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn delete_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Deletes the sessions that ended by `now_ms`; returns how many.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn purge_sessions(&self, now_ms: i64) -> Result<u64> {
        let r = sqlx::query("DELETE FROM sessions WHERE expires_at_ms <= $1")
            .bind(now_ms)
            .execute(self.pool())
            .await?;
        Ok(r.rows_affected())
    }

    /// Admits a sign-in attempt: in one transaction, counts it under every key in order, or
    /// under none when a key refuses it (a key refuses while its client must wait). The caller
    /// checks the password only when admitted, and calls [`Store::refund_login`] when it was right.
    pub async fn admit_login(&self, keys: &[ThrottleKey<'_>], now_ms: i64) -> Result<Admission> {
        let mut tx = self.pool().begin().await?;
        let mut previous_fresh = false;
        for (key_index, k) in keys.iter().enumerate() {
            let exempt = match k.exempt {
                Exempt::No => false,
                Exempt::Yes => true,
                Exempt::IfPreviousFresh => previous_fresh,
            };
            let row = sqlx::query(ADMIT)
                .bind(k.key)
                .bind(now_ms)
                .bind(k.rule.window_ms)
                .bind(k.rule.free)
                .bind(k.rule.base_delay_ms)
                .bind(k.rule.max_delay_ms)
                .bind(i64::from(exempt))
                .fetch_optional(&mut *tx)
                .await?;
            match row {
                Some(r) => {
                    let counted: i64 = r.try_get("failures")?;
                    previous_fresh = counted == 1;
                }
                None => {
                    tx.rollback().await?;
                    let retry_after_ms = self.retry_after(k, now_ms).await?;
                    return Ok(Admission::Refused {
                        key_index,
                        retry_after_ms,
                    });
                }
            }
        }
        tx.commit().await?;
        Ok(Admission::Admitted)
    }

    /// How long until `key` admits an attempt again.
    async fn retry_after(&self, k: &ThrottleKey<'_>, now_ms: i64) -> Result<i64> {
        let row = sqlx::query(
            "SELECT window_start_ms, next_allowed_ms FROM login_throttle WHERE throttle_key = $1",
        )
        .bind(k.key)
        .fetch_optional(self.pool())
        .await?;
        let Some(r) = row else { return Ok(0) };
        let start: i64 = r.try_get("window_start_ms")?;
        let next: i64 = r.try_get("next_allowed_ms")?;
        Ok((next.min(start.saturating_add(k.rule.window_ms)) - now_ms).max(0))
    }

    /// Undoes the count of an admitted attempt whose password was right: the first key (the
    /// account from this client) is forgotten altogether, the others count one attempt less.
    pub async fn refund_login(&self, keys: &[ThrottleKey<'_>]) -> Result<()> {
        let mut tx = self.pool().begin().await?;
        for (i, k) in keys.iter().enumerate() {
            if i == 0 {
                sqlx::query("DELETE FROM login_throttle WHERE throttle_key = $1")
                    .bind(k.key)
                    .execute(&mut *tx)
                    .await?;
            } else {
                sqlx::query(
                    "UPDATE login_throttle SET failures = failures - 1, \
                       next_allowed_ms = CASE WHEN failures - 1 < $2 THEN 0 ELSE next_allowed_ms END, \
                       delay_ms = CASE WHEN failures - 1 < $2 THEN 0 ELSE delay_ms END \
                     WHERE throttle_key = $1 AND failures > 0",
                )
                .bind(k.key)
                .bind(k.rule.free)
                .execute(&mut *tx)
                .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Forgets throttling rows whose window and wait have both passed (`window_ms`: the longest
    /// window of any rule).
    pub async fn purge_login_throttle(&self, now_ms: i64, window_ms: i64) -> Result<u64> {
        let r = sqlx::query(
            "DELETE FROM login_throttle WHERE window_start_ms + $2 <= $1 AND next_allowed_ms <= $1",
        )
        .bind(now_ms)
        .bind(window_ms)
        .execute(self.pool())
        .await?;
        let d = sqlx::query("DELETE FROM login_devices WHERE expires_at_ms <= $1")
            .bind(now_ms)
            .execute(self.pool())
            .await?;
        Ok(r.rows_affected() + d.rows_affected())
    }

    /// Remembers a device that signed in to `username` (by the SHA-256 of its cookie's token).
    pub async fn remember_device(
        &self,
        token_hash: &str,
        username: &Username,
        now_ms: i64,
        expires_at_ms: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO login_devices (token_hash, username, created_at_ms, expires_at_ms) VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(username.as_str())
        .bind(now_ms)
        .bind(expires_at_ms)
        .execute(self.pool())
        .await?;
        Ok(())
    }

    /// Whether the device with this token hash signed in to `username` before and is still
    /// remembered.
    pub async fn device_known(
        &self,
        token_hash: &str,
        username: &Username,
        now_ms: i64,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 AS known FROM login_devices WHERE token_hash = $1 AND username = $2 AND expires_at_ms > $3",
        )
        .bind(token_hash)
        .bind(username.as_str())
        .bind(now_ms)
        .fetch_optional(self.pool())
        .await?;
        Ok(row.is_some())
    }
}

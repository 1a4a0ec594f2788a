//! Signature sheets (issue 11, item 5): the batches recorded for a nomination (public counts and
//! hash) and the signers' lines (personal data, erasable). Tables of migration `0010_signatures`.
//!
//! The lines are written only from a command's private data and deleted by erasure; nothing here
//! decides whether a signature is valid (the domain's `elections::signatures` does).

use std::collections::HashSet;

use sailau_domain::TerritoryCode;
use sailau_domain::elections::signatures::{Counts, Ground, SignatureLine};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};
use uuid::Uuid;

use crate::rows::{code_of, i64_of, u32_of, u64_of};
use crate::{Result, StorageError, Store, Tx};

/// Lines per INSERT statement (13 parameters each). Small on purpose: SQLite reads `$N` as a
/// named parameter and looks each one up in a list while preparing, and the driver maps every
/// parameter by name again on each execution, so a statement's cost grows with the square of its
/// parameters (500 lines, 6,500 parameters, took a fifth of the demo's start in a profile). 32
/// lines keep PostgreSQL's round trips few and the full-size statement cached.
const CHUNK: usize = 32;

/// One recorded batch of signature sheets: what its ledger entry says, and whether its lines are
/// still kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignatureBatch {
    /// 1, 2, ... in the order recorded.
    pub batch: u32,
    /// When it was recorded (ms since the Unix epoch, UTC).
    pub recorded_at_ms: i64,
    /// The counts per ground.
    pub counts: Counts,
    /// The valid signatures needed when it was recorded.
    pub threshold: u64,
    /// Hex SHA-256 of the salt and the canonical lines.
    pub rows_sha256: String,
    /// When its lines were erased (None: still kept, or never kept on a replayed database).
    pub erased_at_ms: Option<i64>,
}

/// One stored line with the grounds it was found to break (empty: a valid signature).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredLine {
    /// The batch it came in.
    pub batch: u32,
    /// The line as entered (normalized).
    pub line: SignatureLine,
    /// The grounds, in the order of judgement.
    pub grounds: Vec<Ground>,
}

fn counts_of(row: &AnyRow) -> Result<Counts> {
    let n = |col: &str| -> Result<u32> { u32_of(row.try_get(col)?, col) };
    Ok(Counts {
        sheets: n("sheets")?,
        lines: n("lines")?,
        valid: n("valid")?,
        iin_malformed: n("iin_malformed")?,
        iin_check_digit: n("iin_check_digit")?,
        under_age: n("under_age")?,
        outside_unit: n("outside_unit")?,
        outside_window: n("outside_window")?,
        duplicate: n("duplicate")?,
    })
}

fn batch_of(row: &AnyRow) -> Result<SignatureBatch> {
    Ok(SignatureBatch {
        batch: u32_of(row.try_get("batch")?, "batch")?,
        recorded_at_ms: row.try_get("recorded_at_ms")?,
        counts: counts_of(row)?,
        threshold: u64_of(row.try_get("threshold")?, "threshold")?,
        rows_sha256: row.try_get("rows_sha256")?,
        erased_at_ms: row.try_get("erased_at_ms")?,
    })
}

fn line_of(row: &AnyRow) -> Result<StoredLine> {
    let signed_on: String = row.try_get("signed_on")?;
    let grounds: String = row.try_get("grounds")?;
    Ok(StoredLine {
        batch: u32_of(row.try_get("batch")?, "batch")?,
        line: SignatureLine {
            sheet: u32_of(row.try_get("sheet")?, "sheet")?,
            line: u32_of(row.try_get("line")?, "line")?,
            surname: row.try_get("surname")?,
            given_name: row.try_get("given_name")?,
            patronymic: row.try_get("patronymic")?,
            iin: row.try_get("iin")?,
            address: row.try_get("address")?,
            territory_code: code_of(&row.try_get::<String, _>("territory_code")?)?,
            signed_on: signed_on
                .parse()
                .map_err(|e| StorageError::Corrupt(format!("signed_on: {e}")))?,
        },
        grounds: serde_json::from_str(&grounds)
            .map_err(|e| StorageError::Corrupt(format!("grounds: {e}")))?,
    })
}

const BATCH_COLS: &str = "batch, recorded_at_ms, sheets, lines, valid, iin_malformed, \
    iin_check_digit, under_age, outside_unit, outside_window, duplicate, threshold, rows_sha256, \
    erased_at_ms";

const LINE_COLS: &str = "batch, sheet, line, surname, given_name, patronymic, iin, address, \
    territory_code, signed_on, grounds";

async fn batches<'c, E: Executor<'c, Database = Any>>(
    e: E,
    nomination: Uuid,
) -> Result<Vec<SignatureBatch>> {
    let sql = format!(
        "SELECT {BATCH_COLS} FROM signature_batches WHERE nomination_id = $1 ORDER BY batch"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(nomination.to_string())
        .fetch_all(e)
        .await?;
    rows.iter().map(batch_of).collect()
}

/// What a batch writes: the nomination, its number, the time, the ledger's counts and hash, and
/// the private salt and lines (None on replay).
#[derive(Debug, Clone, Copy)]
pub struct NewBatch<'a> {
    /// The nomination the sheets support.
    pub nomination: Uuid,
    /// The batch's number (one more than the batches recorded before).
    pub batch: u32,
    /// When it is recorded.
    pub at_ms: i64,
    /// The counts per ground (as in the ledger).
    pub counts: &'a Counts,
    /// The valid signatures needed.
    pub threshold: u64,
    /// Hex SHA-256 of the salt and the canonical lines (as in the ledger).
    pub rows_sha256: &'a str,
    /// The private salt and the lines with their grounds and well-formed IIN (None on replay).
    pub private: Option<(&'a [u8], &'a [CheckedLine])>,
}

/// A line to store with what the checks found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedLine {
    /// The line as entered (normalized).
    pub line: SignatureLine,
    /// The grounds it breaks (empty: a valid signature).
    pub grounds: Vec<Ground>,
    /// Its IIN in 12 digits when well-formed (for duplicates in later batches).
    pub iin: Option<String>,
}

impl Tx {
    /// The KATO codes of a territory and every territory under it.
    pub async fn territory_subtree(
        &mut self,
        code: &TerritoryCode,
    ) -> Result<HashSet<TerritoryCode>> {
        let rows = sqlx::query(
            "WITH RECURSIVE subtree(code) AS ( \
               SELECT code FROM territories WHERE code = $1 \
               UNION ALL \
               SELECT t.code FROM territories t JOIN subtree s ON t.parent_code = s.code \
             ) SELECT code FROM subtree",
        )
        .bind(code.as_str())
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|r| code_of(&r.try_get::<String, _>("code")?))
            .collect()
    }

    /// The batches recorded for a nomination, in order.
    pub async fn signature_batches(&mut self, nomination: Uuid) -> Result<Vec<SignatureBatch>> {
        batches(self.conn(), nomination).await
    }

    /// The well-formed IINs of the nomination's kept lines (for duplicates across batches).
    pub async fn signature_iins(&mut self, nomination: Uuid) -> Result<HashSet<String>> {
        let rows = sqlx::query(
            "SELECT iin_key FROM signature_lines WHERE nomination_id = $1 AND iin_key <> ''",
        )
        .bind(nomination.to_string())
        .fetch_all(self.conn())
        .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>("iin_key")?))
            .collect()
    }

    /// Writes a batch and, live, its salt and lines.
    pub async fn insert_signature_batch(&mut self, b: &NewBatch<'_>) -> Result<()> {
        let c = b.counts;
        sqlx::query(
            "INSERT INTO signature_batches (nomination_id, batch, recorded_at_ms, sheets, lines, \
             valid, iin_malformed, iin_check_digit, under_age, outside_unit, outside_window, \
             duplicate, threshold, rows_sha256, salt, erased_at_ms) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, NULL)",
        )
        .bind(b.nomination.to_string())
        .bind(i64::from(b.batch))
        .bind(b.at_ms)
        .bind(i64::from(c.sheets))
        .bind(i64::from(c.lines))
        .bind(i64::from(c.valid))
        .bind(i64::from(c.iin_malformed))
        .bind(i64::from(c.iin_check_digit))
        .bind(i64::from(c.under_age))
        .bind(i64::from(c.outside_unit))
        .bind(i64::from(c.outside_window))
        .bind(i64::from(c.duplicate))
        .bind(i64_of(b.threshold)?)
        .bind(b.rows_sha256)
        .bind(b.private.map(|(salt, _)| salt.to_vec()))
        .execute(self.conn())
        .await?;
        let Some((_, lines)) = b.private else {
            return Ok(());
        };
        for chunk in lines.chunks(CHUNK) {
            let mut sql = String::from(
                "INSERT INTO signature_lines (nomination_id, batch, sheet, line, surname, \
                 given_name, patronymic, iin, address, territory_code, signed_on, grounds, \
                 iin_key) VALUES ",
            );
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push(',');
                }
                sql.push('(');
                for j in 0..13 {
                    if j > 0 {
                        sql.push(',');
                    }
                    sql.push('$');
                    sql.push_str(&(i * 13 + j + 1).to_string());
                }
                sql.push(')');
            }
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for CheckedLine {
                line: l,
                grounds,
                iin: iin_key,
            } in chunk
            {
                let grounds = serde_json::to_string(grounds)
                    .map_err(|e| StorageError::Corrupt(format!("grounds: {e}")))?;
                q = q
                    .bind(b.nomination.to_string())
                    .bind(i64::from(b.batch))
                    .bind(i64::from(l.sheet))
                    .bind(i64::from(l.line))
                    .bind(l.surname.clone())
                    .bind(l.given_name.clone())
                    .bind(l.patronymic.clone())
                    .bind(l.iin.clone())
                    .bind(l.address.clone())
                    .bind(l.territory_code.as_str().to_owned())
                    .bind(l.signed_on.to_string())
                    .bind(grounds)
                    .bind(iin_key.clone().unwrap_or_default());
            }
            q.execute(self.conn()).await?;
        }
        Ok(())
    }

    /// Deletes the nomination's lines and salts and marks its batches erased at `at_ms` (the
    /// counts and hashes stay: they are in the ledger). Returns the lines deleted.
    pub async fn erase_signature_lines(&mut self, nomination: Uuid, at_ms: i64) -> Result<u64> {
        let deleted = sqlx::query("DELETE FROM signature_lines WHERE nomination_id = $1")
            .bind(nomination.to_string())
            .execute(self.conn())
            .await?
            .rows_affected();
        sqlx::query(
            "UPDATE signature_batches SET salt = NULL, erased_at_ms = $2 \
             WHERE nomination_id = $1 AND erased_at_ms IS NULL",
        )
        .bind(nomination.to_string())
        .bind(at_ms)
        .execute(self.conn())
        .await?;
        Ok(deleted)
    }
}

impl Store {
    /// The batches recorded for a nomination, in order.
    pub async fn signature_batches(&self, nomination: Uuid) -> Result<Vec<SignatureBatch>> {
        batches(self.pool(), nomination).await
    }

    /// The nomination's kept lines, in batch, sheet and line order; only those with a ground
    /// when `flagged_only`.
    pub async fn signature_lines(
        &self,
        nomination: Uuid,
        flagged_only: bool,
    ) -> Result<Vec<StoredLine>> {
        let filter = if flagged_only {
            " AND grounds <> '[]'"
        } else {
            ""
        };
        let sql = format!(
            "SELECT {LINE_COLS} FROM signature_lines WHERE nomination_id = $1{filter} \
             ORDER BY batch, sheet, line"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(nomination.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(line_of).collect()
    }
}

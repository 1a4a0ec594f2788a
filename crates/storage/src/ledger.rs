//! Reads of the ledger table.

use sailau_ledger::Hash;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::rows::{i64_of, u64_of};
use crate::{Result, StorageError, Store};

/// One stored ledger entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerRow {
    /// The entry's index, from 0.
    pub index: u64,
    /// The canonical bytes of the entry.
    pub entry: Vec<u8>,
    /// The RFC 9162 leaf hash of the entry (SHA-256 of `0x00 || entry`).
    pub leaf_hash: Hash,
    /// The tree root after this entry.
    pub root: Hash,
    /// When the command was applied (milliseconds since the Unix epoch).
    pub at_ms: i64,
    /// The command's ledger name (`create_territory`, ...), for listing without decoding.
    pub kind: String,
}

/// The ledger's size and the root after its last entry, as `ledger_state` records them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerStatus {
    /// Entries in the ledger.
    pub size: u64,
    /// The Merkle tree's right edge (`sailau_ledger::Frontier` bytes), so that a commit appends in O(log n).
    pub frontier: Vec<u8>,
    /// The last signed tree head as JSON (empty before the first command).
    pub signed_head: String,
}

fn hash_of(v: Vec<u8>, what: &str) -> Result<Hash> {
    Hash::try_from(v.as_slice())
        .map_err(|_| StorageError::Corrupt(format!("{what} is not 32 bytes")))
}

fn ledger_row(r: &AnyRow) -> Result<LedgerRow> {
    Ok(LedgerRow {
        index: u64_of(r.try_get("idx")?, "ledger index")?,
        entry: r.try_get("entry")?,
        leaf_hash: hash_of(r.try_get("leaf_hash")?, "leaf hash")?,
        root: hash_of(r.try_get("root")?, "root")?,
        at_ms: r.try_get("at_ms")?,
        kind: r.try_get("kind")?,
    })
}

impl Store {
    /// The ledger's size, frontier and latest signed head, from `ledger_state`.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn ledger_status(&self) -> Result<LedgerStatus> {
        let row = sqlx::query("SELECT size, frontier, signed_head FROM ledger_state WHERE id = 1")
            .fetch_one(self.pool())
            .await?;
        Ok(LedgerStatus {
            size: u64_of(row.try_get("size")?, "ledger size")?,
            frontier: row.try_get("frontier")?,
            signed_head: row.try_get("signed_head")?,
        })
    }

    /// Entries with `start <= index < end`, in order.
    pub async fn ledger_entries(&self, start: u64, end: u64) -> Result<Vec<LedgerRow>> {
        let rows = sqlx::query(
            "SELECT idx, entry, leaf_hash, root, at_ms, kind FROM ledger WHERE idx >= $1 AND idx < $2 ORDER BY idx",
        )
        .bind(i64_of(start)?)
        .bind(i64_of(end)?)
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(ledger_row).collect()
    }

    /// Every stored entry in storage order, including any whose index is out of sequence
    /// (for the verifier, which must see exactly what is there).
    pub async fn ledger_all(&self) -> Result<Vec<LedgerRow>> {
        let rows =
            sqlx::query("SELECT idx, entry, leaf_hash, root, at_ms, kind FROM ledger ORDER BY idx")
                .fetch_all(self.pool())
                .await?;
        rows.iter().map(ledger_row).collect()
    }

    /// Leaf hashes with `start <= index < end`, in order.
    pub async fn ledger_leaf_hashes(&self, start: u64, end: u64) -> Result<Vec<Hash>> {
        let rows =
            sqlx::query("SELECT leaf_hash FROM ledger WHERE idx >= $1 AND idx < $2 ORDER BY idx")
                .bind(i64_of(start)?)
                .bind(i64_of(end)?)
                .fetch_all(self.pool())
                .await?;
        rows.into_iter()
            .map(|r| hash_of(r.try_get("leaf_hash")?, "leaf hash"))
            .collect()
    }

    /// The root recorded after entry `size - 1` (None for size 0 or beyond the end).
    pub async fn ledger_root_after(&self, size: u64) -> Result<Option<Hash>> {
        if size == 0 {
            return Ok(None);
        }
        let row = sqlx::query("SELECT root FROM ledger WHERE idx = $1")
            .bind(i64_of(size - 1)?)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| hash_of(r.try_get("root")?, "root")).transpose()
    }
}

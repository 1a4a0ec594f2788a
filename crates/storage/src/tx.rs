//! A command transaction: reads facts, writes the change, appends the ledger entry, commits.

use sailau_domain::{
    Account, Branch, Names, Party, PartyCode, Person, PersonId, Precinct, PrecinctRef, Role, Scope,
    Territory, TerritoryCode, Username,
};
use sailau_ledger::{Frontier, Hash, leaf_hash};
use sqlx::{Any, AnyPool, Row, Transaction};

use crate::rows::{self, const_format, i64_of, u64_of};
use crate::{Result, StorageError};

/// An open command transaction holding the ledger lock. Dropping it without [`Tx::commit`]
/// rolls everything back: a refused command leaves no trace.
pub struct Tx {
    pub(crate) inner: Transaction<'static, Any>,
    frontier: Frontier,
    /// Ledger rows appended but not yet inserted: written together, a few hundred rows per
    /// statement, before the commit (nothing reads the ledger inside a transaction).
    pending: Vec<PendingEntry>,
}

/// A ledger row waiting for its insert.
struct PendingEntry {
    index: i64,
    entry: Vec<u8>,
    leaf: Hash,
    root: Hash,
    at_ms: i64,
    kind: String,
}

/// Rows inserted by one statement (ledger rows: 6 parameters each): at most 32, as for every
/// multi-row insert (ARCHITECTURE.md, "multi-row INSERTs of at most 32 rows").
pub(crate) const ROWS_PER_INSERT: usize = 32;

/// The most levels of an ancestry [`Tx::territory_path`] returns: the walk goes one further, and
/// a path that long is a cycle of parents (the registry's tree is a few levels deep).
const PATH_MAX: i32 = 17;

impl Tx {
    pub(crate) async fn begin(pool: &AnyPool) -> Result<Tx> {
        let mut inner = pool.begin().await?;
        // The first statement writes: on SQLite it takes the database's write lock at once (no
        // deferred-upgrade deadlocks); on PostgreSQL it locks the one ledger_state row, which
        // serializes commands across every server instance.
        // One round trip while the lock is held: the row comes back with the update.
        let row = sqlx::query(
            "UPDATE ledger_state SET writes = writes + 1 WHERE id = 1 RETURNING size, frontier",
        )
        .fetch_one(&mut *inner)
        .await?;
        let size = u64_of(row.try_get("size")?, "ledger size")?;
        let bytes: Vec<u8> = row.try_get("frontier")?;
        let frontier = Frontier::from_bytes(&bytes)
            .map_err(|e| StorageError::Corrupt(format!("ledger frontier: {e}")))?;
        if frontier.size() != size {
            return Err(StorageError::Corrupt(format!(
                "ledger frontier covers {} entries, ledger_state says {size}",
                frontier.size()
            )));
        }
        Ok(Tx {
            inner,
            frontier,
            pending: Vec::new(),
        })
    }

    /// The transaction's connection, for the queries of other modules of this crate.
    pub(crate) fn conn(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.inner
    }

    /// The number of ledger entries before this transaction's own: the index of the next entry.
    pub fn ledger_size(&self) -> u64 {
        self.frontier.size()
    }

    /// Appends one canonical ledger entry; returns its index and the tree root after it. The
    /// row is inserted with others before the commit.
    pub async fn append_ledger(
        &mut self,
        entry: &[u8],
        at_ms: i64,
        kind: &str,
    ) -> Result<(u64, Hash)> {
        let index = self.frontier.size();
        let leaf = leaf_hash(entry);
        self.frontier
            .push(leaf)
            .map_err(|e| StorageError::Corrupt(format!("ledger frontier: {e}")))?;
        let root = self.frontier.root();
        self.pending.push(PendingEntry {
            index: i64_of(index)?,
            entry: entry.to_vec(),
            leaf,
            root,
            at_ms,
            kind: kind.to_owned(),
        });
        if self.pending.len() >= ROWS_PER_INSERT {
            self.flush_ledger().await?;
        }
        Ok((index, root))
    }

    /// Inserts the pending ledger rows.
    async fn flush_ledger(&mut self) -> Result<()> {
        let pending = std::mem::take(&mut self.pending);
        for chunk in crate::rows::runs(&pending, ROWS_PER_INSERT) {
            let mut sql = String::from(
                "INSERT INTO ledger (idx, entry, leaf_hash, root, at_ms, kind) VALUES ",
            );
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push(',');
                }
                let p = i * 6;
                sql.push_str(&format!(
                    "(${}, ${}, ${}, ${}, ${}, ${})",
                    p + 1,
                    p + 2,
                    p + 3,
                    p + 4,
                    p + 5,
                    p + 6
                ));
            }
            // Only numbered placeholders are spliced in.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for e in chunk {
                q = q
                    .bind(e.index)
                    .bind(e.entry.clone())
                    .bind(e.leaf.to_vec())
                    .bind(e.root.to_vec())
                    .bind(e.at_ms)
                    .bind(e.kind.clone());
            }
            q.execute(&mut *self.inner).await?;
        }
        Ok(())
    }

    /// The tree root over every entry so far, this transaction's included.
    pub fn ledger_root(&self) -> Hash {
        self.frontier.root()
    }

    /// Writes the ledger state with its signed tree head (JSON) and commits everything at once.
    pub async fn commit(mut self, signed_head: &str) -> Result<()> {
        self.flush_ledger().await?;
        sqlx::query(
            "UPDATE ledger_state SET size = $1, frontier = $2, signed_head = $3 WHERE id = 1",
        )
        .bind(i64_of(self.frontier.size())?)
        .bind(self.frontier.to_bytes())
        .bind(signed_head)
        .execute(&mut *self.inner)
        .await?;
        self.inner.commit().await?;
        Ok(())
    }

    /// Commits a transaction that appended nothing to the ledger, without writing the ledger's
    /// state: the plain inserts that benchmarks compare with.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn commit_plain(mut self) -> Result<()> {
        self.flush_ledger().await?;
        self.inner.commit().await?;
        Ok(())
    }

    /// Undoes everything of the transaction (a refused command).
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn rollback(self) -> Result<()> {
        self.inner.rollback().await?;
        Ok(())
    }

    // ---- facts ----

    /// The territory with this code, as of this transaction.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn territory(&mut self, code: &TerritoryCode) -> Result<Option<Territory>> {
        rows::get_territory(&mut *self.inner, code).await
    }

    /// The region (top ancestor) and depth (0 for a region) of a territory.
    pub async fn territory_region(
        &mut self,
        code: &TerritoryCode,
    ) -> Result<Option<(TerritoryCode, u32)>> {
        rows::territory_region(&mut *self.inner, code).await
    }

    /// The territory's ancestry from its region down to itself (empty when it does not exist),
    /// in one query (a recursive walk up the parents, at most [`PATH_MAX`] levels).
    ///
    /// # Errors
    /// [`StorageError::Corrupt`] when the parents go deeper than that (a cycle);
    /// [`StorageError::Sql`] when the database fails.
    pub async fn territory_path(&mut self, code: &TerritoryCode) -> Result<Vec<TerritoryCode>> {
        let rows = sqlx::query(
            "WITH RECURSIVE up(code, parent_code, depth) AS ( \
               SELECT code, parent_code, 0 FROM territories WHERE code = $1 \
               UNION ALL \
               SELECT t.code, t.parent_code, up.depth + 1 FROM territories t \
               JOIN up ON t.code = up.parent_code WHERE up.depth < $2 \
             ) SELECT code FROM up ORDER BY depth DESC",
        )
        .bind(code.as_str())
        .bind(PATH_MAX)
        .fetch_all(&mut *self.inner)
        .await?;
        if rows.len() > usize::try_from(PATH_MAX).unwrap_or(usize::MAX) {
            return Err(StorageError::Corrupt(format!(
                "territory {code} has a cycle of parents"
            )));
        }
        rows.iter()
            .map(|r| rows::code_of(&r.try_get::<String, _>("code")?))
            .collect()
    }

    /// The precinct named, as of this transaction.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn precinct(&mut self, r: &PrecinctRef) -> Result<Option<Precinct>> {
        rows::get_precinct(&mut *self.inner, r).await
    }

    /// The party with this code, as of this transaction.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn party(&mut self, code: &PartyCode) -> Result<Option<Party>> {
        rows::get_party(&mut *self.inner, code).await
    }

    /// Every registered party (for comparing names; parties are few).
    pub async fn parties(&mut self) -> Result<Vec<Party>> {
        let sql = const_format("SELECT ", rows::PARTY_COLS, " FROM parties ORDER BY code");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(&mut *self.inner)
            .await?;
        rows.iter().map(rows::party).collect()
    }

    /// Whether the party already has this branch.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn branch_exists(&mut self, b: &Branch) -> Result<bool> {
        rows::branch_exists(&mut *self.inner, b).await
    }

    /// The person with this id, as of this transaction.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn person(&mut self, id: &PersonId) -> Result<Option<Person>> {
        rows::get_person(&mut *self.inner, id).await
    }

    /// The account with this username, as of this transaction.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn account(&mut self, username: &Username) -> Result<Option<Account>> {
        rows::get_account(&mut *self.inner, username).await
    }

    /// How many active administrator accounts there are besides `username`.
    pub async fn other_active_administrators(&mut self, username: &Username) -> Result<u64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM accounts WHERE role = 'administrator' AND active = 1 AND username <> $1",
        )
        .bind(username.as_str())
        .fetch_one(&mut *self.inner)
        .await?;
        u64_of(row.try_get("n")?, "administrator count")
    }

    // ---- changes ----

    /// Inserts a territory (validated by the domain before).
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn insert_territory(
        &mut self,
        t: &Territory,
        region: &TerritoryCode,
        depth: u32,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO territories (code, parent_code, kind, name_ru, name_kk, name_en, region_code, depth) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(t.code.as_str())
        .bind(t.parent_code.as_ref().map(|c| c.as_str().to_owned()))
        .bind(t.kind.as_str())
        .bind(&t.names.ru)
        .bind(&t.names.kk)
        .bind(&t.names.en)
        .bind(region.as_str())
        .bind(i64::from(depth))
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Writes a territory's new names.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn rename_territory(&mut self, code: &TerritoryCode, names: &Names) -> Result<()> {
        sqlx::query(
            "UPDATE territories SET name_ru = $1, name_kk = $2, name_en = $3 WHERE code = $4",
        )
        .bind(&names.ru)
        .bind(&names.kk)
        .bind(&names.en)
        .bind(code.as_str())
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Inserts a precinct.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn insert_precinct(&mut self, p: &Precinct) -> Result<()> {
        sqlx::query(
            "INSERT INTO precincts (region_code, number, territory_code, address, voters) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(p.region_code.as_str())
        .bind(i64::from(p.number))
        .bind(p.territory_code.as_str())
        .bind(&p.address)
        .bind(i64::from(p.voters))
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Writes a precinct's address and voters.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn update_precinct(&mut self, p: &Precinct) -> Result<()> {
        sqlx::query(
            "UPDATE precincts SET address = $1, voters = $2 WHERE region_code = $3 AND number = $4",
        )
        .bind(&p.address)
        .bind(i64::from(p.voters))
        .bind(p.region_code.as_str())
        .bind(i64::from(p.number))
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Inserts a party.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn insert_party(&mut self, p: &Party) -> Result<()> {
        sqlx::query("INSERT INTO parties (code, name_ru, name_kk, name_en, short_name) VALUES ($1, $2, $3, $4, $5)")
            .bind(p.code.as_str())
            .bind(&p.name_ru)
            .bind(&p.name_kk)
            .bind(&p.name_en)
            .bind(&p.short_name)
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// Writes a party's names.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn update_party(&mut self, p: &Party) -> Result<()> {
        sqlx::query("UPDATE parties SET name_ru = $1, name_kk = $2, name_en = $3, short_name = $4 WHERE code = $5")
            .bind(&p.name_ru)
            .bind(&p.name_kk)
            .bind(&p.name_en)
            .bind(&p.short_name)
            .bind(p.code.as_str())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// Inserts a party branch.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn insert_branch(&mut self, b: &Branch) -> Result<()> {
        sqlx::query("INSERT INTO branches (party_code, territory_code) VALUES ($1, $2)")
            .bind(b.party_code.as_str())
            .bind(b.territory_code.as_str())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// Inserts a person.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn insert_person(&mut self, p: &Person) -> Result<()> {
        sqlx::query(
            "INSERT INTO persons (id, surname, given_name, patronymic, birth_date, gender) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(p.id.0.to_string())
        .bind(&p.surname)
        .bind(&p.given_name)
        .bind(&p.patronymic)
        .bind(p.birth_date.to_string())
        .bind(p.gender.as_str())
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Inserts an account (its password is written beside it by `set_password`).
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn insert_account(&mut self, a: &Account) -> Result<()> {
        sqlx::query("INSERT INTO accounts (username, display_name, role, scope, active) VALUES ($1, $2, $3, $4, $5)")
            .bind(a.username.as_str())
            .bind(&a.display_name)
            .bind(a.role.as_str())
            .bind(a.scope.to_string())
            .bind(i64::from(a.active))
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// Writes an account's role and scope.
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn update_account_role(
        &mut self,
        username: &Username,
        role: Role,
        scope: &Scope,
    ) -> Result<()> {
        sqlx::query("UPDATE accounts SET role = $1, scope = $2 WHERE username = $3")
            .bind(role.as_str())
            .bind(scope.to_string())
            .bind(username.as_str())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// Activates or deactivates an account; deactivation also ends its sessions.
    pub async fn set_account_active(&mut self, username: &Username, active: bool) -> Result<()> {
        sqlx::query("UPDATE accounts SET active = $1 WHERE username = $2")
            .bind(i64::from(active))
            .bind(username.as_str())
            .execute(&mut *self.inner)
            .await?;
        if !active {
            sqlx::query("DELETE FROM sessions WHERE username = $1")
                .bind(username.as_str())
                .execute(&mut *self.inner)
                .await?;
        }
        Ok(())
    }

    /// Stores a password hash (never in the ledger) and ends the account's other sessions.
    pub async fn set_password_hash(
        &mut self,
        username: &Username,
        hash: &str,
        at_ms: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO credentials (username, password_hash, changed_at_ms) VALUES ($1, $2, $3) \
             ON CONFLICT (username) DO UPDATE SET password_hash = excluded.password_hash, changed_at_ms = excluded.changed_at_ms",
        )
        .bind(username.as_str())
        .bind(hash)
        .bind(at_ms)
        .execute(&mut *self.inner)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE username = $1")
            .bind(username.as_str())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }
}

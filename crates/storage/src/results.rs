//! Results of election day (issue 12 §4): the commission's certifications. Table of migration
//! `0014_results`. Sums, winners and statistics are computed from the accepted protocols (the
//! domain's `elections::tabulation`), never stored.

use sailau_domain::elections::{ContestId, ElectionId};
use sailau_domain::{Precinct, TerritoryCode};
use sqlx::{Any, Executor, Row};

use crate::{Result, StorageError, Store, Tx};

/// The precincts of a unit's subtree, by region and number.
async fn unit_precincts<'e, E: Executor<'e, Database = Any>>(
    e: E,
    unit: &TerritoryCode,
) -> Result<Vec<Precinct>> {
    let sql = crate::rows::const_format(
        "WITH RECURSIVE subtree(code) AS ( \
           SELECT code FROM territories WHERE code = $1 \
           UNION ALL \
           SELECT t.code FROM territories t JOIN subtree s ON t.parent_code = s.code \
         ) SELECT ",
        "p.region_code, p.number, p.territory_code, p.address, p.voters",
        " FROM precincts p JOIN subtree s ON p.territory_code = s.code \
         ORDER BY p.region_code, p.number",
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(unit.as_str())
        .fetch_all(e)
        .await?;
    rows.iter().map(crate::rows::precinct).collect()
}

impl Tx {
    /// The precincts of a unit (its whole subtree), by region and number.
    pub async fn unit_precincts(&mut self, unit: &TerritoryCode) -> Result<Vec<Precinct>> {
        unit_precincts(&mut *self.inner, unit).await
    }

    /// Whether the contest's results are certified.
    pub async fn result_certified(&mut self, contest: &ContestId) -> Result<bool> {
        let row =
            sqlx::query("SELECT COUNT(*) AS n FROM result_certifications WHERE contest_id = $1")
                .bind(contest.0.to_string())
                .fetch_one(&mut *self.inner)
                .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// Records the certification of a contest's results at `at_ms` (ms since the Unix epoch).
    pub async fn insert_result_certification(
        &mut self,
        contest: &ContestId,
        at_ms: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO result_certifications (contest_id, certified_at_ms) VALUES ($1, $2)",
        )
        .bind(contest.0.to_string())
        .bind(at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }
}

impl Store {
    /// The precincts of a unit (its whole subtree), by region and number.
    pub async fn unit_precincts(&self, unit: &TerritoryCode) -> Result<Vec<Precinct>> {
        unit_precincts(self.pool(), unit).await
    }

    /// The certified contests of an election with the moment of certification (ms since the
    /// Unix epoch), by contest id.
    pub async fn result_certifications(
        &self,
        election: &ElectionId,
    ) -> Result<Vec<(ContestId, i64)>> {
        let rows = sqlx::query(
            "SELECT r.contest_id, r.certified_at_ms FROM result_certifications r \
             JOIN contests c ON c.id = r.contest_id WHERE c.election_id = $1 \
             ORDER BY r.contest_id",
        )
        .bind(election.0.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("contest_id")?;
                let at: i64 = r.try_get("certified_at_ms")?;
                let id = ContestId::parse(&id)
                    .ok_or_else(|| StorageError::Corrupt(format!("contest id: {id}")))?;
                Ok((id, at))
            })
            .collect()
    }
}

/// A PostgreSQL connection listening on the channel `ledger_appended` (migration
/// `0014_results`: a trigger notifies the new ledger size at every commit that grows it).
pub struct LedgerListener(sqlx::postgres::PgListener);

impl LedgerListener {
    /// Connects to the PostgreSQL database at `url` and listens.
    ///
    /// # Errors
    /// [`StorageError::Sql`] when the database cannot be reached.
    pub async fn connect(url: &str) -> Result<LedgerListener> {
        let mut l = sqlx::postgres::PgListener::connect(url).await?;
        l.listen("ledger_appended").await?;
        Ok(LedgerListener(l))
    }

    /// The next ledger size notified (waits; reconnects by itself after a lost connection, and
    /// then returns the notifications sent meanwhile only as a later size).
    ///
    /// # Errors
    /// [`StorageError::Sql`] when the connection fails; [`StorageError::Corrupt`] for a payload
    /// that is not a size.
    pub async fn next_size(&mut self) -> Result<u64> {
        let n = self.0.recv().await?;
        n.payload()
            .parse()
            .map_err(|e| StorageError::Corrupt(format!("ledger_appended payload: {e}")))
    }
}

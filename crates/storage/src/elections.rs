//! Elections, contests, nominations and attached files (migration `0009_elections.sql`).
//!
//! Each row keeps the columns queries need and the domain value as JSON (`doc`); the contest's
//! few fields are plain columns. Reads are shared by transactions and the pool.

use sailau_domain::elections::{
    AttachmentMeta, Contest, ContestId, Election, ElectionId, Nomination, NominationId,
};
use sailau_domain::{PersonId, TerritoryCode};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::rows::{code_of, i64_of, u64_of};
use crate::{Result, StorageError, Store, Tx};

fn corrupt(what: &str, e: impl std::fmt::Display) -> StorageError {
    StorageError::Corrupt(format!("{what}: {e}"))
}

fn uuid_of(s: &str, what: &str) -> Result<uuid::Uuid> {
    uuid::Uuid::parse_str(s).map_err(|e| corrupt(what, e))
}

fn json<T: serde::de::DeserializeOwned>(row: &AnyRow, what: &str) -> Result<T> {
    let doc: String = row.try_get("doc")?;
    serde_json::from_str(&doc).map_err(|e| corrupt(what, e))
}

fn to_json<T: serde::Serialize>(v: &T, what: &str) -> Result<String> {
    serde_json::to_string(v).map_err(|e| corrupt(what, e))
}

const CONTEST_COLS: &str =
    "SELECT id, election_id, unit_code, voters, ballots_produced, ballot_changed FROM contests";

fn contest(row: &AnyRow) -> Result<Contest> {
    Ok(Contest {
        id: ContestId(uuid_of(&row.try_get::<String, _>("id")?, "contest id")?),
        election: ElectionId(uuid_of(
            &row.try_get::<String, _>("election_id")?,
            "election id",
        )?),
        unit: code_of(&row.try_get::<String, _>("unit_code")?)?,
        voters: u64_of(row.try_get("voters")?, "voters")?,
        ballots_produced: row.try_get::<i64, _>("ballots_produced")? != 0,
        ballot_changed: row.try_get::<i64, _>("ballot_changed")? != 0,
    })
}

async fn get_election<'e, E: Executor<'e, Database = Any>>(
    e: E,
    id: &ElectionId,
) -> Result<Option<Election>> {
    let row = sqlx::query("SELECT doc FROM elections WHERE id = $1")
        .bind(id.0.to_string())
        .fetch_optional(e)
        .await?;
    row.as_ref().map(|r| json(r, "election")).transpose()
}

async fn get_contest<'e, E: Executor<'e, Database = Any>>(
    e: E,
    id: &ContestId,
) -> Result<Option<Contest>> {
    let sql = format!("{CONTEST_COLS} WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0.to_string())
        .fetch_optional(e)
        .await?;
    row.as_ref().map(contest).transpose()
}

async fn get_nomination<'e, E: Executor<'e, Database = Any>>(
    e: E,
    id: &NominationId,
) -> Result<Option<Nomination>> {
    let row = sqlx::query("SELECT doc FROM nominations WHERE id = $1")
        .bind(id.0.to_string())
        .fetch_optional(e)
        .await?;
    row.as_ref().map(|r| json(r, "nomination")).transpose()
}

async fn contest_nominations<'e, E: Executor<'e, Database = Any>>(
    e: E,
    id: &ContestId,
) -> Result<Vec<Nomination>> {
    let rows = sqlx::query(
        "SELECT doc FROM nominations WHERE contest_id = $1 ORDER BY nominated_at_ms, id",
    )
    .bind(id.0.to_string())
    .fetch_all(e)
    .await?;
    rows.iter().map(|r| json(r, "nomination")).collect()
}

impl Tx {
    /// An election.
    pub async fn election(&mut self, id: &ElectionId) -> Result<Option<Election>> {
        get_election(&mut *self.inner, id).await
    }

    /// A contest.
    pub async fn contest(&mut self, id: &ContestId) -> Result<Option<Contest>> {
        get_contest(&mut *self.inner, id).await
    }

    /// A nomination.
    pub async fn nomination(&mut self, id: &NominationId) -> Result<Option<Nomination>> {
        get_nomination(&mut *self.inner, id).await
    }

    /// The nominations of a contest, in the order they were filed.
    pub async fn contest_nominations(&mut self, id: &ContestId) -> Result<Vec<Nomination>> {
        contest_nominations(&mut *self.inner, id).await
    }

    /// Whether a contest for `unit` exists in an election held on `day` (`YYYY-MM-DD`).
    pub async fn unit_busy(&mut self, unit: &TerritoryCode, day: &str) -> Result<bool> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM contests WHERE unit_code = $1 AND election_day = $2",
        )
        .bind(unit.as_str())
        .bind(day)
        .fetch_one(&mut *self.inner)
        .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// The voters of a territory's subtree: the sum over its precincts.
    pub async fn subtree_voters(&mut self, code: &TerritoryCode) -> Result<u64> {
        let row = sqlx::query(
            "WITH RECURSIVE subtree(code) AS ( \
               SELECT code FROM territories WHERE code = $1 \
               UNION ALL \
               SELECT t.code FROM territories t JOIN subtree s ON t.parent_code = s.code \
             ) \
             SELECT CAST(COALESCE(SUM(p.voters), 0) AS BIGINT) AS v \
             FROM precincts p JOIN subtree s ON p.territory_code = s.code",
        )
        .bind(code.as_str())
        .fetch_one(&mut *self.inner)
        .await?;
        u64_of(row.try_get("v")?, "voters")
    }

    /// The next registration number in a contest (1 for the first).
    pub async fn next_registration_number(&mut self, id: &ContestId) -> Result<u32> {
        let row = sqlx::query(
            "SELECT CAST(COALESCE(MAX(number), 0) AS BIGINT) AS m FROM nominations WHERE contest_id = $1",
        )
        .bind(id.0.to_string())
        .fetch_one(&mut *self.inner)
        .await?;
        let m: i64 = row.try_get("m")?;
        u32::try_from(m + 1).map_err(|e| corrupt("registration number", e))
    }

    /// Writes a new election.
    pub async fn insert_election(&mut self, e: &Election, at_ms: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO elections (id, territory_code, election_day, called_at_ms, doc) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(e.id.0.to_string())
        .bind(e.territory.as_ref().map(|t| t.as_str().to_owned()))
        .bind(e.election_day.to_string())
        .bind(at_ms)
        .bind(to_json(e, "election")?)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Writes a new contest of an election held on `day`.
    pub async fn insert_contest(&mut self, c: &Contest, day: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO contests (id, election_id, unit_code, election_day, voters, ballots_produced, ballot_changed) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(c.id.0.to_string())
        .bind(c.election.0.to_string())
        .bind(c.unit.as_str())
        .bind(day)
        .bind(i64_of(c.voters)?)
        .bind(i64::from(c.ballots_produced))
        .bind(i64::from(c.ballot_changed))
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Writes a contest's ballot state.
    pub async fn update_contest(&mut self, c: &Contest) -> Result<()> {
        sqlx::query("UPDATE contests SET ballots_produced = $1, ballot_changed = $2 WHERE id = $3")
            .bind(i64::from(c.ballots_produced))
            .bind(i64::from(c.ballot_changed))
            .bind(c.id.0.to_string())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// Writes a new nomination.
    pub async fn insert_nomination(&mut self, n: &Nomination, at_ms: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO nominations (id, contest_id, person_id, party_code, route, status, number, nominated_at_ms, doc) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(n.id.0.to_string())
        .bind(n.contest.0.to_string())
        .bind(n.candidate.person.id.0.to_string())
        .bind(n.route.party().map(|p| p.as_str().to_owned()))
        .bind(n.route.kind().as_str())
        .bind(n.status.as_str())
        .bind(number_of(n))
        .bind(at_ms)
        .bind(to_json(n, "nomination")?)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Rewrites a nomination (status, documents, deposit, signatures...).
    pub async fn update_nomination(&mut self, n: &Nomination) -> Result<()> {
        sqlx::query("UPDATE nominations SET status = $1, number = $2, doc = $3 WHERE id = $4")
            .bind(n.status.as_str())
            .bind(number_of(n))
            .bind(to_json(n, "nomination")?)
            .bind(n.id.0.to_string())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// Stores an attached file's bytes under its hash (once: the same content is stored once).
    pub async fn insert_attachment(&mut self, meta: &AttachmentMeta, bytes: &[u8]) -> Result<()> {
        sqlx::query(
            "INSERT INTO attachments (sha256, media_type, size, bytes) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (sha256) DO NOTHING",
        )
        .bind(meta.sha256.as_str())
        .bind(meta.media_type.as_str())
        .bind(i64_of(meta.size)?)
        .bind(bytes.to_vec())
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }
}

/// The registration number column of a nomination: registered ones, and cancelled ones that had
/// one (numbers are not reused).
fn number_of(n: &Nomination) -> Option<i64> {
    use sailau_domain::elections::Status;
    match n.status {
        Status::Registered { number } => Some(i64::from(number)),
        Status::Cancelled {
            number: Some(number),
            ..
        } => Some(i64::from(number)),
        _ => None,
    }
}

/// An attached file as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAttachment {
    /// Its media type (`application/pdf`).
    pub media_type: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

impl Store {
    /// Every election, latest election day first.
    pub async fn elections(&self) -> Result<Vec<Election>> {
        let rows =
            sqlx::query("SELECT doc FROM elections ORDER BY election_day DESC, called_at_ms, id")
                .fetch_all(self.pool())
                .await?;
        rows.iter().map(|r| json(r, "election")).collect()
    }

    /// An election.
    pub async fn election(&self, id: &ElectionId) -> Result<Option<Election>> {
        get_election(self.pool(), id).await
    }

    /// A contest.
    pub async fn contest(&self, id: &ContestId) -> Result<Option<Contest>> {
        get_contest(self.pool(), id).await
    }

    /// The contests of an election, by unit code.
    pub async fn contests_of(&self, election: &ElectionId) -> Result<Vec<Contest>> {
        let sql = format!("{CONTEST_COLS} WHERE election_id = $1 ORDER BY unit_code");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(election.0.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(contest).collect()
    }

    /// A nomination.
    pub async fn nomination(&self, id: &NominationId) -> Result<Option<Nomination>> {
        get_nomination(self.pool(), id).await
    }

    /// The nominations of a contest, in the order they were filed.
    pub async fn contest_nominations(&self, id: &ContestId) -> Result<Vec<Nomination>> {
        contest_nominations(self.pool(), id).await
    }

    /// The nominations of an election, by contest and filing order.
    pub async fn election_nominations(&self, election: &ElectionId) -> Result<Vec<Nomination>> {
        let rows = sqlx::query(
            "SELECT n.doc FROM nominations n JOIN contests c ON n.contest_id = c.id \
             WHERE c.election_id = $1 ORDER BY c.unit_code, n.nominated_at_ms, n.id",
        )
        .bind(election.0.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| json(r, "nomination")).collect()
    }

    /// The nominations of a person (a candidate's own page).
    pub async fn person_nominations(&self, person: &PersonId) -> Result<Vec<Nomination>> {
        let rows = sqlx::query(
            "SELECT doc FROM nominations WHERE person_id = $1 ORDER BY nominated_at_ms, id",
        )
        .bind(person.0.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| json(r, "nomination")).collect()
    }

    /// The nominations awaiting a decision (status `nominated`), oldest first.
    pub async fn pending_nominations(&self) -> Result<Vec<Nomination>> {
        let rows = sqlx::query(
            "SELECT doc FROM nominations WHERE status = 'nominated' ORDER BY nominated_at_ms, id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter().map(|r| json(r, "nomination")).collect()
    }

    /// An attached file by its SHA-256 (lowercase hex).
    pub async fn attachment(&self, sha256: &str) -> Result<Option<StoredAttachment>> {
        let row = sqlx::query("SELECT media_type, bytes FROM attachments WHERE sha256 = $1")
            .bind(sha256)
            .fetch_optional(self.pool())
            .await?;
        row.map(|r| {
            Ok(StoredAttachment {
                media_type: r.try_get("media_type")?,
                bytes: r.try_get("bytes")?,
            })
        })
        .transpose()
    }
}

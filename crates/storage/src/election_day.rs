//! Election day (migration `0013_election_day.sql`, branch i12-day): turnout reports, precinct
//! protocols with their double-entry entries and amended versions, scans of the signed paper
//! and observers' copies. Numbers are stored as the domain's
//! [`ProtocolNumbers`](sailau_domain::elections::protocol::ProtocolNumbers) in JSON.
//!
//! Reads for tabulation and the public pages (branch i12-results) are on [`Store`]; the facts a
//! command needs are on [`Tx`].

use std::collections::BTreeMap;

use sailau_domain::PrecinctRef;
use sailau_domain::elections::protocol::ProtocolNumbers;
use sailau_domain::elections::{AttachmentMeta, ContestId, ElectionId};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::rows::{code_of, i64_of, u64_of};
use crate::{Result, StorageError, Store, Tx};

fn corrupt(what: &str, e: impl std::fmt::Display) -> StorageError {
    StorageError::Corrupt(format!("{what}: {e}"))
}

fn numbers_of(s: &str) -> Result<ProtocolNumbers> {
    serde_json::from_str(s).map_err(|e| corrupt("protocol numbers", e))
}

fn numbers_json(n: &ProtocolNumbers) -> Result<String> {
    serde_json::to_string(n).map_err(|e| corrupt("protocol numbers", e))
}

fn uuid_of(s: &str, what: &str) -> Result<uuid::Uuid> {
    uuid::Uuid::parse_str(s).map_err(|e| corrupt(what, e))
}

fn precinct_of(row: &AnyRow) -> Result<PrecinctRef> {
    let number = row.try_get::<i64, _>("precinct_number")?;
    Ok(PrecinctRef {
        region_code: code_of(&row.try_get::<String, _>("region_code")?)?,
        number: u32::try_from(number).map_err(|e| corrupt("precinct number", e))?,
    })
}

fn u32_of(v: i64, what: &str) -> Result<u32> {
    u32::try_from(v).map_err(|e| corrupt(what, e))
}

/// Where a precinct's protocol stands: `pending` (double entry, entries not yet agreeing) or
/// `accepted` (version 1, or a later version after amendments).
pub const STATUS_PENDING: &str = "pending";
/// See [`STATUS_PENDING`].
pub const STATUS_ACCEPTED: &str = "accepted";

/// A precinct's protocol as stored (table `protocols`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredProtocol {
    /// The election.
    pub election: ElectionId,
    /// The contest (the unit whose subtree holds the precinct).
    pub contest: ContestId,
    /// The precinct.
    pub precinct: PrecinctRef,
    /// [`STATUS_PENDING`] or [`STATUS_ACCEPTED`].
    pub status: String,
    /// The current version (0 while pending, 1 when accepted, +1 per amendment).
    pub version: u32,
    /// The current version's numbers (`None` while pending).
    pub numbers: Option<ProtocolNumbers>,
    /// When it was first accepted, ms since the Unix epoch (UTC).
    pub accepted_at_ms: Option<i64>,
    /// When it last changed, ms since the Unix epoch.
    pub updated_at_ms: i64,
}

const PROTOCOL_COLS: &str = "SELECT election_id, contest_id, region_code, precinct_number, status, \
     version, numbers, accepted_at_ms, updated_at_ms FROM protocols";

fn protocol(row: &AnyRow) -> Result<StoredProtocol> {
    let numbers: Option<String> = row.try_get("numbers")?;
    Ok(StoredProtocol {
        election: ElectionId(uuid_of(
            &row.try_get::<String, _>("election_id")?,
            "election",
        )?),
        contest: ContestId(uuid_of(
            &row.try_get::<String, _>("contest_id")?,
            "contest",
        )?),
        precinct: precinct_of(row)?,
        status: row.try_get("status")?,
        version: u32_of(row.try_get("version")?, "version")?,
        numbers: numbers.as_deref().map(numbers_of).transpose()?,
        accepted_at_ms: row.try_get("accepted_at_ms")?,
        updated_at_ms: row.try_get("updated_at_ms")?,
    })
}

/// One operator's entry of a protocol (double entry; table `protocol_entries`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolEntry {
    /// Its order among the precinct's entries, from 1.
    pub seq: u32,
    /// Who entered it (the ledger's actor).
    pub entered_by: String,
    /// The numbers entered.
    pub numbers: ProtocolNumbers,
    /// When, ms since the Unix epoch.
    pub entered_at_ms: i64,
}

/// One version of an accepted protocol (table `protocol_versions`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolVersion {
    /// 1 for the accepted protocol, then +1 per amendment.
    pub version: u32,
    /// Its numbers.
    pub numbers: ProtocolNumbers,
    /// The amendment's reason (`None` for version 1).
    pub reason: Option<String>,
    /// Who recorded it.
    pub recorded_by: String,
    /// When, ms since the Unix epoch.
    pub recorded_at_ms: i64,
}

/// An observer's copy of a protocol (table `observer_copies`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObserverCopy {
    /// Its order among the precinct's copies, from 1.
    pub seq: u32,
    /// The observer's username.
    pub observer: String,
    /// The numbers on the copy.
    pub numbers: ProtocolNumbers,
    /// When recorded, ms since the Unix epoch.
    pub recorded_at_ms: i64,
}

/// A scan of a signed protocol (table `protocol_scans`; the bytes are in `attachments`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolScan {
    /// The file as the ledger records it.
    pub file: AttachmentMeta,
    /// When attached, ms since the Unix epoch.
    pub attached_at_ms: i64,
}

/// One turnout report (table `turnout_reports`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TurnoutRow {
    /// The contest.
    pub contest: ContestId,
    /// The precinct.
    pub precinct: PrecinctRef,
    /// The report time, local `HH:MM`.
    pub at: String,
    /// Voters who had voted by then.
    pub voted: u64,
    /// The precinct's voters on the list when reported.
    pub voters: u64,
    /// When reported, ms since the Unix epoch.
    pub reported_at_ms: i64,
}

/// A new turnout report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTurnout<'a> {
    /// The election.
    pub election: &'a ElectionId,
    /// The row.
    pub row: TurnoutRow,
}

const WHERE_PRECINCT: &str =
    " WHERE election_id = $1 AND region_code = $2 AND precinct_number = $3";

async fn get_protocol<'e, E: Executor<'e, Database = Any>>(
    e: E,
    election: &ElectionId,
    p: &PrecinctRef,
) -> Result<Option<StoredProtocol>> {
    let sql = format!("{PROTOCOL_COLS}{WHERE_PRECINCT}");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(election.0.to_string())
        .bind(p.region_code.as_str().to_owned())
        .bind(i64::from(p.number))
        .fetch_optional(e)
        .await?;
    row.as_ref().map(protocol).transpose()
}

async fn get_entries<'e, E: Executor<'e, Database = Any>>(
    e: E,
    election: &ElectionId,
    p: &PrecinctRef,
) -> Result<Vec<ProtocolEntry>> {
    let sql = format!(
        "SELECT seq, entered_by, numbers, entered_at_ms FROM protocol_entries{WHERE_PRECINCT} ORDER BY seq"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(election.0.to_string())
        .bind(p.region_code.as_str().to_owned())
        .bind(i64::from(p.number))
        .fetch_all(e)
        .await?;
    rows.iter()
        .map(|r| {
            Ok(ProtocolEntry {
                seq: u32_of(r.try_get("seq")?, "seq")?,
                entered_by: r.try_get("entered_by")?,
                numbers: numbers_of(&r.try_get::<String, _>("numbers")?)?,
                entered_at_ms: r.try_get("entered_at_ms")?,
            })
        })
        .collect()
}

const TURNOUT_COLS: &str = "SELECT contest_id, region_code, precinct_number, at, voted, voters, \
     reported_at_ms FROM turnout_reports";

fn turnout(row: &AnyRow) -> Result<TurnoutRow> {
    Ok(TurnoutRow {
        contest: ContestId(uuid_of(
            &row.try_get::<String, _>("contest_id")?,
            "contest",
        )?),
        precinct: precinct_of(row)?,
        at: row.try_get("at")?,
        voted: u64_of(row.try_get("voted")?, "voted")?,
        voters: u64_of(row.try_get("voters")?, "voters")?,
        reported_at_ms: row.try_get("reported_at_ms")?,
    })
}

impl Tx {
    /// The contest of `election` whose unit lies on `path` (a precinct's territory with its
    /// ancestors), if any.
    pub async fn contest_on_path(
        &mut self,
        election: &ElectionId,
        path: &[sailau_domain::TerritoryCode],
    ) -> Result<Option<ContestId>> {
        if path.is_empty() {
            return Ok(None);
        }
        // One query whatever the election's size: the path is a handful of codes.
        let marks = crate::rows::placeholders(2, path.len());
        let sql = format!(
            "SELECT id FROM contests WHERE election_id = $1 AND unit_code IN ({marks}) \
             ORDER BY unit_code LIMIT 1"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(election.0.to_string());
        for code in path {
            q = q.bind(code.as_str());
        }
        let row = q.fetch_optional(&mut *self.inner).await?;
        row.map(|r| {
            Ok(ContestId(uuid_of(
                &r.try_get::<String, _>("id")?,
                "contest",
            )?))
        })
        .transpose()
    }

    /// A precinct's protocol in an election, as of this transaction.
    pub async fn protocol(
        &mut self,
        election: &ElectionId,
        p: &PrecinctRef,
    ) -> Result<Option<StoredProtocol>> {
        get_protocol(&mut *self.inner, election, p).await
    }

    /// The double-entry entries of a precinct's protocol, oldest first.
    pub async fn protocol_entries(
        &mut self,
        election: &ElectionId,
        p: &PrecinctRef,
    ) -> Result<Vec<ProtocolEntry>> {
        get_entries(&mut *self.inner, election, p).await
    }

    /// The precincts of a contest whose protocol is accepted, as of this transaction
    /// (certification checks that none is missing).
    pub async fn contest_accepted_precincts(
        &mut self,
        contest: &ContestId,
    ) -> Result<Vec<PrecinctRef>> {
        let sql = format!(
            "SELECT region_code, precinct_number FROM protocols \
             WHERE contest_id = $1 AND status = '{STATUS_ACCEPTED}'"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(contest.0.to_string())
            .fetch_all(&mut *self.inner)
            .await?;
        rows.iter().map(precinct_of).collect()
    }

    /// A precinct's turnout reports in an election: time → voted.
    pub async fn precinct_turnout(
        &mut self,
        election: &ElectionId,
        p: &PrecinctRef,
    ) -> Result<BTreeMap<String, u64>> {
        let sql = format!("SELECT at, voted FROM turnout_reports{WHERE_PRECINCT}");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(election.0.to_string())
            .bind(p.region_code.as_str().to_owned())
            .bind(i64::from(p.number))
            .fetch_all(&mut *self.inner)
            .await?;
        rows.iter()
            .map(|r| Ok((r.try_get("at")?, u64_of(r.try_get("voted")?, "voted")?)))
            .collect()
    }

    /// Records a turnout report.
    pub async fn insert_turnout(&mut self, t: &NewTurnout<'_>) -> Result<()> {
        sqlx::query(
            "INSERT INTO turnout_reports (election_id, contest_id, region_code, precinct_number, \
             at, voted, voters, reported_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(t.election.0.to_string())
        .bind(t.row.contest.0.to_string())
        .bind(t.row.precinct.region_code.as_str().to_owned())
        .bind(i64::from(t.row.precinct.number))
        .bind(t.row.at.clone())
        .bind(i64_of(t.row.voted)?)
        .bind(i64_of(t.row.voters)?)
        .bind(t.row.reported_at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Writes a precinct's protocol row (insert or replace).
    pub async fn put_protocol(&mut self, p: &StoredProtocol) -> Result<()> {
        let numbers = p.numbers.as_ref().map(numbers_json).transpose()?;
        sqlx::query(
            "INSERT INTO protocols (election_id, contest_id, region_code, precinct_number, status, \
             version, numbers, accepted_at_ms, updated_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) \
             ON CONFLICT (election_id, region_code, precinct_number) DO UPDATE SET \
             status = excluded.status, version = excluded.version, numbers = excluded.numbers, \
             accepted_at_ms = excluded.accepted_at_ms, updated_at_ms = excluded.updated_at_ms",
        )
        .bind(p.election.0.to_string())
        .bind(p.contest.0.to_string())
        .bind(p.precinct.region_code.as_str().to_owned())
        .bind(i64::from(p.precinct.number))
        .bind(p.status.clone())
        .bind(i64::from(p.version))
        .bind(numbers)
        .bind(p.accepted_at_ms)
        .bind(p.updated_at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Records one operator's entry (double entry).
    pub async fn insert_protocol_entry(
        &mut self,
        election: &ElectionId,
        p: &PrecinctRef,
        e: &ProtocolEntry,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO protocol_entries (election_id, region_code, precinct_number, seq, \
             entered_by, numbers, entered_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(election.0.to_string())
        .bind(p.region_code.as_str().to_owned())
        .bind(i64::from(p.number))
        .bind(i64::from(e.seq))
        .bind(e.entered_by.clone())
        .bind(numbers_json(&e.numbers)?)
        .bind(e.entered_at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Records a version of an accepted protocol.
    pub async fn insert_protocol_version(
        &mut self,
        election: &ElectionId,
        p: &PrecinctRef,
        v: &ProtocolVersion,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO protocol_versions (election_id, region_code, precinct_number, version, \
             numbers, reason, recorded_by, recorded_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(election.0.to_string())
        .bind(p.region_code.as_str().to_owned())
        .bind(i64::from(p.number))
        .bind(i64::from(v.version))
        .bind(numbers_json(&v.numbers)?)
        .bind(v.reason.clone())
        .bind(v.recorded_by.clone())
        .bind(v.recorded_at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Records a scan of a signed protocol (the bytes go to `attachments` separately).
    pub async fn insert_protocol_scan(
        &mut self,
        election: &ElectionId,
        p: &PrecinctRef,
        s: &ProtocolScan,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO protocol_scans (election_id, region_code, precinct_number, sha256, \
             media_type, size, attached_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (election_id, region_code, precinct_number, sha256) DO NOTHING",
        )
        .bind(election.0.to_string())
        .bind(p.region_code.as_str().to_owned())
        .bind(i64::from(p.number))
        .bind(s.file.sha256.clone())
        .bind(s.file.media_type.as_str())
        .bind(i64_of(s.file.size)?)
        .bind(s.attached_at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Records an observer's copy; its `seq` is the next of the precinct's.
    pub async fn insert_observer_copy(
        &mut self,
        election: &ElectionId,
        p: &PrecinctRef,
        observer: &str,
        numbers: &ProtocolNumbers,
        at_ms: i64,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO observer_copies (election_id, region_code, precinct_number, seq, observer, \
             numbers, recorded_at_ms) SELECT $1, $2, $3, COALESCE(MAX(seq), 0) + 1, $4, $5, $6 \
             FROM observer_copies WHERE election_id = $1 AND region_code = $2 AND precinct_number = $3",
        )
        .bind(election.0.to_string())
        .bind(p.region_code.as_str().to_owned())
        .bind(i64::from(p.number))
        .bind(observer.to_owned())
        .bind(numbers_json(numbers)?)
        .bind(at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }
}

impl Store {
    /// A precinct's protocol in an election.
    pub async fn protocol(
        &self,
        election: &ElectionId,
        p: &PrecinctRef,
    ) -> Result<Option<StoredProtocol>> {
        get_protocol(self.pool(), election, p).await
    }

    /// The accepted protocols of an election (current versions), by region and precinct number.
    pub async fn accepted_protocols(&self, election: &ElectionId) -> Result<Vec<StoredProtocol>> {
        let sql = format!(
            "{PROTOCOL_COLS} WHERE election_id = $1 AND status = '{STATUS_ACCEPTED}' \
             ORDER BY region_code, precinct_number"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(election.0.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(protocol).collect()
    }

    /// Every protocol of a contest (pending and accepted), by region and precinct number.
    pub async fn contest_protocols(&self, contest: &ContestId) -> Result<Vec<StoredProtocol>> {
        let sql =
            format!("{PROTOCOL_COLS} WHERE contest_id = $1 ORDER BY region_code, precinct_number");
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(contest.0.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(protocol).collect()
    }

    /// The double-entry entries of a precinct's protocol, oldest first.
    pub async fn protocol_entries(
        &self,
        election: &ElectionId,
        p: &PrecinctRef,
    ) -> Result<Vec<ProtocolEntry>> {
        get_entries(self.pool(), election, p).await
    }

    /// The versions of a precinct's protocol, oldest first.
    pub async fn protocol_versions(
        &self,
        election: &ElectionId,
        p: &PrecinctRef,
    ) -> Result<Vec<ProtocolVersion>> {
        let sql = format!(
            "SELECT version, numbers, reason, recorded_by, recorded_at_ms FROM protocol_versions\
             {WHERE_PRECINCT} ORDER BY version"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(election.0.to_string())
            .bind(p.region_code.as_str().to_owned())
            .bind(i64::from(p.number))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ProtocolVersion {
                    version: u32_of(r.try_get("version")?, "version")?,
                    numbers: numbers_of(&r.try_get::<String, _>("numbers")?)?,
                    reason: r.try_get("reason")?,
                    recorded_by: r.try_get("recorded_by")?,
                    recorded_at_ms: r.try_get("recorded_at_ms")?,
                })
            })
            .collect()
    }

    /// The observers' copies of a precinct's protocol, oldest first.
    pub async fn observer_copies(
        &self,
        election: &ElectionId,
        p: &PrecinctRef,
    ) -> Result<Vec<ObserverCopy>> {
        let sql = format!(
            "SELECT seq, observer, numbers, recorded_at_ms FROM observer_copies{WHERE_PRECINCT} \
             ORDER BY seq"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(election.0.to_string())
            .bind(p.region_code.as_str().to_owned())
            .bind(i64::from(p.number))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ObserverCopy {
                    seq: u32_of(r.try_get("seq")?, "seq")?,
                    observer: r.try_get("observer")?,
                    numbers: numbers_of(&r.try_get::<String, _>("numbers")?)?,
                    recorded_at_ms: r.try_get("recorded_at_ms")?,
                })
            })
            .collect()
    }

    /// The scans of a precinct's protocol, in the order attached.
    pub async fn protocol_scans(
        &self,
        election: &ElectionId,
        p: &PrecinctRef,
    ) -> Result<Vec<ProtocolScan>> {
        let sql = format!(
            "SELECT sha256, media_type, size, attached_at_ms FROM protocol_scans{WHERE_PRECINCT} \
             ORDER BY attached_at_ms, sha256"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(election.0.to_string())
            .bind(p.region_code.as_str().to_owned())
            .bind(i64::from(p.number))
            .fetch_all(self.pool())
            .await?;
        rows.iter()
            .map(|r| {
                let media: String = r.try_get("media_type")?;
                Ok(ProtocolScan {
                    file: AttachmentMeta {
                        sha256: r.try_get("sha256")?,
                        media_type: sailau_domain::elections::MediaType::parse(&media)
                            .ok_or_else(|| corrupt("media type", media))?,
                        size: u64_of(r.try_get("size")?, "size")?,
                    },
                    attached_at_ms: r.try_get("attached_at_ms")?,
                })
            })
            .collect()
    }

    /// Every turnout report of an election, by time, region and precinct number.
    pub async fn election_turnout(&self, election: &ElectionId) -> Result<Vec<TurnoutRow>> {
        let sql = format!(
            "{TURNOUT_COLS} WHERE election_id = $1 ORDER BY at, region_code, precinct_number"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(election.0.to_string())
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(turnout).collect()
    }
}

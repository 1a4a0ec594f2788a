//! The party's primaries (issue 14): campaigns, contenders, debates and paper counts
//! (migration `0015_primaries`). Each row keeps the columns queries need and the domain value as
//! JSON (`doc`). Reads are shared by transactions and the pool.

use std::collections::HashMap;

use sailau_domain::TerritoryCode;
use sailau_domain::party::member::{MemberId, MemberRecord};
use sailau_domain::primaries::campaign::Campaign;
use sailau_domain::primaries::contenders::Contender;
use sailau_domain::primaries::debates::Debate;
use sailau_domain::primaries::paper::RecordPaperCount;
use sailau_domain::primaries::{CampaignId, ContenderId, DebateId};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::{Result, StorageError, Store, Tx};

pub mod online;

fn json<T: serde::de::DeserializeOwned>(row: &AnyRow, what: &str) -> Result<T> {
    let doc: String = row.try_get("doc")?;
    serde_json::from_str(&doc).map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
}

fn to_json<T: serde::Serialize>(v: &T, what: &str) -> Result<String> {
    serde_json::to_string(v).map_err(|e| StorageError::Corrupt(format!("{what}: {e}")))
}

async fn docs<'e, E: Executor<'e, Database = Any>, T: serde::de::DeserializeOwned>(
    e: E,
    sql: &'static str,
    key: String,
    what: &str,
) -> Result<Vec<T>> {
    let rows = sqlx::query(sql).bind(key).fetch_all(e).await?;
    rows.iter().map(|r| json(r, what)).collect()
}

async fn doc<'e, E: Executor<'e, Database = Any>, T: serde::de::DeserializeOwned>(
    e: E,
    sql: &'static str,
    key: String,
    what: &str,
) -> Result<Option<T>> {
    let row = sqlx::query(sql).bind(key).fetch_optional(e).await?;
    row.as_ref().map(|r| json(r, what)).transpose()
}

const CAMPAIGN: &str = "SELECT doc FROM primaries_campaigns WHERE id = $1";
const CONTENDER: &str = "SELECT doc FROM primaries_contenders WHERE id = $1";
const CONTENDERS: &str =
    "SELECT doc FROM primaries_contenders WHERE campaign_id = $1 ORDER BY position, seq";
const DEBATE: &str = "SELECT doc FROM primaries_debates WHERE id = $1";
const DEBATES: &str =
    "SELECT doc FROM primaries_debates WHERE campaign_id = $1 ORDER BY starts_at, id";
const PAPER: &str = "SELECT doc FROM primaries_paper_counts WHERE campaign_id = $1 \
     ORDER BY position, organization_code";

/// A campaign's fixed online ballot: the manifest and parameters as JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FixedBallot {
    /// The manifest (`sailau_vote::Manifest`) as JSON.
    pub manifest: String,
    /// The parameters (`sailau_vote::ElectionParameters`) as JSON.
    pub parameters: String,
    /// When it was fixed (ms since the Unix epoch).
    pub fixed_at_ms: i64,
}

async fn fixed_ballot<'e, E: Executor<'e, Database = Any>>(
    e: E,
    campaign: &CampaignId,
) -> Result<Option<FixedBallot>> {
    let row = sqlx::query(
        "SELECT manifest, parameters, fixed_at_ms FROM primaries_ballots WHERE campaign_id = $1",
    )
    .bind(campaign.to_string())
    .fetch_optional(e)
    .await?;
    row.map(|r| {
        Ok(FixedBallot {
            manifest: r.try_get("manifest")?,
            parameters: r.try_get("parameters")?,
            fixed_at_ms: r.try_get("fixed_at_ms")?,
        })
    })
    .transpose()
}

impl Tx {
    /// A campaign's fixed ballot, if fixed.
    pub async fn fixed_ballot(&mut self, campaign: &CampaignId) -> Result<Option<FixedBallot>> {
        fixed_ballot(&mut *self.inner, campaign).await
    }

    /// Records a campaign's fixed ballot.
    pub async fn insert_fixed_ballot(
        &mut self,
        campaign: &CampaignId,
        b: &FixedBallot,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO primaries_ballots (campaign_id, manifest, parameters, fixed_at_ms) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(campaign.to_string())
        .bind(b.manifest.clone())
        .bind(b.parameters.clone())
        .bind(b.fixed_at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// A campaign.
    pub async fn campaign(&mut self, id: &CampaignId) -> Result<Option<Campaign>> {
        doc(&mut *self.inner, CAMPAIGN, id.to_string(), "campaign").await
    }

    /// Records a new campaign opened at `at_ms`.
    pub async fn insert_campaign(&mut self, c: &Campaign, at_ms: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO primaries_campaigns (id, party_code, territory_code, opened_at_ms, doc) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(c.opened.campaign.to_string())
        .bind(c.opened.party.as_str().to_owned())
        .bind(c.opened.territory.as_str().to_owned())
        .bind(at_ms)
        .bind(to_json(c, "campaign")?)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Rewrites a campaign's document (its trustees after a restarted key ceremony).
    pub async fn update_campaign(&mut self, c: &Campaign) -> Result<()> {
        sqlx::query("UPDATE primaries_campaigns SET doc = $1 WHERE id = $2")
            .bind(to_json(c, "campaign")?)
            .bind(c.opened.campaign.to_string())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// A contender.
    pub async fn contender(&mut self, id: &ContenderId) -> Result<Option<Contender>> {
        doc(&mut *self.inner, CONTENDER, id.to_string(), "contender").await
    }

    /// A campaign's contenders, by position and order of registration.
    pub async fn campaign_contenders(&mut self, id: &CampaignId) -> Result<Vec<Contender>> {
        docs(&mut *self.inner, CONTENDERS, id.to_string(), "contender").await
    }

    /// Whether the member already applied for the position of the campaign (in any status).
    pub async fn member_standing(
        &mut self,
        campaign: &CampaignId,
        position: &str,
        member: &MemberId,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM primaries_contenders \
             WHERE campaign_id = $1 AND position = $2 AND member_id = $3",
        )
        .bind(campaign.to_string())
        .bind(position.to_owned())
        .bind(member.to_string())
        .fetch_one(&mut *self.inner)
        .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// The campaign's next order of registration (1 for the first contender).
    pub async fn next_contender_seq(&mut self, campaign: &CampaignId) -> Result<u32> {
        let row = sqlx::query(
            "SELECT COALESCE(MAX(seq), 0) AS n FROM primaries_contenders WHERE campaign_id = $1",
        )
        .bind(campaign.to_string())
        .fetch_one(&mut *self.inner)
        .await?;
        let n: i64 = row.try_get("n")?;
        u32::try_from(n + 1).map_err(|e| StorageError::Corrupt(format!("contender seq: {e}")))
    }

    /// Records a new contender.
    pub async fn insert_contender(&mut self, c: &Contender) -> Result<()> {
        let r = &c.registered;
        sqlx::query(
            "INSERT INTO primaries_contenders (id, campaign_id, position, member_id, seq, status, doc) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(r.contender.to_string())
        .bind(r.campaign.to_string())
        .bind(r.position.clone())
        .bind(r.member.to_string())
        .bind(i64::from(c.seq))
        .bind(c.status.as_str())
        .bind(to_json(c, "contender")?)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Saves a contender's new status.
    pub async fn update_contender(&mut self, c: &Contender) -> Result<()> {
        sqlx::query("UPDATE primaries_contenders SET status = $1, doc = $2 WHERE id = $3")
            .bind(c.status.as_str())
            .bind(to_json(c, "contender")?)
            .bind(c.registered.contender.to_string())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// A debate.
    pub async fn debate(&mut self, id: &DebateId) -> Result<Option<Debate>> {
        doc(&mut *self.inner, DEBATE, id.to_string(), "debate").await
    }

    /// Records a new debate, or saves a debate's record (same identifier).
    pub async fn save_debate(&mut self, d: &Debate) -> Result<()> {
        let id = d.scheduled.debate.to_string();
        let updated = sqlx::query("UPDATE primaries_debates SET doc = $1 WHERE id = $2")
            .bind(to_json(d, "debate")?)
            .bind(id.clone())
            .execute(&mut *self.inner)
            .await?
            .rows_affected();
        if updated == 0 {
            sqlx::query(
                "INSERT INTO primaries_debates (id, campaign_id, starts_at, doc) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(d.scheduled.campaign.to_string())
            .bind(d.scheduled.starts_at.to_string())
            .bind(to_json(d, "debate")?)
            .execute(&mut *self.inner)
            .await?;
        }
        Ok(())
    }

    /// Whether the organization already entered its paper count for the position.
    pub async fn paper_counted(
        &mut self,
        campaign: &CampaignId,
        organization: &TerritoryCode,
        position: &str,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM primaries_paper_counts \
             WHERE campaign_id = $1 AND organization_code = $2 AND position = $3",
        )
        .bind(campaign.to_string())
        .bind(organization.as_str().to_owned())
        .bind(position.to_owned())
        .fetch_one(&mut *self.inner)
        .await?;
        Ok(row.try_get::<i64, _>("n")? > 0)
    }

    /// Records a paper count at `at_ms`.
    pub async fn insert_paper_count(&mut self, c: &RecordPaperCount, at_ms: i64) -> Result<()> {
        sqlx::query(
            "INSERT INTO primaries_paper_counts (campaign_id, organization_code, position, recorded_at_ms, doc) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(c.campaign.to_string())
        .bind(c.organization.as_str().to_owned())
        .bind(c.position.clone())
        .bind(at_ms)
        .bind(to_json(c, "paper count")?)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }
}

/// Every primaries table the ledger rebuilds, as JSON documents in key order (for the replay
/// check of `ledger verify`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct PrimariesDump {
    /// `(table, key, document)` rows.
    pub rows: Vec<(&'static str, String, String)>,
}

impl Store {
    /// A campaign's fixed ballot, if fixed.
    pub async fn fixed_ballot(&self, campaign: &CampaignId) -> Result<Option<FixedBallot>> {
        fixed_ballot(self.pool(), campaign).await
    }

    /// Every campaign, latest opened first.
    pub async fn campaigns(&self) -> Result<Vec<Campaign>> {
        let rows =
            sqlx::query("SELECT doc FROM primaries_campaigns ORDER BY opened_at_ms DESC, id")
                .fetch_all(self.pool())
                .await?;
        rows.iter().map(|r| json(r, "campaign")).collect()
    }

    /// A campaign.
    pub async fn campaign(&self, id: &CampaignId) -> Result<Option<Campaign>> {
        doc(self.pool(), CAMPAIGN, id.to_string(), "campaign").await
    }

    /// A contender.
    pub async fn contender(&self, id: &ContenderId) -> Result<Option<Contender>> {
        doc(self.pool(), CONTENDER, id.to_string(), "contender").await
    }

    /// A campaign's contenders, by position and order of registration.
    pub async fn campaign_contenders(&self, id: &CampaignId) -> Result<Vec<Contender>> {
        docs(self.pool(), CONTENDERS, id.to_string(), "contender").await
    }

    /// The personal records of a campaign's contenders' members, by member, in one query
    /// (a member standing for two positions is one entry; an erased member has none).
    ///
    /// # Errors
    /// [`StorageError::Sql`] when the database fails, [`StorageError::Corrupt`] when a stored
    /// record does not decode.
    pub async fn campaign_member_records(
        &self,
        id: &CampaignId,
    ) -> Result<HashMap<MemberId, MemberRecord>> {
        let rows = sqlx::query(
            "SELECT member_id, salt, card_number, surname, given_name, patronymic, birth_date \
             FROM party_member_records WHERE member_id IN \
             (SELECT member_id FROM primaries_contenders WHERE campaign_id = $1)",
        )
        .bind(id.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let member =
                    crate::party::uuid_of(&r.try_get::<String, _>("member_id")?, "member id")?;
                Ok((MemberId(member), crate::party::member_record(r)?))
            })
            .collect()
    }

    /// A debate.
    pub async fn debate(&self, id: &DebateId) -> Result<Option<Debate>> {
        doc(self.pool(), DEBATE, id.to_string(), "debate").await
    }

    /// A campaign's debates, by start.
    pub async fn campaign_debates(&self, id: &CampaignId) -> Result<Vec<Debate>> {
        docs(self.pool(), DEBATES, id.to_string(), "debate").await
    }

    /// A campaign's paper counts, by position and organization.
    pub async fn paper_counts(&self, id: &CampaignId) -> Result<Vec<RecordPaperCount>> {
        docs(self.pool(), PAPER, id.to_string(), "paper count").await
    }

    /// Every primaries table the ledger rebuilds, in key order.
    pub async fn dump_primaries(&self) -> Result<PrimariesDump> {
        let mut d = PrimariesDump::default();
        for (table, sql) in [
            (
                "primaries_campaigns",
                "SELECT id AS k, opened_at_ms AS n, doc FROM primaries_campaigns ORDER BY id",
            ),
            (
                "primaries_contenders",
                "SELECT id AS k, seq AS n, doc FROM primaries_contenders ORDER BY id",
            ),
            (
                "primaries_debates",
                "SELECT id AS k, 0 AS n, doc FROM primaries_debates ORDER BY id",
            ),
            (
                "primaries_ballots",
                "SELECT campaign_id AS k, fixed_at_ms AS n, manifest || ' ' || parameters AS doc \
                 FROM primaries_ballots ORDER BY campaign_id",
            ),
            (
                "primaries_paper_counts",
                "SELECT campaign_id || '/' || organization_code || '/' || position AS k, recorded_at_ms AS n, doc \
                 FROM primaries_paper_counts ORDER BY campaign_id, organization_code, position",
            ),
        ] {
            for r in sqlx::query(sql).fetch_all(self.pool()).await? {
                let n: i64 = r.try_get("n")?;
                let doc: String = r.try_get("doc")?;
                d.rows
                    .push((table, r.try_get::<String, _>("k")?, format!("{n} {doc}")));
            }
        }
        d.rows.extend(self.dump_online().await?);
        Ok(d)
    }
}

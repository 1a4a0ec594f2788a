//! The pipeline's tables (migration `0012_party_pipeline.sql`, i13-pipeline): meetings of
//! primary party organizations and regional plans, and the lookups the order of the pipeline and
//! the regional dashboard need.
//!
//! Each query is written once, generic over the executor, and offered both inside a transaction
//! ([`Tx`], for the handlers) and on the pool ([`Store`], for reads).

use jiff::civil::Date;
use sailau_domain::party::commands::ConferenceId;
use sailau_domain::party::member::MemberId;
use sailau_domain::party::pipeline::{
    AdoptRegionalPlan, MeetingContender, MeetingId, RecordPrimaryMeeting,
};
use sailau_domain::{PartyCode, TerritoryCode};
use serde::{Deserialize, Serialize};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::party::{
    DelegateRow, date_of, delegate_row, from_json, json, member_facts_of, party_of, uuid_of,
};
use crate::rows::{code_of, u32_of};
use crate::{Result, Store, Tx};
use sailau_domain::party::member::MemberFacts;

/// A delegate a meeting elected, with the mandate given on the conference's roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ElectedDelegate {
    /// The member elected.
    pub member: MemberId,
    /// The mandate number given.
    pub mandate: u32,
}

/// A primary meeting's stored row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MeetingRow {
    /// Its identifier.
    pub id: MeetingId,
    /// The conference it elected delegates to.
    pub conference: ConferenceId,
    /// The primary organization's territory.
    pub organization: TerritoryCode,
    /// The day it was held.
    pub held_on: Date,
    /// Members present.
    pub members_present: u32,
    /// Delegates it was to elect.
    pub seats: u32,
    /// The contenders with their counts, in the order proposed.
    pub contenders: Vec<MeetingContender>,
    /// Who was elected, in the order of their mandates.
    pub elected: Vec<ElectedDelegate>,
}

const MEETING_COLS: &str =
    "id, conference_id, organization_code, held_on, members_present, seats, contenders, elected";

fn meeting_row(row: &AnyRow) -> Result<MeetingRow> {
    Ok(MeetingRow {
        id: MeetingId(uuid_of(&row.try_get::<String, _>("id")?, "meeting id")?),
        conference: ConferenceId(uuid_of(
            &row.try_get::<String, _>("conference_id")?,
            "conference id",
        )?),
        organization: code_of(&row.try_get::<String, _>("organization_code")?)?,
        held_on: date_of(&row.try_get::<String, _>("held_on")?, "held on")?,
        members_present: u32_of(row.try_get("members_present")?, "members present")?,
        seats: u32_of(row.try_get("seats")?, "seats")?,
        contenders: from_json(&row.try_get::<String, _>("contenders")?, "contenders")?,
        elected: from_json(&row.try_get::<String, _>("elected")?, "elected")?,
    })
}

const PLAN_COLS: &str = "party_code, region_code, starts_on, primary_meetings_by, district_conferences_by, regional_conference_by";

fn plan_row(row: &AnyRow) -> Result<AdoptRegionalPlan> {
    let date = |col: &str| -> Result<Date> { date_of(&row.try_get::<String, _>(col)?, col) };
    Ok(AdoptRegionalPlan {
        party: party_of(&row.try_get::<String, _>("party_code")?)?,
        region: code_of(&row.try_get::<String, _>("region_code")?)?,
        starts_on: date("starts_on")?,
        primary_meetings_by: date("primary_meetings_by")?,
        district_conferences_by: date("district_conferences_by")?,
        regional_conference_by: date("regional_conference_by")?,
    })
}

/// Every pipeline table the ledger rebuilds, in key order (for the replay check).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PipelineDump {
    /// `party_meetings` rows.
    pub meetings: Vec<MeetingRow>,
    /// `party_plans` rows.
    pub plans: Vec<AdoptRegionalPlan>,
}

/// How far a conference has got: motions decided and nominations adopted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct ConferenceProgress {
    /// Motions decided (adopted or not); a conference with one is held.
    pub decided: u32,
    /// Nominations the conference adopted.
    pub nominations: u32,
}

fn count(row: &AnyRow, col: &str) -> Result<u32> {
    u32_of(row.try_get::<i64, _>(col)?, col)
}

async fn meeting<'e, E: Executor<'e, Database = Any>>(
    e: E,
    id: &MeetingId,
) -> Result<Option<MeetingRow>> {
    let sql = format!("SELECT {MEETING_COLS} FROM party_meetings WHERE id = $1");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(id.0.to_string())
        .fetch_optional(e)
        .await?;
    row.as_ref().map(meeting_row).transpose()
}

async fn plan<'e, E: Executor<'e, Database = Any>>(
    e: E,
    party: &PartyCode,
    region: &TerritoryCode,
) -> Result<Option<AdoptRegionalPlan>> {
    let sql =
        format!("SELECT {PLAN_COLS} FROM party_plans WHERE party_code = $1 AND region_code = $2");
    let row = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(party.as_str())
        .bind(region.as_str())
        .fetch_optional(e)
        .await?;
    row.as_ref().map(plan_row).transpose()
}

/// The party's branches on the territories right under `region` (its districts and cities).
async fn branches_below<'e, E: Executor<'e, Database = Any>>(
    e: E,
    party: &PartyCode,
    region: &TerritoryCode,
) -> Result<Vec<TerritoryCode>> {
    let rows = sqlx::query(
        "SELECT b.territory_code AS code FROM branches b JOIN territories t ON t.code = b.territory_code \
         WHERE b.party_code = $1 AND t.parent_code = $2 ORDER BY b.territory_code",
    )
    .bind(party.as_str())
    .bind(region.as_str())
    .fetch_all(e)
    .await?;
    rows.iter()
        .map(|r| code_of(&r.try_get::<String, _>("code")?))
        .collect()
}

/// The branches right under `region` that have not held a conference on or after `since`
/// (held: at least one motion decided).
async fn pending_below<'e, E: Executor<'e, Database = Any>>(
    e: E,
    party: &PartyCode,
    region: &TerritoryCode,
    since: Date,
) -> Result<Vec<TerritoryCode>> {
    let rows = sqlx::query(
        "SELECT b.territory_code AS code FROM branches b JOIN territories t ON t.code = b.territory_code \
         WHERE b.party_code = $1 AND t.parent_code = $2 AND NOT EXISTS ( \
           SELECT 1 FROM party_conferences c JOIN party_motions m ON m.conference_id = c.id \
           WHERE c.party_code = b.party_code AND c.branch_code = b.territory_code \
             AND c.held_on >= $3 AND m.decided = 1) \
         ORDER BY b.territory_code",
    )
    .bind(party.as_str())
    .bind(region.as_str())
    .bind(since.to_string())
    .fetch_all(e)
    .await?;
    rows.iter()
        .map(|r| code_of(&r.try_get::<String, _>("code")?))
        .collect()
}

async fn meetings_of<'e, E: Executor<'e, Database = Any>>(
    e: E,
    conference: &ConferenceId,
) -> Result<Vec<MeetingRow>> {
    let sql = format!(
        "SELECT {MEETING_COLS} FROM party_meetings WHERE conference_id = $1 ORDER BY held_on, id"
    );
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(conference.0.to_string())
        .fetch_all(e)
        .await?;
    rows.iter().map(meeting_row).collect()
}

impl Tx {
    /// A primary meeting's row.
    pub async fn meeting(&mut self, id: &MeetingId) -> Result<Option<MeetingRow>> {
        meeting(&mut *self.inner, id).await
    }

    /// Members recorded in a branch (a primary organization), erased or not.
    pub async fn branch_members(
        &mut self,
        party: &PartyCode,
        branch: &TerritoryCode,
    ) -> Result<u32> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM party_members WHERE party_code = $1 AND branch_code = $2",
        )
        .bind(party.as_str())
        .bind(branch.as_str())
        .fetch_one(&mut *self.inner)
        .await?;
        count(&row, "n")
    }

    /// The next free mandate number of a conference (one after the highest given).
    pub async fn next_mandate(&mut self, conference: &ConferenceId) -> Result<u32> {
        let row = sqlx::query(
            "SELECT COALESCE(MAX(mandate), 0) AS m FROM party_delegates WHERE conference_id = $1",
        )
        .bind(conference.0.to_string())
        .fetch_one(&mut *self.inner)
        .await?;
        Ok(count(&row, "m")?.saturating_add(1))
    }

    /// Writes a primary meeting's record with who it elected.
    pub async fn insert_meeting(
        &mut self,
        m: &RecordPrimaryMeeting,
        elected: &[ElectedDelegate],
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO party_meetings (id, conference_id, organization_code, held_on, members_present, seats, contenders, elected) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(m.meeting.0.to_string())
        .bind(m.conference.0.to_string())
        .bind(m.organization.as_str())
        .bind(m.held_on.to_string())
        .bind(i64::from(m.members_present))
        .bind(i64::from(m.seats))
        .bind(json(&m.contenders)?)
        .bind(json(&elected)?)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// The party's plan for a region, if adopted.
    pub async fn plan(
        &mut self,
        party: &PartyCode,
        region: &TerritoryCode,
    ) -> Result<Option<AdoptRegionalPlan>> {
        plan(&mut *self.inner, party, region).await
    }

    /// Writes a region's plan, replacing the dates of an earlier one.
    pub async fn upsert_plan(&mut self, p: &AdoptRegionalPlan) -> Result<()> {
        sqlx::query("DELETE FROM party_plans WHERE party_code = $1 AND region_code = $2")
            .bind(p.party.as_str())
            .bind(p.region.as_str())
            .execute(&mut *self.inner)
            .await?;
        let sql = format!("INSERT INTO party_plans ({PLAN_COLS}) VALUES ($1, $2, $3, $4, $5, $6)");
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(p.party.as_str())
            .bind(p.region.as_str())
            .bind(p.starts_on.to_string())
            .bind(p.primary_meetings_by.to_string())
            .bind(p.district_conferences_by.to_string())
            .bind(p.regional_conference_by.to_string())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    /// The party's branches right under `region` without a conference held since `since`.
    pub async fn pending_below(
        &mut self,
        party: &PartyCode,
        region: &TerritoryCode,
        since: Date,
    ) -> Result<Vec<TerritoryCode>> {
        pending_below(&mut *self.inner, party, region, since).await
    }
}

impl Store {
    /// A primary meeting.
    pub async fn meeting(&self, id: &MeetingId) -> Result<Option<MeetingRow>> {
        meeting(self.pool(), id).await
    }

    /// The primary meetings that elected delegates to a conference, by date.
    pub async fn meetings_of(&self, conference: &ConferenceId) -> Result<Vec<MeetingRow>> {
        meetings_of(self.pool(), conference).await
    }

    /// The party's plan for a region, if adopted.
    pub async fn plan(
        &self,
        party: &PartyCode,
        region: &TerritoryCode,
    ) -> Result<Option<AdoptRegionalPlan>> {
        plan(self.pool(), party, region).await
    }

    /// The party's branches on the territories right under `region`.
    pub async fn branches_below(
        &self,
        party: &PartyCode,
        region: &TerritoryCode,
    ) -> Result<Vec<TerritoryCode>> {
        branches_below(self.pool(), party, region).await
    }

    /// How far a conference has got (motions decided, nominations adopted).
    pub async fn conference_progress(&self, id: &ConferenceId) -> Result<ConferenceProgress> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM party_motions WHERE conference_id = $1 AND decided = 1) AS decided, \
                    (SELECT COUNT(*) FROM party_nominations n JOIN party_motions m ON m.id = n.motion_id WHERE m.conference_id = $1) AS nominations",
        )
        .bind(id.0.to_string())
        .fetch_one(self.pool())
        .await?;
        Ok(ConferenceProgress {
            decided: count(&row, "decided")?,
            nominations: count(&row, "nominations")?,
        })
    }

    /// A member's public facts (party, branch, joined on, erased).
    pub async fn member_facts(&self, id: &MemberId) -> Result<Option<MemberFacts>> {
        member_facts_of(self.pool(), id).await
    }

    /// A member's seats on conference rosters, by conference day.
    pub async fn seats_of(&self, member: &MemberId) -> Result<Vec<(ConferenceId, DelegateRow)>> {
        let rows = sqlx::query(
            "SELECT d.conference_id AS conference_id, d.mandate AS mandate, d.member_id AS member_id, d.checked_in_at_ms AS checked_in_at_ms \
             FROM party_delegates d JOIN party_conferences c ON c.id = d.conference_id \
             WHERE d.member_id = $1 ORDER BY c.held_on, c.id",
        )
        .bind(member.0.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                let c = ConferenceId(uuid_of(
                    &r.try_get::<String, _>("conference_id")?,
                    "conference id",
                )?);
                Ok((c, delegate_row(r)?))
            })
            .collect()
    }

    /// Every pipeline table the ledger rebuilds, in key order (for the replay check).
    pub async fn dump_pipeline(&self) -> Result<PipelineDump> {
        let sql = format!("SELECT {MEETING_COLS} FROM party_meetings ORDER BY id");
        let meetings = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        let sql = format!("SELECT {PLAN_COLS} FROM party_plans ORDER BY party_code, region_code");
        let plans = sqlx::query(sqlx::AssertSqlSafe(sql))
            .fetch_all(self.pool())
            .await?;
        Ok(PipelineDump {
            meetings: meetings.iter().map(meeting_row).collect::<Result<_>>()?,
            plans: plans.iter().map(plan_row).collect::<Result<_>>()?,
        })
    }
}

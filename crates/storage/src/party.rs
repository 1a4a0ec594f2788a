//! The party context's tables (migration `0011_party.sql`, i13-party): members and their
//! erasable records, conference numbering, conferences, delegates, motions, votes, nominations.
//!
//! As everywhere in storage: rows in, rows out; the rules are the domain's.

use std::collections::BTreeSet;

use jiff::civil::Date;
use sailau_domain::party::commands::{
    ConferenceId, ConveneConference, MotionId, RecordMember, Subject,
};
use sailau_domain::party::conference::{
    CheckInFacts, ConferenceFacts, MotionConference, SeatFacts,
};
use sailau_domain::party::member::{MemberFacts, MemberId, MemberRecord, card_number_normal};
use sailau_domain::party::vote::{Decision, PartyRules, Tally, VoteMode};
use sailau_domain::{PartyCode, PersonId, TerritoryCode};
use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::rows::{code_of, i64_of, placeholders, u32_of};
use crate::{Result, StorageError, Store, Tx};

fn corrupt(what: &str, e: impl std::fmt::Display) -> StorageError {
    StorageError::Corrupt(format!("{what}: {e}"))
}

pub(crate) fn uuid_of(s: &str, what: &str) -> Result<uuid::Uuid> {
    uuid::Uuid::parse_str(s).map_err(|e| corrupt(what, e))
}

pub(crate) fn date_of(s: &str, what: &str) -> Result<Date> {
    s.parse().map_err(|e| corrupt(what, e))
}

pub(crate) fn party_of(s: &str) -> Result<PartyCode> {
    PartyCode::parse(s).map_err(|e| corrupt("party code", e.english()))
}

pub(crate) fn json<T: Serialize>(v: &T) -> Result<String> {
    serde_json::to_string(v).map_err(|e| corrupt("json", e))
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(s: &str, what: &str) -> Result<T> {
    serde_json::from_str(s).map_err(|e| corrupt(what, e))
}

/// A conference's stored row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConferenceRow {
    /// Its identifier.
    pub id: ConferenceId,
    /// The party.
    pub party: PartyCode,
    /// The branch's territory.
    pub branch: TerritoryCode,
    /// Its ordinal number.
    pub ordinal: u32,
    /// `regular` or `extraordinary`.
    pub kind: String,
    /// The day it is held.
    pub held_on: Date,
    /// Where.
    pub place: String,
    /// The agenda items.
    pub agenda: Vec<String>,
    /// The rule set it decides by.
    pub rules: PartyRules,
    /// The chair's mandate, once elected.
    pub chair: Option<u32>,
    /// The secretary's mandate, once elected.
    pub secretary: Option<u32>,
    /// The counting commission's mandates, once elected.
    pub counting_commission: Vec<u32>,
}

const CONFERENCE_COLS: &str = "id, party_code, branch_code, ordinal, kind, held_on, place, agenda, rules, chair, secretary, counting_commission";

fn conference_row(row: &AnyRow) -> Result<ConferenceRow> {
    let chair: Option<i64> = row.try_get("chair")?;
    let secretary: Option<i64> = row.try_get("secretary")?;
    Ok(ConferenceRow {
        id: ConferenceId(uuid_of(&row.try_get::<String, _>("id")?, "conference id")?),
        party: party_of(&row.try_get::<String, _>("party_code")?)?,
        branch: code_of(&row.try_get::<String, _>("branch_code")?)?,
        ordinal: u32_of(row.try_get("ordinal")?, "ordinal")?,
        kind: row.try_get("kind")?,
        held_on: date_of(&row.try_get::<String, _>("held_on")?, "held on")?,
        place: row.try_get("place")?,
        agenda: from_json(&row.try_get::<String, _>("agenda")?, "agenda")?,
        rules: from_json(&row.try_get::<String, _>("rules")?, "rules")?,
        chair: chair.map(|m| u32_of(m, "chair")).transpose()?,
        secretary: secretary.map(|m| u32_of(m, "secretary")).transpose()?,
        counting_commission: from_json(
            &row.try_get::<String, _>("counting_commission")?,
            "counting commission",
        )?,
    })
}

/// A motion's stored row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MotionRow {
    /// Its identifier.
    pub id: MotionId,
    /// The conference.
    pub conference: ConferenceId,
    /// Its position in the conference (from 1).
    pub position: u32,
    /// What it proposes.
    pub subject: Subject,
    /// How it is voted on.
    pub mode: VoteMode,
    /// The round due next.
    pub next_round: u32,
    /// The contenders of the round due, as positions in the subject's list.
    pub round_contenders: Vec<u32>,
    /// Whether it is decided.
    pub decided: bool,
    /// The adopted contender (position in the subject's list), if adopted.
    pub adopted: Option<u32>,
}

const MOTION_COLS: &str =
    "id, conference_id, position, subject, mode, next_round, round_contenders, decided, adopted";

fn motion_row(row: &AnyRow) -> Result<MotionRow> {
    let adopted: Option<i64> = row.try_get("adopted")?;
    let mode: String = row.try_get("mode")?;
    Ok(MotionRow {
        id: MotionId(uuid_of(&row.try_get::<String, _>("id")?, "motion id")?),
        conference: ConferenceId(uuid_of(
            &row.try_get::<String, _>("conference_id")?,
            "conference id",
        )?),
        position: u32_of(row.try_get("position")?, "position")?,
        subject: from_json(&row.try_get::<String, _>("subject")?, "subject")?,
        mode: from_json(&format!("\"{mode}\""), "mode")?,
        next_round: u32_of(row.try_get("next_round")?, "round")?,
        round_contenders: from_json(
            &row.try_get::<String, _>("round_contenders")?,
            "round contenders",
        )?,
        decided: row.try_get::<i64, _>("decided")? != 0,
        adopted: adopted.map(|a| u32_of(a, "adopted")).transpose()?,
    })
}

/// One recorded round of a vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VoteRow {
    /// The motion.
    pub motion: MotionId,
    /// The round.
    pub round: u32,
    /// What the counting commission recorded.
    pub tally: Tally,
    /// What sailau decided.
    pub decision: Decision,
    /// When (Unix ms).
    pub at_ms: i64,
}

fn vote_row(row: &AnyRow) -> Result<VoteRow> {
    Ok(VoteRow {
        motion: MotionId(uuid_of(
            &row.try_get::<String, _>("motion_id")?,
            "motion id",
        )?),
        round: u32_of(row.try_get("round")?, "round")?,
        tally: from_json(&row.try_get::<String, _>("tally")?, "tally")?,
        decision: from_json(&row.try_get::<String, _>("decision")?, "decision")?,
        at_ms: row.try_get("at_ms")?,
    })
}

/// A delegate on a roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DelegateRow {
    /// The mandate number.
    pub mandate: u32,
    /// The member.
    pub member: MemberId,
    /// When the delegate checked in (Unix ms), if so.
    pub checked_in_at_ms: Option<i64>,
}

pub(crate) fn delegate_row(row: &AnyRow) -> Result<DelegateRow> {
    Ok(DelegateRow {
        mandate: u32_of(row.try_get("mandate")?, "mandate")?,
        member: MemberId(uuid_of(
            &row.try_get::<String, _>("member_id")?,
            "member id",
        )?),
        checked_in_at_ms: row.try_get("checked_in_at_ms")?,
    })
}

fn member_facts(row: &AnyRow) -> Result<MemberFacts> {
    Ok(MemberFacts {
        member: MemberId(uuid_of(&row.try_get::<String, _>("id")?, "member id")?),
        party: party_of(&row.try_get::<String, _>("party_code")?)?,
        branch: code_of(&row.try_get::<String, _>("branch_code")?)?,
        joined_on: date_of(&row.try_get::<String, _>("joined_on")?, "joined on")?,
        erased: row.try_get::<i64, _>("erased")? != 0,
    })
}

pub(crate) fn member_record(row: &AnyRow) -> Result<MemberRecord> {
    Ok(MemberRecord {
        salt: row.try_get("salt")?,
        card_number: row.try_get("card_number")?,
        surname: row.try_get("surname")?,
        given_name: row.try_get("given_name")?,
        patronymic: row.try_get("patronymic")?,
        birth_date: date_of(&row.try_get::<String, _>("birth_date")?, "birth date")?,
    })
}

/// An adopted nomination of the party for a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NominationRow {
    /// The party.
    pub party: PartyCode,
    /// The unit.
    pub unit: TerritoryCode,
    /// The motion that decided it.
    pub motion: MotionId,
    /// The nominee as a member.
    pub member: MemberId,
    /// The nominee as a registry person.
    pub person: PersonId,
    /// When it was decided (Unix ms).
    pub at_ms: i64,
}

fn nomination_row(row: &AnyRow) -> Result<NominationRow> {
    Ok(NominationRow {
        party: party_of(&row.try_get::<String, _>("party_code")?)?,
        unit: code_of(&row.try_get::<String, _>("unit_code")?)?,
        motion: MotionId(uuid_of(
            &row.try_get::<String, _>("motion_id")?,
            "motion id",
        )?),
        member: MemberId(uuid_of(
            &row.try_get::<String, _>("member_id")?,
            "member id",
        )?),
        person: PersonId(uuid_of(
            &row.try_get::<String, _>("person_id")?,
            "person id",
        )?),
        at_ms: row.try_get("at_ms")?,
    })
}

/// Every party table that the ledger rebuilds, for the replay check (members' personal records
/// are not in it: the ledger never sees them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PartyDump {
    /// `party_members` rows (id, party, branch, joined on, commitment, erased).
    pub members: Vec<(MemberFacts, String)>,
    /// `party_conference_counts` rows.
    pub counts: Vec<(PartyCode, TerritoryCode, u32)>,
    /// `party_conferences` rows.
    pub conferences: Vec<ConferenceRow>,
    /// `party_delegates` rows, with their conference.
    pub delegates: Vec<(ConferenceId, DelegateRow)>,
    /// `party_motions` rows.
    pub motions: Vec<MotionRow>,
    /// `party_votes` rows.
    pub votes: Vec<VoteRow>,
    /// `party_nominations` rows.
    pub nominations: Vec<NominationRow>,
}

/// A member's public facts (the one query, for transactions and reads alike).
pub(crate) async fn member_facts_of<'e, E: Executor<'e, Database = Any>>(
    e: E,
    id: &MemberId,
) -> Result<Option<MemberFacts>> {
    let row = sqlx::query(
        "SELECT id, party_code, branch_code, joined_on, erased FROM party_members WHERE id = $1",
    )
    .bind(id.0.to_string())
    .fetch_optional(e)
    .await?;
    row.as_ref().map(member_facts).transpose()
}

async fn fetch_all<'e, E: Executor<'e, Database = Any>>(e: E, sql: String) -> Result<Vec<AnyRow>> {
    Ok(sqlx::query(sqlx::AssertSqlSafe(sql)).fetch_all(e).await?)
}

impl Tx {
    // ---- members ----

    /// A member's public facts.
    pub async fn member_facts(&mut self, id: &MemberId) -> Result<Option<MemberFacts>> {
        member_facts_of(&mut *self.inner, id).await
    }

    /// The public facts of each of `ids` that exists, in a few queries.
    pub async fn members_facts(&mut self, ids: &[MemberId]) -> Result<Vec<MemberFacts>> {
        let mut out = Vec::with_capacity(ids.len());
        for chunk in ids.chunks(256) {
            let chunk = crate::rows::padded(chunk);
            let list = placeholders(1, chunk.len());
            let sql = format!(
                "SELECT id, party_code, branch_code, joined_on, erased FROM party_members \
                 WHERE id IN ({list})"
            );
            // Only numbered placeholders are spliced in.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
            for id in &chunk {
                q = q.bind(id.0.to_string());
            }
            for row in q.fetch_all(&mut *self.inner).await? {
                out.push(member_facts(&row)?);
            }
        }
        Ok(out)
    }

    /// A member's personal record, unless erased (or on replay, where there is none).
    pub async fn member_record(&mut self, id: &MemberId) -> Result<Option<MemberRecord>> {
        let row = sqlx::query(
            "SELECT salt, card_number, surname, given_name, patronymic, birth_date FROM party_member_records WHERE member_id = $1",
        )
        .bind(id.0.to_string())
        .fetch_optional(&mut *self.inner)
        .await?;
        row.as_ref().map(member_record).transpose()
    }

    /// Whether the party has a member record with this card number, in any case of its
    /// letters ([`card_number_normal`]; records kept before it was applied by their text).
    pub async fn card_taken(&mut self, party: &PartyCode, card: &str) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 AS x FROM party_member_records WHERE party_code = $1 AND card_number IN ($2, $3)",
        )
        .bind(party.as_str())
        .bind(card.trim())
        .bind(card_number_normal(card))
        .fetch_optional(&mut *self.inner)
        .await?;
        Ok(row.is_some())
    }

    /// Writes a member's public row and, when given, its personal record.
    pub async fn insert_member(
        &mut self,
        m: &RecordMember,
        record: Option<&MemberRecord>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO party_members (id, party_code, branch_code, joined_on, commitment, erased) VALUES ($1, $2, $3, $4, $5, 0)",
        )
        .bind(m.member.0.to_string())
        .bind(m.party.as_str())
        .bind(m.branch.as_str())
        .bind(m.joined_on.to_string())
        .bind(&m.commitment)
        .execute(&mut *self.inner)
        .await?;
        if let Some(r) = record {
            sqlx::query(
                "INSERT INTO party_member_records (member_id, party_code, card_number, surname, given_name, patronymic, birth_date, salt, identity_key) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(m.member.0.to_string())
            .bind(m.party.as_str())
            .bind(&r.card_number)
            .bind(&r.surname)
            .bind(&r.given_name)
            .bind(&r.patronymic)
            .bind(r.birth_date.to_string())
            .bind(&r.salt)
            .bind(r.identity_key())
            .execute(&mut *self.inner)
            .await?;
        }
        Ok(())
    }

    /// Deletes a member's personal record and marks the member erased. The member's rows in the
    /// primaries' participation register lose the member: each keeps its campaign and how it was
    /// taken part (the register's counts stay right) under a random key of its own, so that
    /// nothing links the erased member to them, nor them to each other.
    pub async fn erase_member(&mut self, id: &MemberId) -> Result<()> {
        sqlx::query("DELETE FROM party_member_records WHERE member_id = $1")
            .bind(id.0.to_string())
            .execute(&mut *self.inner)
            .await?;
        let campaigns: Vec<String> = sqlx::query_scalar(
            "SELECT campaign_id FROM primaries_participation WHERE member_id = $1",
        )
        .bind(id.0.to_string())
        .fetch_all(&mut *self.inner)
        .await?;
        for campaign in campaigns {
            sqlx::query(
                "UPDATE primaries_participation SET member_id = $1 \
                 WHERE campaign_id = $2 AND member_id = $3",
            )
            .bind(format!("erased-{}", uuid::Uuid::new_v4()))
            .bind(&campaign)
            .bind(id.0.to_string())
            .execute(&mut *self.inner)
            .await?;
        }
        sqlx::query("UPDATE party_members SET erased = 1 WHERE id = $1")
            .bind(id.0.to_string())
            .execute(&mut *self.inner)
            .await?;
        Ok(())
    }

    // ---- conferences ----

    /// The last conference number imported for a branch, and the last convened in sailau.
    pub async fn conference_numbers(
        &mut self,
        party: &PartyCode,
        branch: &TerritoryCode,
    ) -> Result<(Option<u32>, Option<u32>)> {
        let imported = sqlx::query(
            "SELECT last FROM party_conference_counts WHERE party_code = $1 AND branch_code = $2",
        )
        .bind(party.as_str())
        .bind(branch.as_str())
        .fetch_optional(&mut *self.inner)
        .await?
        .map(|r| r.try_get::<i64, _>("last"))
        .transpose()?
        .map(|v| u32_of(v, "last conference"))
        .transpose()?;
        let convened = sqlx::query(
            "SELECT MAX(ordinal) AS m FROM party_conferences WHERE party_code = $1 AND branch_code = $2",
        )
        .bind(party.as_str())
        .bind(branch.as_str())
        .fetch_one(&mut *self.inner)
        .await?
        .try_get::<Option<i64>, _>("m")?
        .map(|v| u32_of(v, "ordinal"))
        .transpose()?;
        Ok((imported, convened))
    }

    /// Sets the number of a branch's last conference before sailau.
    pub async fn set_conference_count(
        &mut self,
        party: &PartyCode,
        branch: &TerritoryCode,
        last: u32,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO party_conference_counts (party_code, branch_code, last) VALUES ($1, $2, $3) \
             ON CONFLICT (party_code, branch_code) DO UPDATE SET last = excluded.last",
        )
        .bind(party.as_str())
        .bind(branch.as_str())
        .bind(i64::from(last))
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// A conference's row.
    pub async fn conference(&mut self, id: &ConferenceId) -> Result<Option<ConferenceRow>> {
        let sql = format!("SELECT {CONFERENCE_COLS} FROM party_conferences WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0.to_string())
            .fetch_optional(&mut *self.inner)
            .await?;
        row.as_ref().map(conference_row).transpose()
    }

    /// What the rules of a conference's roster and motions need.
    pub async fn conference_facts(&mut self, id: &ConferenceId) -> Result<Option<ConferenceFacts>> {
        let Some(c) = self.conference(id).await? else {
            return Ok(None);
        };
        let rows = sqlx::query(
            "SELECT mandate, member_id, checked_in_at_ms FROM party_delegates WHERE conference_id = $1",
        )
        .bind(id.0.to_string())
        .fetch_all(&mut *self.inner)
        .await?;
        let mut roster = BTreeSet::new();
        let mut present = BTreeSet::new();
        for r in &rows {
            let d = delegate_row(r)?;
            roster.insert(d.mandate);
            if d.checked_in_at_ms.is_some() {
                present.insert(d.mandate);
            }
        }
        let row = sqlx::query(
            "SELECT COUNT(*) AS open FROM party_motions WHERE conference_id = $1 AND decided = 0",
        )
        .bind(id.0.to_string())
        .fetch_one(&mut *self.inner)
        .await?;
        let open: i64 = row.try_get("open")?;
        let voted = sqlx::query(
            "SELECT COUNT(*) AS n FROM party_votes v JOIN party_motions m ON m.id = v.motion_id WHERE m.conference_id = $1",
        )
        .bind(id.0.to_string())
        .fetch_one(&mut *self.inner)
        .await?
        .try_get::<i64, _>("n")?;
        Ok(Some(ConferenceFacts {
            party: c.party,
            held_on: c.held_on,
            roster,
            present,
            voting_started: voted > 0,
            presidium_elected: c.chair.is_some(),
            motion_open: open > 0,
        }))
    }

    /// Where one mandate stands on a conference's roster, for a check-in: `None` when there is
    /// no such conference. One query that reads the conference's row and at most the one
    /// delegate's row (both by primary key), however long the roster; unlike
    /// [`Tx::conference_facts`], which reads every delegate.
    ///
    /// # Errors
    /// [`StorageError::Sql`] when the database fails.
    pub async fn check_in_facts(
        &mut self,
        id: &ConferenceId,
        mandate: u32,
    ) -> Result<Option<CheckInFacts>> {
        let row = sqlx::query(
            "SELECT d.mandate AS mandate, d.checked_in_at_ms AS checked_in_at_ms \
             FROM party_conferences c \
             LEFT JOIN party_delegates d ON d.conference_id = c.id AND d.mandate = $2 \
             WHERE c.id = $1",
        )
        .bind(id.0.to_string())
        .bind(i64::from(mandate))
        .fetch_optional(&mut *self.inner)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let seated: Option<i64> = row.try_get("mandate")?;
        let checked_in: Option<i64> = row.try_get("checked_in_at_ms")?;
        Ok(Some(match (seated, checked_in) {
            (None, _) => CheckInFacts::NotOnRoster,
            (Some(_), None) => CheckInFacts::Absent,
            (Some(_), Some(_)) => CheckInFacts::Present,
        }))
    }

    /// What seating a delegate on mandate `mandate` is checked against: `None` when there is no
    /// such conference. One query that reads the conference's row, at most the one delegate's
    /// row holding the mandate (both by primary key) and the conference's votes, however long
    /// the roster; unlike [`Tx::conference_facts`], which reads every delegate.
    ///
    /// # Errors
    /// [`StorageError::Sql`] when the database fails, [`StorageError::Corrupt`] when the
    /// conference's party or day does not decode.
    pub async fn seat_facts(
        &mut self,
        id: &ConferenceId,
        mandate: u32,
    ) -> Result<Option<SeatFacts>> {
        let row = sqlx::query(
            "SELECT c.party_code AS party_code, c.held_on AS held_on, \
             (SELECT COUNT(*) FROM party_delegates d \
              WHERE d.conference_id = c.id AND d.mandate = $2) AS taken, \
             (SELECT COUNT(*) FROM party_votes v JOIN party_motions m ON m.id = v.motion_id \
              WHERE m.conference_id = c.id) AS votes \
             FROM party_conferences c WHERE c.id = $1",
        )
        .bind(id.0.to_string())
        .bind(i64::from(mandate))
        .fetch_optional(&mut *self.inner)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let taken: i64 = row.try_get("taken")?;
        let votes: i64 = row.try_get("votes")?;
        Ok(Some(SeatFacts {
            party: party_of(&row.try_get::<String, _>("party_code")?)?,
            held_on: date_of(&row.try_get::<String, _>("held_on")?, "held on")?,
            voting_started: votes > 0,
            mandate_taken: taken > 0,
        }))
    }

    /// What opening a motion is checked against: `None` when there is no such conference. The
    /// conference's row, its delegates counted (not read), its open motions counted, and which
    /// of `named` (the mandates the motion names) are on its roster, each looked up by primary
    /// key; unlike [`Tx::conference_facts`], which reads every delegate.
    ///
    /// # Errors
    /// [`StorageError::Sql`] when the database fails, [`StorageError::Corrupt`] when the
    /// conference's row does not decode.
    pub async fn motion_conference(
        &mut self,
        id: &ConferenceId,
        named: &[u32],
    ) -> Result<Option<MotionConference>> {
        let Some(c) = self.conference(id).await? else {
            return Ok(None);
        };
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM party_delegates WHERE conference_id = $1) AS elected, \
             (SELECT COUNT(*) FROM party_motions WHERE conference_id = $1 AND decided = 0) AS open",
        )
        .bind(id.0.to_string())
        .fetch_one(&mut *self.inner)
        .await?;
        let elected: i64 = row.try_get("elected")?;
        let open: i64 = row.try_get("open")?;
        let mut named_on_roster = BTreeSet::new();
        for m in named {
            if named_on_roster.contains(m) {
                continue;
            }
            let found = sqlx::query(
                "SELECT 1 AS x FROM party_delegates WHERE conference_id = $1 AND mandate = $2",
            )
            .bind(id.0.to_string())
            .bind(i64::from(*m))
            .fetch_optional(&mut *self.inner)
            .await?;
            if found.is_some() {
                named_on_roster.insert(*m);
            }
        }
        Ok(Some(MotionConference {
            party: c.party,
            held_on: c.held_on,
            elected: u32_of(elected, "elected delegates")?,
            named_on_roster,
            presidium_elected: c.chair.is_some(),
            motion_open: open > 0,
        }))
    }

    /// Whether a vote has been recorded at a conference (its roster is then closed); `false` for
    /// no such conference. Reads the conference's votes, never its delegates.
    ///
    /// # Errors
    /// [`StorageError::Sql`] when the database fails.
    pub async fn voting_started(&mut self, id: &ConferenceId) -> Result<bool> {
        let votes: i64 = sqlx::query(
            "SELECT COUNT(*) AS n FROM party_votes v JOIN party_motions m ON m.id = v.motion_id \
             WHERE m.conference_id = $1",
        )
        .bind(id.0.to_string())
        .fetch_one(&mut *self.inner)
        .await?
        .try_get("n")?;
        Ok(votes > 0)
    }

    /// Writes a convened conference.
    pub async fn insert_conference(&mut self, c: &ConveneConference) -> Result<()> {
        sqlx::query(
            "INSERT INTO party_conferences (id, party_code, branch_code, ordinal, kind, held_on, place, agenda, rules, chair, secretary, counting_commission) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULL, NULL, '[]')",
        )
        .bind(c.conference.0.to_string())
        .bind(c.party.as_str())
        .bind(c.branch.as_str())
        .bind(i64::from(c.ordinal))
        .bind(c.kind.as_str())
        .bind(c.held_on.to_string())
        .bind(&c.place)
        .bind(json(&c.agenda)?)
        .bind(json(&c.rules)?)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Records the elected chair, secretary and counting commission.
    pub async fn set_presidium(
        &mut self,
        id: &ConferenceId,
        chair: u32,
        secretary: u32,
        counting: &[u32],
    ) -> Result<()> {
        sqlx::query(
            "UPDATE party_conferences SET chair = $1, secretary = $2, counting_commission = $3 WHERE id = $4",
        )
        .bind(i64::from(chair))
        .bind(i64::from(secretary))
        .bind(json(&counting)?)
        .bind(id.0.to_string())
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    // ---- delegates ----

    /// Whether the member already sits on the conference's roster.
    pub async fn member_seated(&mut self, c: &ConferenceId, member: &MemberId) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 AS x FROM party_delegates WHERE conference_id = $1 AND member_id = $2",
        )
        .bind(c.0.to_string())
        .bind(member.0.to_string())
        .fetch_optional(&mut *self.inner)
        .await?;
        Ok(row.is_some())
    }

    /// Whether the member sits on the roster of another conference of the same party held on the
    /// same day as conference `c` (a delegate sits on one conference's roster at a time).
    pub async fn member_seated_same_day(
        &mut self,
        c: &ConferenceId,
        member: &MemberId,
    ) -> Result<bool> {
        let row = sqlx::query(
            "SELECT 1 AS x FROM party_delegates d \
             JOIN party_conferences o ON o.id = d.conference_id \
             JOIN party_conferences t ON t.id = $1 \
             WHERE d.member_id = $2 AND o.id <> t.id \
               AND o.party_code = t.party_code AND o.held_on = t.held_on",
        )
        .bind(c.0.to_string())
        .bind(member.0.to_string())
        .fetch_optional(&mut *self.inner)
        .await?;
        Ok(row.is_some())
    }

    /// Seats a delegate.
    pub async fn insert_delegate(
        &mut self,
        c: &ConferenceId,
        mandate: u32,
        member: &MemberId,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO party_delegates (conference_id, mandate, member_id, checked_in_at_ms) VALUES ($1, $2, $3, NULL)",
        )
        .bind(c.0.to_string())
        .bind(i64::from(mandate))
        .bind(member.0.to_string())
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Marks a delegate present.
    pub async fn check_in(&mut self, c: &ConferenceId, mandate: u32, at_ms: i64) -> Result<()> {
        sqlx::query(
            "UPDATE party_delegates SET checked_in_at_ms = $1 WHERE conference_id = $2 AND mandate = $3",
        )
        .bind(at_ms)
        .bind(c.0.to_string())
        .bind(i64::from(mandate))
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    // ---- motions and votes ----

    /// A motion's row.
    pub async fn motion(&mut self, id: &MotionId) -> Result<Option<MotionRow>> {
        let sql = format!("SELECT {MOTION_COLS} FROM party_motions WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0.to_string())
            .fetch_optional(&mut *self.inner)
            .await?;
        row.as_ref().map(motion_row).transpose()
    }

    /// Writes a new motion (position = the conference's motions so far + 1).
    pub async fn insert_motion(
        &mut self,
        id: &MotionId,
        conference: &ConferenceId,
        subject: &Subject,
        mode: VoteMode,
        contenders: &[u32],
        at_ms: i64,
    ) -> Result<()> {
        let n: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM party_motions WHERE conference_id = $1")
                .bind(conference.0.to_string())
                .fetch_one(&mut *self.inner)
                .await?
                .try_get("n")?;
        let mode = json(&mode)?;
        sqlx::query(
            "INSERT INTO party_motions (id, conference_id, position, subject, mode, next_round, round_contenders, decided, adopted, opened_at_ms) \
             VALUES ($1, $2, $3, $4, $5, 1, $6, 0, NULL, $7)",
        )
        .bind(id.0.to_string())
        .bind(conference.0.to_string())
        .bind(n + 1)
        .bind(json(subject)?)
        .bind(mode.trim_matches('"').to_owned())
        .bind(json(&contenders)?)
        .bind(at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Records a round's tally and decision, and the motion's state after it.
    #[allow(clippy::too_many_arguments)]
    pub async fn record_round(
        &mut self,
        motion: &MotionId,
        round: u32,
        tally: &Tally,
        decision: &Decision,
        at_ms: i64,
        next_round: u32,
        round_contenders: &[u32],
        decided: bool,
        adopted: Option<u32>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO party_votes (motion_id, round, tally, decision, at_ms) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(motion.0.to_string())
        .bind(i64::from(round))
        .bind(json(tally)?)
        .bind(json(decision)?)
        .bind(at_ms)
        .execute(&mut *self.inner)
        .await?;
        sqlx::query(
            "UPDATE party_motions SET next_round = $1, round_contenders = $2, decided = $3, adopted = $4 WHERE id = $5",
        )
        .bind(i64::from(next_round))
        .bind(json(&round_contenders)?)
        .bind(i64::from(decided))
        .bind(adopted.map(i64::from))
        .bind(motion.0.to_string())
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// The party's adopted nomination for a unit, if any.
    pub async fn party_nomination(
        &mut self,
        party: &PartyCode,
        unit: &TerritoryCode,
    ) -> Result<Option<NominationRow>> {
        let row = sqlx::query(
            "SELECT party_code, unit_code, motion_id, member_id, person_id, at_ms FROM party_nominations WHERE party_code = $1 AND unit_code = $2",
        )
        .bind(party.as_str())
        .bind(unit.as_str())
        .fetch_optional(&mut *self.inner)
        .await?;
        row.as_ref().map(nomination_row).transpose()
    }

    /// Writes an adopted nomination.
    pub async fn insert_party_nomination(&mut self, n: &NominationRow) -> Result<()> {
        sqlx::query(
            "INSERT INTO party_nominations (party_code, unit_code, motion_id, member_id, person_id, at_ms) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(n.party.as_str())
        .bind(n.unit.as_str())
        .bind(n.motion.0.to_string())
        .bind(n.member.0.to_string())
        .bind(n.person.0.to_string())
        .bind(n.at_ms)
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }
}

impl Store {
    /// The last conference number imported for a branch, and the last convened in sailau.
    pub async fn conference_numbers(
        &self,
        party: &PartyCode,
        branch: &TerritoryCode,
    ) -> Result<(Option<u32>, Option<u32>)> {
        let imported = sqlx::query(
            "SELECT last FROM party_conference_counts WHERE party_code = $1 AND branch_code = $2",
        )
        .bind(party.as_str())
        .bind(branch.as_str())
        .fetch_optional(&self.pool)
        .await?
        .map(|r| r.try_get::<i64, _>("last"))
        .transpose()?
        .map(|v| u32_of(v, "last conference"))
        .transpose()?;
        let convened = sqlx::query(
            "SELECT MAX(ordinal) AS m FROM party_conferences WHERE party_code = $1 AND branch_code = $2",
        )
        .bind(party.as_str())
        .bind(branch.as_str())
        .fetch_one(&self.pool)
        .await?
        .try_get::<Option<i64>, _>("m")?
        .map(|v| u32_of(v, "ordinal"))
        .transpose()?;
        Ok((imported, convened))
    }

    /// The party's members with their record whose name and birth date match a person's, who
    /// joined on or before `date` (membership as the elections context asks it).
    pub async fn members_matching(
        &self,
        party: &PartyCode,
        identity_key: &str,
        date: Date,
    ) -> Result<Vec<MemberId>> {
        let rows = sqlx::query(
            "SELECT m.id AS id, m.joined_on AS joined_on FROM party_members m JOIN party_member_records r ON r.member_id = m.id \
             WHERE r.party_code = $1 AND r.identity_key = $2 AND m.erased = 0",
        )
        .bind(party.as_str())
        .bind(identity_key)
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::new();
        for r in &rows {
            let joined = date_of(&r.try_get::<String, _>("joined_on")?, "joined on")?;
            if joined <= date {
                out.push(MemberId(uuid_of(
                    &r.try_get::<String, _>("id")?,
                    "member id",
                )?));
            }
        }
        Ok(out)
    }

    /// The party's members who are not erased, with their branch and record, by card number:
    /// the roster a credential authority's letters follow (i14-online).
    pub async fn party_roster(
        &self,
        party: &PartyCode,
    ) -> Result<Vec<(MemberId, TerritoryCode, MemberRecord)>> {
        let rows = sqlx::query(
            "SELECT m.id AS id, m.branch_code AS branch_code, r.salt AS salt, \
             r.card_number AS card_number, r.surname AS surname, r.given_name AS given_name, \
             r.patronymic AS patronymic, r.birth_date AS birth_date \
             FROM party_members m JOIN party_member_records r ON r.member_id = m.id \
             WHERE m.party_code = $1 AND m.erased = 0 ORDER BY r.card_number, m.id",
        )
        .bind(party.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok((
                    MemberId(uuid_of(&r.try_get::<String, _>("id")?, "member id")?),
                    code_of(&r.try_get::<String, _>("branch_code")?)?,
                    member_record(r)?,
                ))
            })
            .collect()
    }

    /// The member holding a card number in the party, in any case of its letters (the exact
    /// text first, for records kept before [`card_number_normal`]).
    pub async fn member_by_card(&self, party: &PartyCode, card: &str) -> Result<Option<MemberId>> {
        let row = sqlx::query(
            "SELECT member_id FROM party_member_records WHERE party_code = $1 AND card_number IN ($2, $3) \
             ORDER BY card_number = $2 DESC LIMIT 1",
        )
        .bind(party.as_str())
        .bind(card.trim())
        .bind(card_number_normal(card))
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            r.try_get::<String, _>("member_id")
                .map_err(StorageError::from)
                .and_then(|s| uuid_of(&s, "member id").map(MemberId))
        })
        .transpose()
    }

    /// A member's record (for the member's own page and the minutes), unless erased.
    pub async fn member_record(&self, id: &MemberId) -> Result<Option<MemberRecord>> {
        let row = sqlx::query(
            "SELECT salt, card_number, surname, given_name, patronymic, birth_date FROM party_member_records WHERE member_id = $1",
        )
        .bind(id.0.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(member_record).transpose()
    }

    /// How many members a party has (in a branch, when given).
    pub async fn member_count(
        &self,
        party: &PartyCode,
        branch: Option<&TerritoryCode>,
    ) -> Result<u64> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS n FROM party_members WHERE party_code = $1 AND ($2 = '' OR branch_code = $2)",
        )
        .bind(party.as_str())
        .bind(branch.map(|b| b.as_str().to_owned()).unwrap_or_default())
        .fetch_one(&self.pool)
        .await?;
        crate::rows::u64_of(row.try_get("n")?, "member count")
    }

    /// A conference.
    pub async fn conference(&self, id: &ConferenceId) -> Result<Option<ConferenceRow>> {
        let sql = format!("SELECT {CONFERENCE_COLS} FROM party_conferences WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(conference_row).transpose()
    }

    /// A party's conferences (of one branch, when given), newest first.
    pub async fn conferences(
        &self,
        party: &PartyCode,
        branch: Option<&TerritoryCode>,
    ) -> Result<Vec<ConferenceRow>> {
        let sql = format!(
            "SELECT {CONFERENCE_COLS} FROM party_conferences WHERE party_code = $1 AND ($2 = '' OR branch_code = $2) ORDER BY held_on DESC, branch_code, ordinal DESC"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(party.as_str())
            .bind(branch.map(|b| b.as_str().to_owned()).unwrap_or_default())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(conference_row).collect()
    }

    /// The delegates on a conference's roster and those of them checked in: (elected,
    /// present), counted by the database (the live count after each check-in).
    ///
    /// # Errors
    /// [`crate::StorageError::Sql`] when the database fails.
    pub async fn delegate_counts(&self, id: &ConferenceId) -> Result<(u64, u64)> {
        let row = sqlx::query(
            "SELECT COUNT(*) AS elected, COUNT(checked_in_at_ms) AS present \
             FROM party_delegates WHERE conference_id = $1",
        )
        .bind(id.0.to_string())
        .fetch_one(&self.pool)
        .await?;
        let elected: i64 = row.try_get("elected")?;
        let present: i64 = row.try_get("present")?;
        Ok((
            crate::rows::u64_of(elected, "elected delegates")?,
            crate::rows::u64_of(present, "present delegates")?,
        ))
    }

    /// A conference's roster, by mandate number.
    pub async fn delegates(&self, id: &ConferenceId) -> Result<Vec<DelegateRow>> {
        let rows = sqlx::query(
            "SELECT mandate, member_id, checked_in_at_ms FROM party_delegates WHERE conference_id = $1 ORDER BY mandate",
        )
        .bind(id.0.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(delegate_row).collect()
    }

    /// A conference's motions, in order.
    pub async fn motions(&self, id: &ConferenceId) -> Result<Vec<MotionRow>> {
        let sql = format!(
            "SELECT {MOTION_COLS} FROM party_motions WHERE conference_id = $1 ORDER BY position"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0.to_string())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(motion_row).collect()
    }

    /// A motion.
    pub async fn motion(&self, id: &MotionId) -> Result<Option<MotionRow>> {
        let sql = format!("SELECT {MOTION_COLS} FROM party_motions WHERE id = $1");
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.0.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(motion_row).transpose()
    }

    /// A motion's rounds, in order.
    pub async fn votes(&self, motion: &MotionId) -> Result<Vec<VoteRow>> {
        let rows = sqlx::query(
            "SELECT motion_id, round, tally, decision, at_ms FROM party_votes WHERE motion_id = $1 ORDER BY round",
        )
        .bind(motion.0.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(vote_row).collect()
    }

    /// A party's adopted nominations.
    pub async fn party_nominations(&self, party: &PartyCode) -> Result<Vec<NominationRow>> {
        let rows = sqlx::query(
            "SELECT party_code, unit_code, motion_id, member_id, person_id, at_ms FROM party_nominations WHERE party_code = $1 ORDER BY unit_code",
        )
        .bind(party.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(nomination_row).collect()
    }

    /// Every party table the ledger rebuilds, in key order (for the replay check).
    pub async fn dump_party(&self) -> Result<PartyDump> {
        let mut d = PartyDump::default();
        for r in fetch_all(
            &self.pool,
            "SELECT id, party_code, branch_code, joined_on, erased, commitment FROM party_members ORDER BY id".into(),
        )
        .await?
        {
            d.members.push((member_facts(&r)?, r.try_get("commitment")?));
        }
        for r in fetch_all(
            &self.pool,
            "SELECT party_code, branch_code, last FROM party_conference_counts ORDER BY party_code, branch_code".into(),
        )
        .await?
        {
            d.counts.push((
                party_of(&r.try_get::<String, _>("party_code")?)?,
                code_of(&r.try_get::<String, _>("branch_code")?)?,
                u32_of(r.try_get("last")?, "last")?,
            ));
        }
        for r in fetch_all(
            &self.pool,
            format!("SELECT {CONFERENCE_COLS} FROM party_conferences ORDER BY id"),
        )
        .await?
        {
            d.conferences.push(conference_row(&r)?);
        }
        for r in fetch_all(
            &self.pool,
            "SELECT conference_id, mandate, member_id, checked_in_at_ms FROM party_delegates ORDER BY conference_id, mandate".into(),
        )
        .await?
        {
            let c = ConferenceId(uuid_of(&r.try_get::<String, _>("conference_id")?, "conference id")?);
            d.delegates.push((c, delegate_row(&r)?));
        }
        for r in fetch_all(
            &self.pool,
            format!("SELECT {MOTION_COLS} FROM party_motions ORDER BY id"),
        )
        .await?
        {
            d.motions.push(motion_row(&r)?);
        }
        for r in fetch_all(
            &self.pool,
            "SELECT motion_id, round, tally, decision, at_ms FROM party_votes ORDER BY motion_id, round".into(),
        )
        .await?
        {
            d.votes.push(vote_row(&r)?);
        }
        for r in fetch_all(
            &self.pool,
            "SELECT party_code, unit_code, motion_id, member_id, person_id, at_ms FROM party_nominations ORDER BY party_code, unit_code".into(),
        )
        .await?
        {
            d.nominations.push(nomination_row(&r)?);
        }
        Ok(d)
    }
}

/// Converts a count to the database's integer.
pub fn db_int(v: u64) -> Result<i64> {
    i64_of(v)
}

//! The primaries' verifiable online vote (migrations `0016_online_voting` and
//! `0017_board_counters`): the vote's public state as JSON, the board's counters and head, the
//! published credentials, the board (cast ballots in order with their tracking codes, challenged
//! ballots with their openings) and the participation register.
//!
//! The register is personal data and is never joined to the board: it has no time and no order
//! of its own (keyed by member), so nothing stored links a member to a ballot.

use sailau_domain::party::member::MemberId;
use sailau_domain::primaries::CampaignId;
use sailau_domain::primaries::online::{OnlineVote, Participation, Seen, SubmissionKind};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row};

use crate::rows::runs;
use crate::{Result, StorageError, Store, Tx};

/// A campaign's online vote as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OnlineRow {
    /// The public state.
    pub vote: OnlineVote,
    /// Cast ballots on the board.
    pub entries: u64,
    /// Distinct credentials among them.
    pub voters: u64,
    /// Challenged ballots.
    pub challenged: u64,
    /// The tracking code of the last cast ballot (hex), `None` while the board is empty.
    pub head: Option<String>,
}

/// The board's counters and head: [`OnlineRow`] without the vote's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BoardState {
    /// Cast ballots on the board.
    pub entries: u64,
    /// Distinct credentials among them.
    pub voters: u64,
    /// Challenged ballots.
    pub challenged: u64,
    /// The tracking code of the last cast ballot (hex), `None` while the board is empty.
    pub head: Option<String>,
}

/// What a ballot's checks read ([`Tx::ballot_checks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BallotChecks {
    /// Whether the credential is published.
    pub credential_listed: bool,
    /// Where the ballot's hash already is.
    pub seen: Seen,
    /// How the member has taken part, if at all.
    pub participation: Option<Participation>,
}

/// What [`Tx::group_checks`] read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GroupChecks {
    /// The published credentials among those asked (hex).
    pub listed: std::collections::HashSet<String>,
    /// The credentials asked that have a cast ballot on the board (hex).
    pub cast: std::collections::HashSet<String>,
    /// Where each hash asked already is (hex; absent: nowhere).
    pub seen: std::collections::HashMap<String, Seen>,
    /// How each member asked has taken part (by member identifier as text).
    pub participation: std::collections::HashMap<String, Participation>,
}

/// The most values of one `IN (…)` list.
const IN_LIST_MAX: usize = 256;

/// What a commit group's prefetch asks of each key ([`Tx::group_checks`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Question {
    /// Is the credential published?
    Listed,
    /// Has the credential a cast ballot on the board?
    Cast,
    /// Where is the ballot hash already?
    Seen,
    /// How has the member taken part?
    TakenPart,
}

impl Question {
    /// The tag of the question's rows in the probe's result.
    fn tag(self) -> &'static str {
        match self {
            Question::Listed => "l",
            Question::Cast => "c",
            Question::Seen => "s",
            Question::TakenPart => "p",
        }
    }

    fn of(tag: &str) -> Option<Question> {
        [
            Question::Listed,
            Question::Cast,
            Question::Seen,
            Question::TakenPart,
        ]
        .into_iter()
        .find(|q| q.tag() == tag)
    }
}

/// One question of [`Tx::group_checks`] as a lookup: `value` of the row of `table` whose
/// `campaign_id` and `key` match (fixed names only: they are spliced into the SQL).
#[derive(Debug, Clone, Copy)]
struct Probe {
    question: Question,
    table: &'static str,
    key: &'static str,
    value: &'static str,
}

impl Probe {
    const LISTED: Probe = Probe {
        question: Question::Listed,
        table: "primaries_credentials",
        key: "credential",
        value: "t.credential",
    };
    /// The kind in the value, not in the condition: with `t.kind = 'cast'` there, the primary
    /// key (campaign_id, kind) matched as many columns as the credential's index and, smaller,
    /// looked cheaper to a planner without column statistics; and not MAX(t.kind), which
    /// PostgreSQL reads as the first row of an index in order.
    const CAST: Probe = Probe {
        question: Question::Cast,
        table: "primaries_board",
        key: "credential",
        value: "MAX(CASE WHEN t.kind = 'cast' THEN 'cast' END)",
    };
    const SEEN: Probe = Probe {
        question: Question::Seen,
        table: "primaries_board",
        key: "ballot_hash",
        value: "t.kind",
    };
    const TAKEN_PART: Probe = Probe {
        question: Question::TakenPart,
        table: "primaries_participation",
        key: "member_id",
        value: "t.how",
    };

    fn with(self, keys: &[String]) -> (Probe, &[String]) {
        (self, keys)
    }
}

/// A campaign with its fixed ballot and online vote ([`Tx::campaign_vote`]).
#[derive(Debug, Clone)]
pub struct CampaignVote {
    /// The campaign.
    pub campaign: sailau_domain::primaries::campaign::Campaign,
    /// Its fixed manifest and parameters, once fixed.
    pub fixed: Option<crate::primaries::FixedBallot>,
    /// Its online vote's state and the board's counters, from the first ceremony file on.
    pub online: Option<OnlineRow>,
}

/// One ballot on the board or among the challenged ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRow {
    /// Cast or challenged.
    pub kind: SubmissionKind,
    /// Its place, from 1, among the ballots of its kind.
    pub seq: u64,
    /// The ballot hash (hex).
    pub ballot_hash: String,
    /// The tracking code (hex) of a cast ballot.
    pub tracking_code: Option<String>,
    /// The public credential (hex).
    pub credential: String,
    /// The ballot's JSON (`None` in a database rebuilt from the ledger alone).
    pub body: Option<String>,
    /// A challenged ballot's opening JSON.
    pub opening: Option<String>,
}

fn kind_str(k: SubmissionKind) -> &'static str {
    match k {
        SubmissionKind::Cast => "cast",
        SubmissionKind::Challenged => "challenged",
    }
}

fn kind_of(s: &str) -> Result<SubmissionKind> {
    match s {
        "cast" => Ok(SubmissionKind::Cast),
        "challenged" => Ok(SubmissionKind::Challenged),
        other => Err(StorageError::Corrupt(format!("board kind {other}"))),
    }
}

fn how_str(p: Participation) -> &'static str {
    match p {
        Participation::Online => "online",
        Participation::Paper => "paper",
    }
}

fn participation_of(how: &str) -> Result<Participation> {
    match how {
        "online" => Ok(Participation::Online),
        "paper" => Ok(Participation::Paper),
        other => Err(StorageError::Corrupt(format!("participation {other}"))),
    }
}

fn u64_of(r: &AnyRow, col: &str) -> Result<u64> {
    let n: i64 = r.try_get(col)?;
    u64::try_from(n).map_err(|_| StorageError::Corrupt(format!("{col} = {n}")))
}

fn i64_of(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn board_row(r: &AnyRow) -> Result<BoardRow> {
    Ok(BoardRow {
        kind: kind_of(&r.try_get::<String, _>("kind")?)?,
        seq: u64_of(r, "seq")?,
        ballot_hash: r.try_get("ballot_hash")?,
        tracking_code: r.try_get("tracking_code")?,
        credential: r.try_get("credential")?,
        body: r.try_get("body")?,
        opening: r.try_get("opening")?,
    })
}

/// The board's columns, for `concat!` (static SQL).
macro_rules! board_columns {
    () => {
        "kind, seq, ballot_hash, tracking_code, credential, body, opening"
    };
}

async fn online_row<'e, E: Executor<'e, Database = Any>>(
    e: E,
    campaign: &CampaignId,
) -> Result<Option<OnlineRow>> {
    let row = sqlx::query(
        "SELECT o.doc, s.entries, s.voters, s.challenged, s.head FROM primaries_online o \
         JOIN primaries_board_state s ON s.campaign_id = o.campaign_id WHERE o.campaign_id = $1",
    )
    .bind(campaign.to_string())
    .fetch_optional(e)
    .await?;
    row.map(|r| {
        let doc: String = r.try_get("doc")?;
        Ok(OnlineRow {
            vote: serde_json::from_str(&doc)
                .map_err(|e| StorageError::Corrupt(format!("online vote: {e}")))?,
            entries: u64_of(&r, "entries")?,
            voters: u64_of(&r, "voters")?,
            challenged: u64_of(&r, "challenged")?,
            head: r.try_get("head")?,
        })
    })
    .transpose()
}

impl Tx {
    /// A campaign's online vote (`None` before its first ceremony file).
    pub async fn online_vote(&mut self, campaign: &CampaignId) -> Result<Option<OnlineRow>> {
        online_row(&mut *self.inner, campaign).await
    }

    /// A campaign, its fixed ballot and its online vote's state with the board's counters, in
    /// one query: what [`Tx::campaign`], [`Tx::fixed_ballot`] and [`Tx::online_vote`] read
    /// apart (`None`: no such campaign). A commit group of ballots starts from it, and each of
    /// the group writer's round trips waits for the server and for a core (issue 14, measure 1).
    ///
    /// # Errors
    /// [`StorageError::Sql`] when the database fails, [`StorageError::Corrupt`] when a stored
    /// document does not decode.
    pub async fn campaign_vote(&mut self, campaign: &CampaignId) -> Result<Option<CampaignVote>> {
        let row = sqlx::query(
            "SELECT c.doc AS campaign, b.manifest, b.parameters, b.fixed_at_ms, o.doc AS online, \
             s.entries, s.voters, s.challenged, s.head \
             FROM primaries_campaigns c \
             LEFT JOIN primaries_ballots b ON b.campaign_id = c.id \
             LEFT JOIN primaries_online o ON o.campaign_id = c.id \
             LEFT JOIN primaries_board_state s ON s.campaign_id = c.id \
             WHERE c.id = $1",
        )
        .bind(campaign.to_string())
        .fetch_optional(&mut *self.inner)
        .await?;
        let Some(r) = row else { return Ok(None) };
        let doc: String = r.try_get("campaign")?;
        let fixed = match r.try_get::<Option<String>, _>("manifest")? {
            Some(manifest) => Some(crate::primaries::FixedBallot {
                manifest,
                parameters: r.try_get("parameters")?,
                fixed_at_ms: r.try_get("fixed_at_ms")?,
            }),
            None => None,
        };
        // As `online_row`: the state counts only with its counters beside it.
        let online = match (
            r.try_get::<Option<String>, _>("online")?,
            r.try_get::<Option<i64>, _>("entries")?,
        ) {
            (Some(doc), Some(_)) => Some(OnlineRow {
                vote: serde_json::from_str(&doc)
                    .map_err(|e| StorageError::Corrupt(format!("online vote: {e}")))?,
                entries: u64_of(&r, "entries")?,
                voters: u64_of(&r, "voters")?,
                challenged: u64_of(&r, "challenged")?,
                head: r.try_get("head")?,
            }),
            _ => None,
        };
        Ok(Some(CampaignVote {
            campaign: serde_json::from_str(&doc)
                .map_err(|e| StorageError::Corrupt(format!("campaign: {e}")))?,
            fixed,
            online,
        }))
    }

    /// The board's counters and head without the vote's state (`None` before the first
    /// ceremony file): what each ballot needs, cheaper than [`Tx::online_vote`], which parses
    /// the whole state.
    pub async fn board_state(&mut self, campaign: &CampaignId) -> Result<Option<BoardState>> {
        let row = sqlx::query(
            "SELECT entries, voters, challenged, head FROM primaries_board_state WHERE campaign_id = $1",
        )
        .bind(campaign.to_string())
        .fetch_optional(&mut *self.inner)
        .await?;
        row.map(|r| {
            Ok(BoardState {
                entries: u64_of(&r, "entries")?,
                voters: u64_of(&r, "voters")?,
                challenged: u64_of(&r, "challenged")?,
                head: r.try_get("head")?,
            })
        })
        .transpose()
    }

    /// Writes a campaign's online vote's public state.
    pub async fn save_online_vote(
        &mut self,
        campaign: &CampaignId,
        vote: &OnlineVote,
    ) -> Result<()> {
        let doc = serde_json::to_string(vote)
            .map_err(|e| StorageError::Corrupt(format!("online vote: {e}")))?;
        sqlx::query(
            "INSERT INTO primaries_online (campaign_id, doc) VALUES ($1, $2) \
             ON CONFLICT (campaign_id) DO UPDATE SET doc = excluded.doc",
        )
        .bind(campaign.to_string())
        .bind(doc)
        .execute(&mut *self.inner)
        .await?;
        sqlx::query(
            "INSERT INTO primaries_board_state (campaign_id) VALUES ($1) \
             ON CONFLICT (campaign_id) DO NOTHING",
        )
        .bind(campaign.to_string())
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Stores the published credentials (hex, any order; each once).
    pub async fn insert_credentials(
        &mut self,
        campaign: &CampaignId,
        hex: &[String],
    ) -> Result<()> {
        for chunk in hex.chunks(400) {
            let mut sql =
                String::from("INSERT INTO primaries_credentials (campaign_id, credential) VALUES ");
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("($1, ${})", i + 2));
            }
            // Only numbered placeholders are spliced in.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(campaign.to_string());
            for c in chunk {
                q = q.bind(c.clone());
            }
            q.execute(&mut *self.inner).await?;
        }
        Ok(())
    }

    /// Appends a checked ballot: a cast one at the end of the board with `tracking_code`, or a
    /// challenged one; updates the counters. Gives its place among the ballots of its kind.
    /// Two statements: the row takes the next place from the counters, then the counters (a
    /// credential counts as a new voter when no earlier cast ballot is its).
    pub async fn append_ballot(&mut self, campaign: &CampaignId, row: &BoardRow) -> Result<u64> {
        let id = campaign.to_string();
        let insert = match row.kind {
            SubmissionKind::Cast => concat!(
                "INSERT INTO primaries_board (campaign_id, ",
                board_columns!(),
                ") SELECT campaign_id, 'cast', entries + 1, $2, $3, $4, $5, $6 \
                 FROM primaries_board_state WHERE campaign_id = $1 RETURNING seq"
            ),
            SubmissionKind::Challenged => concat!(
                "INSERT INTO primaries_board (campaign_id, ",
                board_columns!(),
                ") SELECT campaign_id, 'challenged', challenged + 1, $2, $3, $4, $5, $6 \
                 FROM primaries_board_state WHERE campaign_id = $1 RETURNING seq"
            ),
        };
        let inserted = sqlx::query(insert)
            .bind(id.clone())
            .bind(row.ballot_hash.clone())
            .bind(row.tracking_code.clone())
            .bind(row.credential.clone())
            .bind(row.body.clone())
            .bind(row.opening.clone())
            .fetch_optional(&mut *self.inner)
            .await?
            .ok_or_else(|| StorageError::Corrupt(format!("no online vote for {id}")))?;
        let seq = u64_of(&inserted, "seq")?;
        let q = match row.kind {
            SubmissionKind::Cast => sqlx::query(
                "UPDATE primaries_board_state SET entries = $2, head = $3, voters = voters + \
                 CASE WHEN (SELECT COUNT(CASE WHEN kind = 'cast' AND seq < $2 THEN 1 END) \
                 FROM primaries_board WHERE campaign_id = $1 AND credential = $4) > 0 \
                 THEN 0 ELSE 1 END WHERE campaign_id = $1",
            )
            .bind(id)
            .bind(i64_of(seq))
            .bind(row.tracking_code.clone())
            .bind(row.credential.clone()),
            SubmissionKind::Challenged => sqlx::query(
                "UPDATE primaries_board_state SET challenged = $2 WHERE campaign_id = $1",
            )
            .bind(id)
            .bind(i64_of(seq)),
        };
        q.execute(&mut *self.inner).await?;
        Ok(seq)
    }

    /// What a ballot's checks read, in one query: whether its credential is published, where
    /// its hash already is, and how `member` (if given) has taken part.
    pub async fn ballot_checks(
        &mut self,
        campaign: &CampaignId,
        credential: &str,
        ballot_hash: &str,
        member: Option<&MemberId>,
    ) -> Result<BallotChecks> {
        let row = sqlx::query(
            "SELECT \
               (SELECT COUNT(*) FROM primaries_credentials \
                 WHERE campaign_id = $1 AND credential = $2) AS listed, \
               (SELECT kind FROM primaries_board WHERE campaign_id = $1 AND ballot_hash = $3) \
                 AS seen, \
               (SELECT how FROM primaries_participation WHERE campaign_id = $1 AND member_id = $4) \
                 AS how",
        )
        .bind(campaign.to_string())
        .bind(credential.to_owned())
        .bind(ballot_hash.to_owned())
        .bind(member.map(ToString::to_string).unwrap_or_default())
        .fetch_one(&mut *self.inner)
        .await?;
        let listed: i64 = row.try_get("listed")?;
        let seen: Option<String> = row.try_get("seen")?;
        let how: Option<String> = row.try_get("how")?;
        Ok(BallotChecks {
            credential_listed: listed > 0,
            seen: match seen.as_deref() {
                None => Seen::New,
                Some(k) => match kind_of(k)? {
                    SubmissionKind::Cast => Seen::Cast,
                    SubmissionKind::Challenged => Seen::Challenged,
                },
            },
            participation: how.as_deref().map(participation_of).transpose()?,
        })
    }

    /// What the checks of a group of ballots read, in one query (a commit group's prefetch;
    /// one per [`IN_LIST_MAX`] keys of each list): which of `credentials` are published, which
    /// of them have a cast ballot on the board, where each of `hashes` already is, and how each
    /// of `members` has taken part.
    ///
    /// One statement, not one per question: each round trip of the commit group's writer waits
    /// for the server and for a core, and the writer is the one serial step of the online vote
    /// (issue 14, measure 1: the four questions took four of a group's 25 statements).
    pub async fn group_checks(
        &mut self,
        campaign: &CampaignId,
        credentials: &[String],
        hashes: &[String],
        members: &[MemberId],
    ) -> Result<GroupChecks> {
        let id = campaign.to_string();
        let mut out = GroupChecks::default();
        let members: Vec<String> = members.iter().map(ToString::to_string).collect();
        let longest = credentials.len().max(hashes.len()).max(members.len());
        for start in (0..longest).step_by(IN_LIST_MAX) {
            let chunk = |keys: &[String]| -> Vec<String> {
                keys.iter().skip(start).take(IN_LIST_MAX).cloned().collect()
            };
            let (credentials, hashes, members) =
                (chunk(credentials), chunk(hashes), chunk(&members));
            for (question, key, found) in self
                .probe(
                    &id,
                    &[
                        Probe::LISTED.with(&credentials),
                        Probe::CAST.with(&credentials),
                        Probe::SEEN.with(&hashes),
                        Probe::TAKEN_PART.with(&members),
                    ],
                )
                .await?
            {
                let Some(found) = found else { continue };
                match question {
                    Question::Listed => {
                        out.listed.insert(key);
                    }
                    Question::Cast => {
                        out.cast.insert(key);
                    }
                    Question::Seen => {
                        let seen = match kind_of(&found)? {
                            SubmissionKind::Cast => Seen::Cast,
                            SubmissionKind::Challenged => Seen::Challenged,
                        };
                        out.seen.insert(key, seen);
                    }
                    Question::TakenPart => {
                        out.participation.insert(key, participation_of(&found)?);
                    }
                }
            }
        }
        Ok(out)
    }

    /// For each probe and each of its keys: the probe's `value` (an expression of the row `t`:
    /// a column where `key` is unique within the campaign, else an aggregate of an expression)
    /// over the rows of its `table` with `campaign_id` = `campaign` and `key` = the key; `None`
    /// when there is none. All the probes in one statement (`UNION ALL`), so one round trip.
    ///
    /// Each key is its own probe (a scalar subquery per row of a `VALUES` list) on the index
    /// that begins with (`campaign_id`, `key`), and on no other index's columns, so the plan is
    /// an index lookup per key whatever the planner knows: as `campaign_id = $1 AND key IN
    /// (…)`, PostgreSQL without column statistics (a board or register analyzed while empty, as
    /// when the window opens) chose an index by `campaign_id` alone and filtered the whole
    /// campaign in every group, which grew with the board (issue 14, measure 1: 2,000,180 rows
    /// read by 514 scans in an 8,000-ballot run). No `LIMIT`, `EXISTS`, `MIN` or `MAX`: with any
    /// of them, the planner expected the first row of a campaign-wide scan to match early and
    /// chose that scan again. And not a prepared statement: PostgreSQL's cached generic plan,
    /// made while the board and the register were a few rows, kept a scan by `campaign_id` (or
    /// of the whole register) as they grew (15,378,896 board rows read by 3,329 probes in a
    /// 6,000-ballot run); planned on each use, each probe is planned for the tables as they are.
    async fn probe(
        &mut self,
        campaign: &str,
        probes: &[(Probe, &[String])],
    ) -> Result<Vec<(Question, String, Option<String>)>> {
        let mut parts = Vec::new();
        let mut next = 2;
        for (p, keys) in probes.iter().filter(|(_, keys)| !keys.is_empty()) {
            let rows = (next..next + keys.len())
                .map(|i| format!("(${i})"))
                .collect::<Vec<_>>()
                .join(", ");
            next += keys.len();
            let Probe {
                question,
                table,
                key,
                value,
            } = p;
            // Only the fixed names of [`Probe`]'s constants and numbered placeholders are
            // spliced in.
            parts.push(format!(
                "SELECT '{}' AS q, l.column1 AS k, (SELECT {value} FROM {table} t WHERE \
                 t.campaign_id = $1 AND t.{key} = l.column1) AS v \
                 FROM (VALUES {rows}) AS l",
                question.tag()
            ));
        }
        if parts.is_empty() {
            return Ok(Vec::new());
        }
        let sql = parts.join(" UNION ALL ");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .persistent(false)
            .bind(campaign.to_owned());
        for (_, keys) in probes {
            for k in *keys {
                q = q.bind(k.clone());
            }
        }
        let mut out = Vec::new();
        for r in q.fetch_all(&mut *self.inner).await? {
            let tag: String = r.try_get("q")?;
            let question = Question::of(&tag)
                .ok_or_else(|| StorageError::Corrupt(format!("probe: unknown question {tag}")))?;
            out.push((question, r.try_get("k")?, r.try_get("v")?));
        }
        Ok(out)
    }

    /// Appends ballots a commit group checked, with the places and tracking codes it gave them,
    /// and sets the board's counters to `state` (what [`Tx::append_ballot`] does one by one).
    pub async fn append_ballots(
        &mut self,
        campaign: &CampaignId,
        rows: &[BoardRow],
        state: &BoardState,
    ) -> Result<()> {
        let id = campaign.to_string();
        for chunk in runs(rows, crate::tx::ROWS_PER_INSERT) {
            let mut sql = concat!(
                "INSERT INTO primaries_board (campaign_id, ",
                board_columns!(),
                ") VALUES "
            )
            .to_owned();
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push(',');
                }
                let b = 2 + i * 7;
                sql.push_str(&format!(
                    "($1, ${}, ${}, ${}, ${}, ${}, ${}, ${})",
                    b,
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5,
                    b + 6
                ));
            }
            // Only numbered placeholders are spliced in.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(id.clone());
            for r in chunk {
                q = q
                    .bind(kind_str(r.kind))
                    .bind(i64_of(r.seq))
                    .bind(r.ballot_hash.clone())
                    .bind(r.tracking_code.clone())
                    .bind(r.credential.clone())
                    .bind(r.body.clone())
                    .bind(r.opening.clone());
            }
            q.execute(&mut *self.inner).await?;
        }
        sqlx::query(
            "UPDATE primaries_board_state SET entries = $2, voters = $3, challenged = $4, \
             head = $5 WHERE campaign_id = $1",
        )
        .bind(id)
        .bind(i64_of(state.entries))
        .bind(i64_of(state.voters))
        .bind(i64_of(state.challenged))
        .bind(state.head.clone())
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// Marks members in the register at once (a member already there is left as they are).
    pub async fn mark_participations(
        &mut self,
        campaign: &CampaignId,
        marks: &[(MemberId, Participation)],
    ) -> Result<()> {
        for chunk in runs(marks, crate::tx::ROWS_PER_INSERT) {
            let mut sql = String::from(
                "INSERT INTO primaries_participation (campaign_id, member_id, how) VALUES ",
            );
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push(',');
                }
                sql.push_str(&format!("($1, ${}, ${})", 2 + 2 * i, 3 + 2 * i));
            }
            sql.push_str(" ON CONFLICT (campaign_id, member_id) DO NOTHING");
            // Only numbered placeholders are spliced in.
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(campaign.to_string());
            for (m, how) in chunk {
                q = q.bind(m.to_string()).bind(how_str(*how));
            }
            q.execute(&mut *self.inner).await?;
        }
        Ok(())
    }

    /// Inserts a board row as it is, without the checks or counters of
    /// [`Tx::append_ballot`]: the baseline of the ballots benchmark.
    pub async fn insert_board_row_plain(
        &mut self,
        campaign: &CampaignId,
        row: &BoardRow,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO primaries_board \
             (campaign_id, kind, seq, ballot_hash, tracking_code, credential, body, opening) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(campaign.to_string())
        .bind(kind_str(row.kind))
        .bind(i64_of(row.seq))
        .bind(row.ballot_hash.clone())
        .bind(row.tracking_code.clone())
        .bind(row.credential.clone())
        .bind(row.body.clone())
        .bind(row.opening.clone())
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }

    /// The cast ballots in board order (for the tally).
    pub async fn cast_ballots(&mut self, campaign: &CampaignId) -> Result<Vec<BoardRow>> {
        let sql = concat!(
            "SELECT ",
            board_columns!(),
            " FROM primaries_board WHERE campaign_id = $1 AND kind = 'cast' ORDER BY seq"
        );
        let rows = sqlx::query(sql)
            .bind(campaign.to_string())
            .fetch_all(&mut *self.inner)
            .await?;
        rows.iter().map(board_row).collect()
    }

    /// How the member has taken part in the campaign, if at all.
    pub async fn participation(
        &mut self,
        campaign: &CampaignId,
        member: &MemberId,
    ) -> Result<Option<Participation>> {
        let row = sqlx::query(
            "SELECT how FROM primaries_participation WHERE campaign_id = $1 AND member_id = $2",
        )
        .bind(campaign.to_string())
        .bind(member.to_string())
        .fetch_optional(&mut *self.inner)
        .await?;
        row.map(|r| participation_of(&r.try_get::<String, _>("how")?))
            .transpose()
    }

    /// Marks the member in the register (a second online ballot changes nothing).
    pub async fn mark_participation(
        &mut self,
        campaign: &CampaignId,
        member: &MemberId,
        how: Participation,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO primaries_participation (campaign_id, member_id, how) VALUES ($1, $2, $3) \
             ON CONFLICT (campaign_id, member_id) DO NOTHING",
        )
        .bind(campaign.to_string())
        .bind(member.to_string())
        .bind(how_str(how))
        .execute(&mut *self.inner)
        .await?;
        Ok(())
    }
}

impl Store {
    /// A campaign's online vote (`None` before its first ceremony file).
    pub async fn online_vote(&self, campaign: &CampaignId) -> Result<Option<OnlineRow>> {
        online_row(self.pool(), campaign).await
    }

    /// Ballots of one kind from place `from` (1-based), at most `limit`.
    pub async fn board_rows(
        &self,
        campaign: &CampaignId,
        kind: SubmissionKind,
        from: u64,
        limit: u64,
    ) -> Result<Vec<BoardRow>> {
        let sql = concat!(
            "SELECT ",
            board_columns!(),
            " FROM primaries_board \
             WHERE campaign_id = $1 AND kind = $2 AND seq >= $3 ORDER BY seq LIMIT $4"
        );
        let rows = sqlx::query(sql)
            .bind(campaign.to_string())
            .bind(kind_str(kind))
            .bind(i64_of(from))
            .bind(i64_of(limit))
            .fetch_all(self.pool())
            .await?;
        rows.iter().map(board_row).collect()
    }

    /// The ballot whose tracking code or ballot hash (hex, lowercase) is `code`, or whose
    /// tracking code, or else whose hash (the fingerprint a challenged ballot is found by),
    /// starts with it (voters are shown 16 hex digits).
    pub async fn find_ballot(&self, campaign: &CampaignId, code: &str) -> Result<Option<BoardRow>> {
        let by_hash = concat!(
            "SELECT ",
            board_columns!(),
            " FROM primaries_board WHERE campaign_id = $1 AND ballot_hash = $2"
        );
        let row = sqlx::query(by_hash)
            .bind(campaign.to_string())
            .bind(code.to_owned())
            .fetch_optional(self.pool())
            .await?;
        if let Some(r) = row {
            return board_row(&r).map(Some);
        }
        if code.is_empty()
            || !code
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            return Ok(None);
        }
        // The tracking codes, then the hashes (the fingerprint the vote page asks the member to
        // note: the only way to find a challenged ballot, which has no tracking code), starting
        // with `code`, as a range of their index: every longer hex string with that start sorts
        // between `code` and `code` followed by 'g'.
        const BY_START: [&str; 2] = [
            concat!(
                "SELECT ",
                board_columns!(),
                " FROM primaries_board WHERE campaign_id = $1 \
                 AND tracking_code >= $2 AND tracking_code < $3 ORDER BY tracking_code LIMIT 1"
            ),
            concat!(
                "SELECT ",
                board_columns!(),
                " FROM primaries_board WHERE campaign_id = $1 \
                 AND ballot_hash >= $2 AND ballot_hash < $3 ORDER BY ballot_hash LIMIT 1"
            ),
        ];
        for sql in BY_START {
            let row = sqlx::query(sql)
                .bind(campaign.to_string())
                .bind(code.to_owned())
                .bind(format!("{code}g"))
                .fetch_optional(self.pool())
                .await?;
            if let Some(r) = row {
                return board_row(&r).map(Some);
            }
        }
        Ok(None)
    }

    /// Whether a later cast ballot of the same credential replaces `row` (only the last ballot
    /// of a credential counts, spec §7).
    pub async fn superseded(&self, campaign: &CampaignId, row: &BoardRow) -> Result<bool> {
        if row.kind != SubmissionKind::Cast {
            return Ok(false);
        }
        // The kind and place in the count, not in the condition, and no LIMIT: as in
        // `Tx::probe`, so that the plan is the credential's index whatever the planner knows.
        let later = sqlx::query(
            "SELECT COUNT(CASE WHEN kind = 'cast' AND seq > $3 THEN 1 END) AS later \
             FROM primaries_board WHERE campaign_id = $1 AND credential = $2",
        )
        .bind(campaign.to_string())
        .bind(row.credential.clone())
        .bind(i64_of(row.seq))
        .fetch_one(self.pool())
        .await?;
        let later: i64 = later.try_get("later")?;
        Ok(later > 0)
    }

    /// The published credentials (hex), in increasing order.
    pub async fn credentials(&self, campaign: &CampaignId) -> Result<Vec<String>> {
        let rows = sqlx::query(
            "SELECT credential FROM primaries_credentials WHERE campaign_id = $1 ORDER BY credential",
        )
        .bind(campaign.to_string())
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>("credential")?))
            .collect()
    }

    /// One page of the published credentials (hex), in the order of [`Store::credentials`]: at
    /// most `limit` of those after `after` (from the first when `None`). A keyset read on the
    /// table's primary key `(campaign_id, credential)`, so every page costs the same however
    /// far into the list it starts; pass the last credential of a page to read the next, until
    /// a page comes back shorter than `limit`.
    pub async fn credentials_page(
        &self,
        campaign: &CampaignId,
        after: Option<&str>,
        limit: u64,
    ) -> Result<Vec<String>> {
        let rows = match after {
            None => {
                sqlx::query(
                    "SELECT credential FROM primaries_credentials WHERE campaign_id = $1 \
                     ORDER BY credential LIMIT $2",
                )
                .bind(campaign.to_string())
                .bind(i64_of(limit))
                .fetch_all(self.pool())
                .await?
            }
            Some(after) => {
                sqlx::query(
                    "SELECT credential FROM primaries_credentials WHERE campaign_id = $1 \
                     AND credential > $2 ORDER BY credential LIMIT $3",
                )
                .bind(campaign.to_string())
                .bind(after.to_owned())
                .bind(i64_of(limit))
                .fetch_all(self.pool())
                .await?
            }
        };
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>("credential")?))
            .collect()
    }

    /// How many members have taken part, online and on paper: `(online, paper)`.
    pub async fn participation_counts(&self, campaign: &CampaignId) -> Result<(u64, u64)> {
        let rows = sqlx::query(
            "SELECT how, COUNT(*) AS n FROM primaries_participation WHERE campaign_id = $1 GROUP BY how",
        )
        .bind(campaign.to_string())
        .fetch_all(self.pool())
        .await?;
        let mut out = (0, 0);
        for r in rows {
            let n = u64_of(&r, "n")?;
            match r.try_get::<String, _>("how")?.as_str() {
                "online" => out.0 = n,
                _ => out.1 = n,
            }
        }
        Ok(out)
    }

    /// The online tables the ledger rebuilds, as `(table, key, document)` rows: the vote's
    /// state and the board's hashes, codes and credentials (not the ballots, which the ledger
    /// holds by hash).
    pub(crate) async fn dump_online(&self) -> Result<Vec<(&'static str, String, String)>> {
        let mut out = Vec::new();
        for r in sqlx::query(
            "SELECT o.campaign_id, o.doc, s.entries, s.voters, s.challenged, s.head \
             FROM primaries_online o JOIN primaries_board_state s ON s.campaign_id = o.campaign_id \
             ORDER BY o.campaign_id",
        )
        .fetch_all(self.pool())
        .await?
        {
            let head: Option<String> = r.try_get("head")?;
            out.push((
                "primaries_online",
                r.try_get::<String, _>("campaign_id")?,
                format!(
                    "{} {} {} {} {}",
                    u64_of(&r, "entries")?,
                    u64_of(&r, "voters")?,
                    u64_of(&r, "challenged")?,
                    head.unwrap_or_default(),
                    r.try_get::<String, _>("doc")?
                ),
            ));
        }
        let sql = concat!(
            "SELECT campaign_id, ",
            board_columns!(),
            " FROM primaries_board ORDER BY campaign_id, kind, seq"
        );
        for r in sqlx::query(sql).fetch_all(self.pool()).await? {
            let b = board_row(&r)?;
            out.push((
                "primaries_board",
                format!(
                    "{}/{}/{}",
                    r.try_get::<String, _>("campaign_id")?,
                    kind_str(b.kind),
                    b.seq
                ),
                format!(
                    "{} {} {}",
                    b.ballot_hash,
                    b.tracking_code.unwrap_or_default(),
                    b.credential
                ),
            ));
        }
        Ok(out)
    }
}

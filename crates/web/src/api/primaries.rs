//! The primaries' verifiable online vote over the JSON API (issue 14 §4, §8) under
//! `/api/v1/primaries/{id}/…`: what a voting client needs (the election's public files), the
//! member's ballot submission and the public board, the trustees' ceremony files and decryption
//! shares, the credential authority's list, the committee's tally and results, the paper
//! stations' register, and the election record for `sailau verify`.
//!
//! Uploaded protocol files are read strictly in the record layout of
//! `docs/verifiable-voting.md` §12 (no unknown field, none twice), then checked with
//! `sailau-vote` inside the command that records them.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures_util::Stream;
use sailau_app::primaries::online::{
    BallotReceipt, OnlineView, ceremony_command, credentials_command, share_command,
};
use sailau_domain::Issued;
use sailau_domain::party::member::MemberId;
use sailau_domain::primaries::CampaignId;
use sailau_domain::primaries::online::{
    IssuePaperBallot, RestartCeremony, SubmissionKind, Verdict, Voter,
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery, BadId, IdPath, Writer, uuid_param};
use super::types::{Fields, LedgerPosition, all};
use crate::WebState;
use crate::problem::{Missing, Problem, WriteRefused};

/// A campaign's online vote: how far the ceremony, the board and the decryption have got.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OnlineStatus {
    /// Trustees `n`, once the ballot is fixed.
    pub trustees: Option<u32>,
    /// Trustees needed to decrypt, `t`.
    pub threshold: Option<u32>,
    /// Trustees who published their announcement (round 1).
    pub announced: Vec<u32>,
    /// Trustees who dealt their shares (round 2).
    pub dealt: Vec<u32>,
    /// Trustees who finalized (round 3).
    pub finalized: Vec<u32>,
    /// Trustees who published their decryption share.
    pub decryption_shares: Vec<u32>,
    /// The joint public key (64 hex digits) once every trustee finalized: voting may start.
    pub joint_public_key: Option<String>,
    /// The election hash every ballot is bound to.
    pub election_hash: Option<String>,
    /// Public credentials published.
    pub credentials: Option<u64>,
    /// Cast ballots on the board.
    pub ballots: u64,
    /// Distinct credentials among them (ballots that count).
    pub voters: u64,
    /// Challenged ballots (published with their openings, never counted).
    pub challenged: u64,
    /// The board's last tracking code.
    pub head: Option<String>,
    /// Whether the board is closed and tallied.
    pub tallied: bool,
    /// Whether the counts are published.
    pub decrypted: bool,
    /// Members who voted online (from the participation register, a count only).
    pub participated_online: u64,
    /// Members who received a paper ballot.
    pub participated_paper: u64,
    /// The complaints that aborted the key ceremony under way (spec §4.3), with their verdicts:
    /// the committee restarts it (`POST …/ceremony/restart`).
    pub complaints: Vec<ComplaintStatus>,
    /// How many ceremonies complaints aborted before the one under way.
    pub aborted_ceremonies: u64,
}

/// A complaint of the key ceremony's round 3 and its verdict.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ComplaintStatus {
    /// The complaining trustee.
    pub complainant: u32,
    /// The trustee whose dealt share is complained of.
    pub dealer: u32,
    /// `dealer_cheated` (the share fails the dealer's commitments), `complaint_unfounded` (the
    /// share is valid) or `complaint_invalid` (the complaint's proof or the share's signature
    /// fails).
    pub verdict: String,
    /// The trustee the verdict disqualifies.
    pub disqualified: u32,
}

impl From<OnlineView> for OnlineStatus {
    fn from(v: OnlineView) -> Self {
        let [announced, dealt, finalized, decryption_shares] = v.rounds;
        OnlineStatus {
            trustees: v.trustees.map(|t| t.0),
            threshold: v.trustees.map(|t| t.1),
            announced,
            dealt,
            finalized,
            decryption_shares,
            joint_public_key: v.joint_key,
            election_hash: v.election_hash,
            credentials: v.credentials,
            ballots: v.board.0,
            voters: v.board.1,
            challenged: v.board.2,
            head: v.head,
            tallied: v.tallied,
            decrypted: v.decrypted,
            participated_online: v.participation.0,
            participated_paper: v.participation.1,
            complaints: v
                .complaints
                .iter()
                .map(|j| ComplaintStatus {
                    complainant: j.complaint.recipient,
                    dealer: j.complaint.dealer,
                    verdict: match j.verdict {
                        Verdict::DealerCheated => "dealer_cheated",
                        Verdict::ComplaintUnfounded => "complaint_unfounded",
                        Verdict::ComplaintInvalid => "complaint_invalid",
                    }
                    .into(),
                    disqualified: j.disqualified(),
                })
                .collect(),
            aborted_ceremonies: v.aborted as u64,
        }
    }
}

/// The state of a campaign's online vote.
#[utoipa::path(
    get, path = "/api/v1/primaries/{id}/online", tag = "primaries",
    params(IdPath<CampaignId>),
    responses(
        (status = 200, description = "The online vote", body = OnlineStatus),
        BadId,
        (status = 404, description = "No such campaign", body = Problem),
    )
)]
pub async fn online(
    State(state): State<WebState>,
    IdPath(id): IdPath<CampaignId>,
) -> Result<axum::Json<OnlineStatus>, Problem> {
    exists(&state, &id).await?;
    Ok(axum::Json(state.app.online_view(&id).await?.into()))
}

async fn exists(state: &WebState, id: &CampaignId) -> Result<(), Problem> {
    match state.app.store().campaign(id).await {
        Ok(Some(_)) => Ok(()),
        Ok(None) => Err(Problem::not_found(Missing::Campaign, id.0)),
        Err(e) => Err(sailau_app::AppError::from(e).into()),
    }
}

/// The election's public files a voting client and the trustees need: `manifest`,
/// `parameters`, the announcements so far (`trustees`) and, once every trustee has finalized,
/// `election` (`election.json`: the joint key, the election hash, the first tracking code).
/// Layouts: `docs/verifiable-voting.md` §12.3.
#[utoipa::path(
    get, path = "/api/v1/primaries/{id}/election", tag = "primaries",
    params(IdPath<CampaignId>),
    responses(
        (status = 200, description = "The public files", body = Object),
        BadId,
        (status = 404, description = "No such campaign, or its ballot is not fixed", body = Problem),
    )
)]
pub async fn election(
    State(state): State<WebState>,
    IdPath(id): IdPath<CampaignId>,
) -> Result<axum::Json<sailau_app::primaries::online::ElectionFiles>, Problem> {
    exists(&state, &id).await?;
    state
        .app
        .election_public(&id)
        .await?
        .map(axum::Json)
        .ok_or_else(|| Problem::not_found(Missing::FixedBallot, id.0))
}

/// A ballot taken, with the voter's tracking code.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Receipt {
    /// `cast` or `challenged`.
    pub kind: String,
    /// The ballot's hash (its fingerprint, 64 hex digits).
    pub ballot_hash: String,
    /// The tracking code of a cast ballot (64 hex digits): find it on the board.
    pub tracking_code: Option<String>,
    /// Its first 16 hex digits in groups of four, as voters are shown it.
    pub tracking_code_short: Option<String>,
    /// Its place among the ballots of its kind, from 1.
    pub seq: u64,
    /// The ledger entry that records it (under an anonymous voter).
    pub ledger_index: u64,
}

impl From<BallotReceipt> for Receipt {
    fn from(r: BallotReceipt) -> Self {
        Receipt {
            kind: kind_name(r.kind).into(),
            ballot_hash: r.ballot_hash,
            tracking_code: r.tracking_code,
            tracking_code_short: r.tracking_code_short,
            seq: r.seq,
            ledger_index: r.ledger_index,
        }
    }
}

fn kind_name(k: SubmissionKind) -> &'static str {
    match k {
        SubmissionKind::Cast => "cast",
        SubmissionKind::Challenged => "challenged",
    }
}

/// A member submits a ballot made by a voting client: `{"kind":"cast","ballot":…}` or
/// `{"kind":"challenged","ballot":…,"opening":…}` (`docs/verifiable-voting.md` §12.4). sailau
/// checks it completely (proofs, credential signature, listed credential, not seen before,
/// inside the window), appends it to the board and records it in the ledger under an anonymous
/// voter; the member is marked in the participation register, which is kept apart. A member
/// may vote again: the last ballot of the credential counts. A refusal never says whether the
/// member has voted before.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/ballots", tag = "primaries",
    params(IdPath<CampaignId>),
    request_body(description = "The submission", content((Object = "application/json"))),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Taken", body = Receipt),
        WriteRefused,
        BadId,
    )
)]
pub async fn submit_ballot(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<CampaignId>,
    body: String,
) -> Result<(axum::http::StatusCode, axum::Json<Receipt>), Problem> {
    super::extract::json_syntax(body.as_bytes())?;
    let receipt = state
        .app
        .submit_ballot(&writer.0.principal, &id, &body)
        .await?;
    Ok((axum::http::StatusCode::CREATED, axum::Json(receipt.into())))
}

/// One ballot on the public board, or a challenged one with its opening.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BoardBallot {
    /// `cast` or `challenged`.
    pub kind: String,
    /// Its place among the ballots of its kind, from 1.
    pub seq: u64,
    /// The ballot's hash.
    pub ballot_hash: String,
    /// The tracking code of a cast ballot.
    pub tracking_code: Option<String>,
    /// The public credential that signed it.
    pub credential: String,
    /// The encrypted ballot (`Ballot`, spec §12.3).
    #[schema(value_type = Object)]
    pub ballot: Option<serde_json::Value>,
    /// A challenged ballot's opening: the marks and nonces (`Opening`, spec §12.3).
    #[schema(value_type = Object)]
    pub opening: Option<serde_json::Value>,
}

impl From<sailau_app::storage::primaries::online::BoardRow> for BoardBallot {
    fn from(r: sailau_app::storage::primaries::online::BoardRow) -> Self {
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        BoardBallot {
            kind: kind_name(r.kind).into(),
            seq: r.seq,
            ballot_hash: r.ballot_hash,
            tracking_code: r.tracking_code,
            credential: r.credential,
            ballot: parse(r.body),
            opening: parse(r.opening),
        }
    }
}

/// Which ballots of the board.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BoardQuery {
    /// A tracking code or a ballot hash (the fingerprint), or the start of either: 16 to 64
    /// hex digits, dashes and spaces allowed between them — the one ballot it names.
    #[param(pattern = "^[ -]*([0-9A-Fa-f][ -]*){16,64}$")]
    pub code: Option<String>,
    /// `cast` (default) or `challenged`.
    #[param(pattern = "^(cast|challenged)$")]
    pub kind: Option<String>,
    /// The first place to list, from 1 (default 1).
    #[param(minimum = 1)]
    pub from: Option<u64>,
    /// How many, 1–1000 (default 100).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u64>,
}

/// The public board: cast ballots in order with their tracking codes, or the challenged ones
/// with their openings; `code` finds one ballot by its tracking code or hash.
#[utoipa::path(
    get, path = "/api/v1/primaries/{id}/board", tag = "primaries",
    params(IdPath<CampaignId>, BoardQuery),
    responses(
        (status = 200, description = "The ballots", body = Vec<BoardBallot>),
        BadId,
        (status = 400, description = "A bad code, kind, from or limit", body = Problem),
        (status = 404, description = "No such campaign, or no ballot has this code", body = Problem),
    )
)]
pub async fn board(
    State(state): State<WebState>,
    IdPath(id): IdPath<CampaignId>,
    ApiQuery(q): ApiQuery<BoardQuery>,
) -> Result<axum::Json<Vec<BoardBallot>>, Problem> {
    exists(&state, &id).await?;
    let store = state.app.store();
    let fail = |e| Problem::from(sailau_app::AppError::from(e));
    if let Some(code) = &q.code {
        let code = normalize_code(code).ok_or_else(|| {
            Problem::bad_parameter(
                "code",
                "tracking-code-format",
                "a tracking code (at least 16 hex digits, dashes allowed) or a ballot hash",
                &[],
            )
        })?;
        let row = store
            .find_ballot(&id, &code)
            .await
            .map_err(fail)?
            .ok_or_else(|| Problem::not_found(Missing::BallotWithCode, &code))?;
        return Ok(axum::Json(vec![row.into()]));
    }
    let kind = match q.kind.as_deref() {
        None | Some("cast") => SubmissionKind::Cast,
        Some("challenged") => SubmissionKind::Challenged,
        Some(_) => {
            return Err(Problem::bad_parameter(
                "kind",
                "board-kind",
                "cast or challenged",
                &[("allowed", "cast, challenged".to_owned())],
            ));
        }
    };
    let limit = q.limit.unwrap_or(100);
    if !(1..=1000).contains(&limit) || q.from == Some(0) {
        return Err(Problem::bad_parameter(
            "limit",
            "page-range",
            "from is at least 1 and limit from 1 to 1000",
            &[("max", "1000".to_owned())],
        ));
    }
    let rows = store
        .board_rows(&id, kind, q.from.unwrap_or(1), limit)
        .await
        .map_err(fail)?;
    Ok(axum::Json(rows.into_iter().map(Into::into).collect()))
}

/// A tracking code or ballot hash as stored: lowercase hex without dashes or spaces, at least 16
/// digits and at most 64.
pub fn normalize_code(code: &str) -> Option<String> {
    let hex: String = code
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (hex.len() >= 16 && hex.len() <= 64 && hex.chars().all(|c| c.is_ascii_hexdigit()))
        .then_some(hex)
}

/// The campaign's election record as a zip archive (`record/…`, `docs/verifiable-voting.md`
/// §12): unzip it and run `sailau verify record`.
///
/// The archive is sent while it is written (chunked, without `Content-Length`): its first bytes
/// come at once, however large the board. A failure after the answer began breaks the transfer
/// off (the connection is closed before the body's end): a download that did not end normally
/// is not a record.
#[utoipa::path(
    get, path = "/api/v1/primaries/{id}/record.zip", tag = "primaries",
    params(IdPath<CampaignId>),
    responses(
        (status = 200, description = "The record, streamed as it is written (no Content-Length); \
            a transfer that breaks before its end is no record", content_type = "application/zip", body = Vec<u8>),
        BadId,
        (status = 404, description = "No such campaign, or its ballot is not fixed", body = Problem),
    )
)]
pub async fn record(
    State(state): State<WebState>,
    IdPath(id): IdPath<CampaignId>,
) -> Result<Response, Problem> {
    exists(&state, &id).await?;
    let zip = state.app.record_zip(&id).await?;
    let mut r = Body::from_stream(RecordStream { zip, campaign: id }).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/zip"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"primaries-{}-record.zip\"",
        id.0
    )) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(r)
}

/// The record's archive as a response body, chunk by chunk as the app writes it. A failure of
/// the record is logged and ends the body with an error, which makes the server break the
/// transfer instead of ending it; dropping the body (the client went away) stops the record's
/// reads and writer.
struct RecordStream {
    zip: sailau_app::primaries::online::RecordZip,
    campaign: CampaignId,
}

impl Stream for RecordStream {
    type Item = std::io::Result<Bytes>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        this.zip.poll_chunk(cx).map(|chunk| {
            chunk.map(|c| {
                c.map(Bytes::from).map_err(|e| {
                    tracing::error!(
                        campaign = %this.campaign,
                        error = %e,
                        "the election record failed while it was sent; the transfer is broken off"
                    );
                    std::io::Error::other("the election record could not be written to its end")
                })
            })
        })
    }
}

/// A change recorded in the ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Recorded {
    /// The ledger entry.
    pub ledger: LedgerPosition,
}

async fn run(
    state: &WebState,
    writer: &Writer,
    command: impl Into<Issued>,
) -> Result<(axum::http::StatusCode, axum::Json<Recorded>), Problem> {
    let applied = state.app.execute(&writer.acting(), command).await?;
    Ok((
        axum::http::StatusCode::CREATED,
        axum::Json(Recorded {
            ledger: applied.into(),
        }),
    ))
}

/// A trustee publishes one file of the key ceremony, as `sailau trustee keygen | share |
/// finalize` wrote it: round 1 `trustees/trustee-<i>.json`, 2 `trustees/dealt-<i>.json`, 3
/// `trustees/finalized-<i>.json` or, when shares dealt to it failed their check,
/// `trustees/complaints-<i>.json` (judged at once; a complaint aborts the ceremony until the
/// committee restarts it). A trustee publishes only its own files (its place in the campaign's
/// list of trustees); each round starts once every trustee finished the one before.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/ceremony/{trustee}/{round}", tag = "primaries",
    params(
        IdPath<CampaignId>,
        ("trustee" = u32, Path, minimum = 1, maximum = 15, description = "The trustee's number, 1 to n"),
        ("round" = u8, Path, minimum = 1, maximum = 3, description = "1 announcement, 2 dealt shares, 3 finalized or complaints"),
    ),
    request_body(description = "The file", content((Object = "application/json"))),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Published", body = Recorded),
        WriteRefused,
        BadId,
    )
)]
pub async fn ceremony(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<CampaignId>,
    ApiPath((_, trustee, round)): ApiPath<(String, String, String)>,
    body: String,
) -> Result<(axum::http::StatusCode, axum::Json<Recorded>), Problem> {
    let trustee: u32 = match trustee.parse() {
        Ok(t @ 1..=15) => t,
        _ => {
            return Err(Problem::bad_parameter(
                "trustee",
                "trustee-number",
                "a trustee's number, 1 to 15",
                &[("max", "15".to_owned())],
            ));
        }
    };
    let round: u8 = match round.parse() {
        Ok(r @ 1..=3) => r,
        _ => {
            return Err(Problem::bad_parameter(
                "round",
                "ceremony-round",
                "1 (announcement), 2 (dealt shares) or 3 (finalized or complaints)",
                &[],
            ));
        }
    };
    let cmd = ceremony_command(id, trustee, round, &body)?;
    run(&state, &writer, cmd).await
}

/// The trustees of a restarted key ceremony.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CeremonyRestart {
    /// The trustees' accounts in order (trustee `i` is the `i`-th), as many as the fixed ballot
    /// has: the disqualified trustee replaced.
    #[schema(example = json!(["trustee-1", "trustee-3"]))]
    pub trustees: Vec<String>,
}

/// The organizing committee restarts a key ceremony that a complaint aborted (spec §4.4): the
/// aborted ceremony's files stay in the ledger, not in the election record, and every trustee
/// starts again from round 1 with new secrets.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/ceremony/restart", tag = "primaries",
    params(IdPath<CampaignId>),
    request_body = CeremonyRestart,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Restarted", body = Recorded),
        WriteRefused,
        BadId,
    )
)]
pub async fn restart_ceremony(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<CampaignId>,
    ApiJson(body): ApiJson<CeremonyRestart>,
) -> Result<(axum::http::StatusCode, axum::Json<Recorded>), Problem> {
    let mut f = Fields::new();
    let trustees: Vec<_> = body
        .trustees
        .iter()
        .enumerate()
        .map(|(i, t)| f.username(&format!("trustees[{i}]"), t))
        .collect();
    f.finish()?;
    let cmd = RestartCeremony {
        campaign: id,
        trustees: trustees.into_iter().flatten().collect(),
    };
    run(&state, &writer, cmd).await
}

/// The credential authority publishes the public credentials: `credentials.jsonl` as
/// `sailau credentials generate` wrote it, one `{"credential": hex}` per line in strictly
/// increasing order. Once, before online voting opens.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/credentials", tag = "primaries",
    params(IdPath<CampaignId>),
    request_body(description = "credentials.jsonl: one JSON object per line", content((String = "text/plain"))),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Published", body = Recorded),
        WriteRefused,
        BadId,
    )
)]
pub async fn credentials(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<CampaignId>,
    body: axum::body::Bytes,
) -> Result<(axum::http::StatusCode, axum::Json<Recorded>), Problem> {
    let issued = credentials_command(id, body.to_vec())?;
    run(&state, &writer, issued).await
}

/// The organizing committee closes the ballot box after online voting: sailau adds up the last
/// ballot of each credential (homomorphically) and records the encrypted tally.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/tally", tag = "primaries",
    params(IdPath<CampaignId>),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Tallied", body = Recorded),
        WriteRefused,
        BadId,
    )
)]
pub async fn tally(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<CampaignId>,
) -> Result<(axum::http::StatusCode, axum::Json<Recorded>), Problem> {
    exists(&state, &id).await?;
    let cmd = state.app.tally_command(&id).await?;
    run(&state, &writer, cmd).await
}

/// A trustee publishes its decryption share, as `sailau trustee decrypt` wrote it
/// (`shares/share-<j>.json`); its proofs are checked against the tally.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/shares", tag = "primaries",
    params(IdPath<CampaignId>),
    request_body(description = "The share", content((Object = "application/json"))),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Published", body = Recorded),
        WriteRefused,
        BadId,
    )
)]
pub async fn share(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<CampaignId>,
    body: String,
) -> Result<(axum::http::StatusCode, axum::Json<Recorded>), Problem> {
    let cmd = share_command(id, &body)?;
    run(&state, &writer, cmd).await
}

/// The organizing committee publishes the online counts, combined from `t` trustees' shares;
/// they are checked against the tally and the shares before they are recorded, and the ratings
/// then add them to the paper votes.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/results", tag = "primaries",
    params(IdPath<CampaignId>),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Published", body = Recorded),
        WriteRefused,
        BadId,
    )
)]
pub async fn results(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<CampaignId>,
) -> Result<(axum::http::StatusCode, axum::Json<Recorded>), Problem> {
    exists(&state, &id).await?;
    let cmd = state.app.results_command(&id).await?;
    run(&state, &writer, cmd).await
}

/// A paper ballot to give a member at a primary organization's station.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPaperBallot {
    /// The primary organization's territory (KATO code).
    #[schema(example = "155220000", pattern = "^[0-9]{9}$")]
    pub organization: String,
    /// The member's identifier.
    #[schema(format = Uuid)]
    pub member: String,
}

/// A paper station gives a member a paper ballot and marks the participation register. The
/// ledger records the organization only. Refused for a member who voted online or already took
/// a paper ballot, with the same rule either way.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/paper-ballots", tag = "primaries",
    params(IdPath<CampaignId>),
    request_body = NewPaperBallot,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Issued", body = Recorded),
        WriteRefused,
        BadId,
    )
)]
pub async fn paper_ballot(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(id): IdPath<CampaignId>,
    ApiJson(body): ApiJson<NewPaperBallot>,
) -> Result<(axum::http::StatusCode, axum::Json<Recorded>), Problem> {
    let mut f = Fields::new();
    let organization = f.territory_code("organization", &body.organization);
    f.finish()?;
    let member = MemberId(uuid_param("member", &body.member)?);
    let cmd = IssuePaperBallot {
        campaign: id,
        organization: all(organization)?,
    };
    run(
        &state,
        &writer,
        Issued::new(
            cmd,
            Voter {
                member,
                submission: None,
                proofs_checked: false,
            },
        ),
    )
    .await
}

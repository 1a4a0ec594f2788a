//! Election day in the API (issue 12, branch i12-day): turnout reports, precinct protocols
//! (entry, double entry, amendment, scan), observers' copies, and reading a precinct's
//! protocol with its versions and differences. Every write runs one command through
//! [`super::write::write`]; refusals name every field (`fields.<key>`, `candidates.<n>`).

use std::collections::BTreeMap;

use axum::body::Bytes;
use axum::extract::State;
use sailau_domain::PrecinctRef;
use sailau_domain::elections::protocol::{
    AmendProtocol, AttachProtocolScan, EnterProtocol, ProtocolNumbers, RecordObserverCopy,
};
use sailau_domain::elections::turnout::ReportTurnout;
use sailau_domain::elections::{AttachmentMeta, Blob, ElectionId};
use sailau_domain::{Issued, Rule};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, Writer, uuid_param};
use super::types::{Fields, LedgerPosition, all, path_precinct};
use super::write::{Created, Written, existing, write};
use crate::WebState;
use crate::problem::{Missing, Problem, WriteRefused};

/// The election id in the path: malformed → 400 naming `id`.
fn path_election(id: &str) -> Result<ElectionId, Problem> {
    uuid_param("id", id).map(ElectionId)
}

/// The precinct a body names.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrecinctBody {
    /// The region's KATO code.
    #[schema(pattern = "^[0-9]{9}$", example = "150000000")]
    pub region_code: String,
    /// The precinct's number in the region.
    #[schema(minimum = 1, maximum = 99999, example = 501)]
    pub number: u32,
}

/// The numbers of a protocol as a body gives them.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NumbersBody {
    /// Field key (`ballots_received`) → count; the keys are the rule set's `[protocol]` fields.
    pub fields: BTreeMap<String, u64>,
    /// Candidate's registration number (as text: `"1"`) → votes.
    pub candidates: BTreeMap<String, u64>,
}

/// Parses a precinct and numbers, naming every bad field.
fn parse(
    precinct: &PrecinctBody,
    numbers: Option<&NumbersBody>,
) -> Result<(PrecinctRef, ProtocolNumbers), Problem> {
    let mut f = Fields::new();
    let region_code = f.territory_code("precinct.region_code", &precinct.region_code);
    let mut out = ProtocolNumbers::default();
    if let Some(n) = numbers {
        out.fields = n.fields.clone();
        for (k, v) in &n.candidates {
            let field = format!("candidates.{k}");
            let number = f.take(
                &field,
                k.trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or(Rule::NumberFormat),
            );
            if let Some(number) = number {
                out.candidates.insert(number, *v);
            }
        }
    }
    f.finish()?;
    Ok((
        PrecinctRef {
            region_code: all(region_code)?,
            number: precinct.number,
        },
        out,
    ))
}

/// What an election-day write recorded.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DayWritten {
    /// The precinct's protocol status after the write: `none`, `pending`, `accepted`.
    pub status: String,
    /// The protocol's current version (0 when none is accepted).
    pub version: u32,
    /// Where the entry is in the ledger.
    pub ledger: LedgerPosition,
}

type Status = (String, u32);

impl From<Written<Status>> for DayWritten {
    fn from(w: Written<Status>) -> Self {
        DayWritten {
            status: w.saved.0,
            version: w.saved.1,
            ledger: w.ledger,
        }
    }
}

/// Runs a command on a precinct of an election and answers with the protocol's status.
async fn day_write(
    state: &WebState,
    writer: &Writer,
    election: ElectionId,
    precinct: PrecinctRef,
    command: impl Into<Issued>,
) -> Result<Created<DayWritten>, Problem> {
    let location = format!(
        "/api/v1/elections/{election}/protocols/{}/{}",
        precinct.region_code, precinct.number
    );
    write(state, writer, command, async |s| {
        Ok(Some(match s.protocol(&election, &precinct).await? {
            Some(p) => (p.status, p.version),
            None => ("none".to_owned(), 0),
        }))
    })
    .await?
    .created(location)
}

/// A turnout report.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TurnoutBody {
    /// The precinct.
    pub precinct: PrecinctBody,
    /// The report time, local `HH:MM`, one of the rule set's (`10:00` … `20:00`).
    #[schema(example = "10:00")]
    pub at: String,
    /// Voters who have voted by then.
    #[schema(minimum = 0, maximum = 100000)]
    pub voted: u64,
}

/// A precinct reports turnout at one of the rule set's times.
#[utoipa::path(
    post, path = "/api/v1/elections/{id}/turnout", tag = "election-day",
    params(("id" = String, Path, format = Uuid, description = "The election's id")),
    request_body = TurnoutBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Reported", body = DayWritten),
        (status = 400, description = "A malformed id", body = Problem),
        WriteRefused,
    )
)]
pub async fn report_turnout(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<TurnoutBody>,
) -> Result<Created<DayWritten>, Problem> {
    let election = path_election(&id)?;
    let (precinct, _) = parse(&body.precinct, None)?;
    let cmd = ReportTurnout {
        election,
        precinct: precinct.clone(),
        at: body.at.trim().to_owned(),
        voted: body.voted,
    };
    day_write(&state, &writer, election, precinct, cmd).await
}

/// A protocol as entered.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProtocolBody {
    /// The precinct.
    pub precinct: PrecinctBody,
    /// The numbers.
    pub numbers: NumbersBody,
}

/// An operator enters a precinct's protocol. Accepted when every control relation holds (with
/// double entry: when it agrees with another operator's entry; otherwise kept as `pending`).
#[utoipa::path(
    post, path = "/api/v1/elections/{id}/protocols", tag = "election-day",
    params(("id" = String, Path, format = Uuid, description = "The election's id")),
    request_body = ProtocolBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Entered (accepted, or pending a second entry)", body = DayWritten),
        (status = 400, description = "A malformed id", body = Problem),
        WriteRefused,
    )
)]
pub async fn enter_protocol(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<ProtocolBody>,
) -> Result<Created<DayWritten>, Problem> {
    let election = path_election(&id)?;
    let (precinct, numbers) = parse(&body.precinct, Some(&body.numbers))?;
    let cmd = EnterProtocol {
        election,
        precinct: precinct.clone(),
        numbers,
    };
    day_write(&state, &writer, election, precinct, cmd).await
}

/// An amendment of an accepted protocol.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AmendmentBody {
    /// The precinct.
    pub precinct: PrecinctBody,
    /// The new numbers.
    pub numbers: NumbersBody,
    /// Why (at most 2,000 characters).
    pub reason: String,
}

/// The commission amends an accepted protocol, giving its reason; both versions are kept.
#[utoipa::path(
    post, path = "/api/v1/elections/{id}/protocols/amendments", tag = "election-day",
    params(("id" = String, Path, format = Uuid, description = "The election's id")),
    request_body = AmendmentBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Amended", body = DayWritten),
        (status = 400, description = "A malformed id", body = Problem),
        WriteRefused,
    )
)]
pub async fn amend_protocol(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<AmendmentBody>,
) -> Result<Created<DayWritten>, Problem> {
    let election = path_election(&id)?;
    let (precinct, numbers) = parse(&body.precinct, Some(&body.numbers))?;
    let cmd = AmendProtocol {
        election,
        precinct: precinct.clone(),
        numbers,
        reason: body.reason,
    };
    day_write(&state, &writer, election, precinct, cmd).await
}

/// An observer records the numbers of the copy of the protocol handed to them.
#[utoipa::path(
    post, path = "/api/v1/elections/{id}/observer-copies", tag = "election-day",
    params(("id" = String, Path, format = Uuid, description = "The election's id")),
    request_body = ProtocolBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Recorded", body = DayWritten),
        (status = 400, description = "A malformed id", body = Problem),
        WriteRefused,
    )
)]
pub async fn record_observer_copy(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<ProtocolBody>,
) -> Result<Created<DayWritten>, Problem> {
    let election = path_election(&id)?;
    let (precinct, numbers) = parse(&body.precinct, Some(&body.numbers))?;
    let cmd = RecordObserverCopy {
        election,
        precinct: precinct.clone(),
        numbers,
    };
    day_write(&state, &writer, election, precinct, cmd).await
}

/// Attaches the photo or scan of the signed paper protocol (PDF, JPEG or PNG, by content); the
/// ledger records its SHA-256.
#[utoipa::path(
    post, path = "/api/v1/elections/{id}/protocols/{region}/{number}/scans", tag = "election-day",
    params(
        ("id" = String, Path, format = Uuid, description = "The election's id"),
        ("region" = String, Path, pattern = "^[0-9]{9}$", description = "The region's KATO code"),
        ("number" = String, Path, pattern = "^[1-9][0-9]{0,4}$", description = "The precinct's number, 1 to 99999"),
    ),
    request_body(description = "The file's bytes", content(
        (Vec<u8> = "application/pdf"), (Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "application/octet-stream"),
    )),
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Attached", body = DayWritten),
        (status = 400, description = "A malformed id", body = Problem),
        (status = 404, description = "No such election", body = Problem),
        WriteRefused,
    )
)]
pub async fn attach_scan(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath((id, region, number)): ApiPath<(String, String, String)>,
    bytes: Bytes,
) -> Result<Created<DayWritten>, Problem> {
    let election = path_election(&id)?;
    let precinct = path_precinct(&region, &number)?;
    let e = existing(&state, Missing::Election, &election, async |s| {
        s.election(&election).await
    })
    .await?;
    let limits = e
        .rules()
        .map_err(|v| Problem::invalid(&v))?
        .attachments
        .clone();
    let file = AttachmentMeta::of(&bytes, &limits).map_err(|v| Problem::invalid(&v))?;
    let cmd = Issued::new(
        AttachProtocolScan {
            election,
            precinct: precinct.clone(),
            file,
        },
        Blob(bytes.to_vec()),
    );
    day_write(&state, &writer, election, precinct, cmd).await
}

/// A precinct's protocol: status, current numbers, every version with the differences from the
/// one before, double-entry entries and their differences, observers' copies flagged where they
/// differ from the accepted protocol, and scans. Public.
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/protocols/{region}/{number}", tag = "election-day",
    params(
        ("id" = String, Path, format = Uuid, description = "The election's id"),
        ("region" = String, Path, pattern = "^[0-9]{9}$", description = "The region's KATO code"),
        ("number" = String, Path, pattern = "^[1-9][0-9]{0,4}$", description = "The precinct's number, 1 to 99999"),
    ),
    responses(
        (status = 200, description = "The protocol", body = Object),
        (status = 400, description = "A malformed parameter", body = Problem),
        (status = 404, description = "No such election or polling station", body = Problem),
    )
)]
pub async fn get_protocol(
    State(state): State<WebState>,
    ApiPath((id, region, number)): ApiPath<(String, String, String)>,
) -> Result<axum::Json<Value>, Problem> {
    let election = path_election(&id)?;
    let precinct = path_precinct(&region, &number)?;
    let view = state.app.protocol_view(&election, &precinct).await?;
    serde_json::to_value(view)
        .map(axum::Json)
        .map_err(|e| Problem::internal(&e))
}

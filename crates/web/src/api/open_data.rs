//! Open data of results and of the ledger (issue 12 §6–8), public: the results as sailau
//! computes them (what `sailau audit results` compares with its recomputation from the
//! ledger), their statistics, NIST SP 1500-100 v2 JSON, CSV and XLSX per precinct and per unit,
//! and the ledger as a NIST SP 1500-101 event log. The same documents as `sailau export …`;
//! the results are computed once per ledger size ([`sailau_app::App::election_results`]).

use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use sailau_app::elections::open_data;
use sailau_domain::TerritoryCode;
use sailau_domain::elections::ElectionId;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiQuery, BadId, IdPath};
use crate::WebState;
use crate::problem::{Missing, Problem};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A JSON document whose shape is defined elsewhere (sailau's results, a NIST schema).
#[derive(Debug, Clone, Serialize)]
#[serde(transparent)]
pub struct Document(pub serde_json::Value);

impl utoipa::PartialSchema for Document {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "A JSON object: sailau's results (as the results pages show them), or a NIST \
                 SP 1500-100 v2 / 1500-101 v1 document",
            ))
            .into()
    }
}

impl ToSchema for Document {}

/// An XLSX workbook, as raw bytes (for the OpenAPI document).
pub struct WorkbookFile;

impl utoipa::PartialSchema for WorkbookFile {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .description(Some("An XLSX workbook of one worksheet"))
            .into()
    }
}

impl ToSchema for WorkbookFile {}

fn file(bytes: impl Into<axum::body::Body>, content_type: &'static str, name: String) -> Response {
    let mut r = (StatusCode::OK, bytes.into()).into_response();
    r.headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        r.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

fn json<T: Serialize>(t: &T) -> Result<axum::Json<Document>, Problem> {
    serde_json::to_value(t)
        .map(|v| axum::Json(Document(v)))
        .map_err(|e| Problem::internal(&e))
}

/// An election's results as sailau computes them: every unit with its candidates, precincts
/// (registry voters and the accepted protocol's counts), tabulation (status, totals, lines with
/// percent and deposit refund, outcome), the region and national summaries and the statistics,
/// at `ledger_size`. Counts are whole numbers; percentages are shares of the ballots found in
/// the boxes (turnout: of the voters on the list).
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/results", tag = "results",
    params(IdPath<ElectionId>),
    responses(
        (status = 200, description = "The results", body = Document),
        BadId,
        (status = 404, description = "No such election", body = Problem),
    )
)]
pub async fn results(
    State(state): State<WebState>,
    IdPath(id): IdPath<ElectionId>,
) -> Result<axum::Json<Document>, Problem> {
    json(&*state.app.election_results(&id).await?)
}

/// An election's statistics (issue 12 §6): candidacies nominated → registered → on the ballot;
/// registered candidates by route, party, gender and age band; winners by party and route,
/// incumbents re-elected and new people, the winners' average age in years; precincts per
/// turnout band of ten points.
///
/// With `?region=CODE` (a region's KATO code), the statistics of that region's contests alone.
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/results/statistics", tag = "results",
    params(IdPath<ElectionId>, StatisticsQuery),
    responses(
        (status = 200, description = "The statistics", body = Document),
        (status = 400, description = "A malformed id or region code", body = Problem),
        (status = 404, description = "No such election, or no contest of it in the region", body = Problem),
    )
)]
pub async fn statistics(
    State(state): State<WebState>,
    IdPath(id): IdPath<ElectionId>,
    ApiQuery(query): ApiQuery<StatisticsQuery>,
) -> Result<axum::Json<Document>, Problem> {
    let results = state.app.election_results(&id).await?;
    match query.region.as_deref() {
        None => json(&results.statistics),
        Some(code) => {
            let code = TerritoryCode::parse(code).map_err(|_| {
                Problem::bad_parameter("region", "code-format", "a KATO code of nine digits", &[])
            })?;
            let region = results
                .region(&code)
                .ok_or_else(|| Problem::not_found(Missing::ContestInRegion, &code))?;
            json(&region.statistics)
        }
    }
}

/// Which statistics.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatisticsQuery {
    /// A region's KATO code (nine digits): that region's statistics instead of the election's.
    #[param(pattern = "^[0-9]{9}$")]
    pub region: Option<String>,
}

/// An election's results as a NIST SP 1500-100 v2 `ElectionReport` (precinct level): a
/// `CandidateContest` per unit, vote counts per precinct and unit, OCD-style division ids.
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/results/nist", tag = "results",
    params(IdPath<ElectionId>),
    responses(
        (status = 200, description = "The NIST SP 1500-100 v2 election report", body = Document),
        BadId,
        (status = 404, description = "No such election", body = Problem),
    )
)]
pub async fn nist_results(
    State(state): State<WebState>,
    IdPath(id): IdPath<ElectionId>,
) -> Result<axum::Json<Document>, Problem> {
    let r = state.app.election_results(&id).await?;
    let now =
        jiff::Timestamp::from_millisecond(state.app.now_ms()).map_err(|e| Problem::internal(&e))?;
    Ok(axum::Json(Document(open_data::nist_results(&r, now))))
}

/// One row per precinct: region, number, OCD division, unit, the protocol's counts and one
/// column per candidate (`<unit>:<registration number>`); awaited precincts have empty counts.
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/results/precincts.csv", tag = "results",
    params(IdPath<ElectionId>),
    responses(
        (status = 200, description = "The precincts", body = String, content_type = "text/csv"),
        BadId,
        (status = 404, description = "No such election", body = Problem),
    )
)]
pub async fn precincts_csv(
    State(state): State<WebState>,
    IdPath(id): IdPath<ElectionId>,
) -> Result<Response, Problem> {
    let r = state.app.election_results(&id).await?;
    let text = open_data::precincts_csv(&r).map_err(|e| Problem::internal(&e))?;
    Ok(file(
        text,
        "text/csv; charset=utf-8",
        format!("{id}-precincts.csv"),
    ))
}

/// One row per unit and candidate: status, outcome, totals, votes, percent, deposit refund.
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/results/units.csv", tag = "results",
    params(IdPath<ElectionId>),
    responses(
        (status = 200, description = "The units", body = String, content_type = "text/csv"),
        BadId,
        (status = 404, description = "No such election", body = Problem),
    )
)]
pub async fn units_csv(
    State(state): State<WebState>,
    IdPath(id): IdPath<ElectionId>,
) -> Result<Response, Problem> {
    let r = state.app.election_results(&id).await?;
    let text = open_data::units_csv(&r).map_err(|e| Problem::internal(&e))?;
    Ok(file(
        text,
        "text/csv; charset=utf-8",
        format!("{id}-units.csv"),
    ))
}

/// The precincts' table of `precincts.csv` as an XLSX workbook (counts as numbers).
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/results/precincts.xlsx", tag = "results",
    params(IdPath<ElectionId>),
    responses(
        (status = 200, description = "The precincts", body = WorkbookFile, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        BadId,
        (status = 404, description = "No such election", body = Problem),
    )
)]
pub async fn precincts_xlsx(
    State(state): State<WebState>,
    IdPath(id): IdPath<ElectionId>,
) -> Result<Response, Problem> {
    let r = state.app.election_results(&id).await?;
    let bytes = tokio::task::spawn_blocking(move || open_data::precincts_xlsx(&r))
        .await
        .map_err(|e| Problem::internal(&e))?
        .map_err(|e| Problem::internal(&e))?;
    Ok(file(bytes, XLSX, format!("{id}-precincts.xlsx")))
}

/// The units' table of `units.csv` as an XLSX workbook (counts as numbers).
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/results/units.xlsx", tag = "results",
    params(IdPath<ElectionId>),
    responses(
        (status = 200, description = "The units", body = WorkbookFile, content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        BadId,
        (status = 404, description = "No such election", body = Problem),
    )
)]
pub async fn units_xlsx(
    State(state): State<WebState>,
    IdPath(id): IdPath<ElectionId>,
) -> Result<Response, Problem> {
    let r = state.app.election_results(&id).await?;
    let bytes = tokio::task::spawn_blocking(move || open_data::units_xlsx(&r))
        .await
        .map_err(|e| Problem::internal(&e))?
        .map_err(|e| Problem::internal(&e))?;
    Ok(file(bytes, XLSX, format!("{id}-units.xlsx")))
}

/// The whole ledger as a NIST SP 1500-101 v1 `ElectionEventLog`: one event per entry with its
/// index, time, command kind, issuing account and RFC 9162 leaf hash (no entry contents).
#[utoipa::path(
    get, path = "/api/ledger/nist-events", tag = "ledger",
    responses((status = 200, description = "The NIST SP 1500-101 event log", body = Document))
)]
pub async fn nist_events(State(state): State<WebState>) -> Result<axum::Json<Document>, Problem> {
    Ok(axum::Json(Document(state.app.nist_events().await?)))
}

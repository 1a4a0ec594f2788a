//! Precincts (polling stations): list by territory or region with paging, get, create, update.

use axum::extract::State;
use sailau_domain::{NewPrecinct, Precinct};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery, Writer, optional_u64};
use super::territories::storage;
use super::types::{Fields, LedgerPosition, all, path_precinct, query_territory};
use super::write::{Created, existing, write, written_body};
use crate::WebState;
use crate::problem::{Missing, Problem, WriteRefused};

/// A page holds at most this many precincts.
pub const MAX_LIMIT: u64 = 1000;
const DEFAULT_LIMIT: u64 = 100;

/// A precinct, named across the registry by its region and its number there.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PrecinctView {
    #[schema(example = "630000000")]
    /// The KATO code of the precinct's region.
    pub region_code: String,
    #[schema(example = 251)]
    /// The number, unique in the region.
    pub number: u32,
    /// The territory it belongs to.
    pub territory_code: String,
    /// The polling station's address.
    pub address: String,
    /// Voters on the list.
    pub voters: u32,
}

impl From<Precinct> for PrecinctView {
    fn from(p: Precinct) -> Self {
        PrecinctView {
            region_code: p.region_code.to_string(),
            number: p.number,
            territory_code: p.territory_code.to_string(),
            address: p.address,
            voters: p.voters,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A page of precincts.
pub struct PrecinctPage {
    /// The precincts, by region and number.
    pub items: Vec<PrecinctView>,
    /// The page size asked for.
    pub limit: u64,
    /// The offset of this page.
    pub offset: u64,
    /// The offset of the next page; null on the last page.
    pub next_offset: Option<u64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A precinct just created or changed, and where the change sits in the ledger.
pub struct PrecinctWritten {
    /// The precinct as saved.
    pub precinct: PrecinctView,
    /// Where the change sits in the ledger.
    pub ledger: LedgerPosition,
}

written_body!(PrecinctWritten { precinct: Precinct });

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
/// Which precincts to list.
pub struct PrecinctQuery {
    /// The precincts belonging directly to this territory.
    #[param(pattern = r"^[0-9]{9}$")]
    pub territory: Option<String>,
    /// All precincts of this region (used when `territory` is absent). Without either: all
    /// precincts, by region and number.
    #[param(pattern = r"^[0-9]{9}$")]
    pub region: Option<String>,
    /// At most 1000; 100 by default.
    #[serde(default, deserialize_with = "optional_u64")]
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u64>,
    #[serde(default, deserialize_with = "optional_u64")]
    #[param(minimum = 0, maximum = 9223372036854775807_i64)]
    /// How many to skip (0 by default).
    pub offset: Option<u64>,
}

/// Lists precincts by number, of a territory or of a whole region, a page at a time.
#[utoipa::path(
    get, path = "/api/v1/precincts", tag = "precincts",
    params(PrecinctQuery),
    responses(
        (status = 200, description = "A page of precincts", body = PrecinctPage),
        (status = 400, description = "A malformed parameter", body = Problem),
        (status = 404, description = "No such territory", body = Problem),
    )
)]
pub async fn list_precincts(
    State(state): State<WebState>,
    ApiQuery(query): ApiQuery<PrecinctQuery>,
) -> Result<axum::Json<PrecinctPage>, Problem> {
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(Problem::bad_parameter(
            "limit",
            "limit-out-of-range",
            format!("a whole number from 1 to {MAX_LIMIT}"),
            &[("max", MAX_LIMIT.to_string())],
        ));
    }
    let offset = query.offset.unwrap_or(0);
    let code = query_territory;
    let store = state.app.store();
    let items = match (&query.territory, &query.region) {
        (Some(t), _) => {
            let t = code("territory", t)?;
            if store.territory(&t).await.map_err(storage)?.is_none() {
                return Err(Problem::not_found(Missing::Territory, t));
            }
            let all = store.precincts_of(&t).await.map_err(storage)?;
            all.into_iter()
                .skip(usize::try_from(offset).unwrap_or(usize::MAX))
                .take(usize::try_from(limit).unwrap_or(0))
                .collect::<Vec<_>>()
        }
        (None, Some(r)) => {
            let r = code("region", r)?;
            if store.territory(&r).await.map_err(storage)?.is_none() {
                return Err(Problem::not_found(Missing::Territory, r));
            }
            // Beyond u32 there are no precincts (at most 99,999 per region).
            match u32::try_from(offset) {
                Ok(o) => store
                    .precincts_in_region(&r, u32::try_from(limit).unwrap_or(1000), o)
                    .await
                    .map_err(storage)?,
                Err(_) => Vec::new(),
            }
        }
        (None, None) => match u32::try_from(offset) {
            Ok(o) => store
                .precincts_page(u32::try_from(limit).unwrap_or(1000), o)
                .await
                .map_err(storage)?,
            Err(_) => Vec::new(),
        },
    };
    let next_offset = (items.len() as u64 == limit).then(|| offset.saturating_add(limit));
    Ok(axum::Json(PrecinctPage {
        items: items.into_iter().map(PrecinctView::from).collect(),
        limit,
        offset,
        next_offset,
    }))
}

/// One precinct.
#[utoipa::path(
    get, path = "/api/v1/precincts/{region}/{number}", tag = "precincts",
    params(
        ("region" = String, Path, pattern = r"^[0-9]{9}$", description = "The KATO code of the precinct's region"),
        ("number" = u32, Path, minimum = 1, maximum = 99999, description = "The precinct's number in its region"),
    ),
    responses(
        (status = 200, description = "The precinct", body = PrecinctView),
        (status = 400, description = "A malformed region or number", body = Problem),
        (status = 404, description = "No such precinct", body = Problem),
    )
)]
pub async fn get_precinct(
    State(state): State<WebState>,
    ApiPath((region, number)): ApiPath<(String, String)>,
) -> Result<axum::Json<PrecinctView>, Problem> {
    let r = path_precinct(&region, &number)?;
    let p = state
        .app
        .store()
        .precinct(&r)
        .await
        .map_err(storage)?
        .ok_or_else(|| Problem::not_found(Missing::Precinct, r))?;
    Ok(axum::Json(p.into()))
}

/// A new precinct.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPrecinctBody {
    /// 1 to 99,999, unique within the region.
    #[schema(example = 251)]
    pub number: u32,
    /// The territory it belongs to (not a whole region).
    pub territory_code: String,
    /// The polling station's address (at most 500 characters).
    pub address: String,
    /// Voters on the list, 0 to 100,000.
    pub voters: u32,
}

/// Creates a precinct (recorded in the ledger).
#[utoipa::path(
    post, path = "/api/v1/precincts", tag = "precincts",
    request_body = NewPrecinctBody,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = PrecinctWritten,
            headers(("location" = String, description = "The new precinct's URL"))),
        WriteRefused,
    )
)]
pub async fn create_precinct(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewPrecinctBody>,
) -> Result<Created<PrecinctWritten>, Problem> {
    let mut f = Fields::new();
    let territory_code = f.territory_code("territory_code", &body.territory_code);
    f.finish()?;
    let precinct = NewPrecinct {
        number: body.number,
        territory_code: all(territory_code)?,
        address: body.address,
        voters: body.voters,
    };
    let (territory, number) = (precinct.territory_code.clone(), precinct.number);
    let command = sailau_domain::registry::CreatePrecinct { precinct };
    let written = write(&state, &writer, command, async |s| {
        let precincts = s.precincts_of(&territory).await?;
        Ok(precincts.into_iter().find(|p| p.number == number))
    })
    .await?;
    let location = format!(
        "/api/v1/precincts/{}/{}",
        written.saved.region_code, written.saved.number
    );
    written.created(location)
}

/// A precinct's address and voters.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PrecinctUpdate {
    /// The polling station's address (at most 500 characters).
    pub address: String,
    /// Voters on the list, 0 to 100,000.
    pub voters: u32,
}

/// Updates a precinct's address and voters (recorded in the ledger).
#[utoipa::path(
    put, path = "/api/v1/precincts/{region}/{number}", tag = "precincts",
    params(
        ("region" = String, Path, pattern = r"^[0-9]{9}$", description = "The KATO code of the precinct's region"),
        ("number" = u32, Path, minimum = 1, maximum = 99999, description = "The precinct's number in its region"),
    ),
    request_body = PrecinctUpdate,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Updated", body = PrecinctWritten),
        WriteRefused,
        (status = 404, description = "No such precinct", body = Problem),
    )
)]
pub async fn update_precinct(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath((region, number)): ApiPath<(String, String)>,
    ApiJson(body): ApiJson<PrecinctUpdate>,
) -> Result<axum::Json<PrecinctWritten>, Problem> {
    let r = path_precinct(&region, &number)?;
    existing(&state, Missing::Precinct, &r, async |s| {
        s.precinct(&r).await
    })
    .await?;
    let command = sailau_domain::registry::UpdatePrecinct {
        precinct: r.clone(),
        address: body.address,
        voters: body.voters,
    };
    write(&state, &writer, command, async |s| s.precinct(&r).await)
        .await?
        .ok()
}

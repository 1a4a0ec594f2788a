//! Parties and their branches: list, get with branches, create, update; create a branch.

use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use sailau_domain::{Branch, Party};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, Writer};
use super::territories::storage;
use super::types::{Fields, LedgerPosition, all, path_party};
use crate::WebState;
use crate::problem::Problem;

/// A registered political party.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartyView {
    #[schema(example = "amanat")]
    pub code: String,
    /// Official full name in Russian.
    pub name_ru: String,
    /// Official full name in Kazakh.
    pub name_kk: String,
    /// May be empty.
    pub name_en: String,
    #[schema(example = "AMANAT")]
    pub short_name: String,
}

impl From<Party> for PartyView {
    fn from(p: Party) -> Self {
        PartyView {
            code: p.code.to_string(),
            name_ru: p.name_ru,
            name_kk: p.name_kk,
            name_en: p.name_en,
            short_name: p.short_name,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartyList {
    pub items: Vec<PartyView>,
}

/// A party's branch on a territory.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BranchView {
    pub party_code: String,
    pub territory_code: String,
}

impl From<Branch> for BranchView {
    fn from(b: Branch) -> Self {
        BranchView {
            party_code: b.party_code.to_string(),
            territory_code: b.territory_code.to_string(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartyDetail {
    pub party: PartyView,
    /// By territory code.
    pub branches: Vec<BranchView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartyWritten {
    pub party: PartyView,
    pub ledger: LedgerPosition,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BranchWritten {
    pub branch: BranchView,
    pub ledger: LedgerPosition,
}

/// Lists the parties by code.
#[utoipa::path(
    get, path = "/api/v1/parties", tag = "parties",
    responses((status = 200, description = "The parties", body = PartyList))
)]
pub async fn list_parties(State(state): State<WebState>) -> Result<axum::Json<PartyList>, Problem> {
    let parties = state.app.store().parties().await.map_err(storage)?;
    Ok(axum::Json(PartyList {
        items: parties.into_iter().map(PartyView::from).collect(),
    }))
}

/// One party with its branches.
#[utoipa::path(
    get, path = "/api/v1/parties/{code}", tag = "parties",
    params(("code" = String, Path, pattern = r"^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", description = "The party's code")),
    responses(
        (status = 200, description = "The party", body = PartyDetail),
        (status = 400, description = "A malformed code", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such party", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_party(
    State(state): State<WebState>,
    ApiPath(code): ApiPath<String>,
) -> Result<axum::Json<PartyDetail>, Problem> {
    let code = path_party(&code)?;
    let store = state.app.store();
    let party = store
        .party(&code)
        .await
        .map_err(storage)?
        .ok_or_else(|| Problem::not_found(format!("party {code}")))?;
    let branches = store.branches_of(&code).await.map_err(storage)?;
    Ok(axum::Json(PartyDetail {
        party: party.into(),
        branches: branches.into_iter().map(BranchView::from).collect(),
    }))
}

/// A new party.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewParty {
    /// 2–32 lowercase Latin letters, digits or hyphens.
    #[schema(example = "amanat")]
    pub code: String,
    pub name_ru: String,
    pub name_kk: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub short_name: String,
}

/// Registers a party (recorded in the ledger).
#[utoipa::path(
    post, path = "/api/v1/parties", tag = "parties",
    request_body = NewParty,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = PartyWritten,
            headers(("location" = String, description = "The new party's URL"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rules broken", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_party(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewParty>,
) -> Result<impl IntoResponse, Problem> {
    let mut f = Fields::new();
    let code = f.party_code("code", &body.code);
    f.finish()?;
    let party = Party {
        code: all(code)?,
        name_ru: body.name_ru,
        name_kk: body.name_kk,
        name_en: body.name_en.unwrap_or_default(),
        short_name: body.short_name,
    };
    let code = party.code.clone();
    let applied = state
        .app
        .execute(
            &writer.acting(),
            sailau_domain::registry::CreateParty { party },
        )
        .await?;
    let saved = saved_party(&state, &code).await?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/parties/{code}"))],
        axum::Json(PartyWritten {
            party: saved.into(),
            ledger: applied.into(),
        }),
    ))
}

async fn saved_party(state: &WebState, code: &sailau_domain::PartyCode) -> Result<Party, Problem> {
    state
        .app
        .store()
        .party(code)
        .await
        .map_err(storage)?
        .ok_or_else(|| Problem::internal(&"a written party is missing"))
}

/// 404 unless the party exists.
async fn existing_party(state: &WebState, code: &sailau_domain::PartyCode) -> Result<(), Problem> {
    if state
        .app
        .store()
        .party(code)
        .await
        .map_err(storage)?
        .is_none()
    {
        return Err(Problem::not_found(format!("party {code}")));
    }
    Ok(())
}

/// A party's names.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyNames {
    pub name_ru: String,
    pub name_kk: String,
    #[serde(default)]
    pub name_en: Option<String>,
    pub short_name: String,
}

/// Updates a party's names (recorded in the ledger).
#[utoipa::path(
    put, path = "/api/v1/parties/{code}", tag = "parties",
    params(("code" = String, Path, pattern = r"^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", description = "The party's code")),
    request_body = PartyNames,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Updated", body = PartyWritten),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role or scope does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such party", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rules broken", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn update_party(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(code): ApiPath<String>,
    ApiJson(body): ApiJson<PartyNames>,
) -> Result<axum::Json<PartyWritten>, Problem> {
    let code = path_party(&code)?;
    existing_party(&state, &code).await?;
    let party = Party {
        code: code.clone(),
        name_ru: body.name_ru,
        name_kk: body.name_kk,
        name_en: body.name_en.unwrap_or_default(),
        short_name: body.short_name,
    };
    let applied = state
        .app
        .execute(
            &writer.acting(),
            sailau_domain::registry::UpdateParty { party },
        )
        .await?;
    let saved = saved_party(&state, &code).await?;
    Ok(axum::Json(PartyWritten {
        party: saved.into(),
        ledger: applied.into(),
    }))
}

/// A new branch of a party.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewBranch {
    /// The territory the branch works on.
    pub territory_code: String,
}

/// Opens a branch of a party on a territory (recorded in the ledger).
#[utoipa::path(
    post, path = "/api/v1/parties/{code}/branches", tag = "parties",
    params(("code" = String, Path, pattern = r"^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", description = "The party's code")),
    request_body = NewBranch,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = BranchWritten),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role or scope does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such party", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rules broken", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_branch(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(code): ApiPath<String>,
    ApiJson(body): ApiJson<NewBranch>,
) -> Result<impl IntoResponse, Problem> {
    let party_code = path_party(&code)?;
    existing_party(&state, &party_code).await?;
    let mut f = Fields::new();
    let territory_code = f.territory_code("territory_code", &body.territory_code);
    f.finish()?;
    let branch = Branch {
        party_code,
        territory_code: all(territory_code)?,
    };
    let applied = state
        .app
        .execute(
            &writer.acting(),
            sailau_domain::registry::CreateBranch {
                branch: branch.clone(),
            },
        )
        .await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(BranchWritten {
            branch: branch.into(),
            ledger: applied.into(),
        }),
    ))
}

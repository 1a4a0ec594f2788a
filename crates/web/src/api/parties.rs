//! Parties and their branches: list, get with branches, create, update; create a branch.

use axum::extract::State;
use sailau_domain::{Branch, Party};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, Writer};
use super::territories::storage;
use super::types::{Fields, LedgerPosition, all, path_party};
use super::write::{Created, Written, existing, write, written_body};
use crate::WebState;
use crate::problem::{Missing, Problem, WriteRefused};

/// A registered political party.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PartyView {
    #[schema(example = "amanat")]
    /// 2–32 lowercase Latin letters, digits or hyphens.
    pub code: String,
    /// Official full name in Russian.
    pub name_ru: String,
    /// Official full name in Kazakh.
    pub name_kk: String,
    /// May be empty.
    pub name_en: String,
    #[schema(example = "AMANAT")]
    /// The short name the ballot and the press use.
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
/// The parties, by code.
pub struct PartyList {
    /// The parties.
    pub items: Vec<PartyView>,
}

/// A party's branch on a territory.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BranchView {
    /// The party's code.
    pub party_code: String,
    /// The territory the branch works on (a KATO code).
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
/// A party with its branches.
pub struct PartyDetail {
    /// The party.
    pub party: PartyView,
    /// By territory code.
    pub branches: Vec<BranchView>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A party just registered or changed, and where the change sits in the ledger.
pub struct PartyWritten {
    /// The party as saved.
    pub party: PartyView,
    /// Where the change sits in the ledger.
    pub ledger: LedgerPosition,
}

written_body!(PartyWritten { party: Party });

/// A branch just opened, and where the change sits in the ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct BranchWritten {
    /// The branch.
    pub branch: BranchView,
    /// Where the change sits in the ledger.
    pub ledger: LedgerPosition,
}

written_body!(BranchWritten { branch: Branch });

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
        (status = 400, description = "A malformed code", body = Problem),
        (status = 404, description = "No such party", body = Problem),
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
        .ok_or_else(|| Problem::not_found(Missing::Party, &code))?;
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
    /// Official full name in Russian.
    pub name_ru: String,
    /// Official full name in Kazakh.
    pub name_kk: String,
    #[serde(default)]
    /// Name in English (empty by default).
    pub name_en: Option<String>,
    /// The short name the ballot and the press use.
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
        WriteRefused,
    )
)]
pub async fn create_party(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewParty>,
) -> Result<Created<PartyWritten>, Problem> {
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
    let command = sailau_domain::registry::CreateParty { party };
    write(&state, &writer, command, async |s| s.party(&code).await)
        .await?
        .created(format!("/api/v1/parties/{code}"))
}

/// 404 unless the party exists.
async fn existing_party(state: &WebState, code: &sailau_domain::PartyCode) -> Result<(), Problem> {
    existing(state, Missing::Party, &code, async |s| s.party(code).await).await?;
    Ok(())
}

/// A party's names.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PartyNames {
    /// Official full name in Russian.
    pub name_ru: String,
    /// Official full name in Kazakh.
    pub name_kk: String,
    #[serde(default)]
    /// Name in English (empty by default).
    pub name_en: Option<String>,
    /// The short name the ballot and the press use.
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
        WriteRefused,
        (status = 404, description = "No such party", body = Problem),
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
    let command = sailau_domain::registry::UpdateParty { party };
    write(&state, &writer, command, async |s| s.party(&code).await)
        .await?
        .ok()
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
        WriteRefused,
        (status = 404, description = "No such party", body = Problem),
    )
)]
pub async fn create_branch(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(code): ApiPath<String>,
    ApiJson(body): ApiJson<NewBranch>,
) -> Result<Created<BranchWritten>, Problem> {
    let party_code = path_party(&code)?;
    existing_party(&state, &party_code).await?;
    let mut f = Fields::new();
    let territory_code = f.territory_code("territory_code", &body.territory_code);
    f.finish()?;
    let branch = Branch {
        party_code,
        territory_code: all(territory_code)?,
    };
    let command = sailau_domain::registry::CreateBranch {
        branch: branch.clone(),
    };
    let applied = state.app.execute(&writer.acting(), command).await?;
    Written {
        saved: branch,
        ledger: applied.into(),
    }
    .created_here()
}

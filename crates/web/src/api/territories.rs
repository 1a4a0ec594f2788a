//! Territories: list (children of a parent, or a search), one with its ancestors and figures,
//! create, rename.

use axum::extract::State;
use sailau_domain::{Names, Territory, TerritoryKind};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery, Writer, optional_text};
use super::types::{Fields, LedgerPosition, TerritoryKindName, all, path_territory};
use super::write::{Created, existing, write, written_body};
use crate::WebState;
use crate::problem::{Missing, Problem, WriteRefused};

/// Searches return at most this many territories.
const SEARCH_LIMIT: u32 = 100;

/// A territory: an administrative-territorial unit identified by its 9-digit KATO code.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TerritoryView {
    #[schema(example = "631010000")]
    /// The 9-digit KATO code.
    pub code: String,
    /// The parent's code; null for regions and cities of republican significance.
    pub parent_code: Option<String>,
    /// The kind.
    pub kind: TerritoryKindName,
    /// The name in Russian.
    pub name_ru: String,
    /// The name in Kazakh.
    pub name_kk: String,
    /// May be empty.
    pub name_en: String,
}

impl From<Territory> for TerritoryView {
    fn from(t: Territory) -> Self {
        TerritoryView {
            code: t.code.to_string(),
            parent_code: t.parent_code.map(|c| c.to_string()),
            kind: t.kind.into(),
            name_ru: t.names.ru,
            name_kk: t.names.kk,
            name_en: t.names.en,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// Territories, by Russian name.
pub struct TerritoryList {
    /// The territories.
    pub items: Vec<TerritoryView>,
}

/// Figures for a territory and everything under it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TerritoryStatsView {
    /// Precincts in the subtree.
    pub precincts: u64,
    /// Voters on the lists of those precincts.
    pub voters: u64,
    /// Direct children.
    pub children: u64,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A territory with its ancestors, children and figures.
pub struct TerritoryDetail {
    /// The territory.
    pub territory: TerritoryView,
    /// From the region down to the parent.
    pub ancestors: Vec<TerritoryView>,
    /// Its direct children, by Russian name.
    pub children: Vec<TerritoryView>,
    /// Figures of its subtree.
    pub stats: TerritoryStatsView,
}

/// A territory just created or renamed, and where the change sits in the ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TerritoryWritten {
    /// The territory as saved.
    pub territory: TerritoryView,
    /// Where the change sits in the ledger.
    pub ledger: LedgerPosition,
}

written_body!(TerritoryWritten {
    territory: Territory
});

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
/// Which territories to list.
pub struct TerritoryQuery {
    /// The parent whose children to list (regions and republican cities when absent).
    #[param(pattern = r"^[0-9]{9}$")]
    pub parent: Option<String>,
    /// Search: a code prefix or part of a name in any language (case-insensitive). Overrides `parent`.
    #[serde(default, deserialize_with = "optional_text")]
    pub q: Option<String>,
}

/// Lists territories: the children of `parent` (top-level ones without it), or those matching `q`.
#[utoipa::path(
    get, path = "/api/v1/territories", tag = "territories",
    params(TerritoryQuery),
    responses(
        (status = 200, description = "The territories, by Russian name", body = TerritoryList),
        (status = 400, description = "A malformed parameter", body = Problem),
        (status = 404, description = "No territory has the parent code", body = Problem),
    )
)]
pub async fn list_territories(
    State(state): State<WebState>,
    ApiQuery(query): ApiQuery<TerritoryQuery>,
) -> Result<axum::Json<TerritoryList>, Problem> {
    let store = state.app.store();
    // A malformed parent is refused even when `q` makes it unused.
    let parent = match &query.parent {
        Some(p) => Some(super::types::query_territory("parent", p)?),
        None => None,
    };
    let items = if let Some(q) = &query.q {
        store.search_territories(q, SEARCH_LIMIT).await
    } else if let Some(parent) = &parent {
        if store.territory(parent).await.map_err(storage)?.is_none() {
            return Err(Problem::not_found(Missing::Territory, parent));
        }
        store.territory_children(Some(parent)).await
    } else {
        store.territory_children(None).await
    }
    .map_err(storage)?;
    Ok(axum::Json(TerritoryList {
        items: items.into_iter().map(TerritoryView::from).collect(),
    }))
}

pub(crate) fn storage(e: sailau_app::storage::StorageError) -> Problem {
    Problem::from(sailau_app::AppError::from(e))
}

/// One territory with its ancestors, its children and the figures of its subtree.
#[utoipa::path(
    get, path = "/api/v1/territories/{code}", tag = "territories",
    params(("code" = String, Path, pattern = r"^[0-9]{9}$", description = "The 9-digit KATO code")),
    responses(
        (status = 200, description = "The territory", body = TerritoryDetail),
        (status = 400, description = "A malformed code", body = Problem),
        (status = 404, description = "No such territory", body = Problem),
    )
)]
pub async fn get_territory(
    State(state): State<WebState>,
    ApiPath(code): ApiPath<String>,
) -> Result<axum::Json<TerritoryDetail>, Problem> {
    let code = path_territory(&code)?;
    let store = state.app.store();
    let territory = store
        .territory(&code)
        .await
        .map_err(storage)?
        .ok_or_else(|| Problem::not_found(Missing::Territory, &code))?;
    let ancestors = store.territory_ancestors(&code).await.map_err(storage)?;
    let children = store
        .territory_children(Some(&code))
        .await
        .map_err(storage)?;
    let stats = store.territory_stats(&code).await.map_err(storage)?;
    Ok(axum::Json(TerritoryDetail {
        territory: territory.into(),
        ancestors: ancestors.into_iter().map(TerritoryView::from).collect(),
        children: children.into_iter().map(TerritoryView::from).collect(),
        stats: TerritoryStatsView {
            precincts: stats.precincts,
            voters: stats.voters,
            children: stats.children,
        },
    }))
}

/// A new territory.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewTerritory {
    /// 9 digits, not yet in the registry.
    #[schema(example = "631010000")]
    pub code: String,
    /// The parent's code; omit (or null) for a region or a city of republican significance.
    #[serde(default)]
    pub parent_code: Option<String>,
    #[schema(value_type = TerritoryKindName)]
    /// The kind; it must fit under the parent.
    pub kind: String,
    /// The name in Russian (required).
    pub name_ru: String,
    /// The name in Kazakh (required).
    pub name_kk: String,
    #[serde(default)]
    /// The name in English (empty by default).
    pub name_en: Option<String>,
}

/// Creates a territory (recorded in the ledger).
#[utoipa::path(
    post, path = "/api/v1/territories", tag = "territories",
    request_body = NewTerritory,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Created", body = TerritoryWritten,
            headers(("location" = String, description = "The new territory's URL"))),
        WriteRefused,
    )
)]
pub async fn create_territory(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewTerritory>,
) -> Result<Created<TerritoryWritten>, Problem> {
    let mut f = Fields::new();
    let code = f.territory_code("code", &body.code);
    let parent_code = match body.parent_code.as_deref().map(str::trim) {
        None | Some("") => Some(None),
        Some(p) => f.territory_code("parent_code", p).map(Some),
    };
    let kind = f.take("kind", body.kind.parse::<TerritoryKind>());
    f.finish()?;
    let territory = Territory {
        code: all(code)?,
        parent_code: all(parent_code)?,
        kind: all(kind)?,
        names: Names {
            ru: body.name_ru,
            kk: body.name_kk,
            en: body.name_en.unwrap_or_default(),
        },
    };
    let code = territory.code.clone();
    let command = sailau_domain::registry::CreateTerritory { territory };
    write(&state, &writer, command, async |s| s.territory(&code).await)
        .await?
        .created(format!("/api/v1/territories/{code}"))
}

/// A territory's names.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TerritoryNames {
    /// The name in Russian (required).
    pub name_ru: String,
    /// The name in Kazakh (required).
    pub name_kk: String,
    #[serde(default)]
    /// The name in English (empty by default).
    pub name_en: Option<String>,
}

/// Renames a territory (recorded in the ledger).
#[utoipa::path(
    put, path = "/api/v1/territories/{code}/names", tag = "territories",
    params(("code" = String, Path, pattern = r"^[0-9]{9}$", description = "The 9-digit KATO code")),
    request_body = TerritoryNames,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Renamed", body = TerritoryWritten),
        WriteRefused,
        (status = 404, description = "No such territory", body = Problem),
    )
)]
pub async fn rename_territory(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(code): ApiPath<String>,
    ApiJson(body): ApiJson<TerritoryNames>,
) -> Result<axum::Json<TerritoryWritten>, Problem> {
    let code = path_territory(&code)?;
    existing(&state, Missing::Territory, &code, async |s| {
        s.territory(&code).await
    })
    .await?;
    let command = sailau_domain::registry::RenameTerritory {
        code: code.clone(),
        names: Names {
            ru: body.name_ru,
            kk: body.name_kk,
            en: body.name_en.unwrap_or_default(),
        },
    };
    write(&state, &writer, command, async |s| s.territory(&code).await)
        .await?
        .ok()
}

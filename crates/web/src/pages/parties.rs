//! Parties and their branches, and the form to add a branch.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use sailau_domain::{Branch, CommandKind, Party, PartyCode, Rule, Scope, Target, TerritoryCode};

use super::forms::see_other;
use super::territories::execute;
use super::{Fail, FormState, Page, PageCtx, check_form, form_map, may};
use crate::WebState;

pub struct PartyRow {
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub branches: usize,
}

#[derive(Template)]
#[template(path = "parties.html")]
struct IndexPage {
    ctx: PageCtx,
    parties: Vec<PartyRow>,
}

pub async fn index(page: Page, State(state): State<WebState>) -> Response {
    page.answer(async {
        let store = state.app.store();
        let mut parties = Vec::new();
        for p in store.parties().await? {
            let branches = store.branches_of(&p.code).await?.len();
            parties.push(PartyRow {
                code: p.code.to_string(),
                name: p.name(page.ctx.lang).to_owned(),
                short_name: p.short_name.clone(),
                branches,
            });
        }
        Ok(page.render(
            StatusCode::OK,
            &IndexPage {
                ctx: page.ctx.clone(),
                parties,
            },
        ))
    })
    .await
}

/// A branch as the party page lists it.
pub struct BranchRow {
    pub territory: String,
    pub name: String,
    pub kind: String,
}

#[derive(Template)]
#[template(path = "party.html")]
struct ShowPage {
    ctx: PageCtx,
    party: Party,
    name: String,
    branches: Vec<BranchRow>,
    form: Option<FormState>,
    saved: Option<u64>,
}

const FIELDS: &[&str] = &["territory_code"];
const LABELS: &[(&str, &str)] = &[("territory_code", "branch-territory")];

pub async fn show(
    page: Page,
    State(state): State<WebState>,
    Path(code): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let code = PartyCode::parse(&code).map_err(|_| Fail::NotFound)?;
        show_page(
            &page,
            &state,
            &code,
            None,
            super::saved_index(&query),
            StatusCode::OK,
        )
        .await
    })
    .await
}

async fn show_page(
    page: &Page,
    state: &WebState,
    code: &PartyCode,
    form: Option<FormState>,
    saved: Option<u64>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let store = state.app.store();
    let party = store.party(code).await?.ok_or(Fail::NotFound)?;
    let mut branches = Vec::new();
    for b in store.branches_of(code).await? {
        let t = store.territory(&b.territory_code).await?;
        branches.push(BranchRow {
            territory: b.territory_code.to_string(),
            name: t
                .as_ref()
                .map(|t| ctx.name_of(&t.names).to_owned())
                .unwrap_or_default(),
            kind: t
                .as_ref()
                .map(|t| ctx.kind_name(&t.kind))
                .unwrap_or_default(),
        });
    }
    // A secretary of a branch subtree may add branches within it: ask about that subtree.
    let mut target = Target {
        party: Some(code.clone()),
        ..Target::default()
    };
    if let Some(Scope::Party {
        territory: Some(t), ..
    }) = page.principal().map(|p| &p.scope)
    {
        let mut path: Vec<TerritoryCode> = store
            .territory_ancestors(t)
            .await?
            .into_iter()
            .map(|a| a.code)
            .collect();
        path.push(t.clone());
        target.territory_path = path;
    }
    let form = may(page.principal(), CommandKind::CreateBranch, &target)
        .then(|| form.unwrap_or_else(|| FormState::new(FIELDS).labelled(LABELS)));
    Ok(page.render(
        status,
        &ShowPage {
            ctx: ctx.clone(),
            name: party.name(ctx.lang).to_owned(),
            party,
            branches,
            form,
            saved,
        },
    ))
}

/// POST /parties/{code}/branches
pub async fn add_branch(
    page: Page,
    State(state): State<WebState>,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let code = PartyCode::parse(&code).map_err(|_| Fail::NotFound)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        state
            .app
            .store()
            .party(&code)
            .await?
            .ok_or(Fail::NotFound)?;
        let mut form = FormState::filled(FIELDS, &values).labelled(LABELS);
        let raw = values
            .get("territory_code")
            .map(String::as_str)
            .unwrap_or("");
        let territory = match TerritoryCode::parse(raw) {
            Ok(t) => t,
            Err(rule) => {
                let rule = if raw.trim().is_empty() {
                    Rule::FieldRequired
                } else {
                    rule
                };
                form.push("territory_code", page.ctx.rule(&rule));
                return show_page(
                    &page,
                    &state,
                    &code,
                    Some(form),
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        };
        let command = sailau_domain::registry::CreateBranch {
            branch: Branch {
                party_code: code.clone(),
                territory_code: territory,
            },
        }
        .into();
        match execute(&page, &state, command).await? {
            Ok(index) => Ok(see_other(&format!(
                "/parties/{code}?saved={index}#branches"
            ))),
            Err(errors) => {
                form.absorb(&page.ctx, &errors);
                show_page(
                    &page,
                    &state,
                    &code,
                    Some(form),
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        }
    })
    .await
}

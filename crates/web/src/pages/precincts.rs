//! Precincts (polling stations): by region, one precinct, and the form to correct its address and
//! voters.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use sailau_domain::{CommandKind, PrecinctRef, Rule, Target, TerritoryCode};

use super::forms::see_other;
use super::territories::{PrecinctRow, execute, number_field};
use super::{Fail, FormState, Page, PageCtx, check_form, code_of, form_map, may};
use crate::WebState;

/// Precincts per page of a region's list.
const PAGE_SIZE: u32 = 100;

/// A region in the overview.
pub struct RegionRow {
    pub code: String,
    pub name: String,
    pub precincts: u64,
    pub voters: u64,
}

#[derive(Template)]
#[template(path = "precincts.html")]
struct IndexPage {
    ctx: PageCtx,
    regions: Vec<RegionRow>,
    /// The region shown, when one is chosen.
    region: Option<RegionRow>,
    precincts: Vec<PrecinctRow>,
    page: u32,
    pages: u32,
    total_precincts: u64,
    total_voters: u64,
}

impl IndexPage {
    fn page_href(&self, page: impl std::borrow::Borrow<u32>) -> String {
        let page = page.borrow();
        match &self.region {
            Some(r) => format!("/precincts?region={}&page={page}", r.code),
            None => format!("/precincts?page={page}"),
        }
    }

    fn page_position(&self) -> String {
        self.ctx.tr_args(
            "pager-position",
            &[
                ("page", self.page.to_string()),
                ("pages", self.pages.to_string()),
            ],
        )
    }
}

pub async fn index(
    page: Page,
    State(state): State<WebState>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let ctx = &page.ctx;
        let store = state.app.store();
        let territories = store.territories().await?;
        let names: HashMap<String, String> = territories
            .iter()
            .map(|t| (t.code.to_string(), ctx.name_of(&t.names).to_owned()))
            .collect();
        let mut regions = Vec::new();
        for t in territories.iter().filter(|t| t.parent_code.is_none()) {
            let stats = store.territory_stats(&t.code).await?;
            regions.push(RegionRow {
                code: t.code.to_string(),
                name: ctx.name_of(&t.names).to_owned(),
                precincts: stats.precincts,
                voters: stats.voters,
            });
        }
        let total_precincts = regions.iter().map(|r| r.precincts).sum();
        let total_voters = regions.iter().map(|r| r.voters).sum();
        let chosen = match query
            .get("region")
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
        {
            Some(code) => {
                let code = TerritoryCode::parse(code).map_err(|_| Fail::NotFound)?;
                Some(
                    regions
                        .iter()
                        .find(|r| r.code == code.as_str())
                        .map(|r| RegionRow {
                            code: r.code.clone(),
                            name: r.name.clone(),
                            precincts: r.precincts,
                            voters: r.voters,
                        })
                        .ok_or(Fail::NotFound)?,
                )
            }
            None => None,
        };
        let mut page_no = query
            .get("page")
            .and_then(|p| p.parse::<u32>().ok())
            .unwrap_or(1)
            .max(1);
        let mut pages = 1;
        let mut precincts = Vec::new();
        if let Some(r) = &chosen {
            pages = u32::try_from(r.precincts.div_ceil(u64::from(PAGE_SIZE)))
                .unwrap_or(u32::MAX)
                .max(1);
            page_no = page_no.min(pages);
            let code = code_of(&r.code)?;
            for p in store
                .precincts_in_region(&code, PAGE_SIZE, (page_no - 1) * PAGE_SIZE)
                .await?
            {
                let name = names
                    .get(p.territory_code.as_str())
                    .cloned()
                    .unwrap_or_default();
                precincts.push(PrecinctRow::of(&p, name));
            }
        }
        Ok(page.render(
            StatusCode::OK,
            &IndexPage {
                ctx: ctx.clone(),
                regions,
                region: chosen,
                precincts,
                page: page_no,
                pages,
                total_precincts,
                total_voters,
            },
        ))
    })
    .await
}

// ---------------------------------------------------------------- one precinct

#[derive(Template)]
#[template(path = "precinct.html")]
struct ShowPage {
    ctx: PageCtx,
    precinct: PrecinctRow,
    region_name: String,
    /// Breadcrumbs: the territory's ancestry down to the precinct's territory, (code, name).
    crumbs: Vec<(String, String)>,
    form: Option<FormState>,
    saved: Option<u64>,
}

const FIELDS: &[&str] = &["address", "voters"];

fn reference(region: &str, number: &str) -> Result<PrecinctRef, Fail> {
    PrecinctRef::parse(&format!("{region}/{number}")).map_err(|_| Fail::NotFound)
}

pub async fn show(
    page: Page,
    State(state): State<WebState>,
    Path((region, number)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let r = reference(&region, &number)?;
        show_page(
            &page,
            &state,
            &r,
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
    r: &PrecinctRef,
    form: Option<FormState>,
    saved: Option<u64>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let store = state.app.store();
    let p = store.precinct(r).await?.ok_or(Fail::NotFound)?;
    let mut chain = store.territory_ancestors(&p.territory_code).await?;
    if let Some(t) = store.territory(&p.territory_code).await? {
        chain.push(t);
    }
    let region_name = chain
        .first()
        .map(|t| ctx.name_of(&t.names).to_owned())
        .unwrap_or_default();
    let territory_name = chain
        .last()
        .map(|t| ctx.name_of(&t.names).to_owned())
        .unwrap_or_default();
    let target = Target {
        territory_path: chain.iter().map(|t| t.code.clone()).collect(),
        precinct: Some(r.clone()),
        ..Target::default()
    };
    let form = may(page.principal(), CommandKind::UpdatePrecinct, &target).then(|| {
        form.unwrap_or_else(|| {
            let mut f = FormState::new(FIELDS);
            f.set("address", p.address.clone());
            f.set("voters", p.voters.to_string());
            f
        })
    });
    Ok(page.render(
        status,
        &ShowPage {
            ctx: ctx.clone(),
            precinct: PrecinctRow::of(&p, territory_name),
            region_name,
            crumbs: chain
                .iter()
                .map(|t| (t.code.to_string(), ctx.name_of(&t.names).to_owned()))
                .collect(),
            form,
            saved,
        },
    ))
}

/// POST /precincts/{region}/{number}: new address and voters.
pub async fn update(
    page: Page,
    State(state): State<WebState>,
    Path((region, number)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let r = reference(&region, &number)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        state
            .app
            .store()
            .precinct(&r)
            .await?
            .ok_or(Fail::NotFound)?;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("");
        let mut form = FormState::filled(FIELDS, &values);
        let voters = number_field(
            &page.ctx,
            &mut form,
            "voters",
            get("voters"),
            Rule::VotersOutOfRange {
                max: sailau_domain::precinct::MAX_VOTERS,
            },
        );
        let Some(voters) = voters else {
            // The address is checked too, so that both errors show at once.
            let current = state.app.store().precinct(&r).await?;
            if let Err(errors) =
                sailau_domain::precinct::validate_update(current.as_ref(), get("address"), 0)
            {
                form.absorb(&page.ctx, &errors);
            }
            return show_page(
                &page,
                &state,
                &r,
                Some(form),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        };
        let command = sailau_domain::registry::UpdatePrecinct {
            precinct: r.clone(),
            address: get("address").to_owned(),
            voters,
        }
        .into();
        match execute(&page, &state, command).await? {
            Ok(index) => Ok(see_other(&format!(
                "/precincts/{}/{}?saved={index}",
                r.region_code, r.number
            ))),
            Err(errors) => {
                form.absorb(&page.ctx, &errors);
                show_page(
                    &page,
                    &state,
                    &r,
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

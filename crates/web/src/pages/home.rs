//! The home page: what sailau is, the registry in numbers, the ledger's head.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;

use super::{Fail, Page, PageCtx};
use crate::WebState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: PageCtx,
    regions: u64,
    districts: u64,
    precincts: u64,
    voters: u64,
    parties: u64,
    entries: u64,
    root: String,
    demo: bool,
}

pub async fn show(page: Page, State(state): State<WebState>) -> Response {
    page.answer(async {
        let store = state.app.store();
        let counts = store.counts().await?;
        let all = store.territories().await?;
        let top: std::collections::HashSet<_> = all
            .iter()
            .filter(|t| t.parent_code.is_none())
            .map(|t| t.code.clone())
            .collect();
        let districts = all
            .iter()
            .filter(|t| t.parent_code.as_ref().is_some_and(|p| top.contains(p)))
            .count() as u64;
        let head = state.app.signed_head().await?;
        Ok::<_, Fail>(page.render(
            StatusCode::OK,
            &HomePage {
                ctx: page.ctx.clone(),
                regions: counts.regions,
                districts,
                precincts: counts.precincts,
                voters: counts.voters,
                parties: counts.parties,
                entries: head.head.size,
                root: hex::encode(head.head.root),
                demo: state.demo,
            },
        ))
    })
    .await
}

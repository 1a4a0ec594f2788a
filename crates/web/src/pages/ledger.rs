//! The public ledger: entries newest first with the signed tree head, and one entry with its
//! inclusion proof and the consistency of the tree since it was appended.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use sailau_app::ledger::EntryView;
use sailau_domain::LedgerEntry;
use sailau_ledger::SignedTreeHead;

use super::{Fail, Page, PageCtx, utc_time};
use crate::WebState;

/// Entries per page.
const PAGE_SIZE: u64 = 50;

pub struct EntryRow {
    pub index: u64,
    pub time: String,
    pub time_iso: String,
    pub actor: String,
    pub command: String,
    pub subject: String,
    pub leaf_hash: String,
}

fn entry_row(ctx: &PageCtx, e: &EntryView) -> EntryRow {
    let (time, time_iso) = utc_time(e.at_ms);
    let decoded: Option<LedgerEntry> = serde_json::from_str(&e.canonical).ok();
    let actor = match decoded.as_ref().map(|d| &d.actor) {
        Some(sailau_domain::Actor::Account { username }) => username.to_string(),
        Some(sailau_domain::Actor::Operator) => ctx.tr("ledger-actor-operator"),
        None => String::new(),
    };
    let subject = decoded
        .as_ref()
        .map(|d| d.command.summary())
        .and_then(|s| s.split_once(' ').map(|(_, rest)| rest.to_owned()))
        .unwrap_or_default();
    EntryRow {
        index: e.index,
        time,
        time_iso,
        actor,
        command: ctx.command_name(&e.kind),
        subject,
        leaf_hash: hex::encode(e.leaf_hash),
    }
}

/// The signed tree head as pages show it.
pub struct HeadView {
    pub size: u64,
    pub root: String,
    pub signed_at: String,
    pub signed_at_iso: String,
    pub key_id: String,
    pub signature: String,
    pub public_key: String,
    /// The signature checks against the public key.
    pub valid: bool,
}

fn head_view(state: &WebState, sth: &SignedTreeHead) -> HeadView {
    let key = state.app.ledger_public_key();
    let (signed_at, signed_at_iso) =
        utc_time(i64::try_from(sth.head.timestamp_ms).unwrap_or(i64::MAX));
    HeadView {
        size: sth.head.size,
        root: hex::encode(sth.head.root),
        signed_at,
        signed_at_iso,
        key_id: sth.key_id.to_hex(),
        signature: hex::encode(sth.signature.to_bytes()),
        public_key: sailau_ledger::verifying_key_to_hex(&key),
        valid: sailau_ledger::verify(sth, &key).is_ok(),
    }
}

#[derive(Template)]
#[template(path = "ledger.html")]
struct IndexPage {
    ctx: PageCtx,
    head: HeadView,
    entries: Vec<EntryRow>,
    page: u64,
    pages: u64,
    /// The range shown, as entry numbers (newest first): from, to.
    first: u64,
    last: u64,
}

impl IndexPage {
    fn page_href(&self, page: impl std::borrow::Borrow<u64>) -> String {
        format!("/ledger?page={}", page.borrow())
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

    /// "Entries 120 to 71" (newest first).
    fn range(&self) -> String {
        self.ctx.tr_args(
            "ledger-range",
            &[
                ("from", self.first.to_string()),
                ("to", self.last.to_string()),
            ],
        )
    }
}

pub async fn index(
    page: Page,
    State(state): State<WebState>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        let sth = state.app.signed_head().await?;
        let size = sth.head.size;
        let pages = size.div_ceil(PAGE_SIZE).max(1);
        let page_no = query
            .get("page")
            .and_then(|p| p.parse::<u64>().ok())
            .unwrap_or(1)
            .clamp(1, pages);
        let end = size.saturating_sub((page_no - 1) * PAGE_SIZE);
        let start = end.saturating_sub(PAGE_SIZE);
        let mut entries: Vec<EntryRow> = state
            .app
            .ledger_entries(start, end)
            .await?
            .iter()
            .map(|e| entry_row(&page.ctx, e))
            .collect();
        entries.reverse();
        Ok(page.render(
            StatusCode::OK,
            &IndexPage {
                ctx: page.ctx.clone(),
                head: head_view(&state, &sth),
                entries,
                page: page_no,
                pages,
                first: end.saturating_sub(1),
                last: start,
            },
        ))
    }
    .await;
    page.respond(result)
}

#[derive(Template)]
#[template(path = "ledger_entry.html")]
struct EntryPage {
    ctx: PageCtx,
    entry: EntryRow,
    canonical: String,
    head: HeadView,
    /// The inclusion proof's audit path, bottom-up.
    inclusion_path: Vec<String>,
    inclusion_valid: bool,
    /// The tree right after this entry was appended (size index + 1) and the current one.
    consistency: Option<ConsistencyView>,
}

impl EntryPage {
    fn proof_heading(&self) -> String {
        self.ctx.tr_args(
            "ledger-proof-heading",
            &[
                ("index", self.entry.index.to_string()),
                ("size", self.head.size.to_string()),
            ],
        )
    }

    fn consistency_intro(&self) -> String {
        match &self.consistency {
            Some(c) => self.ctx.tr_args(
                "ledger-consistency-intro",
                &[("from", c.first.to_string()), ("to", c.second.to_string())],
            ),
            None => String::new(),
        }
    }
}

pub struct ConsistencyView {
    pub first: u64,
    pub second: u64,
    pub first_root: String,
    pub second_root: String,
    pub path: Vec<String>,
    pub valid: bool,
}

pub async fn entry(
    page: Page,
    State(state): State<WebState>,
    Path(index): Path<String>,
) -> Response {
    let result = async {
        let index: u64 = index.parse().map_err(|_| Fail::NotFound)?;
        let sth = state.app.signed_head().await?;
        let size = sth.head.size;
        if index >= size {
            return Err(Fail::NotFound);
        }
        let view = state
            .app
            .ledger_entries(index, index + 1)
            .await?
            .into_iter()
            .next()
            .ok_or(Fail::NotFound)?;
        let inclusion = state.app.inclusion_proof(index, size).await?;
        let inclusion_valid = inclusion.root == sth.head.root
            && inclusion.leaf_hash == view.leaf_hash
            && sailau_ledger::leaf_hash(view.canonical.as_bytes()) == view.leaf_hash
            && inclusion
                .proof
                .verify(&inclusion.leaf_hash, &sth.head.root)
                .is_ok();
        let consistency = if index + 1 < size {
            let c = state.app.consistency_proof(index + 1, size).await?;
            Some(ConsistencyView {
                first: index + 1,
                second: size,
                first_root: hex::encode(c.first_root),
                second_root: hex::encode(c.second_root),
                valid: c.second_root == sth.head.root
                    && c.proof.verify(&c.first_root, &c.second_root).is_ok(),
                path: c.proof.path.iter().map(hex::encode).collect(),
            })
        } else {
            None
        };
        let canonical = view.canonical.clone();
        Ok(page.render(
            StatusCode::OK,
            &EntryPage {
                ctx: page.ctx.clone(),
                entry: entry_row(&page.ctx, &view),
                canonical,
                head: head_view(&state, &sth),
                inclusion_path: inclusion.proof.path.iter().map(hex::encode).collect(),
                inclusion_valid,
                consistency,
            },
        ))
    }
    .await;
    page.respond(result)
}

//! The elections context's pages: elections and their calendars, contests, the public list of
//! registered candidates, the commission's workbench, a candidate's own page and the forms of
//! every step from the call to the ballot.
//!
//! Handlers read through `App`'s elections read API (`App::election`, `App::contest`,
//! `App::nomination`, `App::workbench`, `App::ballot`) and change state only through commands;
//! whether a form is shown is decided with `authorize` on the same target the app will check.
//! Texts come from the catalogs (`el-…` keys) and from the election's own rule set (refusal
//! grounds, ballot texts), never from identifiers.

pub(crate) mod calendar;
mod contest;
pub(crate) mod day;
mod list;
mod nominate;
mod nomination;
mod print;
pub mod results;
mod signatures;
pub(crate) mod upload;
pub(crate) mod when;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use sailau_domain::elections::{ContestId, ElectionId, Nomination, NominationId, Route, Status};
use sailau_domain::{Target, TerritoryCode, ValidationErrors};

use super::{Fail, PageCtx};
use crate::WebState;

pub use nomination::{CandidacyRow, own_candidacies};
pub use print::ballot_doc;

/// Largest form with files (a decision scan, signature sheets): the rule set limits each file;
/// this only bounds the body.
pub const MAX_FORM_UPLOAD: usize = 16 * 1024 * 1024;

/// The routes of the elections pages.
pub fn router() -> Router<WebState> {
    Router::new()
        .route("/elections", get(list::index))
        .route(
            "/elections/call",
            get(nominate::call_form).post(nominate::call),
        )
        .route("/elections/workbench", get(nomination::workbench))
        .route("/elections/{election}", get(list::show))
        .route("/elections/{election}/rules.toml", get(list::rules_text))
        .route("/elections/{election}/candidates", get(list::candidates))
        .route(
            "/elections/{election}/contests/{contest}",
            get(contest::show),
        )
        .route(
            "/elections/{election}/contests/{contest}/ballots",
            post(contest::produce),
        )
        .route(
            "/elections/{election}/contests/{contest}/ballot",
            get(contest::ballot),
        )
        .route(
            "/elections/{election}/contests/{contest}/ballot.pdf",
            get(print::ballot_pdf),
        )
        .route(
            "/elections/{election}/contests/{contest}/self-nomination",
            get(nominate::self_form).post(nominate::self_apply),
        )
        .route(
            "/elections/{election}/contests/{contest}/party-nomination",
            get(nominate::party_form)
                .post(nominate::party_apply)
                .layer(DefaultBodyLimit::max(MAX_FORM_UPLOAD)),
        )
        .route(
            "/elections/{election}/contests/{contest}/higher-akim-proposal",
            get(nominate::akim_form)
                .post(nominate::akim_apply)
                .layer(DefaultBodyLimit::max(MAX_FORM_UPLOAD)),
        )
        .route("/elections/nominations/{nomination}", get(nomination::show))
        .route(
            "/elections/nominations/{nomination}/documents",
            post(nomination::tick),
        )
        .route(
            "/elections/nominations/{nomination}/deposit",
            post(nomination::deposit),
        )
        .route(
            "/elections/nominations/{nomination}/register",
            post(nomination::register),
        )
        .route(
            "/elections/nominations/{nomination}/refuse",
            post(nomination::refuse),
        )
        .route(
            "/elections/nominations/{nomination}/cancel",
            post(nomination::cancel),
        )
        .route(
            "/elections/nominations/{nomination}/signatures",
            post(signatures::upload).layer(DefaultBodyLimit::max(MAX_FORM_UPLOAD)),
        )
        .route(
            "/elections/nominations/{nomination}/signatures/protocol.pdf",
            get(print::protocol_pdf),
        )
        .route(
            "/elections/attachments/{sha256}",
            get(nomination::attachment),
        )
        .merge(results::router()) // i12-results
        .merge(day::router()) // i12-pages
}

/// An election id from a URL, or 404.
pub fn election_id(s: &str) -> Result<ElectionId, Fail> {
    ElectionId::parse(s).ok_or(Fail::NotFound)
}

/// A contest id from a URL, or 404.
pub fn contest_id(s: &str) -> Result<ContestId, Fail> {
    ContestId::parse(s).ok_or(Fail::NotFound)
}

/// A nomination id from a URL, or 404.
pub fn nomination_id(s: &str) -> Result<NominationId, Fail> {
    NominationId::parse(s).ok_or(Fail::NotFound)
}

/// The path of an election's page.
pub fn election_href(id: &ElectionId) -> String {
    format!("/elections/{id}")
}

/// The path of a contest's page.
pub fn contest_href(election: &ElectionId, contest: &ContestId) -> String {
    format!("/elections/{election}/contests/{contest}")
}

/// The path of a nomination's page.
pub fn nomination_href(id: &NominationId) -> String {
    format!("/elections/nominations/{id}")
}

/// "Elections" as the first breadcrumb.
pub fn crumbs_root(ctx: &PageCtx) -> Vec<(String, String)> {
    vec![("/elections".to_owned(), ctx.tr("el-elections-title"))]
}

/// A territory's ancestors and itself (what authorization needs about a unit).
pub async fn territory_path(
    state: &WebState,
    unit: &TerritoryCode,
) -> Result<Vec<TerritoryCode>, Fail> {
    let mut path: Vec<TerritoryCode> = state
        .app
        .store()
        .territory_ancestors(unit)
        .await?
        .into_iter()
        .map(|t| t.code)
        .collect();
    path.push(unit.clone());
    Ok(path)
}

/// The target of a command on a nomination: its unit, its party, its person.
pub async fn nomination_target(
    state: &WebState,
    unit: &TerritoryCode,
    n: &Nomination,
) -> Result<Target, Fail> {
    Ok(Target {
        territory_path: territory_path(state, unit).await?,
        party: n.route.party().cloned(),
        person: Some(n.candidate.person.id),
        ..Target::default()
    })
}

/// A candidate's name as lists write it: «Тестов Ерлан Серикович».
pub fn full_name(n: &Nomination) -> String {
    let p = &n.candidate.person;
    [
        p.surname.as_str(),
        p.given_name.as_str(),
        p.patronymic.as_str(),
    ]
    .iter()
    .filter(|s| !s.is_empty())
    .copied()
    .collect::<Vec<_>>()
    .join(" ")
}

/// Who nominated a candidate, in words: the party's name, «самовыдвижение», or the higher akim.
pub fn route_text(ctx: &PageCtx, n: &Nomination, parties: &[sailau_domain::Party]) -> String {
    match &n.route {
        Route::Party { party, .. } => parties
            .iter()
            .find(|p| &p.code == party)
            .map(|p| p.name(ctx.lang).to_owned())
            .unwrap_or_else(|| party.to_string()),
        Route::SelfNominated => ctx.tr("el-route-self"),
        Route::HigherAkimProposal { .. } => ctx.tr("el-route-higher-akim"),
    }
}

/// A status in words and its badge class.
pub fn status_text(ctx: &PageCtx, status: &Status) -> (String, &'static str) {
    match status {
        Status::Nominated => (ctx.tr("el-status-nominated"), "badge--off"),
        Status::Registered { number } => (
            ctx.tr_arg("el-status-registered-number", "number", number),
            "badge--ok",
        ),
        Status::Refused { .. } => (ctx.tr("el-status-refused"), "badge--warn"),
        Status::Cancelled { .. } => (ctx.tr("el-status-cancelled"), "badge--off"),
    }
}

/// A document's name from its rule-set key (`deposit_receipt` → «Документ об уплате…»).
pub fn document_name(ctx: &PageCtx, key: &str) -> String {
    let msg = format!("el-doc-{}", key.replace('_', "-"));
    let text = ctx.tr(&msg);
    if text.starts_with('⟦') {
        ctx.tr("el-doc-other")
    } else {
        text
    }
}

/// A declared qualification's name from its rule-set key.
pub fn qualification_name(ctx: &PageCtx, key: &str) -> String {
    let msg = format!("el-qual-{}", key.replace('_', "-"));
    let text = ctx.tr(&msg);
    if text.starts_with('⟦') {
        ctx.tr("el-qual-other")
    } else {
        text
    }
}

/// The candidate's row in a list.
#[derive(Debug, Clone)]
pub struct CandidateRow {
    /// The nomination's page ("" when the reader is not shown it).
    pub href: String,
    /// «Тестов Ерлан Серикович».
    pub name: String,
    /// Year of birth.
    pub born: String,
    /// Current post.
    pub post: String,
    /// The candidate is the sitting akim of the unit (as the nomination declares).
    pub incumbent: bool,
    /// Who nominated.
    pub nominated_by: String,
    /// Status in words.
    pub status: String,
    /// Its badge class.
    pub status_class: &'static str,
    /// Registration number, or "".
    pub number: String,
}

impl CandidateRow {
    /// The row of a nomination.
    pub fn of(
        ctx: &PageCtx,
        n: &Nomination,
        parties: &[sailau_domain::Party],
        linked: bool,
    ) -> CandidateRow {
        let (status, status_class) = status_text(ctx, &n.status);
        CandidateRow {
            href: if linked {
                nomination_href(&n.id)
            } else {
                String::new()
            },
            name: full_name(n),
            born: n.candidate.person.birth_date.year().to_string(),
            post: n.candidate.post.clone(),
            incumbent: n.candidate.incumbent,
            nominated_by: route_text(ctx, n, parties),
            status,
            status_class,
            number: match n.status {
                Status::Registered { number } => number.to_string(),
                _ => String::new(),
            },
        }
    }
}

/// Renames the fields of domain errors to the form's field names (`person.surname` → `surname`).
pub fn renamed(errors: &ValidationErrors, names: &[(&str, &str)]) -> ValidationErrors {
    ValidationErrors(
        errors
            .0
            .iter()
            .map(|e| {
                let field = names
                    .iter()
                    .find(|(from, _)| *from == e.field)
                    .map_or(e.field.clone(), |(_, to)| (*to).to_owned());
                sailau_domain::FieldError::new(field, e.rule.clone())
            })
            .collect(),
    )
}

/// "Now" as the app sees it (its clock: the system's, or a test's).
pub fn now(state: &WebState) -> jiff::Timestamp {
    jiff::Timestamp::from_millisecond(state.app.now_ms()).unwrap_or(jiff::Timestamp::UNIX_EPOCH)
}

/// The rule set an election keeps (it was checked when the election was called; failing to read
/// it now is a fault of the system, not of the reader).
pub fn rules_of(
    election: &sailau_domain::elections::Election,
) -> Result<std::sync::Arc<sailau_domain::elections::RuleSet>, Fail> {
    election
        .rules()
        .map_err(|e| Fail::Internal(format!("the stored rule set does not parse: {e:?}")))
}

//! The JSON API: the registry under `/api/v1`, the public ledger under `/api/ledger`, `/healthz`,
//! and the OpenAPI document at `/api/openapi.json`.
//!
//! Every endpoint is a plain `async fn` carrying its `#[utoipa::path]`, registered with
//! `utoipa_axum::routes!` in [`api_routes`]: the router and the OpenAPI document are built from
//! the same definitions, so they cannot drift (a test also checks that no `/api` route is added
//! any other way). Errors are RFC 9457 problem documents ([`crate::problem`]); malformed
//! requests are rejected by the extractors in [`extract`], naming the field.
//!
//! Reads of the public registry and of the ledger need no account. Writes need a signed-in
//! account — `Authorization: Bearer <token>` (from `POST /api/v1/session`), or the session cookie
//! with the session's CSRF token in `X-CSRF-Token` — and go through `sailau_app::App`, which
//! decides whether the account may do it and whether the input is valid, and records the change
//! in the ledger in the same transaction.

pub mod accounts;
pub mod auth;
pub mod election_day;
pub mod elections;
pub mod elections_print;
pub mod extract;
pub mod import;
pub mod ledger;
pub mod open_data;
pub mod parties;
pub mod party;
pub mod party_pipeline;
pub mod persons;
pub mod precincts;
pub mod primaries;
pub mod primaries_read;
pub mod primaries_write;
pub mod signatures;
pub mod territories;
pub mod types;
pub mod write;

use std::sync::OnceLock;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{any, get};
use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{OpenApi as OpenApiDoc, RefOr, ResponseBuilder};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use crate::WebState;
use crate::problem::{self, PROBLEM_JSON, Problem, ProblemKind};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "sailau",
        description = "The JSON API of sailau, an open-source election management system.\n\n\
            Reads of the public registry and of the ledger need no account. Changes need a \
            signed-in account: send `Authorization: Bearer <token>` with a token from \
            `POST /api/v1/session`, or (from a browser) the session cookie with the session's \
            CSRF token in the `X-CSRF-Token` header. Every accepted change is recorded in the \
            public ledger (RFC 9162 Merkle tree, Ed25519-signed tree heads) in the same \
            transaction.\n\n\
            Errors are RFC 9457 problem documents (`application/problem+json`) whose `errors` \
            name each field and the rule it broke.",
        license(name = "AGPL-3.0-or-later", identifier = "AGPL-3.0-or-later"),
    ),
    modifiers(&Conventions),
    tags(
        (name = "territories", description = "Regions, districts, cities, okrugs, villages (KATO codes)"),
        (name = "precincts", description = "Polling stations"),
        (name = "parties", description = "Political parties and their branches"),
        (name = "party", description = "A party's own affairs: conferences, delegates, motions and votes, membership (issue 13)"),
        (name = "primaries", description = "The party's primaries: the verifiable online vote of members, its board, ceremony and record (issue 14)"),
        (name = "persons", description = "People: candidates, delegates, commission members"),
        (name = "accounts", description = "Accounts and roles (administration)"),
        (name = "session", description = "Signing in and out"),
        (name = "import", description = "CSV and XLSX imports"),
        (name = "ledger", description = "The public, verifiable ledger"),
        (name = "elections", description = "Elections of akims: calendar, nominations, registration, ballots"),
        (name = "results", description = "Results, statistics and open data: NIST SP 1500-100 JSON, CSV, XLSX (issue 12)"),
        (name = "election-day", description = "Election day: turnout, precinct protocols, amendments, scans, observers' copies (issue 12)"),
        (name = "health", description = "Liveness"),
    )
)]
struct ApiDoc;

/// Adds what applies to the whole document: the version, the bearer scheme, and the problem
/// answers every operation may give.
struct Conventions;

impl Modify for Conventions {
    fn modify(&self, doc: &mut OpenApiDoc) {
        doc.info.version = env!("CARGO_PKG_VERSION").to_owned();
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "A session token from POST /api/v1/session. Browsers may use the \
                         session cookie instead, with the X-CSRF-Token header on changes.",
                    ))
                    .build(),
            ),
        );
    }
}

/// Adds `4XX` and `5XX` problem answers to every operation (after the routes are collected), and
/// gives every 4xx and 5xx answer the problem+json media type.
fn add_problem_defaults(doc: &mut OpenApiDoc) {
    let problem_ref = || {
        utoipa::openapi::ContentBuilder::new()
            .schema(Some(utoipa::openapi::Ref::from_schema_name("Problem")))
            .build()
    };
    for item in doc.paths.paths.values_mut() {
        for op in [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.patch,
        ]
        .into_iter()
        .flatten()
        {
            // A refusal's body is always a problem document: annotations say `body = Problem`
            // and the media type is set here, once.
            for (status, response) in op.responses.responses.iter_mut() {
                if let (true, RefOr::T(response)) =
                    (status.starts_with('4') || status.starts_with('5'), response)
                    && let Some(content) = response.content.shift_remove("application/json")
                {
                    response.content.insert(PROBLEM_JSON.to_owned(), content);
                }
            }
            for (status, description) in [
                ("4XX", "A problem with the request (RFC 9457)"),
                (
                    "5XX",
                    "A problem of the server (RFC 9457); the cause is logged",
                ),
            ] {
                op.responses
                    .responses
                    .entry(status.to_owned())
                    .or_insert_with(|| {
                        RefOr::T(
                            ResponseBuilder::new()
                                .description(description)
                                .content(PROBLEM_JSON, problem_ref())
                                .build(),
                        )
                    });
            }
        }
    }
}

/// The API's routes, each with its OpenAPI description.
fn api_routes() -> OpenApiRouter<WebState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(
            territories::list_territories,
            territories::create_territory
        ))
        .routes(routes!(territories::get_territory))
        .routes(routes!(territories::rename_territory))
        .routes(routes!(
            precincts::list_precincts,
            precincts::create_precinct
        ))
        .routes(routes!(precincts::get_precinct, precincts::update_precinct))
        .routes(routes!(parties::list_parties, parties::create_party))
        .routes(routes!(parties::get_party, parties::update_party))
        .routes(routes!(parties::create_branch))
        // i13-party
        .routes(routes!(party::convene_conference))
        .routes(routes!(party::get_conference))
        .routes(routes!(party::check_in))
        .routes(routes!(party::open_motion))
        .routes(routes!(party::record_vote))
        .routes(routes!(party::membership))
        // i13-pipeline
        .routes(routes!(
            party_pipeline::record_meeting,
            party_pipeline::list_meetings
        ))
        .routes(routes!(party_pipeline::get_meeting))
        .routes(routes!(party_pipeline::adopt_plan))
        .routes(routes!(party_pipeline::dashboard))
        .routes(routes!(party_pipeline::member_record))
        // i14-online
        .routes(routes!(
            primaries_read::campaigns,
            primaries_write::open_campaign
        ))
        .routes(routes!(primaries_read::campaign))
        .routes(routes!(primaries_write::register_contender))
        .routes(routes!(primaries_write::decide_contender))
        .routes(routes!(primaries_write::withdraw_contender))
        .routes(routes!(primaries_write::schedule_debate))
        .routes(routes!(primaries_write::record_debate))
        .routes(routes!(primaries_write::fix_ballot))
        .routes(routes!(primaries_write::record_paper_count))
        .routes(routes!(primaries::online))
        .routes(routes!(primaries::election))
        .routes(routes!(primaries::submit_ballot))
        .routes(routes!(primaries::board))
        .routes(routes!(primaries::record))
        .routes(routes!(primaries::ceremony))
        .routes(routes!(primaries::restart_ceremony))
        .routes(
            routes!(primaries::credentials).layer(DefaultBodyLimit::max(import::MAX_IMPORT_BYTES)),
        )
        .routes(routes!(primaries::tally))
        .routes(routes!(primaries::share))
        .routes(routes!(primaries::results))
        .routes(routes!(primaries::paper_ballot))
        .routes(routes!(persons::list_persons, persons::register_person))
        .routes(routes!(persons::get_person))
        .routes(routes!(accounts::list_accounts, accounts::create_account))
        .routes(routes!(accounts::get_account))
        .routes(routes!(accounts::change_role))
        .routes(routes!(accounts::set_active))
        .routes(routes!(accounts::change_password))
        .routes(routes!(auth::create_session, auth::delete_session))
        .routes(routes!(auth::me))
        .routes(routes!(import::import_file).layer(DefaultBodyLimit::max(import::MAX_IMPORT_BYTES)))
        // i11-sign
        .routes(
            routes!(
                signatures::record_signatures,
                signatures::signature_protocol
            )
            .layer(DefaultBodyLimit::max(import::MAX_IMPORT_BYTES)),
        )
        .routes(routes!(signatures::erase_signatures))
        .routes(routes!(ledger::head))
        .routes(routes!(ledger::entries))
        .routes(routes!(ledger::inclusion))
        .routes(routes!(ledger::consistency))
        // i12-data
        .routes(routes!(open_data::nist_events))
        .routes(routes!(open_data::results))
        .routes(routes!(open_data::statistics))
        .routes(routes!(open_data::nist_results))
        .routes(routes!(open_data::precincts_csv))
        .routes(routes!(open_data::units_csv))
        .routes(routes!(open_data::precincts_xlsx))
        .routes(routes!(open_data::units_xlsx))
        .routes(routes!(elections::list_elections, elections::call_election))
        .routes(routes!(elections::workbench))
        .routes(routes!(elections::get_election))
        .routes(routes!(elections::registered_candidates))
        .routes(routes!(elections::get_contest))
        .routes(routes!(elections::get_ballot))
        .routes(routes!(elections_print::get_ballot_pdf))
        .routes(routes!(elections::nominate))
        .routes(routes!(elections::produce_ballots))
        .routes(routes!(elections::get_nomination))
        .routes(
            routes!(elections::attach)
                .layer(DefaultBodyLimit::max(elections::MAX_ATTACHMENT_BYTES)),
        )
        .routes(routes!(elections::tick))
        .routes(routes!(elections::deposit))
        .routes(routes!(elections::decide))
        .routes(routes!(elections::attachment))
        // i12-day
        .routes(routes!(election_day::report_turnout))
        .routes(routes!(election_day::enter_protocol))
        .routes(routes!(election_day::amend_protocol))
        .routes(routes!(election_day::record_observer_copy))
        .routes(
            routes!(election_day::attach_scan)
                .layer(DefaultBodyLimit::max(elections::MAX_ATTACHMENT_BYTES)),
        )
        .routes(routes!(election_day::get_protocol))
        .routes(routes!(healthz))
        .routes(routes!(openapi_json))
}

/// The OpenAPI document of the API.
pub fn openapi() -> OpenApiDoc {
    let mut doc = api_routes().into_openapi();
    add_problem_defaults(&mut doc);
    doc
}

/// The document as served: pretty JSON, built once.
pub fn openapi_document() -> &'static str {
    static DOC: OnceLock<String> = OnceLock::new();
    DOC.get_or_init(|| match serde_json::to_string_pretty(&openapi()) {
        Ok(s) => s,
        Err(e) => {
            tracing::error!(error = %e, "serializing the OpenAPI document");
            "{}".to_owned()
        }
    })
}

/// The API router: the documented routes, the problem pages, and a problem+json 404 for any
/// other path under `/api`.
pub fn router() -> Router<WebState> {
    let (documented, _) = api_routes().split_for_parts();
    documented
        .route("/api", any(unknown_endpoint))
        .route("/api/", any(unknown_endpoint))
        .route("/api/{*rest}", any(unknown_endpoint))
        .layer(axum::middleware::from_fn(problem::fill_instance))
        .route("/problems/{slug}", get(problem_page))
}

/// The OpenAPI 3.1 document of this API.
#[utoipa::path(
    get, path = "/api/openapi.json", tag = "health",
    responses((status = 200, description = "The OpenAPI document", content_type = "application/json", body = Object))
)]
pub async fn openapi_json() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        openapi_document(),
    )
        .into_response()
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// Whether the server is alive and reaches its database.
pub struct Health {
    #[schema(example = "ok")]
    /// `ok`.
    pub status: String,
}

/// Whether the server can reach its database.
#[utoipa::path(
    get, path = "/healthz", tag = "health",
    responses(
        (status = 200, description = "The database answers", body = Health),
        (status = 503, description = "The database does not answer", body = Problem),
    )
)]
pub async fn healthz(State(state): State<WebState>) -> Result<axum::Json<Health>, Problem> {
    match state.app.store().ping().await {
        Ok(()) => Ok(axum::Json(Health {
            status: "ok".into(),
        })),
        Err(e) => {
            tracing::error!(error = %e, "health check: the database does not answer");
            Err(Problem::new(ProblemKind::Unavailable).with_detail("the database does not answer"))
        }
    }
}

async fn unknown_endpoint(uri: Uri) -> Problem {
    Problem::new(ProblemKind::UnknownEndpoint)
        .with_detail(format!(
            "no API endpoint at {}; see /api/openapi.json",
            uri.path()
        ))
        .with_detail_args(vec![("path", uri.path().to_owned())])
}

/// A short page describing a problem type (what the `type` URIs of problem documents point to).
async fn problem_page(axum::extract::Path(slug): axum::extract::Path<String>) -> Response {
    let Some(kind) = ProblemKind::from_slug(&slug) else {
        return (
            StatusCode::NOT_FOUND,
            Html("<!doctype html><title>Not found</title><p>No such problem type.</p>"),
        )
            .into_response();
    };
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} — sailau</title></head>\n\
         <body><main><h1>{title}</h1><p>HTTP status {status}. Problem type <code>{uri}</code>.</p>\n\
         <p>{explanation}</p></main></body></html>\n",
        title = escape(kind.title()),
        status = kind.status().as_u16(),
        uri = escape(&kind.uri()),
        explanation = escape(kind.explanation()),
    );
    Html(html).into_response()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

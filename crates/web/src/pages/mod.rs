//! HTML pages: server-rendered with askama, in Russian, Kazakh and English, working without
//! JavaScript.
//!
//! Every handler takes a [`Page`] (language, path, session, CSRF token) and answers with a
//! rendered template. State-changing forms are POSTed, CSRF-checked, handed to `sailau_app::App`,
//! and answered with a redirect (POST-redirect-GET) or, when the app refuses the input, with the
//! same form re-rendered (422) and each error next to its field. Whether a form is shown at all is
//! decided by `sailau_domain::authorize` for the signed-in principal; the app checks again.

mod account;
mod admin;
mod assets;
mod ctx;
pub(crate) mod elections;
mod forms;
mod home;
mod ledger;
mod messages;
mod parties;
pub mod party;
mod precincts;
pub mod primaries;
mod source;
mod territories;

pub use elections::ballot_doc;

use std::collections::HashMap;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::rejection::FormRejection;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use sailau_domain::{CommandKind, Principal, Target, TerritoryCode, authorize};

pub use ctx::{LANG_COOKIE, Page, PageCtx, UserView, remember_lang};
pub use forms::{Fail, FormState};

use crate::WebState;

/// Largest CSV upload accepted by the import form.
pub const MAX_UPLOAD: usize = 8 * 1024 * 1024;

/// The page routes (HTML), in the order a reader meets them.
pub fn router() -> Router<WebState> {
    Router::new()
        .route("/", get(home::show))
        .route(
            "/territories",
            get(territories::index).post(territories::add_top_level),
        )
        .route("/territories/{code}", get(territories::show))
        .route("/territories/{code}/children", post(territories::add_child))
        .route(
            "/territories/{code}/precincts",
            post(territories::add_precinct),
        )
        .route(
            "/territories/{code}/import",
            post(territories::import).layer(DefaultBodyLimit::max(MAX_UPLOAD)),
        )
        .route("/precincts", get(precincts::index))
        .route(
            "/precincts/{region}/{number}",
            get(precincts::show).post(precincts::update),
        )
        .route("/parties", get(parties::index))
        .route("/parties/{code}", get(parties::show))
        .route("/parties/{code}/branches", post(parties::add_branch))
        .route("/ledger", get(ledger::index))
        .route("/ledger/{index}", get(ledger::entry))
        .route("/login", get(account::login_form).post(account::login))
        .route("/logout", post(account::logout))
        .route("/account", get(account::show))
        .route("/account/password", post(account::change_password))
        .route("/admin", get(admin::index))
        .route("/admin/users", get(admin::users).post(admin::create_user))
        .route("/admin/users/{username}/active", post(admin::set_active))
        .route("/admin/users/{username}/role", post(admin::change_role))
        .route("/source", get(source::show))
        .route("/assets/{file}", get(assets::serve))
        .merge(elections::router())
        // i13-pages: the party's branches, conferences and the minutes PDF
        .merge(party::router())
        // i14-primaries
        .merge(primaries::router())
        .method_not_allowed_fallback(post_only)
}

/// A GET of an address that only takes a form (the language links of a page re-rendered after
/// a refused form point there): 303 to the page the form belongs to, the address without its
/// last segment, with the query kept (`?lang=kk`). Any other method: the 405 status.
async fn post_only(method: axum::http::Method, uri: axum::http::Uri) -> Response {
    if method != axum::http::Method::GET && method != axum::http::Method::HEAD {
        return axum::http::StatusCode::METHOD_NOT_ALLOWED.into_response();
    }
    let path = uri.path().trim_end_matches('/');
    let parent = match path.rfind('/') {
        Some(0) | None => "/",
        Some(i) => &path[..i],
    };
    let to = match uri.query() {
        Some(q) => format!("{parent}?{q}"),
        None => parent.to_owned(),
    };
    forms::see_other(&to)
}

/// The answer for a path no route serves: the 404 page (problem+json under `/api/`).
pub async fn not_found(page: Page) -> Response {
    if page.ctx.path.starts_with("/api/") || page.ctx.path == "/api" {
        return (
            axum::http::StatusCode::NOT_FOUND,
            [("content-type", "application/problem+json")],
            r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"no such resource"}"#,
        )
            .into_response();
    }
    page.fail(Fail::NotFound)
}

/// Whether `principal` may issue `kind` on `target` (decides which buttons and forms to show).
pub fn may(principal: Option<&Principal>, kind: CommandKind, target: &Target) -> bool {
    authorize(principal, kind, target).is_ok()
}

/// A form's fields in order (repeated names kept) and as a map (the last value wins).
pub type FormPairs = (Vec<(String, String)>, HashMap<String, String>);

/// A form's pairs (repeated names kept: check boxes such as a conference's qualifications or
/// a debate's contenders) and its map, or a 400/413 page.
pub fn pairs_of(
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Result<FormPairs, Fail> {
    match body {
        Ok(axum::Form(pairs)) => {
            let map = pairs.iter().cloned().collect();
            Ok((pairs, map))
        }
        Err(FormRejection::BytesRejection(_)) => Err(Fail::TooLarge),
        Err(_) => Err(Fail::BadRequest),
    }
}

/// A form body as a map (the last value of a repeated field wins), or a 400 page.
pub fn form_map(
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Result<HashMap<String, String>, Fail> {
    match body {
        Ok(axum::Form(pairs)) => Ok(pairs.into_iter().collect()),
        Err(FormRejection::BytesRejection(_)) => Err(Fail::TooLarge),
        Err(_) => Err(Fail::BadRequest),
    }
}

/// Checks the CSRF token of a form POSTed by a signed-in user (anonymous: forbidden).
pub fn check_form(
    page: &Page,
    headers: &axum::http::HeaderMap,
    form: &HashMap<String, String>,
) -> Result<(), Fail> {
    let Some(session) = &page.session else {
        return Err(Fail::Forbidden(Some(sailau_domain::Denied::Anonymous)));
    };
    crate::session::check_csrf(
        headers,
        session,
        form.get(crate::session::CSRF_FIELD).map(String::as_str),
    )?;
    Ok(())
}

/// A territory code from a URL, or 404.
pub fn code_of(s: &str) -> Result<TerritoryCode, Fail> {
    TerritoryCode::parse(s).map_err(|_| Fail::NotFound)
}

/// `?saved=N`: the ledger index of the change just made, for the success notice.
pub fn saved_index(query: &HashMap<String, String>) -> Option<u64> {
    query.get("saved").and_then(|s| s.parse().ok())
}

/// A recorded instant (milliseconds since the epoch) in the local time of the territory's region,
/// with its offset, as the reader's language writes it: «27.09.2023 в 10:15 (UTC+6)»
/// ([`elections::when::instant`]). For the events of a place: a check-in at a conference, a
/// turnout report, a protocol's scan. Falls back to the UTC time, said so, if the instant or the
/// zone cannot be read.
pub fn local_instant(ctx: &PageCtx, ms: i64, territory: &TerritoryCode) -> String {
    match (
        jiff::Timestamp::from_millisecond(ms),
        sailau_domain::date::zone(Some(territory)),
    ) {
        (Ok(at), Ok(zone)) => elections::when::instant(ctx.language(), at, &zone),
        _ => format!("{} UTC", utc_time(ms).0),
    }
}

/// Milliseconds since the epoch as `2024-05-06 09:41:07` (UTC) and as an ISO timestamp.
pub fn utc_time(ms: i64) -> (String, String) {
    match jiff::Timestamp::from_millisecond(ms) {
        Ok(t) => (
            t.strftime("%Y-%m-%d %H:%M:%S").to_string(),
            t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        ),
        Err(_) => (ms.to_string(), String::new()),
    }
}

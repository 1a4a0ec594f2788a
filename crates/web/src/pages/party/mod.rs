//! The party context's pages (issue 13): the party's branches, a branch (members, conferences,
//! convening the next one, importing the member file), a conference (roster, check-in at the
//! door with the live count and quorum, motions and their votes with the decision shown at once,
//! the minutes, the hand-off of a nomination to the territorial commission) and the minutes PDF.
//!
//! Every form works without JavaScript (POST, then redirect or the form again with each error
//! next to its field); the live count refreshes itself where scripts run (`count.js`, polling
//! `/party/conferences/{id}/count`). Whether a form is shown is decided by `authorize` on the
//! target the app checks: the conference's party and its branch's territory path.

mod branches;
mod conference;
pub mod minutes;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use sailau_domain::party::commands::{ConferenceId, MotionId};
use sailau_domain::{PartyCode, Target, TerritoryCode};

use super::{Fail, PageCtx, code_of};
use crate::WebState;

/// The routes of the party pages.
pub fn router() -> Router<WebState> {
    Router::new()
        .route("/party/{party}/branches", get(branches::tree))
        .route("/party/{party}/branches/{branch}", get(branches::show))
        .route(
            "/party/{party}/branches/{branch}/conferences",
            post(branches::convene),
        )
        .route(
            "/party/{party}/branches/{branch}/members",
            post(branches::import_members).layer(DefaultBodyLimit::max(super::MAX_UPLOAD)),
        )
        .route("/party/conferences/{id}", get(conference::show))
        .route("/party/conferences/{id}/count", get(conference::count))
        .route(
            "/party/conferences/{id}/roster",
            post(conference::import_roster).layer(DefaultBodyLimit::max(super::MAX_UPLOAD)),
        )
        .route(
            "/party/conferences/{id}/check-in",
            post(conference::check_in),
        )
        .route(
            "/party/conferences/{id}/motions",
            post(conference::open_motion),
        )
        .route("/party/motions/{id}/votes", post(conference::record_vote))
        .route("/party/motions/{id}/hand-off", post(conference::hand_off))
        .route("/party/assets/count.js", get(conference::count_js))
        .route("/party/conferences/{id}/minutes.pdf", get(minutes::pdf))
}

/// A party code from a URL, or 404.
fn party_of(s: &str) -> Result<PartyCode, Fail> {
    PartyCode::parse(s).map_err(|_| Fail::NotFound)
}

/// A conference id from a URL, or 404.
fn conference_of(s: &str) -> Result<ConferenceId, Fail> {
    uuid::Uuid::parse_str(s)
        .map(ConferenceId)
        .map_err(|_| Fail::NotFound)
}

/// A motion id from a URL, or 404.
fn motion_of(s: &str) -> Result<MotionId, Fail> {
    uuid::Uuid::parse_str(s)
        .map(MotionId)
        .map_err(|_| Fail::NotFound)
}

/// The path of a branch's page.
fn branch_href(party: &PartyCode, branch: &TerritoryCode) -> String {
    format!("/party/{party}/branches/{branch}")
}

/// The path of a conference's page.
fn conference_href(id: &ConferenceId) -> String {
    format!("/party/conferences/{}", id.0)
}

/// What authorization asks about a command on a party's branch: the party and the branch's
/// territory path (ancestors and itself), as the app's handlers build it.
async fn branch_target(
    state: &WebState,
    party: &PartyCode,
    branch: &TerritoryCode,
) -> Result<Target, Fail> {
    Ok(Target {
        territory_path: super::elections::territory_path(state, branch).await?,
        party: Some(party.clone()),
        ..Target::default()
    })
}

/// The first breadcrumbs of the party pages: the parties, the party, its branches.
fn crumbs_root(ctx: &PageCtx, party: &PartyCode, short_name: &str) -> Vec<(String, String)> {
    vec![
        ("/parties".to_owned(), ctx.tr("parties-title")),
        (format!("/parties/{party}"), short_name.to_owned()),
        (
            format!("/party/{party}/branches"),
            ctx.tr("pp-branches-title"),
        ),
    ]
}

/// A branch's territory code from a URL, or 404.
fn branch_of(s: &str) -> Result<TerritoryCode, Fail> {
    code_of(s)
}

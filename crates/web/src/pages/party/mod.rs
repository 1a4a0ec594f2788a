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
mod own;
pub mod pipeline;

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
        .route(
            "/party/conferences/{id}/meetings",
            get(pipeline::meetings).post(pipeline::record_meeting),
        )
        .route("/party/{party}/regions/{region}", get(pipeline::dashboard))
        .route(
            "/party/{party}/regions/{region}/plan",
            post(pipeline::adopt_plan),
        )
        .route("/party/members/{id}", get(own::show))
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

/// What authorization asks about a command on a conference: its branch's target and the
/// conference itself (its counting commission's scope).
async fn conference_target(
    state: &WebState,
    c: &sailau_app::storage::party::ConferenceRow,
) -> Result<Target, Fail> {
    let mut t = branch_target(state, &c.party, &c.branch).await?;
    t.conference = Some(c.id);
    Ok(t)
}

/// Runs a form's command as the signed-in account: the new ledger index, or the form with the
/// domain's refusals next to their fields (the domain's field names renamed to the form's by
/// `names`, `(from, to)`).
async fn submit(
    page: &super::Page,
    state: &WebState,
    command: sailau_domain::Issued,
    mut form: super::FormState,
    names: &[(&str, &str)],
) -> Result<Result<u64, super::FormState>, Fail> {
    Ok(
        match super::territories::execute(page, state, command).await? {
            Ok(index) => Ok(index),
            Err(errors) => {
                form.absorb(&page.ctx, &super::elections::renamed(&errors, names));
                Err(form)
            }
        },
    )
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

/// A party role's scope in words, by name (issue 13 §9; never an identifier): a conference's
/// scope as «L (50-я) внеочередная конференция филиала партии «AMANAT» — Уилский район», a
/// member's by the member's name. `None` for the scopes of other roles.
pub async fn scope_words(
    state: &WebState,
    ctx: &PageCtx,
    scope: &sailau_domain::Scope,
) -> Result<Option<String>, Fail> {
    let store = state.app.store();
    Ok(match scope {
        sailau_domain::Scope::Conference { conference } => {
            let heading = match store.conference(conference).await? {
                Some(c) => {
                    let party = store
                        .party(&c.party)
                        .await?
                        .map(|p| p.short_name)
                        .unwrap_or_default();
                    let branch = store
                        .territory(&c.branch)
                        .await?
                        .map(|t| ctx.name_of(&t.names).to_owned())
                        .unwrap_or_default();
                    ctx.tr_args(
                        "pp-conference-heading",
                        &[
                            ("title", branches::conference_title(ctx, c.ordinal, &c.kind)),
                            ("party", party),
                            ("branch", branch),
                        ],
                    )
                }
                None => ctx.tr("pp-scope-unknown"),
            };
            Some(ctx.tr_arg("scope-conference", "conference", heading))
        }
        sailau_domain::Scope::Member { member } => {
            let name = match store.member_record(member).await? {
                Some(r) => r.full_name(),
                None => ctx.tr("pp-scope-unknown"),
            };
            Some(ctx.tr_arg("scope-member", "member", name))
        }
        _ => None,
    })
}

/// The account's own party pages, as (href, text): a member's or a delegate's own record, a
/// counting commission's conference. Empty for other accounts.
pub fn own_links(
    ctx: &PageCtx,
    role: sailau_domain::Role,
    scope: &sailau_domain::Scope,
) -> Vec<(String, String)> {
    use sailau_domain::{Role, Scope};
    match (role, scope) {
        (Role::PartyMember | Role::PartyDelegate, Scope::Member { member }) => {
            vec![(own::member_href(member), ctx.tr("pp-own-link"))]
        }
        (Role::CountingCommission, Scope::Conference { conference }) => {
            vec![(
                conference_href(conference),
                ctx.tr("pp-own-conference-link"),
            )]
        }
        _ => Vec::new(),
    }
}

/// A branch's territory code from a URL, or 404.
fn branch_of(s: &str) -> Result<TerritoryCode, Fail> {
    code_of(s)
}

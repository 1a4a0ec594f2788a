//! The list of elections, one election's page (rule set, calendar, contests), its rule-set text
//! and the public list of registered candidates.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use sailau_domain::elections::{Election, Level};
use sailau_domain::{CommandKind, Read, Scope, Target, authorize, authorize_read};

use super::calendar::CalendarView;
use super::{CandidateRow, contest_href, crumbs_root, election_href, election_id, now, when};
use crate::WebState;
use crate::pages::{Fail, Page, PageCtx};

/// An election in the list.
pub struct ElectionRow {
    /// Its page.
    pub href: String,
    /// Its name in the reader's language.
    pub name: String,
    /// The level in words.
    pub level: String,
    /// Election day.
    pub day: String,
    /// How many contests.
    pub contests: usize,
    /// The steps open now, in words ("" when none).
    pub open_now: String,
}

#[derive(Template)]
#[template(path = "elections/index.html")]
struct IndexPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    elections: Vec<ElectionRow>,
    can_call: bool,
    workbench: bool,
}

/// The level of an election in words.
pub fn level_text(ctx: &PageCtx, level: Level) -> String {
    match level {
        Level::District => ctx.tr("el-level-district"),
        Level::Rural => ctx.tr("el-level-rural"),
    }
}

/// An election's name in the reader's language.
pub fn election_name(ctx: &PageCtx, e: &Election) -> String {
    ctx.name_of(&e.names).to_owned()
}

/// Whether the signed-in account may call an election somewhere (its own territory).
pub fn may_call(page: &Page) -> bool {
    let Some(p) = page.principal() else {
        return false;
    };
    let path = match &p.scope {
        Scope::Territory { territory } => vec![territory.clone()],
        _ => Vec::new(),
    };
    let target = Target {
        territory_path: path,
        ..Target::default()
    };
    authorize(Some(p), CommandKind::CallElection, &target).is_ok()
}

/// Whether the signed-in account has a workbench.
pub fn has_workbench(page: &Page) -> bool {
    page.principal()
        .is_some_and(|p| authorize_read(Some(p), Read::Workbench, &Target::default()).is_ok())
}

/// GET /elections
pub async fn index(page: Page, State(state): State<WebState>) -> Response {
    let result = async {
        let ctx = &page.ctx;
        let at = now(&state);
        let mut elections = Vec::new();
        for e in state.app.elections().await? {
            let view = state.app.election(&e.id).await?;
            let open_now = view
                .calendar
                .windows
                .iter()
                .filter(|w| w.state(at) == sailau_domain::elections::WindowState::Open)
                .map(|w| ctx.tr(&super::calendar::step_key(w.phase.as_str())))
                .collect::<Vec<_>>()
                .join("; ");
            elections.push(ElectionRow {
                href: election_href(&e.id),
                name: election_name(ctx, &e),
                level: level_text(ctx, e.level),
                day: when::date(ctx.language(), e.election_day),
                contests: view.contests.len(),
                open_now,
            });
        }
        Ok::<_, Fail>(page.render(
            StatusCode::OK,
            &IndexPage {
                ctx: ctx.clone(),
                crumbs: crumbs_root(ctx),
                elections,
                can_call: may_call(&page),
                workbench: has_workbench(&page),
            },
        ))
    }
    .await;
    page.respond(result)
}

/// The rule set as the election page shows it.
pub struct RuleSetView {
    /// Its title in the reader's language.
    pub title: String,
    /// SHA-256 of its text.
    pub digest: String,
    /// Where its text is.
    pub href: String,
}

/// A contest in the election's list.
pub struct ContestRow {
    /// Its page.
    pub href: String,
    /// The unit's name.
    pub unit: String,
    /// Voters.
    pub voters: u64,
    /// Standing candidates.
    pub nominated: u64,
    /// Registered candidates.
    pub registered: u64,
    /// The min-candidates badge ("" when none).
    pub warning: String,
}

#[derive(Template)]
#[template(path = "elections/election.html")]
struct ShowPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    href: String,
    name: String,
    level: String,
    day: String,
    called_on: String,
    called_by: String,
    ruleset: RuleSetView,
    calendar: CalendarView,
    contests: Vec<ContestRow>,
    workbench: bool,
    /// The election-day pages, for the commissions and observers.
    day_pages: Option<String>,
    saved: Option<u64>,
}

/// GET /elections/{election}
pub async fn show(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        let ctx = &page.ctx;
        let lang = ctx.language();
        let id = election_id(&id)?;
        let view = state.app.election(&id).await?;
        let e = &view.election;
        let name = election_name(ctx, e);
        let called_by = match &e.territory {
            Some(t) => {
                let territory = state.app.store().territory(t).await?;
                let tname = territory
                    .as_ref()
                    .map_or_else(|| t.to_string(), |t| ctx.name_of(&t.names).to_owned());
                ctx.tr_arg("el-commission-of", "territory", tname)
            }
            None => ctx.tr("role-cec-member"),
        };
        let contests = view
            .contests
            .iter()
            .map(|c| ContestRow {
                href: contest_href(&id, &c.contest.id),
                unit: ctx.name_of(&c.unit.names).to_owned(),
                voters: c.contest.voters,
                nominated: c.standing,
                registered: c.registered,
                warning: if c.below_minimum {
                    ctx.tr("el-contest-below-minimum")
                } else {
                    String::new()
                },
            })
            .collect();
        let mut crumbs = crumbs_root(ctx);
        crumbs.push((election_href(&id), name.clone()));
        Ok::<_, Fail>(
            page.render(
                StatusCode::OK,
                &ShowPage {
                    ctx: ctx.clone(),
                    crumbs,
                    href: election_href(&id),
                    level: level_text(ctx, e.level),
                    day: when::date(lang, e.election_day),
                    called_on: when::date(lang, e.called_on),
                    called_by,
                    ruleset: RuleSetView {
                        title: ctx
                            .name_of(&sailau_domain::Names {
                                ru: view.rules.title.ru.clone(),
                                kk: view.rules.title.kk.clone(),
                                en: view.rules.title.en.clone(),
                            })
                            .to_owned(),
                        digest: e.rule_set_sha256.clone(),
                        href: format!("{}/rules.toml", election_href(&id)),
                    },
                    calendar: CalendarView::build(ctx, now(&state), &view.calendar),
                    contests,
                    workbench: has_workbench(&page),
                    day_pages: page
                        .principal()
                        .filter(|p| super::day::works_on_election_day(p.role))
                        .map(|_| super::day::day_href(&id)),
                    saved: crate::pages::saved_index(&query),
                    name,
                },
            ),
        )
    }
    .await;
    page.respond(result)
}

/// GET /elections/{election}/rules.toml: the rule set the election was called with, as recorded.
pub async fn rules_text(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
) -> Response {
    let result = async {
        let id = election_id(&id)?;
        let view = state.app.election(&id).await?;
        Ok::<_, Fail>(
            (
                StatusCode::OK,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                view.election.rule_set_toml,
            )
                .into_response(),
        )
    }
    .await;
    page.respond(result)
}

/// The registered candidates of one contest.
#[derive(Clone)]
pub struct CandidateGroup {
    /// The unit's name.
    pub unit: String,
    /// The contest's page.
    pub href: String,
    /// Its registered candidates by registration number.
    pub rows: Vec<CandidateRow>,
}

#[derive(Template)]
#[template(path = "elections/candidates.html")]
struct CandidatesPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    name: String,
    groups: Vec<CandidateGroup>,
    show_status: bool,
}

/// GET /elections/{election}/candidates: the public list of registered candidates per contest.
pub async fn candidates(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
) -> Response {
    let result = async {
        let ctx = &page.ctx;
        let id = election_id(&id)?;
        let view = state.app.election(&id).await?;
        let registered = state.app.registered_candidates(&id).await?;
        let parties = state.app.store().parties().await?;
        let groups = view
            .contests
            .iter()
            .map(|c| CandidateGroup {
                unit: ctx.name_of(&c.unit.names).to_owned(),
                href: contest_href(&id, &c.contest.id),
                rows: registered
                    .iter()
                    .filter(|r| r.contest == c.contest.id)
                    .map(|r| CandidateRow::of(ctx, &r.nomination, &parties, false))
                    .collect(),
            })
            .collect();
        let name = election_name(ctx, &view.election);
        let mut crumbs = crumbs_root(ctx);
        crumbs.push((election_href(&id), name.clone()));
        crumbs.push((String::new(), ctx.tr("el-candidates-title")));
        Ok::<_, Fail>(page.render(
            StatusCode::OK,
            &CandidatesPage {
                ctx: ctx.clone(),
                crumbs,
                name,
                groups,
                show_status: false,
            },
        ))
    }
    .await;
    page.respond(result)
}

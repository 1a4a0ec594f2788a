//! A contest's page (candidates and their status, voters, the min-candidates warning), producing
//! its ballots, and the printable ballot in Kazakh or Russian.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use sailau_domain::elections::{Phase, ProduceBallots};
use sailau_domain::{CommandKind, Target};
use sailau_i18n::Lang;

use super::list::election_name;
use super::{
    CandidateRow, contest_href, contest_id, crumbs_root, election_href, election_id, territory_path,
};
use crate::WebState;
use crate::pages::forms::see_other;
use crate::pages::territories::execute;
use crate::pages::{Fail, Page, PageCtx, check_form, form_map, may};

#[derive(Template)]
#[template(path = "elections/contest.html")]
struct ShowPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    href: String,
    voters: u64,
    signatures_needed: String,
    warning: String,
    rows: Vec<CandidateRow>,
    show_status: bool,
    self_nominate: bool,
    party_nominate: bool,
    akim_propose: bool,
    produce: Option<String>,
    /// Why producing the ballots is not offered now (its window closed or not yet open), or "".
    produce_closed: String,
    /// Why a nomination form the reader could use is not offered now (its window closed or not
    /// yet open).
    closed: Vec<String>,
    ballot_note: String,
    saved: Option<u64>,
}

/// GET /elections/{election}/contests/{contest}
pub async fn show(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let result = async {
        let ctx = &page.ctx;
        let election = election_id(&election)?;
        let contest = contest_id(&contest)?;
        let view = state.app.contest(&contest).await?;
        if view.election.id != election {
            return Err(Fail::NotFound);
        }
        let parties = state.app.store().parties().await?;
        let path = territory_path(&state, &view.contest.unit).await?;
        let unit_target = Target {
            territory_path: path.clone(),
            ..Target::default()
        };
        let mut rows = Vec::new();
        for n in &view.nominations {
            let target = Target {
                territory_path: path.clone(),
                party: n.route.party().cloned(),
                person: Some(n.candidate.person.id),
                ..Target::default()
            };
            // The nomination's own page is linked for whoever may act on it (the commission, the
            // candidate, the nominating party); everyone sees the row.
            let linked = may(page.principal(), CommandKind::TickDocument, &target)
                || may(page.principal(), CommandKind::CancelRegistration, &target);
            rows.push(CandidateRow::of(ctx, n, &parties, linked));
        }
        let unit = ctx.name_of(&view.unit.names).to_owned();
        let title = ctx.tr_arg("el-contest-title", "unit", &unit);
        let warning = if view.below_minimum {
            ctx.tr_args(
                "el-contest-min-warning",
                &[
                    ("count", view.registered.to_string()),
                    ("min", view.min_candidates.to_string()),
                ],
            )
        } else {
            String::new()
        };
        let rules = super::rules_of(&view.election)?;
        let signatures_needed = if rules
            .nomination
            .routes
            .iter()
            .any(|r| r == "self_nominated")
        {
            ctx.tr_args(
                "el-contest-signatures-needed",
                &[
                    ("count", view.signatures_required.to_string()),
                    (
                        "share",
                        format_share(rules.nomination.signature_share_percent),
                    ),
                    ("voters", view.contest.voters.to_string()),
                ],
            )
        } else {
            String::new()
        };
        let ballot_note = if view.contest.ballot_changed {
            ctx.tr("el-ballot-changed")
        } else if view.contest.ballots_produced {
            ctx.tr("el-ballots-produced")
        } else {
            String::new()
        };
        let href = contest_href(&election, &contest);
        let ename = election_name(ctx, &view.election);
        let mut crumbs = crumbs_root(ctx);
        crumbs.push((election_href(&election), ename));
        crumbs.push((href.clone(), unit));
        // A form is offered while its window is open; otherwise the page says when it closed
        // (or opens), as the server would refuse it.
        let calendar = super::calendar::of_contest(&view.contest, &view.election)?;
        let now = super::now(&state);
        let mut closed = Vec::new();
        let mut in_window = |phase: Phase, offered: bool| -> bool {
            if !offered {
                return false;
            }
            match super::calendar::closed_notice(ctx, &calendar, phase, now) {
                None => true,
                Some(notice) => {
                    if !closed.contains(&notice) {
                        closed.push(notice);
                    }
                    false
                }
            }
        };
        let self_nominate = may(
            page.principal(),
            CommandKind::ApplySelfNomination,
            &unit_target,
        ) && page
            .principal()
            .is_some_and(|p| p.role != sailau_domain::Role::Candidate);
        let party_target = Target {
            territory_path: path.clone(),
            party: match page.principal().map(|p| &p.scope) {
                Some(sailau_domain::Scope::Party { party, .. }) => Some(party.clone()),
                _ => None,
            },
            ..Target::default()
        };
        let party_nominate = may(
            page.principal(),
            CommandKind::NominateByParty,
            &party_target,
        );
        let self_nominate = in_window(Phase::Nomination, self_nominate);
        let party_nominate = in_window(Phase::Nomination, party_nominate);
        // The higher akim's route opens when a contest has fewer candidates than the minimum.
        let akim_propose = in_window(
            Phase::HigherAkimProposal,
            view.below_minimum
                && may(
                    page.principal(),
                    CommandKind::ProposeByHigherAkim,
                    &unit_target,
                ),
        );
        let may_produce = may(page.principal(), CommandKind::ProduceBallots, &unit_target);
        let produce_closed = if may_produce {
            super::calendar::closed_notice(ctx, &calendar, Phase::Ballots, now).unwrap_or_default()
        } else {
            String::new()
        };
        let produce =
            (may_produce && produce_closed.is_empty()).then(|| format!("{href}/ballots#ballot"));
        Ok(page.render(
            StatusCode::OK,
            &ShowPage {
                ctx: ctx.clone(),
                crumbs,
                title,
                href,
                voters: view.contest.voters,
                signatures_needed,
                warning,
                rows,
                show_status: true,
                self_nominate,
                party_nominate,
                akim_propose,
                produce,
                produce_closed,
                closed,
                ballot_note,
                saved: crate::pages::saved_index(&query),
            },
        ))
    }
    .await;
    page.respond(result)
}

/// A share of voters as people write it: `1`, `0,5` (ru, kk) or `0.5` (en).
fn format_share(percent: f64) -> String {
    let text = format!("{percent}");
    text.trim_end_matches(".0").to_owned()
}

/// POST /elections/{election}/contests/{contest}/ballots: marks the ballots produced.
pub async fn produce(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    let result = async {
        let election = election_id(&election)?;
        let contest = contest_id(&contest)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let href = contest_href(&election, &contest);
        match execute(&page, &state, ProduceBallots { contest }.into()).await? {
            Ok(index) => Ok(see_other(&format!("{href}?saved={index}#ballot"))),
            Err(errors) => {
                // Nothing on the page to correct: the refusal is told on the error page.
                tracing::info!(?errors, "producing ballots refused");
                Err(Fail::from(sailau_app::AppError::Invalid(errors)))
            }
        }
    }
    .await;
    page.respond(result)
}

/// A ballot line as the printable page writes it.
pub struct LineView {
    /// SURNAME in capitals.
    pub surname: String,
    /// Given name and patronymic.
    pub rest: String,
    /// Year of birth.
    pub born: String,
    /// The post as the candidate wrote it.
    pub post: String,
    /// The post's language when it is not the ballot's (`lang` of its element), else `None`.
    pub post_lang: Option<&'static str>,
    /// Who nominated, in the ballot's language.
    pub nominated: String,
}

/// The printable ballot.
pub struct BallotView {
    /// `kk` or `ru`.
    pub lang: &'static str,
    /// «Сайлау бюллетені» / «Избирательный бюллетень» (the rule set's text).
    pub title: String,
    /// The contest and the day.
    pub subtitle: String,
    /// The candidates in ballot order.
    pub lines: Vec<LineView>,
    /// «Барлығына қарсы» / «Против всех».
    pub against_all: String,
    /// A registration was cancelled after the ballots were produced.
    pub changed: bool,
}

#[derive(Template)]
#[template(path = "elections/ballot.html")]
struct BallotPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    b: BallotView,
    pdf_href: String,
    other_href: String,
    other_lang_name: String,
}

/// GET /elections/{election}/contests/{contest}/ballot?lang=kk|ru: the printable ballot in the
/// page's language (Kazakh or Russian; an English reader gets the Russian ballot and links to both).
pub async fn ballot(
    page: Page,
    State(state): State<WebState>,
    Path((election, contest)): Path<(String, String)>,
) -> Response {
    let result = async {
        let ctx = &page.ctx;
        let election = election_id(&election)?;
        let contest = contest_id(&contest)?;
        let view = state.app.contest(&contest).await?;
        if view.election.id != election {
            return Err(Fail::NotFound);
        }
        let b = state.app.ballot(&contest).await?;
        let kk = ctx.language() == Lang::Kk;
        let unit = if kk {
            view.unit.names.kk.clone()
        } else {
            view.unit.names.ru.clone()
        };
        let lines = b
            .candidates
            .iter()
            .map(|l| {
                let nomination = if kk {
                    &l.nomination_kk
                } else {
                    &l.nomination_ru
                };
                LineView {
                    surname: l.surname.clone(),
                    rest: [l.given_name.as_str(), l.patronymic.as_str()]
                        .iter()
                        .filter(|s| !s.is_empty())
                        .copied()
                        .collect::<Vec<_>>()
                        .join(" "),
                    born: l.birth_year.to_string(),
                    post: l.post.clone(),
                    post_lang: crate::pages::ctx::written_in(&l.post)
                        .filter(|lang| *lang != if kk { "kk" } else { "ru" }),
                    nominated: nomination.clone(),
                }
            })
            .collect();
        let href = contest_href(&election, &contest);
        let (this, other, other_name) = if kk {
            ("kk", "ru", ctx.tr("el-ballot-in-ru"))
        } else {
            ("ru", "kk", ctx.tr("el-ballot-in-kk"))
        };
        let ename = election_name(ctx, &view.election);
        let mut crumbs = crumbs_root(ctx);
        crumbs.push((election_href(&election), ename));
        crumbs.push((href.clone(), ctx.name_of(&view.unit.names).to_owned()));
        crumbs.push((String::new(), ctx.tr("el-ballot-title")));
        Ok(page.render(
            StatusCode::OK,
            &BallotPage {
                ctx: ctx.clone(),
                crumbs,
                b: BallotView {
                    lang: this,
                    title: if kk {
                        b.title_kk.clone()
                    } else {
                        b.title_ru.clone()
                    },
                    subtitle: format!("{unit} — {}", b.election_day),
                    lines,
                    against_all: if kk {
                        b.against_all_kk.clone()
                    } else {
                        b.against_all_ru.clone()
                    },
                    changed: b.changed,
                },
                pdf_href: format!("{href}/ballot.pdf?lang={this}"),
                other_href: format!("{href}/ballot?lang={other}"),
                other_lang_name: other_name,
            },
        ))
    }
    .await;
    page.respond(result)
}

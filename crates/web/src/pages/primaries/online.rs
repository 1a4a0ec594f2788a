//! The pages of the primaries' verifiable online vote (issue 14 §4–§5, §8, §10):
//!
//! * `/primaries/{id}/online` — how far the vote has got (the trustees' rounds, the joint key,
//!   the credentials, the board, the tally and decryption, the participation register's counts),
//!   the record to download, and each role's form: a trustee uploads its ceremony files and its
//!   decryption share, the credential authority its `credentials.jsonl`, the committee closes
//!   the ballot box and publishes the counts, a paper station issues a paper ballot;
//! * `/primaries/{id}/vote` — the member's ballot: the code, the choices, encryption in the
//!   browser by `/assets/sailau-vote.js` (`/assets/vote-page.js` drives the page), the ballot's
//!   fingerprint, cast or challenge, the tracking code;
//! * `/primaries/{id}/board` — the public board with a tracking-code lookup, and
//!   `/primaries/{id}/board/{hash}` — one ballot; a challenged ballot's opening is checked
//!   there, on the server, against the ballot, and the choices it reveals are shown by name.

use std::collections::HashMap;

use askama::Template;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::FormRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use sailau_app::primaries::online::{ceremony_command, credentials_command, share_command};
use sailau_domain::primaries::online::{
    IssuePaperBallot, RestartCeremony, SubmissionKind, Verdict, Voter,
};
use sailau_domain::primaries::{CampaignId, WindowState, instant};
use sailau_domain::{CommandKind, Issued, Role, Scope};
use serde::Deserialize;

use super::super::forms::see_other;
use super::super::{Fail, Page, PageCtx, check_form, form_map, may};
use super::{campaign_href, local, local_end, name, paper_organizations, refusal_messages, target};
use crate::WebState;

/// The routes of the online vote's pages.
pub fn router() -> axum::Router<WebState> {
    use axum::routing::{get, post};
    axum::Router::new()
        .route("/primaries/{id}/online", get(online))
        .route(
            "/primaries/{id}/online/ceremony",
            post(upload_ceremony).layer(axum::extract::DefaultBodyLimit::max(1024 * 1024)),
        )
        .route(
            "/primaries/{id}/online/share",
            post(upload_share).layer(axum::extract::DefaultBodyLimit::max(1024 * 1024)),
        )
        .route(
            "/primaries/{id}/online/credentials",
            post(upload_credentials).layer(axum::extract::DefaultBodyLimit::max(128 * 1024 * 1024)),
        )
        .route("/primaries/{id}/online/tally", post(tally))
        .route("/primaries/{id}/online/restart", post(restart))
        .route("/primaries/{id}/online/roster.csv", get(roster))
        .route("/primaries/{id}/online/results", post(results))
        .route("/primaries/{id}/online/paper-ballot", post(paper_ballot))
        .route("/primaries/{id}/vote", get(vote))
        .route("/primaries/{id}/board", get(board))
        .route("/primaries/{id}/board/{hash}", get(ballot))
}

/// A line of the status table.
pub struct StatusRow {
    name: String,
    value: String,
    ok: bool,
}

/// A complaint of round 3 as the page shows it.
pub struct ComplaintRow {
    /// The complaining trustee's number.
    complainant: u32,
    /// The dealer's number.
    dealer: u32,
    /// The verdict, in words.
    verdict: String,
    /// The disqualified trustee's number.
    disqualified: u32,
}

/// The committee's restart form: one field per trustee, `(name, label, current account)`.
pub struct RestartForm {
    trustees: Vec<(String, String, String)>,
}

/// The ceremony or share upload form of a trustee.
pub struct TrusteeForm {
    /// The trustee's number, when the account is one of the campaign's trustees (an
    /// administrator types it).
    number: Option<u32>,
    /// The rounds as (value, label).
    rounds: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "primaries/online.html")]
struct OnlinePage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    href: String,
    status: Vec<StatusRow>,
    joint_key: Option<String>,
    election_hash: Option<String>,
    head: Option<String>,
    may_vote: bool,
    voting_open: bool,
    has_record: bool,
    ceremony: Option<TrusteeForm>,
    complaints: Vec<ComplaintRow>,
    restart: Option<RestartForm>,
    share: Option<TrusteeForm>,
    credentials: bool,
    /// The voter roster's download, for the credential authority.
    roster: Option<String>,
    may_tally: bool,
    may_publish: bool,
    paper: Vec<(String, String)>,
    refused: Vec<String>,
    /// The ledger entry of the change just made.
    saved: Option<u64>,
    /// The record's download.
    record: String,
    /// Whether the record is complete (decrypted): `sailau verify` without `--incomplete`.
    complete: bool,
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<u64>,
}

/// GET /primaries/{id}/online
async fn online(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    Query(q): Query<SavedQuery>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        online_page(&page, &state, id, Vec::new(), q.saved).await
    })
    .await
}

async fn online_page(
    page: &Page,
    state: &WebState,
    id: CampaignId,
    refused: Vec<String>,
    saved: Option<u64>,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let c = state
        .app
        .store()
        .campaign(&id)
        .await?
        .ok_or(Fail::NotFound)?;
    let v = state.app.online_view(&id).await?;
    let now = instant(state.app.now_ms());
    let t = target(state, &c).await?;
    let title = c.title(ctx.lang).to_owned();
    let w = &c.opened.windows;
    let yes_no = |b: bool| {
        ctx.tr(if b {
            "prim-online-yes"
        } else {
            "prim-online-no"
        })
    };
    let list = |xs: &[u32]| {
        if xs.is_empty() {
            "—".to_owned()
        } else {
            xs.iter()
                .map(|x| format!("№ {x}"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let n = v.trustees.map(|t| t.0).unwrap_or(0) as usize;
    let fixed = v.trustees.is_some();
    let mut status = vec![
        StatusRow {
            name: ctx.tr("prim-online-ballot-fixed"),
            value: yes_no(fixed),
            ok: fixed,
        },
        StatusRow {
            name: ctx.tr("prim-online-trustees"),
            value: match v.trustees {
                Some((n, t)) => ctx.tr_args(
                    "prim-online-trustees-value",
                    &[("count", n.to_string()), ("number", t.to_string())],
                ),
                None => "—".into(),
            },
            ok: fixed,
        },
    ];
    for (i, key) in [
        "prim-online-round-1",
        "prim-online-round-2",
        "prim-online-round-3",
    ]
    .iter()
    .enumerate()
    {
        status.push(StatusRow {
            name: ctx.tr(key),
            value: list(&v.rounds[i]),
            ok: n > 0 && v.rounds[i].len() == n,
        });
    }
    if !v.complaints.is_empty() || v.aborted > 0 {
        status.push(StatusRow {
            name: ctx.tr("prim-online-aborted"),
            value: ctx.tr_args(
                "prim-online-aborted-value",
                &[
                    ("count", v.aborted.to_string()),
                    (
                        "state",
                        if v.complaints.is_empty() { "no" } else { "yes" }.to_owned(),
                    ),
                ],
            ),
            ok: v.complaints.is_empty(),
        });
    }
    status.push(StatusRow {
        name: ctx.tr("prim-online-key"),
        value: yes_no(v.joint_key.is_some()),
        ok: v.joint_key.is_some(),
    });
    status.push(StatusRow {
        name: ctx.tr("prim-online-credentials"),
        value: match v.credentials {
            Some(k) => k.to_string(),
            None => "—".into(),
        },
        ok: v.credentials.is_some(),
    });
    status.push(StatusRow {
        name: ctx.tr("prim-window-online"),
        value: format!(
            "{} — {}",
            local(&c, w.online_voting.opens),
            local_end(&c, w.online_voting.closes)
        ),
        ok: w.online_voting.state(now) == WindowState::Open,
    });
    status.push(StatusRow {
        name: ctx.tr("prim-online-board"),
        value: ctx.tr_args(
            "prim-online-board-value",
            &[
                ("count", v.board.0.to_string()),
                ("number", v.board.1.to_string()),
                ("index", v.board.2.to_string()),
            ],
        ),
        ok: true,
    });
    status.push(StatusRow {
        name: ctx.tr("prim-online-participation"),
        value: ctx.tr_args(
            "prim-online-participation-value",
            &[
                ("count", v.participation.0.to_string()),
                ("number", v.participation.1.to_string()),
            ],
        ),
        ok: true,
    });
    // A code counts once, but nothing on the server ties a code to its member: more counted
    // codes than members who voted online means codes were used by someone else's account.
    if v.board.1 > v.participation.0 {
        status.push(StatusRow {
            name: ctx.tr("prim-online-codes-mismatch"),
            value: ctx.tr_args(
                "prim-online-codes-mismatch-value",
                &[
                    ("count", v.board.1.to_string()),
                    ("number", v.participation.0.to_string()),
                ],
            ),
            ok: false,
        });
    }
    status.push(StatusRow {
        name: ctx.tr("prim-online-tallied"),
        value: yes_no(v.tallied),
        ok: v.tallied,
    });
    status.push(StatusRow {
        name: ctx.tr("prim-online-round-4"),
        value: list(&v.rounds[3]),
        ok: v.decrypted,
    });
    status.push(StatusRow {
        name: ctx.tr("prim-online-decrypted"),
        value: yes_no(v.decrypted),
        ok: v.decrypted,
    });
    let principal = page.principal();
    let trustee_number = principal
        .and_then(|p| sailau_domain::primaries::online::trustee_index(&c, p.username.as_str()));
    let is_admin = principal.is_some_and(|p| p.role == Role::Administrator);
    let may_ceremony = may(principal, CommandKind::PublishCeremonyFile, &t)
        && (trustee_number.is_some() || is_admin);
    let rounds = (1..=3)
        .map(|r| (r.to_string(), ctx.tr(&format!("prim-online-round-{r}"))))
        .collect();
    let complaints = v
        .complaints
        .iter()
        .map(|j| ComplaintRow {
            complainant: j.complaint.recipient,
            dealer: j.complaint.dealer,
            verdict: ctx.tr(match j.verdict {
                Verdict::DealerCheated => "prim-verdict-dealer-cheated",
                Verdict::ComplaintUnfounded => "prim-verdict-unfounded",
                Verdict::ComplaintInvalid => "prim-verdict-invalid",
            }),
            disqualified: j.disqualified(),
        })
        .collect::<Vec<_>>();
    let restart = (may(principal, CommandKind::RestartCeremony, &t)
        && !complaints.is_empty()
        && now < w.online_voting.closes)
        .then(|| RestartForm {
            trustees: c
                .opened
                .trustees
                .iter()
                .enumerate()
                .map(|(i, u)| {
                    (
                        format!("trustee-{}", i + 1),
                        ctx.tr_arg("prim-online-trustee-n", "index", i + 1),
                        u.to_string(),
                    )
                })
                .collect(),
        });
    let ceremony = (may_ceremony
        && fixed
        && v.joint_key.is_none()
        && v.complaints.is_empty()
        && now < w.online_voting.closes)
        .then_some(TrusteeForm {
            number: trustee_number,
            rounds,
        });
    let share = (may(principal, CommandKind::PublishDecryptionShare, &t)
        && (trustee_number.is_some() || is_admin)
        && v.tallied
        && !v.decrypted)
        .then(|| TrusteeForm {
            number: trustee_number,
            rounds: Vec::new(),
        });
    let credentials = may(principal, CommandKind::PublishCredentials, &t)
        && fixed
        && v.credentials.is_none()
        && now < c.voting_opens();
    let may_tally = may(principal, CommandKind::TallyBoard, &t)
        && v.joint_key.is_some()
        && !v.tallied
        && now >= w.online_voting.closes;
    let may_publish = may(principal, CommandKind::PublishResults, &t)
        && v.tallied
        && !v.decrypted
        && v.trustees
            .is_some_and(|(_, th)| v.rounds[3].len() >= th as usize);
    let paper = if w.paper_voting.contains(now) {
        paper_organizations(page, state, &c).await?
    } else {
        Vec::new()
    };
    let failed = !refused.is_empty();
    Ok(page.render(
        if failed {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        },
        &OnlinePage {
            ctx: ctx.clone(),
            crumbs: vec![
                ("/primaries".into(), ctx.tr("prim-title")),
                (campaign_href(&id), title.clone()),
                (
                    format!("{}/online", campaign_href(&id)),
                    ctx.tr("prim-online"),
                ),
            ],
            title,
            href: campaign_href(&id),
            status,
            joint_key: v.joint_key.clone(),
            election_hash: v.election_hash.clone(),
            head: v.head.clone(),
            may_vote: own_member(page).is_some(),
            voting_open: w.online_voting.contains(now) && !v.tallied,
            has_record: fixed,
            roster: sailau_domain::authorize_read(principal, sailau_domain::Read::VoterRoster, &t)
                .is_ok()
                .then(|| format!("{}/online/roster.csv", campaign_href(&id))),
            ceremony,
            complaints,
            restart,
            share,
            credentials,
            may_tally,
            may_publish,
            paper,
            refused,
            saved,
            record: format!("/api/v1/primaries/{id}/record.zip"),
            complete: v.decrypted,
        },
    ))
}

/// The member of a signed-in member's or delegate's account.
fn own_member(page: &Page) -> Option<sailau_domain::party::member::MemberId> {
    match page.principal().map(|p| (&p.role, &p.scope)) {
        Some((Role::PartyMember | Role::PartyDelegate, Scope::Member { member })) => Some(*member),
        _ => None,
    }
}

/// Runs a command from one of the online page's forms: to the page with `saved` on success,
/// the page with the refusals (422) otherwise.
async fn run(
    page: &Page,
    state: &WebState,
    id: CampaignId,
    command: Issued,
) -> Result<Response, Fail> {
    match super::super::territories::execute(page, state, command).await? {
        Ok(index) => Ok(see_other(&format!(
            "{}/online?saved={index}#status",
            campaign_href(&id)
        ))),
        Err(errors) => {
            let messages = refusal_messages(&page.ctx, &errors);
            online_page(page, state, id, messages, None).await
        }
    }
}

/// A command that could not even be built (an unreadable file, a tally before the key): the
/// page with the rules it broke (422); any other failure is the error page.
async fn refused(
    page: &Page,
    state: &WebState,
    id: CampaignId,
    e: sailau_app::AppError,
) -> Result<Response, Fail> {
    match e {
        sailau_app::AppError::Invalid(errors) => {
            let messages = refusal_messages(&page.ctx, &errors);
            online_page(page, state, id, messages, None).await
        }
        e => Err(e.into()),
    }
}

/// A refusal before any command: the page with one message (422).
async fn refuse(
    page: &Page,
    state: &WebState,
    id: CampaignId,
    key: &str,
) -> Result<Response, Fail> {
    let message = page.ctx.tr(key);
    online_page(page, state, id, vec![message], None).await
}

/// A form's upload, CSRF-checked: its fields and the bytes of its `file`; or the online page
/// saying the file is too large or missing (422).
async fn uploaded(
    page: &Page,
    state: &WebState,
    id: CampaignId,
    headers: &HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Result<(HashMap<String, String>, Vec<u8>), Response>, Fail> {
    let upload = super::super::elections::upload::read(multipart).await?;
    if upload.too_large {
        return Ok(Err(
            refuse(page, state, id, "prim-online-file-too-large").await?
        ));
    }
    check_form(page, headers, &upload.fields)?;
    match upload.files.get("file").filter(|f| !f.bytes.is_empty()) {
        Some(f) => Ok(Ok((upload.fields.clone(), f.bytes.to_vec()))),
        None => Ok(Err(refuse(page, state, id, "file-required").await?)),
    }
}

/// The trustee number of a trustee's form: its own place, or what an administrator typed.
fn trustee_of(
    page: &Page,
    state_campaign: &sailau_domain::primaries::campaign::Campaign,
    fields: &HashMap<String, String>,
) -> Option<u32> {
    page.principal()
        .and_then(|p| {
            sailau_domain::primaries::online::trustee_index(state_campaign, p.username.as_str())
        })
        .or_else(|| fields.get("trustee").and_then(|t| t.trim().parse().ok()))
}

/// POST /primaries/{id}/online/ceremony (multipart: `csrf`, `round`, `file`, and `trustee` for an
/// administrator): a trustee's ceremony file.
async fn upload_ceremony(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let c = state
            .app
            .store()
            .campaign(&id)
            .await?
            .ok_or(Fail::NotFound)?;
        let (fields, bytes) = match uploaded(&page, &state, id, &headers, multipart).await? {
            Ok(upload) => upload,
            Err(answer) => return Ok(answer),
        };
        let Some(trustee) = trustee_of(&page, &c, &fields) else {
            return refuse(&page, &state, id, "prim-not-your-trustee").await;
        };
        let round: u8 = match fields.get("round").map(|r| r.trim()) {
            Some("1") => 1,
            Some("2") => 2,
            Some("3") => 3,
            _ => return refuse(&page, &state, id, "prim-online-round-required").await,
        };
        let text = String::from_utf8_lossy(&bytes);
        match ceremony_command(id, trustee, round, &text) {
            Ok(cmd) => run(&page, &state, id, cmd.into()).await,
            Err(e) => refused(&page, &state, id, e).await,
        }
    })
    .await
}

/// POST /primaries/{id}/online/share (multipart: `csrf`, `file`): a trustee's decryption share.
async fn upload_share(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let (_, bytes) = match uploaded(&page, &state, id, &headers, multipart).await? {
            Ok(upload) => upload,
            Err(answer) => return Ok(answer),
        };
        match share_command(id, &String::from_utf8_lossy(&bytes)) {
            Ok(cmd) => run(&page, &state, id, cmd.into()).await,
            Err(e) => refused(&page, &state, id, e).await,
        }
    })
    .await
}

/// POST /primaries/{id}/online/credentials (multipart: `csrf`, `file`): `credentials.jsonl`.
async fn upload_credentials(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let (_, bytes) = match uploaded(&page, &state, id, &headers, multipart).await? {
            Ok(upload) => upload,
            Err(answer) => return Ok(answer),
        };
        match credentials_command(id, bytes) {
            Ok(issued) => run(&page, &state, id, issued).await,
            Err(e) => refused(&page, &state, id, e).await,
        }
    })
    .await
}

/// POST /primaries/{id}/online/tally: the committee closes the ballot box.
async fn tally(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        match state.app.tally_command(&id).await {
            Ok(cmd) => run(&page, &state, id, cmd.into()).await,
            Err(e) => refused(&page, &state, id, e).await,
        }
    })
    .await
}

/// GET /primaries/{id}/online/roster.csv: the members who may vote, numbered in the order of
/// the credential authority's codes (`App::voter_roster`); the authority's download.
async fn roster(page: Page, State(state): State<WebState>, Path(id): Path<String>) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let lines = state.app.voter_roster(page.principal(), &id).await?;
        let bytes = sailau_app::primaries::online::roster_csv(&lines)?;
        Ok((
            [
                (
                    axum::http::header::CONTENT_TYPE,
                    "text/csv; charset=utf-8".to_owned(),
                ),
                (
                    axum::http::header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"roster-{id}.csv\""),
                ),
            ],
            bytes,
        )
            .into_response())
    })
    .await
}

/// POST /primaries/{id}/online/restart (`trustee-1` … `trustee-n`: accounts): the committee
/// restarts a key ceremony that a complaint aborted, with these trustees.
async fn restart(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let mut errors = sailau_domain::ValidationErrors::new();
        let mut trustees = Vec::new();
        for i in 1.. {
            let Some(v) = values.get(&format!("trustee-{i}")) else {
                break;
            };
            match sailau_domain::account::Username::parse(v) {
                Ok(u) => trustees.push(u),
                Err(rule) => errors.push(format!("trustees[{}]", i - 1), rule),
            }
        }
        if !errors.is_empty() {
            let messages = refusal_messages(&page.ctx, &errors);
            return online_page(&page, &state, id, messages, None).await;
        }
        let cmd = RestartCeremony {
            campaign: id,
            trustees,
        };
        run(&page, &state, id, cmd.into()).await
    })
    .await
}

/// POST /primaries/{id}/online/results: the committee publishes the online counts.
async fn results(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        match state.app.results_command(&id).await {
            Ok(cmd) => run(&page, &state, id, cmd.into()).await,
            Err(e) => refused(&page, &state, id, e).await,
        }
    })
    .await
}

/// POST /primaries/{id}/online/paper-ballot (`organization`, `card`): a paper station gives the
/// member with this party card a paper ballot.
async fn paper_ballot(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let c = state
            .app
            .store()
            .campaign(&id)
            .await?
            .ok_or(Fail::NotFound)?;
        let card = values.get("card").map(|s| s.trim()).unwrap_or_default();
        if card.is_empty() {
            return refuse(&page, &state, id, "prim-online-card-required").await;
        }
        let Ok(organization) = sailau_domain::TerritoryCode::parse(
            values
                .get("organization")
                .map(|s| s.trim())
                .unwrap_or_default(),
        ) else {
            return refuse(&page, &state, id, "prim-online-organization-required").await;
        };
        // Card numbers are printed in capitals; a number typed in small letters is the same.
        let store = state.app.store();
        let member = match store.member_by_card(&c.opened.party, card).await? {
            Some(m) => Some(m),
            None => {
                store
                    .member_by_card(&c.opened.party, &card.to_uppercase())
                    .await?
            }
        };
        let Some(member) = member else {
            return refuse(&page, &state, id, "prim-online-card-unknown").await;
        };
        let cmd = Issued::new(
            IssuePaperBallot {
                campaign: id,
                organization,
            },
            Voter {
                member,
                submission: None,
                proofs_checked: false,
            },
        );
        run(&page, &state, id, cmd).await
    })
    .await
}

/// The choices a challenged ballot reveals, by contest (its title, the contenders' names).
type Revealed = Vec<(String, Vec<String>)>;

/// One contest of the vote page: its options with the contenders' names.
pub struct VoteContest {
    id: String,
    title: String,
    hint: String,
    /// Radio buttons (one mark) or check boxes.
    single: bool,
    options: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "primaries/vote.html")]
struct VotePage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    href: String,
    /// Why the member cannot vote here now (signed out, not a member, closed, no key yet).
    blocked: Option<String>,
    /// Whether nobody is signed in (the page links to the sign-in).
    signed_out: bool,
    contests: Vec<VoteContest>,
    /// The election's public files and the page's messages, for `vote-page.js`.
    data: String,
}

/// GET /primaries/{id}/vote
async fn vote(page: Page, State(state): State<WebState>, Path(id): Path<String>) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let ctx = &page.ctx;
        let view = state.app.campaign_view(&id).await?.ok_or(Fail::NotFound)?;
        let c = &view.campaign;
        let v = state.app.online_view(&id).await?;
        let files = state.app.election_public(&id).await?;
        let now = instant(state.app.now_ms());
        let w = &c.opened.windows.online_voting;
        let blocked = if page.session.is_none() {
            Some(ctx.tr("prim-vote-sign-in"))
        } else if own_member(&page).is_none() {
            Some(ctx.tr("prim-not-voter"))
        } else if v.joint_key.is_none() || v.credentials.is_none() {
            Some(ctx.tr("prim-key-not-published"))
        } else if now >= w.closes || v.tallied {
            Some(ctx.tr_arg("prim-vote-over", "closes", local_end(c, w.closes)))
        } else if !w.contains(now) {
            Some(ctx.tr_args(
                "prim-voting-closed",
                &[
                    ("opens", local(c, w.opens)),
                    ("closes", local_end(c, w.closes)),
                ],
            ))
        } else {
            None
        };
        let names: HashMap<String, String> = view
            .contenders
            .iter()
            .map(|x| {
                (
                    x.contender.registered.contender.to_string(),
                    name(ctx, Some(x)),
                )
            })
            .collect();
        let contests = match &files {
            Some(f) => f
                .manifest
                .contests
                .iter()
                .map(|k| VoteContest {
                    id: k.id.clone(),
                    title: c
                        .position(&k.id)
                        .map(|p| p.name(ctx.lang).to_owned())
                        .unwrap_or_else(|| k.title.clone()),
                    hint: if k.max_selections == 1 {
                        ctx.tr("prim-vote-choose-one")
                    } else {
                        ctx.tr_arg("prim-vote-choose-up-to", "count", k.max_selections)
                    },
                    single: k.max_selections == 1,
                    options: k
                        .options
                        .iter()
                        .map(|o| {
                            (
                                o.id.clone(),
                                names.get(&o.id).cloned().unwrap_or_else(|| o.label.clone()),
                            )
                        })
                        .collect(),
                })
                .collect(),
            None => Vec::new(),
        };
        let messages: HashMap<&str, String> = [
            "bad-credential",
            "wrong-credential",
            "over-vote",
            "under-vote",
            "unknown-choice",
            "network",
            "generic",
            "empty-code",
            "signed-out",
        ]
        .into_iter()
        .map(|code| (code, ctx.tr(&format!("prim-vote-error-{code}"))))
        .collect();
        let data = serde_json::json!({
            "campaign": id.to_string(),
            "lang": ctx.lang,
            "csrf": ctx.csrf,
            "board": format!("{}/board", campaign_href(&id)),
            "election": files.as_ref().map(|f| serde_json::json!({
                "manifest": f.manifest,
                "parameters": f.parameters,
                "election": f.election,
                "trustees": f.trustees,
            })),
            "messages": messages,
        });
        let title = c.title(ctx.lang).to_owned();
        Ok(page.render(
            StatusCode::OK,
            &VotePage {
                ctx: ctx.clone(),
                crumbs: vec![
                    ("/primaries".into(), ctx.tr("prim-title")),
                    (campaign_href(&id), title.clone()),
                    (format!("{}/vote", campaign_href(&id)), ctx.tr("prim-vote")),
                ],
                title,
                href: campaign_href(&id),
                blocked,
                signed_out: page.session.is_none(),
                contests,
                // `</` never appears inside the JSON block: the page reads it as data.
                data: data.to_string().replace("</", "<\\/"),
            },
        ))
    })
    .await
}

/// A ballot's line on the board page.
pub struct BoardRowView {
    seq: u64,
    code: String,
    code_short: String,
    hash: String,
    href: String,
}

#[derive(Template)]
#[template(path = "primaries/board.html")]
struct BoardPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    href: String,
    query: String,
    /// The lookup's outcome: found (link) or not.
    found: Option<Result<(String, String), String>>,
    cast: Vec<BoardRowView>,
    challenged: Vec<BoardRowView>,
    summary: String,
    /// The next page's `from`, when there is more.
    more: Option<u64>,
}

#[derive(Deserialize)]
struct BoardQuery {
    code: Option<String>,
    /// The first place to list; anything but a whole number from 1 lists from the start.
    from: Option<String>,
}

const BOARD_PAGE: u64 = 200;

/// GET /primaries/{id}/board
async fn board(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    Query(q): Query<BoardQuery>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let ctx = &page.ctx;
        let c = state
            .app
            .store()
            .campaign(&id)
            .await?
            .ok_or(Fail::NotFound)?;
        let store = state.app.store();
        let row_view = |r: sailau_app::storage::primaries::online::BoardRow| {
            let code = r.tracking_code.clone().unwrap_or_default();
            BoardRowView {
                seq: r.seq,
                code_short: sailau_app::primaries::online::short_code(&code),
                code,
                href: format!("{}/board/{}", campaign_href(&id), r.ballot_hash),
                hash: r.ballot_hash,
            }
        };
        let query = q.code.clone().unwrap_or_default();
        let found = match q.code.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(code) => Some(match crate::api::primaries::normalize_code(code) {
                None => Err(ctx.tr("prim-board-code-format")),
                Some(hex) => match store.find_ballot(&id, &hex).await? {
                    Some(r) => {
                        let replaced = store.superseded(&id, &r).await?;
                        let key = match r.kind {
                            SubmissionKind::Cast => "prim-board-found",
                            SubmissionKind::Challenged => "prim-board-found-challenged",
                        };
                        let v = row_view(r);
                        let mut text = ctx.tr_arg(key, "number", v.seq);
                        if replaced {
                            text = format!("{text} {}", ctx.tr("prim-ballot-superseded"));
                        }
                        Ok((v.href, text))
                    }
                    None => Err(ctx.tr("prim-board-not-found")),
                },
            }),
        };
        let from = q
            .from
            .as_deref()
            .and_then(|f| f.trim().parse::<u64>().ok())
            .unwrap_or(1)
            .max(1);
        let mut cast: Vec<BoardRowView> = store
            .board_rows(&id, SubmissionKind::Cast, from, BOARD_PAGE + 1)
            .await?
            .into_iter()
            .map(row_view)
            .collect();
        let more = (cast.len() as u64 > BOARD_PAGE).then_some(from + BOARD_PAGE);
        cast.truncate(BOARD_PAGE as usize);
        let challenged = store
            .board_rows(&id, SubmissionKind::Challenged, 1, 1000)
            .await?
            .into_iter()
            .map(row_view)
            .collect();
        let v = state.app.online_view(&id).await?;
        let title = c.title(ctx.lang).to_owned();
        let status = if found.as_ref().is_some_and(|f| f.is_err()) {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::OK
        };
        Ok(page.render(
            status,
            &BoardPage {
                ctx: ctx.clone(),
                crumbs: vec![
                    ("/primaries".into(), ctx.tr("prim-title")),
                    (campaign_href(&id), title.clone()),
                    (
                        format!("{}/board", campaign_href(&id)),
                        ctx.tr("prim-board"),
                    ),
                ],
                summary: ctx.tr_args(
                    "prim-online-board-value",
                    &[
                        ("count", v.board.0.to_string()),
                        ("number", v.board.1.to_string()),
                        ("index", v.board.2.to_string()),
                    ],
                ),
                title,
                href: campaign_href(&id),
                query,
                found,
                cast,
                challenged,
                more,
            },
        ))
    })
    .await
}

#[derive(Template)]
#[template(path = "primaries/ballot.html")]
struct BallotPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    href: String,
    kind: String,
    seq: u64,
    hash: String,
    code: String,
    credential: String,
    /// A challenged ballot: whether its opening opens it, and the choices it reveals by
    /// contest.
    opening: Option<Result<Revealed, String>>,
    json: String,
    /// A cast ballot replaced by a later one of the same credential.
    superseded: bool,
}

/// GET /primaries/{id}/board/{hash}: one ballot; a challenged one with its opening checked.
async fn ballot(
    page: Page,
    State(state): State<WebState>,
    Path((id, hash)): Path<(String, String)>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let hex = crate::api::primaries::normalize_code(&hash).ok_or(Fail::NotFound)?;
        let ctx = &page.ctx;
        let view = state.app.campaign_view(&id).await?.ok_or(Fail::NotFound)?;
        let row = state
            .app
            .store()
            .find_ballot(&id, &hex)
            .await?
            .ok_or(Fail::NotFound)?;
        let names: HashMap<String, String> = view
            .contenders
            .iter()
            .map(|x| {
                (
                    x.contender.registered.contender.to_string(),
                    name(ctx, Some(x)),
                )
            })
            .collect();
        let c = &view.campaign;
        let superseded = state.app.store().superseded(&id, &row).await?;
        let opening = match (row.kind, &row.body, &row.opening) {
            (SubmissionKind::Challenged, Some(body), Some(opening)) => {
                Some(check_opening(&state, &id, body, opening, &names, c, ctx).await?)
            }
            _ => None,
        };
        let json = row
            .body
            .as_deref()
            .and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok())
            .and_then(|v| serde_json::to_string_pretty(&v).ok())
            .unwrap_or_default();
        let title = c.title(ctx.lang).to_owned();
        Ok(page.render(
            StatusCode::OK,
            &BallotPage {
                ctx: ctx.clone(),
                crumbs: vec![
                    ("/primaries".into(), ctx.tr("prim-title")),
                    (campaign_href(&id), title.clone()),
                    (
                        format!("{}/board", campaign_href(&id)),
                        ctx.tr("prim-board"),
                    ),
                ],
                title,
                href: campaign_href(&id),
                kind: ctx.tr(match row.kind {
                    SubmissionKind::Cast => "prim-ballot-kind-cast",
                    SubmissionKind::Challenged => "prim-ballot-kind-challenged",
                }),
                seq: row.seq,
                hash: row.ballot_hash,
                code: row.tracking_code.unwrap_or_default(),
                credential: row.credential,
                opening,
                json,
                superseded,
            },
        ))
    })
    .await
}

/// Checks a challenged ballot's opening (in the app, with `sailau-vote`) and names the
/// choices it reveals.
async fn check_opening(
    state: &WebState,
    id: &CampaignId,
    body: &str,
    opening: &str,
    names: &HashMap<String, String>,
    c: &sailau_domain::primaries::campaign::Campaign,
    ctx: &PageCtx,
) -> Result<Result<Revealed, String>, Fail> {
    Ok(match state.app.open_challenged(id, body, opening).await? {
        Ok(choices) => Ok(choices
            .into_iter()
            .map(|(contest, options)| {
                let title = c
                    .position(&contest)
                    .map(|p| p.name(ctx.lang).to_owned())
                    .unwrap_or(contest);
                let chosen = options
                    .iter()
                    .map(|o| names.get(o).cloned().unwrap_or_else(|| o.clone()))
                    .collect();
                (title, chosen)
            })
            .collect()),
        Err(_) => Err(ctx.tr("prim-ballot-opening-fails")),
    })
}

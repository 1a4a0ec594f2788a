//! The primaries' pages (issue 14 §2, §3, §6, §7): the campaigns, a campaign (its windows with
//! where "now" stands, positions, contenders, debates with their stream and recording links,
//! paper counts, the ratings overall, of women and of the young, and each list balanced by the
//! quotas with who moved in or out) and a contender's public page, where the organizing
//! committee decides on the application (admit, or refuse with its ground). Public: anyone
//! reads; forms are shown to whoever `authorize` allows, and the app decides again.

use askama::Template;
use axum::Router;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use sailau_app::primaries::{CampaignView, ContenderView};
use sailau_domain::primaries::campaign::{Campaign, PositionKind};
use sailau_domain::primaries::contenders::{
    ContenderStatus, DecideContender, Decision, RegisterContender, Route,
};
use sailau_domain::primaries::debates::{RecordDebate, ScheduleDebate};
use sailau_domain::primaries::lists::RatingKind;
use sailau_domain::primaries::rules::PrimariesRule;
use sailau_domain::primaries::voting::FixBallot;
use sailau_domain::primaries::{CampaignId, ContenderId, Window, WindowState, instant};
use sailau_domain::{CommandKind, Gender, Role, Rule, Scope, Target};

use super::forms::see_other;
use super::{Fail, FormState, Page, PageCtx, check_form, form_map, may, pairs_of};
use crate::WebState;

mod online;
mod open;

/// The routes of the primaries' pages.
pub fn router() -> Router<WebState> {
    Router::new()
        .merge(online::router())
        .route("/primaries", get(list))
        .route("/primaries/open", get(open::open_form).post(open::open))
        .route("/primaries/presets/{file}", get(open::preset_text))
        .route("/primaries/{id}", get(show))
        .route("/primaries/{id}/applications", post(apply))
        .route("/primaries/{id}/nominations", post(nominate))
        .route("/primaries/{id}/ballot", post(fix_ballot))
        .route("/primaries/{id}/paper", post(paper_count))
        .route("/primaries/{id}/debates", post(schedule_debate))
        .route("/primaries/debates/{id}/attendance", post(record_debate))
        .route("/primaries/contenders/{id}", get(contender))
        .route("/primaries/contenders/{id}/decision", post(decide))
        .route("/primaries/contenders/{id}/withdrawal", post(withdraw))
}

/// The path of a campaign's page.
pub fn campaign_href(id: &CampaignId) -> String {
    format!("/primaries/{id}")
}

/// The path of a contender's page.
pub fn contender_href(id: &ContenderId) -> String {
    format!("/primaries/contenders/{id}")
}

/// A local moment as commissions write it, in the campaign's region («17.08.2020 00:00»).
fn local(c: &Campaign, t: jiff::Timestamp) -> String {
    match sailau_domain::date::zone(Some(&c.opened.territory)) {
        Ok(z) => t.to_zoned(z).strftime("%d.%m.%Y %H:%M").to_string(),
        Err(_) => t.to_string(),
    }
}

/// The end of a window: a local midnight is written as 24:00 of the day before, as commissions
/// write it (registration «до 28.08.2025 24:00», not «29.08.2025 00:00»).
fn local_end(c: &Campaign, t: jiff::Timestamp) -> String {
    match sailau_domain::date::zone(Some(&c.opened.territory)) {
        Ok(z) => {
            let zoned = t.to_zoned(z);
            if zoned.hour() == 0 && zoned.minute() == 0 {
                match zoned.date().yesterday() {
                    Ok(d) => format!("{} 24:00", d.strftime("%d.%m.%Y")),
                    Err(_) => zoned.strftime("%d.%m.%Y %H:%M").to_string(),
                }
            } else {
                zoned.strftime("%d.%m.%Y %H:%M").to_string()
            }
        }
        Err(_) => t.to_string(),
    }
}

/// "Local time (UTC+5)" for a campaign, at the opening of its registration.
fn zone_line(ctx: &PageCtx, c: &Campaign) -> String {
    let offset = match sailau_domain::date::zone(Some(&c.opened.territory)) {
        Ok(z) => super::elections::when::utc_offset(
            z.to_offset(c.opened.windows.registration.opens).seconds(),
        ),
        Err(_) => "UTC".to_owned(),
    };
    ctx.tr_arg("prim-zone", "offset", offset)
}

/// A window with where the clock stands.
pub struct WindowRow {
    name: String,
    opens: String,
    closes: String,
    state: String,
    open: bool,
}

/// A contender's line.
pub struct ContenderRow {
    href: String,
    name: String,
    status: String,
    status_ok: bool,
    route: String,
    marks: String,
}

/// A debate's line.
pub struct DebateRow {
    /// The debate's identifier (its attendance form posts to it).
    id: String,
    /// The scheduled contenders as (identifier, name), for the attendance form.
    scheduled: Vec<(String, String)>,
    /// Whether the reader may record the attendance now.
    may_record: bool,
    when: String,
    topic: String,
    place: String,
    stream: String,
    recording: String,
    present: Vec<String>,
    absent: Vec<String>,
}

/// One place of a rating.
pub struct RankRow {
    rank: u32,
    name: String,
    href: String,
    votes: String,
    online: String,
    paper: String,
    note: String,
}

/// A position with everything under it.
pub struct PositionBlock {
    name: String,
    kind: String,
    contenders: Vec<ContenderRow>,
    debates: Vec<DebateRow>,
    paper: String,
    ratings: Vec<(String, Vec<RankRow>)>,
    list: Option<ListBlock>,
    /// The paper count form, for a counting commission (or the committee) after paper voting
    /// opened.
    paper_form: Option<PaperForm>,
    /// The committee's form to schedule a debate of this position.
    debate_form: Option<DebateForm>,
    /// Whether the debates' window has closed (none scheduled then means none held).
    debates_over: bool,
}

/// The committee's form to schedule a debate of a position.
pub struct DebateForm {
    form: FormState,
    position: String,
    /// The admitted contenders as (identifier, name, ticked).
    contenders: Vec<(String, String, bool)>,
}

/// A quota-balanced list.
pub struct ListBlock {
    quotas: String,
    outcome: String,
    rows: Vec<RankRow>,
}

#[derive(Template)]
#[template(path = "primaries/list.html")]
struct ListPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    campaigns: Vec<(String, String, String)>,
    /// Whether the account may open a campaign (the form's link).
    may_open: bool,
}

#[derive(Template)]
#[template(path = "primaries/campaign.html")]
struct CampaignPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    party: String,
    territory: String,
    windows: Vec<WindowRow>,
    /// «Время местное (UTC+5).»
    zone: String,
    positions: Vec<PositionBlock>,
    /// «Бюллетень утверждён; отпечаток …», or that it is not fixed yet.
    ballot: String,
    /// The committee's button that fixes the ballot, when it may.
    may_fix: bool,
    /// Why fixing the ballot was refused, in the page's language.
    ballot_errors: Vec<String>,
    /// A member's own application form, when the signed-in member may apply.
    apply: Option<ApplyForm>,
    /// The form's action and the ballot's.
    href: String,
    /// Whether the online counts are in the ratings.
    decrypted: bool,
    /// Whether online voting is open now (the page offers the vote).
    voting_open: bool,
}

/// A member's application form.
pub struct ApplyForm {
    /// Whether it is an organization's nomination (by card number) rather than the member's own.
    nominating: bool,
    /// The organizations the reader may nominate for.
    organizations: Vec<(String, String)>,
    /// The years-of-residence field's label (the member's own, or the nominated member's).
    residence_label: String,
    form: FormState,
    positions: Vec<(String, String)>,
    genders: Vec<(String, String)>,
    declared: bool,
}

#[derive(Template)]
#[template(path = "primaries/contender.html")]
struct ContenderPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    campaign: String,
    campaign_href: String,
    position: String,
    status: String,
    route: String,
    marks: String,
    ground: Option<String>,
    decide: Option<FormState>,
    /// Why a decision sent from a stale page was refused (the form is gone by now).
    refused: Vec<String>,
    action: String,
    /// The withdrawal form's action, when the account may withdraw the contender.
    withdraw: Option<String>,
}

/// GET /primaries
async fn list(page: Page, State(state): State<WebState>) -> Response {
    page.answer(async {
        let ctx = &page.ctx;
        let mut campaigns = Vec::new();
        for c in state.app.campaigns().await? {
            let party = state
                .app
                .store()
                .party(&c.opened.party)
                .await?
                .map(|p| p.short_name)
                .unwrap_or_default();
            campaigns.push((
                campaign_href(&c.opened.campaign),
                c.title(ctx.lang).to_owned(),
                party,
            ));
        }
        Ok(page.render(
            StatusCode::OK,
            &ListPage {
                ctx: ctx.clone(),
                crumbs: vec![("/primaries".into(), ctx.tr("prim-title"))],
                campaigns,
                may_open: open::may_open(&page),
            },
        ))
    })
    .await
}

fn status_text(ctx: &PageCtx, s: ContenderStatus, gender: Gender) -> String {
    ctx.tr_args(
        &format!("prim-status-{}", s.as_str()),
        &[("gender", gender.as_str().to_owned())],
    )
}

fn route_text(ctx: &PageCtx, r: &Route) -> String {
    match r {
        Route::SelfNominated => ctx.tr("prim-route-self"),
        Route::Organization { .. } => ctx.tr("prim-route-organization"),
    }
}

fn marks(ctx: &PageCtx, v: &ContenderView, young_age: u32) -> String {
    let r = &v.contender.registered;
    let mut out = Vec::new();
    if r.gender == Gender::Female {
        out.push(ctx.tr("prim-woman"));
    }
    if r.young {
        out.push(ctx.tr_arg("prim-young", "age", young_age));
    }
    out.join(", ")
}

fn name(ctx: &PageCtx, v: Option<&ContenderView>) -> String {
    v.and_then(|v| v.name.clone())
        .unwrap_or_else(|| ctx.tr("prim-name-erased"))
}

/// The `gender` argument of the gendered messages for a standing.
fn gender_of(s: &sailau_domain::primaries::lists::Standing) -> Vec<(&'static str, String)> {
    let g = if s.woman {
        Gender::Female
    } else {
        Gender::Male
    };
    vec![("gender", g.as_str().to_owned())]
}

/// The campaign page's blocks from the app's view.
fn blocks(ctx: &PageCtx, v: &CampaignView) -> Result<Vec<PositionBlock>, Fail> {
    let rules = v.campaign.rules().map_err(|_| Fail::NotFound)?;
    let young_age = rules.quotas.young_under_age;
    let by_id = |id: &ContenderId| {
        v.contenders
            .iter()
            .find(|c| &c.contender.registered.contender == id)
    };
    let mut out = Vec::new();
    for (p, results) in v.campaign.opened.positions.iter().zip(&v.results) {
        let contenders = v
            .contenders
            .iter()
            .filter(|c| c.contender.registered.position == p.key)
            .map(|c| ContenderRow {
                href: contender_href(&c.contender.registered.contender),
                name: name(ctx, Some(c)),
                status: status_text(ctx, c.contender.status, c.contender.registered.gender),
                status_ok: c.contender.admitted(),
                route: route_text(ctx, &c.contender.registered.route),
                marks: marks(ctx, c, young_age),
            })
            .collect();
        let names = |ids: &[ContenderId]| -> Vec<String> {
            ids.iter().map(|i| name(ctx, by_id(i))).collect()
        };
        let debates = v
            .debates
            .iter()
            .filter(|d| d.scheduled.position == p.key)
            .map(|d| DebateRow {
                id: d.scheduled.debate.to_string(),
                scheduled: d
                    .scheduled
                    .contenders
                    .iter()
                    .map(|c| (c.to_string(), name(ctx, by_id(c))))
                    .collect(),
                may_record: false,
                when: local(&v.campaign, d.scheduled.starts_at),
                topic: d.scheduled.topic.clone(),
                place: d.scheduled.place.clone(),
                stream: d.scheduled.stream_url.clone(),
                recording: d
                    .held
                    .as_ref()
                    .map(|h| h.recording_url.clone())
                    .unwrap_or_default(),
                present: d
                    .held
                    .as_ref()
                    .map(|h| names(&h.present))
                    .unwrap_or_default(),
                absent: d
                    .held
                    .as_ref()
                    .map(|h| names(&h.absent))
                    .unwrap_or_default(),
            })
            .collect();
        let row =
            |rank: u32, s: &sailau_domain::primaries::lists::Standing, note: String| RankRow {
                rank,
                name: name(ctx, by_id(&s.contender)),
                href: contender_href(&s.contender),
                votes: ctx.num(s.votes()),
                // Until the trustees' decryption is published, never shown as a zero.
                online: if v.online_counted {
                    ctx.num(s.online)
                } else {
                    ctx.tr("prim-online-pending")
                },
                paper: ctx.num(s.paper),
                note,
            };
        let ratings = results
            .ratings
            .iter()
            .map(|(kind, ranked)| {
                let title = ctx.tr(match kind {
                    RatingKind::Overall => "prim-rating-overall",
                    RatingKind::Women => "prim-rating-women",
                    RatingKind::Young => "prim-rating-young",
                });
                (
                    title,
                    ranked
                        .iter()
                        .map(|r| row(r.rank, &r.standing, String::new()))
                        .collect(),
                )
            })
            .collect();
        let list = results.list.as_ref().map(|l| {
            let rows = l
                .chosen
                .iter()
                .enumerate()
                .filter_map(|(i, id)| {
                    let s = results.standings.iter().find(|s| &s.contender == id)?;
                    let note = if l.moved_in.contains(id) {
                        ctx.tr_args("prim-list-moved-in", &gender_of(s))
                    } else {
                        String::new()
                    };
                    Some(row(u32::try_from(i + 1).unwrap_or(u32::MAX), s, note))
                })
                .chain(l.moved_out.iter().filter_map(|id| {
                    let s = results.standings.iter().find(|s| &s.contender == id)?;
                    Some(row(0, s, ctx.tr_args("prim-list-moved-out", &gender_of(s))))
                }))
                .collect();
            let counts = [
                ("women", l.women.to_string()),
                ("young", l.young.to_string()),
            ];
            ListBlock {
                quotas: ctx.tr_args(
                    "prim-list-quotas",
                    &[
                        ("women", l.women_needed.to_string()),
                        ("young", l.young_needed.to_string()),
                        ("seats", l.seats.to_string()),
                    ],
                ),
                outcome: ctx.tr_args(
                    if l.quotas_met {
                        "prim-list-met"
                    } else {
                        "prim-list-unmet"
                    },
                    &counts,
                ),
                rows,
            }
        });
        out.push(PositionBlock {
            name: p.name(ctx.lang).to_owned(),
            kind: match &p.kind {
                PositionKind::Akim { .. } => ctx.tr("prim-position-akim"),
                PositionKind::List { seats } => ctx.tr_arg("prim-position-list", "seats", seats),
            },
            contenders,
            debates,
            paper: ctx.tr_args(
                "prim-paper-summary",
                &[
                    ("organizations", results.paper_organizations.to_string()),
                    ("issued", results.paper_issued.to_string()),
                ],
            ),
            ratings,
            list,
            paper_form: None,
            debate_form: None,
            debates_over: false,
        });
    }
    Ok(out)
}

/// GET /primaries/{id}
async fn show(page: Page, State(state): State<WebState>, Path(id): Path<String>) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        campaign_page(&page, &state, id, Refused::Nothing).await
    })
    .await
}

/// The fields of a member's application.
const APPLY_FIELDS: &[&str] = &[
    "position",
    "gender",
    "residence_years",
    "no_criminal_record",
];

/// The labels of an application's fields in the error summary.
const APPLY_LABELS: &[(&str, &str)] = &[
    ("position", "prim-position-field"),
    ("gender", "person-gender"),
    ("residence_years", "prim-residence-years"),
    ("no_criminal_record", "prim-declare-no-record"),
];

/// An organization's nomination: the member by card, the organization, then an application's
/// fields.
const NOMINATE_FIELDS: &[&str] = &[
    "card_number",
    "organization",
    "position",
    "gender",
    "residence_years",
    "no_criminal_record",
];

/// The member a signed-in member account acts for.
fn own_member(page: &Page) -> Option<sailau_domain::party::member::MemberId> {
    match page.principal().map(|p| (&p.role, &p.scope)) {
        Some((Role::PartyMember, Scope::Member { member })) => Some(*member),
        _ => None,
    }
}

/// What came back refused to the campaign page (answered with 422 and the form again).
enum Refused {
    /// Nothing: the page as it is.
    Nothing,
    /// The member's application, with whether the declaration was ticked.
    Apply(FormState, bool),
    /// Fixing the ballot, with the reasons.
    Ballot(Vec<String>),
    /// A paper count for the position with this key.
    Paper(String, FormState),
    /// A debate of the position with this key, with the contenders ticked.
    Debate(String, FormState, Vec<String>),
}

/// A paper count form of a position.
pub struct PaperForm {
    form: FormState,
    position: String,
    organizations: Vec<(String, String)>,
    /// (field name, contender's name).
    contenders: Vec<(String, String)>,
}

/// The primary organizations (party branches inside the campaign's territory, below it) for
/// which the reader may enter a paper count, as (code, name).
async fn paper_organizations(
    page: &Page,
    state: &WebState,
    c: &Campaign,
) -> Result<Vec<(String, String)>, Fail> {
    organizations_for(page, state, c, CommandKind::RecordPaperCount).await
}

/// The primary organizations (party branches inside the campaign's territory, below it) on
/// which the reader may issue `kind`, as (code, name).
async fn organizations_for(
    page: &Page,
    state: &WebState,
    c: &Campaign,
    kind: CommandKind,
) -> Result<Vec<(String, String)>, Fail> {
    let store = state.app.store();
    let mut out = Vec::new();
    for b in store.branches_of(&c.opened.party).await? {
        let code = b.territory_code;
        if code == c.opened.territory {
            continue;
        }
        let path = super::elections::territory_path(state, &code).await?;
        if !path.contains(&c.opened.territory) {
            continue;
        }
        let t = Target {
            territory_path: path,
            party: Some(c.opened.party.clone()),
            ..Target::default()
        };
        if may(page.principal(), kind, &t) {
            let name = store
                .territory(&code)
                .await?
                .map(|t| page.ctx.name_of(&t.names).to_owned())
                .unwrap_or_default();
            out.push((code.to_string(), name));
        }
    }
    Ok(out)
}

/// The campaign page, with what came back refused, if anything.
async fn campaign_page(
    page: &Page,
    state: &WebState,
    id: CampaignId,
    refused: Refused,
) -> Result<Response, Fail> {
    {
        let ctx = &page.ctx;
        let v = state.app.campaign_view(&id).await?.ok_or(Fail::NotFound)?;
        let store = state.app.store();
        let party = store
            .party(&v.campaign.opened.party)
            .await?
            .map(|p| p.short_name)
            .unwrap_or_default();
        let territory = store
            .territory(&v.campaign.opened.territory)
            .await?
            .map(|t| ctx.name_of(&t.names).to_owned())
            .unwrap_or_default();
        let now = instant(state.app.now_ms());
        let c = &v.campaign;
        let w = &c.opened.windows;
        let window = |key: &str, win: &Window| {
            let state = win.state(now);
            WindowRow {
                name: ctx.tr(key),
                opens: local(c, win.opens),
                closes: local_end(c, win.closes),
                state: ctx.tr(match state {
                    WindowState::Before => "prim-window-state-before",
                    WindowState::Open => "prim-window-state-open",
                    WindowState::After => "prim-window-state-after",
                }),
                open: state == WindowState::Open,
            }
        };
        let windows = vec![
            window("prim-window-registration", &w.registration),
            window("prim-window-debates", &w.debates),
            window("prim-window-online", &w.online_voting),
            window("prim-window-paper", &w.paper_voting),
        ];
        let title = c.title(ctx.lang).to_owned();
        let t = target(state, c).await?;
        let fixable = v.manifest_hash.is_none()
            && now >= c.opened.windows.registration.closes
            && now < c.voting_opens();
        let may_fix = fixable && may(page.principal(), CommandKind::FixBallot, &t);
        let member = own_member(page);
        let may_apply = member.is_some_and(|m| {
            c.opened.windows.registration.contains(now)
                && may(
                    page.principal(),
                    CommandKind::RegisterContender,
                    &Target {
                        member: Some(m),
                        ..t.clone()
                    },
                )
        });
        let failed = !matches!(refused, Refused::Nothing);
        let mut debate_refused = None;
        let (apply_refused, ballot_errors, paper_refused) = match refused {
            Refused::Nothing => (None, Vec::new(), None),
            Refused::Apply(f, d) => (Some((f, d)), Vec::new(), None),
            Refused::Ballot(e) => (None, e, None),
            Refused::Paper(p, f) => (None, Vec::new(), Some((p, f))),
            Refused::Debate(p, f, ticked) => {
                debate_refused = Some((p, f, ticked));
                (None, Vec::new(), None)
            }
        };
        let mut positions = blocks(ctx, &v)?;
        for block in &mut positions {
            block.debates_over = now >= w.debates.closes;
        }
        // The committee schedules debates until they close, and records each once it started.
        let may_debate = may(page.principal(), CommandKind::ScheduleDebate, &t);
        if may_debate {
            for (block, p) in positions.iter_mut().zip(&c.opened.positions) {
                for (row, d) in block
                    .debates
                    .iter_mut()
                    .zip(v.debates.iter().filter(|d| d.scheduled.position == p.key))
                {
                    row.may_record = d.held.is_none() && now >= d.scheduled.starts_at;
                }
                // A refused form stays on the page with its errors, even once the window has
                // closed (a tab opened before it closed), so that the refusal is seen.
                let refused_here = matches!(&debate_refused, Some((key, _, _)) if key == &p.key);
                if now >= w.debates.closes && !refused_here {
                    continue;
                }
                let (form, ticked) = match &debate_refused {
                    Some((key, f, ticked)) if key == &p.key => (f.clone(), ticked.clone()),
                    _ => (FormState::new(DEBATE_FIELDS), Vec::new()),
                };
                block.debate_form = Some(DebateForm {
                    form,
                    position: p.key.clone(),
                    contenders: v
                        .contenders
                        .iter()
                        .filter(|x| {
                            x.contender.admitted() && x.contender.registered.position == p.key
                        })
                        .map(|x| {
                            let id = x.contender.registered.contender.to_string();
                            let on = ticked.contains(&id);
                            (id, name(ctx, Some(x)), on)
                        })
                        .collect(),
                });
            }
        }
        let organizations = if now >= w.paper_voting.opens || paper_refused.is_some() {
            paper_organizations(page, state, c).await?
        } else {
            Vec::new()
        };
        if !organizations.is_empty() || paper_refused.is_some() {
            for (block_index, (block, p)) in
                positions.iter_mut().zip(&c.opened.positions).enumerate()
            {
                let contenders: Vec<(String, String)> = v
                    .contenders
                    .iter()
                    .filter(|x| x.contender.admitted() && x.contender.registered.position == p.key)
                    .map(|x| {
                        (
                            format!("votes-{}", x.contender.registered.contender),
                            name(ctx, Some(x)),
                        )
                    })
                    .collect();
                if contenders.is_empty() {
                    continue;
                }
                // One paper form per position: ids made unique by the position's place.
                let form = match &paper_refused {
                    Some((key, f)) if key == &p.key => f.clone(),
                    _ => FormState::new(&[]),
                }
                .label_named(&contenders)
                .with_id_prefix(format!("paper{}-", block_index));
                block.paper_form = Some(PaperForm {
                    form,
                    position: p.key.clone(),
                    organizations: organizations.clone(),
                    contenders,
                });
            }
        }
        // A party secretary (or the committee) enters a primary organization's nomination.
        let nominating = member.is_none();
        let nominate_for = if nominating
            && (c.opened.windows.registration.contains(now) || apply_refused.is_some())
        {
            organizations_for(page, state, c, CommandKind::RegisterContender).await?
        } else {
            Vec::new()
        };
        let may_nominate = !nominate_for.is_empty();
        let apply = (may_apply || may_nominate || apply_refused.is_some()).then(|| {
            let fields = if nominating {
                NOMINATE_FIELDS
            } else {
                APPLY_FIELDS
            };
            let (form, declared) = apply_refused.unwrap_or_else(|| (FormState::new(fields), false));
            ApplyForm {
                nominating,
                organizations: nominate_for,
                residence_label: ctx.tr(if nominating {
                    "prim-nominate-residence"
                } else {
                    "prim-residence-years"
                }),
                form,
                positions: c
                    .opened
                    .positions
                    .iter()
                    .map(|p| (p.key.clone(), p.name(ctx.lang).to_owned()))
                    .collect(),
                genders: vec![
                    ("female".to_owned(), ctx.tr("gender-female")),
                    ("male".to_owned(), ctx.tr("gender-male")),
                ],
                declared,
            }
        });
        Ok(page.render(
            if failed {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::OK
            },
            &CampaignPage {
                ctx: ctx.clone(),
                crumbs: vec![
                    ("/primaries".into(), ctx.tr("prim-title")),
                    (campaign_href(&id), title.clone()),
                ],
                positions,
                ballot: match &v.manifest_hash {
                    Some(h) => ctx.tr_arg("prim-ballot-fixed-hash", "hash", h),
                    None => ctx.tr("prim-ballot-not-fixed"),
                },
                may_fix,
                ballot_errors,
                apply,
                decrypted: v.online_counted,
                voting_open: w.online_voting.contains(now) && !v.online_counted,
                href: campaign_href(&id),
                title,
                party,
                territory,
                zone: zone_line(ctx, c),
                windows,
            },
        ))
    }
}

/// The target the app checks for a command on a contender of `c`.
async fn target(state: &WebState, c: &Campaign) -> Result<Target, Fail> {
    Ok(Target {
        territory_path: super::elections::territory_path(state, &c.opened.territory).await?,
        party: Some(c.opened.party.clone()),
        ..Target::default()
    })
}

const DECIDE_FIELDS: &[&str] = &["decision", "ground"];

/// The contender's page, with the committee's decision form when it may decide and the
/// withdrawal button when the signed-in account may withdraw the contender; `withdrawal` holds
/// why a withdrawal was refused.
async fn contender_page(
    page: &Page,
    state: &WebState,
    id: ContenderId,
    form: Option<FormState>,
    withdrawal: Vec<String>,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let c = state
        .app
        .store()
        .contender(&id)
        .await?
        .ok_or(Fail::NotFound)?;
    let v = state
        .app
        .campaign_view(&c.registered.campaign)
        .await?
        .ok_or(Fail::NotFound)?;
    let view = v
        .contenders
        .iter()
        .find(|x| x.contender.registered.contender == id)
        .ok_or(Fail::NotFound)?;
    let rules = v.campaign.rules().map_err(|_| Fail::NotFound)?;
    let position = v
        .campaign
        .position(&c.registered.position)
        .map(|p| p.name(ctx.lang).to_owned())
        .unwrap_or_default();
    let t = target(state, &v.campaign).await?;
    let may_decide = c.status == ContenderStatus::Applied
        && may(page.principal(), CommandKind::DecideContender, &t);
    let standing = matches!(
        c.status,
        ContenderStatus::Applied | ContenderStatus::Admitted
    );
    // Not once the ballot is fixed (at the latest when online voting opens).
    let may_withdraw = standing
        && v.manifest_hash.is_none()
        && instant(state.app.now_ms()) < v.campaign.voting_opens()
        && may(
            page.principal(),
            CommandKind::WithdrawContender,
            &Target {
                member: Some(c.registered.member),
                ..t.clone()
            },
        );
    let title = name(ctx, Some(view));
    let campaign_title = v.campaign.title(ctx.lang).to_owned();
    let failed = form.is_some() || !withdrawal.is_empty();
    let mut refused: Vec<String> = match (&form, may_decide) {
        (Some(f), false) => f.errors.iter().map(|(_, m)| m.clone()).collect(),
        _ => Vec::new(),
    };
    refused.extend(withdrawal);
    Ok(page.render(
        if failed {
            StatusCode::UNPROCESSABLE_ENTITY
        } else {
            StatusCode::OK
        },
        &ContenderPage {
            ctx: ctx.clone(),
            crumbs: vec![
                ("/primaries".into(), ctx.tr("prim-title")),
                (
                    campaign_href(&v.campaign.opened.campaign),
                    campaign_title.clone(),
                ),
                (contender_href(&id), title.clone()),
            ],
            title,
            campaign: campaign_title,
            campaign_href: campaign_href(&v.campaign.opened.campaign),
            position,
            status: status_text(ctx, c.status, c.registered.gender),
            route: route_text(ctx, &c.registered.route),
            marks: marks(ctx, view, rules.quotas.young_under_age),
            ground: c.ground.clone(),
            decide: may_decide.then(|| form.unwrap_or_else(|| FormState::new(DECIDE_FIELDS))),
            refused,
            action: format!("{}/decision", contender_href(&id)),
            withdraw: may_withdraw.then(|| format!("{}/withdrawal", contender_href(&id))),
        },
    ))
}

/// GET /primaries/contenders/{id}
async fn contender(page: Page, State(state): State<WebState>, Path(id): Path<String>) -> Response {
    page.answer(async {
        let id = ContenderId::parse(&id).ok_or(Fail::NotFound)?;
        contender_page(&page, &state, id, None, Vec::new()).await
    })
    .await
}

/// POST /primaries/contenders/{id}/decision (`decision`: `admit` or `refuse`, `ground`)
async fn decide(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = ContenderId::parse(&id).ok_or(Fail::NotFound)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let mut form = FormState::filled(DECIDE_FIELDS, &values);
        let decision = match values.get("decision").map(String::as_str) {
            Some("admit") => Some(Decision::Admit),
            Some("refuse") => Some(Decision::Refuse {
                ground: values.get("ground").cloned().unwrap_or_default(),
            }),
            _ => None,
        };
        let Some(decision) = decision else {
            form.push("decision", page.ctx.rule(&Rule::FieldRequired));
            return contender_page(&page, &state, id, Some(form), Vec::new()).await;
        };
        let command = DecideContender {
            contender: id,
            decision,
        };
        match super::territories::execute(&page, &state, command.into()).await? {
            Ok(_) => Ok(see_other(&contender_href(&id))),
            Err(errors) => {
                form.absorb(&page.ctx, &errors);
                if form.errors.is_empty() {
                    form.push("", page.ctx.rule(&PrimariesRule::ContenderMissing.into()));
                }
                contender_page(&page, &state, id, Some(form), Vec::new()).await
            }
        }
    })
    .await
}

/// POST /primaries/contenders/{id}/withdrawal: the contender withdraws, or the committee
/// records the withdrawal.
async fn withdraw(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = ContenderId::parse(&id).ok_or(Fail::NotFound)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        if !confirmed(&values) {
            let messages = vec![page.ctx.tr("confirm-required")];
            return contender_page(&page, &state, id, None, messages).await;
        }
        let command = sailau_domain::primaries::contenders::WithdrawContender { contender: id };
        match super::territories::execute(&page, &state, command.into()).await? {
            Ok(_) => Ok(see_other(&contender_href(&id))),
            Err(errors) => {
                let messages = refusal_messages(&page.ctx, &errors);
                contender_page(&page, &state, id, None, messages).await
            }
        }
    })
    .await
}

/// Whether a form that cannot be undone was confirmed: its box `confirm` ticked (the page
/// asks before a withdrawal or the ballot's fixing, without script).
fn confirmed(values: &std::collections::HashMap<String, String>) -> bool {
    values.get("confirm").is_some_and(|v| v == "yes")
}

/// POST /primaries/{id}/applications (`position`, `gender`, `residence_years`,
/// `no_criminal_record`): the signed-in member's own application; `young` is derived from the
/// member's record by the app, never typed.
async fn apply(
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
        let Some(member) = own_member(&page) else {
            return Err(Fail::Forbidden(page.principal().map(|p| {
                sailau_domain::Denied::Role {
                    role: p.role,
                    command: CommandKind::RegisterContender,
                }
            })));
        };
        let form = FormState::filled(APPLY_FIELDS, &values)
            .labelled(APPLY_LABELS)
            .choices(&["position", "gender"]);
        register(
            &page,
            &state,
            id,
            &values,
            form,
            Some(member),
            Some(Route::SelfNominated),
        )
        .await
    })
    .await
}

/// POST /primaries/{id}/nominations (`card_number`, `organization` and the fields of an
/// application): a primary organization nominates a member of the party, entered by the party
/// secretary (or the organizing committee) on the member's declarations.
async fn nominate(
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
        let ctx = &page.ctx;
        let store = state.app.store();
        let campaign = store.campaign(&id).await?.ok_or(Fail::NotFound)?;
        let mut form = FormState::filled(NOMINATE_FIELDS, &values)
            .labelled(&[
                ("card_number", "prim-nominate-card"),
                ("organization", "prim-nominate-organization"),
                ("residence_years", "prim-nominate-residence"),
                ("no_criminal_record", "prim-nominate-declared"),
            ])
            .labelled(APPLY_LABELS)
            .choices(&["organization", "position", "gender"]);
        let get = |k: &str| values.get(k).map(|v| v.trim()).unwrap_or("");
        let member = match get("card_number") {
            "" => {
                form.required(ctx, "card_number");
                None
            }
            card => {
                let m = store.member_by_card(&campaign.opened.party, card).await?;
                if m.is_none() {
                    form.push(
                        "card_number",
                        ctx.rule(&sailau_domain::party::rules::PartyRule::MemberMissing.into()),
                    );
                }
                m
            }
        };
        let route = match get("organization") {
            "" => {
                form.required(ctx, "organization");
                None
            }
            o => match sailau_domain::TerritoryCode::parse(o) {
                Ok(organization) => Some(Route::Organization { organization }),
                Err(r) => {
                    form.push("organization", ctx.rule(&r));
                    None
                }
            },
        };
        register(&page, &state, id, &values, form, member, route).await
    })
    .await
}

/// A contender's registration from a form (a member's application or an organization's
/// nomination): the fields of the application are read into `form`, and every rule is
/// answered at once — fields that did not parse are left out of a dry run of the others.
async fn register(
    page: &Page,
    state: &WebState,
    id: CampaignId,
    values: &std::collections::HashMap<String, String>,
    mut form: FormState,
    member: Option<sailau_domain::party::member::MemberId>,
    route: Option<Route>,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let declared = values.get("no_criminal_record").is_some_and(|v| v == "on");
    let position_chosen = values.get("position").is_some_and(|p| !p.trim().is_empty());
    if !position_chosen {
        form.required(ctx, "position");
    }
    let gender = values
        .get("gender")
        .filter(|g| !g.trim().is_empty())
        .map(|g| Gender::parse(g));
    let years = values
        .get("residence_years")
        .map(|y| sailau_domain::text::parse_whole_number(y));
    let gender = match gender {
        Some(Ok(g)) => Some(g),
        Some(Err(_)) => {
            form.push("gender", ctx.rule(&Rule::GenderInvalid));
            None
        }
        None => {
            form.required(ctx, "gender");
            None
        }
    };
    let years = match years {
        Some(Ok(y)) => u32::try_from(y).ok(),
        Some(Err(r)) => {
            form.push("residence_years", ctx.rule(&r));
            None
        }
        None => {
            form.push("residence_years", ctx.rule(&Rule::FieldRequired));
            None
        }
    };
    // Without the member or the organization, who may act is unknown: the fields' errors only.
    let (Some(member), Some(route)) = (member, route) else {
        return campaign_page(page, state, id, Refused::Apply(form, declared)).await;
    };
    let young = state
        .app
        .contender_young(&id, &member)
        .await?
        .unwrap_or(false);
    let command = RegisterContender {
        contender: ContenderId(uuid::Uuid::new_v4()),
        campaign: id,
        position: values.get("position").cloned().unwrap_or_default(),
        member,
        route,
        gender: gender.unwrap_or(Gender::Female),
        young,
        residence_years: years.unwrap_or(0),
        no_criminal_record: declared,
    };
    let contender = command.contender;
    if !form.errors.is_empty() {
        // Some fields did not parse: the rules of the others are checked with stand-ins
        // (a dry run that writes nothing), so that every error shows at once.
        let acting =
            sailau_app::Acting::Account(page.principal().cloned().ok_or(Fail::Forbidden(None))?);
        if let Err(sailau_app::AppError::Invalid(errors)) = state.app.check(&acting, command).await
        {
            let kept: Vec<_> = errors
                .0
                .into_iter()
                .filter(|e| {
                    !(gender.is_none() && e.field == "gender"
                        || years.is_none() && e.field == "residence_years"
                        || !position_chosen && e.field == "position")
                })
                .collect();
            form.absorb(ctx, &sailau_domain::ValidationErrors(kept));
        }
        return campaign_page(page, state, id, Refused::Apply(form, declared)).await;
    }
    match super::territories::execute(page, state, command.into()).await? {
        Ok(_) => Ok(see_other(&contender_href(&contender))),
        Err(errors) => {
            form.absorb(ctx, &errors);
            campaign_page(page, state, id, Refused::Apply(form, declared)).await
        }
    }
}

/// The domain's refusals worded in the page's language, for a refusal shown without its form.
fn refusal_messages(ctx: &PageCtx, errors: &sailau_domain::ValidationErrors) -> Vec<String> {
    let mut form = FormState::new(&[]);
    form.absorb(ctx, errors);
    form.errors.into_iter().map(|(_, m)| m).collect()
}

/// POST /primaries/{id}/ballot: the committee fixes the online ballot.
async fn fix_ballot(
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
        if !confirmed(&values) {
            let messages = vec![page.ctx.tr("confirm-required")];
            return campaign_page(&page, &state, id, Refused::Ballot(messages)).await;
        }
        match super::territories::execute(&page, &state, FixBallot { campaign: id }.into()).await? {
            Ok(_) => Ok(see_other(&format!("{}#ballot", campaign_href(&id)))),
            Err(errors) => {
                let messages = refusal_messages(&page.ctx, &errors);
                campaign_page(&page, &state, id, Refused::Ballot(messages)).await
            }
        }
    })
    .await
}

/// POST /primaries/{id}/paper (`position`, `organization`, `issued`, `votes-<contender>` for
/// each admitted contender of the position): a primary organization's paper count.
async fn paper_count(
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
        let ctx = &page.ctx;
        let position = values.get("position").cloned().unwrap_or_default();
        let mut form =
            FormState::filled(&["organization", "issued"], &values).choices(&["organization"]);
        let number = |form: &mut FormState, field: &str| -> Option<u64> {
            match values
                .get(field)
                .map(|v| sailau_domain::text::parse_whole_number(v))
            {
                Some(Ok(n)) => Some(n),
                Some(Err(r)) => {
                    form.push(field, ctx.rule(&r));
                    None
                }
                None => {
                    form.push(field, ctx.rule(&Rule::FieldRequired));
                    None
                }
            }
        };
        let issued = number(&mut form, "issued");
        let mut counts = Vec::new();
        let mut fields: Vec<String> = values
            .keys()
            .filter(|k| k.starts_with("votes-"))
            .cloned()
            .collect();
        fields.sort();
        for field in fields {
            let contender = ContenderId::parse(&field["votes-".len()..]).ok_or(Fail::BadRequest)?;
            // Each contender's box is a field of the form: its error named and shown beside
            // it, its value kept.
            form.named_field(&field, values.get(&field).map(String::as_str));
            if let Some(votes) = number(&mut form, &field) {
                counts.push(sailau_domain::primaries::paper::ContenderVotes { contender, votes });
            }
        }
        let organization = values
            .get("organization")
            .and_then(|o| sailau_domain::TerritoryCode::parse(o).ok());
        if organization.is_none() {
            form.required(ctx, "organization");
        }
        if let (true, Some(organization), Some(issued)) =
            (form.errors.is_empty(), organization, issued)
        {
            let command = sailau_domain::primaries::paper::RecordPaperCount {
                campaign: id,
                organization,
                position: position.clone(),
                issued,
                counts,
            };
            match super::territories::execute(&page, &state, command.into()).await? {
                Ok(_) => return Ok(see_other(&format!("{}#ratings", campaign_href(&id)))),
                Err(errors) => form.absorb(ctx, &errors),
            }
        }
        campaign_page(&page, &state, id, Refused::Paper(position, form)).await
    })
    .await
}

const DEBATE_FIELDS: &[&str] = &["topic", "place", "starts_at", "stream_url", "contenders"];

/// A local moment typed on a form, in the campaign's zone ([`open::local_moment`]).
fn local_instant(c: &Campaign, text: &str) -> Option<jiff::Timestamp> {
    open::local_moment(Some(&c.opened.territory), text)
}

/// POST /primaries/{id}/debates (`position`, `topic`, `place`, `starts_at` as local time,
/// `stream_url`, `contenders` repeated): the committee schedules a debate.
async fn schedule_debate(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = CampaignId::parse(&id).ok_or(Fail::NotFound)?;
        let (pairs, values) = pairs_of(body)?;
        check_form(&page, &headers, &values)?;
        let ctx = &page.ctx;
        let campaign = state
            .app
            .store()
            .campaign(&id)
            .await?
            .ok_or(Fail::NotFound)?;
        let ticked: Vec<String> = pairs
            .iter()
            .filter(|(k, _)| k == "contenders")
            .map(|(_, v)| v.clone())
            .collect();
        let mut form = FormState::filled(DEBATE_FIELDS, &values);
        let position = values.get("position").cloned().unwrap_or_default();
        let starts_at = values
            .get("starts_at")
            .and_then(|s| local_instant(&campaign, s));
        if starts_at.is_none() {
            form.push("starts_at", ctx.tr("prim-when-format"));
        }
        let contenders: Vec<ContenderId> = ticked
            .iter()
            .filter_map(|c| ContenderId::parse(c))
            .collect();
        let command = ScheduleDebate {
            debate: sailau_domain::primaries::DebateId(uuid::Uuid::new_v4()),
            campaign: id,
            position: position.clone(),
            topic: values.get("topic").cloned().unwrap_or_default(),
            place: values.get("place").cloned().unwrap_or_default(),
            starts_at: starts_at.unwrap_or(campaign.opened.windows.debates.opens),
            stream_url: values.get("stream_url").cloned().unwrap_or_default(),
            contenders,
        };
        let acting =
            sailau_app::Acting::Account(page.principal().cloned().ok_or(Fail::Forbidden(None))?);
        if form.errors.is_empty() {
            match super::territories::execute(&page, &state, command.into()).await? {
                Ok(_) => return Ok(see_other(&campaign_href(&id))),
                Err(errors) => form.absorb(ctx, &errors),
            }
        } else if let Err(sailau_app::AppError::Invalid(errors)) =
            state.app.check(&acting, command).await
        {
            // The start did not parse: the other fields' rules with a stand-in start.
            let kept = errors
                .0
                .into_iter()
                .filter(|e| e.field != "starts_at")
                .collect();
            form.absorb(ctx, &sailau_domain::ValidationErrors(kept));
        }
        campaign_page(&page, &state, id, Refused::Debate(position, form, ticked)).await
    })
    .await
}

/// POST /primaries/debates/{id}/attendance (`present` repeated with contender identifiers,
/// `recording_url`): the committee records who came; the others are absent.
async fn record_debate(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let debate_id = sailau_domain::primaries::DebateId::parse(&id).ok_or(Fail::NotFound)?;
        let (pairs, values) = pairs_of(body)?;
        check_form(&page, &headers, &values)?;
        let debate = state
            .app
            .store()
            .debate(&debate_id)
            .await?
            .ok_or(Fail::NotFound)?;
        let present: Vec<ContenderId> = pairs
            .iter()
            .filter(|(k, _)| k == "present")
            .filter_map(|(_, v)| ContenderId::parse(v))
            .collect();
        let absent = debate
            .scheduled
            .contenders
            .iter()
            .filter(|c| !present.contains(c))
            .copied()
            .collect();
        let command = RecordDebate {
            debate: debate_id,
            present,
            absent,
            recording_url: values.get("recording_url").cloned().unwrap_or_default(),
        };
        let campaign = debate.scheduled.campaign;
        match super::territories::execute(&page, &state, command.into()).await? {
            Ok(_) => Ok(see_other(&campaign_href(&campaign))),
            Err(errors) => {
                let messages = refusal_messages(&page.ctx, &errors);
                campaign_page(&page, &state, campaign, Refused::Ballot(messages)).await
            }
        }
    })
    .await
}

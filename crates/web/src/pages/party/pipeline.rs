//! The pipeline's pages (issue 13 §3, §7): a region's dashboard (which district and city
//! conferences, then the regional one, are held, pending or overdue on a day, with their primary
//! meetings and nominations), the region's plan (adopted by the regional branch's secretary), and
//! a conference's primary meetings (the record of a primary party organization's meeting: members
//! present, each contender's votes; sailau decides who is elected and seats them on the roster).
//!
//! Every form works without JavaScript; a refusal shows the form again with each error next to
//! its field, in the page's language.

use std::collections::HashMap;

use askama::Template;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use jiff::civil::Date;
use sailau_app::party::import::parse_date;
use sailau_domain::party::commands::ConferenceId;
use sailau_domain::party::member::{MemberFacts, MemberId};
use sailau_domain::party::pipeline::{
    AdoptRegionalPlan, MeetingConference, MeetingContender, MeetingFacts, MeetingId, PlanFacts,
    RecordPrimaryMeeting, StageStatus, validate_meeting, validate_plan,
};
use sailau_domain::party::rules::PartyRule;
use sailau_domain::{CommandKind, Party, PartyCode, Rule, TerritoryCode, ValidationErrors};

use super::branches::{conference_title, day_text};
use super::{
    branch_href, branch_of, branch_target, conference_href, conference_of, crumbs_root, party_of,
    submit,
};
use crate::WebState;
use crate::pages::forms::see_other;
use crate::pages::{Fail, FormState, Page, PageCtx, check_form, form_map, may};

/// The path of a region's dashboard.
pub fn dashboard_href(party: &PartyCode, region: &TerritoryCode) -> String {
    format!("/party/{party}/regions/{region}")
}

/// The path of a conference's primary meetings.
pub fn meetings_href(id: &ConferenceId) -> String {
    format!("{}/meetings", conference_href(id))
}

// ------------------------------------------------------------------ the region's dashboard

const PLAN_FIELDS: &[&str] = &[
    "starts_on",
    "primary_meetings_by",
    "district_conferences_by",
    "regional_conference_by",
];
const PLAN_LABELS: &[(&str, &str)] = &[
    ("starts_on", "pp-plan-starts-on"),
    ("primary_meetings_by", "pp-plan-primary-meetings-by"),
    ("district_conferences_by", "pp-plan-district-conferences-by"),
    ("regional_conference_by", "pp-plan-regional-conference-by"),
];

/// One stage of the pipeline as the dashboard shows it.
pub struct StageItem {
    /// The branch's page.
    pub branch_href: String,
    /// The branch's territory in the page's language.
    pub branch: String,
    /// Whether it is the regional branch's own conference (the last stage).
    pub regional: bool,
    /// The conference counted («L (50-я) внеочередная конференция»), or "".
    pub conference: String,
    /// Its page, or "".
    pub conference_href: String,
    /// Its day, or "".
    pub conference_day: String,
    /// The stage's deadline by the plan, or "".
    pub deadline: String,
    /// Held, pending or overdue, in words.
    pub status: String,
    /// `held`, `pending` or `overdue` (for tests and styles).
    pub status_code: &'static str,
    /// The badge's style.
    pub status_class: &'static str,
    /// Primary meetings recorded for the conference.
    pub meetings: u32,
    /// Nominations the conference adopted.
    pub nominations: u32,
}

#[derive(Template)]
#[template(path = "party/dashboard.html")]
struct DashboardPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    href: String,
    /// The day shown, `YYYY-MM-DD` (the date field's value).
    on: String,
    /// The day shown, `27.09.2023`.
    on_text: String,
    /// Why the day asked for was not read, or "".
    on_error: String,
    /// The plan's stages: (label, day).
    plan: Vec<(String, String)>,
    stages: Vec<StageItem>,
    /// «Проведено: 1, предстоит: 0, просрочено: 3; выдвижений: 1».
    summary: String,
    plan_form: Option<FormState>,
    saved: Option<u64>,
}

fn status_words(ctx: &PageCtx, s: StageStatus) -> (String, &'static str, &'static str) {
    let class = match s {
        StageStatus::Held => "badge--ok",
        StageStatus::Pending => "badge--off",
        StageStatus::Overdue => "badge--warn",
    };
    (
        ctx.tr(&format!("pipeline-{}", s.as_str())),
        s.as_str(),
        class,
    )
}

/// The party and the region of a dashboard's URL: the region is a region or a city of republican
/// significance where the party has a branch, else 404.
async fn party_and_region(
    state: &WebState,
    party: &str,
    region: &str,
) -> Result<(Party, TerritoryCode), Fail> {
    let code = party_of(party)?;
    let region = branch_of(region)?;
    let store = state.app.store();
    let p = store.party(&code).await?.ok_or(Fail::NotFound)?;
    let t = store.territory(&region).await?.ok_or(Fail::NotFound)?;
    if !t.kind.is_top_level() {
        return Err(Fail::NotFound);
    }
    Ok((p, region))
}

#[allow(clippy::too_many_arguments)]
async fn dashboard_page(
    page: &Page,
    state: &WebState,
    party: &Party,
    region: &TerritoryCode,
    on: Option<Date>,
    on_error: String,
    plan_form: Option<FormState>,
    saved: Option<u64>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let store = state.app.store();
    let on = match on {
        Some(d) => d,
        None => sailau_domain::date::local_date(state.app.now_ms(), Some(region))
            .map_err(|e| Fail::Internal(e.to_string()))?,
    };
    let d = state
        .app
        .regional_dashboard(&party.code, region, on)
        .await?;
    let region_name = store
        .territory(region)
        .await?
        .map(|t| ctx.name_of(&t.names).to_owned())
        .unwrap_or_default();
    let mut stages = Vec::new();
    for b in &d.branches {
        let (status, status_code, status_class) = status_words(ctx, b.status);
        let name = store
            .territory(&b.branch)
            .await?
            .map(|t| ctx.name_of(&t.names).to_owned())
            .unwrap_or_default();
        stages.push(StageItem {
            branch_href: branch_href(&party.code, &b.branch),
            branch: name,
            regional: b.regional,
            conference: b
                .conference
                .as_ref()
                .map(|c| conference_title(ctx, c.ordinal, &c.kind))
                .unwrap_or_default(),
            conference_href: b
                .conference
                .as_ref()
                .map(|c| conference_href(&c.id))
                .unwrap_or_default(),
            conference_day: b
                .conference
                .as_ref()
                .map(|c| day_text(c.held_on))
                .unwrap_or_default(),
            deadline: b.deadline.map(day_text).unwrap_or_default(),
            status,
            status_code,
            status_class,
            meetings: b.meetings,
            nominations: b.nominations,
        });
    }
    let plan = d
        .plan
        .as_ref()
        .map(|p| {
            [
                ("pp-plan-starts-on", p.starts_on),
                ("pp-plan-primary-meetings-by", p.primary_meetings_by),
                ("pp-plan-district-conferences-by", p.district_conferences_by),
                ("pp-plan-regional-conference-by", p.regional_conference_by),
            ]
            .into_iter()
            .map(|(k, day)| (ctx.tr(k), day_text(day)))
            .collect()
        })
        .unwrap_or_default();
    let target = branch_target(state, &party.code, region).await?;
    let plan_form = may(page.principal(), CommandKind::AdoptRegionalPlan, &target).then(|| {
        plan_form.unwrap_or_else(|| {
            let mut f = FormState::new(PLAN_FIELDS).labelled(PLAN_LABELS);
            if let Some(p) = &d.plan {
                f.set("starts_on", p.starts_on.to_string());
                f.set("primary_meetings_by", p.primary_meetings_by.to_string());
                f.set(
                    "district_conferences_by",
                    p.district_conferences_by.to_string(),
                );
                f.set(
                    "regional_conference_by",
                    p.regional_conference_by.to_string(),
                );
            }
            f
        })
    });
    let mut crumbs = crumbs_root(ctx, &party.code, &party.short_name);
    crumbs.push((branch_href(&party.code, region), region_name.clone()));
    let title = ctx.tr_args(
        "pp-dashboard-title",
        &[("party", party.short_name.clone()), ("region", region_name)],
    );
    crumbs.push((String::new(), ctx.tr("pp-dashboard")));
    Ok(page.render(
        status,
        &DashboardPage {
            ctx: ctx.clone(),
            crumbs,
            title,
            href: dashboard_href(&party.code, region),
            on: d.on.to_string(),
            on_text: day_text(d.on),
            on_error,
            plan,
            summary: ctx.tr_args(
                "pp-dashboard-summary",
                &[
                    ("held", d.count(StageStatus::Held).to_string()),
                    ("pending", d.count(StageStatus::Pending).to_string()),
                    ("overdue", d.count(StageStatus::Overdue).to_string()),
                    ("nominations", d.nominations().to_string()),
                ],
            ),
            stages,
            plan_form,
            saved,
        },
    ))
}

/// GET /party/{party}/regions/{region}?on=YYYY-MM-DD (today in the region when absent)
pub async fn dashboard(
    page: Page,
    State(state): State<WebState>,
    Path((party, region)): Path<(String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let (party, region) = party_and_region(&state, &party, &region).await?;
        let raw = query.get("on").map(|s| s.trim()).unwrap_or("");
        let on = parse_date(raw);
        let on_error = if !raw.is_empty() && on.is_none() {
            page.ctx.tr("pp-date-format")
        } else {
            String::new()
        };
        dashboard_page(
            &page,
            &state,
            &party,
            &region,
            on,
            on_error,
            None,
            crate::pages::saved_index(&query),
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// Reads a form's dates: each field's day, or its error (required, or the format).
fn dates_of(
    ctx: &PageCtx,
    form: &mut FormState,
    values: &HashMap<String, String>,
    fields: &[&'static str],
) -> Vec<Option<Date>> {
    fields
        .iter()
        .map(|f| {
            let raw = values.get(*f).map(|s| s.trim()).unwrap_or("");
            let d = parse_date(raw);
            if d.is_none() {
                let message = if raw.is_empty() {
                    ctx.rule(&Rule::FieldRequired)
                } else {
                    ctx.tr("pp-date-format")
                };
                form.push(f, message);
            }
            d
        })
        .collect()
}

/// Adds the errors of fields that have none yet (the domain's checks of the fields that parsed,
/// run with stand-ins for the rest, so that every error shows at once).
fn absorb_new(ctx: &PageCtx, form: &mut FormState, errors: &ValidationErrors) {
    let fresh = ValidationErrors(
        errors
            .0
            .iter()
            .filter(|e| !form.has_error(&e.field))
            .cloned()
            .collect(),
    );
    form.absorb(ctx, &fresh);
}

/// POST /party/{party}/regions/{region}/plan: adopts (or replaces) the region's plan.
pub async fn adopt_plan(
    page: Page,
    State(state): State<WebState>,
    Path((party, region)): Path<(String, String)>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let (party, region) = party_and_region(&state, &party, &region).await?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let ctx = &page.ctx;
        let mut form = FormState::filled(PLAN_FIELDS, &values).labelled(PLAN_LABELS);
        let dates = dates_of(ctx, &mut form, &values, PLAN_FIELDS);
        // A day that did not parse stands in as its neighbour, which breaks no order.
        let known: Vec<Date> = dates.iter().flatten().copied().collect();
        let fallback = known
            .first()
            .copied()
            .unwrap_or(jiff::civil::date(2000, 1, 1));
        let mut last = fallback;
        let filled: Vec<Date> = dates
            .iter()
            .map(|d| {
                let d = d.unwrap_or(last);
                last = d;
                d
            })
            .collect();
        let [
            starts_on,
            primary_meetings_by,
            district_conferences_by,
            regional_conference_by,
        ] = [0, 1, 2, 3].map(|i| filled.get(i).copied().unwrap_or(fallback));
        let command = AdoptRegionalPlan {
            party: party.code.clone(),
            region: region.clone(),
            starts_on,
            primary_meetings_by,
            district_conferences_by,
            regional_conference_by,
        };
        if form.has_errors() {
            let facts = PlanFacts {
                region_is_top: true,
                branch_exists: true,
            };
            if let Err(e) = validate_plan(&command, facts) {
                absorb_new(ctx, &mut form, &e);
            }
        }
        let form = if form.has_errors() {
            form
        } else {
            match submit(&page, &state, command.into(), form, &[]).await? {
                Ok(index) => {
                    return Ok(see_other(&format!(
                        "{}?saved={index}#plan",
                        dashboard_href(&party.code, &region)
                    )));
                }
                Err(form) => form,
            }
        };
        dashboard_page(
            &page,
            &state,
            &party,
            &region,
            None,
            String::new(),
            Some(form),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    })
    .await
}

// ------------------------------------------------------------------ primary meetings

/// Contender rows of the meeting form.
const ROWS: usize = 6;
const CARD: [&str; ROWS] = ["card_0", "card_1", "card_2", "card_3", "card_4", "card_5"];
const FOR: [&str; ROWS] = ["for_0", "for_1", "for_2", "for_3", "for_4", "for_5"];
const AGAINST: [&str; ROWS] = [
    "against_0",
    "against_1",
    "against_2",
    "against_3",
    "against_4",
    "against_5",
];
const ABSTAIN: [&str; ROWS] = [
    "abstain_0",
    "abstain_1",
    "abstain_2",
    "abstain_3",
    "abstain_4",
    "abstain_5",
];
const MEETING_FIELDS: &[&str] = &[
    "organization",
    "held_on",
    "members_present",
    "seats",
    "card_0",
    "card_1",
    "card_2",
    "card_3",
    "card_4",
    "card_5",
    "for_0",
    "for_1",
    "for_2",
    "for_3",
    "for_4",
    "for_5",
    "against_0",
    "against_1",
    "against_2",
    "against_3",
    "against_4",
    "against_5",
    "abstain_0",
    "abstain_1",
    "abstain_2",
    "abstain_3",
    "abstain_4",
    "abstain_5",
];
const MEETING_LABELS: &[(&str, &str)] = &[
    ("organization", "pp-field-organization"),
    ("held_on", "pp-field-meeting-held-on"),
    ("members_present", "pp-field-members-present"),
    ("seats", "pp-field-seats"),
    ("card_0", "pp-field-card"),
    ("card_1", "pp-field-card"),
    ("card_2", "pp-field-card"),
    ("card_3", "pp-field-card"),
    ("card_4", "pp-field-card"),
    ("card_5", "pp-field-card"),
    ("for_0", "pp-field-votes-for"),
    ("for_1", "pp-field-votes-for"),
    ("for_2", "pp-field-votes-for"),
    ("for_3", "pp-field-votes-for"),
    ("for_4", "pp-field-votes-for"),
    ("for_5", "pp-field-votes-for"),
    ("against_0", "pp-field-against"),
    ("against_1", "pp-field-against"),
    ("against_2", "pp-field-against"),
    ("against_3", "pp-field-against"),
    ("against_4", "pp-field-against"),
    ("against_5", "pp-field-against"),
    ("abstain_0", "pp-field-abstain"),
    ("abstain_1", "pp-field-abstain"),
    ("abstain_2", "pp-field-abstain"),
    ("abstain_3", "pp-field-abstain"),
    ("abstain_4", "pp-field-abstain"),
    ("abstain_5", "pp-field-abstain"),
];

/// One input of the contenders' table: its name, value and error.
pub struct Cell {
    /// The field's name (`card_0`, `for_0`, …).
    pub name: &'static str,
    /// Its label for assistive technology («Билет, строка 2»).
    pub label: String,
    /// What was typed.
    pub value: String,
    /// Its error, or "".
    pub error: String,
}

/// One row of the contenders' table: card number, for, against, abstaining.
pub struct ContenderRow {
    /// The row's number, from 1.
    pub number: usize,
    /// Its four inputs.
    pub cells: [Cell; 4],
}

/// A contender of a recorded meeting.
pub struct ContenderItem {
    /// The member's name (or that it is shown to the secretary only).
    pub name: String,
    /// For, against, abstaining.
    pub votes_for: u32,
    /// Against.
    pub against: u32,
    /// Abstaining.
    pub abstain: u32,
    /// «мандат № 3» when elected, "" otherwise.
    pub elected: String,
}

/// A recorded primary meeting.
pub struct MeetingItem {
    /// The primary organization's territory.
    pub organization: String,
    /// The meeting's day.
    pub day: String,
    /// «Присутствовали 25 членов партии; избрать 2 делегатов; избраны 2».
    pub facts: String,
    /// Its contenders.
    pub contenders: Vec<ContenderItem>,
}

#[derive(Template)]
#[template(path = "party/meetings.html")]
struct MeetingsPage {
    ctx: PageCtx,
    crumbs: Vec<(String, String)>,
    title: String,
    conference_title: String,
    conference_href: String,
    href: String,
    meetings: Vec<MeetingItem>,
    form: Option<FormState>,
    organizations: Vec<(String, String)>,
    rows: Vec<ContenderRow>,
    saved: Option<u64>,
}

/// The party's branches strictly below `branch` (the primary organizations that may elect its
/// conference's delegates), as (code, name) by name.
async fn organizations_below(
    state: &WebState,
    ctx: &PageCtx,
    party: &PartyCode,
    branch: &TerritoryCode,
) -> Result<Vec<(String, String)>, Fail> {
    let store = state.app.store();
    let mut out = Vec::new();
    for b in store.branches_of(party).await? {
        let code = b.territory_code;
        if &code == branch {
            continue;
        }
        let ancestors = store.territory_ancestors(&code).await?;
        if !ancestors.iter().any(|a| &a.code == branch) {
            continue;
        }
        if let Some(t) = store.territory(&code).await? {
            out.push((code.to_string(), ctx.name_of(&t.names).to_owned()));
        }
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

async fn meetings_page(
    page: &Page,
    state: &WebState,
    id: &ConferenceId,
    form: Option<FormState>,
    saved: Option<u64>,
    status: StatusCode,
) -> Result<Response, Fail> {
    let ctx = &page.ctx;
    let store = state.app.store();
    let c = store.conference(id).await?.ok_or(Fail::NotFound)?;
    let party = store.party(&c.party).await?.ok_or(Fail::NotFound)?;
    let target = super::conference_target(state, &c).await?;
    let acting = may(page.principal(), CommandKind::RecordPrimaryMeeting, &target);
    let mut meetings = Vec::new();
    for m in state.app.conference_meetings(id).await? {
        let organization = store
            .territory(&m.organization)
            .await?
            .map(|t| ctx.name_of(&t.names).to_owned())
            .unwrap_or_default();
        let mut contenders = Vec::new();
        for k in &m.contenders {
            let name = if acting {
                store
                    .member_record(&k.member)
                    .await?
                    .map(|r| r.full_name())
                    .unwrap_or_default()
            } else {
                ctx.tr("pp-name-hidden")
            };
            let elected = m
                .elected
                .iter()
                .find(|e| e.member == k.member)
                .map(|e| ctx.tr_arg("pp-mandate-no", "mandate", e.mandate))
                .unwrap_or_default();
            contenders.push(ContenderItem {
                name,
                votes_for: k.votes_for,
                against: k.against,
                abstain: k.abstain,
                elected,
            });
        }
        meetings.push(MeetingItem {
            organization,
            day: day_text(m.held_on),
            facts: ctx.tr_args(
                "pp-meeting-facts",
                &[
                    ("members", m.members_present.to_string()),
                    ("seats", m.seats.to_string()),
                    ("elected", m.elected.len().to_string()),
                ],
            ),
            contenders,
        });
    }
    let form = acting.then(|| {
        form.unwrap_or_else(|| {
            let mut f = FormState::new(MEETING_FIELDS).labelled(MEETING_LABELS);
            f.set("seats", "1");
            f
        })
    });
    let rows = form
        .as_ref()
        .map(|f| {
            (0..ROWS)
                .map(|i| ContenderRow {
                    number: i + 1,
                    cells: [
                        (CARD[i], "pp-field-card"),
                        (FOR[i], "pp-field-votes-for"),
                        (AGAINST[i], "pp-field-against"),
                        (ABSTAIN[i], "pp-field-abstain"),
                    ]
                    .map(|(name, label)| Cell {
                        name,
                        label: ctx.tr_args(
                            "pp-cell-label",
                            &[("field", ctx.tr(label)), ("line", (i + 1).to_string())],
                        ),
                        value: f.value(name).to_owned(),
                        error: f.error(name),
                    }),
                })
                .collect()
        })
        .unwrap_or_default();
    let organizations = if form.is_some() {
        organizations_below(state, ctx, &c.party, &c.branch).await?
    } else {
        Vec::new()
    };
    let branch_name = store
        .territory(&c.branch)
        .await?
        .map(|t| ctx.name_of(&t.names).to_owned())
        .unwrap_or_default();
    let conference = conference_title(ctx, c.ordinal, &c.kind);
    let mut crumbs = crumbs_root(ctx, &c.party, &party.short_name);
    crumbs.push((branch_href(&c.party, &c.branch), branch_name.clone()));
    crumbs.push((conference_href(id), conference.clone()));
    crumbs.push((String::new(), ctx.tr("pp-meetings")));
    Ok(page.render(
        status,
        &MeetingsPage {
            ctx: ctx.clone(),
            crumbs,
            title: ctx.tr_args(
                "pp-meetings-title",
                &[("conference", conference.clone()), ("branch", branch_name)],
            ),
            conference_title: conference,
            conference_href: conference_href(id),
            href: meetings_href(id),
            meetings,
            form,
            organizations,
            rows,
            saved,
        },
    ))
}

/// GET /party/conferences/{id}/meetings
pub async fn meetings(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    page.answer(async {
        let id = conference_of(&id)?;
        meetings_page(
            &page,
            &state,
            &id,
            None,
            crate::pages::saved_index(&query),
            StatusCode::OK,
        )
        .await
    })
    .await
}

/// A whole number from a form field; "" is `empty`, a bad one an error on the field.
fn number_of(ctx: &PageCtx, form: &mut FormState, field: &str, raw: &str, empty: u32) -> u32 {
    let raw = raw.trim();
    if raw.is_empty() {
        return empty;
    }
    match sailau_domain::text::parse_whole_number(raw)
        .ok()
        .and_then(|n| u32::try_from(n).ok())
    {
        Some(n) => n,
        None => {
            form.push(field, ctx.tr("pp-count-format"));
            empty
        }
    }
}

/// The domain's field names as the form names them.
fn meeting_field_names() -> Vec<(String, String)> {
    let mut names: Vec<(String, String)> = (0..ROWS)
        .map(|i| (format!("contenders[{i}]"), CARD[i].to_owned()))
        .collect();
    names.push(("contenders".to_owned(), CARD[0].to_owned()));
    names
}

/// Renames the domain's fields (`contenders[2]`) to the form's (`card_2`).
fn meeting_errors(errors: &ValidationErrors) -> ValidationErrors {
    let names = meeting_field_names();
    let pairs: Vec<(&str, &str)> = names
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    crate::pages::elections::renamed(errors, &pairs)
}

/// POST /party/conferences/{id}/meetings: records a primary organization's meeting.
pub async fn record_meeting(
    page: Page,
    State(state): State<WebState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<axum::Form<Vec<(String, String)>>, FormRejection>,
) -> Response {
    page.answer(async {
        let id = conference_of(&id)?;
        let values = form_map(body)?;
        check_form(&page, &headers, &values)?;
        let store = state.app.store();
        let c = store.conference(&id).await?.ok_or(Fail::NotFound)?;
        let ctx = &page.ctx;
        let get = |k: &str| values.get(k).map(String::as_str).unwrap_or("").trim();
        let mut form = FormState::filled(MEETING_FIELDS, &values)
            .labelled(MEETING_LABELS)
            .choices(&["organization"]);
        let organization = match get("organization") {
            "" => {
                form.required(ctx, "organization");
                None
            }
            s => match TerritoryCode::parse(s) {
                Ok(t) => Some(t),
                Err(r) => {
                    form.push("organization", ctx.rule(&r));
                    None
                }
            },
        };
        let held_on = dates_of(ctx, &mut form, &values, &["held_on"])
            .first()
            .copied()
            .flatten();
        let members_present = if get("members_present").is_empty() {
            form.push("members_present", ctx.rule(&Rule::FieldRequired));
            None
        } else {
            let n = number_of(ctx, &mut form, "members_present", get("members_present"), 0);
            (!form.has_error("members_present")).then_some(n)
        };
        let seats = number_of(ctx, &mut form, "seats", get("seats"), 0);
        let mut contenders = Vec::new();
        for i in 0..ROWS {
            let card = get(CARD[i]);
            let counts = [FOR[i], AGAINST[i], ABSTAIN[i]];
            if card.is_empty() && counts.iter().all(|f| get(f).is_empty()) {
                continue;
            }
            let [votes_for, against, abstain] =
                counts.map(|f| number_of(ctx, &mut form, f, get(f), 0));
            let member = if card.is_empty() {
                form.push(CARD[i], ctx.rule(&Rule::FieldRequired));
                None
            } else {
                let m = store.member_by_card(&c.party, card).await?;
                if m.is_none() {
                    form.push(CARD[i], ctx.tr_arg("pp-contender-not-member", "card", card));
                }
                m
            };
            contenders.push((
                i,
                MeetingContender {
                    member: member.unwrap_or(MemberId(uuid::Uuid::new_v4())),
                    votes_for,
                    against,
                    abstain,
                },
            ));
        }
        let command = RecordPrimaryMeeting {
            meeting: MeetingId(uuid::Uuid::new_v4()),
            conference: id,
            organization: organization.clone().unwrap_or_else(|| c.branch.clone()),
            held_on: held_on.unwrap_or(c.held_on),
            members_present: members_present.unwrap_or(u32::MAX),
            seats,
            contenders: contenders.iter().map(|(_, k)| *k).collect(),
        };
        // The domain's field `contenders[k]` is the k-th filled row: name it by its row.
        let rows: Vec<usize> = contenders.iter().map(|(i, _)| *i).collect();
        let by_row = |errors: &ValidationErrors| {
            let mut out = ValidationErrors::new();
            for e in &errors.0 {
                let field = e
                    .field
                    .strip_prefix("contenders[")
                    .and_then(|s| s.strip_suffix(']'))
                    .and_then(|k| k.parse::<usize>().ok())
                    .and_then(|k| rows.get(k))
                    .map_or(e.field.clone(), |i| format!("contenders[{i}]"));
                out.push(field, e.rule.clone());
            }
            meeting_errors(&out)
        };
        if form.has_errors() {
            // The rest is checked by the domain with stand-ins that break no rule.
            let stand_in = MeetingFacts {
                id_taken: false,
                conference: Some(MeetingConference {
                    party: c.party.clone(),
                    branch: c.branch.clone(),
                    held_on: c.held_on,
                    decision: c.rules.decision,
                    voting_started: false,
                }),
                organization_exists: true,
                organization_path: vec![c.branch.clone(), command.organization.clone()],
                organization_members: u32::MAX,
                contenders: command
                    .contenders
                    .iter()
                    .map(|k| {
                        Some(MemberFacts {
                            member: k.member,
                            party: c.party.clone(),
                            branch: command.organization.clone(),
                            joined_on: jiff::civil::date(1900, 1, 1),
                            erased: false,
                        })
                    })
                    .collect(),
                seated: Default::default(),
                seated_elsewhere: Default::default(),
            };
            if let Err(e) = validate_meeting(&command, &stand_in) {
                let e = by_row(&e);
                let e = ValidationErrors(
                    e.0.into_iter()
                        .filter(|f| {
                            !(f.field == "organization"
                                && organization.is_none()
                                && matches!(f.rule, Rule::Party(PartyRule::OrganizationNotBelow)))
                        })
                        .collect(),
                );
                absorb_new(ctx, &mut form, &e);
            }
            return meetings_page(
                &page,
                &state,
                &id,
                Some(form),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        match crate::pages::territories::execute(&page, &state, command.into()).await? {
            Ok(index) => Ok(see_other(&format!(
                "{}?saved={index}#meetings",
                meetings_href(&id)
            ))),
            Err(errors) => {
                form.absorb(ctx, &by_row(&errors));
                meetings_page(
                    &page,
                    &state,
                    &id,
                    Some(form),
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await
            }
        }
    })
    .await
}

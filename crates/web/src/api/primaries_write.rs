//! The primaries' commands over the JSON API (issue 14 §1–§3, §5, §8) under
//! `/api/v1/primaries…`: the organizing committee opens a campaign, decides on contenders,
//! schedules debates and records who came, and fixes the online ballot; a member registers
//! as a contender (or a primary organization's secretary nominates one), and a contender
//! withdraws; a counting commission records a primary organization's paper count. Each is one
//! command through the app, with its ledger entry; the pages send the same commands.
//!
//! Every broken rule is answered at once (422): the fields that do not parse, and the rules of
//! the others, checked in a dry run with stand-ins (see [`write_parsed`]).

use axum::extract::State;
use sailau_domain::party::member::MemberId;
use sailau_domain::party::rules::PartyRule;
use sailau_domain::primaries::campaign::{OpenCampaign, Position, PositionKind, Windows};
use sailau_domain::primaries::contenders::{
    DecideContender, Decision, RegisterContender, Route, WithdrawContender,
};
use sailau_domain::primaries::debates::{RecordDebate, ScheduleDebate};
use sailau_domain::primaries::paper::{ContenderVotes, RecordPaperCount};
use sailau_domain::primaries::rules::{PrimariesRule, preset};
use sailau_domain::primaries::voting::FixBallot;
use sailau_domain::primaries::{CampaignId, ContenderId, DebateId, Instant, Window};
use sailau_domain::{Gender, Role, Rule, Scope};
use serde::Deserialize;
use utoipa::ToSchema;

use super::elections::IdWritten;
use super::extract::{ApiJson, BadId, IdPath, Writer};
use super::types::{Fields, all};
use super::write::{Created, existing, write, write_parsed};
use crate::WebState;
use crate::problem::{Missing, Problem, WriteRefused};

/// A window as sent: `[opens, closes)`, each an instant in RFC 3339 (`2020-10-01T00:00:00+06:00`).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewWindow {
    /// The first instant inside the window.
    #[schema(format = DateTime, example = "2020-10-01T00:00:00+06:00")]
    pub opens: String,
    /// The first instant after it.
    #[schema(format = DateTime, example = "2020-10-03T14:00:00+06:00")]
    pub closes: String,
}

/// The campaign's windows (rules.md §8: in 2020 registration 17–28 Aug, debates 14–30 Sep,
/// online voting 1 Oct 00:00 – 3 Oct 14:00, paper voting 3 Oct 08:00–14:00).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewWindows {
    /// Contenders register.
    pub registration: NewWindow,
    /// Debates are held (after registration closes).
    pub debates: NewWindow,
    /// Members vote online (after the debates).
    pub online_voting: NewWindow,
    /// Members vote on paper at primary organizations (inside online voting).
    pub paper_voting: NewWindow,
}

/// What a position is.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PositionKindName {
    /// The party's nominee for akim of `unit`.
    Akim,
    /// A list of `seats` places, balanced by the quotas.
    List,
}

/// A position the campaign fills.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPosition {
    /// A stable key: 1–32 of `a–z 0–9 -` (`akim-196220100`, `maslikhat-list`).
    pub key: String,
    /// The name in Russian.
    pub name_ru: String,
    /// The name in Kazakh.
    pub name_kk: String,
    /// The name in English (may be left out).
    #[serde(default)]
    pub name_en: Option<String>,
    /// `akim` or `list`.
    pub kind: PositionKindName,
    /// An akim position's unit (KATO code, inside the campaign's territory).
    #[serde(default)]
    #[schema(pattern = "^[0-9]{9}$")]
    pub unit: Option<String>,
    /// A list's places, 1–500.
    #[serde(default)]
    pub seats: Option<u32>,
}

/// A primaries campaign to open.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCampaign {
    /// The party's code.
    pub party: String,
    /// The territory of the branch whose organizing committee runs the campaign (KATO code).
    #[schema(pattern = "^[0-9]{9}$")]
    pub territory: String,
    /// The title in Russian.
    pub title_ru: String,
    /// The title in Kazakh.
    pub title_kk: String,
    /// The title in English (may be left out).
    #[serde(default)]
    pub title_en: Option<String>,
    /// The positions (1–200).
    pub positions: Vec<NewPosition>,
    /// The windows.
    pub windows: NewWindows,
    /// The trustees of the key ceremony: accounts with the role `trustee` (1–15, none twice).
    pub trustees: Vec<String>,
    /// How many trustees must take part in decrypting the tally (1 to the number of trustees).
    pub threshold: u32,
    /// A shipped rule set's id (`amanat-primaries-2020`), or left out with `rules`.
    #[serde(default)]
    pub preset: Option<String>,
    /// The party's own rule set as TOML text, when no preset is named.
    #[serde(default)]
    pub rules: Option<String>,
}

/// An instant in RFC 3339 (or the stand-in, with the rule recorded against `field`).
fn instant_field(f: &mut Fields, field: &str, value: &str) -> Instant {
    f.take(
        field,
        value
            .trim()
            .parse::<Instant>()
            .map_err(|_| PrimariesRule::InstantFormat.into()),
    )
    .unwrap_or(Instant::UNIX_EPOCH)
}

fn window_field(f: &mut Fields, field: &str, w: &NewWindow) -> Window {
    Window {
        opens: instant_field(f, &format!("windows.{field}.opens"), &w.opens),
        closes: instant_field(f, &format!("windows.{field}.closes"), &w.closes),
    }
}

/// Opens a primaries campaign: its positions, windows, trustees and the party's rule set
/// (the organizing committee, within its party scope; recorded whole in the ledger).
#[utoipa::path(
    post, path = "/api/v1/primaries", tag = "primaries",
    request_body = NewCampaign,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Opened", body = IdWritten,
            headers(("location" = String, description = "The campaign's URL"))),
        WriteRefused,
    )
)]
pub async fn open_campaign(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewCampaign>,
) -> Result<Created<IdWritten>, Problem> {
    // The party and territory decide who may act: without them, only their errors.
    let mut head = Fields::new();
    let party = head.party_code("party", &body.party);
    let territory = head.territory_code("territory", &body.territory);
    head.finish()?;
    let (party, territory) = (all(party)?, all(territory)?);

    let mut f = Fields::new();
    // An empty text is no rules of the party's own (as the form's empty field).
    let own = body.rules.as_ref().filter(|t| !t.trim().is_empty());
    let rules = match (&body.preset, own) {
        (Some(p), None) => f
            .take(
                "preset",
                preset(p.trim()).ok_or(PrimariesRule::PresetUnknown.into()),
            )
            .map(str::to_owned),
        (None, Some(text)) => Some(text.clone()),
        (Some(_), Some(_)) => f.take("rules", Err(PrimariesRule::PresetAndRules.into())),
        (None, None) => f.take("preset", Err(Rule::FieldRequired)),
    };
    // Without a rule set's text, its rules are not checked (they would be made up).
    let rules_broken = rules.is_none();
    let rules = rules.unwrap_or_default();
    let mut positions = Vec::new();
    for (i, p) in body.positions.iter().enumerate() {
        let kind = match p.kind {
            PositionKindName::Akim => {
                let field = format!("positions[{i}].unit");
                let unit = match &p.unit {
                    Some(u) => f.territory_code(&field, u),
                    None => f.take(&field, Err(Rule::FieldRequired)),
                };
                match unit {
                    Some(unit) => PositionKind::Akim { unit },
                    // A neutral stand-in: its own rules hold, the name's are still checked.
                    None => PositionKind::List { seats: 1 },
                }
            }
            PositionKindName::List => PositionKind::List {
                seats: f
                    .take(
                        &format!("positions[{i}].seats"),
                        p.seats.ok_or(Rule::FieldRequired),
                    )
                    .unwrap_or(1),
            },
        };
        positions.push(Position {
            key: p.key.clone(),
            name_ru: p.name_ru.clone(),
            name_kk: p.name_kk.clone(),
            name_en: p.name_en.clone().unwrap_or_default(),
            kind,
        });
    }
    let w = &body.windows;
    let windows = Windows {
        registration: window_field(&mut f, "registration", &w.registration),
        debates: window_field(&mut f, "debates", &w.debates),
        online_voting: window_field(&mut f, "online_voting", &w.online_voting),
        paper_voting: window_field(&mut f, "paper_voting", &w.paper_voting),
    };
    let windows_broken = f.broken_under("windows");
    let mut trustees = Vec::new();
    for (i, t) in body.trustees.iter().enumerate() {
        if let Some(u) = f.username(&format!("trustees[{i}]"), t) {
            trustees.push(u);
        }
    }
    let trustees_broken = trustees.len() != body.trustees.len();

    let id = CampaignId(uuid::Uuid::new_v4());
    let command = OpenCampaign {
        campaign: id,
        party,
        territory,
        title_ru: body.title_ru,
        title_kk: body.title_kk,
        title_en: body.title_en.unwrap_or_default(),
        positions,
        windows,
        trustees,
        threshold: body.threshold,
        rules,
    };
    let mut shadowed: Vec<&str> = Vec::new();
    if windows_broken {
        shadowed.push("windows");
    }
    if trustees_broken {
        shadowed.push("trustees");
    }
    if rules_broken {
        shadowed.push("rules");
    }
    write_parsed(&state, &writer, f, &shadowed, command, async |s| {
        Ok(s.campaign(&id)
            .await?
            .map(|c| c.opened.campaign.to_string()))
    })
    .await?
    .created(format!("/api/v1/primaries/{id}"))
}

/// A contender's application.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewContender {
    /// The position's key.
    pub position: String,
    /// The member who stands, by identifier; or by `card_number`; with neither, the signed-in
    /// member's own application.
    #[serde(default)]
    #[schema(format = Uuid)]
    pub member: Option<String>,
    /// The member who stands, by party card number (in the campaign's party).
    #[serde(default)]
    pub card_number: Option<String>,
    /// The nominating primary organization (KATO code of the party's branch): required when
    /// anyone but the member themselves registers the contender; left out for a member's own
    /// application.
    #[serde(default)]
    #[schema(pattern = "^[0-9]{9}$")]
    pub organization: Option<String>,
    /// `female` or `male`, as the contender declares (the women's rating and quota).
    #[schema(value_type = super::types::GenderName)]
    pub gender: String,
    /// Years of residence in the campaign's territory, as declared.
    pub residence_years: u32,
    /// The declaration of having no criminal record.
    pub no_criminal_record: bool,
}

/// The member a signed-in member account acts for.
fn own_member(writer: &Writer) -> Option<MemberId> {
    match (&writer.0.principal.role, &writer.0.principal.scope) {
        (Role::PartyMember, Scope::Member { member }) => Some(*member),
        _ => None,
    }
}

/// Registers a contender: a member's own application, or a primary organization's nomination
/// by the party's secretary (`organization`). Whether the contender is young (the rating and
/// quota of the young) comes from the member's record, never from the request.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/contenders", tag = "primaries",
    params(IdPath<CampaignId>),
    request_body = NewContender,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Registered (the committee decides next)", body = IdWritten),
        BadId,
        WriteRefused,
    )
)]
pub async fn register_contender(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(campaign): IdPath<CampaignId>,
    ApiJson(body): ApiJson<NewContender>,
) -> Result<Created<IdWritten>, Problem> {
    let mut f = Fields::new();
    let member = match (&body.member, &body.card_number) {
        (Some(m), _) => f.take(
            "member",
            uuid::Uuid::parse_str(m.trim())
                .map(MemberId)
                .map_err(|_| PartyRule::MemberMissing.into()),
        ),
        (None, Some(card)) => {
            let party = existing(&state, Missing::Campaign, campaign.0, async |s| {
                s.campaign(&campaign).await
            })
            .await?
            .opened
            .party;
            let found = state
                .app
                .store()
                .member_by_card(&party, card.trim())
                .await
                .map_err(super::territories::storage)?;
            f.take("card_number", found.ok_or(PartyRule::MemberMissing.into()))
        }
        (None, None) => f.take("member", own_member(&writer).ok_or(Rule::FieldRequired)),
    };
    let route = match &body.organization {
        Some(o) => f
            .territory_code("organization", o)
            .map(|organization| Route::Organization { organization }),
        // Only the member applies on their own; anyone else nominates for an organization.
        None if member.is_some() && member != own_member(&writer) => {
            f.take("organization", Err(Rule::FieldRequired))
        }
        None => Some(Route::SelfNominated),
    };
    let gender = f.take("gender", Gender::parse(&body.gender));
    // Without the member (or a readable organization) the writer's rights are unknown.
    if member.is_none() || route.is_none() {
        return Err(Problem::invalid(&f.into_errors()));
    }
    let member = all(member)?;
    let young = state
        .app
        .contender_young(&campaign, &member)
        .await?
        .unwrap_or(false);
    let contender = ContenderId(uuid::Uuid::new_v4());
    let command = RegisterContender {
        contender,
        campaign,
        position: body.position,
        member,
        route: all(route)?,
        gender: gender.unwrap_or(Gender::Female),
        young,
        residence_years: body.residence_years,
        no_criminal_record: body.no_criminal_record,
    };
    write_parsed(&state, &writer, f, &[], command, async |s| {
        Ok(s.contender(&contender)
            .await?
            .map(|c| c.registered.contender.to_string()))
    })
    .await?
    .created_here()
}

/// The committee's decision on an application.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ContenderDecisionKind {
    /// Admit to the primaries.
    Admit,
    /// Refuse, with `ground`.
    Refuse,
}

/// A decision on a contender.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContenderDecision {
    /// `admit` or `refuse`.
    pub decision: ContenderDecisionKind,
    /// The ground of a refusal, as the committee words it.
    #[serde(default)]
    pub ground: Option<String>,
}

/// The organizing committee admits or refuses a contender (before online voting opens).
#[utoipa::path(
    post, path = "/api/v1/primaries/contenders/{id}/decision", tag = "primaries",
    params(IdPath<ContenderId>),
    request_body = ContenderDecision,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Decided", body = IdWritten),
        BadId,
        (status = 404, description = "No such contender", body = Problem),
        WriteRefused,
    )
)]
pub async fn decide_contender(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(contender): IdPath<ContenderId>,
    ApiJson(body): ApiJson<ContenderDecision>,
) -> Result<axum::Json<IdWritten>, Problem> {
    existing(&state, Missing::Contender, contender.0, async |s| {
        s.contender(&contender).await
    })
    .await?;
    let decision = match body.decision {
        ContenderDecisionKind::Admit => Decision::Admit,
        ContenderDecisionKind::Refuse => Decision::Refuse {
            ground: body.ground.unwrap_or_default(),
        },
    };
    on_contender(
        &state,
        &writer,
        contender,
        DecideContender {
            contender,
            decision,
        },
    )
    .await
}

/// A contender withdraws, or the committee records their withdrawal (before online voting
/// opens; the body is empty).
#[utoipa::path(
    post, path = "/api/v1/primaries/contenders/{id}/withdrawal", tag = "primaries",
    params(IdPath<ContenderId>),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Withdrawn", body = IdWritten),
        BadId,
        (status = 404, description = "No such contender", body = Problem),
        WriteRefused,
    )
)]
pub async fn withdraw_contender(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(contender): IdPath<ContenderId>,
) -> Result<axum::Json<IdWritten>, Problem> {
    existing(&state, Missing::Contender, contender.0, async |s| {
        s.contender(&contender).await
    })
    .await?;
    on_contender(&state, &writer, contender, WithdrawContender { contender }).await
}

async fn on_contender(
    state: &WebState,
    writer: &Writer,
    contender: ContenderId,
    command: impl Into<sailau_domain::Issued>,
) -> Result<axum::Json<IdWritten>, Problem> {
    write(state, writer, command, async |s| {
        Ok(s.contender(&contender)
            .await?
            .map(|c| c.registered.contender.to_string()))
    })
    .await?
    .ok()
}

/// Contender identifiers from a request (the broken ones recorded against `field[i]`).
fn contender_ids(f: &mut Fields, field: &str, ids: &[String]) -> Vec<ContenderId> {
    ids.iter()
        .enumerate()
        .filter_map(|(i, s)| {
            f.take(
                &format!("{field}[{i}]"),
                uuid::Uuid::parse_str(s.trim())
                    .map(ContenderId)
                    .map_err(|_| PrimariesRule::ContenderMissing.into()),
            )
        })
        .collect()
}

/// A debate to schedule.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewDebate {
    /// The position's key.
    pub position: String,
    /// The topic.
    pub topic: String,
    /// Where it is held.
    pub place: String,
    /// When it starts, RFC 3339 (inside the debates' window).
    #[schema(format = DateTime, example = "2020-09-15T11:00:00+06:00")]
    pub starts_at: String,
    /// The stream's link (`https://…`; may be empty).
    #[serde(default)]
    pub stream_url: String,
    /// The admitted contenders of the position who take part (at least two).
    #[schema(value_type = Vec<String>, format = Uuid)]
    pub contenders: Vec<String>,
}

/// The organizing committee schedules a debate of a position's contenders.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/debates", tag = "primaries",
    params(IdPath<CampaignId>),
    request_body = NewDebate,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Scheduled", body = IdWritten),
        BadId,
        WriteRefused,
    )
)]
pub async fn schedule_debate(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(campaign): IdPath<CampaignId>,
    ApiJson(body): ApiJson<NewDebate>,
) -> Result<Created<IdWritten>, Problem> {
    let mut f = Fields::new();
    let starts_at = instant_field(&mut f, "starts_at", &body.starts_at);
    let contenders = contender_ids(&mut f, "contenders", &body.contenders);
    let mut shadowed = vec![];
    if contenders.len() != body.contenders.len() {
        shadowed.push("contenders");
    }
    let debate = DebateId(uuid::Uuid::new_v4());
    let command = ScheduleDebate {
        debate,
        campaign,
        position: body.position,
        topic: body.topic,
        place: body.place,
        starts_at,
        stream_url: body.stream_url,
        contenders,
    };
    write_parsed(&state, &writer, f, &shadowed, command, async |s| {
        Ok(s.debate(&debate)
            .await?
            .map(|d| d.scheduled.debate.to_string()))
    })
    .await?
    .created_here()
}

/// Who came to a debate.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DebateAttendance {
    /// The contenders who came; the debate's other contenders are recorded absent (and
    /// excluded when the rule set makes debates mandatory).
    #[schema(value_type = Vec<String>, format = Uuid)]
    pub present: Vec<String>,
    /// The recording's link (`https://…`; may be empty).
    #[serde(default)]
    pub recording_url: String,
}

/// The organizing committee records who came to a debate and its recording.
#[utoipa::path(
    post, path = "/api/v1/primaries/debates/{id}/attendance", tag = "primaries",
    params(IdPath<DebateId>),
    request_body = DebateAttendance,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Recorded", body = IdWritten),
        BadId,
        (status = 404, description = "No such debate", body = Problem),
        WriteRefused,
    )
)]
pub async fn record_debate(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(debate): IdPath<DebateId>,
    ApiJson(body): ApiJson<DebateAttendance>,
) -> Result<axum::Json<IdWritten>, Problem> {
    let scheduled = existing(&state, Missing::Debate, debate.0, async |s| {
        s.debate(&debate).await
    })
    .await?
    .scheduled;
    let mut f = Fields::new();
    let present = contender_ids(&mut f, "present", &body.present);
    f.finish()?;
    let absent = scheduled
        .contenders
        .iter()
        .filter(|c| !present.contains(c))
        .copied()
        .collect();
    let command = RecordDebate {
        debate,
        present,
        absent,
        recording_url: body.recording_url,
    };
    write(&state, &writer, command, async |s| {
        Ok(s.debate(&debate)
            .await?
            .map(|d| d.scheduled.debate.to_string()))
    })
    .await?
    .ok()
}

/// The organizing committee fixes the online ballot from the admitted contenders (once
/// registration has closed; the body is empty). The trustees' key ceremony follows.
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/ballot", tag = "primaries",
    params(IdPath<CampaignId>),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Fixed", body = IdWritten),
        BadId,
        WriteRefused,
    )
)]
pub async fn fix_ballot(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(campaign): IdPath<CampaignId>,
) -> Result<axum::Json<IdWritten>, Problem> {
    write(&state, &writer, FixBallot { campaign }, async |s| {
        Ok(s.campaign(&campaign)
            .await?
            .map(|c| c.opened.campaign.to_string()))
    })
    .await?
    .ok()
}

/// One contender's paper votes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaperVotes {
    /// The contender.
    #[schema(format = Uuid)]
    pub contender: String,
    /// The votes.
    pub votes: u64,
}

/// A primary organization's paper count of one position.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPaperCount {
    /// The primary organization (KATO code of the party's branch).
    #[schema(pattern = "^[0-9]{9}$")]
    pub organization: String,
    /// The position's key.
    pub position: String,
    /// Paper ballots issued (the register's paper marks bound it).
    pub issued: u64,
    /// The votes of every admitted contender of the position.
    pub counts: Vec<PaperVotes>,
}

/// A counting commission records a primary organization's paper count (from the opening of
/// paper voting until the trustees' decryption of the online votes is published, when the
/// ratings become final).
#[utoipa::path(
    post, path = "/api/v1/primaries/{id}/paper-counts", tag = "primaries",
    params(IdPath<CampaignId>),
    request_body = NewPaperCount,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Recorded", body = IdWritten),
        BadId,
        WriteRefused,
    )
)]
pub async fn record_paper_count(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(campaign): IdPath<CampaignId>,
    ApiJson(body): ApiJson<NewPaperCount>,
) -> Result<Created<IdWritten>, Problem> {
    let mut f = Fields::new();
    let organization = f.territory_code("organization", &body.organization);
    let ids: Vec<String> = body.counts.iter().map(|c| c.contender.clone()).collect();
    let contenders = contender_ids(&mut f, "counts", &ids);
    // The organization decides who may act: without it, only the fields' errors.
    f.finish()?;
    let counts = contenders
        .into_iter()
        .zip(&body.counts)
        .map(|(contender, c)| ContenderVotes {
            contender,
            votes: c.votes,
        })
        .collect();
    let command = RecordPaperCount {
        campaign,
        organization: all(organization)?,
        position: body.position,
        issued: body.issued,
        counts,
    };
    write(&state, &writer, command, async |s| {
        Ok(s.campaign(&campaign)
            .await?
            .map(|c| c.opened.campaign.to_string()))
    })
    .await?
    .created_here()
}

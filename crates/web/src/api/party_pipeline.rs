//! The pipeline's JSON API (issue 13 §3, §7; i13-pipeline) under `/api/v1/party/…`: record a
//! primary organization's meeting (sailau decides who is elected and seats them on the
//! conference's roster), read meetings, adopt a region's plan, and the regional dashboard of
//! held, pending and overdue conferences. Writes go through [`super::write::write`].

use axum::extract::State;
use jiff::civil::Date;
use sailau_app::party::pipeline::{BranchStage, RegionDashboard};
use sailau_app::storage::party_pipeline::MeetingRow;
use sailau_domain::party::commands::ConferenceId;
use sailau_domain::party::member::MemberId;
use sailau_domain::party::pipeline::{
    AdoptRegionalPlan, MeetingContender, MeetingId, RecordPrimaryMeeting, StageStatus,
};
use sailau_domain::party::vote::Choice;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery, BadId, IdPath, SignedIn, Writer, uuid_param};
use super::types::{Fields, LedgerPosition, all, path_party, path_territory};
use super::write::{Created, write, written_body};
use crate::WebState;
use crate::problem::{Missing, Problem, WriteRefused};

/// One contender for delegate, with the counts of its own open vote.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContenderCounts {
    /// The member's identifier (a member of the primary organization).
    #[schema(format = Uuid)]
    pub member: String,
    /// Members voting for.
    pub votes_for: u32,
    /// Members voting against.
    pub against: u32,
    /// Members abstaining.
    pub abstain: u32,
}

/// A primary organization's meeting that elected delegates to the conference.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMeeting {
    /// The territory (KATO code) of the primary organization's branch, below the conference's
    /// branch.
    #[schema(example = "154820000", pattern = "^[0-9]{9}$")]
    pub organization: String,
    /// The day of the meeting (on or before the conference's).
    #[schema(value_type = String, format = Date, example = "2023-09-20")]
    pub held_on: Date,
    /// Members present.
    pub members_present: u32,
    /// Delegates to elect (1–999).
    pub seats: u32,
    /// The contenders, in the order proposed.
    pub contenders: Vec<ContenderCounts>,
}

/// A delegate elected by a meeting, with the mandate given.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ElectedView {
    /// The member's identifier.
    #[schema(format = Uuid)]
    pub member: String,
    /// The mandate number on the conference's roster.
    pub mandate: u32,
}

/// A primary meeting's record and who it elected.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MeetingView {
    /// The meeting's identifier.
    #[schema(format = Uuid)]
    pub id: String,
    /// The conference the delegates were elected to.
    #[schema(format = Uuid)]
    pub conference: String,
    /// The primary organization's territory.
    pub organization: String,
    /// The day of the meeting.
    #[schema(value_type = String, format = Date)]
    pub held_on: Date,
    /// Members present.
    pub members_present: u32,
    /// Delegates it was to elect.
    pub seats: u32,
    /// The contenders with their counts.
    pub contenders: Vec<ContenderCounts>,
    /// Who was elected (most votes first), with their mandates.
    pub elected: Vec<ElectedView>,
}

impl From<MeetingRow> for MeetingView {
    fn from(m: MeetingRow) -> Self {
        MeetingView {
            id: m.id.0.to_string(),
            conference: m.conference.0.to_string(),
            organization: m.organization.to_string(),
            held_on: m.held_on,
            members_present: m.members_present,
            seats: m.seats,
            contenders: m
                .contenders
                .iter()
                .map(|k| ContenderCounts {
                    member: k.member.0.to_string(),
                    votes_for: k.votes_for,
                    against: k.against,
                    abstain: k.abstain,
                })
                .collect(),
            elected: m
                .elected
                .iter()
                .map(|e| ElectedView {
                    member: e.member.0.to_string(),
                    mandate: e.mandate,
                })
                .collect(),
        }
    }
}

/// A meeting as recorded, with its ledger entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MeetingWritten {
    /// The meeting and who it elected.
    pub meeting: MeetingView,
    /// The ledger entry.
    pub ledger: LedgerPosition,
}
written_body!(MeetingWritten {
    meeting: MeetingRow
});

/// Records a primary organization's meeting (in the ledger); sailau elects by the conference's
/// decision rule and seats the elected on the conference's roster with the next mandates.
#[utoipa::path(
    post, path = "/api/v1/party/conferences/{id}/meetings", tag = "party",
    params(IdPath<ConferenceId>),
    request_body = NewMeeting,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Recorded", body = MeetingWritten,
            headers(("location" = String, description = "The meeting's URL"))),
        WriteRefused,
        BadId,
    )
)]
pub async fn record_meeting(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(conference): IdPath<ConferenceId>,
    ApiJson(body): ApiJson<NewMeeting>,
) -> Result<Created<MeetingWritten>, Problem> {
    let mut f = Fields::new();
    let organization = f.territory_code("organization", &body.organization);
    f.finish()?;
    let mut contenders = Vec::new();
    for (i, k) in body.contenders.iter().enumerate() {
        contenders.push(MeetingContender {
            member: MemberId(uuid_param(&format!("contenders[{i}].member"), &k.member)?),
            votes_for: k.votes_for,
            against: k.against,
            abstain: k.abstain,
        });
    }
    let meeting = MeetingId(uuid::Uuid::new_v4());
    let command = RecordPrimaryMeeting {
        meeting,
        conference,
        organization: all(organization)?,
        held_on: body.held_on,
        members_present: body.members_present,
        seats: body.seats,
        contenders,
    };
    write(&state, &writer, command, async |s| {
        s.meeting(&meeting).await
    })
    .await?
    .created(format!("/api/v1/party/meetings/{}", meeting.0))
}

/// A primary meeting's record.
#[utoipa::path(
    get, path = "/api/v1/party/meetings/{id}", tag = "party",
    params(IdPath<MeetingId>),
    responses(
        (status = 200, description = "The meeting", body = MeetingView),
        BadId,
        (status = 404, description = "No such meeting", body = Problem),
    )
)]
pub async fn get_meeting(
    State(state): State<WebState>,
    IdPath(id): IdPath<MeetingId>,
) -> Result<axum::Json<MeetingView>, Problem> {
    let m = state
        .app
        .primary_meeting(&id)
        .await?
        .ok_or_else(|| Problem::not_found(Missing::Meeting, id.0))?;
    Ok(axum::Json(m.into()))
}

/// The primary meetings that elected a conference's delegates, by date.
#[utoipa::path(
    get, path = "/api/v1/party/conferences/{id}/meetings", tag = "party",
    params(IdPath<ConferenceId>),
    responses(
        (status = 200, description = "The meetings", body = Vec<MeetingView>),
        BadId,
    )
)]
pub async fn list_meetings(
    State(state): State<WebState>,
    IdPath(id): IdPath<ConferenceId>,
) -> Result<axum::Json<Vec<MeetingView>>, Problem> {
    let list = state.app.conference_meetings(&id).await?;
    Ok(axum::Json(list.into_iter().map(Into::into).collect()))
}

/// The dated stages of a region's plan.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanDates {
    /// The first day of the plan (conferences before it do not count).
    #[schema(value_type = String, format = Date, example = "2020-11-01")]
    pub starts_on: Date,
    /// The last day of the primary organizations' meetings.
    #[schema(value_type = String, format = Date, example = "2020-11-10")]
    pub primary_meetings_by: Date,
    /// The last day of the district and city conferences.
    #[schema(value_type = String, format = Date, example = "2020-11-20")]
    pub district_conferences_by: Date,
    /// The last day of the regional conference.
    #[schema(value_type = String, format = Date, example = "2020-11-27")]
    pub regional_conference_by: Date,
}

impl From<AdoptRegionalPlan> for PlanDates {
    fn from(p: AdoptRegionalPlan) -> Self {
        PlanDates {
            starts_on: p.starts_on,
            primary_meetings_by: p.primary_meetings_by,
            district_conferences_by: p.district_conferences_by,
            regional_conference_by: p.regional_conference_by,
        }
    }
}

/// A plan as adopted, with its ledger entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PlanWritten {
    /// The plan's dates.
    pub plan: PlanDates,
    /// The ledger entry.
    pub ledger: LedgerPosition,
}
written_body!(PlanWritten {
    plan: AdoptRegionalPlan
});

/// Adopts (or replaces) a region's plan of the pipeline (recorded in the ledger).
#[utoipa::path(
    put, path = "/api/v1/party/plans/{party}/{region}", tag = "party",
    params(
        ("party" = String, Path, pattern = r"^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", description = "The party's code"),
        ("region" = String, Path, pattern = "^[0-9]{9}$", description = "The region's KATO code"),
    ),
    request_body = PlanDates,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Adopted", body = PlanWritten),
        WriteRefused,
    )
)]
pub async fn adopt_plan(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath((party, region)): ApiPath<(String, String)>,
    ApiJson(body): ApiJson<PlanDates>,
) -> Result<axum::Json<PlanWritten>, Problem> {
    let (party, region) = (path_party(&party)?, path_territory(&region)?);
    let command = AdoptRegionalPlan {
        party: party.clone(),
        region: region.clone(),
        starts_on: body.starts_on,
        primary_meetings_by: body.primary_meetings_by,
        district_conferences_by: body.district_conferences_by,
        regional_conference_by: body.regional_conference_by,
    };
    write(&state, &writer, command, async |s| {
        s.plan(&party, &region).await
    })
    .await?
    .ok()
}

/// The day the dashboard is computed for.
#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct DashboardQuery {
    /// YYYY-MM-DD; today in the region's time zone when absent.
    #[param(value_type = Option<String>, format = Date)]
    pub on: Option<Date>,
}

/// A held, pending or overdue stage.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum StageName {
    /// The conference decided at least one motion.
    Held,
    /// Not held; the deadline has not passed.
    Pending,
    /// Not held; the deadline has passed.
    Overdue,
}

impl From<StageStatus> for StageName {
    fn from(s: StageStatus) -> Self {
        match s {
            StageStatus::Held => StageName::Held,
            StageStatus::Pending => StageName::Pending,
            StageStatus::Overdue => StageName::Overdue,
        }
    }
}

/// The conference a stage counts.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StageConference {
    /// Its identifier.
    #[schema(format = Uuid)]
    pub id: String,
    /// Its ordinal number.
    pub ordinal: u32,
    /// Its day.
    #[schema(value_type = String, format = Date)]
    pub held_on: Date,
}

/// One branch's line on the dashboard.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct StageView {
    /// The branch's territory.
    pub branch: String,
    /// `true` for the regional conference (the last stage).
    pub regional: bool,
    /// The branch's conference counted (latest since the plan's start).
    pub conference: Option<StageConference>,
    /// Held, pending or overdue.
    pub status: StageName,
    /// The stage's deadline by the plan.
    #[schema(value_type = Option<String>, format = Date)]
    pub deadline: Option<Date>,
    /// Primary meetings recorded for the conference.
    pub meetings: u32,
    /// Nominations the conference adopted.
    pub nominations: u32,
}

impl From<BranchStage> for StageView {
    fn from(b: BranchStage) -> Self {
        StageView {
            branch: b.branch.to_string(),
            regional: b.regional,
            conference: b.conference.map(|c| StageConference {
                id: c.id.0.to_string(),
                ordinal: c.ordinal,
                held_on: c.held_on,
            }),
            status: b.status.into(),
            deadline: b.deadline,
            meetings: b.meetings,
            nominations: b.nominations,
        }
    }
}

/// A region's dashboard: its plan and each stage's status on a day.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct DashboardView {
    /// The party.
    pub party: String,
    /// The region.
    pub region: String,
    /// The day the status is computed for.
    #[schema(value_type = String, format = Date)]
    pub on: Date,
    /// The plan, if adopted.
    pub plan: Option<PlanDates>,
    /// District and city branches, then the regional branch.
    pub branches: Vec<StageView>,
    /// Stages held.
    pub held: u32,
    /// Stages pending.
    pub pending: u32,
    /// Stages overdue.
    pub overdue: u32,
    /// Nominations made across the region.
    pub nominations: u32,
}

impl From<RegionDashboard> for DashboardView {
    fn from(d: RegionDashboard) -> Self {
        let n = |s| u32::try_from(d.count(s)).unwrap_or(u32::MAX);
        DashboardView {
            party: d.party.to_string(),
            region: d.region.to_string(),
            on: d.on,
            held: n(StageStatus::Held),
            pending: n(StageStatus::Pending),
            overdue: n(StageStatus::Overdue),
            nominations: d.nominations(),
            plan: d.plan.clone().map(Into::into),
            branches: d.branches.into_iter().map(Into::into).collect(),
        }
    }
}

/// A region's dashboard: which district, city and regional conferences are held, pending or
/// overdue on a day, and the nominations made (public: no personal data).
#[utoipa::path(
    get, path = "/api/v1/party/plans/{party}/{region}/dashboard", tag = "party",
    params(
        ("party" = String, Path, pattern = r"^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", description = "The party's code"),
        ("region" = String, Path, pattern = "^[0-9]{9}$", description = "The region's KATO code"),
        DashboardQuery,
    ),
    responses(
        (status = 200, description = "The dashboard", body = DashboardView),
        (status = 400, description = "A malformed code or date", body = Problem),
        (status = 404, description = "The party has no branch in the region", body = Problem),
    )
)]
pub async fn dashboard(
    State(state): State<WebState>,
    ApiPath((party, region)): ApiPath<(String, String)>,
    ApiQuery(query): ApiQuery<DashboardQuery>,
) -> Result<axum::Json<DashboardView>, Problem> {
    let (party, region) = (path_party(&party)?, path_territory(&region)?);
    let on = match query.on {
        Some(d) => d,
        None => sailau_domain::date::local_date(state.app.now_ms(), Some(&region))
            .map_err(|e| Problem::internal(&e))?,
    };
    let d = state.app.regional_dashboard(&party, &region, on).await?;
    Ok(axum::Json(d.into()))
}

/// A delegate's seat: check-in status and the delegate's roll-call votes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SeatView {
    /// The conference.
    #[schema(format = Uuid)]
    pub conference: String,
    /// Its number in Russian (`L (50-я)`).
    pub number_ru: String,
    /// Its number in Kazakh (`L (50-ші)`).
    pub number_kk: String,
    /// The conference's day.
    #[schema(value_type = String, format = Date)]
    pub held_on: Date,
    /// The mandate number.
    pub mandate: u32,
    /// Whether the delegate is checked in.
    pub checked_in: bool,
    /// The delegate's roll-call votes.
    pub votes: Vec<RollCallView>,
}

/// One of a delegate's roll-call votes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RollCallView {
    /// The motion.
    #[schema(format = Uuid)]
    pub motion: String,
    /// The round.
    pub round: u32,
    /// `for`, `against` or `abstain`.
    pub choice: String,
    /// For `for`: the contender's position in the round (0 for a yes/no question).
    pub contender: Option<u32>,
}

/// A member's own record as the reader may see it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MemberRecordView {
    /// The member's identifier.
    #[schema(format = Uuid)]
    pub member: String,
    /// The party.
    pub party: String,
    /// The branch's territory.
    pub branch: String,
    /// When the member joined.
    #[schema(value_type = String, format = Date)]
    pub joined_on: Date,
    /// The party card's number (absent once erased or when the reader may not see it).
    pub card_number: Option<String>,
    /// Full name, surname first (same).
    pub full_name: Option<String>,
    /// The member's seats as a delegate that the reader may see.
    pub seats: Vec<SeatView>,
}

/// A party member's own record: to the member (`party_member`, scope `member:<id>`), the member
/// as a delegate (`party_delegate`, with check-in status and roll-call votes), the branch's
/// secretary, and, for one conference's seat, that conference's counting commission.
#[utoipa::path(
    get, path = "/api/v1/party/members/{id}", tag = "party",
    params(IdPath<MemberId>),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The record", body = MemberRecordView),
        BadId,
        (status = 401, description = "Not signed in", body = Problem),
        (status = 403, description = "Not this account's to see", body = Problem),
        (status = 404, description = "No such member", body = Problem),
    )
)]
pub async fn member_record(
    State(state): State<WebState>,
    SignedIn(user): SignedIn,
    IdPath(member): IdPath<MemberId>,
) -> Result<axum::Json<MemberRecordView>, Problem> {
    let r = state
        .app
        .member_own_record(Some(&user.principal), &member)
        .await?;
    Ok(axum::Json(MemberRecordView {
        member: r.member.member.0.to_string(),
        party: r.member.party.to_string(),
        branch: r.member.branch.to_string(),
        joined_on: r.member.joined_on,
        card_number: r.record.as_ref().map(|x| x.card_number.clone()),
        full_name: r.record.map(|x| x.full_name),
        seats: r
            .seats
            .into_iter()
            .map(|s| {
                let [number_ru, number_kk, _] = s.number;
                SeatView {
                    conference: s.conference.0.to_string(),
                    number_ru,
                    number_kk,
                    held_on: s.held_on,
                    mandate: s.mandate,
                    checked_in: s.checked_in_at_ms.is_some(),
                    votes: s
                        .votes
                        .into_iter()
                        .map(|(motion, round, choice)| {
                            let (choice, contender) = match choice {
                                Choice::For(i) => ("for", Some(i)),
                                Choice::Against => ("against", None),
                                Choice::Abstain => ("abstain", None),
                            };
                            RollCallView {
                                motion: motion.0.to_string(),
                                round,
                                choice: choice.into(),
                                contender,
                            }
                        })
                        .collect(),
                }
            })
            .collect(),
    }))
}

//! The party context's JSON API (issue 13, i13-party) under `/api/v1/party/…`: convene a
//! conference with the branch's next number, read it with its live count and quorum, check
//! delegates in, put motions, record votes (sailau decides), and ask whether a person is a
//! member of a party on a date. Writes go through the app's one command pipeline.

use axum::extract::State;
use sailau_app::storage::party::{ConferenceRow, MotionRow, VoteRow};
use sailau_domain::party::commands::{
    CheckIn, ConferenceId, ConferenceKind, Contender, ConveneConference, MotionId, OpenMotion,
    RecordVote, Subject,
};
use sailau_domain::party::member::MemberId;
use sailau_domain::party::rules::PartyRule;
use sailau_domain::party::vote::{Choice, Outcome, PartyRules, RollCallVote, Tally, VoteMode};
use sailau_domain::{PersonId, Rule};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery, BadId, IdPath, Writer, uuid_param};
use super::types::{Fields, LedgerPosition, all, path_party};
use super::write::{Created, Written, write};
use crate::WebState;
use crate::problem::{Problem, WriteRefused};

/// A conference to convene: its number is the branch's next one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewConference {
    /// The party's code.
    #[schema(example = "amanat")]
    pub party: String,
    /// The branch's territory (KATO code).
    #[schema(example = "154800000", pattern = "^[0-9]{9}$")]
    pub branch: String,
    /// `regular` or `extraordinary`.
    pub kind: ConferenceKindName,
    /// The day it is held (YYYY-MM-DD).
    #[schema(value_type = String, format = Date, example = "2023-09-27")]
    pub held_on: jiff::civil::Date,
    /// Where it is held.
    pub place: String,
    /// The agenda items, in order.
    pub agenda: Vec<String>,
}

/// Whether a conference is regular or extraordinary.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ConferenceKindName {
    /// A regular conference.
    Regular,
    /// An extraordinary conference.
    Extraordinary,
}

/// A conference as convened, with where its entry sits in the ledger.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConferenceWritten {
    /// The conference's identifier.
    pub id: String,
    /// Its ordinal number.
    pub ordinal: u32,
    /// Its number in Russian, e.g. `L (50-я)`.
    pub number_ru: String,
    /// Its number in Kazakh, e.g. `L (50-ші)`.
    pub number_kk: String,
    /// The ledger entry.
    pub ledger: LedgerPosition,
}

impl From<Written<ConferenceRow>> for ConferenceWritten {
    fn from(w: Written<ConferenceRow>) -> Self {
        use sailau_domain::party::numbering::conference_number;
        ConferenceWritten {
            id: w.saved.id.0.to_string(),
            ordinal: w.saved.ordinal,
            number_ru: conference_number(w.saved.ordinal, "ru"),
            number_kk: conference_number(w.saved.ordinal, "kk"),
            ledger: w.ledger,
        }
    }
}

/// Convenes a branch's next conference (recorded in the ledger).
#[utoipa::path(
    post, path = "/api/v1/party/conferences", tag = "party",
    request_body = NewConference,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Convened", body = ConferenceWritten,
            headers(("location" = String, description = "The conference's URL"))),
        WriteRefused,
    )
)]
pub async fn convene_conference(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewConference>,
) -> Result<Created<ConferenceWritten>, Problem> {
    let mut f = Fields::new();
    let party = f.party_code("party", &body.party);
    let branch = f.territory_code("branch", &body.branch);
    f.finish()?;
    let (party, branch) = (all(party)?, all(branch)?);
    let ordinal = state.app.next_conference_ordinal(&party, &branch).await?;
    let id = ConferenceId(uuid::Uuid::new_v4());
    let command = ConveneConference {
        conference: id,
        party,
        branch,
        ordinal,
        kind: match body.kind {
            ConferenceKindName::Regular => ConferenceKind::Regular,
            ConferenceKindName::Extraordinary => ConferenceKind::Extraordinary,
        },
        held_on: body.held_on,
        place: body.place,
        agenda: body.agenda,
        rules: PartyRules::amanat(),
    };
    write(&state, &writer, command, async |s| s.conference(&id).await)
        .await?
        .created(format!("/api/v1/party/conferences/{}", id.0))
}

/// One round of a vote as recorded and decided.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RoundView {
    /// The round (1, 2).
    pub round: u32,
    /// Delegates present at the vote.
    pub present: u32,
    /// Delegates needed for a quorum.
    pub quorum_needed: u32,
    /// Votes for each contender of the round.
    pub votes_for: Vec<u32>,
    /// Votes against.
    pub against: u32,
    /// Abstentions.
    pub abstain: u32,
    /// `adopted`, `not_adopted` or `second_round`.
    pub outcome: String,
}

/// A motion with its rounds.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MotionSummary {
    /// The motion's identifier.
    pub id: String,
    /// `presidium`, `nominate`, `approve_list`, `elect_delegates` or `resolution`.
    pub kind: String,
    /// Whether it is decided.
    pub decided: bool,
    /// The adopted contender's position (0 for a yes/no question), when adopted.
    pub adopted: Option<u32>,
    /// The round due next, while undecided.
    pub next_round: u32,
    /// Its rounds.
    pub rounds: Vec<RoundView>,
}

/// A conference with its live count and quorum.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ConferenceSummary {
    /// The conference's identifier.
    pub id: String,
    /// The party's code.
    pub party: String,
    /// The branch's territory.
    pub branch: String,
    /// Its ordinal number.
    pub ordinal: u32,
    /// Its number in Russian.
    pub number_ru: String,
    /// Its number in Kazakh.
    pub number_kk: String,
    /// `regular` or `extraordinary`.
    pub kind: String,
    /// The day it is held.
    pub held_on: String,
    /// Where.
    pub place: String,
    /// The agenda.
    pub agenda: Vec<String>,
    /// Delegates elected (on the roster).
    pub elected: u32,
    /// Delegates checked in.
    pub present: u32,
    /// Delegates needed for a quorum.
    pub quorum_needed: u32,
    /// Whether there is a quorum now.
    pub quorum: bool,
    /// The motions, in order.
    pub motions: Vec<MotionSummary>,
}

impl From<&VoteRow> for RoundView {
    fn from(r: &VoteRow) -> Self {
        RoundView {
            round: r.round,
            present: r.decision.present,
            quorum_needed: r.decision.quorum_needed,
            votes_for: r.decision.counts.votes_for.clone(),
            against: r.decision.counts.against,
            abstain: r.decision.counts.abstain,
            outcome: outcome_name(&r.decision.outcome).to_owned(),
        }
    }
}

fn outcome_name(o: &Outcome) -> &'static str {
    match o {
        Outcome::Adopted { .. } => "adopted",
        Outcome::NotAdopted { .. } => "not_adopted",
        Outcome::SecondRound { .. } => "second_round",
    }
}

/// A conference with its live count of delegates present, quorum and motions (public: no
/// personal data).
#[utoipa::path(
    get, path = "/api/v1/party/conferences/{id}", tag = "party",
    params(IdPath<ConferenceId>),
    responses(
        (status = 200, description = "The conference", body = ConferenceSummary),
        BadId,
        (status = 404, description = "No such conference", body = Problem),
    )
)]
pub async fn get_conference(
    State(state): State<WebState>,
    IdPath(id): IdPath<ConferenceId>,
) -> Result<axum::Json<ConferenceSummary>, Problem> {
    let v = state.app.conference_view(&id).await?;
    let c = &v.conference;
    Ok(axum::Json(ConferenceSummary {
        id: c.id.0.to_string(),
        party: c.party.to_string(),
        branch: c.branch.to_string(),
        ordinal: c.ordinal,
        number_ru: v.number_ru.clone(),
        number_kk: v.number_kk.clone(),
        kind: c.kind.clone(),
        held_on: c.held_on.to_string(),
        place: c.place.clone(),
        agenda: c.agenda.clone(),
        elected: v.elected,
        present: v.present,
        quorum_needed: v.quorum_needed,
        quorum: v.quorum,
        motions: v
            .motions
            .iter()
            .map(|m| MotionSummary {
                id: m.motion.id.0.to_string(),
                kind: m.motion.subject.kind().to_owned(),
                decided: m.motion.decided,
                adopted: m.motion.adopted,
                next_round: m.motion.next_round,
                rounds: m.votes.iter().map(RoundView::from).collect(),
            })
            .collect(),
    }))
}

/// A delegate at the door.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckInBody {
    /// The delegate's mandate number.
    #[schema(minimum = 1, maximum = 99999)]
    pub mandate: u32,
}

/// The live count after a check-in.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct CheckedIn {
    /// Delegates checked in now.
    pub present: u32,
    /// Delegates elected.
    pub elected: u32,
    /// Delegates needed for a quorum.
    pub quorum_needed: u32,
    /// Whether there is a quorum now.
    pub quorum: bool,
    /// The ledger entry.
    pub ledger: LedgerPosition,
}

/// Checks a delegate in by mandate number (recorded in the ledger); a second check-in is
/// refused with its rule.
#[utoipa::path(
    post, path = "/api/v1/party/conferences/{id}/check-in", tag = "party",
    params(IdPath<ConferenceId>),
    request_body = CheckInBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Checked in", body = CheckedIn),
        WriteRefused,
        BadId,
    )
)]
pub async fn check_in(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(conference): IdPath<ConferenceId>,
    ApiJson(body): ApiJson<CheckInBody>,
) -> Result<axum::Json<CheckedIn>, Problem> {
    let command = CheckIn {
        conference,
        mandate: body.mandate,
    };
    let w = write(&state, &writer, command, async |s| {
        s.conference(&conference).await
    })
    .await?;
    // The count and the quorum as the conference's rules compute them, after the check-in.
    let v = state.app.attendance(&conference).await?;
    Ok(axum::Json(CheckedIn {
        present: v.present,
        elected: v.elected,
        quorum_needed: v.quorum_needed,
        quorum: v.quorum,
        ledger: w.ledger,
    }))
}

/// How a motion is voted on.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoteModeName {
    /// By show of hand or mandate: counts.
    Open,
    /// Each present delegate's vote by name.
    RollCall,
    /// Paper ballots: counts.
    Secret,
}

/// One contender for a nomination.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContenderBody {
    /// The member's identifier.
    #[schema(format = Uuid)]
    pub member: String,
    /// The same human as a registry person.
    #[schema(format = Uuid)]
    pub person: String,
}

/// What a motion proposes.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum SubjectBody {
    /// The chair, the secretary and the counting commission, by mandate number.
    Presidium {
        /// The chair's mandate.
        chair: u32,
        /// The secretary's mandate.
        secretary: u32,
        /// The counting commission's mandates.
        counting_commission: Vec<u32>,
    },
    /// Nominate a member for akim of a unit.
    Nominate {
        /// The unit's KATO code.
        #[schema(pattern = "^[0-9]{9}$")]
        unit: String,
        /// The contenders.
        contenders: Vec<ContenderBody>,
    },
    /// Approve a party list.
    ApproveList {
        /// Its title.
        title: String,
    },
    /// Any other resolution.
    Resolution {
        /// Its text.
        text: String,
    },
}

/// A motion to put to the conference.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewMotion {
    /// What it proposes.
    pub subject: SubjectBody,
    /// How it is voted on.
    pub mode: VoteModeName,
}

/// A motion as put, with its ledger entry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MotionWritten {
    /// The motion's identifier.
    pub id: String,
    /// The ledger entry.
    pub ledger: LedgerPosition,
}

impl From<Written<MotionRow>> for MotionWritten {
    fn from(w: Written<MotionRow>) -> Self {
        MotionWritten {
            id: w.saved.id.0.to_string(),
            ledger: w.ledger,
        }
    }
}

/// Puts a motion to the conference (recorded in the ledger): the presidium first, one motion
/// at a time, nominees members of the party, one nominee per unit.
#[utoipa::path(
    post, path = "/api/v1/party/conferences/{id}/motions", tag = "party",
    params(IdPath<ConferenceId>),
    request_body = NewMotion,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Put to the vote", body = MotionWritten),
        WriteRefused,
        BadId,
    )
)]
pub async fn open_motion(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(conference): IdPath<ConferenceId>,
    ApiJson(body): ApiJson<NewMotion>,
) -> Result<Created<MotionWritten>, Problem> {
    let subject = match body.subject {
        SubjectBody::Presidium {
            chair,
            secretary,
            counting_commission,
        } => Subject::Presidium {
            chair,
            secretary,
            counting_commission,
        },
        SubjectBody::Nominate { unit, contenders } => {
            let mut f = Fields::new();
            let unit = f.territory_code("unit", &unit);
            let mut list = Vec::new();
            for c in contenders {
                let member = f.take("contenders", parse_uuid(&c.member));
                let person = f.take("contenders", parse_uuid(&c.person));
                if let (Some(m), Some(p)) = (member, person) {
                    list.push(Contender {
                        member: MemberId(m),
                        person: PersonId(p),
                    });
                }
            }
            f.finish()?;
            Subject::Nominate {
                unit: all(unit)?,
                contenders: list,
            }
        }
        SubjectBody::ApproveList { title } => Subject::ApproveList { title },
        SubjectBody::Resolution { text } => Subject::Resolution { text },
    };
    let motion = MotionId(uuid::Uuid::new_v4());
    let command = OpenMotion {
        motion,
        conference,
        subject,
        mode: match body.mode {
            VoteModeName::Open => VoteMode::Open,
            VoteModeName::RollCall => VoteMode::RollCall,
            VoteModeName::Secret => VoteMode::Secret,
        },
    };
    write(&state, &writer, command, async |s| s.motion(&motion).await)
        .await?
        .created_here()
}

fn parse_uuid(s: &str) -> Result<uuid::Uuid, Rule> {
    uuid::Uuid::parse_str(s).map_err(|_| PartyRule::MemberMissing.into())
}

/// How one delegate voted in a roll call.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RollCallBody {
    /// The delegate's mandate number.
    pub mandate: u32,
    /// `for`, `against` or `abstain`.
    pub choice: ChoiceName,
    /// For `for`: the contender's position in the round (0 for a yes/no question).
    #[serde(default)]
    pub contender: u32,
}

/// A roll-call choice.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceName {
    /// For (a contender).
    For,
    /// Against.
    Against,
    /// Abstains.
    Abstain,
}

/// What the counting commission records for one round: counts (open and secret votes) or each
/// delegate's vote (roll call).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VoteBody {
    /// The round (1; 2 after a round that called for a second).
    #[schema(minimum = 1)]
    pub round: u32,
    /// Votes for each contender of the round (open and secret votes).
    #[serde(default)]
    pub votes_for: Option<Vec<u32>>,
    /// Votes against (open and secret votes).
    #[serde(default)]
    pub against: u32,
    /// Abstentions (open and secret votes).
    #[serde(default)]
    pub abstain: u32,
    /// Each present delegate's vote (roll call).
    #[serde(default)]
    pub roll_call: Option<Vec<RollCallBody>>,
}

/// What sailau decided.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct VoteDecided {
    /// The round decided.
    pub round: RoundView,
    /// The ledger entry.
    pub ledger: LedgerPosition,
}

/// Records one round of a motion's vote; sailau decides by the conference's rules (quorum
/// re-checked, counts not above the delegates present, a tie not adopted).
#[utoipa::path(
    post, path = "/api/v1/party/motions/{id}/votes", tag = "party",
    params(IdPath<MotionId>),
    request_body = VoteBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Recorded and decided", body = VoteDecided),
        WriteRefused,
        BadId,
    )
)]
pub async fn record_vote(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(motion): IdPath<MotionId>,
    ApiJson(body): ApiJson<VoteBody>,
) -> Result<axum::Json<VoteDecided>, Problem> {
    let tally = match body.roll_call {
        Some(votes) => Tally::RollCall {
            votes: votes
                .into_iter()
                .map(|v| RollCallVote {
                    mandate: v.mandate,
                    choice: match v.choice {
                        ChoiceName::For => Choice::For(v.contender),
                        ChoiceName::Against => Choice::Against,
                        ChoiceName::Abstain => Choice::Abstain,
                    },
                })
                .collect(),
        },
        None => Tally::Counts {
            votes_for: body.votes_for.unwrap_or_default(),
            against: body.against,
            abstain: body.abstain,
        },
    };
    let round = body.round;
    let command = RecordVote {
        motion,
        round,
        tally,
    };
    write(&state, &writer, command, async |s| {
        Ok(s.votes(&motion)
            .await?
            .into_iter()
            .find(|v| v.round == round))
    })
    .await?
    .ok()
}

impl From<Written<VoteRow>> for VoteDecided {
    fn from(w: Written<VoteRow>) -> Self {
        VoteDecided {
            round: RoundView::from(&w.saved),
            ledger: w.ledger,
        }
    }
}

/// Whom and when to ask about.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MembershipQuery {
    /// The registry person's identifier.
    #[param(format = Uuid)]
    pub person: String,
    /// The day (YYYY-MM-DD).
    #[param(value_type = String, format = Date)]
    pub date: jiff::civil::Date,
}

/// Whether the person is a member.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Membership {
    /// Whether the person is a member of the party on the date.
    pub member: bool,
}

/// Whether a registry person is a member of a party on a date (what "the nominee must be a
/// member" asks). Answers only yes or no: members' records stay private.
#[utoipa::path(
    get, path = "/api/v1/party/{code}/membership", tag = "party",
    params(
        ("code" = String, Path, pattern = r"^[a-z0-9][a-z0-9-]{0,30}[a-z0-9]$", description = "The party's code"),
        MembershipQuery,
    ),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The answer", body = Membership),
        (status = 400, description = "A malformed parameter", body = Problem),
        (status = 401, description = "Not signed in", body = Problem),
    )
)]
pub async fn membership(
    State(state): State<WebState>,
    _who: super::extract::SignedIn,
    ApiPath(code): ApiPath<String>,
    ApiQuery(q): ApiQuery<MembershipQuery>,
) -> Result<axum::Json<Membership>, Problem> {
    let party = path_party(&code)?;
    let person = PersonId(uuid_param("person", &q.person)?);
    Ok(axum::Json(Membership {
        member: state.app.is_member(&party, &person, q.date).await?,
    }))
}

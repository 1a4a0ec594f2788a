//! Elections (issue 11) under `/api/v1/elections`: public reads (elections with their calendar,
//! contests, registered candidates, ballots, nominations with what they lack) and the
//! commission's, parties' and candidates' writes through the app (each one command and its
//! ledger entry). State-dependent refusals (a window closed, a rule broken) are 422; what does
//! not exist is 404 on reads and 422 naming the field on writes.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use sailau_app::storage::{StorageError, Store};
use sailau_domain::elections::rules::{self, RuleSet};
use sailau_domain::elections::{
    ApplySelfNomination, CallElection, CancelReason, CancelRegistration, Candidate, ContestId,
    Decision, ElectionId, Level, Membership, NewContest, NominateByParty, NominationId,
    ProduceBallots, ProposeByHigherAkim, RecordDeposit, RefuseRegistration, RegisterCandidate,
    TickDocument,
};
use sailau_domain::{Gender, Issued, Names, PartyCode, Person, PersonId, Rule, TerritoryCode};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, BadId, IdPath, SignedIn, Writer};
use super::types::{Fields, LedgerPosition, all};
use super::write::{Created, reloaded, write, written_body};
use crate::WebState;
use crate::problem::{Problem, WriteRefused};

/// The largest attachment the endpoint reads (the rule set's limit is checked after).
pub const MAX_ATTACHMENT_BYTES: usize = 16 * 1024 * 1024;

mod views;
pub use views::*;

/// A read's answer as its typed view, or 500 when the app's value does not convert.
fn view<V: TryFrom<T>, T>(value: T) -> Result<axum::Json<V>, Problem>
where
    V::Error: std::fmt::Display,
{
    V::try_from(value)
        .map(axum::Json)
        .map_err(|e| Problem::internal(&e))
}

/// A list of the app's values, to convert item by item with [`view`].
struct Items<T>(Vec<T>);

impl<T, V: TryFrom<T>> TryFrom<Items<T>> for Vec<V> {
    type Error = V::Error;

    fn try_from(items: Items<T>) -> Result<Self, Self::Error> {
        items.0.into_iter().map(V::try_from).collect()
    }
}

/// What a write returns: the ledger position of its entry and the id it names.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct IdWritten {
    /// The election, contest or nomination written.
    #[schema(format = Uuid)]
    pub id: String,
    /// Where the entry is in the ledger.
    pub ledger: LedgerPosition,
}

written_body!(IdWritten { id: String });

/// Runs `command` on the nomination `id` and answers 200 with the id and the ledger position,
/// once the nomination is read back.
async fn on_nomination(
    state: &WebState,
    writer: &Writer,
    id: NominationId,
    command: impl Into<Issued>,
) -> Result<axum::Json<IdWritten>, Problem> {
    write(state, writer, command, async |s| nomination_id(s, id).await)
        .await?
        .ok()
}

/// The nomination's id as saved (the read-back of a write on a nomination).
async fn nomination_id(s: &Store, id: NominationId) -> Result<Option<String>, StorageError> {
    Ok(s.nomination(&id).await?.map(|n| n.id.to_string()))
}

/// Every election, latest election day first.
#[utoipa::path(
    get, path = "/api/v1/elections", tag = "elections",
    responses((status = 200, description = "The elections", body = Vec<ElectionSummary>))
)]
pub async fn list_elections(
    State(state): State<WebState>,
) -> Result<axum::Json<Vec<ElectionSummary>>, Problem> {
    view(Items(state.app.elections().await?))
}

/// `GET` of one resource by the UUID in its path: the app's read `$read(&id)`, answered as the
/// typed view `$view` (404 naming it when there is none).
macro_rules! read_by_id {
    ($(#[doc = $doc:literal])* $name:ident: $path:tt, $id:ident => $read:ident -> $view:ident,
     $found:tt, $missing:tt) => {
        $(#[doc = $doc])*
        #[utoipa::path(
            get, path = $path, tag = "elections",
            params(IdPath<$id>),
            responses(
                (status = 200, description = $found, body = $view),
                BadId,
                (status = 404, description = $missing, body = Problem),
            )
        )]
        pub async fn $name(
            State(state): State<WebState>,
            IdPath(id): IdPath<$id>,
        ) -> Result<axum::Json<$view>, Problem> {
            view(state.app.$read(&id).await?)
        }
    };
}

read_by_id! {
    /// An election: its rule set, its calendar in local time (what is open now), its contests.
    get_election: "/api/v1/elections/{id}", ElectionId => election -> ElectionDetail,
    "The election", "No such election"
}

read_by_id! {
    /// A contest with its nominations and the minimum-candidates flag.
    get_contest: "/api/v1/elections/contests/{id}", ContestId => contest -> ContestDetail,
    "The contest", "No such contest"
}

read_by_id! {
    /// A contest's ballot: candidates in alphabetical order (Kazakh alphabet), against all.
    get_ballot: "/api/v1/elections/contests/{id}/ballot", ContestId => ballot -> BallotView,
    "The ballot's contents", "No such contest"
}

read_by_id! {
    /// A nomination with what it lacks for registration.
    get_nomination: "/api/v1/elections/nominations/{id}", NominationId => nomination
        -> NominationDetail,
    "The nomination", "No such nomination"
}

/// The registered candidates of an election, by unit and registration number.
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/candidates", tag = "elections",
    params(IdPath<ElectionId>),
    responses(
        (status = 200, description = "The registered candidates", body = Vec<RegisteredCandidateView>),
        BadId,
        (status = 404, description = "No such election", body = Problem),
    )
)]
pub async fn registered_candidates(
    State(state): State<WebState>,
    IdPath(id): IdPath<ElectionId>,
) -> Result<axum::Json<Vec<RegisteredCandidateView>>, Problem> {
    view(Items(state.app.registered_candidates(&id).await?))
}

/// The applications awaiting the commission's decision in its territory, with the days left.
#[utoipa::path(
    get, path = "/api/v1/elections/workbench", tag = "elections",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The applications awaiting a decision", body = Vec<WorkbenchItemView>),
        (status = 401, description = "Not signed in", body = Problem),
        (status = 403, description = "Not a commission", body = Problem),
    )
)]
pub async fn workbench(
    State(state): State<WebState>,
    user: SignedIn,
) -> Result<axum::Json<Vec<WorkbenchItemView>>, Problem> {
    let acting = sailau_app::Acting::Account(user.0.principal.clone());
    let items = state.app.workbench(&acting).await?;
    view(Items(items))
}

/// The level of an election.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LevelName {
    /// Akims of districts and cities of regional significance.
    District,
    /// Rural akims.
    Rural,
}

/// An election to call.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewElection {
    /// Its name in Russian.
    pub name_ru: String,
    /// Its name in Kazakh.
    pub name_kk: String,
    /// Its name in English (may be empty).
    #[serde(default)]
    pub name_en: Option<String>,
    /// The level.
    pub level: LevelName,
    /// Election day, YYYY-MM-DD.
    #[schema(format = Date, example = "2023-11-05")]
    pub election_day: String,
    /// The calling commission's territory (KATO code); absent when the CEC calls.
    #[serde(default)]
    #[schema(pattern = "^[0-9]{9}$")]
    pub territory: Option<String>,
    /// The units, one contest each (KATO codes).
    pub units: Vec<String>,
    /// A preset's id (`kz-akim-district-2023`, `kz-akim-rural-2021`), or absent with `rule_set`.
    #[serde(default)]
    pub preset: Option<String>,
    /// A rule set's TOML text, when no preset is named.
    #[serde(default)]
    pub rule_set: Option<String>,
}

fn date_field(f: &mut Fields, field: &str, value: &str) -> Option<jiff::civil::Date> {
    f.take(
        field,
        value
            .trim()
            .parse::<jiff::civil::Date>()
            .map_err(|_| Rule::PersonBirthDateInvalid),
    )
}

fn code_field(f: &mut Fields, field: &str, value: &str) -> Option<TerritoryCode> {
    f.take(field, TerritoryCode::parse(value))
}

/// Calls an election under a rule set (its text and SHA-256 go into the ledger entry).
#[utoipa::path(
    post, path = "/api/v1/elections", tag = "elections",
    request_body = NewElection,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Called", body = IdWritten, headers(("location" = String, description = "The election's URL"))),
        WriteRefused,
    )
)]
pub async fn call_election(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewElection>,
) -> Result<Created<IdWritten>, Problem> {
    let mut f = Fields::new();
    let day = date_field(&mut f, "election_day", &body.election_day);
    let territory = match &body.territory {
        Some(t) => code_field(&mut f, "territory", t).map(Some),
        None => Some(None),
    };
    let mut units = Vec::new();
    for (i, u) in body.units.iter().enumerate() {
        if let Some(c) = code_field(&mut f, &format!("units[{i}]"), u) {
            units.push(c);
        }
    }
    let text = match (&body.preset, &body.rule_set) {
        (Some(p), None) => f.take("preset", rules::preset(p.trim()).ok_or(Rule::FieldRequired)),
        (None, Some(t)) => Some(t.as_str()),
        _ => f.take::<&str>("preset", Err(Rule::FieldRequired)),
    };
    f.finish()?;
    let text = all(text)?.to_owned();
    let id = ElectionId(uuid::Uuid::new_v4());
    let command = CallElection {
        election: id,
        names: Names {
            ru: body.name_ru,
            kk: body.name_kk,
            en: body.name_en.unwrap_or_default(),
        },
        level: match body.level {
            LevelName::District => Level::District,
            LevelName::Rural => Level::Rural,
        },
        election_day: all(day)?,
        territory: all(territory)?,
        contests: units
            .into_iter()
            .map(|unit| NewContest {
                id: ContestId(uuid::Uuid::new_v4()),
                unit,
            })
            .collect(),
        rule_set_sha256: RuleSet::digest(&text),
        rule_set: text,
    };
    write(&state, &writer, command, async |s| {
        Ok(s.election(&id).await?.map(|e| e.id.to_string()))
    })
    .await?
    .created(format!("/api/v1/elections/{id}"))
}

/// A person as nominated: an existing one by id, or a new one.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NomineeBody {
    /// The registry's person, when already registered (its data must match).
    #[serde(default)]
    #[schema(format = Uuid)]
    pub person_id: Option<String>,
    /// Surname.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Patronymic (may be empty).
    #[serde(default)]
    pub patronymic: Option<String>,
    /// YYYY-MM-DD.
    #[schema(format = Date, example = "1979-03-01")]
    pub birth_date: String,
    /// `female` or `male`.
    #[schema(value_type = super::types::GenderName)]
    pub gender: String,
    /// Current post.
    pub post: String,
    /// Place of residence.
    pub residence: String,
    /// Declared qualifications (keys of the rule set's checklist).
    #[serde(default)]
    pub qualifications: Vec<String>,
    /// The nominee is the sitting akim of the unit the contest elects (declared by whoever
    /// nominates; `false` when left out).
    #[serde(default)]
    pub incumbent: bool,
}

/// The route of a nomination.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RouteName {
    /// By a party (`party`, `decision`, `membership_document` required).
    Party,
    /// Self-nomination.
    SelfNominated,
    /// The higher akim's proposal (`decision` required).
    HigherAkimProposal,
}

/// A decision (a party conference's or the higher akim's).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    /// Its number.
    pub number: String,
    /// YYYY-MM-DD.
    #[schema(format = Date, example = "2023-09-27")]
    pub date: String,
    /// Who decided.
    pub body: String,
}

/// A nomination to file in a contest.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewNomination {
    /// The route.
    pub route: RouteName,
    /// The nominee.
    pub nominee: NomineeBody,
    /// The nominating party's code (party route).
    #[serde(default)]
    pub party: Option<String>,
    /// The decision (party and higher-akim routes).
    #[serde(default)]
    pub decision: Option<DecisionBody>,
    /// The nominee's party membership document (party route).
    #[serde(default)]
    pub membership_document: Option<String>,
}

/// Files a nomination in a contest (party, self-nomination or the higher akim's proposal).
#[utoipa::path(
    post, path = "/api/v1/elections/contests/{id}/nominations", tag = "elections",
    params(IdPath<ContestId>),
    request_body = NewNomination,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Filed", body = IdWritten, headers(("location" = String, description = "The nomination's URL"))),
        BadId,
        WriteRefused,
    )
)]
pub async fn nominate(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(contest): IdPath<ContestId>,
    ApiJson(body): ApiJson<NewNomination>,
) -> Result<Created<IdWritten>, Problem> {
    let mut f = Fields::new();
    let n = &body.nominee;
    let person_id = match &n.person_id {
        Some(p) => f.take(
            "nominee.person_id",
            uuid::Uuid::parse_str(p.trim())
                .map(PersonId)
                .map_err(|_| Rule::PersonMissing),
        ),
        None => Some(PersonId(uuid::Uuid::new_v4())),
    };
    let birth = date_field(&mut f, "nominee.birth_date", &n.birth_date);
    let gender = f.take("nominee.gender", Gender::parse(&n.gender));
    let decision = match &body.decision {
        Some(d) => date_field(&mut f, "decision.date", &d.date).map(|date| {
            Some(Decision {
                number: d.number.clone(),
                date,
                body: d.body.clone(),
            })
        }),
        None => Some(None),
    };
    let party = match &body.party {
        Some(p) => f.take("party", PartyCode::parse(p)).map(Some),
        None => Some(None),
    };
    // What the route requires, named with the rest.
    let required = |f: &mut Fields, field: &str, present: bool| {
        if !present {
            f.take::<()>(field, Err(Rule::FieldRequired));
        }
    };
    let needs_party = matches!(body.route, RouteName::Party);
    let needs_decision = !matches!(body.route, RouteName::SelfNominated);
    required(&mut f, "party", !needs_party || body.party.is_some());
    required(
        &mut f,
        "decision",
        !needs_decision || body.decision.is_some(),
    );
    f.finish()?;
    let candidate = Candidate {
        person: Person {
            id: all(person_id)?,
            surname: n.surname.clone(),
            given_name: n.given_name.clone(),
            patronymic: n.patronymic.clone().unwrap_or_default(),
            birth_date: all(birth)?,
            gender: all(gender)?,
        },
        post: n.post.clone(),
        residence: n.residence.clone(),
        qualifications: n.qualifications.clone(),
        incumbent: n.incumbent,
    };
    let (decision, party) = (all(decision)?, all(party)?);
    let nomination = NominationId(uuid::Uuid::new_v4());
    let command: Issued = match body.route {
        RouteName::SelfNominated => ApplySelfNomination {
            nomination,
            contest,
            candidate,
        }
        .into(),
        RouteName::Party => NominateByParty {
            nomination,
            contest,
            candidate,
            party: all(party)?,
            decision: all(decision)?,
            membership: Membership {
                document: body.membership_document.unwrap_or_default(),
            },
        }
        .into(),
        RouteName::HigherAkimProposal => ProposeByHigherAkim {
            nomination,
            contest,
            candidate,
            proposal: all(decision)?,
        }
        .into(),
    };
    write(&state, &writer, command, async |s| {
        nomination_id(s, nomination).await
    })
    .await?
    .created(format!("/api/v1/elections/nominations/{nomination}"))
}

/// Attaches a scan (PDF, JPEG or PNG, recognized by its content) for a document of a nomination.
#[utoipa::path(
    post, path = "/api/v1/elections/nominations/{id}/documents/{document}", tag = "elections",
    params(
        IdPath<NominationId>,
        ("document" = String, Path, description = "The document's key in the rule set (`party_decision`)"),
    ),
    request_body(description = "The file's bytes", content(
        (Vec<u8> = "application/pdf"), (Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "application/octet-stream"),
    )),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Attached", body = IdWritten),
        BadId,
        WriteRefused,
        (status = 413, description = "Larger than 16 MiB", body = Problem),
    )
)]
pub async fn attach(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(nomination): IdPath<NominationId>,
    ApiPath(path): ApiPath<DocumentPath>,
    bytes: Bytes,
) -> Result<axum::Json<IdWritten>, Problem> {
    let applied = state
        .app
        .attach_file(
            &writer.acting(),
            nomination,
            path.document.trim(),
            bytes.to_vec(),
        )
        .await?;
    reloaded(&state, applied, async |s| {
        nomination_id(s, nomination).await
    })
    .await?
    .ok()
}

/// The document named in the path of an attachment.
#[derive(Debug, Deserialize)]
pub struct DocumentPath {
    /// The document's key in the rule set.
    pub document: String,
}

/// A document ticked as present or not.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TickBody {
    /// The document's key in the rule set.
    pub document: String,
    /// Present or not.
    pub present: bool,
}

/// The commission ticks a required document.
#[utoipa::path(
    post, path = "/api/v1/elections/nominations/{id}/ticks", tag = "elections",
    params(IdPath<NominationId>),
    request_body = TickBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Ticked", body = IdWritten),
        BadId,
        WriteRefused,
    )
)]
pub async fn tick(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(nomination): IdPath<NominationId>,
    ApiJson(body): ApiJson<TickBody>,
) -> Result<axum::Json<IdWritten>, Problem> {
    let command = TickDocument {
        nomination,
        document: body.document,
        present: body.present,
    };
    on_nomination(&state, &writer, nomination, command).await
}

/// A deposit as paid.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DepositBody {
    /// Amount in tenge.
    #[schema(minimum = 0, maximum = 9223372036854775807_i64)]
    pub amount_tenge: u64,
    /// Payment date, YYYY-MM-DD.
    #[schema(format = Date, example = "2023-09-28")]
    pub paid_on: String,
    /// The payment document's number.
    pub document_number: String,
}

/// The commission records the deposit (checked against the rule set's amount for the year).
#[utoipa::path(
    post, path = "/api/v1/elections/nominations/{id}/deposit", tag = "elections",
    params(IdPath<NominationId>),
    request_body = DepositBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Recorded", body = IdWritten),
        BadId,
        WriteRefused,
    )
)]
pub async fn deposit(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(nomination): IdPath<NominationId>,
    ApiJson(body): ApiJson<DepositBody>,
) -> Result<axum::Json<IdWritten>, Problem> {
    let mut f = Fields::new();
    let paid_on = date_field(&mut f, "paid_on", &body.paid_on);
    f.finish()?;
    let command = RecordDeposit {
        nomination,
        amount_tenge: body.amount_tenge,
        paid_on: all(paid_on)?,
        document_number: body.document_number,
    };
    on_nomination(&state, &writer, nomination, command).await
}

/// The commission's decision on a nomination.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionOnNomination {
    /// `register`, `refuse` (with `ground` and `text`) or `cancel` (with `reason`).
    pub decision: DecisionKind,
    /// A ground of refusal of the rule set.
    #[serde(default)]
    pub ground: Option<String>,
    /// The decision's text.
    #[serde(default)]
    pub text: Option<String>,
    /// Why a candidacy is cancelled.
    #[serde(default)]
    pub reason: Option<ReasonName>,
}

/// What is decided.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// Register (after the completeness check).
    Register,
    /// Refuse with a ground.
    Refuse,
    /// Cancel on withdrawal or recall.
    Cancel,
}

/// Why a candidacy is cancelled.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReasonName {
    /// The candidate's application.
    Withdrawn,
    /// The party's recall.
    Recalled,
}

/// Registers, refuses or cancels a nomination.
#[utoipa::path(
    post, path = "/api/v1/elections/nominations/{id}/decision", tag = "elections",
    params(IdPath<NominationId>),
    request_body = DecisionOnNomination,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Decided", body = IdWritten),
        BadId,
        WriteRefused,
    )
)]
pub async fn decide(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(nomination): IdPath<NominationId>,
    ApiJson(body): ApiJson<DecisionOnNomination>,
) -> Result<axum::Json<IdWritten>, Problem> {
    let text = body.text.unwrap_or_default();
    let command: Issued = match body.decision {
        DecisionKind::Register => RegisterCandidate { nomination }.into(),
        DecisionKind::Refuse => {
            let mut f = Fields::new();
            let ground = f.take("ground", body.ground.ok_or(Rule::FieldRequired));
            f.finish()?;
            RefuseRegistration {
                nomination,
                ground: all(ground)?,
                text,
            }
            .into()
        }
        DecisionKind::Cancel => CancelRegistration {
            nomination,
            reason: match body.reason {
                Some(ReasonName::Recalled) => CancelReason::Recalled,
                _ => CancelReason::Withdrawn,
            },
            text,
        }
        .into(),
    };
    on_nomination(&state, &writer, nomination, command).await
}

/// Records that a contest's ballots were produced.
#[utoipa::path(
    post, path = "/api/v1/elections/contests/{id}/ballots", tag = "elections",
    params(IdPath<ContestId>),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Recorded", body = IdWritten),
        BadId,
        WriteRefused,
    )
)]
pub async fn produce_ballots(
    State(state): State<WebState>,
    writer: Writer,
    IdPath(contest): IdPath<ContestId>,
) -> Result<axum::Json<IdWritten>, Problem> {
    write(&state, &writer, ProduceBallots { contest }, async |s| {
        Ok(s.contest(&contest).await?.map(|c| c.id.to_string()))
    })
    .await?
    .ok()
}

/// An attached file by its SHA-256 (commissions only).
#[utoipa::path(
    get, path = "/api/v1/elections/attachments/{sha256}", tag = "elections",
    params(("sha256" = String, Path, pattern = "^[0-9a-f]{64}$", description = "The file's SHA-256, lowercase hex")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = Problem),
        (status = 403, description = "Not a commission", body = Problem),
        (status = 404, description = "No such file", body = Problem),
    )
)]
pub async fn attachment(
    State(state): State<WebState>,
    user: SignedIn,
    ApiPath(sha256): ApiPath<String>,
) -> Result<impl IntoResponse, Problem> {
    let file = state
        .app
        .attachment(Some(&user.0.principal), sha256.trim())
        .await?;
    Ok(([(header::CONTENT_TYPE, file.media_type)], file.bytes))
}

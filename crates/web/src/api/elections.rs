//! Elections (issue 11) under `/api/v1/elections`: public reads (elections with their calendar,
//! contests, registered candidates, ballots, nominations with what they lack) and the
//! commission's, parties' and candidates' writes through the app (each one command and its
//! ledger entry). State-dependent refusals (a window closed, a rule broken) are 422; what does
//! not exist is 404 on reads and 422 naming the field on writes.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use sailau_domain::elections::rules::{self, RuleSet};
use sailau_domain::elections::{
    ApplySelfNomination, CallElection, CancelReason, CancelRegistration, Candidate, ContestId,
    Decision, ElectionId, Level, Membership, NewContest, NominateByParty, NominationId,
    ProduceBallots, ProposeByHigherAkim, RecordDeposit, RefuseRegistration, RegisterCandidate,
    TickDocument,
};
use sailau_domain::{Gender, Names, PartyCode, Person, PersonId, Rule, TerritoryCode};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use super::extract::{ApiJson, ApiPath, SignedIn, Writer};
use super::types::{Fields, LedgerPosition, all};
use crate::WebState;
use crate::problem::Problem;

/// The largest attachment the endpoint reads (the rule set's limit is checked after).
pub const MAX_ATTACHMENT_BYTES: usize = 16 * 1024 * 1024;

fn path_uuid(id: &str, field: &str) -> Result<uuid::Uuid, Problem> {
    let hyphenated = if id.len() == 36 { id } else { "" };
    uuid::Uuid::parse_str(hyphenated)
        .map_err(|_| Problem::bad_parameter(field, "id-format", "a UUID (8-4-4-4-12 hex digits)"))
}

fn json<T: Serialize>(v: &T) -> Result<axum::Json<Value>, Problem> {
    serde_json::to_value(v)
        .map(axum::Json)
        .map_err(|e| Problem::internal(&e))
}

/// What a write returns: the ledger position of its entry and the id it names.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Written {
    /// The election, contest or nomination written.
    #[schema(format = Uuid)]
    pub id: String,
    /// Where the entry is in the ledger.
    pub ledger: LedgerPosition,
}

/// Every election, latest election day first.
#[utoipa::path(
    get, path = "/api/v1/elections", tag = "elections",
    responses((status = 200, description = "The elections (id, names, level, election day, rule set id and SHA-256)", body = Object))
)]
pub async fn list_elections(State(state): State<WebState>) -> Result<axum::Json<Value>, Problem> {
    let list = state.app.elections().await?;
    let items: Vec<Value> = list
        .iter()
        .map(|e| {
            serde_json::json!({
                "id": e.id.to_string(),
                "names": e.names,
                "level": e.level,
                "election_day": e.election_day.to_string(),
                "territory": e.territory,
                "rule_set_id": e.rule_set_id,
                "rule_set_sha256": e.rule_set_sha256,
            })
        })
        .collect();
    Ok(axum::Json(Value::Array(items)))
}

/// An election: its rule set, its calendar in local time (what is open now), its contests.
#[utoipa::path(
    get, path = "/api/v1/elections/{id}", tag = "elections",
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The election's id")),
    responses(
        (status = 200, description = "The election", body = Object),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such election", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_election(
    State(state): State<WebState>,
    ApiPath(id): ApiPath<String>,
) -> Result<axum::Json<Value>, Problem> {
    let id = ElectionId(path_uuid(&id, "id")?);
    json(&state.app.election(&id).await?)
}

/// The registered candidates of an election, by unit and registration number.
#[utoipa::path(
    get, path = "/api/v1/elections/{id}/candidates", tag = "elections",
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The election's id")),
    responses(
        (status = 200, description = "The registered candidates", body = Object),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such election", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn registered_candidates(
    State(state): State<WebState>,
    ApiPath(id): ApiPath<String>,
) -> Result<axum::Json<Value>, Problem> {
    let id = ElectionId(path_uuid(&id, "id")?);
    json(&state.app.registered_candidates(&id).await?)
}

/// A contest with its nominations and the minimum-candidates flag.
#[utoipa::path(
    get, path = "/api/v1/elections/contests/{id}", tag = "elections",
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The contest's id")),
    responses(
        (status = 200, description = "The contest", body = Object),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contest", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_contest(
    State(state): State<WebState>,
    ApiPath(id): ApiPath<String>,
) -> Result<axum::Json<Value>, Problem> {
    let id = ContestId(path_uuid(&id, "id")?);
    json(&state.app.contest(&id).await?)
}

/// A contest's ballot: candidates in alphabetical order (Kazakh alphabet), against all.
#[utoipa::path(
    get, path = "/api/v1/elections/contests/{id}/ballot", tag = "elections",
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The contest's id")),
    responses(
        (status = 200, description = "The ballot's contents", body = Object),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such contest", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_ballot(
    State(state): State<WebState>,
    ApiPath(id): ApiPath<String>,
) -> Result<axum::Json<Value>, Problem> {
    let id = ContestId(path_uuid(&id, "id")?);
    json(&state.app.ballot(&id).await?)
}

/// A nomination with what it lacks for registration.
#[utoipa::path(
    get, path = "/api/v1/elections/nominations/{id}", tag = "elections",
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The nomination's id")),
    responses(
        (status = 200, description = "The nomination", body = Object),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such nomination", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_nomination(
    State(state): State<WebState>,
    ApiPath(id): ApiPath<String>,
) -> Result<axum::Json<Value>, Problem> {
    let id = NominationId(path_uuid(&id, "id")?);
    json(&state.app.nomination(&id).await?)
}

/// The applications awaiting the commission's decision in its territory, with the days left.
#[utoipa::path(
    get, path = "/api/v1/elections/workbench", tag = "elections",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The applications awaiting a decision", body = Object),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a commission", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn workbench(
    State(state): State<WebState>,
    user: SignedIn,
) -> Result<axum::Json<Value>, Problem> {
    let acting = sailau_app::Acting::Account(user.0.principal.clone());
    json(&state.app.workbench(&acting).await?)
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

fn created(id: String, location: String, ledger: LedgerPosition) -> impl IntoResponse {
    (
        StatusCode::CREATED,
        [(header::LOCATION, location)],
        axum::Json(Written { id, ledger }),
    )
}

/// Calls an election under a rule set (its text and SHA-256 go into the ledger entry).
#[utoipa::path(
    post, path = "/api/v1/elections", tag = "elections",
    request_body = NewElection,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Called", body = Written, headers(("location" = String, description = "The election's URL"))),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role or scope does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rules broken (each named, with the deadline in local time)", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn call_election(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewElection>,
) -> Result<impl IntoResponse, Problem> {
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
    let applied = state.app.execute(&writer.acting(), command).await?;
    Ok(created(
        id.to_string(),
        format!("/api/v1/elections/{id}"),
        applied.into(),
    ))
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
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The contest's id")),
    request_body = NewNomination,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Filed", body = Written, headers(("location" = String, description = "The nomination's URL"))),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role or scope does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rules broken, each named", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn nominate(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<NewNomination>,
) -> Result<impl IntoResponse, Problem> {
    let contest = ContestId(path_uuid(&id, "id")?);
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
    };
    let decision = all(decision)?;
    let party = all(party)?;
    let nomination = NominationId(uuid::Uuid::new_v4());
    let acting = writer.acting();
    let applied = match body.route {
        RouteName::SelfNominated => {
            state
                .app
                .execute(
                    &acting,
                    ApplySelfNomination {
                        nomination,
                        contest,
                        candidate,
                    },
                )
                .await?
        }
        RouteName::Party => {
            let mut f = Fields::new();
            let party = f.take("party", party.ok_or(Rule::FieldRequired));
            let decision = f.take("decision", decision.ok_or(Rule::FieldRequired));
            f.finish()?;
            state
                .app
                .execute(
                    &acting,
                    NominateByParty {
                        nomination,
                        contest,
                        candidate,
                        party: all(party)?,
                        decision: all(decision)?,
                        membership: Membership {
                            document: body.membership_document.unwrap_or_default(),
                        },
                    },
                )
                .await?
        }
        RouteName::HigherAkimProposal => {
            let mut f = Fields::new();
            let decision = f.take("decision", decision.ok_or(Rule::FieldRequired));
            f.finish()?;
            state
                .app
                .execute(
                    &acting,
                    ProposeByHigherAkim {
                        nomination,
                        contest,
                        candidate,
                        proposal: all(decision)?,
                    },
                )
                .await?
        }
    };
    Ok(created(
        nomination.to_string(),
        format!("/api/v1/elections/nominations/{nomination}"),
        applied.into(),
    ))
}

fn written(id: String, applied: sailau_app::Applied) -> axum::Json<Written> {
    axum::Json(Written {
        id,
        ledger: applied.into(),
    })
}

/// Attaches a scan (PDF, JPEG or PNG, recognized by its content) for a document of a nomination.
#[utoipa::path(
    post, path = "/api/v1/elections/nominations/{id}/documents/{document}", tag = "elections",
    params(
        ("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The nomination's id"),
        ("document" = String, Path, description = "The document's key in the rule set (`party_decision`)"),
    ),
    request_body(description = "The file's bytes", content(
        (Vec<u8> = "application/pdf"), (Vec<u8> = "image/jpeg"), (Vec<u8> = "image/png"), (Vec<u8> = "application/octet-stream"),
    )),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Attached", body = Written),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role or scope does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Larger than 16 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Type, size or document refused", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn attach(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath((id, document)): ApiPath<(String, String)>,
    bytes: Bytes,
) -> Result<axum::Json<Written>, Problem> {
    let nomination = NominationId(path_uuid(&id, "id")?);
    let applied = state
        .app
        .attach_file(
            &writer.acting(),
            nomination,
            document.trim(),
            bytes.to_vec(),
        )
        .await?;
    Ok(written(nomination.to_string(), applied))
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
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The nomination's id")),
    request_body = TickBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Ticked", body = Written),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role or scope does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rules broken", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn tick(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<TickBody>,
) -> Result<axum::Json<Written>, Problem> {
    let nomination = NominationId(path_uuid(&id, "id")?);
    let applied = state
        .app
        .execute(
            &writer.acting(),
            TickDocument {
                nomination,
                document: body.document,
                present: body.present,
            },
        )
        .await?;
    Ok(written(nomination.to_string(), applied))
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
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The nomination's id")),
    request_body = DepositBody,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Recorded", body = Written),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role or scope does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rules broken (amount with the required one)", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn deposit(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<DepositBody>,
) -> Result<axum::Json<Written>, Problem> {
    let nomination = NominationId(path_uuid(&id, "id")?);
    let mut f = Fields::new();
    let paid_on = date_field(&mut f, "paid_on", &body.paid_on);
    f.finish()?;
    let applied = state
        .app
        .execute(
            &writer.acting(),
            RecordDeposit {
                nomination,
                amount_tenge: body.amount_tenge,
                paid_on: all(paid_on)?,
                document_number: body.document_number,
            },
        )
        .await?;
    Ok(written(nomination.to_string(), applied))
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
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The nomination's id")),
    request_body = DecisionOnNomination,
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Decided", body = Written),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role or scope does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Rules broken (every missing condition named)", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn decide(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(id): ApiPath<String>,
    ApiJson(body): ApiJson<DecisionOnNomination>,
) -> Result<axum::Json<Written>, Problem> {
    let nomination = NominationId(path_uuid(&id, "id")?);
    let acting = writer.acting();
    let text = body.text.unwrap_or_default();
    let applied = match body.decision {
        DecisionKind::Register => {
            state
                .app
                .execute(&acting, RegisterCandidate { nomination })
                .await?
        }
        DecisionKind::Refuse => {
            let mut f = Fields::new();
            let ground = f.take("ground", body.ground.ok_or(Rule::FieldRequired));
            f.finish()?;
            state
                .app
                .execute(
                    &acting,
                    RefuseRegistration {
                        nomination,
                        ground: all(ground)?,
                        text,
                    },
                )
                .await?
        }
        DecisionKind::Cancel => {
            let reason = match body.reason {
                Some(ReasonName::Recalled) => CancelReason::Recalled,
                _ => CancelReason::Withdrawn,
            };
            state
                .app
                .execute(
                    &acting,
                    CancelRegistration {
                        nomination,
                        reason,
                        text,
                    },
                )
                .await?
        }
    };
    Ok(written(nomination.to_string(), applied))
}

/// Records that a contest's ballots were produced.
#[utoipa::path(
    post, path = "/api/v1/elections/contests/{id}/ballots", tag = "elections",
    params(("id" = String, Path, format = Uuid, pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", description = "The contest's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Recorded", body = Written),
        (status = 400, description = "A malformed id", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "The role or scope does not allow it", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Window closed or too few candidates", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn produce_ballots(
    State(state): State<WebState>,
    writer: Writer,
    ApiPath(id): ApiPath<String>,
) -> Result<axum::Json<Written>, Problem> {
    let contest = ContestId(path_uuid(&id, "id")?);
    let applied = state
        .app
        .execute(&writer.acting(), ProduceBallots { contest })
        .await?;
    Ok(written(contest.to_string(), applied))
}

/// An attached file by its SHA-256 (commissions only).
#[utoipa::path(
    get, path = "/api/v1/elections/attachments/{sha256}", tag = "elections",
    params(("sha256" = String, Path, pattern = "^[0-9a-f]{64}$", description = "The file's SHA-256, lowercase hex")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 401, description = "Not signed in", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Not a commission", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such file", body = Problem, content_type = "application/problem+json"),
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

#[cfg(test)]
mod tests {
    #[test]
    fn ids_are_the_hyphenated_uuid_form_only() {
        assert!(super::path_uuid("01900000-0000-7000-8000-000000000b01", "id").is_ok());
        assert!(super::path_uuid("01900000000070008000000000000b01", "id").is_err());
    }
}

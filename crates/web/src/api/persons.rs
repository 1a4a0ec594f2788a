//! People: list, get, register (the server assigns the id).

use axum::extract::State;
use sailau_domain::{Gender, Person, PersonId, Rule};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::extract::{ApiJson, ApiPath, ApiQuery, SignedIn, Writer, optional_u64};
use super::territories::storage;
use super::types::{Fields, GenderName, LedgerPosition, all, path_person};
use super::write::{Created, write, written_body};
use crate::WebState;
use crate::problem::{Missing, Problem, WriteRefused};

const MAX_LIMIT: u64 = 1000;
const DEFAULT_LIMIT: u64 = 100;

/// A person in the registry.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct PersonView {
    #[schema(format = Uuid)]
    /// The person's id (a UUID the server chose).
    pub id: String,
    /// Surname.
    pub surname: String,
    /// Given name.
    pub given_name: String,
    /// Empty when the person has none.
    pub patronymic: String,
    #[schema(format = Date, example = "1975-04-12")]
    /// YYYY-MM-DD.
    pub birth_date: String,
    /// Gender.
    pub gender: GenderName,
}

impl From<Person> for PersonView {
    fn from(p: Person) -> Self {
        PersonView {
            id: p.id.to_string(),
            surname: p.surname,
            given_name: p.given_name,
            patronymic: p.patronymic,
            birth_date: p.birth_date.to_string(),
            gender: p.gender.into(),
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A page of persons, by surname and given name.
pub struct PersonPage {
    /// The persons.
    pub items: Vec<PersonView>,
    /// The page size asked for.
    pub limit: u64,
    /// The offset of this page.
    pub offset: u64,
    /// The offset of the next page; null on the last page.
    pub next_offset: Option<u64>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
/// A person just registered, and where the change sits in the ledger.
pub struct PersonWritten {
    /// The person as saved, with the id the server gave.
    pub person: PersonView,
    /// Where the change sits in the ledger.
    pub ledger: LedgerPosition,
}

written_body!(PersonWritten { person: Person });

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
/// Which page of persons to list.
pub struct PageQuery {
    /// At most 1000; 100 by default.
    #[serde(default, deserialize_with = "optional_u64")]
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<u64>,
    #[serde(default, deserialize_with = "optional_u64")]
    #[param(minimum = 0, maximum = 9223372036854775807_i64)]
    /// How many to skip (0 by default).
    pub offset: Option<u64>,
}

/// Lists people by surname and given name (signed-in accounts only).
#[utoipa::path(
    get, path = "/api/v1/persons", tag = "persons",
    params(PageQuery),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "A page of people", body = PersonPage),
        (status = 400, description = "A malformed parameter", body = Problem),
        (status = 401, description = "Not signed in", body = Problem),
    )
)]
pub async fn list_persons(
    State(state): State<WebState>,
    user: SignedIn,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<axum::Json<PersonPage>, Problem> {
    may_read_persons(&user)?;
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
    if limit == 0 || limit > MAX_LIMIT {
        return Err(Problem::bad_parameter(
            "limit",
            "limit-out-of-range",
            format!("a whole number from 1 to {MAX_LIMIT}"),
            &[("max", MAX_LIMIT.to_string())],
        ));
    }
    let offset = query.offset.unwrap_or(0);
    let items = match u32::try_from(offset) {
        Ok(o) => state
            .app
            .store()
            .persons(u32::try_from(limit).unwrap_or(1000), o)
            .await
            .map_err(storage)?,
        Err(_) => Vec::new(),
    };
    let next_offset = (items.len() as u64 == limit).then(|| offset.saturating_add(limit));
    Ok(axum::Json(PersonPage {
        items: items.into_iter().map(PersonView::from).collect(),
        limit,
        offset,
        next_offset,
    }))
}

/// One person (signed-in accounts only).
#[utoipa::path(
    get, path = "/api/v1/persons/{id}", tag = "persons",
    params(("id" = String, Path, format = Uuid, description = "The person's id")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The person", body = PersonView),
        (status = 400, description = "A malformed id", body = Problem),
        (status = 401, description = "Not signed in", body = Problem),
        (status = 404, description = "No such person", body = Problem),
    )
)]
pub async fn get_person(
    State(state): State<WebState>,
    user: SignedIn,
    ApiPath(id): ApiPath<String>,
) -> Result<axum::Json<PersonView>, Problem> {
    may_read_persons(&user)?;
    let id = path_person(&id)?;
    let person = state
        .app
        .store()
        .person(&id)
        .await
        .map_err(storage)?
        .ok_or_else(|| Problem::not_found(Missing::Person, id))?;
    Ok(axum::Json(person.into()))
}

/// A person to register.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewPerson {
    /// Surname (at most 100 characters).
    pub surname: String,
    /// Given name (at most 100 characters).
    pub given_name: String,
    #[serde(default)]
    /// Patronymic, when the person has one.
    pub patronymic: Option<String>,
    /// YYYY-MM-DD, from 1900-01-01 to today.
    #[schema(format = Date, example = "1975-04-12")]
    pub birth_date: String,
    #[schema(value_type = GenderName)]
    /// `female` or `male`.
    pub gender: String,
}

/// Registers a person with a new id (recorded in the ledger).
#[utoipa::path(
    post, path = "/api/v1/persons", tag = "persons",
    request_body = NewPerson,
    security(("bearer" = [])),
    responses(
        (status = 201, description = "Registered", body = PersonWritten,
            headers(("location" = String, description = "The person's URL"))),
        WriteRefused,
    )
)]
pub async fn register_person(
    State(state): State<WebState>,
    writer: Writer,
    ApiJson(body): ApiJson<NewPerson>,
) -> Result<Created<PersonWritten>, Problem> {
    let mut f = Fields::new();
    let birth_date = f.take(
        "birth_date",
        body.birth_date
            .trim()
            .parse::<jiff::civil::Date>()
            .map_err(|_| Rule::PersonBirthDateInvalid),
    );
    let gender = f.take("gender", Gender::parse(&body.gender));
    f.finish()?;
    let person = Person {
        id: PersonId(uuid::Uuid::new_v4()),
        surname: body.surname,
        given_name: body.given_name,
        patronymic: body.patronymic.unwrap_or_default(),
        birth_date: all(birth_date)?,
        gender: all(gender)?,
    };
    let id = person.id;
    let command = sailau_domain::registry::RegisterPerson { person };
    write(&state, &writer, command, async |s| s.person(&id).await)
        .await?
        .created(format!("/api/v1/persons/{id}"))
}

/// The domain decides who may see the people of the registry ([`sailau_domain::authorize_read`]).
fn may_read_persons(user: &SignedIn) -> Result<(), Problem> {
    sailau_domain::authorize_read(
        Some(&user.0.principal),
        sailau_domain::Read::Persons,
        &sailau_domain::Target::default(),
    )
    .map_err(|d| Problem::from(sailau_app::AppError::Forbidden(d)))
}

//! Extractors of the API whose rejections are problem documents naming the field: JSON bodies,
//! query strings, path parameters, and who is asking.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};

use crate::WebState;
use crate::problem::{Problem, ProblemError, ProblemKind};
use crate::session::{self, CurrentUser, SessionInfo};

/// A JSON request body (`Content-Type: application/json`). Rejections: 415 for another media
/// type, 413 when too large, 400 for text that is not JSON, 422 for a missing, unknown or
/// mistyped field — each naming the field.
#[derive(Debug, Clone)]
pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned + utoipa::ToSchema,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request(req: Request, state: &S) -> Result<Self, Problem> {
        if !has_media_type(req.headers(), |t, s| {
            t == "application" && (s == "json" || s.ends_with("+json"))
        }) {
            return Err(Problem::new(ProblemKind::UnsupportedMediaType)
                .with_detail("send the body as JSON with Content-Type: application/json"));
        }
        let bytes = Bytes::from_request(req, state)
            .await
            .map_err(body_problem)?;
        // serde stops at the first error: on one, `T`'s schema names all of them.
        parse_json(&bytes)
            .map(ApiJson)
            .map_err(|first| every_error::<T>(&bytes, first))
    }
}

/// Every malformed field of a JSON body that serde refused with `first`, by `T`'s schema: each
/// required field absent, each unknown field, each value of the wrong type or outside its
/// choices or range, at once. `first` alone when the body is not JSON or the schema finds
/// nothing (a rule of the type's own, which serde named); `first` is kept beside the others
/// when the schema does not name its field.
fn every_error<T: utoipa::ToSchema>(bytes: &[u8], first: Problem) -> Problem {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(bytes) else {
        return first;
    };
    let mut components = Vec::new();
    T::schemas(&mut components);
    let mut errors = Vec::new();
    schema_errors(&T::schema(), &value, "", &components, &mut errors, 0);
    if errors.is_empty() {
        return first;
    }
    // serde's error beside them, unless the schema named its field or refused the body whole.
    let whole = errors.iter().any(|e| e.field == "body");
    for e in first.errors {
        if !whole && !errors.iter().any(|known| known.field == e.field) {
            errors.push(e);
        }
    }
    let detail = errors.iter().map(detail_of).collect::<Vec<_>>().join(" ");
    Problem::new(ProblemKind::Invalid)
        .with_detail(detail)
        .with_errors(errors)
}

type Components = Vec<(
    String,
    utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
)>;

/// The kind of JSON value a schema type takes, as the catalogs name it (`invalid-type`).
fn kind_of_type(t: &utoipa::openapi::schema::Type) -> &'static str {
    use utoipa::openapi::schema::Type;
    match t {
        Type::String => "text",
        Type::Integer => "whole-number",
        Type::Number => "number",
        Type::Boolean => "true-false",
        Type::Array => "list",
        Type::Object => "object",
        Type::Null => "other",
    }
}

/// Whether `value` is of type `t`.
fn is_of_type(t: &utoipa::openapi::schema::Type, value: &serde_json::Value) -> bool {
    use serde_json::Value;
    use utoipa::openapi::schema::Type;
    match (t, value) {
        (Type::String, Value::String(_))
        | (Type::Number, Value::Number(_))
        | (Type::Boolean, Value::Bool(_))
        | (Type::Array, Value::Array(_))
        | (Type::Object, Value::Object(_))
        | (Type::Null, Value::Null) => true,
        (Type::Integer, Value::Number(n)) => n.is_i64() || n.is_u64(),
        _ => false,
    }
}

/// The malformed-value error of `field` that takes `expected` (`rule`: `invalid-type` or
/// `invalid-value`), worded from the catalogs.
fn value_error(field: &str, rule: &str, expected: &str) -> ProblemError {
    let field = if field.is_empty() { "body" } else { field };
    worded(
        ProblemError::new(field, rule, format!("{field}: expected {expected}")),
        &[
            ("field", field.to_owned()),
            ("expected", expected.to_owned()),
        ],
    )
}

/// The error of a required field absent or null (the body itself when `field` is empty),
/// naming the field (`problem-message-field-required`).
fn required_error(field: &str) -> ProblemError {
    let field = if field.is_empty() { "body" } else { field };
    worded(
        ProblemError::new(field, "field-required", "a value is required"),
        &[("field", field.to_owned())],
    )
}

/// Checks the schema's types against `value`: whether it is one of them (`false`: the error is
/// pushed), and null when null is allowed (`None`: nothing more to check).
fn type_fits(
    schema_type: &utoipa::openapi::schema::SchemaType,
    value: &serde_json::Value,
    path: &str,
    errors: &mut Vec<ProblemError>,
) -> Option<bool> {
    use utoipa::openapi::schema::{SchemaType, Type};
    let types: &[Type] = match schema_type {
        SchemaType::Type(t) => std::slice::from_ref(t),
        SchemaType::Array(ts) => ts,
        SchemaType::AnyValue => return None,
    };
    if value.is_null() {
        if !types.contains(&Type::Null) {
            errors.push(required_error(path));
        }
        return None;
    }
    if types.iter().any(|t| is_of_type(t, value)) {
        return Some(true);
    }
    let expected = types
        .iter()
        .find(|t| **t != Type::Null)
        .map_or("other", kind_of_type);
    // A fraction where a whole number goes is a value out of its range, like serde says.
    errors.push(value_error(path, "invalid-type", expected));
    Some(false)
}

/// Walks `value` along `schema` (components resolved from `components`), collecting into
/// `errors` what serde would refuse, field by field, where it would stop at the first: each
/// required property absent or null, each property an object without additional properties
/// does not take (`#[serde(deny_unknown_fields)]`), each value of another type than the
/// schema's, each text outside an enumeration's values, each whole number below its minimum or
/// outside its format's range.
fn schema_errors(
    schema: &utoipa::openapi::RefOr<utoipa::openapi::schema::Schema>,
    value: &serde_json::Value,
    path: &str,
    components: &Components,
    errors: &mut Vec<ProblemError>,
    depth: usize,
) {
    use utoipa::openapi::RefOr;
    use utoipa::openapi::schema::{AdditionalProperties, ArrayItems, Schema, Type};
    const DEPTH: usize = 8;
    if depth > DEPTH {
        return;
    }
    let schema = match schema {
        RefOr::T(s) => s,
        RefOr::Ref(r) => {
            let name = r.ref_location.rsplit('/').next().unwrap_or("");
            match components.iter().find(|(n, _)| n == name) {
                Some((_, RefOr::T(s))) => s,
                _ => return,
            }
        }
    };
    let is_null = |s: &RefOr<Schema>| {
        matches!(s, RefOr::T(Schema::Object(o))
            if o.schema_type == utoipa::openapi::schema::SchemaType::Type(Type::Null))
    };
    match schema {
        // `Option<T>` of a named type: null, or the type.
        Schema::OneOf(one) => {
            let mut others = one.items.iter().filter(|s| !is_null(s));
            if value.is_null() {
                if !one.items.iter().any(is_null) {
                    errors.push(required_error(path));
                }
                return;
            }
            if let (Some(only), None) = (others.next(), others.next()) {
                schema_errors(only, value, path, components, errors, depth + 1);
            }
        }
        Schema::Array(a) => {
            if type_fits(&a.schema_type, value, path, errors) != Some(true) {
                return;
            }
            if let (ArrayItems::RefOrSchema(item), serde_json::Value::Array(items)) =
                (&a.items, value)
            {
                for (i, v) in items.iter().enumerate() {
                    let at = format!("{path}[{i}]");
                    schema_errors(item, v, &at, components, errors, depth + 1);
                }
            }
        }
        Schema::Object(o) => {
            if type_fits(&o.schema_type, value, path, errors) != Some(true) {
                return;
            }
            match value {
                serde_json::Value::Object(map) => {
                    for r in &o.required {
                        if !map.contains_key(r) {
                            let field = join(path, r);
                            errors.push(required_error(&field));
                        }
                    }
                    let closed = matches!(
                        o.additional_properties.as_deref(),
                        Some(AdditionalProperties::FreeForm(false))
                    );
                    for (k, v) in map {
                        match o.properties.get(k) {
                            Some(p) => {
                                schema_errors(p, v, &join(path, k), components, errors, depth + 1)
                            }
                            None if closed => {
                                let field = join(path, k);
                                errors.push(worded(
                                    ProblemError::new(
                                        field.clone(),
                                        "unknown-field",
                                        format!("unknown field `{k}`"),
                                    ),
                                    &[("field", field)],
                                ));
                            }
                            None => {}
                        }
                    }
                }
                serde_json::Value::String(text) => {
                    if let Some(allowed) = &o.enum_values
                        && !allowed.iter().any(|a| a.as_str() == Some(text))
                    {
                        let allowed: Vec<String> = allowed
                            .iter()
                            .filter_map(|a| a.as_str().map(str::to_owned))
                            .collect();
                        errors.push(choice_error(path, &allowed));
                    }
                }
                serde_json::Value::Number(n) => {
                    if let Some(n) = n.as_i64().map(i128::from).or(n.as_u64().map(i128::from))
                        && !in_range(o, n)
                    {
                        errors.push(value_error(path, "invalid-value", "whole-number"));
                    }
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// Whether the whole number `n` is within the schema's minimum, maximum and format (an
/// unsigned `int32` is a `u32`: minimum 0).
fn in_range(o: &utoipa::openapi::schema::Object, n: i128) -> bool {
    use utoipa::openapi::schema::{KnownFormat, SchemaFormat};
    let number = |b: &Option<utoipa::Number>| -> Option<i128> {
        match b.as_ref()? {
            utoipa::Number::Int(i) => i128::try_from(*i).ok(),
            utoipa::Number::UInt(u) => i128::try_from(*u).ok(),
            utoipa::Number::Float(f) => Some(f.ceil() as i128),
        }
    };
    let min = number(&o.minimum);
    let max = number(&o.maximum);
    let unsigned = min.is_some_and(|m| m >= 0);
    let (lo, hi) = match &o.format {
        Some(SchemaFormat::KnownFormat(KnownFormat::Int32)) if unsigned => {
            (0, i128::from(u32::MAX))
        }
        Some(SchemaFormat::KnownFormat(KnownFormat::Int32)) => {
            (i128::from(i32::MIN), i128::from(i32::MAX))
        }
        Some(SchemaFormat::KnownFormat(KnownFormat::Int64)) if unsigned => {
            (0, i128::from(u64::MAX))
        }
        _ => (i128::from(i64::MIN), i128::from(u64::MAX)),
    };
    n >= min.unwrap_or(lo).max(lo) && n <= max.unwrap_or(hi).min(hi)
}

/// The error of a text `field` that is none of `allowed` (an enumeration's values).
fn choice_error(field: &str, allowed: &[String]) -> ProblemError {
    let field = if field.is_empty() { "body" } else { field };
    let list = allowed.join(", ");
    worded(
        ProblemError::new(field, "invalid-choice", format!("{field}: one of {list}")),
        &[("field", field.to_owned()), ("allowed", list)],
    )
}

/// Whether the request's `Content-Type` satisfies `accept(type, subtype)` (lower-case, no parameters).
pub fn has_media_type(headers: &HeaderMap, accept: impl Fn(&str, &str) -> bool) -> bool {
    let Some(value) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    let essence = value
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match essence.split_once('/') {
        Some((t, s)) => accept(t, s),
        None => false,
    }
}

/// The problem for a body that could not be read.
pub fn body_problem(e: axum::extract::rejection::BytesRejection) -> Problem {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        Problem::new(ProblemKind::PayloadTooLarge).with_detail(e.body_text())
    } else {
        Problem::new(ProblemKind::BadRequest).with_detail(e.body_text())
    }
}

/// Parses JSON into `T`, naming the field of the first error.
pub fn parse_json<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Problem> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut de).map_err(json_problem)?;
    de.end().map_err(|e| syntax_problem(&e))?;
    Ok(value)
}

/// 400 `json-syntax` (naming the line and column) when `bytes` is not JSON at all: the check of a
/// body that a handler reads itself in a layout of its own (a ballot submission).
///
/// # Errors
/// The problem when the text is not JSON.
pub fn json_syntax(bytes: &[u8]) -> Result<(), Problem> {
    match serde_json::from_slice::<serde::de::IgnoredAny>(bytes) {
        Err(e) if e.is_syntax() || e.is_eof() => Err(syntax_problem(&e)),
        _ => Ok(()),
    }
}

fn syntax_problem(e: &serde_json::Error) -> Problem {
    let detail = format!(
        "not valid JSON: {} (line {}, column {})",
        strip_position(&e.to_string()),
        e.line(),
        e.column()
    );
    let error = worded(
        ProblemError::new("body", "json-syntax", detail.clone()),
        &[
            ("line", e.line().to_string()),
            ("column", e.column().to_string()),
        ],
    );
    Problem::new(ProblemKind::BadRequest)
        .with_detail(detail)
        .with_error(error)
}

/// The error with `args`, its message the catalogs' English wording of its rule (the same entry
/// words it in the language `Accept-Language` asks for: `problem::fill_instance`).
fn worded(mut error: ProblemError, args: &[(&str, String)]) -> ProblemError {
    if let Some(message) = crate::problem::english(&error.rule, args) {
        error.message = message;
    }
    error.args = args
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    error
}

/// What a serde message says was expected ("expected a string", "expected u32"), as the kind of
/// JSON value the catalogs name: `text`, `whole-number`, `number`, `true-false`, `list`,
/// `object`, or `other` (an enumeration's values, a custom rule).
fn expected_kind(message: &str) -> &'static str {
    let Some((_, expected)) = message.split_once("expected ") else {
        return "other";
    };
    let expected = expected.trim();
    let word = expected
        .trim_start_matches("a ")
        .trim_start_matches("an ")
        .split([' ', ','])
        .next()
        .unwrap_or("");
    match word {
        "string" | "char" => "text",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128"
        | "isize" | "integer" => "whole-number",
        "f32" | "f64" | "number" => "number",
        "boolean" | "bool" => "true-false",
        "sequence" | "tuple" | "array" | "list" => "list",
        "object" | "map" => "object",
        _ => "other",
    }
}

fn json_problem(e: serde_path_to_error::Error<serde_json::Error>) -> Problem {
    use serde_json::error::Category;
    match e.inner().classify() {
        Category::Syntax | Category::Eof | Category::Io => syntax_problem(e.inner()),
        Category::Data => {
            let path = path_of(e.path());
            let message = strip_position(&e.inner().to_string());
            let error = field_error(&path, &message);
            Problem::new(ProblemKind::Invalid)
                .with_detail(detail_of(&error))
                .with_error(error)
        }
    }
}

/// The English `detail` of a problem with one malformed field: the error's message when the
/// catalogs worded it (it names the field), else "field: message".
fn detail_of(error: &ProblemError) -> String {
    if error.args.is_empty() {
        format!("{}: {}", error.field, error.message)
    } else {
        error.message.clone()
    }
}

/// A serde path as the API names fields: `scope.territory`, `items[2].code`; empty for the root.
fn path_of(path: &serde_path_to_error::Path) -> String {
    let s = path.to_string();
    if s == "." { String::new() } else { s }
}

/// Removes serde_json's " at line L column C" suffix and the Rust type names serde puts in its
/// messages.
fn strip_position(message: &str) -> String {
    sailau_record::strict::plain_message(message)
}

/// The text between the first pair of backticks.
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let rest = message.get(start..)?;
    let end = rest.find('`')?;
    rest.get(..end)
}

fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

/// Classifies a serde data error at `path` into a field, a rule and a message.
fn field_error(path: &str, message: &str) -> ProblemError {
    let (field, rule, message) = if let Some(name) = message
        .strip_prefix("missing field ")
        .and_then(|_| quoted(message))
    {
        (
            join(path, name),
            "field-required",
            "a value is required".to_owned(),
        )
    } else if let Some(name) = message
        .strip_prefix("duplicate field ")
        .and_then(|_| quoted(message))
    {
        // serde refuses a key given twice before reading its value: the path is the object's.
        let field = if path == name || path.ends_with(&format!(".{name}")) {
            path.to_owned()
        } else {
            join(path, name)
        };
        (field, "duplicate-field", message.to_owned())
    } else if let Some(name) = message
        .strip_prefix("unknown field ")
        .and_then(|_| quoted(message))
    {
        // The path already ends with the unknown key.
        let field = if path.is_empty() {
            name.to_owned()
        } else {
            path.to_owned()
        };
        (field, "unknown-field", message.to_owned())
    } else if message.starts_with("unknown variant ") {
        // "unknown variant `x`, expected `a` or `b`" / "expected one of `a`, `b`, `c`".
        let allowed: Vec<String> = message
            .split_once("expected")
            .map(|(_, rest)| {
                rest.split('`')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let field = if path.is_empty() { "body" } else { path };
        return choice_error(field, &allowed);
    } else if message.starts_with("invalid type: null") {
        (
            path.to_owned(),
            "field-required",
            "a value is required".to_owned(),
        )
    } else if message.starts_with("invalid type") {
        (path.to_owned(), "invalid-type", message.to_owned())
    } else {
        (path.to_owned(), "invalid-value", message.to_owned())
    };
    let field = if field.is_empty() {
        "body".to_owned()
    } else {
        field
    };
    // An object sent as an array ("invalid length 0, expected struct Inner") is of the wrong
    // type, whatever serde calls it.
    let kind = expected_kind(&message);
    let rule = match (rule, kind) {
        ("invalid-value", "text" | "true-false" | "list" | "object") => "invalid-type",
        _ => rule,
    };
    // A whole number our own reader refused ([`whole_number`]): its own rule, with the range.
    if message == whole_number_message() {
        return worded(
            ProblemError::new(field.clone(), "whole-number-range", message),
            &[("field", field), ("max", MAX_POSITION.to_string())],
        );
    }
    let error = ProblemError::new(field.clone(), rule, message.clone());
    // Worded from the catalogs, naming the field and what it takes, without serde's terms
    // ("invalid type: integer `5`, expected a string"). A value refused by its own rule (an
    // enumeration's values, a range) keeps its message, which says what is allowed.
    match rule {
        "invalid-type" => worded(error, &[("field", field), ("expected", kind.to_owned())]),
        "unknown-field" | "duplicate-field" | "field-required" => {
            worded(error, &[("field", field)])
        }
        "invalid-value" if kind != "other" => {
            worded(error, &[("field", field), ("expected", kind.to_owned())])
        }
        _ => error,
    }
}

/// A query string. Rejections: 400 naming the parameter.
#[derive(Debug, Clone)]
pub struct ApiQuery<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiQuery<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Problem> {
        let query = parts.uri.query().unwrap_or("");
        let de = serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
        match serde_path_to_error::deserialize(de) {
            Ok(v) => Ok(ApiQuery(v)),
            Err(e) => {
                let path = path_of(e.path());
                let error = field_error(&path, &e.inner().to_string());
                let detail = if error.args.is_empty() {
                    format!("query parameter {}: {}", error.field, error.message)
                } else {
                    error.message.clone()
                };
                Err(Problem::new(ProblemKind::BadRequest)
                    .with_detail(detail)
                    .with_error(error))
            }
        }
    }
}

/// The largest position or count the API takes: ledger positions are stored as signed 64-bit
/// integers, and the OpenAPI document says `maximum: 9223372036854775807`.
pub const MAX_POSITION: u64 = i64::MAX as u64;

/// For optional whole-number query parameters: exactly the decimal digits of a number from 0 to
/// [`MAX_POSITION`] (no sign, no spaces, not empty), as the OpenAPI document says.
pub fn optional_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let text = Option::<String>::deserialize(d)?;
    text.map(|t| whole_number(&t)).transpose()
}

/// Like [`optional_u64`] for a required parameter.
pub fn required_u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    whole_number(&String::deserialize(d)?)
}

fn whole_number<E: serde::de::Error>(t: &str) -> Result<u64, E> {
    match t.parse::<u64>() {
        Ok(n) if n <= MAX_POSITION && t.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
        _ => Err(E::custom(whole_number_message())),
    }
}

/// What [`whole_number`] says, recognized by [`field_error`] as the rule `whole-number-range`.
fn whole_number_message() -> String {
    format!("not a whole number from 0 to {MAX_POSITION}")
}

/// For optional text query parameters: empty is `None`.
pub fn optional_text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let text = Option::<String>::deserialize(d)?;
    Ok(text.filter(|t| !t.trim().is_empty()))
}

/// Path parameters. Rejections: 400.
#[derive(Debug, Clone)]
pub struct ApiPath<T>(pub T);

impl<T, S> FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(v)) => Ok(ApiPath(v)),
            Err(e) => Err(Problem::new(ProblemKind::BadRequest).with_detail(e.body_text())),
        }
    }
}

/// The pattern of a hyphenated UUID, the only form `format: uuid` means here.
pub const UUID_PATTERN: &str =
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/// A UUID as `field`, in the hyphenated form only (8-4-4-4-12 hex digits): anything else is 400
/// naming `field` with the rule `id-format`.
///
/// # Errors
/// 400 when `s` is not a hyphenated UUID.
pub fn uuid_param(field: &str, s: &str) -> Result<uuid::Uuid, Problem> {
    let hyphenated = if s.len() == 36 { s } else { "" };
    uuid::Uuid::parse_str(hyphenated).map_err(|_| {
        Problem::bad_parameter(field, "id-format", "a UUID (8-4-4-4-12 hex digits)", &[])
    })
}

/// A resource named by a UUID in the path parameter `{id}` (elections, contests, nominations).
pub trait PathUuid: Sized {
    /// What the id names, for the OpenAPI description: `election` gives "The election's id".
    const WHAT: &'static str;
    /// The id from its UUID.
    fn from_uuid(id: uuid::Uuid) -> Self;
}

macro_rules! path_uuid {
    ($($id:ty => $what:literal),* $(,)?) => {$(
        impl PathUuid for $id {
            const WHAT: &'static str = $what;
            fn from_uuid(id: uuid::Uuid) -> Self {
                Self(id)
            }
        }
    )*};
}

path_uuid! {
    sailau_domain::elections::ElectionId => "election",
    sailau_domain::elections::ContestId => "contest",
    sailau_domain::elections::NominationId => "nomination",
    sailau_domain::party::commands::ConferenceId => "conference",
    sailau_domain::party::commands::MotionId => "motion",
    sailau_domain::party::pipeline::MeetingId => "meeting",
    sailau_domain::party::member::MemberId => "member",
    sailau_domain::primaries::CampaignId => "campaign",
    sailau_domain::primaries::ContenderId => "contender",
    sailau_domain::primaries::DebateId => "debate",
}

/// The path parameter `{id}` as a hyphenated UUID naming a `T`. Rejections: 400 naming `id`
/// (rule `id-format`). In the OpenAPI document, `params(IdPath<ElectionId>)` describes it.
#[derive(Debug, Clone, Copy)]
pub struct IdPath<T>(pub T);

impl<T: PathUuid, S: Send + Sync> FromRequestParts<S> for IdPath<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Problem> {
        let params = axum::extract::RawPathParams::from_request_parts(parts, state)
            .await
            .map_err(|e| Problem::new(ProblemKind::BadRequest).with_detail(e.body_text()))?;
        let raw = params
            .iter()
            .find_map(|(name, value)| (name == "id").then_some(value))
            .unwrap_or("");
        uuid_param("id", raw).map(|id| IdPath(T::from_uuid(id)))
    }
}

impl<T: PathUuid> utoipa::IntoParams for IdPath<T> {
    fn into_params(
        _: impl Fn() -> Option<utoipa::openapi::path::ParameterIn>,
    ) -> Vec<utoipa::openapi::path::Parameter> {
        use utoipa::openapi::path::{ParameterBuilder, ParameterIn};
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        vec![
            ParameterBuilder::new()
                .name("id")
                .parameter_in(ParameterIn::Path)
                .required(utoipa::openapi::Required::True)
                .description(Some(format!("The {}'s id", T::WHAT)))
                .schema(Some(
                    ObjectBuilder::new()
                        .schema_type(Type::String)
                        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Uuid)))
                        .pattern(Some(UUID_PATTERN)),
                ))
                .build(),
        ]
    }
}

/// The answer of an endpoint whose path names a resource by its UUID, when the id is malformed.
/// Goes into `responses(...)` beside the endpoint's own answers.
#[derive(Debug, utoipa::IntoResponses)]
pub enum BadId {
    /// The id is not a hyphenated UUID.
    #[response(status = 400, description = "A malformed id")]
    BadRequest(Problem),
}

/// A signed-in caller of any role; the anonymous public gets 401.
#[derive(Debug, Clone)]
pub struct SignedIn(pub SessionInfo);

impl FromRequestParts<WebState> for SignedIn {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<Self, Problem> {
        let Ok(CurrentUser(user)) = CurrentUser::from_request_parts(parts, state).await;
        user.map(SignedIn).ok_or_else(Problem::unauthorized)
    }
}

/// A signed-in caller sending a state-changing request: by bearer token, or by the session cookie
/// with the session's CSRF token in `X-CSRF-Token`. Anonymous: 401; cookie without the token: 403.
/// What the account may do is decided by the app when the command runs.
#[derive(Debug, Clone)]
pub struct Writer(pub SessionInfo);

impl FromRequestParts<WebState> for Writer {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut Parts, state: &WebState) -> Result<Self, Problem> {
        let SignedIn(user) = SignedIn::from_request_parts(parts, state).await?;
        session::check_csrf(&parts.headers, &user, None).map_err(|e| {
            Problem::new(ProblemKind::CsrfToken).with_detail(format!(
                "{e} (send the session's CSRF token in the X-CSRF-Token header, or use a bearer token)"
            ))
        })?;
        Ok(Writer(user))
    }
}

impl Writer {
    /// The signed-in account as the app's actor.
    pub fn acting(&self) -> sailau_app::Acting {
        sailau_app::Acting::Account(self.0.principal.clone())
    }
}

/// The client's address, for sign-in throttling.
#[derive(Debug, Clone)]
pub struct ClientAddress(pub String);

impl FromRequestParts<WebState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &WebState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(session::client_address(
            &parts.headers,
            session::peer_address(parts),
            &state.config,
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Body {
        number: u32,
        name: String,
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        code: String,
    }

    fn err(json: &str) -> Problem {
        match parse_json::<Body>(json.as_bytes()) {
            Ok(b) => Problem::new(ProblemKind::Internal).with_detail(format!("parsed: {b:?}")),
            Err(p) => p,
        }
    }

    #[test]
    fn ids_are_the_hyphenated_uuid_form_only() {
        assert!(uuid_param("id", "01900000-0000-7000-8000-000000000b01").is_ok());
        let p = uuid_param("id", "01900000000070008000000000000b01").err();
        assert_eq!(
            p.map(|p| (
                p.status,
                p.errors[0].field.clone(),
                p.errors[0].rule.clone()
            )),
            Some((400, "id".to_owned(), "id-format".to_owned()))
        );
    }

    /// A value of the wrong type is said in words that name the field and what it takes, never
    /// serde's ("invalid type: integer `5`, expected a string"), with the arguments the catalogs
    /// word it with in Russian and Kazakh (newcomer test).
    #[test]
    fn a_wrong_type_names_the_field_and_what_it_takes() {
        let p = err(r#"{"number": 1, "name": 5}"#);
        let e = &p.errors[0];
        assert_eq!(
            (e.field.as_str(), e.rule.as_str(), e.message.as_str()),
            (
                "name",
                "invalid-type",
                "The field “name” takes text in quotation marks."
            )
        );
        assert_eq!(e.args.get("expected").map(String::as_str), Some("text"));
        assert_eq!(p.detail.as_deref(), Some(e.message.as_str()));
        let p = err(r#"{"number": "12", "name": "x"}"#);
        assert_eq!(
            p.errors[0].message,
            "The field “number” takes a whole number."
        );
        let p = err(r#"{"number": -1, "name": "x"}"#);
        assert_eq!(
            p.errors[0].message,
            "The field “number” takes a whole number in the allowed range."
        );
        let p = err(r#"{"number": 1, "name": "x", "inner": []}"#);
        assert_eq!(
            p.errors[0].message,
            "The field “inner” takes an object in curly braces."
        );
        let p = err(r#"{"number": 1, "name": "x", "nmae": 2}"#);
        assert_eq!(p.errors[0].message, "The request takes no field “nmae”.");
        for p in [
            err(r#"{"number": 1, "name": 5}"#),
            err(r#"{"number": 1, "name": "x", "inner": true}"#),
            err(r#"{"number": 1, "name": "x", "nmae": 2}"#),
        ] {
            for bad in ["invalid type", "expected", "`", "struct", "serde"] {
                assert!(!p.errors[0].message.contains(bad), "{:?}", p.errors[0]);
            }
        }
    }

    #[test]
    fn names_the_field() {
        let p = err(r#"{"name": "x"}"#);
        assert_eq!(
            (
                p.status,
                p.errors[0].field.as_str(),
                p.errors[0].rule.as_str()
            ),
            (422, "number", "field-required")
        );
        let p = err(r#"{"number": "12", "name": "x"}"#);
        assert_eq!(
            (
                p.status,
                p.errors[0].field.as_str(),
                p.errors[0].rule.as_str()
            ),
            (422, "number", "invalid-type")
        );
        let p = err(r#"{"number": -1, "name": "x"}"#);
        assert_eq!(
            (
                p.status,
                p.errors[0].field.as_str(),
                p.errors[0].rule.as_str()
            ),
            (422, "number", "invalid-value")
        );
        let p = err(r#"{"number": 1, "name": null}"#);
        assert_eq!(
            (
                p.status,
                p.errors[0].field.as_str(),
                p.errors[0].rule.as_str()
            ),
            (422, "name", "field-required")
        );
        let p = err(r#"{"number": 1, "name": "x", "nmae": 2}"#);
        assert_eq!(
            (
                p.status,
                p.errors[0].field.as_str(),
                p.errors[0].rule.as_str()
            ),
            (422, "nmae", "unknown-field")
        );
        let p = err(r#"{"number": 1, "name": "x", "inner": {}}"#);
        assert_eq!((p.status, p.errors[0].field.as_str()), (422, "inner.code"));
        let p = err(r#"{"number": 1, "name": "x", "inner": {"code": "a", "kode": 1}}"#);
        assert_eq!((p.status, p.errors[0].field.as_str()), (422, "inner.kode"));
        let p = err("12");
        assert_eq!((p.status, p.errors[0].field.as_str()), (422, "body"));
        let p = err(r#"[1, 2]"#);
        assert_eq!(p.status, 422);
        let p = err(r#"{"number": 1,"#);
        assert_eq!((p.status, p.errors[0].rule.as_str()), (400, "json-syntax"));
        assert_eq!(
            p.errors[0].message,
            "The request body is not valid JSON (line 1, column 13)."
        );
        let p = err(r#"{"number": 1, "name": "x"} trailing"#);
        assert_eq!(p.status, 400);
        let p = err("");
        assert_eq!(p.status, 400);
    }

    /// A key given twice is named, with a worded message, not serde's "duplicate field `x`";
    /// a required field's message names the field too.
    #[test]
    fn duplicate_and_missing_fields_are_named_in_words() {
        let p = err(r#"{"number": 1, "name": "x", "number": 2}"#);
        let e = &p.errors[0];
        assert_eq!(
            (
                p.status,
                e.field.as_str(),
                e.rule.as_str(),
                e.message.as_str()
            ),
            (
                422,
                "number",
                "duplicate-field",
                "The field “number” is given more than once."
            )
        );
        assert_eq!(e.args.get("field").map(String::as_str), Some("number"));
        assert_eq!(p.detail.as_deref(), Some(e.message.as_str()));
        let p = err(r#"{"number": 1, "name": "x", "inner": {"code": "a", "code": "b"}}"#);
        assert_eq!(
            (p.errors[0].field.as_str(), p.errors[0].rule.as_str()),
            ("inner.code", "duplicate-field")
        );
        let p = err(r#"{"name": "x"}"#);
        let e = &p.errors[0];
        assert_eq!(
            (e.rule.as_str(), e.message.as_str()),
            ("field-required", "The field “number” needs a value.")
        );
        assert_eq!(e.args.get("field").map(String::as_str), Some("number"));
        assert_eq!(p.detail.as_deref(), Some(e.message.as_str()));
    }
}

//! Errors of the JSON API as RFC 9457 problem details (`application/problem+json`).
//!
//! **Which type to use where.** API handlers return `Result<_, Problem>`; `?` turns an
//! [`AppError`] (and an [`ImportError`]) into the right problem: rules broken → 422 with one
//! `errors` entry per field, not allowed → 403 (401 for the anonymous public), wrong password →
//! 401, too many attempts → 429 with `Retry-After`, unknown thing → 404, out-of-range request →
//! 400, anything of the system's own making → 500 whose cause is logged (with a reference that is
//! also in the answer) and never shown. Malformed requests (bad JSON, a missing or mistyped field,
//! a wrong content type, a bad query) are turned into problems by the extractors in
//! `api::extract`. Pages do not use this type: they render their errors in HTML.
//!
//! Every problem's `type` is a relative URI `/problems/<slug>` (RFC 9457 §3.1.1 allows it when it
//! carries the full path); the server answers each with a short HTML page describing it.
//! `instance` is the path of the request that failed (filled in by [`fill_instance`]).

use std::collections::BTreeMap;
use std::fmt;

use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sailau_app::AppError;
use sailau_app::import::{ImportError, RowError};
use sailau_domain::{Denied, FieldError, ValidationErrors};
use serde::Serialize;
use utoipa::ToSchema;

/// The media type of problem documents.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// What kind of problem: each has a stable slug (its `type` is `/problems/<slug>`: the variant's
/// name in kebab case, written and read by `strum`), a title and a status.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString, strum::VariantArray,
)]
#[strum(serialize_all = "kebab-case")]
pub enum ProblemKind {
    /// The input broke rules: see `errors`.
    Invalid,
    /// The request itself is malformed (bad JSON, a bad query parameter, an out-of-range ledger request).
    BadRequest,
    /// The body has a media type this endpoint does not accept.
    UnsupportedMediaType,
    /// The body is larger than this endpoint accepts.
    PayloadTooLarge,
    /// Sign in first (no session, or an expired one).
    Unauthorized,
    /// Wrong username or password.
    BadCredentials,
    /// The account may not do this.
    Forbidden,
    /// A cookie-authenticated state-changing request without the session's CSRF token.
    CsrfToken,
    /// The thing named does not exist.
    NotFound,
    /// No API endpoint has this path.
    UnknownEndpoint,
    /// The endpoint exists but not with this method.
    MethodNotAllowed,
    /// Too many failed sign-ins; wait.
    Throttled,
    /// The server failed; the cause is logged under the reference in `detail`.
    Internal,
    /// The server cannot answer now (the database is unreachable).
    Unavailable,
}

impl ProblemKind {
    /// Every kind, in declaration order.
    pub const ALL: &'static [ProblemKind] = <ProblemKind as strum::VariantArray>::VARIANTS;

    /// The stable slug: `invalid`, `bad-request`, `csrf-token`, ...
    pub fn slug(self) -> &'static str {
        self.into()
    }

    /// The kind whose slug this is, if any.
    pub fn from_slug(slug: &str) -> Option<ProblemKind> {
        slug.parse().ok()
    }

    /// The `type` URI.
    pub fn uri(self) -> String {
        format!("/problems/{}", self.slug())
    }

    /// A short summary of the kind (the same for every occurrence), in English.
    pub fn title(self) -> &'static str {
        match self {
            ProblemKind::Invalid => "The input is not valid",
            ProblemKind::BadRequest => "The request is malformed",
            ProblemKind::UnsupportedMediaType => "Unsupported media type",
            ProblemKind::PayloadTooLarge => "The request body is too large",
            ProblemKind::Unauthorized => "Sign-in required",
            ProblemKind::BadCredentials => "Wrong username or password",
            ProblemKind::Forbidden => "Not allowed",
            ProblemKind::CsrfToken => "CSRF token missing or wrong",
            ProblemKind::NotFound => "Not found",
            ProblemKind::UnknownEndpoint => "No such API endpoint",
            ProblemKind::MethodNotAllowed => "Method not allowed",
            ProblemKind::Throttled => "Too many attempts",
            ProblemKind::Internal => "Internal server error",
            ProblemKind::Unavailable => "Service unavailable",
        }
    }

    /// A longer explanation, for the `/problems/<slug>` page.
    pub fn explanation(self) -> &'static str {
        match self {
            ProblemKind::Invalid => {
                "The request was well-formed but its content broke one or more rules. Each entry of \
                 `errors` names the field (or the line of an imported file), the rule (a stable key) \
                 and a message. Nothing was written."
            }
            ProblemKind::BadRequest => {
                "The request could not be understood: the body is not valid JSON, a query or path \
                 parameter is malformed, or a ledger request is out of range. `detail` and `errors` \
                 say which. Nothing was written."
            }
            ProblemKind::UnsupportedMediaType => {
                "The body's Content-Type is not one this endpoint accepts (JSON endpoints need \
                 application/json; imports need text/csv or an XLSX workbook)."
            }
            ProblemKind::PayloadTooLarge => "The request body exceeds the endpoint's size limit.",
            ProblemKind::Unauthorized => {
                "This needs a signed-in account. Send `Authorization: Bearer <token>` with a token \
                 from POST /api/v1/session, or the session cookie with an X-CSRF-Token header."
            }
            ProblemKind::BadCredentials => {
                "The username or the password is wrong, or the account is deactivated (sailau does \
                 not say which)."
            }
            ProblemKind::Forbidden => {
                "The signed-in account's role or scope does not allow this. Nothing was written."
            }
            ProblemKind::CsrfToken => {
                "A state-changing request authenticated by the session cookie must carry the \
                 session's CSRF token in the X-CSRF-Token header (GET /api/v1/me returns it). \
                 Requests with a bearer token need none."
            }
            ProblemKind::NotFound => {
                "The territory, precinct, party, person or account named does not exist."
            }
            ProblemKind::UnknownEndpoint => {
                "No endpoint of the API has this path. The endpoints are listed in /api/openapi.json."
            }
            ProblemKind::MethodNotAllowed => {
                "The endpoint exists but does not accept this HTTP method; the Allow header lists \
                 those it accepts."
            }
            ProblemKind::Throttled => {
                "Too many failed sign-ins for this account or from this address. Wait for the \
                 number of seconds in the Retry-After header."
            }
            ProblemKind::Internal => {
                "The server failed. The cause was logged under the reference given in `detail`; \
                 nothing of the request was written."
            }
            ProblemKind::Unavailable => "The server cannot reach its database. Try again later.",
        }
    }

    /// The HTTP status of the kind.
    pub fn status(self) -> StatusCode {
        match self {
            ProblemKind::Invalid => StatusCode::UNPROCESSABLE_ENTITY,
            ProblemKind::BadRequest => StatusCode::BAD_REQUEST,
            ProblemKind::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ProblemKind::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ProblemKind::Unauthorized | ProblemKind::BadCredentials => StatusCode::UNAUTHORIZED,
            ProblemKind::Forbidden | ProblemKind::CsrfToken => StatusCode::FORBIDDEN,
            ProblemKind::NotFound | ProblemKind::UnknownEndpoint => StatusCode::NOT_FOUND,
            ProblemKind::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ProblemKind::Throttled => StatusCode::TOO_MANY_REQUESTS,
            ProblemKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ProblemKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The kind that best describes a bare error status (answers axum produced by itself).
    fn of_status(status: StatusCode) -> ProblemKind {
        match status.as_u16() {
            401 => ProblemKind::Unauthorized,
            403 => ProblemKind::Forbidden,
            404 => ProblemKind::NotFound,
            405 => ProblemKind::MethodNotAllowed,
            413 => ProblemKind::PayloadTooLarge,
            415 => ProblemKind::UnsupportedMediaType,
            422 => ProblemKind::Invalid,
            429 => ProblemKind::Throttled,
            503 => ProblemKind::Unavailable,
            s if s >= 500 => ProblemKind::Internal,
            _ => ProblemKind::BadRequest,
        }
    }
}

/// The refusals every API write may answer besides its success, for the OpenAPI document:
/// `#[utoipa::path(..., responses((status = 201, ...), WriteRefused, (status = 404, ...)))]`.
/// Answers that differ per endpoint (404, 400) stay in the endpoint's own list; every 4xx and 5xx
/// answer is given the problem+json media type when the document is built.
#[derive(Debug, utoipa::IntoResponses)]
pub enum WriteRefused {
    /// No signed-in account (no session, or an expired one).
    #[response(status = 401, description = "Not signed in")]
    Unauthorized(Problem),
    /// The account's role or scope does not allow the change.
    #[response(status = 403, description = "The role or scope does not allow it")]
    Forbidden(Problem),
    /// The input broke rules; nothing was written.
    #[response(status = 422, description = "Rules broken: each is named in `errors`")]
    Invalid(Problem),
}

/// What a 404 says does not exist: the app's [`sailau_app::Thing`]. The problem keeps it beside
/// the id that named it, so that `detail` is worded in the request's language (the catalogs'
/// `problem-not-found-<slug>`, with the id as `$id`, [`not_found_key`]); without
/// `Accept-Language` the detail is the English "territory 631010000 does not exist".
pub use sailau_app::Thing as Missing;

/// The catalog key of a 404's detail: `problem-not-found-<slug>`, with `$id` (but `record`).
pub fn not_found_key(what: Missing) -> String {
    format!("problem-not-found-{}", what.slug())
}

/// One broken rule: which field (or line), which rule, and a message in English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct ProblemError {
    /// The field as the request named it (`voters`, `scope`, `name_ru`; `body` for the body as a
    /// whole). For imports, the column.
    #[schema(example = "voters")]
    pub field: String,
    /// A stable key: the domain rule (`voters-out-of-range`, `code-taken`, ...), or one of
    /// `field-required`, `invalid-type`, `invalid-value`, `invalid-choice` (with `allowed`, the
    /// values it takes), `unknown-field`, `duplicate-field`, `json-syntax` for
    /// malformed bodies and parameters.
    #[schema(example = "voters-out-of-range")]
    pub rule: String,
    /// The rule in words: in the language the request asked for with `Accept-Language` (ru, kk
    /// or en), in English without that header.
    #[schema(example = "a whole number from 0 to 100000")]
    pub message: String,
    /// The values the message needs (e.g. `max`; `field` where the wording names the field or
    /// parameter), for clients that translate `rule` themselves.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, String>,
    /// For imports: the line of the file (the header is line 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// For batches: the position of the refused item, from 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
}

impl ProblemError {
    /// An error of `field` breaking `rule` (a stable key), with its message in English.
    pub fn new(
        field: impl Into<String>,
        rule: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ProblemError {
            field: field.into(),
            rule: rule.into(),
            message: message.into(),
            args: BTreeMap::new(),
            line: None,
            position: None,
        }
    }
}

impl From<&FieldError> for ProblemError {
    fn from(e: &FieldError) -> Self {
        ProblemError {
            args: rule_args(&e.field, &e.rule),
            ..ProblemError::new(e.field.clone(), e.rule.key(), e.rule.english())
        }
    }
}

/// The `args` of `field` breaking `rule`: the rule's own, and `field` for `field-required`,
/// whose API wording names the field (`problem-message-field-required`: pages show their
/// "Enter a value." beside the field's label, a problem document has no label to lean on).
pub(crate) fn rule_args(field: &str, rule: &sailau_domain::Rule) -> BTreeMap<String, String> {
    let mut args: BTreeMap<String, String> = rule
        .args()
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    if matches!(rule, sailau_domain::Rule::FieldRequired) {
        args.insert("field".to_owned(), field.to_owned());
    }
    args
}

/// An RFC 9457 problem document (`application/problem+json`).
//
// Build one with `Problem::new` or convert an error into it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Problem {
    /// A URI reference identifying the kind of problem: `/problems/<slug>`.
    #[serde(rename = "type", serialize_with = "kind_uri")]
    #[schema(value_type = String, example = "/problems/invalid")]
    pub kind: ProblemKind,
    /// A short summary of the kind of problem (the same for every occurrence), in the language
    /// the request asked for with `Accept-Language` (English without it).
    #[schema(value_type = String, example = "The input is not valid")]
    pub title: std::borrow::Cow<'static, str>,
    /// The HTTP status code.
    #[schema(example = 422)]
    pub status: u16,
    /// What went wrong this time: in the language the request asked for with `Accept-Language`
    /// when it is a refusal of authorization (401, 403), says what does not exist (404) or is
    /// made of the `errors` (each worded in that language), in English otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The path of the request that failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// Every broken rule, when the input broke rules.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ProblemError>,
    #[serde(skip)]
    headers: Option<Box<ExtraHeaders>>,
    /// The refusal of authorization this problem reports (401, 403), kept so that it can be
    /// worded in the request's language.
    #[serde(skip)]
    denied: Option<Denied>,
    /// What the detail is worded from in the request's language: what a 404 says does not
    /// exist, and the values of the kind's own detail (boxed: a `Problem` stays small as an
    /// `Err`).
    #[serde(skip)]
    words: Option<Box<DetailWords>>,
}

/// What a problem's detail is worded from in the request's language ([`fill_instance`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct DetailWords {
    /// What a 404 says does not exist, and the id that named it.
    missing: Option<(Missing, String)>,
    /// The values of the kind's detail in the catalogs (`problem-detail-<slug>`): the path of an
    /// unknown endpoint, the seconds to wait, the reference of a failure.
    args: Vec<(&'static str, String)>,
}

/// Headers that go with some problems.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ExtraHeaders {
    retry_after_secs: Option<u64>,
    allow: Option<HeaderValue>,
}

fn kind_uri<S: serde::Serializer>(kind: &ProblemKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&kind.uri())
}

impl Problem {
    /// A problem of `kind`, with its title and status.
    pub fn new(kind: ProblemKind) -> Problem {
        Problem {
            kind,
            title: std::borrow::Cow::Borrowed(kind.title()),
            status: kind.status().as_u16(),
            detail: None,
            instance: None,
            errors: Vec::new(),
            headers: None,
            denied: None,
            words: None,
        }
    }

    /// With what went wrong this time.
    pub fn with_detail(mut self, detail: impl Into<String>) -> Problem {
        self.detail = Some(detail.into());
        self
    }

    /// With the values its kind's detail takes in the catalogs (`problem-detail-<slug>`).
    pub fn with_detail_args(mut self, args: Vec<(&'static str, String)>) -> Problem {
        self.words.get_or_insert_with(Default::default).args = args;
        self
    }

    /// With one more broken rule.
    pub fn with_error(mut self, error: ProblemError) -> Problem {
        self.errors.push(error);
        self
    }

    /// With more broken rules.
    pub fn with_errors(mut self, errors: impl IntoIterator<Item = ProblemError>) -> Problem {
        self.errors.extend(errors);
        self
    }

    /// With a `Retry-After` of `secs` seconds (429).
    pub fn with_retry_after(mut self, secs: u64) -> Problem {
        self.headers
            .get_or_insert_with(Default::default)
            .retry_after_secs = Some(secs);
        self
    }

    /// The status as an HTTP status code.
    pub fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// Whether this problem is of `kind`.
    pub fn is(&self, kind: ProblemKind) -> bool {
        self.kind == kind
    }

    /// 404: the `what` named `id` does not exist ("territory 631010000 does not exist"; worded
    /// in the request's language by [`fill_instance`]).
    pub fn not_found(what: Missing, id: impl fmt::Display) -> Problem {
        let id = id.to_string();
        let mut problem = Problem::new(ProblemKind::NotFound)
            .with_detail(format!("{} does not exist", what.english(&id)));
        problem.words.get_or_insert_with(Default::default).missing = Some((what, id));
        problem
    }

    /// 401: sign in first (with `WWW-Authenticate: Bearer`).
    pub fn unauthorized() -> Problem {
        let mut problem = Problem::new(ProblemKind::Unauthorized).with_detail(
            "sign in: send Authorization: Bearer <token> (POST /api/v1/session gives one)",
        );
        problem.denied = Some(Denied::Anonymous);
        problem
    }

    /// 403 with a reason.
    pub fn forbidden(detail: impl Into<String>) -> Problem {
        Problem::new(ProblemKind::Forbidden).with_detail(detail)
    }

    /// 422 for rules broken.
    pub fn invalid(errors: &ValidationErrors) -> Problem {
        Problem::new(ProblemKind::Invalid)
            .with_detail(errors.to_string())
            .with_errors(errors.0.iter().map(ProblemError::from))
    }

    /// 400 naming a malformed path or query parameter `field` that broke `rule` (a stable key),
    /// with its `message` in English and the values the catalogs' wording of `rule` needs
    /// (`max`, `allowed`, ...); `field` is always among the error's `args`, so that a wording
    /// can name the parameter. With `Accept-Language`, [`fill_instance`] words it.
    pub fn bad_parameter(
        field: &str,
        rule: &str,
        message: impl Into<String>,
        args: &[(&str, String)],
    ) -> Problem {
        let message = message.into();
        let mut error = ProblemError::new(field, rule, message.clone());
        error.args = args
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect();
        error.args.insert("field".to_owned(), field.to_owned());
        Problem::new(ProblemKind::BadRequest)
            .with_detail(format!("{field}: {message}"))
            .with_error(error)
    }

    /// 500: logs `cause` under a fresh reference and answers with the reference only.
    pub fn internal(cause: &dyn fmt::Display) -> Problem {
        let reference = reference();
        tracing::error!(reference = %reference, error = %cause, "internal error answering an API request");
        Problem::new(ProblemKind::Internal)
            .with_detail(format!(
                "the server failed; the cause is logged under reference {reference}"
            ))
            .with_detail_args(vec![("reference", reference)])
    }

    fn denied(d: &Denied) -> Problem {
        match d {
            Denied::Anonymous => Problem::unauthorized(),
            other => {
                let mut problem = Problem::forbidden(denied_english(other))
                    .with_error(ProblemError::new("", other.key(), denied_english(other)));
                problem.denied = Some(other.clone());
                problem
            }
        }
    }

    /// Problems for the refused items of a batch, each tagged by `tag` (its line or position).
    fn refused(items: Vec<(usize, AppError)>, tag: &dyn Fn(usize, &mut ProblemError)) -> Problem {
        let all_denied = !items.is_empty()
            && items
                .iter()
                .all(|(_, e)| matches!(e, AppError::Forbidden(_)));
        if all_denied && let Some((_, AppError::Forbidden(d))) = items.first() {
            return Problem::denied(d);
        }
        let count = items.len();
        let mut errors = Vec::new();
        for (position, e) in items {
            let mut item_errors = match e {
                AppError::Invalid(v) => v.0.iter().map(ProblemError::from).collect(),
                AppError::Forbidden(d) => {
                    vec![ProblemError::new("", d.key(), denied_english(&d))]
                }
                other => vec![ProblemError::new("", "refused", other.to_string())],
            };
            for pe in &mut item_errors {
                tag(position, pe);
            }
            errors.extend(item_errors);
        }
        Problem::new(ProblemKind::Invalid)
            .with_detail(format!("{count} item(s) refused; nothing was written",))
            .with_errors(errors)
    }

    /// Converts the error of an all-or-nothing batch whose item `i` came from line `lines[i]`.
    pub fn from_rows(e: AppError, lines: &[usize]) -> Problem {
        let tag = |position: usize, pe: &mut ProblemError| {
            pe.line = lines.get(position).copied();
        };
        match e {
            AppError::Rows(rows) => Problem::refused(rows, &tag),
            AppError::Batch { position, error } if error.is_client_error() => {
                Problem::refused(vec![(position, *error)], &tag)
            }
            other => Problem::from(other),
        }
    }

    fn render(&self) -> Response {
        let body = match serde_json::to_vec(self) {
            Ok(b) => b,
            Err(e) => {
                tracing::error!(error = %e, "serializing a problem document");
                br#"{"type":"/problems/internal","title":"Internal server error","status":500}"#
                    .to_vec()
            }
        };
        let mut res = (self.status_code(), body).into_response();
        let headers = res.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(extra) = &self.headers {
            if let Some(secs) = extra.retry_after_secs {
                headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
            }
            if let Some(allow) = &extra.allow {
                headers.insert(header::ALLOW, allow.clone());
            }
        }
        if self.is(ProblemKind::Unauthorized) {
            headers.insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        res
    }
}

impl Problem {
    /// Words each broken rule's `message` in `lang` from the catalogs, when the catalog has the
    /// rule's message ([`message_key`]) and `args` holds every value it needs, a refusal of
    /// authorization (its `detail` and its error's `message`) from the refusal itself, and the
    /// detail of a 404 from what does not exist. Returns whether anything was worded.
    fn localize(&mut self, lang: sailau_i18n::Lang) -> bool {
        let Some(catalog) = catalog() else {
            return false;
        };
        let ctx =
            crate::pages::PageCtx::new(catalog.clone(), lang, String::new(), String::new(), None);
        let mut any = false;
        if let Some(denied) = &self.denied {
            let text = ctx.denied(denied);
            for error in self.errors.iter_mut().filter(|e| e.rule == denied.key()) {
                error.message = text.clone();
            }
            self.detail = Some(text);
            any = true;
        }
        // What does not exist; the app's own English words only in other languages (its
        // English names the thing better than a generic sentence).
        if let Some((what, id)) = self.words.as_deref().and_then(|w| w.missing.as_ref())
            && !(*what == Missing::Other && lang == sailau_i18n::Lang::En)
            && catalog.contains(lang, &not_found_key(*what))
        {
            self.detail = Some(ctx.tr_args(&not_found_key(*what), &[("id", id.clone())]));
            any = true;
        }
        let mut every_worded = true;
        // For each error, whether its worded message names its field (else the detail puts the
        // field before it).
        let mut names_field = Vec::with_capacity(self.errors.len());
        for error in &mut self.errors {
            if self.denied.as_ref().is_some_and(|d| d.key() == error.rule) {
                names_field.push(true);
                continue;
            }
            let key = message_key(catalog, lang, &error.rule);
            let variables = catalog.variables(lang, &key);
            let wordable = catalog.contains(lang, &key)
                && variables.iter().all(|v| error.args.contains_key(v));
            if wordable {
                let args: Vec<(&str, String)> = error
                    .args
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.clone()))
                    .collect();
                error.message = ctx.tr_args(&key, &args);
                any = true;
            } else {
                every_worded = false;
            }
            // A message about the body as a whole names no field: "body: …" would say nothing.
            names_field.push(variables.contains("field") || error.field == "body");
        }
        let title_key = format!("problem-title-{}", self.kind.slug());
        if catalog.contains(lang, &title_key) {
            self.title = std::borrow::Cow::Owned(ctx.tr(&title_key));
            any = true;
        }
        // A kind whose detail is the same every time (a media type, a size) or made of a few
        // values it kept (a path, seconds, a reference): from the catalog.
        let detail_key = format!("problem-detail-{}", self.kind.slug());
        let words = self.words.as_deref();
        let detail_args: &[(&str, String)] = words.map_or(&[], |w| &w.args);
        if self.errors.is_empty()
            && self.denied.is_none()
            && words.is_none_or(|w| w.missing.is_none())
            && catalog.contains(lang, &detail_key)
            && catalog
                .variables(lang, &detail_key)
                .iter()
                .all(|v| detail_args.iter().any(|(k, _)| k == v))
        {
            self.detail = Some(ctx.tr_args(&detail_key, detail_args));
            any = true;
        }
        // The detail of broken rules, from the errors just worded (not of imports' lines or
        // batches' items, whose detail counts them).
        let itemized = self
            .errors
            .iter()
            .any(|e| e.line.is_some() || e.position.is_some());
        if self.denied.is_none() && every_worded && !itemized && !self.errors.is_empty() {
            let parts: Vec<String> = self
                .errors
                .iter()
                .zip(&names_field)
                .map(|(e, &names_field)| {
                    if names_field {
                        e.message.clone()
                    } else {
                        ctx.tr_args(
                            "field-error-with-label",
                            &[("field", e.field.clone()), ("message", e.message.clone())],
                        )
                    }
                })
                .collect();
            self.detail = Some(parts.join(" "));
        }
        any
    }
}

/// The catalogs, read once (`None` when they cannot be read).
fn catalog() -> Option<&'static std::sync::Arc<sailau_i18n::Catalog>> {
    static CATALOG: std::sync::LazyLock<Option<std::sync::Arc<sailau_i18n::Catalog>>> =
        std::sync::LazyLock::new(|| sailau_i18n::Catalog::new().ok().map(std::sync::Arc::new));
    CATALOG.as_ref()
}

/// The catalog key that words `rule` in a problem document: `problem-message-<rule>` where the
/// API words a rule otherwise than the pages (`field-required` names its field here, where a
/// page shows it beside the field's label), else the rule itself, as on the pages.
fn message_key(catalog: &sailau_i18n::Catalog, lang: sailau_i18n::Lang, rule: &str) -> String {
    let api = format!("problem-message-{rule}");
    if catalog.contains(lang, &api) {
        api
    } else {
        rule.to_owned()
    }
}

/// The message of `rule` in the catalogs' English with `args` ([`message_key`]), for problems
/// whose English `message` comes from the same catalog entry that words it in Russian and
/// Kazakh (malformed bodies and parameters). `None` when the catalogs cannot be read.
pub(crate) fn english(rule: &str, args: &[(&str, String)]) -> Option<String> {
    let catalog = catalog()?;
    let ctx = english_ctx()?;
    Some(ctx.tr_args(&message_key(catalog, sailau_i18n::Lang::En, rule), args))
}

/// The English catalog as a page context, read once (`None` when the catalogs cannot be read).
fn english_ctx() -> Option<&'static crate::pages::PageCtx> {
    static ENGLISH: std::sync::LazyLock<Option<crate::pages::PageCtx>> =
        std::sync::LazyLock::new(|| {
            Some(crate::pages::PageCtx::new(
                catalog()?.clone(),
                sailau_i18n::Lang::En,
                String::new(),
                String::new(),
                None,
            ))
        });
    ENGLISH.as_ref()
}

/// A refusal of authorization in plain English from the English catalog ("The role “Observer”
/// does not allow adding a polling station."), without internal identifiers such as
/// `create_precinct`; clients that translate use the error's `rule`.
fn denied_english(d: &Denied) -> String {
    match english_ctx() {
        Some(ctx) => ctx.denied(d),
        None => d.to_string(),
    }
}

/// A short random reference that ties a 500 answer to its log line.
fn reference() -> String {
    use rand::RngExt;
    let bytes: [u8; 6] = rand::rng().random();
    hex::encode(bytes)
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status, self.title)?;
        if let Some(d) = &self.detail {
            write!(f, ": {d}")?;
        }
        Ok(())
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let mut res = self.render();
        res.extensions_mut().insert(Rendered(Box::new(self)));
        res
    }
}

/// Marks a response as a rendered [`Problem`], so that [`fill_instance`] can complete it.
#[derive(Debug, Clone)]
struct Rendered(Box<Problem>);

impl From<AppError> for Problem {
    fn from(e: AppError) -> Problem {
        match e {
            AppError::Invalid(v) => Problem::invalid(&v),
            AppError::Forbidden(d) => Problem::denied(&d),
            AppError::BadCredentials => Problem::new(ProblemKind::BadCredentials)
                .with_detail(AppError::BadCredentials.to_string()),
            AppError::Throttled { retry_after_secs } => Problem::new(ProblemKind::Throttled)
                .with_detail(AppError::Throttled { retry_after_secs }.to_string())
                .with_detail_args(vec![("seconds", retry_after_secs.to_string())])
                .with_retry_after(retry_after_secs),
            AppError::NotFound(thing, id) => Problem::not_found(thing, id),
            AppError::BadRequest(detail) => {
                Problem::new(ProblemKind::BadRequest).with_detail(detail)
            }
            AppError::Batch { position, error } if error.is_client_error() => {
                Problem::refused(vec![(position, *error)], &|p, pe| pe.position = Some(p))
            }
            AppError::Rows(rows) => Problem::refused(rows, &|p, pe| pe.position = Some(p)),
            other => Problem::internal(&other),
        }
    }
}

impl From<ImportError> for Problem {
    fn from(e: ImportError) -> Problem {
        let file_error = |rule: &str, message: String| {
            Problem::new(ProblemKind::Invalid)
                .with_detail(format!("{message}; nothing was imported"))
                .with_error(ProblemError::new("file", rule, message))
        };
        match e {
            ImportError::Read(msg) => {
                file_error("file-unreadable", format!("cannot read the file: {msg}"))
            }
            ImportError::Empty => file_error("file-empty", ImportError::Empty.to_string()),
            ImportError::Header { expected } => {
                let mut pe = ProblemError::new(
                    "header",
                    "csv-header-invalid",
                    format!("the header row must be: {expected}"),
                );
                pe.line = Some(1);
                pe.args.insert("expected".into(), expected);
                Problem::new(ProblemKind::Invalid)
                    .with_detail(
                        "line 1: the header row is not the expected one; nothing was imported",
                    )
                    .with_error(pe)
            }
            ImportError::WrongFile { found, expected } => {
                let mut pe = ProblemError::new(
                    "file",
                    "import-wrong-file",
                    format!(
                        "this is a {} file; this import takes a {} file",
                        found.as_str(),
                        expected.as_str()
                    ),
                );
                pe.line = Some(1);
                pe.args.insert("kind".into(), found.as_str().into());
                Problem::new(ProblemKind::Invalid)
                    .with_detail(format!(
                        "this is a {} file, recognized by its header; nothing was imported",
                        found.as_str()
                    ))
                    .with_error(pe)
            }
            ImportError::Table(t) => {
                let (rule, mut pe_args) = match &t {
                    sailau_app::import::TableError::TooManyRows { max } => {
                        ("import-too-many-rows", vec![("max", max.to_string())])
                    }
                    sailau_app::import::TableError::Utf16WithoutBom => {
                        ("import-utf16-no-bom", vec![])
                    }
                    sailau_app::import::TableError::Workbook(reason) => (
                        "import-unreadable-workbook",
                        vec![("reason", reason.clone())],
                    ),
                    sailau_app::import::TableError::Empty => ("file-empty", vec![]),
                    sailau_app::import::TableError::SharedStringsTooLarge { max_mb } => (
                        "import-workbook-too-large",
                        vec![("max", max_mb.to_string())],
                    ),
                };
                let message = t.to_string();
                let mut pe = ProblemError::new("file", rule, message.clone());
                for (k, v) in pe_args.drain(..) {
                    pe.args.insert(k.into(), v);
                }
                Problem::new(ProblemKind::Invalid)
                    .with_detail(format!("{message}; nothing was imported"))
                    .with_error(pe)
            }
            ImportError::Rows(rows) => {
                let count = rows.len();
                Problem::new(ProblemKind::Invalid)
                    .with_detail(format!("{count} bad row(s); nothing was imported"))
                    .with_errors(rows.iter().map(row_error))
            }
            ImportError::RowsAndRefusals { rows, refused } => {
                let mut errors: Vec<ProblemError> = rows.iter().map(row_error).collect();
                errors.extend(refused.iter().map(|(line, d)| {
                    let mut pe = ProblemError::new("", d.key(), denied_english(d));
                    pe.line = Some(*line);
                    pe
                }));
                errors.sort_by_key(|e| e.line);
                Problem::new(ProblemKind::Invalid)
                    .with_detail(format!(
                        "{} bad row(s) and {} row(s) the account may not import; nothing was imported",
                        rows.len(),
                        refused.len()
                    ))
                    .with_errors(errors)
            }
            ImportError::App(e) => Problem::from(e),
        }
    }
}

fn row_error(r: &RowError) -> ProblemError {
    let mut pe = match &r.rule {
        Some(rule) => ProblemError {
            args: rule_args(&r.field, rule),
            ..ProblemError::new(r.field.clone(), rule.key(), r.message.clone())
        },
        None => ProblemError::new(r.field.clone(), "refused", r.message.clone()),
    };
    pe.line = Some(r.line);
    pe
}

/// Adds `Vary: Accept-Language` to an answer whose body depends on that header (pages, problem
/// documents), unless it is already named, so that caches keep one copy per language.
pub fn vary_on_language(headers: &mut axum::http::HeaderMap) {
    let named = headers.get_all(header::VARY).iter().any(|v| {
        v.to_str().is_ok_and(|v| {
            v.split(',')
                .any(|n| n.trim().eq_ignore_ascii_case("accept-language") || n.trim() == "*")
        })
    });
    if !named {
        headers.append(header::VARY, HeaderValue::from_static("accept-language"));
    }
}

/// Middleware for the API routes: completes problem documents with `instance` (the request's
/// path) and turns bare error answers that axum produced by itself (405 with an empty body, a
/// body-limit 413, ...) into problem documents, so that every API error is problem+json.
///
/// A request that names its languages (`Accept-Language`) gets the `title`, each broken rule's
/// `message` and the `detail` in the best of ru, kk and en (the same catalogs as the pages;
/// `Content-Language` says which); without the header, or with one that names none of the
/// three (`fr`, only `*`: [`sailau_i18n::negotiate_among`]), they stay in English, as clients
/// written before knew them, and no `Content-Language` is sent. `rule`, `field` and `args` never
/// change, for clients that translate themselves.
pub async fn fill_instance(req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let lang = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(sailau_i18n::negotiate_among);
    let mut res = next.run(req).await;
    if let Some(Rendered(problem)) = res.extensions().get::<Rendered>() {
        // Its messages are worded in the language `Accept-Language` asks for.
        if problem.instance.is_some() && lang.is_none() {
            vary_on_language(res.headers_mut());
            return res;
        }
        let mut problem = (**problem).clone();
        problem.instance.get_or_insert(path);
        let localized = lang.filter(|&lang| problem.localize(lang));
        let (parts, _) = res.into_parts();
        let mut completed = problem.render();
        vary_on_language(completed.headers_mut());
        if let Some(lang) = localized
            && let Ok(v) = HeaderValue::from_str(lang.code())
        {
            completed.headers_mut().insert(header::CONTENT_LANGUAGE, v);
        }
        // Keep headers a handler set beside the problem's own.
        for (name, value) in &parts.headers {
            if !completed.headers().contains_key(name) {
                completed.headers_mut().insert(name.clone(), value.clone());
            }
        }
        return completed;
    }
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(PROBLEM_JSON.as_bytes()));
    if is_problem {
        return res;
    }
    let kind = ProblemKind::of_status(status);
    let mut problem = Problem::new(kind);
    problem.status = status.as_u16();
    problem.instance = Some(path);
    let extra = ExtraHeaders {
        allow: res.headers().get(header::ALLOW).cloned(),
        retry_after_secs: res
            .headers()
            .get(header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok()),
    };
    if extra != ExtraHeaders::default() {
        problem.headers = Some(Box::new(extra));
    }
    if status.is_server_error() {
        tracing::error!(status = %status, path = %problem.instance.as_deref().unwrap_or(""), "bare server error from the API");
    }
    let localized = lang.filter(|&lang| problem.localize(lang));
    let mut completed = problem.render();
    vary_on_language(completed.headers_mut());
    if let Some(lang) = localized
        && let Ok(v) = HeaderValue::from_str(lang.code())
    {
        completed.headers_mut().insert(header::CONTENT_LANGUAGE, v);
    }
    completed
}

#[cfg(test)]
mod tests {
    use super::*;
    use sailau_domain::Rule;

    #[test]
    fn details_made_of_kept_values_are_worded_in_the_language_asked_for() {
        let mut p = Problem::from(AppError::Throttled {
            retry_after_secs: 30,
        });
        assert_eq!(
            p.detail.as_deref(),
            Some("too many failed sign-in attempts; try again in 30 s")
        );
        assert!(p.localize(sailau_i18n::Lang::Ru));
        assert_eq!(
            p.detail.as_deref(),
            Some("Слишком много неудачных попыток входа; повторите через 30 с.")
        );
        let mut p = Problem::internal(&"a test failure");
        let english = p.detail.clone().unwrap_or_default();
        let reference = english.rsplit(' ').next().unwrap_or_default().to_owned();
        assert!(p.localize(sailau_i18n::Lang::Kk));
        assert_eq!(
            p.detail,
            Some(format!(
                "Серверде ақау болды; себебі журналға {reference} нөмірімен жазылды."
            ))
        );
    }

    #[test]
    fn invalid_lists_every_field_with_rule_and_args() {
        let mut v = ValidationErrors::new();
        v.push("voters", Rule::VotersOutOfRange { max: 100_000 });
        v.push("address", Rule::FieldRequired);
        let p = Problem::from(AppError::Invalid(v));
        assert_eq!(p.status, 422);
        assert!(p.is(ProblemKind::Invalid));
        let json = serde_json::to_value(&p).unwrap_or_default();
        assert_eq!(json["errors"][0]["field"], "voters");
        assert_eq!(json["errors"][0]["rule"], "voters-out-of-range");
        assert_eq!(json["errors"][0]["args"]["max"], "100000");
        assert_eq!(json["errors"][1]["rule"], "field-required");
        assert_eq!(json["type"], "/problems/invalid");
        assert!(json.get("headers").is_none());
    }

    #[test]
    fn statuses() {
        assert_eq!(
            Problem::from(AppError::Forbidden(Denied::Anonymous)).status,
            401
        );
        let role = Denied::Role {
            role: sailau_domain::Role::Observer,
            command: sailau_domain::CommandKind::CreatePrecinct,
        };
        let p = Problem::from(AppError::Forbidden(role));
        assert_eq!(p.status, 403);
        let detail = p.detail.unwrap_or_default();
        assert!(
            detail.contains("Observer") && detail.contains("adding a polling station"),
            "{detail}"
        );
        assert!(!detail.contains("create_precinct"), "{detail}");
        assert_eq!(Problem::from(AppError::BadCredentials).status, 401);
        assert_eq!(
            Problem::from(AppError::Throttled {
                retry_after_secs: 3
            })
            .status,
            429
        );
        assert_eq!(
            Problem::from(AppError::NotFound(sailau_app::Thing::Other, "x".into())).status,
            404
        );
        assert_eq!(Problem::from(AppError::BadRequest("x".into())).status, 400);
        let internal = Problem::from(AppError::Ledger("secret cause".into()));
        assert_eq!(internal.status, 500);
        assert!(!internal.detail.unwrap_or_default().contains("secret"));
    }

    #[test]
    fn rows_carry_positions_or_lines() {
        let rows = vec![
            (
                0,
                AppError::Invalid(ValidationErrors::one("code", Rule::CodeTaken)),
            ),
            (
                2,
                AppError::Invalid(ValidationErrors::one("voters", Rule::NumberFormat)),
            ),
        ];
        let p = Problem::from_rows(AppError::Rows(rows), &[2, 3, 4]);
        assert_eq!(p.status, 422);
        assert_eq!(p.errors.len(), 2);
        assert_eq!(p.errors[0].line, Some(2));
        assert_eq!(p.errors[1].line, Some(4));
    }

    #[test]
    fn what_does_not_exist_is_worded_in_every_language() {
        let Some(catalog) = catalog() else {
            panic!("the catalogs do not load");
        };
        for &what in Missing::ALL {
            for lang in sailau_i18n::Lang::ALL {
                let key = not_found_key(what);
                assert!(catalog.contains(lang, &key), "{lang} {key}");
                let want: &[&str] = if what == Missing::Other { &[] } else { &["id"] };
                let vars = catalog.variables(lang, &key);
                assert!(
                    vars.iter().map(String::as_str).eq(want.iter().copied()),
                    "{lang} {key}"
                );
            }
        }
        // Without a language, the English detail as before; with one, the catalog's.
        let mut p = Problem::not_found(Missing::Territory, "631010000");
        assert_eq!(
            p.detail.as_deref(),
            Some("territory 631010000 does not exist")
        );
        assert!(p.localize(sailau_i18n::Lang::Kk));
        assert_eq!(p.detail.as_deref(), Some("631010000 аумағы табылмады."));
        // The app's "not found" says what and which: worded like the web's own.
        let conference = || {
            Problem::from(AppError::NotFound(
                sailau_app::Thing::Conference,
                "42".into(),
            ))
        };
        assert_eq!(
            conference().detail.as_deref(),
            Some("conference 42 does not exist")
        );
        let mut p = conference();
        assert!(p.localize(sailau_i18n::Lang::En));
        assert_eq!(p.detail.as_deref(), Some("Conference 42 does not exist."));
        let mut p = conference();
        assert!(p.localize(sailau_i18n::Lang::Ru));
        assert_eq!(
            p.detail.as_deref(),
            Some("Конференция с идентификатором 42 не найдена.")
        );
        // Only the demo's own things are named in English words, worded generically.
        let mut p = Problem::from(AppError::NotFound(
            sailau_app::Thing::Other,
            "a demo party".into(),
        ));
        assert!(p.localize(sailau_i18n::Lang::En));
        assert_eq!(p.detail.as_deref(), Some("a demo party does not exist"));
        assert!(p.localize(sailau_i18n::Lang::Ru));
        assert_eq!(p.detail.as_deref(), Some("Запрошенная запись не найдена."));
    }

    #[test]
    fn slugs_round_trip() {
        for &k in ProblemKind::ALL {
            assert_eq!(ProblemKind::from_slug(k.slug()), Some(k));
        }
        assert_eq!(ProblemKind::ALL.len(), 14);
        assert_eq!(ProblemKind::CsrfToken.slug(), "csrf-token");
        assert_eq!(
            ProblemKind::UnsupportedMediaType.slug(),
            "unsupported-media-type"
        );
        assert_eq!(ProblemKind::from_slug("Invalid"), None);
    }
}

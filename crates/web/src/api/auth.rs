//! Signing in and out through the API, and who the caller is.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::extract::{ApiJson, ClientAddress, SignedIn};
use super::territories::storage;
use super::types::RoleName;
use crate::WebState;
use crate::problem::Problem;
use crate::session;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
/// A username and a password, to sign in.
pub struct Credentials {
    /// 3–64 characters: a–z, 0–9, dot, hyphen, underscore. Any other name is refused like a
    /// wrong password (401), and counted against the client.
    #[schema(pattern = r"^[a-z0-9._-]{3,64}$")]
    pub username: String,
    /// The password (never logged, never stored but as its argon2id hash).
    pub password: String,
}

/// A new session.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SessionCreated {
    /// Send it as `Authorization: Bearer <token>`.
    pub token: String,
    /// Only for requests authenticated by the session cookie instead: send it as `X-CSRF-Token`.
    pub csrf_token: String,
    /// When the session ends (RFC 3339, UTC).
    #[schema(format = DateTime)]
    pub expires_at: String,
    /// The same, in milliseconds since the Unix epoch.
    pub expires_at_ms: i64,
}

/// Signs in: checks the username and password and opens a session.
///
/// Failed attempts are throttled per account and per client address.
#[utoipa::path(
    post, path = "/api/v1/session", tag = "session",
    request_body = Credentials,
    responses(
        (status = 201, description = "Signed in", body = SessionCreated),
        (status = 401, description = "Wrong username or password, or a deactivated account", body = Problem),
        (status = 422, description = "A field is missing or mistyped", body = Problem),
        (status = 429, description = "Too many failed attempts; see Retry-After", body = Problem, content_type = "application/problem+json",
            headers(("retry-after" = u64, description = "Seconds to wait"))),
    )
)]
pub async fn create_session(
    State(state): State<WebState>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    ApiJson(body): ApiJson<Credentials>,
) -> Result<impl IntoResponse, Problem> {
    // The app validates the username (and counts a malformed one against the client) before
    // anything reaches storage.
    let device = session::cookie(&headers, session::DEVICE_COOKIE);
    let s = state
        .app
        .login_from_device(&body.username, &body.password, &client, device.as_deref())
        .await?;
    let expires_at = jiff::Timestamp::from_millisecond(s.expires_at_ms)
        .map(|t| t.to_string())
        .unwrap_or_default();
    let mut response_headers = HeaderMap::new();
    session::set_login_cookies(&mut response_headers, &s, state.app.now_ms(), &state.config);
    Ok((
        StatusCode::CREATED,
        response_headers,
        axum::Json(SessionCreated {
            token: s.token,
            csrf_token: s.csrf_token,
            expires_at,
            expires_at_ms: s.expires_at_ms,
        }),
    ))
}

/// Signs out: ends the session of the token (or cookie) the request carries.
///
/// Ending a session that has already ended is not an error.
#[utoipa::path(
    delete, path = "/api/v1/session", tag = "session",
    security(("bearer" = [])),
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "No session token in the request", body = Problem),
    )
)]
pub async fn delete_session(
    State(state): State<WebState>,
    headers: HeaderMap,
) -> Result<StatusCode, Problem> {
    // Signing out is not CSRF-protected on purpose: the worst a forged request can do is sign
    // the victim out.
    let Some((token, _)) = session::session_token(&headers) else {
        return Err(Problem::unauthorized());
    };
    state.app.logout(&token).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The signed-in caller.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Me {
    /// 3–64 characters: a–z, 0–9, dot, hyphen, underscore.
    pub username: String,
    /// The name shown for the account.
    pub display_name: String,
    /// The role.
    pub role: RoleName,
    /// As in accounts: `global`, `territory:CODE`, ...
    pub scope: String,
    /// The session's CSRF token, for cookie-authenticated requests that change state.
    pub csrf_token: String,
}

/// Who the caller is.
#[utoipa::path(
    get, path = "/api/v1/me", tag = "session",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The signed-in account", body = Me),
        (status = 401, description = "Not signed in", body = Problem),
    )
)]
pub async fn me(
    State(state): State<WebState>,
    SignedIn(user): SignedIn,
) -> Result<axum::Json<Me>, Problem> {
    let p = &user.principal;
    let display_name = state
        .app
        .store()
        .account(&p.username)
        .await
        .map_err(storage)?
        .map(|a| a.display_name)
        .unwrap_or_default();
    Ok(axum::Json(Me {
        username: p.username.to_string(),
        display_name,
        role: p.role.into(),
        scope: p.scope.to_string(),
        csrf_token: user.csrf_token.clone(),
    }))
}

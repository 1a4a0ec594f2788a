//! Who is asking: the session behind a request, and the CSRF check for state-changing requests.
//!
//! A request is authenticated by **either** an `Authorization: Bearer <token>` header (API
//! clients) **or** the `sailau_session` cookie (browsers). When an `Authorization` header is
//! present, only it counts — the cookie is ignored — so that "bearer-authenticated" is decided by
//! the request alone. Tokens are the session tokens `App::login` returns; sessions live in the
//! database, so every server instance sees the same ones.
//!
//! Cookie-authenticated unsafe requests must carry the session's CSRF token, in the form field
//! `csrf` or the `X-CSRF-Token` header ([`check_csrf`]). Bearer requests need none: a browser
//! never attaches an `Authorization` header on its own.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header::{AUTHORIZATION, COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use cookie::{Cookie, SameSite};

pub use sailau_app::SessionInfo;

use crate::{WebConfig, WebState};

/// The name of the session cookie.
pub const SESSION_COOKIE: &str = "sailau_session";
/// The name of the device cookie: set at a successful sign-in, it lets this browser past the
/// per-account and per-address sign-in limits that strangers' failures may have reached.
pub const DEVICE_COOKIE: &str = "sailau_device";
/// The name of the CSRF form field.
pub const CSRF_FIELD: &str = "csrf";
/// The name of the CSRF header.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// How a request proved who it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthVia {
    /// `Authorization: Bearer …`.
    Bearer,
    /// The `sailau_session` cookie.
    Cookie,
}

/// The signed-in user of a request, or `None` for the anonymous public.
///
/// An axum extractor: `async fn handler(CurrentUser(user): CurrentUser)`. A token that is unknown,
/// expired, or belongs to a deactivated account gives `None`. A database failure while looking the
/// session up is logged and also gives `None` (fail closed: the request proceeds as anonymous).
#[derive(Debug, Clone)]
pub struct CurrentUser(pub Option<SessionInfo>);

impl CurrentUser {
    /// The principal, for `sailau_domain::authorize` and `Acting::Account`.
    pub fn principal(&self) -> Option<&sailau_domain::Principal> {
        self.0.as_ref().map(|s| &s.principal)
    }
}

/// What the extractor found, cached in the request's extensions so that it is looked up once.
#[derive(Debug, Clone)]
struct Resolved {
    user: Option<SessionInfo>,
}

impl FromRequestParts<WebState> for CurrentUser {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &WebState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(r) = parts.extensions.get::<Resolved>() {
            return Ok(CurrentUser(r.user.clone()));
        }
        let user = match session_token(&parts.headers) {
            Some((token, _)) => match state.app.session(&token).await {
                Ok(s) => s,
                Err(e) => {
                    tracing::error!(error = %e, "session lookup failed; treating the request as anonymous");
                    None
                }
            },
            None => None,
        };
        parts.extensions.insert(Resolved { user: user.clone() });
        Ok(CurrentUser(user))
    }
}

/// The session token a request carries and how: the bearer token when an `Authorization` header is
/// present (even a malformed one gives `None` rather than falling back to the cookie), the cookie
/// otherwise.
pub fn session_token(headers: &HeaderMap) -> Option<(String, AuthVia)> {
    if let Some(value) = headers.get(AUTHORIZATION) {
        let value = value.to_str().ok()?.trim();
        let (scheme, token) = value.split_once(' ')?;
        let token = token.trim();
        if scheme.eq_ignore_ascii_case("bearer") && is_token_shaped(token) {
            return Some((token.to_owned(), AuthVia::Bearer));
        }
        return None;
    }
    cookie(headers, SESSION_COOKIE)
        .filter(|t| is_token_shaped(t))
        .map(|t| (t, AuthVia::Cookie))
}

/// How the request authenticates, if it carries a token at all (whether or not it is valid).
pub fn auth_via(headers: &HeaderMap) -> Option<AuthVia> {
    session_token(headers).map(|(_, via)| via)
}

/// Tokens are hex; anything else is not worth a database round trip.
fn is_token_shaped(token: &str) -> bool {
    !token.is_empty() && token.len() <= 256 && token.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// The value of a cookie by name (all `Cookie` headers are searched), parsed by the `cookie`
/// crate (RFC 6265 pairs, surrounding spaces and double quotes removed); malformed pairs are
/// skipped.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name)
        .map(|c| c.value_trimmed().to_owned())
}

/// A `Set-Cookie` value written by the `cookie` crate: `Path=/`, `Max-Age` in seconds (negative
/// counts as 0, which removes the cookie), `Secure` when the server says cookies must be
/// (`--secure-cookies`). `None` only if the value holds characters a header cannot carry.
pub fn set_cookie(
    name: &'static str,
    value: impl Into<String>,
    max_age_secs: i64,
    same_site: SameSite,
    http_only: bool,
    config: &WebConfig,
) -> Option<HeaderValue> {
    let cookie = Cookie::build((name, value.into()))
        .path("/")
        .http_only(http_only)
        .same_site(same_site)
        .max_age(cookie::time::Duration::seconds(max_age_secs.max(0)))
        .secure(config.secure_cookies)
        .build();
    HeaderValue::from_str(&cookie.to_string()).ok()
}

/// Why a state-changing request was refused before it reached the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CsrfError {
    /// A cookie-authenticated request without the session's CSRF token (or with another one).
    #[error("the form's security token is missing or out of date; reload the page and try again")]
    TokenMismatch,
}

/// Checks CSRF for an unsafe request by `session`.
///
/// Bearer-authenticated requests pass. Cookie-authenticated ones pass when `form_token` (the
/// `csrf` form field, if the handler parsed one) or the `X-CSRF-Token` header equals the session's
/// CSRF token. Call it in every handler that changes state, after parsing the body and before
/// calling the app.
pub fn check_csrf(
    headers: &HeaderMap,
    session: &SessionInfo,
    form_token: Option<&str>,
) -> Result<(), CsrfError> {
    if auth_via(headers) == Some(AuthVia::Bearer) {
        return Ok(());
    }
    let header_token = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
    let expected = session.csrf_token.as_bytes();
    let ok = [form_token, header_token]
        .into_iter()
        .flatten()
        .any(|given| constant_time_eq(given.trim().as_bytes(), expected));
    if ok && !expected.is_empty() {
        Ok(())
    } else {
        Err(CsrfError::TokenMismatch)
    }
}

/// Compares in time independent of where the bytes differ (`subtle`; the length is not secret).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    subtle::ConstantTimeEq::ct_eq(a, b).into()
}

/// The `Set-Cookie` value that stores a session token (HttpOnly, SameSite=Lax, Path=/, Secure per
/// config), for `max_age_secs` seconds.
pub fn session_cookie(token: &str, max_age_secs: i64, config: &WebConfig) -> Option<HeaderValue> {
    set_cookie(
        SESSION_COOKIE,
        token,
        max_age_secs,
        SameSite::Lax,
        true,
        config,
    )
}

/// Adds the `Set-Cookie` headers of a new session: the session cookie and, when the app issued
/// one, the device cookie (HttpOnly, SameSite=Strict, Path=/, Secure per config).
pub fn set_login_cookies(
    headers: &mut HeaderMap,
    s: &sailau_app::NewSession,
    now_ms: i64,
    config: &WebConfig,
) {
    if let Some(cookie) = session_cookie(&s.token, (s.expires_at_ms - now_ms) / 1000, config) {
        headers.append(SET_COOKIE, cookie);
    }
    if let Some(device) = &s.device_token {
        let max_age = (s.device_expires_at_ms - now_ms) / 1000;
        if let Some(v) = set_cookie(
            DEVICE_COOKIE,
            device,
            max_age,
            SameSite::Strict,
            true,
            config,
        ) {
            headers.append(SET_COOKIE, v);
        }
    }
}

/// The `Set-Cookie` value that removes the session cookie (`Max-Age=0`).
pub fn clear_session_cookie(config: &WebConfig) -> HeaderValue {
    set_cookie(SESSION_COOKIE, "", 0, SameSite::Lax, true, config).unwrap_or(
        HeaderValue::from_static("sailau_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    )
}

/// The client's address for login throttling. Behind a trusted proxy (`trust_forwarded_for`):
/// the **last** `X-Forwarded-For` entry, the address the proxy itself saw and appended (the
/// entries before it are whatever the client sent, and a client choosing its own address would
/// escape throttling); it must parse as an IP address (`client-ip`'s
/// `rightmost_x_forwarded_for`, the rightmost entry of the last header). Otherwise the peer address (when the
/// server was started with connect info), else `"unknown"`.
pub fn client_address(
    parts_headers: &HeaderMap,
    peer: Option<SocketAddr>,
    config: &WebConfig,
) -> String {
    if config.trust_forwarded_for
        && let Ok(last) = client_ip::rightmost_x_forwarded_for(parts_headers)
    {
        return last.to_string();
    }
    peer.map(|p| p.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The client's address for login throttling, as an extractor (see [`client_address`]).
#[derive(Debug, Clone)]
pub struct ClientAddr(pub String);

impl FromRequestParts<WebState> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &WebState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientAddr(client_address(
            &parts.headers,
            peer_address(parts),
            &state.config,
        )))
    }
}

/// The peer address of a request, when the server runs with
/// `into_make_service_with_connect_info::<SocketAddr>()`.
pub fn peer_address(parts: &Parts) -> Option<SocketAddr> {
    parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ConnectInfo(a)| *a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn bearer_wins_over_cookie() {
        let h = headers(&[
            ("authorization", "Bearer abc123"),
            ("cookie", "sailau_session=def"),
        ]);
        assert_eq!(session_token(&h), Some(("abc123".into(), AuthVia::Bearer)));
        let h = headers(&[
            ("authorization", "Basic xyz"),
            ("cookie", "sailau_session=def"),
        ]);
        assert_eq!(session_token(&h), None);
        let h = headers(&[("cookie", "a=1; sailau_session=def ; b=2")]);
        assert_eq!(session_token(&h), Some(("def".into(), AuthVia::Cookie)));
        let h = headers(&[("cookie", "sailau_session=../x")]);
        assert_eq!(session_token(&h), None);
    }

    #[test]
    fn behind_a_trusted_proxy_the_client_is_the_address_the_proxy_appended() {
        let trusted = WebConfig {
            trust_forwarded_for: true,
            ..WebConfig::default()
        };
        let peer: Option<SocketAddr> = "10.0.0.1:4000".parse().ok();
        // The client sent a forged first entry; the proxy appended the real address.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, 203.0.113.7")]);
        assert_eq!(client_address(&h, peer, &trusted), "203.0.113.7");
        // Several headers: the proxy's is the last.
        let h = headers(&[
            ("x-forwarded-for", "1.2.3.4"),
            ("x-forwarded-for", "2001:db8::1"),
        ]);
        assert_eq!(client_address(&h, peer, &trusted), "2001:db8::1");
        // Garbage is not an address: the peer is used.
        let h = headers(&[("x-forwarded-for", "1.2.3.4, not-an-ip")]);
        assert_eq!(client_address(&h, peer, &trusted), "10.0.0.1");
        // Without trust the header is ignored.
        let h = headers(&[("x-forwarded-for", "203.0.113.7")]);
        assert_eq!(client_address(&h, peer, &WebConfig::default()), "10.0.0.1");
    }

    #[test]
    fn csrf() {
        let s = SessionInfo {
            principal: sailau_domain::Principal {
                username: sailau_domain::Username::parse("admin")
                    .unwrap_or_else(|_| unreachable!()),
                role: sailau_domain::Role::Administrator,
                scope: sailau_domain::Scope::Global,
            },
            csrf_token: "t0k".into(),
        };
        let cookie = headers(&[("cookie", "sailau_session=abc")]);
        assert!(check_csrf(&cookie, &s, Some("t0k")).is_ok());
        assert!(check_csrf(&cookie, &s, Some("nope")).is_err());
        assert!(check_csrf(&cookie, &s, None).is_err());
        let with_header = headers(&[("cookie", "sailau_session=abc"), ("x-csrf-token", "t0k")]);
        assert!(check_csrf(&with_header, &s, None).is_ok());
        let bearer = headers(&[("authorization", "Bearer abc")]);
        assert!(check_csrf(&bearer, &s, None).is_ok());
    }
}

//! Security headers on every response, and the same-origin check for forms posted before a
//! session exists (the login form).
//!
//! CSRF for signed-in users is checked per handler with [`crate::session::check_csrf`]: every
//! state-changing form carries the session's token in the hidden field `csrf`.

use axum::extract::Request;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, CONTENT_TYPE, HOST, ORIGIN, REFERRER_POLICY, VARY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use crate::WebConfig;
use crate::session;

/// The Content-Security-Policy: everything from this origin only, no framing, no plugins, forms
/// only to this origin. Pages have no inline scripts or styles.
pub const CSP: &str = "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

/// Features no page of sailau uses.
pub const PERMISSIONS_POLICY: &str = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/// Adds the security headers to every response; `Cache-Control: no-store` to responses for a
/// signed-in user (or that set a cookie), `no-cache` to other HTML pages.
pub async fn headers(req: Request, next: Next) -> Response {
    let authenticated = session::session_token(req.headers()).is_some();
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    h.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    let is_html = h
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let sets_cookie = h.contains_key(axum::http::header::SET_COOKIE);
    if authenticated || sets_cookie {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    } else if is_html && !h.contains_key(CACHE_CONTROL) {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    if is_html {
        // Pages depend on the language cookie, the session and Accept-Language.
        h.append(VARY, HeaderValue::from_static("Cookie, Accept-Language"));
    }
    res
}

/// Whether a request comes from a page of this site: no `Sec-Fetch-Site: cross-site`, and an
/// `Origin` header, when present, naming this host. Requests without either (non-browser
/// clients, old browsers) pass; SameSite cookies and CSRF tokens protect the rest.
pub fn same_origin(headers: &HeaderMap, config: &WebConfig) -> bool {
    if headers
        .get("sec-fetch-site")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("cross-site"))
    {
        return false;
    }
    let Some(origin) = headers.get(ORIGIN).and_then(|v| v.to_str().ok()) else {
        return true;
    };
    let origin_host = origin
        .split_once("://")
        .map(|(_, rest)| rest.trim_end_matches('/'))
        .unwrap_or("");
    if origin_host.is_empty() {
        // "null" (sandboxed or privacy-sensitive contexts) or garbage.
        return false;
    }
    let mut hosts = Vec::new();
    if let Some(h) = headers.get(HOST).and_then(|v| v.to_str().ok()) {
        hosts.push(h);
    }
    if config.trust_forwarded_for
        && let Some(h) = headers
            .get("x-forwarded-host")
            .and_then(|v| v.to_str().ok())
    {
        hosts.push(h);
    }
    if hosts.is_empty() {
        return true;
    }
    hosts.iter().any(|h| h.eq_ignore_ascii_case(origin_host))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut m = HeaderMap::new();
        for (k, v) in pairs {
            m.insert(*k, HeaderValue::from_static(v));
        }
        m
    }

    #[test]
    fn origins() {
        let c = WebConfig::default();
        assert!(same_origin(&h(&[]), &c));
        assert!(same_origin(
            &h(&[
                ("host", "127.0.0.1:8080"),
                ("origin", "http://127.0.0.1:8080")
            ]),
            &c
        ));
        assert!(!same_origin(
            &h(&[
                ("host", "127.0.0.1:8080"),
                ("origin", "https://evil.example")
            ]),
            &c
        ));
        assert!(!same_origin(
            &h(&[("host", "127.0.0.1:8080"), ("origin", "null")]),
            &c
        ));
        assert!(!same_origin(&h(&[("sec-fetch-site", "cross-site")]), &c));
    }
}

//! sailau's web interface over the app layer: server-rendered HTML pages and the JSON API.
//!
//! **Architecture invariant:** only this crate knows HTTP, HTML and JSON wire formats. Handlers are
//! thin: they parse the request, call `sailau_app::App`, and render the answer. They never decide
//! what is allowed or valid — the app layer and the domain do, for every interface alike.
//!
//! Layout: `pages/` (HTML), `api/` (JSON under `/api/v1` and the public ledger under `/api/ledger`,
//! with the OpenAPI document built from the same route definitions), `session.rs` (who is asking),
//! `security.rs` (headers, CSRF), `problem.rs` (RFC 9457 errors).

pub mod api;
pub mod pages;
pub mod problem;
pub mod security;
pub mod session;

use std::sync::Arc;

use axum::Router;
use sailau_app::App;
use sailau_i18n::Catalog;

/// How the web layer is configured.
#[derive(Debug, Clone, Default)]
pub struct WebConfig {
    /// Set the `Secure` flag on cookies (when served over HTTPS, directly or behind a proxy).
    pub secure_cookies: bool,
    /// Trust `X-Forwarded-For` for the client address (login throttling) — only behind a proxy.
    pub trust_forwarded_for: bool,
}

/// Shared by every handler.
#[derive(Clone)]
pub struct WebState {
    pub app: App,
    pub i18n: Arc<Catalog>,
    pub config: Arc<WebConfig>,
    /// The server runs on the demo registry (the home page says the data is partly synthetic).
    pub demo: bool,
}

impl WebState {
    pub fn new(app: App, config: WebConfig) -> Result<WebState, sailau_i18n::I18nError> {
        Ok(WebState {
            app,
            i18n: Arc::new(Catalog::new()?),
            config: Arc::new(config),
            demo: false,
        })
    }

    /// Marks the state as serving the demo registry (`sailau serve --demo`).
    pub fn with_demo(mut self, demo: bool) -> WebState {
        self.demo = demo;
        self
    }
}

/// The whole application: pages, API, static assets, security headers.
pub fn router(state: WebState) -> Router {
    Router::new()
        .merge(pages::router())
        .merge(api::router())
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            pages::remember_lang,
        ))
        .layer(axum::middleware::from_fn(security::headers))
        // Nothing in sailau panics by design (the lints forbid it); should a dependency ever do so,
        // the request gets a plain 500 and the server keeps serving.
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .with_state(state)
}

//! sailau's web interface over the app layer: server-rendered HTML pages and the JSON API.
//!
//! **Architecture invariant:** only this crate knows HTTP, HTML and JSON wire formats. Handlers are
//! thin: they parse the request, call `sailau_app::App`, and render the answer. They never decide
//! what is allowed or valid — the app layer and the domain do, for every interface alike.
//!
//! Layout: `pages/` (HTML), `api/` (JSON under `/api/v1` and the public ledger under `/api/ledger`,
//! with the OpenAPI document built from the same route definitions), `session.rs` (who is asking),
//! `security.rs` (headers, CSRF), `problem.rs` (RFC 9457 errors).

#![warn(missing_docs)]

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

/// Which source this server runs, and where its users get it (sailau is AGPL: a server must offer
/// its users the source of the version it runs).
#[derive(Debug, Clone)]
pub struct SourceInfo {
    /// The crate version (`0.1.0`).
    pub version: &'static str,
    /// The git commit the binary was built from (`-modified` when the checkout had uncommitted
    /// changes, `unknown` outside a git checkout), recorded by the build script.
    pub commit: &'static str,
    /// Where to get the source: set by the operator (`--source-url`); `None` sends the footer's
    /// link to the `/source` page, which names the version and commit and whom to ask.
    pub url: Option<String>,
}

impl Default for SourceInfo {
    fn default() -> SourceInfo {
        SourceInfo {
            version: env!("CARGO_PKG_VERSION"),
            commit: env!("SAILAU_COMMIT"),
            url: None,
        }
    }
}

impl SourceInfo {
    /// The commit shortened for display (12 hex digits, with `-modified` kept).
    pub fn short_commit(&self) -> String {
        let (hash, rest) = match self.commit.split_once('-') {
            Some((h, r)) => (h, format!("-{r}")),
            None => (self.commit, String::new()),
        };
        if hash.len() > 12 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            format!("{}{rest}", &hash[..12])
        } else {
            self.commit.to_owned()
        }
    }

    /// Where the footer's "source code" link points.
    pub fn href(&self) -> &str {
        self.url.as_deref().unwrap_or("/source")
    }
}

/// Shared by every handler.
#[derive(Clone)]
pub struct WebState {
    /// The application layer (commands, reads, sessions).
    pub app: App,
    /// The message catalogs.
    pub i18n: Arc<Catalog>,
    /// How the server is deployed (cookies, proxy).
    pub config: Arc<WebConfig>,
    /// The server runs on the demo registry (the home page says the data is partly synthetic).
    pub demo: bool,
    /// The running version and where its source is.
    pub source: Arc<SourceInfo>,
    /// When the server runs on a simulated clock (`sailau serve --clock-start`, tests and
    /// demonstrations only): the instant it started at, in milliseconds since the Unix epoch.
    /// Every page then shows a banner saying so.
    pub simulated_clock: Option<i64>,
    /// i12-results: rendered anonymous results pages, keyed by the ledger size they show.
    pub results_pages: Arc<pages::elections::results::PageCache>,
}

impl WebState {
    /// The state of a server over `app`: loads the catalogs.
    ///
    /// # Errors
    /// When a catalog does not parse (a bug caught by the i18n tests).
    pub fn new(app: App, config: WebConfig) -> Result<WebState, sailau_i18n::I18nError> {
        Ok(WebState {
            app,
            i18n: Arc::new(Catalog::new()?),
            config: Arc::new(config),
            demo: false,
            source: Arc::new(SourceInfo::default()),
            simulated_clock: None,
            results_pages: Arc::default(),
        })
    }

    /// Where users get the source of this server (`None`: the `/source` page says whom to ask).
    pub fn with_source_url(mut self, url: Option<String>) -> WebState {
        let url = url.map(|u| u.trim().to_owned()).filter(|u| !u.is_empty());
        self.source = Arc::new(SourceInfo {
            url,
            ..SourceInfo::default()
        });
        self
    }

    /// Marks the server as running on a simulated clock that started at `start_ms` (milliseconds
    /// since the Unix epoch; `None`: the system's clock). Pages show a banner while it is set.
    pub fn with_simulated_clock(mut self, start_ms: Option<i64>) -> WebState {
        self.simulated_clock = start_ms;
        self
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

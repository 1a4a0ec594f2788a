#![allow(dead_code)]
//! The test harness: one [`TestApp`] per database backend, driven in-process with
//! `tower::ServiceExt::oneshot` (no ports).
//!
//! ```ignore
//! for t in common::backends().await {
//!     let admin = t.login(Role::Administrator, Scope::Global).await;
//!     let r = t.get_as("/account", &admin).await;
//!     assert_eq!(r.status, 200, "{}", t.backend);
//! }
//! ```
//!
//! SQLite (a temporary file) always; PostgreSQL as well when `SAILAU_TEST_POSTGRES_URL` is set,
//! each `TestApp` in a fresh database `sailau_t_<random>` that is dropped afterwards. Under
//! `CI=true` a missing or unreachable PostgreSQL fails the test instead of skipping it.

use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use http_body_util::BodyExt;
use sailau_app::{Acting, App, Config};
use sailau_domain::{Account, Role, Scope, Username};
use sailau_web::{WebConfig, WebState};
use tower::ServiceExt;

use crate::databases;

/// An application under test with its router.
pub struct TestApp {
    /// `"sqlite"` or `"postgres"`: put it in assertion messages.
    pub backend: &'static str,
    pub app: App,
    pub router: Router,
    _dir: tempfile::TempDir,
    pg: Option<databases::TestDatabase>,
}

/// A signed-in test user.
#[derive(Debug, Clone)]
pub struct Login {
    pub username: String,
    pub password: String,
    pub token: String,
    pub csrf: String,
}

impl Login {
    /// The `Cookie` header value that carries this session.
    pub fn cookie(&self) -> String {
        format!("sailau_session={}", self.token)
    }
}

/// A response with its body read.
#[derive(Debug)]
pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body's bytes as sent (PDF files and other binary answers).
    pub bytes: Vec<u8>,
}

impl TestResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    /// Every `Set-Cookie` header.
    pub fn set_cookies(&self) -> Vec<String> {
        self.headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok().map(str::to_owned))
            .collect()
    }
    /// The body as JSON (panics with the body when it is not).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
    /// Where a redirect points.
    pub fn location(&self) -> Option<&str> {
        self.header("location")
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

fn unique(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}{n}")
}

/// A clock the test moves by hand (the elections pages walk an election's calendar with it).
#[derive(Debug, Default)]
pub struct ManualClock(std::sync::atomic::AtomicI64);

impl ManualClock {
    /// A clock standing at `at`.
    pub fn at(at: jiff::Timestamp) -> std::sync::Arc<ManualClock> {
        std::sync::Arc::new(ManualClock(std::sync::atomic::AtomicI64::new(
            at.as_millisecond(),
        )))
    }
    /// Moves the clock to `at`.
    pub fn set(&self, at: jiff::Timestamp) {
        self.0.store(at.as_millisecond(), Ordering::SeqCst);
    }
}

impl sailau_app::Clock for ManualClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// One [`TestApp`] per available backend, each on its own clock (SQLite's first).
pub async fn backends_with_clocks(
    at: jiff::Timestamp,
) -> Vec<(TestApp, std::sync::Arc<ManualClock>)> {
    let mut apps = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::at(at);
    let url = format!("sqlite:{}", dir.path().join("sailau.db").display());
    let store = sailau_app::storage::Store::connect(&url).await.unwrap();
    let key = sailau_app::load_or_create_key(&ledger_key(&dir)).unwrap();
    let app = App::with_parts(store, key, clock.clone());
    apps.push((TestApp::with(app, "sqlite", dir, None), clock));
    if let Some(db) = databases::postgres().await {
        let dir = tempfile::tempdir().unwrap();
        let clock = ManualClock::at(at);
        let store = sailau_app::storage::Store::connect(&db.url)
            .await
            .unwrap_or_else(|e| panic!("opening {}: {e}", db.url));
        let key = sailau_app::load_or_create_key(&ledger_key(&dir)).unwrap();
        let app = App::with_parts(store, key, clock.clone());
        apps.push((TestApp::with(app, "postgres", dir, Some(db)), clock));
    }
    apps
}

/// One [`TestApp`] per available backend.
pub async fn backends() -> Vec<TestApp> {
    let mut apps = vec![TestApp::sqlite().await];
    if let Some(pg) = TestApp::postgres().await {
        apps.push(pg);
    }
    apps
}

fn ledger_key(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("ledger.key")
}

impl TestApp {
    /// A fresh temporary-file SQLite database.
    pub async fn sqlite() -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", dir.path().join("sailau.db").display());
        let app = App::open(&Config {
            database_url: url,
            ledger_key_path: ledger_key(&dir),
        })
        .await
        .unwrap();
        TestApp::with(app, "sqlite", dir, None)
    }

    /// A fresh PostgreSQL database from the shared helper (`SAILAU_TEST_POSTGRES_URL`; required
    /// under CI; skipping is said aloud).
    pub async fn postgres() -> Option<TestApp> {
        let db = databases::postgres().await?;
        let dir = tempfile::tempdir().unwrap();
        let app = App::open(&Config {
            database_url: db.url.clone(),
            ledger_key_path: ledger_key(&dir),
        })
        .await
        .unwrap_or_else(|e| panic!("opening {}: {e}", db.url));
        Some(TestApp::with(app, "postgres", dir, Some(db)))
    }

    fn with(
        app: App,
        backend: &'static str,
        dir: tempfile::TempDir,
        pg: Option<databases::TestDatabase>,
    ) -> TestApp {
        // A failing client waits a minute (not a second) after its free attempts, so that tests
        // of throttling do not depend on how fast they run.
        let app = app.with_login_policy(sailau_app::LoginPolicy {
            client_first_delay_ms: 60_000,
            ..sailau_app::LoginPolicy::default()
        });
        TestApp::with_config(app, backend, dir, pg, WebConfig::default())
    }

    /// The same application behind another web configuration (e.g. `trust_forwarded_for`).
    pub fn reconfigured(self, config: WebConfig) -> TestApp {
        let TestApp {
            backend,
            app,
            _dir,
            pg,
            ..
        } = self;
        TestApp::with_config(app, backend, _dir, pg, config)
    }

    fn with_config(
        app: App,
        backend: &'static str,
        dir: tempfile::TempDir,
        pg: Option<databases::TestDatabase>,
        config: WebConfig,
    ) -> TestApp {
        let state = WebState::new(app.clone(), config).unwrap();
        TestApp {
            backend,
            app,
            router: sailau_web::router(state),
            _dir: dir,
            pg,
        }
    }

    /// The URL of the test's database, for raw SQL in tests that break what the app wrote.
    pub fn database_url(&self) -> String {
        match &self.pg {
            Some(db) => db.url.clone(),
            None => format!("sqlite:{}", self._dir.path().join("sailau.db").display()),
        }
    }

    /// Loads the whole demo registry (17 regions, 1,491 precincts, 7 parties, demo accounts).
    pub async fn load_demo(&self) -> Vec<sailau_app::demo::DemoAccount> {
        sailau_app::demo::load(&self.app, &|_, _, _| {})
            .await
            .unwrap_or_else(|e| panic!("{}: demo: {e}", self.backend))
    }

    /// A small registry: two regions (Abai, Akmola), a city and a district under Abai with a few
    /// precincts, a district under Akmola with one, and two parties.
    pub async fn load_small(&self) {
        let territories = "code,parent_code,kind,name_ru,name_kk,name_en\n\
            100000000,,region,область Абай,Абай облысы,Abai Region\n\
            110000000,,region,Акмолинская область,Ақмола облысы,Akmola Region\n\
            101800000,100000000,regional_city,г. Курчатов,Курчатов қ.,Kurchatov\n\
            103200000,100000000,district,Абайский район,Абай ауданы,Abai District\n\
            113200000,110000000,district,Аккольский район,Ақкөл ауданы,Akkol District\n";
        let parties = "code,name_ru,name_kk,short_name\n\
            amanat,Партия «AMANAT»,«AMANAT» партиясы,AMANAT\n\
            akzhol,Демократическая партия Казахстана «Ак жол»,«Ақ жол» Қазақстан демократиялық партиясы,Ак жол\n";
        let precincts = "number,territory_code,address,voters\n\
            251,101800000,\"г. Курчатов, ул. Молодежная, 116\",742\n\
            252,101800000,\"г. Курчатов, ул. Кунаева, 59\",436\n\
            300,103200000,\"с. Карааул, ул. Абая, 1\",812\n\
            10,113200000,\"г. Акколь, ул. Нурмагамбетова, 5\",990\n";
        for (kind, text) in [
            (sailau_app::import::Kind::Territories, territories),
            (sailau_app::import::Kind::Parties, parties),
            (sailau_app::import::Kind::Precincts, precincts),
        ] {
            let rows = sailau_app::import::read_csv(kind, text.as_bytes())
                .unwrap_or_else(|e| panic!("fixture {kind:?}: {e}"));
            self.app
                .import(&Acting::Operator, rows, &|_, _| {})
                .await
                .unwrap_or_else(|e| panic!("{}: fixture {kind:?}: {e}", self.backend));
        }
    }

    /// Creates an account with `role` and `scope` (as the operator) and signs it in.
    pub async fn login(&self, role: Role, scope: Scope) -> Login {
        let username = unique(&format!("t-{}-", role.as_str().replace('_', "-")));
        self.login_named(&username, role, scope).await
    }

    /// Like [`TestApp::login`] with a chosen username.
    pub async fn login_named(&self, username: &str, role: Role, scope: Scope) -> Login {
        let password = format!("pw-{}-long-enough", unique("x"));
        self.create_user(username, role, scope, &password).await;
        let s = self
            .app
            .login(username, &password, &unique("test-client-"))
            .await
            .unwrap_or_else(|e| panic!("{}: login {username}: {e}", self.backend));
        Login {
            username: username.to_owned(),
            password,
            token: s.token,
            csrf: s.csrf_token,
        }
    }

    /// Creates an account without signing it in.
    pub async fn create_user(&self, username: &str, role: Role, scope: Scope, password: &str) {
        let account = Account {
            username: Username::parse(username).unwrap(),
            display_name: format!("Test {}", role.as_str().replace('_', " ")),
            role,
            scope,
            active: true,
        };
        self.app
            .create_account(&Acting::Operator, account, password)
            .await
            .unwrap_or_else(|e| panic!("{}: create {username}: {e}", self.backend));
    }

    /// The ledger's current size.
    pub async fn ledger_size(&self) -> u64 {
        self.app.signed_head().await.unwrap().head.size
    }

    /// Sends a request in-process and reads the whole answer.
    pub async fn send(&self, req: Request<Body>) -> TestResponse {
        let res = self.router.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        }
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// GET with extra headers, e.g. `&[("accept-language", "kk")]`.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut b = Request::get(path);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        self.send(b.body(Body::empty()).unwrap()).await
    }

    /// GET as a signed-in user (by cookie).
    pub async fn get_as(&self, path: &str, who: &Login) -> TestResponse {
        self.get_with(path, &[("cookie", &who.cookie())]).await
    }

    /// POSTs an URL-encoded form, as `who` (by cookie) if given. The CSRF field is NOT added:
    /// pass `("csrf", &who.csrf)` yourself, or use [`TestApp::post_form_as`].
    pub async fn post_form(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        who: Option<&Login>,
    ) -> TestResponse {
        let mut b = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(w) = who {
            b = b.header(header::COOKIE, w.cookie());
        }
        self.send(b.body(Body::from(form_encode(fields))).unwrap())
            .await
    }

    /// POSTs a form as `who`, with its CSRF token.
    pub async fn post_form_as(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        who: &Login,
    ) -> TestResponse {
        let mut all: Vec<(&str, &str)> = vec![("csrf", who.csrf.as_str())];
        all.extend_from_slice(fields);
        self.post_form(path, &all, Some(who)).await
    }

    /// POSTs a form as `who` (with its CSRF token) and checks the answer's status, naming the
    /// backend, the path and the body when it differs: one line per step of a scenario.
    pub async fn submit(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        who: &Login,
        status: StatusCode,
    ) -> TestResponse {
        let r = self.post_form_as(path, fields, who).await;
        assert_eq!(r.status, status, "{} POST {path}: {}", self.backend, r.body);
        r
    }

    /// POSTs a multipart form as `who` (with its CSRF token): text fields and one file.
    pub async fn post_multipart_as(
        &self,
        path: &str,
        fields: &[(&str, &str)],
        file: (&str, &str, &[u8]),
        who: &Login,
    ) -> TestResponse {
        let boundary = "----sailau-test-boundary-7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        let mut all: Vec<(&str, &str)> = vec![("csrf", who.csrf.as_str())];
        all.extend_from_slice(fields);
        for (k, v) in all {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        let (name, filename, bytes) = file;
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{filename}\"\r\nContent-Type: text/csv\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let req = Request::builder()
            .method(Method::POST)
            .uri(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .header(header::COOKIE, who.cookie())
            .body(Body::from(body))
            .unwrap();
        self.send(req).await
    }

    /// Sends JSON with a bearer token (for the API).
    pub async fn send_json(
        &self,
        method: Method,
        path: &str,
        json: Option<&serde_json::Value>,
        bearer: Option<&str>,
    ) -> TestResponse {
        let mut b = Request::builder().method(method).uri(path);
        if let Some(t) = bearer {
            b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        let body = match json {
            Some(j) => {
                b = b.header(header::CONTENT_TYPE, "application/json");
                Body::from(j.to_string())
            }
            None => Body::empty(),
        };
        self.send(b.body(body).unwrap()).await
    }
}

/// `application/x-www-form-urlencoded` encoding (the `form_urlencoded` serializer, as browsers
/// encode forms).
pub fn form_encode(fields: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(fields)
        .finish()
}

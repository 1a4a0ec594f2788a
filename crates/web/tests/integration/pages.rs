//! HTML pages, in-process on every backend (SQLite always, PostgreSQL when configured).

use axum::http::StatusCode;
use sailau_domain::{Role, Scope, TerritoryCode};
use sailau_i18n::{Catalog, Lang};

use crate::common::{self, TestApp, TestResponse};

fn catalog() -> Catalog {
    Catalog::new().unwrap()
}

/// The text of the error shown next to a field (`<p class="field-error" id="f-NAME-error">`).
fn field_error(body: &str, field: &str) -> Option<String> {
    let marker = format!("id=\"f-{field}-error\">");
    let start = body.find(&marker)? + marker.len();
    let end = body[start..].find("</p>")? + start;
    Some(strip_tags(&body[start..end]))
}

fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// Text as askama escapes it in HTML.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

fn assert_contains(r: &TestResponse, needle: &str, what: &str) {
    assert!(
        r.body.contains(needle),
        "{what}: {needle:?} not found (status {}):\n{}",
        r.status,
        &r.body.chars().take(4000).collect::<String>()
    );
}

fn tr(lang: Lang, key: &str) -> String {
    esc(&catalog().tr(lang, key))
}

fn territorial_scope(code: &str) -> Scope {
    Scope::Territory {
        territory: TerritoryCode::parse(code).unwrap(),
    }
}

// ---------------------------------------------------------------- home, language

#[tokio::test]
async fn home_in_three_languages_shows_the_demo_registry() {
    for t in common::backends().await {
        t.load_demo().await;
        let b = t.backend;
        for (lang, regions, precincts, voters) in [
            (Lang::Ru, "17", "1\u{a0}491", "1\u{a0}062\u{a0}327"),
            (Lang::Kk, "17", "1\u{a0}491", "1\u{a0}062\u{a0}327"),
            (Lang::En, "17", "1,491", "1,062,327"),
        ] {
            let r = t.get(&format!("/?lang={}", lang.code())).await;
            assert_eq!(r.status, StatusCode::OK, "{b} {lang}");
            assert_contains(&r, &format!("<html lang=\"{}\">", lang.code()), b);
            assert_contains(&r, &format!("<h1>{}</h1>", tr(lang, "home-heading")), b);
            assert_contains(&r, &tr(lang, "home-summary-heading"), b);
            for n in [regions, precincts, voters] {
                assert_contains(&r, &format!("<span class=\"card__number\">{n}</span>"), b);
            }
            // 45 districts and cities, 7 parties.
            assert_contains(&r, "<span class=\"card__number\">45</span>", b);
            assert_contains(&r, "<span class=\"card__number\">7</span>", b);
            assert!(!r.body.contains('⟦'), "{b} {lang}: a key is missing");
        }
        // Fixed texts, so that a broken catalog cannot pass unnoticed.
        assert_contains(
            &t.get("/?lang=en").await,
            "An open registry for akim elections",
            b,
        );
        assert_contains(&t.get("/?lang=ru").await, "Главная", b);
        assert_contains(&t.get("/?lang=kk").await, "Басты бет", b);

        // The registry's pages on the demo data.
        let territories = t.get("/territories?lang=en").await;
        assert_eq!(territories.status, StatusCode::OK, "{b}");
        assert_contains(&territories, "Akmola Region", b);
        assert_contains(&territories, "Kurchatov", b);
        let search = t
            .get("/territories?q=%D0%BA%D1%83%D1%80%D1%87%D0%B0%D1%82%D0%BE%D0%B2")
            .await;
        assert_contains(&search, "/territories/101800000", b);
        let by_code = t.get("/territories?q=1018&lang=en").await;
        assert_contains(&by_code, "Kurchatov", b);
        let kurchatov = t.get("/territories/101800000?lang=en").await;
        assert_eq!(kurchatov.status, StatusCode::OK, "{b}");
        assert_contains(&kurchatov, "Курчатов қаласы", b);
        assert_contains(&kurchatov, "/precincts/100000000/251", b);
        let parties = t.get("/parties?lang=ru").await;
        assert_contains(&parties, "AMANAT", b);
        assert_contains(&t.get("/parties/amanat").await, "«AMANAT» партиясы", b);
        let precincts = t.get("/precincts?lang=en").await;
        assert_contains(&precincts, "1,062,327", b);
        let region = t.get("/precincts?region=100000000&page=2").await;
        assert_eq!(region.status, StatusCode::OK, "{b}");
        let precinct = t.get("/precincts/100000000/251?lang=en").await;
        assert_eq!(precinct.status, StatusCode::OK, "{b}");
        assert_contains(&precinct, "Молодежная", b);
        let ledger = t.get("/ledger?lang=en").await;
        assert_contains(&ledger, &tr(Lang::En, "ledger-tree-head"), b);
        assert_contains(&ledger, &tr(Lang::En, "ledger-signature-valid"), b);
        let last = t.ledger_size().await - 1;
        assert_contains(&ledger, &format!("href=\"/ledger/{last}\""), b);
        // The caption groups digits like every other number of the page.
        assert_contains(
            &ledger,
            &format!("Entries {} to", Lang::En.format_number(last)),
            b,
        );
        let entry = t.get("/ledger/0?lang=en").await;
        assert_eq!(entry.status, StatusCode::OK, "{b}");
        assert_contains(&entry, &tr(Lang::En, "ledger-proof-valid"), b);
        assert!(
            !entry.body.contains(&tr(Lang::En, "ledger-proof-invalid")),
            "{b}"
        );
    }
}

#[tokio::test]
async fn the_demo_notice_shows_on_the_demo_only() {
    let t = TestApp::sqlite().await;
    let demo = sailau_web::router(
        sailau_web::WebState::new(t.app.clone(), sailau_web::WebConfig::default())
            .unwrap()
            .with_demo(true),
    );
    use tower::ServiceExt;
    let res = demo
        .oneshot(
            axum::http::Request::get("/?lang=en")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let body = http_body_util::BodyExt::collect(res.into_body())
        .await
        .unwrap()
        .to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(body.contains("notice--demo"), "{body}");
    assert!(!t.get("/?lang=en").await.body.contains("notice--demo"));
}

#[tokio::test]
async fn language_is_chosen_remembered_and_kept_across_the_switch() {
    for t in common::backends().await {
        let b = t.backend;
        // Default: Russian.
        assert_contains(&t.get("/").await, "<html lang=\"ru\">", b);
        // Accept-Language.
        let r = t
            .get_with("/", &[("accept-language", "en-US,en;q=0.9,ru;q=0.5")])
            .await;
        assert_contains(&r, "<html lang=\"en\">", b);
        // ?lang= sets the page language and a cookie.
        let r = t.get("/territories?lang=kk&q=abai").await;
        assert_contains(&r, "<html lang=\"kk\">", b);
        let cookie = r
            .set_cookies()
            .into_iter()
            .find(|c| c.starts_with("sailau_lang="))
            .unwrap_or_else(|| panic!("{b}: no language cookie"));
        assert!(cookie.starts_with("sailau_lang=kk;"), "{b}: {cookie}");
        assert!(cookie.contains("Path=/"), "{b}: {cookie}");
        // The switch keeps the path and the query.
        assert_contains(&r, "href=\"/territories?q=abai&#38;lang=en\"", b);
        // The cookie wins over Accept-Language.
        let r = t
            .get_with(
                "/parties",
                &[("cookie", "sailau_lang=kk"), ("accept-language", "en")],
            )
            .await;
        assert_contains(&r, "<html lang=\"kk\">", b);
        assert_contains(&r, &tr(Lang::Kk, "parties-title"), b);
        // And ?lang= wins over the cookie.
        let r = t
            .get_with("/parties?lang=en", &[("cookie", "sailau_lang=kk")])
            .await;
        assert_contains(&r, "<html lang=\"en\">", b);
        // An unknown language is ignored.
        let r = t.get("/?lang=xx").await;
        assert_eq!(r.status, StatusCode::OK, "{b}");
        assert_contains(&r, "<html lang=\"ru\">", b);
    }
}

// ---------------------------------------------------------------- sign in and out

#[tokio::test]
async fn login_fails_clearly_succeeds_and_logs_out() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        t.create_user(
            "akmola.tik",
            Role::TerritorialCommission,
            territorial_scope("110000000"),
            "correct horse battery",
        )
        .await;
        let page = t.get("/login?lang=en").await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        assert_contains(&page, "name=\"username\"", b);
        assert_contains(&page, "autocomplete=\"current-password\"", b);

        // Wrong password: a clear message, no cookie.
        let r = t
            .post_form(
                "/login?lang=en",
                &[("username", "akmola.tik"), ("password", "wrong password")],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{b}");
        assert_contains(&r, "Wrong username or password.", b);
        assert_contains(&r, "value=\"akmola.tik\"", b);
        assert!(!r.body.contains("wrong password"), "{b}: password echoed");
        assert!(
            r.set_cookies()
                .iter()
                .all(|c| !c.starts_with("sailau_session=")),
            "{b}"
        );

        // Empty fields: errors next to them.
        let r = t
            .post_form(
                "/login?lang=en",
                &[("username", ""), ("password", "")],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(field_error(&r.body, "username").is_some(), "{b}");
        assert!(field_error(&r.body, "password").is_some(), "{b}");

        // Right password: a session cookie and a redirect.
        let r = t
            .post_form(
                "/login",
                &[
                    ("username", "akmola.tik"),
                    ("password", "correct horse battery"),
                    ("next", "/territories/110000000"),
                ],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{b}: {}", r.body);
        assert_eq!(r.location(), Some("/territories/110000000"), "{b}");
        let cookie = r
            .set_cookies()
            .into_iter()
            .find(|c| c.starts_with("sailau_session="))
            .unwrap_or_else(|| panic!("{b}: no session cookie"));
        for attr in ["HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(cookie.contains(attr), "{b}: {cookie} lacks {attr}");
        }
        let token = cookie
            .trim_start_matches("sailau_session=")
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let account = t
            .get_with(
                "/account?lang=en",
                &[("cookie", &format!("sailau_session={token}"))],
            )
            .await;
        assert_eq!(account.status, StatusCode::OK, "{b}");
        assert_contains(&account, "akmola.tik", b);
        assert_contains(&account, &tr(Lang::En, "role-territorial-commission"), b);
        assert_eq!(account.header("cache-control"), Some("no-store"), "{b}");

        // An open redirect is not possible.
        let r = t
            .post_form(
                "/login",
                &[
                    ("username", "akmola.tik"),
                    ("password", "correct horse battery"),
                    ("next", "//evil.example/"),
                ],
                None,
            )
            .await;
        assert_eq!(r.location(), Some("/account"), "{b}");

        // Log out: needs the CSRF token, then the session is gone.
        let session = t.app.session(&token).await.unwrap().unwrap();
        let login = common::Login {
            username: "akmola.tik".into(),
            password: String::new(),
            token: token.clone(),
            csrf: session.csrf_token,
        };
        let r = t.post_form("/logout", &[], Some(&login)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        assert!(t.app.session(&token).await.unwrap().is_some(), "{b}");
        t.submit("/logout", &[], &login, StatusCode::SEE_OTHER)
            .await;
        assert!(t.app.session(&token).await.unwrap().is_none(), "{b}");
        let r = t.get_as("/account", &login).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{b}: signed out");

        // A login form posted from another site is refused.
        let r = t
            .send(
                axum::http::Request::post("/login")
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("host", "sailau.example")
                    .header("origin", "https://evil.example")
                    .body(axum::body::Body::from(
                        "username=akmola.tik&password=correct+horse+battery",
                    ))
                    .unwrap(),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
    }
}

#[tokio::test]
async fn login_is_throttled_with_a_message() {
    for t in common::backends().await {
        let b = t.backend;
        t.create_user(
            "observer1",
            Role::Observer,
            Scope::Global,
            "a long password 1",
        )
        .await;
        let mut last = None;
        for _ in 0..7 {
            last = Some(
                t.post_form(
                    "/login?lang=ru",
                    &[("username", "observer1"), ("password", "nope nope nope")],
                    None,
                )
                .await,
            );
        }
        let r = last.unwrap();
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{b}");
        // Like the API's 429, the page says how long to wait (the test policy: a minute), in
        // its words and in `Retry-After`.
        let wait: u64 = r
            .header("retry-after")
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{b}: no Retry-After on the page's 429"));
        assert!((1..=60).contains(&wait), "{b}: Retry-After {wait}");
        assert_contains(&r, &format!("Подождите {wait} с и попробуйте снова."), b);
        // Even the right password is refused while throttled.
        let r = t
            .post_form(
                "/login",
                &[("username", "observer1"), ("password", "a long password 1")],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{b}");
    }
}

// ---------------------------------------------------------------- forms

#[tokio::test]
async fn a_form_without_its_csrf_token_is_refused_and_writes_nothing() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let before = t.ledger_size().await;
        let fields = [
            ("number", "901"),
            ("address", "ул. Абая, 1"),
            ("voters", "100"),
        ];
        let r = t
            .post_form("/territories/101800000/precincts", &fields, Some(&admin))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        assert_contains(&r, &tr(Lang::Ru, "error-csrf-title"), b);
        let mut wrong = fields.to_vec();
        wrong.push(("csrf", "0000"));
        let r = t
            .post_form("/territories/101800000/precincts", &wrong, Some(&admin))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        // Another session's token does not do either.
        let other = t.login(Role::Administrator, Scope::Global).await;
        let before = before + 1; // the second login created an account
        let mut foreign = fields.to_vec();
        foreign.push(("csrf", other.csrf.as_str()));
        let r = t
            .post_form("/territories/101800000/precincts", &foreign, Some(&admin))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        assert_eq!(t.ledger_size().await, before, "{b}: something was written");
        let page = t.get("/territories/101800000").await;
        assert!(!page.body.contains("/precincts/100000000/901"), "{b}");
        // Anonymous POSTs are refused too.
        let r = t
            .post_form("/territories/101800000/precincts", &fields, None)
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        assert_eq!(t.ledger_size().await, before, "{b}");
    }
}

#[tokio::test]
async fn a_precinct_added_through_the_form_is_listed_and_in_the_ledger() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let page = t.get_as("/territories/101800000", &admin).await;
        assert_contains(&page, "action=\"/territories/101800000/precincts#", b);
        assert_contains(&page, &format!("name=\"csrf\" value=\"{}\"", admin.csrf), b);
        let before = t.ledger_size().await;
        let r = t
            .submit(
                "/territories/101800000/precincts",
                &[
                    ("number", "777"),
                    ("address", "г. Курчатов, ул. Тестовая, 7"),
                    ("voters", "1234"),
                ],
                &admin,
                StatusCode::SEE_OTHER,
            )
            .await;
        let location = r.location().unwrap().to_owned();
        assert_eq!(
            location,
            format!("/territories/101800000?saved={before}#precincts"),
            "{b}"
        );
        assert_eq!(t.ledger_size().await, before + 1, "{b}");
        let page = t.get_as(location.split('#').next().unwrap(), &admin).await;
        assert_contains(&page, "/precincts/100000000/777", b);
        assert_contains(&page, "ул. Тестовая, 7", b);
        assert_contains(&page, "1\u{a0}234", b);
        assert_contains(&page, &tr(Lang::Ru, "form-saved"), b);
        let ledger = t.get("/ledger?lang=en").await;
        assert_contains(&ledger, &format!("href=\"/ledger/{before}\""), b);
        assert_contains(&ledger, &tr(Lang::En, "command-create-precinct"), b);
        let entry = t.get(&format!("/ledger/{before}?lang=en")).await;
        assert_eq!(entry.status, StatusCode::OK, "{b}");
        assert_contains(&entry, &admin.username, b);
        assert_contains(&entry, "ул. Тестовая, 7", b);
        assert_contains(&entry, &tr(Lang::En, "ledger-proof-valid"), b);
        assert_contains(
            &t.get("/precincts/100000000/777").await,
            "ул. Тестовая, 7",
            b,
        );
    }
}

#[tokio::test]
async fn an_invalid_precinct_is_refused_next_to_its_field_and_writes_nothing() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let before = t.ledger_size().await;
        let path = "/territories/101800000/precincts?lang=en";

        // Voters "abc".
        let r = t
            .submit(
                path,
                &[
                    ("number", "778"),
                    ("address", "ул. Абая, 1"),
                    ("voters", "abc"),
                ],
                &admin,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        let e = field_error(&r.body, "voters").unwrap_or_else(|| panic!("{b}: no voters error"));
        assert!(
            e.contains("The number of voters is a whole number from 0 to 100,000"),
            "{b}: {e}"
        );
        assert_contains(&r, "aria-describedby=\"f-voters-error\"", b);
        assert_contains(&r, "aria-invalid=\"true\"", b);
        assert_contains(&r, "value=\"abc\"", b); // what was typed is kept
        assert_contains(&r, "class=\"error-summary\"", b);

        // A number taken in the region (251 is Kurchatov's).
        let r = t
            .submit(
                path,
                &[
                    ("number", "251"),
                    ("address", "ул. Абая, 1"),
                    ("voters", "10"),
                ],
                &admin,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        let e = field_error(&r.body, "number").unwrap();
        assert!(
            e.contains("already used by a polling station in the region"),
            "{b}: {e}"
        );

        // Several rules at once: empty address, too many voters, number out of range.
        let r = t
            .submit(
                path,
                &[("number", "0"), ("address", "  "), ("voters", "100001")],
                &admin,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        for f in ["number", "address", "voters"] {
            assert!(field_error(&r.body, f).is_some(), "{b}: no error for {f}");
        }

        // In Russian, too.
        let r = t
            .post_form_as(
                "/territories/101800000/precincts?lang=ru",
                &[
                    ("number", "778"),
                    ("address", "ул. Абая, 1"),
                    ("voters", "abc"),
                ],
                &admin,
            )
            .await;
        let e = field_error(&r.body, "voters").unwrap();
        assert!(e.contains("избирателей"), "{b}: {e}");

        assert_eq!(t.ledger_size().await, before, "{b}: something was written");
    }
}

#[tokio::test]
async fn a_territorial_commission_acts_only_within_its_territory() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let tik = t
            .login(Role::TerritorialCommission, territorial_scope("100000000"))
            .await;
        // Outside: no form, and a POST is forbidden.
        let akkol = t.get_as("/territories/113200000", &tik).await;
        assert_eq!(akkol.status, StatusCode::OK, "{b}");
        assert!(
            !akkol
                .body
                .contains("action=\"/territories/113200000/precincts#"),
            "{b}"
        );
        assert!(
            !akkol
                .body
                .contains("action=\"/territories/113200000/children#"),
            "{b}"
        );
        assert!(
            !akkol
                .body
                .contains("action=\"/territories/113200000/import#"),
            "{b}"
        );
        let before = t.ledger_size().await;
        let r = t
            .post_form_as(
                "/territories/113200000/precincts",
                &[
                    ("number", "55"),
                    ("address", "г. Акколь, ул. Абая, 1"),
                    ("voters", "10"),
                ],
                &tik,
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        assert_contains(&r, &tr(Lang::Ru, "error-forbidden-title"), b);
        assert_eq!(t.ledger_size().await, before, "{b}");
        // Inside: the forms are there and work.
        let kurchatov = t.get_as("/territories/101800000", &tik).await;
        assert_contains(&kurchatov, "action=\"/territories/101800000/precincts#", b);
        t.submit(
            "/territories/101800000/precincts",
            &[
                ("number", "56"),
                ("address", "г. Курчатов, ул. Абая, 1"),
                ("voters", "10"),
            ],
            &tik,
            StatusCode::SEE_OTHER,
        )
        .await;
        // Nobody signed in sees no forms; the administration is not for them.
        let anon = t.get("/territories/101800000").await;
        assert!(
            !anon.body.contains("method=\"post\" action=\"/territories"),
            "{b}"
        );
        let admin_page = t.get_as("/admin/users", &tik).await;
        assert_eq!(admin_page.status, StatusCode::FORBIDDEN, "{b}");
        assert!(!kurchatov.body.contains("href=\"/admin\""), "{b}");
        // A precinct commission member may edit its own precinct only.
        let pik = t
            .login(
                Role::PrecinctCommission,
                Scope::Precincts {
                    precincts: vec![sailau_domain::PrecinctRef::parse("100000000/251").unwrap()],
                },
            )
            .await;
        // Its account page names the precinct as commissions do, never by the URL's key.
        for (lang, words) in [
            ("ru", "№ 251 (область Абай)"),
            ("kk", "№ 251 (Абай облысы)"),
            ("en", "No. 251 (Abai Region)"),
        ] {
            let account = t.get_as(&format!("/account?lang={lang}"), &pik).await;
            assert_contains(&account, words, b);
            assert!(!account.body.contains("100000000/251"), "{b}: {lang}");
        }
        let own = t.get_as("/precincts/100000000/251", &pik).await;
        assert_contains(&own, "action=\"/precincts/100000000/251#", b);
        let other = t.get_as("/precincts/100000000/252", &pik).await;
        assert!(
            !other.body.contains("action=\"/precincts/100000000/252#"),
            "{b}"
        );
        t.submit(
            "/precincts/100000000/251",
            &[
                ("address", "г. Курчатов, ул. Молодежная, 116"),
                ("voters", "750"),
            ],
            &pik,
            StatusCode::SEE_OTHER,
        )
        .await;
        assert_contains(&t.get("/precincts/100000000/251").await, ">750<", b);
        t.submit(
            "/precincts/100000000/252",
            &[("address", "x"), ("voters", "1")],
            &pik,
            StatusCode::FORBIDDEN,
        )
        .await;
    }
}

#[tokio::test]
async fn territories_and_branches_through_forms() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        // A rural okrug under a district.
        let r = t
            .submit(
                "/territories/103200000/children?lang=en",
                &[
                    ("code", "103230000"),
                    ("kind", "rural_okrug"),
                    ("name_ru", "Тестовый сельский округ"),
                    ("name_kk", "Сынақ ауылдық округі"),
                    ("name_en", "Test Rural Okrug"),
                ],
                &admin,
                StatusCode::SEE_OTHER,
            )
            .await;
        assert!(
            r.location()
                .unwrap()
                .starts_with("/territories/103230000?saved="),
            "{b}"
        );
        let page = t.get("/territories/103230000?lang=en").await;
        assert_contains(&page, "Test Rural Okrug", b);
        assert_contains(&page, "href=\"/territories/103200000\"", b); // breadcrumbs
        // A kind that cannot sit there, a taken code, a missing name: each next to its field.
        let r = t
            .submit(
                "/territories/103200000/children?lang=en",
                &[
                    ("code", "103230000"),
                    ("kind", "region"),
                    ("name_ru", ""),
                    ("name_kk", "Сынақ"),
                ],
                &admin,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert!(
            field_error(&r.body, "code")
                .unwrap()
                .contains("already in the registry"),
            "{b}"
        );
        assert!(field_error(&r.body, "kind").is_some(), "{b}");
        assert!(field_error(&r.body, "name_ru").is_some(), "{b}");
        t.submit(
            "/territories/103200000/children",
            &[
                ("code", "12"),
                ("kind", "castle"),
                ("name_ru", "x"),
                ("name_kk", "y"),
            ],
            &admin,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        // A party branch.
        let secretary = t
            .login(
                Role::PartySecretary,
                Scope::Party {
                    party: sailau_domain::PartyCode::parse("amanat").unwrap(),
                    territory: None,
                },
            )
            .await;
        let party = t.get_as("/parties/amanat", &secretary).await;
        assert_contains(&party, "action=\"/parties/amanat/branches#", b);
        let other_party = t.get_as("/parties/akzhol", &secretary).await;
        assert!(
            !other_party
                .body
                .contains("action=\"/parties/akzhol/branches#"),
            "{b}"
        );
        t.submit(
            "/parties/amanat/branches",
            &[("territory_code", "100000000")],
            &secretary,
            StatusCode::SEE_OTHER,
        )
        .await;
        let party = t.get("/parties/amanat?lang=en").await;
        assert_contains(&party, "href=\"/territories/100000000\"", b);
        let r = t
            .submit(
                "/parties/amanat/branches?lang=en",
                &[("territory_code", "100000000")],
                &secretary,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert!(field_error(&r.body, "territory_code").is_some(), "{b}");
        t.submit(
            "/parties/akzhol/branches",
            &[("territory_code", "100000000")],
            &secretary,
            StatusCode::FORBIDDEN,
        )
        .await;
    }
}

#[tokio::test]
async fn a_precincts_csv_is_imported_all_or_nothing_with_line_numbers() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let before = t.ledger_size().await;
        // Rows that do not parse are all reported with their lines...
        let bad = "number,territory_code,address,voters\n\
                   801,101800000,\"ул. Первая, 1\",100\n\
                   802,101800000,\"ул. Вторая, 2\",abc\n\
                   x,101800000,\"ул. Третья, 3\",50\n";
        let r = t
            .post_multipart_as(
                "/territories/101800000/import?lang=en",
                &[],
                ("file", "precincts.csv", bad.as_bytes()),
                &admin,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: {}",
            r.body
        );
        assert_contains(&r, "Line 3:", b);
        assert_contains(&r, "Line 4:", b);
        assert!(!r.body.contains("Line 2:"), "{b}");
        // ... and so are rows the registry refuses (251 is taken, 999999999 does not exist).
        let refused = "number,territory_code,address,voters\n\
                       801,101800000,\"ул. Первая, 1\",100\n\
                       251,101800000,\"ул. Вторая, 2\",10\n\
                       803,999999999,\"ул. Третья, 3\",50\n";
        let r = t
            .post_multipart_as(
                "/territories/101800000/import?lang=en",
                &[],
                ("file", "precincts.csv", refused.as_bytes()),
                &admin,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: {}",
            r.body
        );
        assert_contains(&r, "Line 3:", b);
        assert_contains(&r, "Line 4:", b);
        assert_contains(&r, "already used by a polling station in the region", b);
        assert!(!r.body.contains("Line 2:"), "{b}");
        assert_eq!(
            t.ledger_size().await,
            before,
            "{b}: a bad import wrote something"
        );

        let r = t
            .post_multipart_as(
                "/territories/101800000/import?lang=en",
                &[],
                ("file", "precincts.csv", b"num,terr\n1,2\n"),
                &admin,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(
            field_error(&r.body, "file")
                .unwrap()
                .contains("number,territory_code,address,voters"),
            "{b}"
        );

        let r = t
            .post_multipart_as(
                "/territories/101800000/import",
                &[],
                ("file", "precincts.csv", b""),
                &admin,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");

        // Without the right CSRF token the upload is refused before it is read as CSV.
        let mut forged = admin.clone();
        forged.csrf = "forged".into();
        let r = t
            .post_multipart_as(
                "/territories/101800000/import",
                &[],
                (
                    "file",
                    "precincts.csv",
                    b"number,territory_code,address,voters\n901,101800000,x,1\n",
                ),
                &forged,
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        assert_eq!(t.ledger_size().await, before, "{b}");

        let good = "number,territory_code,address,voters\n\
                    801,101800000,\"ул. Первая, 1\",100\n\
                    802,101800000,\"ул. Вторая, 2\",200\n";
        let r = t
            .post_multipart_as(
                "/territories/101800000/import",
                &[],
                ("file", "precincts.csv", good.as_bytes()),
                &admin,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{b}: {}", r.body);
        assert_eq!(t.ledger_size().await, before + 2, "{b}");
        let page = t.get("/territories/101800000").await;
        assert_contains(&page, "/precincts/100000000/801", b);
        assert_contains(&page, "/precincts/100000000/802", b);
    }
}

#[tokio::test]
async fn administrators_manage_users_with_a_password_shown_once() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        assert_eq!(
            t.get("/admin/users").await.status,
            StatusCode::FORBIDDEN,
            "{b}"
        );
        let cec = t.login(Role::CecMember, Scope::Global).await;
        assert_eq!(
            t.get_as("/admin/users", &cec).await.status,
            StatusCode::FORBIDDEN,
            "{b}"
        );
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let page = t.get_as("/admin/users?lang=en", &admin).await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        assert_contains(&page, &cec.username, b);
        assert_contains(&t.get_as("/", &admin).await, "href=\"/admin\"", b);

        // Generated password, shown once.
        let r = t
            .submit(
                "/admin/users?lang=en",
                &[
                    ("username", "akmola.tik"),
                    ("display_name", "Akmola TEC"),
                    ("role", "territorial_commission"),
                    ("scope", "territory:110000000"),
                    ("password", ""),
                ],
                &admin,
                StatusCode::OK,
            )
            .await;
        assert_eq!(r.header("cache-control"), Some("no-store"), "{b}");
        let start = r.body.find("<p class=\"secret\">").unwrap() + "<p class=\"secret\">".len();
        let password = &r.body[start..start + 16];
        assert!(
            t.app.login("akmola.tik", password, "x").await.is_ok(),
            "{b}"
        );
        // The list names the scope's territory, not its code.
        let list = t.get_as("/admin/users?lang=ru", &admin).await;
        assert_contains(&list, "Территория «Акмолинская область»", b);
        assert!(
            !list.body.contains("Территория «110000000»"),
            "{b}: a code instead of the name"
        );

        // Refused input: next to the fields.
        let r = t
            .submit(
                "/admin/users?lang=en",
                &[
                    ("username", "akmola.tik"),
                    ("role", "territorial_commission"),
                    ("scope", "global"),
                    ("password", "short"),
                ],
                &admin,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        // (The app checks the password before the rest.)
        assert!(field_error(&r.body, "password").is_some(), "{b}");
        let r = t
            .submit(
                "/admin/users?lang=en",
                &[
                    ("username", "akmola.tik"),
                    ("role", "territorial_commission"),
                    ("scope", "global"),
                    ("password", "long enough password"),
                ],
                &admin,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert!(field_error(&r.body, "username").is_some(), "{b}: taken");
        assert!(field_error(&r.body, "scope").is_some(), "{b}: scope");
        let r = t
            .submit(
                "/admin/users",
                &[
                    ("username", "Bad Name"),
                    ("role", "king"),
                    ("scope", "moon:1"),
                ],
                &admin,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        for f in ["username", "role", "scope"] {
            assert!(field_error(&r.body, f).is_some(), "{b}: {f}");
        }

        // Deactivate: the account can no longer sign in; reactivate.
        t.submit(
            "/admin/users/akmola.tik/active",
            &[("active", "false")],
            &admin,
            StatusCode::SEE_OTHER,
        )
        .await;
        assert!(
            t.app.login("akmola.tik", password, "y").await.is_err(),
            "{b}"
        );
        t.submit(
            "/admin/users/akmola.tik/active",
            &[("active", "true")],
            &admin,
            StatusCode::SEE_OTHER,
        )
        .await;
        // Change role.
        t.submit(
            "/admin/users/akmola.tik/role",
            &[("role", "observer"), ("scope", "")],
            &admin,
            StatusCode::SEE_OTHER,
        )
        .await;
        t.submit(
            "/admin/users/akmola.tik/role?lang=en",
            &[("role", "precinct_commission"), ("scope", "")],
            &admin,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
        let r = t
            .post_form_as("/admin/users/nobody/active", &[("active", "false")], &admin)
            .await;
        assert!(r.status.is_client_error(), "{b}: {}", r.status);
    }
}

#[tokio::test]
async fn users_change_their_password() {
    for t in common::backends().await {
        let b = t.backend;
        let me = t.login(Role::Observer, Scope::Global).await;
        let r = t
            .post_form_as(
                "/account/password?lang=en",
                &[
                    ("current_password", me.password.as_str()),
                    ("password", "a new long password"),
                    ("password_confirm", "another"),
                ],
                &me,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(field_error(&r.body, "password_confirm").is_some(), "{b}");
        // A wrong current password is named with the mismatch, and an empty one is asked for,
        // not called wrong.
        for (current, says) in [
            ("not my password", "not your current password"),
            ("", "Enter a value"),
        ] {
            let r = t
                .post_form_as(
                    "/account/password?lang=en",
                    &[
                        ("current_password", current),
                        ("password", "a new long password"),
                        ("password_confirm", "another"),
                    ],
                    &me,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
            let e = field_error(&r.body, "current_password").unwrap_or_default();
            assert!(e.contains(says), "{b}: {current:?}: {e}");
            assert!(field_error(&r.body, "password_confirm").is_some(), "{b}");
        }
        let r = t
            .submit(
                "/account/password?lang=en",
                &[
                    ("current_password", "not my password"),
                    ("password", "short"),
                    ("password_confirm", "short"),
                ],
                &me,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        assert!(
            field_error(&r.body, "current_password")
                .unwrap()
                .contains("not your current password"),
            "{b}"
        );
        assert!(
            field_error(&r.body, "password")
                .unwrap()
                .contains("at least 10"),
            "{b}"
        );
        t.submit(
            "/account/password",
            &[
                ("current_password", me.password.as_str()),
                ("password", "a new long password"),
                ("password_confirm", "a new long password"),
            ],
            &me,
            StatusCode::SEE_OTHER,
        )
        .await;
        assert!(
            t.app
                .login(&me.username, "a new long password", "z")
                .await
                .is_ok(),
            "{b}"
        );
        assert!(t.app.session(&me.token).await.unwrap().is_none(), "{b}");
    }
}

// ---------------------------------------------------------------- headers, errors, bad input

#[tokio::test]
async fn security_headers_and_caching() {
    for t in common::backends().await {
        let b = t.backend;
        let r = t.get("/").await;
        let csp = r.header("content-security-policy").unwrap();
        for part in [
            "default-src 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
            "object-src 'none'",
        ] {
            assert!(csp.contains(part), "{b}: CSP {csp} lacks {part}");
        }
        assert_eq!(r.header("x-content-type-options"), Some("nosniff"), "{b}");
        assert_eq!(r.header("x-frame-options"), Some("DENY"), "{b}");
        assert_eq!(r.header("referrer-policy"), Some("same-origin"), "{b}");
        assert!(r.header("permissions-policy").is_some(), "{b}");
        assert_eq!(r.header("cache-control"), Some("no-cache"), "{b}");
        assert!(
            r.header("content-type").unwrap().starts_with("text/html"),
            "{b}"
        );
        let me = t.login(Role::Observer, Scope::Global).await;
        let r = t.get_as("/", &me).await;
        assert_eq!(r.header("cache-control"), Some("no-store"), "{b}");
        // Errors carry the headers too.
        let r = t.get("/no/such/page").await;
        assert!(r.header("content-security-policy").is_some(), "{b}");
        // No inline script or style anywhere (the CSP would block them).
        for path in [
            "/",
            "/territories",
            "/ledger",
            "/login",
            "/parties",
            "/precincts",
        ] {
            let body = t.get(path).await.body;
            assert!(!body.contains("<script"), "{b}: script in {path}");
            assert!(!body.contains("style="), "{b}: inline style in {path}");
            assert!(!body.contains("<style"), "{b}: style element in {path}");
        }
    }
}

#[tokio::test]
async fn assets_are_served_with_types_and_caching() {
    let t = TestApp::sqlite().await;
    for (path, ty) in [
        ("/assets/sailau.css", "text/css; charset=utf-8"),
        ("/assets/logo.svg", "image/svg+xml"),
        ("/assets/favicon.svg", "image/svg+xml"),
    ] {
        let r = t.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.header("content-type"), Some(ty), "{path}");
        assert!(
            r.header("cache-control").unwrap().contains("max-age"),
            "{path}"
        );
        assert!(!r.body.is_empty(), "{path}");
    }
    assert_eq!(
        t.get("/assets/../Cargo.toml").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(t.get("/assets/nope.js").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn unknown_things_get_the_404_page() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        for path in [
            "/no/such/page",
            "/territories/999999999",
            "/territories/abc",
            "/territories/10180000%00",
            "/precincts/100000000/99998",
            "/precincts/x/y",
            "/precincts/100000000/-1",
            "/precincts?region=999999999",
            "/parties/nope",
            "/parties/NOT_A_CODE",
            "/ledger/999999",
            "/ledger/-1",
            "/ledger/abc",
        ] {
            let r = t.get(path).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{b}: {path}");
            assert!(
                r.header("content-type").unwrap().starts_with("text/html"),
                "{b}: {path}"
            );
        }
        let r = t.get("/no/such/page?lang=en").await;
        assert_contains(&r, &tr(Lang::En, "error-not-found-title"), b);
        assert_contains(&r, "<html lang=\"en\">", b);
        let r = t.get("/api/no-such-thing").await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{b}");
        assert!(
            r.header("content-type").unwrap().contains("problem+json"),
            "{b}"
        );
    }
}

#[tokio::test]
async fn bad_input_never_gives_a_server_error() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let before = t.ledger_size().await;
        let nasty = [
            "",
            " ",
            "-1",
            "4294967296",
            "99999999999999999999999",
            "1e3",
            "１２３",
            "<script>alert(1)</script>",
            "\u{0}",
            "a\r\nb",
            "🗳️",
            &"x".repeat(10_000),
        ];
        let posts: [(&str, &[&str]); 6] = [
            (
                "/territories/101800000/precincts",
                &["number", "address", "voters"],
            ),
            (
                "/territories/101800000/children",
                &["code", "kind", "name_ru", "name_kk", "name_en"],
            ),
            (
                "/territories",
                &["code", "kind", "name_ru", "name_kk", "name_en"],
            ),
            ("/precincts/100000000/251", &["address", "voters"]),
            ("/parties/amanat/branches", &["territory_code"]),
            (
                "/admin/users",
                &["username", "display_name", "role", "scope", "password"],
            ),
        ];
        for (path, fields) in posts {
            for v in nasty {
                let values: Vec<(&str, &str)> = fields.iter().map(|f| (*f, v)).collect();
                let r = t.post_form_as(path, &values, &admin).await;
                assert!(
                    r.status.is_client_error(),
                    "{b}: {path} with {:?} gave {}",
                    v.chars().take(20).collect::<String>(),
                    r.status
                );
                assert!(
                    !r.body.contains("<script>alert"),
                    "{b}: unescaped in {path}"
                );
            }
        }
        // Bodies that are not forms at all.
        for (ct, body) in [
            (
                "application/x-www-form-urlencoded",
                vec![0xff, 0xfe, b'=', 0x80],
            ),
            ("application/json", b"{\"number\":1}".to_vec()),
            ("multipart/form-data", b"garbage".to_vec()),
            (
                "multipart/form-data; boundary=x",
                b"--x\r\ngarbage".to_vec(),
            ),
        ] {
            for path in [
                "/territories/101800000/precincts",
                "/territories/101800000/import",
                "/login",
            ] {
                let r = t
                    .send(
                        axum::http::Request::post(path)
                            .header("content-type", ct)
                            .header("cookie", admin.cookie())
                            .body(axum::body::Body::from(body.clone()))
                            .unwrap(),
                    )
                    .await;
                assert!(
                    r.status.is_client_error(),
                    "{b}: {path} {ct} gave {}",
                    r.status
                );
            }
        }
        // Odd queries.
        for q in [
            "/?lang=%FF",
            "/ledger?page=-5",
            "/ledger?page=99999999999999999999",
            "/precincts?region=abc&page=x",
            "/territories?q=%00%FF",
        ] {
            let r = t.get(q).await;
            assert!(r.status.as_u16() < 500, "{b}: {q} gave {}", r.status);
        }
        assert_eq!(
            t.ledger_size().await,
            before,
            "{b}: bad input wrote something"
        );
    }
}

// ---------------------------------------------------------------- issue 9: every error at once, in words

/// The error next to a field without its hidden "Error:" prefix.
fn shown_error(body: &str, field: &str, lang: Lang) -> Option<String> {
    let e = field_error(body, field)?;
    let prefix = esc(&catalog().tr(lang, "form-error-prefix"));
    Some(e.strip_prefix(&prefix).unwrap_or(&e).trim().to_owned())
}

/// The error summary's items, as the reader sees them.
fn summary_items(body: &str) -> Vec<String> {
    let Some(start) = body.find("class=\"error-summary\"") else {
        return Vec::new();
    };
    let rest = &body[start..];
    let end = rest.find("</ul>").unwrap_or(rest.len());
    rest[..end].split("<li>").skip(1).map(strip_tags).collect()
}

#[tokio::test]
async fn every_broken_rule_of_a_form_shows_at_once_next_to_its_field_and_named_in_the_summary() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let before = t.ledger_size().await;
        for lang in [Lang::Ru, Lang::Kk] {
            let l = lang.code();
            let required = catalog().tr(lang, "field-required");

            // An empty precinct form: number, address and voters, each named in the summary.
            let r = t
                .post_form_as(
                    &format!("/territories/101800000/precincts?lang={l}"),
                    &[("number", ""), ("address", ""), ("voters", "")],
                    &admin,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b} {l}");
            for f in ["number", "address", "voters"] {
                let e = shown_error(&r.body, f, lang)
                    .unwrap_or_else(|| panic!("{b} {l}: no {f} error"));
                assert_eq!(e, esc(&required), "{b} {l}: {f}");
            }
            let items = summary_items(&r.body);
            assert_eq!(items.len(), 3, "{b} {l}: {items:?}");
            let label = catalog().tr(lang, "precinct-number");
            assert!(
                items[0].starts_with(&format!("{label}: ")),
                "{b} {l}: {items:?}"
            );
            let lowered = {
                let mut c = required.chars();
                c.next()
                    .map(|f| f.to_lowercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            };
            assert!(items[0].ends_with(&esc(&lowered)), "{b} {l}: {items:?}");
            let address = catalog().tr(lang, "precinct-address");
            assert!(
                items.iter().any(|i| i.starts_with(&format!("{address}: "))),
                "{b} {l}: {items:?}"
            );

            // A taken number, an empty address and negative voters: all three.
            let r = t
                .post_form_as(
                    &format!("/territories/101800000/precincts?lang={l}"),
                    &[("number", "251"), ("address", " "), ("voters", "-5")],
                    &admin,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b} {l}");
            let number = shown_error(&r.body, "number", lang).unwrap_or_default();
            assert_eq!(
                number,
                esc(&catalog().tr(lang, "precinct-number-taken")),
                "{b} {l}"
            );
            assert_eq!(
                shown_error(&r.body, "address", lang).unwrap_or_default(),
                esc(&required),
                "{b} {l}"
            );
            assert!(field_error(&r.body, "voters").is_some(), "{b} {l}");
            assert_eq!(summary_items(&r.body).len(), 3, "{b} {l}");

            // An empty territory form: the code, the kind and both required names.
            let r = t
                .post_form_as(
                    &format!("/territories?lang={l}"),
                    &[
                        ("code", ""),
                        ("kind", ""),
                        ("name_ru", ""),
                        ("name_kk", ""),
                        ("name_en", ""),
                    ],
                    &admin,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b} {l}");
            for f in ["code", "kind", "name_ru", "name_kk"] {
                assert!(field_error(&r.body, f).is_some(), "{b} {l}: no {f} error");
            }
            // The kind is a drop-down: it asks to choose, the text fields to fill in.
            assert_eq!(
                shown_error(&r.body, "kind", lang).unwrap_or_default(),
                esc(&catalog().tr(lang, "field-choose")),
                "{b} {l}"
            );
            assert_eq!(
                shown_error(&r.body, "code", lang).unwrap_or_default(),
                esc(&required),
                "{b} {l}"
            );
            assert!(field_error(&r.body, "name_en").is_none(), "{b} {l}");
            let items = summary_items(&r.body);
            assert_eq!(items.len(), 4, "{b} {l}: {items:?}");
            let name_kk = catalog().tr(lang, "territory-name-kk");
            assert!(
                items.iter().any(|i| i.starts_with(&format!("{name_kk}: "))),
                "{b} {l}: {items:?}"
            );

            // A bad code with names given: the code alone, and the kind is not blamed.
            let r = t
                .post_form_as(
                    &format!("/territories/100000000/children?lang={l}"),
                    &[
                        ("code", "100000000"),
                        ("kind", "district"),
                        ("name_ru", "Новый район"),
                        ("name_kk", "Жаңа аудан"),
                    ],
                    &admin,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b} {l}");
            // The parent's own code is taken, and it does not extend the parent's KATO code
            // either: both rules are broken, and both are said next to the code.
            let shown = shown_error(&r.body, "code", lang).unwrap_or_default();
            assert!(
                shown.starts_with(&esc(&catalog().tr(lang, "code-taken"))),
                "{b} {l}: {shown}"
            );
            assert!(field_error(&r.body, "kind").is_none(), "{b} {l}");
            assert_eq!(
                summary_items(&r.body).len(),
                2,
                "{b} {l}: one summary line per broken rule"
            );
        }
        assert_eq!(t.ledger_size().await, before, "{b}: something was written");
    }
}

/// "Label: message" goes on in lower case after the colon in every language, as Russian and
/// Kazakh write it: English included ("KATO code: a KATO code is exactly 9 digits.", where it
/// used to keep the message's capital "A"); abbreviations keep theirs («ӘАОЖ коды: ӘАОЖ …»).
#[tokio::test]
async fn the_summary_goes_on_in_lower_case_after_the_label_in_every_language() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        for (lang, expected) in [
            (Lang::Ru, "Код КАТО: код КАТО состоит ровно из 9 цифр."),
            (Lang::Kk, "ӘАОЖ коды: ӘАОЖ коды дәл 9 цифрдан тұрады."),
            (Lang::En, "KATO code: a KATO code is exactly 9 digits."),
        ] {
            let r = t
                .post_form_as(
                    &format!("/territories/100000000/children?lang={}", lang.code()),
                    &[
                        ("code", "12"),
                        ("kind", "district"),
                        ("name_ru", "Новый район"),
                        ("name_kk", "Жаңа аудан"),
                    ],
                    &admin,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
            let items = summary_items(&r.body);
            assert_eq!(items, [esc(expected)], "{b} [{}]", lang.code());
        }
    }
}

#[tokio::test]
async fn a_row_refused_for_scope_is_told_in_the_readers_language() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let tik = t
            .login(Role::TerritorialCommission, territorial_scope("100000000"))
            .await;
        let before = t.ledger_size().await;
        // Row 3 is in the Akmola region, outside the commission's territory.
        let csv = "number,territory_code,address,voters\n\
                   801,101800000,\"ул. Первая, 1\",100\n\
                   802,113200000,\"ул. Вторая, 2\",10\n";
        for (lang, line, action) in [
            (Lang::Ru, "Строка 3:", "добавление избирательного участка"),
            (Lang::Kk, "3-жол:", "сайлау учаскесін қосу"),
            (Lang::En, "Line 3:", "adding a polling station"),
        ] {
            let r = t
                .post_multipart_as(
                    &format!("/territories/101800000/import?lang={}", lang.code()),
                    &[],
                    ("file", "precincts.csv", csv.as_bytes()),
                    &tik,
                )
                .await;
            assert_eq!(
                r.status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "{b}: {}",
                r.body
            );
            assert_contains(&r, line, b);
            assert_contains(&r, action, b);
            assert!(!r.body.contains("create_precinct"), "{b}");
            assert!(!r.body.contains("outside the scope"), "{b}");
        }
        assert_eq!(t.ledger_size().await, before, "{b}");

        // A forbidden page says why, in words.
        let observer = t
            .login_named("watcher", Role::Observer, Scope::Global)
            .await;
        let r = t
            .post_form_as(
                "/territories/101800000/precincts?lang=ru",
                &[
                    ("number", "55"),
                    ("address", "ул. Абая, 1"),
                    ("voters", "10"),
                ],
                &observer,
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{b}");
        assert_contains(&r, "Наблюдатель", b);
        assert_contains(&r, "добавление избирательного участка", b);
        assert!(!r.body.contains("observer"), "{b}");
    }
}

#[tokio::test]
async fn the_ledger_tells_each_entry_in_words_with_names() {
    for t in common::backends().await {
        let b = t.backend;
        t.load_small().await;
        let admin = t
            .login_named("chief", Role::Administrator, Scope::Global)
            .await;
        t.submit(
            "/territories/101800000/precincts",
            &[
                ("number", "777"),
                ("address", "ул. Тестовая, 7"),
                ("voters", "1234"),
            ],
            &admin,
            StatusCode::SEE_OTHER,
        )
        .await;
        let index = t.ledger_size().await - 1;
        t.create_user(
            "watcher",
            Role::Observer,
            Scope::Global,
            "a-long-enough-password",
        )
        .await;
        t.submit(
            "/admin/users/watcher/active",
            &[("active", "false")],
            &admin,
            StatusCode::SEE_OTHER,
        )
        .await;
        for (lang, precinct, deactivated, role) in [
            (
                "ru",
                "chief добавил(а) избирательный участок № 777 — г. Курчатов (область Абай), избирателей в списке: 1\u{a0}234.",
                "chief отключил(а) учётную запись watcher.",
                "с ролью «Наблюдатель»",
            ),
            (
                "kk",
                "chief № 777 сайлау учаскесін қосты — Курчатов қ. (Абай облысы), тізімдегі сайлаушылар: 1\u{a0}234.",
                "chief watcher есептік жазбасын бұғаттады.",
                "рөлі: «Байқаушы»",
            ),
            (
                "en",
                "chief added polling station No. 777 — Kurchatov (Abai Region), 1,234 voters on the list.",
                "chief disabled the account watcher.",
                "the role “Observer”",
            ),
        ] {
            let ledger = t.get(&format!("/ledger?lang={lang}")).await;
            assert_eq!(ledger.status, StatusCode::OK, "{b}");
            let text = strip_tags(&ledger.body);
            assert!(
                text.contains(&esc(precinct)),
                "{b} {lang}: {precinct}\n{text}"
            );
            assert!(
                text.contains(&esc(deactivated)),
                "{b} {lang}: {deactivated}\n{text}"
            );
            assert!(text.contains(&esc(role)), "{b} {lang}: {role}");
            // No raw identifiers.
            for raw in ["№777", "@ 101800000", "= false", "(observer)", "observer"] {
                assert!(!text.contains(raw), "{b} {lang}: {raw:?} shown");
            }
            // The canonical JSON is one click away, numbered as in the API.
            assert_contains(
                &ledger,
                &format!("/api/ledger/entries?start={index}&amp;end={}", index + 1),
                b,
            );
            let entry = t.get(&format!("/ledger/{index}?lang={lang}")).await;
            assert!(
                strip_tags(&entry.body).contains(&esc(precinct)),
                "{b} {lang}"
            );
            assert_contains(&entry, &format!("&#34;index&#34;:{index}"), b);
        }
    }
}

#[tokio::test]
async fn the_footer_offers_the_source_of_the_running_version() {
    let t = TestApp::sqlite().await;
    let home = t.get("/?lang=ru").await;
    assert!(!home.body.contains("example.invalid"), "a placeholder link");
    assert_contains(&home, "href=\"/source\"", "sqlite");
    assert_contains(&home, env!("CARGO_PKG_VERSION"), "sqlite");
    for lang in ["ru", "kk", "en"] {
        let source = t.get(&format!("/source?lang={lang}")).await;
        assert_eq!(source.status, StatusCode::OK);
        assert_contains(&source, env!("CARGO_PKG_VERSION"), lang);
        assert_contains(&source, "--source-url", lang);
    }
    // An operator's address replaces the page.
    let state = sailau_web::WebState::new(t.app.clone(), sailau_web::WebConfig::default())
        .unwrap()
        .with_source_url(Some("https://git.example.kz/sailau/tree/v0.1.0".into()));
    let router = sailau_web::router(state);
    let res = tower::ServiceExt::oneshot(
        router,
        axum::http::Request::get("/")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await
    .unwrap();
    let body = http_body_util::BodyExt::collect(res.into_body())
        .await
        .unwrap()
        .to_bytes();
    let body = String::from_utf8_lossy(&body);
    assert!(
        body.contains("href=\"https://git.example.kz/sailau/tree/v0.1.0\""),
        "the configured source address is not linked"
    );
}

#[tokio::test]
async fn login_refuses_impossible_usernames_like_wrong_passwords_on_every_backend() {
    let long = "a".repeat(3_000);
    for t in common::backends().await {
        let b = t.backend;
        for name in ["a\u{0}b", long.as_str(), "ÄÖÜ"] {
            let r = t
                .post_form(
                    "/login?lang=en",
                    &[("username", name), ("password", "whatever password")],
                    None,
                )
                .await;
            assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{b}: {}", r.body);
            assert_contains(&r, &tr(Lang::En, "login-wrong-credentials"), b);
        }
    }
}

#[tokio::test]
async fn signing_in_gives_the_browser_a_device_cookie() {
    for t in common::backends().await {
        let b = t.backend;
        t.create_user(
            "observer2",
            Role::Observer,
            Scope::Global,
            "a long password 2",
        )
        .await;
        let r = t
            .post_form(
                "/login",
                &[("username", "observer2"), ("password", "a long password 2")],
                None,
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{b}: {}", r.body);
        let cookies = r.set_cookies();
        let device = cookies
            .iter()
            .find(|c| c.starts_with("sailau_device="))
            .unwrap_or_else(|| panic!("{b}: no device cookie in {cookies:?}"));
        assert!(
            device.contains("HttpOnly") && device.contains("SameSite=Strict"),
            "{b}: {device}"
        );
    }
}

#[tokio::test]
async fn the_last_administrator_cannot_disable_itself() {
    for t in common::backends().await {
        let b = t.backend;
        let admin = t.login(Role::Administrator, Scope::Global).await;
        let r = t
            .post_form_as(
                &format!("/admin/users/{}/active?lang=kk", admin.username),
                &[("active", "false")],
                &admin,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: {}",
            r.body
        );
        // Named with its field in the summary («Рөл: бұл — соңғы…»).
        let rest = |lang| {
            tr(lang, "last-administrator")
                .chars()
                .skip(1)
                .collect::<String>()
        };
        assert_contains(&r, &rest(Lang::Kk), b);
        let r = t
            .post_form_as(
                &format!("/admin/users/{}/role?lang=ru", admin.username),
                &[("role", "observer"), ("scope", "")],
                &admin,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: {}",
            r.body
        );
        assert_contains(&r, &rest(Lang::Ru), b);
        assert!(
            t.get_as("/admin/users", &admin).await.status.is_success(),
            "{b}"
        );
    }
}

/// The ledger pages name every command kind in every language (`command-…`), so no entry is
/// listed under a message key.
#[test]
fn every_command_kind_has_a_name_in_every_language() {
    let catalog = sailau_i18n::Catalog::new().unwrap();
    for lang in [
        sailau_i18n::Lang::Kk,
        sailau_i18n::Lang::Ru,
        sailau_i18n::Lang::En,
    ] {
        for kind in sailau_domain::CommandKind::ALL {
            let key = format!("command-{}", kind.as_str().replace('_', "-"));
            assert!(catalog.contains(lang, &key), "{lang:?}: {key}");
        }
    }
}

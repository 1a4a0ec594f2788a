//! Issue 11's last pages (i11-finish), in-process on every backend: the higher akim's proposal
//! form, a candidate's own account page linking its nomination, the signature-verification
//! protocol as a PDF, hostile values in every elections form (each answer pinned), and issue 10's
//! leftovers: an import's bad rows and its rows outside the importer's scope in one answer,
//! refusals of authorization in the request's language, `Vary: Accept-Language`.

use std::io::Write;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use sailau_domain::elections::NominationId;
use sailau_domain::{Role, Scope, TerritoryCode};
use sailau_i18n::Lang;

use super::elections::{
    AFTER_REGISTRATION_AT, PDF, commission, field_error, location_path, main_text, move_to,
    secretary, setup, sheets, summary_items, unfit, walk,
};
use crate::common::{self, TestApp, TestResponse};

fn pdftotext(pdf: &[u8]) -> String {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(pdf).unwrap();
    let output = std::process::Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(file.path())
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils, installed by .ci/run)");
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test]
async fn the_signature_protocol_downloads_as_a_pdf_in_kazakh_and_russian() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let tik = w.tik.clone();
        t.post_multipart_as(
            &format!("{}/signatures", w.self_nominee),
            &[],
            ("file", "sheets.csv", sheets(10).as_bytes()),
            &tik,
        )
        .await;
        let page = t.get(&format!("{}?lang=ru", w.self_nominee)).await;
        let href = format!("{}/signatures/protocol.pdf?lang=kk", w.self_nominee);
        assert!(
            page.body.contains(&href),
            "{}: no link to the protocol",
            t.backend
        );
        // Public, like the counts: the PDF holds no signer's data.
        let r = t.get(&href).await;
        assert_eq!(r.status, StatusCode::OK, "{}: {}", t.backend, r.body);
        assert_eq!(r.header("content-type"), Some("application/pdf"));
        let text = pdftotext(&r.bytes);
        for needle in ["ХАТТАМА", "Тестов Ерлан Серикович", "Абай ауданы"]
        {
            assert!(
                text.contains(needle),
                "{}: {needle:?} in\n{text}",
                t.backend
            );
        }
        let r = t
            .get(&format!(
                "{}/signatures/protocol.pdf?lang=ru",
                w.self_nominee
            ))
            .await;
        let text = pdftotext(&r.bytes);
        for needle in [
            "ПРОТОКОЛ",
            "Подписей в подписных листах",
            "11",
            "повторная подпись того же лица",
            "подписей достаточно",
        ] {
            assert!(
                text.contains(needle),
                "{}: {needle:?} in\n{text}",
                t.backend
            );
        }
        assert!(!text.contains("Иванов"), "{}: a signer's name", t.backend);
        // A party's nominee has no signature sheets; a third language is a bad request.
        let r = t
            .get(&format!("{}/signatures/protocol.pdf", w.party_nominee))
            .await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", t.backend);
        let r = t
            .get(&format!(
                "{}/signatures/protocol.pdf?lang=de",
                w.self_nominee
            ))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", t.backend);
    }
}

#[tokio::test]
async fn the_higher_akim_proposes_when_a_contest_has_too_few_candidates() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let mut tik = w.tik.clone();
        let form = format!("{}/higher-akim-proposal", w.contest);
        // While nomination runs the route is closed: no link.
        let page = t.get_as(&format!("{}?lang=ru", w.contest), &tik).await;
        assert!(!page.body.contains(&form), "{}", t.backend);
        // One registered of the minimum two after the registration deadline: the route opens.
        move_to(&t, &clock, AFTER_REGISTRATION_AT, &mut [&mut tik]).await;
        let page = t.get_as(&format!("{}?lang=ru", w.contest), &tik).await;
        assert!(
            page.body.contains(&form),
            "{}: no proposal link: {}",
            t.backend,
            main_text(&page.body)
        );
        for lang in Lang::ALL {
            let r = t
                .get_as(&format!("{form}?lang={}", lang.code()), &tik)
                .await;
            assert_eq!(r.status, StatusCode::OK, "{}", t.backend);
            assert!(
                unfit(lang, &r.body).is_empty(),
                "{}: {:?}",
                t.backend,
                unfit(lang, &r.body)
            );
        }
        // Every broken rule at once, next to its field; nothing written.
        let before = t.ledger_size().await;
        let r = t
            .post_multipart_as(
                &format!("{form}?lang=ru"),
                &[
                    ("surname", ""),
                    ("given_name", "Бахыт"),
                    ("birth_date", "1978-13-40"),
                    ("gender", "male"),
                    ("current_post", "заместитель акима"),
                    ("residence", "с. Карааул"),
                    ("decision_number", "12"),
                    ("decision_date", "вчера"),
                    ("decision_body", "аким области Абай"),
                ],
                ("decision_file", "proposal.txt", b"not a scan"),
                &tik,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
        for f in ["surname", "birth_date", "decision_date", "decision_file"] {
            assert!(
                field_error(&r.body, f).is_some(),
                "{}: no error next to {f}: {:?}",
                t.backend,
                summary_items(&r.body)
            );
        }
        assert_eq!(t.ledger_size().await, before, "{}", t.backend);
        // No scan chosen (the browser sends an empty file part): told to choose a file, in the
        // page's language, not to enter a value.
        let r = t
            .post_multipart_as(
                &format!("{form}?lang=kk"),
                &[("surname", "Жақсылықов"), ("given_name", "Бахыт")],
                ("decision_file", "", b""),
                &tik,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
        let error = field_error(&r.body, "decision_file").unwrap_or_default();
        assert!(
            error.ends_with("Файлды таңдаңыз."),
            "{}: {error}",
            t.backend
        );
        assert_eq!(t.ledger_size().await, before, "{}", t.backend);
        let r = t
            .post_multipart_as(
                &form,
                &[
                    ("surname", "Жақсылықов"),
                    ("given_name", "Бахыт"),
                    ("patronymic", "Ерланұлы"),
                    ("birth_date", "1978-03-04"),
                    ("gender", "male"),
                    ("current_post", "заместитель акима области"),
                    ("residence", "г. Семей"),
                    ("decision_number", "12"),
                    ("decision_date", "2025-04-16"),
                    ("decision_body", "аким области Абай"),
                    ("qual_citizenship", "on"),
                    ("qual_legal_capacity", "on"),
                    ("qual_civil_service_qualification", "on"),
                ],
                ("decision_file", "proposal.pdf", PDF),
                &tik,
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            t.backend,
            main_text(&r.body)
        );
        let nominee = location_path(&r);
        let page = t.get_as(&format!("{nominee}?lang=ru"), &tik).await;
        let text = main_text(&page.body);
        assert!(
            text.contains("Представление вышестоящего акима") || text.contains("вышестоящ"),
            "{}: {text}",
            t.backend
        );
        assert!(
            page.body.contains("/elections/attachments/"),
            "{}: the scan is filed",
            t.backend
        );
    }
}

#[tokio::test]
async fn a_candidates_account_page_links_its_nomination_with_what_is_missing() {
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let id = NominationId::parse(w.self_nominee.rsplit('/').next().unwrap()).unwrap();
        let person = t
            .app
            .nomination(&id)
            .await
            .unwrap()
            .nomination
            .candidate
            .person
            .id;
        let candidate = t.login(Role::Candidate, Scope::Person { person }).await;
        for lang in Lang::ALL {
            let r = t
                .get_as(&format!("/account?lang={}", lang.code()), &candidate)
                .await;
            assert_eq!(r.status, StatusCode::OK, "{}", t.backend);
            assert!(
                r.body.contains(&format!("href=\"{}\"", w.self_nominee)),
                "{} [{}]: no link to the nomination: {}",
                t.backend,
                lang.code(),
                main_text(&r.body)
            );
            // The account's own username and display name are the user's data, Latin or not.
            let body = r
                .body
                .replace(candidate.username.as_str(), "")
                .replace("Test candidate", "");
            assert!(
                unfit(lang, &body).is_empty(),
                "{}: {:?}",
                t.backend,
                unfit(lang, &body)
            );
        }
        let r = t.get_as("/account?lang=ru", &candidate).await;
        let text = main_text(&r.body);
        assert!(
            text.contains("Мои кандидатуры") && text.contains("Чего не хватает для регистрации"),
            "{}: {text}",
            t.backend
        );
        // Other accounts have no such section.
        let r = t.get_as("/account?lang=ru", &w.tik).await;
        assert!(!r.body.contains("id=\"candidacies\""), "{}", t.backend);
    }
}

/// The fields with an error shown next to them, in page order.
fn fields_with_errors(body: &str) -> Vec<String> {
    body.split("id=\"f-")
        .skip(1)
        .filter_map(|s| s.split_once("-error\"").map(|(f, _)| f.to_owned()))
        .filter(|f| !f.contains('"'))
        .collect()
}

/// Hostile values in every field of the elections forms, one at a time: each answer is a page
/// (never a 5xx), a refused form writes nothing, and the answer to each value (its status and the
/// fields with an error) is pinned by `tests/snapshots/hostile-election-forms.txt`, the same on
/// every backend (`UPDATE_SNAPSHOTS=1` rewrites the file; review the diff).
#[tokio::test]
async fn hostile_values_in_the_elections_forms() {
    let long = "ж".repeat(70_000);
    let values: Vec<String> = vec![
        "\u{0}".into(),
        "a\u{0}b".into(),
        "\u{7}\u{1b}[31m".into(),
        "\u{202e}evil".into(),
        "'; DROP TABLE elections; --".into(),
        "  ".into(),
        "".into(),
        "１０３２０００００".into(),
        "\u{FFFF}\u{10FFFF}".into(),
        long,
    ];
    let visible = |s: &str| -> String {
        s.chars()
            .take(40)
            .flat_map(|c| {
                if c.is_control() || !(c.is_alphanumeric() || c.is_ascii_graphic() || c == ' ') {
                    format!("\\u{{{:x}}}", c as u32).chars().collect::<Vec<_>>()
                } else {
                    vec![c]
                }
            })
            .collect()
    };
    let mut pinned_for: Option<String> = None;
    for (t, clock) in setup().await {
        let mut tik = commission(&t).await;
        let mut sec = secretary(&t).await;
        let w = walk(&t, &clock, &mut tik, &mut sec).await;
        let tik = w.tik.clone();
        let forms: Vec<(String, Vec<(&str, &str)>)> = vec![
            (
                "/elections/call".into(),
                vec![
                    ("name_ru", "Выборы акима Курчатова"),
                    ("name_kk", "Курчатов қаласы әкімінің сайлауы"),
                    ("name_en", ""),
                    ("ruleset", "kz-akim-district-2023"),
                    ("election_day", "2025-06-29"),
                    ("units", "101800000"),
                ],
            ),
            (
                format!("{}/self-nomination", w.contest),
                vec![
                    ("surname", "Сапаров"),
                    ("given_name", "Ержан"),
                    ("patronymic", ""),
                    ("birth_date", "1981-05-06"),
                    ("gender", "male"),
                    ("current_post", "фермер"),
                    ("residence", "с. Карааул"),
                ],
            ),
            (
                format!("{}/deposit", w.self_nominee),
                vec![
                    ("paid_on", "2025-03-05"),
                    ("document_number", "ПП-1"),
                    ("amount", "425000"),
                ],
            ),
            (
                format!("{}/refuse", w.self_nominee),
                vec![
                    ("ground", "documents_incomplete"),
                    ("text", "нет документов"),
                ],
            ),
            (
                format!("{}/cancel", w.party_nominee),
                vec![("reason", "withdrawn"), ("text", "заявление № 7")],
            ),
        ];
        let mut answers = Vec::new();
        for (path, template) in &forms {
            for (field, _) in template {
                for v in &values {
                    let fields: Vec<(&str, &str)> = template
                        .iter()
                        .map(|(k, x)| (*k, if k == field { v.as_str() } else { *x }))
                        .collect();
                    let before = t.ledger_size().await;
                    let r = t
                        .post_form_as(&format!("{path}?lang=ru"), &fields, &tik)
                        .await;
                    let what = format!("{} POST {path} {field}={}", t.backend, visible(v));
                    assert!(
                        r.status.is_redirection() || r.status.is_client_error(),
                        "{what}: {} {}",
                        r.status,
                        main_text(&r.body).chars().take(500).collect::<String>()
                    );
                    let mut answer = r.status.as_u16().to_string();
                    if r.status.is_client_error() {
                        assert_eq!(t.ledger_size().await, before, "{what}: refused but written");
                        assert!(r.body.contains("<html"), "{what}: not a page");
                        for f in fields_with_errors(&r.body) {
                            answer.push(' ');
                            answer.push_str(&f);
                        }
                    }
                    let shape = path
                        .split('/')
                        .map(|p| if p.len() == 36 { "{id}" } else { p })
                        .collect::<Vec<_>>()
                        .join("/");
                    answers.push(format!("POST {shape} {field}={} -> {answer}", visible(v)));
                }
            }
        }
        let got = answers.join("\n") + "\n";
        if let Some(first) = &pinned_for {
            assert_eq!(
                &got, first,
                "{}: answers differ between backends",
                t.backend
            );
            continue;
        }
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/snapshots/hostile-election-forms.txt");
        let pinned = std::fs::read_to_string(&path).unwrap_or_default();
        if got != pinned {
            if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
                std::fs::write(&path, &got).unwrap();
            } else {
                let first = got
                    .lines()
                    .zip(pinned.lines().chain(std::iter::repeat("(missing)")))
                    .find(|(a, b)| a != b);
                panic!(
                    "{}: the answers to hostile values changed (UPDATE_SNAPSHOTS=1 rewrites {}): first difference: got {:?}, pinned {:?}",
                    t.backend,
                    path.display(),
                    first.map(|f| f.0),
                    first.map(|f| f.1)
                );
            }
        }
        pinned_for = Some(got);
        let _ = &clock;
    }
}

/// Precincts for the Abai region's commission: line 2 does not parse, line 3 is in Akmola
/// (outside its scope), line 4 is fine.
const MIXED_PRECINCTS: &str = "number,territory_code,address,voters\n\
    301,103200000,\"с. Карааул, ул. Абая, 2\",много\n\
    11,113200000,\"г. Акколь, ул. Абая, 1\",500\n\
    302,103200000,\"с. Карааул, ул. Абая, 3\",400\n";

async fn region_commission(t: &TestApp) -> common::Login {
    t.login(
        Role::TerritorialCommission,
        Scope::Territory {
            territory: TerritoryCode::parse("100000000").unwrap(),
        },
    )
    .await
}

#[tokio::test]
async fn an_import_names_its_bad_rows_and_its_rows_outside_the_scope_together() {
    for t in common::backends().await {
        t.load_small().await;
        let tik = region_commission(&t).await;
        let before = t.ledger_size().await;
        let r = t
            .post_multipart_as(
                "/territories/103200000/import?lang=ru",
                &[],
                ("file", "precincts.csv", MIXED_PRECINCTS.as_bytes()),
                &tik,
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", t.backend);
        let text = main_text(&r.body);
        assert!(
            text.contains("Строка 2") && text.contains("Строка 3") && !text.contains("Строка 4"),
            "{}: {text}",
            t.backend
        );
        assert!(text.contains("за её пределами"), "{}: {text}", t.backend);
        assert_eq!(t.ledger_size().await, before, "{}", t.backend);

        // The API: both rows in one problem, by line, the refusal worded in the request's language.
        let req = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/import/precincts")
            .header(header::AUTHORIZATION, format!("Bearer {}", tik.token))
            .header(header::CONTENT_TYPE, "text/csv")
            .header(header::ACCEPT_LANGUAGE, "kk")
            .body(Body::from(MIXED_PRECINCTS))
            .unwrap();
        let r = t.send(req).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let p = r.json();
        let lines: Vec<(u64, String)> = p["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["line"].as_u64().unwrap_or(0),
                    e["rule"].as_str().unwrap_or("").to_owned(),
                )
            })
            .collect();
        assert_eq!(
            lines,
            [
                (2, "voters-out-of-range".to_owned()),
                (3, "denied-scope".to_owned())
            ],
            "{}: {}",
            t.backend,
            r.body
        );
        assert_eq!(t.ledger_size().await, before, "{}", t.backend);
    }
}

fn vary_names_language(r: &TestResponse) -> bool {
    r.headers.get_all(header::VARY).iter().any(|v| {
        v.to_str()
            .unwrap_or("")
            .to_lowercase()
            .contains("accept-language")
    })
}

#[tokio::test]
async fn api_refusals_of_authorization_speak_the_requests_language() {
    let t = TestApp::sqlite().await;
    t.load_small().await;
    let observer = t.login(Role::Observer, Scope::Global).await;
    let body = serde_json::json!({"number": 900, "territory_code": "103200000", "address": "с. Карааул", "voters": 1});
    let send = |lang: Option<&'static str>, token: Option<String>| {
        let mut b = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/precincts")
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(l) = lang {
            b = b.header(header::ACCEPT_LANGUAGE, l);
        }
        if let Some(tok) = token {
            b = b.header(header::AUTHORIZATION, format!("Bearer {tok}"));
        }
        b.body(Body::from(body.to_string())).unwrap()
    };
    // 403 in Russian and Kazakh; English without the header, as before.
    let r = t.send(send(Some("ru"), Some(observer.token.clone()))).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let p = r.json();
    let detail = p["detail"].as_str().unwrap_or("");
    assert!(detail.contains("Роль «Наблюдатель»"), "{detail}");
    assert_eq!(p["errors"][0]["message"].as_str(), Some(detail));
    assert_eq!(p["errors"][0]["rule"], "denied-role");
    assert_eq!(r.header("content-language"), Some("ru"));
    assert!(vary_names_language(&r));
    let r = t.send(send(Some("kk"), Some(observer.token.clone()))).await;
    let detail = r.json()["detail"].as_str().unwrap_or("").to_owned();
    assert!(!detail.is_empty() && !detail.contains("role"), "{detail}");
    assert_eq!(r.header("content-language"), Some("kk"));
    let r = t.send(send(None, Some(observer.token.clone()))).await;
    let detail = r.json()["detail"].as_str().unwrap_or("").to_owned();
    assert!(detail.contains("Observer"), "{detail}");
    assert!(vary_names_language(&r));
    // 401 too.
    let r = t.send(send(Some("ru"), None)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{}", r.body);
    assert_eq!(r.json()["detail"], "Войдите, чтобы сделать это.");
    // Pages depend on the header too.
    let r = t.get("/").await;
    assert!(vary_names_language(&r), "{:?}", r.headers);
}

/// A body of the wrong type is refused naming the field and what it takes, in the request's
/// language, never in serde's words (newcomer test: "invalid type: integer `5`, expected a
/// string" in English whatever `Accept-Language` said).
#[tokio::test]
async fn api_bodies_of_the_wrong_type_name_the_field_in_the_requests_language() {
    let t = TestApp::sqlite().await;
    t.load_small().await;
    let admin = t.login(Role::Administrator, Scope::Global).await;
    let body = serde_json::json!({"number": 900, "territory_code": "103200000", "address": 5, "voters": 1});
    for (lang, message) in [
        (
            Some("ru"),
            "В поле «address» нужно указать текст в кавычках.",
        ),
        (
            Some("kk"),
            "«address» өрісінің мәні тырнақшадағы мәтін болуы керек.",
        ),
        (None, "The field “address” takes text in quotation marks."),
    ] {
        let mut b = Request::builder()
            .method(Method::POST)
            .uri("/api/v1/precincts")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {}", admin.token));
        if let Some(l) = lang {
            b = b.header(header::ACCEPT_LANGUAGE, l);
        }
        let r = t.send(b.body(Body::from(body.to_string())).unwrap()).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
        let p = r.json();
        assert_eq!(p["errors"][0]["field"], "address", "{}", r.body);
        assert_eq!(p["errors"][0]["rule"], "invalid-type", "{}", r.body);
        assert_eq!(p["errors"][0]["message"], message, "{}", r.body);
        assert_eq!(r.header("content-language"), lang, "{}", r.body);
        assert!(!r.body.contains("expected a string"), "{}", r.body);
    }
}

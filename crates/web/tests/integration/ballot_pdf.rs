//! The ballot PDF route (i11-print): what it refuses, in the reader's language, never a 500.

use std::io::Write;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use sailau_app::Acting;
use sailau_domain::elections::{CallElection, ContestId, ElectionId, Level, NewContest, rules};
use sailau_domain::{Names, TerritoryCode};
use tower::ServiceExt;

use crate::common::{self, TestApp};

const NIL: &str = "00000000-0000-0000-0000-000000000000";

#[tokio::test]
async fn an_unknown_or_malformed_contest_is_not_found_and_a_third_language_is_a_bad_request() {
    let t = TestApp::sqlite().await;
    for path in [
        format!("/elections/{NIL}/contests/{NIL}/ballot.pdf?lang=kk"),
        format!("/elections/{NIL}/contests/{NIL}/ballot.pdf"),
        "/elections/not-an-id/contests/also-not/ballot.pdf?lang=ru".to_string(),
    ] {
        let r = t.get(&path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}: {}", r.body);
        assert!(r.body.contains("<html"), "{path}: an HTML page");
    }
    let r = t
        .get(&format!(
            "/elections/{NIL}/contests/{NIL}/ballot.pdf?lang=de"
        ))
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
}

/// Calls an election for the Abai district of the small registry, 60 days ahead, under the
/// district preset (as the operator: the command path, not a form).
async fn call_election(t: &TestApp) -> (ElectionId, ContestId) {
    let election = ElectionId(uuid::Uuid::new_v4());
    let contest = ContestId(uuid::Uuid::new_v4());
    let rule_set = rules::preset("kz-akim-district-2023").unwrap().to_string();
    let day = jiff::Zoned::now()
        .date()
        .checked_add(jiff::Span::new().days(60))
        .unwrap();
    t.app
        .execute(
            &Acting::Operator,
            CallElection {
                election,
                names: Names {
                    ru: "Выборы акима Абайского района".into(),
                    kk: "Абай ауданы әкімінің сайлауы".into(),
                    en: String::new(),
                },
                level: Level::District,
                election_day: day,
                territory: Some(TerritoryCode::parse("100000000").unwrap()),
                contests: vec![NewContest {
                    id: contest,
                    unit: TerritoryCode::parse("103200000").unwrap(),
                }],
                rule_set_sha256: rules::RuleSet::digest(&rule_set),
                rule_set,
            },
        )
        .await
        .unwrap_or_else(|e| panic!("{}: call_election: {e}", t.backend));
    (election, contest)
}

async fn get_bytes(t: &TestApp, path: &str) -> (StatusCode, Option<String>, Vec<u8>) {
    get_bytes_in(t, path, "ru").await
}

async fn get_bytes_in(
    t: &TestApp,
    path: &str,
    accept_language: &str,
) -> (StatusCode, Option<String>, Vec<u8>) {
    let request = Request::get(path)
        .header(header::ACCEPT_LANGUAGE, accept_language)
        .body(Body::empty())
        .unwrap();
    let response = t.router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, content_type, bytes.to_vec())
}

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
async fn a_contest_ballot_downloads_as_a_pdf_in_kazakh_and_in_russian_on_every_backend() {
    for t in common::backends().await {
        t.load_small().await;
        let (election, contest) = call_election(&t).await;
        let base = format!("/elections/{election}/contests/{contest}/ballot.pdf");

        let (status, content_type, pdf) = get_bytes(&t, &format!("{base}?lang=kk")).await;
        assert_eq!(status, StatusCode::OK, "{}", t.backend);
        assert_eq!(content_type.as_deref(), Some("application/pdf"));
        let text = pdftotext(&pdf);
        // The rule set's Kazakh title and against-all line, the unit in Kazakh.
        assert!(
            text.contains("Аудан әкімін сайлау бойынша"),
            "{}: {text}",
            t.backend
        );
        assert!(text.contains("Абай ауданы"), "{}: {text}", t.backend);
        assert!(text.contains("Барлығына қарсы"), "{}: {text}", t.backend);

        let (status, _, pdf) = get_bytes(&t, &format!("{base}?lang=ru")).await;
        assert_eq!(status, StatusCode::OK);
        let text = pdftotext(&pdf);
        assert!(text.contains("Против всех"), "{}: {text}", t.backend);
        assert!(text.contains("Абайский район"), "{}: {text}", t.backend);

        // Without `lang`, a Kazakh reader gets the Kazakh ballot.
        let (status, _, pdf) = get_bytes_in(&t, &base, "kk").await;
        assert_eq!(status, StatusCode::OK);
        assert!(pdftotext(&pdf).contains("Барлығына қарсы"));
        // An English reader gets the Russian one (ballots exist in Kazakh and Russian only).
        let (status, _, pdf) = get_bytes_in(&t, &base, "en").await;
        assert_eq!(status, StatusCode::OK);
        assert!(pdftotext(&pdf).contains("Против всех"));

        // The contest under another election is not found.
        let other = format!("/elections/{NIL}/contests/{contest}/ballot.pdf?lang=kk");
        assert_eq!(t.get(&other).await.status, StatusCode::NOT_FOUND);
    }
}

//! The open-data API (issue 12 §6–8): an election's results, statistics, NIST SP 1500-100 JSON,
//! CSV and XLSX per precinct and per unit, and the ledger as a NIST SP 1500-101 event log — all
//! public, the same documents as `sailau export`.

use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use sailau_app::demo_elections::DISTRICT_ELECTION;

use crate::common::TestApp;

#[tokio::test]
async fn results_statistics_and_exports_of_the_demo_election() {
    let t = TestApp::sqlite().await;
    t.load_demo().await;
    let base = format!("/api/v1/elections/{DISTRICT_ELECTION}/results");

    let r = t.get(&base).await;
    assert_eq!(r.status, StatusCode::OK);
    let results = r.json();
    assert_eq!(results["units"].as_array().unwrap().len(), 45);
    assert_eq!(results["national"]["precincts_total"], 1491);

    let s = t.get(&format!("{base}/statistics")).await.json();
    assert_eq!(s["registered"], 164);
    assert_eq!(s["registered_by_route"]["party"], 69);
    assert_eq!(s["registered_by_route"]["self_nominated"], 95);
    assert_eq!(s["registered_by_gender"]["female"], 10);
    assert_eq!(s["on_ballot"], 125);

    let nist = t.get(&format!("{base}/nist")).await;
    assert_eq!(nist.status, StatusCode::OK);
    assert_eq!(nist.json()["@type"], "ElectionResults.ElectionReport");

    let csv = t.get(&format!("{base}/precincts.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body
            .starts_with("region_code,precinct_number,ocd_division")
    );
    assert_eq!(csv.body.lines().count(), 1 + 1491);
    for (path, sheet) in [("precincts.xlsx", "precincts"), ("units.xlsx", "units")] {
        let x = t.get(&format!("{base}/{path}")).await;
        assert_eq!(x.status, StatusCode::OK, "{path}");
        assert_eq!(
            x.headers[CONTENT_TYPE],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        );
        assert!(
            x.headers[CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .contains(&format!("{DISTRICT_ELECTION}-{sheet}.xlsx"))
        );
        assert!(x.bytes.starts_with(b"PK"), "{path}: a zip archive");
    }

    let log = t.get("/api/ledger/nist-events").await;
    assert_eq!(log.status, StatusCode::OK);
    let log = log.json();
    assert_eq!(log["@type"], "EventLogging.ElectionEventLog");
    let head = t.get("/api/ledger/head").await.json();
    assert_eq!(
        log["Device"][0]["Event"].as_array().unwrap().len() as u64,
        head["signed_head"]["head"]["size"].as_u64().unwrap()
    );

    // A malformed id is a 400 naming it; an unknown election a 404.
    let bad = t.get("/api/v1/elections/not-an-id/results").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    let unknown = t
        .get("/api/v1/elections/00000000-0000-0000-0000-000000000000/results/nist")
        .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

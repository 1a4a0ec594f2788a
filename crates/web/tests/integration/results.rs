//! Public results pages (issue 12 §5): readable in three languages before any protocol, the unit
//! page with its chart served from memory, the open-data downloads.

use axum::http::StatusCode;
use sailau_app::demo_elections::DISTRICT_ELECTION;

use crate::common::TestApp;

#[tokio::test]
async fn results_pages_and_open_data_of_the_demo_election() {
    let t = TestApp::sqlite().await;
    t.load_demo().await;
    let base = format!("/elections/{DISTRICT_ELECTION}/results");
    for (lang, title) in [
        ("ru", "Итоги выборов"),
        ("kk", "Сайлау қорытындылары"),
        ("en", "Results"),
    ] {
        let r = t.get(&format!("{base}?lang={lang}")).await;
        assert_eq!(r.status, StatusCode::OK, "{lang}");
        assert!(r.body.contains(title), "{lang}");
        assert!(!r.body.contains('⟦'), "{lang}: a key is missing");
    }
    let results = t.app.election_results(&DISTRICT_ELECTION).await.unwrap();
    let unit = &results.units[0];
    let href = format!("{base}/contests/{}?lang=ru", unit.contest.id);
    let first = t.get(&href).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("<svg"), "the votes chart");
    assert!(first.body.contains("Предварительные данные"));
    assert!(!first.body.contains('⟦'));
    let second = t.get(&href).await;
    assert_eq!(first.body, second.body, "served from memory");
    let region = t
        .get(&format!("{base}/regions/{}?lang=kk", unit.region.code))
        .await;
    assert_eq!(region.status, StatusCode::OK);
    let p = &unit.precincts[0].precinct;
    let precinct = t
        .get(&format!(
            "{base}/contests/{}/precincts/{}/{}?lang=en",
            unit.contest.id, p.region_code, p.number
        ))
        .await;
    assert_eq!(precinct.status, StatusCode::OK);
    assert!(precinct.body.contains("not yet received"));

    let nist = t.get(&format!("{base}/nist.json")).await;
    assert_eq!(nist.status, StatusCode::OK);
    assert_eq!(nist.json()["@type"], "ElectionResults.ElectionReport");
    let csv = t.get(&format!("{base}/units.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(csv.body.starts_with("unit_code,ocd_division,status"));
    assert_eq!(
        t.get("/elections/not-an-id/results.json").await.status,
        StatusCode::NOT_FOUND
    );
}

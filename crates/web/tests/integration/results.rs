//! Public results pages (issue 12 §5): the demo's certified election readable in three languages,
//! the unit page with its chart served from memory, a precinct's protocol, the repeat election
//! still awaiting its protocols, the open-data downloads.

use axum::http::StatusCode;
use sailau_app::demo_elections::DISTRICT_ELECTION;

use crate::common::TestApp;
use crate::elections::main_text;

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
    // The calendar's offset is the one its moments had (newcomer test): Kazakhstan's clocks
    // were UTC+6 on 5 Nov 2023 and moved to UTC+5 on 1 Mar 2024, after this election.
    for lang in ["ru", "kk", "en"] {
        let r = t
            .get(&format!("/elections/{DISTRICT_ELECTION}?lang={lang}"))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{lang}");
        assert!(r.body.contains("(UTC+6)"), "{lang}: the offset of 2023");
        assert!(!r.body.contains("UTC+5"), "{lang}: today's offset");
    }
    let results = t.app.election_results(&DISTRICT_ELECTION).await.unwrap();
    let unit = &results.units[0];
    let href = format!("{base}/contests/{}?lang=ru", unit.contest.id);
    let first = t.get(&href).await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("<svg"), "the votes chart");
    assert!(first.body.contains("Итоги утверждены комиссией"));
    // Parties by their names, not their codes (newcomer test).
    assert!(first.body.contains("AMANAT"));
    assert!(!main_text(&first.body).contains("amanat"));
    assert!(!first.body.contains('⟦'));
    let second = t.get(&href).await;
    assert_eq!(first.body, second.body, "served from memory");
    let region = t
        .get(&format!("{base}/regions/{}?lang=kk", unit.region.code))
        .await;
    assert_eq!(region.status, StatusCode::OK);
    // Statistics on the page (issue 12 §6), the seeds' figures; the region's page has its own.
    let page = t.get(&format!("{base}?lang=ru")).await;
    let words = |body: &str| {
        main_text(body)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let text = words(&page.body);
    for figure in [
        "Зарегистрировано кандидатов 164",
        "Зарегистрировано, выдвинуты партиями 69 (42,07%)",
        "Зарегистрировано, самовыдвиженцы 95 (57,93%)",
        "Зарегистрировано женщин 10",
        "Внесено в бюллетени 125",
        "Средний возраст избранных 46,7",
        "Избранные по партиям",
        "Участки по явке",
        "Переизбраны действующие акимы 29",
        "Избраны впервые 15",
    ] {
        assert!(text.contains(figure), "{figure:?} in {text}");
    }
    let g = results.region(&unit.region.code).unwrap();
    let region_text = words(&region.body);
    assert!(
        region_text.contains(&format!(
            "Тіркелген кандидаттар {}",
            g.statistics.registered
        )),
        "the region's own figures: {region_text}"
    );
    assert!(g.statistics.registered < 164, "a region holds fewer");
    // The API's statistics carry the re-elected akims, for the election and per region.
    let api = t
        .get(&format!(
            "/api/v1/elections/{DISTRICT_ELECTION}/results/statistics"
        ))
        .await;
    assert_eq!(api.status, StatusCode::OK);
    assert_eq!(api.json()["incumbents_reelected"], 29);
    assert_eq!(api.json()["new_winners"], 15);
    let mut per_region = 0;
    for g in &results.regions {
        let api = t
            .get(&format!(
                "/api/v1/elections/{DISTRICT_ELECTION}/results/statistics?region={}",
                g.region.code
            ))
            .await;
        assert_eq!(
            api.json()["incumbents_reelected"],
            g.statistics.incumbents_reelected
        );
        per_region += g.statistics.incumbents_reelected;
    }
    assert_eq!(per_region, 29);
    let api = t
        .get(&format!(
            "/api/v1/elections/{DISTRICT_ELECTION}/results/statistics?region={}",
            unit.region.code
        ))
        .await;
    assert_eq!(api.status, StatusCode::OK);
    assert_eq!(api.json()["registered"], g.statistics.registered);
    for (query, status) in [
        ("region=12", StatusCode::BAD_REQUEST),
        ("region=999999999", StatusCode::NOT_FOUND),
    ] {
        let r = t
            .get(&format!(
                "/api/v1/elections/{DISTRICT_ELECTION}/results/statistics?{query}"
            ))
            .await;
        assert_eq!(r.status, status, "{query}");
    }
    let p = &unit.precincts[0].precinct;
    let precinct = t
        .get(&format!(
            "{base}/contests/{}/precincts/{}/{}?lang=en",
            unit.contest.id, p.region_code, p.number
        ))
        .await;
    assert_eq!(precinct.status, StatusCode::OK);
    assert!(!precinct.body.contains("not yet received"));
    // The repeat election in the tie's unit awaits its protocols.
    let repeat = sailau_app::demo_election_day::REPEAT_ELECTION;
    let waiting = t.app.election_results(&repeat).await.unwrap();
    let u = &waiting.units[0];
    let p = &u.precincts[0].precinct;
    let awaited = t
        .get(&format!(
            "/elections/{repeat}/results/contests/{}/precincts/{}/{}?lang=en",
            u.contest.id, p.region_code, p.number
        ))
        .await;
    assert_eq!(awaited.status, StatusCode::OK);
    assert!(awaited.body.contains("not yet received"));

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
